/*
 * compile.h - the code generator: AST + symbol table -> code objects.
 *
 * Most callers want gp_compile_source() from vm/eval.h, which parses and
 * compiles in one step. This header is for the pieces in between.
 */
#ifndef GP_COMPILE_COMPILE_H
#define GP_COMPILE_COMPILE_H

#include <stdbool.h>
#include <stddef.h>

#include "compile/ast.h"
#include "compile/parser.h"
#include "obj/object.h"

/* compile()'s flag for `from __future__ import annotations`, as CPython's
   __future__.annotations.compiler_flag. */
#define GP_CO_FUTURE_ANNOTATIONS 0x1000000

/* How the top-level code behaves. */
typedef enum gp_compile_mode {
    GP_COMPILE_EXEC,   /* a module: statements, returns None */
    GP_COMPILE_EVAL,   /* one expression, returns its value */
    GP_COMPILE_SINGLE, /* interactive: expression statements are printed */
} gp_compile_mode_t;

/* The object a Constant node stands for (identifier-like strs interned), a
   new reference; NULL with an exception. Shared by the compiler and the
   ast module's tree conversion. */
gp_object_t *gp_ast_constant_object(const gp_ast_constant_t *k);

/* Compiles the parsed [mod] into a code object. [source] is the text it was
   parsed from (used for the text of SyntaxErrors). Returns NULL with a
   SyntaxError set. */
gp_object_t *gp_compile_ast(const gp_ast_mod_t *mod, gp_arena_t *arena, const char *filename,
                            const char *source, size_t source_len, gp_compile_mode_t mode);

/* Issues the warnings the lexer and parser recorded in [warnings]
   (compile_warn.c), in order, for [filename]. Returns 0, or -1 with an
   exception: a SyntaxError at the literal when a filter turned the warning
   into an error. */
int gp_compile_issue_parse_warnings(const gp_parse_warnings_t *warnings, const char *filename,
                                    const char *source, size_t source_len);

/* Raises [type] (SyntaxError, IndentationError or TabError) as CPython does:
   msg, filename, lineno, offset, text, end_lineno, end_offset. The positions
   are AST positions (1-based lines, 0-based UTF-8 byte columns); the
   exception gets CPython's 1-based character offsets. [source] may be NULL. */
void gp_compile_raise_syntax_error(gp_type_t *type, const char *filename, const char *source,
                                   size_t source_len, const char *msg, int lineno, int col_offset,
                                   int end_lineno, int end_col_offset);

/* Same, with 1-based character offsets already computed (the parser's
   gp_syntax_error_t) and the line's text given. */
void gp_compile_raise_syntax_error_at(gp_type_t *type, const char *filename, const char *msg,
                                      int lineno, int offset, const char *text, int end_lineno,
                                      int end_offset);

#endif /* GP_COMPILE_COMPILE_H */
