package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whittle.cli.Whittle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code whittle inspect ARCHIVE}: the layer report of an existing image, with suggestions. */
class InspectCommandTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int inspect(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Whittle.run(args, new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path archive() throws Exception {
        Path file = dir.resolve("image.tar");
        TestArchives.write(file, true, List.of(), List.of("/app/app"), "/app", LayerReportTest.layers());
        return file;
    }

    @Test
    void anArchiveIsReportedLayerByLayerWithItsHistoryAndSuggestions() throws Exception {
        Path df = dir.resolve("Dockerfile");
        Files.writeString(df, LayerReportTest.DOCKERFILE);
        Path html = dir.resolve("report.html");
        assertEquals(0, inspect("inspect", "--dockerfile", df.toString(), "--html", html.toString(), archive().toString()), err);
        assertTrue(out.contains("line 2: RUN apt-get update && apt-get install -y curl"), out);
        assertTrue(out.contains("efficiency"), out);
        assertTrue(out.contains("deleted by line 4: RUN rm -rf /var/lib/apt/lists/* && chmod 755 /app... (2 files: "
                + "/var/lib/apt/lists/mirror_Packages, /var/lib/apt/lists/mirror_Sources)"), out);
        assertTrue(out.contains("(1 file: /app/app)"), out);
        assertTrue(out.contains("suggestions, the most bytes first:"), out);
        assertTrue(out.contains("apt-lists-cleanup"), out);
        assertTrue(Files.readString(html).contains("<svg id=\"layers\""));

        assertEquals(0, inspect("inspect", "--format", "json", archive().toString()), err);
        JsonNode j = new ObjectMapper().readTree(out);
        assertEquals(4, j.path("layers").path("layers").size());
        assertEquals("RUN apt-get update && apt-get install -y curl", j.path("layers").path("layers").path(1).path("instruction").asText(),
                "without --dockerfile the history names the layer");
        assertEquals(69_000, j.path("layers").path("wastedBytes").asLong());
        assertTrue(j.path("suggestions").path(0).path("advice").asText().contains("apt-lists-cleanup"));
    }

    @Test
    void whatIsNoArchiveOrImageIsBadInput() throws Exception {
        Path notTar = dir.resolve("notes.txt");
        Files.writeString(notTar, "hello");
        assertEquals(2, inspect("inspect", notTar.toString()));
        assertTrue(err.contains("notes.txt"), err);
        assertEquals(2, inspect("inspect", "--engine", "no-such-engine", "example/app:1"));
        assertTrue(err.contains("no container engine works here"), err);
        assertEquals(2, inspect("inspect", "--format", "yaml", notTar.toString()));
    }
}
