package dev.whittle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.cli.Whittle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The files that fit whittle into other tools: its own Dockerfile and the pre-commit hooks. */
class ProjectFilesTest {

    @Test
    void whittlesOwnDockerfileIsOneWhittleWouldNotChange() {
        for (String level : List.of("safe", "balanced", "aggressive")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Whittle.run(new String[] {"check", "--level", level, "Dockerfile"}, new PrintWriter(out),
                    new PrintWriter(err));
            assertEquals(0, code, level + ": " + err);
        }
    }

    @Test
    void preCommitHooksRunCheckOnTheFilesTheFinderTakes() throws Exception {
        JsonNode hooks = new YAMLMapper().readTree(Path.of(".pre-commit-hooks.yaml").toFile());
        assertEquals(3, hooks.size());
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        for (JsonNode hook : hooks) {
            String entry = hook.get("entry").asText();
            String language = hook.get("language").asText();
            assertTrue(Set.of("script", "docker", "system").contains(language), language);
            assertTrue(entry.endsWith(" check"), entry);
            if (language.equals("script")) assertTrue(Files.isExecutable(Path.of(entry.split(" ")[0])), entry);
            if (language.equals("docker")) {
                for (String part : entry.split(" ")) {
                    if (part.startsWith("/opt/")) assertTrue(dockerfile.contains(part), part + " is not in the image");
                    if (part.startsWith("-XX:SharedArchiveFile=")) assertTrue(dockerfile.contains(part), part);
                }
            }
            // pre-commit matches with Python's re.search; this pattern means the same in Java
            Pattern files = Pattern.compile(hook.get("files").asText().replace("(?i)", ""), Pattern.CASE_INSENSITIVE);
            for (String path : List.of("Dockerfile", "svc/Dockerfile", "Dockerfile.dev", "a/api.Dockerfile",
                    "web.dockerfile", "Containerfile", "x/containerfile.prod", "DOCKERFILE", "README.md",
                    "Dockerfile/notes.txt", "docs/dockerfile-guide.md", "Dockerfiles", "a.Dockerfile.bak")) {
                String name = path.substring(path.lastIndexOf('/') + 1);
                assertEquals(DockerfileFinder.isDockerfileName(name), files.matcher(path).find(), path);
            }
        }
    }
}
