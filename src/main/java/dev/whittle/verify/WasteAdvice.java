package dev.whittle.verify;

import java.util.List;

/**
 * What would avoid bytes a layer stores and a later one hides: the whittle pass that fixes it where one does
 * (`whittle explain ID` tells more), else the general remedy.
 */
final class WasteAdvice {
    private WasteAdvice() {}

    /** A folder whose files are a known cache, and the pass that keeps it out of the layer. */
    private record Cache(String prefix, String pass, String what) {}

    private static final List<Cache> CACHES = List.of(
            new Cache("var/lib/apt/lists/", "apt-lists-cleanup", "apt package lists"),
            new Cache("var/cache/apt/", "apt-lists-cleanup", "downloaded .deb packages"),
            new Cache("var/cache/apk/", "apk-no-cache", "the apk index"),
            new Cache("var/cache/yum/", "yum-clean", "the yum cache"),
            new Cache("var/cache/dnf/", "yum-clean", "the dnf cache"),
            new Cache("var/cache/zypp/", "zypper-clean", "the zypper cache"),
            new Cache("root/.cache/pip/", "pip-no-cache-dir", "pip's download cache"),
            new Cache("root/.npm/", "npm-cache-clean", "npm's cache"),
            new Cache("usr/local/share/.cache/yarn/", "yarn-cache-clean", "yarn's cache"),
            new Cache("root/.cache/yarn/", "yarn-cache-clean", "yarn's cache"),
            new Cache("root/.cache/go-build/", "go-build-cache", "Go's build cache"),
            new Cache("go/pkg/mod/", "go-build-cache", "Go's module cache"),
            new Cache("root/go/pkg/mod/", "go-build-cache", "Go's module cache"),
            new Cache("root/.cache/pypoetry/", "poetry-pipenv-cache", "poetry's cache"),
            new Cache("root/.cache/pipenv/", "poetry-pipenv-cache", "pipenv's cache"),
            new Cache("root/.composer/cache/", "composer-clear-cache", "composer's cache"),
            new Cache("root/.cache/composer/", "composer-clear-cache", "composer's cache"));

    /**
     * @param paths    the hidden files (no leading slash)
     * @param deleted  deleted by a whiteout rather than overwritten
     */
    static String advise(List<String> paths, boolean deleted, String added, String removed) {
        Cache best = null;
        int bestCount = 0;
        for (Cache c : CACHES) {
            int n = 0;
            for (String p : paths) if (p.startsWith(c.prefix())) n++;
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        if (best != null && bestCount * 2 >= paths.size()) {
            return best.what() + " left in the layer and removed later: " + best.pass() + " removes them in the step that makes them";
        }
        if (!deleted && removed.matches("(?i)^RUN .*\\b(chmod|chown)\\b.*")) {
            return "the files are stored again only to change their mode or owner: COPY --chmod / --chown, or chmod in the step that makes them";
        }
        if (deleted) {
            return "deleting in a later layer does not shrink the image: delete them in the step that makes them, or build in a stage "
                    + "whose files are not shipped (split-build-runtime)";
        }
        return "a later layer stores the same paths again: make them once, in the last step that changes them";
    }
}
