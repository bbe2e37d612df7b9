package dev.whittle.userrules;

import dev.whittle.facts.Commands;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A package manager as the user rules see it: which commands install, which of their options take a value
 * (so the value is not read as a package), and how a package can carry a version (such a word is not renamed:
 * the version belongs to the old name).
 */
enum Manager {
    APT(Set.of("apt-get", "apt"), Set.of("install"), Set.of("-o", "--option", "-t", "--target-release", "-c",
            "--config-file"), "=/"),
    APK(Set.of("apk"), Set.of("add"), Set.of("-X", "--repository", "-t", "--virtual", "-p", "--root", "--arch",
            "--cache-dir", "--keys-dir", "--repositories-file"), "=<>~"),
    DNF(Set.of("dnf"), Set.of("install"), Set.of("-c", "--config", "--releasever", "--installroot", "--enablerepo",
            "--disablerepo", "--repo", "--setopt", "-x", "--exclude"), "<>="),
    YUM(Set.of("yum"), Set.of("install"), DNF.valueFlags, "<>="),
    MICRODNF(Set.of("microdnf"), Set.of("install"), Set.of("--enablerepo", "--disablerepo", "--releasever",
            "--installroot", "--config", "--setopt"), "<>="),
    ZYPPER(Set.of("zypper"), Set.of("install", "in"), Set.of("-r", "--repo", "-t", "--type", "--from"), "<>="),
    PIP(Set.of("pip"), Set.of("install"), Set.of("-r", "--requirement", "-c", "--constraint", "-e", "--editable",
            "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root",
            "--src", "--platform", "--python-version", "--implementation", "--abi", "--trusted-host", "--cache-dir",
            "--log", "--proxy", "--timeout", "--retries", "--exists-action", "--cert", "--client-cert",
            "--global-option", "--config-settings", "-C", "--upgrade-strategy", "--no-binary", "--only-binary",
            "--progress-bar"), "=<>!~[;@"),
    NPM(Set.of("npm"), Set.of("install", "i", "add", "ci"), Set.of("--registry", "--prefix", "-w", "--workspace", "--tag",
            "--cache", "--userconfig"), "@"),
    GEM(Set.of("gem"), Set.of("install"), Set.of("-v", "--version", "-i", "--install-dir", "-n", "--bindir", "-s",
            "--source", "--platform"), ":");

    private final Set<String> programs;
    private final Set<String> subcommands;
    private final Set<String> valueFlags;
    private final String versionMarks;

    Manager(Set<String> programs, Set<String> subcommands, Set<String> valueFlags, String versionMarks) {
        this.programs = programs;
        this.subcommands = subcommands;
        this.valueFlags = valueFlags;
        this.versionMarks = versionMarks;
    }

    /** The name as written in .whittle.yaml. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Manager parse(String label) {
        for (Manager m : values()) if (m.label().equals(label)) return m;
        return null;
    }

    static String labels() {
        List<String> all = new ArrayList<>();
        for (Manager m : values()) all.add(m.label());
        return String.join(", ", all);
    }

    /** The programs whose text a RUN must mention to hold an install of this manager. */
    List<String> programs() {
        return this == PIP ? List.of("pip") : List.copyOf(programs);
    }

    /** The install subcommand's word when the command installs with this manager, else null. */
    Word install(SimpleCommand c) {
        if (this == PIP) return Commands.pipInstall(c);
        if (!Commands.isProgram(c, programs.toArray(String[]::new))) return null;
        return Commands.subcommand(c, subcommands);
    }

    /** The words after the install subcommand that name packages (options and their values left out). */
    List<Word> packages(SimpleCommand c, Word install) {
        List<Word> out = new ArrayList<>();
        List<Word> words = c.words();
        int k = words.indexOf(install) + 1;
        for (; k < words.size(); k++) {
            Word w = words.get(k);
            String v = w.literal();
            if (v == null) continue;
            if (v.startsWith("-")) {
                if (valueFlags.contains(v)) k++;
                continue;
            }
            out.add(w);
        }
        return out;
    }

    /** Whether a package word names {@code name} with a version, release or extra attached ({@code python=2.7}). */
    boolean versioned(String word, String name) {
        return word.length() > name.length() && word.startsWith(name) && versionMarks.indexOf(word.charAt(name.length())) >= 0;
    }
}
