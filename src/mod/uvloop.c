/*
 * uvloop.c - the `_gpuv` module: the libuv core under lib/asyncio.
 *
 * The thread/loop rule (gilpy keeps it everywhere):
 *
 *   A libuv loop is driven only by its own thread. Other threads reach it
 *   only through uv_async_send(). libuv callbacks never touch a Python
 *   object; they record what fired, and the loop's thread runs the Python
 *   callbacks afterwards, under the GIL.
 *
 * Design notes
 * ------------
 * asyncio's event loop is split in two. lib/asyncio/base_events.py keeps
 * the policy (the ready queue of handles, futures, tasks, exception
 * handling) in Python, like CPython's BaseEventLoop. This file keeps what
 * must be fast or must touch libuv:
 *
 *   - the timer heap. call_later/call_at push (deadline, sequence, handle)
 *     onto a binary heap in C; the loop pops every handle that is due in one
 *     call. 100,000 sleeping tasks cost 100,000 heap entries of 24 bytes,
 *     no Python tuples and no Python-level heap comparisons. The sequence
 *     number keeps handles with equal deadlines in the order they were
 *     scheduled.
 *
 *     Beside the heap sits the "run", a FIFO of entries whose deadlines
 *     came in order: an entry due no earlier than the run's last one is
 *     appended there instead of sifted into the heap. Many tasks sleeping
 *     for the same delay (or any fixed-delay timer) then cost O(1) per push
 *     and per pop, where the heap paid a sift through 17 levels per pop for
 *     100,000 of them. The earliest timer is the earlier of the run's head
 *     and the heap's top, so the order is the same as with the heap alone.
 *
 *   - the wait. poll(timeout) releases the GIL and runs the uv_loop_t once
 *     with a single uv_timer_t armed for the nearest deadline. The GIL is
 *     released only while libuv polls; it is held whenever Python runs.
 *
 *   - the cross-thread wakeup. post(callback) appends to a list under the
 *     GIL (so the append is atomic with respect to every other Python
 *     operation) and calls uv_async_send(), the one libuv call that is safe
 *     from any thread. The async callback, on the loop's thread without the
 *     GIL, only sets a flag; poll() hands the posted list back to Python
 *     after it has re-taken the GIL.
 *
 * Timer resolution. libuv timers count whole milliseconds against a loop
 * clock that is itself truncated to milliseconds, so a timer alone could
 * fire up to a millisecond late. poll() therefore arms the uv timer for the
 * whole milliseconds of the wait (rounded down) and covers the sub-millisecond
 * rest with a nanosleep, checking the deadline against uv_hrtime(). A wait of
 * less than a millisecond never blocks in epoll at all. Long waits are cut
 * into slices of GPUV_SLICE_MS so that a Ctrl-C arriving while the loop
 * polls is noticed: the signal handler only sets the runtime's pending flag,
 * and poll() returns early so that the eval loop raises KeyboardInterrupt.
 *
 * Memory. The uv_loop_t and its two handles live inside the Loop object.
 * close() closes both handles and runs the uv loop until their close
 * callbacks have fired, and only then calls uv_loop_close(); dealloc does
 * the same if the program never called close(). Nothing libuv still points
 * at is ever freed.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uv.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "mod/asyncio_c.h"
#include "mod/uvloop_internal.h"
#include "obj/object.h"
#include "runtime/runtime.h"

/* The longest one uv_run may block before poll() looks for Ctrl-C. */
#define GPUV_SLICE_MS 100u

static int gpuv_check_open(gpuv_loop_t *loop)
{
    if (loop->closed) {
        gp_err_set_string(&gp_exc_RuntimeError, "Event loop is closed");
        return -1;
    }
    return 0;
}

static inline double gpuv_now(void)
{
    return (double)uv_hrtime() / 1e9;
}

/* ------------------------------------------------------------------ */
/* libuv callbacks: no GIL, no Python objects                           */
/* ------------------------------------------------------------------ */

static void async_fire_cb(uv_async_t *async)
{
    gpuv_loop_t *loop = async->data;
    atomic_store(&loop->woken, 1);
}

static void timer_fire_cb(uv_timer_t *timer)
{
    /* Nothing to record: uv_run(UV_RUN_ONCE) returns after this, and
       poll() compares the clock with its deadline. */
    (void)timer;
}

static void handle_close_cb(uv_handle_t *handle)
{
    (void)handle; /* the handles live inside the Loop object */
}

/* ------------------------------------------------------------------ */
/* The timer heap                                                       */
/* ------------------------------------------------------------------ */

static inline bool entry_less(const timer_entry_t *a, const timer_entry_t *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void heap_sift_up(timer_entry_t *heap, size_t i)
{
    timer_entry_t item = heap[i];
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!entry_less(&item, &heap[parent]))
            break;
        heap[i] = heap[parent];
        i = parent;
    }
    heap[i] = item;
}

static void heap_sift_down(timer_entry_t *heap, size_t len, size_t i)
{
    timer_entry_t item = heap[i];
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= len)
            break;
        if (child + 1 < len && entry_less(&heap[child + 1], &heap[child]))
            child++;
        if (!entry_less(&heap[child], &item))
            break;
        heap[i] = heap[child];
        i = child;
    }
    heap[i] = item;
}

/* Removes and returns the earliest entry; the caller owns its handle. */
static timer_entry_t heap_pop(gpuv_loop_t *loop)
{
    timer_entry_t top = loop->heap[0];
    loop->heap_len--;
    if (loop->heap_len > 0) {
        loop->heap[0] = loop->heap[loop->heap_len];
        heap_sift_down(loop->heap, loop->heap_len, 0);
    }
    return top;
}

static void heap_clear(gpuv_loop_t *loop)
{
    timer_entry_t *heap = loop->heap, *run = loop->run;
    size_t len = loop->heap_len, head = loop->run_head, run_len = loop->run_len;
    loop->heap = loop->run = NULL;
    loop->heap_len = loop->heap_cap = 0;
    loop->run_head = loop->run_len = loop->run_cap = 0;
    for (size_t i = 0; i < len; i++)
        GP_DECREF(heap[i].handle);
    for (size_t i = head; i < run_len; i++)
        GP_DECREF(run[i].handle);
    gp_mem_free(heap);
    gp_mem_free(run);
}

static inline size_t run_count(const gpuv_loop_t *loop)
{
    return loop->run_len - loop->run_head;
}

/* The earliest timer entry of the run and the heap, or NULL if none. */
static timer_entry_t *timers_first(gpuv_loop_t *loop)
{
    timer_entry_t *from_run = run_count(loop) ? &loop->run[loop->run_head] : NULL;
    timer_entry_t *from_heap = loop->heap_len ? &loop->heap[0] : NULL;
    if (!from_run || !from_heap)
        return from_run ? from_run : from_heap;
    return entry_less(from_run, from_heap) ? from_run : from_heap;
}

/* Removes and returns the earliest entry (there must be one); the caller
   owns its handle. */
static timer_entry_t timers_pop(gpuv_loop_t *loop)
{
    timer_entry_t *first = timers_first(loop);
    if (first != &loop->run[loop->run_head] || !run_count(loop))
        return heap_pop(loop);
    timer_entry_t top = *first;
    if (++loop->run_head == loop->run_len)
        loop->run_head = loop->run_len = 0;
    return top;
}

static size_t timers_count(const gpuv_loop_t *loop)
{
    return loop->heap_len + run_count(loop);
}

/* Appends [entry] to the run (its deadline is not before the run's last),
   making room by sliding the live part down or growing. */
static int run_append(gpuv_loop_t *loop, timer_entry_t entry)
{
    if (loop->run_len == loop->run_cap) {
        size_t live = run_count(loop);
        if (loop->run_head >= loop->run_cap / 2 && loop->run_head > 0) {
            memmove(loop->run, loop->run + loop->run_head, live * sizeof *loop->run);
        } else {
            size_t cap = loop->run_cap ? loop->run_cap * 2 : 64;
            timer_entry_t *run = gp_mem_alloc(cap * sizeof *run);
            if (!run) {
                gp_err_no_memory();
                return -1;
            }
            if (live)
                memcpy(run, loop->run + loop->run_head, live * sizeof *run);
            gp_mem_free(loop->run);
            loop->run = run;
            loop->run_cap = cap;
        }
        loop->run_head = 0;
        loop->run_len = live;
    }
    loop->run[loop->run_len++] = entry;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                            */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* Completions: the bridge from libuv callbacks to the GIL             */
/* ------------------------------------------------------------------ */

uv_loop_t *gp_uvloop_uv(gp_object_t *loop_obj)
{
    if (!gpuv_loop_check(loop_obj)) {
        gp_err_format(&gp_exc_TypeError, "expected a _gpuv.Loop, got '%T'", loop_obj);
        return NULL;
    }
    gpuv_loop_t *loop = (gpuv_loop_t *)loop_obj;
    if (gpuv_check_open(loop) < 0)
        return NULL;
    return loop->uv;
}

void gp_uvloop_complete(uv_loop_t *uv, gp_uv_completion_t *c)
{
    gpuv_loop_t *loop = uv->data;
    c->next = NULL;
    if (loop->completions_tail)
        loop->completions_tail->next = c;
    else
        loop->completions_head = c;
    loop->completions_tail = c;
}

void gp_uvloop_report_unraisable(const char *where)
{
    gp_object_t *exc = gp_err_fetch();
    fflush(stdout);
    fprintf(stderr, "Exception ignored in: %s\n", where);
    if (exc) {
        gp_exception_print(exc);
        GP_DECREF(exc);
    }
    fflush(stderr);
}

void gpuv_loop_defer_exception(gpuv_loop_t *loop, const char *where)
{
    if (!gp_err_occurred())
        return;
    if ((gp_err_matches(&gp_exc_KeyboardInterrupt) || gp_err_matches(&gp_exc_SystemExit)) &&
        !loop->deferred_exc) {
        loop->deferred_exc = gp_err_fetch();
        return;
    }
    gp_uvloop_report_unraisable(where);
}

void gpuv_loop_run_completions(gpuv_loop_t *loop)
{
    /* A run() may queue more (a transport closing its handle is completed
       by a later uv_run, but a run() that frees a request may also start
       another one); the loop takes whatever is at the head each time. */
    while (loop->completions_head) {
        gp_uv_completion_t *c = loop->completions_head;
        loop->completions_head = c->next;
        if (!loop->completions_head)
            loop->completions_tail = NULL;
        c->next = NULL;
        c->run(c);
        if (gp_err_occurred())
            gp_uvloop_report_unraisable("a libuv completion of the asyncio loop");
    }
}

void gpuv_owned_link(gpuv_loop_t *loop, gpuv_owned_t *owned)
{
    owned->next = loop->owned.next;
    owned->prev = &loop->owned;
    loop->owned.next->prev = owned;
    loop->owned.next = owned;
}

void gpuv_owned_unlink(gpuv_owned_t *owned)
{
    if (!owned->next)
        return;
    owned->prev->next = owned->next;
    owned->next->prev = owned->prev;
    owned->next = owned->prev = NULL;
}

void gpuv_set_uv_error(int uv_error, const char *message)
{
    int errnum = uv_error < 0 ? -uv_error : uv_error;
    gp_object_t *msg = gp_str_from_cstr(message ? message : strerror(errnum));
    gp_object_t *code = gp_int_from_i64(errnum);
    gp_object_t *args = msg ? gp_tuple_pack(2, code, msg) : NULL;
    GP_XDECREF(msg);
    if (!args)
        return;
    gp_object_t *exc = gp_exception_new(&gp_exc_OSError, args);
    GP_DECREF(args);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                            */
/* ------------------------------------------------------------------ */

static void count_closing_cb(uv_handle_t *handle, void *arg)
{
    if (uv_is_closing(handle))
        (*(int *)arg)++;
}

/* Is there anything close() must still wait for: a handle whose close
   callback has not fired, or a request in flight? */
static bool gpuv_has_pending(uv_loop_t *uv, bool *requests)
{
    int closing = 0;
    uv_walk(uv, count_closing_cb, &closing);
    *requests = uv->active_reqs.count > 0;
    return closing > 0 || *requests;
}

/* Closes every handle this module owns and the loop's own two, lets libuv
   run their close callbacks (and finish requests in flight), running the
   completions they queue, then closes the uv loop. GIL held. */
static void gpuv_close_uv(gpuv_loop_t *loop)
{
    if (!loop->initialised)
        return;
    loop->initialised = false;
    loop->closing = true;
    while (loop->owned.next != &loop->owned) {
        gpuv_owned_t *owned = loop->owned.next;
        gpuv_owned_unlink(owned);
        owned->close_for_loop(owned);
    }
    uv_close((uv_handle_t *)&loop->async, handle_close_cb);
    uv_close((uv_handle_t *)&loop->timer, handle_close_cb);
    for (;;) {
        bool requests = false;
        /* Close callbacks touch no Python object, so this round keeps the
           GIL (close() may run from a dealloc inside the collector). */
        uv_run(loop->uv, UV_RUN_NOWAIT);
        /* Requests on the threadpool (DNS, files) call back only through
           the loop: block until one does rather than spin. */
        if (gpuv_has_pending(loop->uv, &requests) && requests) {
            gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_EVENT_LOOP);
            uv_run(loop->uv, UV_RUN_ONCE);
            gp_gil_acquire_after_blocking(ts);
        }
        gpuv_loop_run_completions(loop);
        if (!gpuv_has_pending(loop->uv, &requests) && !loop->completions_head)
            break;
    }
    GP_CLEAR(loop->deferred_exc);
    loop->closing = false;
    if (uv_loop_close(loop->uv) == 0)
        gp_mem_free(loop->uv);
    /* else: an owner left a handle open; the uv_loop_t stays allocated so
       that the handle keeps pointing at valid memory (see uvloop.h). */
    loop->uv = NULL;
}

static gp_object_t *gpuv_loop_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("Loop", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gpuv_loop_t *loop = (gpuv_loop_t *)gp_object_alloc(type, 0);
    if (!loop)
        return NULL;
    loop->owned.next = loop->owned.prev = &loop->owned;
    loop->closed = true; /* until the uv loop exists */
    loop->uv = gp_mem_alloc(sizeof *loop->uv);
    if (!loop->uv) {
        GP_DECREF(&loop->base);
        gp_err_no_memory();
        return NULL;
    }
    int rc = uv_loop_init(loop->uv);
    if (rc == 0) {
        rc = uv_async_init(loop->uv, &loop->async, async_fire_cb);
        if (rc != 0)
            uv_loop_close(loop->uv);
    }
    if (rc != 0) {
        gp_mem_free(loop->uv);
        loop->uv = NULL;
        GP_DECREF(&loop->base);
        gp_err_format(&gp_exc_OSError, "cannot create a libuv loop: %s", uv_strerror(rc));
        return NULL;
    }
    loop->uv->data = loop;
    uv_timer_init(loop->uv, &loop->timer);
    loop->async.data = loop;
    loop->timer.data = loop;
    /* An idle loop must not keep uv_run(UV_RUN_DEFAULT) alive at close. */
    uv_unref((uv_handle_t *)&loop->async);
    loop->closed = false;
    loop->initialised = true;
    gp_gc_track(&loop->base);
    return &loop->base;
}

static int gpuv_loop_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    for (size_t i = 0; i < loop->heap_len; i++) {
        gp_object_t *h = loop->heap[i].handle;
        if (GP_IS_PTR(h)) {
            int r = visit(h, arg);
            if (r)
                return r;
        }
    }
    for (size_t i = loop->run_head; i < loop->run_len; i++) {
        gp_object_t *h = loop->run[i].handle;
        if (GP_IS_PTR(h)) {
            int r = visit(h, arg);
            if (r)
                return r;
        }
    }
    if (loop->posted) {
        int r = visit(loop->posted, arg);
        if (r)
            return r;
    }
    if (loop->deferred_exc) {
        int r = visit(loop->deferred_exc, arg);
        if (r)
            return r;
    }
    return 0;
}

static int gpuv_loop_clear(gp_object_t *self)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    heap_clear(loop);
    GP_CLEAR(loop->posted);
    GP_CLEAR(loop->deferred_exc);
    return 0;
}

static void gpuv_loop_dealloc(gp_object_t *self)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    gp_gc_untrack(self);
    gpuv_close_uv(loop);
    gpuv_loop_clear(self);
    gp_mem_free(loop->scratch);
    gp_type_t *type = GP_TYPE(self);
    gp_object_free(self);
    if (type->flags & GP_TYPE_FLAG_HEAPTYPE)
        GP_DECREF((gp_object_t *)type);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *gpuv_loop_time(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("time", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_float_new(gpuv_now());
}

/* Converts a number to seconds; TypeError for anything else. */
static int gpuv_seconds(gp_object_t *o, double *out)
{
    if (GP_IS_SMALL(o)) {
        *out = (double)GP_SMALL_VALUE(o);
        return 0;
    }
    if (GP_IS_TYPE(o, gp_float_type)) {
        *out = gp_float_value(o);
        return 0;
    }
    double v = gp_float_as_double(o);
    if (v == -1.0 && gp_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* Pushes [handle] (a new reference is taken) for loop time [when]. */
static int heap_push(gpuv_loop_t *loop, double when, gp_object_t *handle)
{
    if (isnan(when)) {
        gp_err_set_string(&gp_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (!run_count(loop) || !(when < loop->run[loop->run_len - 1].when)) {
        timer_entry_t entry = {when, loop->next_seq, handle};
        if (run_append(loop, entry) < 0)
            return -1;
        loop->next_seq++;
        GP_INCREF(handle);
        return 0;
    }
    if (loop->heap_len == loop->heap_cap) {
        size_t cap = loop->heap_cap ? loop->heap_cap * 2 : 64;
        timer_entry_t *heap = gp_mem_realloc(loop->heap, cap * sizeof *heap);
        if (!heap) {
            gp_err_no_memory();
            return -1;
        }
        loop->heap = heap;
        loop->heap_cap = cap;
    }
    timer_entry_t *entry = &loop->heap[loop->heap_len];
    entry->when = when;
    entry->seq = loop->next_seq++;
    entry->handle = GP_INCREF(handle);
    heap_sift_up(loop->heap, loop->heap_len++);
    return 0;
}

int gp_uvloop_timer_push_later(gp_object_t *loop_obj, double delay, gp_object_t *handle)
{
    if (!gpuv_loop_check(loop_obj)) {
        gp_err_format(&gp_exc_TypeError, "expected a _gpuv.Loop, not %T", loop_obj);
        return -1;
    }
    gpuv_loop_t *loop = (gpuv_loop_t *)loop_obj;
    if (gpuv_check_open(loop) < 0)
        return -1;
    return heap_push(loop, gpuv_now() + delay, handle);
}

gp_object_t *gp_uvloop_timer_pop_due(gp_object_t *loop_obj, double end)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)loop_obj;
    if (!gpuv_loop_check(loop_obj))
        return NULL;
    timer_entry_t *first = timers_first(loop);
    if (!first || !(first->when <= end))
        return NULL;
    return timers_pop(loop).handle;
}

/* timer_push(when, handle): schedules [handle] for loop time [when]. */
static gp_object_t *gpuv_loop_timer_push(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    if (gp_args_check("timer_push", nargs, kwnames, 2, 2) < 0)
        return NULL;
    double when;
    if (gpuv_seconds(args[0], &when) < 0)
        return NULL;
    if (heap_push(loop, when, args[1]) < 0)
        return NULL;
    return gp_none_new();
}

/* timer_pop_due(end): a list of the handles due at or before [end], earliest first. */
static gp_object_t *gpuv_loop_timer_pop_due(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    if (gp_args_check("timer_pop_due", nargs, kwnames, 1, 1) < 0)
        return NULL;
    double end;
    if (gpuv_seconds(args[0], &end) < 0)
        return NULL;
    gp_object_t *due = gp_list_new(0);
    if (!due)
        return NULL;
    timer_entry_t *first;
    while ((first = timers_first(loop)) && first->when <= end) {
        timer_entry_t top = timers_pop(loop);
        int rc = gp_list_append(due, top.handle);
        GP_DECREF(top.handle);
        if (rc < 0) {
            GP_DECREF(due);
            return NULL;
        }
    }
    return due;
}

/* timer_next(): the earliest deadline, or None when no timer is scheduled. */
static gp_object_t *gpuv_loop_timer_next(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    if (gp_args_check("timer_next", nargs, kwnames, 0, 0) < 0)
        return NULL;
    timer_entry_t *first = timers_first(loop);
    if (!first)
        return gp_none_new();
    return gp_float_new(first->when);
}

/* timer_purge(): drops every handle whose `_cancelled` attribute is true and
   re-heapifies. Returns how many were dropped. The Python side calls it when
   cancelled handles make up most of the heap (wait_for timeouts that never
   fired), so that they do not pin memory until their deadline. */
static gp_object_t *gpuv_loop_timer_purge(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    if (gp_args_check("timer_purge", nargs, kwnames, 0, 0) < 0)
        return NULL;
    /* The walk below is over the heap alone: the run joins it first (the
       heap is rebuilt at the end anyway). */
    size_t live = run_count(loop);
    if (live) {
        if (loop->heap_len + live > loop->heap_cap) {
            timer_entry_t *grown =
                gp_mem_realloc(loop->heap, (loop->heap_len + live) * sizeof *grown);
            if (!grown)
                return gp_int_from_i64(0); /* purging is only an optimisation */
            loop->heap = grown;
            loop->heap_cap = loop->heap_len + live;
        }
        memcpy(loop->heap + loop->heap_len, loop->run + loop->run_head, live * sizeof *loop->heap);
        loop->heap_len += live;
        loop->run_head = loop->run_len = 0;
    }
    size_t kept = 0, dropped = 0;
    gp_object_t *dead = gp_list_new(0); /* DECREF outside the heap walk */
    if (!dead)
        return NULL;
    /* Reading `_cancelled` may run Python code (a property) that pushes
       timers, so the walk owns a detached copy of the heap; anything pushed
       meanwhile is merged back afterwards. */
    timer_entry_t *heap = loop->heap;
    size_t len = loop->heap_len, cap = loop->heap_cap;
    loop->heap = NULL;
    loop->heap_len = loop->heap_cap = 0;
    for (size_t i = 0; i < len; i++) {
        timer_entry_t entry = heap[i];
        gp_object_t *flag = gp_object_getattr_cstr(entry.handle, "_cancelled");
        int cancelled = flag ? gp_object_is_true(flag) : -1;
        GP_XDECREF(flag);
        if (cancelled < 0) {
            gp_err_clear();
            cancelled = 0;
        }
        if (cancelled && gp_list_append(dead, entry.handle) == 0) {
            GP_DECREF(entry.handle);
            dropped++;
            continue;
        }
        if (gp_err_occurred())
            gp_err_clear();
        heap[kept++] = entry;
    }
    /* Merge what was pushed during the walk (at most kept + pushed <= cap
       would fit; grow otherwise, and keep the entries even if that fails). */
    timer_entry_t *pushed = loop->heap;
    size_t npushed = loop->heap_len;
    if (npushed > 0 && kept + npushed > cap) {
        timer_entry_t *grown = gp_mem_realloc(heap, (kept + npushed) * sizeof *heap);
        if (grown) {
            heap = grown;
            cap = kept + npushed;
        }
    }
    if (kept + npushed <= cap) {
        for (size_t i = 0; i < npushed; i++)
            heap[kept++] = pushed[i];
        gp_mem_free(pushed);
    } else {
        /* Out of memory: keep the newer heap and drop the walked entries'
           references rather than lose track of them. */
        for (size_t i = 0; i < kept; i++)
            GP_DECREF(heap[i].handle);
        gp_mem_free(heap);
        heap = pushed;
        kept = npushed;
        cap = loop->heap_cap;
    }
    loop->heap = heap;
    loop->heap_len = kept;
    loop->heap_cap = cap;
    for (size_t i = kept / 2; i-- > 0;)
        heap_sift_down(loop->heap, kept, i);
    GP_DECREF(dead);
    if (heap == pushed && npushed > 0) {
        gp_err_no_memory();
        return NULL;
    }
    return gp_int_from_i64((int64_t)dropped);
}

static intptr_t gpuv_loop_len(gp_object_t *self)
{
    return (intptr_t)timers_count((gpuv_loop_t *)self);
}

/* post(callback): thread-safe hand-off to the loop's thread. The caller
   holds the GIL, which makes the append atomic; uv_async_send() wakes a
   loop that is blocked in poll(). */
static gp_object_t *gpuv_loop_post(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    if (gp_args_check("post", nargs, kwnames, 1, 1) < 0 || gpuv_check_open(loop) < 0)
        return NULL;
    if (!loop->posted && !(loop->posted = gp_list_new(0)))
        return NULL;
    if (gp_list_append(loop->posted, args[0]) < 0)
        return NULL;
    uv_async_send(&loop->async);
    return gp_none_new();
}

/* wakeup(): makes a blocked poll() return; safe from any thread. */
static gp_object_t *gpuv_loop_wakeup(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    if (gp_args_check("wakeup", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (!loop->closed)
        uv_async_send(&loop->async);
    return gp_none_new();
}

/* Linux lets the kernel fire a sleeping thread's timers up to its "timer
   slack" late (50 us by default) so that wake-ups can be batched. A loop
   thread asked for a precise deadline, so its slack is cut to 1 us, once
   per thread. Real-time threads have no slack anyway. */
static void loop_thread_tighten_timers(void)
{
#ifdef __linux__
    static _Thread_local bool tightened;
    if (!tightened) {
        tightened = true;
        (void)prctl(PR_SET_TIMERSLACK, 1000UL, 0UL, 0UL, 0UL);
    }
#endif
}

static void sleep_ns(uint64_t ns)
{
    struct timespec ts = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* Waits, without the GIL, until [deadline_ns] (uv_hrtime clock; 0 means no
   deadline), a wakeup, or a pending Ctrl-C. [block] false: just let libuv
   run what is ready. */
static void gpuv_wait(gpuv_loop_t *loop, bool block, uint64_t deadline_ns,
                      _Atomic int *pending_sigint)
{
    if (!block) {
        uv_run(loop->uv, UV_RUN_NOWAIT);
        return;
    }
    loop_thread_tighten_timers();
    for (;;) {
        /* A completion queued by a libuv callback of the previous round
           (this thread wrote it) ends the wait like a wakeup. */
        if (atomic_load(&loop->woken) || atomic_load(pending_sigint) || loop->completions_head)
            return;
        uint64_t slice_ms = GPUV_SLICE_MS;
        if (deadline_ns) {
            uint64_t now = uv_hrtime();
            if (now >= deadline_ns)
                return;
            uint64_t left = deadline_ns - now;
            if (left < 1000000u) {
                /* Less than libuv's resolution: sleep the rest in the kernel.
                   A wakeup during it waits at most this long. */
                sleep_ns(left);
                uv_run(loop->uv, UV_RUN_NOWAIT);
                return;
            }
            if (left / 1000000u < slice_ms)
                slice_ms = left / 1000000u;
        }
        uv_update_time(loop->uv);
        uv_timer_start(&loop->timer, timer_fire_cb, slice_ms, 0);
        uv_run(loop->uv, UV_RUN_ONCE);
        uv_timer_stop(&loop->timer);
    }
}

/* poll(timeout): waits for at most [timeout] seconds (None: until woken, 0:
   not at all) with the GIL released, then returns the list of callbacks
   that other threads posted meanwhile (possibly empty). */
static gp_object_t *gpuv_loop_poll(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    if (gp_args_check("poll", nargs, kwnames, 1, 1) < 0 || gpuv_check_open(loop) < 0)
        return NULL;
    if (loop->polling) {
        gp_err_set_string(&gp_exc_RuntimeError, "poll() is already running");
        return NULL;
    }
    /* A wake-up asyncio lost for want of memory (asyncio_state_t's
       lost_callback) may be what this wait would wait for, forever: the
       clean-up rounds of asyncio.run() that cancel the tasks come here
       before they run anything. */
    asyncio_state_t *aio = gp_aio_state();
    if (aio && aio->lost_callback) {
        gp_err_no_memory();
        return NULL;
    }
    bool block = true;
    uint64_t deadline = 0;
    if (args[0] != gp_None) {
        double timeout;
        if (gpuv_seconds(args[0], &timeout) < 0)
            return NULL;
        if (!(timeout > 0))
            block = false;
        else if (timeout < 1e9)
            deadline = uv_hrtime() + (uint64_t)(timeout * 1e9) + 1;
    }
    if ((loop->posted && GP_LIST_SIZE(loop->posted) > 0) || loop->completions_head)
        block = false;

    gp_runtime_t *rt = gp_runtime();
    loop->polling = true;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_EVENT_LOOP);
    gpuv_wait(loop, block, deadline, &rt->pending_sigint);
    gp_gil_acquire_after_blocking(ts);
    atomic_store(&loop->woken, 0);
    /* Still "polling" while completions run, so that a protocol callback
       cannot re-enter poll() or close the loop under them. */
    gpuv_loop_run_completions(loop);
    loop->polling = false;
    if (loop->deferred_exc) {
        gp_object_t *exc = loop->deferred_exc;
        loop->deferred_exc = NULL;
        gp_err_restore(exc);
        return NULL;
    }

    gp_object_t *posted = loop->posted;
    if (posted && GP_LIST_SIZE(posted) > 0) {
        loop->posted = NULL;
        return posted;
    }
    return gp_list_new(0);
}

static gp_object_t *gpuv_loop_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gpuv_loop_t *loop = (gpuv_loop_t *)self;
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (loop->polling) {
        gp_err_set_string(&gp_exc_RuntimeError, "Cannot close a running event loop");
        return NULL;
    }
    if (loop->closed)
        return gp_none_new();
    loop->closed = true;
    gpuv_close_uv(loop);
    gpuv_loop_clear(self);
    return gp_none_new();
}

static gp_object_t *gpuv_loop_get_closed(gp_object_t *self, void *closure)
{
    return gp_bool_from(((gpuv_loop_t *)self)->closed);
}

static const gp_method_def_t gpuv_loop_methods[] = {
    {"time", gpuv_loop_time, 0, "The loop's monotonic clock, in seconds (uv_hrtime)."},
    {"timer_push", gpuv_loop_timer_push, 0, "Schedule a handle for a loop time."},
    {"timer_pop_due", gpuv_loop_timer_pop_due, 0, "Remove and return the handles due by a time."},
    {"timer_next", gpuv_loop_timer_next, 0, "The earliest scheduled time, or None."},
    {"timer_purge", gpuv_loop_timer_purge, 0, "Drop cancelled handles from the heap."},
    {"post", gpuv_loop_post, 0, "Hand a callback to the loop's thread (thread-safe)."},
    {"wakeup", gpuv_loop_wakeup, 0, "Wake a polling loop (thread-safe)."},
    {"poll", gpuv_loop_poll, 0, "Wait without the GIL; return posted callbacks."},
    {"close", gpuv_loop_close, 0, "Close the libuv loop."},
    {"tcp_listen", gpuv_loop_tcp_listen, 0, "Listen on a TCP address (uvloop_tcp.c)."},
    {"tcp_connect", gpuv_loop_tcp_connect, 0, "Connect a TCP transport (uvloop_tcp.c)."},
    {"tcp_adopt", gpuv_loop_tcp_adopt, 0, "A transport on a connected socket's fd."},
    {"getaddrinfo", gpuv_loop_getaddrinfo, 0, "Resolve on the threadpool (uvloop_poll.c)."},
    {"watch_fd", gpuv_loop_watch_fd, 0, "A uv_poll_t watcher for an fd (uvloop_poll.c)."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t gpuv_loop_getsets[] = {
    {"closed", gpuv_loop_get_closed, NULL, NULL, "True once close() has run."},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gpuv_loop_type = {
    GP_TYPE_HEAD_INIT,
    .name = "Loop",
    .basicsize = sizeof(gpuv_loop_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = gpuv_loop_dealloc,
    .new_ = gpuv_loop_new,
    .hash = gp_object_default_hash,
    .len = gpuv_loop_len,
    .traverse = gpuv_loop_traverse,
    .clear = gpuv_loop_clear,
    .methods = gpuv_loop_methods,
    .getsets = gpuv_loop_getsets,
    .doc = "A libuv event loop core: timer heap, GIL-free poll, thread-safe wakeup.",
};

static gp_object_t *gpuv_monotonic(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("monotonic", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_float_new(gpuv_now());
}

static const gp_method_def_t gpuv_functions[] = {
    {"monotonic", gpuv_monotonic, 0, "uv_hrtime() in seconds: the clock of every Loop."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_gpuv_module_create(void)
{
    if (gp_type_ready(&gpuv_loop_type) < 0)
        return NULL;
    gp_object_t *module = gp_module_new("_gpuv");
    if (!module)
        return NULL;
    if (gp_module_add_functions(module, gpuv_functions) < 0 ||
        gp_module_add_functions(module, gpuv_fd_functions) < 0 ||
        gpuv_tcp_types_ready(module) < 0 || gpuv_poll_types_ready(module) < 0 ||
        gp_module_add_object(module, "Loop", (gp_object_t *)&gpuv_loop_type) < 0 ||
        gp_module_add_int(module, "SLICE_MS", GPUV_SLICE_MS) < 0) {
        GP_DECREF(module);
        return NULL;
    }
    return module;
}
