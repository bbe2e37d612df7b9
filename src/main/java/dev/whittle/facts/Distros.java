package dev.whittle.facts;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * The distribution releases of templates/distro/, read when first asked for: {@code FAMILY-RELEASE.yaml} with
 * its {@code .tables.gz} and {@code .names.gz}, and archived.yaml for the releases that left the mirrors.
 */
public final class Distros {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Function<String, byte[]> files;
    private final Map<String, Distro> loaded = new ConcurrentHashMap<>();
    private volatile Map<String, Distro> archived;

    /** @param files a file of templates/ by its path ("distro/debian-bookworm.yaml"), or null when there is none */
    public Distros(Function<String, byte[]> files) {
        this.files = files;
    }

    /** The release ("debian", "bookworm"), or null when whittle knows nothing of it. */
    public Distro of(String family, String release) {
        if (family == null || release == null) return null;
        String key = family.toLowerCase(Locale.ROOT) + "-" + release.toLowerCase(Locale.ROOT);
        Distro d = loaded.computeIfAbsent(key, this::load);
        return d == NONE ? null : d;
    }

    /** The release of a family by its number ("ubuntu", "18.04" gives bionic), or null. */
    public Distro byVersion(String family, String version) {
        for (String release : KNOWN.getOrDefault(family, List.of())) {
            Distro d = of(family, release);
            if (d != null && version.equals(d.version())) return d;
        }
        for (Distro d : archived().values()) {
            if (d.family().equals(family) && version.equals(d.version())) return d;
        }
        return null;
    }

    /** The generated releases, newest last (what templates/distro/generate.py covers). */
    private static final Map<String, List<String>> KNOWN = Map.of(
            "debian", List.of("bullseye", "bookworm", "trixie"),
            "ubuntu", List.of("xenial", "bionic", "focal", "jammy", "noble", "resolute"));

    private static final Distro NONE = new Distro("", "", "", null, false, Map.of(), Map.of(), null);

    private Distro load(String key) {
        if (key.startsWith("alpine-")) return alpine().getOrDefault(key, NONE);
        byte[] yaml = files.apply("distro/" + key + ".yaml");
        if (yaml == null) return archived().getOrDefault(key, NONE);
        try {
            Map<?, ?> m = YAML.readValue(yaml, Map.class);
            Supplier<Distro.Tables> tables = memo(() -> tables(key));
            return new Distro(str(m.get("family")), str(m.get("release")), str(m.get("version")), str(m.get("glibc")), false,
                    tools(m.get("tools")), strings(m.get("matters")), tables);
        } catch (IOException e) {
            throw new IllegalArgumentException("templates/distro/" + key + ".yaml: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private volatile Map<String, Distro> alpine;

    /**
     * alpine.yaml: per branch, the packages' versions (written by hand with a source each; Alpine's indexes are not
     * generated here). As tools: go (package go), upx, pip (py3-pip, or the python2 pip as py-pip / py2-pip).
     */
    private Map<String, Distro> alpine() {
        Map<String, Distro> a = alpine;
        if (a != null) return a;
        Map<String, Distro> out = new HashMap<>();
        byte[] yaml = files.apply("distro/alpine.yaml");
        if (yaml != null) {
            try {
                Map<?, ?> m = YAML.readValue(yaml, Map.class);
                for (Object r : (List<?>) m.get("releases")) {
                    Map<?, ?> e = (Map<?, ?>) r;
                    String release = str(e.get("release"));
                    Map<String, Map<String, String>> tools = new LinkedHashMap<>();
                    if (e.get("packages") instanceof Map<?, ?> packages) {
                        for (Map.Entry<?, ?> p : packages.entrySet()) {
                            String pkg = str(p.getKey());
                            String v = version(p.getValue());
                            if (v == null) continue;
                            String tool = pkg.endsWith("-pip") ? "pip" : pkg;
                            tools.computeIfAbsent(tool, k -> new LinkedHashMap<>()).put(pkg, v);
                            if (pkg.equals("py-pip")) tools.get(tool).put("py2-pip", v); // its name in 3.5 to 3.11
                        }
                    }
                    out.put("alpine-" + release, new Distro("alpine", release, release, null, false, tools, Map.of(), null));
                }
            } catch (IOException | ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException("templates/distro/alpine.yaml: " + e.getMessage(), e);
            }
        }
        alpine = out;
        return out;
    }

    private Map<String, Distro> archived() {
        Map<String, Distro> a = archived;
        if (a != null) return a;
        Map<String, Distro> out = new HashMap<>();
        byte[] yaml = files.apply("distro/archived.yaml");
        if (yaml != null) {
            try {
                Map<?, ?> m = YAML.readValue(yaml, Map.class);
                for (Object r : (List<?>) m.get("releases")) {
                    Map<?, ?> e = (Map<?, ?>) r;
                    String family = str(e.get("family"));
                    String release = str(e.get("release"));
                    out.put(family + "-" + release, new Distro(family, release, str(e.get("version")), str(e.get("glibc")),
                            true, tools(e.get("tools")), Map.of(), null));
                }
            } catch (IOException | ClassCastException | NullPointerException e) {
                throw new IllegalArgumentException("templates/distro/archived.yaml: " + e.getMessage(), e);
            }
        }
        archived = out;
        return out;
    }

    /** tools: {pip: {python3-pip: "23.0.1"}, python3: "3.11.2"}, or archived.yaml's {version, source} leaves. */
    private static Map<String, Map<String, String>> tools(Object node) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (!(node instanceof Map<?, ?> m)) return out;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String tool = str(e.getKey());
            Map<String, String> byPackage = new LinkedHashMap<>();
            if (e.getValue() instanceof Map<?, ?> inner && !inner.containsKey("version")) {
                for (Map.Entry<?, ?> p : inner.entrySet()) {
                    String v = version(p.getValue());
                    if (v != null) byPackage.put(str(p.getKey()), v);
                }
            } else {
                String v = version(e.getValue());
                if (v != null) byPackage.put(tool, v);
            }
            out.put(tool, byPackage);
        }
        return out;
    }

    private static String version(Object v) {
        if (v instanceof Map<?, ?> m) return m.get("version") == null ? null : str(m.get("version"));
        return v == null ? null : str(v);
    }

    private Distro.Tables tables(String key) {
        List<String> recommends = new ArrayList<>();
        List<String> runtimeOf = new ArrayList<>();
        List<String> section = recommends;
        for (String line : gunzip("distro/" + key + ".tables.gz").split("\n")) {
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                section = line.contains("runtimeOf") ? runtimeOf : recommends;
                continue;
            }
            if (line.indexOf('\t') >= 0) section.add(line);
        }
        List<String> names = List.of(gunzip("distro/" + key + ".names.gz").split("\n"));
        return new Distro.Tables(SortedLines.of(recommends), SortedLines.of(runtimeOf), SortedLines.of(names));
    }

    private String gunzip(String name) {
        byte[] bytes = files.apply(name);
        if (bytes == null) throw new IllegalArgumentException("templates/" + name + ": missing");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("templates/" + name + ": " + e.getMessage(), e);
        }
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }

    private static Map<String, String> strings(Object node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node instanceof Map<?, ?> m) for (Map.Entry<?, ?> e : m.entrySet()) out.put(str(e.getKey()), str(e.getValue()));
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** The generated releases of a family. */
    public static List<String> generated(String family) {
        return new ArrayList<>(KNOWN.getOrDefault(family, List.of()));
    }
}
