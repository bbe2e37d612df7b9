package dev.whittle.config;

import java.util.regex.Pattern;

/**
 * The registry prefix ({@code --registry}, {@code registry:}) is checked where it is read: it is put in front
 * of every image whittle writes, so it must be the start of an image reference (a registry host with an
 * optional port, then path components, as the distribution reference grammar has them) and nothing else: no
 * whitespace, no line break, no character a reference cannot hold.
 */
public final class RegistryPrefix {
    private RegistryPrefix() {}

    private static final String HOST_PART = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String HOST = "(?:" + HOST_PART + "(?:\\." + HOST_PART + ")*|\\[[0-9A-Fa-f:]+\\])(?::[0-9]+)?";
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern PREFIX = Pattern.compile("(?:" + HOST + "/)?(?:" + COMPONENT + "/)*");
    /** Longer prefixes leave no room for the image name within a reference's 255 characters. */
    private static final int MAX = 200;

    /** Why the prefix cannot start an image reference, or null when it can ("" is no prefix). */
    public static String problem(String prefix) {
        if (prefix == null || prefix.isEmpty()) return null;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '\n' || c == '\r') return "it holds a line break";
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return "it holds whitespace";
            if (c < 0x20 || c == 0x7F) return "it holds a control character";
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || "._-:/[]".indexOf(c) >= 0))) {
                return "'" + c + "' cannot be part of an image reference";
            }
        }
        if (prefix.length() > MAX) return "longer than " + MAX + " characters";
        String withSlash = prefix.endsWith("/") ? prefix : prefix + "/";
        if (!PREFIX.matcher(withSlash).matches()) {
            return "not a registry host and path (path components are lower case letters and digits, "
                    + "separated by '.', '_', '__' or '-')";
        }
        return null;
    }

    /** The message for a prefix that does not pass, after its source ("--registry", "file:line:col: registry"). */
    public static String describe(String source, String prefix, String problem) {
        return source + ": '" + prefix.replace("\n", "\\n").replace("\r", "\\r") + "' cannot start an image reference: "
                + problem + "; write it like registry.example.com/hub/";
    }
}
