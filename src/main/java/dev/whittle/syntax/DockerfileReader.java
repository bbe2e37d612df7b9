package dev.whittle.syntax;

import dev.whittle.syntax.grammar.DockerfileLexer;
import dev.whittle.syntax.grammar.DockerfileParser;
import dev.whittle.tree.Dockerfile;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads Dockerfile bytes into a lossless {@link Dockerfile} tree, refusing what BuildKit refuses and
 * what is not a text Dockerfile. Every tree it returns prints back to exactly the bytes it read: it
 * checks that itself and refuses (as an internal error) rather than return a tree that does not.
 */
public final class DockerfileReader {
    private DockerfileReader() {}

    /** BuildKit's bufio.Scanner limit. */
    public static final int MAX_LINE_BYTES = 65535;

    public static Dockerfile read(byte[] bytes) {
        checkBytes(bytes);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        String text = SourceText.decode(bytes, bom ? 3 : 0, bytes.length);
        Dockerfile tree = read(text, bom);
        if (!tree.print().equals(bom ? "\uFEFF" + text : text)) {
            throw new IllegalStateException("the parsed tree does not print back to the input; refusing the file");
        }
        return tree;
    }

    /** Reads already-decoded text (no BOM); used for text that passes create. */
    public static Dockerfile read(String text, boolean bom) {
        DirectiveScanner.Result prologue = DirectiveScanner.scan(text);
        DockerfileLexer lexer = new DockerfileLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.configure(prologue.escape(), prologue.end());
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        DockerfileParser parser = new DockerfileParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        DockerfileParser.DockerfileContext root;
        try {
            root = parser.dockerfile();
        } catch (ParseCancellationException e) {
            throw new IllegalStateException("internal grammar error: the token stream did not fit the grammar", e);
        }
        TreeBuilder.Built built = TreeBuilder.build(root, tokens, lexer.instructions());
        if (built.instructions().isEmpty()) {
            int lines = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n' && i + 1 < text.length()) lines++;
            throw new SyntaxError(lines, 1, "file with no instructions");
        }
        return new Dockerfile(bom ? "\uFEFF" : "", prologue.directives(), built.instructions(), built.trailing(),
                prologue.escape());
    }

    /** Refuses UTF-16/32, binary files and over-long lines before any decoding. */
    static void checkBytes(byte[] b) {
        int n = b.length;
        if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            throw encoding("UTF-32LE");
        }
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            throw encoding("UTF-32BE");
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) throw encoding("UTF-16LE");
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) throw encoding("UTF-16BE");
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < n; i++) {
            byte c = b[i];
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == 0) {
                if (n >= 2 && (b[0] == 0) != (b[1] == 0)) {
                    throw new SyntaxError(1, 1, "this looks like UTF-16 text without a byte order mark; "
                            + "Dockerfiles are read as UTF-8 (convert it with iconv -f UTF-16 -t UTF-8)");
                }
                throw new SyntaxError(line, i - lineStart + 1, "binary file: NUL byte; not a text Dockerfile");
            } else if (i - lineStart >= MAX_LINE_BYTES) {
                throw new SyntaxError(line, MAX_LINE_BYTES + 1,
                        "dockerfile line greater than max allowed size of " + MAX_LINE_BYTES);
            }
        }
    }

    private static SyntaxError encoding(String name) {
        return new SyntaxError(1, 1, "file is " + name + " encoded; BuildKit reads Dockerfiles as UTF-8 "
                + "(convert it with iconv -f " + name + " -t UTF-8)");
    }
}
