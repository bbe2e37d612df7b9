package dev.whittle;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where ../shared (conformance fixtures, corpus, examples) and the build directory are. */
public final class Shared {
    private Shared() {}

    public static Path dir() {
        Path p = Path.of(System.getProperty("whittle.shared", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p.resolve("conformance"))) {
            throw new IllegalStateException("the shared fixtures are missing: expected " + p
                    + "/conformance (clone the project beside shared/, or pass -Dwhittle.shared=DIR)");
        }
        return p;
    }

    public static Path conformance() {
        return dir().resolve("conformance");
    }

    public static Path buildDir() {
        return Path.of(System.getProperty("whittle.build", "target")).toAbsolutePath();
    }
}
