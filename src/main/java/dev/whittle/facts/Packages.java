package dev.whittle.facts;

import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** System package manager commands: which manager, installing or removing, and the package names. */
public final class Packages {
    /** The characters that start a version constraint (pkg=1.2, pkg>=3, pkg~=1). */
    private static final String VERSION_START = "=<>~";
    private static final java.util.regex.Pattern VERSION_SUFFIX =
            java.util.regex.Pattern.compile("[" + VERSION_START + "].*");
    private Packages() {}

    private static final Set<String> INSTALL = Set.of("install", "add");
    private static final Set<String> REMOVE = Set.of("remove", "purge", "del", "erase", "autoremove");

    /** apt, apk or yum (also dnf, microdnf, zypper), or null when the command is none of them. */
    public static String manager(SimpleCommand c) {
        if (Commands.isProgram(c, "apt-get", "apt", "aptitude")) return "apt";
        if (Commands.isProgram(c, "apk")) return "apk";
        if (Commands.isProgram(c, "yum", "dnf", "microdnf", "tdnf")) return "yum";
        if (Commands.isProgram(c, "zypper")) return "zypper";
        return null;
    }

    public static boolean installs(SimpleCommand c) {
        return Commands.subcommand(c, INSTALL) != null;
    }

    public static boolean removes(SimpleCommand c) {
        return Commands.subcommand(c, REMOVE) != null;
    }

    /** The package names after the subcommand: options skipped, versions ({@code =1.2}) cut off. */
    public static List<String> names(SimpleCommand c) {
        List<String> out = new ArrayList<>();
        boolean after = false;
        boolean skipValue = false;
        for (int k = 1; k < c.words().size(); k++) {
            Word w = c.words().get(k);
            String v = w.literal();
            if (v == null) continue;
            if (!after) {
                after = INSTALL.contains(v) || REMOVE.contains(v);
                continue;
            }
            if (skipValue) {
                skipValue = false;
                continue;
            }
            if (v.startsWith("-")) {
                // apk add --virtual NAME, -t NAME: the next word names a group, not a package
                skipValue = v.equals("--virtual") || v.equals("-t") || v.equals("--repository") || v.equals("-X");
                continue;
            }
            String name = hasVersionSuffix(v) ? VERSION_SUFFIX.matcher(v).replaceAll("") : v;
            if (!name.isEmpty()) out.add(name);
        }
        return out;
    }

    private static boolean hasVersionSuffix(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (VERSION_START.indexOf(word.charAt(k)) >= 0) return true;
        }
        return false;
    }

    /** The group an {@code apk add --virtual GROUP} (or {@code -t GROUP}) installs into, or null. */
    public static String virtualGroup(SimpleCommand c) {
        if (!"apk".equals(manager(c))) return null;
        List<String> args = c.args();
        for (int k = 0; k + 1 < args.size(); k++) {
            if (args.get(k).equals("--virtual") || args.get(k).equals("-t")) return args.get(k + 1);
        }
        for (String a : args) if (a.startsWith("--virtual=")) return a.substring("--virtual=".length());
        return null;
    }
}
