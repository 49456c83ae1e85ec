/* match.c - run-time support of the match statement (PEP 634).
 *
 * Design notes
 * ------------
 * compile_match.c turns every pattern into ordinary instructions (compare,
 * unpack, jump) plus four match-specific ones whose work lives here, so the
 * eval loop's cases stay one call each:
 *
 *   MATCH_MAPPING / MATCH_SEQUENCE ask whether the subject has the right
 *   shape. CPython answers from two type flags that collections.abc sets
 *   when a class inherits from or registers with Mapping/Sequence. gilpy
 *   answers the builtin cases from the type (dict; list, tuple, range,
 *   deque; never str, bytes or bytearray, which are "atomic" for patterns),
 *   and otherwise asks isinstance(subject, collections.abc.Mapping/Sequence)
 *   when that module has been imported. When it has not, no class can
 *   inherit from those ABCs, so nothing else can match.
 *
 *   MATCH_KEYS fetches the values of a mapping pattern's keys with the
 *   subject's `get` and a private sentinel, like CPython, so a defaultdict
 *   never grows a key by being matched. Exact dicts take a direct lookup,
 *   which is what dict.get does anyway.
 *
 *   MATCH_CLASS does the isinstance check and collects the attributes of a
 *   class pattern in order: the positional ones through __match_args__ (or
 *   the subject itself for the eleven builtin types that match themselves,
 *   `int(x)`), then the keyword ones. A missing attribute is a failed match,
 *   not an error, and the error messages are CPython's word for word.
 *
 * "No match" is signalled by returning None rather than NULL so that NULL
 * always means an exception, as everywhere else in the VM.
 */
#include "vm/match.h"

#include <string.h>

#include "runtime/runtime.h"

/* Returns the class collections.abc.[name] when that module has been
 * imported, borrowed; NULL (no exception) otherwise. */
static gp_object_t *abc_class_lookup(const char *name)
{
    gp_object_t *modules = gp_runtime()->modules;
    if (modules == NULL || !gp_dict_check(modules)) {
        return NULL;
    }
    gp_object_t *module = gp_dict_getitem_cstr(modules, "collections.abc");
    if (module == NULL || GP_TYPE(module) != &gp_module_type) {
        gp_err_clear();
        return NULL;
    }
    gp_object_t *cls = gp_object_getattr_cstr(module, name);
    if (cls == NULL) {
        gp_err_clear();
        return NULL;
    }
    /* Modules keep their classes alive; hand back a borrowed reference. */
    GP_DECREF(cls);
    return cls;
}

/* isinstance(subject, collections.abc.[name]), or 0 without the module. */
static int abc_isinstance(gp_object_t *subject, const char *name)
{
    gp_object_t *cls = abc_class_lookup(name);
    return cls == NULL ? 0 : gp_object_isinstance(subject, cls);
}

int gp_match_is_mapping(gp_object_t *subject)
{
    if (gp_dict_check(subject)) {
        return 1;
    }
    if (!GP_IS_PTR(subject) || gp_list_check(subject) || gp_tuple_check(subject) ||
        gp_str_check(subject)) {
        return 0;
    }
    return abc_isinstance(subject, "Mapping");
}

/* Whether [type] is the deque type of the `_collections` module (or a
 * subclass), which lives in a module rather than in the object core. */
static int type_is_deque(gp_type_t *type)
{
    for (gp_type_t *t = type; t != NULL; t = t->base_type) {
        if (strcmp(t->name, "collections.deque") == 0 && t->dealloc != NULL &&
            !(t->flags & GP_TYPE_FLAG_HEAPTYPE)) {
            return 1;
        }
    }
    return 0;
}

int gp_match_is_sequence(gp_object_t *subject)
{
    if (gp_list_check(subject) || gp_tuple_check(subject)) {
        return 1;
    }
    if (GP_IS_SMALL(subject) || gp_str_check(subject) || gp_bytes_check(subject) ||
        gp_dict_check(subject)) {
        return 0;
    }
    gp_type_t *type = GP_TYPE(subject);
    if (gp_type_is_subtype(type, &gp_bytearray_type)) {
        return 0;
    }
    if (gp_type_is_subtype(type, &gp_range_type) || type_is_deque(type)) {
        return 1;
    }
    return abc_isinstance(subject, "Sequence");
}

gp_object_t *gp_match_keys(gp_object_t *subject, gp_object_t *keys)
{
    size_t n = GP_TUPLE_SIZE(keys);
    gp_object_t *values = NULL, *seen = NULL, *get = NULL, *sentinel = NULL;
    if (n == 0) {
        return gp_tuple_new(0);
    }
    values = gp_tuple_new(n);
    seen = gp_set_new(NULL);
    if (values == NULL || seen == NULL) {
        goto fail;
    }
    bool exact_dict = gp_dict_check_exact(subject);
    if (!exact_dict) {
        /* A fresh object nobody else can hold marks "missing". */
        sentinel = gp_list_new(0);
        if (sentinel == NULL || (get = gp_object_getattr_cstr(subject, "get")) == NULL) {
            goto fail;
        }
    }
    for (size_t i = 0; i < n; i++) {
        gp_object_t *key = GP_TUPLE_ITEMS(keys)[i];
        int duplicate = gp_set_contains(seen, key);
        if (duplicate < 0) {
            goto fail;
        }
        if (duplicate) {
            gp_err_format(&gp_exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        if (gp_set_add(seen, key) < 0) {
            goto fail;
        }
        gp_object_t *value;
        if (exact_dict) {
            value = gp_dict_getitem(subject, key);
            if (value == NULL) {
                if (gp_err_occurred()) {
                    goto fail;
                }
                goto missing;
            }
            GP_INCREF(value);
        } else {
            gp_object_t *args[2] = {key, sentinel};
            value = gp_object_call(get, args, 2, NULL);
            if (value == NULL) {
                goto fail;
            }
            if (value == sentinel) {
                GP_DECREF(value);
                goto missing;
            }
        }
        GP_TUPLE_SET(values, i, value);
    }
    GP_XDECREF(get);
    GP_XDECREF(sentinel);
    GP_DECREF(seen);
    return values;
missing:
    GP_XDECREF(get);
    GP_XDECREF(sentinel);
    GP_DECREF(seen);
    GP_DECREF(values);
    return gp_none_new();
fail:
    GP_XDECREF(get);
    GP_XDECREF(sentinel);
    GP_XDECREF(seen);
    GP_XDECREF(values);
    return NULL;
}

/* Whether instances of [type] match one positional sub-pattern against
 * themselves: bool, bytearray, bytes, dict, float, frozenset, int, list,
 * set, str, tuple and their subclasses. */
static int type_matches_self(gp_type_t *type)
{
    static gp_type_t *const self_types[] = {
        &gp_bool_type,  &gp_bytearray_type, &gp_bytes_type, &gp_dict_type,
        &gp_float_type, &gp_frozenset_type, &gp_int_type,   &gp_list_type,
        &gp_set_type,   &gp_str_type,       &gp_tuple_type,
    };
    for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++) {
        if (gp_type_is_subtype(type, self_types[i])) {
            return 1;
        }
    }
    return 0;
}

/* Fetches attribute [name] of [subject] for a class pattern. Returns a new
 * reference, NULL without an exception when it is missing (no match), or
 * NULL with one. [seen] catches an attribute named twice. */
static gp_object_t *class_attr_fetch(gp_object_t *subject, gp_type_t *type, gp_object_t *name,
                                     gp_object_t *seen)
{
    int duplicate = gp_set_contains(seen, name);
    if (duplicate < 0) {
        return NULL;
    }
    if (duplicate) {
        gp_err_format(&gp_exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                      gp_type_name(type), name);
        return NULL;
    }
    if (gp_set_add(seen, name) < 0) {
        return NULL;
    }
    return gp_object_getattr_opt(subject, name);
}

gp_object_t *gp_match_class(gp_object_t *subject, gp_object_t *cls, gp_object_t *names,
                            size_t npositional)
{
    if (!gp_type_check(cls)) {
        gp_err_set_string(&gp_exc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    gp_type_t *type = (gp_type_t *)cls;
    int is_instance = gp_object_isinstance(subject, cls);
    if (is_instance <= 0) {
        return is_instance < 0 ? NULL : gp_none_new();
    }
    size_t nkeywords = GP_TUPLE_SIZE(names);
    gp_object_t *attrs = gp_tuple_new(npositional + nkeywords);
    gp_object_t *seen = gp_set_new(NULL);
    gp_object_t *match_args = NULL;
    size_t filled = 0;
    if (attrs == NULL || seen == NULL) {
        goto fail;
    }
    if (npositional > 0) {
        int match_self = 0;
        match_args = gp_object_getattr_cstr(cls, "__match_args__");
        if (match_args == NULL) {
            if (!gp_err_matches(&gp_exc_AttributeError)) {
                goto fail;
            }
            gp_err_clear();
            match_self = type_matches_self(type);
        } else if (!gp_tuple_check_exact(match_args)) {
            gp_err_format(&gp_exc_TypeError, "%s.__match_args__ must be a tuple (got %T)",
                          gp_type_name(type), match_args);
            goto fail;
        }
        size_t allowed = match_self ? 1 : match_args == NULL ? 0 : GP_TUPLE_SIZE(match_args);
        if (allowed < npositional) {
            gp_err_format(&gp_exc_TypeError, "%s() accepts %zu positional sub-pattern%s (%zu given)",
                          gp_type_name(type), allowed, allowed == 1 ? "" : "s", npositional);
            goto fail;
        }
        if (match_self) {
            GP_TUPLE_SET(attrs, filled++, GP_INCREF(subject));
        } else {
            for (size_t i = 0; i < npositional; i++) {
                gp_object_t *name = GP_TUPLE_ITEMS(match_args)[i];
                if (!gp_str_check_exact(name)) {
                    gp_err_format(&gp_exc_TypeError,
                                  "__match_args__ elements must be strings (got %T)", name);
                    goto fail;
                }
                gp_object_t *attr = class_attr_fetch(subject, type, name, seen);
                if (attr == NULL) {
                    goto no_match_or_fail;
                }
                GP_TUPLE_SET(attrs, filled++, attr);
            }
        }
    }
    for (size_t i = 0; i < nkeywords; i++) {
        gp_object_t *attr = class_attr_fetch(subject, type, GP_TUPLE_ITEMS(names)[i], seen);
        if (attr == NULL) {
            goto no_match_or_fail;
        }
        GP_TUPLE_SET(attrs, filled++, attr);
    }
    GP_XDECREF(match_args);
    GP_DECREF(seen);
    return attrs;
no_match_or_fail:
    if (!gp_err_occurred()) {
        /* A missing attribute: the pattern simply does not match. */
        for (size_t i = filled; i < npositional + nkeywords; i++) {
            GP_TUPLE_SET(attrs, i, gp_none_new());
        }
        GP_XDECREF(match_args);
        GP_DECREF(seen);
        GP_DECREF(attrs);
        return gp_none_new();
    }
fail:
    if (attrs != NULL) {
        for (size_t i = filled; i < npositional + nkeywords; i++) {
            GP_TUPLE_SET(attrs, i, gp_none_new());
        }
    }
    GP_XDECREF(match_args);
    GP_XDECREF(seen);
    GP_XDECREF(attrs);
    return NULL;
}
