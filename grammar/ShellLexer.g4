/*
 * POSIX shell tokens for RUN bodies and shell-form CMD/ENTRYPOINT (the logical line after BuildKit
 * has joined continuations). A word is one token: quotes, escapes, $VAR, ${...}, $(...), $((...))
 * and backquotes stay inside it; dev.whittle.shell.Word reads its literal value.
 */
lexer grammar ShellLexer;

// Reserved words: WORD tokens that dev.whittle.shell.ReservedWords retypes when they stand in
// command position (so `echo done` keeps `done` a plain word).
tokens { IF, THEN, ELIF, ELSE, FI, FOR, IN, DO, DONE, WHILE, UNTIL, CASE, ESAC, LBRACE, RBRACE, BANG }

AND_IF    : '&&' ;
OR_IF     : '||' ;
DSEMI     : ';;' ;
SEMI      : ';' ;
PIPE      : '|&' | '|' ;
AMP       : '&' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
NEWLINE   : '\r'? '\n' ;
BLANK     : [ \t\r\u000B\f]+ -> channel(HIDDEN) ;
LINE_CONT : '\\' '\r'? '\n' -> channel(HIDDEN) ;
// '#' starts a comment only at the start of a word; inside a word it is longer-matched by WORD
COMMENT   : '#' ~[\n]* -> channel(HIDDEN) ;
REDIRECT  : [0-9]* ('>>' | '>&' | '>|' | '<&' | '<>' | '<<-' | '<<<' | '<<' | '>' | '<') | '&>>' | '&>' ;
WORD      : WORD_PART+ ;
// an unterminated quote, backquote or substitution: the script does not parse
UNTERMINATED : ['"`] | '$(' | '${' ;

fragment WORD_PART : SQUOTED | DQUOTED | ESCAPED | DOLLAR | BACKQUOTED | PLAIN ;
fragment PLAIN     : ~[ \t\r\n\u000B\f|&;()<>'"\\$`] ;
fragment ESCAPED   : '\\' ~[\n] | '\\' EOF ;
fragment SQUOTED   : '\'' ~'\''* '\'' ;
fragment DQUOTED   : '"' ( '\\' . | DOLLAR | BACKQUOTED | ~["\\$`] )* '"' ;
fragment BACKQUOTED: '`' ( '\\' . | ~[`\\] )* '`' ;
fragment DOLLAR    : '$' ( '{' BRACED* '}' | '(' SUBST* ')' | [a-zA-Z_] [a-zA-Z0-9_]* | [0-9@*#?$!\-] )? ;
fragment BRACED    : SQUOTED | DQUOTED | '\\' . | DOLLAR | BACKQUOTED | ~[}'"\\$`] ;
fragment SUBST     : SQUOTED | DQUOTED | '\\' . | DOLLAR | BACKQUOTED | '(' SUBST* ')' | ~[()'"\\$`] ;
