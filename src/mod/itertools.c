/*
 * itertools.c - the itertools module: fast iterator building blocks.
 *
 * Design notes
 * ------------
 * Every itertools object is a small iterator type with an `iternext` slot,
 * as in CPython's itertoolsmodule.c, whose algorithms (and error messages)
 * this file follows closely. To keep each type short, every object starts
 * with the same header:
 *
 *     [ gp_object_t ][ nrefs ][ nrefs object pointers ][ plain C fields ]
 *
 * The object pointers (iterators, functions, saved values; NULL allowed)
 * come first, so one generic traverse, clear and dealloc serve all types:
 * they walk `nrefs` pointers after the header. Every type is a GC type,
 * because an iterator can easily end up holding itself (`c = cycle(x);
 * x.append(c)`).
 *
 * Combinatoric iterators (product, combinations, permutations ...) keep
 * their state as C index arrays and hand out a result tuple that they
 * update in place when the consumer has dropped the previous one (its
 * reference count is back to 1), so `for t in product(a, b)` does not
 * allocate one tuple per step. A consumer that keeps the tuple forces a copy.
 *
 * count() keeps a C integer while the values stay small ints, the common
 * case, and falls back to generic `+` on objects (floats, big ints,
 * Fractions) otherwise.
 *
 * tee() shares one chain of fixed-size blocks between its iterators
 * (CPython's teedataobject): each block caches up to TEE_BLOCK values read
 * from the source and links to the next block, so values are read once and
 * a block is released when the slowest tee has moved past it.
 */
#include <string.h>

#include "obj/type.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* The common header and its generic slots                              */
/* ------------------------------------------------------------------ */

typedef struct it_head {
    gp_object_t base;
    size_t nrefs; /* object pointers that follow the header */
} it_head_t;

static gp_object_t **it_refs(gp_object_t *self)
{
    return (gp_object_t **)((it_head_t *)self + 1);
}

/* Allocates an itertools object of [type] with [nrefs] object fields (all
   NULL). The caller fills its fields and then calls gp_gc_track(). */
static gp_object_t *it_alloc(gp_type_t *type, size_t nrefs)
{
    gp_object_t *o = gp_object_alloc(type, 0);
    if (o)
        ((it_head_t *)o)->nrefs = nrefs;
    return o;
}

static int it_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t **refs = it_refs(self);
    for (size_t i = 0; i < ((it_head_t *)self)->nrefs; i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)) != 0)
            return r;
    }
    return 0;
}

static int it_clear(gp_object_t *self)
{
    gp_object_t **refs = it_refs(self);
    for (size_t i = 0; i < ((it_head_t *)self)->nrefs; i++)
        GP_CLEAR(refs[i]);
    return 0;
}

static void it_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    it_clear(self);
    gp_object_free(self);
}

static gp_object_t *it_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

/* The next item of [it]; NULL when exhausted (no exception) or on error. A
   StopIteration raised through an iternext slot counts as exhaustion. */
static inline gp_object_t *it_next(gp_object_t *it)
{
    gp_object_t *(*next)(gp_object_t *) = GP_TYPE(it)->iternext;
    if (!next)
        return gp_iter_next(it);
    gp_object_t *item = next(it);
    if (!item && gp_err_occurred() && gp_err_matches(&gp_exc_StopIteration))
        gp_err_clear();
    return item;
}

/* "cycle() takes no keyword arguments" when [kwnames] is not empty. A
   subclass [type] that defines its own __init__ may take keyword arguments
   for it, so they are let through to that __init__ (CPython does the same);
   [type] is NULL for plain functions. */
static int it_no_kwargs(gp_type_t *type, const char *name, gp_object_t *kwnames)
{
    if (!kwnames || GP_TUPLE_SIZE(kwnames) == 0)
        return 0;
    if (type && type->init != gp_object_type_init)
        return 0;
    gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
}

/* Positional arity with the messages of CPython's _PyArg_CheckPositional:
   "cycle expected 1 argument, got 2", "islice expected at least 2 arguments, got 1". */
static int it_arity(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    if (min == max)
        gp_err_format(&gp_exc_TypeError, "%s expected %zu argument%s, got %zu", name, min,
                      min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        gp_err_format(&gp_exc_TypeError, "%s expected at least %zu argument%s, got %zu", name,
                      min, min == 1 ? "" : "s", nargs);
    else
        gp_err_format(&gp_exc_TypeError, "%s expected at most %zu argument%s, got %zu", name,
                      max, max == 1 ? "" : "s", nargs);
    return -1;
}

/* Both checks for constructors that take only positional arguments. */
static int it_positional(gp_type_t *type, const char *name, size_t nargs, gp_object_t *kwnames,
                         size_t min, size_t max)
{
    if (it_no_kwargs(type, name, kwnames) < 0)
        return -1;
    return it_arity(name, nargs, min, max);
}

/* A copy of [result] when someone else still holds it, else [result] itself:
   combinatoric iterators update their result tuple in place. Stores the
   tuple to use in *slot and returns it (borrowed), NULL on error. */
static gp_object_t *it_own_result(gp_object_t **slot)
{
    gp_object_t *result = *slot;
    if (result->refcnt == 1)
        return result;
    gp_object_t *copy =
        gp_tuple_from_array(GP_TUPLE_ITEMS(result), (size_t)GP_TUPLE_SIZE(result));
    if (!copy)
        return NULL;
    GP_SETREF(*slot, copy);
    return copy;
}

/* Replaces item [i] of the privately owned tuple [t] by [value] (borrowed). */
static void it_tuple_replace(gp_object_t *t, intptr_t i, gp_object_t *value)
{
    gp_object_t *old = GP_TUPLE_GET(t, i);
    GP_TUPLE_SET(t, i, GP_INCREF(value));
    GP_XDECREF(old);
}

#define IT_TYPE(cname, pyname, structname, dealloc_fn, new_fn, next_fn)                            \
    static gp_type_t cname = {                                                                     \
        GP_TYPE_HEAD_INIT,                                                                         \
        .name = "itertools." pyname,                                                               \
        .basicsize = sizeof(structname),                                                           \
        .flags = GP_TYPE_FLAG_GC | GP_TYPE_FLAG_BASETYPE,                                          \
        .dealloc = dealloc_fn,                                                                     \
        .new_ = new_fn,                                                                            \
        .iter = it_self,                                                                           \
        .iternext = next_fn,                                                                       \
        .traverse = it_traverse,                                                                   \
        .clear = it_clear,                                                                         \
    }

/* ------------------------------------------------------------------ */
/* count(start=0, step=1)                                               */
/* ------------------------------------------------------------------ */

typedef struct count_object {
    it_head_t head;
    gp_object_t *start; /* the next value in slow mode, NULL in fast mode */
    gp_object_t *step;  /* the step in slow mode, NULL in fast mode */
    intptr_t fast_next, fast_step;
} count_t;

static gp_type_t count_type;

/* CPython's PyNumber_Check: what count() accepts as start and step. */
static bool count_is_number(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    return gp_int_check(o) || gp_float_check(o) ||
           gp_object_isinstance_type(o, &gp_complex_type) || t->to_index || t->to_int ||
           t->to_float;
}

static gp_object_t *count_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    static const char *const names[] = {"start", "step", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("count", args, nargs, kwnames, names, 0, v) < 0)
        return NULL;
    gp_object_t *start = v[0] ? v[0] : GP_SMALL_NEW(0);
    gp_object_t *step = v[1] ? v[1] : GP_SMALL_NEW(1);
    if (!count_is_number(start) || !count_is_number(step)) {
        gp_err_set_string(&gp_exc_TypeError, "a number is required");
        return NULL;
    }
    count_t *c = (count_t *)it_alloc(type, 2);
    if (!c)
        return NULL;
    /* CPython counts in C when the step is an int equal to 1 and the start
       an int (bool and subclasses included: count(True) yields 1, 2...);
       otherwise it adds objects, so count(True, 2) yields True, 3, 5. Exact
       small ints give the same values either way, so they count in C too. */
    int overflow = 0;
    int64_t step_value = gp_int_check(step) ? gp_int_as_i64_overflow(step, &overflow) : 0;
    bool unit_step = gp_int_check(step) && !overflow && step_value == 1;
    int64_t start_value = gp_int_check(start) ? gp_int_as_i64_overflow(start, &overflow) : 0;
    bool start_fits = gp_int_check(start) && !overflow && GP_SMALL_FITS(start_value);
    if ((unit_step && start_fits) || (GP_IS_SMALL(start) && GP_IS_SMALL(step))) {
        c->fast_next = (intptr_t)start_value;
        c->fast_step = unit_step ? 1 : GP_SMALL_VALUE(step);
    } else {
        c->start = GP_INCREF(start);
        c->step = GP_INCREF(step);
    }
    gp_gc_track((gp_object_t *)c);
    return (gp_object_t *)c;
}

static gp_object_t *count_next(gp_object_t *self)
{
    count_t *c = (count_t *)self;
    if (!c->start) {
        intptr_t value = c->fast_next, next;
        if (!__builtin_add_overflow(value, c->fast_step, &next) && GP_SMALL_FITS(next)) {
            c->fast_next = next;
            return GP_SMALL_NEW(value);
        }
        /* The next value leaves the small-int range: continue with objects. */
        c->start = GP_SMALL_NEW(value);
        c->step = GP_SMALL_NEW(c->fast_step);
    }
    gp_object_t *next = gp_number_binop(c->start, c->step, GP_BINOP_ADD);
    if (!next)
        return NULL;
    gp_object_t *result = c->start;
    c->start = next;
    return result;
}

/* Whether [o] is an int equal to 1 (the step repr and reduce leave out). */
static bool count_int_is_one(gp_object_t *o)
{
    int overflow = 0;
    return gp_int_check(o) && gp_int_as_i64_overflow(o, &overflow) == 1 && !overflow;
}

static gp_object_t *count_repr(gp_object_t *self)
{
    count_t *c = (count_t *)self;
    const char *name = gp_type_name(GP_TYPE(self));
    gp_object_t *start = c->start ? c->start : GP_SMALL_NEW(c->fast_next);
    gp_object_t *step = c->step ? c->step : GP_SMALL_NEW(c->fast_step);
    /* CPython omits a step that is an int equal to 1 (but shows 1.0). */
    if (count_int_is_one(step))
        return gp_str_from_format("%s(%R)", name, start);
    return gp_str_from_format("%s(%R, %R)", name, start, step);
}

/* (type, (start,)) or (type, (start, step)), the same choice as the repr:
   copy.copy() and pickle rebuild the count where it is now. */
static gp_object_t *count_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    count_t *c = (count_t *)self;
    gp_object_t *start = c->start ? c->start : GP_SMALL_NEW(c->fast_next);
    gp_object_t *step = c->step ? c->step : GP_SMALL_NEW(c->fast_step);
    /* CPython leaves the step out only while it counts in machine words:
       a step of int 1 from an int start that fits in one. */
    int overflow = 0;
    bool unit = count_int_is_one(step) && gp_int_check(start);
    if (unit) {
        (void)gp_int_as_i64_overflow(start, &overflow);
        unit = !overflow;
    }
    gp_object_t *state = unit ? gp_tuple_pack(1, start) : gp_tuple_pack(2, start, step);
    gp_object_t *r = state ? gp_tuple_pack(2, (gp_object_t *)GP_TYPE(self), state) : NULL;
    GP_XDECREF(state);
    return r;
}

static const gp_method_def_t count_methods[] = {
    {"__reduce__", count_reduce, 0, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t count_type = {
    GP_TYPE_HEAD_INIT,
    .name = "itertools.count",
    .basicsize = sizeof(count_t),
    .flags = GP_TYPE_FLAG_GC | GP_TYPE_FLAG_BASETYPE,
    .dealloc = it_dealloc,
    .new_ = count_new,
    .repr = count_repr,
    .iter = it_self,
    .iternext = count_next,
    .traverse = it_traverse,
    .clear = it_clear,
    .methods = count_methods,
};

/* ------------------------------------------------------------------ */
/* cycle(iterable)                                                      */
/* ------------------------------------------------------------------ */

typedef struct cycle_object {
    it_head_t head;
    gp_object_t *it;    /* NULL after the first pass */
    gp_object_t *saved; /* list of the items of the first pass */
    intptr_t index;
} cycle_t;

static gp_object_t *cycle_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (it_positional(type, "cycle", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    gp_object_t *saved = gp_list_new(0);
    cycle_t *c = saved ? (cycle_t *)it_alloc(type, 2) : NULL;
    if (!c) {
        GP_DECREF(it);
        GP_XDECREF(saved);
        return NULL;
    }
    c->it = it;
    c->saved = saved;
    gp_gc_track((gp_object_t *)c);
    return (gp_object_t *)c;
}

static gp_object_t *cycle_next(gp_object_t *self)
{
    cycle_t *c = (cycle_t *)self;
    if (c->it) {
        gp_object_t *item = it_next(c->it);
        if (item) {
            if (gp_list_append(c->saved, item) < 0) {
                GP_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (gp_err_occurred())
            return NULL;
        GP_CLEAR(c->it);
    }
    intptr_t n = GP_LIST_SIZE(c->saved);
    if (n == 0)
        return NULL;
    if (c->index >= n)
        c->index = 0;
    return GP_INCREF(GP_LIST_GET(c->saved, c->index++));
}

IT_TYPE(cycle_type, "cycle", cycle_t, it_dealloc, cycle_new, cycle_next);

/* ------------------------------------------------------------------ */
/* repeat(object[, times])                                              */
/* ------------------------------------------------------------------ */

typedef struct repeat_object {
    it_head_t head;
    gp_object_t *element;
    intptr_t count; /* -1: forever */
} repeat_t;

static gp_object_t *repeat_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const names[] = {"object", "times", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("repeat", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    intptr_t count = -1;
    if (v[1]) {
        count = gp_number_as_ssize(v[1], &gp_exc_OverflowError);
        if (count == -1 && gp_err_occurred())
            return NULL;
        if (count < 0)
            count = 0;
    }
    repeat_t *r = (repeat_t *)it_alloc(type, 1);
    if (!r)
        return NULL;
    r->element = GP_INCREF(v[0]);
    r->count = count;
    gp_gc_track((gp_object_t *)r);
    return (gp_object_t *)r;
}

static gp_object_t *repeat_next(gp_object_t *self)
{
    repeat_t *r = (repeat_t *)self;
    if (r->count == 0)
        return NULL;
    if (r->count > 0)
        r->count--;
    return GP_INCREF(r->element);
}

static gp_object_t *repeat_repr(gp_object_t *self)
{
    repeat_t *r = (repeat_t *)self;
    const char *name = gp_type_name(GP_TYPE(self));
    if (r->count == -1)
        return gp_str_from_format("%s(%R)", name, r->element);
    return gp_str_from_format("%s(%R, %zd)", name, r->element, r->count);
}

static gp_object_t *repeat_length_hint(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    repeat_t *r = (repeat_t *)self;
    if (r->count == -1) {
        gp_err_set_string(&gp_exc_TypeError, "len() of unsized object");
        return NULL;
    }
    return gp_int_from_i64(r->count);
}

/* (type, (element,)) forever, else (type, (element, times left)). */
static gp_object_t *repeat_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    repeat_t *r = (repeat_t *)self;
    gp_object_t *times = r->count < 0 ? NULL : gp_int_from_i64(r->count);
    if (r->count >= 0 && !times)
        return NULL;
    gp_object_t *state = times ? gp_tuple_pack(2, r->element, times) : gp_tuple_pack(1, r->element);
    GP_XDECREF(times);
    gp_object_t *result = state ? gp_tuple_pack(2, (gp_object_t *)GP_TYPE(self), state) : NULL;
    GP_XDECREF(state);
    return result;
}

static const gp_method_def_t repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", repeat_reduce, 0, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t repeat_type = {
    GP_TYPE_HEAD_INIT,
    .name = "itertools.repeat",
    .basicsize = sizeof(repeat_t),
    .flags = GP_TYPE_FLAG_GC | GP_TYPE_FLAG_BASETYPE,
    .dealloc = it_dealloc,
    .new_ = repeat_new,
    .repr = repeat_repr,
    .iter = it_self,
    .iternext = repeat_next,
    .traverse = it_traverse,
    .clear = it_clear,
    .methods = repeat_methods,
};

/* ------------------------------------------------------------------ */
/* accumulate(iterable[, func, *, initial=None])                        */
/* ------------------------------------------------------------------ */

typedef struct accumulate_object {
    it_head_t head;
    gp_object_t *it;
    gp_object_t *func;    /* NULL: addition */
    gp_object_t *total;   /* the running total, NULL before the first item */
    gp_object_t *initial; /* handed out first, then cleared */
} accumulate_t;

static gp_object_t *accumulate_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    static const char *const names[] = {"iterable", "func", "$initial", NULL};
    gp_object_t *v[3];
    if (gp_args_parse("accumulate", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(v[0]);
    if (!it)
        return NULL;
    accumulate_t *a = (accumulate_t *)it_alloc(type, 4);
    if (!a) {
        GP_DECREF(it);
        return NULL;
    }
    a->it = it;
    if (v[1] && v[1] != gp_None)
        a->func = GP_INCREF(v[1]);
    if (v[2] && v[2] != gp_None)
        a->initial = GP_INCREF(v[2]);
    gp_gc_track((gp_object_t *)a);
    return (gp_object_t *)a;
}

static gp_object_t *accumulate_next(gp_object_t *self)
{
    accumulate_t *a = (accumulate_t *)self;
    if (a->initial) {
        a->total = a->initial;
        a->initial = NULL;
        return GP_INCREF(a->total);
    }
    gp_object_t *value = it_next(a->it);
    if (!value)
        return NULL;
    if (!a->total) {
        a->total = value;
        return GP_INCREF(value);
    }
    gp_object_t *total;
    if (a->func) {
        gp_object_t *pair[2] = {a->total, value};
        total = gp_object_call(a->func, pair, 2, NULL);
    } else {
        total = gp_number_binop(a->total, value, GP_BINOP_ADD);
    }
    GP_DECREF(value);
    if (!total)
        return NULL;
    GP_SETREF(a->total, total);
    return GP_INCREF(total);
}

IT_TYPE(accumulate_type, "accumulate", accumulate_t, it_dealloc, accumulate_new, accumulate_next);

/* ------------------------------------------------------------------ */
/* chain(*iterables), chain.from_iterable(iterable)                      */
/* ------------------------------------------------------------------ */

typedef struct chain_object {
    it_head_t head;
    gp_object_t *source; /* iterator over the iterables; NULL when done */
    gp_object_t *active; /* iterator of the current iterable */
} chain_t;

static gp_type_t chain_type;

/* Creates a chain of [type] over the iterator [source] (stolen). */
static gp_object_t *chain_create(gp_type_t *type, gp_object_t *source)
{
    chain_t *c = (chain_t *)it_alloc(type, 2);
    if (!c) {
        GP_DECREF(source);
        return NULL;
    }
    c->source = source;
    gp_gc_track((gp_object_t *)c);
    return (gp_object_t *)c;
}

static gp_object_t *chain_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (it_no_kwargs(type, "chain", kwnames) < 0)
        return NULL;
    gp_object_t *tuple = gp_tuple_from_array(args, nargs);
    if (!tuple)
        return NULL;
    gp_object_t *source = gp_object_iter(tuple);
    GP_DECREF(tuple);
    return source ? chain_create(type, source) : NULL;
}

static gp_object_t *chain_from_iterable(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_args_check("chain.from_iterable", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *source = gp_object_iter(args[0]);
    return source ? chain_create((gp_type_t *)cls, source) : NULL;
}

static gp_object_t *chain_next(gp_object_t *self)
{
    chain_t *c = (chain_t *)self;
    for (;;) {
        if (!c->active) {
            if (!c->source)
                return NULL;
            gp_object_t *iterable = it_next(c->source);
            if (!iterable) {
                if (!gp_err_occurred())
                    GP_CLEAR(c->source);
                return NULL;
            }
            c->active = gp_object_iter(iterable);
            GP_DECREF(iterable);
            if (!c->active)
                return NULL;
        }
        gp_object_t *item = it_next(c->active);
        if (item || gp_err_occurred())
            return item;
        GP_CLEAR(c->active);
    }
}

static const gp_method_def_t chain_methods[] = {
    {"from_iterable", chain_from_iterable, GP_METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t chain_type = {
    GP_TYPE_HEAD_INIT,
    .name = "itertools.chain",
    .basicsize = sizeof(chain_t),
    .flags = GP_TYPE_FLAG_GC | GP_TYPE_FLAG_BASETYPE,
    .dealloc = it_dealloc,
    .new_ = chain_new,
    .iter = it_self,
    .iternext = chain_next,
    .traverse = it_traverse,
    .clear = it_clear,
    .methods = chain_methods,
};

/* ------------------------------------------------------------------ */
/* compress(data, selectors)                                            */
/* ------------------------------------------------------------------ */

typedef struct compress_object {
    it_head_t head;
    gp_object_t *data, *selectors;
} compress_t;

static gp_object_t *compress_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"data", "selectors", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("compress", args, nargs, kwnames, names, 2, v) < 0)
        return NULL;
    gp_object_t *data = gp_object_iter(v[0]);
    if (!data)
        return NULL;
    gp_object_t *selectors = gp_object_iter(v[1]);
    compress_t *c = selectors ? (compress_t *)it_alloc(type, 2) : NULL;
    if (!c) {
        GP_DECREF(data);
        GP_XDECREF(selectors);
        return NULL;
    }
    c->data = data;
    c->selectors = selectors;
    gp_gc_track((gp_object_t *)c);
    return (gp_object_t *)c;
}

static gp_object_t *compress_next(gp_object_t *self)
{
    compress_t *c = (compress_t *)self;
    for (;;) {
        gp_object_t *datum = it_next(c->data);
        if (!datum)
            return NULL;
        gp_object_t *selector = it_next(c->selectors);
        if (!selector) {
            GP_DECREF(datum);
            return NULL;
        }
        int ok = gp_object_is_true(selector);
        GP_DECREF(selector);
        if (ok > 0)
            return datum;
        GP_DECREF(datum);
        if (ok < 0)
            return NULL;
    }
}

IT_TYPE(compress_type, "compress", compress_t, it_dealloc, compress_new, compress_next);

/* ------------------------------------------------------------------ */
/* dropwhile, takewhile, filterfalse: a predicate and an iterator        */
/* ------------------------------------------------------------------ */

typedef struct predicate_object {
    it_head_t head;
    gp_object_t *func; /* NULL for filterfalse(None, ...): the item's own truth */
    gp_object_t *it;
    bool done; /* dropwhile: stopped dropping; takewhile: stopped taking */
} predicate_t;

static gp_object_t *predicate_create(const char *name, gp_type_t *type, gp_object_t *const *args,
                                     size_t nargs, gp_object_t *kwnames)
{
    if (it_positional(type, name, nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[1]);
    if (!it)
        return NULL;
    predicate_t *p = (predicate_t *)it_alloc(type, 2);
    if (!p) {
        GP_DECREF(it);
        return NULL;
    }
    p->func = args[0] == gp_None ? NULL : GP_INCREF(args[0]);
    p->it = it;
    gp_gc_track((gp_object_t *)p);
    return (gp_object_t *)p;
}

/* The predicate's verdict on [item]: 0/1, -1 on error. */
static int predicate_test(predicate_t *p, gp_object_t *item)
{
    if (!p->func)
        return gp_object_is_true(item);
    gp_object_t *r = gp_object_call(p->func, &item, 1, NULL);
    if (!r)
        return -1;
    int ok = gp_object_is_true(r);
    GP_DECREF(r);
    return ok;
}

static gp_type_t dropwhile_type, takewhile_type, filterfalse_type;

static gp_object_t *dropwhile_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return predicate_create("dropwhile", type, args, nargs, kwnames);
}

static gp_object_t *dropwhile_next(gp_object_t *self)
{
    predicate_t *p = (predicate_t *)self;
    for (;;) {
        gp_object_t *item = it_next(p->it);
        if (!item || p->done)
            return item;
        int ok = predicate_test(p, item);
        if (ok == 0) {
            p->done = true;
            return item;
        }
        GP_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static gp_object_t *takewhile_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return predicate_create("takewhile", type, args, nargs, kwnames);
}

static gp_object_t *takewhile_next(gp_object_t *self)
{
    predicate_t *p = (predicate_t *)self;
    if (p->done)
        return NULL;
    gp_object_t *item = it_next(p->it);
    if (!item)
        return NULL;
    int ok = predicate_test(p, item);
    if (ok > 0)
        return item;
    GP_DECREF(item);
    if (ok == 0)
        p->done = true;
    return NULL;
}

static gp_object_t *filterfalse_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return predicate_create("filterfalse", type, args, nargs, kwnames);
}

static gp_object_t *filterfalse_next(gp_object_t *self)
{
    predicate_t *p = (predicate_t *)self;
    for (;;) {
        gp_object_t *item = it_next(p->it);
        if (!item)
            return NULL;
        int ok = predicate_test(p, item);
        if (ok == 0)
            return item;
        GP_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

IT_TYPE(dropwhile_type, "dropwhile", predicate_t, it_dealloc, dropwhile_new, dropwhile_next);
IT_TYPE(takewhile_type, "takewhile", predicate_t, it_dealloc, takewhile_new, takewhile_next);
IT_TYPE(filterfalse_type, "filterfalse", predicate_t, it_dealloc, filterfalse_new,
        filterfalse_next);

/* ------------------------------------------------------------------ */
/* groupby(iterable, key=None) and its _grouper                          */
/* ------------------------------------------------------------------ */

typedef struct groupby_object {
    it_head_t head;
    gp_object_t *it;
    gp_object_t *keyfunc;   /* NULL: identity */
    gp_object_t *tgtkey;    /* the key of the group being handed out */
    gp_object_t *currkey;   /* key of currvalue */
    gp_object_t *currvalue; /* the item read ahead, NULL if none */
    /* The one _grouper that may still advance (borrowed: only compared). */
    gp_object_t *currgrouper;
} groupby_t;

typedef struct grouper_object {
    it_head_t head;
    gp_object_t *parent; /* the groupby */
    gp_object_t *tgtkey;
} grouper_t;

static gp_type_t groupby_type, grouper_type;

static gp_object_t *groupby_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"iterable", "key", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("groupby", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(v[0]);
    if (!it)
        return NULL;
    groupby_t *g = (groupby_t *)it_alloc(type, 5);
    if (!g) {
        GP_DECREF(it);
        return NULL;
    }
    g->it = it;
    g->keyfunc = v[1] && v[1] != gp_None ? GP_INCREF(v[1]) : NULL;
    gp_gc_track((gp_object_t *)g);
    return (gp_object_t *)g;
}

/* Reads the next item and its key into currvalue/currkey. -1 when the
   source is exhausted (no exception) or on error. */
static int groupby_step(groupby_t *g)
{
    gp_object_t *value = it_next(g->it);
    if (!value)
        return -1;
    gp_object_t *key = g->keyfunc ? gp_object_call(g->keyfunc, &value, 1, NULL) : GP_INCREF(value);
    if (!key) {
        GP_DECREF(value);
        return -1;
    }
    GP_SETREF(g->currvalue, value);
    GP_SETREF(g->currkey, key);
    return 0;
}

static gp_object_t *groupby_next(gp_object_t *self)
{
    groupby_t *g = (groupby_t *)self;
    g->currgrouper = NULL;
    /* Skip the rest of the current group. */
    for (;;) {
        if (!g->currkey) {
            /* nothing read ahead yet */
        } else if (!g->tgtkey) {
            break;
        } else {
            int eq = gp_object_richcompare_bool(g->tgtkey, g->currkey, GP_CMP_EQ);
            if (eq < 0)
                return NULL;
            if (eq == 0)
                break;
        }
        if (groupby_step(g) < 0)
            return NULL;
    }
    GP_SETREF(g->tgtkey, GP_INCREF(g->currkey));
    grouper_t *gr = (grouper_t *)it_alloc(&grouper_type, 2);
    if (!gr)
        return NULL;
    gr->parent = GP_INCREF(self);
    gr->tgtkey = GP_INCREF(g->tgtkey);
    gp_gc_track((gp_object_t *)gr);
    g->currgrouper = (gp_object_t *)gr;
    gp_object_t *pair = gp_tuple_new(2);
    if (!pair) {
        GP_DECREF((gp_object_t *)gr);
        return NULL;
    }
    GP_TUPLE_SET(pair, 0, GP_INCREF(g->currkey));
    GP_TUPLE_SET(pair, 1, (gp_object_t *)gr);
    return pair;
}

static gp_object_t *grouper_next(gp_object_t *self)
{
    grouper_t *gr = (grouper_t *)self;
    groupby_t *g = (groupby_t *)gr->parent;
    if (g->currgrouper != self)
        return NULL;
    if (!g->currvalue && groupby_step(g) < 0)
        return NULL;
    int eq = gp_object_richcompare_bool(gr->tgtkey, g->currkey, GP_CMP_EQ);
    if (eq <= 0)
        return NULL;
    gp_object_t *value = g->currvalue;
    g->currvalue = NULL;
    GP_CLEAR(g->currkey);
    return value;
}

static gp_object_t *grouper_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gp_err_set_string(&gp_exc_TypeError, "cannot create 'itertools._grouper' instances");
    return NULL;
}

IT_TYPE(groupby_type, "groupby", groupby_t, it_dealloc, groupby_new, groupby_next);
IT_TYPE(grouper_type, "_grouper", grouper_t, it_dealloc, grouper_new, grouper_next);

/* ------------------------------------------------------------------ */
/* islice(iterable, stop) / islice(iterable, start, stop[, step])        */
/* ------------------------------------------------------------------ */

typedef struct islice_object {
    it_head_t head;
    gp_object_t *it; /* NULL once exhausted */
    intptr_t next, stop, step, count; /* stop -1: no limit */
} islice_t;

/* An islice bound: None gives [dflt]; else a non-negative index. */
static int islice_bound(gp_object_t *o, intptr_t dflt, intptr_t *out)
{
    if (o == gp_None) {
        *out = dflt;
        return 0;
    }
    intptr_t v = gp_number_as_ssize(o, NULL);
    if (v == -1 && gp_err_occurred()) {
        gp_err_clear();
        return -1;
    }
    *out = v;
    return v < 0 ? -1 : 0;
}

static gp_object_t *islice_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (it_positional(type, "islice", nargs, kwnames, 2, 4) < 0)
        return NULL;
    intptr_t start = 0, stop = -1, step = 1;
    gp_object_t *stop_arg = nargs == 2 ? args[1] : args[2];
    if (islice_bound(stop_arg, -1, &stop) < 0) {
        gp_err_set_string(&gp_exc_ValueError, "Stop argument for islice() must be None or an "
                                              "integer: 0 <= x <= sys.maxsize.");
        return NULL;
    }
    if (nargs >= 3 && islice_bound(args[1], 0, &start) < 0) {
        gp_err_set_string(&gp_exc_ValueError, "Indices for islice() must be None or an integer: "
                                              "0 <= x <= sys.maxsize.");
        return NULL;
    }
    if (nargs == 4) {
        int rc = islice_bound(args[3], 1, &step);
        if (rc < 0 || step < 1) {
            gp_err_set_string(&gp_exc_ValueError,
                              "Step for islice() must be a positive integer or None.");
            return NULL;
        }
    }
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    islice_t *s = (islice_t *)it_alloc(type, 1);
    if (!s) {
        GP_DECREF(it);
        return NULL;
    }
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    gp_gc_track((gp_object_t *)s);
    return (gp_object_t *)s;
}

static gp_object_t *islice_next(gp_object_t *self)
{
    islice_t *s = (islice_t *)self;
    if (!s->it)
        return NULL;
    while (s->count < s->next) {
        gp_object_t *skipped = it_next(s->it);
        if (!skipped)
            goto empty;
        GP_DECREF(skipped);
        s->count++;
    }
    if (s->stop != -1 && s->count >= s->stop)
        goto empty;
    gp_object_t *item = it_next(s->it);
    if (!item)
        goto empty;
    s->count++;
    intptr_t old = s->next;
    if (__builtin_add_overflow(s->next, s->step, &s->next) || s->next < old ||
        (s->stop != -1 && s->next > s->stop))
        s->next = s->stop == -1 ? INTPTR_MAX : s->stop;
    return item;
empty:
    /* Keep a pending exception; drop the iterator either way, as CPython. */
    GP_CLEAR(s->it);
    return NULL;
}

IT_TYPE(islice_type, "islice", islice_t, it_dealloc, islice_new, islice_next);

/* ------------------------------------------------------------------ */
/* pairwise(iterable)                                                   */
/* ------------------------------------------------------------------ */

typedef struct pairwise_object {
    it_head_t head;
    gp_object_t *it; /* NULL once exhausted */
    gp_object_t *old;
} pairwise_t;

static gp_object_t *pairwise_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (it_positional(type, "pairwise", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    pairwise_t *p = (pairwise_t *)it_alloc(type, 2);
    if (!p) {
        GP_DECREF(it);
        return NULL;
    }
    p->it = it;
    gp_gc_track((gp_object_t *)p);
    return (gp_object_t *)p;
}

/* The source iterator may call next() on this pairwise object again (a
   reentrant __next__), which can replace or clear p->it and p->old under our
   feet, so each step works on references of its own and re-reads the fields
   after every call out. */
static gp_object_t *pairwise_next(gp_object_t *self)
{
    pairwise_t *p = (pairwise_t *)self;
    gp_object_t *it = p->it;
    if (!it)
        return NULL;
    GP_INCREF(it);
    gp_object_t *old = p->old;
    if (!old) {
        old = it_next(it);
        GP_SETREF(p->old, old);
        if (!old) {
            GP_CLEAR(p->it);
            GP_DECREF(it);
            return NULL;
        }
        if (!p->it) {
            /* Exhausted by a reentrant call while we waited. */
            GP_CLEAR(p->old);
            GP_DECREF(it);
            return NULL;
        }
    }
    GP_INCREF(old);
    gp_object_t *item = it_next(it);
    GP_DECREF(it);
    if (!item) {
        GP_CLEAR(p->it);
        GP_CLEAR(p->old);
        GP_DECREF(old);
        return NULL;
    }
    gp_object_t *pair = gp_tuple_new(2);
    if (!pair) {
        GP_DECREF(item);
        GP_DECREF(old);
        return NULL;
    }
    GP_TUPLE_SET(pair, 0, old);
    GP_TUPLE_SET(pair, 1, GP_INCREF(item));
    GP_SETREF(p->old, item);
    return pair;
}

IT_TYPE(pairwise_type, "pairwise", pairwise_t, it_dealloc, pairwise_new, pairwise_next);

/* ------------------------------------------------------------------ */
/* starmap(function, iterable)                                          */
/* ------------------------------------------------------------------ */

typedef struct starmap_object {
    it_head_t head;
    gp_object_t *func, *it;
} starmap_t;

static gp_object_t *starmap_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (it_positional(type, "starmap", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[1]);
    if (!it)
        return NULL;
    starmap_t *s = (starmap_t *)it_alloc(type, 2);
    if (!s) {
        GP_DECREF(it);
        return NULL;
    }
    s->func = GP_INCREF(args[0]);
    s->it = it;
    gp_gc_track((gp_object_t *)s);
    return (gp_object_t *)s;
}

static gp_object_t *starmap_next(gp_object_t *self)
{
    starmap_t *s = (starmap_t *)self;
    gp_object_t *item = it_next(s->it);
    if (!item)
        return NULL;
    gp_object_t *result;
    if (gp_tuple_check(item)) {
        result = gp_object_call(s->func, GP_TUPLE_ITEMS(item), (size_t)GP_TUPLE_SIZE(item), NULL);
    } else {
        gp_object_t *tuple = gp_tuple_from_iterable(item);
        result = tuple ? gp_object_call(s->func, GP_TUPLE_ITEMS(tuple),
                                        (size_t)GP_TUPLE_SIZE(tuple), NULL)
                       : NULL;
        GP_XDECREF(tuple);
    }
    GP_DECREF(item);
    return result;
}

IT_TYPE(starmap_type, "starmap", starmap_t, it_dealloc, starmap_new, starmap_next);

/* ------------------------------------------------------------------ */
/* zip_longest(*iterables, fillvalue=None)                              */
/* ------------------------------------------------------------------ */

typedef struct zip_longest_object {
    it_head_t head;
    gp_object_t *iters; /* tuple; an exhausted iterator is replaced by None */
    gp_object_t *result;
    gp_object_t *fillvalue;
    intptr_t active; /* iterators not yet exhausted */
} zip_longest_t;

static gp_object_t *zip_longest_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gp_object_t *fillvalue = gp_None;
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        if (GP_TUPLE_SIZE(kwnames) != 1 || !gp_str_eq_cstr(GP_TUPLE_GET(kwnames, 0), "fillvalue")) {
            gp_err_set_string(&gp_exc_TypeError,
                              "zip_longest() got an unexpected keyword argument");
            return NULL;
        }
        fillvalue = args[nargs];
    }
    gp_object_t *iters = gp_tuple_new(nargs);
    if (!iters)
        return NULL;
    for (size_t i = 0; i < nargs; i++)
        GP_TUPLE_SET(iters, i, gp_none_new());
    for (size_t i = 0; i < nargs; i++) {
        gp_object_t *it = gp_object_iter(args[i]);
        if (!it) {
            GP_DECREF(iters);
            return NULL;
        }
        it_tuple_replace(iters, (intptr_t)i, it);
        GP_DECREF(it);
    }
    zip_longest_t *z = (zip_longest_t *)it_alloc(type, 3);
    if (!z) {
        GP_DECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->fillvalue = GP_INCREF(fillvalue);
    z->active = (intptr_t)nargs;
    gp_gc_track((gp_object_t *)z);
    return (gp_object_t *)z;
}

static gp_object_t *zip_longest_next(gp_object_t *self)
{
    zip_longest_t *z = (zip_longest_t *)self;
    intptr_t n = GP_TUPLE_SIZE(z->iters);
    if (n == 0 || z->active == 0)
        return NULL;
    gp_object_t *result;
    bool reuse = z->result && z->result->refcnt == 1;
    if (reuse) {
        result = z->result;
    } else {
        result = gp_tuple_new((size_t)n);
        if (!result)
            return NULL;
        for (intptr_t i = 0; i < n; i++)
            GP_TUPLE_SET(result, i, gp_none_new());
    }
    for (intptr_t i = 0; i < n; i++) {
        gp_object_t *it = GP_TUPLE_GET(z->iters, i);
        gp_object_t *item;
        if (it == gp_None) {
            item = GP_INCREF(z->fillvalue);
        } else {
            item = it_next(it);
            if (!item) {
                if (gp_err_occurred() || --z->active == 0) {
                    z->active = 0;
                    if (!reuse)
                        GP_DECREF(result);
                    return NULL;
                }
                it_tuple_replace(z->iters, i, gp_None);
                item = GP_INCREF(z->fillvalue);
            }
        }
        gp_object_t *old = GP_TUPLE_GET(result, i);
        GP_TUPLE_SET(result, i, item);
        GP_DECREF(old);
    }
    if (reuse)
        return GP_INCREF(result);
    GP_SETREF(z->result, GP_INCREF(result));
    return result;
}

IT_TYPE(zip_longest_type, "zip_longest", zip_longest_t, it_dealloc, zip_longest_new,
        zip_longest_next);

/* ------------------------------------------------------------------ */
/* Combinatorics: product, combinations, combinations_with_replacement, */
/* permutations                                                         */
/* ------------------------------------------------------------------ */

/* All four share one layout: the pools, the reusable result, C indices. */
typedef struct combo_object {
    it_head_t head;
    gp_object_t *pool;   /* product: tuple of tuples; others: one tuple */
    gp_object_t *result; /* NULL before the first item */
    intptr_t *indices;
    intptr_t *cycles; /* permutations only */
    intptr_t r;       /* output length */
    bool stopped;
} combo_t;

static void combo_dealloc(gp_object_t *self)
{
    combo_t *c = (combo_t *)self;
    gp_mem_free(c->indices);
    gp_mem_free(c->cycles);
    it_dealloc(self);
}

/* Allocates a combo of [type] owning [pool] (stolen) with [nindices] and
   [ncycles] zeroed C slots. */
static combo_t *combo_alloc(gp_type_t *type, gp_object_t *pool, intptr_t nindices,
                            intptr_t ncycles)
{
    combo_t *c = (combo_t *)it_alloc(type, 2);
    if (!c) {
        GP_DECREF(pool);
        return NULL;
    }
    c->pool = pool;
    c->indices = gp_mem_calloc((size_t)nindices + 1, sizeof(intptr_t));
    c->cycles = ncycles > 0 ? gp_mem_calloc((size_t)ncycles, sizeof(intptr_t)) : NULL;
    if (!c->indices || (ncycles > 0 && !c->cycles)) {
        gp_err_no_memory();
        GP_DECREF((gp_object_t *)c);
        return NULL;
    }
    return c;
}

/* A tuple [n] items long built from pool[indices[i]]. */
static gp_object_t *combo_first_result(gp_object_t *pool, const intptr_t *indices, intptr_t n)
{
    gp_object_t *result = gp_tuple_new((size_t)n);
    if (!result)
        return NULL;
    for (intptr_t i = 0; i < n; i++)
        GP_TUPLE_SET(result, i, GP_INCREF(GP_TUPLE_GET(pool, indices[i])));
    return result;
}

static gp_object_t *product_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    intptr_t repeat = 1;
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        for (intptr_t i = 0; i < GP_TUPLE_SIZE(kwnames); i++) {
            gp_object_t *key = GP_TUPLE_GET(kwnames, i);
            if (!gp_str_eq_cstr(key, "repeat")) {
                gp_err_format(&gp_exc_TypeError, "'%U' is an invalid keyword argument for product()",
                              key);
                return NULL;
            }
            repeat = gp_number_as_ssize(args[nargs + (size_t)i], &gp_exc_OverflowError);
            if (repeat == -1 && gp_err_occurred())
                return NULL;
            if (repeat < 0) {
                gp_err_set_string(&gp_exc_ValueError, "repeat argument cannot be negative");
                return NULL;
            }
        }
    }
    intptr_t npools;
    if (repeat > 0 && (intptr_t)nargs > INTPTR_MAX / 2 / repeat / (intptr_t)sizeof(intptr_t)) {
        gp_err_set_string(&gp_exc_OverflowError, "repeat argument too large");
        return NULL;
    }
    npools = (intptr_t)nargs * repeat;
    gp_object_t *pools = gp_tuple_new((size_t)npools);
    if (!pools)
        return NULL;
    for (intptr_t i = 0; i < npools; i++)
        GP_TUPLE_SET(pools, i, gp_none_new());
    for (size_t i = 0; i < nargs; i++) {
        gp_object_t *pool = gp_tuple_from_iterable(args[i]);
        if (!pool) {
            GP_DECREF(pools);
            return NULL;
        }
        for (intptr_t k = 0; k < repeat; k++)
            it_tuple_replace(pools, (intptr_t)i + k * (intptr_t)nargs, pool);
        GP_DECREF(pool);
    }
    combo_t *c = combo_alloc(type, pools, npools, 0);
    if (!c)
        return NULL;
    c->r = npools;
    gp_gc_track((gp_object_t *)c);
    return (gp_object_t *)c;
}

static gp_object_t *product_next(gp_object_t *self)
{
    combo_t *c = (combo_t *)self;
    if (c->stopped)
        return NULL;
    intptr_t npools = c->r;
    if (!c->result) {
        for (intptr_t i = 0; i < npools; i++) {
            if (GP_TUPLE_SIZE(GP_TUPLE_GET(c->pool, i)) == 0)
                goto empty;
        }
        gp_object_t *result = gp_tuple_new((size_t)npools);
        if (!result)
            return NULL;
        for (intptr_t i = 0; i < npools; i++)
            GP_TUPLE_SET(result, i, GP_INCREF(GP_TUPLE_GET(GP_TUPLE_GET(c->pool, i), 0)));
        c->result = result;
        return GP_INCREF(result);
    }
    gp_object_t *result = it_own_result(&c->result);
    if (!result)
        return NULL;
    intptr_t i;
    /* Advance the rightmost index; roll over to the left like an odometer. */
    for (i = npools - 1; i >= 0; i--) {
        gp_object_t *pool = GP_TUPLE_GET(c->pool, i);
        if (++c->indices[i] == GP_TUPLE_SIZE(pool)) {
            c->indices[i] = 0;
            it_tuple_replace(result, i, GP_TUPLE_GET(pool, 0));
        } else {
            it_tuple_replace(result, i, GP_TUPLE_GET(pool, c->indices[i]));
            break;
        }
    }
    if (i < 0)
        goto empty;
    return GP_INCREF(result);
empty:
    c->stopped = true;
    return NULL;
}

IT_TYPE(product_type, "product", combo_t, combo_dealloc, product_new, product_next);

/* Parses (iterable, r) for combinations and combinations_with_replacement. */
static gp_object_t *combinations_create(const char *name, gp_type_t *type,
                                        gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames, bool replace)
{
    static const char *const names[] = {"iterable", "r", NULL};
    gp_object_t *v[2];
    if (gp_args_parse(name, args, nargs, kwnames, names, 2, v) < 0)
        return NULL;
    intptr_t r = gp_number_as_ssize(v[1], &gp_exc_OverflowError);
    if (r == -1 && gp_err_occurred())
        return NULL;
    if (r < 0) {
        gp_err_set_string(&gp_exc_ValueError, "r must be non-negative");
        return NULL;
    }
    gp_object_t *pool = gp_tuple_from_iterable(v[0]);
    if (!pool)
        return NULL;
    intptr_t n = GP_TUPLE_SIZE(pool);
    combo_t *c = combo_alloc(type, pool, r, 0);
    if (!c)
        return NULL;
    c->r = r;
    for (intptr_t i = 0; i < r; i++)
        c->indices[i] = replace ? 0 : i;
    c->stopped = replace ? (n == 0 && r > 0) : r > n;
    gp_gc_track((gp_object_t *)c);
    return (gp_object_t *)c;
}

static gp_object_t *combinations_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    return combinations_create("combinations", type, args, nargs, kwnames, false);
}

static gp_object_t *combinations_next(gp_object_t *self)
{
    combo_t *c = (combo_t *)self;
    if (c->stopped)
        return NULL;
    intptr_t n = GP_TUPLE_SIZE(c->pool), r = c->r;
    if (!c->result) {
        c->result = combo_first_result(c->pool, c->indices, r);
        return c->result ? GP_INCREF(c->result) : NULL;
    }
    gp_object_t *result = it_own_result(&c->result);
    if (!result)
        return NULL;
    /* Find the rightmost index not at its maximum (i + n - r). */
    intptr_t i = r - 1;
    while (i >= 0 && c->indices[i] == i + n - r)
        i--;
    if (i < 0) {
        c->stopped = true;
        return NULL;
    }
    c->indices[i]++;
    for (intptr_t j = i + 1; j < r; j++)
        c->indices[j] = c->indices[j - 1] + 1;
    for (; i < r; i++)
        it_tuple_replace(result, i, GP_TUPLE_GET(c->pool, c->indices[i]));
    return GP_INCREF(result);
}

IT_TYPE(combinations_type, "combinations", combo_t, combo_dealloc, combinations_new,
        combinations_next);

static gp_object_t *cwr_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    return combinations_create("combinations_with_replacement", type, args, nargs, kwnames, true);
}

static gp_object_t *cwr_next(gp_object_t *self)
{
    combo_t *c = (combo_t *)self;
    if (c->stopped)
        return NULL;
    intptr_t n = GP_TUPLE_SIZE(c->pool), r = c->r;
    if (!c->result) {
        c->result = combo_first_result(c->pool, c->indices, r);
        return c->result ? GP_INCREF(c->result) : NULL;
    }
    gp_object_t *result = it_own_result(&c->result);
    if (!result)
        return NULL;
    intptr_t i = r - 1;
    while (i >= 0 && c->indices[i] == n - 1)
        i--;
    if (i < 0) {
        c->stopped = true;
        return NULL;
    }
    intptr_t index = c->indices[i] + 1;
    gp_object_t *elem = GP_TUPLE_GET(c->pool, index);
    for (; i < r; i++) {
        c->indices[i] = index;
        it_tuple_replace(result, i, elem);
    }
    return GP_INCREF(result);
}

IT_TYPE(cwr_type, "combinations_with_replacement", combo_t, combo_dealloc, cwr_new, cwr_next);

static gp_object_t *permutations_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    static const char *const names[] = {"iterable", "r", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("permutations", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    intptr_t r = -1;
    if (v[1] && v[1] != gp_None) {
        if (!gp_int_check(v[1])) {
            gp_err_set_string(&gp_exc_TypeError, "Expected int as r");
            return NULL;
        }
        r = gp_number_as_ssize(v[1], &gp_exc_OverflowError);
        if (r == -1 && gp_err_occurred())
            return NULL;
        if (r < 0) {
            gp_err_set_string(&gp_exc_ValueError, "r must be non-negative");
            return NULL;
        }
    }
    gp_object_t *pool = gp_tuple_from_iterable(v[0]);
    if (!pool)
        return NULL;
    intptr_t n = GP_TUPLE_SIZE(pool);
    if (r == -1)
        r = n;
    combo_t *c = combo_alloc(type, pool, n, r);
    if (!c)
        return NULL;
    c->r = r;
    for (intptr_t i = 0; i < n; i++)
        c->indices[i] = i;
    for (intptr_t i = 0; i < r && i < n; i++)
        c->cycles[i] = n - i;
    c->stopped = r > n;
    gp_gc_track((gp_object_t *)c);
    return (gp_object_t *)c;
}

static gp_object_t *permutations_next(gp_object_t *self)
{
    combo_t *c = (combo_t *)self;
    if (c->stopped)
        return NULL;
    intptr_t n = GP_TUPLE_SIZE(c->pool), r = c->r;
    intptr_t *indices = c->indices, *cycles = c->cycles;
    if (!c->result) {
        c->result = combo_first_result(c->pool, indices, r);
        return c->result ? GP_INCREF(c->result) : NULL;
    }
    if (n == 0)
        goto empty;
    gp_object_t *result = it_own_result(&c->result);
    if (!result)
        return NULL;
    intptr_t i;
    /* Decrement the rightmost cycle, moving left when one rolls over. */
    for (i = r - 1; i >= 0; i--) {
        if (--cycles[i] == 0) {
            /* indices[i:] = indices[i+1:] + indices[i:i+1] */
            intptr_t index = indices[i];
            for (intptr_t j = i; j < n - 1; j++)
                indices[j] = indices[j + 1];
            indices[n - 1] = index;
            cycles[i] = n - i;
        } else {
            intptr_t j = cycles[i];
            intptr_t index = indices[i];
            indices[i] = indices[n - j];
            indices[n - j] = index;
            for (intptr_t k = i; k < r; k++)
                it_tuple_replace(result, k, GP_TUPLE_GET(c->pool, indices[k]));
            break;
        }
    }
    if (i < 0)
        goto empty;
    return GP_INCREF(result);
empty:
    c->stopped = true;
    return NULL;
}

IT_TYPE(permutations_type, "permutations", combo_t, combo_dealloc, permutations_new,
        permutations_next);

/* ------------------------------------------------------------------ */
/* tee(iterable, n=2) and the shared blocks behind it                   */
/* ------------------------------------------------------------------ */

enum { TEE_BLOCK = 57 };

typedef struct teedata_object {
    it_head_t head;
    gp_object_t *it;       /* the shared source iterator */
    gp_object_t *nextlink; /* the following block, created on demand */
    gp_object_t *values[TEE_BLOCK];
    int numread;  /* values[0..numread) are filled */
    bool running; /* a read from the source is in progress */
} teedata_t;

typedef struct tee_object {
    it_head_t head;
    gp_object_t *data; /* the current teedata block */
    int index;         /* position in the block */
} tee_t;

static gp_type_t teedata_type, tee_type;

static gp_object_t *teedata_create(gp_object_t *it)
{
    /* nrefs covers it, nextlink and the value array, laid out contiguously. */
    teedata_t *d = (teedata_t *)it_alloc(&teedata_type, 2 + TEE_BLOCK);
    if (!d)
        return NULL;
    d->it = GP_INCREF(it);
    gp_gc_track((gp_object_t *)d);
    return (gp_object_t *)d;
}

/* A block's values beyond numread are NULL, so the generic slots see only
   filled values. Releasing a long chain of blocks one after another would
   recurse once per block; instead the chain is unlinked iteratively. */
static void teedata_dealloc(gp_object_t *self)
{
    teedata_t *d = (teedata_t *)self;
    gp_object_t *next = d->nextlink;
    d->nextlink = NULL;
    it_dealloc(self);
    while (next && GP_IS_PTR(next) && next->refcnt == 1) {
        teedata_t *nd = (teedata_t *)next;
        gp_object_t *after = nd->nextlink;
        nd->nextlink = NULL;
        GP_DECREF(next);
        next = after;
    }
    GP_XDECREF(next);
}

/* The value at [i] of block [d], reading from the source if needed. */
static gp_object_t *teedata_getitem(teedata_t *d, int i)
{
    if (i < d->numread)
        return GP_INCREF(d->values[i]);
    if (d->running) {
        gp_err_set_string(&gp_exc_RuntimeError, "cannot re-enter the tee iterator");
        return NULL;
    }
    d->running = true;
    gp_object_t *value = it_next(d->it);
    d->running = false;
    if (!value)
        return NULL;
    d->values[d->numread++] = value;
    return GP_INCREF(value);
}

static gp_object_t *teedata_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gp_err_set_string(&gp_exc_TypeError, "cannot create 'itertools._tee_dataobject' instances");
    return NULL;
}

static gp_type_t teedata_type = {
    GP_TYPE_HEAD_INIT,
    .name = "itertools._tee_dataobject",
    .basicsize = sizeof(teedata_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = teedata_dealloc,
    .new_ = teedata_new,
    .traverse = it_traverse,
    .clear = it_clear,
};

/* A tee positioned at [data]'s [index]. */
static gp_object_t *tee_create(gp_type_t *type, gp_object_t *data, int index)
{
    tee_t *t = (tee_t *)it_alloc(type, 1);
    if (!t)
        return NULL;
    t->data = GP_INCREF(data);
    t->index = index;
    gp_gc_track((gp_object_t *)t);
    return (gp_object_t *)t;
}

/* A tee over [iterable]: a copy when it already is a tee, as CPython. */
static gp_object_t *tee_from_iterable(gp_object_t *iterable)
{
    gp_object_t *it = gp_object_iter(iterable);
    if (!it)
        return NULL;
    gp_object_t *result;
    if (GP_TYPE(it) == &tee_type) {
        tee_t *src = (tee_t *)it;
        result = tee_create(&tee_type, src->data, src->index);
    } else {
        gp_object_t *data = teedata_create(it);
        result = data ? tee_create(&tee_type, data, 0) : NULL;
        GP_XDECREF(data);
    }
    GP_DECREF(it);
    return result;
}

static gp_object_t *tee_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    if (it_positional(type, "_tee", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return tee_from_iterable(args[0]);
}

static gp_object_t *tee_next(gp_object_t *self)
{
    tee_t *t = (tee_t *)self;
    teedata_t *d = (teedata_t *)t->data;
    if (t->index >= TEE_BLOCK) {
        if (!d->nextlink && !(d->nextlink = teedata_create(d->it)))
            return NULL;
        GP_SETREF(t->data, GP_INCREF(d->nextlink));
        t->index = 0;
        d = (teedata_t *)t->data;
    }
    gp_object_t *value = teedata_getitem(d, t->index);
    if (value)
        t->index++;
    return value;
}

static gp_object_t *tee_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    tee_t *t = (tee_t *)self;
    return tee_create(GP_TYPE(self), t->data, t->index);
}

static const gp_method_def_t tee_methods[] = {
    {"__copy__", tee_copy, 0, "Returns an independent iterator."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t tee_type = {
    GP_TYPE_HEAD_INIT,
    .name = "itertools._tee",
    .basicsize = sizeof(tee_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = it_dealloc,
    .new_ = tee_new,
    .iter = it_self,
    .iternext = tee_next,
    .traverse = it_traverse,
    .clear = it_clear,
    .methods = tee_methods,
};

static gp_object_t *itertools_tee(gp_object_t *module, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (it_positional(NULL, "tee", nargs, kwnames, 1, 2) < 0)
        return NULL;
    intptr_t n = 2;
    if (nargs == 2) {
        n = gp_number_as_ssize(args[1], &gp_exc_OverflowError);
        if (n == -1 && gp_err_occurred())
            return NULL;
    }
    if (n < 0) {
        gp_err_set_string(&gp_exc_ValueError, "n must be >= 0");
        return NULL;
    }
    gp_object_t *result = gp_tuple_new((size_t)n);
    if (!result)
        return NULL;
    for (intptr_t i = 0; i < n; i++)
        GP_TUPLE_SET(result, i, gp_none_new());
    if (n == 0) {
        /* CPython still checks that the argument is iterable. */
        gp_object_t *it = gp_object_iter(args[0]);
        if (!it) {
            GP_DECREF(result);
            return NULL;
        }
        GP_DECREF(it);
        return result;
    }
    /* An iterator that can copy itself (a tee, or any with __copy__) is
       used as it is, and the others are copies of it, as CPython does; any
       other iterator is wrapped in a fresh tee. */
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it) {
        GP_DECREF(result);
        return NULL;
    }
    gp_object_t *copier = gp_object_getattr_opt(it, gp_str_static("__copy__"));
    gp_object_t *first = NULL;
    if (copier) {
        GP_DECREF(copier);
        first = it;
    } else if (!gp_err_occurred()) {
        first = tee_from_iterable(it);
        GP_DECREF(it);
    } else {
        GP_DECREF(it);
    }
    if (!first) {
        GP_DECREF(result);
        return NULL;
    }
    it_tuple_replace(result, 0, first);
    for (intptr_t i = 1; i < n; i++) {
        gp_object_t *copy = gp_object_call_method(first, "__copy__", NULL, 0);
        if (!copy) {
            GP_DECREF(first);
            GP_DECREF(result);
            return NULL;
        }
        it_tuple_replace(result, i, copy);
        GP_DECREF(copy);
    }
    GP_DECREF(first);
    return result;
}

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

static const gp_method_def_t itertools_functions[] = {
    {"tee", itertools_tee, 0, "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t *const itertools_types[] = {
    &count_type,        &cycle_type,        &repeat_type,     &accumulate_type,
    &chain_type,        &compress_type,     &dropwhile_type,  &takewhile_type,
    &filterfalse_type,  &groupby_type,      &grouper_type,    &islice_type,
    &pairwise_type,     &starmap_type,      &zip_longest_type, &product_type,
    &combinations_type, &cwr_type,          &permutations_type, &teedata_type,
    &tee_type,          NULL,
};

gp_object_t *gp_itertools_module_create(void)
{
    gp_object_t *m = gp_module_new("itertools");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, itertools_functions) < 0)
        goto fail;
    for (size_t i = 0; itertools_types[i]; i++) {
        gp_type_t *t = itertools_types[i];
        if (gp_type_ready(t) < 0 ||
            gp_module_add_object(m, gp_type_name(t), (gp_object_t *)t) < 0)
            goto fail;
    }
    return m;
fail:
    GP_DECREF(m);
    return NULL;
}
