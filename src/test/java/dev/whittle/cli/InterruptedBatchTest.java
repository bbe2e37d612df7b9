package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch stopped half-way (Ctrl-C, SIGTERM) leaves every file either as it was or fully rewritten. */
class InterruptedBatchTest {

    @TempDir
    Path dir;

    @Test
    void stoppingABatchNeverLeavesAHalfWrittenFile() throws Exception {
        String input = BatchCommandTest.LEGACY;
        String expected = ParseCommandTest.run("optimize", write(dir.resolve("probe/Dockerfile"), input).toString()).out();
        Path root = dir.resolve("repos");
        int n = 3000;
        for (int i = 0; i < n; i++) write(root.resolve("r" + i + "/Dockerfile"), input);

        Process p = TestTrees.whittle(dir.resolve("log"), List.of(), "batch", "--no-progress", "--jobs", "2", "--write",
                root.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive() && changed(root, expected) < 3) Thread.sleep(10);
        p.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl-C
        p.waitFor(30, TimeUnit.SECONDS);

        List<Path> all;
        try (Stream<Path> s = Files.walk(root)) {
            all = s.filter(Files::isRegularFile).toList();
        }
        int rewritten = 0;
        for (Path f : all) {
            assertTrue(f.getFileName().toString().equals("Dockerfile"), "left behind: " + f);
            String text = Files.readString(f);
            assertTrue(text.equals(input) || text.equals(expected), f + " is half-written:\n" + text);
            if (text.equals(expected)) rewritten++;
        }
        assertTrue(all.size() == n);
        assertTrue(rewritten > 0 && rewritten < n, "the batch was stopped half-way: " + rewritten + " of " + n);
    }

    private static Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static int changed(Path root, String expected) throws Exception {
        int c = 0;
        for (int i = 0; i < 3000 && c < 50; i += 60) {
            Path f = root.resolve("r" + i + "/Dockerfile");
            if (Files.readString(f).equals(expected)) c++;
        }
        return c;
    }
}
