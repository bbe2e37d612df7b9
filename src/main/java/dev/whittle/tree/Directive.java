package dev.whittle.tree;

/**
 * A parser directive at the top of the file ({@code # syntax=...}, {@code # escape=`}, {@code # check=...}).
 *
 * @param text  the whole line as written, with its line break
 * @param name  the directive name, lowercased
 * @param value the value as written (trimmed)
 * @param line  1-based line number
 */
public record Directive(String text, String name, String value, int line) {}
