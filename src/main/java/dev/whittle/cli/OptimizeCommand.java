package dev.whittle.cli;

import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.batch.FileResult;
import dev.whittle.batch.FileRewriter;
import dev.whittle.config.Settings;
import dev.whittle.report.MachineReport;
import dev.whittle.report.UnifiedDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "optimize",
        description = {
            "Rewrite Dockerfiles. Prints the rewritten file on stdout and the changes on stderr.",
            "",
            "  whittle optimize Dockerfile                 rewritten file on stdout",
            "  whittle optimize --diff Dockerfile          unified diff (git apply / patch -p1)",
            "  whittle optimize --write .                  rewrite every Dockerfile under . in place (atomic)",
            "  whittle optimize --format json Dockerfile   full report (changes, findings, diff) as JSON",
            "  whittle optimize --format sarif Dockerfile  SARIF 2.1.0 for code-scanning dashboards",
            "",
            "Settings come from the nearest .whittle.yaml at or above each Dockerfile; flags override them.",
            "Passes and levels: whittle rules; one pass in detail: whittle explain ID.",
            "Suppress a pass for one instruction with a comment above it: # whittle ignore=ID[,ID]",
            "(a '# hadolint ignore=DLxxxx' also suppresses the pass that fixes DLxxxx)."
        },
        mixinStandardHelpOptions = true)
final class OptimizeCommand implements Callable<Integer> {

    static final class Output {
        @Option(names = "--diff", description = "Print a unified diff instead of the rewritten file.")
        boolean diff;

        @Option(names = "--write", description = "Rewrite the files in place.")
        boolean write;
    }

    @ArgGroup(exclusive = true)
    Output output = new Output();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = ReportFormat.Converter.class,
            description = "text (default), json or sarif: the full report on stdout (with --write, after writing).")
    ReportFormat format;

    @Mixin
    SettingsOptions settingsOptions;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Dockerfiles, or folders to search for them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = settingsOptions.settings(spec);
        DockerfileFinder.Found found = DockerfileFinder.find(paths);
        List<Path> files = found.files();
        if ((files.size() > 1 || files.size() < paths.size() || paths.stream().anyMatch(java.nio.file.Files::isDirectory))
                && !output.diff && !output.write && !format.machine()) {
            throw new ParameterException(spec.commandLine(),
                    "several files need --diff or --write (stdout holds one rewritten file)");
        }
        if (format.machine() && output.diff) {
            throw new ParameterException(spec.commandLine(), "--format " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " already holds the changes; drop --diff");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MachineReport report = format.open(out, settingsOptions.levelName());
        int code = found.problems().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        for (DockerfileFinder.Problem p : found.problems()) Results.problem(err, report, p);
        int changed = 0;
        java.util.Set<Path> swept = new java.util.HashSet<>();
        for (DockerfileFinder.Target target : found.targets()) {
            FileResult r = BatchRun.process(target, settings, t -> UnifiedDiff.pathOf(t.file()), output.write);
            code = Results.worst(code, r);
            Results.addTo(report, r);
            if (r.error() != null || !format.machine()) Results.print(err, r);
            if (r.error() != null) continue;
            if (r.changed()) changed++;
            if (output.diff) {
                out.print(r.diff());
            } else if (output.write) {
                if (!r.changed()) continue;
                Path folder = target.file().toAbsolutePath().getParent();
                if (folder != null && swept.add(folder)) FileRewriter.sweep(folder); // what a killed run left
                String problem = Results.write(r);
                if (problem != null) {
                    err.println(problem);
                    code = Results.worst(code, ExitCodes.BAD_INPUT);
                    changed--;
                }
            } else if (!format.machine()) {
                out.print(r.output());
            }
        }
        if (report != null) report.close();
        else err.printf("%d of %d file(s) %s%n", changed, files.size(), output.write ? "rewritten" : "would change");
        out.flush();
        err.flush();
        return code;
    }
}
