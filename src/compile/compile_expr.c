/*
 * compile_expr.c - the code generator's expressions: values, assignment
 * targets, conditional jumps, calls, displays, comprehensions, lambdas and
 * f-strings.
 *
 * Design notes
 * ------------
 * Conditions are compiled by c_visit_test(), which jumps instead of
 * building a bool when it can: `not` flips the branch, `and`/`or`
 * short-circuit straight to the target, and a single comparison becomes one
 * fused COMPARE_JUMP_IF_FALSE/TRUE instruction (the `while n > 0` and
 * `if n < 2` of every benchmark).
 *
 * Calls of the form `obj.name(args)` use LOAD_METHOD/CALL_METHOD so that no
 * bound-method object is created. Calls with `*args` or `**kwargs` collect
 * their arguments in a list and a dict and use CALL_EX.
 *
 * A comprehension is a nested function (its own scope, as in CPython 3.11)
 * called at once with the iterator of its first `for` clause, which is
 * evaluated in the enclosing scope.
 */
#include <string.h>

#include "compile/compile_internal.h"

#define TRY(x)                                                                                     \
    do {                                                                                           \
        if (!(x))                                                                                  \
            return false;                                                                          \
    } while (0)

int c_binop_of(gp_ast_operator_t op);
bool c_visit_call_args(compiler_t *c, size_t extra, const gp_ast_expr_seq_t *args,
                       const gp_ast_keyword_seq_t *keywords, bool method);

/* ------------------------------------------------------------------ */
/* Constants                                                            */
/* ------------------------------------------------------------------ */

gp_object_t *gp_ast_constant_object(const gp_ast_constant_t *k)
{
    gp_object_t *o = NULL;
    switch (k->kind) {
    case GP_AST_CONST_NONE:
        return gp_none_new();
    case GP_AST_CONST_TRUE:
        return gp_bool_from(true);
    case GP_AST_CONST_FALSE:
        return gp_bool_from(false);
    case GP_AST_CONST_ELLIPSIS:
        return GP_INCREF(gp_Ellipsis);
    case GP_AST_CONST_INT:
        o = gp_int_from_string(k->digits, strlen(k->digits), k->base);
        break;
    case GP_AST_CONST_FLOAT:
        o = gp_float_new(k->number);
        break;
    case GP_AST_CONST_COMPLEX:
        o = gp_complex_from_doubles(0.0, k->number);
        break;
    case GP_AST_CONST_STR: {
        o = gp_str_from_utf8(k->bytes, k->length);
        /* Identifier-like strings are interned, as CPython does. */
        bool ident = o && k->length > 0 && k->length < 64;
        for (size_t i = 0; ident && i < k->length; i++) {
            char ch = k->bytes[i];
            ident = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '_';
        }
        if (ident)
            o = gp_str_intern(o);
        break;
    }
    case GP_AST_CONST_BYTES:
        o = gp_bytes_new(k->bytes, k->length);
        break;
    }
    if (!o && !gp_err_occurred())
        gp_err_set_string(&gp_exc_SystemError, "unknown constant kind");
    return o;
}

gp_object_t *c_constant_value(compiler_t *c, const gp_ast_constant_t *k)
{
    gp_object_t *o = gp_ast_constant_object(k);
    if (!o)
        c->failed = true;
    return o;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static bool has_starred(const gp_ast_expr_seq_t *elts)
{
    for (size_t i = 0; i < elts->count; i++)
        if (elts->items[i]->kind == GP_AST_Starred)
            return true;
    return false;
}

static int cmp_of(gp_ast_cmpop_t op)
{
    switch (op) {
    case GP_AST_Lt:
        return GP_CMP_LT;
    case GP_AST_LtE:
        return GP_CMP_LE;
    case GP_AST_Eq:
        return GP_CMP_EQ;
    case GP_AST_NotEq:
        return GP_CMP_NE;
    case GP_AST_Gt:
        return GP_CMP_GT;
    case GP_AST_GtE:
        return GP_CMP_GE;
    default:
        return -1;
    }
}

/* Emits the comparison [op] of the two values on the stack. */
static bool c_emit_compare(compiler_t *c, gp_ast_cmpop_t op)
{
    switch (op) {
    case GP_AST_Is:
        return c_emit(c, GP_OP_IS_OP, 0);
    case GP_AST_IsNot:
        return c_emit(c, GP_OP_IS_OP, 1);
    case GP_AST_In:
        return c_emit(c, GP_OP_CONTAINS_OP, 0);
    case GP_AST_NotIn:
        return c_emit(c, GP_OP_CONTAINS_OP, 1);
    default:
        return c_emit(c, GP_OP_COMPARE_OP, (uint32_t)cmp_of(op));
    }
}

/* Pushes a sequence of [elts], which may contain starred items, as a
   list (then converted by [kind]: GP_OP_BUILD_LIST/TUPLE/SET). */
static bool c_visit_sequence(compiler_t *c, const gp_ast_expr_seq_t *elts, int build_op)
{
    if (!has_starred(elts)) {
        for (size_t i = 0; i < elts->count; i++)
            TRY(c_visit_expr(c, elts->items[i]));
        return c_emit(c, build_op, (uint32_t)elts->count);
    }
    bool is_set = build_op == GP_OP_BUILD_SET;
    size_t i = 0;
    while (i < elts->count && elts->items[i]->kind != GP_AST_Starred)
        TRY(c_visit_expr(c, elts->items[i++]));
    TRY(c_emit(c, is_set ? GP_OP_BUILD_SET : GP_OP_BUILD_LIST, (uint32_t)i));
    for (; i < elts->count; i++) {
        const gp_ast_expr_t *e = elts->items[i];
        if (e->kind == GP_AST_Starred) {
            TRY(c_visit_expr(c, e->v.Starred.value));
            TRY(c_emit(c, is_set ? GP_OP_SET_UPDATE : GP_OP_LIST_EXTEND, 1));
        } else {
            TRY(c_visit_expr(c, e));
            TRY(c_emit(c, is_set ? GP_OP_SET_ADD : GP_OP_LIST_APPEND, 1));
        }
    }
    if (build_op == GP_OP_BUILD_TUPLE)
        TRY(c_emit(c, GP_OP_LIST_TO_TUPLE, 0));
    return true;
}

/* A tuple display whose items are all constants becomes one constant. */
static bool c_try_constant_tuple(compiler_t *c, const gp_ast_expr_seq_t *elts, bool *done)
{
    *done = false;
    if (elts->count == 0 || elts->count > 256)
        return true;
    for (size_t i = 0; i < elts->count; i++)
        if (elts->items[i]->kind != GP_AST_Constant)
            return true;
    gp_object_t *t = gp_tuple_new(elts->count);
    if (!t) {
        c->failed = true;
        return false;
    }
    for (size_t i = 0; i < elts->count; i++) {
        gp_object_t *v = c_constant_value(c, &elts->items[i]->v.Constant);
        if (!v) {
            for (size_t k = i; k < elts->count; k++)
                GP_TUPLE_SET(t, k, gp_none_new());
            GP_DECREF(t);
            return false;
        }
        GP_TUPLE_SET(t, i, v);
    }
    *done = true;
    return c_load_const(c, t);
}

static bool c_visit_dict(compiler_t *c, const gp_ast_expr_t *e)
{
    const gp_ast_expr_seq_t *keys = &e->v.Dict.keys, *values = &e->v.Dict.values;
    size_t run = 0;
    bool have_dict = false;
    for (size_t i = 0; i < values->count; i++) {
        if (keys->items[i]) {
            TRY(c_visit_expr(c, keys->items[i]));
            TRY(c_visit_expr(c, values->items[i]));
            run++;
            continue;
        }
        /* A `**mapping` entry: flush the pending pairs first. */
        if (run || !have_dict) {
            TRY(c_emit(c, GP_OP_BUILD_MAP, (uint32_t)run));
            if (have_dict)
                TRY(c_emit(c, GP_OP_DICT_UPDATE, 1));
            have_dict = true;
            run = 0;
        }
        TRY(c_visit_expr(c, values->items[i]));
        TRY(c_emit(c, GP_OP_DICT_UPDATE, 1));
    }
    if (run || !have_dict) {
        TRY(c_emit(c, GP_OP_BUILD_MAP, (uint32_t)run));
        if (have_dict)
            TRY(c_emit(c, GP_OP_DICT_UPDATE, 1));
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Calls                                                                */
/* ------------------------------------------------------------------ */

/* The keywords of a general call (a dict built by merging), then CALL_EX. */
static bool c_visit_call_kwargs(compiler_t *c, const gp_ast_keyword_seq_t *keywords)
{
    if (keywords->count) {
        TRY(c_emit(c, GP_OP_BUILD_MAP, 0));
        for (size_t i = 0; i < keywords->count; i++) {
            const gp_ast_keyword_t *kw = keywords->items[i];
            if (kw->arg) {
                TRY(c_load_const(c, gp_str_intern_cstr(kw->arg)));
                TRY(c_visit_expr(c, kw->value));
                TRY(c_emit(c, GP_OP_BUILD_MAP, 1));
            } else {
                TRY(c_visit_expr(c, kw->value));
            }
            TRY(c_emit(c, GP_OP_DICT_MERGE, 1));
        }
    }
    return c_emit(c, GP_OP_CALL_EX, keywords->count ? 1 : 0);
}

/* A keyword named twice is a SyntaxError, as in CPython, whatever `*args`
   or `**kwargs` stand between the two. */
static bool c_check_repeated_keywords(compiler_t *c, const gp_ast_keyword_seq_t *keywords)
{
    for (size_t i = 0; i < keywords->count; i++) {
        const gp_ast_keyword_t *kw = keywords->items[i];
        if (!kw->arg)
            continue;
        for (size_t k = 0; k < i; k++) {
            const char *earlier = keywords->items[k]->arg;
            if (earlier && strcmp(earlier, kw->arg) == 0) {
                char msg[300];
                snprintf(msg, sizeof msg, "keyword argument repeated: %s", kw->arg);
                return c_error(c, msg, kw->lineno, kw->col_offset, kw->end_lineno,
                               kw->end_col_offset);
            }
        }
    }
    return true;
}

bool c_visit_call_args(compiler_t *c, size_t extra, const gp_ast_expr_seq_t *args,
                       const gp_ast_keyword_seq_t *keywords, bool method)
{
    TRY(c_check_repeated_keywords(c, keywords));
    bool star = has_starred(args), dstar = false;
    for (size_t i = 0; i < keywords->count; i++)
        if (!keywords->items[i]->arg)
            dstar = true;
    if (!star && !dstar) {
        for (size_t i = 0; i < args->count; i++)
            TRY(c_visit_expr(c, args->items[i]));
        size_t nargs = extra + args->count;
        if (keywords->count == 0)
            return c_emit(c, method ? GP_OP_CALL_METHOD : GP_OP_CALL, (uint32_t)nargs);
        gp_object_t *names = gp_tuple_new(keywords->count);
        if (!names) {
            c->failed = true;
            return false;
        }
        for (size_t i = 0; i < keywords->count; i++) {
            GP_TUPLE_SET(names, i, gp_none_new());
            gp_object_t *n = gp_str_intern_cstr(keywords->items[i]->arg);
            if (!n) {
                GP_DECREF(names);
                c->failed = true;
                return false;
            }
            GP_SETREF(GP_TUPLE_ITEMS(names)[i], n);
            TRY(c_visit_expr(c, keywords->items[i]->value));
        }
        TRY(c_load_const(c, names));
        return c_emit(c, method ? GP_OP_CALL_METHOD_KW : GP_OP_CALL_KW,
                      (uint32_t)(nargs + keywords->count));
    }
    /* General form: positional arguments in a tuple, keywords in a dict.
       A lone `*it` goes to CALL_EX as it is, which converts it and words
       its error with the callee's name, as CPython does. */
    if (extra == 0 && args->count == 1 && args->items[0]->kind == GP_AST_Starred) {
        TRY(c_visit_expr(c, args->items[0]->v.Starred.value));
        return c_visit_call_kwargs(c, keywords);
    }
    TRY(c_emit(c, GP_OP_BUILD_LIST, (uint32_t)extra));
    for (size_t i = 0; i < args->count; i++) {
        const gp_ast_expr_t *a = args->items[i];
        if (a->kind == GP_AST_Starred) {
            TRY(c_visit_expr(c, a->v.Starred.value));
            TRY(c_emit(c, GP_OP_LIST_EXTEND, 1));
        } else {
            TRY(c_visit_expr(c, a));
            TRY(c_emit(c, GP_OP_LIST_APPEND, 1));
        }
    }
    TRY(c_emit(c, GP_OP_LIST_TO_TUPLE, 0));
    return c_visit_call_kwargs(c, keywords);
}

static bool c_visit_call(compiler_t *c, const gp_ast_expr_t *e)
{
    const gp_ast_expr_t *f = e->v.Call.func;
    TRY(c_check_call(c, e));
    bool simple = !has_starred(&e->v.Call.args);
    for (size_t i = 0; simple && i < e->v.Call.keywords.count; i++)
        if (!e->v.Call.keywords.items[i]->arg)
            simple = false;
    if (simple && f->kind == GP_AST_Attribute && f->v.Attribute.ctx == GP_AST_Load) {
        TRY(c_visit_expr(c, f->v.Attribute.value));
        int idx = c_add_cache(c, c_mangle(c, f->v.Attribute.attr));
        if (idx < 0)
            return false;
        c->u->lineno = f->end_lineno;
        /* A missing method is reported at `obj.name`, the call at the call. */
        gp_code_pos_t call_pos = c->u->pos;
        c->u->pos = c_pos_expr(f);
        TRY(c_emit(c, GP_OP_LOAD_METHOD, (uint32_t)idx));
        c->u->pos = call_pos;
        bool ok = c_visit_call_args(c, 0, &e->v.Call.args, &e->v.Call.keywords, true);
        return ok;
    }
    TRY(c_visit_expr(c, f));
    return c_visit_call_args(c, 0, &e->v.Call.args, &e->v.Call.keywords, false);
}

/* ------------------------------------------------------------------ */
/* Lambdas and comprehensions                                           */
/* ------------------------------------------------------------------ */

static int c_push_defaults(compiler_t *c, const gp_ast_arguments_t *args)
{
    int flags = 0;
    if (args->defaults.count) {
        for (size_t i = 0; i < args->defaults.count; i++)
            if (!c_visit_expr(c, args->defaults.items[i]))
                return -1;
        if (!c_emit(c, GP_OP_BUILD_TUPLE, (uint32_t)args->defaults.count))
            return -1;
        flags |= GP_MAKE_FUNCTION_DEFAULTS;
    }
    size_t nkw = 0;
    for (size_t i = 0; i < args->kwonlyargs.count; i++) {
        if (!args->kw_defaults.items[i])
            continue;
        if (!c_load_const(c, gp_str_from_cstr(c_mangle(c, args->kwonlyargs.items[i]->arg))) ||
            !c_visit_expr(c, args->kw_defaults.items[i]))
            return -1;
        nkw++;
    }
    if (nkw) {
        if (!c_emit(c, GP_OP_BUILD_MAP, (uint32_t)nkw))
            return -1;
        flags |= GP_MAKE_FUNCTION_KWDEFAULTS;
    }
    return flags;
}

static bool c_visit_lambda(compiler_t *c, const gp_ast_expr_t *e)
{
    int flags = c_push_defaults(c, e->v.Lambda.args);
    if (flags < 0)
        return false;
    gp_scope_t *scope = c_child_scope(c, e);
    if (!scope)
        return false;
    TRY(c_enter_unit(c, scope, "<lambda>", e->lineno));
    unit_t *u = c->u;
    const gp_ast_arguments_t *args = e->v.Lambda.args;
    u->argcount = (int)(args->posonlyargs.count + args->args.count);
    u->posonlyargcount = (int)args->posonlyargs.count;
    u->kwonlyargcount = (int)args->kwonlyargs.count;
    /* A generator lambda returns its body's value too (StopIteration.value),
       as in CPython since 3.8. */
    bool ok = c_visit_expr(c, e->v.Lambda.body);
    if (ok)
        ok = c_emit(c, GP_OP_RETURN_VALUE, 0);
    gp_object_t *qualname = ok ? GP_INCREF(u->qualname) : NULL;
    gp_object_t *code = c_leave_unit(c);
    if (!ok || !code) {
        GP_XDECREF(code);
        GP_XDECREF(qualname);
        c->failed = true;
        return false;
    }
    c->u->lineno = e->lineno;
    return c_make_closure(c, code, flags, qualname);
}

/* One `for` clause (and the ones nested in it) of a comprehension body. */
static bool c_comprehension_loop(compiler_t *c, const gp_ast_expr_t *e,
                                 const gp_ast_comprehension_seq_t *gens, size_t index,
                                 const gp_ast_expr_t *elt, const gp_ast_expr_t *value)
{
    const gp_ast_comprehension_t *g = gens->items[index];
    uint32_t start = c_new_label(c), skip = c_new_label(c), anchor = c_new_label(c);
    if (index == 0) {
        TRY(c_emit(c, GP_OP_LOAD_FAST, 0)); /* the ".0" parameter: an iterator */
    } else {
        TRY(c_visit_expr(c, g->iter));
        TRY(c_emit(c, g->is_async ? GP_OP_GET_AITER : GP_OP_GET_ITER, 0));
    }
    c_bind_label(c, start);
    if (g->is_async) {
        TRY(c_emit_jump(c, GP_OP_SETUP_FINALLY, anchor));
        TRY(c_emit(c, GP_OP_GET_ANEXT, 0));
        TRY(c_load_none(c));
        TRY(c_emit(c, GP_OP_YIELD_FROM, 0));
        TRY(c_emit(c, GP_OP_POP_BLOCK, 0));
    } else {
        TRY(c_emit_jump(c, GP_OP_FOR_ITER, anchor));
    }
    TRY(c_visit_store(c, g->target));
    for (size_t i = 0; i < g->ifs.count; i++)
        TRY(c_visit_test(c, g->ifs.items[i], skip, false));
    if (index + 1 < gens->count) {
        TRY(c_comprehension_loop(c, e, gens, index + 1, elt, value));
    } else {
        uint32_t depth = (uint32_t)gens->count + 1;
        switch (e->kind) {
        case GP_AST_GeneratorExp:
            TRY(c_visit_expr(c, elt));
            TRY(c_emit(c, GP_OP_YIELD_VALUE, 0));
            TRY(c_emit(c, GP_OP_POP_TOP, 0));
            break;
        case GP_AST_ListComp:
            TRY(c_visit_expr(c, elt));
            TRY(c_emit(c, GP_OP_LIST_APPEND, depth));
            break;
        case GP_AST_SetComp:
            TRY(c_visit_expr(c, elt));
            TRY(c_emit(c, GP_OP_SET_ADD, depth));
            break;
        default: /* DictComp */
            TRY(c_visit_expr(c, elt));
            TRY(c_visit_expr(c, value));
            TRY(c_emit(c, GP_OP_MAP_ADD, depth));
            break;
        }
    }
    c_bind_label(c, skip);
    TRY(c_emit_jump(c, GP_OP_JUMP, start));
    c_bind_label(c, anchor);
    if (g->is_async)
        TRY(c_emit(c, GP_OP_END_ASYNC_FOR, 0));
    return true;
}

static bool c_visit_comprehension(compiler_t *c, const gp_ast_expr_t *e,
                                  const gp_ast_comprehension_seq_t *gens,
                                  const gp_ast_expr_t *elt, const gp_ast_expr_t *value)
{
    gp_scope_t *scope = c_child_scope(c, e);
    if (!scope)
        return false;
    bool outer_async = c->u->is_async;
    if (scope->is_coroutine && e->kind != GP_AST_GeneratorExp && !outer_async)
        return c_error_expr(c, "asynchronous comprehension outside of an asynchronous function",
                            e);
    TRY(c_enter_unit(c, scope, scope->name, e->lineno));
    unit_t *u = c->u;
    u->argcount = 1;
    bool ok = true;
    switch (e->kind) {
    case GP_AST_ListComp:
        ok = c_emit(c, GP_OP_BUILD_LIST, 0);
        break;
    case GP_AST_SetComp:
        ok = c_emit(c, GP_OP_BUILD_SET, 0);
        break;
    case GP_AST_DictComp:
        ok = c_emit(c, GP_OP_BUILD_MAP, 0);
        break;
    default:
        break;
    }
    if (ok)
        ok = c_comprehension_loop(c, e, gens, 0, elt, value);
    if (ok && e->kind == GP_AST_GeneratorExp)
        ok = c_load_none(c);
    if (ok)
        ok = c_emit(c, GP_OP_RETURN_VALUE, 0);
    gp_object_t *qualname = ok ? GP_INCREF(u->qualname) : NULL;
    gp_object_t *code = c_leave_unit(c);
    if (!ok || !code) {
        GP_XDECREF(code);
        GP_XDECREF(qualname);
        c->failed = true;
        return false;
    }
    c->u->lineno = e->lineno;
    TRY(c_make_closure(c, code, 0, qualname));
    TRY(c_visit_expr(c, gens->items[0]->iter));
    c->u->lineno = e->lineno;
    TRY(c_emit(c, gens->items[0]->is_async ? GP_OP_GET_AITER : GP_OP_GET_ITER, 0));
    TRY(c_emit(c, GP_OP_CALL, 1));
    if (scope->is_coroutine && e->kind != GP_AST_GeneratorExp) {
        TRY(c_emit(c, GP_OP_GET_AWAITABLE, 0));
        TRY(c_load_none(c));
        TRY(c_emit(c, GP_OP_YIELD_FROM, 0));
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* f-strings                                                            */
/* ------------------------------------------------------------------ */

static bool c_visit_formatted(compiler_t *c, const gp_ast_expr_t *e)
{
    TRY(c_visit_expr(c, e->v.FormattedValue.value));
    uint32_t flags = 0;
    switch (e->v.FormattedValue.conversion) {
    case 's':
        flags = 1;
        break;
    case 'r':
        flags = 2;
        break;
    case 'a':
        flags = 3;
        break;
    default:
        break;
    }
    if (e->v.FormattedValue.format_spec) {
        TRY(c_visit_expr(c, e->v.FormattedValue.format_spec));
        flags |= 4;
    }
    return c_emit(c, GP_OP_FORMAT_VALUE, flags);
}

static bool c_visit_joined(compiler_t *c, const gp_ast_expr_t *e)
{
    const gp_ast_expr_seq_t *values = &e->v.JoinedStr.values;
    if (values->count == 0)
        return c_load_const(c, gp_str_from_cstr(""));
    for (size_t i = 0; i < values->count; i++)
        TRY(c_visit_expr(c, values->items[i]));
    if (values->count == 1 && values->items[0]->kind == GP_AST_FormattedValue)
        return true;
    if (values->count == 1)
        return true;
    return c_emit(c, GP_OP_BUILD_STRING, (uint32_t)values->count);
}

/* ------------------------------------------------------------------ */
/* Expressions                                                          */
/* ------------------------------------------------------------------ */

static bool c_visit_compare(compiler_t *c, const gp_ast_expr_t *e)
{
    size_t n = e->v.Compare.ops.count;
    TRY(c_check_compare(c, e));
    TRY(c_visit_expr(c, e->v.Compare.left));
    if (n == 1) {
        TRY(c_visit_expr(c, e->v.Compare.comparators.items[0]));
        c->u->lineno = e->lineno;
        return c_emit_compare(c, e->v.Compare.ops.items[0]);
    }
    uint32_t cleanup = c_new_label(c), end = c_new_label(c);
    for (size_t i = 0; i + 1 < n; i++) {
        TRY(c_visit_expr(c, e->v.Compare.comparators.items[i]));
        TRY(c_emit(c, GP_OP_SWAP, 2));
        TRY(c_emit(c, GP_OP_COPY, 2));
        c->u->lineno = e->lineno;
        TRY(c_emit_compare(c, e->v.Compare.ops.items[i]));
        TRY(c_emit_jump(c, GP_OP_JUMP_IF_FALSE_OR_POP, cleanup));
    }
    TRY(c_visit_expr(c, e->v.Compare.comparators.items[n - 1]));
    c->u->lineno = e->lineno;
    TRY(c_emit_compare(c, e->v.Compare.ops.items[n - 1]));
    TRY(c_emit_jump(c, GP_OP_JUMP, end));
    c_bind_label(c, cleanup);
    TRY(c_emit(c, GP_OP_SWAP, 2));
    TRY(c_emit(c, GP_OP_POP_TOP, 0));
    c_bind_label(c, end);
    return true;
}

bool c_visit_test(compiler_t *c, const gp_ast_expr_t *e, uint32_t label, bool jump_if)
{
    switch (e->kind) {
    case GP_AST_UnaryOp:
        if (e->v.UnaryOp.op == GP_AST_Not) {
            TRY(c_check_not(c, e));
            return c_visit_test(c, e->v.UnaryOp.operand, label, !jump_if);
        }
        break;
    case GP_AST_BoolOp: {
        bool is_or = e->v.BoolOp.op == GP_AST_Or;
        const gp_ast_expr_seq_t *vals = &e->v.BoolOp.values;
        uint32_t target = label;
        uint32_t skip = 0;
        bool need_skip = is_or != jump_if;
        if (need_skip) {
            skip = c_new_label(c);
            target = skip;
        }
        for (size_t i = 0; i + 1 < vals->count; i++)
            TRY(c_visit_test(c, vals->items[i], target, is_or));
        TRY(c_visit_test(c, vals->items[vals->count - 1], label, jump_if));
        if (need_skip)
            c_bind_label(c, skip);
        return true;
    }
    case GP_AST_Compare:
        if (e->v.Compare.ops.count == 1) {
            gp_ast_cmpop_t op = e->v.Compare.ops.items[0];
            int cmp = cmp_of(op);
            TRY(c_check_compare(c, e));
            TRY(c_visit_expr(c, e->v.Compare.left));
            TRY(c_visit_expr(c, e->v.Compare.comparators.items[0]));
            c->u->lineno = e->lineno;
            if (cmp >= 0)
                return c_emit_compare_jump(
                    c, jump_if ? GP_OP_COMPARE_JUMP_IF_TRUE : GP_OP_COMPARE_JUMP_IF_FALSE, cmp,
                    label);
            TRY(c_emit_compare(c, op));
            return c_emit_jump(c, jump_if ? GP_OP_POP_JUMP_IF_TRUE : GP_OP_POP_JUMP_IF_FALSE,
                               label);
        }
        break;
    case GP_AST_Constant: {
        const gp_ast_constant_t *k = &e->v.Constant;
        int truth = -1;
        if (k->kind == GP_AST_CONST_TRUE)
            truth = 1;
        else if (k->kind == GP_AST_CONST_FALSE || k->kind == GP_AST_CONST_NONE)
            truth = 0;
        if (truth >= 0) {
            if ((truth == 1) == jump_if)
                return c_emit_jump(c, GP_OP_JUMP, label);
            return true;
        }
        break;
    }
    default:
        break;
    }
    TRY(c_visit_expr(c, e));
    return c_emit_jump(c, jump_if ? GP_OP_POP_JUMP_IF_TRUE : GP_OP_POP_JUMP_IF_FALSE, label);
}

static bool c_visit_slice_or_expr(compiler_t *c, const gp_ast_expr_t *e)
{
    if (e->kind != GP_AST_Slice)
        return c_visit_expr(c, e);
    if (e->v.Slice.lower)
        TRY(c_visit_expr(c, e->v.Slice.lower));
    else
        TRY(c_load_none(c));
    if (e->v.Slice.upper)
        TRY(c_visit_expr(c, e->v.Slice.upper));
    else
        TRY(c_load_none(c));
    if (e->v.Slice.step) {
        TRY(c_visit_expr(c, e->v.Slice.step));
        return c_emit(c, GP_OP_BUILD_SLICE, 3);
    }
    return c_emit(c, GP_OP_BUILD_SLICE, 2);
}

static bool c_visit_expr_inner(compiler_t *c, const gp_ast_expr_t *e)
{
    switch (e->kind) {
    case GP_AST_BoolOp: {
        uint32_t end = c_new_label(c);
        int op = e->v.BoolOp.op == GP_AST_And ? GP_OP_JUMP_IF_FALSE_OR_POP
                                              : GP_OP_JUMP_IF_TRUE_OR_POP;
        const gp_ast_expr_seq_t *vals = &e->v.BoolOp.values;
        for (size_t i = 0; i + 1 < vals->count; i++) {
            TRY(c_visit_expr(c, vals->items[i]));
            TRY(c_emit_jump(c, op, end));
        }
        TRY(c_visit_expr(c, vals->items[vals->count - 1]));
        c_bind_label(c, end);
        return true;
    }
    case GP_AST_NamedExpr:
        TRY(c_visit_expr(c, e->v.NamedExpr.value));
        TRY(c_emit(c, GP_OP_COPY, 1));
        return c_visit_store(c, e->v.NamedExpr.target);
    case GP_AST_BinOp:
        TRY(c_visit_expr(c, e->v.BinOp.left));
        TRY(c_visit_expr(c, e->v.BinOp.right));
        c->u->lineno = e->lineno;
        return c_emit(c, GP_OP_BINARY_OP, (uint32_t)c_binop_of(e->v.BinOp.op));
    case GP_AST_UnaryOp: {
        const gp_ast_expr_t *operand = e->v.UnaryOp.operand;
        TRY(c_check_not(c, e));
        if (e->v.UnaryOp.op == GP_AST_USub && operand->kind == GP_AST_Constant &&
            operand->v.Constant.kind == GP_AST_CONST_INT) {
            /* Fold negative int literals. */
            gp_object_t *v = c_constant_value(c, &operand->v.Constant);
            if (!v)
                return false;
            gp_object_t *neg = gp_number_unop(v, GP_UNOP_NEG);
            GP_DECREF(v);
            if (!neg) {
                c->failed = true;
                return false;
            }
            return c_load_const(c, neg);
        }
        TRY(c_visit_expr(c, operand));
        c->u->lineno = e->lineno;
        switch (e->v.UnaryOp.op) {
        case GP_AST_Invert:
            return c_emit(c, GP_OP_UNARY_INVERT, 0);
        case GP_AST_Not:
            return c_emit(c, GP_OP_UNARY_NOT, 0);
        case GP_AST_UAdd:
            return c_emit(c, GP_OP_UNARY_POSITIVE, 0);
        case GP_AST_USub:
            return c_emit(c, GP_OP_UNARY_NEGATIVE, 0);
        }
        return true;
    }
    case GP_AST_Lambda:
        return c_visit_lambda(c, e);
    case GP_AST_IfExp: {
        uint32_t orelse = c_new_label(c), end = c_new_label(c);
        TRY(c_visit_test(c, e->v.IfExp.test, orelse, false));
        TRY(c_visit_expr(c, e->v.IfExp.body));
        TRY(c_emit_jump(c, GP_OP_JUMP, end));
        c_bind_label(c, orelse);
        TRY(c_visit_expr(c, e->v.IfExp.orelse));
        c_bind_label(c, end);
        return true;
    }
    case GP_AST_Dict:
        return c_visit_dict(c, e);
    case GP_AST_Set:
        return c_visit_sequence(c, &e->v.Set.elts, GP_OP_BUILD_SET);
    case GP_AST_ListComp:
        return c_visit_comprehension(c, e, &e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case GP_AST_SetComp:
        return c_visit_comprehension(c, e, &e->v.SetComp.generators, e->v.SetComp.elt, NULL);
    case GP_AST_DictComp:
        return c_visit_comprehension(c, e, &e->v.DictComp.generators, e->v.DictComp.key,
                                     e->v.DictComp.value);
    case GP_AST_GeneratorExp:
        return c_visit_comprehension(c, e, &e->v.GeneratorExp.generators,
                                     e->v.GeneratorExp.elt, NULL);
    case GP_AST_Await:
        if (!c->u->is_async) {
            if (c->u->scope->kind != GP_SCOPE_FUNCTION)
                return c_error_expr(c, "'await' outside function", e);
            return c_error_expr(c, "'await' outside async function", e);
        }
        TRY(c_visit_expr(c, e->v.Await.value));
        c->u->lineno = e->lineno;
        TRY(c_emit(c, GP_OP_GET_AWAITABLE, 0));
        TRY(c_load_none(c));
        return c_emit(c, GP_OP_YIELD_FROM, 0);
    case GP_AST_Yield:
        if (e->v.Yield.value)
            TRY(c_visit_expr(c, e->v.Yield.value));
        else
            TRY(c_load_none(c));
        c->u->lineno = e->lineno;
        return c_emit(c, GP_OP_YIELD_VALUE, 0);
    case GP_AST_YieldFrom:
        if (c->u->is_async)
            return c_error_expr(c, "'yield from' inside async function", e);
        TRY(c_visit_expr(c, e->v.YieldFrom.value));
        c->u->lineno = e->lineno;
        TRY(c_emit(c, GP_OP_GET_YIELD_FROM_ITER, 0));
        TRY(c_load_none(c));
        return c_emit(c, GP_OP_YIELD_FROM, 0);
    case GP_AST_Compare:
        return c_visit_compare(c, e);
    case GP_AST_Call:
        return c_visit_call(c, e);
    case GP_AST_FormattedValue:
        return c_visit_formatted(c, e);
    case GP_AST_JoinedStr:
        return c_visit_joined(c, e);
    case GP_AST_Constant:
        return c_load_const(c, c_constant_value(c, &e->v.Constant));
    case GP_AST_Attribute: {
        if (e->v.Attribute.ctx != GP_AST_Load)
            break;
        TRY(c_visit_expr(c, e->v.Attribute.value));
        int idx = c_add_cache(c, c_mangle(c, e->v.Attribute.attr));
        if (idx < 0)
            return false;
        c->u->lineno = e->end_lineno;
        return c_emit(c, GP_OP_LOAD_ATTR, (uint32_t)idx);
    }
    case GP_AST_Subscript:
        if (e->v.Subscript.ctx != GP_AST_Load)
            break;
        TRY(c_check_subscript(c, e));
        TRY(c_visit_expr(c, e->v.Subscript.value));
        TRY(c_visit_slice_or_expr(c, e->v.Subscript.slice));
        c->u->lineno = e->lineno;
        return c_emit(c, GP_OP_BINARY_SUBSCR, 0);
    case GP_AST_Starred:
        return c_error_expr(c, "can't use starred expression here", e);
    case GP_AST_Name:
        return c_nameop(c, e->v.Name.id, NAME_LOAD);
    case GP_AST_List:
        return c_visit_sequence(c, &e->v.List.elts, GP_OP_BUILD_LIST);
    case GP_AST_Tuple: {
        bool done;
        if (!has_starred(&e->v.Tuple.elts)) {
            TRY(c_try_constant_tuple(c, &e->v.Tuple.elts, &done));
            if (done)
                return true;
        }
        return c_visit_sequence(c, &e->v.Tuple.elts, GP_OP_BUILD_TUPLE);
    }
    case GP_AST_Slice:
        return c_visit_slice_or_expr(c, e);
    }
    gp_err_format(&gp_exc_SystemError, "compiler: unexpected %s in load context",
                  gp_ast_expr_kind_name(e->kind));
    c->failed = true;
    return false;
}

bool c_visit_expr(compiler_t *c, const gp_ast_expr_t *e)
{
    if (c->failed)
        return false;
    int saved = c->u->lineno;
    gp_code_pos_t saved_pos = c->u->pos;
    c->u->lineno = e->lineno;
    c->u->pos = (gp_code_pos_t){e->lineno, e->end_lineno, e->col_offset, e->end_col_offset};
    bool ok = c_visit_expr_inner(c, e);
    c->u->lineno = saved;
    c->u->pos = saved_pos;
    return ok;
}

/* ------------------------------------------------------------------ */
/* Assignment and deletion targets                                      */
/* ------------------------------------------------------------------ */

static bool c_visit_unpack(compiler_t *c, const gp_ast_expr_t *target,
                           const gp_ast_expr_seq_t *elts)
{
    size_t star = SIZE_MAX;
    for (size_t i = 0; i < elts->count; i++) {
        if (elts->items[i]->kind == GP_AST_Starred) {
            if (star != SIZE_MAX)
                return c_error_expr(c, "multiple starred expressions in assignment", target);
            star = i;
        }
    }
    if (star == SIZE_MAX) {
        TRY(c_emit(c, GP_OP_UNPACK_SEQUENCE, (uint32_t)elts->count));
    } else {
        size_t after = elts->count - star - 1;
        if (star >= 256 || after >= 65536)
            return c_error_expr(c, "too many expressions in star-unpacking assignment", target);
        TRY(c_emit(c, GP_OP_UNPACK_EX, (uint32_t)(star | (after << 8))));
    }
    for (size_t i = 0; i < elts->count; i++) {
        const gp_ast_expr_t *t = elts->items[i];
        TRY(c_visit_store(c, t->kind == GP_AST_Starred ? t->v.Starred.value : t));
    }
    return true;
}

bool c_visit_store(compiler_t *c, const gp_ast_expr_t *t)
{
    if (c->failed)
        return false;
    int saved = c->u->lineno;
    gp_code_pos_t saved_pos = c->u->pos;
    c->u->pos = c_pos_expr(t);
    bool ok;
    switch (t->kind) {
    case GP_AST_Name:
        ok = c_nameop(c, t->v.Name.id, NAME_STORE);
        break;
    case GP_AST_Attribute: {
        ok = c_visit_expr(c, t->v.Attribute.value);
        int idx = ok ? c_add_cache(c, c_mangle(c, t->v.Attribute.attr)) : -1;
        c->u->lineno = t->lineno;
        ok = idx >= 0 && c_emit(c, GP_OP_STORE_ATTR, (uint32_t)idx);
        break;
    }
    case GP_AST_Subscript:
        ok = c_visit_expr(c, t->v.Subscript.value) &&
             c_visit_slice_or_expr(c, t->v.Subscript.slice);
        c->u->lineno = t->lineno;
        ok = ok && c_emit(c, GP_OP_STORE_SUBSCR, 0);
        break;
    case GP_AST_Tuple:
        ok = c_visit_unpack(c, t, &t->v.Tuple.elts);
        break;
    case GP_AST_List:
        ok = c_visit_unpack(c, t, &t->v.List.elts);
        break;
    case GP_AST_Starred:
        ok = c_error_expr(c, "starred assignment target must be in a list or tuple", t);
        break;
    default:
        ok = c_error_expr(c, "cannot assign to expression", t);
        break;
    }
    c->u->lineno = saved;
    c->u->pos = saved_pos;
    return ok;
}

static bool c_visit_delete_target(compiler_t *c, const gp_ast_expr_t *t);

bool c_visit_delete(compiler_t *c, const gp_ast_expr_t *t)
{
    gp_code_pos_t saved_pos = c->u->pos;
    bool ok = c_visit_delete_target(c, t);
    c->u->pos = saved_pos;
    return ok;
}

static bool c_visit_delete_target(compiler_t *c, const gp_ast_expr_t *t)
{
    c->u->pos = c_pos_expr(t);
    switch (t->kind) {
    case GP_AST_Name:
        return c_nameop(c, t->v.Name.id, NAME_DEL);
    case GP_AST_Attribute: {
        TRY(c_visit_expr(c, t->v.Attribute.value));
        int idx = c_add_name(c, c_mangle(c, t->v.Attribute.attr));
        c->u->lineno = t->lineno;
        return idx >= 0 && c_emit(c, GP_OP_DELETE_ATTR, (uint32_t)idx);
    }
    case GP_AST_Subscript:
        TRY(c_visit_expr(c, t->v.Subscript.value));
        TRY(c_visit_slice_or_expr(c, t->v.Subscript.slice));
        c->u->lineno = t->lineno;
        return c_emit(c, GP_OP_DELETE_SUBSCR, 0);
    case GP_AST_Tuple:
        for (size_t i = 0; i < t->v.Tuple.elts.count; i++)
            TRY(c_visit_delete(c, t->v.Tuple.elts.items[i]));
        return true;
    case GP_AST_List:
        for (size_t i = 0; i < t->v.List.elts.count; i++)
            TRY(c_visit_delete(c, t->v.List.elts.items[i]));
        return true;
    default:
        return c_error_expr(c, "cannot delete expression", t);
    }
}
