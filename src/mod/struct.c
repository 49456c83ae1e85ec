/*
 * struct.c - the _struct module: packing Python values into C binary data.
 *
 * Design notes
 * ------------
 * A format string ("<2hxq", "@i3sd") compiles once into an array of codes,
 * each with its byte offset, size and repeat count; pack, unpack and their
 * _into/_from/iter_ variants then walk that array. Struct objects keep the
 * compiled form. The module-level functions (struct.unpack_from('<I', ...)
 * in a loop) look the format's text up in a small direct-mapped cache of
 * compiled formats first; see "The format cache" below.
 *
 * The rules follow CPython's _struct.c exactly, since scripts print the
 * bytes and the errors:
 *
 *   - The first character picks the mode: '@' (the default) is native
 *     byte order, native sizes and native alignment (each item is aligned
 *     to its own size, with no padding at the end); '=' is native order
 *     with standard sizes; '<' little-endian, '>' and '!' big-endian, both
 *     with standard sizes and no alignment. n, N and P are native only.
 *   - Integers are checked the way CPython checks them, which gives the
 *     mix of messages scripts see: "byte format requires -128 <= number
 *     <= 127" for b, "'i' format requires ..." for out-of-range values
 *     that fit a C long, "argument out of range" for the rest, and
 *     "required argument is not an integer" for non-integers (objects
 *     with __index__ are accepted).
 *   - 'e' is IEEE half precision with round-half-even, 'f' single
 *     precision (standard mode refuses to overflow to infinity), 'd'
 *     double.
 *
 * struct.error is a heap class (module "struct") made when the module is
 * created; the C code raises it through `struct_error`, which the module's
 * creation refreshes and keeps alive.
 *
 * lib/struct.py re-exports everything, as CPython's struct.py does.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "obj/memoryview.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* The struct.error class (a strong reference held for the process). */
static gp_object_t *struct_error;

/* One compiled code of a format. */
typedef struct struct_code {
    char code;
    intptr_t offset; /* byte offset of the first item */
    intptr_t size;   /* size of one item (s and p: the whole string) */
    intptr_t count;  /* repeat count (s and p: 1) */
} struct_code_t;

typedef struct struct_format {
    struct_code_t *codes;
    size_t ncodes;
    intptr_t size;   /* total bytes */
    intptr_t nitems; /* Python values packed / unpacked */
    bool native;     /* '@': native sizes and alignment */
    bool little;     /* byte order */
} struct_format_t;

static bool host_is_little(void)
{
    const uint16_t probe = 1;
    return *(const uint8_t *)&probe == 1;
}

static void struct_raise(const char *msg)
{
    gp_err_set_string((gp_type_t *)struct_error, msg);
}

/* ------------------------------------------------------------------ */
/* Compiling a format                                                   */
/* ------------------------------------------------------------------ */

/* Size of [c] in native or standard mode; 0 if the code is not valid there. */
static intptr_t code_size(char c, bool native)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'f':
        return 4;
    case 'l': case 'L':
        return native ? (intptr_t)sizeof(long) : 4;
    case 'q': case 'Q': case 'd':
        return 8;
    case 'n': case 'N':
        return native ? (intptr_t)sizeof(size_t) : 0;
    case 'P':
        return native ? (intptr_t)sizeof(void *) : 0;
    default:
        return 0;
    }
}

static void struct_format_free(struct_format_t *f)
{
    gp_mem_free(f->codes);
    f->codes = NULL;
}

/* Compiles [fmt] ([len] bytes) into [f]. -1 with struct.error on a bad format. */
static int struct_format_compile(const char *fmt, size_t len, struct_format_t *f)
{
    memset(f, 0, sizeof *f);
    if (strlen(fmt) != len) {
        struct_raise("embedded null character");
        return -1;
    }
    f->native = true;
    f->little = host_is_little();
    if (len > 0 && strchr("@=<>!", fmt[0])) {
        switch (fmt[0]) {
        case '=': f->native = false; break;
        case '<': f->native = false; f->little = true; break;
        case '>': case '!': f->native = false; f->little = false; break;
        default: break;
        }
        fmt++;
        len--;
    }
    f->codes = gp_mem_alloc((len + 1) * sizeof(struct_code_t));
    if (!f->codes) {
        gp_err_no_memory();
        return -1;
    }
    intptr_t size = 0;
    for (size_t i = 0; i < len;) {
        char c = fmt[i++];
        if (c == ' ' || (c >= '\t' && c <= '\r'))
            continue;
        intptr_t num = 1;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while (i < len && fmt[i] >= '0' && fmt[i] <= '9') {
                if (num > (INTPTR_MAX - 9) / 10)
                    goto overflow;
                num = num * 10 + (fmt[i++] - '0');
            }
            if (i == len) {
                struct_raise("repeat count given without format specifier");
                goto fail;
            }
            c = fmt[i++];
        }
        intptr_t itemsize = code_size(c, f->native);
        if (itemsize == 0) {
            struct_raise("bad char in struct format");
            goto fail;
        }
        /* Native alignment: each item starts at a multiple of its size. */
        if (f->native && size > 0 && itemsize > 1 && c != 's' && c != 'p' && c != 'x')
            size += (itemsize - 1) - (size - 1) % itemsize;
        bool string = c == 's' || c == 'p';
        if (num > (INTPTR_MAX - size) / itemsize)
            goto overflow;
        if (c != 'x' && (num > 0 || string)) {
            struct_code_t *code = &f->codes[f->ncodes++];
            code->code = c;
            code->offset = size;
            code->size = string ? num : itemsize;
            code->count = string ? 1 : num;
            f->nitems += code->count;
        }
        size += num * itemsize;
    }
    f->size = size;
    return 0;
overflow:
    struct_raise("total struct size too long");
fail:
    struct_format_free(f);
    return -1;
}

/* Compiles a str or bytes format object. */
static int struct_format_from_object(gp_object_t *format, struct_format_t *f)
{
    if (gp_str_check(format))
        return struct_format_compile(gp_str_utf8(format), gp_str_utf8_len(format), f);
    if (gp_bytes_check(format))
        return struct_format_compile(gp_bytes_data(format), gp_bytes_len(format), f);
    gp_err_format(&gp_exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %s",
                  gp_type_name(GP_TYPE(format)));
    return -1;
}

/* ------------------------------------------------------------------ */
/* The format cache                                                     */
/* ------------------------------------------------------------------ */

/* Scripts call the module-level functions with a handful of literal
   formats, millions of times; compiling "<I" again on each call (an
   allocation, a scan, a free) costs as much as the unpacking. So short
   formats are kept compiled in a table indexed by a hash of their text.
   An entry holds only C data (the text, the codes), never a Python object,
   so it needs no reference counting and outlives any runtime safely; the
   GIL serialises all access. A colliding format simply replaces the entry,
   unless the entry is in use: packing can run Python code (__index__),
   which may call struct again, so a caller holds its entry ([users]) until
   it is done and a busy entry is never overwritten. */
enum {
    FORMAT_CACHE_SLOTS = 64,
    FORMAT_CACHE_TEXT_MAX = 23, /* longer formats are compiled per call */
    FORMAT_CACHE_CODES = 8,     /* as are formats of more codes */
};

typedef struct format_cache_entry {
    uint8_t text_len; /* 0: the slot is empty */
    char text[FORMAT_CACHE_TEXT_MAX];
    int users;
    struct_format_t format; /* its codes point at [codes] */
    struct_code_t codes[FORMAT_CACHE_CODES];
} format_cache_entry_t;

static format_cache_entry_t format_cache[FORMAT_CACHE_SLOTS];

/* A compiled format lent to one call: from the cache ([entry] set) or
   compiled for this call alone ([own] holds it). */
typedef struct format_ref {
    const struct_format_t *format;
    format_cache_entry_t *entry;
    struct_format_t own;
} format_ref_t;

static size_t format_text_hash(const char *text, size_t len)
{
    size_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 16777619u;
    return h ^ (h >> 7);
}

/* Lends [ref] the compiled form of [format] (str or bytes). -1 with the
   same errors as struct_format_from_object. Release with format_release. */
static int format_acquire(gp_object_t *format, format_ref_t *ref)
{
    const char *text;
    size_t len;
    ref->entry = NULL;
    ref->own.codes = NULL;
    if (gp_str_check(format)) {
        text = gp_str_utf8(format);
        len = gp_str_utf8_len(format);
    } else if (gp_bytes_check(format)) {
        text = gp_bytes_data(format);
        len = gp_bytes_len(format);
    } else {
        /* Not text: let the compiler word the TypeError. */
        return struct_format_from_object(format, &ref->own);
    }
    format_cache_entry_t *e = NULL;
    if (len > 0 && len <= FORMAT_CACHE_TEXT_MAX) {
        e = &format_cache[format_text_hash(text, len) % FORMAT_CACHE_SLOTS];
        if (e->text_len == len && memcmp(e->text, text, len) == 0) {
            e->users++;
            ref->entry = e;
            ref->format = &e->format;
            return 0;
        }
    }
    if (struct_format_compile(text, len, &ref->own) < 0)
        return -1;
    ref->format = &ref->own;
    if (e && e->users == 0 && ref->own.ncodes <= FORMAT_CACHE_CODES) {
        /* Move the fresh compilation into the slot and lend it from there. */
        e->text_len = (uint8_t)len;
        memcpy(e->text, text, len);
        e->format = ref->own;
        if (ref->own.ncodes)
            memcpy(e->codes, ref->own.codes, ref->own.ncodes * sizeof(struct_code_t));
        e->format.codes = e->codes;
        struct_format_free(&ref->own);
        e->users = 1;
        ref->entry = e;
        ref->format = &e->format;
    }
    return 0;
}

static void format_release(format_ref_t *ref)
{
    if (ref->entry)
        ref->entry->users--;
    else
        struct_format_free(&ref->own);
    ref->entry = NULL;
    ref->format = NULL;
}

/* struct._clearcache(): forgets every idle entry. */
static void format_cache_clear(void)
{
    for (size_t i = 0; i < FORMAT_CACHE_SLOTS; i++)
        if (format_cache[i].users == 0)
            format_cache[i].text_len = 0;
}

/* ------------------------------------------------------------------ */
/* Packing values                                                       */
/* ------------------------------------------------------------------ */

static void put_uint(char *p, uint64_t v, intptr_t size, bool little)
{
    for (intptr_t i = 0; i < size; i++) {
        unsigned char byte = (unsigned char)(v >> (8 * i));
        p[little ? i : size - 1 - i] = (char)byte;
    }
}

static uint64_t get_uint(const char *p, intptr_t size, bool little)
{
    uint64_t v = 0;
    for (intptr_t i = 0; i < size; i++) {
        unsigned char byte = (unsigned char)p[little ? i : size - 1 - i];
        v |= (uint64_t)byte << (8 * i);
    }
    return v;
}

/* The int value of [v] (new reference), accepting __index__ objects. */
static gp_object_t *pack_as_int(gp_object_t *v)
{
    if (gp_int_check(v))
        return GP_INCREF(v);
    if (GP_TYPE(v)->to_index) {
        gp_object_t *i = gp_number_index(v);
        if (i)
            return i;
        if (!gp_err_matches(&gp_exc_TypeError))
            return NULL;
        gp_err_clear();
    }
    struct_raise("required argument is not an integer");
    return NULL;
}

/* An int as an unsigned 64-bit value; false (no exception) when it is
   negative or needs more than 64 bits. */
static bool int_as_u64(gp_object_t *i, uint64_t *out)
{
    int overflow = 0;
    int64_t x = gp_int_as_i64_overflow(i, &overflow);
    if (overflow == 0) {
        *out = (uint64_t)x;
        return x >= 0;
    }
    if (overflow < 0)
        return false;
    /* Above INT64_MAX: split into the high and low 32 bits. */
    gp_object_t *hi = gp_number_binop(i, GP_SMALL_NEW(32), GP_BINOP_RSHIFT);
    gp_object_t *lo = gp_number_binop(i, GP_SMALL_NEW(0xffffffff), GP_BINOP_AND);
    bool ok = false;
    if (hi && lo) {
        int64_t h = gp_int_as_i64_overflow(hi, &overflow);
        if (overflow == 0 && h >= 0 && h <= 0xffffffff) {
            *out = ((uint64_t)h << 32) | (uint64_t)gp_int_as_i64(lo);
            ok = true;
        }
    }
    GP_XDECREF(hi);
    GP_XDECREF(lo);
    gp_err_clear();
    return ok;
}

static int range_error(char code, intptr_t size, bool is_unsigned)
{
    uint64_t ulargest = size >= 8 ? UINT64_MAX : (((uint64_t)1 << (8 * size)) - 1);
    if (is_unsigned) {
        gp_err_format((gp_type_t *)struct_error, "'%c' format requires 0 <= number <= %llu", code,
                      (unsigned long long)ulargest);
    } else {
        long long largest = (long long)(ulargest >> 1);
        gp_err_format((gp_type_t *)struct_error, "'%c' format requires %lld <= number <= %lld",
                      code, ~largest, largest);
    }
    return -1;
}

/* Packs one integer of [code] into [p]. */
static int pack_integer(const struct_format_t *f, char code, intptr_t size, gp_object_t *v,
                        char *p)
{
    gp_object_t *i = pack_as_int(v);
    if (!i)
        return -1;
    int overflow = 0;
    int64_t x = gp_int_as_i64_overflow(i, &overflow);
    uint64_t u = 0;
    int rc = 0;
    bool is_unsigned = strchr("BHILQNP", code) != NULL;
    /* b and B, and h and H when CPython packs them with its native
       functions (native mode, or standard little-endian on a little-endian
       host), are checked as C longs with named messages. */
    bool named = code == 'b' || code == 'B' ||
                 ((code == 'h' || code == 'H') && (f->native || f->little == host_is_little()));
    if (named) {
        static const struct {
            char code;
            const char *msg;
            int64_t lo, hi;
        } limits[] = {
            {'b', "byte format requires -128 <= number <= 127", -128, 127},
            {'B', "ubyte format requires 0 <= number <= 255", 0, 255},
            {'h', "short format requires -32768 <= number <= 32767", -32768, 32767},
            {'H', "ushort format requires 0 <= number <= 65535", 0, 65535},
        };
        if (overflow) {
            struct_raise("argument out of range");
            rc = -1;
        }
        for (size_t k = 0; rc == 0 && k < sizeof limits / sizeof limits[0]; k++) {
            if (limits[k].code == code && (x < limits[k].lo || x > limits[k].hi)) {
                struct_raise(limits[k].msg);
                rc = -1;
            }
        }
        u = (uint64_t)x;
    } else if (code == 'P') {
        /* A pointer: any value that fits 64 bits, signed or not. */
        if (overflow == 0)
            u = (uint64_t)x;
        else if (!int_as_u64(i, &u)) {
            struct_raise("argument out of range");
            rc = -1;
        }
    } else if (is_unsigned) {
        if (!int_as_u64(i, &u)) {
            struct_raise("argument out of range");
            rc = -1;
        } else if (size < 8 && u >> (8 * size) != 0) {
            rc = range_error(code, size, true);
        }
    } else {
        if (overflow) {
            struct_raise("argument out of range");
            rc = -1;
        } else if (size < 8) {
            int64_t hi = (int64_t)(((uint64_t)1 << (8 * size - 1)) - 1);
            if (x > hi || x < -hi - 1)
                rc = range_error(code, size, false);
        }
        u = (uint64_t)x;
    }
    GP_DECREF(i);
    if (rc == 0)
        put_uint(p, u, size, f->little);
    return rc;
}

/* IEEE 754 binary16 of [x], rounding half to even (CPython's PyFloat_Pack2). */
static int pack_half(double x, char *p, bool little)
{
    unsigned sign, bits;
    int e;
    if (x == 0.0) {
        sign = signbit(x) != 0;
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        sign = signbit(x) != 0;
        e = 0x1f;
        bits = 512;
    } else {
        sign = x < 0.0;
        if (sign)
            x = -x;
        double m = frexp(x, &e);
        m *= 2.0;
        e--;
        if (e >= 16)
            goto overflow;
        if (e < -25) {
            m = 0.0;
            e = 0;
        } else if (e < -14) {
            m = ldexp(m, 14 + e);
            e = 0;
        } else {
            e += 15;
            m -= 1.0;
        }
        m *= 1024.0;
        bits = (unsigned)m;
        if (m - bits > 0.5 || (m - bits == 0.5 && bits % 2 == 1)) {
            if (++bits == 1024) {
                bits = 0;
                if (++e == 31)
                    goto overflow;
            }
        }
    }
    bits |= ((unsigned)e << 10) | (sign << 15);
    put_uint(p, bits, 2, little);
    return 0;
overflow:
    gp_err_set_string(&gp_exc_OverflowError, "float too large to pack with e format");
    return -1;
}

static double unpack_half(const char *p, bool little)
{
    unsigned bits = (unsigned)get_uint(p, 2, little);
    int sign = (bits >> 15) & 1;
    int e = (bits >> 10) & 0x1f;
    unsigned m = bits & 0x3ff;
    if (e == 0x1f) {
        if (m == 0)
            return sign ? -INFINITY : INFINITY;
        return sign ? -NAN : NAN;
    }
    double x = (double)m / 1024.0;
    if (e == 0) {
        e = -14;
    } else {
        x += 1.0;
        e -= 15;
    }
    x = ldexp(x, e);
    return sign ? -x : x;
}

static int pack_float(const struct_format_t *f, char code, gp_object_t *v, char *p)
{
    double x = gp_float_check(v) ? gp_float_value(v) : gp_float_as_double(v);
    if (x == -1.0 && gp_err_occurred()) {
        if (!gp_err_matches(&gp_exc_TypeError))
            return -1;
        gp_err_clear();
        struct_raise("required argument is not a float");
        return -1;
    }
    if (code == 'e')
        return pack_half(x, p, f->little);
    if (code == 'f') {
        float y = (float)x;
        if (!f->native && isinf(y) && !isinf(x)) {
            gp_err_set_string(&gp_exc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t bits;
        memcpy(&bits, &y, sizeof bits);
        put_uint(p, bits, 4, f->little);
        return 0;
    }
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    put_uint(p, bits, 8, f->little);
    return 0;
}

/* Packs s (zero padded) or p (length byte, then data). */
static int pack_string(const struct_code_t *code, gp_object_t *v, char *p)
{
    if (!gp_bytes_check(v) && !gp_object_isinstance_type(v, &gp_bytearray_type)) {
        gp_err_format((gp_type_t *)struct_error, "argument for '%c' must be a bytes object",
                      code->code);
        return -1;
    }
    const char *data = gp_bytes_data(v);
    intptr_t n = (intptr_t)gp_bytes_len(v);
    if (code->code == 's') {
        if (n > code->size)
            n = code->size;
        memcpy(p, data, (size_t)n);
        return 0;
    }
    if (code->size == 0)
        return 0;
    if (n > code->size - 1)
        n = code->size - 1;
    memcpy(p + 1, data, (size_t)n);
    p[0] = (char)(n > 255 ? 255 : n);
    return 0;
}

static int pack_one(const struct_format_t *f, const struct_code_t *code, gp_object_t *v, char *p)
{
    switch (code->code) {
    case 's':
    case 'p':
        return pack_string(code, v, p);
    case 'c':
        if ((gp_bytes_check(v) || gp_object_isinstance_type(v, &gp_bytearray_type)) &&
            gp_bytes_len(v) == 1) {
            p[0] = gp_bytes_data(v)[0];
            return 0;
        }
        struct_raise("char format requires a bytes object of length 1");
        return -1;
    case '?': {
        int t = gp_object_is_true(v);
        if (t < 0)
            return -1;
        p[0] = (char)t;
        return 0;
    }
    case 'e':
    case 'f':
    case 'd':
        return pack_float(f, code->code, v, p);
    default:
        return pack_integer(f, code->code, code->size, v, p);
    }
}

/* Packs [nargs] values into [buf] (f->size zeroed bytes). */
static int struct_pack_into_buffer(const struct_format_t *f, gp_object_t *const *args,
                                   size_t nargs, char *buf)
{
    if ((intptr_t)nargs != f->nitems) {
        gp_err_format((gp_type_t *)struct_error, "pack expected %zd items for packing (got %zu)",
                      f->nitems, nargs);
        return -1;
    }
    size_t arg = 0;
    for (size_t i = 0; i < f->ncodes; i++) {
        const struct_code_t *code = &f->codes[i];
        for (intptr_t k = 0; k < code->count; k++) {
            if (pack_one(f, code, args[arg++], buf + code->offset + k * code->size) < 0)
                return -1;
        }
    }
    return 0;
}

static gp_object_t *struct_pack_bytes(const struct_format_t *f, gp_object_t *const *args,
                                      size_t nargs)
{
    char small[256];
    char *buf = f->size <= (intptr_t)sizeof small ? small : gp_mem_calloc(1, (size_t)f->size);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    memset(buf, 0, buf == small ? (size_t)f->size : 0);
    gp_object_t *result = NULL;
    if (struct_pack_into_buffer(f, args, nargs, buf) == 0)
        result = gp_bytes_new(buf, (size_t)f->size);
    if (buf != small)
        gp_mem_free(buf);
    return result;
}

/* ------------------------------------------------------------------ */
/* Unpacking                                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *unpack_one(const struct_format_t *f, const struct_code_t *code, const char *p)
{
    char c = code->code;
    switch (c) {
    case 's':
        return gp_bytes_new(p, (size_t)code->size);
    case 'p': {
        if (code->size == 0)
            return gp_bytes_new("", 0);
        intptr_t n = (unsigned char)p[0];
        if (n >= code->size)
            n = code->size - 1;
        return gp_bytes_new(p + 1, (size_t)n);
    }
    case 'c':
        return gp_bytes_new(p, 1);
    case '?':
        return gp_bool_from(p[0] != 0);
    case 'e':
        return gp_float_new(unpack_half(p, f->little));
    case 'f': {
        uint32_t bits = (uint32_t)get_uint(p, 4, f->little);
        float y;
        memcpy(&y, &bits, sizeof y);
        return gp_float_new((double)y);
    }
    case 'd': {
        uint64_t bits = get_uint(p, 8, f->little);
        double y;
        memcpy(&y, &bits, sizeof y);
        return gp_float_new(y);
    }
    default:
        break;
    }
    uint64_t u = get_uint(p, code->size, f->little);
    if (strchr("BHILQNP", c))
        return gp_int_from_u64(u);
    if (code->size < 8 && (u >> (8 * code->size - 1)) & 1)
        u |= ~(uint64_t)0 << (8 * code->size); /* sign-extend */
    return gp_int_from_i64((int64_t)u);
}

/* The tuple of values in [buf] (at least f->size bytes). */
static gp_object_t *struct_unpack_buffer(const struct_format_t *f, const char *buf)
{
    gp_object_t *result = gp_tuple_new((size_t)f->nitems);
    if (!result)
        return NULL;
    intptr_t n = 0;
    for (size_t i = 0; i < f->ncodes; i++) {
        const struct_code_t *code = &f->codes[i];
        for (intptr_t k = 0; k < code->count; k++) {
            gp_object_t *v = unpack_one(f, code, buf + code->offset + k * code->size);
            if (!v) {
                for (intptr_t j = n; j < f->nitems; j++)
                    GP_TUPLE_SET(result, j, gp_none_new());
                GP_DECREF(result);
                return NULL;
            }
            GP_TUPLE_SET(result, n++, v);
        }
    }
    return result;
}

/* A readable buffer: bytes, bytearray or memoryview. The export is given
   back at once: unpacking reads the bytes without running Python code. */
static int buffer_get(gp_object_t *o, const char **data, intptr_t *len)
{
    size_t n;
    if (gp_bytes_like(o, data, &n)) {
        /* Plain memory (bytes, bytearray, a contiguous live view): read in
           place; only the failures need the full protocol's errors. */
        *len = (intptr_t)n;
        return 0;
    }
    gp_buffer_t view;
    if (gp_buffer_get(o, &view, GP_BUFFER_SIMPLE) < 0)
        return -1;
    *data = view.data;
    *len = (intptr_t)view.len;
    gp_buffer_release(&view);
    return 0;
}

static gp_object_t *struct_unpack_impl(const struct_format_t *f, gp_object_t *buffer)
{
    const char *data;
    intptr_t len;
    if (buffer_get(buffer, &data, &len) < 0)
        return NULL;
    if (len != f->size) {
        gp_err_format((gp_type_t *)struct_error, "unpack requires a buffer of %zd bytes", f->size);
        return NULL;
    }
    return struct_unpack_buffer(f, data);
}

/* Resolves [offset] against a buffer of [len] bytes for [what] ("unpack_from"). */
static int offset_check(const struct_format_t *f, const char *what, const char *verb,
                        intptr_t *offset, intptr_t len)
{
    if (*offset < 0) {
        if (*offset + f->size > 0) {
            /* CPython words the two directions differently here. */
            gp_err_format((gp_type_t *)struct_error,
                          verb[0] == 'p' ? "no space to %s %zd bytes at offset %zd"
                                         : "not enough data to %s %zd bytes at offset %zd",
                          verb, f->size, *offset);
            return -1;
        }
        if (*offset + len < 0) {
            gp_err_format((gp_type_t *)struct_error, "offset %zd out of range for %zd-byte buffer",
                          *offset, len);
            return -1;
        }
        *offset += len;
    }
    if (len - *offset < f->size) {
        /* The sum may pass the signed range (offset near sys.maxsize): it
           is shown unsigned, as CPython does. */
        gp_err_format((gp_type_t *)struct_error,
                      "%s requires a buffer of at least %zu bytes for %sing %zd bytes at offset "
                      "%zd (actual buffer size is %zd)",
                      what, (size_t)f->size + (size_t)*offset, verb, f->size, *offset, len);
        return -1;
    }
    return 0;
}

/* The offset argument of unpack_from as a C integer, with the error of
   CPython's ssize_t argument conversion. */
static int offset_from_object(gp_object_t *o, intptr_t *out)
{
    gp_object_t *index = gp_number_index(o);
    if (!index)
        return -1;
    int overflow;
    int64_t v = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (intptr_t)v;
    return 0;
}

static gp_object_t *struct_unpack_from_impl(const struct_format_t *f, gp_object_t *buffer,
                                            gp_object_t *offset_obj)
{
    const char *data;
    intptr_t len, offset = 0;
    if (!offset_obj || GP_IS_SMALL(offset_obj)) {
        /* Nothing runs between reading the buffer and unpacking it. */
        if (buffer_get(buffer, &data, &len) < 0)
            return NULL;
        if (offset_obj)
            offset = GP_SMALL_VALUE(offset_obj);
        if (offset_check(f, "unpack_from", "unpack", &offset, len) < 0)
            return NULL;
        return struct_unpack_buffer(f, data + offset);
    }
    /* The offset's __index__ is Python code: hold an export across it, so
       that it cannot resize the buffer we are about to read (BufferError
       in the __index__, as in CPython). */
    gp_buffer_t view;
    if (gp_buffer_get(buffer, &view, GP_BUFFER_SIMPLE) < 0)
        return NULL;
    gp_object_t *result = NULL;
    len = (intptr_t)view.len;
    if (offset_from_object(offset_obj, &offset) == 0 &&
        offset_check(f, "unpack_from", "unpack", &offset, len) == 0)
        result = struct_unpack_buffer(f, view.data + offset);
    gp_buffer_release(&view);
    return result;
}

static gp_object_t *struct_pack_into_impl(const struct_format_t *f, gp_object_t *const *args,
                                          size_t nargs)
{
    gp_object_t *buffer = args[0];
    /* The export is held until the end: packing may run __index__ code,
       which must not be able to resize the buffer under us. */
    gp_buffer_t view;
    if (gp_buffer_get(buffer, &view, GP_BUFFER_WRITABLE) < 0) {
        if (gp_err_matches(&gp_exc_ValueError))
            return NULL;
        gp_err_clear();
        gp_err_format(&gp_exc_TypeError,
                      "argument must be read-write bytes-like object, not %s",
                      gp_type_name(GP_TYPE(buffer)));
        return NULL;
    }
    if ((intptr_t)nargs - 2 != f->nitems) {
        gp_err_format((gp_type_t *)struct_error, "pack_into expected %zd items for packing (got %zu)",
                      f->nitems, nargs - 2);
        gp_buffer_release(&view);
        return NULL;
    }
    intptr_t offset = gp_number_as_ssize(args[1], &gp_exc_IndexError);
    intptr_t len = (intptr_t)view.len;
    if ((offset == -1 && gp_err_occurred()) ||
        offset_check(f, "pack_into", "pack", &offset, len) < 0) {
        gp_buffer_release(&view);
        return NULL;
    }
    /* Pack into a scratch copy first so a failure leaves the buffer alone. */
    char *scratch = gp_mem_calloc(1, (size_t)f->size + 1);
    if (!scratch) {
        gp_buffer_release(&view);
        gp_err_no_memory();
        return NULL;
    }
    if (struct_pack_into_buffer(f, args + 2, nargs - 2, scratch) < 0) {
        gp_mem_free(scratch);
        gp_buffer_release(&view);
        return NULL;
    }
    char *dest = view.data + offset;
    for (size_t i = 0; i < f->ncodes; i++) {
        const struct_code_t *code = &f->codes[i];
        intptr_t span = code->size * code->count;
        memcpy(dest + code->offset, scratch + code->offset, (size_t)span);
    }
    gp_mem_free(scratch);
    gp_buffer_release(&view);
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* The Struct type                                                      */
/* ------------------------------------------------------------------ */

typedef struct struct_object {
    gp_object_t base;
    gp_object_t *format; /* str */
    struct_format_t f;
} struct_t;

static gp_type_t struct_type, unpack_iter_type;

#define STRUCT(o) ((struct_t *)(o))

/* Compiles [format] into [s], replacing what it held. */
static int struct_set_format(struct_t *s, gp_object_t *format)
{
    struct_format_t f;
    if (struct_format_from_object(format, &f) < 0)
        return -1;
    gp_object_t *text = gp_str_check(format)
                            ? GP_INCREF(format)
                            : gp_str_from_utf8(gp_bytes_data(format), gp_bytes_len(format));
    if (!text) {
        struct_format_free(&f);
        return -1;
    }
    struct_format_free(&s->f);
    s->f = f;
    GP_SETREF(s->format, text);
    return 0;
}

static gp_object_t *struct_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const names[] = {"format", NULL};
    gp_object_t *v[1];
    if (gp_args_parse("Struct", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    struct_t *s = (struct_t *)gp_object_alloc(type, 0);
    if (!s)
        return NULL;
    if (struct_set_format(s, v[0]) < 0) {
        GP_DECREF((gp_object_t *)s);
        return NULL;
    }
    return (gp_object_t *)s;
}

/* Struct.__init__(format): a subclass may call it again with a format. */
static int struct_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                       gp_object_t *kwnames)
{
    static const char *const names[] = {"format", NULL};
    gp_object_t *v[1];
    if (gp_args_parse("Struct", args, nargs, kwnames, names, 1, v) < 0)
        return -1;
    return struct_set_format(STRUCT(self), v[0]);
}

static void struct_dealloc(gp_object_t *self)
{
    struct_format_free(&STRUCT(self)->f);
    GP_XDECREF(STRUCT(self)->format);
    gp_object_free(self);
}

static gp_object_t *struct_pack(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("Struct.pack", 0, kwnames, 0, 0) < 0)
        return NULL;
    return struct_pack_bytes(&STRUCT(self)->f, args, nargs);
}

static gp_object_t *struct_pack_into(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("Struct.pack_into", 0, kwnames, 0, 0) < 0)
        return NULL;
    if (nargs < 2) {
        struct_raise(nargs == 0 ? "pack_into expected buffer argument"
                                : "pack_into expected offset argument");
        return NULL;
    }
    return struct_pack_into_impl(&STRUCT(self)->f, args, nargs);
}

static gp_object_t *struct_unpack(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("unpack", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return struct_unpack_impl(&STRUCT(self)->f, args[0]);
}

static gp_object_t *struct_unpack_from(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    static const char *const names[] = {"buffer", "offset", NULL};
    gp_object_t *v[2];
    if (gp_args_parse("unpack_from", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    return struct_unpack_from_impl(&STRUCT(self)->f, v[0], v[1]);
}

/* The iterator of iter_unpack: holds the Struct and the buffer object. */
typedef struct unpack_iter {
    gp_object_t base;
    gp_object_t *st;     /* the Struct */
    gp_object_t *buffer; /* bytes or bytearray */
    intptr_t index;      /* byte offset of the next record */
} unpack_iter_t;

static gp_object_t *struct_iter_unpack_create(gp_object_t *st, gp_object_t *buffer)
{
    const struct_format_t *f = &STRUCT(st)->f;
    if (f->size == 0) {
        struct_raise("cannot iteratively unpack with a struct of length 0");
        return NULL;
    }
    const char *data;
    intptr_t len;
    if (buffer_get(buffer, &data, &len) < 0)
        return NULL;
    if (len % f->size != 0) {
        gp_err_format((gp_type_t *)struct_error,
                      "iterative unpacking requires a buffer of a multiple of %zd bytes", f->size);
        return NULL;
    }
    unpack_iter_t *it = (unpack_iter_t *)gp_object_alloc(&unpack_iter_type, 0);
    if (!it)
        return NULL;
    it->st = GP_INCREF(st);
    it->buffer = GP_INCREF(buffer);
    gp_gc_track((gp_object_t *)it);
    return (gp_object_t *)it;
}

static gp_object_t *struct_iter_unpack(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("iter_unpack", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return struct_iter_unpack_create(self, args[0]);
}

static gp_object_t *struct_get_format(gp_object_t *self, void *closure)
{
    return GP_INCREF(STRUCT(self)->format);
}

static gp_object_t *struct_get_size(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(STRUCT(self)->f.size);
}

static const gp_method_def_t struct_methods[] = {
    {"pack", struct_pack, GP_METH_KEYWORDS,
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... "
     "packed according to the format string S.format."},
    {"pack_into", struct_pack_into, GP_METH_KEYWORDS,
     "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", struct_unpack, 0, "Return a tuple containing unpacked values."},
    {"unpack_from", struct_unpack_from, GP_METH_KEYWORDS,
     "Return a tuple containing unpacked values."},
    {"iter_unpack", struct_iter_unpack, 0,
     "Return an iterator yielding tuples unpacked from the buffer."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t struct_getsets[] = {
    {"format", struct_get_format, NULL, NULL, "struct format string"},
    {"size", struct_get_size, NULL, NULL, "struct size in bytes"},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t struct_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_struct.Struct",
    .basicsize = sizeof(struct_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = struct_dealloc,
    .new_ = struct_new,
    .init = struct_init,
    .methods = struct_methods,
    .getsets = struct_getsets,
    .doc = "Struct(fmt) --> compiled struct object",
};

static gp_object_t *unpack_iter_next(gp_object_t *self)
{
    unpack_iter_t *it = (unpack_iter_t *)self;
    if (!it->st)
        return NULL;
    const struct_format_t *f = &STRUCT(it->st)->f;
    const char *data = gp_bytes_data(it->buffer);
    intptr_t len = (intptr_t)gp_bytes_len(it->buffer);
    if (it->index + f->size > len) {
        GP_CLEAR(it->st);
        GP_CLEAR(it->buffer);
        return NULL;
    }
    gp_object_t *result = struct_unpack_buffer(f, data + it->index);
    if (result)
        it->index += f->size;
    return result;
}

static gp_object_t *unpack_iter_length_hint(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    unpack_iter_t *it = (unpack_iter_t *)self;
    if (!it->st)
        return gp_int_from_i64(0);
    intptr_t len = (intptr_t)gp_bytes_len(it->buffer);
    return gp_int_from_i64((len - it->index) / STRUCT(it->st)->f.size);
}

static gp_object_t *unpack_iter_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

static void unpack_iter_dealloc(gp_object_t *self)
{
    unpack_iter_t *it = (unpack_iter_t *)self;
    gp_gc_untrack(self);
    GP_XDECREF(it->st);
    GP_XDECREF(it->buffer);
    gp_object_free(self);
}

static int unpack_iter_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    unpack_iter_t *it = (unpack_iter_t *)self;
    int r;
    if (it->st && (r = visit(it->st, arg)) != 0)
        return r;
    return it->buffer ? visit(it->buffer, arg) : 0;
}

static int unpack_iter_clear(gp_object_t *self)
{
    unpack_iter_t *it = (unpack_iter_t *)self;
    GP_CLEAR(it->st);
    GP_CLEAR(it->buffer);
    return 0;
}

static const gp_method_def_t unpack_iter_methods[] = {
    {"__length_hint__", unpack_iter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_type_t unpack_iter_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_struct.unpack_iterator",
    .basicsize = sizeof(unpack_iter_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = unpack_iter_dealloc,
    .iter = unpack_iter_self,
    .iternext = unpack_iter_next,
    .traverse = unpack_iter_traverse,
    .clear = unpack_iter_clear,
    .methods = unpack_iter_methods,
};

/* ------------------------------------------------------------------ */
/* Module-level functions                                               */
/* ------------------------------------------------------------------ */

/* Compiles the format in args[0], checking that there is one. */
static int module_format(const char *fname, gp_object_t *const *args, size_t nargs,
                         gp_object_t *kwnames, size_t min, format_ref_t *f)
{
    if (nargs < min) {
        if (nargs == 0)
            gp_err_format(&gp_exc_TypeError, "%s() missing required argument 'format' (pos 1)",
                          fname);
        else
            gp_err_format(&gp_exc_TypeError, "%s expected %zu arguments, got %zu", fname, min,
                          nargs);
        return -1;
    }
    return format_acquire(args[0], f);
}

static gp_object_t *module_pack(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    format_ref_t f;
    if (gp_args_check("pack", 0, kwnames, 0, 0) < 0)
        return NULL;
    if (nargs == 0) {
        gp_err_set_string(&gp_exc_TypeError, "missing format argument");
        return NULL;
    }
    if (module_format("pack", args, nargs, kwnames, 1, &f) < 0)
        return NULL;
    gp_object_t *result = struct_pack_bytes(f.format, args + 1, nargs - 1);
    format_release(&f);
    return result;
}

static gp_object_t *module_pack_into(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    format_ref_t f;
    if (gp_args_check("pack_into", 0, kwnames, 0, 0) < 0)
        return NULL;
    if (nargs == 0) {
        gp_err_set_string(&gp_exc_TypeError, "missing format argument");
        return NULL;
    }
    if (module_format("pack_into", args, nargs, kwnames, 1, &f) < 0)
        return NULL;
    if (nargs < 3) {
        format_release(&f);
        struct_raise(nargs == 1 ? "pack_into expected buffer argument"
                                : "pack_into expected offset argument");
        return NULL;
    }
    gp_object_t *result = struct_pack_into_impl(f.format, args + 1, nargs - 1);
    format_release(&f);
    return result;
}

static gp_object_t *module_unpack(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    format_ref_t f;
    if (gp_args_check("unpack", nargs, kwnames, 2, 2) < 0 ||
        module_format("unpack", args, nargs, kwnames, 2, &f) < 0)
        return NULL;
    gp_object_t *result = struct_unpack_impl(f.format, args[1]);
    format_release(&f);
    return result;
}

static gp_object_t *module_unpack_from(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    static const char *const names[] = {"/format", "buffer", "offset", NULL};
    gp_object_t *v[3] = {NULL, NULL, NULL};
    format_ref_t f;
    if (!kwnames && (nargs == 2 || nargs == 3)) {
        /* Plain positional calls, the usual kind, need no parsing. */
        memcpy(v, args, nargs * sizeof *args);
    } else if (nargs == 0) {
        /* The format is positional-only, so naming it counts as missing. */
        gp_err_set_string(&gp_exc_TypeError,
                          "unpack_from() takes at least 1 positional argument (0 given)");
        return NULL;
    } else if (gp_args_parse("unpack_from", args, nargs, kwnames, names, 2, v) < 0) {
        return NULL;
    }
    if (format_acquire(v[0], &f) < 0)
        return NULL;
    gp_object_t *result = struct_unpack_from_impl(f.format, v[1], v[2]);
    format_release(&f);
    return result;
}

static gp_object_t *module_iter_unpack(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("iter_unpack", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_object_t *st = struct_new(&struct_type, args, 1, NULL);
    if (!st)
        return NULL;
    gp_object_t *result = struct_iter_unpack_create(st, args[1]);
    GP_DECREF(st);
    return result;
}

static gp_object_t *module_calcsize(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    format_ref_t f;
    if (gp_args_check("calcsize", nargs, kwnames, 1, 1) < 0 || format_acquire(args[0], &f) < 0)
        return NULL;
    intptr_t size = f.format->size;
    format_release(&f);
    return gp_int_from_i64(size);
}

static gp_object_t *module_clearcache(gp_object_t *m, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("_clearcache", nargs, kwnames, 0, 0) < 0)
        return NULL;
    format_cache_clear();
    return gp_none_new();
}

static const gp_method_def_t struct_functions[] = {
    {"pack", module_pack, GP_METH_KEYWORDS,
     "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, "
     "v2, ... packed according to the format string."},
    {"pack_into", module_pack_into, GP_METH_KEYWORDS,
     "pack_into(format, buffer, offset, v1, v2, ...)"},
    {"unpack", module_unpack, 0, "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", module_unpack_from, GP_METH_KEYWORDS,
     "Return a tuple containing values unpacked according to the format string."},
    {"iter_unpack", module_iter_unpack, 0,
     "Return an iterator yielding tuples unpacked from the buffer."},
    {"calcsize", module_calcsize, 0, "Return size in bytes of the struct described by the format string."},
    {"_clearcache", module_clearcache, 0, "Clear the internal cache."},
    {NULL, NULL, 0, NULL},
};

/* Creates the struct.error class: `class error(Exception)` in module struct. */
static gp_object_t *struct_make_error(void)
{
    gp_object_t *bases = gp_tuple_pack(1, (gp_object_t *)&gp_exc_Exception);
    gp_object_t *type = bases ? gp_type_new_simple_class("struct", "error", bases) : NULL;
    GP_XDECREF(bases);
    return type;
}

gp_object_t *gp_struct_module_create(void)
{
    if (gp_type_ready(&struct_type) < 0 || gp_type_ready(&unpack_iter_type) < 0)
        return NULL;
    gp_object_t *error = struct_make_error();
    if (!error)
        return NULL;
    /* A class from an earlier runtime is not released here: that runtime
       owned (and may have freed) it. The new one is kept for good. */
    struct_error = error;
    gp_object_t *m = gp_module_new("_struct");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, struct_functions) < 0 ||
        gp_module_add_object(m, "error", struct_error) < 0 ||
        gp_module_add_object(m, "Struct", (gp_object_t *)&struct_type) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
