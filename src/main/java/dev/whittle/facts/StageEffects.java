package dev.whittle.facts;

import dev.whittle.edit.RunScript;
import dev.whittle.facts.Effect.Kind;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each instruction of a stage does to the image, in order: the files COPY, ADD, WORKDIR and the RUN commands
 * whittle knows put in place or remove, the packages and users they add, and an {@link Kind#UNKNOWN} mark for every
 * command it cannot model. The working directory follows WORKDIR and {@code cd}; variables follow ENV, ARG defaults
 * and assignments in the RUN.
 *
 * @param effects the effects, in the order they happen
 */
public record StageEffects(List<Effect> effects) {

    public static StageEffects of(StageFacts facts) {
        List<Effect> out = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", "/root");
        String workdir = facts.startWorkdir();
        String repository = facts.image().repository();
        boolean pythonImage = repository.equals("python") || repository.endsWith("/python");
        for (Instruction i : facts.stage().instructions()) {
            switch (i.kind()) {
                case ENV -> {
                    List<String> v = i.command().values();
                    StageFacts.defineEnv(env, v, true);
                }
                case ARG -> {
                    for (String a : i.command().values()) {
                        int eq = a.indexOf('=');
                        if (eq > 0 && !env.containsKey(a.substring(0, eq))) {
                            StageFacts.define(env, a.substring(0, eq), a.substring(eq + 1), true);
                        }
                    }
                }
                case WORKDIR -> {
                    workdir = StageFacts.resolve(workdir, String.join(" ", i.command().values()), env);
                    out.add(new Effect(i, workdir == null ? Kind.UNKNOWN : Kind.DIRECTORY, workdir, i.command().original()));
                }
                case COPY, ADD -> copy(i, workdir, env, out);
                case USER -> env.put("HOME", home(String.join(" ", i.command().values()).split(":")[0]));
                case RUN -> run(i, workdir, env, out, pythonImage);
                default -> { }
            }
        }
        return new StageEffects(List.copyOf(out));
    }

    private static String home(String user) {
        return user.equals("root") || user.equals("0") ? "/root" : "/home/" + user;
    }

    private static void copy(Instruction i, String workdir, Map<String, String> env, List<Effect> out) {
        List<String> v = i.command().values();
        if (v.size() < 2 || i.command().original().contains("<<")) {
            out.add(new Effect(i, Kind.UNKNOWN, null, i.command().original()));
            return;
        }
        String dest = StageFacts.resolve(workdir, v.get(v.size() - 1), env);
        if (dest == null) {
            out.add(new Effect(i, Kind.UNKNOWN, null, i.command().original()));
            return;
        }
        out.add(new Effect(i, Kind.COPIED, dest, i.command().original()));
        String owner = i.command().flag("chown");
        if (owner != null && !owner.isEmpty()) out.add(new Effect(i, Kind.OWNED, dest, owner));
    }

    private static void run(Instruction i, String workdir, Map<String, String> env, List<Effect> out, boolean pythonImage) {
        if (i.command().json() || !i.heredocs().isEmpty()) {
            out.add(new Effect(i, Kind.UNKNOWN, null, i.command().original()));
            return;
        }
        Script s = RunScript.parse(i.command().args());
        if (!s.parsed()) {
            out.add(new Effect(i, Kind.UNKNOWN, null, i.command().original()));
            return;
        }
        CommandEffects.Shell shell = new CommandEffects.Shell(i, workdir, new LinkedHashMap<>(env), out);
        shell.pythonImage = pythonImage;
        for (SimpleCommand c : s.commands()) CommandEffects.of(c, shell);
        // exported variables do not outlive the RUN; but what `export` sets is seen by its later commands only
    }

    /** The effects of one kind, in order. */
    public List<Effect> all(Kind kind) {
        return effects.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Whether {@code path} (or a directory above it) is removed by an effect after {@code after} in the list. */
    /** Whether a later instruction than {@code at} removes the path or a directory above it. */
    public boolean removedAfter(String path, dev.whittle.tree.Instruction at) {
        boolean past = false;
        for (Effect e : effects) {
            if (e.at() == at) {
                past = true;
                continue;
            }
            if (past && e.kind() == Kind.REMOVED && e.path() != null && Effect.under(path, e.path())) return true;
        }
        return false;
    }

    public boolean removedLater(String path, Effect after) {
        int from = effects.indexOf(after);
        for (int k = from + 1; k < effects.size(); k++) {
            Effect e = effects.get(k);
            if (e.kind() == Kind.REMOVED && Effect.under(path, e.path())) return true;
        }
        return false;
    }
}
