package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier's decisions, against an engine that builds nothing but starts real local HTTP servers as told. */
class VerifierTest {

    @TempDir
    Path dir;

    @AfterEach
    void release() {
        TestServer.releaseAll();
    }

    private static final String BEFORE = "golang:1.22";
    private static final String AFTER = "scratch";

    private Path original() throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, "FROM golang:1.22\nRUN go build -o /app .\nCMD [\"/app\"]\n");
        return f;
    }

    private static final String REWRITE = "FROM golang:1.22 AS builder\nRUN go build -o /app .\n\nFROM scratch\nCOPY --from=builder /app /app\nCMD [\"/app\"]\n";

    private Verifier.Report verify(FakeEngine e, Verifier.Check check) throws Exception {
        return new Verifier(e, true, true, Duration.ofMinutes(1)).verify(original(), REWRITE, dir, check);
    }

    private static Verifier.Check http(String path, int timeoutSeconds, int readySeconds) {
        return Verifier.Check.http(8000, path, Duration.ofSeconds(timeoutSeconds)).with(BodyMatch.EXACT, 0, Duration.ofSeconds(readySeconds));
    }

    private static FakeEngine serving(TestServer.Habits before, TestServer.Habits after) {
        FakeEngine e = new FakeEngine();
        e.sizes.putAll(Map.of(BEFORE, 800_000_000L, AFTER, 8_000_000L));
        e.servers.put(BEFORE, before);
        e.servers.put(AFTER, after);
        return e;
    }

    @Test
    void sameBehaviourAndSizesAreReportedAndEverythingRemoved() throws Exception {
        FakeEngine e = serving(new TestServer.Habits().body("ok"), new TestServer.Habits().body("ok"));
        Verifier.Report r = verify(e, http("/", 5, 10));
        assertEquals(Verifier.Outcome.SAME, r.outcome(), r.verdict());
        assertNull(r.verdict());
        assertTrue(r.passed());
        assertEquals(100.0, r.ratio(), 0.001);
        assertEquals("HTTP 200: ok", r.after().outcome());
        assertEquals(2, e.removed.size(), "both temporary images are removed");
        assertEquals(0, e.openPods, "both pods are closed");
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "the rewritten Dockerfile was written outside the context and removed");
        }
    }

    @Test
    void aServerThatNeverAnswersAnHttp2UpgradeIsAskedInPlainHttp11() throws Exception {
        FakeEngine e = serving(new TestServer.Habits().rejectsUpgrade(), new TestServer.Habits().rejectsUpgrade());
        Verifier.Report r = verify(e, http("/", 3, 10));
        assertEquals(Verifier.Outcome.SAME, r.outcome(), r.verdict());
        assertEquals("HTTP 200: ok", r.before().outcome());
    }

    @Test
    void aServerSlowToStartIsWaitedForUpToTheReadyTimeNotTheRequestTimeout() throws Exception {
        FakeEngine e = serving(new TestServer.Habits().delay(2500), new TestServer.Habits().delay(2500));
        Verifier.Report r = verify(e, http("/", 1, 20));
        assertEquals(Verifier.Outcome.SAME, r.outcome(), r.verdict());
        assertEquals("HTTP 200: ok", r.after().outcome());
    }

    @Test
    void aServerThatHoldsItsPortAfterStoppingDoesNotDisturbTheSecondRun() throws Exception {
        FakeEngine e = serving(new TestServer.Habits().holdsPort(), new TestServer.Habits().holdsPort());
        Verifier.Report r = verify(e, http("/", 2, 5));
        assertEquals(Verifier.Outcome.SAME, r.outcome(), r.verdict());
        assertEquals(2, e.podPorts.size());
        assertNotEquals(e.podPorts.get(0).get(8000), e.podPorts.get(1).get(8000), "each run gets a fresh host port");
    }

    @Test
    void aVolatileJsonFieldDiffersExactlyButNotWhenIgnoredOrComparedByStatusOrPattern() throws Exception {
        java.util.function.Supplier<String> health = () -> "{\"status\":\"ok\",\"disk\":{\"free\":" + ThreadLocalRandom.current().nextLong(1, 1L << 40) + "}}";
        FakeEngine e = serving(new TestServer.Habits().body(health), new TestServer.Habits().body(health));
        Verifier.Report exact = verify(e, http("/health", 2, 5));
        assertEquals(Verifier.Outcome.DIFFERENT, exact.outcome());
        assertTrue(exact.verdict().contains("the bodies differ"), exact.verdict());

        Verifier.Check json = http("/health", 2, 5).with(BodyMatch.of(null, List.of("/disk/free"), null), 0, Duration.ofSeconds(5));
        assertEquals(Verifier.Outcome.SAME, verify(e, json).outcome());
        Verifier.Check any = http("/health", 2, 5).with(BodyMatch.of(null, List.of("/disk/*"), null), 0, Duration.ofSeconds(5));
        assertEquals(Verifier.Outcome.SAME, verify(e, any).outcome());
        Verifier.Check status = http("/health", 2, 5).with(BodyMatch.of("status", List.of(), null), 200, Duration.ofSeconds(5));
        assertEquals(Verifier.Outcome.SAME, verify(e, status).outcome());
        Verifier.Check regex = http("/health", 2, 5).with(BodyMatch.of(null, List.of(), "\"status\":\\s*\"ok\""), 0, Duration.ofSeconds(5));
        assertEquals(Verifier.Outcome.SAME, verify(e, regex).outcome());

        // a field that is not ignored still counts
        FakeEngine changed = serving(new TestServer.Habits().body(health), new TestServer.Habits().body("{\"status\":\"degraded\",\"disk\":{\"free\":1}}"));
        Verifier.Report r = verify(changed, json);
        assertEquals(Verifier.Outcome.DIFFERENT, r.outcome());
        assertTrue(r.verdict().contains("JSON bodies differ"), r.verdict());
        assertEquals(Verifier.Outcome.DIFFERENT, verify(changed, regex).outcome());
    }

    @Test
    void expectStatusFailsTheRewriteAndMakesABrokenOriginalACheckThatCouldNotRun() throws Exception {
        Verifier.Check expect200 = http("/", 2, 5).with(BodyMatch.of("status", List.of(), null), 200, Duration.ofSeconds(3));
        Verifier.Report r = verify(serving(new TestServer.Habits(), new TestServer.Habits().status(404)), expect200);
        assertEquals(Verifier.Outcome.DIFFERENT, r.outcome());
        r = verify(serving(new TestServer.Habits().status(500), new TestServer.Habits().status(500)), expect200);
        assertEquals(Verifier.Outcome.COULD_NOT_RUN, r.outcome());
        assertTrue(r.verdict().contains("the original answered 500, not the expected 200"), r.verdict());
    }

    @Test
    void neitherImageAnsweringIsACheckThatCouldNotRunAndOnlyTheRewriteFailingIsADifference() throws Exception {
        FakeEngine none = serving(null, null);
        none.servers.clear();
        Verifier.Report r = verify(none, http("/", 1, 2));
        assertEquals(Verifier.Outcome.COULD_NOT_RUN, r.outcome());
        assertTrue(r.verdict().contains("neither image answered"), r.verdict());

        FakeEngine half = serving(new TestServer.Habits(), null);
        half.servers.remove(AFTER);
        r = verify(half, http("/", 1, 2));
        assertEquals(Verifier.Outcome.DIFFERENT, r.outcome());
        assertTrue(r.verdict().contains("the rewrite did not answer"), r.verdict());
    }

    @Test
    void anEngineThatCannotStartContainersIsACheckThatCouldNotRun() throws Exception {
        FakeEngine e = serving(new TestServer.Habits(), new TestServer.Habits());
        e.cannotStart = "error running container: cannot create a network namespace";
        Verifier.Report r = verify(e, http("/", 1, 2));
        assertEquals(Verifier.Outcome.COULD_NOT_RUN, r.outcome());
        assertTrue(r.verdict().contains("cannot create a network namespace"), r.verdict());
        r = verify(e, Verifier.Check.ownStart(Duration.ofSeconds(1)));
        assertEquals(Verifier.Outcome.COULD_NOT_RUN, r.outcome());
        assertEquals(0, e.openPods);
    }

    @Test
    void severalChecksAreAskedInOrderAndTheFirstDifferenceIsNamed() throws Exception {
        FakeEngine e = serving(new TestServer.Habits().body("same"), new TestServer.Habits().body("same"));
        Verifier.Check two = new Verifier.Check(List.of(new HttpCheck(8000, "/a"), new HttpCheck(8000, "/b")), null, BodyMatch.EXACT, 0,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        Verifier.Report r = verify(e, two);
        assertEquals(Verifier.Outcome.SAME, r.outcome(), r.verdict());
        assertEquals(2, r.checks().size());
        assertEquals("GET :8000/b", r.checks().get(1).check());
    }

    @Test
    void ownStartCommandsCompareExitsButTwoServersStillRunningAreTheSame() throws Exception {
        FakeEngine e = new FakeEngine();
        e.outputs.putAll(Map.of(BEFORE, "hello", AFTER, "exec /app: no such file"));
        Verifier.Report r = verify(e, Verifier.Check.ownStart(Duration.ofSeconds(5)));
        assertEquals(Verifier.Outcome.DIFFERENT, r.outcome());
        assertFalse(r.originalFailed());

        e.exits.putAll(Map.of(BEFORE, -1, AFTER, -1)); // both still serving at the limit, logs differ
        assertEquals(Verifier.Outcome.SAME, verify(e, Verifier.Check.ownStart(Duration.ofSeconds(5))).outcome());
        e.exits.put(AFTER, 1);
        r = verify(e, Verifier.Check.ownStart(Duration.ofSeconds(5)));
        assertEquals(Verifier.Outcome.DIFFERENT, r.outcome());
        assertTrue(r.verdict().contains("the original still ran after 5 s; the rewrite ended with exit 1"), r.verdict());
    }

    @Test
    void environmentArgumentsAndServicesGoToBothRuns() throws Exception {
        FakeEngine e = serving(new TestServer.Habits(), new TestServer.Habits());
        Verifier.Setup setup = new Verifier.Setup(new Container(Map.of("DB", "postgres://127.0.0.1:5432/x"), List.of("--port", "8000")),
                List.of(Service.parse("postgres:16:5432")), false, false, BuildPaths.load(null));
        Verifier.Report r = new Verifier(e, true, true, Duration.ofMinutes(1)).verify(original(), REWRITE, dir, http("/", 2, 5), setup);
        assertEquals(Verifier.Outcome.SAME, r.outcome(), r.verdict());
        assertEquals(2, e.containers.size());
        for (Container c : e.containers) {
            assertEquals("postgres://127.0.0.1:5432/x", c.env().get("DB"));
            assertEquals(List.of("--port", "8000"), c.args());
        }
        assertEquals(List.of(new Service("postgres:16", 5432)), e.podServices.get(1));
        assertEquals(0, e.openPods, "services are removed with their pod");
    }

    @Test
    void aRewriteThatDoesNotBuildFailsAndAnOriginalThatDoesNotIsBadInput() throws Exception {
        FakeEngine e = new FakeEngine();
        e.failing = AFTER;
        Verifier.Report r = verify(e, Verifier.Check.ownStart(Duration.ofSeconds(5)));
        assertEquals("the rewrite does not build", r.verdict());
        assertEquals(Verifier.Outcome.DIFFERENT, r.outcome());
        assertTrue(r.after().log().contains("no such image scratch"));

        e.failing = BEFORE;
        r = verify(e, Verifier.Check.ownStart(Duration.ofSeconds(5)));
        assertTrue(r.originalFailed());
        assertEquals(Verifier.Outcome.ORIGINAL_FAILED, r.outcome());
    }

    @Test
    void aRewriteHoldingAByteThatIsNotUtf8IsBuiltFromTheSameBytes() throws Exception {
        FakeEngine e = new FakeEngine();
        String latin1 = "# caf\uDCE9\n" + REWRITE; // the byte 0xE9 as whittle reads it from a Latin-1 file
        Path[] seen = new Path[1];
        byte[][] bytes = new byte[1][];
        FakeEngine recording = new FakeEngine() {
            @Override
            public Exec.Result build(Path dockerfile, Path context, String tag, boolean pull, boolean cache, Duration limit) {
                if (tag.endsWith("-after")) {
                    seen[0] = dockerfile;
                    try {
                        bytes[0] = Files.readAllBytes(dockerfile);
                    } catch (java.io.IOException x) {
                        throw new java.io.UncheckedIOException(x);
                    }
                }
                return super.build(dockerfile, context, tag, pull, cache, limit);
            }
        };
        Verifier.Report r = new Verifier(recording, true, true, Duration.ofMinutes(1)).verify(original(), latin1, dir,
                Verifier.Check.ownStart(Duration.ofSeconds(1)));
        assertEquals(Verifier.Outcome.SAME, r.outcome(), r.verdict());
        assertEquals((byte) 0xE9, bytes[0][5], "the byte is written back as it was");
        assertFalse(Files.exists(seen[0]));
        assertTrue(e.removed.isEmpty());
    }
}
