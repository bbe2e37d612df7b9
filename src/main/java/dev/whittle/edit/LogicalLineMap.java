package dev.whittle.edit;

import dev.whittle.syntax.grammar.DockerfileLexer;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Where each character of an instruction's logical line sits in its text. The logical line drops the
 * line continuations and the comment lines inside them; a pass that edits the logical line (a RUN
 * body) uses this map to make the same edit in the text, so every other byte keeps its place.
 */
public final class LogicalLineMap {
    private final String logical;
    private final int[] toText;
    private final List<int[]> skipped;
    private final boolean endsInText;

    private LogicalLineMap(String logical, int[] toText, List<int[]> skipped, boolean endsInText) {
        this.logical = logical;
        this.toText = toText;
        this.skipped = skipped;
        this.endsInText = endsInText;
    }

    /** Maps the instruction's text (without heredoc bodies' meaning: they follow the logical line). */
    public static LogicalLineMap of(Instruction instruction, char escape) {
        String text = instruction.text();
        DockerfileLexer lexer = new DockerfileLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.configure(escape, 0);
        StringBuilder logical = new StringBuilder();
        int[] positions = new int[text.length() + 1]; // the logical line is never longer than the text
        int n = 0;
        List<int[]> skipped = new ArrayList<>();
        int lastType = -1;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            int type = t.getType();
            if (type == DockerfileLexer.NEWLINE) break; // the logical line ends; heredoc bodies follow
            if (type == DockerfileLexer.TEXT || type == DockerfileLexer.LINE_WS) {
                String s = t.getText();
                logical.append(s);
                for (int k = 0; k < s.length(); k++) positions[n++] = t.getStartIndex() + k;
            } else if (type == DockerfileLexer.SKIPPED_LINE) {
                skipped.add(new int[] {t.getStartIndex(), t.getStopIndex() + 1});
            }
            lastType = type;
        }
        // BuildKit drops the '\r' of a CRLF line ending from the end of the logical line
        while (logical.length() > 0 && logical.charAt(logical.length() - 1) == '\r') {
            logical.setLength(logical.length() - 1);
            n--;
        }
        int[] map = java.util.Arrays.copyOf(positions, n + 1);
        map[n] = n == 0 ? 0 : positions[n - 1] + 1;
        return new LogicalLineMap(logical.toString(), map, List.copyOf(skipped), lastType == DockerfileLexer.TEXT);
    }

    /** The logical line as the lexer joined it (equals the command's original line). */
    public String logical() {
        return logical;
    }

    /** Offset in the text of the character at logical offset {@code at} (at == length: just after the last one). */
    public int start(int at) {
        return toText[at];
    }

    /** Offset in the text just after the character at logical offset {@code end - 1}. */
    public int end(int end) {
        return end == 0 ? toText[0] : toText[end - 1] + 1;
    }

    /** Whether the text range holds a comment or blank line that sits inside a continuation. */
    public boolean hasSkippedLine(int textStart, int textEnd) {
        for (int[] s : skipped) {
            if (s[0] < textEnd && s[1] > textStart) return true;
        }
        return false;
    }

    /** Whether the logical line ends in instruction text (not in a dangling continuation at end of file). */
    public boolean endsInText() {
        return endsInText;
    }
}
