package dev.whittle.engine;

import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.FileSession;
import dev.whittle.edit.RunScript;
import dev.whittle.edit.Trivia;
import dev.whittle.pass.Edit;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.facts.BuildContext;
import dev.whittle.core.Change;
import dev.whittle.split.Knowledge;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the passes of a level in order. After each pass that rewrote something, the rewritten instructions
 * are read again with the same parser (the others keep their nodes, moved to their new lines), so the next
 * pass sees a true tree and every result is known to parse. A rewritten text is only read on its own when
 * that reads it exactly as the whole file would (see {@link #splice}); otherwise the whole text is read.
 */
public final class Optimizer {

    /**
     * @param level the level
     * @param only  pass ids to run (empty: all of the level)
     * @param skip  pass ids not to run
     * @param userRules the rules of the file's .whittle.yaml, run after the built-in passes
     */
    public record Options(Level level, Set<String> only, Set<String> skip, BuildContext context, Knowledge knowledge,
                          List<Pass> userRules) {
        public Options(Level level, Set<String> only, Set<String> skip, BuildContext context, Knowledge knowledge) {
            this(level, only, skip, context, knowledge, List.of());
        }

        public Options(Level level, Set<String> only, Set<String> skip) {
            this(level, only, skip, BuildContext.none(), Knowledge.shipped());
        }

        public static Options of(Level level) {
            return new Options(level, Set.of(), Set.of());
        }

        /** The same options for a file whose build context is the given one. */
        public Options withContext(BuildContext newContext) {
            return new Options(level, only, skip, newContext, knowledge, userRules);
        }
    }

    /**
     * One file through whittle: the tree read, the rewritten tree, every change and finding (by input line), and
     * the text before and after. The CLI, the batch, the library and the editor all take their outcome from here,
     * so "changed" has one meaning: the printed text differs.
     *
     * @param before the input's text ({@code input.print()})
     * @param after  the output's text ({@code output.print()})
     */
    public record Result(Dockerfile input, Dockerfile output, List<Change> changes, String before, String after,
                         List<dev.whittle.core.NewFile> created) {
        /** Whether the rewrite's text differs from the input's, or it adds a file beside it. */
        public boolean changed() {
            return !before.equals(after) || !created.isEmpty();
        }

        /**
         * The unified diff ({@code a/NAME}, {@code b/NAME}), with each added file as a new file beside NAME; "" when
         * nothing changed.
         */
        public String diff(String name) {
            if (!changed()) return "";
            StringBuilder sb = new StringBuilder(dev.whittle.report.UnifiedDiff.of(name, before, after));
            String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
            for (dev.whittle.core.NewFile f : created) sb.append(dev.whittle.report.UnifiedDiff.created(folder + f.name(), f.text()));
            return sb.toString();
        }
    }

    /** Runs the passes on one file, in the file's own session (its RUN bodies parsed once for every pass). */
    public static Result optimize(Dockerfile input, Options options) {
        try (FileSession session = FileSession.open()) {
            return passes(input, options);
        }
    }

    private static Result passes(Dockerfile input, Options options) {
        checkLimits(input);
        Dockerfile current = input;
        List<Change> changes = new ArrayList<>();
        List<dev.whittle.core.NewFile> created = new ArrayList<>();
        // for each instruction of the current tree: the lines it came from in the input
        List<int[]> origins = new ArrayList<>();
        for (Instruction i : input.instructions()) origins.add(new int[] {i.line(), i.endLine()});
        PassContext context = new PassContext(options.level(), options.context(), options.knowledge());
        Suppressions suppressions = null;
        for (Pass pass : Passes.with(options.userRules())) {
            dev.whittle.syntax.WorkBudget.check();
            PassInfo info = pass.info();
            if (!options.level().includes(info.level())) continue;
            if (!options.only().isEmpty() && !options.only().contains(info.id())) continue;
            if (options.skip().contains(info.id())) continue;
            if (suppressions == null) suppressions = Suppressions.of(current); // again only after a rewrite
            Map<Instruction, Edit> edits = new IdentityHashMap<>();
            LineIndex lines = null;
            for (Edit e : unsuppressed(pass.run(current, context), suppressions, info)) {
                if (e.creates() != null && created.stream().noneMatch(f -> f.name().equals(e.creates().name()))) {
                    created.add(e.creates());
                }
                if (e.change() != null) {
                    if (lines == null) lines = new LineIndex(current);
                    changes.add(toInputLines(e.change(), lines, origins));
                }
                if (e.rewrites()) edits.put(e.target(), e);
            }
            if (edits.isEmpty()) continue;
            Rewritten next = apply(current, origins, edits);
            current = next.file();
            origins = next.origins();
            suppressions = null;
        }
        dropAnsweredFindings(changes);
        changes.sort(java.util.Comparator.comparingInt(Change::line)); // stable: pass order within a line
        String before = input.print();
        return new Result(input, current, changes, before, current == input ? before : current.print(), List.copyOf(created));
    }

    /**
     * The edits a suppression comment leaves: an edit without a change goes with the edit before it (one change
     * made of several edits, such as a RUN merged into the one above it), so suppressing any of them suppresses all;
     * an edit that requires other instructions' edits goes when one of those does not happen.
     */
    static List<Edit> unsuppressed(List<Edit> all, Suppressions suppressions, PassInfo info) {
        int[] group = new int[all.size()];
        for (int k = 0; k < all.size(); k++) {
            group[k] = all.get(k).change() != null || k == 0 ? k : group[k - 1];
        }
        boolean[] gone = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (suppressions.suppressed(info, all.get(k).target())) gone[group[k]] = true;
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            java.util.Set<Instruction> made = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (int k = 0; k < all.size(); k++) if (!gone[group[k]] && all.get(k).rewrites()) made.add(all.get(k).target());
            for (int k = 0; k < all.size(); k++) {
                if (gone[group[k]] || all.get(k).requires().isEmpty()) continue;
                if (!made.containsAll(all.get(k).requires())) {
                    gone[group[k]] = true;
                    changed = true;
                }
            }
        }
        List<Edit> kept = new ArrayList<>(all.size());
        for (int k = 0; k < all.size(); k++) if (!gone[group[k]]) kept.add(all.get(k));
        return kept;
    }

    /**
     * Refuses, with its place, a file whose shell bodies are beyond what whittle analyses (too long, quoting or
     * compound commands nested too deep; see {@link dev.whittle.shell.ShellLimits}) instead of running passes that
     * would take exponential time or overflow the stack on it.
     */
    private static void checkLimits(Dockerfile input) {
        for (Instruction i : input.instructions()) {
            dev.whittle.tree.Keyword k = i.kind();
            if (k != dev.whittle.tree.Keyword.RUN && k != dev.whittle.tree.Keyword.CMD
                    && k != dev.whittle.tree.Keyword.ENTRYPOINT) continue;
            if (i.command().json() || !i.heredocs().isEmpty()) continue;
            String beyond = RunScript.beyondLimits(i.command().args());
            if (beyond != null) {
                throw new dev.whittle.syntax.SyntaxError(i.line(), 1, i.command().keyword() + " not analysed: " + beyond);
            }
        }
    }

    private record Rewritten(Dockerfile file, List<int[]> origins) {}

    /** Applies the edits, reads the new text again and carries each instruction's input lines over. */
    private static Rewritten apply(Dockerfile current, List<int[]> origins, Map<Instruction, Edit> edits) {
        List<Instruction> all = current.instructions();
        List<Instruction> out = new ArrayList<>(all.size());
        List<Boolean> rewritten = new ArrayList<>(all.size());
        List<int[]> outOrigins = new ArrayList<>(all.size());
        String carried = "";
        boolean previousRewritten = false;
        for (int k = 0; k < all.size(); k++) {
            Instruction i = all.get(k);
            Edit e = edits.get(i);
            if (e != null && e.remove()) {
                String prefix = carried + i.prefix();
                carried = prefix.substring(0, prefix.length() - Trivia.commentBlock(prefix).length());
                if (carried.isBlank()) carried = ""; // blank lines only: the next instruction keeps its own spacing
                if (previousRewritten) { // merged into the instruction before it: that one now spans both
                    int[] merged = outOrigins.get(outOrigins.size() - 1);
                    merged[1] = Math.max(merged[1], origins.get(k)[1]);
                }
                continue;
            }
            String text = e == null ? i.text() : e.newText();
            previousRewritten = e != null;
            String prefix = carried + i.prefix();
            carried = "";
            out.add(new Instruction(prefix, text, i.eol(), i.line(), i.endLine(), i.command(), i.heredocs(),
                    i.emptyContinuationLine()));
            rewritten.add(e != null);
            outOrigins.add(origins.get(k).clone());
        }
        Dockerfile edited = new Dockerfile(current.bom(), current.directives(), out, carried + current.trailing(),
                current.escape());
        Dockerfile reread = splice(edited, rewritten);
        if (reread == null) {
            String printed = edited.print();
            boolean bom = !current.bom().isEmpty();
            reread = DockerfileReader.read(bom ? printed.substring(1) : printed, bom);
        }
        // match the re-read instructions to the written ones by their first line
        Map<Integer, int[]> byLine = new java.util.HashMap<>();
        int line = 1 + countLines(current.bom()) + current.directives().stream().mapToInt(d -> countLines(d.text())).sum();
        for (int k = 0; k < out.size(); k++) {
            Instruction i = out.get(k);
            line += countLines(i.prefix());
            byLine.put(line, outOrigins.get(k));
            line += linesOf(i, rewritten.get(k));
        }
        List<int[]> newOrigins = new ArrayList<>();
        int[] previous = new int[] {1, 1};
        for (Instruction i : reread.instructions()) {
            int[] o = byLine.get(i.line());
            if (o == null) o = new int[] {previous[1], previous[1]};
            newOrigins.add(o);
            previous = o;
        }
        return new Rewritten(reread, newOrigins);
    }

    /**
     * The edited file as a tree without reading all of it again: each rewritten instruction's text is read on
     * its own (with the file's escape character), the others keep their nodes at their new lines. That gives
     * the tree a whole read gives when the text starts where an instruction starts (not with a comment or a
     * blank) and ends where one ends: read with a comment line after it, the comment must stay outside (no
     * continuation or heredoc left open to swallow what follows). Null when a rewritten text is not such.
     */
    static Dockerfile splice(Dockerfile edited, List<Boolean> rewritten) {
        String escapeLine = edited.escape() == '\\' ? "" : "# escape=" + edited.escape() + "\n";
        int skipLines = escapeLine.isEmpty() ? 0 : 1;
        List<Instruction> result = new ArrayList<>();
        int line = 1 + countLines(edited.bom()) + edited.directives().stream().mapToInt(d -> countLines(d.text())).sum();
        List<Instruction> all = edited.instructions();
        for (int k = 0; k < all.size(); k++) {
            Instruction i = all.get(k);
            line += countLines(i.prefix());
            if (!rewritten.get(k)) {
                result.add(new Instruction(i.prefix(), i.text(), i.eol(), line, line + i.endLine() - i.line(),
                        i.command(), i.heredocs(), i.emptyContinuationLine()));
            } else {
                String text = i.text();
                if (text.isEmpty() || text.charAt(0) == '#' || Character.isWhitespace(text.charAt(0))) return null;
                Dockerfile part;
                try {
                    part = DockerfileReader.read(escapeLine + text + i.eol() + (i.eol().isEmpty() ? "" : FOLLOWER), false);
                } catch (RuntimeException e) {
                    return null;
                }
                if (!part.trailing().equals(i.eol().isEmpty() ? "" : FOLLOWER) || part.escape() != edited.escape()
                        || !part.instructions().get(0).prefix().isEmpty()) return null;
                int shift = line - 1 - skipLines;
                boolean first = true;
                for (Instruction p : part.instructions()) {
                    result.add(new Instruction(first ? i.prefix() : p.prefix(), p.text(), p.eol(), p.line() + shift,
                            p.endLine() + shift, p.command(), p.heredocs(), p.emptyContinuationLine()));
                    first = false;
                }
            }
            line += linesOf(i, rewritten.get(k));
        }
        return new Dockerfile(edited.bom(), edited.directives(), result, edited.trailing(), edited.escape());
    }

    /** What follows a rewritten text when it is read on its own: it must come back as trivia, untouched. */
    private static final String FOLLOWER = "#\n";

    /**
     * The line breaks in an instruction's text and eol. An instruction read from the file knows its lines, so
     * only a rewritten text is counted (counting every text after every pass was 6% of a batch).
     */
    private static int linesOf(Instruction i, boolean rewritten) {
        return (rewritten ? countLines(i.text()) : i.endLine() - i.line()) + (i.eol().isEmpty() ? 0 : 1);
    }

    private static int countLines(String s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) == '\n') n++;
        return n;
    }

    /**
     * A finding that a later pass of the same check (same related ids) answered with a rewrite of the
     * same instruction is dropped: the report says what was done, not also that it was not.
     */
    private static void dropAnsweredFindings(List<Change> changes) {
        Map<Integer, List<Change>> appliedAt = new java.util.HashMap<>(); // rewrites by line: linear, not changes squared
        for (Change c : changes) if (c.applied()) appliedAt.computeIfAbsent(c.line(), l -> new ArrayList<>()).add(c);
        if (appliedAt.isEmpty()) return;
        changes.removeIf(f -> !f.applied() && appliedAt.getOrDefault(f.line(), List.of()).stream().anyMatch(c ->
                !c.passId().equals(f.passId()) && sharesRelated(c.passId(), f.passId())));
    }

    private static boolean sharesRelated(String a, String b) {
        Pass pa = Passes.byId(a);
        Pass pb = Passes.byId(b);
        if (pa == null || pb == null) return false;
        return pa.info().related().stream().anyMatch(pb.info().related()::contains);
    }

    /** Where each instruction of a tree starts and ends: its index by first line and by last line. */
    private static final class LineIndex {
        final Map<Integer, Integer> byLine = new java.util.HashMap<>();
        final Map<Integer, Integer> byEndLine = new java.util.HashMap<>();

        LineIndex(Dockerfile tree) {
            List<Instruction> all = tree.instructions();
            for (int k = 0; k < all.size(); k++) {
                byLine.put(all.get(k).line(), k); // the last instruction with that line, as a scan would find
                byEndLine.put(all.get(k).endLine(), k);
            }
        }
    }

    /** A change's lines, given in the current tree, as lines of the input file. */
    private static Change toInputLines(Change c, LineIndex lines, List<int[]> origins) {
        Integer first = lines.byLine.get(c.line());
        Integer last = lines.byEndLine.get(c.endLine());
        int start = first == null ? c.line() : origins.get(first)[0];
        int end = last == null ? c.endLine() : origins.get(last)[1];
        return c.withLines(start, Math.max(start, end));
    }
}
