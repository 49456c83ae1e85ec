/*
 * dict.h - the dict's layout and its version-tagged lookup, for the VM.
 *
 * Design notes
 * ------------
 * The dict is CPython 3.6's compact ordered table:
 *
 *   indices:  int32 slots, a power of two; each is EMPTY (-1), DUMMY (-2,
 *             a deleted key that probing must step over) or the position
 *             of an entry;
 *   entries:  a dense array in insertion order of {hash, key, value}; a
 *             deleted entry keeps its place with key == NULL until the
 *             next resize compacts the array.
 *
 * Both live in one allocation (indices first). A dict that never held a key
 * has no table at all, so `{}` costs one small allocation.
 *
 * Versions and caches. `version` is bumped whenever the *set of keys or the
 * position of an entry* can change: an insertion of a new key, a deletion,
 * a resize (which moves entries), clear(). Replacing the value of an
 * existing key does not bump it. So, for a dict [d] that a cache keeps alive:
 *
 *     if gp_dict_version(d) is unchanged since gp_dict_lookup_index(d, k)
 *     returned [ix], then k is still at entry [ix] (read its value with
 *     gp_dict_entry_value(d, ix): the value may have been replaced); and
 *     if the lookup returned -1 (absent), k is still absent.
 *
 * Versions are per dict and start at 0, so a cache must also know the dict
 * is the same object (hold a reference, or key on an object that does).
 */
#ifndef GP_DICT_H
#define GP_DICT_H

#include "obj/object.h"

typedef struct gp_dict_entry {
    intptr_t hash;
    gp_object_t *key; /* NULL: deleted */
    gp_object_t *value;
} gp_dict_entry_t;

typedef struct gp_dict {
    gp_object_t base;
    intptr_t used;     /* live items: len(d) */
    intptr_t nentries; /* entries[0..nentries) have been filled, deleted ones included */
    intptr_t usable;   /* capacity of entries */
    intptr_t mask;     /* number of index slots - 1 (0 when there is no table) */
    uint64_t version;
    int32_t *indices;  /* NULL when the dict never held a key */
    gp_dict_entry_t *entries;
} gp_dict_t;

/* Index of [key]'s entry (with its precomputed [hash]); -1 if absent; -2
   with an exception set if a key comparison failed. */
intptr_t gp_dict_lookup_index(gp_object_t *d, gp_object_t *key, intptr_t hash);

/* Borrowed value of entry [index] (valid per the version rule above). */
static inline gp_object_t *gp_dict_entry_value(gp_object_t *d, intptr_t index)
{
    return ((gp_dict_t *)d)->entries[index].value;
}

/* d[key] = value with a precomputed hash; does not steal. */
int gp_dict_setitem_hash(gp_object_t *d, gp_object_t *key, intptr_t hash, gp_object_t *value);
/* d.pop(key, default): a new reference; [deflt] NULL raises KeyError. */
gp_object_t *gp_dict_pop(gp_object_t *d, gp_object_t *key, gp_object_t *deflt);
/* d.setdefault(key, value): borrowed result. */
gp_object_t *gp_dict_setdefault(gp_object_t *d, gp_object_t *key, gp_object_t *value);
/* New lists of the values / (key, value) tuples, in order. */
gp_object_t *gp_dict_values_list(gp_object_t *d);
gp_object_t *gp_dict_items_list(gp_object_t *d);
/* Raises KeyError(key) the way CPython does (the key itself as the arg). */
void gp_dict_raise_key_error(gp_object_t *key);

/* The view and iterator types (dictview.c). */
extern gp_type_t gp_dict_keys_type, gp_dict_values_type, gp_dict_items_type,
    gp_dict_keyiterator_type, gp_dict_valueiterator_type, gp_dict_itemiterator_type,
    gp_dict_reversekeyiterator_type, gp_dict_reversevalueiterator_type,
    gp_dict_reverseitemiterator_type;

/* Kinds of dict iteration, for gp_dict_iter_new. */
typedef enum { GP_DICT_ITER_KEYS, GP_DICT_ITER_VALUES, GP_DICT_ITER_ITEMS } gp_dict_iter_kind_t;
gp_object_t *gp_dict_iter_new(gp_object_t *d, gp_dict_iter_kind_t kind, bool reversed);
/* d.keys(), d.values(), d.items(). */
gp_object_t *gp_dict_view_new(gp_object_t *d, gp_dict_iter_kind_t kind);

#endif /* GP_DICT_H */
