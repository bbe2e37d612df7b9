package dev.whittle.pass.rules;

import dev.whittle.facts.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.facts.FinalImage;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.core.Change;
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
                    + "do. It reports instead of rewriting when a later RUN installs with apt before (or without) "
                    + "an update of its own (it relies on the index: merge the RUNs), and leaves alone RUNs that mount a "
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
    public List<Edit> run(Dockerfile file, PassContext context) {
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
        Later later = null; // worked out once, when a RUN that updates needs it: linear, not a scan per RUN
        java.util.Map<Integer, java.util.Optional<Needer>> builderNeeder = new java.util.HashMap<>();
        boolean allFixed = true;
        boolean updatedBefore = false;
        List<Instruction> fixed = new ArrayList<>(); // the RUNs that now remove their lists: a later cleanup goes with them
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
                if (!cleanupSteps.isEmpty() && allFixed && updatedBefore) {
                    edits.add(dropLaterCleanup(script, cleanupSteps).requiring(fixed));
                }
                continue;
            }
            updatedBefore = true;
            if (Commands.removes(sh, LISTS)) continue;
            if (script.hasCacheMount()) {
                allFixed = false;
                continue;
            }
            // the first of the later RUNs, then of the builder stages built on this one, that needs the lists
            if (later == null) later = later(runs, file);
            Stage stage = stageOf.get(r);
            int next = later.next()[r + 1];
            Needer needer = next >= 0 ? later.needers().get(next) : next == REFRESHED ? null
                    : builderNeeder.computeIfAbsent(stage.index(),
                            k -> java.util.Optional.ofNullable(needer(builderRunsOn(file, stage), file))).orElse(null);
            if (needer != null) {
                allFixed = false;
                edits.add(Edit.finding(run, Change.finding(INFO.id(), run.line(), run.endLine(), needer.script()
                        ? "apt lists kept: a later RUN (`" + Commands.snippet(needer.run(), 40) + "`) runs a script, which "
                                + "may install with apt"
                        : needer.pattern()
                        ? "apt lists kept: a later RUN (`" + Commands.snippet(needer.run(), 40) + "`) removes packages by a "
                                + "pattern, which apt matches against the lists"
                        : "apt lists kept: a later RUN (`" + Commands.snippet(needer.run(), 40) + "`) installs before its own "
                                + "update; merge the RUNs, then the lists can go")));
                continue;
            }
            if (sh.commands().stream().allMatch(c -> isApt(c) && Commands.subcommand(c, Set.of("update")) != null)) {
                // removing the lists again would leave a RUN that does nothing (r28): what it was for is not read
                allFixed = false;
                edits.add(Edit.finding(run, Change.finding(INFO.id(), run.line(), run.endLine(),
                        "apt lists kept: the RUN only runs apt-get update, and nothing later in this file installs "
                                + "from its lists (an image built on this one may)")));
                continue;
            }
            if (!script.canAppend()) {
                allFixed = false;
                edits.add(Edit.finding(run, Change.finding(INFO.id(), run.line(), run.endLine(),
                        "apt lists kept: the RUN ends in `;`, `&`, a comment or an `exit`, so whittle cannot append `" + CLEANUP
                                + "`")));
                continue;
            }
            edits.add(Edit.replace(run, script.append(CLEANUP).text(), Change.rewrite(INFO.id(), run.line(),
                    run.endLine(), "apt lists removed in the RUN that fetched them")));
            fixed.add(run);
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

    /** A later RUN that reads the lists left behind, and whether it does so through a script whittle cannot read. */
    private record Needer(Instruction run, boolean script, boolean pattern) {
        Needer(Instruction run, boolean script) {
            this(run, script, false);
        }
    }

    /**
     * The first of the RUNs that installs with apt before fetching the lists itself, or runs a script (a copied
     * setup.sh can install with apt without an update of its own); null when none does before a RUN that fetches the
     * lists anew (from there on the lists are that RUN's).
     */
    private static Needer needer(List<Instruction> later, Dockerfile file) {
        for (Instruction i : later) {
            Needer n = status(i, file);
            if (n == NONE) continue;
            return n == FRESH ? null : n;
        }
        return null;
    }

    /** Text that may run a script: a .sh file, a path, a shell or make. */
    private static final Pattern SCRIPT_HINT = Pattern.compile("\\.sh\\b|\\./|\\b(sh|bash|ash|dash|make|source)\\b|(^|\\s)\\. /");

    /** {@link #SCRIPT_HINT} found in the text; each of its branches holds one of the words tried first, which is quicker. */
    private static boolean scriptHint(String text) {
        return (text.contains("sh") || text.contains("./") || text.contains("make") || text.contains("source")
                || text.contains(". /")) && SCRIPT_HINT.matcher(text).find();
    }

    /** No later RUN needs the lists: one fetches them anew first. */
    private static final int REFRESHED = -2;
    private static final Needer NONE = new Needer(null, false);
    private static final Needer FRESH = new Needer(null, false);

    /** For each RUN, the first one at or after it that needs the lists; see {@link #later}. */
    private record Later(int[] next, List<Needer> needers) {}

    /**
     * For each index k, the first RUN at or after k that needs the lists (its index), {@link #REFRESHED} when a RUN
     * fetches them anew before any does, or -1 when none does up to the end: linear, not a scan per RUN.
     */
    private static Later later(List<Instruction> runs, Dockerfile file) {
        int[] next = new int[runs.size() + 1];
        next[runs.size()] = -1;
        List<Needer> needers = new ArrayList<>(java.util.Collections.nCopies(runs.size(), NONE));
        for (int k = runs.size() - 1; k >= 0; k--) {
            Needer n = status(runs.get(k), file);
            needers.set(k, n);
            next[k] = n == FRESH ? REFRESHED : n == NONE ? next[k + 1] : k;
        }
        return new Later(next, needers);
    }

    /**
     * What a RUN does with the lists: needs them (an install before its own update, apt-cache, or a script whittle
     * cannot read), fetches them anew first ({@link #FRESH}), or neither ({@link #NONE}).
     */
    private static Needer status(Instruction i, Dockerfile file) {
        boolean apt = RunScript.mentions(i, "apt");
        String text = i.command().original();
        if (!apt && !scriptHint(text)) return NONE;
        RunScript s = RunScript.of(i, file);
        if (s == null) {
            if (apt && INSTALL.matcher(text).find()) return new Needer(i, false);
            return scriptHint(text) ? new Needer(i, true) : NONE;
        }
        // in command order: an install before the RUN's own update still reads the lists left behind
        for (SimpleCommand wrapped : s.script().commands()) {
            SimpleCommand c = unwrapped(wrapped);
            if (isApt(c) && Commands.subcommand(c, Set.of("update")) != null) return FRESH;
            if (isApt(c) && Commands.subcommand(c, NEEDS_LISTS) != null) return new Needer(i, false);
            // a remove or purge by pattern (mysql*, ^php.*) is matched against every package the lists know: without
            // them nothing matches and apt-get stops with "Unable to locate package"
            if (isApt(c) && dev.whittle.facts.Packages.removes(c)
                    && c.args().stream().anyMatch(a -> !a.startsWith("-") && a.matches(".*[*?\\[\\]^$].*"))) {
                return new Needer(i, false, true);
            }
            if (Commands.isProgram(c, "apt-cache")) return new Needer(i, false);
            if (Commands.runsScript(c)) return new Needer(i, true);
        }
        return NONE;
    }

    /** Programs that run the command after their own options: {@code sudo apt-get install -f} is an apt-get install. */
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "nice", "nohup", "time");
    /** Options of those programs that take the next word as their value ({@code sudo -u user}). */
    private static final Set<String> WRAPPER_VALUES = Set.of("-u", "-g", "-U", "-C", "-D", "-h", "-p", "-r", "-t", "-T",
            "-n", "--user", "--group");

    /** The command a wrapper runs (the command itself when it is none), as far as its words are literal. */
    private static SimpleCommand unwrapped(SimpleCommand c) {
        List<dev.whittle.shell.Word> words = c.words();
        int k = 0;
        while (k < words.size() && words.get(k).literal() != null
                && WRAPPERS.contains(words.get(k).literal().substring(words.get(k).literal().lastIndexOf('/') + 1))) {
            k++;
            while (k < words.size()) {
                String t = words.get(k).literal();
                if (t == null) return c;
                if (WRAPPER_VALUES.contains(t)) k += 2;
                else if (t.startsWith("-") || t.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) k++;
                else break;
            }
        }
        if (k == 0 || k >= words.size()) return c;
        return new SimpleCommand(c.assignments(), words.subList(k, words.size()), c.redirects(), c.start(), c.end(),
                c.depth());
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
