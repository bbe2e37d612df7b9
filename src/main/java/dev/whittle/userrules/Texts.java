package dev.whittle.userrules;

/** Replacing a piece of an instruction's text only where it is written exactly once. */
final class Texts {
    private Texts() {}

    /** The text with {@code token} replaced, where it stands once between white space or the ends; else null. */
    static String replaceToken(String text, String token, String replacement) {
        int found = -1;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
            boolean before = at == 0 || Character.isWhitespace(text.charAt(at - 1));
            int end = at + token.length();
            boolean after = end == text.length() || Character.isWhitespace(text.charAt(end));
            if (!before || !after) continue;
            if (found >= 0) return null;
            found = at;
        }
        return found < 0 ? null : text.substring(0, found) + replacement + text.substring(found + token.length());
    }

    /** The text with {@code piece} replaced where it occurs once; else null. */
    static String replaceOnce(String text, String piece, String replacement) {
        int at = text.indexOf(piece);
        if (at < 0 || text.indexOf(piece, at + 1) >= 0) return null;
        return text.substring(0, at) + replacement + text.substring(at + piece.length());
    }
}
