package dev.whittle.syntax;

import dev.whittle.syntax.grammar.DockerfileLexer;
import dev.whittle.syntax.grammar.DockerfileParser;
import dev.whittle.tree.Instruction;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns the parse tree into whittle's tree: trivia becomes the next instruction's prefix. */
final class TreeBuilder {
    private TreeBuilder() {}

    record Built(List<Instruction> instructions, String trailing) {}

    static Built build(DockerfileParser.DockerfileContext root, CommonTokenStream tokens,
                       List<LexedInstruction> lexed) {
        List<Instruction> out = new ArrayList<>(lexed.size());
        StringBuilder prefix = new StringBuilder();
        int next = 0;
        for (int c = 0; c < root.getChildCount(); c++) {
            ParseTree child = root.getChild(c);
            if (child instanceof TerminalNode t) {
                int type = t.getSymbol().getType();
                if (type == Token.EOF || type == DockerfileLexer.DIRECTIVE) continue;
                prefix.append(t.getText());
                continue;
            }
            DockerfileParser.InstructionContext ctx = (DockerfileParser.InstructionContext) child;
            LexedInstruction info = lexed.get(next++);
            StringBuilder text = new StringBuilder();
            int first = ctx.start.getTokenIndex();
            int last = ctx.stop.getTokenIndex();
            if (ctx.INDENT() != null) {
                prefix.append(ctx.INDENT().getText());
                first++;
            }
            for (int i = first; i <= last; i++) text.append(tokens.get(i).getText());
            String eol = "";
            if (text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
                text.setLength(text.length() - 1);
                eol = "\n";
            }
            out.add(new Instruction(prefix.toString(), text.toString(), eol, info.line(),
                    tokens.get(last).getLine(), info.command(), List.copyOf(info.heredocs()),
                    info.emptyContinuationLine()));
            prefix.setLength(0);
        }
        return new Built(out, prefix.toString());
    }
}
