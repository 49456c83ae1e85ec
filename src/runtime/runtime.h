/*
 * runtime.h - the one runtime struct and the per-thread state.
 *
 * Design notes
 * ------------
 * gilpy keeps no global mutable state outside `gp_runtime_t` and the
 * per-thread `gp_thread_state_t`, which a thread reaches through a
 * `_Thread_local` pointer (gp_tstate()). The static builtin type objects
 * are the one exception, as in CPython: they are initialised once by
 * gp_runtime_new() and only read afterwards (their refcounts and dicts are
 * protected by the GIL like every object).
 *
 * The eval-breaker word is how anything outside the eval loop asks it to
 * stop and look: a signal arrived, another thread wants the GIL, a thread was
 * asked to raise an asynchronous exception. The loop tests this single word
 * on backward jumps and calls, so the common case costs one load and branch.
 */
#ifndef GP_RUNTIME_H
#define GP_RUNTIME_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "gilpy.h" /* gp_wait_kind_t, gp_gil_release_for_wait() */
#include "obj/object.h"
#include "runtime/gil.h"
#include "runtime/loop.h"

typedef struct gp_runtime gp_runtime_t;
typedef struct gp_thread_state gp_thread_state_t;
struct gp_frame; /* vm/frame.h */

/* Bits of gp_runtime_t.eval_breaker. */
enum {
    GP_BREAK_SIGNALS = 1u << 0,     /* a signal handler ran: call gp_signals_handle() */
    GP_BREAK_GIL_DROP = 1u << 1,    /* another thread asks for the GIL */
    GP_BREAK_ASYNC_EXC = 1u << 2,   /* an asynchronous exception is pending for some thread */
    GP_BREAK_PENDING_CALLS = 1u << 3,
};

struct gp_thread_state {
    gp_runtime_t *runtime;
    gp_thread_state_t *next, *prev; /* all thread states of the runtime */

    /* The exception being raised (propagating), or NULL. */
    gp_object_t *curexc;
    /* The exception being handled by the innermost `except`/`finally` block
       of the running generator (or of the thread, outside generators): the
       VM saves and restores it around handlers. NULL or an exception
       instance. While a generator runs, [exc_outer] holds the slots of the
       generators and thread it was resumed from, and the handled exception
       (sys.exc_info(), the implicit __context__ of a new exception) is the
       first non-NULL of them all: gp_exc_handled(). */
    gp_object_t *exc_info;
    struct gp_exc_outer *exc_outer;

    /* The innermost Python frame running on this thread (VM-owned layout). */
    struct gp_frame *frame;

    /* Python-level recursion depth, checked against runtime->recursion_limit. */
    int recursion_depth;
    /* C-level depth of recursive object operations (repr of nested lists...). */
    int c_recursion_depth;
    bool recursion_headroom; /* while raising RecursionError, allow a little more */
    /* sys.setprofile's function (vm/profile.c), and whether the eval loop
       must send it events: set while there is one and it is not running. */
    gp_object_t *profile_func;
    bool profiling;

    uint64_t thread_id; /* threading.get_ident(): the pthread_t as an integer */
    long native_id;     /* threading.get_native_id(): the kernel's thread id */

    /* added by threads: the lowest C stack address this thread may reach
       before a call raises RecursionError (gp_stack_exhausted), so a thread
       with a small stack (threading.stack_size) never overflows it; 0 when
       unknown (no check). Set by the thread itself in mod/thread.c. */
    uintptr_t stack_limit;

    /* added by contextvars: the thread's current contextvars.Context (a
       strong reference; NULL until some code needs one, which is how a new
       thread starts with an empty context), and the stamp ContextVar.get()
       caches its lookups on, renewed from gp_runtime_t.context_stamps
       whenever the current context or its contents change (mod/contextvars.c). */
    gp_object_t *context;
    uint64_t context_stamp;
};

/* The handled-exception slot of a frame suspended below a running
   generator: gen_resume() keeps one on the C stack for the resumption, so
   the generator has a slot of its own (as CPython's gi_exc_state) and
   restores neither a stale copy of its caller's exception nor lets its
   caller see its own. */
typedef struct gp_exc_outer {
    gp_object_t *exc; /* the caller's slot, owned while it is saved here */
    struct gp_exc_outer *outer;
} gp_exc_outer_t;

/* The exception being handled on [ts] (borrowed), or NULL: the innermost
   slot that holds one, so a generator that handles none sees its caller's. */
static inline gp_object_t *gp_exc_handled(const gp_thread_state_t *ts)
{
    if (ts->exc_info)
        return ts->exc_info;
    for (const gp_exc_outer_t *o = ts->exc_outer; o; o = o->outer)
        if (o->exc)
            return o->exc;
    return NULL;
}

/* Whether the calling thread's C stack is nearly used up: the eval loop and
   gp_recursion_enter() raise RecursionError then, whatever the depth. */
static inline bool gp_stack_exhausted(const gp_thread_state_t *ts)
{
    return (uintptr_t)__builtin_frame_address(0) < ts->stack_limit;
}

struct gp_runtime {
    /* sys.modules, the builtins module's dict, the interned-string table. */
    gp_object_t *modules;
    gp_object_t *builtins;
    gp_object_t *interned;
    gp_object_t *sys_module;
    gp_object_t *main_module;

    int recursion_limit; /* sys.getrecursionlimit(): default 1000 */

    _Atomic uint32_t eval_breaker;
    _Atomic int pending_sigint;

    /* sys.argv as the runtime was started; sys.path[0]: the script's directory. */
    gp_object_t *argv;
    gp_object_t *path;

    /* The global interpreter lock: see runtime/gil.c. Thread handles are
       gp_thread_state_t pointers. */
    gp_gil_t gil;

    /* The libuv service loop that serves threads' blocking waits; started
       on first use by gp_runtime_service_loop(). */
    gp_service_loop_t *service_loop;

    gp_thread_state_t *threads; /* linked list of thread states */
    gp_thread_state_t *main_thread;

    /* Exit status asked for by SystemExit, set by gp_run_* helpers. */
    int exit_status;
    /* An uncaught KeyboardInterrupt ended the program: like CPython, the
       process then dies of SIGINT so its parent sees the signal. */
    bool exit_by_sigint;

    /* added by gc: the cycle collector's state (runtime/gc.c), created on
       first use; NULL in a freshly calloc'd runtime. */
    void *gc_state;

    /* added by sys: sys.setswitchinterval() (seconds; default 0.005, the GIL
       reads it) and sys.set_int_max_str_digits() (0 = no limit; default 4300,
       int <-> str conversions may check it). Set by gp_sys_module_create(). */
    double switch_interval;
    int int_max_str_digits;

    /* added by http: the service loop's libcurl multi handle and its loop (mod/curl.c),
       created on first use; NULL in a freshly calloc'd runtime. */
    void *http_state;
    /* added by asyncio_c: the _asyncio module's state object (borrowed; the
       module owns it and clears this pointer when it goes), or NULL. */
    void *asyncio_state;
    /* added by threads: threading.stack_size() for threads started from
       now on, in bytes; 0 = the platform's default (mod/thread.c). */
    size_t thread_stack_size;
    /* Threads created but not yet holding the GIL for the first time: they
       run C code (stack measuring, allocation) with no lock to order them,
       so os.fork() waits for this to reach 0 (a child must not inherit an
       allocator lock such a thread held). */
    _Atomic int threads_starting;
    /* added by contextvars: the last stamp given to a thread's context
       (gp_thread_state_t.context_stamp); unique across threads. */
    uint64_t context_stamps;
};

/* The calling thread's state (NULL on a thread that never entered the runtime). */
extern _Thread_local gp_thread_state_t *gp_tstate_current;
static inline gp_thread_state_t *gp_tstate(void) { return gp_tstate_current; }
static inline gp_runtime_t *gp_runtime(void) { return gp_tstate_current->runtime; }

/* Creates the runtime: memory hook, main thread state, builtin types,
   builtins and sys modules. Returns NULL on failure (message on stderr). */
gp_runtime_t *gp_runtime_new(int argc, char **argv);
/* Runs atexit work, flushes, collects cycles and frees the runtime. */
void gp_runtime_free(gp_runtime_t *rt);

/* Recursion guard for recursive C operations (repr, eq of nested containers).
   Raises RecursionError "maximum recursion depth exceeded[where]" and returns -1. */
int gp_recursion_enter(const char *where);
void gp_recursion_leave(void);

/* Called by the eval loop when eval_breaker is non-zero. Runs signal
   handlers (SIGINT -> KeyboardInterrupt), GIL drop requests and pending
   calls. Returns -1 with an exception set if one must be raised. */
int gp_runtime_handle_breaker(void);
/* Installs the SIGINT handler (main thread only). */
void gp_signals_install(gp_runtime_t *rt);
/* Puts the runtime's SIGINT handler in place (signal.signal(SIGINT, f) does). */
void gp_signals_install_sigint(void);

/* Releasing the GIL around a blocking call (the equivalent of CPython's
   Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS):

       gp_thread_state_t *ts = gp_gil_release_for_blocking();
       n = read(fd, buf, len);            -- no Python object touched here
       gp_gil_acquire_after_blocking(ts);

   The re-acquire takes the priority lane (see gil.c), so a thread coming
   back from I/O does not wait a switch interval behind CPU-bound threads. */
gp_thread_state_t *gp_gil_release_for_blocking(void);
void gp_gil_acquire_after_blocking(gp_thread_state_t *ts);

/* The runtime's service loop, started on first use; NULL with an exception
   set if it cannot start. Call with the GIL held. */
gp_service_loop_t *gp_runtime_service_loop(void);

/* Thread states: created by a thread before it first takes the GIL, and
   destroyed (with the GIL held) when the thread is done with Python. */
gp_thread_state_t *gp_thread_state_new(gp_runtime_t *rt);
/* Unlinks and frees [ts]; the caller holds the GIL and releases it after. */
void gp_thread_state_free(gp_thread_state_t *ts);
/* Makes the calling (new) thread run Python as [ts]: takes the GIL. */
void gp_thread_state_enter(gp_thread_state_t *ts);
/* Leaves: frees [ts] and releases the GIL. */
void gp_thread_state_exit(gp_thread_state_t *ts);

/* In the child after fork(): the calling thread becomes the only and main
   thread, holding a fresh GIL; other threads' states are dropped. Then
   threading._after_fork() runs if threading was imported. */
int gp_runtime_after_fork_child(void);

/* Built-in (C) modules that `import` finds by name. */
typedef gp_object_t *(*gp_module_create_fn)(void);
typedef struct gp_builtin_module {
    const char *name;
    gp_module_create_fn create;
} gp_builtin_module_t;
/* Terminated by {NULL, NULL}. */
extern const gp_builtin_module_t gp_builtin_modules[];

/* Python-source modules embedded in the binary from lib/ (generated by
   scripts/freeze_lib.py). `import` looks here after gp_builtin_modules.
   Terminated by an entry whose name is NULL. */
typedef struct gp_frozen_module {
    const char *name;   /* dotted module name: "threading", "concurrent.futures" */
    const char *source; /* the module's source text */
    size_t length;
    bool is_package;
} gp_frozen_module_t;
extern const gp_frozen_module_t gp_frozen_modules[];

/* Module constructors, one per src/mod/ file. */
gp_object_t *gp_builtins_module_create(void);
gp_object_t *gp_sys_module_create(void);
gp_object_t *gp_time_module_create(void);
gp_object_t *gp_math_module_create(void);
gp_object_t *gp_random_module_create(void);
gp_object_t *gp_gc_module_create(void);
gp_object_t *gp_thread_module_create(void); /* _thread */
gp_object_t *gp_posix_module_create(void);  /* posix (os is lib/os.py) */
gp_object_t *gp_marshal_module_create(void); /* marshal: the wire format of multiprocessing */
gp_object_t *gp_io_module_create(void);      /* io: open(), files, StringIO/BytesIO */
gp_object_t *gp_sre_module_create(void);     /* _sre: the regular-expression engine behind re */
gp_object_t *gp_itertools_module_create(void); /* itertools (mod/itertools.c) */
gp_object_t *gp_operator_module_create(void);  /* operator (mod/operator.c) */
gp_object_t *gp_struct_module_create(void);    /* _struct (mod/struct.c; struct is lib/struct.py) */
gp_object_t *gp_errno_module_create(void);     /* errno (mod/errno.c) */
gp_object_t *gp_weakref_module_create(void);   /* _weakref (obj/weakref.c; weakref is lib/weakref.py) */
gp_object_t *gp_resource_module_create(void);  /* resource: getrlimit/setrlimit (mod/resource.c) */
gp_object_t *gp_collections_module_create(void); /* _collections: deque (mod/collections.c) */
gp_object_t *gp_signal_module_create(void);    /* _signal (mod/signal.c; signal is lib/signal.py) */
/* Runs the Python handlers of the signals that arrived (SIGINT's default
   raises KeyboardInterrupt); main thread only. 0, or -1 with an exception
   (mod/signal.c). */
int gp_signal_dispatch(gp_runtime_t *rt);
gp_object_t *gp_gpuv_module_create(void);      /* _gpuv: libuv core of asyncio (mod/uvloop.c) */
gp_object_t *gp_socket_module_create(void);    /* _socket: BSD sockets waiting on the service loop (mod/socket.c) */
gp_object_t *gp_select_module_create(void);    /* select: select() and poll() (mod/select.c) */
gp_object_t *gp_json_module_create(void);    /* _json: json's scanner and encoder (mod/json.c) */
gp_object_t *gp_csv_module_create(void);     /* _csv: csv's reader, writer and dialects (mod/csv.c) */
gp_object_t *gp_tbmod_module_create(void);   /* _gilpy_traceback: caret lines for traceback.py (vm/traceback.c) */
gp_object_t *gp_faulthandler_module_create(void); /* faulthandler (mod/faulthandler.c) */
gp_object_t *gp_hashlib_module_create(void); /* _hashlib: OpenSSL digests, loaded lazily (mod/hashlib.c) */
gp_object_t *gp_cmath_module_create(void); /* cmath (mod/cmath.c) */
gp_object_t *gp_imp_module_create(void);   /* _imp: frozen/built-in facts for importlib (mod/imp.c) */
gp_object_t *gp_fcntl_module_create(void);  /* fcntl: fcntl/ioctl/flock/lockf (mod/fcntl.c) */
gp_object_t *gp_zlib_module_create(void);  /* zlib over the system zlib (mod/zlib.c) */
gp_object_t *gp_unicodedata_module_create(void); /* unicodedata (mod/unicodedata.c) */
gp_object_t *gp_contextvars_module_create(void); /* _contextvars (mod/contextvars.c) */
gp_object_t *gp_datetime_module_create(void); /* _datetime: timedelta, date (mod/datetime*.c) */
gp_object_t *gp_array_module_create(void); /* array (mod/array.c) */
void gp_faulthandler_fini(void); /* cancels a pending dump_traceback_later() at exit */
gp_object_t *gp_asyncio_module_create(void);   /* _asyncio: C Future and Task (mod/asyncio_c.c) */
gp_object_t *gp_gpcurl_module_create(void);    /* _gpcurl: HTTP on libcurl + libuv (mod/curl.c) */
/* curl_global_init, once before any thread (mod/curl_multi.c). */
int gp_curl_global_init(void);
gp_object_t *gp_gpfs_module_create(void);      /* _gpfs: awaitable file requests (mod/aiofile.c) */
gp_object_t *gp_gpsubprocess_module_create(void); /* _gpsubprocess: spawn, wait, pump (mod/subprocess.c) */
gp_object_t *gp_sqlite3_module_create(void); /* _sqlite3: SQLite, loaded lazily (mod/sqlite3*.c) */

/* Readies every builtin type and exception type (obj/type.c). */
int gp_types_init(void);

#endif /* GP_RUNTIME_H */
