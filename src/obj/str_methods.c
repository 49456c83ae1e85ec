/*
 * str_methods.c - the methods of str: searching, splitting, stripping,
 * case mapping, predicates, padding, translation and the codec entry point.
 *
 * Design notes
 * ------------
 * Every method works on the UTF-8 bytes directly whenever that is correct,
 * which is most of the time: UTF-8 is self-synchronising, so a byte-level
 * memmem() finds exactly the code-point matches, and splitting on a str
 * separator never cuts a character. Indices given or returned in code
 * points are converted at the edges (gp_str_at, gp_str_index_of_offset),
 * which is free for ASCII strings.
 *
 * Results that equal the receiver (a strip that strips nothing, a replace
 * that finds nothing) return the receiver itself when it is an exact str,
 * as CPython does; a str subclass instance gets an exact copy.
 *
 * Case mapping and the predicates use the generated character database in
 * str_unicode.c, so they follow Unicode 14 as CPython 3.11 does, including
 * the multi-character mappings ('ß'.upper() == 'SS') and the final-sigma
 * rule of lower().
 */
#include <stdio.h>

#include "obj/str.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* Argument helpers                                                     */
/* ------------------------------------------------------------------ */

/* Checks a positional-only arity with CPython's Argument Clinic wording. */
static int check_arity(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        gp_err_format(&gp_exc_TypeError, "%s expected at least %zu argument%s, got %zu", name, min,
                      min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        if (max == 0)
            gp_err_format(&gp_exc_TypeError, "str.%s() takes no arguments (%zu given)", name,
                          nargs);
        else if (min == max)
            gp_err_format(&gp_exc_TypeError, "%s expected %zu argument%s, got %zu", name, max,
                          max == 1 ? "" : "s", nargs);
        else
            gp_err_format(&gp_exc_TypeError, "%s expected at most %zu argument%s, got %zu", name,
                          max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* The older wording used by find/count/startswith and friends. */
static int check_arity_old(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        gp_err_format(&gp_exc_TypeError, "%s() takes at least %zu argument (%zu given)", name, min,
                      nargs);
        return -1;
    }
    if (nargs > max) {
        gp_err_format(&gp_exc_TypeError, "%s() takes at most %zu arguments (%zu given)", name, max,
                      nargs);
        return -1;
    }
    return 0;
}

/* An optional slice bound: None/absent keeps *out. */
static int slice_bound(gp_object_t *o, intptr_t *out)
{
    if (!o || o == gp_None)
        return 0;
    if (GP_IS_SMALL(o)) {
        *out = GP_SMALL_VALUE(o);
        return 0;
    }
    if (!gp_int_check(o) && !GP_TYPE(o)->to_index) {
        gp_err_set_string(&gp_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    /* Out-of-range bounds saturate, as CPython's _PyEval_SliceIndex does. */
    gp_object_t *n = gp_int_check(o) ? GP_INCREF(o) : gp_number_index(o);
    if (!n)
        return -1;
    int overflow;
    int64_t v = gp_int_as_i64_overflow(n, &overflow);
    GP_DECREF(n);
    *out = overflow > 0 ? INTPTR_MAX : overflow < 0 ? -INTPTR_MAX : (intptr_t)v;
    return 0;
}

/* Resolves [start, end) against [len] as CPython's ADJUST_INDICES. */
static void adjust_indices(intptr_t *start, intptr_t *end, intptr_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0 && (*end += len) < 0)
        *end = 0;
    if (*start < 0 && (*start += len) < 0)
        *start = 0;
}

/* An integer argument (width, count...). */
static int int_arg(gp_object_t *o, intptr_t *out)
{
    if (GP_IS_SMALL(o)) {
        *out = GP_SMALL_VALUE(o);
        return 0;
    }
    intptr_t v = gp_number_as_ssize(o, &gp_exc_OverflowError);
    if (v == -1 && gp_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* The receiver as an exact str (itself, or a copy for a subclass). */
static gp_object_t *str_self(gp_object_t *s)
{
    if (gp_str_check_exact(s))
        return GP_INCREF(s);
    return gp_str_new_trusted(GP_STR_DATA(s), (size_t)GP_STR_BYTES(s), GP_STR_LEN(s),
                              GP_STR_ASCII(s));
}

/* A substring of [s] by byte range; ascii-ness is inherited when known. */
static gp_object_t *str_sub(gp_object_t *s, const char *a, const char *z)
{
    if (a == GP_STR_DATA(s) && z == a + GP_STR_BYTES(s))
        return str_self(s);
    if (GP_STR_ASCII(s))
        return gp_str_new_trusted(a, (size_t)(z - a), z - a, true);
    return gp_str_new_trusted(a, (size_t)(z - a), -1, false);
}

/* A growable array of new references, turned into a list at the end. */
typedef struct parts {
    gp_object_t **items;
    size_t n, cap;
    gp_object_t *small[16];
} parts_t;

static void parts_init(parts_t *p)
{
    p->items = p->small;
    p->n = 0;
    p->cap = 16;
}

/* Adds [o] (stolen; NULL means an error already raised). */
static int parts_add(parts_t *p, gp_object_t *o)
{
    if (!o)
        return -1;
    if (p->n == p->cap) {
        size_t cap = p->cap * 2;
        gp_object_t **items;
        if (p->items == p->small) {
            items = gp_mem_alloc(cap * sizeof *items);
            if (items)
                memcpy(items, p->small, p->n * sizeof *items);
        } else {
            items = gp_mem_realloc(p->items, cap * sizeof *items);
        }
        if (!items) {
            GP_DECREF(o);
            gp_err_no_memory();
            return -1;
        }
        p->items = items;
        p->cap = cap;
    }
    p->items[p->n++] = o;
    return 0;
}

static void parts_free(parts_t *p)
{
    for (size_t i = 0; i < p->n; i++)
        GP_DECREF(p->items[i]);
    if (p->items != p->small)
        gp_mem_free(p->items);
}

/* The list of the parts, in order or reversed; frees [p]. */
static gp_object_t *parts_to_list(parts_t *p, bool reverse)
{
    gp_object_t *list = gp_list_new(p->n);
    if (!list) {
        parts_free(p);
        return NULL;
    }
    for (size_t i = 0; i < p->n; i++)
        GP_LIST_SET(list, reverse ? p->n - 1 - i : i, p->items[i]);
    if (p->items != p->small)
        gp_mem_free(p->items);
    return list;
}

/* Requires [o] to be a str, with CPython's "must be str, not int". */
static bool need_str(gp_object_t *o)
{
    if (gp_str_check(o))
        return true;
    gp_err_format(&gp_exc_TypeError, "must be str, not %T", o);
    return false;
}

/* ------------------------------------------------------------------ */
/* Searching                                                            */
/* ------------------------------------------------------------------ */

/* Byte search of [sub] in [hay, hay_end); NULL when absent. */
static const char *find_bytes(const char *hay, const char *hay_end, const char *sub, size_t n)
{
    if ((size_t)(hay_end - hay) < n)
        return NULL;
    if (n == 0)
        return hay;
    if (n == 1)
        return memchr(hay, sub[0], (size_t)(hay_end - hay));
    return memmem(hay, (size_t)(hay_end - hay), sub, n);
}

static const char *rfind_bytes(const char *hay, const char *hay_end, const char *sub, size_t n)
{
    if ((size_t)(hay_end - hay) < n)
        return NULL;
    if (n == 0)
        return hay_end;
    if (n == 1)
        return memrchr(hay, sub[0], (size_t)(hay_end - hay));
    for (const char *p = hay_end - n; p >= hay; p--) {
        p = memrchr(hay, sub[0], (size_t)(p - hay) + 1);
        if (!p)
            return NULL;
        if (memcmp(p, sub, n) == 0)
            return p;
    }
    return NULL;
}

/* Shared by find/rfind/index/rindex: the code-point index or -1. Returns
   -2 with an exception on argument errors. */
static intptr_t str_find_impl(gp_object_t *s, const char *name, gp_object_t *const *args,
                              size_t nargs, bool reverse)
{
    if (check_arity_old(name, nargs, 1, 3) < 0 || !need_str(args[0]))
        return -2;
    intptr_t len = GP_STR_LEN(s), start = 0, end = INTPTR_MAX;
    if (slice_bound(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        slice_bound(nargs > 2 ? args[2] : NULL, &end) < 0)
        return -2;
    adjust_indices(&start, &end, len);
    gp_object_t *sub = args[0];
    if (end - start < GP_STR_LEN(sub))
        return -1;
    const char *a = gp_str_at(s, start), *z = gp_str_at(s, end);
    const char *hit = (reverse ? rfind_bytes : find_bytes)(a, z, GP_STR_DATA(sub),
                                                            (size_t)GP_STR_BYTES(sub));
    if (!hit)
        return -1;
    return start + (GP_STR_ASCII(s) ? hit - a : gp_utf8_count(a, (size_t)(hit - a)));
}

static gp_object_t *str_find(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    intptr_t r = str_find_impl(self, "find", args, nargs, false);
    return r == -2 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *str_rfind(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    intptr_t r = str_find_impl(self, "rfind", args, nargs, true);
    return r == -2 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *str_index(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    intptr_t r = str_find_impl(self, "index", args, nargs, false);
    if (r == -1)
        gp_err_set_string(&gp_exc_ValueError, "substring not found");
    return r < 0 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *str_rindex(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    intptr_t r = str_find_impl(self, "rindex", args, nargs, true);
    if (r == -1)
        gp_err_set_string(&gp_exc_ValueError, "substring not found");
    return r < 0 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *str_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (check_arity_old("count", nargs, 1, 3) < 0 || !need_str(args[0]))
        return NULL;
    intptr_t len = GP_STR_LEN(self), start = 0, end = INTPTR_MAX;
    if (slice_bound(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        slice_bound(nargs > 2 ? args[2] : NULL, &end) < 0)
        return NULL;
    adjust_indices(&start, &end, len);
    if (start > len)
        return gp_int_from_i64(0);
    gp_object_t *sub = args[0];
    size_t n = (size_t)GP_STR_BYTES(sub);
    if (n == 0)
        return gp_int_from_i64(end >= start ? end - start + 1 : 0);
    if (end - start < GP_STR_LEN(sub))
        return gp_int_from_i64(0);
    const char *p = gp_str_at(self, start), *z = gp_str_at(self, end);
    intptr_t count = 0;
    while ((p = find_bytes(p, z, GP_STR_DATA(sub), n)) != NULL) {
        count++;
        p += n;
    }
    return gp_int_from_i64(count);
}

/* startswith/endswith: one prefix against [start, end). */
static int tail_match(gp_object_t *s, gp_object_t *sub, intptr_t start, intptr_t end, bool at_end)
{
    intptr_t len = GP_STR_LEN(s);
    adjust_indices(&start, &end, len);
    if (end - start < GP_STR_LEN(sub) || start > len)
        return 0;
    size_t n = (size_t)GP_STR_BYTES(sub);
    if (n == 0)
        return 1;
    const char *p = at_end ? gp_str_at(s, end - GP_STR_LEN(sub)) : gp_str_at(s, start);
    return memcmp(p, GP_STR_DATA(sub), n) == 0;
}

static gp_object_t *str_tailmatch(gp_object_t *self, const char *name, gp_object_t *const *args,
                                  size_t nargs, bool at_end)
{
    if (check_arity_old(name, nargs, 1, 3) < 0)
        return NULL;
    intptr_t start = 0, end = INTPTR_MAX;
    if (slice_bound(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        slice_bound(nargs > 2 ? args[2] : NULL, &end) < 0)
        return NULL;
    gp_object_t *x = args[0];
    if (gp_tuple_check(x)) {
        for (intptr_t i = 0; i < GP_TUPLE_SIZE(x); i++) {
            gp_object_t *sub = GP_TUPLE_GET(x, i);
            if (!gp_str_check(sub)) {
                gp_err_format(&gp_exc_TypeError,
                              "tuple for %s must only contain str, not %T", name, sub);
                return NULL;
            }
            if (tail_match(self, sub, start, end, at_end))
                return gp_bool_from(true);
        }
        return gp_bool_from(false);
    }
    if (!gp_str_check(x)) {
        gp_err_format(&gp_exc_TypeError, "%s first arg must be str or a tuple of str, not %T",
                      name, x);
        return NULL;
    }
    return gp_bool_from(tail_match(self, x, start, end, at_end));
}

static gp_object_t *str_startswith(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    return str_tailmatch(self, "startswith", args, nargs, false);
}

static gp_object_t *str_endswith(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return str_tailmatch(self, "endswith", args, nargs, true);
}

/* ------------------------------------------------------------------ */
/* Splitting and joining                                               */
/* ------------------------------------------------------------------ */

static const unsigned char ascii_space[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
    [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [' '] = 1,
};

/* Is the character at [p] whitespace? Stores its byte length in *n. */
static bool space_at(const char *p, int *n)
{
    unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *n = 1;
        return ascii_space[c];
    }
    return gp_unicode_isspace(gp_utf8_decode((const unsigned char *)p, n));
}

/* The character before [p] (not at the start) is whitespace? *n its length. */
static bool space_before(const char *start, const char *p, int *n)
{
    const char *q = p - 1;
    while (q > start && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    *n = (int)(p - q);
    int m;
    return space_at(q, &m);
}

static int split_args(const char *name, gp_object_t *const *args, size_t nargs,
                      gp_object_t *kwnames, gp_object_t **sep, intptr_t *maxsplit)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    gp_object_t *out[2] = {NULL, NULL};
    if (gp_args_parse(name, args, nargs, kwnames, names, 0, out) < 0)
        return -1;
    *sep = out[0] && out[0] != gp_None ? out[0] : NULL;
    *maxsplit = -1;
    if (*sep && !gp_str_check(*sep)) {
        gp_err_format(&gp_exc_TypeError, "must be str or None, not %T", *sep);
        return -1;
    }
    if (out[1] && int_arg(out[1], maxsplit) < 0)
        return -1;
    if (*maxsplit < 0)
        *maxsplit = INTPTR_MAX;
    if (*sep && GP_STR_BYTES(*sep) == 0) {
        gp_err_set_string(&gp_exc_ValueError, "empty separator");
        return -1;
    }
    return 0;
}

static gp_object_t *str_split(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_object_t *sep;
    intptr_t maxsplit;
    if (split_args("split", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    const char *p = GP_STR_DATA(self), *end = p + GP_STR_BYTES(self);
    parts_t parts;
    parts_init(&parts);
    if (sep) {
        const char *sd = GP_STR_DATA(sep);
        size_t sn = (size_t)GP_STR_BYTES(sep);
        const char *hit;
        while (maxsplit-- > 0 && (hit = find_bytes(p, end, sd, sn)) != NULL) {
            if (parts_add(&parts, str_sub(self, p, hit)) < 0)
                goto fail;
            p = hit + sn;
        }
        if (parts_add(&parts, str_sub(self, p, end)) < 0)
            goto fail;
        return parts_to_list(&parts, false);
    }
    int n;
    for (;;) {
        while (p < end && space_at(p, &n))
            p += n;
        if (p >= end)
            break;
        if (maxsplit-- <= 0) {
            /* The remainder, with trailing whitespace left in place. */
            if (parts_add(&parts, str_sub(self, p, end)) < 0)
                goto fail;
            break;
        }
        const char *word = p;
        while (p < end && !space_at(p, &n))
            p += n;
        if (parts_add(&parts, str_sub(self, word, p)) < 0)
            goto fail;
    }
    return parts_to_list(&parts, false);
fail:
    parts_free(&parts);
    return NULL;
}

static gp_object_t *str_rsplit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    gp_object_t *sep;
    intptr_t maxsplit;
    if (split_args("rsplit", args, nargs, kwnames, &sep, &maxsplit) < 0)
        return NULL;
    const char *start = GP_STR_DATA(self), *p = start + GP_STR_BYTES(self);
    parts_t parts;
    parts_init(&parts);
    if (sep) {
        const char *sd = GP_STR_DATA(sep);
        size_t sn = (size_t)GP_STR_BYTES(sep);
        const char *hit;
        while (maxsplit-- > 0 && (hit = rfind_bytes(start, p, sd, sn)) != NULL) {
            if (parts_add(&parts, str_sub(self, hit + sn, p)) < 0)
                goto fail;
            p = hit;
        }
        if (parts_add(&parts, str_sub(self, start, p)) < 0)
            goto fail;
        return parts_to_list(&parts, true);
    }
    int n;
    for (;;) {
        while (p > start && space_before(start, p, &n))
            p -= n;
        if (p <= start)
            break;
        if (maxsplit-- <= 0) {
            if (parts_add(&parts, str_sub(self, start, p)) < 0)
                goto fail;
            break;
        }
        const char *word_end = p;
        while (p > start && !space_before(start, p, &n))
            p -= n;
        if (parts_add(&parts, str_sub(self, p, word_end)) < 0)
            goto fail;
    }
    return parts_to_list(&parts, true);
fail:
    parts_free(&parts);
    return NULL;
}

static gp_object_t *str_splitlines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    gp_object_t *out[1] = {NULL};
    if (gp_args_parse("splitlines", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    int keepends = 0;
    if (out[0]) {
        if (gp_float_check(out[0])) {
            gp_err_set_string(&gp_exc_TypeError, "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        if (!gp_int_check(out[0]) && !GP_TYPE(out[0])->to_index) {
            gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          out[0]);
            return NULL;
        }
        keepends = gp_object_is_true(out[0]);
        if (keepends < 0)
            return NULL;
    }
    const char *p = GP_STR_DATA(self), *end = p + GP_STR_BYTES(self);
    parts_t parts;
    parts_init(&parts);
    while (p < end) {
        const char *line = p;
        const char *eol = NULL, *next = NULL;
        while (p < end) {
            unsigned char c = (unsigned char)*p;
            int n = 1;
            bool brk;
            if (c < 0x80) {
                brk = c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E);
            } else {
                brk = gp_unicode_is_linebreak(gp_utf8_decode((const unsigned char *)p, &n));
            }
            if (brk) {
                eol = p;
                next = p + n;
                if (c == '\r' && next < end && *next == '\n')
                    next++;
                break;
            }
            p += n;
        }
        if (!eol) {
            eol = next = end;
        }
        if (parts_add(&parts, str_sub(self, line, keepends ? next : eol)) < 0) {
            parts_free(&parts);
            return NULL;
        }
        p = next;
    }
    return parts_to_list(&parts, false);
}

static gp_object_t *str_partition_impl(gp_object_t *self, gp_object_t *sep, bool reverse)
{
    if (!need_str(sep))
        return NULL;
    if (GP_STR_BYTES(sep) == 0) {
        gp_err_set_string(&gp_exc_ValueError, "empty separator");
        return NULL;
    }
    const char *p = GP_STR_DATA(self), *end = p + GP_STR_BYTES(self);
    size_t n = (size_t)GP_STR_BYTES(sep);
    const char *hit = (reverse ? rfind_bytes : find_bytes)(p, end, GP_STR_DATA(sep), n);
    gp_object_t *t = gp_tuple_new(3);
    if (!t)
        return NULL;
    if (!hit) {
        GP_TUPLE_SET(t, reverse ? 2 : 0, str_self(self));
        GP_TUPLE_SET(t, 1, gp_str_empty());
        GP_TUPLE_SET(t, reverse ? 0 : 2, gp_str_empty());
    } else {
        GP_TUPLE_SET(t, 0, str_sub(self, p, hit));
        GP_TUPLE_SET(t, 1, str_self(sep));
        GP_TUPLE_SET(t, 2, str_sub(self, hit + n, end));
    }
    for (int i = 0; i < 3; i++) {
        if (!GP_TUPLE_GET(t, i)) {
            GP_DECREF(t);
            return NULL;
        }
    }
    return t;
}

static gp_object_t *str_partition(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (check_arity("partition", nargs, 1, 1) < 0)
        return NULL;
    return str_partition_impl(self, args[0], false);
}

static gp_object_t *str_rpartition(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (check_arity("rpartition", nargs, 1, 1) < 0)
        return NULL;
    return str_partition_impl(self, args[0], true);
}

static gp_object_t *str_join_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (check_arity("join", nargs, 1, 1) < 0)
        return NULL;
    gp_type_t *t = GP_TYPE(args[0]);
    if (!t->iter && !t->getitem) {
        gp_err_set_string(&gp_exc_TypeError, "can only join an iterable");
        return NULL;
    }
    return gp_str_join(self, args[0]);
}

/* ------------------------------------------------------------------ */
/* Stripping and replacing                                              */
/* ------------------------------------------------------------------ */

/* Is the code point at [p] one of [chars] (a str)? */
static bool in_chars(gp_object_t *chars, const char *p, int n)
{
    if (n == 1 && GP_STR_ASCII(chars))
        return memchr(GP_STR_DATA(chars), *p, (size_t)GP_STR_BYTES(chars)) != NULL;
    return find_bytes(GP_STR_DATA(chars), GP_STR_DATA(chars) + GP_STR_BYTES(chars), p,
                      (size_t)n) != NULL;
}

static gp_object_t *str_strip_impl(gp_object_t *self, const char *name, gp_object_t *const *args,
                                   size_t nargs, bool left, bool right)
{
    if (check_arity(name, nargs, 0, 1) < 0)
        return NULL;
    gp_object_t *chars = nargs && args[0] != gp_None ? args[0] : NULL;
    if (chars && !gp_str_check(chars)) {
        gp_err_format(&gp_exc_TypeError, "%s arg must be None or str", name);
        return NULL;
    }
    const char *start = GP_STR_DATA(self), *a = start, *z = start + GP_STR_BYTES(self);
    int n;
    if (left) {
        while (a < z) {
            n = gp_utf8_lead_len((unsigned char)*a);
            if (chars ? !in_chars(chars, a, n) : !space_at(a, &n))
                break;
            a += n;
        }
    }
    if (right) {
        while (z > a) {
            const char *q = z - 1;
            while (q > a && ((unsigned char)*q & 0xC0) == 0x80)
                q--;
            n = (int)(z - q);
            int m;
            if (chars ? !in_chars(chars, q, n) : !space_at(q, &m))
                break;
            z = q;
        }
    }
    return str_sub(self, a, z);
}

static gp_object_t *str_strip(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return str_strip_impl(self, "strip", args, nargs, true, true);
}

static gp_object_t *str_lstrip(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return str_strip_impl(self, "lstrip", args, nargs, true, false);
}

static gp_object_t *str_rstrip(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return str_strip_impl(self, "rstrip", args, nargs, false, true);
}

static gp_object_t *str_removeaffix(gp_object_t *self, const char *name, gp_object_t *const *args,
                                    size_t nargs, bool suffix)
{
    if (check_arity(name, nargs, 1, 1) < 0)
        return NULL;
    gp_object_t *x = args[0];
    if (!gp_str_check(x)) {
        gp_err_format(&gp_exc_TypeError, "%s() argument must be str, not %T", name, x);
        return NULL;
    }
    const char *s = GP_STR_DATA(self);
    size_t len = (size_t)GP_STR_BYTES(self), n = (size_t)GP_STR_BYTES(x);
    if (n && n <= len) {
        if (!suffix && memcmp(s, GP_STR_DATA(x), n) == 0)
            return str_sub(self, s + n, s + len);
        if (suffix && memcmp(s + len - n, GP_STR_DATA(x), n) == 0)
            return str_sub(self, s, s + len - n);
    }
    return str_self(self);
}

static gp_object_t *str_removeprefix(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    return str_removeaffix(self, "removeprefix", args, nargs, false);
}

static gp_object_t *str_removesuffix(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    return str_removeaffix(self, "removesuffix", args, nargs, true);
}

static gp_object_t *str_replace(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (check_arity("replace", nargs, 2, 3) < 0)
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (!gp_str_check(args[i])) {
            gp_err_format(&gp_exc_TypeError, "replace() argument %d must be str, not %T", i + 1,
                          args[i]);
            return NULL;
        }
    }
    intptr_t count = -1;
    if (nargs > 2 && int_arg(args[2], &count) < 0)
        return NULL;
    if (count < 0)
        count = INTPTR_MAX;
    gp_object_t *old = args[0], *new_ = args[1];
    const char *s = GP_STR_DATA(self), *end = s + GP_STR_BYTES(self);
    size_t on = (size_t)GP_STR_BYTES(old), nn = (size_t)GP_STR_BYTES(new_);
    if (count == 0)
        return str_self(self);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    const char *p = s;
    intptr_t done = 0;
    if (on == 0) {
        /* Insert [new] before every character, and at the end. */
        while (done < count) {
            gp_strbuf_append(&b, GP_STR_DATA(new_), nn);
            done++;
            if (p >= end)
                break;
            int n = gp_utf8_lead_len((unsigned char)*p);
            gp_strbuf_append(&b, p, (size_t)n);
            p += n;
        }
        gp_strbuf_append(&b, p, (size_t)(end - p));
        return gp_strbuf_finish(&b);
    }
    const char *hit = find_bytes(p, end, GP_STR_DATA(old), on);
    if (!hit)
        return str_self(self);
    do {
        gp_strbuf_append(&b, p, (size_t)(hit - p));
        gp_strbuf_append(&b, GP_STR_DATA(new_), nn);
        p = hit + on;
        done++;
    } while (done < count && (hit = find_bytes(p, end, GP_STR_DATA(old), on)) != NULL);
    gp_strbuf_append(&b, p, (size_t)(end - p));
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return NULL;
    }
    /* The result's length is known: no need to rescan the bytes. */
    bool ascii = GP_STR_ASCII(self) && GP_STR_ASCII(new_);
    intptr_t length = GP_STR_LEN(self) + done * (GP_STR_LEN(new_) - GP_STR_LEN(old));
    gp_object_t *r = gp_str_new_trusted(b.data ? b.data : "", b.len, length, ascii);
    gp_strbuf_discard(&b);
    return r;
}

/* ------------------------------------------------------------------ */
/* Case mapping                                                         */
/* ------------------------------------------------------------------ */

/* Decodes [s] into a fresh array of code points (*n of them). */
static uint32_t *str_decode_all(gp_object_t *s, intptr_t *n)
{
    intptr_t len = GP_STR_LEN(s);
    uint32_t *cps = gp_mem_alloc((size_t)(len ? len : 1) * sizeof *cps);
    if (!cps) {
        gp_err_no_memory();
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(s);
    for (intptr_t i = 0; i < len; i++) {
        int k;
        cps[i] = gp_utf8_decode(p, &k);
        p += k;
    }
    *n = len;
    return cps;
}

/* Unicode's Final_Sigma condition for the capital sigma at [i]. */
static bool final_sigma(const uint32_t *cps, intptr_t n, intptr_t i)
{
    intptr_t j = i - 1;
    while (j >= 0 && gp_unicode_iscase_ignorable(cps[j]))
        j--;
    if (j < 0 || !gp_unicode_iscased(cps[j]))
        return false;
    j = i + 1;
    while (j < n && gp_unicode_iscase_ignorable(cps[j]))
        j++;
    return j == n || !gp_unicode_iscased(cps[j]);
}

/* Appends the lower-case mapping of cps[i], honouring final sigma. */
static void append_lower(gp_strbuf_t *b, const uint32_t *cps, intptr_t n, intptr_t i)
{
    if (cps[i] == 0x3A3) {
        gp_strbuf_append_codepoint(b, final_sigma(cps, n, i) ? 0x3C2 : 0x3C3);
        return;
    }
    uint32_t out[3];
    int k = gp_unicode_full_case(cps[i], 'l', out);
    for (int j = 0; j < k; j++)
        gp_strbuf_append_codepoint(b, out[j]);
}

static void append_mapped(gp_strbuf_t *b, uint32_t cp, char kind)
{
    uint32_t out[3];
    int k = gp_unicode_full_case(cp, kind, out);
    for (int j = 0; j < k; j++)
        gp_strbuf_append_codepoint(b, out[j]);
}

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE, CASE_FOLD };

/* The ASCII-only versions work in place on a copy. */
static gp_object_t *case_ascii(gp_object_t *self, int mode)
{
    size_t n = (size_t)GP_STR_BYTES(self);
    if (n == 0)
        return gp_str_empty();
    gp_str_t *r = gp_str_alloc(n, (intptr_t)n, true);
    if (!r)
        return NULL;
    const char *s = GP_STR_DATA(self);
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        switch (mode) {
        case CASE_LOWER:
        case CASE_FOLD:
            if (up)
                c = (char)(c + 32);
            break;
        case CASE_UPPER:
            if (low)
                c = (char)(c - 32);
            break;
        case CASE_SWAP:
            if (up)
                c = (char)(c + 32);
            else if (low)
                c = (char)(c - 32);
            break;
        case CASE_TITLE:
            if (prev_cased && up)
                c = (char)(c + 32);
            else if (!prev_cased && low)
                c = (char)(c - 32);
            prev_cased = up || low;
            break;
        case CASE_CAPITALIZE:
            if (i == 0 && low)
                c = (char)(c - 32);
            else if (i > 0 && up)
                c = (char)(c + 32);
            break;
        }
        r->data[i] = c;
    }
    gp_object_t *shared = n == 1 ? gp_str_new_trusted(r->data, 1, 1, true) : NULL;
    if (shared) {
        GP_DECREF((gp_object_t *)r);
        return shared;
    }
    return (gp_object_t *)r;
}

static gp_object_t *case_convert(gp_object_t *self, int mode)
{
    if (GP_STR_ASCII(self))
        return case_ascii(self, mode);
    intptr_t n;
    uint32_t *cps = str_decode_all(self, &n);
    if (!cps)
        return NULL;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    bool prev_cased = false;
    for (intptr_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        switch (mode) {
        case CASE_LOWER:
            append_lower(&b, cps, n, i);
            break;
        case CASE_FOLD:
            append_mapped(&b, c, 'f');
            break;
        case CASE_UPPER:
            append_mapped(&b, c, 'u');
            break;
        case CASE_SWAP:
            if (gp_unicode_isupper(c))
                append_lower(&b, cps, n, i);
            else if (gp_unicode_islower(c))
                append_mapped(&b, c, 'u');
            else
                gp_strbuf_append_codepoint(&b, c);
            break;
        case CASE_TITLE:
            if (prev_cased)
                append_lower(&b, cps, n, i);
            else
                append_mapped(&b, c, 't');
            prev_cased = gp_unicode_iscased(c);
            break;
        case CASE_CAPITALIZE:
            if (i == 0)
                append_mapped(&b, c, 't');
            else
                append_lower(&b, cps, n, i);
            break;
        }
    }
    gp_mem_free(cps);
    return gp_strbuf_finish(&b);
}

#define CASE_METHOD(fn, name, mode)                                                                \
    static gp_object_t *fn(gp_object_t *self, gp_object_t *const *args, size_t nargs,             \
                           gp_object_t *kwnames)                                                   \
    {                                                                                              \
        if (check_arity(name, nargs, 0, 0) < 0)                                                    \
            return NULL;                                                                           \
        return case_convert(self, mode);                                                           \
    }

CASE_METHOD(str_lower, "lower", CASE_LOWER)
CASE_METHOD(str_upper, "upper", CASE_UPPER)
CASE_METHOD(str_swapcase, "swapcase", CASE_SWAP)
CASE_METHOD(str_title, "title", CASE_TITLE)
CASE_METHOD(str_capitalize, "capitalize", CASE_CAPITALIZE)
CASE_METHOD(str_casefold, "casefold", CASE_FOLD)

/* ------------------------------------------------------------------ */
/* Predicates                                                           */
/* ------------------------------------------------------------------ */

/* True when the string is non-empty and [pred] holds for every character. */
static gp_object_t *all_chars(gp_object_t *self, bool (*pred)(uint32_t))
{
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(self);
    const unsigned char *end = p + GP_STR_BYTES(self);
    if (p == end)
        return gp_bool_from(false);
    while (p < end) {
        int n;
        if (!pred(gp_utf8_decode(p, &n)))
            return gp_bool_from(false);
        p += n;
    }
    return gp_bool_from(true);
}

static bool is_alnum(uint32_t c)
{
    return gp_unicode_isalpha(c) || gp_unicode_isdecimal(c) || gp_unicode_isdigit(c) ||
           gp_unicode_isnumeric(c);
}

#define PRED_METHOD(fn, name, pred)                                                                \
    static gp_object_t *fn(gp_object_t *self, gp_object_t *const *args, size_t nargs,             \
                           gp_object_t *kwnames)                                                   \
    {                                                                                              \
        if (check_arity(name, nargs, 0, 0) < 0)                                                    \
            return NULL;                                                                           \
        return all_chars(self, pred);                                                              \
    }

PRED_METHOD(str_isdigit, "isdigit", gp_unicode_isdigit)
PRED_METHOD(str_isalpha, "isalpha", gp_unicode_isalpha)
PRED_METHOD(str_isalnum, "isalnum", is_alnum)
PRED_METHOD(str_isspace, "isspace", gp_unicode_isspace)
PRED_METHOD(str_isnumeric, "isnumeric", gp_unicode_isnumeric)
PRED_METHOD(str_isdecimal, "isdecimal", gp_unicode_isdecimal)

static gp_object_t *str_isprintable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (check_arity("isprintable", nargs, 0, 0) < 0)
        return NULL;
    if (GP_STR_BYTES(self) == 0)
        return gp_bool_from(true);
    return all_chars(self, gp_unicode_isprintable);
}

static gp_object_t *str_isascii(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (check_arity("isascii", nargs, 0, 0) < 0)
        return NULL;
    return gp_bool_from(GP_STR_ASCII(self));
}

/* isupper/islower: some cased character, and none of the other case. */
static gp_object_t *str_case_pred(gp_object_t *self, const char *name, size_t nargs, bool upper)
{
    if (check_arity(name, nargs, 0, 0) < 0)
        return NULL;
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(self);
    const unsigned char *end = p + GP_STR_BYTES(self);
    bool cased = false;
    while (p < end) {
        int n;
        uint32_t c = gp_utf8_decode(p, &n);
        p += n;
        bool is_up = gp_unicode_isupper(c), is_low = gp_unicode_islower(c);
        if ((upper ? is_low : is_up) || gp_unicode_istitle(c))
            return gp_bool_from(false);
        if (upper ? is_up : is_low)
            cased = true;
    }
    return gp_bool_from(cased);
}

static gp_object_t *str_isupper(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return str_case_pred(self, "isupper", nargs, true);
}

static gp_object_t *str_islower(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return str_case_pred(self, "islower", nargs, false);
}

static gp_object_t *str_istitle(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (check_arity("istitle", nargs, 0, 0) < 0)
        return NULL;
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(self);
    const unsigned char *end = p + GP_STR_BYTES(self);
    bool cased = false, prev_cased = false;
    while (p < end) {
        int n;
        uint32_t c = gp_utf8_decode(p, &n);
        p += n;
        if (gp_unicode_isupper(c) || gp_unicode_istitle(c)) {
            if (prev_cased)
                return gp_bool_from(false);
            prev_cased = cased = true;
        } else if (gp_unicode_islower(c)) {
            if (!prev_cased)
                return gp_bool_from(false);
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return gp_bool_from(cased);
}

static gp_object_t *str_isidentifier(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (check_arity("isidentifier", nargs, 0, 0) < 0)
        return NULL;
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(self);
    const unsigned char *end = p + GP_STR_BYTES(self);
    if (p == end)
        return gp_bool_from(false);
    int n;
    if (!gp_unicode_isxid_start(gp_utf8_decode(p, &n)))
        return gp_bool_from(false);
    for (p += n; p < end; p += n)
        if (!gp_unicode_isxid_continue(gp_utf8_decode(p, &n)))
            return gp_bool_from(false);
    return gp_bool_from(true);
}

/* ------------------------------------------------------------------ */
/* Padding                                                              */
/* ------------------------------------------------------------------ */

/* The fill character argument of center/ljust/rjust. */
static int fill_arg(gp_object_t *const *args, size_t nargs, uint32_t *fill)
{
    *fill = ' ';
    if (nargs < 2)
        return 0;
    gp_object_t *f = args[1];
    if (!gp_str_check(f)) {
        gp_err_format(&gp_exc_TypeError, "The fill character must be a unicode character, not %T",
                      f);
        return -1;
    }
    if (GP_STR_LEN(f) != 1) {
        gp_err_set_string(&gp_exc_TypeError, "The fill character must be exactly one character long");
        return -1;
    }
    *fill = gp_str_char_at(f, 0);
    return 0;
}

static gp_object_t *pad(gp_object_t *self, intptr_t left, intptr_t right, uint32_t fill)
{
    if (left <= 0 && right <= 0)
        return str_self(self);
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    char f[4];
    int fl = gp_utf8_encode(f, fill);
    size_t n = (size_t)GP_STR_BYTES(self);
    size_t total = n + (size_t)(left + right) * (size_t)fl;
    gp_str_t *r = gp_str_alloc(total, GP_STR_LEN(self) + left + right, GP_STR_ASCII(self) && fill < 128);
    if (!r)
        return NULL;
    char *o = r->data;
    for (intptr_t i = 0; i < left; i++, o += fl)
        memcpy(o, f, (size_t)fl);
    memcpy(o, GP_STR_DATA(self), n);
    o += n;
    for (intptr_t i = 0; i < right; i++, o += fl)
        memcpy(o, f, (size_t)fl);
    return (gp_object_t *)r;
}

static gp_object_t *str_just(gp_object_t *self, const char *name, gp_object_t *const *args,
                             size_t nargs, char how)
{
    if (check_arity(name, nargs, 1, 2) < 0)
        return NULL;
    intptr_t width;
    uint32_t fill;
    if (int_arg(args[0], &width) < 0 || fill_arg(args, nargs, &fill) < 0)
        return NULL;
    intptr_t len = GP_STR_LEN(self);
    if (width <= len)
        return str_self(self);
    intptr_t marg = width - len;
    if (how == '<')
        return pad(self, 0, marg, fill);
    if (how == '>')
        return pad(self, marg, 0, fill);
    intptr_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static gp_object_t *str_center(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return str_just(self, "center", args, nargs, '^');
}

static gp_object_t *str_ljust(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return str_just(self, "ljust", args, nargs, '<');
}

static gp_object_t *str_rjust(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return str_just(self, "rjust", args, nargs, '>');
}

static gp_object_t *str_zfill(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (check_arity("zfill", nargs, 1, 1) < 0)
        return NULL;
    intptr_t width;
    if (int_arg(args[0], &width) < 0)
        return NULL;
    intptr_t len = GP_STR_LEN(self);
    if (width <= len)
        return str_self(self);
    gp_object_t *r = pad(self, width - len, 0, '0');
    if (!r)
        return NULL;
    /* A sign moves in front of the zeros. */
    char *d = GP_STR_DATA(r);
    intptr_t fill = width - len;
    if (d[fill] == '+' || d[fill] == '-') {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return r;
}

static gp_object_t *str_expandtabs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    gp_object_t *out[1] = {NULL};
    if (gp_args_parse("expandtabs", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    intptr_t tabsize = 8;
    if (out[0] && int_arg(out[0], &tabsize) < 0)
        return NULL;
    /* CPython reads the tab size as a C int; a larger one cannot fit. */
    if (tabsize > INT32_MAX || tabsize < INT32_MIN) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    const char *p = GP_STR_DATA(self), *end = p + GP_STR_BYTES(self);
    if (!memchr(p, '\t', (size_t)(end - p)))
        return str_self(self);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    intptr_t col = 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '\t') {
            if (tabsize > 0) {
                intptr_t spaces = tabsize - col % tabsize;
                for (intptr_t i = 0; i < spaces; i++)
                    gp_strbuf_append_char(&b, ' ');
                col += spaces;
            }
            p++;
        } else {
            int n = gp_utf8_lead_len(c);
            gp_strbuf_append(&b, p, (size_t)n);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
            p += n;
        }
    }
    return gp_strbuf_finish(&b);
}

/* ------------------------------------------------------------------ */
/* Formatting, encoding, translation                                   */
/* ------------------------------------------------------------------ */

static gp_object_t *str_format(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return gp_str_format_method(self, args, nargs, kwnames);
}

static gp_object_t *str_format_map(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (check_arity("format_map", nargs, 1, 1) < 0)
        return NULL;
    return gp_str_format_map(self, args[0]);
}

static gp_object_t *str_dunder_format(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (check_arity("__format__", nargs, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "__format__() argument must be str, not %T", args[0]);
        return NULL;
    }
    return gp_str_format_spec(self, GP_STR_DATA(args[0]), (size_t)GP_STR_BYTES(args[0]));
}

static gp_object_t *str_encode(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    gp_object_t *out[2] = {NULL, NULL};
    if (gp_args_parse("encode", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    static const char *const argnames[] = {"encoding", "errors"};
    for (int i = 0; i < 2; i++) {
        if (out[i] && !gp_str_check(out[i])) {
            gp_err_format(&gp_exc_TypeError, "encode() argument '%s' must be str, not %T",
                          argnames[i], out[i]);
            return NULL;
        }
    }
    return gp_str_encode(self, out[0] ? GP_STR_DATA(out[0]) : NULL,
                         out[1] ? GP_STR_DATA(out[1]) : NULL);
}

static gp_object_t *str_maketrans(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (check_arity("maketrans", nargs, 1, 3) < 0)
        return NULL;
    gp_object_t *d = gp_dict_new();
    if (!d)
        return NULL;
    if (nargs == 1) {
        gp_object_t *x = args[0];
        if (!gp_dict_check(x)) {
            gp_err_set_string(&gp_exc_TypeError,
                              "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        intptr_t pos = 0;
        gp_object_t *k, *v;
        while (gp_dict_next(x, &pos, &k, &v)) {
            gp_object_t *key;
            if (gp_str_check(k)) {
                if (GP_STR_LEN(k) != 1) {
                    gp_err_set_string(&gp_exc_ValueError,
                                      "string keys in translate table must be of length 1");
                    goto fail;
                }
                key = gp_int_from_i64(gp_str_char_at(k, 0));
            } else if (gp_int_check(k)) {
                key = GP_INCREF(k);
            } else {
                gp_err_set_string(&gp_exc_TypeError,
                                  "keys in translate table must be strings or integers");
                goto fail;
            }
            int rc = gp_dict_setitem(d, key, v);
            GP_DECREF(key);
            if (rc < 0)
                goto fail;
        }
        return d;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!gp_str_check(args[i])) {
            gp_err_format(&gp_exc_TypeError, "maketrans() argument %zu must be str, not %T", i + 1,
                          args[i]);
            goto fail;
        }
    }
    if (GP_STR_LEN(args[0]) != GP_STR_LEN(args[1])) {
        gp_err_set_string(&gp_exc_ValueError,
                          "the first two maketrans arguments must have equal length");
        goto fail;
    }
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(args[0]);
    const unsigned char *q = (const unsigned char *)GP_STR_DATA(args[1]);
    for (intptr_t i = 0; i < GP_STR_LEN(args[0]); i++) {
        int n, m;
        gp_object_t *k = gp_int_from_i64(gp_utf8_decode(p, &n));
        gp_object_t *v = gp_int_from_i64(gp_utf8_decode(q, &m));
        int rc = gp_dict_setitem(d, k, v);
        GP_DECREF(k);
        GP_DECREF(v);
        if (rc < 0)
            goto fail;
        p += n;
        q += m;
    }
    if (nargs == 3) {
        p = (const unsigned char *)GP_STR_DATA(args[2]);
        for (intptr_t i = 0; i < GP_STR_LEN(args[2]); i++) {
            int n;
            gp_object_t *k = gp_int_from_i64(gp_utf8_decode(p, &n));
            int rc = gp_dict_setitem(d, k, gp_None);
            GP_DECREF(k);
            if (rc < 0)
                goto fail;
            p += n;
        }
    }
    return d;
fail:
    GP_DECREF(d);
    return NULL;
}

static gp_object_t *str_translate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (check_arity("translate", nargs, 1, 1) < 0)
        return NULL;
    gp_object_t *table = args[0];
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(self);
    const unsigned char *end = p + GP_STR_BYTES(self);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    while (p < end) {
        int n;
        uint32_t cp = gp_utf8_decode(p, &n);
        p += n;
        gp_object_t *key = gp_int_from_i64(cp);
        gp_object_t *v = gp_object_getitem(table, key);
        if (!v) {
            if (!gp_err_matches(&gp_exc_LookupError))
                goto fail;
            gp_err_clear();
            gp_strbuf_append_codepoint(&b, cp);
            continue;
        }
        if (v == gp_None) {
            /* deleted */
        } else if (gp_int_check(v)) {
            int overflow;
            int64_t x = gp_int_as_i64_overflow(v, &overflow);
            if (overflow || x < 0 || x > 0x10FFFF) {
                GP_DECREF(v);
                gp_err_set_string(&gp_exc_ValueError,
                                  "character mapping must be in range(0x110000)");
                goto fail;
            }
            gp_strbuf_append_codepoint(&b, (uint32_t)x);
        } else if (gp_str_check(v)) {
            gp_strbuf_append_str(&b, v);
        } else {
            GP_DECREF(v);
            gp_err_set_string(&gp_exc_TypeError, "character mapping must return integer, None or str");
            goto fail;
        }
        GP_DECREF(v);
    }
    return gp_strbuf_finish(&b);
fail:
    gp_strbuf_discard(&b);
    return NULL;
}

static gp_object_t *str_getnewargs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gp_object_t *s = str_self(self);
    if (!s)
        return NULL;
    gp_object_t *t = gp_tuple_pack(1, s);
    GP_DECREF(s);
    return t;
}

static gp_object_t *str_sizeof(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return gp_int_from_i64((int64_t)(offsetof(gp_str_t, data) + (size_t)GP_STR_BYTES(self) + 1));
}

const gp_method_def_t gp_str_methods[] = {
    {"encode", str_encode, GP_METH_KEYWORDS, "Encode the string using the codec registered for encoding."},
    {"replace", str_replace, 0, "Return a copy with all occurrences of substring old replaced by new."},
    {"split", str_split, GP_METH_KEYWORDS, "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit, GP_METH_KEYWORDS, "Return a list of the substrings in the string, using sep as the separator string."},
    {"join", str_join_method, 0, "Concatenate any number of strings."},
    {"capitalize", str_capitalize, 0, "Return a capitalized version of the string."},
    {"casefold", str_casefold, 0, "Return a version of the string suitable for caseless comparisons."},
    {"title", str_title, 0, "Return a version of the string where each word is titlecased."},
    {"center", str_center, 0, "Return a centered string of length width."},
    {"count", str_count, 0, "Return the number of non-overlapping occurrences of substring sub."},
    {"expandtabs", str_expandtabs, GP_METH_KEYWORDS, "Return a copy where all tab characters are expanded using spaces."},
    {"find", str_find, 0, "Return the lowest index in S where substring sub is found."},
    {"partition", str_partition, 0, "Partition the string into three parts using the given separator."},
    {"index", str_index, 0, "Return the lowest index in S where substring sub is found."},
    {"ljust", str_ljust, 0, "Return a left-justified string of length width."},
    {"lower", str_lower, 0, "Return a copy of the string converted to lowercase."},
    {"lstrip", str_lstrip, 0, "Return a copy of the string with leading whitespace removed."},
    {"rfind", str_rfind, 0, "Return the highest index in S where substring sub is found."},
    {"rindex", str_rindex, 0, "Return the highest index in S where substring sub is found."},
    {"rjust", str_rjust, 0, "Return a right-justified string of length width."},
    {"rstrip", str_rstrip, 0, "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", str_rpartition, 0, "Partition the string into three parts using the given separator."},
    {"splitlines", str_splitlines, GP_METH_KEYWORDS, "Return a list of the lines in the string, breaking at line boundaries."},
    {"strip", str_strip, 0, "Return a copy of the string with leading and trailing whitespace removed."},
    {"swapcase", str_swapcase, 0, "Convert uppercase characters to lowercase and lowercase characters to uppercase."},
    {"translate", str_translate, 0, "Replace each character in the string using the given translation table."},
    {"upper", str_upper, 0, "Return a copy of the string converted to uppercase."},
    {"startswith", str_startswith, 0, "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", str_endswith, 0, "Return True if S ends with the specified suffix, False otherwise."},
    {"removeprefix", str_removeprefix, 0, "Return a str with the given prefix string removed if present."},
    {"removesuffix", str_removesuffix, 0, "Return a str with the given suffix string removed if present."},
    {"isascii", str_isascii, 0, "Return True if all characters in the string are ASCII, False otherwise."},
    {"islower", str_islower, 0, "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", str_isupper, 0, "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", str_istitle, 0, "Return True if the string is a title-cased string, False otherwise."},
    {"isspace", str_isspace, 0, "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", str_isdecimal, 0, "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", str_isdigit, 0, "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", str_isnumeric, 0, "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", str_isalpha, 0, "Return True if the string is an alphabetic string, False otherwise."},
    {"isalnum", str_isalnum, 0, "Return True if the string is an alpha-numeric string, False otherwise."},
    {"isidentifier", str_isidentifier, 0, "Return True if the string is a valid Python identifier, False otherwise."},
    {"isprintable", str_isprintable, 0, "Return True if the string is printable, False otherwise."},
    {"zfill", str_zfill, 0, "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"format", str_format, GP_METH_KEYWORDS, "Return a formatted version of S, using substitutions from args and kwargs."},
    {"format_map", str_format_map, 0, "Return a formatted version of S, using substitutions from mapping."},
    {"__format__", str_dunder_format, 0, "Return a formatted version of the string as described by format_spec."},
    {"maketrans", str_maketrans, GP_METH_STATIC, "Return a translation table usable for str.translate()."},
    {"__sizeof__", str_sizeof, 0, "Return the size of the string in memory, in bytes."},
    {"__getnewargs__", str_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};
