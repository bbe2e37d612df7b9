package dev.whittle.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expands command-line paths into Dockerfiles. Files are taken as given; folders are walked for Dockerfile,
 * Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile and Containerfile.*, skipping .git, node_modules,
 * vendor, what .gitignore files say and the --exclude patterns. Symbolic links to folders are not followed;
 * a link to a file is taken only when the file lies inside the same root. A file reached twice (two roots,
 * a link) is taken once.
 */
public final class DockerfileFinder {
    private DockerfileFinder() {}

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "vendor");

    /** A Dockerfile and the root it was found under (its folder, when it was named directly). */
    public record Target(Path file, Path root) {}

    /** A path that could not be walked or read, with the reason. */
    public record Problem(Path path, String message) {}

    public record Found(List<Target> targets, List<Problem> problems) {
        public List<Path> files() {
            return targets.stream().map(Target::file).toList();
        }
    }

    public static boolean isDockerfileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("dockerfile") || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile")
                || lower.equals("containerfile") || lower.startsWith("containerfile.");
    }

    public static Found find(List<Path> roots) {
        return find(roots, List.of(), true);
    }

    /**
     * @param excludes  patterns in .gitignore syntax, relative to each root
     * @param gitignore whether .gitignore files are read
     */
    public static Found find(List<Path> roots, List<String> excludes, boolean gitignore) {
        List<Target> targets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root, IgnoreRules.of(root, excludes), gitignore, targets, problems, seen);
            } else if (Files.exists(root) || Files.isSymbolicLink(root)) {
                Path parent = root.toAbsolutePath().getParent();
                if (seen.add(identity(root))) targets.add(new Target(root, parent == null ? root : parent));
            } else {
                problems.add(new Problem(root, "no such file or directory"));
            }
        }
        return new Found(targets, problems);
    }

    /** The real path when there is one (so links and `..` compare equal), else the normalized absolute path. */
    private static Path identity(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static void walk(Path root, IgnoreRules excludes, boolean gitignore, List<Target> targets,
                             List<Problem> problems, Set<Path> seen) {
        List<Target> found = new ArrayList<>();
        Path realRoot = identity(root);
        Deque<IgnoreRules> stack = new ArrayDeque<>();
        List<Path> links = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    if (!dir.equals(root)) {
                        if (name != null && SKIPPED_DIRS.contains(name.toString())) return FileVisitResult.SKIP_SUBTREE;
                        if (excluded(dir, true)) return FileVisitResult.SKIP_SUBTREE;
                    }
                    IgnoreRules here = gitignore ? IgnoreRules.gitignoreIn(dir) : null;
                    stack.push(here == null ? IgnoreRules.of(dir, List.of()) : here);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    stack.pop();
                    if (e != null) problems.add(new Problem(dir, "cannot read: " + reason(e)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!isDockerfileName(file.getFileName().toString()) || excluded(file, false)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        // no link is followed below the root, so its real path is the root's plus the rest
                        if (seen.add(realRoot.resolve(root.relativize(file)))) found.add(new Target(file, root));
                    } else if (attrs.isSymbolicLink()) {
                        links.add(file); // taken after the walk, when the real files are known
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Problem(file, "cannot read: " + reason(e)));
                    return FileVisitResult.CONTINUE;
                }

                private boolean excluded(Path path, boolean directory) {
                    if (Boolean.TRUE.equals(excludes.decide(path, directory))) return true;
                    for (IgnoreRules rules : stack) {
                        Boolean d = rules.decide(path, directory);
                        if (d != null) return d;
                    }
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(root, "cannot walk: " + e.getMessage()));
        }
        links.sort(null);
        for (Path link : links) {
            Path real = identity(link);
            // a link out of the root (or to nothing) is not followed; one to a file already found is a duplicate
            if (real.startsWith(realRoot) && Files.isRegularFile(real) && seen.add(real)) found.add(new Target(link, root));
        }
        found.sort((a, b) -> a.file().compareTo(b.file()));
        targets.addAll(found);
    }

    public static String reason(IOException e) {
        String simple = e.getClass().getSimpleName();
        if (simple.equals("AccessDeniedException")) return "permission denied";
        if (simple.equals("NoSuchFileException")) return "no such file";
        if (simple.equals("FileSystemLoopException")) return "symbolic link loop";
        String m = e.getMessage();
        return m == null ? simple : m;
    }
}
