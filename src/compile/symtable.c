/*
 * symtable.c - builds scopes from the AST and resolves every name.
 *
 * Design notes
 * ------------
 * Pass one (st_visit_*) mirrors CPython's symtable.c: it walks the tree,
 * opening a scope for each def, lambda, class and comprehension, and
 * records per name whether it is assigned, used, a parameter, or declared
 * global/nonlocal. Declaration conflicts ("name 'x' is used prior to
 * global declaration") are detected here, while the order of statements is
 * still known.
 *
 * Pass two (st_analyze) runs recursively from the module down, carrying
 * the set of names bound by enclosing *function* scopes ("bound") and the
 * names declared global above ("global"). A name is local if the scope binds
 * it, free if an enclosing function binds it, else global. Coming back up,
 * every name an inner scope needs free that this function binds becomes a
 * cell here; one it does not bind is passed further up as free. Class
 * bodies are transparent for that purpose (their names are not visible to
 * inner functions), except for the implicit `__class__` cell that zero-arg
 * super() uses.
 *
 * Comprehensions are function scopes with the hidden parameter ".0" (the
 * iterator of the first `for`, evaluated outside), exactly like CPython
 * 3.11, and a walrus inside one binds in the nearest enclosing function.
 *
 * Names inside a class are mangled (`__x` -> `_Class__x`) before they are
 * recorded, so the code generator must mangle the same way (st_mangle is
 * shared through gp_symtable_mangle in compile.c's copy).
 */
#include <string.h>

#include "compile/compile.h"
#include "compile/symtable.h"

/* A small set of strings, used only during analysis. */
typedef struct name_set {
    const char **items;
    size_t count, cap;
} name_set_t;

typedef struct st_state {
    gp_symtable_t *st;
    const char *private_name; /* the enclosing class name, for mangling */
    bool failed;
    /* `from __future__ import annotations`: annotations become strings and
       bind or use no names, so they are not visited at all (the compiler
       checks what they may not contain). */
    bool future_annotations;
    /* Above zero while visiting a comprehension's iterable (and anything
       nested in it), where an assignment expression is refused. */
    int comp_iter_expr;
    /* True while visiting a comprehension's `for` target. */
    bool comp_iter_target;
} st_state_t;

/* ------------------------------------------------------------------ */
/* Errors and memory                                                    */
/* ------------------------------------------------------------------ */

static void st_error(st_state_t *s, const char *msg, int lineno, int col, int end_lineno,
                     int end_col)
{
    if (s->failed)
        return;
    s->failed = true;
    gp_compile_raise_syntax_error(&gp_exc_SyntaxError, s->st->filename, s->st->source,
                                  s->st->source_len, msg, lineno, col, end_lineno, end_col);
}

static void *st_alloc(st_state_t *s, size_t size)
{
    void *p = gp_arena_alloc(s->st->arena, size);
    if (!p && !s->failed) {
        s->failed = true;
        gp_err_no_memory();
    }
    return p;
}

/* Grows an arena array of [*cap] items of [size] bytes to hold one more. */
static bool st_grow(st_state_t *s, void **items, size_t count, size_t *cap, size_t size)
{
    if (count < *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *n = st_alloc(s, ncap * size);
    if (!n)
        return false;
    if (count)
        memcpy(n, *items, count * size);
    *items = n;
    *cap = ncap;
    return true;
}

static bool set_contains(const name_set_t *set, const char *name)
{
    for (size_t i = 0; i < set->count; i++)
        if (strcmp(set->items[i], name) == 0)
            return true;
    return false;
}

static bool set_add(st_state_t *s, name_set_t *set, const char *name)
{
    if (set_contains(set, name))
        return true;
    if (!st_grow(s, (void **)&set->items, set->count, &set->cap, sizeof(char *)))
        return false;
    set->items[set->count++] = name;
    return true;
}

static bool set_copy(st_state_t *s, name_set_t *dst, const name_set_t *src)
{
    memset(dst, 0, sizeof *dst);
    for (size_t i = 0; i < src->count; i++)
        if (!set_add(s, dst, src->items[i]))
            return false;
    return true;
}

/* ------------------------------------------------------------------ */
/* Scopes and symbols                                                   */
/* ------------------------------------------------------------------ */

static size_t st_hash(const char *name)
{
    size_t h = 5381;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = h * 33 + *p;
    return h;
}

gp_symbol_t *gp_scope_symbol(gp_scope_t *scope, const char *name)
{
    if (!scope->index_cap)
        return NULL;
    size_t mask = scope->index_cap - 1;
    for (size_t i = st_hash(name) & mask;; i = (i + 1) & mask) {
        int pos = scope->index[i];
        if (pos == 0)
            return NULL;
        if (strcmp(scope->symbols[pos - 1].name, name) == 0)
            return &scope->symbols[pos - 1];
    }
}

gp_name_scope_t gp_scope_lookup(gp_scope_t *scope, const char *name)
{
    gp_symbol_t *sym = gp_scope_symbol(scope, name);
    return sym ? sym->scope : GP_NAME_UNKNOWN;
}

gp_scope_t *gp_scope_child(gp_scope_t *parent, const void *node)
{
    for (size_t i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->node == node)
            return parent->children[i];
    return NULL;
}

static bool st_reindex(st_state_t *s, gp_scope_t *scope)
{
    size_t cap = scope->index_cap ? scope->index_cap * 2 : 16;
    int *index = st_alloc(s, cap * sizeof(int));
    if (!index)
        return false;
    for (size_t k = 0; k < scope->nsymbols; k++) {
        size_t i = st_hash(scope->symbols[k].name) & (cap - 1);
        while (index[i])
            i = (i + 1) & (cap - 1);
        index[i] = (int)k + 1;
    }
    scope->index = index;
    scope->index_cap = cap;
    return true;
}

/* The symbol for [name] in [scope], created (flags 0) if missing. */
static gp_symbol_t *st_symbol(st_state_t *s, gp_scope_t *scope, const char *name)
{
    gp_symbol_t *sym = gp_scope_symbol(scope, name);
    if (sym)
        return sym;
    if (!st_grow(s, (void **)&scope->symbols, scope->nsymbols, &scope->symbols_cap,
                 sizeof(gp_symbol_t)))
        return NULL;
    sym = &scope->symbols[scope->nsymbols++];
    sym->name = name;
    sym->flags = 0;
    sym->scope = GP_NAME_UNKNOWN;
    if (scope->nsymbols * 2 > scope->index_cap) {
        if (!st_reindex(s, scope))
            return NULL;
    } else {
        size_t mask = scope->index_cap - 1;
        size_t i = st_hash(name) & mask;
        while (scope->index[i])
            i = (i + 1) & mask;
        scope->index[i] = (int)scope->nsymbols;
    }
    return sym;
}

/* Returns the mangled form of [name] for a class named [private_name]. */
static const char *st_mangle(st_state_t *s, const char *name)
{
    const char *cls = s->private_name;
    if (!cls || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if ((n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') || strchr(name, '.'))
        return name;
    while (*cls == '_')
        cls++;
    if (!*cls)
        return name;
    size_t c = strlen(cls);
    char *out = st_alloc(s, 1 + c + n + 1);
    if (!out)
        return name;
    out[0] = '_';
    memcpy(out + 1, cls, c);
    memcpy(out + 1 + c, name, n + 1);
    return out;
}

static bool st_add(st_state_t *s, const char *name, int flag)
{
    gp_symbol_t *sym = st_symbol(s, s->st->current, st_mangle(s, name));
    if (!sym)
        return false;
    sym->flags |= flag;
    return true;
}

static gp_scope_t *st_enter(st_state_t *s, gp_scope_kind_t kind, const char *name,
                            const void *node, int lineno)
{
    gp_scope_t *scope = st_alloc(s, sizeof *scope);
    if (!scope)
        return NULL;
    scope->kind = kind;
    scope->name = name;
    scope->node = node;
    scope->lineno = lineno;
    gp_scope_t *parent = s->st->current;
    scope->parent = parent;
    if (parent) {
        if (!st_grow(s, (void **)&parent->children, parent->nchildren, &parent->children_cap,
                     sizeof(gp_scope_t *)))
            return NULL;
        parent->children[parent->nchildren++] = scope;
        scope->in_class_directly = parent->kind == GP_SCOPE_CLASS;
    }
    s->st->current = scope;
    return scope;
}

static void st_leave(st_state_t *s)
{
    s->st->current = s->st->current->parent;
}

/* ------------------------------------------------------------------ */
/* Pass one: the walk                                                   */
/* ------------------------------------------------------------------ */

static void st_visit_expr(st_state_t *s, const gp_ast_expr_t *e);
static void st_visit_stmts(st_state_t *s, const gp_ast_stmt_seq_t *seq);

static void st_visit_exprs(st_state_t *s, const gp_ast_expr_seq_t *seq)
{
    for (size_t i = 0; i < seq->count && !s->failed; i++)
        if (seq->items[i])
            st_visit_expr(s, seq->items[i]);
}

/* Records the parameters of [args] in binding order in the current scope. */
static void st_visit_params(st_state_t *s, const gp_ast_arguments_t *args)
{
    gp_scope_t *scope = s->st->current;
    size_t total = args->posonlyargs.count + args->args.count + args->kwonlyargs.count +
                   (args->vararg != NULL) + (args->kwarg != NULL);
    scope->params = total ? st_alloc(s, total * sizeof(char *)) : NULL;
    if (total && !scope->params)
        return;
    const gp_ast_arg_seq_t *seqs[3] = {&args->posonlyargs, &args->args, &args->kwonlyargs};
    for (int k = 0; k < 3; k++) {
        for (size_t i = 0; i < seqs[k]->count; i++) {
            const gp_ast_arg_t *a = seqs[k]->items[i];
            gp_symbol_t *sym = st_symbol(s, scope, st_mangle(s, a->arg));
            if (!sym)
                return;
            if (sym->flags & GP_SYM_PARAM) {
                char msg[300];
                snprintf(msg, sizeof msg, "duplicate argument '%s' in function definition", a->arg);
                st_error(s, msg, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
                return;
            }
            sym->flags |= GP_SYM_PARAM;
            scope->params[scope->nparams++] = sym->name;
        }
    }
    const gp_ast_arg_t *extra[2] = {args->vararg, args->kwarg};
    for (int k = 0; k < 2; k++) {
        const gp_ast_arg_t *a = extra[k];
        if (!a)
            continue;
        gp_symbol_t *sym = st_symbol(s, scope, st_mangle(s, a->arg));
        if (!sym)
            return;
        if (sym->flags & GP_SYM_PARAM) {
            char msg[300];
            snprintf(msg, sizeof msg, "duplicate argument '%s' in function definition", a->arg);
            st_error(s, msg, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
            return;
        }
        sym->flags |= GP_SYM_PARAM;
        scope->params[scope->nparams++] = sym->name;
    }
    scope->has_varargs = args->vararg != NULL;
    scope->has_varkw = args->kwarg != NULL;
}

/* Defaults are evaluated in the enclosing scope. */
static void st_visit_defaults(st_state_t *s, const gp_ast_arguments_t *args)
{
    st_visit_exprs(s, &args->defaults);
    st_visit_exprs(s, &args->kw_defaults);
}

/* Parameter and return annotations are evaluated in the enclosing scope too,
   at def time, in the order CPython evaluates them. */
static void st_visit_annotations(st_state_t *s, const gp_ast_arguments_t *args,
                                 const gp_ast_expr_t *returns)
{
    if (s->future_annotations)
        return;
    const gp_ast_arg_seq_t *seqs[3] = {&args->posonlyargs, &args->args, &args->kwonlyargs};
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < seqs[k]->count; i++)
            st_visit_expr(s, seqs[k]->items[i]->annotation);
    if (args->vararg)
        st_visit_expr(s, args->vararg->annotation);
    if (args->kwarg)
        st_visit_expr(s, args->kwarg->annotation);
    st_visit_expr(s, returns);
}

static const char *comprehension_name(gp_ast_expr_kind_t kind)
{
    switch (kind) {
    case GP_AST_ListComp:
        return "<listcomp>";
    case GP_AST_SetComp:
        return "<setcomp>";
    case GP_AST_DictComp:
        return "<dictcomp>";
    default:
        return "<genexpr>";
    }
}

static void st_visit_comprehension(st_state_t *s, const gp_ast_expr_t *e,
                                   const gp_ast_comprehension_seq_t *gens,
                                   const gp_ast_expr_t *elt, const gp_ast_expr_t *value)
{
    /* The outermost iterable is evaluated in the enclosing scope. */
    s->comp_iter_expr++;
    st_visit_expr(s, gens->items[0]->iter);
    s->comp_iter_expr--;
    if (s->failed)
        return;
    gp_scope_t *scope = st_enter(s, GP_SCOPE_FUNCTION, comprehension_name(e->kind), e, e->lineno);
    if (!scope)
        return;
    scope->is_comprehension = true;
    scope->is_generator = e->kind == GP_AST_GeneratorExp;
    scope->params = st_alloc(s, sizeof(char *));
    if (!scope->params)
        return;
    gp_symbol_t *sym = st_symbol(s, scope, ".0");
    if (!sym)
        return;
    sym->flags |= GP_SYM_PARAM;
    scope->params[scope->nparams++] = ".0";
    s->st->comprehension_depth++;
    for (size_t i = 0; i < gens->count && !s->failed; i++) {
        const gp_ast_comprehension_t *g = gens->items[i];
        if (g->is_async)
            scope->is_coroutine = true;
        if (i > 0) {
            s->comp_iter_expr++;
            st_visit_expr(s, g->iter);
            s->comp_iter_expr--;
        }
        bool saved_target = s->comp_iter_target;
        s->comp_iter_target = true;
        st_visit_expr(s, g->target);
        s->comp_iter_target = saved_target;
        st_visit_exprs(s, &g->ifs);
    }
    if (!s->failed && value)
        st_visit_expr(s, value);
    if (!s->failed && elt)
        st_visit_expr(s, elt);
    s->st->comprehension_depth--;
    st_leave(s);
    /* An asynchronous comprehension nested in another comprehension makes
       the outer one asynchronous too (CPython 3.11), so that it can await
       the inner one; it is still an error unless the outermost sits in an
       async function. */
    gp_scope_t *parent = s->st->current;
    if (!s->failed && scope->is_coroutine && !scope->is_generator && parent->is_comprehension)
        parent->is_coroutine = true;
}

/* A walrus target inside a comprehension binds in the enclosing function. */
static void st_visit_walrus_target(st_state_t *s, const gp_ast_expr_t *target)
{
    const char *name = target->v.Name.id;
    gp_scope_t *cur = s->st->current;
    if (!cur->is_comprehension) {
        st_add(s, name, GP_SYM_ASSIGNED);
        return;
    }
    gp_scope_t *outer = cur;
    while (outer->is_comprehension)
        outer = outer->parent;
    if (outer->kind == GP_SCOPE_CLASS) {
        st_error(s, "assignment expression within a comprehension cannot be used in a class body",
                 target->lineno, target->col_offset, target->end_lineno, target->end_col_offset);
        return;
    }
    /* The binding lands in [outer], so it is global when [outer] is the
       module or has declared the name `global`; otherwise it is a cell of
       [outer] that the comprehensions reach as a nonlocal. */
    gp_symbol_t *osym = st_symbol(s, outer, name);
    if (!osym)
        return;
    bool binds_global = outer->kind == GP_SCOPE_MODULE || (osym->flags & GP_SYM_GLOBAL);
    for (gp_scope_t *c = cur; c != outer; c = c->parent) {
        gp_symbol_t *csym = st_symbol(s, c, name);
        if (!csym)
            return;
        /* A name assigned (and not as a walrus's nonlocal) in any of the
           comprehensions between here and [outer] is one of their iteration
           variables: [[(j := i) for i in a] for j in b] is an error too. */
        if ((csym->flags & GP_SYM_ASSIGNED) &&
            !(csym->flags & (GP_SYM_NONLOCAL | GP_SYM_COMP_GLOBAL))) {
            char msg[300];
            snprintf(msg, sizeof msg,
                     "assignment expression cannot rebind comprehension iteration variable '%s'",
                     name);
            st_error(s, msg, target->lineno, target->col_offset, target->end_lineno,
                     target->end_col_offset);
            return;
        }
        csym->flags |= binds_global ? GP_SYM_COMP_GLOBAL : GP_SYM_NONLOCAL;
        csym->flags |= GP_SYM_USED;
    }
    osym->flags |= GP_SYM_ASSIGNED;
}

static void st_check_yield(st_state_t *s, const gp_ast_expr_t *e)
{
    gp_scope_t *scope = s->st->current;
    if (scope->kind != GP_SCOPE_FUNCTION) {
        st_error(s, e->kind == GP_AST_Await ? "'await' outside function" : "'yield' outside function",
                 e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
        return;
    }
    if (scope->is_comprehension && e->kind != GP_AST_Await) {
        const gp_ast_expr_t *node = scope->node;
        const char *what = node->kind == GP_AST_ListComp  ? "list comprehension"
                           : node->kind == GP_AST_SetComp ? "set comprehension"
                           : node->kind == GP_AST_DictComp ? "dict comprehension"
                                                          : "generator expression";
        char msg[100];
        snprintf(msg, sizeof msg, "'yield' inside %s", what);
        st_error(s, msg, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
        return;
    }
    if (e->kind != GP_AST_Await)
        scope->is_generator = true;
    else if (scope->is_comprehension)
        scope->is_coroutine = true; /* [await f(x) for x in xs] awaits each item */
}

static void st_visit_expr(st_state_t *s, const gp_ast_expr_t *e)
{
    if (s->failed || !e)
        return;
    switch (e->kind) {
    case GP_AST_BoolOp:
        st_visit_exprs(s, &e->v.BoolOp.values);
        break;
    case GP_AST_NamedExpr:
        if (s->comp_iter_expr > 0) {
            st_error(s, "assignment expression cannot be used in a comprehension iterable "
                        "expression",
                     e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
            return;
        }
        st_visit_expr(s, e->v.NamedExpr.value);
        if (e->v.NamedExpr.target->kind == GP_AST_Name)
            st_visit_walrus_target(s, e->v.NamedExpr.target);
        else
            st_visit_expr(s, e->v.NamedExpr.target);
        break;
    case GP_AST_BinOp:
        st_visit_expr(s, e->v.BinOp.left);
        st_visit_expr(s, e->v.BinOp.right);
        break;
    case GP_AST_UnaryOp:
        st_visit_expr(s, e->v.UnaryOp.operand);
        break;
    case GP_AST_Lambda: {
        st_visit_defaults(s, e->v.Lambda.args);
        gp_scope_t *scope = st_enter(s, GP_SCOPE_FUNCTION, "<lambda>", e, e->lineno);
        if (!scope)
            return;
        scope->is_lambda = true;
        st_visit_params(s, e->v.Lambda.args);
        st_visit_expr(s, e->v.Lambda.body);
        st_leave(s);
        break;
    }
    case GP_AST_IfExp:
        st_visit_expr(s, e->v.IfExp.test);
        st_visit_expr(s, e->v.IfExp.body);
        st_visit_expr(s, e->v.IfExp.orelse);
        break;
    case GP_AST_Dict:
        st_visit_exprs(s, &e->v.Dict.keys);
        st_visit_exprs(s, &e->v.Dict.values);
        break;
    case GP_AST_Set:
        st_visit_exprs(s, &e->v.Set.elts);
        break;
    case GP_AST_ListComp:
        st_visit_comprehension(s, e, &e->v.ListComp.generators, e->v.ListComp.elt, NULL);
        break;
    case GP_AST_SetComp:
        st_visit_comprehension(s, e, &e->v.SetComp.generators, e->v.SetComp.elt, NULL);
        break;
    case GP_AST_DictComp:
        st_visit_comprehension(s, e, &e->v.DictComp.generators, e->v.DictComp.key,
                               e->v.DictComp.value);
        break;
    case GP_AST_GeneratorExp:
        st_visit_comprehension(s, e, &e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
        break;
    case GP_AST_Await:
        st_check_yield(s, e);
        st_visit_expr(s, e->v.Await.value);
        break;
    case GP_AST_Yield:
        st_check_yield(s, e);
        st_visit_expr(s, e->v.Yield.value);
        break;
    case GP_AST_YieldFrom:
        st_check_yield(s, e);
        st_visit_expr(s, e->v.YieldFrom.value);
        break;
    case GP_AST_Compare:
        st_visit_expr(s, e->v.Compare.left);
        st_visit_exprs(s, &e->v.Compare.comparators);
        break;
    case GP_AST_Call:
        st_visit_expr(s, e->v.Call.func);
        st_visit_exprs(s, &e->v.Call.args);
        for (size_t i = 0; i < e->v.Call.keywords.count; i++)
            st_visit_expr(s, e->v.Call.keywords.items[i]->value);
        break;
    case GP_AST_FormattedValue:
        st_visit_expr(s, e->v.FormattedValue.value);
        st_visit_expr(s, e->v.FormattedValue.format_spec);
        break;
    case GP_AST_JoinedStr:
        st_visit_exprs(s, &e->v.JoinedStr.values);
        break;
    case GP_AST_Constant:
        break;
    case GP_AST_Attribute:
        st_visit_expr(s, e->v.Attribute.value);
        break;
    case GP_AST_Subscript:
        st_visit_expr(s, e->v.Subscript.value);
        st_visit_expr(s, e->v.Subscript.slice);
        break;
    case GP_AST_Starred:
        st_visit_expr(s, e->v.Starred.value);
        break;
    case GP_AST_Name: {
        const char *id = e->v.Name.id;
        if (s->comp_iter_target && e->v.Name.ctx != GP_AST_Load) {
            /* An earlier walrus in this comprehension already made the
               name a binding of the enclosing function. */
            gp_symbol_t *prior = gp_scope_symbol(s->st->current, st_mangle(s, id));
            if (prior && (prior->flags & (GP_SYM_NONLOCAL | GP_SYM_COMP_GLOBAL))) {
                char msg[300];
                snprintf(msg, sizeof msg,
                         "comprehension inner loop cannot rebind assignment expression target "
                         "'%s'",
                         id);
                st_error(s, msg, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
                return;
            }
        }
        st_add(s, id, e->v.Name.ctx == GP_AST_Load ? GP_SYM_USED : GP_SYM_ASSIGNED);
        /* Zero-argument super() needs the __class__ cell. */
        if (e->v.Name.ctx == GP_AST_Load && s->st->current->kind == GP_SCOPE_FUNCTION &&
            strcmp(id, "super") == 0)
            st_add(s, "__class__", GP_SYM_USED);
        break;
    }
    case GP_AST_List:
        st_visit_exprs(s, &e->v.List.elts);
        break;
    case GP_AST_Tuple:
        st_visit_exprs(s, &e->v.Tuple.elts);
        break;
    case GP_AST_Slice:
        st_visit_expr(s, e->v.Slice.lower);
        st_visit_expr(s, e->v.Slice.upper);
        st_visit_expr(s, e->v.Slice.step);
        break;
    }
}

/* `global` / `nonlocal` statements: CPython's declaration checks. */
static void st_visit_declaration(st_state_t *s, const gp_ast_stmt_t *stmt, bool is_global)
{
    const gp_ast_identifier_seq_t *names =
        is_global ? &stmt->v.Global.names : &stmt->v.Nonlocal.names;
    gp_scope_t *scope = s->st->current;
    const char *what = is_global ? "global" : "nonlocal";
    if (!is_global && scope->kind == GP_SCOPE_MODULE) {
        st_error(s, "nonlocal declaration not allowed at module level", stmt->lineno,
                 stmt->col_offset, stmt->end_lineno, stmt->end_col_offset);
        return;
    }
    for (size_t i = 0; i < names->count; i++) {
        const char *name = st_mangle(s, names->items[i]);
        gp_symbol_t *sym = st_symbol(s, scope, name);
        if (!sym)
            return;
        char msg[300];
        msg[0] = 0;
        int f = sym->flags;
        if (f & GP_SYM_PARAM)
            snprintf(msg, sizeof msg, "name '%s' is parameter and %s", names->items[i], what);
        else if (is_global && (f & GP_SYM_NONLOCAL))
            snprintf(msg, sizeof msg, "name '%s' is nonlocal and global", names->items[i]);
        else if (!is_global && (f & GP_SYM_GLOBAL))
            snprintf(msg, sizeof msg, "name '%s' is nonlocal and global", names->items[i]);
        else if (f & GP_SYM_USED)
            snprintf(msg, sizeof msg, "name '%s' is used prior to %s declaration", names->items[i],
                     what);
        else if ((f & GP_SYM_ASSIGNED) || (f & GP_SYM_ANNOTATED))
            snprintf(msg, sizeof msg, "name '%s' is assigned to before %s declaration",
                     names->items[i], what);
        if (msg[0]) {
            st_error(s, msg, stmt->lineno, stmt->col_offset, stmt->end_lineno,
                     stmt->end_col_offset);
            return;
        }
        sym->flags |= is_global ? GP_SYM_GLOBAL : GP_SYM_NONLOCAL;
        /* As in CPython, a global declaration anywhere makes the name an
           explicit global of the module block too, so module-level code
           under exec() with separate globals and locals binds it in globals. */
        gp_scope_t *top = s->st->top;
        if (is_global && scope != top) {
            gp_symbol_t *msym = st_symbol(s, top, name);
            if (!msym)
                return;
            msym->flags |= GP_SYM_GLOBAL;
        }
    }
}

static void st_visit_function(st_state_t *s, const gp_ast_stmt_t *stmt, bool is_async)
{
    const gp_ast_function_def_t *f = &stmt->v.FunctionDef;
    st_add(s, f->name, GP_SYM_ASSIGNED);
    st_visit_exprs(s, &f->decorator_list);
    st_visit_defaults(s, f->args);
    st_visit_annotations(s, f->args, f->returns);
    if (s->failed)
        return;
    gp_scope_t *scope = st_enter(s, GP_SCOPE_FUNCTION, f->name, stmt, stmt->lineno);
    if (!scope)
        return;
    scope->is_coroutine = is_async;
    st_visit_params(s, f->args);
    st_visit_stmts(s, &f->body);
    st_leave(s);
}

/* A pattern of a match statement: captures bind names, value and class
 * patterns read expressions. */
static void st_visit_pattern(st_state_t *s, const gp_ast_pattern_t *p)
{
    if (s->failed || p == NULL)
        return;
    const gp_ast_pattern_seq_t *subs = NULL;
    switch (p->kind) {
    case GP_AST_MatchValue:
        st_visit_expr(s, p->v.MatchValue.value);
        break;
    case GP_AST_MatchSingleton:
        break;
    case GP_AST_MatchSequence:
        subs = &p->v.MatchSequence.patterns;
        break;
    case GP_AST_MatchMapping:
        st_visit_exprs(s, &p->v.MatchMapping.keys);
        subs = &p->v.MatchMapping.patterns;
        if (p->v.MatchMapping.rest)
            st_add(s, p->v.MatchMapping.rest, GP_SYM_ASSIGNED);
        break;
    case GP_AST_MatchClass:
        st_visit_expr(s, p->v.MatchClass.cls);
        for (size_t i = 0; i < p->v.MatchClass.patterns.count; i++)
            st_visit_pattern(s, p->v.MatchClass.patterns.items[i]);
        subs = &p->v.MatchClass.kwd_patterns;
        break;
    case GP_AST_MatchStar:
        if (p->v.MatchStar.name)
            st_add(s, p->v.MatchStar.name, GP_SYM_ASSIGNED);
        break;
    case GP_AST_MatchAs:
        st_visit_pattern(s, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name)
            st_add(s, p->v.MatchAs.name, GP_SYM_ASSIGNED);
        break;
    case GP_AST_MatchOr:
        subs = &p->v.MatchOr.patterns;
        break;
    }
    for (size_t i = 0; subs != NULL && i < subs->count; i++)
        st_visit_pattern(s, subs->items[i]);
}

static void st_visit_stmt(st_state_t *s, const gp_ast_stmt_t *stmt)
{
    if (s->failed)
        return;
    switch (stmt->kind) {
    case GP_AST_FunctionDef:
        st_visit_function(s, stmt, false);
        break;
    case GP_AST_AsyncFunctionDef:
        st_visit_function(s, stmt, true);
        break;
    case GP_AST_ClassDef: {
        st_add(s, stmt->v.ClassDef.name, GP_SYM_ASSIGNED);
        st_visit_exprs(s, &stmt->v.ClassDef.bases);
        for (size_t i = 0; i < stmt->v.ClassDef.keywords.count; i++)
            st_visit_expr(s, stmt->v.ClassDef.keywords.items[i]->value);
        st_visit_exprs(s, &stmt->v.ClassDef.decorator_list);
        if (s->failed)
            return;
        if (!st_enter(s, GP_SCOPE_CLASS, stmt->v.ClassDef.name, stmt, stmt->lineno))
            return;
        const char *saved = s->private_name;
        s->private_name = stmt->v.ClassDef.name;
        st_visit_stmts(s, &stmt->v.ClassDef.body);
        s->private_name = saved;
        st_leave(s);
        break;
    }
    case GP_AST_Return:
        if (stmt->v.Return.value) {
            s->st->current->returns_value = true;
            st_visit_expr(s, stmt->v.Return.value);
        }
        break;
    case GP_AST_Delete:
        st_visit_exprs(s, &stmt->v.Delete.targets);
        break;
    case GP_AST_Assign:
        st_visit_exprs(s, &stmt->v.Assign.targets);
        st_visit_expr(s, stmt->v.Assign.value);
        break;
    case GP_AST_AugAssign:
        st_visit_expr(s, stmt->v.AugAssign.target);
        if (stmt->v.AugAssign.target->kind == GP_AST_Name)
            st_add(s, stmt->v.AugAssign.target->v.Name.id, GP_SYM_USED);
        st_visit_expr(s, stmt->v.AugAssign.value);
        break;
    case GP_AST_AnnAssign: {
        const gp_ast_expr_t *t = stmt->v.AnnAssign.target;
        if (t->kind == GP_AST_Name) {
            gp_symbol_t *sym = st_symbol(s, s->st->current, st_mangle(s, t->v.Name.id));
            if (!sym)
                return;
            if ((sym->flags & (GP_SYM_GLOBAL | GP_SYM_NONLOCAL)) && stmt->v.AnnAssign.simple) {
                char msg[300];
                snprintf(msg, sizeof msg, "annotated name '%s' can't be %s", t->v.Name.id,
                         (sym->flags & GP_SYM_GLOBAL) ? "global" : "nonlocal");
                st_error(s, msg, stmt->lineno, stmt->col_offset, stmt->end_lineno,
                         stmt->end_col_offset);
                return;
            }
            sym->flags |= GP_SYM_ANNOTATED;
            if (stmt->v.AnnAssign.value || stmt->v.AnnAssign.simple)
                sym->flags |= GP_SYM_ASSIGNED;
        } else {
            st_visit_expr(s, t);
        }
        if (s->st->current->kind != GP_SCOPE_FUNCTION && !s->future_annotations)
            st_visit_expr(s, stmt->v.AnnAssign.annotation);
        st_visit_expr(s, stmt->v.AnnAssign.value);
        break;
    }
    case GP_AST_For:
    case GP_AST_AsyncFor:
        st_visit_expr(s, stmt->v.For.target);
        st_visit_expr(s, stmt->v.For.iter);
        st_visit_stmts(s, &stmt->v.For.body);
        st_visit_stmts(s, &stmt->v.For.orelse);
        break;
    case GP_AST_While:
        st_visit_expr(s, stmt->v.While.test);
        st_visit_stmts(s, &stmt->v.While.body);
        st_visit_stmts(s, &stmt->v.While.orelse);
        break;
    case GP_AST_If:
        st_visit_expr(s, stmt->v.If.test);
        st_visit_stmts(s, &stmt->v.If.body);
        st_visit_stmts(s, &stmt->v.If.orelse);
        break;
    case GP_AST_With:
    case GP_AST_AsyncWith:
        for (size_t i = 0; i < stmt->v.With.items.count; i++) {
            st_visit_expr(s, stmt->v.With.items.items[i]->context_expr);
            st_visit_expr(s, stmt->v.With.items.items[i]->optional_vars);
        }
        st_visit_stmts(s, &stmt->v.With.body);
        break;
    case GP_AST_Match:
        st_visit_expr(s, stmt->v.Match.subject);
        for (size_t i = 0; i < stmt->v.Match.cases.count && !s->failed; i++) {
            const gp_ast_match_case_t *m = stmt->v.Match.cases.items[i];
            st_visit_pattern(s, m->pattern);
            st_visit_expr(s, m->guard);
            st_visit_stmts(s, &m->body);
        }
        break;
    case GP_AST_Raise:
        st_visit_expr(s, stmt->v.Raise.exc);
        st_visit_expr(s, stmt->v.Raise.cause);
        break;
    case GP_AST_Try:
    case GP_AST_TryStar:
        st_visit_stmts(s, &stmt->v.Try.body);
        for (size_t i = 0; i < stmt->v.Try.handlers.count && !s->failed; i++) {
            const gp_ast_excepthandler_t *h = stmt->v.Try.handlers.items[i];
            st_visit_expr(s, h->type);
            if (h->name)
                st_add(s, h->name, GP_SYM_ASSIGNED);
            st_visit_stmts(s, &h->body);
        }
        st_visit_stmts(s, &stmt->v.Try.orelse);
        st_visit_stmts(s, &stmt->v.Try.finalbody);
        break;
    case GP_AST_Assert:
        st_visit_expr(s, stmt->v.Assert.test);
        st_visit_expr(s, stmt->v.Assert.msg);
        break;
    case GP_AST_Import:
    case GP_AST_ImportFrom: {
        const gp_ast_alias_seq_t *names =
            stmt->kind == GP_AST_Import ? &stmt->v.Import.names : &stmt->v.ImportFrom.names;
        for (size_t i = 0; i < names->count; i++) {
            const gp_ast_alias_t *a = names->items[i];
            if (strcmp(a->name, "*") == 0) {
                if (s->st->current->kind != GP_SCOPE_MODULE) {
                    st_error(s, "import * only allowed at module level", stmt->lineno,
                             stmt->col_offset, stmt->end_lineno, stmt->end_col_offset);
                    return;
                }
                continue;
            }
            if (a->asname) {
                st_add(s, a->asname, GP_SYM_ASSIGNED);
            } else {
                const char *dot = strchr(a->name, '.');
                const char *bound = a->name;
                if (dot) {
                    bound = gp_arena_strndup(s->st->arena, a->name, (size_t)(dot - a->name));
                    if (!bound) {
                        s->failed = true;
                        gp_err_no_memory();
                        return;
                    }
                }
                st_add(s, bound, GP_SYM_ASSIGNED);
            }
        }
        break;
    }
    case GP_AST_Global:
        st_visit_declaration(s, stmt, true);
        break;
    case GP_AST_Nonlocal:
        st_visit_declaration(s, stmt, false);
        break;
    case GP_AST_Expr:
        st_visit_expr(s, stmt->v.Expr.value);
        break;
    case GP_AST_Pass:
    case GP_AST_Break:
    case GP_AST_Continue:
        break;
    }
}

static void st_visit_stmts(st_state_t *s, const gp_ast_stmt_seq_t *seq)
{
    for (size_t i = 0; i < seq->count && !s->failed; i++)
        st_visit_stmt(s, seq->items[i]);
}

/* ------------------------------------------------------------------ */
/* Pass two: resolving                                                  */
/* ------------------------------------------------------------------ */

/* Finds the statement that declared `nonlocal name` in [scope], for the
   error position (the first Nonlocal statement naming it). */
static const gp_ast_stmt_t *st_find_nonlocal(const gp_ast_stmt_seq_t *body, const char *name)
{
    for (size_t i = 0; i < body->count; i++) {
        const gp_ast_stmt_t *st = body->items[i];
        if (st->kind == GP_AST_Nonlocal) {
            for (size_t k = 0; k < st->v.Nonlocal.names.count; k++)
                if (strcmp(st->v.Nonlocal.names.items[k], name) == 0)
                    return st;
        }
        const gp_ast_stmt_seq_t *subs[4] = {NULL, NULL, NULL, NULL};
        switch (st->kind) {
        case GP_AST_For:
        case GP_AST_AsyncFor:
            subs[0] = &st->v.For.body;
            subs[1] = &st->v.For.orelse;
            break;
        case GP_AST_While:
            subs[0] = &st->v.While.body;
            subs[1] = &st->v.While.orelse;
            break;
        case GP_AST_If:
            subs[0] = &st->v.If.body;
            subs[1] = &st->v.If.orelse;
            break;
        case GP_AST_With:
        case GP_AST_AsyncWith:
            subs[0] = &st->v.With.body;
            break;
        case GP_AST_Try:
        case GP_AST_TryStar:
            subs[0] = &st->v.Try.body;
            subs[1] = &st->v.Try.orelse;
            subs[2] = &st->v.Try.finalbody;
            for (size_t h = 0; h < st->v.Try.handlers.count; h++) {
                const gp_ast_stmt_t *r = st_find_nonlocal(&st->v.Try.handlers.items[h]->body, name);
                if (r)
                    return r;
            }
            break;
        default:
            break;
        }
        for (int k = 0; k < 4; k++) {
            if (subs[k]) {
                const gp_ast_stmt_t *r = st_find_nonlocal(subs[k], name);
                if (r)
                    return r;
            }
        }
    }
    return NULL;
}

static bool st_analyze(st_state_t *s, gp_scope_t *scope, const name_set_t *bound,
                       const name_set_t *global, name_set_t *free_out)
{
    name_set_t local = {0}, new_bound = {0}, new_global = {0}, child_free = {0};
    if (!set_copy(s, &new_global, global))
        return false;
    for (size_t i = 0; i < scope->nsymbols; i++) {
        gp_symbol_t *sym = &scope->symbols[i];
        int f = sym->flags;
        if (f & (GP_SYM_GLOBAL | GP_SYM_COMP_GLOBAL)) {
            sym->scope = GP_NAME_GLOBAL_EXPLICIT;
            if ((f & GP_SYM_GLOBAL) && !set_add(s, &new_global, sym->name))
                return false;
        } else if (f & GP_SYM_NONLOCAL) {
            if (!set_contains(bound, sym->name)) {
                char msg[300];
                snprintf(msg, sizeof msg, "no binding for nonlocal '%s' found", sym->name);
                const gp_ast_stmt_t *decl = NULL;
                if (scope->node && !scope->is_lambda && !scope->is_comprehension)
                    decl = st_find_nonlocal(&((const gp_ast_stmt_t *)scope->node)->v.FunctionDef.body,
                                            sym->name);
                if (decl)
                    st_error(s, msg, decl->lineno, decl->col_offset, decl->end_lineno,
                             decl->end_col_offset);
                else
                    st_error(s, msg, scope->lineno, 0, scope->lineno, 0);
                return false;
            }
            sym->scope = GP_NAME_FREE;
        } else if (f & (GP_SYM_ASSIGNED | GP_SYM_PARAM)) {
            sym->scope = GP_NAME_LOCAL;
            if (!set_add(s, &local, sym->name))
                return false;
        } else if (scope->kind != GP_SCOPE_MODULE && set_contains(bound, sym->name)) {
            sym->scope = GP_NAME_FREE;
        } else {
            sym->scope = GP_NAME_GLOBAL_IMPLICIT;
        }
    }
    /* What inner scopes see as bound by enclosing functions. */
    if (scope->kind == GP_SCOPE_FUNCTION) {
        /* A name declared global here is no longer bound from the enclosing
           functions for the scopes nested in this one. */
        for (size_t i = 0; i < bound->count; i++) {
            gp_symbol_t *own = gp_scope_symbol(scope, bound->items[i]);
            if (own && (own->flags & GP_SYM_GLOBAL))
                continue;
            if (!set_add(s, &new_bound, bound->items[i]))
                return false;
        }
        for (size_t i = 0; i < local.count; i++) {
            if (!set_add(s, &new_bound, local.items[i]))
                return false;
        }
        /* Names local here shadow outer global declarations. */
        name_set_t filtered = {0};
        for (size_t i = 0; i < new_global.count; i++)
            if (!set_contains(&local, new_global.items[i]) &&
                !set_add(s, &filtered, new_global.items[i]))
                return false;
        new_global = filtered;
    } else if (scope->kind == GP_SCOPE_CLASS) {
        if (!set_copy(s, &new_bound, bound) || !set_add(s, &new_bound, "__class__"))
            return false;
    }
    for (size_t i = 0; i < scope->nchildren; i++) {
        if (!st_analyze(s, scope->children[i], &new_bound, &new_global, &child_free))
            return false;
    }
    /* Resolve what the children need. */
    for (size_t i = 0; i < child_free.count; i++) {
        const char *name = child_free.items[i];
        if (scope->kind == GP_SCOPE_CLASS && strcmp(name, "__class__") == 0) {
            scope->needs_class_cell = true;
            continue;
        }
        gp_symbol_t *sym = gp_scope_symbol(scope, name);
        if (scope->kind == GP_SCOPE_FUNCTION && sym && sym->scope == GP_NAME_LOCAL) {
            sym->scope = GP_NAME_CELL;
            continue;
        }
        if (sym && (sym->scope == GP_NAME_CELL))
            continue;
        /* A class body's global declaration does not hide the enclosing
           function's binding from its methods: the class passes the cell
           through while its own body still uses the global. */
        if (sym && sym->scope == GP_NAME_GLOBAL_EXPLICIT && scope->kind != GP_SCOPE_CLASS)
            continue;
        if (scope->kind == GP_SCOPE_MODULE)
            continue;
        /* Pass the name through this scope. */
        if (!sym) {
            sym = st_symbol(s, scope, name);
            if (!sym)
                return false;
            sym->scope = GP_NAME_FREE;
        } else if (scope->kind == GP_SCOPE_CLASS &&
                   (sym->scope == GP_NAME_LOCAL || sym->scope == GP_NAME_GLOBAL_EXPLICIT)) {
            sym->flags |= GP_SYM_FREE_CLASS;
        } else if (sym->scope == GP_NAME_GLOBAL_IMPLICIT) {
            sym->scope = GP_NAME_FREE;
        }
        if (!set_add(s, free_out, name))
            return false;
    }
    for (size_t i = 0; i < scope->nsymbols; i++) {
        gp_symbol_t *sym = &scope->symbols[i];
        if (sym->scope == GP_NAME_FREE && !set_add(s, free_out, sym->name))
            return false;
    }
    return true;
}

gp_symtable_t *gp_symtable_build(const gp_ast_mod_t *mod, gp_arena_t *arena, const char *filename,
                                 const char *source, size_t source_len)
{
    gp_symtable_t *st = gp_arena_alloc(arena, sizeof *st);
    if (!st) {
        gp_err_no_memory();
        return NULL;
    }
    st->arena = arena;
    st->filename = filename;
    st->source = source;
    st->source_len = source_len;
    st_state_t s = {.st = st, .future_annotations = gp_future_annotations_on(mod)};
    st->top = st_enter(&s, GP_SCOPE_MODULE, "<module>", NULL, 1);
    if (!st->top)
        return NULL;
    if (mod->kind == GP_AST_Expression)
        st_visit_expr(&s, mod->expr);
    else
        st_visit_stmts(&s, &mod->body);
    if (s.failed)
        return NULL;
    name_set_t none = {0}, free_out = {0};
    if (!st_analyze(&s, st->top, &none, &none, &free_out))
        return NULL;
    return st;
}
