package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import java.util.List;
import java.util.Set;

/** yum, dnf and microdnf installs end with {@code clean all} and the cache directory removed. */
public final class YumClean extends CacheRule {
    private static final PassInfo INFO = new PassInfo("yum-clean", "yum/dnf/microdnf cache cleaned",
            "End a RUN that installs with yum, dnf or microdnf with `clean all` and the cache directory removed.",
            Level.SAFE, List.of("DL3032", "DL3040"),
            "yum, dnf and microdnf keep repository metadata and downloaded packages under /var/cache/yum or "
                    + "/var/cache/dnf; left in the layer it is often 100 MB or more. whittle appends "
                    + "`<tool> clean all` (and `rm -rf /var/cache/<tool>` for yum and dnf) to the RUN that "
                    + "installs, unless that RUN already cleans, mounts a cache or sits in a builder stage. Later "
                    + "installs download fresh metadata on their own, so nothing after depends on the cache.");

    private static final Set<String> FILLING = Set.of("install", "groupinstall", "localinstall", "reinstall",
            "update", "upgrade", "makecache", "distro-sync", "module");

    public YumClean() {
        super("yum", "dnf");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected boolean fills(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "yum", "dnf", "microdnf") && Commands.subcommand(c, FILLING) != null;
    }

    @Override
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "yum", "dnf", "microdnf") && c.hasArg("clean")
                || Commands.removes(c, "/var/cache/yum", "/var/cache/dnf");
    }

    @Override
    protected String cleanup(Context ctx) {
        String tool = "yum";
        for (SimpleCommand c : ctx.script().script().commands()) if (fills(c, ctx)) tool = Commands.program(c);
        return tool.equals("microdnf") ? "microdnf clean all" : tool + " clean all && rm -rf /var/cache/" + tool;
    }

    @Override
    protected String message() {
        return "package metadata and downloads removed in the RUN that installs";
    }
}
