package dev.whittle.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces files atomically: the new text goes to a temporary file in the same folder, which is renamed over
 * the file. The folder is opened from the root one name at a time without following links, so a folder
 * swapped for a symbolic link mid-run cannot send the write outside the root. Just before the rename the file
 * is read again: one that changed since whittle read it, is not a regular file any more, has other hard links
 * or whose owner cannot be kept is left as it was ({@link Refused}). The new file keeps the old one's
 * permissions, owner and group.
 *
 * <p>A temporary file still open when the JVM is stopped (Ctrl-C, SIGTERM) is removed by a shutdown hook;
 * one left by a killed run ({@code .NAME.PID-N.whittle}, PID no longer running) is removed by the next run
 * that writes in its folder ({@link #sweep}).
 */
public final class FileRewriter {
    private FileRewriter() {}

    /** The file was left as it was, for the reason given. */
    public static final class Refused extends IOException {
        public Refused(String reason) {
            super(reason);
        }
    }

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Object LOCK = new Object();
    private static boolean stopping;
    private static final long PID = ProcessHandle.current().pid();
    /** A temporary file of this version: {@code .NAME.PID-RANDOM.whittle}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.(\\d+)-\\d+\\.whittle");
    /** One of earlier versions ({@code .NAME.RANDOM.whittle}): no process id, so it is removed when old. */
    private static final Pattern OLD_TEMPORARY = Pattern.compile("\\..+\\.\\d{6,}\\.whittle");
    private static final long OLD_AGE_MILLIS = 60L * 60 * 1000;

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

    /** The name of a new temporary file beside {@code name} (at most 100 bytes of the name, so it fits in 255). */
    static String temporaryName(String name) {
        String kept = name;
        if (kept.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 100) {
            int end = 0;
            int bytes = 0;
            while (end < kept.length()) {
                int cp = kept.codePointAt(end);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > 100) break;
                bytes += size;
                end += Character.charCount(cp);
            }
            kept = kept.substring(0, end);
        }
        return "." + kept + "." + PID + "-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + ".whittle";
    }

    /** Registers a temporary file for removal should the JVM stop; refuses once it is stopping. */
    static void pending(Path tmp) throws IOException {
        synchronized (LOCK) {
            if (stopping) throw new IOException("whittle is stopping; nothing more is written");
            PENDING.add(tmp);
        }
    }

    /** The temporary file was moved into place or deleted: nothing to remove on stop. */
    static void settled(Path tmp) {
        PENDING.remove(tmp);
    }

    /** Whether the file's owner may write it (root ignores the bit; whittle does not). */
    public static boolean ownerWritable(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            return Files.isWritable(file);
        }
    }

    /**
     * Replaces a Dockerfile read earlier, if it still holds what was read.
     *
     * @param target   the file and its root: a symbolic link found under a root is written through only to a
     *                 target inside that root; one named on the command line to its target wherever it is
     * @param expected the bytes whittle read
     * @param content  the new bytes
     * @throws Refused     when the file was left alone on purpose (the message says why)
     * @throws IOException when it could not be written (a full or read-only disk...); it is as it was
     */
    public static void replace(DockerfileFinder.Target target, byte[] expected, byte[] content) throws IOException {
        Path real;
        try {
            real = target.file().toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Refused("removed since whittle read it");
        }
        Path base = real.getRoot();
        if (!target.named()) {
            Path root = target.root().toRealPath();
            if (!real.startsWith(root)) throw new Refused("now a symbolic link out of " + target.root() + "; not followed");
            base = root;
        }
        Path name = real.getFileName();
        try (SecureDirectoryStream<Path> dir = FolderChain.open(base, real.getParent())) {
            if (dir == null) {
                replaceByPath(real, expected, content);
                return;
            }
            PosixFileAttributeView view = dir.getFileAttributeView(name, PosixFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes before = view.readAttributes();
            check(real, before);
            String tmp = temporaryName(name.toString());
            Path tmpPath = real.resolveSibling(tmp);
            pending(tmpPath);
            try {
                try (SeekableByteChannel out = dir.newByteChannel(Path.of(tmp), Set.<java.nio.file.OpenOption>of(StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS))) {
                    writeAll(out, content);
                }
                PosixFileAttributeView tmpView = dir.getFileAttributeView(Path.of(tmp), PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                keepOwner(tmpView, before);
                tmpView.setPermissions(before.permissions());
                // the last look before the rename: still the same regular file, with what was read
                PosixFileAttributes now = view.readAttributes();
                check(real, now);
                // the file as it was stays open across the rename: an edit that lands in it between this last look
                // and the rename (an editor truncating and writing in place) is seen after, and put back
                try (SeekableByteChannel old = dir.newByteChannel(name, Set.<java.nio.file.OpenOption>of(StandardOpenOption.READ,
                        LinkOption.NOFOLLOW_LINKS))) {
                    if (!same(before, now) || !Arrays.equals(expected, readAll(old))) {
                        throw new Refused("changed since whittle read it; left as it was (run whittle again)");
                    }
                    dir.move(Path.of(tmp), dir, name);
                    byte[] after = readAll(old.position(0));
                    if (!Arrays.equals(expected, after)) {
                        putBack(dir, name, after, before);
                        throw new Refused("changed since whittle read it, while it wrote; the edit was put back (run whittle again)");
                    }
                }
            } catch (IOException | RuntimeException e) {
                try {
                    dir.deleteFile(Path.of(tmp));
                } catch (IOException ignored) {
                    // it was moved into place, or never created
                }
                throw e;
            } finally {
                settled(tmpPath);
            }
        } catch (FolderChain.Moved e) {
            throw new Refused(e.getMessage() + "; not followed");
        }
    }

    /**
     * Creates a file beside a Dockerfile (a proposed .dockerignore), only where no file of that name is: the name is
     * created exclusively in the Dockerfile's folder, opened as {@link #replace} opens it (no link followed on the
     * way), and removed again when it cannot be written whole.
     *
     * @throws Refused     when a file of that name is there by now (it is left as it is), or the way there moved
     * @throws IOException when it could not be written; nothing is left behind
     */
    public static void createBeside(DockerfileFinder.Target target, dev.whittle.core.NewFile file) throws IOException {
        if (file.name().contains("/") || file.name().equals("..") || file.name().equals(".")) {
            throw new IllegalArgumentException("not a name in the Dockerfile's folder: " + file.name());
        }
        Path real = target.file().toRealPath();
        Path base = target.named() ? real.getRoot() : target.root().toRealPath();
        if (!real.startsWith(base)) throw new Refused("now a symbolic link out of " + target.root() + "; not followed");
        Path name = Path.of(file.name());
        byte[] content = file.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (SecureDirectoryStream<Path> dir = FolderChain.open(base, real.getParent())) {
            if (dir == null) {
                Path p = real.resolveSibling(file.name());
                try {
                    Files.write(p, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    throw new Refused(file.name() + " is there now; left as it is");
                }
                return;
            }
            try (SeekableByteChannel out = dir.newByteChannel(name, Set.<java.nio.file.OpenOption>of(StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS))) {
                try {
                    writeAll(out, content);
                } catch (IOException | RuntimeException e) {
                    dir.deleteFile(name);
                    throw e;
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new Refused(file.name() + " is there now; left as it is");
            }
        } catch (FolderChain.Moved e) {
            throw new Refused(e.getMessage() + "; not followed");
        }
    }

    /** Refuses what is not a plain file of its own: not regular, or other hard links to it. */
    private static void check(Path real, BasicFileAttributes a) throws IOException {
        if (a.isSymbolicLink()) throw new Refused("now a symbolic link; not followed");
        if (!a.isRegularFile()) throw new Refused("not a regular file any more (" + DockerfileFinder.kind(real) + ")");
        Object links = Files.getAttribute(real, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        if (links instanceof Integer n && n > 1) {
            throw new Refused("has " + n + " hard links; replacing it would split them, so it is left as it was");
        }
    }

    private static boolean same(BasicFileAttributes a, BasicFileAttributes b) {
        return java.util.Objects.equals(a.fileKey(), b.fileKey()) && a.size() == b.size();
    }

    private static void keepOwner(PosixFileAttributeView tmp, PosixFileAttributes original) throws IOException {
        PosixFileAttributes made = tmp.readAttributes();
        try {
            if (!made.owner().equals(original.owner())) tmp.setOwner(original.owner());
            if (!made.group().equals(original.group())) tmp.setGroup(original.group());
        } catch (FileSystemException e) {
            throw new Refused("its owner " + original.owner().getName() + ":" + original.group().getName()
                    + " cannot be kept (" + DockerfileFinder.reason(e) + "); left as it was");
        }
    }

    private static void writeAll(SeekableByteChannel out, byte[] content) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(content);
        while (b.hasRemaining()) out.write(b);
    }

    private static byte[] readAll(SeekableByteChannel in) throws IOException {
        return Channels.newInputStream(in).readNBytes((int) BatchRun.MAX_BYTES + 1);
    }

    /** Writes the edited bytes back over whittle's file (the same way: a temporary file renamed), owner kept. */
    private static void putBack(SecureDirectoryStream<Path> dir, Path name, byte[] edited, PosixFileAttributes original)
            throws IOException {
        Path tmp = Path.of(temporaryName(name.toString()));
        try (SeekableByteChannel out = dir.newByteChannel(tmp, Set.<java.nio.file.OpenOption>of(StandardOpenOption.WRITE,
                StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS))) {
            writeAll(out, edited);
        }
        PosixFileAttributeView tmpView = dir.getFileAttributeView(tmp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        try {
            keepOwner(tmpView, original);
            tmpView.setPermissions(original.permissions());
        } catch (IOException e) {
            // the edit matters more than the owner: it goes back anyway
        }
        dir.move(tmp, dir, name);
    }

    /** Without secure directory streams (not Linux): the same checks by path. */
    private static void replaceByPath(Path real, byte[] expected, byte[] content) throws IOException {
        PosixFileAttributes before = Files.readAttributes(real, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        check(real, before);
        Path tmp = real.resolveSibling(temporaryName(real.getFileName().toString()));
        pending(tmp);
        try {
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            keepOwner(view, before);
            view.setPermissions(before.permissions());
            if (!Arrays.equals(expected, Files.readAllBytes(real))) {
                throw new Refused("changed since whittle read it; left as it was (run whittle again)");
            }
            Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
            settled(tmp);
        }
    }

    /**
     * Removes the temporary files an earlier run left in a folder when it was killed: of this version when the
     * process that made them is gone, of earlier versions when older than an hour. Only regular files whose
     * names have that exact shape are touched.
     *
     * @param entries the folder's entries (as a walk of it lists them)
     */
    public static void sweep(List<Path> entries) {
        for (Path e : entries) {
            String name = e.getFileName().toString();
            if (!name.endsWith(".whittle") || name.charAt(0) != '.') continue;
            try {
                Matcher m = TEMPORARY.matcher(name);
                boolean stale;
                if (m.matches()) {
                    long pid = Long.parseLong(m.group(1));
                    stale = pid != PID && ProcessHandle.of(pid).isEmpty();
                } else if (OLD_TEMPORARY.matcher(name).matches()) {
                    FileTime t = Files.getLastModifiedTime(e, LinkOption.NOFOLLOW_LINKS);
                    stale = System.currentTimeMillis() - t.toMillis() > OLD_AGE_MILLIS;
                } else {
                    continue;
                }
                if (stale && Files.isRegularFile(e, LinkOption.NOFOLLOW_LINKS)) Files.deleteIfExists(e);
            } catch (IOException | NumberFormatException ignored) {
                // not ours to worry about: it is left where it is
            }
        }
    }

    /** {@link #sweep} for one folder, listed here. */
    public static void sweep(Path dir) {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            sweep(s.filter(p -> p.getFileName().toString().endsWith(".whittle")).toList());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // an unreadable folder: nothing to sweep
        }
    }

    /** A new temporary file beside {@code target}, created and registered; used for patches. */
    static Path createTemporary(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = target.resolveSibling(temporaryName(target.getFileName().toString()));
            pending(tmp);
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                settled(tmp);
                if (attempt > 10) throw e;
            } catch (IOException e) {
                settled(tmp);
                throw e;
            }
        }
    }

    /** Opens a temporary file made by {@link #createTemporary} for appending. */
    static OutputStream append(Path tmp) throws IOException {
        return Files.newOutputStream(tmp, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
    }
}
