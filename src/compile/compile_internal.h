/*
 * compile_internal.h - state shared by the two halves of the code
 * generator: compile.c (units, statements, assembly) and compile_expr.c
 * (expressions). Nothing outside src/compile/ includes it.
 */
#ifndef GP_COMPILE_INTERNAL_H
#define GP_COMPILE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "compile/ast.h"
#include "compile/compile.h"
#include "compile/symtable.h"
#include "vm/code.h"
#include "vm/opcodes.h"

/* What a return/break/continue must undo on its way out ("frame blocks"). */
typedef enum fblock_kind {
    FBLOCK_WHILE_LOOP,
    FBLOCK_FOR_LOOP,       /* iterator on the stack */
    FBLOCK_ASYNC_FOR_LOOP, /* async iterator on the stack */
    FBLOCK_TRY_EXCEPT,     /* SETUP_FINALLY of a try/except */
    FBLOCK_FINALLY_TRY,    /* SETUP_FINALLY of a try/finally: run the finally body */
    FBLOCK_FINALLY_END,    /* in a finally body on the exception path: prev, exc on the stack */
    FBLOCK_HANDLER_CLEANUP, /* in an except body: prev on the stack */
    FBLOCK_WITH,           /* SETUP_FINALLY of a with; __exit__ on the stack */
    FBLOCK_ASYNC_WITH,
    FBLOCK_POP_VALUE,      /* a value to drop (a return value kept across a finally) */
    FBLOCK_EXCEPTION_HANDLER,
    FBLOCK_EXCEPT_STAR_BODY, /* in an except* body: nothing may jump out of it */
} fblock_kind_t;

typedef struct fblock {
    fblock_kind_t kind;
    uint32_t label;     /* loops: the continue target */
    uint32_t exit;      /* loops: the break target */
    const void *datum;  /* FINALLY_TRY: the finally body; HANDLER_CLEANUP: the bound name */
} fblock_t;

#define COMPILE_MAX_FBLOCKS 64

/* One code object being generated. */
typedef struct unit {
    struct unit *parent;
    gp_scope_t *scope;
    const char *name;
    gp_object_t *qualname;
    int firstlineno;
    gp_instr_t *instrs;
    int *lines;
    /* Source range of each instruction (the node being compiled when it
       was emitted), for the caret lines of tracebacks. */
    gp_code_pos_t *positions;
    uint32_t ninstrs, cap;
    uint32_t *labels; /* label id -> instruction index, UINT32_MAX while unbound */
    uint32_t nlabels, labels_cap;
    gp_object_t *consts;    /* list */
    gp_object_t *const_map; /* dict (type, value) -> index */
    gp_object_t *names;     /* list */
    gp_object_t *name_map;  /* dict str -> index */
    gp_object_t *slot_names; /* list: locals, cells, frees */
    gp_object_t *slot_map;   /* dict str -> slot index of locals */
    gp_object_t *cell_map;   /* dict str -> localsplus index of cells and frees */
    int nlocals, ncells, nfrees;
    int *cell_args;
    uint32_t *cache_names;
    uint32_t ncaches, caches_cap;
    fblock_t fblocks[COMPILE_MAX_FBLOCKS];
    int nfblocks;
    int lineno;
    gp_code_pos_t pos; /* range of the node being compiled */
    uint32_t flags;
    int argcount, posonlyargcount, kwonlyargcount;
    bool is_class, is_module, is_async;
} unit_t;

typedef struct compiler {
    gp_symtable_t *st;
    const char *filename;
    const char *source;
    size_t source_len;
    gp_object_t *filename_obj;
    unit_t *u;
    gp_compile_mode_t mode;
    const char *private_name; /* innermost class name, for mangling */
    bool failed;
    /* Future statements: the leading run of them in the module body
       ([future_first], [future_end]) and what they switched on. */
    const gp_ast_stmt_seq_t *module_body;
    size_t future_first, future_end;
    bool future_annotations; /* PEP 563: annotations are stored as text */
    /* The comparison of the last `not (a is b)` checked as `a is not b`,
       so that it is not checked again on its own (compile_warn.c). */
    const gp_ast_expr_t *negated_compare;
} compiler_t;

/* Scans the module's leading future statements (future.c): checks the
   feature names and records what they switch on. false with a
   SyntaxError for an unknown feature. */
bool c_scan_future(compiler_t *c, const gp_ast_mod_t *mod);
/* Is [s] one of the leading future statements c_scan_future() found? */
bool c_is_leading_future(compiler_t *c, const gp_ast_stmt_t *s);

/* The source text CPython 3.11 gives the annotation [e] under PEP 563
   (unparse.c). New reference, NULL with an exception on failure. Also
   reports in *[forbidden] the first node an annotation may not contain
   (walrus, yield, await outside a nested scope), or NULL, with its name
   for the error message in *[forbidden_what]. */
gp_object_t *gp_unparse_annotation(const gp_ast_expr_t *e, const gp_ast_expr_t **forbidden,
                                   const char **forbidden_what);

/* Emitting. */
bool c_emit(compiler_t *c, int op, uint32_t arg);
uint32_t c_new_label(compiler_t *c);
void c_bind_label(compiler_t *c, uint32_t label);
bool c_emit_jump(compiler_t *c, int op, uint32_t label);
bool c_emit_compare_jump(compiler_t *c, int op, int cmp, uint32_t label);
int c_add_const(compiler_t *c, gp_object_t *value); /* steals value; -1 on error */
bool c_load_const(compiler_t *c, gp_object_t *value); /* steals value */
bool c_load_none(compiler_t *c);
int c_add_name(compiler_t *c, const char *name);
int c_add_cache(compiler_t *c, const char *name);
/* The source range of a node, for instructions emitted on its behalf. */
static inline gp_code_pos_t c_pos_expr(const gp_ast_expr_t *e)
{
    return (gp_code_pos_t){e->lineno, e->end_lineno, e->col_offset, e->end_col_offset};
}

/* Emits the decorator calls (innermost first), each at its decorator's
   line and range, as CPython reports a decorator that raises. */
bool c_apply_decorators(compiler_t *c, const gp_ast_expr_seq_t *decorators);

bool c_error(compiler_t *c, const char *msg, int lineno, int col, int end_lineno, int end_col);
bool c_error_expr(compiler_t *c, const char *msg, const gp_ast_expr_t *e);
const char *c_mangle(compiler_t *c, const char *name);
gp_object_t *c_str(compiler_t *c, const char *s);

/* Names. */
typedef enum name_ctx { NAME_LOAD, NAME_STORE, NAME_DEL } name_ctx_t;
bool c_nameop(compiler_t *c, const char *name, name_ctx_t ctx);

/* Expressions (compile_expr.c). */
bool c_visit_expr(compiler_t *c, const gp_ast_expr_t *e);
bool c_visit_store(compiler_t *c, const gp_ast_expr_t *target);
bool c_visit_delete(compiler_t *c, const gp_ast_expr_t *target);
bool c_visit_test(compiler_t *c, const gp_ast_expr_t *e, uint32_t label, bool jump_if);
gp_object_t *c_constant_value(compiler_t *c, const gp_ast_constant_t *k);
bool c_make_closure(compiler_t *c, gp_object_t *code, int flags, gp_object_t *qualname);

/* Units (compile.c): a nested function, lambda, class body or comprehension. */
bool c_enter_unit(compiler_t *c, gp_scope_t *scope, const char *name, int lineno);
gp_object_t *c_leave_unit(compiler_t *c); /* assembles; returns the code object */
gp_scope_t *c_child_scope(compiler_t *c, const void *node);
gp_object_t *c_make_qualname(compiler_t *c, const char *name);
bool c_visit_stmts(compiler_t *c, const gp_ast_stmt_seq_t *body);

/* Compile-time warnings (compile_warn.c), each checked as its node is
   compiled: `is` with a literal, calling or subscripting a literal that
   cannot take it, and an assert of a tuple. false on error (the warning
   became an exception). */
bool c_check_compare(compiler_t *c, const gp_ast_expr_t *e);
bool c_check_not(compiler_t *c, const gp_ast_expr_t *e);
bool c_check_call(compiler_t *c, const gp_ast_expr_t *e);
bool c_check_subscript(compiler_t *c, const gp_ast_expr_t *e);
bool c_check_assert(compiler_t *c, const gp_ast_stmt_t *s);
/* Runs every check of [e] and its sub-expressions without compiling them:
   CPython 3.11 compiles a while loop's test twice, and so warns twice. */
bool c_check_tree(compiler_t *c, const gp_ast_expr_t *e);

/* The match statement (compile_match.c). */
bool c_visit_match(compiler_t *c, const gp_ast_stmt_t *s);

#endif /* GP_COMPILE_INTERNAL_H */
