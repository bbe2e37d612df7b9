package dev.whittle.facts;

import java.util.Map;

/**
 * Go programs built from the sources {@code go get} or {@code go install PATH@VERSION} fetch, with what their
 * sources showed they need when they run (templates/go-programs.yaml).
 *
 * @param programs by the package path the Dockerfile installs
 */
public record GoPrograms(Map<String, Program> programs) {

    /**
     * One program as read.
     *
     * @param repository where its sources were read
     * @param commit     the commit read
     * @param verdict    self-contained, relative-files or runs-programs
     * @param read       what was looked for and found, with file:line
     */
    public record Program(String repository, String commit, String verdict, String read) {
        /** Whether the binary alone runs: no files found beside it or in the working directory, no program started. */
        public boolean selfContained() {
            return "self-contained".equals(verdict);
        }
    }

    /** The program installed as {@code pkg} (a version after @ and a trailing /... left out), or null. */
    public Program of(String pkg) {
        if (programs == null || pkg == null) return null;
        return programs.get(pkg.replaceFirst("@.*$", "").replaceFirst("/\\.\\.\\.$", ""));
    }
}
