/*
 * symtable.h - scopes and name resolution, the pass between the parser and
 * the code generator.
 *
 * The symbol table walks the AST once to record, for every scope (module,
 * class, function, lambda, comprehension), each name it binds, uses or
 * declares global/nonlocal. A second, recursive pass decides where each
 * name lives at run time: a fast local, a cell (local but captured by an
 * inner function), a free variable (captured from an outer function), an
 * explicit global or an implicit one (globals, then builtins). The code
 * generator then only asks gp_scope_lookup().
 *
 * All memory comes from the AST's arena: a symbol table lives exactly as
 * long as the tree it describes.
 */
#ifndef GP_COMPILE_SYMTABLE_H
#define GP_COMPILE_SYMTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "compile/ast.h"

typedef enum gp_scope_kind {
    GP_SCOPE_MODULE,
    GP_SCOPE_CLASS,
    GP_SCOPE_FUNCTION, /* def, lambda and comprehensions */
} gp_scope_kind_t;

/* What the first pass records about a name in a scope. */
enum {
    GP_SYM_ASSIGNED = 1 << 0, /* bound here: assignment, def, class, import, for, with, except */
    GP_SYM_PARAM = 1 << 1,
    GP_SYM_GLOBAL = 1 << 2,   /* `global` declaration */
    GP_SYM_NONLOCAL = 1 << 3, /* `nonlocal` declaration */
    GP_SYM_USED = 1 << 4,
    GP_SYM_FREE_CLASS = 1 << 5, /* a class body's name that inner functions also capture */
    GP_SYM_ANNOTATED = 1 << 6,
    GP_SYM_COMP_GLOBAL = 1 << 7, /* walrus in a comprehension at module level */
};

/* Where a name lives at run time. */
typedef enum gp_name_scope {
    GP_NAME_UNKNOWN = 0,
    GP_NAME_LOCAL,
    GP_NAME_GLOBAL_EXPLICIT,
    GP_NAME_GLOBAL_IMPLICIT,
    GP_NAME_FREE,
    GP_NAME_CELL,
} gp_name_scope_t;

typedef struct gp_symbol {
    const char *name;
    int flags;
    gp_name_scope_t scope;
} gp_symbol_t;

typedef struct gp_scope gp_scope_t;
struct gp_scope {
    gp_scope_kind_t kind;
    const char *name;     /* "<module>", the class or function name, "<lambda>", "<listcomp>"... */
    const void *node;     /* the AST node that opened the scope (NULL for the module) */
    int lineno;
    gp_scope_t *parent;
    gp_scope_t **children;
    size_t nchildren, children_cap;
    gp_symbol_t *symbols; /* in order of first mention */
    size_t nsymbols, symbols_cap;
    int *index;           /* open-addressing hash of symbol positions (+1); 0 = empty */
    size_t index_cap;
    /* Parameters in binding order: positional, keyword-only, *args, **kwargs. */
    const char **params;
    size_t nparams;
    bool is_generator, is_coroutine, is_comprehension, is_lambda;
    bool has_varargs, has_varkw;
    bool needs_class_cell; /* class scope: an inner function uses __class__ or super */
    bool returns_value;
    bool in_class_directly; /* a function defined directly in a class body */
};

typedef struct gp_symtable {
    gp_arena_t *arena;
    const char *filename;
    const char *source;
    size_t source_len;
    gp_scope_t *top;
    gp_scope_t *current;
    int comprehension_depth;
} gp_symtable_t;

/* Does [mod] switch on `from __future__ import annotations` among its
   leading future statements? (future.c; the compiler checks the
   statements themselves.) */
bool gp_future_annotations_on(const gp_ast_mod_t *mod);

/* Builds the symbol table of [mod]. Returns NULL with a SyntaxError set. */
gp_symtable_t *gp_symtable_build(const gp_ast_mod_t *mod, gp_arena_t *arena, const char *filename,
                                 const char *source, size_t source_len);

/* The scope that [node] (a def, lambda, class or comprehension) opened
   inside [parent], or NULL. */
gp_scope_t *gp_scope_child(gp_scope_t *parent, const void *node);

/* Where [name] lives in [scope]; GP_NAME_UNKNOWN if never mentioned. */
gp_name_scope_t gp_scope_lookup(gp_scope_t *scope, const char *name);
/* The symbol for [name], or NULL. */
gp_symbol_t *gp_scope_symbol(gp_scope_t *scope, const char *name);

#endif /* GP_COMPILE_SYMTABLE_H */
