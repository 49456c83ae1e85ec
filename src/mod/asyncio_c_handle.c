/*
 * asyncio_c_handle.c - asyncio's Handle and TimerHandle in C, and the inner
 * loop that runs the ready ones.
 *
 * Design notes
 * ------------
 * A Handle is a callback, its arguments and the loop it was scheduled on;
 * a TimerHandle adds the loop time it is due at. lib/asyncio/events.py has
 * the same classes in Python (the fallback and the reference); the loop
 * uses these when the module is there. _run_ready() runs a whole ready list
 * without returning to Python between callbacks, and _ready_due() moves the
 * timer handles the C heap popped (src/mod/uvloop.c) onto the ready list.
 *
 * An exception a callback raises goes to the loop's exception handler with
 * the message "Exception in callback ...", except SystemExit and
 * KeyboardInterrupt, which stop the loop, as in CPython.
 */
#include <string.h>

#include "mod/asyncio_c.h"
#include "mod/contextvars.h"
#include "mod/uvloop.h"

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
    /* added by contextvars: the context given, else a copy of the current
       one, as CPython's Handle takes; NULL stands for an empty copy, made
       only if the callback needs it (gp_context_scope_enter). */
    context = context && context != gp_None ? GP_INCREF(context) : gp_context_capture();
    if (!context && gp_err_occurred())
        return -1;
    GP_SETREF(h->context, context);
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
int gp_aio_handle_report(gp_object_t *loop, gp_object_t *callback, gp_object_t *args,
                         gp_object_t *handle, gp_object_t *exc)
{
    int rc = 0;
    gp_object_t *fmt = gp_aio_lookup("asyncio.events", "_format_callback");
    gp_object_t *cb = fmt ? gp_object_call(fmt, (gp_object_t *[]){callback, args}, 2, NULL) : NULL;
    GP_XDECREF(fmt);
    gp_object_t *msg = cb ? gp_str_from_format("Exception in callback %U", cb) : NULL;
    GP_XDECREF(cb);
    gp_object_t *ctx = msg ? gp_dict_new() : NULL;
    if (ctx && gp_dict_setitem_cstr(ctx, "message", msg) == 0 &&
        gp_dict_setitem_cstr(ctx, "exception", exc) == 0 &&
        gp_dict_setitem_cstr(ctx, "handle", handle) == 0) {
        gp_object_t *hr = gp_object_call_method(loop, "call_exception_handler", &ctx, 1);
        if (hr)
            GP_DECREF(hr);
        else
            rc = -1;
    } else {
        rc = -1;
    }
    GP_XDECREF(ctx);
    GP_XDECREF(msg);
    return rc;
}

static int handle_run_impl(handle_t *h)
{
    gp_object_t *callback = h->callback, *args = h->args;
    if (!callback)
        return 0;
    GP_INCREF(callback);
    GP_INCREF(args);
    /* added by contextvars: the callback runs in the handle's context. */
    gp_context_scope_t scope;
    gp_object_t *r = NULL;
    if (gp_context_scope_enter(&scope, h->context) == 0) {
        r = gp_object_call(callback, GP_TUPLE_ITEMS(args), (size_t)GP_TUPLE_SIZE(args), NULL);
        gp_object_t *made = gp_context_scope_leave(&scope);
        if (made && !h->context)
            h->context = made;
        else
            GP_XDECREF(made);
    }
    int rc = 0;
    if (r) {
        GP_DECREF(r);
    } else if (gp_err_matches(&gp_exc_SystemExit) || gp_err_matches(&gp_exc_KeyboardInterrupt)) {
        rc = -1;
    } else {
        gp_object_t *exc = gp_err_fetch();
        rc = gp_aio_handle_report(h->loop, callback, args, &h->base, exc);
        gp_aio_note_lost_memory(exc);
        GP_DECREF(exc);
    }
    GP_DECREF(callback);
    GP_DECREF(args);
    return rc;
}

AIO_METHOD(handle_cancel_method)
{
    if (gp_args_check("cancel", nargs, kwnames, 0, 0) < 0)
        return NULL;
    handle_t *h = HANDLE(self);
    if (!h->cancelled && h->scheduled && GP_TYPE(self) != &gp_aio_handle_type && h->loop) {
        gp_object_t *r = gp_object_call_method(h->loop, "_timer_handle_cancelled", &self, 1);
        if (!r)
            return NULL;
        GP_DECREF(r);
    }
    handle_cancel_impl(h);
    return gp_none_new();
}

AIO_METHOD(handle_cancelled_method)
{
    if (gp_args_check("cancelled", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(HANDLE(self)->cancelled);
}

/* added by contextvars: the handle's context; an empty copy is made when
   first asked for. */
static gp_object_t *handle_get_context(gp_object_t *self, void *closure)
{
    handle_t *h = HANDLE(self);
    if (!h->context && !(h->context = gp_context_new_empty()))
        return NULL;
    return GP_INCREF(h->context);
}

AIO_METHOD(handle_get_context_method)
{
    if (gp_args_check("get_context", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return handle_get_context(self, NULL);
}

AIO_METHOD(handle_run_method)
{
    if (gp_args_check("_run", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (handle_run_impl(HANDLE(self)) < 0)
        return NULL;
    return gp_none_new();
}

AIO_METHOD(timer_handle_when_method)
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
    if (gp_type_is_subtype(GP_TYPE(self), &gp_aio_timer_handle_type)) {
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
        gp_object_t *fmt = gp_aio_lookup("asyncio.events", "_format_callback");
        gp_object_t *cb =
            fmt ? gp_object_call(fmt, (gp_object_t *[]){h->callback, h->args}, 2, NULL) : NULL;
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
    if (!gp_type_is_subtype(GP_TYPE(a), &gp_aio_timer_handle_type) ||
        !gp_type_is_subtype(GP_TYPE(b), &gp_aio_timer_handle_type))
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
            eq = x->args && y->args ? gp_object_richcompare_bool(x->args, y->args, GP_CMP_EQ) : 0;
            if (eq < 0)
                return NULL;
        }
    }
    bool r;
    switch (op) {
    case GP_CMP_LT:
        r = x->when < y->when;
        break;
    case GP_CMP_GT:
        r = x->when > y->when;
        break;
    case GP_CMP_LE:
        r = x->when < y->when || eq;
        break;
    case GP_CMP_GE:
        r = x->when > y->when || eq;
        break;
    case GP_CMP_EQ:
        r = eq;
        break;
    default:
        r = !eq;
        break;
    }
    return gp_bool_from(r);
}

OPTIONAL_FIELD_GETTER(handle_get_callback, HANDLE(self)->callback)
OPTIONAL_FIELD_GETTER(handle_get_args, HANDLE(self)->args)
OPTIONAL_FIELD_GETTER(handle_get_loop, HANDLE(self)->loop)

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
    {"_repr", gp_aio_get_none, NULL, NULL, NULL},
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

gp_type_t gp_aio_handle_type = {
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

gp_type_t gp_aio_timer_handle_type = {
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
   (SystemExit, KeyboardInterrupt) stops it, as in BaseEventLoop._run_once.
   So does a wake-up lost for want of memory (asyncio_state_t.lost_callback):
   the program gets MemoryError rather than a loop that waits forever. */
gp_object_t *gp_aio_run_ready(gp_object_t *self, gp_object_t *const *args, size_t nargs,
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
        /* Take the handle out of the list: what it holds is freed as soon
           as it ran, not when the whole list is done (100,000 task steps
           are 100,000 handles). */
        gp_object_t *h = GP_LIST_GET(list, i);
        GP_LIST_ITEMS(list)[i] = GP_INCREF(gp_None);
        if (gp_aio_handle_check(h)) {
            if (!HANDLE(h)->cancelled)
                rc = handle_run_impl(HANDLE(h));
        } else if (gp_aio_future_check(h) && FUTURE(h)->callbacks_queued) {
            /* Checked before a sleep's timer: a sleep cancelled while its
               timer entry was about to be due sits here twice. */
            rc = gp_aio_future_run_queued(FUTURE(h));
        } else if (GP_IS_TYPE(h, gp_aio_sleep_type)) {
            rc = gp_aio_sleep_fire(SLEEP(h));
        } else if (gp_aio_task_check(h) && TASK(h)->queued != TASK_QUEUED_NONE) {
            rc = gp_aio_task_run_queued(TASK(h));
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
    /* Checked after the round, before the loop can go to sleep for good.
       The flag stays set: a task that lost its wake-up cannot be cancelled
       either (its cancel waits for that wake-up), so asyncio.run()'s clean-
       up rounds must fail too rather than wait for it. */
    asyncio_state_t *st = gp_aio_state();
    if (st && st->lost_callback) {
        gp_err_no_memory();
        return NULL;
    }
    return gp_none_new();
}

/* Moves one due timer handle [h] to the [ready] list, clearing its
   `_scheduled` flag, unless it was cancelled (then counted in *cancelled). */
static int due_to_ready(gp_object_t *h, gp_object_t *ready, int64_t *cancelled)
{
    if (gp_aio_handle_check(h)) {
        if (HANDLE(h)->cancelled) {
            (*cancelled)++;
            return 0;
        }
        HANDLE(h)->scheduled = false;
    } else if (GP_IS_TYPE(h, gp_aio_sleep_type)) {
        /* A sleep whose coroutine finished first (cancelled). */
        if (SLEEP(h)->timer_state != SLEEP_TIMER_IN_HEAP) {
            (*cancelled)++;
            return 0;
        }
        SLEEP(h)->timer_state = SLEEP_TIMER_DUE;
    } else {
        gp_object_t *flag = gp_object_getattr_cstr(h, "_cancelled");
        int c = flag ? gp_object_is_true(flag) : -1;
        GP_XDECREF(flag);
        if (c < 0)
            return -1;
        if (c) {
            (*cancelled)++;
            return 0;
        }
        if (gp_object_setattr_cstr(h, "_scheduled", gp_False) < 0)
            return -1;
    }
    return gp_list_append(ready, h);
}

/* _ready_due(due, ready): moves the timer handles popped from the heap to
   the ready list; returns how many were cancelled (the loop keeps a count
   of those). */
gp_object_t *gp_aio_ready_due(gp_object_t *self, gp_object_t *const *args, size_t nargs,
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
        if (due_to_ready(GP_LIST_GET(due, i), ready, &cancelled) < 0)
            return NULL;
    }
    return gp_int_from_i64(cancelled);
}

/* _ready_due_from(core, end, ready): the same straight from the C heap of
   the _gpuv.Loop [core], for the timers due at or before [end], without a
   list of them in between (100,000 timers due at once are 800 KB). */
gp_object_t *gp_aio_ready_due_from(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("_ready_due_from", nargs, kwnames, 3, 3) < 0)
        return NULL;
    gp_object_t *core = args[0], *ready = args[2];
    double end = gp_float_as_double(args[1]);
    if (end == -1.0 && gp_err_occurred())
        return NULL;
    if (!gp_list_check(ready)) {
        gp_err_set_string(&gp_exc_TypeError, "_ready_due_from() expects a list");
        return NULL;
    }
    int64_t cancelled = 0;
    gp_object_t *h;
    while ((h = gp_uvloop_timer_pop_due(core, end))) {
        int rc = due_to_ready(h, ready, &cancelled);
        GP_DECREF(h);
        if (rc < 0)
            return NULL;
    }
    return gp_int_from_i64(cancelled);
}
