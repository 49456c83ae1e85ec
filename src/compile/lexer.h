/* lexer.h - turns Python source text into tokens.
 *
 * Usage: prepare the source once with gp_lexer_init (it validates UTF-8,
 * rejects NUL bytes and normalizes newlines into an arena copy), then call
 * gp_lexer_next until it returns ENDMARKER or an error.
 *
 * Errors come in two flavours, as in CPython 3.11's tokenizer:
 *   - immediate errors (bad literal, invalid character, unmatched bracket):
 *     CPython reports these even when the parser already failed earlier in
 *     the file, so a caller should prefer them over parser errors;
 *   - deferred errors (indentation, tabs, end of file inside brackets):
 *     these only count when the parser actually asks for the token.
 * `deferred` in the lexer tells which one happened.
 */
#ifndef GP_COMPILE_LEXER_H
#define GP_COMPILE_LEXER_H

#include <stddef.h>

#include "ast.h"
#include "token.h"

/* CPython's limits: bracket nesting and indentation depth. */
#define GP_LEXER_MAX_LEVEL  200
#define GP_LEXER_MAX_INDENT 100

/* Lexer state; lives on the caller's stack, no globals. Fields are private
 * except `error` and `deferred`. */
typedef struct gp_lexer {
    const char *src; /* normalized copy: '\n' line ends, final '\n', no BOM */
    size_t len;
    const char *filename;
    size_t pos;        /* next byte to read */
    size_t line_start; /* byte offset of the current line */
    int lineno;
    int at_line_start;   /* next read begins a new logical line */
    int line_has_tokens; /* a NEWLINE is owed at the end of this line */
    int pending_dedents;
    int indent_pending;
    int indents[GP_LEXER_MAX_INDENT + 1];     /* columns, tabs to 8 */
    int alt_indents[GP_LEXER_MAX_INDENT + 1]; /* columns, tabs as 1 */
    int indent_top;
    char parens[GP_LEXER_MAX_LEVEL];
    int paren_lines[GP_LEXER_MAX_LEVEL];
    int paren_cols[GP_LEXER_MAX_LEVEL];
    int level;
    int at_eof; /* ENDMARKER has been returned */
    int failed;
    int deferred; /* the error is of the deferred kind, see above */
    gp_syntax_error_t error;
    /* Where to record warnings, or NULL (set by the caller after
     * gp_lexer_init), and the arena they are allocated in. */
    gp_parse_warnings_t *warnings;
    gp_arena_t *arena;
} gp_lexer_t;

/* Prepares [lexer] to read [length] bytes of [source]. The normalized copy
 * is allocated in [arena] and must outlive the tokens. Returns 0, or -1
 * with lexer->error set (NUL byte, invalid UTF-8, out of memory). */
int gp_lexer_init(gp_lexer_t *lexer, const char *source, size_t length, const char *filename,
                  gp_arena_t *arena);

/* Records warning [w] (copied into [arena]) in [warnings], keeping source
 * order; one at the same [w->where] as an earlier one is dropped (a
 * speculative parse may see a literal twice). Cheap when warnings come in
 * source order, as they do. Returns 0, or -1 out of memory. */
int gp_parse_warnings_add(gp_parse_warnings_t *warnings, gp_arena_t *arena,
                          const gp_parse_warning_t *w);

/* Compares the source positions of two warnings: <0, 0 or >0. */
int gp_parse_warning_order(const gp_parse_warning_t *a, const gp_parse_warning_t *b);

/* Reads the next token into [token]. Returns 0, or -1 with lexer->error
 * set; after an error every call fails again. */
int gp_lexer_next(gp_lexer_t *lexer, gp_token_t *token);

/* Fills [error] for a problem at 1-based [lineno] and 0-based byte columns
 * [col]..[end_col] of the normalized source [src]: converts columns to
 * 1-based character offsets and copies the line text. [end_lineno] 0 means
 * "same as lineno", [end_col] -1 means "same as col". */
void gp_syntax_error_set(gp_syntax_error_t *error, const char *src, size_t len, int lineno, int col,
                         int end_lineno, int end_col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Decodes one UTF-8 sequence at [s] (at most [n] bytes). Stores the code
 * point in [*cp] and returns the sequence length, or 0 when invalid. */
int gp_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* Returns 1 when code point [cp] may start (or, with [is_start] 0,
 * continue) an identifier. An approximation of Unicode XID_Start/Continue
 * that is exact for ASCII and rejects common symbol and punctuation
 * blocks. */
int gp_unicode_is_identifier_char(unsigned cp, int is_start);

/* Returns 1 when [cp] is printable in the sense of str.isprintable(),
 * approximately (exact for ASCII and Latin-1). */
int gp_unicode_is_printable(unsigned cp);

/* Looks up a character name for a \N{...} escape ([length] bytes, any
 * case). Returns 1 and stores the code point in [*cp], or 0. Covers a
 * subset of Unicode (unicode_names.c, generated). */
int gp_unicode_lookup_name(const char *name, size_t length, unsigned *cp);

#endif /* GP_COMPILE_LEXER_H */
