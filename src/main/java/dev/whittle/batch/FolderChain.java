package dev.whittle.batch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;

/**
 * Opens a folder below a base folder one name at a time, never following a symbolic link (openat with
 * O_NOFOLLOW on Linux), so that what is read or written there is inside the base even when a folder on the
 * way is swapped for a link while whittle runs. Where the platform has no such streams, null.
 */
final class FolderChain {
    private FolderChain() {}

    /** A folder on the way is no longer a folder (a symbolic link now, or gone). */
    static final class Moved extends IOException {
        Moved(String message) {
            super(message);
        }
    }

    /**
     * The folder {@code dir} (a real path at or below the real path {@code base}), opened from {@code base}
     * without following links; the caller closes it. Null when the platform has no secure directory streams.
     *
     * @throws Moved when a folder on the way is a symbolic link or not a folder any more
     */
    static SecureDirectoryStream<Path> open(Path base, Path dir) throws IOException {
        DirectoryStream<Path> first = Files.newDirectoryStream(base);
        if (!(first instanceof SecureDirectoryStream<Path> current)) {
            first.close();
            return null;
        }
        try {
            for (Path name : base.relativize(dir)) {
                if (name.toString().isEmpty()) continue;
                SecureDirectoryStream<Path> next;
                try {
                    next = current.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
                } catch (NotDirectoryException e) {
                    throw new Moved(base.relativize(dir) + ": " + name + " is not a folder any more");
                } catch (FileSystemException e) {
                    if (isLoop(e)) throw new Moved(name + " on the way to " + dir + " is now a symbolic link");
                    throw e;
                }
                current.close();
                current = next;
            }
            return current;
        } catch (IOException | RuntimeException e) {
            current.close();
            throw e;
        }
    }

    /** ELOOP: what opening a symbolic link with O_NOFOLLOW gives. */
    static boolean isLoop(FileSystemException e) {
        String reason = e.getReason();
        return reason != null && reason.contains("symbolic links");
    }
}
