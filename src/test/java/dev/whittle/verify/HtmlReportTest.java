package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML layer report opened in a real headless Chromium (Debian's chromium package; .ci/run installs it):
 * the page parses into the charts, and the screenshot shows the bars at the lengths the sizes give.
 */
class HtmlReportTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    private List<String> chromium(String... what) {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"), "--force-device-scale-factor=1", "--hide-scrollbars"));
        cmd.addAll(List.of(what));
        return cmd;
    }

    private String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium ended");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
        return out;
    }

    @Test
    void chromiumDrawsBothChartsAtTheLengthsOfTheSizes() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        Path b = dir.resolve("before.tar");
        Path a = dir.resolve("after.tar");
        TestArchives.write(b, false, List.of(), List.of("/app"), "/", List.of(
                new TestArchives.LayerSpec("/bin/sh -c #(nop) ADD file:base in / ").file("base", 400_000),
                new TestArchives.LayerSpec("/bin/sh -c make").file("app", 600_000).file("cc1", 1)));
        TestArchives.write(a, true, List.of(), List.of("/app"), "/", List.of(
                new TestArchives.LayerSpec("/bin/sh -c #(nop) ADD file:slim in / ").file("base", 100_000),
                new TestArchives.LayerSpec("/bin/sh -c #(nop) COPY file:app in /app ").file("app", 700_000)));
        LayerReport before = LayerReport.of("original", ImageArchive.read(b, 1), BuildSteps.NONE, 1);
        LayerReport after = LayerReport.of("rewrite", ImageArchive.read(a, 1), BuildSteps.NONE, 1);
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReport.page("app/Dockerfile <test>", before, after, null, "verified", List.of()));

        String dom = run(chromium("--dump-dom", page.toUri().toString()));
        assertTrue(dom.contains("<svg id=\"totals\""), dom);
        assertEquals(4, dom.split("<rect class=\"layer\"", -1).length - 1, "one bar per layer");
        assertTrue(dom.contains("app/Dockerfile &lt;test&gt;"), "text is escaped");

        Path png = dir.resolve("shot.png");
        run(chromium("--window-size=1000,700", "--screenshot=" + png, page.toUri().toString()));
        BufferedImage img = ImageIO.read(png.toFile());
        Map<Integer, Integer> runsBefore = runs(img, 0x1f77b4);
        Map<Integer, Integer> runsAfter = runs(img, 0xff7f0e);
        long totalMax = before.tarBytes();
        int beforeTotal = 640;
        int afterTotal = (int) Math.round((double) after.tarBytes() / totalMax * 640);
        long layerMax = Math.max(before.layers().get(1).tarBytes(), after.layers().get(1).tarBytes());
        int beforeApp = (int) Math.round((double) before.layers().get(1).tarBytes() / layerMax * 640);
        int afterApp = (int) Math.round((double) after.layers().get(1).tarBytes() / layerMax * 640);
        assertTrue(beforeTotal != beforeApp && afterTotal != afterApp, "four distinct bars");
        assertBar(runsBefore, beforeTotal, 26, "the original's total");
        assertBar(runsAfter, afterTotal, 26, "the rewrite's total");
        assertBar(runsBefore, beforeApp, 18, "the original's app layer");
        assertBar(runsAfter, afterApp, 18, "the rewrite's app layer");
        int afterBase = (int) Math.round((double) after.layers().get(0).tarBytes() / layerMax * 640);
        assertBar(runs(img, 0xffbb78), afterBase, 18, "the rewrite's base layer, in its lighter colour");
    }

    /** Rows of a bar of this width (within 2 px) must number about its height. */
    private static void assertBar(Map<Integer, Integer> runs, int width, int height, String what) {
        int rows = 0;
        for (Map.Entry<Integer, Integer> e : runs.entrySet()) if (Math.abs(e.getKey() - width) <= 2) rows += e.getValue();
        assertTrue(rows >= height - 2, what + ": " + rows + " rows of about " + width + " px, expected " + height + "; runs: " + runs);
    }

    /** For each length of horizontal run of exactly this colour, how many rows have one. */
    private static Map<Integer, Integer> runs(BufferedImage img, int rgb) {
        Map<Integer, Integer> out = new HashMap<>();
        for (int y = 0; y < img.getHeight(); y++) {
            int run = 0;
            for (int x = 0; x <= img.getWidth(); x++) {
                if (x < img.getWidth() && (img.getRGB(x, y) & 0xffffff) == rgb) {
                    run++;
                } else if (run > 0) {
                    if (run > 3) out.merge(run, 1, Integer::sum);
                    run = 0;
                }
            }
        }
        return out;
    }
}
