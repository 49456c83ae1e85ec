/*
 * descr.c - descriptors: C methods and attributes, property, staticmethod,
 * classmethod, and super.
 *
 * Design notes
 * ------------
 * A descriptor is an object found on a class whose type has descr_get (and,
 * for a *data* descriptor, descr_set). Attribute lookup (object.c) calls
 * descr_get(descr, obj, owner) with obj NULL for access through the class.
 *
 * Builtin methods are stored once per class as a method descriptor, and
 * only become a bound builtin method (cfunction.c) when fetched from an
 * instance; the VM's method-call fast path (gp_object_get_method) skips even
 * that and calls the descriptor with the instance as first argument, which
 * is why an unbound call checks the type of its first argument here.
 *
 * super(type, obj) looks attributes up along type(obj).__mro__ starting
 * after `type`, and binds what it finds to obj. The zero-argument form asks
 * the VM for the enclosing class (__class__ cell) and the first argument.
 */
#include <string.h>

#include "obj/object.h"
#include "obj/type.h"

/* From the VM (vm/eval.h): zero-argument super() support. Borrowed
   results; -1 with RuntimeError set when unavailable. */
int gp_eval_super_args(gp_type_t **type, gp_object_t **self);

/* ------------------------------------------------------------------ */
/* Method descriptors                                                   */
/* ------------------------------------------------------------------ */

gp_object_t *gp_method_descr_new(gp_type_t *type, const gp_method_def_t *def)
{
    gp_method_descr_t *d = (gp_method_descr_t *)gp_object_alloc(&gp_method_descr_type, 0);
    if (d == NULL)
        return NULL;
    d->type = type;
    d->def = def;
    return (gp_object_t *)d;
}

static void descr_dealloc(gp_object_t *self)
{
    gp_object_free(self);
}

static gp_object_t *method_descr_repr(gp_object_t *self)
{
    gp_method_descr_t *d = (gp_method_descr_t *)self;
    return gp_str_from_format("<method '%s' of '%s' objects>", d->def->name, gp_type_name(d->type));
}

static int descr_check(gp_type_t *type, const char *name, gp_object_t *obj)
{
    if (gp_object_isinstance_type(obj, type))
        return 0;
    gp_err_format(&gp_exc_TypeError,
                  "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", name,
                  type->name, GP_TYPE(obj)->name);
    return -1;
}

static gp_object_t *method_descr_get(gp_object_t *self, gp_object_t *obj, gp_object_t *owner)
{
    gp_method_descr_t *d = (gp_method_descr_t *)self;
    int flags = d->def->flags;
    if (flags & GP_METH_STATIC)
        return gp_cfunction_new(d->def, NULL);
    if (flags & GP_METH_CLASS) {
        if (owner == NULL)
            owner = (gp_object_t *)GP_TYPE(obj);
        if (!gp_type_check(owner) || !gp_type_is_subtype((gp_type_t *)owner, d->type)) {
            gp_err_format(&gp_exc_TypeError,
                          "descriptor '%s' for type '%s' doesn't apply to type '%s'", d->def->name,
                          gp_type_name(d->type),
                          gp_type_check(owner) ? gp_type_name((gp_type_t *)owner)
                                               : gp_type_name(GP_TYPE(owner)));
            return NULL;
        }
        return gp_cfunction_new(d->def, owner);
    }
    if (obj == NULL)
        return GP_INCREF(self);
    if (descr_check(d->type, d->def->name, obj) < 0)
        return NULL;
    return gp_cfunction_new(d->def, obj);
}

/* Calls a C method through its descriptor. The type's name is computed
   only on the error paths: it costs a scan of the name, which every call
   of every C method (b''.join, list.append) would otherwise pay. */
static gp_object_t *method_descr_call(gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    gp_method_descr_t *d = (gp_method_descr_t *)callable;
    const gp_method_def_t *def = d->def;
    if (def->flags & GP_METH_STATIC) {
        if (kwnames != NULL && !(def->flags & GP_METH_KEYWORDS)) {
            gp_err_format(&gp_exc_TypeError, "%s.%s() takes no keyword arguments",
                          gp_type_name(d->type), def->name);
            return NULL;
        }
        return def->fn(NULL, args, nargs, kwnames);
    }
    if (nargs < 1) {
        gp_err_format(&gp_exc_TypeError, "unbound method %s.%s() needs an argument",
                      gp_type_name(d->type), def->name);
        return NULL;
    }
    gp_object_t *self = args[0];
    if (def->flags & GP_METH_CLASS) {
        if (!gp_type_check(self) || !gp_type_is_subtype((gp_type_t *)self, d->type)) {
            gp_err_format(&gp_exc_TypeError,
                          "descriptor '%s' for type '%s' doesn't apply to a '%s' object", def->name,
                          gp_type_name(d->type), GP_TYPE(self)->name);
            return NULL;
        }
    } else if (descr_check(d->type, def->name, self) < 0) {
        return NULL;
    }
    if (kwnames != NULL && !(def->flags & GP_METH_KEYWORDS)) {
        gp_err_format(&gp_exc_TypeError, "%s.%s() takes no keyword arguments",
                      gp_type_name(d->type), def->name);
        return NULL;
    }
    return def->fn(self, args + 1, nargs - 1, kwnames);
}

static gp_object_t *method_descr_get_name(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(((gp_method_descr_t *)self)->def->name);
}

static gp_object_t *method_descr_get_qualname(gp_object_t *self, void *closure)
{
    gp_method_descr_t *d = (gp_method_descr_t *)self;
    return gp_str_from_format("%s.%s", gp_type_name(d->type), d->def->name);
}

static gp_object_t *method_descr_get_doc(gp_object_t *self, void *closure)
{
    const char *doc = ((gp_method_descr_t *)self)->def->doc;
    return doc ? gp_str_from_cstr(doc) : gp_none_new();
}

static gp_object_t *method_descr_get_objclass(gp_object_t *self, void *closure)
{
    return GP_INCREF((gp_object_t *)((gp_method_descr_t *)self)->type);
}

static const gp_getset_def_t method_descr_getsets[] = {
    {"__name__", method_descr_get_name, NULL, NULL, NULL},
    {"__qualname__", method_descr_get_qualname, NULL, NULL, NULL},
    {"__doc__", method_descr_get_doc, NULL, NULL, NULL},
    {"__objclass__", method_descr_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_method_descr_type = {
    GP_TYPE_HEAD_INIT,
    .name = "method_descriptor",
    .basicsize = sizeof(gp_method_descr_t),
    .dealloc = descr_dealloc,
    .repr = method_descr_repr,
    .call = method_descr_call,
    .descr_get = method_descr_get,
    .getsets = method_descr_getsets,
};

/* ------------------------------------------------------------------ */
/* Getset descriptors                                                   */
/* ------------------------------------------------------------------ */

gp_object_t *gp_getset_descr_new(gp_type_t *type, const gp_getset_def_t *def)
{
    gp_getset_descr_t *d = (gp_getset_descr_t *)gp_object_alloc(&gp_getset_descr_type, 0);
    if (d == NULL)
        return NULL;
    d->type = type;
    d->def = def;
    return (gp_object_t *)d;
}

static gp_object_t *getset_repr(gp_object_t *self)
{
    gp_getset_descr_t *d = (gp_getset_descr_t *)self;
    return gp_str_from_format("<attribute '%s' of '%s' objects>", d->def->name,
                              gp_type_name(d->type));
}

static gp_object_t *getset_get(gp_object_t *self, gp_object_t *obj, gp_object_t *owner)
{
    gp_getset_descr_t *d = (gp_getset_descr_t *)self;
    if (obj == NULL)
        return GP_INCREF(self);
    if (descr_check(d->type, d->def->name, obj) < 0)
        return NULL;
    if (d->def->get == NULL) {
        gp_err_format(&gp_exc_AttributeError, "attribute '%s' of '%s' objects is not readable",
                      d->def->name, gp_type_name(d->type));
        return NULL;
    }
    return d->def->get(obj, d->def->closure);
}

static int getset_set(gp_object_t *self, gp_object_t *obj, gp_object_t *value)
{
    gp_getset_descr_t *d = (gp_getset_descr_t *)self;
    if (descr_check(d->type, d->def->name, obj) < 0)
        return -1;
    if (d->def->set == NULL) {
        gp_err_format(&gp_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                      d->def->name, gp_type_name(d->type));
        return -1;
    }
    return d->def->set(obj, value, d->def->closure);
}

static gp_object_t *getset_get_name(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(((gp_getset_descr_t *)self)->def->name);
}

/* "Owner.name", the owner spelled by its __qualname__ when it has one
   (a class statement) and by its C name otherwise. */
static gp_object_t *descr_qualname_of(gp_type_t *owner, gp_object_t *name)
{
    if (owner == NULL)
        return GP_INCREF(name);
    if (owner->qualname != NULL && gp_str_check(owner->qualname))
        return gp_str_from_format("%U.%U", owner->qualname, name);
    return gp_str_from_format("%s.%U", gp_type_name(owner), name);
}

static gp_object_t *getset_get_qualname(gp_object_t *self, void *closure)
{
    gp_getset_descr_t *d = (gp_getset_descr_t *)self;
    gp_object_t *name = gp_str_from_cstr(d->def->name);
    if (!name)
        return NULL;
    gp_object_t *res = descr_qualname_of(d->type, name);
    GP_DECREF(name);
    return res;
}

static gp_object_t *getset_get_doc(gp_object_t *self, void *closure)
{
    const char *doc = ((gp_getset_descr_t *)self)->def->doc;
    return doc ? gp_str_from_cstr(doc) : gp_none_new();
}

static gp_object_t *getset_get_objclass(gp_object_t *self, void *closure)
{
    return GP_INCREF((gp_object_t *)((gp_getset_descr_t *)self)->type);
}

static const gp_getset_def_t getset_getsets[] = {
    {"__name__", getset_get_name, NULL, NULL, NULL},
    {"__qualname__", getset_get_qualname, NULL, NULL, NULL},
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__objclass__", getset_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_getset_descr_type = {
    GP_TYPE_HEAD_INIT,        .name = "getset_descriptor", .basicsize = sizeof(gp_getset_descr_t),
    .dealloc = descr_dealloc, .repr = getset_repr,         .descr_get = getset_get,
    .descr_set = getset_set,  .getsets = getset_getsets,
};

/* ------------------------------------------------------------------ */
/* Member descriptors (__slots__)                                       */
/* ------------------------------------------------------------------ */

/* One entry of a class's __slots__: the value lives in the instance, in a
   pointer field [offset] bytes after the object header, NULL while unset.
   The descriptor holds its class strongly (and is GC-tracked), since it
   can outlive the class dict that created it. */
typedef struct gp_member_descr {
    gp_object_t base;
    gp_type_t *type;
    gp_object_t *name;
    size_t offset;
} gp_member_descr_t;

#define MEMBER(o) ((gp_member_descr_t *)(o))

gp_object_t *gp_member_descr_new(gp_type_t *type, gp_object_t *name, size_t offset)
{
    gp_member_descr_t *d = (gp_member_descr_t *)gp_object_alloc(&gp_member_descr_type, 0);
    if (d == NULL)
        return NULL;
    d->type = (gp_type_t *)GP_INCREF((gp_object_t *)type);
    d->name = GP_INCREF(name);
    d->offset = offset;
    gp_gc_track(&d->base);
    return &d->base;
}

static void member_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(MEMBER(self)->name);
    gp_object_t *type = (gp_object_t *)MEMBER(self)->type;
    MEMBER(self)->type = NULL;
    GP_XDECREF(type);
    gp_object_free(self);
}

static int member_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    if (MEMBER(self)->type != NULL)
        return visit((gp_object_t *)MEMBER(self)->type, arg);
    return 0;
}

static int member_clear(gp_object_t *self)
{
    gp_object_t *type = (gp_object_t *)MEMBER(self)->type;
    MEMBER(self)->type = NULL;
    GP_XDECREF(type);
    return 0;
}

static gp_object_t *member_repr(gp_object_t *self)
{
    gp_member_descr_t *d = MEMBER(self);
    return gp_str_from_format("<member '%U' of '%s' objects>", d->name,
                              d->type ? gp_type_name(d->type) : "?");
}

/* The slot field of [obj], after checking that [obj] has the layout. */
static gp_object_t **member_field(gp_member_descr_t *d, gp_object_t *obj)
{
    if (d->type == NULL || descr_check(d->type, gp_str_utf8(d->name), obj) < 0)
        return NULL;
    return (gp_object_t **)((char *)obj + d->offset);
}

static gp_object_t *member_get(gp_object_t *self, gp_object_t *obj, gp_object_t *owner)
{
    if (obj == NULL)
        return GP_INCREF(self);
    gp_object_t **field = member_field(MEMBER(self), obj);
    if (field == NULL)
        return NULL;
    if (*field == NULL) {
        gp_err_format(&gp_exc_AttributeError, "'%s' object has no attribute '%U'",
                      GP_TYPE(obj)->name, MEMBER(self)->name);
        return NULL;
    }
    return GP_INCREF(*field);
}

static int member_set(gp_object_t *self, gp_object_t *obj, gp_object_t *value)
{
    gp_object_t **field = member_field(MEMBER(self), obj);
    if (field == NULL)
        return -1;
    if (value == NULL && *field == NULL) {
        /* CPython 3.11 names only the attribute here. */
        gp_err_set_object(&gp_exc_AttributeError, MEMBER(self)->name);
        return -1;
    }
    gp_object_t *old = *field;
    *field = GP_XINCREF(value);
    GP_XDECREF(old);
    return 0;
}

intptr_t gp_member_descr_offset(gp_object_t *descr, gp_type_t *type)
{
    gp_member_descr_t *d = MEMBER(descr);
    if (d->type == NULL || !gp_type_is_subtype(type, d->type))
        return -1;
    return (intptr_t)d->offset;
}

static gp_object_t *member_get_name(gp_object_t *self, void *closure)
{
    return GP_INCREF(MEMBER(self)->name);
}

static gp_object_t *member_get_objclass(gp_object_t *self, void *closure)
{
    return GP_INCREF(MEMBER(self)->type ? (gp_object_t *)MEMBER(self)->type : gp_None);
}

static gp_object_t *member_get_qualname(gp_object_t *self, void *closure)
{
    return descr_qualname_of(MEMBER(self)->type, MEMBER(self)->name);
}

static gp_object_t *member_get_doc(gp_object_t *self, void *closure)
{
    return gp_none_new();
}

static const gp_getset_def_t member_getsets[] = {
    {"__name__", member_get_name, NULL, NULL, NULL},
    {"__qualname__", member_get_qualname, NULL, NULL, NULL},
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__objclass__", member_get_objclass, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_member_descr_type = {
    GP_TYPE_HEAD_INIT,
    .name = "member_descriptor",
    .basicsize = sizeof(gp_member_descr_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = member_dealloc,
    .repr = member_repr,
    .descr_get = member_get,
    .descr_set = member_set,
    .traverse = member_traverse,
    .clear = member_clear,
    .getsets = member_getsets,
};

/* ------------------------------------------------------------------ */
/* property                                                             */
/* ------------------------------------------------------------------ */

static gp_object_t *property_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    gp_object_t *p = gp_object_alloc(type, 0);
    if (p != NULL)
        gp_gc_track(p);
    return p;
}

static int property_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                         gp_object_t *kwnames)
{
    static const char *const names[] = {"fget", "fset", "fdel", "doc", NULL};
    gp_object_t *out[4];
    if (gp_args_parse("property", args, nargs, kwnames, names, 0, out) < 0)
        return -1;
    gp_property_t *p = (gp_property_t *)self;
    gp_object_t **fields[4] = {&p->fget, &p->fset, &p->fdel, &p->doc};
    for (int i = 0; i < 4; i++)
        GP_SETREF(*fields[i], out[i] && out[i] != gp_None ? GP_INCREF(out[i]) : NULL);
    /* Without an explicit doc, the getter's docstring documents the property. */
    p->getter_doc = false;
    if (p->doc == NULL && p->fget != NULL) {
        gp_object_t *doc = gp_object_getattr_opt(p->fget, gp_str_static("__doc__"));
        if (doc == NULL && gp_err_occurred())
            return -1;
        if (doc == gp_None)
            GP_CLEAR(doc);
        p->doc = doc;
        p->getter_doc = true;
    }
    /* A subclass's own class __doc__ would shadow the getset, so the doc
       goes into the instance's __dict__ instead, as CPython does (3.11: an
       instance without a __dict__ makes this an AttributeError). */
    if (p->getter_doc && GP_TYPE(self) != &gp_property_type)
        return gp_object_setattr(self, gp_str_static("__doc__"), p->doc ? p->doc : gp_None);
    return 0;
}

static void property_dealloc(gp_object_t *self)
{
    gp_property_t *p = (gp_property_t *)self;
    if (GP_GC_HEAD(self)->next != NULL)
        gp_gc_untrack(self);
    GP_XDECREF(p->fget);
    GP_XDECREF(p->fset);
    GP_XDECREF(p->fdel);
    GP_XDECREF(p->doc);
    GP_XDECREF(p->name);
    gp_object_free(self);
}

static int property_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_property_t *p = (gp_property_t *)self;
    gp_object_t *refs[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (size_t i = 0; i < 5; i++) {
        int rc = refs[i] ? visit(refs[i], arg) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

static int property_clear(gp_object_t *self)
{
    gp_property_t *p = (gp_property_t *)self;
    GP_CLEAR(p->fget);
    GP_CLEAR(p->fset);
    GP_CLEAR(p->fdel);
    GP_CLEAR(p->doc);
    GP_CLEAR(p->name);
    return 0;
}

static void property_error(gp_property_t *p, gp_object_t *obj, const char *what)
{
    gp_object_t *qualname = gp_object_getattr_cstr((gp_object_t *)GP_TYPE(obj), "__qualname__");
    if (qualname == NULL)
        return;
    if (p->name != NULL)
        gp_err_format(&gp_exc_AttributeError, "property %R of %R object has no %s", p->name,
                      qualname, what);
    else
        gp_err_format(&gp_exc_AttributeError, "property of %R object has no %s", qualname, what);
    GP_DECREF(qualname);
}

static gp_object_t *property_get(gp_object_t *self, gp_object_t *obj, gp_object_t *owner)
{
    gp_property_t *p = (gp_property_t *)self;
    if (obj == NULL)
        return GP_INCREF(self);
    if (p->fget == NULL) {
        property_error(p, obj, "getter");
        return NULL;
    }
    return gp_object_call1(p->fget, obj);
}

static int property_set(gp_object_t *self, gp_object_t *obj, gp_object_t *value)
{
    gp_property_t *p = (gp_property_t *)self;
    gp_object_t *func = value ? p->fset : p->fdel;
    if (func == NULL) {
        property_error(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    gp_object_t *args[2] = {obj, value};
    gp_object_t *res = gp_object_call(func, args, value ? 2 : 1, NULL);
    if (res == NULL)
        return -1;
    GP_DECREF(res);
    return 0;
}

/* getter/setter/deleter: a copy of the property with one function replaced. */
static gp_object_t *property_copy(gp_object_t *self, int which, gp_object_t *func)
{
    gp_property_t *p = (gp_property_t *)self;
    gp_object_t *parts[4] = {p->fget, p->fset, p->fdel, p->doc};
    for (int i = 0; i < 4; i++)
        if (parts[i] == NULL)
            parts[i] = gp_None;
    /* None keeps the function already there, as CPython does. */
    if (func == gp_None)
        func = parts[which];
    parts[which] = func;
    /* A doc taken from the old getter must not hide the new getter's; an
       explicit doc= stays. */
    if (p->getter_doc && parts[0] != gp_None)
        parts[3] = gp_None;
    gp_object_t *res = gp_object_call((gp_object_t *)GP_TYPE(self), parts, 4, NULL);
    if (res != NULL && p->name != NULL && GP_IS_TYPE(res, gp_property_type))
        ((gp_property_t *)res)->name = GP_INCREF(p->name);
    return res;
}

static gp_object_t *property_getter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("getter", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return property_copy(self, 0, args[0]);
}

static gp_object_t *property_setter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("setter", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return property_copy(self, 1, args[0]);
}

static gp_object_t *property_deleter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("deleter", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return property_copy(self, 2, args[0]);
}

static gp_object_t *property_set_name(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("__set_name__", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_property_t *p = (gp_property_t *)self;
    GP_SETREF(p->name, GP_INCREF(args[1]));
    return gp_none_new();
}

static const gp_method_def_t property_methods[] = {
    {"getter", property_getter, 0,
     "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, 0,
     "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, 0,
     "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, 0, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *property_field(gp_object_t *self, void *closure)
{
    gp_property_t *p = (gp_property_t *)self;
    gp_object_t *fields[] = {p->fget, p->fset, p->fdel, p->doc};
    gp_object_t *v = fields[(intptr_t)closure];
    return v ? GP_INCREF(v) : gp_none_new();
}

static int property_set_doc(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_property_t *p = (gp_property_t *)self;
    GP_SETREF(p->doc, value && value != gp_None ? GP_INCREF(value) : NULL);
    return 0;
}

/* True when any of the accessors is abstract, so that abc sees an
   abstract property as abstract. */
static gp_object_t *property_get_isabstract(gp_object_t *self, void *closure)
{
    gp_property_t *p = (gp_property_t *)self;
    gp_object_t *funcs[] = {p->fget, p->fset, p->fdel};
    for (size_t i = 0; i < 3; i++) {
        if (funcs[i] == NULL)
            continue;
        gp_object_t *v = gp_object_getattr_opt(funcs[i], gp_str_static("__isabstractmethod__"));
        if (v == NULL) {
            if (gp_err_occurred())
                return NULL;
            continue;
        }
        int truth = gp_object_is_true(v);
        GP_DECREF(v);
        if (truth != 0)
            return truth < 0 ? NULL : gp_bool_from(true);
    }
    return gp_bool_from(false);
}

static const gp_getset_def_t property_getsets[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {"fget", property_field, NULL, (void *)0, NULL},
    {"fset", property_field, NULL, (void *)1, NULL},
    {"fdel", property_field, NULL, (void *)2, NULL},
    {"__doc__", property_field, property_set_doc, (void *)3, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_property_type = {
    GP_TYPE_HEAD_INIT,
    .name = "property",
    .basicsize = sizeof(gp_property_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = property_dealloc,
    .new_ = property_new,
    .init = property_init,
    .descr_get = property_get,
    .descr_set = property_set,
    .traverse = property_traverse,
    .clear = property_clear,
    .methods = property_methods,
    .getsets = property_getsets,
    .doc = "Property attribute.",
};

/* ------------------------------------------------------------------ */
/* staticmethod and classmethod                                         */
/* ------------------------------------------------------------------ */

/* Copies the wrapped callable's __module__, __name__, __qualname__, __doc__
   and __annotations__ into the wrapper's own dict, as functools.wraps
   would (CPython does this since 3.10), so the wrapper reports the
   function's docstring rather than its own type's. Missing ones are
   skipped. 0 or -1. */
static int funcwrap_copy_attrs(gp_funcwrap_t *w)
{
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        gp_object_t *key = gp_str_static(names[i]);
        gp_object_t *v = gp_object_getattr_opt(w->callable, key);
        if (v == NULL) {
            if (gp_err_occurred())
                return -1;
            continue;
        }
        int rc = (w->dict != NULL || (w->dict = gp_dict_new()) != NULL)
                     ? gp_dict_setitem(w->dict, key, v)
                     : -1;
        GP_DECREF(v);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static gp_object_t *funcwrap_make(gp_type_t *type, gp_object_t *callable)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)gp_object_alloc(type, 0);
    if (w == NULL)
        return NULL;
    w->callable = GP_INCREF(callable);
    gp_gc_track((gp_object_t *)w);
    if (funcwrap_copy_attrs(w) < 0) {
        GP_DECREF((gp_object_t *)w);
        return NULL;
    }
    return (gp_object_t *)w;
}

gp_object_t *gp_staticmethod_new(gp_object_t *callable)
{
    return funcwrap_make(&gp_staticmethod_type, callable);
}

gp_object_t *gp_classmethod_new(gp_object_t *callable)
{
    return funcwrap_make(&gp_classmethod_type, callable);
}

static gp_object_t *funcwrap_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    const char *name = gp_type_name(gp_type_builtin_base(type));
    if (kwnames != NULL) {
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments", name);
        return NULL;
    }
    if (nargs != 1) {
        gp_err_format(&gp_exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
        return NULL;
    }
    return funcwrap_make(type, args[0]);
}

static int funcwrap_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                         gp_object_t *kwnames)
{
    return 0;
}

static void funcwrap_dealloc(gp_object_t *self)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    if (GP_GC_HEAD(self)->next != NULL)
        gp_gc_untrack(self);
    GP_XDECREF(w->callable);
    GP_XDECREF(w->dict);
    gp_object_free(self);
}

static int funcwrap_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    int rc = w->callable ? visit(w->callable, arg) : 0;
    if (rc == 0 && w->dict)
        rc = visit(w->dict, arg);
    return rc;
}

static int funcwrap_clear(gp_object_t *self)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    GP_CLEAR(w->callable);
    GP_CLEAR(w->dict);
    return 0;
}

static gp_object_t *funcwrap_repr(gp_object_t *self)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    if (w->callable == NULL)
        return gp_object_default_repr(self);
    return gp_str_from_format("<%s(%R)>", gp_type_name(GP_TYPE(self)), w->callable);
}

static gp_object_t *funcwrap_get_func(gp_object_t *self, void *closure)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    return w->callable ? GP_INCREF(w->callable) : gp_none_new();
}

static gp_object_t *funcwrap_get_dict(gp_object_t *self, void *closure)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    if (w->dict == NULL && (w->dict = gp_dict_new()) == NULL)
        return NULL;
    return GP_INCREF(w->dict);
}

static gp_object_t *funcwrap_get_isabstract(gp_object_t *self, void *closure)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    gp_object_t *v = w->callable
                         ? gp_object_getattr_opt(w->callable, gp_str_static("__isabstractmethod__"))
                         : NULL;
    if (v == NULL)
        return gp_err_occurred() ? NULL : gp_bool_from(false);
    return v;
}

/* Attribute reads fall through to the wrapped function (__name__, __doc__)
   as CPython's functools-style wrappers expose them. */
static gp_object_t *funcwrap_getattr(gp_object_t *self, gp_object_t *name)
{
    /* The wrapper's own dict comes before its type's plain attributes (the
       type's __doc__) but after data descriptors (__func__), as for any
       instance dict. */
    gp_object_t **dictp = &((gp_funcwrap_t *)self)->dict;
    gp_object_t *res;
    if (*dictp != NULL) {
        gp_object_t *descr = gp_type_lookup(GP_TYPE(self), name);
        if (descr == NULL || GP_TYPE(descr)->descr_set == NULL) {
            res = gp_dict_getitem(*dictp, name);
            if (res != NULL)
                return GP_INCREF(res);
            if (gp_err_occurred())
                return NULL;
        }
    }
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    /* CPython copies the function's __doc__ onto the wrapper, so it wins
       over the type's own docstring. */
    if (w->callable != NULL && gp_str_eq_cstr(name, "__doc__"))
        return gp_object_getattr(w->callable, name);
    res = gp_object_generic_getattr_ex(self, name, true);
    if (res != NULL || gp_err_occurred())
        return res;
    if (w->callable != NULL &&
        (gp_str_eq_cstr(name, "__name__") || gp_str_eq_cstr(name, "__qualname__") ||
         gp_str_eq_cstr(name, "__doc__") || gp_str_eq_cstr(name, "__module__")))
        return gp_object_getattr(w->callable, name);
    gp_err_no_attribute(self, name);
    return NULL;
}

static int funcwrap_setattr(gp_object_t *self, gp_object_t *name, gp_object_t *value)
{
    gp_object_t *descr = gp_type_lookup(GP_TYPE(self), name);
    if (descr != NULL && GP_TYPE(descr)->descr_set != NULL)
        return gp_object_generic_setattr(self, name, value);
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    if (w->dict == NULL && (w->dict = gp_dict_new()) == NULL)
        return -1;
    if (value == NULL)
        return gp_dict_delitem(w->dict, name);
    return gp_dict_setitem(w->dict, name, value);
}

static const gp_getset_def_t funcwrap_getsets[] = {
    {"__func__", funcwrap_get_func, NULL, NULL, NULL},
    {"__wrapped__", funcwrap_get_func, NULL, NULL, NULL},
    {"__dict__", funcwrap_get_dict, NULL, NULL, NULL},
    {"__isabstractmethod__", funcwrap_get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_object_t *staticmethod_get(gp_object_t *self, gp_object_t *obj, gp_object_t *owner)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    if (w->callable == NULL) {
        gp_err_set_string(&gp_exc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return GP_INCREF(w->callable);
}

static gp_object_t *staticmethod_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    return gp_object_call(w->callable, args, nargs, kwnames);
}

static gp_object_t *classmethod_get(gp_object_t *self, gp_object_t *obj, gp_object_t *owner)
{
    gp_funcwrap_t *w = (gp_funcwrap_t *)self;
    if (w->callable == NULL) {
        gp_err_set_string(&gp_exc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (owner == NULL)
        owner = (gp_object_t *)GP_TYPE(obj);
    /* Chained descriptors (3.9 to 3.12): a wrapped descriptor is bound to
       the class through its own __get__, so classmethod(property(...)) and
       decorators returning descriptors work as in CPython 3.11. */
    gp_type_t *ctype = GP_TYPE(w->callable);
    if (ctype->descr_get != NULL && ctype != &gp_function_type)
        return ctype->descr_get(w->callable, owner, owner);
    return gp_method_new(w->callable, owner);
}

gp_type_t gp_staticmethod_type = {
    GP_TYPE_HEAD_INIT,
    .name = "staticmethod",
    .basicsize = sizeof(gp_funcwrap_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = funcwrap_dealloc,
    .new_ = funcwrap_new,
    .init = funcwrap_init,
    .repr = funcwrap_repr,
    .getattr = funcwrap_getattr,
    .setattr = funcwrap_setattr,
    .call = staticmethod_call,
    .descr_get = staticmethod_get,
    .traverse = funcwrap_traverse,
    .clear = funcwrap_clear,
    .getsets = funcwrap_getsets,
    .doc = "staticmethod(function) -> method",
};

gp_type_t gp_classmethod_type = {
    GP_TYPE_HEAD_INIT,
    .name = "classmethod",
    .basicsize = sizeof(gp_funcwrap_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = funcwrap_dealloc,
    .new_ = funcwrap_new,
    .init = funcwrap_init,
    .repr = funcwrap_repr,
    .getattr = funcwrap_getattr,
    .setattr = funcwrap_setattr,
    .descr_get = classmethod_get,
    .traverse = funcwrap_traverse,
    .clear = funcwrap_clear,
    .getsets = funcwrap_getsets,
    .doc = "classmethod(function) -> method",
};

/* ------------------------------------------------------------------ */
/* super                                                                */
/* ------------------------------------------------------------------ */

typedef struct super_object {
    gp_object_t base;
    gp_type_t *type;     /* the class after which lookup starts */
    gp_object_t *obj;    /* the instance (or class) bound to, or NULL */
    gp_type_t *obj_type; /* the MRO that is searched */
} super_object_t;

static gp_object_t *super_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_object_t *s = gp_object_alloc(type, 0);
    if (s != NULL)
        gp_gc_track(s);
    return s;
}

/* The type whose MRO super(type, obj) searches, or NULL with TypeError. */
static gp_type_t *super_check(gp_type_t *type, gp_object_t *obj)
{
    if (gp_type_check(obj) && gp_type_is_subtype((gp_type_t *)obj, type))
        return (gp_type_t *)obj;
    if (gp_object_isinstance_type(obj, type))
        return GP_TYPE(obj);
    gp_err_set_string(&gp_exc_TypeError,
                      "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static int super_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                      gp_object_t *kwnames)
{
    super_object_t *su = (super_object_t *)self;
    if (kwnames != NULL) {
        gp_err_set_string(&gp_exc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    if (nargs > 2) {
        gp_err_format(&gp_exc_TypeError, "super() expected at most 2 arguments, got %zu", nargs);
        return -1;
    }
    gp_type_t *type;
    gp_object_t *obj = NULL;
    if (nargs == 0) {
        if (gp_eval_super_args(&type, &obj) < 0)
            return -1;
    } else {
        if (!gp_type_check(args[0])) {
            gp_err_format(&gp_exc_TypeError, "super() argument 1 must be a type, not %s",
                          gp_type_name(GP_TYPE(args[0])));
            return -1;
        }
        type = (gp_type_t *)args[0];
        obj = nargs == 2 && args[1] != gp_None ? args[1] : NULL;
    }
    gp_type_t *obj_type = NULL;
    if (obj != NULL && (obj_type = super_check(type, obj)) == NULL)
        return -1;
    GP_SETREF(su->type, (gp_type_t *)GP_INCREF((gp_object_t *)type));
    GP_SETREF(su->obj, GP_XINCREF(obj));
    GP_SETREF(su->obj_type, (gp_type_t *)GP_XINCREF((gp_object_t *)obj_type));
    return 0;
}

static void super_dealloc(gp_object_t *self)
{
    super_object_t *su = (super_object_t *)self;
    if (GP_GC_HEAD(self)->next != NULL)
        gp_gc_untrack(self);
    GP_XDECREF((gp_object_t *)su->type);
    GP_XDECREF(su->obj);
    GP_XDECREF((gp_object_t *)su->obj_type);
    gp_object_free(self);
}

static int super_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    super_object_t *su = (super_object_t *)self;
    gp_object_t *refs[] = {(gp_object_t *)su->type, su->obj, (gp_object_t *)su->obj_type};
    for (int i = 0; i < 3; i++) {
        int rc = refs[i] ? visit(refs[i], arg) : 0;
        if (rc)
            return rc;
    }
    return 0;
}

static int super_clear(gp_object_t *self)
{
    super_object_t *su = (super_object_t *)self;
    GP_CLEAR(su->type);
    GP_CLEAR(su->obj);
    GP_CLEAR(su->obj_type);
    return 0;
}

static gp_object_t *super_getattr(gp_object_t *self, gp_object_t *name)
{
    super_object_t *su = (super_object_t *)self;
    gp_type_t *start = su->obj_type;
    if (start == NULL || su->type == NULL || gp_str_eq_cstr(name, "__class__"))
        return gp_object_generic_getattr(self, name);
    gp_object_t *mro = start->mro;
    if (mro == NULL)
        return gp_object_generic_getattr(self, name);
    intptr_t n = GP_TUPLE_SIZE(mro), i = 0;
    while (i + 1 < n && GP_TUPLE_GET(mro, i) != (gp_object_t *)su->type)
        i++;
    GP_INCREF(mro);
    for (i++; i < n; i++) {
        gp_object_t *dict = gp_type_dict((gp_type_t *)GP_TUPLE_GET(mro, i));
        gp_object_t *res = dict ? gp_dict_getitem(dict, name) : NULL;
        if (res == NULL) {
            if (gp_err_occurred()) {
                GP_DECREF(mro);
                return NULL;
            }
            continue;
        }
        GP_INCREF(res);
        GP_DECREF(mro);
        gp_object_t *(*get)(gp_object_t *, gp_object_t *, gp_object_t *) = GP_TYPE(res)->descr_get;
        if (get == NULL)
            return res;
        gp_object_t *bound =
            get(res, su->obj == (gp_object_t *)start ? NULL : su->obj, (gp_object_t *)start);
        GP_DECREF(res);
        return bound;
    }
    GP_DECREF(mro);
    return gp_object_generic_getattr(self, name);
}

static gp_object_t *super_repr(gp_object_t *self)
{
    super_object_t *su = (super_object_t *)self;
    const char *tname = su->type ? gp_type_name(su->type) : "NULL";
    if (su->obj_type != NULL)
        return gp_str_from_format("<super: <class '%s'>, <%s object>>", tname,
                                  gp_type_name(su->obj_type));
    return gp_str_from_format("<super: <class '%s'>, NULL>", tname);
}

static gp_object_t *super_descr_get(gp_object_t *self, gp_object_t *obj, gp_object_t *owner)
{
    super_object_t *su = (super_object_t *)self;
    if (obj == NULL || obj == gp_None || su->obj != NULL)
        return GP_INCREF(self);
    gp_object_t *args[2] = {(gp_object_t *)su->type, obj};
    return gp_object_call((gp_object_t *)GP_TYPE(self), args, 2, NULL);
}

static gp_object_t *super_get_field(gp_object_t *self, void *closure)
{
    super_object_t *su = (super_object_t *)self;
    gp_object_t *fields[] = {(gp_object_t *)su->type, su->obj, (gp_object_t *)su->obj_type};
    gp_object_t *v = fields[(intptr_t)closure];
    return v ? GP_INCREF(v) : gp_none_new();
}

static const gp_getset_def_t super_getsets[] = {
    {"__thisclass__", super_get_field, NULL, (void *)0, NULL},
    {"__self__", super_get_field, NULL, (void *)1, NULL},
    {"__self_class__", super_get_field, NULL, (void *)2, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_super_type = {
    GP_TYPE_HEAD_INIT,
    .name = "super",
    .basicsize = sizeof(super_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = super_dealloc,
    .new_ = super_new,
    .init = super_init,
    .repr = super_repr,
    .getattr = super_getattr,
    .descr_get = super_descr_get,
    .traverse = super_traverse,
    .clear = super_clear,
    .getsets = super_getsets,
    .doc = "super() -> same as super(__class__, <first argument>)",
};
