package dev.whittle.pass.rules;

import dev.whittle.facts.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.core.Change;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ARG and ENV that carry credentials are reported with the BuildKit secret mount that replaces them
 * ({@link SecretArgToMount} rewrites, at the aggressive level, the ARGs it can).
 */
public final class SecretsToMounts implements Pass {
    static final PassInfo INFO = new PassInfo("secrets-to-mounts", "secrets in ARG/ENV",
            "Report ARG/ENV that carry credentials (they end up in the image history); show the secret mount.",
            Level.SAFE, List.of("SecretsUsedInArgOrEnv"),
            "Build arguments and ENV values are stored in the image: `docker history` shows them to anyone who "
                    + "can pull it. Credentials belong in a BuildKit secret mount, which exists only while one "
                    + "RUN runs: `RUN --mount=type=secret,id=NAME,env=NAME ...`, built with `docker build "
                    + "--secret id=NAME,env=NAME` instead of `--build-arg NAME=...`. whittle reports ARG and ENV "
                    + "whose names look like credentials (token, password, secret, key, auth, credential; not "
                    + "public), showing the mount. At the aggressive level it also rewrites an ARG without a "
                    + "default that only RUN instructions use: the ARG goes and each RUN that reads it gets the "
                    + "mount. That changes how the image is built (the secret must be passed with --secret), "
                    + "which is why it is not done at lower levels. The env= option of secret mounts needs "
                    + "Dockerfile syntax 1.10 or later (`# syntax=docker/dockerfile:1` selects the current one). "
                    + "ENV is never rewritten: the application may read it at run time.");

    // BuildKit's SecretsUsedInArgOrEnv name test
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)");
    private static final Pattern PUBLIC = Pattern.compile("(?i)(?:_|^)public(?:_|$)");

    @Override
    public PassInfo info() {
        return INFO;
    }

    static boolean looksSecret(String name) {
        return SECRET.matcher(name).find() && !PUBLIC.matcher(name).find();
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Stage stage : file.stages()) {
            for (Instruction i : stage.instructions()) {
                if (i.kind() != Keyword.ARG && i.kind() != Keyword.ENV) continue;
                List<String> names = names(i);
                for (int n = 0; n < names.size(); n++) {
                    String name = names.get(n);
                    if (!looksSecret(name)) continue;
                    if (i.kind() == Keyword.ENV && NO_VALUE.contains(unquoted(i.command().values(), n).replaceAll("^[*_<\\[{]+|[*_>\\]}]+$", ""))) continue;
                    String id = name.toLowerCase(Locale.ROOT);
                    String mount = "RUN --mount=type=secret,id=" + id + ",env=" + name + " ...";
                    Change c = i.kind() == Keyword.ARG
                            ? Change.finding(INFO.id(), i.line(), i.endLine(), "ARG " + Commands.shorten(name, 40) + " looks like a credential and "
                                    + "stays in the image history; pass it as a build secret").withDetails(List.of(
                                    "in the RUN that uses it: " + mount,
                                    "and build with: docker build --secret id=" + id + ",env=" + name))
                            : Change.finding(INFO.id(), i.line(), i.endLine(), "ENV " + Commands.shorten(name, 40) + " looks like a credential and "
                                    + "ships in the image; give it when the container starts (docker run -e, a secret store)")
                            .withDetails(List.of("if only a RUN of the build needs it, use a build secret: " + mount));
                    edits.add(Edit.finding(i, c));
                }
            }
        }
        return edits;
    }

    /**
     * ENV values that carry no credential: empty, or a word for "no value" (Laravel's REDIS_PASSWORD=null, NOT_SET,
     * tutum's **None**, <none>).
     * A default such as "changeme" is still reported: it ships, and a container that keeps it is open.
     */
    private static final java.util.Set<String> NO_VALUE = java.util.Set.of("", "null", "none", "nil", "not_set", "notset",
            "unset", "undefined");

    /** The value of an ENV's n-th variable without its quotes, lower-cased. */
    private static String unquoted(List<String> values, int n) {
        int k = 3 * n + 1;
        if (k >= values.size()) return "?";
        String v = dev.whittle.facts.StageFacts.unquote(values.get(k));
        return v.toLowerCase(Locale.ROOT);
    }

    /** The names an ARG or ENV declares, in order. */
    static List<String> names(Instruction i) {
        List<String> v = i.command().values();
        List<String> out = new ArrayList<>();
        if (i.kind() == Keyword.ENV) {
            for (int k = 0; k < v.size(); k += 3) out.add(v.get(k));
        } else {
            for (String a : v) out.add(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
        }
        return out;
    }
}
