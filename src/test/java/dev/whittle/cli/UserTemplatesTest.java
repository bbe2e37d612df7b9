package dev.whittle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.api.DockerfileOptimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a repository's own templates, catalog, config and .gitignore can do: a template sees only the model
 * whittle gives it (no Java getters, no imports of other files); a bad regular expression, a template import,
 * a bad .gitignore pattern or a registry prefix that is not one are bad input of that folder or file, with their
 * place, and the rest of a batch goes on.
 */
class UserTemplatesTest {

    @TempDir
    Path dir;

    private static final Path GO_EXAMPLE = Path.of("testdata/examples/go-run-main");

    private Path write(Path p, String text) throws Exception {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** A copy of the Go example (it splits into a builder and a runtime stage) in {@code folder}. */
    private Path goApp(Path folder) throws Exception {
        for (String f : new String[] {"Dockerfile", "go.mod", "main.go"}) {
            write(folder.resolve(f), Files.readString(GO_EXAMPLE.resolve(f)));
        }
        return folder.resolve("Dockerfile");
    }

    @Test
    void aTemplateCannotReachJavaGettersOfTheModel() throws Exception {
        Path templates = dir.resolve("templates");
        write(templates.resolve("runtime/go.stg"), "runtime(s) ::= <<\nFROM <s.image.class.module.name>\n>>\n");
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--diff", "--templates", templates.toString(),
                goApp(dir.resolve("app")).toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(templates.resolve("runtime/go.stg").toString()), r.err());
        assertFalse(r.out().contains("java.base"), r.out());
        assertFalse(r.err().contains("internal error"), r.err());
        // what the model holds is there
        write(templates.resolve("runtime/go.stg"), "runtime(s) ::= <<\nFROM <s.image>\n<s.copies:{c|COPY --from=<s.builder> <c.from> <c.to>}>\n>>\n");
        r = ParseCommandTest.run("optimize", "--diff", "--templates", templates.toString(), dir.resolve("app/Dockerfile").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("+COPY --from=builder /usr/local/bin/localcache /usr/local/bin/localcache"), r.out());
    }

    @Test
    void aTemplateImportIsRefusedWithItsPlace() throws Exception {
        Path secret = write(dir.resolve("secret.stg"), "runtime(s) ::= <<\nFROM secret-image\n>>\n");
        Path templates = dir.resolve("templates");
        Path go = write(templates.resolve("runtime/go.stg"), "import \"" + secret + "\"\n");
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--diff", "--templates", templates.toString(),
                goApp(dir.resolve("app")).toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(go + ":1:8: import \"" + secret + "\" is not allowed"), r.err());
        assertFalse(r.out().contains("secret-image"));

        // the same folder named by one repository's .whittle.yaml: that repository is refused, the rest goes on
        Path repos = dir.resolve("repos");
        write(repos.resolve("bad/.whittle.yaml"), "templates: " + templates + "\n");
        goApp(repos.resolve("bad"));
        write(repos.resolve("good/Dockerfile"), BatchCommandTest.LEGACY);
        r = ParseCommandTest.run("batch", "--no-progress", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(go + ":1:8: import"), r.err());
        assertTrue(r.out().matches("(?s).*changed +1\n.*"), r.out());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    @Test
    void aBadCatalogRegularExpressionIsBadInputWithItsPlace() throws Exception {
        Path templates = dir.resolve("templates");
        Path catalog = write(templates.resolve("catalog.yaml"), Files.readString(Path.of("templates/catalog.yaml"))
                .replace("tag: '.*alpine.*'", "tag: '[abc'"));
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--diff", "--templates", templates.toString(),
                goApp(dir.resolve("app")).toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().matches("(?s).*" + java.util.regex.Pattern.quote(catalog.toString())
                + ":\\d+:\\d+: bad regular expression '\\[abc'.*"), r.err());

        Path repos = dir.resolve("repos");
        write(repos.resolve("bad/.whittle.yaml"), "templates: " + templates + "\n");
        write(repos.resolve("bad/Dockerfile"), BatchCommandTest.LEGACY);
        write(repos.resolve("good/Dockerfile"), BatchCommandTest.LEGACY);
        r = ParseCommandTest.run("batch", "--no-progress", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("bad regular expression"), r.err());
        assertTrue(r.out().matches("(?s).*changed +1\n.*"), r.out());
    }

    @Test
    void aBadGitignorePatternSkipsItsFolderWithThePlaceAndTheRestGoesOn() throws Exception {
        Path repos = dir.resolve("repos");
        write(repos.resolve("bad/.gitignore"), "build/\n[abc\n");
        write(repos.resolve("bad/Dockerfile"), BatchCommandTest.LEGACY);
        write(repos.resolve("good/Dockerfile"), BatchCommandTest.LEGACY);
        ParseCommandTest.Result r = ParseCommandTest.run("batch", "--no-progress", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(repos.resolve("bad/.gitignore") + ":2:1: bad pattern '[abc'"), r.err());
        assertTrue(r.out().matches("(?s).*changed +1\n.*"), r.out());
        ParseCommandTest.Result e = ParseCommandTest.run("batch", "--no-progress", "--exclude", "[x", repos.toString());
        assertEquals(ExitCodes.BAD_INPUT, e.code(), e.err());
        assertTrue(e.err().contains("--exclude: bad pattern '[x'"), e.err());
    }

    @Test
    void aRegistryPrefixThatIsNotOneIsRefusedWhereItIsRead() throws Exception {
        Path app = goApp(dir.resolve("app"));
        for (String bad : new String[] {"registry.example.com/hub/\nRUN echo injected\n", "my registry/", "reg;touch /x/",
                "Registry.example.com/Hub/"}) {
            ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--diff", "--registry", bad, app.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.code(), bad + ": " + r.err());
            assertTrue(r.err().contains("cannot start an image reference"), r.err());
            assertFalse(r.out().contains("injected"));
        }
        ParseCommandTest.Result ok = ParseCommandTest.run("optimize", "--diff", "--registry", "registry.example.com:5000/hub",
                app.toString());
        assertEquals(ExitCodes.OK, ok.code(), ok.err());
        assertTrue(ok.out().contains("+FROM registry.example.com:5000/hub/gcr.io/distroless"), ok.out());

        Path config = write(dir.resolve("app/.whittle.yaml"), "level: balanced\nregistry: \"mirror.example.com/a b/\"\n");
        ParseCommandTest.Result r = ParseCommandTest.run("optimize", "--diff", app.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains(config + ":2:12: registry: 'mirror.example.com/a b/' cannot start an image reference: "
                + "it holds whitespace"), r.err());

        assertThrows(IllegalArgumentException.class, () -> DockerfileOptimizer.builder().registry("x/\nRUN id"));
    }
}
