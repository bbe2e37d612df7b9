package dev.whittle.cli;

import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.batch.FileResult;
import dev.whittle.batch.FileRewriter;
import dev.whittle.batch.Patches;
import dev.whittle.batch.Progress;
import dev.whittle.batch.Summary;
import dev.whittle.config.Settings;
import dev.whittle.report.MachineReport;
import dev.whittle.report.UnifiedDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

@Command(name = "batch",
        description = {
            "Optimize every Dockerfile under the roots, in parallel, and summarise. For migration campaigns.",
            "",
            "  whittle batch repos/                          dry run: what would change, summary table",
            "  whittle batch --patch whittle.patch repos/    one patch (git apply whittle.patch)",
            "  whittle batch --patch-dir patches/ repos/     one patch per repository (git -C REPO apply ...)",
            "  whittle batch --write repos/                  rewrite in place",
            "  whittle batch --format sarif repos/ > whittle.sarif",
            "",
            "Finds Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile and Containerfile; skips .git,",
            "node_modules, vendor, what .gitignore files say and --exclude patterns; never follows a link out",
            "of a root. A file that does not read or parse is reported and the batch goes on (exit 2 at the end)."
        },
        mixinStandardHelpOptions = true)
final class BatchCommand implements Callable<Integer> {

    static final class Output {
        @Option(names = "--write", description = "Rewrite the files in place (each atomically).")
        boolean write;

        @Option(names = "--patch", paramLabel = "FILE", description = "Write one patch for all changes (paths relative to here).")
        Path patch;

        @Option(names = "--patch-dir", paramLabel = "DIR",
                description = "Write one patch per repository root (nearest folder with .git, else the root given).")
        Path patchDir;
    }

    @ArgGroup(exclusive = true)
    Output output = new Output();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = ReportFormat.Converter.class,
            description = ReportFormat.NAMES + " (default text: the summary table on stdout; the others: the full "
                    + "report on stdout, the summary on stderr).")
    ReportFormat format;

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Skip paths matching this pattern (.gitignore syntax, relative to each root); repeatable.")
    List<String> excludes = List.of();

    @Option(names = "--no-gitignore", description = "Do not read .gitignore files.")
    boolean noGitignore;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Worker threads (default: one per core).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-v", "--verbose"}, description = "Print every change (path:line: [pass] message) on stderr.")
    boolean verbose;

    @Option(names = "--no-progress", description = "No progress bar or progress lines.")
    boolean noProgress;

    @Option(names = "--time-budget", paramLabel = "SECONDS", defaultValue = "10",
            description = "CPU time one file may take (default: ${DEFAULT-VALUE} s; files take milliseconds): a file "
                    + "that takes longer is reported and the batch goes on.")
    double timeBudget;

    @Mixin
    SettingsOptions settingsOptions;

    @Parameters(paramLabel = "ROOT", arity = "1..*", description = "Folders (or files) to search.")
    List<Path> roots;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Settings settings = settingsOptions.settings(spec);
        if (jobs < 1) throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
        if (!(timeBudget > 0)) throw new ParameterException(spec.commandLine(), "--time-budget must be more than 0 seconds");
        try {
            dev.whittle.batch.IgnoreRules.of(Path.of("."), excludes);
        } catch (dev.whittle.batch.IgnoreRules.BadPattern e) {
            throw new ParameterException(spec.commandLine(), "--exclude: " + e.getMessage());
        }
        if (output.patchDir != null && Files.exists(output.patchDir) && !Files.isDirectory(output.patchDir)) {
            throw new ParameterException(spec.commandLine(), "--patch-dir " + output.patchDir + ": not a directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        MachineReport report = format.open(out, settingsOptions.levelName(), settings);
        int[] code = {ExitCodes.OK};
        Summary summary = new Summary();
        int[] written = {0};
        int[] found = {0};
        Object lock = new Object();
        Patches patches;
        java.util.function.Consumer<String> cannotWrite = problem -> {
            err.println(problem);
            synchronized (lock) {
                code[0] = Results.worst(code[0], ExitCodes.BAD_INPUT);
            }
        };
        try {
            patches = output.patch != null ? Patches.toFile(output.patch, cannotWrite)
                    : output.patchDir != null ? Patches.toDirectory(output.patchDir, cannotWrite) : null;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), (output.patch != null ? "--patch " + output.patch
                    : "--patch-dir " + output.patchDir) + ": cannot write: " + DockerfileFinder.reason(e));
        }
        try (Progress progress = noProgress ? Progress.none() : Progress.forStderr(-1, err)) {
            BatchRun.run(sink -> {
                        DockerfileFinder.find(roots, excludes, !noGitignore, t -> {
                            found[0]++;
                            sink.accept(t);
                        }, p -> {
                            synchronized (lock) {
                                Results.problem(err, report, p);
                                code[0] = Results.worst(code[0], ExitCodes.BAD_INPUT);
                            }
                        }, output.write ? (dir, entries) -> {
                            settings.listed(dir, entries);
                            FileRewriter.sweep(entries); // temporary files a killed run left
                        } : settings::listed);
                        progress.total(found[0]);
                    }, settings, jobs,
                    patches != null ? patches::diffPath : t -> UnifiedDiff.pathOf(t.file()), output.write, timeBudget, r -> {
                        progress.step();
                        summary.add(r);
                        synchronized (lock) {
                            code[0] = Results.worst(code[0], r);
                            Results.addTo(report, r);
                            if (r.error() != null || verbose) Results.print(err, r);
                        }
                        if (patches != null) patches.add(r);
                        if (output.write && r.changed()) {
                            String problem = Results.write(r);
                            if (problem == null) written[0]++;
                            else cannotWrite.accept(problem);
                        }
                    });
            if (patches != null) {
                List<Patches.Written> done = patches.finish();
                for (Patches.Written w : done) {
                    err.println("whittle: wrote " + w.file() + (w.repository() == null ? ""
                            : " (" + w.files() + " file(s) of " + w.repository() + ")"));
                }
                if (output.patchDir != null && !done.isEmpty()) {
                    err.println("whittle: wrote " + output.patchDir.resolve(Patches.INDEX)
                            + " (which patch belongs to which repository)");
                }
            }
        } finally {
            if (patches != null) patches.close();
        }
        String elapsed = String.format("%.1f s", (System.nanoTime() - start) / 1e9);
        String table = summary.table(elapsed);
        if (format.machine()) {
            report.close();
            err.print(table);
        } else {
            out.print(table);
        }
        if (output.write) err.printf("whittle: %d file(s) rewritten%n", written[0]);
        out.flush();
        err.flush();
        return code[0];
    }
}
