/*
 * slice.c - slice objects and the resolution of slice bounds.
 *
 * Design notes
 * ------------
 * A slice just stores its three bounds (None when absent). The work is in
 * gp_slice_indices, which every sequence's subscript calls: it converts the
 * bounds to C integers (any int or __index__ object; huge values clamp to the
 * C range instead of overflowing, so [1, 2, 3][10**30:] is []), applies the
 * defaults that depend on the step's sign, clamps against the sequence
 * length and returns the number of items: CPython's PySlice_Unpack followed
 * by PySlice_AdjustIndices.
 *
 * Slices are unhashable (as in CPython 3.11) and compare like the tuple of
 * their bounds. They are GC objects because a bound can be any object.
 *
 * `a[i:j]` builds a slice, hands it to the subscript and drops it at once,
 * so a loop over buffers spends more on malloc and free for those three
 * words than on the slicing itself. Freed slices therefore go onto a short
 * free list (chained through their start slot, untracked, bounds already
 * released) that gp_slice_new takes from first; like the tuple free list
 * it is touched only under the GIL, and gp_slice_clear_free_list() gives
 * the blocks back at runtime shutdown. A recycled slice is tracked again
 * on reuse, so the collector sees exactly what CPython's would.
 */
#include "obj/containers.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

#define SLICE(o) ((gp_slice_t *)(o))

/* A handful is enough: a statement rarely holds more than two or three
   slices alive at once, and the list only has to absorb that churn. */
enum { SLICE_FREE_MAX = 16 };

static gp_slice_t *slice_free;
static int slice_free_count;

void gp_slice_clear_free_list(void)
{
    while (slice_free) {
        gp_slice_t *s = slice_free;
        slice_free = (gp_slice_t *)s->start;
        gp_object_free((gp_object_t *)s);
    }
    slice_free_count = 0;
}

gp_object_t *gp_slice_new(gp_object_t *start, gp_object_t *stop, gp_object_t *step)
{
    gp_slice_t *s = slice_free;
    if (s) {
        slice_free = (gp_slice_t *)s->start;
        slice_free_count--;
        s->base.refcnt = 1;
    } else {
        s = (gp_slice_t *)gp_object_alloc(&gp_slice_type, 0);
        if (!s)
            return NULL;
    }
    s->start = GP_INCREF(start ? start : gp_None);
    s->stop = GP_INCREF(stop ? stop : gp_None);
    s->step = GP_INCREF(step ? step : gp_None);
    gp_gc_track((gp_object_t *)s);
    return (gp_object_t *)s;
}

/* Converts an index object to a C integer, clamping out-of-range values;
   [message] is the TypeError for objects without __index__. */
static int slice_index_convert(gp_object_t *o, intptr_t *out, const char *message)
{
    if (GP_IS_SMALL(o)) {
        *out = GP_SMALL_VALUE(o);
        return 0;
    }
    if (!GP_TYPE(o)->to_index && !gp_int_check(o)) {
        gp_err_set_string(&gp_exc_TypeError, message);
        return -1;
    }
    gp_object_t *index = gp_number_index(o);
    if (!index)
        return -1;
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow > 0)
        v = INTPTR_MAX;
    else if (overflow < 0)
        v = INTPTR_MIN;
    else if (v == -1 && gp_err_occurred())
        return -1;
    *out = (intptr_t)v;
    return 0;
}

int gp_slice_index_clamped(gp_object_t *o, intptr_t *out)
{
    return slice_index_convert(o, out,
                               "slice indices must be integers or have an __index__ method");
}

int gp_index_bounds(gp_object_t *const *args, size_t nargs, intptr_t n, intptr_t *start,
                    intptr_t *stop)
{
    *start = 0;
    *stop = n;
    if (nargs > 1 && gp_slice_index_clamped(args[1], start) < 0)
        return -1;
    if (nargs > 2 && gp_slice_index_clamped(args[2], stop) < 0)
        return -1;
    if (*start < 0 && (*start += n) < 0)
        *start = 0;
    if (*stop < 0 && (*stop += n) < 0)
        *stop = 0;
    return 0;
}

static const char slice_bound_message[] =
    "slice indices must be integers or None or have an __index__ method";

/* PySlice_Unpack: the bounds as C integers before clamping to a length. */
static int slice_unpack(gp_object_t *slice, intptr_t *start, intptr_t *stop, intptr_t *step)
{
    gp_slice_t *s = SLICE(slice);
    if (s->step == gp_None) {
        *step = 1;
    } else {
        if (slice_index_convert(s->step, step, slice_bound_message) < 0)
            return -1;
        if (*step == 0) {
            gp_err_set_string(&gp_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* -step must not overflow when the caller negates it. */
        if (*step < -INTPTR_MAX)
            *step = -INTPTR_MAX;
    }
    if (s->start == gp_None)
        *start = *step < 0 ? INTPTR_MAX : 0;
    else if (slice_index_convert(s->start, start, slice_bound_message) < 0)
        return -1;
    if (s->stop == gp_None)
        *stop = *step < 0 ? INTPTR_MIN : INTPTR_MAX;
    else if (slice_index_convert(s->stop, stop, slice_bound_message) < 0)
        return -1;
    return 0;
}

/* PySlice_AdjustIndices: clamps to [length] and counts the items. */
static intptr_t slice_adjust(intptr_t length, intptr_t *start, intptr_t *stop, intptr_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step == 1) /* the usual case, without a 64-bit division */
        return *start < *stop ? *stop - *start : 0;
    if (step < 0) {
        if (*stop < *start)
            return (intptr_t)(((uintptr_t)(*start - *stop) - 1) / (uintptr_t)(-step) + 1);
    } else if (*start < *stop) {
        return (intptr_t)(((uintptr_t)(*stop - *start) - 1) / (uintptr_t)step + 1);
    }
    return 0;
}

intptr_t gp_slice_indices(gp_object_t *slice, intptr_t length, intptr_t *start, intptr_t *stop,
                          intptr_t *step)
{
    gp_slice_t *s = SLICE(slice);
    /* x[a:b] with small-int or missing bounds is nearly every slice a
       program makes; it needs none of the conversions below. */
    if (s->step == gp_None && (s->start == gp_None || GP_IS_SMALL(s->start)) &&
        (s->stop == gp_None || GP_IS_SMALL(s->stop))) {
        *step = 1;
        *start = s->start == gp_None ? 0 : GP_SMALL_VALUE(s->start);
        *stop = s->stop == gp_None ? INTPTR_MAX : GP_SMALL_VALUE(s->stop);
        return slice_adjust(length, start, stop, 1);
    }
    if (slice_unpack(slice, start, stop, step) < 0)
        return -1;
    return slice_adjust(length, start, stop, *step);
}

/* ------------------------------------------------------------------ */
/* The slice type                                                       */
/* ------------------------------------------------------------------ */

static void slice_dealloc(gp_object_t *self)
{
    gp_slice_t *s = SLICE(self);
    gp_gc_untrack(self);
    GP_XDECREF(s->start);
    GP_XDECREF(s->stop);
    GP_XDECREF(s->step);
    if (slice_free_count < SLICE_FREE_MAX) {
        s->start = (gp_object_t *)slice_free;
        s->stop = s->step = NULL;
        slice_free = s;
        slice_free_count++;
        return;
    }
    gp_object_free(self);
}

static int slice_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_slice_t *s = SLICE(self);
    gp_object_t *parts[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++) {
        if (parts[i] && GP_IS_PTR(parts[i])) {
            int r = visit(parts[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int slice_clear(gp_object_t *self)
{
    gp_slice_t *s = SLICE(self);
    GP_SETREF(s->start, gp_none_new());
    GP_SETREF(s->stop, gp_none_new());
    GP_SETREF(s->step, gp_none_new());
    return 0;
}

static gp_object_t *slice_repr(gp_object_t *self)
{
    gp_slice_t *s = SLICE(self);
    return gp_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static gp_object_t *slice_as_tuple(gp_object_t *self)
{
    gp_slice_t *s = SLICE(self);
    return gp_tuple_pack(3, s->start, s->stop, s->step);
}

static gp_object_t *slice_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!GP_IS_TYPE(a, gp_slice_type) || !GP_IS_TYPE(b, gp_slice_type))
        return GP_INCREF(gp_NotImplemented);
    if (a == b && (op == GP_CMP_EQ || op == GP_CMP_NE))
        return gp_bool_from(op == GP_CMP_EQ);
    gp_object_t *ta = slice_as_tuple(a);
    gp_object_t *tb = ta ? slice_as_tuple(b) : NULL;
    gp_object_t *r = tb ? gp_object_richcompare(ta, tb, op) : NULL;
    GP_XDECREF(ta);
    GP_XDECREF(tb);
    return r;
}

static gp_object_t *slice_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    if (gp_check_positional("slice", nargs, 1, 3) < 0)
        return NULL;
    if (nargs == 1)
        return gp_slice_new(NULL, args[0], NULL);
    return gp_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static gp_object_t *slice_method_indices(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_onearg("slice.indices", nargs) < 0)
        return NULL;
    intptr_t length = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (length == -1 && gp_err_occurred())
        return NULL;
    if (length < 0) {
        gp_err_set_string(&gp_exc_ValueError, "length should not be negative");
        return NULL;
    }
    intptr_t start, stop, step;
    if (gp_slice_indices(self, length, &start, &stop, &step) < 0)
        return NULL;
    gp_object_t *a = gp_int_from_i64(start), *b = gp_int_from_i64(stop), *c = gp_int_from_i64(step);
    gp_object_t *r = (a && b && c) ? gp_tuple_pack(3, a, b, c) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    GP_XDECREF(c);
    return r;
}

static gp_object_t *slice_get_start(gp_object_t *self, void *closure)
{
    return GP_INCREF(SLICE(self)->start);
}

static gp_object_t *slice_get_stop(gp_object_t *self, void *closure)
{
    return GP_INCREF(SLICE(self)->stop);
}

static gp_object_t *slice_get_step(gp_object_t *self, void *closure)
{
    return GP_INCREF(SLICE(self)->step);
}

static gp_object_t *slice_method_reduce(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    (void)args;
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *parts = gp_tuple_pack(3, SLICE(self)->start, SLICE(self)->stop, SLICE(self)->step);
    if (!parts)
        return NULL;
    gp_object_t *res = gp_tuple_pack(2, (gp_object_t *)GP_TYPE(self), parts);
    GP_DECREF(parts);
    return res;
}

static const gp_method_def_t slice_methods[] = {
    {"__reduce__", slice_method_reduce, 0, "Return state information for pickling."},
    {"indices", slice_method_indices, 0,
     "S.indices(len) -> (start, stop, stride): the slice resolved against a sequence of length len."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t slice_getsets[] = {
    {"start", slice_get_start, NULL, NULL, NULL},
    {"stop", slice_get_stop, NULL, NULL, NULL},
    {"step", slice_get_step, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_slice_type = {
    GP_TYPE_HEAD_INIT,
    .name = "slice",
    .basicsize = sizeof(gp_slice_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = slice_dealloc,
    .new_ = slice_new,
    .repr = slice_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = slice_richcompare,
    .traverse = slice_traverse,
    .clear = slice_clear,
    .methods = slice_methods,
    .getsets = slice_getsets,
    .doc = "slice(stop)\nslice(start, stop[, step])",
};
