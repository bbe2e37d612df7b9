package dev.whittle.cli;

import dev.whittle.pass.Level;
import dev.whittle.pass.Optimizer;
import dev.whittle.report.JsonReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check",
        description = {
            "Report what optimize would change, and exit 1 if anything would. For CI and pre-commit.",
            "Directories are walked for Dockerfiles."
        },
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--level", defaultValue = "balanced", paramLabel = "LEVEL",
            description = "safe, balanced or aggressive (default: ${DEFAULT-VALUE}).",
            converter = OptimizeCommand.LevelConverter.class)
    Level level;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default: changes on stderr) or json (the full report on stdout).",
            converter = OptimizeCommand.FormatConverter.class)
    String format;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Dockerfiles or directories.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format.equals("json");
        JsonReport report = new JsonReport(Whittle.Version.number(), level.name().toLowerCase(java.util.Locale.ROOT));
        DockerfileFinder.Found found = DockerfileFinder.find(paths);
        boolean bad = !found.problems().isEmpty();
        for (DockerfileFinder.Problem p : found.problems()) {
            err.println(p.path() + ": " + p.message());
            report.addError(p.path().toString(), p.message());
        }
        int changed = 0;
        Optimizer.Options options = new Optimizer.Options(level, Set.of(), Set.of());
        for (Path file : found.files()) {
            OptimizeCommand.Outcome o = OptimizeCommand.process(file, options.withContext(OptimizeCommand.folderOf(file)));
            if (o.error() != null) {
                err.println(o.error());
                report.addError(file.toString(), o.error());
                bad = true;
                continue;
            }
            Optimizer.Result r = o.result();
            if (json) {
                OptimizeCommand.addToReport(report, file, r);
            } else {
                OptimizeCommand.printChanges(err, file, r);
            }
            if (r.changed()) changed++;
        }
        if (json) {
            spec.commandLine().getOut().print(report.toJson());
            spec.commandLine().getOut().flush();
        } else {
            err.printf("%d of %d file(s) would change%n", changed, found.files().size());
        }
        err.flush();
        if (bad) return ExitCodes.BAD_INPUT;
        return changed > 0 ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
