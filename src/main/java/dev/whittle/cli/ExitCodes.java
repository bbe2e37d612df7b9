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

    static final String HELP = "Exit codes:%n"
            + "  0  done, nothing to change%n"
            + "  1  check: changes would be made (or a user rule reports an error); parse --roundtrip: a file did%n"
            + "     not print back identically%n"
            + "  2  bad input: unparseable or unreadable file, bad option (path:line:col: message)%n"
            + "  3  verify: the rewrite does not build, lacks a file the image needs, or behaves differently%n"
            + "  4  internal error (please report it)%n"
            + "  5  verify: the check could not run (neither image answered, the engine failed)";
}
