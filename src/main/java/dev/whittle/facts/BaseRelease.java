package dev.whittle.facts;

import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Stage;

/**
 * The distribution release a stage is built on: what pulling its base image gives today (templates/images.yaml
 * for the official images), else the catalog's entry for the image, following stages built FROM other stages and
 * third-party images to the image the catalog says they are built on (catalog: derived).
 * Null when none of them says: a tag the official images never had is not guessed at.
 *
 * @param family  debian, ubuntu, alpine or rhel
 * @param release the codename (alpine: "3.20", rhel: "7")
 */
public record BaseRelease(String family, String release) {

    /** The stage's release, or null. */
    public static BaseRelease of(Dockerfile file, Stage stage, FactSources sources) {
        Stage s = stage;
        for (int guard = 0; guard < 64; guard++) {
            Stage parent = FinalImage.parent(file.stages(), s);
            if (parent == null) break;
            s = parent;
        }
        ImageRef ref = ImageRef.parse(s.baseImage());
        return ref.variable() ? null : of(ref, sources);
    }

    /** The release of an image reference, or null. */
    public static BaseRelease of(ImageRef ref, FactSources sources) {
        if (ref.variable()) return null;
        ref = sources.catalog().factsImage(ref); // a third-party image the catalog knows: the image it is built on
        if (sources.images().covers(ref.repository())) {
            OfficialImages.Entry e = sources.images().lookup(ref);
            return e == null || e.release() == null || e.family() == null ? null : new BaseRelease(e.family(), e.release());
        }
        Catalog.ImageInfo info = sources.catalog().lookup(ref);
        if (info == null || info.release() == null) return null;
        return new BaseRelease(info.family(), info.release());
    }

    /** The release's package facts, or null when whittle has none. */
    public Distro distro(FactSources sources) {
        return sources.distros().of(family, release);
    }

    /** Whether the release's suites left the mirrors: apt-get fails in its images unless the file points elsewhere. */
    public boolean archived(FactSources sources) {
        Distro d = distro(sources);
        return d != null && d.archived() || sources.images().archived(family, release);
    }

    /**
     * Whether this is an Alpine release before 3.3, whose apk (before apk-tools 2.6) has no {@code --no-cache}
     * option (apk-tools added it in December 2015; Alpine 3.3 was the first release with it).
     */
    public boolean predatesApkNoCache() {
        if (!"alpine".equals(family) || release == null || !release.matches("\\d+\\.\\d+.*")) return false;
        return Versions.compare(release, "3.3") < 0;
    }

    @Override
    public String toString() {
        return family + " " + release;
    }
}
