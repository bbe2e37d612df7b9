package dev.whittle.edit;

/** The text between instructions (blank lines, comments, indentation) that belongs to the next instruction. */
public final class Trivia {
    private Trivia() {}

    /** The comment lines right above an instruction, with its indentation: the end of its prefix. */
    public static String commentBlock(String prefix) {
        int k = prefix.lastIndexOf('\n') + 1; // the instruction's own indentation starts here
        while (k > 0) {
            int lineStart = prefix.lastIndexOf('\n', k - 2) + 1;
            if (!prefix.substring(lineStart, k).stripLeading().startsWith("#")) break;
            k = lineStart;
        }
        return prefix.substring(k);
    }
}
