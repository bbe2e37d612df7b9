package dev.whittle.pass.rules;

import dev.whittle.facts.Commands;
import dev.whittle.facts.ToolVersions;
import dev.whittle.pass.PassContext;
import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.core.Change;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Step;
import dev.whittle.shell.Word;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;

/** {@code go get} used to install a program becomes {@code go install module@latest}. */
public final class GoGetToInstall implements Pass {
    private static final PassInfo INFO = new PassInfo("go-get-to-install", "go get to go install @version",
            "Install Go programs with `go install pkg@version`; `go get` installing was deprecated in Go 1.17, gone in 1.18.",
            Level.SAFE, List.of(),
            "Go 1.17 deprecated installing with `go get`, and since Go 1.18 it only edits go.mod (outside a module it fails); installing a program is "
                    + "`go install path@version` (Go 1.16+). whittle rewrites `go get [-u] [-v] path...` to "
                    + "`go install [-v] path@latest` when the RUN is clearly installing programs: no build "
                    + "context has been copied into the stage yet (so there is no go.mod the command could be "
                    + "editing), no -d flag, every argument a full import path in lower case (module paths are case-sensitive, and a go.mod may spell the path otherwise than the repository's URL does: a path with capitals is reported). @latest is what module-mode "
                    + "`go get -u` fetched: the newest release tag, which for a repository without go.mod can be older "
                    + "than the default branch a GOPATH-mode `go get` once built; pin a version for reproducible builds. A following `go install path` of the same "
                    + "paths is then redundant and removed. With a golang image older than 1.16 the rewrite is "
                    + "reported, not made (that toolchain has no `go install path@version`), and so it is when the Go version "
                    + "is not known (a distribution's go package can be as old as 1.3), when GO111MODULE=off, and when a "
                    + "later step uses the sources `go get` put in $GOPATH/src (`go install path@version` leaves them in the "
                    + "module cache).");


    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        for (Stage stage : file.stages()) {
            boolean contextCopied = false;
            for (Instruction i : stage.instructions()) {
                if (i.kind() == Keyword.COPY || i.kind() == Keyword.ADD) contextCopied = true;
                if (!RunScript.mentions(i, "go") || contextCopied) continue;
                RunScript script = RunScript.of(i, file);
                if (script == null) continue;
                List<String> installed = new ArrayList<>();
                Edit e = rewrite(file, stage, i, script, context, installed);
                if (e == null) continue;
                List<Edit> later = e.rewrites() ? laterInstalls(file, stage, i, installed) : List.of();
                if (later == null) {
                    edits.add(Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(), "`go get` kept: a later RUN "
                            + "repeats it as `go install path`, which whittle cannot remove cleanly (a comment above it, "
                            + "or steps not joined with &&)")));
                    continue;
                }
                edits.add(e);
                edits.addAll(later);
            }
        }
        return edits;
    }

    /** The RUN's rewrite (or finding); {@code installed} receives the import paths it now installs. */
    private Edit rewrite(Dockerfile file, Stage stage, Instruction i, RunScript script, PassContext context,
                         List<String> installed) {
        List<Step> steps = script.script().steps();
        int firstGet = -1;
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            if (s.compound() || s.commands().size() != 1) continue;
            SimpleCommand c = s.commands().get(0);
            if (!Commands.isProgram(c, "go") || c.words().size() < 3 || !"get".equals(c.words().get(1).literal())) continue;
            List<String> paths = new ArrayList<>();
            boolean verbose = false;
            for (int w = 2; w < c.words().size(); w++) {
                String a = c.words().get(w).literal();
                if (a == null) return null;
                if (a.equals("-v")) verbose = true;
                else if (a.equals("-u")) continue;
                else if (a.startsWith("-")) return null; // -d, -t, -insecure ...: leave it
                else if (a.matches("[a-z0-9.-]+\\.[a-z]+(/[A-Za-z0-9._~/-]+)?(\\.\\.\\.)?(@[A-Za-z0-9._+-]+)?")) paths.add(a);
                else return null;
            }
            if (paths.isEmpty()) return null;
            List<String> versioned = paths.stream().map(p -> p.contains("@") ? p : p + "@latest").toList();
            String replacement = "go install " + (verbose ? "-v " : "") + String.join(" ", versioned);
            String version = ToolVersions.go(file, stage, i, c, context.knowledge().facts(),
                    context.context());
            String why = null;
            String capitals = paths.stream().filter(p -> !p.equals(p.toLowerCase(java.util.Locale.ROOT))).findFirst().orElse(null);
            if (capitals != null) {
                // GitHub ignores the case of a path, module paths do not: a go.mod that declares
                // github.com/sean-der/fail2rest makes `go install github.com/Sean-Der/fail2rest@latest` fail (r35)
                return Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(), "`go get` kept: `"
                        + Commands.shorten(capitals, 40) + "` has capitals, and `go install path@version` fails when "
                        + "the module's go.mod spells its path otherwise")
                        .withDetails(List.of("the rewrite would be: " + replacement + "; check the module path the go.mod "
                                + "of " + capitals.replaceAll("@.*", "") + " declares")));
            }
            if (!ToolVersions.atLeast(version, "1.16")) {
                why = version == null ? "the Go version here is not known" : "this stage has Go " + version;
            } else if ("off".equals(goModule(stage, c))) {
                why = "GO111MODULE=off: GOPATH mode has no path@version";
            } else {
                String user = usesSources(file, stage, i, script.script().steps(), k, paths);
                if (user != null) why = "a later step uses the sources it put in GOPATH (`" + user + "`)";
            }
            if (why != null) {
                return Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(), "`go get` kept: `go install "
                        + "path@version` needs Go 1.16 and modules; " + why)
                        .withDetails(List.of("the rewrite would be: " + replacement)));
            }
            Word first = c.words().get(0);
            Word last = c.words().get(c.words().size() - 1);
            if (!script.replace(first, last, replacement)) return null;
            for (String p : paths) installed.add(p.replaceAll("@.*", ""));
            if (firstGet < 0) firstGet = k;
        }
        if (installed.isEmpty()) return null;
        // a later `go install path` of the same paths (no version) is redundant now, and fails outside a module
        for (int k = firstGet + 1; k < steps.size(); k++) {
            // the same test that let usesSources pass over it (flags such as -trimpath do not change what it is)
            if (redundantInstall(steps.get(k), installed)) script.removeStep(k);
        }
        return Edit.replace(i, script.text(), Change.rewrite(INFO.id(), i.line(), i.endLine(),
                "`go get` of a program → `go install path@latest` (go get no longer installs since Go 1.18; "
                        + "pin a version for reproducible builds)"));
    }

    /**
     * The later RUNs of the stage that only repeat, as {@code go install path}, what the rewritten RUN now installs:
     * without a version that fails outside a module, so they go too (a RUN with nothing else in it goes whole). The
     * same as for such a step in the rewritten RUN itself, so that merging the RUNs first gives the same result.
     * Null when one cannot be removed cleanly (a comment above the RUN, steps not joined with &&).
     */
    private static List<Edit> laterInstalls(Dockerfile file, Stage stage, Instruction run, List<String> installed) {
        List<Edit> out = new ArrayList<>();
        boolean after = false;
        for (Instruction i : stage.instructions()) {
            if (i == run) {
                after = true;
                continue;
            }
            if (!after || i.kind() != Keyword.RUN || !RunScript.mentions(i, "go")) continue;
            RunScript script = RunScript.of(i, file);
            if (script == null) continue;
            List<Step> steps = script.script().steps();
            List<Integer> redundant = new ArrayList<>();
            for (int k = 0; k < steps.size(); k++) if (redundantInstall(steps.get(k), installed)) redundant.add(k);
            if (redundant.isEmpty()) continue;
            if (redundant.size() == steps.size()) {
                // the comment lines above a removed instruction go with it: not a comment whittle may drop here
                if (!dev.whittle.edit.Trivia.commentBlock(i.prefix()).isEmpty()) return null;
                out.add(Edit.remove(i, null));
                continue;
            }
            for (int k = redundant.size() - 1; k >= 0; k--) if (!script.removeStep(redundant.get(k))) return null;
            out.add(Edit.replace(i, script.text(), null));
        }
        return out;
    }

    /** Whether the step is a `go install` of paths `go get` fetched, without versions (it goes with the rewrite). */
    private static boolean redundantInstall(Step s, List<String> paths) {
        if (s.compound() || s.commands().size() != 1) return false;
        SimpleCommand c = s.commands().get(0);
        return Commands.isProgram(c, "go") && c.words().size() >= 3 && "install".equals(c.words().get(1).literal())
                && paths.containsAll(c.args().subList(1, c.args().size()).stream().filter(a -> !a.startsWith("-")).toList());
    }

    /** GO111MODULE as the command sees it (its own assignment, else the stage's ENV), or null. */
    private static String goModule(Stage stage, SimpleCommand c) {
        for (Word a : c.assignments()) {
            String v = a.literal();
            if (v != null && v.startsWith("GO111MODULE=")) return v.substring("GO111MODULE=".length());
        }
        String value = null;
        for (Instruction i : stage.instructions()) {
            if (i.kind() != Keyword.ENV) continue;
            List<String> v = i.command().values();
            for (int k = 0; k + 1 < v.size(); k += 3) if (v.get(k).equals("GO111MODULE")) value = v.get(k + 1);
        }
        return value;
    }

    /**
     * The first later step (in this RUN or after it) that names a GOPATH source directory or one of the fetched
     * import paths: with `go install path@version` the sources go to the module cache, not $GOPATH/src.
     */
    private static String usesSources(Dockerfile file, Stage stage, Instruction run, List<Step> steps, int get, List<String> paths) {
        // a later cd or WORKDIR into a path named by a variable (cd ${PROJECT_ROOT}) may be the GOPATH source too
        List<String> needles = new ArrayList<>(List.of("$GOPATH/src", "${GOPATH}/src", "/go/src/", "cd $", "cd \"$", "WORKDIR $"));
        List<String> bare = new ArrayList<>();
        for (String p : paths) bare.add(p.replaceAll("@.*", "").replaceAll("/\\.\\.\\.$", ""));
        needles.addAll(bare);
        String body = run.command().args();
        for (int k = get + 1; k < steps.size(); k++) {
            Step s = steps.get(k);
            if (redundantInstall(s, bare)) continue; // `go install path` of the same paths: removed with the rewrite
            String text = body.substring(s.start(), s.end());
            for (String n : needles) if (text.contains(n)) return Commands.snippet(run, 32);
        }
        boolean after = false;
        for (Instruction i : file.instructions()) {
            if (i == run) {
                after = true;
                continue;
            }
            if (!after) continue;
            RunScript later = i.kind() == Keyword.RUN && stage.instructions().contains(i) ? RunScript.of(i, file) : null;
            if (later != null) {
                // step by step, as in the RUN itself: a `go install path` of the same paths goes with the rewrite
                String laterBody = i.command().args();
                for (Step s : later.script().steps()) {
                    if (redundantInstall(s, bare)) continue;
                    String text = laterBody.substring(s.start(), s.end());
                    for (String n : needles) if (text.contains(n)) return Commands.snippet(i, 32);
                }
                continue;
            }
            for (String n : needles) if (i.command().original().contains(n)) return Commands.snippet(i, 32);
        }
        return null;
    }
}
