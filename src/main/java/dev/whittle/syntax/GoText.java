package dev.whittle.syntax;

/**
 * The few Go string functions BuildKit's parser relies on, with Go's exact semantics:
 * {@code unicode.IsSpace}, {@code strings.TrimSpace} and {@code strconv.Quote}.
 *
 * <p>Strings here are decoded with {@link SourceText}: an invalid UTF-8 byte {@code b} is the lone
 * surrogate {@code U+DC00+b}, so Go's byte-level behaviour can be reproduced exactly.
 */
public final class GoText {
    private GoText() {}

    /** Go's unicode.IsSpace. */
    public static boolean isSpace(int cp) {
        switch (cp) {
            case ' ': case '\t': case '\n': case 0x0B: case '\f': case '\r': case 0x85: case 0xA0:
            case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /** The separator class BuildKit splits keywords and FROM/EXPOSE words on: {@code [\t\v\f\r ]}. */
    public static boolean isSeparator(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** True for a Java char that stands for an invalid UTF-8 byte. */
    public static boolean isRawByte(char c) {
        return c >= 0xDC80 && c <= 0xDCFF;
    }

    /** Go's strings.TrimLeftFunc(s, unicode.IsSpace). */
    public static String trimLeftSpace(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isSpace(cp)) break;
            i += Character.charCount(cp);
        }
        return i == 0 ? s : s.substring(i);
    }

    /** Go's strings.TrimRightFunc(s, unicode.IsSpace). */
    public static String trimRightSpace(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) break;
            end -= Character.charCount(cp);
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    /** Go's strings.TrimSpace. */
    public static String trimSpace(String s) {
        return trimRightSpace(trimLeftSpace(s));
    }

    /** Go's strconv.Quote, for strings decoded by {@link SourceText}. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xDC80 && cp <= 0xDCFF) { // an invalid byte in the original file
                hex(out, "\\x", cp - 0xDC00, 2);
                continue;
            }
            switch (cp) {
                case '"': out.append("\\\""); continue;
                case '\\': out.append("\\\\"); continue;
                case 0x07: out.append("\\a"); continue;
                case '\b': out.append("\\b"); continue;
                case '\f': out.append("\\f"); continue;
                case '\n': out.append("\\n"); continue;
                case '\r': out.append("\\r"); continue;
                case '\t': out.append("\\t"); continue;
                case 0x0B: out.append("\\v"); continue;
                default:
            }
            if (isPrint(cp)) {
                out.appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x7F) {
                hex(out, "\\x", cp, 2);
            } else if (cp < 0x10000) {
                hex(out, "\\u", cp, 4);
            } else {
                hex(out, "\\U", cp, 8);
            }
        }
        return out.append('"').toString();
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER: case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER: case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK: case Character.ENCLOSING_MARK: case Character.COMBINING_SPACING_MARK:
            case Character.DECIMAL_DIGIT_NUMBER: case Character.LETTER_NUMBER: case Character.OTHER_NUMBER:
            case Character.CONNECTOR_PUNCTUATION: case Character.DASH_PUNCTUATION: case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION: case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION: case Character.OTHER_PUNCTUATION:
            case Character.MATH_SYMBOL: case Character.CURRENCY_SYMBOL: case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    private static void hex(StringBuilder out, String prefix, int value, int digits) {
        String h = Integer.toHexString(value);
        out.append(prefix);
        for (int i = h.length(); i < digits; i++) out.append('0');
        out.append(h);
    }
}
