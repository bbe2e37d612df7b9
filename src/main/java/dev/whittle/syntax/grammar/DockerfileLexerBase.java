package dev.whittle.syntax.grammar;

import dev.whittle.syntax.CommandParser;
import dev.whittle.syntax.LexedInstruction;
import dev.whittle.syntax.SyntaxError;
import dev.whittle.tree.Command;
import dev.whittle.tree.Heredoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * The state BuildKit's line reader keeps, which a context-free grammar cannot: the escape character,
 * where the directive prologue ends, whether a line start is inside a continuation, the logical line
 * being joined, and the heredoc bodies still to read. At the end of each logical line it reads the
 * command ({@link CommandParser}), finds heredoc markers, and records a {@link LexedInstruction}.
 */
public abstract class DockerfileLexerBase extends Lexer {
    private char escape = '\\';
    private int prologueEnd;
    private boolean inInstruction;
    private boolean lastWasContinuation;
    private boolean emptyContinuationLine;
    private int instructionLine;
    private final StringBuilder logical = new StringBuilder();
    private final ArrayDeque<Heredoc> pending = new ArrayDeque<>();
    private final StringBuilder heredocContent = new StringBuilder();
    private final List<Heredoc> heredocs = new ArrayList<>();
    private LexedInstruction current;
    private final List<LexedInstruction> instructions = new ArrayList<>();
    private boolean atEof;

    protected DockerfileLexerBase(CharStream input) {
        super(input);
    }

    /** Sets the escape character and the end of the directive prologue; call before lexing. */
    public void configure(char escapeChar, int directivesEnd) {
        this.escape = escapeChar;
        this.prologueEnd = directivesEnd;
        mode(lineMode());
    }

    /** The instructions read so far, in order. */
    public List<LexedInstruction> instructions() {
        return instructions;
    }

    private int lineMode() {
        return escape == '`' ? DockerfileLexer.LINE_BT : DockerfileLexer.DEFAULT_MODE;
    }

    private void start() {
        if (!inInstruction) {
            inInstruction = true;
            instructionLine = _tokenStartLine;
            logical.setLength(0);
            emptyContinuationLine = false;
        }
    }

    protected void blankLine() {
        if (inInstruction) {
            setType(DockerfileLexer.SKIPPED_LINE);
            emptyContinuationLine = true;
        } else {
            setType(DockerfileLexer.BLANK_LINE);
        }
    }

    protected void commentLine() {
        if (inInstruction) setType(DockerfileLexer.SKIPPED_LINE);
        else if (_tokenStartCharIndex < prologueEnd) setType(DockerfileLexer.DIRECTIVE);
        else setType(DockerfileLexer.COMMENT_LINE);
    }

    protected void indent() {
        if (inInstruction) {
            setType(DockerfileLexer.LINE_WS);
            logical.append(getText());
        } else {
            setType(DockerfileLexer.INDENT);
        }
    }

    protected void text(int instructionMode) {
        setType(DockerfileLexer.TEXT);
        start();
        logical.append(getText());
        lastWasContinuation = false;
        mode(instructionMode);
    }

    protected void continuation() {
        setType(DockerfileLexer.CONTINUATION);
        start();
        lastWasContinuation = true;
        mode(lineMode());
    }

    protected void endOfLine() {
        setType(DockerfileLexer.NEWLINE);
        finishLogicalLine();
        mode(pending.isEmpty() ? lineMode() : DockerfileLexer.HEREDOC);
    }

    protected void heredocLine() {
        String text = getText();
        Heredoc h = pending.peek();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        int begin = 0;
        if (h.chomp()) {
            while (begin < end && text.charAt(begin) == '\t') begin++;
        }
        if (text.regionMatches(begin, h.name(), 0, h.name().length()) && end - begin == h.name().length()) {
            setType(DockerfileLexer.HEREDOC_END);
            pending.poll();
            heredocs.add(h.withContent(heredocContent.toString()));
            heredocContent.setLength(0);
            if (pending.isEmpty()) {
                current.heredocs().addAll(heredocs);
                heredocs.clear();
                mode(lineMode());
            }
        } else {
            setType(DockerfileLexer.HEREDOC_LINE);
            heredocContent.append(text);
        }
    }

    private void finishLogicalLine() {
        inInstruction = false;
        if (!lastWasContinuation) {
            int e = logical.length();
            while (e > 0 && logical.charAt(e - 1) == '\r') e--;
            logical.setLength(e);
        }
        String line = logical.toString();
        Command command;
        List<Heredoc> markers = List.of();
        try {
            command = CommandParser.parse(line, escape);
            if (command.canContainHeredoc() && line.contains("<<")) {
                markers = dev.whittle.syntax.Heredocs.markers(line);
            }
        } catch (CommandParser.CommandError e) {
            throw new SyntaxError(instructionLine, 1, e.getMessage());
        }
        current = new LexedInstruction(instructionLine, command, new ArrayList<>(), emptyContinuationLine);
        instructions.add(current);
        pending.addAll(markers);
    }

    @Override
    public Token nextToken() {
        dev.whittle.syntax.WorkBudget.check();
        Token t = super.nextToken();
        if (t.getType() == Token.EOF && !atEof) {
            atEof = true;
            if (inInstruction) finishLogicalLine();
            if (!pending.isEmpty()) {
                Heredoc h = pending.peek();
                throw new SyntaxError(current.line(), 1, "unterminated heredoc: no line \"" + h.name()
                        + "\" ends the heredoc body before the end of the file");
            }
        }
        return t;
    }
}
