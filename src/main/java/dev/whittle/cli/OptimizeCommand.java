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
import picocli.CommandLine.ParentCommand;
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
            "  whittle optimize --stdin-filename svc/Dockerfile - < buffer   the text on stdin, as svc/Dockerfile",
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
            description = ReportFormat.NAMES + ": text (default), or the full report on stdout (with --write, after "
                    + "writing); see whittle check --help.")
    ReportFormat format;

    @Mixin
    SettingsOptions settingsOptions;

    @Mixin
    StandardInput stdin;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Dockerfiles, or folders to search for them; - for standard input.")
    List<Path> paths;

    @ParentCommand
    Whittle whittle;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = settingsOptions.settings(spec);
        boolean fromStdin = stdin.asked(spec, paths, output.write);
        DockerfileFinder.Found found = fromStdin ? new DockerfileFinder.Found(List.of(), List.of()) : DockerfileFinder.find(paths);
        List<Path> files = found.files();
        if (!fromStdin && (files.size() > 1 || files.size() < paths.size() || paths.stream().anyMatch(java.nio.file.Files::isDirectory))
                && !output.diff && !output.write && !format.machine()) {
            throw new ParameterException(spec.commandLine(),
                    "several files need --diff or --write (stdout holds one rewritten file)");
        }
        if (format.machine() && output.diff) {
            throw new ParameterException(spec.commandLine(), "--format " + format.label() + " already holds the changes; drop --diff");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MachineReport report = format.open(out, settingsOptions.levelName(), settings);
        int code = found.problems().isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        for (DockerfileFinder.Problem p : found.problems()) Results.problem(err, report, p);
        int changed = 0;
        int seen = 0;
        if (fromStdin) {
            FileResult r = stdin.process(whittle.in(), settings);
            seen++;
            code = Results.worst(code, r);
            if (show(r, report, out, err)) changed++;
        }
        java.util.Set<Path> swept = new java.util.HashSet<>();
        for (DockerfileFinder.Target target : found.targets()) {
            FileResult r = BatchRun.process(target, settings, t -> UnifiedDiff.pathOf(t.file()), output.write);
            seen++;
            code = Results.worst(code, r);
            if (!output.write) {
                if (show(r, report, out, err)) changed++;
                continue;
            }
            Results.addTo(report, r);
            if (r.error() != null || !format.machine()) Results.print(err, r);
            if (r.error() != null || !r.changed()) continue;
            changed++;
            Path folder = target.file().toAbsolutePath().getParent();
            if (folder != null && swept.add(folder)) FileRewriter.sweep(folder); // what a killed run left
            String problem = Results.write(r);
            if (problem != null) {
                err.println(problem);
                code = Results.worst(code, ExitCodes.BAD_INPUT);
                changed--;
            }
        }
        if (report != null) report.close();
        else err.printf("%d of %d file(s) %s%n", changed, seen, output.write ? "rewritten" : "would change");
        out.flush();
        err.flush();
        return code;
    }

    /** Reports one result and prints its diff or rewritten text; whether it changed. */
    private boolean show(FileResult r, MachineReport report, PrintWriter out, PrintWriter err) {
        Results.addTo(report, r);
        if (r.error() != null || !format.machine()) Results.print(err, r);
        if (r.error() != null) return false;
        if (output.diff) out.print(r.diff());
        else if (!format.machine()) out.print(r.output());
        return r.changed();
    }
}
