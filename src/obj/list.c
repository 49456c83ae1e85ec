/*
 * list.c - the list type, its iterators and its sort.
 *
 * Design notes
 * ------------
 * A list is a header plus a separately allocated array of item pointers
 * (gp_list_t in object.h): `size` slots in use out of `allocated`. Growth
 * over-allocates by about 1/8 like CPython, so a run of appends costs
 * amortised O(1) and `items` rarely moves.
 *
 * Mutation safety. Any DECREF can run arbitrary code (a __del__, a
 * __eq__ of an item being compared), and that code may mutate the very
 * list we are working on. The rules this file follows:
 *   - the list is made consistent *before* dropping references (old items
 *     are gathered into a side array and released last);
 *   - loops that call back into Python re-read `size` and `items` on every
 *     iteration and hold a reference to the item being compared;
 *   - sort() detaches the items while it runs, leaving the list empty; any
 *     mutation made by a key function or a comparison is detected at the
 *     end and reported as "list modified during sort".
 *
 * Sort is a stable merge sort: runs of up to 32 items are sorted by binary
 * insertion, then merged bottom-up; a merge is skipped when its halves are
 * already in order, so sorted input costs n-1 comparisons. Before sorting,
 * the keys are checked for one common exact type (small int, float, str) so
 * the comparison can skip the generic protocol, as CPython's
 * unsafe_*_compare do. reverse=True reverses, sorts, and reverses again,
 * which keeps equal items in their original order.
 */
#include <string.h>

#include "obj/containers.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

typedef struct list_iterator {
    gp_object_t base;
    intptr_t index;
    gp_object_t *seq; /* NULL once exhausted */
} list_iterator_t;

/* ------------------------------------------------------------------ */
/* Storage                                                              */
/* ------------------------------------------------------------------ */

/* Makes room for [newsize] items (size is set by the caller). */
static int list_resize(gp_list_t *list, intptr_t newsize)
{
    if (newsize <= list->allocated && newsize >= (list->allocated >> 1)) {
        return 0;
    }
    if ((size_t)newsize > (SIZE_MAX / sizeof(gp_object_t *)) / 2) {
        gp_err_no_memory();
        return -1;
    }
    size_t allocated = newsize == 0 ? 0 : ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    /* No over-allocation when the growth itself is larger than it (l += big). */
    if (newsize > list->size && (size_t)(newsize - list->size) > allocated - (size_t)newsize)
        allocated = ((size_t)newsize + 3) & ~(size_t)3;
    gp_object_t **items;
    if (allocated == 0) {
        gp_mem_free(list->items);
        items = NULL;
    } else {
        items = gp_mem_realloc(list->items, allocated * sizeof(gp_object_t *));
        if (!items) {
            gp_err_no_memory();
            return -1;
        }
    }
    list->items = items;
    list->allocated = (intptr_t)allocated;
    return 0;
}

/* A new empty list of [type] with room for [n] items, untracked. */
static gp_object_t *list_alloc(gp_type_t *type, size_t n)
{
    gp_list_t *list = (gp_list_t *)gp_object_alloc(type, 0);
    if (!list)
        return NULL;
    if (n > 0) {
        if (n > (SIZE_MAX / sizeof(gp_object_t *)) / 2 ||
            !(list->items = gp_mem_calloc(n, sizeof(gp_object_t *)))) {
            gp_object_free((gp_object_t *)list);
            gp_err_no_memory();
            return NULL;
        }
        list->allocated = (intptr_t)n;
    }
    return (gp_object_t *)list;
}

gp_object_t *gp_list_new(size_t n)
{
    gp_object_t *list = list_alloc(&gp_list_type, n);
    if (!list)
        return NULL;
    ((gp_list_t *)list)->size = (intptr_t)n;
    gp_gc_track(list);
    return list;
}

gp_object_t *gp_list_from_array(gp_object_t *const *items, size_t n)
{
    gp_object_t *list = gp_list_new(n);
    if (!list)
        return NULL;
    for (size_t i = 0; i < n; i++)
        GP_LIST_SET(list, i, GP_INCREF(items[i]));
    return list;
}

gp_object_t *gp_list_from_iterable(gp_object_t *iterable)
{
    if (gp_list_items_direct(iterable))
        return gp_list_from_array(GP_LIST_ITEMS(iterable), (size_t)GP_LIST_SIZE(iterable));
    if (gp_tuple_items_direct(iterable))
        return gp_list_from_array(GP_TUPLE_ITEMS(iterable), (size_t)GP_TUPLE_SIZE(iterable));
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    if (gp_list_extend(list, iterable) < 0) {
        GP_DECREF(list);
        return NULL;
    }
    return list;
}

int gp_list_append(gp_object_t *self, gp_object_t *item)
{
    gp_list_t *list = (gp_list_t *)self;
    intptr_t n = list->size;
    if (n < list->allocated) {
        list->items[n] = GP_INCREF(item);
        list->size = n + 1;
        return 0;
    }
    if (list_resize(list, n + 1) < 0)
        return -1;
    list->items[n] = GP_INCREF(item);
    list->size = n + 1;
    return 0;
}

/* Appends [n] borrowed items; [items] may point into the list itself. */
static int list_extend_array(gp_list_t *list, gp_object_t *const *items, intptr_t n)
{
    if (n == 0)
        return 0;
    intptr_t old = list->size;
    bool self_items = items == list->items;
    if (list_resize(list, old + n) < 0)
        return -1;
    if (self_items)
        items = list->items;
    for (intptr_t i = 0; i < n; i++)
        list->items[old + i] = GP_INCREF(items[i]);
    list->size = old + n;
    return 0;
}

int gp_list_extend(gp_object_t *self, gp_object_t *iterable)
{
    gp_list_t *list = (gp_list_t *)self;
    if (gp_list_items_direct(iterable))
        return list_extend_array(list, GP_LIST_ITEMS(iterable), GP_LIST_SIZE(iterable));
    if (gp_tuple_items_direct(iterable))
        return list_extend_array(list, GP_TUPLE_ITEMS(iterable), GP_TUPLE_SIZE(iterable));
    gp_object_t *it = gp_object_iter(iterable);
    if (!it)
        return -1;
    gp_object_t *(*next)(gp_object_t *) = GP_TYPE(it)->iternext;
    for (;;) {
        gp_object_t *item = next ? next(it) : gp_iter_next(it);
        if (!item) {
            if (gp_err_occurred()) {
                if (next && gp_err_matches(&gp_exc_StopIteration))
                    gp_err_clear();
                else
                    goto error;
            }
            break;
        }
        intptr_t n = list->size;
        if (n < list->allocated) {
            list->items[n] = item;
            list->size = n + 1;
        } else {
            if (list_resize(list, n + 1) < 0) {
                GP_DECREF(item);
                goto error;
            }
            list->items[n] = item;
            list->size = n + 1;
        }
    }
    GP_DECREF(it);
    /* Give back a large over-allocation left by a long iteration. */
    return 0;
error:
    GP_DECREF(it);
    return -1;
}

int gp_list_insert(gp_object_t *self, intptr_t index, gp_object_t *item)
{
    gp_list_t *list = (gp_list_t *)self;
    intptr_t n = list->size;
    if (index < 0) {
        index += n;
        if (index < 0)
            index = 0;
    }
    if (index > n)
        index = n;
    if (list_resize(list, n + 1) < 0)
        return -1;
    memmove(&list->items[index + 1], &list->items[index],
            (size_t)(n - index) * sizeof(gp_object_t *));
    list->items[index] = GP_INCREF(item);
    list->size = n + 1;
    return 0;
}

int gp_list_reverse(gp_object_t *self)
{
    gp_list_t *list = (gp_list_t *)self;
    /* An empty list may have no items array at all: items + size - 1
       would then be arithmetic on NULL. */
    if (list->size < 2)
        return 0;
    gp_object_t **lo = list->items, **hi = list->items + list->size - 1;
    while (lo < hi) {
        gp_object_t *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
    return 0;
}

gp_object_t *gp_list_as_tuple(gp_object_t *list)
{
    return gp_tuple_from_array(GP_LIST_ITEMS(list), (size_t)GP_LIST_SIZE(list));
}

gp_object_t *gp_list_getslice(gp_object_t *list, intptr_t start, intptr_t stop)
{
    /* An empty slice never touches the items, which may be NULL (an empty
       list): NULL + 0 is undefined behaviour that UBSan reports. */
    if (stop <= start)
        return gp_list_new(0);
    return gp_list_from_array(GP_LIST_ITEMS(list) + start, (size_t)(stop - start));
}

gp_object_t *gp_list_concat(gp_object_t *a, gp_object_t *b)
{
    intptr_t na = GP_LIST_SIZE(a), nb = GP_LIST_SIZE(b);
    gp_object_t *list = gp_list_new((size_t)na + (size_t)nb);
    if (!list)
        return NULL;
    for (intptr_t i = 0; i < na; i++)
        GP_LIST_SET(list, i, GP_INCREF(GP_LIST_GET(a, i)));
    for (intptr_t i = 0; i < nb; i++)
        GP_LIST_SET(list, na + i, GP_INCREF(GP_LIST_GET(b, i)));
    return list;
}

gp_object_t *gp_list_pop(gp_object_t *self, intptr_t index)
{
    gp_list_t *list = (gp_list_t *)self;
    intptr_t n = list->size;
    index = gp_pop_index(index, n, "list");
    if (index < 0)
        return NULL;
    gp_object_t *item = list->items[index];
    memmove(&list->items[index], &list->items[index + 1],
            (size_t)(n - index - 1) * sizeof(gp_object_t *));
    list->size = n - 1;
    if (list->size < (list->allocated >> 2))
        list_resize(list, list->size); /* shrinking cannot fail harmfully */
    if (gp_err_occurred())
        gp_err_clear();
    return item;
}

/* Replaces items [lo, hi) with the [n] borrowed items of [src] (which must
   not alias the list's own array). Old items are released last. */
static int list_replace_range(gp_list_t *list, intptr_t lo, intptr_t hi, gp_object_t *const *src,
                              intptr_t n)
{
    intptr_t size = list->size;
    intptr_t nold = hi - lo;
    gp_object_t *small[8];
    gp_object_t **old = small;
    if (nold > 8) {
        old = gp_mem_alloc((size_t)nold * sizeof(gp_object_t *));
        if (!old) {
            gp_err_no_memory();
            return -1;
        }
    }
    if (nold > 0)
        memcpy(old, &list->items[lo], (size_t)nold * sizeof(gp_object_t *));
    intptr_t delta = n - nold;
    if (delta > 0) {
        if (list_resize(list, size + delta) < 0) {
            if (old != small)
                gp_mem_free(old);
            return -1;
        }
        memmove(&list->items[hi + delta], &list->items[hi],
                (size_t)(size - hi) * sizeof(gp_object_t *));
    } else if (delta < 0) {
        memmove(&list->items[hi + delta], &list->items[hi],
                (size_t)(size - hi) * sizeof(gp_object_t *));
    }
    for (intptr_t i = 0; i < n; i++)
        list->items[lo + i] = GP_INCREF(src[i]);
    list->size = size + delta;
    if (delta < 0)
        list_resize(list, list->size);
    for (intptr_t i = 0; i < nold; i++)
        GP_DECREF(old[i]);
    if (old != small)
        gp_mem_free(old);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Sort                                                                 */
/* ------------------------------------------------------------------ */

typedef enum { SORT_GENERIC, SORT_SMALL_INT, SORT_FLOAT, SORT_STR } sort_kind_t;

typedef struct sort_state {
    sort_kind_t kind;
    gp_object_t **keys;   /* what is compared */
    gp_object_t **values; /* what is moved with the keys; NULL when keys are the values */
    gp_object_t **tmp_keys, **tmp_values;
} sort_state_t;

/* a < b: 1/0, -1 on error. */
static inline int sort_less(const sort_state_t *s, gp_object_t *a, gp_object_t *b)
{
    switch (s->kind) {
    case SORT_SMALL_INT:
        return (intptr_t)a < (intptr_t)b; /* tagged values order like their integers */
    case SORT_FLOAT:
        return gp_float_value(a) < gp_float_value(b);
    case SORT_STR:
        return gp_str_compare(a, b) < 0;
    default:
        return gp_object_richcompare_bool(a, b, GP_CMP_LT);
    }
}

static void sort_swap_in(sort_state_t *s, intptr_t dst, intptr_t src)
{
    s->keys[dst] = s->keys[src];
    if (s->values)
        s->values[dst] = s->values[src];
}

/* Binary insertion sort of [lo, hi), where [lo, start) is already sorted. */
static int sort_insertion(sort_state_t *s, intptr_t lo, intptr_t start, intptr_t hi)
{
    for (intptr_t i = start; i < hi; i++) {
        gp_object_t *key = s->keys[i];
        gp_object_t *value = s->values ? s->values[i] : NULL;
        intptr_t l = lo, r = i;
        while (l < r) {
            intptr_t m = l + ((r - l) >> 1);
            int lt = sort_less(s, key, s->keys[m]);
            if (lt < 0)
                return -1;
            if (lt)
                r = m;
            else
                l = m + 1;
        }
        for (intptr_t j = i; j > l; j--)
            sort_swap_in(s, j, j - 1);
        s->keys[l] = key;
        if (s->values)
            s->values[l] = value;
    }
    return 0;
}

/* Merges the sorted runs [lo, mid) and [mid, hi). */
static int sort_merge(sort_state_t *s, intptr_t lo, intptr_t mid, intptr_t hi)
{
    /* Already in order: the common case for nearly sorted data. */
    int lt = sort_less(s, s->keys[mid], s->keys[mid - 1]);
    if (lt <= 0)
        return lt;
    intptr_t n1 = mid - lo;
    memcpy(s->tmp_keys, &s->keys[lo], (size_t)n1 * sizeof(gp_object_t *));
    if (s->values)
        memcpy(s->tmp_values, &s->values[lo], (size_t)n1 * sizeof(gp_object_t *));
    intptr_t i = 0, j = mid, k = lo;
    while (i < n1 && j < hi) {
        /* Take from the right only when strictly less: stability. */
        lt = sort_less(s, s->keys[j], s->tmp_keys[i]);
        if (lt < 0)
            goto error;
        if (lt) {
            sort_swap_in(s, k++, j++);
        } else {
            s->keys[k] = s->tmp_keys[i];
            if (s->values)
                s->values[k] = s->tmp_values[i];
            k++, i++;
        }
    }
    while (i < n1) {
        s->keys[k] = s->tmp_keys[i];
        if (s->values)
            s->values[k] = s->tmp_values[i];
        k++, i++;
    }
    return 0;
error:
    /* Put the pending left items back so every item is still present once. */
    while (i < n1) {
        s->keys[k] = s->tmp_keys[i];
        if (s->values)
            s->values[k] = s->tmp_values[i];
        k++, i++;
    }
    return -1;
}

static int sort_run(sort_state_t *s, intptr_t n)
{
    enum { RUN = 32 };
    for (intptr_t lo = 0; lo < n; lo += RUN) {
        intptr_t hi = lo + RUN < n ? lo + RUN : n;
        if (sort_insertion(s, lo, lo + 1, hi) < 0)
            return -1;
    }
    for (intptr_t width = RUN; width < n; width *= 2) {
        for (intptr_t lo = 0; lo + width < n; lo += 2 * width) {
            intptr_t mid = lo + width;
            intptr_t hi = mid + width < n ? mid + width : n;
            if (sort_merge(s, lo, mid, hi) < 0)
                return -1;
        }
    }
    return 0;
}

static sort_kind_t sort_pick_kind(gp_object_t **keys, intptr_t n)
{
    if (n == 0)
        return SORT_GENERIC;
    gp_object_t *first = keys[0];
    if (GP_IS_SMALL(first)) {
        for (intptr_t i = 1; i < n; i++)
            if (!GP_IS_SMALL(keys[i]))
                return SORT_GENERIC;
        return SORT_SMALL_INT;
    }
    gp_type_t *type = first->type;
    if (type != &gp_float_type && type != &gp_str_type)
        return SORT_GENERIC;
    for (intptr_t i = 1; i < n; i++)
        if (GP_IS_SMALL(keys[i]) || keys[i]->type != type)
            return SORT_GENERIC;
    return type == &gp_float_type ? SORT_FLOAT : SORT_STR;
}

static void sort_reverse_array(gp_object_t **a, intptr_t n)
{
    for (intptr_t i = 0, j = n - 1; i < j; i++, j--) {
        gp_object_t *t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

int gp_list_sort(gp_object_t *self, gp_object_t *key, bool reverse)
{
    gp_list_t *list = (gp_list_t *)self;
    if (key == gp_None)
        key = NULL;
    /* Detach the items: the list looks empty while the sort runs. */
    gp_object_t **items = list->items;
    intptr_t n = list->size, allocated = list->allocated;
    list->items = NULL;
    list->size = 0;
    /* -1 marks the sort: any append, pop or slice change made meanwhile,
       even one that leaves the list empty again, reallocates and so
       replaces it. */
    list->allocated = -1;

    int result = -1;
    gp_object_t **keys = NULL;
    intptr_t nkeys = 0;
    sort_state_t s = {SORT_GENERIC, items, NULL, NULL, NULL};
    if (key && n > 0) {
        keys = gp_mem_alloc((size_t)n * sizeof(gp_object_t *));
        if (!keys) {
            gp_err_no_memory();
            goto restore;
        }
        for (; nkeys < n; nkeys++) {
            keys[nkeys] = gp_object_call1(key, items[nkeys]);
            if (!keys[nkeys])
                goto restore;
        }
        s.keys = keys;
        s.values = items;
    }
    if (n > 1) {
        /* A merge copies its left run, which can be up to n - 1 items long
           in bottom-up merging. */
        size_t half = (size_t)n;
        s.tmp_keys = gp_mem_alloc(half * sizeof(gp_object_t *) * (s.values ? 2 : 1));
        if (!s.tmp_keys) {
            gp_err_no_memory();
            goto restore;
        }
        s.tmp_values = s.values ? s.tmp_keys + half : NULL;
        if (reverse) {
            sort_reverse_array(s.keys, n);
            if (s.values)
                sort_reverse_array(s.values, n);
        }
        s.kind = sort_pick_kind(s.keys, n);
        result = sort_run(&s, n);
        if (reverse) {
            sort_reverse_array(s.keys, n);
            if (s.values)
                sort_reverse_array(s.values, n);
        }
        gp_mem_free(s.tmp_keys);
    } else {
        result = 0;
    }

restore:
    if (keys) {
        for (intptr_t i = 0; i < nkeys; i++)
            GP_DECREF(keys[i]);
        gp_mem_free(keys);
    }
    /* Anything a key function or comparison stored in the list meanwhile is
       dropped, and the sorted items are put back. */
    gp_object_t **junk = list->items;
    intptr_t njunk = list->size;
    bool modified = junk != NULL || njunk != 0 || list->allocated != -1;
    list->items = items;
    list->size = n;
    list->allocated = allocated;
    if (junk) {
        for (intptr_t i = 0; i < njunk; i++)
            GP_DECREF(junk[i]);
        gp_mem_free(junk);
    }
    if (modified && result == 0) {
        gp_err_set_string(&gp_exc_ValueError, "list modified during sort");
        result = -1;
    }
    return result;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */
/* ------------------------------------------------------------------ */

static void list_dealloc(gp_object_t *self)
{
    gp_list_t *list = (gp_list_t *)self;
    gp_gc_untrack(self);
    if (!gp_gc_trashcan_begin(self, list_dealloc))
        return;
    if (list->items) {
        intptr_t n = list->size;
        while (--n >= 0)
            GP_XDECREF(list->items[n]);
        gp_mem_free(list->items);
    }
    gp_object_free(self);
    gp_gc_trashcan_end();
}

static int list_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_list_t *list = (gp_list_t *)self;
    for (intptr_t i = list->size; --i >= 0;) {
        gp_object_t *item = list->items[i];
        if (item && GP_IS_PTR(item)) {
            int r = visit(item, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int list_clear_slot(gp_object_t *self)
{
    gp_list_t *list = (gp_list_t *)self;
    gp_object_t **items = list->items;
    intptr_t n = list->size;
    /* Clearing a list with no storage changes nothing (not even a sort's
       mark in allocated). */
    if (!items)
        return 0;
    list->items = NULL;
    list->size = 0;
    list->allocated = 0;
    while (--n >= 0)
        GP_XDECREF(items[n]);
    gp_mem_free(items);
    return 0;
}

static gp_object_t *list_repr(gp_object_t *self)
{
    gp_list_t *list = (gp_list_t *)self;
    if (list->size == 0)
        return gp_str_from_cstr("[]");
    int status = gp_repr_enter(self);
    if (status != 0)
        return status > 0 ? gp_str_from_cstr("[...]") : NULL;
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    gp_strbuf_append_char(&buf, '[');
    /* The size is re-read each time: an item's __repr__ may shrink the list. */
    for (intptr_t i = 0; i < list->size; i++) {
        if (i > 0)
            gp_strbuf_append(&buf, ", ", 2);
        gp_object_t *item = GP_INCREF(list->items[i]);
        gp_object_t *r = gp_object_repr(item);
        GP_DECREF(item);
        if (!r) {
            gp_strbuf_discard(&buf);
            gp_repr_leave(self);
            return NULL;
        }
        gp_strbuf_append_str(&buf, r);
        GP_DECREF(r);
    }
    gp_strbuf_append_char(&buf, ']');
    gp_repr_leave(self);
    return gp_strbuf_finish(&buf);
}

static gp_object_t *list_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_list_check(a) || !gp_list_check(b))
        return GP_INCREF(gp_NotImplemented);
    gp_list_t *la = (gp_list_t *)a, *lb = (gp_list_t *)b;
    if ((op == GP_CMP_EQ || op == GP_CMP_NE) && la->size != lb->size)
        return gp_bool_from(op == GP_CMP_NE);
    intptr_t i;
    for (i = 0; i < la->size && i < lb->size; i++) {
        gp_object_t *x = GP_INCREF(la->items[i]), *y = GP_INCREF(lb->items[i]);
        int eq = x == y ? 1 : gp_object_eq(x, y);
        GP_DECREF(x);
        GP_DECREF(y);
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    if (i >= la->size || i >= lb->size) {
        intptr_t na = la->size, nb = lb->size;
        bool r;
        switch (op) {
        case GP_CMP_LT: r = na < nb; break;
        case GP_CMP_LE: r = na <= nb; break;
        case GP_CMP_EQ: r = na == nb; break;
        case GP_CMP_NE: r = na != nb; break;
        case GP_CMP_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return gp_bool_from(r);
    }
    if (op == GP_CMP_EQ)
        return gp_bool_from(false);
    if (op == GP_CMP_NE)
        return gp_bool_from(true);
    gp_object_t *x = GP_INCREF(la->items[i]), *y = GP_INCREF(lb->items[i]);
    gp_object_t *r = gp_object_richcompare(x, y, op);
    GP_DECREF(x);
    GP_DECREF(y);
    return r;
}

static intptr_t list_len(gp_object_t *self)
{
    return ((gp_list_t *)self)->size;
}

/* Converts a non-slice subscript to an index; -1 with exception (check err). */
static int list_index_of(gp_object_t *key, intptr_t *out)
{
    if (GP_IS_SMALL(key)) {
        *out = GP_SMALL_VALUE(key);
        return 0;
    }
    if (GP_TYPE(key)->to_index) {
        *out = gp_number_as_ssize(key, &gp_exc_IndexError);
        return *out == -1 && gp_err_occurred() ? -1 : 0;
    }
    gp_err_format(&gp_exc_TypeError, "list indices must be integers or slices, not %T", key);
    return -1;
}

static gp_object_t *list_getitem(gp_object_t *self, gp_object_t *key)
{
    gp_list_t *list = (gp_list_t *)self;
    intptr_t i;
    if (GP_IS_SMALL(key)) {
        i = GP_SMALL_VALUE(key);
    } else if (GP_IS_TYPE(key, gp_slice_type)) {
        intptr_t start, stop, step;
        intptr_t len = gp_slice_indices(key, list->size, &start, &stop, &step);
        if (len < 0)
            return NULL;
        if (step == 1)
            return gp_list_getslice(self, start, start + len);
        gp_object_t *result = gp_list_new((size_t)len);
        if (!result)
            return NULL;
        for (intptr_t k = 0, j = start; k < len; k++, j += step)
            GP_LIST_SET(result, k, GP_INCREF(list->items[j]));
        return result;
    } else if (list_index_of(key, &i) < 0) {
        return NULL;
    }
    if (i < 0)
        i += list->size;
    if ((uintptr_t)i >= (uintptr_t)list->size) {
        gp_err_set_string(&gp_exc_IndexError, "list index out of range");
        return NULL;
    }
    return GP_INCREF(list->items[i]);
}

/* A new list of the items of [value]; a TypeError from iter() becomes
   [message], as CPython's PySequence_Fast does. */
static gp_object_t *list_sequence_of(gp_object_t *value, const char *message)
{
    gp_object_t *it = gp_object_iter(value);
    if (!it) {
        if (gp_err_matches(&gp_exc_TypeError)) {
            gp_err_clear();
            gp_err_set_string(&gp_exc_TypeError, message);
        }
        return NULL;
    }
    gp_object_t *seq = gp_list_from_iterable(it);
    GP_DECREF(it);
    return seq;
}

/* del l[slice] and l[slice] = value. */
static int list_setslice(gp_list_t *list, gp_object_t *slice, gp_object_t *value)
{
    intptr_t start, stop, step;
    intptr_t len = gp_slice_indices(slice, list->size, &start, &stop, &step);
    if (len < 0)
        return -1;
    if (step == 1) {
        if (!value)
            return list_replace_range(list, start, start + len, NULL, 0);
        gp_object_t *seq;
        if ((gp_list_items_direct(value) && value != (gp_object_t *)list) || gp_tuple_items_direct(value)) {
            seq = GP_INCREF(value);
        } else {
            seq = list_sequence_of(value, "can only assign an iterable");
            if (!seq)
                return -1;
        }
        int r;
        /* The range may have moved if building seq ran code: re-clamp. */
        if (start > list->size)
            start = list->size;
        intptr_t hi = start + len > list->size ? list->size : start + len;
        if (gp_list_check(seq))
            r = list_replace_range(list, start, hi, GP_LIST_ITEMS(seq), GP_LIST_SIZE(seq));
        else
            r = list_replace_range(list, start, hi, GP_TUPLE_ITEMS(seq), GP_TUPLE_SIZE(seq));
        GP_DECREF(seq);
        return r;
    }
    if (step < 0) {
        /* Normalise to a forward walk over the same items. */
        if (!value) {
            start = start + step * (len - 1);
            step = -step;
        }
    }
    if (!value) {
        if (len <= 0)
            return 0;
        gp_object_t **removed = gp_mem_alloc((size_t)len * sizeof(gp_object_t *));
        if (!removed) {
            gp_err_no_memory();
            return -1;
        }
        intptr_t dst = start, k = 0;
        for (intptr_t src = start; src < list->size; src++) {
            if (k < len && src == start + k * step) {
                removed[k++] = list->items[src];
            } else {
                list->items[dst++] = list->items[src];
            }
        }
        list->size = dst;
        list_resize(list, dst);
        if (gp_err_occurred())
            gp_err_clear();
        for (intptr_t i = 0; i < len; i++)
            GP_DECREF(removed[i]);
        gp_mem_free(removed);
        return 0;
    }
    gp_object_t *seq = list_sequence_of(value, "must assign iterable to extended slice");
    if (!seq)
        return -1;
    if (GP_LIST_SIZE(seq) != len) {
        gp_err_format(&gp_exc_ValueError,
                      "attempt to assign sequence of size %zd to extended slice of size %zd",
                      GP_LIST_SIZE(seq), len);
        GP_DECREF(seq);
        return -1;
    }
    /* seq's references move into the list; the old items go into seq. */
    for (intptr_t k = 0, j = start; k < len; k++, j += step) {
        if (j < 0 || j >= list->size)
            break;
        gp_object_t *old = list->items[j];
        list->items[j] = GP_LIST_GET(seq, k);
        GP_LIST_SET(seq, k, old);
    }
    GP_DECREF(seq);
    return 0;
}

static int list_setitem(gp_object_t *self, gp_object_t *key, gp_object_t *value)
{
    gp_list_t *list = (gp_list_t *)self;
    if (GP_IS_TYPE(key, gp_slice_type))
        return list_setslice(list, key, value);
    intptr_t i;
    if (list_index_of(key, &i) < 0)
        return -1;
    if (i < 0)
        i += list->size;
    if ((uintptr_t)i >= (uintptr_t)list->size) {
        gp_err_set_string(&gp_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (!value)
        return list_replace_range(list, i, i + 1, NULL, 0);
    gp_object_t *old = list->items[i];
    list->items[i] = GP_INCREF(value);
    GP_DECREF(old);
    return 0;
}

static int list_contains(gp_object_t *self, gp_object_t *value)
{
    gp_list_t *list = (gp_list_t *)self;
    for (intptr_t i = 0; i < list->size; i++) {
        gp_object_t *item = list->items[i];
        if (item == value)
            return 1;
        GP_INCREF(item);
        int eq = gp_object_eq(item, value);
        GP_DECREF(item);
        if (eq != 0)
            return eq;
    }
    return 0;
}

static gp_object_t *list_iter(gp_object_t *self)
{
    list_iterator_t *it = (list_iterator_t *)gp_object_alloc(&gp_list_iterator_type, 0);
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = GP_INCREF(self);
    gp_gc_track((gp_object_t *)it);
    return (gp_object_t *)it;
}

static bool list_other_is_builtin(gp_object_t *o)
{
    return !(GP_TYPE(o)->flags & GP_TYPE_FLAG_HEAPTYPE);
}

static gp_object_t *list_repeat(gp_object_t *seq, gp_object_t *count_obj, bool inplace)
{
    if (!GP_TYPE(count_obj)->to_index) {
        if (list_other_is_builtin(count_obj)) {
            gp_err_format(&gp_exc_TypeError, "can't multiply sequence by non-int of type '%T'",
                          count_obj);
            return NULL;
        }
        return GP_INCREF(gp_NotImplemented);
    }
    intptr_t count = gp_number_as_ssize(count_obj, &gp_exc_OverflowError);
    if (count == -1 && gp_err_occurred())
        return NULL;
    gp_list_t *list = (gp_list_t *)seq;
    intptr_t n = list->size;
    if (count < 0)
        count = 0;
    if (n > 0 && count > INTPTR_MAX / 16 / n) {
        gp_err_no_memory();
        return NULL;
    }
    if (inplace) {
        if (count == 0 || n == 0) {
            list_clear_slot(seq);
            return GP_INCREF(seq);
        }
        if (list_resize(list, n * count) < 0)
            return NULL;
        for (intptr_t c = 1; c < count; c++)
            for (intptr_t i = 0; i < n; i++)
                list->items[c * n + i] = GP_INCREF(list->items[i]);
        list->size = n * count;
        return GP_INCREF(seq);
    }
    gp_object_t *result = gp_list_new((size_t)(n * count));
    if (!result)
        return NULL;
    gp_object_t **dst = GP_LIST_ITEMS(result);
    for (intptr_t c = 0; c < count; c++)
        for (intptr_t i = 0; i < n; i++)
            *dst++ = GP_INCREF(list->items[i]);
    return result;
}

static gp_object_t *list_binop(gp_object_t *a, gp_object_t *b, int op)
{
    bool inplace = (op & GP_BINOP_INPLACE) != 0;
    switch (op & ~GP_BINOP_INPLACE) {
    case GP_BINOP_ADD:
        if (inplace && gp_list_check(a)) {
            if (gp_list_extend(a, b) < 0)
                return NULL;
            return GP_INCREF(a);
        }
        if (gp_list_check(a) && gp_list_check(b))
            return gp_list_concat(a, b);
        if (gp_list_check(a) && list_other_is_builtin(b)) {
            gp_err_format(&gp_exc_TypeError, "can only concatenate list (not \"%T\") to list",
                          b);
            return NULL;
        }
        break;
    case GP_BINOP_MUL:
        if (gp_list_check(a))
            return list_repeat(a, b, inplace);
        if (gp_list_check(b))
            return list_repeat(b, a, false);
        break;
    default:
        break;
    }
    return GP_INCREF(gp_NotImplemented);
}

static gp_object_t *list_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    gp_object_t *list = list_alloc(type, 0);
    if (list)
        gp_gc_track(list);
    return list;
}

static int list_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                     gp_object_t *kwnames)
{
    /* Keywords are refused unless a subclass __new__ took them. */
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0 &&
        (GP_TYPE(self) == &gp_list_type || GP_TYPE(self)->new_ == gp_list_type.new_)) {
        gp_err_set_string(&gp_exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    if (((gp_list_t *)self)->size > 0)
        list_clear_slot(self);
    if (nargs == 1) {
        if (gp_list_check(args[0]) || gp_tuple_check(args[0])) {
            gp_object_t *src = args[0];
            intptr_t n = gp_list_check(src) ? GP_LIST_SIZE(src) : GP_TUPLE_SIZE(src);
            if (list_resize((gp_list_t *)self, n) < 0)
                return -1;
        }
        return gp_list_extend(self, args[0]);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *list_method_append(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (nargs != 1 && gp_check_onearg("list.append", nargs) < 0)
        return NULL;
    if (gp_list_append(self, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *list_method_extend(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_onearg("list.extend", nargs) < 0)
        return NULL;
    if (gp_list_extend(self, args[0]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *list_method_insert(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    intptr_t index = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (index == -1 && gp_err_occurred())
        return NULL;
    if (gp_list_insert(self, index, args[1]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *list_method_pop(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_check_positional("pop", nargs, 0, 1) < 0)
        return NULL;
    intptr_t index = -1;
    if (nargs == 1) {
        index = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
        if (index == -1 && gp_err_occurred())
            return NULL;
    }
    return gp_list_pop(self, index);
}

static gp_object_t *list_method_remove(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_onearg("list.remove", nargs) < 0)
        return NULL;
    gp_list_t *list = (gp_list_t *)self;
    for (intptr_t i = 0; i < list->size; i++) {
        gp_object_t *item = GP_INCREF(list->items[i]);
        int eq = item == args[0] ? 1 : gp_object_eq(item, args[0]);
        GP_DECREF(item);
        if (eq < 0)
            return NULL;
        if (eq) {
            if (i < list->size && list_replace_range(list, i, i + 1, NULL, 0) < 0)
                return NULL;
            return gp_none_new();
        }
    }
    gp_err_set_string(&gp_exc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static gp_object_t *list_method_index(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    gp_list_t *list = (gp_list_t *)self;
    intptr_t start, stop;
    if (gp_index_bounds(args, nargs, list->size, &start, &stop) < 0)
        return NULL;
    for (intptr_t i = start; i < stop && i < list->size; i++) {
        gp_object_t *item = GP_INCREF(list->items[i]);
        int eq = item == args[0] ? 1 : gp_object_eq(item, args[0]);
        GP_DECREF(item);
        if (eq < 0)
            return NULL;
        if (eq)
            return gp_int_from_i64(i);
    }
    gp_err_format(&gp_exc_ValueError, "%R is not in list", args[0]);
    return NULL;
}

static gp_object_t *list_method_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_check_onearg("list.count", nargs) < 0)
        return NULL;
    gp_list_t *list = (gp_list_t *)self;
    intptr_t count = 0;
    for (intptr_t i = 0; i < list->size; i++) {
        gp_object_t *item = GP_INCREF(list->items[i]);
        int eq = item == args[0] ? 1 : gp_object_eq(item, args[0]);
        GP_DECREF(item);
        if (eq < 0)
            return NULL;
        count += eq;
    }
    return gp_int_from_i64(count);
}

static gp_object_t *list_method_sort(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (nargs > 0) {
        gp_err_set_string(&gp_exc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    static const char *const names[] = {"$key", "$reverse", NULL};
    gp_object_t *out[2] = {NULL, NULL};
    if (gp_args_parse("sort", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    int reverse = 0;
    if (out[1]) {
        reverse = gp_object_is_true(out[1]);
        if (reverse < 0)
            return NULL;
    }
    if (gp_list_sort(self, out[0], reverse != 0) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *list_method_reverse(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_check_noargs("list.reverse", nargs) < 0)
        return NULL;
    gp_list_reverse(self);
    return gp_none_new();
}

static gp_object_t *list_method_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_check_noargs("list.copy", nargs) < 0)
        return NULL;
    return gp_list_getslice(self, 0, GP_LIST_SIZE(self));
}

static gp_object_t *list_method_clear(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_check_noargs("list.clear", nargs) < 0)
        return NULL;
    list_clear_slot(self);
    return gp_none_new();
}

static gp_object_t *list_method_reversed(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_noargs("list.__reversed__", nargs) < 0)
        return NULL;
    list_iterator_t *it = (list_iterator_t *)gp_object_alloc(&gp_list_reverseiterator_type, 0);
    if (!it)
        return NULL;
    it->index = GP_LIST_SIZE(self) - 1;
    it->seq = GP_INCREF(self);
    gp_gc_track((gp_object_t *)it);
    return (gp_object_t *)it;
}

static const gp_method_def_t list_methods[] = {
    {"append", list_method_append, 0, "Append object to the end of the list."},
    {"extend", list_method_extend, 0, "Extend list by appending elements from the iterable."},
    {"insert", list_method_insert, 0, "Insert object before index."},
    {"pop", list_method_pop, 0, "Remove and return item at index (default last)."},
    {"remove", list_method_remove, 0, "Remove first occurrence of value."},
    {"index", list_method_index, 0, "Return first index of value."},
    {"count", list_method_count, 0, "Return number of occurrences of value."},
    {"sort", list_method_sort, GP_METH_KEYWORDS, "Sort the list in ascending order."},
    {"reverse", list_method_reverse, 0, "Reverse *IN PLACE*."},
    {"copy", list_method_copy, 0, "Return a shallow copy of the list."},
    {"clear", list_method_clear, 0, "Remove all items from list."},
    {"__reversed__", list_method_reversed, 0, "Return a reverse iterator over the list."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_list_type = {
    GP_TYPE_HEAD_INIT,
    .name = "list",
    .basicsize = sizeof(gp_list_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC | GP_TYPE_FLAG_LIST_SUBCLASS,
    .dealloc = list_dealloc,
    .new_ = list_new,
    .init = list_init,
    .repr = list_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .binop = list_binop,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .traverse = list_traverse,
    .clear = list_clear_slot,
    .methods = list_methods,
    .doc = "Built-in mutable sequence.",
};

/* ------------------------------------------------------------------ */
/* Iterators                                                            */
/* ------------------------------------------------------------------ */

static void list_iterator_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_XDECREF(((list_iterator_t *)self)->seq);
    gp_object_free(self);
}

static int list_iterator_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *seq = ((list_iterator_t *)self)->seq;
    return seq ? visit(seq, arg) : 0;
}

static int list_iterator_clear(gp_object_t *self)
{
    GP_CLEAR(((list_iterator_t *)self)->seq);
    return 0;
}

static gp_object_t *list_iterator_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

static gp_object_t *list_iterator_next(gp_object_t *self)
{
    list_iterator_t *it = (list_iterator_t *)self;
    gp_list_t *list = (gp_list_t *)it->seq;
    if (!list)
        return NULL;
    if (it->index < list->size)
        return GP_INCREF(list->items[it->index++]);
    it->seq = NULL;
    GP_DECREF((gp_object_t *)list);
    return NULL;
}

static gp_object_t *list_reverseiterator_next(gp_object_t *self)
{
    list_iterator_t *it = (list_iterator_t *)self;
    gp_list_t *list = (gp_list_t *)it->seq;
    if (!list)
        return NULL;
    if (it->index >= 0 && it->index < list->size)
        return GP_INCREF(list->items[it->index--]);
    it->seq = NULL;
    GP_DECREF((gp_object_t *)list);
    return NULL;
}

static gp_object_t *list_iterator_length_hint(gp_object_t *self, gp_object_t *const *args,
                                              size_t nargs, gp_object_t *kwnames)
{
    list_iterator_t *it = (list_iterator_t *)self;
    intptr_t left = 0;
    if (it->seq) {
        if (GP_TYPE(self) == &gp_list_iterator_type)
            left = GP_LIST_SIZE(it->seq) - it->index;
        else if (it->index < GP_LIST_SIZE(it->seq))
            left = it->index + 1;
    }
    return gp_int_from_i64(left < 0 ? 0 : left);
}

gp_object_t *gp_seq_iterator_reduce(const char *builtin, gp_object_t *seq, intptr_t index,
                                    gp_object_t *empty)
{
    gp_object_t *fn = gp_dict_getitem_cstr(gp_runtime()->builtins, builtin);
    if (!fn) {
        gp_err_format(&gp_exc_RuntimeError, "builtins.%s is missing", builtin);
        return NULL;
    }
    gp_object_t *args = gp_tuple_pack(1, seq ? seq : empty);
    if (!args)
        return NULL;
    gp_object_t *res;
    if (seq) {
        gp_object_t *pos = gp_int_from_i64(index);
        res = pos ? gp_tuple_pack(3, fn, args, pos) : NULL;
        GP_XDECREF(pos);
    } else {
        res = gp_tuple_pack(2, fn, args);
    }
    GP_DECREF(args);
    return res;
}

intptr_t gp_seq_iterator_state(gp_object_t *state, intptr_t lo, intptr_t hi)
{
    if (!gp_int_check(state)) {
        gp_err_set_string(&gp_exc_TypeError, "an integer is required");
        return -1;
    }
    intptr_t index = gp_number_as_ssize(state, NULL);
    if (index == -1 && gp_err_occurred())
        return -1;
    if (index < lo)
        index = lo;
    if (index > hi)
        index = hi;
    return index;
}

/* Pickling support: a list iterator is rebuilt as iter(list) (reversed(list)
   going backwards) advanced to the saved index. */
static gp_object_t *list_iterator_reduce(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    list_iterator_t *it = (list_iterator_t *)self;
    bool forward = GP_TYPE(self) == &gp_list_iterator_type;
    if (!it->seq) {
        /* CPython names iter even for an exhausted reversed iterator. */
        gp_object_t *empty = gp_list_new(0);
        if (!empty)
            return NULL;
        gp_object_t *res = gp_seq_iterator_reduce("iter", NULL, 0, empty);
        GP_DECREF(empty);
        return res;
    }
    return gp_seq_iterator_reduce(forward ? "iter" : "reversed", it->seq, it->index, NULL);
}

static gp_object_t *list_iterator_setstate(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    list_iterator_t *it = (list_iterator_t *)self;
    if (it->seq) {
        intptr_t n = GP_LIST_SIZE(it->seq);
        bool forward = GP_TYPE(self) == &gp_list_iterator_type;
        intptr_t index = forward ? gp_seq_iterator_state(args[0], 0, n)
                                 : gp_seq_iterator_state(args[0], -1, n - 1);
        if (index == -1 && gp_err_occurred())
            return NULL;
        it->index = index;
    }
    return gp_none_new();
}

static const gp_method_def_t list_iterator_methods[] = {
    {"__length_hint__", list_iterator_length_hint, 0, NULL},
    {"__reduce__", list_iterator_reduce, 0, NULL},
    {"__setstate__", list_iterator_setstate, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_list_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "list_iterator",
    .basicsize = sizeof(list_iterator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = list_iterator_dealloc,
    .iter = list_iterator_self,
    .iternext = list_iterator_next,
    .traverse = list_iterator_traverse,
    .clear = list_iterator_clear,
    .methods = list_iterator_methods,
};

gp_type_t gp_list_reverseiterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "list_reverseiterator",
    .basicsize = sizeof(list_iterator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = list_iterator_dealloc,
    .iter = list_iterator_self,
    .iternext = list_reverseiterator_next,
    .traverse = list_iterator_traverse,
    .clear = list_iterator_clear,
    .methods = list_iterator_methods,
};
