package dev.whittle.syntax;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A budget of CPU time for the work on one file, for a batch: no single file can hold a worker for ever. The
 * lexers and the optimizer call {@link #check()} as they go (cheap: the clock is read every 4,096 calls); once the
 * thread has used more than its budget since {@link #start} the call throws {@link Exceeded}, and keeps
 * throwing until {@link #stop()}, so a file that exceeds it is reported and the batch goes on. Threads that never
 * called {@link #start} (the library, single files) have no budget.
 */
public final class WorkBudget {
    private WorkBudget() {}

    /** The file took more than its budget; the message says how much it was. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURED = THREADS.isCurrentThreadCpuTimeSupported();

    private static final class State {
        final long limitNanos;
        final long startNanos;
        int calls;
        boolean exceeded;

        State(long limitNanos) {
            this.limitNanos = limitNanos;
            this.startNanos = THREADS.getCurrentThreadCpuTime();
        }
    }

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();

    /** Starts a budget of {@code seconds} of this thread's CPU time. */
    public static void start(double seconds) {
        if (MEASURED) CURRENT.set(new State((long) (seconds * 1e9)));
    }

    /** Ends this thread's budget. */
    public static void stop() {
        CURRENT.remove();
    }

    /** @throws Exceeded when this thread has used more than its budget */
    public static void check() {
        State s = CURRENT.get();
        if (s == null) return;
        if (!s.exceeded && (++s.calls & 4095) != 0) return;
        if (s.exceeded || THREADS.getCurrentThreadCpuTime() - s.startNanos > s.limitNanos) {
            s.exceeded = true;
            double seconds = s.limitNanos / 1e9;
            String shown = seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
            throw new Exceeded("took more than " + shown + " s of CPU, whittle's budget for one file (--time-budget); "
                    + "not optimized");
        }
    }
}
