/*
 * module.c - module objects: a namespace dict with a name.
 *
 * Design notes
 * ------------
 * A module is little more than its dict: globals of the module's code are
 * that dict, and attribute access on the module reads and writes it. Type
 * attributes that are data descriptors (__dict__, __class__) still come
 * first, as for any object, and a module-level __getattr__ function is
 * consulted last (PEP 562).
 *
 * Modules are GC objects: a module's functions refer to its dict as their
 * globals, and the dict refers back to the functions.
 */
#include "obj/object.h"
#include "obj/type.h"

static gp_object_t *module_make(gp_type_t *type, gp_object_t *name, bool builtin)
{
    gp_module_object_t *m = (gp_module_object_t *)gp_object_alloc(type, 0);
    if (m == NULL)
        return NULL;
    m->builtin = builtin;
    m->dict = gp_dict_new();
    if (m->dict == NULL || gp_dict_setitem_cstr(m->dict, "__name__", name) < 0 ||
        gp_dict_setitem_cstr(m->dict, "__doc__", gp_None) < 0 ||
        gp_dict_setitem_cstr(m->dict, "__package__", gp_None) < 0 ||
        gp_dict_setitem_cstr(m->dict, "__loader__", gp_None) < 0 ||
        gp_dict_setitem_cstr(m->dict, "__spec__", gp_None) < 0) {
        GP_DECREF((gp_object_t *)m);
        return NULL;
    }
    gp_gc_track((gp_object_t *)m);
    return (gp_object_t *)m;
}

gp_object_t *gp_module_new(const char *name)
{
    gp_object_t *n = gp_str_from_cstr(name);
    if (n == NULL)
        return NULL;
    gp_object_t *m = module_make(&gp_module_type, n, true);
    GP_DECREF(n);
    return m;
}

gp_object_t *gp_module_dict(gp_object_t *module)
{
    return ((gp_module_object_t *)module)->dict;
}

int gp_module_add_functions(gp_object_t *module, const gp_method_def_t *defs)
{
    for (const gp_method_def_t *d = defs; d->name != NULL; d++) {
        gp_object_t *f = gp_cfunction_new(d, (d->flags & GP_METH_STATIC) ? NULL : module);
        if (f == NULL)
            return -1;
        int rc = gp_dict_setitem_cstr(gp_module_dict(module), d->name, f);
        GP_DECREF(f);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int gp_module_add_object(gp_object_t *module, const char *name, gp_object_t *value)
{
    return gp_dict_setitem_cstr(gp_module_dict(module), name, value);
}

int gp_module_add_int(gp_object_t *module, const char *name, int64_t value)
{
    gp_object_t *v = gp_int_from_i64(value);
    if (v == NULL)
        return -1;
    int rc = gp_module_add_object(module, name, v);
    GP_DECREF(v);
    return rc;
}

static gp_object_t *module_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    gp_module_object_t *m = (gp_module_object_t *)gp_object_alloc(type, 0);
    if (m == NULL)
        return NULL;
    m->dict = gp_dict_new();
    if (m->dict == NULL) {
        GP_DECREF((gp_object_t *)m);
        return NULL;
    }
    gp_gc_track((gp_object_t *)m);
    return (gp_object_t *)m;
}

static int module_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                       gp_object_t *kwnames)
{
    static const char *const names[] = {"name", "doc", NULL};
    gp_object_t *out[2];
    if (gp_args_parse("module", args, nargs, kwnames, names, 1, out) < 0)
        return -1;
    if (!gp_str_check(out[0])) {
        gp_err_format(&gp_exc_TypeError, "module.__init__() argument 'name' must be str, not %s",
                      gp_type_name(GP_TYPE(out[0])));
        return -1;
    }
    gp_object_t *dict = gp_module_dict(self);
    if (gp_dict_setitem_cstr(dict, "__name__", out[0]) < 0 ||
        gp_dict_setitem_cstr(dict, "__doc__", out[1] ? out[1] : gp_None) < 0 ||
        gp_dict_setitem_cstr(dict, "__package__", gp_None) < 0 ||
        gp_dict_setitem_cstr(dict, "__loader__", gp_None) < 0 ||
        gp_dict_setitem_cstr(dict, "__spec__", gp_None) < 0)
        return -1;
    return 0;
}

static void module_dealloc(gp_object_t *self)
{
    gp_module_object_t *m = (gp_module_object_t *)self;
    if (GP_GC_HEAD(self)->next != NULL)
        gp_gc_untrack(self);
    GP_XDECREF(m->dict);
    gp_object_free(self);
}

static int module_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_module_object_t *m = (gp_module_object_t *)self;
    return m->dict ? visit(m->dict, arg) : 0;
}

static int module_clear(gp_object_t *self)
{
    /* The dict object stays (functions may still hold it as globals); its
       contents are what hold the cycle. */
    gp_module_object_t *m = (gp_module_object_t *)self;
    if (m->dict != NULL)
        gp_dict_clear(m->dict);
    return 0;
}

static gp_object_t *module_name(gp_object_t *self)
{
    gp_object_t *dict = gp_module_dict(self);
    gp_object_t *name = dict ? gp_dict_getitem_cstr(dict, "__name__") : NULL;
    return name != NULL && gp_str_check(name) ? name : NULL;
}

static gp_object_t *module_repr(gp_object_t *self)
{
    gp_module_object_t *m = (gp_module_object_t *)self;
    gp_object_t *name = module_name(self);
    gp_object_t *file = m->dict ? gp_dict_getitem_cstr(m->dict, "__file__") : NULL;
    if (gp_err_occurred())
        gp_err_clear();
    if (name == NULL)
        return gp_str_from_cstr("<module '?'>");
    if (file != NULL && gp_str_check(file))
        return gp_str_from_format("<module '%U' from '%U'>", name, file);
    if (m->builtin)
        return gp_str_from_format("<module '%U' (built-in)>", name);
    return gp_str_from_format("<module '%U'>", name);
}

static gp_object_t *module_getattr(gp_object_t *self, gp_object_t *name)
{
    gp_module_object_t *m = (gp_module_object_t *)self;
    gp_type_t *t = GP_TYPE(self);
    gp_object_t *descr = gp_type_lookup(t, name);
    if (descr != NULL && GP_TYPE(descr)->descr_set != NULL)
        return GP_TYPE(descr)->descr_get(descr, self, (gp_object_t *)t);
    if (m->dict != NULL) {
        gp_object_t *v = gp_dict_getitem(m->dict, name);
        if (v != NULL)
            return GP_INCREF(v);
        if (gp_err_occurred())
            return NULL;
    }
    if (descr != NULL) {
        if (GP_TYPE(descr)->descr_get)
            return GP_TYPE(descr)->descr_get(descr, self, (gp_object_t *)t);
        return GP_INCREF(descr);
    }
    if (m->dict != NULL) {
        gp_object_t *hook = gp_dict_getitem_cstr(m->dict, "__getattr__");
        if (hook != NULL) {
            GP_INCREF(hook);
            gp_object_t *res = gp_object_call1(hook, name);
            GP_DECREF(hook);
            return res;
        }
    }
    gp_object_t *mname = module_name(self);
    if (mname != NULL)
        gp_err_format(&gp_exc_AttributeError, "module '%U' has no attribute '%U'", mname, name);
    else
        gp_err_format(&gp_exc_AttributeError, "module has no attribute '%U'", name);
    return NULL;
}

static int module_setattr(gp_object_t *self, gp_object_t *name, gp_object_t *value)
{
    gp_module_object_t *m = (gp_module_object_t *)self;
    gp_object_t *descr = gp_type_lookup(GP_TYPE(self), name);
    if (descr != NULL && GP_TYPE(descr)->descr_set != NULL)
        return GP_TYPE(descr)->descr_set(descr, self, value);
    if (m->dict == NULL && (m->dict = gp_dict_new()) == NULL)
        return -1;
    if (value != NULL)
        return gp_dict_setitem(m->dict, name, value);
    int has = gp_dict_contains(m->dict, name);
    if (has > 0)
        return gp_dict_delitem(m->dict, name);
    if (has == 0) {
        gp_object_t *mname = module_name(self);
        gp_err_format(&gp_exc_AttributeError, "module '%U' has no attribute '%U'",
                      mname ? mname : gp_str_static("?"), name);
    }
    return -1;
}

static gp_object_t *module_get_dict(gp_object_t *self, void *closure)
{
    gp_module_object_t *m = (gp_module_object_t *)self;
    if (m->dict == NULL && (m->dict = gp_dict_new()) == NULL)
        return NULL;
    return GP_INCREF(m->dict);
}

/* A module's __annotations__ lives in its namespace; reading it from a
   module that annotated nothing creates the empty dict there. */
static gp_object_t *module_get_annotations(gp_object_t *self, void *closure)
{
    gp_object_t *dict = module_get_dict(self, NULL);
    if (dict == NULL)
        return NULL;
    gp_object_t *ann = gp_dict_getitem_cstr(dict, "__annotations__");
    if (ann != NULL) {
        GP_INCREF(ann);
    } else if (!gp_err_occurred() && (ann = gp_dict_new()) != NULL &&
               gp_dict_setitem_cstr(dict, "__annotations__", ann) < 0) {
        GP_CLEAR(ann);
    }
    GP_DECREF(dict);
    return ann;
}

static int module_set_annotations(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_object_t *dict = module_get_dict(self, NULL);
    if (dict == NULL)
        return -1;
    int rc;
    if (value != NULL) {
        rc = gp_dict_setitem_cstr(dict, "__annotations__", value);
    } else {
        gp_object_t *key = gp_str_static("__annotations__");
        rc = gp_dict_contains(dict, key);
        if (rc == 0) {
            gp_err_set_string(&gp_exc_AttributeError, "__annotations__");
            rc = -1;
        } else if (rc > 0) {
            rc = gp_dict_delitem(dict, key);
        }
    }
    GP_DECREF(dict);
    return rc;
}

static gp_object_t *module_dir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("__dir__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *list = gp_dict_keys_list(gp_module_dict(self));
    if (list != NULL && gp_list_sort(list, NULL, false) < 0)
        GP_CLEAR(list);
    return list;
}

static const gp_method_def_t module_methods[] = {
    {"__dir__", module_dir, 0, "Return the module's namespace keys."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t module_getsets[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_module_type = {
    GP_TYPE_HEAD_INIT,
    .name = "module",
    .basicsize = sizeof(gp_module_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = module_dealloc,
    .new_ = module_new,
    .init = module_init,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = module_setattr,
    .traverse = module_traverse,
    .clear = module_clear,
    .methods = module_methods,
    .getsets = module_getsets,
    .doc = "Create a module object.",
};
