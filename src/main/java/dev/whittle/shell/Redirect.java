package dev.whittle.shell;

/** A redirection such as {@code >/dev/null}, {@code 2>&1} or {@code <<EOF}. */
public record Redirect(String operator, Word target, int start, int end) {}
