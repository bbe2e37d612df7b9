package dev.whittle.cli;

import dev.whittle.config.ConfigException;
import dev.whittle.config.ConfigFile;
import dev.whittle.config.Settings;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Which .whittle.yaml's user rules `rules` and `explain` show: --config FILE, else the current folder's nearest. */
final class UserRuleOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Show the user rules of this config file (default: the nearest .whittle.yaml at or above "
                    + "the current folder).")
    Path config;

    @Option(names = "--no-config", description = "Show the built-in passes only.")
    boolean noConfig;

    /** The config file, or null; a broken one is a usage error with its file:line:col. */
    ConfigFile configFile(CommandSpec spec) {
        if (config != null && noConfig) {
            throw new ParameterException(spec.commandLine(), "--config and --no-config exclude each other");
        }
        try {
            return new Settings(new Settings.Flags(null, java.util.Set.of(), java.util.Set.of(), null, null, null,
                    noConfig, config)).configFor(Path.of("Dockerfile"));
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
