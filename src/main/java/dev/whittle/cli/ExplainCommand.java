package dev.whittle.cli;

import dev.whittle.config.ConfigFile;
import dev.whittle.pass.Pass;
import dev.whittle.core.PassInfo;
import dev.whittle.engine.Passes;
import dev.whittle.report.Explanation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", description = {"Explain one pass: what it rewrites, why, and when it leaves things alone.",
        "A user rule of the nearest .whittle.yaml is explained too."},
        mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "A pass or user rule id (see: whittle rules).")
    String id;

    @Mixin
    UserRuleOptions userRules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Pass p = Passes.byId(id);
        PassInfo info = p != null ? p.info() : null;
        if (info == null) {
            ConfigFile config = userRules.configFile(spec);
            if (config != null && config.rule(id) != null) info = config.rule(id).info();
        }
        if (info == null) throw new ParameterException(spec.commandLine(), "unknown pass '" + id + "' (see: whittle rules)");
        PrintWriter out = spec.commandLine().getOut();
        out.print(Explanation.of(info));
        out.flush();
        return ExitCodes.OK;
    }
}
