package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `optimize -` and `check -`: the Dockerfile on standard input, named by --stdin-filename. */
class StandardInputTest {

    @TempDir
    Path dir;

    static final String LEGACY = "FROM debian:12\nMAINTAINER me@x.org\nRUN apt-get update && apt-get install -y curl\n";

    static ParseCommandTest.Result run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Whittle.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out), new PrintWriter(err));
        return new ParseCommandTest.Result(code, out.toString(), err.toString());
    }

    @Test
    void optimizeDashPrintsWhatOptimizeOfTheFilePrints() throws Exception {
        Path f = dir.resolve("Dockerfile");
        Files.writeString(f, LEGACY);
        ParseCommandTest.Result fromFile = ParseCommandTest.run("optimize", f.toString());
        ParseCommandTest.Result fromStdin = run(LEGACY, "optimize", "-");
        assertEquals(0, fromStdin.code(), fromStdin.err());
        assertEquals(fromFile.out(), fromStdin.out());
        assertTrue(fromStdin.err().contains("-:2: [maintainer-to-label]"), fromStdin.err());
        ParseCommandTest.Result diff = run(LEGACY, "optimize", "--diff", "-");
        assertTrue(diff.out().startsWith("--- a/-\n+++ b/-\n"), diff.out());
    }

    @Test
    void theStdinFilenameDecidesConfigContextAndTheNameInReports() throws Exception {
        // the named file need not exist: its folder's .whittle.yaml applies, and its path names the report entries
        Files.createDirectories(dir.resolve("team/svc"));
        Files.writeString(dir.resolve("team/.whittle.yaml"), "level: safe\npasses:\n  skip: [maintainer-to-label]\n");
        Path named = dir.resolve("team/svc/Dockerfile");
        ParseCommandTest.Result r = run(LEGACY, "check", "--format", "json", "--stdin-filename", named.toString(), "-");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("\"path\" : \"" + named + "\""), r.out());
        assertTrue(r.out().contains("\"level\" : \"safe\""), r.out());
        assertTrue(!r.out().contains("maintainer-to-label") && r.out().contains("apt-lists-cleanup"), r.out());
        assertTrue(!Files.exists(named), "the named file is not written or created");
        ParseCommandTest.Result diff = run(LEGACY, "optimize", "--diff", "--stdin-filename", named.toString(), "-");
        assertTrue(diff.out().startsWith("--- a/" + dev.whittle.report.UnifiedDiff.pathOf(named)), diff.out());
    }

    @Test
    void theBuildContextIsTheNamedFilesFolderAndNoneWithoutAName() throws Exception {
        // the split reads the Go sources of the build context: without cgo the binary goes to distroless/static
        Files.writeString(dir.resolve("go.mod"), "module example.com/app\n\ngo 1.21\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nfunc main() {}\n");
        String go = "FROM golang:1.21\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD [\"/app\"]\n";
        String named = run(go, "check", "--stdin-filename", dir.resolve("Dockerfile").toString(), "-").err();
        assertTrue(named.contains("distroless/static-debian12"), named);
        // without a name there is no context: no sources to check for cgo, so the runtime keeps a C library
        String unnamed = run(go, "check", "-").err();
        assertTrue(unnamed.contains("distroless/base-debian12"), unnamed);
    }

    @Test
    void checkDashExitsLikeCheckAndBadInputIsReportedWithItsPlace() {
        assertEquals(1, run(LEGACY, "check", "-").code());
        assertEquals(0, run("FROM scratch\nCOPY app /app\n", "check", "-").code());
        ParseCommandTest.Result bad = run("FROM x\nRUN <<EOF\nnever ends\n", "check", "--stdin-filename", "svc/Dockerfile", "-");
        assertEquals(ExitCodes.BAD_INPUT, bad.code());
        assertTrue(bad.err().startsWith("svc/Dockerfile:2:"), bad.err());
    }

    @Test
    void misusesAreUsageErrors() {
        ParseCommandTest.Result write = run(LEGACY, "optimize", "--write", "-");
        assertEquals(ExitCodes.BAD_INPUT, write.code());
        assertTrue(write.err().contains("--write cannot rewrite standard input"), write.err());
        ParseCommandTest.Result mixed = run(LEGACY, "check", "-", "Dockerfile");
        assertEquals(ExitCodes.BAD_INPUT, mixed.code());
        assertTrue(mixed.err().contains("- (standard input) is the only PATH"), mixed.err());
        ParseCommandTest.Result name = run(LEGACY, "check", "--stdin-filename", "x/Dockerfile", "Dockerfile");
        assertEquals(ExitCodes.BAD_INPUT, name.code());
        assertTrue(name.err().contains("give - as the PATH"), name.err());
    }
}
