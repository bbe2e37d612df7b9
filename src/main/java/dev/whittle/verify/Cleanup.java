package dev.whittle.verify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What verify leaves behind should the JVM stop early (SIGTERM, Ctrl-C): the engine commands still running
 * (a build) are stopped first, then the undo actions registered so far run, newest first (images, containers,
 * namespaces, the temporary folder). Once stopping, no new engine command starts.
 */
final class Cleanup {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Deque<Runnable> UNDO = new ArrayDeque<>();
    private static volatile boolean stopping;
    private static final Thread HOOK = new Thread(Cleanup::stopAll, "whittle-verify-cleanup");

    static {
        Runtime.getRuntime().addShutdownHook(HOOK);
    }

    private Cleanup() {}

    /** Set while an undo action runs, on whichever thread: its engine commands are never refused. */
    /** Undo actions running now, on any thread: the JVM does not stop before they end. */
    private static final java.util.concurrent.atomic.AtomicInteger ACTIVE = new java.util.concurrent.atomic.AtomicInteger();
    private static final ThreadLocal<Boolean> UNDOING = ThreadLocal.withInitial(() -> false);

    /** Whether new engine commands are refused: the JVM is stopping (undo actions may still run them). */
    static boolean refuses() {
        return stopping && Thread.currentThread() != HOOK && !UNDOING.get();
    }

    /** A started engine command: stopped should the JVM stop before it ends. */
    static void started(Process p) {
        RUNNING.add(p);
    }

    static void ended(Process p) {
        RUNNING.remove(p);
    }

    /** Registers an undo action; the returned handle runs it (once) and forgets it. */
    static Handle onStop(Runnable undo) {
        Handle h = new Handle(undo);
        synchronized (UNDO) {
            UNDO.push(h::run);
            h.entry = UNDO.peek();
        }
        return h;
    }

    /** An undo action that runs at most once: from {@link #close()} in normal flow, or at JVM stop. */
    static final class Handle implements AutoCloseable {
        private final Runnable undo;
        private Runnable entry;
        private boolean done;

        private Handle(Runnable undo) {
            this.undo = undo;
        }

        private void run() {
            synchronized (this) {
                if (done) return;
                done = true;
            }
            boolean outer = UNDOING.get();
            UNDOING.set(true);
            ACTIVE.incrementAndGet();
            try {
                undo.run();
            } finally {
                UNDOING.set(outer);
                synchronized (ACTIVE) {
                    ACTIVE.decrementAndGet();
                    ACTIVE.notifyAll();
                }
            }
        }

        @Override
        public void close() {
            synchronized (UNDO) {
                UNDO.remove(entry);
            }
            run();
        }
    }

    private static void stopAll() {
        stopping = true;
        for (Process p : RUNNING) Exec.stop(p);
        while (true) {
            Runnable r;
            synchronized (UNDO) {
                r = UNDO.poll();
            }
            if (r == null) break;
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // best effort while the JVM stops
            }
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        synchronized (ACTIVE) {
            while (ACTIVE.get() > 0 && System.nanoTime() < deadline) {
                try {
                    ACTIVE.wait(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
