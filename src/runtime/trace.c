/*
 * trace.c - seeing the GIL: per-thread state rings, statistics, and the
 * Chrome trace-event writer.
 *
 * Design notes
 * ------------
 * What is recorded. A thread is always in one state: *running* (it holds
 * the GIL), *gc* (it holds the GIL and the cycle collector runs), *wants
 * GIL*, waiting with the GIL released for one of the kinds of gilpy.h
 * (sleep, file, socket, HTTP, event loop, process: "I/O"; lock, join,
 * queue: "blocked"), or *ended*. Every change of state is one 8-byte ring
 * entry: nanoseconds since the trace began, shifted left by 8, or'ed with
 * the new state. Instants (a forced switch: the holder honoured a drop
 * request) use codes from 0x40 up in the same ring.
 *
 * Where the events come from. The GIL calls trace_gil_cb() for each
 * request, acquire, release (labelled with the wait kind that
 * gp_gil_release_for_wait() passed down) and forced yield; the collector
 * calls gp_trace_note_gc(). Each of these runs on the thread the event is
 * about, so a thread finds its own record through a _Thread_local pointer
 * and only ever writes its own ring. The GIL's hook runs with the GIL's
 * mutex held: all GIL events of all threads are therefore totally ordered
 * and stamped in that order, so one thread's release is always stamped
 * before the next thread's acquire, and two tracks never show the lock held
 * at the same instant.
 *
 * Locking. The tracer's own mutex guards the records, because the reader
 * (sys._gil_stats(), the writer at exit) runs on another thread than the
 * writers. It is taken inside the GIL's mutex (lock order: GIL mutex, then
 * tracer mutex) and never the other way round. It is uncontended except
 * against a reader, so an event costs a clock read and two uncontended
 * mutex operations - only when tracing is on. When it is off the GIL's
 * hook pointer is NULL and every site costs one predictable branch.
 *
 * Bounded memory. A ring starts at 256 entries and doubles up to the limit
 * (-X gil-trace-buffer=N, 64 Ki entries by default, 512 KiB per thread);
 * then it wraps, overwriting the oldest entries. The statistics do not live
 * in the ring - each record sums the time spent in each state as it goes -
 * so they stay exact however long the run. A wrapped ring is announced on
 * stderr, as a metadata event and an instant in the JSON, and in the SVG.
 *
 * Statistics only. sys._gil_stats() in a run started without -X gil-trace
 * or -X gil-stats installs the hook on first call with recording off: from
 * then on per-thread times are summed but no ring is kept.
 *
 * Lifetime. The tracer is never freed: daemon threads may still report
 * events while the process exits. It stays reachable from the GIL's
 * trace_arg. After fork() the child's GIL comes back without the hook
 * (gil.c); a child that asks for statistics resets the tracer for itself,
 * and a child never writes the parent's files (the pid is checked).
 */
#include "runtime/trace.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* The calling thread's record, valid while trace_self_generation equals
   the tracer's generation (a forked child's reset changes it). */
static _Thread_local gp_trace_thread_t *trace_self;
static _Thread_local uint64_t trace_self_generation;

/* The first ring allocation; rings double from here up to ring_max. */
#define TRACE_RING_FIRST 256

static const char *const trace_state_names[GP_TRACE_STATE_COUNT] = {
    [GP_TRACE_RUNNING] = "running",
    [GP_TRACE_GC] = "gc",
    [GP_TRACE_WANTS_GIL] = "wants GIL",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_OTHER] = "I/O: other",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_SLEEP] = "I/O: sleep",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_FILE] = "I/O: file",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_SOCKET] = "I/O: socket",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_HTTP] = "I/O: HTTP",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_EVENT_LOOP] = "I/O: event loop",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_PROCESS] = "I/O: process",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_LOCK] = "blocked: lock",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_JOIN] = "blocked: join",
    [GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_QUEUE] = "blocked: queue",
    [GP_TRACE_ENDED] = "ended",
};

const char *gp_trace_state_name(int state)
{
    if (state < 0 || state >= GP_TRACE_STATE_COUNT)
        return "unknown";
    return trace_state_names[state];
}

gp_trace_class_t gp_trace_state_class(int state)
{
    if (state == GP_TRACE_RUNNING || state == GP_TRACE_GC)
        return GP_TRACE_CLASS_HELD;
    if (state == GP_TRACE_WANTS_GIL)
        return GP_TRACE_CLASS_WANTS;
    if (state >= GP_TRACE_WAIT_FIRST + GP_WAIT_KIND_LOCK && state < GP_TRACE_ENDED)
        return GP_TRACE_CLASS_BLOCKED;
    if (state >= GP_TRACE_WAIT_FIRST && state < GP_TRACE_ENDED)
        return GP_TRACE_CLASS_IO;
    return GP_TRACE_CLASS_NONE;
}

static const char *const trace_class_names[] = {"held", "wants", "io", "blocked", "none"};

static uint64_t trace_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

const char *gp_trace_thread_label(const gp_trace_thread_t *thread)
{
    return thread->name ? thread->name : "";
}

static char *trace_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = gp_mem_alloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

/* ------------------------------------------------------------------ */
/* Options                                                              */
/* ------------------------------------------------------------------ */

static int trace_parse_ring(const char *text, const char *where, long *out)
{
    char *end;
    errno = 0;
    long n = strtol(text, &end, 10);
    if (errno || end == text || *end || n < 1 || n > (1L << 30)) {
        fprintf(stderr, "gilpy: %s: the ring size must be a number of events from 1 to %ld, "
                        "not '%s'\n", where, 1L << 30, text);
        return -1;
    }
    *out = n;
    return 0;
}

static int trace_add_output(gp_trace_options_t *opts, const char *path, const char *where)
{
    if (!*path) {
        fprintf(stderr, "gilpy: %s needs a file name: -X gil-trace=FILE.json or FILE.svg\n",
                where);
        return -1;
    }
    if (opts->n_outputs == GP_TRACE_MAX_OUTPUTS) {
        fprintf(stderr, "gilpy: at most %d GIL trace files per run\n", GP_TRACE_MAX_OUTPUTS);
        return -1;
    }
    opts->outputs[opts->n_outputs++] = path;
    return 0;
}

int gp_trace_parse_options(const char *const *xoptions, int n_xoptions, bool ignore_environment,
                           gp_trace_options_t *opts)
{
    memset(opts, 0, sizeof *opts);
    if (!ignore_environment) {
        const char *env = getenv("GILPY_GIL_TRACE");
        if (env && *env && trace_add_output(opts, env, "GILPY_GIL_TRACE") < 0)
            return -1;
        env = getenv("GILPY_GIL_STATS");
        if (env && *env && strcmp(env, "0") != 0)
            opts->print_stats = true;
        env = getenv("GILPY_GIL_TRACE_BUFFER");
        if (env && *env && trace_parse_ring(env, "GILPY_GIL_TRACE_BUFFER", &opts->ring_events) < 0)
            return -1;
    }
    for (int i = 0; i < n_xoptions; i++) {
        const char *x = xoptions[i];
        if (strncmp(x, "gil-trace=", 10) == 0) {
            if (trace_add_output(opts, x + 10, "-X gil-trace") < 0)
                return -1;
        } else if (strcmp(x, "gil-trace") == 0) {
            if (trace_add_output(opts, "", "-X gil-trace") < 0)
                return -1;
        } else if (strcmp(x, "gil-stats") == 0) {
            opts->print_stats = true;
        } else if (strncmp(x, "gil-trace-buffer=", 17) == 0) {
            if (trace_parse_ring(x + 17, "-X gil-trace-buffer", &opts->ring_events) < 0)
                return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Records                                                              */
/* ------------------------------------------------------------------ */

/* Appends one entry to [t]'s ring, growing or wrapping it. Mutex held. */
static void trace_ring_push(gp_tracer_t *tr, gp_trace_thread_t *t, uint64_t at, unsigned code)
{
    if (!tr->record_events)
        return;
    if (t->written == t->capacity && t->capacity < tr->ring_max) {
        uint64_t grown = t->capacity ? t->capacity * 2 : TRACE_RING_FIRST;
        if (grown > tr->ring_max)
            grown = tr->ring_max;
        uint64_t *ring = gp_mem_realloc(t->ring, (size_t)grown * sizeof *ring);
        /* Out of memory: keep wrapping in the ring there is. */
        if (ring) {
            t->ring = ring;
            t->capacity = grown;
        }
    }
    if (!t->capacity)
        return;
    t->ring[t->written % t->capacity] = (at << 8) | code;
    t->written++;
}

/* The calling thread's record, created on its first event. Mutex held. */
static gp_trace_thread_t *trace_self_get(gp_tracer_t *tr, uint64_t at)
{
    if (trace_self && trace_self_generation == tr->generation)
        return trace_self;
    gp_trace_thread_t *t = gp_mem_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->index = ++tr->n_threads;
    t->ident = (uint64_t)pthread_self();
    t->alive = true;
    t->state = GP_TRACE_UNKNOWN;
    t->state_since = at;
    t->first_ns = at;
    *tr->tail = t;
    tr->tail = &t->next;
    trace_self = t;
    trace_self_generation = tr->generation;
    return t;
}

/* Nanoseconds since the trace began, never before [t]'s last change. */
static uint64_t trace_since_start(const gp_tracer_t *tr, const gp_trace_thread_t *t,
                                  uint64_t now_ns)
{
    uint64_t at = now_ns > tr->start_ns ? now_ns - tr->start_ns : 0;
    return at < t->state_since ? t->state_since : at;
}

/* Moves [t] to [state] at [at], summing the time spent in the old one. */
static void trace_enter_state(gp_tracer_t *tr, gp_trace_thread_t *t, uint64_t at, int state)
{
    if (t->state == state)
        return;
    if (t->state < GP_TRACE_STATE_COUNT)
        t->time_in[t->state] += at - t->state_since;
    t->state = state;
    t->state_since = at;
    if (state == GP_TRACE_ENDED) {
        t->alive = false;
        t->end_ns = at;
    }
    trace_ring_push(tr, t, at, (unsigned)state);
}

static void trace_gil_cb(gp_gil_event_t event, const void *handle, int detail, uint64_t now_ns,
                         void *arg)
{
    (void)handle;
    gp_tracer_t *tr = arg;
    if (event == GP_GIL_EVENT_DROP_ASKED)
        return; /* visible as the forced switch it leads to */
    pthread_mutex_lock(&tr->mutex);
    uint64_t rel = now_ns > tr->start_ns ? now_ns - tr->start_ns : 0;
    gp_trace_thread_t *t = trace_self_get(tr, rel);
    if (!t)
        goto done;
    uint64_t at = trace_since_start(tr, t, now_ns);
    switch (event) {
    case GP_GIL_EVENT_REQUEST:
        trace_enter_state(tr, t, at, GP_TRACE_WANTS_GIL);
        break;
    case GP_GIL_EVENT_ACQUIRE:
        trace_enter_state(tr, t, at, GP_TRACE_RUNNING);
        break;
    case GP_GIL_EVENT_YIELD:
        t->forced_switches++;
        trace_ring_push(tr, t, at, GP_TRACE_FORCED_SWITCH);
        trace_enter_state(tr, t, at, GP_TRACE_WANTS_GIL);
        break;
    case GP_GIL_EVENT_RELEASE:
        /* gp_thread_state_exit() clears the thread's state before its last
           release: that release ends the thread's track. */
        if (!gp_tstate_current) {
            trace_enter_state(tr, t, at, GP_TRACE_ENDED);
            break;
        }
        if (detail < 0 || detail >= GP_WAIT_KIND_COUNT)
            detail = GP_WAIT_KIND_OTHER;
        trace_enter_state(tr, t, at, GP_TRACE_WAIT_FIRST + detail);
        break;
    case GP_GIL_EVENT_DROP_ASKED:
        break;
    }
done:
    pthread_mutex_unlock(&tr->mutex);
}

gp_thread_state_t *gp_gil_release_for_wait(gp_wait_kind_t kind)
{
    gp_thread_state_t *ts = gp_tstate();
    gp_gil_release_detail(&ts->runtime->gil, ts, (int)kind);
    return ts;
}

void gp_trace_note_gc(gp_runtime_t *rt, bool begin)
{
    gp_tracer_t *tr = rt->gil.trace_arg;
    if (!tr)
        return;
    uint64_t now = trace_now_ns();
    pthread_mutex_lock(&tr->mutex);
    gp_trace_thread_t *t = trace_self_get(tr, now > tr->start_ns ? now - tr->start_ns : 0);
    if (t)
        trace_enter_state(tr, t, trace_since_start(tr, t, now),
                          begin ? GP_TRACE_GC : GP_TRACE_RUNNING);
    pthread_mutex_unlock(&tr->mutex);
}

/* ------------------------------------------------------------------ */
/* Starting and stopping                                                */
/* ------------------------------------------------------------------ */

/* Forgets every record; the tracer starts over from now with the calling
   thread, which holds the GIL, as its running main thread. Mutex held. */
static void trace_reset(gp_tracer_t *tr, gp_runtime_t *rt)
{
    gp_trace_thread_t *t = tr->threads;
    while (t) {
        gp_trace_thread_t *next = t->next;
        gp_mem_free(t->ring);
        gp_mem_free(t->name);
        gp_mem_free(t);
        t = next;
    }
    tr->threads = NULL;
    tr->tail = &tr->threads;
    tr->n_threads = 0;
    tr->generation++;
    tr->pid = getpid();
    tr->start_ns = trace_now_ns();
    tr->stop_ns = 0;
    tr->switches_at_start = atomic_load(&rt->gil.switch_number);
    tr->forced_at_start = atomic_load(&rt->gil.forced_switches);
    gp_trace_thread_t *me = trace_self_get(tr, 0);
    if (me) {
        /* The main thread is named now; others get their names from
           threading (gp_trace_thread_name, trace_names_from_threading). */
        if (gp_tstate() == rt->main_thread)
            me->name = trace_strdup("MainThread");
        trace_enter_state(tr, me, 0, GP_TRACE_RUNNING);
    }
}

static gp_tracer_t *trace_create(gp_runtime_t *rt, bool record_events, long ring_events)
{
    gp_tracer_t *tr = gp_mem_calloc(1, sizeof *tr);
    if (!tr)
        return NULL;
    if (pthread_mutex_init(&tr->mutex, NULL) != 0) {
        gp_mem_free(tr);
        return NULL;
    }
    tr->record_events = record_events;
    tr->ring_max = (uint64_t)(ring_events > 0 ? ring_events : GP_TRACE_DEFAULT_RING_EVENTS);
    tr->tail = &tr->threads;
    /* Generation 0 is what a fresh thread's _Thread_local holds: start at 1
       so no thread mistakes its empty slot for a record. */
    tr->generation = 0;
    pthread_mutex_lock(&tr->mutex);
    trace_reset(tr, rt);
    pthread_mutex_unlock(&tr->mutex);
    return tr;
}

int gp_trace_start(gp_runtime_t *rt, const gp_trace_options_t *opts)
{
    if (!opts->n_outputs && !opts->print_stats)
        return 0;
    if (!GP_GIL_TRACE) {
        fputs("gilpy: -X gil-trace and -X gil-stats need GIL tracing, which this build "
              "leaves out (configured with -Dgil_trace=false)\n",
              stderr);
        return -1;
    }
    FILE *files[GP_TRACE_MAX_OUTPUTS] = {0};
    for (int i = 0; i < opts->n_outputs; i++) {
        files[i] = fopen(opts->outputs[i], "w");
        if (!files[i]) {
            fprintf(stderr, "gilpy: cannot write the GIL trace to '%s': %s\n", opts->outputs[i],
                    strerror(errno));
            for (int j = 0; j < i; j++)
                fclose(files[j]);
            return -1;
        }
    }
    gp_tracer_t *tr = trace_create(rt, opts->n_outputs > 0, opts->ring_events);
    if (!tr) {
        fputs("gilpy: out of memory while starting the GIL tracer\n", stderr);
        for (int i = 0; i < opts->n_outputs; i++)
            fclose(files[i]);
        return -1;
    }
    tr->print_stats = opts->print_stats;
    for (int i = 0; i < opts->n_outputs; i++) {
        tr->outputs[i] = files[i];
        tr->output_paths[i] = trace_strdup(opts->outputs[i]);
    }
    tr->n_outputs = opts->n_outputs;
    gp_gil_set_trace(&rt->gil, trace_gil_cb, tr);
    return 0;
}

/* Ends recording: unhooks, then closes every thread's current state at the
   stop time, so the sums cover the whole run. GIL held. */
static void trace_stop(gp_tracer_t *tr, gp_runtime_t *rt)
{
    gp_gil_set_trace(&rt->gil, NULL, tr);
    uint64_t now = trace_now_ns();
    pthread_mutex_lock(&tr->mutex);
    tr->stop_ns = now > tr->start_ns ? now - tr->start_ns : 1;
    for (gp_trace_thread_t *t = tr->threads; t; t = t->next) {
        if (t->state < GP_TRACE_STATE_COUNT && t->state != GP_TRACE_ENDED &&
            tr->stop_ns > t->state_since) {
            t->time_in[t->state] += tr->stop_ns - t->state_since;
            t->state_since = tr->stop_ns;
        }
    }
    tr->switches = atomic_load(&rt->gil.switch_number) - tr->switches_at_start;
    tr->forced = atomic_load(&rt->gil.forced_switches) - tr->forced_at_start;
    pthread_mutex_unlock(&tr->mutex);
}

/* ------------------------------------------------------------------ */
/* Names                                                                */
/* ------------------------------------------------------------------ */

/* The newest living record of [ident]: idents are reused once a thread
   has ended. Mutex held. */
static gp_trace_thread_t *trace_find_ident(gp_tracer_t *tr, uint64_t ident)
{
    gp_trace_thread_t *found = NULL;
    for (gp_trace_thread_t *t = tr->threads; t; t = t->next) {
        if (t->ident == ident && t->alive)
            found = t;
    }
    return found;
}

void gp_trace_thread_name(gp_runtime_t *rt, uint64_t ident, const char *name)
{
    gp_tracer_t *tr = rt->gil.trace_arg;
    if (!tr || !gp_gil_tracing(&rt->gil))
        return;
    char *copy = trace_strdup(name);
    if (!copy)
        return;
    pthread_mutex_lock(&tr->mutex);
    gp_trace_thread_t *t = trace_find_ident(tr, ident);
    if (t) {
        gp_mem_free(t->name);
        t->name = copy;
        copy = NULL;
    }
    pthread_mutex_unlock(&tr->mutex);
    gp_mem_free(copy);
}

/* Names unnamed living records after threading's table of threads, for a
   tracer armed after the threads had started. GIL held. */
static void trace_names_from_threading(gp_tracer_t *tr, gp_runtime_t *rt)
{
    gp_object_t *threading = gp_dict_getitem_cstr(rt->modules, "threading");
    gp_object_t *active = threading ? gp_object_getattr_cstr(threading, "_active") : NULL;
    if (!active || !gp_dict_check(active)) {
        GP_XDECREF(active);
        gp_err_clear();
        return;
    }
    pthread_mutex_lock(&tr->mutex);
    for (gp_trace_thread_t *t = tr->threads; t; t = t->next) {
        if (t->name || !t->alive)
            continue;
        gp_object_t *key = gp_int_from_u64(t->ident);
        gp_object_t *thread = key ? gp_dict_getitem(active, key) : NULL;
        gp_object_t *name = thread ? gp_object_getattr_cstr(thread, "name") : NULL;
        if (name && gp_str_check(name))
            t->name = trace_strdup(gp_str_utf8(name));
        GP_XDECREF(name);
        GP_XDECREF(key);
    }
    pthread_mutex_unlock(&tr->mutex);
    GP_DECREF(active);
    gp_err_clear();
}

/* Gives every record a name to print: "MainThread" is set at the start;
   the rest default to "Thread <index>" (threads started through _thread
   directly, never named by threading). Mutex held or tracing stopped. */
static void trace_default_names(gp_tracer_t *tr)
{
    for (gp_trace_thread_t *t = tr->threads; t; t = t->next) {
        if (!t->name) {
            char text[32];
            snprintf(text, sizeof text, "Thread %d", t->index);
            t->name = trace_strdup(text);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Walking a ring                                                       */
/* ------------------------------------------------------------------ */

void gp_trace_walk(const gp_tracer_t *tracer, const gp_trace_thread_t *thread,
                   gp_trace_segment_cb segment, gp_trace_instant_cb instant, void *arg)
{
    uint64_t count = thread->written < thread->capacity ? thread->written : thread->capacity;
    uint64_t first = thread->written > thread->capacity ? thread->written % thread->capacity : 0;
    int state = GP_TRACE_UNKNOWN;
    uint64_t since = 0;
    for (uint64_t i = 0; i < count; i++) {
        uint64_t entry = thread->ring[(first + i) % thread->capacity];
        uint64_t at = entry >> 8;
        int code = (int)(entry & 0xff);
        if (code >= GP_TRACE_INSTANT_FIRST) {
            if (instant)
                instant(at, code, arg);
            continue;
        }
        if (state < GP_TRACE_STATE_COUNT && state != GP_TRACE_ENDED && segment)
            segment(since, at, state, arg);
        state = code;
        since = at;
    }
    if (state < GP_TRACE_STATE_COUNT && state != GP_TRACE_ENDED && segment &&
        tracer->stop_ns > since)
        segment(since, tracer->stop_ns, state, arg);
}

/* ------------------------------------------------------------------ */
/* The Chrome trace-event JSON file                                     */
/* ------------------------------------------------------------------ */

typedef struct trace_json {
    FILE *out;
    int pid;
    int tid;
} trace_json_t;

/* Writes [s] as a JSON string literal. */
static void trace_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

/* Microseconds with nanosecond digits, exactly: the format's unit. */
static void trace_json_us(FILE *out, uint64_t ns)
{
    fprintf(out, "%" PRIu64 ".%03u", ns / 1000, (unsigned)(ns % 1000));
}

static void trace_json_segment_cb(uint64_t begin, uint64_t end, int state, void *arg)
{
    trace_json_t *j = arg;
    fprintf(j->out, ",\n{\"ph\":\"X\",\"name\":\"%s\",\"cat\":\"%s\",\"ts\":",
            gp_trace_state_name(state), trace_class_names[gp_trace_state_class(state)]);
    trace_json_us(j->out, begin);
    fputs(",\"dur\":", j->out);
    trace_json_us(j->out, end - begin);
    fprintf(j->out, ",\"pid\":%d,\"tid\":%d}", j->pid, j->tid);
}

static void trace_json_instant_cb(uint64_t at, int code, void *arg)
{
    trace_json_t *j = arg;
    (void)code; /* GP_TRACE_FORCED_SWITCH is the only instant recorded */
    fputs(",\n{\"ph\":\"i\",\"name\":\"forced switch\",\"cat\":\"gil\",\"s\":\"t\",\"ts\":",
          j->out);
    trace_json_us(j->out, at);
    fprintf(j->out, ",\"pid\":%d,\"tid\":%d}", j->pid, j->tid);
}

/* The oldest timestamp left in [t]'s ring. */
static uint64_t trace_oldest(const gp_trace_thread_t *t)
{
    if (!t->written || !t->capacity)
        return t->first_ns;
    uint64_t first = t->written > t->capacity ? t->written % t->capacity : 0;
    return t->ring[first] >> 8;
}

static int trace_json_write(const gp_tracer_t *tr, FILE *out)
{
    trace_json_t j = {out, (int)tr->pid, 0};
    fprintf(out, "{\"traceEvents\":[\n{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":%d,"
                 "\"tid\":0,\"args\":{\"name\":\"gilpy\"}}",
            j.pid);
    for (const gp_trace_thread_t *t = tr->threads; t; t = t->next) {
        j.tid = t->index;
        fprintf(out, ",\n{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":%d,\"tid\":%d,"
                     "\"args\":{\"name\":",
                j.pid, j.tid);
        trace_json_string(out, gp_trace_thread_label(t));
        fprintf(out, "}},\n{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":%d,\"tid\":%d,"
                     "\"args\":{\"sort_index\":%d}}",
                j.pid, j.tid, t->index);
        uint64_t dropped = gp_trace_dropped(t);
        if (dropped) {
            fprintf(out, ",\n{\"ph\":\"M\",\"name\":\"gilpy_ring_wrapped\",\"pid\":%d,\"tid\":%d,"
                         "\"args\":{\"dropped_events\":%" PRIu64 ",\"kept_events\":%" PRIu64 "}}",
                    j.pid, j.tid, dropped, t->capacity);
            fputs(",\n{\"ph\":\"i\",\"name\":\"ring wrapped: earlier events dropped\","
                  "\"cat\":\"gilpy\",\"s\":\"t\",\"ts\":",
                  out);
            trace_json_us(out, trace_oldest(t));
            fprintf(out, ",\"pid\":%d,\"tid\":%d}", j.pid, j.tid);
        }
        gp_trace_walk(tr, t, trace_json_segment_cb, trace_json_instant_cb, &j);
    }
    fprintf(out, "\n],\n\"displayTimeUnit\":\"ms\",\n\"otherData\":{\"producer\":\"gilpy "
                 GILPY_VERSION "\",\"duration_us\":");
    trace_json_us(out, tr->stop_ns);
    fprintf(out, ",\"switches\":%" PRIu64 ",\"forced_switches\":%" PRIu64
                 ",\"ring_events\":%" PRIu64 "}}\n",
            tr->switches, tr->forced, tr->ring_max);
    return ferror(out) ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Statistics                                                           */
/* ------------------------------------------------------------------ */

/* Per-thread sums in seconds. */
typedef struct trace_sums {
    double held, waited, io, blocked, gc, wall;
} trace_sums_t;

/* [t]'s sums as of [now] (ns since the start): the current state counts
   up to now. Mutex held. */
static trace_sums_t trace_thread_sums(const gp_trace_thread_t *t, uint64_t now)
{
    uint64_t in[GP_TRACE_STATE_COUNT];
    memcpy(in, t->time_in, sizeof in);
    if (t->state < GP_TRACE_STATE_COUNT && t->state != GP_TRACE_ENDED && now > t->state_since)
        in[t->state] += now - t->state_since;
    uint64_t by_class[5] = {0};
    for (int s = 0; s < GP_TRACE_STATE_COUNT; s++)
        by_class[gp_trace_state_class(s)] += in[s];
    uint64_t end = t->state == GP_TRACE_ENDED ? t->end_ns : now;
    trace_sums_t sums = {
        .held = by_class[GP_TRACE_CLASS_HELD] / 1e9,
        .waited = by_class[GP_TRACE_CLASS_WANTS] / 1e9,
        .io = by_class[GP_TRACE_CLASS_IO] / 1e9,
        .blocked = by_class[GP_TRACE_CLASS_BLOCKED] / 1e9,
        .gc = in[GP_TRACE_GC] / 1e9,
        .wall = (end > t->first_ns ? end - t->first_ns : 0) / 1e9,
    };
    return sums;
}

static int trace_dict_set_float(gp_object_t *d, const char *key, double value)
{
    gp_object_t *v = gp_float_new(value);
    int rc = v ? gp_dict_setitem_cstr(d, key, v) : -1;
    GP_XDECREF(v);
    return rc;
}

static int trace_dict_set_int(gp_object_t *d, const char *key, uint64_t value)
{
    gp_object_t *v = gp_int_from_u64(value);
    int rc = v ? gp_dict_setitem_cstr(d, key, v) : -1;
    GP_XDECREF(v);
    return rc;
}

/* {'held': s, 'waited': s, 'io': s, 'blocked': s, 'gc': s, 'wall': s,
   'forced_switches': n} for [t]. */
static gp_object_t *trace_thread_dict(const gp_trace_thread_t *t, uint64_t now)
{
    trace_sums_t s = trace_thread_sums(t, now);
    gp_object_t *d = gp_dict_new();
    if (!d)
        return NULL;
    if (trace_dict_set_float(d, "held", s.held) < 0 ||
        trace_dict_set_float(d, "waited", s.waited) < 0 ||
        trace_dict_set_float(d, "io", s.io) < 0 ||
        trace_dict_set_float(d, "blocked", s.blocked) < 0 ||
        trace_dict_set_float(d, "gc", s.gc) < 0 || trace_dict_set_float(d, "wall", s.wall) < 0 ||
        trace_dict_set_int(d, "forced_switches", t->forced_switches) < 0) {
        GP_DECREF(d);
        return NULL;
    }
    return d;
}

/* Adds [value] to [threads] under [name], or "name (2)", "name (3)"... when
   several threads share a name. */
static int trace_threads_add(gp_object_t *threads, const char *name, gp_object_t *value)
{
    gp_object_t *key = gp_str_from_cstr(name);
    for (int n = 2; key; n++) {
        int found = gp_dict_contains(threads, key);
        if (found < 0)
            break;
        if (!found) {
            int rc = gp_dict_setitem(threads, key, value);
            GP_DECREF(key);
            return rc;
        }
        GP_DECREF(key);
        key = gp_str_from_format("%s (%d)", name, n);
    }
    GP_XDECREF(key);
    return -1;
}

/* Starts statistics-only accounting for sys._gil_stats(), or restarts it in
   a forked child. Returns the tracer, or NULL with MemoryError. */
static gp_tracer_t *trace_arm_stats(gp_runtime_t *rt)
{
    gp_tracer_t *tr = rt->gil.trace_arg;
    if (tr && gp_gil_tracing(&rt->gil))
        return tr;
    if (tr) {
        /* A forked child: the parent's records are not ours. */
        pthread_mutex_lock(&tr->mutex);
        for (int i = 0; i < tr->n_outputs; i++) {
            /* The parent owns the files: drop the child's copies unwritten
               (nothing is buffered in them before the parent's exit). */
            fclose(tr->outputs[i]);
            tr->outputs[i] = NULL;
            gp_mem_free(tr->output_paths[i]);
            tr->output_paths[i] = NULL;
        }
        tr->n_outputs = 0;
        tr->record_events = false;
        tr->print_stats = false;
        trace_reset(tr, rt);
        pthread_mutex_unlock(&tr->mutex);
    } else {
        tr = trace_create(rt, false, 0);
        if (!tr) {
            gp_err_no_memory();
            return NULL;
        }
    }
    gp_gil_set_trace(&rt->gil, trace_gil_cb, tr);
    return tr;
}

gp_object_t *gp_trace_stats(gp_runtime_t *rt)
{
    if (!GP_GIL_TRACE) {
        gp_err_set_string(&gp_exc_RuntimeError,
                          "GIL statistics need GIL tracing, which this build leaves out "
                          "(configured with -Dgil_trace=false)");
        return NULL;
    }
    gp_tracer_t *tr = trace_arm_stats(rt);
    if (!tr)
        return NULL;
    trace_names_from_threading(tr, rt);
    gp_object_t *result = gp_dict_new();
    gp_object_t *threads = gp_dict_new();
    if (!result || !threads)
        goto error;
    uint64_t switches = atomic_load(&rt->gil.switch_number);
    uint64_t forced = atomic_load(&rt->gil.forced_switches);
    if (trace_dict_set_int(result, "switches", switches) < 0 ||
        trace_dict_set_int(result, "forced_switches", forced) < 0)
        goto error;
    pthread_mutex_lock(&tr->mutex);
    trace_default_names(tr);
    uint64_t now_abs = trace_now_ns();
    uint64_t now = now_abs > tr->start_ns ? now_abs - tr->start_ns : 0;
    int rc = 0;
    for (gp_trace_thread_t *t = tr->threads; t && rc == 0; t = t->next) {
        gp_object_t *d = trace_thread_dict(t, now);
        rc = d ? trace_threads_add(threads, gp_trace_thread_label(t), d) : -1;
        GP_XDECREF(d);
    }
    pthread_mutex_unlock(&tr->mutex);
    if (rc < 0 || trace_dict_set_float(result, "since", now / 1e9) < 0 ||
        gp_dict_setitem_cstr(result, "threads", threads) < 0)
        goto error;
    GP_DECREF(threads);
    return result;
error:
    GP_XDECREF(result);
    GP_XDECREF(threads);
    return NULL;
}

/* The -X gil-stats table on stderr. Tracing stopped. */
static void trace_print_stats(const gp_tracer_t *tr)
{
    fprintf(stderr,
            "gilpy GIL statistics: %.3f s, %" PRIu64 " switches, %" PRIu64 " forced\n"
            "%-24s %9s %9s %9s %9s %9s %9s %7s\n",
            tr->stop_ns / 1e9, tr->switches, tr->forced, "thread", "wall s", "held s",
            "waited s", "i/o s", "blocked s", "gc s", "forced");
    for (const gp_trace_thread_t *t = tr->threads; t; t = t->next) {
        trace_sums_t s = trace_thread_sums(t, tr->stop_ns);
        fprintf(stderr, "%-24.24s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %7" PRIu64 "\n",
                gp_trace_thread_label(t), s.wall, s.held, s.waited, s.io, s.blocked, s.gc,
                t->forced_switches);
    }
}

/* True when [path] ends with [suffix], ignoring case. */
static bool trace_path_has_suffix(const char *path, const char *suffix)
{
    size_t n = strlen(path), m = strlen(suffix);
    return n >= m && strcasecmp(path + n - m, suffix) == 0;
}

int gp_trace_finish(gp_runtime_t *rt)
{
    gp_tracer_t *tr = rt->gil.trace_arg;
    if (!tr || !gp_gil_tracing(&rt->gil) || tr->pid != getpid())
        return 0;
    trace_stop(tr, rt);
    int status = 0;
    /* Tracing has stopped: only a thread that exits right now may still
       take the mutex (to set a name), so hold it while writing. */
    pthread_mutex_lock(&tr->mutex);
    trace_default_names(tr);
    for (int i = 0; i < tr->n_outputs; i++) {
        FILE *out = tr->outputs[i];
        bool svg = trace_path_has_suffix(tr->output_paths[i], ".svg");
        int rc = svg ? gp_trace_svg_write(tr, out) : trace_json_write(tr, out);
        if (fclose(out) != 0 || rc < 0) {
            fprintf(stderr, "gilpy: cannot write the GIL trace to '%s': %s\n",
                    tr->output_paths[i], strerror(errno));
            status = -1;
        }
        tr->outputs[i] = NULL;
    }
    for (const gp_trace_thread_t *t = tr->threads; t && tr->n_outputs; t = t->next) {
        uint64_t dropped = gp_trace_dropped(t);
        if (dropped)
            fprintf(stderr, "gilpy: GIL trace: the ring of thread '%s' wrapped; its %" PRIu64
                            " oldest events were dropped (keep more with "
                            "-X gil-trace-buffer=N)\n",
                    gp_trace_thread_label(t), dropped);
    }
    if (tr->print_stats)
        trace_print_stats(tr);
    tr->n_outputs = 0;
    pthread_mutex_unlock(&tr->mutex);
    return status;
}
