package dev.whittle.cli;

import dev.whittle.syntax.SourceText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The writer behind stdout and stderr: UTF-8 whatever the platform's locale, and the bytes of a file that were
 * not valid UTF-8 written back as the same bytes ({@link SourceText#encode}), so `optimize` on stdout and
 * `--diff` give exactly what `--write` would. Text is encoded on flush (a println flushes).
 */
final class ExactWriter extends Writer {
    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder();

    ExactWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        pending.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
        pending.append(str, off, off + len);
    }

    @Override
    public void flush() throws IOException {
        int end = pending.length();
        // a high surrogate at the end waits for its other half
        if (end > 0 && Character.isHighSurrogate(pending.charAt(end - 1))) end--;
        if (end > 0) {
            out.write(SourceText.encode(pending.substring(0, end)));
            pending.delete(0, end);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!pending.isEmpty()) out.write(SourceText.encode(pending.toString()));
        pending.setLength(0);
        out.flush();
    }
}
