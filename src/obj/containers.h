/*
 * containers.h - what the container types (list, tuple, dict, set, range,
 * slice and the builtin iterators) offer beyond object.h.
 *
 * object.h is the contract every engineer codes against; this header adds
 * the types and helpers that the builtins module, the VM and the object
 * protocol may want once they know the containers exist:
 *
 *   - the iterator and view types, so `builtins` can register enumerate,
 *     zip, map, filter and reversed (all callable types, like list itself);
 *   - gp_callable_iter_new() for iter(callable, sentinel);
 *   - the repr recursion guard used by every container repr;
 *   - a few fast paths (list/tuple slicing, concatenation).
 *
 * The dict's layout and its version-tagged lookup API live in obj/dict.h.
 */
#ifndef GP_CONTAINERS_H
#define GP_CONTAINERS_H

#include "obj/object.h"

/* Iterator types. All have iter (returning self) and iternext slots. */
extern gp_type_t gp_list_iterator_type, gp_list_reverseiterator_type, gp_tuple_iterator_type,
    gp_range_iterator_type, gp_longrange_iterator_type, gp_set_iterator_type,
    gp_callable_iterator_type;
/* Builtin callable iterator types: register them in builtins by name. */
extern gp_type_t gp_enumerate_type, gp_zip_type, gp_map_type, gp_filter_type, gp_reversed_type;

/* Readies (gp_type_ready) the container types that object.h does not list:
   iterators, dict views, enumerate/zip/map/filter/reversed. gp_types_init
   must call it after the object.h types are ready. Returns 0 or -1. */
int gp_containers_init(void);

/* iter(callable, sentinel): calls [callable] until it returns [sentinel]. */
gp_object_t *gp_callable_iter_new(gp_object_t *callable, gp_object_t *sentinel);

/*
 * The repr recursion guard (CPython's Py_ReprEnter). A container's repr
 * calls gp_repr_enter(self) first: 0 means go ahead (and call
 * gp_repr_leave(self) when done), 1 means [self] is already being
 * repr'd further up this thread's stack (print "[...]"), -1 is an error.
 * The in-progress set is per thread, so two threads printing the same list
 * do not see each other's "...".
 */
int gp_repr_enter(gp_object_t *self);
void gp_repr_leave(gp_object_t *self);

/* Releases the recycled small tuples (tuple.c's free lists) to the
   allocator; called at runtime shutdown, next to the float free list. */
void gp_tuple_clear_free_list(void);
/* The same for slice.c's short list of recycled slices. */
void gp_slice_clear_free_list(void);

/* l[start:stop] for 0 <= start <= stop <= len (already clamped). */
gp_object_t *gp_list_getslice(gp_object_t *list, intptr_t start, intptr_t stop);
gp_object_t *gp_tuple_getslice(gp_object_t *tuple, intptr_t start, intptr_t stop);
/* a + b for two lists / two tuples (exact or subclasses). */
gp_object_t *gp_list_concat(gp_object_t *a, gp_object_t *b);
gp_object_t *gp_tuple_concat(gp_object_t *a, gp_object_t *b);
/* list.pop() at [index] (negative counts from the end); IndexError as CPython's. */
gp_object_t *gp_list_pop(gp_object_t *list, intptr_t index);

/* Arity checks with CPython's exact messages for builtin methods:
   noargs: "list.copy() takes no arguments (1 given)";
   onearg: "list.append() takes exactly one argument (0 given)";
   positional: "pop expected at most 1 argument, got 2", "insert expected 2
   arguments, got 1". Keyword arguments are refused earlier by the builtin
   method machinery (no GP_METH_KEYWORDS). Each returns 0 or -1. */
int gp_check_noargs(const char *qualname, size_t nargs);
int gp_check_onearg(const char *qualname, size_t nargs);
int gp_check_positional(const char *name, size_t nargs, size_t min, size_t max);

/* The start/stop of index(): an int or __index__ object, clamped to the C
   range like CPython's _PyEval_SliceIndexNotNone. TypeError "slice indices
   must be integers or have an __index__ method" otherwise. Returns 0 or -1. */
int gp_slice_index_clamped(gp_object_t *o, intptr_t *out);

/* The optional start and stop of index() (args[1], args[2] when given)
   resolved against a sequence of [n] items like slice bounds: negative
   counts from the end, then clamped at 0. Returns 0 or -1. */
int gp_index_bounds(gp_object_t *const *args, size_t nargs, intptr_t n, intptr_t *start,
                    intptr_t *stop);

/* True when [o] is a list (or tuple) whose items may be read straight from
   its array. A subclass that defines its own __iter__ must be iterated
   through it instead, so the fast path checks the iter slot too. */
static inline bool gp_list_items_direct(gp_object_t *o)
{
    return gp_list_check(o) && GP_TYPE(o)->iter == gp_list_type.iter;
}
static inline bool gp_tuple_items_direct(gp_object_t *o)
{
    return gp_tuple_check(o) && GP_TYPE(o)->iter == gp_tuple_type.iter;
}

/* __reduce__ of a sequence iterator, as pickle expects it: (builtin,
   (seq,), index) while [seq] is set, (builtin, (empty,)) once exhausted.
   [builtin] is "iter" or "reversed"; [empty] is borrowed. New reference. */
gp_object_t *gp_seq_iterator_reduce(const char *builtin, gp_object_t *seq, intptr_t index,
                                    gp_object_t *empty);
/* The index an iterator's __setstate__ was given, clamped to [lo, hi].
   -1 with an exception set when [state] is no int (check gp_err_occurred). */
intptr_t gp_seq_iterator_state(gp_object_t *state, intptr_t lo, intptr_t hi);

/* Hash of a tuple's items with CPython's xxHash-based algorithm. */
intptr_t gp_tuple_hash(gp_object_t *tuple);

/* hash(o) with the common key types inlined: a small int's hash is itself
   (CPython reduces ints modulo 2**61 - 1 and maps -1 to -2), an exact str
   caches its hash. -1 with an exception set on error. */
#define GP_HASH_MODULUS (((intptr_t)1 << 61) - 1)
static inline intptr_t gp_hash_fast(gp_object_t *o)
{
    if (GP_IS_SMALL(o)) {
        intptr_t v = GP_SMALL_VALUE(o);
        if (v > -GP_HASH_MODULUS && v < GP_HASH_MODULUS)
            return v == -1 ? -2 : v;
        return gp_int_hash(o);
    }
    if (o->type == &gp_str_type)
        return gp_str_hash(o);
    return gp_object_hash(o);
}

/* Equality of two exact strs (UTF-8 bytes), without the object protocol. */
bool gp_str_exact_eq(gp_object_t *a, gp_object_t *b);

/* True if [o] is a set or frozenset (or a subclass of either). */
bool gp_anyset_check(gp_object_t *o);
/* Steps through a set's keys with their stored hashes, so that copying
   them elsewhere (dict.fromkeys) need not hash again. [*pos] starts at 0;
   [*key] is borrowed. False once past the last key. */
bool gp_set_next_hashed(gp_object_t *set, intptr_t *pos, gp_object_t **key, intptr_t *hash);

/* Range introspection for the VM's `for i in range(...)` fast path: the
   start, stop and step of a range object whose bounds fit a C integer
   (returns false for big-int ranges). */
bool gp_range_bounds(gp_object_t *range, intptr_t *start, intptr_t *stop, intptr_t *step);

#endif /* GP_CONTAINERS_H */
