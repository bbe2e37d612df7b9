package dev.whittle.userrules;

import dev.whittle.core.Level;
import dev.whittle.engine.Passes;
import dev.whittle.core.Severity;
import dev.whittle.tree.Keyword;
import dev.whittle.userrules.YamlNode.Entry;
import dev.whittle.userrules.YamlNode.Mapping;
import dev.whittle.userrules.YamlNode.Problem;
import dev.whittle.userrules.YamlNode.Scalar;
import dev.whittle.userrules.YamlNode.Sequence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code rules:} of a .whittle.yaml: rules of your own, run after the built-in passes.
 *
 * <pre>
 * rules:
 *   - id: golden-node                 # lower-case kebab, unique, not a built-in pass id
 *     kind: map-image                 # map-image | rename-package | require-flags | forbid
 *     from: "node:*"                  # * any characters but '/', ** any; matched as written
 *     except: ["node:*-alpine"]       # optional: references also matching one of these stay
 *     to: "registry.example.com/golden/node:{1}"
 *     digest: drop                    # keep | drop | refresh (with digests:); unset: pinned images are reported
 *     message: Node images come from the golden registry (INFRA-42)
 *     level: safe                     # the lowest level that runs it (default safe)
 *   - {id: py3, kind: rename-package, manager: apt, from: python, to: python3}
 *   - {id: apt-yes, kind: require-flags, manager: apt, flags: ["-y|--yes|--assume-yes"]}
 *   - {id: no-add, kind: forbid, instruction: ADD, severity: error, message: use COPY}
 * </pre>
 *
 * Every mistake is refused with its {@code file:line:col}.
 */
public final class UserRules {
    private UserRules() {}

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern DIGEST = Pattern.compile("sha(256|384|512):[0-9a-f]{32,128}");
    private static final List<String> KINDS = List.of("map-image", "rename-package", "require-flags", "forbid");
    private static final List<String> COMMON = List.of("id", "kind", "message", "level");

    /**
     * The rules of a config file's text (empty when it has no {@code rules:}).
     *
     * @throws IllegalArgumentException {@code path:line:col: what is wrong}
     */
    public static List<UserRule> read(Path path, String text) {
        try {
            YamlNode root = YamlNode.read(text);
            if (!(root instanceof Mapping m) || !m.entries().containsKey("rules")) return List.of();
            YamlNode rules = m.entries().get("rules").value();
            if (rules instanceof Scalar s && s.value() == null) return List.of();
            if (!(rules instanceof Sequence list)) throw new Problem(rules, "'rules' is a list of rules (- id: ...)");
            List<UserRule> out = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (YamlNode item : list.items()) {
                UserRule r = rule(path, item);
                if (!ids.add(r.info().id())) {
                    throw new Problem(((Mapping) item).entries().get("id").value(), "rule id '" + r.info().id()
                            + "' is used twice");
                }
                out.add(r);
            }
            return List.copyOf(out);
        } catch (Problem p) {
            throw new IllegalArgumentException(path + ":" + p.line + ":" + p.column + ": " + p.getMessage());
        }
    }

    private static UserRule rule(Path path, YamlNode node) throws Problem {
        if (!(node instanceof Mapping m)) throw new Problem(node, "a rule is a mapping (id: ..., kind: ...)");
        String kind = text(m, "kind", true);
        if (!KINDS.contains(kind)) {
            throw new Problem(m.entries().get("kind").value(), "'" + kind + "' is not a kind of rule; use "
                    + String.join(", ", KINDS));
        }
        List<String> keys = new ArrayList<>(COMMON);
        keys.addAll(switch (kind) {
            case "map-image" -> List.of("from", "except", "to", "digest", "digests");
            case "rename-package" -> List.of("manager", "from", "to");
            case "require-flags" -> List.of("manager", "flags");
            default -> List.of("instruction", "image", "severity");
        });
        for (Entry e : m.entries().values()) {
            if (!keys.contains(e.key())) {
                throw new Problem(e.line(), e.column(), "unknown key '" + e.key() + "' in a " + kind + " rule (keys: "
                        + String.join(", ", keys) + ")");
            }
        }
        String id = text(m, "id", true);
        if (!ID.matcher(id).matches()) {
            throw new Problem(m.entries().get("id").value(), "rule id '" + id
                    + "' must be lower-case letters, digits and '-' (it is written in # whittle ignore=ID)");
        }
        if (Passes.byId(id) != null) {
            throw new Problem(m.entries().get("id").value(), "'" + id + "' is a built-in pass; give the rule its own id");
        }
        Level level = Level.SAFE;
        String levelText = text(m, "level", false);
        if (levelText != null) {
            try {
                level = Level.valueOf(levelText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Problem(m.entries().get("level").value(), "'" + levelText
                        + "' is not a level; use safe, balanced or aggressive");
            }
        }
        Severity severity = Severity.INFO;
        String message = text(m, "message", kind.equals("forbid"));
        if (kind.equals("forbid")) {
            severity = Severity.WARNING;
            String s = text(m, "severity", false);
            if (s != null) {
                severity = Severity.parse(s);
                if (severity == null) throw new Problem(m.entries().get("severity").value(), "'" + s
                        + "' is not a severity; use error, warning or info");
            }
        }
        UserRule.Common common = new UserRule.Common(id, kind, message, level, severity, path, m.line());
        return switch (kind) {
            case "map-image" -> mapImage(common, m);
            case "rename-package" -> new RenamePackage(common, manager(m), packageName(m, "from"), packageName(m, "to"));
            case "require-flags" -> new RequireFlags(common, manager(m), flags(m));
            default -> forbid(common, m);
        };
    }

    private static MapImage mapImage(UserRule.Common common, Mapping m) throws Problem {
        ImageGlob from = glob(m, "from", true);
        String to = text(m, "to", true);
        YamlNode toNode = m.entries().get("to").value();
        if (to.isEmpty() || to.chars().anyMatch(Character::isWhitespace) || to.contains("@")) {
            throw new Problem(toNode, "'to' is an image reference without spaces or digest (the digest is set by 'digest')");
        }
        if (ImageGlob.usesZero(to)) throw new Problem(toNode, "captures are numbered from {1}");
        int highest = ImageGlob.highestCapture(to);
        if (highest > from.wildcards()) {
            throw new Problem(toNode, "'to' uses {" + highest + "} but '" + from.text() + "' has "
                    + (from.wildcards() == 0 ? "no wildcard" : from.wildcards() + " wildcard(s)"));
        }
        MapImage.Digest digest = null;
        String d = text(m, "digest", false);
        if (d != null) {
            try {
                digest = MapImage.Digest.valueOf(d.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Problem(m.entries().get("digest").value(), "'" + d + "' is not a digest rule; use keep, drop or refresh");
            }
        }
        Map<String, String> digests = new LinkedHashMap<>();
        Entry table = m.entries().get("digests");
        if (table != null) {
            if (!(table.value() instanceof Mapping t)) {
                throw new Problem(table.value(), "'digests' maps each new image to its digest (IMAGE: sha256:...)");
            }
            for (Entry e : t.entries().values()) {
                String value = e.value() instanceof Scalar s ? s.value() : null;
                if (value == null || !DIGEST.matcher(value).matches()) {
                    throw new Problem(e.value(), "the digest of " + e.key() + " is written sha256:<hex>");
                }
                digests.put(e.key(), value);
            }
        }
        if (digest == MapImage.Digest.REFRESH && digests.isEmpty()) {
            throw new Problem(m.entries().get("digest").value(), "digest: refresh needs a 'digests' table (IMAGE: sha256:...)");
        }
        if (digest != MapImage.Digest.REFRESH && table != null) {
            throw new Problem(table.line(), table.column(), "'digests' is only read with digest: refresh");
        }
        return new MapImage(common, from, globs(m, "except"), to, digest, digests);
    }

    private static Forbid forbid(UserRule.Common common, Mapping m) throws Problem {
        String instruction = text(m, "instruction", false);
        boolean hasImage = m.entries().containsKey("image");
        if ((instruction == null) == !hasImage) {
            throw new Problem(m, "a forbid rule names one 'instruction' (ADD, MAINTAINER ...) or one 'image' pattern");
        }
        if (instruction == null) return new Forbid(common, null, glob(m, "image", true));
        Keyword k;
        try {
            k = Keyword.valueOf(instruction.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            k = null;
        }
        if (k == null || k == Keyword.UNKNOWN) {
            throw new Problem(m.entries().get("instruction").value(), "'" + instruction + "' is not a Dockerfile instruction");
        }
        return new Forbid(common, k, null);
    }

    private static Manager manager(Mapping m) throws Problem {
        String name = text(m, "manager", true);
        Manager manager = Manager.parse(name);
        if (manager == null) {
            throw new Problem(m.entries().get("manager").value(), "'" + name + "' is not a package manager whittle knows; use "
                    + Manager.labels());
        }
        return manager;
    }

    private static String packageName(Mapping m, String key) throws Problem {
        String name = text(m, key, true);
        if (name.isEmpty() || name.startsWith("-") || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '$')) {
            throw new Problem(m.entries().get(key).value(), "'" + key + "' is one package name (no spaces, options or variables)");
        }
        return name;
    }

    private static List<List<String>> flags(Mapping m) throws Problem {
        Entry e = m.entries().get("flags");
        if (e == null) throw new Problem(m, "a require-flags rule needs 'flags' (a list such as [\"-y\"])");
        if (!(e.value() instanceof Sequence list) || list.items().isEmpty()) {
            throw new Problem(e.value(), "'flags' is a list of options, e.g. [\"--no-install-recommends\"]");
        }
        List<List<String>> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            String v = item instanceof Scalar s ? s.value() : null;
            List<String> spellings = v == null ? List.of() : List.of(v.split("\\|", -1));
            for (String s : spellings) {
                if (!s.matches("--?[A-Za-z0-9][^\\s]*")) {
                    throw new Problem(item, "'" + v + "' is not an option: each entry starts with - (spellings that "
                            + "mean the same separated by |)");
                }
            }
            out.add(spellings);
        }
        return out;
    }

    /** A list of patterns (or one), empty when the key is not there. */
    private static List<ImageGlob> globs(Mapping m, String key) throws Problem {
        Entry e = m.entries().get(key);
        if (e == null) return List.of();
        List<YamlNode> items = e.value() instanceof Sequence s ? s.items() : List.of(e.value());
        List<ImageGlob> out = new ArrayList<>();
        for (YamlNode item : items) {
            String v = item instanceof Scalar s ? s.value() : null;
            if (v == null) throw new Problem(item, "'" + key + "' is an image pattern or a list of them");
            try {
                out.add(ImageGlob.of(v));
            } catch (IllegalArgumentException ex) {
                throw new Problem(item, "'" + v + "': " + ex.getMessage());
            }
        }
        return out;
    }

    private static ImageGlob glob(Mapping m, String key, boolean required) throws Problem {
        String text = text(m, key, required);
        try {
            return ImageGlob.of(text);
        } catch (IllegalArgumentException e) {
            throw new Problem(m.entries().get(key).value(), "'" + text + "': " + e.getMessage());
        }
    }

    /** A scalar value; a missing required key is reported at the rule, a non-scalar at its value. */
    private static String text(Mapping m, String key, boolean required) throws Problem {
        Entry e = m.entries().get(key);
        if (e == null) {
            if (!required) return null;
            String id = m.entries().get("id") != null && m.entries().get("id").value() instanceof Scalar s ? " '" + s.value() + "'" : "";
            throw new Problem(m, "rule" + id + " needs '" + key + "'");
        }
        if (!(e.value() instanceof Scalar s) || s.value() == null) {
            throw new Problem(e.value(), "'" + key + "' is a single value");
        }
        return s.value();
    }
}
