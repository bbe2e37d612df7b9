package dev.whittle.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.core.Level;
import dev.whittle.facts.BuildContext;
import dev.whittle.syntax.DockerfileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The split reads an entrypoint script from the build context (the before/after cases are golden, in testdata). */
class EntrypointScriptTest {
    @TempDir
    Path dir;

    private static final String NODE = "FROM node:20\nWORKDIR /usr/src/app\nCOPY package.json ./\nRUN npm install\n%s\n"
            + "ENTRYPOINT [\"%s\"]\nCMD [\"node\", \"server.js\"]\n";

    private SplitPlanner.Decision decide(String copies, String entrypoint, BuildContext context) {
        String file = String.format(NODE, copies, entrypoint);
        return SplitPlanner.decide(DockerfileReader.read(file, false), context, Knowledge.shipped(), Level.BALANCED);
    }

    private BuildContext context(String script) throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\",\"version\":\"1.0.0\"}");
        Files.writeString(dir.resolve("server.js"), "require('http').createServer().listen(3000)");
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("bin/entrypoint.sh"), script);
        return BuildContext.of(dir);
    }

    private static final String HANDS_OVER = "#!/bin/sh\nset -e\nexport MODE=\"${MODE:-production}\"\nexec \"$@\"\n";

    @Test
    void aScriptCopiedWithItsFolderIsFoundWhereTheCopyPutIt() throws IOException {
        SplitPlanner.Decision d = decide("COPY . .", "./bin/entrypoint.sh", context(HANDS_OVER));
        assertNotNull(d.split(), d.reason());
        assertTrue(d.split().notes().stream().anyMatch(n -> n.contains("bin/entrypoint.sh")), d.split().notes().toString());
    }

    @Test
    void aFileCopiedToDotLandsInTheWorkdir() throws IOException {
        SplitPlanner.Decision d = decide("COPY server.js .\nCOPY bin/entrypoint.sh .", "./entrypoint.sh", context(HANDS_OVER));
        assertNotNull(d.split(), d.reason());
        SplitPlanner.Decision renamed = decide("COPY server.js .\nCOPY bin/entrypoint.sh ./start", "./start", context(HANDS_OVER));
        assertNotNull(renamed.split(), renamed.reason());
    }

    @Test
    void withoutABuildContextTheScriptIsUnknown() {
        SplitPlanner.Decision d = decide("COPY . .", "./bin/entrypoint.sh", BuildContext.none());
        assertNull(d.split());
        assertTrue(d.reason().endsWith("there is no build context to read it from"), d.reason());
    }

    @Test
    void aWildcardCopyOverTheScriptMakesItsSourceUnknown() throws IOException {
        SplitPlanner.Decision d = decide("COPY . .\nCOPY bin/*.sh ./bin/", "./bin/entrypoint.sh", context(HANDS_OVER));
        assertNull(d.split());
        assertTrue(d.reason().contains("no COPY of the build context is known to put it at /usr/src/app/bin/entrypoint.sh"), d.reason());
    }

    @Test
    void scriptsThatDoMoreAreNamedForWhatTheyDo() throws IOException {
        String[][] cases = {
            {"#!/bin/sh\ncd /var/lib/app\nexec \"$@\"\n", "runs `cd`"},
            {"#!/bin/sh\n. /etc/app/env\nexec \"$@\"\n", "runs . (what follows is not read)"},
            {"#!/bin/sh\nset -- node \"$@\"\nexec \"$@\"\n", "changes its arguments (set --)"},
            {"#!/bin/sh\nexport HOST=$(hostname)\nexec \"$@\"\n", "runs commands inside"},
            {"#!/bin/sh\necho ready > /run/ready\nexec \"$@\"\n", "writes to or reads /run/ready"},
            {"#!/bin/sh\nexec \"$@\"\necho never\n", "does not end with exec \"$@\""},
            {"set -e\nexec \"$@\"\n", "has no #! line of a shell whittle knows"},
            {"#!/bin/sh\r\nexec \"$@\"\r\n", "has Windows line ends"},
        };
        for (String[] c : cases) {
            java.nio.file.Files.deleteIfExists(dir.resolve("bin/entrypoint.sh"));
            SplitPlanner.Decision d = decide("COPY . .", "./bin/entrypoint.sh", context(c[0]));
            assertNull(d.split(), c[0]);
            assertTrue(d.reason().contains(c[1]), c[0] + " -> " + d.reason());
        }
    }

    @Test
    void quietRedirectsAndTestsAreAllowed() throws IOException {
        String script = "#!/bin/sh\nset -eu\nif [ -z \"${PORT:-}\" ]; then echo 'no PORT' >&2; export PORT=3000; fi\n"
                + "id -u >/dev/null 2>&1\nexec \"$@\"\n";
        SplitPlanner.Decision d = decide("COPY . .", "./bin/entrypoint.sh", context(script));
        assertNotNull(d.split(), d.reason());
        assertEquals("node:20-slim", d.split().image());
    }
}
