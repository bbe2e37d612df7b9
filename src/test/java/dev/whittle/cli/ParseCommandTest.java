package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParseCommandTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Whittle.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    private Path file(String name, String content) throws Exception {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dumpPrintsBuildkitsAst() throws Exception {
        Path f = file("Dockerfile", "FROM golang:1.22 AS build\nRUN --mount=type=cache,target=/c go build -o /app .\n");
        Result r = run("parse", "--dump", f.toString());
        assertEquals(0, r.code());
        assertEquals("(from \"golang:1.22\" \"AS\" \"build\")\n"
                + "(run [\"--mount=type=cache,target=/c\"] \"go build -o /app .\")\n", r.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unterminated heredoc | FROM a\\nRUN <<EOF\\necho hi\\n | 2:1: unterminated heredoc",
        "JSON with a non-string | FROM a\\nCMD [\"a\", 1]\\n | 2:1: when using JSON array syntax",
        "duplicate directive | # escape=`\\n# escape=\\\\\\nFROM a\\n | 2:1: only one escape parser directive",
        "empty file | '' | 1:1: file with no instructions",
        "only comments | # a\\n# b\\n | 2:1: file with no instructions",
        "ENV without value | FROM a\\nENV PATH\\n | 2:1: ENV must have two arguments",
    })
    void badInputIsReportedWithPathLineAndColumn(String name, String content, String expected) throws Exception {
        Path f = file("Dockerfile", content.replace("\\n", "\n").replace("\\\\", "\\"));
        Result r = run("parse", "--dump", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith(f + ":" + expected), r.err());
        assertEquals("", r.out());
    }

    @Test
    void binaryUtf16AndHugeLinesAreRefused() throws Exception {
        Path bin = file("bin/Dockerfile", new byte[] {'F', 'R', 'O', 'M', ' ', 0, 1, 2, '\n'});
        Path utf16 = file("u16/Dockerfile", "\uFEFFFROM a\n".getBytes(StandardCharsets.UTF_16LE));
        Path huge = file("huge/Dockerfile", "FROM a\nRUN echo " + "x".repeat(70_000) + "\n");
        assertTrue(run("parse", "--dump", bin.toString()).err().startsWith(bin + ":1:6: binary file"));
        assertTrue(run("parse", "--dump", utf16.toString()).err().startsWith(utf16 + ":1:1: file is UTF-16LE encoded"));
        Result r = run("parse", "--dump", huge.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith(huge + ":2:65536: dockerfile line greater than max allowed size of 65535"), r.err());
    }

    @Test
    void roundtripWalksDirectoriesReportsEachBadFileAndGoesOn() throws Exception {
        file("a/Dockerfile", "FROM a\r\nRUN echo \\\r\n  hi\r\n");
        file("b/app.dockerfile", "\uFEFF# escape=`\nFROM a\nRUN dir c:\\ `\n  /w\n");
        file("c/Dockerfile.dev", "FROM a\nRUN <<EOF\nunterminated\n");
        file("node_modules/x/Dockerfile", "not looked at\n");
        file("d/README.md", "not a Dockerfile");
        Path loopA = dir.resolve("e/Dockerfile");
        Files.createDirectories(loopA.getParent());
        Files.createSymbolicLink(loopA, dir.resolve("e/Dockerfile.loop"));
        Files.createSymbolicLink(dir.resolve("e/Dockerfile.loop"), loopA);
        Result r = run("parse", "--roundtrip", dir.toString(), dir.resolve("missing").toString(), loopA.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("c/Dockerfile.dev:2:1: unterminated heredoc"), r.err());
        assertTrue(r.err().contains("missing: no such file or directory"), r.err());
        assertTrue(r.err().contains("e/Dockerfile: cannot read"), r.err());
        // the walk reports the two links of the loop, and the one named directly does not read
        assertTrue(r.err().contains("e/Dockerfile: cannot follow: symbolic link loop"), r.err());
        assertTrue(r.err().contains("e/Dockerfile.loop: cannot follow: symbolic link loop"), r.err());
        assertTrue(!r.err().contains("node_modules"), "node_modules is skipped");
        assertTrue(r.err().contains("7 files: 2 round-trip exactly, 5 refused as bad input, 0 do not round-trip"), r.err());
    }

    @Test
    void roundtripOfGoodFilesExitsZero() throws Exception {
        Path f = file("Dockerfile", "FROM a\nRUN x");
        Result r = run("parse", "--roundtrip", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 files: 1 round-trip exactly"));
    }

    @Test
    void helpListsExitCodesAndBadOptionsExitTwo() {
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("internal error"), help.out());
        assertTrue(run("--version").out().startsWith("whittle "));
        Result bad = run("parse", "--dump");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("Try 'whittle parse --help'"), bad.err());
        assertEquals(ExitCodes.BAD_INPUT, run("parse", "--dump", "--roundtrip", "x").code());
    }
}
