package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rewrite's final image lacks, read from real image archives. */
class ContentCheckTest {
    @TempDir
    Path dir;

    static TestArchives.LayerSpec nodeBase() {
        return new TestArchives.LayerSpec("/bin/sh -c #(nop) ADD file:base in / ").dir("usr").dir("usr/bin").file("usr/bin/node", 50_000)
                .file("usr/bin/npm", 1_000).dir("etc").file("etc/passwd", "root:x:0:0::/root:/bin/sh\n");
    }

    static TestArchives.LayerSpec slimBase() {
        return new TestArchives.LayerSpec("/bin/sh -c #(nop) ADD file:slim in / ").dir("usr").dir("usr/bin").file("usr/bin/node", 50_000)
                .dir("etc").file("etc/passwd", "root:x:0:0::/root:/bin/sh\n");
    }

    /** The original: its app, an npm cache, sources, an entrypoint script and a config file. */
    static List<TestArchives.LayerSpec> original() {
        return List.of(nodeBase(),
                new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY dir:src in /app ").dir("app").file("app/server.js", "require('./lib')\n")
                        .file("app/Dockerfile", "FROM node\n").dir("app/static").file("app/static/index.html", 700),
                new TestArchives.LayerSpec("/bin/sh -c npm install").dir("root").dir("root/.npm").file("root/.npm/_cacache/x", 30_000)
                        .dir("app/node_modules").file("app/node_modules/express.js", 4_000),
                new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY file:ep in /usr/local/bin/ ").dir("usr/local").dir("usr/local/bin")
                        .file("usr/local/bin/docker-entrypoint.sh", "#!/bin/sh\nexec node /app/server.js --config /etc/app/app.yaml \"$@\"\n")
                        .dir("etc/app").file("etc/app/app.yaml", "static: /app/static\n"));
    }

    private ContentCheck.Report compare(List<TestArchives.LayerSpec> before, List<String> beforeEp, List<String> beforeCmd,
                                        List<TestArchives.LayerSpec> after, List<String> afterEp, List<String> afterCmd) throws Exception {
        Path b = dir.resolve("before.tar");
        Path a = dir.resolve("after.tar");
        TestArchives.write(b, false, beforeEp, beforeCmd, "/app", before);
        TestArchives.write(a, true, afterEp, afterCmd, "/app", after);
        ImageArchive xb = ImageArchive.read(b, 1);
        LayerReport lb = LayerReport.of("original", xb, BuildSteps.NONE, 1);
        return ContentCheck.compare(xb, 1, lb.layers(), ImageArchive.read(a, 1), 1, BuildPaths.load(null));
    }

    @Test
    void buildOnlyFilesAreLeftOutAndTheRestIsListedWithTheInstructionThatMadeIt() throws Exception {
        List<TestArchives.LayerSpec> after = List.of(slimBase(), new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY dir:app in /app ")
                .dir("app").file("app/server.js", "require('./lib')\n").dir("app/node_modules").file("app/node_modules/express.js", 4_000)
                .dir("usr/local").dir("usr/local/bin").file("usr/local/bin/docker-entrypoint.sh", "#!/bin/sh\nexec node /app/server.js\n")
                .dir("etc/app").file("etc/app/app.yaml", "static: /app/public\n"));
        ContentCheck.Report r = compare(original(), List.of("docker-entrypoint.sh"), List.of(), after, List.of("docker-entrypoint.sh"), List.of());
        assertEquals(1, r.missingFiles(), r.toString());
        ContentCheck.Missing m = r.missing().get(0);
        assertEquals("/app/static/index.html", m.path());
        assertEquals(700, m.bytes());
        assertEquals("COPY dir:src in /app", m.instruction());
        assertEquals(2, r.buildOnly(), "the npm cache and the Dockerfile; /usr/bin/npm is the base image's");
        assertTrue(r.ok(), "nothing the image needs: " + r.needed());
    }

    @Test
    void aFileTheStartCommandNamesIsNeeded() throws Exception {
        List<TestArchives.LayerSpec> after = List.of(slimBase(), new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY dir:app in /app ")
                .dir("app").dir("app/node_modules").file("app/node_modules/express.js", 4_000));
        ContentCheck.Report r = compare(original(), List.of(), List.of("node", "server.js"), after, List.of(), List.of("node", "server.js"));
        assertEquals("/app/server.js", r.needed().get(0).path());
        assertTrue(r.needed().get(0).why().contains("the start command names it (node server.js)"), r.needed().get(0).why());
    }

    @Test
    void aFileAnEntrypointScriptOrConfigRefersToByAbsolutePathIsNeeded() throws Exception {
        List<TestArchives.LayerSpec> after = List.of(slimBase(), new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY dir:app in /app ")
                .dir("app").file("app/server.js", "x").dir("usr/local").dir("usr/local/bin")
                .file("usr/local/bin/docker-entrypoint.sh", "#!/bin/sh\nexec node /app/server.js --config /etc/app/app.yaml \"$@\"\n"));
        ContentCheck.Report r = compare(original(), List.of("docker-entrypoint.sh"), List.of(), after, List.of("docker-entrypoint.sh"), List.of());
        assertTrue(r.needed().stream().anyMatch(n -> n.path().equals("/etc/app/app.yaml")
                && n.why().equals("/usr/local/bin/docker-entrypoint.sh refers to /etc/app/app.yaml")), r.needed().toString());
        assertEquals(1, r.needed().size(), "what the original's config refers to counts only where the rewrite has that config");

        // the rewrite keeps the config, which refers to a folder it does not have
        List<TestArchives.LayerSpec> withConfig = List.of(slimBase(), new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY dir:app in / ")
                .dir("app").file("app/server.js", "x").dir("etc/app").file("etc/app/app.yaml", "static: /app/static\n"));
        r = compare(original(), List.of(), List.of("node", "server.js"), withConfig, List.of(), List.of("node", "server.js"));
        assertEquals(List.of(new ContentCheck.Needed("/app/static/index.html", "/etc/app/app.yaml refers to /app/static")), r.needed());
    }

    @Test
    void anArtifactTheRewriteMovesAndStartsFromItsNewPlaceIsNotMissing() throws Exception {
        List<TestArchives.LayerSpec> before = List.of(nodeBase(), new TestArchives.LayerSpec("/bin/sh -c cargo build --release")
                .dir("app").dir("app/target").dir("app/target/release").file("app/target/release/hello", 8_000)
                .dir("app/target/release/deps").file("app/target/release/deps/hello-1234", 8_000).file("app/main.rs", "fn main(){}"));
        List<TestArchives.LayerSpec> after = List.of(slimBase(), new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY file:x in /usr/local/bin/hello ")
                .dir("usr/local").dir("usr/local/bin").file("usr/local/bin/hello", 8_000));
        ContentCheck.Report r = compare(before, List.of(), List.of("/app/target/release/hello"), after, List.of(), List.of("/usr/local/bin/hello"));
        assertTrue(r.ok(), r.needed().toString());
        assertEquals(1, r.missingFiles(), "the binary at its old place is listed");
        assertEquals(2, r.buildOnly(), "the deps and the source");

        ContentCheck.Report broken = compare(before, List.of(), List.of("/app/target/release/hello"), after, List.of(), List.of("/usr/bin/hello"));
        assertTrue(broken.needed().stream().anyMatch(n -> n.path().equals("/app/target/release/hello")), broken.needed().toString());
        assertTrue(broken.needed().stream().anyMatch(n -> n.path().equals("/usr/bin/hello")
                && n.why().contains("the rewrite's own start command names it")), broken.needed().toString());
    }

    @Test
    void aMissingNeededFileMakesTheVerificationDifferentWithTheReason() throws Exception {
        FakeEngine e = new FakeEngine();
        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, "FROM node:18\nWORKDIR /app\nCOPY . /app\nRUN npm install\nCOPY docker-entrypoint.sh /usr/local/bin/\nCMD [\"node\", \"server.js\"]\n");
        String rewrite = "FROM node:18 AS builder\nWORKDIR /app\nCOPY . /app\nRUN npm install\n\nFROM node:18-slim\nCOPY --from=builder /app/node_modules /app/node_modules\nCMD [\"node\", \"server.js\"]\n";
        e.layers.put("node:18", original());
        e.layers.put("node:18-slim", List.of(slimBase(), new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY dir:x in /app/node_modules ")
                .dir("app").dir("app/node_modules").file("app/node_modules/express.js", 4_000)));
        e.cmds.put("node:18", List.of("node", "server.js"));
        e.cmds.put("node:18-slim", List.of("node", "server.js"));
        e.workdirs.put("node:18", "/app");
        e.workdirs.put("node:18-slim", "/app");
        e.baseIds.put("node:18", List.of("sha256:" + TestArchives.sha(nodeBase().tar())));
        e.baseIds.put("node:18-slim", List.of("sha256:" + TestArchives.sha(slimBase().tar())));
        Verifier.Setup setup = new Verifier.Setup(Container.NONE, List.of(), true, true, BuildPaths.load(null));
        Verifier.Report r = new Verifier(e, true, true, Duration.ofMinutes(1)).verify(df, rewrite, dir,
                Verifier.Check.ownStart(Duration.ofSeconds(1)), setup);
        assertEquals(Verifier.Outcome.DIFFERENT, r.outcome(), r.verdict());
        assertTrue(r.verdict().startsWith("the rewrite lacks /app/server.js, which the image needs: the start command names it"), r.verdict());
        assertEquals(3, r.before().layerReport().layers().get(1).line(), "COPY . /app made it");
        assertEquals(1, r.before().layerReport().baseLayers());
        assertEquals(7, r.after().layerReport().layers().get(1).line());
    }
}
