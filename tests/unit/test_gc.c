/*
 * test_gc.c - unit tests of the cycle collector and the trashcan.
 *
 * The counts returned by gp_gc_collect() are those CPython 3.11's
 * gc.collect() returns for the same object graphs (a two-list cycle is 2).
 * Memory is checked with the allocation hook's live-block counter: after a
 * collection, every block the test allocated must be gone. live_blocks()
 * first empties the tuple and float free lists, whose recycled blocks are
 * a cache, not a leak.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "obj/containers.h"
#include "obj/int.h"
#include "runtime/gc.h"
#include "runtime/mem.h"
#include "runtime/runtime.h"

static gp_runtime_t *runtime;

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

/* Each test starts from a clean slate: earlier garbage is collected. */
static int before_each(void **state)
{
    (void)state;
    gp_gc_collect();
    gp_gc_enable();
    return 0;
}

static void test_gc_two_list_cycle(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    gp_object_t *a = gp_list_new(0), *b = gp_list_new(0);
    gp_list_append(a, b);
    gp_list_append(b, a);
    GP_DECREF(a);
    GP_DECREF(b);
    assert_int_equal(gp_gc_collect(), 2);
    assert_int_equal(live_blocks(), before);
}

static void test_gc_self_referencing_dict(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    gp_object_t *d = gp_dict_new();
    gp_object_t *key = gp_str_from_cstr("self");
    gp_dict_setitem(d, key, d);
    GP_DECREF(key);
    assert_true(gp_gc_is_tracked(d));
    GP_DECREF(d);
    assert_int_equal(gp_gc_collect(), 1);
    assert_int_equal(live_blocks(), before);
}

static void test_gc_reachable_cycle_survives(void **state)
{
    (void)state;
    gp_object_t *a = gp_list_new(0), *b = gp_list_new(0);
    gp_list_append(a, b);
    gp_list_append(b, a);
    GP_DECREF(b);
    /* [a] is still held here, so neither list is garbage. */
    assert_int_equal(gp_gc_collect(), 0);
    assert_int_equal(GP_LIST_SIZE(a), 1);
    assert_int_equal(GP_LIST_SIZE(GP_LIST_GET(a, 0)), 1);
    GP_DECREF(a);
    assert_int_equal(gp_gc_collect(), 2);
}

static void test_gc_cycle_through_tuple_and_set_iterator(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    /* list -> tuple -> list, plus a dict view and an iterator on the side. */
    gp_object_t *list = gp_list_new(0);
    gp_object_t *t = gp_tuple_pack(2, GP_SMALL_NEW(1), list);
    gp_list_append(list, t);
    gp_object_t *it = gp_object_iter(list);
    gp_list_append(list, it);
    GP_DECREF(it);
    GP_DECREF(t);
    GP_DECREF(list);
    assert_int_equal(gp_gc_collect(), 3);
    assert_int_equal(live_blocks(), before);
}

static void test_gc_tracking_rules(void **state)
{
    (void)state;
    gp_object_t *d = gp_dict_new();
    assert_false(gp_gc_is_tracked(d));
    gp_dict_setitem(d, GP_SMALL_NEW(1), GP_SMALL_NEW(2));
    assert_false(gp_gc_is_tracked(d));
    gp_object_t *list = gp_list_new(0);
    assert_true(gp_gc_is_tracked(list));
    gp_dict_setitem(d, GP_SMALL_NEW(2), list);
    assert_true(gp_gc_is_tracked(d));
    assert_false(gp_gc_is_tracked(GP_SMALL_NEW(5)));
    assert_false(gp_gc_is_tracked(gp_empty_tuple));
    assert_false(gp_gc_is_tracked((gp_object_t *)&gp_list_type));
    GP_DECREF(list);
    GP_DECREF(d);
}

static void test_gc_automatic_collection(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    intptr_t old_threshold = gp_gc_get_threshold();
    gp_gc_set_threshold(50);
    for (int i = 0; i < 2000; i++) {
        gp_object_t *a = gp_list_new(0);
        gp_list_append(a, a);
        GP_DECREF(a);
    }
    /* Without automatic collection 2000 lists would still be alive. */
    assert_true(live_blocks() - before < 200);
    gp_gc_set_threshold(old_threshold);
    gp_gc_collect();
    assert_int_equal(live_blocks(), before);
}

static void test_gc_disable_stops_automatic_collection(void **state)
{
    (void)state;
    gp_gc_disable();
    assert_false(gp_gc_is_enabled());
    int64_t before = live_blocks();
    for (int i = 0; i < 1000; i++) {
        gp_object_t *a = gp_list_new(0);
        gp_list_append(a, a);
        GP_DECREF(a);
    }
    assert_true(live_blocks() - before >= 1000);
    assert_int_equal(gp_gc_collect(), 1000);
    gp_gc_enable();
    assert_int_equal(live_blocks(), before);
}

static void test_gc_trashcan_deep_nesting(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    gp_object_t *outer = gp_list_new(0);
    for (int i = 0; i < 300000; i++) {
        gp_object_t *next = gp_list_new(0);
        gp_list_append(next, outer);
        GP_DECREF(outer);
        outer = next;
    }
    /* One DECREF releases 300,000 nested lists without a deep C recursion. */
    GP_DECREF(outer);
    assert_int_equal(live_blocks(), before);
}

static void test_gc_trashcan_mixed_containers(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    gp_object_t *outer = gp_dict_new();
    for (int i = 0; i < 100000; i++) {
        gp_object_t *t = gp_tuple_pack(1, outer);
        GP_DECREF(outer);
        gp_object_t *d = gp_dict_new();
        gp_dict_setitem(d, GP_SMALL_NEW(0), t);
        GP_DECREF(t);
        outer = d;
    }
    GP_DECREF(outer);
    assert_int_equal(live_blocks(), before);
}

static void test_gc_get_objects_lists_tracked(void **state)
{
    (void)state;
    gp_object_t *mine = gp_list_new(0);
    gp_object_t *all = gp_gc_get_objects();
    assert_non_null(all);
    bool found = false;
    for (intptr_t i = 0; i < GP_LIST_SIZE(all); i++)
        found |= GP_LIST_GET(all, i) == mine;
    assert_true(found);
    GP_DECREF(all);
    GP_DECREF(mine);
}

/* True if [o] is among the objects of [generation]. */
static bool in_generation(gp_object_t *o, int generation)
{
    gp_object_t *objects = gp_gc_get_generation_objects(generation);
    bool found = false;
    for (intptr_t i = 0; i < GP_LIST_SIZE(objects); i++)
        found |= GP_LIST_GET(objects, i) == o;
    GP_DECREF(objects);
    return found;
}

static void test_gc_survivor_moves_to_older_generation(void **state)
{
    (void)state;
    gp_object_t *mine = gp_list_new(0);
    assert_true(in_generation(mine, 0));
    assert_int_equal(gp_gc_collect_generation(0), 0);
    assert_false(in_generation(mine, 0));
    assert_true(in_generation(mine, 1));
    assert_int_equal(gp_gc_collect_generation(1), 0);
    assert_true(in_generation(mine, 2));
    GP_DECREF(mine);
}

static void test_gc_young_collection_counts_older_one(void **state)
{
    (void)state;
    intptr_t before = gp_gc_get_generation_count(1);
    gp_gc_collect_generation(0);
    assert_int_equal(gp_gc_get_generation_count(0), 0);
    assert_int_equal(gp_gc_get_generation_count(1), before + 1);
}

static void test_gc_young_collection_spares_old_cycle(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    gp_object_t *a = gp_list_new(0);
    gp_list_append(a, a);
    gp_gc_collect_generation(1); /* [a] is now in the oldest generation */
    GP_DECREF(a);
    assert_int_equal(gp_gc_collect_generation(0), 0);
    assert_int_equal(gp_gc_collect(), 1);
    assert_int_equal(live_blocks(), before);
}

static void test_gc_old_object_keeps_young_one_alive(void **state)
{
    (void)state;
    int64_t before = live_blocks();
    gp_object_t *old = gp_list_new(0);
    gp_gc_collect_generation(1);
    gp_object_t *young = gp_list_new(0);
    gp_list_append(young, young);
    gp_list_append(old, young);
    GP_DECREF(young);
    assert_int_equal(gp_gc_collect_generation(0), 0);
    assert_int_equal(GP_LIST_SIZE(young), 1);
    GP_DECREF(old);
    assert_int_equal(gp_gc_collect(), 1);
    assert_int_equal(live_blocks(), before);
}

static void test_gc_tuple_free_list_reuses_block(void **state)
{
    (void)state;
    gp_object_t *t = gp_tuple_pack(2, gp_None, gp_None);
    GP_DECREF(t);
    uint64_t allocations = gp_mem_allocated_count();
    gp_object_t *u = gp_tuple_pack(2, gp_True, gp_None);
    assert_int_equal(gp_mem_allocated_count(), allocations);
    assert_ptr_equal(GP_TUPLE_GET(u, 0), gp_True);
    assert_true(gp_gc_is_tracked(u));
    GP_DECREF(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_gc_two_list_cycle, before_each),
        cmocka_unit_test_setup(test_gc_self_referencing_dict, before_each),
        cmocka_unit_test_setup(test_gc_reachable_cycle_survives, before_each),
        cmocka_unit_test_setup(test_gc_cycle_through_tuple_and_set_iterator, before_each),
        cmocka_unit_test_setup(test_gc_tracking_rules, before_each),
        cmocka_unit_test_setup(test_gc_automatic_collection, before_each),
        cmocka_unit_test_setup(test_gc_disable_stops_automatic_collection, before_each),
        cmocka_unit_test_setup(test_gc_trashcan_deep_nesting, before_each),
        cmocka_unit_test_setup(test_gc_trashcan_mixed_containers, before_each),
        cmocka_unit_test_setup(test_gc_get_objects_lists_tracked, before_each),
        cmocka_unit_test_setup(test_gc_survivor_moves_to_older_generation, before_each),
        cmocka_unit_test_setup(test_gc_young_collection_counts_older_one, before_each),
        cmocka_unit_test_setup(test_gc_young_collection_spares_old_cycle, before_each),
        cmocka_unit_test_setup(test_gc_old_object_keeps_young_one_alive, before_each),
        cmocka_unit_test_setup(test_gc_tuple_free_list_reuses_block, before_each),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
