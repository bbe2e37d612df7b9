package dev.whittle.cli;

import dev.whittle.batch.OutputFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A report written to a file (--html) like a patch: a regular file is replaced through a temporary file and a rename,
 * a device or FIFO is written in place, a link is written through to its target; a socket or folder is refused.
 */
final class ReportFile {
    private ReportFile() {}

    /** @return null when written, else {@code path: why not} */
    static String write(Path file, String text) {
        try (OutputFile out = OutputFile.create(file)) {
            out.write(text);
            out.commit();
            return null;
        } catch (IOException e) {
            return file + ": " + e.getMessage();
        }
    }
}
