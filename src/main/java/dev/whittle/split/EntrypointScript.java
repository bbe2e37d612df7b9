package dev.whittle.split;

import dev.whittle.facts.BuildContext;
import dev.whittle.facts.Commands;
import dev.whittle.facts.StageFacts;
import dev.whittle.shell.Redirect;
import dev.whittle.shell.Script;
import dev.whittle.shell.Shell;
import dev.whittle.shell.ShellLimits;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shell script the image starts, read from the build context where a COPY or ADD of the stage put it, to see
 * whether it only prepares the environment and then hands over to its arguments ({@code exec "$@"}, the CMD). Such a
 * script needs nothing a runtime with a shell lacks: it may set options and variables, test, print and wait, and
 * nothing else. Every other program it runs, every file it sources or writes, and every change to its arguments
 * makes it unknown, and the reason names what to check.
 */
final class EntrypointScript {
    private EntrypointScript() {}

    /**
     * What the script is.
     *
     * @param imagePath where it lies in the image
     * @param source    its path in the build context
     * @param shell     the shell it runs in (sh, bash, ...)
     * @param handsOver the words it runs with {@code exec "$@"}: the start command after the script
     * @param refusal   why the script is not known to be only that, or null
     */
    record Reading(String imagePath, String source, String shell, List<String> handsOver, String refusal) {
        static Reading refuse(String why) {
            return new Reading(null, null, null, null, why);
        }
    }

    /**
     * The shell's own commands the script may use: not {@code shift}, {@code eval}, {@code .} or {@code source}, and not
     * {@code cd} (a folder the build made outside what the runtime receives would be missing).
     */
    private static final Set<String> BUILTINS = Set.of("set", "export", "unset", "exec", "echo", "printf", "[",
            "test", "true", "false", ":", "exit", "return", "read", "trap", "wait", "umask", "local", "readonly");
    /** Programs every runtime image with a shell has (coreutils or busybox) that only read or print. */
    private static final Set<String> UTILITIES = Set.of("sleep", "id", "whoami", "date", "dirname", "basename", "uname");
    /** Folders every image has: a file copied to one of them without a trailing slash lands inside it. */
    private static final Set<String> FOLDERS = Set.of("/", "/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin",
            "/usr/local/sbin", "/etc", "/tmp", "/opt", "/root", "/usr/local", "/usr/src", "/var");
    private static final Set<String> QUIET_TARGETS = Set.of("/dev/null", "/dev/stdout", "/dev/stderr", "&1", "&2", "1", "2");
    private static final Pattern SHEBANG = Pattern.compile("#!\\s*(?:/usr)?/bin/(?:env\\s+)?(sh|bash|ash|dash)(?:\\s.*)?");
    private static final Pattern SHELL = Pattern.compile("(?:/usr)?(?:/bin/)?(sh|bash|ash|dash)");

    /** Whether a file's text starts with the #! line of a shell whittle knows. */
    static boolean shellScript(String text) {
        return SHEBANG.matcher(text.lines().findFirst().orElse("").strip()).matches();
    }

    /** Reads the script the start command runs ({@code ./entrypoint.sh ARGS} or {@code sh entrypoint.sh ARGS}). */
    static Reading read(StageFacts facts, List<String> argv, BuildContext context) {
        String shell = null;
        int at = 0;
        java.util.regex.Matcher named = SHELL.matcher(argv.get(0));
        if (named.matches()) {
            if (argv.size() < 2) return Reading.refuse("it is an interactive shell: what runs in it is not known");
            if (argv.get(1).equals("-c")) return Reading.refuse("it runs a command line, which whittle does not read as a program");
            if (argv.get(1).startsWith("-")) return Reading.refuse("it runs " + argv.get(0) + " with options");
            shell = named.group(1);
            at = 1;
        }
        String written = argv.get(at);
        if (!context.known()) return Reading.refuse("there is no build context to read it from");
        if (written.contains("/") && StageFacts.resolve(facts.workdir(), written, facts.env()) == null) {
            return Reading.refuse("its path " + written + " is not known");
        }
        Placed placed = placed(facts, written, context);
        if (placed == null) {
            return Reading.refuse(written.contains("/")
                    ? "no COPY of the build context is known to put it at " + StageFacts.resolve(facts.workdir(), written, facts.env())
                    : "no COPY of the build context is known to put " + written + " on PATH");
        }
        String path = placed.path();
        String source = placed.source();
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (Instruction i : facts.all(Keyword.RUN)) {
            if (!i.command().original().contains(name)) continue;
            Script s = dev.whittle.edit.RunScript.parse(i.command().args());
            for (SimpleCommand c : s.commands()) {
                boolean names = c.words().stream().anyMatch(w -> w.text().contains(name));
                if (names && !Commands.isProgram(c, "chmod")) {
                    return Reading.refuse("`" + Commands.snippet(i, 30) + "` (line " + i.line() + ") may change it");
                }
            }
            if (!s.parsed()) return Reading.refuse("`" + Commands.snippet(i, 30) + "` (line " + i.line() + ") may change it");
        }
        String text = context.read(source).orElse(null);
        if (text == null) return Reading.refuse(source + " is not in the build context");
        if (text.indexOf('\r') >= 0) return Reading.refuse(source + " has Windows line ends");
        String first = text.lines().findFirst().orElse("");
        java.util.regex.Matcher bang = SHEBANG.matcher(first.strip());
        if (shell == null) {
            if (!bang.matches()) return Reading.refuse(source + " has no #! line of a shell whittle knows");
            shell = bang.group(1);
        }
        String why = whatElse(text, source);
        if (why != null) return Reading.refuse(why);
        List<String> rest = argv.subList(at + 1, argv.size());
        if (rest.isEmpty()) return Reading.refuse("it is started without arguments to hand over to");
        return new Reading(path, source, shell, List.copyOf(rest), null);
    }

    /** Why the script does more than prepare and {@code exec "$@"}, or null. */
    private static String whatElse(String text, String source) {
        String beyond = ShellLimits.check(text);
        if (beyond != null) return source + " is beyond what whittle reads: " + beyond;
        Script s = Shell.parse(text);
        if (!s.parsed()) return source + " does not parse as a shell script: " + s.error();
        List<SimpleCommand> all = s.commands();
        if (all.isEmpty()) return source + " runs nothing";
        SimpleCommand last = all.get(all.size() - 1);
        if (!handsOver(last)) return source + " does not end with exec \"$@\" (what it runs is its own)";
        for (SimpleCommand c : all) {
            String program = c.name();
            if (program == null) return source + " runs a program named by a variable";
            String why = programProblem(c, program, last, source);
            if (why != null) return why;
            for (Word w : words(c)) {
                String t = w.text();
                if (t.contains("$(") || t.contains("`")) return source + " runs commands inside " + Commands.shorten(t, 30);
            }
            for (Redirect r : c.redirects()) {
                String target = r.target() == null ? null : r.target().literal();
                if (target == null || !QUIET_TARGETS.contains(target)) {
                    return source + " writes to or reads " + (target == null ? "a file named by a variable" : target);
                }
            }
        }
        return null;
    }

    /** Why the command's program is not one the script may run, or null. */
    private static String programProblem(SimpleCommand c, String program, SimpleCommand last, String source) {
        switch (program) {
            case "exec":
                return c == last ? null : source + " runs exec before its end";
            case "set":
                for (String a : c.args()) {
                    if (!a.matches("[-+][euxvfCo]+|pipefail|errexit|nounset|xtrace")) {
                        return source + " changes its arguments (set " + a + ")";
                    }
                }
                return null;
            case ".", "source", "eval", "shift":
                return source + " runs " + program + " (what follows is not read)";
            case "":
                return null; // assignments only
            default:
                return BUILTINS.contains(program) || UTILITIES.contains(program) ? null
                        : source + " runs `" + program + "`, which the runtime image may not have";
        }
    }

    private static List<Word> words(SimpleCommand c) {
        List<Word> all = new ArrayList<>(c.assignments());
        all.addAll(c.words());
        return all;
    }

    /** {@code exec "$@"} at the top level. */
    private static boolean handsOver(SimpleCommand c) {
        return c.depth() == 0 && c.words().size() == 2 && "exec".equals(c.name())
                && c.words().get(1).text().equals("\"$@\"") && c.redirects().isEmpty() && c.assignments().isEmpty();
    }

    /** Where a program the image starts lies, and the build-context file a COPY or ADD of the stage put there. */
    record Placed(String path, String source) {}

    /**
     * The place of a program named by a path (against the last WORKDIR) or a bare name (the first PATH folder a COPY
     * put it in), and its build-context source; null when no COPY of the context is known to put it there.
     */
    static Placed placed(StageFacts facts, String program, BuildContext context) {
        if (program.contains("/")) {
            String path = StageFacts.resolve(facts.workdir(), program, facts.env());
            String source = path == null ? null : sourceOf(facts, path, context);
            return source == null ? null : new Placed(path, source);
        }
        for (String dir : facts.env().getOrDefault("PATH", SplitPlanner.DEFAULT_PATH).split(":")) {
            if (!dir.startsWith("/")) continue;
            String path = dir.replaceAll("/+$", "") + "/" + program;
            String source = sourceOf(facts, path, context);
            if (source != null) return new Placed(path, source);
        }
        return null;
    }

    /**
     * The build-context path of the file a COPY or ADD of the stage put at {@code path} (the last one that did), or
     * null when none did or it cannot be told (a wildcard, an archive ADD unpacks, a URL, another stage).
     */
    private static String sourceOf(StageFacts facts, String path, BuildContext context) {
        String found = null;
        String workdir = facts.startWorkdir();
        for (Instruction i : facts.stage().instructions()) {
            if (i.kind() == Keyword.WORKDIR) {
                workdir = StageFacts.resolve(workdir, String.join(" ", i.command().values()), facts.env());
                continue;
            }
            if (i.kind() != Keyword.COPY && i.kind() != Keyword.ADD) continue;
            List<String> v = i.command().values();
            if (v.size() < 2 || !i.heredocs().isEmpty()) continue;
            String destWord = v.get(v.size() - 1);
            String dest = StageFacts.resolve(workdir, destWord, facts.env());
            if (dest == null) {
                found = null; // copied to a place whittle cannot resolve: it may be the script's
                continue;
            }
            boolean reaches = false;
            String match = null;
            for (String src : v.subList(0, v.size() - 1)) {
                String stripped = src.replaceFirst("^(\\./)+", "").replaceAll("/+$", "");
                String clean = stripped.equals(".") ? "" : stripped;
                if (src.matches(".*[*?\\[].*") || i.command().flag("from") != null || src.contains("://")) {
                    // a pattern, another image or stage, a URL: whatever it brings may land on the path
                    String under = dest == null ? null : dest.replaceAll("/+$", "");
                    if (under != null && (path.equals(under) || path.startsWith(under + "/"))) {
                        reaches = true;
                        match = null;
                        break;
                    }
                    continue;
                }
                String name = clean.substring(clean.lastIndexOf('/') + 1);
                boolean intoFolder = destWord.endsWith("/") || v.size() > 2 || destWord.matches("\\.|\\.\\.|\\./\\.?")
                        || dest.equals(workdir) || FOLDERS.contains(dest);
                String file = clean.isEmpty() || intoFolder ? dest.replaceAll("/+$", "") + (name.isEmpty() ? "" : "/" + name) : dest;
                boolean directory = clean.isEmpty() || context.files().stream().anyMatch(f -> f.startsWith(clean + "/"));
                String root = directory ? (dest == null ? null : dest.replaceAll("/+$", "")) : file;
                if (root == null || (directory ? !path.startsWith(root + "/") : !path.equals(root))) continue;
                reaches = true;
                if (i.kind() == Keyword.ADD && clean.matches("(?i).*\\.(tar|tgz|gz|bz2|xz|zst|zip)$")) {
                    match = null;
                    break;
                }
                match = directory ? (clean.isEmpty() ? "" : clean + "/") + path.substring(root.length() + 1) : clean;
            }
            if (reaches) found = match; // a later copy over the path decides (null when it cannot be told)
        }
        return found;
    }
}
