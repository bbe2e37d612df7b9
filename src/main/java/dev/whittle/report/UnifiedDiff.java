package dev.whittle.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff with a/ b/ paths that {@code git apply} and {@code patch -p1} accept, including the
 * "\ No newline at end of file" marker and CRLF lines (kept byte for byte). Paths are written the way git
 * writes them: a name with a control character, a quote, a backslash or a non-ASCII byte in double quotes with
 * C escapes ({@code "a/x\n+++ b/y"} stays one header line), one with a space followed by a tab.
 */
public final class UnifiedDiff {
    private UnifiedDiff() {}

    private static final String NO_NEWLINE = "\\ No newline at end of file";

    /**
     * A file's path as diffs and reports name it: relative to the current folder when it lies under it, else
     * without its leading '/'; '/'-separated.
     */
    public static String pathOf(java.nio.file.Path file) {
        java.nio.file.Path p = file.toAbsolutePath().normalize();
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        return slashes(p.startsWith(cwd) ? cwd.relativize(p) : p.getRoot().relativize(p));
    }

    /** A relative path '/'-separated; on Linux as it is (a backslash is a character of a name there). */
    public static String slashes(java.nio.file.Path p) {
        String s = p.toString();
        return java.io.File.separatorChar == '\\' ? s.replace('\\', '/') : s;
    }

    /** The diff that creates the file at {@code path} (relative, '/'-separated) with the text. */
    public static String created(String path, String text) {
        List<String> b = lines(text);
        StringBuilder sb = new StringBuilder();
        sb.append("--- /dev/null\n");
        sb.append("+++ ").append(header("b/" + path)).append('\n');
        sb.append("@@ -0,0 +1").append(b.size() == 1 ? "" : "," + b.size()).append(" @@\n");
        for (String line : b) {
            if (line.endsWith(MARK)) {
                sb.append('+').append(line, 0, line.length() - MARK.length()).append('\n').append(NO_NEWLINE).append('\n');
            } else {
                sb.append('+').append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** The diff of two texts of the file at {@code path} (relative, '/'-separated); "" when they are equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) return "";
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch;
        try {
            patch = DiffUtils.diff(a, b, new Bounded());
        } catch (TooManyEdits e) {
            patch = oneHunk(a, b);
        }
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, 3);
        StringBuilder sb = new StringBuilder();
        // the library's two header lines, written again with the path quoted as git quotes it
        sb.append("--- ").append(header("a/" + path)).append('\n');
        sb.append("+++ ").append(header("b/" + path)).append('\n');
        for (String line : out.subList(2, out.size())) {
            if (line.endsWith(MARK)) {
                sb.append(line, 0, line.length() - MARK.length()).append('\n').append(NO_NEWLINE).append('\n');
            } else {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * A path as git writes it in a diff header: as it is when plain; with a tab after it when it holds a space
     * (so GNU patch reads it whole); in double quotes with C escapes (\n, \t, \", \\, octal for other
     * control and non-ASCII bytes of its UTF-8 form) when it holds anything a header line cannot carry.
     */
    public static String header(String name) {
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean quote = false;
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x20 || c == 0x7F || c >= 0x80 || c == '"' || c == '\\') quote = true;
        }
        if (!quote) return name.indexOf(' ') >= 0 ? name + "\t" : name;
        StringBuilder out = new StringBuilder(bytes.length + 8).append('"');
        for (byte b : bytes) {
            int c = b & 0xFF;
            switch (c) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case 0x0B -> out.append("\\v");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7F) {
                        out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Myers' algorithm takes time and memory growing with the square of the number of edits: past this many (8,000
     * merged RUN lines reach 24,000) the diff is one hunk instead, the changed lines between the common head and
     * tail replaced whole. Still a correct patch; no corpus file comes near it (the most changed has 374 lines).
     */
    static final int MAX_EDITS = 2_000;

    private static final class TooManyEdits extends RuntimeException {
        TooManyEdits() {
            super(null, null, false, false);
        }
    }

    /** Stops the diff once it has looked for more than {@link #MAX_EDITS} edits. */
    private static final class Bounded implements com.github.difflib.algorithm.DiffAlgorithmListener {
        @Override public void diffStart() { }

        @Override
        public void diffStep(int edits, int max) {
            if (edits > MAX_EDITS) throw new TooManyEdits();
        }

        @Override public void diffEnd() { }
    }

    /** The lines between the common head and tail, replaced in one change (linear time). */
    private static Patch<String> oneHunk(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) head++;
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) tail++;
        Patch<String> patch = new Patch<>();
        com.github.difflib.patch.Chunk<String> from = new com.github.difflib.patch.Chunk<>(head, a.subList(head, a.size() - tail));
        com.github.difflib.patch.Chunk<String> to = new com.github.difflib.patch.Chunk<>(head, b.subList(head, b.size() - tail));
        if (from.size() == 0) patch.addDelta(new com.github.difflib.patch.InsertDelta<>(from, to));
        else if (to.size() == 0) patch.addDelta(new com.github.difflib.patch.DeleteDelta<>(from, to));
        else patch.addDelta(new com.github.difflib.patch.ChangeDelta<>(from, to));
        return patch;
    }

    // marks a last line that has no line break; turned into git's marker line when printed
    private static final String MARK = "\u0000no-eol";

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                out.add(text.substring(start) + MARK);
                break;
            }
            out.add(text.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }
}
