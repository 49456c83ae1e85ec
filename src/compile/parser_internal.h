/* parser_internal.h - state and helpers shared by the parser's files.
 *
 * The parser is split by grammar area: parser.c holds the driver and the
 * statements, parser_expr.c the expressions and assignment targets,
 * parser_string.c string literals and f-strings. Nothing here is public.
 *
 * Conventions used by every parse function:
 *   - a function returns the node it parsed, or NULL when it failed;
 *   - a failure always records an error in the parser (p->failed), so the
 *     callers simply propagate NULL; there is no silent backtracking except
 *     inside parser_speculate, which saves and restores the whole state;
 *   - p->max_pos remembers the furthest token ever looked at, because
 *     CPython reports a generic "invalid syntax" at that token.
 */
#ifndef GP_COMPILE_PARSER_INTERNAL_H
#define GP_COMPILE_PARSER_INTERNAL_H

#include <stddef.h>

#include "ast.h"
#include "lexer.h"
#include "parser.h"

/* Recursion limit of the parser. Brackets are limited to 200 by the
 * lexer; this bounds the other ways of nesting (unary operators, lambda
 * bodies, f-strings) and keeps the C stack safe. */
#define GP_PARSER_MAX_DEPTH 1000

/* Longest operator chain (a + b + c ...) the parser accepts. The tree of
 * such a chain is as deep as the chain is long, and the compiler walks it
 * recursively. */
#define GP_PARSER_MAX_CHAIN 5000

typedef struct gp_parser {
    gp_arena_t *arena;
    const char *src; /* normalized source, for error lines */
    size_t len;
    gp_token_t *tokens; /* ends with ENDMARKER, or ERRORTOKEN (deferred error) */
    size_t count;
    size_t pos;
    size_t max_pos;
    gp_lexer_t *lexer; /* holds the deferred error, if any */
    gp_syntax_error_t *err;
    int failed;
    int depth;
    /* f-string expressions are parsed by a nested parser whose errors are
     * prefixed with "f-string: ". */
    int in_fstring;
    /* Set once the parser has reached the tokenizer's deferred error: that
     * error stands even inside a speculative parse, as in CPython. */
    int hit_error_token;
    /* Where to record warnings (shared with nested f-string parsers); NULL
     * when the caller does not want them. */
    gp_parse_warnings_t *warnings;
} gp_parser_t;

/* A growable array of pointers in the arena, for building sequences. */
typedef struct {
    void **items;
    size_t count;
    size_t cap;
} gp_vec_t;

/* --- parser.c: tokens, errors, nodes ----------------------------------- */

/* Returns the current token and records that it was looked at. */
gp_token_t *parser_peek(gp_parser_t *p);
/* Returns the token [n] places after the current one (clamped). */
gp_token_t *parser_peek_n(gp_parser_t *p, size_t n);
/* Returns 1 when the current token has [type]. */
int parser_check(gp_parser_t *p, gp_token_type_t type);
/* Consumes and returns the current token when it has [type], else NULL. */
gp_token_t *parser_accept(gp_parser_t *p, gp_token_type_t type);
/* Consumes the current token when it has [type]; otherwise fails with a
 * generic syntax error. */
gp_token_t *parser_expect(gp_parser_t *p, gp_token_type_t type);
/* Consumes the current token when it has [type]; otherwise fails with
 * "expected 'x'" at the current token (CPython's forced tokens). */
gp_token_t *parser_expect_forced(gp_parser_t *p, gp_token_type_t type);
/* Returns the last consumed token. */
gp_token_t *parser_last(gp_parser_t *p);

/* Records a syntax error spanning [lineno:col]..[end_lineno:end_col] (byte
 * columns, 0-based). The first error wins; later calls are ignored. */
void parser_error_at(gp_parser_t *p, int lineno, int col, int end_lineno, int end_col,
                     const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* Records an error over a token, a node, or from one node to another. */
void parser_error_token(gp_parser_t *p, const gp_token_t *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void parser_error_expr(gp_parser_t *p, const gp_ast_expr_t *e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
void parser_error_range(gp_parser_t *p, const gp_ast_expr_t *a, const gp_ast_expr_t *b,
                        const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* Records "invalid syntax" (or the tokenizer's pending error, "unexpected
 * indent", ...) at the furthest token looked at. */
void parser_error_generic(gp_parser_t *p);
/* Records an out-of-memory failure. */
void parser_error_memory(gp_parser_t *p);
/* Records the DeprecationWarning [msg] about the text at [where] in the
 * literal token [t], unless one was recorded there already (a speculative
 * parse may see a literal twice). Returns 0, or -1 out of memory. */
int parser_warn_token(gp_parser_t *p, const gp_token_t *t, const char *where, const char *msg);

/* Enters one level of recursion; fails when the source nests too deeply.
 * Every successful parser_enter is paired with parser_leave. */
int parser_enter(gp_parser_t *p);
void parser_leave(gp_parser_t *p);

/* Allocation. */
void *parser_alloc(gp_parser_t *p, size_t size);
char *parser_strndup(gp_parser_t *p, const char *text, size_t length);
int vec_push(gp_parser_t *p, gp_vec_t *vec, void *item);
/* Copies the identifier of NAME token [t] into the arena, applying the
 * NFKC normalization CPython does for the common compatibility forms. */
char *parser_identifier(gp_parser_t *p, const gp_token_t *t);

/* New expression of [kind] starting at token [start] and ending at the
 * last consumed token. */
gp_ast_expr_t *expr_new(gp_parser_t *p, gp_ast_expr_kind_t kind, const gp_token_t *start);
/* New expression spanning from [first] to [last] (both nodes). */
/* Sets the start of [e] to where [first] starts, its parentheses included. */
void expr_start_at(gp_ast_expr_t *e, const gp_ast_expr_t *first);
gp_ast_expr_t *expr_new_span(gp_parser_t *p, gp_ast_expr_kind_t kind, const gp_ast_expr_t *first,
                             const gp_ast_expr_t *last);
/* Sets an expression's end to the last consumed token. */
void expr_end_here(gp_parser_t *p, gp_ast_expr_t *e);

/* Sequence conversions (the vector's storage becomes the sequence's). */
gp_ast_expr_seq_t vec_to_exprs(gp_vec_t *vec);
gp_ast_stmt_seq_t vec_to_stmts(gp_vec_t *vec);

/* --- parser_expr.c ----------------------------------------------------- */

gp_ast_expr_t *parse_expression(gp_parser_t *p);
gp_ast_expr_t *parse_named_expression(gp_parser_t *p);
gp_ast_expr_t *parse_star_expressions(gp_parser_t *p);
gp_ast_expr_t *parse_star_named_expression(gp_parser_t *p);
gp_ast_expr_t *parse_yield_expr(gp_parser_t *p);
gp_ast_expr_t *parse_disjunction(gp_parser_t *p);
gp_ast_expr_t *parse_bitwise_or(gp_parser_t *p);
/* `star_targets` of a for statement or comprehension (stops before `in`). */
gp_ast_expr_t *parse_star_targets(gp_parser_t *p);
/* Parameter lists; [is_lambda] selects `lambda` rules (no annotations,
 * ends at ':'). Returns an empty arguments node when there are none. */
gp_ast_arguments_t *parse_parameters(gp_parser_t *p, int is_lambda);
/* Call arguments after '(' up to (not including) ')'. A lone generator
 * argument `f(x for x in y)` is allowed with [allow_genexp] (calls, not
 * class bases). */
int parse_call_arguments(gp_parser_t *p, gp_ast_expr_seq_t *args, gp_ast_keyword_seq_t *keywords,
                         int allow_genexp);
/* Returns 1 when the current token can start an expression. */
int parser_starts_expression(gp_parser_t *p);

/* Assignment-target checks, with CPython's messages. [kind] is one of the
 * GP_TARGET_* values. Sets ctx on the whole target. Returns 0 or -1. */
enum { GP_TARGET_STAR = 0, GP_TARGET_DEL = 1, GP_TARGET_FOR = 2 };
int parser_set_context(gp_parser_t *p, gp_ast_expr_t *e, gp_ast_expr_context_t ctx, int kind);
/* CPython's invalid_named_expression for `a = b` where the current token
 * is '=' and [a] (which began at token [a_start]) is not a valid target or
 * an expression was expected: raises "cannot assign to X here. Maybe you
 * meant '==' instead of '='?" (or the ':=' hint) and returns 1, else 0. */
int parser_diagnose_bad_assignment(gp_parser_t *p, gp_ast_expr_t *a, size_t a_start);
/* Finds the first sub-expression that cannot be a target, or NULL. */
const gp_ast_expr_t *parser_invalid_target(const gp_ast_expr_t *e, int kind);
/* CPython's _PyPegen_get_expr_name: "function call", "literal", ... */
const char *parser_expr_name(const gp_ast_expr_t *e);

/* --- parser_string.c --------------------------------------------------- */

/* Parses a run of adjacent STRING tokens (current token is the first) into
 * a Constant or JoinedStr. */
gp_ast_expr_t *parse_strings(gp_parser_t *p);
/* Parses one NUMBER token into a Constant. */
gp_ast_expr_t *parse_number(gp_parser_t *p);

/* --- parser.c: blocks, for the match statement ------------------------- */

/* block: NEWLINE INDENT statements DEDENT | simple_stmts. [what] names the
 * owner for "expected an indented block after [what] on line [lineno]". */
int parser_block(gp_parser_t *p, const char *what, int lineno, gp_ast_stmt_seq_t *out);

/* --- parser_match.c ---------------------------------------------------- */

/* Parses a match statement when the current token is the soft keyword
 * `match` and the line is a match statement's head. Returns 1 with the
 * statement in [*out], -1 on a syntax error, 0 when the line is not a match
 * statement (nothing consumed), and 2 when it is `match <subject>` followed
 * by a newline: an ordinary statement that, if it fails to parse, gets
 * CPython's "expected ':'" from parser_match_expected_colon. */
int parser_match_statement(gp_parser_t *p, gp_ast_stmt_t **out);
/* Replaces the pending syntax error by "expected ':'" after the subject of
 * the `match` at token index [match_pos]. */
void parser_match_expected_colon(gp_parser_t *p, size_t match_pos);

/* --- parser.c: nested parsing for f-strings ----------------------------- */

/* Parses [length] bytes at [text] as the expression of an f-string field
 * that starts at [lineno]:[col] of the file. Returns NULL with p->err set
 * on error. */
gp_ast_expr_t *parser_parse_fstring_expr(gp_parser_t *p, const char *text, size_t length,
                                         int lineno, int col);

#endif /* GP_COMPILE_PARSER_INTERNAL_H */
