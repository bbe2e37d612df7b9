package dev.whittle.cli;

import dev.whittle.batch.FileRewriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** A report written to a file (--html): through a temporary file and a rename, never over what is not a regular file. */
final class ReportFile {
    private ReportFile() {}

    /** @return null when written, else {@code path: why not} */
    static String write(Path file, String text) {
        try {
            Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                return file + ": not a regular file; the report is written only to a new or a regular file";
            }
            try (FileRewriter.Staged s = FileRewriter.stage(target)) {
                s.write(text);
                s.commit();
            }
            return null;
        } catch (IOException e) {
            return file + ": " + e.getMessage();
        }
    }
}
