package dev.whittle.core;

/**
 * One change a pass made, or one finding it reports without rewriting (when it is not sure).
 *
 * @param passId   the pass
 * @param line     first line of the instruction in the input (1-based)
 * @param endLine  last line of the instruction in the input
 * @param message  what was done, or what was found and why it was left alone
 * @param applied  true for a rewrite, false for a finding
 * @param estimate the estimated size effect on the image, when one is known (e.g. "-20 MB"), else null
 */
public record Change(String passId, int line, int endLine, String message, boolean applied, String estimate) {

    public static Change rewrite(String passId, int line, int endLine, String message) {
        return new Change(passId, line, endLine, message, true, null);
    }

    public static Change finding(String passId, int line, int endLine, String message) {
        return new Change(passId, line, endLine, message, false, null);
    }

    public Change withEstimate(String newEstimate) {
        return new Change(passId, line, endLine, message, applied, newEstimate);
    }

    public Change withLines(int newLine, int newEndLine) {
        return new Change(passId, newLine, newEndLine, message, applied, estimate);
    }

    /** {@code path:line: [id] message}. */
    public String format(String path) {
        return path + ":" + line + ": [" + passId + "] " + (applied ? "" : "not changed: ") + message
                + (estimate == null ? "" : " (" + estimate + ", estimated)");
    }
}
