package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import java.util.List;
import java.util.Set;

/** composer installs end with {@code composer clear-cache}. */
public final class ComposerClearCache extends CacheRule {
    private static final PassInfo INFO = new PassInfo("composer-clear-cache", "composer cache cleaned",
            "End a RUN that runs composer install/require/update with `composer clear-cache`.",
            Level.SAFE, List.of(),
            "Composer keeps downloaded package archives and repository metadata in ~/.composer/cache (or "
                    + "~/.cache/composer). whittle appends `composer clear-cache` to the RUN that installs, "
                    + "unless it already clears it, sets COMPOSER_CACHE_DIR, mounts a cache or sits in a builder "
                    + "stage.");

    private static final Set<String> FILLING = Set.of("install", "require", "update", "upgrade", "create-project",
            "reinstall");

    public ComposerClearCache() {
        super("composer");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected boolean fills(SimpleCommand c, Context ctx) {
        if (!Commands.isProgram(c, "composer", "composer.phar")) return false;
        String sub = c.args().stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        return FILLING.contains(sub);
    }

    @Override
    protected boolean cacheOff(Context ctx) {
        return ctx.env().containsKey("COMPOSER_CACHE_DIR") || ctx.script().script().commands().stream()
                .anyMatch(c -> c.assignments().stream().anyMatch(a -> a.text().startsWith("COMPOSER_CACHE_DIR=")));
    }

    @Override
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "composer", "composer.phar")
                && (c.hasArg("clear-cache") || c.hasArg("clearcache") || c.hasArg("cc"))
                || Commands.removes(c, "~/.composer", "/root/.composer", "$HOME/.composer",
                "~/.cache/composer", "/root/.cache/composer", "$HOME/.cache/composer", "/tmp/composer");
    }

    @Override
    protected String cleanup(Context ctx) {
        for (SimpleCommand c : ctx.script().script().commands()) {
            if (fills(c, ctx)) return c.name() + " clear-cache";
        }
        return "composer clear-cache";
    }

    @Override
    protected String message() {
        return "composer's download cache removed in the RUN that installs";
    }
}
