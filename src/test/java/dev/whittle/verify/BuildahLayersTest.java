package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real image built with buildah: the layer report read from buildah's own export agrees with buildah inspect.
 * Runs where buildah is set up as the e2e suite sets it (STORAGE_DRIVER=vfs BUILDAH_ISOLATION=chroot, which
 * .ci/run exports) and has the stand-in debian:bookworm-slim (testdata/e2e/standins.sh makes it).
 */
class BuildahLayersTest {
    private static final String BASE = "docker.io/library/debian:bookworm-slim";

    @TempDir
    Path dir;

    @Test
    void layerFiguresAgreeWithBuildahInspect() throws Exception {
        BuildahEngine engine = BuildahTests.engineOrSkip();
        assumeTrue(!engine.layerIds(BASE).isEmpty(), BASE + " is not in buildah's storage (testdata/e2e/standins.sh makes it)");
        Files.writeString(dir.resolve("a.txt"), "hello\n");
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM docker.io/library/debian:bookworm-slim
                WORKDIR /app
                COPY a.txt .
                RUN dd if=/dev/zero of=/app/big bs=1M count=3 2>/dev/null && apt-get --version > /app/apt.txt
                RUN rm /app/big && chmod 600 /app/a.txt
                CMD ["cat", "/app/a.txt"]
                """);
        String tag = "localhost/whittle-test-layers-" + ProcessHandle.current().pid();
        try {
            Exec.Result b = engine.build(dir.resolve("Dockerfile"), dir, tag, false, true, Duration.ofMinutes(5));
            assertTrue(b.ok(), b.output());
            Engine.Image inspected = engine.inspect(tag);
            Path archive = dir.resolve("image.tar");
            engine.export(tag, archive);
            int base = engine.layerIds(BASE).size();
            ImageArchive a = ImageArchive.read(archive, base);
            LayerReport r = LayerReport.of("test", a, BuildSteps.of(Files.readString(dir.resolve("Dockerfile"))), base);
            assertEquals(inspected.layerBytes().size(), r.layers().size());
            for (int i = 0; i < r.layers().size(); i++) {
                long mine = r.layers().get(i).tarBytes();
                long theirs = inspected.layerBytes().get(i);
                assertTrue(Math.abs(mine - theirs) <= theirs / 100, "layer " + (i + 1) + ": " + mine + " against buildah's " + theirs);
            }
            assertEquals(inspected.sizeBytes(), r.tarBytes(), 0.01 * inspected.sizeBytes());
            List<LayerReport.Row> app = r.layers().subList(base, r.layers().size());
            assertEquals(List.of(3, 4, 5), app.stream().map(LayerReport.Row::line).toList());
            assertTrue(r.waste().stream().anyMatch(w -> w.bytes() == 3 * 1024 * 1024 && w.deleted() && w.removedInstruction().startsWith("line 5: RUN rm /app/big")),
                    r.waste().toString());
            assertTrue(r.waste().stream().anyMatch(w -> w.examples().contains("/app/a.txt") && !w.deleted()), "chmod stores the file again");
        } finally {
            engine.remove(tag);
        }
    }
}
