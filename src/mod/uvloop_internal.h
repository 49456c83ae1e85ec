/*
 * uvloop_internal.h - what the files of the `_gpuv` module share: the Loop
 * object's layout and the list of handles the module itself owns.
 *
 * Design notes
 * ------------
 * uvloop.c is the loop (timer heap, poll, completions); uvloop_tcp.c the
 * TCP transports and servers; uvloop_poll.c the fd watchers behind
 * add_reader/add_writer and the sock_* helpers. The Loop keeps an intrusive
 * list of every open handle those files created (gpuv_owned_t), so that
 * Loop.close() can close them even when Python forgot to: each handle's
 * owner object holds a reference to itself while its handle is open, which
 * is dropped by the completion of the handle's close callback.
 *
 * Everything here is used on the loop's thread only. Fields written by
 * libuv callbacks (without the GIL) are read by Python-facing code (with
 * the GIL) on that same thread, so they need no atomics.
 */
#ifndef GP_UVLOOP_INTERNAL_H
#define GP_UVLOOP_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "mod/uvloop.h"
#include "obj/object.h"

typedef struct timer_entry {
    double when;         /* loop time in seconds (the loop's time()) */
    uint64_t seq;        /* tie-breaker: scheduling order */
    gp_object_t *handle; /* strong reference */
} timer_entry_t;

typedef struct gpuv_owned gpuv_owned_t;

/* A handle owned by this module, linked into its Loop while open. */
struct gpuv_owned {
    gpuv_owned_t *prev, *next;
    /* Closes the handle because the loop is closing; must not call any
       protocol (the loop is gone for Python). GIL held. */
    void (*close_for_loop)(gpuv_owned_t *owned);
};

typedef struct gpuv_loop {
    gp_object_t base;
    uv_loop_t *uv;     /* heap memory: may outlive us if an owner leaks a handle */
    uv_async_t async;  /* woken by post()/wakeup() from any thread */
    uv_timer_t timer;  /* the wait's deadline */
    bool initialised;  /* uv_loop_init succeeded: close() has work to do */
    bool closed;
    bool closing;      /* inside close(): completions must not call protocols */
    bool polling;      /* inside poll(): a second poll() is refused */
    _Atomic int woken; /* set by async_fire_cb on the loop thread */

    timer_entry_t *heap;
    size_t heap_len, heap_cap;
    /* The run: entries pushed in deadline order, a FIFO beside the heap
       (uvloop.c); the live ones are run[run_head .. run_len). */
    timer_entry_t *run;
    size_t run_head, run_len, run_cap;
    uint64_t next_seq;

    gp_object_t *posted; /* list of callables from post(), or NULL */

    /* Completions queued by libuv callbacks, run by poll() under the GIL. */
    gp_uv_completion_t *completions_head, *completions_tail;
    /* A KeyboardInterrupt/SystemExit raised by a protocol callback inside a
       completion: poll() re-raises it after the other completions ran. */
    gp_object_t *deferred_exc;

    gpuv_owned_t owned; /* sentinel of the list of open owned handles */

    /* One read buffer for the allocation callbacks of server sockets that
       deliver straight to their transport (see uvloop_tcp.c). */
    char *scratch;
    size_t scratch_len;
} gpuv_loop_t;

extern gp_type_t gpuv_loop_type;

static inline bool gpuv_loop_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && gp_type_is_subtype(GP_TYPE(o), &gpuv_loop_type);
}

void gpuv_owned_link(gpuv_loop_t *loop, gpuv_owned_t *owned);
void gpuv_owned_unlink(gpuv_owned_t *owned);

/* Called by a completion whose Python callback raised: KeyboardInterrupt and
   SystemExit are kept for poll() to re-raise; anything else is reported as
   unraisable. Clears the current exception. */
void gpuv_loop_defer_exception(gpuv_loop_t *loop, const char *where);

/* Runs the queued completions (GIL held). */
void gpuv_loop_run_completions(gpuv_loop_t *loop);

/* OSError from a libuv error code (negative errno on Unix), with CPython's
   subclass choice: "[Errno 111] <message>" where [message] is built by the
   caller (NULL: strerror). */
void gpuv_set_uv_error(int uv_error, const char *message);

/* Methods of the TCP and fd-watcher parts, added to Loop's method table. */
gp_object_t *gpuv_loop_tcp_listen(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames);
gp_object_t *gpuv_loop_tcp_connect(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames);
gp_object_t *gpuv_loop_tcp_adopt(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames);
gp_object_t *gpuv_loop_getaddrinfo(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames);
gp_object_t *gpuv_loop_watch_fd(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames);
struct sockaddr;
/* (host, port) or (host, port, flowinfo, scope_id) for a socket address. */
gp_object_t *gpuv_tuple_from_sockaddr(const struct sockaddr *sa);
int gpuv_tcp_types_ready(gp_object_t *module);
int gpuv_poll_types_ready(gp_object_t *module);
extern const gp_method_def_t gpuv_fd_functions[];

#endif /* GP_UVLOOP_INTERNAL_H */
