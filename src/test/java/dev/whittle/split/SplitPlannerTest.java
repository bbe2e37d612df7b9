package dev.whittle.split;

import dev.whittle.facts.BuildContext;
import dev.whittle.facts.ImageRef;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.core.Level;
import dev.whittle.engine.Optimizer;
import dev.whittle.syntax.DockerfileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitPlannerTest {
    @TempDir
    Path dir;

    private static SplitPlanner.Decision decide(String dockerfile, BuildContext context, Knowledge k, Level level) {
        return SplitPlanner.decide(DockerfileReader.read(dockerfile, false), context, k, level);
    }

    @Test
    void imageReferencesSplitIntoTheirParts() {
        ImageRef r = ImageRef.parse("docker.io/library/golang:1.22.3-alpine3.19@sha256:abc");
        assertEquals("golang", r.repository());
        assertEquals("1.22.3", r.version());
        assertEquals(1, r.major());
        assertEquals(22, r.minor());
        assertEquals("3.19", r.alpineRelease());
        assertEquals("bookworm", ImageRef.parse("python:3.12-slim-bookworm").debianRelease());
        assertEquals("latest", ImageRef.parse("node").tagOrLatest());
        assertEquals("static-debian12", ImageRef.parse("gcr.io/distroless/static-debian12:nonroot").name());
    }

    @Test
    void aMuslBuildNeverGoesToAGlibcImage() {
        String file = "FROM golang:1.22-alpine\nWORKDIR /app\nRUN apk add --no-cache gcc musl-dev\nCOPY . .\n"
                + "RUN CGO_ENABLED=1 go build -o /app/server .\nCMD [\"/app/server\"]\n";
        for (Level level : Level.values()) {
            Split s = decide(file, BuildContext.none(), Knowledge.shipped(), level).split();
            // the alpine release golang:1.22-alpine was last built on (templates/images.yaml): the builder's own musl
            assertEquals("alpine:3.21", s.image(), level.name());
        }
    }

    @Test
    void aGlibcRuntimeIsAtLeastAsNewAsTheBuilder() {
        // trixie's glibc is newer than distroless debian12's: a cgo binary stays on the builder's release
        String file = "FROM golang:1.24-trixie\nWORKDIR /app\nCOPY . .\nRUN CGO_ENABLED=1 go build -o app .\nCMD [\"./app\"]\n";
        Split s = decide(file, BuildContext.none(), Knowledge.shipped(), Level.BALANCED).split();
        assertEquals("debian:trixie-slim", s.image());
        assertTrue(s.notes().stream().anyMatch(n -> n.contains("glibc 2.36 is older than the builder's 2.41")), s.notes().toString());
    }

    @Test
    void withoutAContextCgoStaysOnAndTheReportSaysSo() throws Exception {
        String file = "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/api .\nCMD [\"/app/api\"]\n";
        Split none = decide(file, BuildContext.none(), Knowledge.shipped(), Level.BALANCED).split();
        // the original runs as root: below the aggressive level the runtime does too (distroless's root variant)
        assertEquals("gcr.io/distroless/base-debian12", none.image());
        assertTrue(String.join(";", none.notes()).contains("no Go sources to check for cgo"));
        Files.writeString(dir.resolve("go.mod"), "module example.com/api\n\ngo 1.22\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nfunc main() {}\n");
        Split context = decide(file, BuildContext.of(dir), Knowledge.shipped(), Level.BALANCED).split();
        assertEquals("gcr.io/distroless/static-debian12", context.image());
        Split aggressive = decide(file, BuildContext.of(dir), Knowledge.shipped(), Level.AGGRESSIVE).split();
        assertTrue(aggressive.notes().stream().anyMatch(n -> n.contains("runs as uid 65534")), aggressive.notes().toString());
        assertTrue(context.builder().edits().values().iterator().next().contains("CGO_ENABLED=0 go build"));
    }

    @Test
    void goBuildWithoutOutputNeedsTheModulePathFromTheContext() throws Exception {
        String file = "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build\nCMD [\"./api\"]\n";
        SplitPlanner.Decision none = decide(file, BuildContext.none(), Knowledge.shipped(), Level.BALANCED);
        assertNull(none.split());
        assertEquals("`go build` (line 4) writes a binary whittle cannot name: the module path in go.mod is not known",
                none.reason());
        assertEquals(java.util.List.of("`go build` (line 4) names its binary after the module path in go.mod, and there is "
                + "no build context to read the files `COPY . .` (line 3) copies to /app from (run whittle with --context DIR)",
                "the image starts `./api`"), none.details());
        // a folder without Go sources (a Dockerfile kept apart from its sources): its lack of a go.mod proves nothing
        SplitPlanner.Decision empty = decide(file, BuildContext.of(dir), Knowledge.shipped(), Level.BALANCED);
        assertTrue(empty.details().get(0).endsWith("and the build context has no Go sources for `COPY . .` (line 3) to "
                + "copy to /app: it is not this build's context (run whittle with --context DIR)"), empty.details().toString());
        Files.writeString(dir.resolve("go.mod"), "module \"example.com/api/v3\" // the service\n\ngo 1.22\n");
        Files.writeString(dir.resolve("main.go"), "package main\n\nfunc main() {}\n");
        Split split = decide(file, BuildContext.of(dir), Knowledge.shipped(), Level.BALANCED).split();
        assertEquals(new Plan.Copy("/app/api", "/app/api"), split.copies().get(0));
        // another module path, another name: the start command no longer names what the build writes
        Files.writeString(dir.resolve("go.mod"), "module example.com/api/v1\n");
        assertTrue(decide(file, BuildContext.of(dir), Knowledge.shipped(), Level.BALANCED).reason()
                .startsWith("cannot tell which RUN builds `./api`"));
    }

    @Test
    void goBuildOfAFolderOrAFileIsNamedWithoutAContext() {
        String folder = "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build ./cmd/api\nCMD [\"/app/api\"]\n";
        SplitPlanner.Decision decision = decide(folder, BuildContext.none(), Knowledge.shipped(), Level.SAFE);
        Split split = decision.split();
        assertEquals("/app/api", split == null ? decision.reason() : split.plan().copies().get(0).from());
        // a go.work copied in with the sources would make ./cmd/api a module of its own: said, for the reviewer
        assertTrue(split.notes().stream().anyMatch(n -> n.startsWith("/app/api is taken to be what `go build ./cmd/api` "
                + "writes: no go.work workspace")), split.notes().toString());
        // Go before 1.18 has no workspaces: nothing to assume
        Split old = decide(folder.replace("golang:1.22", "golang:1.17"), BuildContext.none(), Knowledge.shipped(), Level.SAFE).split();
        assertTrue(old.notes().stream().noneMatch(n -> n.contains("go.work")), old.notes().toString());
        String source = "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -v cmd/tool/main.go\nCMD [\"./main\"]\n";
        assertEquals("/app/main", decide(source, BuildContext.none(), Knowledge.shipped(), Level.SAFE).split().plan().copies().get(0).from());
        // GOPATH mode before Go 1.11: the folder's name, with or without a go.mod
        String gopath = "FROM golang:1.10\nWORKDIR /go/src/github.com/acme/relay\nCOPY . .\nRUN go build\nCMD [\"./relay\"]\n";
        Split relay = decide(gopath, BuildContext.none(), Knowledge.shipped(), Level.SAFE).split();
        assertEquals("/go/src/github.com/acme/relay/relay", relay.plan().copies().get(0).from());
        // Go 1.13 to 1.15 build in module mode when a go.mod is there: without a context that is not known
        SplitPlanner.Decision auto = decide(gopath.replace("1.10", "1.14"), BuildContext.none(), Knowledge.shipped(), Level.SAFE);
        assertNull(auto.split());
        assertEquals("`go build` (line 4) writes a binary whittle cannot name: the module path in go.mod is not known",
                auto.reason());
    }

    @Test
    void aUserCatalogAndTemplateReplaceTheShippedOnes() throws Exception {
        String shipped = new String(Knowledge.class.getResourceAsStream("/templates/catalog.yaml").readAllBytes());
        Files.writeString(dir.resolve("catalog.yaml"), shipped.replace("gcr.io/distroless/static-debian12:nonroot",
                "registry.example.com/golden/static:2024"));
        Files.createDirectories(dir.resolve("runtime"));
        Files.writeString(dir.resolve("runtime/go.stg"), "runtime(s) ::= <<\n<header(s)>\nLABEL org.example.team=platform\n"
                + "<artifacts(s)>\n<metadata(s)>\n>>\n");
        Path ctx = Files.createDirectories(dir.resolve("app"));
        Files.writeString(ctx.resolve("go.mod"), "module example.com/api\n");
        Files.writeString(ctx.resolve("main.go"), "package main\n\nfunc main() {}\n");
        String file = "FROM golang:1.22\nWORKDIR /app\nCOPY . .\nRUN go build -o /app/api .\nCMD [\"/app/api\"]\n";
        Optimizer.Options options = new Optimizer.Options(Level.BALANCED, Set.of("split-build-runtime"), Set.of(),
                BuildContext.of(ctx), Knowledge.load(dir));
        String out = Optimizer.optimize(DockerfileReader.read(file, false), options).output().print();
        assertTrue(out.contains("FROM registry.example.com/golden/static:2024\nLABEL org.example.team=platform\n"
                + "COPY --from=builder /app/api /app/api\nCMD [\"/app/api\"]"), out);
    }

    @Test
    void aBrokenCatalogIsReportedWithItsFile() throws Exception {
        Files.writeString(dir.resolve("catalog.yaml"), "images: [{repository: golang, colour: blue}]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Knowledge.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("catalog.yaml").toString()), e.getMessage());
    }

    @Test
    void multiStageFilesAreNotSplitAgain() {
        String file = "FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine:3.22\nCOPY --from=build /app /app\nCMD [\"/app\"]\n";
        SplitPlanner.Decision d = decide(file, BuildContext.none(), Knowledge.shipped(), Level.AGGRESSIVE);
        assertNull(d.split());
        assertEquals("", d.reason());
    }
}
