package dev.whittle.shell;

import java.util.List;

/**
 * A top-level pipeline of a script with the operator that joins it to the step before:
 * "" for the first step, then {@code &&}, {@code ||}, {@code ;}, {@code &} or a newline.
 *
 * @param connector the operator before this step
 * @param start     offset of the step in the script text
 * @param end       offset just after it
 * @param commands  the simple commands inside it, in order (more than one for pipes and compounds)
 * @param compound  whether the step is (or contains) a compound command or subshell
 */
public record Step(String connector, int start, int end, List<SimpleCommand> commands, boolean compound) {}
