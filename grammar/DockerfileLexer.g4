/*
 * Physical-line lexer for Dockerfiles, following BuildKit's parser (frontend 1.26).
 *
 * Every byte of the input ends up in exactly one token, so the tree printer can reproduce the
 * file byte for byte. Tokens never span two physical lines (each keeps its own '\n').
 *
 * The escape character (\ or `) changes what a line continuation is, so the instruction modes
 * exist once per escape character; the lexer starts in the mode the parser directive asks for.
 * Keeping the choice in modes (not in semantic predicates) lets ANTLR cache its DFA.
 *
 * What cannot be said in a grammar is in DockerfileLexerBase: which comment lines are parser
 * directives, whether a comment or blank line sits inside a continuation, and where heredoc
 * bodies start and end (that needs the whole logical line, as BuildKit reads it).
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

tokens {
    DIRECTIVE,      // a parser directive line (# escape=`), with its line break
    BLANK_LINE,     // a whitespace-only line between instructions, with its line break
    COMMENT_LINE,   // a comment line between instructions, with its line break
    SKIPPED_LINE,   // a comment or blank line inside a continuation (BuildKit drops it)
    INDENT,         // whitespace before the first word of an instruction
    LINE_WS,        // whitespace at the start of a continued line (kept in the logical line)
    TEXT,           // instruction text
    CONTINUATION,   // escape character, trailing blanks and the line break that continue a line
    NEWLINE,        // the line break that ends an instruction's logical line
    HEREDOC_LINE,   // one line of a heredoc body
    HEREDOC_END     // the line that ends a heredoc body
}

fragment WS_CHAR   // Go's unicode.IsSpace, less '\n'
    : [ \t\r\u000B\f\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;
fragment NOT_WS_HASH_NL_BS
    : ~[\n#\\ \t\r\u000B\f\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;
fragment NOT_WS_HASH_NL_BT
    : ~[\n#` \t\r\u000B\f\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;

// ---- at the start of a physical line, escape = \ (the default mode) ----
BS_BLANK     : (WS_CHAR* '\n' | WS_CHAR+ EOF)          { blankLine(); } ;
BS_COMMENT   : WS_CHAR* '#' ~[\n]* ('\n' | EOF)      { commentLine(); } ;
BS_INDENT    : WS_CHAR+                              { indent(); } ;
BS_LINE_CONT : '\\' [ \t]* '\r'* ('\n' | EOF)        { continuation(); } ;
BS_FIRST     : NOT_WS_HASH_NL_BS ~[\n\\]*            { text(INSTRUCTION_BS); } ;
BS_LINE_ESCS : '\\' '\\'+                            { text(INSTRUCTION_BS); } ;
BS_LINE_ESC  : '\\'                                  { text(INSTRUCTION_BS); } ;

mode INSTRUCTION_BS;
BS_TEXT      : ~[\n\\]+                              { text(INSTRUCTION_BS); } ;
BS_CONT      : '\\' [ \t]* '\r'* ('\n' | EOF)        { continuation(); } ;
// two or more escapes at the end of a line never continue it (BuildKit's regex: ([^\\])\\[ \t]*$)
BS_ESCS      : '\\' '\\'+                            { text(INSTRUCTION_BS); } ;
BS_ESC       : '\\'                                  { text(INSTRUCTION_BS); } ;
BS_NEWLINE   : '\n'                                  { endOfLine(); } ;

// ---- at the start of a physical line, escape = ` ----
mode LINE_BT;
BT_BLANK     : (WS_CHAR* '\n' | WS_CHAR+ EOF)          { blankLine(); } ;
BT_COMMENT   : WS_CHAR* '#' ~[\n]* ('\n' | EOF)      { commentLine(); } ;
BT_INDENT    : WS_CHAR+                              { indent(); } ;
BT_LINE_CONT : '`' [ \t]* '\r'* ('\n' | EOF)         { continuation(); } ;
BT_FIRST     : NOT_WS_HASH_NL_BT ~[\n`]*             { text(INSTRUCTION_BT); } ;
BT_LINE_ESCS : '`' '`'+                              { text(INSTRUCTION_BT); } ;
BT_LINE_ESC  : '`'                                   { text(INSTRUCTION_BT); } ;

mode INSTRUCTION_BT;
BT_TEXT      : ~[\n`]+                               { text(INSTRUCTION_BT); } ;
BT_CONT      : '`' [ \t]* '\r'* ('\n' | EOF)         { continuation(); } ;
BT_ESCS      : '`' '`'+                              { text(INSTRUCTION_BT); } ;
BT_ESC       : '`'                                   { text(INSTRUCTION_BT); } ;
BT_NEWLINE   : '\n'                                  { endOfLine(); } ;

// ---- heredoc bodies: raw lines up to the terminator ----
mode HEREDOC;
HD_LINE      : (~[\n]* '\n' | ~[\n]+ EOF)              { heredocLine(); } ;
