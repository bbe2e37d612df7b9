package dev.whittle.syntax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.shell.Shell;
import dev.whittle.tree.Dockerfile;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

/**
 * Generated and mutated Dockerfiles never crash the parser: each either parses and prints back
 * byte for byte, or is refused with a located {@link SyntaxError}.
 */
class ParserPropertiesTest {

    private static final String[] PIECES = {
        "FROM ", "from ", "RUN ", "run ", "COPY ", "ADD ", "ENV ", "LABEL ", "ARG ", "CMD ", "ENTRYPOINT ",
        "ONBUILD ", "HEALTHCHECK ", "SHELL ", "WORKDIR ", "USER ", "EXPOSE ", "VOLUME ", "MAINTAINER ", "FOO ",
        "# escape=`\n", "# syntax=docker/dockerfile:1\n", "#", "# comment\n", "\\\n", "`\n", "\\", "`", "\\\\",
        "\n", "\r\n", "\r", " ", "\t", "\u00a0", "\uFEFF", "<<EOF", "<<-EOF", "<<'EOF'", "EOF\n", "\tEOF\n",
        "3<<X", "X\n", "[\"a\", \"b\"]", "[", "]", "\"", "'", "=", "A=1", "a b", "--mount=type=cache,target=/x ",
        "--from=build ", "-- ", "$", "${", "}", "$(", ")", "&&", "||", ";", "|", "é", "😀", "ubuntu:22.04",
        "apt-get install -y curl", "go build -o /app .", "\u0000x", "\u2028",
    };

    @Provide
    Arbitrary<String> dockerfiles() {
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        return piece.list().ofMinSize(1).ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void generatedFilesParseAndPrintBackOrAreRefused(@ForAll("dockerfiles") String text) {
        check(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        String base = "# syntax=docker/dockerfile:1\nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\n"
                + "RUN --mount=type=cache,target=/root/.cache \\\n    go mod download && \\\n    # fetch\n"
                + "    go build -o /app ./cmd/app\nRUN <<EOF\nset -e\necho hi\nEOF\n"
                + "ENV A=1 B=\"two words\"\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n";
        byte[] seed = base.getBytes(StandardCharsets.UTF_8);
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, seed.length - 1);
        Arbitrary<Byte> value = Arbitraries.of((byte) '\n', (byte) '\\', (byte) '`', (byte) '#', (byte) '"',
                (byte) '[', (byte) '<', (byte) ' ', (byte) '\r', (byte) 0xC3, (byte) 0xFF, (byte) 'E');
        return Combinators.combine(pos.list().ofMaxSize(6), value.list().ofSize(6)).as((ps, vs) -> {
            byte[] b = seed.clone();
            for (int i = 0; i < ps.size(); i++) b[ps.get(i)] = vs.get(i);
            return b;
        });
    }

    @Property(tries = 3000)
    void mutatedFilesParseAndPrintBackOrAreRefused(@ForAll("mutated") byte[] bytes) {
        check(bytes);
    }

    @Property(tries = 2000)
    void shellParserNeverThrows(@ForAll("dockerfiles") String text) {
        Shell.parse(text); // either a script or one with an error; never an exception
    }

    private static void check(byte[] bytes) {
        Dockerfile tree;
        try {
            tree = DockerfileReader.read(bytes);
        } catch (SyntaxError e) {
            assertTrue(e.line() >= 1 && e.column() >= 1 && !e.getMessage().isBlank());
            return;
        }
        assertArrayEquals(bytes, SourceText.encode(tree.print()));
        BuildkitDump.dump(tree);
    }
}
