package dev.whittle.edit;

import dev.whittle.shell.Script;
import dev.whittle.shell.Shell;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Step;
import dev.whittle.shell.Word;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A shell-form RUN's body, parsed, with edits made at shell level and written back into the
 * instruction's text in the file's own layout: only the edited spans change; a command appended to a
 * multi-line RUN gets its own line in the same {@code && \} style and indentation.
 */
public final class RunScript {
    private static final int MAX_LINE = 100;

    private final Instruction instruction;
    private final Dockerfile file;
    private final char escape;
    private final Script script;
    private LogicalLineMap map; // built on the first edit
    private final int bodyStart; // offset of the script in the logical line
    private final List<Splice> splices = new ArrayList<>();
    private final List<String> appended = new ArrayList<>();

    private record Splice(int start, int end, String text) {}

    private RunScript(Instruction instruction, Dockerfile file, Script script, int bodyStart) {
        this.instruction = instruction;
        this.file = file;
        this.escape = file.escape();
        this.script = script;
        this.bodyStart = bodyStart;
    }

    /** A RUN body parsed once per file (remembered by text in the file's {@link FileSession}). */
    public static Script parse(String body) {
        FileSession session = FileSession.current();
        if (session == null) return Shell.parse(body);
        Script s = session.parsed(body);
        if (s != null) return s;
        s = Shell.parse(body, session.withinLimits(body));
        session.remember(body, s);
        return s;
    }

    /**
     * Why a body of the file is beyond what whittle analyses ({@link dev.whittle.shell.ShellLimits}), or null;
     * a body within the limits is remembered for this file, so parsing it does not check it again.
     */
    public static String beyondLimits(String body) {
        String beyond = dev.whittle.shell.ShellLimits.check(body);
        FileSession session = FileSession.current();
        if (beyond == null && session != null) session.markWithinLimits(body);
        return beyond;
    }

    private LogicalLineMap map() {
        if (map == null) {
            map = LogicalLineMap.of(instruction, escape);
            if (!map.logical().equals(instruction.command().original()) || !map.endsInText()) {
                throw new IllegalStateException("logical line of " + instruction.text() + " does not map to its text");
            }
        }
        return map;
    }

    /**
     * Whether a RUN's text contains one of the words anywhere. Passes that only act on certain programs ask
     * this before {@link #of}, so a RUN that cannot concern them is not parsed (parsing is most of the cost).
     * A program spelled with quotes or escapes inside its name (<code>ap\t-get</code>) is not seen: such a RUN is
     * left as it is.
     */
    public static boolean mentions(Instruction i, String... words) {
        return mentions(i, List.of(words));
    }

    /** {@link #mentions(Instruction, String...)} for a list of words. */
    public static boolean mentions(Instruction i, List<String> words) {
        if (i.kind() != Keyword.RUN) return false;
        String body = i.command().args();
        Long found = null;
        for (String w : words) {
            Integer bit = WORD_BITS.get(w);
            if (bit == null) {
                if (body.contains(w)) return true;
                continue;
            }
            if (found == null) {
                FileSession session = FileSession.current();
                found = session == null ? vocabularyIn(body) : session.mentioned().computeIfAbsent(body, RunScript::vocabularyIn);
            }
            if ((found & 1L << bit) != 0) return true;
        }
        return false;
    }

    /** The words passes ask {@link #mentions} about: each RUN's text is scanned for all of them at once. */
    private static final List<String> VOCABULARY = List.of("apk", "apt", "composer", "dnf", "echo", "gem", "go",
            "npm", "pip", "pipenv", "poetry", "printf", "yarn", "yum", "zypper", ">");
    private static final java.util.Map<String, Integer> WORD_BITS = new java.util.HashMap<>();
    /**
     * For each pair of ASCII characters (first * 128 + second), the vocabulary words of two or more characters
     * that start with it; words of one character are looked up by {@link #ONE_CHARACTER}.
     */
    private static final int[][] STARTING_WITH = new int[128 * 128][];
    private static final long[] ONE_CHARACTER = new long[128];

    static {
        for (int w = 0; w < VOCABULARY.size(); w++) {
            String word = VOCABULARY.get(w);
            WORD_BITS.put(word, w);
            if (word.length() == 1) {
                ONE_CHARACTER[word.charAt(0)] |= 1L << w;
                continue;
            }
            int pair = word.charAt(0) * 128 + word.charAt(1);
            int[] before = STARTING_WITH[pair];
            int[] now = before == null ? new int[1] : java.util.Arrays.copyOf(before, before.length + 1);
            now[now.length - 1] = w;
            STARTING_WITH[pair] = now;
        }
    }

    /** Which vocabulary words a text contains, as bits. */
    private static long vocabularyIn(String text) {
        long found = 0;
        int last = text.length() - 1;
        for (int k = 0; k <= last; k++) {
            char c = text.charAt(k);
            if (c >= 128) continue;
            found |= ONE_CHARACTER[c];
            char next = k < last ? text.charAt(k + 1) : 0;
            int[] words = next < 128 ? STARTING_WITH[c * 128 + next] : null;
            if (words == null) continue;
            for (int w : words) if (text.startsWith(VOCABULARY.get(w), k)) found |= 1L << w;
        }
        return found;
    }


    /**
     * The RUN's script, or null when it is not a shell-form RUN whose body parses, or has heredocs
     * (whose bodies a pass does not edit).
     */
    public static RunScript of(Instruction i, Dockerfile file) {
        char escape = file.escape();
        if (i.kind() != Keyword.RUN || i.command().json() || !i.heredocs().isEmpty()) return null;
        String body = i.command().args();
        String original = i.command().original();
        int end = original.length();
        while (end > 0 && Character.isWhitespace(original.charAt(end - 1))) end--;
        int start = end - body.length();
        if (body.isEmpty() || start < 0 || !original.startsWith(body, start)) return null;
        String text = i.text().stripTrailing();
        if (text.isEmpty() || text.charAt(text.length() - 1) == escape) return null; // continued into the end of file
        String lastLine = text.substring(text.lastIndexOf('\n') + 1).strip();
        if (lastLine.startsWith("#")) return null; // ends in a comment line inside the continuation
        Script script = parse(body);
        if (!script.parsed() || script.steps().isEmpty()) return null;
        return new RunScript(i, file, script, start);
    }

    public Script script() {
        return script;
    }

    public Instruction instruction() {
        return instruction;
    }

    /** Whether the RUN mounts a cache (files written there never reach the layer). */
    public boolean hasCacheMount() {
        return instruction.command().flags().stream().anyMatch(f -> f.startsWith("--mount") && f.contains("type=cache"));
    }

    /** The script as written in the text: from its first character to its last, continuations and all. */
    public String writtenBody() {
        String text = instruction.text();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) end--;
        return text.substring(map().start(bodyStart), end);
    }

    /**
     * Whether the script can take a command appended after it (no trailing `;`, `&` or comment), and the command
     * would run: not after an {@code exit} at the top level ({@code make; exit 0}), which ends the shell first.
     */
    public boolean canAppend() {
        Step last = script.steps().get(script.steps().size() - 1);
        for (Step s : script.steps()) {
            if (!s.compound() && s.commands().size() == 1 && "exit".equals(s.commands().get(0).name())) return false;
        }
        return script.text().substring(last.end()).isBlank();
    }

    /**
     * Replaces the text from the start of one word to the end of another; false (nothing changed) when
     * a comment line sits between them.
     */
    public boolean replace(Word first, Word last, String text) {
        int from = map().start(bodyStart + first.start());
        int to = map().end(bodyStart + last.end());
        if (map().hasSkippedLine(from, to)) return false;
        splices.add(new Splice(from, to, text));
        return true;
    }

    /** Inserts {@code " " + text} right after a word. */
    public RunScript insertAfter(Word word, String text) {
        int at = map().end(bodyStart + word.end());
        splices.add(new Splice(at, at, " " + text));
        return this;
    }

    /**
     * Removes a top-level step and its connector. Returns false (and changes nothing) when the step is
     * not joined with {@code &&} or the text to remove holds a comment line.
     */
    public boolean removeStep(int index) {
        return removeSteps(index, index);
    }

    /** Removes the top-level steps {@code first..last} (inclusive) and their connectors; see {@link #removeStep}. */
    public boolean removeSteps(int first, int last) {
        List<Step> steps = script.steps();
        if (first == 0 && last == steps.size() - 1) return false;
        for (int k = first; k <= last + 1 && k < steps.size(); k++) {
            if (k > 0 && !steps.get(k).connector().equals("&&")) return false;
        }
        int from;
        int to;
        if (last + 1 < steps.size()) {
            from = map().start(bodyStart + steps.get(first).start());
            to = map().start(bodyStart + steps.get(last + 1).start());
        } else {
            from = map().end(bodyStart + steps.get(first - 1).end());
            to = map().end(bodyStart + steps.get(last).end());
        }
        if (map().hasSkippedLine(from, to)) return false;
        for (Splice sp : splices) if (sp.start() < to && sp.end() > from) return false;
        splices.add(new Splice(from, to, ""));
        return true;
    }

    /** Appends {@code && command} after the last step. Call {@link #canAppend()} first. */
    public RunScript append(String command) {
        appended.add(command);
        return this;
    }

    /** Whether any edit was made. */
    public boolean edited() {
        return !splices.isEmpty() || !appended.isEmpty();
    }

    /** The instruction's new text. */
    public String text() {
        StringBuilder out = new StringBuilder(instruction.text());
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::start).reversed());
        int limit = Integer.MAX_VALUE;
        for (Splice s : ordered) {
            if (s.end() > limit) throw new IllegalStateException("overlapping edits in " + instruction.text());
            out.replace(s.start(), s.end(), s.text());
            limit = s.start();
        }
        if (appended.isEmpty()) return out.toString();
        return appendCommands(out.toString(), appended, escape, file);
    }

    /** Adds {@code && cmd} to the end of a RUN text, in the text's (else the file's) continuation style. */
    static String appendCommands(String text, List<String> commands, char escape, Dockerfile file) {
        String cr = text.endsWith("\r") ? "\r" : "";
        String body = (cr.isEmpty() ? text : text.substring(0, text.length() - 1)).stripTrailing();
        String[] lines = body.split("\n", -1);
        if (lines.length == 1) {
            String joined = " && " + String.join(" && ", commands);
            if (body.length() + joined.length() <= MAX_LINE) return body + joined + cr;
        }
        boolean leading = Style.leadingAnd(body, file);
        String indent = lines.length == 1 ? null : Style.chainIndent(lines, escape);
        if (indent == null || indent.isEmpty()) indent = Style.sameKind(Style.continuationIndent(file), lines);
        String out = text;
        for (String c : commands) out = Style.continueChain(out, "", c, escape, leading, indent);
        return out;
    }


}
