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
 * At the aggressive level, a credential ARG (as {@link SecretsToMounts} tells them) without a default that only
 * RUNs use goes, and each of those RUNs gets the BuildKit secret mount instead.
 */
public final class SecretArgToMount implements Pass {
    private static final PassInfo INFO = new PassInfo("secret-arg-to-mount", "secret ARG to secret mount",
            "Rewrite a credential ARG used only by RUNs to a BuildKit secret mount (build with --secret).",
            Level.AGGRESSIVE, List.of("SecretsUsedInArgOrEnv"), SecretsToMounts.INFO.explanation());

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Stage stage : file.stages()) {
            for (Instruction i : stage.instructions()) {
                if (i.kind() != Keyword.ARG) continue;
                List<String> names = SecretsToMounts.names(i);
                if (names.size() != 1 || !SecretsToMounts.looksSecret(names.get(0))) continue;
                String name = names.get(0);
                rewriteArg(file, stage, i, name, name.toLowerCase(Locale.ROOT), edits);
            }
        }
        return edits;
    }

    private static void rewriteArg(Dockerfile file, Stage stage, Instruction arg, String name, String id, List<Edit> edits) {
        if (!arg.command().values().get(0).equals(name)) return; // has a default value: it is baked in either way
        Pattern use = Pattern.compile("\\$\\{?" + Pattern.quote(name) + "\\b");
        List<Instruction> runs = new ArrayList<>();
        boolean after = false;
        for (Instruction i : stage.instructions()) {
            if (i == arg) {
                after = true;
                continue;
            }
            if (!after || !use.matcher(i.command().original()).find()) continue;
            if (i.kind() != Keyword.RUN || i.command().json() || !i.heredocs().isEmpty()
                    || !i.text().startsWith(i.command().keyword())) return;
            runs.add(i);
        }
        if (runs.isEmpty()) return;
        for (Instruction r : runs) {
            dev.whittle.edit.RunScript script = dev.whittle.edit.RunScript.of(r, file);
            if (script == null || !script.script().parsed()) return; // what the RUN does with it is not known
            String kept = writtenToAFile(script.script(), use);
            if (kept != null) {
                edits.add(Edit.finding(arg, Change.finding(INFO.id(), arg.line(), arg.endLine(), "ARG " + name
                        + " not moved to a secret mount: line " + r.line() + " writes it into " + Commands.shorten(kept, 60)
                        + ", which ships in the image either way")));
                return;
            }
        }
        // the env= form of a secret mount needs the Dockerfile frontend 1.10 (2024); without a syntax line that asks
        // for a current one, the secret is read from its file, which every BuildKit frontend mounts
        boolean envForm = modernSyntax(file.directive("syntax"));
        String kw = arg.command().keyword().toUpperCase(Locale.ROOT);
        edits.add(Edit.remove(arg, Change.rewrite(INFO.id(), arg.line(), arg.endLine(),
                kw + " " + name + " → secret mount on the RUNs that use it (build with --secret id=" + id
                        + ",env=" + name + " instead of --build-arg)")));
        for (Instruction r : runs) {
            String keyword = r.command().keyword();
            String rest = r.text().substring(keyword.length());
            String text;
            if (envForm) {
                text = keyword + " --mount=type=secret,id=" + id + ",env=" + name + rest;
            } else {
                if (rest.stripLeading().startsWith("--")) return; // flags of its own: the export goes after them
                text = keyword + " --mount=type=secret,id=" + id + " export " + name + "=\"$(cat /run/secrets/" + id
                        + ")\" && " + rest.stripLeading();
            }
            edits.add(Edit.replace(r, text, null));
        }
    }

    /** Whether the syntax directive asks for a frontend with the env= form of secret mounts (1.10 or newer). */
    static boolean modernSyntax(String syntax) {
        if (syntax == null) return false;
        java.util.regex.Matcher m = Pattern.compile("^(?:docker\\.io/)?docker/dockerfile(?:-upstream)?:(\\d+)(?:\\.(\\d+))?")
                .matcher(syntax.strip());
        if (!m.find()) return false;
        int major = Integer.parseInt(m.group(1));
        if (m.group(2) == null) return major >= 1; // docker/dockerfile:1 is the newest 1.x
        return major > 1 || Integer.parseInt(m.group(2)) >= 10;
    }

    /**
     * The file a command of the script writes the secret into (a redirect, tee, sed -i) that no later rm of the script
     * removes, or null: such a file ships in the image, mount or not.
     */
    private static String writtenToAFile(dev.whittle.shell.Script script, Pattern use) {
        List<dev.whittle.shell.SimpleCommand> commands = script.commands();
        for (int k = 0; k < commands.size(); k++) {
            dev.whittle.shell.SimpleCommand c = commands.get(k);
            String words = String.join(" ", c.words().stream().map(dev.whittle.shell.Word::text).toList());
            if (!use.matcher(words).find()) continue;
            List<String> targets = new ArrayList<>();
            for (dev.whittle.shell.Redirect r : c.redirects()) {
                if (r.operator().startsWith(">") && r.target() != null) targets.add(r.target().text());
            }
            String program = c.name() == null ? "" : Commands.program(c);
            if (program.equals("tee")) targets.addAll(c.args().stream().filter(a -> !a.startsWith("-")).toList());
            // tools that keep what they are given in a file of their own
            List<String> args = c.args();
            if (program.equals("git") && !args.isEmpty() && args.get(0).equals("config") && !args.contains("--file")) {
                targets.add(args.contains("--system") ? "/etc/gitconfig" : "~/.gitconfig");
            }
            // git keeps a clone's URL, with the credential in it, in the clone's .git/config
            String cloneDir = null;
            if (program.equals("git") && !args.isEmpty() && args.get(0).equals("clone")) {
                List<String> operands = args.stream().skip(1).filter(a -> !a.startsWith("-")).toList();
                String url = operands.stream().filter(a -> a.contains("@") && use.matcher(a).find()).findFirst().orElse(null);
                if (url != null) {
                    // the directory: the operand after the URL, else the URL's last part without .git
                    int at = operands.indexOf(url);
                    String last = url.replaceAll("/+$", "");
                    cloneDir = at + 1 < operands.size() ? operands.get(at + 1)
                            : last.substring(last.lastIndexOf('/') + 1).replaceAll("\\.git$", "");
                    targets.add(cloneDir);
                }
            }
            if ((program.equals("npm") || program.equals("yarn") || program.equals("pnpm") || program.equals("pip")
                    || program.equals("pip3")) && args.size() >= 2 && args.get(0).equals("config") && args.get(1).equals("set")) {
                targets.add("the " + program + " configuration file");
            }
            if (program.equals("sed") && c.args().stream().anyMatch(a -> a.startsWith("-i") || a.equals("--in-place"))) {
                targets.add(c.args().get(c.args().size() - 1));
            }
            for (String t : targets) {
                if (t.startsWith("/dev/") || t.matches("&?\\d")) continue;
                boolean removed = false;
                for (int j = k + 1; j < commands.size() && !removed; j++) {
                    List<String> rmArgs = commands.get(j).args();
                    removed = Commands.isProgram(commands.get(j), "rm") && (rmArgs.contains(t) || rmArgs.contains(t + "/"));
                }
                if (!removed) return t.equals(cloneDir) ? "the clone's .git/config (" + Commands.shorten(t, 30) + ")" : t;
            }
        }
        return null;
    }
}
