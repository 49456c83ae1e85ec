/*
 * test_trace.c - the GIL's trace hook, driven by plain pthreads.
 *
 * The tracer (runtime/trace.c) relies on three promises of gil.c: every
 * event arrives on the thread it is about, a release is reported before the
 * acquire that follows it, and a release carries its wait kind. These tests
 * record the hook's calls in order and check exactly that; none of them
 * measures time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/gil.h"

enum { DROP_BIT = 1u << 1, LOG_MAX = 20000 };

typedef struct trace_entry {
    gp_gil_event_t event;
    const void *thread;
    int detail;
    uint64_t now_ns;
    pthread_t caller;
} trace_entry_t;

typedef struct fixture {
    gp_gil_t gil;
    _Atomic uint32_t breaker;
    trace_entry_t log[LOG_MAX];
    int count; /* written under the GIL's mutex: the hook runs inside it */
} fixture_t;

static void record_cb(gp_gil_event_t event, const void *thread, int detail, uint64_t now_ns,
                      void *arg)
{
    fixture_t *f = arg;
    if (f->count < LOG_MAX)
        f->log[f->count++] = (trace_entry_t){event, thread, detail, now_ns, pthread_self()};
}

static int setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(gp_gil_init(&f->gil, &f->breaker, DROP_BIT), 0);
    gp_gil_set_trace(&f->gil, record_cb, f);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    gp_gil_destroy(&f->gil);
    free(f);
    return 0;
}

static void test_trace_release_carries_wait_kind(void **state)
{
    fixture_t *f = *state;
    int me = 0;
    gp_gil_acquire(&f->gil, &me, false);
    gp_gil_release_detail(&f->gil, &me, 7);
    gp_gil_acquire(&f->gil, &me, true);
    gp_gil_release(&f->gil, &me);
    assert_int_equal(f->count, 6);
    gp_gil_event_t expected[] = {GP_GIL_EVENT_REQUEST, GP_GIL_EVENT_ACQUIRE, GP_GIL_EVENT_RELEASE,
                                 GP_GIL_EVENT_REQUEST, GP_GIL_EVENT_ACQUIRE, GP_GIL_EVENT_RELEASE};
    for (int i = 0; i < 6; i++) {
        assert_int_equal(f->log[i].event, expected[i]);
        assert_ptr_equal(f->log[i].thread, &me);
    }
    assert_int_equal(f->log[2].detail, 7);
    assert_int_equal(f->log[5].detail, 0);
}

static void test_trace_off_after_unhook(void **state)
{
    fixture_t *f = *state;
    int me = 0;
    gp_gil_set_trace(&f->gil, NULL, NULL);
    assert_false(gp_gil_tracing(&f->gil));
    gp_gil_acquire(&f->gil, &me, false);
    gp_gil_release(&f->gil, &me);
    assert_int_equal(f->count, 0);
}

/* Threads that hammer the lock, yielding when asked, like the eval loop. */
typedef struct worker {
    fixture_t *f;
    int rounds;
} worker_t;

static void *worker_main(void *arg)
{
    worker_t *w = arg;
    for (int i = 0; i < w->rounds; i++) {
        gp_gil_acquire(&w->f->gil, w, i % 5 == 0);
        for (int spin = 0; spin < 200; spin++) {
            if (gp_gil_drop_requested(&w->f->gil))
                gp_gil_yield(&w->f->gil, w);
        }
        gp_gil_release_detail(&w->f->gil, w, i % 3);
    }
    return NULL;
}

static void test_trace_events_are_ordered_across_threads(void **state)
{
    fixture_t *f = *state;
    enum { N = 3 };
    worker_t workers[N];
    pthread_t threads[N];
    gp_gil_set_interval(&f->gil, 0.00005);
    for (int i = 0; i < N; i++) {
        workers[i] = (worker_t){f, 500};
        pthread_create(&threads[i], NULL, worker_main, &workers[i]);
    }
    for (int i = 0; i < N; i++)
        pthread_join(threads[i], NULL);
    gp_gil_set_trace(&f->gil, NULL, NULL);
    assert_true(f->count < LOG_MAX);

    /* Replaying the log: one holder at a time, releases before acquires,
       timestamps never going back, every event on its own thread. */
    const void *holder = NULL;
    uint64_t last = 0;
    int acquires = 0, yields = 0;
    pthread_t owner[N];
    bool seen[N] = {false};
    for (int i = 0; i < f->count; i++) {
        trace_entry_t *e = &f->log[i];
        int k = (int)((const worker_t *)e->thread - workers);
        assert_true(k >= 0 && k < N);
        if (!seen[k]) {
            owner[k] = e->caller;
            seen[k] = true;
        }
        assert_true(pthread_equal(owner[k], e->caller));
        assert_true(e->now_ns >= last);
        last = e->now_ns;
        switch (e->event) {
        case GP_GIL_EVENT_ACQUIRE:
            assert_null(holder);
            holder = e->thread;
            acquires++;
            break;
        case GP_GIL_EVENT_RELEASE:
        case GP_GIL_EVENT_YIELD:
            assert_ptr_equal(holder, e->thread);
            holder = NULL;
            yields += e->event == GP_GIL_EVENT_YIELD;
            break;
        default:
            break;
        }
    }
    assert_null(holder);
    assert_true(acquires >= N * 500);
    /* Each yield is a forced switch; every one comes with a re-acquire. */
    assert_int_equal(acquires, N * 500 + yields);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_trace_release_carries_wait_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trace_off_after_unhook, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trace_events_are_ordered_across_threads, setup,
                                        teardown),
    };
    return cmocka_run_group_tests_name("trace", tests, NULL, NULL);
}
