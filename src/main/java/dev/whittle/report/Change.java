package dev.whittle.report;

/**
 * One change a pass made, or one finding it reports without rewriting (when it is not sure).
 *
 * @param passId  the pass
 * @param line    first line of the instruction in the input (1-based)
 * @param endLine last line of the instruction in the input
 * @param message what was done, or what was found and why it was left alone
 * @param applied true for a rewrite, false for a finding
 */
public record Change(String passId, int line, int endLine, String message, boolean applied) {

    public static Change rewrite(String passId, int line, int endLine, String message) {
        return new Change(passId, line, endLine, message, true);
    }

    public static Change finding(String passId, int line, int endLine, String message) {
        return new Change(passId, line, endLine, message, false);
    }

    /** {@code path:line: [id] message}. */
    public String format(String path) {
        return path + ":" + line + ": [" + passId + "] " + (applied ? "" : "not changed: ") + message;
    }
}
