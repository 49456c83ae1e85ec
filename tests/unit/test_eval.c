/*
 * test_eval.c - the eval loop: run a snippet, then check a global it set
 * or the exception it raised. One behaviour per test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "runtime/runtime.h"
#include "vm/eval.h"

static int group_setup(void **state)
{
    (void)state;
    return gp_runtime_new(0, NULL) ? 0 : -1;
}

/* Runs [src] in a fresh globals dict; returns the dict (new reference).
   [ok] says whether the run must succeed. */
static gp_object_t *run(const char *src, bool ok)
{
    gp_object_t *code = gp_compile_source(src, strlen(src), "<test>", "exec");
    assert_non_null(code);
    gp_object_t *g = gp_dict_new();
    assert_non_null(g);
    gp_object_t *r = gp_eval_code(code, g, NULL);
    GP_DECREF(code);
    if (ok) {
        if (!r)
            gp_exception_print(gp_err_current());
        assert_non_null(r);
        GP_DECREF(r);
    } else {
        assert_null(r);
        assert_true(gp_err_occurred());
    }
    return g;
}

static int64_t global_int(gp_object_t *g, const char *name)
{
    gp_object_t *v = gp_dict_getitem_cstr(g, name);
    assert_non_null(v);
    return gp_int_as_i64(v);
}

/* The current exception's type and str(); clears it. */
static void expect_exception(gp_type_t *type, const char *msg)
{
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_true(GP_TYPE(exc) == type);
    gp_object_t *s = gp_object_str(exc);
    assert_non_null(s);
    assert_string_equal(gp_str_utf8(s), msg);
    GP_DECREF(s);
    GP_DECREF(exc);
}

static void test_arithmetic_sets_global(void **state)
{
    gp_object_t *g = run("x = (2 + 3) * 4 - 6 // 4 % 5\n", true);
    assert_int_equal(global_int(g, "x"), 19);
    GP_DECREF(g);
}

static void test_small_int_overflow_promotes(void **state)
{
    gp_object_t *g = run("x = 2 ** 62\ny = x + x\nz = y // x\n", true);
    assert_int_equal(global_int(g, "z"), 2);
    GP_DECREF(g);
}

static void test_while_loop_counts_down(void **state)
{
    gp_object_t *g = run("n = 1000\nk = 0\nwhile n > 0:\n    n -= 1\n    k += 2\n", true);
    assert_int_equal(global_int(g, "n"), 0);
    assert_int_equal(global_int(g, "k"), 2000);
    GP_DECREF(g);
}

static void test_recursive_function(void **state)
{
    gp_object_t *g = run("def fib(n):\n    return n if n < 2 else fib(n-1) + fib(n-2)\nx = fib(15)\n",
                         true);
    assert_int_equal(global_int(g, "x"), 610);
    GP_DECREF(g);
}

static void test_closure_counter(void **state)
{
    gp_object_t *g = run("def mk():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n"
                         "        return n\n    return inc\nc = mk()\nc()\nc()\nx = c()\n",
                         true);
    assert_int_equal(global_int(g, "x"), 3);
    GP_DECREF(g);
}

static void test_keyword_and_default_arguments(void **state)
{
    gp_object_t *g = run("def f(a, b=10, *, c=100):\n    return a + b + c\nx = f(1, c=1000)\n", true);
    assert_int_equal(global_int(g, "x"), 1011);
    GP_DECREF(g);
}

static void test_missing_argument_message(void **state)
{
    gp_object_t *g = run("def f(a, b):\n    pass\nf(1)\n", false);
    expect_exception(&gp_exc_TypeError, "f() missing 1 required positional argument: 'b'");
    GP_DECREF(g);
}

static void test_too_many_arguments_message(void **state)
{
    gp_object_t *g = run("def f(a, b):\n    pass\nf(1, 2, 3)\n", false);
    expect_exception(&gp_exc_TypeError, "f() takes 2 positional arguments but 3 were given");
    GP_DECREF(g);
}

static void test_generator_yields_and_returns(void **state)
{
    gp_object_t *g = run("def gen():\n    yield 1\n    yield 2\n    return 3\n"
                         "t = 0\nfor v in gen():\n    t += v\n",
                         true);
    assert_int_equal(global_int(g, "t"), 3);
    GP_DECREF(g);
}

static void test_try_except_finally_order(void **state)
{
    gp_object_t *g = run("log = 0\ntry:\n    try:\n        1 // 0\n    finally:\n        log = log * 10 + 1\n"
                         "except ZeroDivisionError:\n    log = log * 10 + 2\n",
                         true);
    assert_int_equal(global_int(g, "log"), 12);
    GP_DECREF(g);
}

static void test_return_through_finally(void **state)
{
    gp_object_t *g = run("n = 0\ndef f():\n    global n\n    for i in range(5):\n        try:\n"
                         "            if i == 2:\n                return i\n        finally:\n"
                         "            n += 1\nx = f()\n",
                         true);
    assert_int_equal(global_int(g, "x"), 2);
    assert_int_equal(global_int(g, "n"), 3);
    GP_DECREF(g);
}

static void test_unpack_error_message(void **state)
{
    gp_object_t *g = run("a, b, c = [1, 2]\n", false);
    expect_exception(&gp_exc_ValueError, "not enough values to unpack (expected 3, got 2)");
    GP_DECREF(g);
}

static void test_starred_unpack(void **state)
{
    gp_object_t *g = run("a, *b, c = range(10)\nx = len(b)\n", true);
    assert_int_equal(global_int(g, "x"), 8);
    assert_int_equal(global_int(g, "c"), 9);
    GP_DECREF(g);
}

static void test_unbound_local_message(void **state)
{
    gp_object_t *g = run("def f():\n    y = x\n    x = 1\nf()\n", false);
    expect_exception(&gp_exc_UnboundLocalError,
                     "cannot access local variable 'x' where it is not associated with a value");
    GP_DECREF(g);
}

static void test_name_error_message(void **state)
{
    gp_object_t *g = run("undefined_thing\n", false);
    expect_exception(&gp_exc_NameError, "name 'undefined_thing' is not defined");
    GP_DECREF(g);
}

static void test_deep_recursion_raises(void **state)
{
    gp_object_t *g = run("def f(n):\n    return f(n + 1)\nf(0)\n", false);
    expect_exception(&gp_exc_RecursionError, "maximum recursion depth exceeded");
    assert_int_equal(gp_tstate()->recursion_depth, 0);
    GP_DECREF(g);
}

static void test_class_with_super(void **state)
{
    gp_object_t *g = run("class A:\n    def v(self):\n        return 1\nclass B(A):\n    def v(self):\n"
                         "        return super().v() + 10\nx = B().v()\n",
                         true);
    assert_int_equal(global_int(g, "x"), 11);
    GP_DECREF(g);
}

static void test_exception_context_is_set(void **state)
{
    gp_object_t *g = run("try:\n    try:\n        1 // 0\n    except ZeroDivisionError:\n"
                         "        raise KeyError(1)\nexcept KeyError as e:\n"
                         "    ok = type(e.__context__) is ZeroDivisionError\n",
                         true);
    gp_object_t *ok = gp_dict_getitem_cstr(g, "ok");
    assert_true(ok == gp_True);
    GP_DECREF(g);
}

static void test_list_refcount_counts_names(void **state)
{
    gp_object_t *g = run("a = []\nb = a\n", true);
    gp_object_t *a = gp_dict_getitem_cstr(g, "a");
    assert_non_null(a);
    assert_int_equal(a->refcnt, 2);
    GP_DECREF(g);
}

static void test_with_statement_suppresses(void **state)
{
    gp_object_t *g = run("class CM:\n    def __enter__(self):\n        return 5\n"
                         "    def __exit__(self, t, v, tb):\n        return True\n"
                         "with CM() as x:\n    raise ValueError\ny = x\n",
                         true);
    assert_int_equal(global_int(g, "y"), 5);
    GP_DECREF(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arithmetic_sets_global),
        cmocka_unit_test(test_small_int_overflow_promotes),
        cmocka_unit_test(test_while_loop_counts_down),
        cmocka_unit_test(test_recursive_function),
        cmocka_unit_test(test_closure_counter),
        cmocka_unit_test(test_keyword_and_default_arguments),
        cmocka_unit_test(test_missing_argument_message),
        cmocka_unit_test(test_too_many_arguments_message),
        cmocka_unit_test(test_generator_yields_and_returns),
        cmocka_unit_test(test_try_except_finally_order),
        cmocka_unit_test(test_return_through_finally),
        cmocka_unit_test(test_unpack_error_message),
        cmocka_unit_test(test_starred_unpack),
        cmocka_unit_test(test_unbound_local_message),
        cmocka_unit_test(test_name_error_message),
        cmocka_unit_test(test_deep_recursion_raises),
        cmocka_unit_test(test_class_with_super),
        cmocka_unit_test(test_exception_context_is_set),
        cmocka_unit_test(test_list_refcount_counts_names),
        cmocka_unit_test(test_with_statement_suppresses),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
