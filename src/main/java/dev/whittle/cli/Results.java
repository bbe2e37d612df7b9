package dev.whittle.cli;

import dev.whittle.batch.FileResult;
import dev.whittle.core.Change;
import dev.whittle.report.MachineReport;
import java.io.PrintWriter;
import java.util.Locale;

/** How optimize, check and batch put one file's result into the text output and the machine report. */
final class Results {
    private Results() {}

    /** Adds a result to the report, when there is one. */
    static void addTo(MachineReport report, FileResult r) {
        if (report == null) return;
        String path = r.target().file().toString();
        if (r.error() != null) {
            report.error(path, r.error());
        } else {
            report.file(path, r.level().name().toLowerCase(Locale.ROOT), r.changes(), r.changed(), r.diff());
        }
    }

    /** {@code path:line: [id] message} per change, or the error. */
    static void print(PrintWriter err, FileResult r) {
        if (r.error() != null) {
            err.println(r.error());
            return;
        }
        String path = r.target().file().toString();
        for (Change c : r.changes()) err.println(c.format(path));
    }

    /** The exit code a set of results calls for: internal error over bad input over the given code. */
    static int worst(int code, FileResult r) {
        if (r.error() == null) return code;
        return worst(code, r.internal() ? ExitCodes.INTERNAL : ExitCodes.BAD_INPUT);
    }

    /** The graver of two exit codes: internal error over bad input over anything else. */
    static int worst(int code, int other) {
        if (code == ExitCodes.INTERNAL || other == ExitCodes.INTERNAL) return ExitCodes.INTERNAL;
        return code == ExitCodes.BAD_INPUT || other == ExitCodes.BAD_INPUT ? ExitCodes.BAD_INPUT : code;
    }

    /**
     * Rewrites a changed file in place (atomically, only if it still holds what was read).
     *
     * @return null when written, else {@code path: why}; the file is then as it was
     */
    static String write(FileResult r) {
        java.nio.file.Path file = r.target().file();
        try {
            byte[] content = dev.whittle.syntax.SourceText.encode(r.output());
            if (!java.util.Arrays.equals(content, r.input())) {
                if (!dev.whittle.batch.FileRewriter.ownerWritable(file)) return file + ": read-only file; left as it was";
                dev.whittle.batch.FileRewriter.replace(r.target(), r.input(), content);
            }
            for (dev.whittle.core.NewFile f : r.created()) {
                try {
                    dev.whittle.batch.FileRewriter.createBeside(r.target(), f);
                } catch (dev.whittle.batch.FileRewriter.Refused e) {
                    return file.resolveSibling(f.name()) + ": not created: " + e.getMessage();
                }
            }
            return null;
        } catch (dev.whittle.batch.FileRewriter.Refused e) {
            return file + ": not rewritten: " + e.getMessage();
        } catch (java.io.IOException e) {
            return file + ": cannot write: " + dev.whittle.batch.DockerfileFinder.reason(e) + "; left as it was";
        }
    }

    /** A path the search could not read: on stderr and in the report. */
    static void problem(PrintWriter err, MachineReport report, dev.whittle.batch.DockerfileFinder.Problem p) {
        err.println(p.format());
        if (report != null) report.error(p.path().toString(), p.line() > 0 ? p.format() : p.message());
    }
}
