package dev.whittle.batch;

import dev.whittle.report.UnifiedDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The patches of a batch: one file that {@code git apply} accepts from the current folder ({@code --patch}),
 * or one per repository ({@code --patch-dir}), with paths relative to that repository's root so that
 * {@code git -C REPO apply} takes it. A repository root is the nearest folder at or above the Dockerfile, up
 * to the batch root, that holds {@code .git}; without one, the batch root.
 */
public final class Patches implements AutoCloseable {

    private final Path single;
    private final Path dir;
    private final FileRewriter.Staged staged;
    // one patch per repository, written as the results come: a temporary part file per repository (the
    // depth-first search keeps a repository's files together, so one part is open at a time)
    private final Map<Path, Path> parts = new TreeMap<>();
    private Path currentRepo;
    private java.io.OutputStream current;
    private final Map<Path, Path> repoOf = new ConcurrentHashMap<>();
    private final Map<Path, Path> rootOf = new ConcurrentHashMap<>();
    private int files;

    private Patches(Path single, Path dir) throws IOException {
        this.single = single;
        this.dir = dir;
        this.staged = single == null ? null : FileRewriter.stage(single);
    }

    /** One patch file, paths relative to the current folder. */
    public static Patches toFile(Path file) throws IOException {
        return new Patches(file, null);
    }

    /** One patch per repository root in {@code dir} (created when missing). */
    public static Patches toDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new Patches(null, dir);
    }

    /** The path a file gets inside its patch. */
    public String diffPath(DockerfileFinder.Target t) {
        if (single != null) return UnifiedDiff.pathOf(t.file());
        Path repo = repositoryRoot(t);
        return slashes(repo.relativize(t.file().toAbsolutePath().normalize()));
    }

    public void add(FileResult r) throws IOException {
        if (!r.changed()) return;
        files++;
        if (staged != null) {
            staged.write(r.diff());
        } else {
            Path repo = repositoryRoot(r.target());
            rootOf.putIfAbsent(repo, r.target().root().toAbsolutePath().normalize());
            if (!repo.equals(currentRepo)) {
                closeCurrent();
                Path part = parts.get(repo);
                if (part == null) {
                    part = FileRewriter.temporary(dir.resolve("part.patch"));
                    parts.put(repo, part);
                }
                current = new java.io.BufferedOutputStream(Files.newOutputStream(part,
                        java.nio.file.StandardOpenOption.APPEND), 1 << 16);
                currentRepo = repo;
            }
            current.write(dev.whittle.syntax.SourceText.encode(r.diff()));
        }
    }

    /** Writes the patches; returns the files written. */
    public List<Path> finish() throws IOException {
        List<Path> written = new ArrayList<>();
        if (staged != null) {
            staged.commit();
            written.add(single);
            return written;
        }
        closeCurrent();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Map.Entry<Path, Path> e : parts.entrySet()) {
            String name = patchName(e.getKey(), rootOf.get(e.getKey()));
            String unique = name;
            for (int n = 2; !names.add(unique); n++) unique = name + "-" + n;
            Path out = dir.resolve(unique + ".patch");
            try {
                Files.setPosixFilePermissions(e.getValue(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            try {
                Files.move(e.getValue(), out, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException ex) {
                Files.move(e.getValue(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            FileRewriter.settled(e.getValue());
            written.add(out);
        }
        parts.clear();
        return written;
    }

    /** Changed files put in the patches so far. */
    public int files() {
        return files;
    }

    /** Drops what was not written out by {@link #finish()} (an error or an interruption on the way). */
    @Override
    public void close() throws IOException {
        if (staged != null) staged.close();
        closeCurrent();
        for (Path part : parts.values()) {
            Files.deleteIfExists(part);
            FileRewriter.settled(part);
        }
        parts.clear();
    }

    private void closeCurrent() throws IOException {
        if (current != null) current.close();
        current = null;
        currentRepo = null;
    }

    Path repositoryRoot(DockerfileFinder.Target t) {
        Path root = t.root().toAbsolutePath().normalize();
        Path start = t.file().toAbsolutePath().normalize().getParent();
        return repoOf.computeIfAbsent(start, s -> {
            for (Path p = s; p != null && p.startsWith(root); p = p.getParent()) {
                if (Files.exists(p.resolve(".git"))) return p;
            }
            return root;
        });
    }

    /** A repository's patch name: its path under the batch root ("team/api" → "team-api"), else the root's name. */
    static String patchName(Path repo, Path root) {
        String rel = repo.startsWith(root) ? slashes(root.relativize(repo)) : "";
        if (rel.isEmpty()) {
            Path name = repo.getFileName();
            rel = name == null ? "root" : name.toString();
        }
        String clean = rel.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        return clean.isEmpty() ? "root" : clean;
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
