/*
 * error.c - raising, inspecting and clearing the current exception.
 *
 * Design notes
 * ------------
 * The exception being raised lives in `gp_tstate()->curexc`, always as an
 * exception *instance*: raising a class instantiates it at once, so every
 * consumer sees one representation (CPython 3.12 made the same choice).
 *
 * Implicit chaining happens here, at the moment an exception is set: if the
 * thread is handling another exception (`tstate->exc_info`, maintained by
 * the VM around except/finally blocks), that one becomes the new
 * exception's __context__, as CPython's _PyErr_SetObject does. A chain that
 * would loop back to the new exception is cut first. gp_err_restore does
 * not chain: it puts back an exception that was already raised.
 *
 * Running out of memory must not need memory: gp_err_no_memory raises a
 * MemoryError preallocated by exceptions.c, resetting its traceback and
 * chain each time it is raised.
 */
#include <errno.h>
#include <string.h>

#include "obj/object.h"
#include "obj/type.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

/* Makes [exc] (a new reference to an exception instance) current. */
static void err_set_instance(gp_object_t *exc)
{
    gp_thread_state_t *ts = gp_tstate();
    if (ts == NULL) {
        GP_DECREF(exc);
        return;
    }
    gp_object_t *handled = gp_exc_handled(ts);
    if (handled != NULL && handled != exc && gp_exc_check(handled) && gp_exc_check(exc)) {
        /* Break a cycle: if the handled exception's chain already reaches
           the new one, cut the chain there. */
        gp_exception_t *o = (gp_exception_t *)handled;
        while (o->context != NULL) {
            if (o->context == exc) {
                GP_CLEAR(o->context);
                break;
            }
            o = (gp_exception_t *)o->context;
        }
        GP_SETREF(((gp_exception_t *)exc)->context, GP_INCREF(handled));
    }
    GP_SETREF(ts->curexc, exc);
}

void gp_err_set_object(gp_type_t *type, gp_object_t *value)
{
    if (!gp_type_is_subtype(type, &gp_exc_BaseException)) {
        gp_err_format(&gp_exc_TypeError, "exceptions must derive from BaseException");
        return;
    }
    if (value != NULL && gp_exc_check(value) && gp_object_isinstance_type(value, type)) {
        err_set_instance(GP_INCREF(value));
        return;
    }
    gp_object_t *exc;
    /* The handled exception must not chain onto errors raised while the new
       exception is being built; those replace it. */
    if (value == NULL || value == gp_None)
        exc = gp_object_call((gp_object_t *)type, NULL, 0, NULL);
    else if (gp_tuple_check(value))
        exc = gp_object_call((gp_object_t *)type, GP_TUPLE_ITEMS(value),
                             (size_t)GP_TUPLE_SIZE(value), NULL);
    else
        exc = gp_object_call((gp_object_t *)type, &value, 1, NULL);
    if (exc == NULL)
        return;
    if (!gp_exc_check(exc)) {
        gp_err_format(&gp_exc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %s",
                      (gp_object_t *)type, gp_type_name(GP_TYPE(exc)));
        GP_DECREF(exc);
        return;
    }
    err_set_instance(exc);
}

void gp_err_set_string(gp_type_t *type, const char *msg)
{
    gp_object_t *s = gp_str_from_cstr(msg);
    if (s == NULL)
        return;
    gp_err_set_object(type, s);
    GP_DECREF(s);
}

void gp_err_vformat(gp_type_t *type, const char *fmt, va_list ap)
{
    gp_object_t *s = gp_str_from_vformat(fmt, ap);
    if (s == NULL)
        return;
    gp_err_set_object(type, s);
    GP_DECREF(s);
}

void gp_err_format(gp_type_t *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gp_err_vformat(type, fmt, ap);
    va_end(ap);
}

/* Calls warnings.[function] with [args]: 0, or -1 with the exception. */
static int err_call_warnings(const char *function, gp_object_t **args, size_t nargs)
{
    /* The warnings module does the filtering and the showing; it is only
       imported on this rare path, so a program that never warns never
       loads it. */
    gp_object_t *module = gp_import_stdlib("warnings");
    if (module == NULL)
        return -1;
    gp_object_t *result = gp_object_call_method(module, function, args, nargs);
    GP_DECREF(module);
    if (result == NULL)
        return -1;
    GP_DECREF(result);
    return 0;
}

int gp_err_warn(gp_type_t *category, const char *message)
{
    gp_object_t *text = gp_str_from_cstr(message);
    if (text == NULL)
        return -1;
    gp_object_t *args[3] = {text, (gp_object_t *)category, GP_SMALL_NEW(1)};
    int rc = err_call_warnings("warn", args, 3);
    GP_DECREF(text);
    return rc;
}

int gp_err_warn_explicit(gp_type_t *category, const char *message, const char *filename, int lineno)
{
    gp_object_t *text = gp_str_from_cstr(message);
    gp_object_t *file = text ? gp_str_from_cstr(filename) : NULL;
    int rc = -1;
    if (file != NULL) {
        gp_object_t *args[4] = {text, (gp_object_t *)category, file, GP_SMALL_NEW(lineno)};
        rc = err_call_warnings("warn_explicit", args, 4);
    }
    GP_XDECREF(text);
    GP_XDECREF(file);
    return rc;
}

void gp_err_set_exception(gp_object_t *exc)
{
    if (gp_type_check(exc) && gp_type_is_subtype((gp_type_t *)exc, &gp_exc_BaseException)) {
        gp_err_set_object((gp_type_t *)exc, NULL);
        return;
    }
    if (gp_exc_check(exc)) {
        err_set_instance(GP_INCREF(exc));
        return;
    }
    gp_err_set_string(&gp_exc_TypeError, "exceptions must derive from BaseException");
}

void gp_err_no_memory(void)
{
    gp_thread_state_t *ts = gp_tstate();
    gp_object_t *exc = gp_exceptions_memory_error();
    if (ts == NULL || exc == NULL)
        return;
    gp_exception_t *e = (gp_exception_t *)exc;
    /* Reused on every raise: forget where it was raised last time. */
    GP_CLEAR(e->traceback);
    GP_CLEAR(e->context);
    GP_CLEAR(e->cause);
    e->suppress_context = false;
    GP_SETREF(ts->curexc, GP_INCREF(exc));
}

void gp_err_set_from_errno(int errnum, gp_object_t *filename)
{
    gp_object_t *msg = gp_str_from_cstr(strerror(errnum));
    gp_object_t *code = gp_int_from_i64(errnum);
    gp_object_t *args = NULL;
    if (msg != NULL && code != NULL)
        args = filename ? gp_tuple_pack(3, code, msg, filename) : gp_tuple_pack(2, code, msg);
    GP_XDECREF(msg);
    GP_XDECREF(code);
    if (args == NULL)
        return;
    gp_object_t *exc = gp_exception_new(&gp_exc_OSError, args);
    GP_DECREF(args);
    if (exc != NULL)
        err_set_instance(exc);
}

bool gp_err_occurred(void)
{
    gp_thread_state_t *ts = gp_tstate();
    return ts != NULL && ts->curexc != NULL;
}

gp_object_t *gp_err_current(void)
{
    gp_thread_state_t *ts = gp_tstate();
    return ts ? ts->curexc : NULL;
}

bool gp_exception_matches(gp_object_t *exc, gp_object_t *type_or_tuple)
{
    if (exc == NULL || type_or_tuple == NULL)
        return false;
    if (gp_tuple_check(type_or_tuple)) {
        for (intptr_t i = 0; i < GP_TUPLE_SIZE(type_or_tuple); i++)
            if (gp_exception_matches(exc, GP_TUPLE_GET(type_or_tuple, i)))
                return true;
        return false;
    }
    if (!gp_type_check(type_or_tuple))
        return exc == type_or_tuple;
    gp_type_t *cls = gp_type_check(exc) ? (gp_type_t *)exc : GP_TYPE(exc);
    return gp_type_is_subtype(cls, (gp_type_t *)type_or_tuple);
}

bool gp_err_matches(gp_type_t *type)
{
    gp_object_t *cur = gp_err_current();
    return cur != NULL && gp_type_is_subtype(GP_TYPE(cur), type);
}

gp_object_t *gp_err_fetch(void)
{
    gp_thread_state_t *ts = gp_tstate();
    if (ts == NULL)
        return NULL;
    gp_object_t *exc = ts->curexc;
    ts->curexc = NULL;
    return exc;
}

void gp_err_restore(gp_object_t *exc)
{
    gp_thread_state_t *ts = gp_tstate();
    if (ts == NULL) {
        GP_XDECREF(exc);
        return;
    }
    GP_SETREF(ts->curexc, exc);
}

void gp_err_clear(void)
{
    gp_thread_state_t *ts = gp_tstate();
    if (ts != NULL)
        GP_CLEAR(ts->curexc);
}
