package dev.whittle.edit;

import dev.whittle.tree.Instruction;
import java.util.Locale;

/** The file's own style, for text a pass writes. */
public final class Style {
    private Style() {}

    /** {@code keyword} in the case the instruction's own keyword was written in. */
    public static String keyword(Instruction like, String keyword) {
        String written = like.command().keyword();
        boolean lower = written.equals(written.toLowerCase(Locale.ROOT)) && !written.equals(written.toUpperCase(Locale.ROOT));
        return lower ? keyword.toLowerCase(Locale.ROOT) : keyword.toUpperCase(Locale.ROOT);
    }

    /** The text with its keyword (the first word) replaced, everything after it kept byte for byte. */
    public static String replaceKeyword(Instruction i, String newKeyword) {
        String kw = i.command().keyword();
        String text = i.text();
        if (!text.startsWith(kw)) return null; // keyword split by a continuation: leave it
        return keyword(i, newKeyword) + text.substring(kw.length());
    }

    /**
     * Whether chained commands go with the {@code &&} at the start of the continued line
     * ({@code \\ ⏎ && next}) rather than at the end of the line before ({@code && \\ ⏎ next}): as the
     * RUN text itself does, else as the file's RUNs mostly do.
     */
    public static boolean leadingAnd(String runText, dev.whittle.tree.Dockerfile file) {
        int own = chainBalance(runText, file.escape());
        if (own != 0) return own > 0;
        int all = 0;
        for (Instruction i : file.instructions()) {
            if (i.kind() == dev.whittle.tree.Keyword.RUN) all += chainBalance(i.text(), file.escape());
        }
        return all > 0;
    }

    /** Lines starting with && minus lines ending with && and the escape character. */
    private static int chainBalance(String text, char escape) {
        int balance = 0;
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("&&")) balance++;
            if (t.endsWith("&& " + escape) || t.endsWith("&&" + escape)) balance--;
        }
        return balance;
    }

    /**
     * The RUN text continued with one more chained command on a new line, after the given comment
     * lines: trailing blanks dropped, CRLF kept, {@code &&} placed as {@code leading} says.
     */
    public static String continueChain(String text, String commentLines, String command, char escape, boolean leading,
                                       String indent) {
        String cr = text.endsWith("\r") ? "\r" : "";
        String head = cr.isEmpty() ? text : text.substring(0, text.length() - 1);
        StringBuilder out = new StringBuilder(head.stripTrailing());
        out.append(leading ? " " : " && ").append(escape).append(cr).append('\n');
        if (!commentLines.isEmpty()) {
            for (String line : commentLines.split("(?<=\n)")) out.append(indent).append(line.stripLeading());
        }
        return out.append(indent).append(leading ? "&& " : "").append(command).append(cr).toString();
    }

    /** The indentation of chained commands in the file's RUNs (the most common one), or four spaces. */
    public static String continuationIndent(dev.whittle.tree.Dockerfile file) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (Instruction i : file.instructions()) {
            if (i.kind() != dev.whittle.tree.Keyword.RUN || !i.heredocs().isEmpty()) continue;
            String[] lines = i.text().split("\n");
            for (int k = 1; k < lines.length; k++) {
                if (!chained(lines, k, file.escape())) continue;
                String ws = leadingWhitespace(lines[k]);
                if (!ws.isEmpty()) counts.merge(ws, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(java.util.Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .map(java.util.Map.Entry::getKey).orElse("    ");
    }

    /**
     * The indentation of the last line of {@code lines} (a RUN's text) that starts a chained command,
     * not a continued argument list; null when none does.
     */
    public static String chainIndent(String[] lines, char escape) {
        for (int k = lines.length - 1; k >= 1; k--) {
            if (chained(lines, k, escape)) return leadingWhitespace(lines[k]);
        }
        return null;
    }

    /** Whether line k starts with && or follows a line that ends with && and the escape. */
    private static boolean chained(String[] lines, int k, char escape) {
        String before = lines[k - 1].strip();
        return lines[k].strip().startsWith("&&") || before.endsWith("&& " + escape) || before.endsWith("&&" + escape);
    }

    static String leadingWhitespace(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) n++;
        return line.substring(0, n);
    }
}
