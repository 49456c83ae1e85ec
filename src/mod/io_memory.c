/*
 * io_memory.c - io.StringIO and io.BytesIO: streams over memory.
 *
 * Design notes
 * ------------
 * Both keep one growable C buffer and a position. BytesIO is plain bytes.
 * StringIO keeps its text in the same UTF-8 form as str, so getvalue() is
 * one copy and write() at the end (the overwhelmingly common use: building
 * a string) is one append. Positions of a StringIO count characters, as in
 * CPython; the stream tracks both the character and the byte position, and
 * while the text is all ASCII (character count == byte count) the two are
 * the same number and no conversion scan is ever needed.
 *
 * Neither touches the GIL: nothing here blocks.
 */
#include <string.h>

#include "mod/io_internal.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* The buffer shared by both types. */
typedef struct io_membuf {
    char *data;
    size_t len, cap;
} io_membuf_t;

static int membuf_reserve(io_membuf_t *m, size_t need)
{
    if (need <= m->cap)
        return 0;
    size_t ncap = m->cap < 64 ? 64 : m->cap;
    while (ncap < need)
        ncap += ncap >> 1;
    char *nd = gp_mem_realloc(m->data, ncap + 1);
    if (!nd) {
        gp_err_no_memory();
        return -1;
    }
    m->data = nd;
    m->cap = ncap;
    return 0;
}

/* ================================================================== */
/* BytesIO                                                              */
/* ================================================================== */

typedef struct io_bytes {
    gp_object_t base;
    io_membuf_t buf;
    size_t pos;
    bool closed;
} io_bytes_t;

#define BYTESIO(o) ((io_bytes_t *)(o))

static int bytesio_check(io_bytes_t *b)
{
    if (b->closed) {
        gp_io_closed_error();
        return -1;
    }
    return 0;
}

static int bytesio_write_at(io_bytes_t *b, const char *data, size_t len)
{
    /* Nothing to write: the buffer may still be unallocated (NULL), which
       memcpy must not be given even for zero bytes. */
    if (len == 0)
        return 0;
    size_t end = b->pos + len;
    if (membuf_reserve(&b->buf, end) < 0)
        return -1;
    if (b->pos > b->buf.len)
        memset(b->buf.data + b->buf.len, 0, b->pos - b->buf.len);
    memcpy(b->buf.data + b->pos, data, len);
    b->pos = end;
    if (end > b->buf.len)
        b->buf.len = end;
    return 0;
}

static gp_object_t *bytesio_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"initial_bytes", NULL};
    gp_object_t *v[1];
    if (gp_args_parse("BytesIO", args, nargs, kwnames, names, 0, v) < 0)
        return NULL;
    const char *data = NULL;
    if (v[0] && v[0] != gp_None) {
        data = gp_bytes_data(v[0]);
        if (!data) {
            gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", v[0]);
            return NULL;
        }
    }
    gp_object_t *o = gp_object_alloc(type, 0);
    if (!o)
        return NULL;
    if (data && bytesio_write_at(BYTESIO(o), data, gp_bytes_len(v[0])) < 0) {
        GP_DECREF(o);
        return NULL;
    }
    BYTESIO(o)->pos = 0;
    return o;
}

static gp_object_t *bytesio_take(io_bytes_t *b, size_t n)
{
    size_t avail = b->pos < b->buf.len ? b->buf.len - b->pos : 0;
    if (n > avail)
        n = avail;
    gp_object_t *r = gp_bytes_new(n ? b->buf.data + b->pos : NULL, n);
    if (r)
        b->pos += n;
    return r;
}

static gp_object_t *bytesio_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    io_bytes_t *b = BYTESIO(self);
    intptr_t n;
    if (gp_args_check("read", nargs, kwnames, 0, 1) < 0 || bytesio_check(b) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    return bytesio_take(b, n < 0 ? SIZE_MAX : (size_t)n);
}

static gp_object_t *bytesio_readline_impl(io_bytes_t *b, intptr_t limit)
{
    size_t avail = b->pos < b->buf.len ? b->buf.len - b->pos : 0;
    if (limit >= 0 && (size_t)limit < avail)
        avail = (size_t)limit;
    const char *start = b->buf.data + b->pos;
    const char *nl = avail ? memchr(start, '\n', avail) : NULL;
    return bytesio_take(b, nl ? (size_t)(nl - start) + 1 : avail);
}

static gp_object_t *bytesio_readline(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    io_bytes_t *b = BYTESIO(self);
    intptr_t limit;
    if (gp_args_check("readline", nargs, kwnames, 0, 1) < 0 || bytesio_check(b) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &limit) < 0)
        return NULL;
    return bytesio_readline_impl(b, limit);
}

static gp_object_t *bytesio_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    io_bytes_t *b = BYTESIO(self);
    if (gp_args_check("write", nargs, kwnames, 1, 1) < 0 || bytesio_check(b) < 0)
        return NULL;
    const char *data = gp_bytes_data(args[0]);
    if (!data) {
        gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", args[0]);
        return NULL;
    }
    size_t len = gp_bytes_len(args[0]);
    if (len && bytesio_write_at(b, data, len) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)len);
}

static gp_object_t *bytesio_seek(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    io_bytes_t *b = BYTESIO(self);
    if (gp_args_check("seek", nargs, kwnames, 1, 2) < 0 || bytesio_check(b) < 0)
        return NULL;
    intptr_t pos = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (pos == -1 && gp_err_occurred())
        return NULL;
    int64_t whence = nargs > 1 ? gp_int_as_i64(args[1]) : 0;
    if (whence == -1 && gp_err_occurred())
        return NULL;
    if (whence < 0 || whence > 2) {
        gp_err_format(&gp_exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)",
                      (long long)whence);
        return NULL;
    }
    if (pos < 0 && whence == 0) {
        gp_err_format(&gp_exc_ValueError, "negative seek value %zd", pos);
        return NULL;
    }
    if (whence == 1)
        pos += (intptr_t)b->pos;
    else if (whence == 2)
        pos += (intptr_t)b->buf.len;
    if (pos < 0)
        pos = 0;
    b->pos = (size_t)pos;
    return gp_int_from_i64(pos);
}

static gp_object_t *bytesio_tell(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("tell", nargs, kwnames, 0, 0) < 0 || bytesio_check(BYTESIO(self)) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)BYTESIO(self)->pos);
}

static gp_object_t *bytesio_truncate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    io_bytes_t *b = BYTESIO(self);
    if (gp_args_check("truncate", nargs, kwnames, 0, 1) < 0 || bytesio_check(b) < 0)
        return NULL;
    intptr_t size = (intptr_t)b->pos;
    if (nargs && args[0] != gp_None) {
        size = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
        if (size == -1 && gp_err_occurred())
            return NULL;
        if (size < 0) {
            gp_err_format(&gp_exc_ValueError, "negative size value %zd", size);
            return NULL;
        }
    }
    if ((size_t)size < b->buf.len)
        b->buf.len = (size_t)size;
    return gp_int_from_i64(size);
}

static gp_object_t *bytesio_getvalue(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    io_bytes_t *b = BYTESIO(self);
    if (gp_args_check("getvalue", nargs, kwnames, 0, 0) < 0 || bytesio_check(b) < 0)
        return NULL;
    return gp_bytes_new(b->buf.data, b->buf.len);
}

static gp_object_t *bytesio_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    io_bytes_t *b = BYTESIO(self);
    b->closed = true;
    gp_mem_free(b->buf.data);
    b->buf.data = NULL;
    b->buf.len = b->buf.cap = 0;
    return gp_none_new();
}

static gp_object_t *bytesio_true(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("readable", nargs, kwnames, 0, 0) < 0 || bytesio_check(BYTESIO(self)) < 0)
        return NULL;
    return gp_bool_from(true);
}

static gp_object_t *bytesio_flush(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("flush", nargs, kwnames, 0, 0) < 0 || bytesio_check(BYTESIO(self)) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *bytesio_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    /* Through the attribute, as CPython's IOBase.__exit__: a subclass's
       close() runs. */
    return gp_object_call_method(self, "close", NULL, 0);
}

static const gp_method_def_t bytesio_methods[] = {
    {"read", bytesio_read, 0, "Read at most size bytes, returned as a bytes object."},
    {"read1", bytesio_read, 0, "Read at most size bytes, returned as a bytes object."},
    {"readline", bytesio_readline, 0, "Next line from the file, as a bytes object."},
    {"write", bytesio_write, 0, "Write bytes to file. Return the number of bytes written."},
    {"seek", bytesio_seek, 0, "Change stream position."},
    {"tell", bytesio_tell, 0, "Current file position, an integer."},
    {"truncate", bytesio_truncate, 0, "Truncate the file to at most size bytes."},
    {"getvalue", bytesio_getvalue, 0, "Retrieve the entire contents of the BytesIO object."},
    {"close", bytesio_close, 0, "Disable all I/O operations."},
    {"readable", bytesio_true, 0, NULL},
    {"writable", bytesio_true, 0, NULL},
    {"seekable", bytesio_true, 0, NULL},
    {"flush", bytesio_flush, 0, NULL},
    {"__exit__", bytesio_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *bytesio_get_closed(gp_object_t *self, void *closure)
{
    return gp_bool_from(BYTESIO(self)->closed);
}

static const gp_getset_def_t bytesio_getsets[] = {
    {"closed", bytesio_get_closed, NULL, NULL, "True if the file is closed."},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_object_t *bytesio_iter(gp_object_t *self)
{
    if (bytesio_check(BYTESIO(self)) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *bytesio_iternext(gp_object_t *self)
{
    io_bytes_t *b = BYTESIO(self);
    if (bytesio_check(b) < 0)
        return NULL;
    if (b->pos >= b->buf.len)
        return NULL;
    return bytesio_readline_impl(b, -1);
}

static void bytesio_dealloc(gp_object_t *self)
{
    gp_mem_free(BYTESIO(self)->buf.data);
    gp_object_free(self);
}

gp_type_t gp_io_bytesio_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io.BytesIO",
    .basicsize = sizeof(io_bytes_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .base_type = &gp_io_bufferediobase_type,
    .dealloc = bytesio_dealloc,
    .new_ = bytesio_new,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .iter = bytesio_iter,
    .iternext = bytesio_iternext,
    .methods = bytesio_methods,
    .getsets = bytesio_getsets,
    .doc = "Buffered I/O implementation using an in-memory bytes buffer.",
};

/* ================================================================== */
/* StringIO                                                             */
/* ================================================================== */

typedef struct io_string {
    gp_object_t base;
    io_membuf_t buf;     /* UTF-8 text */
    size_t nchars;       /* characters in buf */
    size_t pos, pos_byte; /* position in characters and the matching byte offset */
    const char *readnl;  /* NULL: universal newlines on read */
    const char *writenl; /* NULL: no translation on write */
    bool translate;      /* newline=None: "\r\n" and "\r" become "\n" when written */
    bool closed;
} io_string_t;

#define STRINGIO(o) ((io_string_t *)(o))

static bool stringio_ascii(io_string_t *s)
{
    return s->nchars == s->buf.len;
}

static int stringio_check(io_string_t *s)
{
    if (s->closed) {
        /* StringIO's own spelling has no full stop, unlike BytesIO's. */
        gp_err_set_string(&gp_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

/* Byte offset of character [chars] counted from byte [from] (a boundary). */
static size_t stringio_advance(io_string_t *s, size_t from, size_t chars)
{
    const unsigned char *p = (const unsigned char *)s->buf.data;
    size_t i = from;
    while (chars > 0 && i < s->buf.len) {
        i += (size_t)gp_utf8_lead_len(p[i]);
        chars--;
    }
    return i < s->buf.len ? i : s->buf.len;
}

static size_t utf8_chars(const char *p, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)p[i] & 0xC0) != 0x80;
    return n;
}

/* Writes [len] UTF-8 bytes holding [chars] characters at the position. */
static int stringio_write_utf8(io_string_t *s, const char *data, size_t len, size_t chars)
{
    if (s->pos > s->nchars) {
        /* Past the end: the gap is filled with NUL characters. */
        size_t gap = s->pos - s->nchars;
        if (membuf_reserve(&s->buf, s->buf.len + gap) < 0)
            return -1;
        memset(s->buf.data + s->buf.len, 0, gap);
        s->buf.len += gap;
        s->nchars += gap;
        s->pos_byte = s->buf.len;
    }
    if (s->pos == s->nchars) {
        if (membuf_reserve(&s->buf, s->buf.len + len) < 0)
            return -1;
        memcpy(s->buf.data + s->buf.len, data, len);
        s->buf.len += len;
        s->nchars += chars;
        s->pos += chars;
        s->pos_byte = s->buf.len;
        return 0;
    }
    /* Overwrite [chars] characters in the middle. */
    size_t end_byte = stringio_ascii(s) ? s->pos_byte + chars : stringio_advance(s, s->pos_byte, chars);
    if (end_byte > s->buf.len)
        end_byte = s->buf.len;
    size_t replaced_bytes = end_byte - s->pos_byte;
    size_t replaced_chars = utf8_chars(s->buf.data + s->pos_byte, replaced_bytes);
    size_t newlen = s->buf.len - replaced_bytes + len;
    if (membuf_reserve(&s->buf, newlen) < 0)
        return -1;
    memmove(s->buf.data + s->pos_byte + len, s->buf.data + end_byte, s->buf.len - end_byte);
    memcpy(s->buf.data + s->pos_byte, data, len);
    s->buf.len = newlen;
    s->nchars = s->nchars - replaced_chars + chars;
    s->pos += chars;
    s->pos_byte += len;
    return 0;
}

/* Writes the str [str], translating newlines as configured. */
static int stringio_write_str(io_string_t *s, gp_object_t *str)
{
    const char *data = gp_str_utf8(str);
    size_t len = gp_str_utf8_len(str), chars = (size_t)gp_str_length(str);
    if ((!s->translate && !s->writenl) || (!memchr(data, '\n', len) && !memchr(data, '\r', len)))
        return stringio_write_utf8(s, data, len, chars);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    size_t out_chars = chars;
    for (size_t i = 0; i < len; i++) {
        char c = data[i];
        if (s->translate && c == '\r') {
            gp_strbuf_append_char(&b, '\n');
            if (i + 1 < len && data[i + 1] == '\n') {
                i++;
                out_chars--;
            }
        } else if (s->writenl && c == '\n') {
            gp_strbuf_append_cstr(&b, s->writenl);
            out_chars += strlen(s->writenl) - 1;
        } else {
            gp_strbuf_append_char(&b, c);
        }
    }
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return -1;
    }
    int rc = stringio_write_utf8(s, b.data, b.len, out_chars);
    gp_strbuf_discard(&b);
    return rc;
}

/* The str of bytes [from, to) holding [chars] characters; moves the position there. */
static gp_object_t *stringio_take(io_string_t *s, size_t to, size_t chars)
{
    size_t from = s->pos_byte;
    gp_object_t *r = gp_str_new_trusted(s->buf.data + from, to - from, (intptr_t)chars,
                                        chars == to - from);
    if (r) {
        s->pos += chars;
        s->pos_byte = to;
    }
    return r;
}

static gp_object_t *stringio_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"initial_value", "newline", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("StringIO", args, nargs, kwnames, names, 0, v) < 0)
        return NULL;
    gp_object_t *init = v[0], *newline = v[1];
    const char *readnl = "\n", *writenl = NULL;
    bool translate = false;
    if (newline && newline != gp_None) {
        if (!gp_str_check(newline)) {
            gp_err_format(&gp_exc_TypeError, "newline must be str or None, not %T", newline);
            return NULL;
        }
        const char *nl = gp_str_utf8(newline);
        if (strcmp(nl, "") == 0)
            readnl = NULL;
        else if (strcmp(nl, "\n") == 0)
            readnl = "\n";
        else if (strcmp(nl, "\r") == 0)
            readnl = writenl = "\r";
        else if (strcmp(nl, "\r\n") == 0)
            readnl = writenl = "\r\n";
        else {
            gp_err_format(&gp_exc_ValueError, "illegal newline value: %R", newline);
            return NULL;
        }
    } else if (newline == gp_None) {
        readnl = "\n";
        translate = true;
    }
    if (init && init != gp_None && !gp_str_check(init)) {
        gp_err_format(&gp_exc_TypeError, "initial_value must be str or None, not %T", init);
        return NULL;
    }
    gp_object_t *o = gp_object_alloc(type, 0);
    if (!o)
        return NULL;
    io_string_t *s = STRINGIO(o);
    s->readnl = readnl;
    s->writenl = writenl;
    s->translate = translate;
    if (init && init != gp_None && gp_str_utf8_len(init) > 0) {
        if (stringio_write_str(s, init) < 0) {
            GP_DECREF(o);
            return NULL;
        }
        s->pos = s->pos_byte = 0;
    }
    return o;
}

static gp_object_t *stringio_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    io_string_t *s = STRINGIO(self);
    intptr_t n;
    if (gp_args_check("read", nargs, kwnames, 0, 1) < 0 || stringio_check(s) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    if (s->pos >= s->nchars)
        return gp_str_empty();
    size_t left = s->nchars - s->pos;
    size_t chars = n < 0 || (size_t)n > left ? left : (size_t)n;
    size_t to = stringio_ascii(s) ? s->pos_byte + chars : stringio_advance(s, s->pos_byte, chars);
    return stringio_take(s, to, chars);
}

static gp_object_t *stringio_readline_impl(io_string_t *s, intptr_t limit)
{
    if (s->pos >= s->nchars)
        return gp_str_empty();
    const char *p = s->buf.data + s->pos_byte;
    size_t avail = s->buf.len - s->pos_byte, end = avail;
    if (!s->readnl) {
        for (size_t i = 0; i < avail; i++) {
            if (p[i] == '\n' || p[i] == '\r') {
                end = i + 1 + (p[i] == '\r' && i + 1 < avail && p[i + 1] == '\n');
                break;
            }
        }
    } else if (s->readnl[1] == '\0') {
        const char *e = memchr(p, s->readnl[0], avail);
        if (e)
            end = (size_t)(e - p) + 1;
    } else {
        const char *e = memmem(p, avail, s->readnl, strlen(s->readnl));
        if (e)
            end = (size_t)(e - p) + strlen(s->readnl);
    }
    size_t chars = stringio_ascii(s) ? end : utf8_chars(p, end);
    if (limit >= 0 && (size_t)limit < chars) {
        chars = (size_t)limit;
        end = stringio_ascii(s) ? chars : stringio_advance(s, s->pos_byte, chars) - s->pos_byte;
    }
    return stringio_take(s, s->pos_byte + end, chars);
}

static gp_object_t *stringio_readline(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    io_string_t *s = STRINGIO(self);
    intptr_t limit;
    if (gp_args_check("readline", nargs, kwnames, 0, 1) < 0 || stringio_check(s) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &limit) < 0)
        return NULL;
    if (s->pos > s->nchars)
        return gp_str_empty();
    return stringio_readline_impl(s, limit);
}

static gp_object_t *stringio_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    io_string_t *s = STRINGIO(self);
    if (gp_args_check("write", nargs, kwnames, 1, 1) < 0 || stringio_check(s) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "string argument expected, got '%T'", args[0]);
        return NULL;
    }
    intptr_t n = gp_str_length(args[0]);
    if (n > 0 && stringio_write_str(s, args[0]) < 0)
        return NULL;
    return gp_int_from_i64(n);
}

static gp_object_t *stringio_seek(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    io_string_t *s = STRINGIO(self);
    if (gp_args_check("seek", nargs, kwnames, 1, 2) < 0 || stringio_check(s) < 0)
        return NULL;
    intptr_t pos = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (pos == -1 && gp_err_occurred())
        return NULL;
    int64_t whence = nargs > 1 ? gp_int_as_i64(args[1]) : 0;
    if (whence == -1 && gp_err_occurred())
        return NULL;
    if (whence < 0 || whence > 2) {
        gp_err_format(&gp_exc_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)",
                      (long long)whence);
        return NULL;
    }
    if (pos < 0 && whence == 0) {
        gp_err_format(&gp_exc_ValueError, "Negative seek position %zd", pos);
        return NULL;
    }
    if (whence != 0 && pos != 0) {
        gp_err_set_string(&gp_exc_OSError, "Can't do nonzero cur-relative seeks");
        return NULL;
    }
    if (whence == 1)
        pos = (intptr_t)s->pos;
    else if (whence == 2)
        pos = (intptr_t)s->nchars;
    s->pos = (size_t)pos;
    if ((size_t)pos >= s->nchars)
        s->pos_byte = s->buf.len;
    else
        s->pos_byte = stringio_ascii(s) ? (size_t)pos : stringio_advance(s, 0, (size_t)pos);
    return gp_int_from_i64(pos);
}

static gp_object_t *stringio_tell(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("tell", nargs, kwnames, 0, 0) < 0 || stringio_check(STRINGIO(self)) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)STRINGIO(self)->pos);
}

static gp_object_t *stringio_truncate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    io_string_t *s = STRINGIO(self);
    if (gp_args_check("truncate", nargs, kwnames, 0, 1) < 0 || stringio_check(s) < 0)
        return NULL;
    intptr_t size = (intptr_t)s->pos;
    if (nargs && args[0] != gp_None) {
        size = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
        if (size == -1 && gp_err_occurred())
            return NULL;
        if (size < 0) {
            gp_err_format(&gp_exc_ValueError, "Negative size value %zd", size);
            return NULL;
        }
    }
    if ((size_t)size < s->nchars) {
        s->buf.len = stringio_ascii(s) ? (size_t)size : stringio_advance(s, 0, (size_t)size);
        s->nchars = (size_t)size;
        if (s->pos_byte > s->buf.len)
            s->pos_byte = s->buf.len;
    }
    return gp_int_from_i64(size);
}

static gp_object_t *stringio_getvalue(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    io_string_t *s = STRINGIO(self);
    if (gp_args_check("getvalue", nargs, kwnames, 0, 0) < 0 || stringio_check(s) < 0)
        return NULL;
    return gp_str_new_trusted(s->buf.data ? s->buf.data : "", s->buf.len, (intptr_t)s->nchars,
                              stringio_ascii(s));
}

static gp_object_t *stringio_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    io_string_t *s = STRINGIO(self);
    s->closed = true;
    gp_mem_free(s->buf.data);
    s->buf.data = NULL;
    s->buf.len = s->buf.cap = 0;
    s->nchars = 0;
    return gp_none_new();
}

static gp_object_t *stringio_true(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("readable", nargs, kwnames, 0, 0) < 0 || stringio_check(STRINGIO(self)) < 0)
        return NULL;
    return gp_bool_from(true);
}

static gp_object_t *stringio_flush(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("flush", nargs, kwnames, 0, 0) < 0 || stringio_check(STRINGIO(self)) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *stringio_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    /* Through the attribute, as CPython's IOBase.__exit__: a subclass's
       close() runs. */
    return gp_object_call_method(self, "close", NULL, 0);
}

static const gp_method_def_t stringio_methods[] = {
    {"read", stringio_read, 0, "Read at most size characters, returned as a string."},
    {"readline", stringio_readline, 0, "Read until newline or EOF."},
    {"write", stringio_write, 0, "Write string to file."},
    {"seek", stringio_seek, 0, "Change stream position."},
    {"tell", stringio_tell, 0, "Tell the current file position."},
    {"truncate", stringio_truncate, 0, "Truncate size to pos."},
    {"getvalue", stringio_getvalue, 0, "Retrieve the entire contents of the object."},
    {"close", stringio_close, 0, "Close the IO object."},
    {"readable", stringio_true, 0, NULL},
    {"writable", stringio_true, 0, NULL},
    {"seekable", stringio_true, 0, NULL},
    {"flush", stringio_flush, 0, NULL},
    {"__exit__", stringio_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *stringio_get_closed(gp_object_t *self, void *closure)
{
    return gp_bool_from(STRINGIO(self)->closed);
}

static gp_object_t *stringio_get_none(gp_object_t *self, void *closure)
{
    return gp_none_new();
}

static gp_object_t *stringio_get_false(gp_object_t *self, void *closure)
{
    return gp_bool_from(false);
}

static const gp_getset_def_t stringio_getsets[] = {
    {"closed", stringio_get_closed, NULL, NULL, NULL},
    {"newlines", stringio_get_none, NULL, NULL, NULL},
    {"encoding", stringio_get_none, NULL, NULL, NULL},
    {"errors", stringio_get_none, NULL, NULL, NULL},
    {"line_buffering", stringio_get_false, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_object_t *stringio_iter(gp_object_t *self)
{
    if (stringio_check(STRINGIO(self)) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *stringio_iternext(gp_object_t *self)
{
    io_string_t *s = STRINGIO(self);
    if (stringio_check(s) < 0)
        return NULL;
    if (s->pos >= s->nchars)
        return NULL;
    return stringio_readline_impl(s, -1);
}

static void stringio_dealloc(gp_object_t *self)
{
    gp_mem_free(STRINGIO(self)->buf.data);
    gp_object_free(self);
}

gp_type_t gp_io_stringio_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io.StringIO",
    .basicsize = sizeof(io_string_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .base_type = &gp_io_textiobase_type,
    .dealloc = stringio_dealloc,
    .new_ = stringio_new,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .iter = stringio_iter,
    .iternext = stringio_iternext,
    .methods = stringio_methods,
    .getsets = stringio_getsets,
    .doc = "Text I/O implementation using an in-memory buffer.",
};
