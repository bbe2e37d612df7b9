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
