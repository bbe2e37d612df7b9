package dev.whittle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.core.Level;
import dev.whittle.pass.Pass;
import dev.whittle.pass.PassContext;
import dev.whittle.tree.Dockerfile;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each pass is found from its id: its class is the id in CamelCase, and its golden cases (see {@link GoldenTest})
 * are under testdata/ID/.
 */
class PassesTest {

    /** {@code go-get-to-install} → {@code GoGetToInstall}. */
    static String className(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return out.toString();
    }

    @Test
    void everyPassIsAClassNamedAfterItsId() {
        Set<String> ids = new HashSet<>();
        Set<Class<?>> classes = new HashSet<>();
        for (Pass p : Passes.ALL) {
            String id = p.info().id();
            assertTrue(id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), "a lower-case kebab id: " + id);
            assertTrue(ids.add(id), "one pass per id: " + id);
            assertTrue(classes.add(p.getClass()), "one id per class: " + p.getClass().getSimpleName());
            assertEquals(className(id), p.getClass().getSimpleName(), "the class of " + id);
            assertEquals(p, Passes.byId(id));
        }
    }

    @Test
    void aPassRunsOnlyWithItsContext() {
        List<Method> runs = Arrays.stream(Pass.class.getMethods()).filter(m -> m.getName().equals("run")).toList();
        assertEquals(1, runs.size(), "one run method: " + runs);
        assertEquals(List.of(Dockerfile.class, PassContext.class), List.of(runs.get(0).getParameterTypes()));
    }

    @Test
    void everyPassHasAGoldenFolderNamedAfterItsIdWithACaseThatRunsIt() throws IOException {
        for (Pass p : Passes.ALL) {
            String id = p.info().id();
            Path folder = Path.of("testdata", id);
            assertTrue(Files.isDirectory(folder), "no golden folder testdata/" + id + "/");
            List<Path> cases;
            try (Stream<Path> s = Files.walk(folder)) {
                cases = s.filter(e -> e.getParent() != null && e.getParent().getFileName().toString().equals("expected")
                        && e.getFileName().toString().endsWith(".Dockerfile")).sorted().toList();
            }
            assertTrue(cases.stream().anyMatch(e -> runs(e, p)),
                    "testdata/" + id + "/ has no case that runs " + id + " (CASE/Dockerfile and CASE/expected/LEVEL."
                            + "Dockerfile at its level or above, CASE/only naming it or absent); found " + cases);
        }
    }

    /** Folders of testdata/ that are not one pass's cases, and what each holds. */
    private static final java.util.Map<String, String> NOT_A_PASS = java.util.Map.of(
            "conformance", "BuildKit's parser fixtures and edge cases", "e2e", "the end-to-end suite's apps",
            "examples", "the five seed Dockerfiles", "reports", "the report formats' goldens",
            "review", "the seeded reviews' verdicts", "several-passes", "cases of several passes at once",
            "user-rules", "rules of your own from .whittle.yaml");

    @Test
    void everyGoldenFolderIsNamedAfterAPass() throws IOException {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Pass p : Passes.ALL) ids.add(p.info().id());
        List<String> stray;
        try (Stream<Path> s = Files.list(Path.of("testdata"))) {
            stray = s.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> !ids.contains(n) && !NOT_A_PASS.containsKey(n)).sorted().toList();
        }
        assertEquals(List.of(), stray, "a pass's cases go under testdata/ID/ (or name the folder in NOT_A_PASS)");
    }

    /** Whether the golden case of this expected file runs the pass: its level includes the pass's, its only names it. */
    private static boolean runs(Path expected, Pass p) {
        Path dir = expected.getParent().getParent();
        if (!Files.isRegularFile(dir.resolve("Dockerfile"))) return false;
        String level = expected.getFileName().toString().replace(".Dockerfile", "").toUpperCase(Locale.ROOT);
        if (!Level.valueOf(level).includes(p.info().level())) return false;
        Path only = dir.resolve("only");
        try {
            return !Files.exists(only) || Set.of(Files.readString(only).strip().split("\\s*,\\s*")).contains(p.info().id());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
