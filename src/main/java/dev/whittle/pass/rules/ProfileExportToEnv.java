package dev.whittle.pass.rules;

import dev.whittle.facts.Commands;
import dev.whittle.pass.Edit;
import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.core.Change;
import dev.whittle.shell.Redirect;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code echo "export X=Y" >> /etc/profile} is reported with the ENV it was meant to be. */
public final class ProfileExportToEnv implements Pass {
    private static final PassInfo INFO = new PassInfo("profile-export-to-env", "exports in /etc/profile",
            "Report `echo export ... >> /etc/profile`: later RUNs never read it; the intent is ENV.",
            Level.SAFE, List.of(),
            "Each RUN is a fresh `/bin/sh -c`, which reads neither /etc/profile nor ~/.bashrc, and neither does "
                    + "the container's CMD unless it starts a login shell. A variable exported there is therefore "
                    + "invisible to the rest of the build and usually to the application. whittle reports the "
                    + "line with the ENV instruction that does what was meant; it does not rewrite, because an "
                    + "interactive shell in the container may really want the profile.");

    private static final Set<String> PROFILES = Set.of("/etc/profile", "/etc/bash.bashrc", "/root/.bashrc",
            "/root/.profile", "~/.bashrc", "~/.profile", "/etc/environment");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> edits = new ArrayList<>();
        // an image that serves ssh logins: login shells read /etc/profile and the shell start-up files, and the
        // exports are for them, not for RUN or CMD
        for (Instruction i : file.instructions()) {
            String text = i.command().original();
            if (text.contains("sshd") || text.contains("openssh-server")) return edits;
        }
        for (Instruction i : file.instructions()) {
            if (!RunScript.mentions(i, "echo", "printf") || !RunScript.mentions(i, ">")) continue;
            RunScript script = RunScript.of(i, file);
            if (script == null) continue;
            List<String> exports = new ArrayList<>();
            String target = null;
            for (SimpleCommand c : script.script().commands()) {
                if (!Commands.isProgram(c, "echo", "printf")) continue;
                String to = appendsTo(c);
                if (to == null) continue;
                for (String a : c.args()) {
                    String s = a.strip();
                    if (s.startsWith("export ")) s = s.substring(7).strip();
                    else if (!to.equals("/etc/environment")) continue;
                    if (s.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                        exports.add(s);
                        target = to;
                    }
                }
            }
            if (exports.isEmpty()) continue;
            // the shell expands ~ and $HOME; ENV does not (it knows only the Dockerfile's own ENV and ARG): the home
            // is written out, root's, or the ENV is not spelled out when a USER may have changed it
            boolean user = file.instructions().stream().anyMatch(x -> x.kind() == dev.whittle.tree.Keyword.USER
                    && x.line() < i.line());
            List<String> spelled = new ArrayList<>();
            for (String e : exports) {
                String v = e.replaceAll("(^[A-Za-z_][A-Za-z0-9_]*=|:)~(?=/|$|:)", "$1/root")
                        .replaceAll("\\$\\{?HOME\\}?(?=/|$|:)", "/root");
                spelled.add(v);
            }
            boolean homeNamed = !spelled.equals(exports);
            String env = "ENV " + String.join(" ", homeNamed && user ? exports : spelled);
            edits.add(Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(),
                    "exports written to " + target + " are not seen by later RUNs or CMD; use "
                            + (env.length() <= 60 && !(homeNamed && user) ? env : "ENV instead")
                            + (homeNamed && user ? " (with the user's home written out: ENV does not expand ~ or $HOME)" : ""))
                    .withDetails(List.of("the ENV: " + env))));
        }
        return edits;
    }

    private static String appendsTo(SimpleCommand c) {
        for (Redirect r : c.redirects()) {
            if (!r.operator().equals(">>") || r.target() == null) continue;
            String t = r.target().value();
            if (PROFILES.contains(t)) return t;
        }
        return null;
    }
}
