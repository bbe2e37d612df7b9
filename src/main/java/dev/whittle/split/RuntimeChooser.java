package dev.whittle.split;

import dev.whittle.facts.ImageRef;
import dev.whittle.facts.Catalog;
import dev.whittle.facts.Catalog.Candidate;
import dev.whittle.facts.Catalog.ImageInfo;
import dev.whittle.facts.OfficialImages;
import dev.whittle.facts.Versions;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the runtime image: the first catalog candidate of the level (then of the levels below) that
 * can run the artifact. Never mixes C libraries: a musl build runs on musl, a glibc build on a glibc
 * at least as new as the builder's; only static binaries go on images without one.
 */
final class RuntimeChooser {
    private RuntimeChooser() {}

    /** What the runtime must offer besides the plan's needs. */
    /**
     * @param root whether the runtime must keep running as root, as the original does (below the aggressive level):
     *             an image made to run as a non-root user is then taken in its root variant
     */
    /**
     * @param builderCerts whether the builder has a CA bundle to copy (null: not known; see
     *                     SplitPlanner.builderCertificates): a runtime without its own then cannot be chosen
     */
    record Demands(boolean shell, boolean packages, String manager, Boolean builderCerts, boolean root) {}

    /** The chosen candidate with its placeholders filled in, or the reasons none fits. */
    record Choice(Candidate candidate, String image, List<String> rejected) {}

    static Choice choose(SplitInput in, Plan plan, Demands demands) {
        Catalog catalog = in.knowledge().catalog();
        ImageInfo builder = in.builder();
        ImageRef ref = in.facts().image();
        String release = release(ref, builder);
        List<String> rejected = new ArrayList<>();
        for (Candidate c : catalog.candidates(plan.language(), in.level())) {
            String why = misfit(c, plan, demands, builder, release, catalog);
            String image = why == null ? fill(c.image(), ref, plan.needs(), release, in.knowledge().facts().images()) : null;
            if (image != null && demands.root() && c.user() != null) image = rootVariant(image);
            if (why == null && image == null) why = "no such tag for the builder's version and release (or the release is not known)";
            if (why == null) return new Choice(c, image, rejected);
            rejected.add(c.image().replaceAll("\\{[a-z]+}", "*") + ": " + why);
        }
        return new Choice(null, null, rejected);
    }

    private static String misfit(Candidate c, Plan plan, Demands d, ImageInfo builder, String release, Catalog catalog) {
        Plan.Needs needs = plan.needs();
        if (c.versions() != null && !c.versions().contains(needs.major())) {
            return "not made for version " + (needs.major() < 0 ? "(unknown)" : needs.major());
        }
        String builderLibc = builder == null ? null : builder.libc();
        switch (c.libc()) {
            case "none" -> {
                if (!needs.staticBinary()) return "no C library, and the artifact needs one";
            }
            case "musl" -> {
                if (!"musl".equals(builderLibc)) return "musl, but the build links " + (builderLibc == null ? "an unknown C library" : builderLibc);
            }
            default -> {
                if (!"glibc".equals(builderLibc)) {
                    if (!needs.staticBinary()) return "glibc, but the build links " + (builderLibc == null ? "an unknown C library" : builderLibc);
                } else if (needs.nativeCode() && !"same".equals(c.release())) {
                    String have = catalog.glibcOf(c.release());
                    String need = catalog.glibcOf(release);
                    if (need == null) return "the builder's glibc version is not known";
                    if (have == null || Versions.compare(have, need) < 0) return "glibc " + have + " is older than the builder's " + need;
                }
            }
        }
        if (c.family() != null && builder != null && !c.family().equals(builder.family())) {
            return "another distribution than the builder's " + builder.family();
        }
        if (c.family() != null && builder == null) return "the builder's distribution is not known";
        if (d.shell() && !c.hasShell()) return "no shell, and the start command or HEALTHCHECK needs one";
        if (d.packages() && (c.installs() == null || !c.installs().equals(d.manager()))) {
            return "cannot install the runtime packages";
        }
        // an image of the builder's own line (node:*-alpine for node:*-alpine) has what the builder's base has
        boolean sameLine = builder != null && ImageRef.parse(c.image()).repository().equals(builder.repository())
                && c.family() != null && c.family().equals(builder.family());
        if (d.builderCerts() == null && !c.hasCertificates() && !sameLine) {
            return "no CA certificates of its own, and whether the builder has a bundle to copy is not known";
        }
        if (!plan.accepts().test(c)) return "its own ENTRYPOINT cannot run this start command";
        return null;
    }

    /** A distroless image's root variant: {@code :nonroot} dropped (latest), {@code :debug-nonroot} to {@code :debug}. */
    static String rootVariant(String image) {
        if (image.endsWith(":nonroot")) return image.substring(0, image.length() - ":nonroot".length());
        if (image.endsWith("-nonroot")) return image.substring(0, image.length() - "-nonroot".length());
        return image;
    }

    /** The builder's distribution release: the official images' (in the builder info), a release the tag names. */
    static String release(ImageRef ref, ImageInfo builder) {
        if (builder != null && builder.release() != null && builder.tag() == null) return builder.release();
        if (!ref.debianRelease().isEmpty()) return ref.debianRelease();
        if (builder != null && "alpine".equals(builder.family())) {
            return ref.repository().equals("alpine") ? ref.tagOrLatest() : ref.alpineRelease();
        }
        return builder == null ? null : builder.release();
    }

    /**
     * The image name with {release}, {version}, {major}, {suffix} filled in; null when one is unknown. The slim or
     * alpine variant of the builder's own official image is the tag that really exists for its version and release
     * (node {@code 16-buster-slim}, python {@code 3.8-slim-buster}, {@code carbon-slim}), or null when there is none.
     */
    private static String fill(String image, ImageRef ref, Plan.Needs needs, String release, OfficialImages official) {
        String repository = image.substring(0, image.indexOf(':') < 0 ? image.length() : image.indexOf(':'));
        if (repository.equals("alpine") && ref.repository().equals("alpine")) return "alpine:" + ref.tagOrLatest();
        if (repository.equals(ref.repository()) && official.covers(repository)) {
            for (String variant : List.of("slim", "alpine")) {
                if (image.contains("{version}-" + variant)) {
                    String tag = official.variantTag(ref, variant);
                    return tag == null ? null : repository + ":" + tag;
                }
            }
        }
        String out = image;
        if (out.contains("{release}")) {
            if (release == null) return null;
            out = out.replace("{release}", release);
        }
        String version = needs.version() == null ? "" : needs.version();
        out = version.isEmpty() ? out.replace("{version}-", "") : out.replace("{version}", version);
        out = out.replace("{major}", String.valueOf(needs.major()));
        out = out.replace("{suffix}", ref.debianRelease().isEmpty() ? "" : "-" + ref.debianRelease());
        out = out.replace(":-", ":");
        out = out.endsWith(":") ? out + "latest" : out;
        // a tag of an official image whittle has the facts of must be one that exists, on the release asked for
        // (openjdk:8-jre-jessie was never published: Java 8's jessie images are tagged 8u111-jre and so on)
        ImageRef filled = ImageRef.parse(out);
        if (official.covers(filled.repository())) {
            OfficialImages.Entry entry = official.lookup(filled);
            if (entry == null || image.contains("{release}") && !release.equals(entry.release())) return null;
        }
        return out;
    }
}
