package dev.whittle.api;

import dev.whittle.facts.BuildContext;
import dev.whittle.batch.BatchRun;
import dev.whittle.batch.DockerfileFinder;
import dev.whittle.config.ConfigException;
import dev.whittle.config.Settings;
import dev.whittle.core.Level;
import dev.whittle.engine.Optimizer;
import dev.whittle.engine.Passes;
import dev.whittle.core.Change;
import dev.whittle.pass.Pass;
import dev.whittle.core.PassInfo;
import dev.whittle.syntax.DockerfileReader;
import dev.whittle.syntax.SourceText;
import dev.whittle.syntax.SyntaxError;
import dev.whittle.tree.Dockerfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * whittle as a library: parse a Dockerfile, optimize it with options, get the rewritten text, the changes
 * with their reasons and a unified diff. An optimizer is immutable and safe to share between threads.
 *
 * <pre>{@code
 * DockerfileOptimizer optimizer = DockerfileOptimizer.builder()
 *         .level(Level.BALANCED)
 *         .skip("merge-runs")
 *         .build();
 * DockerfileOptimizer.Report report = optimizer.optimize(Path.of("services/api/Dockerfile"));
 * if (report.changed()) System.out.print(report.diff());
 * for (Change c : report.changes()) System.out.println(c.format("Dockerfile"));
 * }</pre>
 *
 * Bad input throws {@link SyntaxError} ({@code line()}, {@code column()}, {@code format(path)}), for text and files
 * alike (a NUL byte, a line over 64 KB, shell bodies nested too deep or too long to analyse, input nested
 * deeper than the calling thread's stack allows); a file that does not read throws {@link IOException} (a FIFO or
 * device is not opened); a bad option, and {@code null} for any argument, throw {@link IllegalArgumentException}.
 */
public final class DockerfileOptimizer {

    private final Settings settings;

    private DockerfileOptimizer(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The lossless tree of a Dockerfile's text; {@code parse(text).print()} gives the text back.
     *
     * @throws SyntaxError when it is not a Dockerfile BuildKit reads (the same checks as for a file)
     * @throws IllegalArgumentException when the text is null
     */
    public static Dockerfile parse(String text) {
        return DockerfileReader.read(SourceText.encode(notNull(text, "text")));
    }

    /**
     * Reads and optimizes a file; its folder is the build context unless the builder named one.
     *
     * @throws SyntaxError     when it is not a Dockerfile whittle reads
     * @throws IOException     when it does not read (missing, a FIFO or device, larger than 1 MB)
     * @throws IllegalArgumentException when the path is null
     */
    public Report optimize(Path dockerfile) throws IOException {
        notNull(dockerfile, "dockerfile");
        Path parent = dockerfile.toAbsolutePath().getParent();
        byte[] bytes = BatchRun.read(new DockerfileFinder.Target(dockerfile, parent == null ? dockerfile : parent));
        return guarded(() -> run(DockerfileReader.read(bytes), options(dockerfile), dockerfile.getFileName().toString()));
    }

    /**
     * Optimizes text; the build context is the builder's, or none (passes that need one stay cautious).
     *
     * @throws SyntaxError when it is not a Dockerfile whittle reads (the same checks as for a file)
     * @throws IllegalArgumentException when the text is null
     */
    public Report optimize(String text) {
        Optimizer.Options options = options(null);
        return guarded(() -> run(parse(text), options, "Dockerfile"));
    }

    private static <T> T notNull(T value, String name) {
        if (value == null) throw new IllegalArgumentException(name + " is null");
        return value;
    }

    /** The work, with a stack overflow (input nested deeper than this thread's stack) turned into bad input. */
    private static Report guarded(java.util.function.Supplier<Report> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            throw new SyntaxError(1, 1, "nested too deeply to analyse with this thread's stack; not optimized");
        }
    }

    /**
     * Optimizes the text of the file at {@code path} as it is now, not as it is on disk (an editor's buffer,
     * standard input named by --stdin-filename): the path decides the nearest .whittle.yaml (with
     * {@link Builder#configFiles}) and, unless the builder named one, the build context (its folder).
     */
    public Report optimize(String text, Path path) {
        return run(parse(text), options(path), path.getFileName().toString());
    }

    /**
     * This optimizer running only the given passes or user rules (ids as in {@code whittle rules}); an id that is
     * neither a built-in pass nor a rule of the file's .whittle.yaml makes {@link #optimize} throw
     * IllegalArgumentException.
     */
    public DockerfileOptimizer only(String... ids) {
        Settings.Flags f = settings.flags();
        return new DockerfileOptimizer(new Settings(new Settings.Flags(f.level(), Set.of(ids), f.skip(), f.templates(),
                f.registry(), f.context(), f.noConfig(), f.config())));
    }

    /** This optimizer at another level (null: each file's .whittle.yaml decides). */
    public DockerfileOptimizer atLevel(Level newLevel) {
        Settings.Flags f = settings.flags();
        return new DockerfileOptimizer(new Settings(new Settings.Flags(newLevel, f.only(), f.skip(), f.templates(),
                f.registry(), f.context(), f.noConfig(), f.config())));
    }

    private Optimizer.Options options(Path file) {
        try {
            Optimizer.Options o = settings.optionsFor(file == null ? Path.of("Dockerfile") : file);
            return file == null && !settings.hasContext() ? o.withContext(BuildContext.none()) : o;
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Report run(Dockerfile tree, Optimizer.Options options, String name) {
        Optimizer.Result r = Optimizer.optimize(tree, options);
        List<PassInfo> passes = Passes.with(options.userRules()).stream().map(Pass::info).toList();
        return new Report(r, name, options.level(), passes);
    }

    /**
     * The outcome of one optimization: the engine's outcome (the one the CLI and the batch print) with the file's
     * name and level.
     */
    public static final class Report {
        private final Optimizer.Result result;
        private final String name;
        private final Level level;
        private final List<PassInfo> passes;

        Report(Optimizer.Result result, String name, Level level, List<PassInfo> passes) {
            this.result = result;
            this.name = name;
            this.level = level;
            this.passes = passes;
        }

        /** The text read. */
        public String input() {
            return result.before();
        }

        /** The rewritten text (equal to the input when nothing changed). */
        public String output() {
            return result.after();
        }

        /** The rewritten tree. */
        public Dockerfile tree() {
            return result.output();
        }

        /** Every rewrite and finding, by line; {@link Change#applied()} tells them apart. */
        public List<Change> changes() {
            return result.changes();
        }

        /** The file's name in the diff. */
        public String name() {
            return name;
        }

        /** The level it ran at. */
        public Level level() {
            return level;
        }

        /** The passes and user rules that could run on the file, in order. */
        public List<PassInfo> passes() {
            return passes;
        }

        /** The metadata of a pass or user rule of this file, or null. */
        public PassInfo pass(String id) {
            for (PassInfo p : passes) if (p.id().equals(id)) return p;
            return null;
        }

        /** Whether the rewritten text differs from the input (the CLI's and the batch's meaning). */
        public boolean changed() {
            return result.changed();
        }

        /** The unified diff ({@code a/NAME}, {@code b/NAME}); "" when nothing changed. */
        public String diff() {
            return result.diff(name);
        }

        /** The rewrites only. */
        public List<Change> rewrites() {
            return changes().stream().filter(Change::applied).toList();
        }

        /** The findings only: what a pass reports but leaves alone, and why. */
        public List<Change> findings() {
            return changes().stream().filter(c -> !c.applied()).toList();
        }
    }

    /** Options; each one left out takes the command line's default. */
    public static final class Builder {
        private Level level = Level.BALANCED;
        private final Set<String> only = new LinkedHashSet<>();
        private final Set<String> skip = new LinkedHashSet<>();
        private Path context;
        private Path templates;
        private String registry;
        private boolean configFiles;

        /** The level (default balanced); null lets each file's .whittle.yaml decide (see {@link #configFiles}). */
        public Builder level(Level newLevel) {
            this.level = newLevel;
            return this;
        }

        /** Run only these passes (ids as in {@code whittle rules}). */
        public Builder only(String... ids) {
            only.addAll(checked(ids));
            return this;
        }

        public Builder skip(String... ids) {
            skip.addAll(checked(ids));
            return this;
        }

        /** The build context for every file (default: each file's folder; none for text). */
        public Builder context(Path dir) {
            this.context = dir;
            return this;
        }

        /** A folder with your own catalog.yaml, packages.yaml or runtime/*.stg. */
        public Builder templates(Path dir) {
            this.templates = dir;
            return this;
        }

        /**
         * A prefix for every image whittle writes (a registry mirror).
         *
         * @throws IllegalArgumentException when it cannot start an image reference (whitespace, a line break ...)
         */
        public Builder registry(String prefix) {
            String bad = dev.whittle.config.RegistryPrefix.problem(prefix);
            if (bad != null) throw new IllegalArgumentException(dev.whittle.config.RegistryPrefix.describe("registry", prefix, bad));
            this.registry = prefix;
            return this;
        }

        /** Also read the nearest .whittle.yaml of each file (the builder's settings override it). Off by default. */
        public Builder configFiles(boolean read) {
            this.configFiles = read;
            return this;
        }

        /** @throws IllegalArgumentException when the templates folder does not read */
        public DockerfileOptimizer build() {
            Settings settings = new Settings(new Settings.Flags(level, Set.copyOf(only), Set.copyOf(skip), templates,
                    registry, context, !configFiles, null));
            try {
                // the flags alone: a file's .whittle.yaml is read (and refused) when that file is optimized
                new Settings(new Settings.Flags(level, Set.of(), Set.of(), templates, registry, context, true, null))
                        .optionsFor(Path.of("Dockerfile"));
            } catch (ConfigException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return new DockerfileOptimizer(settings);
        }

        private static List<String> checked(String... ids) {
            notNull(ids, "ids");
            for (String id : ids) {
                notNull(id, "a pass id");
                if (Passes.byId(id) == null) throw new IllegalArgumentException("unknown pass '" + id + "'");
            }
            return List.of(ids);
        }
    }
}
