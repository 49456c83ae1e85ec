/*
 * asyncio_c_sleep.c - asyncio.sleep() as one C object.
 *
 * Design notes
 * ------------
 * CPython's sleep() is a coroutine that makes a Future, schedules a
 * TimerHandle that will set its result, and awaits the future through a
 * FutureIter. A task that sleeps once therefore carries, while it sleeps,
 * the sleep coroutine and its frame, the Future, the FutureIter, the
 * TimerHandle and its argument tuple: six objects, about 600 bytes, and
 * three Python-level calls to set them up. With 100,000 sleeping tasks that
 * is most of the memory and much of the time.
 *
 * Here `asyncio.sleep(delay, result)` returns a single object that is both
 * the coroutine and the future:
 *
 *   - As a coroutine it has send/throw/close/__await__ (so
 *     asyncio.iscoroutine() accepts it, a Task can wrap it and `await`
 *     drives it), and it runs the same steps as CPython's body: nothing
 *     happens until the first step; `delay <= 0` is evaluated there (so a
 *     bad delay raises the same TypeError, at the same moment); sleep(0)
 *     yields None once; otherwise it finds the running loop, schedules its
 *     timer and yields itself.
 *   - As a future it is a subclass of the C Future, so the Task code treats
 *     it as one of its own futures: the task's wakeup goes into its first
 *     callback slot, task.cancel() cancels it in C, and repr(task) shows it
 *     as "wait_for=<Future pending cb=[Task.task_wakeup()]>" as CPython's
 *     does. Until it has started, its _asyncio_future_blocking is None, so
 *     asyncio.isfuture() says no and ensure_future() and gather() wrap it
 *     in a Task, as they wrap CPython's sleep coroutine; what its first step
 *     yields (itself) is a future for any Task, C or Python. The one visible
 *     difference: isinstance(asyncio.sleep(1), asyncio.Future) is true.
 *   - Its timer is the loop's C timer heap entry itself (src/mod/uvloop.c):
 *     the heap holds this object instead of a TimerHandle. When the entry
 *     is due, _ready_due() puts the object on the ready list, and
 *     _run_ready() sets its result where the TimerHandle's callback would
 *     have run, so callbacks fire in CPython's order. For a loop that is
 *     not ours (a subclass or a third-party loop) it asks loop.call_later()
 *     for a TimerHandle like CPython does.
 *
 * What the `finally: h.cancel()` of CPython's body does happens when the
 * object finishes: a timer that has not fired is marked cancelled (and the
 * loop told, so that it can purge cancelled entries as it does for
 * TimerHandles). Awaiting the object twice raises "cannot reuse already
 * awaited coroutine", as for any coroutine.
 */
#include <stdio.h>
#include <string.h>

#include "mod/asyncio_c.h"
#include "mod/uvloop.h"

/* The running task of this thread while its coroutine steps (borrowed), so
   that sleep() finds its loop without a call into Python. Per thread
   because every thread may run its own loop and the GIL can switch threads
   in the middle of a step. */
static _Thread_local task_t *running_task;

task_t *gp_aio_running_task_swap(task_t *task)
{
    task_t *previous = running_task;
    running_task = task;
    return previous;
}

task_t *gp_aio_running_task(void)
{
    return running_task;
}

/* -- the timer ------------------------------------------------------- */

/* Marks the timer cancelled, as CPython's `finally: h.cancel()`. */
static int sleep_cancel_timer(sleep_t *s)
{
    if (s->delay_or_timer) {
        gp_object_t *timer = s->delay_or_timer;
        s->delay_or_timer = NULL;
        gp_object_t *r = gp_object_call_method(timer, "cancel", NULL, 0);
        GP_DECREF(timer);
        if (!r)
            return -1;
        GP_DECREF(r);
        return 0;
    }
    if (s->timer_state != SLEEP_TIMER_IN_HEAP)
        return 0;
    s->timer_state = SLEEP_TIMER_CANCELLED;
    gp_object_t *self = &s->future.base;
    gp_object_t *r = gp_object_call_method(s->future.loop, "_timer_handle_cancelled", &self, 1);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* The timer fired: set the result unless the sleep was cancelled. */
int gp_aio_sleep_fire(sleep_t *s)
{
    if (s->timer_state == SLEEP_TIMER_IN_HEAP || s->timer_state == SLEEP_TIMER_DUE)
        s->timer_state = SLEEP_TIMER_FIRED;
    if (s->future.state != FUTURE_PENDING)
        return 0;
    gp_object_t *value = s->future.result ? GP_INCREF(s->future.result) : GP_INCREF(gp_None);
    int rc = gp_aio_future_set_result(&s->future, value);
    GP_DECREF(value);
    return rc;
}

static gp_object_t *sleep_fire_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("_fire", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (gp_aio_sleep_fire(SLEEP(self)) < 0)
        return NULL;
    return gp_none_new();
}

static const gp_method_def_t sleep_fire_def = {"_fire", sleep_fire_method, 0, NULL};

/* The loop this step runs on: the running task's, or get_running_loop(). */
static gp_object_t *sleep_running_loop(void)
{
    if (running_task && running_task->future.loop)
        return GP_INCREF(running_task->future.loop);
    gp_object_t *get = gp_aio_lookup("asyncio.events", "get_running_loop");
    gp_object_t *loop = get ? gp_object_call0(get) : NULL;
    GP_XDECREF(get);
    return loop;
}

/* Schedules the timer [delay] seconds from now on the future's loop. */
static int sleep_schedule(sleep_t *s, gp_object_t *delay)
{
    gp_object_t *loop = s->future.loop;
    asyncio_state_t *st = gp_aio_state();
    bool number = GP_IS_SMALL(delay) || GP_IS_TYPE(delay, gp_float_type);
    if (number && st && st->fast_loop_type && GP_TYPE(loop) == (gp_type_t *)st->fast_loop_type) {
        gp_object_t *core = gp_object_getattr_cstr(loop, "_core");
        if (!core)
            return -1;
        double seconds = GP_IS_SMALL(delay) ? (double)GP_SMALL_VALUE(delay) : gp_float_value(delay);
        int rc = gp_uvloop_timer_push_later(core, seconds, &s->future.base);
        GP_DECREF(core);
        if (rc == 0)
            s->timer_state = SLEEP_TIMER_IN_HEAP;
        return rc;
    }
    /* Somebody else's loop: a TimerHandle through its call_later(). */
    gp_object_t *fire = gp_cfunction_new(&sleep_fire_def, &s->future.base);
    if (!fire)
        return -1;
    gp_object_t *args[2] = {delay, fire};
    gp_object_t *timer = gp_object_call_method(loop, "call_later", args, 2);
    GP_DECREF(fire);
    if (!timer)
        return -1;
    s->delay_or_timer = timer;
    return 0;
}

/* -- the coroutine ---------------------------------------------------- */

/* Returns [value] (stolen) from the coroutine: NULL without an exception
   for None, else NULL with StopIteration(value). */
static gp_object_t *sleep_return(gp_object_t *value)
{
    if (value == gp_None) {
        GP_DECREF(value);
        return NULL;
    }
    gp_err_set_object(&gp_exc_StopIteration, value);
    GP_DECREF(value);
    return NULL;
}

/* The first step: CPython's body up to its `await`. */
static gp_object_t *sleep_start(sleep_t *s)
{
    gp_object_t *delay = s->delay_or_timer;
    s->delay_or_timer = NULL;
    if (!delay) {
        s->step = SLEEP_DONE;
        gp_err_set_string(&gp_exc_RuntimeError, "cannot reuse already awaited coroutine");
        return NULL;
    }
    int zero;
    if (GP_IS_SMALL(delay))
        zero = GP_SMALL_VALUE(delay) <= 0;
    else if (GP_IS_TYPE(delay, gp_float_type))
        zero = gp_float_value(delay) <= 0.0;
    else
        zero = gp_object_richcompare_bool(delay, GP_SMALL_NEW(0), GP_CMP_LE);
    if (zero != 0) {
        GP_DECREF(delay);
        if (zero < 0) {
            s->step = SLEEP_DONE;
            return NULL;
        }
        /* sleep(0) and negative delays: give the loop one turn. */
        s->step = SLEEP_YIELDED;
        return gp_none_new();
    }
    s->step = SLEEP_DONE; /* until the timer is scheduled */
    gp_object_t *loop = sleep_running_loop();
    if (!loop) {
        GP_DECREF(delay);
        return NULL;
    }
    GP_SETREF(s->future.loop, loop);
    int rc = sleep_schedule(s, delay);
    GP_DECREF(delay);
    if (rc < 0)
        return NULL;
    s->step = SLEEP_WAITING;
    s->future.blocking = true;
    return GP_INCREF(&s->future.base);
}

static gp_object_t *sleep_next(gp_object_t *self)
{
    sleep_t *s = SLEEP(self);
    switch (s->step) {
    case SLEEP_NEW:
        return sleep_start(s);
    case SLEEP_YIELDED: {
        s->step = SLEEP_DONE;
        gp_object_t *value = s->future.result ? s->future.result : GP_INCREF(gp_None);
        s->future.result = NULL;
        return sleep_return(value);
    }
    case SLEEP_WAITING: {
        s->step = SLEEP_DONE;
        if (s->future.state == FUTURE_PENDING) {
            sleep_cancel_timer(s);
            if (!gp_err_occurred())
                gp_err_set_string(&gp_exc_RuntimeError, "await wasn't used with future");
            return NULL;
        }
        if (sleep_cancel_timer(s) < 0)
            return NULL;
        if (s->future.state == FUTURE_CANCELLED)
            GP_CLEAR(s->future.result); /* the value it will never return */
        gp_object_t *result = gp_aio_future_result(&s->future);
        return result ? sleep_return(result) : NULL;
    }
    default:
        gp_err_set_string(&gp_exc_RuntimeError, "cannot reuse already awaited coroutine");
        return NULL;
    }
}

AIO_METHOD(sleep_send_method)
{
    if (gp_args_check("send", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (SLEEP(self)->step == SLEEP_NEW && args[0] != gp_None) {
        gp_err_set_string(&gp_exc_TypeError,
                          "can't send non-None value to a just-started coroutine");
        return NULL;
    }
    gp_object_t *r = sleep_next(self);
    if (!r && !gp_err_occurred())
        gp_err_set_object(&gp_exc_StopIteration, gp_None);
    return r;
}

AIO_METHOD(sleep_throw_method)
{
    if (gp_args_check("throw", nargs, kwnames, 1, 3) < 0)
        return NULL;
    sleep_t *s = SLEEP(self);
    gp_object_t *exc = gp_aio_throw_exception(args, nargs);
    if (!exc)
        return NULL;
    /* The exception surfaces at the `await` (or before the body started);
       the body's finally cancels the timer on its way out. */
    bool waiting = s->step == SLEEP_WAITING;
    s->step = SLEEP_DONE;
    if (!waiting)
        GP_CLEAR(s->delay_or_timer);
    if (waiting && sleep_cancel_timer(s) < 0) {
        GP_DECREF(exc);
        return NULL;
    }
    gp_err_set_exception(exc);
    GP_DECREF(exc);
    return NULL;
}

AIO_METHOD(sleep_close_method)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    sleep_t *s = SLEEP(self);
    bool waiting = s->step == SLEEP_WAITING;
    s->step = SLEEP_DONE;
    if (!waiting)
        GP_CLEAR(s->delay_or_timer);
    if (waiting && sleep_cancel_timer(s) < 0)
        return NULL;
    return gp_none_new();
}

AIO_METHOD(sleep_await_method)
{
    if (gp_args_check("__await__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return GP_INCREF(self);
}

/* `yield from sleep(x).__await__()` needs an iterator; the object is its
   own, as it is its own awaitable. */
static gp_object_t *sleep_iter(gp_object_t *self)
{
    return GP_INCREF(self);
}

/* -- the object -------------------------------------------------------- */

/* _sleep(delay, result): what asyncio.sleep() returns. */
gp_object_t *gp_aio_sleep_new(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (gp_args_check("_sleep", nargs, kwnames, 2, 2) < 0)
        return NULL;
    sleep_t *s = (sleep_t *)gp_object_alloc(&gp_aio_sleep_type, 0);
    if (!s)
        return NULL;
    s->delay_or_timer = GP_INCREF(args[0]);
    s->future.result = GP_INCREF(args[1]);
    gp_gc_track(&s->future.base);
    return &s->future.base;
}

/* Only sleep() makes them, as only a coroutine function makes coroutines. */
static gp_object_t *sleep_type_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gp_err_format(&gp_exc_TypeError, "cannot create '%s' instances", type->name);
    return NULL;
}

static int sleep_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    sleep_t *s = SLEEP(self);
    int rc = gp_aio_future_traverse_fields(&s->future, visit, arg);
    if (rc)
        return rc;
    gp_object_t *field = s->delay_or_timer;
    return field && GP_IS_PTR(field) ? visit(field, arg) : 0;
}

static int sleep_clear(gp_object_t *self)
{
    sleep_t *s = SLEEP(self);
    gp_aio_future_clear_fields(&s->future);
    GP_CLEAR(s->delay_or_timer);
    return 0;
}

static void sleep_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    sleep_clear(self);
    gp_object_free(self);
}

/* "<coroutine object sleep at 0x...>" before the first step, then the
   future's repr, as CPython shows the future its sleep waits for. */
static gp_object_t *sleep_repr(gp_object_t *self)
{
    if (!SLEEP(self)->future.loop)
        return gp_str_from_format("<coroutine object sleep at %p>", (void *)self);
    gp_object_t *fn = gp_aio_lookup("asyncio.futures", "_sleep_repr");
    if (!fn)
        return NULL;
    gp_object_t *r = gp_object_call1(fn, self);
    GP_DECREF(fn);
    return r;
}

static gp_object_t *sleep_get_name(gp_object_t *self, void *closure)
{
    return gp_str_intern_cstr("sleep");
}

static gp_object_t *sleep_get_timer_cancelled(gp_object_t *self, void *closure)
{
    return gp_bool_from(SLEEP(self)->timer_state == SLEEP_TIMER_CANCELLED);
}

/* None until the sleep has started, so that isfuture() says no to the
   coroutine and yes to the future it has become. */
static gp_object_t *sleep_get_blocking(gp_object_t *self, void *closure)
{
    sleep_t *s = SLEEP(self);
    if (!s->future.loop)
        return gp_none_new();
    return gp_bool_from(s->future.blocking);
}

static int sleep_set_blocking(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (!value) {
        gp_err_set_string(&gp_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    int b = gp_object_is_true(value);
    if (b < 0)
        return -1;
    SLEEP(self)->future.blocking = b;
    return 0;
}

static gp_object_t *sleep_get_running(gp_object_t *self, void *closure)
{
    return gp_bool_from(false);
}

static gp_object_t *sleep_get_await(gp_object_t *self, void *closure)
{
    sleep_t *s = SLEEP(self);
    return GP_INCREF(s->step == SLEEP_WAITING ? self : gp_None);
}

static const gp_method_def_t sleep_methods[] = {
    {"send", sleep_send_method, 0, "send(arg) -> send 'arg' into coroutine."},
    {"throw", sleep_throw_method, 0, "throw(value) -> raise exception in coroutine."},
    {"close", sleep_close_method, 0, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", sleep_await_method, 0, "Return an iterator to be used in await expression."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t sleep_getsets[] = {
    {"__name__", sleep_get_name, NULL, NULL, NULL},
    {"__qualname__", sleep_get_name, NULL, NULL, NULL},
    {"cr_running", sleep_get_running, NULL, NULL, NULL},
    {"cr_await", sleep_get_await, NULL, NULL, NULL},
    {"cr_frame", gp_aio_get_none, NULL, NULL, NULL},
    {"cr_code", gp_aio_get_none, NULL, NULL, NULL},
    /* The rest of the future side is inherited from Future. */
    {"_asyncio_future_blocking", sleep_get_blocking, sleep_set_blocking, NULL, NULL},
    /* timer_purge() asks the heap's entries whether they are dead. */
    {"_cancelled", sleep_get_timer_cancelled, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_aio_sleep_type = {
    GP_TYPE_HEAD_INIT,
    .name = "coroutine",
    .basicsize = sizeof(sleep_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = sleep_dealloc,
    .new_ = sleep_type_new,
    .repr = sleep_repr,
    .hash = gp_object_default_hash,
    .iter = sleep_iter,
    .iternext = sleep_next,
    .traverse = sleep_traverse,
    .clear = sleep_clear,
    .methods = sleep_methods,
    .getsets = sleep_getsets,
    .doc = "asyncio.sleep(): a coroutine that is also the future it waits for.",
};
