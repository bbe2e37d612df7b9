package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line under mistakes: unknown commands, argument files that are not files, the help text. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownCommandIsNamedWithTheNearestOneAndExitsTwo() {
        ParseCommandTest.Result r = ParseCommandTest.run("frobnicate", "--help");
        assertEquals(ExitCodes.BAD_INPUT, r.code(), "not the top-level help with exit 0");
        assertTrue(r.err().startsWith("whittle: unknown command 'frobnicate'; the nearest is '"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
        ParseCommandTest.Result typo = ParseCommandTest.run("expalin", "merge-runs");
        assertEquals(ExitCodes.BAD_INPUT, typo.code());
        assertTrue(typo.err().startsWith("whittle: unknown command 'expalin'; did you mean 'explain'?"), typo.err());
        assertEquals(ExitCodes.BAD_INPUT, ParseCommandTest.run("optimise", "Dockerfile").code());
        assertTrue(ParseCommandTest.run("optimise", "x").err().contains("did you mean 'optimize'?"));
        assertEquals(ExitCodes.OK, ParseCommandTest.run("rules").code(), "known commands still run");
    }

    @Test
    void everyCommandSummaryInTheHelpIsAWholeSentence() {
        String help = ParseCommandTest.run("--help").out();
        String commands = help.substring(help.indexOf("Commands:\n") + 10, help.indexOf("\nExit codes:"));
        List<String> summaries = new ArrayList<>();
        for (String line : commands.split("\n")) {
            if (line.isBlank()) continue;
            if (line.startsWith("    ")) summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
            else summaries.add(line.strip());
        }
        assertTrue(summaries.size() >= 7, commands);
        for (String s : summaries) assertTrue(s.endsWith("."), "cut mid-sentence: " + s);
    }

    @Test
    void argumentFilesThatAreNotRegularFilesOrAreHugeAreRefusedAtOnce() throws Exception {
        Path fifo = Faults.fifo(dir.resolve("args.fifo"));
        ParseCommandTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ParseCommandTest.run("parse", "--roundtrip", "@" + fifo));
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("@" + fifo + ": a FIFO, not a regular file"), r.err());

        // what @/dev/zero gives, made here: a sparse file of 1 GB of NUL bytes
        Path zeros = dir.resolve("zeros");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(zeros.toFile(), "rw")) {
            f.setLength(1L << 30);
        }
        r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ParseCommandTest.run("parse", "--roundtrip", "@" + zeros));
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("@" + zeros + ": larger than 16 MB"), r.err());

        // an argument file naming one of those is refused too; a plain one works as before
        Path outer = Files.writeString(dir.resolve("outer.txt"), "@" + fifo + "\n");
        r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ParseCommandTest.run("parse", "--roundtrip", "@" + outer));
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        Path docker = Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
        Path list = Files.writeString(dir.resolve("files.txt"), docker + "\n");
        r = ParseCommandTest.run("parse", "--roundtrip", "@" + list);
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.err().contains("1 files: 1 round-trip exactly"), r.err());
    }
}
