package dev.whittle.split;

import dev.whittle.facts.Effect;
import dev.whittle.facts.Effect.Kind;
import dev.whittle.facts.StageEffects;
import dev.whittle.split.Plan.Copy;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runtime stage must receive besides the plan's artifact: every path the build wrote outside the places
 * that only serve the build (toolchains, caches, package indexes, sources), with the owner a {@code chown} gave it.
 * Refuses when a command whittle cannot model could have written something the app needs.
 *
 * @param copies  the plan's copies (owners filled in) and the extra ones, in order
 * @param notes   what a reviewer should know about the extra copies
 * @param refusal why the split is not safe, or null
 */
record Carried(List<Copy> copies, List<String> notes, String refusal) {

    /**
     * Places that only serve the build: what a build writes there never reaches a runtime stage. Sources and
     * toolchain trees of the language images, caches, package manager state, temporary files.
     */
    static final List<String> BUILD_ONLY = List.of("/tmp", "/var/tmp", "/var/cache/apt", "/var/cache/apk", "/var/cache/yum",
            "/var/cache/dnf", "/var/lib/apt", "/var/lib/dpkg", "/var/lib/rpm", "/var/lib/yum", "/var/lib/dnf", "/etc/apt", "/etc/apk",
            "/etc/yum.repos.d", "/root/.cache",
            "/root/.npm", "/root/.m2", "/root/.gradle", "/root/.cargo", "/root/.rustup", "/root/.node-gyp", "/root/go",
            "/root/.config", "/root/.yarn", "/root/.composer", "/root/.gnupg", "/root/.ssh", "/usr/local/cargo",
            "/usr/local/rustup", "/usr/local/go", "/go", "/usr/local/share/.cache", "/usr/src", "/etc/passwd", "/etc/group",
            "/etc/shadow", "/etc/gshadow");

    /**
     * Start-up files of login and interactive shells: a container's start command (exec form, or {@code /bin/sh -c})
     * never reads them, so what the build wrote there does not reach the app.
     */
    static final java.util.Set<String> NOT_READ_AT_START = java.util.Set.of("/etc/profile", "/etc/bash.bashrc",
            "/etc/environment", "/root/.bashrc", "/root/.profile", "/root/.bash_profile");

    /**
     * @param effects  what the build stage does
     * @param planned  the plan's copies (artifact, app directory, virtual environment)
     * @param keep     paths the runtime receives anyway (the app directory, when it is copied whole)
     * @param modules  whether the plan carries the language packages itself (a virtual environment): pip's writes are
     *                 then covered; otherwise packages installed globally (npm -g) are copied where they went
     * @param named    paths the runtime's ENV names (ROUTES_FILE=/tmp/app/routes): what the build wrote there goes
     *                 too, even in a place that otherwise only serves the build
     */
    /** The distribution's own directories: copied whole from the builder, they bring programs without their packages. */
    private static final java.util.Set<String> SYSTEM_DIRECTORIES = java.util.Set.of("/bin", "/sbin", "/lib", "/lib64",
            "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/share", "/etc", "/var", "/var/lib");

    static Carried of(StageEffects effects, List<Copy> planned, List<String> keep, boolean modules, List<String> named) {
        List<String> notes = new ArrayList<>();
        for (Effect e : effects.effects()) {
            if (e.kind() != Kind.UNKNOWN) continue;
            String command = dev.whittle.facts.Commands.shorten(e.detail(), 50);
            return refuse("`" + command + "` may write files the app needs at run time, and whittle cannot tell which");
        }
        List<Copy> copies = new ArrayList<>();
        for (Copy c : planned) copies.add(withOwner(c, effects));
        List<String> covered = new ArrayList<>(keep);
        for (Copy c : planned) covered.add(c.from());
        List<Copy> extra = new ArrayList<>();
        for (Effect e : effects.effects()) {
            boolean carried = e.kind() == Kind.WRITTEN || e.kind() == Kind.DIRECTORY || e.kind() == Kind.MODULES && !modules;
            if (!carried) continue; // BUILT: the planner copies what a build makes
            if (e.at().kind() == dev.whittle.tree.Keyword.WORKDIR) continue; // the runtime stage's own WORKDIR makes it
            String p = e.path();
            if (p == null || p.equals("/") || covered.stream().anyMatch(d -> Effect.under(p, d))) continue;
            boolean namedThere = named.stream().anyMatch(n -> Effect.under(n, p) || Effect.under(p, n) && !BUILD_ONLY.contains(n));
            if (BUILD_ONLY.stream().anyMatch(d -> Effect.under(p, d)) && !namedThere || NOT_READ_AT_START.contains(p)
                    || effects.removedLater(p, e)) {
                continue;
            }
            if (e.kind() == Kind.DIRECTORY && covered.stream().anyMatch(d -> Effect.under(d, p))) {
                continue; // an empty directory above one the runtime receives: that copy makes it
            }
            if (extra.stream().anyMatch(c -> Effect.under(p, c.from()))) continue;
            if (e.detail().startsWith("ln ")) {
                // COPY --from follows a link: the runtime would get a copy of its target (or fail on a dead link)
                return refuse("`" + dev.whittle.facts.Commands.shorten(e.detail(), 40)
                        + "` makes a link, which COPY --from would copy as its target");
            }
            extra.removeIf(c -> Effect.under(c.from(), p));
            // files written above a planned copy (make install into /opt/app, the artifact in /opt/app/bin): the
            // whole tree goes, and brings the planned file with it
            copies.removeIf(c -> c.from().equals(c.to()) && Effect.under(c.from(), p) && !c.from().equals(p));
            extra.add(withOwner(new Copy(p, p), effects));
        }
        for (Copy c : extra) {
            if (SYSTEM_DIRECTORIES.contains(c.from())) {
                // the builder's /usr/bin over the runtime's: its programs without their packages' libraries (curl
                // without libcurl), and the runtime's own programs replaced by the builder's
                return refuse("`" + dev.whittle.facts.Commands.shorten(madeBy(effects, c.from()), 40) + "` writes into "
                        + c.from() + ", which the runtime would have to copy whole from the builder");
            }
            copies.add(c);
            notes.add(c.from() + " (written by `" + madeBy(effects, c.from()) + "`) is copied too");
        }
        ownedAbove(effects, copies, notes);
        return new Carried(copies, notes, null);
    }

    /**
     * A directory the build gave an owner (chown, COPY --chown) above a copy: copying only the path below it would
     * leave the directory to the runtime stage, made by root, and the app could not write where it could before
     * (forever's ~/.forever, a cache in the home directory). The owned directory is copied whole, with its owner.
     */
    private static void ownedAbove(StageEffects effects, List<Copy> copies, List<String> notes) {
        for (Effect e : effects.all(Kind.OWNED)) {
            String p = e.path();
            if (p == null || p.equals("/") || BUILD_ONLY.stream().anyMatch(d -> Effect.under(p, d))) continue;
            if (copies.stream().anyMatch(c -> Effect.under(p, c.from()))) continue; // a copy already brings it
            int at = -1;
            for (int k = 0; k < copies.size(); k++) {
                Copy c = copies.get(k);
                if (c.from().equals(c.to()) && Effect.under(c.from(), p) && at < 0) at = k;
            }
            if (at < 0) continue;
            copies.removeIf(c -> c.from().equals(c.to()) && Effect.under(c.from(), p));
            copies.add(Math.min(at, copies.size()), withOwner(new Copy(p, p), effects));
            notes.add(p + " (owned by " + e.detail() + ") is copied too, whole, so that it keeps its owner");
        }
    }

    private static Carried refuse(String why) {
        return new Carried(List.of(), List.of(), why);
    }

    /** The copy with the owner the last chown (or COPY --chown) of the path or a directory above it gave. */
    private static Copy withOwner(Copy c, StageEffects effects) {
        String owner = null;
        for (Effect e : effects.all(Kind.OWNED)) {
            if (Effect.under(c.from(), e.path()) || Effect.under(e.path(), c.from())) owner = e.detail();
        }
        return owner == null ? c : new Copy(c.from(), c.to(), owner);
    }

    private static String madeBy(StageEffects effects, String path) {
        for (Effect e : effects.effects()) {
            if (e.writes() && path.equals(e.path())) {
                return dev.whittle.facts.Commands.shorten(e.detail(), 60);
            }
        }
        return "the build";
    }
}
