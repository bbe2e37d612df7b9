package dev.whittle.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * A document's text with the offsets of its lines, for turning LSP positions (line, UTF-16 column: Java's char
 * index) into offsets and back. Lines end at '\n'; a '\r' before it belongs to the line's end, not its content.
 */
final class TextLines {
    private final String text;
    private final int[] starts;

    TextLines(String text) {
        this.text = text;
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int k = 0; k < text.length(); k++) if (text.charAt(k) == '\n') s.add(k + 1);
        starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    /** Lines, counting the empty one after a final line break. */
    int count() {
        return starts.length;
    }

    /** Line {@code n} (0-based) without its line break. */
    String line(int n) {
        int start = starts[n];
        int end = n + 1 < starts.length ? starts[n + 1] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, end);
    }

    /** The offset of a position, clamped into the text (a column past the line's end is its end). */
    int offset(Position p) {
        if (p.getLine() < 0) return 0;
        if (p.getLine() >= starts.length) return text.length();
        int start = starts[p.getLine()];
        return Math.min(start + Math.max(0, p.getCharacter()), start + line(p.getLine()).length());
    }

    /** The range of lines {@code first..last} (1-based, inclusive): from the first non-blank character to the last's end. */
    Range lines(int first, int last) {
        int a = Math.max(0, Math.min(first - 1, starts.length - 1));
        int b = Math.max(a, Math.min(last - 1, starts.length - 1));
        String l = line(a);
        int indent = 0;
        while (indent < l.length() && Character.isWhitespace(l.charAt(indent))) indent++;
        if (indent == l.length()) indent = 0;
        return new Range(new Position(a, indent), new Position(b, line(b).length()));
    }

    /** The text with one incremental change applied: the range replaced by the new text. */
    String replace(Range range, String newText) {
        int from = offset(range.getStart());
        int to = Math.max(from, offset(range.getEnd()));
        return text.substring(0, from) + newText + text.substring(to);
    }
}
