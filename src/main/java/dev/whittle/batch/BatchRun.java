package dev.whittle.batch;

import dev.whittle.facts.BuildContext;
import dev.whittle.config.ConfigException;
import dev.whittle.config.Settings;
import dev.whittle.engine.Optimizer;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.syntax.SyntaxError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Optimizes many Dockerfiles on several threads. Results reach the consumer on the calling thread, one at a
 * time and in the order of the targets, so what it writes (a patch, a report) is the same for any number of
 * threads. A file that does not read or parse, and even a bug in a pass, becomes a failed result; the rest
 * goes on.
 */
public final class BatchRun {
    private BatchRun() {}

    /** Files handed to a worker at a time. */
    private static final int GROUP = 16;

    /**
     * Files larger than this are refused unread: no Dockerfile is that big (the largest of the corpus's 99,789 is
     * 85 KB), and what whittle builds from a file grows with it (about 200 bytes of memory per byte read).
     */
    public static final long MAX_BYTES = 1024 * 1024;

    /** Files larger than this are optimized one at a time in a batch, so two of them never share the heap. */
    static final int LARGE = 128 * 1024;
    private static final java.util.concurrent.Semaphore ONE_LARGE = new java.util.concurrent.Semaphore(1);

    /**
     * The CPU time one file may take in a batch by default (see {@link dev.whittle.syntax.WorkBudget}): real files
     * take milliseconds, the most hostile ones whittle reads a few seconds.
     */
    public static final double BUDGET_SECONDS = 10;

    /**
     * @param settings the options per file (flags, config files)
     * @param threads  worker threads
     * @param diffPath the path a file gets in its diff (a/ b/ are added)
     * @param consumer gets every result, in target order, on this thread
     */
    public static void run(List<DockerfileFinder.Target> targets, Settings settings, int threads,
                           Function<DockerfileFinder.Target, String> diffPath, Consumer<FileResult> consumer) {
        run(sink -> targets.forEach(sink), settings, threads, diffPath, false, BUDGET_SECONDS, consumer);
    }

    /**
     * The same for targets that are still being found: {@code producer} runs on its own thread and hands each
     * target to the sink it is given (so the search of a large tree overlaps the work); the consumer still gets
     * every result in the order the targets were handed over.
     */
    public static void run(Consumer<Consumer<DockerfileFinder.Target>> producer, Settings settings, int threads,
                           Function<DockerfileFinder.Target, String> diffPath, boolean keepInput, double budgetSeconds,
                           Consumer<FileResult> consumer) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(null, r, "whittle-batch-" + n.incrementAndGet(), 16L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Object end = new Object();
        Throwable[] failure = new Throwable[1];
        Thread finder = new Thread(() -> {
            // files go to the workers in small groups: one hand-over per file cost more than the small files
            List<DockerfileFinder.Target> group = new ArrayList<>(GROUP);
            Runnable submit = () -> {
                List<DockerfileFinder.Target> these = List.copyOf(group);
                group.clear();
                queue.add(CompletableFuture.supplyAsync(
                        () -> these.stream().map(t -> budgeted(t, settings, diffPath, keepInput, budgetSeconds)).toList(), pool));
            };
            try {
                producer.accept(t -> {
                    group.add(t);
                    if (group.size() == GROUP) submit.run();
                });
                if (!group.isEmpty()) submit.run();
            } catch (RuntimeException | Error e) {
                failure[0] = e;
            } finally {
                queue.add(end);
            }
        }, "whittle-batch-find");
        finder.setDaemon(true);
        finder.start();
        try {
            for (Object next = queue.take(); next != end; next = queue.take()) {
                @SuppressWarnings("unchecked")
                CompletableFuture<List<FileResult>> f = (CompletableFuture<List<FileResult>>) next;
                f.join().forEach(consumer);
            }
            finder.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        if (failure[0] instanceof RuntimeException e) throw e;
        if (failure[0] instanceof Error e) throw e;
    }

    /** {@link #process} within the per-file CPU budget of a batch. */
    private static FileResult budgeted(DockerfileFinder.Target target, Settings settings,
                                       Function<DockerfileFinder.Target, String> diffPath, boolean keepInput, double seconds) {
        dev.whittle.syntax.WorkBudget.start(seconds);
        try {
            return process(target, settings, diffPath, keepInput);
        } finally {
            dev.whittle.syntax.WorkBudget.stop();
        }
    }

    /** One file: read, optimize, diff. Never throws. */
    public static FileResult process(DockerfileFinder.Target target, Settings settings,
                                     Function<DockerfileFinder.Target, String> diffPath) {
        return process(target, null, true, settings, diffPath, false);
    }

    /**
     * One file: read, optimize, diff. Never throws.
     *
     * @param keepInput keep the bytes read in the result (a rewrite checks them against the file before writing)
     */
    public static FileResult process(DockerfileFinder.Target target, Settings settings,
                                     Function<DockerfileFinder.Target, String> diffPath, boolean keepInput) {
        return process(target, null, true, settings, diffPath, keepInput);
    }

    /**
     * One file's bytes, read elsewhere (standard input) when {@code given} is not null: optimized as the file at
     * {@code target} (its config; its folder as build context when {@code contextFromFile}, else none unless the
     * settings name one). Never throws.
     */
    public static FileResult process(DockerfileFinder.Target target, byte[] given, boolean contextFromFile,
                                     Settings settings, Function<DockerfileFinder.Target, String> diffPath,
                                     boolean keepInput) {
        Path file = target.file();
        try {
            Optimizer.Options options = settings.optionsFor(file);
            if (!contextFromFile && !settings.hasContext()) options = options.withContext(BuildContext.none());
            byte[] bytes = given != null ? given : read(target);
            boolean large = bytes.length > LARGE;
            if (large) ONE_LARGE.acquireUninterruptibly();
            try {
                Optimizer.Result r = Optimizer.optimize(DockerfileReader.read(bytes), options);
                String diff = r.changed() ? r.diff(nameable(target, diffPath.apply(target))) : "";
                return new FileResult(target, options.level(), r.changes(), r.after(), diff, null, false,
                        keepInput && !diff.isEmpty() ? bytes : null, r.created());
            } finally {
                if (large) ONE_LARGE.release();
            }
        } catch (SyntaxError e) {
            return FileResult.failed(target, e.format(file.toString()), false);
        } catch (Unnameable e) {
            return FileResult.failed(target, file + ": " + e.getMessage(), false);
        } catch (IOException e) {
            return FileResult.failed(target, file + ": cannot read: " + DockerfileFinder.reason(e), false);
        } catch (ConfigException e) {
            return FileResult.failed(target, file + ": " + e.getMessage(), false);
        } catch (dev.whittle.split.TemplateException e) {
            return FileResult.failed(target, file + ": not optimized: " + e.getMessage(), false);
        } catch (dev.whittle.syntax.WorkBudget.Exceeded e) {
            return FileResult.failed(target, file + ": " + e.getMessage(), false);
        } catch (OutOfMemoryError e) {
            return FileResult.failed(target, file + ": needs more memory than whittle has (raise -Xmx in WHITTLE_JAVA_OPTS); "
                    + "not optimized", false);
        } catch (RuntimeException | Error e) { // a stack overflow, or a bug: that file is reported, the batch goes on
            return FileResult.failed(target, file + ": internal error in whittle: " + e
                    + " (please report it with this file)", true);
        }
    }

    /** A path that is not valid UTF-8: Java shows it with U+FFFD, and no diff could name the file. */
    static final class Unnameable extends IOException {
        Unnameable() {
            super("its path is not valid UTF-8 (shown here with \uFFFD); a diff cannot name it, so it is left alone");
        }
    }

    /** The diff path, unless the file's path does not survive as text (then no diff can name it). */
    private static String nameable(DockerfileFinder.Target target, String path) throws Unnameable {
        if (path.indexOf('\uFFFD') >= 0) {
            String text = target.file().toString();
            if (!Path.of(text).equals(target.file())) throw new Unnameable();
        }
        return path;
    }

    /**
     * A Dockerfile's bytes, refusing what is not a regular file (a FIFO is never opened: it would block) or is too
     * large to be a Dockerfile. A symbolic link found under a root is read only when it leads to a file inside
     * that root, checked again now. The file is opened without following links, and a file the search saw must
     * still be the same file (device and inode) or, when it was replaced, still lie in its folder inside the root:
     * a link swapped in mid-run (for the file or a folder on the way) is not read through.
     */
    public static byte[] read(DockerfileFinder.Target target) throws IOException {
        Path file = target.file();
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        Path open = file;
        boolean link = a.isSymbolicLink();
        if (link) {
            open = file.toRealPath();
            if (!target.named() && !open.startsWith(realRoot(target))) {
                throw new IOException("a symbolic link out of " + target.root() + " now; not followed");
            }
            a = Files.readAttributes(open, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }
        if (a.isDirectory()) throw new IOException("is a directory");
        if (!a.isRegularFile()) throw new IOException(DockerfileFinder.kind(open) + ", not a regular file");
        if (a.size() > MAX_BYTES) throw tooLarge(a.size());
        if (!target.named() && (link || !java.util.Objects.equals(a.fileKey(), target.fileKey()))) {
            // not the file the search saw (or a link): its folder must still be the one inside the root
            Path dir = link ? open.getParent() : file.toAbsolutePath().getParent();
            Path expected = link ? dir
                    : realRoot(target).resolve(target.root().toAbsolutePath().relativize(dir)).normalize();
            if (!dir.toRealPath().equals(expected)) {
                throw new IOException("its folder became a symbolic link while whittle ran; not read");
            }
        }
        try {
            return read(open, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.FileSystemException e) {
            if (FolderChain.isLoop(e)) throw new IOException("became a symbolic link while whittle ran; not followed");
            throw e;
        }
    }

    private static final java.util.Map<Path, Path> REAL_ROOTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The real path of a target's root (a batch has few roots; each is resolved once). */
    private static Path realRoot(DockerfileFinder.Target target) throws IOException {
        Path root = target.root().toAbsolutePath();
        Path real = REAL_ROOTS.get(root);
        if (real == null) {
            real = root.toRealPath();
            if (REAL_ROOTS.size() < 1024) REAL_ROOTS.put(root, real);
        }
        return real;
    }

    /** A file's bytes, refusing anything too large to be a Dockerfile; the size comes from the open file. */
    public static byte[] read(Path file, LinkOption... extra) throws IOException {
        java.util.Set<java.nio.file.OpenOption> options = extra.length == 0 ? Set.of(StandardOpenOption.READ)
                : Set.of(StandardOpenOption.READ, extra[0]);
        try (SeekableByteChannel channel = Files.newByteChannel(file, options)) {
            long size = channel.size();
            if (size > MAX_BYTES) throw tooLarge(size);
            InputStream in = Channels.newInputStream(channel);
            byte[] bytes = in.readNBytes((int) size);
            if (bytes.length < size) return bytes; // it shrank while being read
            byte[] more = in.readNBytes((int) (MAX_BYTES - size) + 1); // or grew
            if (more.length == 0) return bytes;
            if (size + more.length > MAX_BYTES) throw tooLarge(size + more.length);
            byte[] all = Arrays.copyOf(bytes, bytes.length + more.length);
            System.arraycopy(more, 0, all, bytes.length, more.length);
            return all;
        } catch (IOException e) {
            if (Files.isDirectory(file)) throw new IOException("is a directory");
            throw e;
        }
    }

    /** All of a stream (standard input), refusing more than {@link #MAX_BYTES}. */
    public static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) throw tooLarge(bytes.length);
        return bytes;
    }

    private static IOException tooLarge(long size) {
        return new IOException("too large to be a Dockerfile (" + String.format(java.util.Locale.ROOT, "%.1f MB",
                size / (double) (1 << 20)) + "; whittle reads up to " + MAX_BYTES / (1024 * 1024) + " MB)");
    }
}
