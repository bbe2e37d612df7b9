package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import java.util.List;
import java.util.Set;

/** zypper installs end with {@code zypper clean -a}. */
public final class ZypperClean extends CacheRule {
    private static final PassInfo INFO = new PassInfo("zypper-clean", "zypper cache cleaned",
            "End a RUN that installs with zypper with `zypper clean -a`.",
            Level.SAFE, List.of("DL3036"),
            "zypper keeps repository metadata and packages under /var/cache/zypp. whittle appends "
                    + "`zypper clean -a` to the RUN that installs, unless it already cleans (clean, cc), mounts "
                    + "a cache or sits in a builder stage.");

    private static final Set<String> FILLING = Set.of("install", "in", "update", "up", "patch", "dist-upgrade", "dup",
            "refresh", "ref", "source-install", "si");

    public ZypperClean() {
        super("zypper");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected boolean fills(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "zypper") && Commands.subcommand(c, FILLING) != null;
    }

    @Override
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "zypper") && (c.hasArg("clean") || c.hasArg("cc"))
                || Commands.removes(c, "/var/cache/zypp");
    }

    @Override
    protected String cleanup(Context ctx) {
        return "zypper clean -a";
    }

    @Override
    protected String message() {
        return "zypper's metadata and package cache removed in the RUN that installs";
    }
}
