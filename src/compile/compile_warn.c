/*
 * compile_warn.c - the warnings CPython 3.11 issues while compiling.
 *
 * Design notes
 * ------------
 * Two kinds, issued at two times, as in CPython:
 *
 *   - The lexer finds numbers run into a keyword (`1if x else 2`,
 *     SyntaxWarning) and the parser invalid escape sequences in literals
 *     (DeprecationWarning). They never touch Python objects, so they only
 *     record them (token.h); gp_compile_issue_parse_warnings() issues
 *     them once the parse is over, in source order, before any syntax
 *     error of the parse is raised.
 *   - The code generator finds code that is certainly a mistake
 *     (SyntaxWarning): `x is 1`, `assert (x, "msg")`, `(1, 2)(3)`,
 *     `[1]["a"]`. Each c_check_* is called as its node is compiled, before
 *     its children, so several warnings come in CPython's order.
 *
 * Every warning goes through warnings.warn_explicit with no registry, so
 * the filters decide: by default a SyntaxWarning is shown each time and a
 * DeprecationWarning is ignored (its module is named after the file, never
 * __main__). A filter that turns the warning into an error gets, as in
 * CPython, a SyntaxError with the warning's text over the offending node.
 *
 * The code generator sees the tree before any constant folding (gilpy has
 * no AST optimizer), while CPython checks the folded tree: folded_type()
 * says what CPython's optimizer would have made a Constant, for the forms
 * that matter here (signed numbers, arithmetic on literals, tuples of
 * literals), and c_check_not() follows its rewriting of `not (a is b)`
 * into `a is not b`. CPython compiles a while loop's test twice, and so
 * warns twice: c_check_tree() runs the checks again without compiling.
 */
#include <string.h>

#include "compile/compile_internal.h"
#include "compile/parser.h"

/* ------------------------------------------------------------------ */
/* Issuing                                                              */
/* ------------------------------------------------------------------ */

/* Issues [message] as a [category] warning at [lineno] of [filename]. A
   filter that raised the warning itself is answered with a SyntaxError
   over the given range. Returns 0, -1 with that SyntaxError, or -2 with
   any other exception. */
static int warn_or_raise(gp_type_t *category, const char *message, const char *filename,
                         const char *source, size_t source_len, int lineno, int col, int end_lineno,
                         int end_col)
{
    if (gp_err_warn_explicit(category, message, filename, lineno) == 0)
        return 0;
    if (!gp_err_matches(category))
        return -2;
    gp_err_clear();
    gp_compile_raise_syntax_error(&gp_exc_SyntaxError, filename, source, source_len, message,
                                  lineno, col, end_lineno, end_col);
    return -1;
}

static int issue_parse_warning(const gp_parse_warning_t *w, const char *filename,
                               const char *source, size_t source_len)
{
    gp_type_t *category = w->is_syntax_warning ? &gp_exc_SyntaxWarning : &gp_exc_DeprecationWarning;
    return warn_or_raise(category, w->msg, filename, source, source_len, w->lineno, w->col_offset,
                         w->end_lineno, w->end_col_offset);
}

/* After the parser's SyntaxError for the escape [w], CPython tokenizes the
   rest of the source, where a tokenizer error wins: each later number
   warning is issued, and one that becomes an error (or fails otherwise)
   replaces the pending one. */
static void issue_after_escape_error(const gp_parse_warning_t *w, const char *filename,
                                     const char *source, size_t source_len)
{
    gp_object_t *pending = gp_err_fetch();
    for (w = w->next; w != NULL; w = w->next) {
        if (w->is_syntax_warning && issue_parse_warning(w, filename, source, source_len) < 0) {
            GP_XDECREF(pending);
            return;
        }
    }
    gp_err_restore(pending);
}

int gp_compile_issue_parse_warnings(const gp_parse_warnings_t *warnings, const char *filename,
                                    const char *source, size_t source_len)
{
    for (const gp_parse_warning_t *w = warnings->first; w != NULL; w = w->next) {
        int rc = issue_parse_warning(w, filename, source, source_len);
        if (rc == -1 && !w->is_syntax_warning)
            issue_after_escape_error(w, filename, source, source_len);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* A SyntaxWarning about the source range [lineno:col]..[end_lineno:end_col];
   false (c->failed set) on error. */
static bool c_warn_at(compiler_t *c, const char *message, int lineno, int col, int end_lineno,
                      int end_col)
{
    if (c->failed)
        return false;
    if (warn_or_raise(&gp_exc_SyntaxWarning, message, c->filename, c->source, c->source_len, lineno,
                      col, end_lineno, end_col) < 0) {
        c->failed = true;
        return false;
    }
    return true;
}

static bool c_warn(compiler_t *c, const char *message, const gp_ast_expr_t *e)
{
    return c_warn_at(c, message, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
}

/* ------------------------------------------------------------------ */
/* What the optimizer would fold                                        */
/* ------------------------------------------------------------------ */

/* The type name of a Constant node's value. */
static const char *constant_type(const gp_ast_constant_t *k)
{
    switch (k->kind) {
    case GP_AST_CONST_NONE:
        return "NoneType";
    case GP_AST_CONST_TRUE:
    case GP_AST_CONST_FALSE:
        return "bool";
    case GP_AST_CONST_ELLIPSIS:
        return "ellipsis";
    case GP_AST_CONST_INT:
        return "int";
    case GP_AST_CONST_FLOAT:
        return "float";
    case GP_AST_CONST_COMPLEX:
        return "complex";
    case GP_AST_CONST_STR:
        return "str";
    case GP_AST_CONST_BYTES:
        return "bytes";
    }
    return "object";
}

static bool is_number_type(const char *type)
{
    return strcmp(type, "int") == 0 || strcmp(type, "bool") == 0 || strcmp(type, "float") == 0 ||
           strcmp(type, "complex") == 0;
}

static bool is_integer_type(const char *type)
{
    return strcmp(type, "int") == 0 || strcmp(type, "bool") == 0;
}

static const char *folded_type(const gp_ast_expr_t *e);

/* The type of a unary operation on a folded [operand] type, or NULL when
   the operation would fail (CPython then leaves the node unfolded). */
static const char *folded_unary_type(gp_ast_unaryop_t op, const char *operand)
{
    if (op == GP_AST_Not)
        return "bool";
    if (is_integer_type(operand))
        return "int";
    if (op != GP_AST_Invert && is_number_type(operand))
        return operand;
    return NULL;
}

/* The wider of two numeric types: int < float < complex. */
static const char *wider_number_type(const char *a, const char *b)
{
    if (strcmp(a, "complex") == 0 || strcmp(b, "complex") == 0)
        return "complex";
    if (strcmp(a, "float") == 0 || strcmp(b, "float") == 0)
        return "float";
    return "int";
}

/* The type of a binary operation on folded operand types, or NULL when it
   would fail or CPython does not fold it: numbers with numbers, and the
   concatenation and repetition of str, bytes and tuples (never
   %-formatting). */
static const char *folded_binary_type(gp_ast_operator_t op, const char *left, const char *right)
{
    bool sequence =
        strcmp(left, "str") == 0 || strcmp(left, "bytes") == 0 || strcmp(left, "tuple") == 0;
    if (is_number_type(left) && is_number_type(right)) {
        if (op == GP_AST_MatMult)
            return NULL;
        if (op == GP_AST_Div && is_integer_type(left) && is_integer_type(right))
            return "float";
        bool bitwise = op == GP_AST_LShift || op == GP_AST_RShift || op == GP_AST_BitOr ||
                       op == GP_AST_BitXor || op == GP_AST_BitAnd;
        if (bitwise) {
            if (!is_integer_type(left) || !is_integer_type(right))
                return NULL;
            bool logical = op != GP_AST_LShift && op != GP_AST_RShift;
            return logical && strcmp(left, "bool") == 0 && strcmp(right, "bool") == 0 ? "bool"
                                                                                      : "int";
        }
        return wider_number_type(left, right);
    }
    if (sequence && op == GP_AST_Add && strcmp(left, right) == 0)
        return left;
    if (sequence && op == GP_AST_Mult && is_integer_type(right))
        return left;
    if (is_integer_type(left) && op == GP_AST_Mult &&
        (strcmp(right, "str") == 0 || strcmp(right, "bytes") == 0 || strcmp(right, "tuple") == 0))
        return right;
    return NULL;
}

/* The type name of the Constant CPython's AST optimizer turns [e] into,
   or NULL when [e] stays as it is. */
static const char *folded_type(const gp_ast_expr_t *e)
{
    switch (e->kind) {
    case GP_AST_Constant:
        return constant_type(&e->v.Constant);
    case GP_AST_UnaryOp: {
        const char *operand = folded_type(e->v.UnaryOp.operand);
        return operand ? folded_unary_type(e->v.UnaryOp.op, operand) : NULL;
    }
    case GP_AST_BinOp: {
        const char *left = folded_type(e->v.BinOp.left);
        const char *right = left ? folded_type(e->v.BinOp.right) : NULL;
        return right ? folded_binary_type(e->v.BinOp.op, left, right) : NULL;
    }
    case GP_AST_Tuple:
        if (e->v.Tuple.ctx != GP_AST_Load)
            return NULL;
        for (size_t i = 0; i < e->v.Tuple.elts.count; i++)
            if (folded_type(e->v.Tuple.elts.items[i]) == NULL)
                return NULL;
        return "tuple";
    default:
        return NULL;
    }
}

/* The type [e] certainly evaluates to, as CPython's infer_type(), or NULL. */
static const char *inferred_type(const gp_ast_expr_t *e)
{
    const char *folded = folded_type(e);
    if (folded)
        return folded;
    switch (e->kind) {
    case GP_AST_Tuple:
        return "tuple";
    case GP_AST_List:
    case GP_AST_ListComp:
        return "list";
    case GP_AST_Dict:
    case GP_AST_DictComp:
        return "dict";
    case GP_AST_Set:
    case GP_AST_SetComp:
        return "set";
    case GP_AST_GeneratorExp:
        return "generator";
    case GP_AST_Lambda:
        return "function";
    case GP_AST_JoinedStr:
    case GP_AST_FormattedValue:
        return "str";
    default:
        return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* The checks                                                           */
/* ------------------------------------------------------------------ */

/* May [e] be an operand of `is` without a warning? Anything but a literal,
   and the named singletons None, True, False and Ellipsis (every bool is
   one: `not 1` folds to False). */
static bool is_identity_operand(const gp_ast_expr_t *e)
{
    const char *type = folded_type(e);
    return type == NULL || strcmp(type, "NoneType") == 0 || strcmp(type, "ellipsis") == 0 ||
           strcmp(type, "bool") == 0;
}

static const char is_message[] = "\"is\" with a literal. Did you mean \"==\"?";
static const char is_not_message[] = "\"is not\" with a literal. Did you mean \"!=\"?";

bool c_check_compare(compiler_t *c, const gp_ast_expr_t *e)
{
    if (e == c->negated_compare)
        return true;
    bool left_ok = is_identity_operand(e->v.Compare.left);
    for (size_t i = 0; i < e->v.Compare.ops.count; i++) {
        gp_ast_cmpop_t op = e->v.Compare.ops.items[i];
        bool right_ok = is_identity_operand(e->v.Compare.comparators.items[i]);
        if ((op == GP_AST_Is || op == GP_AST_IsNot) && !(left_ok && right_ok))
            return c_warn(c, op == GP_AST_Is ? is_message : is_not_message, e);
        left_ok = right_ok;
    }
    return true;
}

/* CPython's optimizer turns `not (a is b)` into `a is not b` (and back
   for each further `not`; the node keeps the comparison's place), so the
   warning names the operator that results. */
bool c_check_not(compiler_t *c, const gp_ast_expr_t *e)
{
    const gp_ast_expr_t *operand = e;
    bool negated = false;
    while (operand->kind == GP_AST_UnaryOp && operand->v.UnaryOp.op == GP_AST_Not) {
        operand = operand->v.UnaryOp.operand;
        negated = !negated;
    }
    if (operand->kind != GP_AST_Compare || operand->v.Compare.ops.count != 1 ||
        operand == c->negated_compare)
        return true;
    gp_ast_cmpop_t op = operand->v.Compare.ops.items[0];
    if (op != GP_AST_Is && op != GP_AST_IsNot)
        return true;
    c->negated_compare = operand;
    if (is_identity_operand(operand->v.Compare.left) &&
        is_identity_operand(operand->v.Compare.comparators.items[0]))
        return true;
    bool is = (op == GP_AST_Is) != negated;
    return c_warn(c, is ? is_message : is_not_message, operand);
}

bool c_check_call(compiler_t *c, const gp_ast_expr_t *e)
{
    const gp_ast_expr_t *callee = e->v.Call.func;
    const char *type = inferred_type(callee);
    if (type == NULL || callee->kind == GP_AST_Lambda)
        return true;
    char message[128];
    snprintf(message, sizeof message, "'%s' object is not callable; perhaps you missed a comma?",
             type);
    return c_warn(c, message, e);
}

/* Is [value] certainly not subscriptable? None, Ellipsis, numbers, sets,
   generators and functions. */
static bool is_unsubscriptable(const gp_ast_expr_t *value, const char *type)
{
    switch (value->kind) {
    case GP_AST_Set:
    case GP_AST_SetComp:
    case GP_AST_GeneratorExp:
    case GP_AST_Lambda:
        return true;
    default:
        return folded_type(value) != NULL &&
               (strcmp(type, "NoneType") == 0 || strcmp(type, "ellipsis") == 0 ||
                is_number_type(type));
    }
}

/* Is [value] a sequence that takes only integer indices: a str, bytes,
   tuple or list display or literal? */
static bool takes_integer_index(const gp_ast_expr_t *value, const char *type)
{
    if (folded_type(value) != NULL)
        return strcmp(type, "str") == 0 || strcmp(type, "bytes") == 0 || strcmp(type, "tuple") == 0;
    switch (value->kind) {
    case GP_AST_Tuple:
    case GP_AST_List:
    case GP_AST_ListComp:
    case GP_AST_JoinedStr:
    case GP_AST_FormattedValue:
        return true;
    default:
        return false;
    }
}

bool c_check_subscript(compiler_t *c, const gp_ast_expr_t *e)
{
    const gp_ast_expr_t *value = e->v.Subscript.value;
    const char *type = inferred_type(value);
    if (type == NULL)
        return true;
    char message[200];
    if (is_unsubscriptable(value, type)) {
        snprintf(message, sizeof message,
                 "'%s' object is not subscriptable; perhaps you missed a comma?", type);
        return c_warn(c, message, e);
    }
    const char *index = inferred_type(e->v.Subscript.slice);
    if (index == NULL || is_integer_type(index) || !takes_integer_index(value, type))
        return true;
    snprintf(message, sizeof message,
             "%s indices must be integers or slices, not %s; perhaps you missed a comma?", type,
             index);
    return c_warn(c, message, e);
}

bool c_check_assert(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_expr_t *test = s->v.Assert.test;
    if (test->kind != GP_AST_Tuple || test->v.Tuple.elts.count == 0)
        return true;
    return c_warn_at(c, "assertion is always true, perhaps remove parentheses?", s->lineno,
                     s->col_offset, s->end_lineno, s->end_col_offset);
}

/* ------------------------------------------------------------------ */
/* Checking without compiling                                           */
/* ------------------------------------------------------------------ */

static bool check_tree(compiler_t *c, const gp_ast_expr_t *e);

static bool check_seq(compiler_t *c, const gp_ast_expr_seq_t *seq)
{
    for (size_t i = 0; i < seq->count; i++)
        if (seq->items[i] && !check_tree(c, seq->items[i]))
            return false;
    return true;
}

static bool check_generators(compiler_t *c, const gp_ast_comprehension_seq_t *generators)
{
    for (size_t i = 0; i < generators->count; i++) {
        const gp_ast_comprehension_t *g = generators->items[i];
        if (!check_tree(c, g->iter) || !check_seq(c, &g->ifs))
            return false;
    }
    return true;
}

/* The checks of the nodes a plain expression node holds, in order. */
static bool check_children(compiler_t *c, const gp_ast_expr_t *e)
{
    const gp_ast_expr_t *pair[2] = {NULL, NULL};
    switch (e->kind) {
    case GP_AST_BoolOp:
        return check_seq(c, &e->v.BoolOp.values);
    case GP_AST_NamedExpr:
        pair[0] = e->v.NamedExpr.value;
        break;
    case GP_AST_BinOp:
        pair[0] = e->v.BinOp.left, pair[1] = e->v.BinOp.right;
        break;
    case GP_AST_UnaryOp:
        pair[0] = e->v.UnaryOp.operand;
        break;
    case GP_AST_Lambda:
        return check_seq(c, &e->v.Lambda.args->defaults) &&
               check_seq(c, &e->v.Lambda.args->kw_defaults) && check_tree(c, e->v.Lambda.body);
    case GP_AST_IfExp:
        return check_tree(c, e->v.IfExp.test) && check_tree(c, e->v.IfExp.body) &&
               check_tree(c, e->v.IfExp.orelse);
    case GP_AST_Dict:
        return check_seq(c, &e->v.Dict.keys) && check_seq(c, &e->v.Dict.values);
    case GP_AST_Set:
        return check_seq(c, &e->v.Set.elts);
    case GP_AST_ListComp:
        return check_generators(c, &e->v.ListComp.generators) && check_tree(c, e->v.ListComp.elt);
    case GP_AST_SetComp:
        return check_generators(c, &e->v.SetComp.generators) && check_tree(c, e->v.SetComp.elt);
    case GP_AST_GeneratorExp:
        return check_generators(c, &e->v.GeneratorExp.generators) &&
               check_tree(c, e->v.GeneratorExp.elt);
    case GP_AST_DictComp:
        return check_generators(c, &e->v.DictComp.generators) && check_tree(c, e->v.DictComp.key) &&
               check_tree(c, e->v.DictComp.value);
    case GP_AST_Await:
        pair[0] = e->v.Await.value;
        break;
    case GP_AST_Yield:
        pair[0] = e->v.Yield.value;
        break;
    case GP_AST_YieldFrom:
        pair[0] = e->v.YieldFrom.value;
        break;
    case GP_AST_Compare:
        return check_tree(c, e->v.Compare.left) && check_seq(c, &e->v.Compare.comparators);
    case GP_AST_Call:
        if (!check_tree(c, e->v.Call.func) || !check_seq(c, &e->v.Call.args))
            return false;
        for (size_t i = 0; i < e->v.Call.keywords.count; i++)
            if (!check_tree(c, e->v.Call.keywords.items[i]->value))
                return false;
        return true;
    case GP_AST_FormattedValue:
        pair[0] = e->v.FormattedValue.value, pair[1] = e->v.FormattedValue.format_spec;
        break;
    case GP_AST_JoinedStr:
        return check_seq(c, &e->v.JoinedStr.values);
    case GP_AST_Attribute:
        pair[0] = e->v.Attribute.value;
        break;
    case GP_AST_Subscript:
        pair[0] = e->v.Subscript.value, pair[1] = e->v.Subscript.slice;
        break;
    case GP_AST_Starred:
        pair[0] = e->v.Starred.value;
        break;
    case GP_AST_List:
        return check_seq(c, &e->v.List.elts);
    case GP_AST_Tuple:
        return check_seq(c, &e->v.Tuple.elts);
    case GP_AST_Slice:
        return (!e->v.Slice.lower || check_tree(c, e->v.Slice.lower)) &&
               (!e->v.Slice.upper || check_tree(c, e->v.Slice.upper)) &&
               (!e->v.Slice.step || check_tree(c, e->v.Slice.step));
    default:
        break;
    }
    for (int i = 0; i < 2; i++)
        if (pair[i] && !check_tree(c, pair[i]))
            return false;
    return true;
}

static bool check_tree(compiler_t *c, const gp_ast_expr_t *e)
{
    bool ok = true;
    if (e->kind == GP_AST_UnaryOp)
        ok = c_check_not(c, e);
    else if (e->kind == GP_AST_Compare)
        ok = c_check_compare(c, e);
    else if (e->kind == GP_AST_Call)
        ok = c_check_call(c, e);
    else if (e->kind == GP_AST_Subscript && e->v.Subscript.ctx == GP_AST_Load)
        ok = c_check_subscript(c, e);
    return ok && check_children(c, e);
}

bool c_check_tree(compiler_t *c, const gp_ast_expr_t *e)
{
    /* A `not (a is b)` seen when [e] was compiled is checked afresh. */
    c->negated_compare = NULL;
    return check_tree(c, e);
}
