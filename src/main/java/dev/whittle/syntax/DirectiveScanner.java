package dev.whittle.syntax;

import dev.whittle.tree.Directive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the parser directives at the top of a file (BuildKit's DirectiveParser). Scanning stops for
 * good at the first line that is not a known directive: a comment, a blank line, a shebang, an
 * unknown key or an instruction.
 */
final class DirectiveScanner {
    private DirectiveScanner() {}

    private static final Pattern DIRECTIVE = Pattern.compile(
            "#[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*\\z",
            Pattern.DOTALL);
    private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

    /**
     * @param directives the directives found
     * @param escape     the escape character they set
     * @param end        index just after the last directive line
     */
    record Result(List<Directive> directives, char escape, int end) {}

    static Result scan(String text) {
        List<Directive> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        char escape = '\\';
        int pos = 0;
        int line = 1;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int lineEnd = nl < 0 ? text.length() : nl + 1;
            String content = text.substring(pos, nl < 0 ? text.length() : nl);
            int e = content.length();
            while (e > 0 && content.charAt(e - 1) == '\r') e--;
            String trimmed = GoText.trimLeftSpace(content.substring(0, e));
            Matcher m = DIRECTIVE.matcher(trimmed);
            if (!m.matches()) break;
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(key)) break;
            if (!seen.add(key)) {
                throw new SyntaxError(line, 1, "only one " + key + " parser directive can be used");
            }
            String value = m.group(2);
            if (key.equals("escape")) {
                if (!value.equals("`") && !value.equals("\\")) {
                    throw new SyntaxError(line, 1, "invalid escape token '" + value + "' does not match ` or \\");
                }
                escape = value.charAt(0);
            }
            found.add(new Directive(text.substring(pos, lineEnd), key, value, line));
            pos = lineEnd;
            line++;
        }
        return new Result(found, escape, pos);
    }
}
