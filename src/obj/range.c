/*
 * range.c - range objects and their iterators.
 *
 * Design notes
 * ------------
 * A range keeps its start, stop, step and length as int objects (which cost
 * nothing when they are small: small ints are unboxed) so that bounds
 * beyond the C range work as in CPython: range(10**20)[-1], `in`, repr. When
 * all four fit a C integer, which is nearly always, `small` is set and the
 * C copies drive every operation without touching the object protocol.
 *
 * `for i in range(n)` is the hot case: the range_iterator holds three C
 * integers and produces unboxed small ints, so an iteration step is an add,
 * a compare and a shift, with no allocation. Ranges whose items do not all
 * fit a small int use a slower iterator over int objects (CPython's
 * longrange_iterator).
 *
 * len() of a range longer than the C range raises OverflowError, as
 * CPython's does.
 */
#include "obj/containers.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

typedef struct gp_range {
    gp_object_t base;
    gp_object_t *start, *stop, *step, *length; /* int objects */
    bool small; /* all of them (and every item) fit a small int */
    intptr_t cstart, cstop, cstep, clength;
} gp_range_t;

/* [taken] counts the items already produced: with it, __reduce__ can name
   the range the iterator started from, as CPython's pickles do. */
typedef struct range_iterator {
    gp_object_t base;
    intptr_t next, step, remaining, taken;
} range_iterator_t;

typedef struct longrange_iterator {
    gp_object_t base;
    gp_object_t *next, *step, *remaining; /* int objects */
    intptr_t taken;
} longrange_iterator_t;



#define RANGE(o) ((gp_range_t *)(o))

/* ------------------------------------------------------------------ */
/* Arithmetic helpers on int objects                                    */
/* ------------------------------------------------------------------ */

static gp_object_t *range_binop(gp_object_t *a, gp_object_t *b, gp_binop_t op)
{
    return gp_number_binop(a, b, op);
}

/* The number of items of range(start, stop, step) as an int object. */
static gp_object_t *range_compute_length(gp_object_t *start, gp_object_t *stop, gp_object_t *step)
{
    int step_sign = gp_int_sign(step);
    gp_object_t *lo, *hi, *abs_step;
    if (step_sign > 0) {
        lo = start;
        hi = stop;
        abs_step = GP_INCREF(step);
    } else {
        lo = stop;
        hi = start;
        abs_step = gp_number_unop(step, GP_UNOP_NEG);
        if (!abs_step)
            return NULL;
    }
    int cmp = gp_object_richcompare_bool(lo, hi, GP_CMP_GE);
    if (cmp != 0) {
        GP_DECREF(abs_step);
        return cmp < 0 ? NULL : gp_int_from_i64(0);
    }
    /* (hi - lo - 1) // abs_step + 1 */
    gp_object_t *diff = range_binop(hi, lo, GP_BINOP_SUB);
    gp_object_t *t = diff ? range_binop(diff, GP_SMALL_NEW(1), GP_BINOP_SUB) : NULL;
    gp_object_t *q = t ? range_binop(t, abs_step, GP_BINOP_FLOORDIV) : NULL;
    gp_object_t *len = q ? range_binop(q, GP_SMALL_NEW(1), GP_BINOP_ADD) : NULL;
    GP_XDECREF(diff);
    GP_XDECREF(t);
    GP_XDECREF(q);
    GP_DECREF(abs_step);
    return len;
}

/* Fills the C copies when every bound and item fits a small int. */
static void range_set_small(gp_range_t *r)
{
    r->small = false;
    if (!GP_IS_SMALL(r->start) || !GP_IS_SMALL(r->stop) || !GP_IS_SMALL(r->step) ||
        !GP_IS_SMALL(r->length))
        return;
    r->cstart = GP_SMALL_VALUE(r->start);
    r->cstop = GP_SMALL_VALUE(r->stop);
    r->cstep = GP_SMALL_VALUE(r->step);
    r->clength = GP_SMALL_VALUE(r->length);
    /* start + length * step stays within the bounds, which are small ints,
       so every item is a small int too. */
    r->small = true;
}

/* Builds a range from int objects (stolen). */
static gp_object_t *range_from_objects(gp_object_t *start, gp_object_t *stop, gp_object_t *step)
{
    gp_object_t *length = range_compute_length(start, stop, step);
    if (!length) {
        GP_DECREF(start);
        GP_DECREF(stop);
        GP_DECREF(step);
        return NULL;
    }
    gp_range_t *r = (gp_range_t *)gp_object_alloc(&gp_range_type, 0);
    if (!r) {
        GP_DECREF(start);
        GP_DECREF(stop);
        GP_DECREF(step);
        GP_DECREF(length);
        return NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    range_set_small(r);
    return (gp_object_t *)r;
}

/* The number of items of a small range: C arithmetic, no overflow since the
   bounds are 63-bit values. */
static intptr_t range_small_length(intptr_t start, intptr_t stop, intptr_t step)
{
    if (step > 0 && start < stop)
        return (intptr_t)(((uintptr_t)(stop - start) - 1) / (uintptr_t)step + 1);
    if (step < 0 && start > stop)
        return (intptr_t)(((uintptr_t)(start - stop) - 1) / (uintptr_t)(-step) + 1);
    return 0;
}

gp_object_t *gp_range_new(intptr_t start, intptr_t stop, intptr_t step)
{
    if (step == 0) {
        gp_err_set_string(&gp_exc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    if (GP_SMALL_FITS(start) && GP_SMALL_FITS(stop) && GP_SMALL_FITS(step)) {
        gp_range_t *r = (gp_range_t *)gp_object_alloc(&gp_range_type, 0);
        if (!r)
            return NULL;
        intptr_t len = range_small_length(start, stop, step);
        r->start = GP_SMALL_NEW(start);
        r->stop = GP_SMALL_NEW(stop);
        r->step = GP_SMALL_NEW(step);
        r->length = GP_SMALL_NEW(len);
        range_set_small(r);
        return (gp_object_t *)r;
    }
    gp_object_t *a = gp_int_from_i64(start), *b = gp_int_from_i64(stop), *c = gp_int_from_i64(step);
    if (!a || !b || !c) {
        GP_XDECREF(a);
        GP_XDECREF(b);
        GP_XDECREF(c);
        return NULL;
    }
    return range_from_objects(a, b, c);
}

bool gp_range_bounds(gp_object_t *range, intptr_t *start, intptr_t *stop, intptr_t *step)
{
    gp_range_t *r = RANGE(range);
    if (!r->small)
        return false;
    *start = r->cstart;
    *stop = r->cstop;
    *step = r->cstep;
    return true;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */
/* ------------------------------------------------------------------ */

static gp_object_t *range_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    if (nargs == 1 && GP_IS_SMALL(args[0]))
        return gp_range_new(0, GP_SMALL_VALUE(args[0]), 1);
    if (nargs >= 2 && nargs <= 3 && GP_IS_SMALL(args[0]) && GP_IS_SMALL(args[1]) &&
        (nargs == 2 || GP_IS_SMALL(args[2])))
        return gp_range_new(GP_SMALL_VALUE(args[0]), GP_SMALL_VALUE(args[1]),
                            nargs == 3 ? GP_SMALL_VALUE(args[2]) : 1);
    if (gp_check_positional("range", nargs, 1, 3) < 0)
        return NULL;
    gp_object_t *bounds[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < nargs; i++) {
        bounds[i] = gp_number_index(args[i]);
        if (!bounds[i])
            goto error;
    }
    gp_object_t *start, *stop, *step;
    if (nargs == 1) {
        start = gp_int_from_i64(0);
        stop = bounds[0];
        step = gp_int_from_i64(1);
    } else {
        start = bounds[0];
        stop = bounds[1];
        step = nargs == 3 ? bounds[2] : gp_int_from_i64(1);
    }
    if (gp_int_sign(step) == 0) {
        gp_err_set_string(&gp_exc_ValueError, "range() arg 3 must not be zero");
        GP_DECREF(start);
        GP_DECREF(stop);
        GP_DECREF(step);
        return NULL;
    }
    return range_from_objects(start, stop, step);
error:
    for (int i = 0; i < 3; i++)
        GP_XDECREF(bounds[i]);
    return NULL;
}

static void range_dealloc(gp_object_t *self)
{
    gp_range_t *r = RANGE(self);
    GP_XDECREF(r->start);
    GP_XDECREF(r->stop);
    GP_XDECREF(r->step);
    GP_XDECREF(r->length);
    gp_object_free(self);
}

static gp_object_t *range_repr(gp_object_t *self)
{
    gp_range_t *r = RANGE(self);
    if (r->small && r->cstep == 1)
        return gp_str_from_format("range(%zd, %zd)", r->cstart, r->cstop);
    if (r->small)
        return gp_str_from_format("range(%zd, %zd, %zd)", r->cstart, r->cstop, r->cstep);
    int one = gp_object_richcompare_bool(r->step, GP_SMALL_NEW(1), GP_CMP_EQ);
    if (one < 0)
        return NULL;
    if (one)
        return gp_str_from_format("range(%R, %R)", r->start, r->stop);
    return gp_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static intptr_t range_len(gp_object_t *self)
{
    gp_range_t *r = RANGE(self);
    if (r->small)
        return r->clength;
    int overflow = 0;
    int64_t n = gp_int_as_i64_overflow(r->length, &overflow);
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (intptr_t)n;
}

static int range_to_bool(gp_object_t *self)
{
    gp_range_t *r = RANGE(self);
    if (r->small)
        return r->clength != 0;
    return gp_int_sign(r->length) != 0;
}

/* start + i * step as an int object, for 0 <= i < length (objects). */
static gp_object_t *range_item_object(gp_range_t *r, gp_object_t *i)
{
    gp_object_t *offset = range_binop(i, r->step, GP_BINOP_MUL);
    if (!offset)
        return NULL;
    gp_object_t *item = range_binop(r->start, offset, GP_BINOP_ADD);
    GP_DECREF(offset);
    return item;
}

/* One bound of a slice of a big range, as CPython's _PySlice_GetLongIndices:
   None takes [dflt]; a negative value counts from the end; the result is
   clamped to [lower, upper]. A new reference. */
static gp_object_t *range_slice_bound(gp_object_t *bound, gp_object_t *length, gp_object_t *lower,
                                      gp_object_t *upper, gp_object_t *dflt)
{
    if (bound == gp_None)
        return GP_INCREF(dflt);
    if (!gp_int_check(bound) && !GP_TYPE(bound)->to_index) {
        gp_err_set_string(&gp_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return NULL;
    }
    gp_object_t *v = gp_number_index(bound);
    if (!v)
        return NULL;
    if (gp_int_sign(v) < 0) {
        GP_SETREF(v, range_binop(v, length, GP_BINOP_ADD));
        if (!v)
            return NULL;
        int below = gp_object_richcompare_bool(v, lower, GP_CMP_LT);
        if (below != 0) {
            GP_DECREF(v);
            return below < 0 ? NULL : GP_INCREF(lower);
        }
        return v;
    }
    int above = gp_object_richcompare_bool(v, upper, GP_CMP_GT);
    if (above != 0) {
        GP_DECREF(v);
        return above < 0 ? NULL : GP_INCREF(upper);
    }
    return v;
}

/* r[slice]: a new range from r[start] to r[stop] by step * r.step, as
   CPython's compute_slice. */
static gp_object_t *range_slice(gp_range_t *r, gp_object_t *slice)
{
    if (r->small) {
        intptr_t start, stop, step;
        if (gp_slice_indices(slice, r->clength, &start, &stop, &step) < 0)
            return NULL;
        /* All values stay within a few steps of 62-bit bounds: no overflow. */
        return gp_range_new(r->cstart + start * r->cstep, r->cstart + stop * r->cstep,
                            step * r->cstep);
    }
    gp_slice_t *s = (gp_slice_t *)slice;
    gp_object_t *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
    gp_object_t *result = NULL;
    if (s->step == gp_None) {
        step = GP_SMALL_NEW(1);
    } else {
        if (!gp_int_check(s->step) && !GP_TYPE(s->step)->to_index) {
            gp_err_set_string(&gp_exc_TypeError,
                              "slice indices must be integers or None or have an __index__ method");
            return NULL;
        }
        if (!(step = gp_number_index(s->step)))
            return NULL;
        if (gp_int_sign(step) == 0) {
            gp_err_set_string(&gp_exc_ValueError, "slice step cannot be zero");
            goto done;
        }
    }
    if (gp_int_sign(step) < 0) {
        lower = GP_SMALL_NEW(-1);
        upper = range_binop(r->length, GP_SMALL_NEW(1), GP_BINOP_SUB);
        if (!upper)
            goto done;
        start = range_slice_bound(s->start, r->length, lower, upper, upper);
        stop = start ? range_slice_bound(s->stop, r->length, lower, upper, lower) : NULL;
    } else {
        lower = GP_SMALL_NEW(0);
        upper = GP_INCREF(r->length);
        start = range_slice_bound(s->start, r->length, lower, upper, lower);
        stop = start ? range_slice_bound(s->stop, r->length, lower, upper, upper) : NULL;
    }
    if (!stop)
        goto done;
    gp_object_t *new_start = range_item_object(r, start);
    gp_object_t *new_stop = new_start ? range_item_object(r, stop) : NULL;
    gp_object_t *new_step = new_stop ? range_binop(step, r->step, GP_BINOP_MUL) : NULL;
    if (!new_step) {
        GP_XDECREF(new_start);
        GP_XDECREF(new_stop);
        goto done;
    }
    result = range_from_objects(new_start, new_stop, new_step);
done:
    GP_XDECREF(step);
    GP_XDECREF(upper);
    GP_XDECREF(start);
    GP_XDECREF(stop);
    return result;
}

static gp_object_t *range_getitem(gp_object_t *self, gp_object_t *key)
{
    gp_range_t *r = RANGE(self);
    if (GP_IS_SMALL(key) && r->small) {
        intptr_t i = GP_SMALL_VALUE(key);
        if (i < 0)
            i += r->clength;
        if (i < 0 || i >= r->clength) {
            gp_err_set_string(&gp_exc_IndexError, "range object index out of range");
            return NULL;
        }
        return GP_SMALL_NEW(r->cstart + i * r->cstep);
    }
    if (GP_IS_TYPE(key, gp_slice_type))
        return range_slice(r, key);
    if (!gp_int_check(key) && !GP_TYPE(key)->to_index) {
        gp_err_format(&gp_exc_TypeError, "range indices must be integers or slices, not %T", key);
        return NULL;
    }
    gp_object_t *i = gp_number_index(key);
    if (!i)
        return NULL;
    if (gp_int_sign(i) < 0) {
        gp_object_t *t = range_binop(i, r->length, GP_BINOP_ADD);
        GP_DECREF(i);
        if (!t)
            return NULL;
        i = t;
    }
    int in_range = gp_int_sign(i) >= 0 ? gp_object_richcompare_bool(i, r->length, GP_CMP_LT) : 0;
    if (in_range <= 0) {
        GP_DECREF(i);
        if (in_range == 0)
            gp_err_set_string(&gp_exc_IndexError, "range object index out of range");
        return NULL;
    }
    gp_object_t *item = range_item_object(r, i);
    GP_DECREF(i);
    return item;
}

/* O(1) membership of an int: 1/0, -1 on error. */
static int range_contains_int(gp_range_t *r, gp_object_t *value)
{
    if (r->small && GP_IS_SMALL(value)) {
        intptr_t v = GP_SMALL_VALUE(value);
        if (r->cstep > 0 ? (v < r->cstart || v >= r->cstop) : (v > r->cstart || v <= r->cstop))
            return 0;
        return (v - r->cstart) % r->cstep == 0;
    }
    int step_sign = gp_int_sign(r->step);
    gp_cmpop_t lo_op = step_sign > 0 ? GP_CMP_GE : GP_CMP_LE;
    gp_cmpop_t hi_op = step_sign > 0 ? GP_CMP_LT : GP_CMP_GT;
    int c = gp_object_richcompare_bool(value, r->start, lo_op);
    if (c <= 0)
        return c;
    c = gp_object_richcompare_bool(value, r->stop, hi_op);
    if (c <= 0)
        return c;
    gp_object_t *diff = range_binop(value, r->start, GP_BINOP_SUB);
    gp_object_t *rem = diff ? range_binop(diff, r->step, GP_BINOP_MOD) : NULL;
    GP_XDECREF(diff);
    if (!rem)
        return -1;
    int zero = gp_int_sign(rem) == 0;
    GP_DECREF(rem);
    return zero;
}

static bool range_exact_int(gp_object_t *o)
{
    return GP_IS_SMALL(o) || GP_IS_TYPE(o, gp_int_type) || GP_IS_TYPE(o, gp_bool_type);
}

static gp_object_t *range_iter(gp_object_t *self);

/* Membership by iteration, for non-int values (1.0 in range(3)). */
static int range_contains_slow(gp_object_t *self, gp_object_t *value)
{
    gp_object_t *it = range_iter(self);
    if (!it)
        return -1;
    gp_object_t *item;
    int found = 0;
    while ((item = gp_iter_next(it))) {
        int eq = gp_object_eq(item, value);
        GP_DECREF(item);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    GP_DECREF(it);
    return found;
}

static int range_contains(gp_object_t *self, gp_object_t *value)
{
    if (range_exact_int(value))
        return range_contains_int(RANGE(self), value);
    return range_contains_slow(self, value);
}

/* Two ranges are equal when they produce the same items. */
static int range_equal(gp_range_t *a, gp_range_t *b)
{
    int eq = gp_object_eq(a->length, b->length);
    if (eq <= 0)
        return eq;
    if (gp_int_sign(a->length) == 0)
        return 1;
    eq = gp_object_eq(a->start, b->start);
    if (eq <= 0)
        return eq;
    int one = gp_object_richcompare_bool(a->length, GP_SMALL_NEW(1), GP_CMP_EQ);
    if (one != 0)
        return one;
    return gp_object_eq(a->step, b->step);
}

static gp_object_t *range_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!GP_IS_TYPE(a, gp_range_type) || !GP_IS_TYPE(b, gp_range_type) ||
        (op != GP_CMP_EQ && op != GP_CMP_NE))
        return GP_INCREF(gp_NotImplemented);
    int eq = a == b ? 1 : range_equal(RANGE(a), RANGE(b));
    if (eq < 0)
        return NULL;
    return gp_bool_from((op == GP_CMP_EQ) == (eq == 1));
}

static intptr_t range_hash(gp_object_t *self)
{
    gp_range_t *r = RANGE(self);
    gp_object_t *t;
    int sign = gp_int_sign(r->length);
    int one = sign == 0 ? 0 : gp_object_richcompare_bool(r->length, GP_SMALL_NEW(1), GP_CMP_EQ);
    if (one < 0)
        return -1;
    if (sign == 0)
        t = gp_tuple_pack(3, r->length, gp_None, gp_None);
    else if (one)
        t = gp_tuple_pack(3, r->length, r->start, gp_None);
    else
        t = gp_tuple_pack(3, r->length, r->start, r->step);
    if (!t)
        return -1;
    intptr_t h = gp_object_hash(t);
    GP_DECREF(t);
    return h;
}

/* ------------------------------------------------------------------ */
/* Iterators                                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *range_iterator_new(intptr_t start, intptr_t step, intptr_t count)
{
    range_iterator_t *it = (range_iterator_t *)gp_object_alloc(&gp_range_iterator_type, 0);
    if (!it)
        return NULL;
    it->next = start;
    it->step = step;
    it->remaining = count;
    return (gp_object_t *)it;
}

static gp_object_t *longrange_iterator_new(gp_object_t *start, gp_object_t *step,
                                           gp_object_t *count)
{
    longrange_iterator_t *it =
        (longrange_iterator_t *)gp_object_alloc(&gp_longrange_iterator_type, 0);
    if (!it)
        return NULL;
    it->next = GP_INCREF(start);
    it->step = GP_INCREF(step);
    it->remaining = GP_INCREF(count);
    return (gp_object_t *)it;
}

static gp_object_t *range_iter(gp_object_t *self)
{
    gp_range_t *r = RANGE(self);
    if (r->small)
        return range_iterator_new(r->cstart, r->cstep, r->clength);
    return longrange_iterator_new(r->start, r->step, r->length);
}

static gp_object_t *range_method_reversed(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_noargs("range.__reversed__", nargs) < 0)
        return NULL;
    gp_range_t *r = RANGE(self);
    if (r->small) {
        intptr_t last = r->cstart + (r->clength - 1) * r->cstep;
        return range_iterator_new(r->clength ? last : r->cstart, -r->cstep, r->clength);
    }
    /* last = start + (length - 1) * step, walking by -step. */
    gp_object_t *n1 = range_binop(r->length, GP_SMALL_NEW(1), GP_BINOP_SUB);
    gp_object_t *last = n1 ? range_item_object(r, n1) : NULL;
    gp_object_t *neg = gp_number_unop(r->step, GP_UNOP_NEG);
    gp_object_t *it = (last && neg) ? longrange_iterator_new(last, neg, r->length) : NULL;
    GP_XDECREF(n1);
    GP_XDECREF(last);
    GP_XDECREF(neg);
    return it;
}

static gp_object_t *range_method_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_onearg("range.count", nargs) < 0)
        return NULL;
    if (range_exact_int(args[0])) {
        int r = range_contains_int(RANGE(self), args[0]);
        return r < 0 ? NULL : gp_int_from_i64(r);
    }
    gp_object_t *it = range_iter(self);
    if (!it)
        return NULL;
    int64_t count = 0;
    gp_object_t *item;
    while ((item = gp_iter_next(it))) {
        int eq = gp_object_eq(item, args[0]);
        GP_DECREF(item);
        if (eq < 0) {
            GP_DECREF(it);
            return NULL;
        }
        count += eq;
    }
    GP_DECREF(it);
    return gp_err_occurred() ? NULL : gp_int_from_i64(count);
}

static gp_object_t *range_method_index(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_check_onearg("range.index", nargs) < 0)
        return NULL;
    gp_range_t *r = RANGE(self);
    gp_object_t *value = args[0];
    if (range_exact_int(value)) {
        int in = range_contains_int(r, value);
        if (in < 0)
            return NULL;
        if (in) {
            if (r->small && GP_IS_SMALL(value))
                return gp_int_from_i64((GP_SMALL_VALUE(value) - r->cstart) / r->cstep);
            gp_object_t *diff = range_binop(value, r->start, GP_BINOP_SUB);
            gp_object_t *idx = diff ? range_binop(diff, r->step, GP_BINOP_FLOORDIV) : NULL;
            GP_XDECREF(diff);
            return idx;
        }
    } else {
        gp_object_t *it = range_iter(self);
        if (!it)
            return NULL;
        int64_t index = 0;
        gp_object_t *item;
        while ((item = gp_iter_next(it))) {
            int eq = gp_object_eq(item, value);
            GP_DECREF(item);
            if (eq != 0) {
                GP_DECREF(it);
                return eq < 0 ? NULL : gp_int_from_i64(index);
            }
            index++;
        }
        GP_DECREF(it);
        if (gp_err_occurred())
            return NULL;
    }
    gp_err_format(&gp_exc_ValueError, "%R is not in range", value);
    return NULL;
}

static gp_object_t *range_get_start(gp_object_t *self, void *closure)
{
    return GP_INCREF(RANGE(self)->start);
}

static gp_object_t *range_get_stop(gp_object_t *self, void *closure)
{
    return GP_INCREF(RANGE(self)->stop);
}

static gp_object_t *range_get_step(gp_object_t *self, void *closure)
{
    return GP_INCREF(RANGE(self)->step);
}

static gp_object_t *range_method_reduce(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    (void)args;
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *parts = gp_tuple_pack(3, RANGE(self)->start, RANGE(self)->stop, RANGE(self)->step);
    if (!parts)
        return NULL;
    gp_object_t *res = gp_tuple_pack(2, (gp_object_t *)GP_TYPE(self), parts);
    GP_DECREF(parts);
    return res;
}

static const gp_method_def_t range_methods[] = {
    {"__reduce__", range_method_reduce, 0, "Return state information for pickling."},
    {"__reversed__", range_method_reversed, 0, "Return a reverse iterator."},
    {"count", range_method_count, 0, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_method_index, 0, "rangeobject.index(value) -> integer -- return index of value."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t range_getsets[] = {
    {"start", range_get_start, NULL, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL, NULL},
    {"step", range_get_step, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_range_type = {
    GP_TYPE_HEAD_INIT,
    .name = "range",
    .basicsize = sizeof(gp_range_t),
    .dealloc = range_dealloc,
    .new_ = range_new,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .to_bool = range_to_bool,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .methods = range_methods,
    .getsets = range_getsets,
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
};

static void range_iterator_dealloc(gp_object_t *self)
{
    gp_object_free(self);
}

static gp_object_t *range_iterator_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

static gp_object_t *range_iterator_next(gp_object_t *self)
{
    range_iterator_t *it = (range_iterator_t *)self;
    if (it->remaining <= 0)
        return NULL;
    intptr_t v = it->next;
    it->next += it->step;
    it->remaining--;
    it->taken++;
    return GP_SMALL_NEW(v);
}

/* (iter, (range(start, stop, step),), taken) for iterator state [next],
   [step], [remaining] after [taken] items; all int objects are borrowed. */
static gp_object_t *range_iterator_reduce_parts(gp_object_t *next, gp_object_t *step,
                                                gp_object_t *remaining, intptr_t taken)
{
    gp_object_t *fn = gp_dict_getitem_cstr(gp_runtime()->builtins, "iter");
    if (!fn) {
        gp_err_set_string(&gp_exc_RuntimeError, "builtins.iter is missing");
        return NULL;
    }
    gp_object_t *count = NULL, *back = NULL, *start = NULL, *total = NULL, *span = NULL;
    gp_object_t *stop = NULL, *range = NULL, *pos = NULL, *args = NULL, *res = NULL;
    count = gp_int_from_i64(taken);
    back = count ? range_binop(count, step, GP_BINOP_MUL) : NULL;
    start = back ? range_binop(next, back, GP_BINOP_SUB) : NULL;
    total = start ? range_binop(count, remaining, GP_BINOP_ADD) : NULL;
    span = total ? range_binop(total, step, GP_BINOP_MUL) : NULL;
    stop = span ? range_binop(start, span, GP_BINOP_ADD) : NULL;
    if (stop) {
        gp_object_t *parts[3] = {start, stop, step};
        range = gp_object_call((gp_object_t *)&gp_range_type, parts, 3, NULL);
    }
    args = range ? gp_tuple_pack(1, range) : NULL;
    pos = args ? gp_int_from_i64(taken) : NULL;
    res = pos ? gp_tuple_pack(3, fn, args, pos) : NULL;
    GP_XDECREF(count);
    GP_XDECREF(back);
    GP_XDECREF(start);
    GP_XDECREF(total);
    GP_XDECREF(span);
    GP_XDECREF(stop);
    GP_XDECREF(range);
    GP_XDECREF(args);
    GP_XDECREF(pos);
    return res;
}

/* The index __setstate__ was given, clamped to [0, taken + remaining]. */
static int range_iterator_state_index(gp_object_t *state, intptr_t total, intptr_t *out)
{
    if (!gp_int_check(state)) {
        gp_err_set_string(&gp_exc_TypeError, "an integer is required");
        return -1;
    }
    intptr_t index = gp_number_as_ssize(state, NULL);
    if (index == -1 && gp_err_occurred())
        return -1;
    *out = index < 0 ? 0 : index > total ? total : index;
    return 0;
}

static gp_object_t *range_iterator_reduce(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    range_iterator_t *it = (range_iterator_t *)self;
    intptr_t remaining = it->remaining > 0 ? it->remaining : 0;
    gp_object_t *next = gp_int_from_i64(it->next), *step = gp_int_from_i64(it->step);
    gp_object_t *left = gp_int_from_i64(remaining), *res = NULL;
    if (next && step && left)
        res = range_iterator_reduce_parts(next, step, left, it->taken);
    GP_XDECREF(next);
    GP_XDECREF(step);
    GP_XDECREF(left);
    return res;
}

static gp_object_t *range_iterator_setstate(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    range_iterator_t *it = (range_iterator_t *)self;
    intptr_t remaining = it->remaining > 0 ? it->remaining : 0;
    intptr_t total = it->taken + remaining, index;
    if (range_iterator_state_index(args[0], total, &index) < 0)
        return NULL;
    intptr_t start = it->next - it->taken * it->step;
    it->next = start + index * it->step;
    it->remaining = total - index;
    it->taken = index;
    return gp_none_new();
}

static gp_object_t *range_iterator_length_hint(gp_object_t *self, gp_object_t *const *args,
                                               size_t nargs, gp_object_t *kwnames)
{
    range_iterator_t *it = (range_iterator_t *)self;
    return gp_int_from_i64(it->remaining > 0 ? it->remaining : 0);
}

static const gp_method_def_t range_iterator_methods[] = {
    {"__length_hint__", range_iterator_length_hint, 0, NULL},
    {"__reduce__", range_iterator_reduce, 0, NULL},
    {"__setstate__", range_iterator_setstate, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_range_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "range_iterator",
    .basicsize = sizeof(range_iterator_t),
    .dealloc = range_iterator_dealloc,
    .iter = range_iterator_self,
    .iternext = range_iterator_next,
    .methods = range_iterator_methods,
};

static void longrange_iterator_dealloc(gp_object_t *self)
{
    longrange_iterator_t *it = (longrange_iterator_t *)self;
    GP_XDECREF(it->next);
    GP_XDECREF(it->step);
    GP_XDECREF(it->remaining);
    gp_object_free(self);
}

static gp_object_t *longrange_iterator_next(gp_object_t *self)
{
    longrange_iterator_t *it = (longrange_iterator_t *)self;
    if (gp_int_sign(it->remaining) <= 0)
        return NULL;
    gp_object_t *value = GP_INCREF(it->next);
    gp_object_t *next = range_binop(it->next, it->step, GP_BINOP_ADD);
    gp_object_t *remaining = next ? range_binop(it->remaining, GP_SMALL_NEW(1), GP_BINOP_SUB) : NULL;
    if (!remaining) {
        GP_XDECREF(next);
        GP_DECREF(value);
        return NULL;
    }
    GP_SETREF(it->next, next);
    GP_SETREF(it->remaining, remaining);
    it->taken++;
    return value;
}

static gp_object_t *longrange_iterator_reduce(gp_object_t *self, gp_object_t *const *args,
                                              size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    longrange_iterator_t *it = (longrange_iterator_t *)self;
    return range_iterator_reduce_parts(it->next, it->step, it->remaining, it->taken);
}

/* As range_iterator_setstate, with int objects: the iterator restarts at
   item [state] of its whole run, clamped to [0, taken + remaining]. */
static gp_object_t *longrange_iterator_setstate(gp_object_t *self, gp_object_t *const *args,
                                                size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    longrange_iterator_t *it = (longrange_iterator_t *)self;
    if (!gp_int_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "an integer is required");
        return NULL;
    }
    gp_object_t *taken = gp_int_from_i64(it->taken);
    gp_object_t *total = taken ? range_binop(taken, it->remaining, GP_BINOP_ADD) : NULL;
    gp_object_t *index = NULL, *back = NULL, *start = NULL, *fwd = NULL, *next = NULL;
    gp_object_t *left = NULL, *over = NULL, *result = NULL;
    if (!total)
        goto done;
    over = range_binop(args[0], total, GP_BINOP_SUB);
    if (!over)
        goto done;
    index = gp_int_sign(args[0]) < 0 ? GP_SMALL_NEW(0)
            : gp_int_sign(over) > 0  ? GP_INCREF(total)
                                     : GP_INCREF(args[0]);
    intptr_t taken_now = gp_number_as_ssize(index, NULL);
    back = range_binop(taken, it->step, GP_BINOP_MUL);
    start = back ? range_binop(it->next, back, GP_BINOP_SUB) : NULL;
    fwd = start ? range_binop(index, it->step, GP_BINOP_MUL) : NULL;
    next = fwd ? range_binop(start, fwd, GP_BINOP_ADD) : NULL;
    left = next ? range_binop(total, index, GP_BINOP_SUB) : NULL;
    if (!left)
        goto done;
    GP_SETREF(it->next, GP_INCREF(next));
    GP_SETREF(it->remaining, GP_INCREF(left));
    it->taken = taken_now;
    result = gp_none_new();
done:
    GP_XDECREF(taken);
    GP_XDECREF(total);
    GP_XDECREF(over);
    GP_XDECREF(index);
    GP_XDECREF(back);
    GP_XDECREF(start);
    GP_XDECREF(fwd);
    GP_XDECREF(next);
    GP_XDECREF(left);
    return result;
}

static gp_object_t *longrange_iterator_length_hint(gp_object_t *self, gp_object_t *const *args,
                                                   size_t nargs, gp_object_t *kwnames)
{
    longrange_iterator_t *it = (longrange_iterator_t *)self;
    return gp_int_sign(it->remaining) > 0 ? GP_INCREF(it->remaining) : GP_SMALL_NEW(0);
}

static const gp_method_def_t longrange_iterator_methods[] = {
    {"__length_hint__", longrange_iterator_length_hint, 0, NULL},
    {"__reduce__", longrange_iterator_reduce, 0, NULL},
    {"__setstate__", longrange_iterator_setstate, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_longrange_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "longrange_iterator",
    .basicsize = sizeof(longrange_iterator_t),
    .dealloc = longrange_iterator_dealloc,
    .iter = range_iterator_self,
    .iternext = longrange_iterator_next,
    .methods = longrange_iterator_methods,
};
