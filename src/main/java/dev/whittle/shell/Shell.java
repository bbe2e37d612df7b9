package dev.whittle.shell;

import dev.whittle.shell.grammar.ShellLexer;
import dev.whittle.shell.grammar.ShellParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Parses shell text (a RUN body) into a {@link Script}. */
public final class Shell {
    private Shell() {}

    private static final class Failure extends RuntimeException {
        Failure(String message) { super(message, null, false, false); }
    }

    public static Script parse(String text) {
        return parse(text, false);
    }

    /**
     * @param withinLimits the text is known to be within {@link ShellLimits} (checked already), so it is not
     *                     scanned again
     */
    public static Script parse(String text, boolean withinLimits) {
        String beyond = withinLimits ? null : ShellLimits.check(text);
        if (beyond != null) return new Script(text, List.of(), List.of(), "not analysed: " + beyond);
        ShellLexer lexer = new ShellLexer(CharStreams.fromString(text));
        BaseErrorListener fail = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object sym, int line, int col, String msg, RecognitionException e) {
                throw new Failure("column " + (col + 1) + ": " + msg);
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(fail);
        CommonTokenStream tokens = new CommonTokenStream(new ReservedWords(lexer));
        ShellParser parser = new ShellParser(tokens);
        parser.removeErrorListeners();
        try {
            ShellParser.ScriptContext root;
            // the fast strategy first (SLL prediction, stop at the first problem, no message); full LL only when
            // it gives up, and only that one says why a script does not parse (with the column)
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            try {
                root = parser.script();
            } catch (ParseCancellationException e) {
                tokens.seek(0);
                parser.reset();
                parser.addErrorListener(fail);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                parser.setErrorHandler(new DefaultErrorStrategy());
                root = parser.script();
            }
            Offsets offsets = new Offsets(text);
            List<Step> steps = new ArrayList<>();
            List<SimpleCommand> all = new ArrayList<>();
            if (root.list() != null) collectSteps(root.list(), steps, all, offsets);
            return new Script(text, List.copyOf(steps), List.copyOf(all), null);
        } catch (Failure e) {
            return new Script(text, List.of(), List.of(), e.getMessage());
        }
    }

    private static void collectSteps(ShellParser.ListContext list, List<Step> steps, List<SimpleCommand> all,
                                     Offsets offsets) {
        String connector = "";
        for (ParseTree child : list.children) {
            if (child instanceof ShellParser.SeparatorContext sep) {
                connector = sep.SEMI() != null ? ";" : sep.AMP() != null ? "&" : "\n";
            } else if (child instanceof ShellParser.AndOrContext andOr) {
                for (ParseTree c : andOr.children) {
                    if (c instanceof TerminalNode t) {
                        connector = t.getSymbol().getType() == ShellLexer.AND_IF ? "&&"
                                : t.getSymbol().getType() == ShellLexer.OR_IF ? "||" : connector;
                    } else if (c instanceof ShellParser.PipelineContext p) {
                        List<SimpleCommand> cmds = new ArrayList<>();
                        collectCommands(p, 0, cmds, offsets);
                        boolean compound = p.command().stream().anyMatch(x -> x.compound() != null);
                        steps.add(new Step(connector, offsets.start(p), offsets.end(p), List.copyOf(cmds), compound));
                        all.addAll(cmds);
                    }
                }
            }
        }
    }

    private static void collectCommands(ParseTree node, int depth, List<SimpleCommand> out, Offsets offsets) {
        if (node instanceof ShellParser.SimpleCommandContext sc) {
            out.add(simple(sc, depth, offsets));
            return;
        }
        int inner = node instanceof ShellParser.CompoundContext ? depth + 1 : depth;
        for (int i = 0; i < node.getChildCount(); i++) collectCommands(node.getChild(i), inner, out, offsets);
    }

    private static SimpleCommand simple(ShellParser.SimpleCommandContext sc, int depth, Offsets offsets) {
        List<Word> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        for (ParseTree c : sc.children) {
            if (c instanceof ShellParser.RedirectContext r) {
                Token op = r.REDIRECT().getSymbol();
                redirects.add(new Redirect(op.getText(), word(r.WORD().getSymbol(), offsets), offsets.start(r), offsets.end(r)));
            } else {
                Word w = word(((TerminalNode) c).getSymbol(), offsets);
                if (words.isEmpty() && isAssignment(w.text())) assignments.add(w);
                else words.add(w);
            }
        }
        return new SimpleCommand(List.copyOf(assignments), List.copyOf(words), List.copyOf(redirects),
                offsets.start(sc), offsets.end(sc), depth);
    }

    private static boolean isAssignment(String w) {
        int eq = w.indexOf('=');
        if (eq <= 0) return false;
        for (int i = 0; i < eq; i++) {
            char c = w.charAt(i);
            if (!(c == '_' || Character.isLetter(c) || (i > 0 && Character.isDigit(c)))) return false;
        }
        return true;
    }

    private static Word word(Token t, Offsets offsets) {
        return new Word(t.getText(), offsets.of(t.getStartIndex()), offsets.of(t.getStopIndex() + 1));
    }

    /** ANTLR indexes code points; Java strings index UTF-16 units. */
    private static final class Offsets {
        private final String text;
        private final boolean simple;

        Offsets(String text) {
            this.text = text;
            this.simple = text.codePointCount(0, text.length()) == text.length();
        }

        int of(int codePointIndex) {
            return simple ? codePointIndex : text.offsetByCodePoints(0, codePointIndex);
        }

        int start(ParserRuleContext ctx) {
            return of(ctx.start.getStartIndex());
        }

        int end(ParserRuleContext ctx) {
            return of(ctx.stop.getStopIndex() + 1);
        }
    }
}
