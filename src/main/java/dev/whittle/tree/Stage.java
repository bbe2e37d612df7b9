package dev.whittle.tree;

import java.util.List;

/**
 * A build stage: its FROM and the instructions up to the next FROM.
 *
 * @param index        position among the stages, from 0
 * @param from         the FROM instruction
 * @param instructions the instructions after FROM, in order
 * @param firstIndex   index of the FROM in {@link Dockerfile#instructions()}
 */
public record Stage(int index, Instruction from, List<Instruction> instructions, int firstIndex) {

    /** The base image reference as written (first word after the flags). */
    public String baseImage() {
        List<String> v = from.command().values();
        return v.isEmpty() ? "" : v.get(0);
    }

    /** The stage name after AS, or null. */
    public String name() {
        List<String> v = from.command().values();
        return v.size() == 3 && v.get(1).equalsIgnoreCase("as") ? v.get(2) : null;
    }
}
