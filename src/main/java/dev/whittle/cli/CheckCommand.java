package dev.whittle.cli;

import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.config.Settings;
import dev.whittle.report.MachineReport;
import dev.whittle.report.UnifiedDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check",
        description = {
            "Report what optimize would change, and exit 1 if anything would. For CI and pre-commit.",
            "Directories are walked for Dockerfiles (as batch does).",
            "",
            "  whittle check .                       changes on stderr, exit 1 when any",
            "  whittle check --format sarif . > whittle.sarif   for code scanning"
        },
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = ReportFormat.Converter.class,
            description = "text (default: changes on stderr), json or sarif (the full report on stdout).")
    ReportFormat format;

    @Mixin
    SettingsOptions settingsOptions;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Dockerfiles or directories.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = settingsOptions.settings(spec);
        PrintWriter err = spec.commandLine().getErr();
        MachineReport report = format.open(spec.commandLine().getOut(), settingsOptions.levelName());
        DockerfileFinder.Found found = DockerfileFinder.find(paths);
        int[] code = {found.problems().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT};
        for (DockerfileFinder.Problem p : found.problems()) Results.problem(err, report, p);
        int[] changed = {0};
        BatchRun.run(found.targets(), settings, Runtime.getRuntime().availableProcessors(),
                t -> UnifiedDiff.pathOf(t.file()), r -> {
                    code[0] = Results.worst(code[0], r);
                    Results.addTo(report, r);
                    if (r.error() != null || !format.machine()) Results.print(err, r);
                    if (r.changed()) changed[0]++;
                });
        if (format.machine()) {
            report.close();
        } else {
            err.printf("%d of %d file(s) would change%n", changed[0], found.targets().size());
        }
        err.flush();
        if (code[0] != ExitCodes.OK) return code[0];
        return changed[0] > 0 ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
