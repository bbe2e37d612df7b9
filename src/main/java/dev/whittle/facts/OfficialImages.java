package dev.whittle.facts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pulling an official image tag gives today (templates/images.yaml, generated from the official-images
 * history): the distribution and release, the C library, the language and its version, the tools it ships and
 * the tag variants of its version. The file is a megabyte; it is split into its repositories' lines on first use
 * and a repository's entries are read only when a file names it.
 */
public final class OfficialImages {
    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Pattern REPOSITORY = Pattern.compile("^\\s*- \\{repository: ([^,}]+)");

    /**
     * One build (or the builds of one version line) of an official image.
     *
     * @param tag       a regular expression over the whole tag
     * @param release   the distribution release (codename; alpine "3.20"; rhel "7"), or null when not known
     * @param version   the language or toolchain version the build carries, or null
     * @param tools     other tools' versions ({@code pip}), lowest of the grouped builds
     * @param variants  suffixes X such that "VERSION-X" is (or was) a tag
     */
    public record Entry(String repository, String tag, String family, String release, String libc, String language,
                        String version, Map<String, String> tools, String lastBuilt, List<String> variants) {
        boolean matches(String t) {
            return Catalog.pattern(tag).matcher(t).matches();
        }

        public String tool(String name) {
            return tools == null ? null : tools.get(name);
        }
    }

    private final Supplier<String> text;
    private volatile Index index;
    private final Map<String, List<Entry>> parsed = new ConcurrentHashMap<>();

    private record Index(Map<String, List<String>> lines, Map<String, List<String>> archived) {}

    /** @param text the text of images.yaml, or null when there is none */
    public OfficialImages(Supplier<String> text) {
        this.text = text;
    }

    /** The entry that describes the image as written (tag "latest" when none), or null when none does. */
    public Entry lookup(ImageRef ref) {
        if (ref.variable()) return null;
        return find(ref.repository(), ref.tagOrLatest());
    }

    /** Whether the tag exists for the repository (an entry matches it). */
    public boolean exists(String repository, String tag) {
        return find(repository, tag) != null;
    }

    /** No entry: the cache's mark for a tag that none matches. */
    private static final Entry NONE = new Entry("", "", null, null, null, null, null, null, null, null);

    /** Answers by repository and tag: a batch asks about the same few hundred tags thousands of times. */
    private final Map<String, Entry> found = new ConcurrentHashMap<>();

    private Entry find(String repository, String tag) {
        Entry e = found.computeIfAbsent(repository + ":" + tag, k -> {
            for (Entry x : entries(repository)) if (x.matches(tag)) return x;
            return NONE;
        });
        return e == NONE ? null : e;
    }

    /** Whether whittle has entries for the repository at all. */
    public boolean covers(String repository) {
        return index().lines().containsKey(repository);
    }

    /** Whether a distribution release's suites left the mirrors ({@code apt-get update} fails in it). */
    public boolean archived(String family, String release) {
        return index().archived().getOrDefault(family, List.of()).contains(release);
    }

    /**
     * The tag of the {@code variant} ("slim") of the image as written: the same version and the same release, in
     * the tag shape the repository really uses ({@code 16-buster-slim} for node, {@code 3.8-slim-buster} for
     * python, {@code carbon-slim} for a codename); null when no such tag exists.
     */
    public String variantTag(ImageRef ref, String variant) {
        Entry base = lookup(ref);
        if (base == null) return null;
        String tag = ref.tagOrLatest();
        if (List.of(tag.split("-")).contains(variant)) return tag; // the image is that variant already
        List<String> shapes = new ArrayList<>();
        shapes.add(tag.equals("latest") ? variant : tag + "-" + variant);
        int dash = tag.indexOf('-');
        if (dash > 0) {
            shapes.add(tag.substring(0, dash) + "-" + variant + tag.substring(dash));
            shapes.add(tag + "-" + variant);
        }
        for (String shape : shapes) {
            Entry e = lookup(new ImageRef(ref.repository() + ":" + shape, ref.repository(), shape, ""));
            if (e != null && same(e.family(), base.family()) && same(e.release(), base.release())
                    && same(e.version(), base.version())) {
                return shape;
            }
        }
        return null;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private List<Entry> entries(String repository) {
        List<String> lines = index().lines().get(repository);
        if (lines == null) return List.of();
        return parsed.computeIfAbsent(repository, r -> parse(r, lines));
    }

    private static List<Entry> parse(String repository, List<String> lines) {
        StringBuilder doc = new StringBuilder("[");
        for (String l : lines) {
            if (doc.length() > 1) doc.append(",\n");
            doc.append(l.strip().substring(2)); // "- {...}"
        }
        doc.append(']');
        try {
            return List.of(YAML.readValue(doc.toString(), Entry[].class));
        } catch (IOException e) {
            throw new IllegalArgumentException("templates/images.yaml: the entries of " + repository + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private Index index() {
        Index i = index;
        if (i != null) return i;
        synchronized (this) {
            if (index != null) return index;
            String all = text.get();
            Map<String, List<String>> lines = new HashMap<>();
            Map<String, List<String>> archived = new LinkedHashMap<>();
            if (all != null) {
                boolean inArchived = false;
                for (String line : all.split("\n")) {
                    Matcher m = REPOSITORY.matcher(line);
                    if (m.find()) {
                        lines.computeIfAbsent(m.group(1).strip(), k -> new ArrayList<>()).add(line);
                    } else if (line.startsWith("archived:")) {
                        inArchived = true;
                    } else if (inArchived && line.startsWith("  ") && line.contains(":")) {
                        String family = line.substring(0, line.indexOf(':')).strip();
                        String list = line.substring(line.indexOf(':') + 1).strip();
                        List<String> names = new ArrayList<>();
                        for (String n : list.replaceAll("[\\[\\]\"]", "").split(",")) if (!n.isBlank()) names.add(n.strip());
                        archived.put(family, names);
                    } else if (!line.startsWith(" ") && !line.startsWith("#") && !line.isBlank()) {
                        inArchived = false;
                    }
                }
            }
            index = new Index(lines, archived);
            return index;
        }
    }
}
