package dev.whittle.facts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/** Build-only and runtime packages (templates/packages.yaml). */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PackageTable(List<String> buildOnly, Map<String, List<String>> buildOnlyFor,
                           Map<String, Map<String, List<String>>> fullImageLibraries, List<String> runTools,
                           List<String> runtime, Map<String, Map<String, Object>> devRuntime,
                           Map<String, Integer> sizes, Map<String, String> install, Map<String, Map<String, String>> tools) {

    /** The approximate installed size of a package in MB (0 when not listed). */
    public int sizeMb(String name) {
        return sizes.getOrDefault(name, 0);
    }

    /** The command installing the packages with the manager, or null when the table has none for it. */
    public String installCommand(String manager, java.util.Collection<String> names) {
        String template = install.get(manager);
        return template == null ? null : template.replace("{packages}", String.join(" ", names));
    }

    /** Whether the package is only needed to build. */
    public boolean buildOnly(String name) {
        return !matches(runtime, name) && matches(buildOnly, name);
    }

    /** Whether the package is only needed to build an app of the language (the JDK and maven for Java). */
    public boolean buildOnly(String name, String language) {
        if (buildOnly(name)) return true;
        List<String> more = buildOnlyFor == null ? null : buildOnlyFor.get(language);
        return more != null && !matches(runtime, name) && matches(more, name);
    }

    /**
     * The -dev packages of the full image a language's packages may have compiled against, by package name (for
     * python: psycopg2 -> libpq-dev); empty when the table has none.
     */
    public Map<String, List<String>> fullImageLibraries(String language) {
        return fullImageLibraries == null ? Map.of() : fullImageLibraries.getOrDefault(language, Map.of());
    }

    /** Whether a build-only package is also a command a start script may run (curl, wget, git). */
    public boolean runTool(String name) {
        return runTools != null && runTools.contains(name);
    }

    /**
     * The runtime package a build-only -dev package pairs with: "" for none needed, null when unknown.
     *
     * @param manager apt, apk or yum
     * @param release the distribution release, for names that differ per release
     */
    public String runtimeOf(String manager, String name, String release) {
        Object v = devRuntime.getOrDefault(manager, Map.of()).get(name);
        if (v instanceof String s) return s;
        if (v instanceof Map<?, ?> m) return (String) m.get(release);
        if (name.endsWith("-dev") || name.endsWith("-devel") || name.endsWith("-headers") || name.endsWith("-static")) {
            return null;
        }
        return "";
    }

    /** The command that installs a tool with the package manager, or null. */
    public String tool(String name, String manager) {
        String command = tools.getOrDefault(name, Map.of()).get(manager);
        return command == null || command.isEmpty() ? null : command;
    }

    private static boolean matches(List<String> patterns, String name) {
        for (String p : patterns) {
            int star = p.indexOf('*');
            if (star < 0 ? p.equals(name) : name.startsWith(p.substring(0, star)) && name.endsWith(p.substring(star + 1))
                    && name.length() >= p.length() - 1) {
                return true;
            }
        }
        return false;
    }
}
