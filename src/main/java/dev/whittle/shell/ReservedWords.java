package dev.whittle.shell;

import dev.whittle.shell.grammar.ShellLexer;
import java.util.Map;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * Gives reserved words their own token type where the shell treats them as reserved: in command
 * position (after an operator, a newline or another reserved word), {@code in} after
 * {@code for NAME} / {@code case WORD}, and {@code esac} where a case pattern could start.
 */
final class ReservedWords implements TokenSource {
    private static final Map<String, Integer> RESERVED = Map.ofEntries(
            Map.entry("if", ShellLexer.IF), Map.entry("then", ShellLexer.THEN), Map.entry("elif", ShellLexer.ELIF),
            Map.entry("else", ShellLexer.ELSE), Map.entry("fi", ShellLexer.FI), Map.entry("for", ShellLexer.FOR),
            Map.entry("do", ShellLexer.DO), Map.entry("done", ShellLexer.DONE), Map.entry("while", ShellLexer.WHILE),
            Map.entry("until", ShellLexer.UNTIL), Map.entry("case", ShellLexer.CASE), Map.entry("esac", ShellLexer.ESAC),
            Map.entry("{", ShellLexer.LBRACE), Map.entry("}", ShellLexer.RBRACE), Map.entry("!", ShellLexer.BANG));

    private final ShellLexer lexer;
    private boolean commandPosition = true;
    private boolean redirectTarget;
    /** 1: after "for" (name next), 2: after the name ("in" or "do" next), 3: in the word list. */
    private int forState;
    /** 1: after "case" (subject next), 2: after the subject ("in" next), 3: at a pattern. */
    private int caseState;

    ReservedWords(ShellLexer lexer) {
        this.lexer = lexer;
    }

    @Override
    public Token nextToken() {
        dev.whittle.syntax.WorkBudget.check();
        Token t = lexer.nextToken();
        if (t.getChannel() != Token.DEFAULT_CHANNEL) return t;
        int type = t.getType();
        if (type == ShellLexer.WORD) {
            word((CommonToken) t);
            return t;
        }
        redirectTarget = type == ShellLexer.REDIRECT;
        switch (type) {
            case ShellLexer.SEMI, ShellLexer.AMP, ShellLexer.AND_IF, ShellLexer.OR_IF, ShellLexer.PIPE,
                 ShellLexer.NEWLINE, ShellLexer.LPAREN -> {
                if (forState == 3) forState = 0;
                commandPosition = caseState != 3 || type != ShellLexer.PIPE && type != ShellLexer.LPAREN;
            }
            case ShellLexer.DSEMI -> {
                caseState = 3;
                commandPosition = false;
            }
            case ShellLexer.RPAREN -> {
                commandPosition = caseState == 3;
                if (caseState == 3) caseState = 4; // inside a case item's commands
            }
            default -> { }
        }
        return t;
    }

    private void word(CommonToken t) {
        String text = t.getText();
        if (redirectTarget) {
            redirectTarget = false;
            return;
        }
        if (forState == 1) { forState = 2; return; }
        if (forState == 2) {
            if (text.equals("in")) { t.setType(ShellLexer.IN); forState = 3; commandPosition = false; return; }
            forState = 0;
        }
        if (forState == 3) return;
        if (caseState == 1) { caseState = 2; return; }
        if (caseState == 2) {
            if (text.equals("in")) { t.setType(ShellLexer.IN); caseState = 3; }
            return;
        }
        if (caseState == 3) {
            if (text.equals("esac")) { t.setType(ShellLexer.ESAC); caseState = 0; commandPosition = false; }
            return;
        }
        Integer reserved = commandPosition ? RESERVED.get(text) : null;
        if (reserved == null) {
            commandPosition = false;
            return;
        }
        t.setType(reserved);
        switch (reserved) {
            case ShellLexer.FOR -> { forState = 1; commandPosition = false; }
            case ShellLexer.CASE -> { caseState = 1; commandPosition = false; }
            case ShellLexer.ESAC -> { caseState = 0; commandPosition = false; }
            case ShellLexer.FI, ShellLexer.DONE, ShellLexer.RBRACE -> commandPosition = false;
            default -> commandPosition = true;
        }
        if (reserved == ShellLexer.ESAC) caseState = 0;
    }

    @Override public int getLine() { return lexer.getLine(); }
    @Override public int getCharPositionInLine() { return lexer.getCharPositionInLine(); }
    @Override public org.antlr.v4.runtime.CharStream getInputStream() { return lexer.getInputStream(); }
    @Override public String getSourceName() { return lexer.getSourceName(); }
    @Override public void setTokenFactory(org.antlr.v4.runtime.TokenFactory<?> factory) { lexer.setTokenFactory(factory); }
    @Override public org.antlr.v4.runtime.TokenFactory<?> getTokenFactory() { return lexer.getTokenFactory(); }
}
