package dev.whittle.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.cli.Whittle;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `whittle lsp` with a real client: Neovim, headless, with its built-in LSP client (Debian's neovim package;
 * .ci/run installs it). Neovim opens a seed example, waits for whittle's diagnostics, applies the quick fix of
 * one pass, and writes the buffer; it must be what `whittle optimize --only ID` prints for the file.
 */
class NvimLspTest {

    @TempDir
    Path dir;

    static Path nvim() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, "nvim");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    @Test
    void neovimAppliesAQuickFixAndGetsWhatOptimizeOnlyWrites() throws Exception {
        Path nvim = nvim();
        if (nvim == null) System.err.println("NvimLspTest skipped: nvim is not installed (apt-get install neovim)");
        Assumptions.assumeTrue(nvim != null, "nvim is not installed (apt-get install neovim)");
        Path example = dir.resolve("go-alpine-go-get");
        Files.createDirectories(example);
        Files.copy(Path.of("testdata/examples/go-alpine-go-get/Dockerfile"), example.resolve("Dockerfile"));
        Path file = example.resolve("Dockerfile");
        String pass = "go-build-flags";

        // the server as the jar would run it, from the classes and libraries of this test run
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> server = List.of(java, "-cp", System.getProperty("java.class.path"), Whittle.class.getName(), "lsp");
        Path out = dir.resolve("out.Dockerfile");
        Path log = dir.resolve("nvim.log");
        Path script = Path.of("src/test/resources/nvim/apply-fix.lua").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "--clean", "-n", "-i", "NONE",
                "-c", "luafile " + script);
        Map<String, String> env = pb.environment();
        env.put("WHITTLE_CMD", String.join("\n", server));
        env.put("WHITTLE_FILE", file.toString());
        env.put("WHITTLE_PASS", pass);
        env.put("WHITTLE_OUT", out.toString());
        env.put("WHITTLE_LOG", log.toString());
        env.put("HOME", dir.toString()); // no user config, no shada, no swap files of the machine's user
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("nvim.out").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String seen = Files.exists(log) ? Files.readString(log) : "(no log)";
        assertTrue(done, "nvim did not finish within 120 s:\n" + seen);
        assertEquals(0, p.exitValue(), seen + Files.readString(dir.resolve("nvim.out")));
        assertTrue(seen.contains("applied whittle:"), seen);

        StringWriter expected = new StringWriter();
        Whittle.run(new String[] {"optimize", "--only", pass, file.toString()}, new PrintWriter(expected),
                new PrintWriter(new StringWriter()));
        assertEquals(expected.toString(), Files.readString(out), seen);
        assertEquals(Files.readString(Path.of("testdata/examples/go-alpine-go-get/Dockerfile")), Files.readString(file),
                "the file itself is not written");
        try (Stream<String> lines = Files.lines(log)) {
            assertTrue(lines.anyMatch(l -> l.startsWith("diagnostic ") && l.endsWith("[" + pass + "]")), seen);
        }
    }
}
