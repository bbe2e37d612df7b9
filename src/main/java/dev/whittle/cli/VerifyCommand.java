package dev.whittle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.batch.FileResult;
import dev.whittle.config.Settings;
import dev.whittle.verify.Engine;
import dev.whittle.verify.Verifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
            "Build a Dockerfile and whittle's rewrite of it, and check that the rewrite behaves the same.",
            "Compares image sizes and layers, runs the same check in both images, and fails when the rewrite does not",
            "build or behaves differently.",
            "",
            "  whittle verify Dockerfile                       runs each image's own start command for 10 s",
            "  whittle verify --smoke 'app --version' Dockerfile   a command in each image (no shell)",
            "  whittle verify --http 8080/health Dockerfile    starts each image, GET http://127.0.0.1:8080/health",
            "",
            "Engine: docker, podman or buildah, the first that works here (or --engine). The two images are",
            "removed afterwards. Exit 0: same behaviour; 3: the rewrite does not build or behaves differently;",
            "2: no engine, or the original does not build."
        },
        mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--engine", paramLabel = "NAME", description = "docker, podman or buildah (default: the first that works).")
    String engineName;

    @Option(names = "--smoke", paramLabel = "CMD", description = "A command to run in both images instead of their own start command.")
    String smoke;

    @Option(names = "--http", paramLabel = "PORT/PATH", description = "Start both images and compare their answer to this request.")
    String http;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit of the check in each image (default: ${DEFAULT-VALUE}).")
    int timeout = 10;

    @Option(names = "--build-timeout", paramLabel = "SECONDS", description = "Time limit of each build (default: ${DEFAULT-VALUE}).")
    int buildTimeout = 1800;

    @Option(names = "--no-pull", description = "Use only images the engine already has (podman, buildah).")
    boolean noPull;

    @Option(names = "--no-cache", description = "Build both without the engine's cached steps (cold build times).")
    boolean noCache;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = ReportFormat.Converter.class,
            description = "text (default) or json.")
    ReportFormat format;

    @Mixin
    SettingsOptions settingsOptions;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The Dockerfile.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = settingsOptions.settings(spec);
        if (smoke != null && http != null) throw new ParameterException(spec.commandLine(), "--smoke and --http exclude each other");
        if (format == ReportFormat.SARIF) throw new ParameterException(spec.commandLine(), "verify writes text or json");
        Verifier.Check check = check();
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
                .verify(file, r.output(), context, check);
        if (format == ReportFormat.JSON) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            print(out, report);
        }
        out.flush();
        if (report.originalFailed()) {
            err.println(file + ": the original does not build, so there is nothing to compare:\n" + report.before().log());
            return ExitCodes.BAD_INPUT;
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }

    private Verifier.Check check() {
        Duration limit = Duration.ofSeconds(timeout);
        if (http != null) {
            int slash = http.indexOf('/');
            String port = slash < 0 ? http : http.substring(0, slash);
            try {
                return Verifier.Check.http(Integer.parseInt(port.replace(":", "")), slash < 0 ? "/" : http.substring(slash), limit);
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--http " + http + ": expected PORT/PATH, e.g. 8080/health");
            }
        }
        if (smoke != null) return Verifier.Check.command(List.of(smoke.trim().split("\\s+")), limit);
        return Verifier.Check.ownStart(limit);
    }

    private static void print(PrintWriter out, Verifier.Report r) {
        out.printf("engine: %s; check: %s%n", r.engine(), r.check());
        out.printf("%-10s %12s %8s %10s  %s%n", "", "size", "layers", "build", "check");
        row(out, "original", r.before());
        if (r.after() != null) row(out, "rewrite", r.after());
        if (r.after() != null && r.after().built()) {
            out.printf("saving: %s (%.1fx smaller)%n", Verifier.size(r.before().sizeBytes() - r.after().sizeBytes()), r.ratio());
        }
        out.println(r.passed() ? "verified: the rewrite builds and behaves the same" : "NOT verified: " + r.verdict());
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
