package dev.whittle.batch;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file atomically (temporary file in the same folder, then rename), keeping its permissions. A
 * temporary file still open when the JVM is stopped (Ctrl-C, SIGTERM) is removed by a shutdown hook, so an
 * interrupted run leaves each file either as it was or fully rewritten.
 */
public final class FileRewriter {
    private FileRewriter() {}

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LOCK) {
                stopping = true; // threads go on running while the JVM stops: no new temporary file from here
                for (Path p : PENDING) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort while the JVM stops
                    }
                }
            }
        }, "whittle-temp-cleanup"));
    }

    /**
     * A temporary file beside {@code target}, removed should the JVM stop before {@link #settled} is called
     * for it (after it was moved into place or deleted).
     */
    public static Path temporary(Path target) throws IOException {
        return newTemp(target.toAbsolutePath());
    }

    /** The temporary file was moved into place or deleted: nothing to remove on stop. */
    public static void settled(Path tmp) {
        PENDING.remove(tmp);
    }

    /** A temporary file beside the target, registered for removal should the JVM stop. */
    private static Path newTemp(Path target) throws IOException {
        synchronized (LOCK) {
            if (stopping) throw new IOException("whittle is stopping; " + target + " left as it was");
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".whittle");
            PENDING.add(tmp);
            return tmp;
        }
    }

    /** Whether the file's owner may write it (root ignores the bit; whittle does not). */
    public static boolean ownerWritable(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            return Files.isWritable(file);
        }
    }

    /** Replaces an existing file's content (through symbolic links), keeping its permissions. */
    public static void write(Path file, byte[] content) throws IOException {
        Path real = file.toRealPath();
        Set<PosixFilePermission> perms = null;
        try {
            perms = Files.getPosixFilePermissions(real);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: nothing to keep
        }
        replace(real, content, perms);
    }

    private static void replace(Path target, byte[] content, Set<PosixFilePermission> perms) throws IOException {
        Path tmp = newTemp(target);
        try {
            Files.write(tmp, content);
            if (perms != null) Files.setPosixFilePermissions(tmp, perms);
            else if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            PENDING.remove(tmp);
        }
    }

    /**
     * A new file written in pieces: the text goes to a temporary file beside the target, which replaces the
     * target only on {@link Staged#commit()}.
     */
    public static Staged stage(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        return new Staged(target, newTemp(target));
    }

    /** A file being written; see {@link #stage(Path)}. */
    public static final class Staged implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final java.io.OutputStream out;
        private boolean done;

        private Staged(Path target, Path tmp) throws IOException {
            this.target = target;
            this.tmp = tmp;
            this.out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
        }

        /** Appends text, byte for byte as whittle read it (see {@link dev.whittle.syntax.SourceText#encode}). */
        public void write(String text) throws IOException {
            out.write(dev.whittle.syntax.SourceText.encode(text));
        }

        /** Puts the finished file in place. */
        public void commit() throws IOException {
            out.close();
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            PENDING.remove(tmp);
        }

        /** Drops the temporary file unless committed. */
        @Override
        public void close() throws IOException {
            if (done) return;
            out.close();
            Files.deleteIfExists(tmp);
            PENDING.remove(tmp);
        }
    }
}
