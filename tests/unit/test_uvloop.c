/*
 * test_uvloop.c - unit tests of the `_gpuv` module, the libuv core under
 * lib/asyncio: the timer heap, poll() with and without a deadline, post()
 * from the loop's own thread, and close(); and the C completion API of
 * mod/uvloop.h that other modules use to put libuv work on the loop.
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

#include "mod/uvloop.h"
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


/* A completion that records the order it ran in. */
typedef struct recorder {
    gp_uv_completion_t completion;
    int *log;
    int *log_len;
    int tag;
    bool had_gil_error; /* run() saw an exception already set */
} recorder_t;

static void recorder_run(gp_uv_completion_t *c)
{
    recorder_t *r = (recorder_t *)c;
    r->had_gil_error = gp_err_occurred();
    r->log[(*r->log_len)++] = r->tag;
}

/* A timer owned by "another module": its callback queues three completions. */
typedef struct foreign_timer {
    uv_timer_t timer;
    recorder_t recorders[3];
    bool closed;
} foreign_timer_t;

static void foreign_fire_cb(uv_timer_t *timer)
{
    foreign_timer_t *ft = timer->data;
    for (int i = 0; i < 3; i++)
        gp_uvloop_complete(timer->loop, &ft->recorders[i].completion);
}

static void foreign_close_cb(uv_handle_t *handle)
{
    ((foreign_timer_t *)handle->data)->closed = true;
}

static void foreign_init(foreign_timer_t *ft, uv_loop_t *uv, int *log, int *log_len)
{
    memset(ft, 0, sizeof *ft);
    for (int i = 0; i < 3; i++) {
        ft->recorders[i].completion.run = recorder_run;
        ft->recorders[i].log = log;
        ft->recorders[i].log_len = log_len;
        ft->recorders[i].tag = i + 1;
    }
    assert_int_equal(uv_timer_init(uv, &ft->timer), 0);
    ft->timer.data = ft;
}

static void test_uv_of_a_non_loop_is_a_type_error(void **state)
{
    assert_null(gp_uvloop_uv(gp_None));
    assert_true(gp_err_matches(&gp_exc_TypeError));
    gp_err_clear();
    uv_loop_t *uv = gp_uvloop_uv(*state);
    assert_non_null(uv);
    assert_ptr_equal(uv->data, *state);
}

static void test_completion_wakes_an_unbounded_poll_and_runs_in_order(void **state)
{
    gp_object_t *loop = *state;
    int log[8], log_len = 0;
    foreign_timer_t ft;
    foreign_init(&ft, gp_uvloop_uv(loop), log, &log_len);
    uv_timer_start(&ft.timer, foreign_fire_cb, 5, 0);
    /* No deadline: only the foreign timer's completions can end the wait. */
    gp_object_t *posted = call(loop, "poll", 1, (gp_object_t *const[]){gp_None});
    assert_non_null(posted);
    GP_DECREF(posted);
    assert_int_equal(log_len, 3);
    assert_int_equal(log[0], 1);
    assert_int_equal(log[1], 2);
    assert_int_equal(log[2], 3);
    assert_false(ft.recorders[0].had_gil_error);
    /* The owner closes its handle before the loop closes. */
    uv_close((uv_handle_t *)&ft.timer, foreign_close_cb);
    gp_object_t *r = call(loop, "close", 0, NULL);
    assert_non_null(r);
    GP_DECREF(r);
    assert_true(ft.closed);
}

static void test_close_runs_close_callbacks_of_closed_foreign_handles(void **state)
{
    gp_object_t *loop = *state;
    int log[8], log_len = 0;
    foreign_timer_t ft;
    foreign_init(&ft, gp_uvloop_uv(loop), log, &log_len);
    uv_timer_start(&ft.timer, foreign_fire_cb, 100000, 0);
    uv_close((uv_handle_t *)&ft.timer, foreign_close_cb);
    assert_false(ft.closed);
    gp_object_t *r = call(loop, "close", 0, NULL);
    assert_non_null(r);
    GP_DECREF(r);
    assert_true(ft.closed);
    assert_int_equal(log_len, 0);
    assert_null(gp_uvloop_uv(loop));
    assert_true(gp_err_matches(&gp_exc_RuntimeError));
    gp_err_clear();
}

static void test_completion_queued_in_a_poll_zero_runs_before_it_returns(void **state)
{
    gp_object_t *loop = *state;
    int log[8], log_len = 0;
    foreign_timer_t ft;
    foreign_init(&ft, gp_uvloop_uv(loop), log, &log_len);
    uv_timer_start(&ft.timer, foreign_fire_cb, 0, 0);
    gp_object_t *zero = GP_SMALL_NEW(0);
    for (int i = 0; i < 100 && log_len == 0; i++) {
        gp_object_t *posted = call(loop, "poll", 1, &zero);
        assert_non_null(posted);
        GP_DECREF(posted);
    }
    assert_int_equal(log_len, 3);
    uv_close((uv_handle_t *)&ft.timer, foreign_close_cb);
    gp_object_t *r = call(loop, "close", 0, NULL); /* before [ft] goes out of scope */
    assert_non_null(r);
    GP_DECREF(r);
    assert_true(ft.closed);
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
        cmocka_unit_test_setup_teardown(test_uv_of_a_non_loop_is_a_type_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_completion_wakes_an_unbounded_poll_and_runs_in_order,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_close_runs_close_callbacks_of_closed_foreign_handles,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_completion_queued_in_a_poll_zero_runs_before_it_returns, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
