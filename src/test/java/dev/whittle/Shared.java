package dev.whittle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the project's own test data (testdata/), the workplace's shared data and the build directory are.
 *
 * <p>The shared folder ({@code ../shared}, or {@code -Dwhittle.shared=DIR}) holds what is not the project's to
 * ship: BuildKit's own parser fixtures and the 99,789-file corpus. A clone without it still passes its tests: those
 * that need it are skipped, with one line naming what is missing. {@code -Dwhittle.requireShared=true} (CI) turns
 * such a skip into a failure, so CI never runs less than it should.
 */
public final class Shared {
    private Shared() {}

    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    /** The project's own test data. */
    public static Path testdata() {
        return Path.of(System.getProperty("whittle.testdata", "testdata")).toAbsolutePath().normalize();
    }

    /** The project's own conformance cases (extra edge cases, byte-order marks). */
    public static Path ownConformance() {
        return testdata().resolve("conformance");
    }

    /** BuildKit's own parser fixtures in the shared folder; see {@link #dir()}. */
    public static Path buildkitFixtures() {
        return require("conformance/buildkit", "BuildKit's parser fixtures").resolve("conformance/buildkit");
    }

    /** The corpus archive in the shared folder; see {@link #dir()}. */
    public static Path corpusArchive() {
        return require("corpus/dockerhub-dockerfiles.tar.xz", "the Dockerfile corpus")
                .resolve("corpus/dockerhub-dockerfiles.tar.xz");
    }

    /**
     * The shared folder when it holds {@code relative}; else the test is skipped with one line that says what is
     * missing and how to provide it, or fails when {@code whittle.requireShared} is set.
     */
    static Path require(String relative, String what) {
        Path p = Path.of(System.getProperty("whittle.shared", "../shared")).toAbsolutePath().normalize();
        if (Files.exists(p.resolve(relative))) return p;
        String message = what + " not found at " + p.resolve(relative) + ": tests that need it are skipped (give the "
                + "shared folder with -Dwhittle.shared=DIR)";
        if (Boolean.getBoolean("whittle.requireShared")) {
            throw new IllegalStateException(message + "; -Dwhittle.requireShared=true makes this a failure");
        }
        if (SAID.add(relative)) System.out.println("[SKIP] " + message);
        Assumptions.abort(message);
        return p; // not reached
    }

    public static Path buildDir() {
        return Path.of(System.getProperty("whittle.build", "target")).toAbsolutePath();
    }
}
