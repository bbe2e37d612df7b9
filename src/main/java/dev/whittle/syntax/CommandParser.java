package dev.whittle.syntax;

import dev.whittle.tree.Command;
import dev.whittle.tree.Keyword;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an instruction's logical line into a {@link Command}, following BuildKit's splitCommand,
 * extractBuilderFlags and per-keyword line parsers (parser/line_parsers.go) rule for rule.
 */
public final class CommandParser {
    private CommandParser() {}

    /** A line BuildKit refuses (ENV without value, JSON array with a non-string, ...). */
    public static final class CommandError extends RuntimeException {
        CommandError(String message) { super(message, null, false, false); }
    }

    public static Command parse(String line, char escape) {
        String trimmed = GoText.trimSpace(line);
        int sep = 0;
        while (sep < trimmed.length() && !GoText.isSeparator(trimmed.charAt(sep))) sep++;
        String keyword = trimmed.substring(0, sep);
        List<String> flags = List.of();
        String args = "";
        if (sep < trimmed.length()) {
            int restStart = sep;
            while (restStart < trimmed.length() && GoText.isSeparator(trimmed.charAt(restStart))) restStart++;
            FlagSplit split = extractFlags(trimmed.substring(restStart), escape);
            flags = split.flags;
            args = GoText.trimSpace(split.rest);
        }
        Keyword kind = Keyword.of(keyword);
        List<String> values = List.of();
        Command child = null;
        boolean json = false;
        switch (kind) {
            case FROM: case EXPOSE:
                values = splitWhitespace(args);
                break;
            case ADD: case COPY: case VOLUME: {
                List<String> arr = jsonArray(args);
                if (arr != null) { values = arr; json = true; }
                else values = splitWhitespace(args);
                break;
            }
            case RUN: case CMD: case ENTRYPOINT: case SHELL: {
                if (!args.isEmpty()) {
                    List<String> arr = jsonArray(args);
                    if (arr != null) { values = arr; json = true; }
                    else values = List.of(args);
                }
                break;
            }
            case HEALTHCHECK: {
                HealthSplit h = splitHealthcheck(args);
                if (h != null) {
                    List<String> v = new ArrayList<>();
                    v.add(h.type);
                    if (!h.rest.isEmpty()) {
                        List<String> arr = jsonArray(h.rest);
                        if (arr != null) { v.addAll(arr); json = true; }
                        else v.add(h.rest);
                    }
                    values = v;
                }
                break;
            }
            case ENV: case LABEL:
                values = nameValues(args, keyword.toUpperCase(java.util.Locale.ROOT), escape);
                break;
            case ARG:
                values = words(args, escape);
                break;
            case MAINTAINER: case STOPSIGNAL: case USER: case WORKDIR:
                values = args.isEmpty() ? List.of() : List.of(args);
                break;
            case ONBUILD:
                if (!args.isEmpty()) child = parse(args, escape);
                break;
            default:
                values = List.of("");
        }
        return new Command(keyword, kind, flags, args, values, child, json, line);
    }

    private static List<String> jsonArray(String args) {
        String rest = GoText.trimLeftSpace(args);
        if (!rest.startsWith("[")) return null;
        try {
            return GoJson.stringArray(rest);
        } catch (GoJson.NotStringArray e) {
            throw new CommandError("when using JSON array syntax, arrays must be comprised of strings only");
        }
    }

    /** BuildKit's reWhitespace.Split(rest, -1) on [\t\v\f\r ]+, for a non-empty trimmed string. */
    static List<String> splitWhitespace(String s) {
        if (s.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        int i = 0;
        int start = 0;
        while (i < s.length()) {
            if (GoText.isSeparator(s.charAt(i))) {
                out.add(s.substring(start, i));
                while (i < s.length() && GoText.isSeparator(s.charAt(i))) i++;
                start = i;
            } else {
                i++;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private record FlagSplit(List<String> flags, String rest) {}

    /**
     * extractBuilderFlags: leading words that start with "--" are flags. Go walks the line byte by
     * byte and turns each byte into a rune, so non-ASCII bytes come out Latin-1 widened; reproduced.
     */
    private static FlagSplit extractFlags(String line, char escape) {
        if (!line.startsWith("--")) return new FlagSplit(List.of(), line);
        byte[] b = SourceText.encode(line);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        final int inSpaces = 0, inWord = 1, inQuote = 2;
        int phase = inSpaces;
        char quote = 0;
        boolean blankOk = false;
        for (int pos = 0; pos <= b.length; pos++) {
            char ch = pos < b.length ? (char) (b[pos] & 0xFF) : 0;
            if (phase == inSpaces) {
                if (pos == b.length) break;
                if (GoText.isSpace(ch)) continue;
                if (ch != '-' || pos + 1 == b.length || b[pos + 1] != '-') {
                    return new FlagSplit(words, restAt(line, b, pos));
                }
                phase = inWord;
            }
            if (pos == b.length) {
                if (!word.toString().equals("--") && (blankOk || word.length() > 0)) words.add(word.toString());
                break;
            }
            if (phase == inWord) {
                if (GoText.isSpace(ch)) {
                    phase = inSpaces;
                    if (word.toString().equals("--")) return new FlagSplit(words, restAt(line, b, pos));
                    if (blankOk || word.length() > 0) words.add(word.toString());
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                    continue;
                }
                if (ch == escape) {
                    if (pos + 1 == b.length) continue;
                    pos++;
                    ch = (char) (b[pos] & 0xFF);
                }
                word.append(ch);
                continue;
            }
            // inQuote
            if (ch == quote) {
                phase = inWord;
                continue;
            }
            if (ch == escape) {
                if (pos + 1 == b.length) {
                    phase = inWord;
                    continue;
                }
                pos++;
                ch = (char) (b[pos] & 0xFF);
            }
            word.append(ch);
        }
        return new FlagSplit(words, "");
    }

    private static String restAt(String line, byte[] b, int bytePos) {
        if (b.length == line.length()) return line.substring(bytePos);
        return SourceText.decode(b, bytePos, b.length);
    }

    private record HealthSplit(String type, String rest) {}

    /** parseHealthConfig: the first word is the type; it tests bytes with unicode.IsSpace(rune(byte)). */
    private static HealthSplit splitHealthcheck(String rest) {
        byte[] b = SourceText.encode(rest);
        int sep = 0;
        while (sep < b.length && !GoText.isSpace(b[sep] & 0xFF)) sep++;
        int next = sep;
        while (next < b.length && GoText.isSpace(b[next] & 0xFF)) next++;
        if (sep == 0) return null;
        return new HealthSplit(SourceText.decode(b, 0, sep), SourceText.decode(b, next, b.length));
    }

    /** parseNameVal for ENV and LABEL: (key, value, separator) triples. */
    private static List<String> nameValues(String rest, String keyword, char escape) {
        List<String> words = words(rest, escape);
        if (words.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        if (!words.get(0).contains("=")) {
            int i = 0;
            while (i < rest.length() && !GoText.isSeparator(rest.charAt(i))) i++;
            if (i == rest.length()) throw new CommandError(keyword + " must have two arguments");
            int j = i;
            while (j < rest.length() && GoText.isSeparator(rest.charAt(j))) j++;
            out.add(rest.substring(0, i));
            out.add(rest.substring(j));
            out.add("");
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq < 0) {
                throw new CommandError("Syntax error - can't find = in " + GoText.quote(w)
                        + ". Must be of the form: name=value");
            }
            out.add(w.substring(0, eq));
            out.add(w.substring(eq + 1));
            out.add("=");
        }
        return out;
    }

    /**
     * parseWords: splits on unicode spaces, keeping quotes and escapes in the words. An invalid UTF-8
     * byte becomes U+FFFD, as Go's utf8.DecodeRuneInString makes it.
     */
    static List<String> words(String rest, char escape) {
        List<String> words = new ArrayList<>();
        final int inSpaces = 0, inWord = 1, inQuote = 2;
        int phase = inSpaces;
        StringBuilder word = new StringBuilder();
        int quote = 0;
        boolean blankOk = false;
        int n = rest.length();
        int width;
        for (int pos = 0; pos <= n; pos += width) {
            int ch = 0;
            width = 1;
            if (pos != n) {
                ch = rest.codePointAt(pos);
                width = Character.charCount(ch);
                if (ch >= 0xDC80 && ch <= 0xDCFF) ch = 0xFFFD;
            }
            if (phase == inSpaces) {
                if (pos == n) break;
                if (GoText.isSpace(ch)) continue;
                phase = inWord;
            }
            if (pos == n) {
                if (blankOk || word.length() > 0) words.add(word.toString());
                break;
            }
            if (phase == inWord) {
                if (GoText.isSpace(ch)) {
                    phase = inSpaces;
                    if (blankOk || word.length() > 0) words.add(word.toString());
                    word.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    phase = inQuote;
                }
                if (ch == escape) {
                    if (pos + width == n) continue;
                    word.appendCodePoint(ch);
                    pos += width;
                    ch = rest.codePointAt(pos);
                    width = Character.charCount(ch);
                    if (ch >= 0xDC80 && ch <= 0xDCFF) ch = 0xFFFD;
                }
                word.appendCodePoint(ch);
                continue;
            }
            // inQuote
            if (ch == quote) phase = inWord;
            if (ch == escape && quote != '\'') {
                if (pos + width == n) {
                    phase = inWord;
                    continue;
                }
                pos += width;
                word.appendCodePoint(ch);
                ch = rest.codePointAt(pos);
                width = Character.charCount(ch);
                if (ch >= 0xDC80 && ch <= 0xDCFF) ch = 0xFFFD;
            }
            word.appendCodePoint(ch);
        }
        return words;
    }
}
