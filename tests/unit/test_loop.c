/*
 * test_loop.c - the service loop (libuv on its own thread) alone.
 *
 * Assertions are about outcomes, orderings and counters, never durations.
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
#include <time.h>

#include "runtime/loop.h"

static void pause_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static void test_loop_sleep_completes(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    assert_non_null(loop);
    assert_int_equal(gp_service_loop_sleep(loop, 2000000, NULL), GP_WAIT_DONE);
    gp_service_loop_stats_t stats;
    gp_service_loop_get_stats(loop, &stats);
    assert_int_equal(stats.submitted, 1);
    assert_int_equal(stats.fired, 1);
    gp_service_loop_stop(loop);
}

typedef struct sleeper {
    gp_service_loop_t *loop;
    uint64_t ns;
    gp_wait_status_t status;
    _Atomic int *interrupted;
    char tag;
    pthread_mutex_t *log_mutex;
    char *log;
} sleeper_t;

static void *sleeper_main(void *arg)
{
    sleeper_t *s = arg;
    s->status = gp_service_loop_sleep(s->loop, s->ns, s->interrupted);
    if (s->log) {
        pthread_mutex_lock(s->log_mutex);
        size_t n = strlen(s->log);
        s->log[n] = s->tag;
        s->log[n + 1] = '\0';
        pthread_mutex_unlock(s->log_mutex);
    }
    return NULL;
}

static void test_loop_many_threads_all_complete(void **state)
{
    (void)state;
    enum { N = 64 };
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    sleeper_t sleepers[N];
    pthread_t threads[N];
    for (int i = 0; i < N; i++) {
        sleepers[i] = (sleeper_t){.loop = loop, .ns = 20000000};
        pthread_create(&threads[i], NULL, sleeper_main, &sleepers[i]);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(threads[i], NULL);
        assert_int_equal(sleepers[i].status, GP_WAIT_DONE);
    }
    gp_service_loop_stats_t stats;
    gp_service_loop_get_stats(loop, &stats);
    assert_int_equal(stats.fired, N);
    /* Wakeups coalesce: never more than one per submission. */
    assert_true(stats.wakeups <= stats.submitted);
    gp_service_loop_stop(loop);
}

static void test_loop_shorter_wait_finishes_first(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    pthread_mutex_t log_mutex = PTHREAD_MUTEX_INITIALIZER;
    char log[8] = "";
    sleeper_t slow = {.loop = loop, .ns = 150000000, .tag = 'S', .log_mutex = &log_mutex,
                      .log = log};
    sleeper_t fast = {.loop = loop, .ns = 1000000, .tag = 'F', .log_mutex = &log_mutex,
                      .log = log};
    pthread_t ts, tf;
    pthread_create(&ts, NULL, sleeper_main, &slow);
    pthread_create(&tf, NULL, sleeper_main, &fast);
    pthread_join(ts, NULL);
    pthread_join(tf, NULL);
    assert_string_equal(log, "FS");
    gp_service_loop_stop(loop);
}

static void test_loop_interrupt_cancels_the_timer(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    _Atomic int flag = 0;
    sleeper_t s = {.loop = loop, .ns = 30ull * 1000000000ull, .interrupted = &flag};
    pthread_t t;
    pthread_create(&t, NULL, sleeper_main, &s);
    pause_ms(5);
    atomic_store(&flag, 1);
    pthread_join(t, NULL);
    assert_int_equal(s.status, GP_WAIT_INTERRUPTED);
    /* The loop thread stops the timer after the waiter has gone. */
    gp_service_loop_stats_t stats;
    for (int i = 0; i < 5000; i++) {
        gp_service_loop_get_stats(loop, &stats);
        if (stats.cancelled == 1)
            break;
        pause_ms(1);
    }
    assert_int_equal(stats.cancelled, 1);
    assert_int_equal(stats.fired, 0);
    gp_service_loop_stop(loop);
}

static void test_loop_interrupt_before_waiting(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    _Atomic int flag = 1;
    assert_int_equal(gp_service_loop_sleep(loop, 30ull * 1000000000ull, &flag),
                     GP_WAIT_INTERRUPTED);
    gp_service_loop_stop(loop);
}

static void test_loop_stop_releases_waiters(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    sleeper_t s = {.loop = loop, .ns = 30ull * 1000000000ull};
    pthread_t t;
    pthread_create(&t, NULL, sleeper_main, &s);
    /* Wait until the request reached the loop. */
    gp_service_loop_stats_t stats;
    for (int i = 0; i < 5000; i++) {
        gp_service_loop_get_stats(loop, &stats);
        if (stats.wakeups >= 1)
            break;
        pause_ms(1);
    }
    gp_service_loop_stop(loop);
    pthread_join(t, NULL);
    assert_int_equal(s.status, GP_WAIT_FAILED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loop_sleep_completes),
        cmocka_unit_test(test_loop_many_threads_all_complete),
        cmocka_unit_test(test_loop_shorter_wait_finishes_first),
        cmocka_unit_test(test_loop_interrupt_cancels_the_timer),
        cmocka_unit_test(test_loop_interrupt_before_waiting),
        cmocka_unit_test(test_loop_stop_releases_waiters),
    };
    return cmocka_run_group_tests_name("service loop", tests, NULL, NULL);
}
