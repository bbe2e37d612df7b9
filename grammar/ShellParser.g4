/*
 * Command structure of a POSIX shell script: lists (; & newline), and-or lists (&& ||), pipelines,
 * simple commands, and the compound commands seen in Dockerfiles (subshell, { }, if, for, while,
 * until, case). Reserved words arrive as their own token types (see dev.whittle.shell.ReservedWords).
 */
parser grammar ShellParser;

options { tokenVocab = ShellLexer; }

script        : NEWLINE* (list NEWLINE*)? EOF ;

list          : andOr (separator andOr)* separator? ;
separator     : (SEMI | AMP) NEWLINE* | NEWLINE+ ;
andOr         : pipeline ((AND_IF | OR_IF) NEWLINE* pipeline)* ;
pipeline      : BANG? command (PIPE NEWLINE* command)* ;
command       : compound redirect* | simpleCommand ;
simpleCommand : (WORD | redirect)+ ;
redirect      : REDIRECT WORD ;

compound      : subshell | braceGroup | ifClause | forClause | whileClause | caseClause ;
subshell      : LPAREN NEWLINE* list RPAREN ;
braceGroup    : LBRACE NEWLINE* list RBRACE ;
ifClause      : IF body THEN body (ELIF body THEN body)* (ELSE body)? FI ;
forClause     : FOR WORD NEWLINE* (IN WORD* separator | separator)? DO body DONE ;
whileClause   : (WHILE | UNTIL) body DO body DONE ;
caseClause    : CASE WORD NEWLINE* IN NEWLINE* caseItem* ESAC ;
caseItem      : LPAREN? WORD (PIPE WORD)* RPAREN NEWLINE* list? (DSEMI NEWLINE*)? ;
body          : NEWLINE* list ;
