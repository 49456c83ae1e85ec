/*
 * loop.h - the service loop: a libuv loop on its own thread that serves the
 * blocking waits of Python threads.
 *
 * A Python thread that must wait (time.sleep today; more kinds of waits as
 * they move onto libuv) releases the GIL, hands a request to the service
 * loop and sleeps on its own condition variable until the loop reports
 * completion. See loop.c for the threading rule this follows.
 *
 * The loop knows nothing about Python objects, so it is testable alone.
 */
#ifndef GP_LOOP_H
#define GP_LOOP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct gp_service_loop gp_service_loop_t;

/* Starts the loop and its thread. Returns NULL on failure (errno-style
   code in *error when [error] is not NULL). */
gp_service_loop_t *gp_service_loop_start(int *error);

/* Stops the thread, waits for it and frees the loop. Requests still in
   flight complete as cancelled first. */
void gp_service_loop_stop(gp_service_loop_t *loop);

/* Outcome of a wait. */
typedef enum gp_wait_status {
    GP_WAIT_DONE,        /* the timer fired */
    GP_WAIT_INTERRUPTED, /* [interrupted] became true while waiting */
    GP_WAIT_FAILED,      /* the loop could not take the request (stopping, no memory) */
} gp_wait_status_t;

/* Blocks the calling thread for [ns] nanoseconds on a libuv timer of the
   service loop. Every GP_LOOP_POLL_NS the waiter looks at *[interrupted]
   (may be NULL) and gives up early when it is non-zero; the timer is then
   cancelled on the loop thread, which also frees the request, so returning
   early never leaves libuv holding freed memory. Must not be called with
   the GIL held. */
gp_wait_status_t gp_service_loop_sleep(gp_service_loop_t *loop, uint64_t ns,
                                       _Atomic int *interrupted);

/* How often a waiter checks for an interruption. */
#define GP_LOOP_POLL_NS 100000000u

/* Counters for tests and gil-stats: requests taken, timers fired, cancelled. */
typedef struct gp_service_loop_stats {
    uint64_t submitted, fired, cancelled, wakeups;
} gp_service_loop_stats_t;
void gp_service_loop_get_stats(gp_service_loop_t *loop, gp_service_loop_stats_t *out);

#endif /* GP_LOOP_H */
