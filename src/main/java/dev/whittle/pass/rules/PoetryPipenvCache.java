package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import java.util.List;
import java.util.Set;

/** poetry and pipenv installs end with their download caches removed. */
public final class PoetryPipenvCache extends CacheRule {
    private static final PassInfo INFO = new PassInfo("poetry-pipenv-cache", "poetry/pipenv caches removed",
            "End a RUN that runs poetry install or pipenv install with their download caches removed.",
            Level.SAFE, List.of(),
            "poetry keeps downloaded distributions in ~/.cache/pypoetry/cache and ~/.cache/pypoetry/artifacts; "
                    + "pipenv keeps its own cache in ~/.cache/pipenv and pip's in ~/.cache/pip. whittle appends an "
                    + "`rm -rf` of exactly those directories to the RUN that installs. It never removes "
                    + "~/.cache/pypoetry as a whole: poetry puts its virtualenvs there. It leaves the RUN alone "
                    + "when POETRY_CACHE_DIR or PIPENV_CACHE_DIR is set (the cache is elsewhere: say so with a "
                    + "cleanup of your own), when the RUN already removes the caches, mounts a cache, or sits in "
                    + "a builder stage.");

    public PoetryPipenvCache() {
        super("poetry", "pipenv");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected boolean fills(SimpleCommand c, Context ctx) {
        if (Commands.isProgram(c, "poetry")) return Commands.subcommand(c, Set.of("install", "add", "update", "sync")) != null;
        if (Commands.isProgram(c, "pipenv")) return Commands.subcommand(c, Set.of("install", "sync", "update")) != null;
        return false;
    }

    @Override
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "poetry") && c.hasArg("cache")
                || Commands.isProgram(c, "rm") && c.args().stream().anyMatch(a -> a.contains("pypoetry") || a.contains("pipenv"));
    }

    @Override
    protected String reasonToLeave(Context ctx) {
        if (ctx.env().containsKey("POETRY_CACHE_DIR") || ctx.env().containsKey("PIPENV_CACHE_DIR")) {
            return "the poetry/pipenv cache directory is set by ENV; remove its cache subdirectories in this RUN";
        }
        return null;
    }

    @Override
    protected String cleanup(Context ctx) {
        boolean poetry = false;
        boolean pipenv = false;
        for (SimpleCommand c : ctx.script().script().commands()) {
            if (!fills(c, ctx)) continue;
            poetry |= Commands.isProgram(c, "poetry");
            pipenv |= Commands.isProgram(c, "pipenv");
        }
        StringBuilder rm = new StringBuilder("rm -rf");
        if (poetry) rm.append(" ~/.cache/pypoetry/cache ~/.cache/pypoetry/artifacts");
        if (pipenv) rm.append(" ~/.cache/pipenv ~/.cache/pip");
        return rm.toString();
    }

    @Override
    protected String message() {
        return "poetry/pipenv download caches removed in the RUN that installs";
    }
}
