package dev.whittle.report;

import dev.whittle.core.Change;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A report for machines (JSON, SARIF, Checkstyle, Code Climate, GitHub annotations, JUnit), written as the files
 * come: a batch over 100,000 Dockerfiles never holds the whole report in memory. Call {@link #file} or
 * {@link #error} per file, then {@link #close}.
 */
public abstract class MachineReport implements AutoCloseable {

    private int files;
    private int changed;
    private int errors;
    private int rewrites;
    private int findings;

    /** The summary counts of a report. */
    public record Summary(int files, int changed, int errors, int rewrites, int findings) {}

    /** A file that was read and optimized at {@code level} (lower case). */
    public final synchronized void file(String path, String level, List<Change> changes, boolean isChanged, String diff) {
        files++;
        if (isChanged) changed++;
        for (Change c : changes) {
            if (c.applied()) rewrites++;
            else findings++;
        }
        try {
            writeFile(path, level, changes, isChanged, diff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file that could not be read or optimized; the message is {@code path[:line:col]: what is wrong}. */
    public final synchronized void error(String path, String message) {
        files++;
        errors++;
        try {
            writeError(path, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's path as the reports name it: relative to the current folder, '/'-separated (see UnifiedDiff). */
    protected static String relative(String path) {
        return UnifiedDiff.pathOf(java.nio.file.Path.of(path));
    }

    protected Summary summary() {
        return new Summary(files, changed, errors, rewrites, findings);
    }

    protected abstract void writeFile(String path, String level, List<Change> changes, boolean isChanged, String diff)
            throws IOException;

    protected abstract void writeError(String path, String message) throws IOException;

    /** Writes what ends the document (summary, closing elements). */
    protected abstract void finish() throws IOException;

    /** Pushes everything written to the output. */
    protected abstract void flush() throws IOException;

    /** Ends the document and flushes it. */
    @Override
    public final synchronized void close() {
        try {
            finish();
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
