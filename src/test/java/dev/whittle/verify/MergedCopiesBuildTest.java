package dev.whittle.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whittle.core.Change;
import dev.whittle.core.Level;
import dev.whittle.engine.Optimizer;
import dev.whittle.facts.BuildContext;
import dev.whittle.split.Knowledge;
import dev.whittle.syntax.DockerfileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * merge-copies gives the same files as the COPYs it merged: both Dockerfiles are built for real with buildah
 * (FROM scratch, so no base image is needed) and the images' trees compared: every path, its type, mode, owner
 * and content. The context has overlapping directories (the later source must win), directory sources (their
 * contents are copied), wildcards, --chown and the WORKDIR destination of the seed article. Runs where buildah is
 * set up as the e2e suite sets it (STORAGE_DRIVER=vfs BUILDAH_ISOLATION=chroot, which .ci/run exports).
 */
class MergedCopiesBuildTest {
    @TempDir
    Path dir;

    @Test
    void mergedCopiesBuildTheSameTree() throws Exception {
        BuildahEngine engine = BuildahTests.engineOrSkip();
        write("d1/sub/f", "from d1\n");
        write("d1/only-d1", "d1\n");
        write("d2/sub/f", "from d2, the later source\n");
        write("go.mod", "module x\n");
        write("go.sum", "");
        write("localcache/pkg/a.go", "package pkg\n");
        write("main.go", "package main\n");
        write("notes-1.txt", "one\n");
        write("notes-2.txt", "two\n");
        write("a.conf", "a\n");
        write("b.conf", "b\n");
        String original = """
                FROM scratch
                WORKDIR /workspace
                COPY go.mod /workspace
                COPY go.sum /workspace
                COPY localcache/ /workspace
                COPY main.go /workspace
                COPY d1/ /x/
                COPY d2/ /x/
                COPY d1/only-d1 /x/
                COPY --chown=10:20 a.conf /etc/app/
                COPY --chown=10:20 b.conf /etc/app/
                COPY --chown=10:20 notes-*.txt /etc/app/
                COPY main.go .
                COPY a.conf ./
                """;
        Optimizer.Result r = Optimizer.optimize(DockerfileReader.read(original.getBytes()), new Optimizer.Options(
                Level.BALANCED, Set.of("merge-copies"), Set.of(), BuildContext.of(dir), Knowledge.shipped(), List.of()));
        List<Change> merges = r.changes().stream().filter(Change::applied).toList();
        assertEquals(4, merges.size(), r.changes().toString());
        String merged = r.output().print();
        assertTrue(merged.contains("COPY go.mod go.sum localcache/ main.go /workspace/\n"), merged);
        Files.writeString(dir.resolve("separate.Dockerfile"), original);
        Files.writeString(dir.resolve("merged.Dockerfile"), merged);
        String tag = "localhost/whittle-test-merge-copies-" + ProcessHandle.current().pid();
        Map<String, String> separate = tree(engine, "separate.Dockerfile", tag + "-separate");
        Map<String, String> one = tree(engine, "merged.Dockerfile", tag + "-merged");
        assertEquals("file 644 0:0 " + sha("from d2, the later source\n"), separate.get("/x/sub/f"), "the later source wins");
        assertEquals("file 644 10:20 " + sha("two\n"), separate.get("/etc/app/notes-2.txt"));
        assertEquals(separate, one);
    }

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** The image's tree: path to type, mode, owner and content hash, read from buildah's mount of it. */
    private Map<String, String> tree(BuildahEngine engine, String dockerfile, String tag) throws Exception {
        Exec.Result b = engine.build(dir.resolve(dockerfile), dir, tag, false, false, Duration.ofMinutes(5));
        assertTrue(b.ok(), b.output());
        String container = null;
        try {
            Exec.Result from = Exec.run(List.of("buildah", "from", "--pull=never", tag), null, Duration.ofMinutes(1));
            assertTrue(from.ok(), from.output());
            container = from.output().strip();
            Exec.Result mount = Exec.run(List.of("buildah", "mount", container), null, Duration.ofMinutes(1));
            assertTrue(mount.ok(), mount.output());
            Path root = Path.of(mount.output().strip());
            Map<String, String> out = new TreeMap<>();
            List<Path> all = new ArrayList<>();
            try (Stream<Path> s = Files.walk(root)) {
                s.forEach(all::add);
            }
            for (Path p : all) {
                Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
                String kind = Files.isDirectory(p) ? "dir" : "file";
                String line = kind + " " + Integer.toOctalString((Integer) a.get("mode") & 07777) + " " + a.get("uid")
                        + ":" + a.get("gid") + (kind.equals("file") ? " " + sha(Files.readString(p)) : "");
                out.put("/" + root.relativize(p).toString().replace('\\', '/'), line);
            }
            return out;
        } finally {
            if (container != null) Exec.run(List.of("buildah", "rm", container), null, Duration.ofMinutes(1));
            Exec.run(List.of("buildah", "rmi", "-f", tag), null, Duration.ofMinutes(1));
        }
    }

    private static String sha(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes())).substring(0, 16);
    }
}
