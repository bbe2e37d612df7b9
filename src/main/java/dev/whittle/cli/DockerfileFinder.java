package dev.whittle.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Expands command-line paths: files as given, directories walked for Dockerfiles (links not followed). */
final class DockerfileFinder {
    private DockerfileFinder() {}

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "vendor");

    /** A path that could not be walked, with the reason. */
    record Problem(Path path, String message) {}

    record Found(List<Path> files, List<Problem> problems) {}

    static boolean isDockerfileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("dockerfile") || lower.startsWith("dockerfile.") || lower.endsWith(".dockerfile")
                || lower.equals("containerfile") || lower.startsWith("containerfile.");
    }

    static Found find(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root, files, problems);
            } else if (Files.exists(root) || Files.isSymbolicLink(root)) {
                files.add(root);
            } else {
                problems.add(new Problem(root, "no such file or directory"));
            }
        }
        return new Found(files, problems);
    }

    private static void walk(Path root, List<Path> files, List<Problem> problems) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    Path name = dir.getFileName();
                    if (!dir.equals(root) && name != null && SKIPPED_DIRS.contains(name.toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isDockerfileName(file.getFileName().toString())) found.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(new Problem(file, "cannot read: " + reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(root, "cannot walk: " + e.getMessage()));
        }
        found.sort(null);
        files.addAll(found);
    }

    static String reason(IOException e) {
        String simple = e.getClass().getSimpleName();
        if (simple.equals("AccessDeniedException")) return "permission denied";
        if (simple.equals("NoSuchFileException")) return "no such file";
        if (simple.equals("FileSystemLoopException")) return "symbolic link loop";
        String m = e.getMessage();
        return m == null ? simple : m;
    }
}
