package dev.whittle.facts;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What whittle knows of one distribution release, from templates/distro/: generated from the release's package
 * indexes, or, for a release whose suites left the mirrors ({@link #archived()}), the few facts archived.yaml
 * gives with a source.
 */
public final class Distro {
    private final String family;
    private final String release;
    private final String version;
    private final String glibc;
    private final boolean archived;
    private final Map<String, Map<String, String>> tools;
    private final Map<String, String> matters;
    private final Supplier<Tables> tables;

    /** The big tables, read when first asked for. */
    record Tables(SortedLines recommends, SortedLines runtimeOf, SortedLines names) {
        /** A table's space-separated value as a list (empty for none), or null when the key has no line. */
        static List<String> list(SortedLines table, String key) {
            String v = table.value(key);
            return v == null ? null : v.isEmpty() ? List.of() : List.of(v.split(" "));
        }
    }

    Distro(String family, String release, String version, String glibc, boolean archived,
           Map<String, Map<String, String>> tools, Map<String, String> matters, Supplier<Tables> tables) {
        this.family = family;
        this.release = release;
        this.version = version;
        this.glibc = glibc;
        this.archived = archived;
        this.tools = tools;
        this.matters = matters;
        this.tables = tables;
    }

    public String family() {
        return family;
    }

    public String release() {
        return release;
    }

    /** The release number ("12", "22.04"). */
    public String version() {
        return version;
    }

    /** libc6's version, or null when not known. */
    public String glibc() {
        return glibc;
    }

    /** Whether the release's suites left the regular mirrors: {@code apt-get update} fails in its images today. */
    public boolean archived() {
        return archived;
    }

    /**
     * The upstream version of a tool as a package of the release ships it ({@code pip} of {@code python3-pip}), or
     * null when the release has no such package or its version is not known.
     */
    public String tool(String tool, String pkg) {
        Map<String, String> byPackage = tools.get(tool);
        return byPackage == null ? null : byPackage.get(pkg);
    }

    /** The versions of a tool by the package that ships it. */
    public Map<String, String> tool(String tool) {
        return tools.getOrDefault(tool, Map.of());
    }

    /** Why a package matters when a recommendation brings it ("tls: certificate verification ..."), or null. */
    public String whyItMatters(String pkg) {
        return matters.getOrDefault(pkg, TOOL_NEEDS_WHY.get(pkg));
    }

    /** Whether the package package facts are generated for this release (archived releases have none). */
    public boolean hasPackages() {
        return !archived && tables != null;
    }

    /** Whether the release has a package (or a virtual package) of that name. */
    public boolean has(String pkg) {
        return hasPackages() && tables.get().names().contains(pkg);
    }

    /**
     * The packages that matter which {@code --no-install-recommends} drops when {@code pkg} is installed (empty when
     * none), or null when the release has no such package or no package facts.
     */
    public List<String> droppedThatMatter(String pkg) {
        if (!has(pkg)) return null;
        List<String> dropped = Tables.list(tables.get().recommends(), pkg);
        if (dropped == null) dropped = List.of();
        List<String> own = TOOL_NEEDS.get(pkg);
        if (own == null) return dropped;
        List<String> all = new java.util.ArrayList<>(dropped);
        for (String p : own) if (has(p) && !all.contains(p)) all.add(p);
        return all;
    }

    /**
     * Recommendations a package's own command needs, which the generated tables leave out because the recommended
     * package rarely matters elsewhere (xauth is a desktop part, except that xvfb's xvfb-run stops without it:
     * "xauth command not found"). Written by hand: xvfb Recommends xauth in every Debian and Ubuntu release the
     * tables cover.
     */
    private static final Map<String, List<String>> TOOL_NEEDS = Map.of("xvfb", List.of("xauth"));

    private static final Map<String, String> TOOL_NEEDS_WHY = Map.of("xauth",
            "x11: xvfb-run calls xauth to set up the display's cookie");

    /** The runtime libraries a -dev package builds against (empty: none needed), or null when not known. */
    public List<String> runtimeOf(String pkg) {
        return hasPackages() ? Tables.list(tables.get().runtimeOf(), pkg) : null;
    }

    @Override
    public String toString() {
        return family + " " + release;
    }
}
