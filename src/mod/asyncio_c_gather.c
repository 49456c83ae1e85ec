/*
 * asyncio_c_gather.c - the bookkeeping of asyncio.gather() in C.
 *
 * Design notes
 * ------------
 * gather(*aws) wraps each awaitable in a future (a Task for a coroutine),
 * hands back a _GatheringFuture (lib/asyncio/tasks.py), and counts the
 * children down with a done-callback on each: the first failure (unless
 * return_exceptions) or the last child settles the outer future. Written
 * in Python, that is a Python-level call per child to set it up and
 * another when the child finishes, plus one more per child for the list
 * of results: for a gather of 100,000 tasks, about a third of the time the
 * tasks take to sleep and wake up.
 *
 * _gather() does the same here when every argument is one of our own
 * pending futures or tasks on the running loop, or a coroutine to wrap in
 * a task (the common cases); anything else (other future types, an
 * awaitable with __await__, a child already done, another loop, a loop
 * that is not ours) returns None and the Python gather() does the work,
 * so that its error messages and corner cases stay in one place. The
 * outer future is still the Python _GatheringFuture, made by calling the
 * class, so cancel() and the repr are unchanged.
 *
 * The done-callback of every child is one builtin method bound to a small
 * state object (the outer future, the children, how many are unfinished,
 * return_exceptions); its body is gather()'s on_child_done. An argument
 * given twice is one child, as in CPython: coroutines are matched through
 * a dict, futures by finding our callback already on them.
 */
#include "mod/asyncio_c.h"

typedef struct gather_state {
    gp_object_t base;
    gp_object_t *outer;    /* the _GatheringFuture */
    gp_object_t *children; /* list of the children, in argument order */
    intptr_t unfinished;   /* distinct children not done yet */
    bool return_exceptions;
} gather_state_t;

#define GATHER(o) ((gather_state_t *)(o))

static int gather_state_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gather_state_t *g = GATHER(self);
    int rc = 0;
    if (g->outer && (rc = visit(g->outer, arg)))
        return rc;
    if (g->children && (rc = visit(g->children, arg)))
        return rc;
    return 0;
}

static int gather_state_clear(gp_object_t *self)
{
    GP_CLEAR(GATHER(self)->outer);
    GP_CLEAR(GATHER(self)->children);
    return 0;
}

static void gather_state_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    gather_state_clear(self);
    gp_object_free(self);
}

static gp_type_t gather_state_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_asyncio._GatherState",
    .basicsize = sizeof(gather_state_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = gather_state_dealloc,
    .hash = gp_object_default_hash,
    .traverse = gather_state_traverse,
    .clear = gather_state_clear,
};

/* -- when a child is done ---------------------------------------------- */

/* child.exception() for a child that is done and not cancelled: marks the
   exception retrieved; borrowed, NULL for none. */
static gp_object_t *child_exception(future_t *child)
{
    child->log_traceback = false;
    return FUTURE_EXCEPTION(child);
}

/* CancelledError('' if msg is None else msg): what a cancelled child
   stands for in the results of gather(return_exceptions=True). */
static gp_object_t *child_cancelled_error(future_t *child)
{
    gp_object_t *cls = gp_aio_lookup("asyncio.exceptions", "CancelledError");
    if (!cls)
        return NULL;
    gp_object_t *msg = FUTURE_CANCEL_MESSAGE(child);
    gp_object_t *exc = msg ? gp_object_call1(cls, msg) : gp_object_call1(cls, gp_str_static(""));
    GP_DECREF(cls);
    return exc;
}

/* The list of outcomes, one per child in argument order (_outcome()). */
static gp_object_t *gather_results(gather_state_t *g)
{
    intptr_t n = GP_LIST_SIZE(g->children);
    gp_object_t *results = gp_list_new(0);
    for (intptr_t i = 0; results && i < n; i++) {
        future_t *child = FUTURE(GP_LIST_GET(g->children, i));
        gp_object_t *item;
        if (child->state == FUTURE_CANCELLED) {
            item = child_cancelled_error(child);
        } else {
            gp_object_t *exc = child_exception(child);
            item = GP_INCREF(exc ? exc : child->result ? child->result : gp_None);
        }
        if (!item || gp_list_append(results, item) < 0)
            GP_CLEAR(results);
        GP_XDECREF(item);
    }
    return results;
}

/* All children are done but gather was cancelled: the first cancelled
   child's CancelledError, or a new one (as the Python gather does). */
static int gather_finish_cancelled(gather_state_t *g, future_t *outer)
{
    gp_object_t *error = NULL;
    for (intptr_t i = 0; i < GP_LIST_SIZE(g->children); i++) {
        future_t *child = FUTURE(GP_LIST_GET(g->children, i));
        if (child->state == FUTURE_CANCELLED) {
            error = gp_aio_future_make_cancelled_error(child);
            break;
        }
    }
    if (!error) {
        gp_object_t *cls = gp_aio_lookup("asyncio.exceptions", "CancelledError");
        error = cls ? gp_object_call0(cls) : NULL;
        GP_XDECREF(cls);
    }
    if (!error)
        return -1;
    int rc = gp_aio_future_set_exception(outer, error);
    GP_DECREF(error);
    return rc;
}

static int gather_child_done(gather_state_t *g, future_t *child)
{
    g->unfinished--;
    future_t *outer = g->outer ? FUTURE(g->outer) : NULL;
    if (!outer || outer->state != FUTURE_PENDING) {
        /* Too late to matter; fetch the error so that it is not reported
           as never retrieved. */
        if (child->state != FUTURE_CANCELLED)
            child_exception(child);
        return 0;
    }
    if (!g->return_exceptions) {
        if (child->state == FUTURE_CANCELLED) {
            gp_object_t *exc = gp_aio_future_make_cancelled_error(child);
            int rc = exc ? gp_aio_future_set_exception(outer, exc) : -1;
            GP_XDECREF(exc);
            return rc;
        }
        gp_object_t *exc = child_exception(child);
        if (exc)
            return gp_aio_future_set_exception(outer, exc);
    }
    if (g->unfinished > 0)
        return 0;
    gp_object_t *flag = gp_object_getattr_cstr(&outer->base, "_cancel_requested");
    int cancel_requested = flag ? gp_object_is_true(flag) : -1;
    GP_XDECREF(flag);
    if (cancel_requested < 0)
        return -1;
    if (cancel_requested)
        return gather_finish_cancelled(g, outer);
    gp_object_t *results = gather_results(g);
    if (!results)
        return -1;
    int rc = gp_aio_future_set_result(outer, results);
    GP_DECREF(results);
    return rc;
}

static gp_object_t *gather_child_done_method(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_child_done", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_aio_future_exact(args[0]) || FUTURE(args[0])->state == FUTURE_PENDING) {
        gp_err_set_string(&gp_exc_TypeError, "_child_done() expects a done future");
        return NULL;
    }
    GP_INCREF(self);
    int rc = gather_child_done(GATHER(self), FUTURE(args[0]));
    GP_DECREF(self);
    if (rc < 0)
        return NULL;
    return gp_none_new();
}

static const gp_method_def_t gather_child_done_def = {"_child_done", gather_child_done_method,
                                                      0, NULL};

/* -- gather() ----------------------------------------------------------- */

/* May gather() take [arg] as it is (1), wrap it in a task (2), or must the
   Python code deal with it (0)? */
static int gather_arg_kind(gp_object_t *arg, gp_object_t *loop)
{
    if (GP_IS_TYPE(arg, gp_coroutine_type))
        return 2;
    if (GP_IS_TYPE(arg, gp_aio_sleep_type) && !SLEEP(arg)->future.loop)
        return 2; /* a sleep() not started is a coroutine, not yet a future */
    if (gp_aio_future_exact(arg) && FUTURE(arg)->loop == loop &&
        FUTURE(arg)->state == FUTURE_PENDING && !FUTURE(arg)->callbacks_queued)
        return 1;
    return 0;
}

/* Is [cb] already a done-callback of [fut] (the argument came twice)? It
   would be the last one added. */
static bool future_has_callback(future_t *fut, gp_object_t *cb)
{
    gp_object_t *list = FUTURE_CALLBACKS(fut);
    if (list && GP_LIST_SIZE(list) > 0)
        return GP_LIST_GET(list, GP_LIST_SIZE(list) - 1) == cb;
    return fut->callback0 == cb;
}

/* The children of gather([args]): a new list, the tasks made for
   coroutines included. NULL with an exception on error. */
static gp_object_t *gather_make_children(gp_object_t *const *args, size_t nargs, gp_object_t *loop)
{
    gp_object_t *children = gp_list_new(0);
    gp_object_t *by_coro = NULL; /* coroutine -> its task, made on first need */
    for (size_t i = 0; children && i < nargs; i++) {
        gp_object_t *child = NULL;
        if (gather_arg_kind(args[i], loop) == 1) {
            child = GP_INCREF(args[i]);
        } else {
            if (!by_coro && !(by_coro = gp_dict_new())) {
                GP_CLEAR(children);
                break;
            }
            child = GP_XINCREF(gp_dict_getitem(by_coro, args[i]));
            if (!child && !gp_err_occurred()) {
                child = gp_aio_task_create(loop, args[i]);
                if (child) {
                    /* A task we made is gather's business, not the caller's. */
                    TASK(child)->log_destroy_pending = false;
                    if (gp_dict_setitem(by_coro, args[i], child) < 0)
                        GP_CLEAR(child);
                }
            }
        }
        if (!child || gp_list_append(children, child) < 0)
            GP_CLEAR(children);
        GP_XDECREF(child);
    }
    GP_XDECREF(by_coro);
    return children;
}

/* _gather(args, return_exceptions, outer_class): gather(*args) done in C,
   or None when the Python code must do it (see the design notes). */
static gp_object_t *asyncio_gather(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("_gather", nargs, kwnames, 3, 3) < 0)
        return NULL;
    gp_object_t *aws = args[0], *outer_class = args[2];
    int return_exceptions = gp_object_is_true(args[1]);
    if (return_exceptions < 0)
        return NULL;
    gp_object_t *loop = gp_aio_fast_running_loop();
    if (!gp_tuple_check(aws) || GP_TUPLE_SIZE(aws) == 0 || !loop)
        return gp_none_new();
    gp_object_t *const *items = GP_TUPLE_ITEMS(aws);
    size_t n = (size_t)GP_TUPLE_SIZE(aws);
    for (size_t i = 0; i < n; i++) {
        if (gather_arg_kind(items[i], loop) == 0)
            return gp_none_new();
    }
    GP_INCREF(loop);
    gp_object_t *outer = NULL, *cb = NULL;
    gather_state_t *g = NULL;
    gp_object_t *children = gather_make_children(items, n, loop);
    if (!children)
        goto done;
    gp_object_t *kwnames_loop = gp_tuple_pack(1, gp_str_static("loop"));
    if (!kwnames_loop)
        goto done;
    outer = gp_object_call(outer_class, (gp_object_t *[]){children, loop}, 1, kwnames_loop);
    GP_DECREF(kwnames_loop);
    if (!outer)
        goto done;
    if (!gp_aio_future_check(outer)) {
        gp_err_set_string(&gp_exc_TypeError, "_gather() needs a Future subclass");
        GP_CLEAR(outer);
        goto done;
    }
    g = (gather_state_t *)gp_object_alloc(&gather_state_type, 0);
    if (!g) {
        GP_CLEAR(outer);
        goto done;
    }
    g->outer = GP_INCREF(outer);
    g->children = GP_INCREF(children);
    g->return_exceptions = return_exceptions;
    gp_gc_track(&g->base);
    cb = gp_cfunction_new(&gather_child_done_def, &g->base);
    if (!cb) {
        GP_CLEAR(outer);
        goto done;
    }
    for (intptr_t i = 0; i < GP_LIST_SIZE(children); i++) {
        future_t *child = FUTURE(GP_LIST_GET(children, i));
        if (future_has_callback(child, cb))
            continue; /* the same awaitable again */
        if (gp_aio_future_add_callback(child, cb) < 0) {
            GP_CLEAR(outer);
            goto done;
        }
        g->unfinished++;
    }
done:
    GP_XDECREF(cb);
    if (g)
        GP_DECREF(&g->base);
    GP_XDECREF(children);
    GP_DECREF(loop);
    return outer;
}

static const gp_method_def_t gather_functions[] = {
    {"_gather", asyncio_gather, 0,
     "gather(*aws) in C when every argument allows it, else None."},
    {NULL, NULL, 0, NULL},
};

int gp_aio_gather_ready(gp_object_t *module)
{
    if (gp_type_ready(&gather_state_type) < 0)
        return -1;
    return gp_module_add_functions(module, gather_functions);
}
