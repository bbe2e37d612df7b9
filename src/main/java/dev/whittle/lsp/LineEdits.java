package dev.whittle.lsp;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * The difference of two texts as text edits of whole lines (each line with its own line break, so CRLF and a
 * missing final newline stay as whittle wrote them), from the same line diff the unified diffs use.
 */
final class LineEdits {
    private LineEdits() {}

    /** Every edit that turns {@code before} into {@code after}. */
    static List<TextEdit> between(String before, String after) {
        return touching(before, after, 1, Integer.MAX_VALUE);
    }

    /**
     * The edits of the hunks that touch lines {@code first..last} (1-based, of {@code before}): one change's
     * instruction, when {@code after} is what one pass alone makes of the text.
     */
    static List<TextEdit> touching(String before, String after, int first, int last) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<TextEdit> out = new ArrayList<>();
        for (AbstractDelta<String> d : DiffUtils.diff(a, b).getDeltas()) {
            int from = d.getSource().getPosition(); // 0-based
            int size = d.getSource().size();
            // the input lines it replaces (1-based); an insertion touches the lines on either side of it
            int low = size == 0 ? from : from + 1;
            int high = size == 0 ? from + 1 : from + size;
            if (high < first || low > last) continue;
            out.add(new TextEdit(new Range(position(a, from), position(a, from + size)),
                    String.join("", d.getTarget().getLines())));
        }
        return out;
    }

    /** The position where line {@code n} (0-based) starts; past the last line, the end of the text. */
    private static Position position(List<String> lines, int n) {
        if (n < lines.size()) return new Position(n, 0);
        if (lines.isEmpty()) return new Position(0, 0);
        String last = lines.get(lines.size() - 1);
        if (last.endsWith("\n")) return new Position(lines.size(), 0);
        return new Position(lines.size() - 1, last.length());
    }

    /** The lines of a text, each with its line break ('\n', or "\r\n" kept whole). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
