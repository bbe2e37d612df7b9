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

    // --- every entry point, the same checks and documented exceptions ---------------------------------------------

    @Test
    void textGetsTheChecksAFileGets() {
        DockerfileOptimizer optimizer = DockerfileOptimizer.builder().build();
        SyntaxError nul = assertThrows(SyntaxError.class, () -> optimizer.optimize("FROM a\nRUN echo \u0000\n"));
        assertTrue(nul.getMessage().contains("binary file: NUL byte"), nul.getMessage());
        assertEquals(2, nul.line());
        SyntaxError longLine = assertThrows(SyntaxError.class, () -> optimizer.optimize("FROM a\nRUN echo " + "x".repeat(70_000) + "\n"));
        assertTrue(longLine.getMessage().contains("greater than max allowed size of 65535"), longLine.getMessage());
        assertThrows(SyntaxError.class, () -> DockerfileOptimizer.parse("FROM a\u0000\n"));
    }

    @Test
    void nullIsADocumentedIllegalArgumentNotABareNullPointer() {
        DockerfileOptimizer optimizer = DockerfileOptimizer.builder().build();
        assertEquals("text is null", assertThrows(IllegalArgumentException.class, () -> optimizer.optimize((String) null)).getMessage());
        assertEquals("dockerfile is null", assertThrows(IllegalArgumentException.class, () -> optimizer.optimize((Path) null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DockerfileOptimizer.parse(null));
        assertThrows(IllegalArgumentException.class, () -> DockerfileOptimizer.builder().skip((String) null));
    }

    @Test
    void deepNestingIsBadInputNotAStackOverflow() throws Exception {
        // on a thread with a small stack, as a library user's pool may have
        String ifs = "FROM a\nRUN " + "if true; then \\\n".repeat(5_000) + "true" + "; fi \\\n".repeat(5_000) + "\n";
        String parens = "FROM a\nRUN " + ("(".repeat(1000) + "\\\n").repeat(60) + "true" + (")".repeat(1000) + "\\\n").repeat(60) + "\n";
        String brackets = "FROM a\nCMD " + ("[".repeat(1000) + "\\\n").repeat(200) + "\n";
        Throwable[] thrown = new Throwable[3];
        DockerfileOptimizer.Report[] report = new DockerfileOptimizer.Report[1];
        Thread t = new Thread(null, () -> {
            DockerfileOptimizer optimizer = DockerfileOptimizer.builder().build();
            try {
                optimizer.optimize(ifs);
            } catch (Throwable e) {
                thrown[0] = e;
            }
            try {
                optimizer.optimize(parens);
            } catch (Throwable e) {
                thrown[1] = e;
            }
            try {
                report[0] = optimizer.optimize(brackets); // JSON nested deeper than Go reads: shell form, as BuildKit
            } catch (Throwable e) {
                thrown[2] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join(60_000);
        assertTrue(thrown[0] instanceof SyntaxError, String.valueOf(thrown[0]));
        assertTrue(thrown[0].getMessage().contains("nested 5000 deep"), thrown[0].getMessage());
        assertEquals(2, ((SyntaxError) thrown[0]).line());
        assertTrue(thrown[1] instanceof SyntaxError, String.valueOf(thrown[1]));
        assertEquals(null, thrown[2], String.valueOf(thrown[2]));
        assertFalse(report[0].tree().instructions().get(1).command().json());
    }
}
