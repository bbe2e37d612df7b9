package dev.whittle.facts;

import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;

/**
 * How the image starts: its ENTRYPOINT and CMD, each in exec or shell form.
 *
 * @param entrypoint the ENTRYPOINT instruction, or null
 * @param cmd        the CMD instruction, or null
 */
public record StartCommand(Instruction entrypoint, Instruction cmd) {

    /** Whether the Dockerfile says nothing about how the image starts (the base image decides). */
    public boolean inherited() {
        return entrypoint == null && cmd == null;
    }

    /** The instruction that names the program: ENTRYPOINT when there is one, else CMD. */
    public Instruction first() {
        return entrypoint != null ? entrypoint : cmd;
    }

    /** Whether either instruction is in shell form (runs through /bin/sh). */
    public boolean needsShell() {
        return shellForm(entrypoint) || shellForm(cmd) && entrypoint == null;
    }

    private static boolean shellForm(Instruction i) {
        return i != null && !i.command().json();
    }

    /**
     * The words the container runs, as far as they are literal: exec-form arguments, or the words of a
     * shell-form command that is one simple command. Null when it cannot be told.
     */
    public List<String> argv() {
        return argv(null);
    }

    /**
     * {@link #argv()}, with the variables of a shell-form command replaced by the values the image's ENV gives them
     * ({@code CMD python3 $APP_HOME/main.py}): the shell that runs the command sees the same. Only plain
     * {@code $NAME} and {@code ${NAME}} of variables in {@code env} (the Dockerfile's ENV, already expanded), in
     * words that are otherwise literal; an unquoted value that the shell would split or glob, or an empty one, makes
     * the command unknown (null).
     */
    public List<String> argv(java.util.Map<String, String> env) {
        List<String> out = new ArrayList<>();
        if (entrypoint != null) {
            List<String> e = words(entrypoint, env);
            if (e == null) return null;
            out.addAll(e);
            if (!entrypoint.command().json()) return out; // shell-form ENTRYPOINT ignores CMD
        }
        if (cmd != null) {
            List<String> c = words(cmd, env);
            if (c == null) return null;
            out.addAll(c);
        }
        return out;
    }

    /** The program the container starts, or null. */
    public String program() {
        List<String> argv = argv();
        return argv == null || argv.isEmpty() ? null : argv.get(0);
    }

    /** The variables the shell-form start instructions name ($NAME, ${NAME}): the runtime must define them alike. */
    public java.util.Set<String> variables() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Instruction i : new Instruction[] {entrypoint, cmd}) {
            if (i == null || i.command().json()) continue;
            java.util.regex.Matcher m = StageFacts.VARIABLE.matcher(i.command().args());
            while (m.find()) out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    /** A word of literal characters and plain variable references, maybe in double quotes as a whole. */
    private static final java.util.regex.Pattern PLAIN =
            java.util.regex.Pattern.compile("(\"?)((?:[A-Za-z0-9_./:=@%+,-]|\\$[A-Za-z_][A-Za-z0-9_]*|\\$\\{[A-Za-z_][A-Za-z0-9_]*})+)\\1");

    private static String expanded(dev.whittle.shell.Word w, java.util.Map<String, String> env) {
        String v = w.literal();
        if (v != null || env == null) return v;
        java.util.regex.Matcher m = PLAIN.matcher(w.text());
        if (!m.matches()) return null;
        String value = StageFacts.expand(m.group(2), env);
        if (value == null) return null;
        boolean quoted = !m.group(1).isEmpty();
        if (!quoted && (value.isEmpty() || value.chars().anyMatch(ch -> Character.isWhitespace(ch) || "*?[".indexOf(ch) >= 0))) {
            return null;
        }
        return value;
    }

    private static List<String> words(Instruction i, java.util.Map<String, String> env) {
        if (i.command().json()) return i.command().values();
        Script s = dev.whittle.edit.RunScript.parse(i.command().args()); // cached: asked for several times per file
        if (!s.parsed() || s.commands().size() != 1 || !s.commands().get(0).assignments().isEmpty()) return null;
        SimpleCommand c = s.commands().get(0);
        if (!c.redirects().isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (var w : c.words()) {
            String v = expanded(w, env);
            if (v == null) return null;
            out.add(v);
        }
        return out;
    }
}
