/*
 * json.c - the _json module: json's scanner (decoder) and the module table.
 *
 * Design notes
 * ------------
 * lib/json/ keeps the public API (loads, dumps, JSONDecoder, JSONEncoder,
 * JSONDecodeError) in Python, as CPython does, and hands the two hot loops
 * to this file:
 *
 *   - A Scanner (made by make_scanner) parses one JSON value starting at a
 *     character index and returns (value, end). Its decode() method parses
 *     a whole document, whitespace and "Extra data" check included, which
 *     is what json.loads() calls.
 *   - An Encoder (made by make_encoder) turns a Python value into JSON text
 *     in one pass, with or without indentation.
 *
 * Both work directly on str's internal UTF-8 (see obj/str.h): the scanner
 * walks bytes and slices substrings out of the document without decoding
 * them, and the encoder appends bytes to one growing buffer that becomes
 * the result str without a validation pass. Positions a script can see
 * (the `end` of scan results, the `pos` of JSONDecodeError) are counted in
 * code points like CPython's; they are converted from byte offsets only at
 * those edges, so ASCII documents never pay for it.
 *
 * The grammar, the order of the checks and therefore every error message
 * and position follow CPython 3.11's _json.c exactly: "Expecting value",
 * "Expecting ',' delimiter", "Unterminated string starting at", "Invalid
 * \escape", and so on. A value that is simply absent is not an error here
 * but a signal (StopIteration(idx) for the scanner call, as CPython's
 * scanner raises): the caller decides how to report it. Internally that
 * signal is a NULL return with no exception set and the position in
 * json_parse_t.stop_pos.
 *
 * Object keys repeat a lot in real documents (arrays of records), so the
 * parser keeps a small direct-mapped cache from key bytes to the str
 * object made for them: a repeated key costs a memcmp instead of an
 * allocation, and the shared str keeps its computed hash for every dict it
 * is inserted into.
 *
 * A document parsed without Python hooks runs no Python code and builds
 * only new acyclic containers, so automatic cycle collections are paused
 * for its duration (json_gc_pause) instead of firing hundreds of times.
 *
 * The encoder lives in json_encode.c; this file registers it with the
 * module.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mod/json.h"
#include "obj/str.h"
#include "runtime/gc.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* Small helpers                                                        */
/* ------------------------------------------------------------------ */

static inline bool json_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline bool json_is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Code point index of byte offset [off] of [doc]. */
static intptr_t json_cp_index(gp_object_t *doc, size_t off)
{
    if (GP_STR_ASCII(doc))
        return (intptr_t)off;
    return gp_str_index_of_offset(doc, off);
}

/* Byte offset of code point [idx] (0 <= idx <= length) of [doc]. */
static size_t json_byte_offset(gp_object_t *doc, intptr_t idx)
{
    if (GP_STR_ASCII(doc))
        return (size_t)idx;
    return (size_t)(gp_str_at(doc, idx) - GP_STR_DATA(doc));
}

/* ------------------------------------------------------------------ */
/* The scanner object                                                   */
/* ------------------------------------------------------------------ */

typedef struct json_scanner {
    gp_object_t base;
    bool strict;
    /* NULL means "the default": dict, float(), int(), float constants. */
    gp_object_t *object_hook;
    gp_object_t *object_pairs_hook;
    gp_object_t *parse_float;
    gp_object_t *parse_int;
    gp_object_t *parse_constant;
    gp_object_t *error_class; /* JSONDecodeError, called as (msg, doc, pos) */
} json_scanner_t;

#define JSON_KEY_CACHE_SIZE      256
#define JSON_KEY_CACHE_MAX_BYTES 64

/* The state of one parse. */
typedef struct json_parse {
    json_scanner_t *sc;
    gp_object_t *doc;
    const unsigned char *data; /* NUL-terminated */
    size_t len;
    size_t stop_pos;    /* where a value was expected but absent */
    /* Cached key strs, valid once keys_ready is set. The table lives in
       this (stack) struct: a heap block of this size per parse would make
       the C allocator consolidate its free lists on every call. */
    bool keys_ready;
    gp_object_t *keys[JSON_KEY_CACHE_SIZE];
    char *scratch;      /* buffer for strings with escapes */
    size_t scratch_cap;
} json_parse_t;

static void json_parse_init(json_parse_t *p, json_scanner_t *sc, gp_object_t *doc)
{
    p->sc = sc;
    p->doc = doc;
    p->data = (const unsigned char *)GP_STR_DATA(doc);
    p->len = (size_t)GP_STR_BYTES(doc);
    p->stop_pos = 0;
    p->keys_ready = false;
    p->scratch = NULL;
    p->scratch_cap = 0;
}

static void json_parse_finish(json_parse_t *p)
{
    if (p->keys_ready) {
        for (size_t i = 0; i < JSON_KEY_CACHE_SIZE; i++)
            GP_XDECREF(p->keys[i]);
    }
    gp_mem_free(p->scratch);
}

/* Raises error_class(msg, doc, pos) with [off] converted to a character index. */
static void json_raise(json_parse_t *p, const char *msg, size_t off)
{
    gp_object_t *m = gp_str_from_cstr(msg);
    gp_object_t *pos = m ? gp_int_from_i64(json_cp_index(p->doc, off)) : NULL;
    if (!pos) {
        GP_XDECREF(m);
        return;
    }
    gp_object_t *args[3] = {m, p->doc, pos};
    gp_object_t *cls = p->sc->error_class;
    gp_object_t *exc = cls ? gp_object_call(cls, args, 3, NULL) : NULL;
    if (!cls)
        gp_err_set_string(&gp_exc_ValueError, msg);
    GP_DECREF(m);
    GP_DECREF(pos);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

static inline size_t json_skip_space(const json_parse_t *p, size_t i)
{
    while (i < p->len && json_is_space(p->data[i]))
        i++;
    return i;
}

static gp_object_t *json_parse_value(json_parse_t *p, size_t i, size_t *end);

/* ------------------------------------------------------------------ */
/* Strings                                                              */
/* ------------------------------------------------------------------ */

static int json_hex4(const unsigned char *s, uint32_t *out)
{
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned char c = s[k];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/* Makes sure the scratch buffer holds [need] bytes. */
static int json_scratch_reserve(json_parse_t *p, size_t need)
{
    if (need <= p->scratch_cap)
        return 0;
    size_t cap = p->scratch_cap ? p->scratch_cap : 256;
    while (cap < need)
        cap *= 2;
    char *data = gp_mem_realloc(p->scratch, cap);
    if (!data) {
        gp_err_no_memory();
        return -1;
    }
    p->scratch = data;
    p->scratch_cap = cap;
    return 0;
}

/* Scans plain characters from [j] to the next '"' or '\\' and returns
   that position, clearing *ascii if a non-ASCII byte was passed; returns
   SIZE_MAX with an exception set for a control character (when strict) or
   a string that never ends ([begin] is its opening quote). */
static size_t json_scan_plain(json_parse_t *p, size_t j, size_t begin, bool *ascii)
{
    const unsigned char *d = p->data;
    size_t len = p->len;
    bool strict = p->sc->strict;
    for (; j < len; j++) {
        unsigned char c = d[j];
        if (c == '"' || c == '\\')
            return j;
        if (c < 0x20 && strict) {
            json_raise(p, "Invalid control character at", j);
            return SIZE_MAX;
        }
        if (c >= 0x80)
            *ascii = false;
    }
    json_raise(p, "Unterminated string starting at", begin);
    return SIZE_MAX;
}

/* Decodes the string whose opening quote is at [i] - 1; *end is set past
   the closing quote. Strings without escapes are sliced out of the
   document; the rest are built in the scratch buffer. */
static gp_object_t *json_parse_string(json_parse_t *p, size_t i, size_t *end)
{
    const unsigned char *d = p->data;
    size_t len = p->len, begin = i - 1, j = i;
    bool ascii = true;
    unsigned char c;

    j = json_scan_plain(p, j, begin, &ascii);
    if (j == SIZE_MAX)
        return NULL;
    c = d[j];
    if (c == '"') {
        *end = j + 1;
        size_t n = j - i;
        return gp_str_new_trusted((const char *)d + i, n, ascii ? (intptr_t)n : -1, ascii);
    }

    /* Escapes: copy what was scanned, then decode the rest piece by
       piece into the scratch buffer, growing it as the string needs. */
    size_t n = j - i;
    if (json_scratch_reserve(p, n + 16) < 0)
        return NULL;
    memcpy(p->scratch, d + i, n);
    for (;;) {
        /* d[j] is '"' or '\\'. */
        if (d[j] == '"')
            break;
        j++;
        if (j >= len) {
            json_raise(p, "Unterminated string starting at", begin);
            return NULL;
        }
        c = d[j];
        if (c != 'u') {
            char r;
            switch (c) {
            case '"':
                r = '"';
                break;
            case '\\':
                r = '\\';
                break;
            case '/':
                r = '/';
                break;
            case 'b':
                r = '\b';
                break;
            case 'f':
                r = '\f';
                break;
            case 'n':
                r = '\n';
                break;
            case 'r':
                r = '\r';
                break;
            case 't':
                r = '\t';
                break;
            default:
                json_raise(p, "Invalid \\escape", j - 1);
                return NULL;
            }
            p->scratch[n++] = r;
            j++;
        } else {
            j++; /* the first hex digit */
            size_t hex_end = j + 4;
            uint32_t cp;
            if (hex_end >= len) {
                json_raise(p, "Invalid \\uXXXX escape", j - 1);
                return NULL;
            }
            if (json_hex4(d + j, &cp) < 0) {
                json_raise(p, "Invalid \\uXXXX escape", hex_end - 5);
                return NULL;
            }
            j = hex_end;
            /* A high surrogate followed by an escaped low one is one
               character; any other surrogate stays as it is. */
            if (cp >= 0xD800 && cp <= 0xDBFF && hex_end + 6 < len && d[j] == '\\' &&
                d[j + 1] == 'u') {
                uint32_t low;
                if (json_hex4(d + j + 2, &low) < 0) {
                    json_raise(p, "Invalid \\uXXXX escape", hex_end + 1);
                    return NULL;
                }
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + (((cp - 0xD800) << 10) | (low - 0xDC00));
                    j += 6;
                }
            }
            if (cp >= 0x80)
                ascii = false;
            n += (size_t)gp_utf8_encode(p->scratch + n, cp);
        }
        /* Copy the next run of plain characters. */
        size_t run = j;
        j = json_scan_plain(p, j, begin, &ascii);
        if (j == SIZE_MAX)
            return NULL;
        /* Room for this run and for the next escape (at most 4 bytes). */
        if (json_scratch_reserve(p, n + (j - run) + 16) < 0)
            return NULL;
        memcpy(p->scratch + n, d + run, j - run);
        n += j - run;
    }
    *end = j + 1;
    return gp_str_new_trusted(p->scratch, n, ascii ? (intptr_t)n : -1, ascii);
}

/* A key: like a string, but short escape-free keys go through the cache. */
static gp_object_t *json_parse_key(json_parse_t *p, size_t i, size_t *end)
{
    const unsigned char *d = p->data;
    size_t j = i, limit = i + JSON_KEY_CACHE_MAX_BYTES;
    if (limit > p->len)
        limit = p->len;
    uint32_t h = 2166136261u;
    while (j < limit) {
        unsigned char c = d[j];
        if (c == '"' || c == '\\' || c < 0x20)
            break;
        h = (h ^ c) * 16777619u;
        j++;
    }
    if (j >= limit || d[j] != '"')
        return json_parse_string(p, i, end);
    if (!p->keys_ready) {
        memset(p->keys, 0, sizeof p->keys);
        p->keys_ready = true;
    }
    size_t n = j - i;
    gp_object_t **slot = &p->keys[(h ^ (h >> 16)) & (JSON_KEY_CACHE_SIZE - 1)];
    gp_object_t *k = *slot;
    if (k && (size_t)GP_STR_BYTES(k) == n && memcmp(GP_STR_DATA(k), d + i, n) == 0) {
        *end = j + 1;
        return GP_INCREF(k);
    }
    k = json_parse_string(p, i, end);
    if (k)
        GP_SETREF(*slot, GP_INCREF(k));
    return k;
}

/* ------------------------------------------------------------------ */
/* Numbers and constants                                                */
/* ------------------------------------------------------------------ */

static gp_object_t *json_call_on_text(gp_object_t *fn, const unsigned char *s, size_t n)
{
    gp_object_t *text = gp_str_new_trusted((const char *)s, n, (intptr_t)n, true);
    if (!text)
        return NULL;
    gp_object_t *r = gp_object_call1(fn, text);
    GP_DECREF(text);
    return r;
}

static gp_object_t *json_parse_number(json_parse_t *p, size_t start, size_t *end)
{
    const unsigned char *d = p->data;
    size_t len = p->len, i = start;
    bool is_float = false;

    if (d[i] == '-') {
        i++;
        if (i >= len) {
            p->stop_pos = start;
            return NULL;
        }
    }
    if (d[i] >= '1' && d[i] <= '9') {
        i++;
        while (i < len && json_is_digit(d[i]))
            i++;
    } else if (d[i] == '0') {
        i++;
    } else {
        p->stop_pos = start;
        return NULL;
    }
    if (i + 1 < len && d[i] == '.' && json_is_digit(d[i + 1])) {
        is_float = true;
        i += 2;
        while (i < len && json_is_digit(d[i]))
            i++;
    }
    if (i + 1 < len && (d[i] == 'e' || d[i] == 'E')) {
        size_t e_start = i;
        i++;
        if (i + 1 < len && (d[i] == '-' || d[i] == '+'))
            i++;
        while (i < len && json_is_digit(d[i]))
            i++;
        if (json_is_digit(d[i - 1]))
            is_float = true;
        else
            i = e_start;
    }
    *end = i;
    size_t n = i - start;
    const unsigned char *s = d + start;

    if (is_float) {
        if (p->sc->parse_float)
            return json_call_on_text(p->sc->parse_float, s, n);
        char small[64];
        char *buf = n < sizeof small ? small : gp_mem_alloc(n + 1);
        if (!buf) {
            gp_err_no_memory();
            return NULL;
        }
        memcpy(buf, s, n);
        buf[n] = '\0';
        double v = strtod(buf, NULL);
        if (buf != small)
            gp_mem_free(buf);
        return gp_float_new(v);
    }
    if (p->sc->parse_int)
        return json_call_on_text(p->sc->parse_int, s, n);
    /* Up to 18 digits fit an int64 without overflow checks. */
    bool neg = s[0] == '-';
    size_t digits = n - (neg ? 1 : 0);
    if (digits <= 18) {
        int64_t v = 0;
        for (size_t k = neg ? 1 : 0; k < n; k++)
            v = v * 10 + (s[k] - '0');
        return gp_int_from_i64(neg ? -v : v);
    }
    return gp_int_from_string((const char *)s, n, 10);
}

/* NaN, Infinity, -Infinity: through parse_constant, or the float values. */
static gp_object_t *json_parse_constant(json_parse_t *p, const char *name, double value)
{
    if (p->sc->parse_constant)
        return json_call_on_text(p->sc->parse_constant, (const unsigned char *)name, strlen(name));
    return gp_float_new(value);
}

static inline bool json_match(const json_parse_t *p, size_t i, const char *word, size_t n)
{
    return i + n <= p->len && memcmp(p->data + i, word, n) == 0;
}

/* ------------------------------------------------------------------ */
/* Containers                                                           */
/* ------------------------------------------------------------------ */

/* Parses an object whose '{' is at [i] - 1. */
static gp_object_t *json_parse_object(json_parse_t *p, size_t i, size_t *end)
{
    json_scanner_t *sc = p->sc;
    bool pairs = sc->object_pairs_hook != NULL;
    gp_object_t *container = pairs ? gp_list_new(0) : gp_dict_new();
    gp_object_t *key = NULL, *val = NULL, *result = NULL;
    if (!container)
        return NULL;
    if (gp_recursion_enter(" while decoding a JSON object from a unicode string") < 0) {
        GP_DECREF(container);
        return NULL;
    }
    const unsigned char *d = p->data;
    size_t len = p->len;
    i = json_skip_space(p, i);
    if (i >= len || d[i] != '}') {
        for (;;) {
            if (i >= len || d[i] != '"') {
                json_raise(p, "Expecting property name enclosed in double quotes", i);
                goto done;
            }
            key = json_parse_key(p, i + 1, &i);
            if (!key)
                goto done;
            i = json_skip_space(p, i);
            if (i >= len || d[i] != ':') {
                json_raise(p, "Expecting ':' delimiter", i);
                goto done;
            }
            i = json_skip_space(p, i + 1);
            val = json_parse_value(p, i, &i);
            if (!val)
                goto done;
            if (pairs) {
                gp_object_t *item = gp_tuple_new(2);
                if (!item)
                    goto done;
                GP_TUPLE_SET(item, 0, key);
                GP_TUPLE_SET(item, 1, val);
                key = val = NULL;
                int rc = gp_list_append(container, item);
                GP_DECREF(item);
                if (rc < 0)
                    goto done;
            } else {
                if (gp_dict_setitem(container, key, val) < 0)
                    goto done;
                GP_CLEAR(key);
                GP_CLEAR(val);
            }
            i = json_skip_space(p, i);
            if (i < len && d[i] == '}')
                break;
            if (i >= len || d[i] != ',') {
                json_raise(p, "Expecting ',' delimiter", i);
                goto done;
            }
            i = json_skip_space(p, i + 1);
        }
    }
    *end = i + 1;
    if (pairs)
        result = gp_object_call1(sc->object_pairs_hook, container);
    else if (sc->object_hook)
        result = gp_object_call1(sc->object_hook, container);
    else
        result = GP_INCREF(container);
done:
    gp_recursion_leave();
    GP_XDECREF(key);
    GP_XDECREF(val);
    GP_DECREF(container);
    return result;
}

/* Parses an array whose '[' is at [i] - 1. */
static gp_object_t *json_parse_array(json_parse_t *p, size_t i, size_t *end)
{
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    if (gp_recursion_enter(" while decoding a JSON array from a unicode string") < 0) {
        GP_DECREF(list);
        return NULL;
    }
    const unsigned char *d = p->data;
    size_t len = p->len;
    i = json_skip_space(p, i);
    if (i >= len || d[i] != ']') {
        for (;;) {
            gp_object_t *val = json_parse_value(p, i, &i);
            if (!val)
                goto fail;
            int rc = gp_list_append(list, val);
            GP_DECREF(val);
            if (rc < 0)
                goto fail;
            i = json_skip_space(p, i);
            if (i < len && d[i] == ']')
                break;
            if (i >= len || d[i] != ',') {
                json_raise(p, "Expecting ',' delimiter", i);
                goto fail;
            }
            i = json_skip_space(p, i + 1);
        }
    }
    gp_recursion_leave();
    *end = i + 1;
    return list;
fail:
    gp_recursion_leave();
    GP_DECREF(list);
    return NULL;
}

/* Parses the value starting exactly at [i]. NULL without an exception:
   no value starts there (p->stop_pos says where). */
static gp_object_t *json_parse_value(json_parse_t *p, size_t i, size_t *end)
{
    if (i >= p->len) {
        p->stop_pos = i;
        return NULL;
    }
    switch (p->data[i]) {
    case '"':
        return json_parse_string(p, i + 1, end);
    case '{':
        return json_parse_object(p, i + 1, end);
    case '[':
        return json_parse_array(p, i + 1, end);
    case 'n':
        if (json_match(p, i, "null", 4)) {
            *end = i + 4;
            return gp_none_new();
        }
        break;
    case 't':
        if (json_match(p, i, "true", 4)) {
            *end = i + 4;
            return gp_bool_from(true);
        }
        break;
    case 'f':
        if (json_match(p, i, "false", 5)) {
            *end = i + 5;
            return gp_bool_from(false);
        }
        break;
    case 'N':
        if (json_match(p, i, "NaN", 3)) {
            *end = i + 3;
            return json_parse_constant(p, "NaN", NAN);
        }
        break;
    case 'I':
        if (json_match(p, i, "Infinity", 8)) {
            *end = i + 8;
            return json_parse_constant(p, "Infinity", INFINITY);
        }
        break;
    case '-':
        if (json_match(p, i, "-Infinity", 9)) {
            *end = i + 9;
            return json_parse_constant(p, "-Infinity", -INFINITY);
        }
        return json_parse_number(p, i, end);
    default:
        return json_parse_number(p, i, end);
    }
    p->stop_pos = i;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Scanner: construction, call and decode                               */
/* ------------------------------------------------------------------ */

static gp_type_t json_scanner_type;

static gp_object_t *json_none_to_null(gp_object_t *o)
{
    return o == gp_None ? NULL : GP_INCREF(o);
}

/* make_scanner(strict, object_hook, object_pairs_hook, parse_float,
   parse_int, parse_constant, error_class): None means the default for
   each hook. parse_float=float and parse_int=int also take the fast path. */
static gp_object_t *json_make_scanner(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    (void)self;
    if (gp_args_check("make_scanner", nargs, kwnames, 7, 7) < 0)
        return NULL;
    int strict = gp_object_is_true(args[0]);
    if (strict < 0)
        return NULL;
    json_scanner_t *sc = (json_scanner_t *)gp_object_alloc(&json_scanner_type, 0);
    if (!sc)
        return NULL;
    sc->strict = strict;
    sc->object_hook = json_none_to_null(args[1]);
    sc->object_pairs_hook = json_none_to_null(args[2]);
    sc->parse_float = args[3] == (gp_object_t *)&gp_float_type ? NULL : json_none_to_null(args[3]);
    sc->parse_int = args[4] == (gp_object_t *)&gp_int_type ? NULL : json_none_to_null(args[4]);
    sc->parse_constant = json_none_to_null(args[5]);
    sc->error_class = json_none_to_null(args[6]);
    gp_gc_track((gp_object_t *)sc);
    return (gp_object_t *)sc;
}

/* While a document without Python hooks is parsed, no Python code runs
   and every container made is new and acyclic, so automatic collections
   (which a large document would trigger hundreds of times, each walking
   the young containers) are paused and run at most once afterwards. */
static bool json_gc_pause(const json_scanner_t *sc)
{
    if (sc->object_hook || sc->object_pairs_hook || sc->parse_float || sc->parse_int ||
        sc->parse_constant || !gp_gc_is_enabled())
        return false;
    gp_gc_disable();
    return true;
}

static void json_gc_resume(bool paused)
{
    if (paused)
        gp_gc_enable();
}

/* scanner(string, idx) -> (value, end); StopIteration(idx) when no value
   starts at idx. */
static gp_object_t *json_scanner_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("scan_once", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_object_t *doc = args[0];
    if (!gp_str_check(doc)) {
        gp_err_format(&gp_exc_TypeError, "first argument must be a string, not %T", doc);
        return NULL;
    }
    intptr_t idx = gp_number_as_ssize(args[1], &gp_exc_OverflowError);
    if (idx == -1 && gp_err_occurred())
        return NULL;
    if (idx < 0) {
        gp_err_set_string(&gp_exc_ValueError, "idx cannot be negative");
        return NULL;
    }
    json_parse_t p;
    json_parse_init(&p, (json_scanner_t *)self, doc);
    gp_object_t *value = NULL, *result = NULL;
    size_t end = 0;
    bool past_end = idx >= GP_STR_LEN(doc);
    if (!past_end) {
        bool paused = json_gc_pause(p.sc);
        value = json_parse_value(&p, json_byte_offset(doc, idx), &end);
        json_gc_resume(paused);
    }
    if (!value) {
        if (!gp_err_occurred()) {
            /* Past the end, the index itself is reported, as CPython does. */
            gp_object_t *pos = gp_int_from_i64(past_end ? idx : json_cp_index(doc, p.stop_pos));
            gp_object_t *exc =
                pos ? gp_object_call1((gp_object_t *)&gp_exc_StopIteration, pos) : NULL;
            GP_XDECREF(pos);
            if (exc) {
                gp_err_set_exception(exc);
                GP_DECREF(exc);
            }
        }
        goto done;
    }
    gp_object_t *end_obj = gp_int_from_i64(json_cp_index(doc, end));
    if (end_obj) {
        result = gp_tuple_pack(2, value, end_obj);
        GP_DECREF(end_obj);
    }
done:
    GP_XDECREF(value);
    json_parse_finish(&p);
    return result;
}

/* scanner.decode(string): the whole document as json.loads() wants it:
   surrounding whitespace allowed, anything else after the value is
   "Extra data". */
static gp_object_t *json_scanner_decode(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_args_check("decode", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *doc = args[0];
    if (!gp_str_check(doc)) {
        gp_err_format(&gp_exc_TypeError, "first argument must be a string, not %T", doc);
        return NULL;
    }
    json_parse_t p;
    json_parse_init(&p, (json_scanner_t *)self, doc);
    size_t end = 0;
    bool paused = json_gc_pause(p.sc);
    gp_object_t *value = json_parse_value(&p, json_skip_space(&p, 0), &end);
    json_gc_resume(paused);
    if (!value) {
        if (!gp_err_occurred())
            json_raise(&p, "Expecting value", p.stop_pos);
    } else {
        end = json_skip_space(&p, end);
        if (end != p.len) {
            json_raise(&p, "Extra data", end);
            GP_CLEAR(value);
        }
    }
    json_parse_finish(&p);
    return value;
}

/* scanstring(string, end, strict, error_class) -> (str, end): decodes the
   string whose opening quote is at end - 1 (json.decoder.scanstring). */
static gp_object_t *json_scanstring(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    (void)self;
    if (gp_args_check("scanstring", nargs, kwnames, 4, 4) < 0)
        return NULL;
    gp_object_t *doc = args[0];
    if (!gp_str_check(doc)) {
        gp_err_format(&gp_exc_TypeError, "first argument must be a string, not %T", doc);
        return NULL;
    }
    intptr_t idx = gp_number_as_ssize(args[1], &gp_exc_OverflowError);
    if (idx == -1 && gp_err_occurred())
        return NULL;
    if (idx < 0 || idx > GP_STR_LEN(doc)) {
        gp_err_set_string(&gp_exc_ValueError, "end is out of bounds");
        return NULL;
    }
    int strict = gp_object_is_true(args[2]);
    if (strict < 0)
        return NULL;
    /* Only the options a string parse reads are needed: a scanner on the
       stack (never handed out as an object) carries them, borrowed. */
    json_scanner_t sc = {.strict = strict, .error_class = args[3] == gp_None ? NULL : args[3]};
    json_parse_t p;
    json_parse_init(&p, &sc, doc);
    size_t end = 0;
    gp_object_t *s = json_parse_string(&p, json_byte_offset(doc, idx), &end);
    gp_object_t *result = NULL;
    if (s) {
        gp_object_t *end_obj = gp_int_from_i64(json_cp_index(doc, end));
        if (end_obj) {
            result = gp_tuple_pack(2, s, end_obj);
            GP_DECREF(end_obj);
        }
        GP_DECREF(s);
    }
    json_parse_finish(&p);
    return result;
}

static int json_scanner_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    json_scanner_t *sc = (json_scanner_t *)self;
    gp_object_t *refs[] = {sc->object_hook, sc->object_pairs_hook, sc->parse_float,
                           sc->parse_int,   sc->parse_constant,    sc->error_class};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        int r;
        if (refs[i] && (r = visit(refs[i], arg)) != 0)
            return r;
    }
    return 0;
}

static int json_scanner_clear(gp_object_t *self)
{
    json_scanner_t *sc = (json_scanner_t *)self;
    GP_CLEAR(sc->object_hook);
    GP_CLEAR(sc->object_pairs_hook);
    GP_CLEAR(sc->parse_float);
    GP_CLEAR(sc->parse_int);
    GP_CLEAR(sc->parse_constant);
    GP_CLEAR(sc->error_class);
    return 0;
}

static void json_scanner_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    json_scanner_clear(self);
    gp_object_free(self);
}

static const gp_method_def_t json_scanner_methods[] = {
    {"decode", json_scanner_decode, 0, "decode(string): the value of a whole JSON document."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t json_scanner_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_json.Scanner",
    .basicsize = sizeof(json_scanner_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = json_scanner_dealloc,
    .call = json_scanner_call,
    .traverse = json_scanner_traverse,
    .clear = json_scanner_clear,
    .methods = json_scanner_methods,
    .doc = "JSON scanner object",
};

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

static const gp_method_def_t json_functions[] = {
    {"make_scanner", json_make_scanner, 0,
     "make_scanner(strict, object_hook, object_pairs_hook, parse_float, parse_int, "
     "parse_constant, error_class) -> scanner"},
    {"make_encoder", gp_json_make_encoder, 0,
     "make_encoder(check_circular, default, encoder, indent, key_separator, item_separator, "
     "sort_keys, skipkeys, allow_nan, ensure_ascii[, python_messages]) -> encoder"},
    {"scanstring", json_scanstring, 0,
     "scanstring(string, end, strict, error_class) -> (str, end)"},
    {"encode_basestring_ascii", gp_json_encode_basestring_ascii, 0,
     "encode_basestring_ascii(string) -> string quoted for JSON, ASCII only"},
    {"encode_basestring", gp_json_encode_basestring, 0,
     "encode_basestring(string) -> string quoted for JSON"},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_json_module_create(void)
{
    if (gp_type_ready(&json_scanner_type) < 0 || gp_type_ready(&gp_json_encoder_type) < 0)
        return NULL;
    gp_object_t *m = gp_module_new("_json");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, json_functions) < 0 ||
        gp_module_add_object(m, "Scanner", (gp_object_t *)&json_scanner_type) < 0 ||
        gp_module_add_object(m, "Encoder", (gp_object_t *)&gp_json_encoder_type) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
