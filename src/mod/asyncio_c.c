/*
 * asyncio_c.c - the `_asyncio` module: asyncio's Future and Task in C.
 *
 * Design notes
 * ------------
 * lib/asyncio/futures.py and tasks.py define Future and Task in Python and
 * then, as CPython's do, replace them with this module's types when it can
 * be imported. The Python classes stay as the reference and the fallback
 * (`_PyFuture`, `_PyTask`); every behaviour here follows them and CPython
 * 3.11: the same states, the same error messages, the same order in which
 * callbacks are scheduled.
 *
 * Why C: a task that sleeps once costs a Task, a Future, two callbacks and
 * three steps through the coroutine. In Python that is some sixty calls of
 * Python functions per task; here it is none, and the objects are plain
 * structs without a __dict__. 100,000 sleeping tasks are 100,000 of each.
 *
 * Shapes:
 *   - A Future keeps its first done-callback in a slot of its own and only
 *     makes a list for the second one: nearly every future has exactly one
 *     callback (the task waiting for it).
 *   - A Task steps its coroutine with gp_generator_send() and
 *     gp_generator_throw() when it is one of the VM's coroutines, so a step
 *     creates no StopIteration; anything else that quacks like a coroutine
 *     goes through its send()/throw() methods.
 *   - `await future` runs a FutureIter: it yields the future once (with
 *     `_asyncio_future_blocking` set, which is how a task recognises a future
 *     it must wait for), then returns the result. A result of None ends the
 *     iteration without a StopIteration object at all.
 *   - The task's step and wakeup are handed to the loop as builtin methods
 *     bound to the task, so the loop's Handles call straight into C.
 *
 * Shared state (the running task of each loop and the set of pending tasks)
 * lives in one state object that the module owns; the runtime keeps a
 * borrowed pointer to it (gp_runtime_t.asyncio_state) so that C code finds
 * it without a lookup. Python sees the same dict and set as
 * `_asyncio._current_tasks` and `_asyncio._pending_tasks`.
 *
 * Finalisation: a future whose exception nobody retrieved, and a task that
 * is destroyed while still pending, are reported through the loop's
 * exception handler from dealloc, as CPython's tp_finalize does. The
 * object is resurrected for the call; if the handler keeps it, it lives on.
 */
#include <string.h>

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

typedef struct future {
    gp_object_t base;
    gp_object_t *loop;
    gp_object_t *callback0;      /* the first done-callback, or NULL */
    gp_object_t *callbacks;      /* list of the further ones, or NULL */
    gp_object_t *result;         /* NULL until set */
    gp_object_t *exception;      /* NULL unless finished with an exception */
    gp_object_t *cancel_message; /* NULL or the msg given to cancel() */
    gp_object_t *cancelled_exc;  /* the CancelledError a task's coroutine raised */
    future_state_t state;
    bool blocking;      /* _asyncio_future_blocking */
    bool log_traceback; /* an exception was set and nobody has looked at it */
} future_t;

typedef struct task {
    future_t future;
    gp_object_t *coro;
    gp_object_t *fut_waiter; /* the future the coroutine waits for, or NULL */
    gp_object_t *name;       /* str, or NULL until first asked for (then "Task-N") */
    uint64_t number;         /* N of the default name */
    intptr_t num_cancels_requested;
    bool must_cancel;
    bool log_destroy_pending;
} task_t;

typedef struct future_iter {
    gp_object_t base;
    gp_object_t *future; /* NULL once the iteration is over */
    bool yielded;
} future_iter_t;

typedef struct asyncio_state {
    gp_object_t base;
    gp_object_t *current_tasks; /* dict: loop -> the task it is running */
    gp_object_t *pending_tasks; /* set of tasks not yet done */
    uint64_t task_counter;      /* for the names "Task-1", "Task-2"... */
} asyncio_state_t;

static gp_type_t future_type, task_type, future_iter_type, asyncio_state_type;
static const gp_method_def_t task_step_def, task_wakeup_def;

#define FUTURE(o) ((future_t *)(o))
#define TASK(o) ((task_t *)(o))

static inline bool future_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && (o->type == &future_type || o->type == &task_type ||
                            gp_type_is_subtype(o->type, &future_type));
}

static inline bool task_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && (o->type == &task_type || gp_type_is_subtype(o->type, &task_type));
}

/* The module's state, or NULL (with no exception) before the module exists. */
static asyncio_state_t *state_get(void)
{
    return (asyncio_state_t *)gp_runtime()->asyncio_state;
}

/* ------------------------------------------------------------------ */
/* Helpers: asyncio's exception classes, calling methods                 */
/* ------------------------------------------------------------------ */

/* A new reference to asyncio.<module>.<name>, importing it if needed. */
static gp_object_t *asyncio_lookup(const char *module, const char *name)
{
    gp_object_t *mod = gp_dict_getitem_cstr(gp_runtime()->modules, module);
    if (mod) {
        GP_INCREF(mod);
    } else {
        if (gp_err_occurred())
            return NULL;
        gp_object_t *modname = gp_str_from_cstr(module);
        gp_object_t *fromlist = modname ? gp_tuple_pack(1, gp_str_static(name)) : NULL;
        mod = fromlist ? gp_import_module(modname, NULL, fromlist, 0) : NULL;
        GP_XDECREF(fromlist);
        GP_XDECREF(modname);
        if (!mod)
            return NULL;
    }
    gp_object_t *value = gp_object_getattr_cstr(mod, name);
    GP_DECREF(mod);
    return value;
}

/* Raises asyncio.exceptions.<name>(message). */
static void asyncio_raise(const char *name, const char *message)
{
    gp_object_t *cls = asyncio_lookup("asyncio.exceptions", name);
    if (!cls)
        return;
    gp_object_t *msg = gp_str_from_cstr(message);
    gp_object_t *exc = msg ? gp_object_call1(cls, msg) : NULL;
    GP_XDECREF(msg);
    GP_DECREF(cls);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

static int is_cancelled_error(gp_object_t *exc)
{
    gp_object_t *cls = asyncio_lookup("asyncio.exceptions", "CancelledError");
    if (!cls)
        return -1;
    bool r = gp_exception_matches(exc, cls);
    GP_DECREF(cls);
    return r;
}

/* obj.name(*args, msg=msg) when [msg] is not NULL, else obj.name(*args). */
static gp_object_t *call_method_msg(gp_object_t *obj, const char *name, gp_object_t *msg)
{
    gp_object_t *method = gp_object_getattr_cstr(obj, name);
    if (!method)
        return NULL;
    gp_object_t *r;
    if (msg) {
        gp_object_t *kwnames = gp_tuple_pack(1, gp_str_static("msg"));
        gp_object_t *args[1] = {msg};
        r = kwnames ? gp_object_call(method, args, 0, kwnames) : NULL;
        GP_XDECREF(kwnames);
    } else {
        r = gp_object_call0(method);
    }
    GP_DECREF(method);
    return r;
}

/* loop.call_soon(callback, arg) (arg may be NULL). */
static int loop_call_soon(gp_object_t *loop, gp_object_t *callback, gp_object_t *arg)
{
    gp_object_t *args[2] = {callback, arg};
    gp_object_t *r = gp_object_call_method(loop, "call_soon", args, arg ? 2 : 1);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* Schedules the task's step (with [exc] thrown in, when not NULL). */
static int task_schedule_step(task_t *task, gp_object_t *exc)
{
    gp_object_t *step = gp_cfunction_new(&task_step_def, (gp_object_t *)task);
    if (!step)
        return -1;
    int rc = loop_call_soon(task->future.loop, step, exc);
    GP_DECREF(step);
    return rc;
}

/* Schedules the task's step with a RuntimeError(message) thrown in. */
static int task_schedule_error(task_t *task, gp_object_t *message)
{
    if (!message)
        return -1;
    gp_object_t *exc = gp_object_call1((gp_object_t *)&gp_exc_RuntimeError, message);
    GP_DECREF(message);
    if (!exc)
        return -1;
    int rc = task_schedule_step(task, exc);
    GP_DECREF(exc);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Future: the state machine                                             */
/* ------------------------------------------------------------------ */

static const char *future_state_name(future_state_t s)
{
    return s == FUTURE_PENDING ? "PENDING" : s == FUTURE_CANCELLED ? "CANCELLED" : "FINISHED";
}

/* Hands every done-callback to the loop, in the order they were added. */
static int future_schedule_callbacks(future_t *fut)
{
    gp_object_t *first = fut->callback0, *rest = fut->callbacks;
    fut->callback0 = NULL;
    fut->callbacks = NULL;
    int rc = 0;
    if (first) {
        rc = loop_call_soon(fut->loop, first, (gp_object_t *)fut);
        GP_DECREF(first);
    }
    if (rest) {
        for (intptr_t i = 0; rc == 0 && i < GP_LIST_SIZE(rest); i++)
            rc = loop_call_soon(fut->loop, GP_LIST_GET(rest, i), (gp_object_t *)fut);
        GP_DECREF(rest);
    }
    return rc;
}

static gp_object_t *future_make_cancelled_error(future_t *fut)
{
    if (fut->cancelled_exc) {
        gp_object_t *exc = fut->cancelled_exc;
        fut->cancelled_exc = NULL;
        return exc;
    }
    gp_object_t *cls = asyncio_lookup("asyncio.exceptions", "CancelledError");
    if (!cls)
        return NULL;
    gp_object_t *exc = fut->cancel_message ? gp_object_call1(cls, fut->cancel_message)
                                           : gp_object_call0(cls);
    GP_DECREF(cls);
    return exc;
}

static void future_raise_cancelled(future_t *fut)
{
    gp_object_t *exc = future_make_cancelled_error(fut);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

/* Future.cancel(msg): 1 if it was cancelled now, 0 if already done. */
static int future_cancel_impl(future_t *fut, gp_object_t *msg)
{
    fut->log_traceback = false;
    if (fut->state != FUTURE_PENDING)
        return 0;
    fut->state = FUTURE_CANCELLED;
    GP_SETREF(fut->cancel_message, msg ? GP_INCREF(msg) : NULL);
    return future_schedule_callbacks(fut) < 0 ? -1 : 1;
}

static int future_set_result_impl(future_t *fut, gp_object_t *result)
{
    if (fut->state != FUTURE_PENDING) {
        asyncio_raise("InvalidStateError", "invalid state");
        return -1;
    }
    GP_SETREF(fut->result, GP_INCREF(result));
    fut->state = FUTURE_FINISHED;
    return future_schedule_callbacks(fut);
}

static int future_set_exception_impl(future_t *fut, gp_object_t *exception)
{
    if (fut->state != FUTURE_PENDING) {
        asyncio_raise("InvalidStateError", "invalid state");
        return -1;
    }
    gp_object_t *exc;
    if (gp_type_check(exception)) {
        exc = gp_object_call0(exception);
        if (!exc)
            return -1;
        if (!gp_exc_check(exc)) {
            GP_DECREF(exc);
            gp_err_set_string(&gp_exc_TypeError, "exception must be a BaseException instance");
            return -1;
        }
    } else {
        exc = GP_INCREF(exception);
    }
    if (!gp_exc_check(exc)) {
        GP_DECREF(exc);
        gp_err_set_string(&gp_exc_TypeError, "invalid exception object");
        return -1;
    }
    if (GP_TYPE(exc) == &gp_exc_StopIteration) {
        GP_DECREF(exc);
        gp_err_set_string(&gp_exc_TypeError, "StopIteration interacts badly with generators "
                                             "and cannot be raised into a Future");
        return -1;
    }
    GP_SETREF(fut->exception, exc);
    fut->state = FUTURE_FINISHED;
    fut->log_traceback = true;
    return future_schedule_callbacks(fut);
}

/* result(): new reference, or NULL with the future's exception raised. */
static gp_object_t *future_result_impl(future_t *fut)
{
    if (fut->state == FUTURE_CANCELLED) {
        future_raise_cancelled(fut);
        return NULL;
    }
    if (fut->state != FUTURE_FINISHED) {
        asyncio_raise("InvalidStateError", "Result is not set.");
        return NULL;
    }
    fut->log_traceback = false;
    if (fut->exception) {
        gp_err_set_exception(fut->exception);
        return NULL;
    }
    return GP_INCREF(fut->result ? fut->result : gp_None);
}

static int future_add_callback(future_t *fut, gp_object_t *fn)
{
    if (fut->state != FUTURE_PENDING)
        return loop_call_soon(fut->loop, fn, (gp_object_t *)fut);
    if (!fut->callback0) {
        fut->callback0 = GP_INCREF(fn);
        return 0;
    }
    if (!fut->callbacks && !(fut->callbacks = gp_list_new(0)))
        return -1;
    return gp_list_append(fut->callbacks, fn);
}

/* ------------------------------------------------------------------ */
/* Future: the object                                                    */
/* ------------------------------------------------------------------ */

static int future_init_loop(future_t *fut, gp_object_t *loop)
{
    if (!loop || loop == gp_None) {
        gp_object_t *get = asyncio_lookup("asyncio.events", "get_event_loop");
        loop = get ? gp_object_call0(get) : NULL;
        GP_XDECREF(get);
        if (!loop)
            return -1;
    } else {
        GP_INCREF(loop);
    }
    GP_SETREF(fut->loop, loop);
    return 0;
}

static gp_object_t *future_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    future_t *fut = (future_t *)gp_object_alloc(type, 0);
    if (!fut)
        return NULL;
    gp_gc_track(&fut->base);
    return &fut->base;
}

static int future_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                       gp_object_t *kwnames)
{
    static const char *const names[] = {"$loop", NULL};
    gp_object_t *loop = NULL;
    if (gp_args_parse("Future", args, nargs, kwnames, names, 0, &loop) < 0)
        return -1;
    future_t *fut = FUTURE(self);
    /* __init__ may run twice: start again from a pending future. */
    GP_CLEAR(fut->result);
    GP_CLEAR(fut->exception);
    GP_CLEAR(fut->callback0);
    GP_CLEAR(fut->callbacks);
    fut->state = FUTURE_PENDING;
    fut->log_traceback = false;
    return future_init_loop(fut, loop);
}

static int future_traverse_fields(future_t *fut, gp_visit_fn visit, void *arg)
{
    gp_object_t *fields[] = {fut->loop,      fut->callback0,      fut->callbacks,
                             fut->result,    fut->exception,      fut->cancel_message,
                             fut->cancelled_exc};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] && GP_IS_PTR(fields[i])) {
            int rc = visit(fields[i], arg);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static void future_clear_fields(future_t *fut)
{
    GP_CLEAR(fut->loop);
    GP_CLEAR(fut->callback0);
    GP_CLEAR(fut->callbacks);
    GP_CLEAR(fut->result);
    GP_CLEAR(fut->exception);
    GP_CLEAR(fut->cancel_message);
    GP_CLEAR(fut->cancelled_exc);
}

static int future_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    return future_traverse_fields(FUTURE(self), visit, arg);
}

static int future_clear(gp_object_t *self)
{
    future_clear_fields(FUTURE(self));
    return 0;
}

/* Reports [context] to the loop's exception handler; never raises. */
static void future_report(future_t *fut, gp_object_t *context)
{
    gp_object_t *pending = gp_err_fetch();
    if (fut->loop) {
        gp_object_t *r = gp_object_call_method(fut->loop, "call_exception_handler", &context, 1);
        GP_XDECREF(r);
    }
    if (gp_err_occurred())
        gp_err_clear();
    gp_err_restore(pending);
}

/* A dict {'message': ..., key: self, 'exception': exc (when not NULL)}. */
static gp_object_t *finalize_context(const char *message, const char *key, gp_object_t *self,
                                     gp_object_t *exc)
{
    gp_object_t *ctx = gp_dict_new();
    gp_object_t *msg = gp_str_from_cstr(message);
    if (!ctx || !msg || gp_dict_setitem_cstr(ctx, "message", msg) < 0 ||
        (exc && gp_dict_setitem_cstr(ctx, "exception", exc) < 0) ||
        gp_dict_setitem_cstr(ctx, key, self) < 0) {
        GP_XDECREF(ctx);
        GP_XDECREF(msg);
        return NULL;
    }
    GP_DECREF(msg);
    return ctx;
}

/* CPython's finalizer: "... exception was never retrieved" and "Task was
   destroyed but it is pending!". True if [self] was resurrected. */
static bool future_finalize(gp_object_t *self)
{
    future_t *fut = FUTURE(self);
    bool is_task = task_check(self);
    bool never_retrieved = fut->state == FUTURE_FINISHED && fut->log_traceback && fut->exception;
    bool pending = is_task && fut->state == FUTURE_PENDING && TASK(self)->log_destroy_pending;
    if (!never_retrieved && !pending)
        return false;
    /* Resurrect [self] for the report: the context dict refers to it. */
    self->refcnt++;
    gp_object_t *ctx;
    if (never_retrieved) {
        fut->log_traceback = false;
        char message[200];
        snprintf(message, sizeof message, "%s exception was never retrieved",
                 is_task ? "Task" : gp_type_name(GP_TYPE(self)));
        ctx = finalize_context(message, "future", self, fut->exception);
    } else {
        TASK(self)->log_destroy_pending = false;
        ctx = finalize_context("Task was destroyed but it is pending!", "task", self, NULL);
    }
    if (ctx) {
        future_report(fut, ctx);
        GP_DECREF(ctx);
    } else {
        gp_err_clear();
    }
    if (--self->refcnt == 0)
        return false;
    /* The handler kept it: alive again. A subclass's dealloc will still
       drop a reference to its type, which the object keeps needing. */
    if (GP_TYPE(self)->flags & GP_TYPE_FLAG_HEAPTYPE)
        GP_INCREF((gp_object_t *)GP_TYPE(self));
    return true;
}

static void future_dealloc(gp_object_t *self)
{
    if (future_finalize(self))
        return;
    gp_gc_untrack(self);
    future_clear_fields(FUTURE(self));
    gp_type_t *type = GP_TYPE(self);
    gp_object_free(self);
    if (type == &future_type || type == &task_type)
        return;
    /* gp_subtype_dealloc drops the heap type's reference itself. */
}

/* -- Python-visible methods ---------------------------------------- */

#define FUT_METHOD(fn) \
    static gp_object_t *fn(gp_object_t *self, gp_object_t *const *args, size_t nargs, \
                           gp_object_t *kwnames)

FUT_METHOD(future_result_method)
{
    if (gp_args_check("result", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return future_result_impl(FUTURE(self));
}

FUT_METHOD(future_exception_method)
{
    if (gp_args_check("exception", nargs, kwnames, 0, 0) < 0)
        return NULL;
    future_t *fut = FUTURE(self);
    if (fut->state == FUTURE_CANCELLED) {
        future_raise_cancelled(fut);
        return NULL;
    }
    if (fut->state != FUTURE_FINISHED) {
        asyncio_raise("InvalidStateError", "Exception is not set.");
        return NULL;
    }
    fut->log_traceback = false;
    return GP_INCREF(fut->exception ? fut->exception : gp_None);
}

FUT_METHOD(future_set_result_method)
{
    if (gp_args_check("set_result", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (future_set_result_impl(FUTURE(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

FUT_METHOD(future_set_exception_method)
{
    if (gp_args_check("set_exception", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (future_set_exception_impl(FUTURE(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

FUT_METHOD(future_add_done_callback_method)
{
    static const char *const names[] = {"fn", "$context", NULL};
    gp_object_t *values[2] = {NULL, NULL};
    if (gp_args_parse("add_done_callback", args, nargs, kwnames, names, 1, values) < 0)
        return NULL;
    if (future_add_callback(FUTURE(self), values[0]) < 0)
        return NULL;
    return gp_none_new();
}

FUT_METHOD(future_remove_done_callback_method)
{
    if (gp_args_check("remove_done_callback", nargs, kwnames, 1, 1) < 0)
        return NULL;
    future_t *fut = FUTURE(self);
    gp_object_t *fn = args[0];
    int64_t removed = 0;
    if (fut->callback0) {
        int eq = gp_object_richcompare_bool(fut->callback0, fn, GP_CMP_EQ);
        if (eq < 0)
            return NULL;
        if (eq) {
            GP_CLEAR(fut->callback0);
            removed++;
        }
    }
    if (fut->callbacks) {
        gp_object_t *kept = gp_list_new(0);
        if (!kept)
            return NULL;
        gp_object_t *list = GP_INCREF(fut->callbacks);
        for (intptr_t i = 0; i < GP_LIST_SIZE(list); i++) {
            gp_object_t *item = GP_LIST_GET(list, i);
            int eq = gp_object_richcompare_bool(item, fn, GP_CMP_EQ);
            if (eq < 0 || (!eq && gp_list_append(kept, item) < 0)) {
                GP_DECREF(kept);
                GP_DECREF(list);
                return NULL;
            }
            removed += eq;
        }
        GP_DECREF(list);
        GP_SETREF(fut->callbacks, GP_LIST_SIZE(kept) ? kept : NULL);
        if (!fut->callbacks)
            GP_DECREF(kept);
    }
    /* Keep the first-callback slot filled when a list remains. */
    if (!fut->callback0 && fut->callbacks) {
        gp_object_t *list = fut->callbacks;
        fut->callback0 = GP_INCREF(GP_LIST_GET(list, 0));
        gp_object_t *rest = gp_list_from_array(GP_LIST_ITEMS(list) + 1,
                                               (size_t)GP_LIST_SIZE(list) - 1);
        if (!rest)
            return NULL;
        GP_SETREF(fut->callbacks, GP_LIST_SIZE(rest) ? rest : NULL);
        if (!fut->callbacks)
            GP_DECREF(rest);
    }
    return gp_int_from_i64(removed);
}

/* Parses cancel(msg=None). */
static int parse_cancel_msg(gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
                            gp_object_t **msg)
{
    static const char *const names[] = {"msg", NULL};
    *msg = NULL;
    if (gp_args_parse("cancel", args, nargs, kwnames, names, 0, msg) < 0)
        return -1;
    if (*msg == gp_None)
        *msg = NULL;
    return 0;
}

FUT_METHOD(future_cancel_method)
{
    gp_object_t *msg;
    if (parse_cancel_msg(args, nargs, kwnames, &msg) < 0)
        return NULL;
    int rc = future_cancel_impl(FUTURE(self), msg);
    if (rc < 0)
        return NULL;
    return gp_bool_from(rc == 1);
}

FUT_METHOD(future_cancelled_method)
{
    if (gp_args_check("cancelled", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(FUTURE(self)->state == FUTURE_CANCELLED);
}

FUT_METHOD(future_done_method)
{
    if (gp_args_check("done", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(FUTURE(self)->state != FUTURE_PENDING);
}

FUT_METHOD(future_get_loop_method)
{
    if (gp_args_check("get_loop", nargs, kwnames, 0, 0) < 0)
        return NULL;
    future_t *fut = FUTURE(self);
    if (!fut->loop) {
        gp_err_set_string(&gp_exc_RuntimeError, "Future object is not initialized.");
        return NULL;
    }
    return GP_INCREF(fut->loop);
}

FUT_METHOD(future_make_cancelled_error_method)
{
    if (gp_args_check("_make_cancelled_error", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return future_make_cancelled_error(FUTURE(self));
}

FUT_METHOD(future_await_method)
{
    if (gp_args_check("__await__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    future_iter_t *it = (future_iter_t *)gp_object_alloc(&future_iter_type, 0);
    if (!it)
        return NULL;
    it->future = GP_INCREF(self);
    gp_gc_track(&it->base);
    return &it->base;
}

/* repr() is built by Python code shared with the reference classes. */
static gp_object_t *future_repr(gp_object_t *self)
{
    bool is_task = task_check(self);
    gp_object_t *fn = asyncio_lookup(is_task ? "asyncio.tasks" : "asyncio.futures",
                                     is_task ? "_task_repr" : "_future_repr");
    if (!fn)
        return NULL;
    gp_object_t *r = gp_object_call1(fn, self);
    GP_DECREF(fn);
    return r;
}

/* -- attributes ------------------------------------------------------ */

static gp_object_t *future_get_state(gp_object_t *self, void *closure)
{
    return gp_str_intern_cstr(future_state_name(FUTURE(self)->state));
}

#define OPTIONAL_FIELD_GETTER(fn, expr)                                                            \
    static gp_object_t *fn(gp_object_t *self, void *closure)                                       \
    {                                                                                              \
        gp_object_t *v = (expr);                                                                   \
        return GP_INCREF(v ? v : gp_None);                                                         \
    }

OPTIONAL_FIELD_GETTER(future_get_loop_attr, FUTURE(self)->loop)
OPTIONAL_FIELD_GETTER(future_get_result_attr, FUTURE(self)->result)
OPTIONAL_FIELD_GETTER(future_get_exception_attr, FUTURE(self)->exception)
OPTIONAL_FIELD_GETTER(future_get_cancel_message, FUTURE(self)->cancel_message)
OPTIONAL_FIELD_GETTER(future_get_cancelled_exc, FUTURE(self)->cancelled_exc)

static gp_object_t *future_get_none(gp_object_t *self, void *closure)
{
    return gp_none_new();
}

static int future_set_cancel_message(gp_object_t *self, gp_object_t *value, void *closure)
{
    GP_SETREF(FUTURE(self)->cancel_message,
              value && value != gp_None ? GP_INCREF(value) : NULL);
    return 0;
}

static int future_set_cancelled_exc(gp_object_t *self, gp_object_t *value, void *closure)
{
    GP_SETREF(FUTURE(self)->cancelled_exc,
              value && value != gp_None ? GP_INCREF(value) : NULL);
    return 0;
}

static gp_object_t *future_get_callbacks(gp_object_t *self, void *closure)
{
    future_t *fut = FUTURE(self);
    if (!fut->callback0)
        return gp_none_new();
    gp_object_t *list = gp_list_from_array(&fut->callback0, 1);
    if (list && fut->callbacks && gp_list_extend(list, fut->callbacks) < 0) {
        GP_DECREF(list);
        return NULL;
    }
    return list;
}

static gp_object_t *future_get_blocking(gp_object_t *self, void *closure)
{
    return gp_bool_from(FUTURE(self)->blocking);
}

static int future_set_blocking(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (!value) {
        gp_err_set_string(&gp_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int b = gp_object_is_true(value);
    if (b < 0)
        return -1;
    FUTURE(self)->blocking = b;
    return 0;
}

static gp_object_t *future_get_log_traceback(gp_object_t *self, void *closure)
{
    return gp_bool_from(FUTURE(self)->log_traceback);
}

static int future_set_log_traceback(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (!value) {
        gp_err_set_string(&gp_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int b = gp_object_is_true(value);
    if (b < 0)
        return -1;
    if (b) {
        gp_err_set_string(&gp_exc_ValueError, "_log_traceback can only be set to False");
        return -1;
    }
    FUTURE(self)->log_traceback = false;
    return 0;
}

static const gp_method_def_t future_methods[] = {
    {"result", future_result_method, 0, "Return the result this future represents."},
    {"exception", future_exception_method, 0, "Return the exception that was set on this future."},
    {"set_result", future_set_result_method, 0, "Mark the future done and set its result."},
    {"set_exception", future_set_exception_method, 0, "Mark the future done and set an exception."},
    {"add_done_callback", future_add_done_callback_method, GP_METH_KEYWORDS,
     "Add a callback to be run when the future becomes done."},
    {"remove_done_callback", future_remove_done_callback_method, 0,
     "Remove all instances of a callback from the \"call when done\" list."},
    {"cancel", future_cancel_method, GP_METH_KEYWORDS, "Cancel the future and schedule callbacks."},
    {"cancelled", future_cancelled_method, 0, "Return True if the future was cancelled."},
    {"done", future_done_method, 0, "Return True if the future is done."},
    {"get_loop", future_get_loop_method, 0, "Return the event loop the Future is bound to."},
    {"_make_cancelled_error", future_make_cancelled_error_method, 0,
     "Create the CancelledError to raise if the Future is cancelled."},
    {"__await__", future_await_method, 0, "Return an iterator to be used in await expression."},
    {"__iter__", future_await_method, 0, "Implement iter(self)."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t future_getsets[] = {
    {"_state", future_get_state, NULL, NULL, NULL},
    {"_loop", future_get_loop_attr, NULL, NULL, NULL},
    {"_result", future_get_result_attr, NULL, NULL, NULL},
    {"_exception", future_get_exception_attr, NULL, NULL, NULL},
    {"_callbacks", future_get_callbacks, NULL, NULL, NULL},
    {"_cancel_message", future_get_cancel_message, future_set_cancel_message, NULL, NULL},
    {"_cancelled_exc", future_get_cancelled_exc, future_set_cancelled_exc, NULL, NULL},
    {"_asyncio_future_blocking", future_get_blocking, future_set_blocking, NULL, NULL},
    {"_log_traceback", future_get_log_traceback, future_set_log_traceback, NULL, NULL},
    {"_source_traceback", future_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t future_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio.Future",
    .basicsize = sizeof(future_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = future_dealloc,
    .new_ = future_new,
    .init = future_init,
    .repr = future_repr,
    .hash = gp_object_default_hash,
    .traverse = future_traverse,
    .clear = future_clear,
    .methods = future_methods,
    .getsets = future_getsets,
    .doc = "This class is *almost* compatible with concurrent.futures.Future.",
};

/* ------------------------------------------------------------------ */
/* FutureIter: what `await future` runs                                  */
/* ------------------------------------------------------------------ */

/* Ends the iteration with [result] (stolen): NULL without an exception
   means None, anything else travels in a StopIteration. */
static gp_object_t *future_iter_return(gp_object_t *result)
{
    if (result == gp_None) {
        GP_DECREF(result);
        return NULL;
    }
    gp_object_t *args = gp_tuple_pack(1, result);
    GP_DECREF(result);
    if (!args)
        return NULL;
    gp_object_t *stop = gp_exception_new(&gp_exc_StopIteration, args);
    GP_DECREF(args);
    if (stop) {
        gp_err_set_exception(stop);
        GP_DECREF(stop);
    }
    return NULL;
}

static gp_object_t *future_iter_next(gp_object_t *self)
{
    future_iter_t *it = (future_iter_t *)self;
    gp_object_t *obj = it->future;
    if (!obj)
        return NULL;
    future_t *fut = FUTURE(obj);
    if (fut->state == FUTURE_PENDING) {
        if (!it->yielded) {
            it->yielded = true;
            fut->blocking = true;
            return GP_INCREF(obj);
        }
        it->future = NULL;
        GP_DECREF(obj);
        gp_err_set_string(&gp_exc_RuntimeError, "await wasn't used with future");
        return NULL;
    }
    it->future = NULL;
    gp_object_t *result = future_result_impl(fut);
    GP_DECREF(obj);
    if (!result)
        return NULL;
    return future_iter_return(result);
}

static gp_object_t *future_iter_send(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("send", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *r = future_iter_next(self);
    if (!r && !gp_err_occurred())
        gp_err_set_object(&gp_exc_StopIteration, gp_None);
    return r;
}

static gp_object_t *future_iter_throw(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("throw", nargs, kwnames, 1, 3) < 0)
        return NULL;
    future_iter_t *it = (future_iter_t *)self;
    GP_CLEAR(it->future);
    gp_object_t *exc = args[0];
    if (gp_type_check(exc)) {
        gp_object_t *value = nargs > 1 ? args[1] : gp_None;
        exc = value == gp_None ? gp_object_call0(exc) : gp_object_call1(exc, value);
        if (!exc)
            return NULL;
    } else {
        GP_INCREF(exc);
    }
    if (!gp_exc_check(exc)) {
        GP_DECREF(exc);
        gp_err_set_string(&gp_exc_TypeError,
                          "exceptions must be classes deriving BaseException or instances of "
                          "such a class");
        return NULL;
    }
    gp_err_set_exception(exc);
    GP_DECREF(exc);
    return NULL;
}

static gp_object_t *future_iter_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    GP_CLEAR(((future_iter_t *)self)->future);
    return gp_none_new();
}

static gp_object_t *future_iter_iter(gp_object_t *self)
{
    return GP_INCREF(self);
}

static int future_iter_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    future_iter_t *it = (future_iter_t *)self;
    return it->future ? visit(it->future, arg) : 0;
}

static int future_iter_clear(gp_object_t *self)
{
    GP_CLEAR(((future_iter_t *)self)->future);
    return 0;
}

static void future_iter_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(((future_iter_t *)self)->future);
    gp_object_free(self);
}

static const gp_method_def_t future_iter_methods[] = {
    {"send", future_iter_send, 0, NULL},
    {"throw", future_iter_throw, 0, NULL},
    {"close", future_iter_close, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_type_t future_iter_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio.FutureIter",
    .basicsize = sizeof(future_iter_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = future_iter_dealloc,
    .hash = gp_object_default_hash,
    .iter = future_iter_iter,
    .iternext = future_iter_next,
    .traverse = future_iter_traverse,
    .clear = future_iter_clear,
    .methods = future_iter_methods,
};

/* ------------------------------------------------------------------ */
/* Task: registration                                                    */
/* ------------------------------------------------------------------ */

static void task_unregister(task_t *task)
{
    asyncio_state_t *st = state_get();
    if (st && gp_set_discard(st->pending_tasks, (gp_object_t *)task) < 0)
        gp_err_clear();
}

/* Makes [task] the running task of its loop: RuntimeError if another is. */
static int task_enter(asyncio_state_t *st, task_t *task)
{
    gp_object_t *loop = task->future.loop;
    gp_object_t *current = gp_dict_getitem(st->current_tasks, loop);
    if (current) {
        gp_err_format(&gp_exc_RuntimeError,
                      "Cannot enter into task %R while another task %R is being executed.",
                      (gp_object_t *)task, current);
        return -1;
    }
    if (gp_err_occurred())
        return -1;
    return gp_dict_setitem(st->current_tasks, loop, (gp_object_t *)task);
}

static int task_leave(asyncio_state_t *st, task_t *task)
{
    gp_object_t *loop = task->future.loop;
    gp_object_t *current = gp_dict_getitem(st->current_tasks, loop);
    if (current != (gp_object_t *)task) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_RuntimeError,
                          "Leaving task %R does not match the current task %R.",
                          (gp_object_t *)task, current ? current : gp_None);
        return -1;
    }
    return gp_dict_delitem(st->current_tasks, loop);
}

/* ------------------------------------------------------------------ */
/* Task: one step of the coroutine                                       */
/* ------------------------------------------------------------------ */

/* Sends None into the coroutine, or throws [exc] into it. */
static gp_send_result_t task_resume(gp_object_t *coro, gp_object_t *exc, gp_object_t **result)
{
    if (GP_IS_TYPE(coro, gp_coroutine_type) || GP_IS_TYPE(coro, gp_generator_type))
        return exc ? gp_generator_throw(coro, exc, result)
                   : gp_generator_send(coro, gp_None, result);
    gp_object_t *r = exc ? gp_object_call_method(coro, "throw", &exc, 1)
                         : gp_object_call_method(coro, "send", (gp_object_t *[]){gp_None}, 1);
    if (r) {
        *result = r;
        return GP_SEND_YIELD;
    }
    if (gp_err_matches(&gp_exc_StopIteration)) {
        gp_object_t *stop = gp_err_fetch();
        *result = gp_stop_iteration_value(stop);
        GP_DECREF(stop);
        return *result ? GP_SEND_RETURN : GP_SEND_ERROR;
    }
    return GP_SEND_ERROR;
}

/* The coroutine raised: finish the task accordingly. Returns -1 only for
   what must propagate out of the loop (KeyboardInterrupt, SystemExit). */
static int task_handle_error(task_t *task)
{
    gp_object_t *exc = gp_err_fetch();
    task_unregister(task);
    int cancelled = is_cancelled_error(exc);
    if (cancelled < 0) {
        GP_DECREF(exc);
        return -1;
    }
    if (cancelled) {
        GP_SETREF(task->future.cancelled_exc, exc);
        return future_cancel_impl(&task->future, NULL) < 0 ? -1 : 0;
    }
    if (future_set_exception_impl(&task->future, exc) < 0) {
        GP_DECREF(exc);
        return -1;
    }
    if (gp_exception_matches(exc, (gp_object_t *)&gp_exc_KeyboardInterrupt) ||
        gp_exception_matches(exc, (gp_object_t *)&gp_exc_SystemExit)) {
        gp_err_restore(exc);
        return -1;
    }
    GP_DECREF(exc);
    return 0;
}

/* The coroutine yielded [result] (stolen): wait for it or reschedule. */
static int task_handle_yield(task_t *task, gp_object_t *result)
{
    int rc = 0;
    gp_object_t *loop = task->future.loop;
    int blocking; /* -1: not a future */
    gp_object_t *result_loop = NULL;
    if (future_check(result)) {
        blocking = FUTURE(result)->blocking;
        result_loop = GP_XINCREF(FUTURE(result)->loop);
    } else {
        gp_object_t *flag = gp_object_getattr_opt(result, gp_str_static("_asyncio_future_blocking"));
        if (!flag && gp_err_occurred()) {
            GP_DECREF(result);
            return -1;
        }
        blocking = -1;
        if (flag && flag != gp_None) {
            blocking = gp_object_is_true(flag);
            result_loop = blocking >= 0 ? gp_object_getattr_cstr(result, "_loop") : NULL;
            if (!result_loop) {
                GP_DECREF(flag);
                GP_DECREF(result);
                return -1;
            }
        }
        GP_XDECREF(flag);
    }
    if (blocking >= 0) {
        if (result_loop != loop) {
            rc = task_schedule_error(task, gp_str_from_format(
                "Task %R got Future %R attached to a different loop", (gp_object_t *)task, result));
        } else if (!blocking) {
            rc = task_schedule_error(task, gp_str_from_format(
                "yield was used instead of yield from in task %R with %R", (gp_object_t *)task,
                result));
        } else if (result == (gp_object_t *)task) {
            rc = task_schedule_error(task, gp_str_from_format(
                "Task cannot await on itself: %R", (gp_object_t *)task));
        } else {
            gp_object_t *wakeup = gp_cfunction_new(&task_wakeup_def, (gp_object_t *)task);
            if (!wakeup) {
                rc = -1;
            } else if (GP_IS_TYPE(result, future_type) || GP_IS_TYPE(result, task_type)) {
                FUTURE(result)->blocking = false;
                rc = future_add_callback(FUTURE(result), wakeup);
            } else {
                rc = gp_object_setattr_cstr(result, "_asyncio_future_blocking", gp_False);
                gp_object_t *r = rc < 0 ? NULL
                                        : gp_object_call_method(result, "add_done_callback",
                                                                &wakeup, 1);
                rc = r ? 0 : -1;
                GP_XDECREF(r);
            }
            GP_XDECREF(wakeup);
            if (rc == 0) {
                GP_SETREF(task->fut_waiter, GP_INCREF(result));
                if (task->must_cancel) {
                    gp_object_t *msg = task->future.cancel_message;
                    int cancelled;
                    if (GP_IS_TYPE(result, future_type)) {
                        cancelled = future_cancel_impl(FUTURE(result), msg);
                    } else {
                        gp_object_t *r = call_method_msg(result, "cancel", msg);
                        cancelled = r ? gp_object_is_true(r) : -1;
                        GP_XDECREF(r);
                    }
                    if (cancelled < 0)
                        rc = -1;
                    else if (cancelled)
                        task->must_cancel = false;
                }
            }
        }
    } else if (result == gp_None) {
        rc = task_schedule_step(task, NULL);
    } else {
        rc = task_schedule_error(task,
                                 gp_str_from_format("Task got bad yield: %R", result));
    }
    GP_XDECREF(result_loop);
    GP_DECREF(result);
    return rc;
}

/* One step: runs the coroutine until it yields, returns or raises. */
static int task_step_impl(task_t *task, gp_object_t *exc)
{
    if (task->future.state != FUTURE_PENDING) {
        asyncio_raise("InvalidStateError", "_step(): already done");
        gp_object_t *err = gp_err_fetch();
        gp_err_format(GP_TYPE(err), "_step(): already done: %R, %R", (gp_object_t *)task,
                      exc ? exc : gp_None);
        GP_XDECREF(err);
        return -1;
    }
    gp_object_t *thrown = GP_XINCREF(exc);
    if (task->must_cancel) {
        int is_cancel = thrown ? is_cancelled_error(thrown) : 0;
        if (is_cancel < 0) {
            GP_XDECREF(thrown);
            return -1;
        }
        if (!is_cancel) {
            GP_XDECREF(thrown);
            thrown = future_make_cancelled_error(&task->future);
            if (!thrown)
                return -1;
        }
        task->must_cancel = false;
    }
    GP_CLEAR(task->fut_waiter);

    asyncio_state_t *st = state_get();
    if (!st || task_enter(st, task) < 0) {
        GP_XDECREF(thrown);
        return -1;
    }
    gp_object_t *result = NULL;
    GP_INCREF(&task->future.base);
    gp_send_result_t r = task_resume(task->coro, thrown, &result);
    GP_XDECREF(thrown);
    int rc;
    if (r == GP_SEND_RETURN) {
        task_unregister(task);
        if (task->must_cancel) {
            task->must_cancel = false;
            rc = future_cancel_impl(&task->future, task->future.cancel_message) < 0 ? -1 : 0;
        } else {
            rc = future_set_result_impl(&task->future, result);
        }
        GP_DECREF(result);
    } else if (r == GP_SEND_ERROR) {
        rc = task_handle_error(task);
    } else {
        rc = task_handle_yield(task, result);
    }
    /* Leave even when the step failed; keep the step's exception. */
    gp_object_t *pending = gp_err_fetch();
    if (task_leave(st, task) < 0 && !pending)
        pending = gp_err_fetch();
    else if (gp_err_occurred())
        gp_err_clear();
    gp_err_restore(pending);
    if (pending)
        rc = -1;
    GP_DECREF(&task->future.base);
    return rc;
}

/* Task.__step(exc=None), as the loop calls it. */
static gp_object_t *task_step_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("task_step", nargs, kwnames, 0, 1) < 0)
        return NULL;
    gp_object_t *exc = nargs > 0 && args[0] != gp_None ? args[0] : NULL;
    if (task_step_impl(TASK(self), exc) < 0)
        return NULL;
    return gp_none_new();
}

/* The done-callback of the future a task waits for. */
static gp_object_t *task_wakeup_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("task_wakeup", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *fut = args[0];
    int rc;
    if (future_check(fut)) {
        future_t *f = FUTURE(fut);
        if (f->state == FUTURE_FINISHED && !f->exception) {
            rc = task_step_impl(TASK(self), NULL);
        } else {
            gp_object_t *r = future_result_impl(f);
            if (r) {
                GP_DECREF(r);
                rc = task_step_impl(TASK(self), NULL);
            } else {
                gp_object_t *exc = gp_err_fetch();
                rc = task_step_impl(TASK(self), exc);
                GP_DECREF(exc);
            }
        }
    } else {
        gp_object_t *r = gp_object_call_method(fut, "result", NULL, 0);
        if (r) {
            GP_DECREF(r);
            rc = task_step_impl(TASK(self), NULL);
        } else {
            gp_object_t *exc = gp_err_fetch();
            rc = task_step_impl(TASK(self), exc);
            GP_DECREF(exc);
        }
    }
    if (rc < 0)
        return NULL;
    return gp_none_new();
}

static const gp_method_def_t task_step_def = {"task_step", task_step_method, 0, NULL};
static const gp_method_def_t task_wakeup_def = {"task_wakeup", task_wakeup_method, 0, NULL};

/* ------------------------------------------------------------------ */
/* Task: the object                                                      */
/* ------------------------------------------------------------------ */

static int is_coroutine(gp_object_t *coro)
{
    if (GP_IS_TYPE(coro, gp_coroutine_type))
        return 1;
    gp_object_t *fn = asyncio_lookup("asyncio.coroutines", "iscoroutine");
    if (!fn)
        return -1;
    gp_object_t *r = gp_object_call1(fn, coro);
    GP_DECREF(fn);
    if (!r)
        return -1;
    int b = gp_object_is_true(r);
    GP_DECREF(r);
    return b;
}

static int task_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                     gp_object_t *kwnames)
{
    static const char *const names[] = {"coro", "$loop", "$name", "$context", NULL};
    gp_object_t *values[4] = {NULL, NULL, NULL, NULL};
    if (gp_args_parse("Task", args, nargs, kwnames, names, 1, values) < 0)
        return -1;
    task_t *task = TASK(self);
    if (future_init_loop(&task->future, values[1]) < 0)
        return -1;
    task->future.state = FUTURE_PENDING;
    int ok = is_coroutine(values[0]);
    if (ok <= 0) {
        task->log_destroy_pending = false;
        if (ok == 0)
            gp_err_format(&gp_exc_TypeError, "a coroutine was expected, got %R", values[0]);
        return -1;
    }
    asyncio_state_t *st = state_get();
    if (values[2] && values[2] != gp_None) {
        gp_object_t *name = gp_str_check_exact(values[2]) ? GP_INCREF(values[2])
                                                          : gp_object_str(values[2]);
        if (!name)
            return -1;
        GP_SETREF(task->name, name);
    } else {
        GP_CLEAR(task->name);
        task->number = st ? ++st->task_counter : 0;
    }
    task->must_cancel = false;
    task->log_destroy_pending = true;
    task->num_cancels_requested = 0;
    GP_SETREF(task->coro, GP_INCREF(values[0]));
    GP_CLEAR(task->fut_waiter);
    if (task_schedule_step(task, NULL) < 0)
        return -1;
    if (st && gp_set_add(st->pending_tasks, self) < 0)
        return -1;
    return 0;
}

static gp_object_t *task_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    return future_new(type, args, nargs, kwnames);
}

static int task_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    task_t *task = TASK(self);
    int rc = future_traverse_fields(&task->future, visit, arg);
    if (rc)
        return rc;
    if (task->coro && (rc = visit(task->coro, arg)))
        return rc;
    if (task->fut_waiter && (rc = visit(task->fut_waiter, arg)))
        return rc;
    if (task->name && (rc = visit(task->name, arg)))
        return rc;
    return 0;
}

static int task_clear(gp_object_t *self)
{
    task_t *task = TASK(self);
    future_clear_fields(&task->future);
    GP_CLEAR(task->coro);
    GP_CLEAR(task->fut_waiter);
    GP_CLEAR(task->name);
    return 0;
}

static void task_dealloc(gp_object_t *self)
{
    if (future_finalize(self))
        return;
    gp_gc_untrack(self);
    task_clear(self);
    gp_object_free(self);
}

static gp_object_t *task_name(task_t *task)
{
    if (!task->name) {
        task->name = gp_str_from_format("Task-%llu", (unsigned long long)task->number);
        if (!task->name)
            return NULL;
    }
    return GP_INCREF(task->name);
}

FUT_METHOD(task_get_name_method)
{
    if (gp_args_check("get_name", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return task_name(TASK(self));
}

FUT_METHOD(task_set_name_method)
{
    if (gp_args_check("set_name", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *name = gp_str_check_exact(args[0]) ? GP_INCREF(args[0]) : gp_object_str(args[0]);
    if (!name)
        return NULL;
    GP_SETREF(TASK(self)->name, name);
    return gp_none_new();
}

FUT_METHOD(task_get_coro_method)
{
    if (gp_args_check("get_coro", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *coro = TASK(self)->coro;
    return GP_INCREF(coro ? coro : gp_None);
}

FUT_METHOD(task_get_context_method)
{
    if (gp_args_check("get_context", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_none_new();
}

FUT_METHOD(task_get_stack_method)
{
    static const char *const names[] = {"$limit", NULL};
    gp_object_t *limit = NULL;
    if (gp_args_parse("get_stack", args, nargs, kwnames, names, 0, &limit) < 0)
        return NULL;
    return gp_list_new(0);
}

FUT_METHOD(task_set_result_method)
{
    gp_err_set_string(&gp_exc_RuntimeError, "Task does not support set_result operation");
    return NULL;
}

FUT_METHOD(task_set_exception_method)
{
    gp_err_set_string(&gp_exc_RuntimeError, "Task does not support set_exception operation");
    return NULL;
}

FUT_METHOD(task_cancel_method)
{
    gp_object_t *msg;
    if (parse_cancel_msg(args, nargs, kwnames, &msg) < 0)
        return NULL;
    task_t *task = TASK(self);
    task->future.log_traceback = false;
    if (task->future.state != FUTURE_PENDING)
        return gp_bool_from(false);
    task->num_cancels_requested++;
    if (task->fut_waiter) {
        gp_object_t *waiter = GP_INCREF(task->fut_waiter);
        int cancelled;
        if (GP_IS_TYPE(waiter, future_type)) {
            cancelled = future_cancel_impl(FUTURE(waiter), msg);
        } else {
            gp_object_t *r = call_method_msg(waiter, "cancel", msg);
            cancelled = r ? gp_object_is_true(r) : -1;
            GP_XDECREF(r);
        }
        GP_DECREF(waiter);
        if (cancelled < 0)
            return NULL;
        /* The waiter's callback will throw CancelledError into the task. */
        if (cancelled)
            return gp_bool_from(true);
    }
    task->must_cancel = true;
    GP_SETREF(task->future.cancel_message, msg ? GP_INCREF(msg) : NULL);
    return gp_bool_from(true);
}

FUT_METHOD(task_cancelling_method)
{
    if (gp_args_check("cancelling", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64(TASK(self)->num_cancels_requested);
}

FUT_METHOD(task_uncancel_method)
{
    if (gp_args_check("uncancel", nargs, kwnames, 0, 0) < 0)
        return NULL;
    task_t *task = TASK(self);
    if (task->num_cancels_requested > 0)
        task->num_cancels_requested--;
    return gp_int_from_i64(task->num_cancels_requested);
}

OPTIONAL_FIELD_GETTER(task_get_coro_attr, TASK(self)->coro)
OPTIONAL_FIELD_GETTER(task_get_fut_waiter, TASK(self)->fut_waiter)

static gp_object_t *task_get_name_attr(gp_object_t *self, void *closure)
{
    return task_name(TASK(self));
}

static gp_object_t *task_get_must_cancel(gp_object_t *self, void *closure)
{
    return gp_bool_from(TASK(self)->must_cancel);
}

static gp_object_t *task_get_num_cancels(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(TASK(self)->num_cancels_requested);
}

static gp_object_t *task_get_log_destroy_pending(gp_object_t *self, void *closure)
{
    return gp_bool_from(TASK(self)->log_destroy_pending);
}

static int task_set_log_destroy_pending(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (!value) {
        gp_err_set_string(&gp_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int b = gp_object_is_true(value);
    if (b < 0)
        return -1;
    TASK(self)->log_destroy_pending = b;
    return 0;
}

static const gp_method_def_t task_methods[] = {
    {"get_name", task_get_name_method, 0, NULL},
    {"set_name", task_set_name_method, 0, NULL},
    {"get_coro", task_get_coro_method, 0, NULL},
    {"get_context", task_get_context_method, 0, NULL},
    {"get_stack", task_get_stack_method, GP_METH_KEYWORDS, NULL},
    {"set_result", task_set_result_method, 0, NULL},
    {"set_exception", task_set_exception_method, 0, NULL},
    {"cancel", task_cancel_method, GP_METH_KEYWORDS, "Request that this task cancel itself."},
    {"cancelling", task_cancelling_method, 0, NULL},
    {"uncancel", task_uncancel_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t task_getsets[] = {
    {"_coro", task_get_coro_attr, NULL, NULL, NULL},
    {"_fut_waiter", task_get_fut_waiter, NULL, NULL, NULL},
    {"_name", task_get_name_attr, NULL, NULL, NULL},
    {"_must_cancel", task_get_must_cancel, NULL, NULL, NULL},
    {"_num_cancels_requested", task_get_num_cancels, NULL, NULL, NULL},
    {"_log_destroy_pending", task_get_log_destroy_pending, task_set_log_destroy_pending, NULL,
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t task_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio.Task",
    .basicsize = sizeof(task_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = task_dealloc,
    .new_ = task_new,
    .init = task_init,
    .repr = future_repr,
    .hash = gp_object_default_hash,
    .traverse = task_traverse,
    .clear = task_clear,
    .methods = task_methods,
    .getsets = task_getsets,
    .doc = "A coroutine wrapped in a Future.",
};

/* ------------------------------------------------------------------ */
/* Handle and TimerHandle: callbacks scheduled on a loop                 */
/* ------------------------------------------------------------------ */

typedef struct handle {
    gp_object_t base;
    gp_object_t *callback; /* NULL once cancelled */
    gp_object_t *args;     /* tuple; NULL once cancelled */
    gp_object_t *loop;
    gp_object_t *context;
    double when;           /* TimerHandle only */
    bool cancelled;
    bool scheduled;        /* TimerHandle only: sits in the loop's timer heap */
} handle_t;

static gp_type_t handle_type, timer_handle_type;
#define HANDLE(o) ((handle_t *)(o))

static inline bool handle_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && (o->type == &handle_type || o->type == &timer_handle_type ||
                            gp_type_is_subtype(o->type, &handle_type));
}

static int handle_fill(handle_t *h, gp_object_t *callback, gp_object_t *args, gp_object_t *loop,
                       gp_object_t *context)
{
    if (!gp_tuple_check(args)) {
        gp_err_format(&gp_exc_TypeError, "args must be a tuple, not %T", args);
        return -1;
    }
    GP_SETREF(h->callback, GP_INCREF(callback));
    GP_SETREF(h->args, GP_INCREF(args));
    GP_SETREF(h->loop, GP_INCREF(loop));
    GP_SETREF(h->context, context && context != gp_None ? GP_INCREF(context) : NULL);
    h->cancelled = false;
    return 0;
}

/* Handle(callback, args, loop, context=None) */
static gp_object_t *handle_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    handle_t *h = (handle_t *)gp_object_alloc(type, 0);
    if (!h)
        return NULL;
    gp_gc_track(&h->base);
    return &h->base;
}

static int handle_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                       gp_object_t *kwnames)
{
    static const char *const names[] = {"callback", "args", "loop", "context", NULL};
    gp_object_t *v[4] = {NULL, NULL, NULL, NULL};
    if (gp_args_parse("Handle", args, nargs, kwnames, names, 3, v) < 0)
        return -1;
    return handle_fill(HANDLE(self), v[0], v[1], v[2], v[3]);
}

/* TimerHandle(when, callback, args, loop, context=None) */
static int timer_handle_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    static const char *const names[] = {"when", "callback", "args", "loop", "context", NULL};
    gp_object_t *v[5] = {NULL, NULL, NULL, NULL, NULL};
    if (gp_args_parse("TimerHandle", args, nargs, kwnames, names, 4, v) < 0)
        return -1;
    double when = gp_float_as_double(v[0]);
    if (when == -1.0 && gp_err_occurred())
        return -1;
    HANDLE(self)->when = when;
    HANDLE(self)->scheduled = false;
    return handle_fill(HANDLE(self), v[1], v[2], v[3], v[4]);
}

static int handle_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    handle_t *h = HANDLE(self);
    gp_object_t *fields[] = {h->callback, h->args, h->loop, h->context};
    for (size_t i = 0; i < 4; i++) {
        if (fields[i] && GP_IS_PTR(fields[i])) {
            int rc = visit(fields[i], arg);
            if (rc)
                return rc;
        }
    }
    return 0;
}

static int handle_clear(gp_object_t *self)
{
    handle_t *h = HANDLE(self);
    GP_CLEAR(h->callback);
    GP_CLEAR(h->args);
    GP_CLEAR(h->loop);
    GP_CLEAR(h->context);
    return 0;
}

static void handle_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    handle_clear(self);
    gp_object_free(self);
}

static void handle_cancel_impl(handle_t *h)
{
    if (h->cancelled)
        return;
    h->cancelled = true;
    GP_CLEAR(h->callback);
    GP_CLEAR(h->args);
}

/* Runs the callback; errors other than SystemExit and KeyboardInterrupt go
   to the loop's exception handler, as Handle._run does. */
static int handle_run_impl(handle_t *h)
{
    gp_object_t *callback = h->callback, *args = h->args;
    if (!callback)
        return 0;
    GP_INCREF(callback);
    GP_INCREF(args);
    gp_object_t *r = gp_object_call(callback, GP_TUPLE_ITEMS(args), (size_t)GP_TUPLE_SIZE(args),
                                    NULL);
    int rc = 0;
    if (r) {
        GP_DECREF(r);
    } else if (gp_err_matches(&gp_exc_SystemExit) || gp_err_matches(&gp_exc_KeyboardInterrupt)) {
        rc = -1;
    } else {
        gp_object_t *exc = gp_err_fetch();
        gp_object_t *fmt = asyncio_lookup("asyncio.events", "_format_callback");
        gp_object_t *cb = fmt ? gp_object_call(fmt, (gp_object_t *[]){callback, args}, 2, NULL)
                              : NULL;
        GP_XDECREF(fmt);
        gp_object_t *msg = cb ? gp_str_from_format("Exception in callback %U", cb) : NULL;
        GP_XDECREF(cb);
        gp_object_t *ctx = msg ? gp_dict_new() : NULL;
        if (ctx && gp_dict_setitem_cstr(ctx, "message", msg) == 0 &&
            gp_dict_setitem_cstr(ctx, "exception", exc) == 0 &&
            gp_dict_setitem_cstr(ctx, "handle", &h->base) == 0) {
            gp_object_t *hr = gp_object_call_method(h->loop, "call_exception_handler", &ctx, 1);
            if (hr)
                GP_DECREF(hr);
            else
                rc = -1;
        } else {
            rc = -1;
        }
        GP_XDECREF(ctx);
        GP_XDECREF(msg);
        GP_DECREF(exc);
    }
    GP_DECREF(callback);
    GP_DECREF(args);
    return rc;
}

FUT_METHOD(handle_cancel_method)
{
    if (gp_args_check("cancel", nargs, kwnames, 0, 0) < 0)
        return NULL;
    handle_t *h = HANDLE(self);
    if (!h->cancelled && h->scheduled && GP_TYPE(self) != &handle_type && h->loop) {
        gp_object_t *r = gp_object_call_method(h->loop, "_timer_handle_cancelled", &self, 1);
        if (!r)
            return NULL;
        GP_DECREF(r);
    }
    handle_cancel_impl(h);
    return gp_none_new();
}

FUT_METHOD(handle_cancelled_method)
{
    if (gp_args_check("cancelled", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(HANDLE(self)->cancelled);
}

FUT_METHOD(handle_get_context_method)
{
    if (gp_args_check("get_context", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *c = HANDLE(self)->context;
    return GP_INCREF(c ? c : gp_None);
}

FUT_METHOD(handle_run_method)
{
    if (gp_args_check("_run", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (handle_run_impl(HANDLE(self)) < 0)
        return NULL;
    return gp_none_new();
}

FUT_METHOD(timer_handle_when_method)
{
    if (gp_args_check("when", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_float_new(HANDLE(self)->when);
}

/* "<Handle cancelled cb(args)>", "<TimerHandle when=12.5 cb(args)>". */
static gp_object_t *handle_repr(gp_object_t *self)
{
    handle_t *h = HANDLE(self);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_printf(&b, "<%s", gp_type_name(GP_TYPE(self)));
    if (h->cancelled)
        gp_strbuf_append_cstr(&b, " cancelled");
    if (gp_type_is_subtype(GP_TYPE(self), &timer_handle_type)) {
        gp_object_t *when = gp_float_repr_of(h->when);
        if (!when) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        gp_strbuf_append_cstr(&b, " when=");
        gp_strbuf_append_str(&b, when);
        GP_DECREF(when);
    }
    if (h->callback) {
        gp_object_t *fmt = asyncio_lookup("asyncio.events", "_format_callback");
        gp_object_t *cb = fmt ? gp_object_call(fmt, (gp_object_t *[]){h->callback, h->args}, 2,
                                               NULL)
                              : NULL;
        GP_XDECREF(fmt);
        if (!cb) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        gp_strbuf_append_char(&b, ' ');
        gp_strbuf_append_str(&b, cb);
        GP_DECREF(cb);
    }
    gp_strbuf_append_char(&b, '>');
    return gp_strbuf_finish(&b);
}

static intptr_t timer_handle_hash(gp_object_t *self)
{
    return gp_float_hash_of(HANDLE(self)->when);
}

static gp_object_t *timer_handle_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_type_is_subtype(GP_TYPE(a), &timer_handle_type) ||
        !gp_type_is_subtype(GP_TYPE(b), &timer_handle_type))
        return GP_INCREF(gp_NotImplemented);
    handle_t *x = HANDLE(a), *y = HANDLE(b);
    int eq = 0;
    if (op == GP_CMP_EQ || op == GP_CMP_NE || op == GP_CMP_LE || op == GP_CMP_GE) {
        eq = x->when == y->when && x->cancelled == y->cancelled;
        if (eq && x->callback != y->callback) {
            eq = x->callback && y->callback
                     ? gp_object_richcompare_bool(x->callback, y->callback, GP_CMP_EQ)
                     : 0;
            if (eq < 0)
                return NULL;
        }
        if (eq && x->args != y->args) {
            eq = x->args && y->args ? gp_object_richcompare_bool(x->args, y->args, GP_CMP_EQ)
                                    : 0;
            if (eq < 0)
                return NULL;
        }
    }
    bool r;
    switch (op) {
    case GP_CMP_LT: r = x->when < y->when; break;
    case GP_CMP_GT: r = x->when > y->when; break;
    case GP_CMP_LE: r = x->when < y->when || eq; break;
    case GP_CMP_GE: r = x->when > y->when || eq; break;
    case GP_CMP_EQ: r = eq; break;
    default: r = !eq; break;
    }
    return gp_bool_from(r);
}

OPTIONAL_FIELD_GETTER(handle_get_callback, HANDLE(self)->callback)
OPTIONAL_FIELD_GETTER(handle_get_args, HANDLE(self)->args)
OPTIONAL_FIELD_GETTER(handle_get_loop, HANDLE(self)->loop)
OPTIONAL_FIELD_GETTER(handle_get_context, HANDLE(self)->context)

static gp_object_t *handle_get_cancelled(gp_object_t *self, void *closure)
{
    return gp_bool_from(HANDLE(self)->cancelled);
}

static gp_object_t *handle_get_scheduled(gp_object_t *self, void *closure)
{
    return gp_bool_from(HANDLE(self)->scheduled);
}

static int handle_set_scheduled(gp_object_t *self, gp_object_t *value, void *closure)
{
    int b = value ? gp_object_is_true(value) : 0;
    if (b < 0)
        return -1;
    HANDLE(self)->scheduled = b;
    return 0;
}

static gp_object_t *handle_get_when(gp_object_t *self, void *closure)
{
    return gp_float_new(HANDLE(self)->when);
}

static const gp_method_def_t handle_methods[] = {
    {"cancel", handle_cancel_method, 0, NULL},
    {"cancelled", handle_cancelled_method, 0, NULL},
    {"get_context", handle_get_context_method, 0, NULL},
    {"_run", handle_run_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t handle_getsets[] = {
    {"_callback", handle_get_callback, NULL, NULL, NULL},
    {"_args", handle_get_args, NULL, NULL, NULL},
    {"_loop", handle_get_loop, NULL, NULL, NULL},
    {"_context", handle_get_context, NULL, NULL, NULL},
    {"_cancelled", handle_get_cancelled, NULL, NULL, NULL},
    {"_repr", future_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const gp_method_def_t timer_handle_methods[] = {
    {"when", timer_handle_when_method, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t timer_handle_getsets[] = {
    {"_when", handle_get_when, NULL, NULL, NULL},
    {"_scheduled", handle_get_scheduled, handle_set_scheduled, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t handle_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio.Handle",
    .basicsize = sizeof(handle_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = handle_dealloc,
    .new_ = handle_new,
    .init = handle_init,
    .repr = handle_repr,
    .hash = gp_object_default_hash,
    .traverse = handle_traverse,
    .clear = handle_clear,
    .methods = handle_methods,
    .getsets = handle_getsets,
    .doc = "Object returned by callback registration methods.",
};

static gp_type_t timer_handle_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio.TimerHandle",
    .basicsize = sizeof(handle_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = handle_dealloc,
    .new_ = handle_new,
    .init = timer_handle_init,
    .repr = handle_repr,
    .hash = timer_handle_hash,
    .richcompare = timer_handle_richcompare,
    .traverse = handle_traverse,
    .clear = handle_clear,
    .methods = timer_handle_methods,
    .getsets = timer_handle_getsets,
    .doc = "Object returned by timed callback registration methods.",
};

/* _run_ready(handles): runs each handle of the list that is not cancelled,
   in order; the loop's inner loop. An exception that must propagate
   (SystemExit, KeyboardInterrupt) stops it, as in BaseEventLoop._run_once. */
static gp_object_t *asyncio_run_ready(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("_run_ready", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *list = args[0];
    if (!gp_list_check(list)) {
        gp_err_format(&gp_exc_TypeError, "expected a list, not %T", list);
        return NULL;
    }
    GP_INCREF(list);
    int rc = 0;
    for (intptr_t i = 0; rc == 0 && i < GP_LIST_SIZE(list); i++) {
        gp_object_t *h = GP_INCREF(GP_LIST_GET(list, i));
        if (handle_check(h)) {
            if (!HANDLE(h)->cancelled)
                rc = handle_run_impl(HANDLE(h));
        } else {
            gp_object_t *flag = gp_object_getattr_cstr(h, "_cancelled");
            int cancelled = flag ? gp_object_is_true(flag) : -1;
            GP_XDECREF(flag);
            gp_object_t *r = cancelled == 0 ? gp_object_call_method(h, "_run", NULL, 0) : NULL;
            if (cancelled < 0 || (cancelled == 0 && !r))
                rc = -1;
            GP_XDECREF(r);
        }
        GP_DECREF(h);
    }
    GP_DECREF(list);
    if (rc < 0)
        return NULL;
    return gp_none_new();
}

/* _ready_due(due, ready): moves the timer handles popped from the heap to
   the ready list, clearing their `_scheduled` flag; returns how many were
   cancelled (the loop keeps a count of those). */
static gp_object_t *asyncio_ready_due(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("_ready_due", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_object_t *due = args[0], *ready = args[1];
    if (!gp_list_check(due) || !gp_list_check(ready)) {
        gp_err_set_string(&gp_exc_TypeError, "_ready_due() expects two lists");
        return NULL;
    }
    int64_t cancelled = 0;
    for (intptr_t i = 0; i < GP_LIST_SIZE(due); i++) {
        gp_object_t *h = GP_LIST_GET(due, i);
        if (handle_check(h)) {
            if (HANDLE(h)->cancelled) {
                cancelled++;
                continue;
            }
            HANDLE(h)->scheduled = false;
        } else {
            gp_object_t *flag = gp_object_getattr_cstr(h, "_cancelled");
            int c = flag ? gp_object_is_true(flag) : -1;
            GP_XDECREF(flag);
            if (c < 0)
                return NULL;
            if (c) {
                cancelled++;
                continue;
            }
            if (gp_object_setattr_cstr(h, "_scheduled", gp_False) < 0)
                return NULL;
        }
        if (gp_list_append(ready, h) < 0)
            return NULL;
    }
    return gp_int_from_i64(cancelled);
}

/* ------------------------------------------------------------------ */
/* The module's state and functions                                      */
/* ------------------------------------------------------------------ */

static int asyncio_state_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    asyncio_state_t *st = (asyncio_state_t *)self;
    int rc = 0;
    if (st->current_tasks && (rc = visit(st->current_tasks, arg)))
        return rc;
    if (st->pending_tasks && (rc = visit(st->pending_tasks, arg)))
        return rc;
    return 0;
}

static int asyncio_state_clear(gp_object_t *self)
{
    asyncio_state_t *st = (asyncio_state_t *)self;
    GP_CLEAR(st->current_tasks);
    GP_CLEAR(st->pending_tasks);
    return 0;
}

static void asyncio_state_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    gp_runtime_t *rt = gp_runtime();
    if (rt->asyncio_state == (void *)self)
        rt->asyncio_state = NULL;
    asyncio_state_clear(self);
    gp_object_free(self);
}

static gp_type_t asyncio_state_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio_state",
    .basicsize = sizeof(asyncio_state_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = asyncio_state_dealloc,
    .hash = gp_object_default_hash,
    .traverse = asyncio_state_traverse,
    .clear = asyncio_state_clear,
};

/* current_task(loop=None). */
static gp_object_t *asyncio_current_task(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    static const char *const names[] = {"loop", NULL};
    gp_object_t *loop = NULL;
    if (gp_args_parse("current_task", args, nargs, kwnames, names, 0, &loop) < 0)
        return NULL;
    gp_object_t *owned = NULL;
    if (!loop || loop == gp_None) {
        gp_object_t *get = asyncio_lookup("asyncio.events", "get_running_loop");
        owned = loop = get ? gp_object_call0(get) : NULL;
        GP_XDECREF(get);
        if (!loop)
            return NULL;
    }
    asyncio_state_t *st = state_get();
    gp_object_t *task = st ? gp_dict_getitem(st->current_tasks, loop) : NULL;
    GP_XDECREF(owned);
    if (!task && gp_err_occurred())
        return NULL;
    return GP_INCREF(task ? task : gp_None);
}

static gp_object_t *asyncio_register_task(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    asyncio_state_t *st = state_get();
    if (gp_args_check("_register_task", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (st && gp_set_add(st->pending_tasks, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *asyncio_unregister_task(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    asyncio_state_t *st = state_get();
    if (gp_args_check("_unregister_task", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (st && gp_set_discard(st->pending_tasks, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *asyncio_enter_task(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    asyncio_state_t *st = state_get();
    if (gp_args_check("_enter_task", nargs, kwnames, 2, 2) < 0 || !st)
        return NULL;
    gp_object_t *current = gp_dict_getitem(st->current_tasks, args[0]);
    if (current) {
        gp_err_format(&gp_exc_RuntimeError,
                      "Cannot enter into task %R while another task %R is being executed.",
                      args[1], current);
        return NULL;
    }
    if (gp_err_occurred() || gp_dict_setitem(st->current_tasks, args[0], args[1]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *asyncio_leave_task(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    asyncio_state_t *st = state_get();
    if (gp_args_check("_leave_task", nargs, kwnames, 2, 2) < 0 || !st)
        return NULL;
    gp_object_t *current = gp_dict_getitem(st->current_tasks, args[0]);
    if (current != args[1]) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_RuntimeError,
                          "Leaving task %R does not match the current task %R.", args[1],
                          current ? current : gp_None);
        return NULL;
    }
    if (gp_dict_delitem(st->current_tasks, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

/* _set_result_unless_cancelled(fut, result): the timer callback of sleep(). */
static gp_object_t *asyncio_set_result_unless_cancelled(gp_object_t *self,
                                                        gp_object_t *const *args, size_t nargs,
                                                        gp_object_t *kwnames)
{
    if (gp_args_check("_set_result_unless_cancelled", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_object_t *fut = args[0];
    if (GP_IS_TYPE(fut, future_type)) {
        if (FUTURE(fut)->state == FUTURE_PENDING &&
            future_set_result_impl(FUTURE(fut), args[1]) < 0)
            return NULL;
        return gp_none_new();
    }
    gp_object_t *cancelled = gp_object_call_method(fut, "cancelled", NULL, 0);
    if (!cancelled)
        return NULL;
    int c = gp_object_is_true(cancelled);
    GP_DECREF(cancelled);
    if (c < 0)
        return NULL;
    if (!c) {
        gp_object_t *r = gp_object_call_method(fut, "set_result", &args[1], 1);
        if (!r)
            return NULL;
        GP_DECREF(r);
    }
    return gp_none_new();
}

static const gp_method_def_t asyncio_functions[] = {
    {"current_task", asyncio_current_task, GP_METH_KEYWORDS,
     "Return the currently running task in an event loop or None."},
    {"_register_task", asyncio_register_task, 0, "Register a new task in asyncio."},
    {"_unregister_task", asyncio_unregister_task, 0, "Unregister a task."},
    {"_enter_task", asyncio_enter_task, 0, "Enter into task execution or resume suspended task."},
    {"_leave_task", asyncio_leave_task, 0, "Leave task execution or suspend a task."},
    {"_set_result_unless_cancelled", asyncio_set_result_unless_cancelled, 0,
     "Set the future's result unless it was cancelled."},
    {"_run_ready", asyncio_run_ready, 0, "Run the handles of a list that are not cancelled."},
    {"_ready_due", asyncio_ready_due, 0, "Move due timer handles to the ready list."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_asyncio_module_create(void)
{
    if (gp_type_ready(&future_type) < 0)
        return NULL;
    task_type.base_type = &future_type;
    if (gp_type_ready(&task_type) < 0 || gp_type_ready(&future_iter_type) < 0 ||
        gp_type_ready(&asyncio_state_type) < 0 || gp_type_ready(&handle_type) < 0)
        return NULL;
    timer_handle_type.base_type = &handle_type;
    if (gp_type_ready(&timer_handle_type) < 0)
        return NULL;
    gp_object_t *module = gp_module_new("_asyncio");
    if (!module)
        return NULL;
    asyncio_state_t *st = (asyncio_state_t *)gp_object_alloc(&asyncio_state_type, 0);
    if (!st) {
        GP_DECREF(module);
        return NULL;
    }
    st->current_tasks = gp_dict_new();
    st->pending_tasks = gp_set_new(NULL);
    gp_gc_track(&st->base);
    if (!st->current_tasks || !st->pending_tasks ||
        gp_module_add_functions(module, asyncio_functions) < 0 ||
        gp_module_add_object(module, "Future", (gp_object_t *)&future_type) < 0 ||
        gp_module_add_object(module, "Task", (gp_object_t *)&task_type) < 0 ||
        gp_module_add_object(module, "Handle", (gp_object_t *)&handle_type) < 0 ||
        gp_module_add_object(module, "TimerHandle", (gp_object_t *)&timer_handle_type) < 0 ||
        gp_module_add_object(module, "_current_tasks", st->current_tasks) < 0 ||
        gp_module_add_object(module, "_pending_tasks", st->pending_tasks) < 0 ||
        gp_module_add_object(module, "_state", &st->base) < 0) {
        GP_DECREF(&st->base);
        GP_DECREF(module);
        return NULL;
    }
    gp_runtime()->asyncio_state = st;
    GP_DECREF(&st->base);
    return module;
}
