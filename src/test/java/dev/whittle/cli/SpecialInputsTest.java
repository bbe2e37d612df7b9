package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is not a regular file never blocks or stops a run: a FIFO named on the command line or met in a walked
 * tree, a link to nothing and a link loop are each reported (exit 2 at the end) and the rest goes on; a file
 * swapped for a link out of its root after the walk is not read through.
 */
class SpecialInputsTest {

    @TempDir
    Path dir;

    private static final Duration QUICK = Duration.ofSeconds(20);

    @Test
    void aFifoNamedDirectlyIsRefusedWithoutBlocking() throws Exception {
        Path fifo = Faults.fifo(dir.resolve("Dockerfile"));
        for (String[] args : new String[][] {{"optimize", fifo.toString()}, {"check", fifo.toString()},
                {"parse", "--roundtrip", fifo.toString()}, {"parse", "--dump", fifo.toString()}}) {
            ParseCommandTest.Result r = assertTimeoutPreemptively(QUICK, () -> ParseCommandTest.run(args));
            assertEquals(ExitCodes.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(fifo + ": cannot read: a FIFO, not a regular file"), r.err());
        }
    }

    @Test
    void fifosDanglingLinksAndLoopsInAWalkedTreeAreReportedAndTheRestGoesOn() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Faults.fifo(root.resolve("Dockerfile"));
        Files.createSymbolicLink(root.resolve("Dockerfile.dangling"), root.resolve("nowhere"));
        Files.createSymbolicLink(root.resolve("Dockerfile.loop"), root.resolve("Dockerfile.loop"));
        Files.createDirectories(root.resolve("ok"));
        Files.writeString(root.resolve("ok/Dockerfile"), BatchCommandTest.LEGACY);
        ParseCommandTest.Result r = assertTimeoutPreemptively(QUICK,
                () -> ParseCommandTest.run("batch", "--no-progress", root.toString()));
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(root.resolve("Dockerfile") + ": a FIFO, not a regular file; skipped"), r.err());
        assertTrue(r.err().contains(root.resolve("Dockerfile.dangling") + ": a symbolic link to nothing"), r.err());
        assertTrue(r.err().contains(root.resolve("Dockerfile.loop") + ": cannot follow: symbolic link loop"), r.err());
        assertTrue(r.out().matches("(?s).*changed +1\n.*"), "the rest went on: " + r.out());
    }

    @Test
    void aFileSwappedForALinkOutOfItsRootAfterTheWalkIsNotRead() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root/repo"));
        Path secret = Files.writeString(dir.resolve("secret"), "FROM secret\n");
        Path file = Files.writeString(root.resolve("Dockerfile"), "FROM a\n");
        DockerfileFinder.Target walked = DockerfileFinder.find(java.util.List.of(dir.resolve("root"))).targets().get(0);
        Files.delete(file);
        Files.createSymbolicLink(file, secret);
        IOException e = assertThrows(IOException.class, () -> BatchRun.read(walked));
        assertTrue(e.getMessage().contains("a symbolic link out of"), e.getMessage());
        // named on the command line, a link is followed wherever it leads
        assertEquals("FROM secret\n", new String(BatchRun.read(new DockerfileFinder.Target(file, root))));
        // a folder on the way swapped for a link to a folder outside
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("Dockerfile"), "FROM outside\n");
        Files.delete(file);
        Files.writeString(file, "FROM a\n");
        DockerfileFinder.Target again = DockerfileFinder.find(java.util.List.of(dir.resolve("root"))).targets().get(0);
        Files.move(root, dir.resolve("root/moved"));
        Files.createSymbolicLink(root, outside);
        e = assertThrows(IOException.class, () -> BatchRun.read(again));
        assertTrue(e.getMessage().contains("its folder became a symbolic link"), e.getMessage());
    }
}
