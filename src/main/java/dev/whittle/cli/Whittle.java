package dev.whittle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code whittle} command line. Subcommands hold no logic a library user would need. */
@Command(name = "whittle",
        description = {
            "Rewrite Dockerfiles into smaller, faster, safer builds, with a reason for every change.",
            "",
            "Start with:  whittle optimize --diff Dockerfile"
        },
        mixinStandardHelpOptions = true,
        versionProvider = Whittle.Version.class,
        subcommands = {OptimizeCommand.class, CheckCommand.class, BatchCommand.class, VerifyCommand.class, InspectCommand.class,
            RulesCommand.class, ExplainCommand.class, LspCommand.class,
            ParseCommand.class, CommandLine.HelpCommand.class},
        footer = {"", ExitCodes.HELP})
public final class Whittle implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final java.io.InputStream in;

    private Whittle(java.io.InputStream in) {
        this.in = in;
    }

    /** Standard input, for {@code optimize -}, {@code check -} and {@code lsp}. */
    java.io.InputStream in() {
        return in;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        java.io.PrintWriter out = new java.io.PrintWriter(new ExactWriter(System.out), true);
        java.io.PrintWriter err = new java.io.PrintWriter(new ExactWriter(System.err), true);
        int code = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the CLI with the given output streams and no standard input; returns the exit code. */
    public static int run(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        return run(args, java.io.InputStream.nullInputStream(), out, err);
    }

    /** Runs the CLI with the given streams; returns the exit code. */
    public static int run(String[] args, java.io.InputStream in, java.io.PrintWriter out, java.io.PrintWriter err) {
        CommandLine cli = new CommandLine(new Whittle(in));
        cli.setOut(out);
        cli.setErr(err);
        cli.setUsageHelpWidth(110); // the examples in the help are one line each
        cli.setUsageHelpAutoWidth(true); // narrower on a narrower terminal
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException
                ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("whittle: " + e.getMessage());
            err.println("Try 'whittle " + commandPath(e.getCommandLine()) + "--help' for more information.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("whittle: internal error: " + e);
            err.println("This is a bug in whittle; please report it with the input that caused it.");
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"whittle " + number()};
        }

        static String number() {
            String v = Whittle.class.getPackage().getImplementationVersion();
            return v == null ? "development build" : v;
        }
    }
}
