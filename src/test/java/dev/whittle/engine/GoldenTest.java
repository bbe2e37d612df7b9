package dev.whittle.engine;

import dev.whittle.core.Level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.facts.BuildContext;
import dev.whittle.config.ConfigFile;
import dev.whittle.pass.Pass;
import dev.whittle.split.Knowledge;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.syntax.SourceText;
import dev.whittle.tree.Dockerfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import dev.whittle.core.Change;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden cases, discovered automatically: testdata/CASE/Dockerfile and testdata/CASE/expected/LEVEL.Dockerfile.
 * The output must equal the expected bytes, parse again, and a second run must change nothing. When
 * expected/LEVEL.changes exists, the change list (rewrites and findings, as `optimize` prints them)
 * must equal it too. A case folder with a .whittle.yaml runs its user rules after the passes. A pass's own
 * cases are testdata/ID/ and the folders under it ({@link PassesTest} checks that every pass has one); a case
 * is named by its folder under testdata/.
 */
class GoldenTest {

    @TestFactory
    List<DynamicTest> goldenCases() throws IOException {
        // testdata/CASE/only (optional): the pass ids to run, comma-separated; default: all of the level
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("testdata"))) {
            for (Path expected : s.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("expected")
                    && p.getFileName().toString().endsWith(".Dockerfile")).sorted().toList()) {
                Path input = expected.getParent().getParent().resolve("Dockerfile");
                String levelName = expected.getFileName().toString().replace(".Dockerfile", "");
                Level level = Level.valueOf(levelName.toUpperCase(Locale.ROOT));
                // named by the folder under testdata/: a pass's cases are testdata/ID/ and the folders under it
                String name = Path.of("testdata").relativize(input.getParent()).toString().replace('\\', '/');
                tests.add(DynamicTest.dynamicTest(name + " @ " + levelName, () -> {
                    Path onlyFile = input.getParent().resolve("only");
                    Set<String> only = Files.exists(onlyFile)
                            ? Set.of(Files.readString(onlyFile).strip().split("\\s*,\\s*")) : Set.of();
                    // the case folder is the build context, as it is for `whittle optimize` by default
                    // a case with a .whittle.yaml runs its user rules too (its level is the expected file's)
                    Path config = input.getParent().resolve(".whittle.yaml");
                    List<Pass> rules = Files.exists(config) ? ConfigFile.read(config).rulePasses() : List.of();
                    Optimizer.Options options = new Optimizer.Options(level, only, Set.of(),
                            BuildContext.of(input.getParent()), Knowledge.shipped(), rules);
                    Dockerfile in = DockerfileReader.read(Files.readAllBytes(input));
                    Optimizer.Result r = Optimizer.optimize(in, options);
                    String out = r.output().print();
                    assertEquals(SourceText.decode(Files.readAllBytes(expected)), out);
                    Path changes = expected.resolveSibling(levelName + ".changes");
                    if (Files.exists(changes)) {
                        StringBuilder listed = new StringBuilder();
                        for (Change c : r.changes()) listed.append(c.format("Dockerfile")).append('\n');
                        assertEquals(Files.readString(changes), listed.toString(), "changes and findings");
                    }
                    // a file the rewrite adds beside the Dockerfile: expected/LEVEL.NAME holds it (and only then is one made)
                    List<String> made = new ArrayList<>();
                    for (dev.whittle.core.NewFile f : r.created()) {
                        Path want = expected.resolveSibling(levelName + f.name());
                        assertTrue(Files.exists(want), "the rewrite adds " + f.name() + "; expected/" + want.getFileName() + " holds it");
                        assertEquals(Files.readString(want), f.text(), f.name());
                        made.add(want.getFileName().toString());
                    }
                    try (Stream<Path> siblings = Files.list(expected.getParent())) {
                        for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(levelName + ".")).toList()) {
                            String n = p.getFileName().toString();
                            if (n.endsWith(".Dockerfile") || n.endsWith(".changes")) continue;
                            assertTrue(made.contains(n), "expected/" + n + " is a file the rewrite does not add");
                        }
                    }
                    Dockerfile again = DockerfileReader.read(SourceText.encode(out));
                    assertEquals(again, r.output(), "the tree the passes built is the tree a whole read gives");
                    Optimizer.Result second = Optimizer.optimize(again, options);
                    // the added files are not written here, so a second run proposes them again, and nothing else
                    assertEquals(r.after(), second.after(), "a second run changes nothing");
                    assertEquals(r.created(), second.created(), "a second run proposes the same files");
                }));
            }
        }
        assertFalse(tests.isEmpty());
        return tests;
    }
}
