package dev.whittle.split;

import dev.whittle.facts.Catalog.Candidate;
import dev.whittle.tree.Instruction;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a single-stage build splits: what the runtime stage receives, what it needs from its base
 * image, and what the builder must do in addition (depending on the runtime image chosen).
 *
 * @param language  go, python, node, java, rust or c (names the template)
 * @param artifact  what is carried over, in words, for the report
 * @param needs     what the runtime image must provide
 * @param copies    paths copied from the builder, each to the same path unless stated
 * @param venv      the Python virtual environment, or null
 * @param builder   the builder's extra changes for a chosen runtime image
 * @param start     the start command, rewritten for the runtime image (null, or null from it: carried as written)
 * @param accepts   whether a runtime image can run the app at all, beyond what {@code needs} says
 * @param notes     what a reviewer should check
 */
public record Plan(String language, String artifact, Needs needs, List<Copy> copies, String venv,
                   Function<Candidate, BuilderChanges> builder, Function<Candidate, List<String>> start,
                   java.util.function.Predicate<Candidate> accepts, List<String> notes) {

    /**
     * One {@code COPY --from=builder FROM TO}.
     *
     * @param chown the owner the build gave the files ({@code COPY --chown}), or null for root
     */
    public record Copy(String from, String to, String chown) {
        public Copy(String from, String to) {
            this(from, to, null);
        }
    }

    /**
     * What the runtime image must provide.
     *
     * @param staticBinary the artifact runs without a C library (when the builder makes it so)
     * @param native       the artifact links the builder's C library: the runtime's must be as new
     * @param version      the language version for the catalog's {version}
     * @param major        its first number, for {major}
     */
    public record Needs(boolean staticBinary, boolean nativeCode, String version, int major) {}

    /**
     * Changes to the build stage.
     *
     * @param edits    new texts for builder instructions
     * @param appended commands run in new RUN lines at the end of the builder
     * @param notes    what these changes mean, for the report
     */
    public record BuilderChanges(Map<Instruction, String> edits, List<String> appended, List<String> notes) {
        public static BuilderChanges none() {
            return new BuilderChanges(Map.of(), List.of(), List.of());
        }
    }

    /** The result of planning: a plan, or the reason there is none (a short first line, and its details). */
    public record Outcome(Plan plan, String reason, List<String> details) {
        public static Outcome of(Plan plan) {
            return new Outcome(plan, null, List.of());
        }

        public static Outcome refuse(String reason) {
            return new Outcome(null, reason, List.of());
        }

        public static Outcome refuse(String reason, List<String> details) {
            return new Outcome(null, reason, details);
        }
    }
}
