package dev.whittle.facts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The build context: the files a Dockerfile's COPY instructions read. Listed lazily and only so far
 * (depth, count), without following symbolic links, skipping VCS and dependency folders. Without a
 * context ({@link #none()}) the planners work from the Dockerfile alone, more cautiously.
 */
public final class BuildContext {
    private static final int MAX_DEPTH = 6;
    private static final int MAX_FILES = 5_000;
    private static final long MAX_READ = 1 << 20;
    private static final Set<String> SKIPPED = Set.of(".git", ".hg", ".svn", "node_modules", "vendor", "target", "build",
            "dist", ".venv", "venv", "__pycache__", ".gradle", ".idea");

    private final Path dir;
    private final java.util.Map<String, Optional<String>> read = new java.util.concurrent.ConcurrentHashMap<>();
    private List<String> files;

    private BuildContext(Path dir) {
        this.dir = dir;
    }

    public static BuildContext of(Path dir) {
        return new BuildContext(dir);
    }

    public static BuildContext none() {
        return new BuildContext(null);
    }

    /** Whether a context directory is known at all. */
    public boolean known() {
        return dir != null;
    }

    /** The files, as paths relative to the context with / separators, in a stable order. */
    public synchronized List<String> files() {
        if (files == null) files = dir == null ? List.of() : list();
        return files;
    }

    public boolean exists(String relative) {
        return dir != null && files().contains(relative);
    }

    /** The files whose name ends with the suffix. */
    public List<String> withSuffix(String suffix) {
        return files().stream().filter(f -> f.endsWith(suffix)).toList();
    }

    /** A file's text (UTF-8, at most 1 MB), or empty. */
    public Optional<String> read(String relative) {
        if (dir == null) return Optional.empty();
        return read.computeIfAbsent(relative, this::load); // the planners ask for go.mod and the sources more than once
    }

    /** Where a pattern first matches in the files: the file, its 1-based line and the matched text. */
    public record Match(String file, int line, String text) {
        /** {@code file:line}. */
        public String at() {
            return file + ":" + line;
        }
    }

    /** The first match of the pattern in the files, in their order (files that cannot be read count as empty), or null. */
    public Match firstMatch(List<String> files, java.util.regex.Pattern pattern) {
        for (String file : files) {
            String text = read(file).orElse("");
            java.util.regex.Matcher m = pattern.matcher(text);
            if (m.find()) {
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
                return new Match(file, line, m.group());
            }
        }
        return null;
    }

    private Optional<String> load(String relative) {
        Path p = dir.resolve(relative);
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_READ) return Optional.empty();
            return Optional.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The files under one folder of the context that {@link #files()} skips (vendor/ for the Go sources a vendored
     * build compiles), as paths relative to the context, with the same limit on count and a deeper one on depth.
     */
    public List<String> filesUnder(String folder) {
        if (dir == null || folder.contains("..")) return List.of();
        Path start = dir.resolve(folder);
        if (!Files.isDirectory(start, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return List.of();
        return list(start, Set.of(".git", ".hg", ".svn"), MAX_DEPTH + 4);
    }

    /** The names of the entries at the context's top (folders with a trailing /), sorted; links not followed. */
    public List<String> topLevel() {
        if (dir == null) return List.of();
        List<String> out = new ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                boolean folder = Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                out.add(p.getFileName().toString() + (folder ? "/" : ""));
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    /**
     * Whether one of the context's folders (at any depth within the usual limit, among the first 5,000 folders)
     * has this name: an editor asks on every change, so the walk is bounded.
     */
    public boolean hasFolderNamed(String name) {
        if (dir == null) return false;
        boolean[] found = {false};
        int[] folders = {0};
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir) && d.getFileName().toString().equals(name)) {
                        found[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    if (++folders[0] > MAX_FILES) return FileVisitResult.TERMINATE;
                    if (!d.equals(dir) && SKIPPED.contains(d.getFileName().toString())) return FileVisitResult.SKIP_SUBTREE;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | SecurityException e) {
            return found[0];
        }
        return found[0];
    }

    /** The most files {@link #size} counts: an editor asks on every change, and a .git or node_modules is large. */
    public static final int SIZE_FILES = 20_000;

    /**
     * The bytes of the regular files under a path of the context (its own size for a file), links not followed,
     * counting at most {@link #SIZE_FILES} files (then a lower bound, negated minus one: see {@link #sizeIsBound});
     * -1 when the path is not there.
     */
    public long size(String relative) {
        return size(relative, SIZE_FILES);
    }

    long size(String relative, int maxFiles) {
        if (dir == null || relative.contains("..")) return -1;
        Path start = dir.resolve(relative);
        if (!Files.exists(start, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return -1;
        long[] total = {0, 0};
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) total[0] += attrs.size();
                    return ++total[1] >= maxFiles ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | SecurityException e) {
            return total[0];
        }
        return total[1] >= maxFiles ? -2 - total[0] : total[0];
    }

    /** Whether a {@link #size} is a lower bound (more files than it counts); {@link #bytes} gives the bytes. */
    public static boolean sizeIsBound(long size) {
        return size < -1;
    }

    /** The bytes a {@link #size} stands for (a lower bound's too). */
    public static long bytes(long size) {
        return size < -1 ? -2 - size : size;
    }

    private List<String> list() {
        return list(dir, SKIPPED, MAX_DEPTH);
    }

    private List<String> list(Path root, Set<String> skipped, int depth) {
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(root) && skipped.contains(d.getFileName().toString())) return FileVisitResult.SKIP_SUBTREE;
                    return out.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) out.add(dir.relativize(f).toString().replace('\\', '/'));
                    return out.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | SecurityException e) {
            return out;
        }
        out.sort(null);
        return out;
    }
}
