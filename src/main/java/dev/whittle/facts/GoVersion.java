package dev.whittle.facts;

import dev.whittle.shell.SimpleCommand;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Go version a stage builds with. */
public final class GoVersion {
    private GoVersion() {}

    private static final Pattern TARBALL = Pattern.compile("go(\\d+\\.\\d+)(\\.\\d+)?\\.linux-");
    private static final Pattern GO_MOD = Pattern.compile("(?m)^go\\s+(\\d+\\.\\d+)");

    /** From the golang tag, a Go tarball a RUN downloads, or go.mod's go line; null when none says. */
    public static String of(StageFacts facts, BuildContext context) {
        ImageRef image = facts.image();
        if (image.repository().equals("golang") && !image.version().isEmpty()) return image.version();
        for (SimpleCommand c : facts.commands()) {
            for (String a : c.args()) {
                Matcher m = TARBALL.matcher(a);
                if (m.find()) return m.group(1);
            }
        }
        Matcher m = GO_MOD.matcher(context.read("go.mod").orElse(""));
        return m.find() ? m.group(1) : null;
    }
}
