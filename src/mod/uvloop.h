/*
 * uvloop.h - the C API of the asyncio loop core (the `_gpuv` module) for
 * other C modules that put libuv handles and requests on an asyncio loop.
 *
 * Design notes
 * ------------
 * An asyncio loop (lib/asyncio/events.py) keeps its libuv half in a
 * `_gpuv.Loop` object, its `_core` attribute. That object owns a uv_loop_t
 * which only the loop's own thread drives, inside Loop.poll(), with the GIL
 * released. A module that wants to wait for something on that loop (a file
 * read on the threadpool, a socket, a DNS lookup) does this:
 *
 *   1. With the GIL held, on the loop's thread, it gets the uv_loop_t with
 *      gp_uvloop_uv() and starts its handle or request on it. Its memory
 *      must live until libuv's callback fires, even if the Python task that
 *      asked for it is cancelled meanwhile.
 *   2. libuv calls its callback on the loop's thread while poll() runs
 *      uv_run without the GIL. The callback touches no Python object: it
 *      records the outcome in its own C memory and hands a completion to
 *      gp_uvloop_complete().
 *   3. When uv_run returns, poll() takes the GIL back and calls every
 *      queued completion's run(), in the order they were queued, before it
 *      returns to Python. run() may call Python (set a future's result,
 *      call a protocol); it must not leave an exception set.
 *
 * A queued completion makes a blocking poll() return as soon as uv_run
 * does, so a module's handle that fires wakes the loop like a timer would.
 *
 * Closing. Owners close their handles before the loop closes (for asyncio:
 * before loop.close(), typically when their transport or file closes).
 * Loop.close() closes the loop's own handles and the transports of the
 * `_gpuv` module itself, then runs the uv loop until every close callback
 * has fired and every request in flight has called back, running the
 * completions those callbacks queue; only then does it close the uv_loop_t.
 * A handle still open at that point is a bug of its owner: the uv_loop_t is
 * then left allocated (a leak, not a use-after-free) so the handle stays
 * valid.
 */
#ifndef GP_UVLOOP_H
#define GP_UVLOOP_H

#include <uv.h>

#include "obj/object.h"

/* The uv_loop_t of a _gpuv.Loop (the `_core` attribute of an asyncio loop).
   Borrowed; valid until the Loop is closed. Call with the GIL held. Returns
   NULL with TypeError if [loop] is not a _gpuv.Loop, RuntimeError if it is
   closed. uv->data points at the Loop object (borrowed). */
uv_loop_t *gp_uvloop_uv(gp_object_t *loop);

/* Schedules [handle] on the timer heap of the _gpuv.Loop [loop], due
   [delay] seconds from now on the loop's clock (what loop.call_later does,
   without the TimerHandle): when due, timer_pop_due() returns [handle].
   Takes a new reference. GIL held. -1 with an exception on error. */
int gp_uvloop_timer_push_later(gp_object_t *loop, double delay, gp_object_t *handle);

/* Pops the earliest timer of the _gpuv.Loop [loop] if it is due at or
   before loop time [end]: a new reference, or NULL (never an exception)
   when none is due or [loop] is not a Loop. */
gp_object_t *gp_uvloop_timer_pop_due(gp_object_t *loop, double end);

typedef struct gp_uv_completion gp_uv_completion_t;

/* A unit of work a libuv callback hands to the loop's thread. Embed it in
   the request's own memory; the loop only links it through [next]. */
struct gp_uv_completion {
    gp_uv_completion_t *next;
    /* Runs with the GIL held, after uv_run returned. May call Python; must
       not leave an exception set (report it as unraisable). May free the
       memory [c] lives in. */
    void (*run)(gp_uv_completion_t *c);
};

/* Called from a libuv callback on the loop's thread while poll() runs
   uv_run without the GIL: queues [c] (which must not be queued already).
   After uv_run returns and the GIL is re-taken, poll() calls c->run(c) for
   each queued completion, in order, before returning. Also valid from a
   callback that fires inside Loop.close(): close() runs the completions
   before it closes the uv_loop_t. */
void gp_uvloop_complete(uv_loop_t *uv, gp_uv_completion_t *c);

/* Prints an exception that cannot be raised (the current one, which is
   cleared) as CPython's "Exception ignored in: <where>" report. GIL held. */
void gp_uvloop_report_unraisable(const char *where);

#endif /* GP_UVLOOP_H */
