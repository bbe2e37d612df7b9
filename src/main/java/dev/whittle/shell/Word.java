package dev.whittle.shell;

/**
 * One shell word as written, with its place in the script text.
 *
 * @param text  the word as written (quotes, escapes and expansions included)
 * @param start offset of its first character in the script text
 * @param end   offset just after its last character
 */
public record Word(String text, int start, int end) {

    /**
     * The word's value after quote removal, when it has no expansion ($VAR, ${..}, $(..), `..`);
     * otherwise null, because its value is only known when the shell runs.
     */
    public String literal() {
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
                    } else if (d == '`' || (d == '$' && isExpansionStart(i))) {
                        return null;
                    } else {
                        out.append(d);
                        i++;
                    }
                }
                i++;
            } else if (c == '`' || (c == '$' && isExpansionStart(i))) {
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

    private boolean isExpansionStart(int dollar) {
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
