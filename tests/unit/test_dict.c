/*
 * test_dict.c - unit tests of dict (and its views) and of set/frozenset.
 *
 * Reference values (reprs, iteration orders of int sets, frozenset hashes,
 * error messages) were produced by CPython 3.11.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "obj/containers.h"
#include "obj/dict.h"
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

static void check_repr(gp_object_t *o, const char *expected)
{
    assert_non_null(o);
    gp_object_t *r = gp_object_repr(o);
    assert_non_null(r);
    assert_string_equal(gp_str_utf8(r), expected);
    GP_DECREF(r);
    GP_DECREF(o);
}

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

static gp_object_t *str(const char *s)
{
    return gp_str_from_cstr(s);
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

/* A set built by adding [values] in order, like a set display. */
static gp_object_t *int_set(size_t n, const intptr_t *values)
{
    gp_object_t *set = gp_set_new(NULL);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(gp_set_add(set, small(values[i])), 0);
    return set;
}

static void test_dict_set_get_delete(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    gp_object_t *a = str("a"), *b = str("b");
    assert_int_equal(gp_dict_setitem(d, a, small(1)), 0);
    assert_int_equal(gp_dict_setitem(d, b, small(2)), 0);
    assert_ptr_equal(gp_dict_getitem(d, a), small(1));
    assert_int_equal(gp_dict_delitem(d, a), 0);
    assert_null(gp_dict_getitem(d, a));
    assert_false(gp_err_occurred());
    assert_int_equal(gp_dict_delitem(d, a), -1);
    check_error(&gp_exc_KeyError, "'a'");
    assert_int_equal(gp_dict_size(d), 1);
    GP_DECREF(a);
    GP_DECREF(b);
    GP_DECREF(d);
}

static void test_dict_keeps_insertion_order(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    const char *keys[] = {"z", "y", "x", "w"};
    for (int i = 0; i < 4; i++) {
        gp_object_t *k = str(keys[i]);
        gp_dict_setitem(d, k, small(i));
        GP_DECREF(k);
    }
    gp_object_t *y = str("y");
    gp_dict_delitem(d, y);
    gp_dict_setitem(d, y, small(9));
    GP_DECREF(y);
    check_repr(d, "{'z': 0, 'x': 2, 'w': 3, 'y': 9}");
}

static void test_dict_many_int_keys(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    for (intptr_t i = 0; i < 20000; i++)
        assert_int_equal(gp_dict_setitem(d, small(i * 7), small(i)), 0);
    for (intptr_t i = 0; i < 20000; i += 2)
        assert_int_equal(gp_dict_delitem(d, small(i * 7)), 0);
    assert_int_equal(gp_dict_size(d), 10000);
    for (intptr_t i = 0; i < 20000; i++) {
        gp_object_t *v = gp_dict_getitem(d, small(i * 7));
        if (i % 2)
            assert_ptr_equal(v, small(i));
        else
            assert_null(v);
    }
    intptr_t pos = 0, count = 0;
    gp_object_t *key, *value;
    while (gp_dict_next(d, &pos, &key, &value)) {
        assert_ptr_equal(key, small((2 * count + 1) * 7));
        count++;
    }
    assert_int_equal(count, 10000);
    GP_DECREF(d);
}

static void test_dict_version_rule(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    gp_object_t *k = str("name");
    gp_dict_setitem(d, k, small(1));
    uint64_t v1 = gp_dict_version(d);
    intptr_t ix = gp_dict_lookup_index(d, k, gp_object_hash(k));
    assert_true(ix >= 0);
    /* Replacing a value keeps the version and the entry. */
    gp_dict_setitem(d, k, small(2));
    assert_true(gp_dict_version(d) == v1);
    assert_ptr_equal(gp_dict_entry_value(d, ix), small(2));
    /* Inserting another key bumps it. */
    gp_object_t *k2 = str("other");
    gp_dict_setitem(d, k2, small(3));
    assert_true(gp_dict_version(d) != v1);
    uint64_t v2 = gp_dict_version(d);
    gp_dict_delitem(d, k2);
    assert_true(gp_dict_version(d) != v2);
    GP_DECREF(k);
    GP_DECREF(k2);
    GP_DECREF(d);
}

static void test_dict_repr_recursive(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    gp_dict_setitem(d, small(1), d);
    gp_object_t *r = gp_object_repr(d);
    assert_string_equal(gp_str_utf8(r), "{1: {...}}");
    GP_DECREF(r);
    gp_dict_clear(d);
    check_repr(d, "{}");
}

static void test_dict_update_from_pairs(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    gp_object_t *pairs = gp_list_new(0);
    gp_object_t *p = gp_tuple_pack(2, small(1), small(2));
    gp_list_append(pairs, p);
    GP_DECREF(p);
    assert_int_equal(gp_dict_update(d, pairs), 0);
    gp_list_append(pairs, small(5));
    assert_int_equal(gp_dict_update(d, pairs), -1);
    check_error(&gp_exc_TypeError,
                "cannot convert dictionary update sequence element #1 to a sequence");
    GP_DECREF(gp_list_pop(pairs, -1));
    p = gp_tuple_pack(3, small(1), small(2), small(3));
    gp_list_append(pairs, p);
    GP_DECREF(p);
    assert_int_equal(gp_dict_update(d, pairs), -1);
    check_error(&gp_exc_ValueError,
                "dictionary update sequence element #1 has length 3; 2 is required");
    GP_DECREF(pairs);
    check_repr(d, "{1: 2}");
}

static void test_dict_views(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    gp_object_t *a = str("a");
    gp_dict_setitem(d, a, small(1));
    GP_DECREF(a);
    check_repr(call_method(d, "keys", 0), "dict_keys(['a'])");
    check_repr(call_method(d, "values", 0), "dict_values([1])");
    check_repr(call_method(d, "items", 0), "dict_items([('a', 1)])");
    gp_object_t *keys = call_method(d, "keys", 0);
    gp_object_t *other = int_set(1, (intptr_t[]){5});
    /* keys | set is a set; its order depends on the str hash, so only the
       size and membership are checked. */
    gp_object_t *u = gp_number_binop(keys, other, GP_BINOP_OR);
    assert_non_null(u);
    assert_int_equal(gp_set_size(u), 2);
    assert_int_equal(gp_set_contains(u, small(5)), 1);
    GP_DECREF(u);
    GP_DECREF(other);
    GP_DECREF(keys);
    GP_DECREF(d);
}

static void test_dict_iteration_detects_resize(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    gp_dict_setitem(d, small(1), small(1));
    gp_object_t *it = gp_object_iter(d);
    gp_object_t *k = gp_iter_next(it);
    assert_ptr_equal(k, small(1));
    gp_dict_setitem(d, small(2), small(2));
    assert_null(gp_iter_next(it));
    check_error(&gp_exc_RuntimeError, "dictionary changed size during iteration");
    GP_DECREF(it);
    GP_DECREF(d);
}

static void test_dict_popitem_and_errors(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    gp_dict_setitem(d, small(1), small(10));
    gp_dict_setitem(d, small(2), small(20));
    check_repr(call_method(d, "popitem", 0), "(2, 20)");
    check_repr(call_method(d, "popitem", 0), "(1, 10)");
    assert_null(call_method(d, "popitem", 0));
    check_error(&gp_exc_KeyError, "'popitem(): dictionary is empty'");
    gp_object_t *t = gp_tuple_pack(2, small(1), small(2));
    assert_null(gp_object_getitem(d, t));
    check_error(&gp_exc_KeyError, "(1, 2)");
    GP_DECREF(t);
    gp_object_t *list = gp_list_new(0);
    assert_int_equal(gp_dict_setitem(d, list, small(1)), -1);
    check_error(&gp_exc_TypeError, "unhashable type: 'list'");
    GP_DECREF(list);
    GP_DECREF(d);
}

static void test_dict_equality_and_copy(void **state)
{
    (void)state;
    gp_object_t *a = gp_dict_new();
    for (intptr_t i = 0; i < 50; i++)
        gp_dict_setitem(a, small(i), small(i * i));
    gp_object_t *b = gp_dict_copy(a);
    assert_int_equal(gp_object_richcompare_bool(a, b, GP_CMP_EQ), 1);
    gp_dict_setitem(b, small(3), small(0));
    assert_int_equal(gp_object_richcompare_bool(a, b, GP_CMP_EQ), 0);
    GP_DECREF(a);
    GP_DECREF(b);
}

static void test_set_order_matches_cpython(void **state)
{
    (void)state;
    check_repr(int_set(3, (intptr_t[]){3, 1, 2}), "{1, 2, 3}");
    check_repr(int_set(6, (intptr_t[]){5, 3, 1, 100, 64, 8}), "{64, 1, 3, 100, 5, 8}");
    check_repr(int_set(6, (intptr_t[]){-1, -2, 7, 8, 9, 1000}), "{7, 8, 9, 1000, -2, -1}");
    gp_object_t *s = int_set(10, (intptr_t[]){0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    assert_int_equal(gp_set_discard(s, small(3)), 1);
    gp_set_add(s, small(33));
    check_repr(s, "{0, 1, 2, 33, 4, 5, 6, 7, 8, 9}");
    check_repr(gp_set_new(NULL), "set()");
    check_repr(gp_frozenset_new(NULL), "frozenset()");
}

static void test_set_operators(void **state)
{
    (void)state;
    gp_object_t *a = int_set(3, (intptr_t[]){1, 2, 3});
    gp_object_t *b = int_set(3, (intptr_t[]){3, 4, 5});
    check_repr(gp_number_binop(a, b, GP_BINOP_OR), "{1, 2, 3, 4, 5}");
    check_repr(gp_number_binop(a, b, GP_BINOP_AND), "{3}");
    check_repr(gp_number_binop(a, b, GP_BINOP_SUB), "{1, 2}");
    check_repr(gp_number_binop(a, b, GP_BINOP_XOR), "{1, 2, 4, 5}");
    check_repr(gp_number_binop(b, a, GP_BINOP_XOR), "{1, 2, 4, 5}");
    assert_int_equal(gp_object_richcompare_bool(a, b, GP_CMP_LE), 0);
    gp_object_t *f = gp_frozenset_new(a);
    assert_int_equal(gp_object_richcompare_bool(a, f, GP_CMP_EQ), 1);
    check_repr(gp_number_binop(f, b, GP_BINOP_OR), "frozenset({1, 2, 3, 4, 5})");
    GP_DECREF(f);
    GP_DECREF(a);
    GP_DECREF(b);
}

static void test_frozenset_hash_matches_cpython(void **state)
{
    (void)state;
    gp_object_t *empty = gp_frozenset_new(NULL);
    assert_int_equal(gp_object_hash(empty), 133146708735736LL);
    GP_DECREF(empty);
    gp_object_t *items = gp_tuple_pack(3, small(1), small(2), small(3));
    gp_object_t *f = gp_frozenset_new(items);
    assert_int_equal(gp_object_hash(f), -272375401224217160LL);
    GP_DECREF(f);
    GP_DECREF(items);
}

static void test_set_remove_and_pop_errors(void **state)
{
    (void)state;
    gp_object_t *s = gp_set_new(NULL);
    assert_null(call_method(s, "pop", 0));
    check_error(&gp_exc_KeyError, "'pop from an empty set'");
    assert_null(call_method(s, "remove", 1, small(2)));
    check_error(&gp_exc_KeyError, "2");
    /* A set is looked up as the equal frozenset. */
    gp_object_t *inner = int_set(1, (intptr_t[]){1});
    gp_object_t *frozen = gp_frozenset_new(inner);
    gp_set_add(s, frozen);
    assert_int_equal(gp_set_contains(s, inner), 1);
    GP_DECREF(frozen);
    GP_DECREF(inner);
    GP_DECREF(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dict_set_get_delete),
        cmocka_unit_test(test_dict_keeps_insertion_order),
        cmocka_unit_test(test_dict_many_int_keys),
        cmocka_unit_test(test_dict_version_rule),
        cmocka_unit_test(test_dict_repr_recursive),
        cmocka_unit_test(test_dict_update_from_pairs),
        cmocka_unit_test(test_dict_views),
        cmocka_unit_test(test_dict_iteration_detects_resize),
        cmocka_unit_test(test_dict_popitem_and_errors),
        cmocka_unit_test(test_dict_equality_and_copy),
        cmocka_unit_test(test_set_order_matches_cpython),
        cmocka_unit_test(test_set_operators),
        cmocka_unit_test(test_frozenset_hash_matches_cpython),
        cmocka_unit_test(test_set_remove_and_pop_errors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
