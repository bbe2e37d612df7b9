package dev.whittle.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Builds a Dockerfile and its rewrite with a container engine, measures both images, runs the same check in
 * both and compares what they do. The two images are removed afterwards.
 */
public final class Verifier {

    /** How the images are checked: an HTTP request, a command in the image, or the image's own start command. */
    public record Check(int port, String path, List<String> command, Duration limit) {
        public static Check http(int port, String path, Duration limit) {
            return new Check(port, path, null, limit);
        }

        public static Check command(List<String> command, Duration limit) {
            return new Check(0, null, command, limit);
        }

        public static Check ownStart(Duration limit) {
            return new Check(0, null, null, limit);
        }

        String describe() {
            if (port > 0) return "GET http://127.0.0.1:" + port + path;
            if (command != null) return String.join(" ", command);
            return "the image's own start command (stopped after " + limit.toSeconds() + " s)";
        }
    }

    /** One image: built or not, how long it took, its size and layers, and what the check saw. */
    public record Side(boolean built, double buildSeconds, long sizeBytes, int layers, String outcome, String log) {}

    /**
     * @param verdict null when the rewrite builds and behaves the same, else why not
     * @param originalFailed the original did not build (nothing to compare: bad input)
     */
    public record Report(String engine, String check, Side before, Side after, String verdict, boolean originalFailed) {
        public boolean passed() {
            return verdict == null;
        }

        /** before / after size, 0 when unknown. */
        public double ratio() {
            return after.sizeBytes() > 0 ? (double) before.sizeBytes() / after.sizeBytes() : 0;
        }
    }

    private final Engine engine;
    private final boolean pull;
    private final boolean cache;
    private final Duration buildLimit;

    /**
     * @param pull  whether the engine may pull base images
     * @param cache whether builds may reuse the engine's cached steps (off: both build times are cold)
     */
    public Verifier(Engine engine, boolean pull, boolean cache, Duration buildLimit) {
        this.engine = engine;
        this.pull = pull;
        this.cache = cache;
        this.buildLimit = buildLimit;
    }

    public Report verify(Path dockerfile, String rewritten, Path context, Check check) throws IOException {
        String id = "whittle-verify-" + UUID.randomUUID().toString().substring(0, 8);
        String before = "localhost/" + id + "-before";
        String after = "localhost/" + id + "-after";
        Path dir = Files.createTempDirectory("whittle-verify");
        Path rewrittenFile = dir.resolve("Dockerfile");
        Files.writeString(rewrittenFile, rewritten);
        try {
            Exec.Result b = engine.build(dockerfile.toAbsolutePath(), context.toAbsolutePath(), before, pull, cache, buildLimit);
            if (!b.ok()) {
                Side s = new Side(false, b.seconds(), 0, 0, null, b.tail(15));
                return new Report(engine.name(), check.describe(), s, null, "the original does not build", true);
            }
            Exec.Result a = engine.build(rewrittenFile, context.toAbsolutePath(), after, pull, cache, buildLimit);
            Engine.Image bi = engine.inspect(before);
            if (!a.ok()) {
                Side sb = new Side(true, b.seconds(), bi.sizeBytes(), bi.layers(), null, "");
                Side sa = new Side(false, a.seconds(), 0, 0, null, a.tail(15));
                return new Report(engine.name(), check.describe(), sb, sa, "the rewrite does not build", false);
            }
            Engine.Image ai = engine.inspect(after);
            String[] ob = outcome(before, check);
            String[] oa = outcome(after, check);
            Side sb = new Side(true, b.seconds(), bi.sizeBytes(), bi.layers(), ob[0], ob[1]);
            Side sa = new Side(true, a.seconds(), ai.sizeBytes(), ai.layers(), oa[0], oa[1]);
            String verdict = null;
            if (!ob[0].equals(oa[0])) verdict = "the rewrite behaves differently";
            else if (ob[0].startsWith("no answer")) verdict = "neither image answered the check";
            return new Report(engine.name(), check.describe(), sb, sa, verdict, false);
        } finally {
            engine.remove(after);
            engine.remove(before);
            Files.deleteIfExists(rewrittenFile);
            Files.deleteIfExists(dir);
        }
    }

    /** What the check saw in one image, as a comparable text, and the log behind it. */
    private String[] outcome(String tag, Check check) {
        if (check.port() > 0) {
            Engine.Answer a = engine.serve(tag, check.port(), check.path(), check.limit());
            String seen = a.status() == 0 ? "no answer within " + check.limit().toSeconds() + " s"
                    : "HTTP " + a.status() + ": " + a.body().strip();
            return new String[] {seen, a.log()};
        }
        Exec.Result r = engine.run(tag, check.command(), check.limit());
        String seen = r.exit() == -1 ? "still running after " + check.limit().toSeconds() + " s"
                : "exit " + r.exit() + ": " + r.output().strip();
        return new String[] {seen, r.tail(20)};
    }

    /** "972.4 MB". */
    public static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
