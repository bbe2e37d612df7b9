package dev.whittle.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileFinderTest {

    @TempDir
    Path dir;

    private Path file(String rel) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "FROM scratch\n");
        return p;
    }

    private List<String> found(List<Path> roots, List<String> excludes, boolean gitignore) {
        return DockerfileFinder.find(roots, excludes, gitignore).targets().stream()
                .map(t -> dir.relativize(t.file()).toString()).toList();
    }

    @Test
    void findsEveryDockerfileNameAndSkipsVendoredFolders() throws Exception {
        for (String rel : List.of("a/Dockerfile", "a/Dockerfile.dev", "b/api.Dockerfile", "b/web.dockerfile",
                "c/Containerfile", "c/README.md", "c/dockerfile-notes.txt", ".git/Dockerfile",
                "node_modules/x/Dockerfile", "vendor/y/Dockerfile")) {
            file(rel);
        }
        assertEquals(List.of("a/Dockerfile", "a/Dockerfile.dev", "b/api.Dockerfile", "b/web.dockerfile", "c/Containerfile"),
                found(List.of(dir), List.of(), true));
    }

    @Test
    void gitignoreFilesAndExcludePatternsAreHonoured() throws Exception {
        file("svc/Dockerfile");
        file("svc/generated/Dockerfile");
        file("old/Dockerfile");
        file("keep/Dockerfile.old");
        Files.writeString(dir.resolve(".gitignore"), "generated/\n*.old\n");
        Files.writeString(dir.resolve("keep/.gitignore"), "!Dockerfile.old\n");
        assertEquals(List.of("keep/Dockerfile.old", "old/Dockerfile", "svc/Dockerfile"), found(List.of(dir), List.of(), true));
        assertEquals(List.of("keep/Dockerfile.old", "svc/Dockerfile"), found(List.of(dir), List.of("old"), true));
        assertEquals(4, found(List.of(dir), List.of(), false).size(), "--no-gitignore");
    }

    @Test
    void linksAreNeverFollowedOutOfARootAndDuplicatesCountOnce() throws Exception {
        Path inside = file("root/app/Dockerfile");
        Path outside = file("outside/Dockerfile");
        Files.createSymbolicLink(dir.resolve("root/escape.Dockerfile"), outside);
        Files.createSymbolicLink(dir.resolve("root/same.Dockerfile"), inside);
        Files.createSymbolicLink(dir.resolve("root/linked-dir"), dir.resolve("outside"));
        Files.createSymbolicLink(dir.resolve("root/loop"), dir.resolve("root"));
        Path root = dir.resolve("root");
        DockerfileFinder.Found f = DockerfileFinder.find(List.of(root, root, inside), List.of(), true);
        assertEquals(List.of(inside), f.files(), "the link out and the linked folder are not followed; "
                + "the link to a file inside and the repeated root give the same file once");
        assertTrue(f.problems().isEmpty(), f.problems().toString());
    }

    @Test
    void missingPathsAreProblemsNotCrashes() {
        DockerfileFinder.Found f = DockerfileFinder.find(List.of(dir.resolve("nope")));
        assertEquals(1, f.problems().size());
        assertEquals("no such file or directory", f.problems().get(0).message());
    }

    @Test
    void aTreeDeeperThanTheFoldersKeptOpenIsWalkedWholeAndInOrder() throws Exception {
        StringBuilder deep = new StringBuilder("deep");
        for (int k = 0; k < 45; k++) deep.append("/d").append(k);
        file(deep + "/Dockerfile");
        file("deep/d0/Dockerfile");
        file("deep/e/Dockerfile");
        List<String> found = found(List.of(dir.resolve("deep")), List.of(), true);
        assertEquals(List.of("deep/d0/Dockerfile", deep + "/Dockerfile", "deep/e/Dockerfile"), found,
                "depth first, each folder's entries by name (Dockerfile sorts before d1)");
    }

    @Test
    void readingGivesTheBytesAndRefusesFoldersAndHugeFiles() throws Exception {
        Path f = file("r/Dockerfile");
        assertEquals("FROM scratch\n", new String(BatchRun.read(f)));
        Path empty = dir.resolve("r/empty.Dockerfile");
        Files.write(empty, new byte[0]);
        assertEquals(0, BatchRun.read(empty).length);
        java.io.IOException folder = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> BatchRun.read(dir.resolve("r")));
        assertEquals("is a directory", folder.getMessage());
        Path huge = dir.resolve("r/huge.Dockerfile");
        try (var ch = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), BatchRun.MAX_BYTES); // sparse: MAX_BYTES + 1 bytes
        }
        java.io.IOException big = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> BatchRun.read(huge));
        assertTrue(big.getMessage().startsWith("too large to be a Dockerfile (1.0 MB; whittle reads up to 1 MB)"), big.getMessage());
    }
}
