package dev.whittle.userrules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern for image references as written ({@code name[:tag]}, the digest apart): {@code *} stands for any
 * characters but {@code /} (so {@code node:*} is every tag of node and nothing under another path), {@code **}
 * for any characters at all; everything else matches itself, case and all. Each wildcard captures what it
 * matched, numbered from 1 in the order written, for a replacement's {@code {1}}, {@code {2}} ...
 */
final class ImageGlob {
    private final String text;
    private final Pattern pattern;
    private final int wildcards;

    private ImageGlob(String text, Pattern pattern, int wildcards) {
        this.text = text;
        this.pattern = pattern;
        this.wildcards = wildcards;
    }

    /** @throws IllegalArgumentException with what is wrong */
    static ImageGlob of(String text) {
        if (text.isEmpty()) throw new IllegalArgumentException("an empty pattern matches no image");
        if (text.chars().anyMatch(Character::isWhitespace)) throw new IllegalArgumentException("an image has no spaces");
        if (text.contains("***")) throw new IllegalArgumentException("'***' means nothing: use * or **");
        if (text.contains("@")) {
            throw new IllegalArgumentException("patterns match the reference without its digest: leave '@...' out");
        }
        StringBuilder re = new StringBuilder();
        int n = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.startsWith("**", k)) {
                re.append("(.*?)");
                k++;
                n++;
            } else if (text.charAt(k) == '*') {
                re.append("([^/]*?)");
                n++;
            } else {
                re.append(Pattern.quote(String.valueOf(text.charAt(k))));
            }
        }
        return new ImageGlob(text, Pattern.compile(re.toString()), n);
    }

    String text() {
        return text;
    }

    int wildcards() {
        return wildcards;
    }

    /** What each wildcard matched, or null when the reference (without digest) does not match as a whole. */
    List<String> match(String reference) {
        Matcher m = pattern.matcher(reference);
        if (!m.matches()) return null;
        List<String> out = new ArrayList<>(m.groupCount());
        for (int g = 1; g <= m.groupCount(); g++) out.add(m.group(g));
        return out;
    }

    private static final Pattern CAPTURE = Pattern.compile("\\{(\\d+)}");

    /** The highest {@code {n}} a replacement uses (0 for none). */
    static int highestCapture(String replacement) {
        Matcher m = CAPTURE.matcher(replacement);
        int max = 0;
        while (m.find()) max = Math.max(max, Integer.parseInt(m.group(1)));
        return max;
    }

    /** Whether a replacement uses {@code {0}}, which stands for nothing. */
    static boolean usesZero(String replacement) {
        Matcher m = CAPTURE.matcher(replacement);
        while (m.find()) if (Integer.parseInt(m.group(1)) == 0) return true;
        return false;
    }

    /** The replacement with each {@code {n}} replaced by capture n. */
    static String expand(String replacement, List<String> captures) {
        Matcher m = CAPTURE.matcher(replacement);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(captures.get(Integer.parseInt(m.group(1)) - 1)));
        m.appendTail(sb);
        return sb.toString();
    }
}
