package dev.whittle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.core.Level;
import dev.whittle.core.Change;
import dev.whittle.syntax.SyntaxError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerfileOptimizerTest {

    @TempDir
    Path dir;

    @Test
    void optimizesTextAndReportsEveryChange() {
        DockerfileOptimizer optimizer = DockerfileOptimizer.builder().level(Level.SAFE).build();
        DockerfileOptimizer.Report r = optimizer.optimize("FROM debian:12\nMAINTAINER me\nADD a /a\n");
        assertTrue(r.changed());
        assertEquals("FROM debian:12\nLABEL org.opencontainers.image.authors=\"me\"\nCOPY a /a\n", r.output());
        assertEquals(2, r.rewrites().size());
        assertEquals("maintainer-to-label", r.changes().get(0).passId());
        assertTrue(r.diff().startsWith("--- a/Dockerfile\n+++ b/Dockerfile\n"), r.diff());
        assertEquals(r.output(), r.tree().print());
    }

    @Test
    void skipAndOnlyChooseThePasses() {
        DockerfileOptimizer.Report r = DockerfileOptimizer.builder().skip("add-to-copy").build()
                .optimize("FROM debian:12\nADD a /a\n");
        assertFalse(r.changed());
        assertThrows(IllegalArgumentException.class, () -> DockerfileOptimizer.builder().only("no-such-pass"));
    }

    @Test
    void filesUseTheirFolderAsBuildContextAndConfigWhenAsked() throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM debian:12\nMAINTAINER me\n");
        Files.writeString(dir.resolve(".whittle.yaml"), "passes:\n  skip: [maintainer-to-label]\n");
        assertTrue(DockerfileOptimizer.builder().build().optimize(f).changed(), "config files are off by default");
        assertFalse(DockerfileOptimizer.builder().configFiles(true).build().optimize(f).changed());
    }

    @Test
    void aRegistryPrefixIsWrittenOnEveryImageWhittleIntroduces() throws Exception {
        Path example = Path.of("testdata/examples/go-run-main/Dockerfile");
        DockerfileOptimizer.Report r = DockerfileOptimizer.builder().registry("mirror.example.com/hub").build().optimize(example);
        assertTrue(r.output().contains("\nFROM mirror.example.com/hub/gcr.io/distroless/static-debian12\n"), r.output());
        assertTrue(r.output().contains("FROM golang:1.18.3 AS builder"), "the user's own images stay as written");
    }

    @Test
    void badInputThrowsWithItsPosition() {
        SyntaxError e = assertThrows(SyntaxError.class, () -> DockerfileOptimizer.parse("FROM x\nRUN <<EOF\nno end\n"));
        assertEquals(2, e.line());
        assertEquals("FROM x\n", DockerfileOptimizer.parse("FROM x\n").print());
        DockerfileOptimizer.Report eol = DockerfileOptimizer.builder().build().optimize("FROM centos:7\n");
        assertFalse(eol.changed());
        Change finding = eol.findings().get(0);
        assertEquals("end-of-life-image", finding.passId());
        assertTrue(finding.message().startsWith("centos:7"), finding.message());
    }
}
