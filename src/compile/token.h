/* token.h - token kinds and the syntax error record shared by the lexer
 * and the parser.
 *
 * Design notes
 * ------------
 * Token kinds follow CPython's `token` module names (LPAR, DOUBLESTAR, ...)
 * so error messages and debugging output can be compared with `tokenize`.
 * Unlike CPython, hard keywords get their own kinds (GP_TOK_KW_IF ...):
 * the parser then switches on an integer instead of comparing strings.
 * Soft keywords (`match`, `case`, `_`) stay plain NAMEs.
 *
 * A token does not own its text; it points into the source buffer, which
 * must outlive the token array.
 */
#ifndef GP_COMPILE_TOKEN_H
#define GP_COMPILE_TOKEN_H

#include <stddef.h>

/* X-macro list: kind, printable text (used in "expected 'x'" messages). */
#define GP_TOKEN_LIST(X)                                           \
    X(ENDMARKER, "end of file")                                    \
    X(NAME, "name")                                                \
    X(NUMBER, "number")                                            \
    X(STRING, "string")                                            \
    X(NEWLINE, "newline")                                          \
    X(INDENT, "indent")                                            \
    X(DEDENT, "dedent")                                            \
    X(LPAR, "(")                                                   \
    X(RPAR, ")")                                                   \
    X(LSQB, "[")                                                   \
    X(RSQB, "]")                                                   \
    X(COLON, ":")                                                  \
    X(COMMA, ",")                                                  \
    X(SEMI, ";")                                                   \
    X(PLUS, "+")                                                   \
    X(MINUS, "-")                                                  \
    X(STAR, "*")                                                   \
    X(SLASH, "/")                                                  \
    X(VBAR, "|")                                                   \
    X(AMPER, "&")                                                  \
    X(LESS, "<")                                                   \
    X(GREATER, ">")                                                \
    X(EQUAL, "=")                                                  \
    X(DOT, ".")                                                    \
    X(PERCENT, "%")                                                \
    X(LBRACE, "{")                                                 \
    X(RBRACE, "}")                                                 \
    X(EQEQUAL, "==")                                               \
    X(NOTEQUAL, "!=")                                              \
    X(LESSEQUAL, "<=")                                             \
    X(GREATEREQUAL, ">=")                                          \
    X(TILDE, "~")                                                  \
    X(CIRCUMFLEX, "^")                                             \
    X(LEFTSHIFT, "<<")                                             \
    X(RIGHTSHIFT, ">>")                                            \
    X(DOUBLESTAR, "**")                                            \
    X(PLUSEQUAL, "+=")                                             \
    X(MINEQUAL, "-=")                                              \
    X(STAREQUAL, "*=")                                             \
    X(SLASHEQUAL, "/=")                                            \
    X(PERCENTEQUAL, "%=")                                          \
    X(AMPEREQUAL, "&=")                                            \
    X(VBAREQUAL, "|=")                                             \
    X(CIRCUMFLEXEQUAL, "^=")                                       \
    X(LEFTSHIFTEQUAL, "<<=")                                       \
    X(RIGHTSHIFTEQUAL, ">>=")                                      \
    X(DOUBLESTAREQUAL, "**=")                                      \
    X(DOUBLESLASH, "//")                                           \
    X(DOUBLESLASHEQUAL, "//=")                                     \
    X(AT, "@")                                                     \
    X(ATEQUAL, "@=")                                               \
    X(RARROW, "->")                                                \
    X(ELLIPSIS, "...")                                             \
    X(COLONEQUAL, ":=")                                            \
    X(OP, "operator") /* `!`, `$`, `?`, ...: never valid syntax */ \
    X(ERRORTOKEN, "error")                                         \
    X(KW_FALSE, "False")                                           \
    X(KW_NONE, "None")                                             \
    X(KW_TRUE, "True")                                             \
    X(KW_AND, "and")                                               \
    X(KW_AS, "as")                                                 \
    X(KW_ASSERT, "assert")                                         \
    X(KW_ASYNC, "async")                                           \
    X(KW_AWAIT, "await")                                           \
    X(KW_BREAK, "break")                                           \
    X(KW_CLASS, "class")                                           \
    X(KW_CONTINUE, "continue")                                     \
    X(KW_DEF, "def")                                               \
    X(KW_DEL, "del")                                               \
    X(KW_ELIF, "elif")                                             \
    X(KW_ELSE, "else")                                             \
    X(KW_EXCEPT, "except")                                         \
    X(KW_FINALLY, "finally")                                       \
    X(KW_FOR, "for")                                               \
    X(KW_FROM, "from")                                             \
    X(KW_GLOBAL, "global")                                         \
    X(KW_IF, "if")                                                 \
    X(KW_IMPORT, "import")                                         \
    X(KW_IN, "in")                                                 \
    X(KW_IS, "is")                                                 \
    X(KW_LAMBDA, "lambda")                                         \
    X(KW_NONLOCAL, "nonlocal")                                     \
    X(KW_NOT, "not")                                               \
    X(KW_OR, "or")                                                 \
    X(KW_PASS, "pass")                                             \
    X(KW_RAISE, "raise")                                           \
    X(KW_RETURN, "return")                                         \
    X(KW_TRY, "try")                                               \
    X(KW_WHILE, "while")                                           \
    X(KW_WITH, "with")                                             \
    X(KW_YIELD, "yield")

typedef enum gp_token_type {
#define GP_TOKEN_ENUM(kind, text) GP_TOK_##kind,
    GP_TOKEN_LIST(GP_TOKEN_ENUM)
#undef GP_TOKEN_ENUM
        GP_TOK_COUNT_
} gp_token_type_t;

/* One token. Columns are 0-based byte offsets in their line, lines are
 * 1-based, as in CPython's tokenizer. */
typedef struct gp_token {
    gp_token_type_t type;
    const char *start; /* points into the source */
    size_t length;
    int lineno, col_offset, end_lineno, end_col_offset;
    /* Bracket nesting depth before this token; 0 at statement level. */
    int level;
} gp_token_t;

/* A SyntaxError (or IndentationError/TabError) to report, with the same
 * message and position CPython 3.11 gives. */
typedef struct gp_syntax_error {
    char msg[256];      /* CPython's message text, e.g. "invalid syntax" */
    int is_indentation; /* 1 -> report as IndentationError */
    int is_tab;         /* 1 -> TabError (also sets is_indentation) */
    int lineno;         /* 1-based; 0 when there is no position */
    int col;            /* 1-based column in characters, as SyntaxError.offset */
    int end_lineno, end_col;
    char text[512]; /* the offending source line, without its newline */
} gp_syntax_error_t;

/* A warning CPython 3.11 issues while tokenizing or parsing: a number
 * followed by a keyword (`1if x else y`, SyntaxWarning) or an invalid
 * escape sequence in a literal (DeprecationWarning). The lexer and parser
 * only record it; the caller issues it through the warnings module, which
 * may turn it into a SyntaxError over
 * [lineno:col_offset]..[end_lineno:end_col_offset] (0-based byte
 * columns). */
typedef struct gp_parse_warning {
    struct gp_parse_warning *next, *prev;
    const char *where; /* the offending text, so that each is recorded once */
    int is_syntax_warning;
    int lineno, col_offset, end_lineno, end_col_offset;
    /* Where [where] is, which orders the warnings: an escape is reported
     * at its literal's start but issued in the order of the text. */
    int at_lineno, at_col_offset;
    char msg[64];
} gp_parse_warning_t;

/* The warnings of one parse in source order (the order CPython issues
 * them in), allocated in the parse's arena. */
typedef struct gp_parse_warnings {
    gp_parse_warning_t *first, *last;
} gp_parse_warnings_t;

/* Returns the printable text of a token kind, e.g. ":" or "if". */
const char *gp_token_type_text(gp_token_type_t type);

/* Returns the CPython-style name of a token kind, e.g. "COLON". */
const char *gp_token_type_name(gp_token_type_t type);

#endif /* GP_COMPILE_TOKEN_H */
