/*
 * cfunction.c - builtin_function_or_method: a C function as a callable.
 *
 * Design notes
 * ------------
 * A cfunction pairs a static gp_method_def_t with the object it is bound
 * to: the module for module-level functions (`len`), the instance for a
 * method fetched from an object (`[].append`), the class for a class method
 * (`dict.fromkeys`). Calling it passes the vectorcall arguments straight
 * through, so builtins receive borrowed pointers into the caller's stack and
 * never see an argument tuple.
 *
 * Keyword arguments are refused here, once, unless the def asks for them
 * with GP_METH_KEYWORDS, so individual builtins need not check.
 */
#include "obj/object.h"
#include "obj/type.h"
#include "runtime/runtime.h"

gp_object_t *gp_cfunction_new(const gp_method_def_t *def, gp_object_t *self)
{
    gp_cfunction_t *f = (gp_cfunction_t *)gp_object_alloc(&gp_cfunction_type, 0);
    if (f == NULL)
        return NULL;
    f->def = def;
    f->self = GP_XINCREF(self);
    gp_gc_track((gp_object_t *)f);
    return (gp_object_t *)f;
}

/* Is [self] the kind of binding that prints as a plain function? */
static bool cfunction_is_plain(gp_cfunction_t *f)
{
    return f->self == NULL || GP_IS_TYPE(f->self, gp_module_type);
}

/* The class a bound method's name is qualified with: the class itself for a
   class method, otherwise the type of the bound object. */
static gp_type_t *cfunction_owner(gp_cfunction_t *f)
{
    if (gp_type_check(f->self) &&
        ((f->def->flags & GP_METH_CLASS) || f->def == &gp_slots_new_wrapper_def))
        return (gp_type_t *)f->self;
    return GP_TYPE(f->self);
}

static gp_object_t *cfunction_call(gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gp_cfunction_t *f = (gp_cfunction_t *)callable;
    if (kwnames != NULL && !(f->def->flags & GP_METH_KEYWORDS) && GP_TUPLE_SIZE(kwnames) > 0) {
        if (cfunction_is_plain(f))
            gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments", f->def->name);
        else
            gp_err_format(&gp_exc_TypeError, "%s.%s() takes no keyword arguments",
                          gp_type_name(cfunction_owner(f)), f->def->name);
        return NULL;
    }
    return f->def->fn(f->self, args, nargs, kwnames);
}

static void cfunction_dealloc(gp_object_t *self)
{
    gp_cfunction_t *f = (gp_cfunction_t *)self;
    if (GP_GC_HEAD(self)->next != NULL)
        gp_gc_untrack(self);
    GP_XDECREF(f->self);
    gp_object_free(self);
}

static int cfunction_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_cfunction_t *f = (gp_cfunction_t *)self;
    return f->self ? visit(f->self, arg) : 0;
}

static int cfunction_clear(gp_object_t *self)
{
    GP_CLEAR(((gp_cfunction_t *)self)->self);
    return 0;
}

static gp_object_t *cfunction_repr(gp_object_t *self)
{
    gp_cfunction_t *f = (gp_cfunction_t *)self;
    if (cfunction_is_plain(f))
        return gp_str_from_format("<built-in function %s>", f->def->name);
    return gp_str_from_format("<built-in method %s of %s object at %p>", f->def->name,
                              gp_type_name(GP_TYPE(f->self)), (void *)f->self);
}

static gp_object_t *cfunction_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if ((op != GP_CMP_EQ && op != GP_CMP_NE) || !GP_IS_TYPE(b, gp_cfunction_type))
        return GP_INCREF(gp_NotImplemented);
    gp_cfunction_t *fa = (gp_cfunction_t *)a, *fb = (gp_cfunction_t *)b;
    bool eq = fa->def == fb->def && fa->self == fb->self;
    return gp_bool_from(op == GP_CMP_EQ ? eq : !eq);
}

static intptr_t cfunction_hash(gp_object_t *self)
{
    gp_cfunction_t *f = (gp_cfunction_t *)self;
    intptr_t h = gp_object_default_hash((gp_object_t *)f->def);
    if (f->self != NULL)
        h ^= gp_object_default_hash(f->self);
    return h == -1 ? -2 : h;
}

static gp_object_t *cfunction_get_name(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(((gp_cfunction_t *)self)->def->name);
}

static gp_object_t *cfunction_get_qualname(gp_object_t *self, void *closure)
{
    gp_cfunction_t *f = (gp_cfunction_t *)self;
    if (cfunction_is_plain(f))
        return gp_str_from_cstr(f->def->name);
    return gp_str_from_format("%s.%s", gp_type_name(cfunction_owner(f)), f->def->name);
}

static gp_object_t *cfunction_get_self(gp_object_t *self, void *closure)
{
    gp_cfunction_t *f = (gp_cfunction_t *)self;
    return f->self ? GP_INCREF(f->self) : gp_none_new();
}

static gp_object_t *cfunction_get_module(gp_object_t *self, void *closure)
{
    gp_cfunction_t *f = (gp_cfunction_t *)self;
    if (f->self != NULL && GP_IS_TYPE(f->self, gp_module_type)) {
        gp_object_t *name = gp_dict_getitem_cstr(gp_module_dict(f->self), "__name__");
        if (name != NULL)
            return GP_INCREF(name);
    }
    return gp_none_new();
}

static gp_object_t *cfunction_get_doc(gp_object_t *self, void *closure)
{
    const char *doc = ((gp_cfunction_t *)self)->def->doc;
    return doc ? gp_str_from_cstr(doc) : gp_none_new();
}

/* Pickling, as CPython: a module's function by its name (pickle finds it
   as a global), a bound builtin method as (getattr, (self, name)). */
static gp_object_t *cfunction_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_cfunction_t *f = (gp_cfunction_t *)self;
    if (f->self == NULL || GP_IS_TYPE(f->self, gp_module_type))
        return cfunction_get_qualname(self, NULL);
    gp_object_t *getattr_fn = gp_dict_getitem_cstr(gp_runtime()->builtins, "getattr");
    if (!getattr_fn) {
        gp_err_set_string(&gp_exc_RuntimeError, "builtins.getattr is missing");
        return NULL;
    }
    gp_object_t *name = gp_str_from_cstr(f->def->name);
    gp_object_t *inner = name ? gp_tuple_pack(2, f->self, name) : NULL;
    gp_object_t *r = inner ? gp_tuple_pack(2, getattr_fn, inner) : NULL;
    GP_XDECREF(name);
    GP_XDECREF(inner);
    return r;
}

static const gp_method_def_t cfunction_methods[] = {
    {"__reduce__", cfunction_reduce, 0, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t cfunction_getsets[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {"__module__", cfunction_get_module, NULL, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_cfunction_type = {
    GP_TYPE_HEAD_INIT,
    .name = "builtin_function_or_method",
    .basicsize = sizeof(gp_cfunction_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = cfunction_dealloc,
    .repr = cfunction_repr,
    .hash = cfunction_hash,
    .richcompare = cfunction_richcompare,
    .call = cfunction_call,
    .traverse = cfunction_traverse,
    .clear = cfunction_clear,
    .methods = cfunction_methods,
    .getsets = cfunction_getsets,
};
