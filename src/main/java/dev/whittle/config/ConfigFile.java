package dev.whittle.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.whittle.core.Level;
import dev.whittle.engine.Passes;
import dev.whittle.pass.Pass;
import dev.whittle.userrules.UserRule;
import dev.whittle.userrules.UserRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@code .whittle.yaml}: per-repository settings, found upwards from each Dockerfile. Every key is optional;
 * a command-line flag overrides the key it names.
 *
 * <pre>
 * level: balanced                 # safe | balanced | aggressive
 * passes:
 *   skip: [merge-runs]            # pass ids (whittle rules)
 *   only: []                      # when not empty: run only these
 * templates: ci/whittle-templates # your catalog.yaml / packages.yaml / runtime/*.stg, relative to this file
 * registry: registry.example.com/mirror/   # prefix for every image whittle writes
 * rules: [...]                    # rules of your own: see {@link UserRules}
 * </pre>
 *
 * @param path      where it was read from
 * @param level     null when not set
 * @param only      empty when not set
 * @param skip      empty when not set
 * @param templates resolved against the file's folder; null when not set
 * @param registry  null when not set
 * @param rules     the user rules, in the order written (empty when none)
 */
public record ConfigFile(Path path, Level level, Set<String> only, Set<String> skip, Path templates, String registry,
                         List<UserRule> rules) {

    /** The names looked for in each folder, in this order. */
    public static final List<String> NAMES = List.of(".whittle.yaml", ".whittle.yml");

    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);

    /** A config file is a few lines; anything larger is refused unread (a bounded read). */
    public static final int MAX_BYTES = 64 * 1024;

    record PassLists(@JsonProperty("only") List<String> only, @JsonProperty("skip") List<String> skip) {}

    record Raw(@JsonProperty("level") String level, @JsonProperty("passes") PassLists passes,
               @JsonProperty("templates") String templates, @JsonProperty("registry") String registry,
               @JsonProperty("rules") com.fasterxml.jackson.databind.JsonNode rules) {}

    private static final String KEYS = " (keys: level, passes.only, passes.skip, templates, registry, rules)";

    /**
     * Reads and checks a config file.
     *
     * @throws ConfigException with {@code path:line:col: message} when it does not read or names an unknown level
     *                         or pass
     */
    public static ConfigFile read(Path path) {
        String text = text(path);
        Raw raw;
        try {
            raw = text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#")) ? null : YAML.readValue(text, Raw.class);
        } catch (com.fasterxml.jackson.databind.exc.PropertyBindingException e) {
            throw new ConfigException(at(path, text, e.getPropertyName() + ":") + ": unknown key '" + e.getPropertyName()
                    + "'" + KEYS);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? path.toString() : path + ":" + at.getLineNr() + ":" + at.getColumnNr();
            String m = e.getOriginalMessage().lines().findFirst().orElse("");
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(m);
            if (dup.find()) {
                throw new ConfigException(where + ": '" + dup.group(1) + "' is given twice; say it once (which one "
                        + "was meant is not guessed)");
            }
            throw new ConfigException(where + ": " + m + KEYS);
        }
        if (raw == null) return new ConfigFile(path, null, Set.of(), Set.of(), null, null, List.of());
        List<UserRule> rules;
        try {
            rules = raw.rules() == null ? List.of() : UserRules.read(path, text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        Level level = null;
        if (raw.level() != null) {
            try {
                level = Level.valueOf(raw.level().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(at(path, text, raw.level()) + ": '" + raw.level()
                        + "' is not a level; use safe, balanced or aggressive");
            }
        }
        Set<String> only = Set.of();
        Set<String> skip = Set.of();
        if (raw.passes() != null) {
            only = checked(path, text, raw.passes().only(), rules);
            skip = checked(path, text, raw.passes().skip(), rules);
        }
        Path templates = null;
        if (raw.templates() != null) {
            Path folder = path.toAbsolutePath().getParent();
            templates = folder.resolve(raw.templates()).normalize();
        }
        String registry = raw.registry();
        String bad = RegistryPrefix.problem(registry);
        if (bad != null) {
            String first = registry.lines().findFirst().orElse(registry).strip();
            throw new ConfigException(RegistryPrefix.describe(at(path, text, first.isEmpty() ? "registry:" : first) + ": registry",
                    registry, bad));
        }
        return new ConfigFile(path, level, only, skip, templates, registry, rules);
    }

    /**
     * The file's text: a regular file (a FIFO is not opened) of at most {@link #MAX_BYTES}, read no further than
     * that, and UTF-8 text (a NUL byte or an invalid sequence is named with its place).
     */
    private static String text(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path + ": cannot read: " + (Files.exists(path) ? "not a regular file" : "no such file"));
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(path + ": larger than " + MAX_BYTES / 1024 + " KB; a config file is a few lines, "
                    + "so this is not one (not read)");
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            } else if (bytes[i] == 0) {
                throw new ConfigException(path + ":" + line + ":" + (i - lineStart + 1) + ": binary file (a NUL byte); "
                        + "a config file is YAML text");
            }
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            String valid = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            int bad = valid.indexOf('\uFFFD');
            String before = bad < 0 ? valid : valid.substring(0, bad);
            int l = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int c = before.length() - before.lastIndexOf('\n');
            throw new ConfigException(path + ":" + l + ":" + c + ": not UTF-8 text; a config file is YAML in UTF-8");
        }
    }

    /** The user rule with this id, or null. */
    public UserRule rule(String id) {
        for (UserRule r : rules) if (r.info().id().equals(id)) return r;
        return null;
    }

    /** The rules as passes, for the optimizer. */
    public List<Pass> rulePasses() {
        return List.copyOf(rules);
    }

    private static Set<String> checked(Path path, String text, List<String> ids, List<UserRule> rules) {
        if (ids == null) return Set.of();
        for (String id : ids) {
            if (Passes.byId(id) == null && rules.stream().noneMatch(r -> r.info().id().equals(id))) {
                throw new ConfigException(at(path, text, id) + ": unknown pass '" + id + "' (see: whittle rules)");
            }
        }
        return Set.copyOf(ids);
    }

    /** {@code path:line:col} of the first place the value is written, or the path alone. */
    private static String at(Path path, String text, String value) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf(value);
            int hash = lines[i].indexOf('#');
            if (col >= 0 && (hash < 0 || col < hash)) return path + ":" + (i + 1) + ":" + (col + 1);
        }
        return path.toString();
    }
}
