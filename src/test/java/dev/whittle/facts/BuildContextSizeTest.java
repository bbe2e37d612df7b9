package dev.whittle.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the proposed .dockerignore measures: sizes bounded by a count of files, folders found by name. */
class BuildContextSizeTest {
    @TempDir
    Path dir;

    @Test
    void aSizeCountsTheFilesBytesAndSaysWhenItStoppedCounting() throws Exception {
        Files.createDirectories(dir.resolve("node_modules/a/b"));
        for (int k = 0; k < 5; k++) Files.writeString(dir.resolve("node_modules/a/b/f" + k + ".js"), "1234567890");
        BuildContext c = BuildContext.of(dir);
        assertEquals(50, c.size("node_modules"));
        assertFalse(BuildContext.sizeIsBound(c.size("node_modules")));
        long bound = c.size("node_modules", 3);
        assertTrue(BuildContext.sizeIsBound(bound), "more files than it counts");
        assertEquals(30, BuildContext.bytes(bound));
        assertEquals(-1, c.size("absent"));
        assertEquals(-1, c.size("../outside"));
    }

    @Test
    void aFolderIsFoundByNameBelowTheTopButNotInsideSkippedFolders() throws Exception {
        Files.createDirectories(dir.resolve("src/pkg/__pycache__"));
        assertTrue(BuildContext.of(dir).hasFolderNamed("__pycache__"));
        Path other = dir.resolve("other");
        Files.createDirectories(other.resolve("node_modules/x/__pycache__"));
        assertFalse(BuildContext.of(other).hasFolderNamed("__pycache__"), "node_modules is not looked into");
        assertFalse(BuildContext.none().hasFolderNamed("__pycache__"));
    }
}
