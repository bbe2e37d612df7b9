package dev.whittle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of src/main only point down: a class may use its own package and the packages below it, never
 * one above. Read from the sources (imports and fully qualified names outside comments).
 */
class LayersTest {

    /** Bottom to top. A package's sub-packages (pass.rules) belong to its layer. */
    static final List<String> LAYERS = List.of("tree", "syntax", "shell", "core", "report", "edit", "facts", "split",
            "pass", "engine", "userrules", "config", "verify", "batch", "api", "lsp", "cli");

    private static final Pattern USE = Pattern.compile("\\bdev\\.whittle\\.([a-z]+)\\b");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");

    @Test
    void everyImportPointsDown() throws IOException {
        Path root = Path.of("src/main/java/dev/whittle");
        List<String> upward = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = root.relativize(f).getName(0).toString();
                if (pkg.endsWith(".java")) {
                    upward.add(f + ": a class outside every layer");
                    continue;
                }
                seen.add(pkg);
                int own = LAYERS.indexOf(pkg);
                if (own < 0) {
                    upward.add(f + ": package " + pkg + " is in no layer (add it to LayersTest.LAYERS)");
                    continue;
                }
                String code = COMMENT.matcher(Files.readString(f)).replaceAll("");
                Matcher m = USE.matcher(code);
                while (m.find()) {
                    int used = LAYERS.indexOf(m.group(1));
                    if (used > own) upward.add(root.relativize(f) + " uses " + m.group(1) + " (above " + pkg + ")");
                }
            }
        }
        assertEquals(List.of(), upward);
        assertTrue(seen.containsAll(LAYERS), "layers without a package: " + LAYERS.stream().filter(l -> !seen.contains(l)).toList());
    }
}
