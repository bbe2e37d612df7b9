package dev.whittle.cli;

import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.batch.FileResult;
import dev.whittle.config.Settings;
import dev.whittle.core.Change;
import dev.whittle.report.MachineReport;
import dev.whittle.core.Severity;
import dev.whittle.report.UnifiedDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check",
        description = {
            "Report what optimize would change, and exit 1 if anything would (or a user rule reports an error).",
            "For CI and pre-commit. Directories are walked for Dockerfiles (as batch does).",
            "",
            "  whittle check .                                    changes on stderr, exit 1 when any",
            "  whittle check --format sarif . > whittle.sarif     GitHub code scanning, Azure DevOps",
            "  whittle check --format github .                    annotations on a GitHub pull request",
            "  whittle check --format codeclimate . > gl-code-quality.json   GitLab code quality",
            "  whittle check --format checkstyle . > whittle.xml  Jenkins (Warnings NG), review bots",
            "  whittle check --format junit . > whittle-junit.xml one test case per file, for any CI",
            "  whittle check --stdin-filename svc/Dockerfile - < buffer       the text on stdin"
        },
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = ReportFormat.Converter.class,
            description = ReportFormat.NAMES + " (default text: changes on stderr; the others: the full report on stdout).")
    ReportFormat format;

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    StandardInput stdin;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Dockerfiles or directories; - for standard input.")
    List<Path> paths;

    @ParentCommand
    Whittle whittle;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = settingsOptions.settings(spec);
        boolean fromStdin = stdin.asked(spec, paths, false);
        PrintWriter err = spec.commandLine().getErr();
        MachineReport report = format.open(spec.commandLine().getOut(), settingsOptions.levelName(), settings);
        DockerfileFinder.Found found = fromStdin ? new DockerfileFinder.Found(List.of(), List.of()) : DockerfileFinder.find(paths);
        int[] code = {found.problems().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT};
        for (DockerfileFinder.Problem p : found.problems()) Results.problem(err, report, p);
        int[] changed = {0};
        int[] errors = {0};
        Consumer<FileResult> take = r -> {
            code[0] = Results.worst(code[0], r);
            Results.addTo(report, r);
            if (r.error() != null || !format.machine()) Results.print(err, r);
            if (r.changed()) changed[0]++;
            for (Change c : r.changes()) if (Severity.of(c) == Severity.ERROR) errors[0]++;
        };
        if (fromStdin) {
            take.accept(stdin.process(whittle.in(), settings));
        } else {
            BatchRun.run(found.targets(), settings, Runtime.getRuntime().availableProcessors(),
                    t -> UnifiedDiff.pathOf(t.file()), take);
        }
        if (format.machine()) {
            report.close();
        } else {
            err.printf("%d of %d file(s) would change%s%n", changed[0], fromStdin ? 1 : found.targets().size(),
                    errors[0] == 0 ? "" : "; " + errors[0] + " error(s) from user rules");
        }
        err.flush();
        if (code[0] != ExitCodes.OK) return code[0];
        return changed[0] > 0 || errors[0] > 0 ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
