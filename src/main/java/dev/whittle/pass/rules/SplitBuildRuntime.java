package dev.whittle.pass.rules;

import dev.whittle.split.Split;
import dev.whittle.split.SplitPlanner;
import dev.whittle.split.SplitPlanner.Decision;
import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.Style;
import dev.whittle.core.Change;
import dev.whittle.split.RuntimeStage;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-stage build becomes a builder stage (the original build) and a runtime stage with only
 * the artifact, rendered from the language's template on a runtime image from the catalog.
 */
public final class SplitBuildRuntime implements Pass {
    private static final PassInfo INFO = new PassInfo("split-build-runtime", "Split build and runtime stages",
            "Keep compilers, package managers and sources in a builder stage; ship only the app on a small image.",
            Level.SAFE, List.of(),
            "A single-stage build ships everything it needed to build: the toolchain, -dev packages, caches, "
                    + "sources. whittle keeps the original build as a stage named `builder` and adds a runtime stage "
                    + "from the language's template (templates/runtime/): the artifact copied with COPY --from "
                    + "(Go, Rust and C binaries; a Python virtual environment and the app directory; a Node app "
                    + "with node_modules; a Java jar), the runtime packages the build installed (build-only ones such "
                    + "as gcc, make and *-dev stay behind; -dev libraries bring their runtime library; tools a "
                    + "program may start, such as git, curl and ssh, stay behind only when the build context's "
                    + "sources show the app starts no program, and an app whose sources do is not split), and "
                    + "EXPOSE, ENV, WORKDIR, USER, VOLUME, LABEL, HEALTHCHECK, STOPSIGNAL, CMD and ENTRYPOINT "
                    + "carried over. `go run` at start becomes a binary compiled once. The runtime image comes from "
                    + "the catalog (templates/catalog.yaml) by level: safe keeps the builder's distribution "
                    + "(debian:<release>-slim, python:<v>-slim, alpine), balanced prefers distroless, aggressive "
                    + "allows scratch; C libraries never mix (musl builds stay on alpine, glibc builds go to a glibc "
                    + "at least as new), and only static binaries go to images without one. Images without CA "
                    + "certificates get the builder's; distroless and scratch run as a non-root user. The split is "
                    + "refused, with the reason, when the artifact is unknown (no CMD/ENTRYPOINT, a program no RUN "
                    + "visibly builds), when the start command is a shell script, when a -dev package's runtime "
                    + "library is unknown, or when no catalog image fits. Multi-stage files are not split again. "
                    + "Without a build context (--context), Go sources cannot be checked for cgo or for files "
                    + "read at run time: cgo then stays on and the report says what was assumed.");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        Decision d = SplitPlanner.decide(file, context.context(), context.knowledge(), context.level());
        if (d.split() == null) {
            if (d.reason() == null || d.reason().isEmpty()) return List.of();
            Instruction from = file.stages().get(0).from();
            return List.of(Edit.finding(from, Change.finding(INFO.id(), from.line(), from.endLine(),
                    "not split: " + d.reason()).withDetails(d.details())));
        }
        Split split = d.split();
        Stage stage = file.stages().get(0);
        String eol = stage.from().eol().isEmpty() ? "\n" : stage.from().eol();
        Map<Instruction, String> texts = new IdentityHashMap<>(split.builder().edits());
        if (stage.name() == null) {
            String from = texts.getOrDefault(stage.from(), stage.from().text());
            texts.put(stage.from(), from.stripTrailing() + " " + Style.keyword(stage.from(), "AS") + " " + split.builderName());
        }
        Instruction anchor = stage.from();
        for (Instruction i : stage.instructions()) if (!split.moved().contains(i)) anchor = i;
        StringBuilder tail = new StringBuilder(texts.getOrDefault(anchor, anchor.text()));
        for (String command : split.builder().appended()) tail.append(eol).append(Style.keyword(anchor, "RUN")).append(' ').append(command);
        tail.append(eol).append(eol).append(RuntimeStage.render(split, context.knowledge(), file));
        texts.put(anchor, tail.toString());

        Instruction last = stage.instructions().isEmpty() ? stage.from() : stage.instructions().get(stage.instructions().size() - 1);
        Change change = Change.rewrite(INFO.id(), stage.from().line(), last.endLine(), message(split))
                .withDetails(split.notes());
        Integer before = split.builderSizeMb();
        Integer after = split.candidate().sizeMb();
        if (before != null && after != null && before > after) {
            change = change.withEstimate("-" + (before - after) + " MB: base image and toolchain " + before + " MB → runtime base "
                    + after + " MB");
        }
        List<Edit> edits = new ArrayList<>();
        edits.add(Edit.replace(stage.from(), texts.remove(stage.from()), change));
        for (Map.Entry<Instruction, String> e : texts.entrySet()) edits.add(Edit.replace(e.getKey(), e.getValue(), null));
        for (Instruction i : split.moved()) if (i != anchor) edits.add(Edit.remove(i, null));
        return edits;
    }

    /** What a reviewer should check, in a few words, for the notes that change how the app runs. */
    private static final java.util.Map<String, String> CHECKS = new java.util.LinkedHashMap<>();

    static {
        CHECKS.put("UPX-compressed (", "UPX (slower start)");
        CHECKS.put("non-root user", "runs as non-root");
        CHECKS.put("runs as uid 65534", "runs as uid 65534");
        CHECKS.put("CGO_ENABLED=0", "static binary (CGO_ENABLED=0)");
        CHECKS.put("taken to be what", "that the start program is the build's");
        CHECKS.put("runs `", "the start command is rewritten");
        CHECKS.put("another vendor or distribution release", "the app on another Java build");
        CHECKS.put("copied too", "the extra files copied");
        CHECKS.put("the pip Python bundles", "the venv's own pip");
        CHECKS.put(" has beside ", "the app needs none of the full image's tools");
    }

    /**
     * The first line: what was done and what to check; the notes go to the details (JSON, SARIF). The things to
     * check come before the artifact's name: when both do not fit in 160 characters, the name is left out.
     */
    private static String message(Split split) {
        List<String> checks = new ArrayList<>();
        for (var e : CHECKS.entrySet()) {
            if (split.notes().stream().anyMatch(n -> n.startsWith(e.getKey()) || n.contains("; " + e.getKey())
                    || !e.getKey().startsWith("UPX") && n.contains(e.getKey())) && !checks.contains(e.getValue())) {
                checks.add(e.getValue());
            }
        }
        String base = "split: runtime stage on " + split.image();
        String named = base + " with " + split.plan().artifact();
        List<String> withName = fitting(checks, 160 - named.length());
        List<String> without = fitting(checks, 160 - base.length());
        return withName.size() == without.size() && (named + suffix(checks, withName)).length() <= 160
                ? named + suffix(checks, withName) : base + suffix(checks, without);
    }

    /** As many of the checks as fit, with their "(+N more)", in {@code room} characters. */
    private static List<String> fitting(List<String> checks, int room) {
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < checks.size(); k++) {
            List<String> next = new ArrayList<>(shown);
            next.add(checks.get(k));
            int left = checks.size() - k - 1;
            String text = "; check: " + String.join(", ", next) + (left > 0 ? " (+" + left + " more)" : "");
            if (text.length() > room) break;
            shown = next;
        }
        return shown;
    }

    /** "; check: a, b (+2 more)", or "; 3 things to check" when none fits. */
    private static String suffix(List<String> checks, List<String> shown) {
        int left = checks.size() - shown.size();
        StringBuilder m = new StringBuilder();
        if (!shown.isEmpty()) m.append("; check: ").append(String.join(", ", shown));
        if (left > 0) {
            m.append(shown.isEmpty() ? "; " : " (+").append(left)
                    .append(shown.isEmpty() ? (left == 1 ? " thing to check" : " things to check") : " more)");
        }
        return m.toString();
    }
}
