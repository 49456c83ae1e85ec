/*
 * marshal.c - the `marshal` module: gilpy's binary wire format.
 *
 * Design notes
 * ------------
 * multiprocessing sends arguments, results and exceptions between processes
 * as bytes; this module defines those bytes. The format is gilpy's own
 * (CPython's marshal bytes are version-specific too) and is documented in
 * docs/wire-format.md. Each value is a one-byte tag followed by its payload;
 * lengths and counts are 4-byte little-endian unsigned integers:
 *
 *   'N' None   'T' True   'F' False   '.' Ellipsis
 *   'i' int that fits 64 bits: 8 bytes little-endian two's complement
 *   'I' any other int: length + its hexadecimal text ("-0x1f...")
 *   'f' float: 8 bytes, IEEE 754 binary64, little-endian
 *   's' str: length + UTF-8      'b' bytes: length + data
 *   'a' bytearray: length + data
 *   '(' tuple, '[' list, '<' set, '>' frozenset: count + items
 *   '{' dict: count + key, value pairs in order
 *   'E' exception: module str, qualified name str, args tuple
 *   'R' reference to a module-level function or class: module str,
 *       qualified name str; loads() looks it up in sys.modules
 *
 * A reference is only meaningful between processes running the same
 * program, which is exactly the fork-based multiprocessing case.
 * loads() validates every length against the input, so truncated or
 * corrupted bytes raise ValueError ("bad marshal data ..."), never read past
 * the buffer.
 */
#include <string.h>

#include "obj/object.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* Writing                                                              */
/* ------------------------------------------------------------------ */

typedef struct marshal_writer {
    char *data;
    size_t len, cap;
} marshal_writer_t;

static int writer_reserve(marshal_writer_t *w, size_t extra)
{
    if (w->len + extra <= w->cap)
        return 0;
    size_t cap = w->cap ? w->cap : 64;
    while (cap < w->len + extra)
        cap *= 2;
    char *data = gp_mem_realloc(w->data, cap);
    if (!data) {
        gp_err_no_memory();
        return -1;
    }
    w->data = data;
    w->cap = cap;
    return 0;
}

static int writer_put(marshal_writer_t *w, const void *bytes, size_t n)
{
    if (writer_reserve(w, n) < 0)
        return -1;
    memcpy(w->data + w->len, bytes, n);
    w->len += n;
    return 0;
}

static int writer_tag(marshal_writer_t *w, char tag)
{
    return writer_put(w, &tag, 1);
}

static int writer_u32(marshal_writer_t *w, size_t value)
{
    if (value > UINT32_MAX) {
        gp_err_set_string(&gp_exc_ValueError, "object too large to marshal");
        return -1;
    }
    unsigned char b[4] = {(unsigned char)value, (unsigned char)(value >> 8),
                          (unsigned char)(value >> 16), (unsigned char)(value >> 24)};
    return writer_put(w, b, 4);
}

static int writer_u64(marshal_writer_t *w, uint64_t value)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(value >> (8 * i));
    return writer_put(w, b, 8);
}

static int writer_blob(marshal_writer_t *w, char tag, const char *data, size_t len)
{
    if (writer_tag(w, tag) < 0 || writer_u32(w, len) < 0)
        return -1;
    return writer_put(w, data, len);
}

static int writer_str(marshal_writer_t *w, gp_object_t *s)
{
    return writer_blob(w, 's', gp_str_utf8(s), gp_str_utf8_len(s));
}

static int marshal_write(marshal_writer_t *w, gp_object_t *o);

/* Writes module and qualified name of [o] (a class or function); 0 when
   [o] has neither, -1 on error, 1 when written. */
static int writer_names(marshal_writer_t *w, char tag, gp_object_t *o)
{
    gp_object_t *module = gp_object_getattr_opt(o, gp_str_static("__module__"));
    if (!module)
        return gp_err_occurred() ? -1 : 0;
    gp_object_t *qualname = gp_object_getattr_opt(o, gp_str_static("__qualname__"));
    if (!qualname) {
        GP_DECREF(module);
        return gp_err_occurred() ? -1 : 0;
    }
    int rc = 0;
    if (gp_str_check(module) && gp_str_check(qualname)) {
        rc = writer_tag(w, tag) < 0 || writer_str(w, module) < 0 || writer_str(w, qualname) < 0
                 ? -1
                 : 1;
    }
    GP_DECREF(module);
    GP_DECREF(qualname);
    return rc;
}

static int writer_items(marshal_writer_t *w, char tag, gp_object_t *const *items, size_t n)
{
    if (writer_tag(w, tag) < 0 || writer_u32(w, n) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (marshal_write(w, items[i]) < 0)
            return -1;
    return 0;
}

static int writer_set(marshal_writer_t *w, char tag, gp_object_t *set)
{
    if (writer_tag(w, tag) < 0 || writer_u32(w, (size_t)gp_set_size(set)) < 0)
        return -1;
    intptr_t pos = 0;
    gp_object_t *item;
    while (gp_set_next(set, &pos, &item))
        if (marshal_write(w, item) < 0)
            return -1;
    return 0;
}

static int writer_dict(marshal_writer_t *w, gp_object_t *d)
{
    if (writer_tag(w, '{') < 0 || writer_u32(w, (size_t)gp_dict_size(d)) < 0)
        return -1;
    intptr_t pos = 0;
    gp_object_t *key, *value;
    while (gp_dict_next(d, &pos, &key, &value))
        if (marshal_write(w, key) < 0 || marshal_write(w, value) < 0)
            return -1;
    return 0;
}

static int writer_int(marshal_writer_t *w, gp_object_t *o)
{
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(o, &overflow);
    if (!overflow) {
        if (writer_tag(w, 'i') < 0)
            return -1;
        return writer_u64(w, (uint64_t)v);
    }
    gp_object_t *text = gp_int_to_string(o, 16);
    if (!text)
        return -1;
    int rc = writer_blob(w, 'I', gp_str_utf8(text), gp_str_utf8_len(text));
    GP_DECREF(text);
    return rc;
}

static int writer_exception(marshal_writer_t *w, gp_object_t *exc)
{
    int rc = writer_names(w, 'E', (gp_object_t *)GP_TYPE(exc));
    if (rc <= 0) {
        if (rc == 0)
            gp_err_set_string(&gp_exc_ValueError, "unmarshallable exception type");
        return -1;
    }
    gp_object_t *args = ((gp_exception_t *)exc)->args;
    if (!args || !gp_tuple_check(args))
        return writer_items(w, '(', NULL, 0);
    return marshal_write(w, args);
}

/* A builtin function of a module (len, math.sqrt), not a bound method. */
static bool marshal_is_module_function(gp_object_t *o)
{
    gp_object_t *self = gp_object_getattr_opt(o, gp_str_static("__self__"));
    if (!self) {
        gp_err_clear();
        return true;
    }
    bool module = self == gp_None || GP_IS_TYPE(self, gp_module_type);
    GP_DECREF(self);
    return module;
}

static int marshal_write(marshal_writer_t *w, gp_object_t *o)
{
    if (gp_recursion_enter(" while marshalling an object") < 0)
        return -1;
    int rc;
    gp_type_t *type = GP_TYPE(o);
    if (o == gp_None)
        rc = writer_tag(w, 'N');
    else if (o == gp_True)
        rc = writer_tag(w, 'T');
    else if (o == gp_False)
        rc = writer_tag(w, 'F');
    else if (o == gp_Ellipsis)
        rc = writer_tag(w, '.');
    else if (gp_int_check(o))
        rc = writer_int(w, o);
    else if (type == &gp_float_type) {
        double d = gp_float_value(o);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        rc = writer_tag(w, 'f') < 0 ? -1 : writer_u64(w, bits);
    } else if (gp_str_check(o))
        rc = writer_str(w, o);
    else if (type == &gp_bytearray_type)
        rc = writer_blob(w, 'a', gp_bytes_data(o), gp_bytes_len(o));
    else if (gp_bytes_check(o))
        rc = writer_blob(w, 'b', gp_bytes_data(o), gp_bytes_len(o));
    else if (gp_tuple_check(o))
        rc = writer_items(w, '(', GP_TUPLE_ITEMS(o), (size_t)GP_TUPLE_SIZE(o));
    else if (gp_list_check(o))
        rc = writer_items(w, '[', GP_LIST_ITEMS(o), (size_t)GP_LIST_SIZE(o));
    else if (gp_dict_check(o))
        rc = writer_dict(w, o);
    else if (type == &gp_set_type)
        rc = writer_set(w, '<', o);
    else if (type == &gp_frozenset_type)
        rc = writer_set(w, '>', o);
    else if (gp_exc_check(o))
        rc = writer_exception(w, o);
    else if (type == &gp_cfunction_type && !marshal_is_module_function(o)) {
        gp_err_set_string(&gp_exc_ValueError, "unmarshallable bound builtin method");
        rc = -1;
    } else if (type == &gp_function_type || type == &gp_cfunction_type || gp_type_check(o)) {
        rc = writer_names(w, 'R', o);
        if (rc == 0)
            gp_err_format(&gp_exc_ValueError, "unmarshallable object of type %T", o);
        rc = rc < 0 ? -1 : 0;
    } else {
        gp_err_format(&gp_exc_ValueError, "unmarshallable object of type %s", type->name);
        rc = -1;
    }
    gp_recursion_leave();
    return rc < 0 ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */
/* ------------------------------------------------------------------ */

typedef struct marshal_reader {
    const unsigned char *data;
    size_t len, pos;
} marshal_reader_t;

static gp_object_t *reader_bad(const char *what)
{
    gp_err_format(&gp_exc_ValueError, "bad marshal data (%s)", what);
    return NULL;
}

/* Input that ends early is an EOFError, as in CPython, so a reader of a
   stream of marshalled objects can tell the end from corrupt data. */
static int reader_take(marshal_reader_t *r, size_t n, const unsigned char **out)
{
    if (r->len - r->pos < n) {
        gp_err_set_string(&gp_exc_EOFError, "marshal data too short");
        return -1;
    }
    *out = r->data + r->pos;
    r->pos += n;
    return 0;
}

static int reader_u32(marshal_reader_t *r, size_t *out)
{
    const unsigned char *b;
    if (reader_take(r, 4, &b) < 0)
        return -1;
    *out = (size_t)b[0] | (size_t)b[1] << 8 | (size_t)b[2] << 16 | (size_t)b[3] << 24;
    return 0;
}

static int reader_u64(marshal_reader_t *r, uint64_t *out)
{
    const unsigned char *b;
    if (reader_take(r, 8, &b) < 0)
        return -1;
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    *out = v;
    return 0;
}

static gp_object_t *marshal_read(marshal_reader_t *r);

/* Reads a tagged str (used inside 'E' and 'R'). */
static gp_object_t *reader_str(marshal_reader_t *r)
{
    const unsigned char *tag;
    size_t n;
    const unsigned char *bytes;
    if (reader_take(r, 1, &tag) < 0)
        return NULL;
    if (*tag != 's')
        return reader_bad("expected str");
    if (reader_u32(r, &n) < 0 || reader_take(r, n, &bytes) < 0)
        return NULL;
    return gp_str_from_utf8((const char *)bytes, n);
}

/* Resolves module + dotted qualified name through sys.modules. */
static gp_object_t *reader_lookup(marshal_reader_t *r)
{
    gp_object_t *module_name = reader_str(r);
    if (!module_name)
        return NULL;
    gp_object_t *qualname = reader_str(r);
    if (!qualname) {
        GP_DECREF(module_name);
        return NULL;
    }
    gp_object_t *result = NULL;
    gp_object_t *module = gp_dict_getitem(gp_runtime()->modules, module_name);
    if (!module) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_ValueError, "bad marshal data (no module %R)", module_name);
        goto done;
    }
    result = GP_INCREF(module);
    const char *name = gp_str_utf8(qualname);
    while (result && *name) {
        const char *dot = strchr(name, '.');
        size_t n = dot ? (size_t)(dot - name) : strlen(name);
        gp_object_t *part = gp_str_from_utf8(name, n);
        gp_object_t *next = part ? gp_object_getattr(result, part) : NULL;
        GP_XDECREF(part);
        GP_DECREF(result);
        result = next;
        name += n + (dot ? 1 : 0);
    }
done:
    GP_DECREF(module_name);
    GP_DECREF(qualname);
    return result;
}

static gp_object_t *reader_sequence(marshal_reader_t *r, char tag)
{
    size_t n;
    if (reader_u32(r, &n) < 0)
        return NULL;
    /* Every item takes at least one byte: a count beyond the rest of the
       input means the input is short, found before allocating for it. */
    if (n > r->len - r->pos) {
        gp_err_set_string(&gp_exc_EOFError, "marshal data too short");
        return NULL;
    }
    gp_object_t *container;
    if (tag == '(')
        container = gp_tuple_new(n);
    else if (tag == '[')
        container = gp_list_new(n);
    else if (tag == '<')
        container = gp_set_new(NULL);
    else
        container = gp_frozenset_new(NULL);
    if (!container)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        gp_object_t *item = marshal_read(r);
        if (!item) {
            /* Unfilled tuple/list slots are NULL; their deallocators skip NULLs. */
            GP_DECREF(container);
            return NULL;
        }
        if (tag == '(')
            GP_TUPLE_SET(container, i, item);
        else if (tag == '[')
            GP_LIST_SET(container, i, item);
        else {
            int rc = gp_set_add(container, item);
            GP_DECREF(item);
            if (rc < 0) {
                GP_DECREF(container);
                return NULL;
            }
        }
    }
    return container;
}

static gp_object_t *reader_dict(marshal_reader_t *r)
{
    size_t n;
    if (reader_u32(r, &n) < 0)
        return NULL;
    if (n > r->len - r->pos) {
        gp_err_set_string(&gp_exc_EOFError, "marshal data too short");
        return NULL;
    }
    gp_object_t *d = gp_dict_new();
    if (!d)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        gp_object_t *key = marshal_read(r);
        gp_object_t *value = key ? marshal_read(r) : NULL;
        int rc = value ? gp_dict_setitem(d, key, value) : -1;
        GP_XDECREF(key);
        GP_XDECREF(value);
        if (rc < 0) {
            GP_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static gp_object_t *reader_exception(marshal_reader_t *r)
{
    gp_object_t *type = reader_lookup(r);
    if (!type)
        return NULL;
    gp_object_t *args = marshal_read(r);
    if (!args) {
        GP_DECREF(type);
        return NULL;
    }
    gp_object_t *exc = NULL;
    if (!gp_type_check(type) || !gp_type_is_subtype((gp_type_t *)type, &gp_exc_BaseException)) {
        reader_bad("not an exception type");
    } else if (!gp_tuple_check(args)) {
        reader_bad("exception args");
    } else {
        exc = gp_object_call_tuple_dict(type, args, NULL);
        if (exc && !gp_exc_check(exc)) {
            GP_CLEAR(exc);
            reader_bad("exception constructor");
        }
    }
    GP_DECREF(type);
    GP_DECREF(args);
    return exc;
}

static gp_object_t *reader_blob(marshal_reader_t *r, char tag)
{
    size_t n;
    const unsigned char *bytes;
    if (reader_u32(r, &n) < 0 || reader_take(r, n, &bytes) < 0)
        return NULL;
    switch (tag) {
    case 's':
        return gp_str_from_utf8((const char *)bytes, n);
    case 'b':
        return gp_bytes_new(bytes, n);
    case 'a':
        return gp_bytearray_new(bytes, n);
    default:
        return gp_int_from_string((const char *)bytes, n, 0);
    }
}

static gp_object_t *marshal_read_tagged(marshal_reader_t *r, char tag)
{
    uint64_t bits;
    switch (tag) {
    case 'N':
        return gp_none_new();
    case 'T':
        return gp_bool_from(true);
    case 'F':
        return gp_bool_from(false);
    case '.':
        return GP_INCREF(gp_Ellipsis);
    case 'i':
        if (reader_u64(r, &bits) < 0)
            return NULL;
        return gp_int_from_i64((int64_t)bits);
    case 'f': {
        if (reader_u64(r, &bits) < 0)
            return NULL;
        double d;
        memcpy(&d, &bits, sizeof d);
        return gp_float_new(d);
    }
    case 's':
    case 'b':
    case 'a':
    case 'I':
        return reader_blob(r, tag);
    case '(':
    case '[':
    case '<':
    case '>':
        return reader_sequence(r, tag);
    case '{':
        return reader_dict(r);
    case 'E':
        return reader_exception(r);
    case 'R':
        return reader_lookup(r);
    default:
        return reader_bad("unknown type code");
    }
}

static gp_object_t *marshal_read(marshal_reader_t *r)
{
    const unsigned char *tag;
    if (r->pos == r->len) {
        gp_err_set_string(&gp_exc_EOFError, "EOF read where object expected");
        return NULL;
    }
    if (reader_take(r, 1, &tag) < 0)
        return NULL;
    if (gp_recursion_enter(" while unmarshalling an object") < 0)
        return NULL;
    gp_object_t *result = marshal_read_tagged(r, (char)*tag);
    gp_recursion_leave();
    return result;
}

static gp_object_t *marshal_dumps(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("dumps", nargs, kwnames, 1, 2) < 0)
        return NULL;
    marshal_writer_t w = {NULL, 0, 0};
    if (marshal_write(&w, args[0]) < 0) {
        gp_mem_free(w.data);
        return NULL;
    }
    gp_object_t *result = gp_bytes_new(w.data, w.len);
    gp_mem_free(w.data);
    return result;
}

static gp_object_t *marshal_loads(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("loads", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_bytes_check(args[0]) && !GP_IS_TYPE(args[0], gp_bytearray_type)) {
        gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", args[0]);
        return NULL;
    }
    marshal_reader_t r = {(const unsigned char *)gp_bytes_data(args[0]), gp_bytes_len(args[0]), 0};
    gp_object_t *result = marshal_read(&r);
    if (result && r.pos != r.len) {
        GP_DECREF(result);
        return reader_bad("trailing bytes");
    }
    return result;
}

static const gp_method_def_t marshal_functions[] = {
    {"dumps", marshal_dumps, 0, "Serialise a value to bytes (gilpy wire format)."},
    {"loads", marshal_loads, 0, "Rebuild a value from bytes made by dumps()."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_marshal_module_create(void)
{
    gp_object_t *module = gp_module_new("marshal");
    if (!module)
        return NULL;
    if (gp_module_add_functions(module, marshal_functions) < 0 ||
        gp_module_add_int(module, "version", 1) < 0) {
        GP_DECREF(module);
        return NULL;
    }
    return module;
}
