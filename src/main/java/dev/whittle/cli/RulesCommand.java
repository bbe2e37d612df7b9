package dev.whittle.cli;

import dev.whittle.pass.Pass;
import dev.whittle.core.PassInfo;
import dev.whittle.engine.Passes;
import dev.whittle.engine.RuleTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = "List the passes in the order they run, with their levels.",
        mixinStandardHelpOptions = true)
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the README rule table.")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(RuleTable.markdown());
        } else {
            for (Pass p : Passes.ALL) {
                PassInfo i = p.info();
                out.printf("%-22s %-10s %s%n", i.id(), i.level().name().toLowerCase(), i.summary());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
