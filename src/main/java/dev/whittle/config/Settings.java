package dev.whittle.config;

import dev.whittle.facts.BuildContext;
import dev.whittle.core.Level;
import dev.whittle.engine.Optimizer;
import dev.whittle.split.Knowledge;
import dev.whittle.pass.Pass;
import dev.whittle.core.PassInfo;
import dev.whittle.engine.Passes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The options for each Dockerfile: command-line flags over the nearest {@code .whittle.yaml} over the defaults
 * (balanced, all passes, shipped templates, no registry prefix, the Dockerfile's folder as build context).
 * Config files and template folders are read once; safe to use from several threads.
 */
public final class Settings {

    /**
     * What the command line says; null (or an empty set for only/skip) where a flag was not given.
     *
     * @param noConfig ignore .whittle.yaml files
     * @param config   this config file for every Dockerfile instead of the nearest one
     */
    public record Flags(Level level, Set<String> only, Set<String> skip, Path templates, String registry,
                        Path context, boolean noConfig, Path config) {
        public static Flags none() {
            return new Flags(null, Set.of(), Set.of(), null, null, null, false, null);
        }
    }

    private final Flags flags;
    private final ConcurrentHashMap<Path, Optional<Path>> configIn = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, Object> configs = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Path, Object> knowledge = new ConcurrentHashMap<>();
    private final Set<Path> withoutConfig = ConcurrentHashMap.newKeySet();

    public Settings(Flags flags) {
        this.flags = flags;
    }

    /** What the command line (or the library's builder) said. */
    public Flags flags() {
        return flags;
    }

    /**
     * The options for one Dockerfile.
     *
     * @throws ConfigException when its config file or templates folder does not read
     */
    public Optimizer.Options optionsFor(Path dockerfile) {
        ConfigFile config = configFor(dockerfile);
        Level level = flags.level() != null ? flags.level()
                : config != null && config.level() != null ? config.level() : Level.BALANCED;
        Set<String> only = !flags.only().isEmpty() ? flags.only() : config != null ? config.only() : Set.of();
        Set<String> skip = !flags.skip().isEmpty() ? flags.skip() : config != null ? config.skip() : Set.of();
        Path templates = flags.templates() != null ? flags.templates() : config != null ? config.templates() : null;
        String registry = flags.registry() != null ? flags.registry() : config != null ? config.registry() : null;
        Knowledge k = knowledgeOf(templates, config).withRegistry(registry);
        BuildContext context = flags.context() != null ? BuildContext.of(flags.context()) : folderOf(dockerfile);
        List<Pass> rules = config == null ? List.of() : config.rulePasses();
        for (String id : flags.only()) known(id, config);
        for (String id : flags.skip()) known(id, config);
        return new Optimizer.Options(level, only, skip, context, k, rules);
    }

    /** An id given with --only or --skip must be a built-in pass or a rule of the file's config. */
    private static void known(String id, ConfigFile config) {
        if (Passes.byId(id) != null || config != null && config.rule(id) != null) return;
        throw new ConfigException("unknown pass '" + id + "' (see: whittle rules"
                + (config == null ? "" : "; " + config.path() + " has no rule of that id") + ")");
    }

    /**
     * The metadata of a user rule of a config file read so far (the first one that defines the id), or null:
     * for reports that list the rules they met (SARIF).
     */
    public PassInfo userRuleInfo(String id) {
        for (Object loaded : configs.values()) {
            if (loaded instanceof ConfigFile c && c.rule(id) != null) return c.rule(id).info();
        }
        return null;
    }

    /** Whether a build context was given for every file. */
    public boolean hasContext() {
        return flags.context() != null;
    }

    /** The config file that applies to a Dockerfile, or null. */
    public ConfigFile configFor(Path dockerfile) {
        if (flags.noConfig()) return null;
        Path path = flags.config();
        if (path == null) {
            Path dir = dockerfile.toAbsolutePath().normalize().getParent();
            path = dir == null ? null : nearest(dir).orElse(null);
        }
        if (path == null) return null;
        Object loaded = configs.computeIfAbsent(path, p -> {
            try {
                return ConfigFile.read(p);
            } catch (ConfigException e) {
                return e;
            }
        });
        if (loaded instanceof ConfigException e) throw new ConfigException(e.getMessage());
        return (ConfigFile) loaded;
    }

    /**
     * What a search of the tree saw in a folder: when none of its entries is named like a config file, the
     * folder holds none and is not asked again (a batch over a large tree saves two file checks per folder).
     */
    public void listed(Path dir, List<Path> entries) {
        if (flags.noConfig() || flags.config() != null) return;
        for (Path e : entries) if (ConfigFile.NAMES.contains(e.getFileName().toString())) return;
        withoutConfig.add(dir.toAbsolutePath().normalize());
    }

    private Optional<Path> nearest(Path dir) {
        Optional<Path> known = configIn.get(dir);
        if (known != null) return known;
        Optional<Path> found = Optional.empty();
        for (String name : withoutConfig.contains(dir) ? List.<String>of() : ConfigFile.NAMES) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                found = Optional.of(candidate);
                break;
            }
        }
        if (found.isEmpty() && dir.getParent() != null) found = nearest(dir.getParent());
        configIn.put(dir, found);
        return found;
    }

    private Knowledge knowledgeOf(Path templates, ConfigFile config) {
        if (templates == null) return Knowledge.shipped();
        Object loaded = knowledge.computeIfAbsent(templates, t -> {
            try {
                return Knowledge.load(t);
            } catch (IllegalArgumentException e) {
                String from = flags.templates() != null ? "--templates" : config.path() + ": templates";
                return new ConfigException(from + ": " + e.getMessage());
            }
        });
        if (loaded instanceof ConfigException e) throw new ConfigException(e.getMessage());
        return (Knowledge) loaded;
    }

    /** The folder a Dockerfile sits in, as its build context. */
    public static BuildContext folderOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? BuildContext.none() : BuildContext.of(parent);
    }
}
