/* test_parser.c - unit tests of the parser (src/compile/parser*.c) and the
 * AST dumper (src/compile/ast.c).
 *
 * Trees are checked through gp_ast_dump, whose output is byte-for-byte
 * CPython 3.11's ast.dump(); every expected string below was produced by
 * `python3 -c "import ast; print(ast.dump(ast.parse(SRC)))"`. Errors are
 * checked for CPython's message, line and 1-based column.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/compile/ast.h"
#include "../../src/compile/parser.h"

/* Parses [src] in [mode] and returns the dump (caller frees), or NULL
 * with [err] filled. */
static char *dump_source(const char *src, gp_parse_mode_t mode, gp_syntax_error_t *err)
{
    gp_arena_t *arena = gp_arena_new();
    gp_ast_mod_t *mod = gp_parse(src, strlen(src), "<test>", mode, arena, err);
    char *text = NULL;
    if (mod != NULL) {
        size_t size = 0;
        FILE *out = open_memstream(&text, &size);
        gp_ast_dump(mod, out);
        fclose(out);
    }
    gp_arena_free(arena);
    return text;
}

/* Checks that the module [src] dumps as Module(body=[<body>], ...). */
static void assert_body(const char *src, const char *body)
{
    gp_syntax_error_t err;
    char *text = dump_source(src, GP_PARSE_FILE, &err);
    if (text == NULL) {
        fail_msg("%s: unexpected error %d:%d %s", src, err.lineno, err.col, err.msg);
    }
    char expected[8192];
    snprintf(expected, sizeof expected, "Module(body=[%s], type_ignores=[])", body);
    assert_string_equal(text, expected);
    free(text);
}

/* Checks that the expression statement [src] dumps as Expr(value=<expr>). */
static void assert_expr(const char *src, const char *expr)
{
    char body[8192];
    snprintf(body, sizeof body, "Expr(value=%s)", expr);
    assert_body(src, body);
}

/* Checks that [src] is rejected with [msg] at [line]:[col]. */
static void assert_error(const char *src, const char *msg, int line, int col)
{
    gp_syntax_error_t err;
    char *text = dump_source(src, GP_PARSE_FILE, &err);
    if (text != NULL) {
        fail_msg("%s: parsed, expected error '%s'", src, msg);
    }
    assert_string_equal(err.msg, msg);
    assert_int_equal(err.lineno, line);
    assert_int_equal(err.col, col);
}

/* ---- trees ------------------------------------------------------------ */

static void test_precedence_of_arithmetic(void **state)
{
    (void)state;
    assert_expr("a + b * c",
                "BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=BinOp(left=Name(id='b', "
                "ctx=Load()), op=Mult(), right=Name(id='c', ctx=Load())))");
}

static void test_power_is_right_associative_and_binds_tighter_than_minus(void **state)
{
    (void)state;
    assert_expr("-a ** b ** c",
                "UnaryOp(op=USub(), operand=BinOp(left=Name(id='a', ctx=Load()), op=Pow(), "
                "right=BinOp(left=Name(id='b', ctx=Load()), op=Pow(), right=Name(id='c', "
                "ctx=Load()))))");
}

static void test_boolean_operators_flatten(void **state)
{
    (void)state;
    assert_expr("a or b or not c and d",
                "BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), "
                "BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='c', ctx=Load())), "
                "Name(id='d', ctx=Load())])])");
}

static void test_chained_comparison(void **state)
{
    (void)state;
    assert_expr("a < b is not c not in d",
                "Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), IsNot(), NotIn()], "
                "comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', "
                "ctx=Load())])");
}

static void test_conditional_and_lambda(void **state)
{
    (void)state;
    assert_expr("lambda x, *a, k=1: x if k else a",
                "Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], vararg=arg(arg='a'), "
                "kwonlyargs=[arg(arg='k')], kw_defaults=[Constant(value=1)], defaults=[]), "
                "body=IfExp(test=Name(id='k', ctx=Load()), body=Name(id='x', ctx=Load()), "
                "orelse=Name(id='a', ctx=Load())))");
}

static void test_call_with_every_argument_kind(void **state)
{
    (void)state;
    assert_expr("f(a, *b, c=1, **d)",
                "Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), "
                "Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', "
                "value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))])");
}

static void test_generator_argument(void **state)
{
    (void)state;
    assert_expr("f(x for x in y)",
                "Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', "
                "ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), "
                "iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[])");
}

static void test_subscript_slices(void **state)
{
    (void)state;
    assert_expr("a[1:2, ::3]",
                "Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice("
                "lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant("
                "value=3))], ctx=Load()), ctx=Load())");
}

static void test_displays_and_comprehensions(void **state)
{
    (void)state;
    assert_expr("{**a, 1: 2}",
                "Dict(keys=[None, Constant(value=1)], values=[Name(id='a', ctx=Load()), "
                "Constant(value=2)])");
    assert_expr("[x async for x in y if x]",
                "ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name("
                "id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', "
                "ctx=Load())], is_async=1)])");
}

static void test_walrus(void **state)
{
    (void)state;
    assert_expr("(y := 1)", "NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=1))");
}

static void test_number_constants(void **state)
{
    (void)state;
    assert_expr("0x_ff", "Constant(value=255)");
    assert_expr("123456789012345678901234567890", "Constant(value=123456789012345678901234567890)");
    assert_expr("1e16", "Constant(value=1e+16)");
    assert_expr("1.5e-5", "Constant(value=1.5e-05)");
    assert_expr("2.0j", "Constant(value=2j)");
    assert_expr("1e999", "Constant(value=inf)");
}

static void test_string_escapes_and_concatenation(void **state)
{
    (void)state;
    assert_expr("'a\\tb' \"\\x41\\u00e9\" '\\101'", "Constant(value='a\\tbA\xc3\xa9"
                                                    "A')");
    assert_expr("r'\\n'", "Constant(value='\\\\n')");
    assert_expr("b'\\xff\\0'", "Constant(value=b'\\xff\\x00')");
    assert_expr("u'x'", "Constant(value='x', kind='u')");
}

static void test_fstring_parts(void **state)
{
    (void)state;
    assert_expr("f'a{x!r:>{w}}{{'",
                "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', "
                "ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), "
                "FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), "
                "Constant(value='{')])");
}

static void test_fstring_debug_form(void **state)
{
    (void)state;
    assert_expr("f'{x = }'",
                "JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', "
                "ctx=Load()), conversion=114)])");
}

static void test_assignment_forms(void **state)
{
    (void)state;
    assert_body("a = b, *c = d",
                "Assign(targets=[Name(id='a', ctx=Store()), Tuple(elts=[Name(id='b', "
                "ctx=Store()), Starred(value=Name(id='c', ctx=Store()), ctx=Store())], "
                "ctx=Store())], value=Name(id='d', ctx=Load()))");
    assert_body("x.y += 1", "AugAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', "
                            "ctx=Store()), op=Add(), value=Constant(value=1))");
    assert_body("(x): int = 1",
                "AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', "
                "ctx=Load()), value=Constant(value=1), simple=0)");
}

static void test_function_parameters(void **state)
{
    (void)state;
    assert_body("def f(a, /, b=1, *c, d, e=2, **g) -> int: return",
                "FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], "
                "args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), "
                "arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='g'), "
                "defaults=[Constant(value=1)]), body=[Return()], decorator_list=[], "
                "returns=Name(id='int', ctx=Load()))");
}

static void test_class_with_bases_and_keywords(void **state)
{
    (void)state;
    assert_body("@d\nclass A(B, metaclass=M): pass",
                "ClassDef(name='A', bases=[Name(id='B', ctx=Load())], keywords=[keyword("
                "arg='metaclass', value=Name(id='M', ctx=Load()))], body=[Pass()], "
                "decorator_list=[Name(id='d', ctx=Load())])");
}

static void test_if_elif_else(void **state)
{
    (void)state;
    assert_body("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n",
                "If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', "
                "ctx=Load()), body=[Pass()], orelse=[Pass()])])");
}

static void test_try_except_finally(void **state)
{
    (void)state;
    assert_body("try:\n    pass\nexcept E as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
                "Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), "
                "name='e', body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])");
}

static void test_parenthesized_with_items(void **state)
{
    (void)state;
    assert_body("with (a as b, c): pass",
                "With(items=[withitem(context_expr=Name(id='a', ctx=Load()), "
                "optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', "
                "ctx=Load()))], body=[Pass()])");
}

static void test_imports(void **state)
{
    (void)state;
    assert_body("import a.b as c\nfrom .m import (x, y as z,)\nfrom x import *",
                "Import(names=[alias(name='a.b', asname='c')]), ImportFrom(module='m', "
                "names=[alias(name='x'), alias(name='y', asname='z')], level=1), "
                "ImportFrom(module='x', names=[alias(name='*')], level=0)");
}

static void test_semicolons_and_one_line_blocks(void **state)
{
    (void)state;
    assert_body("x = 1; y = 2;\nif x: pass; del y",
                "Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), "
                "Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2)), "
                "If(test=Name(id='x', ctx=Load()), body=[Pass(), Delete(targets=[Name(id='y', "
                "ctx=Del())])], orelse=[])");
}

static void test_node_locations(void **state)
{
    (void)state;
    const char *src = "x = 1\nif y:\n    z = (a +\n         bb)\n";
    gp_arena_t *arena = gp_arena_new();
    gp_syntax_error_t err;
    gp_ast_mod_t *mod = gp_parse(src, strlen(src), "<test>", GP_PARSE_FILE, arena, &err);
    assert_non_null(mod);
    gp_ast_stmt_t *if_stmt = mod->body.items[1];
    assert_int_equal(if_stmt->lineno, 2);
    assert_int_equal(if_stmt->end_lineno, 4);
    gp_ast_stmt_t *assign = if_stmt->v.If.body.items[0];
    gp_ast_expr_t *sum = assign->v.Assign.value;
    assert_int_equal(sum->kind, GP_AST_BinOp);
    assert_int_equal(sum->lineno, 3);
    assert_int_equal(sum->col_offset, 9);
    assert_int_equal(sum->end_lineno, 4);
    assert_int_equal(sum->end_col_offset, 11);
    gp_arena_free(arena);
}

static void test_eval_mode(void **state)
{
    (void)state;
    gp_syntax_error_t err;
    char *text = dump_source("1 + 2\n", GP_PARSE_EVAL, &err);
    assert_non_null(text);
    assert_string_equal(text, "Expression(body=BinOp(left=Constant(value=1), op=Add(), "
                              "right=Constant(value=2)))");
    free(text);
    assert_null(dump_source("x = 1", GP_PARSE_EVAL, &err));
}

static void test_single_mode(void **state)
{
    (void)state;
    gp_syntax_error_t err;
    char *text = dump_source("x = 1\n", GP_PARSE_SINGLE, &err);
    assert_non_null(text);
    assert_string_equal(text, "Interactive(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                              "value=Constant(value=1))])");
    free(text);
}

/* ---- errors ----------------------------------------------------------- */

static void test_error_invalid_syntax(void **state)
{
    (void)state;
    assert_error("x = 1 2\n", "invalid syntax", 1, 7);
}

static void test_error_expected_colon(void **state)
{
    (void)state;
    assert_error("if x\n    pass\n", "expected ':'", 1, 5);
    assert_error("def f() pass\n", "expected ':'", 1, 9);
}

static void test_error_forgot_comma(void **state)
{
    (void)state;
    assert_error("[a b]\n", "invalid syntax. Perhaps you forgot a comma?", 1, 2);
}

static void test_error_assignment_targets(void **state)
{
    (void)state;
    assert_error("1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?",
                 1, 1);
    assert_error("f() = 1\n",
                 "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1);
    assert_error("x = f() = 1\n", "cannot assign to function call", 1, 5);
    assert_error("True = 1\n", "cannot assign to True", 1, 1);
    assert_error("del f()\n", "cannot delete function call", 1, 5);
    assert_error("for 1 in x: pass\n", "cannot assign to literal", 1, 5);
}

static void test_error_augmented_assignment_target(void **state)
{
    (void)state;
    assert_error("a, b += 1\n", "'tuple' is an illegal expression for augmented assignment", 1, 1);
    assert_error("a + 1 += 1\n", "'expression' is an illegal expression for augmented assignment",
                 1, 1);
}

static void test_error_annotation_target(void **state)
{
    (void)state;
    assert_error("(a, b): int\n", "only single target (not tuple) can be annotated", 1, 1);
}

static void test_error_arguments(void **state)
{
    (void)state;
    assert_error("f(a=1, b)\n", "positional argument follows keyword argument", 1, 9);
    assert_error("f(x for x in y, 1)\n", "Generator expression must be parenthesized", 1, 3);
    assert_error("def f(a=1, b): pass\n", "non-default argument follows default argument", 1, 12);
}

static void test_error_indentation(void **state)
{
    (void)state;
    gp_syntax_error_t err;
    assert_null(dump_source("x = 1\n    y = 2\n", GP_PARSE_FILE, &err));
    assert_string_equal(err.msg, "unexpected indent");
    assert_true(err.is_indentation);
    assert_int_equal(err.lineno, 2);
    assert_error("if x:\npass\n", "expected an indented block after 'if' statement on line 1", 2,
                 1);
    assert_error("def f():\n", "expected an indented block after function definition on line 1", 1,
                 9);
}

static void test_error_unclosed_bracket(void **state)
{
    (void)state;
    assert_error("foo(a, b\nx = 1 2\n", "'(' was never closed", 1, 4);
}

static void test_error_tokenizer_error_wins_over_earlier_parser_error(void **state)
{
    (void)state;
    assert_error("x = = 1\ny = 'abc\n", "unterminated string literal (detected at line 2)", 2, 5);
}

static void test_error_fstring(void **state)
{
    (void)state;
    assert_error("x = f'{a'\n", "f-string: expecting '}'", 1, 10);
    assert_error("x = f'}'\n", "f-string: single '}' is not allowed", 1, 9);
    assert_error("x = f'{}'\n", "f-string: empty expression not allowed", 1, 10);
    assert_error("x = f'{a b}'\n", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2);
}

static void test_error_string_escape(void **state)
{
    (void)state;
    assert_error("x = '\\x4'\n",
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
                 "truncated \\xXX escape",
                 1, 10);
}

/* ---- robustness ------------------------------------------------------- */

static void test_deep_parentheses_are_rejected_not_crashing(void **state)
{
    (void)state;
    size_t n = 10000;
    char *src = malloc(2 * n + 1);
    memset(src, '(', n);
    memset(src + n, ')', n);
    src[2 * n] = '\0';
    assert_error(src, "too many nested parentheses", 1, 201);
    free(src);
}

static void test_deep_unary_operators_are_bounded(void **state)
{
    (void)state;
    size_t n = 100000;
    char *src = malloc(n + 2);
    memset(src, '-', n);
    src[n] = '1';
    src[n + 1] = '\0';
    gp_syntax_error_t err;
    assert_null(dump_source(src, GP_PARSE_FILE, &err));
    assert_int_equal(err.lineno, 1);
    free(src);
}

static void test_every_prefix_of_a_program_is_handled(void **state)
{
    (void)state;
    const char *program = "@d\nasync def f(a, *b, c: int = 1) -> x:\n    '''doc'''\n"
                          "    return [y async for y in f'{a!r:>{b}}' if y]\n";
    size_t n = strlen(program);
    char *prefix = malloc(n + 1);
    for (size_t i = 0; i <= n; i++) {
        memcpy(prefix, program, i);
        prefix[i] = '\0';
        gp_syntax_error_t err;
        free(dump_source(prefix, GP_PARSE_FILE, &err));
    }
    free(prefix);
}

/* Parses [src] and writes its recorded warnings, one per line as
 * "line:col kind message" (S SyntaxWarning, D DeprecationWarning), into
 * [out]. */
static void parse_warnings(const char *src, char *out, size_t size)
{
    gp_arena_t *arena = gp_arena_new();
    gp_syntax_error_t err;
    gp_parse_warnings_t warnings;
    gp_parse_with_warnings(src, strlen(src), "<test>", GP_PARSE_FILE, arena, &err, &warnings);
    size_t used = 0;
    out[0] = '\0';
    for (const gp_parse_warning_t *w = warnings.first; w != NULL && used < size; w = w->next) {
        used += (size_t)snprintf(out + used, size - used, "%d:%d %c %s\n", w->lineno, w->col_offset,
                                 w->is_syntax_warning ? 'S' : 'D', w->msg);
    }
    gp_arena_free(arena);
}

static void test_invalid_escapes_are_recorded_once_per_literal_piece(void **state)
{
    (void)state;
    char out[512];
    parse_warnings("a = '\\d\\e' '\\777'\nb = f'\\{x}\\q{y:\\w}'\nc = r'\\d' + '\\n'\n", out,
                   sizeof out);
    assert_string_equal(out, "1:4 D invalid escape sequence '\\d'\n"
                             "1:11 D invalid octal escape sequence '\\777'\n"
                             "2:4 D invalid escape sequence '\\{'\n"
                             "2:4 D invalid escape sequence '\\q'\n"
                             "2:4 D invalid escape sequence '\\w'\n");
}

static void test_number_before_keyword_is_recorded_in_source_order(void **state)
{
    (void)state;
    char out[512];
    parse_warnings("y = '\\d' if x else 1if x else 0x1for\n", out, sizeof out);
    assert_string_equal(out, "1:4 D invalid escape sequence '\\d'\n"
                             "1:19 S invalid decimal literal\n"
                             "1:33 S invalid hexadecimal literal\n");
}

static void test_parse_without_warning_list_records_nothing(void **state)
{
    (void)state;
    gp_syntax_error_t err;
    char *text = dump_source("x = '\\d' if (1if 1else 2) else 3\n", GP_PARSE_FILE, &err);
    assert_non_null(text);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_precedence_of_arithmetic),
        cmocka_unit_test(test_power_is_right_associative_and_binds_tighter_than_minus),
        cmocka_unit_test(test_boolean_operators_flatten),
        cmocka_unit_test(test_chained_comparison),
        cmocka_unit_test(test_conditional_and_lambda),
        cmocka_unit_test(test_call_with_every_argument_kind),
        cmocka_unit_test(test_generator_argument),
        cmocka_unit_test(test_subscript_slices),
        cmocka_unit_test(test_displays_and_comprehensions),
        cmocka_unit_test(test_walrus),
        cmocka_unit_test(test_number_constants),
        cmocka_unit_test(test_string_escapes_and_concatenation),
        cmocka_unit_test(test_fstring_parts),
        cmocka_unit_test(test_fstring_debug_form),
        cmocka_unit_test(test_assignment_forms),
        cmocka_unit_test(test_function_parameters),
        cmocka_unit_test(test_class_with_bases_and_keywords),
        cmocka_unit_test(test_if_elif_else),
        cmocka_unit_test(test_try_except_finally),
        cmocka_unit_test(test_parenthesized_with_items),
        cmocka_unit_test(test_imports),
        cmocka_unit_test(test_semicolons_and_one_line_blocks),
        cmocka_unit_test(test_node_locations),
        cmocka_unit_test(test_eval_mode),
        cmocka_unit_test(test_single_mode),
        cmocka_unit_test(test_error_invalid_syntax),
        cmocka_unit_test(test_error_expected_colon),
        cmocka_unit_test(test_error_forgot_comma),
        cmocka_unit_test(test_error_assignment_targets),
        cmocka_unit_test(test_error_augmented_assignment_target),
        cmocka_unit_test(test_error_annotation_target),
        cmocka_unit_test(test_error_arguments),
        cmocka_unit_test(test_error_indentation),
        cmocka_unit_test(test_error_unclosed_bracket),
        cmocka_unit_test(test_error_tokenizer_error_wins_over_earlier_parser_error),
        cmocka_unit_test(test_error_fstring),
        cmocka_unit_test(test_error_string_escape),
        cmocka_unit_test(test_deep_parentheses_are_rejected_not_crashing),
        cmocka_unit_test(test_deep_unary_operators_are_bounded),
        cmocka_unit_test(test_every_prefix_of_a_program_is_handled),
        cmocka_unit_test(test_invalid_escapes_are_recorded_once_per_literal_piece),
        cmocka_unit_test(test_number_before_keyword_is_recorded_in_source_order),
        cmocka_unit_test(test_parse_without_warning_list_records_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
