package dev.whittle.core;

/** How far whittle may go. Each level includes the passes of the levels before it. */
public enum Level {
    /** Rewrites a reviewer accepts on sight: same build, same behaviour. */
    SAFE,
    /** Also rewrites that can change details someone relied on; each says what to check. */
    BALANCED,
    /** Also rewrites that trade something (start-up time, debuggability) for size. */
    AGGRESSIVE;

    public boolean includes(Level other) {
        return other.ordinal() <= ordinal();
    }
}
