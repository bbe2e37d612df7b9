package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import java.util.List;

/** {@code pip install} gets {@code --no-cache-dir}. */
public final class PipNoCacheDir extends CacheRule {
    private static final PassInfo INFO = new PassInfo("pip-no-cache-dir", "pip install without its cache",
            "Add --no-cache-dir to pip install so downloaded wheels are not kept in the layer.",
            Level.SAFE, List.of("DL3042"),
            "pip keeps every wheel it downloads or builds in ~/.cache/pip. In an image that cache is dead "
                    + "weight, often as large as the packages themselves. --no-cache-dir stops pip from "
                    + "writing it. whittle leaves pip alone when --no-cache-dir is there already, when "
                    + "PIP_NO_CACHE_DIR is set in the stage, when the RUN mounts a cache "
                    + "(--mount=type=cache) and in builder stages whose files never ship.");

    public PipNoCacheDir() {
        super("pip");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected Word flagAfter(SimpleCommand c, Context ctx) {
        Word install = Commands.pipInstall(c);
        if (install == null || c.hasArg("--no-cache-dir") || ctx.env().containsKey("PIP_NO_CACHE_DIR")) return null;
        return install;
    }

    @Override
    protected String flag() {
        return "--no-cache-dir";
    }

    @Override
    protected String message() {
        return "pip install --no-cache-dir: pip's wheel cache stays out of the layer";
    }
}
