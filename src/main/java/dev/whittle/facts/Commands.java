package dev.whittle.facts;

import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import java.util.Set;

/** Questions passes ask about shell commands. */
public final class Commands {
    private Commands() {}

    /** The command's program name without its directory ({@code /usr/bin/pip3} gives pip3), or "". */
    public static String program(SimpleCommand c) {
        String name = c.name();
        if (name == null) return "";
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** Whether the program is one of the names. */
    public static boolean isProgram(SimpleCommand c, String... names) {
        String p = program(c);
        for (String n : names) if (p.equals(n)) return true;
        return false;
    }

    /**
     * The first argument whose value is one of {@code names} ({@code apk --no-cache add} gives add's
     * word), or null.
     */
    public static Word subcommand(SimpleCommand c, Set<String> names) {
        for (int k = 1; k < c.words().size(); k++) {
            String v = c.words().get(k).literal();
            if (v != null && names.contains(v)) return c.words().get(k);
        }
        return null;
    }

    /** The instruction's logical line, whitespace collapsed, cut to 60 characters: for messages. */
    public static String snippet(dev.whittle.tree.Instruction i) {
        return snippet(i, 60);
    }

    /** {@link #snippet(dev.whittle.tree.Instruction)} cut to {@code max} characters. */
    public static String snippet(dev.whittle.tree.Instruction i, int max) {
        return shorten(i.command().original(), max);
    }

    /** A command's text, whitespace collapsed, cut to {@code max} characters: for messages. */
    public static String shorten(String text, int max) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }

    /** Whether some argument starts with one of the prefixes. */
    public static boolean hasArgStarting(SimpleCommand c, String... prefixes) {
        for (String a : c.args()) {
            for (String p : prefixes) if (a.startsWith(p)) return true;
        }
        return false;
    }

    /** Whether the script runs {@code rm} on a path that starts with one of the prefixes. */
    public static boolean removes(Script script, String... prefixes) {
        for (SimpleCommand c : script.commands()) if (removes(c, prefixes)) return true;
        return false;
    }

    /** Whether an rm has -f (or --force): a missing file is then no error. */
    public static boolean forced(SimpleCommand rm) {
        for (int k = 1; k < rm.words().size(); k++) {
            String t = rm.words().get(k).literal();
            if ("--".equals(t)) break;
            if (t != null && (t.equals("--force") || t.matches("-[A-Za-z]*f[A-Za-z]*"))) return true;
        }
        return false;
    }

    /** Whether the command is an {@code rm} of a path that starts with one of the prefixes. */
    public static boolean removes(SimpleCommand c, String... prefixes) {
        if (!isProgram(c, "rm")) return false;
        for (String a : c.args()) {
            String path = a.replace("\"", "").replace("'", "");
            for (String p : prefixes) if (path.startsWith(p)) return true;
        }
        return false;
    }

    /**
     * Whether the command runs a script whittle cannot read: a .sh file, a program by a relative path, a shell given a
     * file or a -c string, make, or a sourced file.
     */
    public static boolean runsScript(SimpleCommand c) {
        String name = c.name();
        if (name == null) return true; // a command named by a variable
        if (name.isEmpty()) return false;
        String p = program(c);
        if (p.endsWith(".sh") || p.endsWith(".bash") || name.startsWith("./") || name.startsWith("../")) return true;
        if (p.equals("make") || p.equals("source") || p.equals(".")) return true;
        if (Set.of("sh", "bash", "ash", "dash", "zsh").contains(p)) {
            return c.args().stream().anyMatch(a -> !a.startsWith("-") || a.equals("-c")) || c.args().isEmpty();
        }
        return false;
    }

    /** Whether {@code p} is {@code name} followed only by digits and dots (pip3.11, python3). */
    static boolean versioned(String p, String name) {
        if (!p.startsWith(name)) return false;
        for (int k = name.length(); k < p.length(); k++) {
            char ch = p.charAt(k);
            if (ch != '.' && (ch < '0' || ch > '9')) return false;
        }
        return true;
    }

    /** Whether a pip command installs: {@code pip install}, {@code pip3.11 install}, {@code python -m pip install}. */
    public static Word pipInstall(SimpleCommand c) {
        String p = program(c);
        if (versioned(p, "pip")) return subcommand(c, Set.of("install"));
        if (versioned(p, "python")) {
            var w = c.words();
            for (int k = 1; k + 2 < w.size(); k++) {
                if ("-m".equals(w.get(k).literal()) && "pip".equals(w.get(k + 1).literal())
                        && "install".equals(w.get(k + 2).literal())) {
                    return w.get(k + 2);
                }
            }
        }
        return null;
    }

    private static final Set<String> STATEFUL = Set.of("cd", "pushd", "popd", "export", "set", "unset", "source", ".",
            "umask", "alias", "unalias", "shopt", "trap", "ulimit", "exec", "exit", "return", "eval", "readonly",
            "declare", "local", "typeset", "hash", "enable", "builtin", "shift", "getopts", "read", "wait");

    /**
     * The first command that changes the state of the shell it runs in (directory, variables,
     * options, traps) or ends it, so that commands after it in the same shell see a difference; null
     * when there is none.
     */
    public static String changesShellState(Script script) {
        for (SimpleCommand c : script.commands()) {
            if (c.words().isEmpty() && !c.assignments().isEmpty()) return c.assignments().get(0).text();
            String name = c.name();
            if (name == null) return c.words().get(0).text();
            if (STATEFUL.contains(name)) return name;
        }
        return null;
    }
}
