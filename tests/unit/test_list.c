/*
 * test_list.c - unit tests of the sequence types: list, tuple, range, slice.
 *
 * Each test drives the C API the VM and builtins use and checks results
 * through repr(), which is what a script would print. The reference values
 * (reprs, hashes, error messages) were taken from CPython 3.11.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "obj/containers.h"
#include "runtime/mem.h"
#include "runtime/runtime.h"

static gp_runtime_t *runtime;

static int setup(void **state)
{
    (void)state;
    if (!runtime)
        runtime = gp_runtime_new(0, NULL);
    return runtime ? 0 : -1;
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

/* Asserts that an exception of [type] with str() == [message] is pending, and clears it. */
static void check_error(gp_type_t *type, const char *message)
{
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_ptr_equal(GP_TYPE(exc), type);
    gp_object_t *s = gp_object_str(exc);
    assert_non_null(s);
    assert_string_equal(gp_str_utf8(s), message);
    GP_DECREF(s);
    GP_DECREF(exc);
}

static gp_object_t *small(intptr_t v)
{
    return GP_SMALL_NEW(v);
}

/* [a, b, c...] from small ints. */
static gp_object_t *int_list(size_t n, const intptr_t *values)
{
    gp_object_t *list = gp_list_new(n);
    for (size_t i = 0; i < n; i++)
        GP_LIST_SET(list, i, small(values[i]));
    return list;
}

static gp_object_t *call_method(gp_object_t *o, const char *name, size_t nargs, ...)
{
    gp_object_t *args[4];
    va_list ap;
    va_start(ap, nargs);
    for (size_t i = 0; i < nargs; i++)
        args[i] = va_arg(ap, gp_object_t *);
    va_end(ap);
    return gp_object_call_method(o, name, args, nargs);
}

static void test_list_append_and_index(void **state)
{
    (void)state;
    gp_object_t *list = gp_list_new(0);
    for (intptr_t i = 0; i < 1000; i++)
        assert_int_equal(gp_list_append(list, small(i)), 0);
    assert_int_equal(GP_LIST_SIZE(list), 1000);
    gp_object_t *item = gp_object_getitem(list, small(-1));
    assert_ptr_equal(item, small(999));
    check_repr(gp_object_getitem(list, gp_slice_new(small(2), small(12), small(3))),
               "[2, 5, 8, 11]");
    GP_DECREF(list);
}

static void test_list_repr_recursive(void **state)
{
    (void)state;
    gp_object_t *list = int_list(2, (intptr_t[]){1, 2});
    gp_list_append(list, list);
    gp_object_t *r = gp_object_repr(list);
    assert_string_equal(gp_str_utf8(r), "[1, 2, [...]]");
    GP_DECREF(r);
    gp_list_sort(list, NULL, false); /* unorderable: raises */
    check_error(&gp_exc_TypeError, "'<' not supported between instances of 'list' and 'int'");
    /* Break the cycle by hand so the test does not rely on the collector. */
    GP_DECREF(gp_list_pop(list, -1));
    GP_DECREF(list);
}

static void test_list_sort_ints_and_reverse(void **state)
{
    (void)state;
    intptr_t values[200];
    for (int i = 0; i < 200; i++)
        values[i] = (i * 7919) % 211 - 100;
    gp_object_t *list = int_list(200, values);
    assert_int_equal(gp_list_sort(list, NULL, false), 0);
    for (int i = 1; i < 200; i++)
        assert_true(GP_SMALL_VALUE(GP_LIST_GET(list, i - 1)) <= GP_SMALL_VALUE(GP_LIST_GET(list, i)));
    assert_int_equal(gp_list_sort(list, NULL, true), 0);
    for (int i = 1; i < 200; i++)
        assert_true(GP_SMALL_VALUE(GP_LIST_GET(list, i - 1)) >= GP_SMALL_VALUE(GP_LIST_GET(list, i)));
    GP_DECREF(list);
}

static void test_list_sort_is_stable_with_key(void **state)
{
    (void)state;
    /* Sort (key, tag) pairs by key only: equal keys keep their order. */
    gp_object_t *list = gp_list_new(0);
    for (intptr_t i = 0; i < 100; i++) {
        gp_object_t *pair = gp_tuple_pack(2, small(i % 3), small(i));
        gp_list_append(list, pair);
        GP_DECREF(pair);
    }
    /* Tuples compare by key first, then by tag. */
    assert_int_equal(gp_list_sort(list, NULL, false), 0);
    for (intptr_t i = 1; i < 100; i++) {
        gp_object_t *a = GP_LIST_GET(list, i - 1), *b = GP_LIST_GET(list, i);
        intptr_t ka = GP_SMALL_VALUE(GP_TUPLE_GET(a, 0)), kb = GP_SMALL_VALUE(GP_TUPLE_GET(b, 0));
        assert_true(ka < kb || (ka == kb && GP_SMALL_VALUE(GP_TUPLE_GET(a, 1)) <
                                                GP_SMALL_VALUE(GP_TUPLE_GET(b, 1))));
    }
    GP_DECREF(list);
}

static void test_list_sort_strings(void **state)
{
    (void)state;
    const char *words[] = {"pear", "apple", "fig", "banana", "apple"};
    gp_object_t *list = gp_list_new(0);
    for (int i = 0; i < 5; i++) {
        gp_object_t *s = gp_str_from_cstr(words[i]);
        gp_list_append(list, s);
        GP_DECREF(s);
    }
    assert_int_equal(gp_list_sort(list, NULL, false), 0);
    check_repr(list, "['apple', 'apple', 'banana', 'fig', 'pear']");
}

static void test_list_slice_assignment(void **state)
{
    (void)state;
    gp_object_t *list = int_list(5, (intptr_t[]){0, 1, 2, 3, 4});
    gp_object_t *repl = int_list(3, (intptr_t[]){7, 8, 9});
    gp_object_t *slice = gp_slice_new(small(1), small(3), NULL);
    assert_int_equal(gp_object_setitem(list, slice, repl), 0);
    GP_DECREF(slice);
    gp_object_t *r = gp_object_repr(list);
    assert_string_equal(gp_str_utf8(r), "[0, 7, 8, 9, 3, 4]");
    GP_DECREF(r);

    /* An extended slice of the same size is replaced item by item. */
    slice = gp_slice_new(NULL, NULL, small(2));
    assert_int_equal(gp_object_setitem(list, slice, repl), 0);
    GP_DECREF(slice);
    GP_DECREF(repl);
    check_repr(list, "[7, 7, 8, 9, 9, 4]");
}

static void test_list_extended_slice_errors(void **state)
{
    (void)state;
    gp_object_t *list = int_list(3, (intptr_t[]){1, 2, 3});
    gp_object_t *two = int_list(2, (intptr_t[]){5, 6});
    gp_object_t *three = int_list(3, (intptr_t[]){5, 6, 7});
    gp_object_t *slice = gp_slice_new(NULL, NULL, small(2));
    assert_int_equal(gp_object_setitem(list, slice, three), -1);
    check_error(&gp_exc_ValueError,
                "attempt to assign sequence of size 3 to extended slice of size 2");
    assert_int_equal(gp_object_setitem(list, slice, two), 0);
    assert_int_equal(gp_object_setitem(list, slice, small(5)), -1);
    check_error(&gp_exc_TypeError, "must assign iterable to extended slice");
    GP_DECREF(slice);
    slice = gp_slice_new(small(0), small(1), NULL);
    assert_int_equal(gp_object_setitem(list, slice, small(5)), -1);
    check_error(&gp_exc_TypeError, "can only assign an iterable");
    GP_DECREF(slice);
    check_repr(list, "[5, 2, 6]");
    GP_DECREF(two);
    GP_DECREF(three);
}

static void test_list_delete_extended_slice(void **state)
{
    (void)state;
    intptr_t values[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    gp_object_t *list = int_list(10, values);
    gp_object_t *slice = gp_slice_new(NULL, NULL, small(-3));
    assert_int_equal(gp_object_delitem(list, slice), 0);
    GP_DECREF(slice);
    check_repr(list, "[1, 2, 4, 5, 7, 8]");
}

static void test_list_error_messages(void **state)
{
    (void)state;
    gp_object_t *list = gp_list_new(0);
    assert_null(gp_list_pop(list, -1));
    check_error(&gp_exc_IndexError, "pop from empty list");
    gp_list_append(list, small(1));
    assert_null(gp_list_pop(list, 5));
    check_error(&gp_exc_IndexError, "pop index out of range");
    assert_null(gp_object_getitem(list, small(3)));
    check_error(&gp_exc_IndexError, "list index out of range");
    assert_int_equal(gp_object_setitem(list, small(3), small(0)), -1);
    check_error(&gp_exc_IndexError, "list assignment index out of range");
    assert_null(call_method(list, "remove", 1, small(7)));
    check_error(&gp_exc_ValueError, "list.remove(x): x not in list");
    assert_null(call_method(list, "index", 1, small(7)));
    check_error(&gp_exc_ValueError, "7 is not in list");
    gp_object_t *s = gp_str_from_cstr("a");
    assert_null(gp_object_getitem(list, s));
    check_error(&gp_exc_TypeError, "list indices must be integers or slices, not str");
    assert_null(gp_number_binop(list, s, GP_BINOP_ADD));
    check_error(&gp_exc_TypeError, "can only concatenate list (not \"str\") to list");
    GP_DECREF(s);
    GP_DECREF(list);
}

static void test_list_operators(void **state)
{
    (void)state;
    gp_object_t *a = int_list(2, (intptr_t[]){1, 2});
    gp_object_t *b = int_list(1, (intptr_t[]){3});
    check_repr(gp_number_binop(a, b, GP_BINOP_ADD), "[1, 2, 3]");
    check_repr(gp_number_binop(a, small(2), GP_BINOP_MUL), "[1, 2, 1, 2]");
    check_repr(gp_number_binop(small(0), a, GP_BINOP_MUL), "[]");
    assert_int_equal(gp_object_richcompare_bool(a, b, GP_CMP_LT), 1);
    assert_int_equal(gp_object_richcompare_bool(a, a, GP_CMP_EQ), 1);
    gp_object_t *r = gp_number_binop(a, b, GP_BINOP_ADD | GP_BINOP_INPLACE);
    assert_ptr_equal(r, a);
    GP_DECREF(r);
    check_repr(a, "[1, 2, 3]");
    GP_DECREF(b);
}

static void test_list_from_iterable_and_extend_self(void **state)
{
    (void)state;
    gp_object_t *range = gp_range_new(0, 5, 1);
    gp_object_t *list = gp_list_from_iterable(range);
    GP_DECREF(range);
    assert_int_equal(gp_list_extend(list, list), 0);
    check_repr(list, "[0, 1, 2, 3, 4, 0, 1, 2, 3, 4]");
}

static void test_tuple_repr_and_hash(void **state)
{
    (void)state;
    check_repr(gp_tuple_new(0), "()");
    check_repr(gp_tuple_pack(1, small(1)), "(1,)");
    gp_object_t *t = gp_tuple_pack(2, small(1), small(2));
    assert_int_equal(gp_object_hash(t), -3550055125485641917LL);
    check_repr(t, "(1, 2)");
    assert_int_equal(gp_object_hash(gp_empty_tuple), 5740354900026072187LL);
    t = gp_tuple_pack(1, small(-1));
    assert_int_equal(gp_object_hash(t), 8078679518589016365LL); /* hash((-1,)) */
    GP_DECREF(t);
}

static void test_tuple_unhashable_item(void **state)
{
    (void)state;
    gp_object_t *list = gp_list_new(0);
    gp_object_t *t = gp_tuple_pack(2, small(1), list);
    assert_int_equal(gp_object_hash(t), -1);
    check_error(&gp_exc_TypeError, "unhashable type: 'list'");
    GP_DECREF(t);
    GP_DECREF(list);
}

static void test_tuple_ops(void **state)
{
    (void)state;
    gp_object_t *t = gp_tuple_pack(3, small(1), small(2), small(3));
    check_repr(gp_object_getitem(t, gp_slice_new(NULL, NULL, small(-1))), "(3, 2, 1)");
    check_repr(gp_number_binop(t, t, GP_BINOP_ADD), "(1, 2, 3, 1, 2, 3)");
    assert_null(gp_number_binop(t, small(1), GP_BINOP_ADD));
    check_error(&gp_exc_TypeError, "can only concatenate tuple (not \"int\") to tuple");
    assert_null(call_method(t, "index", 1, small(9)));
    check_error(&gp_exc_ValueError, "tuple.index(x): x not in tuple");
    assert_null(gp_object_getitem(t, small(3)));
    check_error(&gp_exc_IndexError, "tuple index out of range");
    GP_DECREF(t);
}

static void test_range_basics(void **state)
{
    (void)state;
    gp_object_t *r = gp_range_new(0, 10, 3);
    assert_int_equal(gp_object_len(r), 4);
    assert_ptr_equal(gp_object_getitem(r, small(-1)), small(9));
    assert_int_equal(gp_object_contains(r, small(6)), 1);
    assert_int_equal(gp_object_contains(r, small(7)), 0);
    check_repr(gp_object_getitem(r, gp_slice_new(small(1), small(3), NULL)), "range(3, 9, 3)");
    gp_object_t *list = gp_list_from_iterable(r);
    check_repr(list, "[0, 3, 6, 9]");
    check_repr(r, "range(0, 10, 3)");
    check_repr(gp_range_new(0, 5, 1), "range(0, 5)");
}

static void test_range_errors(void **state)
{
    (void)state;
    assert_null(gp_range_new(0, 1, 0));
    check_error(&gp_exc_ValueError, "range() arg 3 must not be zero");
    gp_object_t *r = gp_range_new(0, 3, 1);
    assert_null(gp_object_getitem(r, small(3)));
    check_error(&gp_exc_IndexError, "range object index out of range");
    assert_null(call_method(r, "index", 1, small(5)));
    check_error(&gp_exc_ValueError, "5 is not in range");
    GP_DECREF(r);
}

static void test_slice_indices(void **state)
{
    (void)state;
    intptr_t start, stop, step;
    gp_object_t *s = gp_slice_new(NULL, NULL, small(-1));
    assert_int_equal(gp_slice_indices(s, 5, &start, &stop, &step), 5);
    assert_int_equal(start, 4);
    assert_int_equal(stop, -1);
    assert_int_equal(step, -1);
    check_repr(s, "slice(None, None, -1)");
    s = gp_slice_new(small(1), small(2), small(0));
    assert_int_equal(gp_slice_indices(s, 5, &start, &stop, &step), -1);
    check_error(&gp_exc_ValueError, "slice step cannot be zero");
    GP_DECREF(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_append_and_index),
        cmocka_unit_test(test_list_repr_recursive),
        cmocka_unit_test(test_list_sort_ints_and_reverse),
        cmocka_unit_test(test_list_sort_is_stable_with_key),
        cmocka_unit_test(test_list_sort_strings),
        cmocka_unit_test(test_list_slice_assignment),
        cmocka_unit_test(test_list_extended_slice_errors),
        cmocka_unit_test(test_list_delete_extended_slice),
        cmocka_unit_test(test_list_error_messages),
        cmocka_unit_test(test_list_operators),
        cmocka_unit_test(test_list_from_iterable_and_extend_self),
        cmocka_unit_test(test_tuple_repr_and_hash),
        cmocka_unit_test(test_tuple_unhashable_item),
        cmocka_unit_test(test_tuple_ops),
        cmocka_unit_test(test_range_basics),
        cmocka_unit_test(test_range_errors),
        cmocka_unit_test(test_slice_indices),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
