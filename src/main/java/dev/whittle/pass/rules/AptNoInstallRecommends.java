package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import java.util.List;
import java.util.Set;

/** {@code apt-get install} gets {@code --no-install-recommends} (balanced). */
public final class AptNoInstallRecommends extends CacheRule {
    private static final PassInfo INFO = new PassInfo("apt-no-install-recommends", "apt-get install without recommends",
            "Add --no-install-recommends to apt-get install so only the packages asked for and their dependencies come in.",
            Level.BALANCED, List.of("DL3015"),
            "By default apt installs the packages a package recommends as well, which often doubles what an "
                    + "install costs (documentation, X libraries, compilers pulled in by -dev packages). "
                    + "--no-install-recommends keeps only hard dependencies. This can drop a package the image "
                    + "relied on without naming it (e.g. ca-certificates via curl, or a locale): it is in the "
                    + "balanced level, not safe. Check the rewritten image, and name such packages in the "
                    + "install. Builder stages, whose files never ship, are left alone.");

    public AptNoInstallRecommends() {
        super("apt");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected Word flagAfter(SimpleCommand c, Context ctx) {
        if (!Commands.isProgram(c, "apt-get", "apt")) return null;
        if (c.hasArg("--no-install-recommends") || Commands.hasArgStarting(c, "APT::Install-Recommends")
                || c.args().stream().anyMatch(a -> a.contains("Install-Recommends"))) {
            return null;
        }
        return Commands.subcommand(c, Set.of("install"));
    }

    @Override
    protected String flag() {
        return "--no-install-recommends";
    }

    @Override
    protected String message() {
        return "apt-get install --no-install-recommends: only the packages asked for and their dependencies "
                + "(check that nothing the image used came in as a recommendation)";
    }
}
