package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.facts.ToolVersions;
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
                    + "(--mount=type=cache), when a later command of the RUN removes ~/.cache, when a later RUN removes it "
                    + "with an rm without -f (which would fail on the missing directory), and in builder stages "
                    + "whose files never ship. The option came with pip 6.0 "
                    + "(older ones stop with \"no such option\", like the pip 1.5 of Ubuntu 14.04 and Debian 8), so it is "
                    + "added only where the pip is known to be newer: the official python images, the python-pip or "
                    + "python3-pip package of a release whittle has package facts for, or a pip just upgraded.");

    public PipNoCacheDir() {
        super("pip");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected Word flagAfter(SimpleCommand c, Context ctx) {
        Word install = installWithoutFlag(c, ctx);
        return install != null && whyNot(c, ctx) == null ? install : null; // only where the pip is known to have it
    }

    private static Word installWithoutFlag(SimpleCommand c, Context ctx) {
        Word install = Commands.pipInstall(c);
        if (install == null || hasNoCacheDir(c) || ctx.env().containsKey("PIP_NO_CACHE_DIR")) return null;
        return removedLaterInTheRun(c, ctx) ? null : install;
    }

    /** Where pip's cache lives for root: an rm of one of these removes it. */
    private static final String[] HOME_CACHE = {"/root/.cache", "~/.cache", "$HOME/.cache", "${HOME}/.cache"};

    /**
     * Whether the command has --no-cache-dir, or a prefix of it that pip's option parser takes for it (`--no-cache`:
     * optparse accepts any unambiguous prefix of a long option, and no other pip option starts with --no-cache).
     */
    private static boolean hasNoCacheDir(SimpleCommand c) {
        for (String a : c.args()) {
            if (a.equals("--")) break;
            if (a.length() >= "--no-cache".length() && "--no-cache-dir".startsWith(a)) return true;
        }
        return false;
    }

    @Override
    protected boolean removesCache(SimpleCommand c, Context ctx) {
        return Commands.removes(c, HOME_CACHE);
    }

    /**
     * Whether a later command of the same RUN removes pip's cache: the flag would gain nothing, and an {@code rm -r}
     * without {@code -f} would then fail on the cache directory pip no longer makes.
     */
    private static boolean removedLaterInTheRun(SimpleCommand c, Context ctx) {
        boolean after = false;
        for (SimpleCommand later : ctx.script().script().commands()) {
            if (later == c) {
                after = true;
            } else if (after && Commands.removes(later, HOME_CACHE)) {
                return true;
            }
        }
        return false;
    }

    /** Why this pip install cannot take --no-cache-dir (its pip is unknown or older than 6.0), or null. */
    private static String whyNot(SimpleCommand c, Context ctx) {
        var k = ctx.pass().knowledge();
        String v = ToolVersions.pip(ctx.file(), ctx.stage(), ctx.run(), c, k.facts());
        if (v == null) return "--no-cache-dir not added: which pip runs here is not known (the option needs pip 6.0 or newer)";
        if (!ToolVersions.atLeast(v, FIRST_PIP_WITH_FLAG)) {
            return "--no-cache-dir not added: pip " + v + " (" + ToolVersions.pipOrigin(ctx.file(), ctx.stage(), ctx.run(), c,
                    k.facts()) + ") has no such option (pip 6.0+); upgrade pip first";
        }
        return null;
    }

    @Override
    protected String flag() {
        return "--no-cache-dir";
    }

    /** pip 6.0 brought the cache and --no-cache-dir; an older pip stops with "no such option". */
    private static final String FIRST_PIP_WITH_FLAG = "6.0";

    @Override
    protected String reasonWhenNone(Context ctx) {
        for (SimpleCommand c : ctx.script().script().commands()) {
            if (installWithoutFlag(c, ctx) != null) return whyNot(c, ctx);
        }
        return null;
    }

    @Override
    protected String message() {
        return "pip install --no-cache-dir: pip's wheel cache stays out of the layer";
    }
}
