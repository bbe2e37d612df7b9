package dev.whittle.shell;

import dev.whittle.shell.grammar.ShellLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * What the shell grammar is given, checked in linear time before it runs (the grammar stays the parser of
 * record): a body of at most {@link #MAX_CHARS}, quotes and substitutions nested at most {@link #MAX_QUOTING}
 * deep (the lexer's work grows exponentially with that depth: `$(` nested 16 deep took 36 s), and compound
 * commands (subshells, groups, if, for, while, case) nested at most {@link #MAX_NESTING} deep (the parser
 * recurses once per level). Real RUN bodies stay far inside: the corpus's largest is 17 KB, its deepest quoting
 * 6 levels.
 */
public final class ShellLimits {
    private ShellLimits() {}

    public static final int MAX_CHARS = 256 * 1024;
    public static final int MAX_QUOTING = 10;
    public static final int MAX_NESTING = 64;

    /** Why the text is beyond what whittle analyses, or null when it is within the limits. */
    public static String check(String text) {
        if (text.length() > MAX_CHARS) {
            return "a shell body of " + size(text.length()) + "; whittle analyses bodies of up to " + size(MAX_CHARS);
        }
        long scan = scan(text);
        int quoting = (int) (scan >>> 32);
        if (quoting > MAX_QUOTING) {
            return "quotes and substitutions ($( ), ${ }, \" \") nested " + quoting + " deep; whittle analyses up to "
                    + MAX_QUOTING;
        }
        // compound commands cannot nest deeper than there are words that could open one: lex only when there are many
        if ((int) scan > MAX_NESTING) {
            int nesting = compoundDepth(text);
            if (nesting > MAX_NESTING) {
                return "compound commands (subshells, { }, if, for, while, case) nested " + nesting
                        + " deep; whittle analyses up to " + MAX_NESTING;
            }
        }
        return null;
    }

    private static String size(int chars) {
        return chars >= 1 << 20 ? String.format("%.1f MB", chars / (double) (1 << 20)) : (chars >> 10) + " KB";
    }

    /**
     * One pass over the text: in the high half the deepest nesting of double quotes, {@code $( )} (and
     * parentheses inside it) and {@code ${ }}, read with the lexer's rules (single quotes, backquotes and
     * comments hold no nesting, a backslash escapes the next character); in the low half how many characters and
     * words could open a compound command, an upper bound of how deep those nest.
     */
    static long scan(String s) {
        // contexts on the stack: '"' double quotes, '(' a substitution or a parenthesis inside one, '{' ${ }
        char[] stack = new char[MAX_QUOTING + 2];
        int depth = 0;
        int max = 0;
        int openers = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            byte kind = c < 128 ? KIND[c] : PLAIN;
            if (kind == PLAIN) continue; // most characters: one table look-up
            if (kind == WORD_START) {
                // if, for, while, until, case at the start of a word could open a compound command
                if ((i == 0 || s.charAt(i - 1) < 128 && SEPARATOR[s.charAt(i - 1)]) && opensCompound(s, i, c)) openers++;
                continue;
            }
            if (c == '(' || c == '{') openers++;
            if (max > MAX_QUOTING) continue; // past the limit: only the openers are still counted
            char top = depth == 0 ? 0 : stack[depth - 1];
            char push = 0;
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                if (i + 1 < n && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
                    push = s.charAt(++i);
                    openers++;
                }
            } else if (c == '(') {
                if (top == '(') push = '(';
            } else if ((c == ')' && top == '(') || (c == '}' && top == '{') || (c == '"' && top == '"')) {
                depth--;
            } else if (c == '"') {
                push = '"';
            } else if (c == '\'') {
                if (top != '"') {
                    int close = s.indexOf('\'', i + 1);
                    i = close < 0 ? n : close;
                }
            } else if (c == '`') {
                i = skipBackquoted(s, i);
            } else if (c == '#' && depth == 0 && (i == 0 || endsToken(s.charAt(i - 1)))) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            }
            if (push != 0) {
                stack[Math.min(depth, stack.length - 1)] = push;
                depth++;
                max = Math.max(max, depth);
            }
        }
        return ((long) max << 32) | openers;
    }

    private static final byte PLAIN = 0;
    private static final byte SPECIAL = 1;
    private static final byte WORD_START = 2;
    /** What an ASCII character is to the scan: nothing, a quoting or nesting character, the first letter of a keyword. */
    private static final byte[] KIND = new byte[128];
    /** Characters after which a word starts (blanks, operators, the start of a group). */
    private static final boolean[] SEPARATOR = new boolean[128];

    static {
        for (char c : "\\$()\"'`{}#".toCharArray()) KIND[c] = SPECIAL;
        for (char c : "ifwuc".toCharArray()) KIND[c] = WORD_START;
        for (char c : " \t\r\n\u000B\f;&|()!{}<>".toCharArray()) SEPARATOR[c] = true;
    }

    /** A character after which a '#' starts a comment: blanks and operators end a word. */
    private static boolean endsToken(char c) {
        return " \t\r\n\u000B\f|&;()<>".indexOf(c) >= 0;
    }

    private static boolean opensCompound(String s, int i, char c) {
        return switch (c) {
            case 'i' -> s.startsWith("if", i);
            case 'f' -> s.startsWith("for", i);
            case 'w' -> s.startsWith("while", i);
            case 'u' -> s.startsWith("until", i);
            default -> s.startsWith("case", i);
        };
    }

    private static int skipBackquoted(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '`') return i;
        }
        return s.length();
    }

    /** The deepest nesting of compound commands, from the tokens (reserved words as the parser sees them). */
    static int compoundDepth(String text) {
        ShellLexer lexer = new ShellLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        ReservedWords words = new ReservedWords(lexer);
        Deque<Integer> open = new ArrayDeque<>();
        int max = 0;
        for (Token t = words.nextToken(); t.getType() != Token.EOF; t = words.nextToken()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            int type = t.getType();
            switch (type) {
                case ShellLexer.LPAREN, ShellLexer.LBRACE, ShellLexer.IF, ShellLexer.FOR, ShellLexer.WHILE,
                     ShellLexer.UNTIL, ShellLexer.CASE -> {
                    open.push(type);
                    max = Math.max(max, open.size());
                }
                case ShellLexer.RPAREN -> closes(open, ShellLexer.LPAREN);
                case ShellLexer.RBRACE -> closes(open, ShellLexer.LBRACE);
                case ShellLexer.FI -> closes(open, ShellLexer.IF);
                case ShellLexer.ESAC -> closes(open, ShellLexer.CASE);
                case ShellLexer.DONE -> {
                    Integer top = open.peek();
                    if (top != null && (top == ShellLexer.FOR || top == ShellLexer.WHILE || top == ShellLexer.UNTIL)) open.pop();
                }
                default -> { }
            }
        }
        return max;
    }

    private static void closes(Deque<Integer> open, int opener) {
        Integer top = open.peek();
        if (top != null && top == opener) open.pop();
    }
}
