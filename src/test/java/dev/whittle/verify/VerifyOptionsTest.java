package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What verify's options are read into: env files, services, checks, comparisons and the build-only paths. */
class VerifyOptionsTest {
    @TempDir
    Path dir;

    @Test
    void anEnvFileIsReadAsDockerReadsIt() throws Exception {
        Path f = dir.resolve("app.env");
        Files.writeString(f, "# the database\nDB_URL=postgres://db:5432/x?a=b\n\n  QUOTED=\"kept as written\"\nEMPTY=\nHOME\n");
        Map<String, String> env = new LinkedHashMap<>();
        Container.readEnvFile(f, env);
        assertEquals("postgres://db:5432/x?a=b", env.get("DB_URL"));
        assertEquals("\"kept as written\"", env.get("QUOTED"));
        assertEquals("", env.get("EMPTY"));
        assertEquals(System.getenv("HOME"), env.get("HOME"), "a name alone takes this process's value");
        Files.writeString(f, "OK=1\n1BAD=x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Container.readEnvFile(f, new LinkedHashMap<>()));
        assertEquals(f + ":2:1: '1BAD' is not a variable name (KEY=VALUE)", e.getMessage());
    }

    @Test
    void argumentsReplaceCmdAndKeepTheEntrypoint() {
        Container c = new Container(Map.of(), List.of("--port", "9000"));
        assertEquals(List.of("/entry", "--port", "9000"), c.argv(List.of("/entry"), List.of("serve"), null));
        assertEquals(List.of("/entry", "serve"), Container.NONE.argv(List.of("/entry"), List.of("serve"), null));
        assertEquals(List.of("/entry", "--version"), c.argv(List.of("/entry"), List.of("serve"), List.of("--version")));
    }

    @Test
    void aServiceTakesAPortOnlyAfterItsTag() {
        assertEquals(new Service("postgres:16", 5432), Service.parse("postgres:16:5432"));
        assertEquals(new Service("redis:7", 0), Service.parse("redis:7"));
        assertEquals(new Service("registry.example.com:5000/team/db:1.2", 3306), Service.parse("registry.example.com:5000/team/db:1.2:3306"));
        assertEquals(new Service("localhost/items:latest", 9000), Service.parse("localhost/items:latest:9000"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Service.parse("db:1:99999")).getMessage().contains("not a port"));
    }

    @Test
    void checksAndComparisonsSayWhatIsWrong() {
        assertEquals(new HttpCheck(8080, "/health?x=1"), HttpCheck.parse("8080/health?x=1"));
        assertEquals(new HttpCheck(80, "/"), HttpCheck.parse(":80"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HttpCheck.parse("http/x")).getMessage().contains("expected PORT/PATH"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BodyMatch.of("exact", List.of("/a"), null)).getMessage()
                .contains("--ignore-json needs --compare json"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BodyMatch.of(null, List.of("a.b"), null)).getMessage()
                .contains("expected a JSON pointer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BodyMatch.of(null, List.of(), "(")).getMessage().startsWith("--body-regex"));
        BodyMatch json = BodyMatch.of(null, List.of("/items/*/at"), null);
        assertNull(json.differs(new Http.Answer(200, "{\"items\":[{\"id\":1,\"at\":5}],\"n\":1.0}", null),
                new Http.Answer(200, "{\"n\":1,\"items\":[{\"at\":7,\"id\":1}]}", null)), "order, ignored fields and number forms do not count");
        assertEquals("status 200 against 503", json.differs(new Http.Answer(200, "{}", null), new Http.Answer(503, "{}", null)));
    }

    @Test
    void buildOnlyPathsComeFromTheShippedFileOrTheUsersOwn() throws Exception {
        BuildPaths shipped = BuildPaths.load(null);
        assertEquals("caches", shipped.match("/root/.npm/_cacache/index").name());
        assertEquals("sources", shipped.match("/workspace/main.go").name());
        assertTrue(shipped.match("/workspace/main.go").compiled());
        assertEquals("toolchains", shipped.match("/usr/local/go").name(), "a folder/** also matches the folder");
        assertNull(shipped.match("/app/server.js"));
        Files.writeString(dir.resolve("build-paths.yaml"), "groups:\n  - name: mine\n    why: ours\n    paths: [/opt/sdk/**]\n");
        BuildPaths own = BuildPaths.load(dir);
        assertEquals("mine", own.match("/opt/sdk/bin/cc").name());
        assertNull(own.match("/root/.npm/x"), "the user's file replaces the shipped one");
        Files.writeString(dir.resolve("build-paths.yaml"), "groups:\n  - name: mine\n    paths: [opt/sdk]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BuildPaths.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("build-paths.yaml") + ": mine: 'opt/sdk' is neither absolute"), e.getMessage());
        Files.writeString(dir.resolve("build-paths.yaml"), "groups:\n  - name: x\n    paths: [/a]\n    colour: red\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BuildPaths.load(dir)).getMessage().contains("colour"));
    }
}
