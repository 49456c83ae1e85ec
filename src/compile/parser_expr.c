/* parser_expr.c - expressions, call arguments, parameters and targets.
 *
 * Design notes
 * ------------
 * One function per precedence level of Python 3.11's grammar, from lambda
 * and the conditional expression down to atoms; binary operators are
 * parsed with loops (left-associative) and `**` with recursion (right-
 * associative, binding tighter than a unary minus on its left).
 *
 * Assignment targets are parsed as ordinary expressions and then checked
 * and switched to Store/Del context by parser_set_context. That is how
 * CPython arrives at its "cannot assign to function call" messages too:
 * it parses the invalid target as an expression and names its kind.
 *
 * A few CPython diagnostics need to know whether some text *would* parse
 * ("Perhaps you forgot a comma?" needs an expression right after another).
 * parser_speculate runs a parse function and then restores the position,
 * the error state and the furthest-token mark, so a speculative parse never
 * changes the outcome except through the message it enables.
 */
#include <string.h>

#include "parser_internal.h"

/* ------------------------------------------------------------------------
 * Speculation
 * ------------------------------------------------------------------------ */

typedef gp_ast_expr_t *(*parse_fn_t)(gp_parser_t *p);

/* Runs [fn] and reports whether it succeeded; restores the parser state
 * either way, except that on success the end position is kept in
 * [*end_pos] and the parsed node is returned through [*node]. */
static int parser_speculate(gp_parser_t *p, parse_fn_t fn, gp_ast_expr_t **node, size_t *end_pos)
{
    size_t saved_pos = p->pos, saved_max = p->max_pos;
    int saved_failed = p->failed;
    gp_syntax_error_t saved_err = *p->err;
    gp_ast_expr_t *e = saved_failed ? NULL : fn(p);
    int ok = e != NULL && !p->failed;
    if (p->hit_error_token) {
        /* The tokenizer error was raised for real. */
        return 0;
    }
    if (node != NULL) {
        *node = ok ? e : NULL;
    }
    if (end_pos != NULL) {
        *end_pos = p->pos;
    }
    p->pos = saved_pos;
    p->max_pos = saved_max;
    p->failed = saved_failed;
    *p->err = saved_err;
    return ok;
}

/* ------------------------------------------------------------------------
 * Expression names and targets
 * ------------------------------------------------------------------------ */

const char *parser_expr_name(const gp_ast_expr_t *e)
{
    switch (e->kind) {
    case GP_AST_Attribute:
        return "attribute";
    case GP_AST_Subscript:
        return "subscript";
    case GP_AST_Starred:
        return "starred";
    case GP_AST_Name:
        return "name";
    case GP_AST_List:
        return "list";
    case GP_AST_Tuple:
        return "tuple";
    case GP_AST_Lambda:
        return "lambda";
    case GP_AST_Call:
        return "function call";
    case GP_AST_BoolOp:
    case GP_AST_BinOp:
    case GP_AST_UnaryOp:
        return "expression";
    case GP_AST_GeneratorExp:
        return "generator expression";
    case GP_AST_Yield:
    case GP_AST_YieldFrom:
        return "yield expression";
    case GP_AST_Await:
        return "await expression";
    case GP_AST_ListComp:
        return "list comprehension";
    case GP_AST_SetComp:
        return "set comprehension";
    case GP_AST_DictComp:
        return "dict comprehension";
    case GP_AST_Dict:
        return "dict literal";
    case GP_AST_Set:
        return "set display";
    case GP_AST_JoinedStr:
    case GP_AST_FormattedValue:
        return "f-string expression";
    case GP_AST_Constant:
        switch (e->v.Constant.kind) {
        case GP_AST_CONST_NONE:
            return "None";
        case GP_AST_CONST_TRUE:
            return "True";
        case GP_AST_CONST_FALSE:
            return "False";
        case GP_AST_CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case GP_AST_Compare:
        return "comparison";
    case GP_AST_IfExp:
        return "conditional expression";
    case GP_AST_NamedExpr:
        return "named expression";
    case GP_AST_Slice:
        return "slice";
    }
    return "expression";
}

const gp_ast_expr_t *parser_invalid_target(const gp_ast_expr_t *e, int kind)
{
    if (e == NULL) {
        return NULL;
    }
    switch (e->kind) {
    case GP_AST_Name:
    case GP_AST_Attribute:
    case GP_AST_Subscript:
        return NULL;
    case GP_AST_Starred:
        if (kind == GP_TARGET_DEL) {
            return e;
        }
        return parser_invalid_target(e->v.Starred.value, kind);
    case GP_AST_List:
    case GP_AST_Tuple:
        for (size_t i = 0; i < e->v.List.elts.count; i++) {
            const gp_ast_expr_t *bad = parser_invalid_target(e->v.List.elts.items[i], kind);
            if (bad != NULL) {
                return bad;
            }
        }
        return NULL;
    case GP_AST_Compare:
        /* `for a in b` may reach here parsed as the comparison `a in b`. */
        if (kind == GP_TARGET_FOR) {
            if (e->v.Compare.ops.items[0] == GP_AST_In) {
                return parser_invalid_target(e->v.Compare.left, kind);
            }
            return NULL;
        }
        return e;
    default:
        return e;
    }
}

int parser_set_context(gp_parser_t *p, gp_ast_expr_t *e, gp_ast_expr_context_t ctx, int kind)
{
    const gp_ast_expr_t *bad = parser_invalid_target(e, kind);
    if (bad != NULL) {
        parser_error_expr(p, bad, "cannot %s %s", kind == GP_TARGET_DEL ? "delete" : "assign to",
                          parser_expr_name(bad));
        return -1;
    }
    switch (e->kind) {
    case GP_AST_Name:
        e->v.Name.ctx = ctx;
        break;
    case GP_AST_Attribute:
        e->v.Attribute.ctx = ctx;
        break;
    case GP_AST_Subscript:
        e->v.Subscript.ctx = ctx;
        break;
    case GP_AST_Starred:
        e->v.Starred.ctx = ctx;
        return parser_set_context(p, e->v.Starred.value, ctx, kind);
    case GP_AST_List:
    case GP_AST_Tuple:
        e->v.List.ctx = ctx;
        for (size_t i = 0; i < e->v.List.elts.count; i++) {
            if (parser_set_context(p, e->v.List.elts.items[i], ctx, kind) < 0) {
                return -1;
            }
        }
        break;
    default:
        break;
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------ */

int parser_starts_expression(gp_parser_t *p)
{
    switch (parser_peek(p)->type) {
    case GP_TOK_NAME:
    case GP_TOK_NUMBER:
    case GP_TOK_STRING:
    case GP_TOK_LPAR:
    case GP_TOK_LSQB:
    case GP_TOK_LBRACE:
    case GP_TOK_MINUS:
    case GP_TOK_PLUS:
    case GP_TOK_TILDE:
    case GP_TOK_ELLIPSIS:
    case GP_TOK_KW_NOT:
    case GP_TOK_KW_LAMBDA:
    case GP_TOK_KW_AWAIT:
    case GP_TOK_KW_NONE:
    case GP_TOK_KW_TRUE:
    case GP_TOK_KW_FALSE:
        return 1;
    default:
        return 0;
    }
}

static int is_soft_keyword(const gp_token_t *t)
{
    return t->type == GP_TOK_NAME && ((t->length == 5 && memcmp(t->start, "match", 5) == 0) ||
                                      (t->length == 4 && memcmp(t->start, "case", 4) == 0) ||
                                      (t->length == 1 && t->start[0] == '_'));
}

static int is_legacy_name(const gp_ast_expr_t *e)
{
    return e->kind == GP_AST_Name &&
           (strcmp(e->v.Name.id, "print") == 0 || strcmp(e->v.Name.id, "exec") == 0);
}

/* CPython's invalid_expression, run where an expression was complete but
 * another one follows: "Perhaps you forgot a comma?" inside brackets, or
 * "Missing parentheses in call to 'print'". [start] is the token index
 * where [a] began. */
static void diagnose_adjacent_expressions(gp_parser_t *p, gp_ast_expr_t *a, size_t start)
{
    if (p->failed || !parser_starts_expression(p)) {
        return;
    }
    gp_token_t *first = &p->tokens[start];
    gp_ast_expr_t *b = NULL;
    size_t end_pos = 0;
    if (is_legacy_name(a) && a->end_col_offset == first->end_col_offset &&
        !parser_check(p, GP_TOK_LPAR)) {
        if (parser_speculate(p, parse_star_expressions, &b, &end_pos)) {
            parser_error_range(p, a, b,
                               "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                               a->v.Name.id, a->v.Name.id);
        }
        return;
    }
    if ((first->type == GP_TOK_NAME && start + 1 < p->count &&
         p->tokens[start + 1].type == GP_TOK_STRING) ||
        is_soft_keyword(first)) {
        return;
    }
    if (!parser_speculate(p, parse_expression, &b, &end_pos)) {
        return;
    }
    if (end_pos > 0 && p->tokens[end_pos - 1].level != 0) {
        parser_error_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
    }
}

/* ------------------------------------------------------------------------
 * Top of the precedence ladder
 * ------------------------------------------------------------------------ */

static gp_ast_expr_t *parse_lambda(gp_parser_t *p);

gp_ast_expr_t *parse_expression(gp_parser_t *p)
{
    if (parser_check(p, GP_TOK_KW_LAMBDA)) {
        return parse_lambda(p);
    }
    if (!parser_enter(p)) {
        return NULL;
    }
    size_t start = p->pos;
    gp_ast_expr_t *a = parse_disjunction(p);
    gp_ast_expr_t *result = a;
    if (a != NULL && parser_accept(p, GP_TOK_KW_IF)) {
        gp_ast_expr_t *test = parse_disjunction(p);
        if (test == NULL) {
            result = NULL;
        } else if (!parser_check(p, GP_TOK_KW_ELSE)) {
            if (!parser_check(p, GP_TOK_COLON)) {
                parser_error_range(p, a, test, "expected 'else' after 'if' expression");
            } else {
                parser_error_generic(p);
            }
            result = NULL;
        } else {
            parser_accept(p, GP_TOK_KW_ELSE);
            gp_ast_expr_t *orelse = parse_expression(p);
            if (orelse == NULL) {
                result = NULL;
            } else {
                result = expr_new_span(p, GP_AST_IfExp, a, orelse);
                if (result != NULL) {
                    result->v.IfExp.test = test;
                    result->v.IfExp.body = a;
                    result->v.IfExp.orelse = orelse;
                }
            }
        }
    } else if (a != NULL) {
        diagnose_adjacent_expressions(p, a, start);
        if (p->failed) {
            result = NULL;
        }
    }
    parser_leave(p);
    return result;
}

/* Leftmost atom of an expression, used to mimic CPython's lookahead
 * `!(list|tuple|genexp|'True'|'None'|'False')`. */
static const gp_ast_expr_t *leftmost(const gp_ast_expr_t *e)
{
    for (;;) {
        switch (e->kind) {
        case GP_AST_Call:
            e = e->v.Call.func;
            break;
        case GP_AST_Attribute:
            e = e->v.Attribute.value;
            break;
        case GP_AST_Subscript:
            e = e->v.Subscript.value;
            break;
        case GP_AST_BinOp:
            e = e->v.BinOp.left;
            break;
        default:
            return e;
        }
    }
}

/* Returns 1 when [e] could have been parsed by CPython's bitwise_or rule,
 * i.e. it is not a comparison, boolean operation, not, lambda, etc. */
static int is_bitwise_or_level(const gp_ast_expr_t *e)
{
    switch (e->kind) {
    case GP_AST_Compare:
    case GP_AST_BoolOp:
    case GP_AST_IfExp:
    case GP_AST_Lambda:
    case GP_AST_NamedExpr:
    case GP_AST_Starred:
    case GP_AST_Yield:
    case GP_AST_YieldFrom:
        return 0;
    case GP_AST_UnaryOp:
        return e->v.UnaryOp.op != GP_AST_Not;
    default:
        return 1;
    }
}

/* CPython's invalid_named_expression for `a = b` where an expression was
 * expected, with the current token being '='. Returns 1 when it raised an
 * error. [a_start] is the token index where [a] began. */
int parser_diagnose_bad_assignment(gp_parser_t *p, gp_ast_expr_t *a, size_t a_start)
{
    if (!parser_check(p, GP_TOK_EQUAL)) {
        return 0;
    }
    size_t saved = p->pos;
    gp_ast_expr_t *b = NULL;
    size_t end_pos = 0;
    p->pos++;
    int ok = parser_speculate(p, parse_bitwise_or, &b, &end_pos);
    p->pos = saved;
    if (!ok || end_pos >= p->count || p->tokens[end_pos].type == GP_TOK_EQUAL ||
        p->tokens[end_pos].type == GP_TOK_COLONEQUAL) {
        return 0;
    }
    const gp_token_t *first = &p->tokens[a_start];
    if (a->kind == GP_AST_Name && first->type == GP_TOK_NAME &&
        a->end_col_offset == first->end_col_offset && a->end_lineno == first->end_lineno) {
        parser_error_range(p, a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        return 1;
    }
    if (!is_bitwise_or_level(a)) {
        return 0;
    }
    const gp_ast_expr_t *atom = leftmost(a);
    if (atom->kind == GP_AST_List || atom->kind == GP_AST_Tuple ||
        atom->kind == GP_AST_GeneratorExp ||
        (atom->kind == GP_AST_Constant && atom->v.Constant.kind <= GP_AST_CONST_FALSE &&
         first->type != GP_TOK_LPAR)) {
        /* A parenthesized group is not a tuple; a tuple starts at '('. */
        if (!(atom->kind == GP_AST_Tuple && first->type == GP_TOK_LPAR &&
              atom->col_offset != first->col_offset)) {
            return 0;
        }
    }
    parser_error_expr(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      parser_expr_name(a));
    return 1;
}

gp_ast_expr_t *parse_named_expression(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    if (t->type == GP_TOK_NAME && parser_peek_n(p, 1)->type == GP_TOK_COLONEQUAL) {
        parser_accept(p, GP_TOK_NAME);
        gp_ast_expr_t *target = expr_new(p, GP_AST_Name, t);
        parser_accept(p, GP_TOK_COLONEQUAL);
        gp_ast_expr_t *value = parse_expression(p);
        if (target == NULL || value == NULL) {
            return NULL;
        }
        target->v.Name.id = parser_identifier(p, t);
        target->v.Name.ctx = GP_AST_Store;
        gp_ast_expr_t *e = expr_new_span(p, GP_AST_NamedExpr, target, value);
        if (e != NULL) {
            e->v.NamedExpr.target = target;
            e->v.NamedExpr.value = value;
        }
        return e;
    }
    size_t start = p->pos;
    gp_ast_expr_t *a = parse_expression(p);
    if (a == NULL) {
        return NULL;
    }
    if (parser_check(p, GP_TOK_COLONEQUAL)) {
        parser_error_expr(p, a, "cannot use assignment expressions with %s", parser_expr_name(a));
        return NULL;
    }
    if (parser_diagnose_bad_assignment(p, a, start)) {
        return NULL;
    }
    return a;
}

/* star_named_expression: '*' bitwise_or | named_expression */
gp_ast_expr_t *parse_star_named_expression(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    if (t->type == GP_TOK_STAR) {
        parser_accept(p, GP_TOK_STAR);
        gp_ast_expr_t *value = parse_bitwise_or(p);
        if (value == NULL) {
            return NULL;
        }
        gp_ast_expr_t *e = expr_new(p, GP_AST_Starred, t);
        if (e != NULL) {
            e->v.Starred.value = value;
            e->v.Starred.ctx = GP_AST_Load;
        }
        return e;
    }
    return parse_named_expression(p);
}

/* star_expression: '*' bitwise_or | expression */
static gp_ast_expr_t *parse_star_expression(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    if (t->type == GP_TOK_STAR) {
        parser_accept(p, GP_TOK_STAR);
        gp_ast_expr_t *value = parse_bitwise_or(p);
        if (value == NULL) {
            return NULL;
        }
        gp_ast_expr_t *e = expr_new(p, GP_AST_Starred, t);
        if (e != NULL) {
            e->v.Starred.value = value;
            e->v.Starred.ctx = GP_AST_Load;
        }
        return e;
    }
    return parse_expression(p);
}

/* A comma-separated run of [item] parsed expressions: one without a comma
 * is returned as is, otherwise a Tuple (a trailing comma is allowed). */
static gp_ast_expr_t *parse_tuple_of(gp_parser_t *p, parse_fn_t item)
{
    gp_ast_expr_t *first = item(p);
    if (first == NULL) {
        return NULL;
    }
    if (!parser_check(p, GP_TOK_COMMA)) {
        return first;
    }
    gp_vec_t elts = {0};
    if (vec_push(p, &elts, first) < 0) {
        return NULL;
    }
    while (parser_accept(p, GP_TOK_COMMA)) {
        if (!parser_starts_expression(p) && !parser_check(p, GP_TOK_STAR)) {
            break;
        }
        gp_ast_expr_t *e = item(p);
        if (e == NULL || vec_push(p, &elts, e) < 0) {
            return NULL;
        }
    }
    gp_ast_expr_t *tuple = expr_new_span(p, GP_AST_Tuple, first, first);
    if (tuple != NULL) {
        expr_end_here(p, tuple);
        tuple->v.Tuple.elts = vec_to_exprs(&elts);
        tuple->v.Tuple.ctx = GP_AST_Load;
    }
    return tuple;
}

gp_ast_expr_t *parse_star_expressions(gp_parser_t *p)
{
    return parse_tuple_of(p, parse_star_expression);
}

/* Parses `star_targets` as expressions at bitwise_or level, so that `in`
 * is left for the caller. The caller validates them. */
static gp_ast_expr_t *parse_target_item(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    if (t->type == GP_TOK_STAR) {
        parser_accept(p, GP_TOK_STAR);
        gp_ast_expr_t *value = parse_target_item(p);
        if (value == NULL) {
            return NULL;
        }
        gp_ast_expr_t *e = expr_new(p, GP_AST_Starred, t);
        if (e != NULL) {
            e->v.Starred.value = value;
        }
        return e;
    }
    return parse_bitwise_or(p);
}

gp_ast_expr_t *parse_star_targets(gp_parser_t *p)
{
    if (!parser_enter(p)) {
        return NULL;
    }
    gp_ast_expr_t *e = parse_tuple_of(p, parse_target_item);
    parser_leave(p);
    return e;
}

gp_ast_expr_t *parse_yield_expr(gp_parser_t *p)
{
    gp_token_t *t = parser_expect(p, GP_TOK_KW_YIELD);
    if (t == NULL) {
        return NULL;
    }
    if (parser_accept(p, GP_TOK_KW_FROM)) {
        gp_ast_expr_t *value = parse_expression(p);
        if (value == NULL) {
            return NULL;
        }
        gp_ast_expr_t *e = expr_new(p, GP_AST_YieldFrom, t);
        if (e != NULL) {
            e->v.YieldFrom.value = value;
        }
        return e;
    }
    gp_ast_expr_t *value = NULL;
    if (parser_starts_expression(p) || parser_check(p, GP_TOK_STAR)) {
        value = parse_star_expressions(p);
        if (value == NULL) {
            return NULL;
        }
    }
    gp_ast_expr_t *e = expr_new(p, GP_AST_Yield, t);
    if (e != NULL) {
        e->v.Yield.value = value;
    }
    return e;
}

/* ------------------------------------------------------------------------
 * Boolean operators and comparisons
 * ------------------------------------------------------------------------ */

static gp_ast_expr_t *parse_inversion(gp_parser_t *p);
static gp_ast_expr_t *parse_comparison(gp_parser_t *p);

/* Parses `item (op item)*` into one BoolOp holding every operand. */
static gp_ast_expr_t *parse_boolop(gp_parser_t *p, gp_token_type_t op_token, gp_ast_boolop_t op,
                                   parse_fn_t item)
{
    gp_ast_expr_t *first = item(p);
    if (first == NULL || !parser_check(p, op_token)) {
        return first;
    }
    gp_vec_t values = {0};
    if (vec_push(p, &values, first) < 0) {
        return NULL;
    }
    while (parser_accept(p, op_token)) {
        gp_ast_expr_t *e = item(p);
        if (e == NULL || vec_push(p, &values, e) < 0) {
            return NULL;
        }
    }
    gp_ast_expr_t *e = expr_new_span(p, GP_AST_BoolOp, first, values.items[values.count - 1]);
    if (e != NULL) {
        e->v.BoolOp.op = op;
        e->v.BoolOp.values = vec_to_exprs(&values);
    }
    return e;
}

static gp_ast_expr_t *parse_conjunction(gp_parser_t *p)
{
    return parse_boolop(p, GP_TOK_KW_AND, GP_AST_And, parse_inversion);
}

gp_ast_expr_t *parse_disjunction(gp_parser_t *p)
{
    return parse_boolop(p, GP_TOK_KW_OR, GP_AST_Or, parse_conjunction);
}

static gp_ast_expr_t *parse_inversion(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    if (t->type != GP_TOK_KW_NOT) {
        return parse_comparison(p);
    }
    if (!parser_enter(p)) {
        return NULL;
    }
    parser_accept(p, GP_TOK_KW_NOT);
    gp_ast_expr_t *operand = parse_inversion(p);
    gp_ast_expr_t *e = NULL;
    if (operand != NULL) {
        e = expr_new(p, GP_AST_UnaryOp, t);
        if (e != NULL) {
            e->v.UnaryOp.op = GP_AST_Not;
            e->v.UnaryOp.operand = operand;
        }
    }
    parser_leave(p);
    return e;
}

/* Reads a comparison operator at the current token; returns 1 and
 * consumes it, or 0. */
static int accept_compare_op(gp_parser_t *p, gp_ast_cmpop_t *op)
{
    switch (parser_peek(p)->type) {
    case GP_TOK_EQEQUAL:
        *op = GP_AST_Eq;
        break;
    case GP_TOK_NOTEQUAL:
        *op = GP_AST_NotEq;
        break;
    case GP_TOK_LESS:
        *op = GP_AST_Lt;
        break;
    case GP_TOK_LESSEQUAL:
        *op = GP_AST_LtE;
        break;
    case GP_TOK_GREATER:
        *op = GP_AST_Gt;
        break;
    case GP_TOK_GREATEREQUAL:
        *op = GP_AST_GtE;
        break;
    case GP_TOK_KW_IN:
        *op = GP_AST_In;
        break;
    case GP_TOK_KW_IS:
        p->pos++;
        *op = parser_accept(p, GP_TOK_KW_NOT) ? GP_AST_IsNot : GP_AST_Is;
        return 1;
    case GP_TOK_KW_NOT:
        if (parser_peek_n(p, 1)->type != GP_TOK_KW_IN) {
            return 0;
        }
        p->pos += 2;
        *op = GP_AST_NotIn;
        return 1;
    default:
        return 0;
    }
    p->pos++;
    return 1;
}

static gp_ast_expr_t *parse_comparison(gp_parser_t *p)
{
    gp_ast_expr_t *left = parse_bitwise_or(p);
    if (left == NULL) {
        return NULL;
    }
    gp_ast_cmpop_t op;
    gp_vec_t comparators = {0};
    gp_ast_cmpop_t *ops = NULL;
    size_t ops_cap = 0;
    while (accept_compare_op(p, &op)) {
        if (comparators.count >= GP_PARSER_MAX_CHAIN) {
            parser_error_generic(p);
            return NULL;
        }
        gp_ast_expr_t *right = parse_bitwise_or(p);
        if (right == NULL || vec_push(p, &comparators, right) < 0) {
            return NULL;
        }
        if (comparators.count > ops_cap) {
            size_t cap = ops_cap ? ops_cap * 2 : 4;
            gp_ast_cmpop_t *grown = parser_alloc(p, cap * sizeof *grown);
            if (grown == NULL) {
                return NULL;
            }
            if (ops != NULL) {
                memcpy(grown, ops, ops_cap * sizeof *ops);
            }
            ops = grown;
            ops_cap = cap;
        }
        ops[comparators.count - 1] = op;
    }
    if (comparators.count == 0) {
        return left;
    }
    gp_ast_expr_t *e =
        expr_new_span(p, GP_AST_Compare, left, comparators.items[comparators.count - 1]);
    if (e != NULL) {
        e->v.Compare.left = left;
        e->v.Compare.ops.count = comparators.count;
        e->v.Compare.ops.items = ops;
        e->v.Compare.comparators = vec_to_exprs(&comparators);
    }
    return e;
}

/* ------------------------------------------------------------------------
 * Binary operators
 * ------------------------------------------------------------------------ */

/* One level of left-associative binary operators: [next] parses the
 * operands, [match] maps a token to an operator (returning 0 when the
 * token is not one of this level). */
static gp_ast_expr_t *parse_binary_level(gp_parser_t *p, parse_fn_t next,
                                         int (*match)(gp_token_type_t, gp_ast_operator_t *))
{
    gp_ast_expr_t *left = next(p);
    gp_ast_operator_t op;
    int chain = 0;
    while (left != NULL && match(parser_peek(p)->type, &op)) {
        if (++chain > GP_PARSER_MAX_CHAIN) {
            parser_error_token(p, parser_peek(p), "too many operators in one expression");
            return NULL;
        }
        p->pos++;
        gp_ast_expr_t *right = next(p);
        if (right == NULL) {
            return NULL;
        }
        gp_ast_expr_t *e = expr_new_span(p, GP_AST_BinOp, left, right);
        if (e == NULL) {
            return NULL;
        }
        e->v.BinOp.left = left;
        e->v.BinOp.op = op;
        e->v.BinOp.right = right;
        left = e;
    }
    return left;
}

static int match_bitor(gp_token_type_t t, gp_ast_operator_t *op)
{
    *op = GP_AST_BitOr;
    return t == GP_TOK_VBAR;
}

static int match_bitxor(gp_token_type_t t, gp_ast_operator_t *op)
{
    *op = GP_AST_BitXor;
    return t == GP_TOK_CIRCUMFLEX;
}

static int match_bitand(gp_token_type_t t, gp_ast_operator_t *op)
{
    *op = GP_AST_BitAnd;
    return t == GP_TOK_AMPER;
}

static int match_shift(gp_token_type_t t, gp_ast_operator_t *op)
{
    *op = t == GP_TOK_LEFTSHIFT ? GP_AST_LShift : GP_AST_RShift;
    return t == GP_TOK_LEFTSHIFT || t == GP_TOK_RIGHTSHIFT;
}

static int match_sum(gp_token_type_t t, gp_ast_operator_t *op)
{
    *op = t == GP_TOK_PLUS ? GP_AST_Add : GP_AST_Sub;
    return t == GP_TOK_PLUS || t == GP_TOK_MINUS;
}

static int match_term(gp_token_type_t t, gp_ast_operator_t *op)
{
    switch (t) {
    case GP_TOK_STAR:
        *op = GP_AST_Mult;
        return 1;
    case GP_TOK_SLASH:
        *op = GP_AST_Div;
        return 1;
    case GP_TOK_DOUBLESLASH:
        *op = GP_AST_FloorDiv;
        return 1;
    case GP_TOK_PERCENT:
        *op = GP_AST_Mod;
        return 1;
    case GP_TOK_AT:
        *op = GP_AST_MatMult;
        return 1;
    default:
        return 0;
    }
}

static gp_ast_expr_t *parse_factor(gp_parser_t *p);
static gp_ast_expr_t *parse_primary(gp_parser_t *p);

static gp_ast_expr_t *parse_term(gp_parser_t *p)
{
    return parse_binary_level(p, parse_factor, match_term);
}

static gp_ast_expr_t *parse_sum(gp_parser_t *p)
{
    return parse_binary_level(p, parse_term, match_sum);
}

static gp_ast_expr_t *parse_shift(gp_parser_t *p)
{
    return parse_binary_level(p, parse_sum, match_shift);
}

static gp_ast_expr_t *parse_bitand(gp_parser_t *p)
{
    return parse_binary_level(p, parse_shift, match_bitand);
}

static gp_ast_expr_t *parse_bitxor(gp_parser_t *p)
{
    return parse_binary_level(p, parse_bitand, match_bitxor);
}

gp_ast_expr_t *parse_bitwise_or(gp_parser_t *p)
{
    return parse_binary_level(p, parse_bitxor, match_bitor);
}

/* power: await_primary ['**' factor] */
static gp_ast_expr_t *parse_power(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    gp_ast_expr_t *base;
    if (t->type == GP_TOK_KW_AWAIT) {
        parser_accept(p, GP_TOK_KW_AWAIT);
        gp_ast_expr_t *value = parse_primary(p);
        if (value == NULL) {
            return NULL;
        }
        base = expr_new(p, GP_AST_Await, t);
        if (base == NULL) {
            return NULL;
        }
        base->v.Await.value = value;
    } else {
        base = parse_primary(p);
        if (base == NULL) {
            return NULL;
        }
    }
    if (!parser_accept(p, GP_TOK_DOUBLESTAR)) {
        return base;
    }
    gp_ast_expr_t *exponent = parse_factor(p);
    if (exponent == NULL) {
        return NULL;
    }
    gp_ast_expr_t *e = expr_new_span(p, GP_AST_BinOp, base, exponent);
    if (e != NULL) {
        e->v.BinOp.left = base;
        e->v.BinOp.op = GP_AST_Pow;
        e->v.BinOp.right = exponent;
    }
    return e;
}

/* factor: ('+' | '-' | '~') factor | power */
static gp_ast_expr_t *parse_factor(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    gp_ast_unaryop_t op;
    switch (t->type) {
    case GP_TOK_PLUS:
        op = GP_AST_UAdd;
        break;
    case GP_TOK_MINUS:
        op = GP_AST_USub;
        break;
    case GP_TOK_TILDE:
        op = GP_AST_Invert;
        break;
    default:
        if (!parser_enter(p)) {
            return NULL;
        }
        gp_ast_expr_t *power = parse_power(p);
        parser_leave(p);
        return power;
    }
    if (!parser_enter(p)) {
        return NULL;
    }
    p->pos++;
    gp_ast_expr_t *operand = parse_factor(p);
    gp_ast_expr_t *e = NULL;
    if (operand != NULL) {
        e = expr_new(p, GP_AST_UnaryOp, t);
        if (e != NULL) {
            e->v.UnaryOp.op = op;
            e->v.UnaryOp.operand = operand;
        }
    }
    parser_leave(p);
    return e;
}

/* ------------------------------------------------------------------------
 * Primaries: calls, subscripts, attributes
 * ------------------------------------------------------------------------ */

static gp_ast_expr_t *parse_atom(gp_parser_t *p);
static gp_ast_expr_t *parse_slices(gp_parser_t *p);
static int parse_comprehension_clauses(gp_parser_t *p, gp_ast_comprehension_seq_t *out);

static gp_ast_expr_t *parse_primary(gp_parser_t *p)
{
    gp_token_t *start = parser_peek(p);
    gp_ast_expr_t *e = parse_atom(p);
    int chain = 0;
    while (e != NULL) {
        gp_token_t *t = parser_peek(p);
        if (t->type != GP_TOK_DOT && t->type != GP_TOK_LPAR && t->type != GP_TOK_LSQB) {
            break;
        }
        if (++chain > GP_PARSER_MAX_CHAIN) {
            parser_error_token(p, t, "too many operators in one expression");
            return NULL;
        }
        p->pos++;
        gp_ast_expr_t *next;
        if (t->type == GP_TOK_DOT) {
            gp_token_t *name = parser_expect(p, GP_TOK_NAME);
            if (name == NULL) {
                return NULL;
            }
            next = expr_new(p, GP_AST_Attribute, start);
            if (next == NULL) {
                return NULL;
            }
            next->v.Attribute.value = e;
            next->v.Attribute.attr = parser_identifier(p, name);
            next->v.Attribute.ctx = GP_AST_Load;
        } else if (t->type == GP_TOK_LPAR) {
            next = expr_new(p, GP_AST_Call, start);
            if (next == NULL) {
                return NULL;
            }
            next->v.Call.func = e;
            if (parse_call_arguments(p, &next->v.Call.args, &next->v.Call.keywords, 1) < 0) {
                return NULL;
            }
            if (parser_expect(p, GP_TOK_RPAR) == NULL) {
                return NULL;
            }
            /* A lone generator argument `f(x for x in y)` spans the parens. */
            if (next->v.Call.args.count == 1 && next->v.Call.keywords.count == 0) {
                gp_ast_expr_t *arg = next->v.Call.args.items[0];
                if (arg->kind == GP_AST_GeneratorExp && arg->lineno == -1) {
                    arg->lineno = t->lineno;
                    arg->col_offset = t->col_offset;
                    expr_end_here(p, arg);
                }
            }
        } else {
            gp_ast_expr_t *slice = parse_slices(p);
            if (slice == NULL || parser_expect(p, GP_TOK_RSQB) == NULL) {
                return NULL;
            }
            next = expr_new(p, GP_AST_Subscript, start);
            if (next == NULL) {
                return NULL;
            }
            next->v.Subscript.value = e;
            next->v.Subscript.slice = slice;
            next->v.Subscript.ctx = GP_AST_Load;
        }
        expr_start_at(next, e);
        expr_end_here(p, next);
        e = next;
    }
    return e;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static gp_ast_expr_t *parse_slice(gp_parser_t *p)
{
    gp_token_t *start = parser_peek(p);
    gp_ast_expr_t *lower = NULL;
    if (start->type != GP_TOK_COLON) {
        if (start->type == GP_TOK_STAR) {
            return parse_star_expression(p);
        }
        lower = parse_named_expression(p);
        if (lower == NULL) {
            return NULL;
        }
        if (!parser_check(p, GP_TOK_COLON)) {
            return lower;
        }
        if (lower->kind == GP_AST_NamedExpr && start->type != GP_TOK_LPAR) {
            parser_error_generic(p);
            return NULL;
        }
    }
    parser_accept(p, GP_TOK_COLON);
    gp_ast_expr_t *upper = NULL, *step = NULL;
    if (parser_starts_expression(p)) {
        upper = parse_expression(p);
        if (upper == NULL) {
            return NULL;
        }
    }
    if (parser_accept(p, GP_TOK_COLON)) {
        if (parser_starts_expression(p)) {
            step = parse_expression(p);
            if (step == NULL) {
                return NULL;
            }
        }
    }
    gp_ast_expr_t *e = expr_new(p, GP_AST_Slice, start);
    if (e != NULL) {
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
    }
    return e;
}

static gp_ast_expr_t *parse_slices(gp_parser_t *p)
{
    gp_ast_expr_t *first = parse_slice(p);
    if (first == NULL) {
        return NULL;
    }
    /* A lone `*b` still makes a tuple: a[*b] is a[(*b,)]. */
    if (!parser_check(p, GP_TOK_COMMA) && first->kind != GP_AST_Starred) {
        return first;
    }
    gp_vec_t elts = {0};
    if (vec_push(p, &elts, first) < 0) {
        return NULL;
    }
    while (parser_accept(p, GP_TOK_COMMA)) {
        if (parser_check(p, GP_TOK_RSQB)) {
            break;
        }
        gp_ast_expr_t *e = parse_slice(p);
        if (e == NULL || vec_push(p, &elts, e) < 0) {
            return NULL;
        }
    }
    gp_ast_expr_t *tuple = expr_new_span(p, GP_AST_Tuple, first, first);
    if (tuple != NULL) {
        expr_end_here(p, tuple);
        tuple->v.Tuple.elts = vec_to_exprs(&elts);
        tuple->v.Tuple.ctx = GP_AST_Load;
    }
    return tuple;
}

/* ------------------------------------------------------------------------
 * Call arguments
 * ------------------------------------------------------------------------ */

static gp_ast_keyword_t *keyword_new(gp_parser_t *p, const gp_token_t *start, const char *arg,
                                     gp_ast_expr_t *value)
{
    gp_ast_keyword_t *k = parser_alloc(p, sizeof *k);
    if (k != NULL) {
        k->arg = arg;
        k->value = value;
        k->lineno = start->lineno;
        k->col_offset = start->col_offset;
        k->end_lineno = value->end_lineno;
        k->end_col_offset = value->end_col_offset;
    }
    return k;
}

/* Builds a generator expression from [elt] and the clauses that follow.
 * Its location is set later by the caller when it knows the brackets. */
static gp_ast_expr_t *parse_genexp_tail(gp_parser_t *p, gp_ast_expr_t *elt)
{
    if (elt->kind == GP_AST_Starred) {
        parser_error_expr(p, elt, "iterable unpacking cannot be used in comprehension");
        return NULL;
    }
    gp_ast_expr_t *g = expr_new_span(p, GP_AST_GeneratorExp, elt, elt);
    if (g == NULL) {
        return NULL;
    }
    g->v.GeneratorExp.elt = elt;
    if (parse_comprehension_clauses(p, &g->v.GeneratorExp.generators) < 0) {
        return NULL;
    }
    g->lineno = -1; /* "location pending" */
    return g;
}

static int is_comprehension_start(gp_parser_t *p)
{
    return parser_check(p, GP_TOK_KW_FOR) ||
           (parser_check(p, GP_TOK_KW_ASYNC) && parser_peek_n(p, 1)->type == GP_TOK_KW_FOR);
}

/* The last expression of a comprehension, for error ranges. */
static const gp_ast_expr_t *last_comprehension_item(const gp_ast_expr_t *genexp)
{
    const gp_ast_comprehension_seq_t *gens = &genexp->v.GeneratorExp.generators;
    const gp_ast_comprehension_t *c = gens->items[gens->count - 1];
    if (c->ifs.count > 0) {
        return c->ifs.items[c->ifs.count - 1];
    }
    return c->iter;
}

int parse_call_arguments(gp_parser_t *p, gp_ast_expr_seq_t *args_out,
                         gp_ast_keyword_seq_t *keywords_out, int allow_genexp)
{
    gp_vec_t args = {0}, keywords = {0};
    int seen_keyword = 0, seen_double_star = 0;
    gp_ast_expr_t *genexp = NULL;
    while (!parser_check(p, GP_TOK_RPAR)) {
        gp_token_t *t = parser_peek(p);
        if (genexp != NULL) {
            parser_error_range(p, genexp->v.GeneratorExp.elt, last_comprehension_item(genexp),
                               "Generator expression must be parenthesized");
            return -1;
        }
        if (t->type == GP_TOK_DOUBLESTAR) {
            p->pos++;
            gp_ast_expr_t *value = parse_expression(p);
            if (value == NULL) {
                return -1;
            }
            gp_ast_keyword_t *k = keyword_new(p, t, NULL, value);
            if (k == NULL || vec_push(p, &keywords, k) < 0) {
                return -1;
            }
            seen_double_star = 1;
        } else if (t->type == GP_TOK_STAR) {
            if (seen_double_star) {
                parser_error_token(
                    p, t, "iterable argument unpacking follows keyword argument unpacking");
                return -1;
            }
            p->pos++;
            gp_ast_expr_t *value = parse_expression(p);
            if (value == NULL) {
                return -1;
            }
            gp_ast_expr_t *e = expr_new(p, GP_AST_Starred, t);
            if (e == NULL || vec_push(p, &args, e) < 0) {
                return -1;
            }
            e->v.Starred.value = value;
            e->v.Starred.ctx = GP_AST_Load;
        } else if ((t->type == GP_TOK_NAME || t->type == GP_TOK_KW_TRUE ||
                    t->type == GP_TOK_KW_FALSE || t->type == GP_TOK_KW_NONE) &&
                   parser_peek_n(p, 1)->type == GP_TOK_EQUAL) {
            gp_token_t *eq = parser_peek_n(p, 1);
            if (t->type != GP_TOK_NAME) {
                parser_error_at(p, t->lineno, t->col_offset, eq->end_lineno, eq->end_col_offset,
                                "cannot assign to %.*s", (int)t->length, t->start);
                return -1;
            }
            p->pos += 2;
            gp_ast_expr_t *value = parse_expression(p);
            if (value == NULL) {
                return -1;
            }
            if (is_comprehension_start(p)) {
                parser_error_at(p, t->lineno, t->col_offset, eq->end_lineno, eq->end_col_offset,
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                return -1;
            }
            gp_ast_keyword_t *k = keyword_new(p, t, parser_identifier(p, t), value);
            if (k == NULL || vec_push(p, &keywords, k) < 0) {
                return -1;
            }
            seen_keyword = 1;
        } else {
            gp_ast_expr_t *e;
            if (t->type == GP_TOK_NAME && parser_peek_n(p, 1)->type == GP_TOK_COLONEQUAL) {
                e = parse_named_expression(p);
            } else {
                e = parse_expression(p);
            }
            if (e == NULL) {
                return -1;
            }
            if (parser_check(p, GP_TOK_EQUAL)) {
                gp_token_t *eq = parser_peek(p);
                parser_error_at(p, e->lineno, e->col_offset, eq->end_lineno, eq->end_col_offset,
                                "expression cannot contain assignment, perhaps you meant \"==\"?");
                return -1;
            }
            if (is_comprehension_start(p)) {
                if (!allow_genexp) {
                    parser_error_generic(p);
                    return -1;
                }
                e = parse_genexp_tail(p, e);
                if (e == NULL) {
                    return -1;
                }
                genexp = e;
                if (args.count > 0 || keywords.count > 0) {
                    parser_error_range(p, genexp->v.GeneratorExp.elt,
                                       last_comprehension_item(genexp),
                                       "Generator expression must be parenthesized");
                    return -1;
                }
            } else if (seen_keyword || seen_double_star) {
                parser_peek(p);
                parser_error_token(p, &p->tokens[p->max_pos],
                                   seen_double_star
                                       ? "positional argument follows keyword argument unpacking"
                                       : "positional argument follows keyword argument");
                return -1;
            }
            if (vec_push(p, &args, e) < 0) {
                return -1;
            }
        }
        if (!parser_accept(p, GP_TOK_COMMA)) {
            break;
        }
    }
    if (genexp != NULL && (args.count > 1 || parser_check(p, GP_TOK_COMMA))) {
        parser_error_range(p, genexp->v.GeneratorExp.elt, last_comprehension_item(genexp),
                           "Generator expression must be parenthesized");
        return -1;
    }
    if (genexp != NULL && parser_last(p)->type == GP_TOK_COMMA) {
        /* `f(x for x in y,)` is rejected too. */
        parser_error_range(p, genexp->v.GeneratorExp.elt, last_comprehension_item(genexp),
                           "Generator expression must be parenthesized");
        return -1;
    }
    *args_out = vec_to_exprs(&args);
    keywords_out->count = keywords.count;
    keywords_out->items = (gp_ast_keyword_t **)keywords.items;
    return 0;
}

/* ------------------------------------------------------------------------
 * Parameters
 * ------------------------------------------------------------------------ */

/* param: NAME [':' expression] (no annotation for lambda) */
static gp_ast_arg_t *parse_param(gp_parser_t *p, int is_lambda, int allow_star_annotation)
{
    gp_token_t *name = parser_expect(p, GP_TOK_NAME);
    if (name == NULL) {
        return NULL;
    }
    gp_ast_arg_t *a = parser_alloc(p, sizeof *a);
    if (a == NULL) {
        return NULL;
    }
    a->arg = parser_identifier(p, name);
    a->lineno = name->lineno;
    a->col_offset = name->col_offset;
    if (!is_lambda && parser_accept(p, GP_TOK_COLON)) {
        if (allow_star_annotation && parser_check(p, GP_TOK_STAR)) {
            a->annotation = parse_star_expression(p);
        } else {
            a->annotation = parse_expression(p);
        }
        if (a->annotation == NULL) {
            return NULL;
        }
    }
    gp_token_t *last = parser_last(p);
    a->end_lineno = last->end_lineno;
    a->end_col_offset = last->end_col_offset;
    return a;
}

static gp_ast_arg_seq_t vec_to_args(gp_vec_t *vec)
{
    gp_ast_arg_seq_t seq = {vec->count, (gp_ast_arg_t **)vec->items};
    return seq;
}

gp_ast_arguments_t *parse_parameters(gp_parser_t *p, int is_lambda)
{
    gp_token_type_t end = is_lambda ? GP_TOK_COLON : GP_TOK_RPAR;
    gp_ast_arguments_t *args = parser_alloc(p, sizeof *args);
    if (args == NULL) {
        return NULL;
    }
    gp_vec_t positional = {0}, defaults = {0}, kwonly = {0}, kw_defaults = {0};
    size_t posonly_count = 0;
    int seen_slash = 0, seen_star = 0, bare_star = 0;
    gp_token_t *star_token = NULL;
    while (!parser_check(p, end)) {
        gp_token_t *t = parser_peek(p);
        if (args->kwarg != NULL) {
            if (t->type == GP_TOK_NAME || t->type == GP_TOK_STAR || t->type == GP_TOK_DOUBLESTAR ||
                t->type == GP_TOK_SLASH) {
                parser_error_token(p, t, "arguments cannot follow var-keyword argument");
            } else {
                parser_error_generic(p);
            }
            return NULL;
        }
        if (t->type == GP_TOK_SLASH) {
            if (seen_slash) {
                parser_error_token(p, t, "/ may appear only once");
                return NULL;
            }
            if (seen_star) {
                parser_error_token(p, t, "/ must be ahead of *");
                return NULL;
            }
            if (positional.count == 0) {
                parser_error_token(p, t, "at least one argument must precede /");
                return NULL;
            }
            p->pos++;
            seen_slash = 1;
            posonly_count = positional.count;
        } else if (t->type == GP_TOK_STAR) {
            if (seen_star) {
                parser_error_token(p, t, "* argument may appear only once");
                return NULL;
            }
            p->pos++;
            seen_star = 1;
            star_token = t;
            if (parser_check(p, GP_TOK_COMMA) || parser_check(p, end)) {
                bare_star = 1;
                gp_token_t *after = parser_check(p, end) ? parser_peek(p) : parser_peek_n(p, 1);
                if (after->type == end || after->type == GP_TOK_DOUBLESTAR) {
                    /* def points at the '*', lambda at the token after. */
                    parser_error_token(p, is_lambda ? after : t,
                                       "named arguments must follow bare *");
                    return NULL;
                }
            } else {
                args->vararg = parse_param(p, is_lambda, 1);
                if (args->vararg == NULL) {
                    return NULL;
                }
                if (parser_check(p, GP_TOK_EQUAL)) {
                    parser_error_token(p, parser_peek(p),
                                       "var-positional argument cannot have default value");
                    return NULL;
                }
            }
        } else if (t->type == GP_TOK_DOUBLESTAR) {
            p->pos++;
            args->kwarg = parse_param(p, is_lambda, 0);
            if (args->kwarg == NULL) {
                return NULL;
            }
            if (parser_check(p, GP_TOK_EQUAL)) {
                parser_error_token(p, parser_peek(p),
                                   "var-keyword argument cannot have default value");
                return NULL;
            }
        } else {
            if (t->type == GP_TOK_LPAR) {
                /* `def f((a, b))`: CPython names the mistake when the
                 * parentheses hold plain names. */
                size_t k = 1;
                while (parser_peek_n(p, k)->type == GP_TOK_NAME) {
                    k++;
                    if (parser_peek_n(p, k)->type != GP_TOK_COMMA) {
                        break;
                    }
                    k++;
                }
                gp_token_t *close = parser_peek_n(p, k);
                if (k > 1 && close->type == GP_TOK_RPAR) {
                    parser_error_at(p, t->lineno, t->col_offset, close->end_lineno,
                                    close->end_col_offset, "%s parameters cannot be parenthesized",
                                    is_lambda ? "Lambda expression" : "Function");
                } else {
                    parser_error_generic(p);
                }
                return NULL;
            }
            gp_ast_arg_t *a = parse_param(p, is_lambda, 0);
            if (a == NULL) {
                return NULL;
            }
            gp_ast_expr_t *def = NULL;
            if (parser_accept(p, GP_TOK_EQUAL)) {
                def = parse_expression(p);
                if (def == NULL) {
                    return NULL;
                }
            }
            if (seen_star) {
                if (vec_push(p, &kwonly, a) < 0 || vec_push(p, &kw_defaults, def) < 0) {
                    return NULL;
                }
            } else {
                if (def == NULL && defaults.count > 0) {
                    parser_error_at(p, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset,
                                    "non-default argument follows default argument");
                    return NULL;
                }
                if (vec_push(p, &positional, a) < 0 ||
                    (def != NULL && vec_push(p, &defaults, def) < 0)) {
                    return NULL;
                }
            }
        }
        if (!parser_accept(p, GP_TOK_COMMA)) {
            break;
        }
    }
    if (bare_star && kwonly.count == 0) {
        parser_error_token(p, star_token, "named arguments must follow bare *");
        return NULL;
    }
    gp_ast_arg_seq_t all = vec_to_args(&positional);
    args->posonlyargs.count = posonly_count;
    args->posonlyargs.items = all.items;
    args->args.count = all.count - posonly_count;
    /* No parameters at all leaves items NULL, and NULL + 0 is undefined. */
    args->args.items = all.items ? all.items + posonly_count : NULL;
    args->kwonlyargs = vec_to_args(&kwonly);
    args->kw_defaults = vec_to_exprs(&kw_defaults);
    args->defaults = vec_to_exprs(&defaults);
    return args;
}

static gp_ast_expr_t *parse_lambda(gp_parser_t *p)
{
    gp_token_t *t = parser_expect(p, GP_TOK_KW_LAMBDA);
    if (t == NULL || !parser_enter(p)) {
        return NULL;
    }
    gp_ast_expr_t *e = NULL;
    gp_ast_arguments_t *args = parse_parameters(p, 1);
    if (args != NULL && parser_expect(p, GP_TOK_COLON) != NULL) {
        gp_ast_expr_t *body = parse_expression(p);
        if (body != NULL) {
            e = expr_new(p, GP_AST_Lambda, t);
            if (e != NULL) {
                e->v.Lambda.args = args;
                e->v.Lambda.body = body;
            }
        }
    }
    parser_leave(p);
    return e;
}

/* ------------------------------------------------------------------------
 * Comprehensions
 * ------------------------------------------------------------------------ */

static int parse_comprehension_clauses(gp_parser_t *p, gp_ast_comprehension_seq_t *out)
{
    gp_vec_t clauses = {0};
    while (is_comprehension_start(p)) {
        gp_ast_comprehension_t *c = parser_alloc(p, sizeof *c);
        if (c == NULL) {
            return -1;
        }
        c->is_async = parser_accept(p, GP_TOK_KW_ASYNC) != NULL;
        parser_accept(p, GP_TOK_KW_FOR);
        c->target = parse_star_targets(p);
        if (c->target == NULL ||
            parser_set_context(p, c->target, GP_AST_Store, GP_TARGET_FOR) < 0) {
            return -1;
        }
        if (parser_expect(p, GP_TOK_KW_IN) == NULL) {
            return -1;
        }
        c->iter = parse_disjunction(p);
        if (c->iter == NULL) {
            return -1;
        }
        gp_vec_t ifs = {0};
        while (parser_accept(p, GP_TOK_KW_IF)) {
            gp_ast_expr_t *cond = parse_disjunction(p);
            if (cond == NULL || vec_push(p, &ifs, cond) < 0) {
                return -1;
            }
        }
        c->ifs = vec_to_exprs(&ifs);
        if (vec_push(p, &clauses, c) < 0) {
            return -1;
        }
    }
    out->count = clauses.count;
    out->items = (gp_ast_comprehension_t **)clauses.items;
    return 0;
}

/* ------------------------------------------------------------------------
 * Atoms and displays
 * ------------------------------------------------------------------------ */

/* Parses the rest of a display after its first element: `, e2, e3 ...`
 * up to (not including) [close]. */
static int parse_display_rest(gp_parser_t *p, gp_vec_t *elts, gp_token_type_t close)
{
    while (parser_accept(p, GP_TOK_COMMA)) {
        if (parser_check(p, close)) {
            break;
        }
        gp_ast_expr_t *e = parse_star_named_expression(p);
        if (e == NULL || vec_push(p, elts, e) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ( ... ): tuple, group, generator expression or yield. */
static gp_ast_expr_t *parse_paren(gp_parser_t *p, gp_token_t *open)
{
    if (parser_accept(p, GP_TOK_RPAR)) {
        gp_ast_expr_t *e = expr_new(p, GP_AST_Tuple, open);
        if (e != NULL) {
            e->v.Tuple.ctx = GP_AST_Load;
        }
        return e;
    }
    if (parser_check(p, GP_TOK_KW_YIELD)) {
        gp_ast_expr_t *y = parse_yield_expr(p);
        if (y == NULL || parser_expect(p, GP_TOK_RPAR) == NULL) {
            return NULL;
        }
        return y;
    }
    if (parser_check(p, GP_TOK_DOUBLESTAR)) {
        gp_token_t *t = parser_peek(p);
        p->pos++;
        gp_ast_expr_t *value = parse_expression(p);
        if (value != NULL && parser_check(p, GP_TOK_RPAR)) {
            parser_error_at(p, t->lineno, t->col_offset, value->end_lineno, value->end_col_offset,
                            "cannot use double starred expression here");
        } else if (value != NULL) {
            parser_error_generic(p);
        }
        return NULL;
    }
    gp_ast_expr_t *first = parse_star_named_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (is_comprehension_start(p)) {
        gp_ast_expr_t *g = parse_genexp_tail(p, first);
        if (g == NULL || parser_expect(p, GP_TOK_RPAR) == NULL) {
            return NULL;
        }
        g->lineno = open->lineno;
        g->col_offset = open->col_offset;
        expr_end_here(p, g);
        return g;
    }
    if (parser_accept(p, GP_TOK_RPAR)) {
        if (first->kind == GP_AST_Starred) {
            parser_error_expr(p, first, "cannot use starred expression here");
            return NULL;
        }
        /* Outer parentheses are seen last and win. */
        gp_token_t *close = parser_last(p);
        first->group_lineno = open->lineno;
        first->group_col_offset = open->col_offset;
        first->group_end_lineno = close->end_lineno;
        first->group_end_col_offset = close->end_col_offset;
        return first;
    }
    if (!parser_check(p, GP_TOK_COMMA)) {
        parser_expect(p, GP_TOK_RPAR);
        return NULL;
    }
    gp_vec_t elts = {0};
    if (vec_push(p, &elts, first) < 0 || parse_display_rest(p, &elts, GP_TOK_RPAR) < 0 ||
        parser_expect(p, GP_TOK_RPAR) == NULL) {
        return NULL;
    }
    gp_ast_expr_t *e = expr_new(p, GP_AST_Tuple, open);
    if (e != NULL) {
        e->v.Tuple.elts = vec_to_exprs(&elts);
        e->v.Tuple.ctx = GP_AST_Load;
    }
    return e;
}

/* [ ... ]: list or list comprehension. */
static gp_ast_expr_t *parse_bracket(gp_parser_t *p, gp_token_t *open)
{
    gp_vec_t elts = {0};
    if (!parser_check(p, GP_TOK_RSQB)) {
        gp_ast_expr_t *first = parse_star_named_expression(p);
        if (first == NULL) {
            return NULL;
        }
        if (is_comprehension_start(p)) {
            if (first->kind == GP_AST_Starred) {
                parser_error_expr(p, first, "iterable unpacking cannot be used in comprehension");
                return NULL;
            }
            gp_ast_comprehension_seq_t gens;
            if (parse_comprehension_clauses(p, &gens) < 0 ||
                parser_expect(p, GP_TOK_RSQB) == NULL) {
                return NULL;
            }
            gp_ast_expr_t *e = expr_new(p, GP_AST_ListComp, open);
            if (e != NULL) {
                e->v.ListComp.elt = first;
                e->v.ListComp.generators = gens;
            }
            return e;
        }
        if (vec_push(p, &elts, first) < 0 || parse_display_rest(p, &elts, GP_TOK_RSQB) < 0) {
            return NULL;
        }
        if (parser_check(p, GP_TOK_KW_FOR) && elts.count > 1) {
            gp_ast_expr_t *last = elts.items[elts.count - 1];
            parser_error_range(p, first, last,
                               "did you forget parentheses around the comprehension target?");
            return NULL;
        }
    }
    if (parser_expect(p, GP_TOK_RSQB) == NULL) {
        return NULL;
    }
    gp_ast_expr_t *e = expr_new(p, GP_AST_List, open);
    if (e != NULL) {
        e->v.List.elts = vec_to_exprs(&elts);
        e->v.List.ctx = GP_AST_Load;
    }
    return e;
}

/* One `key: value` or `**mapping` entry of a dict display. */
static int parse_dict_entry(gp_parser_t *p, gp_vec_t *keys, gp_vec_t *values)
{
    if (parser_accept(p, GP_TOK_DOUBLESTAR)) {
        gp_ast_expr_t *value = parse_bitwise_or(p);
        return value == NULL || vec_push(p, keys, NULL) < 0 || vec_push(p, values, value) < 0 ? -1
                                                                                              : 0;
    }
    gp_ast_expr_t *key = parse_expression(p);
    if (key == NULL) {
        return -1;
    }
    if (!parser_check(p, GP_TOK_COLON)) {
        if (parser_check(p, GP_TOK_RBRACE) || parser_check(p, GP_TOK_COMMA)) {
            parser_error_expr(p, key, "':' expected after dictionary key");
        } else {
            parser_error_generic(p);
        }
        return -1;
    }
    gp_token_t *colon = parser_accept(p, GP_TOK_COLON);
    if (parser_check(p, GP_TOK_STAR)) {
        gp_token_t *star = parser_peek(p);
        parser_error_token(p, star, "cannot use a starred expression in a dictionary value");
        return -1;
    }
    if (parser_check(p, GP_TOK_RBRACE) || parser_check(p, GP_TOK_COMMA)) {
        parser_error_at(p, colon->lineno, colon->col_offset, colon->end_lineno,
                        colon->end_col_offset, "expression expected after dictionary key and ':'");
        return -1;
    }
    gp_ast_expr_t *value = parse_expression(p);
    return value == NULL || vec_push(p, keys, key) < 0 || vec_push(p, values, value) < 0 ? -1 : 0;
}

/* { ... }: dict, set, or their comprehensions. */
static gp_ast_expr_t *parse_brace(gp_parser_t *p, gp_token_t *open)
{
    gp_vec_t keys = {0}, values = {0};
    if (parser_accept(p, GP_TOK_RBRACE)) {
        gp_ast_expr_t *e = expr_new(p, GP_AST_Dict, open);
        return e;
    }
    int is_dict;
    gp_ast_expr_t *first = NULL;
    if (parser_check(p, GP_TOK_DOUBLESTAR)) {
        is_dict = 1;
        gp_token_t *star = parser_peek(p);
        if (parse_dict_entry(p, &keys, &values) < 0) {
            return NULL;
        }
        if (is_comprehension_start(p)) {
            parser_error_at(p, star->lineno, star->col_offset, parser_last(p)->end_lineno,
                            parser_last(p)->end_col_offset,
                            "dict unpacking cannot be used in dict comprehension");
            return NULL;
        }
    } else {
        gp_token_t *first_token = parser_peek(p);
        first = parse_star_named_expression(p);
        if (first == NULL) {
            return NULL;
        }
        is_dict = parser_check(p, GP_TOK_COLON);
        if (is_dict) {
            /* A key is an `expression`: `{*a: 1}` and `{x := 1: 2}` are
             * invalid, `{(x := 1): 2}` is fine. */
            if (first->kind == GP_AST_Starred ||
                (first->kind == GP_AST_NamedExpr && first_token->type != GP_TOK_LPAR)) {
                parser_error_generic(p);
                return NULL;
            }
            gp_token_t *colon = parser_accept(p, GP_TOK_COLON);
            if (parser_check(p, GP_TOK_STAR)) {
                parser_error_token(p, parser_peek(p),
                                   "cannot use a starred expression in a dictionary value");
                return NULL;
            }
            if (parser_check(p, GP_TOK_RBRACE) || parser_check(p, GP_TOK_COMMA)) {
                parser_error_at(p, colon->lineno, colon->col_offset, colon->end_lineno,
                                colon->end_col_offset,
                                "expression expected after dictionary key and ':'");
                return NULL;
            }
            gp_ast_expr_t *value = parse_expression(p);
            if (value == NULL) {
                return NULL;
            }
            if (is_comprehension_start(p)) {
                gp_ast_comprehension_seq_t gens;
                if (parse_comprehension_clauses(p, &gens) < 0 ||
                    parser_expect(p, GP_TOK_RBRACE) == NULL) {
                    return NULL;
                }
                gp_ast_expr_t *e = expr_new(p, GP_AST_DictComp, open);
                if (e != NULL) {
                    e->v.DictComp.key = first;
                    e->v.DictComp.value = value;
                    e->v.DictComp.generators = gens;
                }
                return e;
            }
            if (vec_push(p, &keys, first) < 0 || vec_push(p, &values, value) < 0) {
                return NULL;
            }
        } else if (is_comprehension_start(p)) {
            if (first->kind == GP_AST_Starred) {
                parser_error_expr(p, first, "iterable unpacking cannot be used in comprehension");
                return NULL;
            }
            gp_ast_comprehension_seq_t gens;
            if (parse_comprehension_clauses(p, &gens) < 0 ||
                parser_expect(p, GP_TOK_RBRACE) == NULL) {
                return NULL;
            }
            gp_ast_expr_t *e = expr_new(p, GP_AST_SetComp, open);
            if (e != NULL) {
                e->v.SetComp.elt = first;
                e->v.SetComp.generators = gens;
            }
            return e;
        }
    }
    if (is_dict) {
        while (parser_accept(p, GP_TOK_COMMA)) {
            if (parser_check(p, GP_TOK_RBRACE)) {
                break;
            }
            if (parse_dict_entry(p, &keys, &values) < 0) {
                return NULL;
            }
        }
        if (parser_expect(p, GP_TOK_RBRACE) == NULL) {
            return NULL;
        }
        gp_ast_expr_t *e = expr_new(p, GP_AST_Dict, open);
        if (e != NULL) {
            e->v.Dict.keys = vec_to_exprs(&keys);
            e->v.Dict.values = vec_to_exprs(&values);
        }
        return e;
    }
    gp_vec_t elts = {0};
    if (vec_push(p, &elts, first) < 0 || parse_display_rest(p, &elts, GP_TOK_RBRACE) < 0 ||
        parser_expect(p, GP_TOK_RBRACE) == NULL) {
        return NULL;
    }
    gp_ast_expr_t *e = expr_new(p, GP_AST_Set, open);
    if (e != NULL) {
        e->v.Set.elts = vec_to_exprs(&elts);
    }
    return e;
}

static gp_ast_expr_t *constant_new(gp_parser_t *p, gp_token_t *t, gp_ast_constant_kind_t kind)
{
    p->pos++;
    gp_ast_expr_t *e = expr_new(p, GP_AST_Constant, t);
    if (e != NULL) {
        e->v.Constant.kind = kind;
    }
    return e;
}

static gp_ast_expr_t *parse_atom(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    switch (t->type) {
    case GP_TOK_NAME: {
        p->pos++;
        gp_ast_expr_t *e = expr_new(p, GP_AST_Name, t);
        if (e != NULL) {
            e->v.Name.id = parser_identifier(p, t);
            e->v.Name.ctx = GP_AST_Load;
        }
        return e;
    }
    case GP_TOK_KW_TRUE:
        return constant_new(p, t, GP_AST_CONST_TRUE);
    case GP_TOK_KW_FALSE:
        return constant_new(p, t, GP_AST_CONST_FALSE);
    case GP_TOK_KW_NONE:
        return constant_new(p, t, GP_AST_CONST_NONE);
    case GP_TOK_ELLIPSIS:
        return constant_new(p, t, GP_AST_CONST_ELLIPSIS);
    case GP_TOK_NUMBER:
        return parse_number(p);
    case GP_TOK_STRING:
        return parse_strings(p);
    case GP_TOK_LPAR:
    case GP_TOK_LSQB:
    case GP_TOK_LBRACE: {
        if (!parser_enter(p)) {
            return NULL;
        }
        p->pos++;
        gp_ast_expr_t *e = t->type == GP_TOK_LPAR   ? parse_paren(p, t)
                           : t->type == GP_TOK_LSQB ? parse_bracket(p, t)
                                                    : parse_brace(p, t);
        parser_leave(p);
        return e;
    }
    default:
        parser_error_generic(p);
        return NULL;
    }
}
