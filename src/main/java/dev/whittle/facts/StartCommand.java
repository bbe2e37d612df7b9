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
        List<String> out = new ArrayList<>();
        if (entrypoint != null) {
            List<String> e = words(entrypoint);
            if (e == null) return null;
            out.addAll(e);
            if (!entrypoint.command().json()) return out; // shell-form ENTRYPOINT ignores CMD
        }
        if (cmd != null) {
            List<String> c = words(cmd);
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

    private static List<String> words(Instruction i) {
        if (i.command().json()) return i.command().values();
        Script s = dev.whittle.edit.RunScript.parse(i.command().args()); // cached: asked for several times per file
        if (!s.parsed() || s.commands().size() != 1 || !s.commands().get(0).assignments().isEmpty()) return null;
        SimpleCommand c = s.commands().get(0);
        if (!c.redirects().isEmpty()) return null;
        List<String> out = new ArrayList<>();
        for (var w : c.words()) {
            String v = w.literal();
            if (v == null) return null;
            out.add(v);
        }
        return out;
    }
}
