/*
 * test_gil.c - the GIL on its own, driven by plain pthreads.
 *
 * Each test asserts an ordering or a count, never a duration: the machines
 * that run CI are shared and noisy. Where a test must wait for something it
 * waits on a condition with a generous guard so a broken lock fails the test
 * instead of hanging it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/gil.h"

enum { DROP_BIT = 1u << 1 };

typedef struct fixture {
    gp_gil_t gil;
    _Atomic uint32_t breaker;
    pthread_mutex_t log_mutex;
    char log[64];
    int log_len;
} fixture_t;

static void log_append(fixture_t *f, char c)
{
    pthread_mutex_lock(&f->log_mutex);
    if (f->log_len < (int)sizeof f->log - 1)
        f->log[f->log_len++] = c;
    f->log[f->log_len] = '\0';
    pthread_mutex_unlock(&f->log_mutex);
}

static int waiters_of(gp_gil_t *gil)
{
    pthread_mutex_lock(&gil->mutex);
    int n = gil->waiters;
    pthread_mutex_unlock(&gil->mutex);
    return n;
}

/* Spins until [gil] has [n] waiters; fails the test after ~10 s. */
static void wait_for_waiters(gp_gil_t *gil, int n)
{
    struct timespec pause = {0, 100000};
    for (int i = 0; i < 100000; i++) {
        if (waiters_of(gil) >= n)
            return;
        nanosleep(&pause, NULL);
    }
    fail_msg("no thread queued on the GIL");
}

static int setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(gp_gil_init(&f->gil, &f->breaker, DROP_BIT), 0);
    pthread_mutex_init(&f->log_mutex, NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    gp_gil_destroy(&f->gil);
    pthread_mutex_destroy(&f->log_mutex);
    free(f);
    return 0;
}

/* ---- mutual exclusion ---- */

typedef struct exclusion_arg {
    fixture_t *f;
    int inside;       /* how many threads are between acquire and release */
    long counter;     /* a plain long incremented only under the GIL */
    int violations;
} exclusion_arg_t;

static exclusion_arg_t exclusion;

static void *exclusion_thread(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3000; i++) {
        gp_gil_acquire(&exclusion.f->gil, &exclusion, (i % 7) == 0);
        if (exclusion.inside++ != 0)
            exclusion.violations++;
        exclusion.counter++;
        if (gp_gil_drop_requested(&exclusion.f->gil)) {
            exclusion.inside--;
            gp_gil_yield(&exclusion.f->gil, &exclusion);
            exclusion.inside++;
        }
        exclusion.inside--;
        gp_gil_release(&exclusion.f->gil, &exclusion);
    }
    return NULL;
}

static void test_gil_excludes_other_threads(void **state)
{
    fixture_t *f = *state;
    pthread_t threads[4];
    memset(&exclusion, 0, sizeof exclusion);
    exclusion.f = f;
    gp_gil_set_interval(&f->gil, 0.0001);
    for (int i = 0; i < 4; i++)
        pthread_create(&threads[i], NULL, exclusion_thread, NULL);
    for (int i = 0; i < 4; i++)
        pthread_join(threads[i], NULL);
    assert_int_equal(exclusion.violations, 0);
    assert_int_equal(exclusion.counter, 4 * 3000);
    assert_int_equal(atomic_load(&f->gil.locked), 0);
}

/* ---- drop requests ---- */

typedef struct holder_arg {
    fixture_t *f;
    _Atomic int saw_breaker_bit;
    _Atomic int ready;
    _Atomic int stop;
    long polls_after_request;
} holder_arg_t;

/* Holds the GIL and polls the breaker word like the eval loop does. */
static void *polling_holder(void *arg)
{
    holder_arg_t *h = arg;
    gp_gil_acquire(&h->f->gil, h, false);
    atomic_store(&h->ready, 1);
    for (;;) {
        if (atomic_load_explicit(&h->f->breaker, memory_order_relaxed) & DROP_BIT) {
            atomic_store(&h->saw_breaker_bit, 1);
            log_append(h->f, 'y');
            gp_gil_yield(&h->f->gil, h);
            log_append(h->f, 'A');
            break;
        }
        sched_yield();
    }
    gp_gil_release(&h->f->gil, h);
    return NULL;
}

static void test_gil_waiter_sets_drop_request_after_interval(void **state)
{
    fixture_t *f = *state;
    holder_arg_t h = {.f = f};
    pthread_t t;
    gp_gil_set_interval(&f->gil, 0.001);
    pthread_create(&t, NULL, polling_holder, &h);
    while (!atomic_load(&h.ready))
        sched_yield();
    gp_gil_acquire(&f->gil, f, false);
    log_append(f, 'B');
    /* The new holder starts with the request cleared. */
    assert_int_equal(atomic_load(&f->breaker) & DROP_BIT, 0);
    assert_false(gp_gil_drop_requested(&f->gil));
    gp_gil_release(&f->gil, f);
    pthread_join(t, NULL);
    assert_true(atomic_load(&h.saw_breaker_bit));
    assert_true(atomic_load(&f->gil.forced_switches) >= 1);
}

static void test_gil_releaser_does_not_retake(void **state)
{
    fixture_t *f = *state;
    holder_arg_t h = {.f = f};
    pthread_t t;
    gp_gil_set_interval(&f->gil, 0.001);
    pthread_create(&t, NULL, polling_holder, &h);
    while (!atomic_load(&h.ready))
        sched_yield();
    /* The holder yields as soon as we queue; it must not re-take the lock
       before we have had it: the log must read y, B, then A. */
    gp_gil_acquire(&f->gil, f, false);
    log_append(f, 'B');
    gp_gil_release(&f->gil, f);
    pthread_join(t, NULL);
    assert_string_equal(f->log, "yBA");
}

/* ---- priority for threads returning from blocking calls ---- */

typedef struct priority_arg {
    fixture_t *f;
    bool priority;
    char tag;
} priority_arg_t;

static void *tagged_acquirer(void *arg)
{
    priority_arg_t *p = arg;
    gp_gil_acquire(&p->f->gil, p, p->priority);
    log_append(p->f, p->tag);
    gp_gil_release(&p->f->gil, p);
    return NULL;
}

static void test_gil_priority_waiter_requests_drop_at_once(void **state)
{
    fixture_t *f = *state;
    priority_arg_t io = {.f = f, .priority = true, .tag = 'I'};
    pthread_t t;
    /* An interval far longer than the test: only the priority lane can
       explain a drop request. */
    gp_gil_set_interval(&f->gil, 30.0);
    gp_gil_acquire(&f->gil, f, false);
    pthread_create(&t, NULL, tagged_acquirer, &io);
    wait_for_waiters(&f->gil, 1);
    assert_true(gp_gil_drop_requested(&f->gil));
    assert_int_not_equal(atomic_load(&f->breaker) & DROP_BIT, 0);
    gp_gil_yield(&f->gil, f);
    log_append(f, 'H');
    gp_gil_release(&f->gil, f);
    pthread_join(t, NULL);
    assert_string_equal(f->log, "IH");
}

static void test_gil_priority_waiter_goes_before_ordinary(void **state)
{
    fixture_t *f = *state;
    priority_arg_t cpu = {.f = f, .priority = false, .tag = 'C'};
    priority_arg_t io = {.f = f, .priority = true, .tag = 'I'};
    pthread_t tc, ti;
    gp_gil_set_interval(&f->gil, 30.0);
    gp_gil_acquire(&f->gil, f, false);
    pthread_create(&tc, NULL, tagged_acquirer, &cpu);
    wait_for_waiters(&f->gil, 1);
    pthread_create(&ti, NULL, tagged_acquirer, &io);
    wait_for_waiters(&f->gil, 2);
    gp_gil_release(&f->gil, f);
    pthread_join(ti, NULL);
    pthread_join(tc, NULL);
    assert_string_equal(f->log, "IC");
}

/* ---- one timekeeper for the whole queue ---- */

enum { CLOCK_HOGS = 3 };

typedef struct clock_arg {
    fixture_t *f;
    _Atomic int finished; /* hogs that have released for good */
    _Atomic int asked;    /* hogs that saw a drop request while holding */
} clock_arg_t;

/* Holds the GIL until some waiter asks for it (or, for the last hog, no
   waiter is left to ask), then releases for good. */
static void *clock_hog(void *arg)
{
    clock_arg_t *c = arg;
    struct timespec pause = {0, 100000};
    gp_gil_acquire(&c->f->gil, c, false);
    for (int i = 0; i < 100000; i++) {
        if (gp_gil_drop_requested(&c->f->gil)) {
            atomic_fetch_add(&c->asked, 1);
            break;
        }
        if (atomic_load(&c->finished) == CLOCK_HOGS - 1)
            break;
        nanosleep(&pause, NULL);
    }
    atomic_fetch_add(&c->finished, 1);
    gp_gil_release(&c->f->gil, c);
    return NULL;
}

/* Only one ordinary waiter times the interval; when it takes the lock it
   must hand the clock on, or the waiters behind it would never ask the new
   holder to drop and every hog but the last would wait out its 10 s. */
static void test_gil_timekeeper_hands_on_the_clock(void **state)
{
    fixture_t *f = *state;
    clock_arg_t c = {.f = f};
    pthread_t t[CLOCK_HOGS];
    gp_gil_set_interval(&f->gil, 0.001);
    gp_gil_acquire(&f->gil, f, false);
    for (int i = 0; i < CLOCK_HOGS; i++)
        pthread_create(&t[i], NULL, clock_hog, &c);
    wait_for_waiters(&f->gil, CLOCK_HOGS);
    gp_gil_release(&f->gil, f);
    for (int i = 0; i < CLOCK_HOGS; i++)
        pthread_join(t[i], NULL);
    assert_int_equal(atomic_load(&c.asked), CLOCK_HOGS - 1);
}

/* ---- fairness between CPU-bound threads, counted in switches ---- */

typedef struct fair_arg {
    fixture_t *f;
    long acquisitions;
} fair_arg_t;

static _Atomic int fair_stop;

static void *cpu_bound(void *arg)
{
    fair_arg_t *a = arg;
    gp_gil_acquire(&a->f->gil, a, false);
    a->acquisitions++;
    while (!atomic_load(&fair_stop)) {
        if (atomic_load_explicit(&a->f->breaker, memory_order_relaxed) & DROP_BIT) {
            gp_gil_yield(&a->f->gil, a);
            a->acquisitions++;
            if (atomic_load(&a->f->gil.switch_number) >= 400)
                atomic_store(&fair_stop, 1);
        }
    }
    gp_gil_release(&a->f->gil, a);
    return NULL;
}

static void test_gil_two_cpu_threads_share_fairly(void **state)
{
    fixture_t *f = *state;
    fair_arg_t a = {.f = f}, b = {.f = f};
    pthread_t ta, tb;
    atomic_store(&fair_stop, 0);
    gp_gil_set_interval(&f->gil, 0.0002);
    pthread_create(&ta, NULL, cpu_bound, &a);
    pthread_create(&tb, NULL, cpu_bound, &b);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    long total = a.acquisitions + b.acquisitions;
    assert_true(total >= 400);
    /* Each thread gets at least a third of the turns. */
    assert_true(a.acquisitions * 3 >= total);
    assert_true(b.acquisitions * 3 >= total);
}

static void test_gil_interval_round_trips(void **state)
{
    fixture_t *f = *state;
    gp_gil_set_interval(&f->gil, 0.005);
    assert_true(gp_gil_get_interval(&f->gil) > 0.00499 && gp_gil_get_interval(&f->gil) < 0.00501);
    gp_gil_set_interval(&f->gil, 0.0);
    assert_true(gp_gil_get_interval(&f->gil) > 0.0);
}

/* ---- a release wakes one waiter, and no wake-up is lost ---- */

enum { CROWD = 48 };

typedef struct crowd_arg {
    fixture_t *f;
    _Atomic int served;
    bool priority_half; /* every other thread queues through the priority lane */
} crowd_arg_t;

static crowd_arg_t crowd;

static void *crowd_thread(void *arg)
{
    intptr_t i = (intptr_t)arg;
    gp_gil_acquire(&crowd.f->gil, &crowd, crowd.priority_half && (i % 2) == 0);
    atomic_fetch_add(&crowd.served, 1);
    gp_gil_release(&crowd.f->gil, &crowd);
    return NULL;
}

/* A release signals a single waiter (gil_wake_one) instead of waking the
   whole queue. With the switch interval set to an hour no waiter ever
   wakes on its own, so a lost wake-up would hang this test (and fail it on
   the test timeout): each of the queued threads must be handed the lock by
   the release of the one before. */
static void run_crowd(fixture_t *f, bool priority_half)
{
    gp_gil_set_interval(&f->gil, 3600.0);
    crowd.f = f;
    crowd.priority_half = priority_half;
    atomic_store(&crowd.served, 0);
    gp_gil_acquire(&f->gil, &crowd, false);
    pthread_t threads[CROWD];
    for (intptr_t i = 0; i < CROWD; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, crowd_thread, (void *)i), 0);
    wait_for_waiters(&f->gil, CROWD);
    assert_int_equal(atomic_load(&crowd.served), 0);
    gp_gil_release(&f->gil, &crowd);
    for (int i = 0; i < CROWD; i++)
        pthread_join(threads[i], NULL);
    assert_int_equal(atomic_load(&crowd.served), CROWD);
    assert_int_equal(waiters_of(&f->gil), 0);
    assert_int_equal(atomic_load(&f->gil.locked), 0);
}

static void test_gil_release_hands_on_to_every_waiter(void **state)
{
    run_crowd(*state, false);
}

static void test_gil_mixed_lanes_lose_no_wakeup(void **state)
{
    run_crowd(*state, true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gil_excludes_other_threads, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gil_waiter_sets_drop_request_after_interval, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gil_releaser_does_not_retake, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gil_priority_waiter_requests_drop_at_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gil_priority_waiter_goes_before_ordinary, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gil_two_cpu_threads_share_fairly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gil_interval_round_trips, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gil_release_hands_on_to_every_waiter, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_gil_mixed_lanes_lose_no_wakeup, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gil_timekeeper_hands_on_the_clock, setup, teardown),
    };
    return cmocka_run_group_tests_name("gil", tests, NULL, NULL);
}
