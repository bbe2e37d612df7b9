package dev.whittle.facts;

import dev.whittle.tree.Dockerfile;
import dev.whittle.tree.Stage;
import java.util.Map;

/**
 * The distribution release a stage is built on: from the tag of a distribution image ({@code debian:12},
 * {@code ubuntu:bionic}), the release a tag names ({@code -bookworm}), the catalog's entry for a language image, or
 * the stage it is built FROM. Null when none of them says.
 */
public final class BaseRelease {
    private BaseRelease() {}

    /** Debian and Ubuntu release numbers by codename, and back (the releases images are tagged with). */
    private static final Map<String, String> DEBIAN = Map.ofEntries(Map.entry("7", "wheezy"), Map.entry("8", "jessie"),
            Map.entry("9", "stretch"), Map.entry("10", "buster"), Map.entry("11", "bullseye"), Map.entry("12", "bookworm"),
            Map.entry("13", "trixie"));
    private static final Map<String, String> UBUNTU = Map.ofEntries(Map.entry("12.04", "precise"),
            Map.entry("14.04", "trusty"), Map.entry("16.04", "xenial"), Map.entry("18.04", "bionic"),
            Map.entry("20.04", "focal"), Map.entry("22.04", "jammy"), Map.entry("24.04", "noble"),
            Map.entry("26.04", "resolute"));

    /** The stage's release as {family, codename}, or null. */
    public static String[] of(Dockerfile file, Stage stage, Catalog catalog) {
        Stage s = stage;
        for (int guard = 0; guard < 64; guard++) {
            Stage parent = FinalImage.parent(file.stages(), s);
            if (parent == null) break;
            s = parent;
        }
        ImageRef ref = ImageRef.parse(s.baseImage());
        if (ref.variable()) return null;
        return of(ref, catalog);
    }

    /** The release of an image reference as {family, codename}, or null. */
    public static String[] of(ImageRef ref, Catalog catalog) {
        String repo = ref.repository();
        String tag = ref.tagOrLatest();
        if (repo.equals("debian")) {
            String head = tag.split("-")[0];
            String byNumber = DEBIAN.get(head.contains(".") ? head.substring(0, head.indexOf('.')) : head);
            if (byNumber != null) return new String[] {"debian", byNumber};
            if (DEBIAN.containsValue(head)) return new String[] {"debian", head};
            return null; // latest, stable, testing ...: they moved over time
        }
        if (repo.equals("ubuntu")) {
            String head = tag.split("-")[0];
            if (UBUNTU.containsKey(head)) return new String[] {"ubuntu", UBUNTU.get(head)};
            if (UBUNTU.containsValue(head)) return new String[] {"ubuntu", head};
            return null;
        }
        if (!ref.debianRelease().isEmpty()) return new String[] {"debian", ref.debianRelease()};
        Catalog.ImageInfo info = catalog.lookup(ref);
        if (info == null || info.release() == null) return null;
        if (info.family().equals("debian") || info.family().equals("ubuntu")) return new String[] {info.family(), info.release()};
        return null;
    }
}
