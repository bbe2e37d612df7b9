package dev.whittle.cli;

import dev.whittle.batch.DockerfileFinder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks {@code @FILE} arguments before picocli expands them: an argument file must be a regular file of at most
 * {@link #MAX_BYTES} (picocli reads it whole), so a FIFO nobody writes to or {@code @/dev/zero} is refused at
 * once instead of blocking or filling the memory. Argument files named inside argument files are checked too.
 */
final class ArgumentFiles {
    private ArgumentFiles() {}

    /** Enough for a list of 100,000 paths. */
    static final int MAX_BYTES = 16 << 20;
    private static final int MAX_NESTING = 16;

    /** Why an argument file cannot be used, or null when all are fine (or are not files: picocli keeps those). */
    static String problem(String[] args) {
        return problem(args, new HashSet<>(), 0);
    }

    private static String problem(String[] args, Set<Path> seen, int depth) {
        for (String a : args) {
            if (a.length() < 2 || a.charAt(0) != '@') continue;
            Path file;
            try {
                file = Path.of(a.substring(1));
            } catch (java.nio.file.InvalidPathException e) {
                continue;
            }
            if (!Files.exists(file)) continue; // picocli takes it as a plain argument
            if (!Files.isRegularFile(file)) {
                return a + ": " + DockerfileFinder.kind(file.toAbsolutePath()) + ", not a regular file; an argument file "
                        + "is read whole (for a pipe, use xargs)";
            }
            Path real;
            byte[] bytes;
            try {
                real = file.toRealPath();
                if (!seen.add(real)) continue;
                if (depth >= MAX_NESTING) return a + ": argument files nested deeper than " + MAX_NESTING;
                try (InputStream in = Files.newInputStream(real)) {
                    bytes = in.readNBytes(MAX_BYTES + 1);
                }
            } catch (IOException e) {
                return a + ": cannot read: " + DockerfileFinder.reason(e);
            }
            if (bytes.length > MAX_BYTES) return a + ": larger than " + (MAX_BYTES >> 20) + " MB; not an argument file";
            // the words that could name further argument files (more than picocli would take: only @ ones matter)
            String[] words = new String(bytes, StandardCharsets.UTF_8).replace("\"", " ").replace("'", " ").split("\\s+");
            String nested = problem(words, seen, depth + 1);
            if (nested != null) return nested;
        }
        return null;
    }
}
