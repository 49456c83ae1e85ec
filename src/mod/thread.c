/*
 * thread.c - the `_thread` module: OS threads and the locks they share.
 *
 * Design notes
 * ------------
 * Each Python thread is a detached pthread with its own gp_thread_state_t.
 * The creating thread allocates and links the state while it holds the GIL,
 * so the new thread is visible to threading.enumerate() at once; the new
 * thread then queues for the GIL like any other and runs its function.
 * Starting is cheap on purpose (1,000 threads started back to back is a
 * benchmark): the creator gives the GIL up around pthread_create() and
 * never waits for the new thread; what a caller may want at once - the
 * native id - the thread publishes in a _ThreadHandle before it needs the
 * GIL. A thread measures its own stack when it starts, so that a small
 * stack (stack_size()) ends deep C recursion with RecursionError instead of
 * a crash (gp_stack_exhausted in runtime.h).
 *
 * Locks keep their state under a private pthread mutex, never under the
 * GIL: a waiter gives the GIL up while it waits, so the state must be safe
 * without it. The uncontended path takes the mutex once and never releases
 * the GIL. A contended wait sleeps on a condition variable in slices of
 * GP_THREAD_WAIT_SLICE_NS so that the main thread notices Ctrl-C promptly
 * (a signal handler cannot signal a condition variable), and re-acquires the
 * GIL through the priority lane like every blocking call.
 *
 * The threading, queue and concurrent.futures modules are written in Python
 * on top of this one (lib/).
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "obj/object.h"
#include "runtime/runtime.h"
#include "vm/eval.h"

/* How long a blocked wait sleeps before looking for a pending Ctrl-C. */
#define GP_THREAD_WAIT_SLICE_NS 100000000L

/* The largest timeout accepted, in seconds (as CPython's TIMEOUT_MAX order). */
#define GP_THREAD_TIMEOUT_MAX 9223372036.0

typedef struct thread_lock {
    gp_object_t base;
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    bool locked;
    /* Re-entrant locks only: the owner's ident and the recursion count. */
    bool reentrant;
    uint64_t owner;
    unsigned long count;
    /* Threads asleep in a contended acquire (lock._waiting()). */
    unsigned waiting;
} thread_lock_t;

static gp_type_t thread_lock_type;
static gp_type_t thread_rlock_type;

static uint64_t thread_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static struct timespec thread_deadline_after(uint64_t ns)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    uint64_t total = (uint64_t)ts.tv_nsec + ns;
    ts.tv_sec += (time_t)(total / 1000000000u);
    ts.tv_nsec = (long)(total % 1000000000u);
    return ts;
}

/* True when the calling thread should stop waiting to raise KeyboardInterrupt. */
static bool thread_interrupt_pending(gp_thread_state_t *ts)
{
    gp_runtime_t *rt = ts->runtime;
    return ts == rt->main_thread && atomic_load(&rt->pending_sigint);
}

/* Parses acquire()'s (blocking=True, timeout=-1) into a nanosecond budget:
   -1 means wait forever, 0 means do not wait. */
static int thread_parse_timeout(const char *fname, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames, int64_t *budget_ns)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    gp_object_t *values[2] = {NULL, NULL};
    if (gp_args_parse(fname, args, nargs, kwnames, names, 0, values) < 0)
        return -1;
    int blocking = 1;
    if (values[0]) {
        blocking = gp_object_is_true(values[0]);
        if (blocking < 0)
            return -1;
    }
    double timeout = -1.0;
    if (values[1]) {
        timeout = gp_float_as_double(values[1]);
        if (timeout == -1.0 && gp_err_occurred())
            return -1;
    }
    if (!blocking && timeout != -1.0) {
        gp_err_set_string(&gp_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != -1.0) {
        gp_err_set_string(&gp_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (timeout > GP_THREAD_TIMEOUT_MAX) {
        gp_err_set_string(&gp_exc_OverflowError, "timeout value is too large");
        return -1;
    }
    if (!blocking)
        *budget_ns = 0;
    else if (timeout == -1.0)
        *budget_ns = -1;
    else
        *budget_ns = (int64_t)(timeout * 1e9);
    return 0;
}

/* Can the calling thread take [lock] now? Called with lock->mutex held. */
static bool thread_lock_available(thread_lock_t *lock, uint64_t me)
{
    if (!lock->locked)
        return true;
    return lock->reentrant && lock->owner == me;
}

static void thread_lock_take(thread_lock_t *lock, uint64_t me)
{
    if (lock->reentrant && lock->locked) {
        lock->count++;
        return;
    }
    lock->locked = true;
    lock->owner = me;
    lock->count = 1;
}

/* Acquires [lock] waiting at most [budget_ns] (-1: forever); a wait shows
   in the GIL trace as [kind]. Returns 1 when acquired, 0 on timeout, -1 with
   KeyboardInterrupt (or another pending exception) set when interrupted. */
static int thread_lock_acquire_ns(thread_lock_t *lock, int64_t budget_ns, gp_wait_kind_t kind)
{
    gp_thread_state_t *ts = gp_tstate();
    uint64_t me = ts->thread_id;

    pthread_mutex_lock(&lock->mutex);
    if (thread_lock_available(lock, me)) {
        thread_lock_take(lock, me);
        pthread_mutex_unlock(&lock->mutex);
        return 1;
    }
    if (budget_ns == 0) {
        pthread_mutex_unlock(&lock->mutex);
        return 0;
    }
    pthread_mutex_unlock(&lock->mutex);

    uint64_t end = budget_ns < 0 ? 0 : thread_now_ns() + (uint64_t)budget_ns;
    int result = 0;
    bool interrupted = false;
    gp_thread_state_t *saved = gp_gil_release_for_wait(kind);
    pthread_mutex_lock(&lock->mutex);
    lock->waiting++;
    for (;;) {
        if (thread_lock_available(lock, me)) {
            thread_lock_take(lock, me);
            result = 1;
            break;
        }
        if (thread_interrupt_pending(saved)) {
            interrupted = true;
            break;
        }
        uint64_t slice = GP_THREAD_WAIT_SLICE_NS;
        if (budget_ns >= 0) {
            uint64_t now = thread_now_ns();
            if (now >= end)
                break;
            if (end - now < slice)
                slice = end - now;
        }
        struct timespec deadline = thread_deadline_after(slice);
        pthread_cond_timedwait(&lock->cond, &lock->mutex, &deadline);
    }
    lock->waiting--;
    pthread_mutex_unlock(&lock->mutex);
    gp_gil_acquire_after_blocking(saved);
    if (interrupted && gp_runtime_handle_breaker() < 0)
        return -1;
    return result;
}

/* Marks [lock] free and wakes one waiter. Called with lock->mutex held. */
static void thread_lock_free_up(thread_lock_t *lock)
{
    lock->locked = false;
    lock->owner = 0;
    lock->count = 0;
    pthread_cond_signal(&lock->cond);
}

/* Releases [lock]; -1 with RuntimeError when the caller may not. */
static int thread_lock_release_checked(thread_lock_t *lock)
{
    uint64_t me = gp_tstate()->thread_id;
    pthread_mutex_lock(&lock->mutex);
    if (!lock->locked || (lock->reentrant && lock->owner != me)) {
        pthread_mutex_unlock(&lock->mutex);
        gp_err_set_string(&gp_exc_RuntimeError, lock->reentrant
                                                    ? "cannot release un-acquired lock"
                                                    : "release unlocked lock");
        return -1;
    }
    if (lock->reentrant && --lock->count > 0) {
        pthread_mutex_unlock(&lock->mutex);
        return 0;
    }
    thread_lock_free_up(lock);
    pthread_mutex_unlock(&lock->mutex);
    return 0;
}

static gp_object_t *thread_lock_create(gp_type_t *type, bool reentrant)
{
    thread_lock_t *lock = (thread_lock_t *)gp_object_alloc(type, 0);
    if (!lock)
        return NULL;
    pthread_mutex_init(&lock->mutex, NULL);
    /* Deadlines are CLOCK_MONOTONIC times (thread_deadline_after). */
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&lock->cond, &attr);
    pthread_condattr_destroy(&attr);
    lock->reentrant = reentrant;
    return &lock->base;
}

static void thread_lock_dealloc(gp_object_t *self)
{
    thread_lock_t *lock = (thread_lock_t *)self;
    pthread_cond_destroy(&lock->cond);
    pthread_mutex_destroy(&lock->mutex);
    gp_type_t *type = GP_TYPE(self);
    gp_object_free(self);
    if (type->flags & GP_TYPE_FLAG_HEAPTYPE)
        GP_DECREF((gp_object_t *)type);
}

static gp_object_t *thread_lock_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check(type == &thread_rlock_type ? "RLock" : "lock", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return thread_lock_create(type, type == &thread_rlock_type);
}

static gp_object_t *thread_lock_acquire(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    int64_t budget;
    if (thread_parse_timeout("acquire", args, nargs, kwnames, &budget) < 0)
        return NULL;
    int rc = thread_lock_acquire_ns((thread_lock_t *)self, budget, GP_WAIT_KIND_LOCK);
    if (rc < 0)
        return NULL;
    return gp_bool_from(rc == 1);
}

/* lock._acquire_as(kind, timeout=-1): a blocking acquire whose wait the GIL
   trace names after [kind] (_thread._WAIT_JOIN, _WAIT_QUEUE, _WAIT_LOCK)
   instead of "lock". Private: threading's Thread.join() and queue's waits
   go through Condition waits, whose waiter is a lock like any other. */
static gp_object_t *thread_lock_acquire_as(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_acquire_as", nargs, kwnames, 1, 2) < 0)
        return NULL;
    intptr_t kind = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (kind == -1 && gp_err_occurred())
        return NULL;
    if (kind != GP_WAIT_KIND_LOCK && kind != GP_WAIT_KIND_JOIN && kind != GP_WAIT_KIND_QUEUE) {
        gp_err_format(&gp_exc_ValueError, "unknown wait kind %ld", (long)kind);
        return NULL;
    }
    /* acquire(True, timeout): the timeout checks and messages of acquire(). */
    gp_object_t *blocking_timeout[2] = {gp_True, nargs > 1 ? args[1] : NULL};
    int64_t budget;
    if (thread_parse_timeout("_acquire_as", blocking_timeout, nargs, NULL, &budget) < 0)
        return NULL;
    int rc = thread_lock_acquire_ns((thread_lock_t *)self, budget, (gp_wait_kind_t)kind);
    if (rc < 0)
        return NULL;
    return gp_bool_from(rc == 1);
}

static gp_object_t *thread_lock_enter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    int rc = thread_lock_acquire_ns((thread_lock_t *)self, -1, GP_WAIT_KIND_LOCK);
    if (rc < 0)
        return NULL;
    return gp_bool_from(true);
}

static gp_object_t *thread_lock_release(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (thread_lock_release_checked((thread_lock_t *)self) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *thread_lock_locked(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    thread_lock_t *lock = (thread_lock_t *)self;
    pthread_mutex_lock(&lock->mutex);
    bool locked = lock->locked;
    pthread_mutex_unlock(&lock->mutex);
    return gp_bool_from(locked);
}

/* lock._waiting(): how many threads are blocked acquiring the lock. Private:
   tests use it to know that a thread has started to wait. */
static gp_object_t *thread_lock_waiting(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_waiting", nargs, kwnames, 0, 0) < 0)
        return NULL;
    thread_lock_t *lock = (thread_lock_t *)self;
    pthread_mutex_lock(&lock->mutex);
    unsigned waiting = lock->waiting;
    pthread_mutex_unlock(&lock->mutex);
    return gp_int_from_u64(waiting);
}

/* RLock._is_owned(): used by threading.Condition. */
static gp_object_t *thread_lock_is_owned(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    thread_lock_t *lock = (thread_lock_t *)self;
    pthread_mutex_lock(&lock->mutex);
    bool owned = lock->locked && lock->owner == gp_tstate()->thread_id;
    pthread_mutex_unlock(&lock->mutex);
    return gp_bool_from(owned);
}

static gp_object_t *thread_lock_repr(gp_object_t *self)
{
    thread_lock_t *lock = (thread_lock_t *)self;
    pthread_mutex_lock(&lock->mutex);
    bool locked = lock->locked;
    unsigned long count = lock->count;
    uint64_t owner = lock->owner;
    pthread_mutex_unlock(&lock->mutex);
    if (lock->reentrant)
        return gp_str_from_format("<%s _thread.RLock object owner=%llu count=%lu at %p>",
                                  locked ? "locked" : "unlocked",
                                  (unsigned long long)owner, count, (void *)self);
    return gp_str_from_format("<%s _thread.lock object at %p>", locked ? "locked" : "unlocked",
                              (void *)self);
}

static const gp_method_def_t thread_lock_methods[] = {
    {"acquire", thread_lock_acquire, GP_METH_KEYWORDS, "Acquire the lock."},
    {"acquire_lock", thread_lock_acquire, GP_METH_KEYWORDS, "Acquire the lock."},
    {"_acquire_as", thread_lock_acquire_as, 0, "Acquire, labelling the wait for the GIL trace."},
    {"release", thread_lock_release, 0, "Release the lock."},
    {"release_lock", thread_lock_release, 0, "Release the lock."},
    {"locked", thread_lock_locked, 0, "Is the lock held?"},
    {"locked_lock", thread_lock_locked, 0, "Is the lock held?"},
    {"_is_owned", thread_lock_is_owned, 0, "Does the calling thread hold the lock?"},
    {"_waiting", thread_lock_waiting, 0, "Number of threads blocked acquiring the lock."},
    {"__enter__", thread_lock_enter, 0, "Acquire the lock."},
    {"__exit__", thread_lock_release, 0, "Release the lock."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t thread_lock_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_thread.lock",
    .basicsize = sizeof(thread_lock_t),
    .dealloc = thread_lock_dealloc,
    .new_ = thread_lock_new,
    .repr = thread_lock_repr,
    .hash = gp_object_default_hash,
    .methods = thread_lock_methods,
    .doc = "A lock object is a synchronization primitive.",
};

static gp_type_t thread_rlock_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_thread.RLock",
    .basicsize = sizeof(thread_lock_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = thread_lock_dealloc,
    .new_ = thread_lock_new,
    .repr = thread_lock_repr,
    .hash = gp_object_default_hash,
    .methods = thread_lock_methods,
    .doc = "A reentrant lock.",
};

/* ------------------------------------------------------------------ */
/* Starting threads                                                     */
/* ------------------------------------------------------------------ */

/* What a starting thread shares with its creator: its kernel id, which
   the thread publishes before it first queues for the GIL, so that
   Thread.native_id right after start() waits for the thread to be scheduled,
   never for a GIL hand-over; and its end lock, held from the start and
   released by this file as the thread's very last act, whatever its Python
   code did or failed to do (out of memory included): Thread.join() waits on
   it. A Python object (`_thread._ThreadHandle`) so threading.Thread can keep
   it; the thread holds a reference until its end. */
typedef struct thread_handle {
    gp_object_t base;
    long native_id; /* 0 until published; accessed atomically */
    thread_lock_t *end_lock;
} thread_handle_t;

static gp_type_t thread_handle_type;

typedef struct thread_boot {
    gp_thread_state_t *ts;
    gp_object_t *func;
    gp_object_t *args;   /* tuple */
    gp_object_t *kwargs; /* dict or NULL */
    thread_handle_t *handle; /* NULL: nobody asked for one */
} thread_boot_t;

/* Reports an exception that escaped a thread's function, as CPython's
   _thread does: SystemExit ends the thread quietly. */
static void thread_report_exception(gp_object_t *func)
{
    gp_object_t *exc = gp_err_fetch();
    if (!exc)
        return;
    if (gp_exception_matches(exc, (gp_object_t *)&gp_exc_SystemExit)) {
        GP_DECREF(exc);
        return;
    }
    gp_err_restore(exc);
    gp_err_write_unraisable("Exception ignored in thread started by", func);
}

/* The part of a thread's stack kept free below the recursion check: C
   frames between two checks (a call through a slot into the eval loop) and
   raising RecursionError itself must fit in it. An eighth of the stack,
   between these bounds. */
#define GP_THREAD_STACK_MARGIN_MIN (12 * 1024)
#define GP_THREAD_STACK_MARGIN_MAX (256 * 1024)

/* Sets [ts]'s stack limit from the calling thread's real stack: the size
   threading.stack_size() asked for, less what pthreads keeps in it. */
static void thread_stack_limit_init(gp_thread_state_t *ts)
{
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return;
    void *low = NULL;
    size_t size = 0;
    if (pthread_attr_getstack(&attr, &low, &size) == 0 && low && size > 0) {
        size_t margin = size / 8;
        if (margin < GP_THREAD_STACK_MARGIN_MIN)
            margin = GP_THREAD_STACK_MARGIN_MIN;
        if (margin > GP_THREAD_STACK_MARGIN_MAX)
            margin = GP_THREAD_STACK_MARGIN_MAX;
        ts->stack_limit = (uintptr_t)low + margin;
    }
    pthread_attr_destroy(&attr);
}

/* Bytes of a new thread's C stack lent to its first Python frames. */
#define THREAD_SEED_FRAMES 4096

static void *thread_boot_cb(void *arg)
{
    thread_boot_t *boot = arg;
    gp_thread_state_t *ts = boot->ts;
    if (boot->handle)
        __atomic_store_n(&boot->handle->native_id, (long)syscall(SYS_gettid), __ATOMIC_RELEASE);
    /* The first frames live here rather than in a 16 KiB heap chunk, whose
       malloc in a fresh thread means an arena lock and new pages. */
    _Alignas(16) char frames[THREAD_SEED_FRAMES];
    gp_eval_thread_seed(frames, sizeof frames);
    thread_stack_limit_init(ts);
    gp_thread_state_enter(ts);
    atomic_fetch_sub(&ts->runtime->threads_starting, 1);
    gp_object_t *result = gp_object_call_tuple_dict(boot->func, boot->args, boot->kwargs);
    if (result)
        GP_DECREF(result);
    else
        thread_report_exception(boot->func);
    GP_DECREF(boot->func);
    GP_DECREF(boot->args);
    GP_XDECREF(boot->kwargs);
    thread_handle_t *handle = boot->handle;
    gp_mem_free(boot);
    if (handle) {
        thread_lock_t *end = handle->end_lock;
        pthread_mutex_lock(&end->mutex);
        thread_lock_free_up(end);
        pthread_mutex_unlock(&end->mutex);
        GP_DECREF((gp_object_t *)handle);
    }
    gp_thread_state_exit(ts);
    return NULL;
}

static void thread_boot_free(thread_boot_t *boot)
{
    gp_thread_state_free(boot->ts);
    GP_DECREF(boot->func);
    GP_DECREF(boot->args);
    GP_XDECREF(boot->kwargs);
    GP_XDECREF((gp_object_t *)boot->handle);
    gp_mem_free(boot);
}

/* Starts a thread running func(*args, **kwargs) and returns its ident; with
   [handle], the thread publishes its kernel id there.

   The GIL is released around pthread_create(): creating a thread is a
   system call of some 100 us (the stack's mapping, the clone), and threads
   started just before can run their first bytecodes meanwhile - with a
   burst of start() calls that overlap makes the whole burst markedly
   faster. So the new thread may run, and even finish, before this returns:
   the thread records its own ident, and nothing here touches [boot] after
   the thread exists. */
static gp_object_t *thread_start(const char *fname, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames, thread_handle_t *handle)
{
    if (gp_args_check(fname, nargs, kwnames, 2, 3) < 0)
        return NULL;
    gp_object_t *func = args[0], *targs = args[1], *kwargs = nargs > 2 ? args[2] : NULL;
    if (!gp_object_is_callable(func)) {
        gp_err_set_string(&gp_exc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!gp_tuple_check(targs)) {
        gp_err_set_string(&gp_exc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (kwargs && !gp_dict_check(kwargs)) {
        gp_err_set_string(&gp_exc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    gp_runtime_t *rt = gp_runtime();
    thread_boot_t *boot = gp_mem_alloc(sizeof *boot);
    if (!boot) {
        gp_err_no_memory();
        return NULL;
    }
    boot->ts = gp_thread_state_new(rt);
    if (!boot->ts) {
        gp_mem_free(boot);
        return NULL;
    }
    boot->func = GP_INCREF(func);
    boot->args = GP_INCREF(targs);
    boot->kwargs = GP_XINCREF(kwargs);
    boot->handle = handle ? (thread_handle_t *)GP_INCREF((gp_object_t *)handle) : NULL;

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = 0;
    if (rt->thread_stack_size != 0)
        rc = pthread_attr_setstacksize(&attr, rt->thread_stack_size);
    pthread_t tid;
    if (rc == 0) {
        atomic_fetch_add(&rt->threads_starting, 1);
        gp_thread_state_t *saved = gp_gil_release_for_blocking();
        rc = pthread_create(&tid, &attr, thread_boot_cb, boot);
        gp_gil_acquire_after_blocking(saved);
        if (rc != 0)
            atomic_fetch_sub(&rt->threads_starting, 1);
    }
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        thread_boot_free(boot);
        gp_err_set_string(&gp_exc_RuntimeError, "can't start new thread");
        return NULL;
    }
    return gp_int_from_u64((uint64_t)tid);
}

static gp_object_t *thread_start_new_thread(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    return thread_start("start_new_thread", args, nargs, kwnames, NULL);
}

/* _thread._start_new_thread_handle(func, args[, kwargs]) ->
   (ident, handle, end_lock): threading.Thread.start(). Returns as soon as
   the thread exists; the handle gives its native id when asked
   (handle.native_id()); end_lock is held until the thread has ended. */
static gp_object_t *thread_start_new_thread_handle(gp_object_t *self, gp_object_t *const *args,
                                                   size_t nargs, gp_object_t *kwnames)
{
    gp_object_t *end = thread_lock_create(&thread_lock_type, false);
    if (!end)
        return NULL;
    thread_handle_t *handle = (thread_handle_t *)gp_object_alloc(&thread_handle_type, 0);
    if (!handle) {
        GP_DECREF(end);
        return NULL;
    }
    handle->native_id = 0;
    handle->end_lock = (thread_lock_t *)GP_INCREF(end);
    handle->end_lock->locked = true;
    handle->end_lock->count = 1;
    /* The triple is built first: once the thread exists nothing may fail. */
    gp_object_t *triple = gp_tuple_pack(3, gp_None, (gp_object_t *)handle, end);
    GP_DECREF((gp_object_t *)handle);
    GP_DECREF(end);
    if (!triple)
        return NULL;
    gp_object_t *ident = thread_start("_start_new_thread_handle", args, nargs, kwnames,
                                      (thread_handle_t *)GP_TUPLE_GET(triple, 1));
    if (!ident) {
        GP_DECREF(triple);
        return NULL;
    }
    GP_DECREF(GP_TUPLE_GET(triple, 0));
    GP_TUPLE_SET(triple, 0, ident);
    return triple;
}

/* handle.native_id(): the thread's kernel id. The thread publishes it before
   it needs the GIL, so waiting here with the GIL held lasts until the thread
   is first scheduled, no longer. */
static gp_object_t *thread_handle_native_id(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    thread_handle_t *handle = (thread_handle_t *)self;
    long native;
    while ((native = __atomic_load_n(&handle->native_id, __ATOMIC_ACQUIRE)) == 0)
        sched_yield();
    return gp_int_from_i64(native);
}

static void thread_handle_dealloc(gp_object_t *self)
{
    GP_DECREF((gp_object_t *)((thread_handle_t *)self)->end_lock);
    gp_object_free(self);
}

static const gp_method_def_t thread_handle_methods[] = {
    {"native_id", thread_handle_native_id, 0, "The thread's kernel id."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t thread_handle_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_ThreadHandle",
    .basicsize = sizeof(thread_handle_t),
    .dealloc = thread_handle_dealloc,
    .hash = gp_object_default_hash,
    .methods = thread_handle_methods,
    .doc = "What threading.Thread keeps of the OS thread it started.",
};

/* The smallest stack stack_size() accepts, as CPython's THREAD_STACK_MIN. */
#define GP_THREAD_STACK_MIN 0x8000
/* _thread.stack_size([size]) -> the previous size: sets the stack size of
   the threads started from now on; 0 means the platform's default. */
static gp_object_t *thread_stack_size(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "stack_size() takes at most 1 argument (%zu given)",
                      nargs);
        return NULL;
    }
    gp_runtime_t *rt = gp_runtime();
    size_t previous = rt->thread_stack_size;
    /* As in CPython, stack_size() without an argument means stack_size(0):
       it returns the size and resets it to the default. */
    if (nargs == 0) {
        rt->thread_stack_size = 0;
        return gp_int_from_u64(previous);
    }
    gp_object_t *index = gp_number_index(args[0]);
    if (!index)
        return NULL;
    int overflow = 0;
    int64_t size = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return NULL;
    }
    if (size < 0) {
        gp_err_set_string(&gp_exc_ValueError, "size must be 0 or a positive value");
        return NULL;
    }
    if (size != 0) {
        /* Ask pthreads whether it would take the size, as CPython does. */
        pthread_attr_t attr;
        int rc = size < GP_THREAD_STACK_MIN ? EINVAL : pthread_attr_init(&attr);
        if (rc == 0) {
            rc = pthread_attr_setstacksize(&attr, (size_t)size);
            pthread_attr_destroy(&attr);
        }
        if (rc != 0) {
            gp_err_format(&gp_exc_ValueError, "size not valid: %ld bytes", (long)size);
            return NULL;
        }
    }
    rt->thread_stack_size = (size_t)size;
    return gp_int_from_u64(previous);
}

static gp_object_t *thread_allocate_lock(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("allocate_lock", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return thread_lock_create(&thread_lock_type, false);
}

static gp_object_t *thread_get_ident(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("get_ident", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_u64(gp_tstate()->thread_id);
}

static gp_object_t *thread_get_native_id(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("get_native_id", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64(gp_tstate()->native_id);
}

/* Number of threads other than the main one that still have a thread state. */
static gp_object_t *thread_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    int64_t n = 0;
    gp_runtime_t *rt = gp_runtime();
    for (gp_thread_state_t *ts = rt->threads; ts; ts = ts->next)
        if (ts != rt->main_thread)
            n++;
    return gp_int_from_i64(n);
}

/* _thread._idents(): the idents of every thread with a thread state. */
static gp_object_t *thread_idents(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    for (gp_thread_state_t *ts = gp_runtime()->threads; ts; ts = ts->next) {
        gp_object_t *ident = gp_int_from_u64(ts->thread_id);
        if (!ident || gp_list_append(list, ident) < 0) {
            GP_XDECREF(ident);
            GP_DECREF(list);
            return NULL;
        }
        GP_DECREF(ident);
    }
    return list;
}

static gp_object_t *thread_interrupt_main(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    gp_runtime_t *rt = gp_runtime();
    atomic_store(&rt->pending_sigint, 1);
    atomic_fetch_or(&rt->eval_breaker, GP_BREAK_SIGNALS);
    return gp_none_new();
}

/* _thread._print_exception(exc): the default traceback printer, for
   threading.excepthook. */
static gp_object_t *thread_print_exception(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_print_exception", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_exc_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "expected an exception, not %T", args[0]);
        return NULL;
    }
    gp_exception_print(args[0]);
    return gp_none_new();
}

static const gp_method_def_t thread_functions[] = {
    {"_print_exception", thread_print_exception, 0, "Print an exception with its traceback."},
    {"start_new_thread", thread_start_new_thread, 0, "Start a new thread."},
    {"start_new", thread_start_new_thread, 0, "Start a new thread."},
    {"_start_new_thread_handle", thread_start_new_thread_handle, 0,
     "Start a new thread; return (ident, handle, end_lock)."},
    {"stack_size", thread_stack_size, 0,
     "stack_size([size]) -> size\n\nReturn the thread stack size used when creating new "
     "threads."},
    {"allocate_lock", thread_allocate_lock, 0, "Create a new lock object."},
    {"allocate", thread_allocate_lock, 0, "Create a new lock object."},
    {"get_ident", thread_get_ident, 0, "Return the current thread's identifier."},
    {"get_native_id", thread_get_native_id, 0, "Return the kernel's id of this thread."},
    {"_count", thread_count, 0, "Number of alive threads besides the main one."},
    {"_idents", thread_idents, 0, "Identifiers of every thread that runs Python."},
    {"interrupt_main", thread_interrupt_main, 0, "Raise KeyboardInterrupt in the main thread."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_thread_module_create(void)
{
    if (gp_type_ready(&thread_lock_type) < 0 || gp_type_ready(&thread_rlock_type) < 0 ||
        gp_type_ready(&thread_handle_type) < 0)
        return NULL;
    gp_object_t *module = gp_module_new("_thread");
    if (!module)
        return NULL;
    gp_object_t *timeout_max = gp_float_new(GP_THREAD_TIMEOUT_MAX);
    if (gp_module_add_functions(module, thread_functions) < 0 || !timeout_max ||
        gp_module_add_object(module, "TIMEOUT_MAX", timeout_max) < 0 ||
        gp_module_add_object(module, "LockType", (gp_object_t *)&thread_lock_type) < 0 ||
        gp_module_add_object(module, "lock", (gp_object_t *)&thread_lock_type) < 0 ||
        gp_module_add_object(module, "RLock", (gp_object_t *)&thread_rlock_type) < 0 ||
        gp_module_add_object(module, "error", (gp_object_t *)&gp_exc_RuntimeError) < 0 ||
        gp_module_add_int(module, "_WAIT_LOCK", GP_WAIT_KIND_LOCK) < 0 ||
        gp_module_add_int(module, "_WAIT_JOIN", GP_WAIT_KIND_JOIN) < 0 ||
        gp_module_add_int(module, "_WAIT_QUEUE", GP_WAIT_KIND_QUEUE) < 0) {
        GP_XDECREF(timeout_max);
        GP_DECREF(module);
        return NULL;
    }
    GP_DECREF(timeout_max);
    return module;
}
