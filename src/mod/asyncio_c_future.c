/*
 * asyncio_c_future.c - asyncio.Future in C, and FutureIter, what `await
 * future` runs.
 *
 * Design notes
 * ------------
 * The state machine (pending -> finished or cancelled, callbacks scheduled
 * on the loop in the order they were added) follows lib/asyncio/futures.py
 * and CPython 3.11, message for message. The C functions gp_aio_future_*
 * are what Task and the sleep object call; the methods Python sees are thin
 * wrappers that check arguments and call them.
 *
 * A future keeps its first done-callback in a slot of its own and makes a
 * list only for the second one: nearly every future has exactly one
 * callback, the task waiting for it.
 *
 * `await future` yields the future once (with _asyncio_future_blocking set,
 * which is how a task recognises a future it must wait for) and then
 * returns its result. A result of None ends the iteration without creating
 * a StopIteration object at all.
 */
#include <string.h>

#include "mod/asyncio_c.h"

/* ------------------------------------------------------------------ */
/* Future: the state machine                                             */
/* ------------------------------------------------------------------ */

static const char *future_state_name(future_state_t s)
{
    return s == FUTURE_PENDING ? "PENDING" : s == FUTURE_CANCELLED ? "CANCELLED" : "FINISHED";
}

/* How many times a done-callback is offered to the loop when the offer
   runs out of memory. A callback that is dropped is a wake-up lost for good
   (the future is already done, nobody will schedule it again), so a
   transient failure is worth a few more tries. */
#define FUTURE_SCHEDULE_ATTEMPTS 8

/* Hands one done-callback (a task's wake-up, if [wakeup]) to the loop. */
static int future_schedule_one(future_t *fut, gp_object_t *callback, bool wakeup)
{
    for (int attempt = 1;; attempt++) {
        int rc = wakeup ? gp_aio_task_schedule_wakeup(TASK(callback), fut)
                        : gp_aio_loop_call_soon(fut->loop, callback, (gp_object_t *)fut);
        if (rc == 0)
            return 0;
        if (!gp_err_matches(&gp_exc_MemoryError))
            return -1;
        if (attempt == FUTURE_SCHEDULE_ATTEMPTS) {
            asyncio_state_t *st = gp_aio_state();
            if (st)
                st->lost_callback = true;
            return -1;
        }
        gp_err_clear();
    }
}

future_extra_t *gp_aio_future_extra(future_t *fut)
{
    if (!fut->extra) {
        fut->extra = gp_mem_calloc(1, sizeof *fut->extra);
        if (!fut->extra)
            gp_err_no_memory();
    }
    return fut->extra;
}

/* Puts the done future [fut] itself on its loop's ready list, where the
   Handles of its done-callbacks would have gone, with the callbacks left
   in its slots: on our own loop class only, whose _run_ready() knows such
   futures. Saves a Handle, an argument tuple and a call of the Python
   call_soon() per callback (a gather() of 100,000 tasks has 100,000 such
   callbacks). Callbacks queued in a row run in a row, so running them all
   where the first Handle would have been keeps CPython's order. True if
   queued; false (no exception) if the caller must use call_soon(). */
static bool future_queue_self(future_t *fut)
{
    gp_object_t *loop = fut->loop;
    asyncio_state_t *st = gp_aio_state();
    if (fut->callbacks_queued || !loop || !st || !st->fast_loop_type ||
        GP_TYPE(loop) != (gp_type_t *)st->fast_loop_type)
        return false;
    /* A closed loop makes call_soon() raise, as it should. */
    gp_object_t *closed = gp_object_getattr_cstr(loop, "_closed");
    int is_closed = closed ? gp_object_is_true(closed) : -1;
    GP_XDECREF(closed);
    gp_object_t *ready = is_closed == 0 ? gp_object_getattr_cstr(loop, "_ready") : NULL;
    bool queued = ready && gp_list_check(ready) && gp_list_append(ready, &fut->base) == 0;
    GP_XDECREF(ready);
    if (gp_err_occurred())
        gp_err_clear(); /* call_soon() will meet the same trouble and say so */
    fut->callbacks_queued = queued;
    return queued;
}

/* Hands every done-callback to the loop, in the order they were added. */
static int future_schedule_callbacks(future_t *fut)
{
    gp_object_t *first = fut->callback0, *rest = FUTURE_CALLBACKS(fut);
    bool first_is_wakeup = fut->callback0_wakeup;
    int rc = 0;
    if (first && first_is_wakeup) {
        /* A task's wake-up goes on the ready list as the task itself. */
        fut->callback0 = NULL;
        fut->callback0_wakeup = false;
        rc = future_schedule_one(fut, first, true);
        GP_DECREF(first);
        first = NULL;
        /* That may have run Python code (call_soon) that changed the rest. */
        rest = FUTURE_CALLBACKS(fut);
    }
    if (rc == 0 && (first || rest) && future_queue_self(fut))
        return 0;
    fut->callback0 = NULL;
    fut->callback0_wakeup = false;
    if (rest)
        fut->extra->callbacks = NULL;
    if (first) {
        rc = future_schedule_one(fut, first, false);
        GP_DECREF(first);
    }
    if (rest) {
        for (intptr_t i = 0; rc == 0 && i < GP_LIST_SIZE(rest); i++)
            rc = future_schedule_one(fut, GP_LIST_GET(rest, i), false);
        GP_DECREF(rest);
    }
    return rc;
}

gp_object_t *gp_aio_future_make_cancelled_error(future_t *fut)
{
    if (FUTURE_CANCELLED_EXC(fut)) {
        gp_object_t *exc = fut->extra->cancelled_exc;
        fut->extra->cancelled_exc = NULL;
        return exc;
    }
    gp_object_t *cls = gp_aio_lookup("asyncio.exceptions", "CancelledError");
    if (!cls)
        return NULL;
    gp_object_t *msg = FUTURE_CANCEL_MESSAGE(fut);
    gp_object_t *exc = msg ? gp_object_call1(cls, msg) : gp_object_call0(cls);
    GP_DECREF(cls);
    return exc;
}

static void future_raise_cancelled(future_t *fut)
{
    gp_object_t *exc = gp_aio_future_make_cancelled_error(fut);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

/* Future.cancel(msg): 1 if it was cancelled now, 0 if already done. */
int gp_aio_future_cancel(future_t *fut, gp_object_t *msg)
{
    fut->log_traceback = false;
    if (fut->state != FUTURE_PENDING)
        return 0;
    /* The message needs the extra part: make it before anything changes. */
    if (msg && !gp_aio_future_extra(fut))
        return -1;
    fut->state = FUTURE_CANCELLED;
    if (fut->extra)
        GP_SETREF(fut->extra->cancel_message, msg ? GP_INCREF(msg) : NULL);
    return future_schedule_callbacks(fut) < 0 ? -1 : 1;
}

int gp_aio_future_set_result(future_t *fut, gp_object_t *result)
{
    if (fut->state != FUTURE_PENDING) {
        gp_aio_raise("InvalidStateError", "invalid state");
        return -1;
    }
    GP_SETREF(fut->result, GP_INCREF(result));
    fut->state = FUTURE_FINISHED;
    return future_schedule_callbacks(fut);
}

int gp_aio_future_set_exception(future_t *fut, gp_object_t *exception)
{
    if (fut->state != FUTURE_PENDING) {
        gp_aio_raise("InvalidStateError", "invalid state");
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
    if (!gp_aio_future_extra(fut)) {
        GP_DECREF(exc);
        return -1;
    }
    GP_SETREF(fut->extra->exception, exc);
    fut->state = FUTURE_FINISHED;
    fut->log_traceback = true;
    return future_schedule_callbacks(fut);
}

/* result(): new reference, or NULL with the future's exception raised. */
gp_object_t *gp_aio_future_result(future_t *fut)
{
    if (fut->state == FUTURE_CANCELLED) {
        future_raise_cancelled(fut);
        return NULL;
    }
    if (fut->state != FUTURE_FINISHED) {
        gp_aio_raise("InvalidStateError", "Result is not set.");
        return NULL;
    }
    fut->log_traceback = false;
    if (FUTURE_EXCEPTION(fut)) {
        gp_err_set_exception(fut->extra->exception);
        return NULL;
    }
    return GP_INCREF(fut->result ? fut->result : gp_None);
}

/* Runs one queued done-callback [callback](fut); its error goes to the
   loop's exception handler, as Handle._run would send it. */
static int future_run_callback(future_t *fut, gp_object_t *callback)
{
    gp_object_t *self = &fut->base;
    gp_object_t *r = gp_object_call(callback, &self, 1, NULL);
    if (r) {
        GP_DECREF(r);
        return 0;
    }
    if (gp_err_matches(&gp_exc_SystemExit) || gp_err_matches(&gp_exc_KeyboardInterrupt))
        return -1;
    gp_object_t *exc = gp_err_fetch();
    /* The report names the Handle the callback would have had. */
    gp_object_t *args = gp_tuple_pack(1, self);
    gp_object_t *hargs[3] = {callback, args, fut->loop};
    gp_object_t *handle =
        args ? gp_object_call((gp_object_t *)&gp_aio_handle_type, hargs, 3, NULL) : NULL;
    int rc = handle ? gp_aio_handle_report(fut->loop, callback, args, handle, exc) : -1;
    gp_aio_note_lost_memory(exc);
    GP_XDECREF(handle);
    GP_XDECREF(args);
    GP_DECREF(exc);
    return rc;
}

int gp_aio_future_run_queued(future_t *fut)
{
    if (!fut->callbacks_queued)
        return 0;
    fut->callbacks_queued = false;
    gp_object_t *first = fut->callback0, *rest = FUTURE_CALLBACKS(fut);
    fut->callback0 = NULL;
    if (rest)
        fut->extra->callbacks = NULL;
    GP_INCREF(&fut->base);
    int rc = 0;
    if (first) {
        rc = future_run_callback(fut, first);
        GP_DECREF(first);
    }
    if (rest) {
        for (intptr_t i = 0; rc == 0 && i < GP_LIST_SIZE(rest); i++)
            rc = future_run_callback(fut, GP_LIST_GET(rest, i));
        GP_DECREF(rest);
    }
    GP_DECREF(&fut->base);
    return rc;
}

/* Adds [task]'s wakeup as a done-callback. In the first slot it is the task
   itself, marked, rather than a bound method: one object fewer per wait. */
int gp_aio_future_add_wakeup(future_t *fut, task_t *task)
{
    if (fut->state == FUTURE_PENDING && !fut->callback0) {
        fut->callback0 = GP_INCREF(&task->future.base);
        fut->callback0_wakeup = true;
        return 0;
    }
    gp_object_t *wakeup = gp_aio_task_wakeup_callback(task);
    if (!wakeup)
        return -1;
    int rc = gp_aio_future_add_callback(fut, wakeup);
    GP_DECREF(wakeup);
    return rc;
}

int gp_aio_future_add_callback(future_t *fut, gp_object_t *fn)
{
    if (fut->state != FUTURE_PENDING)
        return gp_aio_loop_call_soon(fut->loop, fn, (gp_object_t *)fut);
    if (!fut->callback0) {
        fut->callback0 = GP_INCREF(fn);
        return 0;
    }
    future_extra_t *extra = gp_aio_future_extra(fut);
    if (!extra || (!extra->callbacks && !(extra->callbacks = gp_list_new(0))))
        return -1;
    return gp_list_append(extra->callbacks, fn);
}

/* ------------------------------------------------------------------ */
/* Future: the object                                                    */
/* ------------------------------------------------------------------ */

int gp_aio_future_init_loop(future_t *fut, gp_object_t *loop)
{
    if (!loop || loop == gp_None) {
        gp_object_t *get = gp_aio_lookup("asyncio.events", "get_event_loop");
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

gp_object_t *gp_aio_future_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
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
    GP_CLEAR(fut->callback0);
    fut->callback0_wakeup = false;
    fut->callbacks_queued = false;
    if (fut->extra) {
        GP_CLEAR(fut->extra->exception);
        GP_CLEAR(fut->extra->callbacks);
    }
    fut->state = FUTURE_PENDING;
    fut->log_traceback = false;
    return gp_aio_future_init_loop(fut, loop);
}

int gp_aio_future_traverse_fields(future_t *fut, gp_visit_fn visit, void *arg)
{
    future_extra_t *x = fut->extra;
    gp_object_t *fields[] = {fut->loop,
                             fut->callback0,
                             fut->result,
                             x ? x->callbacks : NULL,
                             x ? x->exception : NULL,
                             x ? x->cancel_message : NULL,
                             x ? x->cancelled_exc : NULL,
                             x ? x->context : NULL};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] && GP_IS_PTR(fields[i])) {
            int rc = visit(fields[i], arg);
            if (rc)
                return rc;
        }
    }
    return 0;
}

void gp_aio_future_clear_fields(future_t *fut)
{
    GP_CLEAR(fut->loop);
    GP_CLEAR(fut->callback0);
    fut->callback0_wakeup = false;
    GP_CLEAR(fut->result);
    /* Detached first: clearing a field may run code that looks at it. */
    future_extra_t *x = fut->extra;
    fut->extra = NULL;
    if (x) {
        GP_CLEAR(x->callbacks);
        GP_CLEAR(x->exception);
        GP_CLEAR(x->cancel_message);
        GP_CLEAR(x->cancelled_exc);
        GP_CLEAR(x->context);
        gp_mem_free(x);
    }
}

static int future_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    return gp_aio_future_traverse_fields(FUTURE(self), visit, arg);
}

static int future_clear(gp_object_t *self)
{
    gp_aio_future_clear_fields(FUTURE(self));
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
bool gp_aio_future_finalize(gp_object_t *self)
{
    future_t *fut = FUTURE(self);
    bool is_task = gp_aio_task_check(self);
    bool never_retrieved =
        fut->state == FUTURE_FINISHED && fut->log_traceback && FUTURE_EXCEPTION(fut);
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
        ctx = finalize_context(message, "future", self, fut->extra->exception);
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
    if (gp_aio_future_finalize(self))
        return;
    gp_gc_untrack(self);
    gp_aio_future_clear_fields(FUTURE(self));
    gp_type_t *type = GP_TYPE(self);
    gp_object_free(self);
    if (type == &gp_aio_future_type || type == &gp_aio_task_type)
        return;
    /* gp_subtype_dealloc drops the heap type's reference itself. */
}

/* -- Python-visible methods ---------------------------------------- */

AIO_METHOD(future_result_method)
{
    if (gp_args_check("result", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_aio_future_result(FUTURE(self));
}

AIO_METHOD(future_exception_method)
{
    if (gp_args_check("exception", nargs, kwnames, 0, 0) < 0)
        return NULL;
    future_t *fut = FUTURE(self);
    if (fut->state == FUTURE_CANCELLED) {
        future_raise_cancelled(fut);
        return NULL;
    }
    if (fut->state != FUTURE_FINISHED) {
        gp_aio_raise("InvalidStateError", "Exception is not set.");
        return NULL;
    }
    fut->log_traceback = false;
    gp_object_t *exc = FUTURE_EXCEPTION(fut);
    return GP_INCREF(exc ? exc : gp_None);
}

AIO_METHOD(future_set_result_method)
{
    if (gp_args_check("set_result", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (gp_aio_future_set_result(FUTURE(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

AIO_METHOD(future_set_exception_method)
{
    if (gp_args_check("set_exception", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (gp_aio_future_set_exception(FUTURE(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

AIO_METHOD(future_add_done_callback_method)
{
    static const char *const names[] = {"fn", "$context", NULL};
    gp_object_t *values[2] = {NULL, NULL};
    if (gp_args_parse("add_done_callback", args, nargs, kwnames, names, 1, values) < 0)
        return NULL;
    if (gp_aio_future_add_callback(FUTURE(self), values[0]) < 0)
        return NULL;
    return gp_none_new();
}

AIO_METHOD(future_remove_done_callback_method)
{
    if (gp_args_check("remove_done_callback", nargs, kwnames, 1, 1) < 0)
        return NULL;
    future_t *fut = FUTURE(self);
    gp_object_t *fn = args[0];
    int64_t removed = 0;
    /* Queued callbacks are the loop's now, as Handles would be. */
    if (fut->callbacks_queued)
        return gp_int_from_i64(0);
    if (fut->callback0) {
        int eq = gp_object_richcompare_bool(fut->callback0, fn, GP_CMP_EQ);
        if (eq < 0)
            return NULL;
        if (eq) {
            GP_CLEAR(fut->callback0);
            fut->callback0_wakeup = false;
            removed++;
        }
    }
    if (FUTURE_CALLBACKS(fut)) {
        gp_object_t *kept = gp_list_new(0);
        if (!kept)
            return NULL;
        gp_object_t *list = GP_INCREF(fut->extra->callbacks);
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
        /* An equality test may have run code that dropped the extra part. */
        if (!gp_aio_future_extra(fut)) {
            GP_DECREF(kept);
            return NULL;
        }
        GP_SETREF(fut->extra->callbacks, GP_LIST_SIZE(kept) ? kept : NULL);
        if (!fut->extra->callbacks)
            GP_DECREF(kept);
    }
    /* Keep the first-callback slot filled when a list remains. */
    if (!fut->callback0 && FUTURE_CALLBACKS(fut)) {
        gp_object_t *list = fut->extra->callbacks;
        fut->callback0 = GP_INCREF(GP_LIST_GET(list, 0));
        gp_object_t *rest =
            gp_list_from_array(GP_LIST_ITEMS(list) + 1, (size_t)GP_LIST_SIZE(list) - 1);
        if (!rest)
            return NULL;
        GP_SETREF(fut->extra->callbacks, GP_LIST_SIZE(rest) ? rest : NULL);
        if (!fut->extra->callbacks)
            GP_DECREF(rest);
    }
    return gp_int_from_i64(removed);
}

/* Parses cancel(msg=None). */
int gp_aio_parse_cancel_msg(gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
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

AIO_METHOD(future_cancel_method)
{
    gp_object_t *msg;
    if (gp_aio_parse_cancel_msg(args, nargs, kwnames, &msg) < 0)
        return NULL;
    int rc = gp_aio_future_cancel(FUTURE(self), msg);
    if (rc < 0)
        return NULL;
    return gp_bool_from(rc == 1);
}

AIO_METHOD(future_cancelled_method)
{
    if (gp_args_check("cancelled", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(FUTURE(self)->state == FUTURE_CANCELLED);
}

AIO_METHOD(future_done_method)
{
    if (gp_args_check("done", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(FUTURE(self)->state != FUTURE_PENDING);
}

AIO_METHOD(future_get_loop_method)
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

AIO_METHOD(future_make_cancelled_error_method)
{
    if (gp_args_check("_make_cancelled_error", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_aio_future_make_cancelled_error(FUTURE(self));
}

AIO_METHOD(future_await_method)
{
    if (gp_args_check("__await__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    future_iter_t *it = (future_iter_t *)gp_object_alloc(&gp_aio_future_iter_type, 0);
    if (!it)
        return NULL;
    it->future = GP_INCREF(self);
    gp_gc_track(&it->base);
    return &it->base;
}

/* repr() is built by Python code shared with the reference classes. */
gp_object_t *gp_aio_future_repr(gp_object_t *self)
{
    bool is_task = gp_aio_task_check(self);
    gp_object_t *fn = gp_aio_lookup(is_task ? "asyncio.tasks" : "asyncio.futures",
                                    is_task ? "_task_repr" : "_future_repr");
    if (!fn)
        return NULL;
    gp_object_t *r = gp_object_call1(fn, self);
    GP_DECREF(fn);
    return r;
}

/* -- attributes ------------------------------------------------------ */

gp_object_t *gp_aio_future_get_state(gp_object_t *self, void *closure)
{
    return gp_str_intern_cstr(future_state_name(FUTURE(self)->state));
}

OPTIONAL_FIELD_GETTER(future_get_loop_attr, FUTURE(self)->loop)
OPTIONAL_FIELD_GETTER(future_get_result_attr, FUTURE(self)->result)
OPTIONAL_FIELD_GETTER(future_get_exception_attr, FUTURE_EXCEPTION(FUTURE(self)))

gp_object_t *gp_aio_future_get_result(gp_object_t *self, void *closure)
{
    return future_get_result_attr(self, closure);
}

gp_object_t *gp_aio_future_get_exception(gp_object_t *self, void *closure)
{
    return future_get_exception_attr(self, closure);
}
OPTIONAL_FIELD_GETTER(future_get_cancel_message, FUTURE_CANCEL_MESSAGE(FUTURE(self)))
OPTIONAL_FIELD_GETTER(future_get_cancelled_exc, FUTURE_CANCELLED_EXC(FUTURE(self)))

gp_object_t *gp_aio_get_none(gp_object_t *self, void *closure)
{
    return gp_none_new();
}

static int future_set_cancel_message(gp_object_t *self, gp_object_t *value, void *closure)
{
    future_extra_t *x = gp_aio_future_extra(FUTURE(self));
    if (!x)
        return -1;
    GP_SETREF(x->cancel_message, value && value != gp_None ? GP_INCREF(value) : NULL);
    return 0;
}

static int future_set_cancelled_exc(gp_object_t *self, gp_object_t *value, void *closure)
{
    future_extra_t *x = gp_aio_future_extra(FUTURE(self));
    if (!x)
        return -1;
    GP_SETREF(x->cancelled_exc, value && value != gp_None ? GP_INCREF(value) : NULL);
    return 0;
}

gp_object_t *gp_aio_future_get_callbacks(gp_object_t *self, void *closure)
{
    future_t *fut = FUTURE(self);
    if (!fut->callback0 || fut->callbacks_queued)
        return gp_none_new();
    gp_object_t *first = fut->callback0_wakeup ? gp_aio_task_wakeup_callback(TASK(fut->callback0))
                                               : GP_INCREF(fut->callback0);
    if (!first)
        return NULL;
    gp_object_t *list = gp_list_from_array(&first, 1);
    GP_DECREF(first);
    if (list && FUTURE_CALLBACKS(fut) && gp_list_extend(list, fut->extra->callbacks) < 0) {
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
    {"_state", gp_aio_future_get_state, NULL, NULL, NULL},
    {"_loop", future_get_loop_attr, NULL, NULL, NULL},
    {"_result", future_get_result_attr, NULL, NULL, NULL},
    {"_exception", future_get_exception_attr, NULL, NULL, NULL},
    {"_callbacks", gp_aio_future_get_callbacks, NULL, NULL, NULL},
    {"_cancel_message", future_get_cancel_message, future_set_cancel_message, NULL, NULL},
    {"_cancelled_exc", future_get_cancelled_exc, future_set_cancelled_exc, NULL, NULL},
    {"_asyncio_future_blocking", future_get_blocking, future_set_blocking, NULL, NULL},
    {"_log_traceback", future_get_log_traceback, future_set_log_traceback, NULL, NULL},
    {"_source_traceback", gp_aio_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_aio_future_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio.Future",
    .basicsize = sizeof(future_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = future_dealloc,
    .new_ = gp_aio_future_new,
    .init = future_init,
    .repr = gp_aio_future_repr,
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
    gp_object_t *result = gp_aio_future_result(fut);
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

gp_object_t *gp_aio_throw_exception(gp_object_t *const *args, size_t nargs)
{
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
    return exc;
}

static gp_object_t *future_iter_throw(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("throw", nargs, kwnames, 1, 3) < 0)
        return NULL;
    future_iter_t *it = (future_iter_t *)self;
    GP_CLEAR(it->future);
    gp_object_t *exc = gp_aio_throw_exception(args, nargs);
    if (!exc)
        return NULL;
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

gp_type_t gp_aio_future_iter_type = {
    GP_TYPE_HEAD_INIT,          .name = "_asyncio.FutureIter",  .basicsize = sizeof(future_iter_t),
    .flags = GP_TYPE_FLAG_GC,   .dealloc = future_iter_dealloc, .hash = gp_object_default_hash,
    .iter = future_iter_iter,   .iternext = future_iter_next,   .traverse = future_iter_traverse,
    .clear = future_iter_clear, .methods = future_iter_methods,
};
