package dev.whittle.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides the exec (JSON) form the way BuildKit does with Go's encoding/json: the whole text must be
 * one JSON array (surrounding JSON whitespace allowed). Go's rules differ from common Java JSON
 * libraries in ways that change which form an instruction takes (raw control characters, invalid
 * UTF-8 and lone surrogate escapes become U+FFFD, only space/tab/CR/LF count as whitespace), so the
 * reader is written to those rules instead of configuring a general-purpose library around them.
 */
final class GoJson {
    /** The text is a valid JSON array with an element that is not a string: BuildKit refuses the file. */
    static final class NotStringArray extends Exception {
        NotStringArray() { super(null, null, false, false); }
    }

    private final String s;
    private int i;
    private boolean nonString;

    private GoJson(String s) { this.s = s; }

    /** The strings of a JSON array, or null when the text is not valid JSON (BuildKit's fallback). */
    static List<String> stringArray(String text) throws NotStringArray {
        GoJson p = new GoJson(text);
        List<String> out = p.array();
        if (out == null) return null;
        p.ws();
        if (p.i != text.length()) return null;
        if (p.nonString) throw new NotStringArray();
        return out;
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            i++;
        }
    }

    private List<String> array() {
        ws();
        if (i >= s.length() || s.charAt(i) != '[') return null;
        i++;
        List<String> out = new ArrayList<>();
        ws();
        if (i < s.length() && s.charAt(i) == ']') { i++; return out; }
        while (true) {
            ws();
            if (i >= s.length()) return null;
            if (s.charAt(i) == '"') {
                String str = string();
                if (str == null) return null;
                out.add(str);
            } else {
                if (!value()) return null;
                nonString = true;
            }
            ws();
            if (i >= s.length()) return null;
            char c = s.charAt(i++);
            if (c == ']') return out;
            if (c != ',') return null;
        }
    }

    /** Go's encoding/json refuses values nested deeper than this (maxNestingDepth): BuildKit then reads shell form. */
    static final int MAX_DEPTH = 10_000;

    /**
     * Reads past one JSON value inside the top-level array, without recursion (an explicit stack), as Go's
     * scanner does: false when it is not valid JSON or nests containers deeper than {@link #MAX_DEPTH} (the
     * top-level array counts as one).
     */
    private boolean value() {
        boolean[] array = new boolean[64]; // the open containers: true for an array, false for an object
        int open = 0;
        while (true) {
            // a value starts here
            ws();
            if (i >= s.length()) return false;
            char c = s.charAt(i);
            boolean done;
            if (c == '"') {
                if (string() == null) return false;
                done = true;
            } else if (c == '[' || c == '{') {
                if (open + 1 >= MAX_DEPTH) return false; // with the top-level array: deeper than Go allows
                if (open == array.length) array = java.util.Arrays.copyOf(array, open * 2);
                array[open++] = c == '[';
                i++;
                ws();
                if (i < s.length() && s.charAt(i) == (c == '[' ? ']' : '}')) {
                    i++;
                    open--;
                    done = true;
                } else if (c == '{') {
                    if (!key()) return false;
                    done = false;
                } else {
                    done = false;
                }
            } else if (s.startsWith("true", i)) {
                i += 4;
                done = true;
            } else if (s.startsWith("false", i)) {
                i += 5;
                done = true;
            } else if (s.startsWith("null", i)) {
                i += 4;
                done = true;
            } else {
                if (!number()) return false;
                done = true;
            }
            if (!done) continue;
            // after a value: close containers, or go on to the next element
            boolean next = false;
            while (open > 0 && !next) {
                ws();
                if (i >= s.length()) return false;
                char d = s.charAt(i++);
                if (d == ',') {
                    if (!array[open - 1] && !key()) return false;
                    next = true;
                } else if (d == (array[open - 1] ? ']' : '}')) {
                    open--;
                } else {
                    return false;
                }
            }
            if (open == 0) return true;
        }
    }

    /** An object's {@code "key" :} (spaces allowed around), read up to the value. */
    private boolean key() {
        ws();
        if (i >= s.length() || s.charAt(i) != '"' || string() == null) return false;
        ws();
        return i < s.length() && s.charAt(i++) == ':';
    }

    private boolean number() {
        int start = i;
        if (i < s.length() && s.charAt(i) == '-') i++;
        if (i >= s.length()) return false;
        if (s.charAt(i) == '0') i++;
        else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') { while (i < s.length() && isDigit(s.charAt(i))) i++; }
        else return false;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            if (i >= s.length() || !isDigit(s.charAt(i))) return false;
            while (i < s.length() && isDigit(s.charAt(i))) i++;
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            if (i >= s.length() || !isDigit(s.charAt(i))) return false;
            while (i < s.length() && isDigit(s.charAt(i))) i++;
        }
        return i > start;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private String string() {
        i++; // opening quote
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') return out.toString();
            if (c < 0x20) return null;
            if (GoText.isRawByte(c)) { out.append('\uFFFD'); continue; }
            if (c != '\\') { out.append(c); continue; }
            if (i >= s.length()) return null;
            char e = s.charAt(i++);
            switch (e) {
                case '"': out.append('"'); break;
                case '\\': out.append('\\'); break;
                case '/': out.append('/'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u': {
                    int cp = hex4();
                    if (cp < 0) return null;
                    if (Character.isHighSurrogate((char) cp) && s.startsWith("\\u", i)) {
                        int save = i;
                        i += 2;
                        int lo = hex4();
                        if (lo >= 0 && Character.isLowSurrogate((char) lo)) {
                            out.appendCodePoint(Character.toCodePoint((char) cp, (char) lo));
                            break;
                        }
                        i = save;
                    }
                    out.append(Character.isSurrogate((char) cp) ? '\uFFFD' : (char) cp);
                    break;
                }
                default: return null;
            }
        }
        return null;
    }

    private int hex4() {
        if (i + 4 > s.length()) return -1;
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0 || s.charAt(i + k) > 'f') return -1;
            v = v * 16 + d;
        }
        i += 4;
        return v;
    }
}
