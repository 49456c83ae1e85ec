/*
 * function.c - Python function objects, bound methods and cells.
 *
 * Design notes
 * ------------
 * A function is a code object plus what a `def` statement evaluated when it
 * ran: globals, defaults, keyword-only defaults and the closure (a tuple of
 * cells shared with the enclosing frames). Calling one goes through
 * gp_function_vectorcall() in eval.c, but calls made by the eval loop
 * itself never get here: the loop recognises gp_function_type and pushes
 * the callee's frame in place.
 *
 * Functions keep arbitrary attributes (f.attr = 1) in a managed __dict__,
 * like instances of user classes, so the generic attribute code handles
 * them. A function's `descr_get` binds it: looking a function up on an
 * instance yields a bound method, which prepends the instance to the
 * arguments when called.
 *
 * All three types can take part in reference cycles (a function in its own
 * globals, a cell holding the closure that holds it) and are GC-tracked.
 */
#include <string.h>

#include "vm/vm.h"

/* ------------------------------------------------------------------ */
/* Functions                                                            */
/* ------------------------------------------------------------------ */

gp_object_t *gp_function_new(gp_object_t *code, gp_object_t *globals, gp_object_t *qualname)
{
    gp_code_t *co = (gp_code_t *)code;
    gp_function_t *f = (gp_function_t *)gp_object_alloc(&gp_function_type, 0);
    if (!f)
        return NULL;
    f->code = GP_INCREF(code);
    f->globals = GP_INCREF(globals);
    f->name = GP_INCREF(co->name);
    f->qualname = GP_INCREF(qualname ? qualname : co->qualname);
    if ((co->flags & GP_CODE_HAS_DOCSTRING) && GP_TUPLE_SIZE(co->consts) > 0)
        f->doc = GP_INCREF(GP_TUPLE_GET(co->consts, 0));
    gp_object_t *module = gp_dict_getitem_cstr(globals, "__name__");
    if (module)
        f->module = GP_INCREF(module);
    else if (gp_err_occurred())
        gp_err_clear();
    gp_gc_track((gp_object_t *)f);
    return (gp_object_t *)f;
}

static int function_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_function_t *f = (gp_function_t *)self;
    gp_object_t *fields[] = {f->code,       f->globals, f->name,    f->qualname,
                             f->doc,        f->defaults, f->kwdefaults, f->closure,
                             f->module,     f->annotations};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && GP_IS_PTR(fields[i])) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    gp_object_t **dp = gp_object_dict_ptr(self);
    if (dp && *dp)
        return visit(*dp, arg);
    return 0;
}

static int function_clear(gp_object_t *self)
{
    gp_function_t *f = (gp_function_t *)self;
    GP_CLEAR(f->globals);
    GP_CLEAR(f->doc);
    GP_CLEAR(f->defaults);
    GP_CLEAR(f->kwdefaults);
    GP_CLEAR(f->closure);
    GP_CLEAR(f->module);
    GP_CLEAR(f->annotations);
    gp_object_t **dp = gp_object_dict_ptr(self);
    if (dp)
        GP_CLEAR(*dp);
    return 0;
}

static void function_dealloc(gp_object_t *self)
{
    gp_function_t *f = (gp_function_t *)self;
    gp_gc_untrack(self);
    function_clear(self);
    GP_CLEAR(f->code);
    GP_CLEAR(f->name);
    GP_CLEAR(f->qualname);
    gp_object_free(self);
}

static gp_object_t *function_repr(gp_object_t *self)
{
    gp_function_t *f = (gp_function_t *)self;
    return gp_str_from_format("<function %U at %p>", f->qualname, (void *)self);
}

static gp_object_t *function_descr_get(gp_object_t *descr, gp_object_t *obj, gp_object_t *owner)
{
    if (!obj || obj == gp_None)
        return GP_INCREF(descr);
    return gp_method_new(descr, obj);
}

enum {
    FN_NAME,
    FN_QUALNAME,
    FN_DOC,
    FN_DEFAULTS,
    FN_KWDEFAULTS,
    FN_CLOSURE,
    FN_GLOBALS,
    FN_CODE,
    FN_MODULE,
    FN_DICT,
    FN_ANNOTATIONS,
    FN_BUILTINS,
};

static gp_object_t *or_none(gp_object_t *o)
{
    return GP_INCREF(o ? o : gp_None);
}

static gp_object_t *function_get(gp_object_t *self, void *closure)
{
    gp_function_t *f = (gp_function_t *)self;
    switch ((int)(intptr_t)closure) {
    case FN_NAME:
        return GP_INCREF(f->name);
    case FN_QUALNAME:
        return GP_INCREF(f->qualname);
    case FN_DOC:
        return or_none(f->doc);
    case FN_DEFAULTS:
        return or_none(f->defaults);
    case FN_KWDEFAULTS:
        return or_none(f->kwdefaults);
    case FN_CLOSURE:
        return or_none(f->closure);
    case FN_GLOBALS:
        return GP_INCREF(f->globals);
    case FN_CODE:
        return GP_INCREF(f->code);
    case FN_MODULE:
        return or_none(f->module);
    case FN_DICT: {
        gp_object_t **dp = gp_object_dict_ptr(self);
        if (!dp) {
            gp_err_set_string(&gp_exc_AttributeError, "function has no __dict__");
            return NULL;
        }
        if (!*dp && !(*dp = gp_dict_new()))
            return NULL;
        return GP_INCREF(*dp);
    }
    case FN_ANNOTATIONS:
        if (!f->annotations && !(f->annotations = gp_dict_new()))
            return NULL;
        return GP_INCREF(f->annotations);
    case FN_BUILTINS:
        return GP_INCREF(gp_runtime()->builtins);
    }
    return gp_none_new();
}

static int function_set(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_function_t *f = (gp_function_t *)self;
    int which = (int)(intptr_t)closure;
    switch (which) {
    case FN_NAME:
    case FN_QUALNAME:
        if (!value || !gp_str_check(value)) {
            gp_err_format(&gp_exc_TypeError, "__%s__ must be set to a string object",
                          which == FN_NAME ? "name" : "qualname");
            return -1;
        }
        if (which == FN_NAME)
            GP_SETREF(f->name, GP_INCREF(value));
        else
            GP_SETREF(f->qualname, GP_INCREF(value));
        return 0;
    case FN_DOC:
        GP_SETREF(f->doc, GP_XINCREF(value == gp_None ? NULL : value));
        return 0;
    case FN_DEFAULTS:
        if (value && value != gp_None && !gp_tuple_check(value)) {
            gp_err_set_string(&gp_exc_TypeError, "__defaults__ must be set to a tuple object");
            return -1;
        }
        GP_SETREF(f->defaults, GP_XINCREF(value == gp_None ? NULL : value));
        return 0;
    case FN_KWDEFAULTS:
        if (value && value != gp_None && !gp_dict_check(value)) {
            gp_err_set_string(&gp_exc_TypeError, "__kwdefaults__ must be set to a dict object");
            return -1;
        }
        GP_SETREF(f->kwdefaults, GP_XINCREF(value == gp_None ? NULL : value));
        return 0;
    case FN_CODE:
        if (!value || !GP_IS_TYPE(value, gp_code_type)) {
            gp_err_set_string(&gp_exc_TypeError, "__code__ must be set to a code object");
            return -1;
        }
        if (((gp_code_t *)value)->nfrees != ((gp_code_t *)f->code)->nfrees) {
            gp_err_format(&gp_exc_ValueError,
                          "%U() requires a code object with %d free vars, not %d", f->name,
                          ((gp_code_t *)f->code)->nfrees, ((gp_code_t *)value)->nfrees);
            return -1;
        }
        GP_SETREF(f->code, GP_INCREF(value));
        return 0;
    case FN_MODULE:
        GP_SETREF(f->module, GP_XINCREF(value));
        return 0;
    case FN_DICT: {
        if (!value || !gp_dict_check(value)) {
            gp_err_set_string(&gp_exc_TypeError, "__dict__ must be set to a dictionary");
            return -1;
        }
        gp_object_t **dp = gp_object_dict_ptr(self);
        if (dp)
            GP_SETREF(*dp, GP_INCREF(value));
        return 0;
    }
    case FN_ANNOTATIONS:
        GP_SETREF(f->annotations, GP_XINCREF(value == gp_None ? NULL : value));
        return 0;
    }
    gp_err_set_string(&gp_exc_AttributeError, "readonly attribute");
    return -1;
}

#define FN_GETSET(name, which, settable)                                                           \
    {name, function_get, settable ? function_set : NULL, (void *)(intptr_t)(which), NULL}
static const gp_getset_def_t function_getsets[] = {
    FN_GETSET("__name__", FN_NAME, 1),
    FN_GETSET("__qualname__", FN_QUALNAME, 1),
    FN_GETSET("__doc__", FN_DOC, 1),
    FN_GETSET("__defaults__", FN_DEFAULTS, 1),
    FN_GETSET("__kwdefaults__", FN_KWDEFAULTS, 1),
    FN_GETSET("__closure__", FN_CLOSURE, 0),
    FN_GETSET("__globals__", FN_GLOBALS, 0),
    FN_GETSET("__code__", FN_CODE, 1),
    FN_GETSET("__module__", FN_MODULE, 1),
    FN_GETSET("__dict__", FN_DICT, 1),
    FN_GETSET("__annotations__", FN_ANNOTATIONS, 1),
    FN_GETSET("__builtins__", FN_BUILTINS, 0),
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_function_type = {
    GP_TYPE_HEAD_INIT,
    .name = "function",
    .basicsize = sizeof(gp_function_t),
    .flags = GP_TYPE_FLAG_GC | GP_TYPE_FLAG_MANAGED_DICT,
    .dealloc = function_dealloc,
    .repr = function_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .call = gp_function_vectorcall,
    .descr_get = function_descr_get,
    .traverse = function_traverse,
    .clear = function_clear,
    .getsets = function_getsets,
    .doc = "Create a function object.",
};

/* ------------------------------------------------------------------ */
/* Bound methods                                                        */
/* ------------------------------------------------------------------ */

gp_object_t *gp_method_new(gp_object_t *function, gp_object_t *self)
{
    gp_method_t *m = (gp_method_t *)gp_object_alloc(&gp_method_type, 0);
    if (!m)
        return NULL;
    m->func = GP_INCREF(function);
    m->self = GP_INCREF(self);
    gp_gc_track((gp_object_t *)m);
    return (gp_object_t *)m;
}

static void method_dealloc(gp_object_t *self)
{
    gp_method_t *m = (gp_method_t *)self;
    gp_gc_untrack(self);
    GP_CLEAR(m->func);
    GP_CLEAR(m->self);
    gp_object_free(self);
}

static int method_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_method_t *m = (gp_method_t *)self;
    int r = 0;
    if (m->func && GP_IS_PTR(m->func))
        r = visit(m->func, arg);
    if (!r && m->self && GP_IS_PTR(m->self))
        r = visit(m->self, arg);
    return r;
}

static int method_clear(gp_object_t *self)
{
    gp_method_t *m = (gp_method_t *)self;
    GP_CLEAR(m->func);
    GP_CLEAR(m->self);
    return 0;
}

static gp_object_t *method_call(gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gp_method_t *m = (gp_method_t *)callable;
    size_t total = nargs + (kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0);
    gp_object_t *small[8];
    gp_object_t **buf = small;
    if (total + 1 > 8) {
        buf = gp_mem_alloc((total + 1) * sizeof(gp_object_t *));
        if (!buf) {
            gp_err_no_memory();
            return NULL;
        }
    }
    buf[0] = m->self;
    if (total)
        memcpy(buf + 1, args, total * sizeof(gp_object_t *));
    /* Keep the method's parts alive even if the call drops the method. */
    gp_object_t *func = GP_INCREF(m->func);
    gp_object_t *self = GP_INCREF(m->self);
    gp_object_t *r = gp_object_call(func, buf, nargs + 1, kwnames);
    GP_DECREF(func);
    GP_DECREF(self);
    if (buf != small)
        gp_mem_free(buf);
    return r;
}

static gp_object_t *method_repr(gp_object_t *self)
{
    gp_method_t *m = (gp_method_t *)self;
    gp_object_t *name = gp_object_getattr_cstr(m->func, "__qualname__");
    if (!name) {
        gp_err_clear();
        name = gp_object_getattr_cstr(m->func, "__name__");
        if (!name) {
            gp_err_clear();
            name = gp_str_from_cstr("?");
            if (!name)
                return NULL;
        }
    }
    gp_object_t *r = gp_str_from_format("<bound method %S of %R>", name, m->self);
    GP_DECREF(name);
    return r;
}

static gp_object_t *method_getattr(gp_object_t *self, gp_object_t *name)
{
    gp_object_t *r = gp_object_generic_getattr(self, name);
    if (r || !gp_err_matches(&gp_exc_AttributeError))
        return r;
    gp_err_clear();
    return gp_object_getattr(((gp_method_t *)self)->func, name);
}

static gp_object_t *method_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if ((op != GP_CMP_EQ && op != GP_CMP_NE) || !GP_IS_TYPE(a, gp_method_type) ||
        !GP_IS_TYPE(b, gp_method_type))
        return GP_INCREF(gp_NotImplemented);
    gp_method_t *x = (gp_method_t *)a, *y = (gp_method_t *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = gp_object_eq(x->func, y->func);
        if (eq < 0)
            return NULL;
    }
    return gp_bool_from(op == GP_CMP_EQ ? eq : !eq);
}

static intptr_t method_hash(gp_object_t *self)
{
    gp_method_t *m = (gp_method_t *)self;
    intptr_t h = gp_object_hash(m->func);
    if (h == -1)
        return -1;
    h ^= (intptr_t)((uintptr_t)m->self >> 4);
    return h == -1 ? -2 : h;
}

static gp_object_t *method_get(gp_object_t *self, void *closure)
{
    gp_method_t *m = (gp_method_t *)self;
    return GP_INCREF(closure ? m->self : m->func);
}

/* A bound method documents itself with its function's docstring. */
static gp_object_t *method_get_doc(gp_object_t *self, void *closure)
{
    (void)closure;
    return gp_object_getattr_cstr(((gp_method_t *)self)->func, "__doc__");
}

/* Pickling, as CPython: (getattr, (instance, name)), so a bound method
   pickles whenever its instance does. */
static gp_object_t *method_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_method_t *m = (gp_method_t *)self;
    gp_object_t *getattr_fn = gp_dict_getitem_cstr(gp_runtime()->builtins, "getattr");
    if (!getattr_fn) {
        gp_err_set_string(&gp_exc_RuntimeError, "builtins.getattr is missing");
        return NULL;
    }
    gp_object_t *name = gp_object_getattr_cstr(m->func, "__name__");
    gp_object_t *inner = name ? gp_tuple_pack(2, m->self, name) : NULL;
    gp_object_t *r = inner ? gp_tuple_pack(2, getattr_fn, inner) : NULL;
    GP_XDECREF(name);
    GP_XDECREF(inner);
    return r;
}

static const gp_method_def_t method_methods[] = {
    {"__reduce__", method_reduce, 0, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t method_getsets[] = {
    {"__func__", method_get, NULL, NULL, NULL},
    {"__self__", method_get, NULL, (void *)1, NULL},
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* method(function, instance): what types.MethodType calls to bind a
   callable by hand. Like CPython, any callable is accepted and only None is
   refused as the instance. */
static gp_object_t *method_new_(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames)) {
        gp_err_set_string(&gp_exc_TypeError, "method() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 2) {
        gp_err_format(&gp_exc_TypeError, "method expected 2 arguments, got %d", (int)nargs);
        return NULL;
    }
    if (!gp_object_is_callable(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (args[1] == gp_None) {
        gp_err_set_string(&gp_exc_TypeError, "instance must not be None");
        return NULL;
    }
    return gp_method_new(args[0], args[1]);
}

gp_type_t gp_method_type = {
    GP_TYPE_HEAD_INIT,
    .name = "method",
    .new_ = method_new_,
    .basicsize = sizeof(gp_method_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = method_dealloc,
    .repr = method_repr,
    .hash = method_hash,
    .richcompare = method_richcompare,
    .getattr = method_getattr,
    .call = method_call,
    .traverse = method_traverse,
    .clear = method_clear,
    .methods = method_methods,
    .getsets = method_getsets,
    .doc = "Create a bound instance method object.",
};

/* ------------------------------------------------------------------ */
/* Cells                                                                */
/* ------------------------------------------------------------------ */

gp_object_t *gp_cell_new(gp_object_t *value)
{
    gp_cell_t *c = (gp_cell_t *)gp_object_alloc(&gp_cell_type, 0);
    if (!c)
        return NULL;
    c->ref = GP_XINCREF(value);
    gp_gc_track((gp_object_t *)c);
    return (gp_object_t *)c;
}

static void cell_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(((gp_cell_t *)self)->ref);
    gp_object_free(self);
}

static int cell_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *ref = ((gp_cell_t *)self)->ref;
    return ref && GP_IS_PTR(ref) ? visit(ref, arg) : 0;
}

static int cell_clear(gp_object_t *self)
{
    GP_CLEAR(((gp_cell_t *)self)->ref);
    return 0;
}

static gp_object_t *cell_repr(gp_object_t *self)
{
    gp_object_t *ref = ((gp_cell_t *)self)->ref;
    if (!ref)
        return gp_str_from_format("<cell at %p: empty>", (void *)self);
    return gp_str_from_format("<cell at %p: %T object at %p>", (void *)self, ref, (void *)ref);
}

static gp_object_t *cell_get_contents(gp_object_t *self, void *closure)
{
    gp_object_t *ref = ((gp_cell_t *)self)->ref;
    if (!ref) {
        gp_err_set_string(&gp_exc_ValueError, "Cell is empty");
        return NULL;
    }
    return GP_INCREF(ref);
}

static int cell_set_contents(gp_object_t *self, gp_object_t *value, void *closure)
{
    GP_SETREF(((gp_cell_t *)self)->ref, GP_XINCREF(value));
    return 0;
}

static gp_object_t *cell_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!GP_IS_TYPE(a, gp_cell_type) || !GP_IS_TYPE(b, gp_cell_type))
        return GP_INCREF(gp_NotImplemented);
    gp_object_t *x = ((gp_cell_t *)a)->ref, *y = ((gp_cell_t *)b)->ref;
    if (x && y)
        return gp_object_richcompare(x, y, op);
    int cmp = (x != NULL) - (y != NULL);
    bool r;
    switch (op) {
    case GP_CMP_LT:
        r = cmp < 0;
        break;
    case GP_CMP_LE:
        r = cmp <= 0;
        break;
    case GP_CMP_EQ:
        r = cmp == 0;
        break;
    case GP_CMP_NE:
        r = cmp != 0;
        break;
    case GP_CMP_GT:
        r = cmp > 0;
        break;
    default:
        r = cmp >= 0;
        break;
    }
    return gp_bool_from(r);
}

static const gp_getset_def_t cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_cell_type = {
    GP_TYPE_HEAD_INIT,
    .name = "cell",
    .basicsize = sizeof(gp_cell_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .richcompare = cell_richcompare,
    .getattr = gp_object_generic_getattr,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .getsets = cell_getsets,
    .doc = "Create a new cell object.",
};
