package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing lost: whittle's writes (--write, --patch, --patch-dir) never replace what is not a regular file,
 * never overwrite an edit made after the file was read, keep owner, group and hard links, and on a full or
 * read-only disk report the path and the reason (exit 2), leave every file as it was and go on.
 */
class SafeWritesTest {

    @TempDir
    Path dir;

    final Faults faults = new Faults();

    @AfterEach
    void unmount() throws Exception {
        faults.close();
    }

    static final String LEGACY = BatchCommandTest.LEGACY;

    private static Path write(Path p, String text) throws Exception {
        return TestTrees.write(p, text);
    }

    private Path repos() throws Exception {
        Path r = dir.resolve("repos");
        write(r.resolve("a/Dockerfile"), LEGACY);
        write(r.resolve("b/Dockerfile"), LEGACY.replace("debian:12", "debian:12-slim"));
        return r;
    }

    private static Map<String, String> snapshot(Path root) throws Exception {
        return TestTrees.snapshot(root);
    }

    private static List<String> leftovers(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".whittle")).toList();
        }
    }

    // --- special files -------------------------------------------------------------------------------------

    @Test
    void aPatchToADeviceIsWrittenInPlaceAndTheDeviceStaysADevice() throws Exception {
        Path device = Faults.nullDevice(dir.resolve("null"));
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch", device.toString(),
                repos().toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(Faults.CHARACTER_DEVICE, Faults.type(device), "never replaced by a regular file");
        assertEquals(List.of(), leftovers(dir));
    }

    @Test
    void aPatchToAFifoIsWrittenInPlace() throws Exception {
        Path fifo = Faults.fifo(dir.resolve("fifo"));
        Path repos = repos();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch", fifo.toString(), repos.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String patch = reader.get(30, TimeUnit.SECONDS);
        assertTrue(patch.contains("+LABEL org.opencontainers.image.authors"), patch);
        assertEquals(Faults.FIFO, Faults.type(fifo));
    }

    @Test
    void aPatchToASocketOrAFolderIsRefusedBeforeAnythingRuns() throws Exception {
        Path socket = dir.resolve("sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch", socket.toString(),
                    repos().toString());
            assertEquals(ExitCodes.BAD_INPUT, r.code());
            assertTrue(r.err().contains("--patch " + socket + ": cannot write: a socket"), r.err());
            assertEquals(Faults.SOCKET, Faults.type(socket));
        }
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch", dir.toString(),
                dir.resolve("repos").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("a directory"), r.err());
    }

    @Test
    void aPatchThroughASymbolicLinkIsWrittenToItsTarget() throws Exception {
        Path target = write(dir.resolve("out/real.patch"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.patch"), target);
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch", link.toString(),
                repos().toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(target).contains("+LABEL"), "its target holds the patch");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.patch"), dir.resolve("nowhere/x"));
        r = ParseCommandTest.run("batch", "--no-progress", "--patch", dangling.toString(), dir.resolve("repos").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("a symbolic link to nothing"), r.err());
        assertTrue(Files.isSymbolicLink(dangling));
    }

    // --- lost updates, owner, hard links ---------------------------------------------------------------------

    @Test
    void anEditMadeAfterWhittleReadTheFileIsNeverOverwritten() throws Exception {
        // the batch runs in its own JVM while this one appends a line to every file; every edit must survive
        Path root = dir.resolve("many");
        int n = 3000;
        for (int i = 0; i < n; i++) write(root.resolve("r" + i + "/Dockerfile"), LEGACY);
        Process p = TestTrees.whittle(dir.resolve("log"), List.of(), "batch", "--no-progress", "--jobs", "2", "--write",
                root.toString());
        TestTrees.awaitChange(p, root.resolve("r0/Dockerfile"), LEGACY); // start editing once the batch is writing
        for (int i = n - 1; i >= 0; i--) {
            Path f = root.resolve("r" + i + "/Dockerfile");
            Files.writeString(f, Files.readString(f) + "# edited by a person\n");
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        int skipped = 0;
        for (int i = 0; i < n; i++) {
            String text = Files.readString(root.resolve("r" + i + "/Dockerfile"));
            assertTrue(text.endsWith("# edited by a person\n"), "edit lost in r" + i + ":\n" + text);
            if (text.contains("MAINTAINER")) skipped++;
        }
        String log = Files.readString(dir.resolve("log"));
        if (skipped > 0) assertTrue(log.contains("changed since whittle read it"), log);
        assertEquals(List.of(), leftovers(root));
    }

    @Test
    void ownerGroupAndPermissionsAreKept() throws Exception {
        Path f = write(dir.resolve("repo/Dockerfile"), LEGACY);
        assumeTrue(Faults.run("chown", "1234:4321", f.toString()) == 0, "chown is not permitted here (needs root)");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--write", f.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(Files.readString(f).contains("LABEL"), "rewritten");
        assertEquals(1234, Files.getAttribute(f, "unix:uid"));
        assertEquals(4321, Files.getAttribute(f, "unix:gid"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void aHardLinkedFileIsLeftAloneWithTheReason() throws Exception {
        Path f = write(dir.resolve("repo/Dockerfile"), LEGACY);
        Path other = Files.createLink(dir.resolve("elsewhere.Dockerfile.txt"), f);
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--write", dir.resolve("repo").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("has 2 hard links"), r.err());
        assertEquals(LEGACY, Files.readString(f));
        assertEquals(Files.getAttribute(f, "unix:ino"), Files.getAttribute(other, "unix:ino"), "still one file");
    }

    // --- full and read-only disks ----------------------------------------------------------------------------

    @Test
    void aFullDiskIsExitTwoWithThePathAndEveryFileIntact() throws Exception {
        Path disk = faults.tmpfs(dir.resolve("disk"), 64);
        Path repos = disk.resolve("repos");
        write(repos.resolve("a/Dockerfile"), LEGACY);
        write(repos.resolve("b/Dockerfile"), LEGACY.replace("debian:12", "debian:12-slim"));
        write(repos.resolve("c/broken.Dockerfile"), BatchCommandTest.BROKEN);
        Files.createDirectories(disk.resolve("patches"));
        Map<String, String> before = snapshot(repos);
        Faults.fill(disk.resolve("filler"));

        ParseCommandTest.Result w = ParseCommandTest.run("batch", "--no-progress", "--write", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, w.code(), w.err());
        assertTrue(w.err().contains(repos.resolve("a/Dockerfile") + ": cannot write: No space left on device"), w.err());
        assertTrue(w.err().contains(repos.resolve("b/Dockerfile") + ": cannot write"), "the batch went on: " + w.err());
        assertTrue(w.out().contains("files seen"), "and summarised");

        ParseCommandTest.Result o = ParseCommandTest.run("optimize", "--write", repos.resolve("a/Dockerfile").toString());
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        assertTrue(o.err().contains("No space left on device"), o.err());

        ParseCommandTest.Result p = ParseCommandTest.run("batch", "--no-progress", "--patch",
                disk.resolve("all.patch").toString(), repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, p.code(), p.err());
        assertTrue(p.err().contains(disk.resolve("all.patch") + ": cannot write: No space left on device"), p.err());
        assertFalse(Files.exists(disk.resolve("all.patch")));

        ParseCommandTest.Result d = ParseCommandTest.run("batch", "--no-progress", "--patch-dir",
                disk.resolve("patches").toString(), repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, d.code(), d.err());
        assertTrue(d.err().contains("No space left on device"), d.err());

        assertEquals(before, snapshot(repos), "every file as it was");
        assertEquals(List.of(), leftovers(disk));
    }

    @Test
    void aReadOnlyDiskIsExitTwoWithThePath() throws Exception {
        Path repos = repos();
        Map<String, String> before = snapshot(repos);
        faults.readOnly(repos);
        ParseCommandTest.Result w = ParseCommandTest.run("batch", "--no-progress", "--write", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, w.code(), w.err());
        assertTrue(w.err().contains(repos.resolve("a/Dockerfile") + ": cannot write: Read-only file system"), w.err());
        assertTrue(w.err().contains(repos.resolve("b/Dockerfile") + ": cannot write"), w.err());
        ParseCommandTest.Result p = ParseCommandTest.run("batch", "--no-progress", "--patch-dir",
                repos.resolve("patches").toString(), repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, p.code(), p.err());
        assertTrue(p.err().contains("Read-only file system"), p.err());
        assertEquals(before, snapshot(repos));
    }

    // --- temporary files left by a killed run ------------------------------------------------------------------

    @Test
    void theNextWritingRunRemovesTheTemporaryFilesAKilledRunLeft() throws Exception {
        Path repos = repos();
        Path folder = repos.resolve("a");
        Path dead = write(folder.resolve(".Dockerfile.2147483646-77.whittle"), "half"); // no such process
        Path alive = write(folder.resolve(".Dockerfile." + ProcessHandle.current().pid() + "-78.whittle"), "mine");
        Path oldStyle = write(folder.resolve(".Dockerfile.1234567890123.whittle"), "old");
        Files.setLastModifiedTime(oldStyle, FileTime.fromMillis(System.currentTimeMillis() - 3 * 3600_000L));
        Path freshOld = write(folder.resolve(".Dockerfile.9876543210987.whittle"), "old, but recent");
        Path notOurs = write(folder.resolve(".notes.whittle"), "someone's");

        ParseCommandTest.run("batch", "--no-progress", repos.toString());
        assertTrue(Files.exists(dead), "a dry run writes nothing, and removes nothing");

        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--write", repos.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(oldStyle));
        assertTrue(Files.exists(alive), "its process is running");
        assertTrue(Files.exists(freshOld), "an old-style one is removed only when old");
        assertTrue(Files.exists(notOurs));
    }

    // --- the symbolic-link race -------------------------------------------------------------------------------

    @Test
    void filesSwappedForLinksOutOfTheRootMidRunAreNeverWritten() throws Exception {
        Path root = dir.resolve("root");
        Path outside = dir.resolve("outside");
        int n = 1500;
        for (int i = 0; i < n; i++) {
            write(root.resolve("r" + i + "/Dockerfile"), LEGACY);
            write(outside.resolve("r" + i + "/Dockerfile"), LEGACY);
            write(root.resolve("s" + i + "/sub/Dockerfile"), LEGACY);
            write(outside.resolve("s" + i + "/sub/Dockerfile"), LEGACY);
        }
        Process p = TestTrees.whittle(dir.resolve("log"), List.of(), "batch", "--no-progress", "--jobs", "2", "--write",
                root.toString());
        TestTrees.awaitChange(p, root.resolve("r0/Dockerfile"), LEGACY);
        // once the batch writes: swap files (r*) and folders (s*/sub) for links to the same tree outside the root
        for (int i = n - 1; i >= 0; i--) {
            Path f = root.resolve("r" + i + "/Dockerfile");
            Path tmp = root.resolve("r" + i + "/.link");
            Files.createSymbolicLink(tmp, outside.resolve("r" + i + "/Dockerfile"));
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path sub = root.resolve("s" + i + "/sub");
            Files.move(sub, root.resolve("s" + i + "/gone"));
            Files.createSymbolicLink(sub, outside.resolve("s" + i + "/sub"));
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        for (int i = 0; i < n; i++) {
            assertEquals(LEGACY, Files.readString(outside.resolve("r" + i + "/Dockerfile")), "written outside the root: r" + i);
            assertEquals(LEGACY, Files.readString(outside.resolve("s" + i + "/sub/Dockerfile")), "written outside: s" + i);
        }
        String log = Files.readString(dir.resolve("log"));
        assertNotEquals(ExitCodes.INTERNAL, p.exitValue(), log);
        assertFalse(log.contains("internal error"), log);
    }
}
