/*
 * gil.c - the global interpreter lock.
 *
 * Design notes
 * ------------
 * The lock is a flag (`locked`) guarded by a mutex and two condition
 * variables, in the manner of CPython's ceval_gil.c ("new GIL", 3.2+):
 *
 *   - A thread that wants the lock waits on `released_cond` for at most one
 *     switch interval (5 ms by default). If the interval passes and no switch
 *     happened meanwhile (`switch_number` unchanged), it sets a drop request:
 *     the `drop_requested` flag and a bit in the runtime's eval-breaker word.
 *   - The holder polls that one word on backward jumps and calls. When it
 *     sees the request it calls gp_gil_yield(): release, then wait on
 *     `switch_cond` until some other thread has taken the lock. Without that
 *     wait the releaser, already running on its core, would usually win the
 *     race and take the lock straight back, starving the waiter.
 *   - A thread that releases the lock voluntarily, around a blocking call,
 *     does not wait for a switch: it has nothing to run.
 *
 * Beyond CPython: the convoy effect (bpo-7946). In CPython a thread that
 * comes back from a short blocking call waits a full interval before it may
 * even ask for the lock, so an I/O-bound thread beside a CPU-bound one
 * crawls. Here such a thread acquires with `priority`: it sets the drop
 * request immediately, and while any priority waiter is queued ordinary
 * waiters stand aside. The CPU-bound holder therefore hands over within a
 * few bytecodes, the I/O thread runs its bit of Python and blocks again, and
 * CPU-bound threads still share the lock among themselves on the interval.
 *
 * The drop request is cleared by whichever thread takes the lock; a waiter
 * that is still queued re-arms it when its own interval expires, or at once
 * if it has priority.
 *
 * One clock for the whole queue. Only one ordinary waiter at a time, the
 * timekeeper, sleeps with the interval as its deadline; the others sleep
 * until a release wakes them, and priority waiters never time out (the new
 * holder re-arms the request for them). In CPython every waiter wakes each
 * interval, so a thousand threads queued for the lock (a burst of threads
 * starting, or waking from the same sleep) cost 200,000 pointless wake-ups a
 * second, each fighting for the mutex. When the timekeeper takes the lock it
 * wakes one ordinary waiter, which takes up the clock.
 *
 * Tracing. Every request, acquire, release and forced yield is reported to
 * an optional hook (runtime/trace.c draws timelines from them). The hook is
 * called with the mutex held, on the thread concerned, so the events of all
 * threads arrive in the order they happened and a release is always stamped
 * before the acquire that follows it. A release carries the kind of wait the
 * thread is going into (gp_gil_release_detail). With no hook installed each
 * event costs one predictable branch; the hook is only installed or removed
 * under the mutex (gp_gil_set_trace).
 */
#include "runtime/gil.h"

#include <errno.h>
#include <time.h>

static uint64_t gil_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Reports [event] to the trace hook, if any. Called with the mutex held. */
static void gil_trace(gp_gil_t *gil, gp_gil_event_t event, const void *thread, int detail)
{
#if GP_GIL_TRACE
    if (gil->trace)
        gil->trace(event, thread, detail, gil_now_ns(), gil->trace_arg);
#else
    (void)gil, (void)event, (void)thread, (void)detail;
#endif
}

int gp_gil_init(gp_gil_t *gil, _Atomic uint32_t *eval_breaker, uint32_t drop_bit)
{
    int rc;
    pthread_condattr_t attr;
    if ((rc = pthread_mutex_init(&gil->mutex, NULL)) != 0)
        return rc;
    /* Timed waits use CLOCK_MONOTONIC so a wall-clock jump cannot stall a waiter. */
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    rc = pthread_cond_init(&gil->released_cond, &attr);
    if (rc == 0)
        rc = pthread_cond_init(&gil->priority_cond, &attr);
    if (rc == 0)
        rc = pthread_cond_init(&gil->switch_cond, &attr);
    pthread_condattr_destroy(&attr);
    if (rc != 0)
        return rc;
    atomic_store(&gil->locked, 0);
    atomic_store(&gil->holder, NULL);
    atomic_store(&gil->switch_number, 0);
    atomic_store(&gil->forced_switches, 0);
    atomic_store(&gil->drop_requested, 0);
    gil->waiters = 0;
    gil->priority_waiters = 0;
    gil->timekeeper = false;
    gil->interval_us = 5000;
    gil->eval_breaker = eval_breaker;
    gil->drop_bit = drop_bit;
    gil->trace = NULL;
    gil->trace_arg = NULL;
    return 0;
}

void gp_gil_destroy(gp_gil_t *gil)
{
    pthread_cond_destroy(&gil->switch_cond);
    pthread_cond_destroy(&gil->priority_cond);
    pthread_cond_destroy(&gil->released_cond);
    pthread_mutex_destroy(&gil->mutex);
}

/* Wakes the waiter that should take the lock just released: a priority
   waiter if any is queued, else an ordinary one. Waking one thread, not all
   of them, keeps a release cheap when hundreds of threads queue (a burst of
   threads starting or waking from sleep): the others would only find the
   lock taken again and go back to sleep. No wake-up is lost: whoever takes
   the lock releases it later and wakes the next. Called with the mutex held,
   and it signals there: a signal after the unlock could still be touching
   the condition variable when the woken thread forks and the child
   re-creates it (gp_gil_reinit_after_fork), which ThreadSanitizer reports. */
static void gil_wake_one(gp_gil_t *gil)
{
    if (gil->priority_waiters > 0)
        pthread_cond_signal(&gil->priority_cond);
    else if (gil->waiters > 0)
        pthread_cond_signal(&gil->released_cond);
}

/* Asks the holder to release at its next check. Called with the mutex held. */
static void gil_request_drop(gp_gil_t *gil, const void *thread)
{
    if (atomic_exchange(&gil->drop_requested, 1))
        return;
    if (gil->eval_breaker)
        atomic_fetch_or(gil->eval_breaker, gil->drop_bit);
    gil_trace(gil, GP_GIL_EVENT_DROP_ASKED, thread, 0);
}

static void gil_clear_drop(gp_gil_t *gil)
{
    atomic_store(&gil->drop_requested, 0);
    if (gil->eval_breaker)
        atomic_fetch_and(gil->eval_breaker, ~gil->drop_bit);
}

static struct timespec gil_deadline(long interval_us)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    long long ns = (long long)ts.tv_nsec + (long long)interval_us * 1000;
    ts.tv_sec += (time_t)(ns / 1000000000);
    ts.tv_nsec = (long)(ns % 1000000000);
    return ts;
}

/* How long a priority waiter spins for the holder's hand-over before it
   sleeps on the condition variable. The holder notices a drop request within
   a few bytecodes, so the hand-over usually lands inside this window and the
   returning I/O thread avoids a sleep/wake round trip through the kernel. */
#define GIL_PRIORITY_SPIN_NS 50000

static void gil_spin_until_released(gp_gil_t *gil)
{
    uint64_t deadline = gil_now_ns() + GIL_PRIORITY_SPIN_NS;
    while (atomic_load_explicit(&gil->locked, memory_order_acquire)) {
        if (gil_now_ns() >= deadline)
            return;
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }
}

void gp_gil_acquire(gp_gil_t *gil, const void *thread, bool priority)
{
    pthread_mutex_lock(&gil->mutex);
    gil_trace(gil, GP_GIL_EVENT_REQUEST, thread, 0);
    /* An ordinary waiter also stands aside while a priority waiter is queued. */
    if (atomic_load(&gil->locked) || (!priority && gil->priority_waiters > 0)) {
        gil->waiters++;
        if (priority) {
            gil->priority_waiters++;
            /* One spinner is enough: with another priority waiter already
                   queued the lock will not come to this one first. */
            if (atomic_load(&gil->locked) && gil->priority_waiters == 1) {
                gil_request_drop(gil, thread);
                pthread_mutex_unlock(&gil->mutex);
                gil_spin_until_released(gil);
                pthread_mutex_lock(&gil->mutex);
            }
        }
        bool keeping_time = false;
        while (atomic_load(&gil->locked) || (!priority && gil->priority_waiters > 0)) {
            if (priority) {
                pthread_cond_wait(&gil->priority_cond, &gil->mutex);
                /* Keep the request armed until this waiter is served. */
                if (atomic_load(&gil->locked))
                    gil_request_drop(gil, thread);
                continue;
            }
            if (!gil->timekeeper)
                gil->timekeeper = keeping_time = true;
            if (!keeping_time) {
                pthread_cond_wait(&gil->released_cond, &gil->mutex);
                continue;
            }
            uint64_t seen = atomic_load(&gil->switch_number);
            struct timespec deadline = gil_deadline(gil->interval_us);
            int rc = pthread_cond_timedwait(&gil->released_cond, &gil->mutex, &deadline);
            /* Ask for a drop if an interval passed without any switch. */
            if (rc == ETIMEDOUT && atomic_load(&gil->locked) &&
                atomic_load(&gil->switch_number) == seen)
                gil_request_drop(gil, thread);
        }
        gil->waiters--;
        if (priority)
            gil->priority_waiters--;
        if (keeping_time) {
            /* Hand the clock on: wake an ordinary waiter to take it up. */
            gil->timekeeper = false;
            if (gil->waiters > gil->priority_waiters)
                pthread_cond_signal(&gil->released_cond);
        }
    }
    atomic_store(&gil->locked, 1);
    atomic_store(&gil->holder, thread);
    if (atomic_load(&gil->drop_requested))
        atomic_fetch_add(&gil->forced_switches, 1);
    atomic_fetch_add(&gil->switch_number, 1);
    /* The new holder starts with a clean slate; remaining waiters re-arm. */
    gil_clear_drop(gil);
    if (gil->priority_waiters > 0 && gil->waiters > 0)
        gil_request_drop(gil, thread);
    pthread_cond_broadcast(&gil->switch_cond);
    gil_trace(gil, GP_GIL_EVENT_ACQUIRE, thread, 0);
    pthread_mutex_unlock(&gil->mutex);
}

void gp_gil_release(gp_gil_t *gil, const void *thread)
{
    gp_gil_release_detail(gil, thread, 0);
}

void gp_gil_release_detail(gp_gil_t *gil, const void *thread, int wait_kind)
{
    pthread_mutex_lock(&gil->mutex);
    atomic_store(&gil->holder, NULL);
    atomic_store(&gil->locked, 0);
    gil_trace(gil, GP_GIL_EVENT_RELEASE, thread, wait_kind);
    gil_wake_one(gil);
    pthread_mutex_unlock(&gil->mutex);
}

void gp_gil_yield(gp_gil_t *gil, const void *thread)
{
    pthread_mutex_lock(&gil->mutex);
    uint64_t before = atomic_load(&gil->switch_number);
    atomic_store(&gil->holder, NULL);
    atomic_store(&gil->locked, 0);
    gil_trace(gil, GP_GIL_EVENT_YIELD, thread, 0);
    gil_wake_one(gil);
    /* Wait for another thread to take the lock, if anyone is waiting. */
    while (gil->waiters > 0 && atomic_load(&gil->switch_number) == before)
        pthread_cond_wait(&gil->switch_cond, &gil->mutex);
    pthread_mutex_unlock(&gil->mutex);
    gp_gil_acquire(gil, thread, false);
}

void gp_gil_set_trace(gp_gil_t *gil, gp_gil_trace_cb trace, void *arg)
{
    pthread_mutex_lock(&gil->mutex);
    gil->trace = trace;
    gil->trace_arg = arg;
    pthread_mutex_unlock(&gil->mutex);
}

void gp_gil_set_interval(gp_gil_t *gil, double seconds)
{
    long us = (long)(seconds * 1e6);
    pthread_mutex_lock(&gil->mutex);
    gil->interval_us = us < 1 ? 1 : us;
    pthread_mutex_unlock(&gil->mutex);
}

double gp_gil_get_interval(gp_gil_t *gil)
{
    pthread_mutex_lock(&gil->mutex);
    double seconds = (double)gil->interval_us / 1e6;
    pthread_mutex_unlock(&gil->mutex);
    return seconds;
}

void gp_gil_reinit_after_fork(gp_gil_t *gil, const void *thread)
{
    /* The parent's mutex may have been held by a thread that does not exist
       in the child: build fresh primitives instead of unlocking old ones. */
    long interval = gil->interval_us;
    void *trace_arg = gil->trace_arg;
    gp_gil_init(gil, gil->eval_breaker, gil->drop_bit);
    gil->interval_us = interval;
    /* The tracer's memory stays reachable, but its hook stays off: only the
       process that started tracing writes the trace and the statistics. */
    gil->trace_arg = trace_arg;
    atomic_store(&gil->locked, 1);
    atomic_store(&gil->holder, thread);
}
