package dev.whittle.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff with a/ b/ paths that {@code git apply} and {@code patch -p1} accept, including the
 * "\ No newline at end of file" marker and CRLF lines (kept byte for byte).
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
        return (p.startsWith(cwd) ? cwd.relativize(p) : p.getRoot().relativize(p)).toString().replace('\\', '/');
    }

    /** The diff of two texts of the file at {@code path} (relative, '/'-separated); "" when they are equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) return "";
        List<String> a = lines(before);
        List<String> b = lines(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, 3);
        StringBuilder sb = new StringBuilder();
        for (String line : out) {
            if (line.endsWith(MARK)) {
                sb.append(line, 0, line.length() - MARK.length()).append('\n').append(NO_NEWLINE).append('\n');
            } else {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
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
