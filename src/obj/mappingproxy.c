/*
 * mappingproxy.c - the read-only view a class hands out as __dict__.
 *
 * Design notes
 * ------------
 * A class's attribute dict must not be edited behind the type's back: the
 * attribute caches key on the type's version, which only setattr/delattr on
 * the class bump. So `C.__dict__` is a proxy that can be read (subscript,
 * len, iteration, `in`, get/keys/values/items/copy, comparison, `|`) but has
 * no item assignment or deletion (no setitem slot, so no __setitem__
 * attribute either, as in CPython); `C.__dict__['x'] = 1` then fails with
 * the usual "'mappingproxy' object does not support item assignment".
 *
 * The proxy holds a strong reference to its mapping and forwards every read
 * to it through the generic object protocol, so it also works over any
 * mapping when built directly as types.MappingProxyType(mapping). It is not
 * a gc container: a proxy is only reachable from a cycle if a program stores
 * it inside the very mapping it wraps, which nothing in gilpy does.
 */
#include "obj/object.h"
#include "obj/type.h"

typedef struct mappingproxy {
    gp_object_t base;
    gp_object_t *mapping;
} mappingproxy_t;

#define PROXY_MAPPING(o) (((mappingproxy_t *)(o))->mapping)

/* Wraps [mapping] (a new reference). Lists and tuples are refused even
   though they support subscripting: they are sequences, not mappings. */
gp_object_t *gp_mappingproxy_new(gp_object_t *mapping)
{
    /* Readied on first use: nothing needs the type before a class's
       __dict__ is first read. */
    if (!(gp_mappingproxy_type.flags & GP_TYPE_FLAG_READY) &&
        gp_type_ready(&gp_mappingproxy_type) < 0)
        return NULL;
    bool sequence = gp_list_check(mapping) || gp_tuple_check(mapping);
    if (sequence || !GP_TYPE(mapping)->getitem) {
        gp_err_format(&gp_exc_TypeError, "mappingproxy() argument must be a mapping, not %T",
                      mapping);
        return NULL;
    }
    mappingproxy_t *p = (mappingproxy_t *)gp_object_alloc(&gp_mappingproxy_type, 0);
    if (!p)
        return NULL;
    p->mapping = GP_INCREF(mapping);
    return (gp_object_t *)p;
}

static gp_object_t *mappingproxy_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    (void)type;
    static const char *const names[] = {"mapping", NULL};
    gp_object_t *mapping;
    if (gp_args_parse("mappingproxy", args, nargs, kwnames, names, 1, &mapping) < 0)
        return NULL;
    return gp_mappingproxy_new(mapping);
}

static void mappingproxy_dealloc(gp_object_t *self)
{
    GP_DECREF(PROXY_MAPPING(self));
    gp_object_free(self);
}

static gp_object_t *mappingproxy_repr(gp_object_t *self)
{
    return gp_str_from_format("mappingproxy(%R)", PROXY_MAPPING(self));
}

static gp_object_t *mappingproxy_str(gp_object_t *self)
{
    return gp_object_str(PROXY_MAPPING(self));
}

static gp_object_t *mappingproxy_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    return gp_object_richcompare(PROXY_MAPPING(a), b, op);
}

static gp_object_t *mappingproxy_iter(gp_object_t *self)
{
    return gp_object_iter(PROXY_MAPPING(self));
}

static intptr_t mappingproxy_len(gp_object_t *self)
{
    return gp_object_len(PROXY_MAPPING(self));
}

static gp_object_t *mappingproxy_getitem(gp_object_t *self, gp_object_t *key)
{
    return gp_object_getitem(PROXY_MAPPING(self), key);
}

static int mappingproxy_contains(gp_object_t *self, gp_object_t *key)
{
    return gp_object_contains(PROXY_MAPPING(self), key);
}

/* `proxy | other` and `other | proxy` merge into a new dict, reading
   through the proxy; the proxy itself never changes. */
static gp_object_t *mappingproxy_binop(gp_object_t *a, gp_object_t *b, int op)
{
    if ((op & ~GP_BINOP_INPLACE) != GP_BINOP_OR)
        return GP_INCREF(gp_NotImplemented);
    gp_object_t *left = GP_IS_TYPE(a, gp_mappingproxy_type) ? PROXY_MAPPING(a) : a;
    gp_object_t *right = GP_IS_TYPE(b, gp_mappingproxy_type) ? PROXY_MAPPING(b) : b;
    return gp_number_binop(left, right, GP_BINOP_OR);
}

/* The read-only methods call the mapping's own method of the same name. */
static gp_object_t *mappingproxy_forward(gp_object_t *self, const char *name,
                                         gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames, size_t min, size_t max)
{
    if (gp_args_check(name, nargs, kwnames, min, max) < 0)
        return NULL;
    return gp_object_call_method(PROXY_MAPPING(self), name, args, nargs);
}

static gp_object_t *mappingproxy_get(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    return mappingproxy_forward(self, "get", args, nargs, kwnames, 1, 2);
}

static gp_object_t *mappingproxy_keys(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    return mappingproxy_forward(self, "keys", args, nargs, kwnames, 0, 0);
}

static gp_object_t *mappingproxy_values(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    return mappingproxy_forward(self, "values", args, nargs, kwnames, 0, 0);
}

static gp_object_t *mappingproxy_items(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return mappingproxy_forward(self, "items", args, nargs, kwnames, 0, 0);
}

static gp_object_t *mappingproxy_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    return mappingproxy_forward(self, "copy", args, nargs, kwnames, 0, 0);
}

static gp_object_t *mappingproxy_reversed(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    return mappingproxy_forward(self, "__reversed__", args, nargs, kwnames, 0, 0);
}

static const gp_method_def_t mappingproxy_methods[] = {
    {"get", mappingproxy_get, 0, "get(key, default=None): the value for key, else default"},
    {"keys", mappingproxy_keys, 0, "keys(): the underlying mapping's keys"},
    {"values", mappingproxy_values, 0, "values(): the underlying mapping's values"},
    {"items", mappingproxy_items, 0, "items(): the underlying mapping's (key, value) pairs"},
    {"copy", mappingproxy_copy, 0, "copy(): a shallow copy of the underlying mapping"},
    {"__reversed__", mappingproxy_reversed, 0, "the keys, last first"},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_mappingproxy_type = {
    GP_TYPE_HEAD_INIT,
    .name = "mappingproxy",
    .basicsize = sizeof(mappingproxy_t),
    .dealloc = mappingproxy_dealloc,
    .new_ = mappingproxy_new,
    .repr = mappingproxy_repr,
    .str = mappingproxy_str,
    .richcompare = mappingproxy_richcompare,
    .binop = mappingproxy_binop,
    .iter = mappingproxy_iter,
    .len = mappingproxy_len,
    .getitem = mappingproxy_getitem,
    .contains = mappingproxy_contains,
    .methods = mappingproxy_methods,
    .doc = "A read-only view of a mapping; a class's __dict__ is one.",
};
