package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proposed .dockerignore: what it lists, the new file in the diff, and --write creating it only where none is. */
class ProposedDockerignoreTest {
    @TempDir
    Path dir;

    private static final String NODE = "FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n"
            + "CMD [\"node\", \"server.js\"]\n";

    private Path app(String dockerfile) throws Exception {
        Files.writeString(dir.resolve("Dockerfile"), dockerfile);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\",\"version\":\"1.0.0\"}");
        Files.writeString(dir.resolve("server.js"), "console.log(1)\n");
        Files.createDirectories(dir.resolve(".git/objects"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(dir.resolve("node_modules/a"));
        Files.writeString(dir.resolve("node_modules/a/index.js"), "module.exports = 1;\n");
        return dir.resolve("Dockerfile");
    }

    private String diff(Path f) {
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--only", "propose-dockerignore", "--diff", f.toString());
        return r.out();
    }

    @Test
    void theHistoryAndTheReinstalledModulesAreListedWithTheirSizes() throws Exception {
        String d = diff(app(NODE));
        assertTrue(d.contains("--- /dev/null\n+++ b/"), d);
        assertTrue(d.contains("+# .git: 21 B, the repository's history\n+.git\n"), d);
        assertTrue(d.contains("+# node_modules: 20 B, the build installs its own\n+node_modules\n"), d);
    }

    @Test
    void theHistoryStaysWhenTheBuildMayReadIt() throws Exception {
        assertFalse(diff(app(NODE.replace("RUN npm ci", "RUN npm ci && git describe --tags > version.txt"))).contains(".git"));
        Path f = app(NODE);
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\",\"scripts\":{\"version\":\"git rev-parse HEAD\"}}");
        assertFalse(diff(f).contains("+.git"), "package.json names git");
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\"}");
        Files.writeString(dir.resolve("pyproject.toml"), "[tool.setuptools_scm]\n");
        assertFalse(diff(f).contains("+.git"), "a version from the SCM");
        Files.delete(dir.resolve("pyproject.toml"));
        assertFalse(diff(app(NODE.replace("RUN npm ci", "RUN npm ci && go build ./tools/gen"))).contains("+.git"),
                "go build stamps the binary from .git");
    }

    @Test
    void writeCreatesItOnceAndNeverOverAnExistingFile() throws Exception {
        Path f = app(NODE);
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--only", "propose-dockerignore", "--write", f.toString());
        assertEquals(0, r.code(), r.err());
        String made = Files.readString(dir.resolve(".dockerignore"));
        assertTrue(made.startsWith("# proposed by whittle"), made);
        assertEquals(NODE, Files.readString(f), "the Dockerfile itself is left as it was");
        ParseCommandTest.Result again = ParseCommandTest.run("optimize", "--only", "propose-dockerignore", "--write", f.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("0 of 1 file(s) rewritten"), again.err());
        assertEquals(made, Files.readString(dir.resolve(".dockerignore")));
    }

    @Test
    void gitApplyOfTheDiffCreatesTheFile() throws Exception {
        Path f = app(NODE.replace("COPY . .", "COPY . .\nMAINTAINER me@example.org"));
        String d = ParseCommandTest.run("optimize", "--only", "propose-dockerignore,maintainer-to-label", "--diff", f.toString()).out();
        assertTrue(d.startsWith("--- a/"), d);
        String first = d.lines().findFirst().orElseThrow().substring("--- ".length());
        int depth = (int) first.chars().filter(c -> c == '/').count();
        Path patch = dir.resolve("p.patch");
        Files.writeString(patch, d);
        Process git = new ProcessBuilder("git", "apply", "-p" + depth, patch.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(git.getInputStream().readAllBytes());
        assertEquals(0, git.waitFor(), log);
        assertTrue(Files.readString(dir.resolve(".dockerignore")).contains("\nnode_modules\n"));
        assertTrue(Files.readString(f).contains("LABEL org.opencontainers.image.authors"), "the Dockerfile's hunk applied too");
    }
}
