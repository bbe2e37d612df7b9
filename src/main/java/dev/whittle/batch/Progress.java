package dev.whittle.batch;

import java.io.PrintStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of a batch: a bar on a terminal, a plain line every few seconds otherwise, or nothing. */
public interface Progress extends AutoCloseable {

    void step();

    /** The number of files, once the search has finished. */
    default void total(int files) {}

    @Override
    void close();

    /**
     * A bar on a terminal (the maintained progressbar library draws it), plain lines on anything else.
     *
     * @param total the number of files, or -1 while the search goes on (see {@link #total})
     */
    static Progress forStderr(int total, PrintWriter plainOut) {
        if (System.console() != null && total != 0 && total != 1) return new Bar(total, System.err);
        return new Lines(total, plainOut);
    }

    static Progress none() {
        return new Progress() {
            @Override
            public void step() {}

            @Override
            public void close() {}
        };
    }

    /** The terminal bar. */
    final class Bar implements Progress {
        private final ProgressBar bar;

        Bar(int total, PrintStream out) {
            bar = new ProgressBarBuilder().setTaskName("whittle").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        }

        @Override
        public void step() {
            bar.step();
        }

        @Override
        public void total(int files) {
            bar.maxHint(files);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** "whittle: 12,000 of 99,789 files (12%)" at most every five seconds, for logs. */
    final class Lines implements Progress {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private volatile int total;
        private final PrintWriter out;
        private final long start = System.nanoTime();
        private long last = start;
        private int done;

        Lines(int total, PrintWriter out) {
            this.total = total;
            this.out = out;
        }

        @Override
        public void step() {
            done++;
            long now = System.nanoTime();
            int all = total;
            if (now - last >= EVERY_NANOS && done != all) {
                last = now;
                if (all > 0) out.printf("whittle: %,d of %,d files (%d%%)%n", done, all, (int) (100L * done / all));
                else out.printf("whittle: %,d files so far (still searching)%n", done);
                out.flush();
            }
        }

        @Override
        public void total(int files) {
            total = files;
        }

        @Override
        public void close() {}
    }
}
