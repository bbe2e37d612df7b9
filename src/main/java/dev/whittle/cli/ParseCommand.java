package dev.whittle.cli;

import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.syntax.BuildkitDump;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.syntax.SourceText;
import dev.whittle.syntax.SyntaxError;
import dev.whittle.tree.Dockerfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "parse",
        description = {
            "Parse Dockerfiles the way BuildKit does.",
            "",
            "  whittle parse --dump Dockerfile         print BuildKit's AST dump of one file",
            "  whittle parse --roundtrip DIR FILE...   check that every file prints back byte for byte",
            "",
            "Directories are walked for Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile and Containerfile",
            "(skipping .git, node_modules and vendor; symbolic links are not followed)."
        },
        mixinStandardHelpOptions = true)
final class ParseCommand implements java.util.concurrent.Callable<Integer> {

    static final class Mode {
        @picocli.CommandLine.Option(names = "--dump", description = "Print BuildKit's AST dump (one line per instruction).")
        boolean dump;

        @picocli.CommandLine.Option(names = "--roundtrip",
                description = "Parse and print every file; exit 1 if any does not print back identically.")
        boolean roundtrip;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Dockerfiles or directories.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (mode.dump) {
            if (paths.size() != 1 || Files.isDirectory(paths.get(0))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--dump takes exactly one file");
            }
            Path file = paths.get(0);
            Dockerfile tree;
            try {
                tree = DockerfileReader.read(BatchRun.read(new DockerfileFinder.Target(file, parentOf(file))));
            } catch (SyntaxError e) {
                err.println(e.format(file.toString()));
                return ExitCodes.BAD_INPUT;
            } catch (IOException e) {
                err.println(file + ": cannot read: " + DockerfileFinder.reason(e));
                return ExitCodes.BAD_INPUT;
            }
            out.print(BuildkitDump.dump(tree));
            out.flush();
            return ExitCodes.OK;
        }
        return roundtrip(out, err);
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file : parent;
    }

    private int roundtrip(PrintWriter out, PrintWriter err) {
        DockerfileFinder.Found found = DockerfileFinder.find(paths);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger(found.problems().size());
        AtomicInteger differ = new AtomicInteger();
        for (DockerfileFinder.Problem p : found.problems()) err.println(p.format());
        found.targets().parallelStream().forEach(target -> {
            Path file = target.file();
            String problem;
            try {
                byte[] bytes = BatchRun.read(target);
                Dockerfile tree = DockerfileReader.read(bytes);
                if (Arrays.equals(bytes, SourceText.encode(tree.print()))) {
                    ok.incrementAndGet();
                    return;
                }
                differ.incrementAndGet();
                problem = file + ": does not print back identically";
            } catch (SyntaxError e) {
                refused.incrementAndGet();
                problem = e.format(file.toString());
            } catch (IOException e) {
                refused.incrementAndGet();
                problem = file + ": cannot read: " + DockerfileFinder.reason(e);
            } catch (IllegalStateException e) {
                differ.incrementAndGet();
                problem = file + ": " + e.getMessage();
            }
            synchronized (err) {
                err.println(problem);
            }
        });
        int total = ok.get() + refused.get() + differ.get();
        err.printf("%d files: %d round-trip exactly, %d refused as bad input, %d do not round-trip%n",
                total, ok.get(), refused.get(), differ.get());
        err.flush();
        out.flush();
        if (differ.get() > 0) return ExitCodes.CHANGES;
        return refused.get() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
}
