/*
 * set.c - set and frozenset, and the set iterator.
 *
 * Design notes
 * ------------
 * Both types share one layout: an open-addressing table of {key, hash}
 * entries. A small table of 8 entries is embedded in the object, so small
 * sets cost a single allocation. An entry is unused (key NULL), active, or a
 * dummy (a deleted key, marked by the `set_dummy` sentinel and hash -1)
 * that probes must step over.
 *
 * The probe sequence, growth policy and merge shortcuts follow CPython's
 * setobject.c on purpose: iteration order is visible (print({3, 1, 2})
 * shows "{1, 2, 3}"), and scripts compared against CPython's output depend
 * on it for ints, whose hash is their value. Probing checks LINEAR_PROBES
 * neighbouring entries (cache friendly) before jumping with the same
 * perturbation recurrence as the dict. The table is resized when it is 60%
 * full, to 4x the live items (2x beyond 50,000).
 *
 * Comparisons of keys may run arbitrary __eq__ code; the lookup then checks
 * that the table and the entry are unchanged and restarts otherwise.
 *
 * Operators (| & - ^ and the comparisons) accept only sets and frozensets;
 * the named methods accept any iterable, as in CPython. Results of binary
 * operations take the type of the left operand's base (set or frozenset).
 * A set used as a key (`{1} in s`, s.remove({1})) is looked up as the
 * equivalent frozenset.
 */
#include <string.h>

#include "obj/containers.h"
#include "obj/dict.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct set_entry {
    gp_object_t *key;
    intptr_t hash;
} set_entry_t;

typedef struct gp_set {
    gp_object_t base;
    intptr_t fill; /* active + dummy entries */
    intptr_t used; /* active entries */
    intptr_t mask; /* table size - 1 */
    set_entry_t *table;
    intptr_t hash;   /* frozenset hash cache, -1 until computed */
    intptr_t finger; /* where pop() looks next */
    set_entry_t smalltable[SET_MINSIZE];
} gp_set_t;

typedef struct set_iterator {
    gp_object_t base;
    gp_object_t *set; /* NULL once exhausted */
    intptr_t used;    /* the set's size when iteration started */
    intptr_t pos;
    intptr_t len;
} set_iterator_t;

/* The dummy key. Only its address matters: it is never INCREF'd or seen. */
static gp_object_t set_dummy_struct = GP_OBJECT_HEAD_INIT(&gp_object_type);
#define set_dummy (&set_dummy_struct)

#define SET(o) ((gp_set_t *)(o))

bool gp_anyset_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && (GP_IS_TYPE(o, gp_set_type) || GP_IS_TYPE(o, gp_frozenset_type) ||
                            gp_type_is_subtype(o->type, &gp_set_type) ||
                            gp_type_is_subtype(o->type, &gp_frozenset_type));
}

static bool set_is_frozen(gp_object_t *o)
{
    return GP_IS_TYPE(o, gp_frozenset_type) || gp_type_is_subtype(GP_TYPE(o), &gp_frozenset_type);
}

static bool set_check_mutable(gp_object_t *o)
{
    return GP_IS_PTR(o) && (GP_IS_TYPE(o, gp_set_type) || gp_type_is_subtype(o->type, &gp_set_type));
}

/* ------------------------------------------------------------------ */
/* The table                                                            */
/* ------------------------------------------------------------------ */

/* The entry holding [key], or an unused entry if it is absent; NULL on error. */
static set_entry_t *set_lookkey(gp_set_t *so, gp_object_t *key, intptr_t hash)
{
restart:;
    set_entry_t *table = so->table;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    for (;;) {
        set_entry_t *entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                gp_object_t *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (GP_IS_PTR(startkey) && GP_IS_PTR(key) && startkey->type == &gp_str_type &&
                    key->type == &gp_str_type) {
                    if (gp_str_exact_eq(startkey, key))
                        return entry;
                } else {
                    GP_INCREF(startkey);
                    int cmp = gp_object_eq(startkey, key);
                    GP_DECREF(startkey);
                    if (cmp < 0)
                        return NULL;
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    if (cmp > 0)
                        return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Inserts a key known to be absent into a table without dummies. */
static void set_insert_clean(set_entry_t *table, size_t mask, gp_object_t *key, intptr_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        set_entry_t *entry = &table[i];
        if (entry->key == NULL)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

static int set_table_resize(gp_set_t *so, intptr_t minused)
{
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
        if (newsize > (SIZE_MAX / sizeof(set_entry_t)) / 2) {
            gp_err_no_memory();
            return -1;
        }
    }
    set_entry_t *oldtable = so->table;
    size_t oldmask = (size_t)so->mask;
    bool oldtable_malloced = oldtable != so->smalltable;
    set_entry_t small_copy[SET_MINSIZE];
    set_entry_t *newtable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0; /* no dummies to purge */
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        newtable = gp_mem_calloc(newsize, sizeof(set_entry_t));
        if (!newtable) {
            gp_err_no_memory();
            return -1;
        }
    }
    if (newtable == so->smalltable)
        memset(newtable, 0, sizeof(so->smalltable));
    so->mask = (intptr_t)newsize - 1;
    so->table = newtable;
    size_t newmask = newsize - 1;
    if (so->fill == so->used) {
        for (size_t i = 0; i <= oldmask; i++)
            if (oldtable[i].key)
                set_insert_clean(newtable, newmask, oldtable[i].key, oldtable[i].hash);
    } else {
        so->fill = so->used;
        for (size_t i = 0; i <= oldmask; i++)
            if (oldtable[i].key && oldtable[i].key != set_dummy)
                set_insert_clean(newtable, newmask, oldtable[i].key, oldtable[i].hash);
    }
    if (oldtable_malloced)
        gp_mem_free(oldtable);
    return 0;
}

/* Adds [key] (borrowed) with its [hash]. */
static int set_add_entry(gp_set_t *so, gp_object_t *key, intptr_t hash)
{
    GP_INCREF(key); /* the comparisons below may otherwise free it */
restart:;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    size_t perturb = (size_t)hash;
    set_entry_t *freeslot = NULL;
    set_entry_t *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                gp_object_t *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (GP_IS_PTR(startkey) && GP_IS_PTR(key) && startkey->type == &gp_str_type &&
                    key->type == &gp_str_type) {
                    if (gp_str_exact_eq(startkey, key))
                        goto found_active;
                } else {
                    set_entry_t *table = so->table;
                    GP_INCREF(startkey);
                    int cmp = gp_object_eq(startkey, key);
                    GP_DECREF(startkey);
                    if (cmp > 0)
                        goto found_active;
                    if (cmp < 0)
                        goto comparison_error;
                    if (table != so->table || entry->key != startkey)
                        goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1 && entry->key == set_dummy) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }

found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);

found_active:
    GP_DECREF(key);
    return 0;

comparison_error:
    GP_DECREF(key);
    return -1;
}

/* 1 removed, 0 absent, -1 error. */
static int set_discard_entry(gp_set_t *so, gp_object_t *key, intptr_t hash)
{
    set_entry_t *entry = set_lookkey(so, key, hash);
    if (!entry)
        return -1;
    if (entry->key == NULL)
        return 0;
    gp_object_t *old = entry->key;
    entry->key = set_dummy;
    entry->hash = -1;
    so->used--;
    GP_DECREF(old);
    return 1;
}

/* 1/0, -1 on error. */
static int set_contains_entry(gp_set_t *so, gp_object_t *key, intptr_t hash)
{
    set_entry_t *entry = set_lookkey(so, key, hash);
    if (!entry)
        return -1;
    return entry->key != NULL;
}

/* The hash of a key, retrying an unhashable set as the equivalent frozenset:
   *alias receives that frozenset (a new reference) to use as the key. */
static intptr_t set_key_hash(gp_object_t *key, gp_object_t **alias)
{
    *alias = NULL;
    intptr_t hash = gp_hash_fast(key);
    if (hash != -1 || !set_check_mutable(key) || !gp_err_matches(&gp_exc_TypeError))
        return hash;
    gp_err_clear();
    *alias = gp_frozenset_new(key);
    if (!*alias)
        return -1;
    return gp_object_hash(*alias);
}

/* Empties the set, releasing its keys after it is consistent. */
static void set_clear_internal(gp_set_t *so)
{
    set_entry_t *table = so->table;
    bool malloced = table != so->smalltable;
    intptr_t fill = so->fill;
    set_entry_t small_copy[SET_MINSIZE];
    if (!malloced) {
        if (fill == 0)
            return;
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->fill = so->used = 0;
    so->hash = -1;
    for (set_entry_t *entry = table; fill > 0; entry++) {
        if (entry->key) {
            fill--;
            if (entry->key != set_dummy)
                GP_DECREF(entry->key);
        }
    }
    if (malloced)
        gp_mem_free(table);
}

/* Walks active entries: *pos starts at 0. */
static bool set_next_entry(gp_set_t *so, intptr_t *pos, set_entry_t **entry)
{
    intptr_t i = *pos;
    while (i <= so->mask && (so->table[i].key == NULL || so->table[i].key == set_dummy))
        i++;
    *pos = i + 1;
    if (i > so->mask)
        return false;
    *entry = &so->table[i];
    return true;
}

bool gp_set_next_hashed(gp_object_t *set, intptr_t *pos, gp_object_t **key, intptr_t *hash)
{
    set_entry_t *entry;
    if (!set_next_entry(SET(set), pos, &entry))
        return false;
    *key = entry->key;
    *hash = entry->hash;
    return true;
}

/* Adds every key of another set. */
static int set_merge(gp_set_t *so, gp_set_t *other)
{
    if (other == so || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) < 0)
            return -1;
    }
    set_entry_t *so_entry = so->table, *other_entry = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        /* Same size, empty target, no dummies: copy the table verbatim. */
        for (intptr_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            if (other_entry->key) {
                so_entry->key = GP_INCREF(other_entry->key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (intptr_t i = 0; i <= other->mask; i++, other_entry++) {
            gp_object_t *key = other_entry->key;
            if (key && key != set_dummy)
                set_insert_clean(so->table, (size_t)so->mask, GP_INCREF(key), other_entry->hash);
        }
        return 0;
    }
    for (intptr_t i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        gp_object_t *key = other_entry->key;
        if (key && key != set_dummy) {
            if (set_add_entry(so, key, other_entry->hash) < 0)
                return -1;
        }
    }
    return 0;
}

static int set_add_key(gp_set_t *so, gp_object_t *key)
{
    intptr_t hash = gp_hash_fast(key);
    if (hash == -1)
        return -1;
    return set_add_entry(so, key, hash);
}

static int set_update_internal(gp_set_t *so, gp_object_t *other)
{
    if (gp_anyset_check(other))
        return set_merge(so, SET(other));
    if (gp_dict_check_exact(other)) {
        gp_dict_t *d = (gp_dict_t *)other;
        if ((so->fill + d->used) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + d->used) * 2) < 0)
                return -1;
        }
        for (intptr_t i = 0; i < d->nentries; i++) {
            gp_dict_entry_t *e = &d->entries[i];
            if (e->key && set_add_entry(so, e->key, e->hash) < 0)
                return -1;
        }
        return 0;
    }
    if (gp_list_items_direct(other) || gp_tuple_items_direct(other)) {
        bool is_list = gp_list_check(other);
        for (intptr_t i = 0; i < (is_list ? GP_LIST_SIZE(other) : GP_TUPLE_SIZE(other)); i++) {
            gp_object_t *key = is_list ? GP_LIST_GET(other, i) : GP_TUPLE_GET(other, i);
            GP_INCREF(key);
            int r = set_add_key(so, key);
            GP_DECREF(key);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    gp_object_t *it = gp_object_iter(other);
    if (!it)
        return -1;
    gp_object_t *key;
    while ((key = gp_iter_next(it))) {
        int r = set_add_key(so, key);
        GP_DECREF(key);
        if (r < 0) {
            GP_DECREF(it);
            return -1;
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Construction and public API                                          */
/* ------------------------------------------------------------------ */

static gp_object_t *set_alloc(gp_type_t *type)
{
    gp_set_t *so = (gp_set_t *)gp_object_alloc(type, 0);
    if (!so)
        return NULL;
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->hash = -1;
    return (gp_object_t *)so;
}

/* A new set of [type] holding the items of [iterable] (may be NULL). */
static gp_object_t *set_make(gp_type_t *type, gp_object_t *iterable)
{
    gp_object_t *so = set_alloc(type);
    if (!so)
        return NULL;
    gp_gc_track(so);
    if (iterable && set_update_internal(SET(so), iterable) < 0) {
        GP_DECREF(so);
        return NULL;
    }
    return so;
}

/* A new set or frozenset (whichever [like] derives from) of [iterable]. */
static gp_object_t *set_make_like(gp_object_t *like, gp_object_t *iterable)
{
    return set_make(set_is_frozen(like) ? &gp_frozenset_type : &gp_set_type, iterable);
}

gp_object_t *gp_set_new(gp_object_t *iterable)
{
    return set_make(&gp_set_type, iterable);
}

gp_object_t *gp_frozenset_new(gp_object_t *iterable)
{
    return set_make(&gp_frozenset_type, iterable);
}

int gp_set_add(gp_object_t *set, gp_object_t *item)
{
    return set_add_key(SET(set), item);
}

int gp_set_discard(gp_object_t *set, gp_object_t *item)
{
    gp_object_t *alias;
    intptr_t hash = set_key_hash(item, &alias);
    if (hash == -1)
        return -1;
    int r = set_discard_entry(SET(set), alias ? alias : item, hash);
    GP_XDECREF(alias);
    return r;
}

int gp_set_contains(gp_object_t *set, gp_object_t *item)
{
    gp_object_t *alias;
    intptr_t hash = set_key_hash(item, &alias);
    if (hash == -1)
        return -1;
    int r = set_contains_entry(SET(set), alias ? alias : item, hash);
    GP_XDECREF(alias);
    return r;
}

intptr_t gp_set_size(gp_object_t *set)
{
    return SET(set)->used;
}

bool gp_set_next(gp_object_t *set, intptr_t *pos, gp_object_t **item)
{
    set_entry_t *entry;
    if (!set_next_entry(SET(set), pos, &entry))
        return false;
    *item = entry->key;
    return true;
}

/* ------------------------------------------------------------------ */
/* Set algebra                                                          */
/* ------------------------------------------------------------------ */

static gp_object_t *set_copy_of(gp_object_t *so)
{
    return set_make_like(so, so);
}

static gp_object_t *set_intersection(gp_object_t *so_obj, gp_object_t *other)
{
    if (so_obj == other)
        return set_copy_of(so_obj);
    gp_object_t *result = set_make_like(so_obj, NULL);
    if (!result)
        return NULL;
    gp_set_t *so = SET(so_obj);
    if (gp_anyset_check(other)) {
        gp_set_t *o = SET(other);
        if (o->used > so->used) {
            gp_set_t *t = so;
            so = o;
            o = t;
        }
        intptr_t pos = 0;
        set_entry_t *entry;
        while (set_next_entry(o, &pos, &entry)) {
            gp_object_t *key = GP_INCREF(entry->key);
            intptr_t hash = entry->hash;
            int r = set_contains_entry(so, key, hash);
            if (r > 0)
                r = set_add_entry(SET(result), key, hash);
            GP_DECREF(key);
            if (r < 0)
                goto error;
        }
        return result;
    }
    gp_object_t *it = gp_object_iter(other);
    if (!it)
        goto error;
    gp_object_t *key;
    while ((key = gp_iter_next(it))) {
        intptr_t hash = gp_hash_fast(key);
        int r = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (r > 0)
            r = set_add_entry(SET(result), key, hash);
        GP_DECREF(key);
        if (r < 0) {
            GP_DECREF(it);
            goto error;
        }
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        goto error;
    return result;
error:
    GP_DECREF(result);
    return NULL;
}

static int set_difference_update_internal(gp_set_t *so, gp_object_t *other)
{
    if ((gp_object_t *)so == other) {
        set_clear_internal(so);
        return 0;
    }
    if (gp_anyset_check(other)) {
        gp_object_t *o;
        if ((SET(other)->used >> 3) > so->used) {
            o = set_intersection((gp_object_t *)so, other);
            if (!o)
                return -1;
        } else {
            o = GP_INCREF(other);
        }
        intptr_t pos = 0;
        set_entry_t *entry;
        while (set_next_entry(SET(o), &pos, &entry)) {
            gp_object_t *key = GP_INCREF(entry->key);
            int r = set_discard_entry(so, key, entry->hash);
            GP_DECREF(key);
            if (r < 0) {
                GP_DECREF(o);
                return -1;
            }
        }
        GP_DECREF(o);
    } else {
        gp_object_t *it = gp_object_iter(other);
        if (!it)
            return -1;
        gp_object_t *key;
        while ((key = gp_iter_next(it))) {
            int r = gp_set_discard((gp_object_t *)so, key);
            GP_DECREF(key);
            if (r < 0) {
                GP_DECREF(it);
                return -1;
            }
        }
        GP_DECREF(it);
        if (gp_err_occurred())
            return -1;
    }
    /* More than a quarter dummies: rebuild the table without them. */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static gp_object_t *set_difference(gp_object_t *so_obj, gp_object_t *other)
{
    gp_set_t *so = SET(so_obj);
    intptr_t other_size;
    if (gp_anyset_check(other))
        other_size = SET(other)->used;
    else if (gp_dict_check_exact(other))
        other_size = gp_dict_size(other);
    else
        other_size = -1;
    if (other_size < 0 || (so->used >> 2) > other_size) {
        gp_object_t *result = set_copy_of(so_obj);
        if (!result)
            return NULL;
        if (set_difference_update_internal(SET(result), other) < 0) {
            GP_DECREF(result);
            return NULL;
        }
        return result;
    }
    gp_object_t *result = set_make_like(so_obj, NULL);
    if (!result)
        return NULL;
    intptr_t pos = 0;
    set_entry_t *entry;
    while (set_next_entry(so, &pos, &entry)) {
        gp_object_t *key = GP_INCREF(entry->key);
        intptr_t hash = entry->hash;
        int r;
        if (gp_anyset_check(other)) {
            r = set_contains_entry(SET(other), key, hash);
        } else {
            intptr_t ix = gp_dict_lookup_index(other, key, hash);
            r = ix == -2 ? -1 : ix >= 0;
        }
        if (r == 0)
            r = set_add_entry(SET(result), key, hash);
        GP_DECREF(key);
        if (r < 0) {
            GP_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static int set_symmetric_difference_update_internal(gp_set_t *so, gp_object_t *other)
{
    if ((gp_object_t *)so == other) {
        set_clear_internal(so);
        return 0;
    }
    gp_object_t *o = gp_anyset_check(other) ? GP_INCREF(other) : set_make_like((gp_object_t *)so, other);
    if (!o)
        return -1;
    intptr_t pos = 0;
    set_entry_t *entry;
    while (set_next_entry(SET(o), &pos, &entry)) {
        gp_object_t *key = GP_INCREF(entry->key);
        intptr_t hash = entry->hash;
        int r = set_discard_entry(so, key, hash);
        if (r == 0)
            r = set_add_entry(so, key, hash);
        GP_DECREF(key);
        if (r < 0) {
            GP_DECREF(o);
            return -1;
        }
    }
    GP_DECREF(o);
    return 0;
}

static gp_object_t *set_symmetric_difference(gp_object_t *so, gp_object_t *other)
{
    gp_object_t *result = set_make_like(so, other);
    if (!result)
        return NULL;
    if (set_symmetric_difference_update_internal(SET(result), so) < 0) {
        GP_DECREF(result);
        return NULL;
    }
    return result;
}

/* Is every key of [so] in [other] (a set)? 1/0/-1. */
static int set_issubset_of(gp_set_t *so, gp_set_t *other)
{
    if (so->used > other->used)
        return 0;
    intptr_t pos = 0;
    set_entry_t *entry;
    while (set_next_entry(so, &pos, &entry)) {
        gp_object_t *key = GP_INCREF(entry->key);
        int r = set_contains_entry(other, key, entry->hash);
        GP_DECREF(key);
        if (r <= 0)
            return r;
    }
    return 1;
}

/* Swaps the contents of two sets (intersection_update). */
static void set_swap_bodies(gp_set_t *a, gp_set_t *b)
{
    gp_set_t tmp;
    intptr_t hash_a = a->hash, hash_b = b->hash;
    memcpy(&tmp.fill, &a->fill, sizeof(gp_set_t) - offsetof(gp_set_t, fill));
    memcpy(&a->fill, &b->fill, sizeof(gp_set_t) - offsetof(gp_set_t, fill));
    memcpy(&b->fill, &tmp.fill, sizeof(gp_set_t) - offsetof(gp_set_t, fill));
    if (a->table == b->smalltable)
        a->table = a->smalltable;
    if (b->table == a->smalltable)
        b->table = b->smalltable;
    a->hash = hash_b;
    b->hash = hash_a;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */
/* ------------------------------------------------------------------ */

static void set_dealloc(gp_object_t *self)
{
    gp_set_t *so = SET(self);
    gp_gc_untrack(self);
    if (!gp_gc_trashcan_begin(self, set_dealloc))
        return;
    intptr_t fill = so->fill;
    for (set_entry_t *entry = so->table; fill > 0; entry++) {
        if (entry->key) {
            fill--;
            if (entry->key != set_dummy)
                GP_DECREF(entry->key);
        }
    }
    if (so->table != so->smalltable)
        gp_mem_free(so->table);
    gp_object_free(self);
    gp_gc_trashcan_end();
}

static int set_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    intptr_t pos = 0;
    set_entry_t *entry;
    while (set_next_entry(SET(self), &pos, &entry)) {
        if (GP_IS_PTR(entry->key)) {
            int r = visit(entry->key, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int set_clear_slot(gp_object_t *self)
{
    set_clear_internal(SET(self));
    return 0;
}

static gp_object_t *set_repr(gp_object_t *self)
{
    gp_set_t *so = SET(self);
    const char *name = gp_type_name(GP_TYPE(self));
    bool plain = GP_IS_TYPE(self, gp_set_type);
    if (so->used == 0)
        return gp_str_from_format("%s()", name);
    int status = gp_repr_enter(self);
    if (status != 0)
        return status > 0 ? gp_str_from_format("%s(...)", name) : NULL;
    gp_object_t *result = NULL;
    gp_object_t *keys = gp_list_new(0);
    if (!keys)
        goto done;
    intptr_t pos = 0;
    set_entry_t *entry;
    while (set_next_entry(so, &pos, &entry)) {
        if (gp_list_append(keys, entry->key) < 0)
            goto done;
    }
    gp_object_t *listrepr = gp_object_repr(keys);
    if (!listrepr)
        goto done;
    /* "[1, 2]" -> "{1, 2}" */
    const char *text = gp_str_utf8(listrepr);
    size_t len = gp_str_utf8_len(listrepr);
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    if (!plain) {
        gp_strbuf_append_cstr(&buf, name);
        gp_strbuf_append_char(&buf, '(');
    }
    gp_strbuf_append_char(&buf, '{');
    gp_strbuf_append(&buf, text + 1, len - 2);
    gp_strbuf_append_char(&buf, '}');
    if (!plain)
        gp_strbuf_append_char(&buf, ')');
    GP_DECREF(listrepr);
    result = gp_strbuf_finish(&buf);
done:
    GP_XDECREF(keys);
    gp_repr_leave(self);
    return result;
}

static uint64_t set_shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static intptr_t frozenset_hash(gp_object_t *self)
{
    gp_set_t *so = SET(self);
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    for (intptr_t i = 0; i <= so->mask; i++)
        hash ^= set_shuffle_bits((uint64_t)so->table[i].hash);
    /* Remove the effect of an odd number of NULL entries and of dummies. */
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= set_shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= set_shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    so->hash = (intptr_t)hash;
    return so->hash;
}

static gp_object_t *set_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_anyset_check(a) || !gp_anyset_check(b))
        return GP_INCREF(gp_NotImplemented);
    gp_set_t *sa = SET(a), *sb = SET(b);
    int r;
    switch (op) {
    case GP_CMP_EQ:
    case GP_CMP_NE:
        if (sa->used != sb->used) {
            r = 0;
        } else if (sa->hash != -1 && sb->hash != -1 && sa->hash != sb->hash) {
            r = 0;
        } else {
            r = set_issubset_of(sa, sb);
        }
        if (r < 0)
            return NULL;
        return gp_bool_from((op == GP_CMP_EQ) == (r == 1));
    case GP_CMP_LE:
        r = set_issubset_of(sa, sb);
        break;
    case GP_CMP_GE:
        r = set_issubset_of(sb, sa);
        break;
    case GP_CMP_LT:
        r = sa->used < sb->used ? set_issubset_of(sa, sb) : 0;
        break;
    default:
        r = sa->used > sb->used ? set_issubset_of(sb, sa) : 0;
        break;
    }
    return r < 0 ? NULL : gp_bool_from(r == 1);
}

static intptr_t set_len(gp_object_t *self)
{
    return SET(self)->used;
}

static int set_contains(gp_object_t *self, gp_object_t *key)
{
    return gp_set_contains(self, key);
}

static gp_object_t *set_iter(gp_object_t *self)
{
    set_iterator_t *it = (set_iterator_t *)gp_object_alloc(&gp_set_iterator_type, 0);
    if (!it)
        return NULL;
    it->set = GP_INCREF(self);
    it->used = SET(self)->used;
    it->len = SET(self)->used;
    it->pos = 0;
    gp_gc_track((gp_object_t *)it);
    return (gp_object_t *)it;
}

static gp_object_t *set_binop(gp_object_t *a, gp_object_t *b, int op)
{
    bool inplace = (op & GP_BINOP_INPLACE) != 0;
    int base = op & ~GP_BINOP_INPLACE;
    if (!gp_anyset_check(a) || !gp_anyset_check(b))
        return GP_INCREF(gp_NotImplemented);
    if (inplace && set_check_mutable(a)) {
        int r;
        switch (base) {
        case GP_BINOP_OR: r = set_update_internal(SET(a), b); break;
        case GP_BINOP_AND: {
            gp_object_t *tmp = set_intersection(a, b);
            if (!tmp)
                return NULL;
            set_swap_bodies(SET(a), SET(tmp));
            GP_DECREF(tmp);
            r = 0;
            break;
        }
        case GP_BINOP_SUB: r = set_difference_update_internal(SET(a), b); break;
        case GP_BINOP_XOR: r = set_symmetric_difference_update_internal(SET(a), b); break;
        default: return GP_INCREF(gp_NotImplemented);
        }
        return r < 0 ? NULL : GP_INCREF(a);
    }
    switch (base) {
    case GP_BINOP_OR: {
        gp_object_t *result = set_copy_of(a);
        if (result && set_update_internal(SET(result), b) < 0)
            GP_CLEAR(result);
        return result;
    }
    case GP_BINOP_AND: return set_intersection(a, b);
    case GP_BINOP_SUB: return set_difference(a, b);
    case GP_BINOP_XOR: return set_symmetric_difference(a, b);
    default: return GP_INCREF(gp_NotImplemented);
    }
}

static gp_object_t *set_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    gp_object_t *so = set_alloc(type);
    if (so)
        gp_gc_track(so);
    return so;
}

static int set_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                    gp_object_t *kwnames)
{
    /* set.__init__ takes no keywords, even in a subclass, as in CPython. */
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "set expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    if (SET(self)->fill)
        set_clear_internal(SET(self));
    return nargs == 1 ? set_update_internal(SET(self), args[0]) : 0;
}

static gp_object_t *frozenset_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    /* Keywords are refused unless a subclass __init__ is there to take them. */
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0 &&
        (type == &gp_frozenset_type || type->init == gp_frozenset_type.init)) {
        gp_err_set_string(&gp_exc_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "frozenset expected at most 1 argument, got %zu", nargs);
        return NULL;
    }
    if (nargs == 1 && type == &gp_frozenset_type && GP_IS_TYPE(args[0], gp_frozenset_type))
        return GP_INCREF(args[0]);
    return set_make(type, nargs == 1 ? args[0] : NULL);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *set_method_add(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_check_onearg("set.add", nargs) < 0)
        return NULL;
    if (set_add_key(SET(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *set_method_remove(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_check_onearg("set.remove", nargs) < 0)
        return NULL;
    int r = gp_set_discard(self, args[0]);
    if (r < 0)
        return NULL;
    if (r == 0) {
        gp_dict_raise_key_error(args[0]);
        return NULL;
    }
    return gp_none_new();
}

static gp_object_t *set_method_discard(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_onearg("set.discard", nargs) < 0)
        return NULL;
    if (gp_set_discard(self, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *set_method_pop(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_check_noargs("set.pop", nargs) < 0)
        return NULL;
    gp_set_t *so = SET(self);
    if (so->used == 0) {
        gp_err_set_string(&gp_exc_KeyError, "pop from an empty set");
        return NULL;
    }
    set_entry_t *entry = so->table + (so->finger & so->mask);
    set_entry_t *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == set_dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    gp_object_t *key = entry->key;
    entry->key = set_dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static gp_object_t *set_method_clear(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_check_noargs("set.clear", nargs) < 0)
        return NULL;
    set_clear_internal(SET(self));
    return gp_none_new();
}

static gp_object_t *set_method_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_check_noargs(set_is_frozen(self) ? "frozenset.copy" : "set.copy", nargs) < 0)
        return NULL;
    if (GP_IS_TYPE(self, gp_frozenset_type))
        return GP_INCREF(self);
    return set_copy_of(self);
}

static gp_object_t *set_method_update(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    for (size_t i = 0; i < nargs; i++)
        if (set_update_internal(SET(self), args[i]) < 0)
            return NULL;
    return gp_none_new();
}

static gp_object_t *set_method_union(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gp_object_t *result = set_copy_of(self);
    if (!result)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        if ((gp_object_t *)args[i] == self)
            continue;
        if (set_update_internal(SET(result), args[i]) < 0) {
            GP_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static gp_object_t *set_method_intersection(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    if (nargs == 0)
        return set_copy_of(self);
    gp_object_t *result = GP_INCREF(self);
    for (size_t i = 0; i < nargs; i++) {
        gp_object_t *next = set_intersection(result, args[i]);
        GP_DECREF(result);
        if (!next)
            return NULL;
        result = next;
    }
    return result;
}

static gp_object_t *set_method_intersection_update(gp_object_t *self, gp_object_t *const *args,
                                                   size_t nargs, gp_object_t *kwnames)
{
    gp_object_t *tmp = set_method_intersection(self, args, nargs, kwnames);
    if (!tmp)
        return NULL;
    set_swap_bodies(SET(self), SET(tmp));
    GP_DECREF(tmp);
    return gp_none_new();
}

static gp_object_t *set_method_difference(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (nargs == 0)
        return set_copy_of(self);
    gp_object_t *result = set_difference(self, args[0]);
    for (size_t i = 1; result && i < nargs; i++) {
        if (set_difference_update_internal(SET(result), args[i]) < 0)
            GP_CLEAR(result);
    }
    return result;
}

static gp_object_t *set_method_difference_update(gp_object_t *self, gp_object_t *const *args,
                                                 size_t nargs, gp_object_t *kwnames)
{
    for (size_t i = 0; i < nargs; i++)
        if (set_difference_update_internal(SET(self), args[i]) < 0)
            return NULL;
    return gp_none_new();
}

static gp_object_t *set_method_symmetric_difference(gp_object_t *self, gp_object_t *const *args,
                                                    size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_onearg(set_is_frozen(self) ? "frozenset.symmetric_difference"
                                            : "set.symmetric_difference",
                        nargs) < 0)
        return NULL;
    return set_symmetric_difference(self, args[0]);
}

static gp_object_t *set_method_symmetric_difference_update(gp_object_t *self,
                                                           gp_object_t *const *args,
                                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_onearg("set.symmetric_difference_update", nargs) < 0)
        return NULL;
    if (set_symmetric_difference_update_internal(SET(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *set_method_issubset(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_check_onearg(set_is_frozen(self) ? "frozenset.issubset" : "set.issubset", nargs) < 0)
        return NULL;
    gp_object_t *other = gp_anyset_check(args[0]) ? GP_INCREF(args[0]) : gp_set_new(args[0]);
    if (!other)
        return NULL;
    int r = set_issubset_of(SET(self), SET(other));
    GP_DECREF(other);
    return r < 0 ? NULL : gp_bool_from(r == 1);
}

static gp_object_t *set_method_issuperset(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_onearg(set_is_frozen(self) ? "frozenset.issuperset" : "set.issuperset", nargs) <
        0)
        return NULL;
    if (gp_anyset_check(args[0])) {
        int r = set_issubset_of(SET(args[0]), SET(self));
        return r < 0 ? NULL : gp_bool_from(r == 1);
    }
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    gp_object_t *key;
    while ((key = gp_iter_next(it))) {
        int r = gp_set_contains(self, key);
        GP_DECREF(key);
        if (r <= 0) {
            GP_DECREF(it);
            return r < 0 ? NULL : gp_bool_from(false);
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? NULL : gp_bool_from(true);
}

static gp_object_t *set_method_isdisjoint(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_onearg(set_is_frozen(self) ? "frozenset.isdisjoint" : "set.isdisjoint", nargs) <
        0)
        return NULL;
    gp_object_t *other = args[0];
    if (gp_anyset_check(other)) {
        gp_set_t *a = SET(self), *b = SET(other);
        if (a->used > b->used) {
            gp_set_t *t = a;
            a = b;
            b = t;
        }
        intptr_t pos = 0;
        set_entry_t *entry;
        while (set_next_entry(a, &pos, &entry)) {
            gp_object_t *key = GP_INCREF(entry->key);
            int r = set_contains_entry(b, key, entry->hash);
            GP_DECREF(key);
            if (r != 0)
                return r < 0 ? NULL : gp_bool_from(false);
        }
        return gp_bool_from(true);
    }
    gp_object_t *it = gp_object_iter(other);
    if (!it)
        return NULL;
    gp_object_t *key;
    while ((key = gp_iter_next(it))) {
        int r = gp_set_contains(self, key);
        GP_DECREF(key);
        if (r != 0) {
            GP_DECREF(it);
            return r < 0 ? NULL : gp_bool_from(false);
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? NULL : gp_bool_from(true);
}

static gp_object_t *set_method_contains(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_check_onearg("__contains__", nargs) < 0)
        return NULL;
    int r = gp_set_contains(self, args[0]);
    return r < 0 ? NULL : gp_bool_from(r);
}

/* (type, (list of items,), instance dict or None): what copy and pickle
   rebuild a set or frozenset from, as CPython's. */
static gp_object_t *set_method_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    (void)args;
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *items = gp_list_from_iterable(self);
    if (!items)
        return NULL;
    gp_object_t *ctor_args = gp_tuple_pack(1, items);
    GP_DECREF(items);
    if (!ctor_args)
        return NULL;
    /* The state is __getstate__()'s: the instance dict, with the values
       of any __slots__ alongside, or None. */
    gp_object_t *state = gp_object_call_method(self, "__getstate__", NULL, 0);
    if (!state) {
        GP_DECREF(ctor_args);
        return NULL;
    }
    gp_object_t *res = gp_tuple_pack(3, (gp_object_t *)GP_TYPE(self), ctor_args, state);
    GP_DECREF(state);
    GP_DECREF(ctor_args);
    return res;
}

static const gp_method_def_t set_methods[] = {
    {"__reduce__", set_method_reduce, 0, "Return state information for pickling."},
    {"add", set_method_add, 0, "Add an element to a set."},
    {"remove", set_method_remove, 0, "Remove an element from a set; it must be a member."},
    {"discard", set_method_discard, 0, "Remove an element from a set if it is a member."},
    {"pop", set_method_pop, 0, "Remove and return an arbitrary set element."},
    {"clear", set_method_clear, 0, "Remove all elements from this set."},
    {"copy", set_method_copy, 0, "Return a shallow copy of a set."},
    {"update", set_method_update, 0, "Update a set with the union of itself and others."},
    {"union", set_method_union, 0, "Return the union of sets as a new set."},
    {"intersection", set_method_intersection, 0, "Return the intersection of two sets as a new set."},
    {"intersection_update", set_method_intersection_update, 0, "Update a set with the intersection of itself and another."},
    {"difference", set_method_difference, 0, "Return the difference of two or more sets as a new set."},
    {"difference_update", set_method_difference_update, 0, "Remove all elements of another set from this set."},
    {"symmetric_difference", set_method_symmetric_difference, 0, "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", set_method_symmetric_difference_update, 0, "Update a set with the symmetric difference of itself and another."},
    {"issubset", set_method_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", set_method_issuperset, 0, "Report whether this set contains another set."},
    {"isdisjoint", set_method_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"__contains__", set_method_contains, 0, "x.__contains__(y) <==> y in x."},
    {NULL, NULL, 0, NULL},
};

static const gp_method_def_t frozenset_methods[] = {
    {"__reduce__", set_method_reduce, 0, "Return state information for pickling."},
    {"copy", set_method_copy, 0, "Return a shallow copy of a set."},
    {"union", set_method_union, 0, "Return the union of sets as a new set."},
    {"intersection", set_method_intersection, 0, "Return the intersection of two sets as a new set."},
    {"difference", set_method_difference, 0, "Return the difference of two or more sets as a new set."},
    {"symmetric_difference", set_method_symmetric_difference, 0, "Return the symmetric difference of two sets as a new set."},
    {"issubset", set_method_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", set_method_issuperset, 0, "Report whether this set contains another set."},
    {"isdisjoint", set_method_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"__contains__", set_method_contains, 0, "x.__contains__(y) <==> y in x."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_set_type = {
    GP_TYPE_HEAD_INIT,
    .name = "set",
    .basicsize = sizeof(gp_set_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = set_dealloc,
    .new_ = set_new,
    .init = set_init,
    .repr = set_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .methods = set_methods,
    .doc = "Build an unordered collection of unique elements.",
};

gp_type_t gp_frozenset_type = {
    GP_TYPE_HEAD_INIT,
    .name = "frozenset",
    .basicsize = sizeof(gp_set_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = set_dealloc,
    .new_ = frozenset_new,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcompare = set_richcompare,
    .iter = set_iter,
    .binop = set_binop,
    .len = set_len,
    .contains = set_contains,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .methods = frozenset_methods,
    .doc = "Build an immutable unordered collection of unique elements.",
};

/* ------------------------------------------------------------------ */
/* The iterator                                                         */
/* ------------------------------------------------------------------ */

static void set_iterator_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_XDECREF(((set_iterator_t *)self)->set);
    gp_object_free(self);
}

static int set_iterator_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *set = ((set_iterator_t *)self)->set;
    return set ? visit(set, arg) : 0;
}

static int set_iterator_clear(gp_object_t *self)
{
    GP_CLEAR(((set_iterator_t *)self)->set);
    return 0;
}

static gp_object_t *set_iterator_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

static gp_object_t *set_iterator_next(gp_object_t *self)
{
    set_iterator_t *it = (set_iterator_t *)self;
    if (!it->set)
        return NULL;
    gp_set_t *so = SET(it->set);
    if (it->used != so->used) {
        gp_err_set_string(&gp_exc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        GP_CLEAR(it->set);
        return NULL;
    }
    set_entry_t *entry;
    if (!set_next_entry(so, &it->pos, &entry)) {
        GP_CLEAR(it->set);
        return NULL;
    }
    it->len--;
    return GP_INCREF(entry->key);
}

static gp_object_t *set_iterator_length_hint(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    set_iterator_t *it = (set_iterator_t *)self;
    intptr_t n = it->set && it->used == SET(it->set)->used ? it->len : 0;
    return gp_int_from_i64(n);
}

/* Pickling support, as CPython: iter(list of the items still to come),
   read through a copy of the iterator so this one does not move. */
static gp_object_t *set_iterator_reduce(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    set_iterator_t *it = (set_iterator_t *)self;
    set_iterator_t *copy = (set_iterator_t *)gp_object_alloc(&gp_set_iterator_type, 0);
    if (!copy)
        return NULL;
    copy->set = it->set ? GP_INCREF(it->set) : NULL;
    copy->used = it->used;
    copy->pos = it->pos;
    copy->len = it->len;
    gp_gc_track((gp_object_t *)copy);
    gp_object_t *rest = gp_list_from_iterable((gp_object_t *)copy);
    GP_DECREF((gp_object_t *)copy);
    if (!rest)
        return NULL;
    gp_object_t *res = gp_seq_iterator_reduce("iter", NULL, 0, rest);
    GP_DECREF(rest);
    return res;
}

static const gp_method_def_t set_iterator_methods[] = {
    {"__length_hint__", set_iterator_length_hint, 0, NULL},
    {"__reduce__", set_iterator_reduce, 0, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_set_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "set_iterator",
    .basicsize = sizeof(set_iterator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = set_iterator_dealloc,
    .iter = set_iterator_self,
    .iternext = set_iterator_next,
    .traverse = set_iterator_traverse,
    .clear = set_iterator_clear,
    .methods = set_iterator_methods,
};
