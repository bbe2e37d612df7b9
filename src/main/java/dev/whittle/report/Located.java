package dev.whittle.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error message split into its place and its text: {@code path:line:col: what} gives line and column; a
 * message without a place gives line 1, column 0 (unknown) and the text after {@code path: }.
 */
record Located(int line, int column, String text) {

    private static final Pattern LOCATED = Pattern.compile("^(.*?):(\\d+):(\\d+): (.*)$", Pattern.DOTALL);

    static Located of(String path, String message) {
        Matcher m = LOCATED.matcher(message);
        if (m.matches()) {
            return new Located(Math.max(1, Integer.parseInt(m.group(2))), Math.max(1, Integer.parseInt(m.group(3))),
                    m.group(4));
        }
        String text = message.startsWith(path + ": ") ? message.substring(path.length() + 2) : message;
        return new Located(1, 0, text);
    }

    boolean hasColumn() {
        return column > 0;
    }
}
