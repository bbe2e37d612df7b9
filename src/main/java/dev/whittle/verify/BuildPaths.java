package dev.whittle.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The paths of an image that only its build needs (toolchains, caches, sources, package manager state), from
 * templates/build-paths.yaml (or the one in a {@code --templates} folder): the content comparison of verify leaves
 * them out of what a rewrite may not lack.
 */
public final class BuildPaths {
    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final String NAME = "build-paths.yaml";

    /**
     * One group of globs.
     *
     * @param compiled build input a rewrite compiles (a file of it the start command names may be missing)
     */
    public record Group(String name, String why, boolean compiled, List<String> paths) {}

    /** The file as written. */
    private record File(List<Group> groups) {}

    private final List<Group> groups;
    private final List<Pattern> patterns;

    private BuildPaths(List<Group> groups) {
        this.groups = List.copyOf(groups);
        this.patterns = groups.stream().map(g -> Pattern.compile(String.join("|", g.paths().stream().map(BuildPaths::regex).toList()))).toList();
    }

    public List<Group> groups() {
        return groups;
    }

    /** The group holding an absolute path, or null. */
    public Group match(String absolute) {
        for (int i = 0; i < groups.size(); i++) if (patterns.get(i).matcher(absolute).matches()) return groups.get(i);
        return null;
    }

    /**
     * The shipped file, or the one in {@code templates} when that folder has one.
     *
     * @throws IllegalArgumentException {@code file: what is wrong} when it does not read
     */
    public static BuildPaths load(Path templates) {
        Path own = templates == null ? null : templates.resolve(NAME);
        String where = own != null && Files.isRegularFile(own) ? own.toString() : "templates/" + NAME;
        try (InputStream in = own != null && Files.isRegularFile(own) ? Files.newInputStream(own)
                : BuildPaths.class.getResourceAsStream("/templates/" + NAME)) {
            if (in == null) throw new IllegalArgumentException(where + ": missing from the jar");
            File b = YAML.readValue(in, File.class);
            if (b == null || b.groups() == null) throw new IllegalArgumentException(where + ": no groups");
            for (Group g : b.groups()) {
                if (g.name() == null || g.paths() == null || g.paths().isEmpty()) {
                    throw new IllegalArgumentException(where + ": every group needs a name and paths");
                }
                for (String p : g.paths()) {
                    if (!p.startsWith("/") && !p.startsWith("**/")) {
                        throw new IllegalArgumentException(where + ": " + g.name() + ": '" + p + "' is neither absolute nor starts with **/");
                    }
                }
            }
            return new BuildPaths(b.groups());
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** A glob as a regular expression: {@code **} any folders, {@code *} and {@code ?} within one name. */
    static String regex(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                if (slashAfter) {
                    out.append("(?:.*/)?"); // **/ : any folders, or none
                    i += 2;
                } else {
                    out.append(".*");
                    i++;
                }
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        String r = out.toString();
        // "/dir/**" also matches "/dir" itself
        return glob.endsWith("/**") ? "(?:" + r + ")|" + Pattern.quote(glob.substring(0, glob.length() - 3)) : r;
    }
}
