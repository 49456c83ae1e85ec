/* parser.h - Python source text to AST.
 *
 * The parser is a hand-written recursive descent parser over the token
 * stream of lexer.c. It builds the tree of ast.h in a caller-supplied arena
 * and reports syntax errors with CPython 3.11's messages and positions.
 * It never touches Python objects, so it can be tested on its own.
 */
#ifndef GP_COMPILE_PARSER_H
#define GP_COMPILE_PARSER_H

#include <stddef.h>

#include "ast.h"
#include "token.h" /* gp_syntax_error_t */

/* What the source is expected to contain, as compile()'s mode argument:
 * "exec" (a module), "eval" (one expression), "single" (one interactive
 * statement). */
typedef enum { GP_PARSE_FILE, GP_PARSE_EVAL, GP_PARSE_SINGLE } gp_parse_mode_t;

/* Parses [length] bytes of [source] (UTF-8; need not be NUL-terminated).
 * [filename] only appears in messages. Returns the module AST allocated in
 * [arena], or NULL with [err] filled (err->msg is "out of memory" when an
 * allocation failed). Never crashes on any input, and bounds its own
 * recursion. */
gp_ast_mod_t *gp_parse(const char *source, size_t length, const char *filename,
                       gp_parse_mode_t mode, gp_arena_t *arena, gp_syntax_error_t *err);

/* gp_parse() that also records the warnings in [warnings] (emptied first),
 * even when the parse fails: CPython has issued them by the time it meets
 * a later syntax error. */
gp_ast_mod_t *gp_parse_with_warnings(const char *source, size_t length, const char *filename,
                                     gp_parse_mode_t mode, gp_arena_t *arena,
                                     gp_syntax_error_t *err, gp_parse_warnings_t *warnings);

#endif /* GP_COMPILE_PARSER_H */
