package dev.whittle.cli;

import dev.whittle.pass.Pass;
import dev.whittle.core.PassInfo;
import dev.whittle.engine.Passes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", description = "Explain one pass: what it rewrites, why, and when it leaves things alone.",
        mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "A pass id (see: whittle rules).")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Pass p = Passes.byId(id);
        if (p == null) throw new ParameterException(spec.commandLine(), "unknown pass '" + id + "' (see: whittle rules)");
        PassInfo i = p.info();
        PrintWriter out = spec.commandLine().getOut();
        out.println(i.id() + ": " + i.title());
        out.println("level: " + i.level().name().toLowerCase()
                + (i.related().isEmpty() ? "" : "; resolves: " + String.join(", ", i.related())));
        out.println();
        out.println(i.summary());
        out.println();
        out.println(i.explanation());
        out.println();
        out.println("Suppress it above an instruction with: # whittle ignore=" + i.id());
        out.flush();
        return ExitCodes.OK;
    }
}
