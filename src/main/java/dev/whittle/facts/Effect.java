package dev.whittle.facts;

import dev.whittle.tree.Instruction;

/**
 * One thing an instruction does to the image, as far as whittle can tell from the Dockerfile.
 *
 * @param at     the instruction
 * @param kind   what happens
 * @param path   the absolute path it concerns (a file or a tree under it); for packages and users, their name
 * @param detail the command that does it, as written (for reports); for OWNED the owner, for USER "user"/"group"
 */
public record Effect(Instruction at, Kind kind, String path, String detail) {

    /** The kinds of effect. */
    public enum Kind {
        /** Files from the build context (or another stage) copied to {@code path}. */
        COPIED,
        /** A directory made (mkdir, WORKDIR). */
        DIRECTORY,
        /** Files written at {@code path} (a file, or a tree under it) by a command whittle knows. */
        WRITTEN,
        /** A project built in the directory {@code path} (make, go build, npm install, mvn ...): its outputs are there. */
        BUILT,
        /** Language packages installed under {@code path} (pip into site-packages, npm -g into its prefix). */
        MODULES,
        /** {@code path} removed, with everything under it. */
        REMOVED,
        /** The owner of {@code path} changed (chown); {@code detail} is the owner. */
        OWNED,
        /** A user or group made; {@code path} is its name. */
        USER,
        /** A system package installed; {@code path} is its name, {@code detail} the package manager. */
        INSTALLED,
        /** A system package removed. */
        UNINSTALLED,
        /** A package source added (apt repository, key, rpm repository): later installs may come from it. */
        SOURCE_ADDED,
        /** A command whittle cannot model: it may write anything. {@code detail} is the command. */
        UNKNOWN
    }

    /** Whether the effect puts files at {@code path}. */
    public boolean writes() {
        return kind == Kind.COPIED || kind == Kind.DIRECTORY || kind == Kind.WRITTEN || kind == Kind.BUILT
                || kind == Kind.MODULES;
    }

    /** Whether {@code path} is {@code dir} or lies under it. */
    public static boolean under(String path, String dir) {
        if (path == null || dir == null) return false;
        if (dir.equals("/")) return path.startsWith("/");
        return path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
    }
}
