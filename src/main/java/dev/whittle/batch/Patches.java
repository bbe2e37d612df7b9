package dev.whittle.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whittle.report.UnifiedDiff;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The patches of a batch: one file that {@code git apply} accepts from the current folder ({@code --patch}),
 * or one per repository ({@code --patch-dir}), with paths relative to that repository's root so that
 * {@code git -C REPO apply} takes it. A repository root is the nearest folder at or above the Dockerfile, up
 * to the batch root, that holds {@code .git}; without one, the batch root.
 *
 * <p>A patch that cannot be written (a full or read-only disk) is reported once and dropped; the batch goes
 * on. In a patch folder each repository's patch is named after its path under the root, percent-encoded
 * ({@link #patchName}), so names never collide and stay the same from run to run; {@code index.json} there
 * says which patch belongs to which repository.
 */
public final class Patches implements AutoCloseable {

    /** The index of a patch folder: which patch belongs to which repository. */
    public static final String INDEX = "index.json";

    /** A patch written: where, for which repository (null for the single patch), with how many files. */
    public record Written(Path file, Path repository, int files) {}

    private final Path single;
    private final Path dir;
    private OutputFile one;
    private boolean oneFailed;
    private int oneFiles;
    // one patch per repository, written as the results come: a temporary part file per repository (the
    // depth-first search keeps a repository's files together, so one part is open at a time)
    private final Map<Path, Part> parts = new LinkedHashMap<>();
    private final Map<String, Path> names = new HashMap<>();
    private Part current;
    private final Map<Path, Path> repoOf = new ConcurrentHashMap<>();
    private int files;
    private final java.util.function.Consumer<String> problems;

    private static final class Part {
        final Path repository;
        final String name;
        Path tmp;
        OutputStream out;
        int files;
        boolean failed;

        Part(Path repository, String name) {
            this.repository = repository;
            this.name = name;
        }
    }

    private Patches(Path single, Path dir, java.util.function.Consumer<String> problems) throws IOException {
        this.single = single;
        this.dir = dir;
        this.problems = problems;
        if (single != null) this.one = OutputFile.create(single);
    }

    /**
     * One patch file, paths relative to the current folder.
     *
     * @param problems gets {@code PATH: cannot write: reason} when the patch cannot be written (it is dropped)
     * @throws FileRewriter.Refused when the path is not something whittle writes (a folder, a socket ...)
     */
    public static Patches toFile(Path file, java.util.function.Consumer<String> problems) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) FileRewriter.sweep(parent);
        return new Patches(file, null, problems);
    }

    /**
     * One patch per repository root in {@code dir} (created when missing).
     *
     * @param problems gets {@code PATH: cannot write: reason} for each patch that cannot be written (it is
     *                 dropped; the others go on)
     */
    public static Patches toDirectory(Path dir, java.util.function.Consumer<String> problems) throws IOException {
        Files.createDirectories(dir);
        FileRewriter.sweep(dir);
        return new Patches(null, dir, problems);
    }

    /** The path a file gets inside its patch. */
    public String diffPath(DockerfileFinder.Target t) {
        if (single != null) return UnifiedDiff.pathOf(t.file());
        Path repo = repositoryRoot(t);
        return slashes(repo.relativize(t.file().toAbsolutePath().normalize()));
    }

    /** Adds a changed file's diff. A write that fails drops that patch, reported once; the others go on. */
    public void add(FileResult r) {
        if (!r.changed()) return;
        files++;
        if (single != null) {
            if (oneFailed) return;
            try {
                one.write(r.diff());
                oneFiles++;
            } catch (IOException e) {
                oneFailed = true;
                closeQuietly(one);
                problems.accept(single + ": cannot write: " + DockerfileFinder.reason(e) + "; the patch is not written");
            }
            return;
        }
        Path repo = repositoryRoot(r.target());
        Part part = parts.get(repo);
        if (part == null) {
            part = new Part(repo, uniqueName(repo, r.target().root().toAbsolutePath().normalize()));
            parts.put(repo, part);
        }
        if (part.failed) return;
        if (part != current) {
            closeCurrent();
            try {
                if (part.tmp == null) part.tmp = FileRewriter.createTemporary(dir.resolve(part.name));
                part.out = new java.io.BufferedOutputStream(FileRewriter.append(part.tmp), 1 << 16);
            } catch (IOException e) {
                fail(part, e);
                return;
            }
            current = part;
        }
        try {
            part.out.write(dev.whittle.syntax.SourceText.encode(r.diff()));
            part.files++;
        } catch (IOException e) {
            fail(part, e);
        }
    }

    /** Gives up a repository's patch, says so, and removes its temporary file. */
    private void fail(Part part, IOException e) {
        problems.accept(dir.resolve(part.name) + ": cannot write: " + DockerfileFinder.reason(e)
                + "; the patch of " + part.repository + " is not written");
        part.failed = true;
        if (current == part) current = null;
        try {
            if (part.out != null) part.out.close();
        } catch (IOException ignored) {
            // a full disk: said above
        }
        part.out = null;
        removeTemporary(part);
    }

    /**
     * Puts the patches in place (and, in a patch folder, the index); what cannot be put in place is reported.
     *
     * @return the patches written
     */
    public List<Written> finish() {
        List<Written> written = new ArrayList<>();
        if (single != null) {
            if (oneFailed) return written;
            try {
                one.commit();
                written.add(new Written(single, null, oneFiles));
            } catch (IOException e) {
                closeQuietly(one);
                problems.accept(single + ": cannot write: " + DockerfileFinder.reason(e) + "; the patch is not written");
            }
            return written;
        }
        closeCurrent();
        for (Part part : parts.values()) {
            if (part.failed || part.tmp == null) continue;
            Path out = dir.resolve(part.name);
            try {
                BasicFileAttributes a = existing(out);
                if (a != null && !a.isRegularFile()) {
                    throw new FileRewriter.Refused(DockerfileFinder.kind(out) + " is there; left as it was");
                }
                Files.setPosixFilePermissions(part.tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                Files.move(part.tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                FileRewriter.settled(part.tmp);
                part.tmp = null;
                written.add(new Written(out, part.repository, part.files));
            } catch (IOException e) {
                fail(part, e);
            }
        }
        if (!written.isEmpty()) {
            try {
                writeIndex(written);
            } catch (IOException e) {
                problems.accept(dir.resolve(INDEX) + ": cannot write: " + DockerfileFinder.reason(e));
            }
        }
        return written;
    }

    private void writeIndex(List<Written> written) throws IOException {
        try (OutputFile index = OutputFile.create(dir.resolve(INDEX))) {
            java.io.StringWriter text = new java.io.StringWriter();
            try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(text)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeArrayFieldStart("patches");
                for (Written w : written) {
                    g.writeStartObject();
                    g.writeStringField("patch", w.file().getFileName().toString());
                    g.writeStringField("repository", w.repository().toString());
                    g.writeNumberField("files", w.files());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            index.write(text + "\n");
            index.commit();
        }
    }

    private static BasicFileAttributes existing(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    /** Changed files put in the patches so far. */
    public int files() {
        return files;
    }

    /** Drops what was not written out by {@link #finish} (an error or an interruption on the way). */
    @Override
    public void close() {
        if (one != null) closeQuietly(one);
        Part c = current;
        current = null;
        if (c != null && c.out != null) {
            try {
                c.out.close();
            } catch (IOException ignored) {
                // the part is removed below
            }
            c.out = null;
        }
        for (Part part : parts.values()) removeTemporary(part);
    }

    private static void removeTemporary(Part part) {
        if (part.tmp == null) return;
        try {
            Files.deleteIfExists(part.tmp);
        } catch (IOException ignored) {
            // best effort; the next run sweeps it
        }
        FileRewriter.settled(part.tmp);
        part.tmp = null;
    }

    private static void closeQuietly(OutputFile f) {
        try {
            f.close();
        } catch (IOException ignored) {
            // its temporary file is gone or swept later
        }
    }

    /** Closes the open part; a failure (the last bytes did not fit) drops that patch. */
    private void closeCurrent() {
        Part c = current;
        current = null;
        if (c == null || c.out == null) return;
        try {
            c.out.close();
            c.out = null;
        } catch (IOException e) {
            c.out = null;
            fail(c, e);
        }
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

    /** The name of a repository's patch, unique in this batch. */
    private String uniqueName(Path repo, Path root) {
        String name = patchName(repo, root);
        Path other = names.putIfAbsent(name, repo);
        if (other == null || other.equals(repo)) return name;
        // the same path under two roots: the second one's name carries a digest of its full path
        String unique = withDigest(name.substring(0, name.length() - ".patch".length()), repo.toString());
        names.put(unique, repo);
        return unique;
    }

    /** The longest name a file system takes (bytes), which the patch names stay within. */
    static final int MAX_NAME_BYTES = 255;

    /**
     * A repository's patch name: its path under the batch root ("team/api" → "team%2Fapi.patch"), else the
     * root's folder name, percent-encoded: letters, digits, '_', and '.' or '-' other than first stay as they
     * are, every other byte of its UTF-8 form becomes %XX. So "team/api", "team-api", "team api" and
     * "-team-api" get four different names, always the same ones. A name that would be longer than 255 bytes
     * keeps its first 200 and ends with '~' and a digest of the whole path ('~' is otherwise always encoded).
     */
    static String patchName(Path repo, Path root) {
        String rel = repo.startsWith(root) ? slashes(root.relativize(repo)) : "";
        if (rel.isEmpty()) {
            Path name = repo.getFileName();
            rel = name == null ? "root" : name.toString();
        }
        StringBuilder out = new StringBuilder();
        byte[] bytes = rel.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean plain = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_'
                    || (i > 0 && (b == '.' || b == '-'));
            if (plain) out.append((char) b);
            else out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
        }
        String encoded = out.toString();
        if (encoded.length() + ".patch".length() <= MAX_NAME_BYTES) return encoded + ".patch";
        return withDigest(encoded, rel);
    }

    /** The first 200 bytes of an encoded name (not cutting an escape), '~', 16 hex digits of a digest of {@code of}. */
    private static String withDigest(String encoded, String of) {
        int cut = Math.min(encoded.length(), 200);
        int percent = encoded.lastIndexOf('%', cut - 1);
        if (percent >= 0 && percent > cut - 3) cut = percent;
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(of.getBytes(StandardCharsets.UTF_8));
            return encoded.substring(0, cut) + "~" + HexFormat.of().formatHex(d, 0, 8) + ".patch";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String slashes(Path p) {
        return UnifiedDiff.slashes(p);
    }
}
