package dev.whittle.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's shell word lexer (frontend/dockerfile/shell/lex.go, ProcessWords) as the parser uses it
 * to find heredoc markers: escape '\', no variables set, unset variables kept as written.
 * Only word boundaries and the text of each word matter here, never expansion.
 */
final class BuildkitWords {
    static final class LexError extends Exception {
        LexError(String message) { super(message, null, false, false); }
    }

    private final String s;
    private final boolean rawQuotes;
    private final boolean rawEscapes;
    private int pos;

    private final List<String> words = new ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;

    private BuildkitWords(String s, boolean rawQuotes, boolean rawEscapes) {
        this.s = s;
        this.rawQuotes = rawQuotes;
        this.rawEscapes = rawEscapes;
    }

    static List<String> words(String s, boolean rawQuotes, boolean rawEscapes) throws LexError {
        BuildkitWords w = new BuildkitWords(s, rawQuotes, rawEscapes);
        w.run();
        return w.words;
    }

    private int peek() {
        return pos < s.length() ? s.codePointAt(pos) : -1;
    }

    private int next() {
        if (pos >= s.length()) return -1;
        int cp = s.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    private void run() throws LexError {
        while (peek() != -1) {
            int ch = peek();
            if (ch == '\'' || ch == '"' || ch == '$') {
                String tmp = ch == '\'' ? singleQuote() : ch == '"' ? doubleQuote() : dollar();
                if (ch == '$') {
                    tmp.codePoints().forEach(this::addChar);
                } else {
                    word.append(tmp);
                    inWord = true;
                }
                continue;
            }
            ch = next();
            if (ch == '\\') {
                if (rawEscapes) addRawChar(ch);
                ch = next();
                if (ch == -1) break;
                addRawChar(ch);
            } else {
                addChar(ch);
            }
        }
        if (word.length() > 0) words.add(word.toString());
    }

    private void addChar(int ch) {
        if (GoText.isSpace(ch)) {
            // whitespace right after "<<" stays in the word: "<< EOF" is one heredoc marker (frontend >= 1.16)
            int n = word.length();
            while (n > 0 && GoText.isSpace(word.charAt(n - 1))) n--;
            if (n >= 2 && word.charAt(n - 1) == '<' && word.charAt(n - 2) == '<') {
                addRawChar(ch);
                return;
            }
            if (inWord && n != 0) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
        } else {
            addRawChar(ch);
        }
    }

    private void addRawChar(int ch) {
        word.appendCodePoint(ch);
        inWord = true;
    }

    private String singleQuote() throws LexError {
        StringBuilder out = new StringBuilder();
        int ch = next();
        if (rawQuotes) out.appendCodePoint(ch);
        while (true) {
            ch = next();
            if (ch == -1) throw new LexError("unexpected end of statement while looking for matching single-quote");
            if (ch == '\'') {
                if (rawQuotes) out.appendCodePoint(ch);
                return out.toString();
            }
            out.appendCodePoint(ch);
        }
    }

    private String doubleQuote() throws LexError {
        StringBuilder out = new StringBuilder();
        int ch = next();
        if (rawQuotes) out.appendCodePoint(ch);
        while (true) {
            int p = peek();
            if (p == -1) throw new LexError("unexpected end of statement while looking for matching double-quote");
            if (p == '"') {
                ch = next();
                if (rawQuotes) out.appendCodePoint(ch);
                return out.toString();
            }
            if (p == '$') {
                out.append(dollar());
                continue;
            }
            ch = next();
            if (ch == '\\') {
                if (rawEscapes) out.appendCodePoint(ch);
                int q = peek();
                if (q == -1) continue;
                if (q == '"' || q == '$' || q == '\\') ch = next();
            }
            out.appendCodePoint(ch);
        }
    }

    /** $name, ${name}, ${name<op>word}: nothing is set, so each is kept as written. */
    private String dollar() throws LexError {
        next(); // '$'
        if (peek() != '{') {
            String name = name();
            return name.isEmpty() ? "$" : "$" + name;
        }
        next(); // '{'
        int p = peek();
        if (p == -1) throw new LexError("syntax error: missing '}'");
        if (p == '{' || p == '}' || p == ':') throw new LexError("syntax error: bad substitution");
        String name = name();
        int ch = next();
        if (ch == '}') return "${" + name + "}";
        StringBuilder chs = new StringBuilder();
        if (ch == -1) throw new LexError("syntax error: missing '}'");
        chs.appendCodePoint(ch);
        boolean nullIsUnset = false;
        if (ch == ':') {
            nullIsUnset = true;
            ch = next();
            if (ch == -1) throw new LexError("syntax error: missing '}'");
            chs.appendCodePoint(ch);
        } else if ("+-?#%/".indexOf(ch) < 0) {
            throw new LexError("unsupported modifier (" + chs + ") in substitution");
        }
        boolean raw = ch == '#' || ch == '%' || ch == '/';
        if (nullIsUnset && (ch == '#' || ch == '%')) {
            throw new LexError("unsupported modifier (" + chs + ") in substitution");
        }
        String rest = stopOn('}', raw);
        return "${" + name + chs + rest + "}";
    }

    private String stopOn(int stop, boolean rawEsc) throws LexError {
        StringBuilder out = new StringBuilder();
        while (peek() != -1) {
            int ch = peek();
            if (ch == stop) {
                next();
                return out.toString();
            }
            if (ch == '\'') { out.append(singleQuote()); continue; }
            if (ch == '"') { out.append(doubleQuote()); continue; }
            if (ch == '$') { out.append(dollar()); continue; }
            ch = next();
            if (ch == '\\') {
                if (rawEsc) out.appendCodePoint(ch);
                ch = next();
                if (ch == -1) break;
            }
            out.appendCodePoint(ch);
        }
        throw new LexError("syntax error: missing '}'");
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        while (peek() != -1) {
            int ch = peek();
            if (name.length() == 0 && Character.isDigit(ch)) {
                while (peek() != -1 && Character.isDigit(peek())) name.appendCodePoint(next());
                return name.toString();
            }
            if (name.length() == 0 && "@*#?-$!0".indexOf(ch) >= 0) {
                return new String(Character.toChars(next()));
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') break;
            name.appendCodePoint(next());
        }
        return name.toString();
    }
}
