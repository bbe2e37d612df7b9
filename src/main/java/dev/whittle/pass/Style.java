package dev.whittle.pass;

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
}
