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
 * @param handedOver the words an entrypoint script hands over to with {@code exec "$@"} (the program the planners
 *                   look at), or null when the start command names the program itself
 */
public record SplitInput(Dockerfile file, StageFacts facts, ImageInfo builder, BuildContext context, Knowledge knowledge,
                         Level level, java.util.List<String> handedOver) {

    public SplitInput(Dockerfile file, StageFacts facts, ImageInfo builder, BuildContext context, Knowledge knowledge,
                      Level level) {
        this(file, facts, builder, context, knowledge, level, null);
    }

    /** The same input, with the program an entrypoint script hands over to as the start program. */
    SplitInput handingOverTo(java.util.List<String> words) {
        return new SplitInput(file, facts, builder, context, knowledge, level, words);
    }

    /**
     * The start command's words with a leading {@code exec} dropped (a shell-form command's ENV variables
     * replaced by their values); null when not literal.
     */
    public java.util.List<String> argv() {
        if (handedOver != null) return handedOver;
        java.util.List<String> argv = facts.start().argv(facts.env());
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
