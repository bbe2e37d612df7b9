package dev.whittle.cli;

import dev.whittle.config.ConfigException;
import dev.whittle.config.ConfigFile;
import dev.whittle.config.Settings;
import dev.whittle.core.Level;
import dev.whittle.engine.Passes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every rewriting command shares: level, passes, context, templates, registry, config file. */
final class SettingsOptions {

    @Option(names = "--level", paramLabel = "LEVEL", converter = LevelConverter.class,
            description = "safe, balanced or aggressive (default: the config file's, else balanced).")
    Level level;

    @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these passes.")
    List<String> only = List.of();

    @Option(names = "--skip", split = ",", paramLabel = "ID", description = "Do not run these passes.")
    List<String> skip = List.of();

    @Option(names = "--context", paramLabel = "DIR",
            description = "The build context (default: each Dockerfile's folder). The stage split reads go.mod, "
                    + "package.json, Cargo.toml ... and Go sources from it.")
    Path context;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Your own catalog.yaml, packages.yaml or runtime/*.stg (each file missing there: the shipped one).")
    Path templates;

    @Option(names = "--registry", paramLabel = "PREFIX",
            description = "Write every image whittle introduces with this prefix (a mirror: registry.example.com/hub/).")
    String registry;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this config file for every Dockerfile (default: the nearest .whittle.yaml at or above it).")
    Path config;

    @Option(names = "--no-config", description = "Ignore .whittle.yaml files.")
    boolean noConfig;

    static final class LevelConverter implements picocli.CommandLine.ITypeConverter<Level> {
        @Override
        public Level convert(String value) {
            try {
                return Level.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a level; use safe, balanced or aggressive");
            }
        }
    }

    /** The checked settings; bad flags become a usage error (exit 2). */
    Settings settings(CommandSpec spec) {
        Set<String> ids = new LinkedHashSet<>(only);
        ids.addAll(skip);
        for (String id : ids) {
            // an id that is no built-in pass may be a user rule of a .whittle.yaml: checked per file
            if (Passes.byId(id) == null && noConfig) {
                throw new ParameterException(spec.commandLine(), "unknown pass '" + id + "' (see: whittle rules)");
            }
        }
        if (context != null && !Files.isDirectory(context)) {
            throw new ParameterException(spec.commandLine(), "--context " + context + ": not a directory");
        }
        String badRegistry = dev.whittle.config.RegistryPrefix.problem(registry);
        if (badRegistry != null) {
            throw new ParameterException(spec.commandLine(), dev.whittle.config.RegistryPrefix.describe("--registry", registry,
                    badRegistry));
        }
        if (config != null && noConfig) {
            throw new ParameterException(spec.commandLine(), "--config and --no-config exclude each other");
        }
        Settings settings = new Settings(new Settings.Flags(level, Set.copyOf(only), Set.copyOf(skip), templates,
                registry, context, noConfig, config));
        try {
            if (config != null) {
                ConfigFile file = ConfigFile.read(config);
                for (String id : ids) {
                    if (Passes.byId(id) == null && file.rule(id) == null) {
                        throw new ParameterException(spec.commandLine(), "unknown pass '" + id + "' (see: whittle rules; "
                                + config + " has no rule of that id)");
                    }
                }
            }
            if (templates != null) settings.optionsFor(Path.of("Dockerfile"));
        } catch (ConfigException e) {
            String m = e.getMessage();
            throw new ParameterException(spec.commandLine(), config != null && m.startsWith(config.toString())
                    ? "--config " + m : m);
        }
        return settings;
    }

    /** The level for the report header: the flag's, or null when each file's config decides. */
    String levelName() {
        return level == null ? null : level.name().toLowerCase(java.util.Locale.ROOT);
    }
}
