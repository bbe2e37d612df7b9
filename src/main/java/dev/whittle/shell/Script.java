package dev.whittle.shell;

import java.util.List;

/**
 * A parsed shell script (a RUN body). When the text does not parse ({@link #parsed()} is false),
 * steps and commands are empty and {@link #error()} says why; passes then leave the RUN alone.
 *
 * @param text     the script text
 * @param steps    the top-level steps, in order
 * @param commands every simple command, in order, at any depth
 * @param error    why the text did not parse, or null
 */
public record Script(String text, List<Step> steps, List<SimpleCommand> commands, String error) {

    public boolean parsed() {
        return error == null;
    }

    /** The simple commands whose name is {@code name}, in order. */
    public List<SimpleCommand> commandsNamed(String name) {
        return commands.stream().filter(c -> name.equals(c.name())).toList();
    }

    /** Whether every top-level step is joined to the one before with {@code &&}. */
    public boolean isAndChain() {
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i).connector().equals("&&")) return false;
        }
        return true;
    }
}
