package dev.whittle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.engine.RuleTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's rule table is generated from the pass metadata (`whittle rules --markdown`); it must be current. */
class ReadmeTest {
    @Test
    void ruleTableIsCurrent() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(RuleTable.markdown()),
                "README rule table is out of date: paste the output of `./whittle rules --markdown`");
    }
}
