package dev.whittle.tree;

/**
 * A heredoc opened on an instruction's line: {@code <<EOF}, {@code <<-EOF}, {@code 3<<'EOF'}.
 *
 * @param name       the terminator word, quotes removed
 * @param fd         the file descriptor written before {@code <<} (0 when none)
 * @param expand     false when any part of the name was quoted (the body is not expanded)
 * @param chomp      true for {@code <<-} (leading tabs are stripped)
 * @param content    the raw body, every line with its line break, without the terminator line
 */
public record Heredoc(String name, int fd, boolean expand, boolean chomp, String content) {
    public Heredoc withContent(String newContent) {
        return new Heredoc(name, fd, expand, chomp, newContent);
    }
}
