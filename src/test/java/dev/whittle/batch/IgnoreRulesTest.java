package dev.whittle.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

    private static final Path BASE = Path.of("/repo");

    private static Boolean decide(List<String> lines, String rel, boolean dir) {
        return IgnoreRules.of(BASE, lines).decide(BASE.resolve(rel), dir);
    }

    @Test
    void aNameWithoutSlashMatchesAtAnyDepth() {
        assertEquals(true, decide(List.of("legacy"), "legacy", true));
        assertEquals(true, decide(List.of("legacy"), "a/b/legacy", true));
        assertEquals(true, decide(List.of("*.old"), "svc/Dockerfile.old", false));
        assertNull(decide(List.of("legacy"), "legacy-x", true));
    }

    @Test
    void aPatternWithSlashIsAnchoredToItsFolder() {
        assertEquals(true, decide(List.of("/build"), "build", true));
        assertNull(decide(List.of("/build"), "src/build", true));
        assertEquals(true, decide(List.of("docs/*.Dockerfile"), "docs/x.Dockerfile", false));
        assertNull(decide(List.of("docs/*.Dockerfile"), "docs/deep/x.Dockerfile", false), "* does not cross /");
        assertEquals(true, decide(List.of("docs/**"), "docs/deep/x.Dockerfile", false));
    }

    @Test
    void doubleStarPrefixAlsoMatchesAtTheTop() {
        assertEquals(true, decide(List.of("**/fixtures"), "fixtures", true));
        assertEquals(true, decide(List.of("**/fixtures"), "a/b/fixtures", true));
    }

    @Test
    void trailingSlashMeansFoldersOnly() {
        assertEquals(true, decide(List.of("out/"), "out", true));
        assertNull(decide(List.of("out/"), "out", false));
    }

    @Test
    void theLastMatchingPatternDecidesAndBangReincludes() {
        List<String> lines = List.of("# comment", "", "*.Dockerfile", "!keep.Dockerfile");
        assertEquals(true, decide(lines, "x/drop.Dockerfile", false));
        assertEquals(false, decide(lines, "x/keep.Dockerfile", false));
    }

    @Test
    void bracesAreLiteralAsInGit() {
        assertEquals(true, decide(List.of("{a,b}"), "{a,b}", false));
        assertNull(decide(List.of("{a,b}"), "a", false));
    }

    @Test
    void pathsOutsideTheBaseAreNotMentioned() {
        assertNull(IgnoreRules.of(BASE, List.of("*")).decide(Path.of("/elsewhere/x"), false));
    }
}
