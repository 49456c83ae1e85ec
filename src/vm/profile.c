/*
 * profile.c - sys.setprofile(): the profile function and its events.
 *
 * Design notes
 * ------------
 * A profile function belongs to a thread (sys.setprofile sets the calling
 * thread's; threading.setprofile has new threads set theirs). It is called
 * as func(frame, event, arg) with the events CPython 3.11 sends:
 *
 *   'call'        a Python frame starts running, or a generator or
 *                 coroutine resumes (arg None);
 *   'return'      a Python frame returns or yields (arg: the value), or
 *                 ends with an exception (arg None);
 *   'c_call'      a builtin function or method is about to be called from
 *                 Python code (arg: it; a method descriptor called with its
 *                 object is reported bound, as CPython does);
 *   'c_return' / 'c_exception'  that call returned / raised (arg: the same).
 *
 * The eval loop tests one per-thread flag, `profiling`, at the points where
 * frames start and end and around calls of non-Python callables, so that a
 * thread without a profile function pays a load and a branch there and
 * nothing else. While the function runs the flag is off, so that what it
 * calls is not profiled (CPython's rule too). If it raises, the exception
 * propagates from the point of the event and the profile function is
 * removed, again as CPython does. An exception being propagated when a
 * 'return' or 'c_exception' event fires is set aside for the call and put
 * back after it.
 *
 * The frame handed over is the snapshot object sys._getframe() makes, f_back
 * chain included; building it is the expensive part of an event, and a
 * profiler that only wants f_code pays for the chain too. That keeps one
 * kind of frame object in the VM.
 */
#include "obj/object.h"
#include "runtime/runtime.h"
#include "vm/frame.h"
#include "vm/vm.h"

static const char *const event_texts[5] = {"call", "return", "c_call", "c_return", "c_exception"};

void gp_profile_set(gp_thread_state_t *ts, gp_object_t *func)
{
    gp_object_t *old = ts->profile_func;
    ts->profile_func = func == gp_None ? NULL : GP_XINCREF(func);
    ts->profiling = ts->profile_func != NULL;
    GP_XDECREF(old);
}

/* Calls the profile function for [event] in [frame]; keeps the pending
   exception, if any, out of its way. Returns 0, or -1 with the profile
   function's exception set (and the function removed). */
int gp_profile_event(gp_thread_state_t *ts, struct gp_frame *frame, gp_profile_event_t event,
                     gp_object_t *arg)
{
    gp_object_t *func = ts->profile_func;
    if (!func)
        return 0;
    gp_object_t *name = gp_str_static(event_texts[event]);
    if (!name)
        return -1;
    gp_object_t *pending = gp_err_fetch();
    gp_object_t *fo = gp_frame_snapshot(frame);
    gp_object_t *res = NULL;
    if (fo) {
        GP_INCREF(func);
        ts->profiling = false;
        gp_object_t *args[3] = {fo, name, arg ? arg : gp_None};
        res = gp_object_call(func, args, 3, NULL);
        ts->profiling = ts->profile_func != NULL;
        GP_DECREF(func);
        GP_DECREF(fo);
    }
    if (!res) {
        GP_XDECREF(pending);
        gp_profile_set(ts, gp_None);
        return -1;
    }
    GP_DECREF(res);
    if (pending)
        gp_err_restore(pending);
    return 0;
}

/* What CPython reports for a call of [callable] with [args]: builtin
   functions as they are, a method descriptor with its object bound to it;
   NULL (new reference otherwise) when no c_call event is due. */
static gp_object_t *c_call_subject(gp_object_t *callable, gp_object_t *const *args, size_t nargs)
{
    if (!GP_IS_PTR(callable))
        return NULL;
    if (callable->type == &gp_cfunction_type)
        return GP_INCREF(callable);
    if (callable->type == &gp_method_descr_type && nargs > 0) {
        gp_object_t *bound = callable->type->descr_get(callable, args[0],
                                                       (gp_object_t *)GP_TYPE(args[0]));
        if (!bound)
            gp_err_clear();
        return bound;
    }
    return NULL;
}

/* The c_call event before a call and c_return/c_exception after it; the
   call is made by [call] on [data], between the two. */
static gp_object_t *c_call_bracketed(gp_thread_state_t *ts, struct gp_frame *frame,
                                     gp_object_t *subject,
                                     gp_object_t *(*call)(const void *data), const void *data)
{
    if (subject && gp_profile_event(ts, frame, GP_PROFILE_C_CALL, subject) < 0) {
        GP_DECREF(subject);
        return NULL;
    }
    gp_object_t *res = call(data);
    if (subject) {
        if (gp_profile_event(ts, frame, res ? GP_PROFILE_C_RETURN : GP_PROFILE_C_EXCEPTION,
                             subject) < 0)
            GP_CLEAR(res);
        GP_DECREF(subject);
    }
    return res;
}

typedef struct {
    gp_object_t *callable, *const *args, *kwnames, *argtuple, *kwargs;
    size_t nargs;
} c_call_t;

static gp_object_t *c_call_vector(const void *data)
{
    const c_call_t *c = data;
    return gp_object_call(c->callable, c->args, c->nargs, c->kwnames);
}

static gp_object_t *c_call_tuple(const void *data)
{
    const c_call_t *c = data;
    return gp_object_call_tuple_dict(c->callable, c->argtuple, c->kwargs);
}

gp_object_t *gp_profile_c_call(gp_thread_state_t *ts, struct gp_frame *frame,
                               gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    c_call_t c = {.callable = callable, .args = args, .nargs = nargs, .kwnames = kwnames};
    return c_call_bracketed(ts, frame, c_call_subject(callable, args, nargs), c_call_vector, &c);
}

gp_object_t *gp_profile_c_call_tuple(gp_thread_state_t *ts, struct gp_frame *frame,
                                     gp_object_t *callable, gp_object_t *args,
                                     gp_object_t *kwargs)
{
    c_call_t c = {.callable = callable, .argtuple = args, .kwargs = kwargs};
    gp_object_t *subject =
        c_call_subject(callable, GP_TUPLE_ITEMS(args), (size_t)GP_TUPLE_SIZE(args));
    return c_call_bracketed(ts, frame, subject, c_call_tuple, &c);
}
