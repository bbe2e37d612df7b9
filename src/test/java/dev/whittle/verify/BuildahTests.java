package dev.whittle.verify;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the tests that build with buildah need, or they are skipped with the reason. */
final class BuildahTests {
    private BuildahTests() {}

    /** buildah, set up as the e2e suite sets it (STORAGE_DRIVER=vfs BUILDAH_ISOLATION=chroot, which .ci/run exports). */
    static BuildahEngine engineOrSkip() {
        BuildahEngine engine = new BuildahEngine();
        assumeTrue(engine.works(), "buildah is not installed");
        assumeTrue("vfs".equals(System.getenv("STORAGE_DRIVER")) && "chroot".equals(System.getenv("BUILDAH_ISOLATION")),
                "buildah's storage and isolation are not the e2e suite's (STORAGE_DRIVER=vfs BUILDAH_ISOLATION=chroot)");
        return engine;
    }
}
