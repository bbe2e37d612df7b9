package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.facts.StageFacts;
import dev.whittle.facts.ToolVersions;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.util.List;
import java.util.Set;

/** In a stage that ships, the last RUN that runs the go tool removes the build and module caches. */
public final class GoBuildCache extends CacheRule {
    private static final PassInfo INFO = new PassInfo("go-build-cache", "Go build and module caches removed",
            "In an image that ships the Go toolchain, remove the build and module caches after the last go command.",
            Level.SAFE, List.of(),
            "go build and go mod download fill the build cache (~/.cache/go-build) and the module cache "
                    + "(GOPATH/pkg/mod); in a single-stage image both ship, often several hundred MB. whittle "
                    + "appends `go clean -cache -modcache` to the last RUN of the stage that runs go (Go 1.11 and newer: the "
                    + "version must be known, from the golang tag, a Go tarball or the release's golang package), only "
                    + "when the RUN does not remove the directory it ends in and nothing after it uses go again (no later RUN, CMD or ENTRYPOINT mentions go: `go run` at "
                    + "start-up would need the modules). A builder stage (the better fix, see the stage-split "
                    + "pass) is left alone.");

    private static final Set<String> FILLING = Set.of("build", "install", "get", "mod", "test", "generate", "vet");

    private static final java.util.regex.Pattern GO_WORD = java.util.regex.Pattern.compile("\\bgo\\b");

    public GoBuildCache() {
        super("go");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected boolean fills(SimpleCommand c, Context ctx) {
        if (!Commands.isProgram(c, "go")) return false;
        String sub = c.args().stream().filter(a -> !a.startsWith("-")).findFirst().orElse("");
        if (!FILLING.contains(sub)) return false;
        return !sub.equals("mod") || c.hasArg("download") || c.hasArg("tidy");
    }

    @Override
    protected boolean cacheOff(Context ctx) {
        return ctx.script().script().commands().stream().anyMatch(c -> c.assignments().stream()
                .anyMatch(a -> a.text().startsWith("GOCACHE=") || a.text().startsWith("GOMODCACHE=")));
    }

    @Override
    protected boolean cleans(SimpleCommand c, Context ctx) {
        return Commands.isProgram(c, "go") && c.hasArg("clean")
                || Commands.removes(c, "/root/.cache/go-build", "~/.cache/go-build", "/go/pkg/mod");
    }

    /** Programs a later RUN may run without needing the Go caches. */
    private static final Set<String> HARMLESS = Set.of("chmod", "chown", "chgrp", "mkdir", "rm", "ln", "cp", "mv",
            "touch", "echo", "printf", "true", "useradd", "adduser", "addgroup", "groupadd", "usermod", "apk",
            "apt-get", "apt", "yum", "dnf", "sed", "cat", "tee", "setcap", "update-ca-certificates", "strip", "upx", "wget",
            "curl", "tar", "unzip", "gzip", "gunzip", "xz", "bzip2", "ls", "cd", "export", "test", "[", "install",
            "sha256sum", "md5sum", "grep", "locale-gen", "ldconfig", "dpkg-reconfigure");

    @Override
    protected String reasonToLeave(Context ctx) {
        var knowledge = ctx.pass().knowledge();
        String version = ToolVersions.go(ctx.file(), ctx.stage(), ctx.run(), null, knowledge.facts(),
                ctx.pass().context());
        if (!ToolVersions.atLeast(version, "1.11")) {
            return "the Go caches stay: `go clean -cache -modcache` needs Go 1.11, and " + (version == null
                    ? "the Go version here is not known" : "this stage has Go " + version);
        }
        String gone = removedWorkdir(ctx);
        if (gone != null && gone.isEmpty()) {
            return "the Go caches stay: the directory the RUN ends in is not known (a WORKDIR or cd whittle cannot resolve), "
                    + "and it may be gone when a command appended to it runs";
        }
        if (gone != null) {
            return "the Go caches stay: the RUN removes " + gone + ", the directory a command appended to it would run in";
        }
        boolean after = false;
        for (Instruction i : ctx.stage().instructions()) {
            if (i == ctx.run()) {
                after = true;
                continue;
            }
            if (!after) continue;
            Keyword k = i.kind();
            boolean go = GO_WORD.matcher(i.command().original()).find();
            if (k == Keyword.RUN && go) return ""; // the last RUN that runs go gets the cleanup
            if ((k == Keyword.CMD || k == Keyword.ENTRYPOINT) && go) {
                return "the Go caches stay: " + i.command().keyword().toUpperCase(java.util.Locale.ROOT)
                        + " runs go when the container starts; build a binary instead (see the stage-split pass)";
            }
            if (k == Keyword.RUN) {
                dev.whittle.edit.RunScript later = dev.whittle.edit.RunScript.of(i, ctx.file());
                boolean harmless = later != null && later.script().commands().stream()
                        .allMatch(c -> HARMLESS.contains(Commands.program(c)));
                if (!harmless) {
                    return "the Go caches stay: a later RUN (`" + Commands.snippet(i, 40) + "`) may run go (make, a script) "
                            + "and would download everything again";
                }
            }
        }
        return null;
    }

    /** The directory the RUN ends in, when the RUN itself removes it (or a directory above it); "" when it is not known; else null. */
    private static String removedWorkdir(Context ctx) {
        String cwd = StageFacts.of(ctx.stage(), ctx.pass().knowledge().catalog()
                .startWorkdir(dev.whittle.facts.ImageRef.parse(ctx.stage().baseImage()))).workdirAt(ctx.run());
        java.util.List<String> removed = new java.util.ArrayList<>();
        for (SimpleCommand c : ctx.script().script().commands()) {
            if (Commands.isProgram(c, "cd")) {
                cwd = StageFacts.resolve(cwd, c.args().isEmpty() ? "/root" : c.args().get(0), ctx.env());
            } else if (Commands.isProgram(c, "rm")) {
                for (String a : c.args()) if (!a.startsWith("-")) removed.add(StageFacts.resolve(cwd, a, ctx.env()));
            }
        }
        if (cwd == null) return ""; // not known
        for (String r : removed) if (r != null && dev.whittle.facts.Effect.under(cwd, r)) return r;
        return null;
    }

    @Override
    protected String cleanup(Context ctx) {
        return "go clean -cache -modcache";
    }

    @Override
    protected String message() {
        return "Go build and module caches removed after the last go command";
    }
}
