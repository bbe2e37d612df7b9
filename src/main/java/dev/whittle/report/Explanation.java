package dev.whittle.report;

import dev.whittle.core.PassInfo;

/** The text of {@code whittle explain ID}, also shown when an editor hovers over what a pass touched. */
public final class Explanation {
    private Explanation() {}

    public static String of(PassInfo i) {
        return i.id() + ": " + i.title() + "\n"
                + "level: " + i.level().name().toLowerCase(java.util.Locale.ROOT)
                + (i.related().isEmpty() ? "" : "; resolves: " + String.join(", ", i.related())) + "\n\n"
                + i.summary() + "\n\n"
                + i.explanation() + "\n\n"
                + "Suppress it above an instruction with: # whittle ignore=" + i.id() + "\n";
    }
}
