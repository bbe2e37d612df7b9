package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import java.util.List;
import java.util.Set;

/** npm installs end with {@code npm cache clean --force}. */
public final class NpmCacheClean extends CacheRule {
    private static final PassInfo INFO = new PassInfo("npm-cache-clean", "npm cache cleaned",
            "End a RUN that runs npm install/ci with `npm cache clean --force`.",
            Level.SAFE, List.of(),
            "npm keeps a copy of every package tarball it fetched in ~/.npm/_cacache, roughly doubling what "
                    + "node_modules costs. whittle appends `npm cache clean --force` (npm 5 and later) to the RUN "
                    + "that installs, unless it already cleans the cache or removes ~/.npm, mounts a cache, or "
                    + "sits in a builder stage.");

    private static final Set<String> FILLING = Set.of("install", "i", "ci", "add", "update", "up", "isntall");

    public NpmCacheClean() {
        super("npm");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected boolean fills(SimpleCommand c, Context ctx) {
        if (!Commands.isProgram(c, "npm")) return false;
        String sub = c.args().stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        return FILLING.contains(sub);
    }

    @Override
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "npm") && c.hasArg("cache")
                || Commands.removes(c, "~/.npm", "/root/.npm", "$HOME/.npm", "${HOME}/.npm");
    }

    @Override
    protected String cleanup(Context ctx) {
        return "npm cache clean --force";
    }

    @Override
    protected String message() {
        return "npm's package cache removed in the RUN that installs";
    }
}
