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
 * @param severity the severity a user rule gave it, or null for the default ({@link Severity#of})
 * @param details  what a reviewer may want beyond the first line (the message stays short: about 160 characters):
 *                 `--format json` and SARIF show them, the text output does not
 */
public record Change(String passId, int line, int endLine, String message, boolean applied, String estimate,
                     Severity severity, java.util.List<String> details) {

    public Change {
        details = details == null ? java.util.List.of() : java.util.List.copyOf(details);
    }

    public static Change rewrite(String passId, int line, int endLine, String message) {
        return new Change(passId, line, endLine, message, true, null, null, null);
    }

    public static Change finding(String passId, int line, int endLine, String message) {
        return new Change(passId, line, endLine, message, false, null, null, null);
    }

    public Change withEstimate(String newEstimate) {
        return new Change(passId, line, endLine, message, applied, newEstimate, severity, details);
    }

    public Change withLines(int newLine, int newEndLine) {
        return new Change(passId, newLine, newEndLine, message, applied, estimate, severity, details);
    }

    public Change withSeverity(Severity newSeverity) {
        return new Change(passId, line, endLine, message, applied, estimate, newSeverity, details);
    }

    public Change withDetails(java.util.List<String> newDetails) {
        return new Change(passId, line, endLine, message, applied, estimate, severity, newDetails);
    }

    /** The message as reports show it: "not changed: " before a finding's, the estimate after. */
    public String text() {
        return (applied ? "" : "not changed: ") + message + (estimate == null ? "" : " (" + estimate + ", estimated)");
    }

    /** {@code path:line: [id] message}. */
    public String format(String path) {
        return path + ":" + line + ": [" + passId + "] " + text();
    }
}
