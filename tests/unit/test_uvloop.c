/*
 * test_uvloop.c - unit tests of the `_gpuv` module, the libuv core under
 * lib/asyncio: the timer heap, poll() with and without a deadline, post()
 * from the loop's own thread, and close().
 *
 * Each test builds a Loop through the module (as `import _gpuv` does) and
 * calls its methods through the object protocol.
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
    if (!runtime)
        runtime = gp_runtime_new(0, NULL);
    if (!runtime)
        return -1;
    gp_object_t *module = gp_gpuv_module_create();
    if (!module)
        return -1;
    gp_object_t *loop_type = gp_object_getattr_cstr(module, "Loop");
    GP_DECREF(module);
    if (!loop_type)
        return -1;
    gp_object_t *loop = gp_object_call(loop_type, NULL, 0, NULL);
    GP_DECREF(loop_type);
    *state = loop;
    return loop ? 0 : -1;
}

static int teardown(void **state)
{
    GP_XDECREF((gp_object_t *)*state);
    return 0;
}

/* loop.<name>(*args): a new reference, or NULL with an exception set. */
static gp_object_t *call(gp_object_t *loop, const char *name, size_t n, gp_object_t *const *args)
{
    return gp_object_call_method(loop, name, args, n);
}

static double call_double(gp_object_t *loop, const char *name)
{
    gp_object_t *r = call(loop, name, 0, NULL);
    assert_non_null(r);
    double v = gp_float_as_double(r);
    GP_DECREF(r);
    return v;
}

static void push(gp_object_t *loop, double when, int64_t tag)
{
    gp_object_t *w = gp_float_new(when);
    gp_object_t *args[2] = {w, gp_int_from_i64(tag)};
    gp_object_t *r = call(loop, "timer_push", 2, args);
    assert_non_null(r);
    GP_DECREF(r);
    GP_DECREF(w);
}

static void test_time_is_monotonic(void **state)
{
    gp_object_t *loop = *state;
    double a = call_double(loop, "time");
    double b = call_double(loop, "time");
    assert_true(a > 0);
    assert_true(b >= a);
}

static void test_timer_heap_orders_by_deadline_then_sequence(void **state)
{
    gp_object_t *loop = *state;
    push(loop, 3.0, 30);
    push(loop, 1.0, 10);
    push(loop, 2.0, 20);
    push(loop, 1.0, 11);
    assert_int_equal(gp_object_len(loop), 4);
    assert_true(call_double(loop, "timer_next") == 1.0);
    gp_object_t *end = gp_float_new(2.0);
    gp_object_t *due = call(loop, "timer_pop_due", 1, &end);
    GP_DECREF(end);
    assert_non_null(due);
    assert_int_equal(GP_LIST_SIZE(due), 3);
    assert_int_equal(GP_SMALL_VALUE(GP_LIST_GET(due, 0)), 10);
    assert_int_equal(GP_SMALL_VALUE(GP_LIST_GET(due, 1)), 11);
    assert_int_equal(GP_SMALL_VALUE(GP_LIST_GET(due, 2)), 20);
    GP_DECREF(due);
    assert_int_equal(gp_object_len(loop), 1);
}

static void test_timer_next_is_none_when_empty(void **state)
{
    gp_object_t *r = call(*state, "timer_next", 0, NULL);
    assert_ptr_equal(r, gp_None);
    GP_DECREF(r);
}

static void test_timer_push_rejects_non_numbers(void **state)
{
    gp_object_t *args[2] = {gp_None, gp_None};
    assert_null(call(*state, "timer_push", 2, args));
    assert_true(gp_err_matches(&gp_exc_TypeError));
    gp_err_clear();
}

static void test_poll_zero_returns_at_once(void **state)
{
    gp_object_t *loop = *state;
    double before = call_double(loop, "time");
    gp_object_t *zero = GP_SMALL_NEW(0);
    gp_object_t *posted = call(loop, "poll", 1, &zero);
    assert_non_null(posted);
    assert_int_equal(GP_LIST_SIZE(posted), 0);
    GP_DECREF(posted);
    assert_true(call_double(loop, "time") - before < 0.05);
}

static void test_poll_waits_for_sub_millisecond_timeout(void **state)
{
    gp_object_t *loop = *state;
    double before = call_double(loop, "time");
    gp_object_t *timeout = gp_float_new(0.0025);
    gp_object_t *posted = call(loop, "poll", 1, &timeout);
    GP_DECREF(timeout);
    assert_non_null(posted);
    GP_DECREF(posted);
    double waited = call_double(loop, "time") - before;
    assert_true(waited >= 0.0025);
    assert_true(waited < 0.5);
}

static void test_post_wakes_an_unbounded_poll(void **state)
{
    gp_object_t *loop = *state;
    gp_object_t *item = gp_int_from_i64(7);
    gp_object_t *r = call(loop, "post", 1, &item);
    assert_non_null(r);
    GP_DECREF(r);
    gp_object_t *posted = call(loop, "poll", 1, (gp_object_t *const[]){gp_None});
    assert_non_null(posted);
    assert_int_equal(GP_LIST_SIZE(posted), 1);
    assert_int_equal(GP_SMALL_VALUE(GP_LIST_GET(posted, 0)), 7);
    GP_DECREF(posted);
}

static void test_closed_loop_refuses_poll_and_post(void **state)
{
    gp_object_t *loop = *state;
    push(loop, 1.0, 1);
    gp_object_t *r = call(loop, "close", 0, NULL);
    assert_non_null(r);
    GP_DECREF(r);
    assert_int_equal(gp_object_len(loop), 0);
    gp_object_t *zero = GP_SMALL_NEW(0);
    assert_null(call(loop, "poll", 1, &zero));
    assert_true(gp_err_matches(&gp_exc_RuntimeError));
    gp_err_clear();
    assert_null(call(loop, "post", 1, &zero));
    gp_err_clear();
    r = call(loop, "close", 0, NULL); /* closing twice is harmless */
    assert_non_null(r);
    GP_DECREF(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_time_is_monotonic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timer_heap_orders_by_deadline_then_sequence, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_timer_next_is_none_when_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timer_push_rejects_non_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_poll_zero_returns_at_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_poll_waits_for_sub_millisecond_timeout, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_post_wakes_an_unbounded_poll, setup, teardown),
        cmocka_unit_test_setup_teardown(test_closed_loop_refuses_poll_and_post, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
