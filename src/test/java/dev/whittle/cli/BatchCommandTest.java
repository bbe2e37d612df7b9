package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandTest {

    @TempDir
    Path dir;

    Path repos;

    static final String LEGACY = "FROM debian:12\nMAINTAINER me@x.org\nADD app /app\nCMD [\"/app\"]\n";
    static final String CLEAN = "FROM scratch\nCOPY app /app\n";
    static final String BROKEN = "FROM x\nRUN <<EOF\nnever ends\n";

    private void write(String rel, String text) throws Exception {
        Path p = repos.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Two git repositories and a plain folder: 3 files change, 1 is clean, 1 does not parse. */
    @BeforeEach
    void tree() throws Exception {
        repos = dir.resolve("repos");
        Files.createDirectories(repos.resolve("alpha/.git"));
        Files.createDirectories(repos.resolve("beta/.git"));
        write("alpha/Dockerfile", LEGACY);
        write("alpha/svc/Dockerfile.dev", "FROM alpine:3.22\nRUN apk update && apk add curl\n");
        write("beta/Dockerfile", CLEAN);
        write("beta/broken.Dockerfile", BROKEN);
        write("gamma/Containerfile", LEGACY.replace("debian:12", "debian:12-slim"));
    }

    private Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) files.put(root.relativize(p).toString(), Files.readString(p));
        }
        return files;
    }

    private Path copyOf(Path root, String name) throws Exception {
        Path target = dir.resolve(name);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                Path t = target.resolve(root.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        return target;
    }

    private static void git(Path where, String... args) throws Exception {
        Process p = new ProcessBuilder(Stream.concat(Stream.of("git"), Stream.of(args)).toList())
                .directory(where.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
    }

    @Test
    void aDryRunSummarisesAndChangesNothing() throws Exception {
        Map<String, String> before = snapshot(repos);
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), "the broken file makes the exit code 2, at the end");
        assertTrue(r.err().contains("broken.Dockerfile:2:1: unterminated heredoc"), r.err());
        assertTrue(r.out().matches("(?s).*files seen +5\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*changed +3\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*refused \\(bad input\\) +1\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*maintainer-to-label +2 +0\n.*"), r.out());
        assertEquals(before, snapshot(repos));
    }

    @Test
    void writeRewritesWhatParsesAndLeavesTheRestAsItWas() throws Exception {
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--write", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(Files.readString(repos.resolve("alpha/Dockerfile")).contains("COPY app /app"));
        assertTrue(Files.readString(repos.resolve("gamma/Containerfile")).contains("LABEL org.opencontainers"));
        assertEquals(BROKEN, Files.readString(repos.resolve("beta/broken.Dockerfile")));
        assertEquals(CLEAN, Files.readString(repos.resolve("beta/Dockerfile")));
        assertTrue(r.err().contains("3 file(s) rewritten"), r.err());
        assertEquals(ExitCodes.OK, ParseCommandTest.run("check", repos.resolve("alpha").toString()).code(), "idempotent");
    }

    @Test
    void onePatchAppliedWithGitGivesWhatWriteGives() throws Exception {
        Path written = copyOf(repos, "written");
        ParseCommandTest.run("batch", "--no-progress", "--write", written.toString());
        Path patch = dir.resolve("all.patch");
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch", patch.toString(), repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        // paths in the patch are relative to the current folder, or to / for files outside it
        git(repos.getRoot(), "apply", patch.toString());
        assertEquals(snapshot(written), snapshot(repos));
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".whittle")), "no temporary file left");
        }
    }

    @Test
    void onePatchPerRepositoryAppliesInsideThatRepository() throws Exception {
        Path written = copyOf(repos, "written");
        ParseCommandTest.run("batch", "--no-progress", "--write", written.toString());
        Path patches = dir.resolve("patches");
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch-dir", patches.toString(),
                repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        try (Stream<Path> s = Files.list(patches)) {
            assertEquals(List.of("alpha.patch", "index.json", "repos.patch"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "beta changed nothing; gamma has no .git, so it belongs to the root given");
        }
        JsonNode index = new ObjectMapper().readTree(patches.resolve("index.json").toFile()).get("patches");
        assertEquals("alpha.patch", index.get(0).get("patch").asText());
        assertEquals(repos.resolve("alpha").toAbsolutePath().toString(), index.get(0).get("repository").asText());
        assertEquals(2, index.get(0).get("files").asInt());
        assertEquals("repos.patch", index.get(1).get("patch").asText());
        assertTrue(r.err().contains("wrote " + patches.resolve("alpha.patch") + " (2 file(s) of " + repos.resolve("alpha")), r.err());
        assertTrue(Files.readString(patches.resolve("alpha.patch")).contains("--- a/svc/Dockerfile.dev"));
        git(repos.resolve("alpha"), "apply", patches.resolve("alpha.patch").toString());
        git(repos, "apply", patches.resolve("repos.patch").toString());
        assertEquals(snapshot(written), snapshot(repos));
    }

    @Test
    void jsonAndSarifReportsCoverEveryFile() throws Exception {
        ParseCommandTest.Result json = ParseCommandTest.run("batch", "--no-progress", "--format", "json", repos.toString());
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(5, root.get("summary").get("files").asInt());
        assertEquals(3, root.get("summary").get("changed").asInt());
        assertEquals(1, root.get("summary").get("errors").asInt());
        assertTrue(json.err().contains("files seen"), "the summary table goes to stderr beside a report");

        ParseCommandTest.Result sarif = ParseCommandTest.run("batch", "--no-progress", "--format", "sarif", repos.toString());
        JsonNode log = assertValidSarif(sarif.out());
        JsonNode run = log.get("runs").get(0);
        assertEquals("whittle", run.get("tool").get("driver").get("name").asText());
        assertFalse(run.get("invocations").get(0).get("executionSuccessful").asBoolean());
        JsonNode note = run.get("invocations").get(0).get("toolExecutionNotifications").get(0);
        assertEquals(2, note.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        boolean found = false;
        for (JsonNode res : run.get("results")) {
            String uri = res.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText();
            if (res.get("ruleId").asText().equals("maintainer-to-label") && uri.endsWith("alpha/Dockerfile")) {
                found = true;
                assertEquals(2, res.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
                assertEquals("warning", res.get("level").asText());
                String rule = run.get("tool").get("driver").get("rules").get(res.get("ruleIndex").asInt()).get("id").asText();
                assertEquals("maintainer-to-label", rule);
            }
        }
        assertTrue(found, sarif.out());
    }

    /** Validates against the official SARIF 2.1.0 JSON schema; returns the parsed log. */
    static JsonNode assertValidSarif(String text) throws Exception {
        JsonNode node = new ObjectMapper().readTree(text);
        try (InputStream schemaText = BatchCommandTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaText);
            Set<ValidationMessage> errors = schema.validate(node);
            assertTrue(errors.isEmpty(), errors.toString());
        }
        assertEquals("2.1.0", node.get("version").asText());
        return node;
    }

    @Test
    void binaryUtf16AndHugeFilesAreRefusedAndTheRestGoesOn() throws Exception {
        Files.write(repos.resolve("alpha/bin.Dockerfile"), new byte[] {'F', 'R', 'O', 'M', ' ', 0, 1, 2, '\n'});
        Files.write(repos.resolve("alpha/utf16.Dockerfile"), "FROM a\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        Path huge = repos.resolve("alpha/huge.Dockerfile");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line = ("RUN echo " + "x".repeat(1000) + "\n").getBytes();
            out.write("FROM a\n".getBytes());
            for (int i = 0; i < 17_000; i++) out.write(line);
        }
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--write", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("bin.Dockerfile:1:6: binary file"), r.err());
        assertTrue(r.err().contains("utf16.Dockerfile:1:1: file is UTF-16"), r.err());
        assertTrue(r.err().contains("huge.Dockerfile: cannot read: too large to be a Dockerfile (16.4 MB; whittle reads up to 1 MB)"),
                r.err());
        assertTrue(r.out().matches("(?s).*refused \\(bad input\\) +4\n.*"), r.out());
        assertTrue(Files.readString(repos.resolve("alpha/Dockerfile")).contains("COPY app /app"), "the rest was rewritten");
        assertEquals(17_000 * 1010L + 7, Files.size(huge), "refused files are left as they were");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(ExitCodes.BAD_INPUT, ParseCommandTest.run("batch", "--jobs", "0", repos.toString()).code());
        assertEquals(ExitCodes.BAD_INPUT, ParseCommandTest.run("batch", "--skip", "nope", repos.toString()).code());
        assertEquals(ExitCodes.BAD_INPUT,
                ParseCommandTest.run("batch", "--patch", "a.patch", "--write", repos.toString()).code());
    }

    @Test
    void excludeSkipsMatchingPaths() throws Exception {
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--exclude", "beta", "--exclude",
                "*.dev", repos.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*files seen +2\n.*"), r.out());
    }
}
