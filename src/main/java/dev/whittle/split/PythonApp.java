package dev.whittle.split;

import dev.whittle.facts.StageFacts;
import dev.whittle.split.Plan.BuilderChanges;
import dev.whittle.split.Plan.Copy;
import dev.whittle.split.Plan.Needs;
import dev.whittle.split.Plan.Outcome;
import dev.whittle.facts.Commands;
import dev.whittle.edit.Style;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python: the packages the build installs, gathered in a virtual environment (the file's own, or
 * one whittle creates before the first install), plus the application directory, on the slim
 * variant of the same python image.
 */
final class PythonApp {
    private PythonApp() {}

    private static final String VENV = "/opt/venv";

    static Outcome plan(SplitInput in) {
        StageFacts f = in.facts();
        if (!f.image().repository().equals("python")) {
            return Outcome.refuse("Python comes from " + f.image().shown() + ", not an official python image: no slim "
                    + "image is known to have the same interpreter");
        }
        String app = f.workdir();
        // a script the start command names by path: the app lives where it is (python /srv/app.py with WORKDIR
        // /srv/config is the app in /srv), and a script elsewhere is not known to be the app's
        List<String> argv = in.argv();
        for (String a : argv.subList(1, argv.size())) {
            if (a.startsWith("-")) continue;
            if (a.endsWith(".py") && app != null) {
                String script = StageFacts.resolve(app, a, f.env());
                String dir = script == null ? null : script.substring(0, Math.max(1, script.lastIndexOf('/')));
                if (dir == null) return Outcome.refuse("the start command runs `" + a + "`, a path whittle cannot resolve");
                if (dev.whittle.facts.Effect.under(app, dir) && !dir.equals("/")) app = dir;
                else if (!dev.whittle.facts.Effect.under(dir, app)) {
                    return Outcome.refuse("the start command runs " + script + ", outside the working directory " + app);
                }
            }
            break; // the first word after the interpreter's options is the script or module
        }
        if (app == null || app.equals("/")) {
            return Outcome.refuse("the application lives in " + (app == null ? "an unknown directory" : "/")
                    + ": a WORKDIR would let whittle copy just the application");
        }
        Instruction firstInstall = null;
        String venv = existingVenv(f);
        for (Map.Entry<Instruction, Script> e : f.scripts()) {
            for (SimpleCommand c : e.getValue().commands()) {
                boolean pip = Commands.pipInstall(c) != null;
                if (pip && (c.hasArg("--user") || Commands.hasArgStarting(c, "--target", "--prefix", "-t"))) {
                    return Outcome.refuse("`" + Commands.snippet(e.getKey()) + "` installs outside the interpreter's "
                            + "environment (--user, --target or --prefix)");
                }
                boolean tool = Commands.isProgram(c, "poetry", "pipenv", "pdm", "uv") && c.words().size() > 1
                        && List.of("install", "sync").contains(c.words().get(1).literal());
                if ((pip || tool) && firstInstall == null) firstInstall = e.getKey();
            }
        }
        if (firstInstall == null) return Outcome.refuse(""); // no pip, poetry or pipenv install: nothing for a builder stage to do
        if (venv == null && in.languageMajor() != 3) {
            return Outcome.refuse("the image has Python " + (in.languageVersion().isEmpty() ? "of an unknown version"
                    : in.languageVersion()) + ", and only Python 3 has the venv module that would gather the packages");
        }
        if (venv == null && dev.whittle.facts.Versions.compare(in.languageVersion(), "3.7") < 0) {
            // ensurepip of Python 3.6 and older bundles pip 18.1 or older: it knows only manylinux1 wheels, and the
            // packages that ship newer wheels (cryptography, bcrypt) then build from source, where the image's pip
            // installed a wheel
            return Outcome.refuse("the image has Python " + (in.languageVersion().isEmpty() ? "of an unknown version"
                    : in.languageVersion()) + ": a virtual environment gets the pip it bundles (18.1 or older), which finds "
                    + "fewer wheels than the image's");
        }
        if (venv == null) {
            // pip's console scripts and packages go to the venv, not to /usr/local: a start command or carried line
            // that names them there would find nothing
            for (Instruction i : f.stage().instructions()) {
                boolean start = i.kind() == dev.whittle.tree.Keyword.CMD || i.kind() == dev.whittle.tree.Keyword.ENTRYPOINT
                        || i.kind() == dev.whittle.tree.Keyword.HEALTHCHECK;
                if (start && i.command().original().matches("(?s).*/usr/local/(bin|lib/python)[^\\s\"']*.*")) {
                    return Outcome.refuse("`" + Commands.snippet(i, 36) + "` names /usr/local, where pip no longer installs "
                            + "once the packages go into a virtual environment");
                }
            }
        }
        List<String> notes = new ArrayList<>();
        List<Copy> copies = new ArrayList<>();
        Instruction insertBefore = venv == null ? firstInstall : null;
        // the venv gets the pip Python bundles (ensurepip), often older than the image's (pinning the image's would
        // need the package index at build time, which the original may not use): said, for the reviewer to check
        if (insertBefore != null) {
            notes.add("the virtual environment has the pip Python bundles, which may be older than the image's");
        }
        if (venv == null) venv = VENV;
        copies.add(new Copy(venv, venv));
        if (!app.startsWith(venv + "/")) copies.add(new Copy(app, app));
        String v = venv;
        Instruction at = insertBefore;
        String eol = in.file().instructions().get(0).eol().isEmpty() ? "\n" : in.file().instructions().get(0).eol();
        return Outcome.of(new Plan("python", "the virtual environment " + venv + " and the application in " + app,
                new Needs(false, true, in.languageVersion(), in.languageMajor()), copies, venv,
                c -> {
                    if (at == null) return BuilderChanges.none();
                    Map<Instruction, String> edits = new IdentityHashMap<>();
                    edits.put(at, Style.keyword(at, "RUN") + " python -m venv " + v
 + eol
                            + Style.keyword(at, "ENV") + " VIRTUAL_ENV=" + v + " PATH=\"" + v + "/bin:$PATH\"" + eol + at.text());
                    return new BuilderChanges(edits, List.of(),
                            List.of("packages go into the virtual environment " + v + ", which the runtime receives"));
                }, null, c -> true, notes));
    }

    /** The virtual environment the file makes and puts on PATH itself, or null. */
    private static String existingVenv(StageFacts f) {
        String path = f.envValue("PATH");
        String virtualEnv = f.envValue("VIRTUAL_ENV");
        for (SimpleCommand c : f.commands()) {
            String dir = null;
            if (Commands.isProgram(c, "virtualenv") && !c.args().isEmpty()) dir = c.args().get(c.args().size() - 1);
            List<String> a = c.args();
            int m = a.indexOf("-m");
            if (Commands.program(c).startsWith("python") && m >= 0 && m + 2 < a.size() && a.get(m + 1).equals("venv")) {
                dir = a.get(a.size() - 1);
            }
            if (dir == null || !dir.startsWith("/")) continue;
            if (dir.equals(virtualEnv) || path != null && path.startsWith(dir + "/bin")) return dir;
        }
        return null;
    }
}
