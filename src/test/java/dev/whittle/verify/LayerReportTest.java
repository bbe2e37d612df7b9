package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image archives read as the engines write them, and the layer report dive would show for them. */
class LayerReportTest {
    @TempDir
    Path dir;

    static final String DOCKERFILE = """
            FROM debian:bookworm-slim
            RUN apt-get update && apt-get install -y curl
            COPY app /app/app
            RUN rm -rf /var/lib/apt/lists/* && chmod 755 /app/app
            CMD ["/app/app"]
            """;

    static List<TestArchives.LayerSpec> layers() {
        return List.of(
                new TestArchives.LayerSpec("/bin/sh -c #(nop) ADD file:abc in / ").dir("usr").dir("usr/bin").file("usr/bin/sh", 1000)
                        .dir("etc").file("etc/os-release", "ID=debian\n"),
                new TestArchives.LayerSpec("/bin/sh -c apt-get update && apt-get install -y curl").dir("var").dir("var/lib")
                        .dir("var/lib/apt").dir("var/lib/apt/lists").file("var/lib/apt/lists/mirror_Packages", 40_000)
                        .file("var/lib/apt/lists/mirror_Sources", 20_000).file("usr/bin/curl", 5_000),
                new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY file:def in /app/app ").dir("app").file("app/app", 9_000),
                new TestArchives.LayerSpec("/bin/sh -c rm -rf /var/lib/apt/lists/* && chmod 755 /app/app")
                        .opaque("var/lib/apt/lists").file("app/app", 9_000));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void dockerAndOciArchivesGiveTheLayersTheirSizesHistoryAndConfig(boolean oci) throws Exception {
        Path file = dir.resolve("image.tar");
        TestArchives.write(file, oci, List.of(), List.of("/app/app"), "/app", layers());
        ImageArchive a = ImageArchive.read(file, 0);
        assertEquals(4, a.layers().size());
        for (int i = 0; i < 4; i++) {
            byte[] tar = layers().get(i).tar();
            assertEquals(tar.length, a.layers().get(i).tarBytes(), "the uncompressed tar, padding and end blocks included");
            assertEquals("sha256:" + TestArchives.sha(tar), a.layers().get(i).diffId());
        }
        assertEquals("/bin/sh -c apt-get update && apt-get install -y curl", a.layers().get(1).history().createdBy());
        assertEquals(List.of("/app/app"), a.config().cmd());
        assertEquals("/app", a.config().workingDir());
        assertEquals(ImageArchive.Kind.OPAQUE, a.layers().get(3).entries().get(0).kind());
        assertEquals("var/lib/apt/lists", a.layers().get(3).entries().get(0).path());
    }

    @Test
    void wasteIsTheBytesALaterLayerHidesWithBothInstructionsAndThePassThatAvoidsIt() throws Exception {
        Path file = dir.resolve("image.tar");
        TestArchives.write(file, false, List.of(), List.of("/app/app"), "/app", layers());
        LayerReport r = LayerReport.of("original", ImageArchive.read(file, 1), BuildSteps.of(DOCKERFILE), 1);
        assertEquals(4, r.layers().size());
        assertTrue(r.layers().get(0).base());
        assertTrue(r.layers().get(0).instruction().startsWith("FROM debian:bookworm-slim"), r.layers().get(0).instruction());
        assertEquals(2, r.layers().get(1).line());
        assertEquals("RUN apt-get update && apt-get install -y curl", r.layers().get(1).instruction());
        assertEquals(3, r.layers().get(2).line());
        assertEquals(4, r.layers().get(3).line());
        assertEquals(60_000, r.layers().get(1).wastedBytes(), "the lists, hidden by the opaque folder of layer 4");
        assertEquals(9_000, r.layers().get(2).wastedBytes(), "the binary, stored again by chmod");
        assertEquals(69_000, r.wastedBytes());
        long stored = 1000 + 10 + 65_000 + 9_000 + 9_000;
        assertEquals(stored, r.fileBytes());
        assertEquals((double) (stored - 69_000) / stored, r.efficiency(), 1e-9);
        LayerReport.Waste lists = r.waste().get(0);
        assertEquals(60_000, lists.bytes());
        assertEquals(2, lists.files());
        assertTrue(lists.deleted());
        assertEquals("/var/lib/apt/lists/mirror_Packages", lists.examples().get(0));
        assertTrue(lists.advice().contains("apt-lists-cleanup"), lists.advice());
        LayerReport.Waste chmod = r.waste().get(1);
        assertTrue(!chmod.deleted() && chmod.advice().contains("COPY --chmod"), chmod.advice());
        assertEquals("/app/app", r.largestFiles().get(0).path());
        assertEquals(9_000, r.largestFiles().get(0).bytes());
        assertEquals("/app", r.largestFolders().get(0).path());
    }

    @Test
    void inspectSuggestsTheInstructionsThatWasteMost() throws Exception {
        Path file = dir.resolve("image.tar");
        List<TestArchives.LayerSpec> l = new java.util.ArrayList<>(layers());
        l.add(new TestArchives.LayerSpec("/bin/sh -c apt-get install -y gcc").dir("usr/lib/gcc").file("usr/lib/gcc/cc1", 3_000_000));
        TestArchives.write(file, false, List.of(), List.of("/app/app"), "/app", l);
        ImageArchive a = ImageArchive.read(file, 1);
        LayerReport r = LayerReport.of("image", a, BuildSteps.NONE, 1);
        assertEquals("RUN apt-get install -y gcc", r.layers().get(4).instruction(), "named by its history entry");
        List<Suggestions.Suggestion> s = Suggestions.of(r, a, BuildPaths.load(null));
        assertEquals(3_000_000, s.get(0).bytes());
        assertTrue(s.get(0).advice().contains("toolchains") && s.get(0).advice().contains("split-build-runtime"), s.get(0).advice());
        assertTrue(s.get(1).advice().contains("apt-lists-cleanup"), s.get(1).advice());
    }

    @Test
    void whiteoutsRemoveAPathAndEverythingUnderItAndLinksAreFollowed() throws Exception {
        Path file = dir.resolve("image.tar");
        TestArchives.write(file, true, List.of(), List.of(), "/", List.of(
                new TestArchives.LayerSpec("a").dir("opt").dir("opt/tool").file("opt/tool/bin", 100).file("opt/tool/lib", 50)
                        .dir("usr").dir("usr/local").link("usr/local/tool", "../../opt/tool"),
                new TestArchives.LayerSpec("b").delete("opt/tool")));
        MergedView v = new MergedView(ImageArchive.read(file, 0).layers());
        assertTrue(!v.exists("/opt/tool/bin") && !v.files().containsKey("opt/tool"));
        assertEquals(150, v.losses().stream().mapToLong(MergedView.Loss::bytes).sum());
        MergedView first = new MergedView(ImageArchive.read(file, 0).layers(), 1);
        assertTrue(first.exists("/usr/local/tool/bin"), "through the relative link");
    }
}
