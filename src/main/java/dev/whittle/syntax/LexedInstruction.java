package dev.whittle.syntax;

import dev.whittle.tree.Command;
import dev.whittle.tree.Heredoc;
import java.util.List;

/** What the lexer learned about one instruction while reading it (see DockerfileLexerBase). */
public record LexedInstruction(int line, Command command, List<Heredoc> heredocs, boolean emptyContinuationLine) {}
