package dev.whittle.cli;

/** Process exit codes; listed in {@code whittle --help}. */
public final class ExitCodes {
    private ExitCodes() {}

    /** Done; nothing to change. */
    public static final int OK = 0;
    /**
     * {@code check}: something would change, or a rule of your own reports an error; {@code parse --roundtrip}: a
     * file did not print back identically.
     */
    public static final int CHANGES = 1;
    /** Bad input: an unparseable or unreadable file, or a bad option. Message: path:line:col: what is wrong. */
    public static final int BAD_INPUT = 2;
    /** {@code verify}: the rewrite does not build, lacks a file the image needs, or behaves differently. */
    public static final int VERIFY_FAILED = 3;
    /** {@code verify}: the check could not run (neither image answered, a port was busy, the engine failed). */
    public static final int COULD_NOT_RUN = 5;
    /** Internal error: a bug in whittle. */
    public static final int INTERNAL = 4;

    /** What one exit code means: the text of {@code whittle --help} and of the README's table. */
    public record Meaning(int code, String text) {}

    /** Every exit code, in order. */
    public static final java.util.List<Meaning> MEANINGS = java.util.List.of(
            new Meaning(OK, "done, nothing to change"),
            new Meaning(CHANGES, "`check`: changes would be made (or a user rule reports an error); `parse --roundtrip`: a file "
                    + "did not print back identically"),
            new Meaning(BAD_INPUT, "bad input: an unparseable or unreadable file, one beyond whittle's limits, a bad option, an "
                    + "unknown command, a file that could not be written (path:line:col: message)"),
            new Meaning(VERIFY_FAILED, "`verify`: different: the rewrite does not build, lacks a file the image needs, or "
                    + "behaves differently"),
            new Meaning(INTERNAL, "internal error (a bug in whittle: please report it)"),
            new Meaning(COULD_NOT_RUN, "`verify`: could not run: neither image answered, the original failed its own check, "
                    + "a service did not start, the engine failed"));

    /** The exit codes for {@code --help}: one entry per code, wrapped at 100 columns. */
    static String help() {
        StringBuilder out = new StringBuilder("Exit codes:");
        for (Meaning m : MEANINGS) {
            String prefix = "  " + m.code() + "  ";
            StringBuilder line = new StringBuilder(prefix);
            for (String word : m.text().replace("`", "").split(" ")) {
                if (line.length() + 1 + word.length() > 100 && line.length() > prefix.length()) {
                    out.append('\n').append(line.toString().stripTrailing());
                    line = new StringBuilder(" ".repeat(prefix.length()));
                }
                if (line.length() > prefix.length()) line.append(' ');
                line.append(word);
            }
            out.append('\n').append(line);
        }
        return out.toString();
    }

    /** The README's table of exit codes (Markdown). */
    public static String markdown() {
        StringBuilder out = new StringBuilder("| code | meaning |\n|---|---|\n");
        for (Meaning m : MEANINGS) out.append("| ").append(m.code()).append(" | ").append(m.text()).append(" |\n");
        return out.toString();
    }
}
