package dev.whittle.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fault injection for tests, always inside the test's own temporary folder: FIFOs and device nodes made there
 * (never the machine's /dev), tiny tmpfs and read-only bind mounts made there and unmounted by {@link #close()}.
 * What the machine does not permit (mounting without privileges) skips the test with a message saying so.
 */
final class Faults implements AutoCloseable {
    private final Deque<Path> mounts = new ArrayDeque<>();

    /** Runs a command; its exit code (output discarded). */
    static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    static Path fifo(Path p) throws Exception {
        assumeTrue(run("mkfifo", p.toString()) == 0, "mkfifo is not available here; test skipped");
        return p;
    }

    /** A character device with the numbers of /dev/null, made in the test's folder (needs root). */
    static Path nullDevice(Path p) throws Exception {
        assumeTrue(run("mknod", p.toString(), "c", "1", "3") == 0, "mknod is not permitted here (needs root); test skipped");
        return p;
    }

    /** The file type bits of a path's mode, links not followed. */
    static int type(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
    }

    static final int FIFO = 0010000;
    static final int CHARACTER_DEVICE = 0020000;
    static final int REGULAR = 0100000;
    static final int SYMBOLIC_LINK = 0120000;
    static final int SOCKET = 0140000;

    /** A tmpfs of {@code kilobytes} mounted on a new folder {@code at}. */
    Path tmpfs(Path at, int kilobytes) throws Exception {
        Files.createDirectories(at);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k,mode=755", "tmpfs", at.toString()) == 0,
                "mounting a tmpfs is not permitted here (needs root / CAP_SYS_ADMIN); test skipped");
        mounts.push(at);
        return at;
    }

    /** The folder {@code at} bind-mounted on itself, read-only. */
    Path readOnly(Path at) throws Exception {
        assumeTrue(run("mount", "--bind", at.toString(), at.toString()) == 0,
                "bind mounts are not permitted here (needs root / CAP_SYS_ADMIN); test skipped");
        mounts.push(at);
        assumeTrue(run("mount", "-o", "remount,ro,bind", at.toString()) == 0,
                "read-only remounts are not permitted here; test skipped");
        return at;
    }

    /** Fills a file system until it is full: a file of as many bytes as it takes. */
    static void fill(Path file) {
        byte[] block = new byte[1024];
        try (var out = Files.newOutputStream(file)) {
            while (true) out.write(block);
        } catch (IOException full) {
            // No space left on device: what was wanted
        }
    }

    @Override
    public void close() throws Exception {
        while (!mounts.isEmpty()) {
            Path m = mounts.pop();
            if (run("umount", m.toString()) != 0) run("umount", "-l", m.toString());
        }
    }
}
