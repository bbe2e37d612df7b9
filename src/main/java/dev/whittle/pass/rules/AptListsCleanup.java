package dev.whittle.pass.rules;

import dev.whittle.pass.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.pass.FinalImage;
import dev.whittle.pass.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassInfo;
import dev.whittle.pass.RunScript;
import dev.whittle.report.Change;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Step;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A RUN that runs {@code apt-get update} removes {@code /var/lib/apt/lists/*} itself. A removal that sits
 * in a later RUN (where it frees nothing) moves into the RUNs that fetched the lists.
 */
public final class AptListsCleanup implements Pass {
    private static final PassInfo INFO = new PassInfo("apt-lists-cleanup", "apt lists removed in the same RUN",
            "Remove /var/lib/apt/lists/* in the RUN that ran apt-get update, not in a later layer.",
            Level.SAFE, List.of("DL3009"),
            "apt-get update downloads the package index into /var/lib/apt/lists (typically 20 to 50 MB). Each RUN "
                    + "is a layer, so the index must be removed in the same RUN that fetched it; an `rm` in a "
                    + "later RUN only hides the files. whittle appends `rm -rf /var/lib/apt/lists/*` to the RUN "
                    + "that runs apt-get update, and drops a later RUN's removal that has then nothing left to "
                    + "do. It reports instead of rewriting when a later RUN installs with apt without its own "
                    + "update (it relies on the index: merge the RUNs), and leaves alone RUNs that mount a "
                    + "cache and builder stages whose files never ship.");

    private static final String CLEANUP = "rm -rf /var/lib/apt/lists/*";
    private static final String LISTS = "/var/lib/apt/lists";
    private static final Set<String> NEEDS_LISTS = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade",
            "build-dep", "source", "download", "satisfy", "reinstall");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file) {
        List<Stage> shipping = new ArrayList<>(FinalImage.stages(file));
        Collections.reverse(shipping);
        List<Instruction> runs = new ArrayList<>();
        List<Stage> stageOf = new ArrayList<>();
        for (Stage s : shipping) {
            for (Instruction i : s.instructions()) {
                if (i.kind() != Keyword.RUN) continue;
                runs.add(i);
                stageOf.add(s);
            }
        }
        List<RunScript> scripts = new ArrayList<>();
        // a RUN that does not say "apt" neither fetches nor cleans the lists: it is passed over unparsed
        for (Instruction i : runs) scripts.add(RunScript.mentions(i, "apt") ? RunScript.of(i, file) : null);
        List<Edit> edits = new ArrayList<>();
        int[] nextNeeder = null; // worked out once, when a RUN that updates needs it: linear, not a scan per RUN
        java.util.Map<Integer, java.util.Optional<Instruction>> builderNeeder = new java.util.HashMap<>();
        boolean allFixed = true;
        boolean updatedBefore = false;
        for (int r = 0; r < runs.size(); r++) {
            Instruction run = runs.get(r);
            RunScript script = scripts.get(r);
            if (script == null) {
                if (updates(run.command().original())) allFixed = false;
                continue;
            }
            Script sh = script.script();
            if (!updates(sh)) {
                List<Integer> cleanupSteps = cleanupSteps(sh);
                if (!cleanupSteps.isEmpty() && allFixed && updatedBefore) edits.add(dropLaterCleanup(script, cleanupSteps));
                continue;
            }
            updatedBefore = true;
            if (Commands.removes(sh, LISTS)) continue;
            if (script.hasCacheMount()) {
                allFixed = false;
                continue;
            }
            // the first of the later RUNs, then of the builder stages built on this one, that needs the lists
            if (nextNeeder == null) nextNeeder = nextNeeders(runs, scripts);
            Stage stage = stageOf.get(r);
            Instruction needer = nextNeeder[r + 1] >= 0 ? runs.get(nextNeeder[r + 1])
                    : builderNeeder.computeIfAbsent(stage.index(),
                            k -> java.util.Optional.ofNullable(needer(builderRunsOn(file, stage), file))).orElse(null);
            if (needer != null) {
                allFixed = false;
                edits.add(Edit.finding(run, Change.finding(INFO.id(), run.line(), run.endLine(),
                        "apt lists are kept: a later RUN (`" + Commands.snippet(needer) + "`) installs with apt "
                                + "without its own apt-get update; merge the RUNs, then the lists can go")));
                continue;
            }
            if (!script.canAppend()) {
                allFixed = false;
                edits.add(Edit.finding(run, Change.finding(INFO.id(), run.line(), run.endLine(),
                        "apt lists are kept: the RUN ends in `;`, `&` or a comment, so `&& " + CLEANUP
                                + "` cannot simply be added")));
                continue;
            }
            edits.add(Edit.replace(run, script.append(CLEANUP).text(), Change.rewrite(INFO.id(), run.line(),
                    run.endLine(), "apt lists removed in the RUN that fetched them").withEstimate("about -20 to -50 MB")));
        }
        return edits;
    }

    private Edit dropLaterCleanup(RunScript script, List<Integer> cleanupSteps) {
        Instruction run = script.instruction();
        String message = "`" + CLEANUP + "` in a later layer frees nothing; it now runs in the RUN that fetched "
                + "the lists";
        if (script.script().steps().size() == cleanupSteps.size()) {
            return Edit.remove(run, Change.rewrite(INFO.id(), run.line(), run.endLine(), message));
        }
        boolean removed = true;
        int k = 0;
        while (k < cleanupSteps.size() && removed) {
            int first = cleanupSteps.get(k);
            int last = first;
            while (k + 1 < cleanupSteps.size() && cleanupSteps.get(k + 1) == last + 1) {
                k++;
                last++;
            }
            removed = script.removeSteps(first, last);
            k++;
        }
        if (!removed) {
            return Edit.finding(run, Change.finding(INFO.id(), run.line(), run.endLine(),
                    "`" + CLEANUP + "` in a later layer frees nothing; remove it (it is not joined with &&)"));
        }
        return Edit.replace(run, script.text(), Change.rewrite(INFO.id(), run.line(), run.endLine(), message));
    }

    /**
     * The RUNs of builder stages (stages that do not ship) built FROM {@code stage}, directly or through
     * other stages: they start from its layers, lists included.
     */
    private static List<Instruction> builderRunsOn(Dockerfile file, Stage stage) {
        List<Stage> all = file.stages();
        List<Stage> shipping = FinalImage.stages(file);
        List<Instruction> out = new ArrayList<>();
        for (Stage s : all) {
            if (shipping.contains(s)) continue;
            for (Stage p = FinalImage.parent(all, s); p != null; p = FinalImage.parent(all, p)) {
                if (p.index() == stage.index()) {
                    for (Instruction i : s.instructions()) if (i.kind() == Keyword.RUN) out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    /** The first of the RUNs that installs with apt without fetching the lists itself, or null. */
    private static Instruction needer(List<Instruction> later, Dockerfile file) {
        for (Instruction i : later) {
            if (RunScript.mentions(i, "apt") && needsLists(i, RunScript.of(i, file))) return i;
        }
        return null;
    }

    /** For each index k, the first RUN at or after k that needs the lists ({@link #needsLists}), or -1. */
    private static int[] nextNeeders(List<Instruction> runs, List<RunScript> scripts) {
        int[] next = new int[runs.size() + 1];
        next[runs.size()] = -1;
        for (int k = runs.size() - 1; k >= 0; k--) {
            boolean needs = RunScript.mentions(runs.get(k), "apt") && needsLists(runs.get(k), scripts.get(k));
            next[k] = needs ? k : next[k + 1];
        }
        return next;
    }

    /** Whether a RUN that says "apt" installs with it without fetching the lists itself (s: its script, or null). */
    private static boolean needsLists(Instruction i, RunScript s) {
        if (s == null) return INSTALL.matcher(i.command().original()).find();
        if (updates(s.script())) return false;
        for (SimpleCommand c : s.script().commands()) {
            if (isApt(c) && Commands.subcommand(c, NEEDS_LISTS) != null) return true;
            if (Commands.isProgram(c, "apt-cache")) return true;
        }
        return false;
    }

    /** The indexes of the top-level steps that are only an rm of the lists. */
    private static List<Integer> cleanupSteps(Script sh) {
        List<Integer> out = new ArrayList<>();
        List<Step> steps = sh.steps();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            if (s.compound() || s.commands().size() != 1) continue;
            SimpleCommand c = s.commands().get(0);
            if (!Commands.isProgram(c, "rm") || !c.redirects().isEmpty()) continue;
            List<String> paths = c.args().stream().filter(a -> !a.startsWith("-")).toList();
            if (!paths.isEmpty() && paths.stream().allMatch(p -> p.replace("\"", "").startsWith(LISTS))) out.add(k);
        }
        return out;
    }

    private static boolean isApt(SimpleCommand c) {
        return Commands.isProgram(c, "apt-get", "apt", "aptitude");
    }

    private static boolean updates(Script sh) {
        for (SimpleCommand c : sh.commands()) {
            if (isApt(c) && Commands.subcommand(c, Set.of("update")) != null) return true;
        }
        return false;
    }

    private static final Pattern INSTALL = Pattern.compile("(?s)\\bapt(-get)?\\s.*install");
    private static final Pattern UPDATE = Pattern.compile("\\bapt(-get)?\\s+(-\\S+\\s+)*update\\b");

    private static boolean updates(String line) {
        return line.contains("apt") && UPDATE.matcher(line).find(); // most RUNs do not say apt: no need to match
    }
}
