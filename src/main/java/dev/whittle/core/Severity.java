package dev.whittle.core;

import java.util.Locale;

/**
 * How much a change or finding matters to a report reader. A built-in rewrite is a {@link #WARNING} (whittle would
 * change it), a built-in finding {@link #INFO}; a user rule says its own (`severity:` in .whittle.yaml).
 */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name, as written in .whittle.yaml and in the reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity of a change: its own when a rule set one, else by whether it rewrites. */
    public static Severity of(Change c) {
        if (c.severity() != null) return c.severity();
        return c.applied() ? WARNING : INFO;
    }

    /** The severity written as {@code label}, or null when it is none. */
    public static Severity parse(String label) {
        for (Severity s : values()) if (s.label().equals(label)) return s;
        return null;
    }
}
