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
 * A waiting thread (which has already released the GIL) allocates a request,
 * appends it to the loop's submit queue under a mutex, and wakes the loop
 * with uv_async_send(). The loop thread drains the queue in its async
 * callback and starts a uv_timer_t per request. When the timer fires, the
 * callback marks the request done and signals the waiter's condition
 * variable.
 *
 * Ownership: a request is shared by the waiter and the loop, so it carries
 * a reference count of two. The waiter drops its reference when it stops
 * waiting; the loop drops its own only in the timer handle's close callback
 * - libuv's rule is that a handle's memory must stay valid until then. This
 * is what makes early return safe: a waiter interrupted by Ctrl-C queues a
 * cancellation and leaves; the loop thread later stops and closes the timer
 * and frees the request. Nothing libuv still points at is ever freed.
 *
 * libuv timers have millisecond resolution; waits are rounded up to the next
 * millisecond. Callers with sub-millisecond waits sleep in the kernel
 * directly instead (time.sleep does).
 */
#include "runtime/loop.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <uv.h>

#include "obj/object.h"

typedef struct loop_request loop_request_t;

struct gp_service_loop {
    uv_loop_t uv;
    uv_thread_t thread;
    uv_async_t wakeup;

    pthread_mutex_t mutex; /* guards the two queues and `stopping` */
    loop_request_t *submit_head, *submit_tail;
    loop_request_t *cancel_head;
    bool stopping;

    _Atomic uint64_t submitted, fired, cancelled, wakeups;
};

struct loop_request {
    _Atomic int refs; /* the waiter's and the loop's */
    gp_service_loop_t *loop;
    uv_timer_t timer;
    uint64_t timeout_ms;

    loop_request_t *next_submit;
    loop_request_t *next_cancel;

    pthread_mutex_t mutex; /* guards the flags below */
    pthread_cond_t cond;
    bool started;          /* the timer was started on the loop thread */
    bool closing;          /* uv_close() was called on the timer */
    bool done;             /* the waiter may stop waiting */
    bool cancel_requested; /* the waiter left early */
    gp_wait_status_t status;
};

static void request_release(loop_request_t *req)
{
    if (atomic_fetch_sub(&req->refs, 1) != 1)
        return;
    pthread_cond_destroy(&req->cond);
    pthread_mutex_destroy(&req->mutex);
    gp_mem_free(req);
}

/* Marks [req] finished with [status] and wakes its waiter. Loop thread. */
static void request_complete(loop_request_t *req, gp_wait_status_t status)
{
    pthread_mutex_lock(&req->mutex);
    if (!req->done) {
        req->done = true;
        req->status = status;
        pthread_cond_signal(&req->cond);
    }
    pthread_mutex_unlock(&req->mutex);
}

static void timer_close_cb(uv_handle_t *handle)
{
    request_release(handle->data);
}

/* Closes the request's timer once; the close callback drops the loop's reference. */
static void request_close(loop_request_t *req)
{
    if (req->closing)
        return;
    req->closing = true;
    uv_close((uv_handle_t *)&req->timer, timer_close_cb);
}

static void timer_fire_cb(uv_timer_t *timer)
{
    loop_request_t *req = timer->data;
    atomic_fetch_add(&req->loop->fired, 1);
    request_complete(req, GP_WAIT_DONE);
    request_close(req);
}

/* Takes both queues in one go under the mutex. */
static void loop_take_queues(gp_service_loop_t *loop, loop_request_t **submits,
                             loop_request_t **cancels, bool *stopping)
{
    pthread_mutex_lock(&loop->mutex);
    *submits = loop->submit_head;
    *cancels = loop->cancel_head;
    *stopping = loop->stopping;
    loop->submit_head = loop->submit_tail = NULL;
    loop->cancel_head = NULL;
    pthread_mutex_unlock(&loop->mutex);
}

static void loop_start_request(gp_service_loop_t *loop, loop_request_t *req)
{
    uv_timer_init(&loop->uv, &req->timer);
    req->timer.data = req;
    req->started = true;
    uv_timer_start(&req->timer, timer_fire_cb, req->timeout_ms, 0);
}

/* Closes every request timer still open: used when the loop stops. */
static void loop_close_walk_cb(uv_handle_t *handle, void *arg)
{
    gp_service_loop_t *loop = arg;
    if (handle == (uv_handle_t *)&loop->wakeup) {
        if (!uv_is_closing(handle))
            uv_close(handle, NULL);
        return;
    }
    loop_request_t *req = handle->data;
    request_complete(req, GP_WAIT_FAILED);
    request_close(req);
}

static void loop_wakeup_cb(uv_async_t *async)
{
    gp_service_loop_t *loop = async->data;
    loop_request_t *submits, *cancels;
    bool stopping;
    atomic_fetch_add(&loop->wakeups, 1);
    loop_take_queues(loop, &submits, &cancels, &stopping);
    /* Timers count from now, not from when the loop last woke. */
    uv_update_time(&loop->uv);

    while (submits) {
        loop_request_t *req = submits;
        submits = req->next_submit;
        pthread_mutex_lock(&req->mutex);
        bool cancelled = req->cancel_requested;
        pthread_mutex_unlock(&req->mutex);
        if (cancelled || stopping) {
            /* Never started: no handle to close, so drop the loop's reference here. */
            if (cancelled)
                atomic_fetch_add(&loop->cancelled, 1);
            request_complete(req, GP_WAIT_FAILED);
            request_release(req);
        } else {
            loop_start_request(loop, req);
        }
    }
    while (cancels) {
        loop_request_t *req = cancels;
        cancels = req->next_cancel;
        if (req->started && !req->closing) {
            uv_timer_stop(&req->timer);
            atomic_fetch_add(&loop->cancelled, 1);
            request_close(req);
        }
        /* The waiter's reference for the cancel entry itself. */
        request_release(req);
    }
    if (stopping)
        uv_walk(&loop->uv, loop_close_walk_cb, loop);
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
    pthread_mutex_unlock(&loop->mutex);
    uv_async_send(&loop->wakeup);
    uv_thread_join(&loop->thread);
    uv_loop_close(&loop->uv);
    pthread_mutex_destroy(&loop->mutex);
    gp_mem_free(loop);
}

static struct timespec loop_deadline_after(uint64_t ns)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t total = (uint64_t)ts.tv_nsec + ns;
    ts.tv_sec += (time_t)(total / 1000000000u);
    ts.tv_nsec = (long)(total % 1000000000u);
    return ts;
}

gp_wait_status_t gp_service_loop_sleep(gp_service_loop_t *loop, uint64_t ns,
                                       _Atomic int *interrupted)
{
    loop_request_t *req = gp_mem_calloc(1, sizeof *req);
    if (!req)
        return GP_WAIT_FAILED;
    atomic_store(&req->refs, 2);
    req->loop = loop;
    req->timeout_ms = (ns + 999999u) / 1000000u;
    pthread_mutex_init(&req->mutex, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&req->cond, &attr);
    pthread_condattr_destroy(&attr);

    pthread_mutex_lock(&loop->mutex);
    if (loop->stopping) {
        pthread_mutex_unlock(&loop->mutex);
        atomic_store(&req->refs, 1);
        request_release(req);
        return GP_WAIT_FAILED;
    }
    if (loop->submit_tail)
        loop->submit_tail->next_submit = req;
    else
        loop->submit_head = req;
    loop->submit_tail = req;
    pthread_mutex_unlock(&loop->mutex);
    atomic_fetch_add(&loop->submitted, 1);
    uv_async_send(&loop->wakeup);

    gp_wait_status_t status;
    pthread_mutex_lock(&req->mutex);
    for (;;) {
        if (req->done) {
            status = req->status;
            break;
        }
        if (interrupted && atomic_load(interrupted)) {
            req->cancel_requested = true;
            status = GP_WAIT_INTERRUPTED;
            break;
        }
        struct timespec deadline = loop_deadline_after(GP_LOOP_POLL_NS);
        pthread_cond_timedwait(&req->cond, &req->mutex, &deadline);
    }
    bool must_cancel = req->cancel_requested && !req->done;
    pthread_mutex_unlock(&req->mutex);

    if (must_cancel) {
        /* The cancel entry holds a reference of its own until the loop
           thread has processed it. */
        atomic_fetch_add(&req->refs, 1);
        pthread_mutex_lock(&loop->mutex);
        req->next_cancel = loop->cancel_head;
        loop->cancel_head = req;
        pthread_mutex_unlock(&loop->mutex);
        uv_async_send(&loop->wakeup);
    }
    request_release(req);
    return status;
}

void gp_service_loop_get_stats(gp_service_loop_t *loop, gp_service_loop_stats_t *out)
{
    out->submitted = atomic_load(&loop->submitted);
    out->fired = atomic_load(&loop->fired);
    out->cancelled = atomic_load(&loop->cancelled);
    out->wakeups = atomic_load(&loop->wakeups);
}
