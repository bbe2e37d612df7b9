package dev.whittle.syntax;

import dev.whittle.tree.Heredoc;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the heredoc markers of a logical line, as BuildKit's heredocsFromLine and ParseHeredoc do. */
final class HeredocScanner {
    private HeredocScanner() {}

    // Go's \s is [\t\n\f\r ]
    private static final Pattern MARKER = Pattern.compile("^(\\d*)<<(-?)[\\t\\n\\f\\r ]*([^<]*)$", Pattern.DOTALL);

    /** The heredocs opened on {@code line}, in order, with empty content. */
    static List<Heredoc> scan(String line) {
        List<String> words;
        try {
            words = BuildkitWords.words(line, true, true);
        } catch (BuildkitWords.LexError e) {
            return List.of(); // BuildKit ignores the error: no heredocs on this line
        }
        List<Heredoc> out = new ArrayList<>();
        for (String w : words) {
            Heredoc h = parse(w);
            if (h != null) out.add(h);
        }
        return out;
    }

    private static Heredoc parse(String word) {
        if (!word.contains("<<")) return null;
        Matcher m = MARKER.matcher(word);
        if (!m.matches()) return null;
        String rest = m.group(3);
        if (rest.isEmpty()) return null;
        int fd = 0;
        if (!m.group(1).isEmpty()) {
            try {
                fd = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                throw new CommandParser.CommandError("invalid heredoc file descriptor " + m.group(1));
            }
        }
        List<String> cooked;
        List<String> raw;
        try {
            cooked = BuildkitWords.words(rest, false, false);
            if (cooked.size() != 1) return null;
            raw = BuildkitWords.words(rest, true, false);
        } catch (BuildkitWords.LexError e) {
            throw new CommandParser.CommandError(e.getMessage() + " in heredoc marker " + word);
        }
        if (raw.size() != 1) {
            throw new CommandParser.CommandError("internal lexing of heredoc produced inconsistent results: " + rest);
        }
        String name = cooked.get(0);
        boolean expand = quotes(name) == quotes(raw.get(0));
        return new Heredoc(name, fd, expand, m.group(2).equals("-"), "");
    }

    private static int quotes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') n++;
        }
        return n;
    }
}
