package dev.whittle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.whittle.syntax.SourceText;
import dev.whittle.verify.BuildPaths;
import dev.whittle.verify.BuildSteps;
import dev.whittle.verify.Engine;
import dev.whittle.verify.HtmlReport;
import dev.whittle.verify.ImageArchive;
import dev.whittle.verify.LayerReport;
import dev.whittle.verify.LayerText;
import dev.whittle.verify.Suggestions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect",
        description = {
            "Show where the bytes of an existing image are, layer by layer, and what would waste less.",
            "",
            "  whittle inspect myapp:latest                      exported with the engine (docker save, buildah push)",
            "  whittle inspect image.tar                         an OCI or docker archive (docker save -o image.tar IMAGE)",
            "  whittle inspect --dockerfile Dockerfile --base debian:bookworm-slim --html report.html myapp:latest",
            "",
            "Each layer's size (its uncompressed tar, as the engine counts it) next to the instruction that made it: the",
            "Dockerfile line with --dockerfile, else the image history's entry. Then the bytes one layer stores and a later",
            "one deletes or overwrites (wasted, with both instructions), the efficiency (the share of stored file bytes the",
            "final file system shows), the largest files and folders, and whittle's suggestions for the instructions that",
            "waste the most: the pass that avoids a cache left behind, or a builder stage for toolchains a layer ships.",
            "",
            "Exit 0: reported; 2: not an image archive, no such image, no engine to export it, a bad option."
        },
        mixinStandardHelpOptions = true)
final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "IMAGE|ARCHIVE", arity = "1", description = "An image the engine has, or an archive file.")
    String image;

    @Option(names = "--engine", paramLabel = "NAME", description = "docker, podman or buildah, to export an image (default: the first that works).")
    String engineName;

    @Option(names = "--base", paramLabel = "IMAGE", description = "The base image: its layers are marked as such (needs the engine to have it).")
    String base;

    @Option(names = "--dockerfile", paramLabel = "FILE", description = "The Dockerfile the image was built from: layers are named by its lines.")
    Path dockerfile;

    @Option(names = "--templates", paramLabel = "DIR", description = "A folder with your own build-paths.yaml.")
    Path templates;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or html.")
    String format;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a self-contained HTML page with a chart.")
    Path html;

    @Spec
    CommandSpec spec;

    /** What inspect prints as JSON. */
    record Report(String image, LayerReport layers, List<Suggestions.Suggestion> suggestions) {}

    @Override
    public Integer call() throws IOException {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "html").contains(fmt)) throw new ParameterException(spec.commandLine(), "--format " + format + ": use text, json or html");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildPaths buildPaths;
        BuildSteps steps = BuildSteps.NONE;
        try {
            buildPaths = BuildPaths.load(templates);
            if (dockerfile != null) steps = BuildSteps.of(SourceText.decode(Files.readAllBytes(dockerfile)));
        } catch (IllegalArgumentException | IOException e) {
            err.println("whittle inspect: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Path file = Path.of(image);
        boolean archive = Files.isRegularFile(file);
        Engine engine = null;
        if (!archive || base != null || (dockerfile != null && !steps.baseImage().isEmpty())) {
            engine = Engine.find(engineName);
            if (engine == null && !archive) {
                err.println("whittle inspect: " + image + " is no file, and no container engine works here to export it (tried "
                        + (engineName == null ? "docker, podman and buildah" : engineName) + ")");
                return ExitCodes.BAD_INPUT;
            }
        }
        Path tmp = null;
        try {
            if (!archive) {
                tmp = Files.createTempFile("whittle-inspect", ".tar");
                tmp.toFile().deleteOnExit(); // also when stopped during the export
                try {
                    engine.export(image, tmp);
                } catch (Engine.Failure e) {
                    err.println("whittle inspect: " + image + ": " + e.getMessage());
                    return ExitCodes.BAD_INPUT;
                }
                file = tmp;
            }
            String baseImage = base != null ? base : steps.baseImage();
            List<String> baseIds = engine == null || baseImage.isEmpty() || baseImage.equalsIgnoreCase("scratch") ? List.of() : engine.layerIds(baseImage);
            int[] baseCount = {0};
            ImageArchive a;
            try {
                a = ImageArchive.read(file, ids -> {
                    int n = 0;
                    while (n < baseIds.size() && n < ids.size() && baseIds.get(n).equals(ids.get(n))) n++;
                    return baseCount[0] = n;
                });
            } catch (IOException e) {
                err.println("whittle inspect: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            LayerReport layers = LayerReport.of(image, a, steps, baseCount[0]);
            List<Suggestions.Suggestion> suggestions = Suggestions.of(layers, a, buildPaths);
            String page = html != null || fmt.equals("html") ? HtmlReport.page(image, layers, null, null, null, suggestions) : null;
            switch (fmt) {
                case "json" -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(new Report(image, layers, suggestions)));
                case "html" -> out.print(page);
                default -> {
                    LayerText.print(out, layers);
                    if (suggestions.isEmpty()) {
                        out.println("suggestions: none; no layer stores much that a later one hides or that only a build needs");
                    } else {
                        out.println("suggestions, the most bytes first:");
                        for (Suggestions.Suggestion s : suggestions) {
                            out.printf("  %10s  %s%n  %10s  %s%n", LayerText.human(s.bytes()), s.instruction(), "", s.advice());
                        }
                    }
                }
            }
            out.flush();
            if (html != null) {
                String failed = ReportFile.write(html, page);
                if (failed != null) {
                    err.println(failed);
                    return ExitCodes.BAD_INPUT;
                }
            }
            return ExitCodes.OK;
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
    }
}
