package dev.whittle.syntax;

import java.nio.charset.StandardCharsets;

/**
 * Bytes to text and back, losslessly. Valid UTF-8 decodes to the usual characters; each byte of an
 * invalid sequence becomes the lone surrogate {@code U+DC00+byte} (Python's "surrogateescape"), which
 * {@link #encode} turns back into that byte. So print(parse(bytes)) == bytes holds for any input.
 */
public final class SourceText {
    private SourceText() {}

    public static String decode(byte[] b) {
        return decode(b, 0, b.length);
    }

    public static String decode(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] >= 0) i++;
        if (i == to) return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(to - from);
        out.append(new String(b, from, i - from, StandardCharsets.ISO_8859_1));
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                out.append((char) c);
                i++;
                continue;
            }
            int need;
            int cp;
            int min;
            if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
            else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
            else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
            else { out.append((char) (0xDC00 + c)); i++; continue; }
            boolean ok = i + need < to;
            for (int k = 1; ok && k <= need; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) ok = false;
                else cp = (cp << 6) | (cc & 0x3F);
            }
            if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
            if (!ok) { out.append((char) (0xDC00 + c)); i++; continue; }
            out.appendCodePoint(cp);
            i += need + 1;
        }
        return out.toString();
    }

    public static byte[] encode(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 0x80) i++;
        if (i == n) return s.getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n + 16);
        out.write(s.getBytes(StandardCharsets.ISO_8859_1), 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x80) { out.write(c); i++; continue; }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                writeUtf8(out, Character.toCodePoint(c, s.charAt(i + 1)));
                i += 2;
                continue;
            }
            if (GoText.isRawByte(c)) { out.write(c - 0xDC00); i++; continue; }
            writeUtf8(out, c);
            i++;
        }
        return out.toByteArray();
    }

    /** Length in bytes of the UTF-8 form of {@code s}, as {@link #encode} would give it. */
    public static int byteLength(String s) {
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 || GoText.isRawByte(c)) len += 1;
            else if (c < 0x800) len += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) { len += 4; i++; }
            else len += 3;
        }
        return len;
    }

    private static void writeUtf8(java.io.ByteArrayOutputStream out, int cp) {
        if (cp < 0x800) {
            out.write(0xC0 | (cp >> 6));
            out.write(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out.write(0xE0 | (cp >> 12));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        } else {
            out.write(0xF0 | (cp >> 18));
            out.write(0x80 | ((cp >> 12) & 0x3F));
            out.write(0x80 | ((cp >> 6) & 0x3F));
            out.write(0x80 | (cp & 0x3F));
        }
    }
}
