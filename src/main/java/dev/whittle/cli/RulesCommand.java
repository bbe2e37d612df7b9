package dev.whittle.cli;

import dev.whittle.config.ConfigFile;
import dev.whittle.pass.Pass;
import dev.whittle.core.PassInfo;
import dev.whittle.engine.Passes;
import dev.whittle.engine.RuleTable;
import dev.whittle.userrules.UserRule;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = {"List the passes in the order they run, then the rules of your .whittle.yaml.",
        "", "The user rules shown are those of the nearest .whittle.yaml at or above the current folder (or --config);",
        "they run after the passes."},
        mixinStandardHelpOptions = true)
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the README rule table (built-in passes only).")
    boolean markdown;

    @Mixin
    UserRuleOptions userRules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(RuleTable.markdown());
            out.flush();
            return ExitCodes.OK;
        }
        ConfigFile config = userRules.configFile(spec);
        for (Pass p : Passes.ALL) line(out, p.info());
        if (config != null && !config.rules().isEmpty()) {
            out.println();
            out.println("user rules of " + config.path() + ":");
            for (UserRule r : config.rules()) line(out, r.info());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void line(PrintWriter out, PassInfo i) {
        out.printf("%-22s %-10s %s%n", i.id(), i.level().name().toLowerCase(), i.summary());
    }
}
