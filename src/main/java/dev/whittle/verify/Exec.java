package dev.whittle.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an engine command with a time limit; output (stdout and stderr together) is captured. */
final class Exec {
    private Exec() {}

    /**
     * @param exit     the exit code, or -1 when the time limit stopped it
     * @param output   what it printed
     * @param seconds  how long it ran
     */
    record Result(int exit, String output, double seconds) {
        boolean ok() {
            return exit == 0;
        }

        /** The last lines of the output, for error messages. */
        String tail(int lines) {
            return Exec.tail(output, lines);
        }
    }

    /** The last lines of a text. */
    static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static Result run(List<String> command, Path dir, Duration limit) {
        long start = System.nanoTime();
        if (Cleanup.refuses()) return new Result(130, "whittle is stopping: " + command.get(0) + " not started", 0);
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) pb.directory(dir.toFile());
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, command.get(0) + ": " + e.getMessage(), 0);
        }
        Cleanup.started(p);
        try {
            return finish(p, limit, start);
        } finally {
            Cleanup.ended(p);
        }
    }

    /** Starts a long-running command (a served app), stopped should the JVM stop; null when it cannot start. */
    static Process spawn(List<String> command) throws IOException {
        if (Cleanup.refuses()) throw new IOException("whittle is stopping: " + command.get(0) + " not started");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Cleanup.started(p);
        p.onExit().thenRun(() -> Cleanup.ended(p));
        return p;
    }

    private static Result finish(Process p, Duration limit, long start) {
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to write
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(p.getInputStream(), out), "whittle-exec-output");
        reader.setDaemon(true);
        reader.start();
        int exit;
        try {
            if (p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                exit = p.exitValue();
            } else {
                stop(p);
                exit = -1;
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            stop(p);
            Thread.currentThread().interrupt();
            exit = -1;
        }
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        return new Result(exit, text, (System.nanoTime() - start) / 1e9);
    }

    /** Stops a process and everything it started. */
    static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (out) {
                    if (out.size() < 4 * 1024 * 1024) out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            if (!"Stream closed".equals(e.getMessage())) throw new UncheckedIOException(e);
        }
    }
}
