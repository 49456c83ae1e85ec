/*
 * int_text.c - int <-> text: decimal and bin/oct/hex output, parsing with
 * Python's literal rules, and the int() constructor.
 *
 * Design notes
 * ------------
 * Decimal output of a big int goes through bigint.c (base 10**9 chunks);
 * power-of-two bases read the bits directly. Parsing validates the whole
 * text first (sign, base prefix, single underscores between digits,
 * surrounding whitespace) so that every malformed literal gets CPython's
 * one error message, "invalid literal for int() with base 10: 'x'", and
 * only then converts: up to 18 decimal digits in a machine word, longer
 * texts chunk by chunk (r = r * base**k + chunk), with CPython 3.11's
 * 4300-digit limit for bases that are not powers of two.
 *
 * int(x) without a base follows CPython's order: an int (exact copy for
 * subclasses), the __int__ slot, __index__, __trunc__, then str/bytes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "obj/int.h"
#include "obj/memoryview.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* Text conversions                                                     */
/* ------------------------------------------------------------------ */

gp_object_t *gp_int_to_string(gp_object_t *o, int base)
{
    if (base == 10) {
        if (GP_IS_SMALL(o)) {
            char buf[32];
            char *p = buf + sizeof buf;
            intptr_t v = GP_SMALL_VALUE(o);
            uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
            do {
                *--p = (char)('0' + m % 10);
                m /= 10;
            } while (m);
            if (v < 0)
                *--p = '-';
            return gp_str_from_utf8(p, (size_t)(buf + sizeof buf - p));
        }
        size_t len;
        char *text =
            gp_bigint_to_decimal(GP_INT_DIGITS(o), GP_INT_SIZE(o), GP_INT_SIGN(o) < 0, &len);
        if (!text)
            return NULL;
        gp_object_t *s = gp_str_from_utf8(text, len);
        gp_mem_free(text);
        return s;
    }
    int bits_per = base == 2 ? 1 : base == 8 ? 3 : 4;
    char prefix = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
    gp_int_view_t v;
    gp_int_view_init(&v, o);
    uint64_t nbits = gp_int_bit_length(o);
    size_t nchars = nbits ? (size_t)((nbits + (uint64_t)bits_per - 1) / (uint64_t)bits_per) : 1;
    size_t total = nchars + 2 + (v.sign < 0);
    char *text = gp_mem_alloc(total);
    if (!text) {
        gp_err_no_memory();
        return NULL;
    }
    char *p = text;
    if (v.sign < 0)
        *p++ = '-';
    *p++ = '0';
    *p++ = prefix;
    for (size_t i = nchars; i-- > 0;) {
        unsigned d = (unsigned)gp_int_view_bits(&v, (uint64_t)i * (uint64_t)bits_per, bits_per);
        *p++ = "0123456789abcdef"[d];
    }
    gp_object_t *s = gp_str_from_utf8(text, total);
    gp_mem_free(text);
    return s;
}

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Converts the validated digit characters (underscores allowed and
   skipped) of [s, end) in [base] to an int magnitude. */
static gp_int_t *int_parse_digits(const char *s, const char *end, int base, size_t ndigits)
{
    if ((base & (base - 1)) == 0) {
        int bits_per = __builtin_ctz((unsigned)base);
        uint64_t nbits = (uint64_t)ndigits * (uint64_t)bits_per;
        gp_int_t *r = gp_int_alloc((intptr_t)(nbits / GP_INT_SHIFT + 1));
        if (!r)
            return NULL;
        uint64_t pos = 0;
        for (const char *p = end; p-- > s;) {
            if (*p == '_')
                continue;
            unsigned d = (unsigned)digit_value((unsigned char)*p);
            for (int k = 0; k < bits_per; k++, pos++) {
                if ((d >> k) & 1u)
                    r->digits[pos / GP_INT_SHIFT] |= (gp_digit_t)1 << (pos % GP_INT_SHIFT);
            }
        }
        r->sign = 1;
        return r;
    }
    /* Process as many characters at a time as fit a digit: r = r * base**k + chunk. */
    double bits_per_char = log2((double)base);
    intptr_t cap = (intptr_t)((double)ndigits * bits_per_char / GP_INT_SHIFT) + 2;
    gp_int_t *r = gp_int_alloc(cap);
    if (!r)
        return NULL;
    intptr_t size = 0;
    const char *p = s;
    while (p < end) {
        gp_twodigits_t chunk = 0, scale = 1;
        while (p < end && scale * (gp_twodigits_t)base < GP_INT_BASE) {
            if (*p != '_') {
                chunk =
                    chunk * (gp_twodigits_t)base + (gp_twodigits_t)digit_value((unsigned char)*p);
                scale *= (gp_twodigits_t)base;
            }
            p++;
        }
        gp_twodigits_t carry = chunk;
        for (intptr_t i = 0; i < size; i++) {
            carry += (gp_twodigits_t)r->digits[i] * scale;
            r->digits[i] = (gp_digit_t)(carry & GP_INT_MASK);
            carry >>= GP_INT_SHIFT;
        }
        while (carry && size < cap) {
            r->digits[size++] = (gp_digit_t)(carry & GP_INT_MASK);
            carry >>= GP_INT_SHIFT;
        }
    }
    r->sign = 1;
    return r;
}

/* The parser behind int(str, base) and gp_int_from_string. [orig] is the
   object shown in the error message (NULL: made from the text). */
static gp_object_t *int_parse(const char *s, size_t len, int base, gp_object_t *orig)
{
    const char *p = s, *end = s + len;
    int given_base = base;
    int sign = 1;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    if (p < end && (*p == '+' || *p == '-')) {
        if (*p == '-')
            sign = -1;
        p++;
    }
    bool leading_zero_only = false;
    if (p < end && *p == '0' && end - p >= 2) {
        char c = (char)(p[1] | 0x20);
        int prefixed = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (prefixed && (base == 0 || base == prefixed)) {
            base = prefixed;
            p += 2;
            if (p < end && *p == '_') /* "0x_1f" is allowed */
                p++;
        } else if (base == 0) {
            leading_zero_only = true;
        }
    }
    if (base == 0)
        base = 10;

    /* Validate: digits with single underscores between them. */
    const char *digits = p;
    size_t ndigits = 0;
    bool prev_underscore = true; /* no leading underscore */
    for (; p < end; p++) {
        if (*p == '_') {
            if (prev_underscore)
                goto invalid;
            prev_underscore = true;
            continue;
        }
        int d = digit_value((unsigned char)*p);
        if (d >= base)
            goto invalid;
        if (leading_zero_only && d != 0)
            goto invalid;
        prev_underscore = false;
        ndigits++;
    }
    if (ndigits == 0 || prev_underscore)
        goto invalid;

    if (ndigits <= 18 && base == 10) {
        int64_t v = 0;
        for (const char *q = digits; q < end; q++) {
            if (*q != '_')
                v = v * 10 + (*q - '0');
        }
        return gp_int_from_i64(sign * v);
    }
    int limit = gp_runtime()->int_max_str_digits;
    if ((base & (base - 1)) != 0 && limit > 0 && ndigits > (size_t)limit) {
        gp_err_format(&gp_exc_ValueError,
                      "Exceeds the limit (%d digits) for integer string conversion: value has "
                      "%zu digits; use sys.set_int_max_str_digits() to increase the limit",
                      limit, ndigits);
        return NULL;
    }
    gp_int_t *r = int_parse_digits(digits, end, base, ndigits);
    if (!r)
        return NULL;
    r->sign = sign;
    return gp_int_normalize(r);

invalid:;
    gp_object_t *shown = orig ? GP_INCREF(orig) : gp_str_from_utf8(s, len < 200 ? len : 200);
    if (!shown) {
        /* The text was not valid UTF-8: show it as bytes. */
        gp_err_clear();
        shown = gp_bytes_new(s, len < 200 ? len : 200);
        if (!shown)
            return NULL;
    }
    gp_err_format(&gp_exc_ValueError, "invalid literal for int() with base %d: %R", given_base,
                  shown);
    GP_DECREF(shown);
    return NULL;
}

gp_object_t *gp_int_from_string(const char *s, size_t len, int base)
{
    return int_parse(s, len, base, NULL);
}

/* ------------------------------------------------------------------ */
/* int(x), int(x, base)                                                 */
/* ------------------------------------------------------------------ */

/* Calls a conversion dunder found on the type and checks it returned an int. */
static gp_object_t *int_call_dunder(gp_object_t *x, const char *name)
{
    gp_object_t *fn = gp_type_lookup_cstr(GP_TYPE(x), name);
    if (!fn)
        return NULL;
    gp_object_t *r = gp_object_call(fn, &x, 1, NULL);
    if (r && !gp_int_check(r)) {
        gp_err_format(&gp_exc_TypeError, "%s returned non-int (type %T)", name, r);
        GP_DECREF(r);
        return NULL;
    }
    return r;
}

static gp_object_t *int_from_text_object(gp_object_t *x, int base)
{
    if (gp_str_check(x) && !GP_STR_ASCII(x)) {
        size_t n;
        char *ascii = gp_str_numeric_ascii(x, &n);
        gp_object_t *r = ascii ? int_parse(ascii, n, base, x) : NULL;
        gp_mem_free(ascii);
        return r;
    }
    if (gp_str_check(x))
        return int_parse(gp_str_utf8(x), gp_str_utf8_len(x), base, x);
    if (gp_bytes_check(x) || gp_is_bytearray(x))
        return int_parse(gp_bytes_data(x), gp_bytes_len(x), base, x);
    return NULL;
}

/* int(x) for any other bytes-like [x] (a memoryview, an array): its bytes
   are parsed as base-10 text. Only str, bytes and bytearray may be given an
   explicit base, as in CPython. */
static gp_object_t *int_from_buffer(gp_object_t *x)
{
    if (gp_memoryview_check(x)) {
        gp_object_t *b = gp_memoryview_tobytes(x);
        gp_object_t *r = b ? int_parse(gp_bytes_data(b), gp_bytes_len(b), 10, b) : NULL;
        GP_XDECREF(b);
        return r;
    }
    gp_buffer_t view = {0};
    if (gp_buffer_get(x, &view, GP_BUFFER_SIMPLE) < 0)
        return NULL;
    gp_object_t *b = gp_bytes_new(view.data, view.len);
    gp_buffer_release(&view);
    gp_object_t *r = b ? int_parse(gp_bytes_data(b), gp_bytes_len(b), 10, b) : NULL;
    GP_XDECREF(b);
    return r;
}

int gp_int_warn_subclass_result(const char *dunder, gp_object_t *result)
{
    char message[256];
    snprintf(message, sizeof message,
             "%s returned non-int (type %.50s).  The ability to return an instance of a strict "
             "subclass of int is deprecated, and may be removed in a future version of Python.",
             dunder, gp_type_name(GP_TYPE(result)));
    return gp_err_warn(&gp_exc_DeprecationWarning, message);
}

/* int(x) with one argument: the exact-int result. */
static gp_object_t *int_convert(gp_object_t *x)
{
    /* An int subclass may define __int__ of its own, which then wins; one
       that does not inherits the int slot and is copied as it stands. */
    if (GP_IS_SMALL(x) || x->type == &gp_int_type)
        return gp_int_exact(x);
    gp_type_t *t = GP_TYPE(x);
    if (gp_int_check(x) && t->to_int == gp_int_type.to_int)
        return gp_int_exact(x);
    gp_object_t *r = NULL;
    const char *dunder = "__int__";
    if (t->to_int) {
        r = t->to_int(x);
    } else if (t->to_index) {
        r = t->to_index(x);
        dunder = "__index__";
    } else if (gp_type_lookup_cstr(t, "__int__")) {
        r = int_call_dunder(x, "__int__");
    } else if (gp_type_lookup_cstr(t, "__index__")) {
        r = int_call_dunder(x, "__index__");
        dunder = "__index__";
    } else if (gp_type_lookup_cstr(t, "__trunc__")) {
        if (gp_err_warn(&gp_exc_DeprecationWarning,
                        "The delegation of int() to __trunc__ is deprecated.") < 0)
            return NULL;
        gp_object_t *fn = gp_type_lookup_cstr(t, "__trunc__");
        gp_object_t *v = gp_object_call(fn, &x, 1, NULL);
        if (!v)
            return NULL;
        /* The result must be an int or have __index__; it is not converted
           again with int(), which could recurse without end. */
        gp_type_t *vt = GP_TYPE(v);
        if (gp_int_check(v)) {
            r = gp_int_exact(v);
        } else if (vt->to_index || gp_type_lookup_cstr(vt, "__index__")) {
            r = gp_number_index(v);
        } else {
            gp_err_format(&gp_exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                          gp_type_name(vt));
        }
        GP_DECREF(v);
        return r;
    } else if (gp_str_check(x) || gp_bytes_check(x) || gp_is_bytearray(x)) {
        return int_from_text_object(x, 10);
    } else if (gp_buffer_check(x)) {
        return int_from_buffer(x);
    } else {
        gp_err_format(&gp_exc_TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, "
                      "not '%s'",
                      gp_type_name(t));
        return NULL;
    }
    if (r && !gp_int_check(r)) {
        gp_err_format(&gp_exc_TypeError, "%s returned non-int (type %T)", dunder, r);
        GP_DECREF(r);
        return NULL;
    }
    if (r && !GP_IS_SMALL(r) && r->type != &gp_int_type) {
        /* A strict int subclass (a bool, say) is accepted but deprecated. */
        if (gp_int_warn_subclass_result(dunder, r) < 0) {
            GP_DECREF(r);
            return NULL;
        }
        GP_SETREF(r, gp_int_exact(r));
    }
    return r;
}

/* An instance of an int subclass [type] with the value of [v] (borrowed). */
static gp_object_t *int_subtype_from(gp_type_t *type, gp_object_t *v)
{
    gp_int_view_t view;
    gp_int_view_init(&view, v);
    gp_object_t *o = gp_object_alloc(type, (size_t)view.size);
    if (!o)
        return NULL;
    if (view.size)
        memcpy(GP_INT_DIGITS(o), view.digits, (size_t)view.size * sizeof(gp_digit_t));
    GP_INT_SIGN(o) = view.sign;
    return o;
}

gp_object_t *gp_int_slot_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    gp_object_t *result;
    if (nargs == 1 && !kwnames && type == &gp_int_type)
        return int_convert(args[0]);
    static const char *const names[] = {"/x", "base", NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse("int", args, nargs, kwnames, names, 0, vals) < 0)
        return NULL;
    if (!vals[0]) {
        if (vals[1]) {
            gp_err_set_string(&gp_exc_TypeError, "int() missing string argument");
            return NULL;
        }
        result = GP_SMALL_NEW(0);
    } else if (!vals[1]) {
        result = int_convert(vals[0]);
    } else {
        /* A huge base saturates and so fails the range check below. */
        intptr_t base = gp_number_as_ssize(vals[1], NULL);
        if (base == -1 && gp_err_occurred())
            return NULL;
        if (base != 0 && (base < 2 || base > 36)) {
            gp_err_set_string(&gp_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return NULL;
        }
        result = int_from_text_object(vals[0], (int)base);
        if (!result && !gp_err_occurred())
            gp_err_set_string(&gp_exc_TypeError,
                              "int() can't convert non-string with explicit base");
    }
    if (!result || type == &gp_int_type)
        return result;
    gp_object_t *o = int_subtype_from(type, result);
    GP_DECREF(result);
    return o;
}
