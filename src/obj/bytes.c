/*
 * bytes.c - the bytes and bytearray types.
 *
 * Design notes
 * ------------
 * bytes is immutable with its data inline after the header and a trailing
 * NUL (like str, so C code can treat it as a string); its hash is cached and
 * shared with str's function, so hash(b'abc') == hash('abc') as in CPython.
 * bytearray keeps a separately allocated, growable buffer with amortised
 * appends; it is unhashable.
 *
 * The two types share one method implementation: each method reads its
 * receiver through bytes_view() and builds its results with bytes_like_self(),
 * which makes a bytes for a bytes receiver and a bytearray for a bytearray
 * one, as CPython's methods do. Elements are ints 0..255 everywhere (indexing,
 * iteration, `in` with an int).
 *
 * The common methods are implemented (see the tables at the end); `%`
 * formatting shares str's engine in str_format.c.
 *
 * Every method that reads an argument "as bytes" goes through
 * gp_bytes_like(), which also accepts a contiguous memoryview, so
 * b''.join, find, `in`, + and the constructors take views for free. A
 * bytearray counts its buffer exports (memoryview.c): while any is live,
 * every size change fails with BufferError before touching the data, so a
 * view's pointer can never dangle.
 */
#include <stdio.h>

#include "obj/containers.h"
#include "obj/memoryview.h"
#include "obj/str.h"
#include "runtime/runtime.h"

#define BYTES(o) ((gp_bytes_t *)(o))
#define BYTEARRAY(o) ((gp_bytearray_t *)(o))


bool gp_bytes_like(gp_object_t *o, const char **data, size_t *len)
{
    if (gp_bytes_check(o)) {
        *data = BYTES(o)->data;
        *len = (size_t)BYTES(o)->base.size;
        return true;
    }
    if (gp_is_bytearray(o)) {
        *data = BYTEARRAY(o)->data ? BYTEARRAY(o)->data : "";
        *len = (size_t)BYTEARRAY(o)->size;
        return true;
    }
    if (gp_memoryview_check(o))
        return gp_memoryview_bytes(o, data, len);
    const gp_buffer_procs_t *procs = gp_buffer_procs_of(o); /* added by array */
    if (procs) {
        char *start;
        char format;
        procs->describe(o, &start, len, &format);
        /* An empty array may have no memory at all. */
        *data = start ? start : "";
        return true;
    }
    return false;
}

const char *gp_bytes_data(gp_object_t *o)
{
    const char *d;
    size_t n;
    return gp_bytes_like(o, &d, &n) ? d : NULL;
}

size_t gp_bytes_len(gp_object_t *o)
{
    const char *d;
    size_t n;
    return gp_bytes_like(o, &d, &n) ? n : 0;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */
/* ------------------------------------------------------------------ */

static struct {
    gp_varobject_t base;
    intptr_t hash;
    char data[1];
} bytes_empty = {{GP_OBJECT_HEAD_INIT(&gp_bytes_type), 0}, -1, {0}};

/* A bytes of [len] zero bytes to fill in (never the shared empty one). */
static gp_bytes_t *bytes_alloc(gp_type_t *type, size_t len)
{
    gp_bytes_t *b = (gp_bytes_t *)gp_object_alloc(type, len);
    if (!b)
        return NULL;
    b->base.size = (intptr_t)len;
    b->hash = -1;
    b->data[len] = '\0';
    return b;
}

gp_object_t *gp_bytes_new(const void *data, size_t len)
{
    if (len == 0)
        return GP_INCREF((gp_object_t *)&bytes_empty);
    gp_bytes_t *b = bytes_alloc(&gp_bytes_type, len);
    if (!b)
        return NULL;
    if (data)
        memcpy(b->data, data, len);
    return (gp_object_t *)b;
}

/* Makes room for [need] bytes (plus the NUL) in a bytearray. */
static int bytearray_reserve(gp_bytearray_t *a, size_t need)
{
    if ((intptr_t)need < a->allocated)
        return 0;
    size_t cap = (size_t)a->allocated;
    cap = cap + (cap >> 1) + 8;
    if (cap < need + 1)
        cap = need + 1;
    char *d = gp_mem_realloc(a->data, cap);
    if (!d) {
        gp_err_no_memory();
        return -1;
    }
    a->data = d;
    a->allocated = (intptr_t)cap;
    return 0;
}

void gp_bytearray_export(gp_object_t *bytearray, int delta)
{
    /* added by array: other exporters keep their own count. */
    const gp_buffer_procs_t *procs = gp_is_bytearray(bytearray) ? NULL
                                                                : gp_buffer_procs_of(bytearray);
    if (procs) {
        procs->export(bytearray, delta);
        return;
    }
    BYTEARRAY(bytearray)->exports += delta;
}

/* A bytearray whose buffer is exported (a memoryview, or C code holding a
   gp_buffer_t across a released GIL) must keep its storage where it is.
   Every size change checks here *before* it moves any data. */
static int bytearray_check_resize(gp_bytearray_t *a, size_t n)
{
    if (a->exports > 0 && (intptr_t)n != a->size) {
        gp_err_set_string(&gp_exc_BufferError,
                          "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

static int bytearray_resize(gp_bytearray_t *a, size_t n)
{
    if (bytearray_check_resize(a, n) < 0 || bytearray_reserve(a, n) < 0)
        return -1;
    a->size = (intptr_t)n;
    a->data[n] = '\0';
    return 0;
}

static gp_object_t *bytearray_alloc(gp_type_t *type, const void *data, size_t len)
{
    gp_bytearray_t *a = (gp_bytearray_t *)gp_object_alloc(type, 0);
    if (!a)
        return NULL;
    a->size = 0;
    a->allocated = 0;
    a->data = NULL;
    a->exports = 0;
    if (bytearray_resize(a, len) < 0) {
        GP_DECREF((gp_object_t *)a);
        return NULL;
    }
    /* NULL data means "len zero bytes", as for gp_bytes_new(). */
    if (len && data)
        memcpy(a->data, data, len);
    else if (len)
        memset(a->data, 0, len);
    return (gp_object_t *)a;
}

gp_object_t *gp_bytearray_new(const void *data, size_t len)
{
    return bytearray_alloc(&gp_bytearray_type, data, len);
}

/* A result of the receiver's kind: bytes for bytes, bytearray for bytearray. */
static gp_object_t *bytes_like_self(gp_object_t *self, const char *data, size_t len)
{
    if (gp_is_bytearray(self))
        return gp_bytearray_new(data, len);
    if (gp_bytes_check(self) && GP_IS_TYPE(self, gp_bytes_type) &&
        data == BYTES(self)->data && len == (size_t)BYTES(self)->base.size)
        return GP_INCREF(self);
    return gp_bytes_new(data, len);
}

/* Converts one item of an iterable to a byte value. */
static int byte_value(gp_object_t *o, unsigned char *out)
{
    int64_t v;
    if (GP_IS_SMALL(o)) {
        v = GP_SMALL_VALUE(o);
    } else {
        gp_object_t *n = gp_number_index(o);
        if (!n)
            return -1;
        int overflow;
        v = gp_int_as_i64_overflow(n, &overflow);
        GP_DECREF(n);
        if (overflow)
            v = -1;
    }
    if (v < 0 || v > 255) {
        gp_err_set_string(&gp_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *out = (unsigned char)v;
    return 0;
}

/* Collects the bytes of bytes(x)/bytearray(x) for a non-str [x] into [b]
   (a strbuf used as a byte buffer). */
static int bytes_collect(gp_object_t *x, gp_strbuf_t *b, bool for_bytes)
{
    const char *data;
    size_t len;
    if (gp_bytes_like(x, &data, &len)) {
        gp_strbuf_append(b, data, len);
        return 0;
    }
    if (gp_memoryview_check(x)) {
        /* A strided or released view: tobytes() copies or raises. */
        gp_object_t *copy = gp_memoryview_tobytes(x);
        if (!copy)
            return -1;
        gp_strbuf_append(b, gp_bytes_data(copy), gp_bytes_len(copy));
        GP_DECREF(copy);
        return 0;
    }
    if (gp_int_check(x) || GP_TYPE(x)->to_index) {
        intptr_t n = gp_number_as_ssize(x, &gp_exc_OverflowError);
        if (n == -1 && gp_err_occurred())
            return -1;
        if (n < 0) {
            gp_err_set_string(&gp_exc_ValueError, "negative count");
            return -1;
        }
        for (intptr_t i = 0; i < n && !b->failed; i++)
            gp_strbuf_append_char(b, 0);
        return 0;
    }
    if (!GP_TYPE(x)->iter && !GP_TYPE(x)->getitem) {
        gp_err_format(&gp_exc_TypeError, "cannot convert '%T' object to %s", x,
                      for_bytes ? "bytes" : "bytearray");
        return -1;
    }
    gp_object_t *it = gp_object_iter(x);
    if (!it)
        return -1;
    gp_object_t *item;
    while ((item = gp_iter_next(it)) != NULL) {
        unsigned char c;
        int rc = byte_value(item, &c);
        GP_DECREF(item);
        if (rc < 0) {
            if (gp_err_matches(&gp_exc_ValueError)) {
                gp_err_clear();
                gp_err_set_string(&gp_exc_ValueError, "bytes must be in range(0, 256)");
            }
            GP_DECREF(it);
            return -1;
        }
        gp_strbuf_append_char(b, (char)c);
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
}

/* The contents of bytes(source, encoding, errors) in [b]. */
static int bytes_from_args(const char *name, gp_object_t *const *args, size_t nargs,
                           gp_object_t *kwnames, gp_strbuf_t *b)
{
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    gp_object_t *out[3] = {NULL, NULL, NULL};
    if (gp_args_parse(name, args, nargs, kwnames, names, 0, out) < 0)
        return -1;
    gp_object_t *x = out[0];
    for (int i = 1; i < 3; i++) {
        if (out[i] && !gp_str_check(out[i])) {
            gp_err_format(&gp_exc_TypeError, "%s() argument '%s' must be str, not %T", name,
                          names[i], out[i]);
            return -1;
        }
    }
    if (!x) {
        if (out[1] || out[2]) {
            gp_err_set_string(&gp_exc_TypeError, out[1] ? "encoding without a string argument"
                                                        : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    /* bytes() of a str subclass with __bytes__ and no encoding uses it. */
    bool str_has_bytes = gp_str_check(x) && !out[1] && !out[2] && strcmp(name, "bytes") == 0 &&
                         gp_type_lookup_cstr(GP_TYPE(x), "__bytes__");
    if (gp_str_check(x) && !str_has_bytes) {
        if (!out[1]) {
            gp_err_set_string(&gp_exc_TypeError, "string argument without an encoding");
            return -1;
        }
        gp_object_t *enc = gp_str_encode(x, GP_STR_DATA(out[1]), out[2] ? GP_STR_DATA(out[2]) : NULL);
        if (!enc)
            return -1;
        gp_strbuf_append(b, BYTES(enc)->data, (size_t)BYTES(enc)->base.size);
        GP_DECREF(enc);
        return 0;
    }
    if (out[1] || out[2]) {
        gp_err_set_string(&gp_exc_TypeError, out[1] ? "encoding without a string argument"
                                                    : "errors without a string argument");
        return -1;
    }
    /* An object's own conversion: __bytes__. */
    gp_object_t *conv = gp_type_lookup_cstr(GP_TYPE(x), "__bytes__");
    if (conv && strcmp(name, "bytes") == 0) {
        gp_object_t *r = gp_object_call_method(x, "__bytes__", NULL, 0);
        if (!r)
            return -1;
        if (!gp_bytes_check(r)) {
            gp_err_format(&gp_exc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
            GP_DECREF(r);
            return -1;
        }
        gp_strbuf_append(b, BYTES(r)->data, (size_t)BYTES(r)->base.size);
        GP_DECREF(r);
        return 0;
    }
    return bytes_collect(x, b, strcmp(name, "bytes") == 0);
}

/* The bytes of a lone constructor argument that is exactly a bytes,
   bytearray or contiguous memoryview (none of which can have __bytes__),
   borrowed; false for anything the general path must look at. */
static bool plain_buffer_arg(gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
                             const char **data, size_t *len)
{
    if (nargs != 1 || kwnames || !GP_IS_PTR(args[0]))
        return false;
    gp_type_t *t = GP_TYPE(args[0]);
    if (t != &gp_bytes_type && t != &gp_bytearray_type && t != &gp_memoryview_type)
        return false;
    return gp_bytes_like(args[0], data, len);
}

static gp_object_t *bytes_new_slot(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (nargs == 1 && !kwnames && gp_bytes_check(args[0]) && GP_IS_TYPE(args[0], gp_bytes_type) &&
        type == &gp_bytes_type)
        return GP_INCREF(args[0]);
    const char *data;
    size_t len;
    if (type == &gp_bytes_type && plain_buffer_arg(args, nargs, kwnames, &data, &len)) {
        /* bytes(view) and bytes(bytearray): one copy, no staging buffer. */
        return gp_bytes_new(data, len);
    }
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (bytes_from_args("bytes", args, nargs, kwnames, &b) < 0) {
        gp_strbuf_discard(&b);
        return NULL;
    }
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r;
    if (type == &gp_bytes_type) {
        r = gp_bytes_new(b.data, b.len);
    } else {
        gp_bytes_t *sub = bytes_alloc(type, b.len);
        if (sub && b.len)
            memcpy(sub->data, b.data, b.len);
        r = (gp_object_t *)sub;
    }
    gp_strbuf_discard(&b);
    return r;
}

static gp_object_t *bytearray_new_slot(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return bytearray_alloc(type, NULL, 0);
}

static int bytearray_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames)
{
    const char *data;
    size_t len;
    gp_bytearray_t *a = BYTEARRAY(self);
    /* bytearray(view) or bytearray(b'...'): straight into our storage. The
       source may be our own storage (ba.__init__(ba), or a view of ba):
       then the size cannot change (a view's export forbids it, and ba is
       its own size), so the storage does not move, and memmove copies it
       onto itself safely. */
    if (plain_buffer_arg(args, nargs, kwnames, &data, &len)) {
        if (bytearray_resize(a, len) < 0)
            return -1;
        if (len)
            memmove(a->data, data, len);
        return 0;
    }
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (bytes_from_args("bytearray", args, nargs, kwnames, &b) < 0) {
        gp_strbuf_discard(&b);
        return -1;
    }
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return -1;
    }
    int rc = bytearray_resize(a, b.len);
    if (rc == 0 && b.len)
        memcpy(a->data, b.data, b.len);
    gp_strbuf_discard(&b);
    return rc;
}

static void bytes_dealloc(gp_object_t *o)
{
    gp_object_free(o);
}

static void bytearray_dealloc(gp_object_t *o)
{
    gp_mem_free(BYTEARRAY(o)->data);
    gp_object_free(o);
}

/* ------------------------------------------------------------------ */
/* repr, hash, compare                                                  */
/* ------------------------------------------------------------------ */

static void bytes_repr_body(gp_strbuf_t *b, const char *data, size_t len)
{
    char quote = '\'';
    if (memchr(data, '\'', len) && !memchr(data, '"', len))
        quote = '"';
    gp_strbuf_append_char(b, 'b');
    gp_strbuf_append_char(b, quote);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == (unsigned char)quote || c == '\\') {
            gp_strbuf_append_char(b, '\\');
            gp_strbuf_append_char(b, (char)c);
        } else if (c == '\t') {
            gp_strbuf_append(b, "\\t", 2);
        } else if (c == '\n') {
            gp_strbuf_append(b, "\\n", 2);
        } else if (c == '\r') {
            gp_strbuf_append(b, "\\r", 2);
        } else if (c < 0x20 || c >= 0x7F) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", c);
            gp_strbuf_append(b, buf, 4);
        } else {
            gp_strbuf_append_char(b, (char)c);
        }
    }
    gp_strbuf_append_char(b, quote);
}

static gp_object_t *bytes_repr(gp_object_t *o)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    bytes_repr_body(&b, BYTES(o)->data, (size_t)BYTES(o)->base.size);
    return gp_strbuf_finish(&b);
}

static gp_object_t *bytearray_repr(gp_object_t *o)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_append_cstr(&b, gp_type_name(GP_TYPE(o)));
    gp_strbuf_append_char(&b, '(');
    bytes_repr_body(&b, gp_bytes_data(o), gp_bytes_len(o));
    gp_strbuf_append_char(&b, ')');
    return gp_strbuf_finish(&b);
}

static intptr_t bytes_hash(gp_object_t *o)
{
    gp_bytes_t *b = BYTES(o);
    if (b->hash == -1)
        b->hash = gp_hash_bytes(b->data, (size_t)b->base.size);
    return b->hash;
}

static gp_object_t *bytes_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    const char *da, *db;
    size_t la, lb;
    /* A memoryview compares item values, not raw bytes: let it decide. */
    if (gp_memoryview_check(a) || gp_memoryview_check(b) || !gp_bytes_like(a, &da, &la) ||
        !gp_bytes_like(b, &db, &lb))
        return GP_INCREF(gp_NotImplemented);
    if ((op == GP_CMP_EQ || op == GP_CMP_NE) && la != lb)
        return gp_bool_from(op == GP_CMP_NE);
    int c = memcmp(da, db, la < lb ? la : lb);
    if (c == 0)
        c = la < lb ? -1 : la > lb;
    bool r;
    switch (op) {
    case GP_CMP_LT: r = c < 0; break;
    case GP_CMP_LE: r = c <= 0; break;
    case GP_CMP_EQ: r = c == 0; break;
    case GP_CMP_NE: r = c != 0; break;
    case GP_CMP_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return gp_bool_from(r);
}

/* ------------------------------------------------------------------ */
/* Sequence slots                                                       */
/* ------------------------------------------------------------------ */

static intptr_t bytes_len_slot(gp_object_t *o)
{
    return (intptr_t)gp_bytes_len(o);
}

static gp_object_t *bytes_getitem(gp_object_t *self, gp_object_t *key)
{
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    bool ba = gp_is_bytearray(self);
    if (gp_int_check(key) || GP_TYPE(key)->to_index) {
        intptr_t i = GP_IS_SMALL(key) ? GP_SMALL_VALUE(key)
                                      : gp_number_as_ssize(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return NULL;
        if (i < 0)
            i += (intptr_t)n;
        if (i < 0 || i >= (intptr_t)n) {
            gp_err_set_string(&gp_exc_IndexError,
                              ba ? "bytearray index out of range" : "index out of range");
            return NULL;
        }
        return GP_SMALL_NEW((unsigned char)d[i]);
    }
    if (GP_IS_TYPE(key, gp_slice_type)) {
        intptr_t start, stop, step;
        intptr_t count = gp_slice_indices(key, (intptr_t)n, &start, &stop, &step);
        if (count < 0)
            return NULL;
        if (step == 1)
            return bytes_like_self(self, d + start, (size_t)count);
        gp_strbuf_t b;
        gp_strbuf_init(&b);
        for (intptr_t k = 0, i = start; k < count; k++, i += step)
            gp_strbuf_append_char(&b, d[i]);
        gp_object_t *r = b.failed ? NULL : bytes_like_self(self, b.data ? b.data : "", b.len);
        if (b.failed)
            gp_err_no_memory();
        gp_strbuf_discard(&b);
        return r;
    }
    gp_err_format(&gp_exc_TypeError, "%s indices must be integers or slices, not %T",
                  ba ? "bytearray" : "byte", key);
    return NULL;
}

static int bytes_contains(gp_object_t *self, gp_object_t *x)
{
    const char *d, *xd;
    size_t n, xn;
    gp_bytes_like(self, &d, &n);
    if (gp_int_check(x) || GP_TYPE(x)->to_index) {
        unsigned char c;
        if (byte_value(x, &c) < 0)
            return -1;
        return memchr(d, c, n) != NULL;
    }
    if (!gp_bytes_like(x, &xd, &xn)) {
        gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", x);
        return -1;
    }
    return xn == 0 || memmem(d, n, xd, xn) != NULL;
}

static gp_object_t *bytes_concat_op(gp_object_t *a, gp_object_t *b)
{
    const char *da, *db;
    size_t la, lb;
    if (!gp_bytes_like(a, &da, &la))
        return GP_INCREF(gp_NotImplemented);
    if (!gp_bytes_like(b, &db, &lb)) {
        if (GP_TYPE(b)->flags & GP_TYPE_FLAG_HEAPTYPE)
            return GP_INCREF(gp_NotImplemented);
        gp_err_format(&gp_exc_TypeError, "can't concat %T to %T", b, a);
        return NULL;
    }
    if (gp_is_bytearray(a)) {
        gp_object_t *r = gp_bytearray_new(NULL, la + lb);
        if (!r)
            return NULL;
        memcpy(BYTEARRAY(r)->data, da, la);
        memcpy(BYTEARRAY(r)->data + la, db, lb);
        return r;
    }
    if (lb == 0 && GP_IS_TYPE(a, gp_bytes_type))
        return GP_INCREF(a);
    if (la + lb == 0)
        return gp_bytes_new(NULL, 0);
    gp_bytes_t *r = bytes_alloc(&gp_bytes_type, la + lb);
    if (!r)
        return NULL;
    memcpy(r->data, da, la);
    memcpy(r->data + la, db, lb);
    return (gp_object_t *)r;
}

static gp_object_t *bytes_repeat_op(gp_object_t *a, gp_object_t *b)
{
    gp_object_t *s = gp_bytes_check(a) || gp_is_bytearray(a) ? a : b, *n = s == a ? b : a;
    if (!gp_int_check(n) && !GP_TYPE(n)->to_index) {
        if (GP_TYPE(n)->flags & GP_TYPE_FLAG_HEAPTYPE)
            return GP_INCREF(gp_NotImplemented);
        gp_err_format(&gp_exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
        return NULL;
    }
    intptr_t count = GP_IS_SMALL(n) ? GP_SMALL_VALUE(n) : gp_number_as_ssize(n, &gp_exc_OverflowError);
    if (count == -1 && gp_err_occurred())
        return NULL;
    const char *d;
    size_t len;
    gp_bytes_like(s, &d, &len);
    if (count <= 0 || len == 0)
        return bytes_like_self(s, "", 0);
    if ((size_t)count > (size_t)(INTPTR_MAX / 2) / len) {
        gp_err_no_memory();
        return NULL;
    }
    size_t total = len * (size_t)count;
    gp_object_t *r = gp_is_bytearray(s) ? gp_bytearray_new(NULL, total)
                                     : (gp_object_t *)bytes_alloc(&gp_bytes_type, total);
    if (!r)
        return NULL;
    char *out = (char *)gp_bytes_data(r);
    for (intptr_t i = 0; i < count; i++)
        memcpy(out + (size_t)i * len, d, len);
    return r;
}

/* bytearray *= n: repeats the contents in place, keeping the object. */
static gp_object_t *bytearray_repeat_inplace(gp_object_t *a, gp_object_t *n)
{
    if (!gp_int_check(n) && !GP_TYPE(n)->to_index)
        return GP_INCREF(gp_NotImplemented);
    intptr_t count = GP_IS_SMALL(n) ? GP_SMALL_VALUE(n) : gp_number_as_ssize(n, &gp_exc_OverflowError);
    if (count == -1 && gp_err_occurred())
        return NULL;
    gp_bytearray_t *x = BYTEARRAY(a);
    size_t len = (size_t)x->size;
    if (count <= 0 || len == 0) {
        if (bytearray_resize(x, 0) < 0)
            return NULL;
        return GP_INCREF(a);
    }
    if ((size_t)count > (size_t)(INTPTR_MAX / 2) / len) {
        gp_err_no_memory();
        return NULL;
    }
    size_t total = len * (size_t)count;
    if (bytearray_resize(x, total) < 0)
        return NULL;
    for (size_t done = len; done < total; done += len)
        memcpy(x->data + done, x->data, len);
    return GP_INCREF(a);
}

static gp_object_t *bytes_binop(gp_object_t *a, gp_object_t *b, int op)
{
    /* A memoryview on the left has no arithmetic, even with bytes on the right. */
    if (gp_memoryview_check(a))
        return GP_INCREF(gp_NotImplemented);
    switch (op & ~GP_BINOP_INPLACE) {
    case GP_BINOP_ADD:
        if ((op & GP_BINOP_INPLACE) && gp_is_bytearray(a)) {
            const char *db;
            size_t lb;
            if (!gp_bytes_like(b, &db, &lb)) {
                gp_err_format(&gp_exc_TypeError, "can't concat %T to %T", b, a);
                return NULL;
            }
            gp_bytearray_t *x = BYTEARRAY(a);
            size_t la = (size_t)x->size;
            /* b may be a itself: copy through a fixed length first. */
            if (bytearray_resize(x, la + lb) < 0)
                return NULL;
            memmove(x->data + la, b == a ? x->data : db, lb);
            return GP_INCREF(a);
        }
        return bytes_concat_op(a, b);
    case GP_BINOP_MUL:
        if ((op & GP_BINOP_INPLACE) && gp_is_bytearray(a))
            return bytearray_repeat_inplace(a, b);
        /* bytes * 1 is the same (immutable) object, as in CPython. */
        if (GP_TYPE(a) == &gp_bytes_type && GP_IS_SMALL(b) && GP_SMALL_VALUE(b) == 1)
            return GP_INCREF(a);
        return bytes_repeat_op(a, b);
    case GP_BINOP_MOD: {
        const char *d;
        size_t n;
        if (!gp_bytes_like(a, &d, &n))
            return GP_INCREF(gp_NotImplemented);
        gp_object_t *r = gp_bytes_percent_format(d, n, b);
        if (r && gp_is_bytearray(a)) {
            gp_object_t *ba = gp_bytearray_new(gp_bytes_data(r), gp_bytes_len(r));
            GP_DECREF(r);
            return ba;
        }
        return r;
    }
    default:
        return GP_INCREF(gp_NotImplemented);
    }
}

/* bytearray item and slice assignment/deletion. */
static int bytearray_setitem(gp_object_t *self, gp_object_t *key, gp_object_t *value)
{
    gp_bytearray_t *a = BYTEARRAY(self);
    if (gp_int_check(key) || GP_TYPE(key)->to_index) {
        intptr_t i = GP_IS_SMALL(key) ? GP_SMALL_VALUE(key)
                                      : gp_number_as_ssize(key, &gp_exc_IndexError);
        if (i == -1 && gp_err_occurred())
            return -1;
        /* The value is converted before the index is checked: its
           __index__ may resize this very bytearray. */
        unsigned char c = 0;
        if (value && byte_value(value, &c) < 0)
            return -1;
        if (i < 0)
            i += a->size;
        if (i < 0 || i >= a->size) {
            gp_err_set_string(&gp_exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (!value) {
            if (bytearray_check_resize(a, (size_t)a->size - 1) < 0)
                return -1;
            memmove(a->data + i, a->data + i + 1, (size_t)(a->size - i - 1));
            return bytearray_resize(a, (size_t)a->size - 1);
        }
        a->data[i] = (char)c;
        return 0;
    }
    if (!GP_IS_TYPE(key, gp_slice_type)) {
        gp_err_format(&gp_exc_TypeError, "bytearray indices must be integers or slices, not %T",
                      key);
        return -1;
    }
    intptr_t start, stop, step;
    intptr_t count = gp_slice_indices(key, a->size, &start, &stop, &step);
    if (count < 0)
        return -1;
    /* The new contents as bytes (a copy, so a[:] = a works). */
    gp_object_t *src = NULL;
    const char *sd = "";
    size_t sn = 0;
    if (value) {
        if (gp_int_check(value) || gp_str_check(value)) {
            gp_err_format(&gp_exc_TypeError,
                          "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        gp_object_t *args[1] = {value};
        src = bytes_new_slot(&gp_bytes_type, args, 1, NULL);
        if (!src)
            return -1;
        sd = BYTES(src)->data;
        sn = (size_t)BYTES(src)->base.size;
    }
    int rc = 0;
    if (step == 1) {
        if (stop < start)
            stop = start;
        size_t old = (size_t)(stop - start), tail = (size_t)(a->size - stop);
        size_t newsize = (size_t)a->size - old + sn;
        if ((rc = bytearray_check_resize(a, newsize)) < 0)
            goto done;
        if (sn > old && (rc = bytearray_resize(a, newsize)) < 0)
            goto done;
        memmove(a->data + start + sn, a->data + stop, tail);
        memcpy(a->data + start, sd, sn);
        if (sn <= old)
            rc = bytearray_resize(a, newsize);
        goto done;
    }
    if (!value) {
        /* Delete an extended slice: keep the items not selected. */
        if (count && (rc = bytearray_check_resize(a, (size_t)(a->size - count))) < 0)
            goto done;
        intptr_t w = 0;
        for (intptr_t i = 0; i < a->size; i++) {
            bool selected = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                     : (i <= start && i > stop && (start - i) % (-step) == 0);
            if (!selected)
                a->data[w++] = a->data[i];
        }
        rc = bytearray_resize(a, (size_t)w);
        goto done;
    }
    if ((intptr_t)sn != count) {
        gp_err_format(&gp_exc_ValueError,
                      "attempt to assign bytes of size %zu to extended slice of size %zd", sn,
                      count);
        rc = -1;
        goto done;
    }
    for (intptr_t k = 0, i = start; k < count; k++, i += step)
        a->data[i] = sd[k];
done:
    GP_XDECREF(src);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The iterator (ints), shared by bytes and bytearray                   */
/* ------------------------------------------------------------------ */

typedef struct bytes_iterator {
    gp_object_t base;
    gp_object_t *seq; /* NULL once exhausted */
    size_t index;
} bytes_iterator_t;

static gp_object_t *bytes_iter(gp_object_t *self)
{
    gp_type_t *t = gp_is_bytearray(self) ? &gp_bytearray_iterator_type : &gp_bytes_iterator_type;
    bytes_iterator_t *it = (bytes_iterator_t *)gp_object_alloc(t, 0);
    if (!it)
        return NULL;
    it->seq = GP_INCREF(self);
    it->index = 0;
    return (gp_object_t *)it;
}

static gp_object_t *bytes_iterator_next(gp_object_t *o)
{
    bytes_iterator_t *it = (bytes_iterator_t *)o;
    if (!it->seq)
        return NULL;
    const char *d = NULL;
    size_t n = 0;
    gp_bytes_like(it->seq, &d, &n);
    if (it->index >= n) {
        GP_CLEAR(it->seq);
        return NULL;
    }
    return GP_SMALL_NEW((unsigned char)d[it->index++]);
}

static void bytes_iterator_dealloc(gp_object_t *o)
{
    GP_XDECREF(((bytes_iterator_t *)o)->seq);
    gp_object_free(o);
}

static gp_object_t *bytes_iterator_self(gp_object_t *o)
{
    return GP_INCREF(o);
}

static gp_object_t *bytes_iterator_length_hint(gp_object_t *o, gp_object_t *const *args,
                                               size_t nargs, gp_object_t *kwnames)
{
    bytes_iterator_t *it = (bytes_iterator_t *)o;
    const char *d = NULL;
    size_t n = 0;
    if (it->seq)
        gp_bytes_like(it->seq, &d, &n);
    return gp_int_from_i64(it->seq && it->index < n ? (int64_t)(n - it->index) : 0);
}

/* Pickling support: iter(seq) advanced to the saved index, as the list
   iterator does. */
static gp_object_t *bytes_iterator_reduce(gp_object_t *o, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    bytes_iterator_t *it = (bytes_iterator_t *)o;
    if (it->seq)
        return gp_seq_iterator_reduce("iter", it->seq, (intptr_t)it->index, NULL);
    gp_object_t *empty = gp_tuple_new(0);
    if (!empty)
        return NULL;
    gp_object_t *res = gp_seq_iterator_reduce("iter", NULL, 0, empty);
    GP_DECREF(empty);
    return res;
}

static gp_object_t *bytes_iterator_setstate(gp_object_t *o, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    bytes_iterator_t *it = (bytes_iterator_t *)o;
    if (it->seq) {
        const char *d = NULL;
        size_t n = 0;
        gp_bytes_like(it->seq, &d, &n);
        intptr_t index = gp_seq_iterator_state(args[0], 0, (intptr_t)n);
        if (index == -1 && gp_err_occurred())
            return NULL;
        it->index = (size_t)index;
    }
    return gp_none_new();
}

static const gp_method_def_t bytes_iterator_methods[] = {
    {"__length_hint__", bytes_iterator_length_hint, 0, NULL},
    {"__reduce__", bytes_iterator_reduce, 0, "Return state information for pickling."},
    {"__setstate__", bytes_iterator_setstate, 0, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_bytes_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "bytes_iterator",
    .basicsize = sizeof(bytes_iterator_t),
    .dealloc = bytes_iterator_dealloc,
    .iter = bytes_iterator_self,
    .iternext = bytes_iterator_next,
    .methods = bytes_iterator_methods,
};

gp_type_t gp_bytearray_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "bytearray_iterator",
    .basicsize = sizeof(bytes_iterator_t),
    .dealloc = bytes_iterator_dealloc,
    .iter = bytes_iterator_self,
    .iternext = bytes_iterator_next,
    .methods = bytes_iterator_methods,
};

/* ------------------------------------------------------------------ */
/* Methods shared by bytes and bytearray                                */
/* ------------------------------------------------------------------ */

static int arity(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        gp_err_format(&gp_exc_TypeError, "%s expected at least %zu argument%s, got %zu", name, min,
                      min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        if (max == 0)
            gp_err_format(&gp_exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
        else
            gp_err_format(&gp_exc_TypeError, "%s expected at most %zu argument%s, got %zu", name,
                          max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* A bytes-like argument, with CPython's message otherwise. */
static bool need_bytes(gp_object_t *o, const char **d, size_t *n)
{
    if (gp_bytes_like(o, d, n))
        return true;
    gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return false;
}

static int bound_arg(gp_object_t *o, intptr_t *out)
{
    if (!o || o == gp_None)
        return 0;
    if (!gp_int_check(o) && !GP_TYPE(o)->to_index) {
        gp_err_set_string(&gp_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    gp_object_t *n = gp_number_index(o);
    if (!n)
        return -1;
    int overflow;
    int64_t v = gp_int_as_i64_overflow(n, &overflow);
    GP_DECREF(n);
    *out = overflow > 0 ? INTPTR_MAX : overflow < 0 ? -INTPTR_MAX : (intptr_t)v;
    return 0;
}

static void adjust(intptr_t *start, intptr_t *end, intptr_t len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0 && (*end += len) < 0)
        *end = 0;
    if (*start < 0 && (*start += len) < 0)
        *start = 0;
}

/* The needle of find/count/index: bytes-like or an int byte value. */
static int needle_arg(gp_object_t *o, const char **d, size_t *n, unsigned char *one)
{
    if (gp_bytes_like(o, d, n))
        return 0;
    if (gp_int_check(o) || GP_TYPE(o)->to_index) {
        if (byte_value(o, one) < 0)
            return -1;
        *d = (const char *)one;
        *n = 1;
        return 0;
    }
    gp_err_format(&gp_exc_TypeError, "argument should be integer or bytes-like object, not '%T'",
                  o);
    return -1;
}

/* find/rfind/index/rindex/count in one; returns -2 on error. */
static intptr_t bytes_search(gp_object_t *self, const char *name, gp_object_t *const *args,
                             size_t nargs, int mode)
{
    if (nargs < 1 || nargs > 3) {
        gp_err_format(&gp_exc_TypeError, nargs < 1 ? "%s() takes at least 1 argument (%zu given)"
                                                   : "%s() takes at most 3 arguments (%zu given)",
                      name, nargs);
        return -2;
    }
    const char *d, *sd;
    size_t n, sn;
    unsigned char one;
    gp_bytes_like(self, &d, &n);
    if (needle_arg(args[0], &sd, &sn, &one) < 0)
        return -2;
    intptr_t start = 0, end = INTPTR_MAX;
    if (bound_arg(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        bound_arg(nargs > 2 ? args[2] : NULL, &end) < 0)
        return -2;
    adjust(&start, &end, (intptr_t)n);
    if (mode == 'c') {
        if (start > (intptr_t)n)
            return 0;
        if (sn == 0)
            return end >= start ? end - start + 1 : 0;
        intptr_t count = 0;
        const char *p = d + start, *z = d + end;
        while (z - p >= (intptr_t)sn && (p = memmem(p, (size_t)(z - p), sd, sn)) != NULL) {
            count++;
            p += sn;
        }
        return count;
    }
    if (end - start < (intptr_t)sn)
        return -1;
    if (mode == 'f') {
        const char *hit = sn ? memmem(d + start, (size_t)(end - start), sd, sn) : d + start;
        return hit ? hit - d : -1;
    }
    for (intptr_t i = end - (intptr_t)sn; i >= start; i--)
        if (memcmp(d + i, sd, sn) == 0)
            return i;
    return -1;
}

static gp_object_t *bytes_find(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    intptr_t r = bytes_search(self, "find", args, nargs, 'f');
    return r == -2 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *bytes_rfind(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    intptr_t r = bytes_search(self, "rfind", args, nargs, 'r');
    return r == -2 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *bytes_index(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    intptr_t r = bytes_search(self, "index", args, nargs, 'f');
    if (r == -1)
        gp_err_set_string(&gp_exc_ValueError, "subsection not found");
    return r < 0 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *bytes_rindex(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    intptr_t r = bytes_search(self, "rindex", args, nargs, 'r');
    if (r == -1)
        gp_err_set_string(&gp_exc_ValueError, "subsection not found");
    return r < 0 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *bytes_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    intptr_t r = bytes_search(self, "count", args, nargs, 'c');
    return r == -2 ? NULL : gp_int_from_i64(r);
}

static gp_object_t *bytes_tailmatch(gp_object_t *self, const char *name, gp_object_t *const *args,
                                    size_t nargs, bool at_end)
{
    if (nargs < 1 || nargs > 3) {
        gp_err_format(&gp_exc_TypeError, "%s() takes at least 1 argument (%zu given)", name, nargs);
        return NULL;
    }
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    intptr_t start = 0, end = INTPTR_MAX;
    if (bound_arg(nargs > 1 ? args[1] : NULL, &start) < 0 ||
        bound_arg(nargs > 2 ? args[2] : NULL, &end) < 0)
        return NULL;
    adjust(&start, &end, (intptr_t)n);
    gp_object_t *x = args[0];
    intptr_t count = gp_tuple_check(x) ? GP_TUPLE_SIZE(x) : 1;
    for (intptr_t i = 0; i < count; i++) {
        gp_object_t *sub = gp_tuple_check(x) ? GP_TUPLE_GET(x, i) : x;
        const char *sd;
        size_t sn;
        if (!gp_bytes_like(sub, &sd, &sn)) {
            if (gp_tuple_check(x))
                gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", sub);
            else
                gp_err_format(&gp_exc_TypeError,
                              "%s first arg must be bytes or a tuple of bytes, not %T", name, sub);
            return NULL;
        }
        if (start > (intptr_t)n || end - start < (intptr_t)sn)
            continue;
        const char *p = at_end ? d + end - sn : d + start;
        if (memcmp(p, sd, sn) == 0)
            return gp_bool_from(true);
    }
    return gp_bool_from(false);
}

static gp_object_t *bytes_startswith(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    return bytes_tailmatch(self, "startswith", args, nargs, false);
}

static gp_object_t *bytes_endswith(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    return bytes_tailmatch(self, "endswith", args, nargs, true);
}

static bool byte_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static gp_object_t *bytes_split_impl(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames, bool reverse)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    gp_object_t *out[2] = {NULL, NULL};
    if (gp_args_parse(reverse ? "rsplit" : "split", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    const char *d, *sd = NULL;
    size_t n, sn = 0;
    gp_bytes_like(self, &d, &n);
    if (out[0] && out[0] != gp_None) {
        if (!need_bytes(out[0], &sd, &sn))
            return NULL;
        if (sn == 0) {
            gp_err_set_string(&gp_exc_ValueError, "empty separator");
            return NULL;
        }
    }
    intptr_t maxsplit = -1;
    if (out[1]) {
        maxsplit = gp_number_as_ssize(out[1], &gp_exc_OverflowError);
        if (maxsplit == -1 && gp_err_occurred())
            return NULL;
    }
    if (maxsplit < 0)
        maxsplit = INTPTR_MAX;
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    const char *begin = d, *end = d + n;
    gp_object_t *piece;
    if (sd) {
        if (!reverse) {
            const char *p = begin, *hit;
            while (maxsplit-- > 0 && (hit = memmem(p, (size_t)(end - p), sd, sn)) != NULL) {
                if (!(piece = bytes_like_self(self, p, (size_t)(hit - p))) || gp_list_append(list, piece) < 0)
                    goto fail_piece;
                GP_DECREF(piece);
                p = hit + sn;
            }
            if (!(piece = bytes_like_self(self, p, (size_t)(end - p))) || gp_list_append(list, piece) < 0)
                goto fail_piece;
            GP_DECREF(piece);
        } else {
            const char *z = end;
            while (maxsplit > 0) {
                const char *hit = NULL;
                for (const char *q = z - sn; q >= begin; q--)
                    if (memcmp(q, sd, sn) == 0) {
                        hit = q;
                        break;
                    }
                if (!hit)
                    break;
                maxsplit--;
                if (!(piece = bytes_like_self(self, hit + sn, (size_t)(z - hit - sn))) ||
                    gp_list_insert(list, 0, piece) < 0)
                    goto fail_piece;
                GP_DECREF(piece);
                z = hit;
            }
            if (!(piece = bytes_like_self(self, begin, (size_t)(z - begin))) ||
                gp_list_insert(list, 0, piece) < 0)
                goto fail_piece;
            GP_DECREF(piece);
        }
        return list;
    }
    if (!reverse) {
        const char *p = begin;
        for (;;) {
            while (p < end && byte_space((unsigned char)*p))
                p++;
            if (p >= end)
                break;
            const char *w = p;
            if (maxsplit-- <= 0)
                p = end;
            else
                while (p < end && !byte_space((unsigned char)*p))
                    p++;
            if (!(piece = bytes_like_self(self, w, (size_t)(p - w))) || gp_list_append(list, piece) < 0)
                goto fail_piece;
            GP_DECREF(piece);
        }
    } else {
        const char *z = end;
        for (;;) {
            while (z > begin && byte_space((unsigned char)z[-1]))
                z--;
            if (z <= begin)
                break;
            const char *w = z;
            if (maxsplit-- <= 0)
                z = begin;
            else
                while (z > begin && !byte_space((unsigned char)z[-1]))
                    z--;
            if (!(piece = bytes_like_self(self, z, (size_t)(w - z))) || gp_list_insert(list, 0, piece) < 0)
                goto fail_piece;
            GP_DECREF(piece);
        }
    }
    return list;
fail_piece:
    GP_XDECREF(piece);
    GP_DECREF(list);
    return NULL;
}

static gp_object_t *bytes_split(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return bytes_split_impl(self, args, nargs, kwnames, false);
}

static gp_object_t *bytes_rsplit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return bytes_split_impl(self, args, nargs, kwnames, true);
}

/* sep.join(items): measures every item first, then copies once into the
   result, so there is one allocation and no intermediate buffer. No Python
   code runs between the two passes, so the borrowed pointers stay valid. */
static gp_object_t *bytes_join(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (arity("join", nargs, 1, 1) < 0)
        return NULL;
    gp_object_t *seq = gp_list_check_exact(args[0]) || gp_tuple_check_exact(args[0])
                           ? GP_INCREF(args[0])
                           : gp_list_from_iterable(args[0]);
    if (!seq)
        return NULL;
    bool is_list = gp_list_check_exact(seq);
    intptr_t count = is_list ? GP_LIST_SIZE(seq) : GP_TUPLE_SIZE(seq);
    gp_object_t **items = is_list ? GP_LIST_ITEMS(seq) : GP_TUPLE_ITEMS(seq);
    const char *sep;
    size_t sepn;
    gp_bytes_like(self, &sep, &sepn);
    size_t total = count > 1 ? sepn * (size_t)(count - 1) : 0;
    /* The pieces of a short join are remembered from the sizing pass, so
       the copying pass need not ask each item for its bytes again. */
    enum { JOIN_REMEMBERED = 8 };
    const char *piece_data[JOIN_REMEMBERED];
    size_t piece_len[JOIN_REMEMBERED];
    for (intptr_t i = 0; i < count; i++) {
        const char *d;
        size_t n;
        if (!gp_bytes_like(items[i], &d, &n)) {
            gp_err_format(&gp_exc_TypeError,
                          "sequence item %zd: expected a bytes-like object, %T found", i,
                          items[i]);
            GP_DECREF(seq);
            return NULL;
        }
        if (i < JOIN_REMEMBERED) {
            piece_data[i] = d;
            piece_len[i] = n;
        }
        total += n;
    }
    gp_object_t *r;
    if (gp_is_bytearray(self))
        r = gp_bytearray_new(NULL, total);
    else if (total == 0)
        r = gp_bytes_new(NULL, 0);
    else
        r = (gp_object_t *)bytes_alloc(&gp_bytes_type, total);
    if (!r) {
        GP_DECREF(seq);
        return NULL;
    }
    char *out = (char *)gp_bytes_data(r);
    for (intptr_t i = 0; i < count; i++) {
        const char *d;
        size_t n;
        if (i < JOIN_REMEMBERED) {
            d = piece_data[i];
            n = piece_len[i];
        } else {
            gp_bytes_like(items[i], &d, &n);
        }
        if (i && sepn) {
            memcpy(out, sep, sepn);
            out += sepn;
        }
        if (n)
            memcpy(out, d, n);
        out += n;
    }
    GP_DECREF(seq);
    return r;
}

static gp_object_t *bytes_strip_impl(gp_object_t *self, const char *name, gp_object_t *const *args,
                                     size_t nargs, bool left, bool right)
{
    if (arity(name, nargs, 0, 1) < 0)
        return NULL;
    const char *d, *chars = NULL;
    size_t n, cn = 0;
    gp_bytes_like(self, &d, &n);
    if (nargs && args[0] != gp_None && !need_bytes(args[0], &chars, &cn))
        return NULL;
    const char *a = d, *z = d + n;
    if (left)
        while (a < z && (chars ? memchr(chars, *a, cn) != NULL : byte_space((unsigned char)*a)))
            a++;
    if (right)
        while (z > a && (chars ? memchr(chars, z[-1], cn) != NULL : byte_space((unsigned char)z[-1])))
            z--;
    return bytes_like_self(self, a, (size_t)(z - a));
}

static gp_object_t *bytes_strip(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return bytes_strip_impl(self, "strip", args, nargs, true, true);
}

static gp_object_t *bytes_lstrip(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return bytes_strip_impl(self, "lstrip", args, nargs, true, false);
}

static gp_object_t *bytes_rstrip(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return bytes_strip_impl(self, "rstrip", args, nargs, false, true);
}

static gp_object_t *bytes_replace(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (arity("replace", nargs, 2, 3) < 0)
        return NULL;
    const char *d, *od, *nd;
    size_t n, on, nn;
    gp_bytes_like(self, &d, &n);
    if (!need_bytes(args[0], &od, &on) || !need_bytes(args[1], &nd, &nn))
        return NULL;
    intptr_t count = -1;
    if (nargs > 2) {
        count = gp_number_as_ssize(args[2], &gp_exc_OverflowError);
        if (count == -1 && gp_err_occurred())
            return NULL;
    }
    if (count < 0)
        count = INTPTR_MAX;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    const char *p = d, *end = d + n;
    intptr_t done = 0;
    if (on == 0) {
        while (done < count) {
            gp_strbuf_append(&b, nd, nn);
            done++;
            if (p >= end)
                break;
            gp_strbuf_append_char(&b, *p++);
        }
    } else {
        const char *hit;
        while (done < count && (hit = memmem(p, (size_t)(end - p), od, on)) != NULL) {
            gp_strbuf_append(&b, p, (size_t)(hit - p));
            gp_strbuf_append(&b, nd, nn);
            p = hit + on;
            done++;
        }
    }
    gp_strbuf_append(&b, p, (size_t)(end - p));
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r = bytes_like_self(self, b.data ? b.data : "", b.len);
    gp_strbuf_discard(&b);
    return r;
}

static gp_object_t *bytes_case(gp_object_t *self, size_t nargs, const char *name, bool upper)
{
    if (arity(name, nargs, 0, 0) < 0)
        return NULL;
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    gp_object_t *r = gp_is_bytearray(self) ? gp_bytearray_new(d, n) : gp_bytes_new(d, n);
    if (!r || n == 0)
        return r;
    char *o = (char *)gp_bytes_data(r);
    for (size_t i = 0; i < n; i++) {
        char c = o[i];
        if (upper && c >= 'a' && c <= 'z')
            o[i] = (char)(c - 32);
        else if (!upper && c >= 'A' && c <= 'Z')
            o[i] = (char)(c + 32);
    }
    return r;
}

static gp_object_t *bytes_upper(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return bytes_case(self, nargs, "upper", true);
}

static gp_object_t *bytes_lower(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return bytes_case(self, nargs, "lower", false);
}

/* isdigit/isalpha/isalnum/isspace/isupper/islower on ASCII bytes. */
static gp_object_t *bytes_pred(gp_object_t *self, size_t nargs, const char *name, char kind)
{
    if (arity(name, nargs, 0, 0) < 0)
        return NULL;
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    if (n == 0)
        return gp_bool_from(false);
    bool cased = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        bool digit = c >= '0' && c <= '9', up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        switch (kind) {
        case 'd': if (!digit) return gp_bool_from(false); break;
        case 'a': if (!up && !low) return gp_bool_from(false); break;
        case 'n': if (!up && !low && !digit) return gp_bool_from(false); break;
        case 's': if (!byte_space(c)) return gp_bool_from(false); break;
        case 'u': if (low) return gp_bool_from(false); cased |= up; break;
        case 'l': if (up) return gp_bool_from(false); cased |= low; break;
        }
    }
    return gp_bool_from(kind == 'u' || kind == 'l' ? cased : true);
}

#define BYTES_PRED(fn, name, kind)                                                                 \
    static gp_object_t *fn(gp_object_t *self, gp_object_t *const *args, size_t nargs,             \
                           gp_object_t *kwnames)                                                   \
    {                                                                                              \
        return bytes_pred(self, nargs, name, kind);                                                \
    }
BYTES_PRED(bytes_isdigit, "isdigit", 'd')
BYTES_PRED(bytes_isalpha, "isalpha", 'a')
BYTES_PRED(bytes_isalnum, "isalnum", 'n')
BYTES_PRED(bytes_isspace, "isspace", 's')
BYTES_PRED(bytes_isupper, "isupper", 'u')
BYTES_PRED(bytes_islower, "islower", 'l')

static gp_object_t *bytes_decode(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    gp_object_t *out[2] = {NULL, NULL};
    if (gp_args_parse("decode", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    for (int i = 0; i < 2; i++) {
        if (out[i] && !gp_str_check(out[i])) {
            gp_err_format(&gp_exc_TypeError, "decode() argument '%s' must be str, not %T",
                          names[i], out[i]);
            return NULL;
        }
    }
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    return gp_str_decode(d, n, out[0] ? gp_str_utf8(out[0]) : NULL,
                         out[1] ? gp_str_utf8(out[1]) : NULL, self);
}

gp_object_t *gp_bytes_hex(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames)
{
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    gp_object_t *out[2] = {NULL, NULL};
    if (gp_args_parse("hex", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    char sep = 0;
    bool has_sep = false; /* the separator may be NUL itself */
    intptr_t per = 1;
    if (out[0]) {
        const char *sd;
        size_t sn;
        if (gp_str_check(out[0])) {
            sd = gp_str_utf8(out[0]);
            sn = gp_str_utf8_len(out[0]);
        } else if (!gp_bytes_like(out[0], &sd, &sn)) {
            gp_err_set_string(&gp_exc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (sn != 1 || (unsigned char)sd[0] >= 0x80) {
            gp_err_set_string(&gp_exc_ValueError, "sep must be ASCII.");
            if (sn != 1) {
                gp_err_clear();
                gp_err_set_string(&gp_exc_ValueError, "sep must be length 1.");
            }
            return NULL;
        }
        sep = sd[0];
        has_sep = true;
    }
    if (out[1]) {
        per = gp_number_as_ssize(out[1], &gp_exc_OverflowError);
        if (per == -1 && gp_err_occurred())
            return NULL;
    }
    static const char digits[] = "0123456789abcdef";
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    size_t group = (size_t)(per < 0 ? -per : per);
    for (size_t i = 0; i < n; i++) {
        if (has_sep && group && i) {
            /* Positive counts group from the right, negative from the left. */
            bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
            if (boundary)
                gp_strbuf_append_char(&b, sep);
        }
        unsigned char c = (unsigned char)d[i];
        gp_strbuf_append_char(&b, digits[c >> 4]);
        gp_strbuf_append_char(&b, digits[c & 15]);
    }
    return gp_strbuf_finish(&b);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static gp_object_t *bytes_fromhex(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (arity("fromhex", nargs, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "fromhex() argument must be str, not %T", args[0]);
        return NULL;
    }
    const char *s = gp_str_utf8(args[0]);
    size_t n = gp_str_utf8_len(args[0]);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    size_t i = 0;
    while (i < n) {
        if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
            i++;
            continue;
        }
        int hi = hex_value(s[i]);
        int lo = i + 1 < n ? hex_value(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            size_t pos = hi < 0 ? i : i + 1;
            gp_strbuf_discard(&b);
            gp_err_format(&gp_exc_ValueError,
                          "non-hexadecimal number found in fromhex() arg at position %zu",
                          (size_t)gp_utf8_count(s, pos));
            return NULL;
        }
        gp_strbuf_append_char(&b, (char)(hi * 16 + lo));
        i += 2;
    }
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r;
    if (cls && gp_type_check(cls) && gp_type_is_subtype((gp_type_t *)cls, &gp_bytearray_type))
        r = gp_bytearray_new(b.data, b.len);
    else
        r = gp_bytes_new(b.data, b.len);
    gp_strbuf_discard(&b);
    if (r && cls && gp_type_check(cls) && (gp_type_t *)cls != &gp_bytes_type &&
        (gp_type_t *)cls != &gp_bytearray_type) {
        gp_object_t *sub = gp_object_call1(cls, r);
        GP_DECREF(r);
        return sub;
    }
    return r;
}

static gp_object_t *bytes_partition_impl(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                         bool reverse)
{
    if (arity(reverse ? "rpartition" : "partition", nargs, 1, 1) < 0)
        return NULL;
    const char *d, *sd;
    size_t n, sn;
    gp_bytes_like(self, &d, &n);
    if (!need_bytes(args[0], &sd, &sn))
        return NULL;
    if (sn == 0) {
        gp_err_set_string(&gp_exc_ValueError, "empty separator");
        return NULL;
    }
    const char *hit = NULL;
    if (!reverse) {
        hit = memmem(d, n, sd, sn);
    } else if (n >= sn) {
        for (const char *q = d + n - sn; q >= d; q--)
            if (memcmp(q, sd, sn) == 0) {
                hit = q;
                break;
            }
    }
    gp_object_t *a, *b, *c;
    if (!hit) {
        a = bytes_like_self(self, reverse ? "" : d, reverse ? 0 : n);
        b = bytes_like_self(self, "", 0);
        c = bytes_like_self(self, reverse ? d : "", reverse ? n : 0);
    } else {
        a = bytes_like_self(self, d, (size_t)(hit - d));
        b = bytes_like_self(self, sd, sn);
        c = bytes_like_self(self, hit + sn, (size_t)(d + n - hit - sn));
    }
    gp_object_t *t = a && b && c ? gp_tuple_pack(3, a, b, c) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    GP_XDECREF(c);
    return t;
}

static gp_object_t *bytes_partition(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return bytes_partition_impl(self, args, nargs, false);
}

static gp_object_t *bytes_rpartition(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    return bytes_partition_impl(self, args, nargs, true);
}

/* title/capitalize/swapcase on ASCII letters. */
static gp_object_t *bytes_recase(gp_object_t *self, size_t nargs, const char *name, char mode)
{
    if (arity(name, nargs, 0, 0) < 0)
        return NULL;
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    gp_object_t *r = gp_is_bytearray(self) ? gp_bytearray_new(d, n) : gp_bytes_new(d, n);
    if (!r || n == 0)
        return r;
    char *o = (char *)gp_bytes_data(r);
    bool prev_cased = false;
    for (size_t i = 0; i < n; i++) {
        char c = o[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        bool to_upper = mode == 's' ? low : mode == 'c' ? i == 0 && low : !prev_cased && low;
        bool to_lower = mode == 's' ? up : mode == 'c' ? i > 0 && up : prev_cased && up;
        if (to_upper)
            o[i] = (char)(c - 32);
        else if (to_lower)
            o[i] = (char)(c + 32);
        prev_cased = up || low;
    }
    return r;
}

static gp_object_t *bytes_title(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return bytes_recase(self, nargs, "title", 't');
}

static gp_object_t *bytes_capitalize(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    return bytes_recase(self, nargs, "capitalize", 'c');
}

static gp_object_t *bytes_swapcase(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    return bytes_recase(self, nargs, "swapcase", 's');
}

static gp_object_t *bytes_isascii(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (arity("isascii", nargs, 0, 0) < 0)
        return NULL;
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)d[i] >= 0x80)
            return gp_bool_from(false);
    return gp_bool_from(true);
}

/* center/ljust/rjust/zfill: [how] is '^', '<', '>' or '0'. */
static gp_object_t *bytes_just(gp_object_t *self, const char *name, gp_object_t *const *args,
                               size_t nargs, char how)
{
    if (arity(name, nargs, 1, how == '0' ? 1 : 2) < 0)
        return NULL;
    intptr_t width = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (width == -1 && gp_err_occurred())
        return NULL;
    char fill = how == '0' ? '0' : ' ';
    if (nargs > 1) {
        const char *fd;
        size_t fn;
        if (!gp_bytes_like(args[1], &fd, &fn) || fn != 1) {
            gp_err_format(&gp_exc_TypeError,
                          "%s() argument 2 must be a byte string of length 1, not %T", name,
                          args[1]);
            return NULL;
        }
        fill = fd[0];
    }
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    if (width <= (intptr_t)n)
        return bytes_like_self(self, d, n);
    size_t marg = (size_t)width - n;
    size_t left = how == '<' ? 0 : how == '^' ? marg / 2 + (marg & (size_t)width & 1) : marg;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (size_t i = 0; i < left; i++)
        gp_strbuf_append_char(&b, fill);
    gp_strbuf_append(&b, d, n);
    for (size_t i = left; i < marg; i++)
        gp_strbuf_append_char(&b, fill);
    if (how == '0' && !b.failed && (d[0] == '+' || d[0] == '-') && n) {
        b.data[0] = d[0];
        b.data[left] = '0';
    }
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r = bytes_like_self(self, b.data, b.len);
    gp_strbuf_discard(&b);
    return r;
}

static gp_object_t *bytes_center(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return bytes_just(self, "center", args, nargs, '^');
}

static gp_object_t *bytes_ljust(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return bytes_just(self, "ljust", args, nargs, '<');
}

static gp_object_t *bytes_rjust(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return bytes_just(self, "rjust", args, nargs, '>');
}

static gp_object_t *bytes_zfill(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return bytes_just(self, "zfill", args, nargs, '0');
}

static gp_object_t *bytes_splitlines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    gp_object_t *out[1] = {NULL};
    if (gp_args_parse("splitlines", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    int keep = out[0] ? gp_object_is_true(out[0]) : 0;
    if (keep < 0)
        return NULL;
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && d[i] != '\n' && d[i] != '\r')
            i++;
        size_t eol = i;
        if (i < n) {
            i += (d[i] == '\r' && i + 1 < n && d[i + 1] == '\n') ? 2 : 1;
        }
        gp_object_t *piece = bytes_like_self(self, d + start, (keep ? i : eol) - start);
        if (!piece || gp_list_append(list, piece) < 0) {
            GP_XDECREF(piece);
            GP_DECREF(list);
            return NULL;
        }
        GP_DECREF(piece);
    }
    return list;
}

static gp_object_t *bytes_removeaffix(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      const char *name, bool suffix)
{
    if (arity(name, nargs, 1, 1) < 0)
        return NULL;
    const char *d, *xd;
    size_t n, xn;
    gp_bytes_like(self, &d, &n);
    if (!need_bytes(args[0], &xd, &xn))
        return NULL;
    if (xn && xn <= n) {
        if (!suffix && memcmp(d, xd, xn) == 0)
            return bytes_like_self(self, d + xn, n - xn);
        if (suffix && memcmp(d + n - xn, xd, xn) == 0)
            return bytes_like_self(self, d, n - xn);
    }
    return bytes_like_self(self, d, n);
}

static gp_object_t *bytes_removeprefix(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return bytes_removeaffix(self, args, nargs, "removeprefix", false);
}

static gp_object_t *bytes_removesuffix(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return bytes_removeaffix(self, args, nargs, "removesuffix", true);
}

static gp_object_t *bytes_getnewargs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gp_object_t *b = gp_bytes_new(gp_bytes_data(self), gp_bytes_len(self));
    if (!b)
        return NULL;
    gp_object_t *t = gp_tuple_pack(1, b);
    GP_DECREF(b);
    return t;
}

#define SHARED_METHODS                                                                             \
    {"decode", bytes_decode, GP_METH_KEYWORDS, "Decode the bytes using the codec registered for encoding."}, \
    {"hex", gp_bytes_hex, GP_METH_KEYWORDS, "Create a string of hexadecimal numbers from the bytes."}, \
    {"fromhex", bytes_fromhex, GP_METH_CLASS, "Create an object from a string of hexadecimal numbers."}, \
    {"find", bytes_find, 0, NULL}, {"rfind", bytes_rfind, 0, NULL},                                \
    {"index", bytes_index, 0, NULL}, {"rindex", bytes_rindex, 0, NULL},                            \
    {"count", bytes_count, 0, NULL}, {"startswith", bytes_startswith, 0, NULL},                    \
    {"endswith", bytes_endswith, 0, NULL}, {"split", bytes_split, GP_METH_KEYWORDS, NULL},         \
    {"rsplit", bytes_rsplit, GP_METH_KEYWORDS, NULL}, {"join", bytes_join, 0, NULL},               \
    {"strip", bytes_strip, 0, NULL}, {"lstrip", bytes_lstrip, 0, NULL},                            \
    {"rstrip", bytes_rstrip, 0, NULL}, {"replace", bytes_replace, 0, NULL},                        \
    {"upper", bytes_upper, 0, NULL}, {"lower", bytes_lower, 0, NULL},                              \
    {"isdigit", bytes_isdigit, 0, NULL}, {"isalpha", bytes_isalpha, 0, NULL},                      \
    {"isalnum", bytes_isalnum, 0, NULL}, {"isspace", bytes_isspace, 0, NULL},                      \
    {"isupper", bytes_isupper, 0, NULL}, {"islower", bytes_islower, 0, NULL},                      \
    {"partition", bytes_partition, 0, NULL}, {"rpartition", bytes_rpartition, 0, NULL},            \
    {"title", bytes_title, 0, NULL}, {"capitalize", bytes_capitalize, 0, NULL},                    \
    {"swapcase", bytes_swapcase, 0, NULL}, {"isascii", bytes_isascii, 0, NULL},                    \
    {"center", bytes_center, 0, NULL}, {"ljust", bytes_ljust, 0, NULL},                            \
    {"rjust", bytes_rjust, 0, NULL}, {"zfill", bytes_zfill, 0, NULL},                              \
    {"splitlines", bytes_splitlines, GP_METH_KEYWORDS, NULL},                                      \
    {"removeprefix", bytes_removeprefix, 0, NULL}, {"removesuffix", bytes_removesuffix, 0, NULL}, \
    {"translate", gp_bytes_translate, GP_METH_KEYWORDS, NULL},                                     \
    {"maketrans", gp_bytes_maketrans, GP_METH_STATIC, NULL},                                       \
    {"expandtabs", gp_bytes_expandtabs, GP_METH_KEYWORDS, NULL},                                   \
    {"istitle", gp_bytes_istitle, 0, NULL}

static const gp_method_def_t bytes_methods[] = {
    SHARED_METHODS,
    {"__getnewargs__", bytes_getnewargs, 0, NULL},
    {"__bytes__", gp_bytes_bytes, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ */
/* bytearray-only methods                                               */
/* ------------------------------------------------------------------ */

static gp_object_t *bytearray_append(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (arity("append", nargs, 1, 1) < 0)
        return NULL;
    unsigned char c;
    if (byte_value(args[0], &c) < 0)
        return NULL;
    gp_bytearray_t *a = BYTEARRAY(self);
    if (bytearray_resize(a, (size_t)a->size + 1) < 0)
        return NULL;
    a->data[a->size - 1] = (char)c;
    return gp_none_new();
}

static gp_object_t *bytearray_extend(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (arity("extend", nargs, 1, 1) < 0)
        return NULL;
    if (gp_str_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "expected iterable of integers; got: 'str'");
        return NULL;
    }
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (bytes_collect(args[0], &b, false) < 0) {
        gp_strbuf_discard(&b);
        return NULL;
    }
    gp_bytearray_t *a = BYTEARRAY(self);
    size_t old = (size_t)a->size;
    int rc = b.failed ? (gp_err_no_memory(), -1) : bytearray_resize(a, old + b.len);
    if (rc == 0 && b.len)
        memcpy(a->data + old, b.data, b.len);
    gp_strbuf_discard(&b);
    return rc < 0 ? NULL : gp_none_new();
}

static gp_object_t *bytearray_pop(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (arity("pop", nargs, 0, 1) < 0)
        return NULL;
    gp_bytearray_t *a = BYTEARRAY(self);
    intptr_t i = -1;
    if (nargs) {
        i = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
        if (i == -1 && gp_err_occurred())
            return NULL;
    }
    i = gp_pop_index(i, a->size, "bytearray");
    if (i < 0)
        return NULL;
    unsigned char c = (unsigned char)a->data[i];
    if (bytearray_check_resize(a, (size_t)a->size - 1) < 0)
        return NULL;
    memmove(a->data + i, a->data + i + 1, (size_t)(a->size - i - 1));
    if (bytearray_resize(a, (size_t)a->size - 1) < 0)
        return NULL;
    return GP_SMALL_NEW(c);
}

static gp_object_t *bytearray_insert(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (arity("insert", nargs, 2, 2) < 0)
        return NULL;
    gp_bytearray_t *a = BYTEARRAY(self);
    intptr_t i = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (i == -1 && gp_err_occurred())
        return NULL;
    unsigned char c;
    if (byte_value(args[1], &c) < 0)
        return NULL;
    if (i < 0 && (i += a->size) < 0)
        i = 0;
    if (i > a->size)
        i = a->size;
    if (bytearray_resize(a, (size_t)a->size + 1) < 0)
        return NULL;
    memmove(a->data + i + 1, a->data + i, (size_t)(a->size - 1 - i));
    a->data[i] = (char)c;
    return gp_none_new();
}

static gp_object_t *bytearray_remove(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (arity("remove", nargs, 1, 1) < 0)
        return NULL;
    unsigned char c;
    if (byte_value(args[0], &c) < 0)
        return NULL;
    gp_bytearray_t *a = BYTEARRAY(self);
    char *p = a->size ? memchr(a->data, c, (size_t)a->size) : NULL;
    if (!p) {
        gp_err_set_string(&gp_exc_ValueError, "value not found in bytearray");
        return NULL;
    }
    if (bytearray_check_resize(a, (size_t)a->size - 1) < 0)
        return NULL;
    memmove(p, p + 1, (size_t)(a->data + a->size - p - 1));
    if (bytearray_resize(a, (size_t)a->size - 1) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *bytearray_clear(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (arity("clear", nargs, 0, 0) < 0)
        return NULL;
    if (bytearray_resize(BYTEARRAY(self), 0) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *bytearray_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (arity("copy", nargs, 0, 0) < 0)
        return NULL;
    return gp_bytearray_new(gp_bytes_data(self), gp_bytes_len(self));
}

static gp_object_t *bytearray_reverse(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (arity("reverse", nargs, 0, 0) < 0)
        return NULL;
    gp_bytearray_t *a = BYTEARRAY(self);
    for (intptr_t i = 0, j = a->size - 1; i < j; i++, j--) {
        char t = a->data[i];
        a->data[i] = a->data[j];
        a->data[j] = t;
    }
    return gp_none_new();
}

/* bytearray's reduction, as CPython's: (type, (text, 'latin-1'), state)
   below protocol 3, whose pickles could not hold bytes, and
   (type, (bytes,), state) from 3 on; state is the instance dict or None. */
static gp_object_t *bytearray_reduce_common(gp_object_t *self, int64_t protocol)
{
    const char *data;
    size_t len;
    if (!gp_bytes_like(self, &data, &len))
        return NULL;
    gp_object_t *raw = gp_bytes_new(data, len);
    if (!raw)
        return NULL;
    gp_object_t *ctor_args = NULL;
    if (protocol < 3) {
        gp_object_t *codec = gp_str_from_cstr("latin-1");
        gp_object_t *text = codec ? gp_object_call_method(raw, "decode", &codec, 1) : NULL;
        ctor_args = text ? gp_tuple_pack(2, text, codec) : NULL;
        GP_XDECREF(text);
        GP_XDECREF(codec);
    } else {
        ctor_args = gp_tuple_pack(1, raw);
    }
    GP_DECREF(raw);
    if (!ctor_args)
        return NULL;
    /* The state is __getstate__()'s: the instance dict, with the values
       of any __slots__ alongside, or None. */
    gp_object_t *state = gp_object_call_method(self, "__getstate__", NULL, 0);
    if (!state) {
        GP_DECREF(ctor_args);
        return NULL;
    }
    gp_object_t *res = gp_tuple_pack(3, (gp_object_t *)GP_TYPE(self), ctor_args, state);
    GP_DECREF(state);
    GP_DECREF(ctor_args);
    return res;
}

static gp_object_t *bytearray_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    (void)args;
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return bytearray_reduce_common(self, 2);
}

static gp_object_t *bytearray_reduce_ex(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce_ex__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int64_t protocol = gp_int_as_i64(args[0]);
    if (protocol == -1 && gp_err_occurred())
        return NULL;
    return bytearray_reduce_common(self, protocol);
}

static const gp_method_def_t bytearray_methods[] = {
    SHARED_METHODS,
    {"__reduce__", bytearray_reduce, 0, "Return state information for pickling."},
    {"__reduce_ex__", bytearray_reduce_ex, 0, "Return state information for pickling."},
    {"append", bytearray_append, 0, "Append a single item to the end of the bytearray."},
    {"extend", bytearray_extend, 0, "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"pop", bytearray_pop, 0, "Remove and return a single item from B."},
    {"insert", bytearray_insert, 0, "Insert a single item into the bytearray before the given index."},
    {"remove", bytearray_remove, 0, "Remove the first occurrence of a value in the bytearray."},
    {"clear", bytearray_clear, 0, "Remove all items from the bytearray."},
    {"copy", bytearray_copy, 0, "Return a copy of B."},
    {"reverse", bytearray_reverse, 0, "Reverse the order of the values in B in place."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_bytes_type = {
    GP_TYPE_HEAD_INIT,
    .name = "bytes",
    .basicsize = offsetof(gp_bytes_t, data) + 1,
    .itemsize = 1,
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_BYTES_SUBCLASS,
    .dealloc = bytes_dealloc,
    .new_ = bytes_new_slot,
    .repr = bytes_repr,
    .str = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .binop = bytes_binop,
    .len = bytes_len_slot,
    .getitem = bytes_getitem,
    .contains = bytes_contains,
    .methods = bytes_methods,
    .doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
           "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
           "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
           "bytes() -> empty bytes object",
};

gp_type_t gp_bytearray_type = {
    GP_TYPE_HEAD_INIT,
    .name = "bytearray",
    .basicsize = sizeof(gp_bytearray_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = bytearray_dealloc,
    .new_ = bytearray_new_slot,
    .init = bytearray_init,
    .repr = bytearray_repr,
    .str = bytearray_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = bytes_richcompare,
    .iter = bytes_iter,
    .binop = bytes_binop,
    .len = bytes_len_slot,
    .getitem = bytes_getitem,
    .setitem = bytearray_setitem,
    .contains = bytes_contains,
    .methods = bytearray_methods,
    .doc = "bytearray(iterable_of_ints) -> bytearray\n"
           "bytearray(string, encoding[, errors]) -> bytearray\n"
           "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
           "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
           "bytearray() -> empty bytes array",
};
