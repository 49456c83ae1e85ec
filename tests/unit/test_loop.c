/*
 * test_loop.c - the service loop (libuv on its own thread) alone.
 *
 * Assertions are about outcomes, orderings and counters, never durations.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>

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

/* ------------------------------------------------------------------ */
/* gp_service_loop_call                                                 */
/* ------------------------------------------------------------------ */

typedef struct call_log {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    char order[64];
    int count, null_count;
    pthread_t threads[64];
} call_log_t;

typedef struct call_arg {
    call_log_t *log;
    char tag;
} call_arg_t;

static void record_call_cb(uv_loop_t *uv, void *arg)
{
    call_arg_t *c = arg;
    pthread_mutex_lock(&c->log->mutex);
    int n = c->log->count++;
    c->log->order[n] = uv ? c->tag : '-';
    c->log->order[n + 1] = '\0';
    c->log->threads[n] = pthread_self();
    if (!uv)
        c->log->null_count++;
    pthread_cond_broadcast(&c->log->cond);
    pthread_mutex_unlock(&c->log->mutex);
}

static void call_log_init(call_log_t *log)
{
    memset(log, 0, sizeof *log);
    pthread_mutex_init(&log->mutex, NULL);
    pthread_cond_init(&log->cond, NULL);
}

static void call_log_wait(call_log_t *log, int count)
{
    pthread_mutex_lock(&log->mutex);
    while (log->count < count)
        pthread_cond_wait(&log->cond, &log->mutex);
    pthread_mutex_unlock(&log->mutex);
}

static void test_loop_calls_run_in_order_on_the_loop_thread(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    call_log_t log;
    call_log_init(&log);
    call_arg_t args[10];
    for (int i = 0; i < 10; i++) {
        args[i] = (call_arg_t){&log, (char)('a' + i)};
        assert_int_equal(gp_service_loop_call(loop, record_call_cb, &args[i]), 0);
    }
    call_log_wait(&log, 10);
    assert_string_equal(log.order, "abcdefghij");
    for (int i = 0; i < 10; i++) {
        assert_false(pthread_equal(log.threads[i], pthread_self()));
        assert_true(pthread_equal(log.threads[i], log.threads[0]));
    }
    gp_service_loop_stats_t stats;
    gp_service_loop_get_stats(loop, &stats);
    assert_int_equal(stats.calls, 10);
    gp_service_loop_stop(loop);
}

/* A call that holds the loop thread until the test lets it go. */
typedef struct gate {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    bool entered, open;
} gate_t;

static void gate_call_cb(uv_loop_t *uv, void *arg)
{
    (void)uv;
    gate_t *g = arg;
    pthread_mutex_lock(&g->mutex);
    g->entered = true;
    pthread_cond_broadcast(&g->cond);
    while (!g->open)
        pthread_cond_wait(&g->cond, &g->mutex);
    pthread_mutex_unlock(&g->mutex);
}

static void *stopper_main(void *arg)
{
    gp_service_loop_stop(arg);
    return NULL;
}

static void test_loop_calls_see_null_when_stopping(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    gate_t gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, false};
    assert_int_equal(gp_service_loop_call(loop, gate_call_cb, &gate), 0);
    pthread_mutex_lock(&gate.mutex);
    while (!gate.entered)
        pthread_cond_wait(&gate.cond, &gate.mutex);
    pthread_mutex_unlock(&gate.mutex);

    /* Queued while the loop thread is busy: it runs during the stop. */
    call_log_t log;
    call_log_init(&log);
    call_arg_t queued = {&log, 'q'};
    assert_int_equal(gp_service_loop_call(loop, record_call_cb, &queued), 0);

    pthread_t stopper;
    pthread_create(&stopper, NULL, stopper_main, loop);
    /* Probe until a call is refused inline: the stop has begun. */
    call_log_t probe_log;
    call_log_init(&probe_log);
    call_arg_t probe = {&probe_log, 'p'};
    for (;;) {
        int before = probe_log.null_count;
        assert_int_equal(gp_service_loop_call(loop, record_call_cb, &probe), 0);
        pthread_mutex_lock(&probe_log.mutex);
        bool inline_null = probe_log.null_count > before &&
                           pthread_equal(probe_log.threads[probe_log.count - 1], pthread_self());
        pthread_mutex_unlock(&probe_log.mutex);
        if (inline_null)
            break;
        pause_ms(1);
    }
    pthread_mutex_lock(&gate.mutex);
    gate.open = true;
    pthread_cond_broadcast(&gate.cond);
    pthread_mutex_unlock(&gate.mutex);
    pthread_join(stopper, NULL);

    assert_string_equal(log.order, "-");
    assert_int_equal(log.null_count, 1);
    /* Every probe ran once, all with NULL. */
    assert_int_equal(probe_log.null_count, probe_log.count);
}

static int stop_hook_runs;
static void stop_hook_cb(uv_loop_t *uv, void *arg)
{
    (void)arg;
    if (uv)
        stop_hook_runs++;
}

static void test_loop_stop_hooks_run_with_the_loop(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    stop_hook_runs = 0;
    assert_int_equal(gp_service_loop_at_stop(loop, stop_hook_cb, NULL), 0);
    assert_int_equal(gp_service_loop_at_stop(loop, stop_hook_cb, NULL), 0);
    gp_service_loop_stop(loop);
    assert_int_equal(stop_hook_runs, 2);
}

/* ------------------------------------------------------------------ */
/* gp_service_loop_wait_fd                                              */
/* ------------------------------------------------------------------ */

typedef struct fd_waiter {
    gp_service_loop_t *loop;
    int fd, events;
    int64_t timeout_ns;
    _Atomic int *interrupted;
    gp_wait_status_t status;
    int error;
} fd_waiter_t;

static void *fd_waiter_main(void *arg)
{
    fd_waiter_t *w = arg;
    w->status = gp_service_loop_wait_fd(w->loop, w->fd, w->events, w->timeout_ns, w->interrupted,
                                        &w->error);
    return NULL;
}

/* Waits until the loop has taken [n] submissions. */
static void wait_submitted(gp_service_loop_t *loop, uint64_t n)
{
    gp_service_loop_stats_t stats;
    for (int i = 0; i < 5000; i++) {
        gp_service_loop_get_stats(loop, &stats);
        if (stats.submitted >= n && stats.wakeups >= 1)
            break;
        pause_ms(1);
    }
    pause_ms(5);
}

static void test_loop_wait_fd_wakes_on_data(void **state)
{
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    fd_waiter_t w = {.loop = loop, .fd = sv[0], .events = GP_LOOP_READABLE, .timeout_ns = -1};
    pthread_t t;
    pthread_create(&t, NULL, fd_waiter_main, &w);
    wait_submitted(loop, 1);
    assert_int_equal(write(sv[1], "x", 1), 1);
    pthread_join(t, NULL);
    assert_int_equal(w.status, GP_WAIT_DONE);
    gp_service_loop_stats_t stats;
    gp_service_loop_get_stats(loop, &stats);
    assert_int_equal(stats.fd_ready, 1);
    gp_service_loop_stop(loop);
    close(sv[0]);
    close(sv[1]);
}

static void test_loop_wait_fd_reader_and_writer_share_an_fd(void **state)
{
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    fd_waiter_t reader = {.loop = loop, .fd = sv[0], .events = GP_LOOP_READABLE,
                          .timeout_ns = -1};
    pthread_t tr;
    pthread_create(&tr, NULL, fd_waiter_main, &reader);
    wait_submitted(loop, 1);
    /* The fd is writable at once while the reader keeps waiting. */
    assert_int_equal(gp_service_loop_wait_fd(loop, sv[0], GP_LOOP_WRITABLE, -1, NULL, NULL),
                     GP_WAIT_DONE);
    assert_int_equal(write(sv[1], "x", 1), 1);
    pthread_join(tr, NULL);
    assert_int_equal(reader.status, GP_WAIT_DONE);
    gp_service_loop_stop(loop);
    close(sv[0]);
    close(sv[1]);
}

static void test_loop_wait_fd_times_out(void **state)
{
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    assert_int_equal(gp_service_loop_wait_fd(loop, sv[0], GP_LOOP_READABLE, 10000000, NULL, NULL),
                     GP_WAIT_TIMEOUT);
    /* The loop forgets the request after the waiter left; a new wait works. */
    gp_service_loop_stats_t stats;
    for (int i = 0; i < 5000; i++) {
        gp_service_loop_get_stats(loop, &stats);
        if (stats.cancelled == 1)
            break;
        pause_ms(1);
    }
    assert_int_equal(stats.cancelled, 1);
    assert_int_equal(write(sv[1], "x", 1), 1);
    assert_int_equal(gp_service_loop_wait_fd(loop, sv[0], GP_LOOP_READABLE, -1, NULL, NULL),
                     GP_WAIT_DONE);
    gp_service_loop_stop(loop);
    close(sv[0]);
    close(sv[1]);
}

static void test_loop_wait_fd_interrupt_and_stop(void **state)
{
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    _Atomic int flag = 0;
    fd_waiter_t interrupted = {.loop = loop, .fd = sv[0], .events = GP_LOOP_READABLE,
                               .timeout_ns = -1, .interrupted = &flag};
    fd_waiter_t stopped = {.loop = loop, .fd = sv[0], .events = GP_LOOP_READABLE,
                           .timeout_ns = -1};
    pthread_t ti, ts;
    pthread_create(&ti, NULL, fd_waiter_main, &interrupted);
    pthread_create(&ts, NULL, fd_waiter_main, &stopped);
    wait_submitted(loop, 2);
    atomic_store(&flag, 1);
    pthread_join(ti, NULL);
    assert_int_equal(interrupted.status, GP_WAIT_INTERRUPTED);
    gp_service_loop_stop(loop);
    pthread_join(ts, NULL);
    assert_int_equal(stopped.status, GP_WAIT_FAILED);
    close(sv[0]);
    close(sv[1]);
}

static void test_loop_wake_fd_releases_waiters(void **state)
{
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    fd_waiter_t w = {.loop = loop, .fd = sv[0], .events = GP_LOOP_READABLE, .timeout_ns = -1};
    pthread_t t;
    pthread_create(&t, NULL, fd_waiter_main, &w);
    wait_submitted(loop, 1);
    gp_service_loop_wake_fd(loop, sv[0]);
    pthread_join(t, NULL);
    assert_int_equal(w.status, GP_WAIT_DONE);
    gp_service_loop_stop(loop);
    close(sv[0]);
    close(sv[1]);
}

static void test_loop_wait_fd_regular_file_fails(void **state)
{
    (void)state;
    gp_service_loop_t *loop = gp_service_loop_start(NULL);
    char path[] = "/tmp/gilpy_loop_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    int error = 0;
    assert_int_equal(gp_service_loop_wait_fd(loop, fd, GP_LOOP_READABLE, -1, NULL, &error),
                     GP_WAIT_FAILED);
    assert_int_equal(error, EPERM);
    close(fd);
    gp_service_loop_stop(loop);
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
        cmocka_unit_test(test_loop_calls_run_in_order_on_the_loop_thread),
        cmocka_unit_test(test_loop_calls_see_null_when_stopping),
        cmocka_unit_test(test_loop_stop_hooks_run_with_the_loop),
        cmocka_unit_test(test_loop_wait_fd_wakes_on_data),
        cmocka_unit_test(test_loop_wait_fd_reader_and_writer_share_an_fd),
        cmocka_unit_test(test_loop_wait_fd_times_out),
        cmocka_unit_test(test_loop_wait_fd_interrupt_and_stop),
        cmocka_unit_test(test_loop_wake_fd_releases_waiters),
        cmocka_unit_test(test_loop_wait_fd_regular_file_fails),
    };
    return cmocka_run_group_tests_name("service loop", tests, NULL, NULL);
}
