/*
 * genericalias.c - types.GenericAlias and types.UnionType.
 *
 * Design notes
 * ------------
 * `list[int]` (PEP 585) is a GenericAlias: an origin (list) and a tuple of
 * arguments. It stands in for its origin almost everywhere: calling it calls
 * the origin, every attribute but a handful of its own is read from the
 * origin, and a class statement with it as a base uses the origin (its
 * __mro_entries__). What it refuses is isinstance()/issubclass(), because a
 * parameterized generic is not a runtime type.
 *
 * `int | None` (PEP 604) is a UnionType: a flattened tuple of distinct
 * arguments, None stored as NoneType. isinstance() and issubclass() accept
 * it by testing its arguments (object.c unwraps it like a tuple). `type`'s
 * binop slot calls gp_union_or for `|`, which declines (NotImplemented) for
 * anything that is not a type, None, an alias or a union, so typing's own
 * __or__/__ror__ get their turn.
 *
 * Both mirror CPython 3.11's genericaliasobject.c and unionobject.c in
 * their reprs ("dict[str, list[int]]", "int | None"), equality, hashing and
 * error messages. Substituting type variables (`list[T][int]`) asks each
 * argument for __typing_subst__ or __parameters__, which is what typing's
 * TypeVar and aliases provide; the subtler PEP 646 unpacking rules are not
 * implemented.
 */
#include <string.h>

#include "obj/genericalias.h"
#include "obj/type.h"
#include "runtime/runtime.h"

#define VISIT(o)                                                                                   \
    do {                                                                                           \
        if ((o) != NULL && GP_IS_PTR(o)) {                                                         \
            int visit_rc_ = visit((o), arg);                                                       \
            if (visit_rc_ != 0)                                                                    \
                return visit_rc_;                                                                  \
        }                                                                                          \
    } while (0)

typedef struct gp_generic_alias {
    gp_object_t base;
    gp_object_t *origin;
    gp_object_t *args;       /* tuple */
    gp_object_t *parameters; /* tuple, computed on first use */
} gp_generic_alias_t;

typedef struct gp_union {
    gp_object_t base;
    gp_object_t *args;       /* tuple of at least two distinct items */
    gp_object_t *parameters; /* tuple, computed on first use */
} gp_union_t;

#define ALIAS(o) ((gp_generic_alias_t *)(o))
#define UNION(o) ((gp_union_t *)(o))

/* ------------------------------------------------------------------ */
/* Shared helpers                                                       */
/* ------------------------------------------------------------------ */

/* Does [o] have attribute [name]? 1 / 0, -1 on an error other than
   AttributeError. */
static int has_attr(gp_object_t *o, const char *name)
{
    gp_object_t *v = gp_object_getattr_opt(o, gp_str_static(name));
    if (v == NULL)
        return gp_err_occurred() ? -1 : 0;
    GP_DECREF(v);
    return 1;
}

/* Appends the repr of one argument the way CPython's ga_repr_item does: an
   alias-like object by repr, a class as module.qualname (no module for
   builtins), Ellipsis as "...", and NoneType as "None" inside unions. */
static int repr_item(gp_strbuf_t *b, gp_object_t *p, bool in_union)
{
    if (p == gp_Ellipsis) {
        gp_strbuf_append_cstr(b, "...");
        return 0;
    }
    if (in_union && p == (gp_object_t *)&gp_none_type) {
        gp_strbuf_append_cstr(b, "None");
        return 0;
    }
    int r = has_attr(p, "__origin__");
    if (r > 0)
        r = has_attr(p, "__args__");
    if (r < 0)
        return -1;
    gp_object_t *text = NULL;
    if (r == 0) {
        gp_object_t *qualname = gp_object_getattr_opt(p, gp_str_static("__qualname__"));
        gp_object_t *module = qualname ? gp_object_getattr_opt(p, gp_str_static("__module__"))
                                       : NULL;
        if (gp_err_occurred()) {
            GP_XDECREF(qualname);
            return -1;
        }
        if (module != NULL && module != gp_None) {
            if (gp_str_check(module) && gp_str_eq_cstr(module, "builtins"))
                text = gp_object_str(qualname);
            else
                text = gp_str_from_format("%S.%S", module, qualname);
            GP_DECREF(module);
            GP_DECREF(qualname);
            if (text == NULL)
                return -1;
        } else {
            GP_XDECREF(module);
            GP_XDECREF(qualname);
        }
    }
    if (text == NULL && (text = gp_object_repr(p)) == NULL)
        return -1;
    gp_strbuf_append_str(b, text);
    GP_DECREF(text);
    return 0;
}

/* The type variables among [args] (deduplicated, in order): items with
   __typing_subst__, and the __parameters__ of nested generics. */
static gp_object_t *collect_parameters(gp_object_t *args)
{
    gp_object_t *params = gp_list_new(0);
    if (params == NULL)
        return NULL;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(args); i++) {
        gp_object_t *t = GP_TUPLE_GET(args, i);
        if (gp_type_check(t))
            continue;
        int r = has_attr(t, "__typing_subst__");
        if (r < 0)
            goto error;
        gp_object_t *sub = NULL;
        if (r == 0) {
            sub = gp_object_getattr_opt(t, gp_str_static("__parameters__"));
            if (sub == NULL && gp_err_occurred())
                goto error;
            if (sub != NULL && !gp_tuple_check(sub))
                GP_CLEAR(sub);
        }
        intptr_t n = r ? 1 : sub ? GP_TUPLE_SIZE(sub) : 0;
        for (intptr_t k = 0; k < n; k++) {
            gp_object_t *p = r ? t : GP_TUPLE_GET(sub, k);
            bool seen = false;
            for (intptr_t j = 0; j < GP_LIST_SIZE(params) && !seen; j++)
                seen = GP_LIST_GET(params, j) == p;
            if (!seen && gp_list_append(params, p) < 0) {
                GP_XDECREF(sub);
                goto error;
            }
        }
        GP_XDECREF(sub);
    }
    gp_object_t *res = gp_list_as_tuple(params);
    GP_DECREF(params);
    return res;
error:
    GP_DECREF(params);
    return NULL;
}

/* Substitutes [item] for the type variables [params] of [self] (whose
   arguments are [args]); returns the new argument tuple. */
static gp_object_t *substitute_args(gp_object_t *self, gp_object_t *args, gp_object_t *params,
                                    gp_object_t *item)
{
    intptr_t nparams = GP_TUPLE_SIZE(params);
    if (nparams == 0) {
        gp_err_format(&gp_exc_TypeError, "%R is not a generic class", self);
        return NULL;
    }
    gp_object_t *const *items = gp_tuple_check(item) ? GP_TUPLE_ITEMS(item) : &item;
    intptr_t nitems = gp_tuple_check(item) ? GP_TUPLE_SIZE(item) : 1;
    if (nitems != nparams) {
        gp_err_format(&gp_exc_TypeError, "Too %s arguments for %R; actual %d, expected %d",
                      nitems > nparams ? "many" : "few", self, (int)nitems, (int)nparams);
        return NULL;
    }
    intptr_t nargs = GP_TUPLE_SIZE(args);
    gp_object_t *res = gp_tuple_new((size_t)nargs);
    if (res == NULL)
        return NULL;
    for (intptr_t i = 0; i < nargs; i++)
        GP_TUPLE_SET(res, i, NULL);
    for (intptr_t i = 0; i < nargs; i++) {
        gp_object_t *arg = GP_TUPLE_GET(args, i);
        gp_object_t *value = NULL;
        intptr_t at = -1;
        for (intptr_t j = 0; j < nparams && at < 0; j++)
            if (GP_TUPLE_GET(params, j) == arg)
                at = j;
        if (gp_type_check(arg)) {
            value = GP_INCREF(arg);
        } else if (at >= 0) {
            gp_object_t *subst = gp_object_getattr_opt(arg, gp_str_static("__typing_subst__"));
            if (subst != NULL) {
                value = gp_object_call1(subst, items[at]);
                GP_DECREF(subst);
            } else if (!gp_err_occurred()) {
                value = GP_INCREF(items[at]);
            }
        } else {
            gp_object_t *sub = gp_object_getattr_opt(arg, gp_str_static("__parameters__"));
            if (sub != NULL && gp_tuple_check(sub) && GP_TUPLE_SIZE(sub) > 0) {
                intptr_t n = GP_TUPLE_SIZE(sub);
                gp_object_t *subitems = gp_tuple_new((size_t)n);
                for (intptr_t k = 0; subitems && k < n; k++) {
                    intptr_t pos = 0;
                    while (pos < nparams && GP_TUPLE_GET(params, pos) != GP_TUPLE_GET(sub, k))
                        pos++;
                    GP_TUPLE_SET(subitems, k,
                                 GP_INCREF(pos < nparams ? items[pos] : GP_TUPLE_GET(sub, k)));
                }
                if (subitems != NULL) {
                    value = gp_object_getitem(arg, n == 1 ? GP_TUPLE_GET(subitems, 0) : subitems);
                    GP_DECREF(subitems);
                }
            } else if (!gp_err_occurred()) {
                value = GP_INCREF(arg);
            }
            GP_XDECREF(sub);
        }
        if (value == NULL) {
            GP_DECREF(res);
            return NULL;
        }
        GP_TUPLE_SET(res, i, value);
    }
    return res;
}

/* ------------------------------------------------------------------ */
/* GenericAlias                                                         */
/* ------------------------------------------------------------------ */

gp_object_t *gp_generic_alias_new(gp_object_t *origin, gp_object_t *args)
{
    gp_object_t *tuple = gp_tuple_check(args) ? GP_INCREF(args) : gp_tuple_pack(1, args);
    if (tuple == NULL)
        return NULL;
    gp_generic_alias_t *a = (gp_generic_alias_t *)gp_object_alloc(&gp_generic_alias_type, 0);
    if (a == NULL) {
        GP_DECREF(tuple);
        return NULL;
    }
    a->origin = GP_INCREF(origin);
    a->args = tuple;
    a->parameters = NULL;
    gp_gc_track(&a->base);
    return &a->base;
}

static gp_object_t *alias_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "GenericAlias() takes no keyword arguments");
        return NULL;
    }
    if (nargs != 2) {
        gp_err_format(&gp_exc_TypeError, "GenericAlias expected 2 arguments, got %d", (int)nargs);
        return NULL;
    }
    return gp_generic_alias_new(args[0], args[1]);
}

static void alias_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(ALIAS(self)->origin);
    GP_CLEAR(ALIAS(self)->args);
    GP_CLEAR(ALIAS(self)->parameters);
    gp_object_free(self);
}

static int alias_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    VISIT(ALIAS(self)->origin);
    VISIT(ALIAS(self)->args);
    VISIT(ALIAS(self)->parameters);
    return 0;
}

static int alias_clear(gp_object_t *self)
{
    GP_CLEAR(ALIAS(self)->origin);
    GP_CLEAR(ALIAS(self)->args);
    GP_CLEAR(ALIAS(self)->parameters);
    return 0;
}

/* "[a, b]" for the list arguments of Callable[[a, b], r]. */
static int repr_list(gp_strbuf_t *b, gp_object_t *list)
{
    gp_strbuf_append_char(b, '[');
    for (intptr_t i = 0; i < GP_LIST_SIZE(list); i++) {
        if (i > 0)
            gp_strbuf_append_cstr(b, ", ");
        if (repr_item(b, GP_LIST_GET(list, i), false) < 0)
            return -1;
    }
    gp_strbuf_append_char(b, ']');
    return 0;
}

static gp_object_t *alias_repr(gp_object_t *self)
{
    gp_generic_alias_t *a = ALIAS(self);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (gp_recursion_enter(" while getting the repr of an object") < 0)
        return NULL;
    int rc = repr_item(&b, a->origin, false);
    gp_strbuf_append_char(&b, '[');
    if (GP_TUPLE_SIZE(a->args) == 0)
        gp_strbuf_append_cstr(&b, "()");
    for (intptr_t i = 0; rc == 0 && i < GP_TUPLE_SIZE(a->args); i++) {
        gp_object_t *item = GP_TUPLE_GET(a->args, i);
        if (i > 0)
            gp_strbuf_append_cstr(&b, ", ");
        rc = gp_list_check_exact(item) ? repr_list(&b, item) : repr_item(&b, item, false);
    }
    gp_strbuf_append_char(&b, ']');
    gp_recursion_leave();
    if (rc < 0) {
        gp_strbuf_discard(&b);
        return NULL;
    }
    return gp_strbuf_finish(&b);
}

/* The names an alias answers itself; every other attribute is its
   origin's, as in CPython. */
static const char *const alias_own_attrs[] = {
    "__class__",       "__origin__", "__args__", "__unpacked__",
    "__parameters__",  "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", NULL,
};

static gp_object_t *alias_getattr(gp_object_t *self, gp_object_t *name)
{
    const char *s = gp_str_utf8(name);
    for (const char *const *p = alias_own_attrs; *p != NULL; p++)
        if (strcmp(s, *p) == 0)
            return gp_object_generic_getattr(self, name);
    return gp_object_getattr(ALIAS(self)->origin, name);
}

/* Calls the origin and, like CPython, tries to record the alias as the
   result's __orig_class__ (objects that refuse attributes are fine). */
static gp_object_t *alias_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    gp_object_t *res = gp_object_call(ALIAS(self)->origin, args, nargs, kwnames);
    if (res == NULL)
        return NULL;
    if (gp_object_setattr_cstr(res, "__orig_class__", self) < 0) {
        if (!gp_err_matches(&gp_exc_AttributeError) && !gp_err_matches(&gp_exc_TypeError)) {
            GP_DECREF(res);
            return NULL;
        }
        gp_err_clear();
    }
    return res;
}

static gp_object_t *alias_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_generic_alias_check(a) || !gp_generic_alias_check(b) ||
        (op != GP_CMP_EQ && op != GP_CMP_NE))
        return GP_INCREF(gp_NotImplemented);
    int eq = gp_object_richcompare_bool(ALIAS(a)->origin, ALIAS(b)->origin, GP_CMP_EQ);
    if (eq > 0)
        eq = gp_object_richcompare_bool(ALIAS(a)->args, ALIAS(b)->args, GP_CMP_EQ);
    if (eq < 0)
        return NULL;
    return gp_bool_from(op == GP_CMP_EQ ? eq : !eq);
}

static intptr_t alias_hash(gp_object_t *self)
{
    intptr_t h0 = gp_object_hash(ALIAS(self)->origin);
    if (h0 == -1)
        return -1;
    intptr_t h1 = gp_object_hash(ALIAS(self)->args);
    if (h1 == -1)
        return -1;
    intptr_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static gp_object_t *alias_parameters(gp_object_t *self)
{
    gp_generic_alias_t *a = ALIAS(self);
    if (a->parameters == NULL && (a->parameters = collect_parameters(a->args)) == NULL)
        return NULL;
    return a->parameters;
}

static gp_object_t *alias_getitem(gp_object_t *self, gp_object_t *item)
{
    gp_object_t *params = alias_parameters(self);
    if (params == NULL)
        return NULL;
    gp_object_t *args = substitute_args(self, ALIAS(self)->args, params, item);
    if (args == NULL)
        return NULL;
    gp_object_t *res = gp_generic_alias_new(ALIAS(self)->origin, args);
    GP_DECREF(args);
    return res;
}

static gp_object_t *alias_binop(gp_object_t *a, gp_object_t *b, int op)
{
    if ((op & ~GP_BINOP_INPLACE) != GP_BINOP_OR)
        return GP_INCREF(gp_NotImplemented);
    return gp_union_or(a, b);
}

static gp_object_t *alias_get_origin(gp_object_t *self, void *closure)
{
    return GP_INCREF(closure ? ALIAS(self)->args : ALIAS(self)->origin);
}

static gp_object_t *alias_get_parameters(gp_object_t *self, void *closure)
{
    gp_object_t *params = alias_parameters(self);
    return params ? GP_INCREF(params) : NULL;
}

static gp_object_t *alias_get_unpacked(gp_object_t *self, void *closure)
{
    return gp_bool_from(false);
}

static gp_object_t *alias_mro_entries(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("__mro_entries__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_tuple_pack(1, ALIAS(self)->origin);
}

static gp_object_t *alias_instancecheck(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    gp_err_set_string(&gp_exc_TypeError,
                      "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static gp_object_t *alias_subclasscheck(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    gp_err_set_string(&gp_exc_TypeError,
                      "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

static gp_object_t *alias_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    gp_object_t *state = gp_tuple_pack(2, ALIAS(self)->origin, ALIAS(self)->args);
    if (state == NULL)
        return NULL;
    gp_object_t *res = gp_tuple_pack(2, (gp_object_t *)&gp_generic_alias_type, state);
    GP_DECREF(state);
    return res;
}

static gp_object_t *alias_dir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (gp_args_check("__dir__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *names = gp_object_dir(ALIAS(self)->origin);
    if (names == NULL)
        return NULL;
    for (const char *const *p = alias_own_attrs; *p != NULL; p++) {
        gp_object_t *name = gp_str_static(*p);
        int r = name ? gp_object_contains(names, name) : -1;
        if (r < 0 || (r == 0 && gp_list_append(names, name) < 0)) {
            GP_DECREF(names);
            return NULL;
        }
    }
    if (gp_list_sort(names, NULL, false) < 0) {
        GP_DECREF(names);
        return NULL;
    }
    return names;
}

static const gp_method_def_t alias_methods[] = {
    {"__mro_entries__", alias_mro_entries, 0, NULL},
    {"__instancecheck__", alias_instancecheck, 0, NULL},
    {"__subclasscheck__", alias_subclasscheck, 0, NULL},
    {"__reduce__", alias_reduce, 0, NULL},
    {"__dir__", alias_dir, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t alias_getsets[] = {
    {"__origin__", alias_get_origin, NULL, NULL, NULL},
    {"__args__", alias_get_origin, NULL, (void *)1, NULL},
    {"__parameters__", alias_get_parameters, NULL, NULL, NULL},
    {"__unpacked__", alias_get_unpacked, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_generic_alias_type = {
    GP_TYPE_HEAD_INIT,
    .name = "types.GenericAlias",
    .basicsize = sizeof(gp_generic_alias_t),
    .flags = GP_TYPE_FLAG_GC | GP_TYPE_FLAG_BASETYPE,
    .dealloc = alias_dealloc,
    .new_ = alias_new,
    .repr = alias_repr,
    .hash = alias_hash,
    .richcompare = alias_richcompare,
    .getattr = alias_getattr,
    .call = alias_call,
    .binop = alias_binop,
    .getitem = alias_getitem,
    .traverse = alias_traverse,
    .clear = alias_clear,
    .methods = alias_methods,
    .getsets = alias_getsets,
    .doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
           "and t.__args__ is (int,).",
};

/* ------------------------------------------------------------------ */
/* UnionType                                                            */
/* ------------------------------------------------------------------ */

gp_object_t *gp_union_args(gp_object_t *u)
{
    return UNION(u)->args;
}

static bool is_unionable(gp_object_t *o)
{
    return o == gp_None || gp_type_check(o) || gp_generic_alias_check(o) || gp_union_check(o);
}

/* Adds [item] (None as NoneType) to [list] unless an equal one is there:
   classes compare by identity, aliases by ==. */
static int union_add(gp_object_t *list, gp_object_t *item)
{
    if (item == gp_None)
        item = (gp_object_t *)&gp_none_type;
    for (intptr_t i = 0; i < GP_LIST_SIZE(list); i++) {
        gp_object_t *old = GP_LIST_GET(list, i);
        if (old == item)
            return 0;
        if (gp_type_check(old) && gp_type_check(item))
            continue;
        int eq = gp_object_richcompare_bool(old, item, GP_CMP_EQ);
        if (eq != 0)
            return eq < 0 ? -1 : 0;
    }
    return gp_list_append(list, item);
}

static int union_add_all(gp_object_t *list, gp_object_t *o)
{
    if (!gp_union_check(o))
        return union_add(list, o);
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(UNION(o)->args); i++)
        if (union_add(list, GP_TUPLE_GET(UNION(o)->args, i)) < 0)
            return -1;
    return 0;
}

/* A union of the items of [list], or its only item. */
static gp_object_t *union_from_list(gp_object_t *list)
{
    if (GP_LIST_SIZE(list) == 1)
        return GP_INCREF(GP_LIST_GET(list, 0));
    gp_object_t *args = gp_list_as_tuple(list);
    if (args == NULL)
        return NULL;
    gp_union_t *u = (gp_union_t *)gp_object_alloc(&gp_union_type, 0);
    if (u == NULL) {
        GP_DECREF(args);
        return NULL;
    }
    u->args = args;
    u->parameters = NULL;
    gp_gc_track(&u->base);
    return &u->base;
}

gp_object_t *gp_union_or(gp_object_t *a, gp_object_t *b)
{
    if (!is_unionable(a) || !is_unionable(b))
        return GP_INCREF(gp_NotImplemented);
    gp_object_t *list = gp_list_new(0);
    if (list == NULL)
        return NULL;
    gp_object_t *res = NULL;
    if (union_add_all(list, a) == 0 && union_add_all(list, b) == 0)
        res = union_from_list(list);
    GP_DECREF(list);
    return res;
}

static void union_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(UNION(self)->args);
    GP_CLEAR(UNION(self)->parameters);
    gp_object_free(self);
}

static int union_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    VISIT(UNION(self)->args);
    VISIT(UNION(self)->parameters);
    return 0;
}

static int union_clear(gp_object_t *self)
{
    GP_CLEAR(UNION(self)->args);
    GP_CLEAR(UNION(self)->parameters);
    return 0;
}

static gp_object_t *union_repr(gp_object_t *self)
{
    gp_object_t *args = UNION(self)->args;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (gp_recursion_enter(" while getting the repr of an object") < 0)
        return NULL;
    int rc = 0;
    for (intptr_t i = 0; rc == 0 && i < GP_TUPLE_SIZE(args); i++) {
        if (i > 0)
            gp_strbuf_append_cstr(&b, " | ");
        rc = repr_item(&b, GP_TUPLE_GET(args, i), true);
    }
    gp_recursion_leave();
    if (rc < 0) {
        gp_strbuf_discard(&b);
        return NULL;
    }
    return gp_strbuf_finish(&b);
}

/* Is every argument of [a] among those of [b]? 1 / 0 / -1. */
static int union_args_within(gp_object_t *a, gp_object_t *b)
{
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(a); i++) {
        int r = gp_object_contains(b, GP_TUPLE_GET(a, i));
        if (r <= 0)
            return r;
    }
    return 1;
}

/* Unions compare as sets of arguments: int | str == str | int. */
static gp_object_t *union_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_union_check(a) || !gp_union_check(b) || (op != GP_CMP_EQ && op != GP_CMP_NE))
        return GP_INCREF(gp_NotImplemented);
    int eq = union_args_within(UNION(a)->args, UNION(b)->args);
    if (eq > 0)
        eq = union_args_within(UNION(b)->args, UNION(a)->args);
    if (eq < 0)
        return NULL;
    return gp_bool_from(op == GP_CMP_EQ ? eq : !eq);
}

static intptr_t union_hash(gp_object_t *self)
{
    gp_object_t *set = gp_frozenset_new(UNION(self)->args);
    if (set == NULL)
        return -1;
    intptr_t h = gp_object_hash(set);
    GP_DECREF(set);
    return h;
}

static gp_object_t *union_binop(gp_object_t *a, gp_object_t *b, int op)
{
    if ((op & ~GP_BINOP_INPLACE) != GP_BINOP_OR)
        return GP_INCREF(gp_NotImplemented);
    return gp_union_or(a, b);
}

static gp_object_t *union_parameters(gp_object_t *self)
{
    gp_union_t *u = UNION(self);
    if (u->parameters == NULL && (u->parameters = collect_parameters(u->args)) == NULL)
        return NULL;
    return u->parameters;
}

/* (int | list[T])[str]: substitutes, then rebuilds the union, which may
   collapse (T | int)[int] to int. */
static gp_object_t *union_getitem(gp_object_t *self, gp_object_t *item)
{
    gp_object_t *params = union_parameters(self);
    if (params == NULL)
        return NULL;
    gp_object_t *args = substitute_args(self, UNION(self)->args, params, item);
    if (args == NULL)
        return NULL;
    gp_object_t *res = GP_INCREF(GP_TUPLE_GET(args, 0));
    for (intptr_t i = 1; res != NULL && i < GP_TUPLE_SIZE(args); i++) {
        gp_object_t *next = gp_number_binop(res, GP_TUPLE_GET(args, i), GP_BINOP_OR);
        GP_DECREF(res);
        res = next;
    }
    GP_DECREF(args);
    return res;
}

static gp_object_t *union_get_args(gp_object_t *self, void *closure)
{
    return GP_INCREF(UNION(self)->args);
}

static gp_object_t *union_get_parameters(gp_object_t *self, void *closure)
{
    gp_object_t *params = union_parameters(self);
    return params ? GP_INCREF(params) : NULL;
}

static const gp_getset_def_t union_getsets[] = {
    {"__args__", union_get_args, NULL, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_union_type = {
    GP_TYPE_HEAD_INIT,
    .name = "types.UnionType",
    .basicsize = sizeof(gp_union_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = union_dealloc,
    .repr = union_repr,
    .hash = union_hash,
    .richcompare = union_richcompare,
    .getattr = gp_object_generic_getattr,
    .binop = union_binop,
    .getitem = union_getitem,
    .traverse = union_traverse,
    .clear = union_clear,
    .getsets = union_getsets,
    .doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
};

/* ------------------------------------------------------------------ */
/* __class_getitem__ of the builtin containers                          */
/* ------------------------------------------------------------------ */

static gp_object_t *class_getitem(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("__class_getitem__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_generic_alias_new(cls, args[0]);
}

static const gp_method_def_t class_getitem_def = {
    "__class_getitem__", class_getitem, GP_METH_CLASS,
    "See PEP 585",
};

int gp_generic_alias_init(void)
{
    if (gp_type_ready(&gp_generic_alias_type) < 0 || gp_type_ready(&gp_union_type) < 0)
        return -1;
    gp_type_t *generic[] = {&gp_list_type, &gp_tuple_type, &gp_dict_type, &gp_set_type,
                            &gp_frozenset_type};
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++) {
        gp_object_t *descr = gp_method_descr_new(generic[i], &class_getitem_def);
        if (descr == NULL)
            return -1;
        int rc = gp_dict_setitem_cstr(generic[i]->dict, "__class_getitem__", descr);
        GP_DECREF(descr);
        if (rc < 0)
            return -1;
    }
    return 0;
}
