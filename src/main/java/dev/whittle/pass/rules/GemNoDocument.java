package dev.whittle.pass.rules;

import dev.whittle.pass.CacheRule;
import dev.whittle.facts.Commands;
import dev.whittle.core.Level;
import dev.whittle.core.PassInfo;
import dev.whittle.shell.SimpleCommand;
import dev.whittle.shell.Word;
import java.util.List;
import java.util.Set;

/** {@code gem install} gets {@code --no-document}. */
public final class GemNoDocument extends CacheRule {
    private static final PassInfo INFO = new PassInfo("gem-no-document", "gem install without documentation",
            "Add --no-document to gem install so ri/rdoc documentation is not generated into the layer.",
            Level.SAFE, List.of(),
            "gem install generates ri and rdoc documentation for every gem unless told not to; nobody reads it "
                    + "inside a container and it costs build time and space. whittle adds --no-document unless "
                    + "the command already says --no-document, -N, --no-rdoc or --no-ri. The option came with RubyGems 2.0 "
                    + "(Ruby 2.0): it is added only where that is known (a ruby image of 2.0 or newer, or a Debian, Ubuntu, "
                    + "alpine or RHEL-family release whose packaged Ruby is), and not when the build installs its own Ruby "
                    + "(rvm, rbenv, ruby-build).");

    public GemNoDocument() {
        super("gem");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected Word flagAfter(SimpleCommand c, Context ctx) {
        Word install = installWithoutFlag(c);
        return install != null && whyNot(ctx) == null ? install : null; // only where RubyGems is known to have it
    }

    private static Word installWithoutFlag(SimpleCommand c) {
        if (!Commands.isProgram(c, "gem")) return null;
        Word install = Commands.subcommand(c, Set.of("install"));
        if (install == null || c.hasArg("--no-document") || c.hasArg("-N") || c.hasArg("--no-rdoc")
                || c.hasArg("--no-ri")) {
            return null;
        }
        return install;
    }

    /**
     * Releases whose packaged Ruby is 2.0 or newer (RubyGems 2.0 brought --no-document; an older gem stops with
     * "invalid option"): Debian from jessie (ruby 2.1), Ubuntu from xenial (2.3), every alpine 3 branch (2.0 and
     * newer), RHEL-family 7 and newer (ruby 2.0.0). Not here: Debian wheezy and Ubuntu trusty (1.9.3), CentOS 6 (1.8.7).
     */
    private static final Set<String> RUBY_2 = Set.of("debian jessie", "debian stretch", "debian buster", "debian bullseye",
            "debian bookworm", "debian trixie", "debian forky", "debian sid", "ubuntu xenial", "ubuntu bionic", "ubuntu focal",
            "ubuntu jammy", "ubuntu noble", "ubuntu resolute");

    private static final java.util.regex.Pattern OWN_RUBY = java.util.regex.Pattern.compile("\\b(rvm|rbenv|ruby-build|ruby-install|chruby)\\b");

    /** Why --no-document cannot be added here (the RubyGems version is not known, or older than 2.0), or null. */
    private static String whyNot(Context ctx) {
        for (var i : ctx.stage().instructions()) {
            if (OWN_RUBY.matcher(i.command().original()).find()) {
                return "--no-document not added: the build installs its own Ruby, whose RubyGems version is not known (the "
                        + "option needs RubyGems 2.0)";
            }
        }
        var sources = ctx.pass().knowledge().facts();
        var official = sources.images().lookup(dev.whittle.facts.ImageRef.parse(ctx.stage().baseImage()));
        if (official != null && "ruby".equals(official.language()) && official.version() != null) {
            return dev.whittle.facts.ToolVersions.atLeast(official.version(), "2.0") ? null
                    : "--no-document not added: Ruby " + official.version() + " has RubyGems older than 2.0, which lacks it";
        }
        var release = dev.whittle.facts.BaseRelease.of(ctx.file(), ctx.stage(), sources);
        if (release != null && (RUBY_2.contains(release.toString()) || release.family().equals("alpine")
                && release.release().startsWith("3.") || release.family().equals("rhel") && release.release().matches("[7-9]|1\\d"))) {
            return null;
        }
        return "--no-document not added: which RubyGems runs here is not known (the option needs RubyGems 2.0)";
    }

    /**
     * The official ruby images write {@code install: --no-document} to /usr/local/etc/gemrc (docker-library/ruby, in
     * every image from Ruby 2.3 on): there the flag changes nothing, and saying it saves something would mislead.
     */
    @Override
    protected boolean cacheOff(Context ctx) {
        var official = ctx.pass().knowledge().facts().images().lookup(dev.whittle.facts.ImageRef.parse(ctx.stage().baseImage()));
        return official != null && "ruby".equals(official.repository()) && official.version() != null
                && dev.whittle.facts.ToolVersions.atLeast(official.version(), "2.3");
    }

    @Override
    protected String reasonWhenNone(Context ctx) {
        for (SimpleCommand c : ctx.script().script().commands()) {
            if (installWithoutFlag(c) != null) return whyNot(ctx);
        }
        return null;
    }

    @Override
    protected String flag() {
        return "--no-document";
    }

    @Override
    protected String message() {
        return "gem install --no-document: no ri/rdoc documentation in the layer";
    }
}
