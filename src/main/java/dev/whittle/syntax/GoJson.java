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

    private boolean value() {
        ws();
        if (i >= s.length()) return false;
        char c = s.charAt(i);
        if (c == '"') return string() != null;
        if (c == '[') {
            boolean saved = nonString;
            boolean ok = array() != null;
            nonString = saved;
            return ok;
        }
        if (c == '{') return object();
        if (s.startsWith("true", i)) { i += 4; return true; }
        if (s.startsWith("false", i)) { i += 5; return true; }
        if (s.startsWith("null", i)) { i += 4; return true; }
        return number();
    }

    private boolean object() {
        i++;
        ws();
        if (i < s.length() && s.charAt(i) == '}') { i++; return true; }
        while (true) {
            ws();
            if (i >= s.length() || s.charAt(i) != '"' || string() == null) return false;
            ws();
            if (i >= s.length() || s.charAt(i++) != ':') return false;
            if (!value()) return false;
            ws();
            if (i >= s.length()) return false;
            char c = s.charAt(i++);
            if (c == '}') return true;
            if (c != ',') return false;
        }
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
