/*
 * dict.c - the dict type: the compact ordered hash table and its methods.
 *
 * Design notes
 * ------------
 * The layout (indices + dense entries, one allocation) and the version rule
 * that global-lookup caches rely on are described in obj/dict.h. The views
 * (keys/values/items) and iterators live in dictview.c.
 *
 * Probing is CPython's: slot = hash & mask, then
 * slot = (slot * 5 + perturb + 1) & mask with perturb >>= 5 each step, which
 * visits every slot eventually and mixes in the high bits of the hash. The
 * table is at most 2/3 full (usable = size * 2 / 3), and a resize sizes it
 * for 3x the live items, so a dict that is filled and emptied repeatedly
 * does not keep growing.
 *
 * Keys are compared by identity first; equal hashes of two exact strs are
 * compared by bytes without the object protocol; anything else goes
 * through __eq__, which may run arbitrary code. After such a comparison the
 * lookup checks that the table and the entry are unchanged and restarts
 * otherwise, so a key whose __eq__ mutates the dict cannot make us read
 * freed memory.
 *
 * A dict is tracked by the cycle collector only once it holds a GC object
 * (see dict_maintain_tracking), so gc.is_tracked({}) is False as in CPython.
 *
 * Mutations keep the table consistent before dropping references: a
 * replaced value is DECREF'd only after the new one is stored, and clear()
 * detaches the whole table before releasing its contents.
 */
#include <string.h>

#include "obj/containers.h"
#include "obj/dict.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DICT_MINSIZE 8
#define PERTURB_SHIFT 5

#define USABLE_FRACTION(n) (((n) << 1) / 3)

/* ------------------------------------------------------------------ */
/* The table                                                            */
/* ------------------------------------------------------------------ */

bool gp_str_exact_eq(gp_object_t *a, gp_object_t *b)
{
    size_t n = gp_str_utf8_len(a);
    return n == gp_str_utf8_len(b) && memcmp(gp_str_utf8(a), gp_str_utf8(b), n) == 0;
}

/* Allocates a table of [size] index slots (a power of two), all EMPTY. */
static int dict_table_new(gp_dict_t *d, intptr_t size)
{
    intptr_t usable = USABLE_FRACTION(size);
    if ((size_t)size > (SIZE_MAX / 2) / (sizeof(int32_t) + sizeof(gp_dict_entry_t)) ||
        size > ((intptr_t)1 << 31)) {
        gp_err_no_memory();
        return -1;
    }
    size_t bytes = (size_t)size * sizeof(int32_t) + (size_t)usable * sizeof(gp_dict_entry_t);
    int32_t *indices = gp_mem_alloc(bytes);
    if (!indices) {
        gp_err_no_memory();
        return -1;
    }
    memset(indices, 0xff, (size_t)size * sizeof(int32_t));
    d->indices = indices;
    d->entries = (gp_dict_entry_t *)(indices + size);
    d->mask = size - 1;
    d->usable = usable;
    d->nentries = 0;
    return 0;
}

/* The first EMPTY or DUMMY slot on [hash]'s probe path (the table has one). */
static inline size_t dict_find_empty_slot(gp_dict_t *d, intptr_t hash)
{
    size_t mask = (size_t)d->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (d->indices[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The slot whose index is [ix] on [hash]'s probe path. */
static inline size_t dict_find_slot_of(gp_dict_t *d, intptr_t hash, intptr_t ix)
{
    size_t mask = (size_t)d->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    while (d->indices[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Rebuilds the table with room for [minused] items, dropping deleted entries. */
static int dict_resize(gp_dict_t *d, intptr_t minused)
{
    intptr_t size = DICT_MINSIZE;
    while (USABLE_FRACTION(size) < minused || size < minused) {
        size <<= 1;
        if (size <= 0) {
            gp_err_no_memory();
            return -1;
        }
    }
    int32_t *old_indices = d->indices;
    gp_dict_entry_t *old_entries = d->entries;
    intptr_t old_n = d->nentries;
    if (dict_table_new(d, size) < 0) {
        d->indices = old_indices;
        d->entries = old_entries;
        return -1;
    }
    intptr_t n = 0;
    for (intptr_t i = 0; i < old_n; i++) {
        if (old_entries[i].key) {
            d->entries[n] = old_entries[i];
            d->indices[dict_find_empty_slot(d, old_entries[i].hash)] = (int32_t)n;
            n++;
        }
    }
    d->nentries = n;
    d->version++;
    gp_mem_free(old_indices);
    return 0;
}

/* Lookup proper: entry index, -1 absent, -2 error. */
static intptr_t dict_lookup(gp_dict_t *d, gp_object_t *key, intptr_t hash)
{
restart:
    if (!d->indices)
        return -1;
    int32_t *indices = d->indices;
    gp_dict_entry_t *entries = d->entries;
    size_t mask = (size_t)d->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        int32_t ix = indices[i];
        if (ix == DKIX_EMPTY)
            return -1;
        if (ix >= 0) {
            gp_dict_entry_t *e = &entries[ix];
            gp_object_t *startkey = e->key;
            if (startkey == key)
                return ix;
            if (e->hash == hash) {
                if (GP_IS_PTR(startkey) && GP_IS_PTR(key) && startkey->type == &gp_str_type &&
                    key->type == &gp_str_type) {
                    if (gp_str_exact_eq(startkey, key))
                        return ix;
                } else {
                    GP_INCREF(startkey);
                    int cmp = gp_object_eq(startkey, key);
                    GP_DECREF(startkey);
                    if (cmp < 0)
                        return -2;
                    if (d->indices != indices || d->entries != entries || e->key != startkey)
                        goto restart;
                    if (cmp > 0)
                        return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

intptr_t gp_dict_lookup_index(gp_object_t *d, gp_object_t *key, intptr_t hash)
{
    return dict_lookup((gp_dict_t *)d, key, hash);
}

/* Dicts start untracked and join the collector only once they hold an
   object that can be part of a cycle (CPython's MAINTAIN_TRACKING): a dict
   of strs and ints can never be in one, and untracked objects make every
   collection cheaper. */
static inline bool dict_may_cycle(gp_object_t *o)
{
    return GP_IS_PTR(o) && (o->type->flags & GP_TYPE_FLAG_GC);
}

static inline void dict_maintain_tracking(gp_dict_t *d, gp_object_t *key, gp_object_t *value)
{
    if (!GP_GC_HEAD(d)->next && (dict_may_cycle(value) || dict_may_cycle(key)))
        gp_gc_track((gp_object_t *)d);
}

/* Appends [key] (with [hash]) -> [value], the caller having just looked
   the key up and not found it. Not looking again matters: a key's __eq__
   runs once per lookup, and setdefault promises one. */
static int dict_insert_absent(gp_dict_t *d, gp_object_t *key, intptr_t hash, gp_object_t *value)
{
    dict_maintain_tracking(d, key, value);
    if (!d->indices || d->nentries >= d->usable) {
        if (dict_resize(d, d->used < 3 ? 5 : d->used * 3) < 0)
            return -1;
    }
    size_t slot = dict_find_empty_slot(d, hash);
    intptr_t n = d->nentries;
    d->indices[slot] = (int32_t)n;
    gp_dict_entry_t *e = &d->entries[n];
    e->hash = hash;
    e->key = GP_INCREF(key);
    e->value = GP_INCREF(value);
    d->nentries = n + 1;
    d->used++;
    d->version++;
    return 0;
}

/* Inserts or replaces; borrowed key and value. */
static int dict_insert(gp_dict_t *d, gp_object_t *key, intptr_t hash, gp_object_t *value)
{
    intptr_t ix = dict_lookup(d, key, hash);
    if (ix == -2)
        return -1;
    if (ix >= 0) {
        dict_maintain_tracking(d, key, value);
        gp_object_t *old = d->entries[ix].value;
        d->entries[ix].value = GP_INCREF(value);
        GP_DECREF(old);
        return 0;
    }
    return dict_insert_absent(d, key, hash, value);
}

/* Removes entry [ix] (found for [hash]); the caller owns the returned key
   and value references and releases them once it is done. */
static void dict_unlink(gp_dict_t *d, intptr_t ix, intptr_t hash, gp_object_t **key,
                        gp_object_t **value)
{
    size_t slot = dict_find_slot_of(d, hash, ix);
    d->indices[slot] = DKIX_DUMMY;
    gp_dict_entry_t *e = &d->entries[ix];
    *key = e->key;
    *value = e->value;
    e->key = NULL;
    e->value = NULL;
    d->used--;
    d->version++;
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */
/* ------------------------------------------------------------------ */

gp_object_t *gp_dict_new(void)
{
    return gp_object_alloc(&gp_dict_type, 0);
}

void gp_dict_raise_key_error(gp_object_t *key)
{
    gp_object_t *args = gp_tuple_pack(1, key);
    if (!args)
        return;
    gp_err_set_object(&gp_exc_KeyError, args);
    GP_DECREF(args);
}

gp_object_t *gp_dict_getitem_hash(gp_object_t *d, gp_object_t *key, intptr_t hash)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    intptr_t ix = dict_lookup(dict, key, hash);
    return ix >= 0 ? dict->entries[ix].value : NULL;
}

gp_object_t *gp_dict_getitem(gp_object_t *d, gp_object_t *key)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    /* A NULL key is a name that could not be allocated (gp_str_static()
       under memory pressure, its MemoryError pending): absent, not a crash. */
    if (dict->used == 0 || key == NULL)
        return NULL;
    intptr_t hash = gp_hash_fast(key);
    if (hash == -1)
        return NULL;
    intptr_t ix = dict_lookup(dict, key, hash);
    return ix >= 0 ? dict->entries[ix].value : NULL;
}

gp_object_t *gp_dict_getitem_cstr(gp_object_t *d, const char *key)
{
    gp_object_t *k = gp_str_from_cstr(key);
    if (!k)
        return NULL;
    gp_object_t *v = gp_dict_getitem(d, k);
    GP_DECREF(k);
    return v;
}

int gp_dict_setitem_hash(gp_object_t *d, gp_object_t *key, intptr_t hash, gp_object_t *value)
{
    return dict_insert((gp_dict_t *)d, key, hash, value);
}

int gp_dict_setitem(gp_object_t *d, gp_object_t *key, gp_object_t *value)
{
    intptr_t hash = gp_hash_fast(key);
    if (hash == -1)
        return -1;
    return dict_insert((gp_dict_t *)d, key, hash, value);
}

int gp_dict_setitem_cstr(gp_object_t *d, const char *key, gp_object_t *value)
{
    gp_object_t *k = gp_str_intern_cstr(key);
    if (!k)
        return -1;
    int r = gp_dict_setitem(d, k, value);
    GP_DECREF(k);
    return r;
}

/* Deletes [key]: 1 deleted, 0 absent (no exception), -1 error. */
static int dict_discard(gp_dict_t *d, gp_object_t *key)
{
    intptr_t hash = gp_hash_fast(key);
    if (hash == -1)
        return -1;
    intptr_t ix = dict_lookup(d, key, hash);
    if (ix == -2)
        return -1;
    if (ix == -1)
        return 0;
    gp_object_t *k, *v;
    dict_unlink(d, ix, hash, &k, &v);
    GP_DECREF(k);
    GP_DECREF(v);
    return 1;
}

int gp_dict_delitem(gp_object_t *d, gp_object_t *key)
{
    int r = dict_discard((gp_dict_t *)d, key);
    if (r == 0) {
        gp_dict_raise_key_error(key);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

int gp_dict_contains(gp_object_t *d, gp_object_t *key)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    intptr_t hash = gp_hash_fast(key);
    if (hash == -1)
        return -1;
    if (dict->used == 0)
        return 0;
    intptr_t ix = dict_lookup(dict, key, hash);
    return ix == -2 ? -1 : ix >= 0;
}

intptr_t gp_dict_size(gp_object_t *d)
{
    return ((gp_dict_t *)d)->used;
}

uint64_t gp_dict_version(gp_object_t *d)
{
    return ((gp_dict_t *)d)->version;
}

bool gp_dict_next(gp_object_t *d, intptr_t *pos, gp_object_t **key, gp_object_t **value)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    intptr_t i = *pos;
    while (i < dict->nentries && !dict->entries[i].key)
        i++;
    if (i >= dict->nentries)
        return false;
    *pos = i + 1;
    if (key)
        *key = dict->entries[i].key;
    if (value)
        *value = dict->entries[i].value;
    return true;
}

void gp_dict_clear(gp_object_t *d)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    int32_t *indices = dict->indices;
    gp_dict_entry_t *entries = dict->entries;
    intptr_t n = dict->nentries;
    dict->indices = NULL;
    dict->entries = NULL;
    dict->nentries = dict->used = dict->usable = dict->mask = 0;
    dict->version++;
    if (!indices)
        return;
    for (intptr_t i = 0; i < n; i++) {
        if (entries[i].key) {
            GP_DECREF(entries[i].key);
            GP_DECREF(entries[i].value);
        }
    }
    gp_mem_free(indices);
}

/* Copies every item of the dict [src] into [d] (d[k] = v, overwriting). */
static int dict_merge_dict(gp_dict_t *d, gp_dict_t *src)
{
    if (src == d || src->used == 0)
        return 0;
    if (d->used == 0 && (d->usable - d->nentries) < src->used) {
        if (dict_resize(d, src->used + (src->used >> 1)) < 0)
            return -1;
    }
    intptr_t expected = src->used;
    for (intptr_t i = 0; i < src->nentries; i++) {
        gp_dict_entry_t *e = &src->entries[i];
        if (!e->key)
            continue;
        gp_object_t *key = GP_INCREF(e->key), *value = GP_INCREF(e->value);
        int r = dict_insert(d, key, e->hash, value);
        GP_DECREF(key);
        GP_DECREF(value);
        if (r < 0)
            return -1;
        if (src->used != expected) {
            gp_err_set_string(&gp_exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

gp_object_t *gp_dict_copy(gp_object_t *d)
{
    gp_dict_t *src = (gp_dict_t *)d;
    gp_dict_t *copy = (gp_dict_t *)gp_object_alloc(&gp_dict_type, 0);
    if (!copy)
        return NULL;
    if (src->used > 0 && src->used == src->nentries) {
        /* No deleted entries: clone the table as it is. */
        intptr_t size = src->mask + 1;
        if (dict_table_new(copy, size) < 0) {
            gp_object_free((gp_object_t *)copy);
            return NULL;
        }
        memcpy(copy->indices, src->indices, (size_t)size * sizeof(int32_t));
        memcpy(copy->entries, src->entries, (size_t)src->nentries * sizeof(gp_dict_entry_t));
        for (intptr_t i = 0; i < src->nentries; i++) {
            GP_INCREF(copy->entries[i].key);
            GP_INCREF(copy->entries[i].value);
        }
        copy->nentries = copy->used = src->nentries;
        if (GP_GC_HEAD(d)->next)
            gp_gc_track((gp_object_t *)copy);
        return (gp_object_t *)copy;
    }
    if (dict_merge_dict(copy, src) < 0) {
        GP_DECREF((gp_object_t *)copy);
        return NULL;
    }
    return (gp_object_t *)copy;
}

static gp_object_t *dict_iter(gp_object_t *self);

/* True when [o] is a dict whose iteration is the dict's own (so its table
   can be read directly instead of going through keys() and __getitem__). */
static bool dict_is_plain(gp_object_t *o)
{
    return gp_dict_check(o) && GP_TYPE(o)->iter == dict_iter;
}

/* d.update(mapping) through keys() and __getitem__. */
static int dict_merge_mapping(gp_object_t *d, gp_object_t *other, gp_object_t *keys_fn)
{
    gp_object_t *keys = gp_object_call0(keys_fn);
    if (!keys)
        return -1;
    gp_object_t *it = gp_object_iter(keys);
    GP_DECREF(keys);
    if (!it)
        return -1;
    gp_object_t *key;
    while ((key = gp_iter_next(it))) {
        gp_object_t *value = gp_object_getitem(other, key);
        int r = value ? gp_dict_setitem(d, key, value) : -1;
        GP_XDECREF(value);
        GP_DECREF(key);
        if (r < 0) {
            GP_DECREF(it);
            return -1;
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
}

/* d.update(iterable of pairs), with CPython's messages. */
static int dict_merge_pairs(gp_object_t *d, gp_object_t *iterable)
{
    gp_object_t *it = gp_object_iter(iterable);
    if (!it)
        return -1;
    gp_object_t *item;
    intptr_t index = 0;
    for (; (item = gp_iter_next(it)); index++) {
        gp_object_t *pair = NULL;
        if (gp_tuple_check(item) || gp_list_check(item)) {
            pair = GP_INCREF(item);
        } else {
            gp_object_t *pit = gp_object_iter(item);
            if (pit) {
                pair = gp_list_from_iterable(pit);
                GP_DECREF(pit);
            } else if (gp_err_matches(&gp_exc_TypeError)) {
                gp_err_clear();
                gp_err_format(&gp_exc_TypeError,
                              "cannot convert dictionary update sequence element #%zd to a sequence",
                              index);
            }
        }
        GP_DECREF(item);
        if (!pair)
            goto error;
        intptr_t n = gp_tuple_check(pair) ? GP_TUPLE_SIZE(pair) : GP_LIST_SIZE(pair);
        if (n != 2) {
            gp_err_format(&gp_exc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; 2 is required",
                          index, n);
            GP_DECREF(pair);
            goto error;
        }
        gp_object_t *key, *value;
        if (gp_tuple_check(pair)) {
            key = GP_TUPLE_GET(pair, 0);
            value = GP_TUPLE_GET(pair, 1);
        } else {
            key = GP_LIST_GET(pair, 0);
            value = GP_LIST_GET(pair, 1);
        }
        GP_INCREF(key);
        GP_INCREF(value);
        GP_DECREF(pair);
        int r = gp_dict_setitem(d, key, value);
        GP_DECREF(key);
        GP_DECREF(value);
        if (r < 0)
            goto error;
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
error:
    GP_DECREF(it);
    return -1;
}

int gp_dict_update(gp_object_t *d, gp_object_t *other)
{
    if (dict_is_plain(other))
        return dict_merge_dict((gp_dict_t *)d, (gp_dict_t *)other);
    gp_object_t *keys_fn = gp_object_getattr_opt(other, gp_str_static("keys"));
    if (keys_fn) {
        int r = dict_merge_mapping(d, other, keys_fn);
        GP_DECREF(keys_fn);
        return r;
    }
    if (gp_err_occurred())
        return -1;
    return dict_merge_pairs(d, other);
}

/* Raises TypeError "<func> <rest>" (or just the rest without a func). */
static void kwargs_error(gp_object_t *func, const char *rest, gp_object_t *arg)
{
    gp_object_t *desc = func ? gp_object_function_str(func) : NULL;
    if (func && !desc)
        return;
    if (desc)
        gp_err_format(&gp_exc_TypeError, rest, desc, arg);
    else
        gp_err_format(&gp_exc_TypeError, rest + 3, arg); /* skips "%U " */
    GP_XDECREF(desc);
}

int gp_dict_merge_kwargs(gp_object_t *d, gp_object_t *other, gp_object_t *func)
{
    gp_object_t *keys;
    if (gp_dict_check(other)) {
        keys = gp_dict_keys_list(other);
    } else {
        gp_object_t *keys_fn = gp_object_getattr_opt(other, gp_str_static("keys"));
        if (!keys_fn) {
            if (!gp_err_occurred())
                kwargs_error(func, "%U argument after ** must be a mapping, not %T", other);
            return -1;
        }
        gp_object_t *k = gp_object_call0(keys_fn);
        GP_DECREF(keys_fn);
        keys = k ? gp_list_from_iterable(k) : NULL;
        GP_XDECREF(k);
    }
    if (!keys)
        return -1;
    for (intptr_t i = 0; i < GP_LIST_SIZE(keys); i++) {
        gp_object_t *key = GP_LIST_GET(keys, i);
        if (!gp_str_check(key)) {
            gp_err_set_string(&gp_exc_TypeError, "keywords must be strings");
            goto error;
        }
        int has = gp_dict_contains(d, key);
        if (has < 0)
            goto error;
        if (has) {
            kwargs_error(func, "%U got multiple values for keyword argument '%U'", key);
            goto error;
        }
        gp_object_t *value = gp_object_getitem(other, key);
        if (!value)
            goto error;
        int r = gp_dict_setitem(d, key, value);
        GP_DECREF(value);
        if (r < 0)
            goto error;
    }
    GP_DECREF(keys);
    return 0;
error:
    GP_DECREF(keys);
    return -1;
}

gp_object_t *gp_dict_keys_list(gp_object_t *d)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    gp_object_t *list = gp_list_new((size_t)dict->used);
    if (!list)
        return NULL;
    intptr_t k = 0;
    for (intptr_t i = 0; i < dict->nentries && k < dict->used; i++)
        if (dict->entries[i].key)
            GP_LIST_SET(list, k++, GP_INCREF(dict->entries[i].key));
    return list;
}

gp_object_t *gp_dict_values_list(gp_object_t *d)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    gp_object_t *list = gp_list_new((size_t)dict->used);
    if (!list)
        return NULL;
    intptr_t k = 0;
    for (intptr_t i = 0; i < dict->nentries && k < dict->used; i++)
        if (dict->entries[i].key)
            GP_LIST_SET(list, k++, GP_INCREF(dict->entries[i].value));
    return list;
}

gp_object_t *gp_dict_items_list(gp_object_t *d)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    gp_object_t *list = gp_list_new((size_t)dict->used);
    if (!list)
        return NULL;
    intptr_t k = 0;
    for (intptr_t i = 0; i < dict->nentries && k < dict->used; i++) {
        gp_dict_entry_t *e = &dict->entries[i];
        if (!e->key)
            continue;
        gp_object_t *pair = gp_tuple_pack(2, e->key, e->value);
        if (!pair) {
            /* Fill the rest so the list is valid before releasing it. */
            while (k < dict->used)
                GP_LIST_SET(list, k++, gp_none_new());
            GP_DECREF(list);
            return NULL;
        }
        GP_LIST_SET(list, k++, pair);
    }
    return list;
}

gp_object_t *gp_dict_pop(gp_object_t *d, gp_object_t *key, gp_object_t *deflt)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    intptr_t hash = gp_hash_fast(key);
    if (hash == -1)
        return NULL;
    intptr_t ix = dict->used ? dict_lookup(dict, key, hash) : -1;
    if (ix == -2)
        return NULL;
    if (ix == -1) {
        if (deflt)
            return GP_INCREF(deflt);
        gp_dict_raise_key_error(key);
        return NULL;
    }
    gp_object_t *k, *v;
    dict_unlink(dict, ix, hash, &k, &v);
    GP_DECREF(k);
    return v;
}

gp_object_t *gp_dict_setdefault(gp_object_t *d, gp_object_t *key, gp_object_t *value)
{
    gp_dict_t *dict = (gp_dict_t *)d;
    intptr_t hash = gp_hash_fast(key);
    if (hash == -1)
        return NULL;
    intptr_t ix = dict_lookup(dict, key, hash);
    if (ix == -2)
        return NULL;
    if (ix >= 0)
        return dict->entries[ix].value;
    if (dict_insert_absent(dict, key, hash, value) < 0)
        return NULL;
    return value;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */
/* ------------------------------------------------------------------ */

static void dict_dealloc(gp_object_t *self)
{
    gp_dict_t *d = (gp_dict_t *)self;
    gp_gc_untrack(self);
    if (!gp_gc_trashcan_begin(self, dict_dealloc))
        return;
    if (d->indices) {
        for (intptr_t i = 0; i < d->nentries; i++) {
            if (d->entries[i].key) {
                GP_DECREF(d->entries[i].key);
                GP_DECREF(d->entries[i].value);
            }
        }
        gp_mem_free(d->indices);
    }
    gp_object_free(self);
    gp_gc_trashcan_end();
}

static int dict_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_dict_t *d = (gp_dict_t *)self;
    for (intptr_t i = 0; i < d->nentries; i++) {
        gp_dict_entry_t *e = &d->entries[i];
        if (!e->key)
            continue;
        int r;
        if (GP_IS_PTR(e->key) && (r = visit(e->key, arg)))
            return r;
        if (GP_IS_PTR(e->value) && (r = visit(e->value, arg)))
            return r;
    }
    return 0;
}

static int dict_clear_slot(gp_object_t *self)
{
    gp_dict_clear(self);
    return 0;
}

static gp_object_t *dict_repr(gp_object_t *self)
{
    gp_dict_t *d = (gp_dict_t *)self;
    if (d->used == 0)
        return gp_str_from_cstr("{}");
    int status = gp_repr_enter(self);
    if (status != 0)
        return status > 0 ? gp_str_from_cstr("{...}") : NULL;
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    gp_strbuf_append_char(&buf, '{');
    bool first = true;
    /* Entries are re-read each step: a __repr__ may mutate the dict. */
    for (intptr_t i = 0; i < d->nentries; i++) {
        gp_dict_entry_t *e = &d->entries[i];
        if (!e->key)
            continue;
        gp_object_t *key = GP_INCREF(e->key), *value = GP_INCREF(e->value);
        if (!first)
            gp_strbuf_append(&buf, ", ", 2);
        first = false;
        gp_object_t *r = gp_object_repr(key);
        if (r) {
            gp_strbuf_append_str(&buf, r);
            GP_DECREF(r);
            gp_strbuf_append(&buf, ": ", 2);
            r = gp_object_repr(value);
        }
        GP_DECREF(key);
        GP_DECREF(value);
        if (!r) {
            gp_strbuf_discard(&buf);
            gp_repr_leave(self);
            return NULL;
        }
        gp_strbuf_append_str(&buf, r);
        GP_DECREF(r);
    }
    gp_strbuf_append_char(&buf, '}');
    gp_repr_leave(self);
    return gp_strbuf_finish(&buf);
}

/* a == b for two dicts: 1/0, -1 on error. */
static int dict_equal(gp_dict_t *a, gp_dict_t *b)
{
    if (a->used != b->used)
        return 0;
    for (intptr_t i = 0; i < a->nentries; i++) {
        gp_dict_entry_t *e = &a->entries[i];
        if (!e->key)
            continue;
        gp_object_t *key = GP_INCREF(e->key), *avalue = GP_INCREF(e->value);
        intptr_t ix = dict_lookup(b, key, e->hash);
        int r;
        if (ix == -2) {
            r = -1;
        } else if (ix == -1) {
            r = 0;
        } else {
            gp_object_t *bvalue = GP_INCREF(b->entries[ix].value);
            r = gp_object_eq(avalue, bvalue);
            GP_DECREF(bvalue);
        }
        GP_DECREF(key);
        GP_DECREF(avalue);
        if (r <= 0)
            return r;
    }
    return 1;
}

static gp_object_t *dict_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_dict_check(a) || !gp_dict_check(b) || (op != GP_CMP_EQ && op != GP_CMP_NE))
        return GP_INCREF(gp_NotImplemented);
    int eq = a == b ? 1 : dict_equal((gp_dict_t *)a, (gp_dict_t *)b);
    if (eq < 0)
        return NULL;
    return gp_bool_from((op == GP_CMP_EQ) == (eq == 1));
}

static intptr_t dict_len(gp_object_t *self)
{
    return ((gp_dict_t *)self)->used;
}

static gp_object_t *dict_getitem(gp_object_t *self, gp_object_t *key)
{
    gp_dict_t *d = (gp_dict_t *)self;
    intptr_t hash = gp_hash_fast(key);
    if (hash == -1)
        return NULL;
    intptr_t ix = dict_lookup(d, key, hash);
    if (ix >= 0)
        return GP_INCREF(d->entries[ix].value);
    if (ix == -2)
        return NULL;
    if (GP_TYPE(self) != &gp_dict_type) {
        gp_object_t *missing = gp_type_lookup_cstr(GP_TYPE(self), "__missing__");
        if (missing) {
            gp_object_t *args[2] = {self, key};
            GP_INCREF(missing);
            gp_object_t *r = gp_object_call(missing, args, 2, NULL);
            GP_DECREF(missing);
            return r;
        }
    }
    gp_dict_raise_key_error(key);
    return NULL;
}

static int dict_setitem(gp_object_t *self, gp_object_t *key, gp_object_t *value)
{
    if (value)
        return gp_dict_setitem(self, key, value);
    return gp_dict_delitem(self, key);
}

static int dict_contains(gp_object_t *self, gp_object_t *key)
{
    return gp_dict_contains(self, key);
}

static gp_object_t *dict_iter(gp_object_t *self)
{
    return gp_dict_iter_new(self, GP_DICT_ITER_KEYS, false);
}

static gp_object_t *dict_binop(gp_object_t *a, gp_object_t *b, int op)
{
    if ((op & ~GP_BINOP_INPLACE) != GP_BINOP_OR)
        return GP_INCREF(gp_NotImplemented);
    if (op & GP_BINOP_INPLACE) {
        if (!gp_dict_check(a))
            return GP_INCREF(gp_NotImplemented);
        if (gp_dict_update(a, b) < 0)
            return NULL;
        return GP_INCREF(a);
    }
    if (!gp_dict_check(a) || !gp_dict_check(b))
        return GP_INCREF(gp_NotImplemented);
    gp_object_t *result = gp_dict_copy(a);
    if (!result)
        return NULL;
    if (gp_dict_update(result, b) < 0) {
        GP_DECREF(result);
        return NULL;
    }
    return result;
}

static gp_object_t *dict_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    gp_object_t *d = gp_object_alloc(type, 0);
    /* A subclass instance may get attributes (a __dict__) that hold cycles. */
    if (d && type != &gp_dict_type)
        gp_gc_track(d);
    return d;
}

/* Adds the keyword arguments of a call (values after the positionals). */
static int dict_update_kwargs(gp_object_t *d, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (!kwnames)
        return 0;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(kwnames); i++)
        if (gp_dict_setitem(d, GP_TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0)
            return -1;
    return 0;
}

static int dict_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                     gp_object_t *kwnames)
{
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "dict expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    if (nargs == 1 && gp_dict_update(self, args[0]) < 0)
        return -1;
    return dict_update_kwargs(self, args, nargs, kwnames);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *dict_method_get(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if ((nargs < 1 || nargs > 2) && gp_check_positional("get", nargs, 1, 2) < 0)
        return NULL;
    gp_dict_t *d = (gp_dict_t *)self;
    intptr_t hash = gp_hash_fast(args[0]);
    if (hash == -1)
        return NULL;
    intptr_t ix = dict_lookup(d, args[0], hash);
    if (ix == -2)
        return NULL;
    if (ix >= 0)
        return GP_INCREF(d->entries[ix].value);
    return GP_INCREF(nargs == 2 ? args[1] : gp_None);
}

static gp_object_t *dict_method_setdefault(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_positional("setdefault", nargs, 1, 2) < 0)
        return NULL;
    gp_object_t *r = gp_dict_setdefault(self, args[0], nargs == 2 ? args[1] : gp_None);
    return r ? GP_INCREF(r) : NULL;
}

static gp_object_t *dict_method_pop(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_check_positional("pop", nargs, 1, 2) < 0)
        return NULL;
    return gp_dict_pop(self, args[0], nargs == 2 ? args[1] : NULL);
}

static gp_object_t *dict_method_popitem(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_noargs("dict.popitem", nargs) < 0)
        return NULL;
    gp_dict_t *d = (gp_dict_t *)self;
    if (d->used == 0) {
        gp_err_set_string(&gp_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    intptr_t ix = d->nentries - 1;
    while (!d->entries[ix].key)
        ix--;
    gp_object_t *pair = gp_tuple_new(2);
    if (!pair)
        return NULL;
    gp_object_t *k, *v;
    dict_unlink(d, ix, d->entries[ix].hash, &k, &v);
    d->nentries = ix; /* LIFO: the popped slot and any deleted tail are reused */
    GP_TUPLE_SET(pair, 0, k);
    GP_TUPLE_SET(pair, 1, v);
    return pair;
}

static gp_object_t *dict_method_update(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "update expected at most 1 argument, got %zu", nargs);
        return NULL;
    }
    if (nargs == 1 && gp_dict_update(self, args[0]) < 0)
        return NULL;
    if (dict_update_kwargs(self, args, nargs, kwnames) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *dict_method_keys(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_check_noargs("dict.keys", nargs) < 0)
        return NULL;
    return gp_dict_view_new(self, GP_DICT_ITER_KEYS);
}

static gp_object_t *dict_method_values(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_noargs("dict.values", nargs) < 0)
        return NULL;
    return gp_dict_view_new(self, GP_DICT_ITER_VALUES);
}

static gp_object_t *dict_method_items(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_check_noargs("dict.items", nargs) < 0)
        return NULL;
    return gp_dict_view_new(self, GP_DICT_ITER_ITEMS);
}

static gp_object_t *dict_method_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_check_noargs("dict.copy", nargs) < 0)
        return NULL;
    return gp_dict_copy(self);
}

static gp_object_t *dict_method_clear(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_check_noargs("dict.clear", nargs) < 0)
        return NULL;
    gp_dict_clear(self);
    return gp_none_new();
}

static gp_object_t *dict_method_fromkeys(gp_object_t *cls, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_positional("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    gp_object_t *value = nargs == 2 ? args[1] : gp_None;
    gp_object_t *d = gp_object_call0(cls);
    if (!d)
        return NULL;
    bool plain = gp_dict_check_exact(d);
    gp_object_t *src = args[0];
    if (plain && (GP_IS_TYPE(src, gp_set_type) || GP_IS_TYPE(src, gp_frozenset_type) ||
                  gp_dict_check_exact(src))) {
        /* The keys' hashes are stored already: they are not computed again,
           which a key's __hash__ could observe (CPython does the same). */
        /* Each key is held while it is inserted: a key's __eq__ may change
           the source under us. */
        gp_object_t *key;
        intptr_t hash, pos = 0;
        bool from_dict = gp_dict_check_exact(src);
        for (;;) {
            if (from_dict) {
                gp_dict_t *sd = (gp_dict_t *)src;
                while (pos < sd->nentries && !sd->entries[pos].key)
                    pos++;
                if (pos >= sd->nentries)
                    break;
                key = sd->entries[pos].key;
                hash = sd->entries[pos].hash;
                pos++;
            } else if (!gp_set_next_hashed(src, &pos, &key, &hash)) {
                break;
            }
            GP_INCREF(key);
            int r = dict_insert((gp_dict_t *)d, key, hash, value);
            GP_DECREF(key);
            if (r < 0)
                goto error;
        }
        return d;
    }
    gp_object_t *it = gp_object_iter(src);
    if (!it)
        goto error;
    gp_object_t *key;
    while ((key = gp_iter_next(it))) {
        int r = plain ? gp_dict_setitem(d, key, value) : gp_object_setitem(d, key, value);
        GP_DECREF(key);
        if (r < 0) {
            GP_DECREF(it);
            goto error;
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        goto error;
    return d;
error:
    GP_DECREF(d);
    return NULL;
}

static gp_object_t *dict_method_contains(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_onearg("dict.__contains__", nargs) < 0)
        return NULL;
    int r = gp_dict_contains(self, args[0]);
    return r < 0 ? NULL : gp_bool_from(r);
}

static gp_object_t *dict_method_reversed(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_noargs("dict.__reversed__", nargs) < 0)
        return NULL;
    return gp_dict_iter_new(self, GP_DICT_ITER_KEYS, true);
}

static const gp_method_def_t dict_methods[] = {
    {"get", dict_method_get, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_method_setdefault, 0, "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dict_method_pop, 0, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", dict_method_popitem, 0, "Remove and return a (key, value) pair as a 2-tuple."},
    {"update", dict_method_update, GP_METH_KEYWORDS, "D.update([E, ]**F) -> None."},
    {"keys", dict_method_keys, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", dict_method_values, 0, "D.values() -> an object providing a view on D's values"},
    {"items", dict_method_items, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", dict_method_copy, 0, "D.copy() -> a shallow copy of D"},
    {"clear", dict_method_clear, 0, "D.clear() -> None.  Remove all items from D."},
    {"fromkeys", dict_method_fromkeys, GP_METH_CLASS, "Create a new dictionary with keys from iterable and values set to value."},
    {"__contains__", dict_method_contains, 0, "True if the dictionary has the specified key, else False."},
    {"__reversed__", dict_method_reversed, 0, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_dict_type = {
    GP_TYPE_HEAD_INIT,
    .name = "dict",
    .basicsize = sizeof(gp_dict_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC | GP_TYPE_FLAG_DICT_SUBCLASS,
    .dealloc = dict_dealloc,
    .new_ = dict_new,
    .init = dict_init,
    .repr = dict_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = dict_richcompare,
    .iter = dict_iter,
    .binop = dict_binop,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .traverse = dict_traverse,
    .clear = dict_clear_slot,
    .methods = dict_methods,
    .doc = "dict() -> new empty dictionary",
};
