package dev.whittle.syntax;

/**
 * A Dockerfile that BuildKit would refuse, or that whittle cannot read safely (binary, UTF-16, ...).
 * Line and column are 1-based and point at the first byte of the problem.
 */
public final class SyntaxError extends RuntimeException {
    private final int line;
    private final int column;

    public SyntaxError(int line, int column, String message) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    public int line() { return line; }

    public int column() { return column; }

    /** {@code path:line:col: message}, the form every whittle error takes. */
    public String format(String path) {
        return path + ":" + line + ":" + column + ": " + getMessage();
    }
}
