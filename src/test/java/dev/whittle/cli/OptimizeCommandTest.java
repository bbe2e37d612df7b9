package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCommandTest {

    @TempDir
    Path dir;

    private static final String INPUT = "FROM debian:12\r\nMAINTAINER me@x.org\r\nADD app /app\r\nCMD [\"/app\"]";

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void printsTheRewrittenFileAndTheChanges() throws Exception {
        Path f = write("Dockerfile", INPUT);
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", f.toString());
        assertEquals(0, r.code());
        assertEquals("FROM debian:12\r\nLABEL org.opencontainers.image.authors=\"me@x.org\"\r\nCOPY app /app\r\nCMD [\"/app\"]", r.out());
        assertTrue(r.err().contains(f + ":2: [maintainer-to-label]"), r.err());
        assertTrue(r.err().contains(f + ":3: [add-to-copy]"), r.err());
    }

    @Test
    void gitApplyOfTheDiffGivesTheOptimizeOutput() throws Exception {
        assertGitApplyGivesTheOptimizeOutput(write("Dockerfile", INPUT), "--level", "balanced");
    }

    /** Applies `optimize --diff` with git to the file and checks it then holds what `optimize` prints. */
    private void assertGitApplyGivesTheOptimizeOutput(Path f, String... options) throws Exception {
        String[] plain = java.util.stream.Stream.concat(java.util.stream.Stream.of("optimize"),
                java.util.stream.Stream.concat(java.util.Arrays.stream(options), java.util.stream.Stream.of(f.toString())))
                .toArray(String[]::new);
        String[] withDiff = java.util.stream.Stream.concat(java.util.Arrays.stream(plain).limit(plain.length - 1),
                java.util.stream.Stream.of("--diff", f.toString())).toArray(String[]::new);
        String expected = ParseCommandTest.run(plain).out();
        String diff = ParseCommandTest.run(withDiff).out();
        assertTrue(diff.startsWith("--- a/"), diff);
        Path patch = dir.resolve("change.patch");
        Files.writeString(patch, diff);
        Process git = new ProcessBuilder("git", "apply", "-p" + (diffDepth(diff)), patch.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(git.getInputStream().readAllBytes());
        assertEquals(0, git.waitFor(), log);
        assertEquals(expected, Files.readString(f));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"several-passes/package-caches", "go-alpine-go-get", "go-centos-legacy",
            "python-poetry-alpine", "apt-lists-cleanup", "merge-runs", "apt-lists-cleanup/crlf", "secrets-to-mounts"})
    void gitApplyWorksForMultiPassRewrites(String name) throws Exception {
        Path source = Path.of("testdata").resolve(name.startsWith("go-") || name.startsWith("python-")
                ? "examples/" + name : name).resolve("Dockerfile");
        Path f = dir.resolve("Dockerfile");
        Files.write(f, Files.readAllBytes(source));
        assertGitApplyGivesTheOptimizeOutput(f, "--level", "aggressive");
    }

    @Test
    void jsonFormatReportsChangesFindingsAndTheDiff() throws Exception {
        Path f = write("Dockerfile", "FROM alpine:3.22\nARG API_TOKEN\nRUN apk update && apk add curl\n");
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--format", "json", f.toString());
        assertEquals(0, r.code(), r.err());
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        com.fasterxml.jackson.databind.JsonNode file = root.get("files").get(0);
        assertEquals("changed", file.get("status").asText());
        assertEquals("secrets-to-mounts", file.get("changes").get(0).get("pass").asText());
        assertEquals(false, file.get("changes").get(0).get("applied").asBoolean());
        assertEquals("apk-no-cache", file.get("changes").get(1).get("pass").asText());
        assertEquals(3, file.get("changes").get(1).get("line").asInt());
        assertTrue(file.get("diff").asText().contains("+RUN apk add --no-cache curl"), file.toString());
        assertEquals(1, root.get("summary").get("rewrites").asInt());
        assertEquals(1, root.get("summary").get("findings").asInt());
        assertEquals("", r.err(), "json mode keeps stderr for errors");

        ParseCommandTest.Result check = ParseCommandTest.run("check", "--format", "json", f.toString());
        assertEquals(1, check.code());
        assertEquals(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(check.out()).get("summary").get("changed").asInt());

        Path bad = write("Bad.Dockerfile", "FROM x\nRUN <<EOF\nnever ends\n");
        ParseCommandTest.Result broken = ParseCommandTest.run("optimize", "--format", "json", bad.toString());
        assertEquals(2, broken.code());
        assertEquals("error", new com.fasterxml.jackson.databind.ObjectMapper().readTree(broken.out())
                .get("files").get(0).get("status").asText());
    }

    /** Strip everything before the file name: the diff names the file by the path it was given. */
    private static int diffDepth(String diff) {
        String first = diff.lines().findFirst().orElseThrow().substring("--- ".length());
        return (int) first.chars().filter(c -> c == '/').count();
    }

    @Test
    void writeRewritesInPlaceKeepingPermissions() throws Exception {
        Path f = write("Dockerfile", INPUT);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--write", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(f).contains("COPY app /app"));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temporary file is left behind");
        }
        assertEquals(ExitCodes.OK, ParseCommandTest.run("check", f.toString()).code(), "idempotent");
    }

    @Test
    void readOnlyFilesAreReportedAndLeftAlone() throws Exception {
        Path f = write("Dockerfile", INPUT);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--write", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("read-only file; left as it was"), r.err());
        assertEquals(INPUT, Files.readString(f));
    }

    @Test
    void unparseableFilesAreRefusedAndNothingIsWritten() throws Exception {
        Path f = write("Dockerfile", "FROM a\nRUN <<EOF\nno end\n");
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--write", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith(f + ":2:1: unterminated heredoc"), r.err());
        assertEquals("FROM a\nRUN <<EOF\nno end\n", Files.readString(f));
    }

    @Test
    void checkExitsOneWhenSomethingWouldChange() throws Exception {
        write("Dockerfile", INPUT);
        assertEquals(ExitCodes.CHANGES, ParseCommandTest.run("check", dir.toString()).code());
        assertEquals(ExitCodes.BAD_INPUT, ParseCommandTest.run("optimize", "--level", "extreme", "x").code());
        assertEquals(ExitCodes.BAD_INPUT, ParseCommandTest.run("optimize", "--only", "nope", "x").code());
    }

    @Test
    void rulesAndExplainComeFromThePassMetadata() {
        ParseCommandTest.Result rules = ParseCommandTest.run("rules");
        assertTrue(rules.out().contains("add-to-copy") && rules.out().contains("maintainer-to-label"), rules.out());
        ParseCommandTest.Result explain = ParseCommandTest.run("explain", "add-to-copy");
        assertTrue(explain.out().contains("resolves: DL3020"), explain.out());
        assertEquals(ExitCodes.BAD_INPUT, ParseCommandTest.run("explain", "nope").code());
    }
}
