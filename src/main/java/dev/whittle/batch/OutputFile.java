package dev.whittle.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file whittle writes whole, such as a patch: a new or regular file gets the text through a temporary file
 * and a rename on {@link #commit()}, so it is either as it was or complete; a symbolic link is written through
 * to its target (a link to nothing is refused); a device or FIFO ({@code /dev/stdout}, {@code /dev/null}) is
 * written in place and never replaced; a folder or socket is refused.
 */
public final class OutputFile implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final OutputStream out;
    private boolean done;

    private OutputFile(Path target, Path tmp, OutputStream out) {
        this.target = target;
        this.tmp = tmp;
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /**
     * Opens the file for writing.
     *
     * @throws FileRewriter.Refused when it is something whittle does not write (the message says what)
     */
    public static OutputFile create(Path path) throws IOException {
        Path target = path.toAbsolutePath();
        BasicFileAttributes a = attributes(target);
        if (a != null && a.isSymbolicLink()) {
            try {
                target = target.toRealPath();
            } catch (NoSuchFileException e) {
                throw new FileRewriter.Refused("a symbolic link to nothing; not followed");
            }
            a = attributes(target);
        }
        if (a == null || a.isRegularFile()) {
            Path tmp = FileRewriter.createTemporary(target);
            try {
                return new OutputFile(target, tmp, FileRewriter.append(tmp));
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                FileRewriter.settled(tmp);
                throw e;
            }
        }
        String kind = DockerfileFinder.kind(target);
        if (a.isDirectory() || kind.contains("socket")) {
            throw new FileRewriter.Refused(kind + "; whittle writes regular files, devices and FIFOs");
        }
        // a device or a FIFO: written in place, never replaced by a rename
        return new OutputFile(target, null, Files.newOutputStream(target, StandardOpenOption.WRITE));
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Appends text, byte for byte as whittle read it (see {@link dev.whittle.syntax.SourceText#encode}). */
    public void write(String text) throws IOException {
        out.write(dev.whittle.syntax.SourceText.encode(text));
    }

    /** Puts the finished file in place (a regular file keeps its permissions; a new one is rw-r--r--). */
    public void commit() throws IOException {
        out.close();
        if (tmp == null) {
            done = true;
            return;
        }
        try {
            try {
                Files.setPosixFilePermissions(tmp, Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                        ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            FileRewriter.settled(tmp);
        }
    }

    /** Drops the temporary file unless committed (the target stays as it was). */
    @Override
    public void close() throws IOException {
        if (done) return;
        done = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // a full disk: what matters is that the temporary file goes
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
                FileRewriter.settled(tmp);
            }
        }
    }
}
