package dev.whittle.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.Shared;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Heredoc;
import dev.whittle.tree.Instruction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Agreement with BuildKit: on its own parser fixtures (in the shared folder; skipped without it) and on the
 * project's extra edge cases and byte-order-mark cases (testdata/conformance).
 */
class ConformanceTest {

    private static List<Path> cases(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static Dockerfile parseRoundTrip(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Dockerfile tree = DockerfileReader.read(bytes);
        assertArrayEquals(bytes, SourceText.encode(tree.print()), "round trip of " + file);
        return tree;
    }

    @TestFactory
    List<DynamicTest> buildkitFixturesDumpAsBuildkit() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases(Shared.buildkitFixtures().resolve("testfiles"))) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                Dockerfile tree = parseRoundTrip(c.resolve("Dockerfile"));
                String expected = Files.readString(c.resolve("result"), StandardCharsets.UTF_8);
                assertEquals(expected, BuildkitDump.dump(tree));
            }));
        }
        assertEquals(33, tests.size());
        return tests;
    }

    @TestFactory
    List<DynamicTest> extraPositiveCasesMatchDumpAndDetails() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases(Shared.ownConformance().resolve("extra/positive"))) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                Dockerfile tree = parseRoundTrip(c.resolve("Dockerfile"));
                String expected = Files.readString(c.resolve("result"), StandardCharsets.UTF_8);
                assertEquals(expected, BuildkitDump.dump(tree));
                assertEquals(detailsOf(c.resolve("details.txt")), details(tree));
            }));
        }
        assertEquals(82, tests.size());
        return tests;
    }

    /** The lines of details.txt that describe instructions, spans, heredocs and warnings. */
    private static List<String> detailsOf(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        String bytes = SourceText.decode(Files.readAllBytes(file));
        for (String line : bytes.split("\n", -1)) {
            if (line.startsWith("-- child ")) {
                out.add(line.replaceFirst(" prevComment=\\[.*\\]$", ""));
            } else if (line.startsWith("   heredoc ") || line.startsWith("-- warning: ") || line.startsWith("-- escape=")) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> details(Dockerfile tree) {
        List<String> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Instruction i : tree.instructions()) {
            if (i.emptyContinuationLine()) {
                warnings.add("-- warning: " + GoText.quote("Empty continuation line found in: " + i.command().original()));
            }
        }
        out.add("-- escape=" + GoText.quote(String.valueOf(tree.escape())) + " warnings=" + warnings.size());
        out.addAll(warnings);
        int n = 0;
        for (Instruction i : tree.instructions()) {
            StringBuilder flags = new StringBuilder("[");
            for (String f : i.command().flags()) {
                if (flags.length() > 1) flags.append(' ');
                flags.append(GoText.quote(f));
            }
            flags.append(']');
            out.add("-- child " + n++ + " lines " + i.line() + "-" + i.endLine() + " cmd=" + GoText.quote(i.command().keyword())
                    + " flags=" + flags + " attrs=map[" + (i.command().json() ? "json:true" : "") + "]"
                    + " original=" + GoText.quote(i.command().original()));
            for (Heredoc h : i.heredocs()) {
                out.add("   heredoc name=" + GoText.quote(h.name()) + " fd=" + h.fd() + " expand=" + h.expand()
                        + " chomp=" + h.chomp() + " content=" + GoText.quote(h.content()));
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> buildkitNegativeCasesAreRefused() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases(Shared.buildkitFixtures().resolve("testfiles-negative"))) {
            tests.add(DynamicTest.dynamicTest("buildkit/" + c.getFileName(), () -> {
                byte[] bytes = Files.readAllBytes(c.resolve("Dockerfile"));
                SyntaxError e = assertThrows(SyntaxError.class, () -> DockerfileReader.read(bytes));
                assertTrue(e.line() >= 1 && e.column() >= 1);
            }));
        }
        assertEquals(4, tests.size());
        return tests;
    }

    @TestFactory
    List<DynamicTest> extraNegativeCasesAreRefusedWithBuildkitsMessage() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases(Shared.ownConformance().resolve("extra/negative"))) {
            tests.add(DynamicTest.dynamicTest("extra/" + c.getFileName(), () -> {
                byte[] bytes = Files.readAllBytes(c.resolve("Dockerfile"));
                String error = Files.readString(c.resolve("error.txt"), StandardCharsets.UTF_8).lines()
                        .filter(l -> l.startsWith("ERROR: ")).findFirst().orElseThrow().substring(7);
                SyntaxError e = assertThrows(SyntaxError.class, () -> DockerfileReader.read(bytes));
                assertTrue(e.getMessage().startsWith(error), () -> "expected '" + error + "', got '" + e.getMessage() + "'");
            }));
        }
        assertEquals(11, tests.size());
        return tests;
    }

    @Test
    void lineSpansOfTheBuildkitLineFixture() throws IOException {
        Dockerfile tree = parseRoundTrip(Shared.buildkitFixtures().resolve("testfile-line/Dockerfile"));
        List<Instruction> ins = tree.instructions();
        assertEquals(3, ins.size());
        assertEquals(List.of(5, 5, 11, 12, 17, 31), List.of(ins.get(0).line(), ins.get(0).endLine(),
                ins.get(1).line(), ins.get(1).endLine(), ins.get(2).line(), ins.get(2).endLine()));
    }

    @TestFactory
    List<DynamicTest> byteOrderMarks() throws IOException {
        Path dir = Shared.ownConformance().resolve("encodings");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("utf8 BOM parses and round-trips", () -> {
            Dockerfile tree = parseRoundTrip(dir.resolve("Dockerfile.bom.utf8"));
            assertEquals("\uFEFF", tree.bom());
        }));
        for (String enc : List.of("utf16be", "utf16le", "utf32be", "utf32le")) {
            tests.add(DynamicTest.dynamicTest(enc + " is refused with its name", () -> {
                byte[] bytes = Files.readAllBytes(dir.resolve("Dockerfile.bom." + enc));
                SyntaxError e = assertThrows(SyntaxError.class, () -> DockerfileReader.read(bytes));
                assertTrue(e.getMessage().toLowerCase().contains(enc.replace("utf", "utf-")), e.getMessage());
            }));
        }
        return tests;
    }
}
