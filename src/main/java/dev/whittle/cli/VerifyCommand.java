package dev.whittle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.batch.FileResult;
import dev.whittle.config.Settings;
import dev.whittle.verify.BodyMatch;
import dev.whittle.verify.BuildPaths;
import dev.whittle.verify.Container;
import dev.whittle.verify.Engine;
import dev.whittle.verify.HtmlReport;
import dev.whittle.verify.HttpCheck;
import dev.whittle.verify.LayerText;
import dev.whittle.verify.Service;
import dev.whittle.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify",
        description = {
            "Build a Dockerfile and its rewrite, compare their sizes, layers, files and behaviour.",
            "",
            "Both images are built with the engine, exported, and their final files compared: verify lists what the",
            "rewrite lacks outside the base image and build-only paths (templates/build-paths.yaml) and fails when the",
            "start command, an entrypoint script or a config file needs a missing one. Then the same check runs in both:",
            "",
            "  whittle verify Dockerfile                         each image's own start command for --timeout seconds",
            "  whittle verify --smoke 'app --version' Dockerfile   a command in each image (exec form, no shell)",
            "  whittle verify --http 8080/health Dockerfile      starts each image, GET http://127.0.0.1:PORT/health",
            "  whittle verify --http 8080/health --compare json --ignore-json /disk/free --layers --html r.html Dockerfile",
            "",
            "HTTP checks are plain HTTP/1.1, asked again every 250 ms until the image answers (--ready), then compared",
            "by status and body (--compare exact|json|regex|status). Each run gets a fresh network namespace (buildah,",
            "as root), pod (podman) or shared network (docker) with fresh host ports and its own copy of the --service",
            "containers, which the image reaches on 127.0.0.1. A server still running at --timeout in both images is",
            "the same; one that ends in one image and runs on in the other is not.",
            "",
            "Engine: docker, podman or buildah, the first that works here (or --engine). Images, containers, pods and",
            "the temporary folder are removed afterwards, also on Ctrl-C or SIGTERM.",
            "",
            "Outcomes:  0 same: the rewrite builds, has what the image needs and behaves the same",
            "           3 different: the rewrite does not build, lacks a needed file, or behaves differently",
            "           5 could not run: neither image answered, the original failed its own check (status, pattern),",
            "             a service did not start, a port was busy, or the engine could not start containers",
            "           2 bad input: no engine, a bad option, or the original does not build"
        },
        mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--engine", paramLabel = "NAME", description = "docker, podman or buildah (default: the first that works).")
    String engineName;

    @Option(names = "--smoke", paramLabel = "CMD", description = "A command to run in both images instead of their CMD (exec form).")
    String smoke;

    @Option(names = "--http", paramLabel = "PORT/PATH", description = "Start both images and compare their answers to "
            + "GET http://127.0.0.1:PORT/PATH (the container's port; repeatable, asked in order).")
    List<String> http = new ArrayList<>();

    @Option(names = "--expect-status", paramLabel = "CODE", description = "The HTTP status both must answer with (default: any, the same in both).")
    int expectStatus;

    @Option(names = "--compare", paramLabel = "MODE", description = "How HTTP bodies are compared: exact (default), json, regex or status.")
    String compare;

    @Option(names = "--ignore-json", paramLabel = "PATH", description = "With --compare json: a field to ignore, as a JSON pointer "
            + "(/disk/free; * for any key or element: /items/*/id). Repeatable.")
    List<String> ignoreJson = new ArrayList<>();

    @Option(names = "--body-regex", paramLabel = "REGEX", description = "With --compare regex: a Java regular expression both bodies must contain.")
    String bodyRegex;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Each HTTP request's time limit, or how long the command "
            + "or start command runs (default: ${DEFAULT-VALUE}).")
    int timeout = 10;

    @Option(names = "--ready", paramLabel = "SECONDS", description = "How long a started image may take to answer (default: ${DEFAULT-VALUE}).")
    int ready = 60;

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "An environment variable for both containers (KEY alone: "
            + "this shell's value). Repeatable.")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "KEY=VALUE lines for both containers, as docker --env-file reads them.")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--arg", paramLabel = "ARG", description = "An argument for both containers: the --arg values replace CMD "
            + "(ENTRYPOINT stays), as with docker run IMAGE ARGS. Repeatable.")
    List<String> args = new ArrayList<>();

    @Option(names = "--service", paramLabel = "IMAGE[:TAG][:PORT]", description = "A dependency started for each run in the same "
            + "network namespace (postgres:16:5432 is waited for on port 5432; redis:7 is not waited for). Repeatable.")
    List<String> services = new ArrayList<>();

    @Option(names = "--layers", description = "Report both images layer by layer: size and instruction, wasted bytes, efficiency, largest files.")
    boolean layers;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the layer report as a self-contained HTML page with charts.")
    Path html;

    @Option(names = "--no-contents", description = "Do not export the images nor compare their files (faster; behaviour only).")
    boolean noContents;

    @Option(names = "--build-timeout", paramLabel = "SECONDS", description = "Time limit of each build (default: ${DEFAULT-VALUE}).")
    int buildTimeout = 1800;

    @Option(names = "--no-pull", description = "Use only images the engine already has (podman, buildah).")
    boolean noPull;

    @Option(names = "--no-cache", description = "Build both without the engine's cached steps (cold build times).")
    boolean noCache;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or html.")
    String format;

    @Mixin
    SettingsOptions settingsOptions;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The Dockerfile.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = settingsOptions.settings(spec);
        String fmt = format.toLowerCase(java.util.Locale.ROOT);
        if (!List.of("text", "json", "html").contains(fmt)) throw bad("--format " + format + ": use text, json or html");
        if (smoke != null && !http.isEmpty()) throw bad("--smoke and --http exclude each other");
        Verifier.Check check = check();
        Verifier.Setup setup = setup(fmt);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path parent = file.toAbsolutePath().getParent();
        FileResult r = BatchRun.process(new DockerfileFinder.Target(file, parent), settings, t -> t.file().toString());
        if (r.error() != null) {
            err.println(r.error());
            return r.internal() ? ExitCodes.INTERNAL : ExitCodes.BAD_INPUT;
        }
        if (!r.changed()) {
            err.println(file + ": whittle changes nothing here; nothing to verify");
            return ExitCodes.OK;
        }
        Engine engine = Engine.find(engineName);
        if (engine == null) {
            err.println("whittle verify: no container engine works here (tried " + (engineName == null
                    ? "docker, podman and buildah" : engineName) + "); install one, or start the Docker daemon");
            return ExitCodes.BAD_INPUT;
        }
        Path context = settingsOptions.context != null ? settingsOptions.context : parent;
        err.println("whittle verify: building " + file + " and its rewrite with " + engine.name() + "...");
        err.flush();
        Verifier.Report report = new Verifier(engine, !noPull, !noCache, Duration.ofSeconds(buildTimeout))
                .verify(file, r.output(), context, check, setup);
        String page = null;
        if (report.before().layerReport() != null && (html != null || fmt.equals("html"))) {
            page = HtmlReport.page(file.toString(), report.before().layerReport(), report.after().layerReport(), report.contents(),
                    verdictLine(report), null);
        }
        if (fmt.equals("json")) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else if (fmt.equals("html") && page != null) {
            out.print(page);
        } else {
            print(out, report);
        }
        out.flush();
        if (html != null && page != null) {
            String failed = ReportFile.write(html, page);
            if (failed != null) {
                err.println(failed);
                return ExitCodes.BAD_INPUT;
            }
        }
        return switch (report.outcome()) {
            case SAME -> ExitCodes.OK;
            case DIFFERENT -> ExitCodes.VERIFY_FAILED;
            case COULD_NOT_RUN -> {
                err.println(file + ": the check could not run: " + report.verdict());
                yield ExitCodes.COULD_NOT_RUN;
            }
            case ORIGINAL_FAILED -> {
                err.println(file + ": the original does not build, so there is nothing to compare:\n" + report.before().log());
                yield ExitCodes.BAD_INPUT;
            }
        };
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private Verifier.Check check() {
        Duration limit = Duration.ofSeconds(timeout);
        Duration readyTime = Duration.ofSeconds(ready);
        if (timeout < 1 || ready < 1) throw bad("--timeout and --ready take a number of seconds, at least 1");
        BodyMatch match;
        try {
            match = BodyMatch.of(compare, ignoreJson, bodyRegex);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        if (http.isEmpty() && (compare != null || !ignoreJson.isEmpty() || bodyRegex != null || expectStatus != 0)) {
            throw bad("--compare, --ignore-json, --body-regex and --expect-status go with --http");
        }
        if (expectStatus != 0 && (expectStatus < 100 || expectStatus > 599)) throw bad("--expect-status " + expectStatus + ": not an HTTP status");
        if (!http.isEmpty()) {
            List<HttpCheck> checks = new ArrayList<>();
            for (String h : http) {
                try {
                    checks.add(HttpCheck.parse(h));
                } catch (IllegalArgumentException e) {
                    throw bad(e.getMessage());
                }
            }
            return new Verifier.Check(checks, null, match, expectStatus, limit, readyTime);
        }
        if (smoke != null) return Verifier.Check.command(List.of(smoke.trim().split("\\s+")), limit).with(match, 0, readyTime);
        return Verifier.Check.ownStart(limit).with(match, 0, readyTime);
    }

    private Verifier.Setup setup(String fmt) {
        Map<String, String> vars = new LinkedHashMap<>();
        try {
            for (Path f : envFiles) Container.readEnvFile(f, vars);
            for (String e : env) Container.parseEnv(e, vars, "--env " + e);
        } catch (IOException e) {
            throw bad("--env-file: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        List<Service> svc = new ArrayList<>();
        for (String s : services) {
            try {
                svc.add(Service.parse(s));
            } catch (IllegalArgumentException e) {
                throw bad(e.getMessage());
            }
        }
        BuildPaths buildPaths;
        try {
            buildPaths = BuildPaths.load(settingsOptions.templates);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        boolean wantLayers = layers || html != null || fmt.equals("html");
        return new Verifier.Setup(new Container(vars, args), svc, wantLayers, !noContents, buildPaths);
    }

    private static String verdictLine(Verifier.Report r) {
        return switch (r.outcome()) {
            case SAME -> "verified: the rewrite builds, has what the image needs and behaves the same";
            case DIFFERENT -> "NOT verified: " + r.verdict();
            case COULD_NOT_RUN -> "could not verify: " + r.verdict();
            case ORIGINAL_FAILED -> "the original does not build";
        };
    }

    private static void print(PrintWriter out, Verifier.Report r) {
        out.printf("engine: %s; check: %s%n", r.engine(), r.check());
        out.printf("%-10s %12s %8s %10s  %s%n", "", "size", "layers", "build", "check");
        row(out, "original", r.before());
        if (r.after() != null) row(out, "rewrite", r.after());
        if (r.after() != null && r.after().built()) {
            out.printf("saving: %s (%.1fx smaller)%n", Verifier.size(r.before().sizeBytes() - r.after().sizeBytes()), r.ratio());
        }
        for (Verifier.Seen s : r.checks()) {
            if (s.difference() != null) out.printf("%s: original %s; rewrite %s%n", s.check(), s.before(), s.after());
        }
        if (r.contents() != null) LayerText.print(out, r.contents());
        if (r.before().layerReport() != null) LayerText.print(out, r.before().layerReport());
        if (r.after() != null && r.after().layerReport() != null) LayerText.print(out, r.after().layerReport());
        out.println(verdictLine(r));
        if (!r.passed() && r.after() != null && r.after().log() != null && !r.after().log().isBlank()) {
            out.println("rewrite log (last lines):");
            out.println(r.after().log());
        }
    }

    private static void row(PrintWriter out, String name, Verifier.Side s) {
        out.printf("%-10s %12s %8s %9.1fs  %s%n", name, s.built() ? Verifier.size(s.sizeBytes()) : "no build",
                s.built() ? String.valueOf(s.layers()) : "-", s.buildSeconds(), s.outcome() == null ? "-" : s.outcome());
    }
}
