/*
 * type.c - `type` and `object`: readying builtin types, creating classes.
 *
 * Design notes
 * ------------
 * A type is an object whose dict holds its attributes and whose C slots
 * (object.h) give the fast paths. Builtin types are static C structs that
 * gp_type_ready() completes once at start-up: it links the base, computes
 * the MRO, fills the dict from the method and getset tables, adds a slot
 * wrapper for each slot the type defines itself (slots.c) and finally
 * inherits the remaining slots from the base.
 *
 * Classes (heap types) are made by type.__new__: C3 MRO, the "solid base"
 * whose C layout instances keep, the metaclass, and then slots computed from
 * the dunders found along the MRO. Instances of a class carry their
 * __dict__ in the allocation prefix (GP_TYPE_FLAG_MANAGED_DICT), so a
 * subclass of list is a list plus a pointer in front of it.
 *
 * Attribute lookups on types are cached: every type has a `version`, taken
 * from one process-wide counter and renewed whenever the type's dict or
 * bases change (gp_type_modified, which also renews every subclass). The
 * lookup cache here and the VM's inline caches key on (version, name), so a
 * stale entry can never match. The counter and the cache are the only
 * mutable statics besides the static types themselves; like those they are
 * shared by every runtime of the process and protected by the GIL.
 *
 * Subclass lists hold no references (a class must be able to die while its
 * base lives): each entry is the subclass's address stored as a small int,
 * removed by the subclass's dealloc.
 */
#include <string.h>

#include "obj/containers.h"
#include "obj/memoryview.h"
#include "obj/str.h"
#include "obj/genericalias.h"
#include "obj/object.h"
#include "obj/type.h"
#include "obj/weakref.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

/* From the VM (vm/eval.h): the running frame's globals (borrowed), NULL
   when no Python code is running. */
gp_object_t *gp_eval_globals(void);

/* ------------------------------------------------------------------ */
/* Versions and the lookup cache                                        */
/* ------------------------------------------------------------------ */

static uint32_t type_version_next = 1;

#define LOOKUP_CACHE_SIZE 4096

typedef struct lookup_entry {
    uint32_t version;
    gp_object_t *name;  /* owned: its address cannot be reused while cached */
    gp_object_t *value; /* borrowed; valid while the version matches */
} lookup_entry_t;

static lookup_entry_t lookup_cache[LOOKUP_CACHE_SIZE];

/* The last lookup on this thread that failed for want of memory, so that
   the "no attribute" error its caller is about to raise can become the
   MemoryError it really is (gp_type_lookup_ran_out). Identity only: the
   name is never dereferenced. */
static _Thread_local struct {
    gp_type_t *type;
    gp_object_t *name;
} lookup_oom;

static void type_assign_version(gp_type_t *type)
{
    /* After 2**32 - 1 changes versions run out; 0 then disables caching. */
    type->version = type_version_next;
    if (type_version_next != 0)
        type_version_next++;
}

static gp_object_t *lookup_uncached(gp_type_t *type, gp_object_t *name)
{
    gp_object_t *mro = type->mro;
    if (mro == NULL) {
        for (gp_type_t *t = type; t != NULL; t = t->base_type) {
            gp_object_t *d = gp_type_dict(t);
            if (d == NULL)
                return NULL;
            gp_object_t *v = gp_dict_getitem(d, name);
            if (v != NULL)
                return v;
        }
        return NULL;
    }
    intptr_t n = GP_TUPLE_SIZE(mro);
    for (intptr_t i = 0; i < n; i++) {
        /* A type whose dict could not be filled (out of memory) ends the
           search: going on would find a base's attribute where the type's
           own one should win, e.g. Future.__await__ for sleep's. */
        gp_object_t *dict = gp_type_dict((gp_type_t *)GP_TUPLE_GET(mro, i));
        if (dict == NULL)
            return NULL;
        gp_object_t *v = gp_dict_getitem(dict, name);
        if (v != NULL)
            return v;
    }
    return NULL;
}

gp_object_t *gp_type_lookup(gp_type_t *type, gp_object_t *name)
{
    /* A name that could not be allocated (gp_str_static() out of memory). */
    if (name == NULL)
        return NULL;
    if (!(type->flags & GP_TYPE_FLAG_READY) && gp_type_ready(type) < 0) {
        gp_err_clear();
        lookup_oom.type = type;
        lookup_oom.name = name;
        return NULL;
    }
    uint32_t version = type->version;
    size_t slot =
        ((size_t)version * 2654435761u ^ ((uintptr_t)name >> 4)) & (LOOKUP_CACHE_SIZE - 1);
    lookup_entry_t *e = &lookup_cache[slot];
    if (version != 0 && e->version == version && e->name == name)
        return e->value;
    /* A failing lookup (unhashable name...) is simply "absent" here. */
    gp_object_t *saved = gp_err_fetch();
    gp_object_t *value = lookup_uncached(type, name);
    /* A lookup that failed (a type's dict could not be filled for want of
       memory) is not cached: the next one must try again. */
    bool failed = gp_err_occurred();
    lookup_oom.type = NULL;
    if (failed) {
        value = NULL;
        if (gp_err_matches(&gp_exc_MemoryError)) {
            lookup_oom.type = type;
            lookup_oom.name = name;
        }
        gp_err_clear();
    }
    gp_err_restore(saved);
    if (!failed && version != 0 && gp_str_check_exact(name)) {
        GP_INCREF(name);
        GP_XDECREF(e->name);
        e->version = version;
        e->name = name;
        e->value = value;
    }
    return value;
}

bool gp_type_lookup_ran_out(gp_type_t *type, gp_object_t *name)
{
    if (lookup_oom.type == NULL || lookup_oom.type != type || lookup_oom.name != name)
        return false;
    lookup_oom.type = NULL;
    return true;
}

gp_object_t *gp_type_lookup_cstr(gp_type_t *type, const char *name)
{
    gp_object_t *n = gp_str_static(name);
    if (n == NULL) {
        gp_err_clear();
        return NULL;
    }
    return gp_type_lookup(type, n);
}

bool gp_type_is_subtype(gp_type_t *a, gp_type_t *b)
{
    if (a == b)
        return true;
    gp_object_t *mro = a->mro;
    if (mro != NULL) {
        intptr_t n = GP_TUPLE_SIZE(mro);
        for (intptr_t i = 0; i < n; i++)
            if (GP_TUPLE_GET(mro, i) == (gp_object_t *)b)
                return true;
        return false;
    }
    for (gp_type_t *t = a->base_type; t != NULL; t = t->base_type)
        if (t == b)
            return true;
    return b == &gp_object_type;
}

const char *gp_type_name(gp_type_t *type)
{
    if (type->flags & GP_TYPE_FLAG_HEAPTYPE)
        return type->name;
    /* Static types may be named "module.Name": __name__ is the last part. */
    const char *dot = strrchr(type->name, '.');
    return dot ? dot + 1 : type->name;
}

static int subclasses_visit(gp_type_t *type, void (*fn)(gp_type_t *))
{
    fn(type);
    if (type->subclasses == NULL)
        return 0;
    for (intptr_t i = 0; i < GP_LIST_SIZE(type->subclasses); i++) {
        gp_object_t *entry = GP_LIST_GET(type->subclasses, i);
        subclasses_visit((gp_type_t *)GP_SMALL_VALUE(entry), fn);
    }
    return 0;
}

void gp_type_modified(gp_type_t *type)
{
    subclasses_visit(type, type_assign_version);
}

static int subclass_add(gp_type_t *base, gp_type_t *sub)
{
    if (base->subclasses == NULL) {
        base->subclasses = gp_list_new(0);
        if (base->subclasses == NULL)
            return -1;
    }
    return gp_list_append(base->subclasses, GP_SMALL_NEW((intptr_t)sub));
}

static void subclass_remove(gp_type_t *base, gp_type_t *sub)
{
    gp_object_t *list = base->subclasses;
    if (list == NULL)
        return;
    gp_object_t *key = GP_SMALL_NEW((intptr_t)sub);
    intptr_t n = GP_LIST_SIZE(list);
    for (intptr_t i = 0; i < n; i++) {
        if (GP_LIST_GET(list, i) == key) {
            /* Entries are small ints: shifting them needs no refcounting. */
            memmove(&GP_LIST_ITEMS(list)[i], &GP_LIST_ITEMS(list)[i + 1],
                    (size_t)(n - i - 1) * sizeof(gp_object_t *));
            ((gp_list_t *)list)->size = n - 1;
            return;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Readying static types                                                */
/* ------------------------------------------------------------------ */

#define SUBCLASS_FLAGS                                                                       \
    (GP_TYPE_FLAG_INT_SUBCLASS | GP_TYPE_FLAG_STR_SUBCLASS | GP_TYPE_FLAG_BYTES_SUBCLASS |   \
     GP_TYPE_FLAG_LIST_SUBCLASS | GP_TYPE_FLAG_TUPLE_SUBCLASS | GP_TYPE_FLAG_DICT_SUBCLASS | \
     GP_TYPE_FLAG_EXC_SUBCLASS | GP_TYPE_FLAG_TYPE_SUBCLASS)

static int type_fill_dict(gp_type_t *type, unsigned own_groups)
{
    gp_object_t *dict = type->dict;
    for (const gp_method_def_t *m = type->methods; m && m->name; m++) {
        gp_object_t *d = gp_method_descr_new(type, m);
        if (d == NULL || gp_dict_setitem_cstr(dict, m->name, d) < 0) {
            GP_XDECREF(d);
            return -1;
        }
        GP_DECREF(d);
    }
    for (const gp_getset_def_t *g = type->getsets; g && g->name; g++) {
        gp_object_t *d = gp_getset_descr_new(type, g);
        if (d == NULL || gp_dict_setitem_cstr(dict, g->name, d) < 0) {
            GP_XDECREF(d);
            return -1;
        }
        GP_DECREF(d);
    }
    if (gp_slots_add_wrappers(type, own_groups) < 0)
        return -1;
    gp_object_t *doc_name = gp_str_static("__doc__");
    if (doc_name == NULL)
        return -1;
    if (gp_dict_getitem(dict, doc_name) == NULL) {
        gp_object_t *doc = type->doc ? gp_str_from_cstr(type->doc) : gp_none_new();
        if (doc == NULL || gp_dict_setitem(dict, doc_name, doc) < 0) {
            GP_XDECREF(doc);
            return -1;
        }
        GP_DECREF(doc);
    }
    return 0;
}

/* Slots a type did not define come from its base, as CPython's
   inherit_slots. hash and richcompare travel together: a type that defines
   equality without a hash must not inherit its base's identity hash. */
static void type_inherit_slots(gp_type_t *type, gp_type_t *base)
{
#define INHERIT(slot)       \
    if (type->slot == NULL) \
    type->slot = base->slot
    INHERIT(dealloc);
    INHERIT(new_);
    INHERIT(init);
    INHERIT(repr);
    INHERIT(str);
    if (type->richcompare == NULL && type->hash == NULL) {
        type->richcompare = base->richcompare;
        type->hash = base->hash;
    }
    INHERIT(getattr);
    INHERIT(setattr);
    INHERIT(call);
    INHERIT(iter);
    INHERIT(iternext);
    INHERIT(binop);
    INHERIT(pow3);
    INHERIT(unop);
    INHERIT(to_bool);
    INHERIT(to_int);
    INHERIT(to_float);
    INHERIT(to_index);
    INHERIT(len);
    INHERIT(getitem);
    INHERIT(setitem);
    INHERIT(contains);
    INHERIT(descr_get);
    INHERIT(descr_set);
    if ((type->flags & GP_TYPE_FLAG_GC) && (base->flags & GP_TYPE_FLAG_GC)) {
        INHERIT(traverse);
        INHERIT(clear);
    }
#undef INHERIT
}

/* An unhashable type (eq without hash, own or inherited) says so with
   `__hash__ = None` in its dict, as in CPython. */
static int type_add_hash_none(gp_type_t *type)
{
    if (type->hash != gp_object_hash_not_implemented)
        return 0;
    gp_object_t *hash_name = gp_str_static("__hash__");
    if (hash_name == NULL)
        return -1;
    if (gp_dict_getitem(type->dict, hash_name) != NULL)
        return 0;
    return gp_dict_setitem(type->dict, hash_name, gp_None);
}

/* Filling the dicts of static types lazily
   ----------------------------------------
   Filling a builtin type's dict (a descriptor per method and getset, a
   slot wrapper per own slot, each under an interned name) was two thirds
   of `gilpy -c pass`: ~1,500 objects and ~1,000 interned names in ~120
   types, most of which a short script never looks into. So gp_type_ready()
   does everything else (base, MRO, slot inheritance) at once but leaves
   the dict of a static type empty, marked GP_TYPE_FLAG_DICT_PENDING, and
   gp_type_dict() fills it on first use. Every reader of a type's dict goes
   through gp_type_dict(): gp_type_lookup (so attribute access, the class
   statement's slot computation and special-method calls), super(), dir(),
   vars() and `__dict__`. Entries stored into a pending dict before it is
   filled (structseq's n_fields, __class_getitem__) survive: the methods
   are other names, and wrappers and __doc__ never replace an entry.

   The own slot groups must be taken before inheritance, so they wait in a
   small table beside the flag. `object` and `type` are filled at once:
   every lookup ends in one of them. */
#define PENDING_DICTS_MAX 512

typedef struct pending_dict {
    gp_type_t *type;
    unsigned own_groups;
} pending_dict_t;

static pending_dict_t pending_dicts[PENDING_DICTS_MAX];
static size_t pending_dicts_count;

/* Records [type]'s dict for later filling; false when it must be filled now. */
static bool type_dict_defer(gp_type_t *type, unsigned own_groups)
{
    if ((type->flags & GP_TYPE_FLAG_HEAPTYPE) || type == &gp_object_type || type == &gp_type_type ||
        pending_dicts_count == PENDING_DICTS_MAX)
        return false;
    pending_dicts[pending_dicts_count].type = type;
    pending_dicts[pending_dicts_count].own_groups = own_groups;
    pending_dicts_count++;
    type->flags |= GP_TYPE_FLAG_DICT_PENDING;
    return true;
}

static int type_dict_fill_pending(gp_type_t *type)
{
    /* Cleared first: filling creates descriptors and looks names up, and
       none of that may come back here. */
    type->flags &= ~(unsigned)GP_TYPE_FLAG_DICT_PENDING;
    unsigned own_groups = 0;
    for (size_t i = 0; i < pending_dicts_count; i++) {
        if (pending_dicts[i].type == type) {
            own_groups = pending_dicts[i].own_groups;
            pending_dicts[i] = pending_dicts[--pending_dicts_count];
            break;
        }
    }
    /* A lookup may run with an exception pending (gp_type_lookup keeps
       it aside, other callers may not): it must survive the filling. */
    gp_object_t *pending = gp_err_fetch();
    int rc = type_fill_dict(type, own_groups);
    if (rc == 0)
        rc = type_add_hash_none(type);
    if (rc < 0) {
        /* Out of memory half-way: the type stays pending, so a later
           lookup fills it again (filling is idempotent) instead of every
           later lookup missing the names that did not make it in. The
           slot just freed in the table takes it back. */
        if (pending_dicts_count < PENDING_DICTS_MAX) {
            pending_dicts[pending_dicts_count].type = type;
            pending_dicts[pending_dicts_count].own_groups = own_groups;
            pending_dicts_count++;
            type->flags |= GP_TYPE_FLAG_DICT_PENDING;
        }
        GP_XDECREF(pending);
        return -1;
    }
    gp_err_restore(pending);
    /* Nothing can have cached a lookup in the empty dict (lookups fill it
       first), but a new version costs nothing and keeps that true. */
    gp_type_modified(type);
    return 0;
}

gp_object_t *gp_type_dict(gp_type_t *type)
{
    if ((type->flags & GP_TYPE_FLAG_DICT_PENDING) && type_dict_fill_pending(type) < 0)
        return NULL;
    return type->dict;
}

int gp_type_ready(gp_type_t *type)
{
    if (type->flags & GP_TYPE_FLAG_READY)
        return 0;
    gp_type_t *base = type->base_type;
    if (base == NULL && type != &gp_object_type)
        base = type->base_type = &gp_object_type;
    if (base != NULL && gp_type_ready(base) < 0)
        return -1;
    /* Marked early: readying the dict creates descriptors whose own types
       may need readying, and those must not recurse into this one. */
    type->flags |= GP_TYPE_FLAG_READY;
    if (base != NULL) {
        type->flags |= base->flags & SUBCLASS_FLAGS;
        if (type->basicsize == 0)
            type->basicsize = base->basicsize;
        if (type->itemsize == 0)
            type->itemsize = base->itemsize;
    }
    if (type->dict == NULL && (type->dict = gp_dict_new()) == NULL)
        goto fail;
    /* Taken before the slots are inherited: the wrappers are for the
       type's own slots only. */
    unsigned own_groups = gp_slots_own_groups(type);
    bool fill_later = type_dict_defer(type, own_groups);
    if (!fill_later && type_fill_dict(type, own_groups) < 0)
        goto fail;
    if (type->hash == NULL && type->richcompare != NULL)
        type->hash = gp_object_hash_not_implemented;
    /* A built-in type deriving from object with no constructor of its own
       (an iterator, a view...) cannot be called, as in CPython: it does not
       take object's __new__. */
    bool uncallable = base == &gp_object_type && type->new_ == NULL && type->init == NULL &&
                      !(type->flags & GP_TYPE_FLAG_HEAPTYPE);
    if (base != NULL)
        type_inherit_slots(type, base);
    if (uncallable)
        type->new_ = NULL;
    if (!fill_later && type_add_hash_none(type) < 0)
        goto fail;
    if (type->bases == NULL) {
        type->bases = base ? gp_tuple_pack(1, (gp_object_t *)base) : gp_tuple_new(0);
        if (type->bases == NULL)
            goto fail;
    }
    if (type->mro == NULL) {
        intptr_t nbase = base ? GP_TUPLE_SIZE(base->mro) : 0;
        gp_object_t *mro = gp_tuple_new((size_t)nbase + 1);
        if (mro == NULL)
            goto fail;
        GP_TUPLE_SET(mro, 0, GP_INCREF((gp_object_t *)type));
        for (intptr_t i = 0; i < nbase; i++)
            GP_TUPLE_SET(mro, i + 1, GP_INCREF(GP_TUPLE_GET(base->mro, i)));
        type->mro = mro;
    }
    if (base != NULL && subclass_add(base, type) < 0)
        goto fail;
    type_assign_version(type);
    return 0;
fail:
    type->flags &= ~(unsigned)GP_TYPE_FLAG_READY;
    return -1;
}

/* ------------------------------------------------------------------ */
/* The `object` type                                                    */
/* ------------------------------------------------------------------ */

static bool excess_args(size_t nargs, gp_object_t *kwnames)
{
    return nargs > 0 || (kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0);
}

gp_object_t *gp_object_type_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        if (type->new_ != gp_object_type_new) {
            gp_err_set_string(&gp_exc_TypeError,
                              "object.__new__() takes exactly one argument (the type to "
                              "instantiate)");
            return NULL;
        }
        if (type->init == gp_object_type_init) {
            gp_err_format(&gp_exc_TypeError, "%s() takes no arguments", gp_type_name(type));
            return NULL;
        }
    }
    if (type->flags & GP_TYPE_FLAG_ABSTRACT) {
        gp_err_format(&gp_exc_TypeError, "Can't instantiate abstract class %s", gp_type_name(type));
        return NULL;
    }
    gp_object_t *o = gp_object_alloc(type, 0);
    if (o != NULL && gp_object_is_gc(o))
        gp_gc_track(o);
    return o;
}

int gp_object_type_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                        gp_object_t *kwnames)
{
    if (excess_args(nargs, kwnames)) {
        gp_type_t *type = GP_TYPE(self);
        if (type->init != gp_object_type_init) {
            gp_err_set_string(&gp_exc_TypeError,
                              "object.__init__() takes exactly one argument (the instance to "
                              "initialize)");
            return -1;
        }
        if (type->new_ == gp_object_type_new) {
            gp_err_format(&gp_exc_TypeError,
                          "%s.__init__() takes exactly one argument (the instance to initialize)",
                          gp_type_name(type));
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(gp_object_t *self)
{
    gp_object_free(self);
}

static gp_object_t *object_format(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("__format__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "__format__() argument must be str, not %T", args[0]);
        return NULL;
    }
    if (gp_str_utf8_len(args[0]) > 0) {
        gp_err_format(&gp_exc_TypeError, "unsupported format string passed to %s.__format__",
                      GP_TYPE(self)->name);
        return NULL;
    }
    return gp_object_str(self);
}

static gp_object_t *object_init_subclass(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    if (nargs > 0) {
        gp_err_format(&gp_exc_TypeError, "%s.__init_subclass__() takes no arguments (%zu given)",
                      gp_type_name((gp_type_t *)cls), nargs);
        return NULL;
    }
    /* Class keywords nobody consumed end here (class D(tag='x')). */
    if (kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                      gp_type_name((gp_type_t *)cls));
        return NULL;
    }
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* object.__reduce_ex__ / __reduce__ / __getstate__                     */
/* ------------------------------------------------------------------ */

/* The copy/pickle protocol as CPython's typeobject.c and copyreg.py define
   it, reduced to what copy and pickle-like code rely on: protocol 2 and up
   reduce an instance to (__newobj__, (cls, *newargs), state, listitems,
   dictitems); older protocols to (_reconstructor, (cls, base, base_state)
   [, state]). The default state is the instance __dict__ (None when empty)
   paired with a dict of the set __slots__ values when there are any. The
   copyreg helpers are builtin functions here, since gilpy has no copyreg. */

/* copyreg.__newobj__(cls, *args): cls.__new__(cls, *args). */
static gp_object_t *reduce_newobj_fn(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (nargs < 1 || !gp_type_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "__newobj__() first argument must be a class");
        return NULL;
    }
    gp_object_t *new_ = gp_object_getattr_cstr(args[0], "__new__");
    if (new_ == NULL)
        return NULL;
    gp_object_t *res = gp_object_call(new_, args, nargs, NULL);
    GP_DECREF(new_);
    return res;
}

/* copyreg._reconstructor(cls, base, state). */
static gp_object_t *reduce_reconstructor_fn(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_reconstructor", nargs, kwnames, 3, 3) < 0)
        return NULL;
    gp_object_t *cls = args[0], *base = args[1], *state = args[2];
    if (base == (gp_object_t *)&gp_object_type)
        return gp_object_call_method((gp_object_t *)&gp_object_type, "__new__", &cls, 1);
    gp_object_t *pair[2] = {cls, state};
    gp_object_t *obj = gp_object_call_method(base, "__new__", pair, 2);
    if (obj == NULL)
        return NULL;
    gp_object_t *init = gp_object_getattr_cstr(base, "__init__");
    gp_object_t *object_init = init ? gp_dict_getitem_cstr(gp_object_type.dict, "__init__") : NULL;
    gp_object_t *res = NULL;
    if (init != NULL && init != object_init) {
        gp_object_t *iargs[2] = {obj, state};
        res = gp_object_call(init, iargs, 2, NULL);
        if (res == NULL)
            GP_CLEAR(obj);
        GP_XDECREF(res);
    }
    GP_XDECREF(init);
    if (init == NULL)
        GP_CLEAR(obj);
    return obj;
}

static const gp_method_def_t reduce_newobj_def = {"__newobj__", reduce_newobj_fn, 0, NULL};
static const gp_method_def_t reduce_reconstructor_def = {"_reconstructor",
                                                         reduce_reconstructor_fn, 0, NULL};

/* The default __getstate__: __dict__ (or None), then (dict, slots) when
   some __slots__ are set. */
static gp_object_t *object_state_default(gp_object_t *self)
{
    gp_object_t *state = NULL;
    gp_object_t **dictp = gp_object_instance_dict(self);
    if (dictp != NULL && *dictp != NULL && gp_dict_size(*dictp) > 0)
        state = gp_dict_copy(*dictp);
    else
        state = gp_none_new();
    if (state == NULL)
        return NULL;
    gp_object_t *slots = NULL;
    gp_object_t *mro = GP_TYPE(self)->mro;
    for (intptr_t i = 0; mro && i < GP_TUPLE_SIZE(mro); i++) {
        gp_object_t *d = gp_type_dict((gp_type_t *)GP_TUPLE_GET(mro, i));
        if (d == NULL && gp_err_occurred())
            goto error;
        intptr_t pos = 0;
        gp_object_t *key, *value;
        while (d && gp_dict_next(d, &pos, &key, &value)) {
            if (!GP_IS_TYPE(value, gp_member_descr_type))
                continue;
            gp_object_t *v = GP_TYPE(value)->descr_get(value, self, NULL);
            if (v == NULL) {
                if (!gp_err_matches(&gp_exc_AttributeError))
                    goto error;
                gp_err_clear();
                continue;
            }
            if (slots == NULL && (slots = gp_dict_new()) == NULL) {
                GP_DECREF(v);
                goto error;
            }
            int rc = gp_dict_setitem(slots, key, v);
            GP_DECREF(v);
            if (rc < 0)
                goto error;
        }
    }
    if (slots != NULL) {
        gp_object_t *pair = gp_tuple_pack(2, state, slots);
        GP_DECREF(state);
        GP_DECREF(slots);
        return pair;
    }
    return state;
error:
    GP_XDECREF(slots);
    GP_DECREF(state);
    return NULL;
}

static gp_object_t *object_getstate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("__getstate__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return object_state_default(self);
}

/* newargs from __getnewargs_ex__ or __getnewargs__: *args is a tuple and
   *kwargs a dict or NULL. */
static int reduce_new_arguments(gp_object_t *self, gp_object_t **args, gp_object_t **kwargs)
{
    *args = *kwargs = NULL;
    gp_object_t *f = gp_object_getattr_opt(self, gp_str_static("__getnewargs_ex__"));
    if (f != NULL) {
        gp_object_t *res = gp_object_call0(f);
        GP_DECREF(f);
        if (res == NULL)
            return -1;
        if (!gp_tuple_check(res) || GP_TUPLE_SIZE(res) != 2 ||
            !gp_tuple_check(GP_TUPLE_GET(res, 0)) || !gp_dict_check(GP_TUPLE_GET(res, 1))) {
            GP_DECREF(res);
            gp_err_set_string(&gp_exc_TypeError,
                              "__getnewargs_ex__ should return a tuple of length 2 "
                              "(a tuple and a dict)");
            return -1;
        }
        *args = GP_INCREF(GP_TUPLE_GET(res, 0));
        *kwargs = GP_INCREF(GP_TUPLE_GET(res, 1));
        GP_DECREF(res);
        return 0;
    }
    if (gp_err_occurred())
        return -1;
    f = gp_object_getattr_opt(self, gp_str_static("__getnewargs__"));
    if (f != NULL) {
        gp_object_t *res = gp_object_call0(f);
        GP_DECREF(f);
        if (res == NULL)
            return -1;
        if (!gp_tuple_check(res)) {
            gp_err_format(&gp_exc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                          gp_type_name(GP_TYPE(res)));
            GP_DECREF(res);
            return -1;
        }
        *args = res;
        return 0;
    }
    if (gp_err_occurred())
        return -1;
    *args = GP_INCREF(gp_empty_tuple);
    return 0;
}

static gp_object_t *object_state(gp_object_t *self)
{
    gp_object_t *f = gp_object_getattr_opt(self, gp_str_static("__getstate__"));
    if (f == NULL)
        return gp_err_occurred() ? NULL : object_state_default(self);
    gp_object_t *res = gp_object_call0(f);
    GP_DECREF(f);
    return res;
}

static gp_object_t *reduce_protocol2(gp_object_t *self)
{
    gp_type_t *cls = GP_TYPE(self);
    gp_object_t *args, *kwargs, *fn = NULL, *newargs = NULL, *state = NULL;
    gp_object_t *listitems = NULL, *dictitems = NULL, *res = NULL;
    if (reduce_new_arguments(self, &args, &kwargs) < 0)
        return NULL;
    if (kwargs != NULL && gp_dict_size(kwargs) > 0) {
        gp_err_set_string(&gp_exc_TypeError,
                          "keyword arguments of __getnewargs_ex__ are not supported");
        goto done;
    }
    fn = gp_cfunction_new(&reduce_newobj_def, NULL);
    newargs = gp_tuple_new((size_t)GP_TUPLE_SIZE(args) + 1);
    if (fn == NULL || newargs == NULL)
        goto done;
    GP_TUPLE_SET(newargs, 0, GP_INCREF((gp_object_t *)cls));
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(args); i++)
        GP_TUPLE_SET(newargs, i + 1, GP_INCREF(GP_TUPLE_GET(args, i)));
    if ((state = object_state(self)) == NULL)
        goto done;
    if (gp_list_check(self)) {
        listitems = gp_object_iter(self);
    } else if (gp_dict_check(self)) {
        gp_object_t *items = gp_object_call_method(self, "items", NULL, 0);
        dictitems = items ? gp_object_iter(items) : NULL;
        GP_XDECREF(items);
    }
    if (gp_err_occurred())
        goto done;
    res = gp_tuple_pack(5, fn, newargs, state, listitems ? listitems : gp_None,
                        dictitems ? dictitems : gp_None);
done:
    GP_XDECREF(listitems);
    GP_XDECREF(dictitems);
    GP_XDECREF(state);
    GP_XDECREF(newargs);
    GP_XDECREF(fn);
    GP_XDECREF(kwargs);
    GP_DECREF(args);
    return res;
}

/* copyreg._reduce_ex for protocols 0 and 1. */
static gp_object_t *reduce_protocol01(gp_object_t *self)
{
    gp_type_t *cls = GP_TYPE(self);
    gp_type_t *base = gp_type_builtin_base(cls);
    gp_object_t *base_state = NULL;
    if (base != &gp_object_type) {
        if (base == cls) {
            gp_err_format(&gp_exc_TypeError, "cannot pickle '%s' object", gp_type_name(cls));
            return NULL;
        }
        if ((base_state = gp_object_call1((gp_object_t *)base, self)) == NULL)
            return NULL;
    }
    gp_object_t *fn = gp_cfunction_new(&reduce_reconstructor_def, NULL);
    gp_object_t *args = gp_tuple_pack(3, (gp_object_t *)cls, (gp_object_t *)base,
                                      base_state ? base_state : gp_None);
    GP_XDECREF(base_state);
    gp_object_t *state = fn && args ? object_state(self) : NULL;
    gp_object_t *res = NULL;
    if (state != NULL) {
        int truth = gp_object_is_true(state);
        if (truth > 0)
            res = gp_tuple_pack(3, fn, args, state);
        else if (truth == 0)
            res = gp_tuple_pack(2, fn, args);
    }
    GP_XDECREF(state);
    GP_XDECREF(args);
    GP_XDECREF(fn);
    return res;
}

static gp_object_t *object_reduce_common(gp_object_t *self, int64_t protocol)
{
    return protocol >= 2 ? reduce_protocol2(self) : reduce_protocol01(self);
}

static gp_object_t *object_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return object_reduce_common(self, 0);
}

/* A class-defined __reduce__ wins over the default reduction. */
static gp_object_t *object_reduce_ex(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("__reduce_ex__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_int_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      gp_type_name(GP_TYPE(args[0])));
        return NULL;
    }
    int64_t protocol = gp_int_as_i64(args[0]);
    if (protocol == -1 && gp_err_occurred())
        return NULL;
    gp_object_t *own = gp_dict_getitem_cstr(gp_object_type.dict, "__reduce__");
    gp_object_t *found = gp_type_lookup(GP_TYPE(self), gp_str_static("__reduce__"));
    if (found != NULL && found != own)
        return gp_object_call_method(self, "__reduce__", NULL, 0);
    if (gp_err_occurred())
        return NULL;
    return object_reduce_common(self, protocol);
}

static gp_object_t *object_subclasshook(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    return GP_INCREF(gp_NotImplemented);
}

static gp_object_t *object_sizeof(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("__sizeof__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_type_t *t = GP_TYPE(self);
    size_t size = t->basicsize;
    if (t->itemsize && GP_IS_PTR(self))
        size += (size_t)((gp_varobject_t *)self)->size * t->itemsize;
    return gp_int_from_u64(size);
}

static gp_object_t *object_dir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("__dir__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_object_dir_default(self);
}

static gp_object_t *object_get_class(gp_object_t *self, void *closure)
{
    return GP_INCREF((gp_object_t *)GP_TYPE(self));
}

static bool same_layout(gp_type_t *a, gp_type_t *b)
{
    const unsigned layout = GP_TYPE_FLAG_GC | GP_TYPE_FLAG_MANAGED_DICT | GP_TYPE_FLAG_WEAKREFABLE;
    return a->basicsize == b->basicsize && a->itemsize == b->itemsize &&
           (a->flags & layout) == (b->flags & layout) &&
           gp_type_builtin_base(a) == gp_type_builtin_base(b);
}

/* The name of the __slots__ field of [type] at [offset], found through the
   member descriptors in the dicts along its MRO, or NULL when none is
   seen there (a descriptor may have been replaced by a later assignment). */
static gp_object_t *slot_name_at(gp_type_t *type, intptr_t offset)
{
    gp_object_t *mro = type->mro;
    for (intptr_t i = 0; mro && i < GP_TUPLE_SIZE(mro); i++) {
        gp_type_t *t = (gp_type_t *)GP_TUPLE_GET(mro, i);
        if (!(t->flags & GP_TYPE_FLAG_HEAPTYPE) || !t->dict)
            continue;
        intptr_t pos = 0;
        gp_object_t *key, *value;
        while (gp_dict_next(t->dict, &pos, &key, &value))
            if (GP_TYPE(value) == &gp_member_descr_type &&
                gp_member_descr_offset(value, type) == offset)
                return key;
    }
    return NULL;
}

/* False when some __slots__ field of [a] sits at the offset of a field of
   [b] with another name. Equal sizes alone do not make two layouts
   compatible: SlotX(x) and SlotY(y) hold different attributes. Only a
   visible mismatch counts, as a shadowed descriptor leaves no name. */
static bool slots_seen_alike(gp_type_t *a, gp_type_t *b)
{
    gp_object_t *mro = a->mro;
    for (intptr_t i = 0; mro && i < GP_TUPLE_SIZE(mro); i++) {
        gp_type_t *t = (gp_type_t *)GP_TUPLE_GET(mro, i);
        if (!(t->flags & GP_TYPE_FLAG_HEAPTYPE) || !t->dict)
            continue;
        intptr_t pos = 0;
        gp_object_t *key, *value;
        while (gp_dict_next(t->dict, &pos, &key, &value)) {
            if (GP_TYPE(value) != &gp_member_descr_type)
                continue;
            intptr_t offset = gp_member_descr_offset(value, a);
            if (offset < 0)
                continue;
            gp_object_t *other = slot_name_at(b, offset);
            if (other && gp_str_compare(other, key) != 0)
                return false;
        }
    }
    return true;
}

static int object_set_class(gp_object_t *self, gp_object_t *value, void *closure)
{
    if (value == NULL) {
        gp_err_set_string(&gp_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!gp_type_check(value)) {
        gp_err_format(&gp_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                      gp_type_name(GP_TYPE(value)));
        return -1;
    }
    gp_type_t *old = GP_TYPE(self), *new_type = (gp_type_t *)value;
    if (GP_IS_SMALL(self) || !(old->flags & GP_TYPE_FLAG_HEAPTYPE) ||
        !(new_type->flags & GP_TYPE_FLAG_HEAPTYPE)) {
        gp_err_set_string(&gp_exc_TypeError,
                          "__class__ assignment only supported for mutable types or ModuleType "
                          "subclasses");
        return -1;
    }
    if (!same_layout(old, new_type) || !slots_seen_alike(old, new_type) ||
        !slots_seen_alike(new_type, old)) {
        gp_err_format(&gp_exc_TypeError,
                      "__class__ assignment: '%s' object layout differs from '%s'",
                      gp_type_name(new_type), gp_type_name(old));
        return -1;
    }
    GP_INCREF(value);
    self->type = new_type;
    GP_DECREF((gp_object_t *)old);
    return 0;
}

static const gp_method_def_t object_methods[] = {
    {"__format__", object_format, 0, "Default object formatter."},
    {"__reduce_ex__", object_reduce_ex, 0, "Helper for pickle."},
    {"__reduce__", object_reduce, 0, "Helper for pickle."},
    {"__getstate__", object_getstate, 0, "Helper for pickle."},
    {"__init_subclass__", object_init_subclass, GP_METH_CLASS | GP_METH_KEYWORDS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook, GP_METH_CLASS | GP_METH_KEYWORDS,
     "Abstract classes can override this to customize issubclass()."},
    {"__sizeof__", object_sizeof, 0, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, 0, "Default dir() implementation."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t object_getsets[] = {
    {"__class__", object_get_class, object_set_class, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_object_type = {
    GP_TYPE_HEAD_INIT,
    .name = "object",
    .basicsize = sizeof(gp_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = object_dealloc,
    .new_ = gp_object_type_new,
    .init = gp_object_type_init,
    .repr = gp_object_default_repr,
    .str = gp_object_default_str,
    .hash = gp_object_default_hash,
    .richcompare = gp_object_richcompare_default,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .methods = object_methods,
    .getsets = object_getsets,
    .doc = "The base class of the class hierarchy.\n\n"
           "When called, it accepts no arguments and returns a new featureless\n"
           "instance that has no instance attributes and cannot be given any.\n",
};

/* ------------------------------------------------------------------ */
/* Instances of heap types                                              */
/* ------------------------------------------------------------------ */

gp_type_t *gp_type_builtin_base(gp_type_t *type)
{
    while (type->flags & GP_TYPE_FLAG_HEAPTYPE)
        type = type->base_type;
    return type;
}

static size_t slots_start(const gp_type_t *builtin)
{
    size_t align = sizeof(gp_object_t *);
    return (builtin->basicsize + align - 1) / align * align;
}

/* The slot fields of [self] as an array; *count is 0 when it has none. */
static gp_object_t **slots_of(gp_object_t *self, size_t *count)
{
    gp_type_t *type = GP_TYPE(self);
    size_t start = slots_start(gp_type_builtin_base(type));
    *count = type->basicsize > start ? (type->basicsize - start) / sizeof(gp_object_t *) : 0;
    return (gp_object_t **)((char *)self + start);
}

void gp_subtype_dealloc(gp_object_t *self)
{
    /* __del__ first: it may resurrect the object, which then lives on. */
    if (gp_gc_finalize(self))
        return;
    /* Weak references go next, before any attribute is cleared: a callback
       must not see the object, which __del__ above still could. */
    gp_object_t **weaklist = gp_object_weaklist_ptr(self);
    if (weaklist != NULL && *weaklist != NULL)
        gp_weakref_clear_referent(self);
    gp_type_t *type = self->type;
    gp_type_t *base = gp_type_builtin_base(type);
    bool tracked = gp_object_is_gc(self) && GP_GC_HEAD(self)->next != NULL;
    if (tracked)
        gp_gc_untrack(self);
    /* Clearing the dict may run arbitrary deallocs; keep the object alive
       meanwhile so nothing it reaches can see it half-destroyed. */
    gp_object_t **dictp = gp_object_dict_ptr(self);
    if (dictp != NULL)
        GP_CLEAR(*dictp);
    size_t nslots;
    gp_object_t **slots = slots_of(self, &nslots);
    for (size_t i = 0; i < nslots; i++)
        GP_CLEAR(slots[i]);
    /* The base's dealloc may untrack again: gp_gc_untrack is idempotent.
       Re-tracking here (as CPython does) could start a collection from
       inside a dealloc, so the object simply stays untracked. */
    base->dealloc(self);
    GP_DECREF((gp_object_t *)type);
}

static int subtype_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_type_t *type = GP_TYPE(self);
    gp_object_t **dictp = gp_object_dict_ptr(self);
    int rc;
    if (dictp != NULL && *dictp != NULL && (rc = visit(*dictp, arg)) != 0)
        return rc;
    size_t nslots;
    gp_object_t **slots = slots_of(self, &nslots);
    for (size_t i = 0; i < nslots; i++)
        if (slots[i] != NULL && GP_IS_PTR(slots[i]) && (rc = visit(slots[i], arg)) != 0)
            return rc;
    if ((rc = visit((gp_object_t *)type, arg)) != 0)
        return rc;
    gp_type_t *base = gp_type_builtin_base(type);
    if (base->traverse != NULL && base->traverse != subtype_traverse)
        return base->traverse(self, visit, arg);
    return 0;
}

static int subtype_clear(gp_object_t *self)
{
    gp_object_t **dictp = gp_object_dict_ptr(self);
    if (dictp != NULL)
        GP_CLEAR(*dictp);
    size_t nslots;
    gp_object_t **slots = slots_of(self, &nslots);
    for (size_t i = 0; i < nslots; i++)
        GP_CLEAR(slots[i]);
    gp_type_t *base = gp_type_builtin_base(GP_TYPE(self));
    if (base->clear != NULL && base->clear != subtype_clear)
        return base->clear(self);
    return 0;
}

/* ------------------------------------------------------------------ */
/* MRO and bases                                                        */
/* ------------------------------------------------------------------ */

/* C3 linearisation: merge the MROs of the bases and the bases list,
   repeatedly taking the first head that appears in no list's tail. */
static gp_object_t *mro_compute(gp_type_t *type, gp_object_t *bases)
{
    size_t n = (size_t)GP_TUPLE_SIZE(bases);
    if (n == 1) {
        gp_object_t *bmro = ((gp_type_t *)GP_TUPLE_GET(bases, 0))->mro;
        size_t m = (size_t)GP_TUPLE_SIZE(bmro);
        gp_object_t *mro = gp_tuple_new(m + 1);
        if (mro == NULL)
            return NULL;
        GP_TUPLE_SET(mro, 0, GP_INCREF((gp_object_t *)type));
        for (size_t i = 0; i < m; i++)
            GP_TUPLE_SET(mro, i + 1, GP_INCREF(GP_TUPLE_GET(bmro, i)));
        return mro;
    }
    /* Sequences to merge: each base's MRO, then the bases tuple itself. */
    size_t nseq = n + 1;
    gp_object_t **seqs = gp_mem_alloc(nseq * sizeof(gp_object_t *));
    size_t *pos = gp_mem_calloc(nseq, sizeof(size_t));
    gp_object_t *result = gp_list_new(0);
    gp_object_t *mro = NULL;
    if (seqs == NULL || pos == NULL || result == NULL) {
        if (result != NULL)
            gp_err_no_memory();
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        seqs[i] = ((gp_type_t *)GP_TUPLE_GET(bases, i))->mro;
    seqs[n] = bases;
    if (gp_list_append(result, (gp_object_t *)type) < 0)
        goto done;
    for (;;) {
        gp_object_t *candidate = NULL;
        bool empty = true;
        for (size_t i = 0; i < nseq && candidate == NULL; i++) {
            if (pos[i] >= (size_t)GP_TUPLE_SIZE(seqs[i]))
                continue;
            empty = false;
            gp_object_t *head = GP_TUPLE_GET(seqs[i], pos[i]);
            bool in_tail = false;
            for (size_t j = 0; j < nseq && !in_tail; j++)
                for (size_t k = pos[j] + 1; k < (size_t)GP_TUPLE_SIZE(seqs[j]); k++)
                    if (GP_TUPLE_GET(seqs[j], k) == head) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail)
                candidate = head;
        }
        if (empty)
            break;
        if (candidate == NULL) {
            gp_strbuf_t b;
            gp_strbuf_init(&b);
            gp_strbuf_append_cstr(&b, "Cannot create a consistent method resolution\n"
                                      "order (MRO) for bases ");
            gp_object_t *seen = gp_list_new(0);
            bool first = true;
            for (size_t i = 0; seen && i < nseq; i++) {
                if (pos[i] >= (size_t)GP_TUPLE_SIZE(seqs[i]))
                    continue;
                gp_object_t *head = GP_TUPLE_GET(seqs[i], pos[i]);
                bool dup = false;
                for (intptr_t k = 0; k < GP_LIST_SIZE(seen); k++)
                    dup |= GP_LIST_GET(seen, k) == head;
                if (dup)
                    continue;
                gp_list_append(seen, head);
                if (!first)
                    gp_strbuf_append_cstr(&b, ", ");
                gp_strbuf_append_cstr(&b, gp_type_name((gp_type_t *)head));
                first = false;
            }
            GP_XDECREF(seen);
            gp_object_t *msg = gp_strbuf_finish(&b);
            if (msg != NULL) {
                gp_err_set_object(&gp_exc_TypeError, msg);
                GP_DECREF(msg);
            }
            goto done;
        }
        if (gp_list_append(result, candidate) < 0)
            goto done;
        for (size_t i = 0; i < nseq; i++)
            if (pos[i] < (size_t)GP_TUPLE_SIZE(seqs[i]) &&
                GP_TUPLE_GET(seqs[i], pos[i]) == candidate)
                pos[i]++;
    }
    mro = gp_list_as_tuple(result);
done:
    gp_mem_free(seqs);
    gp_mem_free(pos);
    GP_XDECREF(result);
    return mro;
}

/* The type whose C layout instances of [type] have. */
static gp_type_t *solid_base(gp_type_t *type)
{
    gp_type_t *base = type->base_type ? solid_base(type->base_type) : &gp_object_type;
    if (type->basicsize != base->basicsize || type->itemsize != base->itemsize)
        return type;
    return base;
}

static gp_type_t *best_base(gp_object_t *bases)
{
    gp_type_t *winner = NULL, *best = NULL;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(bases); i++) {
        gp_object_t *b = GP_TUPLE_GET(bases, i);
        if (!gp_type_check(b)) {
            gp_err_set_string(&gp_exc_TypeError, "bases must be types");
            return NULL;
        }
        gp_type_t *bt = (gp_type_t *)b;
        if (!(bt->flags & GP_TYPE_FLAG_BASETYPE)) {
            gp_err_format(&gp_exc_TypeError, "type '%s' is not an acceptable base type",
                          gp_type_name(bt));
            return NULL;
        }
        gp_type_t *candidate = solid_base(bt);
        if (winner == NULL) {
            winner = candidate;
            best = bt;
        } else if (gp_type_is_subtype(winner, candidate)) {
            /* winner already has candidate's layout */
        } else if (gp_type_is_subtype(candidate, winner)) {
            winner = candidate;
            best = bt;
        } else {
            gp_err_set_string(&gp_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return best;
}

/* The most derived metaclass among [metatype] and the bases' types. */
static gp_type_t *metaclass_winner(gp_type_t *metatype, gp_object_t *bases)
{
    gp_type_t *winner = metatype;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(bases); i++) {
        gp_type_t *t = GP_TYPE(GP_TUPLE_GET(bases, i));
        if (gp_type_is_subtype(winner, t))
            continue;
        if (gp_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        gp_err_set_string(&gp_exc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a "
                          "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* ------------------------------------------------------------------ */
/* Creating classes: type.__new__                                       */
/* ------------------------------------------------------------------ */

/* Wraps a plain function found under [name] in [dict] with [wrap]. */
static int dict_wrap_function(gp_object_t *dict, const char *name,
                              gp_object_t *(*wrap)(gp_object_t *))
{
    gp_object_t *f = gp_dict_getitem_cstr(dict, name);
    if (f == NULL || GP_TYPE(f) != &gp_function_type)
        return gp_err_occurred() ? -1 : 0;
    gp_object_t *w = wrap(f);
    if (w == NULL)
        return -1;
    int rc = gp_dict_setitem_cstr(dict, name, w);
    GP_DECREF(w);
    return rc;
}

static int type_set_names(gp_type_t *type)
{
    gp_object_t *items = gp_dict_copy(type->dict);
    if (items == NULL)
        return -1;
    intptr_t pos = 0;
    gp_object_t *key, *value;
    int rc = 0;
    while (rc == 0 && gp_dict_next(items, &pos, &key, &value)) {
        gp_object_t *args[2] = {(gp_object_t *)type, key};
        bool found;
        gp_object_t *res = gp_call_special(value, gp_str_static("__set_name__"), args, 2, &found);
        if (res == NULL && found) {
            /* CPython 3.11 reports the failure as a RuntimeError caused by
               the original exception. */
            gp_object_t *cause = gp_err_fetch();
            gp_err_format(&gp_exc_RuntimeError,
                          "Error calling __set_name__ on '%s' instance %R in '%s'",
                          gp_type_name(GP_TYPE(value)), key, gp_type_name(type));
            gp_object_t *exc = gp_err_fetch();
            if (exc != NULL && gp_exc_check(exc) && cause != NULL) {
                gp_exception_t *e = (gp_exception_t *)exc;
                GP_SETREF(e->cause, GP_INCREF(cause));
                GP_SETREF(e->context, GP_INCREF(cause));
                e->suppress_context = true;
            }
            GP_XDECREF(cause);
            gp_err_restore(exc);
            rc = -1;
        }
        GP_XDECREF(res);
    }
    GP_DECREF(items);
    return rc;
}

static int type_init_subclass(gp_type_t *type, gp_object_t *kwds)
{
    gp_object_t *mro = type->mro, *found = NULL;
    gp_object_t *name = gp_str_static("__init_subclass__");
    for (intptr_t i = 1; i < GP_TUPLE_SIZE(mro) && found == NULL; i++) {
        gp_object_t *d = gp_type_dict((gp_type_t *)GP_TUPLE_GET(mro, i));
        if (d == NULL && gp_err_occurred())
            return -1;
        found = d ? gp_dict_getitem(d, name) : NULL;
    }
    if (found == NULL)
        return gp_err_occurred() ? -1 : 0;
    gp_type_t *ft = GP_TYPE(found);
    gp_object_t *bound =
        ft->descr_get ? ft->descr_get(found, NULL, (gp_object_t *)type) : GP_INCREF(found);
    if (bound == NULL)
        return -1;
    gp_object_t *res = gp_object_call_tuple_dict(bound, NULL, kwds);
    GP_DECREF(bound);
    if (res == NULL)
        return -1;
    GP_DECREF(res);
    return 0;
}

/* Keys the class statement passes that must not stay in the class dict. */
static int type_take_classcell(gp_type_t *type)
{
    gp_object_t *key = gp_str_static("__classcell__");
    gp_object_t *cell = gp_dict_getitem(type->dict, key);
    if (cell == NULL)
        return gp_err_occurred() ? -1 : 0;
    if (!GP_IS_TYPE(cell, gp_cell_type)) {
        gp_err_format(&gp_exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                      (gp_object_t *)GP_TYPE(cell));
        return -1;
    }
    GP_INCREF(cell);
    if (gp_dict_delitem(type->dict, key) < 0) {
        GP_DECREF(cell);
        return -1;
    }
    /* Set here, inside type.__new__, so that code the metaclass runs before
       it returns (__init_subclass__, __set_name__, its own __new__) can
       already use zero-argument super() and __class__. The VM's cell
       exposes a writable cell_contents, as CPython's does. */
    if (gp_object_setattr_cstr(cell, "cell_contents", (gp_object_t *)type) < 0) {
        GP_DECREF(cell);
        return -1;
    }
    GP_DECREF(cell);
    return 0;
}

static gp_object_t *type_dict_get_descr(gp_object_t *self, void *closure);
static int type_dict_set_descr(gp_object_t *self, gp_object_t *value, void *closure);
static const gp_getset_def_t subtype_dict_getset = {"__dict__", type_dict_get_descr,
                                                    type_dict_set_descr, NULL, NULL};

/* The body of type.__new__(metatype, name, bases, dict, **kwds). */
/* ------------------------------------------------------------------ */
/* __slots__                                                            */
/* ------------------------------------------------------------------ */

/* Instances of a class with __slots__ keep each slot's value in a pointer
   field after the builtin base's struct (NULL while unset), reached through
   a member descriptor in the class dict, and get no __dict__ unless
   '__dict__' is one of the slots or some base already has one. Each class
   along the chain appends its own fields, so every slot of an instance
   lies between slots_start(builtin base) and its type's basicsize: dealloc,
   traverse and clear simply walk that range. */
/* `__x` inside class [cls] is stored as `_cls__x`, like names in its body. */
static gp_object_t *slot_mangle(gp_object_t *cls, gp_object_t *slot)
{
    const char *n = gp_str_utf8(slot);
    size_t len = gp_str_utf8_len(slot);
    if (len < 2 || n[0] != '_' || n[1] != '_' ||
        (len >= 4 && n[len - 1] == '_' && n[len - 2] == '_') || strchr(n, '.'))
        return GP_INCREF(slot);
    const char *c = gp_str_utf8(cls);
    while (*c == '_')
        c++;
    if (*c == '\0')
        return GP_INCREF(slot);
    return gp_str_from_format("_%s%U", c, slot);
}

/* Reads ns['__slots__'] into a tuple of member names (mangled, without
   '__dict__' and '__weakref__'), or NULL when the class has no __slots__.
   Sets *add_dict when '__dict__' was listed. Returns 0 or -1. */
static int slots_parse(gp_object_t *ns, gp_object_t *name, gp_type_t *base, bool base_has_dict,
                       gp_object_t **out, bool *add_dict, bool *add_weakref)
{
    *out = NULL;
    *add_dict = false;
    *add_weakref = false;
    gp_object_t *raw = gp_dict_getitem_cstr(ns, "__slots__");
    if (raw == NULL)
        return gp_err_occurred() ? -1 : 0;
    gp_object_t *items = gp_str_check(raw) ? gp_tuple_pack(1, raw) : gp_tuple_from_iterable(raw);
    if (items == NULL)
        return -1;
    gp_object_t *names = gp_list_new(0);
    if (names == NULL)
        goto error;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(items); i++) {
        gp_object_t *item = GP_TUPLE_GET(items, i);
        if (!gp_str_check(item)) {
            gp_err_format(&gp_exc_TypeError, "__slots__ items must be strings, not '%s'",
                          gp_type_name(GP_TYPE(item)));
            goto error;
        }
        gp_object_t *ident = gp_object_call_method(item, "isidentifier", NULL, 0);
        int ok = ident ? gp_object_is_true(ident) : -1;
        GP_XDECREF(ident);
        if (ok < 0)
            goto error;
        if (!ok) {
            gp_err_set_string(&gp_exc_TypeError, "__slots__ must be identifiers");
            goto error;
        }
        if (gp_str_eq_cstr(item, "__dict__")) {
            if (base_has_dict || *add_dict) {
                gp_err_set_string(&gp_exc_TypeError,
                                  "__dict__ slot disallowed: we already got one");
                goto error;
            }
            *add_dict = true;
            continue;
        }
        /* '__weakref__' asks for the weak-reference list in the prefix. */
        if (gp_str_eq_cstr(item, "__weakref__")) {
            if ((base->flags & GP_TYPE_FLAG_WEAKREFABLE) || *add_weakref) {
                gp_err_set_string(&gp_exc_TypeError,
                                  "__weakref__ slot disallowed: either we already got one, or "
                                  "__itemsize__ != 0");
                goto error;
            }
            *add_weakref = true;
            continue;
        }
        gp_object_t *mangled = slot_mangle(name, item);
        if (mangled == NULL)
            goto error;
        int clash = gp_dict_contains(ns, mangled);
        if (clash == 0)
            clash = gp_list_append(names, mangled) < 0 ? -1 : 0;
        else if (clash > 0)
            gp_err_format(&gp_exc_ValueError, "%R in __slots__ conflicts with class variable",
                          mangled);
        GP_DECREF(mangled);
        if (clash != 0)
            goto error;
    }
    if (GP_LIST_SIZE(names) > 0 && base->itemsize != 0) {
        gp_err_format(&gp_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                      gp_type_name(base));
        goto error;
    }
    /* Fields are laid out in sorted name order, as CPython does, so that
       two classes listing the same slots in different orders share a
       layout and __class__ may move an instance between them. */
    if (gp_list_sort(names, NULL, false) < 0)
        goto error;
    *out = gp_list_as_tuple(names);
    GP_DECREF(names);
    GP_DECREF(items);
    return *out ? 0 : -1;
error:
    GP_XDECREF(names);
    GP_DECREF(items);
    return -1;
}

/* Puts a member descriptor for each name of [slots] into the class dict,
   at the fields after the base's struct, and grows basicsize to match. */
static int slots_install(gp_type_t *type, gp_object_t *slots)
{
    size_t offset = type->basicsize;
    if (type->base_type != NULL && !(type->base_type->flags & GP_TYPE_FLAG_HEAPTYPE))
        offset = slots_start(type->base_type);
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(slots); i++) {
        gp_object_t *d = gp_member_descr_new(type, GP_TUPLE_GET(slots, i), offset);
        if (d == NULL)
            return -1;
        int rc = gp_dict_setitem(type->dict, GP_TUPLE_GET(slots, i), d);
        GP_DECREF(d);
        if (rc < 0)
            return -1;
        offset += sizeof(gp_object_t *);
    }
    if (GP_TUPLE_SIZE(slots) > 0)
        type->basicsize = offset;
    return 0;
}

static gp_object_t *type_new_impl(gp_type_t *metatype, gp_object_t *name, gp_object_t *bases,
                                  gp_object_t *ns, gp_object_t *kwds)
{
    /* The class statement resolves __mro_entries__ (PEP 560); a direct
       type(name, bases, ns) call refuses such bases, as CPython does. */
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(bases); i++) {
        gp_object_t *b = GP_TUPLE_GET(bases, i);
        if (gp_type_check(b))
            continue;
        gp_object_t *entries = gp_object_getattr_opt(b, gp_str_static("__mro_entries__"));
        if (entries != NULL) {
            GP_DECREF(entries);
            gp_err_set_string(&gp_exc_TypeError,
                              "type() doesn't support MRO entry resolution; use types.new_class()");
        }
        if (gp_err_occurred())
            return NULL;
    }
    gp_type_t *winner = metaclass_winner(metatype, bases);
    if (winner == NULL)
        return NULL;
    if (winner != metatype && winner->new_ != gp_type_type.new_) {
        gp_object_t *args[3] = {name, bases, ns};
        gp_object_t *a = gp_tuple_from_array(args, 3);
        if (a == NULL)
            return NULL;
        gp_object_t *res = gp_object_call_tuple_dict((gp_object_t *)winner, a, kwds);
        GP_DECREF(a);
        return res;
    }
    metatype = winner;
    gp_object_t *own_bases = NULL;
    if (GP_TUPLE_SIZE(bases) == 0) {
        own_bases = gp_tuple_pack(1, (gp_object_t *)&gp_object_type);
        if (own_bases == NULL)
            return NULL;
        bases = own_bases;
    }
    gp_type_t *base = best_base(bases);
    gp_type_t *type = NULL;
    gp_object_t *slots = NULL;
    if (base == NULL)
        goto fail;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(bases); i++)
        for (intptr_t j = i + 1; j < GP_TUPLE_SIZE(bases); j++)
            if (GP_TUPLE_GET(bases, i) == GP_TUPLE_GET(bases, j)) {
                gp_err_format(&gp_exc_TypeError, "duplicate base class %s",
                              gp_type_name((gp_type_t *)GP_TUPLE_GET(bases, i)));
                goto fail;
            }

    type = (gp_type_t *)gp_object_alloc(metatype, 0);
    if (type == NULL)
        goto fail;
    size_t nlen = gp_str_utf8_len(name);
    char *cname = gp_mem_alloc(nlen + 1);
    if (cname == NULL) {
        gp_err_no_memory();
        goto fail;
    }
    memcpy(cname, gp_str_utf8(name), nlen + 1);
    type->name = cname;
    type->base_type = (gp_type_t *)GP_INCREF((gp_object_t *)base);
    type->bases = GP_INCREF(bases);
    type->basicsize = base->basicsize;
    type->itemsize = base->itemsize;
    unsigned flags = GP_TYPE_FLAG_HEAPTYPE | GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(bases); i++)
        flags |= ((gp_type_t *)GP_TUPLE_GET(bases, i))->flags & SUBCLASS_FLAGS;
    bool base_has_dict = (base->flags & GP_TYPE_FLAG_MANAGED_DICT) ||
                         (flags & (GP_TYPE_FLAG_EXC_SUBCLASS | GP_TYPE_FLAG_TYPE_SUBCLASS));
    bool slots_add_dict, slots_add_weakref;
    if (slots_parse(ns, name, base, base_has_dict, &slots, &slots_add_dict,
                    &slots_add_weakref) < 0)
        goto fail;
    bool needs_dict = !base_has_dict && (slots == NULL || slots_add_dict);
    flags |= base->flags & GP_TYPE_FLAG_MANAGED_DICT;
    if (needs_dict)
        flags |= GP_TYPE_FLAG_MANAGED_DICT;
    /* Instances can be weakly referenced unless __slots__ left '__weakref__'
       out, or the base is one whose instances CPython keeps variable-sized
       (int, tuple, bytes). Classes themselves (metaclass instances) keep
       their list in gp_type_t. */
    const unsigned no_weakref = GP_TYPE_FLAG_INT_SUBCLASS | GP_TYPE_FLAG_TUPLE_SUBCLASS |
                                GP_TYPE_FLAG_BYTES_SUBCLASS | GP_TYPE_FLAG_TYPE_SUBCLASS;
    flags |= base->flags & GP_TYPE_FLAG_WEAKREFABLE;
    if (!(flags & no_weakref) && (slots == NULL || slots_add_weakref))
        flags |= GP_TYPE_FLAG_WEAKREFABLE;
    type->flags = flags;
    type->doc = NULL;

    type->dict = gp_dict_copy(ns);
    if (type->dict == NULL)
        goto fail;
    gp_object_t *dict = type->dict;
    gp_object_t *qualname = gp_dict_getitem_cstr(dict, "__qualname__");
    if (qualname != NULL) {
        if (!gp_str_check(qualname)) {
            gp_err_format(&gp_exc_TypeError, "type __qualname__ must be a str, not %s",
                          gp_type_name(GP_TYPE(qualname)));
            goto fail;
        }
        type->qualname = GP_INCREF(qualname);
        if (gp_dict_delitem(dict, gp_str_static("__qualname__")) < 0)
            goto fail;
    } else {
        type->qualname = GP_INCREF(name);
    }
    if (gp_dict_getitem_cstr(dict, "__module__") == NULL) {
        gp_object_t *globals = gp_eval_globals();
        gp_object_t *mod = globals ? gp_dict_getitem_cstr(globals, "__name__") : NULL;
        if (mod != NULL && gp_dict_setitem_cstr(dict, "__module__", mod) < 0)
            goto fail;
    }
    if (gp_dict_getitem_cstr(dict, "__doc__") == NULL &&
        gp_dict_setitem_cstr(dict, "__doc__", gp_None) < 0)
        goto fail;
    if (dict_wrap_function(dict, "__new__", gp_staticmethod_new) < 0 ||
        dict_wrap_function(dict, "__init_subclass__", gp_classmethod_new) < 0 ||
        dict_wrap_function(dict, "__class_getitem__", gp_classmethod_new) < 0)
        goto fail;
    /* A class that defines equality but not hashing is unhashable. */
    if (gp_dict_getitem_cstr(dict, "__eq__") != NULL &&
        gp_dict_getitem_cstr(dict, "__hash__") == NULL &&
        gp_dict_setitem_cstr(dict, "__hash__", gp_None) < 0)
        goto fail;
    if (slots != NULL && slots_install(type, slots) < 0)
        goto fail;
    if (needs_dict && gp_dict_getitem_cstr(dict, "__dict__") == NULL) {
        gp_object_t *d = gp_getset_descr_new(type, &subtype_dict_getset);
        if (d == NULL || gp_dict_setitem_cstr(dict, "__dict__", d) < 0) {
            GP_XDECREF(d);
            goto fail;
        }
        GP_DECREF(d);
    }
    /* The class that first makes instances weak-referenceable shows it, as
       CPython does, with a read-only '__weakref__' attribute. */
    if ((flags & GP_TYPE_FLAG_WEAKREFABLE) && !(base->flags & GP_TYPE_FLAG_WEAKREFABLE) &&
        gp_dict_getitem_cstr(dict, "__weakref__") == NULL) {
        gp_object_t *d = gp_getset_descr_new(type, &gp_weakref_attribute_getset);
        if (d == NULL || gp_dict_setitem_cstr(dict, "__weakref__", d) < 0) {
            GP_XDECREF(d);
            goto fail;
        }
        GP_DECREF(d);
    }
    if (type_take_classcell(type) < 0)
        goto fail;

    type->mro = mro_compute(type, bases);
    if (type->mro == NULL)
        goto fail;
    type->flags |= GP_TYPE_FLAG_READY;
    type->dealloc = gp_subtype_dealloc;
    type->traverse = subtype_traverse;
    type->clear = subtype_clear;
    type_assign_version(type);
    gp_slots_fixup(type);
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(bases); i++)
        if (subclass_add((gp_type_t *)GP_TUPLE_GET(bases, i), type) < 0)
            goto fail;
    gp_gc_track((gp_object_t *)type);
    GP_XDECREF(own_bases);
    GP_XDECREF(slots);

    if (type_set_names(type) < 0 || type_init_subclass(type, kwds) < 0) {
        GP_DECREF((gp_object_t *)type);
        return NULL;
    }
    return (gp_object_t *)type;
fail:
    GP_XDECREF(own_bases);
    GP_XDECREF(slots);
    GP_XDECREF((gp_object_t *)type);
    return NULL;
}

/* Builds a dict from the keyword part of a vectorcall. */
static gp_object_t *kwargs_to_dict(gp_object_t *const *args, size_t nargs, gp_object_t *kwnames)
{
    if (kwnames == NULL || GP_TUPLE_SIZE(kwnames) == 0)
        return NULL;
    gp_object_t *d = gp_dict_new();
    if (d == NULL)
        return NULL;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(kwnames); i++)
        if (gp_dict_setitem(d, GP_TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0) {
            GP_DECREF(d);
            return NULL;
        }
    return d;
}

static gp_object_t *type_new(gp_type_t *metatype, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    size_t nkw = gp_kwcount(kwnames);
    if (metatype == &gp_type_type && nargs == 1 && nkw == 0)
        return GP_INCREF((gp_object_t *)GP_TYPE(args[0]));
    if (nargs != 3) {
        gp_err_set_string(&gp_exc_TypeError, metatype == &gp_type_type
                                                 ? "type() takes 1 or 3 arguments"
                                                 : "type.__new__() takes exactly 3 arguments");
        return NULL;
    }
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                      gp_type_name(GP_TYPE(args[0])));
        return NULL;
    }
    if (!gp_tuple_check(args[1])) {
        gp_err_format(&gp_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                      gp_type_name(GP_TYPE(args[1])));
        return NULL;
    }
    if (!gp_dict_check(args[2])) {
        gp_err_format(&gp_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                      gp_type_name(GP_TYPE(args[2])));
        return NULL;
    }
    gp_object_t *kwds = kwargs_to_dict(args, nargs, kwnames);
    if (kwds == NULL && nkw > 0)
        return NULL;
    gp_object_t *res = type_new_impl(metatype, args[0], args[1], args[2], kwds);
    GP_XDECREF(kwds);
    return res;
}

static int type_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                     gp_object_t *kwnames)
{
    if (nargs != 1 && nargs != 3) {
        gp_err_set_string(&gp_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

gp_object_t *gp_type_new_class(gp_type_t *metatype, gp_object_t *name, gp_object_t *bases,
                               gp_object_t *dict, gp_object_t *kwnames_and_values)
{
    if (metatype == NULL)
        metatype = &gp_type_type;
    /* Only a real metaclass is resolved against the bases; any other callable
       given as metaclass= is simply called, as CPython does. */
    gp_object_t *meta = (gp_object_t *)metatype;
    if (gp_type_check(meta)) {
        gp_type_t *winner = metaclass_winner(metatype, bases);
        if (winner == NULL)
            return NULL;
        meta = (gp_object_t *)winner;
    }
    gp_object_t *args[3] = {name, bases, dict};
    gp_object_t *a = gp_tuple_from_array(args, 3);
    if (a == NULL)
        return NULL;
    gp_object_t *kw = kwnames_and_values;
    if (kw != NULL && !gp_dict_check(kw))
        kw = NULL;
    gp_object_t *res = gp_object_call_tuple_dict(meta, a, kw);
    GP_DECREF(a);
    return res;
}

gp_object_t *gp_type_new_simple_class(const char *module, const char *name, gp_object_t *bases)
{
    gp_object_t *name_obj = gp_str_from_cstr(name);
    gp_object_t *dict = gp_dict_new();
    gp_object_t *module_obj = gp_str_from_cstr(module);
    gp_object_t *type = NULL;
    if (name_obj && bases && dict && module_obj &&
        gp_dict_setitem_cstr(dict, "__module__", module_obj) == 0)
        type = gp_type_new_class(NULL, name_obj, bases, dict, NULL);
    GP_XDECREF(name_obj);
    GP_XDECREF(dict);
    GP_XDECREF(module_obj);
    return type;
}

gp_object_t *gp_type_call(gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames)
{
    gp_type_t *type = (gp_type_t *)callable;
    if (type == &gp_type_type && nargs == 1 && kwnames == NULL)
        return GP_INCREF((gp_object_t *)GP_TYPE(args[0]));
    if (type->new_ == NULL) {
        gp_err_format(&gp_exc_TypeError, "cannot create '%s' instances", gp_type_name(type));
        return NULL;
    }
    gp_object_t *obj = type->new_(type, args, nargs, kwnames);
    if (obj == NULL)
        return NULL;
    /* Only an instance of the type is initialised: __new__ may return
       anything, and type(x) returns an existing type. */
    gp_type_t *ot = GP_TYPE(obj);
    if (ot != type && !gp_type_is_subtype(ot, type))
        return obj;
    if (gp_object_is_gc(obj) && GP_GC_HEAD(obj)->next == NULL)
        gp_gc_track(obj);
    if (ot->init != NULL && ot->init(obj, args, nargs, kwnames) < 0) {
        GP_DECREF(obj);
        return NULL;
    }
    return obj;
}

/* ------------------------------------------------------------------ */
/* The `type` type: dealloc, attributes, repr                           */
/* ------------------------------------------------------------------ */

static void type_dealloc(gp_object_t *self)
{
    gp_type_t *type = (gp_type_t *)self;
    if (type->weaklist != NULL)
        gp_weakref_clear_referent(self);
    if (GP_GC_HEAD(self)->next != NULL)
        gp_gc_untrack(self);
    if (type->bases != NULL)
        for (intptr_t i = 0; i < GP_TUPLE_SIZE(type->bases); i++)
            subclass_remove((gp_type_t *)GP_TUPLE_GET(type->bases, i), type);
    GP_CLEAR(type->dict);
    GP_CLEAR(type->mro);
    GP_CLEAR(type->bases);
    GP_CLEAR(type->qualname);
    GP_CLEAR(type->module);
    GP_CLEAR(type->subclasses);
    if (type->base_type != NULL) {
        gp_object_t *b = (gp_object_t *)type->base_type;
        type->base_type = NULL;
        GP_DECREF(b);
    }
    gp_mem_free((void *)type->name);
    /* A heap metaclass is released by gp_subtype_dealloc, which called us. */
    gp_object_free(self);
}

static int type_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_type_t *type = (gp_type_t *)self;
    if (!(type->flags & GP_TYPE_FLAG_HEAPTYPE))
        return 0;
    gp_object_t *refs[] = {type->dict,     type->mro,   type->bases, (gp_object_t *)type->base_type,
                           type->qualname, type->module};
    for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
        int rc = refs[i] ? visit(refs[i], arg) : 0;
        if (rc != 0)
            return rc;
    }
    if (self->type->flags & GP_TYPE_FLAG_HEAPTYPE)
        return visit((gp_object_t *)self->type, arg);
    return 0;
}

static int type_clear(gp_object_t *self)
{
    gp_type_t *type = (gp_type_t *)self;
    /* The dict keeps its identity so lookups from dying instances stay safe;
       the MRO holds the type itself and is the usual cycle to break. */
    if (type->dict != NULL)
        gp_dict_clear(type->dict);
    GP_CLEAR(type->mro);
    gp_type_modified(type);
    return 0;
}

gp_object_t *gp_type_getattr(gp_object_t *self, gp_object_t *name)
{
    gp_type_t *type = (gp_type_t *)self;
    gp_type_t *meta = GP_TYPE(self);
    gp_object_t *meta_attr = gp_type_lookup(meta, name);
    gp_object_t *(*meta_get)(gp_object_t *, gp_object_t *, gp_object_t *) = NULL;
    if (meta_attr != NULL) {
        meta_get = GP_TYPE(meta_attr)->descr_get;
        if (meta_get != NULL && GP_TYPE(meta_attr)->descr_set != NULL) {
            GP_INCREF(meta_attr);
            gp_object_t *res = meta_get(meta_attr, self, (gp_object_t *)meta);
            GP_DECREF(meta_attr);
            return res;
        }
    }
    gp_object_t *attr = gp_type_lookup(type, name);
    if (attr != NULL) {
        gp_object_t *(*get)(gp_object_t *, gp_object_t *, gp_object_t *) = GP_TYPE(attr)->descr_get;
        if (get != NULL) {
            GP_INCREF(attr);
            gp_object_t *res = get(attr, NULL, self);
            GP_DECREF(attr);
            return res;
        }
        return GP_INCREF(attr);
    }
    if (meta_get != NULL) {
        GP_INCREF(meta_attr);
        gp_object_t *res = meta_get(meta_attr, self, (gp_object_t *)meta);
        GP_DECREF(meta_attr);
        return res;
    }
    if (meta_attr != NULL)
        return GP_INCREF(meta_attr);
    if (gp_type_lookup_ran_out(type, name) || gp_type_lookup_ran_out(meta, name)) {
        gp_err_no_memory();
        return NULL;
    }
    gp_err_format(&gp_exc_AttributeError, "type object '%s' has no attribute '%U'",
                  type->name, name);
    return NULL;
}

static bool is_dunder(gp_object_t *name)
{
    const char *s = gp_str_utf8(name);
    size_t n = gp_str_utf8_len(name);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

static int type_setattr(gp_object_t *self, gp_object_t *name, gp_object_t *value)
{
    gp_type_t *type = (gp_type_t *)self;
    if (!(type->flags & GP_TYPE_FLAG_HEAPTYPE)) {
        gp_err_format(&gp_exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                      type->name);
        return -1;
    }
    gp_object_t *meta_attr = gp_type_lookup(GP_TYPE(self), name);
    if (meta_attr != NULL && GP_TYPE(meta_attr)->descr_set != NULL) {
        GP_INCREF(meta_attr);
        int rc = GP_TYPE(meta_attr)->descr_set(meta_attr, self, value);
        GP_DECREF(meta_attr);
        return rc;
    }
    /* Interned names keep the dict's key lookups and the caches fast. */
    GP_INCREF(name);
    if (gp_str_check_exact(name))
        name = gp_str_intern(name);
    int rc;
    if (value == NULL) {
        rc = gp_dict_contains(type->dict, name);
        if (rc == 0)
            gp_err_format(&gp_exc_AttributeError, "type object '%s' has no attribute '%U'",
                          type->name, name);
        rc = rc > 0 ? gp_dict_delitem(type->dict, name) : -1;
    } else {
        rc = gp_dict_setitem(type->dict, name, value);
    }
    if (rc == 0) {
        gp_type_modified(type);
        if (is_dunder(name))
            gp_slots_update(type, name);
    }
    GP_DECREF(name);
    return rc;
}

static gp_object_t *type_module_name(gp_type_t *type)
{
    if (type->flags & GP_TYPE_FLAG_HEAPTYPE) {
        gp_object_t *mod = gp_dict_getitem_cstr(type->dict, "__module__");
        return mod ? GP_INCREF(mod) : NULL;
    }
    const char *dot = strrchr(type->name, '.');
    if (dot != NULL)
        return gp_str_from_utf8(type->name, (size_t)(dot - type->name));
    return gp_str_from_cstr("builtins");
}

static gp_object_t *type_repr(gp_object_t *self)
{
    gp_type_t *type = (gp_type_t *)self;
    gp_object_t *mod = type_module_name(type);
    if (mod == NULL && gp_err_occurred())
        gp_err_clear();
    gp_object_t *qual = type->qualname;
    gp_object_t *res;
    if (mod != NULL && gp_str_check(mod) && !gp_str_eq_cstr(mod, "builtins"))
        res = qual ? gp_str_from_format("<class '%U.%U'>", mod, qual)
                   : gp_str_from_format("<class '%U.%s'>", mod, gp_type_name(type));
    else
        res = qual ? gp_str_from_format("<class '%U'>", qual)
                   : gp_str_from_format("<class '%s'>", gp_type_name(type));
    GP_XDECREF(mod);
    return res;
}

static gp_object_t *type_get_name(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(gp_type_name((gp_type_t *)self));
}

static int type_check_settable(gp_type_t *type, const char *attr, gp_object_t *value)
{
    if (!(type->flags & GP_TYPE_FLAG_HEAPTYPE)) {
        gp_err_format(&gp_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", attr,
                      type->name);
        return -1;
    }
    if (value == NULL) {
        gp_err_format(&gp_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                      attr, type->name);
        return -1;
    }
    return 0;
}

static int type_set_name(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (type_check_settable(type, "__name__", value) < 0)
        return -1;
    if (!gp_str_check(value)) {
        gp_err_format(&gp_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                      gp_type_name(type), gp_type_name(GP_TYPE(value)));
        return -1;
    }
    size_t n = gp_str_utf8_len(value);
    if (strlen(gp_str_utf8(value)) != n) {
        gp_err_set_string(&gp_exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    char *copy = gp_mem_alloc(n + 1);
    if (copy == NULL) {
        gp_err_no_memory();
        return -1;
    }
    memcpy(copy, gp_str_utf8(value), n + 1);
    gp_mem_free((void *)type->name);
    type->name = copy;
    return 0;
}

static gp_object_t *type_get_qualname(gp_object_t *self, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (type->qualname)
        return GP_INCREF(type->qualname);
    return type_get_name(self, closure);
}

static int type_set_qualname(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (type_check_settable(type, "__qualname__", value) < 0)
        return -1;
    if (!gp_str_check(value)) {
        gp_err_format(&gp_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                      gp_type_name(type), gp_type_name(GP_TYPE(value)));
        return -1;
    }
    GP_SETREF(type->qualname, GP_INCREF(value));
    return 0;
}

static gp_object_t *type_get_module(gp_object_t *self, void *closure)
{
    gp_object_t *mod = type_module_name((gp_type_t *)self);
    if (mod == NULL && !gp_err_occurred())
        gp_err_set_string(&gp_exc_AttributeError, "__module__");
    return mod;
}

static int type_set_module(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (type_check_settable(type, "__module__", value) < 0)
        return -1;
    if (gp_dict_setitem_cstr(type->dict, "__module__", value) < 0)
        return -1;
    gp_type_modified(type);
    return 0;
}

static gp_object_t *type_get_doc(gp_object_t *self, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (!(type->flags & GP_TYPE_FLAG_HEAPTYPE))
        return type->doc ? gp_str_from_cstr(type->doc) : gp_none_new();
    gp_object_t *doc = gp_dict_getitem_cstr(type->dict, "__doc__");
    if (doc == NULL)
        return gp_err_occurred() ? NULL : gp_none_new();
    if (GP_TYPE(doc)->descr_get)
        return GP_TYPE(doc)->descr_get(doc, NULL, self);
    return GP_INCREF(doc);
}

static int type_set_doc(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (type_check_settable(type, "__doc__", value) < 0)
        return -1;
    if (gp_dict_setitem_cstr(type->dict, "__doc__", value) < 0)
        return -1;
    gp_type_modified(type);
    return 0;
}

/* A class's own annotations: never a base's (whose __annotations__ would
   otherwise be found through the MRO), and an empty dict, kept in the
   class's namespace, when the body annotated nothing. */
static gp_object_t *type_get_annotations(gp_object_t *self, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (!(type->flags & GP_TYPE_FLAG_HEAPTYPE)) {
        gp_err_format(&gp_exc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                      type->name);
        return NULL;
    }
    gp_object_t *ann = gp_dict_getitem_cstr(type->dict, "__annotations__");
    if (ann != NULL) {
        if (GP_TYPE(ann)->descr_get)
            return GP_TYPE(ann)->descr_get(ann, NULL, self);
        return GP_INCREF(ann);
    }
    if (gp_err_occurred())
        return NULL;
    ann = gp_dict_new();
    if (ann == NULL)
        return NULL;
    if (gp_dict_setitem_cstr(type->dict, "__annotations__", ann) < 0) {
        GP_DECREF(ann);
        return NULL;
    }
    gp_type_modified(type);
    return ann;
}

static int type_set_annotations(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (!(type->flags & GP_TYPE_FLAG_HEAPTYPE)) {
        gp_err_format(&gp_exc_TypeError,
                      "cannot set '__annotations__' attribute of immutable type '%s'", type->name);
        return -1;
    }
    int rc;
    if (value != NULL) {
        rc = gp_dict_setitem_cstr(type->dict, "__annotations__", value);
    } else {
        gp_object_t *key = gp_str_static("__annotations__");
        rc = gp_dict_contains(type->dict, key);
        if (rc == 0) {
            gp_err_set_string(&gp_exc_AttributeError, "__annotations__");
            rc = -1;
        } else if (rc > 0) {
            rc = gp_dict_delitem(type->dict, key);
        }
    }
    if (rc == 0)
        gp_type_modified(type);
    return rc;
}

static gp_object_t *type_get_dict(gp_object_t *self, void *closure)
{
    /* A read-only proxy over the live dict: reads see later class
       changes, and writes cannot bypass setattr's cache invalidation. */
    gp_type_t *type = (gp_type_t *)self;
    gp_object_t *dict = gp_type_dict(type);
    if (dict == NULL) {
        if (gp_err_occurred())
            return NULL;
        gp_object_t *empty = gp_dict_new();
        gp_object_t *proxy = empty ? gp_mappingproxy_new(empty) : NULL;
        GP_XDECREF(empty);
        return proxy;
    }
    return gp_mappingproxy_new(dict);
}

static gp_object_t *type_get_bases(gp_object_t *self, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    return type->bases ? GP_INCREF(type->bases) : gp_tuple_new(0);
}

static int type_set_bases(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    if (type_check_settable(type, "__bases__", value) < 0)
        return -1;
    if (!gp_tuple_check(value)) {
        gp_err_format(&gp_exc_TypeError, "can only assign tuple to %s.__bases__, not %s",
                      gp_type_name(type), gp_type_name(GP_TYPE(value)));
        return -1;
    }
    if (GP_TUPLE_SIZE(value) == 0) {
        gp_err_format(&gp_exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                      gp_type_name(type));
        return -1;
    }
    gp_type_t *base = best_base(value);
    if (base == NULL)
        return -1;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(value); i++)
        if (gp_type_is_subtype((gp_type_t *)GP_TUPLE_GET(value, i), type)) {
            gp_err_set_string(&gp_exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    if (!same_layout(gp_type_builtin_base(base), gp_type_builtin_base(type->base_type))) {
        gp_err_format(&gp_exc_TypeError, "__bases__ assignment: '%s' deallocator differs from '%s'",
                      gp_type_name(base), gp_type_name(type->base_type));
        return -1;
    }
    gp_object_t *mro = mro_compute(type, value);
    if (mro == NULL)
        return -1;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(type->bases); i++)
        subclass_remove((gp_type_t *)GP_TUPLE_GET(type->bases, i), type);
    GP_SETREF(type->bases, GP_INCREF(value));
    GP_SETREF(type->mro, mro);
    gp_object_t *old_base = (gp_object_t *)type->base_type;
    type->base_type = (gp_type_t *)GP_INCREF((gp_object_t *)base);
    GP_DECREF(old_base);
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(value); i++)
        if (subclass_add((gp_type_t *)GP_TUPLE_GET(value, i), type) < 0)
            return -1;
    gp_type_modified(type);
    gp_slots_fixup(type);
    return 0;
}

static gp_object_t *type_get_base(gp_object_t *self, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    return type->base_type ? GP_INCREF((gp_object_t *)type->base_type) : gp_none_new();
}

static gp_object_t *type_get_mro(gp_object_t *self, void *closure)
{
    gp_type_t *type = (gp_type_t *)self;
    return type->mro ? GP_INCREF(type->mro) : gp_none_new();
}

static gp_object_t *type_get_flags(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(((gp_type_t *)self)->flags);
}

/* The C sizes of an instance: the fixed part and, for variable-sized types
   (int, tuple, bytes), one item. They describe gilpy's layout, not
   CPython's. */
static gp_object_t *type_get_basicsize(gp_object_t *self, void *closure)
{
    return gp_int_from_i64((int64_t)((gp_type_t *)self)->basicsize);
}

static gp_object_t *type_get_itemsize(gp_object_t *self, void *closure)
{
    return gp_int_from_i64((int64_t)((gp_type_t *)self)->itemsize);
}

static gp_object_t *type_mro_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("mro", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_type_t *type = (gp_type_t *)self;
    if (type->mro == NULL)
        return gp_list_new(0);
    return gp_list_from_array(GP_TUPLE_ITEMS(type->mro), (size_t)GP_TUPLE_SIZE(type->mro));
}

static gp_object_t *type_subclasses_method(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__subclasses__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_type_t *type = (gp_type_t *)self;
    gp_object_t *list = gp_list_new(0);
    if (list == NULL || type->subclasses == NULL)
        return list;
    for (intptr_t i = 0; i < GP_LIST_SIZE(type->subclasses); i++) {
        gp_object_t *sub = (gp_object_t *)GP_SMALL_VALUE(GP_LIST_GET(type->subclasses, i));
        if (gp_list_append(list, sub) < 0) {
            GP_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static gp_object_t *type_prepare(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return gp_dict_new();
}

static gp_object_t *type_instancecheck(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("__instancecheck__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int r = gp_type_instancecheck_plain(args[0], self);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_object_t *type_subclasscheck(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("__subclasscheck__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int r = gp_type_subclasscheck_plain(args[0], self);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_object_t *type_dir_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("__dir__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_object_dir_default(self);
}

static const gp_method_def_t type_methods[] = {
    {"mro", type_mro_method, 0, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses_method, 0, "Return a list of immediate subclasses."},
    {"__prepare__", type_prepare, GP_METH_CLASS | GP_METH_KEYWORDS,
     "Create the namespace for the class statement"},
    {"__instancecheck__", type_instancecheck, 0, "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, 0, "Check if a class is a subclass."},
    {"__dir__", type_dir_method, 0, "Specialized __dir__ implementation for types."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__flags__", type_get_flags, NULL, NULL, NULL},
    {"__basicsize__", type_get_basicsize, NULL, NULL, NULL},
    {"__itemsize__", type_get_itemsize, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* `int | None`: classes combine into a types.UnionType. Every other operator
   declines, so `int + 1` still fails with the usual TypeError. */
static gp_object_t *type_binop(gp_object_t *a, gp_object_t *b, int op)
{
    if ((op & ~GP_BINOP_INPLACE) != GP_BINOP_OR)
        return GP_INCREF(gp_NotImplemented);
    return gp_union_or(a, b);
}

gp_type_t gp_type_type = {
    GP_TYPE_HEAD_INIT,
    .name = "type",
    .basicsize = sizeof(gp_type_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC | GP_TYPE_FLAG_TYPE_SUBCLASS,
    .dealloc = type_dealloc,
    .new_ = type_new,
    .init = type_init,
    .repr = type_repr,
    .getattr = gp_type_getattr,
    .setattr = type_setattr,
    .call = gp_type_call,
    .binop = type_binop,
    .traverse = type_traverse,
    .clear = type_clear,
    .methods = type_methods,
    .getsets = type_getsets,
    .doc = "type(object) -> the object's type\n"
           "type(name, bases, dict, **kwds) -> a new type",
};

/* The __dict__ descriptor classes get for their instances' managed dict. */
/* The builtin base's own '__dict__' descriptor for [self] (a metaclass
   instance reaches type's, which gives the read-only proxy), or NULL when
   the builtin base has none: then the instance dict is the answer. A class
   listing a plain class before `type` among its bases would otherwise find
   that class's instance-dict descriptor first, as in CPython's
   subtype_dict. */
static gp_object_t *type_builtin_dict_descr(gp_object_t *self)
{
    gp_type_t *builtin = gp_type_builtin_base(GP_TYPE(self));
    if (builtin == NULL || builtin == &gp_object_type)
        return NULL;
    gp_object_t *d = gp_type_lookup(builtin, gp_str_static("__dict__"));
    if (d == NULL || GP_TYPE(d) != &gp_getset_descr_type ||
        ((gp_getset_descr_t *)d)->def->get == type_dict_get_descr)
        return NULL;
    return d;
}

static gp_object_t *type_dict_get_descr(gp_object_t *self, void *closure)
{
    gp_object_t *builtin = type_builtin_dict_descr(self);
    if (builtin != NULL)
        return GP_TYPE(builtin)->descr_get(builtin, self, (gp_object_t *)GP_TYPE(self));
    gp_object_t **dictp = gp_object_instance_dict(self);
    if (dictp == NULL) {
        gp_err_no_attribute(self, gp_str_static("__dict__"));
        return NULL;
    }
    if (*dictp == NULL && (*dictp = gp_dict_new()) == NULL)
        return NULL;
    return GP_INCREF(*dictp);
}

static int type_dict_set_descr(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_object_t *builtin = type_builtin_dict_descr(self);
    if (builtin != NULL) {
        if (GP_TYPE(builtin)->descr_set != NULL)
            return GP_TYPE(builtin)->descr_set(builtin, self, value);
        gp_err_format(&gp_exc_AttributeError,
                      "attribute '__dict__' of '%s' objects is not writable",
                      gp_type_name(gp_type_builtin_base(GP_TYPE(self))));
        return -1;
    }
    gp_object_t **dictp = gp_object_instance_dict(self);
    if (dictp == NULL) {
        gp_err_no_attribute(self, gp_str_static("__dict__"));
        return -1;
    }
    if (value == NULL) {
        GP_CLEAR(*dictp);
        return 0;
    }
    if (!gp_dict_check(value)) {
        gp_err_format(&gp_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      gp_type_name(GP_TYPE(value)));
        return -1;
    }
    GP_SETREF(*dictp, GP_INCREF(value));
    return 0;
}

/* ------------------------------------------------------------------ */
/* Start-up                                                             */
/* ------------------------------------------------------------------ */

/* complex is declared in object.h but not part of this milestone: it is
   readied only if some file defines it. */
#pragma weak gp_complex_type

int gp_types_init(void)
{
    /* First: it decides the layout of instances of the types it marks. */
    gp_weakref_mark_builtin_types();
    gp_type_t *types[] = {
        &gp_object_type,         &gp_type_type,           &gp_none_type,
        &gp_notimplemented_type, &gp_ellipsis_type,       &gp_int_type,
        &gp_bool_type,           &gp_float_type,          &gp_str_type,
        &gp_bytes_type,          &gp_bytearray_type,      &gp_list_type,
        &gp_tuple_type,          &gp_dict_type,           &gp_set_type,
        &gp_frozenset_type,      &gp_range_type,          &gp_slice_type,
        &gp_module_type,         &gp_cfunction_type,      &gp_method_descr_type,
        &gp_getset_descr_type,   &gp_property_type,       &gp_staticmethod_type,
        &gp_classmethod_type,    &gp_super_type,          &gp_function_type,
        &gp_method_type,         &gp_code_type,           &gp_cell_type,
        &gp_generator_type,      &gp_coroutine_type,      &gp_async_generator_type,
        &gp_traceback_type,      &gp_frame_type,          &gp_seqiter_type,
        &gp_wrapper_descr_type,  &gp_method_wrapper_type, &gp_member_descr_type,
        &gp_memoryview_type,     &gp_memoryview_iterator_type, &gp_bytes_iterator_type,
        &gp_bytearray_iterator_type, &gp_str_iterator_type,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
        if (gp_type_ready(types[i]) < 0)
            return -1;
    if (&gp_complex_type != NULL && gp_type_ready(&gp_complex_type) < 0)
        return -1;
    if (gp_exceptions_init() < 0)
        return -1;
    /* Iterators, views, enumerate/zip/...: types object.h does not list. */
    if (gp_containers_init() < 0)
        return -1;
    return gp_generic_alias_init();
}
