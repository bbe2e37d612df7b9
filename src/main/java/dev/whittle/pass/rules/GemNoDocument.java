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
                    + "the command already says --no-document, -N, --no-rdoc or --no-ri.");

    public GemNoDocument() {
        super("gem");
    }

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    protected Word flagAfter(SimpleCommand c, Context ctx) {
        if (!Commands.isProgram(c, "gem")) return null;
        Word install = Commands.subcommand(c, Set.of("install"));
        if (install == null || c.hasArg("--no-document") || c.hasArg("-N") || c.hasArg("--no-rdoc")
                || c.hasArg("--no-ri")) {
            return null;
        }
        return install;
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
