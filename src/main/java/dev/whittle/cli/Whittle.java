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
            ParseCommand.class, CommandLine.HelpCommand.class})
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
        String badArgumentFile = ArgumentFiles.problem(args);
        if (badArgumentFile != null) {
            err.println("whittle: " + badArgumentFile);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        CommandLine cli = new CommandLine(new Whittle(in));
        cli.getCommandSpec().usageMessage().footer("", ExitCodes.help().replace("%", "%%"));
        cli.setOut(out);
        cli.setErr(err);
        String unknown = unknownCommand(cli, args);
        if (unknown != null) {
            err.println("whittle: " + unknown);
            err.println("Try 'whittle --help' for the commands.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
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

    /**
     * The message for a first word that is not a command ({@code whittle inspcet --help} would otherwise print the
     * top-level help and exit 0), with the nearest command when one is close; null when it is a command or an
     * option.
     */
    static String unknownCommand(CommandLine cli, String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || args[0].startsWith("@")) return null;
        java.util.Set<String> names = cli.getSubcommands().keySet();
        String word = args[0];
        if (names.contains(word)) return null;
        String nearest = null;
        int best = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), n);
            if (d < best) {
                best = d;
                nearest = n;
            }
        }
        String m = "unknown command '" + word + "'";
        if (best <= Math.max(2, nearest.length() / 2)) return m + "; did you mean '" + nearest + "'?";
        return m + "; the nearest is '" + nearest + "' (commands: " + String.join(", ", names) + ")";
    }

    /** Edit distance, with a swap of two neighbours counting as one edit ("inspcet" is one from "inspect"). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
