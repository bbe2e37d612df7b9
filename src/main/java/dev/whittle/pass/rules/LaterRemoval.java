package dev.whittle.pass.rules;

import dev.whittle.edit.RunScript;
import dev.whittle.facts.Commands;
import dev.whittle.facts.Effect;
import dev.whittle.facts.StageFacts;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Step;
import dev.whittle.shell.Word;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Follows a file a RUN downloaded through the instructions after that RUN in its stage, up to the first later RUN
 * whose {@code rm} removes it: the removal can then move into the downloading RUN, unless an instruction on the way
 * may read the file (names it, runs a script, lists or copies its folder, matches it with a pattern, or puts a VOLUME
 * over it), which is then said.
 */
final class LaterRemoval {
    private LaterRemoval() {}

    /** The stand-in for a base image WORKDIR that is not known: paths under it only compare with each other. */
    static final String UNKNOWN_BASE = "/%WORKDIR%";

    /** How an rm names the file: by its path, by a folder above it (or a pattern matching that folder), by a pattern. */
    enum Kind { EXACT, FOLDER, PATTERN }

    /**
     * The {@code rm} of a later RUN that removes the file.
     *
     * @param run     the later RUN
     * @param step    the index of the top-level step holding the rm
     * @param rm      the command
     * @param kind    how it names the file
     * @param alone   whether the step is the rm alone (no pipe, loop or condition) and joined with {@code &&}
     * @param force   whether the rm has -f (a missing file is no error)
     * @param paths   the absolute path of each of its operands (null for one whittle cannot resolve)
     */
    record Removal(Instruction run, int step, SimpleCommand rm, Kind kind, boolean alone, boolean force,
                   List<String> paths) {
        /** The rm's operands (the words after its options). */
        List<Word> operands() {
            List<Word> out = new ArrayList<>();
            boolean options = true;
            for (int k = 1; k < rm.words().size(); k++) {
                Word w = rm.words().get(k);
                String t = w.literal();
                if (options && "--".equals(t)) {
                    options = false;
                } else if (!(options && t != null && t.startsWith("-") && t.length() > 1)) {
                    out.add(w);
                }
            }
            return out;
        }
    }

    /**
     * Where the follow ended: at a later removal (null when the stage ends first) with, when an instruction before it
     * may read the file, why the removal cannot move; and the first COPY or ADD on the way into the file's folder (it
     * may put a new file at the path, which the later rm then removes), or null.
     */
    record Outcome(Removal removal, String refusal, Instruction recreate) {}

    /**
     * Follows the file at {@code path} (named {@code name}) through {@code after}, the instructions of its stage after
     * the RUN that downloaded it, which leaves the stage in {@code cwd} with {@code env} defined.
     */
    static Outcome follow(Dockerfile file, List<Instruction> after, String path, String name, String cwd,
                          Map<String, String> env) {
        Pattern named = namePattern(name);
        Instruction recreate = null;
        String why = null; // the first instruction that may read the file: it only counts when a removal follows
        for (Instruction i : after) {
            switch (i.kind()) {
                case ENV -> StageFacts.defineEnv(env, i.command().values(), true);
                case WORKDIR -> cwd = resolve(cwd, String.join(" ", i.command().values()), env);
                case VOLUME -> {
                    for (String v : i.command().values()) {
                        String p = resolve(cwd, v, env);
                        if (why == null && mayHold(p, path)) {
                            why = "a VOLUME over its folder comes first (`" + Commands.snippet(i, 40)
                                    + "`): builders differ on keeping what later RUNs do there";
                        }
                    }
                }
                case COPY, ADD -> {
                    if (why == null && named.matcher(i.command().original()).find()) why = names(i);
                    List<String> v = i.command().values();
                    String p = v.isEmpty() ? null : resolve(cwd, v.get(v.size() - 1), env);
                    if (recreate == null && mayHold(p, path)) recreate = i;
                }
                case RUN -> {
                    Outcome o = run(i, file, path, named, cwd, env);
                    if (o == null) continue;
                    if (o.removal() != null) return new Outcome(o.removal(), why != null ? why : o.refusal(), recreate);
                    if (why == null) why = o.refusal();
                }
                default -> { }
            }
        }
        return new Outcome(null, null, recreate);
    }

    private static Outcome refused(String why) {
        return new Outcome(null, why, null);
    }

    private static String names(Instruction i) {
        return "a later instruction names it (`" + Commands.snippet(i, 40) + "`)";
    }

    /** The file's name as a whole word of a path or URL (not x.tgz inside x.tgz.sha256 or data-x.tgz). */
    static Pattern namePattern(String name) {
        return Pattern.compile("(?<![A-Za-z0-9._+-])" + Pattern.quote(name) + "(?![A-Za-z0-9._+-])");
    }

    /** Programs whose path arguments do not read the files of a folder they name. */
    private static final Set<String> HARMLESS = Set.of("mkdir", "chmod", "chown", "chgrp", "echo", "printf", "test", "[",
            "useradd", "adduser", "groupadd", "addgroup", "usermod", "export", "true", "sleep", "rmdir", "ldconfig");

    /** Programs that read or carry whole folders: with the file's folder unknown, any absolute path may hold it. */
    private static final Set<String> READS_TREES = Set.of("cp", "mv", "rsync", "tar", "bsdtar", "zip", "7z", "find", "ls",
            "du", "cpio", "scp", "ln", "tree", "xargs", "pip", "pip3", "npm", "yarn", "gsutil", "aws");

    /**
     * A later RUN's answer: its removal of the file (with why it cannot move when a command before it may read the
     * file), a refusal, or null (it neither reads nor removes the file).
     */
    private static Outcome run(Instruction i, Dockerfile file, String path, Pattern named, String cwd,
                               Map<String, String> env) {
        RunScript rs = RunScript.of(i, file);
        if (rs == null) {
            if (named.matcher(i.command().original()).find()) return refused(names(i));
            return refused("a later RUN whittle does not read (`" + Commands.snippet(i, 40) + "`) may use it");
        }
        List<Step> steps = rs.script().steps();
        String here = cwd;
        String why = null;
        for (int k = 0; k < steps.size(); k++) {
            Step s = steps.get(k);
            boolean simple = !s.compound() && s.commands().size() == 1;
            if (s.compound()) {
                String text = rs.script().text().substring(s.start(), s.end());
                if (why == null && named.matcher(text).find()) why = names(i);
                if (why == null && text.contains("*")) {
                    why = "a later RUN has a loop or condition with a pattern (`" + Commands.snippet(i, 40)
                            + "`) that may match it";
                }
            }
            for (SimpleCommand c : s.commands()) {
                String program = Commands.program(c);
                if (program.equals("cd")) {
                    // in a pipe, subshell or condition the directory after it is not known
                    here = !simple || c.args().isEmpty() ? null : wordPath(here, c.words().get(1), env);
                    continue;
                }
                if (program.equals("rm")) {
                    boolean alone = simple && (k == 0 || s.connector().equals("&&"))
                            && (k + 1 == steps.size() || steps.get(k + 1).connector().equals("&&"));
                    Removal r = removal(i, k, c, alone, here, path, env);
                    if (r != null) return new Outcome(r, why, null);
                    continue; // an rm of other files does not read this one
                }
                String read = why == null ? reads(c, program, here, path, named, env) : null;
                if (read != null) why = read + " (`" + Commands.snippet(i, 40) + "`)";
            }
        }
        return why == null ? null : refused(why);
    }

    /** Why a command may read the file, or null. */
    private static String reads(SimpleCommand c, String program, String here, String path, Pattern named,
                                Map<String, String> env) {
        for (Word w : c.assignments()) if (named.matcher(w.text()).find()) return "a later RUN names it";
        for (var r : c.redirects()) if (named.matcher(r.target().text()).find()) return "a later RUN names it";
        if (Commands.runsScript(c)) return "a later RUN runs a script that may read it";
        boolean unknownBase = path.startsWith(UNKNOWN_BASE + "/");
        boolean trees = READS_TREES.contains(program);
        boolean extracting = (program.equals("tar") || program.equals("bsdtar")) && c.args().stream().noneMatch(
                a -> a.matches("-?-?c.*|--create")) || program.equals("unzip");
        List<Word> words = c.words();
        int destination = destination(c, program);
        for (int k = 1; k < words.size(); k++) {
            Word w = words.get(k);
            String text = w.text();
            if (k == destination && !named.matcher(text).find()) continue; // what cp or mv writes into is not read
            if (named.matcher(text).find()) return "a later RUN names it";
            if ((text.contains("$(") || text.contains("`")) && text.matches("(?s).*(/|\\*|\\bls\\b|\\bfind\\b).*")) {
                return "a later RUN has a command substitution whittle does not follow";
            }
            if (HARMLESS.contains(program)) continue;
            String t = w.literal();
            if (t != null && t.startsWith("-")) {
                // the folder an extraction writes to is not read
                if (extracting && (t.equals("-C") || t.equals("-d") || t.equals("--directory"))) k++;
                continue;
            }
            String p = wordPath(here, w, env);
            if (p == null) {
                String v = t == null ? text : t;
                if (trees || v.equals(".") || v.equals("..") || v.startsWith("./") || v.startsWith("../")) {
                    return "a later RUN's `" + program + "` names a path whittle cannot resolve";
                }
                continue;
            }
            if (isPattern(p)) {
                if (globReaches(p, path) || unknownBase && trees && !p.startsWith(UNKNOWN_BASE)) {
                    return "a later RUN's `" + program + "` has a pattern that may match it";
                }
            } else if (Effect.under(path, p) || unknownBase && trees && mayHold(p, path)) {
                return "a later RUN's `" + program + "` reads the folder that holds it";
            }
        }
        return null;
    }

    /** Programs whose last operand is where they write (cp SRC... DIR), unless -t names it. */
    private static final Set<String> DESTINATION_LAST = Set.of("cp", "mv", "ln", "install", "rsync", "scp");

    /** The index of the word a cp, mv or ln writes into, or -1. */
    private static int destination(SimpleCommand c, String program) {
        if (!DESTINATION_LAST.contains(program)) return -1;
        List<Word> words = c.words();
        int operands = 0;
        int last = -1;
        for (int k = 1; k < words.size(); k++) {
            String t = words.get(k).literal();
            if (t == null) return -1;
            if (t.startsWith("-t") || t.startsWith("--target-directory")) return -1;
            if (t.startsWith("-")) continue;
            operands++;
            last = k;
        }
        return operands >= 2 ? last : -1;
    }

    /** The rm's removal of the file, or null when it removes other files only. */
    private static Removal removal(Instruction run, int step, SimpleCommand c, boolean alone, String here, String path,
                                   Map<String, String> env) {
        boolean force = dev.whittle.facts.Commands.forced(c);
        Removal probe = new Removal(run, step, c, Kind.EXACT, alone, force, List.of());
        Kind best = null;
        List<String> paths = new ArrayList<>();
        for (Word w : probe.operands()) {
            String p = wordPath(here, w, env);
            paths.add(p);
            if (p == null) continue; // a path whittle cannot resolve is not taken for this file's removal
            Kind kind;
            if (isPattern(p)) {
                if (p.contains("[")) continue;
                if (path.matches(globRegex(p))) kind = Kind.PATTERN;
                else if (path.matches(globRegex(p) + "/.*")) kind = Kind.FOLDER;
                else continue;
            } else if (p.equals(path)) {
                kind = Kind.EXACT;
            } else if (Effect.under(path, p)) {
                kind = Kind.FOLDER;
            } else {
                continue;
            }
            if (best == null || kind.ordinal() < best.ordinal()) best = kind;
        }
        return best == null ? null : new Removal(run, step, c, best, alone, force, java.util.Collections.unmodifiableList(paths));
    }

    private static boolean isPattern(String p) {
        return p.contains("*") || p.contains("?") || p.contains("[");
    }

    /** Whether a pattern may match the file or a folder above it (a bracket pattern is taken as matching). */
    private static boolean globReaches(String glob, String path) {
        return glob.contains("[") || path.matches(globRegex(glob) + "(/.*)?");
    }

    private static String globRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*') re.append("[^/]*");
            else if (ch == '?') re.append("[^/]");
            else re.append(Pattern.quote(String.valueOf(ch)));
        }
        return re.toString();
    }

    /**
     * Whether a folder may hold the file: it is above it, or not known, or (for a file below a base WORKDIR that is not
     * known) any absolute folder may be that WORKDIR or above it.
     */
    static boolean mayHold(String dir, String path) {
        if (dir == null) return true;
        if (Effect.under(path, dir)) return true;
        return path.startsWith(UNKNOWN_BASE + "/") && !dir.startsWith(UNKNOWN_BASE);
    }

    /** A word's absolute path seen from {@code here}; null when it uses what whittle cannot know. */
    static String wordPath(String here, Word w, Map<String, String> env) {
        String t = w.literal();
        if (t == null) {
            t = StageFacts.expand(w.text().replace("\"", ""), env);
            if (t == null || t.contains("'") || t.contains("\\") || t.contains("$") || t.contains("`")) return null;
        }
        return resolve(here, t, Map.of());
    }

    /**
     * {@link StageFacts#resolve} that keeps the stand-in for an unknown WORKDIR honest: a path that climbs out of it
     * with {@code ..} is not known, and so is one starting with {@code ~}.
     */
    static String resolve(String dir, String path, Map<String, String> env) {
        if (path == null || path.startsWith("~")) return null;
        String p = StageFacts.resolve(dir, path, env);
        if (p != null && dir != null && dir.startsWith(UNKNOWN_BASE) && !p.startsWith(UNKNOWN_BASE) && !path.strip()
                .replace("\"", "").replace("'", "").startsWith("/")) {
            return null;
        }
        return p;
    }
}
