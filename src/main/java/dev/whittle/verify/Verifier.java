package dev.whittle.verify;

import dev.whittle.syntax.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Builds a Dockerfile and its rewrite with a container engine, measures both images, compares what the
 * rewrite's final image lacks, runs the same check in both and compares what they do. The two images, the
 * containers, pods and the temporary folder are removed afterwards, also when whittle is stopped (SIGTERM).
 */
public final class Verifier {

    /** What a verification found. */
    public enum Outcome {
        /** The rewrite builds, has what the image needs, and behaves the same. */
        SAME,
        /** The rewrite does not build, lacks a file the image needs, or behaves differently. */
        DIFFERENT,
        /** The check could not tell: neither image answered, the original failed its own check, the engine failed. */
        COULD_NOT_RUN,
        /** The original does not build: nothing to compare (bad input). */
        ORIGINAL_FAILED
    }

    /**
     * How the images are checked: HTTP requests, a command in the image, or the image's own start command.
     *
     * @param http         the requests, in order (empty: a command check)
     * @param command      the command to run instead of CMD (null: the image's own start command)
     * @param match        how the HTTP answers are compared
     * @param expectStatus the status both must answer with (0: any, but the same)
     * @param limit        each request's time limit, or how long a command may run
     * @param ready        how long a started image may take to answer its first request
     */
    public record Check(List<HttpCheck> http, List<String> command, BodyMatch match, int expectStatus, Duration limit,
                        Duration ready) {
        public Check {
            http = List.copyOf(http);
        }

        public static Check http(int port, String path, Duration limit) {
            return new Check(List.of(new HttpCheck(port, path)), null, BodyMatch.EXACT, 0, limit, Duration.ofSeconds(60));
        }

        public static Check command(List<String> command, Duration limit) {
            return new Check(List.of(), command, BodyMatch.EXACT, 0, limit, Duration.ofSeconds(60));
        }

        public static Check ownStart(Duration limit) {
            return new Check(List.of(), null, BodyMatch.EXACT, 0, limit, Duration.ofSeconds(60));
        }

        public Check with(BodyMatch m, int status, Duration readyTime) {
            return new Check(http, command, m, status, limit, readyTime);
        }

        String describe() {
            if (!http.isEmpty()) {
                return String.join(", ", http.stream().map(HttpCheck::toString).toList()) + " (" + match.describe()
                        + (expectStatus > 0 ? ", expecting " + expectStatus : "") + ")";
            }
            if (command != null) return String.join(" ", command);
            return "the image's own start command (stopped after " + limit.toSeconds() + " s)";
        }
    }

    /**
     * What both runs get, and what is compared besides behaviour.
     *
     * @param layers     make the layer report of both images
     * @param contents   compare the final images' files (needs the images exported)
     * @param buildPaths the build-only paths the content comparison leaves out
     */
    public record Setup(Container container, List<Service> services, boolean layers, boolean contents, BuildPaths buildPaths) {
        public Setup {
            services = List.copyOf(services);
        }

        /** What the containers are given, for the report: " with ..." or "". */
        String describe() {
            List<String> parts = new ArrayList<>();
            if (!container.env().isEmpty()) parts.add("environment " + String.join(", ", container.env().keySet().stream().sorted().toList()));
            if (!container.args().isEmpty()) parts.add("arguments " + String.join(" ", container.args()));
            if (!services.isEmpty()) parts.add("services " + String.join(", ", services.stream().map(Service::image).toList()));
            return parts.isEmpty() ? "" : " with " + String.join("; ", parts);
        }

        /** No environment, arguments or services; the contents compared, no layer report. */
        public static Setup plain() {
            return new Setup(Container.NONE, List.of(), false, true, BuildPaths.load(null));
        }
    }

    /** One check's answers in both images, and how they differ (null: the same). */
    public record Seen(String check, String before, String after, String difference) {}

    /**
     * One image: built or not, how long it took, its size and layers, what the check saw, its layer report.
     *
     * @param engineLayerBytes each layer's size as the engine reports it (buildah inspect), to compare with the report's
     */
    public record Side(boolean built, double buildSeconds, long sizeBytes, int layers, String outcome, String log,
                       LayerReport layerReport, List<Long> engineLayerBytes) {}

    /**
     * @param verdict null when the rewrite builds and behaves the same, else why not (or why the check could not run)
     * @param originalFailed the original did not build (nothing to compare: bad input)
     */
    public record Report(String engine, String check, Side before, Side after, Outcome outcome, String verdict,
                         List<Seen> checks, ContentCheck.Report contents, boolean originalFailed) {
        public boolean passed() {
            return outcome == Outcome.SAME;
        }

        /** before / after size, 0 when unknown. */
        public double ratio() {
            return after != null && after.sizeBytes() > 0 ? (double) before.sizeBytes() / after.sizeBytes() : 0;
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
        return verify(dockerfile, rewritten, context, check, Setup.plain());
    }

    public Report verify(Path dockerfile, String rewritten, Path context, Check check, Setup setup) throws IOException {
        String id = "whittle-verify-" + UUID.randomUUID().toString().substring(0, 8);
        String before = "localhost/" + id + "-before";
        String after = "localhost/" + id + "-after";
        Path dir = Files.createTempDirectory("whittle-verify");
        try (Cleanup.Handle undo = Cleanup.onStop(() -> {
            deleteTree(dir);
            engine.remove(after);
            engine.remove(before);
        })) {
            Path rewrittenFile = dir.resolve("Dockerfile");
            Files.write(rewrittenFile, SourceText.encode(rewritten)); // bytes that are not UTF-8 stay as they were
            String described = check.describe() + setup.describe();
            Exec.Result b = engine.build(dockerfile.toAbsolutePath(), context.toAbsolutePath(), before, pull, cache, buildLimit);
            if (!b.ok()) {
                Side s = new Side(false, b.seconds(), 0, 0, null, b.tail(15), null, List.of());
                return new Report(engine.name(), described, s, null, Outcome.ORIGINAL_FAILED, "the original does not build",
                        List.of(), null, true);
            }
            Exec.Result a = engine.build(rewrittenFile, context.toAbsolutePath(), after, pull, cache, buildLimit);
            Engine.Image bi = engine.inspect(before);
            if (!a.ok()) {
                Side sb = new Side(true, b.seconds(), bi.sizeBytes(), bi.layers(), null, "", null, bi.layerBytes());
                Side sa = new Side(false, a.seconds(), 0, 0, null, a.tail(15), null, List.of());
                return new Report(engine.name(), described, sb, sa, Outcome.DIFFERENT, "the rewrite does not build", List.of(), null, false);
            }
            Engine.Image ai = engine.inspect(after);
            Images images = (setup.layers() || setup.contents())
                    ? images(dir, before, after, SourceText.decode(Files.readAllBytes(dockerfile)), rewritten, setup)
                    : new Images(null, null, null, null);
            Behaviour seen = behaviour(before, after, check, setup);
            Outcome outcome = seen.outcome();
            String verdict = seen.verdict();
            if (images.contents() != null && !images.contents().ok()) {
                outcome = Outcome.DIFFERENT;
                ContentCheck.Needed n = images.contents().needed().get(0);
                verdict = "the rewrite lacks " + n.path() + ", which the image needs: " + n.why()
                        + (images.contents().needed().size() > 1 ? " (and " + (images.contents().needed().size() - 1) + " more)" : "");
            } else if (images.failure() != null && outcome == Outcome.SAME) {
                outcome = Outcome.COULD_NOT_RUN;
                verdict = images.failure();
            }
            Side sb = new Side(true, b.seconds(), bi.sizeBytes(), bi.layers(), seen.before(), seen.beforeLog(), setup.layers() ? images.before() : null, bi.layerBytes());
            Side sa = new Side(true, a.seconds(), ai.sizeBytes(), ai.layers(), seen.after(), seen.afterLog(), setup.layers() ? images.after() : null, ai.layerBytes());
            return new Report(engine.name(), described, sb, sa, outcome, verdict, seen.checks(), images.contents(), false);
        }
    }

    /** The layer reports and the content comparison, or why the images could not be read. */
    private record Images(LayerReport before, LayerReport after, ContentCheck.Report contents, String failure) {}

    private Images images(Path dir, String before, String after, String original, String rewritten, Setup setup) {
        Path ab = dir.resolve("before.tar");
        Path aa = dir.resolve("after.tar");
        try {
            BuildSteps sb = BuildSteps.of(original);
            BuildSteps sa = BuildSteps.of(rewritten);
            engine.export(before, ab);
            engine.export(after, aa);
            int[] base = new int[2];
            ImageArchive xb = ImageArchive.read(ab, ids -> base[0] = baseLayers(sb, ids));
            Files.deleteIfExists(ab);
            ImageArchive xa = ImageArchive.read(aa, ids -> base[1] = baseLayers(sa, ids));
            Files.deleteIfExists(aa);
            int baseB = base[0];
            int baseA = base[1];
            LayerReport lb = LayerReport.of("original", xb, sb, baseB);
            LayerReport la = LayerReport.of("rewrite", xa, sa, baseA);
            ContentCheck.Report c = setup.contents() ? ContentCheck.compare(xb, baseB, lb.layers(), xa, baseA, setup.buildPaths()) : null;
            return new Images(lb, la, c, null);
        } catch (Engine.Failure | IOException e) {
            return new Images(null, null, null, "the images could not be read for the content comparison: " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(ab);
                Files.deleteIfExists(aa);
            } catch (IOException ignored) {
                // the folder goes as a whole
            }
        }
    }

    /** How many bottom layers of an image are its base image's: the layers it shares with the base, in order. */
    private int baseLayers(BuildSteps steps, List<String> image) {
        String base = steps.baseImage();
        if (base.isEmpty() || base.equalsIgnoreCase("scratch")) return 0;
        List<String> ids = engine.layerIds(base);
        if (ids.isEmpty()) {
            long made = steps.steps().stream().filter(s -> !s.keyword().equals("WORKDIR")).count();
            return (int) Math.max(0, image.size() - made);
        }
        int n = 0;
        while (n < ids.size() && n < image.size() && ids.get(n).equals(image.get(n))) n++;
        return n;
    }

    /** What both images did under the check, compared. */
    private record Behaviour(Outcome outcome, String verdict, List<Seen> checks, String before, String beforeLog, String after,
                             String afterLog) {}

    /** One image's run: the answers (HTTP) or the command's result, or why the engine could not run it. */
    private record Run(List<Http.Answer> answers, Exec.Result result, String log, String failure) {
        String describe(Check c) {
            if (failure != null) return "could not run: " + failure;
            if (answers != null) return String.join("; ", answers.stream().map(Verifier::describe).toList());
            return result.exit() == -1 ? "still running after " + c.limit().toSeconds() + " s"
                    : "exit " + result.exit() + ": " + result.output().strip();
        }
    }

    private Behaviour behaviour(String before, String after, Check check, Setup setup) {
        Run rb = run(before, check, setup);
        Run ra = run(after, check, setup);
        String db = rb.describe(check);
        String da = ra.describe(check);
        List<Seen> seen = new ArrayList<>();
        if (rb.failure() != null || ra.failure() != null) {
            String why = rb.failure() != null ? "the engine could not run the original: " + rb.failure()
                    : "the engine could not run the rewrite: " + ra.failure();
            return new Behaviour(Outcome.COULD_NOT_RUN, why, seen, db, rb.log(), da, ra.log());
        }
        Outcome outcome = Outcome.SAME;
        String verdict = null;
        if (rb.answers() != null) {
            for (int i = 0; i < check.http().size(); i++) {
                Http.Answer x = rb.answers().get(i);
                Http.Answer y = ra.answers().get(i);
                String name = check.http().get(i).toString();
                String[] judged = judge(x, y, check);
                seen.add(new Seen(name, describe(x), describe(y), judged == null ? null : judged[1]));
                if (judged == null) continue;
                Outcome o = Outcome.valueOf(judged[0]);
                // a difference outweighs a check that could not run
                if (outcome == Outcome.SAME || (outcome == Outcome.COULD_NOT_RUN && o == Outcome.DIFFERENT)) {
                    outcome = o;
                    verdict = name + ": " + judged[1];
                }
            }
        } else {
            Exec.Result x = rb.result();
            Exec.Result y = ra.result();
            String diff = null;
            if (x.exit() == -1 && y.exit() == -1) {
                diff = null; // both still serving at the limit: the expected outcome of a server
            } else if (x.exit() == -1) {
                diff = "the original still ran after " + check.limit().toSeconds() + " s; the rewrite ended with exit " + y.exit();
            } else if (y.exit() == -1) {
                diff = "the original ended with exit " + x.exit() + "; the rewrite still ran after " + check.limit().toSeconds() + " s";
            } else if (x.exit() != y.exit()) {
                diff = "exit " + x.exit() + " against exit " + y.exit();
            } else if (!x.output().strip().equals(y.output().strip())) {
                diff = "the same exit code, different output";
            }
            seen.add(new Seen(check.describe(), db, da, diff));
            if (diff != null) {
                outcome = Outcome.DIFFERENT;
                verdict = "the rewrite behaves differently: " + diff;
            }
        }
        return new Behaviour(outcome, verdict, seen, db, rb.log(), da, ra.log());
    }

    /** Whether two answers to one request agree: null, or {outcome, why}. */
    private static String[] judge(Http.Answer x, Http.Answer y, Check check) {
        if (!x.answered() && !y.answered()) {
            return new String[] {"COULD_NOT_RUN", "neither image answered (original: " + x.error() + "; rewrite: " + y.error() + ")"};
        }
        if (!x.answered()) return new String[] {"COULD_NOT_RUN", "the original did not answer (" + x.error() + "), so there is nothing to compare"};
        if (check.expectStatus() > 0 && x.status() != check.expectStatus()) {
            return new String[] {"COULD_NOT_RUN", "the original answered " + x.status() + ", not the expected " + check.expectStatus()};
        }
        String unusable = check.match().unusable(x);
        if (unusable != null) return new String[] {"COULD_NOT_RUN", unusable};
        if (!y.answered()) return new String[] {"DIFFERENT", "the rewrite did not answer (" + y.error() + ")"};
        String d = check.match().differs(x, y);
        return d == null ? null : new String[] {"DIFFERENT", "the rewrite behaves differently: " + d};
    }

    private Run run(String tag, Check check, Setup setup) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (HttpCheck h : check.http()) ports.computeIfAbsent(h.port(), p -> Ports.free());
        try (Engine.Pod pod = engine.pod(setup.services(), ports, check.ready())) {
            if (check.http().isEmpty()) {
                Exec.Result r = pod.run(tag, setup.container(), check.command(), check.limit());
                return new Run(null, r, r.tail(20), null);
            }
            try (Engine.App app = pod.start(tag, setup.container())) {
                List<Http.Answer> answers = new ArrayList<>();
                long deadline = System.nanoTime() + check.ready().toNanos();
                for (HttpCheck h : check.http()) {
                    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                    answers.add(Http.waitReady(pod.hostPort(h.port()), h.path(), check.expectStatus(), left, check.limit(), app::alive));
                }
                return new Run(answers, null, app.log(), null);
            }
        } catch (Engine.Failure f) {
            return new Run(null, null, "", f.getMessage());
        }
    }

    private static String describe(Http.Answer a) {
        if (!a.answered()) return "no answer: " + a.error();
        String body = a.body().strip();
        if (body.length() > 200) body = body.substring(0, 200) + "...";
        return "HTTP " + a.status() + ": " + body;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a temporary folder
        }
    }

    /** "972.4 MB". */
    public static String size(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
