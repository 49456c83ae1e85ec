/*
 * asyncio_c_task.c - asyncio.Task in C: a coroutine wrapped in a Future.
 *
 * Design notes
 * ------------
 * A task steps its coroutine with gp_generator_send() and
 * gp_generator_throw() when it is one of the VM's coroutines, so a step
 * creates no StopIteration; anything else that quacks like a coroutine goes
 * through its send()/throw() methods. What the coroutine yields decides
 * what happens next, as in CPython's Task.__step: a future (ours or any
 * object with _asyncio_future_blocking) gets the task's wakeup as its
 * done-callback; None reschedules the step; anything else is an error
 * thrown back into the coroutine on the next step.
 *
 * Scheduling: on the loop class of lib/asyncio/events.py the task itself
 * goes onto the loop's ready list (task_t.queued says whether for a step
 * or for a wakeup by fut_waiter), in the place a Handle would have taken,
 * so the order of callbacks is CPython's and nothing is allocated. A task
 * is queued at most once at a time; a second request, a step with an
 * exception to throw in, or any other loop, falls back to call_soon() with
 * a builtin method bound to the task.
 *
 * Registration: a task is in the module's array of pending tasks from its
 * creation until its coroutine finishes (it knows its slot, so removal is a
 * swap), and is the running task of its loop (the module's current-tasks
 * dict) exactly while it steps.
 *
 * The cycle collector and pending tasks. The array of pending tasks holds
 * strong references, so a pending task can never be garbage, and neither
 * can its coroutine nor the sleep object it waits for (its fut_waiter):
 * the array reaches them. Scanning them anyway was a quarter of the time
 * of 100,000 sleeping tasks (three objects each at every full collection,
 * and their allocations are what triggers those collections). So while a
 * task is registered it is not tracked, nor is its coroutine (when it is
 * one of the VM's), nor a sleep object it waits for; what they refer to
 * counts, for the collector, as referred to from outside, which is true.
 * Each is tracked again as soon as the reason ends (the task finishes or
 * leaves the array, the wait ends), so every object that could become
 * garbage is tracked. A coroutine that has finished has no frame and can
 * be part of no cycle: it stays untracked, which saves the collector a
 * tracked object per finished task. The one visible difference from
 * CPython: gc.is_tracked() is false for these objects meanwhile, and
 * gc.get_objects() and gc.get_referrers() do not list them.
 */
#include <string.h>

#include "mod/asyncio_c.h"
#include "mod/contextvars.h"

static const gp_method_def_t task_step_def, task_wakeup_def;

/* Puts [task] itself on its loop's ready list, as a Handle of its step
   (TASK_QUEUED_STEP) or of its wakeup by [fut] (TASK_QUEUED_WAKEUP) would
   be. Only on our own loop class, whose _run_ready() knows tasks, and only
   once at a time. Returns 1 if queued, 0 if the caller must make a Handle
   after all, -1 on error (the loop is closed). */
static int task_queue(task_t *task, uint8_t how, future_t *fut)
{
    gp_object_t *loop = task->future.loop;
    asyncio_state_t *st = gp_aio_state();
    /* A wakeup is by the future the task waits for; it is the only one. */
    if (task->queued != TASK_QUEUED_NONE || !loop || !st || !st->fast_loop_type ||
        GP_TYPE(loop) != (gp_type_t *)st->fast_loop_type || (fut && task->fut_waiter != &fut->base))
        return 0;
    gp_object_t *closed = gp_object_getattr_cstr(loop, "_closed");
    if (!closed)
        return -1;
    int is_closed = gp_object_is_true(closed);
    GP_DECREF(closed);
    if (is_closed) {
        if (is_closed > 0)
            gp_err_set_string(&gp_exc_RuntimeError, "Event loop is closed");
        return -1;
    }
    gp_object_t *ready = gp_object_getattr_cstr(loop, "_ready");
    if (!ready)
        return -1;
    int rc = gp_list_check(ready) ? gp_list_append(ready, &task->future.base) : 0;
    GP_DECREF(ready);
    if (rc < 0)
        return -1;
    if (!gp_list_check(ready))
        return 0;
    task->queued = how;
    return 1;
}

/* Schedules the task's step (with [exc] thrown in, when not NULL). */
static int task_schedule_step(task_t *task, gp_object_t *exc)
{
    if (!exc) {
        int queued = task_queue(task, TASK_QUEUED_STEP, NULL);
        if (queued != 0)
            return queued < 0 ? -1 : 0;
    }
    gp_object_t *step = gp_cfunction_new(&task_step_def, (gp_object_t *)task);
    if (!step)
        return -1;
    int rc = gp_aio_loop_call_soon(task->future.loop, step, exc);
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
/* Task: registration                                                    */
/* ------------------------------------------------------------------ */

/* Drops the task's coroutine, tracking it again if the task untracked it
   and somebody else still holds it. */
static void task_forget_coro(task_t *task)
{
    gp_object_t *coro = task->coro;
    task->coro = NULL;
    if (coro && task->coro_untracked && coro->refcnt > 1 && !gp_gc_is_tracked(coro))
        gp_gc_track(coro);
    task->coro_untracked = false;
    GP_XDECREF(coro);
}

/* Stops the collector from scanning [task] and its coroutine while the
   array of pending tasks holds the task (see the design notes). */
static void task_untrack(task_t *task)
{
    gp_gc_untrack(&task->future.base);
    gp_object_t *coro = task->coro;
    if (coro && GP_IS_TYPE(coro, gp_coroutine_type) && gp_gc_is_tracked(coro)) {
        gp_gc_untrack(coro);
        task->coro_untracked = true;
    }
}

/* Sets the future the task waits for ([waiter], a new reference, or NULL),
   releasing the previous one. A sleep object is reached through the task
   while it is the waiter of a registered task, so it is untracked for that
   long; any other moment it is tracked, as every sleep object is. */
static void task_set_waiter(task_t *task, gp_object_t *waiter)
{
    gp_object_t *old = task->fut_waiter;
    task->fut_waiter = waiter;
    if (waiter && task->pending_slot && GP_IS_TYPE(waiter, gp_aio_sleep_type))
        gp_gc_untrack(waiter);
    if (!old)
        return;
    /* Re-tracking an object about to be freed would only cost a count. */
    if (old->refcnt > 1 && GP_IS_TYPE(old, gp_aio_sleep_type) && !gp_gc_is_tracked(old))
        gp_gc_track(old);
    GP_DECREF(old);
}

void gp_aio_task_retrack(task_t *task, bool coro_finished)
{
    if (task->coro_untracked) {
        task->coro_untracked = false;
        if (!coro_finished && task->coro && !gp_gc_is_tracked(task->coro))
            gp_gc_track(task->coro);
    }
    gp_object_t *waiter = task->fut_waiter;
    if (waiter && GP_IS_TYPE(waiter, gp_aio_sleep_type) && !gp_gc_is_tracked(waiter))
        gp_gc_track(waiter);
    gp_gc_track(&task->future.base);
}

/* Takes [task] out of the array of pending tasks. [coro_finished]: its
   coroutine is one of the VM's and has returned or raised (see
   gp_aio_task_retrack). */
static void task_unregister(task_t *task, bool coro_finished)
{
    asyncio_state_t *st = gp_aio_state();
    if (!st || task->pending_slot == 0)
        return;
    /* Swap-remove: the last task takes this one's slot. */
    size_t i = task->pending_slot - 1;
    task_t *last = st->pending[--st->pending_len];
    st->pending[i] = last;
    last->pending_slot = (uint32_t)i + 1;
    task->pending_slot = 0;
    /* Tracking may run a collection: the array is whole again by now. */
    gp_aio_task_retrack(task, coro_finished);
    GP_DECREF(&task->future.base);
}

/* Adds [task] to the state's pending tasks (once). */
static int task_register(asyncio_state_t *st, task_t *task)
{
    if (task->pending_slot)
        return 0;
    if (st->pending_len == st->pending_cap) {
        size_t cap = st->pending_cap ? st->pending_cap * 2 : 64;
        if (cap > UINT32_MAX - 1) {
            gp_err_no_memory();
            return -1;
        }
        task_t **grown = gp_mem_realloc(st->pending, cap * sizeof *grown);
        if (!grown) {
            gp_err_no_memory();
            return -1;
        }
        st->pending = grown;
        st->pending_cap = cap;
    }
    st->pending[st->pending_len++] = (task_t *)GP_INCREF(&task->future.base);
    task->pending_slot = (uint32_t)st->pending_len;
    task_untrack(task);
    return 0;
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
    /* Usually the coroutine has finished, but not when it refused the step
       ("already executing"): track it again, to be safe. */
    task_unregister(task, false);
    int cancelled = gp_aio_is_cancelled_error(exc);
    if (cancelled < 0) {
        GP_DECREF(exc);
        return -1;
    }
    if (cancelled) {
        /* Kept so that awaiting the task raises this very exception. Short
           of memory for that, the task is cancelled all the same (with a
           new CancelledError later): a task left pending would be worse. */
        future_extra_t *x = gp_aio_future_extra(&task->future);
        if (x)
            GP_SETREF(x->cancelled_exc, exc);
        else {
            gp_err_clear();
            GP_DECREF(exc);
        }
        return gp_aio_future_cancel(&task->future, NULL) < 0 ? -1 : 0;
    }
    if (gp_aio_future_set_exception(&task->future, exc) < 0) {
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
    if (gp_aio_future_check(result)) {
        blocking = FUTURE(result)->blocking;
        result_loop = GP_XINCREF(FUTURE(result)->loop);
    } else {
        gp_object_t *flag =
            gp_object_getattr_opt(result, gp_str_static("_asyncio_future_blocking"));
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
            rc = task_schedule_error(
                task, gp_str_from_format("Task %R got Future %R attached to a different loop",
                                         (gp_object_t *)task, result));
        } else if (!blocking) {
            rc = task_schedule_error(
                task, gp_str_from_format("yield was used instead of yield from in task %R with %R",
                                         (gp_object_t *)task, result));
        } else if (result == (gp_object_t *)task) {
            rc = task_schedule_error(
                task, gp_str_from_format("Task cannot await on itself: %R", (gp_object_t *)task));
        } else {
            gp_object_t *wakeup = NULL;
            if (gp_aio_future_exact(result)) {
                FUTURE(result)->blocking = false;
                rc = gp_aio_future_add_wakeup(FUTURE(result), task);
            } else if (!(wakeup = gp_cfunction_new(&task_wakeup_def, (gp_object_t *)task))) {
                rc = -1;
            } else {
                rc = gp_object_setattr_cstr(result, "_asyncio_future_blocking", gp_False);
                gp_object_t *r =
                    rc < 0 ? NULL : gp_object_call_method(result, "add_done_callback", &wakeup, 1);
                rc = r ? 0 : -1;
                GP_XDECREF(r);
            }
            GP_XDECREF(wakeup);
            if (rc == 0) {
                task_set_waiter(task, GP_INCREF(result));
                if (task->must_cancel) {
                    int cancelled =
                        gp_aio_cancel_any(result, FUTURE_CANCEL_MESSAGE(&task->future));
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
        rc = task_schedule_error(task, gp_str_from_format("Task got bad yield: %R", result));
    }
    GP_XDECREF(result_loop);
    GP_DECREF(result);
    return rc;
}

/* added by contextvars: a step runs in the task's context, as CPython's
   runs in self._context.run(self.__step). A task whose context is still
   the fresh empty one (no field: see future_extra_t.context) runs in a lazy
   scope, and keeps the context the step made if it set a variable. */
static int task_context_enter(task_t *task, gp_context_scope_t *scope)
{
    return gp_context_scope_enter(scope, FUTURE_EXTRA_FIELD(&task->future, context));
}

static int task_context_leave(task_t *task, gp_context_scope_t *scope)
{
    gp_object_t *made = gp_context_scope_leave(scope);
    if (!made)
        return 0;
    future_extra_t *x = gp_aio_future_extra(&task->future);
    if (!x) {
        GP_DECREF(made);
        return -1;
    }
    /* get_context() during the step may have stored this very context. */
    if (x->context)
        GP_DECREF(made);
    else
        x->context = made;
    return 0;
}

/* One step: runs the coroutine until it yields, returns or raises. */
static int task_step_impl(task_t *task, gp_object_t *exc)
{
    if (task->future.state != FUTURE_PENDING) {
        gp_aio_raise("InvalidStateError", "_step(): already done");
        gp_object_t *err = gp_err_fetch();
        gp_err_format(GP_TYPE(err), "_step(): already done: %R, %R", (gp_object_t *)task,
                      exc ? exc : gp_None);
        GP_XDECREF(err);
        return -1;
    }
    gp_object_t *thrown = GP_XINCREF(exc);
    if (task->must_cancel) {
        int is_cancel = thrown ? gp_aio_is_cancelled_error(thrown) : 0;
        if (is_cancel < 0) {
            GP_XDECREF(thrown);
            return -1;
        }
        if (!is_cancel) {
            GP_XDECREF(thrown);
            thrown = gp_aio_future_make_cancelled_error(&task->future);
            if (!thrown)
                return -1;
        }
        task->must_cancel = false;
    }
    task_set_waiter(task, NULL);

    asyncio_state_t *st = gp_aio_state();
    gp_context_scope_t scope;
    if (task_context_enter(task, &scope) < 0) {
        GP_XDECREF(thrown);
        return -1;
    }
    if (!st || gp_aio_task_enter(st, task->future.loop, &task->future.base) < 0) {
        gp_object_t *made = gp_context_scope_leave(&scope);
        GP_XDECREF(made);
        GP_XDECREF(thrown);
        return -1;
    }
    gp_object_t *result = NULL;
    GP_INCREF(&task->future.base);
    task_t *outer = gp_aio_running_task_swap(task);
    gp_send_result_t r = task_resume(task->coro, thrown, &result);
    gp_aio_running_task_swap(outer);
    GP_XDECREF(thrown);
    int rc;
    if (r == GP_SEND_RETURN) {
        /* One of the VM's coroutines that returned has no frame left. */
        task_unregister(task, GP_IS_TYPE(task->coro, gp_coroutine_type));
        if (task->must_cancel) {
            task->must_cancel = false;
            gp_object_t *msg = FUTURE_CANCEL_MESSAGE(&task->future);
            rc = gp_aio_future_cancel(&task->future, msg) < 0 ? -1 : 0;
        } else {
            rc = gp_aio_future_set_result(&task->future, result);
        }
        GP_DECREF(result);
    } else if (r == GP_SEND_ERROR) {
        rc = task_handle_error(task);
    } else {
        rc = task_handle_yield(task, result);
    }
    if (task_context_leave(task, &scope) < 0)
        rc = -1;
    /* Leave even when the step failed; keep the step's exception. */
    gp_object_t *pending = gp_err_fetch();
    if (gp_aio_task_leave(st, task->future.loop, &task->future.base) < 0 && !pending)
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

/* The task's wakeup by [fut]: one step, with the future's exception (if
   any) thrown in. */
static int task_wakeup_impl(task_t *task, gp_object_t *fut)
{
    gp_object_t *r;
    if (gp_aio_future_check(fut)) {
        future_t *f = FUTURE(fut);
        /* The common case, a result set without an exception: no call. */
        r = f->state == FUTURE_FINISHED && !FUTURE_EXCEPTION(f) ? GP_INCREF(gp_None)
                                                         : gp_aio_future_result(f);
    } else {
        r = gp_object_call_method(fut, "result", NULL, 0);
    }
    if (r) {
        GP_DECREF(r);
        return task_step_impl(task, NULL);
    }
    gp_object_t *exc = gp_err_fetch();
    int rc = task_step_impl(task, exc);
    GP_DECREF(exc);
    return rc;
}

/* The done-callback of the future a task waits for. */
static gp_object_t *task_wakeup_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("task_wakeup", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (task_wakeup_impl(TASK(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

gp_object_t *gp_aio_task_wakeup_callback(task_t *task)
{
    return gp_cfunction_new(&task_wakeup_def, &task->future.base);
}

int gp_aio_task_schedule_wakeup(task_t *task, future_t *fut)
{
    int queued = task_queue(task, TASK_QUEUED_WAKEUP, fut);
    if (queued != 0)
        return queued < 0 ? -1 : 0;
    gp_object_t *wakeup = gp_aio_task_wakeup_callback(task);
    if (!wakeup)
        return -1;
    int rc = gp_aio_loop_call_soon(fut->loop, wakeup, &fut->base);
    GP_DECREF(wakeup);
    return rc;
}

int gp_aio_task_run_queued(task_t *task)
{
    uint8_t how = task->queued;
    gp_object_t *fut = how == TASK_QUEUED_WAKEUP ? GP_XINCREF(task->fut_waiter) : NULL;
    task->queued = TASK_QUEUED_NONE;
    GP_INCREF(&task->future.base);
    int rc = fut ? task_wakeup_impl(task, fut) : task_step_impl(task, NULL);
    if (rc < 0 && !gp_err_matches(&gp_exc_SystemExit) &&
        !gp_err_matches(&gp_exc_KeyboardInterrupt)) {
        /* What Handle._run does with the error of a callback: report it,
           naming the callback the task stood for. */
        gp_object_t *exc = gp_err_fetch();
        const gp_method_def_t *def = fut ? &task_wakeup_def : &task_step_def;
        gp_object_t *callback = gp_cfunction_new(def, &task->future.base);
        gp_object_t *args = callback ? (fut ? gp_tuple_pack(1, fut) : gp_tuple_new(0)) : NULL;
        gp_object_t *hargs[3] = {callback, args, task->future.loop};
        gp_object_t *handle =
            args ? gp_object_call((gp_object_t *)&gp_aio_handle_type, hargs, 3, NULL) : NULL;
        rc = handle ? gp_aio_handle_report(task->future.loop, callback, args, handle, exc) : -1;
        gp_aio_note_lost_memory(exc);
        GP_XDECREF(handle);
        GP_XDECREF(args);
        GP_XDECREF(callback);
        GP_DECREF(exc);
    }
    GP_XDECREF(fut);
    GP_DECREF(&task->future.base);
    return rc;
}

static const gp_method_def_t task_step_def = {"task_step", task_step_method, 0, NULL};
static const gp_method_def_t task_wakeup_def = {"task_wakeup", task_wakeup_method, 0, NULL};

/* ------------------------------------------------------------------ */
/* Task: the object                                                      */
/* ------------------------------------------------------------------ */

static int is_coroutine(gp_object_t *coro)
{
    if (GP_IS_TYPE(coro, gp_coroutine_type) || GP_IS_TYPE(coro, gp_aio_sleep_type))
        return 1;
    gp_object_t *fn = gp_aio_lookup("asyncio.coroutines", "iscoroutine");
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

/* What Task(coro, loop=loop, name=name) does once its arguments are
   parsed ([loop] and [name] may be NULL or None). */
static int task_setup(task_t *task, gp_object_t *coro, gp_object_t *loop, gp_object_t *name_arg,
                      gp_object_t *context_arg)
{
    if (gp_aio_future_init_loop(&task->future, loop) < 0)
        return -1;
    task->future.state = FUTURE_PENDING;
    int ok = is_coroutine(coro);
    if (ok <= 0) {
        task->log_destroy_pending = false;
        if (ok == 0)
            gp_err_format(&gp_exc_TypeError, "a coroutine was expected, got %R", coro);
        return -1;
    }
    asyncio_state_t *st = gp_aio_state();
    if (name_arg && name_arg != gp_None) {
        gp_object_t *name =
            gp_str_check_exact(name_arg) ? GP_INCREF(name_arg) : gp_object_str(name_arg);
        if (!name)
            return -1;
        GP_SETREF(task->name, name);
    } else {
        GP_SETREF(task->name, GP_SMALL_NEW(st ? ++st->task_counter : 0));
    }
    /* added by contextvars: the context given, else a copy of the current
       one; an empty copy is left to be made by the first step that needs it. */
    if (task->future.extra)
        GP_CLEAR(task->future.extra->context);
    gp_object_t *context = context_arg && context_arg != gp_None ? GP_INCREF(context_arg)
                                                                 : gp_context_capture();
    if (context) {
        future_extra_t *x = gp_aio_future_extra(&task->future);
        if (!x) {
            GP_DECREF(context);
            return -1;
        }
        x->context = context;
    } else if (gp_err_occurred()) {
        return -1;
    }
    task->must_cancel = false;
    task->log_destroy_pending = true;
    task->num_cancels_requested = 0;
    task_forget_coro(task);
    task->coro = GP_INCREF(coro);
    task_set_waiter(task, NULL);
    if (task_schedule_step(task, NULL) < 0)
        return -1;
    if (st && task_register(st, task) < 0)
        return -1;
    return 0;
}

static int task_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                     gp_object_t *kwnames)
{
    static const char *const names[] = {"coro", "$loop", "$name", "$context", NULL};
    gp_object_t *values[4] = {NULL, NULL, NULL, NULL};
    if (gp_args_parse("Task", args, nargs, kwnames, names, 1, values) < 0)
        return -1;
    return task_setup(TASK(self), values[0], values[1], values[2], values[3]);
}

gp_object_t *gp_aio_task_create(gp_object_t *loop, gp_object_t *coro)
{
    gp_object_t *task = gp_aio_future_new(&gp_aio_task_type, NULL, 0, NULL);
    if (task && task_setup(TASK(task), coro, loop, NULL, NULL) < 0)
        GP_CLEAR(task);
    return task;
}

gp_object_t *gp_aio_fast_running_loop(void)
{
    task_t *running = gp_aio_running_task();
    asyncio_state_t *st = gp_aio_state();
    if (!running || !st || !st->fast_loop_type)
        return NULL;
    gp_object_t *loop = running->future.loop;
    if (!loop || GP_TYPE(loop) != (gp_type_t *)st->fast_loop_type)
        return NULL;
    /* loop.create_task() must be the class's own, without a task factory. */
    gp_object_t **dict = gp_object_dict_ptr(loop);
    if (!dict || !*dict)
        return NULL;
    gp_object_t *factory = gp_dict_getitem_cstr(*dict, "_task_factory");
    if (factory != gp_None || gp_dict_getitem_cstr(*dict, "create_task")) {
        if (gp_err_occurred())
            gp_err_clear();
        return NULL;
    }
    return loop;
}

static gp_object_t *task_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    return gp_aio_future_new(type, args, nargs, kwnames);
}

static int task_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    task_t *task = TASK(self);
    int rc = gp_aio_future_traverse_fields(&task->future, visit, arg);
    if (rc)
        return rc;
    if (task->coro && (rc = visit(task->coro, arg)))
        return rc;
    if (task->fut_waiter && (rc = visit(task->fut_waiter, arg)))
        return rc;
    if (task->name && GP_IS_PTR(task->name) && (rc = visit(task->name, arg)))
        return rc;
    return 0;
}

static int task_clear(gp_object_t *self)
{
    task_t *task = TASK(self);
    gp_aio_future_clear_fields(&task->future);
    task_forget_coro(task);
    task_set_waiter(task, NULL);
    GP_CLEAR(task->name);
    task->queued = TASK_QUEUED_NONE;
    return 0;
}

static void task_dealloc(gp_object_t *self)
{
    if (gp_aio_future_finalize(self))
        return;
    gp_gc_untrack(self);
    task_clear(self);
    gp_object_free(self);
}

static gp_object_t *task_name(task_t *task)
{
    if (task->name && GP_IS_SMALL(task->name)) {
        gp_object_t *name =
            gp_str_from_format("Task-%llu", (unsigned long long)GP_SMALL_VALUE(task->name));
        if (!name)
            return NULL;
        task->name = name;
    }
    if (!task->name)
        return gp_str_from_cstr("Task-0");
    return GP_INCREF(task->name);
}

AIO_METHOD(task_get_name_method)
{
    if (gp_args_check("get_name", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return task_name(TASK(self));
}

AIO_METHOD(task_set_name_method)
{
    if (gp_args_check("set_name", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *name = gp_str_check_exact(args[0]) ? GP_INCREF(args[0]) : gp_object_str(args[0]);
    if (!name)
        return NULL;
    GP_SETREF(TASK(self)->name, name);
    return gp_none_new();
}

AIO_METHOD(task_get_coro_method)
{
    if (gp_args_check("get_coro", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *coro = TASK(self)->coro;
    return GP_INCREF(coro ? coro : gp_None);
}

AIO_METHOD(task_get_context_method)
{
    if (gp_args_check("get_context", nargs, kwnames, 0, 0) < 0)
        return NULL;
    task_t *task = TASK(self);
    gp_object_t *context = FUTURE_EXTRA_FIELD(&task->future, context);
    if (context)
        return GP_INCREF(context);
    /* added by contextvars: the fresh empty context is made now; while the
       task's step runs, that is the thread's current context. */
    future_extra_t *x = gp_aio_future_extra(&task->future);
    if (!x)
        return NULL;
    context = gp_aio_running_task() == task ? gp_context_current() : gp_context_new_empty();
    if (!context)
        return NULL;
    x->context = context;
    return GP_INCREF(context);
}

AIO_METHOD(task_get_stack_method)
{
    static const char *const names[] = {"$limit", NULL};
    gp_object_t *limit = NULL;
    if (gp_args_parse("get_stack", args, nargs, kwnames, names, 0, &limit) < 0)
        return NULL;
    return gp_list_new(0);
}

AIO_METHOD(task_set_result_method)
{
    gp_err_set_string(&gp_exc_RuntimeError, "Task does not support set_result operation");
    return NULL;
}

AIO_METHOD(task_set_exception_method)
{
    gp_err_set_string(&gp_exc_RuntimeError, "Task does not support set_exception operation");
    return NULL;
}

AIO_METHOD(task_cancel_method)
{
    gp_object_t *msg;
    if (gp_aio_parse_cancel_msg(args, nargs, kwnames, &msg) < 0)
        return NULL;
    task_t *task = TASK(self);
    task->future.log_traceback = false;
    if (task->future.state != FUTURE_PENDING)
        return gp_bool_from(false);
    /* A message needs the extra part: made before anything changes. */
    if (msg && !gp_aio_future_extra(&task->future))
        return NULL;
    task->num_cancels_requested++;
    if (task->fut_waiter) {
        gp_object_t *waiter = GP_INCREF(task->fut_waiter);
        int cancelled = gp_aio_cancel_any(waiter, msg);
        GP_DECREF(waiter);
        if (cancelled < 0)
            return NULL;
        /* The waiter's callback will throw CancelledError into the task. */
        if (cancelled)
            return gp_bool_from(true);
    }
    task->must_cancel = true;
    if (task->future.extra)
        GP_SETREF(task->future.extra->cancel_message, msg ? GP_INCREF(msg) : NULL);
    return gp_bool_from(true);
}

AIO_METHOD(task_cancelling_method)
{
    if (gp_args_check("cancelling", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64(TASK(self)->num_cancels_requested);
}

AIO_METHOD(task_uncancel_method)
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

gp_type_t gp_aio_task_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio.Task",
    .basicsize = sizeof(task_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = task_dealloc,
    .new_ = task_new,
    .init = task_init,
    .repr = gp_aio_future_repr,
    .hash = gp_object_default_hash,
    .traverse = task_traverse,
    .clear = task_clear,
    .methods = task_methods,
    .getsets = task_getsets,
    .doc = "A coroutine wrapped in a Future.",
};
