package dev.whittle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whittle.CorpusSample;
import dev.whittle.core.Change;
import dev.whittle.core.Level;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.syntax.SyntaxError;
import dev.whittle.tree.Dockerfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reviewer reads the first line of every change and finding: it stays short (160 characters at most) and the
 * long detail goes to the details. Checked on the corpus sample at the aggressive level (every pass).
 */
class ReasonsTest {
    static final int FIRST_LINE = 160;

    @Test
    void everyFirstLineOfTheCorpusSampleIsShort() throws Exception {
        List<String> longOnes = new ArrayList<>();
        int changes = 0;
        for (Path f : CorpusSample.files()) {
            Dockerfile d;
            try {
                d = DockerfileReader.read(Files.readAllBytes(f));
            } catch (SyntaxError e) {
                continue;
            }
            for (Change c : Optimizer.optimize(d, Optimizer.Options.of(Level.AGGRESSIVE)).changes()) {
                changes++;
                if (c.message().length() > FIRST_LINE && longOnes.size() < 20) longOnes.add(f.getFileName() + ": " + c.format(""));
            }
        }
        assertEquals(List.of(), longOnes, "of " + changes + " changes and findings");
    }
}
