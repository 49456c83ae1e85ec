/*
 * str_unicode.c - the character database and the codecs (utf-8, ascii,
 * latin-1, utf-16 and utf-32 with their -le/-be variants) behind
 * str.encode(), bytes.decode() and str(b, encoding).
 *
 * Design notes
 * ------------
 * The database is generated from CPython 3.11's unicodedata by
 * scripts/gen_unicode_db.py (src/obj/str_unicode_db.h), so predicates and
 * case mappings agree with CPython for every code point, not only ASCII:
 *   - properties are runs of code points with equal flags, found by binary
 *     search (ASCII and Latin-1 answers never search: see udb_flags);
 *   - case mappings are sorted (code point, deltas) entries; the few
 *     mappings that produce several characters ('ß'.upper() == 'SS') live in
 *     a small side table.
 *
 * The codecs follow CPython's error reporting exactly: the UnicodeDecodeError
 * / UnicodeEncodeError carries (encoding, object, start, end, reason) and its
 * message names the byte or character range. Error handlers are looked up
 * lazily, only when an error actually happens, as CPython does.
 */
#include <stdio.h>
#include <strings.h>

#include "obj/str.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

#include "obj/str_unicode_db.h"

#define UDB_RUNS (sizeof udb_run_start / sizeof udb_run_start[0])
#define UDB_CASES (sizeof udb_cases / sizeof udb_cases[0])
#define UDB_SPECIAL (sizeof udb_special / sizeof udb_special[0])

/* Flags of the first 256 code points, filled on first use. */
static uint16_t udb_latin1[256];
static bool udb_latin1_ready;

static uint16_t udb_search(uint32_t cp)
{
    size_t lo = 0, hi = UDB_RUNS;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (udb_run_start[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return udb_run_flags[lo];
}

static inline uint16_t udb_flags(uint32_t cp)
{
    if (cp < 256) {
        if (!udb_latin1_ready) {
            for (uint32_t c = 0; c < 256; c++)
                udb_latin1[c] = udb_search(c);
            udb_latin1_ready = true;
        }
        return udb_latin1[cp];
    }
    return udb_search(cp);
}

bool gp_unicode_isspace(uint32_t cp)
{
    if (cp < 128)
        return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
    return udb_flags(cp) & UDB_SPACE;
}

bool gp_unicode_isalpha(uint32_t cp)
{
    if (cp < 128)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    return udb_flags(cp) & UDB_ALPHA;
}

bool gp_unicode_isdecimal(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    return udb_flags(cp) & UDB_DECIMAL;
}

bool gp_unicode_isdigit(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    return udb_flags(cp) & UDB_DIGIT;
}

bool gp_unicode_isnumeric(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9';
    return udb_flags(cp) & UDB_NUMERIC;
}

bool gp_unicode_isprintable(uint32_t cp)
{
    if (cp < 128)
        return cp >= 0x20 && cp < 0x7F;
    return udb_flags(cp) & UDB_PRINTABLE;
}

bool gp_unicode_islower(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'a' && cp <= 'z';
    return udb_flags(cp) & UDB_LOWER;
}

bool gp_unicode_isupper(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'A' && cp <= 'Z';
    return udb_flags(cp) & UDB_UPPER;
}

bool gp_unicode_iscased(uint32_t cp)
{
    if (cp < 128)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    return udb_flags(cp) & UDB_CASED;
}

bool gp_unicode_istitle(uint32_t cp)
{
    return cp >= 128 && (udb_flags(cp) & UDB_TITLE);
}

bool gp_unicode_iscase_ignorable(uint32_t cp)
{
    return udb_flags(cp) & UDB_CASE_IGNORABLE;
}

bool gp_unicode_is_linebreak(uint32_t cp)
{
    if (cp < 128)
        return cp == '\n' || cp == '\r' || (cp >= 0x0B && cp <= 0x0C) ||
               (cp >= 0x1C && cp <= 0x1E);
    return udb_flags(cp) & UDB_LINEBREAK;
}

bool gp_unicode_isxid_start(uint32_t cp)
{
    if (cp < 128)
        return cp == '_' || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    return udb_flags(cp) & UDB_XID_START;
}

bool gp_unicode_isxid_continue(uint32_t cp)
{
    if (cp < 128)
        return cp == '_' || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
    return udb_flags(cp) & UDB_XID_CONTINUE;
}

int gp_unicode_decimal_value(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
    if (!(udb_flags(cp) & UDB_DECIMAL))
        return -1;
    size_t lo = 0, hi = sizeof udb_decimal_zero / sizeof udb_decimal_zero[0];
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (udb_decimal_zero[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t v = cp - udb_decimal_zero[lo];
    return v < 10 ? (int)v : -1;
}

char *gp_str_numeric_ascii(gp_object_t *s, size_t *len)
{
    const unsigned char *p = (const unsigned char *)gp_str_utf8(s);
    size_t n = gp_str_utf8_len(s);
    /* Never longer than the UTF-8 text: each character becomes one byte. */
    char *out = gp_mem_alloc(n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int k;
        uint32_t cp = gp_utf8_decode(p + i, &k);
        i += (size_t)k;
        int digit;
        if (cp < 0x80)
            out[o++] = (char)cp;
        else if ((digit = gp_unicode_decimal_value(cp)) >= 0)
            out[o++] = (char)('0' + digit);
        else if (gp_unicode_isspace(cp))
            out[o++] = ' ';
        else
            out[o++] = '?';
    }
    out[o] = '\0';
    *len = o;
    return out;
}

/* ---- Case mappings -------------------------------------------------------- */

static const udb_case_t *udb_case_find(uint32_t cp)
{
    size_t lo = 0, hi = UDB_CASES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (udb_cases[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < UDB_CASES && udb_cases[lo].cp == cp ? &udb_cases[lo] : NULL;
}

static uint32_t udb_simple(uint32_t cp, int kind)
{
    const udb_case_t *c = udb_case_find(cp);
    if (!c || (c->special & (1u << kind)))
        return cp;
    return (uint32_t)((int32_t)cp + c->delta[kind]);
}

uint32_t gp_unicode_tolower(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return udb_simple(cp, 1);
}

uint32_t gp_unicode_toupper(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    return udb_simple(cp, 0);
}

uint32_t gp_unicode_totitle(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    return udb_simple(cp, 2);
}

int gp_unicode_full_case(uint32_t cp, char kind, uint32_t out[3])
{
    int k = kind == 'u' ? 0 : kind == 'l' ? 1 : kind == 't' ? 2 : 3;
    if (cp < 128) {
        if (k == 1 || k == 3)
            out[0] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        else
            out[0] = cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
        return 1;
    }
    const udb_case_t *c = udb_case_find(cp);
    if (!c) {
        out[0] = cp;
        return 1;
    }
    if (!(c->special & (1u << k))) {
        out[0] = (uint32_t)((int32_t)cp + c->delta[k]);
        return 1;
    }
    for (size_t i = 0; i < UDB_SPECIAL; i++) {
        if (udb_special[i].cp == cp && udb_special[i].kind == "ultf"[k]) {
            for (int j = 0; j < udb_special[i].n; j++)
                out[j] = udb_special[i].to[j];
            return udb_special[i].n;
        }
    }
    out[0] = cp;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Codecs                                                               */
/* ------------------------------------------------------------------ */

/* The UTF-16 and UTF-32 codecs come in threes: the plain name (a BOM on
   encoding, BOM sniffing on decoding, little-endian otherwise: the native
   order of the machines gilpy runs on), then the -le and -be variants. The
   code relies on that order (base, base + 1 = le, base + 2 = be). */
enum {
    CODEC_UTF8 = GP_CODEC_UTF8,
    CODEC_ASCII = GP_CODEC_ASCII,
    CODEC_LATIN1 = GP_CODEC_LATIN1,
    CODEC_UTF16 = GP_CODEC_UTF16,
    CODEC_UTF16LE = GP_CODEC_UTF16LE,
    CODEC_UTF16BE = GP_CODEC_UTF16BE,
    CODEC_UTF32 = GP_CODEC_UTF32,
    CODEC_UTF32LE = GP_CODEC_UTF32LE,
    CODEC_UTF32BE = GP_CODEC_UTF32BE,
};
enum {
    ERR_STRICT,
    ERR_IGNORE,
    ERR_REPLACE,
    ERR_BACKSLASH,
    ERR_SURROGATEESCAPE,
    ERR_XMLCHARREF,
    ERR_SURROGATEPASS,
};

static const char *const codec_names[] = {"utf-8",     "ascii",     "latin-1",
                                          "utf-16",    "utf-16-le", "utf-16-be",
                                          "utf-32",    "utf-32-le", "utf-32-be"};

/* Normalises an encoding name as CPython's codecs module does: lower case,
   with spaces, '-' and '_' treated alike. */
int gp_codec_lookup(const char *encoding)
{
    if (!encoding)
        return CODEC_UTF8;
    char norm[32];
    size_t n = 0;
    for (const char *p = encoding; *p; p++) {
        if (n + 1 >= sizeof norm)
            goto unknown;
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c == ' ' || c == '-')
            c = '_';
        norm[n++] = c;
    }
    norm[n] = '\0';
    static const struct {
        const char *name;
        int codec;
    } aliases[] = {
        {"utf_8", CODEC_UTF8},        {"utf8", CODEC_UTF8},         {"u8", CODEC_UTF8},
        {"utf", CODEC_UTF8},          {"cp65001", CODEC_UTF8},      {"ascii", CODEC_ASCII},
        {"us_ascii", CODEC_ASCII},    {"646", CODEC_ASCII},         {"us", CODEC_ASCII},
        {"latin_1", CODEC_LATIN1},    {"latin1", CODEC_LATIN1},     {"latin", CODEC_LATIN1},
        {"iso_8859_1", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1},  {"8859", CODEC_LATIN1},
        {"cp819", CODEC_LATIN1},      {"l1", CODEC_LATIN1},         {"iso_ir_100", CODEC_LATIN1},
        {"utf_16", CODEC_UTF16},      {"utf16", CODEC_UTF16},       {"u16", CODEC_UTF16},
        {"utf_16_le", CODEC_UTF16LE}, {"utf_16le", CODEC_UTF16LE},
        {"unicodelittleunmarked", CODEC_UTF16LE},
        {"utf_16_be", CODEC_UTF16BE}, {"utf_16be", CODEC_UTF16BE},
        {"unicodebigunmarked", CODEC_UTF16BE},
        {"utf_32", CODEC_UTF32},      {"utf32", CODEC_UTF32},       {"u32", CODEC_UTF32},
        {"utf_32_le", CODEC_UTF32LE}, {"utf_32le", CODEC_UTF32LE},
        {"utf_32_be", CODEC_UTF32BE}, {"utf_32be", CODEC_UTF32BE},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(norm, aliases[i].name) == 0)
            return aliases[i].codec;
unknown:
    gp_err_format(&gp_exc_LookupError, "unknown encoding: %s", encoding);
    return -1;
}

const char *gp_codec_name(int codec)
{
    return codec_names[codec];
}

int gp_codec_errors(const char *errors)
{
    if (!errors || strcmp(errors, "strict") == 0)
        return ERR_STRICT;
    if (strcmp(errors, "ignore") == 0)
        return ERR_IGNORE;
    if (strcmp(errors, "replace") == 0)
        return ERR_REPLACE;
    if (strcmp(errors, "backslashreplace") == 0)
        return ERR_BACKSLASH;
    if (strcmp(errors, "surrogateescape") == 0)
        return ERR_SURROGATEESCAPE;
    if (strcmp(errors, "xmlcharrefreplace") == 0)
        return ERR_XMLCHARREF;
    if (strcmp(errors, "surrogatepass") == 0)
        return ERR_SURROGATEPASS;
    gp_err_format(&gp_exc_LookupError, "unknown error handler name '%s'", errors);
    return -1;
}

/* Raises UnicodeDecodeError/UnicodeEncodeError with CPython's five args.
   [object] is borrowed. */
static void codec_raise(gp_type_t *type, const char *encoding, gp_object_t *object, size_t start,
                        size_t end, const char *reason)
{
    gp_object_t *args = gp_tuple_new(5);
    if (!args)
        return;
    GP_TUPLE_SET(args, 0, gp_str_from_cstr(encoding));
    GP_TUPLE_SET(args, 1, GP_INCREF(object));
    GP_TUPLE_SET(args, 2, gp_int_from_i64((int64_t)start));
    GP_TUPLE_SET(args, 3, gp_int_from_i64((int64_t)end));
    GP_TUPLE_SET(args, 4, gp_str_from_cstr(reason));
    for (int i = 0; i < 5; i++) {
        if (!GP_TUPLE_GET(args, i)) {
            GP_DECREF(args);
            return;
        }
    }
    gp_object_t *exc = gp_exception_new(type, args);
    GP_DECREF(args);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

/* The handler named by [errors], looked up when the first error happens;
   *handler caches it (-2 = not looked up yet). */
static int codec_handler(const char *errors, int *handler)
{
    if (*handler == -2)
        *handler = gp_codec_errors(errors);
    return *handler;
}

/* Applies the error handler to the undecodable bytes [start, end). Returns 0,
   or -1 (strict: the exception raised). */
static int decode_error(gp_strbuf_t *b, int codec, const char *data, size_t len, gp_object_t **obj,
                        size_t start, size_t end, const char *reason, const char *errors,
                        int *handler)
{
    int h = codec_handler(errors, handler);
    if (h < 0)
        return -1;
    switch (h) {
    case ERR_IGNORE:
        return 0;
    case ERR_REPLACE:
    case ERR_XMLCHARREF:
        gp_strbuf_append_codepoint(b, 0xFFFD);
        return 0;
    case ERR_BACKSLASH:
        for (size_t i = start; i < end; i++) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", (unsigned char)data[i]);
            gp_strbuf_append_cstr(b, buf);
        }
        return 0;
    case ERR_SURROGATEESCAPE:
        for (size_t i = start; i < end; i++) {
            unsigned char c = (unsigned char)data[i];
            if (c < 128) {
                /* surrogateescape only maps bytes >= 128; fall back to strict. */
                goto strict;
            }
            gp_strbuf_append_codepoint(b, 0xDC00u + c);
        }
        return 0;
    default:
        break;
    }
strict:
    if (!*obj && !(*obj = gp_bytes_new(data, len)))
        return -1;
    codec_raise(&gp_exc_UnicodeDecodeError, codec_names[codec], *obj, start, end, reason);
    return -1;
}

/* ---- UTF-16 and UTF-32 ---------------------------------------------------- */

static bool codec_is_wide(int codec)
{
    return codec >= CODEC_UTF16;
}

static bool is_surrogate(uint32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF;
}

/* Reads one code unit of [size] bytes (2 or 4) in the given byte order. */
static uint32_t unit_read(const unsigned char *p, int size, bool big)
{
    if (size == 2)
        return big ? (uint32_t)(p[0] << 8 | p[1]) : (uint32_t)(p[1] << 8 | p[0]);
    return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
               : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static void unit_write(gp_strbuf_t *b, uint32_t unit, int size, bool big)
{
    char out[4];
    for (int i = 0; i < size; i++) {
        int shift = big ? (size - 1 - i) * 8 : i * 8;
        out[i] = (char)((unit >> shift) & 0xFF);
    }
    gp_strbuf_append(b, out, (size_t)size);
}

/* Writes code point [cp] as UTF-16 (a surrogate pair above the BMP) or UTF-32. */
static void wide_write(gp_strbuf_t *b, uint32_t cp, int size, bool big)
{
    if (size == 2 && cp >= 0x10000) {
        cp -= 0x10000;
        unit_write(b, 0xD800 | (cp >> 10), 2, big);
        unit_write(b, 0xDC00 | (cp & 0x3FF), 2, big);
        return;
    }
    unit_write(b, cp, size, big);
}

/* bytes -> str for the UTF-16 and UTF-32 families. Errors name the codec
   with its byte order ("utf-16-le"), as CPython's do, even when the plain
   name was asked for. */
static gp_object_t *decode_wide(const char *data, size_t len, int codec, const char *errors,
                                gp_object_t *obj)
{
    const unsigned char *d = (const unsigned char *)data;
    int base = codec >= CODEC_UTF32 ? CODEC_UTF32 : CODEC_UTF16;
    int size = base == CODEC_UTF32 ? 4 : 2;
    bool big = codec == base + 2;
    size_t pos = 0;
    if (codec == base) {
        /* A byte order mark picks the order and is dropped. */
        if (size == 2 && len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF))) {
            big = d[0] == 0xFE;
            pos = 2;
        } else if (size == 4 && len >= 4 && unit_read(d, 4, false) == 0xFEFF) {
            pos = 4;
        } else if (size == 4 && len >= 4 && unit_read(d, 4, true) == 0xFEFF) {
            big = true;
            pos = 4;
        }
        codec = base + (big ? 2 : 1);
    }
    gp_object_t *o = obj;
    int handler = -2;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    while (pos < len) {
        size_t start = pos, end;
        const char *reason;
        uint32_t cp = 0;
        if (len - pos < (size_t)size) {
            end = len;
            reason = "truncated data";
        } else {
            cp = unit_read(d + pos, size, big);
            end = pos + (size_t)size;
            if (size == 4) {
                if (cp > 0x10FFFF)
                    reason = "code point not in range(0x110000)";
                else if (is_surrogate(cp))
                    reason = "code point in surrogate code point range(0xd800, 0xe000)";
                else
                    reason = NULL;
            } else if (!is_surrogate(cp)) {
                reason = NULL;
            } else if (cp >= 0xDC00) {
                reason = "illegal encoding";
            } else if (len - end < 2) {
                reason = "unexpected end of data";
                end = len;
            } else {
                uint32_t low = unit_read(d + end, 2, big);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    end += 2;
                    reason = NULL;
                } else {
                    reason = "illegal UTF-16 surrogate";
                }
            }
        }
        if (!reason) {
            gp_strbuf_append_codepoint(&b, cp);
            pos = end;
            continue;
        }
        /* surrogatepass lets a lone surrogate through as itself. */
        if (end - start >= (size_t)size && is_surrogate(cp)) {
            int h = codec_handler(errors, &handler);
            if (h < 0)
                goto fail;
            if (h == ERR_SURROGATEPASS) {
                gp_strbuf_append_codepoint(&b, cp);
                pos = start + (size_t)size;
                continue;
            }
        }
        if (decode_error(&b, codec, data, len, &o, start, end, reason, errors, &handler) < 0)
            goto fail;
        pos = end;
    }
    if (o != obj)
        GP_XDECREF(o);
    return gp_strbuf_finish(&b);
fail:
    if (o != obj)
        GP_XDECREF(o);
    gp_strbuf_discard(&b);
    return NULL;
}

/* str -> bytes for the UTF-16 and UTF-32 families: only surrogates can fail. */
static gp_object_t *encode_wide(gp_object_t *s, int codec, const char *errors)
{
    int base = codec >= CODEC_UTF32 ? CODEC_UTF32 : CODEC_UTF16;
    int size = base == CODEC_UTF32 ? 4 : 2;
    bool big = codec == base + 2;
    int handler = -2;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (codec == base)
        unit_write(&b, 0xFEFF, size, big);
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(s);
    const unsigned char *end = p + GP_STR_BYTES(s);
    intptr_t index = 0;
    while (p < end) {
        int n;
        uint32_t cp = gp_utf8_decode(p, &n);
        if (!is_surrogate(cp)) {
            wide_write(&b, cp, size, big);
            p += n;
            index++;
            continue;
        }
        /* Unlike UTF-8, CPython's UTF-16/32 encoders report surrogates one
           at a time, not as a run. */
        const unsigned char *q = p + n;
        intptr_t start = index++;
        int h = codec_handler(errors, &handler);
        if (h < 0)
            goto fail;
        if (h == ERR_STRICT || h == ERR_SURROGATEESCAPE) {
            codec_raise(&gp_exc_UnicodeEncodeError, codec_names[codec], s, (size_t)start,
                        (size_t)index, "surrogates not allowed");
            goto fail;
        }
        for (const unsigned char *r = p; r < q;) {
            int m;
            uint32_t c = gp_utf8_decode(r, &m);
            r += m;
            char buf[16];
            switch (h) {
            case ERR_REPLACE:
                wide_write(&b, '?', size, big);
                break;
            case ERR_SURROGATEPASS:
                unit_write(&b, c, size, big);
                break;
            case ERR_BACKSLASH:
            case ERR_XMLCHARREF:
                snprintf(buf, sizeof buf, h == ERR_BACKSLASH ? "\\u%04x" : "&#%u;", c);
                for (const char *t = buf; *t; t++)
                    unit_write(&b, (unsigned char)*t, size, big);
                break;
            default: /* ignore */
                break;
            }
        }
        p = q;
    }
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r = gp_bytes_new(b.data ? b.data : "", b.len);
    gp_strbuf_discard(&b);
    return r;
fail:
    gp_strbuf_discard(&b);
    return NULL;
}

/* Codecs the C tables do not know (unicode-escape, a codec a program
   registered...) are looked up in the codecs module, as CPython's registry
   would. Runs the codec's encoder or decoder ([decoding]) on [obj] and
   checks it is a text encoding giving [want]'s type, since str.encode and
   bytes.decode only do text encodings. */
static gp_object_t *codec_call_registry(bool decoding, gp_object_t *obj, const char *encoding,
                                        const char *errors, gp_type_t *want)
{
    const char *verb = decoding ? "decode" : "encode";
    gp_object_t *module = gp_import_stdlib("codecs");
    if (module == NULL)
        return NULL;
    gp_object_t *info = NULL, *pair = NULL, *result = NULL, *flag = NULL;
    gp_object_t *args[2] = {gp_str_from_cstr(encoding), NULL};
    if (!args[0])
        goto done;
    info = gp_object_call_method(module, "lookup", args, 1);
    GP_CLEAR(args[0]);
    if (!info)
        goto done;
    flag = gp_object_getattr_cstr(info, "_is_text_encoding");
    if (!flag)
        gp_err_clear();
    else if (flag == gp_False) {
        gp_err_format(&gp_exc_LookupError,
                      "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                      encoding, verb);
        goto done;
    }
    args[0] = obj;
    args[1] = gp_str_from_cstr(errors ? errors : "strict");
    if (!args[1])
        goto done;
    pair = gp_object_call_method(info, verb, args, 2);
    GP_DECREF(args[1]);
    if (!pair)
        goto done;
    if (!gp_tuple_check(pair) || GP_TUPLE_SIZE(pair) != 2) {
        gp_err_format(&gp_exc_TypeError, "%s must return a tuple (object, integer)",
                      decoding ? "decoder" : "encoder");
        goto done;
    }
    result = GP_INCREF(GP_TUPLE_GET(pair, 0));
    if (!gp_type_is_subtype(GP_TYPE(result), want)) {
        gp_err_format(&gp_exc_TypeError,
                      "'%s' %s returned '%T' instead of '%s'; use codecs.%s() to %s to "
                      "arbitrary types",
                      encoding, decoding ? "decoder" : "encoder", result,
                      decoding ? "str" : "bytes", verb, verb);
        GP_CLEAR(result);
    }
done:
    GP_XDECREF(flag);
    GP_XDECREF(pair);
    GP_XDECREF(info);
    GP_DECREF(module);
    return result;
}

/* gp_codec_lookup, except that an unknown name sends the caller to the
   registry: -2 with no exception set. */
static int codec_lookup_or_registry(const char *encoding)
{
    int codec = gp_codec_lookup(encoding);
    if (codec == -1 && gp_err_matches(&gp_exc_LookupError)) {
        gp_err_clear();
        return -2;
    }
    return codec;
}

gp_object_t *gp_str_decode(const char *data, size_t len, const char *encoding, const char *errors,
                           gp_object_t *obj)
{
    int codec = codec_lookup_or_registry(encoding);
    if (codec == -2) {
        gp_object_t *source = obj && gp_bytes_check(obj) ? GP_INCREF(obj) : gp_bytes_new(data, len);
        if (!source)
            return NULL;
        gp_object_t *r = codec_call_registry(true, source, encoding, errors, &gp_str_type);
        GP_DECREF(source);
        return r;
    }
    if (codec < 0)
        return NULL;
    if (codec_is_wide(codec))
        return decode_wide(data, len, codec, errors, obj);
    gp_utf8_check_t chk;
    if (codec == CODEC_UTF8 && gp_utf8_check(data, len, false, &chk))
        return gp_str_new_trusted(data, len, chk.length, chk.ascii);
    /* surrogatepass accepts encoded surrogates, gilpy's internal form. */
    if (codec == CODEC_UTF8 && errors && strcmp(errors, "surrogatepass") == 0 &&
        gp_utf8_check(data, len, true, &chk))
        return gp_str_new_trusted(data, len, chk.length, chk.ascii);
    if (codec == CODEC_ASCII || codec == CODEC_LATIN1) {
        size_t i = 0;
        while (i < len && (unsigned char)data[i] < 0x80)
            i++;
        if (i == len)
            return gp_str_new_trusted(data, len, (intptr_t)len, true);
    }
    /* The slow path: build piece by piece, handling errors. */
    gp_object_t *o = obj; /* the bytes object an error names; made on demand */
    int handler = -2;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    size_t pos = 0;
    while (pos < len) {
        if (codec == CODEC_UTF8) {
            if (gp_utf8_check(data + pos, len - pos, false, &chk)) {
                gp_strbuf_append(&b, data + pos, len - pos);
                break;
            }
            gp_strbuf_append(&b, data + pos, chk.error_pos);
            size_t start = pos + chk.error_pos, end = pos + chk.error_end;
            if (decode_error(&b, codec, data, len, &o, start, end, chk.error, errors, &handler) < 0)
                goto fail;
            pos = end;
        } else {
            unsigned char c = (unsigned char)data[pos];
            if (c < 0x80) {
                gp_strbuf_append_char(&b, (char)c);
            } else if (codec == CODEC_LATIN1) {
                gp_strbuf_append_codepoint(&b, c);
            } else {
                if (decode_error(&b, codec, data, len, &o, pos, pos + 1,
                                 "ordinal not in range(128)", errors, &handler) < 0)
                    goto fail;
            }
            pos++;
        }
    }
    if (o != obj)
        GP_XDECREF(o);
    return gp_strbuf_finish(&b);
fail:
    if (o != obj)
        GP_XDECREF(o);
    gp_strbuf_discard(&b);
    return NULL;
}

/* Code point limit of a codec: characters at or above it cannot be encoded. */
static uint32_t codec_limit(int codec)
{
    return codec == CODEC_ASCII ? 0x80 : codec == CODEC_LATIN1 ? 0x100 : 0x110000;
}

gp_object_t *gp_str_encode(gp_object_t *s, const char *encoding, const char *errors)
{
    int codec = codec_lookup_or_registry(encoding);
    if (codec == -2)
        return codec_call_registry(false, s, encoding, errors, &gp_bytes_type);
    if (codec < 0)
        return NULL;
    if (codec_is_wide(codec))
        return encode_wide(s, codec, errors);
    const char *data = GP_STR_DATA(s);
    size_t len = (size_t)GP_STR_BYTES(s);
    if (GP_STR_ASCII(s))
        return gp_bytes_new(data, len);
    if (codec == CODEC_UTF8) {
        /* Well-formed unless an encoded surrogate (ED A0..BF) is present. */
        bool clean = true;
        for (const char *p = memchr(data, 0xED, len); p;
             p = memchr(p + 1, 0xED, len - (size_t)(p + 1 - data))) {
            if ((size_t)(p - data) + 1 < len && (unsigned char)p[1] >= 0xA0) {
                clean = false;
                break;
            }
        }
        if (clean)
            return gp_bytes_new(data, len);
    }
    uint32_t limit = codec_limit(codec);
    const char *reason = codec == CODEC_ASCII    ? "ordinal not in range(128)"
                         : codec == CODEC_LATIN1 ? "ordinal not in range(256)"
                                                 : "surrogates not allowed";
    int handler = -2;
    /* bytes are built in a strbuf: it is only a growable byte buffer here. */
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    intptr_t index = 0;
    while (p < end) {
        int n;
        uint32_t cp = gp_utf8_decode(p, &n);
        bool bad = codec == CODEC_UTF8 ? is_surrogate(cp) : cp >= limit;
        if (!bad) {
            if (codec == CODEC_UTF8)
                gp_strbuf_append(&b, (const char *)p, (size_t)n);
            else
                gp_strbuf_append_char(&b, (char)cp);
            p += n;
            index++;
            continue;
        }
        /* The run of unencodable characters, reported as one error. */
        const unsigned char *q = p;
        intptr_t start = index;
        while (q < end) {
            int m;
            uint32_t c = gp_utf8_decode(q, &m);
            if (!(codec == CODEC_UTF8 ? is_surrogate(c) : c >= limit))
                break;
            q += m;
            index++;
        }
        int h = codec_handler(errors, &handler);
        if (h < 0)
            goto fail;
        if (h == ERR_STRICT) {
            codec_raise(&gp_exc_UnicodeEncodeError, codec_names[codec], s, (size_t)start,
                        (size_t)index, reason);
            goto fail;
        }
        for (const unsigned char *r = p; r < q;) {
            int m;
            uint32_t c = gp_utf8_decode(r, &m);
            r += m;
            char buf[16];
            switch (h) {
            case ERR_IGNORE:
                break;
            case ERR_REPLACE:
                gp_strbuf_append_char(&b, '?');
                break;
            case ERR_BACKSLASH:
                snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x",
                         c);
                gp_strbuf_append_cstr(&b, buf);
                break;
            case ERR_XMLCHARREF:
                snprintf(buf, sizeof buf, "&#%u;", c);
                gp_strbuf_append_cstr(&b, buf);
                break;
            case ERR_SURROGATEPASS:
                if (codec == CODEC_UTF8) {
                    /* The internal form of a surrogate is its UTF-8-style encoding. */
                    gp_strbuf_append(&b, (const char *)r - m, (size_t)m);
                    break;
                }
                codec_raise(&gp_exc_UnicodeEncodeError, codec_names[codec], s, (size_t)start,
                            (size_t)index, reason);
                goto fail;
            case ERR_SURROGATEESCAPE:
                if (c >= 0xDC80 && c <= 0xDCFF) {
                    gp_strbuf_append_char(&b, (char)(c - 0xDC00));
                    break;
                }
                codec_raise(&gp_exc_UnicodeEncodeError, codec_names[codec], s, (size_t)start,
                            (size_t)index, reason);
                goto fail;
            }
        }
        p = q;
    }
    if (b.failed) {
        gp_strbuf_discard(&b);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r = gp_bytes_new(b.data ? b.data : "", b.len);
    gp_strbuf_discard(&b);
    return r;
fail:
    gp_strbuf_discard(&b);
    return NULL;
}
