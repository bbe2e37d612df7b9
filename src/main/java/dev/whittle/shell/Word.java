package dev.whittle.shell;

/**
 * One shell word as written, with its place in the script text. A value class (equal when text and place are);
 * its literal value is worked out once, since every pass asks for it.
 */
public final class Word {
    private final String text;
    private final int start;
    private final int end;
    private final String literal;

    /**
     * @param text  the word as written (quotes, escapes and expansions included)
     * @param start offset of its first character in the script text
     * @param end   offset just after its last character
     */
    public Word(String text, int start, int end) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.literal = literalOf(text);
    }

    /** The word as written (quotes, escapes and expansions included). */
    public String text() {
        return text;
    }

    /** Offset of its first character in the script text. */
    public int start() {
        return start;
    }

    /** Offset just after its last character. */
    public int end() {
        return end;
    }

    /**
     * The word's value after quote removal, when it has no expansion ($VAR, ${..}, $(..), `..`);
     * otherwise null, because its value is only known when the shell runs.
     */
    public String literal() {
        return literal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Word w && w.start == start && w.end == end && w.text.equals(text);
    }

    @Override
    public int hashCode() {
        return (text.hashCode() * 31 + start) * 31 + end;
    }

    @Override
    public String toString() {
        return "Word[text=" + text + ", start=" + start + ", end=" + end + "]";
    }

    private static String literalOf(String text) {
        if (plain(text)) return text;
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 < n) out.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) return null;
                out.append(text, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n && "\"\\$`\n".indexOf(text.charAt(i + 1)) >= 0) {
                        if (text.charAt(i + 1) != '\n') out.append(text.charAt(i + 1));
                        i += 2;
                    } else if (d == '`' || (d == '$' && isExpansionStart(text, i))) {
                        return null;
                    } else {
                        out.append(d);
                        i++;
                    }
                }
                i++;
            } else if (c == '`' || (c == '$' && isExpansionStart(text, i))) {
                return null;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean plain(String text) {
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') return false;
        }
        return true;
    }

    /** True when the word's value does not depend on variables or command output. */
    public boolean isLiteral() {
        return literal() != null;
    }

    private static boolean isExpansionStart(String text, int dollar) {
        if (dollar + 1 >= text.length()) return false;
        char n = text.charAt(dollar + 1);
        return n == '{' || n == '(' || Character.isLetterOrDigit(n) || n == '_' || "@*#?$!-".indexOf(n) >= 0;
    }

    /** The literal value, or the text as written when the word has expansions. */
    public String value() {
        String l = literal();
        return l != null ? l : text;
    }
}
