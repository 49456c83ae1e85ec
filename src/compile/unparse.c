/*
 * unparse.c - turning an expression's AST back into source text, for
 * `from __future__ import annotations` (PEP 563).
 *
 * Design notes
 * ------------
 * Under PEP 563 the compiler stores every annotation as the text of its
 * expression instead of evaluating it. The text is not the source as
 * written: it is regenerated from the tree, so spacing, quotes and
 * redundant parentheses come out normalised, exactly as CPython 3.11
 * prints them (`List[ int ]` becomes 'List[int]', `(a)` becomes 'a').
 *
 * The one subtle part is parentheses. Each expression kind has a binding
 * strength (below, weakest first); a node is written inside parentheses
 * when the context it appears in demands a stronger binding than its own.
 * The caller passes that demand down as [level]. Binary operators pass
 * their own strength to one side and one more to the other side, which is
 * what makes `a - (b - c)` keep its parentheses while `(a - b) - c` loses
 * them; `**` is the right-associative exception.
 *
 * Literals come out as their repr(), except that an infinite float, which
 * has no literal, is written as 1e309 (an overflowing literal that reads
 * back as inf), again as CPython does.
 */
#include <string.h>

#include "compile/ast.h"
#include "compile/compile_internal.h"

/* Binding strengths, weakest first. */
enum {
    UNPARSE_TUPLE,
    UNPARSE_TEST,   /* lambda, x if c else y */
    UNPARSE_OR,
    UNPARSE_AND,
    UNPARSE_NOT,
    UNPARSE_CMP,
    UNPARSE_BOR,    /* also a starred expression's operand */
    UNPARSE_BXOR,
    UNPARSE_BAND,
    UNPARSE_SHIFT,
    UNPARSE_ARITH,  /* + - */
    UNPARSE_TERM,   /* * / // % @ */
    UNPARSE_FACTOR, /* unary + - ~ */
    UNPARSE_POWER,
    UNPARSE_AWAIT,
    UNPARSE_ATOM,
};

typedef struct unparser {
    gp_strbuf_t out;
    bool failed; /* a conversion raised: the exception is pending */
    /* The walk also finds what an annotation may not contain (CPython
       rejects it under PEP 563): the first such node outside a nested
       scope (lambda, comprehension), and how to name it. */
    int nested_scopes;
    const gp_ast_expr_t *forbidden;
    const char *forbidden_what;
} unparser_t;

static void note_forbidden(unparser_t *u, const gp_ast_expr_t *e, const char *what)
{
    if (u->nested_scopes == 0 && u->forbidden == NULL) {
        u->forbidden = e;
        u->forbidden_what = what;
    }
}

static void unparse_expr(unparser_t *u, const gp_ast_expr_t *e, int level);

static void emit(unparser_t *u, const char *s)
{
    gp_strbuf_append_cstr(&u->out, s);
}

/* Appends str(o) and drops [o] (a new reference, NULL on failure). */
static void emit_object(unparser_t *u, gp_object_t *o)
{
    if (o == NULL) {
        u->failed = true;
        return;
    }
    gp_strbuf_append_str(&u->out, o);
    GP_DECREF(o);
}

static void open_paren(unparser_t *u, bool needed)
{
    if (needed)
        emit(u, "(");
}

static void close_paren(unparser_t *u, bool needed)
{
    if (needed)
        emit(u, ")");
}

/* ------------------------------------------------------------------ */
/* Literals                                                             */
/* ------------------------------------------------------------------ */

/* repr() of a number with each "inf" spelled as an overflowing literal. */
static void emit_number_repr(unparser_t *u, gp_object_t *number)
{
    gp_object_t *r = number ? gp_object_repr(number) : NULL;
    GP_XDECREF(number);
    if (r == NULL) {
        u->failed = true;
        return;
    }
    const char *s = gp_str_utf8(r);
    for (const char *p = s; *p;) {
        if (strncmp(p, "inf", 3) == 0) {
            emit(u, "1e309");
            p += 3;
        } else {
            gp_strbuf_append_char(&u->out, *p++);
        }
    }
    GP_DECREF(r);
}

static void unparse_constant(unparser_t *u, const gp_ast_constant_t *k)
{
    switch (k->kind) {
    case GP_AST_CONST_NONE:
        emit(u, "None");
        return;
    case GP_AST_CONST_TRUE:
        emit(u, "True");
        return;
    case GP_AST_CONST_FALSE:
        emit(u, "False");
        return;
    case GP_AST_CONST_ELLIPSIS:
        emit(u, "...");
        return;
    case GP_AST_CONST_INT: {
        gp_object_t *n = gp_int_from_string(k->digits, strlen(k->digits), k->base);
        emit_object(u, n ? gp_object_repr(n) : NULL);
        GP_XDECREF(n);
        return;
    }
    case GP_AST_CONST_FLOAT:
        emit_number_repr(u, gp_float_new(k->number));
        return;
    case GP_AST_CONST_COMPLEX: {
        gp_object_t *parts[2] = {GP_SMALL_NEW(0), NULL};
        parts[1] = gp_float_new(k->number);
        gp_object_t *z =
            parts[1] ? gp_object_call((gp_object_t *)&gp_complex_type, parts, 2, NULL) : NULL;
        GP_XDECREF(parts[1]);
        emit_number_repr(u, z);
        return;
    }
    case GP_AST_CONST_STR: {
        if (k->is_u_prefixed)
            emit(u, "u");
        gp_object_t *s = gp_str_from_utf8(k->bytes, k->length);
        emit_object(u, s ? gp_str_repr_of(s) : NULL);
        GP_XDECREF(s);
        return;
    }
    case GP_AST_CONST_BYTES: {
        gp_object_t *b = gp_bytes_new(k->bytes, k->length);
        emit_object(u, b ? gp_object_repr(b) : NULL);
        GP_XDECREF(b);
        return;
    }
    }
}

/* The inside of an f-string, or of a replacement field's format spec, into [body]. */
static void unparse_fstring_body(unparser_t *u, const gp_ast_expr_t *e, gp_strbuf_t *body);

static void unparse_fstring_part(unparser_t *u, const gp_ast_expr_t *part, gp_strbuf_t *body)
{
    if (part->kind == GP_AST_Constant) {
        /* Literal braces are doubled so they read back as text. */
        const gp_ast_constant_t *k = &part->v.Constant;
        for (size_t i = 0; i < k->length; i++) {
            gp_strbuf_append_char(body, k->bytes[i]);
            if (k->bytes[i] == '{' || k->bytes[i] == '}')
                gp_strbuf_append_char(body, k->bytes[i]);
        }
        return;
    }
    if (part->kind != GP_AST_FormattedValue) {
        unparse_fstring_body(u, part, body);
        return;
    }
    /* The replacement field's expression, rendered on its own. */
    unparser_t inner = {.failed = false};
    gp_strbuf_init(&inner.out);
    unparse_expr(&inner, part->v.FormattedValue.value, UNPARSE_TEST + 1);
    if (inner.failed)
        u->failed = true;
    gp_strbuf_append_char(body, '{');
    /* "{{" would read as a literal brace. */
    if (inner.out.len > 0 && inner.out.data[0] == '{')
        gp_strbuf_append_char(body, ' ');
    gp_strbuf_append(body, inner.out.data, inner.out.len);
    gp_strbuf_discard(&inner.out);
    int conversion = part->v.FormattedValue.conversion;
    if (conversion > 0) {
        gp_strbuf_append_char(body, '!');
        gp_strbuf_append_char(body, (char)conversion);
    }
    if (part->v.FormattedValue.format_spec != NULL) {
        gp_strbuf_append_char(body, ':');
        unparse_fstring_body(u, part->v.FormattedValue.format_spec, body);
    }
    gp_strbuf_append_char(body, '}');
}

static void unparse_fstring_body(unparser_t *u, const gp_ast_expr_t *e, gp_strbuf_t *body)
{
    if (e->kind == GP_AST_JoinedStr) {
        for (size_t i = 0; i < e->v.JoinedStr.values.count; i++)
            unparse_fstring_part(u, e->v.JoinedStr.values.items[i], body);
    } else {
        unparse_fstring_part(u, e, body);
    }
}

/* f'...': the body is built first, then quoted as a str literal would be. */
static void unparse_fstring(unparser_t *u, const gp_ast_expr_t *e)
{
    gp_strbuf_t body;
    gp_strbuf_init(&body);
    unparse_fstring_body(u, e, &body);
    gp_object_t *text = gp_strbuf_finish(&body);
    emit(u, "f");
    emit_object(u, text ? gp_str_repr_of(text) : NULL);
    GP_XDECREF(text);
}

/* ------------------------------------------------------------------ */
/* Compound expressions                                                 */
/* ------------------------------------------------------------------ */

static void unparse_seq(unparser_t *u, const gp_ast_expr_seq_t *seq, int level)
{
    for (size_t i = 0; i < seq->count; i++) {
        if (i > 0)
            emit(u, ", ");
        unparse_expr(u, seq->items[i], level);
    }
}

static void unparse_comprehensions(unparser_t *u, const gp_ast_comprehension_seq_t *gens)
{
    for (size_t i = 0; i < gens->count; i++) {
        const gp_ast_comprehension_t *g = gens->items[i];
        emit(u, g->is_async ? " async for " : " for ");
        unparse_expr(u, g->target, UNPARSE_TUPLE);
        emit(u, " in ");
        unparse_expr(u, g->iter, UNPARSE_TEST + 1);
        for (size_t j = 0; j < g->ifs.count; j++) {
            emit(u, " if ");
            unparse_expr(u, g->ifs.items[j], UNPARSE_TEST + 1);
        }
    }
}

static void unparse_parameter(unparser_t *u, const gp_ast_arg_t *a, const gp_ast_expr_t *dflt)
{
    emit(u, a->arg);
    if (dflt != NULL) {
        emit(u, "=");
        unparse_expr(u, dflt, UNPARSE_TEST);
    }
}

/* A lambda's parameters (lambdas cannot annotate them). */
static void unparse_arguments(unparser_t *u, const gp_ast_arguments_t *args)
{
    size_t npos = args->posonlyargs.count + args->args.count;
    size_t first_default = npos - args->defaults.count;
    bool comma = false;
    for (size_t i = 0; i < npos; i++) {
        const gp_ast_arg_t *a = i < args->posonlyargs.count
                                    ? args->posonlyargs.items[i]
                                    : args->args.items[i - args->posonlyargs.count];
        if (comma)
            emit(u, ", ");
        comma = true;
        unparse_parameter(u, a, i >= first_default ? args->defaults.items[i - first_default] : NULL);
        if (i + 1 == args->posonlyargs.count)
            emit(u, ", /");
    }
    if (args->vararg != NULL || args->kwonlyargs.count > 0) {
        if (comma)
            emit(u, ", ");
        comma = true;
        emit(u, "*");
        if (args->vararg != NULL)
            emit(u, args->vararg->arg);
    }
    for (size_t i = 0; i < args->kwonlyargs.count; i++) {
        emit(u, ", ");
        unparse_parameter(u, args->kwonlyargs.items[i], args->kw_defaults.items[i]);
    }
    if (args->kwarg != NULL) {
        if (comma)
            emit(u, ", ");
        emit(u, "**");
        emit(u, args->kwarg->arg);
    }
}

static void unparse_call(unparser_t *u, const gp_ast_expr_t *e)
{
    unparse_expr(u, e->v.Call.func, UNPARSE_ATOM);
    const gp_ast_expr_seq_t *args = &e->v.Call.args;
    const gp_ast_keyword_seq_t *kws = &e->v.Call.keywords;
    /* A lone generator argument shares the call's parentheses. */
    if (args->count == 1 && kws->count == 0 && args->items[0]->kind == GP_AST_GeneratorExp) {
        const gp_ast_expr_t *g = args->items[0];
        emit(u, "(");
        unparse_expr(u, g->v.GeneratorExp.elt, UNPARSE_TEST);
        unparse_comprehensions(u, &g->v.GeneratorExp.generators);
        emit(u, ")");
        return;
    }
    emit(u, "(");
    unparse_seq(u, args, UNPARSE_TEST);
    for (size_t i = 0; i < kws->count; i++) {
        if (i > 0 || args->count > 0)
            emit(u, ", ");
        if (kws->items[i]->arg != NULL) {
            emit(u, kws->items[i]->arg);
            emit(u, "=");
        } else {
            emit(u, "**");
        }
        unparse_expr(u, kws->items[i]->value, UNPARSE_TEST);
    }
    emit(u, ")");
}

static void unparse_slice_part(unparser_t *u, const gp_ast_expr_t *e)
{
    if (e->kind != GP_AST_Slice) {
        unparse_expr(u, e, UNPARSE_TEST);
        return;
    }
    if (e->v.Slice.lower)
        unparse_expr(u, e->v.Slice.lower, UNPARSE_TEST);
    emit(u, ":");
    if (e->v.Slice.upper)
        unparse_expr(u, e->v.Slice.upper, UNPARSE_TEST);
    if (e->v.Slice.step) {
        emit(u, ":");
        unparse_expr(u, e->v.Slice.step, UNPARSE_TEST);
    }
}

static void unparse_subscript(unparser_t *u, const gp_ast_expr_t *e)
{
    unparse_expr(u, e->v.Subscript.value, UNPARSE_ATOM);
    emit(u, "[");
    const gp_ast_expr_t *slice = e->v.Subscript.slice;
    /* x[a, b] is indexed by a tuple written without its parentheses. */
    if (slice->kind == GP_AST_Tuple && slice->v.Tuple.elts.count > 0) {
        const gp_ast_expr_seq_t *elts = &slice->v.Tuple.elts;
        for (size_t i = 0; i < elts->count; i++) {
            if (i > 0)
                emit(u, ", ");
            unparse_slice_part(u, elts->items[i]);
        }
        if (elts->count == 1)
            emit(u, ",");
    } else {
        unparse_slice_part(u, slice);
    }
    emit(u, "]");
}

static const char *binop_text(gp_ast_operator_t op, int *strength)
{
    static const struct {
        const char *text;
        int strength;
    } table[] = {
        [GP_AST_Add] = {" + ", UNPARSE_ARITH},     [GP_AST_Sub] = {" - ", UNPARSE_ARITH},
        [GP_AST_Mult] = {" * ", UNPARSE_TERM},     [GP_AST_MatMult] = {" @ ", UNPARSE_TERM},
        [GP_AST_Div] = {" / ", UNPARSE_TERM},      [GP_AST_Mod] = {" % ", UNPARSE_TERM},
        [GP_AST_Pow] = {" ** ", UNPARSE_POWER},    [GP_AST_LShift] = {" << ", UNPARSE_SHIFT},
        [GP_AST_RShift] = {" >> ", UNPARSE_SHIFT}, [GP_AST_BitOr] = {" | ", UNPARSE_BOR},
        [GP_AST_BitXor] = {" ^ ", UNPARSE_BXOR},   [GP_AST_BitAnd] = {" & ", UNPARSE_BAND},
        [GP_AST_FloorDiv] = {" // ", UNPARSE_TERM},
    };
    *strength = table[op].strength;
    return table[op].text;
}

static const char *const cmpop_texts[] = {
    [GP_AST_Eq] = " == ", [GP_AST_NotEq] = " != ", [GP_AST_Lt] = " < ",
    [GP_AST_LtE] = " <= ", [GP_AST_Gt] = " > ",    [GP_AST_GtE] = " >= ",
    [GP_AST_Is] = " is ", [GP_AST_IsNot] = " is not ", [GP_AST_In] = " in ",
    [GP_AST_NotIn] = " not in ",
};

static void unparse_expr(unparser_t *u, const gp_ast_expr_t *e, int level)
{
    if (u->failed)
        return;
    switch (e->kind) {
    case GP_AST_BoolOp: {
        int own = e->v.BoolOp.op == GP_AST_And ? UNPARSE_AND : UNPARSE_OR;
        open_paren(u, level > own);
        for (size_t i = 0; i < e->v.BoolOp.values.count; i++) {
            if (i > 0)
                emit(u, own == UNPARSE_AND ? " and " : " or ");
            unparse_expr(u, e->v.BoolOp.values.items[i], own + 1);
        }
        close_paren(u, level > own);
        return;
    }
    case GP_AST_NamedExpr:
        note_forbidden(u, e, "named expression");
        open_paren(u, level > UNPARSE_TUPLE);
        unparse_expr(u, e->v.NamedExpr.target, UNPARSE_ATOM);
        emit(u, " := ");
        unparse_expr(u, e->v.NamedExpr.value, UNPARSE_ATOM);
        close_paren(u, level > UNPARSE_TUPLE);
        return;
    case GP_AST_BinOp: {
        int own;
        const char *text = binop_text(e->v.BinOp.op, &own);
        /* `**` groups to the right, everything else to the left. */
        bool right_assoc = e->v.BinOp.op == GP_AST_Pow;
        open_paren(u, level > own);
        unparse_expr(u, e->v.BinOp.left, right_assoc ? own + 1 : own);
        emit(u, text);
        unparse_expr(u, e->v.BinOp.right, right_assoc ? own : own + 1);
        close_paren(u, level > own);
        return;
    }
    case GP_AST_UnaryOp: {
        static const char *const texts[] = {
            [GP_AST_Invert] = "~", [GP_AST_Not] = "not ", [GP_AST_UAdd] = "+", [GP_AST_USub] = "-"};
        int own = e->v.UnaryOp.op == GP_AST_Not ? UNPARSE_NOT : UNPARSE_FACTOR;
        open_paren(u, level > own);
        emit(u, texts[e->v.UnaryOp.op]);
        unparse_expr(u, e->v.UnaryOp.operand, own);
        close_paren(u, level > own);
        return;
    }
    case GP_AST_Lambda: {
        const gp_ast_arguments_t *a = e->v.Lambda.args;
        /* Only positional parameters earn the space after `lambda`:
           CPython writes `lambda*args: 0`, and so must we. */
        bool has_params = a->posonlyargs.count || a->args.count;
        open_paren(u, level > UNPARSE_TEST);
        emit(u, has_params ? "lambda " : "lambda");
        u->nested_scopes++;
        unparse_arguments(u, a);
        emit(u, ": ");
        unparse_expr(u, e->v.Lambda.body, UNPARSE_TEST);
        u->nested_scopes--;
        close_paren(u, level > UNPARSE_TEST);
        return;
    }
    case GP_AST_IfExp:
        open_paren(u, level > UNPARSE_TEST);
        unparse_expr(u, e->v.IfExp.body, UNPARSE_TEST + 1);
        emit(u, " if ");
        unparse_expr(u, e->v.IfExp.test, UNPARSE_TEST + 1);
        emit(u, " else ");
        unparse_expr(u, e->v.IfExp.orelse, UNPARSE_TEST);
        close_paren(u, level > UNPARSE_TEST);
        return;
    case GP_AST_Dict:
        emit(u, "{");
        for (size_t i = 0; i < e->v.Dict.values.count; i++) {
            if (i > 0)
                emit(u, ", ");
            if (e->v.Dict.keys.items[i] == NULL) {
                emit(u, "**");
                unparse_expr(u, e->v.Dict.values.items[i], UNPARSE_BOR);
            } else {
                unparse_expr(u, e->v.Dict.keys.items[i], UNPARSE_TEST);
                emit(u, ": ");
                unparse_expr(u, e->v.Dict.values.items[i], UNPARSE_TEST);
            }
        }
        emit(u, "}");
        return;
    case GP_AST_Set:
        emit(u, "{");
        unparse_seq(u, &e->v.Set.elts, UNPARSE_TEST);
        emit(u, "}");
        return;
    case GP_AST_ListComp:
        u->nested_scopes++;
        emit(u, "[");
        unparse_expr(u, e->v.ListComp.elt, UNPARSE_TEST);
        unparse_comprehensions(u, &e->v.ListComp.generators);
        emit(u, "]");
        u->nested_scopes--;
        return;
    case GP_AST_SetComp:
        u->nested_scopes++;
        emit(u, "{");
        unparse_expr(u, e->v.SetComp.elt, UNPARSE_TEST);
        unparse_comprehensions(u, &e->v.SetComp.generators);
        emit(u, "}");
        u->nested_scopes--;
        return;
    case GP_AST_DictComp:
        u->nested_scopes++;
        emit(u, "{");
        unparse_expr(u, e->v.DictComp.key, UNPARSE_TEST);
        emit(u, ": ");
        unparse_expr(u, e->v.DictComp.value, UNPARSE_TEST);
        unparse_comprehensions(u, &e->v.DictComp.generators);
        emit(u, "}");
        u->nested_scopes--;
        return;
    case GP_AST_GeneratorExp:
        u->nested_scopes++;
        emit(u, "(");
        unparse_expr(u, e->v.GeneratorExp.elt, UNPARSE_TEST);
        unparse_comprehensions(u, &e->v.GeneratorExp.generators);
        emit(u, ")");
        u->nested_scopes--;
        return;
    case GP_AST_Await:
        note_forbidden(u, e, "await expression");
        open_paren(u, level > UNPARSE_AWAIT);
        emit(u, "await ");
        unparse_expr(u, e->v.Await.value, UNPARSE_ATOM);
        close_paren(u, level > UNPARSE_AWAIT);
        return;
    case GP_AST_Yield:
        note_forbidden(u, e, "yield expression");
        emit(u, e->v.Yield.value ? "(yield " : "(yield");
        if (e->v.Yield.value)
            unparse_expr(u, e->v.Yield.value, UNPARSE_TEST);
        emit(u, ")");
        return;
    case GP_AST_YieldFrom:
        note_forbidden(u, e, "yield expression");
        emit(u, "(yield from ");
        unparse_expr(u, e->v.YieldFrom.value, UNPARSE_TEST);
        emit(u, ")");
        return;
    case GP_AST_Compare:
        open_paren(u, level > UNPARSE_CMP);
        unparse_expr(u, e->v.Compare.left, UNPARSE_CMP + 1);
        for (size_t i = 0; i < e->v.Compare.ops.count; i++) {
            emit(u, cmpop_texts[e->v.Compare.ops.items[i]]);
            unparse_expr(u, e->v.Compare.comparators.items[i], UNPARSE_CMP + 1);
        }
        close_paren(u, level > UNPARSE_CMP);
        return;
    case GP_AST_Call:
        unparse_call(u, e);
        return;
    case GP_AST_FormattedValue:
    case GP_AST_JoinedStr:
        unparse_fstring(u, e);
        return;
    case GP_AST_Constant:
        unparse_constant(u, &e->v.Constant);
        return;
    case GP_AST_Attribute: {
        const gp_ast_expr_t *v = e->v.Attribute.value;
        unparse_expr(u, v, UNPARSE_ATOM);
        /* `1.real` would lex as a float: an int needs a space first. */
        bool int_literal = v->kind == GP_AST_Constant && v->v.Constant.kind == GP_AST_CONST_INT;
        emit(u, int_literal ? " ." : ".");
        emit(u, e->v.Attribute.attr);
        return;
    }
    case GP_AST_Subscript:
        unparse_subscript(u, e);
        return;
    case GP_AST_Starred:
        emit(u, "*");
        unparse_expr(u, e->v.Starred.value, UNPARSE_BOR);
        return;
    case GP_AST_Name:
        emit(u, e->v.Name.id);
        return;
    case GP_AST_List:
        emit(u, "[");
        unparse_seq(u, &e->v.List.elts, UNPARSE_TEST);
        emit(u, "]");
        return;
    case GP_AST_Tuple: {
        size_t n = e->v.Tuple.elts.count;
        if (n == 0) {
            emit(u, "()");
            return;
        }
        open_paren(u, level > UNPARSE_TUPLE);
        unparse_seq(u, &e->v.Tuple.elts, UNPARSE_TEST);
        if (n == 1)
            emit(u, ",");
        close_paren(u, level > UNPARSE_TUPLE);
        return;
    }
    case GP_AST_Slice:
        unparse_slice_part(u, e);
        return;
    }
}

gp_object_t *gp_unparse_annotation(const gp_ast_expr_t *e, const gp_ast_expr_t **forbidden,
                                   const char **forbidden_what)
{
    unparser_t u = {.failed = false};
    gp_strbuf_init(&u.out);
    /* An annotation stands where a lone test would: a bare tuple shows
       its parentheses. */
    unparse_expr(&u, e, UNPARSE_TEST);
    *forbidden = u.forbidden;
    *forbidden_what = u.forbidden_what;
    if (u.failed) {
        gp_strbuf_discard(&u.out);
        return NULL;
    }
    return gp_strbuf_finish(&u.out);
}
