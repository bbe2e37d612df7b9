package dev.whittle.split;

import dev.whittle.facts.BuildContext;
import dev.whittle.facts.Commands;
import dev.whittle.facts.ImageRef;
import dev.whittle.facts.StageFacts;
import dev.whittle.facts.StageEffects;
import dev.whittle.facts.Effect;
import dev.whittle.facts.Toolchain;
import dev.whittle.split.Plan.Copy;
import dev.whittle.split.Plan.Outcome;
import dev.whittle.split.RuntimeChooser.Choice;
import dev.whittle.split.RuntimeChooser.Demands;
import dev.whittle.core.Level;
import dev.whittle.facts.PackageTable;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import dev.whittle.tree.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether and how a single-stage build splits into a builder and a runtime stage: which
 * language, which artifact, which runtime image, what moves and what stays. Says why when it will not.
 */
public final class SplitPlanner {
    private SplitPlanner() {}

    /** Instructions that describe the running container, not the build: they move to the runtime. */
    private static final Set<Keyword> RUNTIME_ONLY = Set.of(Keyword.EXPOSE, Keyword.LABEL, Keyword.HEALTHCHECK,
            Keyword.STOPSIGNAL, Keyword.CMD, Keyword.ENTRYPOINT);
    /** Variables that only steer the build (toolchains, package managers): they stay in the builder. */
    private static final Pattern BUILD_ENV = Pattern.compile("GO111MODULE|GOPATH|GOPROXY|GOFLAGS|GOPRIVATE|GONOSUMDB|"
            + "GOSUMDB|GONOPROXY|GOINSECURE|CGO_.*|GOOS|GOARCH|GOARM|GOAMD64|GOBIN|GOROOT|GOCACHE|GOMODCACHE|PIP_.*|POETRY_.*|"
            + "PIPENV_.*|NPM_CONFIG_.*|YARN_.*|MAVEN_.*|MAVEN_OPTS|GRADLE_.*|CARGO_.*|RUSTUP_.*|RUSTFLAGS|DEBIAN_FRONTEND|CC|CXX|"
            + "CFLAGS|CXXFLAGS|LDFLAGS|MAKEFLAGS|PKG_CONFIG_PATH|JAVA_HOME|PATH|VIRTUAL_ENV");
    private static final Pattern SCRIPT = Pattern.compile("(?i).*\\.(sh|bash)$|sh|bash|ash|dash|zsh");
    /**
     * Configuration of a tool, by where it lives, and the packages that bring the tool. A build that writes it means
     * the tool runs later; the full language images have some of these tools (openssh-client and git in
     * buildpack-deps), so they may come from the base image rather than from the build's installs.
     */
    private static final Map<String, List<String>> TOOL_CONFIG = Map.of(
            "/etc/ssh", List.of("openssh-client", "openssh-server", "openssh", "ssh", "openssh-clients"),
            "/etc/gitconfig", List.of("git", "git-core"),
            "/etc/wgetrc", List.of("wget"),
            "/etc/nginx", List.of("nginx", "nginx-light", "nginx-full", "nginx-extras"),
            "/etc/apache2", List.of("apache2"),
            "/etc/supervisor", List.of("supervisor"),
            "/etc/supervisord.conf", List.of("supervisor"),
            "/etc/mysql", List.of("mysql-client", "default-mysql-client", "mariadb-client", "mysql-server", "mariadb-server"));

    /**
     * Why the runtime would get a tool's configuration (an extra copy) without the tool (ssh_config that a build
     * changed, on a slim image without openssh-client), or null.
     */
    private static String configWithoutItsTool(Carried carried, Set<String> runtimePackages) {
        for (Copy c : carried.copies()) {
            for (var e : TOOL_CONFIG.entrySet()) {
                if (!Effect.under(c.from(), e.getKey()) && !Effect.under(e.getKey(), c.from())) continue;
                if (c.from().equals("/etc") || c.from().equals("/")) continue; // the whole of /etc: not one tool's
                if (e.getValue().stream().noneMatch(runtimePackages::contains)) {
                    return "the build configures " + e.getKey() + ", but the runtime image would not have "
                            + e.getValue().get(0) + ", which reads it";
                }
            }
        }
        return null;
    }

    /** Programs that start the program after their options: an init for containers, or a user switch. */
    private static final Set<String> INITS = Set.of("dumb-init", "tini", "tini-static", "catatonit", "gosu", "su-exec");

    /** The start command after the inits in front of it (their options, and the user of gosu and su-exec). */
    static List<String> behindInit(List<String> argv) {
        List<String> rest = argv;
        while (!rest.isEmpty() && INITS.contains(rest.get(0).substring(rest.get(0).lastIndexOf('/') + 1))) {
            boolean user = rest.get(0).endsWith("gosu") || rest.get(0).endsWith("su-exec");
            int k = 1;
            while (k < rest.size() && rest.get(k).startsWith("-") && !rest.get(k).equals("--")) k++;
            if (k < rest.size() && rest.get(k).equals("--")) k++;
            if (user) k++;
            rest = rest.subList(Math.min(k, rest.size()), rest.size());
        }
        return rest;
    }

    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /**
     * The source of a COPY or ADD that puts the start program in place when that source is a shell script (by its
     * name, or by a shell's #! line in the build context): {@code COPY run.sh /usr/local/bin/run} with CMD ["run"].
     * Null otherwise.
     */
    private static String copiedScript(StageFacts facts, String program, BuildContext context) {
        EntrypointScript.Placed placed = EntrypointScript.placed(facts, program, context);
        if (placed == null) return null;
        String name = placed.source().substring(placed.source().lastIndexOf('/') + 1);
        boolean script = SCRIPT.matcher(name).matches()
                || context.read(placed.source()).map(EntrypointScript::shellScript).orElse(false);
        return script ? placed.source() : null;
    }

    private static final Set<String> INPUT_NAMES = Set.of("go.mod", "go.sum", "Cargo.toml", "Cargo.lock", "package.json",
            "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "requirements.txt", "pyproject.toml", "poetry.lock", "Pipfile",
            "Pipfile.lock", "setup.py", "setup.cfg", "pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle",
            "settings.gradle.kts", "gradlew", "mvnw", "Makefile", "CMakeLists.txt", ".", "./", "src", "cmd", "pkg", "internal");

    /**
     * The decision.
     *
     * @param split  the split, or null
     * @param reason why not, or null; "" when the file is not a build whittle knows (nothing to say)
     */
    public record Decision(Split split, String reason, List<String> details) {
        public Decision(Split split, String reason) {
            this(split, reason, List.of());
        }

        static Decision refuse(String reason) {
            return new Decision(null, reason);
        }

        static Decision refuse(String reason, List<String> details) {
            return new Decision(null, reason, details);
        }
    }

    public static Decision decide(Dockerfile file, BuildContext context, Knowledge knowledge, Level level) {
        List<Stage> stages = file.stages();
        if (stages.size() != 1) return Decision.refuse("");
        Stage stage = stages.get(0);
        if (!Toolchain.mayDetect(stage)) return Decision.refuse("");
        StageFacts facts = StageFacts.of(stage, knowledge.catalog().startWorkdir(ImageRef.parse(stage.baseImage())));
        ImageRef image = facts.image();
        if (image.repository().equals("scratch") || image.variable() || image.written().isEmpty()) return Decision.refuse("");
        String language = Toolchain.detect(facts);
        if (language == null) return Decision.refuse("");
        if (image.tagOrLatest().contains("onbuild")) {
            // golang:onbuild, node:onbuild: the base's ONBUILD triggers copy the context and build before the
            // stage's own instructions, and whittle does not expand them (what the working directory holds is not known)
            return Decision.refuse(Commands.shorten(image.shown(), 40) + " runs ONBUILD triggers that whittle does not "
                    + "expand: what the app's directory holds is not known");
        }
        for (Instruction i : stage.instructions()) {
            if (i.kind() == Keyword.ONBUILD || i.kind() == Keyword.SHELL) {
                return Decision.refuse(i.kind() + " changes how later builds or commands run: not split");
            }
        }
        var derived = knowledge.catalog().derivation(image);
        List<String> derivedDetails = derived == null ? List.of() : List.of(image.shown() + " is " + derived.parent().shown()
                + (derived.entry().adds() == null ? "" : " with " + String.join(", ", derived.entry().adds()))
                + (derived.entry().start().isEmpty() ? "" : ", started by `" + derived.entry().start() + "`") + ": "
                + derived.entry().source());
        if (facts.start().inherited()) {
            return Decision.refuse("no CMD or ENTRYPOINT: the image runs what " + image.shown() + " runs, which another "
                    + "runtime image would lose", derivedDetails);
        }
        if (derived != null) {
            // what it adds (gunicorn, my_init, node) a runtime on another image would lack, and what of it the app needs is not read
            return Decision.refuse(image.shown() + " is a third-party image on " + derived.parent().shown()
                    + ": which of what it adds the app needs is not read", derivedDetails);
        }
        var sources = knowledge.facts();
        if (sources.images().covers(image.repository()) && sources.images().lookup(image) == null) {
            return Decision.refuse(image.shown() + " is not a tag the official " + image.repository() + " images have had: "
                    + "what it is built on is not known");
        }
        SplitInput in = new SplitInput(file, facts, builderInfo(image, knowledge), context, knowledge, level);
        List<String> argv = in.argv();
        if (argv == null || argv.isEmpty()) {
            return Decision.refuse("the start command is a shell line whittle cannot read as one program");
        }
        String program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
        EntrypointScript.Reading script = null;
        if (SCRIPT.matcher(program).matches() || copiedScript(facts, argv.get(0), context) != null) {
            script = EntrypointScript.read(facts, argv, context);
            if (script.refusal() != null) {
                // the script, or the shell and what it is given (sh -c, sh start.sh)
                String shown = program.matches("(ba|da|a|z)?sh") && argv.size() > 1 ? argv.get(0) + " " + argv.get(1) : argv.get(0);
                return Decision.refuse("the image starts the shell script " + Commands.shorten(shown, 40) + ": "
                        + script.refusal());
            }
            in = in.handingOverTo(script.handsOver());
            argv = in.argv();
            program = argv.get(0).substring(argv.get(0).lastIndexOf('/') + 1);
            if (SCRIPT.matcher(program).matches() || copiedScript(facts, argv.get(0), context) != null) {
                return Decision.refuse("the entrypoint script " + script.source() + " hands over to another script ("
                        + String.join(" ", argv.subList(0, Math.min(2, argv.size()))) + "): what it runs cannot be checked");
            }
        }
        List<String> wrapped = behindInit(argv);
        if (wrapped != argv) {
            // an init in front (dumb-init, tini, gosu USER): what it starts is checked as the start program
            if (wrapped.isEmpty()) return Decision.refuse("the image starts " + argv.get(0) + " without a program whittle can read");
            String inner = wrapped.get(0).substring(wrapped.get(0).lastIndexOf('/') + 1);
            if (SCRIPT.matcher(inner).matches() || copiedScript(facts, wrapped.get(0), context) != null) {
                return Decision.refuse("the image starts a shell script (" + Commands.shorten(String.join(" ", argv), 60)
                        + "): what it runs cannot be checked");
            }
        }
        Outcome outcome = switch (language) {
            case "go" -> GoApp.plan(in);
            case "python" -> PythonApp.plan(in);
            case "node" -> NodeApp.plan(in);
            case "java" -> JavaApp.plan(in);
            case "rust" -> RustApp.plan(in);
            default -> MakeApp.plan(in);
        };
        if (outcome.plan() == null) return Decision.refuse(outcome.reason(), outcome.details());
        Plan plan = outcome.plan();
        List<String> notes = new ArrayList<>(plan.notes());
        StageEffects effects = StageEffects.of(facts);
        List<Copy> planned = new ArrayList<>(plan.copies());
        String workdirRefusal = addWorkdir(facts, effects, plan, context, planned, notes);
        if (workdirRefusal != null) return Decision.refuse(workdirRefusal);
        Carried carried = Carried.of(effects, planned, List.of(), plan.venv() != null, namedPaths(facts));
        if (carried.refusal() != null) return Decision.refuse(carried.refusal());
        notes.addAll(carried.notes());
        if (script != null) {
            String at = script.imagePath();
            if (carried.copies().stream().noneMatch(c -> Effect.under(at, c.from()))) {
                return Decision.refuse("the entrypoint script " + at + " is not in what the runtime receives");
            }
            notes.add("the entrypoint script " + script.source() + " only sets options and variables, tests and prints "
                    + "before `exec \"$@\"`: the runtime keeps " + script.shell() + " for it");
        }
        if (plan.language().equals("python") || plan.language().equals("node")) {
            // an interpreter's app is its copied sources: code copied beside the app directory (onto PYTHONPATH,
            // for python -m) is run-time code too
            for (Effect e : effects.all(Effect.Kind.COPIED)) {
                String p = e.path();
                if (p == null || carried.copies().stream().anyMatch(c -> Effect.under(p, c.from()))
                        || Carried.BUILD_ONLY.stream().anyMatch(d -> Effect.under(p, d)) || effects.removedLater(p, e)) {
                    continue;
                }
                return Decision.refuse("`" + Commands.snippet(e.at(), 30) + "` (line " + e.at().line()
                        + ") copies files to " + Commands.shorten(p, 40) + ", which the runtime would not get");
            }
        }

        PackageTable table = knowledge.packages();
        String manager = in.manager();
        Set<String> runtimePackages = new LinkedHashSet<>();
        String startText = String.join(" ", argv) + facts.all(Keyword.HEALTHCHECK).stream()
                .map(h -> " " + h.command().original()).reduce("", String::concat);
        boolean startSeen = !Set.of("npm", "yarn", "pnpm", "npx").contains(program) || context.exists("package.json");
        dev.whittle.facts.BaseRelease release = dev.whittle.facts.BaseRelease.of(file, stage, knowledge.facts());
        dev.whittle.facts.Distro distro = release == null ? null : release.distro(knowledge.facts());
        // a build that removes some of its packages (apk del go) and keeps these tools kept them on purpose (houndd
        // runs git, svn and hg when it runs: round 23)
        boolean removesSome = facts.commands().stream().anyMatch(c -> dev.whittle.facts.Packages.manager(c) != null
                && dev.whittle.facts.Packages.removes(c));
        // a tool the build installs stays unless the app's sources show it starts no program (r26: an updater that
        // clones through simple-git lost git)
        dev.whittle.facts.ProgramRuns.Reading reading = dev.whittle.facts.ProgramRuns.read(plan.language(), context);
        // a fetched Go program splits only when templates/go-programs.yaml lists it as starting nothing
        String runsUnread = plan.language().equals("go") && GoApp.fetchedProgram(in) != null ? null : reading.unread();
        List<String> keptTools = new ArrayList<>();
        for (String p : facts.packages()) {
            boolean named = Pattern.compile("(^|[\\s/])" + Pattern.quote(p) + "\\b").matcher(startText).find();
            if (!table.buildOnly(p, plan.language())
                    || table.runTool(p) && (named || !startSeen || removesSome || runsUnread != null)) {
                if (table.buildOnly(p, plan.language()) && !named && startSeen && !removesSome) keptTools.add(p);
                runtimePackages.add(p);
                continue;
            }
            List<String> libs = "apt".equals(manager) && distro != null ? distro.runtimeOf(p) : null;
            if (libs == null) {
                String lib = table.runtimeOf(manager == null ? "" : manager, p, RuntimeChooser.release(image, in.builder()));
                libs = lib == null ? null : lib.isEmpty() ? List.of() : List.of(lib);
            }
            if (libs == null) {
                return Decision.refuse("the build installs " + p + ", and whittle does not know which runtime library "
                        + "goes with it");
            }
            runtimePackages.addAll(libs);
        }
        if (!keptTools.isEmpty()) {
            notes.add(String.join(", ", keptTools) + (keptTools.size() == 1 ? " stays" : " stay")
                    + " in the runtime: the program may run " + (keptTools.size() == 1 ? "it" : "them") + " (" + runsUnread + ")");
        }
        // apt installs the runtime's packages without their recommendations: the ones that matter (git's ssh client)
        // are named, as apt-no-install-recommends names them in the build; what the build's own
        // apt-get install brought in through recommendations counts as installed by the build
        Set<String> implicit = new LinkedHashSet<>();
        if ("apt".equals(manager) && distro != null && distro.hasPackages()) {
            for (String p : List.copyOf(runtimePackages)) {
                List<String> matter = distro.droppedThatMatter(p);
                // the CA bundle is the runtime image's own, or the builder's copied in (builderCertificates)
                if (matter != null) for (String m : matter) {
                    if (!table.buildOnly(m, plan.language()) && !m.equals("ca-certificates")) runtimePackages.add(m);
                }
            }
            for (var c : facts.commands()) {
                if (!"apt".equals(dev.whittle.facts.Packages.manager(c)) || !dev.whittle.facts.Packages.installs(c)
                        || c.args().contains("--no-install-recommends")) continue;
                for (String p : dev.whittle.facts.Packages.names(c)) {
                    List<String> matter = distro.droppedThatMatter(p);
                    if (matter != null) implicit.addAll(matter);
                }
            }
        }
        FullImageLibraries full = fullImageLibraries(plan.language(), image, knowledge, context, distro, effects, notes);
        if (full.refusal() != null) return Decision.refuse(full.refusal());
        List<String> fullLibs = full.libraries();
        runtimePackages.addAll(fullLibs);
        String unread = configWithoutItsTool(carried, runtimePackages);
        if (unread != null) return Decision.refuse(unread);
        String source = thirdPartyPackage(effects, runtimePackages);
        if (source != null) return Decision.refuse(source);
        // an app whose sources start other programs needs them at run time, and which of them its base image
        // provides (git, curl, ssh in the full language images) is not read
        if (reading.runs() != null) return Decision.refuse(reading.runs() + ": whittle cannot tell which ones the runtime needs");
        boolean shell = facts.start().needsShell() || script != null;
        for (Instruction h : facts.all(Keyword.HEALTHCHECK)) {
            List<String> v = h.command().values();
            if (v.isEmpty() || v.get(0).equalsIgnoreCase("NONE")) continue;
            if (!h.command().json() || v.size() < 2 || v.get(1).equals("CMD-SHELL") || v.get(1).equals("sh")) shell = true;
            for (String tool : List.of("curl", "wget")) if (h.command().original().contains(tool)) runtimePackages.add(tool);
        }
        Boolean builderCerts = builderCertificates(in.builder(), facts);
        String user = effectiveUser(stage);
        boolean root = user == null || user.split(":")[0].matches("root|0");
        // the original's user is kept: root stays root (a switch to a non-root user only at the aggressive level, and
        // never when the file asks for root by name)
        boolean keepRoot = root && (user != null || !level.includes(Level.AGGRESSIVE));
        Choice choice = RuntimeChooser.choose(in, plan,
                new Demands(shell, !runtimePackages.isEmpty(), manager, builderCerts, keepRoot));
        if (choice.candidate() == null) {
            return Decision.refuse("no runtime image in the catalog fits the build (its C library, release, shell, packages)",
                    choice.rejected());
        }
        if (script != null && !script.shell().equals("sh") && !List.of("debian", "ubuntu", "rhel").contains(choice.candidate().family())) {
            return Decision.refuse("the entrypoint script " + script.source() + " runs in " + script.shell()
                    + ", which " + choice.image() + " may not have");
        }
        if (choice.image().equals(image.written()) && runtimePackages.containsAll(facts.packages())
                && runtimePackages.containsAll(implicit)) {
            // the build already runs on the runtime image and installs nothing to leave behind; said when what
            // it keeps is the tools the program may run
            if (keptTools.isEmpty()) return Decision.refuse("");
            return Decision.refuse("the runtime would be " + Commands.shorten(image.shown(), 30) + " with the same "
                    + "packages: the program may run " + Commands.shorten(String.join(", ", keptTools), 30),
                    List.of(String.join(", ", keptTools) + " would stay in the runtime: " + runsUnread));
        }
        if (!runtimePackages.isEmpty() && "apt".equals(choice.candidate().installs()) && "same".equals(choice.candidate().release())
                && release != null && release.archived(knowledge.facts())) {
            List<String> names = new ArrayList<>(runtimePackages);
            String shown = String.join(" ", names.subList(0, Math.min(3, names.size())))
                    + (names.size() > 3 ? " (+" + (names.size() - 3) + " more)" : "");
            return Decision.refuse("the runtime stage would install " + shown + " with apt-get on "
                    + release + ", whose suites left the mirrors");
        }
        if (!choice.rejected().isEmpty()) notes.add("not " + String.join("; not ", choice.rejected()));
        Plan.BuilderChanges builder = plan.builder().apply(choice.candidate());
        if (builder == null) return Decision.refuse("the build command could not be changed to make a static binary");
        notes.addAll(0, builder.notes());

        List<Copy> copies = new ArrayList<>(carried.copies());
        List<Instruction> moved = new ArrayList<>();
        Instruction lastBuildStep = null;
        for (Instruction i : stage.instructions()) {
            if (i.kind() == Keyword.RUN || i.kind() == Keyword.COPY || i.kind() == Keyword.ADD) lastBuildStep = i;
        }
        int lastBuild = lastBuildStep == null ? -1 : stage.instructions().indexOf(lastBuildStep);
        boolean userMoved = false;
        for (int k = 0; k < stage.instructions().size(); k++) {
            Instruction i = stage.instructions().get(k);
            boolean afterBuild = k > lastBuild;
            // a VOLUME declares a mount point of the image wherever it stands; a USER only once the build is done
            if (RUNTIME_ONLY.contains(i.kind()) || i.kind() == Keyword.VOLUME || afterBuild && i.kind() == Keyword.USER) {
                moved.add(i);
                if (i.kind() == Keyword.USER) userMoved = true;
            }
            if ((i.kind() == Keyword.COPY || i.kind() == Keyword.ADD) && i.command().flag("from") == null) {
                Copy extra = configCopy(i, facts, plan);
                if (extra != null && extra.from().equals("/")) {
                    // COPY shell2http / : a file /shell2http or the folder's contents in /, which cannot be copied
                    // whole (r32: nanoserverless reads /shell2http)
                    return Decision.refuse("`" + Commands.snippet(i, 30) + "` (line " + i.line() + ") copies into /, "
                            + "which the runtime cannot receive whole: what it put there is not known");
                }
                // a later RUN that removes it (rm -rf /tmp/app) leaves nothing to copy: COPY --from would fail
                if (extra != null && copies.stream().noneMatch(c -> Effect.under(extra.from(), c.from()))
                        && !effects.removedAfter(extra.from(), i)) {
                    copies.add(extra);
                    notes.add(extra.to() + " (copied from the context into the build) goes to the runtime too");
                }
            }
        }
        String name = root ? null : user.split(":")[0];
        boolean sameImageLine = ImageRef.parse(choice.image()).repository().equals(image.repository());
        boolean created = name != null && effects.all(Effect.Kind.USER).stream().anyMatch(e -> e.path().equals(name));
        // a COPY --chown by the name of a user or group the build made (the image itself runs as root): the runtime
        // stage must know the name, or the COPY fails
        String owner = null;
        for (Copy c : copies) {
            if (c.chown() == null) continue;
            for (String part : c.chown().split(":")) {
                if (!part.matches("\\d+|root") && effects.all(Effect.Kind.USER).stream().anyMatch(e -> e.path().equals(part))) owner = part;
            }
        }
        boolean ownerOnly = name == null && owner != null;
        boolean userFiles = name != null && !name.matches("\\d+|nobody|nonroot") && (created || !sameImageLine);
        if (ownerOnly || userFiles) {
            // first: a COPY --chown names the user, and the runtime stage must know it by then
            copies.add(0, new Copy("/etc/group", "/etc/group"));
            copies.add(0, new Copy("/etc/passwd", "/etc/passwd"));
        }
        if (ownerOnly) {
            notes.add("user " + owner + ", made by the build and owner of copied files, comes with the builder's /etc/passwd and /etc/group");
        } else if (userFiles) {
            notes.add("user " + name + (created ? ", made by the build," : "") + " comes with the builder's /etc/passwd and /etc/group");
        }
        // the original's user, wherever its USER stands; a non-root switch only at the aggressive level
        String runtimeUser = user != null && !userMoved && !root ? user : null;
        if (user == null && choice.candidate().user() != null && level.includes(Level.AGGRESSIVE)) {
            notes.add("runs as the image's non-root user " + choice.candidate().user() + " (uid 65532), where the original ran "
                    + "as root: the app can write only to /tmp and volumes");
        } else if (user == null && choice.candidate().libc().equals("none") && choice.candidate().sizeMb() == 0) {
            runtimeUser = "65534:65534";
            notes.add("runs as uid 65534 (nobody), where the original ran as root: the app can write only to volumes");
        }
        // the builder's CA bundle, where the runtime image has none of its own and the builder has one
        // (an alpine variant of the builder's own image line is built like it, bundle included)
        boolean sameAlpineLine = "alpine".equals(choice.candidate().family()) && in.builder() != null
                && "alpine".equals(in.builder().family()) && ImageRef.parse(choice.image()).repository().equals(image.repository());
        boolean scratch = !choice.candidate().hasCertificates() && Boolean.TRUE.equals(builderCerts) && !sameAlpineLine;
        boolean zoneinfo = !choice.candidate().hasTzdata() && !choice.candidate().hasShell()
                && (facts.packages().contains("tzdata") || facts.envValue("TZ") != null);
        String install = runtimePackages.isEmpty() ? null : table.installCommand(choice.candidate().installs(), runtimePackages);
        dev.whittle.facts.BaseRelease runtimeRelease = dev.whittle.facts.BaseRelease.of(ImageRef.parse(choice.image()), knowledge.facts());
        dev.whittle.facts.Distro runtimeDistro = runtimeRelease == null ? null : runtimeRelease.distro(knowledge.facts());
        if (install != null && runtimeDistro != null && runtimeDistro.hasPackages()) {
            for (String p : runtimePackages) {
                if (!runtimeDistro.has(p.replaceAll("[=:].*", ""))) {
                    return Decision.refuse(runtimeDistro + ", the runtime's release, has no package " + p
                            + ", which the runtime stage would install");
                }
            }
        }
        if (install != null && install.startsWith("apk ") && runtimeRelease != null && runtimeRelease.predatesApkNoCache()) {
            return Decision.refuse("the runtime " + choice.image() + " predates `apk add --no-cache` (Alpine 3.3), which installs "
                    + String.join(" ", runtimePackages));
        }
        String fullTools = FULL_IMAGE_TOOLS.get(image.repository());
        if (fullTools != null && runsUnread != null && !image.tagOrLatest().matches(".*(slim|alpine).*")
                && !choice.image().equals(image.written())) {
            // an archive the build unpacks into what ships may hold programs the app runs with those tools
            // (texcount-bot: a Perl script and ngrok in /code; r31)
            for (Effect e : effects.effects()) {
                if (e.kind() != Effect.Kind.WRITTEN || e.detail() == null || !e.detail().matches("(unzip|tar) .*")
                        || effects.removedLater(e.path(), e)) continue;
                if (copies.stream().anyMatch(c -> Effect.under(e.path(), c.from()))) {
                    return Decision.refuse("`" + Commands.shorten(e.detail(), 30) + "` (line " + e.at().line()
                            + ") unpacks into " + Commands.shorten(e.path(), 30) + ", which ships: the app may run what it "
                            + "holds with tools only " + Commands.shorten(image.shown(), 20) + " has");
                }
            }
            // the full language images are buildpack-deps: what they have beside the language, the runtime lacks
            notes.add("the tools and files " + image.shown() + " has beside " + plan.language() + " (" + fullTools
                    + ") are not in " + choice.image() + ": whittle cannot read whether the app uses them (" + runsUnread + ")");
        }
        List<String> env = runtimeEnv(facts, copies, program);
        List<String> args = new ArrayList<>();
        String used = String.join("\n", env) + "\n" + String.join("\n", moved.stream().map(Instruction::text).toList());
        for (Instruction a : facts.all(Keyword.ARG)) {
            String argName = a.command().values().isEmpty() ? "" : a.command().values().get(0).split("=")[0];
            if (!argName.isEmpty() && Pattern.compile("\\$\\{?" + Pattern.quote(argName) + "\\b").matcher(used).find()) {
                args.add(a.text());
            }
        }
        return new Decision(new Split(facts, plan, choice.candidate(), choice.image(), stage.name() == null ? "builder"
                : stage.name(), builder, install, scratch, zoneinfo, copies, moved, runtimeUser, env, args, notes,
                in.builder() == null ? null : in.builder().sizeMb() + buildOnlySize(facts, table)), null);
    }

    /**
     * Whether the build stage has a CA bundle at /etc/ssl/certs/ca-certificates.crt (the Debian, Ubuntu and alpine
     * path): true when the catalog says its image has one or the stage installs ca-certificates; false when the
     * catalog says it has none and the stage installs nothing (then the original had none either); null when not
     * known (a package may have brought it as a dependency or recommendation; another distribution keeps it elsewhere).
     */
    static Boolean builderCertificates(dev.whittle.facts.Catalog.ImageInfo builder, StageFacts facts) {
        if (builder == null || !Set.of("debian", "ubuntu", "alpine").contains(builder.family())) return null;
        if (Boolean.TRUE.equals(builder.certs()) || facts.packages().contains("ca-certificates")) return true;
        return Boolean.FALSE.equals(builder.certs()) && facts.packages().isEmpty() ? false : null;
    }

    /**
     * What the base image is: the official images' facts (family, C library, release of what a pull gives today)
     * over the catalog's (size, whether a compiler is installed); the catalog's alone for other images.
     */
    private static dev.whittle.facts.Catalog.ImageInfo builderInfo(ImageRef image, Knowledge knowledge) {
        var catalog = knowledge.catalog().lookup(image);
        var official = knowledge.facts().images().lookup(image);
        if (official == null || official.family() == null) return catalog;
        return new dev.whittle.facts.Catalog.ImageInfo(image.repository(), null, official.family(), official.libc(),
                official.release(), catalog == null ? null : catalog.sizeMb(), catalog == null ? null : catalog.cc(),
                catalog == null ? null : catalog.workdir(), catalog == null ? null : catalog.certs());
    }

    /** The libraries a move to the slim variant must bring, or why that move cannot be made. */
    private record FullImageLibraries(List<String> libraries, String refusal) {
        static final FullImageLibraries NONE = new FullImageLibraries(List.of(), null);

        static FullImageLibraries refused(String why) {
            return new FullImageLibraries(List.of(), why);
        }
    }

    /**
     * The runtime libraries a move from the full python image to its slim variant must bring: those of the -dev
     * packages of the full image that the requirements' native packages compile against (all of the table's when
     * there is no requirements file to read for node). None for other images; refused when they are needed and the
     * release's package facts cannot name them, or a python build has no requirements file to read.
     */
    private static FullImageLibraries fullImageLibraries(String language, ImageRef image, Knowledge knowledge, BuildContext context,
                                                   dev.whittle.facts.Distro distro, StageEffects effects,
                                                   List<String> notes) {
        var official = knowledge.facts().images().lookup(image);
        Map<String, List<String>> table = knowledge.packages().fullImageLibraries(language);
        if (table.isEmpty() || official == null || !"debian".equals(official.family())
                || image.tagOrLatest().contains("slim") || image.tagOrLatest().contains("alpine")) {
            return FullImageLibraries.NONE;
        }
        String requirements = String.join("\n", context.files().stream()
                .filter(f -> f.matches(language.equals("node") ? "(.*/)?package\\.json"
                        : "(.*/)?(requirements[^/]*\\.txt|Pipfile|pyproject\\.toml|setup\\.py|setup\\.cfg)"))
                .filter(f -> !f.contains("node_modules/"))
                .map(f -> context.read(f).orElse("")).toList()).toLowerCase(java.util.Locale.ROOT);
        if (language.equals("node")) {
            // the packages an `npm install -g` names are known too; with no local install they are all there is
            List<String> global = new ArrayList<>();
            boolean local = false;
            for (Effect e : effects.effects()) {
                if (e.kind() == Effect.Kind.MODULES && e.path().contains("/lib/node_modules/")) {
                    global.add(e.path().substring(e.path().indexOf("/lib/node_modules/") + "/lib/node_modules/".length()));
                }
                if (e.kind() == Effect.Kind.BUILT && e.detail().matches("(npm|yarn|pnpm)( .*)?")) local = true;
            }
            if (!global.isEmpty() && !requirements.isEmpty()) requirements += "\n" + String.join("\n", global);
            else if (!global.isEmpty() && !local) requirements = String.join("\n", global);
        }
        if (requirements.isEmpty() && language.equals("python")) {
            // round 23: opencv-python's wheel loads libSM and libXext, GitPython runs git, both in the full image
            // (buildpack-deps) and not in -slim; with nothing to read, no guess covers what the packages load
            return FullImageLibraries.refused("no requirements file to read: which of " + Commands.shorten(image.shown(), 30)
                    + "'s libraries and programs (X11, GLib, git) the packages load is not known");
        }
        List<String> devs = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : table.entrySet()) {
            if (requirements.isEmpty() || Pattern.compile("(?m)(^|[\\s\"'\\[,])" + Pattern.quote(e.getKey()) + "\\b")
                    .matcher(requirements).find()) {
                devs.addAll(e.getValue());
                named.add(e.getKey());
            }
        }
        if (devs.isEmpty()) return FullImageLibraries.NONE;
        String unnamed = image.shown() + " has libraries its slim variant lacks, and whittle cannot name their runtime "
                + "packages on " + (distro == null ? "its release" : distro.toString());
        if (distro == null) return FullImageLibraries.refused(unnamed);
        Set<String> libs = new LinkedHashSet<>();
        for (String dev : devs) {
            List<String> found = null;
            for (String alternative : dev.split("\\|")) {
                found = distro.runtimeOf(alternative);
                if (found != null) break;
            }
            if (found == null) return FullImageLibraries.refused(unnamed);
            libs.addAll(found);
        }
        notes.add((requirements.isEmpty() ? "no " + (language.equals("node") ? "package.json" : "requirements")
                + " in a build context to read: " : "the " + (language.equals("node") ? "dependencies" : "requirements") + " name "
                + String.join(", ", named) + ": ") + "the runtime gets the libraries " + image.shown() + " has for them ("
                + String.join(" ", libs) + ")");
        return new FullImageLibraries(new ArrayList<>(libs), null);
    }

    /** The user the image runs as: the value of the stage's last USER, wherever it stands; null for none (root). */
    static String effectiveUser(Stage stage) {
        String user = null;
        for (Instruction i : stage.instructions()) if (i.kind() == Keyword.USER) user = String.join(" ", i.command().values());
        return user;
    }

    /**
     * Without a build context whittle cannot see which files the program reads by a relative path, so the runtime also
     * receives the working directory when the build put files there; with one, the Go planner has checked the sources.
     * Refused when those files were put in / itself (no WORKDIR to copy).
     */
    private static String addWorkdir(StageFacts facts, StageEffects effects, Plan plan, BuildContext context,
                                     List<Copy> copies, List<String> notes) {
        if (plan.language().equals("node") || plan.language().equals("python")) return null; // the app directory is copied
        if (plan.language().equals("go") && !context.withSuffix(".go").isEmpty()) return null; // the sources were read
        String dir = facts.workdir();
        if (dir == null) return "the working directory is not known, and the program may read files from it";
        // what the plan copies anyway (the binary go install put in /go/bin) and Go's module cache do not count; in the
        // base image's own GOPATH (/go, no WORKDIR of the file's) only files the Dockerfile copies there do
        boolean gopath = dir.equals(facts.startWorkdir()) && dir.equals("/go");
        boolean filled = effects.effects().stream().anyMatch(e -> (e.kind() == Effect.Kind.COPIED || !gopath && e.kind() == Effect.Kind.BUILT
                || !gopath && e.kind() == Effect.Kind.WRITTEN) && Effect.under(e.path(), dir)
                && copies.stream().noneMatch(c -> Effect.under(e.path(), c.from())) && !Effect.under(e.path(), "/go/pkg")
                && !(e.kind() == Effect.Kind.BUILT && e.detail().matches("go (install|get)\\b.*"))
                && !effects.removedLater(e.path(), e)); // gone before the image is made (rm -rf /go)
        if (!filled) return null;
        if (dir.equals("/")) {
            boolean rootItself = effects.effects().stream().anyMatch(e -> e.kind() == Effect.Kind.COPIED && "/".equals(e.path()));
            return rootItself ? "the build copies its files into / with no WORKDIR, and the program may read them by a "
                    + "relative path: whittle cannot copy / to the runtime" : null;
        }
        if (copies.stream().anyMatch(c -> Effect.under(dir, c.from()))) return null;
        copies.removeIf(c -> c.from().equals(c.to()) && Effect.under(c.from(), dir)); // the directory brings them
        copies.add(new Copy(dir, dir));
        notes.add("the working directory " + dir + " is copied too: the program may read files from it (whittle checks "
                + "that only in the Go sources of a build context)");
        return null;
    }

    /**
     * The programs the full official language images have from buildpack-deps (its scm layer for golang, the whole
     * of it for node and python) that their -slim variants, distroless and alpine lack, and a data file their
     * standard libraries read (mime types: r32's transfer.sh): an app may start or read them.
     */
    private static final Map<String, String> FULL_IMAGE_TOOLS = Map.of(
            "node", "git, curl, wget, ssh, perl, python3, make; /etc/mime.types",
            "python", "git, curl, wget, ssh, perl, make, gcc; /etc/mime.types",
            "golang", "git, curl, wget, ssh, svn, hg; /etc/mime.types, which Go's mime package reads");

    /** Why a runtime package cannot simply be installed again: it comes from a package source the build adds. */
    private static String thirdPartyPackage(StageEffects effects, Set<String> runtimePackages) {
        Effect source = null;
        for (Effect e : effects.effects()) {
            if (e.kind() == Effect.Kind.SOURCE_ADDED && source == null) source = e;
            if (source != null && e.kind() == Effect.Kind.INSTALLED && runtimePackages.contains(e.path())) {
                return e.path() + " is installed after the build adds a package source (`"
                        + dev.whittle.facts.Commands.shorten(source.detail(), 36) + "`): the runtime would get the "
                        + "distribution's";
            }
        }
        return null;
    }

    /** MB the build-only packages add to the build image (those the table knows). */
    private static int buildOnlySize(StageFacts facts, PackageTable table) {
        return facts.packages().stream().filter(table::buildOnly).mapToInt(table::sizeMb).sum();
    }

    private static final Pattern VARIABLE = StageFacts.VARIABLE;

    /** The ENV lines the runtime keeps: the file's own, without the variables that only steer the build. */
    private static List<String> runtimeEnv(StageFacts facts, List<Copy> copies, String program) {
        // the package manager's own settings stay when the container starts through it (npm start reads NPM_CONFIG_*)
        Pattern startTool = Set.of("npm", "npx").contains(program) ? Pattern.compile("NPM_CONFIG_.*")
                : program.equals("yarn") ? Pattern.compile("YARN_.*|NPM_CONFIG_.*") : null;
        // what a shell-form start command names keeps its value: the runtime's shell expands it as the original's did
        Set<String> keep = new java.util.HashSet<>(facts.start().variables());
        Set<String> defined = new java.util.HashSet<>();
        for (Instruction i : facts.all(Keyword.ENV)) {
            List<String> v = i.command().values();
            for (int k = 0; k + 1 < v.size(); k += 3) {
                defined.add(v.get(k));
                if (!BUILD_ENV.matcher(v.get(k)).matches() || v.get(k).equals("PATH") && pathToCopies(v.get(k + 1), copies, facts.workdir())
                        || startTool != null && startTool.matcher(v.get(k)).matches()) {
                    keep.add(v.get(k));
                }
            }
        }
        // a kept value that names a build variable of the file (SRCPATH=${GOPATH}/src) keeps that variable too:
        // without it the runtime's value would be another (/src)
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Instruction i : facts.all(Keyword.ENV)) {
                List<String> v = i.command().values();
                for (int k = 0; k + 1 < v.size(); k += 3) {
                    if (!keep.contains(v.get(k))) continue;
                    Matcher named = VARIABLE.matcher(v.get(k + 1));
                    while (named.find()) {
                        String name = named.group(1) != null ? named.group(1) : named.group(2);
                        if (defined.contains(name) && keep.add(name)) grew = true;
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Instruction i : facts.all(Keyword.ENV)) {
            List<String> v = i.command().values();
            List<String> kept = new ArrayList<>();
            for (int k = 0; k + 1 < v.size(); k += 3) {
                if (keep.contains(v.get(k))) kept.add(v.get(k) + "=" + v.get(k + 1));
            }
            if (kept.size() * 3 == v.size()) out.add(i.text());
            else if (!kept.isEmpty()) out.add(dev.whittle.edit.Style.keyword(i, "ENV") + " " + String.join(" ", kept));
        }
        return out;
    }

    /** The absolute paths the ENV values the runtime keeps name (not the toolchain's variables). */
    private static List<String> namedPaths(StageFacts facts) {
        List<String> out = new ArrayList<>();
        for (var e : facts.env().entrySet()) {
            if (BUILD_ENV.matcher(e.getKey()).matches()) continue;
            for (String token : e.getValue().split("[\\s:=,;]+")) {
                if (token.startsWith("/") && token.length() > 1 && !token.contains("$")) out.add(token.replaceAll("/+$", ""));
            }
        }
        return out;
    }

    /**
     * Whether a PATH value puts a directory the runtime receives in front of (or after) the image's own PATH
     * ({@code /usr/src/node_modules/.bin:$PATH}): the start command may find its programs there. A PATH that
     * replaces the image's, or names none of the copies, stays a build setting. A relative entry
     * ({@code node_modules/.bin}) is looked up from the working directory the container starts in.
     */
    private static boolean pathToCopies(String value, List<Copy> copies, String workdir) {
        String[] parts = value.split(":");
        if (java.util.Arrays.stream(parts).noneMatch(p -> p.equals("$PATH") || p.equals("${PATH}"))) return false;
        return java.util.Arrays.stream(parts)
                .map(p -> p.startsWith("/") || p.isEmpty() || p.contains("$") || workdir == null ? p
                        : StageFacts.resolve(workdir, p, Map.of()))
                .anyMatch(p -> p != null && p.startsWith("/") && copies.stream().anyMatch(c -> Effect.under(p, c.to())
                        && !c.to().equals("/etc/passwd") && !c.to().equals("/etc/group")));
    }

    /**
     * A file the build copies in that is not build input (config, init scripts): kept in the runtime at
     * the same place. Null for build input, and for files inside the directory the plan copies whole; a copy into /
     * itself is returned as {@code /}, which the caller refuses.
     */
    private static Copy configCopy(Instruction i, StageFacts facts, Plan plan) {
        List<String> v = i.command().values();
        if (v.size() < 2 || i.command().original().contains("<<")) return null;
        for (String src : v.subList(0, v.size() - 1)) {
            String base = src.replaceAll("/+$", "");
            base = base.substring(base.lastIndexOf('/') + 1);
            if (INPUT_NAMES.contains(src) || INPUT_NAMES.contains(base) || base.matches(".*\\.(go|rs|c|h|cc|cpp|java|kt|py|js|ts)")
                    || base.startsWith("requirements")) {
                return null;
            }
        }
        String dest = StageFacts.resolve(facts.workdirAt(i), v.get(v.size() - 1), facts.env());
        if (dest == null) return null;
        if (dest.equals("/")) return new Copy("/", "/"); // the caller refuses: / cannot be copied
        for (Copy c : plan.copies()) if (dest.equals(c.from()) || dest.startsWith(c.from() + "/")) return null;
        return new Copy(dest, dest);
    }
}
