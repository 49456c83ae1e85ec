/*
 * test_weakref.c - unit tests of the weak-reference C API (obj/weakref.h).
 *
 * Each test checks one promise of the header: a reference answers its
 * referent until the referent dies, then NULL; the callback runs once, with
 * the reference; the plain reference is shared; objects that cannot be
 * weakly referenced are refused; the collector clears references to
 * garbage. Memory is checked with the allocation hook's live-block counter,
 * as test_gc.c does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "obj/containers.h"
#include "obj/int.h"
#include "obj/weakref.h"
#include "runtime/gc.h"
#include "runtime/mem.h"
#include "runtime/runtime.h"

static gp_runtime_t *runtime;

/* What the callback saw: how often it ran, and the last reference it got. */
static int callback_calls;
static gp_object_t *callback_last_ref;

static gp_object_t *record_callback(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    (void)self;
    (void)kwnames;
    callback_calls++;
    callback_last_ref = nargs == 1 ? args[0] : NULL;
    return gp_none_new();
}

static const gp_method_def_t record_def = {"record", record_callback, 0, NULL};

static int64_t live_blocks(void)
{
    gp_tuple_clear_free_list();
    gp_float_clear_free_list();
    return gp_mem_live_blocks();
}

static int setup(void **state)
{
    (void)state;
    if (!runtime)
        runtime = gp_runtime_new(0, NULL);
    return runtime ? 0 : -1;
}

static int before_each(void **state)
{
    (void)state;
    gp_gc_collect();
    callback_calls = 0;
    callback_last_ref = NULL;
    return 0;
}

/* A frozenset: a builtin weak-referenceable type that is not a container of
   itself, so plain refcounting frees it. */
static gp_object_t *new_referent(void)
{
    gp_object_t *items = gp_tuple_pack(2, GP_SMALL_NEW(1), GP_SMALL_NEW(2));
    gp_object_t *fs = gp_object_call1((gp_object_t *)&gp_frozenset_type, items);
    GP_DECREF(items);
    return fs;
}

static void test_weakref_follows_referent(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    gp_object_t *callback = gp_cfunction_new(&record_def, NULL);
    gp_object_t *obj = new_referent();
    gp_object_t *ref = gp_weakref_new(obj, callback);
    assert_non_null(ref);
    assert_ptr_equal(gp_weakref_referent(ref), obj);
    GP_DECREF(obj);
    assert_null(gp_weakref_referent(ref));
    assert_int_equal(callback_calls, 1);
    assert_ptr_equal(callback_last_ref, ref);
    GP_DECREF(ref);
    GP_DECREF(callback);
    assert_int_equal(live_blocks(), before);
}

static void test_weakref_dropped_first_never_calls_back(void **state)
{
    (void)state;
    gp_object_t *callback = gp_cfunction_new(&record_def, NULL);
    gp_object_t *obj = new_referent();
    gp_object_t *ref = gp_weakref_new(obj, callback);
    GP_DECREF(ref);
    GP_DECREF(obj);
    assert_int_equal(callback_calls, 0);
    GP_DECREF(callback);
}

static void test_weakref_plain_reference_is_shared(void **state)
{
    (void)state;
    gp_object_t *obj = new_referent();
    gp_object_t *a = gp_weakref_new(obj, NULL);
    gp_object_t *b = gp_weakref_new(obj, gp_None);
    assert_ptr_equal(a, b);
    GP_DECREF(a);
    GP_DECREF(b);
    GP_DECREF(obj);
}

static void test_weakref_refuses_list(void **state)
{
    (void)state;
    gp_object_t *list = gp_list_new(0);
    assert_null(gp_weakref_new(list, NULL));
    assert_true(gp_err_matches(&gp_exc_TypeError));
    gp_err_clear();
    assert_null(gp_weakref_new(GP_SMALL_NEW(5), NULL));
    gp_err_clear();
    GP_DECREF(list);
}

/* A class is always in a cycle (its MRO holds it), so only the collector
   frees it: the reference must be cleared and the callback run. */
static gp_object_t *new_class(void)
{
    gp_object_t *bases = gp_tuple_pack(1, (gp_object_t *)&gp_object_type);
    gp_object_t *cls = gp_type_new_simple_class("unit", "Doomed", bases);
    GP_DECREF(bases);
    return cls;
}

static void test_weakref_cleared_by_collector(void **state)
{
    (void)state;
    /* A first class warms the caches that creating a class fills (interned
       names and the like), so that the block count compares like with like. */
    GP_DECREF(new_class());
    gp_gc_collect();
    int64_t before = live_blocks();
    gp_object_t *callback = gp_cfunction_new(&record_def, NULL);
    gp_object_t *cls = new_class();
    assert_non_null(cls);
    gp_object_t *ref = gp_weakref_new(cls, callback);
    assert_non_null(ref);
    GP_DECREF(cls);
    assert_non_null(gp_weakref_referent(ref));
    assert_true(gp_gc_collect() > 0);
    assert_null(gp_weakref_referent(ref));
    assert_int_equal(callback_calls, 1);
    GP_DECREF(ref);
    GP_DECREF(callback);
    assert_int_equal(live_blocks(), before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_weakref_follows_referent, before_each),
        cmocka_unit_test_setup(test_weakref_dropped_first_never_calls_back, before_each),
        cmocka_unit_test_setup(test_weakref_plain_reference_is_shared, before_each),
        cmocka_unit_test_setup(test_weakref_refuses_list, before_each),
        cmocka_unit_test_setup(test_weakref_cleared_by_collector, before_each),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
