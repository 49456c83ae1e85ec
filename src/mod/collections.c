/*
 * collections.c - the `_collections` module: deque in C.
 *
 * Why C. A deque is what every waiting queue in the runtime stands on:
 * queue.Queue, threading.Condition's waiters, asyncio's Queue, Lock, Event
 * and Semaphore waiters. Those remove a waiter from the front (or the
 * middle, when it was cancelled) on every wake-up, so remove() and the ends
 * must be cheap; a Python deque made 5,000 asyncio tasks waiting on one
 * Event take seconds to wake.
 *
 * Layout. The items live in a ring buffer whose capacity is a power of two:
 * item i of the deque is items[(head + i) & (capacity - 1)]. Appends and
 * pops at either end are O(1) amortised; the buffer doubles when full and
 * halves when a quarter full, so a deque that once held a million items
 * does not keep their memory. Indexing is O(1) (CPython's block list makes
 * it O(n/64)); insert and delete in the middle move the shorter side.
 *
 * Mutation during iteration. Every change of the contents bumps [state].
 * Iterators remember it and raise RuntimeError("deque mutated during
 * iteration") when it moved, as CPython's do; index(), count(), remove()
 * and the comparisons re-check it after each __eq__ call, because an
 * __eq__ may mutate the deque under them.
 *
 * maxlen. When a bounded deque is full, an append at one end drops an item
 * at the other end - after the new item is stored, so a drop whose
 * __del__ looks at the deque sees it whole.
 */
#include <stdint.h>
#include <string.h>

#include "obj/containers.h"
#include "obj/genericalias.h"
#include "obj/object.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

#define DEQUE_MIN_CAPACITY 8

typedef struct deque_object {
    gp_object_t base;
    gp_object_t **items; /* ring buffer of [capacity] slots, NULL when capacity is 0 */
    intptr_t capacity;   /* 0 or a power of two */
    intptr_t head;       /* slot of item 0 */
    intptr_t size;
    intptr_t maxlen;     /* -1: unbounded */
    uint64_t state;      /* bumped by every mutation */
} deque_t;

typedef struct deque_iterator {
    gp_object_t base;
    deque_t *deque; /* NULL once exhausted */
    intptr_t index; /* next position, counted from the front (or the back) */
    uint64_t state;
} deque_iterator_t;

static gp_type_t deque_type, deque_iterator_type, deque_reverse_iterator_type;

#define DEQUE(o) ((deque_t *)(o))
#define DEQUE_SLOT(d, i) ((d)->items[((d)->head + (i)) & ((d)->capacity - 1)])

/* Does [o] convert to an index through __index__? */
static bool index_check(gp_object_t *o)
{
    return GP_TYPE(o)->to_index != NULL;
}

static bool deque_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && gp_type_is_subtype(GP_TYPE(o), &deque_type);
}

/* ------------------------------------------------------------------ */
/* The ring buffer                                                      */
/* ------------------------------------------------------------------ */

/* Moves the items into a buffer of [capacity] slots, item 0 first. */
static int deque_realloc(deque_t *d, intptr_t capacity)
{
    gp_object_t **items = gp_mem_alloc((size_t)capacity * sizeof *items);
    if (!items) {
        gp_err_no_memory();
        return -1;
    }
    for (intptr_t i = 0; i < d->size; i++)
        items[i] = DEQUE_SLOT(d, i);
    gp_mem_free(d->items);
    d->items = items;
    d->capacity = capacity;
    d->head = 0;
    return 0;
}

/* Makes room for one more item. */
static int deque_reserve_one(deque_t *d)
{
    if (d->size < d->capacity)
        return 0;
    if (d->capacity > INTPTR_MAX / 2 / (intptr_t)sizeof(gp_object_t *)) {
        gp_err_no_memory();
        return -1;
    }
    return deque_realloc(d, d->capacity ? d->capacity * 2 : DEQUE_MIN_CAPACITY);
}

/* Gives memory back after the deque shrank to a quarter of its buffer. */
static void deque_maybe_shrink(deque_t *d)
{
    if (d->capacity > DEQUE_MIN_CAPACITY && d->size < d->capacity / 4)
        (void)deque_realloc(d, d->capacity / 2); /* failure just keeps the bigger buffer */
}

/* Stores [item] (stolen) at the back or the front. */
static int deque_push(deque_t *d, gp_object_t *item, bool left)
{
    if (deque_reserve_one(d) < 0) {
        GP_DECREF(item);
        return -1;
    }
    if (left) {
        d->head = (d->head - 1) & (d->capacity - 1);
        d->items[d->head] = item;
    } else {
        DEQUE_SLOT(d, d->size) = item;
    }
    d->size++;
    d->state++;
    return 0;
}

/* Removes and returns (new reference) the item at the back or the front.
   The deque must not be empty. */
static gp_object_t *deque_take(deque_t *d, bool left)
{
    gp_object_t *item;
    if (left) {
        item = d->items[d->head];
        d->head = (d->head + 1) & (d->capacity - 1);
    } else {
        item = DEQUE_SLOT(d, d->size - 1);
    }
    d->size--;
    d->state++;
    return item;
}

/* append/appendleft with the maxlen rule. Steals [item]. */
static int deque_add(deque_t *d, gp_object_t *item, bool left)
{
    if (d->maxlen == 0) {
        GP_DECREF(item);
        return 0;
    }
    if (deque_push(d, item, left) < 0)
        return -1;
    if (d->maxlen > 0 && d->size > d->maxlen)
        GP_DECREF(deque_take(d, !left));
    return 0;
}

/* Drops every item; their destructors run after the deque is consistent. */
static void deque_clear_items(deque_t *d)
{
    gp_object_t **items = d->items;
    intptr_t capacity = d->capacity, head = d->head, size = d->size;
    d->items = NULL;
    d->capacity = d->head = d->size = 0;
    d->state++;
    for (intptr_t i = 0; i < size; i++)
        GP_DECREF(items[(head + i) & (capacity - 1)]);
    gp_mem_free(items);
}

/* Removes the item at [i] (0 <= i < size) and returns it (new reference),
   moving the shorter side of the ring. */
static gp_object_t *deque_remove_at(deque_t *d, intptr_t i)
{
    gp_object_t *item = DEQUE_SLOT(d, i);
    if (i < d->size / 2) {
        for (intptr_t j = i; j > 0; j--)
            DEQUE_SLOT(d, j) = DEQUE_SLOT(d, j - 1);
        d->head = (d->head + 1) & (d->capacity - 1);
    } else {
        for (intptr_t j = i; j < d->size - 1; j++)
            DEQUE_SLOT(d, j) = DEQUE_SLOT(d, j + 1);
    }
    d->size--;
    d->state++;
    deque_maybe_shrink(d);
    return item;
}

/* Inserts [item] (stolen) before position [i] (0 <= i <= size). */
static int deque_insert_at(deque_t *d, intptr_t i, gp_object_t *item)
{
    if (deque_reserve_one(d) < 0) {
        GP_DECREF(item);
        return -1;
    }
    if (i < d->size / 2) {
        d->head = (d->head - 1) & (d->capacity - 1);
        for (intptr_t j = 0; j < i; j++)
            DEQUE_SLOT(d, j) = DEQUE_SLOT(d, j + 1);
    } else {
        for (intptr_t j = d->size; j > i; j--)
            DEQUE_SLOT(d, j) = DEQUE_SLOT(d, j - 1);
    }
    DEQUE_SLOT(d, i) = item;
    d->size++;
    d->state++;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Life cycle                                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *deque_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_object_t *self = gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    DEQUE(self)->maxlen = -1;
    gp_gc_track(self);
    return self;
}

static int deque_extend_from(deque_t *d, gp_object_t *iterable, bool left);
static gp_object_t *deque_iter(gp_object_t *self);

static int deque_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                      gp_object_t *kwnames)
{
    static const char *const names[] = {"iterable", "maxlen", NULL};
    gp_object_t *given[2];
    if (gp_args_parse("deque", args, nargs, kwnames, names, 0, given) < 0)
        return -1;
    deque_t *d = DEQUE(self);
    intptr_t maxlen = -1;
    if (given[1] && given[1] != gp_None) {
        if (!gp_int_check(given[1])) {
            gp_err_set_string(&gp_exc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = gp_number_as_ssize(given[1], &gp_exc_OverflowError);
        if (maxlen == -1 && gp_err_occurred())
            return -1;
        if (maxlen < 0) {
            gp_err_set_string(&gp_exc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->size > 0)
        deque_clear_items(d);
    return given[0] ? deque_extend_from(d, given[0], false) : 0;
}

static void deque_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    if (!gp_gc_trashcan_begin(self, deque_dealloc))
        return;
    deque_clear_items(DEQUE(self));
    gp_object_free(self);
    gp_gc_trashcan_end();
}

static int deque_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    deque_t *d = DEQUE(self);
    for (intptr_t i = 0; i < d->size; i++) {
        gp_object_t *item = DEQUE_SLOT(d, i);
        if (GP_IS_PTR(item)) {
            int r = visit(item, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int deque_clear_slot(gp_object_t *self)
{
    deque_clear_items(DEQUE(self));
    return 0;
}

/* ------------------------------------------------------------------ */
/* Ends                                                                 */
/* ------------------------------------------------------------------ */

static gp_object_t *deque_append(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_onearg("deque.append", nargs) < 0)
        return NULL;
    if (deque_add(DEQUE(self), GP_INCREF(args[0]), false) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *deque_appendleft(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_check_onearg("deque.appendleft", nargs) < 0)
        return NULL;
    if (deque_add(DEQUE(self), GP_INCREF(args[0]), true) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *deque_pop_end(gp_object_t *self, size_t nargs, const char *qualname,
                                  bool left)
{
    if (gp_check_noargs(qualname, nargs) < 0)
        return NULL;
    deque_t *d = DEQUE(self);
    if (d->size == 0) {
        gp_err_set_string(&gp_exc_IndexError, "pop from an empty deque");
        return NULL;
    }
    gp_object_t *item = deque_take(d, left);
    deque_maybe_shrink(d);
    return item;
}

static gp_object_t *deque_pop(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return deque_pop_end(self, nargs, "deque.pop", false);
}

static gp_object_t *deque_popleft(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return deque_pop_end(self, nargs, "deque.popleft", true);
}

/* Appends every item of [iterable]; extending a deque with itself copies it first. */
static int deque_extend_from(deque_t *d, gp_object_t *iterable, bool left)
{
    gp_object_t *source = iterable;
    if (iterable == (gp_object_t *)d) {
        source = gp_list_from_iterable(iterable);
        if (!source)
            return -1;
    }
    gp_object_t *it = gp_object_iter(source);
    if (source != iterable)
        GP_DECREF(source);
    if (!it)
        return -1;
    gp_object_t *item;
    while ((item = gp_iter_next(it)) != NULL) {
        if (deque_add(d, item, left) < 0) {
            GP_DECREF(it);
            return -1;
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
}

static gp_object_t *deque_extend(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_onearg("deque.extend", nargs) < 0)
        return NULL;
    if (deque_extend_from(DEQUE(self), args[0], false) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *deque_extendleft(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_check_onearg("deque.extendleft", nargs) < 0)
        return NULL;
    if (deque_extend_from(DEQUE(self), args[0], true) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *deque_clear(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_check_noargs("deque.clear", nargs) < 0)
        return NULL;
    deque_clear_items(DEQUE(self));
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* Searching                                                            */
/* ------------------------------------------------------------------ */

/* Compares item [i] with [value]: 1 equal, 0 not, -1 error, and -2 with
   [mutated_exc] raised when the comparison changed the deque. */
static int deque_item_eq(deque_t *d, intptr_t i, gp_object_t *value, gp_type_t *mutated_exc)
{
    uint64_t state = d->state;
    gp_object_t *item = GP_INCREF(DEQUE_SLOT(d, i));
    int eq = item == value ? 1 : gp_object_eq(item, value);
    GP_DECREF(item);
    if (eq >= 0 && d->state != state) {
        gp_err_set_string(mutated_exc, "deque mutated during iteration");
        return -2;
    }
    return eq;
}

static gp_object_t *deque_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_check_onearg("deque.count", nargs) < 0)
        return NULL;
    deque_t *d = DEQUE(self);
    intptr_t count = 0;
    for (intptr_t i = 0; i < d->size; i++) {
        int eq = deque_item_eq(d, i, args[0], &gp_exc_RuntimeError);
        if (eq < 0)
            return NULL;
        count += eq;
    }
    return gp_int_from_i64(count);
}

static int deque_contains(gp_object_t *self, gp_object_t *value)
{
    deque_t *d = DEQUE(self);
    for (intptr_t i = 0; i < d->size; i++) {
        int eq = deque_item_eq(d, i, value, &gp_exc_RuntimeError);
        if (eq != 0)
            return eq > 0 ? 1 : -1;
    }
    return 0;
}

static gp_object_t *deque_index(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    deque_t *d = DEQUE(self);
    intptr_t start, stop;
    if (gp_index_bounds(args, nargs, d->size, &start, &stop) < 0)
        return NULL;
    for (intptr_t i = start; i < stop && i < d->size; i++) {
        int eq = deque_item_eq(d, i, args[0], &gp_exc_RuntimeError);
        if (eq < 0)
            return NULL;
        if (eq)
            return gp_int_from_i64(i);
    }
    gp_err_format(&gp_exc_ValueError, "%R is not in deque", args[0]);
    return NULL;
}

static gp_object_t *deque_remove(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_onearg("deque.remove", nargs) < 0)
        return NULL;
    deque_t *d = DEQUE(self);
    for (intptr_t i = 0; i < d->size; i++) {
        int eq = deque_item_eq(d, i, args[0], &gp_exc_IndexError);
        if (eq < 0)
            return NULL;
        if (eq) {
            GP_DECREF(deque_remove_at(d, i));
            return gp_none_new();
        }
    }
    gp_err_format(&gp_exc_ValueError, "%R is not in deque", args[0]);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Positions                                                            */
/* ------------------------------------------------------------------ */

/* An item index: an int or __index__ object; negative counts from the end. */
static int deque_position(deque_t *d, gp_object_t *key, intptr_t *out)
{
    if (!gp_int_check(key) && !index_check(key)) {
        gp_err_format(&gp_exc_TypeError, "sequence index must be integer, not '%s'",
                      gp_type_name(GP_TYPE(key)));
        return -1;
    }
    intptr_t i = gp_number_as_ssize(key, &gp_exc_IndexError);
    if (i == -1 && gp_err_occurred())
        return -1;
    if (i < 0)
        i += d->size;
    if (i < 0 || i >= d->size) {
        gp_err_set_string(&gp_exc_IndexError, "deque index out of range");
        return -1;
    }
    *out = i;
    return 0;
}

static gp_object_t *deque_getitem(gp_object_t *self, gp_object_t *key)
{
    deque_t *d = DEQUE(self);
    intptr_t i;
    if (GP_IS_SMALL(key)) {
        i = GP_SMALL_VALUE(key);
        if (i < 0)
            i += d->size;
        if (i >= 0 && i < d->size)
            return GP_INCREF(DEQUE_SLOT(d, i));
    }
    if (deque_position(d, key, &i) < 0)
        return NULL;
    return GP_INCREF(DEQUE_SLOT(d, i));
}

static int deque_setitem(gp_object_t *self, gp_object_t *key, gp_object_t *value)
{
    deque_t *d = DEQUE(self);
    intptr_t i;
    if (deque_position(d, key, &i) < 0)
        return -1;
    if (!value) {
        GP_DECREF(deque_remove_at(d, i));
        return 0;
    }
    gp_object_t *old = DEQUE_SLOT(d, i);
    DEQUE_SLOT(d, i) = GP_INCREF(value);
    GP_DECREF(old);
    return 0;
}

static gp_object_t *deque_insert(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    deque_t *d = DEQUE(self);
    intptr_t i;
    if (gp_slice_index_clamped(args[0], &i) < 0)
        return NULL;
    if (d->maxlen >= 0 && d->size >= d->maxlen) {
        gp_err_set_string(&gp_exc_IndexError, "deque already at its maximum size");
        return NULL;
    }
    if (i < 0 && (i += d->size) < 0)
        i = 0;
    if (i > d->size)
        i = d->size;
    if (deque_insert_at(d, i, GP_INCREF(args[1])) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *deque_rotate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_positional("rotate", nargs, 0, 1) < 0)
        return NULL;
    deque_t *d = DEQUE(self);
    intptr_t n = 1;
    if (nargs == 1) {
        n = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
        if (n == -1 && gp_err_occurred())
            return NULL;
    }
    if (d->size > 1) {
        n %= d->size;
        if (n < 0)
            n += d->size;
        /* Rotating right by n moves the last n items to the front. When the
           buffer is full the ring itself rotates for free. */
        if (n != 0) {
            if (d->size == d->capacity) {
                d->head = (d->head - n) & (d->capacity - 1);
            } else {
                for (intptr_t k = 0; k < n; k++) {
                    gp_object_t *item = DEQUE_SLOT(d, d->size - 1);
                    d->head = (d->head - 1) & (d->capacity - 1);
                    d->items[d->head] = item;
                }
            }
            d->state++;
        }
    }
    return gp_none_new();
}

static gp_object_t *deque_reverse(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_check_noargs("deque.reverse", nargs) < 0)
        return NULL;
    deque_t *d = DEQUE(self);
    for (intptr_t i = 0, j = d->size - 1; i < j; i++, j--) {
        gp_object_t *t = DEQUE_SLOT(d, i);
        DEQUE_SLOT(d, i) = DEQUE_SLOT(d, j);
        DEQUE_SLOT(d, j) = t;
    }
    d->state++;
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* Copies, arithmetic, comparisons, repr                                */
/* ------------------------------------------------------------------ */

/* A new deque of [d]'s type with its items and maxlen. Subclasses are built
   by calling the type with (items, maxlen), as CPython does. */
static gp_object_t *deque_copy_of(deque_t *d)
{
    gp_type_t *type = GP_TYPE((gp_object_t *)d);
    if (type == &deque_type) {
        gp_object_t *copy = deque_new(type, NULL, 0, NULL);
        if (!copy)
            return NULL;
        deque_t *c = DEQUE(copy);
        c->maxlen = d->maxlen;
        if (d->size > 0) {
            intptr_t capacity = DEQUE_MIN_CAPACITY;
            while (capacity < d->size)
                capacity *= 2;
            c->items = gp_mem_alloc((size_t)capacity * sizeof *c->items);
            if (!c->items) {
                GP_DECREF(copy);
                gp_err_no_memory();
                return NULL;
            }
            c->capacity = capacity;
            for (intptr_t i = 0; i < d->size; i++)
                c->items[i] = GP_INCREF(DEQUE_SLOT(d, i));
            c->size = d->size;
        }
        return copy;
    }
    gp_object_t *args[2] = {(gp_object_t *)d, NULL};
    size_t nargs = 1;
    if (d->maxlen >= 0) {
        args[1] = gp_int_from_i64(d->maxlen);
        nargs = 2;
    }
    gp_object_t *copy = gp_object_call((gp_object_t *)type, args, nargs, NULL);
    GP_XDECREF(args[1]);
    return copy;
}

static gp_object_t *deque_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_check_noargs("deque.copy", nargs) < 0)
        return NULL;
    return deque_copy_of(DEQUE(self));
}

/* d * n in place: the items repeated, then trimmed to maxlen from the left. */
static int deque_repeat_inplace(deque_t *d, gp_object_t *count)
{
    intptr_t n = gp_number_as_ssize(count, &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return -1;
    /* An empty deque stays as it is: nothing changes, so its iterators
       stay valid (CPython's deque_inplace_repeat returns early too). */
    if (d->size == 0)
        return 0;
    if (n <= 0) {
        deque_clear_items(d);
        return 0;
    }
    intptr_t size = d->size;
    if (d->maxlen >= 0) {
        /* The result is the last maxlen items of the repeated run, which
           full rounds beyond the first that overflows maxlen do not change. */
        intptr_t rounds = d->maxlen / size + 2;
        if (n > rounds)
            n = rounds;
    } else if (n > 1 && size > (INTPTR_MAX / (intptr_t)sizeof(gp_object_t *)) / n) {
        gp_err_no_memory();
        return -1;
    }
    /* The item [size] places back from the end is always the next one of
       the original run, even after maxlen dropped items on the left. */
    for (intptr_t k = 1; k < n; k++) {
        for (intptr_t i = 0; i < size; i++) {
            if (deque_add(d, GP_INCREF(DEQUE_SLOT(d, d->size - size)), false) < 0)
                return -1;
        }
    }
    return 0;
}

static gp_object_t *deque_binop(gp_object_t *a, gp_object_t *b, int op)
{
    bool inplace = (op & GP_BINOP_INPLACE) != 0;
    int base_op = op & ~GP_BINOP_INPLACE;
    if (base_op == GP_BINOP_ADD && deque_check(a)) {
        if (inplace) {
            if (deque_extend_from(DEQUE(a), b, false) < 0)
                return NULL;
            return GP_INCREF(a);
        }
        if (!deque_check(b)) {
            gp_err_format(&gp_exc_TypeError,
                          "can only concatenate deque (not \"%s\") to deque",
                          gp_type_name(GP_TYPE(b)));
            return NULL;
        }
        gp_object_t *result = deque_copy_of(DEQUE(a));
        if (result && deque_extend_from(DEQUE(result), b, false) < 0)
            GP_CLEAR(result);
        return result;
    }
    if (base_op == GP_BINOP_MUL) {
        gp_object_t *d = deque_check(a) ? a : b, *count = d == a ? b : a;
        if (!deque_check(d))
            return GP_INCREF(gp_NotImplemented);
        if (!gp_int_check(count) && !index_check(count)) {
            /* A class of the user's may still multiply through __rmul__. */
            if (GP_TYPE(count)->flags & GP_TYPE_FLAG_HEAPTYPE)
                return GP_INCREF(gp_NotImplemented);
            gp_err_format(&gp_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          gp_type_name(GP_TYPE(count)));
            return NULL;
        }
        if (inplace && d == a) {
            if (deque_repeat_inplace(DEQUE(d), count) < 0)
                return NULL;
            return GP_INCREF(d);
        }
        gp_object_t *result = deque_copy_of(DEQUE(d));
        if (result && deque_repeat_inplace(DEQUE(result), count) < 0)
            GP_CLEAR(result);
        return result;
    }
    return GP_INCREF(gp_NotImplemented);
}

/* d.__iadd__(x) and d.__imul__(n) as callable methods: the binop slot
   serves the operators, but code may also call these by name. */
static gp_object_t *deque_iadd(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("__iadd__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return deque_binop(self, args[0], GP_BINOP_ADD | GP_BINOP_INPLACE);
}

static gp_object_t *deque_imul(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("__imul__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return deque_binop(self, args[0], GP_BINOP_MUL | GP_BINOP_INPLACE);
}

static gp_object_t *deque_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!deque_check(a) || !deque_check(b))
        return GP_INCREF(gp_NotImplemented);
    deque_t *da = DEQUE(a), *db = DEQUE(b);
    if ((op == GP_CMP_EQ || op == GP_CMP_NE) && da->size != db->size)
        return gp_bool_from(op == GP_CMP_NE);
    /* The first position where the items differ decides, as for lists. */
    intptr_t i;
    for (i = 0; i < da->size && i < db->size; i++) {
        gp_object_t *x = GP_INCREF(DEQUE_SLOT(da, i));
        gp_object_t *y = GP_INCREF(DEQUE_SLOT(db, i));
        int eq = x == y ? 1 : gp_object_eq(x, y);
        if (eq == 0) {
            gp_object_t *r = op == GP_CMP_EQ   ? gp_bool_from(false)
                             : op == GP_CMP_NE ? gp_bool_from(true)
                                               : gp_object_richcompare(x, y, op);
            GP_DECREF(x);
            GP_DECREF(y);
            return r;
        }
        GP_DECREF(x);
        GP_DECREF(y);
        if (eq < 0)
            return NULL;
    }
    intptr_t la = da->size, lb = db->size;
    bool result;
    switch (op) {
    case GP_CMP_LT: result = la < lb; break;
    case GP_CMP_LE: result = la <= lb; break;
    case GP_CMP_EQ: result = la == lb; break;
    case GP_CMP_NE: result = la != lb; break;
    case GP_CMP_GT: result = la > lb; break;
    default: result = la >= lb; break;
    }
    return gp_bool_from(result);
}

static gp_object_t *deque_repr(gp_object_t *self)
{
    deque_t *d = DEQUE(self);
    int status = gp_repr_enter(self);
    if (status != 0)
        return status > 0 ? gp_str_from_cstr("[...]") : NULL;
    gp_object_t *items = gp_list_from_iterable(self);
    gp_object_t *r = NULL;
    if (items) {
        const char *name = gp_type_name(GP_TYPE(self));
        if (d->maxlen >= 0)
            r = gp_str_from_format("%s(%R, maxlen=%zd)", name, items, (size_t)d->maxlen);
        else
            r = gp_str_from_format("%s(%R)", name, items);
        GP_DECREF(items);
    }
    gp_repr_leave(self);
    return r;
}

static intptr_t deque_len(gp_object_t *self)
{
    return DEQUE(self)->size;
}

static gp_object_t *deque_get_maxlen(gp_object_t *self, void *closure)
{
    intptr_t maxlen = DEQUE(self)->maxlen;
    return maxlen < 0 ? gp_none_new() : gp_int_from_i64(maxlen);
}

/* __reduce__: (type, args, state, iterator over the items), which copy and
   deepcopy rebuild by calling type(*args) and extending with the items. */
static gp_object_t *deque_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_noargs("deque.__reduce__", nargs) < 0)
        return NULL;
    deque_t *d = DEQUE(self);
    gp_object_t *ctor_args = NULL, *state = NULL, *items = NULL, *result = NULL;
    if (d->maxlen >= 0) {
        gp_object_t *empty = gp_tuple_new(0);
        gp_object_t *maxlen = empty ? gp_int_from_i64(d->maxlen) : NULL;
        ctor_args = maxlen ? gp_tuple_pack(2, empty, maxlen) : NULL;
        GP_XDECREF(empty);
        GP_XDECREF(maxlen);
    } else {
        ctor_args = gp_tuple_new(0);
    }
    gp_object_t **dict = gp_object_dict_ptr(self);
    state = dict && *dict && gp_dict_size(*dict) > 0 ? GP_INCREF(*dict) : gp_none_new();
    items = ctor_args ? deque_iter(self) : NULL;
    if (items)
        result = gp_tuple_pack(4, (gp_object_t *)GP_TYPE(self), ctor_args, state, items);
    GP_XDECREF(ctor_args);
    GP_XDECREF(state);
    GP_XDECREF(items);
    return result;
}

static gp_object_t *deque_class_getitem(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_args_check("__class_getitem__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_generic_alias_new(cls, args[0]);
}

/* ------------------------------------------------------------------ */
/* Iterators                                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *deque_iter_new(deque_t *d, gp_type_t *type)
{
    deque_iterator_t *it = (deque_iterator_t *)gp_object_alloc(type, 0);
    if (!it)
        return NULL;
    it->deque = (deque_t *)GP_INCREF((gp_object_t *)d);
    it->index = 0;
    it->state = d->state;
    gp_gc_track((gp_object_t *)it);
    return (gp_object_t *)it;
}

static gp_object_t *deque_iter(gp_object_t *self)
{
    return deque_iter_new(DEQUE(self), &deque_iterator_type);
}

static gp_object_t *deque_reversed(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_check_noargs("deque.__reversed__", nargs) < 0)
        return NULL;
    return deque_iter_new(DEQUE(self), &deque_reverse_iterator_type);
}

/* The next item of a forward or reverse iterator. */
static gp_object_t *deque_iter_step(gp_object_t *self, bool reverse)
{
    deque_iterator_t *it = (deque_iterator_t *)self;
    deque_t *d = it->deque;
    if (!d)
        return NULL;
    if (d->state != it->state) {
        gp_err_set_string(&gp_exc_RuntimeError, "deque mutated during iteration");
        return NULL;
    }
    if (it->index >= d->size) {
        GP_CLEAR(it->deque);
        return NULL;
    }
    intptr_t i = reverse ? d->size - 1 - it->index : it->index;
    it->index++;
    return GP_INCREF(DEQUE_SLOT(d, i));
}

static gp_object_t *deque_iter_next(gp_object_t *self)
{
    return deque_iter_step(self, false);
}

static gp_object_t *deque_reverse_iter_next(gp_object_t *self)
{
    return deque_iter_step(self, true);
}

static gp_object_t *deque_iter_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

static gp_object_t *deque_iter_length_hint(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    deque_iterator_t *it = (deque_iterator_t *)self;
    intptr_t left = it->deque ? it->deque->size - it->index : 0;
    return gp_int_from_i64(left > 0 ? left : 0);
}

static void deque_iter_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_XDECREF((gp_object_t *)((deque_iterator_t *)self)->deque);
    gp_object_free(self);
}

static int deque_iter_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    deque_t *d = ((deque_iterator_t *)self)->deque;
    return d ? visit((gp_object_t *)d, arg) : 0;
}

static int deque_iter_clear(gp_object_t *self)
{
    GP_CLEAR(((deque_iterator_t *)self)->deque);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Types and module                                                     */
/* ------------------------------------------------------------------ */

static const gp_method_def_t deque_methods[] = {
    {"__iadd__", deque_iadd, 0, NULL},
    {"__imul__", deque_imul, 0, NULL},
    {"append", deque_append, 0, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, 0, "Add an element to the left side of the deque."},
    {"pop", deque_pop, 0, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, 0, "Remove and return the leftmost element."},
    {"extend", deque_extend, 0, "Extend the right side of the deque with elements from the iterable."},
    {"extendleft", deque_extendleft, 0, "Extend the left side of the deque with elements from the iterable."},
    {"clear", deque_clear, 0, "Remove all elements from the deque."},
    {"copy", deque_copy, 0, "Return a shallow copy of a deque."},
    {"__copy__", deque_copy, 0, "Return a shallow copy of a deque."},
    {"count", deque_count, 0, "Return number of occurrences of value."},
    {"index", deque_index, 0, "Return first index of value."},
    {"insert", deque_insert, 0, "Insert value before index."},
    {"remove", deque_remove, 0, "Remove first occurrence of value."},
    {"reverse", deque_reverse, 0, "Reverse *IN PLACE*."},
    {"rotate", deque_rotate, 0, "Rotate the deque n steps to the right (default n=1)."},
    {"__reversed__", deque_reversed, 0, "Return a reverse iterator over the deque."},
    {"__reduce__", deque_reduce, 0, "Return state information for pickling."},
    {"__class_getitem__", deque_class_getitem, GP_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t deque_getsets[] = {
    {"maxlen", deque_get_maxlen, NULL, NULL, "maximum size of a deque or None if unbounded"},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t deque_type = {
    GP_TYPE_HEAD_INIT,
    .name = "collections.deque",
    .basicsize = sizeof(deque_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = deque_dealloc,
    .new_ = deque_new,
    .init = deque_init,
    .repr = deque_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = deque_richcompare,
    .iter = deque_iter,
    .binop = deque_binop,
    .len = deque_len,
    .getitem = deque_getitem,
    .setitem = deque_setitem,
    .contains = deque_contains,
    .traverse = deque_traverse,
    .clear = deque_clear_slot,
    .methods = deque_methods,
    .getsets = deque_getsets,
    .doc = "A list-like sequence optimized for data accesses near its endpoints.",
};

static const gp_method_def_t deque_iter_methods[] = {
    {"__length_hint__", deque_iter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t deque_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_collections._deque_iterator",
    .basicsize = sizeof(deque_iterator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = deque_iter_dealloc,
    .iter = deque_iter_self,
    .iternext = deque_iter_next,
    .traverse = deque_iter_traverse,
    .clear = deque_iter_clear,
    .methods = deque_iter_methods,
};

static gp_type_t deque_reverse_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_collections._deque_reverse_iterator",
    .basicsize = sizeof(deque_iterator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = deque_iter_dealloc,
    .iter = deque_iter_self,
    .iternext = deque_reverse_iter_next,
    .traverse = deque_iter_traverse,
    .clear = deque_iter_clear,
    .methods = deque_iter_methods,
};

gp_object_t *gp_collections_module_create(void)
{
    if (gp_type_ready(&deque_type) < 0 || gp_type_ready(&deque_iterator_type) < 0 ||
        gp_type_ready(&deque_reverse_iterator_type) < 0)
        return NULL;
    gp_object_t *m = gp_module_new("_collections");
    if (!m)
        return NULL;
    if (gp_module_add_object(m, "deque", (gp_object_t *)&deque_type) < 0 ||
        gp_module_add_object(m, "_deque_iterator", (gp_object_t *)&deque_iterator_type) < 0 ||
        gp_module_add_object(m, "_deque_reverse_iterator",
                             (gp_object_t *)&deque_reverse_iterator_type) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
