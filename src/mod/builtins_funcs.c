/*
 * builtins_funcs.c - the builtin functions that work on values: len, abs,
 * min, max, sum, any, all, sorted, iter, next, aiter, anext, isinstance,
 * issubclass, the attribute functions, id, hash, chr, ord, hex, oct, bin, format, divmod,
 * pow, round, callable, repr, ascii.
 *
 * Design notes
 * ------------
 * These functions are thin: the work belongs to the object protocol
 * (object.h), and a builtin's job is to check its arguments with CPython's
 * exact wording and then call the protocol. The exceptions are the hot ones
 * (len, isinstance, min, max, sum, any, all), which first try a fast path for
 * exact builtin types and unboxed small ints and fall back to the protocol
 * for everything else. A fast path must give the same result, the same
 * exception and the same reference behaviour as the slow path it skips.
 *
 * Iteration over "the items of an iterable" goes through builtins_iter_t,
 * which walks exact lists and tuples by index (re-reading the size on every
 * step, because a key function may mutate the list) and anything else
 * through gp_object_iter()/gp_iter_next().
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "mod/builtins.h"
#include "obj/containers.h"
#include "runtime/runtime.h"
#include "vm/eval.h"

/* ------------------------------------------------------------------ */
/* Walking an iterable                                                  */
/* ------------------------------------------------------------------ */

typedef struct builtins_iter {
    gp_object_t *seq;  /* exact list or tuple walked by index (borrowed), or NULL */
    gp_object_t *iter; /* otherwise: the iterator (owned) */
    intptr_t index;
} builtins_iter_t;

static int builtins_iter_begin(builtins_iter_t *it, gp_object_t *iterable)
{
    it->index = 0;
    it->iter = NULL;
    it->seq = NULL;
    if (gp_list_check_exact(iterable) || gp_tuple_check_exact(iterable)) {
        it->seq = iterable;
        return 0;
    }
    it->iter = gp_object_iter(iterable);
    return it->iter ? 0 : -1;
}

/* The next item (new reference), or NULL: exhausted unless an exception is set. */
static gp_object_t *builtins_iter_next(builtins_iter_t *it)
{
    if (it->seq) {
        gp_object_t *seq = it->seq;
        if (GP_IS_TYPE(seq, gp_list_type)) {
            if (it->index >= GP_LIST_SIZE(seq))
                return NULL;
            return GP_INCREF(GP_LIST_GET(seq, it->index++));
        }
        if (it->index >= GP_TUPLE_SIZE(seq))
            return NULL;
        return GP_INCREF(GP_TUPLE_GET(seq, it->index++));
    }
    return gp_iter_next(it->iter);
}

static void builtins_iter_end(builtins_iter_t *it)
{
    GP_XDECREF(it->iter);
}

/* ------------------------------------------------------------------ */
/* len, abs, repr, ascii, callable, id, hash                            */
/* ------------------------------------------------------------------ */

static gp_object_t *builtin_len(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (nargs != 1 || kwnames) {
        if (gp_args_check("len", nargs, kwnames, 1, 1) < 0)
            return NULL;
    }
    gp_object_t *o = args[0];
    intptr_t n;
    if (GP_IS_PTR(o)) {
        gp_type_t *type = o->type;
        if (type == &gp_list_type)
            return GP_SMALL_NEW(GP_LIST_SIZE(o));
        if (type == &gp_tuple_type)
            return GP_SMALL_NEW(GP_TUPLE_SIZE(o));
        if (type->len) {
            n = type->len(o);
            if (n < 0)
                return NULL;
            return gp_int_from_i64(n);
        }
    }
    n = gp_object_len(o);
    if (n < 0)
        return NULL;
    return gp_int_from_i64(n);
}

static gp_object_t *builtin_abs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("abs", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *o = args[0];
    if (GP_IS_SMALL(o)) {
        intptr_t v = GP_SMALL_VALUE(o);
        if (v >= 0)
            return o;
        if (v != GP_SMALL_MIN)
            return GP_SMALL_NEW(-v);
    } else if (o->type == &gp_float_type) {
        return gp_float_new(fabs(gp_float_value(o)));
    }
    return gp_number_unop(o, GP_UNOP_ABS);
}

static gp_object_t *builtin_repr(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("repr", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_object_repr(args[0]);
}

static gp_object_t *builtin_ascii(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("ascii", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_object_ascii(args[0]);
}

static gp_object_t *builtin_callable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("callable", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_bool_from(gp_object_is_callable(args[0]));
}

/* id(): the object's address. An unboxed int's "address" is its tagged
   word, which is odd and so never equals a heap object's address: ids stay
   unique among live objects, and equal small ints share one id, matching
   `is`. */
static gp_object_t *builtin_id(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("id", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_int_from_u64((uint64_t)(uintptr_t)args[0]);
}

static gp_object_t *builtin_hash(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("hash", nargs, kwnames, 1, 1) < 0)
        return NULL;
    intptr_t h = gp_object_hash(args[0]);
    if (h == -1 && gp_err_occurred())
        return NULL;
    return gp_int_from_i64(h);
}

/* ------------------------------------------------------------------ */
/* min, max                                                             */
/* ------------------------------------------------------------------ */

static gp_object_t *builtin_minmax(const char *name, gp_cmpop_t op, gp_object_t *const *args,
                                   size_t nargs, gp_object_t *kwnames)
{
    gp_object_t *key = NULL, *dflt = NULL;
    size_t nkw = gp_builtins_kwcount(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        gp_object_t *kw = GP_TUPLE_GET(kwnames, i);
        if (gp_str_eq_cstr(kw, "key"))
            key = args[nargs + i];
        else if (gp_str_eq_cstr(kw, "default"))
            dflt = args[nargs + i];
        else
            return gp_builtins_bad_keyword(name, kw), NULL;
    }
    if (nargs == 0) {
        gp_err_format(&gp_exc_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    if (dflt && nargs > 1) {
        gp_err_format(&gp_exc_TypeError,
                      "Cannot specify a default for %s() with multiple positional arguments",
                      name);
        return NULL;
    }
    if (key == gp_None)
        key = NULL;

    /* With several positional arguments they are the items themselves. */
    builtins_iter_t it = {0};
    gp_object_t *const *items = nargs > 1 ? args : NULL;
    size_t next_item = 0;
    if (!items && builtins_iter_begin(&it, args[0]) < 0)
        return NULL;

    gp_object_t *best = NULL, *best_key = NULL;
    for (;;) {
        gp_object_t *item;
        if (items) {
            if (next_item == nargs)
                break;
            item = GP_INCREF(items[next_item++]);
        } else if (!(item = builtins_iter_next(&it))) {
            if (gp_err_occurred())
                goto fail;
            break;
        }
        gp_object_t *item_key = item;
        if (key) {
            item_key = gp_object_call1(key, item);
            if (!item_key) {
                GP_DECREF(item);
                goto fail;
            }
        } else {
            GP_INCREF(item_key);
        }
        if (!best) {
            best = item;
            best_key = item_key;
            continue;
        }
        int better;
        if (GP_IS_SMALL(item_key) && GP_IS_SMALL(best_key)) {
            intptr_t a = GP_SMALL_VALUE(item_key), b = GP_SMALL_VALUE(best_key);
            better = op == GP_CMP_LT ? a < b : a > b;
        } else {
            better = gp_object_richcompare_bool(item_key, best_key, op);
            if (better < 0) {
                GP_DECREF(item);
                GP_DECREF(item_key);
                goto fail;
            }
        }
        if (better) {
            GP_SETREF(best, item);
            GP_SETREF(best_key, item_key);
        } else {
            GP_DECREF(item);
            GP_DECREF(item_key);
        }
    }
    builtins_iter_end(&it);
    GP_XDECREF(best_key);
    if (best)
        return best;
    if (dflt)
        return GP_INCREF(dflt);
    gp_err_format(&gp_exc_ValueError, "%s() arg is an empty sequence", name);
    return NULL;
fail:
    builtins_iter_end(&it);
    GP_XDECREF(best);
    GP_XDECREF(best_key);
    return NULL;
}

static gp_object_t *builtin_min(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return builtin_minmax("min", GP_CMP_LT, args, nargs, kwnames);
}

static gp_object_t *builtin_max(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return builtin_minmax("max", GP_CMP_GT, args, nargs, kwnames);
}

/* ------------------------------------------------------------------ */
/* sum                                                                  */
/* ------------------------------------------------------------------ */

/*
 * sum() keeps its running total unboxed while it can, like CPython: a C
 * integer while every item is a small int and nothing overflows, a C double
 * once a float appears and the items stay floats or small ints, and a
 * Python object (added with gp_number_binop) otherwise.
 */
typedef enum { SUM_INT, SUM_FLOAT, SUM_OBJECT } sum_mode_t;

static gp_object_t *builtin_sum(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gp_object_t *start = nargs > 1 ? args[1] : NULL;
    size_t nkw = gp_builtins_kwcount(kwnames);
    if (nargs + nkw > 2) {
        gp_err_format(&gp_exc_TypeError, "sum() takes at most 2 arguments (%zu given)",
                      nargs + nkw);
        return NULL;
    }
    for (size_t i = 0; i < nkw; i++) {
        gp_object_t *kw = GP_TUPLE_GET(kwnames, i);
        if (!gp_str_eq_cstr(kw, "start"))
            return gp_builtins_bad_keyword("sum", kw), NULL;
        start = args[nargs + i];
    }
    if (nargs == 0) {
        gp_err_set_string(&gp_exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
        return NULL;
    }
    if (start) {
        if (gp_str_check(start)) {
            gp_err_set_string(&gp_exc_TypeError,
                              "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (gp_bytes_check(start)) {
            gp_err_set_string(&gp_exc_TypeError,
                              "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (gp_object_isinstance_type(start, &gp_bytearray_type)) {
            gp_err_set_string(&gp_exc_TypeError,
                              "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
    }

    builtins_iter_t it;
    if (builtins_iter_begin(&it, args[0]) < 0)
        return NULL;

    sum_mode_t mode;
    intptr_t acc_int = 0;
    double acc_float = 0.0;
    gp_object_t *result = NULL;
    if (!start || GP_IS_SMALL(start)) {
        mode = SUM_INT;
        acc_int = start ? GP_SMALL_VALUE(start) : 0;
    } else if (start->type == &gp_float_type) {
        mode = SUM_FLOAT;
        acc_float = gp_float_value(start);
    } else {
        mode = SUM_OBJECT;
        result = GP_INCREF(start);
    }

    gp_object_t *item;
    while ((item = builtins_iter_next(&it)) != NULL) {
        if (mode == SUM_INT) {
            if (GP_IS_SMALL(item)) {
                intptr_t total;
                if (!__builtin_add_overflow(acc_int, GP_SMALL_VALUE(item), &total) &&
                    GP_SMALL_FITS(total)) {
                    acc_int = total;
                    continue;
                }
            } else if (item->type == &gp_float_type) {
                mode = SUM_FLOAT;
                acc_float = (double)acc_int + gp_float_value(item);
                GP_DECREF(item);
                continue;
            }
            mode = SUM_OBJECT;
            result = GP_SMALL_NEW(acc_int);
        } else if (mode == SUM_FLOAT) {
            if (GP_IS_PTR(item) && item->type == &gp_float_type) {
                acc_float += gp_float_value(item);
                GP_DECREF(item);
                continue;
            }
            if (GP_IS_SMALL(item)) {
                acc_float += (double)GP_SMALL_VALUE(item);
                continue;
            }
            mode = SUM_OBJECT;
            result = gp_float_new(acc_float);
            if (!result) {
                GP_DECREF(item);
                goto fail;
            }
        }
        gp_object_t *total = gp_number_binop(result, item, GP_BINOP_ADD);
        GP_DECREF(item);
        GP_SETREF(result, total);
        if (!result)
            goto fail;
    }
    if (gp_err_occurred())
        goto fail;
    builtins_iter_end(&it);
    if (mode == SUM_INT)
        return GP_SMALL_NEW(acc_int);
    if (mode == SUM_FLOAT)
        return gp_float_new(acc_float);
    return result;
fail:
    builtins_iter_end(&it);
    GP_XDECREF(result);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* any, all, sorted                                                     */
/* ------------------------------------------------------------------ */

/* Truth of [o] with the common constants decided inline. */
static inline int builtins_truth(gp_object_t *o)
{
    if (o == gp_True)
        return 1;
    if (o == gp_False || o == gp_None)
        return 0;
    if (GP_IS_SMALL(o))
        return GP_SMALL_VALUE(o) != 0;
    return gp_object_is_true(o);
}

/* any() stops at the first true item, all() at the first false one. */
static gp_object_t *builtins_any_all(const char *name, int stop_on, gp_object_t *const *args,
                                     size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check(name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    builtins_iter_t it;
    if (builtins_iter_begin(&it, args[0]) < 0)
        return NULL;
    gp_object_t *item;
    while ((item = builtins_iter_next(&it)) != NULL) {
        int truth = builtins_truth(item);
        GP_DECREF(item);
        if (truth < 0)
            goto fail;
        if (truth == stop_on) {
            builtins_iter_end(&it);
            return gp_bool_from(stop_on);
        }
    }
    if (gp_err_occurred())
        goto fail;
    builtins_iter_end(&it);
    return gp_bool_from(!stop_on);
fail:
    builtins_iter_end(&it);
    return NULL;
}

static gp_object_t *builtin_any(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return builtins_any_all("any", 1, args, nargs, kwnames);
}

static gp_object_t *builtin_all(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return builtins_any_all("all", 0, args, nargs, kwnames);
}

/* Converts a "reverse" flag as list.sort does: any int-like value. */
static int builtins_flag_arg(gp_object_t *arg, bool *out)
{
    if (arg == gp_True || arg == gp_False) {
        *out = arg == gp_True;
        return 0;
    }
    gp_object_t *index = gp_number_index(arg);
    if (!index)
        return -1;
    *out = gp_int_sign(index) != 0;
    GP_DECREF(index);
    return 0;
}

static gp_object_t *builtin_sorted(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gp_object_t *key = NULL, *reverse = NULL;
    size_t nkw = gp_builtins_kwcount(kwnames);
    if (nargs != 1) {
        gp_err_format(&gp_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
        return NULL;
    }
    for (size_t i = 0; i < nkw; i++) {
        gp_object_t *kw = GP_TUPLE_GET(kwnames, i);
        if (gp_str_eq_cstr(kw, "key"))
            key = args[nargs + i];
        else if (gp_str_eq_cstr(kw, "reverse"))
            reverse = args[nargs + i];
        else
            return gp_builtins_bad_keyword("sort", kw), NULL;
    }
    bool reversed = false;
    if (reverse && builtins_flag_arg(reverse, &reversed) < 0)
        return NULL;
    gp_object_t *list = gp_list_from_iterable(args[0]);
    if (!list)
        return NULL;
    if (gp_list_sort(list, key == gp_None ? NULL : key, reversed) < 0) {
        GP_DECREF(list);
        return NULL;
    }
    return list;
}

/* ------------------------------------------------------------------ */
/* iter, next                                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *builtin_iter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("iter", kwnames) < 0 ||
        gp_builtins_check_positional("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return gp_object_iter(args[0]);
    if (!gp_object_is_callable(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return gp_callable_iter_new(args[0], args[1]);
}

static gp_object_t *builtin_next(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("next", kwnames) < 0 ||
        gp_builtins_check_positional("next", nargs, 1, 2) < 0)
        return NULL;
    gp_object_t *it = args[0];
    gp_type_t *type = GP_TYPE(it);
    if (!type->iternext) {
        gp_err_format(&gp_exc_TypeError, "'%s' object is not an iterator", gp_type_name(type));
        return NULL;
    }
    gp_object_t *item = type->iternext(it);
    if (item)
        return item;
    if (gp_err_occurred()) {
        if (nargs < 2 || !gp_err_matches(&gp_exc_StopIteration))
            return NULL;
        gp_err_clear();
    }
    if (nargs == 2)
        return GP_INCREF(args[1]);
    gp_err_set_object(&gp_exc_StopIteration, NULL);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* aiter, anext                                                         */
/* ------------------------------------------------------------------ */

/* Calls the special method [name] found on the type of [o] (not on the
   instance, as the async-for statement does). NULL without an exception
   when the type has no such method. */
static gp_object_t *builtins_call_async_special(gp_object_t *o, const char *name)
{
    gp_object_t *method = gp_type_lookup_cstr(GP_TYPE(o), name);
    if (method == NULL)
        return NULL;
    gp_type_t *mt = GP_TYPE(method);
    if (mt->descr_get == NULL)
        return gp_object_call0(method);
    gp_object_t *bound = mt->descr_get(method, o, (gp_object_t *)GP_TYPE(o));
    if (bound == NULL)
        return NULL;
    gp_object_t *result = gp_object_call0(bound);
    GP_DECREF(bound);
    return result;
}

static gp_object_t *builtin_aiter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("aiter", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *it = builtins_call_async_special(args[0], "__aiter__");
    if (it == NULL) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_TypeError, "'%T' object is not an async iterable", args[0]);
        return NULL;
    }
    /* The result is checked as CPython does: it must itself be an async
       iterator, or the first anext() would fail far from the mistake. */
    if (gp_type_lookup_cstr(GP_TYPE(it), "__anext__") == NULL) {
        gp_err_format(&gp_exc_TypeError, "aiter() returned not an async iterator of type '%T'",
                      it);
        GP_DECREF(it);
        return NULL;
    }
    return it;
}

/* anext(iterator, default) must turn the StopAsyncIteration of the awaited
   step into [default]. That wrapping is a coroutine, which is far shorter
   written in Python: lib/_anext.py holds it, imported on first use. */
static gp_object_t *builtins_anext_with_default(gp_object_t *awaitable, gp_object_t *fallback)
{
    gp_object_t *name = gp_str_from_cstr("_anext");
    if (name == NULL)
        return NULL;
    gp_object_t *module = gp_import_module(name, NULL, NULL, 0);
    GP_DECREF(name);
    if (module == NULL)
        return NULL;
    gp_object_t *wrap = gp_object_getattr_cstr(module, "with_default");
    GP_DECREF(module);
    if (wrap == NULL)
        return NULL;
    gp_object_t *pair[2] = {awaitable, fallback};
    gp_object_t *result = gp_object_call(wrap, pair, 2, NULL);
    GP_DECREF(wrap);
    return result;
}

static gp_object_t *builtin_anext(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("anext", kwnames) < 0 ||
        gp_builtins_check_positional("anext", nargs, 1, 2) < 0)
        return NULL;
    gp_object_t *step = builtins_call_async_special(args[0], "__anext__");
    if (step == NULL) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_TypeError, "'%T' object is not an async iterator", args[0]);
        return NULL;
    }
    if (nargs == 1)
        return step;
    gp_object_t *result = builtins_anext_with_default(step, args[1]);
    GP_DECREF(step);
    return result;
}

/* ------------------------------------------------------------------ */
/* isinstance, issubclass and the attribute functions                   */
/* ------------------------------------------------------------------ */

static gp_object_t *builtin_isinstance(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (nargs != 2 || kwnames) {
        if (gp_builtins_no_keywords("isinstance", kwnames) < 0 ||
            gp_builtins_check_positional("isinstance", nargs, 2, 2) < 0)
            return NULL;
    }
    /* The exact-type hit needs no MRO walk and cannot be overridden. */
    if ((gp_object_t *)GP_TYPE(args[0]) == args[1])
        return GP_INCREF(gp_True);
    int rc = gp_object_isinstance(args[0], args[1]);
    if (rc < 0)
        return NULL;
    return gp_bool_from(rc);
}

static gp_object_t *builtin_issubclass(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("issubclass", kwnames) < 0 ||
        gp_builtins_check_positional("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int rc = gp_object_issubclass(args[0], args[1]);
    if (rc < 0)
        return NULL;
    return gp_bool_from(rc);
}

/* Attribute names must be str; the message is CPython's. */
static int builtins_check_attr_name(gp_object_t *name)
{
    if (gp_str_check(name))
        return 0;
    gp_err_format(&gp_exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
}

static gp_object_t *builtin_getattr(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("getattr", kwnames) < 0 ||
        gp_builtins_check_positional("getattr", nargs, 2, 3) < 0 ||
        builtins_check_attr_name(args[1]) < 0)
        return NULL;
    if (nargs == 2)
        return gp_object_getattr(args[0], args[1]);
    gp_object_t *value = gp_object_getattr_opt(args[0], args[1]);
    if (value || gp_err_occurred())
        return value;
    return GP_INCREF(args[2]);
}

static gp_object_t *builtin_setattr(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("setattr", kwnames) < 0 ||
        gp_builtins_check_positional("setattr", nargs, 3, 3) < 0 ||
        builtins_check_attr_name(args[1]) < 0)
        return NULL;
    if (gp_object_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *builtin_delattr(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("delattr", kwnames) < 0 ||
        gp_builtins_check_positional("delattr", nargs, 2, 2) < 0 ||
        builtins_check_attr_name(args[1]) < 0)
        return NULL;
    if (gp_object_delattr(args[0], args[1]) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *builtin_hasattr(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("hasattr", kwnames) < 0 ||
        gp_builtins_check_positional("hasattr", nargs, 2, 2) < 0 ||
        builtins_check_attr_name(args[1]) < 0)
        return NULL;
    gp_object_t *value = gp_object_getattr_opt(args[0], args[1]);
    if (value) {
        GP_DECREF(value);
        return GP_INCREF(gp_True);
    }
    if (gp_err_occurred())
        return NULL;
    return GP_INCREF(gp_False);
}

/* ------------------------------------------------------------------ */
/* chr, ord, hex, oct, bin, format                                      */
/* ------------------------------------------------------------------ */

/* An int argument as a C int, with the messages of CPython's "i" format:
   TypeError for non-integers, OverflowError beyond a C int. */
static int builtins_int_arg(gp_object_t *arg, int *out)
{
    if (GP_IS_SMALL(arg)) {
        intptr_t v = GP_SMALL_VALUE(arg);
        if (v >= INT32_MIN && v <= INT32_MAX) {
            *out = (int)v;
            return 0;
        }
    }
    if (gp_float_check(arg)) {
        gp_err_set_string(&gp_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    gp_object_t *index = gp_number_index(arg);
    if (!index)
        return -1;
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow || v < INT32_MIN || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static gp_object_t *builtin_chr(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("chr", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int cp;
    if (builtins_int_arg(args[0], &cp) < 0)
        return NULL;
    if (cp < 0 || cp > 0x10FFFF) {
        gp_err_set_string(&gp_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    if (cp < 0x80) {
        char c = (char)cp;
        return gp_str_from_utf8(&c, 1);
    }
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    gp_strbuf_append_codepoint(&buf, (uint32_t)cp);
    return gp_strbuf_finish(&buf);
}

/* Decodes the one code point of a UTF-8 sequence (valid by construction). */
static uint32_t builtins_decode_utf8(const unsigned char *p)
{
    if (p[0] < 0x80)
        return p[0];
    if (p[0] < 0xE0)
        return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if (p[0] < 0xF0)
        return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

static gp_object_t *builtin_ord(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("ord", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *c = args[0];
    intptr_t length;
    if (gp_str_check(c)) {
        length = gp_str_length(c);
        if (length == 1)
            return GP_SMALL_NEW(builtins_decode_utf8((const unsigned char *)gp_str_utf8(c)));
    } else if (gp_bytes_check(c) || gp_object_isinstance_type(c, &gp_bytearray_type)) {
        length = (intptr_t)gp_bytes_len(c);
        if (length == 1)
            return GP_SMALL_NEW((unsigned char)gp_bytes_data(c)[0]);
    } else {
        gp_err_format(&gp_exc_TypeError, "ord() expected string of length 1, but %T found", c);
        return NULL;
    }
    gp_err_format(&gp_exc_TypeError, "ord() expected a character, but string of length %zd found",
                  length);
    return NULL;
}

/* hex(), oct(), bin(): any __index__ object, with the 0x/0o/0b prefix. */
static gp_object_t *builtins_int_to_base(const char *name, int base, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check(name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *index = gp_number_index(args[0]);
    if (!index)
        return NULL;
    gp_object_t *text = gp_int_to_string(index, base);
    GP_DECREF(index);
    return text;
}

static gp_object_t *builtin_hex(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return builtins_int_to_base("hex", 16, args, nargs, kwnames);
}

static gp_object_t *builtin_oct(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return builtins_int_to_base("oct", 8, args, nargs, kwnames);
}

static gp_object_t *builtin_bin(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return builtins_int_to_base("bin", 2, args, nargs, kwnames);
}

static gp_object_t *builtin_format(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("format", kwnames) < 0 ||
        gp_builtins_check_positional("format", nargs, 1, 2) < 0)
        return NULL;
    gp_object_t *spec = nargs > 1 ? args[1] : NULL;
    if (spec && !gp_str_check(spec)) {
        gp_err_format(&gp_exc_TypeError, "format() argument 2 must be str, not %T", spec);
        return NULL;
    }
    return gp_object_format(args[0], spec);
}

/* ------------------------------------------------------------------ */
/* divmod, pow, round                                                   */
/* ------------------------------------------------------------------ */

static gp_object_t *builtin_divmod(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("divmod", kwnames) < 0 ||
        gp_builtins_check_positional("divmod", nargs, 2, 2) < 0)
        return NULL;
    return gp_number_binop(args[0], args[1], GP_BINOP_DIVMOD);
}

static gp_object_t *builtin_pow(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    gp_object_t *argv[3] = {NULL, NULL, NULL};
    if (gp_args_parse("pow", args, nargs, kwnames, names, 2, argv) < 0)
        return NULL;
    if (!argv[2] || argv[2] == gp_None)
        return gp_number_binop(argv[0], argv[1], GP_BINOP_POW);
    return gp_number_pow3(argv[0], argv[1], argv[2]);
}

/* Calls the special method [method] (found on the type) on [self]. */
static gp_object_t *builtins_call_special(gp_object_t *method, gp_object_t *self,
                                          gp_object_t *const *args, size_t nargs)
{
    gp_type_t *type = GP_TYPE(method);
    if (type == &gp_function_type || type == &gp_method_descr_type || !type->descr_get) {
        gp_object_t *stack[3];
        stack[0] = self;
        for (size_t i = 0; i < nargs && i < 2; i++)
            stack[i + 1] = args[i];
        return gp_object_call(method, stack, nargs + 1, NULL);
    }
    gp_object_t *bound = type->descr_get(method, self, (gp_object_t *)GP_TYPE(self));
    if (!bound)
        return NULL;
    gp_object_t *result = gp_object_call(bound, args, nargs, NULL);
    GP_DECREF(bound);
    return result;
}

static gp_object_t *builtin_round(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    gp_object_t *argv[2] = {NULL, NULL};
    if (gp_args_parse("round", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    gp_object_t *number = argv[0];
    gp_object_t *ndigits = argv[1] == gp_None ? NULL : argv[1];
    /* An int rounded to a non-negative number of digits is itself. */
    if (GP_IS_SMALL(number) && (!ndigits || (GP_IS_SMALL(ndigits) && GP_SMALL_VALUE(ndigits) >= 0)))
        return number;
    if (GP_IS_PTR(number) && number->type == &gp_float_type && !ndigits) {
        /* round-half-even, as float.__round__ without ndigits. */
        return gp_int_from_double(nearbyint(gp_float_value(number)));
    }
    gp_type_t *type = GP_TYPE(number);
    gp_object_t *method = gp_type_lookup_cstr(type, "__round__");
    if (!method) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_TypeError, "type %s doesn't define __round__ method",
                          gp_type_name(type));
        return NULL;
    }
    GP_INCREF(method);
    gp_object_t *result = builtins_call_special(method, number, &ndigits, ndigits ? 1 : 0);
    GP_DECREF(method);
    return result;
}

/* ------------------------------------------------------------------ */
/* The table                                                            */
/* ------------------------------------------------------------------ */

const gp_method_def_t gp_builtins_value_functions[] = {
    {"len", builtin_len, 0, "Return the number of items in a container."},
    {"abs", builtin_abs, 0, "Return the absolute value of the argument."},
    {"repr", builtin_repr, 0, "Return the canonical string representation of the object."},
    {"ascii", builtin_ascii, 0, "Return an ASCII-only representation of an object."},
    {"callable", builtin_callable, 0, "Return whether the object is callable."},
    {"id", builtin_id, 0, "Return the identity of an object."},
    {"hash", builtin_hash, 0, "Return the hash value for the given object."},
    {"min", builtin_min, GP_METH_KEYWORDS, "With a single iterable argument, return its smallest item."},
    {"max", builtin_max, GP_METH_KEYWORDS, "With a single iterable argument, return its biggest item."},
    {"sum", builtin_sum, GP_METH_KEYWORDS, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers."},
    {"any", builtin_any, 0, "Return True if bool(x) is True for any x in the iterable."},
    {"all", builtin_all, 0, "Return True if bool(x) is True for all values x in the iterable."},
    {"sorted", builtin_sorted, GP_METH_KEYWORDS, "Return a new list containing all items from the iterable in ascending order."},
    {"iter", builtin_iter, 0, "Get an iterator from an object."},
    {"next", builtin_next, 0, "Return the next item from the iterator."},
    {"aiter", builtin_aiter, 0, "Return the async iterator of an async iterable."},
    {"anext", builtin_anext, 0, "Return an awaitable for the next item of an async iterator."},
    {"isinstance", builtin_isinstance, 0, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", builtin_issubclass, 0, "Return whether 'cls' is derived from another class or is the same class."},
    {"getattr", builtin_getattr, 0, "Get a named attribute from an object."},
    {"setattr", builtin_setattr, 0, "Sets the named attribute on the given object to the specified value."},
    {"delattr", builtin_delattr, 0, "Deletes the named attribute from the given object."},
    {"hasattr", builtin_hasattr, 0, "Return whether the object has an attribute with the given name."},
    {"chr", builtin_chr, 0, "Return a Unicode string of one character with ordinal i."},
    {"ord", builtin_ord, 0, "Return the Unicode code point for a one-character string."},
    {"hex", builtin_hex, 0, "Return the hexadecimal representation of an integer."},
    {"oct", builtin_oct, 0, "Return the octal representation of an integer."},
    {"bin", builtin_bin, 0, "Return the binary representation of an integer."},
    {"format", builtin_format, 0, "Return value.__format__(format_spec)."},
    {"divmod", builtin_divmod, 0, "Return the tuple (x//y, x%y)."},
    {"pow", builtin_pow, GP_METH_KEYWORDS, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments."},
    {"round", builtin_round, GP_METH_KEYWORDS, "Round a number to a given precision in decimal digits."},
    {NULL, NULL, 0, NULL},
};
