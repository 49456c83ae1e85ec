/*
 * memoryview.c - the buffer protocol (gp_buffer_get/release) and memoryview.
 *
 * Design notes
 * ------------
 * See memoryview.h for the protocol. A memoryview records where its first
 * item starts ([buf]), how many items it has ([length]), the distance in
 * bytes between two items ([stride], negative for m[::-1]) and the item
 * format. Slicing only recomputes those four numbers, so m[a:b:c] never
 * copies. The underlying object ([obj]: a bytes or bytearray, never another
 * memoryview) is kept alive by a reference, and a bytearray also by an
 * export, which forbids resizing it and so keeps [buf] valid.
 *
 * After release() every operation except repr, release and the identity
 * comparison raises "operation forbidden on released memoryview object", as
 * in CPython.
 *
 * Items are read and written through item_unpack()/item_pack(), which know
 * the native struct codes. Byte formats ('B', 'b', 'c') are the fast,
 * common case: tobytes(), ==, hashing and the bytes-like fast paths in
 * bytes.c see a contiguous view as plain memory.
 *
 * Views are short-lived in buffer code (`view[a:b]` per packet or field),
 * so two costs are kept off that path. A view remembers in [exports]
 * whether it holds a bytearray export, instead of asking the type of its
 * object again on every release. And dead views go onto a small free list
 * (chained through [obj]) that mv_alloc takes from first, as tuple.c does
 * for small tuples; gp_memoryview_clear_free_list() empties it at runtime
 * shutdown. Work that runs no Python code between reading a buffer and
 * finishing with it (slice assignment, comparison) reads the memory
 * directly instead of taking and giving back an export.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj/memoryview.h"
#include "obj/str.h"
#include "runtime/runtime.h"

typedef struct gp_memoryview {
    gp_object_t base;
    gp_object_t *obj; /* bytes or bytearray; NULL once released */
    char *buf;        /* the first item */
    intptr_t length;  /* number of items (shape[0]) */
    intptr_t stride;  /* bytes from one item to the next */
    intptr_t itemsize;
    intptr_t hash;     /* -1 until computed */
    char format;       /* the struct code, without any '@' */
    bool format_at;    /* the format was given as "@X": format reports it so */
    bool readonly;
    bool released;
    bool exports;      /* [obj] is a bytearray whose export count we raised */
} gp_memoryview_t;

#define MV(o) ((gp_memoryview_t *)(o))

static const char released_message[] = "operation forbidden on released memoryview object";

/* ------------------------------------------------------------------ */
/* Item formats                                                         */
/* ------------------------------------------------------------------ */

/* The size of one item of the native struct code [f], or 0 if unsupported. */
static intptr_t format_itemsize(char f)
{
    switch (f) {
    case 'b': case 'B': case 'c': case '?':
        return 1;
    case 'h': case 'H':
        return 2;
    case 'i': case 'I': case 'f':
        return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P':
        return 8;
    default:
        return 0;
    }
}

static bool format_is_byte(char f)
{
    return f == 'B' || f == 'b' || f == 'c';
}

/* Parses a format string: one code, optionally after '@'. Returns the code,
   or 0 when it is not a native single-character format. */
static char format_parse(const char *s, size_t len)
{
    if (len == 2 && s[0] == '@') {
        s++;
        len--;
    }
    if (len != 1 || !format_itemsize(s[0]))
        return 0;
    return s[0];
}

/* The Python value of the item at [p]. */
static gp_object_t *item_unpack(char f, const char *p)
{
    switch (f) {
    case 'B': return GP_SMALL_NEW(*(const unsigned char *)p);
    case 'b': return GP_SMALL_NEW(*(const signed char *)p);
    case 'c': return gp_bytes_new(p, 1);
    case '?': return gp_bool_from(*p != 0);
    case 'h': { short v; memcpy(&v, p, sizeof v); return GP_SMALL_NEW(v); }
    case 'H': { unsigned short v; memcpy(&v, p, sizeof v); return GP_SMALL_NEW(v); }
    case 'i': { int32_t v; memcpy(&v, p, sizeof v); return GP_SMALL_NEW(v); }
    case 'I': { uint32_t v; memcpy(&v, p, sizeof v); return GP_SMALL_NEW(v); }
    case 'l': case 'q': case 'n': { int64_t v; memcpy(&v, p, sizeof v); return gp_int_from_i64(v); }
    case 'L': case 'Q': case 'N': case 'P': { uint64_t v; memcpy(&v, p, sizeof v); return gp_int_from_u64(v); }
    case 'f': { float v; memcpy(&v, p, sizeof v); return gp_float_new(v); }
    default: { double v; memcpy(&v, p, sizeof v); return gp_float_new(v); }
    }
}

static int item_invalid(gp_type_t *type, const char *what, char f)
{
    gp_err_format(type, "memoryview: invalid %s for format '%c'", what, f);
    return -1;
}

static int item_pack_int(char f, char *p, gp_object_t *v);

/* Stores [v] as an item of format [f] at [p], with CPython's errors. */
static int item_pack(char f, char *p, gp_object_t *v)
{
    if (f == 'c') {
        if (!gp_bytes_check(v))
            return item_invalid(&gp_exc_TypeError, "type", f);
        if (gp_bytes_len(v) != 1)
            return item_invalid(&gp_exc_ValueError, "value", f);
        *p = gp_bytes_data(v)[0];
        return 0;
    }
    if (f == 'f' || f == 'd') {
        /* Anything float() of a number takes: __float__ and __index__. */
        double d = gp_float_as_double(v);
        if (d == -1.0 && gp_err_occurred()) {
            if (!gp_err_matches(&gp_exc_TypeError))
                return -1;
            gp_err_clear();
            return item_invalid(&gp_exc_TypeError, "type", f);
        }
        if (f == 'f') {
            float x = (float)d;
            memcpy(p, &x, sizeof x);
        } else {
            memcpy(p, &d, sizeof d);
        }
        return 0;
    }
    if (f == '?') {
        int t = gp_object_is_true(v);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    if (!gp_int_check(v) && !GP_TYPE(v)->to_index)
        return item_invalid(&gp_exc_TypeError, "type", f);
    /* Objects with __index__ store their integer value. */
    gp_object_t *index = gp_number_index(v);
    if (!index)
        return -1;
    int rc = item_pack_int(f, p, index);
    GP_DECREF(index);
    return rc;
}

/* item_pack for the integer formats, given an int [v]. */
static int item_pack_int(char f, char *p, gp_object_t *v)
{
    int overflow;
    int64_t x = gp_int_as_i64_overflow(v, &overflow);
    bool is_unsigned = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N' ||
                       f == 'P';
    intptr_t size = format_itemsize(f);
    if (overflow) {
        /* Only unsigned 64-bit items can hold values past INT64_MAX. */
        if (overflow < 0 || !is_unsigned || size != 8)
            return item_invalid(&gp_exc_ValueError, "value", f);
        gp_object_t *s = gp_int_to_string(v, 10);
        if (!s)
            return -1;
        errno = 0;
        unsigned long long u = strtoull(gp_str_utf8(s), NULL, 10);
        GP_DECREF(s);
        if (errno == ERANGE)
            return item_invalid(&gp_exc_ValueError, "value", f);
        memcpy(p, &u, 8);
        return 0;
    }
    if (is_unsigned) {
        if (x < 0 || (size < 8 && (uint64_t)x >> (size * 8)))
            return item_invalid(&gp_exc_ValueError, "value", f);
    } else if (size < 8) {
        int64_t lim = (int64_t)1 << (size * 8 - 1);
        if (x < -lim || x >= lim)
            return item_invalid(&gp_exc_ValueError, "value", f);
    }
    switch (size) {
    case 1: *p = (char)x; break;
    case 2: { int16_t y = (int16_t)x; memcpy(p, &y, 2); break; }
    case 4: { int32_t y = (int32_t)x; memcpy(p, &y, 4); break; }
    default: memcpy(p, &x, 8); break;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The buffer protocol                                                  */
/* ------------------------------------------------------------------ */


static bool mv_contiguous(gp_memoryview_t *m)
{
    return m->stride == m->itemsize || m->length <= 1;
}

bool gp_buffer_check(gp_object_t *o)
{
    return gp_bytes_check(o) || gp_is_bytearray(o) || gp_memoryview_check(o) ||
           gp_buffer_procs_of(o) != NULL; /* added by array */
}

int gp_buffer_get(gp_object_t *o, gp_buffer_t *view, int flags)
{
    memset(view, 0, sizeof *view);
    gp_object_t *exporter = NULL;
    if (gp_bytes_check(o)) {
        view->data = (char *)gp_bytes_data(o);
        view->len = gp_bytes_len(o);
        view->readonly = true;
    } else if (gp_is_bytearray(o)) {
        view->data = (char *)gp_bytes_data(o);
        view->len = gp_bytes_len(o);
        exporter = o;
    } else if (gp_memoryview_check(o)) {
        gp_memoryview_t *m = MV(o);
        if (m->released) {
            gp_err_set_string(&gp_exc_ValueError, released_message);
            return -1;
        }
        if (!mv_contiguous(m)) {
            gp_err_set_string(&gp_exc_BufferError,
                              "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        view->data = m->buf;
        view->len = (size_t)(m->length * m->itemsize);
        view->readonly = m->readonly;
        if (m->exports)
            exporter = m->obj;
    } else if (gp_buffer_procs_of(o)) { /* added by array */
        char format;
        gp_buffer_procs_of(o)->describe(o, &view->data, &view->len, &format);
        exporter = o;
    } else {
        gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", o);
        return -1;
    }
    if ((flags & GP_BUFFER_WRITABLE) && view->readonly) {
        gp_err_set_string(&gp_exc_BufferError, "Object is not writable.");
        return -1;
    }
    if (exporter) {
        gp_bytearray_export(exporter, 1);
        view->exporter = GP_INCREF(exporter);
    }
    view->obj = GP_INCREF(o);
    return 0;
}

void gp_buffer_release(gp_buffer_t *view)
{
    if (view->exporter) {
        gp_bytearray_export(view->exporter, -1);
        GP_CLEAR(view->exporter);
    }
    GP_CLEAR(view->obj);
    view->data = NULL;
    view->len = 0;
}

bool gp_memoryview_bytes(gp_object_t *o, const char **data, size_t *len)
{
    gp_memoryview_t *m = MV(o);
    if (m->released || !mv_contiguous(m))
        return false;
    *data = m->buf ? m->buf : "";
    *len = (size_t)(m->length * m->itemsize);
    return true;
}

/* ------------------------------------------------------------------ */
/* Construction and release                                             */
/* ------------------------------------------------------------------ */

/* Enough to absorb the views one statement of buffer code creates and drops;
   more would only hold memory a busy program has finished with. */
enum { MV_FREE_MAX = 16 };

static gp_memoryview_t *mv_free_list;
static int mv_free_count;

void gp_memoryview_clear_free_list(void)
{
    while (mv_free_list) {
        gp_memoryview_t *m = mv_free_list;
        mv_free_list = (gp_memoryview_t *)m->obj;
        gp_object_free((gp_object_t *)m);
    }
    mv_free_count = 0;
}

/* A view of [obj] (bytes or bytearray) starting at [buf]; [exports] says
   whether [obj] is a bytearray (the caller usually knows already). */
static gp_memoryview_t *mv_alloc(gp_object_t *obj, bool exports, char *buf, intptr_t length,
                                 intptr_t stride, char format, bool readonly)
{
    gp_memoryview_t *m = mv_free_list;
    if (m) {
        mv_free_list = (gp_memoryview_t *)m->obj;
        mv_free_count--;
        m->base.refcnt = 1;
    } else {
        m = (gp_memoryview_t *)gp_object_alloc(&gp_memoryview_type, 0);
        if (!m)
            return NULL;
    }
    m->obj = GP_INCREF(obj);
    m->buf = buf;
    m->length = length;
    m->stride = stride;
    m->format = format;
    m->itemsize = format_itemsize(format);
    m->readonly = readonly;
    m->released = false;
    m->format_at = false;
    m->hash = -1;
    m->exports = exports;
    if (exports)
        gp_bytearray_export(obj, 1);
    return m;
}

/* A new view with the same window as [m]. */
static gp_memoryview_t *mv_copy(gp_memoryview_t *m)
{
    gp_memoryview_t *r = mv_alloc(m->obj, m->exports, m->buf, m->length, m->stride, m->format,
                                  m->readonly);
    if (r)
        r->format_at = m->format_at;
    return r;
}

static gp_object_t *mv_from_object(gp_object_t *o)
{
    if (gp_memoryview_check(o)) {
        if (MV(o)->released) {
            gp_err_set_string(&gp_exc_ValueError, released_message);
            return NULL;
        }
        return (gp_object_t *)mv_copy(MV(o));
    }
    if (gp_bytes_check(o) || gp_is_bytearray(o)) {
        intptr_t n = (intptr_t)gp_bytes_len(o);
        bool mutable = gp_is_bytearray(o);
        return (gp_object_t *)mv_alloc(o, mutable, (char *)gp_bytes_data(o), n, 1, 'B', !mutable);
    }
    const gp_buffer_procs_t *procs = gp_buffer_procs_of(o); /* added by array */
    if (procs) {
        char *data;
        size_t len;
        char format;
        procs->describe(o, &data, &len, &format);
        intptr_t itemsize = format_itemsize(format);
        return (gp_object_t *)mv_alloc(o, true, data, (intptr_t)len / itemsize, itemsize, format,
                                       false);
    }
    gp_err_format(&gp_exc_TypeError, "memoryview: a bytes-like object is required, not '%T'", o);
    return NULL;
}

static gp_object_t *mv_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                           gp_object_t *kwnames)
{
    static const char *const names[] = {"object", NULL};
    gp_object_t *out[1] = {NULL};
    if (gp_args_parse("memoryview", args, nargs, kwnames, names, 1, out) < 0)
        return NULL;
    return mv_from_object(out[0]);
}

/* Drops the view's hold on its object. */
static void mv_do_release(gp_memoryview_t *m)
{
    if (m->released)
        return;
    m->released = true;
    if (m->exports)
        gp_bytearray_export(m->obj, -1);
    m->exports = false;
    GP_CLEAR(m->obj);
    m->buf = NULL;
}

static void mv_dealloc(gp_object_t *o)
{
    gp_memoryview_t *m = MV(o);
    mv_do_release(m);
    if (mv_free_count < MV_FREE_MAX) {
        m->obj = (gp_object_t *)mv_free_list;
        mv_free_list = m;
        mv_free_count++;
        return;
    }
    gp_object_free(o);
}

/* Sets the released-view error and returns true when [m] is released. */
static bool mv_released(gp_memoryview_t *m)
{
    if (!m->released)
        return false;
    gp_err_set_string(&gp_exc_ValueError, released_message);
    return true;
}

gp_object_t *gp_memoryview_tobytes(gp_object_t *o)
{
    gp_memoryview_t *m = MV(o);
    if (mv_released(m))
        return NULL;
    size_t n = (size_t)(m->length * m->itemsize);
    if (mv_contiguous(m))
        return gp_bytes_new(m->buf, n);
    gp_object_t *r = gp_bytes_new(NULL, n);
    if (!r)
        return NULL;
    char *out = (char *)gp_bytes_data(r);
    for (intptr_t i = 0; i < m->length; i++)
        memcpy(out + i * m->itemsize, m->buf + i * m->stride, (size_t)m->itemsize);
    return r;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */
/* ------------------------------------------------------------------ */

static gp_object_t *mv_repr(gp_object_t *o)
{
    return gp_str_from_format(MV(o)->released ? "<released memory at %p>" : "<memory at %p>",
                              (void *)o);
}

static intptr_t mv_len(gp_object_t *o)
{
    if (mv_released(MV(o)))
        return -1;
    return MV(o)->length;
}

static intptr_t mv_hash(gp_object_t *o)
{
    gp_memoryview_t *m = MV(o);
    if (m->hash != -1)
        return m->hash;
    if (mv_released(m))
        return -1;
    if (!m->readonly) {
        gp_err_set_string(&gp_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    if (!format_is_byte(m->format)) {
        gp_err_set_string(&gp_exc_ValueError,
                          "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
        return -1;
    }
    gp_object_t *b = gp_memoryview_tobytes(o);
    if (!b)
        return -1;
    /* Equal to hash(bytes) of the same contents, as CPython promises. */
    m->hash = gp_object_hash(b);
    GP_DECREF(b);
    return m->hash;
}

/* Resolves an integer index against [m], with CPython's errors. */
static int mv_index(gp_memoryview_t *m, gp_object_t *key, intptr_t *out)
{
    intptr_t i = GP_IS_SMALL(key) ? GP_SMALL_VALUE(key) : gp_number_as_ssize(key, &gp_exc_IndexError);
    if (i == -1 && gp_err_occurred())
        return -1;
    if (i < 0)
        i += m->length;
    if (i < 0 || i >= m->length) {
        gp_err_set_string(&gp_exc_IndexError, "index out of bounds on dimension 1");
        return -1;
    }
    *out = i;
    return 0;
}

static bool is_index_key(gp_object_t *key)
{
    return gp_int_check(key) || (GP_TYPE(key)->to_index && !gp_float_check(key));
}

/* Raises the error for a key that is neither an index nor a slice. */
static void mv_bad_key(gp_object_t *key)
{
    if (gp_tuple_check(key) && GP_TUPLE_SIZE(key) > 1)
        gp_err_format(&gp_exc_TypeError, "cannot index 1-dimension view with %zd-element tuple",
                      GP_TUPLE_SIZE(key));
    else
        gp_err_set_string(&gp_exc_TypeError, "memoryview: invalid slice key");
}

static gp_object_t *mv_getitem(gp_object_t *o, gp_object_t *key)
{
    gp_memoryview_t *m = MV(o);
    if (mv_released(m))
        return NULL;
    /* Converting the key may run __index__, which may release the view:
       it is checked again before the memory is touched. */
    if (is_index_key(key)) {
        intptr_t i;
        if (mv_index(m, key, &i) < 0 || mv_released(m))
            return NULL;
        return item_unpack(m->format, m->buf + i * m->stride);
    }
    if (GP_IS_TYPE(key, gp_slice_type)) {
        /* The new view is made (holding the memory) before the slice is
           read, as CPython does, so a release during __index__ leaves it
           valid. */
        gp_memoryview_t *r = mv_alloc(m->obj, m->exports, m->buf, m->length, m->stride,
                                      m->format, m->readonly);
        if (!r)
            return NULL;
        r->format_at = m->format_at;
        intptr_t start, stop, step;
        intptr_t count = gp_slice_indices(key, r->length, &start, &stop, &step);
        if (count < 0) {
            GP_DECREF((gp_object_t *)r);
            return NULL;
        }
        if (count)
            r->buf += start * r->stride;
        r->length = count;
        r->stride *= step;
        return (gp_object_t *)r;
    }
    mv_bad_key(key);
    return NULL;
}

/* Describes the items of a bytes-like [o] in [out] (only buf, length,
   stride, itemsize and format are filled): a view's own window, or a
   bytes/bytearray seen as unsigned bytes. The memory is borrowed, valid
   until Python code next runs. -1 with CPython's error otherwise. */
static int mv_describe(gp_object_t *o, gp_memoryview_t *out)
{
    memset(out, 0, sizeof *out);
    if (gp_memoryview_check(o)) {
        if (mv_released(MV(o)))
            return -1;
        *out = *MV(o);
        return 0;
    }
    const char *data;
    size_t len;
    if (gp_bytes_like(o, &data, &len)) {
        out->buf = (char *)data;
        out->length = (intptr_t)len;
        out->stride = out->itemsize = 1;
        out->format = 'B';
        return 0;
    }
    gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return -1;
}

static int mv_setitem(gp_object_t *o, gp_object_t *key, gp_object_t *value)
{
    gp_memoryview_t *m = MV(o);
    if (mv_released(m))
        return -1;
    if (m->readonly) {
        gp_err_set_string(&gp_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        gp_err_set_string(&gp_exc_TypeError, "cannot delete memory");
        return -1;
    }
    /* Converting the key or the value may run Python code that releases
       the view, so the item is packed aside and the view checked again
       before its memory is written. */
    if (is_index_key(key)) {
        intptr_t i;
        char item[16];
        if (mv_index(m, key, &i) < 0 || mv_released(m))
            return -1;
        if (item_pack(m->format, item, value) < 0 || mv_released(m))
            return -1;
        memcpy(m->buf + i * m->stride, item, (size_t)m->itemsize);
        return 0;
    }
    if (!GP_IS_TYPE(key, gp_slice_type)) {
        mv_bad_key(key);
        return -1;
    }
    intptr_t start, stop, step;
    intptr_t count = gp_slice_indices(key, m->length, &start, &stop, &step);
    if (count < 0 || mv_released(m))
        return -1;
    /* The source: any buffer whose items have the same format and count,
       with any strides (m[::2] = other[1::2] is fine). Copying runs no
       Python code, so its memory is read in place, without an export. */
    gp_memoryview_t src;
    if (mv_describe(value, &src) < 0)
        return -1;
    if (src.format != m->format || src.length != count) {
        gp_err_set_string(&gp_exc_ValueError,
                          "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    if (count == 0)
        return 0;
    char *dst = m->buf + start * m->stride;
    intptr_t dst_stride = m->stride * step;
    size_t nbytes = (size_t)(count * m->itemsize);
    if (dst_stride == m->itemsize && src.stride == src.itemsize) {
        /* The common case, m[a:b] = other: one move (the two may overlap). */
        memmove(dst, src.buf, nbytes);
        return 0;
    }
    /* Gather the source first: the two windows may share memory. */
    char *tmp = gp_mem_alloc(nbytes);
    if (!tmp) {
        gp_err_no_memory();
        return -1;
    }
    for (intptr_t k = 0; k < count; k++)
        memcpy(tmp + k * m->itemsize, src.buf + k * src.stride, (size_t)m->itemsize);
    for (intptr_t k = 0; k < count; k++)
        memcpy(dst + k * dst_stride, tmp + k * m->itemsize, (size_t)m->itemsize);
    gp_mem_free(tmp);
    return 0;
}

/* Unpacks every item of [m] into a new list. */
static gp_object_t *mv_tolist_impl(gp_memoryview_t *m)
{
    gp_object_t *list = gp_list_new((size_t)m->length);
    if (!list)
        return NULL;
    for (intptr_t i = 0; i < m->length; i++) {
        gp_object_t *item = item_unpack(m->format, m->buf + i * m->stride);
        if (!item) {
            GP_DECREF(list);
            return NULL;
        }
        GP_LIST_SET(list, i, item);
    }
    return list;
}

/* memoryview == other: equal shapes and equal items, compared by value
   (so a 'B' view equals a 'b' view only where the values agree). */
static gp_object_t *mv_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (op != GP_CMP_EQ && op != GP_CMP_NE)
        return GP_INCREF(gp_NotImplemented);
    /* A view equals itself unless it holds a NaN: floats are compared by
       value, as CPython does, so only float formats skip this shortcut. */
    if (a == b && (MV(a)->released || (MV(a)->format != 'f' && MV(a)->format != 'd')))
        return gp_bool_from(op == GP_CMP_EQ);
    gp_object_t *self = gp_memoryview_check(a) ? a : b, *other = self == a ? b : a;
    if (!gp_buffer_check(other))
        return GP_INCREF(gp_NotImplemented);
    gp_memoryview_t *m = MV(self);
    if (m->released || (gp_memoryview_check(other) && MV(other)->released))
        return gp_bool_from(op == GP_CMP_NE);
    /* bytes or bytearray are seen as unsigned bytes without allocating. */
    gp_memoryview_t other_items;
    if (mv_describe(other, &other_items) < 0)
        return NULL;
    gp_memoryview_t *w = &other_items;
    bool equal = m->length == w->length;
    if (equal && m->format == w->format && m->format != 'f' && m->format != 'd' &&
        mv_contiguous(m) && mv_contiguous(w)) {
        equal = m->length == 0 || memcmp(m->buf, w->buf, (size_t)(m->length * m->itemsize)) == 0;
    } else {
        for (intptr_t i = 0; equal && i < m->length; i++) {
            gp_object_t *x = item_unpack(m->format, m->buf + i * m->stride);
            gp_object_t *y = x ? item_unpack(w->format, w->buf + i * w->stride) : NULL;
            int r = y ? gp_object_eq(x, y) : -1;
            GP_XDECREF(x);
            GP_XDECREF(y);
            if (r < 0)
                return NULL;
            equal = r == 1;
        }
    }
    return gp_bool_from(equal == (op == GP_CMP_EQ));
}

/* ------------------------------------------------------------------ */
/* Iteration                                                            */
/* ------------------------------------------------------------------ */

typedef struct mv_iterator {
    gp_object_t base;
    gp_object_t *view; /* NULL once exhausted */
    intptr_t index;
} mv_iterator_t;

static gp_object_t *mv_iter(gp_object_t *o)
{
    if (mv_released(MV(o)))
        return NULL;
    mv_iterator_t *it = (mv_iterator_t *)gp_object_alloc(&gp_memoryview_iterator_type, 0);
    if (!it)
        return NULL;
    it->view = GP_INCREF(o);
    it->index = 0;
    return (gp_object_t *)it;
}

static gp_object_t *mv_iterator_next(gp_object_t *o)
{
    mv_iterator_t *it = (mv_iterator_t *)o;
    if (!it->view)
        return NULL;
    gp_memoryview_t *m = MV(it->view);
    if (mv_released(m))
        return NULL;
    if (it->index >= m->length) {
        GP_CLEAR(it->view);
        return NULL;
    }
    return item_unpack(m->format, m->buf + it->index++ * m->stride);
}

static void mv_iterator_dealloc(gp_object_t *o)
{
    GP_XDECREF(((mv_iterator_t *)o)->view);
    gp_object_free(o);
}

static gp_object_t *mv_iterator_self(gp_object_t *o)
{
    return GP_INCREF(o);
}

gp_type_t gp_memoryview_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "memory_iterator",
    .basicsize = sizeof(mv_iterator_t),
    .dealloc = mv_iterator_dealloc,
    .iter = mv_iterator_self,
    .iternext = mv_iterator_next,
};

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *mv_tobytes(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const names[] = {"order", NULL};
    gp_object_t *out[1] = {NULL};
    if ((nargs || kwnames) && gp_args_parse("tobytes", args, nargs, kwnames, names, 0, out) < 0)
        return NULL;
    if (out[0] && out[0] != gp_None) {
        if (!gp_str_check(out[0])) {
            gp_err_format(&gp_exc_TypeError, "tobytes() argument 'order' must be str or None, not %T",
                          out[0]);
            return NULL;
        }
        const char *s = gp_str_utf8(out[0]);
        if (strcmp(s, "C") != 0 && strcmp(s, "F") != 0 && strcmp(s, "A") != 0) {
            gp_err_set_string(&gp_exc_ValueError, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
    }
    return gp_memoryview_tobytes(self);
}

static gp_object_t *mv_tolist(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (gp_args_check("memoryview.tolist", nargs, kwnames, 0, 0) < 0 || mv_released(MV(self)))
        return NULL;
    return mv_tolist_impl(MV(self));
}

static gp_object_t *mv_hex(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                           gp_object_t *kwnames)
{
    if (mv_released(MV(self)))
        return NULL;
    if (mv_contiguous(MV(self)))
        return gp_bytes_hex(self, args, nargs, kwnames);
    gp_object_t *b = gp_memoryview_tobytes(self);
    if (!b)
        return NULL;
    gp_object_t *r = gp_bytes_hex(b, args, nargs, kwnames);
    GP_DECREF(b);
    return r;
}

static gp_object_t *mv_release(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("memoryview.release", nargs, kwnames, 0, 0) < 0)
        return NULL;
    mv_do_release(MV(self));
    return gp_none_new();
}

static gp_object_t *mv_enter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (gp_args_check("memoryview.__enter__", nargs, kwnames, 0, 0) < 0 || mv_released(MV(self)))
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *mv_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    mv_do_release(MV(self));
    return gp_none_new();
}

static gp_object_t *mv_toreadonly(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("memoryview.toreadonly", nargs, kwnames, 0, 0) < 0 || mv_released(MV(self)))
        return NULL;
    gp_memoryview_t *r = mv_copy(MV(self));
    if (r)
        r->readonly = true;
    return (gp_object_t *)r;
}

/* The single dimension a cast's [shape] argument asks for, or -1. */
static intptr_t cast_shape(gp_object_t *shape)
{
    if (!gp_list_check(shape) && !gp_tuple_check(shape)) {
        gp_err_set_string(&gp_exc_TypeError, "shape must be a list or a tuple");
        return -1;
    }
    gp_object_t *t = gp_list_check(shape) ? gp_list_as_tuple(shape) : GP_INCREF(shape);
    if (!t)
        return -1;
    intptr_t n = -1;
    if (GP_TUPLE_SIZE(t) != 1) {
        /* Multi-dimensional views are not part of gilpy's memoryview. */
        gp_err_set_string(&gp_exc_NotImplementedError,
                          "memoryview: only one-dimensional casts are supported");
    } else if (!gp_int_check(GP_TUPLE_GET(t, 0))) {
        gp_err_set_string(&gp_exc_TypeError, "memoryview.cast(): elements of shape must be integers");
    } else {
        n = gp_number_as_ssize(GP_TUPLE_GET(t, 0), &gp_exc_OverflowError);
        if (n <= 0 && !gp_err_occurred()) {
            gp_err_set_string(&gp_exc_ValueError,
                              "memoryview.cast(): elements of shape must be integers > 0");
            n = -1;
        }
    }
    GP_DECREF(t);
    return n;
}

static gp_object_t *mv_cast(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    static const char *const names[] = {"format", "shape", NULL};
    gp_object_t *out[2] = {NULL, NULL};
    if (gp_args_parse("cast", args, nargs, kwnames, names, 1, out) < 0)
        return NULL;
    gp_memoryview_t *m = MV(self);
    if (mv_released(m))
        return NULL;
    if (!gp_str_check(out[0])) {
        gp_err_format(&gp_exc_TypeError, "cast() argument 'format' must be str, not %T", out[0]);
        return NULL;
    }
    if (!mv_contiguous(m)) {
        gp_err_set_string(&gp_exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    char f = format_parse(gp_str_utf8(out[0]), gp_str_utf8_len(out[0]));
    if (!f) {
        gp_err_set_string(&gp_exc_ValueError,
                          "memoryview: destination format must be a native single character "
                          "format prefixed with an optional '@'");
        return NULL;
    }
    if (!format_is_byte(m->format) && !format_is_byte(f)) {
        gp_err_set_string(&gp_exc_TypeError, "memoryview: cannot cast between two non-byte formats");
        return NULL;
    }
    intptr_t nbytes = m->length * m->itemsize, size = format_itemsize(f);
    intptr_t length = nbytes / size;
    if (out[1]) {
        intptr_t want = cast_shape(out[1]);
        if (want < 0)
            return NULL;
        if (want * size != nbytes) {
            gp_err_set_string(&gp_exc_TypeError,
                              "memoryview: product(shape) * itemsize != buffer size");
            return NULL;
        }
    } else if (nbytes % size != 0) {
        gp_err_set_string(&gp_exc_TypeError, "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    gp_memoryview_t *r = mv_alloc(m->obj, m->exports, m->buf, length, size, f, m->readonly);
    if (r)
        r->format_at = gp_str_utf8(out[0])[0] == '@';
    return (gp_object_t *)r;
}

static const gp_method_def_t mv_methods[] = {
    {"tobytes", mv_tobytes, GP_METH_KEYWORDS, "Return the data in the buffer as a byte string."},
    {"tolist", mv_tolist, 0, "Return the data in the buffer as a list of elements."},
    {"hex", mv_hex, GP_METH_KEYWORDS, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"release", mv_release, 0, "Release the underlying buffer exposed by the memoryview object."},
    {"cast", mv_cast, GP_METH_KEYWORDS, "Cast a memoryview to a new format or shape."},
    {"toreadonly", mv_toreadonly, 0, "Return a readonly version of the memoryview."},
    {"__enter__", mv_enter, 0, NULL},
    {"__exit__", mv_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ */
/* Attributes                                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *mv_get_obj(gp_object_t *self, void *closure)
{
    return mv_released(MV(self)) ? NULL : GP_INCREF(MV(self)->obj);
}

/* The integer attributes, chosen by [closure]. */
enum { ATTR_NBYTES, ATTR_ITEMSIZE, ATTR_NDIM };

static gp_object_t *mv_get_int(gp_object_t *self, void *closure)
{
    gp_memoryview_t *m = MV(self);
    if (mv_released(m))
        return NULL;
    switch ((int)(intptr_t)closure) {
    case ATTR_NBYTES: return gp_int_from_i64(m->length * m->itemsize);
    case ATTR_ITEMSIZE: return gp_int_from_i64(m->itemsize);
    default: return GP_SMALL_NEW(1);
    }
}

enum { FLAG_READONLY, FLAG_C_CONTIGUOUS, FLAG_F_CONTIGUOUS, FLAG_CONTIGUOUS };

static gp_object_t *mv_get_flag(gp_object_t *self, void *closure)
{
    gp_memoryview_t *m = MV(self);
    if (mv_released(m))
        return NULL;
    if ((intptr_t)closure == FLAG_READONLY)
        return gp_bool_from(m->readonly);
    return gp_bool_from(mv_contiguous(m));
}

static gp_object_t *mv_get_format(gp_object_t *self, void *closure)
{
    if (mv_released(MV(self)))
        return NULL;
    char s[3] = {'@', MV(self)->format, 0};
    return gp_str_from_cstr(MV(self)->format_at ? s : s + 1);
}

/* shape, strides and suboffsets are tuples of one entry per dimension. */
enum { TUPLE_SHAPE, TUPLE_STRIDES, TUPLE_SUBOFFSETS };

static gp_object_t *mv_get_tuple(gp_object_t *self, void *closure)
{
    gp_memoryview_t *m = MV(self);
    if (mv_released(m))
        return NULL;
    switch ((int)(intptr_t)closure) {
    case TUPLE_SHAPE: return gp_tuple_pack(1, gp_int_from_i64(m->length));
    case TUPLE_STRIDES: return gp_tuple_pack(1, gp_int_from_i64(m->stride));
    default: return GP_INCREF(gp_empty_tuple);
    }
}

static const gp_getset_def_t mv_getsets[] = {
    {"obj", mv_get_obj, NULL, NULL, "The underlying object of the memoryview."},
    {"nbytes", mv_get_int, NULL, (void *)ATTR_NBYTES, NULL},
    {"itemsize", mv_get_int, NULL, (void *)ATTR_ITEMSIZE, NULL},
    {"ndim", mv_get_int, NULL, (void *)ATTR_NDIM, NULL},
    {"readonly", mv_get_flag, NULL, (void *)FLAG_READONLY, NULL},
    {"c_contiguous", mv_get_flag, NULL, (void *)FLAG_C_CONTIGUOUS, NULL},
    {"f_contiguous", mv_get_flag, NULL, (void *)FLAG_F_CONTIGUOUS, NULL},
    {"contiguous", mv_get_flag, NULL, (void *)FLAG_CONTIGUOUS, NULL},
    {"format", mv_get_format, NULL, NULL, NULL},
    {"shape", mv_get_tuple, NULL, (void *)TUPLE_SHAPE, NULL},
    {"strides", mv_get_tuple, NULL, (void *)TUPLE_STRIDES, NULL},
    {"suboffsets", mv_get_tuple, NULL, (void *)TUPLE_SUBOFFSETS, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_memoryview_type = {
    GP_TYPE_HEAD_INIT,
    .name = "memoryview",
    .basicsize = sizeof(gp_memoryview_t),
    .dealloc = mv_dealloc,
    .new_ = mv_new,
    .repr = mv_repr,
    .hash = mv_hash,
    .richcompare = mv_richcompare,
    .iter = mv_iter,
    .len = mv_len,
    .getitem = mv_getitem,
    .setitem = mv_setitem,
    .methods = mv_methods,
    .getsets = mv_getsets,
    .doc = "Create a new memoryview object which references the given object.",
};
