package dev.whittle.split;

import dev.whittle.facts.BuildContext;
import dev.whittle.facts.ToolVersions;
import dev.whittle.facts.StageFacts;
import dev.whittle.split.Plan.BuilderChanges;
import dev.whittle.split.Plan.Copy;
import dev.whittle.split.Plan.Needs;
import dev.whittle.split.Plan.Outcome;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.edit.RunScript;
import dev.whittle.shell.Script;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.facts.Catalog.Candidate;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go: the binary a RUN builds ({@code go build -o}, {@code go install}) or, for {@code go run} at
 * container start, one the builder now compiles. Static (CGO_ENABLED=0) when nothing needs cgo.
 */
final class GoApp {
    private GoApp() {}

    // blanks around it are horizontal only: \\s* at a line start also ran over the newlines after it, which made a
    // source of 100k empty lines take minutes; "C" alone on a line after blank lines still matches from that line
    private static final Pattern IMPORT_C = Pattern.compile("(?m)^[ \\t\\x0B\\f]*(import\\s+)?\"C\"[ \\t\\x0B\\f]*$");
    private static final Pattern READS_FILES = Pattern.compile("(os\\.(Open|ReadFile|ReadDir)|ioutil\\.ReadFile|"
            + "template\\.(ParseFiles|ParseGlob|Must\\(template\\.ParseFiles)|\\.ParseGlob|\\.LoadHTML(Glob|Files)|http\\.Dir|"
            + "\\.Static(File)?|godotenv\\.Load)\\(\\s*\"(?!/)([^\"]+)\"");

    /** A go build or go install in a RUN. */
    private record GoCommand(Instruction run, SimpleCommand command, String sub, String output, List<String> packages,
                             String cgo, String unknown, String brief, String dir, String gopath) {}

    /**
     * Go tools that run the go command, git or read GOROOT's sources when they run: dependency managers (govendor,
     * dep, glide, godep, gb), builders and release tools (gox, goreleaser, ko, gomobile, gopherjs), linters and
     * editors' helpers that load packages through go/packages or go/build (golint, goimports, gopls, gocode,
     * golangci-lint, gometalinter, staticcheck, mockgen, swag), test runners and live reloaders that run go build or
     * go test (ginkgo, gotestsum, richgo, gin, fresh, realize, air, CompileDaemon), delve, and hugo (its modules are
     * Go modules fetched with go and git). A tool image of one of them needs the language image at run time.
     */
    static final java.util.Set<String> RUNS_THE_TOOLCHAIN = java.util.Set.of("govendor", "dep", "glide", "godep", "gb",
            "gox", "goreleaser", "ko", "gomobile", "gopherjs", "golint", "goimports", "gopls", "gocode", "golangci-lint",
            "gometalinter", "staticcheck", "mockgen", "swag", "ginkgo", "gotestsum", "richgo", "gin", "fresh", "realize",
            "air", "CompileDaemon", "dlv", "hugo");

    static Outcome plan(SplitInput in) {
        StageFacts f = in.facts();
        List<String> argv = in.argv();
        List<GoCommand> builds = goCommands(in);
        String version = ToolVersions.go(in.file(), f.stage(), null, null, in.knowledge().facts(), in.context());
        String cgo = f.envValue("CGO_ENABLED");
        String importC = importC(in.context());
        boolean contextHasGo = !in.context().withSuffix(".go").isEmpty();
        String program = argv.get(0);
        String started = program.substring(program.lastIndexOf('/') + 1);
        if (RUNS_THE_TOOLCHAIN.contains(started)) {
            return Outcome.refuse("`" + started + "` runs the Go toolchain when it runs (go, git, GOROOT's sources, GOPATH): "
                    + "a runtime without them breaks every command but its help");
        }
        List<String> notes = new ArrayList<>();

        String artifact;
        String target;
        GoCommand producer = null;
        List<String> goRun = null;
        if (program.equals("go") && argv.size() > 1 && argv.get(1).equals("run")) {
            goRun = argv;
            String name = moduleName(in.context());
            artifact = "/usr/local/bin/" + name;
            target = artifact;
        } else {
            producer = producer(f, builds, program);
            if (producer == null) {
                if (program.contains("/") && f.runs("make")) {
                    artifact = StageFacts.resolve(f.workdir(), program, f.env());
                    if (artifact == null) return Outcome.refuse("the start command names `" + program + "`, a path whittle cannot resolve");
                    String copied = MakeApp.copiedIn(f, program, artifact);
                    if (copied != null) return Outcome.refuse(copied);
                    notes.add("`" + program + "` is taken to be what `make` builds");
                } else {
                    GoCommand unnamed = null;
                    for (GoCommand g : builds) if (g.output() == null && g.unknown() != null) unnamed = g;
                    if (unnamed != null) {
                        // the first line stays short: the command, shortened, and why in a few words; all of it in the
                        // details (every full reason starts with the command in backquotes)
                        String why = unnamed.unknown();
                        int end = why.indexOf('`', 1);
                        String line = " (line " + unnamed.run().line() + ")";
                        return Outcome.refuse("`" + Commands.shorten(why.substring(1, end), 30) + "`" + line
                                + " writes a binary whittle cannot name: " + unnamed.brief(), List.of(
                                why.substring(0, end + 1) + line + why.substring(end + 1),
                                "the image starts `" + program + "`"));
                    }
                    return Outcome.refuse("cannot tell which RUN builds `" + program + "`, the program the image starts");
                }
            } else {
                if (producer.unknown() != null && producer.unknown().startsWith("assumed: ")) {
                    notes.add(producer.output() + " is taken to be what `" + Commands.shorten(producer.command().words().stream()
                            .map(w -> w.text()).reduce((a, b) -> a + " " + b).orElse("go"), 40) + "` writes: "
                            + producer.unknown().substring("assumed: ".length()));
                }
                artifact = producer.sub().equals("install") || !program.contains("/")
                        ? producer.output() : StageFacts.resolve(f.workdir(), program, f.env());
            }
            target = program.contains("/") ? artifact : "/usr/local/bin/" + program;
            if (producer != null && producer.cgo() != null) cgo = producer.cgo();
        }
        String fetched = goRun != null ? fetchedSource(f, f.workdir(), runPackages(goRun), null)
                : producer != null ? fetchedSource(f, producer.dir(), producer.packages(), producer.gopath()) : null;
        if (fetched != null) {
            dev.whittle.facts.GoPrograms.Program known = in.knowledge().goPrograms().of(fetched);
            if (fetched.equals(UNREAD)) {
                return Outcome.refuse("cannot read where the sources `" + Commands.shorten(program, 30) + "` is built from are");
            }
            if (fetched.equals(UNPLACED)) {
                return Outcome.refuse("the Dockerfile copies in no sources where `" + Commands.shorten(program, 30)
                        + "` is built: what it is built from is not read");
            }
            if (known == null) {
                return Outcome.refuse("`" + Commands.shorten(fetched, 50) + "` is built from fetched sources whittle has "
                        + "not read (files it reads, programs it runs)", List.of("templates/go-programs.yaml lists the "
                        + "fetched programs whose sources were read"));
            }
            if (!known.selfContained()) {
                return Outcome.refuse("`" + Commands.shorten(fetched, 50) + "` " + Commands.shorten(known.read(), 120)
                        + ", which the runtime would not have", List.of("read in " + known.repository() + " at "
                        + known.commit() + ": " + known.read()));
            }
            // a build that checks out a tag or commit of its own builds another version than the one read
            String checkout = f.commands().stream().filter(c -> Commands.isProgram(c, "git")
                    && c.args().contains("checkout")).map(c -> Commands.shorten(String.join(" ", c.words().stream()
                    .map(w -> w.text()).toList()), 40)).findFirst().orElse(null);
            notes.add(fetched + " is built from fetched sources, read in " + known.repository() + " at "
                    + known.commit().substring(0, 12) + ": it needs nothing beside its binary"
                    + (checkout == null ? "" : " (the build runs `" + checkout + "`: check that version)"));
        }
        if (contextHasGo) {
            String reads = readsFiles(in.context());
            if (reads != null) {
                return Outcome.refuse(reads + " reads a file from the source tree at run time; the runtime stage would "
                        + "hold only the binary");
            }
        }
        if ("1".equals(cgo) && importC == null) importC = "CGO_ENABLED=1";
        // alpine's go package pulls in gcc, so cgo is on there too unless switched off
        // an image the catalog does not know may have one
        // a compiler installed at any point counts, even when a later command removes it again: the build linked
        // against the C library while it was there
        boolean compiler = in.builder() == null || in.builder().hasCompiler()
                || dev.whittle.facts.StageEffects.of(f).all(dev.whittle.facts.Effect.Kind.INSTALLED).stream()
                        .anyMatch(e -> List.of("gcc", "build-base", "clang", "go", "musl-dev").contains(e.path()));
        // without a C compiler, Go 1.20 and newer turn cgo off by themselves; older ones link the prebuilt cgo parts
        // of the standard library (net, os/user) against the C library whenever the image's Go was built with one
        boolean alreadyStatic = "0".equals(cgo) || !compiler && importC == null && ToolVersions.atLeast(version, "1.20");
        boolean fromContext = goRun != null || producer != null && !producer.packages().stream().anyMatch(p -> p.contains("@"));
        boolean canSwitch = !alreadyStatic && importC == null && contextHasGo && fromContext
                && in.level().includes(Level.BALANCED);
        if (importC != null) notes.add("the binary needs cgo (" + importC + "), so it needs a C library at run time");
        else if (!alreadyStatic && !canSwitch) {
            notes.add(contextHasGo ? "cgo stays on at this level: the runtime keeps a C library"
                    : "no Go sources to check for cgo: the runtime keeps a C library");
        }
        boolean flags = in.level().includes(Level.BALANCED);
        String pathRisk = goRun == null ? null : dev.whittle.facts.GoBuildPath.trimpathRisk(in.context(), runPackages(goRun));
        boolean trimpath = ToolVersions.atLeast(version, "1.13") && pathRisk == null;
        if (flags && pathRisk != null && ToolVersions.atLeast(version, "1.13")) {
            notes.add("-trimpath not added: " + pathRisk + " (go.rice, packr and pkger find files through the build path it removes)");
        }
        List<String> runArgs = goRun;
        GoCommand build = producer;
        String art = artifact;
        Function<Candidate, BuilderChanges> builder = c -> {
            boolean makeStatic = "none".equals(c.libc()) && !alreadyStatic;
            Map<Instruction, String> edits = new IdentityHashMap<>();
            List<String> appended = new ArrayList<>();
            List<String> said = new ArrayList<>();
            if (runArgs != null) {
                appended.add((makeStatic ? "CGO_ENABLED=0 " : "") + "go build" + (flags && trimpath ? " -trimpath" : "")
                        + (flags ? " -ldflags=\"-s -w\"" : "") + " -o " + art + " " + String.join(" ", runPackages(runArgs)));
            } else if (makeStatic && build != null) {
                RunScript script = RunScript.of(build.run(), in.file());
                var first = build.command().words().get(0);
                if (script == null || !script.replace(first, first, "CGO_ENABLED=0 " + first.text())) return null;
                edits.put(build.run(), script.text());
            }
            if (makeStatic) said.add("CGO_ENABLED=0: a static binary (nothing in the sources imports \"C\")");
            if (in.level().includes(Level.AGGRESSIVE)) {
                String why = upxMissing(in);
                if (why == null) {
                    appended.add(in.knowledge().packages().tool("upx", in.manager()) + " && upx --best --lzma " + art);
                    said.add("UPX-compressed (smaller image, slower start: the binary unpacks itself at each start)");
                } else {
                    said.add("not UPX-compressed: " + why);
                }
            }
            return new BuilderChanges(edits, appended, said);
        };
        Function<Candidate, List<String>> start = runArgs == null ? null : c -> {
            List<String> newArgv = new ArrayList<>();
            newArgv.add(target);
            newArgv.addAll(programArgs(runArgs));
            return List.of(f.start().first().command().kind().name() + " " + Json.array(newArgv, f.start().first()));
        };
        String what = goRun != null ? "the binary `go run` compiled at every start, now built once" : "the binary " + art;
        return Outcome.of(new Plan("go", what, new Needs(alreadyStatic || canSwitch, true, version, -1),
                List.of(new Copy(art, target)), null, builder, start, c -> true, notes));
    }

    /**
     * Why the builder cannot install UPX with its package manager, or null when it can: the release must be known,
     * still on the mirrors, and have the package (the release's package facts: upx-ucl for Debian and Ubuntu, upx for
     * alpine).
     */
    private static String upxMissing(SplitInput in) {
        var sources = in.knowledge().facts();
        dev.whittle.facts.BaseRelease release = dev.whittle.facts.BaseRelease.of(in.file(), in.facts().stage(), sources);
        if (release == null) return "the builder's distribution release is not known";
        if (release.archived(sources)) return "the builder's release (" + release + ") left the mirrors";
        // the install runs at the end of the builder, as its last USER, with its PATH and SHELL
        String path = in.facts().envValue("PATH");
        if (path != null && !path.contains("$PATH") && !path.contains("${PATH}")) {
            List<String> dirs = List.of(path.split(":"));
            if (!dirs.containsAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin"))) {
                return "the builder's PATH (" + dev.whittle.facts.Commands.shorten(path, 40) + ") lacks the system "
                        + "directories its package manager needs";
            }
        }
        for (dev.whittle.tree.Instruction i : in.facts().stage().instructions()) {
            if (i.kind() == dev.whittle.tree.Keyword.SHELL) return "the builder sets its own SHELL";
        }
        String user = SplitPlanner.effectiveUser(in.facts().stage());
        if (user != null && (user = user.strip()) != null && !user.matches("root(:.*)?|0(:.*)?")) {
            return "the builder ends as USER " + dev.whittle.facts.Commands.shorten(user, 20) + ", and installing UPX needs root";
        }
        String manager = in.manager();
        if (in.knowledge().packages().tool("upx", manager) == null) return "whittle cannot install it with " + manager;
        dev.whittle.facts.Distro d = release.distro(sources);
        String pkg = "apk".equals(manager) ? "upx" : "upx-ucl";
        if (d == null || d.tool("upx", pkg) == null) {
            return release + (d == null ? ": whittle has no package facts for it" : " has no " + pkg + " package (as far as whittle knows)");
        }
        return null;
    }

    /** Flags of go build and go install that take the next word as their value. */
    private static final java.util.Set<String> VALUE_FLAGS = dev.whittle.facts.GoBuildPath.VALUE_FLAGS;

    /** The go build / go install commands, with their resolved output paths (or why the path is not known). */
    private static List<GoCommand> goCommands(SplitInput in) {
        StageFacts f = in.facts();
        List<GoCommand> out = new ArrayList<>();
        String gopath = f.envValue("GOPATH");
        if (gopath == null) gopath = f.image().repository().equals("golang") ? "/go" : "/root/go";
        String gobin = f.envValue("GOBIN");
        List<GoBinaryName.ModInit> inits = new ArrayList<>();
        for (Map.Entry<Instruction, Script> e : f.scripts()) {
            String cwd = f.workdirAt(e.getKey());
            // GOPATH and GOBIN the RUN sets for itself (export GOPATH=/tmp/go, GOBIN=... go install): each RUN is a
            // fresh shell, so they start from the stage's ENV again; UNSET marks a value whittle cannot read
            String runGopath = gopath, runGobin = gobin;
            for (SimpleCommand c : e.getValue().commands()) {
                if (Commands.isProgram(c, "export") || c.name() == null && !c.assignments().isEmpty()) {
                    List<String> set = new ArrayList<>(c.assignments().stream().map(w -> w.literal() == null ? w.text()
                            : w.literal()).toList());
                    if (Commands.isProgram(c, "export")) set.addAll(c.args());
                    for (String a : set) {
                        if (a.startsWith("GOPATH=")) runGopath = goDir(a.substring(7));
                        if (a.startsWith("GOBIN=")) runGobin = goDir(a.substring(6));
                    }
                }
                if (Commands.isProgram(c, "cd")) {
                    cwd = StageFacts.resolve(cwd, c.args().isEmpty() ? "/root" : c.args().get(0), f.env());
                    continue;
                }
                if (!Commands.isProgram(c, "go") || c.words().size() < 2) continue;
                String sub = c.words().get(1).literal();
                List<String> args = c.args();
                if ("mod".equals(sub) && args.size() >= 3 && args.get(1).equals("init") && cwd != null) {
                    inits.add(new GoBinaryName.ModInit(e.getKey(), cwd, args.get(2).contains("$") ? null : args.get(2)));
                    continue;
                }
                if (!"build".equals(sub) && !"install".equals(sub)) continue;
                String output = null;
                String dir = cwd;
                List<String> pkgs = new ArrayList<>();
                for (int k = 1; k < args.size(); k++) {
                    String a = args.get(k).startsWith("--") ? args.get(k).substring(1) : args.get(k);
                    if (a.equals("-o") && k + 1 < args.size()) output = args.get(++k);
                    else if (a.startsWith("-o=")) output = a.substring(3);
                    else if (a.equals("-C") && k + 1 < args.size()) dir = StageFacts.resolve(dir, args.get(++k), f.env());
                    else if (a.startsWith("-C=")) dir = StageFacts.resolve(dir, a.substring(3), f.env());
                    else if (VALUE_FLAGS.contains(a)) k++;
                    else if (!a.startsWith("-")) pkgs.add(a);
                }
                String cgo = null;
                String go111 = f.envValue("GO111MODULE");
                String gopathHere = runGopath, gobinHere = runGobin;
                for (var w : c.assignments()) {
                    String v = w.literal();
                    String t = v != null ? v : w.text();
                    if (t.startsWith("GOPATH=")) gopathHere = goDir(t.substring(7));
                    if (t.startsWith("GOBIN=")) gobinHere = goDir(t.substring(6));
                    if (v != null && v.startsWith("CGO_ENABLED=")) cgo = v.substring("CGO_ENABLED=".length());
                    if (v != null && v.startsWith("GO111MODULE=")) go111 = v.substring("GO111MODULE=".length());
                }
                String resolved = null;
                String unknown = null;
                String brief = null;
                if (output != null) {
                    resolved = sub.equals("build") ? StageFacts.resolve(dir, output, f.env()) : null;
                } else if (sub.equals("install") && pkgs.stream().anyMatch(p -> p.contains("@"))) {
                    String name = pkgs.isEmpty() ? null : lastElement(pkgs.get(pkgs.size() - 1));
                    resolved = name == null ? null : installDir(gopathHere, gobinHere) == null ? null
                            : installDir(gopathHere, gobinHere) + "/" + name;
                } else if (!(sub.equals("install") && pkgs.stream().anyMatch(p -> p.endsWith(".go")))) {
                    // quoted in backquotes in the reasons: a command substitution in it is shown with single quotes
                    String shown = Commands.shorten(String.join(" ", c.words().stream().map(w -> w.text()).toList())
                            .replace('`', '\''), 50);
                    String version = ToolVersions.go(in.file(), f.stage(), e.getKey(), c, in.knowledge().facts(), in.context());
                    GoBinaryName.Name name = GoBinaryName.of(f, in.context(), e.getKey(), shown, sub.equals("install"), dir, pkgs, go111, version,
                            gopath, inits);
                    if (name.assumed() != null) unknown = "assumed: " + name.assumed();
                    if (name.name() == null) {
                        unknown = name.reason();
                        brief = name.brief();
                    } else if (sub.equals("install")) {
                        String where = installDir(gopathHere, gobinHere);
                        resolved = where == null ? null : where + "/" + name.name();
                        if (where == null) unknown = "the RUN sets GOPATH or GOBIN to a value whittle cannot read";
                    }
                    else resolved = dir == null ? null : (dir.equals("/") ? "" : dir) + "/" + name.name();
                }
                out.add(new GoCommand(e.getKey(), c, sub, resolved, pkgs, cgo, unknown, brief, dir, gopathHere));
            }
        }
        return out;
    }

    /**
     * The package the start command's program is built from when the build fetched its sources (and so, once the
     * split accepted it, a program templates/go-programs.yaml lists as self-contained), or null when the
     * Dockerfile copies them in or no producer is known.
     */
    private static final String UNPLACED = "a package whittle cannot place";
    private static final String UNREAD = "a package whittle cannot read";

    static String fetchedProgram(SplitInput in) {
        List<String> argv = in.argv();
        StageFacts f = in.facts();
        if (argv.get(0).equals("go") && argv.size() > 1 && argv.get(1).equals("run")) {
            return fetchedSource(f, f.workdir(), runPackages(argv), null);
        }
        GoCommand producer = producer(f, goCommands(in), argv.get(0));
        return producer == null ? null : fetchedSource(f, producer.dir(), producer.packages(), producer.gopath());
    }

    /**
     * The package a go build, go install or go run compiles from sources the Dockerfile does not copy in (what go get
     * or go install PATH@VERSION fetched, a clone), or null when every package's directory is inside something
     * COPY or ADD put there. An import path is looked up under GOPATH's src; {@link #UNPLACED} when a directory or
     * file the command compiles holds nothing the Dockerfile copied in, {@link #UNREAD} when one cannot be read.
     */
    private static String fetchedSource(StageFacts f, String dir, List<String> packages, String gopath) {
        String set = gopath == null || gopath.equals(UNSET) ? f.envValue("GOPATH") : gopath;
        String root = set != null ? set : f.image().repository().equals("golang") ? "/go" : "/root/go";
        // what COPY or ADD put in, and what cp or mv moved on from there (cp -r /src/* src/example.com/tool)
        List<dev.whittle.facts.Effect> copied = dev.whittle.facts.StageEffects.of(f).effects().stream()
                .filter(e -> e.path() != null && (e.kind() == dev.whittle.facts.Effect.Kind.COPIED
                        || e.kind() == dev.whittle.facts.Effect.Kind.WRITTEN && e.detail() != null && e.detail().matches("(cp|mv) .*")))
                .toList();
        List<String> local = new ArrayList<>(); // directories or files of the build's own
        if (packages.isEmpty()) local.add(dir);
        for (String p : packages) {
            if (p.contains("@")) return p.replaceFirst("@.*$", "");
            String bare = StageFacts.expand(p.replaceFirst("/\\.\\.\\.$", ""), f.env());
            if (bare == null) return UNREAD;
            if (bare.equals(".") || bare.startsWith("./") || bare.startsWith("../") || bare.startsWith("/") || bare.endsWith(".go")) {
                String at = StageFacts.resolve(dir, bare, f.env());
                // a .go file is compiled in its package's directory
                local.add(at != null && bare.endsWith(".go") ? at.substring(0, Math.max(at.lastIndexOf('/'), 1)) : at);
            } else if (copied.stream().noneMatch(e -> dev.whittle.facts.Effect.under(root + "/src/" + bare, e.path()))) {
                return bare; // an import path under GOPATH that nothing copied in: go get fetched it
            }
        }
        for (String d : local) {
            if (d == null) return UNREAD;
            // the directory is, or is inside, what was copied, or files were copied into it
            if (copied.stream().noneMatch(e -> dev.whittle.facts.Effect.under(d, e.path())
                    || dev.whittle.facts.Effect.under(e.path(), d))) {
                // a package directory under GOPATH's src that nothing copied in: go get fetched it
                return d.startsWith(root + "/src/") ? d.substring(root.length() + 5) : UNPLACED;
            }
        }
        return null;
    }

    /** A GOPATH or GOBIN value the RUN sets: a literal absolute directory (the first of a list), else UNSET. */
    private static String goDir(String value) {
        String v = value.replace("\"", "").replace("'", "");
        if (v.contains(":")) v = v.substring(0, v.indexOf(':'));
        return v.startsWith("/") && !v.contains("$") && !v.contains("`") ? v.replaceAll("/+$", "") : UNSET;
    }

    private static final String UNSET = "\u0000unset";

    /** Where go install puts programs: GOBIN, else GOPATH's bin; null when the RUN made either unreadable. */
    private static String installDir(String gopath, String gobin) {
        if (gobin != null) return gobin.equals(UNSET) ? null : gobin;
        return gopath == null || gopath.equals(UNSET) ? null : gopath + "/bin";
    }

    /** The command that produces the program, or null. */
    private static GoCommand producer(StageFacts f, List<GoCommand> builds, String program) {
        String path = program.contains("/") ? StageFacts.resolve(f.workdir(), program, f.env()) : null;
        for (int k = builds.size() - 1; k >= 0; k--) {
            GoCommand g = builds.get(k);
            if (g.output() == null) continue;
            if (path != null ? g.output().equals(path) : g.output().endsWith("/" + program)
                    && onPath(g.output().substring(0, g.output().lastIndexOf('/')))) {
                return g;
            }
        }
        return null;
    }

    private static boolean onPath(String dir) {
        return List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/go/bin",
                "/root/go/bin", "/usr/local/go/bin").contains(dir);
    }

    /** {@code github.com/micro/micro/v3@latest} gives micro. */
    private static String lastElement(String pkg) {
        String p = pkg.replaceAll("@.*", "").replaceAll("/\\.\\.\\.$", "");
        String[] parts = p.split("/");
        String last = parts[parts.length - 1];
        if (GoBinaryName.isVersionElement(last) && parts.length > 1) last = parts[parts.length - 2];
        return last.isEmpty() || last.equals(".") ? null : last;
    }

    /** The packages or files {@code go run} was given. */
    private static List<String> runPackages(List<String> argv) {
        List<String> out = new ArrayList<>();
        for (int k = 2; k < argv.size(); k++) {
            String a = argv.get(k);
            if (a.startsWith("-")) continue;
            if (a.endsWith(".go")) {
                out.add(a);
                continue;
            }
            if (out.isEmpty()) out.add(a);
            break;
        }
        if (out.isEmpty()) out.add(".");
        return out;
    }

    /** The arguments after the packages: the program's own. */
    private static List<String> programArgs(List<String> argv) {
        int k = 2;
        while (k < argv.size() && argv.get(k).startsWith("-")) k++;
        if (k < argv.size() && !argv.get(k).endsWith(".go")) return argv.subList(k + 1, argv.size());
        while (k < argv.size() && argv.get(k).endsWith(".go")) k++;
        return argv.subList(k, argv.size());
    }

    /** The binary's name: the last element of the module path in go.mod, else "app". */
    private static String moduleName(BuildContext context) {
        String path = dev.whittle.facts.GoBuildPath.modulePath(context);
        String name = path == null ? null : lastElement(path);
        return name == null || !name.matches("[A-Za-z0-9._-]+") ? "app" : name;
    }

    /**
     * "file.go:LINE" of the first cgo import in the context's sources, or null. A vendor/ folder with its
     * modules.txt holds the dependencies' sources the build compiles (-mod=vendor, which Go 1.14 and newer also
     * choose by themselves when it is there): they count too (a vendored go-sqlite3 needs cgo).
     */
    private static String importC(BuildContext context) {
        String own = firstMatch(context, context.withSuffix(".go"), IMPORT_C);
        if (own != null) return own;
        if (context.read("vendor/modules.txt").isPresent()) {
            String vendored = firstMatch(context, context.filesUnder("vendor").stream().filter(f -> f.endsWith(".go")).toList(),
                    IMPORT_C);
            if (vendored != null) return vendored;
        }
        return cgoModule(context);
    }

    /**
     * Modules that only work with cgo (a binding to a C library, or C code of their own): a build that requires one
     * (go.mod or go.sum names it, its dependencies' too) needs cgo, though none of its own sources imports "C" and
     * the module cache the build downloads is not in the context. go-sqlite3 built without cgo compiles and fails
     * at its first query. Modules that use cgo only on other systems (gopsutil on darwin) are not here.
     */
    private static final List<String> CGO_MODULES = List.of("github.com/mattn/go-sqlite3",
            "github.com/mutecomm/go-sqlcipher", "github.com/xeodou/go-sqlcipher", "github.com/confluentinc/confluent-kafka-go",
            "github.com/mattn/go-oci8", "github.com/godror/godror", "github.com/tecbot/gorocksdb",
            "github.com/linxGnu/grocksdb", "github.com/jmhodges/levigo", "github.com/DataDog/zstd", "github.com/valyala/gozstd",
            "github.com/pebbe/zmq4", "github.com/h2non/bimg", "github.com/davidbyttow/govips", "gopkg.in/gographics/imagick",
            "github.com/gographics/imagick", "github.com/libvirt/libvirt-go", "libvirt.org/go/libvirt",
            "github.com/miekg/pkcs11", "github.com/seccomp/libseccomp-golang", "github.com/go-gl/gl", "github.com/go-gl/glfw",
            "github.com/veandco/go-sdl2", "github.com/gotk3/gotk3", "fyne.io/fyne", "github.com/hajimehoshi/ebiten",
            "github.com/karalabe/hid", "github.com/karalabe/usb", "github.com/wasmerio/wasmer-go",
            "github.com/bytecodealliance/wasmtime-go", "github.com/tensorflow/tensorflow", "github.com/sbinet/go-python",
            "github.com/google/gopacket", "github.com/gen2brain/malgo", "github.com/ianlancetaylor/cgosymbolizer");

    /** "go.sum requires MODULE, which needs cgo" for the first module the context's go.mod or go.sum files require that needs cgo, or null. */
    private static String cgoModule(BuildContext context) {
        List<String> files = new ArrayList<>(context.withSuffix("go.mod"));
        files.addAll(context.withSuffix("go.sum"));
        files.removeIf(f -> !f.equals("go.mod") && !f.equals("go.sum") && !f.endsWith("/go.mod") && !f.endsWith("/go.sum")
                || f.startsWith("vendor/") || f.contains("/vendor/"));
        String[] found = dev.whittle.facts.GoBuildPath.firstRequired(context, files, CGO_MODULES);
        return found == null ? null : found[0] + " requires " + found[1] + ", which needs cgo";
    }

    private static String readsFiles(BuildContext context) {
        return firstMatch(context, context.withSuffix(".go"), READS_FILES);
    }

    private static String firstMatch(BuildContext context, List<String> files, Pattern p) {
        BuildContext.Match m = context.firstMatch(files.stream().filter(f -> !f.endsWith("_test.go")).toList(), p);
        return m == null ? null : m.at();
    }
}
