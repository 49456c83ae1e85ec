/*
 * test_compile.c - the symbol table and code generator: code objects,
 * the disassembler, and the SyntaxErrors the compiler itself raises.
 * One behaviour per test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "runtime/runtime.h"
#include "vm/code.h"
#include "vm/eval.h"

static int group_setup(void **state)
{
    (void)state;
    return gp_runtime_new(0, NULL) ? 0 : -1;
}

static gp_object_t *compile(const char *src)
{
    return gp_compile_source(src, strlen(src), "<test>", "exec");
}

/* Compiles [src], which must fail with [type]; checks msg and lineno. */
static void expect_error(const char *src, gp_type_t *type, const char *msg, long lineno)
{
    gp_object_t *code = compile(src);
    assert_null(code);
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_true(GP_TYPE(exc) == type);
    gp_object_t *m = gp_object_getattr_cstr(exc, "msg");
    assert_non_null(m);
    assert_string_equal(gp_str_utf8(m), msg);
    gp_object_t *l = gp_object_getattr_cstr(exc, "lineno");
    assert_non_null(l);
    assert_int_equal(gp_int_as_i64(l), lineno);
    GP_DECREF(m);
    GP_DECREF(l);
    GP_DECREF(exc);
}

static void test_module_compiles_to_code(void **state)
{
    gp_object_t *code = compile("x = 1\ny = x + 2\n");
    assert_non_null(code);
    assert_true(GP_IS_TYPE(code, gp_code_type));
    assert_string_equal(gp_str_utf8(((gp_code_t *)code)->name), "<module>");
    GP_DECREF(code);
}

static void test_disassembler_lists_function_body(void **state)
{
    gp_object_t *code = compile("def f(a):\n    return a + 1\n");
    assert_non_null(code);
    gp_object_t *text = gp_code_disassemble(code);
    assert_non_null(text);
    const char *s = gp_str_utf8(text);
    assert_non_null(strstr(s, "MAKE_FUNCTION"));
    assert_non_null(strstr(s, "LOAD_FAST                0 (a)"));
    assert_non_null(strstr(s, "BINARY_OP"));
    assert_non_null(strstr(s, "RETURN_VALUE"));
    GP_DECREF(text);
    GP_DECREF(code);
}

static void test_function_locals_are_fast_slots(void **state)
{
    gp_object_t *code = compile("def f(a, b):\n    c = a\n    return c\n");
    assert_non_null(code);
    gp_code_t *module = (gp_code_t *)code;
    gp_code_t *f = NULL;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(module->consts); i++)
        if (GP_IS_TYPE(GP_TUPLE_GET(module->consts, i), gp_code_type))
            f = (gp_code_t *)GP_TUPLE_GET(module->consts, i);
    assert_non_null(f);
    assert_int_equal(f->argcount, 2);
    assert_int_equal(f->nlocals, 3);
    assert_true(f->flags & GP_CODE_OPTIMIZED);
    GP_DECREF(code);
}

static void test_closure_variable_becomes_cell(void **state)
{
    gp_object_t *code = compile("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
    assert_non_null(code);
    gp_code_t *module = (gp_code_t *)code;
    gp_code_t *f = (gp_code_t *)GP_TUPLE_GET(module->consts, 0);
    assert_true(GP_IS_TYPE((gp_object_t *)f, gp_code_type));
    assert_int_equal(f->ncells, 1);
    GP_DECREF(code);
}

static void test_generator_flag(void **state)
{
    gp_object_t *code = compile("def g():\n    yield 1\n");
    assert_non_null(code);
    gp_code_t *g = (gp_code_t *)GP_TUPLE_GET(((gp_code_t *)code)->consts, 0);
    assert_true(g->flags & GP_CODE_GENERATOR);
    GP_DECREF(code);
}

static void test_return_outside_function(void **state)
{
    expect_error("x = 1\nreturn x\n", &gp_exc_SyntaxError, "'return' outside function", 2);
}

static void test_break_outside_loop(void **state)
{
    expect_error("break\n", &gp_exc_SyntaxError, "'break' outside loop", 1);
}

static void test_continue_outside_loop(void **state)
{
    expect_error("if 1:\n    continue\n", &gp_exc_SyntaxError, "'continue' not properly in loop", 2);
}

static void test_nonlocal_without_binding(void **state)
{
    expect_error("def f():\n    nonlocal x\n", &gp_exc_SyntaxError,
                 "no binding for nonlocal 'x' found", 2);
}

static void test_global_after_use(void **state)
{
    expect_error("def f():\n    print(x)\n    global x\n", &gp_exc_SyntaxError,
                 "name 'x' is used prior to global declaration", 3);
}

static void test_yield_outside_function(void **state)
{
    expect_error("yield 1\n", &gp_exc_SyntaxError, "'yield' outside function", 1);
}

static void test_await_outside_async_function(void **state)
{
    expect_error("def f():\n    await g()\n", &gp_exc_SyntaxError,
                 "'await' outside async function", 2);
}

static void test_parser_error_becomes_syntax_error(void **state)
{
    gp_object_t *code = compile("x = = 1\n");
    assert_null(code);
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_true(GP_TYPE(exc) == &gp_exc_SyntaxError);
    gp_object_t *off = gp_object_getattr_cstr(exc, "offset");
    assert_non_null(off);
    assert_int_equal(gp_int_as_i64(off), 5);
    GP_DECREF(off);
    GP_DECREF(exc);
}

static void test_bad_indentation_is_indentation_error(void **state)
{
    gp_object_t *code = compile("if 1:\nx = 1\n");
    assert_null(code);
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_true(gp_object_isinstance_type(exc, &gp_exc_IndentationError));
    GP_DECREF(exc);
}

static void test_eval_mode_returns_value(void **state)
{
    gp_object_t *code = gp_compile_source("1 + 2", 5, "<test>", "eval");
    assert_non_null(code);
    gp_object_t *g = gp_dict_new();
    gp_object_t *r = gp_eval_code(code, g, NULL);
    assert_true(r == GP_SMALL_NEW(3));
    GP_DECREF(g);
    GP_DECREF(code);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_module_compiles_to_code),
        cmocka_unit_test(test_disassembler_lists_function_body),
        cmocka_unit_test(test_function_locals_are_fast_slots),
        cmocka_unit_test(test_closure_variable_becomes_cell),
        cmocka_unit_test(test_generator_flag),
        cmocka_unit_test(test_return_outside_function),
        cmocka_unit_test(test_break_outside_loop),
        cmocka_unit_test(test_continue_outside_loop),
        cmocka_unit_test(test_nonlocal_without_binding),
        cmocka_unit_test(test_global_after_use),
        cmocka_unit_test(test_yield_outside_function),
        cmocka_unit_test(test_await_outside_async_function),
        cmocka_unit_test(test_parser_error_becomes_syntax_error),
        cmocka_unit_test(test_bad_indentation_is_indentation_error),
        cmocka_unit_test(test_eval_mode_returns_value),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
