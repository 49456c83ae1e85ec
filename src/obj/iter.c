/*
 * iter.c - the builtin iterator types and helpers shared by the containers.
 *
 * Design notes
 * ------------
 * This file holds the iterators that are not tied to one container (the
 * __getitem__-based "iterator" is gp_seqiter_type in object.c, next to
 * gp_object_iter, which creates it):
 *
 *   callable_iterator  iter(callable, sentinel);
 *   enumerate, zip (with strict=), map, filter, reversed: the builtins,
 *                      which are types, so calling them creates the object.
 *
 * Every one has an iternext slot that returns NULL without an exception
 * when exhausted, the protocol's fast StopIteration. Each pulls items from
 * its sources with iter_next_item(), which calls the source's iternext slot
 * directly when it has one, and the generic gp_iter_next otherwise.
 *
 * enumerate and zip hand out tuples; when the consumer has dropped the
 * previous tuple (refcount back to 1) it is refilled in place, as CPython
 * does, so `for i, x in enumerate(xs)` does not allocate per step.
 *
 * The file also keeps the per-thread repr recursion guard used by every
 * container repr ("[...]"), the arity checks with CPython's messages, and
 * gp_containers_init(), which readies the types object.h does not list.
 */
#include <string.h>

#include "obj/containers.h"
#include "obj/dict.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* Repr recursion guard                                                 */
/* ------------------------------------------------------------------ */

/* Objects whose repr is in progress on this thread. A small fixed array
   covers ordinary nesting; deeper nesting spills to the heap, and the heap
   block is freed as soon as the stack shrinks back, so an exiting thread
   never leaks it. */
enum { REPR_INLINE = 32 };
static _Thread_local gp_object_t *repr_inline[REPR_INLINE];
static _Thread_local gp_object_t **repr_heap;
static _Thread_local size_t repr_count, repr_heap_cap;

static gp_object_t **repr_slot(size_t i)
{
    return i < REPR_INLINE ? &repr_inline[i] : &repr_heap[i - REPR_INLINE];
}

int gp_repr_enter(gp_object_t *self)
{
    for (size_t i = repr_count; i-- > 0;)
        if (*repr_slot(i) == self)
            return 1;
    if (repr_count >= REPR_INLINE) {
        size_t need = repr_count - REPR_INLINE + 1;
        if (need > repr_heap_cap) {
            size_t cap = repr_heap_cap ? repr_heap_cap * 2 : 32;
            gp_object_t **heap = gp_mem_realloc(repr_heap, cap * sizeof *heap);
            if (!heap) {
                gp_err_no_memory();
                return -1;
            }
            repr_heap = heap;
            repr_heap_cap = cap;
        }
    }
    *repr_slot(repr_count++) = self;
    return 0;
}

void gp_repr_leave(gp_object_t *self)
{
    /* Normally the top entry; search in case of unbalanced use. */
    for (size_t i = repr_count; i-- > 0;) {
        if (*repr_slot(i) == self) {
            for (size_t j = i; j + 1 < repr_count; j++)
                *repr_slot(j) = *repr_slot(j + 1);
            repr_count--;
            break;
        }
    }
    if (repr_count <= REPR_INLINE && repr_heap) {
        gp_mem_free(repr_heap);
        repr_heap = NULL;
        repr_heap_cap = 0;
    }
}

/* ------------------------------------------------------------------ */
/* Arity checks                                                         */
/* ------------------------------------------------------------------ */

int gp_check_noargs(const char *qualname, size_t nargs)
{
    if (nargs == 0)
        return 0;
    gp_err_format(&gp_exc_TypeError, "%s() takes no arguments (%zu given)", qualname, nargs);
    return -1;
}

int gp_check_onearg(const char *qualname, size_t nargs)
{
    if (nargs == 1)
        return 0;
    gp_err_format(&gp_exc_TypeError, "%s() takes exactly one argument (%zu given)", qualname,
                  nargs);
    return -1;
}

int gp_check_positional(const char *name, size_t nargs, size_t min, size_t max)
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

/* ------------------------------------------------------------------ */
/* Shared helpers                                                       */
/* ------------------------------------------------------------------ */

/* The next item of [it]; NULL when exhausted (no exception) or on error. A
   StopIteration raised by an iternext slot is treated as exhaustion. */
static inline gp_object_t *iter_next_item(gp_object_t *it)
{
    gp_object_t *(*next)(gp_object_t *) = GP_TYPE(it)->iternext;
    if (!next)
        return gp_iter_next(it);
    gp_object_t *item = next(it);
    if (!item && gp_err_occurred() && gp_err_matches(&gp_exc_StopIteration))
        gp_err_clear();
    return item;
}

static gp_object_t *iter_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

/* Refills [*cache] with [n] stolen items if only the cache holds it, else
   makes a new tuple and caches it. Returns a new reference. */
static gp_object_t *iter_result_tuple(gp_object_t **cache, gp_object_t **items, size_t n)
{
    gp_object_t *t = *cache;
    if (t && t->refcnt == 1 && (size_t)GP_TUPLE_SIZE(t) == n) {
        for (size_t i = 0; i < n; i++) {
            gp_object_t *old = GP_TUPLE_GET(t, i);
            GP_TUPLE_SET(t, i, items[i]);
            GP_XDECREF(old);
        }
        return GP_INCREF(t);
    }
    t = gp_tuple_new(n);
    if (!t) {
        for (size_t i = 0; i < n; i++)
            GP_DECREF(items[i]);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        GP_TUPLE_SET(t, i, items[i]);
    GP_SETREF(*cache, GP_INCREF(t));
    return t;
}

/* Keyword argument [name] of a vectorcall, or NULL. */
static gp_object_t *iter_kwarg(gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
                               const char *name)
{
    if (!kwnames)
        return NULL;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(kwnames); i++)
        if (gp_str_eq_cstr(GP_TUPLE_GET(kwnames, i), name))
            return args[nargs + (size_t)i];
    return NULL;
}

/* Refuses every keyword except [allowed] (may be NULL) with CPython's message. */
static int iter_check_kwargs(const char *fname, gp_object_t *kwnames, const char *allowed)
{
    if (!kwnames)
        return 0;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(kwnames); i++) {
        gp_object_t *name = GP_TUPLE_GET(kwnames, i);
        if (!allowed || !gp_str_eq_cstr(name, allowed)) {
            gp_err_format(&gp_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                          name, fname);
            return -1;
        }
    }
    return 0;
}

#define ITER_GC_TYPE(cname, pyname, structname, dealloc_fn, traverse_fn, clear_fn, next_fn,       \
                     new_fn, methods_tab, extra_flags)                                             \
    gp_type_t cname = {                                                                            \
        GP_TYPE_HEAD_INIT,                                                                         \
        .name = pyname,                                                                            \
        .basicsize = sizeof(structname),                                                           \
        .flags = GP_TYPE_FLAG_GC | (extra_flags),                                                \
        .dealloc = dealloc_fn,                                                                     \
        .new_ = new_fn,                                                                            \
        .iter = iter_self,                                                                         \
        .iternext = next_fn,                                                                       \
        .traverse = traverse_fn,                                                                   \
        .clear = clear_fn,                                                                         \
        .methods = methods_tab,                                                                    \
    }

/* ------------------------------------------------------------------ */
/* Callable iterator                                                    */
/* ------------------------------------------------------------------ */

typedef struct callable_iterator {
    gp_object_t base;
    gp_object_t *callable; /* NULL once exhausted */
    gp_object_t *sentinel;
} callable_iterator_t;

gp_object_t *gp_callable_iter_new(gp_object_t *callable, gp_object_t *sentinel)
{
    if (!gp_object_is_callable(callable)) {
        gp_err_set_string(&gp_exc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    callable_iterator_t *it =
        (callable_iterator_t *)gp_object_alloc(&gp_callable_iterator_type, 0);
    if (!it)
        return NULL;
    it->callable = GP_INCREF(callable);
    it->sentinel = GP_INCREF(sentinel);
    gp_gc_track((gp_object_t *)it);
    return (gp_object_t *)it;
}

static void callable_iterator_dealloc(gp_object_t *self)
{
    callable_iterator_t *it = (callable_iterator_t *)self;
    gp_gc_untrack(self);
    GP_XDECREF(it->callable);
    GP_XDECREF(it->sentinel);
    gp_object_free(self);
}

static int callable_iterator_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    callable_iterator_t *it = (callable_iterator_t *)self;
    int r;
    if (it->callable && (r = visit(it->callable, arg)))
        return r;
    if (it->sentinel && GP_IS_PTR(it->sentinel) && (r = visit(it->sentinel, arg)))
        return r;
    return 0;
}

static int callable_iterator_clear(gp_object_t *self)
{
    callable_iterator_t *it = (callable_iterator_t *)self;
    GP_CLEAR(it->callable);
    GP_CLEAR(it->sentinel);
    return 0;
}

static gp_object_t *callable_iterator_next(gp_object_t *self)
{
    callable_iterator_t *it = (callable_iterator_t *)self;
    if (!it->callable)
        return NULL;
    /* The call may exhaust this very iterator (re-entering next), which
       clears both fields: hold our own references across it. */
    gp_object_t *callable = GP_INCREF(it->callable);
    gp_object_t *sentinel = GP_INCREF(it->sentinel);
    gp_object_t *value = gp_object_call0(callable);
    GP_DECREF(callable);
    int eq = -1;
    if (!value) {
        if (gp_err_matches(&gp_exc_StopIteration)) {
            gp_err_clear();
            GP_CLEAR(it->callable);
            GP_CLEAR(it->sentinel);
        }
    } else if (!it->callable) {
        /* Exhausted meanwhile: the value is dropped, as in CPython. */
        GP_CLEAR(value);
    } else if ((eq = gp_object_eq(sentinel, value)) != 0) {
        GP_CLEAR(value);
        if (eq > 0) {
            GP_CLEAR(it->callable);
            GP_CLEAR(it->sentinel);
        }
    }
    GP_DECREF(sentinel);
    return value;
}

/* Pickling support, as CPython: (iter, (callable, sentinel)), or
   (iter, ((),)) once exhausted. */
static gp_object_t *callable_iterator_reduce(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    callable_iterator_t *it = (callable_iterator_t *)self;
    gp_object_t *fn = gp_dict_getitem_cstr(gp_runtime()->builtins, "iter");
    if (!fn) {
        gp_err_set_string(&gp_exc_RuntimeError, "builtins.iter is missing");
        return NULL;
    }
    gp_object_t *inner;
    if (it->callable && it->sentinel) {
        inner = gp_tuple_pack(2, it->callable, it->sentinel);
    } else {
        gp_object_t *empty = gp_tuple_new(0);
        inner = empty ? gp_tuple_pack(1, empty) : NULL;
        GP_XDECREF(empty);
    }
    gp_object_t *res = inner ? gp_tuple_pack(2, fn, inner) : NULL;
    GP_XDECREF(inner);
    return res;
}

static const gp_method_def_t callable_iterator_methods[] = {
    {"__reduce__", callable_iterator_reduce, 0, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

ITER_GC_TYPE(gp_callable_iterator_type, "callable_iterator", callable_iterator_t,
             callable_iterator_dealloc, callable_iterator_traverse, callable_iterator_clear,
             callable_iterator_next, NULL, callable_iterator_methods, 0u);

/* ------------------------------------------------------------------ */
/* enumerate                                                            */
/* ------------------------------------------------------------------ */

typedef struct enumerate_object {
    gp_object_t base;
    gp_object_t *it;
    intptr_t index;         /* next index while it fits a small int */
    gp_object_t *big_index; /* next index as an int object once it does not, else NULL */
    gp_object_t *result;    /* reusable (index, item) tuple */
} enumerate_t;

static gp_object_t *enumerate_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gp_object_t *out[2] = {NULL, NULL}; /* iterable, start */
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        gp_err_format(&gp_exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                      nargs + nkw);
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    for (size_t i = 0; i < nkw; i++) {
        gp_object_t *name = GP_TUPLE_GET(kwnames, (intptr_t)i);
        size_t slot;
        if (gp_str_eq_cstr(name, "iterable")) {
            slot = 0;
        } else if (gp_str_eq_cstr(name, "start")) {
            slot = 1;
        } else {
            gp_err_format(&gp_exc_TypeError, "'%U' is an invalid keyword argument for enumerate()",
                          name);
            return NULL;
        }
        if (out[slot]) {
            gp_err_format(&gp_exc_TypeError,
                          "argument for enumerate() given by name ('%U') and position (%zu)",
                          name, slot + 1);
            return NULL;
        }
        out[slot] = args[nargs + i];
    }
    if (!out[0]) {
        gp_err_set_string(&gp_exc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    gp_object_t *start = NULL;
    if (out[1]) {
        start = gp_number_index(out[1]);
        if (!start)
            return NULL;
    }
    gp_object_t *it = gp_object_iter(out[0]);
    if (!it) {
        GP_XDECREF(start);
        return NULL;
    }
    enumerate_t *en = (enumerate_t *)gp_object_alloc(type, 0);
    if (!en) {
        GP_DECREF(it);
        GP_XDECREF(start);
        return NULL;
    }
    en->it = it;
    en->index = 0;
    if (start) {
        if (GP_IS_SMALL(start) && GP_SMALL_VALUE(start) < GP_SMALL_MAX)
            en->index = GP_SMALL_VALUE(start);
        else
            en->big_index = GP_INCREF(start);
        GP_DECREF(start);
    }
    gp_gc_track((gp_object_t *)en);
    return (gp_object_t *)en;
}

static void enumerate_dealloc(gp_object_t *self)
{
    enumerate_t *en = (enumerate_t *)self;
    gp_gc_untrack(self);
    GP_XDECREF(en->it);
    GP_XDECREF(en->big_index);
    GP_XDECREF(en->result);
    gp_object_free(self);
}

static int enumerate_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    enumerate_t *en = (enumerate_t *)self;
    int r;
    if (en->it && (r = visit(en->it, arg)))
        return r;
    if (en->big_index && GP_IS_PTR(en->big_index) && (r = visit(en->big_index, arg)))
        return r;
    if (en->result && (r = visit(en->result, arg)))
        return r;
    return 0;
}

static int enumerate_clear(gp_object_t *self)
{
    enumerate_t *en = (enumerate_t *)self;
    GP_CLEAR(en->it);
    GP_CLEAR(en->big_index);
    GP_CLEAR(en->result);
    return 0;
}

static gp_object_t *enumerate_next(gp_object_t *self)
{
    enumerate_t *en = (enumerate_t *)self;
    if (!en->it)
        return NULL;
    gp_object_t *item = iter_next_item(en->it);
    if (!item)
        return NULL;
    gp_object_t *index;
    if (!en->big_index) {
        index = GP_SMALL_NEW(en->index);
        if (en->index == GP_SMALL_MAX - 1) {
            en->big_index = gp_int_from_i64(GP_SMALL_MAX);
            if (!en->big_index) {
                GP_DECREF(item);
                return NULL;
            }
        } else {
            en->index++;
        }
    } else {
        index = GP_INCREF(en->big_index);
        gp_object_t *next = gp_number_binop(en->big_index, GP_SMALL_NEW(1), GP_BINOP_ADD);
        if (!next) {
            GP_DECREF(index);
            GP_DECREF(item);
            return NULL;
        }
        GP_SETREF(en->big_index, next);
    }
    gp_object_t *items[2] = {index, item};
    return iter_result_tuple(&en->result, items, 2);
}

/* Pickling support, as CPython: (type, (underlying iterator, next index)).
   An exhausted enumerate pickles as one over an empty tuple. */
static gp_object_t *enumerate_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    enumerate_t *en = (enumerate_t *)self;
    gp_object_t *source = en->it ? GP_INCREF(en->it) : gp_tuple_new(0);
    gp_object_t *index = en->big_index ? GP_INCREF(en->big_index) : gp_int_from_i64(en->index);
    gp_object_t *inner = source && index ? gp_tuple_pack(2, source, index) : NULL;
    gp_object_t *res = inner ? gp_tuple_pack(2, (gp_object_t *)GP_TYPE(self), inner) : NULL;
    GP_XDECREF(source);
    GP_XDECREF(index);
    GP_XDECREF(inner);
    return res;
}

static const gp_method_def_t enumerate_methods[] = {
    {"__reduce__", enumerate_reduce, 0, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

ITER_GC_TYPE(gp_enumerate_type, "enumerate", enumerate_t, enumerate_dealloc, enumerate_traverse,
             enumerate_clear, enumerate_next, enumerate_new, enumerate_methods,
             GP_TYPE_FLAG_BASETYPE);

/* ------------------------------------------------------------------ */
/* zip                                                                  */
/* ------------------------------------------------------------------ */

typedef struct zip_object {
    gp_object_t base;
    gp_object_t *iters; /* tuple of iterators; NULL once exhausted */
    gp_object_t *result;
    bool strict;
} zip_t;

static gp_object_t *zip_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    if (iter_check_kwargs("zip", kwnames, "strict") < 0)
        return NULL;
    int strict = 0;
    gp_object_t *strict_arg = iter_kwarg(args, nargs, kwnames, "strict");
    if (strict_arg && (strict = gp_object_is_true(strict_arg)) < 0)
        return NULL;
    gp_object_t *iters = gp_tuple_new(nargs);
    if (!iters)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        gp_object_t *it = gp_object_iter(args[i]);
        if (!it) {
            /* Fill the rest so the tuple can be released. */
            for (size_t j = i; j < nargs; j++)
                GP_TUPLE_SET(iters, j, gp_none_new());
            GP_DECREF(iters);
            return NULL;
        }
        GP_TUPLE_SET(iters, i, it);
    }
    zip_t *z = (zip_t *)gp_object_alloc(type, 0);
    if (!z) {
        GP_DECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict != 0;
    gp_gc_track((gp_object_t *)z);
    return (gp_object_t *)z;
}

static void zip_dealloc(gp_object_t *self)
{
    zip_t *z = (zip_t *)self;
    gp_gc_untrack(self);
    GP_XDECREF(z->iters);
    GP_XDECREF(z->result);
    gp_object_free(self);
}

static int zip_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    zip_t *z = (zip_t *)self;
    int r;
    if (z->iters && (r = visit(z->iters, arg)))
        return r;
    if (z->result && (r = visit(z->result, arg)))
        return r;
    return 0;
}

static int zip_clear(gp_object_t *self)
{
    zip_t *z = (zip_t *)self;
    GP_CLEAR(z->iters);
    GP_CLEAR(z->result);
    return 0;
}

/* Raises zip(strict=True)'s length mismatch error for argument [i] (0-based). */
static void zip_length_error(size_t i, const char *how)
{
    if (i == 1)
        gp_err_format(&gp_exc_ValueError, "zip() argument 2 is %s than argument 1", how);
    else
        gp_err_format(&gp_exc_ValueError, "zip() argument %zu is %s than arguments 1-%zu", i + 1,
                      how, i);
}

static gp_object_t *zip_next(gp_object_t *self)
{
    zip_t *z = (zip_t *)self;
    if (!z->iters)
        return NULL;
    size_t n = (size_t)GP_TUPLE_SIZE(z->iters);
    if (n == 0)
        return NULL;
    gp_object_t *small[8];
    gp_object_t **items = n <= 8 ? small : gp_mem_alloc(n * sizeof(gp_object_t *));
    if (!items) {
        gp_err_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        items[i] = iter_next_item(GP_TUPLE_GET(z->iters, i));
        if (items[i])
            continue;
        for (size_t j = 0; j < i; j++)
            GP_DECREF(items[j]);
        if (z->strict && !gp_err_occurred()) {
            if (i > 0) {
                zip_length_error(i, "shorter");
            } else {
                /* The first ran out: every other one must be exhausted too. */
                for (size_t j = 1; j < n; j++) {
                    gp_object_t *extra = iter_next_item(GP_TUPLE_GET(z->iters, j));
                    if (extra) {
                        GP_DECREF(extra);
                        zip_length_error(j, "longer");
                        break;
                    }
                    if (gp_err_occurred())
                        break;
                }
            }
        }
        if (items != small)
            gp_mem_free(items);
        GP_CLEAR(z->iters);
        return NULL;
    }
    gp_object_t *t = iter_result_tuple(&z->result, items, n);
    if (items != small)
        gp_mem_free(items);
    return t;
}

ITER_GC_TYPE(gp_zip_type, "zip", zip_t, zip_dealloc, zip_traverse, zip_clear, zip_next, zip_new,
             NULL, GP_TYPE_FLAG_BASETYPE);

/* ------------------------------------------------------------------ */
/* map                                                                  */
/* ------------------------------------------------------------------ */

typedef struct map_object {
    gp_object_t base;
    gp_object_t *func;
    gp_object_t *iters; /* tuple of iterators */
} map_t;

static gp_object_t *map_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0 &&
        (type == &gp_map_type || type->init == gp_map_type.init)) {
        gp_err_set_string(&gp_exc_TypeError, "map() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 2) {
        gp_err_set_string(&gp_exc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    gp_object_t *iters = gp_tuple_new(nargs - 1);
    if (!iters)
        return NULL;
    for (size_t i = 1; i < nargs; i++) {
        gp_object_t *it = gp_object_iter(args[i]);
        if (!it) {
            for (size_t j = i; j < nargs; j++)
                GP_TUPLE_SET(iters, j - 1, gp_none_new());
            GP_DECREF(iters);
            return NULL;
        }
        GP_TUPLE_SET(iters, i - 1, it);
    }
    map_t *m = (map_t *)gp_object_alloc(type, 0);
    if (!m) {
        GP_DECREF(iters);
        return NULL;
    }
    m->func = GP_INCREF(args[0]);
    m->iters = iters;
    gp_gc_track((gp_object_t *)m);
    return (gp_object_t *)m;
}

static void map_dealloc(gp_object_t *self)
{
    map_t *m = (map_t *)self;
    gp_gc_untrack(self);
    GP_XDECREF(m->func);
    GP_XDECREF(m->iters);
    gp_object_free(self);
}

static int map_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    map_t *m = (map_t *)self;
    int r;
    if (m->func && GP_IS_PTR(m->func) && (r = visit(m->func, arg)))
        return r;
    if (m->iters && (r = visit(m->iters, arg)))
        return r;
    return 0;
}

static int map_clear(gp_object_t *self)
{
    map_t *m = (map_t *)self;
    GP_CLEAR(m->func);
    GP_CLEAR(m->iters);
    return 0;
}

static gp_object_t *map_next(gp_object_t *self)
{
    map_t *m = (map_t *)self;
    if (!m->iters)
        return NULL;
    size_t n = (size_t)GP_TUPLE_SIZE(m->iters);
    gp_object_t *small[8];
    gp_object_t **items = n <= 8 ? small : gp_mem_alloc(n * sizeof(gp_object_t *));
    if (!items) {
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *result = NULL;
    size_t got = 0;
    for (; got < n; got++) {
        items[got] = iter_next_item(GP_TUPLE_GET(m->iters, got));
        if (!items[got])
            break;
    }
    if (got == n)
        result = gp_object_call(m->func, items, n, NULL);
    for (size_t j = 0; j < got; j++)
        GP_DECREF(items[j]);
    if (items != small)
        gp_mem_free(items);
    return result;
}

ITER_GC_TYPE(gp_map_type, "map", map_t, map_dealloc, map_traverse, map_clear, map_next, map_new,
             NULL, GP_TYPE_FLAG_BASETYPE);

/* ------------------------------------------------------------------ */
/* filter                                                               */
/* ------------------------------------------------------------------ */

typedef struct filter_object {
    gp_object_t base;
    gp_object_t *func; /* None: test the items themselves */
    gp_object_t *it;
} filter_t;

static gp_object_t *filter_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0 &&
        (type == &gp_filter_type || type->init == gp_filter_type.init)) {
        gp_err_set_string(&gp_exc_TypeError, "filter() takes no keyword arguments");
        return NULL;
    }
    if (gp_check_positional("filter", nargs, 2, 2) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[1]);
    if (!it)
        return NULL;
    filter_t *f = (filter_t *)gp_object_alloc(type, 0);
    if (!f) {
        GP_DECREF(it);
        return NULL;
    }
    f->func = GP_INCREF(args[0]);
    f->it = it;
    gp_gc_track((gp_object_t *)f);
    return (gp_object_t *)f;
}

static void filter_dealloc(gp_object_t *self)
{
    filter_t *f = (filter_t *)self;
    gp_gc_untrack(self);
    GP_XDECREF(f->func);
    GP_XDECREF(f->it);
    gp_object_free(self);
}

static int filter_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    filter_t *f = (filter_t *)self;
    int r;
    if (f->func && GP_IS_PTR(f->func) && (r = visit(f->func, arg)))
        return r;
    if (f->it && (r = visit(f->it, arg)))
        return r;
    return 0;
}

static int filter_clear(gp_object_t *self)
{
    filter_t *f = (filter_t *)self;
    GP_CLEAR(f->func);
    GP_CLEAR(f->it);
    return 0;
}

static gp_object_t *filter_next(gp_object_t *self)
{
    filter_t *f = (filter_t *)self;
    if (!f->it)
        return NULL;
    bool identity = f->func == gp_None || f->func == (gp_object_t *)&gp_bool_type;
    for (;;) {
        gp_object_t *item = iter_next_item(f->it);
        if (!item)
            return NULL;
        int ok;
        if (identity) {
            ok = gp_object_is_true(item);
        } else {
            gp_object_t *r = gp_object_call1(f->func, item);
            ok = r ? gp_object_is_true(r) : -1;
            GP_XDECREF(r);
        }
        if (ok > 0)
            return item;
        GP_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

ITER_GC_TYPE(gp_filter_type, "filter", filter_t, filter_dealloc, filter_traverse, filter_clear,
             filter_next, filter_new, NULL, GP_TYPE_FLAG_BASETYPE);

/* ------------------------------------------------------------------ */
/* reversed                                                             */
/* ------------------------------------------------------------------ */

typedef struct reversed_object {
    gp_object_t base;
    intptr_t index; /* next index to fetch; -1 once exhausted */
    gp_object_t *seq;
} reversed_t;

static gp_object_t *reversed_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0 && type == &gp_reversed_type) {
        gp_err_set_string(&gp_exc_TypeError, "reversed() takes no keyword arguments");
        return NULL;
    }
    if (gp_check_positional("reversed", nargs, 1, 1) < 0)
        return NULL;
    gp_object_t *seq = args[0];
    if (type == &gp_reversed_type) {
        gp_object_t *method = gp_type_lookup_cstr(GP_TYPE(seq), "__reversed__");
        if (method == gp_None) {
            gp_err_format(&gp_exc_TypeError, "'%T' object is not reversible", seq);
            return NULL;
        }
        if (method) {
            GP_INCREF(method);
            gp_object_t *r = gp_object_call(method, &seq, 1, NULL);
            GP_DECREF(method);
            return r;
        }
    }
    gp_type_t *st = GP_TYPE(seq);
    if (!st->getitem || !st->len || gp_dict_check(seq)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object is not reversible", seq);
        return NULL;
    }
    intptr_t n = gp_object_len(seq);
    if (n < 0)
        return NULL;
    reversed_t *r = (reversed_t *)gp_object_alloc(type, 0);
    if (!r)
        return NULL;
    r->index = n - 1;
    r->seq = GP_INCREF(seq);
    gp_gc_track((gp_object_t *)r);
    return (gp_object_t *)r;
}

static void reversed_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_XDECREF(((reversed_t *)self)->seq);
    gp_object_free(self);
}

static int reversed_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *seq = ((reversed_t *)self)->seq;
    return seq ? visit(seq, arg) : 0;
}

static int reversed_clear(gp_object_t *self)
{
    GP_CLEAR(((reversed_t *)self)->seq);
    return 0;
}

static gp_object_t *reversed_next(gp_object_t *self)
{
    reversed_t *r = (reversed_t *)self;
    if (!r->seq)
        return NULL;
    if (r->index < 0) {
        /* Exhausted: let go of the sequence at once, as CPython does. */
        GP_CLEAR(r->seq);
        return NULL;
    }
    gp_object_t *item;
    if (gp_tuple_check_exact(r->seq) && r->index < GP_TUPLE_SIZE(r->seq)) {
        item = GP_INCREF(GP_TUPLE_GET(r->seq, r->index));
    } else {
        item = gp_object_getitem(r->seq, GP_SMALL_NEW(r->index));
    }
    if (item) {
        r->index--;
        return item;
    }
    if (gp_err_matches(&gp_exc_IndexError) || gp_err_matches(&gp_exc_StopIteration))
        gp_err_clear();
    r->index = -1;
    GP_CLEAR(r->seq);
    return NULL;
}

static gp_object_t *reversed_length_hint(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    reversed_t *r = (reversed_t *)self;
    if (!r->seq)
        return GP_SMALL_NEW(0);
    /* As CPython: the sequence's current length is asked (its errors
       propagate), and a sequence that shrank below the position gives 0. */
    intptr_t size = gp_object_len(r->seq);
    if (size < 0)
        return NULL;
    intptr_t position = r->index + 1;
    return gp_int_from_i64(size < position ? 0 : position);
}

/* Pickling support: (type, (seq,), next index), or (type, ((),)) once
   exhausted. */
static gp_object_t *reversed_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    reversed_t *r = (reversed_t *)self;
    gp_object_t *type = (gp_object_t *)GP_TYPE(self);
    if (!r->seq) {
        gp_object_t *empty = gp_tuple_new(0);
        gp_object_t *inner = empty ? gp_tuple_pack(1, empty) : NULL;
        GP_XDECREF(empty);
        gp_object_t *res = inner ? gp_tuple_pack(2, type, inner) : NULL;
        GP_XDECREF(inner);
        return res;
    }
    gp_object_t *inner = gp_tuple_pack(1, r->seq);
    gp_object_t *index = gp_int_from_i64(r->index);
    gp_object_t *res = inner && index ? gp_tuple_pack(3, type, inner, index) : NULL;
    GP_XDECREF(inner);
    GP_XDECREF(index);
    return res;
}

static gp_object_t *reversed_setstate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    reversed_t *r = (reversed_t *)self;
    if (r->seq) {
        intptr_t n = gp_object_len(r->seq);
        if (n < 0)
            return NULL;
        intptr_t index = gp_seq_iterator_state(args[0], -1, n - 1);
        if (index == -1 && gp_err_occurred())
            return NULL;
        r->index = index;
    }
    return gp_none_new();
}

static const gp_method_def_t reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, 0, NULL},
    {"__reduce__", reversed_reduce, 0, "Return state information for pickling."},
    {"__setstate__", reversed_setstate, 0, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

ITER_GC_TYPE(gp_reversed_type, "reversed", reversed_t, reversed_dealloc, reversed_traverse,
             reversed_clear, reversed_next, reversed_new, reversed_methods, GP_TYPE_FLAG_BASETYPE);

/* ------------------------------------------------------------------ */
/* Type readiness                                                       */
/* ------------------------------------------------------------------ */

int gp_containers_init(void)
{
    gp_type_t *const types[] = {
        &gp_list_iterator_type,
        &gp_list_reverseiterator_type,
        &gp_tuple_iterator_type,
        &gp_range_iterator_type,
        &gp_longrange_iterator_type,
        &gp_set_iterator_type,
        &gp_callable_iterator_type,
        &gp_enumerate_type,
        &gp_zip_type,
        &gp_map_type,
        &gp_filter_type,
        &gp_reversed_type,
        &gp_dict_keys_type,
        &gp_dict_values_type,
        &gp_dict_items_type,
        &gp_dict_keyiterator_type,
        &gp_dict_valueiterator_type,
        &gp_dict_itemiterator_type,
        &gp_dict_reversekeyiterator_type,
        &gp_dict_reversevalueiterator_type,
        &gp_dict_reverseitemiterator_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!(types[i]->flags & GP_TYPE_FLAG_READY) && gp_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
