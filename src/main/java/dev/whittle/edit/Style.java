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
        return leadingAnd(chainBalance(runText, file.escape()), () -> fileChainBalance(file));
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
        StringBuilder out = new StringBuilder(text);
        continueChain(out, commentLines, command, escape, leading, indent);
        return out.toString();
    }

    /** {@link #continueChain(String, String, String, char, boolean, String)} in place, at the cost of what it adds. */
    public static void continueChain(StringBuilder text, String commentLines, String command, char escape, boolean leading,
                                     String indent) {
        int end = text.length();
        String cr = end > 0 && text.charAt(end - 1) == '\r' ? "\r" : "";
        text.setLength(keptEnd(text));
        text.append(leading ? " " : " && ").append(escape).append(cr).append('\n');
        if (!commentLines.isEmpty()) {
            for (String line : commentLines.split("(?<=\n)")) text.append(indent).append(line.stripLeading());
        }
        text.append(indent).append(leading ? "&& " : "").append(command).append(cr);
    }

    /**
     * {@link #chainIndent(String[], char)} of {@code text}'s lines, looking from the end: as fast as the lines it
     * has to look at (after a chained line was appended, one or two), not as the whole text.
     */
    public static String chainIndent(CharSequence text, char escape) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') end--; // String.split drops trailing empty lines
        int lineStart = lastBreak(text, end) + 1;
        while (lineStart > 0) {
            int prevEnd = lineStart - 1;
            int prevStart = lastBreak(text, prevEnd) + 1;
            String line = text.subSequence(lineStart, end).toString();
            String before = text.subSequence(prevStart, prevEnd).toString().strip();
            if (line.strip().startsWith("&&") || before.endsWith("&& " + escape) || before.endsWith("&&" + escape)) {
                return leadingWhitespace(line);
            }
            end = prevEnd;
            lineStart = prevStart;
        }
        return null;
    }

    /**
     * Where {@link #continueChain} cuts the text before adding to it: a final CR and then trailing whitespace
     * (as String.stripTrailing sees it) go.
     */
    public static int keptEnd(CharSequence text) {
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') end--;
        while (end > 0) {
            int cp = Character.codePointBefore(text, end);
            if (!Character.isWhitespace(cp)) break;
            end -= Character.charCount(cp);
        }
        return end;
    }

    /** The start of the line holding offset {@code at} (just after the line break before it). */
    public static int lineStart(CharSequence text, int at) {
        return lastBreak(text, at) + 1;
    }

    private static int lastBreak(CharSequence text, int before) {
        for (int k = before - 1; k >= 0; k--) if (text.charAt(k) == '\n') return k;
        return -1;
    }

    /** {@link #chainBalance} of the lines of {@code text} from offset {@code from} (a line's start) to its end. */
    public static int chainBalance(CharSequence text, int from, char escape) {
        int balance = 0;
        int start = from;
        int n = text.length();
        while (start <= n) {
            int nl = start;
            while (nl < n && text.charAt(nl) != '\n') nl++;
            String t = text.subSequence(start, nl).toString().strip();
            if (t.startsWith("&&")) balance++;
            if (t.endsWith("&& " + escape) || t.endsWith("&&" + escape)) balance--;
            start = nl + 1;
        }
        return balance;
    }

    /** {@link #leadingAnd} when the RUN text's own balance is known: 0 falls back to the file's RUNs. */
    public static boolean leadingAnd(int ownBalance, java.util.function.IntSupplier fileBalance) {
        if (ownBalance != 0) return ownBalance > 0;
        return fileBalance.getAsInt() > 0;
    }

    /** The chain balance of all the file's RUNs (what {@link #leadingAnd} falls back to). */
    public static int fileChainBalance(dev.whittle.tree.Dockerfile file) {
        int all = 0;
        for (Instruction i : file.instructions()) {
            if (i.kind() == dev.whittle.tree.Keyword.RUN) all += chainBalance(i.text(), file.escape());
        }
        return all;
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

    /**
     * The file's indentation for a command appended to a RUN whose continued lines (an argument list) are indented
     * with the other kind of whitespace (spaces where the file's chains use tabs, or tabs where they use spaces):
     * then the RUN's own last continued line's indentation, so the RUN stays in one style.
     */
    public static String sameKind(String fileIndent, String[] lines) {
        if (lines.length < 2) return fileIndent;
        String own = leadingWhitespace(lines[lines.length - 1]);
        if (own.isEmpty()) return fileIndent;
        boolean fileTabs = fileIndent.indexOf('\t') >= 0;
        boolean ownTabs = own.indexOf('\t') >= 0;
        return fileTabs == ownTabs ? fileIndent : own;
    }

    static String leadingWhitespace(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) n++;
        return line.substring(0, n);
    }
}
