package dev.whittle.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.CorpusSample;
import dev.whittle.shell.Shell;
import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Instruction;
import dev.whittle.tree.Keyword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trip on a fixed sample of 5,252 real Dockerfiles: byte-exact, or refused with a located message. */
class CorpusRoundTripTest {

    @Test
    void everySampledFileRoundTripsOrIsRefusedWithALocation() throws Exception {
        List<Path> files = CorpusSample.files();
        assertTrue(files.size() >= 5000, "sample has " + files.size() + " files");
        List<String> problems = new ArrayList<>();
        int parsed = 0;
        int refused = 0;
        int runs = 0;
        int shellParsed = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            Dockerfile tree;
            try {
                tree = DockerfileReader.read(bytes);
            } catch (SyntaxError e) {
                refused++;
                if (e.line() < 1 || e.column() < 1 || e.getMessage().isBlank()) problems.add(f + ": " + e.getMessage());
                continue;
            }
            parsed++;
            if (!Arrays.equals(bytes, SourceText.encode(tree.print()))) problems.add(f + ": does not round-trip");
            for (Instruction i : tree.instructions()) {
                if (i.kind() == Keyword.RUN && !i.command().json() && !i.command().values().isEmpty()) {
                    runs++;
                    if (Shell.parse(i.command().values().get(0)).parsed()) shellParsed++;
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(parsed > 0.99 * files.size(), parsed + " of " + files.size() + " parsed");
        assertTrue(shellParsed > 0.995 * runs, shellParsed + " of " + runs + " RUN bodies parsed as shell");
        System.out.printf("corpus sample: %d files, %d parsed and round-tripped, %d refused; %d/%d RUN bodies parsed%n",
                files.size(), parsed, refused, shellParsed, runs);
    }
}
