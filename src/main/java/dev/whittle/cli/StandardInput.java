package dev.whittle.cli;

import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.batch.FileResult;
import dev.whittle.config.Settings;
import dev.whittle.report.UnifiedDiff;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code -} as the PATH of optimize and check: the Dockerfile comes on standard input, and
 * {@code --stdin-filename PATH} says which file it stands for (the convention of ruff, eslint and prettier): its
 * nearest .whittle.yaml, its folder as build context and its name in messages, diffs and reports. Without it
 * the text is named {@code -}, the .whittle.yaml is looked for from the current folder, and there is no build
 * context (the passes that read one stay cautious).
 */
final class StandardInput {

    @Option(names = "--stdin-filename", paramLabel = "PATH",
            description = "With '-' as PATH: the file standard input stands for (its .whittle.yaml, its folder as "
                    + "build context, its name in messages and reports). The file itself is not read.")
    Path stdinFilename;

    /** Whether the paths ask for standard input; checks that '-' stands alone and the options fit it. */
    boolean asked(CommandSpec spec, List<Path> paths, boolean write) {
        boolean dash = paths.stream().anyMatch(p -> p.toString().equals("-"));
        if (!dash) {
            if (stdinFilename != null) {
                throw new ParameterException(spec.commandLine(), "--stdin-filename names standard input: give - as the PATH");
            }
            return false;
        }
        if (paths.size() > 1) {
            throw new ParameterException(spec.commandLine(), "- (standard input) is the only PATH when it is given");
        }
        if (write) {
            throw new ParameterException(spec.commandLine(),
                    "--write cannot rewrite standard input; the rewritten file goes to stdout without it");
        }
        return true;
    }

    /** Reads standard input and optimizes it as the file it stands for. */
    FileResult process(InputStream in, Settings settings) {
        Path file = stdinFilename != null ? stdinFilename : Path.of("-");
        Path parent = file.toAbsolutePath().getParent();
        DockerfileFinder.Target target = new DockerfileFinder.Target(file, parent == null ? file : parent);
        byte[] bytes;
        try {
            bytes = BatchRun.read(in);
        } catch (IOException e) {
            return FileResult.failed(target, file + ": cannot read standard input: " + DockerfileFinder.reason(e), false);
        }
        return BatchRun.process(target, bytes, stdinFilename != null, settings,
                t -> stdinFilename != null ? UnifiedDiff.pathOf(t.file()) : "-", false);
    }
}
