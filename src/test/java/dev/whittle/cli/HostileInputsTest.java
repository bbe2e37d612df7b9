package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs from issue 15: each one used to take exponential or quadratic time, overflow the stack or run
 * out of memory. Now each is done in linear time, or refused as bad input (exit 2) with its place, and one such
 * file never ends a batch. The time limits here only catch a hang (the old code took from 36 s to hours); the
 * figures are in bench/hostile.sh.
 */
class HostileInputsTest {

    @TempDir
    Path dir;

    private static final Duration HANG = Duration.ofSeconds(60);

    private Path dockerfile(String name, String body) throws Exception {
        Path p = dir.resolve(name + "/Dockerfile");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "FROM debian:bookworm-slim\n" + body);
        return p;
    }

    /** {@code piece} n times, a continuation line every {@code perLine} pieces (lines stay under 64 KB). */
    private static String lines(String piece, int n, int perLine) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(piece);
            if ((i + 1) % perLine == 0) b.append("\\\n");
        }
        return b.toString();
    }

    private ParseCommandTest.Result optimize(Path file) {
        return assertTimeoutPreemptively(HANG, () -> ParseCommandTest.run("optimize", "--diff", "--level", "aggressive",
                file.toString()));
    }

    private void refused(Path file, String message) {
        ParseCommandTest.Result r = optimize(file);
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(file + ":2:1: RUN not analysed: "), r.err());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void nestedSubstitutionsAreRefusedInsteadOfTakingExponentialTime() throws Exception {
        refused(dockerfile("subst", "RUN echo " + "$(".repeat(18) + ")".repeat(18) + "\n"),
                "quotes and substitutions ($( ), ${ }, \" \") nested 11 deep");
        refused(dockerfile("unclosed", "RUN echo " + "$(".repeat(18) + "\n"), "nested 11 deep");
        refused(dockerfile("quoted", "RUN echo \"" + "$(echo \"".repeat(18) + "\")".repeat(18) + "\"\n"), "nested 11 deep");
        refused(dockerfile("param", "RUN echo " + "${a:-".repeat(500) + "x" + "}".repeat(500) + "\n"), "nested 11 deep");
        // the count reads comments as the shell does: $# starts none, a # after a blank does (to the end of the body)
        refused(dockerfile("dollar-hash", "RUN echo $# " + "$(".repeat(14) + ")".repeat(14) + "\n"), "nested 11 deep");
        assertEquals(ExitCodes.OK, optimize(dockerfile("comment", "RUN echo x # " + "$(".repeat(14) + "\n")).code());
        // as deep as whittle analyses: optimized as usual
        ParseCommandTest.Result r = optimize(dockerfile("ten", "RUN echo " + "$(".repeat(10) + ")".repeat(10)
                + "\nRUN apt-get update && apt-get install -y curl\n"));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("rm -rf /var/lib/apt/lists/*"), r.out());
    }

    @Test
    void deeplyNestedCompoundCommandsAndHugeBodiesAreRefusedWithTheirPlace() throws Exception {
        refused(dockerfile("if50k", "RUN " + lines("if :;then ", 50_000, 100) + "true" + lines(";fi", 50_000, 100) + "\n"),
                "a shell body of 634 KB; whittle analyses bodies of up to 256 KB");
        refused(dockerfile("if5k", "RUN " + lines("if true; then ", 5_000, 1) + "true" + lines("; fi ", 5_000, 1) + "\n"),
                "compound commands (subshells, { }, if, for, while, case) nested 5000 deep");
        refused(dockerfile("paren200k", "RUN " + lines("(", 200_000, 1000) + "true" + lines(")", 200_000, 1000) + "\n"),
                "a shell body of");
        refused(dockerfile("paren60k", "RUN " + lines("(", 60_000, 1000) + "true" + lines(")", 60_000, 1000) + "\n"),
                "compound commands (subshells, { }, if, for, while, case) nested 60000 deep");
        // a 5.5 MB && chain is refused unread; one of 200 KB is optimized
        Path chain = dockerfile("chain", "RUN true" + " \\\n && true".repeat(500_000) + "\n");
        ParseCommandTest.Result r = optimize(chain);
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains(chain + ": cannot read: too large to be a Dockerfile (5.2 MB; whittle reads up to 1 MB)"), r.err());
        r = optimize(dockerfile("chain200k", "RUN apt-get update" + " \\\n && true".repeat(20_000) + "\n"));
        assertEquals(ExitCodes.OK, r.code(), r.err());
    }

    @Test
    void jsonNestedDeeperThanGoReadsIsShellFormAsInBuildKit() throws Exception {
        // Go's encoding/json refuses more than 10,000 nested containers: BuildKit then reads the shell form
        Path deep = dockerfile("deep", "CMD " + lines("[", 200_000, 1000) + "\n");
        ParseCommandTest.Result r = assertTimeoutPreemptively(HANG, () -> ParseCommandTest.run("parse", "--dump", deep.toString()));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("(cmd \"[[[["), r.out().substring(0, Math.min(300, r.out().length())));
        Path limit = dockerfile("limit", "CMD " + lines("[", 10_000, 1000) + lines("]", 10_000, 1000) + "\n");
        r = ParseCommandTest.run("parse", "--dump", limit.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), "10,000 deep is JSON, with an element that is not a string");
        assertTrue(r.err().contains("arrays must be comprised of strings only"), r.err());
        Path over = dockerfile("over", "CMD " + lines("[", 10_001, 1000) + lines("]", 10_001, 1000) + "\n");
        r = ParseCommandTest.run("parse", "--dump", over.toString());
        assertEquals(ExitCodes.OK, r.code(), "10,001 deep is not JSON for Go: shell form. " + r.err());
    }

    @Test
    void thirtyThousandRunsMergeInLinearTimeAndTheResultIsStable() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 30_000; i++) body.append("RUN echo ").append(i).append('\n');
        Path file = dockerfile("runs", body.toString());
        ParseCommandTest.Result r = assertTimeoutPreemptively(HANG, () -> ParseCommandTest.run("optimize", "--write", file.toString()));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String merged = Files.readString(file);
        assertTrue(merged.contains("RUN echo 0 && \\\n    echo 1 && \\\n"), merged.substring(0, 200));
        // merged up to the longest body whittle analyses again (256 KB): three RUNs of 630 KB in all
        assertEquals(3, merged.lines().filter(l -> l.startsWith("RUN")).count());
        assertEquals(ExitCodes.OK, ParseCommandTest.run("check", file.toString()).code(), "a second run changes nothing");
    }

    @Test
    void eightThousandAptRunsAreLinearToo() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8000; i++) body.append("RUN apt-get update && apt-get install -y pkg").append(i).append('\n');
        Path file = dockerfile("apt", body.toString());
        ParseCommandTest.Result r = assertTimeoutPreemptively(HANG,
                () -> ParseCommandTest.run("optimize", "--diff", "--level", "safe", file.toString()));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(8000, r.out().lines().filter(l -> l.endsWith("&& rm -rf /var/lib/apt/lists/*")).count());
    }

    @Test
    void aGoSourceOfManyEmptyLinesInTheContextIsReadInLinearTime() throws Exception {
        Path file = dir.resolve("go/Dockerfile");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n");
        Files.writeString(file.resolveSibling("go.mod"), "module example.com/x\n\ngo 1.22\n");
        Files.writeString(file.resolveSibling("main.go"), "package main\n" + "\n".repeat(100_000) + "func main() {}\n");
        ParseCommandTest.Result r = optimize(file);
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.err().contains("static binary (CGO_ENABLED=0)"), r.err());
        // and an import "C" after the empty lines is still seen
        Files.writeString(file.resolveSibling("cgo.go"), "package main\n" + "\n".repeat(1000) + "import \"C\"\n");
        r = optimize(file);
        assertFalse(r.err().contains("CGO_ENABLED=0"), r.err());
    }

    @Test
    void forwardReferringEnvLinesDoNotExpandExponentially() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) body.append("ENV v").append(i).append("=${v").append(i + 1).append("}${v").append(i + 1).append("}\n");
        body.append("ENV v40=x\nWORKDIR /app/$v0\nRUN go build -o /app/run .\nCMD [\"/app/run\"]\n");
        ParseCommandTest.Result r = optimize(dockerfile("env", body.toString()));
        assertTrue(r.code() == ExitCodes.OK, r.err());
    }

    @Test
    void oneHostileFileNeverEndsABatch() throws Exception {
        dockerfile("a-subst", "RUN echo " + "$(".repeat(18) + ")".repeat(18) + "\n");
        dockerfile("b-if", "RUN " + lines("if true; then ", 5_000, 1) + "true" + lines("; fi ", 5_000, 1) + "\n");
        dockerfile("c-json", "CMD " + lines("[", 200_000, 1000) + "\n");
        Path good = dockerfile("d-good", "MAINTAINER me\nRUN apt-get update && apt-get install -y curl\n");
        ParseCommandTest.Result r = assertTimeoutPreemptively(HANG, () -> ParseCommandTest.run("batch", "--no-progress", "--write",
                dir.toString()));
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(Files.readString(good).contains("LABEL"), "the rest went on");
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void aFileOverItsTimeBudgetIsReportedAndTheBatchGoesOn() throws Exception {
        dockerfile("a", "RUN " + "apt-get install -y x && ".repeat(2000) + "true\n");
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--time-budget", "0.000001", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("took more than 1.0E-6 s of CPU, whittle's budget for one file (--time-budget)"), r.err());
        assertTrue(r.out().matches("(?s).*refused \\(bad input\\) +1\n.*"), r.out());
        assertEquals(ExitCodes.BAD_INPUT, ParseCommandTest.run("batch", "--time-budget", "0", dir.toString()).code());
    }

    @Test
    void aFileThatNeedsMoreMemoryThanTheHeapIsReportedAndTheBatchGoesOn() throws Exception {
        // a batch in its own JVM with a small heap: a 1 MB file of RUN lines needs more than it has
        dockerfile("big", "RUN a\n".repeat(170_000));
        dockerfile("big2", "RUN b\n".repeat(170_000));
        Path good = dockerfile("good", "MAINTAINER me\n");
        Process p = TestTrees.whittle(dir.resolve("log"), java.util.List.of("-Xmx48m", "-Xss16m"), "batch", "--no-progress",
                "--write", dir.toString());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("log"));
        assertEquals(ExitCodes.BAD_INPUT, p.exitValue(), log);
        assertTrue(log.contains("needs more memory than whittle has"), log);
        assertTrue(Files.readString(good).contains("LABEL"), "the rest went on: " + log);
    }
}
