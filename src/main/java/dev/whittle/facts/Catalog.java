package dev.whittle.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base-image catalog (templates/catalog.yaml): facts about build images, end-of-life tags, and
 * the runtime images each language may use at each level.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Catalog(List<ImageInfo> images, List<Derived> derived, List<EndOfLife> endOfLife,
                      Map<String, Map<String, List<Candidate>>> runtimes, Map<String, String> glibc) {
    public Catalog {
        derived = derived == null ? List.of() : derived;
    }

    private static final java.util.Map<String, java.util.regex.Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A catalog regular expression, compiled once. */
    static java.util.regex.Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, java.util.regex.Pattern::compile);
    }


    /** What the catalog knows about one image (or a range of its tags). */
    public record ImageInfo(String repository, String tag, String family, String libc, String release, Integer sizeMb,
                            Boolean cc, String workdir, Boolean certs) {
        boolean matches(ImageRef ref) {
            return repository.equals(ref.repository()) && (tag == null || Catalog.pattern(tag).matcher(ref.tagOrLatest()).matches());
        }

        public boolean hasCompiler() {
            return Boolean.TRUE.equals(cc);
        }
    }

    /**
     * A third-party image built on another one (its Dockerfile's FROM): what it sets on top. {@code parent} may name
     * the tag pattern's groups ({1}, {2}); {@code source} says which published Dockerfile the entry was read from.
     */
    public record Derived(String repository, String tag, String example, String parent, String workdir,
                          List<String> entrypoint, List<String> cmd, List<String> adds, List<String> packages,
                          String source) {
        public Derived {
            packages = packages == null ? List.of() : List.copyOf(packages);
        }

        /** The parent image for {@code ref}, or null when this entry does not describe it. */
        ImageRef parentOf(ImageRef ref) {
            if (!repository.equals(ref.repository())) return null;
            java.util.regex.Matcher m = Catalog.pattern(tag == null ? ".*" : tag).matcher(ref.tagOrLatest());
            if (!m.matches()) return null;
            String p = parent;
            for (int g = m.groupCount(); g >= 1; g--) p = p.replace("{" + g + "}", m.group(g) == null ? "" : m.group(g));
            return ImageRef.parse(p);
        }

        /** The start command the image sets, as the exec form would show it ({@code /entrypoint.sh /start.sh}). */
        public String start() {
            List<String> all = new ArrayList<>(entrypoint == null ? List.of() : entrypoint);
            if (cmd != null) all.addAll(cmd);
            return String.join(" ", all);
        }
    }

    /**
     * The system packages the image installs (a third-party image the catalog knows, and the ones it is built on);
     * empty when none are known.
     */
    public List<String> packagesOf(ImageRef ref) {
        List<String> out = new ArrayList<>();
        ImageRef r = ref;
        for (int guard = 0; guard < 8; guard++) {
            Derivation d = derivation(r);
            if (d == null) break;
            out.addAll(d.entry().packages());
            r = d.parent();
        }
        return out;
    }

    /** What a third-party image is built on, with the entry that says so. */
    public record Derivation(Derived entry, ImageRef parent) {}

    /** The catalog's entry for a third-party image built on another one, or null. */
    public Derivation derivation(ImageRef ref) {
        if (ref.variable()) return null;
        for (Derived d : derived) {
            ImageRef parent = d.parentOf(ref);
            if (parent != null) return new Derivation(d, parent);
        }
        return null;
    }

    /**
     * The image whose facts (release, C library, tool versions) {@code ref} has: itself, or for a third-party image
     * the catalog describes, the official image it is built on (followed through at most 8 such steps).
     */
    public ImageRef factsImage(ImageRef ref) {
        ImageRef r = ref;
        for (int guard = 0; guard < 8; guard++) {
            Derivation d = derivation(r);
            if (d == null) return r;
            r = d.parent();
        }
        return r;
    }

    /** Tags past their end of life, and what to move to. */
    public record EndOfLife(String repository, String tag, String before, String reason, String replacement) {
        boolean matches(ImageRef ref, String version) {
            if (!repository.equals(ref.repository())) return false;
            if (tag != null && !Catalog.pattern(tag).matcher(ref.tagOrLatest()).matches()) return false;
            return before == null || (version != null && !version.isEmpty() && Versions.compare(version, before) < 0);
        }
    }

    /** A runtime image a level may choose; see the comments in catalog.yaml. */
    public record Candidate(String image, String family, String libc, String release, Boolean shell, String installs,
                            List<Integer> versions, String user, Boolean certs, Boolean tzdata, Integer sizeMb,
                            List<String> entrypoint, Map<String, String> programs) {
        public boolean hasShell() {
            return Boolean.TRUE.equals(shell);
        }

        public boolean hasCertificates() {
            return Boolean.TRUE.equals(certs);
        }

        public boolean hasTzdata() {
            return Boolean.TRUE.equals(tzdata);
        }
    }

    /** The first entry that describes the image, or null. */
    public ImageInfo lookup(ImageRef ref) {
        for (ImageInfo i : images) if (i.matches(ref)) return i;
        return null;
    }

    /**
     * The working directory a stage on this image starts in: the entry's {@code workdir}, "/" for an entry that sets
     * none, null for an image the catalog does not know (a relative path there cannot be resolved).
     */
    public String startWorkdir(ImageRef ref) {
        for (int guard = 0; guard < 8; guard++) {
            Derivation d = derivation(ref);
            if (d == null) break;
            if (d.entry().workdir() != null) return d.entry().workdir();
            ref = d.parent();
        }
        ImageInfo info = lookup(ref);
        return info == null ? null : info.workdir() == null ? "/" : info.workdir();
    }

    /** Why the image is past its end of life, or null. */
    public EndOfLife endOfLife(ImageRef ref) {
        return endOfLife(ref, ref.version());
    }

    /**
     * Why the image is past its end of life, or null, comparing {@code version} (what the tag gives: python:3 is
     * Python 3.14 today, not a "3" older than 3.10) with the entry's {@code before}.
     */
    public EndOfLife endOfLife(ImageRef ref, String version) {
        for (EndOfLife e : endOfLife) if (e.matches(ref, version)) return e;
        return null;
    }

    /** The candidates for a language at a level: the level's own list first, then the lists below it. */
    public List<Candidate> candidates(String language, dev.whittle.core.Level level) {
        Map<String, List<Candidate>> byLevel = runtimes.getOrDefault(language, Map.of());
        List<Candidate> out = new ArrayList<>();
        for (int k = level.ordinal(); k >= 0; k--) {
            String name = dev.whittle.core.Level.values()[k].name().toLowerCase(java.util.Locale.ROOT);
            out.addAll(byLevel.getOrDefault(name, List.of()));
        }
        return out;
    }

    /** The glibc version of a distribution release, or null. */
    public String glibcOf(String release) {
        return release == null ? null : glibc.get(release);
    }
}
