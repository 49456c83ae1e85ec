/*
 * loop.c - the service loop: libuv on a thread of its own, serving the
 * blocking waits of Python threads.
 *
 * The thread/loop rule (gilpy keeps it everywhere):
 *
 *   A libuv loop is driven only by its own thread. Other threads reach it
 *   only through uv_async_send(). libuv callbacks never touch a Python
 *   object; they record completions, and the waiting thread resumes Python
 *   under the GIL.
 *
 * Design notes
 * ------------
 * Everything other threads ask of the loop is a *call*: a function and an
 * argument appended to one FIFO queue under a mutex, after which the caller
 * wakes the loop with uv_async_send(). The loop thread drains the queue in
 * its async callback and runs the calls in order. gp_service_loop_call()
 * exposes this to other subsystems; the loop's own requests use the same
 * queue with the call nodes embedded in the request, so a wait costs one
 * allocation and a cancellation queued after a submission always runs after
 * it.
 *
 * Waits. A waiting thread (which has already released the GIL) allocates a
 * request, queues its submit call and sleeps on the request's condition
 * variable. Sleeps start a uv_timer_t; fd waits join a *watch*, the one
 * uv_poll_t the loop keeps per fd (libuv allows a single poll handle per fd
 * per loop), whose event mask is the union of its waiters' events - so one
 * thread can wait to read a socket while another waits to write it. When the
 * timer fires or the fd is ready, the callback marks the request done and
 * signals the waiter. A watch with no waiters left is closed at once: a
 * closed fd number may be reused by a new file, and a stale epoll
 * registration must not outlive the waits that wanted it.
 *
 * Ownership: a request is shared by the waiter and the loop, so it carries
 * a reference count of two. The waiter drops its reference when it stops
 * waiting; the loop drops its own when the request leaves the loop - for a
 * sleep only in the timer's close callback, since libuv's rule is that a
 * handle's memory must stay valid until then. This is what makes early
 * return safe: a waiter interrupted by Ctrl-C, or whose fd wait timed out,
 * queues a cancellation (holding a third reference until it has run) and
 * leaves; the loop thread later stops the timer or unlinks the request from
 * its watch and frees it. Nothing libuv still points at is ever freed.
 *
 * Timeouts of fd waits are the waiter's own: it waits on its condition
 * variable against an absolute CLOCK_MONOTONIC deadline and cancels on
 * expiry, so an fd wait needs no timer handle. A waiter with an interruption
 * flag wakes every GP_LOOP_POLL_NS to look at it.
 *
 * Stopping: gp_service_loop_stop() sets `stopping` and wakes the loop. The
 * loop thread runs the calls still queued with a NULL uv loop (so they only
 * free their argument), runs the stop hooks, fails every request still in
 * flight, closes every handle and lets uv_run() return.
 *
 * libuv timers have millisecond resolution; waits are rounded up to the next
 * millisecond. Callers with sub-millisecond waits sleep in the kernel
 * directly instead (time.sleep does).
 */
#include "runtime/loop.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uv.h>

#include "obj/object.h"

typedef struct loop_call loop_call_t;
typedef struct sleep_request sleep_request_t;
typedef struct fd_request fd_request_t;
typedef struct fd_watch fd_watch_t;

/* One queued function; embedded in requests, or allocated for public calls. */
struct loop_call {
    gp_loop_call_fn fn;
    void *arg;
    loop_call_t *next;
    bool allocated; /* freed by the loop after it ran */
};

struct gp_service_loop {
    uv_loop_t uv;
    uv_thread_t thread;
    uv_async_t wakeup;

    pthread_mutex_t mutex; /* guards the call queue, the stop hooks and `stopping` */
    loop_call_t *call_head, *call_tail;
    loop_call_t *stop_hooks;
    bool stopping;

    /* Loop thread only: started timers not yet closing, and the fd watches
       indexed by fd. */
    sleep_request_t *timers;
    fd_watch_t **watches;
    int watch_capacity;

    _Atomic uint64_t submitted, fired, cancelled, wakeups, calls, fd_ready;
};

/* The half of a request the waiter sleeps on. */
typedef struct loop_waiter {
    _Atomic int refs;      /* the waiter's, the loop's, and a pending cancel's */
    pthread_mutex_t mutex; /* guards the fields below */
    pthread_cond_t cond;
    bool done;             /* the waiter may stop waiting */
    bool cancel_requested; /* the waiter left early */
    bool cancel_done;      /* the loop has processed the cancellation */
    gp_wait_status_t status;
    int error;
} loop_waiter_t;

struct sleep_request {
    loop_waiter_t waiter; /* first: requests are freed through it */
    gp_service_loop_t *loop;
    uv_timer_t timer;
    uint64_t timeout_ms;
    bool started, closing; /* loop thread only */
    sleep_request_t *prev, *next; /* in loop->timers */
    loop_call_t submit_call, cancel_call;
};

struct fd_request {
    loop_waiter_t waiter; /* first */
    gp_service_loop_t *loop;
    int fd, events;
    fd_watch_t *watch; /* the watch it waits in; NULL once it left (loop thread) */
    fd_request_t *prev, *next;
    loop_call_t submit_call, cancel_call;
};

/* The single poll handle of one fd, shared by all its waiters. */
struct fd_watch {
    gp_service_loop_t *loop;
    uv_poll_t poll;
    int fd;
    int mask; /* UV_READABLE/UV_WRITABLE events being polled */
    fd_request_t *waiters;
};

/* ------------------------------------------------------------------ */
/* Waiters                                                              */
/* ------------------------------------------------------------------ */

static void waiter_init(loop_waiter_t *w)
{
    atomic_store(&w->refs, 2);
    pthread_mutex_init(&w->mutex, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w->cond, &attr);
    pthread_condattr_destroy(&attr);
}

/* Drops one reference; the last frees the request [w] starts. */
static void waiter_release(loop_waiter_t *w)
{
    if (atomic_fetch_sub(&w->refs, 1) != 1)
        return;
    pthread_cond_destroy(&w->cond);
    pthread_mutex_destroy(&w->mutex);
    gp_mem_free(w);
}

/* Marks the request finished with [status] and wakes its waiter (once). */
static void waiter_complete(loop_waiter_t *w, gp_wait_status_t status, int error)
{
    pthread_mutex_lock(&w->mutex);
    if (!w->done) {
        w->done = true;
        w->status = status;
        w->error = error;
        pthread_cond_signal(&w->cond);
    }
    pthread_mutex_unlock(&w->mutex);
}

static bool waiter_cancel_requested(loop_waiter_t *w)
{
    pthread_mutex_lock(&w->mutex);
    bool cancelled = w->cancel_requested;
    pthread_mutex_unlock(&w->mutex);
    return cancelled;
}

static struct timespec timespec_after(uint64_t ns)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t total = (uint64_t)ts.tv_nsec + ns;
    ts.tv_sec += (time_t)(total / 1000000000u);
    ts.tv_nsec = (long)(total % 1000000000u);
    return ts;
}

static bool timespec_before(const struct timespec *a, const struct timespec *b)
{
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* Sleeps until the loop completes the request, *[interrupted] becomes
   non-zero or [deadline] (may be NULL) passes. *[must_cancel] tells whether
   the waiter left before the loop was done with the request. */
static gp_wait_status_t waiter_wait(loop_waiter_t *w, const struct timespec *deadline,
                                    _Atomic int *interrupted, int *error, bool *must_cancel)
{
    gp_wait_status_t status;
    pthread_mutex_lock(&w->mutex);
    for (;;) {
        if (w->done) {
            status = w->status;
            if (error)
                *error = w->error;
            break;
        }
        if (interrupted && atomic_load(interrupted)) {
            w->cancel_requested = true;
            status = GP_WAIT_INTERRUPTED;
            break;
        }
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (deadline && !timespec_before(&now, deadline)) {
            w->cancel_requested = true;
            status = GP_WAIT_TIMEOUT;
            break;
        }
        if (!interrupted && !deadline) {
            pthread_cond_wait(&w->cond, &w->mutex);
            continue;
        }
        struct timespec wake = timespec_after(GP_LOOP_POLL_NS);
        if (!interrupted || (deadline && timespec_before(deadline, &wake)))
            wake = *deadline;
        pthread_cond_timedwait(&w->cond, &w->mutex, &wake);
    }
    *must_cancel = w->cancel_requested && !w->done;
    pthread_mutex_unlock(&w->mutex);
    return status;
}

/* ------------------------------------------------------------------ */
/* The call queue                                                       */
/* ------------------------------------------------------------------ */

/* Appends [call] and wakes the loop. Returns false, queuing nothing, when
   the loop is stopping. */
static bool loop_enqueue(gp_service_loop_t *loop, loop_call_t *call)
{
    call->next = NULL;
    pthread_mutex_lock(&loop->mutex);
    if (loop->stopping) {
        pthread_mutex_unlock(&loop->mutex);
        return false;
    }
    if (loop->call_tail)
        loop->call_tail->next = call;
    else
        loop->call_head = call;
    loop->call_tail = call;
    /* Sent under the mutex: once the loop thread has seen `stopping`, no
       thread may still be about to poke its closed async handle. */
    uv_async_send(&loop->wakeup);
    pthread_mutex_unlock(&loop->mutex);
    return true;
}

int gp_service_loop_call(gp_service_loop_t *loop, gp_loop_call_fn fn, void *arg)
{
    loop_call_t *call = gp_mem_alloc(sizeof *call);
    if (!call)
        return ENOMEM;
    call->fn = fn;
    call->arg = arg;
    call->allocated = true;
    atomic_fetch_add(&loop->submitted, 1);
    if (!loop_enqueue(loop, call)) {
        gp_mem_free(call);
        fn(NULL, arg);
    }
    return 0;
}

int gp_service_loop_at_stop(gp_service_loop_t *loop, gp_loop_call_fn fn, void *arg)
{
    loop_call_t *hook = gp_mem_alloc(sizeof *hook);
    if (!hook)
        return ENOMEM;
    hook->fn = fn;
    hook->arg = arg;
    hook->allocated = true;
    pthread_mutex_lock(&loop->mutex);
    bool stopping = loop->stopping;
    if (!stopping) {
        hook->next = loop->stop_hooks;
        loop->stop_hooks = hook;
    }
    pthread_mutex_unlock(&loop->mutex);
    if (stopping) {
        gp_mem_free(hook);
        return ESHUTDOWN;
    }
    return 0;
}

/* Runs a list of calls in order; [uv] is NULL when the loop is stopping. */
static void loop_run_calls(gp_service_loop_t *loop, loop_call_t *call, uv_loop_t *uv)
{
    while (call) {
        /* The function may free the request the node is embedded in. */
        loop_call_t *next = call->next;
        bool allocated = call->allocated;
        if (uv && allocated)
            atomic_fetch_add(&loop->calls, 1);
        call->fn(uv, call->arg);
        if (allocated)
            gp_mem_free(call);
        call = next;
    }
}

/* ------------------------------------------------------------------ */
/* Sleeps                                                               */
/* ------------------------------------------------------------------ */

static void sleep_close_cb(uv_handle_t *handle)
{
    sleep_request_t *req = handle->data;
    waiter_release(&req->waiter);
}

/* Closes the request's timer once; the close callback drops the loop's reference. */
static void sleep_close(sleep_request_t *req)
{
    if (req->closing)
        return;
    req->closing = true;
    gp_service_loop_t *loop = req->loop;
    if (req->prev)
        req->prev->next = req->next;
    else
        loop->timers = req->next;
    if (req->next)
        req->next->prev = req->prev;
    uv_close((uv_handle_t *)&req->timer, sleep_close_cb);
}

static void sleep_fire_cb(uv_timer_t *timer)
{
    sleep_request_t *req = timer->data;
    atomic_fetch_add(&req->loop->fired, 1);
    waiter_complete(&req->waiter, GP_WAIT_DONE, 0);
    sleep_close(req);
}

static void sleep_submit_cb(uv_loop_t *uv, void *arg)
{
    sleep_request_t *req = arg;
    gp_service_loop_t *loop = req->loop;
    if (!uv || waiter_cancel_requested(&req->waiter)) {
        /* Never started: no handle to close, so drop the loop's reference here. */
        if (uv)
            atomic_fetch_add(&loop->cancelled, 1);
        waiter_complete(&req->waiter, GP_WAIT_FAILED, ESHUTDOWN);
        waiter_release(&req->waiter);
        return;
    }
    /* Timers count from now, not from when the loop last woke. */
    uv_update_time(uv);
    uv_timer_init(uv, &req->timer);
    req->timer.data = req;
    req->started = true;
    req->prev = NULL;
    req->next = loop->timers;
    if (loop->timers)
        loop->timers->prev = req;
    loop->timers = req;
    uv_timer_start(&req->timer, sleep_fire_cb, req->timeout_ms, 0);
}

static void sleep_cancel_cb(uv_loop_t *uv, void *arg)
{
    sleep_request_t *req = arg;
    if (uv && req->started && !req->closing) {
        uv_timer_stop(&req->timer);
        atomic_fetch_add(&req->loop->cancelled, 1);
        sleep_close(req);
    }
    /* The cancel call's own reference. */
    waiter_release(&req->waiter);
}

/* Queues the cancellation of a request its waiter left early. Returns
   false when the loop is stopping (it then fails every request itself). */
static bool loop_cancel(gp_service_loop_t *loop, loop_waiter_t *w, loop_call_t *cancel)
{
    atomic_fetch_add(&w->refs, 1);
    if (!loop_enqueue(loop, cancel)) {
        atomic_fetch_sub(&w->refs, 1);
        return false;
    }
    return true;
}

gp_wait_status_t gp_service_loop_sleep(gp_service_loop_t *loop, uint64_t ns,
                                       _Atomic int *interrupted)
{
    sleep_request_t *req = gp_mem_calloc(1, sizeof *req);
    if (!req)
        return GP_WAIT_FAILED;
    waiter_init(&req->waiter);
    req->loop = loop;
    req->timeout_ms = (ns + 999999u) / 1000000u;
    req->submit_call = (loop_call_t){.fn = sleep_submit_cb, .arg = req};
    req->cancel_call = (loop_call_t){.fn = sleep_cancel_cb, .arg = req};
    atomic_fetch_add(&loop->submitted, 1);
    if (!loop_enqueue(loop, &req->submit_call)) {
        atomic_store(&req->waiter.refs, 1);
        waiter_release(&req->waiter);
        return GP_WAIT_FAILED;
    }

    bool must_cancel;
    gp_wait_status_t status = waiter_wait(&req->waiter, NULL, interrupted, NULL, &must_cancel);
    if (must_cancel)
        loop_cancel(loop, &req->waiter, &req->cancel_call);
    waiter_release(&req->waiter);
    return status;
}

/* ------------------------------------------------------------------ */
/* fd waits                                                             */
/* ------------------------------------------------------------------ */

static int events_to_uv(int events)
{
    return ((events & GP_LOOP_READABLE) ? UV_READABLE : 0) |
           ((events & GP_LOOP_WRITABLE) ? UV_WRITABLE : 0);
}

static void watch_close_cb(uv_handle_t *handle)
{
    gp_mem_free(handle->data);
}

/* Forgets [watch] and closes its handle; it must have no waiters. */
static void watch_close(fd_watch_t *watch)
{
    gp_service_loop_t *loop = watch->loop;
    if (watch->fd < loop->watch_capacity && loop->watches[watch->fd] == watch)
        loop->watches[watch->fd] = NULL;
    uv_close((uv_handle_t *)&watch->poll, watch_close_cb);
}

/* Takes [req] out of its watch. The caller then completes it (or not, for
   a cancellation) and drops the loop's reference with request_finish(). */
static void watch_unlink(fd_request_t *req)
{
    fd_watch_t *watch = req->watch;
    if (req->prev)
        req->prev->next = req->next;
    else
        watch->waiters = req->next;
    if (req->next)
        req->next->prev = req->prev;
    req->watch = NULL;
    req->prev = req->next = NULL;
}

/* Completes every request of the [done] list (linked through `next`) with
   [status] and drops the loop's references. Called only after the watch
   was updated or closed: a woken waiter may close its fd at once, and the
   loop must have finished its epoll calls on that fd by then. */
static void requests_finish(fd_request_t *done, gp_wait_status_t status, int error)
{
    while (done) {
        fd_request_t *next = done->next;
        waiter_complete(&done->waiter, status, error);
        waiter_release(&done->waiter);
        done = next;
    }
}

static void watch_poll_cb(uv_poll_t *poll, int status, int events);

/* Re-polls [watch] for what its waiters still want, or closes it when none
   is left. Returns a libuv error code when the poll could not start. */
static int watch_update(fd_watch_t *watch)
{
    int mask = 0;
    for (fd_request_t *r = watch->waiters; r; r = r->next)
        mask |= events_to_uv(r->events);
    if (mask == 0) {
        watch_close(watch);
        return 0;
    }
    if (mask == watch->mask)
        return 0;
    int rc = uv_poll_start(&watch->poll, mask, watch_poll_cb);
    if (rc == 0)
        watch->mask = mask;
    return rc;
}

/* Completes every waiter of [watch] with [status] and closes it. */
static void watch_finish_all(fd_watch_t *watch, gp_wait_status_t status, int error)
{
    fd_request_t *done = watch->waiters;
    for (fd_request_t *r = done; r; r = r->next)
        r->watch = NULL;
    watch->waiters = NULL;
    watch_close(watch);
    requests_finish(done, status, error);
}

static void watch_poll_cb(uv_poll_t *poll, int status, int events)
{
    fd_watch_t *watch = poll->data;
    /* An error on the fd (it was closed, it hung up) wakes everyone: each
       waiter's retried syscall reports what went wrong. */
    int ready = status < 0 ? (UV_READABLE | UV_WRITABLE) : events;
    if (status >= 0 && (events & UV_DISCONNECT))
        ready |= UV_READABLE;
    fd_request_t *done = NULL;
    fd_request_t *r = watch->waiters;
    while (r) {
        fd_request_t *next = r->next;
        if (events_to_uv(r->events) & ready) {
            atomic_fetch_add(&watch->loop->fd_ready, 1);
            watch_unlink(r);
            r->next = done;
            done = r;
        }
        r = next;
    }
    int rc = watch_update(watch);
    if (rc != 0)
        watch_finish_all(watch, GP_WAIT_FAILED, -rc);
    requests_finish(done, GP_WAIT_DONE, 0);
}

/* The watch of [fd], created on first use; NULL with *[error] set. */
static fd_watch_t *watch_for_fd(gp_service_loop_t *loop, uv_loop_t *uv, int fd, int *error)
{
    if (fd >= loop->watch_capacity) {
        int capacity = loop->watch_capacity ? loop->watch_capacity : 64;
        while (capacity <= fd)
            capacity *= 2;
        fd_watch_t **grown = gp_mem_realloc(loop->watches, (size_t)capacity * sizeof *grown);
        if (!grown) {
            *error = ENOMEM;
            return NULL;
        }
        memset(grown + loop->watch_capacity, 0,
               (size_t)(capacity - loop->watch_capacity) * sizeof *grown);
        loop->watches = grown;
        loop->watch_capacity = capacity;
    }
    if (loop->watches[fd])
        return loop->watches[fd];
    fd_watch_t *watch = gp_mem_calloc(1, sizeof *watch);
    if (!watch) {
        *error = ENOMEM;
        return NULL;
    }
    int rc = uv_poll_init(uv, &watch->poll, fd);
    if (rc != 0) {
        gp_mem_free(watch);
        *error = -rc;
        return NULL;
    }
    watch->loop = loop;
    watch->fd = fd;
    watch->poll.data = watch;
    loop->watches[fd] = watch;
    return watch;
}

static void fd_submit_cb(uv_loop_t *uv, void *arg)
{
    fd_request_t *req = arg;
    gp_service_loop_t *loop = req->loop;
    if (!uv || waiter_cancel_requested(&req->waiter)) {
        if (uv)
            atomic_fetch_add(&loop->cancelled, 1);
        waiter_complete(&req->waiter, GP_WAIT_FAILED, ESHUTDOWN);
        waiter_release(&req->waiter);
        return;
    }
    int error = 0;
    fd_watch_t *watch = watch_for_fd(loop, uv, req->fd, &error);
    if (!watch) {
        waiter_complete(&req->waiter, GP_WAIT_FAILED, error);
        waiter_release(&req->waiter);
        return;
    }
    req->watch = watch;
    req->prev = NULL;
    req->next = watch->waiters;
    if (watch->waiters)
        watch->waiters->prev = req;
    watch->waiters = req;
    int rc = watch_update(watch);
    if (rc != 0)
        watch_finish_all(watch, GP_WAIT_FAILED, -rc);
}

static void fd_cancel_cb(uv_loop_t *uv, void *arg)
{
    fd_request_t *req = arg;
    if (uv && req->watch) {
        fd_watch_t *watch = req->watch;
        atomic_fetch_add(&req->loop->cancelled, 1);
        watch_unlink(req);
        waiter_release(&req->waiter); /* the loop's reference */
        int rc = watch_update(watch);
        if (rc != 0)
            watch_finish_all(watch, GP_WAIT_FAILED, -rc);
    }
    pthread_mutex_lock(&req->waiter.mutex);
    req->waiter.cancel_done = true;
    pthread_cond_signal(&req->waiter.cond);
    pthread_mutex_unlock(&req->waiter.mutex);
    waiter_release(&req->waiter);
}

gp_wait_status_t gp_service_loop_wait_fd(gp_service_loop_t *loop, int fd, int events,
                                         int64_t timeout_ns, _Atomic int *interrupted,
                                         int *error)
{
    if (error)
        *error = 0;
    if (fd < 0 || !(events & (GP_LOOP_READABLE | GP_LOOP_WRITABLE))) {
        if (error)
            *error = EINVAL;
        return GP_WAIT_FAILED;
    }
    struct timespec deadline;
    if (timeout_ns >= 0)
        deadline = timespec_after((uint64_t)timeout_ns);
    fd_request_t *req = gp_mem_calloc(1, sizeof *req);
    if (!req) {
        if (error)
            *error = ENOMEM;
        return GP_WAIT_FAILED;
    }
    waiter_init(&req->waiter);
    req->loop = loop;
    req->fd = fd;
    req->events = events;
    req->submit_call = (loop_call_t){.fn = fd_submit_cb, .arg = req};
    req->cancel_call = (loop_call_t){.fn = fd_cancel_cb, .arg = req};
    atomic_fetch_add(&loop->submitted, 1);
    if (!loop_enqueue(loop, &req->submit_call)) {
        atomic_store(&req->waiter.refs, 1);
        waiter_release(&req->waiter);
        if (error)
            *error = ESHUTDOWN;
        return GP_WAIT_FAILED;
    }

    bool must_cancel;
    gp_wait_status_t status = waiter_wait(&req->waiter, timeout_ns >= 0 ? &deadline : NULL,
                                          interrupted, error, &must_cancel);
    /* An fd wait that gives up waits for the loop to drop the fd: the
       caller may close it as soon as this returns, and the loop must not
       be touching that fd number in epoll then. */
    if (must_cancel && loop_cancel(loop, &req->waiter, &req->cancel_call)) {
        pthread_mutex_lock(&req->waiter.mutex);
        while (!req->waiter.cancel_done)
            pthread_cond_wait(&req->waiter.cond, &req->waiter.mutex);
        pthread_mutex_unlock(&req->waiter.mutex);
    }
    waiter_release(&req->waiter);
    return status;
}

typedef struct fd_wake {
    gp_service_loop_t *loop;
    int fd;
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    bool done;
} fd_wake_t;

static void fd_wake_cb(uv_loop_t *uv, void *arg)
{
    fd_wake_t *wake = arg;
    gp_service_loop_t *loop = wake->loop;
    if (uv && wake->fd < loop->watch_capacity && loop->watches[wake->fd])
        watch_finish_all(loop->watches[wake->fd], GP_WAIT_DONE, 0);
    pthread_mutex_lock(&wake->mutex);
    wake->done = true;
    pthread_cond_signal(&wake->cond);
    pthread_mutex_unlock(&wake->mutex);
}

void gp_service_loop_wake_fd(gp_service_loop_t *loop, int fd)
{
    if (!loop || fd < 0)
        return;
    /* The request lives on this stack: the caller waits until it ran. */
    fd_wake_t wake = {.loop = loop, .fd = fd};
    pthread_mutex_init(&wake.mutex, NULL);
    pthread_cond_init(&wake.cond, NULL);
    if (gp_service_loop_call(loop, fd_wake_cb, &wake) == 0) {
        pthread_mutex_lock(&wake.mutex);
        while (!wake.done)
            pthread_cond_wait(&wake.cond, &wake.mutex);
        pthread_mutex_unlock(&wake.mutex);
    }
    pthread_cond_destroy(&wake.cond);
    pthread_mutex_destroy(&wake.mutex);
}

/* ------------------------------------------------------------------ */
/* The loop thread                                                      */
/* ------------------------------------------------------------------ */

/* Closes whatever is still open once stopping: the last walk. */
static void loop_close_walk_cb(uv_handle_t *handle, void *arg)
{
    (void)arg;
    if (!uv_is_closing(handle))
        uv_close(handle, NULL);
}

/* Runs the stop hooks and fails every request still in flight. */
static void loop_shut_down(gp_service_loop_t *loop)
{
    pthread_mutex_lock(&loop->mutex);
    loop_call_t *hooks = loop->stop_hooks;
    loop->stop_hooks = NULL;
    pthread_mutex_unlock(&loop->mutex);
    loop_run_calls(loop, hooks, &loop->uv);

    while (loop->timers) {
        sleep_request_t *req = loop->timers;
        waiter_complete(&req->waiter, GP_WAIT_FAILED, ESHUTDOWN);
        sleep_close(req);
    }
    for (int fd = 0; fd < loop->watch_capacity; fd++) {
        if (loop->watches[fd])
            watch_finish_all(loop->watches[fd], GP_WAIT_FAILED, ESHUTDOWN);
    }
    gp_mem_free(loop->watches);
    loop->watches = NULL;
    loop->watch_capacity = 0;
    uv_walk(&loop->uv, loop_close_walk_cb, loop);
}

static void loop_wakeup_cb(uv_async_t *async)
{
    gp_service_loop_t *loop = async->data;
    atomic_fetch_add(&loop->wakeups, 1);
    pthread_mutex_lock(&loop->mutex);
    loop_call_t *calls = loop->call_head;
    bool stopping = loop->stopping;
    loop->call_head = loop->call_tail = NULL;
    pthread_mutex_unlock(&loop->mutex);

    loop_run_calls(loop, calls, stopping ? NULL : &loop->uv);
    if (stopping)
        loop_shut_down(loop);
}

static void loop_thread_main(void *arg)
{
    gp_service_loop_t *loop = arg;
    uv_run(&loop->uv, UV_RUN_DEFAULT);
}

gp_service_loop_t *gp_service_loop_start(int *error)
{
    gp_service_loop_t *loop = gp_mem_calloc(1, sizeof *loop);
    int rc = loop ? 0 : ENOMEM;
    if (rc == 0 && (rc = uv_loop_init(&loop->uv)) != 0) {
        gp_mem_free(loop);
        loop = NULL;
    }
    if (rc == 0 && (rc = uv_async_init(&loop->uv, &loop->wakeup, loop_wakeup_cb)) != 0) {
        uv_loop_close(&loop->uv);
        gp_mem_free(loop);
        loop = NULL;
    }
    if (rc == 0) {
        loop->wakeup.data = loop;
        pthread_mutex_init(&loop->mutex, NULL);
        if ((rc = uv_thread_create(&loop->thread, loop_thread_main, loop)) != 0) {
            uv_close((uv_handle_t *)&loop->wakeup, NULL);
            uv_run(&loop->uv, UV_RUN_DEFAULT);
            uv_loop_close(&loop->uv);
            pthread_mutex_destroy(&loop->mutex);
            gp_mem_free(loop);
            loop = NULL;
        }
    }
    if (error)
        *error = rc < 0 ? -rc : rc;
    return loop;
}

void gp_service_loop_stop(gp_service_loop_t *loop)
{
    if (!loop)
        return;
    pthread_mutex_lock(&loop->mutex);
    loop->stopping = true;
    uv_async_send(&loop->wakeup);
    pthread_mutex_unlock(&loop->mutex);
    uv_thread_join(&loop->thread);
    uv_loop_close(&loop->uv);
    pthread_mutex_destroy(&loop->mutex);
    gp_mem_free(loop);
}

void gp_service_loop_get_stats(gp_service_loop_t *loop, gp_service_loop_stats_t *out)
{
    out->submitted = atomic_load(&loop->submitted);
    out->fired = atomic_load(&loop->fired);
    out->cancelled = atomic_load(&loop->cancelled);
    out->wakeups = atomic_load(&loop->wakeups);
    out->calls = atomic_load(&loop->calls);
    out->fd_ready = atomic_load(&loop->fd_ready);
}
