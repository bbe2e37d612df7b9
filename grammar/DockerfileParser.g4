/*
 * The structure of a Dockerfile: parser directives, then instructions with the trivia (blank
 * lines, comments) between them. An instruction is its first line, any continued lines (with the
 * comment and blank lines BuildKit skips inside a continuation), and its heredoc bodies.
 * What the instruction means (keyword, flags, arguments) is read from its logical line by
 * dev.whittle.syntax.CommandParser, exactly as BuildKit's splitCommand and line parsers do.
 */
parser grammar DockerfileParser;

options { tokenVocab = DockerfileLexer; }

dockerfile  : DIRECTIVE* (BLANK_LINE | COMMENT_LINE | instruction)* EOF ;

instruction : INDENT? logicalLine (NEWLINE heredoc*)? ;

logicalLine : (TEXT | CONTINUATION | SKIPPED_LINE | LINE_WS)+ ;

heredoc     : HEREDOC_LINE* HEREDOC_END ;
