package dev.whittle.pass.rules;

import dev.whittle.core.Change;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.edit.RunScript;
import dev.whittle.facts.Commands;
import dev.whittle.facts.FinalImage;
import dev.whittle.facts.ImageRef;
import dev.whittle.facts.Packages;
import dev.whittle.pass.Edit;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A RUN that changes the mode or owner of a file in a directory nothing in the Dockerfile creates
 * ({@code chmod 0644 /etc/deployments/orders.sh}, and no COPY, mkdir or other command names /etc/deployments) is
 * reported: unless the base image, a package or a step whittle cannot read puts it there, the RUN fails.
 */
public final class PathNotCreated implements Pass {
    private static final PassInfo INFO = new PassInfo("path-not-created", "Path nothing creates",
            "Report chmod/chown of a file in a directory no instruction creates or names: the RUN fails unless "
                    + "the base image or a step whittle cannot read makes it.",
            Level.SAFE, List.of(),
            "chmod and chown stop with `No such file or directory` when the file is not there. whittle reports "
                    + "such a command when the file's directory is not a standard one (/etc, /usr/local/bin, /opt and "
                    + "the like, which the base image or packages fill), no other instruction of the stage or of "
                    + "the stages it is built on names that directory or the file (no COPY or ADD to it, no mkdir, "
                    + "no download, no WORKDIR), no package installed there carries a name the path holds (bind9 "
                    + "for /etc/bind), and the base is an image whose contents whittle knows to be a plain "
                    + "distribution or language image. The reason names the steps it cannot read (make, a "
                    + "script), which may make the file. It never rewrites: only the author knows where the file "
                    + "should come from.");

    /** Directories base images and packages fill: a file there may come from either. */
    private static final Set<String> STANDARD = Set.of("/", "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib64", "/var",
            "/tmp", "/root", "/home", "/opt", "/srv", "/run", "/mnt", "/media", "/boot", "/usr/local", "/usr/local/bin",
            "/usr/local/sbin", "/usr/local/lib", "/usr/local/share", "/usr/local/etc", "/usr/bin", "/usr/sbin", "/usr/lib",
            "/usr/share", "/usr/libexec", "/var/lib", "/var/log", "/var/www", "/var/run", "/var/cache", "/var/spool",
            "/etc/init.d", "/etc/default", "/etc/profile.d", "/etc/cron.d", "/etc/cron.daily", "/etc/cron.hourly",
            "/etc/ssh", "/etc/ssl", "/etc/ssl/certs", "/etc/security", "/etc/systemd", "/etc/sudoers.d", "/etc/apt",
            "/etc/yum.repos.d", "/etc/apk", "/etc/rc.d", "/etc/rc.d/init.d", "/etc/logrotate.d", "/etc/sysconfig",
            "/etc/pki", "/etc/nginx", "/etc/apache2", "/etc/httpd", "/etc/php", "/etc/supervisor", "/etc/supervisor/conf.d",
            "/etc/service", "/etc/my_init.d", "/docker-entrypoint.d", "/docker-entrypoint-initdb.d", "/usr/src", "/app");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public List<Edit> run(Dockerfile file, PassContext context) {
        List<Edit> out = new ArrayList<>();
        var knowledge = context.knowledge();
        for (Stage stage : file.stages()) {
            List<Stage> chain = FinalImage.chain(file, stage);
            ImageRef base = ImageRef.parse(chain.get(0).baseImage());
            // only bases whose contents are a plain distribution or language image (official, or in the catalog)
            if (base.variable() || knowledge.catalog().derivation(base) != null
                    || knowledge.catalog().lookup(base) == null && knowledge.facts().images().lookup(base) == null) {
                continue;
            }
            List<Instruction> all = new ArrayList<>();
            for (Stage s : chain) all.addAll(s.instructions());
            for (Instruction i : stage.instructions()) {
                if (i.kind() != Keyword.RUN || i.command().json() || !i.heredocs().isEmpty()
                        || !RunScript.mentions(i, "chmod", "chown", "chgrp")) continue;
                Script script = RunScript.parse(i.command().args()); // read only: the file's parse, no editor
                if (!script.parsed()) continue;
                for (SimpleCommand c : script.commands()) {
                    if (!Commands.isProgram(c, "chmod", "chown", "chgrp")) continue;
                    String missing = missing(file, c, i, all, script);
                    if (missing == null) continue;
                    String dir = missing.substring(0, missing.lastIndexOf('/'));
                    List<String> unread = unreadSteps(file, all, i);
                    out.add(Edit.finding(i, Change.finding(INFO.id(), i.line(), i.endLine(),
                            "nothing in this file creates " + dir + " (for " + Commands.shorten(missing, 50) + "): unless "
                                    + base.shown() + (unread.isEmpty() ? " or a package" : " or " + unread.get(0))
                                    + " makes it, this RUN fails")
                            .withDetails(unread.isEmpty() ? List.of() : List.of("steps whittle cannot read before it: "
                                    + String.join(", ", unread)))));
                    break; // one finding per RUN
                }
            }
        }
        return out;
    }

    /** The first path the command changes whose directory nothing else names, or null. */
    private static String missing(Dockerfile file, SimpleCommand c, Instruction run, List<Instruction> all, Script script) {
        List<String> args = c.args();
        boolean operandsStarted = false; // the first operand is the mode or the owner
        for (String a : args) {
            if (a.startsWith("-") && !operandsStarted) continue;
            if (!operandsStarted) {
                operandsStarted = true;
                continue;
            }
            if (!a.startsWith("/") || !a.matches("/[A-Za-z0-9_./-]+") || a.contains("..") || a.endsWith("/")) continue;
            String dir = a.substring(0, a.lastIndexOf('/'));
            if (dir.isEmpty() || STANDARD.contains(dir)) continue;
            // a user's home is made by useradd or adduser, which whittle does not follow
            if (dir.startsWith("/home/") || dir.startsWith("/root/")) continue;
            String name = a.substring(a.lastIndexOf('/') + 1);
            if (namedElsewhere(file, dir, name, c, run, all, script)) continue;
            return a;
        }
        return null;
    }

    /**
     * Whether something else may make the file: another instruction, or another command of this RUN, names the
     * directory, one of its parents below the top level, or the file's name; a COPY or ADD copies into / (a
     * context can hold any directory); an archive is unpacked, or a repository cloned, where whittle cannot tell
     * or above the directory; or a package the stage installs carries a name one of the path's parts holds.
     */
    private static boolean namedElsewhere(Dockerfile file, String dir, String name, SimpleCommand c, Instruction run,
                                          List<Instruction> all, Script script) {
        String[] parts = dir.substring(1).split("/");
        List<String> ancestors = new ArrayList<>();
        for (int k = 2; k <= parts.length; k++) ancestors.add("/" + String.join("/", java.util.Arrays.copyOfRange(parts, 0, k)));
        if (parts.length == 1) ancestors.add(dir);
        String workdir = "/";
        for (Instruction i : all) {
            if (i.kind() == Keyword.FROM) continue;
            String text = i == run ? withoutCommand(script, c) : i.command().original();
            if (text.contains(name)) return true;
            for (String a : ancestors) if (mentions(text, a)) return true;
            if (i.kind() == Keyword.WORKDIR) {
                String w = String.join(" ", i.command().values()).strip();
                // a relative WORKDIR goes below the one before: no longer / unless it was and this is "."
                workdir = w.startsWith("/") ? (w.length() > 1 && w.endsWith("/") ? w.substring(0, w.length() - 1) : w)
                        : w.equals(".") || w.equals("./") ? workdir : "relative";
            }
            if (i.kind() == Keyword.COPY || i.kind() == Keyword.ADD) {
                List<String> v = i.command().values();
                String dest = v.isEmpty() ? "" : v.get(v.size() - 1);
                if (dest.equals("/") || !dest.startsWith("/") && workdir.equals("/")) return true;
            }
            if (i.kind() != Keyword.RUN) continue;
            if (i.command().json() || !i.heredocs().isEmpty()) return true; // a RUN whittle does not read may make it
            Script rs = i == run ? script : RunScript.parse(i.command().args());
            if (!rs.parsed()) return true;
            for (SimpleCommand k : rs.commands()) {
                if (k == c) continue;
                if (unpacksWhereUnknown(k, ancestors)) return true;
                // a package file installed by hand (dpkg -i, rpm -i, apt-get install ./x.deb): its files are not known
                if (Commands.isProgram(k, "dpkg", "rpm") && k.args().stream().anyMatch(a -> a.matches("-[A-Za-z]*i.*|--install"))) {
                    return true;
                }
                if (Packages.manager(k) == null || !Packages.installs(k)) continue;
                for (String p : Packages.names(k)) {
                    String pkg = p.toLowerCase(java.util.Locale.ROOT);
                    if (pkg.endsWith(".deb") || pkg.endsWith(".rpm") || pkg.contains("/")) return true;
                    for (String part : parts) {
                        String q = part.toLowerCase(java.util.Locale.ROOT);
                        if (q.length() >= 3 && (pkg.contains(q) || q.contains(pkg) && pkg.length() >= 3)) return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the text names the path as a path (followed by a separator, a quote or the end), not as a prefix. */
    private static boolean mentions(String text, String path) {
        int at = text.indexOf(path);
        while (at >= 0) {
            int end = at + path.length();
            if (end == text.length() || "/ \t\"':;&|)".indexOf(text.charAt(end)) >= 0) return true;
            at = text.indexOf(path, at + 1);
        }
        return false;
    }

    /**
     * Whether the command unpacks an archive (tar, unzip, bsdtar, cpio) or clones a repository into a place whittle
     * cannot tell, into /, or into one of the directory's parents.
     */
    private static boolean unpacksWhereUnknown(SimpleCommand k, List<String> ancestors) {
        String program = k.name() == null ? "" : Commands.program(k);
        String target = null;
        List<String> args = k.args();
        switch (program) {
            case "tar", "bsdtar" -> {
                boolean extracts = args.stream().anyMatch(a -> a.equals("-x") || a.equals("--extract")
                        || a.matches("-?[A-Za-wyz]*x[A-Za-z]*") && !a.startsWith("--"));
                if (!extracts) return false;
                for (int n = 0; n + 1 < args.size(); n++) {
                    if (args.get(n).equals("-C") || args.get(n).equals("--directory")) target = args.get(n + 1);
                }
                for (String a : args) if (a.startsWith("--directory=")) target = a.substring("--directory=".length());
            }
            case "unzip" -> {
                for (int n = 0; n + 1 < args.size(); n++) if (args.get(n).equals("-d")) target = args.get(n + 1);
            }
            case "cpio", "rpm2cpio", "dpkg-deb" -> {
                return true;
            }
            case "git", "svn", "hg" -> {
                if (args.isEmpty() || !Set.of("clone", "checkout", "co").contains(args.get(0))) return false;
                String last = args.get(args.size() - 1);
                target = args.size() >= 3 && !last.contains("://") && !last.startsWith("-") ? last : null;
            }
            default -> {
                return false;
            }
        }
        if (target == null || !target.startsWith("/")) return true;
        String t = target.endsWith("/") && target.length() > 1 ? target.substring(0, target.length() - 1) : target;
        if (t.equals("/")) return true;
        for (String a : ancestors) if (a.equals(t) || a.startsWith(t + "/")) return true;
        return false;
    }

    /** The RUN's text with the command itself left out (its own mention of the path says nothing). */
    private static String withoutCommand(Script script, SimpleCommand c) {
        String text = script.text();
        return text.substring(0, Math.max(0, c.start())) + text.substring(Math.min(text.length(), c.end()));
    }

    /** The commands before the RUN that run what whittle cannot read (make, a script), as shown to the reader. */
    private static List<String> unreadSteps(Dockerfile file, List<Instruction> all, Instruction run) {
        List<String> out = new ArrayList<>();
        for (Instruction i : all) {
            if (i == run) break;
            if (i.kind() != Keyword.RUN || i.command().json() || !i.heredocs().isEmpty()) continue;
            Script rs = RunScript.parse(i.command().args());
            for (SimpleCommand k : rs.commands()) {
                if (Commands.runsScript(k)) out.add("`" + Commands.shorten(k.name() == null ? "?" : k.name(), 30) + "` (line "
                        + i.line() + ")");
            }
        }
        return out;
    }
}
