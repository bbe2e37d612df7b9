package dev.whittle.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Writes a file atomically (temporary file in the same folder, then rename), keeping its permissions. */
final class FileRewriter {
    private FileRewriter() {}

    /** Whether the file's owner may write it (root ignores the bit; whittle does not). */
    static boolean ownerWritable(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            return Files.isWritable(file);
        }
    }

    static void write(Path file, byte[] content) throws IOException {
        Path real = file.toRealPath();
        Path dir = real.getParent();
        Path tmp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".whittle");
        try {
            Files.write(tmp, content);
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real);
                Files.setPosixFilePermissions(tmp, perms);
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: nothing to keep
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
