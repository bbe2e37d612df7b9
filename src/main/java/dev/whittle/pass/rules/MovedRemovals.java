package dev.whittle.pass.rules;

import dev.whittle.core.Change;
import dev.whittle.edit.RunScript;
import dev.whittle.facts.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.pass.rules.ArchiveRemoval.Candidate;
import dev.whittle.pass.rules.LaterRemoval.Kind;
import dev.whittle.pass.rules.LaterRemoval.Removal;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The edits of archive-removal once it knows which downloads can go: the {@code rm -f} appended to each downloading
 * RUN, and what becomes of a later RUN's {@code rm} of those files. A later rm that removes only moved files, as a
 * step of its own, goes (the RUN too when nothing else is left); one with -f that removes more stays (a missing file
 * is no error for it), and so does an rm of a folder above the file; an rm without -f that would then fail (a pattern
 * that may match nothing, an rm of other files too, an rm inside a condition) refuses the move, and so does every
 * other download of the same RUN, until nothing changes.
 */
final class MovedRemovals {
    private MovedRemovals() {}

    /** The edits for the candidates: rewrites, and a finding for each candidate a later rm refuses. */
    static List<Edit> settle(List<Candidate> candidates, Dockerfile file, String id) {
        List<Edit> out = new ArrayList<>();
        List<Candidate> active = new ArrayList<>(candidates);
        while (true) {
            // for each later rm: the moved files it names by their path, and whether a COPY may put one back first
            Map<SimpleCommand, List<String>> claimed = new IdentityHashMap<>();
            Map<SimpleCommand, Boolean> recreated = new IdentityHashMap<>();
            for (Candidate c : active) {
                for (int k = 0; k < c.used().size(); k++) {
                    Removal r = c.removals().get(k);
                    if (r == null) continue;
                    claimed.computeIfAbsent(r.rm(), x -> new ArrayList<>()).add(c.used().get(k).where());
                    if (c.recreates().get(k) != null) recreated.put(r.rm(), true);
                }
            }
            Map<Candidate, String> refused = new LinkedHashMap<>();
            Map<Instruction, TreeSet<Integer>> drops = new IdentityHashMap<>();
            Map<Instruction, List<SimpleCommand>> dropped = new IdentityHashMap<>();
            for (Candidate c : active) {
                for (int k = 0; k < c.used().size() && !refused.containsKey(c); k++) {
                    Removal r = c.removals().get(k);
                    if (r == null) continue;
                    List<String> mine = claimed.get(r.rm());
                    boolean onlyMoved = r.paths().stream().allMatch(p -> p != null && mine.contains(p));
                    boolean ignored = ignored(r.run(), id);
                    if (r.alone() && onlyMoved && !recreated.containsKey(r.rm()) && !ignored) {
                        if (drops.computeIfAbsent(r.run(), x -> new TreeSet<>()).add(r.step())) {
                            dropped.computeIfAbsent(r.run(), x -> new ArrayList<>()).add(r.rm());
                        }
                        continue;
                    }
                    if (r.force() || r.kind() == Kind.FOLDER) continue; // it stays, and does not fail
                    String rm = "the later `" + text(r) + "` has no -f";
                    refused.put(c, "`" + c.used().get(k).written() + "` kept: " + (r.kind() == Kind.PATTERN
                            ? rm + ": with the file gone its pattern may match nothing, and rm would fail"
                            : ignored ? rm + " and is marked `whittle ignore=" + id + "`: it would fail without the file"
                            : recreated.containsKey(r.rm()) ? rm + ", and a COPY or ADD into the file's folder comes "
                                    + "before it: whittle cannot drop that rm, and it would fail without the file"
                            : !onlyMoved ? rm + " and removes other files too: take the file out of it, then the "
                                    + "removal can move"
                            : rm + " and is not a step of its own joined with &&: it would fail without the file"));
                }
            }
            Map<Instruction, RunScript> scripts = new IdentityHashMap<>();
            List<Instruction> removed = new ArrayList<>();
            if (refused.isEmpty()) {
                for (var e : drops.entrySet()) {
                    Instruction run = e.getKey();
                    RunScript s = scripts.computeIfAbsent(run, x -> RunScript.of(x, file));
                    if (onlyDirectoryChanges(s, e.getValue())) {
                        removed.add(run);
                        continue;
                    }
                    if (!removeSteps(s, new ArrayList<>(e.getValue()))) {
                        for (Candidate c : active) {
                            for (int k = 0; k < c.used().size(); k++) {
                                Removal r = c.removals().get(k);
                                if (r == null || r.run() != run || refused.containsKey(c)) continue;
                                refused.put(c, "`" + c.used().get(k).written() + "` kept: the later `"
                                        + Commands.snippet(run, 40) + "` cannot lose its rm (a comment line inside)");
                            }
                        }
                    }
                }
            }
            if (!refused.isEmpty()) {
                for (var e : refused.entrySet()) {
                    Instruction run = e.getKey().run();
                    out.add(Edit.finding(run, fitted(Change.finding(id, run.line(), run.endLine(), e.getValue()))));
                    active.remove(e.getKey());
                }
                continue;
            }
            Map<Instruction, String> messages = new LinkedHashMap<>();
            for (Candidate c : active) {
                RunScript s = scripts.computeIfAbsent(c.run(), x -> RunScript.of(x, file));
                s.append("rm -f " + String.join(" ", c.files()));
                messages.put(c.run(), ArchiveRemoval.message(c, later(c, drops)));
            }
            for (var e : dropped.entrySet()) {
                List<String> rms = e.getValue().stream().map(rm -> "`" + text(rm, e.getKey()) + "`").toList();
                long files = e.getValue().stream().mapToLong(rm -> rm.words().stream().skip(1)
                        .filter(w -> w.literal() == null || !w.literal().startsWith("-")).count()).sum();
                String m = String.join(", ", rms) + " in a later layer " + (rms.size() == 1 ? "frees" : "free")
                        + " nothing: " + (files == 1 ? "the file is" : "the files are") + " now removed where "
                        + (files == 1 ? "it was" : "they were") + " downloaded";
                messages.merge(e.getKey(), m, (a, b) -> a + "; " + b);
            }
            for (var e : messages.entrySet()) {
                Instruction run = e.getKey();
                Change change = fitted(Change.rewrite(id, run.line(), run.endLine(), e.getValue()));
                out.add(removed.contains(run) ? Edit.remove(run, change)
                        : Edit.replace(run, scripts.get(run).text(), change));
            }
            return out;
        }
    }

    /** The longest first line a reviewer reads; the rest of a longer message goes to the details. */
    private static final int FIRST_LINE = 160;

    /**
     * The change with a first line of at most {@value #FIRST_LINE} characters: a longer message is cut at its last
     * "; ", ": " or " (" that fits, and the rest becomes the details.
     */
    static Change fitted(Change c) {
        String m = c.message();
        if (m.length() <= FIRST_LINE) return c;
        int cut = -1;
        int skip = 0;
        for (String sep : List.of("; ", ": ", " (")) {
            int k = m.lastIndexOf(sep, FIRST_LINE - 1);
            if (k > cut) {
                cut = k;
                skip = sep.equals(" (") ? 1 : sep.length();
            }
        }
        if (cut < 20) {
            return new Change(c.passId(), c.line(), c.endLine(), Commands.shorten(m, FIRST_LINE), c.applied(),
                    c.estimate(), c.severity(), List.of(m));
        }
        return new Change(c.passId(), c.line(), c.endLine(), m.substring(0, cut), c.applied(), c.estimate(),
                c.severity(), List.of(m.substring(cut + skip)));
    }

    /** What the appended removal's message says about the candidate's later rms. */
    private static String later(Candidate c, Map<Instruction, TreeSet<Integer>> drops) {
        for (Removal r : c.removals()) {
            if (r == null) continue;
            boolean goes = drops.containsKey(r.run()) && drops.get(r.run()).contains(r.step());
            return goes ? "; the later rm, which freed nothing, goes"
                    : "; the later `" + text(r) + "` stays for what else it removes";
        }
        return "";
    }

    /** Whether every step but the dropped ones is a plain {@code cd}, which has no effect once the RUN ends. */
    private static boolean onlyDirectoryChanges(RunScript s, java.util.Set<Integer> dropped) {
        List<dev.whittle.shell.Step> steps = s.script().steps();
        for (int k = 0; k < steps.size(); k++) {
            if (dropped.contains(k)) continue;
            dev.whittle.shell.Step step = steps.get(k);
            if (step.compound() || step.commands().size() != 1 || !Commands.isProgram(step.commands().get(0), "cd")) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern IGNORE = java.util.regex.Pattern.compile(
            "#\\s*whittle\\s+ignore\\s*=\\s*([A-Za-z0-9_,\\s-]+)");

    /**
     * Whether the comments right above the instruction suppress the pass ({@code # whittle ignore=ID}): its rm then
     * stays as it is, so it must not be one that fails without the file.
     */
    private static boolean ignored(Instruction i, String id) {
        String prefix = i.prefix();
        int blank = prefix.lastIndexOf("\n\n");
        java.util.regex.Matcher m = IGNORE.matcher(blank < 0 ? prefix : prefix.substring(blank));
        while (m.find()) {
            for (String x : m.group(1).split("[,\\s]+")) if (x.equalsIgnoreCase(id)) return true;
        }
        return false;
    }

    /** Removes the top-level steps, consecutive ones together; false when one cannot go. */
    private static boolean removeSteps(RunScript s, List<Integer> steps) {
        int k = 0;
        while (k < steps.size()) {
            int first = steps.get(k);
            int last = first;
            while (k + 1 < steps.size() && steps.get(k + 1) == last + 1) {
                k++;
                last++;
            }
            if (!s.removeSteps(first, last)) return false;
            k++;
        }
        return true;
    }

    private static String text(Removal r) {
        return text(r.rm(), r.run());
    }

    /** The rm command as written, whitespace collapsed. */
    private static String text(SimpleCommand rm, Instruction run) {
        String body = run.command().args();
        String t = rm.end() <= body.length() ? body.substring(rm.start(), rm.end()) : "rm";
        return Commands.shorten(t, 50);
    }

    /**
     * Why another stage may copy the file out of this one (a {@code COPY --from} naming the stage, whose source may be
     * the file or a folder above it), or null.
     */
    static String copiedFrom(Dockerfile file, Stage stage, String path) {
        for (Stage other : file.stages()) {
            if (other.index() <= stage.index()) continue;
            for (Instruction i : other.instructions()) {
                if (i.kind() != Keyword.COPY) continue;
                String from = i.command().flag("from");
                if (from == null || !(from.equals(String.valueOf(stage.index()))
                        || stage.name() != null && from.equalsIgnoreCase(stage.name()))) continue;
                List<String> v = i.command().values();
                for (String src : v.subList(0, Math.max(0, v.size() - 1))) {
                    String p = LaterRemoval.resolve("/", src, Map.of());
                    if (LaterRemoval.mayHold(p == null ? null : folderOf(p), path)) {
                        return "another stage copies from this one (`" + Commands.snippet(i, 40) + "`)";
                    }
                }
            }
        }
        return null;
    }

    /** A path, or for a pattern the folder above its first wildcard. */
    private static String folderOf(String p) {
        int glob = -1;
        for (int k = 0; k < p.length() && glob < 0; k++) if ("*?[".indexOf(p.charAt(k)) >= 0) glob = k;
        if (glob < 0) return p;
        int slash = p.lastIndexOf('/', glob);
        return slash <= 0 ? "/" : p.substring(0, slash);
    }
}
