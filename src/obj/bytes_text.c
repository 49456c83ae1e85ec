/*
 * bytes_text.c - the byte-table methods of bytes and bytearray: translate()
 * and maketrans(), expandtabs() and istitle().
 *
 * Design notes
 * ------------
 * These treat bytes as ASCII text, like the rest of the bytes methods in
 * bytes.c (which is long enough already): cased letters are A-Z and a-z
 * only, and a translation table is any bytes-like object of exactly 256
 * bytes (None meaning "keep every byte"). Each method returns an object of
 * the receiver's kind: bytes for bytes (and its subclasses), bytearray for
 * bytearray.
 */
#include <string.h>

#include "obj/memoryview.h"
#include "obj/object.h"
#include "obj/str.h"

/* A new object of [self]'s kind holding [n] bytes of [d]. */
static gp_object_t *bytes_same_kind(gp_object_t *self, const char *d, size_t n)
{
    return gp_is_bytearray(self) ? gp_bytearray_new(d, n) : gp_bytes_new(d, n);
}

/* The bytes of a bytes-like argument, or -1 with CPython's TypeError. */
static int bytes_arg(gp_object_t *o, gp_buffer_t *view)
{
    if (gp_buffer_get(o, view, GP_BUFFER_SIMPLE) == 0)
        return 0;
    if (gp_err_matches(&gp_exc_TypeError)) {
        gp_err_clear();
        gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", o);
    }
    return -1;
}

gp_object_t *gp_bytes_translate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"/table", "delete", NULL};
    gp_object_t *argv[2] = {NULL};
    if (gp_args_parse("translate", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    gp_buffer_t table = {0}, del = {0};
    bool have_table = argv[0] != gp_None, have_del = argv[1] != NULL;
    if (have_table && bytes_arg(argv[0], &table) < 0)
        return NULL;
    if (have_table && table.len != 256) {
        gp_buffer_release(&table);
        gp_err_set_string(&gp_exc_ValueError, "translation table must be 256 characters long");
        return NULL;
    }
    if (have_del && bytes_arg(argv[1], &del) < 0) {
        if (have_table)
            gp_buffer_release(&table);
        return NULL;
    }
    bool drop[256] = {false};
    for (size_t i = 0; have_del && i < del.len; i++)
        drop[(unsigned char)del.data[i]] = true;
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    gp_strbuf_t out;
    gp_strbuf_init(&out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (!drop[c])
            gp_strbuf_append_char(&out, have_table ? table.data[c] : (char)c);
    }
    gp_object_t *r = out.failed ? (gp_err_no_memory(), NULL)
                                : bytes_same_kind(self, out.data ? out.data : "", out.len);
    gp_strbuf_discard(&out);
    if (have_table)
        gp_buffer_release(&table);
    if (have_del)
        gp_buffer_release(&del);
    return r;
}

gp_object_t *gp_bytes_maketrans(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    (void)cls;
    if (gp_args_check("maketrans", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_buffer_t from, to;
    if (bytes_arg(args[0], &from) < 0)
        return NULL;
    if (bytes_arg(args[1], &to) < 0) {
        gp_buffer_release(&from);
        return NULL;
    }
    gp_object_t *r = NULL;
    if (from.len != to.len) {
        gp_err_set_string(&gp_exc_ValueError, "maketrans arguments must have same length");
    } else {
        char table[256];
        for (int i = 0; i < 256; i++)
            table[i] = (char)i;
        for (size_t i = 0; i < from.len; i++)
            table[(unsigned char)from.data[i]] = to.data[i];
        r = gp_bytes_new(table, sizeof table);
    }
    gp_buffer_release(&to);
    gp_buffer_release(&from);
    return r;
}

gp_object_t *gp_bytes_expandtabs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    gp_object_t *argv[1] = {NULL};
    if (gp_args_parse("expandtabs", args, nargs, kwnames, names, 0, argv) < 0)
        return NULL;
    int64_t tabsize = 8;
    if (argv[0]) {
        if (!gp_int_check(argv[0])) {
            gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          argv[0]);
            return NULL;
        }
        int overflow = 0;
        tabsize = gp_int_as_i64_overflow(argv[0], &overflow);
        if (overflow || tabsize > INT32_MAX || tabsize < INT32_MIN) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
    }
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    gp_strbuf_t out;
    gp_strbuf_init(&out);
    size_t column = 0;
    for (size_t i = 0; i < n && !out.failed; i++) {
        char c = d[i];
        if (c == '\t') {
            if (tabsize > 0) {
                size_t pad = (size_t)tabsize - column % (size_t)tabsize;
                for (size_t k = 0; k < pad; k++)
                    gp_strbuf_append_char(&out, ' ');
                column += pad;
            }
        } else {
            gp_strbuf_append_char(&out, c);
            column = c == '\n' || c == '\r' ? 0 : column + 1;
        }
    }
    gp_object_t *r = out.failed ? (gp_err_no_memory(), NULL)
                                : bytes_same_kind(self, out.data ? out.data : "", out.len);
    gp_strbuf_discard(&out);
    return r;
}

gp_object_t *gp_bytes_istitle(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    (void)args;
    if (gp_args_check("istitle", nargs, kwnames, 0, 0) < 0)
        return NULL;
    const char *d;
    size_t n;
    gp_bytes_like(self, &d, &n);
    bool cased = false, previous_cased = false;
    for (size_t i = 0; i < n; i++) {
        char c = d[i];
        bool up = c >= 'A' && c <= 'Z', low = c >= 'a' && c <= 'z';
        if ((up && previous_cased) || (low && !previous_cased))
            return gp_bool_from(false);
        cased |= up;
        previous_cased = up || low;
    }
    return gp_bool_from(cased);
}

gp_object_t *gp_bytes_bytes(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    (void)args;
    if (gp_args_check("__bytes__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (GP_TYPE(self) == &gp_bytes_type)
        return GP_INCREF(self);
    return gp_bytes_new(gp_bytes_data(self), gp_bytes_len(self));
}
