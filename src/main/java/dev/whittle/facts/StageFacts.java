package dev.whittle.facts;

import dev.whittle.edit.RunScript;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one stage does, read from its instructions: the environment it sets, where it works, what it
 * installs and with which package manager, and how the image starts.
 *
 * @param stage      the stage
 * @param image      its base image
 * @param env        ENV values as written (the last one per name), in order
 * @param workdir    the final working directory, resolved to an absolute path; null when unknown
 * @param packages   system packages installed (and not removed again), in order
 * @param manager    the package manager the RUNs use (apt, apk, yum), or null
 * @param scripts    each RUN with its parsed script (shell form only), in order
 * @param entrypoint the last ENTRYPOINT, or null
 * @param cmd        the last CMD, or null
 * @param workdirs   the working directory each instruction runs in (null when unknown)
 * @param startWorkdir the working directory the base image sets (null when not known)
 */
public record StageFacts(Stage stage, ImageRef image, Map<String, String> env, String workdir, Set<String> packages,
                         String manager, List<Map.Entry<Instruction, Script>> scripts, Instruction entrypoint, Instruction cmd,
                         Map<Instruction, String> workdirs, String startWorkdir) {

    /**
     * The facts of a stage whose base image starts it in {@code startWorkdir} (the image's WORKDIR; null when the
     * image is not known, so that relative paths before the stage's first absolute WORKDIR stay unknown).
     */
    public static StageFacts of(Stage stage, String startWorkdir) {
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> packages = new LinkedHashSet<>();
        Map<String, java.util.List<String>> grouped = new HashMap<>(); // apk --virtual groups and what only they installed
        List<Map.Entry<Instruction, Script>> scripts = new ArrayList<>();
        String workdir = startWorkdir;
        String manager = null;
        Instruction entrypoint = null;
        Instruction cmd = null;
        Map<Instruction, String> workdirs = new java.util.IdentityHashMap<>();
        for (Instruction i : stage.instructions()) {
            workdirs.put(i, workdir);
            switch (i.kind()) {
                case ENV -> {
                    List<String> v = i.command().values();
                    defineEnv(env, v, true);
                }
                case WORKDIR -> workdir = resolve(workdir, String.join(" ", i.command().values()), env);
                case ENTRYPOINT -> entrypoint = i;
                case CMD -> cmd = i;
                case RUN -> {
                    if (i.command().json() || !i.heredocs().isEmpty()) break;
                    Script s = RunScript.parse(i.command().args());
                    if (!s.parsed()) break;
                    scripts.add(Map.entry(i, s));
                    for (SimpleCommand c : s.commands()) {
                        String m = Packages.manager(c);
                        if (m == null) continue;
                        manager = m;
                        if (Packages.installs(c)) {
                            String group = Packages.virtualGroup(c);
                            if (group != null) {
                                // apk add --virtual GROUP: `apk del GROUP` removes these again (unless installed
                                // on their own too)
                                for (String p : Packages.names(c)) if (!packages.contains(p)) grouped.computeIfAbsent(group,
                                        g -> new java.util.ArrayList<>()).add(p);
                            }
                            packages.addAll(Packages.names(c));
                        }
                        if (Packages.removes(c)) {
                            for (String p : Packages.names(c)) {
                                packages.remove(p);
                                java.util.List<String> members = grouped.remove(p);
                                if (members != null) members.forEach(packages::remove);
                            }
                            // `apk del GROUP` also names the group itself, which Packages reads as a package
                            for (String w : c.args()) {
                                java.util.List<String> members = grouped.remove(w);
                                if (members != null) members.forEach(packages::remove);
                            }
                        }
                    }
                }
                default -> { }
            }
        }
        return new StageFacts(stage, ImageRef.parse(stage.baseImage()), env, workdir, packages, manager, scripts,
                entrypoint, cmd, workdirs, startWorkdir);
    }

    /**
     * An ENV or ARG value as the build sees it when it is one quoted word (WORK_DIR="/app" is /app); other values as
     * written.
     */
    public static String unquote(String value) {
        return oneQuotedWord(value) ? value.substring(1, value.length() - 1) : value;
    }

    /**
     * The word with the environment's variables ({@code $NAME}, {@code ${NAME}}) replaced; null when one is not set,
     * is written another way ({@code ${NAME:-x}}, {@code $1}), has a value that is itself not known (a value still
     * holding a {@code $}), or the word grows beyond a path. Each variable is looked up by its whole name, so the
     * result does not depend on the order of the map (it once did: {@code $PATH} was replaced inside
     * {@code $GOPATH} when PATH came first, and a map of random order gave another answer in every run).
     */
    /** A variable reference, {@code ${NAME...}} (group 1) or {@code $NAME} (group 2). */
    public static final java.util.regex.Pattern VARIABLE =
            java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    public static String expand(String word, Map<String, String> env) {
        if (word.indexOf('$') < 0) return word;
        StringBuilder out = new StringBuilder(word.length() + 16);
        int k = 0;
        while (k < word.length()) {
            char c = word.charAt(k);
            if (c != '$') {
                out.append(c);
                k++;
                continue;
            }
            String name;
            if (k + 1 < word.length() && word.charAt(k + 1) == '{') {
                int close = word.indexOf('}', k + 2);
                if (close < 0) return null;
                name = word.substring(k + 2, close);
                k = close + 1;
            } else {
                int end = k + 1;
                while (end < word.length() && nameChar(word.charAt(end))) end++;
                name = word.substring(k + 1, end);
                k = end;
            }
            if (name.isEmpty() || !nameChar(name.charAt(0)) || Character.isDigit(name.charAt(0))
                    || !name.chars().allMatch(ch -> nameChar((char) ch))) {
                return null;
            }
            String value = env.get(name);
            if (value == null || value.indexOf('$') >= 0) return null;
            out.append(value);
            if (out.length() > MAX_PATH) return null;
        }
        return out.toString();
    }

    private static boolean nameChar(char c) {
        return c == '_' || c < 128 && Character.isLetterOrDigit(c);
    }

    /**
     * Sets a variable as ENV and ARG do: its value's variables replaced by the values they have at that point
     * (a later ENV does not change an earlier value). A value whittle cannot expand, or one in single quotes (which
     * ENV does not expand), is kept as written, and so a {@code $} in it makes later uses unknown to {@link #expand}.
     *
     * @param raw the value as written; with {@code unquote}, the quotes of one quoted word are removed
     */
    public static void define(Map<String, String> env, String name, String raw, boolean unquote) {
        defineEnv(env, List.of(name, raw, ""), unquote);
    }

    /**
     * The variables of one ENV instruction (its values as name, value, separator triples), each expanded with the
     * values from before the instruction: {@code ENV abc=bye def=$abc} gives def the old abc, as Docker documents.
     */
    public static void defineEnv(Map<String, String> env, List<String> values, boolean unquote) {
        boolean refers = false;
        for (int k = 1; k < values.size(); k += 3) refers |= values.get(k).indexOf('$') >= 0;
        Map<String, String> before = refers && values.size() > 3 ? new HashMap<>(env) : env;
        for (int k = 0; k + 1 < values.size(); k += 3) {
            String raw = values.get(k + 1);
            String value = unquote ? unquote(raw) : raw;
            String expanded = value.indexOf('$') < 0 || raw.startsWith("'") ? null : expand(value, before);
            env.put(values.get(k), expanded == null ? value : expanded);
        }
    }

    /** Whether the value is one quoted word whose quotes both ENV forms remove alike ('a b', "a b" without escapes). */
    public static boolean oneQuotedWord(String value) {
        return value.length() >= 2 && (value.matches("\"[^\"\\\\$`]*\"") || value.matches("'[^']*'"));
    }

    /** Longer than any path a system takes: a working directory that expands beyond it is not known. */
    private static final int MAX_PATH = 4096;

    /** An absolute path for {@code path} seen from {@code dir}; null when either is unknown or uses a variable. */
    public static String resolve(String dir, String path, Map<String, String> env) {
        if (path == null) return null;
        String p = path.strip();
        if (p.length() >= 2 && (p.startsWith("\"") && p.endsWith("\"") || p.startsWith("'") && p.endsWith("'"))) {
            p = p.substring(1, p.length() - 1);
        }
        p = expand(p, env);
        if (p == null) return null;
        if (p.isEmpty() || dir == null && !p.startsWith("/")) return dir;
        String joined = p.startsWith("/") ? p : (dir.endsWith("/") ? dir : dir + "/") + p;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The working directory of an instruction: after its own WORKDIR, when it is one. */
    public String workdirAt(Instruction i) {
        return i.kind() == Keyword.WORKDIR ? resolve(workdirs.get(i), String.join(" ", i.command().values()), env)
                : workdirs.get(i);
    }

    /** The instructions of a kind, in order. */
    public List<Instruction> all(Keyword kind) {
        return stage.instructions().stream().filter(i -> i.kind() == kind).toList();
    }

    /** Every simple command the stage's RUNs run, in order. */
    public List<SimpleCommand> commands() {
        List<SimpleCommand> out = new ArrayList<>();
        for (Map.Entry<Instruction, Script> e : scripts) out.addAll(e.getValue().commands());
        return out;
    }

    /** Whether some RUN runs the program. */
    public boolean runs(String... programs) {
        for (SimpleCommand c : commands()) if (Commands.isProgram(c, programs)) return true;
        return false;
    }

    /** The value an ENV gives the name, or null. */
    public String envValue(String name) {
        return env.get(name);
    }

    /** The start command: ENTRYPOINT and CMD as the image will run them. */
    public StartCommand start() {
        return new StartCommand(entrypoint, cmd);
    }
}
