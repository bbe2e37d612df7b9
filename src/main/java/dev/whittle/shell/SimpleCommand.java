package dev.whittle.shell;

import java.util.List;

/**
 * A simple command: assignments, words and redirections, e.g. {@code DEBIAN_FRONTEND=noninteractive apt-get install -y curl >/dev/null}.
 *
 * @param assignments leading NAME=value words
 * @param words       the command name and its arguments
 * @param redirects   the redirections, anywhere in the command
 * @param start       offset of the command in the script text
 * @param end         offset just after it
 * @param depth       0 at the top level of the script; deeper inside subshells, groups, if/for/while/case
 */
public record SimpleCommand(List<Word> assignments, List<Word> words, List<Redirect> redirects, int start, int end,
                            int depth) {

    /** The command name's literal value ("" when there is none, null when it is an expansion). */
    public String name() {
        return words.isEmpty() ? "" : words.get(0).literal();
    }

    /** The literal values of the arguments after the name (expansions as written). */
    public List<String> args() {
        return words.stream().skip(1).map(Word::value).toList();
    }

    /** Whether an argument equals {@code arg} exactly. */
    public boolean hasArg(String arg) {
        for (int i = 1; i < words.size(); i++) {
            if (arg.equals(words.get(i).literal())) return true;
        }
        return false;
    }
}
