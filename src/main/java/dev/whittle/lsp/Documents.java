package dev.whittle.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The open documents and their analyses. Every edit starts a new version whose analysis runs off the protocol's
 * thread after a pause ({@link #DEBOUNCE_MS}: typing does not start a run per key), on a worker of its own, so the
 * editor is never kept waiting by a slow file. A newer version cancels the pending run of an older one; a run
 * already going finishes, and only the current version's diagnostics are published.
 * A request (code action, hover, pull diagnostics) waits for the current version's analysis and starts it at
 * once if it is still pausing.
 */
final class Documents implements AutoCloseable {

    static final long DEBOUNCE_MS = 150;

    private final Analyzer analyzer = new Analyzer();
    private final Consumer<Analysis> published;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("whittle-lsp-timer"));
    private final ExecutorService workers = Executors.newFixedThreadPool(
            Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), daemon("whittle-lsp-worker"));
    private final Map<String, Doc> docs = new ConcurrentHashMap<>();

    /** @param published gets each analysis of a version that is still current when it is done */
    Documents(Consumer<Analysis> published) {
        this.published = published;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    ExecutorService workers() {
        return workers;
    }

    /** One open document. Its fields change under its own lock. */
    private final class Doc {
        final String uri;
        final Path path;
        String text;
        int version;
        CompletableFuture<Analysis> analysis = new CompletableFuture<>();
        ScheduledFuture<?> pending;

        Doc(String uri, String text, int version) {
            this.uri = uri;
            this.path = pathOf(uri);
            this.text = text;
            this.version = version;
        }

        /** A new version: its analysis replaces the old one's, which those waiting for it get too. */
        synchronized void update(String newText, int newVersion, long delay) {
            text = newText;
            version = newVersion;
            if (pending != null) pending.cancel(false);
            // a run already going is not interrupted (it may be reading the build context): its result is dropped
            CompletableFuture<Analysis> before = analysis;
            analysis = new CompletableFuture<>();
            analysis.whenComplete((a, e) -> {
                if (a != null) before.complete(a);
                else before.completeExceptionally(e);
            });
            schedule(delay);
        }

        synchronized void schedule(long delay) {
            String t = text;
            int v = version;
            CompletableFuture<Analysis> target = analysis;
            pending = timer.schedule(() -> start(t, v, target), delay, TimeUnit.MILLISECONDS);
        }

        /** Starts a pausing run now (for a request that waits for it). */
        synchronized CompletableFuture<Analysis> now() {
            if (!analysis.isDone() && pending != null && pending.cancel(false)) start(text, version, analysis);
            return analysis;
        }

        private synchronized void start(String t, int v, CompletableFuture<Analysis> target) {
            if (target != analysis) return; // superseded while it waited
            pending = null;
            workers.execute(() -> {
                Analysis a;
                try {
                    a = analyzer.analyze(uri, path, v, t);
                } catch (Throwable e) {
                    target.completeExceptionally(e);
                    return;
                }
                boolean current;
                synchronized (Doc.this) {
                    current = version == v;
                }
                target.complete(a);
                if (current) published.accept(a);
            });
        }
    }

    void open(String uri, String text, int version) {
        close(uri);
        Doc d = new Doc(uri, text, version);
        docs.put(uri, d);
        d.schedule(0);
    }

    /** Applies the changes in order (a change without a range is the whole text) and schedules an analysis. */
    void change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        Doc d = docs.get(uri);
        if (d == null) return;
        synchronized (d) {
            String text = d.text;
            for (TextDocumentContentChangeEvent c : changes) {
                text = c.getRange() == null ? c.getText() : new TextLines(text).replace(c.getRange(), c.getText());
            }
            d.update(text, version, DEBOUNCE_MS);
        }
    }

    /** Forgets a document; whatever was pending for it is dropped. */
    void close(String uri) {
        Doc d = docs.remove(uri);
        if (d == null) return;
        synchronized (d) {
            if (d.pending != null) d.pending.cancel(false);
        }
    }

    /** The analysis of the document's current version, or null when it is not open. */
    CompletableFuture<Analysis> current(String uri) {
        Doc d = docs.get(uri);
        return d == null ? null : d.now();
    }

    /** The current text of an open document, or null. */
    String text(String uri) {
        Doc d = docs.get(uri);
        if (d == null) return null;
        synchronized (d) {
            return d.text;
        }
    }

    static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(null, r, name, 16L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }
}
