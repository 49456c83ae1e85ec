/*
 * ast_py.h - the bridge between the parser's C tree (ast.h) and the Python
 * objects of the `ast` module (the `_ast` built-in module).
 *
 * compile() is the only client outside ast_py.c: it hands source text to
 * gp_ast_py_parse() when asked for PyCF_ONLY_AST, and hands a tree of node
 * objects to gp_ast_py_compile() when given one instead of text.
 */
#ifndef GP_COMPILE_AST_PY_H
#define GP_COMPILE_AST_PY_H

#include <stddef.h>
#include <stdint.h>

#include "obj/object.h"

/* compile()'s flag asking for the tree instead of a code object. */
#define GP_PYCF_ONLY_AST 0x400

/* Creates the `_ast` module: the node classes and the PyCF_ constants. */
gp_object_t *gp_ast_module_create(void);

/* Parses [len] bytes of [source] in [mode] ("exec", "eval", "single") and
   returns the tree as node objects, or NULL with the SyntaxError that
   compile() would raise for the same text. */
gp_object_t *gp_ast_py_parse(const char *source, size_t len, const char *filename,
                             const char *mode);

/* 1 when [o] is an instance of ast.AST, 0 when not, -1 on error. Never
   imports `_ast`: without the module no object can be a node. */
int gp_ast_py_check(gp_object_t *o);

/* Validates the tree [tree] and compiles it in [mode] into a code object;
   NULL with TypeError/ValueError for a malformed tree (CPython's messages)
   or a SyntaxError found by the compiler. */
gp_object_t *gp_ast_py_compile(gp_object_t *tree, const char *filename, const char *mode,
                               uint32_t future_flags);

#endif /* GP_COMPILE_AST_PY_H */
