/*
 * exceptions.c - the builtin exception hierarchy.
 *
 * Design notes
 * ------------
 * Every builtin exception shares one C layout, gp_exception_t (object.h):
 * args, traceback, the __context__/__cause__ chain and a __dict__. The
 * attributes particular to some classes (OSError.errno, StopIteration.value,
 * SyntaxError.lineno...) live in that dict, behind getset descriptors that
 * read None when the attribute was never set; so all exception classes
 * have the same layout, any two can be combined as bases, and one
 * allocation path serves them all.
 *
 * As in CPython, BaseException.__new__ stores the constructor arguments in
 * `args` and __init__ stores them again: a subclass whose __init__ does not
 * call the base's still has args. OSError picks its subclass from errno in
 * __new__ (`OSError(2, 'x')` is a FileNotFoundError).
 *
 * The MemoryError raised on allocation failure is preallocated here once,
 * so raising it allocates nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "obj/exception_group.h"
#include "obj/object.h"
#include "obj/type.h"

static gp_object_t *memory_error_instance;

gp_object_t *gp_exceptions_memory_error(void)
{
    return memory_error_instance;
}

gp_object_t *gp_exception_new(gp_type_t *type, gp_object_t *args)
{
    if (args == NULL)
        return gp_object_call((gp_object_t *)type, NULL, 0, NULL);
    return gp_object_call((gp_object_t *)type, GP_TUPLE_ITEMS(args), (size_t)GP_TUPLE_SIZE(args),
                          NULL);
}

/* ------------------------------------------------------------------ */
/* BaseException                                                        */
/* ------------------------------------------------------------------ */

#define EXC(o) ((gp_exception_t *)(o))

static gp_object_t *exc_alloc(gp_type_t *type, gp_object_t *const *args, size_t nargs)
{
    gp_exception_t *e = (gp_exception_t *)gp_object_alloc(type, 0);
    if (e == NULL)
        return NULL;
    e->args = gp_tuple_from_array(args, nargs);
    if (e->args == NULL) {
        GP_DECREF((gp_object_t *)e);
        return NULL;
    }
    gp_gc_track((gp_object_t *)e);
    return (gp_object_t *)e;
}

static gp_object_t *base_exc_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return exc_alloc(type, args, nargs);
}

static int exc_no_keywords(gp_object_t *self, gp_object_t *kwnames)
{
    if (kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments",
                      gp_type_name(GP_TYPE(self)));
        return -1;
    }
    return 0;
}

static int exc_set_args(gp_object_t *self, gp_object_t *const *args, size_t nargs)
{
    gp_object_t *t = gp_tuple_from_array(args, nargs);
    if (t == NULL)
        return -1;
    GP_SETREF(EXC(self)->args, t);
    return 0;
}

static int base_exc_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                         gp_object_t *kwnames)
{
    if (exc_no_keywords(self, kwnames) < 0)
        return -1;
    return exc_set_args(self, args, nargs);
}

static void exc_dealloc(gp_object_t *self)
{
    gp_exception_t *e = EXC(self);
    if (GP_GC_HEAD(self)->next != NULL)
        gp_gc_untrack(self);
    GP_XDECREF(e->args);
    GP_XDECREF(e->traceback);
    GP_XDECREF(e->context);
    GP_XDECREF(e->cause);
    GP_XDECREF(e->dict);
    GP_XDECREF(e->notes);
    gp_object_free(self);
}

static int exc_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_exception_t *e = EXC(self);
    gp_object_t *refs[] = {e->args, e->traceback, e->context, e->cause, e->dict, e->notes};
    for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
        int rc = refs[i] ? visit(refs[i], arg) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

static int exc_clear(gp_object_t *self)
{
    gp_exception_t *e = EXC(self);
    GP_CLEAR(e->args);
    GP_CLEAR(e->traceback);
    GP_CLEAR(e->context);
    GP_CLEAR(e->cause);
    GP_CLEAR(e->dict);
    GP_CLEAR(e->notes);
    return 0;
}

static intptr_t exc_nargs(gp_object_t *self)
{
    gp_object_t *args = EXC(self)->args;
    return args ? GP_TUPLE_SIZE(args) : 0;
}

static gp_object_t *base_exc_str(gp_object_t *self)
{
    intptr_t n = exc_nargs(self);
    if (n == 0)
        return gp_str_from_cstr("");
    if (n == 1)
        return gp_object_str(GP_TUPLE_GET(EXC(self)->args, 0));
    return gp_object_str(EXC(self)->args);
}

static gp_object_t *base_exc_repr(gp_object_t *self)
{
    const char *name = gp_type_name(GP_TYPE(self));
    intptr_t n = exc_nargs(self);
    if (n == 1)
        return gp_str_from_format("%s(%R)", name, GP_TUPLE_GET(EXC(self)->args, 0));
    if (n == 0)
        return gp_str_from_format("%s()", name);
    return gp_str_from_format("%s%R", name, EXC(self)->args);
}

static gp_object_t *exc_with_traceback(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames);
static gp_object_t *exc_add_note(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames);

static gp_object_t *exc_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames);
static gp_object_t *exc_setstate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames);

static const gp_method_def_t base_exc_methods[] = {
    {"__reduce__", exc_reduce, 0, NULL},
    {"__setstate__", exc_setstate, 0, NULL},
    {"with_traceback", exc_with_traceback, 0,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, 0, "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *exc_get_args(gp_object_t *self, void *closure)
{
    gp_object_t *args = EXC(self)->args;
    return args ? GP_INCREF(args) : gp_tuple_new(0);
}

static int exc_set_args_attr(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (value == NULL) {
        gp_err_set_string(&gp_exc_TypeError, "args may not be deleted");
        return -1;
    }
    gp_object_t *t = gp_tuple_from_iterable(value);
    if (t == NULL)
        return -1;
    GP_SETREF(EXC(self)->args, t);
    return 0;
}

static int exc_store_traceback(gp_object_t *self, gp_object_t *value)
{
    if (value == NULL) {
        gp_err_set_string(&gp_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (value != gp_None && !GP_IS_TYPE(value, gp_traceback_type)) {
        gp_err_set_string(&gp_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    GP_SETREF(EXC(self)->traceback, value == gp_None ? NULL : GP_INCREF(value));
    return 0;
}

static gp_object_t *exc_get_traceback(gp_object_t *self, void *closure)
{
    gp_object_t *tb = EXC(self)->traceback;
    return tb ? GP_INCREF(tb) : gp_none_new();
}

static int exc_set_traceback(gp_object_t *self, gp_object_t *value, void *closure)
{
    return exc_store_traceback(self, value);
}

static gp_object_t *exc_with_traceback(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("with_traceback", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (exc_store_traceback(self, args[0]) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *exc_add_note(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("add_note", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "note must be a str, not '%s'",
                      gp_type_name(GP_TYPE(args[0])));
        return NULL;
    }
    gp_exception_t *e = EXC(self);
    if (e->notes == NULL && (e->notes = gp_list_new(0)) == NULL)
        return NULL;
    /* __notes__ is assignable, so it may hold anything by now. */
    if (!gp_list_check(e->notes)) {
        gp_err_set_string(&gp_exc_TypeError, "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    if (gp_list_append(e->notes, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *exc_get_notes(gp_object_t *self, void *closure)
{
    gp_object_t *notes = EXC(self)->notes;
    if (notes == NULL) {
        gp_err_no_attribute(self, gp_str_static("__notes__"));
        return NULL;
    }
    return GP_INCREF(notes);
}

static int exc_set_notes(gp_object_t *self, gp_object_t *value, void *closure)
{
    GP_SETREF(EXC(self)->notes, GP_XINCREF(value));
    return 0;
}

static int exc_check_chain_value(gp_object_t *value, const char *what)
{
    if (value == NULL) {
        gp_err_format(&gp_exc_TypeError, "%s may not be deleted", what);
        return -1;
    }
    if (value != gp_None && !gp_exc_check(value)) {
        gp_err_format(&gp_exc_TypeError, "exception %s must be None or derive from BaseException",
                      strcmp(what, "__cause__") == 0 ? "cause" : "context");
        return -1;
    }
    return 0;
}

static gp_object_t *exc_get_context(gp_object_t *self, void *closure)
{
    gp_object_t *c = EXC(self)->context;
    return c ? GP_INCREF(c) : gp_none_new();
}

static int exc_set_context(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (exc_check_chain_value(value, "__context__") < 0)
        return -1;
    GP_SETREF(EXC(self)->context, value == gp_None ? NULL : GP_INCREF(value));
    return 0;
}

static gp_object_t *exc_get_cause(gp_object_t *self, void *closure)
{
    gp_object_t *c = EXC(self)->cause;
    return c ? GP_INCREF(c) : gp_none_new();
}

static int exc_set_cause(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (exc_check_chain_value(value, "__cause__") < 0)
        return -1;
    GP_SETREF(EXC(self)->cause, value == gp_None ? NULL : GP_INCREF(value));
    EXC(self)->suppress_context = true;
    return 0;
}

static gp_object_t *exc_get_suppress(gp_object_t *self, void *closure)
{
    return gp_bool_from(EXC(self)->suppress_context);
}

static int exc_set_suppress(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (value == NULL) {
        gp_err_set_string(&gp_exc_TypeError, "can't delete __suppress_context__ attribute");
        return -1;
    }
    int t = gp_object_is_true(value);
    if (t < 0)
        return -1;
    EXC(self)->suppress_context = t != 0;
    return 0;
}

static gp_object_t *exc_get_dict(gp_object_t *self, void *closure)
{
    gp_exception_t *e = EXC(self);
    if (e->dict == NULL && (e->dict = gp_dict_new()) == NULL)
        return NULL;
    return GP_INCREF(e->dict);
}

static int exc_set_dict(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (value == NULL || !gp_dict_check(value)) {
        gp_err_set_string(&gp_exc_TypeError, "__dict__ must be a dictionary");
        return -1;
    }
    GP_SETREF(EXC(self)->dict, GP_INCREF(value));
    return 0;
}

static const gp_getset_def_t base_exc_getsets[] = {
    {"args", exc_get_args, exc_set_args_attr, NULL, NULL},
    {"__traceback__", exc_get_traceback, exc_set_traceback, NULL, NULL},
    {"__context__", exc_get_context, exc_set_context, NULL, "exception context"},
    {"__cause__", exc_get_cause, exc_set_cause, NULL, "exception cause"},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL, NULL},
    {"__notes__", exc_get_notes, exc_set_notes, NULL, NULL},
    {"__dict__", exc_get_dict, exc_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------ */
/* Attributes kept in the instance dict                                 */
/* ------------------------------------------------------------------ */

static gp_object_t *exc_attr(gp_object_t *self, const char *name)
{
    gp_object_t *d = EXC(self)->dict;
    return d ? gp_dict_getitem_cstr(d, name) : NULL; /* borrowed */
}

static int exc_attr_set(gp_object_t *self, const char *name, gp_object_t *value)
{
    gp_exception_t *e = EXC(self);
    if (e->dict == NULL && (e->dict = gp_dict_new()) == NULL)
        return -1;
    return gp_dict_setitem_cstr(e->dict, name, value ? value : gp_None);
}

static gp_object_t *exc_attr_getter(gp_object_t *self, void *closure)
{
    gp_object_t *v = exc_attr(self, (const char *)closure);
    if (v == NULL && gp_err_occurred())
        return NULL;
    return v ? GP_INCREF(v) : gp_none_new();
}

static int exc_attr_setter(gp_object_t *self, gp_object_t *value, void *closure)
{
    return exc_attr_set(self, (const char *)closure, value);
}

/* Whether [key] of an exception's dict is one of its class's own fields
   (errno, value, lineno...), which live in the dict here but in the C
   layout in CPython, so that reduction and copying leave them to args. */
static bool exc_dict_key_is_field(gp_object_t *self, gp_object_t *key)
{
    if (!gp_str_check(key))
        return false;
    gp_object_t *d = gp_type_lookup(GP_TYPE(self), key);
    return d && GP_TYPE(d) == &gp_getset_descr_type &&
           ((gp_getset_descr_t *)d)->def->get == exc_attr_getter;
}

/* BaseException.__reduce__: (type, args) and the instance dict's own
   attributes, as CPython; copy and pickle rebuild through it. */
static gp_object_t *exc_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    (void)args;
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_exception_t *e = EXC(self);
    gp_object_t *eargs = e->args ? GP_INCREF(e->args) : gp_tuple_new(0);
    if (!eargs)
        return NULL;
    /* OSError(errno, strerror) with a filename passes it back through args
       (and filename2 after a None winerror), as CPython's reduction does. */
    gp_object_t *filename = gp_object_isinstance_type(self, &gp_exc_OSError) &&
                                    GP_TUPLE_SIZE(eargs) == 2
                                ? exc_attr(self, "filename")
                                : NULL;
    if (filename != NULL && filename != gp_None) {
        gp_object_t *filename2 = exc_attr(self, "filename2");
        bool two = filename2 != NULL && filename2 != gp_None;
        gp_object_t *wide = two ? gp_tuple_pack(5, GP_TUPLE_GET(eargs, 0), GP_TUPLE_GET(eargs, 1),
                                                filename, gp_None, filename2)
                                : gp_tuple_pack(3, GP_TUPLE_GET(eargs, 0), GP_TUPLE_GET(eargs, 1),
                                                filename);
        GP_SETREF(eargs, wide);
        if (!eargs)
            return NULL;
    }
    gp_object_t *state = NULL;
    if (e->dict && gp_dict_size(e->dict) > 0) {
        state = gp_dict_new();
        intptr_t pos = 0;
        gp_object_t *key, *value;
        while (state && gp_dict_next(e->dict, &pos, &key, &value)) {
            if (!exc_dict_key_is_field(self, key) && gp_dict_setitem(state, key, value) < 0)
                GP_CLEAR(state);
        }
        if (!state) {
            GP_DECREF(eargs);
            return NULL;
        }
    }
    /* ImportError's name and path are state, not args (after the dict's
       own items, as CPython orders them). */
    static const char *const import_fields[] = {"name", "path"};
    bool is_import = gp_object_isinstance_type(self, &gp_exc_ImportError);
    for (size_t i = 0; is_import && i < 2; i++) {
        gp_object_t *v = exc_attr(self, import_fields[i]);
        if (v == NULL || v == gp_None)
            continue;
        if ((state == NULL && (state = gp_dict_new()) == NULL) ||
            gp_dict_setitem_cstr(state, import_fields[i], v) < 0) {
            GP_XDECREF(state);
            GP_DECREF(eargs);
            return NULL;
        }
    }
    if (state != NULL && gp_dict_size(state) == 0)
        GP_CLEAR(state);
    gp_object_t *res = state ? gp_tuple_pack(3, (gp_object_t *)GP_TYPE(self), eargs, state)
                             : gp_tuple_pack(2, (gp_object_t *)GP_TYPE(self), eargs);
    GP_DECREF(eargs);
    GP_XDECREF(state);
    return res;
}

static gp_object_t *exc_setstate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (args[0] == gp_None)
        return gp_none_new();
    if (!gp_dict_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "state is not a dictionary");
        return NULL;
    }
    intptr_t pos = 0;
    gp_object_t *key, *value;
    while (gp_dict_next(args[0], &pos, &key, &value)) {
        if (gp_object_setattr(self, key, value) < 0)
            return NULL;
    }
    return gp_none_new();
}

#define ATTR(n)                                              \
    {                                                        \
        n, exc_attr_getter, exc_attr_setter, (void *)n, NULL \
    }
#define GETSETS_END                  \
    {                                \
        NULL, NULL, NULL, NULL, NULL \
    }

/* Stores keyword arguments named in [allowed] as attributes; anything
   else is CPython's "invalid keyword argument" error. */
static int exc_keyword_attrs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames, const char *const *allowed, const char *fname)
{
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        gp_object_t *key = GP_TUPLE_GET(kwnames, k);
        const char *const *a = allowed;
        while (*a && !gp_str_eq_cstr(key, *a))
            a++;
        if (*a == NULL) {
            gp_err_format(&gp_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
        if (exc_attr_set(self, *a, args[nargs + k]) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* StopIteration, SystemExit                                            */
/* ------------------------------------------------------------------ */

static int stopiteration_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (base_exc_init(self, args, nargs, kwnames) < 0)
        return -1;
    return exc_attr_set(self, "value", nargs > 0 ? args[0] : gp_None);
}

static const gp_getset_def_t stopiteration_getsets[] = {ATTR("value"), GETSETS_END};

static int systemexit_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                           gp_object_t *kwnames)
{
    if (base_exc_init(self, args, nargs, kwnames) < 0)
        return -1;
    gp_object_t *code = nargs == 0 ? gp_None : nargs == 1 ? args[0] : EXC(self)->args;
    return exc_attr_set(self, "code", code);
}

static const gp_getset_def_t systemexit_getsets[] = {ATTR("code"), GETSETS_END};

/* ------------------------------------------------------------------ */
/* KeyError, ImportError, NameError, AttributeError                     */
/* ------------------------------------------------------------------ */

static gp_object_t *keyerror_str(gp_object_t *self)
{
    if (exc_nargs(self) == 1)
        return gp_object_repr(GP_TUPLE_GET(EXC(self)->args, 0));
    return base_exc_str(self);
}

static int importerror_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    static const char *const allowed[] = {"name", "path", NULL};
    /* A second __init__ call forgets the name and path it does not repeat. */
    if (exc_set_args(self, args, nargs) < 0 || exc_attr_set(self, "name", gp_None) < 0 ||
        exc_attr_set(self, "path", gp_None) < 0 ||
        exc_keyword_attrs(self, args, nargs, kwnames, allowed, "ImportError") < 0)
        return -1;
    return exc_attr_set(self, "msg", nargs == 1 ? args[0] : gp_None);
}

static gp_object_t *importerror_str(gp_object_t *self)
{
    gp_object_t *msg = exc_attr(self, "msg");
    if (msg != NULL && msg != gp_None)
        return gp_object_str(msg);
    return base_exc_str(self);
}

static const gp_getset_def_t importerror_getsets[] = {ATTR("msg"), ATTR("name"), ATTR("path"),
                                                      GETSETS_END};

static int nameerror_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames)
{
    static const char *const allowed[] = {"name", NULL};
    if (exc_set_args(self, args, nargs) < 0)
        return -1;
    return exc_keyword_attrs(self, args, nargs, kwnames, allowed, "NameError");
}

static const gp_getset_def_t nameerror_getsets[] = {ATTR("name"), GETSETS_END};

static int attributeerror_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const allowed[] = {"name", "obj", NULL};
    if (exc_set_args(self, args, nargs) < 0)
        return -1;
    return exc_keyword_attrs(self, args, nargs, kwnames, allowed, "AttributeError");
}

static const gp_getset_def_t attributeerror_getsets[] = {ATTR("name"), ATTR("obj"), GETSETS_END};

/* ------------------------------------------------------------------ */
/* OSError                                                              */
/* ------------------------------------------------------------------ */

static gp_type_t *oserror_subclass_for(int64_t code)
{
    switch (code) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &gp_exc_BlockingIOError;
    case ECHILD:
        return &gp_exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN:
        return &gp_exc_BrokenPipeError;
    case ECONNABORTED:
        return &gp_exc_ConnectionAbortedError;
    case ECONNREFUSED:
        return &gp_exc_ConnectionRefusedError;
    case ECONNRESET:
        return &gp_exc_ConnectionResetError;
    case EEXIST:
        return &gp_exc_FileExistsError;
    case ENOENT:
        return &gp_exc_FileNotFoundError;
    case EISDIR:
        return &gp_exc_IsADirectoryError;
    case ENOTDIR:
        return &gp_exc_NotADirectoryError;
    case EINTR:
        return &gp_exc_InterruptedError;
    case EACCES:
    case EPERM:
        return &gp_exc_PermissionError;
    case ESRCH:
        return &gp_exc_ProcessLookupError;
    case ETIMEDOUT:
        return &gp_exc_TimeoutError;
    default:
        return NULL;
    }
}

static gp_object_t *oserror_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (type == &gp_exc_OSError && nargs >= 2 && gp_int_check(args[0])) {
        int overflow = 0;
        int64_t code = gp_int_as_i64_overflow(args[0], &overflow);
        gp_type_t *sub = overflow ? NULL : oserror_subclass_for(code);
        if (sub != NULL)
            type = sub;
    }
    /* With a filename, args keeps only (errno, strerror), as CPython. */
    bool has_filename = nargs >= 3 && nargs <= 5 && args[2] != gp_None;
    gp_object_t *self = exc_alloc(type, args, has_filename ? 2 : nargs);
    if (self == NULL)
        return NULL;
    if (nargs >= 2 && nargs <= 5) {
        if (exc_attr_set(self, "errno", args[0]) < 0 ||
            exc_attr_set(self, "strerror", args[1]) < 0 ||
            (nargs >= 3 && exc_attr_set(self, "filename", args[2]) < 0) ||
            (nargs == 5 && exc_attr_set(self, "filename2", args[4]) < 0)) {
            GP_DECREF(self);
            return NULL;
        }
    }
    return self;
}

static int oserror_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                        gp_object_t *kwnames)
{
    /* Everything was parsed by __new__; only keywords are refused here. */
    return exc_no_keywords(self, kwnames);
}

static gp_object_t *oserror_str(gp_object_t *self)
{
    gp_object_t *code = exc_attr(self, "errno"), *msg = exc_attr(self, "strerror");
    gp_object_t *file = exc_attr(self, "filename"), *file2 = exc_attr(self, "filename2");
    if (file != NULL && file != gp_None) {
        if (file2 != NULL && file2 != gp_None)
            return gp_str_from_format("[Errno %S] %S: %R -> %R", code ? code : gp_None,
                                      msg ? msg : gp_None, file, file2);
        return gp_str_from_format("[Errno %S] %S: %R", code ? code : gp_None, msg ? msg : gp_None,
                                  file);
    }
    if (code != NULL && code != gp_None && msg != NULL && msg != gp_None)
        return gp_str_from_format("[Errno %S] %S", code, msg);
    return base_exc_str(self);
}

static const gp_getset_def_t oserror_getsets[] = {ATTR("errno"), ATTR("strerror"), ATTR("filename"),
                                                  ATTR("filename2"), GETSETS_END};

/* ------------------------------------------------------------------ */
/* SyntaxError                                                          */
/* ------------------------------------------------------------------ */

static int syntaxerror_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    static const char *const fields[] = {"filename", "lineno",     "offset",
                                         "text",     "end_lineno", "end_offset"};
    if (base_exc_init(self, args, nargs, kwnames) < 0)
        return -1;
    if (nargs >= 1 && exc_attr_set(self, "msg", args[0]) < 0)
        return -1;
    if (nargs == 2) {
        gp_object_t *info = gp_tuple_from_iterable(args[1]);
        if (info == NULL)
            return -1;
        intptr_t n = GP_TUPLE_SIZE(info);
        if (n < 4 || n > 6) {
            GP_DECREF(info);
            gp_err_format(&gp_exc_TypeError, "function takes at %s %d arguments (%zd given)",
                          n < 4 ? "least" : "most", n < 4 ? 4 : 6, (ssize_t)n);
            return -1;
        }
        if (n == 5) {
            GP_DECREF(info);
            gp_err_set_string(&gp_exc_TypeError,
                              "end_offset must be provided when end_lineno is provided");
            return -1;
        }
        for (intptr_t i = 0; i < n; i++)
            if (exc_attr_set(self, fields[i], GP_TUPLE_GET(info, i)) < 0) {
                GP_DECREF(info);
                return -1;
            }
        GP_DECREF(info);
    }
    return 0;
}

static gp_object_t *syntaxerror_str(gp_object_t *self)
{
    gp_object_t *msg = exc_attr(self, "msg");
    gp_object_t *filename = exc_attr(self, "filename");
    gp_object_t *lineno = exc_attr(self, "lineno");
    if (msg == NULL)
        msg = gp_None;
    gp_object_t *base = NULL;
    if (filename != NULL && gp_str_check(filename)) {
        const char *path = gp_str_utf8(filename);
        const char *slash = strrchr(path, '/');
        base = gp_str_from_cstr(slash ? slash + 1 : path);
        if (base == NULL)
            return NULL;
    }
    bool have_lineno = lineno != NULL && (GP_IS_SMALL(lineno) || GP_IS_TYPE(lineno, gp_int_type));
    gp_object_t *res;
    if (base == NULL && !have_lineno)
        res = gp_object_str(msg);
    else if (base != NULL && have_lineno)
        res = gp_str_from_format("%S (%U, line %lld)", msg, base, (long long)gp_int_as_i64(lineno));
    else if (base != NULL)
        res = gp_str_from_format("%S (%U)", msg, base);
    else
        res = gp_str_from_format("%S (line %lld)", msg, (long long)gp_int_as_i64(lineno));
    GP_XDECREF(base);
    return res;
}

static const gp_getset_def_t syntaxerror_getsets[] = {
    ATTR("msg"),  ATTR("filename"),   ATTR("lineno"),     ATTR("offset"),
    ATTR("text"), ATTR("end_lineno"), ATTR("end_offset"), ATTR("print_file_and_line"),
    GETSETS_END};

/* ------------------------------------------------------------------ */
/* UnicodeDecodeError, UnicodeEncodeError                               */
/* ------------------------------------------------------------------ */

static int unicodeerror_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    static const char *const fields[] = {"encoding", "object", "start", "end", "reason"};
    if (exc_no_keywords(self, kwnames) < 0)
        return -1;
    if (nargs != 5) {
        gp_err_format(&gp_exc_TypeError, "function takes exactly 5 arguments (%zu given)", nargs);
        return -1;
    }
    if (!gp_str_check(args[0]) || !gp_int_check(args[2]) || !gp_int_check(args[3]) ||
        !gp_str_check(args[4])) {
        gp_err_set_string(&gp_exc_TypeError, "argument types do not match UnicodeError fields");
        return -1;
    }
    if (exc_set_args(self, args, nargs) < 0)
        return -1;
    /* A decode error keeps its input as bytes, whatever buffer it came in. */
    gp_object_t *copy = NULL;
    if (GP_IS_TYPE(args[1], gp_bytearray_type) &&
        gp_object_isinstance_type(self, &gp_exc_UnicodeDecodeError)) {
        copy = gp_bytes_new(gp_bytes_data(args[1]), gp_bytes_len(args[1]));
        if (copy == NULL)
            return -1;
    }
    int rc = 0;
    for (int i = 0; i < 5 && rc == 0; i++)
        rc = exc_attr_set(self, fields[i], i == 1 && copy != NULL ? copy : args[i]);
    GP_XDECREF(copy);
    return rc;
}

static gp_object_t *unicodedecode_str(gp_object_t *self)
{
    gp_object_t *enc = exc_attr(self, "encoding"), *obj = exc_attr(self, "object");
    gp_object_t *start = exc_attr(self, "start"), *end = exc_attr(self, "end");
    gp_object_t *reason = exc_attr(self, "reason");
    if (enc == NULL || obj == NULL || start == NULL || end == NULL || reason == NULL)
        return base_exc_str(self);
    int64_t s = gp_int_as_i64(start), e = gp_int_as_i64(end);
    if (e == s + 1 && (gp_bytes_check(obj) || GP_IS_TYPE(obj, gp_bytearray_type)) && s >= 0 &&
        (size_t)s < gp_bytes_len(obj)) {
        char byte[8];
        snprintf(byte, sizeof(byte), "0x%02x", (unsigned)(unsigned char)gp_bytes_data(obj)[s]);
        return gp_str_from_format("'%S' codec can't decode byte %s in position %lld: %S", enc, byte,
                                  (long long)s, reason);
    }
    return gp_str_from_format("'%S' codec can't decode bytes in position %lld-%lld: %S", enc,
                              (long long)s, (long long)(e - 1), reason);
}

/* The code point at index [i] of str [s], or -1. */
static long str_codepoint_at(gp_object_t *s, int64_t i)
{
    const unsigned char *p = (const unsigned char *)gp_str_utf8(s);
    size_t n = gp_str_utf8_len(s), pos = 0;
    for (int64_t k = 0; pos < n; k++) {
        unsigned char c = p[pos];
        size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k == i) {
            long cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
            for (size_t j = 1; j < len && pos + j < n; j++)
                cp = (cp << 6) | (p[pos + j] & 0x3F);
            return cp;
        }
        pos += len;
    }
    return -1;
}

/* A code point escaped as repr() would: \xNN, \uNNNN or \UNNNNNNNN. */
static void codepoint_escape(char *buf, size_t size, long cp)
{
    snprintf(buf, size,
             cp <= 0xff     ? "\\x%02lx"
             : cp <= 0xffff ? "\\u%04lx"
                            : "\\U%08lx",
             cp);
}

static gp_object_t *unicodeencode_str(gp_object_t *self)
{
    gp_object_t *enc = exc_attr(self, "encoding"), *obj = exc_attr(self, "object");
    gp_object_t *start = exc_attr(self, "start"), *end = exc_attr(self, "end");
    gp_object_t *reason = exc_attr(self, "reason");
    if (enc == NULL || obj == NULL || start == NULL || end == NULL || reason == NULL)
        return base_exc_str(self);
    int64_t s = gp_int_as_i64(start), e = gp_int_as_i64(end);
    long cp = e == s + 1 && gp_str_check(obj) ? str_codepoint_at(obj, s) : -1;
    if (cp >= 0) {
        char ch[16];
        codepoint_escape(ch, sizeof ch, cp);
        return gp_str_from_format("'%S' codec can't encode character '%s' in position %lld: %S",
                                  enc, ch, (long long)s, reason);
    }
    return gp_str_from_format("'%S' codec can't encode characters in position %lld-%lld: %S", enc,
                              (long long)s, (long long)(e - 1), reason);
}

/* UnicodeTranslateError takes (object, start, end, reason): translation has
   no codec, so its `encoding` attribute reads None. The argument checks
   follow CPython's positional parser, which names the offending slot. */
static int unicodetranslate_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const fields[] = {"object", "start", "end", "reason"};
    if (exc_no_keywords(self, kwnames) < 0)
        return -1;
    if (nargs != 4) {
        gp_err_format(&gp_exc_TypeError, "function takes exactly 4 arguments (%zu given)", nargs);
        return -1;
    }
    gp_object_t *values[4] = {args[0], NULL, NULL, args[3]};
    int rc = -1;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "argument 1 must be str, not %T", args[0]);
        return -1;
    }
    /* Positions go through __index__, so a bool or an int subclass is fine. */
    if ((values[1] = gp_number_index(args[1])) == NULL ||
        (values[2] = gp_number_index(args[2])) == NULL)
        goto done;
    if (!gp_str_check(args[3])) {
        gp_err_format(&gp_exc_TypeError, "argument 4 must be str, not %T", args[3]);
        goto done;
    }
    if (exc_set_args(self, args, nargs) < 0 || exc_attr_set(self, "encoding", gp_None) < 0)
        goto done;
    for (int i = 0; i < 4; i++)
        if (exc_attr_set(self, fields[i], values[i]) < 0)
            goto done;
    rc = 0;
done:
    GP_XDECREF(values[1]);
    GP_XDECREF(values[2]);
    return rc;
}

static gp_object_t *unicodetranslate_str(gp_object_t *self)
{
    gp_object_t *obj = exc_attr(self, "object"), *reason = exc_attr(self, "reason");
    gp_object_t *start = exc_attr(self, "start"), *end = exc_attr(self, "end");
    if (obj == NULL || start == NULL || end == NULL || reason == NULL || !gp_int_check(start) ||
        !gp_int_check(end))
        return base_exc_str(self);
    int64_t s = gp_int_as_i64(start), e = gp_int_as_i64(end);
    long cp = e == s + 1 && gp_str_check(obj) ? str_codepoint_at(obj, s) : -1;
    if (cp >= 0) {
        /* Unlike the encode message, even a printable character is escaped. */
        char ch[16];
        codepoint_escape(ch, sizeof ch, cp);
        return gp_str_from_format("can't translate character '%s' in position %lld: %S", ch,
                                  (long long)s, reason);
    }
    return gp_str_from_format("can't translate characters in position %lld-%lld: %S",
                              (long long)s, (long long)(e - 1), reason);
}

static const gp_getset_def_t unicodeerror_getsets[] = {
    ATTR("encoding"), ATTR("object"), ATTR("start"), ATTR("end"), ATTR("reason"), GETSETS_END};

/* ------------------------------------------------------------------ */
/* The types                                                            */
/* ------------------------------------------------------------------ */

#define EXC_FLAGS (GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC | GP_TYPE_FLAG_EXC_SUBCLASS)
#define EXC_TYPE(cname, pyname, basevar, ...)                                          \
    gp_type_t gp_exc_##cname = {                                                       \
        GP_TYPE_HEAD_INIT,  .name = pyname,       .basicsize = sizeof(gp_exception_t), \
        .flags = EXC_FLAGS, .base_type = basevar, __VA_ARGS__}

gp_type_t gp_exc_BaseException = {
    GP_TYPE_HEAD_INIT,
    .name = "BaseException",
    .basicsize = sizeof(gp_exception_t),
    .flags = EXC_FLAGS,
    .dealloc = exc_dealloc,
    .new_ = base_exc_new,
    .init = base_exc_init,
    .repr = base_exc_repr,
    .str = base_exc_str,
    .traverse = exc_traverse,
    .clear = exc_clear,
    .methods = base_exc_methods,
    .getsets = base_exc_getsets,
    .doc = "Common base class for all exceptions",
};

EXC_TYPE(Exception, "Exception", &gp_exc_BaseException,
         .doc = "Common base class for all non-exit exceptions.");
EXC_TYPE(SystemExit, "SystemExit", &gp_exc_BaseException, .init = systemexit_init,
         .getsets = systemexit_getsets, .doc = "Request to exit from the interpreter.");
EXC_TYPE(KeyboardInterrupt, "KeyboardInterrupt", &gp_exc_BaseException,
         .doc = "Program interrupted by user.");
EXC_TYPE(GeneratorExit, "GeneratorExit", &gp_exc_BaseException,
         .doc = "Request that a generator exit.");
EXC_TYPE(StopIteration, "StopIteration", &gp_exc_Exception, .init = stopiteration_init,
         .getsets = stopiteration_getsets, .doc = "Signal the end from iterator.__next__().");
EXC_TYPE(StopAsyncIteration, "StopAsyncIteration", &gp_exc_Exception,
         .doc = "Signal the end from iterator.__anext__().");
EXC_TYPE(ArithmeticError, "ArithmeticError", &gp_exc_Exception,
         .doc = "Base class for arithmetic errors.");
EXC_TYPE(ZeroDivisionError, "ZeroDivisionError", &gp_exc_ArithmeticError,
         .doc = "Second argument to a division or modulo operation was zero.");
EXC_TYPE(OverflowError, "OverflowError", &gp_exc_ArithmeticError,
         .doc = "Result too large to be represented.");
EXC_TYPE(FloatingPointError, "FloatingPointError", &gp_exc_ArithmeticError,
         .doc = "Floating point operation failed.");
EXC_TYPE(AssertionError, "AssertionError", &gp_exc_Exception, .doc = "Assertion failed.");
EXC_TYPE(AttributeError, "AttributeError", &gp_exc_Exception, .init = attributeerror_init,
         .getsets = attributeerror_getsets, .doc = "Attribute not found.");
EXC_TYPE(BufferError, "BufferError", &gp_exc_Exception, .doc = "Buffer error.");
EXC_TYPE(EOFError, "EOFError", &gp_exc_Exception, .doc = "Read beyond end of file.");
EXC_TYPE(ImportError, "ImportError", &gp_exc_Exception, .init = importerror_init,
         .str = importerror_str, .getsets = importerror_getsets,
         .doc = "Import can't find module, or can't find name in module.");
EXC_TYPE(ModuleNotFoundError, "ModuleNotFoundError", &gp_exc_ImportError,
         .doc = "Module not found.");
EXC_TYPE(LookupError, "LookupError", &gp_exc_Exception, .doc = "Base class for lookup errors.");
EXC_TYPE(IndexError, "IndexError", &gp_exc_LookupError, .doc = "Sequence index out of range.");
EXC_TYPE(KeyError, "KeyError", &gp_exc_LookupError, .str = keyerror_str,
         .doc = "Mapping key not found.");
EXC_TYPE(MemoryError, "MemoryError", &gp_exc_Exception, .doc = "Out of memory.");
EXC_TYPE(NameError, "NameError", &gp_exc_Exception, .init = nameerror_init,
         .getsets = nameerror_getsets, .doc = "Name not found globally.");
EXC_TYPE(UnboundLocalError, "UnboundLocalError", &gp_exc_NameError,
         .doc = "Local name referenced but not bound to a value.");
EXC_TYPE(OSError, "OSError", &gp_exc_Exception, .new_ = oserror_new, .init = oserror_init,
         .str = oserror_str, .getsets = oserror_getsets,
         .doc = "Base class for I/O related errors.");
EXC_TYPE(FileNotFoundError, "FileNotFoundError", &gp_exc_OSError, .doc = "File not found.");
EXC_TYPE(FileExistsError, "FileExistsError", &gp_exc_OSError, .doc = "File already exists.");
EXC_TYPE(IsADirectoryError, "IsADirectoryError", &gp_exc_OSError,
         .doc = "Operation doesn't work on directories.");
EXC_TYPE(NotADirectoryError, "NotADirectoryError", &gp_exc_OSError,
         .doc = "Operation only works on directories.");
EXC_TYPE(PermissionError, "PermissionError", &gp_exc_OSError, .doc = "Not enough permissions.");
EXC_TYPE(TimeoutError, "TimeoutError", &gp_exc_OSError, .doc = "Timeout expired.");
EXC_TYPE(ConnectionError, "ConnectionError", &gp_exc_OSError, .doc = "Connection error.");
EXC_TYPE(BrokenPipeError, "BrokenPipeError", &gp_exc_ConnectionError, .doc = "Broken pipe.");
EXC_TYPE(ConnectionRefusedError, "ConnectionRefusedError", &gp_exc_ConnectionError,
         .doc = "Connection refused.");
EXC_TYPE(ConnectionResetError, "ConnectionResetError", &gp_exc_ConnectionError,
         .doc = "Connection reset.");
EXC_TYPE(ConnectionAbortedError, "ConnectionAbortedError", &gp_exc_ConnectionError,
         .doc = "Connection aborted.");
EXC_TYPE(InterruptedError, "InterruptedError", &gp_exc_OSError, .doc = "Interrupted by signal.");
EXC_TYPE(BlockingIOError, "BlockingIOError", &gp_exc_OSError, .doc = "I/O operation would block.");
EXC_TYPE(ChildProcessError, "ChildProcessError", &gp_exc_OSError, .doc = "Child process error.");
EXC_TYPE(ProcessLookupError, "ProcessLookupError", &gp_exc_OSError, .doc = "Process not found.");
EXC_TYPE(ReferenceError, "ReferenceError", &gp_exc_Exception,
         .doc = "Weak ref proxy used after referent went away.");
EXC_TYPE(RuntimeError, "RuntimeError", &gp_exc_Exception, .doc = "Unspecified run-time error.");
EXC_TYPE(NotImplementedError, "NotImplementedError", &gp_exc_RuntimeError,
         .doc = "Method or function hasn't been implemented yet.");
EXC_TYPE(RecursionError, "RecursionError", &gp_exc_RuntimeError,
         .doc = "Recursion limit exceeded.");
EXC_TYPE(SyntaxError, "SyntaxError", &gp_exc_Exception, .init = syntaxerror_init,
         .str = syntaxerror_str, .getsets = syntaxerror_getsets, .doc = "Invalid syntax.");
EXC_TYPE(IndentationError, "IndentationError", &gp_exc_SyntaxError, .doc = "Improper indentation.");
EXC_TYPE(TabError, "TabError", &gp_exc_IndentationError,
         .doc = "Improper mixture of spaces and tabs.");
EXC_TYPE(SystemError, "SystemError", &gp_exc_Exception,
         .doc = "Internal error in the Python interpreter.\n\n"
                "Please report this to the Python maintainer, along with the traceback,\n"
                "the Python version, and the hardware/OS platform and version.");
EXC_TYPE(TypeError, "TypeError", &gp_exc_Exception, .doc = "Inappropriate argument type.");
EXC_TYPE(ValueError, "ValueError", &gp_exc_Exception,
         .doc = "Inappropriate argument value (of correct type).");
EXC_TYPE(UnicodeError, "UnicodeError", &gp_exc_ValueError, .doc = "Unicode related error.");
EXC_TYPE(UnicodeDecodeError, "UnicodeDecodeError", &gp_exc_UnicodeError, .init = unicodeerror_init,
         .str = unicodedecode_str, .getsets = unicodeerror_getsets,
         .doc = "Unicode decoding error.");
EXC_TYPE(UnicodeEncodeError, "UnicodeEncodeError", &gp_exc_UnicodeError, .init = unicodeerror_init,
         .str = unicodeencode_str, .getsets = unicodeerror_getsets,
         .doc = "Unicode encoding error.");
EXC_TYPE(UnicodeTranslateError, "UnicodeTranslateError", &gp_exc_UnicodeError,
         .init = unicodetranslate_init, .str = unicodetranslate_str,
         .getsets = unicodeerror_getsets, .doc = "Unicode translation error.");
EXC_TYPE(Warning, "Warning", &gp_exc_Exception, .doc = "Base class for warning categories.");
EXC_TYPE(UserWarning, "UserWarning", &gp_exc_Warning,
         .doc = "Base class for warnings generated by user code.");
EXC_TYPE(DeprecationWarning, "DeprecationWarning", &gp_exc_Warning,
         .doc = "Base class for warnings about deprecated features.");
EXC_TYPE(RuntimeWarning, "RuntimeWarning", &gp_exc_Warning,
         .doc = "Base class for warnings about dubious runtime behavior.");
/* The remaining standard categories. They carry no behaviour of their own;
   being builtin types (rather than classes lib/warnings.py makes) means the
   core can raise them and every module filters the very same classes. */
EXC_TYPE(PendingDeprecationWarning, "PendingDeprecationWarning", &gp_exc_Warning,
         .doc = "Warns that a feature is due to be deprecated later.");
EXC_TYPE(SyntaxWarning, "SyntaxWarning", &gp_exc_Warning,
         .doc = "Warns about questionable syntax.");
EXC_TYPE(FutureWarning, "FutureWarning", &gp_exc_Warning,
         .doc = "Warns that a construct's meaning is going to change.");
EXC_TYPE(ImportWarning, "ImportWarning", &gp_exc_Warning,
         .doc = "Warns about a likely mistake in how a module is imported.");
EXC_TYPE(UnicodeWarning, "UnicodeWarning", &gp_exc_Warning,
         .doc = "Warns about a questionable Unicode conversion.");
EXC_TYPE(BytesWarning, "BytesWarning", &gp_exc_Warning,
         .doc = "Warns about mixing bytes with str or other bytes pitfalls.");
EXC_TYPE(ResourceWarning, "ResourceWarning", &gp_exc_Warning,
         .doc = "Warns about a resource (file, socket...) left open or leaked.");
EXC_TYPE(EncodingWarning, "EncodingWarning", &gp_exc_Warning,
         .doc = "Warns that text was read or written with an implicit encoding.");

int gp_exceptions_init(void)
{
    gp_type_t *types[] = {
        &gp_exc_BaseException,
        &gp_exc_Exception,
        &gp_exc_SystemExit,
        &gp_exc_KeyboardInterrupt,
        &gp_exc_GeneratorExit,
        &gp_exc_StopIteration,
        &gp_exc_StopAsyncIteration,
        &gp_exc_ArithmeticError,
        &gp_exc_ZeroDivisionError,
        &gp_exc_OverflowError,
        &gp_exc_FloatingPointError,
        &gp_exc_AssertionError,
        &gp_exc_AttributeError,
        &gp_exc_BufferError,
        &gp_exc_EOFError,
        &gp_exc_ImportError,
        &gp_exc_ModuleNotFoundError,
        &gp_exc_LookupError,
        &gp_exc_IndexError,
        &gp_exc_KeyError,
        &gp_exc_MemoryError,
        &gp_exc_NameError,
        &gp_exc_UnboundLocalError,
        &gp_exc_OSError,
        &gp_exc_FileNotFoundError,
        &gp_exc_FileExistsError,
        &gp_exc_IsADirectoryError,
        &gp_exc_NotADirectoryError,
        &gp_exc_PermissionError,
        &gp_exc_TimeoutError,
        &gp_exc_ConnectionError,
        &gp_exc_BrokenPipeError,
        &gp_exc_ConnectionRefusedError,
        &gp_exc_ConnectionResetError,
        &gp_exc_ConnectionAbortedError,
        &gp_exc_InterruptedError,
        &gp_exc_BlockingIOError,
        &gp_exc_ChildProcessError,
        &gp_exc_ProcessLookupError,
        &gp_exc_ReferenceError,
        &gp_exc_RuntimeError,
        &gp_exc_NotImplementedError,
        &gp_exc_RecursionError,
        &gp_exc_SyntaxError,
        &gp_exc_IndentationError,
        &gp_exc_TabError,
        &gp_exc_SystemError,
        &gp_exc_TypeError,
        &gp_exc_ValueError,
        &gp_exc_UnicodeError,
        &gp_exc_UnicodeDecodeError,
        &gp_exc_UnicodeEncodeError,
        &gp_exc_Warning,
        &gp_exc_UserWarning,
        &gp_exc_DeprecationWarning,
        &gp_exc_RuntimeWarning,
        &gp_exc_UnicodeTranslateError,
        &gp_exc_PendingDeprecationWarning,
        &gp_exc_SyntaxWarning,
        &gp_exc_FutureWarning,
        &gp_exc_ImportWarning,
        &gp_exc_UnicodeWarning,
        &gp_exc_BytesWarning,
        &gp_exc_ResourceWarning,
        &gp_exc_EncodingWarning,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (gp_type_ready(types[i]) < 0)
            return -1;
    /* The groups live in their own file: they have a layout and methods of their own. */
    if (gp_exception_group_init() < 0)
        return -1;
    if (memory_error_instance == NULL) {
        /* Never tracked and never freed: it must exist when nothing else can. */
        gp_exception_t *e = (gp_exception_t *)gp_object_alloc(&gp_exc_MemoryError, 0);
        if (e == NULL)
            return -1;
        e->args = gp_tuple_new(0);
        if (e->args == NULL) {
            gp_object_free((gp_object_t *)e);
            return -1;
        }
        memory_error_instance = (gp_object_t *)e;
    }
    return 0;
}
