package dev.whittle.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.whittle.syntax.DockerfileReader;
import dev.whittle.syntax.SourceText;
import dev.whittle.tree.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases, discovered automatically: testdata/CASE/Dockerfile and testdata/CASE/expected/LEVEL.Dockerfile.
 * The output must equal the expected bytes, parse again, and a second run must change nothing.
 */
class GoldenTest {

    @TestFactory
    List<DynamicTest> goldenCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("testdata"))) {
            for (Path expected : s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("expected")
                    && p.getFileName().toString().endsWith(".Dockerfile")).sorted().toList()) {
                Path input = expected.getParent().getParent().resolve("Dockerfile");
                String levelName = expected.getFileName().toString().replace(".Dockerfile", "");
                Level level = Level.valueOf(levelName.toUpperCase(Locale.ROOT));
                tests.add(DynamicTest.dynamicTest(input.getParent().getFileName() + " @ " + levelName, () -> {
                    Dockerfile in = DockerfileReader.read(Files.readAllBytes(input));
                    Optimizer.Result r = Optimizer.optimize(in, Optimizer.Options.of(level));
                    String out = r.output().print();
                    assertEquals(SourceText.decode(Files.readAllBytes(expected)), out);
                    Dockerfile again = DockerfileReader.read(SourceText.encode(out));
                    Optimizer.Result second = Optimizer.optimize(again, Optimizer.Options.of(level));
                    assertFalse(second.changed(), "a second run changes nothing");
                }));
            }
        }
        assertFalse(tests.isEmpty());
        return tests;
    }
}
