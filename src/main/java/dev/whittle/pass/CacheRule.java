package dev.whittle.pass;

import dev.whittle.edit.RunScript;
import dev.whittle.facts.Commands;
import dev.whittle.facts.FinalImage;
import dev.whittle.core.Change;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape every package-cache pass shares: in the stages whose layers ship, find the RUNs where a
 * package manager fills its cache, leave alone those that already clean it or mount a cache, and fix
 * the rest in the same RUN, either with a flag after the subcommand ({@code --no-cache-dir}) or with a
 * cleanup command appended to the RUN ({@code && yarn cache clean}).
 */
public abstract class CacheRule implements Pass {

    private final List<String> programs;

    /**
     * @param programs the names of the programs the rule is about: every fix starts from a command of one of
     *                 them, so a RUN whose text names none of them is not looked at (nor parsed)
     */
    protected CacheRule(String... programs) {
        this.programs = List.of(programs);
    }

    /** What a subclass sees of the RUN it is looking at. */
    public record Context(Dockerfile file, Stage stage, Instruction run, RunScript script, Map<String, String> env,
                          PassContext pass) {}

    /** The word after which {@link #flag()} goes, for a command that fills the cache without it; else null. */
    protected Word flagAfter(SimpleCommand c, Context ctx) {
        return null;
    }

    /** The flag to insert, for rules that fix with a flag. */
    protected String flag() {
        return null;
    }

    /** Whether the command fills the cache that {@link #cleanup} removes. */
    protected boolean fills(SimpleCommand c, Context ctx) {
        return false;
    }

    /**
     * Whether the command removes the cache ({@code yum clean all}, an {@code rm} of the cache directory). A RUN is
     * clean only when such a command comes after the last command that fills the cache: a {@code yum clean all}
     * before the installs (as after RUNs were merged) cleans nothing they download.
     */
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return false;
    }

    /**
     * Whether a command of a later RUN removes what the fix keeps from being made: an rm of it without -f fails after
     * the fix. The same as {@link #cleans} unless a rule says otherwise.
     */
    protected boolean removesCache(SimpleCommand c, Context ctx) {
        return cleans(c, ctx);
    }

    /** Whether the stage or the RUN keeps the cache out of the layer whatever the commands do (an ENV, a variable). */
    protected boolean cacheOff(Context ctx) {
        return false;
    }

    /** The command appended to the RUN, or null when the rule cannot say it for this RUN. */
    protected String cleanup(Context ctx) {
        return null;
    }

    /**
     * A finding instead of a rewrite, when the rule sees a reason not to touch the RUN; "" to leave it
     * without a word (another RUN gets the fix); else null.
     */
    protected String reasonToLeave(Context ctx) {
        return null;
    }

    /** A finding for a RUN where no command could take the flag although some fill the cache; else null. */
    protected String reasonWhenNone(Context ctx) {
        return null;
    }

    /** Extra edits a rule makes in the same RUN after its main fix (e.g. dropping {@code apk update}). */
    protected void alsoEdit(Context ctx) {}

    /** What the change message says. */
    protected abstract String message();

    /** A rough size effect, or null. */
    protected String estimate() {
        return null;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext pass) {
        List<Edit> edits = new ArrayList<>();
        List<Stage> all = file.stages();
        for (Stage stage : FinalImage.stages(file)) {
            Map<String, String> env = new LinkedHashMap<>();
            inheritedEnv(all, stage, env);
            for (Instruction i : stage.instructions()) {
                if (i.kind() == Keyword.ENV) addEnv(i, env);
                RunScript script = RunScript.mentions(i, programs) ? RunScript.of(i, file) : null;
                if (script == null || script.hasCacheMount()) continue;
                Context ctx = new Context(file, stage, i, script, Map.copyOf(env), pass);
                Change change = fix(ctx);
                if (change == null) continue;
                String text = script.text();
                edits.add(change.applied() ? Edit.replace(i, text, change) : Edit.finding(i, change));
            }
        }
        return edits;
    }

    private Change fix(Context ctx) {
        String id = info().id();
        Instruction i = ctx.run();
        RunScript script = ctx.script();
        if (flag() != null) {
            List<Word> at = new ArrayList<>();
            // asked once per command: for pip it walks the file up to the command for its version
            java.util.Set<SimpleCommand> missing = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (SimpleCommand c : script.script().commands()) {
                Word w = flagAfter(c, ctx);
                if (w == null) continue;
                at.add(w);
                missing.add(c);
            }
            if (at.isEmpty()) {
                String why = reasonWhenNone(ctx);
                return why == null ? null : Change.finding(id, i.line(), i.endLine(), why);
            }
            if (alreadyClean(ctx, missing::contains)) return null;
            String why = reasonToLeave(ctx);
            if (why == null) why = laterRemovalFails(ctx);
            if (why != null) return why.isEmpty() ? null : Change.finding(id, i.line(), i.endLine(), why);
            for (Word w : at) script.insertAfter(w, flag());
        } else {
            boolean fills = script.script().commands().stream().anyMatch(c -> fills(c, ctx));
            if (!fills || alreadyClean(ctx, c -> fills(c, ctx))) return null;
            String why = reasonToLeave(ctx);
            if (why == null) why = laterRemovalFails(ctx);
            if (why != null) return why.isEmpty() ? null : Change.finding(id, i.line(), i.endLine(), why);
            String cleanup = cleanup(ctx);
            if (cleanup == null) return null;
            String runsAfter = scriptAfterLastFill(ctx, c -> fills(c, ctx), cleanup);
            if (runsAfter != null) {
                String tool = cleanup.split(" ")[0];
                return Change.finding(id, i.line(), i.endLine(), "cache kept: `" + runsAfter + "` runs after the last " + tool
                        + " command and may remove " + tool + ", or the directory it would run in")
                        .withDetails(List.of("the cleanup: " + cleanup));
            }
            if (!script.canAppend()) {
                return Change.finding(id, i.line(), i.endLine(), "cache kept: the RUN ends in `;`, `&`, a comment or an `exit`, so "
                        + "whittle cannot append the cleanup").withDetails(List.of("the cleanup: " + cleanup));
            }
            script.append(cleanup);
        }
        alsoEdit(ctx);
        Change c = Change.rewrite(id, i.line(), i.endLine(), message());
        return estimate() == null ? c : c.withEstimate(estimate());
    }

    /**
     * A script or unreadable command (a program named by a variable, make) that runs after the last command filling
     * the cache, when the cleanup appended after it runs a program other than rm: the script may remove that program
     * (a cleanup.sh that removes /usr/local/go before `go clean` runs) or the working directory. Null when there is none.
     */
    private static String scriptAfterLastFill(Context ctx, java.util.function.Predicate<SimpleCommand> filling, String cleanup) {
        if (NEVER_REMOVED.contains(cleanup.split(" ")[0])) return null;
        List<SimpleCommand> commands = ctx.script().script().commands();
        for (int k = lastFill(commands, filling) + 1; k < commands.size(); k++) {
            SimpleCommand c = commands.get(k);
            if (Commands.runsScript(c) && !buildStep(c)) {
                return Commands.shorten(String.join(" ", c.words().stream().map(Word::text).toList()), 30);
            }
        }
        return null;
    }

    /** rm, and the system's package managers, which no build script removes. */
    private static final java.util.Set<String> NEVER_REMOVED = java.util.Set.of("rm", "yum", "dnf", "microdnf", "zypper",
            "apt-get", "apt", "apk");

    /** The index of the last command that fills the cache, or -1. */
    private static int lastFill(List<SimpleCommand> commands, java.util.function.Predicate<SimpleCommand> filling) {
        int last = -1;
        for (int k = 0; k < commands.size(); k++) if (filling.test(commands.get(k))) last = k;
        return last;
    }

    /**
     * Scripts that build rather than tidy up: make, a configure script, and the programs a package put in
     * node_modules (bower, grunt, babel). Cleanup and hardening scripts (cleanup.sh, harden.sh, any other script or
     * shell) are what removes toolchains and package managers.
     */
    private static boolean buildStep(SimpleCommand c) {
        String name = c.name();
        if (name == null) return false;
        String program = Commands.program(c);
        return program.equals("make") || program.equals("configure") || name.contains("node_modules/")
                || name.contains("npm bin");
    }

    /**
     * Why the fix would break a later step, or null: a later RUN of the stage (or of a stage built on it) removes the
     * cache with an rm without -f, which fails once the fix leaves nothing there (`rm /var/cache/apk/*` after
     * `apk add --no-cache`: the pattern matches nothing and rm exits 1).
     */
    private String laterRemovalFails(Context ctx) {
        Dockerfile file = ctx.file();
        boolean after = false;
        for (Stage s : stagesOn(file, ctx.stage())) {
            for (Instruction i : s.instructions()) {
                if (i == ctx.run()) {
                    after = true;
                    continue;
                }
                if (!after || i.kind() != Keyword.RUN || !RunScript.mentions(i, "rm")) continue;
                RunScript later = RunScript.of(i, file);
                if (later == null) continue;
                Context at = new Context(file, s, i, later, ctx.env(), ctx.pass());
                for (SimpleCommand c : later.script().commands()) {
                    if (Commands.isProgram(c, "rm") && !Commands.forced(c) && removesCache(c, at)) {
                        return "cache kept: the later `" + Commands.shorten(String.join(" ", c.words().stream()
                                .map(Word::text).toList()), 40) + "` (line " + i.line() + ") has no -f and would fail "
                                + "once nothing is there; with -f there, the fix is safe";
                    }
                }
            }
        }
        return null;
    }

    /** The stage, then the stages built on it (FROM its name, at any depth), in file order. */
    private static List<Stage> stagesOn(Dockerfile file, Stage stage) {
        List<Stage> out = new ArrayList<>(List.of(stage));
        List<Stage> all = file.stages();
        for (Stage t : all) {
            if (t == stage) continue;
            Stage p = t;
            for (int guard = 0; guard < 64 && p != null; guard++) {
                p = FinalImage.parent(all, p);
                if (p == stage) {
                    out.add(t);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether a cleaning command follows the last command that fills the cache (or the cache is off). */
    private boolean alreadyClean(Context ctx, java.util.function.Predicate<SimpleCommand> filling) {
        if (cacheOff(ctx)) return true;
        List<SimpleCommand> commands = ctx.script().script().commands();
        for (int k = lastFill(commands, filling) + 1; k < commands.size(); k++) if (cleans(commands.get(k), ctx)) return true;
        return false;
    }

    private static void inheritedEnv(List<Stage> all, Stage stage, Map<String, String> env) {
        Stage parent = FinalImage.parent(all, stage);
        if (parent == null) return;
        inheritedEnv(all, parent, env);
        for (Instruction i : parent.instructions()) if (i.kind() == Keyword.ENV) addEnv(i, env);
    }

    private static void addEnv(Instruction i, Map<String, String> env) {
        List<String> v = i.command().values();
        dev.whittle.facts.StageFacts.defineEnv(env, v, false);
    }
}
