/* ast.h - the abstract syntax tree produced by the parser.
 *
 * Design notes
 * ------------
 * The tree mirrors CPython 3.11's `ast` module so that anyone who knows
 * `ast.dump(ast.parse(src))` can predict every node and field here:
 *
 *   - Node kinds carry the Python class name: `GP_AST_BinOp`, `GP_AST_Name`.
 *   - Each category (mod, stmt, expr) is one tagged struct whose `kind` picks
 *     a member of the union `v`, named exactly like the class, so CPython's
 *     `e->v.BinOp.left` reads `e->v.BinOp.left` here too.
 *   - Field names are Python's field names (`orelse`, `decorator_list`,
 *     `comparators`), and optional fields are NULL when Python shows None.
 *   - Every stmt and expr (and arg, keyword, alias, excepthandler) carries a
 *     location: 1-based `lineno`/`end_lineno`, 0-based `col_offset`/
 *     `end_col_offset` counted in UTF-8 bytes, exactly like CPython.
 *
 * Sequences are `{ size_t count; T **items; }` so the compiler walks them
 * with a plain for loop. Two sequences hold values rather than pointers:
 * identifier lists (`char *`) and comparison operators (an enum).
 *
 * Memory: every node, sequence array and identifier lives in one arena
 * (`gp_arena_t`). Nothing in the tree is freed individually; the owner frees
 * the whole tree with one `gp_arena_free` once the compiler is done with it.
 * The front end never touches Python objects: literals are stored as plain
 * C data (digits, doubles, UTF-8 bytes) and the compiler turns them into
 * objects. That keeps the lexer and parser testable on their own.
 */
#ifndef GP_COMPILE_AST_H
#define GP_COMPILE_AST_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

/* ------------------------------------------------------------------------
 * Arena
 * ------------------------------------------------------------------------ */

/* A region allocator: many small allocations, one release. Not thread-safe;
 * each parse owns its arena. */
typedef struct gp_arena gp_arena_t;

/* Creates an empty arena, or returns NULL when out of memory. */
gp_arena_t *gp_arena_new(void);

/* Returns [size] zeroed bytes aligned for any type, valid until the arena is
 * freed, or NULL when out of memory. */
void *gp_arena_alloc(gp_arena_t *arena, size_t size);

/* Copies [length] bytes of [text] into the arena and appends a NUL. Returns
 * NULL when out of memory. */
char *gp_arena_strndup(gp_arena_t *arena, const char *text, size_t length);

/* Releases every allocation of [arena] and the arena itself. NULL is fine. */
void gp_arena_free(gp_arena_t *arena);

/* ------------------------------------------------------------------------
 * Small enums: operators and expression context
 * ------------------------------------------------------------------------ */

/* Whether a Name/Attribute/Subscript/Starred/List/Tuple is read, assigned
 * or deleted. */
typedef enum gp_ast_expr_context { GP_AST_Load, GP_AST_Store, GP_AST_Del } gp_ast_expr_context_t;

/* `and` / `or`. */
typedef enum gp_ast_boolop { GP_AST_And, GP_AST_Or } gp_ast_boolop_t;

/* Binary operators, in the order of Python's `ast.operator` subclasses. */
typedef enum gp_ast_operator {
    GP_AST_Add,
    GP_AST_Sub,
    GP_AST_Mult,
    GP_AST_MatMult,
    GP_AST_Div,
    GP_AST_Mod,
    GP_AST_Pow,
    GP_AST_LShift,
    GP_AST_RShift,
    GP_AST_BitOr,
    GP_AST_BitXor,
    GP_AST_BitAnd,
    GP_AST_FloorDiv
} gp_ast_operator_t;

/* Unary operators: `~`, `not`, `+`, `-`. */
typedef enum gp_ast_unaryop {
    GP_AST_Invert,
    GP_AST_Not,
    GP_AST_UAdd,
    GP_AST_USub
} gp_ast_unaryop_t;

/* Comparison operators. */
typedef enum gp_ast_cmpop {
    GP_AST_Eq,
    GP_AST_NotEq,
    GP_AST_Lt,
    GP_AST_LtE,
    GP_AST_Gt,
    GP_AST_GtE,
    GP_AST_Is,
    GP_AST_IsNot,
    GP_AST_In,
    GP_AST_NotIn
} gp_ast_cmpop_t;

/* ------------------------------------------------------------------------
 * Node kinds
 * ------------------------------------------------------------------------ */

/* Top-level node kinds: `exec` input, `eval` input, `single` (REPL) input. */
typedef enum gp_ast_mod_kind {
    GP_AST_Module,
    GP_AST_Expression,
    GP_AST_Interactive
} gp_ast_mod_kind_t;

/* Statement kinds, in the order of Python's `ast.stmt` subclasses. TryStar (`except*`) is parsed; the compiler may reject
 * it. */
typedef enum gp_ast_stmt_kind {
    GP_AST_FunctionDef,
    GP_AST_AsyncFunctionDef,
    GP_AST_ClassDef,
    GP_AST_Return,
    GP_AST_Delete,
    GP_AST_Assign,
    GP_AST_AugAssign,
    GP_AST_AnnAssign,
    GP_AST_For,
    GP_AST_AsyncFor,
    GP_AST_While,
    GP_AST_If,
    GP_AST_With,
    GP_AST_AsyncWith,
    GP_AST_Match,
    GP_AST_Raise,
    GP_AST_Try,
    GP_AST_TryStar,
    GP_AST_Assert,
    GP_AST_Import,
    GP_AST_ImportFrom,
    GP_AST_Global,
    GP_AST_Nonlocal,
    GP_AST_Expr,
    GP_AST_Pass,
    GP_AST_Break,
    GP_AST_Continue
} gp_ast_stmt_kind_t;

/* Expression kinds, in the order of Python's `ast.expr` subclasses. */
typedef enum gp_ast_expr_kind {
    GP_AST_BoolOp,
    GP_AST_NamedExpr,
    GP_AST_BinOp,
    GP_AST_UnaryOp,
    GP_AST_Lambda,
    GP_AST_IfExp,
    GP_AST_Dict,
    GP_AST_Set,
    GP_AST_ListComp,
    GP_AST_SetComp,
    GP_AST_DictComp,
    GP_AST_GeneratorExp,
    GP_AST_Await,
    GP_AST_Yield,
    GP_AST_YieldFrom,
    GP_AST_Compare,
    GP_AST_Call,
    GP_AST_FormattedValue,
    GP_AST_JoinedStr,
    GP_AST_Constant,
    GP_AST_Attribute,
    GP_AST_Subscript,
    GP_AST_Starred,
    GP_AST_Name,
    GP_AST_List,
    GP_AST_Tuple,
    GP_AST_Slice
} gp_ast_expr_kind_t;

/* ------------------------------------------------------------------------
 * Sequences
 * ------------------------------------------------------------------------ */

typedef struct gp_ast_mod gp_ast_mod_t;
typedef struct gp_ast_stmt gp_ast_stmt_t;
typedef struct gp_ast_expr gp_ast_expr_t;
typedef struct gp_ast_comprehension gp_ast_comprehension_t;
typedef struct gp_ast_excepthandler gp_ast_excepthandler_t;
typedef struct gp_ast_arguments gp_ast_arguments_t;
typedef struct gp_ast_arg gp_ast_arg_t;
typedef struct gp_ast_keyword gp_ast_keyword_t;
typedef struct gp_ast_alias gp_ast_alias_t;
typedef struct gp_ast_withitem gp_ast_withitem_t;
typedef struct gp_ast_pattern gp_ast_pattern_t;
typedef struct gp_ast_match_case gp_ast_match_case_t;

typedef struct {
    size_t count;
    gp_ast_stmt_t **items;
} gp_ast_stmt_seq_t;
/* Items may be NULL where Python shows None: Dict keys for `**d`, and
 * arguments.kw_defaults for keyword-only parameters without a default. */
typedef struct {
    size_t count;
    gp_ast_expr_t **items;
} gp_ast_expr_seq_t;
typedef struct {
    size_t count;
    gp_ast_comprehension_t **items;
} gp_ast_comprehension_seq_t;
typedef struct {
    size_t count;
    gp_ast_excepthandler_t **items;
} gp_ast_excepthandler_seq_t;
typedef struct {
    size_t count;
    gp_ast_arg_t **items;
} gp_ast_arg_seq_t;
typedef struct {
    size_t count;
    gp_ast_keyword_t **items;
} gp_ast_keyword_seq_t;
typedef struct {
    size_t count;
    gp_ast_alias_t **items;
} gp_ast_alias_seq_t;
typedef struct {
    size_t count;
    gp_ast_withitem_t **items;
} gp_ast_withitem_seq_t;
typedef struct {
    size_t count;
    gp_ast_pattern_t **items;
} gp_ast_pattern_seq_t;
typedef struct {
    size_t count;
    gp_ast_match_case_t **items;
} gp_ast_match_case_seq_t;
/* Identifiers (Global, Nonlocal): NUL-terminated UTF-8 strings. */
typedef struct {
    size_t count;
    const char **items;
} gp_ast_identifier_seq_t;
/* Compare.ops holds the operators by value. */
typedef struct {
    size_t count;
    gp_ast_cmpop_t *items;
} gp_ast_cmpop_seq_t;

/* ------------------------------------------------------------------------
 * Constants
 * ------------------------------------------------------------------------ */

/* What a Constant node holds. */
typedef enum gp_ast_constant_kind {
    GP_AST_CONST_NONE,
    GP_AST_CONST_TRUE,
    GP_AST_CONST_FALSE,
    GP_AST_CONST_ELLIPSIS,
    GP_AST_CONST_INT,     /* digits + base, see below */
    GP_AST_CONST_FLOAT,   /* number */
    GP_AST_CONST_COMPLEX, /* number is the imaginary part of `<number>j` */
    GP_AST_CONST_STR,     /* decoded UTF-8 in bytes/length */
    GP_AST_CONST_BYTES    /* raw bytes in bytes/length */
} gp_ast_constant_kind_t;

/* A literal value. Integers keep their source digits because they may not
 * fit any C type; the compiler converts them to an int object. */
typedef struct gp_ast_constant {
    gp_ast_constant_kind_t kind;
    /* GP_AST_CONST_INT: ASCII digits without prefix or underscores, NUL
     * terminated, in [base] 10, 16, 8 or 2 (hex digits may be either case).
     * "0x1F" gives digits "1F", base 16. */
    const char *digits;
    int base;
    /* GP_AST_CONST_FLOAT and GP_AST_CONST_COMPLEX. */
    double number;
    /* GP_AST_CONST_STR (valid UTF-8) and GP_AST_CONST_BYTES. Always
     * NUL-terminated for convenience, but may contain NULs: use [length]. */
    const char *bytes;
    size_t length;
    /* 1 when a str literal had a `u` prefix: Python shows kind='u'. */
    int is_u_prefixed;
} gp_ast_constant_t;

/* ------------------------------------------------------------------------
 * Expressions
 * ------------------------------------------------------------------------ */

struct gp_ast_expr {
    gp_ast_expr_kind_t kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    /* When the expression was written in parentheses, the span of the
       outermost pair (group_lineno 0 otherwise). Not part of the node
       itself, as in CPython, but a node built around it starts or ends
       there: `(a) + b` starts at the parenthesis. */
    int group_lineno, group_col_offset, group_end_lineno, group_end_col_offset;
    union {
        struct {
            gp_ast_boolop_t op;
            gp_ast_expr_seq_t values;
        } BoolOp;
        struct {
            gp_ast_expr_t *target;
            gp_ast_expr_t *value;
        } NamedExpr;
        struct {
            gp_ast_expr_t *left;
            gp_ast_operator_t op;
            gp_ast_expr_t *right;
        } BinOp;
        struct {
            gp_ast_unaryop_t op;
            gp_ast_expr_t *operand;
        } UnaryOp;
        struct {
            gp_ast_arguments_t *args;
            gp_ast_expr_t *body;
        } Lambda;
        struct {
            gp_ast_expr_t *test;
            gp_ast_expr_t *body;
            gp_ast_expr_t *orelse;
        } IfExp;
        /* keys.items[i] is NULL for a `**mapping` entry. */
        struct {
            gp_ast_expr_seq_t keys;
            gp_ast_expr_seq_t values;
        } Dict;
        struct {
            gp_ast_expr_seq_t elts;
        } Set;
        struct {
            gp_ast_expr_t *elt;
            gp_ast_comprehension_seq_t generators;
        } ListComp;
        struct {
            gp_ast_expr_t *elt;
            gp_ast_comprehension_seq_t generators;
        } SetComp;
        struct {
            gp_ast_expr_t *key;
            gp_ast_expr_t *value;
            gp_ast_comprehension_seq_t generators;
        } DictComp;
        struct {
            gp_ast_expr_t *elt;
            gp_ast_comprehension_seq_t generators;
        } GeneratorExp;
        struct {
            gp_ast_expr_t *value;
        } Await;
        struct {
            gp_ast_expr_t *value;
        } Yield; /* value may be NULL */
        struct {
            gp_ast_expr_t *value;
        } YieldFrom;
        /* ops.count == comparators.count >= 1. */
        struct {
            gp_ast_expr_t *left;
            gp_ast_cmpop_seq_t ops;
            gp_ast_expr_seq_t comparators;
        } Compare;
        struct {
            gp_ast_expr_t *func;
            gp_ast_expr_seq_t args;
            gp_ast_keyword_seq_t keywords;
        } Call;
        /* conversion is 's', 'r', 'a' or -1; format_spec is a JoinedStr or
         * NULL. */
        struct {
            gp_ast_expr_t *value;
            int conversion;
            gp_ast_expr_t *format_spec;
        } FormattedValue;
        /* values are Constant(str) and FormattedValue nodes. */
        struct {
            gp_ast_expr_seq_t values;
        } JoinedStr;
        gp_ast_constant_t Constant;
        struct {
            gp_ast_expr_t *value;
            const char *attr;
            gp_ast_expr_context_t ctx;
        } Attribute;
        struct {
            gp_ast_expr_t *value;
            gp_ast_expr_t *slice;
            gp_ast_expr_context_t ctx;
        } Subscript;
        struct {
            gp_ast_expr_t *value;
            gp_ast_expr_context_t ctx;
        } Starred;
        struct {
            const char *id;
            gp_ast_expr_context_t ctx;
        } Name;
        struct {
            gp_ast_expr_seq_t elts;
            gp_ast_expr_context_t ctx;
        } List;
        struct {
            gp_ast_expr_seq_t elts;
            gp_ast_expr_context_t ctx;
        } Tuple;
        /* Each bound may be NULL. */
        struct {
            gp_ast_expr_t *lower;
            gp_ast_expr_t *upper;
            gp_ast_expr_t *step;
        } Slice;
    } v;
};

/* ------------------------------------------------------------------------
 * Helper nodes
 * ------------------------------------------------------------------------ */

/* One `for target in iter if ...` clause of a comprehension. */
struct gp_ast_comprehension {
    gp_ast_expr_t *target;
    gp_ast_expr_t *iter;
    gp_ast_expr_seq_t ifs;
    int is_async;
};

/* One `except [type [as name]]:` clause (Python's ExceptHandler). */
struct gp_ast_excepthandler {
    gp_ast_expr_t *type; /* NULL for a bare `except:` */
    const char *name;    /* NULL without `as` */
    gp_ast_stmt_seq_t body;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* A parameter list of a def or lambda. */
struct gp_ast_arguments {
    gp_ast_arg_seq_t posonlyargs;
    gp_ast_arg_seq_t args;
    gp_ast_arg_t *vararg; /* NULL without `*name` */
    gp_ast_arg_seq_t kwonlyargs;
    /* Same length as kwonlyargs; NULL items where there is no default. */
    gp_ast_expr_seq_t kw_defaults;
    gp_ast_arg_t *kwarg; /* NULL without `**name` */
    /* Defaults of the last defaults.count positional parameters
     * (posonlyargs followed by args). */
    gp_ast_expr_seq_t defaults;
};

/* One parameter. */
struct gp_ast_arg {
    const char *arg;
    gp_ast_expr_t *annotation; /* NULL without annotation */
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* A keyword argument `arg=value` of a call or class, or `**value` when arg
 * is NULL. */
struct gp_ast_keyword {
    const char *arg;
    gp_ast_expr_t *value;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* `name [as asname]` in an import; name may be dotted ("a.b") or "*". */
struct gp_ast_alias {
    const char *name;
    const char *asname; /* NULL without `as` */
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* `context_expr [as optional_vars]` in a with statement. */
struct gp_ast_withitem {
    gp_ast_expr_t *context_expr;
    gp_ast_expr_t *optional_vars; /* NULL without `as` */
};

/* ------------------------------------------------------------------------
 * Patterns of the match statement (parser_match.c builds them)
 * ------------------------------------------------------------------------ */

/* Pattern kinds, in the order of Python's `ast.pattern` subclasses. */
typedef enum gp_ast_pattern_kind {
    GP_AST_MatchValue,
    GP_AST_MatchSingleton,
    GP_AST_MatchSequence,
    GP_AST_MatchMapping,
    GP_AST_MatchClass,
    GP_AST_MatchStar,
    GP_AST_MatchAs,
    GP_AST_MatchOr
} gp_ast_pattern_kind_t;

struct gp_ast_pattern {
    gp_ast_pattern_kind_t kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        /* value is a Constant, a negative or complex literal (UnaryOp or
         * BinOp of Constants), a str/bytes literal or a dotted name. */
        struct {
            gp_ast_expr_t *value;
        } MatchValue;
        /* value is NONE, TRUE or FALSE. */
        struct {
            gp_ast_constant_kind_t value;
        } MatchSingleton;
        struct {
            gp_ast_pattern_seq_t patterns;
        } MatchSequence;
        /* keys.count == patterns.count; rest is NULL without `**rest`. */
        struct {
            gp_ast_expr_seq_t keys;
            gp_ast_pattern_seq_t patterns;
            const char *rest;
        } MatchMapping;
        /* kwd_attrs.count == kwd_patterns.count. */
        struct {
            gp_ast_expr_t *cls;
            gp_ast_pattern_seq_t patterns;
            gp_ast_identifier_seq_t kwd_attrs;
            gp_ast_pattern_seq_t kwd_patterns;
        } MatchClass;
        /* name is NULL for `*_`. */
        struct {
            const char *name;
        } MatchStar;
        /* `_` has both NULL; a capture has only a name. */
        struct {
            gp_ast_pattern_t *pattern;
            const char *name;
        } MatchAs;
        struct {
            gp_ast_pattern_seq_t patterns;
        } MatchOr;
    } v;
};

/* One `case pattern [if guard]: body` (no location, as in Python). */
struct gp_ast_match_case {
    gp_ast_pattern_t *pattern;
    gp_ast_expr_t *guard; /* NULL without a guard */
    gp_ast_stmt_seq_t body;
};

/* ------------------------------------------------------------------------
 * Statements
 * ------------------------------------------------------------------------ */

/* Shared layouts for the statement pairs that differ only by `async`. */
typedef struct gp_ast_function_def {
    const char *name;
    gp_ast_arguments_t *args;
    gp_ast_stmt_seq_t body;
    gp_ast_expr_seq_t decorator_list;
    gp_ast_expr_t *returns; /* NULL without `-> annotation` */
} gp_ast_function_def_t;

typedef struct gp_ast_for {
    gp_ast_expr_t *target;
    gp_ast_expr_t *iter;
    gp_ast_stmt_seq_t body;
    gp_ast_stmt_seq_t orelse;
} gp_ast_for_t;

typedef struct gp_ast_with {
    gp_ast_withitem_seq_t items;
    gp_ast_stmt_seq_t body;
} gp_ast_with_t;

typedef struct gp_ast_try {
    gp_ast_stmt_seq_t body;
    gp_ast_excepthandler_seq_t handlers;
    gp_ast_stmt_seq_t orelse;
    gp_ast_stmt_seq_t finalbody;
} gp_ast_try_t;

struct gp_ast_stmt {
    gp_ast_stmt_kind_t kind;
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        gp_ast_function_def_t FunctionDef;
        gp_ast_function_def_t AsyncFunctionDef;
        struct {
            const char *name;
            gp_ast_expr_seq_t bases;
            gp_ast_keyword_seq_t keywords;
            gp_ast_stmt_seq_t body;
            gp_ast_expr_seq_t decorator_list;
        } ClassDef;
        struct {
            gp_ast_expr_t *value;
        } Return; /* value may be NULL */
        struct {
            gp_ast_expr_seq_t targets;
        } Delete;
        /* `a = b = value` has targets [a, b]. */
        struct {
            gp_ast_expr_seq_t targets;
            gp_ast_expr_t *value;
        } Assign;
        struct {
            gp_ast_expr_t *target;
            gp_ast_operator_t op;
            gp_ast_expr_t *value;
        } AugAssign;
        /* simple is 1 when the target is a plain, unparenthesized Name. */
        struct {
            gp_ast_expr_t *target;
            gp_ast_expr_t *annotation;
            gp_ast_expr_t *value; /* may be NULL */
            int simple;
        } AnnAssign;
        gp_ast_for_t For;
        gp_ast_for_t AsyncFor;
        struct {
            gp_ast_expr_t *test;
            gp_ast_stmt_seq_t body;
            gp_ast_stmt_seq_t orelse;
        } While;
        /* `elif` is an If inside orelse, as in Python. */
        struct {
            gp_ast_expr_t *test;
            gp_ast_stmt_seq_t body;
            gp_ast_stmt_seq_t orelse;
        } If;
        gp_ast_with_t With;
        gp_ast_with_t AsyncWith;
        struct {
            gp_ast_expr_t *subject;
            gp_ast_match_case_seq_t cases;
        } Match;
        struct {
            gp_ast_expr_t *exc;
            gp_ast_expr_t *cause;
        } Raise; /* both may be NULL */
        gp_ast_try_t Try;
        gp_ast_try_t TryStar;
        struct {
            gp_ast_expr_t *test;
            gp_ast_expr_t *msg;
        } Assert; /* msg may be NULL */
        struct {
            gp_ast_alias_seq_t names;
        } Import;
        /* module is NULL for `from . import x`; level counts the dots. */
        struct {
            const char *module;
            gp_ast_alias_seq_t names;
            int level;
        } ImportFrom;
        struct {
            gp_ast_identifier_seq_t names;
        } Global;
        struct {
            gp_ast_identifier_seq_t names;
        } Nonlocal;
        struct {
            gp_ast_expr_t *value;
        } Expr;
    } v;
};

/* ------------------------------------------------------------------------
 * Modules
 * ------------------------------------------------------------------------ */

struct gp_ast_mod {
    gp_ast_mod_kind_t kind;
    /* GP_AST_Module and GP_AST_Interactive. */
    gp_ast_stmt_seq_t body;
    /* GP_AST_Expression. */
    gp_ast_expr_t *expr;
    /* Future features asked for by the caller rather than by the source:
       compile()'s flags (GP_CO_FUTURE_ANNOTATIONS). 0 from the parser. */
    uint32_t future_flags;
};

/* ------------------------------------------------------------------------
 * Utilities
 * ------------------------------------------------------------------------ */

/* Returns the Python class name of a kind ("BinOp"), for messages and
 * dumps. */
const char *gp_ast_stmt_kind_name(gp_ast_stmt_kind_t kind);
const char *gp_ast_expr_kind_name(gp_ast_expr_kind_t kind);

/* Writes the tree to [out] exactly as CPython 3.11 prints
 * `ast.dump(ast.parse(src))`: no indentation, no location attributes. */
void gp_ast_dump(const gp_ast_mod_t *mod, FILE *out);

/* Writes one expression the same way (used by tests and debugging). */
void gp_ast_dump_expr(const gp_ast_expr_t *expr, FILE *out);

#endif /* GP_COMPILE_AST_H */
