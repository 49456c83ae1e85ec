/*
 * tuple.c - the tuple type and its iterator.
 *
 * Design notes
 * ------------
 * A tuple is a var object: the item pointers follow the header in the same
 * allocation (gp_tuple_t in object.h), so GP_TUPLE_GET is one load.
 *
 * The empty tuple is a single static, immortal object. It needs no runtime
 * start-up work: `gp_empty_tuple` points at it from the first instruction,
 * and gp_tuple_new(0) returns it. Because tuple is a GC type, the static
 * object carries storage for a gc head in front of its header (never
 * linked: it is never tracked), so GP_GC_HEAD() on it is a valid read.
 *
 * Small tuples are recycled, as in CPython: tuples are created and dropped
 * constantly (argument packs, multiple return values, dict items), and
 * malloc+free for each is most of their cost. An exact tuple of 1..20
 * items goes, when freed, onto the free list for its size (at most 2,000
 * per size), chained through its first item slot; gp_tuple_new() takes from
 * there first. The lists are a cache touched only under the GIL, like the
 * float free list, and gp_tuple_clear_free_list() releases them. A recycled
 * block still counts as live for gp_mem_live_blocks().
 *
 * Tuples are tracked by the cycle collector as soon as they are created,
 * even while their slots are still NULL: traverse skips NULL slots, and the
 * collector never frees an object a C local still holds.
 *
 * The hash is CPython's (xxHash-based since 3.8), so hash((1, 2)) prints
 * the same number as CPython and tuples of equal numbers hash equally.
 *
 * Binary operators: CPython reports `(1,) + 1` as "can only concatenate
 * tuple (not "int") to tuple" from its sequence slots, after the number
 * slots gave up. gilpy has only the number slot, so the tuple raises that
 * message itself when the other operand is a builtin (static) type, which
 * cannot implement the reflected operation; for a user class it returns
 * NotImplemented so the class's __radd__/__rmul__ still gets its turn.
 */
#include <string.h>

#include "obj/containers.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

/* The empty tuple: gc head storage, then the var header with size 0. */
static struct {
    gp_gc_head_t gc;
    gp_varobject_t tuple;
} empty_tuple_storage = {
    {NULL, NULL, 0},
    {{GP_IMMORTAL_REFCNT, &gp_tuple_type}, 0},
};
gp_object_t *gp_empty_tuple = (gp_object_t *)&empty_tuple_storage.tuple;

typedef struct tuple_iterator {
    gp_object_t base;
    intptr_t index;
    gp_object_t *seq; /* NULL once exhausted */
} tuple_iterator_t;

/* ------------------------------------------------------------------ */
/* Construction                                                         */
/* ------------------------------------------------------------------ */

enum {
    TUPLE_FREE_MAX_SIZE = 20,    /* largest recycled tuple */
    TUPLE_FREE_MAX_COUNT = 2000, /* recycled tuples kept per size */
};

/* tuple_free[n] chains free tuples of n items through items[0]. */
static gp_tuple_t *tuple_free[TUPLE_FREE_MAX_SIZE + 1];
static int tuple_free_count[TUPLE_FREE_MAX_SIZE + 1];

/* A new tuple of [type] (tuple or a subclass) with [n] NULL slots, untracked. */
static gp_object_t *tuple_alloc(gp_type_t *type, size_t n)
{
    if (n > (SIZE_MAX - sizeof(gp_tuple_t)) / sizeof(gp_object_t *) / 2) {
        gp_err_no_memory();
        return NULL;
    }
    if (type != &gp_tuple_type)
        return gp_object_alloc(type, n);
    /* An exact tuple sets every field itself, so plain malloc is enough:
       clearing the whole block first would only be paid twice. */
    gp_gc_head_t *head =
        gp_mem_alloc(sizeof(gp_gc_head_t) + sizeof(gp_tuple_t) + n * sizeof(gp_object_t *));
    if (!head) {
        gp_err_no_memory();
        return NULL;
    }
    head->next = head->prev = NULL;
    head->gc_refs = 0;
    gp_tuple_t *t = (gp_tuple_t *)GP_GC_OBJECT(head);
    t->base.base.refcnt = 1;
    t->base.base.type = &gp_tuple_type;
    t->base.size = (intptr_t)n;
    memset(t->items, 0, n * sizeof(gp_object_t *));
    return (gp_object_t *)t;
}

gp_object_t *gp_tuple_new(size_t n)
{
    if (n == 0)
        return GP_INCREF(gp_empty_tuple);
    gp_object_t *t;
    if (n <= TUPLE_FREE_MAX_SIZE && tuple_free[n]) {
        gp_tuple_t *recycled = tuple_free[n];
        tuple_free[n] = (gp_tuple_t *)recycled->items[0];
        tuple_free_count[n]--;
        recycled->base.base.refcnt = 1;
        memset(recycled->items, 0, n * sizeof(gp_object_t *));
        t = (gp_object_t *)recycled;
    } else {
        t = tuple_alloc(&gp_tuple_type, n);
        if (!t)
            return NULL;
    }
    gp_gc_track(t);
    return t;
}

void gp_tuple_clear_free_list(void)
{
    for (int n = 1; n <= TUPLE_FREE_MAX_SIZE; n++) {
        while (tuple_free[n]) {
            gp_tuple_t *t = tuple_free[n];
            tuple_free[n] = (gp_tuple_t *)t->items[0];
            gp_object_free((gp_object_t *)t);
        }
        tuple_free_count[n] = 0;
    }
}

gp_object_t *gp_tuple_from_array(gp_object_t *const *items, size_t n)
{
    gp_object_t *t = gp_tuple_new(n);
    if (!t)
        return NULL;
    for (size_t i = 0; i < n; i++)
        GP_TUPLE_SET(t, i, GP_INCREF(items[i]));
    return t;
}

gp_object_t *gp_tuple_pack(size_t n, ...)
{
    gp_object_t *t = gp_tuple_new(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        GP_TUPLE_SET(t, i, GP_INCREF(va_arg(ap, gp_object_t *)));
    va_end(ap);
    return t;
}

/* Collects the items of any iterable into a new tuple of [type]. */
static gp_object_t *tuple_from_iterable_as(gp_type_t *type, gp_object_t *iterable)
{
    if (type == &gp_tuple_type) {
        if (gp_tuple_check_exact(iterable))
            return GP_INCREF(iterable);
        if (gp_list_items_direct(iterable))
            return gp_tuple_from_array(GP_LIST_ITEMS(iterable), (size_t)GP_LIST_SIZE(iterable));
    }
    gp_object_t *list = gp_list_from_iterable(iterable);
    if (!list)
        return NULL;
    size_t n = (size_t)GP_LIST_SIZE(list);
    gp_object_t *t;
    if (type == &gp_tuple_type) {
        t = gp_tuple_new(n);
    } else {
        t = tuple_alloc(type, n);
        if (t)
            gp_gc_track(t);
    }
    if (t) {
        /* The list is ours alone: move its references instead of copying. */
        for (size_t i = 0; i < n; i++)
            GP_TUPLE_SET(t, i, GP_LIST_GET(list, i));
        GP_LIST_SIZE(list) = 0;
    }
    GP_DECREF(list);
    return t;
}

gp_object_t *gp_tuple_from_iterable(gp_object_t *iterable)
{
    return tuple_from_iterable_as(&gp_tuple_type, iterable);
}

gp_object_t *gp_tuple_getslice(gp_object_t *tuple, intptr_t start, intptr_t stop)
{
    if (start == 0 && stop == GP_TUPLE_SIZE(tuple) && gp_tuple_check_exact(tuple))
        return GP_INCREF(tuple);
    if (stop < start)
        stop = start;
    return gp_tuple_from_array(GP_TUPLE_ITEMS(tuple) + start, (size_t)(stop - start));
}

gp_object_t *gp_tuple_concat(gp_object_t *a, gp_object_t *b)
{
    intptr_t na = GP_TUPLE_SIZE(a), nb = GP_TUPLE_SIZE(b);
    if (nb == 0 && gp_tuple_check_exact(a))
        return GP_INCREF(a);
    if (na == 0 && gp_tuple_check_exact(b))
        return GP_INCREF(b);
    gp_object_t *t = gp_tuple_new((size_t)na + (size_t)nb);
    if (!t)
        return NULL;
    for (intptr_t i = 0; i < na; i++)
        GP_TUPLE_SET(t, i, GP_INCREF(GP_TUPLE_GET(a, i)));
    for (intptr_t i = 0; i < nb; i++)
        GP_TUPLE_SET(t, na + i, GP_INCREF(GP_TUPLE_GET(b, i)));
    return t;
}

static gp_object_t *tuple_repeat(gp_object_t *a, intptr_t count)
{
    intptr_t n = GP_TUPLE_SIZE(a);
    if (count < 0)
        count = 0;
    if (count == 1 && gp_tuple_check_exact(a))
        return GP_INCREF(a);
    if (n == 0 || count == 0)
        return gp_tuple_new(0);
    if (n > INTPTR_MAX / 8 / count) {
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *t = gp_tuple_new((size_t)(n * count));
    if (!t)
        return NULL;
    gp_object_t **dst = GP_TUPLE_ITEMS(t);
    for (intptr_t c = 0; c < count; c++)
        for (intptr_t i = 0; i < n; i++)
            *dst++ = GP_INCREF(GP_TUPLE_GET(a, i));
    return t;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */
/* ------------------------------------------------------------------ */

static void tuple_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    if (!gp_gc_trashcan_begin(self, tuple_dealloc))
        return;
    intptr_t n = GP_TUPLE_SIZE(self);
    for (intptr_t i = 0; i < n; i++)
        GP_XDECREF(GP_TUPLE_GET(self, i));
    if (n > 0 && n <= TUPLE_FREE_MAX_SIZE && GP_TYPE(self) == &gp_tuple_type &&
        tuple_free_count[n] < TUPLE_FREE_MAX_COUNT) {
        GP_TUPLE_SET(self, 0, (gp_object_t *)tuple_free[n]);
        tuple_free[n] = (gp_tuple_t *)self;
        tuple_free_count[n]++;
    } else {
        gp_object_free(self);
    }
    gp_gc_trashcan_end();
}

static int tuple_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    intptr_t n = GP_TUPLE_SIZE(self);
    for (intptr_t i = 0; i < n; i++) {
        gp_object_t *item = GP_TUPLE_GET(self, i);
        if (item && GP_IS_PTR(item)) {
            int r = visit(item, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static gp_object_t *tuple_repr(gp_object_t *self)
{
    intptr_t n = GP_TUPLE_SIZE(self);
    if (n == 0)
        return gp_str_from_cstr("()");
    int status = gp_repr_enter(self);
    if (status != 0)
        return status > 0 ? gp_str_from_cstr("(...)") : NULL;
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    gp_strbuf_append_char(&buf, '(');
    for (intptr_t i = 0; i < n; i++) {
        if (i > 0)
            gp_strbuf_append(&buf, ", ", 2);
        gp_object_t *r = gp_object_repr(GP_TUPLE_GET(self, i));
        if (!r)
            goto error;
        gp_strbuf_append_str(&buf, r);
        GP_DECREF(r);
    }
    if (n == 1)
        gp_strbuf_append_char(&buf, ',');
    gp_strbuf_append_char(&buf, ')');
    gp_repr_leave(self);
    return gp_strbuf_finish(&buf);
error:
    gp_strbuf_discard(&buf);
    gp_repr_leave(self);
    return NULL;
}

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

intptr_t gp_tuple_hash(gp_object_t *self)
{
    intptr_t n = GP_TUPLE_SIZE(self);
    uint64_t acc = XXPRIME_5;
    for (intptr_t i = 0; i < n; i++) {
        intptr_t h = gp_object_hash(GP_TUPLE_GET(self, i));
        if (h == -1)
            return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (intptr_t)acc;
}

/* Lexicographic comparison shared with list: [a] and [b] are item arrays. */
static gp_object_t *tuple_compare_items(gp_object_t *const *a, intptr_t na, gp_object_t *const *b,
                                        intptr_t nb, gp_cmpop_t op)
{
    if ((op == GP_CMP_EQ || op == GP_CMP_NE) && na != nb)
        return gp_bool_from(op == GP_CMP_NE);
    intptr_t i;
    for (i = 0; i < na && i < nb; i++) {
        int eq = gp_object_eq(a[i], b[i]);
        if (eq < 0)
            return NULL;
        if (!eq)
            break;
    }
    if (i >= na || i >= nb) {
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
    return gp_object_richcompare(a[i], b[i], op);
}

static gp_object_t *tuple_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_tuple_check(a) || !gp_tuple_check(b))
        return GP_INCREF(gp_NotImplemented);
    /* Items are borrowed from immutable tuples the caller holds: no copy. */
    return tuple_compare_items(GP_TUPLE_ITEMS(a), GP_TUPLE_SIZE(a), GP_TUPLE_ITEMS(b),
                               GP_TUPLE_SIZE(b), op);
}

static intptr_t tuple_len(gp_object_t *self)
{
    return GP_TUPLE_SIZE(self);
}

static gp_object_t *tuple_getitem(gp_object_t *self, gp_object_t *key)
{
    intptr_t n = GP_TUPLE_SIZE(self);
    intptr_t i;
    if (GP_IS_SMALL(key)) {
        i = GP_SMALL_VALUE(key);
    } else if (GP_IS_TYPE(key, gp_slice_type)) {
        intptr_t start, stop, step;
        intptr_t len = gp_slice_indices(key, n, &start, &stop, &step);
        if (len < 0)
            return NULL;
        if (step == 1)
            return gp_tuple_getslice(self, start, start + len);
        gp_object_t *t = gp_tuple_new((size_t)len);
        if (!t)
            return NULL;
        for (intptr_t k = 0, j = start; k < len; k++, j += step)
            GP_TUPLE_SET(t, k, GP_INCREF(GP_TUPLE_GET(self, j)));
        return t;
    } else if (GP_TYPE(key)->to_index) {
        i = gp_number_as_ssize(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return NULL;
    } else {
        gp_err_format(&gp_exc_TypeError, "tuple indices must be integers or slices, not %T", key);
        return NULL;
    }
    if (i < 0)
        i += n;
    if ((uintptr_t)i >= (uintptr_t)n) {
        gp_err_set_string(&gp_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return GP_INCREF(GP_TUPLE_GET(self, i));
}

static int tuple_contains(gp_object_t *self, gp_object_t *value)
{
    intptr_t n = GP_TUPLE_SIZE(self);
    for (intptr_t i = 0; i < n; i++) {
        gp_object_t *item = GP_TUPLE_GET(self, i);
        if (item == value)
            return 1;
        int eq = gp_object_eq(item, value);
        if (eq != 0)
            return eq;
    }
    return 0;
}

static gp_object_t *tuple_iter(gp_object_t *self)
{
    tuple_iterator_t *it = (tuple_iterator_t *)gp_object_alloc(&gp_tuple_iterator_type, 0);
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = GP_INCREF(self);
    gp_gc_track((gp_object_t *)it);
    return (gp_object_t *)it;
}

/* True when [o]'s type cannot implement a reflected operator (see the notes). */
static bool tuple_other_is_builtin(gp_object_t *o)
{
    return !(GP_TYPE(o)->flags & GP_TYPE_FLAG_HEAPTYPE);
}

static gp_object_t *tuple_repeat_by(gp_object_t *seq, gp_object_t *count)
{
    if (!GP_TYPE(count)->to_index) {
        if (tuple_other_is_builtin(count)) {
            gp_err_format(&gp_exc_TypeError, "can't multiply sequence by non-int of type '%T'",
                          count);
            return NULL;
        }
        return GP_INCREF(gp_NotImplemented);
    }
    intptr_t n = gp_number_as_ssize(count, &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return NULL;
    return tuple_repeat(seq, n);
}

static gp_object_t *tuple_binop(gp_object_t *a, gp_object_t *b, int op)
{
    switch (op & ~GP_BINOP_INPLACE) {
    case GP_BINOP_ADD:
        if (gp_tuple_check(a) && gp_tuple_check(b))
            return gp_tuple_concat(a, b);
        if (gp_tuple_check(a) && tuple_other_is_builtin(b)) {
            gp_err_format(&gp_exc_TypeError,
                          "can only concatenate tuple (not \"%T\") to tuple", b);
            return NULL;
        }
        break;
    case GP_BINOP_MUL:
        if (gp_tuple_check(a))
            return tuple_repeat_by(a, b);
        if (gp_tuple_check(b))
            return tuple_repeat_by(b, a);
        break;
    default:
        break;
    }
    return GP_INCREF(gp_NotImplemented);
}

static gp_object_t *tuple_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    /* Keywords are refused unless a subclass __init__ is there to take them. */
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0 &&
        (type == &gp_tuple_type || type->init == gp_tuple_type.init)) {
        gp_err_set_string(&gp_exc_TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "tuple expected at most 1 argument, got %zu", nargs);
        return NULL;
    }
    if (nargs == 0) {
        if (type == &gp_tuple_type)
            return gp_tuple_new(0);
        gp_object_t *t = tuple_alloc(type, 0);
        if (t)
            gp_gc_track(t);
        return t;
    }
    return tuple_from_iterable_as(type, args[0]);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *tuple_method_index(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    intptr_t start, stop;
    if (gp_index_bounds(args, nargs, GP_TUPLE_SIZE(self), &start, &stop) < 0)
        return NULL;
    for (intptr_t i = start; i < stop && i < GP_TUPLE_SIZE(self); i++) {
        int eq = gp_object_eq(GP_TUPLE_GET(self, i), args[0]);
        if (eq < 0)
            return NULL;
        if (eq)
            return gp_int_from_i64(i);
    }
    gp_err_set_string(&gp_exc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static gp_object_t *tuple_method_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_onearg("tuple.count", nargs) < 0)
        return NULL;
    intptr_t count = 0;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(self); i++) {
        int eq = gp_object_eq(GP_TUPLE_GET(self, i), args[0]);
        if (eq < 0)
            return NULL;
        count += eq;
    }
    return gp_int_from_i64(count);
}

static gp_object_t *tuple_method_getnewargs(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_noargs("tuple.__getnewargs__", nargs) < 0)
        return NULL;
    gp_object_t *copy = gp_tuple_from_array(GP_TUPLE_ITEMS(self), (size_t)GP_TUPLE_SIZE(self));
    if (!copy)
        return NULL;
    gp_object_t *r = gp_tuple_pack(1, copy);
    GP_DECREF(copy);
    return r;
}

static const gp_method_def_t tuple_methods[] = {
    {"index", tuple_method_index, 0, "Return first index of value."},
    {"count", tuple_method_count, 0, "Return number of occurrences of value."},
    {"__getnewargs__", tuple_method_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_tuple_type = {
    GP_TYPE_HEAD_INIT,
    .name = "tuple",
    .basicsize = sizeof(gp_tuple_t),
    .itemsize = sizeof(gp_object_t *),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC | GP_TYPE_FLAG_TUPLE_SUBCLASS,
    .dealloc = tuple_dealloc,
    .new_ = tuple_new,
    .repr = tuple_repr,
    .hash = gp_tuple_hash,
    .richcompare = tuple_richcompare,
    .iter = tuple_iter,
    .binop = tuple_binop,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .traverse = tuple_traverse,
    .methods = tuple_methods,
    .doc = "Built-in immutable sequence.",
};

/* ------------------------------------------------------------------ */
/* The iterator                                                         */
/* ------------------------------------------------------------------ */

static void tuple_iterator_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_XDECREF(((tuple_iterator_t *)self)->seq);
    gp_object_free(self);
}

static int tuple_iterator_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *seq = ((tuple_iterator_t *)self)->seq;
    return seq ? visit(seq, arg) : 0;
}

static int tuple_iterator_clear(gp_object_t *self)
{
    GP_CLEAR(((tuple_iterator_t *)self)->seq);
    return 0;
}

static gp_object_t *iterator_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

static gp_object_t *tuple_iterator_next(gp_object_t *self)
{
    tuple_iterator_t *it = (tuple_iterator_t *)self;
    gp_object_t *seq = it->seq;
    if (!seq)
        return NULL;
    if (it->index < GP_TUPLE_SIZE(seq))
        return GP_INCREF(GP_TUPLE_GET(seq, it->index++));
    it->seq = NULL;
    GP_DECREF(seq);
    return NULL;
}

static gp_object_t *tuple_iterator_length_hint(gp_object_t *self, gp_object_t *const *args,
                                               size_t nargs, gp_object_t *kwnames)
{
    tuple_iterator_t *it = (tuple_iterator_t *)self;
    intptr_t left = it->seq ? GP_TUPLE_SIZE(it->seq) - it->index : 0;
    return gp_int_from_i64(left < 0 ? 0 : left);
}

/* Pickling support, as for list iterators (obj/list.c). */
static gp_object_t *tuple_iterator_reduce(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    tuple_iterator_t *it = (tuple_iterator_t *)self;
    gp_object_t *empty = gp_tuple_new(0);
    if (!empty)
        return NULL;
    gp_object_t *res = gp_seq_iterator_reduce("iter", it->seq, it->index, empty);
    GP_DECREF(empty);
    return res;
}

static gp_object_t *tuple_iterator_setstate(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    tuple_iterator_t *it = (tuple_iterator_t *)self;
    if (it->seq) {
        intptr_t index = gp_seq_iterator_state(args[0], 0, GP_TUPLE_SIZE(it->seq));
        if (index == -1 && gp_err_occurred())
            return NULL;
        it->index = index;
    }
    return gp_none_new();
}

static const gp_method_def_t tuple_iterator_methods[] = {
    {"__length_hint__", tuple_iterator_length_hint, 0, NULL},
    {"__reduce__", tuple_iterator_reduce, 0, NULL},
    {"__setstate__", tuple_iterator_setstate, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_tuple_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "tuple_iterator",
    .basicsize = sizeof(tuple_iterator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = tuple_iterator_dealloc,
    .iter = iterator_self,
    .iternext = tuple_iterator_next,
    .traverse = tuple_iterator_traverse,
    .clear = tuple_iterator_clear,
    .methods = tuple_iterator_methods,
};
