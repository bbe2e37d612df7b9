package dev.whittle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.cli.ExitCodes;
import dev.whittle.engine.RuleTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's generated sections (between {@code <!-- generated: NAME ... -->} and {@code <!-- end of generated
 * section -->}) are exactly what the code generates, each section is there once, and no section names an unknown
 * generator.
 */
class ReadmeTest {
    private static final Map<String, Supplier<String>> GENERATORS = new LinkedHashMap<>();

    static {
        GENERATORS.put("rules", RuleTable::markdown);
        GENERATORS.put("exit-codes", ExitCodes::markdown);
    }

    private static final Pattern SECTION = Pattern.compile(
            "<!-- generated: ([a-z-]+)[^\\n]*-->\\n(.*?)<!-- end of generated section -->", Pattern.DOTALL);

    @Test
    void everyGeneratedSectionIsExactlyWhatTheCodeGenerates() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, Integer> seen = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(readme);
        while (m.find()) {
            String name = m.group(1);
            assertTrue(GENERATORS.containsKey(name), "README names an unknown generated section: " + name);
            seen.merge(name, 1, Integer::sum);
            assertEquals(GENERATORS.get(name).get(), m.group(2),
                    "README section '" + name + "' is out of date: paste what the code generates (see the marker)");
        }
        for (String name : GENERATORS.keySet()) assertEquals(1, seen.getOrDefault(name, 0), "README sections named " + name);
        assertEquals(seen.values().stream().mapToInt(Integer::intValue).sum(),
                readme.split("<!-- end of generated section -->", -1).length - 1, "an end marker without its start");
    }
}
