package dev.whittle.split;

import dev.whittle.facts.BuildContext;
import dev.whittle.facts.Effect;
import dev.whittle.facts.StageEffects;
import dev.whittle.facts.StageFacts;
import dev.whittle.facts.ToolVersions;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name cmd/go gives a binary when {@code go build} or {@code go install} has no {@code -o}: the first source
 * file's name ({@code go build main.go} writes {@code main}), else the last element of the package's import path
 * ({@code load.Package.DefaultExecName}). In module mode (the default from Go 1.16; from 1.11 when a go.mod is found)
 * a major-version element such as {@code /v2} is skipped ({@code example.com/tool/v2} gives {@code tool}; v0 and v1
 * are names); in GOPATH mode it is not. For the package at the module root the import path is the module path of
 * go.mod, which whittle reads from the build context, or from a {@code go mod init PATH} of the file. Go 1.11 named
 * a module root's binary after its /vN suffix (golang/go#27283): whittle takes the fixed rule from Go 1.13 on.
 */
final class GoBinaryName {
    private GoBinaryName() {}

    /**
     * The name, or why it is not known (exactly one is set).
     *
     * @param assumed what the name rests on that whittle could not check, for the report; or null
     * @param brief   why the name is not known, in a few words (the first line of the finding); or null
     */
    record Name(String name, String reason, String assumed, String brief) {
        static Name of(String name) {
            return new Name(name, null, null, null);
        }

        Name assume(String what) {
            return new Name(name, reason, what, brief);
        }

        /** Not known: {@code brief} in a few words for the first line, {@code reason} in full for the details. */
        static Name unknown(String brief, String reason) {
            return new Name(null, reason, null, brief);
        }
    }

    /** A {@code go mod init PATH} in the folder {@code dir}: it writes dir/go.mod. */
    record ModInit(Instruction at, String dir, String path) {}

    /** A go.mod (or go.work) the file puts in the image: at {@code dir}, read from the context or a command. */
    private record Found(String path, String root, String reason) {}

    private static final Found NONE = new Found(null, null, null);

    /**
     * The name of the binary a {@code go build}/{@code go install} without -o writes.
     *
     * @param shown   the command, for reasons
     * @param install go install (a binary per main package, into GOBIN), not go build
     * @param cwd     its working directory (null: unknown)
     * @param pkgs    the packages or files it names
     * @param go111   GO111MODULE at that command, or null
     * @param inits   the {@code go mod init PATH} commands before it, in order
     */
    static Name of(StageFacts f, BuildContext context, Instruction run, String shown, boolean install, String cwd,
                   List<String> pkgs, String go111, String version, String gopath, List<ModInit> inits) {
        List<String> expanded = new ArrayList<>();
        for (String p : pkgs) {
            // ${PKG}/cmd/server is still named server: only the last element (and a major version's one before) counts
            String e = p.contains("$") ? StageFacts.expand(p, f.env()) : p;
            String tail = (e == null ? p : e).replaceAll("@.*", "").replaceAll("/+$", "");
            String[] parts = tail.split("/");
            String last = parts[parts.length - 1];
            boolean versioned = isVersionElement(last) && parts.length > 1;
            if (e == null && (last.matches(".*[$`].*") || versioned && parts[parts.length - 2].matches(".*[$`].*")
                    || p.startsWith(".") || p.startsWith("$"))) {
                return Name.unknown("its package is named by a variable",
                        "`" + shown + "` names its package with a variable");
            }
            expanded.add(e == null ? p : e);
        }
        pkgs = expanded;
        if (pkgs.stream().anyMatch(p -> p.contains("`"))) return Name.unknown("its package is named by a command",
                "`" + shown + "` names its package with a command");
        if (!pkgs.isEmpty() && pkgs.stream().allMatch(p -> p.endsWith(".go"))) {
            String first = pkgs.get(0);
            return Name.of(first.substring(first.lastIndexOf('/') + 1, first.length() - 3));
        }
        if (pkgs.size() > 1) {
            return Name.unknown("it builds several packages",
                    "`" + shown + "` builds several packages: without -o go build writes no binary, and "
                    + "go install one per main package");
        }
        String pkg = pkgs.isEmpty() ? "." : pkgs.get(0);
        if (pkg.contains("...") && !relativeDir(pkg) && install && pkg.endsWith("/...") && !pkg.substring(0, pkg.length() - 4).contains("...")) {
            // go install example.com/tool/...: every main package under it, the one at example.com/tool among them
            String[] parts = pkg.substring(0, pkg.length() - 4).split("/");
            String last = parts[parts.length - 1];
            if (!isVersionElement(last)) return Name.of(last);
        }
        if (pkg.contains("...")) {
            return Name.unknown("it builds the package pattern " + dev.whittle.facts.Commands.shorten(pkg, 30),
                    "`" + shown + "` builds the package pattern " + pkg + ": how many main packages it "
                    + "matches (and so whether go writes a binary, and its name) is not known");
        }
        Mode mode = mode(go111, version);
        boolean relative = relativeDir(pkg);
        if (!relative) {
            String[] parts = pkg.replaceAll("@.*", "").replaceAll("/+$", "").split("/");
            String last = parts[parts.length - 1];
            if (parts.length < 2 || !isVersionElement(last)) return last.isEmpty() ? Name.unknown("no package name",
                    "`" + shown + "`: no package name") : Name.of(last);
            if (pkg.contains("@") || mode == Mode.ON) return Name.of(parts[parts.length - 2]);
            if (mode == Mode.OFF) return Name.of(last);
            return Name.unknown("a major-version package in an unknown module mode",
                    "`" + shown + "`: " + pkg + " ends in a major version, which names the binary in GOPATH "
                    + "mode and not in module mode, and whittle cannot tell which mode this Go (" + shownVersion(version)
                    + ") builds in");
        }
        if (cwd == null) {
            return Name.unknown("its working directory is not known",
                    "`" + shown + "` writes its binary into its working directory, which is not known");
        }
        String dir = StageFacts.resolve(cwd, pkg, f.env());
        if (dir == null) return Name.unknown("its package folder is not known",
                "`" + shown + "`: the package directory is not known");
        List<Event> events = events(f, context, run, inits);
        if (!dir.equals(cwd) && Effect.under(dir, cwd)) {
            // below the working directory its import path ends in the same folders in both modes, unless a go.work
            // workspace makes the folder a module of its own (Go 1.18)
            String[] rel = dir.substring(cwd.equals("/") ? 1 : cwd.length() + 1).split("/");
            String last = rel[rel.length - 1];
            if (isVersionElement(last)) {
                return Name.unknown("its package folder is a major version",
                        "`" + shown + "`: " + pkg + " ends in a major-version folder, which cmd/go skips "
                        + "in module mode only");
            }
            if (mode != Mode.OFF && (version == null || ToolVersions.atLeast(version, "1.18"))) {
                String goWork = f.envValue("GOWORK");
                if (goWork != null && !goWork.equals("off")) {
                    return Name.unknown("it builds in a go.work workspace",
                            "`" + shown + "` builds in the go.work workspace GOWORK names: the binary is "
                            + "named after the module path of " + pkg + "'s own module");
                }
                Found work = nearest(events, cwd, "go.work", context);
                if (work.reason() != null) {
                    // the common case by far; said, so that a reviewer can check it
                    return new Name(last, null, null, null).assume("no go.work workspace makes " + pkg + " a module of its own ("
                            + work.reason() + "): one would name the binary after that module's path");
                }
                if (work.root() != null) {
                    return Name.unknown("it builds in a go.work workspace",
                            "`" + shown + "` builds in the go.work workspace at " + work.root() + ": the binary is "
                            + "named after the module path of " + pkg + "'s own module");
                }
            }
            return Name.of(last);
        }
        String gopathName = dir.equals("/") ? null : dir.substring(dir.lastIndexOf('/') + 1);
        Found module = mode == Mode.OFF ? NONE : nearest(events, dir, "go.mod", context);
        if (mode == Mode.AUTO && !ToolVersions.atLeast(version, "1.13") && gopath != null
                && Effect.under(dir, gopath + "/src")) {
            mode = Mode.OFF; // Go 1.11 and 1.12: GOPATH mode inside GOPATH/src, go.mod or not
        } else if (mode == Mode.AUTO && module.reason() == null) {
            mode = module.root() != null ? Mode.ON : Mode.OFF;
        }
        if (mode == Mode.OFF) {
            return gopathName == null ? Name.unknown("it builds in /",
                    "`" + shown + "` builds in /") : Name.of(gopathName);
        }
        if (module.reason() != null) {
            return Name.unknown("the module path in go.mod is not known",
                    "`" + shown + "` names its binary after the module path in go.mod, and " + module.reason());
        }
        if (module.root() == null) {
            if (mode == Mode.UNKNOWN && gopathName != null) return Name.of(gopathName); // no go.mod: GOPATH mode, or no build
            return Name.unknown("no go.mod is put at its folder or above",
                    "`" + shown + "` names its binary after the module path in go.mod, and no go.mod is put at "
                    + dir + " or above");
        }
        String importPath = module.path() + (dir.equals(module.root()) ? ""
                : module.root().equals("/") ? dir : dir.substring(module.root().length()));
        String[] parts = importPath.split("/");
        String moduleName = parts[parts.length - 1];
        if (parts.length > 1 && isVersionElement(moduleName)) {
            if (dir.equals(module.root()) && !ToolVersions.atLeast(version, "1.13")) {
                return Name.unknown("Go " + shownVersion(version) + " may name a /vN module root after vN",
                        "`" + shown + "` builds the module " + module.path() + " at its root: Go 1.11 named "
                        + "that binary " + moduleName + " (golang/go#27283) and later releases " + parts[parts.length - 2]
                        + "; whittle takes the later name from Go 1.13 on, and this Go is " + shownVersion(version));
            }
            moduleName = parts[parts.length - 2];
        }
        if (mode == Mode.UNKNOWN && !moduleName.equals(gopathName)) {
            return Name.unknown("the Go version, so the module mode, is not known",
                    "`" + shown + "`: module mode names the binary " + moduleName + ", GOPATH mode "
                    + gopathName + ", and the Go version is not known");
        }
        return Name.of(moduleName);
    }

    /** A folder relative to the working directory, not an import path. */
    private static boolean relativeDir(String pkg) {
        return pkg.equals(".") || pkg.equals("..") || pkg.startsWith("./") || pkg.startsWith("../");
    }

    private enum Mode { ON, OFF, AUTO, UNKNOWN }

    /** Module mode as GO111MODULE and the Go version decide it (AUTO: on when a go.mod is found). */
    private static Mode mode(String go111, String version) {
        String v = go111 == null ? "" : go111.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("off")) return Mode.OFF;
        if (v.equals("on")) return Mode.ON;
        if (version == null) return Mode.UNKNOWN;
        if (!ToolVersions.atLeast(version, "1.11")) return Mode.OFF;
        if (v.isEmpty() && ToolVersions.atLeast(version, "1.16")) return Mode.ON;
        return Mode.AUTO;
    }

    private static String shownVersion(String version) {
        return version == null ? "unknown" : version;
    }

    /** v2, v3, v10 ... but not v0, v1, v05 (cmd/go's isVersionElement). */
    static boolean isVersionElement(String s) {
        return s.matches("v[2-9][0-9]*|v1[0-9]+");
    }

    /**
     * What puts files into the image before the build: a tree copied from the context (its folder, or null when
     * whittle cannot read what it holds), one file copied, a {@code go mod init}, a command that writes a path.
     */
    private record Event(Instruction at, String dest, String contextDir, String contextFile, String modulePath,
                         String unreadable) {}

    private static List<Event> events(StageFacts f, BuildContext context, Instruction run, List<ModInit> inits) {
        List<Event> out = new ArrayList<>();
        List<Instruction> instructions = f.stage().instructions();
        StageEffects effects = StageEffects.of(f);
        for (Instruction i : instructions) {
            for (ModInit init : inits) if (init.at() == i) out.add(new Event(i, init.dir() + "/go.mod", null, null, init.path(), null));
            if (i.kind() == Keyword.COPY || i.kind() == Keyword.ADD) copies(f, context, i, out);
            // the build's own RUN counts whole: a git clone before the go build in it brings its own go.mod
            if (i.kind() == Keyword.RUN) {
                for (Effect e : effects.effects()) {
                    if (e.at() == i && e.kind() == Effect.Kind.WRITTEN && e.path() != null) {
                        out.add(new Event(i, e.path(), null, null, null, "`" + dev.whittle.facts.Commands.shorten(e.detail(), 40)
                                + "` (line " + i.line() + ") writes " + e.path()));
                    }
                }
            }
            if (i == run) break;
        }
        return out;
    }

    private static void copies(StageFacts f, BuildContext context, Instruction i, List<Event> out) {
        List<String> v = i.command().values();
        if (v.size() < 2 || i.command().flag("from") != null) return;
        String destWord = v.get(v.size() - 1);
        String dest = StageFacts.resolve(f.workdirAt(i), destWord, f.env());
        String line = "`" + dev.whittle.facts.Commands.snippet(i, 30) + "` (line " + i.line() + ")";
        if (dest == null) {
            out.add(new Event(i, "/", null, null, null, line + " copies to a path whittle cannot resolve"));
            return;
        }
        boolean intoDir = destWord.endsWith("/") || destWord.equals(".") || v.size() > 2;
        for (String src : v.subList(0, v.size() - 1)) {
            String s = src.replaceFirst("^\\./", "").replaceAll("/+$", "");
            if (s.isEmpty() || s.equals(".")) s = "";
            boolean remote = src.matches("(?i)[a-z]+://.*|git@.*");
            if (remote || src.matches(".*[*?\\[].*") || src.contains("$") || i.kind() == Keyword.ADD && s.matches(".*\\.(tar|tgz|gz|bz2|xz|zst)")) {
                out.add(new Event(i, dest, null, null, null, line + " copies " + src + ", whose files whittle cannot list"));
                continue;
            }
            if (!context.known()) {
                out.add(new Event(i, dest, null, null, null, "there is no build context to read the files " + line
                        + " copies to " + dest + " from (run whittle with --context DIR)"));
                continue;
            }
            // what is not a regular file of the context is taken to be a folder (a missing source fails the build)
            if (s.isEmpty() || context.read(s).isEmpty()) {
                // a folder without Go sources is not what this build compiles: the Dockerfile was read apart from its
                // context (a corpus, a docker/ folder), and no go.mod there proves nothing
                String folder = s;
                boolean go = context.read((s.isEmpty() ? "" : s + "/") + "go.mod").isPresent() || context.files().stream()
                        .anyMatch(p -> p.endsWith(".go") && (folder.isEmpty() || p.startsWith(folder + "/")));
                out.add(go ? new Event(i, dest, s, null, null, null) : new Event(i, dest, null, null, null,
                        "the build context has no Go sources " + (s.isEmpty() ? "" : "in " + s + "/ ") + "for " + line
                                + " to copy to " + dest + ": it is not this build's context (run whittle with --context DIR)"));
                continue;
            }
            String name = s.substring(s.lastIndexOf('/') + 1);
            String file = intoDir ? (dest.equals("/") ? "" : dest) + "/" + name : dest;
            if (!intoDir && !dest.endsWith("/" + name)) {
                // COPY go.mod /src: a file named src, or go.mod inside the folder /src when it exists
                out.add(new Event(i, dest, null, null, null, line + " copies " + src + " to " + dest + ", a file or a folder"));
            } else {
                out.add(new Event(i, file, null, s, null, null));
            }
        }
    }

    /**
     * The nearest {@code file} (go.mod or go.work) at {@code dir} or above, as the events put it there: its module
     * path and folder; NONE when none is put there; a reason when whittle cannot tell.
     */
    private static Found nearest(List<Event> events, String dir, String file, BuildContext context) {
        for (String a = dir; a != null; a = a.equals("/") ? null : parent(a)) {
            String target = (a.equals("/") ? "" : a) + "/" + file;
            for (int k = events.size() - 1; k >= 0; k--) {
                Event e = events.get(k);
                if (e.modulePath() != null) {
                    if (file.equals("go.mod") && e.dest().equals(target)) return new Found(e.modulePath(), a, null);
                    continue;
                }
                if (e.unreadable() != null) {
                    if (Effect.under(target, e.dest())) return new Found(null, null, e.unreadable());
                    continue;
                }
                String fromContext = null;
                if (e.contextFile() != null && e.dest().equals(target)) fromContext = e.contextFile();
                else if (e.contextDir() != null && Effect.under(a, e.dest())) {
                    String rel = a.equals(e.dest()) ? "" : a.substring(e.dest().equals("/") ? 1 : e.dest().length() + 1);
                    String inContext = String.join("/", List.of(e.contextDir(), rel, file).stream().filter(p -> !p.isEmpty()).toList());
                    if (context.read(inContext).isPresent()) fromContext = inContext;
                }
                if (fromContext == null) continue;
                if (file.equals("go.work")) return new Found("", a, null);
                String path = modulePath(context.read(fromContext).orElse(""));
                return path == null ? new Found(null, null, fromContext + " (copied to " + target + ") names no module path")
                        : new Found(path, a, null);
            }
        }
        return NONE;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static final Pattern MODULE = Pattern.compile("(?m)^\\s*module\\s+(\"[^\"]+\"|`[^`]+`|[^\\s/]\\S*)");

    /** The module path a go.mod declares, or null. */
    static String modulePath(String goMod) {
        Matcher m = MODULE.matcher(goMod);
        if (!m.find()) return null;
        String p = m.group(1).replaceAll("^[\"`]|[\"`]$", "");
        return p.matches("[A-Za-z0-9._~+/-]+") && !p.startsWith("/") && !p.endsWith("/") ? p : null;
    }
}
