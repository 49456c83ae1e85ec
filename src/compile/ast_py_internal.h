/*
 * ast_py_internal.h - the table behind the `_ast` module, shared by the
 * table itself (ast_py_table.c) and the walks that use it (ast_py.c).
 *
 * Only these two files include it; see ast_py.c's design notes for how the
 * table is read.
 */
#ifndef GP_COMPILE_AST_PY_INTERNAL_H
#define GP_COMPILE_AST_PY_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "compile/ast.h"

/* The C struct an instance of a class converts to and from. */
typedef enum {
    CAT_NONE, /* AST itself: no instances of its own */
    CAT_MOD,
    CAT_STMT,
    CAT_EXPR,
    CAT_PATTERN,
    CAT_EXCEPTHANDLER,
    CAT_COMPREHENSION,
    CAT_ARGUMENTS,
    CAT_ARG,
    CAT_KEYWORD,
    CAT_ALIAS,
    CAT_WITHITEM,
    CAT_MATCH_CASE,
    CAT_TYPE_IGNORE,
    /* The rest are plain C enums: an instance is one shared object. */
    CAT_EXPR_CONTEXT,
    CAT_BOOLOP,
    CAT_OPERATOR,
    CAT_UNARYOP,
    CAT_CMPOP,
    CAT_COUNT_
} ast_category_t;

/* What a field holds. Node types name the category of the node pointed to;
   the others are plain values. */
typedef enum {
    T_NODE,         /* a pointer to a node of field->cat */
    T_ENUM,         /* an enum value of field->cat, stored as an int */
    T_IDENT,        /* const char * */
    T_INT,          /* int */
    T_CONSTANT,     /* the gp_ast_constant_t of a Constant */
    T_CONST_KIND,   /* Constant.kind: 'u' or None, from is_u_prefixed */
    T_SINGLETON,    /* MatchSingleton.value: a gp_ast_constant_kind_t */
    T_CMPOPS,       /* Compare.ops: a counted array of enum values */
    T_TYPE_COMMENT, /* not kept in the C tree: always None */
    T_TYPE_IGNORES  /* not kept in the C tree: always [] */
} ast_field_type_t;

/* How many: exactly one, one or None, a list, a list whose items may be
   None (Dict.keys, arguments.kw_defaults). */
typedef enum { ONE, OPT, SEQ, SEQ_N } ast_card_t;

/* The context an expression field demands, checked on the way back in. */
typedef enum { CTX_ANY, CTX_LOAD, CTX_STORE, CTX_DEL, CTX_SAME } ast_ctx_rule_t;

/* One field of a node class: its Python name and where and how the C
   struct keeps it. */
typedef struct {
    const char *name;
    ast_field_type_t type;
    ast_card_t card;
    ast_category_t cat; /* for T_NODE and T_ENUM */
    ast_ctx_rule_t ctx; /* for expression fields */
    size_t offset;
} ast_field_t;

/* One node class: a row of ast_py_classes. */
typedef struct {
    const char *name;
    const char *base;
    ast_category_t cat;
    int kind; /* selects the class inside a sum category; -1 if abstract */
    const ast_field_t *fields;
    size_t nfields;
} ast_class_t;

/* What each category's C struct looks like: its size, where its four
   location ints start (SIZE_MAX when it has none), whether it starts with
   a kind enum, and the name errors use for it. Patterns demand all four
   positions; the others let the end positions default to the start. */
typedef struct {
    const char *name;
    size_t size;
    size_t loc;
    bool has_kind;
    bool end_required;
} ast_category_info_t;

/* Every node class, a base always before its subclasses. */
extern const ast_class_t ast_py_classes[];
extern const size_t ast_py_class_count;
/* Indexed by ast_category_t. */
extern const ast_category_info_t ast_py_categories[];
/* "lineno", "col_offset", "end_lineno", "end_col_offset". */
extern const char *const ast_py_location_names[4];

/* The row of the concrete class of [cat] with [kind]; -1 if none. */
int ast_py_class_index(ast_category_t cat, int kind);

#endif /* GP_COMPILE_AST_PY_INTERNAL_H */
