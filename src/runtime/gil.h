/*
 * gil.h - the global interpreter lock.
 *
 * One gp_gil_t per runtime. A thread must hold it to run bytecode or touch
 * any Python object. The design (CPython's "new GIL" plus a priority lane for
 * threads coming back from blocking calls) is explained at the top of gil.c.
 *
 * The GIL knows nothing about Python objects: it coordinates opaque thread
 * handles, which keeps it testable on its own with plain pthreads.
 */
#ifndef GP_GIL_H
#define GP_GIL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/* Events reported to the optional trace hook (runtime/trace.c turns them into
   timelines and statistics). The hook runs on the thread the event is about,
   with the GIL's mutex held, so events of all threads are totally ordered and
   their timestamps never interleave wrongly: a RELEASE is always stamped
   before the ACQUIRE that follows it. */
typedef enum gp_gil_event {
    GP_GIL_EVENT_REQUEST,    /* a thread starts waiting for the lock */
    GP_GIL_EVENT_ACQUIRE,    /* it got the lock */
    GP_GIL_EVENT_RELEASE,    /* it gave the lock up; [detail] says what for (a wait kind) */
    GP_GIL_EVENT_YIELD,      /* it honoured a drop request: released and queues again */
    GP_GIL_EVENT_DROP_ASKED, /* a waiter timed out (or came back from I/O) and asked the holder to drop */
} gp_gil_event_t;

/* The trace hook. [thread] is the handle passed to the GIL call, [detail] the
   wait kind of a RELEASE (0 otherwise), [now_ns] CLOCK_MONOTONIC. */
typedef void (*gp_gil_trace_cb)(gp_gil_event_t event, const void *thread, int detail,
                                uint64_t now_ns, void *arg);

typedef struct gp_gil {
    pthread_mutex_t mutex;
    pthread_cond_t released_cond; /* wakes one ordinary waiter when the lock is released */
    pthread_cond_t priority_cond; /* wakes one priority waiter when the lock is released */
    pthread_cond_t switch_cond;   /* signalled each time a thread takes the lock */

    _Atomic int locked;
    const void *_Atomic holder;       /* thread handle of the holder, NULL when free */
    _Atomic uint64_t switch_number;   /* incremented on every acquisition */
    _Atomic uint64_t forced_switches; /* acquisitions that followed a drop request */
    _Atomic int drop_requested;       /* the holder should release at its next check */

    int waiters;          /* threads blocked in gp_gil_acquire (under mutex) */
    int priority_waiters; /* of which returning from a blocking call */
    bool timekeeper;      /* an ordinary waiter is timing the switch interval */
    long interval_us;     /* the switch interval */

    /* The eval-breaker word the holder polls, and the bit meaning "drop". */
    _Atomic uint32_t *eval_breaker;
    uint32_t drop_bit;

    /* NULL when tracing is off: one predictable branch. Written under
       `mutex` (gp_gil_set_trace) and read under it, or by the GIL holder. */
    gp_gil_trace_cb trace;
    void *trace_arg;
} gp_gil_t;

/* Initialises [gil] unlocked; the holder is told to drop through
   [drop_bit] of [*eval_breaker] (may be NULL in tests: then poll
   gp_gil_drop_requested). Returns 0, or an errno value. */
int gp_gil_init(gp_gil_t *gil, _Atomic uint32_t *eval_breaker, uint32_t drop_bit);
void gp_gil_destroy(gp_gil_t *gil);

/* Blocks until [thread] holds the lock. [priority] is for a thread that
   returns from a blocking call: it asks the holder to drop at once instead
   of after a switch interval, and is served before ordinary waiters. */
void gp_gil_acquire(gp_gil_t *gil, const void *thread, bool priority);

/* Gives the lock up. The caller must hold it. */
void gp_gil_release(gp_gil_t *gil, const void *thread);

/* Gives the lock up before a wait of kind [wait_kind] (a gp_wait_kind_t of
   gilpy.h, passed through to the trace hook as its detail). */
void gp_gil_release_detail(gp_gil_t *gil, const void *thread, int wait_kind);

/* Called by the holder when it notices a drop request: releases the lock,
   waits until another thread has actually taken it (so the releaser cannot
   grab it straight back), then queues to take it again. */
void gp_gil_yield(gp_gil_t *gil, const void *thread);

static inline bool gp_gil_drop_requested(gp_gil_t *gil)
{
    return atomic_load_explicit(&gil->drop_requested, memory_order_relaxed) != 0;
}

static inline bool gp_gil_held_by(gp_gil_t *gil, const void *thread)
{
    return atomic_load(&gil->locked) && atomic_load(&gil->holder) == thread;
}

/* Installs (or, with a NULL [trace], removes) the trace hook. Taken under the
   mutex: once this returns, no call of the previous hook is running or will
   start, so its [arg] may be read freely. */
void gp_gil_set_trace(gp_gil_t *gil, gp_gil_trace_cb trace, void *arg);

/* Whether a trace hook is installed; for hooks outside the GIL (the cycle
   collector) that run with the GIL held. */
static inline bool gp_gil_tracing(const gp_gil_t *gil)
{
    return gil->trace != NULL;
}

/* The switch interval in seconds (sys.setswitchinterval). */
void gp_gil_set_interval(gp_gil_t *gil, double seconds);
double gp_gil_get_interval(gp_gil_t *gil);

/* Re-creates the lock in a child after fork(): the child's only thread holds
   it. The trace hook is dropped: the parent writes the trace, not the child. */
void gp_gil_reinit_after_fork(gp_gil_t *gil, const void *thread);

#endif /* GP_GIL_H */
