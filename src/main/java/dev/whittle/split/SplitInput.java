package dev.whittle.split;

import dev.whittle.facts.BuildContext;
import dev.whittle.facts.StageFacts;
import dev.whittle.core.Level;
import dev.whittle.facts.Catalog.ImageInfo;
import dev.whittle.tree.Dockerfile;

/**
 * What a language planner looks at.
 *
 * @param file      the Dockerfile
 * @param facts     the single stage, analysed
 * @param builder   the catalog's entry for the stage's base image, or null when unknown
 * @param context   the build context (maybe none)
 * @param knowledge catalog, packages and templates
 * @param level     the level asked for
 */
public record SplitInput(Dockerfile file, StageFacts facts, ImageInfo builder, BuildContext context, Knowledge knowledge,
                         Level level) {

    /** The start command's words with a leading {@code exec} dropped; null when not literal. */
    public java.util.List<String> argv() {
        java.util.List<String> argv = facts.start().argv();
        if (argv != null && !argv.isEmpty() && argv.get(0).equals("exec")) argv = argv.subList(1, argv.size());
        return argv;
    }

    /** The language version the base image carries (the official images' facts, else the tag's number), or "". */
    public String languageVersion() {
        var official = knowledge.facts().images().lookup(facts.image());
        if (official != null && official.version() != null) return official.version();
        return facts.image().version();
    }

    /** The first number of {@link #languageVersion()}, or -1. */
    public int languageMajor() {
        String v = languageVersion();
        String first = v.split("\\.")[0];
        return first.isEmpty() || first.length() > 6 || !first.chars().allMatch(Character::isDigit) ? -1 : Integer.parseInt(first);
    }

    /** The package manager of the builder's distribution: apt, apk or yum (null when unknown). */
    public String manager() {
        if (facts.manager() != null) return facts.manager();
        if (builder == null) return null;
        return switch (builder.family()) {
            case "debian", "ubuntu" -> "apt";
            case "alpine" -> "apk";
            case "rhel" -> "yum";
            default -> null;
        };
    }
}
