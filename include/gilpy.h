/*
 * gilpy.h - the public embedding API of gilpy.
 *
 * This header is the whole contract for programs that embed the
 * interpreter: create a runtime, run a file or a string, release the GIL
 * around blocking C calls, and tear the runtime down. Object internals, the GIL's fields and the VM's frame
 * layout stay private to the library.
 *
 *     gp_runtime_t *rt = gp_runtime_new(argc, argv);
 *     int status = gp_run_main_file("script.py");
 *     gp_runtime_free(rt);
 *     return status;
 *
 * One runtime per process is supported today. The calling thread becomes
 * the runtime's main thread.
 */
#ifndef GILPY_H
#define GILPY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GILPY_VERSION "0.1.0"
#define GILPY_PYTHON_VERSION "3.11"

typedef struct gp_runtime gp_runtime_t;
typedef struct gp_thread_state gp_thread_state_t;

/* Creates the runtime. [argc]/[argv] become sys.argv (argv[0] is the
   script name as the user gave it). Returns NULL on failure, with a
   message on stderr. */
gp_runtime_t *gp_runtime_new(int argc, char **argv);

/* Flushes the standard streams, collects garbage and releases the runtime. */
void gp_runtime_free(gp_runtime_t *rt);

/* Runs the file at [path] as __main__. Returns the process exit status the
   way CPython computes it: 0, 1 after printing an uncaught exception, or the
   code carried by SystemExit. */
int gp_run_main_file(const char *path);

/* Runs [len] bytes of source as __main__, reporting errors against
   [filename] (for example "<string>" or "<stdin>"). Same exit status. */
int gp_run_main_source(const char *source, size_t len, const char *filename);

/* Releasing the global interpreter lock around a blocking C call, the
   equivalent of CPython's Py_BEGIN_ALLOW_THREADS / Py_END_ALLOW_THREADS:

       gp_thread_state_t *ts = gp_gil_release_for_blocking();
       n = read(fd, buf, len);          -- touch no Python object here
       gp_gil_acquire_after_blocking(ts);

   Other threads run Python while the call blocks. Taking the lock back goes
   through the GIL's priority lane, so the caller does not wait a switch
   interval behind CPU-bound threads (see docs/gil.md). */
gp_thread_state_t *gp_gil_release_for_blocking(void);
void gp_gil_acquire_after_blocking(gp_thread_state_t *ts);

/* What a thread that gives up the GIL is about to wait for. The GIL tracer
   (-X gil-trace, docs/trace.md) names the wait after it: the first group
   shows as "waiting on I/O", the second as "blocked". */
typedef enum gp_wait_kind {
    GP_WAIT_KIND_OTHER = 0,  /* unlabelled: what gp_gil_release_for_blocking() means */
    GP_WAIT_KIND_SLEEP,      /* time.sleep */
    GP_WAIT_KIND_FILE,       /* file and pipe reads and writes, fsync, stat... */
    GP_WAIT_KIND_SOCKET,     /* socket calls, select and poll */
    GP_WAIT_KIND_HTTP,       /* an HTTP transfer */
    GP_WAIT_KIND_EVENT_LOOP, /* an event loop polling for its next event */
    GP_WAIT_KIND_PROCESS,    /* waitpid and friends */
    GP_WAIT_KIND_LOCK,       /* a lock, condition or event held by another thread */
    GP_WAIT_KIND_JOIN,       /* the end of another thread */
    GP_WAIT_KIND_QUEUE,      /* an item from (or room in) a queue */
    GP_WAIT_KIND_COUNT
} gp_wait_kind_t;

/* gp_gil_release_for_blocking() with a label: use it in place of the former
   when the kind of wait is known; gp_gil_acquire_after_blocking() ends it. */
gp_thread_state_t *gp_gil_release_for_wait(gp_wait_kind_t kind);

#ifdef __cplusplus
}
#endif

#endif /* GILPY_H */
