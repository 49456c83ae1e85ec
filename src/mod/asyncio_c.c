/*
 * asyncio_c.c - the `_asyncio` module: asyncio's Future and Task in C.
 *
 * Design notes
 * ------------
 * asyncio's Future, Task and sleep() are this module's types, always: the
 * interpreter is built with it, so lib/asyncio/futures.py and tasks.py have
 * no Python versions to fall back to; they re-export these and add the
 * Python-level helpers. Every behaviour here follows CPython 3.11: the same
 * states, the same error messages, the same order in which callbacks are
 * scheduled.
 *
 * Why C: a task that sleeps once costs a Task, a Future, two callbacks and
 * three steps through the coroutine. In Python that is some sixty calls of
 * Python functions per task; here it is none, and the objects are plain
 * structs without a __dict__. 100,000 sleeping tasks are 100,000 of each.
 *
 * Shapes (each file's notes say more):
 *   - A Future keeps its first done-callback in a slot of its own and only
 *     makes a list for the second one. When that callback is a task's
 *     wakeup, the slot holds the task itself, marked, not a bound method.
 *   - A Task steps its coroutine with gp_generator_send() and
 *     gp_generator_throw(), so a step creates no StopIteration.
 *   - On the loop class of lib/asyncio/events.py, a task whose step or
 *     wakeup is due goes onto the loop's ready list itself, where a Handle
 *     of a bound method would have gone; _run_ready() knows what to do with
 *     it. Any other loop gets CPython's call_soon(), with a Handle.
 *   - asyncio.sleep() is one C object, coroutine and future at once, whose
 *     timer is an entry of the loop's C timer heap (asyncio_c_sleep.c).
 *
 *   - A future's rarely used fields (a second callback, an exception, a
 *     cancellation's message) live in a part allocated on first need, and
 *     a done future goes on the ready list itself in place of the Handles
 *     of its done-callbacks.
 *   - gather() over our own futures and coroutines keeps its count and its
 *     children in C (asyncio_c_gather.c), and asyncio.create_task() inside
 *     a task makes the Task without a Python-level call.
 *   - A pending task, its coroutine and the sleep it waits for are not
 *     tracked by the cycle collector: the array of pending tasks keeps them
 *     alive anyway (asyncio_c_task.c).
 *
 * A sleeping task is then four allocations: the Task (128 bytes of malloc
 * with its gc head), the coroutine and its frame, and the sleep object
 * (96), plus a slot in the timer heap (24) and in the array of pending
 * tasks (8): about 500 bytes where it was 1.3 KB.
 *
 * Shared state (the running task of each loop and the tasks not yet done)
 * lives in one state object that the module owns; the runtime keeps a
 * borrowed pointer to it (gp_runtime_t.asyncio_state) so that C code finds
 * it without a lookup. Python sees the running tasks as
 * `_asyncio._current_tasks`, the pending ones through `_asyncio._all_pending()`
 * (C tasks live in an array, Python-level ones in `_asyncio._pending_tasks`).
 *
 * Finalisation: a future whose exception nobody retrieved, and a task that
 * is destroyed while still pending, are reported through the loop's
 * exception handler from dealloc, as CPython's tp_finalize does. The
 * object is resurrected for the call; if the handler keeps it, it lives on.
 *
 * This file holds the module itself (its state, its functions) and the
 * helpers the other files share; asyncio_c.h lists the files.
 */
#include <string.h>

#include "mod/asyncio_c.h"

/* ------------------------------------------------------------------ */
/* Helpers: asyncio's exception classes, calling methods                 */
/* ------------------------------------------------------------------ */

/* A new reference to asyncio.<module>.<name>, importing it if needed. */
gp_object_t *gp_aio_lookup(const char *module, const char *name)
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
void gp_aio_raise(const char *name, const char *message)
{
    gp_object_t *cls = gp_aio_lookup("asyncio.exceptions", name);
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

int gp_aio_is_cancelled_error(gp_object_t *exc)
{
    gp_object_t *cls = gp_aio_lookup("asyncio.exceptions", "CancelledError");
    if (!cls)
        return -1;
    bool r = gp_exception_matches(exc, cls);
    GP_DECREF(cls);
    return r;
}

/* obj.name(*args, msg=msg) when [msg] is not NULL, else obj.name(*args). */
gp_object_t *gp_aio_call_method_msg(gp_object_t *obj, const char *name, gp_object_t *msg)
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
int gp_aio_loop_call_soon(gp_object_t *loop, gp_object_t *callback, gp_object_t *arg)
{
    gp_object_t *args[2] = {callback, arg};
    gp_object_t *r = gp_object_call_method(loop, "call_soon", args, arg ? 2 : 1);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}
/* Makes [task] the running task of [loop]: RuntimeError if another is. */
int gp_aio_task_enter(asyncio_state_t *st, gp_object_t *loop, gp_object_t *task)
{
    gp_object_t *current = gp_dict_getitem(st->current_tasks, loop);
    if (current) {
        gp_err_format(&gp_exc_RuntimeError,
                      "Cannot enter into task %R while another task %R is being executed.", task,
                      current);
        return -1;
    }
    if (gp_err_occurred())
        return -1;
    return gp_dict_setitem(st->current_tasks, loop, task);
}

int gp_aio_task_leave(asyncio_state_t *st, gp_object_t *loop, gp_object_t *task)
{
    gp_object_t *current = gp_dict_getitem(st->current_tasks, loop);
    if (current != task) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_RuntimeError,
                          "Leaving task %R does not match the current task %R.", task,
                          current ? current : gp_None);
        return -1;
    }
    return gp_dict_delitem(st->current_tasks, loop);
}

/* Cancels a future-like object: our Future in C, anything else through its
   cancel(msg=...) method. */
int gp_aio_cancel_any(gp_object_t *obj, gp_object_t *msg)
{
    if (GP_IS_TYPE(obj, gp_aio_future_type) || GP_IS_TYPE(obj, gp_aio_sleep_type))
        return gp_aio_future_cancel(FUTURE(obj), msg);
    gp_object_t *r = gp_aio_call_method_msg(obj, "cancel", msg);
    int cancelled = r ? gp_object_is_true(r) : -1;
    GP_XDECREF(r);
    return cancelled;
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
    if (st->fast_loop_type && (rc = visit(st->fast_loop_type, arg)))
        return rc;
    /* The pending tasks are not visited: a task in the array is never
       tracked (asyncio_c_task.c), so the collector would ignore the visit,
       and reading 100,000 tasks' headers at every full collection is what
       made those collections slow. */
    return 0;
}

static int asyncio_state_clear(gp_object_t *self)
{
    asyncio_state_t *st = (asyncio_state_t *)self;
    GP_CLEAR(st->current_tasks);
    GP_CLEAR(st->pending_tasks);
    GP_CLEAR(st->fast_loop_type);
    /* Unregistering may free tasks, which may unregister others: take the
       array first. */
    task_t **pending = st->pending;
    size_t len = st->pending_len;
    st->pending = NULL;
    st->pending_len = st->pending_cap = 0;
    for (size_t i = 0; i < len; i++) {
        pending[i]->pending_slot = 0;
        /* No longer reached through the array: the collector must see it. */
        gp_aio_task_retrack(pending[i], false);
        GP_DECREF(&pending[i]->future.base);
    }
    gp_mem_free(pending);
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
static gp_object_t *asyncio_current_task(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    static const char *const names[] = {"loop", NULL};
    gp_object_t *loop = NULL;
    if (gp_args_parse("current_task", args, nargs, kwnames, names, 0, &loop) < 0)
        return NULL;
    gp_object_t *owned = NULL;
    if (!loop || loop == gp_None) {
        gp_object_t *get = gp_aio_lookup("asyncio.events", "get_running_loop");
        owned = loop = get ? gp_object_call0(get) : NULL;
        GP_XDECREF(get);
        if (!loop)
            return NULL;
    }
    asyncio_state_t *st = gp_aio_state();
    gp_object_t *task = st ? gp_dict_getitem(st->current_tasks, loop) : NULL;
    GP_XDECREF(owned);
    if (!task && gp_err_occurred())
        return NULL;
    return GP_INCREF(task ? task : gp_None);
}

static gp_object_t *asyncio_register_task(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                          gp_object_t *kwnames)
{
    asyncio_state_t *st = gp_aio_state();
    if (gp_args_check("_register_task", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (st && gp_set_add(st->pending_tasks, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

/* _all_pending(): a list of every task not yet done, C or Python. */
static gp_object_t *asyncio_all_pending(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    asyncio_state_t *st = gp_aio_state();
    if (gp_args_check("_all_pending", nargs, kwnames, 0, 0) < 0 || !st)
        return NULL;
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    for (size_t i = 0; i < st->pending_len; i++) {
        if (gp_list_append(list, &st->pending[i]->future.base) < 0) {
            GP_DECREF(list);
            return NULL;
        }
    }
    if (gp_list_extend(list, st->pending_tasks) < 0) {
        GP_DECREF(list);
        return NULL;
    }
    return list;
}

static gp_object_t *asyncio_unregister_task(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    asyncio_state_t *st = gp_aio_state();
    if (gp_args_check("_unregister_task", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (st && gp_set_discard(st->pending_tasks, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *asyncio_enter_task(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    asyncio_state_t *st = gp_aio_state();
    if (gp_args_check("_enter_task", nargs, kwnames, 2, 2) < 0 || !st ||
        gp_aio_task_enter(st, args[0], args[1]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *asyncio_leave_task(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    asyncio_state_t *st = gp_aio_state();
    if (gp_args_check("_leave_task", nargs, kwnames, 2, 2) < 0 || !st ||
        gp_aio_task_leave(st, args[0], args[1]) < 0)
        return NULL;
    return gp_none_new();
}

/* _set_result_unless_cancelled(fut, result): the timer callback of sleep(). */
static gp_object_t *asyncio_set_result_unless_cancelled(gp_object_t *self, gp_object_t *const *args,
                                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_set_result_unless_cancelled", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_object_t *fut = args[0];
    if (GP_IS_TYPE(fut, gp_aio_future_type)) {
        if (FUTURE(fut)->state == FUTURE_PENDING &&
            gp_aio_future_set_result(FUTURE(fut), args[1]) < 0)
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

/* _create_task(coro): asyncio.create_task(coro) when it can be done in C
   (see gp_aio_fast_running_loop), else None, for the Python path to do it.
   Skips three Python-level calls per task. */
static gp_object_t *asyncio_create_task(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_args_check("_create_task", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *loop = gp_aio_fast_running_loop();
    if (!loop)
        return gp_none_new();
    return gp_aio_task_create(loop, args[0]);
}

/* _set_fast_loop_type(cls): the loop class whose timers live in the C heap
   of its `_core` (events.BaseEventLoop), for sleep()'s fast path. */
static gp_object_t *asyncio_set_fast_loop_type(gp_object_t *self, gp_object_t *const *args,
                                               size_t nargs, gp_object_t *kwnames)
{
    asyncio_state_t *st = gp_aio_state();
    if (gp_args_check("_set_fast_loop_type", nargs, kwnames, 1, 1) < 0 || !st)
        return NULL;
    if (!gp_type_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "expected a class, not %T", args[0]);
        return NULL;
    }
    GP_SETREF(st->fast_loop_type, GP_INCREF(args[0]));
    return gp_none_new();
}

static const gp_method_def_t asyncio_functions[] = {
    {"_sleep", gp_aio_sleep_new, 0, "The coroutine asyncio.sleep(delay, result) returns."},
    {"_create_task", asyncio_create_task, 0,
     "create_task(coro) done in C when the running loop allows it, else None."},
    {"_set_fast_loop_type", asyncio_set_fast_loop_type, 0,
     "Name the loop class whose timers sleep() may push onto the C heap."},
    {"current_task", asyncio_current_task, GP_METH_KEYWORDS,
     "Return the currently running task in an event loop or None."},
    {"_register_task", asyncio_register_task, 0, "Register a new task in asyncio."},
    {"_unregister_task", asyncio_unregister_task, 0, "Unregister a task."},
    {"_all_pending", asyncio_all_pending, 0, "List every task not yet done."},
    {"_enter_task", asyncio_enter_task, 0, "Enter into task execution or resume suspended task."},
    {"_leave_task", asyncio_leave_task, 0, "Leave task execution or suspend a task."},
    {"_set_result_unless_cancelled", asyncio_set_result_unless_cancelled, 0,
     "Set the future's result unless it was cancelled."},
    {"_run_ready", gp_aio_run_ready, 0, "Run the handles of a list that are not cancelled."},
    {"_ready_due", gp_aio_ready_due, 0, "Move due timer handles to the ready list."},
    {"_ready_due_from", gp_aio_ready_due_from, 0,
     "Move the timer handles due in a _gpuv.Loop's heap to the ready list."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_asyncio_module_create(void)
{
    if (gp_type_ready(&gp_aio_future_type) < 0)
        return NULL;
    gp_aio_task_type.base_type = &gp_aio_future_type;
    if (gp_type_ready(&gp_aio_task_type) < 0 || gp_type_ready(&gp_aio_future_iter_type) < 0 ||
        gp_type_ready(&asyncio_state_type) < 0 || gp_type_ready(&gp_aio_handle_type) < 0)
        return NULL;
    gp_aio_timer_handle_type.base_type = &gp_aio_handle_type;
    gp_aio_sleep_type.base_type = &gp_aio_future_type;
    if (gp_type_ready(&gp_aio_timer_handle_type) < 0 || gp_type_ready(&gp_aio_sleep_type) < 0)
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
        gp_module_add_functions(module, asyncio_functions) < 0 || gp_aio_gather_ready(module) < 0 ||
        gp_module_add_object(module, "Future", (gp_object_t *)&gp_aio_future_type) < 0 ||
        gp_module_add_object(module, "Task", (gp_object_t *)&gp_aio_task_type) < 0 ||
        gp_module_add_object(module, "Handle", (gp_object_t *)&gp_aio_handle_type) < 0 ||
        gp_module_add_object(module, "TimerHandle", (gp_object_t *)&gp_aio_timer_handle_type) < 0 ||
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
