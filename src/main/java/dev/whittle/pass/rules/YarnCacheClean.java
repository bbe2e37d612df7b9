package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Instruction;
import java.util.List;
import java.util.Set;

/** Yarn 1 installs end with {@code yarn cache clean}. */
public final class YarnCacheClean extends CacheRule {
    private static final PassInfo INFO = new PassInfo("yarn-cache-clean", "yarn cache cleaned",
            "End a RUN that runs yarn install/add with `yarn cache clean` (Yarn 1).",
            Level.SAFE, List.of("DL3060"),
            "Yarn 1 keeps every package it fetched in its global cache (/usr/local/share/.cache/yarn in the "
                    + "node images). whittle appends `yarn cache clean` to the RUN that installs. Yarn 2 and "
                    + "later (berry) can run Plug'n'Play straight from .yarn/cache, where cleaning the cache "
                    + "breaks the app, so whittle leaves yarn alone when the file shows signs of berry "
                    + "(corepack, `yarn set version`, .yarnrc.yml, --immutable) and reports it instead. It also "
                    + "leaves RUNs that already clean, set --cache-folder, mount a cache, or sit in builder "
                    + "stages.");

    private static final Set<String> FILLING = Set.of("install", "add", "global", "upgrade");

    public YarnCacheClean() {
        super("yarn");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected boolean fills(SimpleCommand c, Context ctx) {
        if (!Commands.isProgram(c, "yarn")) return false;
        List<String> plain = c.args().stream().filter(a -> !a.startsWith("-")).toList();
        return plain.isEmpty() ? c.args().stream().noneMatch(a -> a.equals("--version") || a.equals("-v"))
                : FILLING.contains(plain.get(0));
    }

    @Override
    protected boolean cacheOff(Context ctx) {
        return ctx.script().script().commands().stream()
                .anyMatch(c -> Commands.isProgram(c, "yarn") && Commands.hasArgStarting(c, "--cache-folder"));
    }

    @Override
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "yarn") && c.hasArg("cache")
                || Commands.removes(c, "/usr/local/share/.cache/yarn", "~/.cache/yarn",
                "/root/.cache/yarn", "$HOME/.cache/yarn", "${HOME}/.cache/yarn", "/tmp/.yarn-cache");
    }

    @Override
    protected String reasonToLeave(Context ctx) {
        for (Instruction i : ctx.file().instructions()) {
            String line = i.command().original();
            if (line.contains("corepack") || line.contains("yarn set version") || line.contains(".yarnrc.yml")
                    || line.contains("--immutable") || line.contains("yarn@berry") || line.matches(".*yarn@[2-9].*")) {
                return "yarn's cache is not cleaned: the file looks like Yarn 2+ (berry), where `yarn cache clean` "
                        + "can remove the packages Plug'n'Play runs from; clean it by hand if you use Yarn 1";
            }
        }
        return null;
    }

    @Override
    protected String cleanup(Context ctx) {
        return "yarn cache clean";
    }

    @Override
    protected String message() {
        return "yarn's package cache removed in the RUN that installs";
    }
}
