/*
 * loop.h - the service loop: a libuv loop on its own thread that serves the
 * blocking waits of Python threads, and runs other subsystems' libuv work.
 *
 * A Python thread that must wait (time.sleep, a socket that is not ready)
 * releases the GIL, hands a request to the service loop and sleeps on its
 * own condition variable until the loop reports completion. Other C code
 * (the HTTP client's libcurl multi handle, for example) runs functions on
 * the loop thread with gp_service_loop_call(). See loop.c for the threading
 * rule this follows.
 *
 * The loop knows nothing about Python objects, so it is testable alone.
 */
#ifndef GP_LOOP_H
#define GP_LOOP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct gp_service_loop gp_service_loop_t;
struct uv_loop_s;

/* Starts the loop and its thread. Returns NULL on failure (errno-style
   code in *error when [error] is not NULL). */
gp_service_loop_t *gp_service_loop_start(int *error);

/* Stops the thread, waits for it and frees the loop. Requests still in
   flight complete as failed first (their waiters see GP_WAIT_FAILED), queued
   calls run with a NULL uv loop, stop hooks run, and every handle still open
   is closed. */
void gp_service_loop_stop(gp_service_loop_t *loop);

/* A function run on the loop thread. [uv] is the service loop's libuv loop,
   or NULL when the loop is stopping: the function must then only release
   what [arg] owns. It runs without the GIL and must not touch Python
   objects. */
typedef void (*gp_loop_call_fn)(struct uv_loop_s *uv, void *arg);

/* Runs [fn]([uv], [arg]) on the loop thread soon, after every call queued
   before it (calls run in FIFO order, interleaved with the loop's own
   requests in submission order). Thread-safe; callable with or without the
   GIL; never waits for the loop. If the loop is stopping, [fn] is called
   exactly once with uv == NULL: on the loop thread while it stops, or inline
   in the caller when the stop has already begun. Returns 0, or ENOMEM when
   the call could not be queued (then [fn] never runs).

   Handles that [fn] opens on [uv] belong to the caller, who must close them
   (from another call) before the loop stops; a stop hook is the place to
   close long-lived ones. */
int gp_service_loop_call(gp_service_loop_t *loop, gp_loop_call_fn fn, void *arg);

/* Registers [fn] to run on the loop thread when the loop stops, with a
   non-NULL [uv] so that it can uv_close() the handles its user keeps open.
   Hooks run after queued calls, most recently registered first. Any handle
   still open after the hooks is closed without a close callback (its memory
   is not freed by the loop). Returns 0, ENOMEM, or ESHUTDOWN when the loop
   is already stopping. */
int gp_service_loop_at_stop(gp_service_loop_t *loop, gp_loop_call_fn fn, void *arg);

/* Outcome of a wait. */
typedef enum gp_wait_status {
    GP_WAIT_DONE,        /* the timer fired, or the fd is ready */
    GP_WAIT_INTERRUPTED, /* [interrupted] became true while waiting */
    GP_WAIT_FAILED,      /* the loop could not take the request (stopping, no memory) */
    GP_WAIT_TIMEOUT,     /* an fd wait's timeout passed first */
} gp_wait_status_t;

/* Blocks the calling thread for [ns] nanoseconds on a libuv timer of the
   service loop. Every GP_LOOP_POLL_NS the waiter looks at *[interrupted]
   (may be NULL) and gives up early when it is non-zero; the timer is then
   cancelled on the loop thread, which also frees the request, so returning
   early never leaves libuv holding freed memory. Must not be called with
   the GIL held. */
gp_wait_status_t gp_service_loop_sleep(gp_service_loop_t *loop, uint64_t ns,
                                       _Atomic int *interrupted);

/* Events of gp_service_loop_wait_fd(). */
enum {
    GP_LOOP_READABLE = 1,
    GP_LOOP_WRITABLE = 2,
};

/* Blocks the calling thread until [fd] is ready for one of [events]
   (GP_LOOP_READABLE and/or GP_LOOP_WRITABLE), [timeout_ns] passes (-1: no
   timeout) or *[interrupted] (may be NULL) becomes non-zero. The loop
   watches the fd with a uv_poll_t shared by every thread waiting on that fd,
   so one thread may wait to read while another waits to write. GP_WAIT_DONE
   also covers error conditions on the fd (hang-up, a closed fd): the caller
   retries its syscall and reports what that says. *[error] (may be NULL)
   receives an errno-style code with GP_WAIT_FAILED (for example EPERM for a
   regular file, which epoll cannot watch). The fd must be non-blocking:
   libuv makes it so. A wait that ends by timeout or interruption returns
   only after the loop has stopped watching the fd, so the caller may close
   it at once. Must not be called with the GIL held. */
gp_wait_status_t gp_service_loop_wait_fd(gp_service_loop_t *loop, int fd, int events,
                                         int64_t timeout_ns, _Atomic int *interrupted,
                                         int *error);

/* Wakes every thread waiting on [fd] (their waits return GP_WAIT_DONE) and
   forgets the loop's poll handle for it. Call it before closing an fd other
   threads may be waiting on, so they retry, notice and leave. Waits (briefly,
   without the loop's help being needed for anything else) until the loop
   has done so; call it without the GIL held or accept that short stall. */
void gp_service_loop_wake_fd(gp_service_loop_t *loop, int fd);

/* How often a waiter checks for an interruption. */
#define GP_LOOP_POLL_NS 100000000u

/* Counters for tests and gil-stats: requests taken, timers fired, cancelled
   (sleeps and fd waits given up by their waiter), loop wakeups, calls run
   with a live loop, fd waits that saw their fd ready. */
typedef struct gp_service_loop_stats {
    uint64_t submitted, fired, cancelled, wakeups, calls, fd_ready;
} gp_service_loop_stats_t;
void gp_service_loop_get_stats(gp_service_loop_t *loop, gp_service_loop_stats_t *out);

#endif /* GP_LOOP_H */
