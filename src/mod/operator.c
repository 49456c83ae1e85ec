/*
 * operator.c - the operator module: Python's operators as functions.
 *
 * Design notes
 * ------------
 * Every function is a thin wrapper over the object protocol of object.h
 * (gp_number_binop, gp_object_richcompare, gp_object_getitem ...), so
 * `sorted(xs, key=itemgetter(1))` or `reduce(operator.mul, xs)` run at C
 * speed with exactly the semantics of the operators themselves.
 *
 * The binary operators are generated from one table: each entry names the
 * function and the gp_binop_t it applies; the in-place forms add
 * GP_BINOP_INPLACE. The module also carries CPython's dunder aliases
 * (`operator.__add__ is operator.add`).
 *
 * itemgetter, attrgetter and methodcaller are callable types. attrgetter
 * splits dotted names once, at construction, into tuples of interned
 * names; methodcaller prepares its positional arguments and keyword names
 * once so each call is one attribute lookup and one vectorcall.
 *
 * CPython keeps this module in C as `_operator` behind `operator.py`; here
 * the C module is registered directly as `operator`, and reprs use the
 * `operator.` prefix as CPython's do.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* Arity checks with CPython's messages                                 */
/* ------------------------------------------------------------------ */

/* "add expected 2 arguments, got 1" (CPython's _PyArg_CheckPositional). */
static int op_arity(const char *name, size_t nargs, gp_object_t *kwnames, size_t n)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs == n)
        return 0;
    gp_err_format(&gp_exc_TypeError, "%s expected %zu argument%s, got %zu", name, n,
                  n == 1 ? "" : "s", nargs);
    return -1;
}

/* One-argument functions are METH_O in CPython:
   "_operator.neg() takes exactly one argument (2 given)". */
static int op_onearg(const char *name, size_t nargs, gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "_operator.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs == 1)
        return 0;
    gp_err_format(&gp_exc_TypeError, "_operator.%s() takes exactly one argument (%zu given)",
                  name, nargs);
    return -1;
}

/* ------------------------------------------------------------------ */
/* Binary and unary operators                                           */
/* ------------------------------------------------------------------ */

#define OP_BINARY(fname, op)                                                                       \
    static gp_object_t *op_##fname(gp_object_t *m, gp_object_t *const *args, size_t nargs,        \
                                   gp_object_t *kwnames)                                           \
    {                                                                                              \
        if (op_arity(#fname, nargs, kwnames, 2) < 0)                                               \
            return NULL;                                                                           \
        return gp_number_binop(args[0], args[1], (op));                                            \
    }

OP_BINARY(add, GP_BINOP_ADD)
OP_BINARY(sub, GP_BINOP_SUB)
OP_BINARY(mul, GP_BINOP_MUL)
OP_BINARY(truediv, GP_BINOP_TRUEDIV)
OP_BINARY(floordiv, GP_BINOP_FLOORDIV)
OP_BINARY(mod, GP_BINOP_MOD)
OP_BINARY(pow, GP_BINOP_POW)
OP_BINARY(lshift, GP_BINOP_LSHIFT)
OP_BINARY(rshift, GP_BINOP_RSHIFT)
OP_BINARY(and_, GP_BINOP_AND)
OP_BINARY(or_, GP_BINOP_OR)
OP_BINARY(xor, GP_BINOP_XOR)
OP_BINARY(matmul, GP_BINOP_MATMUL)
OP_BINARY(iadd, GP_BINOP_INPLACE | GP_BINOP_ADD)
OP_BINARY(isub, GP_BINOP_INPLACE | GP_BINOP_SUB)
OP_BINARY(imul, GP_BINOP_INPLACE | GP_BINOP_MUL)
OP_BINARY(itruediv, GP_BINOP_INPLACE | GP_BINOP_TRUEDIV)
OP_BINARY(ifloordiv, GP_BINOP_INPLACE | GP_BINOP_FLOORDIV)
OP_BINARY(imod, GP_BINOP_INPLACE | GP_BINOP_MOD)
OP_BINARY(ipow, GP_BINOP_INPLACE | GP_BINOP_POW)
OP_BINARY(ilshift, GP_BINOP_INPLACE | GP_BINOP_LSHIFT)
OP_BINARY(irshift, GP_BINOP_INPLACE | GP_BINOP_RSHIFT)
OP_BINARY(iand, GP_BINOP_INPLACE | GP_BINOP_AND)
OP_BINARY(ior, GP_BINOP_INPLACE | GP_BINOP_OR)
OP_BINARY(ixor, GP_BINOP_INPLACE | GP_BINOP_XOR)
OP_BINARY(imatmul, GP_BINOP_INPLACE | GP_BINOP_MATMUL)

#define OP_COMPARE(fname, op)                                                                      \
    static gp_object_t *op_##fname(gp_object_t *m, gp_object_t *const *args, size_t nargs,        \
                                   gp_object_t *kwnames)                                           \
    {                                                                                              \
        if (op_arity(#fname, nargs, kwnames, 2) < 0)                                               \
            return NULL;                                                                           \
        return gp_object_richcompare(args[0], args[1], (op));                                      \
    }

OP_COMPARE(lt, GP_CMP_LT)
OP_COMPARE(le, GP_CMP_LE)
OP_COMPARE(eq, GP_CMP_EQ)
OP_COMPARE(ne, GP_CMP_NE)
OP_COMPARE(gt, GP_CMP_GT)
OP_COMPARE(ge, GP_CMP_GE)

#define OP_UNARY(fname, op)                                                                        \
    static gp_object_t *op_##fname(gp_object_t *m, gp_object_t *const *args, size_t nargs,        \
                                   gp_object_t *kwnames)                                           \
    {                                                                                              \
        if (op_onearg(#fname, nargs, kwnames) < 0)                                                 \
            return NULL;                                                                           \
        return gp_number_unop(args[0], (op));                                                      \
    }

OP_UNARY(neg, GP_UNOP_NEG)
OP_UNARY(pos, GP_UNOP_POS)
OP_UNARY(abs, GP_UNOP_ABS)
OP_UNARY(inv, GP_UNOP_INVERT)
OP_UNARY(invert, GP_UNOP_INVERT)

static gp_object_t *op_not_(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    if (op_onearg("not_", nargs, kwnames) < 0)
        return NULL;
    int t = gp_object_is_true(args[0]);
    return t < 0 ? NULL : gp_bool_from(t == 0);
}

static gp_object_t *op_truth(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (op_onearg("truth", nargs, kwnames) < 0)
        return NULL;
    int t = gp_object_is_true(args[0]);
    return t < 0 ? NULL : gp_bool_from(t != 0);
}

static gp_object_t *op_index(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (op_onearg("index", nargs, kwnames) < 0)
        return NULL;
    return gp_number_index(args[0]);
}

static gp_object_t *op_is_(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                           gp_object_t *kwnames)
{
    if (op_arity("is_", nargs, kwnames, 2) < 0)
        return NULL;
    return gp_bool_from(args[0] == args[1]);
}

static gp_object_t *op_is_not(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (op_arity("is_not", nargs, kwnames, 2) < 0)
        return NULL;
    return gp_bool_from(args[0] != args[1]);
}

/* ------------------------------------------------------------------ */
/* Sequence operations                                                  */
/* ------------------------------------------------------------------ */

/* CPython's PySequence_Check: has __getitem__ and is not a dict. */
static bool op_is_sequence(gp_object_t *o)
{
    if (gp_dict_check(o))
        return false;
    return GP_TYPE(o)->getitem != NULL;
}

static gp_object_t *op_concat_common(const char *name, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames, int op)
{
    if (op_arity(name, nargs, kwnames, 2) < 0)
        return NULL;
    if (!op_is_sequence(args[0])) {
        gp_err_format(&gp_exc_TypeError, "'%s' object can't be concatenated",
                      gp_type_name(GP_TYPE(args[0])));
        return NULL;
    }
    return gp_number_binop(args[0], args[1], op);
}

static gp_object_t *op_concat(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return op_concat_common("concat", args, nargs, kwnames, GP_BINOP_ADD);
}

static gp_object_t *op_iconcat(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return op_concat_common("iconcat", args, nargs, kwnames, GP_BINOP_INPLACE | GP_BINOP_ADD);
}

static gp_object_t *op_contains(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (op_arity("contains", nargs, kwnames, 2) < 0)
        return NULL;
    int r = gp_object_contains(args[0], args[1]);
    return r < 0 ? NULL : gp_bool_from(r != 0);
}

static gp_object_t *op_getitem(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (op_arity("getitem", nargs, kwnames, 2) < 0)
        return NULL;
    return gp_object_getitem(args[0], args[1]);
}

static gp_object_t *op_setitem(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (op_arity("setitem", nargs, kwnames, 3) < 0)
        return NULL;
    return gp_object_setitem(args[0], args[1], args[2]) < 0 ? NULL : gp_none_new();
}

static gp_object_t *op_delitem(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (op_arity("delitem", nargs, kwnames, 2) < 0)
        return NULL;
    return gp_object_delitem(args[0], args[1]) < 0 ? NULL : gp_none_new();
}

/* Walks [seq] comparing each item with [value]: counts matches when [count]
   is set, else returns the index of the first match (-1 with ValueError). */
static intptr_t op_sequence_search(gp_object_t *seq, gp_object_t *value, bool count)
{
    gp_object_t *it = gp_object_iter(seq);
    if (!it)
        return -1;
    intptr_t n = 0, i = 0;
    gp_object_t *item;
    while ((item = gp_iter_next(it)) != NULL) {
        int eq = item == value ? 1 : gp_object_richcompare_bool(item, value, GP_CMP_EQ);
        GP_DECREF(item);
        if (eq < 0)
            goto fail;
        if (eq > 0) {
            if (!count) {
                GP_DECREF(it);
                return i;
            }
            n++;
        }
        i++;
    }
    if (gp_err_occurred())
        goto fail;
    GP_DECREF(it);
    if (count)
        return n;
    gp_err_set_string(&gp_exc_ValueError, "sequence.index(x): x not in sequence");
    return -1;
fail:
    GP_DECREF(it);
    return -1;
}

static gp_object_t *op_countOf(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (op_arity("countOf", nargs, kwnames, 2) < 0)
        return NULL;
    intptr_t n = op_sequence_search(args[0], args[1], true);
    return n < 0 ? NULL : gp_int_from_i64(n);
}

static gp_object_t *op_indexOf(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (op_arity("indexOf", nargs, kwnames, 2) < 0)
        return NULL;
    intptr_t n = op_sequence_search(args[0], args[1], false);
    return n < 0 ? NULL : gp_int_from_i64(n);
}

/* length_hint(obj, default=0): len(obj), else obj.__length_hint__(), else default. */
static gp_object_t *op_length_hint(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "_operator.length_hint() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1) {
        gp_err_set_string(&gp_exc_TypeError, "length_hint expected at least 1 argument, got 0");
        return NULL;
    }
    if (nargs > 2) {
        gp_err_format(&gp_exc_TypeError, "length_hint expected at most 2 arguments, got %zu",
                      nargs);
        return NULL;
    }
    gp_object_t *dflt = nargs == 2 ? args[1] : GP_SMALL_NEW(0);
    if (!gp_int_check(dflt)) {
        gp_err_format(&gp_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      gp_type_name(GP_TYPE(dflt)));
        return NULL;
    }
    gp_object_t *obj = args[0];
    if (GP_TYPE(obj)->len) {
        intptr_t n = gp_object_len(obj);
        if (n >= 0)
            return gp_int_from_i64(n);
        if (!gp_err_matches(&gp_exc_TypeError))
            return NULL;
        gp_err_clear();
    }
    gp_object_t *hint = gp_type_lookup_cstr(GP_TYPE(obj), "__length_hint__");
    if (!hint)
        return GP_INCREF(dflt);
    gp_object_t *result = gp_object_call_method(obj, "__length_hint__", NULL, 0);
    if (!result) {
        if (!gp_err_matches(&gp_exc_TypeError))
            return NULL;
        gp_err_clear();
        return GP_INCREF(dflt);
    }
    if (result == gp_NotImplemented) {
        GP_DECREF(result);
        return GP_INCREF(dflt);
    }
    if (!gp_int_check(result)) {
        gp_err_format(&gp_exc_TypeError, "__length_hint__ must be an integer, not %s",
                      gp_type_name(GP_TYPE(result)));
        GP_DECREF(result);
        return NULL;
    }
    if (gp_int_sign(result) < 0) {
        GP_DECREF(result);
        gp_err_set_string(&gp_exc_ValueError, "__length_hint__() should return >= 0");
        return NULL;
    }
    return result;
}

/* call(obj, /, *args, **kwargs) */
static gp_object_t *op_call(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    if (nargs < 1) {
        gp_err_set_string(&gp_exc_TypeError, "call() missing 1 required positional argument: 'obj'");
        return NULL;
    }
    return gp_object_call(args[0], args + 1, nargs - 1, kwnames);
}

/* ------------------------------------------------------------------ */
/* itemgetter                                                           */
/* ------------------------------------------------------------------ */

typedef struct itemgetter_object {
    gp_object_t base;
    gp_object_t *items; /* tuple of keys */
} itemgetter_t;

static gp_type_t itemgetter_type, attrgetter_type, methodcaller_type;

static gp_object_t *itemgetter_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "itemgetter() takes no keyword arguments");
        return NULL;
    }
    if (nargs == 0) {
        gp_err_set_string(&gp_exc_TypeError, "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    gp_object_t *items = gp_tuple_from_array(args, nargs);
    if (!items)
        return NULL;
    itemgetter_t *g = (itemgetter_t *)gp_object_alloc(type, 0);
    if (!g) {
        GP_DECREF(items);
        return NULL;
    }
    g->items = items;
    gp_gc_track((gp_object_t *)g);
    return (gp_object_t *)g;
}

static gp_object_t *itemgetter_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    itemgetter_t *g = (itemgetter_t *)self;
    if (op_arity("itemgetter", nargs, kwnames, 1) < 0)
        return NULL;
    gp_object_t *obj = args[0];
    intptr_t n = GP_TUPLE_SIZE(g->items);
    if (n == 1) {
        gp_object_t *key = GP_TUPLE_GET(g->items, 0);
        /* Fast path: list/tuple indexed by a small int. */
        if (GP_IS_SMALL(key) && (gp_list_check_exact(obj) || gp_tuple_check_exact(obj))) {
            intptr_t i = GP_SMALL_VALUE(key);
            intptr_t size = gp_list_check_exact(obj) ? GP_LIST_SIZE(obj) : GP_TUPLE_SIZE(obj);
            if (i < 0)
                i += size;
            if (i >= 0 && i < size)
                return GP_INCREF(gp_list_check_exact(obj) ? GP_LIST_GET(obj, i)
                                                          : GP_TUPLE_GET(obj, i));
        }
        return gp_object_getitem(obj, key);
    }
    gp_object_t *result = gp_tuple_new((size_t)n);
    if (!result)
        return NULL;
    for (intptr_t i = 0; i < n; i++) {
        gp_object_t *item = gp_object_getitem(obj, GP_TUPLE_GET(g->items, i));
        if (!item) {
            for (intptr_t j = i; j < n; j++)
                GP_TUPLE_SET(result, j, gp_none_new());
            GP_DECREF(result);
            return NULL;
        }
        GP_TUPLE_SET(result, i, item);
    }
    return result;
}

/* "operator.itemgetter(1, 'x')": the type's full name and its arguments. */
static gp_object_t *getter_repr(gp_object_t *self, gp_object_t *items)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_append_cstr(&b, GP_TYPE(self)->name);
    gp_strbuf_append_char(&b, '(');
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(items); i++) {
        gp_object_t *r = gp_object_repr(GP_TUPLE_GET(items, i));
        if (!r) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        if (i > 0)
            gp_strbuf_append_cstr(&b, ", ");
        gp_strbuf_append_str(&b, r);
        GP_DECREF(r);
    }
    gp_strbuf_append_char(&b, ')');
    return gp_strbuf_finish(&b);
}

static gp_object_t *itemgetter_repr(gp_object_t *self)
{
    return getter_repr(self, ((itemgetter_t *)self)->items);
}

static void getter_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_XDECREF(((itemgetter_t *)self)->items);
    gp_object_free(self);
}

static int getter_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *items = ((itemgetter_t *)self)->items;
    return items ? visit(items, arg) : 0;
}

static int getter_clear(gp_object_t *self)
{
    GP_CLEAR(((itemgetter_t *)self)->items);
    return 0;
}

static gp_type_t itemgetter_type = {
    GP_TYPE_HEAD_INIT,
    .name = "operator.itemgetter",
    .basicsize = sizeof(itemgetter_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = getter_dealloc,
    .new_ = itemgetter_new,
    .repr = itemgetter_repr,
    .call = itemgetter_call,
    .traverse = getter_traverse,
    .clear = getter_clear,
    .doc = "Return a callable object that fetches the given item(s) from its operand.",
};

/* ------------------------------------------------------------------ */
/* attrgetter                                                           */
/* ------------------------------------------------------------------ */

typedef struct attrgetter_object {
    gp_object_t base;
    gp_object_t *names; /* tuple of the names as given (for repr) */
    gp_object_t *paths; /* tuple: per name, a tuple of interned parts */
} attrgetter_t;

/* Splits "a.b.c" into a tuple of interned strs. */
static gp_object_t *attrgetter_split(gp_object_t *name)
{
    const char *s = gp_str_utf8(name);
    size_t len = gp_str_utf8_len(name);
    size_t parts = 1;
    for (size_t i = 0; i < len; i++)
        parts += s[i] == '.';
    gp_object_t *path = gp_tuple_new(parts);
    if (!path)
        return NULL;
    size_t start = 0, k = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '.')
            continue;
        gp_object_t *part = gp_str_from_utf8(s + start, i - start);
        if (part)
            part = gp_str_intern(part);
        if (!part) {
            for (; k < parts; k++)
                GP_TUPLE_SET(path, k, gp_none_new());
            GP_DECREF(path);
            return NULL;
        }
        GP_TUPLE_SET(path, k++, part);
        start = i + 1;
    }
    return path;
}

static gp_object_t *attrgetter_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "attrgetter() takes no keyword arguments");
        return NULL;
    }
    if (nargs == 0) {
        gp_err_set_string(&gp_exc_TypeError, "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!gp_str_check(args[i])) {
            gp_err_set_string(&gp_exc_TypeError, "attribute name must be a string");
            return NULL;
        }
    }
    gp_object_t *names = gp_tuple_from_array(args, nargs);
    gp_object_t *paths = gp_tuple_new(nargs);
    if (!names || !paths)
        goto fail;
    for (size_t i = 0; i < nargs; i++)
        GP_TUPLE_SET(paths, i, gp_none_new());
    for (size_t i = 0; i < nargs; i++) {
        gp_object_t *path = attrgetter_split(args[i]);
        if (!path)
            goto fail;
        gp_object_t *old = GP_TUPLE_GET(paths, i);
        GP_TUPLE_SET(paths, i, path);
        GP_DECREF(old);
    }
    attrgetter_t *g = (attrgetter_t *)gp_object_alloc(type, 0);
    if (!g)
        goto fail;
    g->names = names;
    g->paths = paths;
    gp_gc_track((gp_object_t *)g);
    return (gp_object_t *)g;
fail:
    GP_XDECREF(names);
    GP_XDECREF(paths);
    return NULL;
}

/* Follows one dotted [path] from [obj]. */
static gp_object_t *attrgetter_follow(gp_object_t *obj, gp_object_t *path)
{
    gp_object_t *cur = GP_INCREF(obj);
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(path); i++) {
        gp_object_t *next = gp_object_getattr(cur, GP_TUPLE_GET(path, i));
        GP_DECREF(cur);
        if (!next)
            return NULL;
        cur = next;
    }
    return cur;
}

static gp_object_t *attrgetter_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    attrgetter_t *g = (attrgetter_t *)self;
    if (op_arity("attrgetter", nargs, kwnames, 1) < 0)
        return NULL;
    intptr_t n = GP_TUPLE_SIZE(g->paths);
    if (n == 1)
        return attrgetter_follow(args[0], GP_TUPLE_GET(g->paths, 0));
    gp_object_t *result = gp_tuple_new((size_t)n);
    if (!result)
        return NULL;
    for (intptr_t i = 0; i < n; i++) {
        gp_object_t *v = attrgetter_follow(args[0], GP_TUPLE_GET(g->paths, i));
        if (!v) {
            for (intptr_t j = i; j < n; j++)
                GP_TUPLE_SET(result, j, gp_none_new());
            GP_DECREF(result);
            return NULL;
        }
        GP_TUPLE_SET(result, i, v);
    }
    return result;
}

static gp_object_t *attrgetter_repr(gp_object_t *self)
{
    return getter_repr(self, ((attrgetter_t *)self)->names);
}

static void attrgetter_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_XDECREF(((attrgetter_t *)self)->names);
    GP_XDECREF(((attrgetter_t *)self)->paths);
    gp_object_free(self);
}

static int attrgetter_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    attrgetter_t *g = (attrgetter_t *)self;
    int r;
    if (g->names && (r = visit(g->names, arg)) != 0)
        return r;
    return g->paths ? visit(g->paths, arg) : 0;
}

static int attrgetter_clear(gp_object_t *self)
{
    GP_CLEAR(((attrgetter_t *)self)->names);
    GP_CLEAR(((attrgetter_t *)self)->paths);
    return 0;
}

static gp_type_t attrgetter_type = {
    GP_TYPE_HEAD_INIT,
    .name = "operator.attrgetter",
    .basicsize = sizeof(attrgetter_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = attrgetter_dealloc,
    .new_ = attrgetter_new,
    .repr = attrgetter_repr,
    .call = attrgetter_call,
    .traverse = attrgetter_traverse,
    .clear = attrgetter_clear,
    .doc = "Return a callable object that fetches the given attribute(s) from its operand.",
};

/* ------------------------------------------------------------------ */
/* methodcaller                                                         */
/* ------------------------------------------------------------------ */

typedef struct methodcaller_object {
    gp_object_t base;
    gp_object_t *name;    /* interned str */
    gp_object_t *args;    /* tuple: positional values then keyword values */
    gp_object_t *kwnames; /* tuple of keyword names, or NULL */
    size_t npositional;
} methodcaller_t;

static gp_object_t *methodcaller_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (nargs < 1) {
        gp_err_set_string(&gp_exc_TypeError,
                          "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    if (!gp_str_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "method name must be a string");
        return NULL;
    }
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    gp_object_t *name = gp_str_intern(GP_INCREF(args[0]));
    gp_object_t *rest = gp_tuple_from_array(args + 1, nargs - 1 + nkw);
    methodcaller_t *mc = name && rest ? (methodcaller_t *)gp_object_alloc(type, 0) : NULL;
    if (!mc) {
        GP_XDECREF(name);
        GP_XDECREF(rest);
        return NULL;
    }
    mc->name = name;
    mc->args = rest;
    mc->kwnames = nkw ? GP_INCREF(kwnames) : NULL;
    mc->npositional = nargs - 1;
    gp_gc_track((gp_object_t *)mc);
    return (gp_object_t *)mc;
}

static gp_object_t *methodcaller_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    methodcaller_t *mc = (methodcaller_t *)self;
    if (op_arity("methodcaller", nargs, kwnames, 1) < 0)
        return NULL;
    gp_object_t *method = gp_object_getattr(args[0], mc->name);
    if (!method)
        return NULL;
    gp_object_t *result =
        gp_object_call(method, GP_TUPLE_ITEMS(mc->args), mc->npositional, mc->kwnames);
    GP_DECREF(method);
    return result;
}

static gp_object_t *methodcaller_repr(gp_object_t *self)
{
    methodcaller_t *mc = (methodcaller_t *)self;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_append_cstr(&b, GP_TYPE(self)->name);
    gp_strbuf_append_char(&b, '(');
    gp_object_t *r = gp_object_repr(mc->name);
    if (!r)
        goto fail;
    gp_strbuf_append_str(&b, r);
    GP_DECREF(r);
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(mc->args); i++) {
        gp_strbuf_append_cstr(&b, ", ");
        if ((size_t)i >= mc->npositional) {
            gp_strbuf_append_str(&b, GP_TUPLE_GET(mc->kwnames, i - (intptr_t)mc->npositional));
            gp_strbuf_append_char(&b, '=');
        }
        r = gp_object_repr(GP_TUPLE_GET(mc->args, i));
        if (!r)
            goto fail;
        gp_strbuf_append_str(&b, r);
        GP_DECREF(r);
    }
    gp_strbuf_append_char(&b, ')');
    return gp_strbuf_finish(&b);
fail:
    gp_strbuf_discard(&b);
    return NULL;
}

static void methodcaller_dealloc(gp_object_t *self)
{
    methodcaller_t *mc = (methodcaller_t *)self;
    gp_gc_untrack(self);
    GP_XDECREF(mc->name);
    GP_XDECREF(mc->args);
    GP_XDECREF(mc->kwnames);
    gp_object_free(self);
}

static int methodcaller_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    methodcaller_t *mc = (methodcaller_t *)self;
    return mc->args ? visit(mc->args, arg) : 0;
}

static int methodcaller_clear(gp_object_t *self)
{
    GP_CLEAR(((methodcaller_t *)self)->args);
    return 0;
}

static gp_type_t methodcaller_type = {
    GP_TYPE_HEAD_INIT,
    .name = "operator.methodcaller",
    .basicsize = sizeof(methodcaller_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = methodcaller_dealloc,
    .new_ = methodcaller_new,
    .repr = methodcaller_repr,
    .call = methodcaller_call,
    .traverse = methodcaller_traverse,
    .clear = methodcaller_clear,
    .doc = "Return a callable object that calls the given method on its operand.",
};

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

#define OP_DEF(fname, doc) {#fname, op_##fname, 0, doc}
#define OP_DEFK(fname, doc) {#fname, op_##fname, GP_METH_KEYWORDS, doc}

static const gp_method_def_t operator_functions[] = {
    OP_DEF(abs, "Same as abs(a)."),
    OP_DEF(add, "Same as a + b."),
    OP_DEF(and_, "Same as a & b."),
    OP_DEFK(call, "Same as obj(*args, **kwargs)."),
    OP_DEF(concat, "Same as a + b, for a and b sequences."),
    OP_DEF(contains, "Same as b in a (note reversed operands)."),
    OP_DEF(countOf, "Return the number of items in a which are, or which equal, b."),
    OP_DEF(delitem, "Same as del a[b]."),
    OP_DEF(eq, "Same as a == b."),
    OP_DEF(floordiv, "Same as a // b."),
    OP_DEF(ge, "Same as a >= b."),
    OP_DEF(getitem, "Same as a[b]."),
    OP_DEF(gt, "Same as a > b."),
    OP_DEF(iadd, "Same as a += b."),
    OP_DEF(iand, "Same as a &= b."),
    OP_DEF(iconcat, "Same as a += b, for a and b sequences."),
    OP_DEF(ifloordiv, "Same as a //= b."),
    OP_DEF(ilshift, "Same as a <<= b."),
    OP_DEF(imatmul, "Same as a @= b."),
    OP_DEF(imod, "Same as a %= b."),
    OP_DEF(imul, "Same as a *= b."),
    OP_DEF(index, "Same as a.__index__()"),
    OP_DEF(indexOf, "Return the first index of b in a."),
    OP_DEF(inv, "Same as ~a."),
    OP_DEF(invert, "Same as ~a."),
    OP_DEF(ior, "Same as a |= b."),
    OP_DEF(ipow, "Same as a **= b."),
    OP_DEF(irshift, "Same as a >>= b."),
    OP_DEF(is_, "Same as a is b."),
    OP_DEF(is_not, "Same as a is not b."),
    OP_DEF(isub, "Same as a -= b."),
    OP_DEF(itruediv, "Same as a /= b."),
    OP_DEF(ixor, "Same as a ^= b."),
    OP_DEF(le, "Same as a <= b."),
    OP_DEF(length_hint, "Return an estimate of the number of items in obj."),
    OP_DEF(lshift, "Same as a << b."),
    OP_DEF(lt, "Same as a < b."),
    OP_DEF(matmul, "Same as a @ b."),
    OP_DEF(mod, "Same as a % b."),
    OP_DEF(mul, "Same as a * b."),
    OP_DEF(ne, "Same as a != b."),
    OP_DEF(neg, "Same as -a."),
    OP_DEF(not_, "Same as not a."),
    OP_DEF(or_, "Same as a | b."),
    OP_DEF(pos, "Same as +a."),
    OP_DEF(pow, "Same as a ** b."),
    OP_DEF(rshift, "Same as a >> b."),
    OP_DEF(setitem, "Same as a[b] = c."),
    OP_DEF(sub, "Same as a - b."),
    OP_DEF(truediv, "Same as a / b."),
    OP_DEF(truth, "Return True if a is true, False otherwise."),
    OP_DEF(xor, "Same as a ^ b."),
    {NULL, NULL, 0, NULL},
};

/* CPython's dunder aliases: __add__ is add, __not__ is not_, __and__ is and_. */
static const char *const operator_dunders[] = {
    "abs", "add", "and_", "call", "concat", "contains", "delitem", "eq", "floordiv", "ge",
    "getitem", "gt", "iadd", "iand", "iconcat", "ifloordiv", "ilshift", "imatmul", "imod",
    "imul", "index", "inv", "invert", "ior", "ipow", "irshift", "isub", "itruediv", "ixor",
    "le", "lshift", "lt", "matmul", "mod", "mul", "ne", "neg", "not_", "or_", "pos", "pow",
    "rshift", "setitem", "sub", "truediv", "xor", NULL,
};

static int operator_add_dunders(gp_object_t *m)
{
    gp_object_t *dict = gp_module_dict(m);
    for (size_t i = 0; operator_dunders[i]; i++) {
        const char *name = operator_dunders[i];
        size_t len = strlen(name);
        if (name[len - 1] == '_')
            len--;
        char dunder[32];
        snprintf(dunder, sizeof dunder, "__%.*s__", (int)len, name);
        gp_object_t *fn = gp_dict_getitem_cstr(dict, name);
        if (!fn || gp_dict_setitem_cstr(dict, dunder, fn) < 0)
            return -1;
    }
    return 0;
}

/* __all__: every public name, sorted as CPython's operator.py lists them. */
static int operator_add_all(gp_object_t *m)
{
    gp_object_t *dict = gp_module_dict(m);
    gp_object_t *all = gp_list_new(0);
    if (!all)
        return -1;
    intptr_t pos = 0;
    gp_object_t *key, *value;
    while (gp_dict_next(dict, &pos, &key, &value)) {
        if (gp_str_check(key) && gp_str_utf8(key)[0] != '_' && gp_list_append(all, key) < 0)
            goto fail;
    }
    if (gp_list_sort(all, NULL, false) < 0 || gp_dict_setitem_cstr(dict, "__all__", all) < 0)
        goto fail;
    GP_DECREF(all);
    return 0;
fail:
    GP_DECREF(all);
    return -1;
}

gp_object_t *gp_operator_module_create(void)
{
    gp_object_t *m = gp_module_new("operator");
    if (!m)
        return NULL;
    gp_type_t *types[] = {&itemgetter_type, &attrgetter_type, &methodcaller_type};
    if (gp_module_add_functions(m, operator_functions) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (gp_type_ready(types[i]) < 0 ||
            gp_module_add_object(m, gp_type_name(types[i]), (gp_object_t *)types[i]) < 0)
            goto fail;
    }
    if (operator_add_all(m) < 0 || operator_add_dunders(m) < 0)
        goto fail;
    return m;
fail:
    GP_DECREF(m);
    return NULL;
}
