package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths in patches: diff headers quoted the way git quotes them (a newline in a folder name cannot add a header
 * line and send {@code patch -p1} to another file), and --patch-dir names that are unique, stable, within 255
 * bytes, printed and listed in index.json.
 */
class PatchNamesTest {

    @TempDir
    Path dir;

    static final String LEGACY = BatchCommandTest.LEGACY;

    private static Path write(Path p, String text) throws Exception {
        return TestTrees.write(p, text);
    }

    private static Map<String, String> snapshot(Path root) throws Exception {
        return TestTrees.snapshot(root);
    }

    private static String exec(Path where, String... command) throws Exception {
        if (command[0].equals("patch")) {
            org.junit.jupiter.api.Assumptions.assumeTrue(Faults.run("patch", "--version") == 0,
                    "GNU patch is not installed here (.ci/run installs it); test skipped");
        }
        Process p = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ":\n" + log);
        return log;
    }

    @Test
    void aNewlineInAFolderNameCannotSendThePatchToAnotherFile() throws Exception {
        Path root = dir.resolve("root");
        write(root.resolve("x\n+++ b/tree/victim/Dockerfile"), LEGACY);
        Path victim = write(root.resolve("tree/victim/Dockerfile"), "FROM scratch\nCOPY a /a\n");
        Path patches = dir.resolve("patches");
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch-dir", patches.toString(),
                root.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String patch = Files.readString(patches.resolve("root.patch"));
        assertTrue(patch.startsWith("--- \"a/x\\n+++ b/tree/victim/Dockerfile\"\n+++ \"b/x\\n+++ b/tree/victim/Dockerfile\"\n"),
                patch);
        Path copy = dir.resolve("copy");
        exec(dir, "cp", "-a", root.toString(), copy.toString());
        exec(root, "patch", "-p1", "-i", patches.resolve("root.patch").toString());
        exec(copy, "git", "apply", patches.resolve("root.patch").toString());
        for (Path applied : List.of(root, copy)) {
            assertEquals("FROM scratch\nCOPY a /a\n", Files.readString(applied.resolve("tree/victim/Dockerfile")));
            assertTrue(Files.readString(applied.resolve("x\n+++ b/tree/victim/Dockerfile")).contains("LABEL"));
        }
        assertEquals("FROM scratch\nCOPY a /a\n", Files.readString(victim));
    }

    @Test
    void namesWithSpacesQuotesTabsAndNonAsciiApplyWithGitAndPatch() throws Exception {
        Path root = dir.resolve("root");
        List<String> names = List.of("sp ace", "q\"uote", "back\\slash", "tab\tx", "ütf-8 ü", "trailing ");
        for (String n : names) write(root.resolve(n + "/Dockerfile"), LEGACY);
        Path written = dir.resolve("written");
        exec(dir, "cp", "-a", root.toString(), written.toString());
        ParseCommandTest.run("batch", "--no-progress", "--write", written.toString());
        Path patches = dir.resolve("patches");
        assertEquals(ExitCodes.OK, ParseCommandTest.run("batch", "--no-progress", "--patch-dir", patches.toString(),
                root.toString()).code());
        String patch = Files.readString(patches.resolve("root.patch"));
        assertTrue(patch.contains("--- a/sp ace/Dockerfile\t\n"), "git's tab after a name with a space: " + patch);
        assertTrue(patch.contains("--- \"a/\\303\\274tf-8 \\303\\274/Dockerfile\"\n"), patch);
        Path viaGit = dir.resolve("via-git");
        exec(dir, "cp", "-a", root.toString(), viaGit.toString());
        exec(viaGit, "git", "apply", patches.resolve("root.patch").toString());
        exec(root, "patch", "-p1", "-i", patches.resolve("root.patch").toString());
        assertEquals(snapshot(written), snapshot(viaGit));
        assertEquals(snapshot(written), snapshot(root));
    }

    @Test
    void aPathThatIsNotUtf8IsRefusedNotMisnamed() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        exec(root, "sh", "-c", "d=\"$(printf 'latin\\351')\"; mkdir \"$d\" && printf 'FROM debian:12\\nMAINTAINER me\\n' > \"$d/Dockerfile\"");
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch", dir.resolve("p.patch").toString(),
                root.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("its path is not valid UTF-8"), r.err());
        assertFalse(Files.readString(dir.resolve("p.patch")).contains("latin"), "no diff under a wrong name");
    }

    @Test
    void patchFolderNamesAreUniqueStableAndListed() throws Exception {
        Path root = dir.resolve("repos");
        List<String> repos = List.of("team/api", "team-api", "team api", "-team-api", "a".repeat(200) + "/" + "b".repeat(200));
        for (String repo : repos) {
            Files.createDirectories(root.resolve(repo + "/.git"));
            write(root.resolve(repo + "/Dockerfile"), LEGACY);
        }
        Path patches = dir.resolve("patches");
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", "--patch-dir", patches.toString(),
                root.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode index = new ObjectMapper().readTree(patches.resolve("index.json").toFile()).get("patches");
        Map<String, String> patchOf = new TreeMap<>();
        for (JsonNode e : index) patchOf.put(root.relativize(Path.of(e.get("repository").asText())).toString(), e.get("patch").asText());
        assertEquals(5, patchOf.size());
        assertEquals("team%2Fapi.patch", patchOf.get("team/api"));
        assertEquals("team-api.patch", patchOf.get("team-api"));
        assertEquals("team%20api.patch", patchOf.get("team api"));
        assertEquals("%2Dteam-api.patch", patchOf.get("-team-api"));
        String longName = patchOf.get("a".repeat(200) + "/" + "b".repeat(200));
        assertTrue(longName.getBytes(StandardCharsets.UTF_8).length <= 255 && longName.matches("a{200}~[0-9a-f]{16}\\.patch"),
                longName);
        for (Map.Entry<String, String> e : patchOf.entrySet()) {
            assertTrue(r.err().contains("wrote " + patches.resolve(e.getValue()) + " (1 file(s) of " + root.resolve(e.getKey()) + ")"),
                    r.err());
            exec(root.resolve(e.getKey()), "git", "apply", patches.resolve(e.getValue()).toString());
            assertTrue(Files.readString(root.resolve(e.getKey() + "/Dockerfile")).contains("LABEL"));
        }

        // the same names in another run, whatever else is there
        Path again = dir.resolve("again");
        Files.createDirectories(again.resolve("team/api/.git"));
        write(again.resolve("team/api/Dockerfile"), LEGACY);
        Path more = dir.resolve("more");
        ParseCommandTest.run("batch", "--no-progress", "--patch-dir", more.toString(), again.toString());
        try (Stream<Path> s = Files.list(more)) {
            assertEquals(List.of("index.json", "team%2Fapi.patch"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theSamePathUnderTwoRootsGetsTwoNames() throws Exception {
        List<String> args = new ArrayList<>(List.of("batch", "--no-progress", "--patch-dir", dir.resolve("p").toString()));
        for (String org : List.of("orgA", "orgB")) {
            Files.createDirectories(dir.resolve(org + "/api/.git"));
            write(dir.resolve(org + "/api/Dockerfile"), LEGACY);
            args.add(dir.resolve(org).toString());
        }
        assertEquals(ExitCodes.OK, ParseCommandTest.run(args.toArray(String[]::new)).code());
        JsonNode index = new ObjectMapper().readTree(dir.resolve("p/index.json").toFile()).get("patches");
        assertEquals("api.patch", index.get(0).get("patch").asText());
        assertTrue(index.get(1).get("patch").asText().matches("api~[0-9a-f]{16}\\.patch"), index.toString());
        assertTrue(index.get(1).get("repository").asText().endsWith("orgB/api"));
    }
}
