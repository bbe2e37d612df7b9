package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Step;
import dev.whittle.shell.Word;
import java.util.List;
import java.util.Set;

/** {@code apk add} gets {@code --no-cache}; an {@code apk update} before it in the same RUN goes. */
public final class ApkNoCache extends CacheRule {
    private static final PassInfo INFO = new PassInfo("apk-no-cache", "apk add without the index cache",
            "Use apk add --no-cache instead of apk update and a cache left in the layer.",
            Level.SAFE, List.of("DL3019"),
            "apk update and apk add store the package index and the downloaded packages under /var/cache/apk. "
                    + "--no-cache fetches a fresh index for the command and keeps nothing, so `apk update` "
                    + "before it is no longer needed; whittle removes an `apk update &&` that sits in the same "
                    + "RUN. RUNs that already remove /var/cache/apk, mount a cache, or sit in builder stages "
                    + "are left alone, and so is a RUN after which an rm without -f removes the cache (`rm "
                    + "/var/cache/apk/*` fails when nothing is there).");

    private static final Set<String> FILLING = Set.of("add", "upgrade");

    public ApkNoCache() {
        super("apk");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected Word flagAfter(SimpleCommand c, Context ctx) {
        if (!Commands.isProgram(c, "apk") || c.hasArg("--no-cache")) return null;
        return Commands.subcommand(c, FILLING);
    }

    @Override
    protected String flag() {
        return "--no-cache";
    }

    @Override
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return Commands.removes(c, "/var/cache/apk", "/etc/apk/cache");
    }

    @Override
    protected String reasonToLeave(Context ctx) {
        dev.whittle.facts.BaseRelease release = dev.whittle.facts.BaseRelease.of(ctx.file(), ctx.stage(),
                ctx.pass().knowledge().facts());
        if (release != null && release.predatesApkNoCache()) {
            return "apk --no-cache needs Alpine 3.3 or newer (apk-tools 2.6); this stage is on Alpine " + release.release()
                    + ": end the RUN with `rm -rf /var/cache/apk/*` instead";
        }
        for (SimpleCommand c : ctx.script().script().commands()) {
            if (isUpdate(c) && !updateSteps(ctx).contains(c)) {
                return "apk update's index is used by another apk command here: end the RUN with `rm -rf /var/cache/apk/*`"
                        + " rather than use --no-cache";
            }
        }
        return null;
    }

    @Override
    protected void alsoEdit(Context ctx) {
        List<Step> steps = ctx.script().script().steps();
        for (int k = 0; k < steps.size(); k++) {
            if (!steps.get(k).commands().isEmpty() && updateSteps(ctx).contains(steps.get(k).commands().get(0))) {
                ctx.script().removeStep(k);
            }
        }
    }

    private static boolean isUpdate(SimpleCommand c) {
        return Commands.isProgram(c, "apk") && c.args().equals(List.of("update"));
    }

    /** The `apk update` commands that are whole top-level steps, joined with &&, followed by an add. */
    private static List<SimpleCommand> updateSteps(Context ctx) {
        List<Step> steps = ctx.script().script().steps();
        List<SimpleCommand> out = new java.util.ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            if (s.compound() || s.commands().size() != 1 || !isUpdate(s.commands().get(0))) continue;
            boolean joined = (k == 0 || s.connector().equals("&&"))
                    && (k + 1 == steps.size() || steps.get(k + 1).connector().equals("&&"));
            if (joined && laterAdd(steps, k)) out.add(s.commands().get(0));
        }
        return out;
    }

    /**
     * Whether a later step adds or upgrades packages (with --no-cache it fetches its own index) and no
     * other apk command reads the index that `apk update` fetched (search, info, policy ...).
     */
    private static boolean laterAdd(List<Step> steps, int k) {
        boolean add = false;
        for (int j = k + 1; j < steps.size(); j++) {
            for (SimpleCommand c : steps.get(j).commands()) {
                if (!Commands.isProgram(c, "apk")) continue;
                if (Commands.subcommand(c, FILLING) != null) add = true;
                else if (Commands.subcommand(c, Set.of("del", "update")) == null) return false;
            }
        }
        return add;
    }

    @Override
    protected String message() {
        return "apk --no-cache: neither the package index nor the packages stay in the layer";
    }
}
