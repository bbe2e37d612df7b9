package dev.whittle.tree;

import java.util.List;

/**
 * One instruction and the exact text around it.
 *
 * <p>{@code prefix + text + eol} are the instruction's bytes in the file: the prefix holds the blank
 * lines, comments and indentation before the keyword; the text runs from the keyword through its
 * continued lines and heredoc bodies; eol is the final line break ("" at the end of a file with no
 * final newline). A CRLF file keeps its '\r' at the end of each line of the text.
 *
 * @param line     first line of the text, 1-based (0 for an instruction a pass created)
 * @param endLine  last line of the text
 * @param command  what the instruction means
 * @param heredocs heredoc bodies read after the line, in order
 * @param emptyContinuationLine whether a blank line sat inside a continuation (BuildKit warns)
 */
public record Instruction(String prefix, String text, String eol, int line, int endLine, Command command,
                          List<Heredoc> heredocs, boolean emptyContinuationLine) {

    public Keyword kind() {
        return command.kind();
    }

    /** The instruction as it prints: prefix, text and line break. */
    public String source() {
        return prefix + text + eol;
    }

    public Instruction withPrefix(String newPrefix) {
        return new Instruction(newPrefix, text, eol, line, endLine, command, heredocs, emptyContinuationLine);
    }

    public Instruction withEol(String newEol) {
        return new Instruction(prefix, text, newEol, line, endLine, command, heredocs, emptyContinuationLine);
    }
}
