package dev.whittle.tree;

import java.util.List;

/**
 * What an instruction means, read from its logical line the way BuildKit reads it.
 *
 * @param keyword  the keyword as written ({@code cOpY})
 * @param kind     the keyword, or UNKNOWN
 * @param flags    the {@code --flag[=value]} words, quotes and escapes removed
 * @param args     the rest of the logical line after the flags, trimmed
 * @param values   BuildKit's argument nodes: one per JSON element, per word, or the whole shell text;
 *                 ENV and LABEL give (key, value, separator) triples
 * @param child    the wrapped instruction of ONBUILD, else null
 * @param json     true for the exec (JSON array) form
 * @param original the logical line: continuations joined, comment and blank lines dropped
 */
public record Command(String keyword, Keyword kind, List<String> flags, String args, List<String> values,
                      Command child, boolean json, String original) {

    /** Whether this instruction reads heredoc bodies after its line (RUN/COPY/ADD, not in JSON form). */
    public boolean canContainHeredoc() {
        Command c = kind == Keyword.ONBUILD && child != null ? child : this;
        return c.kind.takesHeredocs() && !c.json;
    }

    /** The value of flag {@code --name=value}, or null; {@code --name} alone gives "". */
    public String flag(String name) {
        String prefix = "--" + name;
        for (String f : flags) {
            if (f.equals(prefix)) return "";
            if (f.startsWith(prefix + "=")) return f.substring(prefix.length() + 1);
        }
        return null;
    }
}
