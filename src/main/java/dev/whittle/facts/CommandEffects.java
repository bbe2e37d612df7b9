package dev.whittle.facts;

import dev.whittle.facts.Effect.Kind;
import dev.whittle.shell.Redirect;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one shell command writes, for the commands whittle knows; any other command is an {@link Kind#UNKNOWN} effect.
 * Read-only commands (echo, ls, grep, version checks ...) have none.
 */
final class CommandEffects {
    private CommandEffects() {}

    /** The state of the shell a RUN's commands run in: its directory and variables change as it goes. */
    static final class Shell {
        final Instruction at;
        String cwd;
        final Map<String, String> env;
        final List<Effect> out;
        /** Whether the stage is on an official python image, whose pip installs under /usr/local. */
        boolean pythonImage = true;

        Shell(Instruction at, String cwd, Map<String, String> env, List<Effect> out) {
            this.at = at;
            this.cwd = cwd;
            this.env = env;
            this.out = out;
        }

        String resolve(String path) {
            if (path == null) return null;
            String p = path.startsWith("~/") || path.equals("~") ? env.getOrDefault("HOME", "/root") + path.substring(1) : path;
            return StageFacts.resolve(cwd, p, env);
        }

        void add(Kind kind, String path, String detail) {
            out.add(new Effect(at, kind, path, detail));
        }

        void write(String path, String detail) {
            String p = resolve(path);
            if (p == null) {
                unknown(detail);
                return;
            }
            add(Kind.WRITTEN, p, detail);
            for (String sources : PACKAGE_SOURCES) if (Effect.under(p, sources)) add(Kind.SOURCE_ADDED, p, detail);
        }

        void unknown(String detail) {
            add(Kind.UNKNOWN, null, detail);
        }
    }

    /** Where package managers read their sources: a file written there adds one. */
    private static final List<String> PACKAGE_SOURCES = List.of("/etc/apt/sources.list", "/etc/apt/sources.list.d",
            "/etc/yum.repos.d", "/etc/apk/repositories", "/etc/zypp/repos.d");

    /** Commands that change nothing on disk (with no output redirected to a file). */
    private static final Set<String> READ_ONLY = Set.of("echo", "printf", "true", "false", "test", "[", "ls", "which", "type",
            "command", "id", "whoami", "uname", "sleep", "pwd", "date", "set", "unset", ":", "exit", "cat", "grep", "egrep",
            "head", "tail", "wc", "sort", "uniq", "du", "df", "stat", "file", "ps", "ldd", "readlink", "dirname", "basename",
            "getent", "nproc", "hash", "env", "printenv", "md5sum", "sha1sum", "sha256sum", "sha512sum", "cut", "tr", "awk",
            "xargs", "find", "chmod", "ldconfig", "update-ca-certificates", "apt-key", "gpg", "gpgv", "sync", "free", "lscpu",
            "locale", "arch", "dpkg-architecture", "lsb_release", "tput", "yes", "seq", "expr", "wait", "trap", "source", ".",
            "shopt", "ulimit", "umask", "jq", "diff", "cmp", "tac", "rev", "column", "strings", "nm", "objdump", "dpkg-query");

    /** Project builds: they write inside the directory they run in (their build output, node_modules, vendor). */
    private static final Set<String> PROJECT_BUILDS = Set.of("make", "cmake", "configure", "autoreconf", "autogen.sh", "gcc",
            "g++", "cc", "c++", "clang", "ld", "ar", "ninja", "mvn", "mvnw", "gradle", "gradlew", "ant", "sbt", "lein",
            "javac", "jar", "composer", "bower", "grunt", "gulp", "webpack", "tsc", "ng", "npx", "node-gyp", "meson", "scons",
            "rustc", "dotnet", "yarn", "pnpm", "bundle", "rake");

    private static final Set<String> PACKAGE_MANAGERS = Set.of("apt-get", "apt", "aptitude", "apk", "yum", "dnf", "microdnf",
            "zypper", "tdnf");

    static void of(SimpleCommand c, Shell sh) {
        for (Word a : c.assignments()) assign(a, sh, c.words().isEmpty());
        for (Redirect r : c.redirects()) {
            if (!r.operator().contains(">") || r.operator().contains("&")) continue;
            String target = r.target() == null ? null : r.target().literal();
            if (target != null && (target.startsWith("/dev/") || target.matches("&?\\d+"))) continue;
            sh.write(target, text(c));
        }
        if (c.words().isEmpty()) return;
        String name = c.name();
        if (name == null) {
            sh.unknown(text(c));
            return;
        }
        String program = Commands.program(c);
        List<String> args = c.args();
        switch (program) {
            case "cd" -> {
                String dir = args.isEmpty() ? sh.env.getOrDefault("HOME", "/root") : sh.resolve(args.get(0));
                sh.cwd = dir;
                if (dir == null) sh.unknown(text(c));
            }
            case "export" -> {
                for (Word w : c.words().subList(1, c.words().size())) assign(w, sh, true);
            }
            case "mkdir" -> paths(args).forEach(p -> dir(sh, p, c));
            case "touch", "tee" -> paths(args).forEach(p -> sh.write(p, text(c)));
            case "rm", "rmdir" -> paths(args).forEach(p -> remove(sh, p, c));
            case "cp", "mv", "ln", "install" -> copyLike(c, program, args, sh);
            case "chown", "chgrp" -> {
                List<String> p = paths(args);
                if (p.size() >= 2) for (String path : p.subList(1, p.size())) owned(sh, path, p.get(0));
            }
            case "sed" -> {
                if (args.stream().anyMatch(a -> a.startsWith("-i") || a.equals("--in-place"))) {
                    List<String> p = paths(args);
                    if (p.size() >= 2) p.subList(1, p.size()).forEach(f -> sh.write(f, text(c)));
                    else sh.unknown(text(c));
                }
            }
            case "curl" -> download(c, args, sh, "-o", "--output", "-O", "--remote-name");
            case "wget" -> download(c, args, sh, "-O", "--output-document", null, null);
            case "tar" -> tar(c, args, sh);
            case "unzip" -> {
                String d = valueAfter(args, "-d");
                unpack(sh, d != null ? d : ".", c);
            }
            case "git" -> git(c, args, sh);
            case "useradd", "adduser", "groupadd", "addgroup", "usermod" -> user(c, program, args, sh);
            case "npm" -> npm(c, args, sh);
            // toolchains and their set-up (corepack's package manager shims): the planners read what they build
            case "go", "cargo", "rustup", "corepack" -> sh.add(Kind.BUILT, sh.cwd, text(c));
            default -> other(c, program, args, sh);
        }
    }

    private static void other(SimpleCommand c, String program, List<String> args, Shell sh) {
        if (READ_ONLY.contains(program)) return;
        if (PACKAGE_MANAGERS.contains(program)) {
            packages(c, program, args, sh);
        } else if (program.equals("add-apt-repository") || program.equals("yum-config-manager")
                || program.equals("rpm") && args.contains("--import")) {
            sh.add(Kind.SOURCE_ADDED, null, text(c));
        } else if (Commands.pipInstall(c) != null || Commands.isProgram(c, "poetry", "pipenv") && !args.isEmpty()
                && Set.of("install", "sync").contains(args.get(0))) {
            String site = sitePackages(sh);
            // a distribution's own Python: pip puts modules where the distribution says (/usr/lib/python3.x on Alpine,
            // /usr/local/lib/python3.x/dist-packages on Debian), and whittle does not follow that
            if (site == null) sh.unknown(text(c));
            else sh.add(Kind.MODULES, site, text(c));
        } else if (program.startsWith("python") && args.size() >= 2 && args.get(0).equals("-m")
                && (args.get(1).equals("venv") || args.get(1).equals("virtualenv")) || program.equals("virtualenv")) {
            List<String> p = paths(args.subList(program.equals("virtualenv") ? 0 : 2, args.size()));
            if (p.isEmpty()) sh.unknown(text(c));
            else sh.write(p.get(p.size() - 1), text(c));
        } else if (program.startsWith("python") && args.size() >= 2 && args.get(0).equals("manage.py")) {
            sh.add(Kind.BUILT, sh.cwd, text(c));
        } else if ((program.equals("yarn") || program.equals("pnpm")) && !args.isEmpty() && args.get(0).equals("global")) {
            sh.unknown(text(c)); // a global add goes to the tool's own global folder, with links in a bin directory
        } else if (PROJECT_BUILDS.contains(program)) {
            if (program.equals("make") && args.contains("install") || program.equals("cmake") && args.contains("--install")) {
                // where `make install` puts files is up to the Makefile, unless the command names the place
                String place = null;
                for (String a : args) {
                    for (String v : List.of("DESTDIR=", "PREFIX=", "prefix=")) if (a.startsWith(v)) place = a.substring(v.length());
                }
                for (Word w : c.assignments()) {
                    String v = w.literal();
                    if (v != null && (v.startsWith("DESTDIR=") || v.startsWith("PREFIX="))) place = v.substring(v.indexOf('=') + 1);
                }
                if (place == null || place.isEmpty() || sh.resolve(place) == null || sh.resolve(place).equals("/")
                        || sh.resolve(place).equals("/usr") || sh.resolve(place).equals("/usr/local")) {
                    sh.unknown(text(c));
                } else {
                    sh.write(place, text(c));
                }
            } else {
                sh.add(Kind.BUILT, sh.cwd, text(c));
            }
        } else {
            sh.unknown(text(c));
        }
    }

    private static void packages(SimpleCommand c, String program, List<String> args, Shell sh) {
        String manager = Packages.manager(c);
        if (Packages.installs(c)) {
            for (String p : Packages.names(c)) {
                if (p.endsWith(".deb") || p.endsWith(".rpm") || p.contains("/")) sh.unknown(text(c)); // a local package file
                else sh.add(Kind.INSTALLED, p, manager);
            }
        } else if (Packages.removes(c)) {
            for (String p : Packages.names(c)) sh.add(Kind.UNINSTALLED, p, manager);
        }
        if (args.contains("config-manager") || args.contains("--add-repo")) sh.add(Kind.SOURCE_ADDED, null, text(c));
    }

    private static String sitePackages(Shell sh) {
        String venv = sh.env.get("VIRTUAL_ENV");
        if (venv != null) return venv;
        String path = sh.env.getOrDefault("PATH", "");
        int bin = path.indexOf("/bin:");
        if (bin > 0 && !path.startsWith("/usr") && !path.startsWith("/bin") && !path.startsWith("/sbin")) return path.substring(0, bin);
        return sh.pythonImage ? "/usr/local" : null; // site-packages and the entry points in bin/, for the official python images
    }

    private static void npm(SimpleCommand c, List<String> args, Shell sh) {
        String sub = args.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        boolean global = args.contains("-g") || args.contains("--global");
        if (Set.of("install", "i", "ci", "add", "update", "rebuild", "link").contains(sub)) {
            if (global && args.stream().anyMatch(a -> a.contains("$") || a.contains("`"))) {
                sh.unknown(text(c)); // packages named by the shell at build time ($(cat packages)): their paths are not known
            } else if (global) {
                List<String> packages = globalPackages(args, sub);
                if (packages == null) {
                    sh.unknown(text(c)); // a git, URL or path spec, or an option whittle does not know: names unknown
                    return;
                }
                String prefix = sh.env.getOrDefault("NPM_CONFIG_PREFIX", "/usr/local");
                for (String a : packages) {
                    String pkg = a.startsWith("@") ? a.replaceAll("(?<=.)@[^/]*$", "") : a.replaceAll("@.*", "");
                    sh.add(Kind.MODULES, prefix + "/lib/node_modules/" + pkg, text(c));
                }
                sh.add(Kind.MODULES, prefix + "/bin", text(c));
            } else {
                sh.add(Kind.BUILT, sh.cwd, text(c));
            }
        } else if (Set.of("run", "run-script", "build", "test", "prune", "dedupe", "pack").contains(sub)) {
            sh.add(Kind.BUILT, sh.cwd, text(c));
        } else if (!Set.of("cache", "config", "set", "version", "-v", "--version", "view", "ls", "list", "audit", "whoami", "").contains(sub)) {
            sh.unknown(text(c));
        }
    }

    /** npm options that take the next word as their value (unless written with =). */
    private static final Set<String> NPM_VALUE_OPTIONS = Set.of("--loglevel", "--registry", "--prefix", "--cache", "--tag",
            "--userconfig", "--globalconfig", "--only", "--also", "--proxy", "--https-proxy", "--ca", "--cafile", "--user",
            "--scope", "--target", "--target_arch", "--arch", "--platform", "--runtime", "--python", "--build-from-source");

    /** npm options that are switches; each may be followed by true or false (or always, for --color), which it takes. */
    private static final Set<String> NPM_SWITCHES = Set.of("-g", "--global", "-q", "--quiet", "-s", "--silent", "-d", "-dd",
            "--verbose", "--production", "--unsafe-perm", "--no-optional", "--no-audit", "--no-fund", "--no-save", "--save",
            "-S", "--force", "-f", "--color", "--no-color", "--no-progress", "--progress", "--no-package-lock",
            "--ignore-scripts", "--no-update-notifier", "--update-notifier", "--audit", "--fund", "--legacy-peer-deps",
            "--no-shrinkwrap", "--no-bin-links", "--prefer-offline", "--unicode", "--no-unicode", "--spin", "--no-spin",
            "--allow-root", "--omit=dev", "--save-exact", "-E");

    /**
     * The package names of an {@code npm install -g}, or null when an argument is not a registry name
     * ({@code git+https://...}, {@code ./tools}, a tarball) or an option is not one whittle knows (its value could
     * be taken for a package: {@code --color false}, {@code --loglevel warn}).
     */
    static List<String> globalPackages(List<String> args, String sub) {
        List<String> out = new ArrayList<>();
        boolean subSeen = false;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.startsWith("-")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (NPM_VALUE_OPTIONS.contains(name)) {
                    if (!a.contains("=")) k++;
                } else if (NPM_SWITCHES.contains(name) || NPM_SWITCHES.contains(a)) {
                    if (!a.contains("=") && k + 1 < args.size() && args.get(k + 1).matches("true|false|always")) k++;
                } else {
                    return null;
                }
                continue;
            }
            if (!subSeen && a.equals(sub)) {
                subSeen = true;
                continue;
            }
            if (!a.matches("(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*(@[A-Za-z0-9._^~<>=*|+-]+)?")) return null;
            out.add(a);
        }
        return out;
    }

    private static void user(SimpleCommand c, String program, List<String> args, Shell sh) {
        List<String> p = new ArrayList<>();
        String home = null;
        boolean makeHome = program.equals("adduser");
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("-d") || a.equals("--home") || a.equals("--home-dir") || a.equals("-h") && program.equals("adduser")) {
                if (k + 1 < args.size()) home = args.get(++k);
            } else if (a.equals("-m") || a.equals("--create-home")) {
                makeHome = true;
            } else if (a.equals("-M") || a.equals("-H") || a.equals("--no-create-home")) {
                makeHome = false;
            } else if (a.startsWith("-")) {
                if (takesValue(program, a) && k + 1 < args.size()) k++;
            } else {
                p.add(a);
            }
        }
        if (p.isEmpty()) {
            sh.unknown(text(c));
            return;
        }
        String name = program.equals("usermod") ? null : p.get(program.startsWith("add") && p.size() == 2 ? 0 : p.size() - 1);
        if (name != null) sh.add(Kind.USER, name, program.contains("group") ? "group" : "user");
        for (String f : List.of("/etc/passwd", "/etc/group", "/etc/shadow")) sh.add(Kind.WRITTEN, f, text(c));
        // Debian's adduser --system gives a user no home (/nonexistent) unless --home names one, and the group nogroup
        // unless --group or --ingroup says otherwise (adduser(8), 3.134)
        boolean debianSystem = program.equals("adduser") && args.contains("--system");
        if (debianSystem && home == null) makeHome = false;
        if (name != null && makeHome && !program.contains("group")) {
            String dir = home != null ? sh.resolve(home) : "/home/" + name;
            sh.add(Kind.DIRECTORY, dir, text(c));
            String group = homeGroup(program, args, name);
            // a home belongs to its user and the group the tool gave it; when that group is not known, the copy
            // keeps the owner it has in the builder (COPY --from keeps it)
            if (dir != null && group != null) sh.add(Kind.OWNED, dir, name + ":" + group);
        }
    }

    /**
     * The group a new user's home gets: its own group by default (useradd's and Debian adduser's user groups), the
     * one -g/--ingroup/-G names; null when it is not known (a system user of BusyBox's or Debian's adduser without a
     * group named, useradd -N).
     */
    private static String homeGroup(String program, List<String> args, String name) {
        for (int k = 0; k + 1 < args.size(); k++) {
            String a = args.get(k);
            if (program.equals("useradd") && (a.equals("-g") || a.equals("--gid"))
                    || program.equals("adduser") && (a.equals("--ingroup") || a.equals("-G") && !args.contains("--system"))) {
                String g = args.get(k + 1);
                return g.matches("\\d+") ? null : g;
            }
        }
        if (program.equals("useradd")) return args.contains("-N") || args.contains("--no-user-group") ? null : name;
        if (args.contains("--system")) return args.contains("--group") ? name : null; // Debian: nogroup
        if (args.contains("-S")) return null; // BusyBox: a system user's group is not the user's own
        return name;
    }

    /**
     * Whether an option of useradd, usermod, groupadd, Debian's adduser/addgroup or BusyBox's adduser/addgroup takes a
     * value (the next word). Only the options that do are listed: taking a flag for one that takes a value swallows
     * the next word (`--user-group --create-home` lost the home, and with it the owner of the user's home).
     */
    private static boolean takesValue(String program, String flag) {
        if (flag.startsWith("--") && flag.contains("=")) return false;
        if (flag.equals("-h")) return program.equals("adduser"); // BusyBox adduser's home; useradd's help
        if (flag.equals("-l")) return program.equals("usermod"); // usermod's new login name; useradd's no-log-init
        if (flag.equals("-f")) return !program.contains("group"); // useradd's inactive days; groupadd's force
        return USER_VALUE_OPTIONS.contains(flag);
    }

    private static final Set<String> USER_VALUE_OPTIONS = Set.of("-b", "--base-dir", "-c", "--comment", "-d", "--home-dir",
            "--home", "-e", "--expiredate", "--inactive", "-g", "--gid", "-G", "--groups", "-k", "--skel", "-K", "--key",
            "-p", "--password", "-s", "--shell", "-u", "--uid", "-R", "--root", "-P", "--prefix", "-Z", "--selinux-user",
            "--login", "--ingroup", "--gecos", "--conf", "--firstuid", "--lastuid", "--firstgid", "--lastgid",
            "--extrausers-file");

    private static void git(SimpleCommand c, List<String> args, Shell sh) {
        if (args.isEmpty()) return;
        String sub = args.get(0);
        if (sub.equals("clone")) {
            List<String> p = new ArrayList<>();
            for (int k = 1; k < args.size(); k++) {
                String a = args.get(k);
                if (a.equals("-b") || a.equals("--branch") || a.equals("--depth") || a.equals("-c") || a.equals("--origin")) k++;
                else if (!a.startsWith("-")) p.add(a);
            }
            if (p.isEmpty()) sh.unknown(text(c));
            else if (p.size() >= 2) sh.write(p.get(1), text(c));
            else {
                String url = expand(p.get(0), sh.env);
                if (url == null) sh.unknown(text(c)); // the clone's folder is named after a URL whittle cannot read
                else sh.write(url.replaceAll("/+$", "").replaceAll(".*[/:]", "").replaceAll("\\.git$", ""), text(c));
            }
        } else if (!Set.of("config", "--version", "version", "log", "status", "rev-parse", "describe", "show").contains(sub)) {
            sh.add(Kind.WRITTEN, sh.cwd, text(c)); // checkout, pull, submodule: the files of a clone change
        }
    }

    /** A word's variables replaced from the environment and its quotes removed; null when one is not set. */
    private static String expand(String word, Map<String, String> env) {
        String w = StageFacts.expand(word, env);
        if (w == null) return null;
        w = w.replace("\"", "").replace("'", "");
        return w.isEmpty() ? null : w;
    }

    private static void tar(SimpleCommand c, List<String> args, Shell sh) {
        boolean extract = false;
        String file = null;
        String dir = null;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("-C") || a.equals("--directory")) {
                if (k + 1 < args.size()) dir = args.get(++k);
            } else if (a.startsWith("--directory=")) {
                dir = a.substring("--directory=".length());
            } else if (a.equals("-f") || a.equals("--file")) {
                if (k + 1 < args.size()) file = args.get(++k);
            } else if (a.equals("--extract") || a.equals("--get") || !a.startsWith("--") && (k == 0 || a.startsWith("-"))
                    && a.replace("-", "").contains("x")) {
                extract = true;
                if (!a.startsWith("--") && a.replace("-", "").endsWith("f") && k + 1 < args.size()) file = args.get(++k);
            } else if (!a.startsWith("--") && (k == 0 || a.startsWith("-")) && a.replace("-", "").endsWith("f")
                    && k + 1 < args.size()) {
                file = args.get(++k);
            }
        }
        if (extract) unpack(sh, dir != null ? dir : ".", c);
        else if (file != null && !file.equals("-")) sh.write(file, text(c));
    }

    /**
     * An archive unpacked into a directory. Into / or /usr (the s6 overlay's /init with its execline binaries, a
     * vendor's tree), whittle cannot tell which files the archive adds, so the write is unknown.
     */
    private static void unpack(Shell sh, String dir, SimpleCommand c) {
        String p = sh.resolve(dir);
        if (p != null && (p.equals("/") || p.equals("/usr"))) sh.unknown(text(c));
        else sh.write(dir, text(c));
    }

    private static void download(SimpleCommand c, List<String> args, Shell sh, String out, String outLong, String remote,
                                 String remoteLong) {
        String url = null;
        String target = null;
        boolean remoteName = false;
        String prefixDir = null;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals(out) || a.equals(outLong)) {
                if (k + 1 < args.size()) target = args.get(++k);
            } else if (a.startsWith(outLong + "=")) {
                target = a.substring(outLong.length() + 1);
            } else if (a.equals(remote) || a.equals(remoteLong)) {
                remoteName = true;
            } else if (c.name().endsWith("wget") && (a.equals("-P") || a.equals("--directory-prefix"))) {
                if (k + 1 < args.size()) prefixDir = args.get(++k);
            } else if (a.matches("(https?|ftp)://.*")) {
                url = a;
            } else if (a.startsWith("-") && a.length() == 2 && "HdXuAeyrmwCTtQ".indexOf(a.charAt(1)) >= 0
                    || a.startsWith("--") && !a.contains("=") && Set.of("--header", "--user", "--data", "--retry", "--user-agent",
                    "--connect-timeout", "--max-time", "--cacert", "--proxy", "--tries", "--timeout", "--retry-delay",
                    "--limit-rate", "-T").contains(a)) {
                k++;
            }
        }
        boolean isCurl = !c.name().endsWith("wget");
        if (target != null) {
            if (!target.equals("-")) sh.write(target, text(c));
        } else if (url != null && (!isCurl || remoteName)) {
            String name = url.replaceAll("[?#].*", "").replaceAll("/+$", "").replaceAll(".*/", "");
            sh.write((prefixDir != null ? prefixDir + "/" : "") + (name.isEmpty() ? "index.html" : name), text(c));
        }
    }

    private static void copyLike(SimpleCommand c, String program, List<String> args, Shell sh) {
        List<String> p = new ArrayList<>();
        String targetDir = null;
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("-t") || a.startsWith("--target-directory")) {
                targetDir = a.contains("=") ? a.substring(a.indexOf('=') + 1) : k + 1 < args.size() ? args.get(++k) : null;
            } else if (program.equals("install") && (a.equals("-m") || a.equals("-o") || a.equals("-g") || a.equals("--mode"))) {
                k++;
            } else if (!a.startsWith("-") || a.equals("-")) {
                p.add(a);
            }
        }
        String dest = targetDir != null ? targetDir : p.isEmpty() ? null : p.get(p.size() - 1);
        if (dest == null || p.size() < (targetDir != null ? 1 : 2) && !(program.equals("install") && args.contains("-d"))) {
            sh.unknown(text(c));
            return;
        }
        if (program.equals("install") && args.contains("-d")) {
            p.forEach(d -> dir(sh, d, c));
            return;
        }
        sh.write(dest, text(c));
        if (program.equals("mv")) {
            for (String src : p.subList(0, targetDir != null ? p.size() : p.size() - 1)) remove(sh, src, c);
        }
    }

    private static void dir(Shell sh, String path, SimpleCommand c) {
        String p = sh.resolve(path);
        if (p == null) sh.unknown(text(c));
        else sh.add(Kind.DIRECTORY, p, text(c));
    }

    private static void remove(Shell sh, String path, SimpleCommand c) {
        if (path.contains("*") && !path.endsWith("/*")) return; // a pattern: some files under a directory, not all of it
        String p = sh.resolve(path.endsWith("/*") ? path.substring(0, path.length() - 2) : path);
        if (p != null) sh.add(Kind.REMOVED, p, text(c));
    }

    private static void owned(Shell sh, String path, String owner) {
        String p = sh.resolve(path);
        // chown's old USER.GROUP form: COPY --chown splits only at ':', so the owner is kept as USER:GROUP
        String o = !owner.contains(":") && owner.matches("[^.]+\\.[^.]+") ? owner.replace('.', ':') : owner;
        // `chown user:` (the user's login group) has no COPY --chown form: `--chown=user:` is group 0 for BuildKit
        // and an error for the classic builder, while `--chown=user` takes the user's id as the group's. A group
        // alone (`chown :staff`) says nothing of the user: the copy keeps the owner COPY --from gives it
        if (o.endsWith(":") || o.endsWith(".") && !o.contains(":")) o = o.substring(0, o.length() - 1);
        if (o.isEmpty() || o.startsWith(":") || o.startsWith(".")) return;
        if (p != null) sh.add(Kind.OWNED, p, o);
    }

    private static void assign(Word w, Shell sh, boolean persists) {
        String v = w.literal();
        if (v == null || !v.contains("=")) return;
        String name = v.substring(0, v.indexOf('='));
        if (persists) sh.env.put(name, v.substring(v.indexOf('=') + 1));
    }

    /** The non-option arguments. */
    private static List<String> paths(List<String> args) {
        List<String> out = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals("--")) {
                options = false;
                continue;
            }
            if (options && a.startsWith("-") && a.length() > 1) continue;
            out.add(a);
        }
        return out;
    }

    private static String valueAfter(List<String> args, String flag) {
        int k = args.indexOf(flag);
        return k >= 0 && k + 1 < args.size() ? args.get(k + 1) : null;
    }

    private static String text(SimpleCommand c) {
        StringBuilder out = new StringBuilder();
        for (Word w : c.words()) {
            if (out.length() > 0) out.append(' ');
            out.append(w.text());
        }
        String s = out.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
