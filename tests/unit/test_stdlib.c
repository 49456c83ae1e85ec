/*
 * test_stdlib.c - unit tests of the C standard-library modules itertools,
 * operator and _struct.
 *
 * Each test creates the module through its constructor (as `import` does),
 * fetches a function or type from it and calls it through the object
 * protocol, checking the result by repr() or the error by type and message.
 * Reference values come from CPython 3.11.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "runtime/runtime.h"

static gp_runtime_t *runtime;

static int setup(void **state)
{
    (void)state;
    if (!runtime)
        runtime = gp_runtime_new(0, NULL);
    return runtime ? 0 : -1;
}

/* A new reference to attribute [name] of a freshly created module. */
static gp_object_t *module_attr(gp_module_create_fn create, const char *name)
{
    gp_object_t *m = create();
    assert_non_null(m);
    gp_object_t *attr = gp_object_getattr_cstr(m, name);
    GP_DECREF(m);
    assert_non_null(attr);
    return attr;
}

/* Calls [callable] (released afterwards) with [n] borrowed arguments. */
static gp_object_t *call_release(gp_object_t *callable, size_t n, gp_object_t *const *args)
{
    gp_object_t *r = gp_object_call(callable, args, n, NULL);
    GP_DECREF(callable);
    return r;
}

/* Asserts repr(o) == expected, then releases [o] (a new reference). */
static void check_repr(gp_object_t *o, const char *expected)
{
    assert_non_null(o);
    gp_object_t *r = gp_object_repr(o);
    assert_non_null(r);
    assert_string_equal(gp_str_utf8(r), expected);
    GP_DECREF(r);
    GP_DECREF(o);
}

/* Asserts that an exception whose class is named [type_name] with str() ==
   [message] is pending, and clears it. */
static void check_error(const char *type_name, const char *message)
{
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_string_equal(gp_type_name(GP_TYPE(exc)), type_name);
    gp_object_t *s = gp_object_str(exc);
    assert_non_null(s);
    assert_string_equal(gp_str_utf8(s), message);
    GP_DECREF(s);
    GP_DECREF(exc);
}

/* list(iterable), releasing [iterable]. */
static gp_object_t *to_list(gp_object_t *iterable)
{
    assert_non_null(iterable);
    gp_object_t *l = gp_list_from_iterable(iterable);
    GP_DECREF(iterable);
    return l;
}

static void test_count_repr_and_values(void **state)
{
    (void)state;
    gp_object_t *args[2] = {GP_SMALL_NEW(5), GP_SMALL_NEW(2)};
    gp_object_t *c = call_release(module_attr(gp_itertools_module_create, "count"), 2, args);
    assert_non_null(c);
    gp_object_t *first = gp_iter_next(c);
    gp_object_t *second = gp_iter_next(c);
    assert_true(first == GP_SMALL_NEW(5) && second == GP_SMALL_NEW(7));
    check_repr(c, "count(9, 2)");
}

static void test_count_leaves_small_int_range(void **state)
{
    (void)state;
    gp_object_t *args[1] = {GP_SMALL_NEW(GP_SMALL_MAX)};
    gp_object_t *c = call_release(module_attr(gp_itertools_module_create, "count"), 1, args);
    assert_non_null(c);
    GP_DECREF(gp_iter_next(c));
    gp_object_t *big = gp_iter_next(c);
    assert_non_null(big);
    assert_false(GP_IS_SMALL(big));
    GP_DECREF(big);
    GP_DECREF(c);
}

static void test_product_repeat(void **state)
{
    (void)state;
    gp_object_t *range = gp_range_new(0, 3, 1);
    gp_object_t *product = module_attr(gp_itertools_module_create, "product");
    gp_object_t *kwnames = gp_tuple_pack(1, gp_str_static("repeat"));
    gp_object_t *args[2] = {range, GP_SMALL_NEW(2)};
    gp_object_t *p = gp_object_call(product, args, 1, kwnames);
    GP_DECREF(kwnames);
    GP_DECREF(product);
    GP_DECREF(range);
    gp_object_t *l = to_list(p);
    assert_non_null(l);
    assert_int_equal(GP_LIST_SIZE(l), 9);
    check_repr(GP_INCREF(GP_LIST_GET(l, 5)), "(1, 2)");
    GP_DECREF(l);
}

static void test_combinations_too_long(void **state)
{
    (void)state;
    gp_object_t *s = gp_str_from_cstr("ab");
    gp_object_t *args[2] = {s, GP_SMALL_NEW(3)};
    gp_object_t *c = call_release(module_attr(gp_itertools_module_create, "combinations"), 2, args);
    GP_DECREF(s);
    check_repr(to_list(c), "[]");
}

static void test_islice_negative_stop(void **state)
{
    (void)state;
    gp_object_t *l = gp_list_new(0);
    gp_object_t *args[2] = {l, GP_SMALL_NEW(-1)};
    gp_object_t *r = call_release(module_attr(gp_itertools_module_create, "islice"), 2, args);
    GP_DECREF(l);
    assert_null(r);
    check_error("ValueError",
                "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
}

static void test_tee_crosses_blocks(void **state)
{
    (void)state;
    gp_object_t *range = gp_range_new(0, 200, 1);
    gp_object_t *args[1] = {range};
    gp_object_t *pair = call_release(module_attr(gp_itertools_module_create, "tee"), 1, args);
    GP_DECREF(range);
    assert_non_null(pair);
    gp_object_t *a = to_list(GP_INCREF(GP_TUPLE_GET(pair, 0)));
    gp_object_t *b = to_list(GP_INCREF(GP_TUPLE_GET(pair, 1)));
    assert_int_equal(GP_LIST_SIZE(a), 200);
    assert_int_equal(GP_LIST_SIZE(b), 200);
    assert_true(GP_LIST_GET(b, 199) == GP_SMALL_NEW(199));
    GP_DECREF(a);
    GP_DECREF(b);
    GP_DECREF(pair);
}

static void test_operator_add(void **state)
{
    (void)state;
    gp_object_t *args[2] = {GP_SMALL_NEW(40), GP_SMALL_NEW(2)};
    gp_object_t *r = call_release(module_attr(gp_operator_module_create, "add"), 2, args);
    assert_true(r == GP_SMALL_NEW(42));
}

static void test_operator_arity_message(void **state)
{
    (void)state;
    gp_object_t *args[1] = {GP_SMALL_NEW(1)};
    gp_object_t *r = call_release(module_attr(gp_operator_module_create, "add"), 1, args);
    assert_null(r);
    check_error("TypeError", "add expected 2 arguments, got 1");
}

static void test_itemgetter_repr_and_call(void **state)
{
    (void)state;
    gp_object_t *key = gp_str_from_cstr("x");
    gp_object_t *args[2] = {GP_SMALL_NEW(1), key};
    gp_object_t *g = call_release(module_attr(gp_operator_module_create, "itemgetter"), 2, args);
    GP_DECREF(key);
    assert_non_null(g);
    gp_object_t *r = gp_object_repr(g);
    assert_string_equal(gp_str_utf8(r), "operator.itemgetter(1, 'x')");
    GP_DECREF(r);
    GP_DECREF(g);
}

static void test_methodcaller_upper(void **state)
{
    (void)state;
    gp_object_t *name = gp_str_from_cstr("upper");
    gp_object_t *mc = call_release(module_attr(gp_operator_module_create, "methodcaller"), 1, &name);
    GP_DECREF(name);
    gp_object_t *s = gp_str_from_cstr("abc");
    check_repr(call_release(mc, 1, &s), "'ABC'");
    GP_DECREF(s);
}

static void test_struct_pack_little_endian(void **state)
{
    (void)state;
    gp_object_t *fmt = gp_str_from_cstr("<hI");
    gp_object_t *args[3] = {fmt, GP_SMALL_NEW(-2), GP_SMALL_NEW(258)};
    gp_object_t *r = call_release(module_attr(gp_struct_module_create, "pack"), 3, args);
    GP_DECREF(fmt);
    check_repr(r, "b'\\xfe\\xff\\x02\\x01\\x00\\x00'");
}

static void test_struct_native_alignment(void **state)
{
    (void)state;
    gp_object_t *fmt = gp_str_from_cstr("bq");
    gp_object_t *r = call_release(module_attr(gp_struct_module_create, "calcsize"), 1, &fmt);
    GP_DECREF(fmt);
    assert_true(r == GP_SMALL_NEW(16));
}

static void test_struct_unpack_size_error(void **state)
{
    (void)state;
    gp_object_t *fmt = gp_str_from_cstr("d");
    gp_object_t *buf = gp_bytes_new("abc", 3);
    gp_object_t *args[2] = {fmt, buf};
    gp_object_t *r = call_release(module_attr(gp_struct_module_create, "unpack"), 2, args);
    GP_DECREF(fmt);
    GP_DECREF(buf);
    assert_null(r);
    check_error("error", "unpack requires a buffer of 8 bytes");
}

static void test_struct_range_error(void **state)
{
    (void)state;
    gp_object_t *fmt = gp_str_from_cstr("b");
    gp_object_t *args[2] = {fmt, GP_SMALL_NEW(200)};
    gp_object_t *r = call_release(module_attr(gp_struct_module_create, "pack"), 2, args);
    GP_DECREF(fmt);
    assert_null(r);
    check_error("error", "byte format requires -128 <= number <= 127");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_count_repr_and_values, setup),
        cmocka_unit_test_setup(test_count_leaves_small_int_range, setup),
        cmocka_unit_test_setup(test_product_repeat, setup),
        cmocka_unit_test_setup(test_combinations_too_long, setup),
        cmocka_unit_test_setup(test_islice_negative_stop, setup),
        cmocka_unit_test_setup(test_tee_crosses_blocks, setup),
        cmocka_unit_test_setup(test_operator_add, setup),
        cmocka_unit_test_setup(test_operator_arity_message, setup),
        cmocka_unit_test_setup(test_itemgetter_repr_and_call, setup),
        cmocka_unit_test_setup(test_methodcaller_upper, setup),
        cmocka_unit_test_setup(test_struct_pack_little_endian, setup),
        cmocka_unit_test_setup(test_struct_native_alignment, setup),
        cmocka_unit_test_setup(test_struct_unpack_size_error, setup),
        cmocka_unit_test_setup(test_struct_range_error, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
