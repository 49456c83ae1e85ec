/*
 * dictview.c - dict iterators and the keys/values/items views.
 *
 * Design notes
 * ------------
 * Iterators walk the dense entries array by position, skipping deleted
 * entries. They remember the dict's size when they were created: any change
 * of size raises "dictionary changed size during iteration" (and stays
 * raised: the iterator is then exhausted). A deletion plus an insertion
 * keeps the size, so, like CPython, the iterator also counts the items it
 * still expects and reports "dictionary keys changed during iteration" when
 * it finds more than that.
 *
 * The items iterator returns a 2-tuple per step; when the caller dropped the
 * previous tuple (its refcount is back to 1, held only by the iterator), the
 * same tuple is refilled instead of allocating a new one. This is CPython's
 * trick and makes `for k, v in d.items()` allocation-free.
 *
 * Views hold a reference to their dict and read it live. The keys and items
 * views are set-like: comparisons with sets and other views, and the
 * operators & | - ^, which build a set from the left operand and apply the
 * set operator (so any iterable works on either side, as in CPython).
 */
#include "obj/containers.h"
#include "obj/dict.h"
#include "obj/type.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

typedef struct dict_iterator {
    gp_object_t base;
    gp_object_t *dict;   /* NULL once exhausted */
    intptr_t used;       /* the dict's size when iteration started */
    intptr_t pos;        /* next entry (forward) or current entry (reverse) */
    intptr_t len;        /* items still expected */
    gp_object_t *result; /* the reusable 2-tuple of an items iterator, or NULL */
} dict_iterator_t;

typedef struct dict_view {
    gp_object_t base;
    gp_object_t *dict;
} dict_view_t;

static gp_type_t *const dict_iterator_types[2][3] = {
    {&gp_dict_keyiterator_type, &gp_dict_valueiterator_type, &gp_dict_itemiterator_type},
    {&gp_dict_reversekeyiterator_type, &gp_dict_reversevalueiterator_type,
     &gp_dict_reverseitemiterator_type},
};

static gp_type_t *const dict_view_types[3] = {
    &gp_dict_keys_type,
    &gp_dict_values_type,
    &gp_dict_items_type,
};

/* ------------------------------------------------------------------ */
/* Iterators                                                            */
/* ------------------------------------------------------------------ */

gp_object_t *gp_dict_iter_new(gp_object_t *d, gp_dict_iter_kind_t kind, bool reversed)
{
    dict_iterator_t *it =
        (dict_iterator_t *)gp_object_alloc(dict_iterator_types[reversed ? 1 : 0][kind], 0);
    if (!it)
        return NULL;
    gp_dict_t *dict = (gp_dict_t *)d;
    it->dict = GP_INCREF(d);
    it->used = dict->used;
    it->len = dict->used;
    it->pos = reversed ? dict->nentries - 1 : 0;
    it->result = NULL;
    gp_gc_track((gp_object_t *)it);
    return (gp_object_t *)it;
}

static void dict_iterator_dealloc(gp_object_t *self)
{
    dict_iterator_t *it = (dict_iterator_t *)self;
    gp_gc_untrack(self);
    GP_XDECREF(it->dict);
    GP_XDECREF(it->result);
    gp_object_free(self);
}

static int dict_iterator_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    dict_iterator_t *it = (dict_iterator_t *)self;
    int r;
    if (it->dict && (r = visit(it->dict, arg)))
        return r;
    if (it->result && (r = visit(it->result, arg)))
        return r;
    return 0;
}

static int dict_iterator_clear(gp_object_t *self)
{
    dict_iterator_t *it = (dict_iterator_t *)self;
    GP_CLEAR(it->dict);
    GP_CLEAR(it->result);
    return 0;
}

static gp_object_t *dict_iterator_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

/* Exhausts the iterator; returns NULL for the caller's convenience. */
static gp_object_t *dict_iterator_stop(dict_iterator_t *it)
{
    GP_CLEAR(it->dict);
    return NULL;
}

/* The next live entry, or NULL (exhausted, or an exception set). */
static gp_dict_entry_t *dict_iterator_advance(dict_iterator_t *it, bool reversed)
{
    gp_dict_t *d = (gp_dict_t *)it->dict;
    if (!d)
        return NULL;
    if (it->used != d->used) {
        gp_err_set_string(&gp_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1; /* sticky */
        dict_iterator_stop(it);
        return NULL;
    }
    gp_dict_entry_t *e = NULL;
    if (reversed) {
        intptr_t i = it->pos;
        if (i >= d->nentries)
            i = d->nentries - 1;
        while (i >= 0 && !d->entries[i].key)
            i--;
        if (i < 0) {
            dict_iterator_stop(it);
            return NULL;
        }
        e = &d->entries[i];
        it->pos = i - 1;
    } else {
        intptr_t i = it->pos;
        while (i < d->nentries && !d->entries[i].key)
            i++;
        if (i >= d->nentries) {
            dict_iterator_stop(it);
            return NULL;
        }
        e = &d->entries[i];
        it->pos = i + 1;
    }
    if (it->len == 0) {
        gp_err_set_string(&gp_exc_RuntimeError, "dictionary keys changed during iteration");
        dict_iterator_stop(it);
        return NULL;
    }
    it->len--;
    return e;
}

static gp_object_t *dict_keyiterator_next(gp_object_t *self)
{
    gp_dict_entry_t *e = dict_iterator_advance((dict_iterator_t *)self, false);
    return e ? GP_INCREF(e->key) : NULL;
}

static gp_object_t *dict_valueiterator_next(gp_object_t *self)
{
    gp_dict_entry_t *e = dict_iterator_advance((dict_iterator_t *)self, false);
    return e ? GP_INCREF(e->value) : NULL;
}

static gp_object_t *dict_iterator_pair(dict_iterator_t *it, gp_dict_entry_t *e)
{
    gp_object_t *key = GP_INCREF(e->key), *value = GP_INCREF(e->value);
    gp_object_t *result = it->result;
    if (result && result->refcnt == 1) {
        /* Only we hold the previous tuple: refill it in place. */
        gp_object_t *old_key = GP_TUPLE_GET(result, 0), *old_value = GP_TUPLE_GET(result, 1);
        GP_TUPLE_SET(result, 0, key);
        GP_TUPLE_SET(result, 1, value);
        GP_DECREF(old_key);
        GP_DECREF(old_value);
        return GP_INCREF(result);
    }
    result = gp_tuple_new(2);
    if (!result) {
        GP_DECREF(key);
        GP_DECREF(value);
        return NULL;
    }
    GP_TUPLE_SET(result, 0, key);
    GP_TUPLE_SET(result, 1, value);
    GP_SETREF(it->result, GP_INCREF(result));
    return result;
}

static gp_object_t *dict_itemiterator_next(gp_object_t *self)
{
    dict_iterator_t *it = (dict_iterator_t *)self;
    gp_dict_entry_t *e = dict_iterator_advance(it, false);
    return e ? dict_iterator_pair(it, e) : NULL;
}

static gp_object_t *dict_reversekeyiterator_next(gp_object_t *self)
{
    gp_dict_entry_t *e = dict_iterator_advance((dict_iterator_t *)self, true);
    return e ? GP_INCREF(e->key) : NULL;
}

static gp_object_t *dict_reversevalueiterator_next(gp_object_t *self)
{
    gp_dict_entry_t *e = dict_iterator_advance((dict_iterator_t *)self, true);
    return e ? GP_INCREF(e->value) : NULL;
}

static gp_object_t *dict_reverseitemiterator_next(gp_object_t *self)
{
    dict_iterator_t *it = (dict_iterator_t *)self;
    gp_dict_entry_t *e = dict_iterator_advance(it, true);
    return e ? dict_iterator_pair(it, e) : NULL;
}

static gp_object_t *dict_iterator_length_hint(gp_object_t *self, gp_object_t *const *args,
                                              size_t nargs, gp_object_t *kwnames)
{
    dict_iterator_t *it = (dict_iterator_t *)self;
    intptr_t n = 0;
    if (it->dict && it->used == ((gp_dict_t *)it->dict)->used)
        n = it->len;
    return gp_int_from_i64(n);
}

/* Pickling support, as CPython: iter(list of the items still to come).
   They are read through a copy of the iterator, leaving this one where
   it is. */
static gp_object_t *dict_iterator_reduce(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    dict_iterator_t *it = (dict_iterator_t *)self;
    dict_iterator_t *copy = (dict_iterator_t *)gp_object_alloc(GP_TYPE(self), 0);
    if (!copy)
        return NULL;
    copy->dict = it->dict ? GP_INCREF(it->dict) : NULL;
    copy->used = it->used;
    copy->pos = it->pos;
    copy->len = it->len;
    copy->result = NULL;
    gp_gc_track((gp_object_t *)copy);
    gp_object_t *rest = gp_list_from_iterable((gp_object_t *)copy);
    GP_DECREF((gp_object_t *)copy);
    if (!rest)
        return NULL;
    gp_object_t *res = gp_seq_iterator_reduce("iter", NULL, 0, rest);
    GP_DECREF(rest);
    return res;
}

static const gp_method_def_t dict_iterator_methods[] = {
    {"__length_hint__", dict_iterator_length_hint, 0, NULL},
    {"__reduce__", dict_iterator_reduce, 0, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITERATOR_TYPE(cname, pyname, nextfn)                                                  \
    gp_type_t cname = {                                                                            \
        GP_TYPE_HEAD_INIT,                                                                         \
        .name = pyname,                                                                            \
        .basicsize = sizeof(dict_iterator_t),                                                      \
        .flags = GP_TYPE_FLAG_GC,                                                                  \
        .dealloc = dict_iterator_dealloc,                                                          \
        .iter = dict_iterator_self,                                                                \
        .iternext = nextfn,                                                                        \
        .traverse = dict_iterator_traverse,                                                        \
        .clear = dict_iterator_clear,                                                              \
        .methods = dict_iterator_methods,                                                          \
    }

DICT_ITERATOR_TYPE(gp_dict_keyiterator_type, "dict_keyiterator", dict_keyiterator_next);
DICT_ITERATOR_TYPE(gp_dict_valueiterator_type, "dict_valueiterator", dict_valueiterator_next);
DICT_ITERATOR_TYPE(gp_dict_itemiterator_type, "dict_itemiterator", dict_itemiterator_next);
DICT_ITERATOR_TYPE(gp_dict_reversekeyiterator_type, "dict_reversekeyiterator",
                   dict_reversekeyiterator_next);
DICT_ITERATOR_TYPE(gp_dict_reversevalueiterator_type, "dict_reversevalueiterator",
                   dict_reversevalueiterator_next);
DICT_ITERATOR_TYPE(gp_dict_reverseitemiterator_type, "dict_reverseitemiterator",
                   dict_reverseitemiterator_next);

/* ------------------------------------------------------------------ */
/* Views                                                                */
/* ------------------------------------------------------------------ */

gp_object_t *gp_dict_view_new(gp_object_t *d, gp_dict_iter_kind_t kind)
{
    dict_view_t *view = (dict_view_t *)gp_object_alloc(dict_view_types[kind], 0);
    if (!view)
        return NULL;
    view->dict = GP_INCREF(d);
    gp_gc_track((gp_object_t *)view);
    return (gp_object_t *)view;
}

static gp_dict_iter_kind_t dict_view_kind(gp_object_t *view)
{
    gp_type_t *type = GP_TYPE(view);
    return type == &gp_dict_keys_type     ? GP_DICT_ITER_KEYS
           : type == &gp_dict_values_type ? GP_DICT_ITER_VALUES
                                          : GP_DICT_ITER_ITEMS;
}

static bool dict_view_is_setlike(gp_object_t *o)
{
    return GP_IS_TYPE(o, gp_dict_keys_type) || GP_IS_TYPE(o, gp_dict_items_type);
}

static void dict_view_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_XDECREF(((dict_view_t *)self)->dict);
    gp_object_free(self);
}

static int dict_view_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *d = ((dict_view_t *)self)->dict;
    return d ? visit(d, arg) : 0;
}

static int dict_view_clear(gp_object_t *self)
{
    GP_CLEAR(((dict_view_t *)self)->dict);
    return 0;
}

static intptr_t dict_view_len(gp_object_t *self)
{
    return gp_dict_size(((dict_view_t *)self)->dict);
}

static gp_object_t *dict_view_iter(gp_object_t *self)
{
    return gp_dict_iter_new(((dict_view_t *)self)->dict, dict_view_kind(self), false);
}

static gp_object_t *dict_view_repr(gp_object_t *self)
{
    int status = gp_repr_enter(self);
    if (status != 0)
        return status > 0 ? gp_str_from_cstr("...") : NULL;
    gp_object_t *result = NULL;
    gp_object_t *list = gp_list_from_iterable(self);
    if (list) {
        result = gp_str_from_format("%s(%R)", GP_TYPE(self)->name, list);
        GP_DECREF(list);
    }
    gp_repr_leave(self);
    return result;
}

static int dict_keys_contains(gp_object_t *self, gp_object_t *key)
{
    return gp_dict_contains(((dict_view_t *)self)->dict, key);
}

static int dict_items_contains(gp_object_t *self, gp_object_t *item)
{
    if (!gp_tuple_check(item) || GP_TUPLE_SIZE(item) != 2)
        return 0;
    gp_object_t *value = gp_dict_getitem(((dict_view_t *)self)->dict, GP_TUPLE_GET(item, 0));
    if (!value)
        return gp_err_occurred() ? -1 : 0;
    GP_INCREF(value);
    int r = gp_object_eq(value, GP_TUPLE_GET(item, 1));
    GP_DECREF(value);
    return r;
}

/* Is every item of [a] in [b]? 1/0, -1 on error. */
static int dict_view_all_contained_in(gp_object_t *a, gp_object_t *b)
{
    gp_object_t *it = gp_object_iter(a);
    if (!it)
        return -1;
    int result = 1;
    gp_object_t *item;
    while ((item = gp_iter_next(it))) {
        int r = gp_object_contains(b, item);
        GP_DECREF(item);
        if (r <= 0) {
            result = r;
            break;
        }
    }
    GP_DECREF(it);
    if (result == 1 && gp_err_occurred())
        return -1;
    return result;
}

static gp_object_t *dict_view_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!dict_view_is_setlike(a) || !(gp_anyset_check(b) || dict_view_is_setlike(b)))
        return GP_INCREF(gp_NotImplemented);
    intptr_t na = gp_object_len(a), nb = gp_object_len(b);
    if (na < 0 || nb < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case GP_CMP_EQ:
    case GP_CMP_NE:
        ok = na == nb ? dict_view_all_contained_in(a, b) : 0;
        break;
    case GP_CMP_LT:
        ok = na < nb ? dict_view_all_contained_in(a, b) : 0;
        break;
    case GP_CMP_LE:
        ok = na <= nb ? dict_view_all_contained_in(a, b) : 0;
        break;
    case GP_CMP_GT:
        ok = na > nb ? dict_view_all_contained_in(b, a) : 0;
        break;
    case GP_CMP_GE:
        ok = na >= nb ? dict_view_all_contained_in(b, a) : 0;
        break;
    }
    if (ok < 0)
        return NULL;
    if (op == GP_CMP_NE)
        ok = !ok;
    return gp_bool_from(ok != 0);
}

static gp_object_t *dict_view_binop(gp_object_t *a, gp_object_t *b, int op)
{
    int base = op & ~GP_BINOP_INPLACE;
    if (base != GP_BINOP_AND && base != GP_BINOP_OR && base != GP_BINOP_SUB &&
        base != GP_BINOP_XOR)
        return GP_INCREF(gp_NotImplemented);
    /* Both sides become sets; the set type then does the work. */
    gp_object_t *left = gp_set_new(a);
    if (!left)
        return NULL;
    gp_object_t *right = gp_anyset_check(b) ? GP_INCREF(b) : gp_set_new(b);
    if (!right) {
        GP_DECREF(left);
        return NULL;
    }
    gp_object_t *r = gp_number_binop(left, right, base);
    GP_DECREF(left);
    GP_DECREF(right);
    return r;
}

static gp_object_t *dict_view_isdisjoint(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_onearg("isdisjoint", nargs) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    gp_object_t *item;
    while ((item = gp_iter_next(it))) {
        int r = gp_object_contains(self, item);
        GP_DECREF(item);
        if (r != 0) {
            GP_DECREF(it);
            return r < 0 ? NULL : gp_bool_from(false);
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? NULL : gp_bool_from(true);
}

static gp_object_t *dict_view_reversed(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_noargs("__reversed__", nargs) < 0)
        return NULL;
    return gp_dict_iter_new(((dict_view_t *)self)->dict, dict_view_kind(self), true);
}

static gp_object_t *dict_view_get_mapping(gp_object_t *self, void *closure)
{
    /* A read-only window on the dict, so the view cannot be used to
       change it. */
    return gp_mappingproxy_new(((dict_view_t *)self)->dict);
}

static const gp_method_def_t dict_setview_methods[] = {
    {"isdisjoint", dict_view_isdisjoint, 0, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", dict_view_reversed, 0, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static const gp_method_def_t dict_values_methods[] = {
    {"__reversed__", dict_view_reversed, 0, "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t dict_view_getsets[] = {
    {"mapping", dict_view_get_mapping, NULL, NULL, "dictionary that this view refers to"},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_dict_keys_type = {
    GP_TYPE_HEAD_INIT,
    .name = "dict_keys",
    .basicsize = sizeof(dict_view_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = dict_view_dealloc,
    .repr = dict_view_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = dict_view_richcompare,
    .iter = dict_view_iter,
    .binop = dict_view_binop,
    .len = dict_view_len,
    .contains = dict_keys_contains,
    .traverse = dict_view_traverse,
    .clear = dict_view_clear,
    .methods = dict_setview_methods,
    .getsets = dict_view_getsets,
};

gp_type_t gp_dict_items_type = {
    GP_TYPE_HEAD_INIT,
    .name = "dict_items",
    .basicsize = sizeof(dict_view_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = dict_view_dealloc,
    .repr = dict_view_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = dict_view_richcompare,
    .iter = dict_view_iter,
    .binop = dict_view_binop,
    .len = dict_view_len,
    .contains = dict_items_contains,
    .traverse = dict_view_traverse,
    .clear = dict_view_clear,
    .methods = dict_setview_methods,
    .getsets = dict_view_getsets,
};

gp_type_t gp_dict_values_type = {
    GP_TYPE_HEAD_INIT,
    .name = "dict_values",
    .basicsize = sizeof(dict_view_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = dict_view_dealloc,
    .repr = dict_view_repr,
    .iter = dict_view_iter,
    .len = dict_view_len,
    .traverse = dict_view_traverse,
    .clear = dict_view_clear,
    .methods = dict_values_methods,
    .getsets = dict_view_getsets,
};
