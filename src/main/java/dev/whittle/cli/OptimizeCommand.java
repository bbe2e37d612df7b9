package dev.whittle.cli;

import dev.whittle.analysis.BuildContext;
import dev.whittle.pass.Level;
import dev.whittle.pass.Optimizer;
import dev.whittle.pass.Passes;
import dev.whittle.report.Change;
import dev.whittle.report.JsonReport;
import dev.whittle.report.UnifiedDiff;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.template.Knowledge;
import dev.whittle.syntax.SourceText;
import dev.whittle.syntax.SyntaxError;
import dev.whittle.tree.Dockerfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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
            "  whittle optimize --write Dockerfile ...     rewrite in place (atomic; permissions kept)",
            "  whittle optimize --format json Dockerfile   full report (changes, findings, diff) as JSON",
            "",
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

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json: the full report on stdout (with --write, after writing).",
            converter = FormatConverter.class)
    String format;

    @Option(names = "--level", defaultValue = "balanced", paramLabel = "LEVEL",
            description = "safe, balanced or aggressive (default: ${DEFAULT-VALUE}).",
            converter = LevelConverter.class)
    Level level;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these passes.")
    List<String> only = List.of();

    @Option(names = "--skip", split = ",", paramLabel = "ID", description = "Do not run these passes.")
    List<String> skip = List.of();

    @Option(names = "--context", paramLabel = "DIR",
            description = "The build context (default: each Dockerfile's folder). The stage split reads go.mod, "
                    + "package.json, Cargo.toml ... and Go sources from it.")
    Path context;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Your own catalog.yaml, packages.yaml or runtime/*.stg (each file missing there: the shipped one).")
    Path templates;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Dockerfiles.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    static final class LevelConverter implements picocli.CommandLine.ITypeConverter<Level> {
        @Override
        public Level convert(String value) {
            try {
                return Level.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a level; use safe, balanced or aggressive");
            }
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.equals("text") || value.equals("json")) return value;
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; use text or json");
        }
    }

    Optimizer.Options options() {
        for (String id : concat(only, skip)) {
            if (Passes.byId(id) == null) {
                throw new ParameterException(spec.commandLine(), "unknown pass '" + id + "' (see: whittle rules)");
            }
        }
        Knowledge knowledge;
        try {
            knowledge = templates == null ? Knowledge.shipped() : Knowledge.load(templates);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--templates: " + e.getMessage());
        }
        if (context != null && !Files.isDirectory(context)) {
            throw new ParameterException(spec.commandLine(), "--context " + context + ": not a directory");
        }
        return new Optimizer.Options(level, Set.copyOf(only), Set.copyOf(skip), BuildContext.none(), knowledge);
    }

    /** The build context of a file: --context, else the file's folder. */
    BuildContext contextOf(Path file) {
        return context != null ? BuildContext.of(context) : folderOf(file);
    }

    /** The folder a Dockerfile sits in, as its build context. */
    static BuildContext folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? BuildContext.none() : BuildContext.of(parent);
    }

    private static Set<String> concat(List<String> a, List<String> b) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return s;
    }

    /** One file read and optimized, or the message that says why not. */
    record Outcome(Path file, Optimizer.Result result, String error) {}

    static Outcome process(Path file, Optimizer.Options options) {
        try {
            Dockerfile tree = DockerfileReader.read(Files.readAllBytes(file));
            return new Outcome(file, Optimizer.optimize(tree, options), null);
        } catch (SyntaxError e) {
            return new Outcome(file, null, e.format(file.toString()));
        } catch (IOException e) {
            return new Outcome(file, null, file + ": cannot read: " + DockerfileFinder.reason(e));
        }
    }

    static String diffPath(Path file) {
        Path p = file.normalize();
        if (p.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath();
            p = p.startsWith(cwd) ? cwd.relativize(p) : p.getRoot().relativize(p);
        }
        return p.toString().replace('\\', '/');
    }

    static void addToReport(JsonReport report, Path file, Optimizer.Result r) {
        report.add(file.toString(), r.changes(), r.changed(),
                UnifiedDiff.of(diffPath(file), r.input().print(), r.output().print()));
    }

    static void printChanges(PrintWriter err, Path file, Optimizer.Result r) {
        for (Change c : r.changes()) err.println(c.format(file.toString()));
    }

    @Override
    public Integer call() throws IOException {
        Optimizer.Options options = options();
        if (files.size() > 1 && !output.diff && !output.write) {
            throw new ParameterException(spec.commandLine(),
                    "several files need --diff or --write (stdout holds one rewritten file)");
        }
        boolean json = format.equals("json");
        if (json && output.diff) {
            throw new ParameterException(spec.commandLine(), "--format json already holds the diff; drop --diff");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonReport report = new JsonReport(Whittle.Version.number(), level.name().toLowerCase(java.util.Locale.ROOT));
        int code = ExitCodes.OK;
        int changed = 0;
        for (Path file : files) {
            Outcome o = process(file, options.withContext(contextOf(file)));
            if (o.error() != null) {
                err.println(o.error());
                report.addError(file.toString(), o.error());
                code = ExitCodes.BAD_INPUT;
                continue;
            }
            Optimizer.Result r = o.result();
            String after = r.output().print();
            if (r.changed()) changed++;
            if (json) {
                addToReport(report, file, r);
            } else {
                printChanges(err, file, r);
            }
            if (json && !output.write) {
                continue;
            } else if (output.diff) {
                out.print(UnifiedDiff.of(diffPath(file), r.input().print(), after));
            } else if (output.write) {
                if (!r.changed()) continue;
                if (!FileRewriter.ownerWritable(file)) {
                    err.println(file + ": read-only file; left as it was");
                    code = ExitCodes.BAD_INPUT;
                    continue;
                }
                FileRewriter.write(file, SourceText.encode(after));
            } else {
                out.print(after);
            }
        }
        if (json) out.print(report.toJson());
        else err.printf("%d of %d file(s) %s%n", changed, files.size(), output.write ? "rewritten" : "would change");
        out.flush();
        err.flush();
        return code;
    }
}
