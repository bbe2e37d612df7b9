package dev.whittle.batch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Exclusion patterns in .gitignore syntax, relative to one folder: {@code #} comments, {@code !} re-includes,
 * a trailing {@code /} for folders only, a pattern with a {@code /} is anchored to the folder, one without
 * matches a name at any depth, {@code *}, {@code ?}, {@code [..]} and {@code **}. Matching itself is the JDK's
 * glob {@link PathMatcher}; this class only translates git's rules to it. The last matching pattern decides.
 */
public final class IgnoreRules {

    private record Rule(PathMatcher matcher, PathMatcher alsoTop, boolean negate, boolean dirOnly, boolean anchored) {}

    private final Path base;
    private final List<Rule> rules;

    private IgnoreRules(Path base, List<Rule> rules) {
        this.base = base;
        this.rules = rules;
    }

    /** A pattern that does not translate to a glob (an unclosed {@code [}), with its line (1-based) and column. */
    public static final class BadPattern extends IllegalArgumentException {
        private final int line;
        private final int column;

        BadPattern(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * Patterns given as lines (an --exclude list, a .gitignore's text) applying under {@code base}.
     *
     * @throws BadPattern for a pattern that cannot be matched (the line given is its index in {@code lines}, from 1)
     */
    public static IgnoreRules of(Path base, List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) continue;
            boolean negate = line.startsWith("!");
            if (negate) line = line.substring(1);
            if (line.startsWith("\\#") || line.startsWith("\\!")) line = line.substring(1);
            boolean dirOnly = line.endsWith("/");
            if (dirOnly) line = line.substring(0, line.length() - 1);
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) line = line.substring(1);
            if (line.isEmpty()) continue;
            String glob = escapeBraces(line);
            PathMatcher m;
            PathMatcher top;
            try {
                m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                top = glob.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : null;
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new BadPattern("bad pattern '" + raw + "': " + e.getDescription(), number,
                        Math.max(1, raw.indexOf(line.isEmpty() ? raw : line.substring(0, 1)) + 1));
            }
            rules.add(new Rule(m, top, negate, dirOnly, anchored));
        }
        return new IgnoreRules(base, List.copyOf(rules));
    }

    /** The most of a .gitignore that is read (git itself reads them whole; no real one comes near this). */
    static final int MAX_BYTES = 1 << 20;

    /**
     * The rules of a .gitignore file in {@code dir}, or null when it has none (or it does not read).
     *
     * @throws BadPattern when a line cannot be matched
     */
    public static IgnoreRules gitignoreIn(Path dir) {
        Path file = dir.resolve(".gitignore");
        if (!Files.isRegularFile(file)) return null;
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return null;
        }
        if (bytes.length > MAX_BYTES) throw new BadPattern("larger than " + (MAX_BYTES >> 20) + " MB; not read", 0, 0);
        return of(dir, List.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)));
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Whether these rules say something about {@code path} (under the base): TRUE excluded, FALSE re-included,
     * null not mentioned.
     */
    public Boolean decide(Path path, boolean directory) {
        if (rules.isEmpty() || !path.startsWith(base) || path.equals(base)) return null;
        Path rel = base.relativize(path);
        Path name = path.getFileName();
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.dirOnly() && !directory) continue;
            boolean hit = r.anchored()
                    ? r.matcher().matches(rel) || (r.alsoTop() != null && r.alsoTop().matches(rel))
                    : r.matcher().matches(name);
            if (hit) return !r.negate();
        }
        return null;
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\r')
                && !(end > 1 && s.charAt(end - 2) == '\\')) end--;
        return s.substring(0, end);
    }

    private static String escapeBraces(String glob) {
        return glob.replace("{", "\\{").replace("}", "\\}");
    }
}
