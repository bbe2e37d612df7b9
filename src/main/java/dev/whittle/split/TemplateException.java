package dev.whittle.split;

/**
 * A user's template or catalog (--templates, or a config's {@code templates:}) that does not work: a file that
 * does not read, a bad regular expression, a template that imports files or reaches past the model whittle
 * gives it. Bad input of that folder (exit 2), never a bug in whittle; the message starts with the file and
 * its place.
 */
public final class TemplateException extends IllegalArgumentException {
    public TemplateException(String message) {
        super(message);
    }
}
