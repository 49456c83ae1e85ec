/*
 * asyncio_c.h - what the files of the `_asyncio` module share: the layouts
 * of Future, Task and Handle, and the state machine functions the other
 * files call.
 *
 * Design notes
 * ------------
 * The module is split by object, as Lua splits by concept:
 *
 *   asyncio_c.c         the module: its state, its functions, shared helpers
 *   asyncio_c_future.c  Future (the state machine) and FutureIter (`await`)
 *   asyncio_c_task.c    Task: stepping a coroutine, waking it up
 *   asyncio_c_handle.c  Handle and TimerHandle, and the loop's inner loop
 *   asyncio_c_sleep.c   asyncio.sleep() as one C object (no Python frames)
 *   asyncio_c_gather.c  gather()'s bookkeeping: children and their callback
 *
 * Every function here runs with the GIL held, on the thread that runs the
 * loop; nothing is thread-safe and nothing needs to be.
 *
 * Names: module-internal functions shared between the files carry the
 * `gp_aio_` prefix; everything else is static to its file.
 */
#ifndef GP_MOD_ASYNCIO_C_H
#define GP_MOD_ASYNCIO_C_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "obj/object.h"
#include "runtime/runtime.h"
#include "vm/eval.h"
#include "vm/vm.h"

/* Defined in vm/generator.c: throw() without the method lookup. */
gp_send_result_t gp_generator_throw(gp_object_t *gen, gp_object_t *exc, gp_object_t **result);

typedef enum future_state {
    FUTURE_PENDING,
    FUTURE_CANCELLED,
    FUTURE_FINISHED,
} future_state_t;

/* What few futures need: a second done-callback, an exception, a
   cancellation's message or exception. Kept apart (allocated on first
   need, freed with the future) so that the common future, a task waiting
   for a sleep with one callback and a plain result, is 24 bytes smaller:
   2.4 MB for 100,000 tasks, and as much again for their sleeps. */
typedef struct future_extra {
    gp_object_t *callbacks;      /* list of the done-callbacks after the first, or NULL */
    gp_object_t *exception;      /* NULL unless finished with an exception */
    gp_object_t *cancel_message; /* NULL or the msg given to cancel() */
    gp_object_t *cancelled_exc;  /* the CancelledError a task's coroutine raised */
    /* added by contextvars: the contextvars.Context a task's steps run in;
       NULL while it is a fresh empty one nobody has set a variable in
       (asyncio_c_task.c), which costs no allocation. */
    gp_object_t *context;
} future_extra_t;

typedef struct future {
    gp_object_t base;
    gp_object_t *loop;
    gp_object_t *callback0; /* the first done-callback, or NULL */
    gp_object_t *result;    /* NULL until set */
    future_extra_t *extra;  /* NULL until one of its fields is needed */
    uint8_t state;          /* future_state_t */
    bool blocking;          /* _asyncio_future_blocking */
    bool callback0_wakeup;  /* callback0 is a task whose wakeup is the callback */
    bool log_traceback;     /* an exception was set and nobody has looked at it */
    /* Done, and on its loop's ready list in place of the Handles of its
       done-callbacks, which its slots still hold (asyncio_c_future.c). */
    bool callbacks_queued;
    /* Free for a subtype's own small fields (the sleep object's step and
       timer state live here), which would otherwise cost a padded word. */
    uint8_t subtype_bytes[3];
} future_t;

/* The fields of future_extra_t, NULL when the future has no extra part. */
#define FUTURE_EXTRA_FIELD(fut, field) ((fut)->extra ? (fut)->extra->field : NULL)
#define FUTURE_CALLBACKS(fut)          FUTURE_EXTRA_FIELD(fut, callbacks)
#define FUTURE_EXCEPTION(fut)          FUTURE_EXTRA_FIELD(fut, exception)
#define FUTURE_CANCEL_MESSAGE(fut)     FUTURE_EXTRA_FIELD(fut, cancel_message)
#define FUTURE_CANCELLED_EXC(fut)      FUTURE_EXTRA_FIELD(fut, cancelled_exc)

typedef struct task {
    /* The future, with the task's flags laid over its subtype_bytes (as the
       sleep's state is, below): 88 bytes, so that with its gc head a task
       is a 112-byte block instead of a 128-byte one. */
    union {
        future_t future;
        struct {
            char future_head[offsetof(future_t, subtype_bytes)];
            uint8_t queued; /* enum task_queued: the task itself is on its loop's ready list */
            bool must_cancel : 1;
            bool log_destroy_pending : 1;
            bool coro_untracked : 1; /* the task untracked its coroutine (asyncio_c_task.c) */
        };
    };
    gp_object_t *coro;
    gp_object_t *fut_waiter; /* the future the coroutine waits for, or NULL */
    /* The name: a str, or until first asked for, the N of the default name
       "Task-N" as an unboxed small int (one field for both: 8 bytes a task). */
    gp_object_t *name;
    uint32_t pending_slot; /* 1 + its index in the state's pending array; 0: not there */
    int32_t num_cancels_requested;
} task_t;

/* How a task sits on its loop's ready list in place of a Handle (see
   gp_aio_task_schedule_wakeup). */
enum task_queued {
    TASK_QUEUED_NONE,
    TASK_QUEUED_STEP,   /* as a Handle of task_step() would */
    TASK_QUEUED_WAKEUP, /* as a Handle of task_wakeup(fut_waiter) would */
};

typedef struct future_iter {
    gp_object_t base;
    gp_object_t *future; /* NULL once the iteration is over */
    bool yielded;
} future_iter_t;

typedef struct asyncio_state {
    gp_object_t base;
    gp_object_t *current_tasks; /* dict: loop -> the task it is running */
    gp_object_t *pending_tasks; /* set of Python-level tasks not yet done */
    /* The C tasks not yet done (strong references), an array rather than a
       set: 8 bytes a task, no hashing; each task knows its slot. */
    task_t **pending;
    size_t pending_len, pending_cap;
    gp_object_t *fast_loop_type; /* events.BaseEventLoop: its timers are our C heap */
    uint64_t task_counter;       /* for the names "Task-1", "Task-2"... */
    /* A done-callback could not be handed to the loop for want of memory,
       so something waits for a wake-up that will never come: the loop's
       every later _run_ready() raises MemoryError instead of idling forever
       (for the rest of the process: its asyncio state is no longer whole). */
    bool lost_callback;
} asyncio_state_t;

/* Where an asyncio.sleep() object is in CPython's body of sleep(). */
enum sleep_step {
    SLEEP_NEW,     /* not started: the body has not run */
    SLEEP_YIELDED, /* sleep(0): yielded None once */
    SLEEP_WAITING, /* yielded itself: the task waits for it as a future */
    SLEEP_DONE,    /* returned or raised */
};

/* Where its timer is. */
enum sleep_timer_state {
    SLEEP_TIMER_NONE,      /* not scheduled (or on a foreign loop: see sleep_t.timer) */
    SLEEP_TIMER_IN_HEAP,   /* an entry of the loop's C timer heap */
    SLEEP_TIMER_DUE,       /* popped from the heap, on the ready list */
    SLEEP_TIMER_FIRED,     /* ran: the result is set */
    SLEEP_TIMER_CANCELLED, /* the sleep finished first; the entry is dead */
};

/* asyncio.sleep(delay, result): a coroutine that is its own future (see
   asyncio_c_sleep.c). */
typedef struct sleep {
    /* The future (whose .result holds the value to return from the start),
       with the two bytes of the sleep's state laid over its subtype_bytes:
       64 bytes in all, so that with its gc head one sleep is a 96-byte
       block of malloc's rather than a 112-byte one. */
    union {
        future_t future;
        struct {
            char future_head[offsetof(future_t, subtype_bytes)];
            uint8_t step;        /* enum sleep_step */
            uint8_t timer_state; /* enum sleep_timer_state */
        };
    };
    /* The delay until the first step; then a foreign loop's TimerHandle,
       or NULL (one field, since the two never live at the same time). */
    gp_object_t *delay_or_timer;
} sleep_t;

typedef struct handle {
    gp_object_t base;
    gp_object_t *callback; /* NULL once cancelled */
    gp_object_t *args;     /* tuple; NULL once cancelled */
    gp_object_t *loop;
    gp_object_t *context;
    double when; /* TimerHandle only */
    bool cancelled;
    bool scheduled; /* TimerHandle only: sits in the loop's timer heap */
} handle_t;

extern gp_type_t gp_aio_future_type, gp_aio_task_type, gp_aio_future_iter_type;
extern gp_type_t gp_aio_handle_type, gp_aio_timer_handle_type, gp_aio_sleep_type;

#define FUTURE(o) ((future_t *)(o))
#define TASK(o)   ((task_t *)(o))
#define HANDLE(o) ((handle_t *)(o))
#define SLEEP(o)  ((sleep_t *)(o))

/* A Future, a Task, a sleep object, or an instance of a subclass of the
   first two: anything laid out as a future_t. */
static inline bool gp_aio_future_check(gp_object_t *o)
{
    if (!GP_IS_PTR(o))
        return false;
    gp_type_t *t = GP_TYPE(o);
    return t == &gp_aio_future_type || t == &gp_aio_task_type || t == &gp_aio_sleep_type ||
           gp_type_is_subtype(t, &gp_aio_future_type);
}

/* Exactly one of our future types: no Python method can override what C
   does with it. */
static inline bool gp_aio_future_exact(gp_object_t *o)
{
    if (!GP_IS_PTR(o))
        return false;
    gp_type_t *t = GP_TYPE(o);
    return t == &gp_aio_future_type || t == &gp_aio_task_type || t == &gp_aio_sleep_type;
}

static inline bool gp_aio_task_check(gp_object_t *o)
{
    if (!GP_IS_PTR(o))
        return false;
    gp_type_t *t = GP_TYPE(o);
    return t == &gp_aio_task_type || gp_type_is_subtype(t, &gp_aio_task_type);
}

static inline bool gp_aio_handle_check(gp_object_t *o)
{
    if (!GP_IS_PTR(o))
        return false;
    gp_type_t *t = GP_TYPE(o);
    return t == &gp_aio_handle_type || t == &gp_aio_timer_handle_type ||
           gp_type_is_subtype(t, &gp_aio_handle_type);
}

/* The module's state, or NULL (with no exception) before the module exists. */
static inline asyncio_state_t *gp_aio_state(void)
{
    return (asyncio_state_t *)gp_runtime()->asyncio_state;
}

/* After a loop callback failed with [exc] and was reported: a callback that
   ran out of memory stopped half-way, and whatever it was to wake or settle
   may now wait forever, so the loop stops with MemoryError at its next
   round (asyncio_state_t.lost_callback) instead of idling on. */
static inline void gp_aio_note_lost_memory(gp_object_t *exc)
{
    asyncio_state_t *st = gp_aio_state();
    if (st && exc && gp_exception_matches(exc, (gp_object_t *)&gp_exc_MemoryError))
        st->lost_callback = true;
}

/* The same for the exception still pending on this thread. */
static inline void gp_aio_note_lost_memory_pending(void)
{
    asyncio_state_t *st = gp_aio_state();
    if (st && gp_err_matches(&gp_exc_MemoryError))
        st->lost_callback = true;
}

/* The signature of every Python-visible method of the module's types. */
#define AIO_METHOD(fn)                                                                \
    static gp_object_t *fn(gp_object_t *self, gp_object_t *const *args, size_t nargs, \
                           gp_object_t *kwnames)

/* A getter returning a field that may be NULL (then None). */
#define OPTIONAL_FIELD_GETTER(fn, expr)                      \
    static gp_object_t *fn(gp_object_t *self, void *closure) \
    {                                                        \
        gp_object_t *v = (expr);                             \
        return GP_INCREF(v ? v : gp_None);                   \
    }

/* -- asyncio_c.c: helpers -------------------------------------------- */

/* A new reference to <module>.<name>, importing the module if needed. */
gp_object_t *gp_aio_lookup(const char *module, const char *name);
/* Raises asyncio.exceptions.<name>(message). */
void gp_aio_raise(const char *name, const char *message);
/* 1 if [exc] is an asyncio.CancelledError, 0 if not, -1 on error. */
int gp_aio_is_cancelled_error(gp_object_t *exc);
/* obj.name(msg=msg) when [msg] is not NULL, else obj.name(). */
gp_object_t *gp_aio_call_method_msg(gp_object_t *obj, const char *name, gp_object_t *msg);
/* loop.call_soon(callback, arg) (arg may be NULL). */
int gp_aio_loop_call_soon(gp_object_t *loop, gp_object_t *callback, gp_object_t *arg);
/* Makes [task] the running task of [loop]: RuntimeError if another is. */
int gp_aio_task_enter(asyncio_state_t *st, gp_object_t *loop, gp_object_t *task);
/* Undoes gp_aio_task_enter: RuntimeError if [task] is not the running one. */
int gp_aio_task_leave(asyncio_state_t *st, gp_object_t *loop, gp_object_t *task);
/* Cancels any future-like [obj]: the C call for ours, obj.cancel(msg=...)
   for others. 1 if cancelled now, 0 if not, -1 on error. */
int gp_aio_cancel_any(gp_object_t *obj, gp_object_t *msg);

/* -- asyncio_c_future.c ---------------------------------------------- */

/* The future's extra part, allocated if it has none: NULL with MemoryError
   when that fails. */
future_extra_t *gp_aio_future_extra(future_t *fut);
/* cancel(msg): 1 if cancelled now, 0 if it was already done, -1 on error. */
int gp_aio_future_cancel(future_t *fut, gp_object_t *msg);
int gp_aio_future_set_result(future_t *fut, gp_object_t *result);
int gp_aio_future_set_exception(future_t *fut, gp_object_t *exception);
/* result(): a new reference, or NULL with the future's exception raised. */
gp_object_t *gp_aio_future_result(future_t *fut);
int gp_aio_future_add_callback(future_t *fut, gp_object_t *fn);
/* Runs the done-callbacks of a future that sat on the ready list (see
   future_t.callbacks_queued). -1 only for what must leave the loop
   (SystemExit, KeyboardInterrupt). */
int gp_aio_future_run_queued(future_t *fut);
/* Adds [task]'s wakeup as a done-callback of [fut]. */
int gp_aio_future_add_wakeup(future_t *fut, task_t *task);
gp_object_t *gp_aio_future_make_cancelled_error(future_t *fut);
int gp_aio_future_init_loop(future_t *fut, gp_object_t *loop);
gp_object_t *gp_aio_future_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames);
int gp_aio_future_traverse_fields(future_t *fut, gp_visit_fn visit, void *arg);
void gp_aio_future_clear_fields(future_t *fut);
/* The finalizer's reports; true if [self] was resurrected by the handler. */
bool gp_aio_future_finalize(gp_object_t *self);
gp_object_t *gp_aio_future_repr(gp_object_t *self);
gp_object_t *gp_aio_get_none(gp_object_t *self, void *closure);
/* Getters shared with the sleep object. */
gp_object_t *gp_aio_future_get_state(gp_object_t *self, void *closure);
gp_object_t *gp_aio_future_get_result(gp_object_t *self, void *closure);
gp_object_t *gp_aio_future_get_exception(gp_object_t *self, void *closure);
gp_object_t *gp_aio_future_get_callbacks(gp_object_t *self, void *closure);
/* Parses cancel(msg=None); *msg is NULL for None. */
int gp_aio_parse_cancel_msg(gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
                            gp_object_t **msg);

/* -- asyncio_c_task.c ------------------------------------------------ */

/* Schedules [task]'s wakeup for [fut], which is done. On our own loop class
   the task itself goes on the ready list (no Handle, no bound method); on
   any other loop, loop.call_soon(task_wakeup, fut). */
int gp_aio_task_schedule_wakeup(task_t *task, future_t *fut);
/* A new Task for [coro] on [loop], as Task(coro, loop=loop) makes it,
   without parsing arguments. NULL with an exception on error. */
gp_object_t *gp_aio_task_create(gp_object_t *loop, gp_object_t *coro);
/* The running loop (borrowed) when the caller runs inside a task's step,
   the loop is an instance of our own loop class and loop.create_task()
   is the class's own without a task factory; else NULL, no exception.
   Then asyncio.create_task(coro) is gp_aio_task_create(loop, coro). */
gp_object_t *gp_aio_fast_running_loop(void);
/* The task's wakeup as a bound builtin method (what _callbacks shows). */
gp_object_t *gp_aio_task_wakeup_callback(task_t *task);
/* Runs a task that sat on the ready list (see task_t.queued). -1 only for
   what must leave the loop (SystemExit, KeyboardInterrupt). */
int gp_aio_task_run_queued(task_t *task);
/* A registered task is not tracked by the cycle collector, nor are its
   coroutine and the sleep it waits for (asyncio_c_task.c says why): tracks
   them again, for a task leaving the array of pending tasks. The coroutine
   stays untracked if [coro_finished] (it has no frame left). */
void gp_aio_task_retrack(task_t *task, bool coro_finished);

/* -- asyncio_c_handle.c ---------------------------------------------- */

/* Reports an exception [exc] raised by [callback](*args) run from [handle]
   to the loop's exception handler, as Handle._run does. -1 if that failed. */
int gp_aio_handle_report(gp_object_t *loop, gp_object_t *callback, gp_object_t *args,
                         gp_object_t *handle, gp_object_t *exc);

gp_object_t *gp_aio_run_ready(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames);
gp_object_t *gp_aio_ready_due(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames);
gp_object_t *gp_aio_ready_due_from(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames);

/* -- asyncio_c_gather.c ---------------------------------------------- */

/* Adds _gather() to the module [module]. */
int gp_aio_gather_ready(gp_object_t *module);

/* -- asyncio_c_sleep.c ----------------------------------------------- */

/* _sleep(delay, result): the object asyncio.sleep() returns. */
gp_object_t *gp_aio_sleep_new(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames);
/* Its timer is due: sets the result unless it was cancelled. */
int gp_aio_sleep_fire(sleep_t *s);
/* Makes [task] this thread's stepping task; returns the previous one. */
task_t *gp_aio_running_task_swap(task_t *task);
/* This thread's stepping task (borrowed), or NULL. */
task_t *gp_aio_running_task(void);

/* The exception a coroutine-like's throw(type[, value[, tb]]) raises: an
   instance made from a class, or the instance given. New reference, or NULL
   with TypeError (CPython's message) when it is neither. */
gp_object_t *gp_aio_throw_exception(gp_object_t *const *args, size_t nargs);

#endif /* GP_MOD_ASYNCIO_C_H */
