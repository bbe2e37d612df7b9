package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's decisions, against an engine that builds nothing but answers as told. */
class VerifierTest {

    @TempDir
    Path dir;

    /** Images by the text of the Dockerfile they were built from (FROM line decides). */
    static final class FakeEngine implements Engine {
        final Map<String, String> outputs = new HashMap<>();
        final Map<String, Long> sizes = new HashMap<>();
        final Map<String, String> built = new HashMap<>();
        final List<String> removed = new ArrayList<>();
        String failing;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public boolean works() {
            return true;
        }

        @Override
        public Exec.Result build(Path dockerfile, Path context, String tag, boolean pull, boolean cache, Duration limit) {
            try {
                String from = Files.readString(dockerfile).lines().filter(l -> l.startsWith("FROM")).reduce((a, b) -> b)
                        .orElseThrow().substring(5).split(" ")[0];
                if (from.equals(failing)) return new Exec.Result(1, "no such image " + from, 0.1);
                built.put(tag, from);
                return new Exec.Result(0, "", 0.1);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Image inspect(String tag) {
            return new Image(sizes.get(built.get(tag)), 3);
        }

        @Override
        public Exec.Result run(String tag, List<String> command, Duration limit) {
            return new Exec.Result(0, outputs.get(built.get(tag)), 0.1);
        }

        @Override
        public Answer serve(String tag, int port, String path, Duration limit) {
            return new Answer(200, outputs.get(built.get(tag)), "");
        }

        @Override
        public void remove(String tag) {
            removed.add(tag);
        }
    }

    private Path original() throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n");
        return f;
    }

    private static final String REWRITE = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=builder /app /app\nCMD [\"/app\"]\n";

    @Test
    void sameBehaviourAndSizesAreReportedAndImagesRemoved() throws Exception {
        FakeEngine e = new FakeEngine();
        e.sizes.putAll(Map.of("golang:1.22", 800_000_000L, "scratch", 8_000_000L));
        e.outputs.putAll(Map.of("golang:1.22", "ok", "scratch", "ok"));
        Verifier.Report r = new Verifier(e, true, true, Duration.ofMinutes(1))
                .verify(original(), REWRITE, dir, Verifier.Check.http(8000, "/", Duration.ofSeconds(5)));
        assertNull(r.verdict());
        assertTrue(r.passed());
        assertEquals(100.0, r.ratio(), 0.001);
        assertEquals("HTTP 200: ok", r.after().outcome());
        assertEquals(2, e.removed.size(), "both temporary images are removed");
    }

    @Test
    void differentOutputIsAFailure() throws Exception {
        FakeEngine e = new FakeEngine();
        e.sizes.putAll(Map.of("golang:1.22", 800L, "scratch", 8L));
        e.outputs.putAll(Map.of("golang:1.22", "hello", "scratch", "exec /app: no such file"));
        Verifier.Report r = new Verifier(e, true, true, Duration.ofMinutes(1))
                .verify(original(), REWRITE, dir, Verifier.Check.ownStart(Duration.ofSeconds(5)));
        assertEquals("the rewrite behaves differently", r.verdict());
        assertFalse(r.originalFailed());
    }

    @Test
    void aRewriteThatDoesNotBuildFailsAndAnOriginalThatDoesNotIsBadInput() throws Exception {
        FakeEngine e = new FakeEngine();
        e.sizes.put("golang:1.22", 800L);
        e.failing = "scratch";
        Verifier.Report r = new Verifier(e, true, true, Duration.ofMinutes(1))
                .verify(original(), REWRITE, dir, Verifier.Check.ownStart(Duration.ofSeconds(5)));
        assertEquals("the rewrite does not build", r.verdict());
        assertTrue(r.after().log().contains("no such image scratch"));

        e.failing = "golang:1.22";
        r = new Verifier(e, true, true, Duration.ofMinutes(1))
                .verify(original(), REWRITE, dir, Verifier.Check.ownStart(Duration.ofSeconds(5)));
        assertTrue(r.originalFailed());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "the rewritten Dockerfile was written outside the context and removed");
        }
    }

    @Test
    void withNoEngineVerifySaysSoAndExitsTwo() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.whittle.cli.Whittle.run(new String[] {"verify", "--engine", "no-such-engine",
                "testdata/examples/go-run-main/Dockerfile"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("no container engine works here (tried no-such-engine)"), err.toString());
    }
}
