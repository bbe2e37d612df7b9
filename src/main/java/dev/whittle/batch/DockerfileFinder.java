package dev.whittle.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

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

    /**
     * A Dockerfile and the root it was found under (its folder, when it was named directly).
     *
     * @param named   whether it was named on the command line (a symbolic link is then followed wherever it leads;
     *                one found under a root only to a file inside that root)
     * @param fileKey the file's identity (device and inode) when the search saw it, or null: reading checks that
     *                the path still leads to that file (not one swapped in, or reached through a folder swapped for
     *                a link)
     */
    public record Target(Path file, Path root, boolean named, Object fileKey) {
        /** A file named directly. */
        public Target(Path file, Path root) {
            this(file, root, true, null);
        }

        public Target(Path file, Path root, boolean named) {
            this(file, root, named, null);
        }
    }

    /**
     * A path that could not be walked or read, with the reason; line and column when the problem is at a place
     * in that file (a bad pattern in a .gitignore), else 0.
     */
    public record Problem(Path path, String message, int line, int column) {
        public Problem(Path path, String message) {
            this(path, message, 0, 0);
        }

        /** {@code path[:line:col]: message}. */
        public String format() {
            return path + (line > 0 ? ":" + line + ":" + column : "") + ": " + message;
        }
    }

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
        find(roots, excludes, gitignore, targets::add, problems::add);
        return new Found(targets, problems);
    }

    /**
     * Finds the Dockerfiles and hands each one over as soon as it is found, in a fixed order: the roots as
     * given, each folder's entries by name (links to files inside a root come after that root's files).
     */
    public static void find(List<Path> roots, List<String> excludes, boolean gitignore, Consumer<Target> targets,
                            Consumer<Problem> problems) {
        find(roots, excludes, gitignore, targets, problems, (dir, entries) -> { });
    }

    /**
     * The same, telling {@code folders} each folder walked and its entries, before any target found in it is
     * handed over (so what is known of a folder need not be asked of the file system again).
     */
    public static void find(List<Path> roots, List<String> excludes, boolean gitignore, Consumer<Target> targets,
                            Consumer<Problem> problems, BiConsumer<Path, List<Path>> folders) {
        Set<Path> seen = new HashSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                new Walk(root, IgnoreRules.of(root, excludes), gitignore, targets, problems, seen, folders).run();
            } else if (Files.exists(root) || Files.isSymbolicLink(root)) {
                Path parent = root.toAbsolutePath().getParent();
                if (seen.add(identity(root))) targets.accept(new Target(root, parent == null ? root : parent, true));
            } else {
                problems.accept(new Problem(root, "no such file or directory"));
            }
        }
    }

    /** The real path when there is one (so links and `..` compare equal), else the normalized absolute path. */
    private static Path identity(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** One root, depth first, each folder's entries sorted by name; links are not followed. */
    private static final class Walk {
        private final Path root;
        private final Path realRoot;
        private final IgnoreRules excludes;
        private final boolean gitignore;
        private final Consumer<Target> targets;
        private final Consumer<Problem> problems;
        private final Set<Path> seen;
        private final BiConsumer<Path, List<Path>> folders;
        private final Deque<IgnoreRules> stack = new ArrayDeque<>();
        private final List<Path> links = new ArrayList<>();

        Walk(Path root, IgnoreRules excludes, boolean gitignore, Consumer<Target> targets, Consumer<Problem> problems,
             Set<Path> seen, BiConsumer<Path, List<Path>> folders) {
            this.root = root;
            this.realRoot = identity(root);
            this.excludes = excludes;
            this.gitignore = gitignore;
            this.targets = targets;
            this.problems = problems;
            this.seen = seen;
            this.folders = folders;
        }

        void run() {
            folder(root, null);
            links.sort(null);
            for (Path link : links) {
                Path real;
                try {
                    real = link.toRealPath();
                } catch (IOException e) {
                    // a link to nothing, or a loop: reported, never followed
                    problems.accept(new Problem(link, e instanceof java.nio.file.NoSuchFileException
                            ? "a symbolic link to nothing (dangling); skipped" : "cannot follow: " + reason(e)));
                    continue;
                }
                // a link out of the root is not followed; one to a file already found is a duplicate
                if (!real.startsWith(realRoot)) continue;
                if (!Files.isRegularFile(real)) {
                    if (!Files.isDirectory(real)) problems.accept(new Problem(link, "links to " + kind(real) + "; skipped"));
                    continue;
                }
                if (seen.add(real)) targets.accept(new Target(link, root, false));
            }
        }

        /**
         * @param parent the parent folder, open, when the folder can be opened relative to it (openat: no walk of
         *               the whole path, and no link followed); null to open it by its path
         */
        private void folder(Path dir, SecureDirectoryStream<Path> parent) {
            List<Path> entries = new ArrayList<>();
            Object[] attributes; // each entry's BasicFileAttributes, or the IOException that reading them gave
            DirectoryStream<Path> ds;
            try {
                ds = parent == null ? Files.newDirectoryStream(dir)
                        : parent.newDirectoryStream(dir.getFileName(), LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                cannotRead(dir, e);
                return;
            }
            try (ds) {
                try {
                    for (Path e : ds) entries.add(parent == null ? e : dir.resolve(e.getFileName()));
                } catch (UncheckedIOException e) {
                    cannotRead(dir, e.getCause());
                    return;
                }
                entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
                attributes = attributes(ds, entries);
                // the folder stays open while its subfolders are walked, so they open relative to it
                walkEntries(dir, entries, attributes,
                        ds instanceof SecureDirectoryStream<Path> s && depth < MAX_OPEN ? s : null);
            } catch (IOException e) { // closing it
                cannotRead(dir, e);
            }
        }

        /** Folders kept open at once down one path (each open folder is a file descriptor). */
        private static final int MAX_OPEN = 32;
        private int depth;

        private void walkEntries(Path dir, List<Path> entries, Object[] attributes, SecureDirectoryStream<Path> open) {
            folders.accept(dir, entries);
            IgnoreRules here = null;
            if (gitignore) {
                for (Path e : entries) {
                    if (!e.getFileName().toString().equals(".gitignore")) continue;
                    try {
                        here = IgnoreRules.gitignoreIn(dir);
                    } catch (IgnoreRules.BadPattern bad) {
                        // what the folder means to exclude is unknown: none of it is guessed at
                        problems.accept(new Problem(e, bad.getMessage() + "; the folder is skipped", bad.line(), bad.column()));
                        return;
                    }
                }
            }
            stack.push(here == null ? IgnoreRules.of(dir, List.of()) : here);
            for (int k = 0; k < entries.size(); k++) {
                Path e = entries.get(k);
                if (attributes[k] instanceof IOException ex) {
                    cannotRead(e, ex);
                    continue;
                }
                BasicFileAttributes a = (BasicFileAttributes) attributes[k];
                String name = e.getFileName().toString();
                if (a.isDirectory()) {
                    if (!SKIPPED_DIRS.contains(name) && !excluded(e, true)) {
                        depth++;
                        folder(e, open);
                        depth--;
                    }
                } else if (isDockerfileName(name) && !excluded(e, false)) {
                    if (a.isRegularFile()) {
                        // no link is followed below the root, so its real path is the root's plus the rest
                        if (seen.add(realRoot.resolve(root.relativize(e)))) targets.accept(new Target(e, root, false, a.fileKey()));
                    } else if (a.isSymbolicLink()) {
                        links.add(e);
                    } else {
                        // a FIFO, device or socket with a Dockerfile's name: never opened (a FIFO would block)
                        problems.accept(new Problem(e, kind(e) + ", not a regular file; skipped"));
                    }
                }
            }
            stack.pop();
        }

        /**
         * The entries' attributes, links not followed. Where the folder is open as a secure stream (Linux) each
         * is read relative to it (fstatat), which spares the kernel a walk of the whole path per entry.
         */
        private static Object[] attributes(DirectoryStream<Path> ds, List<Path> entries) {
            Object[] out = new Object[entries.size()];
            SecureDirectoryStream<Path> secure = ds instanceof SecureDirectoryStream<Path> s ? s : null;
            for (int k = 0; k < out.length; k++) {
                Path e = entries.get(k);
                try {
                    out[k] = secure == null
                            ? Files.readAttributes(e, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                            : secure.getFileAttributeView(e.getFileName(), BasicFileAttributeView.class,
                                    LinkOption.NOFOLLOW_LINKS).readAttributes();
                } catch (IOException ex) {
                    out[k] = ex;
                }
            }
            return out;
        }

        private void cannotRead(Path path, IOException e) {
            problems.accept(new Problem(path, "cannot read: " + reason(e)));
        }

        private boolean excluded(Path path, boolean directory) {
            if (Boolean.TRUE.equals(excludes.decide(path, directory))) return true;
            for (IgnoreRules rules : stack) {
                Boolean d = rules.decide(path, directory);
                if (d != null) return d;
            }
            return false;
        }
    }

    /** What a path is, for messages: "a FIFO", "a character device", "a socket", "a directory" ... (links not followed). */
    public static String kind(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (mode instanceof Integer m) {
                switch (m & 0170000) {
                    case 0010000: return "a FIFO";
                    case 0020000: return "a character device";
                    case 0040000: return "a directory";
                    case 0060000: return "a block device";
                    case 0100000: return "a regular file";
                    case 0120000: return "a symbolic link";
                    case 0140000: return "a socket";
                    default: return "not a regular file";
                }
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // not a Unix file system: say less
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "a directory";
        if (Files.isSymbolicLink(p)) return "a symbolic link";
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? "a regular file" : "not a regular file";
    }

    public static String reason(IOException e) {
        String simple = e.getClass().getSimpleName();
        if (simple.equals("AccessDeniedException")) return "permission denied";
        if (simple.equals("NoSuchFileException")) return "no such file";
        if (simple.equals("FileSystemLoopException")) return "symbolic link loop";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.startsWith("Too many levels of symbolic links") ? "symbolic link loop" : r;
        }
        String m = e.getMessage();
        return m == null ? simple : m;
    }
}
