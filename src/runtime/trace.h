/*
 * trace.h - seeing the GIL: the tracer behind -X gil-trace, -X gil-stats and
 * sys._gil_stats().
 *
 * The tracer listens to the GIL's trace hook (gil.h) and to two notes from
 * the cycle collector, keeps each thread's state changes in a bounded ring,
 * and accumulates per-thread time in each state. At exit it writes the rings
 * as a Chrome trace-event JSON file (trace.c) or an SVG picture
 * (trace_svg.c), and prints a summary table for -X gil-stats. The design is
 * explained at the top of trace.c; docs/trace.md is the user's guide.
 *
 * The first half of this header is the tracer's API for the rest of the
 * runtime; the second half is shared only by trace.c and trace_svg.c.
 */
#ifndef GP_TRACE_H
#define GP_TRACE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "runtime/runtime.h"

typedef struct gp_tracer gp_tracer_t;

/* GP_GIL_TRACE is 0 in a build configured with -Dgil_trace=false: the
   hooks in the GIL and the cycle collector are compiled out, and asking for
   a trace or statistics fails with a message. It exists to measure what the
   hooks cost while tracing is off (bench/trace_cost.py, docs/trace.md). */
#ifndef GP_GIL_TRACE
#define GP_GIL_TRACE 1
#endif

/* At most this many -X gil-trace=FILE outputs per run (one .json and one
   .svg is the common pair). */
#define GP_TRACE_MAX_OUTPUTS 4

/* What the command line asked for. */
typedef struct gp_trace_options {
    const char *outputs[GP_TRACE_MAX_OUTPUTS]; /* files to write at exit */
    int n_outputs;
    bool print_stats;  /* -X gil-stats: a summary table on stderr at exit */
    long ring_events;  /* events kept per thread; 0 for the default */
} gp_trace_options_t;

/* The ring size per thread when none is given: 64 Ki events of 8 bytes. */
#define GP_TRACE_DEFAULT_RING_EVENTS 65536L

/* Reads the -X options in [xoptions] ("gil-trace=FILE", "gil-stats",
   "gil-trace-buffer=N") and, unless [ignore_environment], the variables
   GILPY_GIL_TRACE, GILPY_GIL_STATS and GILPY_GIL_TRACE_BUFFER into [opts].
   Returns 0, or -1 after printing a message on stderr for a bad value. */
int gp_trace_parse_options(const char *const *xoptions, int n_xoptions, bool ignore_environment,
                           gp_trace_options_t *opts);

/* Starts tracing [rt] as [opts] says (nothing happens when it asks for
   nothing). The calling thread holds the GIL and becomes the trace's
   "MainThread". The output files are created at once so a bad path fails
   before the program runs. Returns 0, or -1 after a message on stderr. */
int gp_trace_start(gp_runtime_t *rt, const gp_trace_options_t *opts);

/* At exit, with the GIL held: stops tracing, writes the output files and
   prints the statistics table if asked. Does nothing in a forked child or
   when tracing was never started. Returns 0, or -1 if a file could not be
   written (a message is on stderr). */
int gp_trace_finish(gp_runtime_t *rt);

/* Gives the thread whose threading ident is [ident] the name [name] in the
   trace. Called with the GIL held (through sys._gil_trace_name, from
   threading.Thread's bootstrap and name setter); a no-op when not tracing. */
void gp_trace_thread_name(gp_runtime_t *rt, uint64_t ident, const char *name);

/* sys._gil_stats(): a new dict (see docs/trace.md), or NULL with an
   exception. The first call in a run that is not already tracing starts
   the per-thread accounting. */
gp_object_t *gp_trace_stats(gp_runtime_t *rt);

/* The cycle collector brackets a collection with these; with the GIL held.
   They cost one load and branch when nothing listens. */
void gp_trace_note_gc(gp_runtime_t *rt, bool begin);
static inline void gp_trace_gc_begin(gp_runtime_t *rt)
{
    if (GP_GIL_TRACE && rt && gp_gil_tracing(&rt->gil))
        gp_trace_note_gc(rt, true);
}
static inline void gp_trace_gc_end(gp_runtime_t *rt)
{
    if (GP_GIL_TRACE && rt && gp_gil_tracing(&rt->gil))
        gp_trace_note_gc(rt, false);
}

/* ------------------------------------------------------------------ */
/* Internal: shared by trace.c and trace_svg.c                          */
/* ------------------------------------------------------------------ */

/* A thread's states. The waits follow gp_wait_kind_t in order. */
enum {
    GP_TRACE_RUNNING = 0,
    GP_TRACE_GC,
    GP_TRACE_WANTS_GIL,
    GP_TRACE_WAIT_FIRST, /* + a gp_wait_kind_t */
    GP_TRACE_ENDED = GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_COUNT,
    GP_TRACE_STATE_COUNT,
    GP_TRACE_UNKNOWN = 0x3f, /* before a thread's first event */
};

/* Ring entries with a code at or above this are instants, not states. */
#define GP_TRACE_INSTANT_FIRST 0x40
#define GP_TRACE_FORCED_SWITCH 0x40

/* How a state is drawn and summed. */
typedef enum gp_trace_class {
    GP_TRACE_CLASS_HELD,    /* running or gc: holds the GIL */
    GP_TRACE_CLASS_WANTS,   /* waits for the GIL */
    GP_TRACE_CLASS_IO,      /* waits on I/O, GIL released */
    GP_TRACE_CLASS_BLOCKED, /* waits on another thread, GIL released */
    GP_TRACE_CLASS_NONE,    /* ended */
} gp_trace_class_t;

/* The state's name in the trace ("running", "wants GIL", "I/O: sleep", ...). */
const char *gp_trace_state_name(int state);
gp_trace_class_t gp_trace_state_class(int state);

/* One thread's record. Written only by its own thread, under the tracer's
   mutex; read by others under the same mutex. */
typedef struct gp_trace_thread {
    struct gp_trace_thread *next; /* in order of first appearance */
    int index;                    /* 1, 2, ...: the trace's tid */
    uint64_t ident;               /* pthread_self(), threading.get_ident() */
    bool alive;                   /* false once the OS thread has exited */
    char *name;                   /* NULL until named: see trace_thread_label() */

    /* The ring: entries are (nanoseconds since the trace began << 8) | code. */
    uint64_t *ring;
    uint64_t capacity; /* allocated entries */
    uint64_t written;  /* entries ever pushed; more than capacity once wrapped */

    int state;             /* current state, GP_TRACE_UNKNOWN at first */
    uint64_t state_since;  /* when it began (ns since the trace began) */
    uint64_t first_ns;     /* the thread's first event */
    uint64_t end_ns;       /* when it ended (GP_TRACE_ENDED), else 0 */
    uint64_t time_in[GP_TRACE_STATE_COUNT];
    uint64_t forced_switches;
} gp_trace_thread_t;

struct gp_tracer {
    pthread_mutex_t mutex; /* guards everything below */
    pid_t pid;             /* the process that traces; a forked child does not write */
    uint64_t generation;   /* changes when a child resets the tracer */
    uint64_t start_ns;     /* CLOCK_MONOTONIC at the start */
    uint64_t stop_ns;      /* ns since the start at which tracing stopped; 0 while on */
    bool record_events;    /* false: statistics only (sys._gil_stats) */
    bool print_stats;
    uint64_t ring_max;     /* ring entries per thread */
    const void *main_handle; /* the main thread's GIL handle */

    gp_trace_thread_t *threads, **tail;
    int n_threads;

    FILE *outputs[GP_TRACE_MAX_OUTPUTS];
    char *output_paths[GP_TRACE_MAX_OUTPUTS];
    int n_outputs;

    uint64_t switches_at_start, forced_at_start; /* the GIL's counters then */
    uint64_t switches, forced;                   /* and when tracing stopped */
};

/* The name to show for [thread]: its Python name, else "MainThread" or
   "Thread <index>". */
const char *gp_trace_thread_label(const gp_trace_thread_t *thread);

/* Calls [segment] for each stretch of one state still in [thread]'s ring,
   oldest first, and [instant] for each instant; a thread still in a state at
   the end of the trace gets a segment up to [tracer]->stop_ns. Times are ns
   since the trace began. Called with the mutex held (or after the stop). */
typedef void (*gp_trace_segment_cb)(uint64_t begin, uint64_t end, int state, void *arg);
typedef void (*gp_trace_instant_cb)(uint64_t at, int code, void *arg);
void gp_trace_walk(const gp_tracer_t *tracer, const gp_trace_thread_t *thread,
                   gp_trace_segment_cb segment, gp_trace_instant_cb instant, void *arg);

/* Entries [thread]'s ring lost by wrapping. */
static inline uint64_t gp_trace_dropped(const gp_trace_thread_t *thread)
{
    return thread->written > thread->capacity ? thread->written - thread->capacity : 0;
}

/* Writes [tracer]'s timeline to [out] as a standalone SVG picture
   (trace_svg.c). Returns 0, or -1 on a write error (errno set). */
int gp_trace_svg_write(const gp_tracer_t *tracer, FILE *out);

#endif /* GP_TRACE_H */
