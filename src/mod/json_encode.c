/*
 * json_encode.c - the encoder half of the _json module (see json.c).
 *
 * Design notes
 * ------------
 * An Encoder (made by make_encoder from a JSONEncoder's options) turns a
 * Python value into JSON text in one pass, indented or not, appending
 * bytes to one growing buffer that becomes the result str without a
 * validation pass: with ensure_ascii the output is ASCII by construction,
 * otherwise the buffer remembers whether a non-ASCII byte went in.
 *
 * The chain of containers being encoded (CPython's `markers`, for
 * check_circular) is a plain stack of pointers: membership is a short
 * linear scan, cheaper than a dict of ids at the nesting depths real data
 * has. Exact dicts are read in place (no items list, no tuples, so a big
 * document creates no garbage for the cycle collector); sorted keys and
 * dict subclasses go through a snapshot.
 *
 * CPython 3.11 encodes indented output and dump()'s chunks with its
 * Python encoder and one-shot dumps() with its C encoder, and two messages
 * differ between them: the non-finite float error names the value only in
 * the first, and a recursion overflow says "while calling a Python
 * object" in the first and "while encoding a JSON object" in the second.
 * make_encoder's python_messages flag picks the set.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mod/json.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* A new reference to [o], or NULL for None. */
static gp_object_t *json_optional(gp_object_t *o)
{
    return o == gp_None ? NULL : GP_INCREF(o);
}

/* ------------------------------------------------------------------ */
/* Encoder output buffer                                                */
/* ------------------------------------------------------------------ */

typedef struct json_out {
    char *data;
    size_t len, cap;
    bool ascii; /* every byte written so far is ASCII */
} json_out_t;

static int json_out_grow(json_out_t *o, size_t extra)
{
    size_t cap = o->cap ? o->cap : 256;
    while (cap - o->len < extra)
        cap *= 2;
    char *data = gp_mem_realloc(o->data, cap);
    if (!data) {
        gp_err_no_memory();
        return -1;
    }
    o->data = data;
    o->cap = cap;
    return 0;
}

static inline int json_out_reserve(json_out_t *o, size_t extra)
{
    return o->cap - o->len >= extra ? 0 : json_out_grow(o, extra);
}

static inline int json_out_write(json_out_t *o, const char *s, size_t n)
{
    if (json_out_reserve(o, n) < 0)
        return -1;
    memcpy(o->data + o->len, s, n);
    o->len += n;
    return 0;
}

/* Appends the text of the str [s] as it is. */
static inline int json_out_str(json_out_t *o, gp_object_t *s)
{
    if (!GP_STR_ASCII(s))
        o->ascii = false;
    return json_out_write(o, GP_STR_DATA(s), (size_t)GP_STR_BYTES(s));
}

static const char json_hexdigits[] = "0123456789abcdef";

/* How each byte is written in a string: 0 as itself, 1 escaped with a
   short form or \u00XX. Bytes >= 0x80 are decided by the mode. */
static const unsigned char json_escape_class[256] = {
    1,         1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00..0x0f */
    1,         1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10..0x1f */
    ['"'] = 1, ['\\'] = 1,
};

static char *json_write_u_escape(char *w, uint32_t cp)
{
    *w++ = '\\';
    *w++ = 'u';
    *w++ = json_hexdigits[(cp >> 12) & 0xF];
    *w++ = json_hexdigits[(cp >> 8) & 0xF];
    *w++ = json_hexdigits[(cp >> 4) & 0xF];
    *w++ = json_hexdigits[cp & 0xF];
    return w;
}

/* Writes the str [s] quoted and escaped. With [ascii_only] every
   non-ASCII character (and DEL) becomes \uXXXX, astral ones as a
   surrogate pair. */
static int json_out_quoted(json_out_t *o, gp_object_t *s, bool ascii_only)
{
    const unsigned char *d = (const unsigned char *)GP_STR_DATA(s);
    size_t n = (size_t)GP_STR_BYTES(s);
    bool ascii = GP_STR_ASCII(s);
    /* Worst case: 6 output bytes per input byte, or 12 per 4-byte character. */
    if (json_out_reserve(o, n * 6 + 2) < 0)
        return -1;
    if (!ascii && !ascii_only)
        o->ascii = false;
    char *w = o->data + o->len;
    *w++ = '"';
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        if (ascii || !ascii_only) {
            while (i < n && !json_escape_class[d[i]] && !(ascii_only && d[i] == 0x7F))
                i++;
        } else {
            while (i < n && d[i] < 0x7F && !json_escape_class[d[i]])
                i++;
        }
        memcpy(w, d + run, i - run);
        w += i - run;
        if (i >= n)
            break;
        unsigned char c = d[i];
        if (c < 0x80) {
            i++;
            *w++ = '\\';
            switch (c) {
            case '"':
                *w++ = '"';
                break;
            case '\\':
                *w++ = '\\';
                break;
            case '\n':
                *w++ = 'n';
                break;
            case '\r':
                *w++ = 'r';
                break;
            case '\t':
                *w++ = 't';
                break;
            case '\b':
                *w++ = 'b';
                break;
            case '\f':
                *w++ = 'f';
                break;
            default:
                w = json_write_u_escape(w - 1, c);
                break;
            }
            continue;
        }
        int len;
        uint32_t cp = gp_utf8_decode(d + i, &len);
        i += (size_t)len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            w = json_write_u_escape(w, 0xD800 | (cp >> 10));
            w = json_write_u_escape(w, 0xDC00 | (cp & 0x3FF));
        } else {
            w = json_write_u_escape(w, cp);
        }
    }
    *w++ = '"';
    o->len = (size_t)(w - o->data);
    return 0;
}

static gp_object_t *json_out_finish(json_out_t *o)
{
    gp_object_t *r = gp_str_new_trusted(o->data ? o->data : "", o->len,
                                        o->ascii ? (intptr_t)o->len : -1, o->ascii);
    gp_mem_free(o->data);
    o->data = NULL;
    return r;
}

/* encode_basestring_ascii(s) / encode_basestring(s): s as a JSON string. */
static gp_object_t *json_encode_basestring_common(gp_object_t *const *args, size_t nargs,
                                                  gp_object_t *kwnames, const char *name,
                                                  bool ascii_only)
{
    if (gp_args_check(name, nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "first argument must be a string, not %T", args[0]);
        return NULL;
    }
    json_out_t o = {NULL, 0, 0, true};
    if (json_out_quoted(&o, args[0], ascii_only) < 0) {
        gp_mem_free(o.data);
        return NULL;
    }
    return json_out_finish(&o);
}

gp_object_t *gp_json_encode_basestring_ascii(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    (void)self;
    return json_encode_basestring_common(args, nargs, kwnames, "encode_basestring_ascii", true);
}

gp_object_t *gp_json_encode_basestring(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    (void)self;
    return json_encode_basestring_common(args, nargs, kwnames, "encode_basestring", false);
}

/* ------------------------------------------------------------------ */
/* The encoder object                                                   */
/* ------------------------------------------------------------------ */

typedef struct json_encoder {
    gp_object_t base;
    gp_object_t *default_fn;
    gp_object_t *encoder_fn; /* a custom string encoder, or NULL for the built-in ones */
    gp_object_t *indent;     /* str, or NULL for one-line output */
    gp_object_t *key_separator;
    gp_object_t *item_separator;
    bool ensure_ascii, sort_keys, skipkeys, allow_nan, check_circular;
    /* Raise with the messages of CPython's Python encoder (which it uses
       for indented output and for dump()) rather than its C encoder's. */
    bool python_messages;
} json_encoder_t;

/* The state of one encode call. */
typedef struct json_encode {
    json_encoder_t *enc;
    json_out_t out;
    gp_object_t **markers; /* containers being encoded (for check_circular) */
    size_t nmarkers, markers_cap;
} json_encode_t;

static int json_encode_value(json_encode_t *e, gp_object_t *o, intptr_t level);

/* Pushes [o] on the markers stack, or raises if it is already there. */
static int json_markers_push(json_encode_t *e, gp_object_t *o)
{
    if (!e->enc->check_circular)
        return 0;
    for (size_t i = 0; i < e->nmarkers; i++) {
        if (e->markers[i] == o) {
            gp_err_set_string(&gp_exc_ValueError, "Circular reference detected");
            return -1;
        }
    }
    if (e->nmarkers == e->markers_cap) {
        size_t cap = e->markers_cap ? e->markers_cap * 2 : 32;
        gp_object_t **m = gp_mem_realloc(e->markers, cap * sizeof *m);
        if (!m) {
            gp_err_no_memory();
            return -1;
        }
        e->markers = m;
        e->markers_cap = cap;
    }
    e->markers[e->nmarkers++] = o;
    return 0;
}

static void json_markers_pop(json_encode_t *e)
{
    if (e->enc->check_circular)
        e->nmarkers--;
}

/* Writes '\n' followed by [level] copies of the indent. */
static int json_write_newline_indent(json_encode_t *e, intptr_t level)
{
    gp_object_t *ind = e->enc->indent;
    size_t n = (size_t)GP_STR_BYTES(ind);
    if (json_out_reserve(&e->out, 1 + n * (size_t)(level > 0 ? level : 0)) < 0)
        return -1;
    e->out.data[e->out.len++] = '\n';
    for (intptr_t k = 0; k < level; k++) {
        memcpy(e->out.data + e->out.len, GP_STR_DATA(ind), n);
        e->out.len += n;
    }
    if (!GP_STR_ASCII(ind))
        e->out.ascii = false;
    return 0;
}

static int json_write_string(json_encode_t *e, gp_object_t *s)
{
    if (!e->enc->encoder_fn)
        return json_out_quoted(&e->out, s, e->enc->ensure_ascii);
    gp_object_t *r = gp_object_call1(e->enc->encoder_fn, s);
    if (!r)
        return -1;
    if (!gp_str_check(r)) {
        gp_err_format(&gp_exc_TypeError, "encoder() must return a string, not %T", r);
        GP_DECREF(r);
        return -1;
    }
    int rc = json_out_str(&e->out, r);
    GP_DECREF(r);
    return rc;
}

static int json_write_float(json_encode_t *e, gp_object_t *o)
{
    double v = gp_float_value(o);
    if (!isfinite(v)) {
        if (!e->enc->allow_nan) {
            /* CPython's Python encoder (used for indented output) names
               the value; its C encoder does not. */
            if (e->enc->python_messages) {
                gp_object_t *r = gp_float_repr_of(v);
                if (r) {
                    gp_err_format(&gp_exc_ValueError,
                                  "Out of range float values are not JSON compliant: %U", r);
                    GP_DECREF(r);
                }
            } else {
                gp_err_set_string(&gp_exc_ValueError,
                                  "Out of range float values are not JSON compliant");
            }
            return -1;
        }
        const char *text = isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
        return json_out_write(&e->out, text, strlen(text));
    }
    gp_object_t *r = gp_float_repr_of(v);
    if (!r)
        return -1;
    int rc = json_out_str(&e->out, r);
    GP_DECREF(r);
    return rc;
}

static int json_write_int(json_encode_t *e, gp_object_t *o)
{
    if (GP_IS_SMALL(o)) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)GP_SMALL_VALUE(o));
        return json_out_write(&e->out, buf, (size_t)n);
    }
    gp_object_t *r = gp_int_to_string(o, 10);
    if (!r)
        return -1;
    int rc = json_out_str(&e->out, r);
    GP_DECREF(r);
    return rc;
}

/* Writes the opening bracket and, when indenting, the first line break. */
static int json_open(json_encode_t *e, char bracket, intptr_t level)
{
    if (json_out_write(&e->out, &bracket, 1) < 0)
        return -1;
    return e->enc->indent ? json_write_newline_indent(e, level + 1) : 0;
}

static int json_close(json_encode_t *e, char bracket, intptr_t level)
{
    if (e->enc->indent && json_write_newline_indent(e, level) < 0)
        return -1;
    return json_out_write(&e->out, &bracket, 1);
}

static int json_write_separator(json_encode_t *e, intptr_t level)
{
    if (json_out_str(&e->out, e->enc->item_separator) < 0)
        return -1;
    return e->enc->indent ? json_write_newline_indent(e, level + 1) : 0;
}

static const char *json_recursion_where(json_encode_t *e)
{
    return e->enc->python_messages ? " while calling a Python object"
                                   : " while encoding a JSON object";
}

static int json_encode_list(json_encode_t *e, gp_object_t *seq, intptr_t level)
{
    bool is_list = gp_list_check(seq);
    intptr_t n = is_list ? GP_LIST_SIZE(seq) : GP_TUPLE_SIZE(seq);
    if (n == 0)
        return json_out_write(&e->out, "[]", 2);
    if (json_markers_push(e, seq) < 0)
        return -1;
    if (gp_recursion_enter(json_recursion_where(e)) < 0) {
        json_markers_pop(e);
        return -1;
    }
    int rc = json_open(e, '[', level);
    for (intptr_t i = 0; rc == 0; i++) {
        /* A list may shrink while default() runs: re-read its size. */
        if (i >= (is_list ? GP_LIST_SIZE(seq) : n))
            break;
        gp_object_t *item = GP_INCREF(is_list ? GP_LIST_GET(seq, i) : GP_TUPLE_GET(seq, i));
        if (i > 0)
            rc = json_write_separator(e, level);
        if (rc == 0)
            rc = json_encode_value(e, item, level + 1);
        GP_DECREF(item);
    }
    if (rc == 0)
        rc = json_close(e, ']', level);
    gp_recursion_leave();
    json_markers_pop(e);
    return rc;
}

/* Writes one dict key as a JSON string; returns 1 when skipkeys drops it. */
static int json_write_key(json_encode_t *e, gp_object_t *key)
{
    if (gp_str_check(key))
        return json_write_string(e, key);
    gp_object_t *text = NULL;
    if (key == gp_True || key == gp_False || key == gp_None)
        text = gp_str_from_cstr(key == gp_True ? "true" : key == gp_False ? "false" : "null");
    else if (gp_float_check(key)) {
        double v = gp_float_value(key);
        if (!isfinite(v)) {
            if (!e->enc->allow_nan) {
                /* Keys go through the same float encoder in both CPython
                   encoders, but only the indented one names the value. */
                return json_write_float(e, key);
            }
            text = gp_str_from_cstr(isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        } else {
            text = gp_float_repr_of(v);
        }
    } else if (gp_int_check(key)) {
        text = gp_int_to_string(key, 10);
    } else if (e->enc->skipkeys) {
        return 1;
    } else {
        gp_err_format(&gp_exc_TypeError, "keys must be str, int, float, bool or None, not %T", key);
        return -1;
    }
    if (!text)
        return -1;
    int rc = json_write_string(e, text);
    GP_DECREF(text);
    return rc;
}

/* Writes one "key": value member, preceded by the item separator unless
   it is the first one written. *first is cleared once a member is out. */
static int json_encode_member(json_encode_t *e, gp_object_t *key, gp_object_t *value,
                              intptr_t level, bool *first)
{
    /* A skipped key must not leave a separator behind. */
    size_t mark = e->out.len;
    if (!*first && json_write_separator(e, level) < 0)
        return -1;
    int rc = json_write_key(e, key);
    if (rc == 1) {
        e->out.len = mark;
        return 0;
    }
    if (rc < 0)
        return -1;
    *first = false;
    if (json_out_str(&e->out, e->enc->key_separator) < 0)
        return -1;
    return json_encode_value(e, value, level + 1);
}

/* The members of an exact dict in insertion order, read in place. A
   default() that adds or removes keys while this runs gets CPython's
   "dictionary changed size during iteration". */
static int json_encode_members_inplace(json_encode_t *e, gp_object_t *dict, intptr_t level)
{
    uint64_t version = gp_dict_version(dict);
    intptr_t pos = 0;
    gp_object_t *k, *v;
    bool first = true;
    while (gp_dict_next(dict, &pos, &k, &v)) {
        GP_INCREF(k);
        GP_INCREF(v);
        int rc = json_encode_member(e, k, v, level, &first);
        GP_DECREF(k);
        GP_DECREF(v);
        if (rc < 0)
            return -1;
        if (gp_dict_version(dict) != version) {
            gp_err_set_string(&gp_exc_RuntimeError, "dictionary changed size during iteration");
            return -1;
        }
    }
    return 0;
}

/* The members from a snapshot: sorted keys of an exact dict, or the
   items() of a dict subclass (sorted when asked). */
static int json_encode_members_snapshot(json_encode_t *e, gp_object_t *dict, intptr_t level)
{
    bool exact = gp_dict_check_exact(dict);
    gp_object_t *items;
    if (exact) {
        items = gp_dict_keys_list(dict);
    } else {
        gp_object_t *view = gp_object_call_method(dict, "items", NULL, 0);
        if (!view)
            return -1;
        items = gp_list_from_iterable(view);
        GP_DECREF(view);
    }
    if (!items)
        return -1;
    int rc = 0;
    if (e->enc->sort_keys && gp_list_sort(items, NULL, false) < 0)
        rc = -1;
    bool first = true;
    for (intptr_t i = 0; rc == 0 && i < GP_LIST_SIZE(items); i++) {
        gp_object_t *item = GP_LIST_GET(items, i), *key, *value;
        if (exact) {
            key = item;
            value = gp_dict_getitem(dict, key);
            if (!value) {
                if (!gp_err_occurred())
                    gp_err_set_object(&gp_exc_KeyError, key);
                rc = -1;
                break;
            }
        } else {
            if (!gp_tuple_check(item) || GP_TUPLE_SIZE(item) != 2) {
                gp_err_set_string(&gp_exc_ValueError, "items must return tuples of 2");
                rc = -1;
                break;
            }
            key = GP_TUPLE_GET(item, 0);
            value = GP_TUPLE_GET(item, 1);
        }
        GP_INCREF(value);
        rc = json_encode_member(e, key, value, level, &first);
        GP_DECREF(value);
    }
    GP_DECREF(items);
    return rc;
}

static int json_encode_dict(json_encode_t *e, gp_object_t *dict, intptr_t level)
{
    if (gp_dict_size(dict) == 0)
        return json_out_write(&e->out, "{}", 2);
    if (json_markers_push(e, dict) < 0)
        return -1;
    if (gp_recursion_enter(json_recursion_where(e)) < 0) {
        json_markers_pop(e);
        return -1;
    }
    int rc = json_open(e, '{', level);
    if (rc == 0) {
        if (gp_dict_check_exact(dict) && !e->enc->sort_keys)
            rc = json_encode_members_inplace(e, dict, level);
        else
            rc = json_encode_members_snapshot(e, dict, level);
    }
    if (rc == 0)
        rc = json_close(e, '}', level);
    gp_recursion_leave();
    json_markers_pop(e);
    return rc;
}

static int json_encode_value(json_encode_t *e, gp_object_t *o, intptr_t level)
{
    if (o == gp_None)
        return json_out_write(&e->out, "null", 4);
    if (o == gp_True)
        return json_out_write(&e->out, "true", 4);
    if (o == gp_False)
        return json_out_write(&e->out, "false", 5);
    if (gp_str_check(o))
        return json_write_string(e, o);
    if (gp_int_check(o))
        return json_write_int(e, o);
    if (gp_float_check(o))
        return json_write_float(e, o);
    if (gp_list_check(o) || gp_tuple_check(o))
        return json_encode_list(e, o, level);
    if (gp_dict_check(o))
        return json_encode_dict(e, o, level);

    /* Anything else goes through default(), whose result is encoded in
       the object's place. */
    if (json_markers_push(e, o) < 0)
        return -1;
    gp_object_t *replacement = gp_object_call1(e->enc->default_fn, o);
    int rc = -1;
    if (replacement) {
        if (gp_recursion_enter(json_recursion_where(e)) == 0) {
            rc = json_encode_value(e, replacement, level);
            gp_recursion_leave();
        }
        GP_DECREF(replacement);
    }
    json_markers_pop(e);
    return rc;
}

/* make_encoder(check_circular, default, encoder, indent, key_separator,
   item_separator, sort_keys, skipkeys, allow_nan, ensure_ascii[, python_messages]).
   [encoder] None selects the built-in string encoder for [ensure_ascii];
   [indent] is None or a str. */
gp_object_t *gp_json_make_encoder(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    (void)self;
    if (gp_args_check("make_encoder", nargs, kwnames, 10, 11) < 0)
        return NULL;
    if (args[3] != gp_None && !gp_str_check(args[3])) {
        gp_err_format(&gp_exc_TypeError, "make_encoder() argument 4 must be str or None, not %T",
                      args[3]);
        return NULL;
    }
    for (int k = 4; k <= 5; k++) {
        if (!gp_str_check(args[k])) {
            gp_err_format(&gp_exc_TypeError, "make_encoder() argument %d must be str, not %T",
                          k + 1, args[k]);
            return NULL;
        }
    }
    int flags[5];
    const int flag_args[5] = {0, 6, 7, 8, 9};
    for (int k = 0; k < 5; k++) {
        flags[k] = gp_object_is_true(args[flag_args[k]]);
        if (flags[k] < 0)
            return NULL;
    }
    int python_messages = nargs > 10 ? gp_object_is_true(args[10]) : args[3] != gp_None;
    if (python_messages < 0)
        return NULL;
    json_encoder_t *enc = (json_encoder_t *)gp_object_alloc(&gp_json_encoder_type, 0);
    if (!enc)
        return NULL;
    enc->check_circular = flags[0];
    enc->default_fn = GP_INCREF(args[1]);
    enc->encoder_fn = json_optional(args[2]);
    enc->indent = json_optional(args[3]);
    enc->key_separator = GP_INCREF(args[4]);
    enc->item_separator = GP_INCREF(args[5]);
    enc->sort_keys = flags[1];
    enc->skipkeys = flags[2];
    enc->allow_nan = flags[3];
    enc->ensure_ascii = flags[4];
    enc->python_messages = python_messages;
    gp_gc_track((gp_object_t *)enc);
    return (gp_object_t *)enc;
}

/* encoder(obj, indent_level) -> (text,): the JSON text as one chunk. */
static gp_object_t *json_encoder_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("_iterencode", nargs, kwnames, 1, 2) < 0)
        return NULL;
    intptr_t level = 0;
    if (nargs > 1) {
        level = gp_number_as_ssize(args[1], &gp_exc_OverflowError);
        if (level == -1 && gp_err_occurred())
            return NULL;
    }
    json_encode_t e = {(json_encoder_t *)self, {NULL, 0, 0, true}, NULL, 0, 0};
    int rc = json_encode_value(&e, args[0], level);
    gp_mem_free(e.markers);
    if (rc < 0) {
        gp_mem_free(e.out.data);
        return NULL;
    }
    gp_object_t *text = json_out_finish(&e.out);
    if (!text)
        return NULL;
    gp_object_t *result = gp_tuple_pack(1, text);
    GP_DECREF(text);
    return result;
}

static int json_encoder_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    json_encoder_t *enc = (json_encoder_t *)self;
    gp_object_t *refs[] = {enc->default_fn, enc->encoder_fn, enc->indent, enc->key_separator,
                           enc->item_separator};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)) != 0)
            return r;
    }
    return 0;
}

static int json_encoder_clear(gp_object_t *self)
{
    json_encoder_t *enc = (json_encoder_t *)self;
    GP_CLEAR(enc->default_fn);
    GP_CLEAR(enc->encoder_fn);
    GP_CLEAR(enc->indent);
    GP_CLEAR(enc->key_separator);
    GP_CLEAR(enc->item_separator);
    return 0;
}

static void json_encoder_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    json_encoder_clear(self);
    gp_object_free(self);
}

gp_type_t gp_json_encoder_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_json.Encoder",
    .basicsize = sizeof(json_encoder_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = json_encoder_dealloc,
    .call = json_encoder_call,
    .traverse = json_encoder_traverse,
    .clear = json_encoder_clear,
    .doc = "JSON encoder object",
};
