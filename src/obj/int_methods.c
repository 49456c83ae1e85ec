/*
 * int_methods.c - the methods and attributes of int: bit_length,
 * to_bytes/from_bytes, as_integer_ratio, __round__, __format__...
 *
 * Design notes
 * ------------
 * Methods receive any int as self: a small int, a big one, a bool or an
 * instance of a user subclass; they read it through gp_int_view_t and
 * return exact ints, as CPython's int methods do (True.real is 1).
 * to_bytes works on the two's-complement form directly, producing bytes
 * while it walks the digits, and checks afterwards that the value fitted.
 */
#include <string.h>

#include "obj/int.h"
#include "obj/memoryview.h"

/* ------------------------------------------------------------------ */
/* Bytes                                                                */
/* ------------------------------------------------------------------ */

int gp_int_to_bytes(gp_object_t *o, uint8_t *out, size_t n, bool little, bool is_signed)
{
    gp_int_view_t v;
    gp_int_view_init(&v, o);
    if (v.sign < 0 && !is_signed) {
        gp_err_set_string(&gp_exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    /* Produce little-endian two's complement bytes, then check the bits
       that did not fit are pure sign extension. */
    gp_twodigits_t acc = 0;
    int accbits = 0;
    gp_digit_t carry = v.sign < 0 ? 1 : 0;
    intptr_t di = 0;
    size_t i = 0;
    for (; i < n; i++) {
        while (accbits < 8) {
            gp_digit_t d = di < v.size ? v.digits[di] : 0;
            if (v.sign < 0) {
                d = ((~d) & GP_INT_MASK) + carry;
                carry = d >> GP_INT_SHIFT;
                d &= GP_INT_MASK;
            }
            acc |= (gp_twodigits_t)d << accbits;
            accbits += GP_INT_SHIFT;
            di++;
        }
        uint8_t byte = (uint8_t)(acc & 0xff);
        out[little ? i : n - 1 - i] = byte;
        acc >>= 8;
        accbits -= 8;
    }
    /* Overflow when digits remain, or the sign bit of the top byte is wrong. */
    bool overflow = false;
    uint64_t bits = gp_int_bit_length(o);
    if (!is_signed) {
        overflow = bits > (uint64_t)n * 8;
    } else if (v.sign > 0) {
        overflow = n == 0 || bits >= (uint64_t)n * 8;
    } else if (v.sign < 0) {
        /* -2**(8n-1) is the smallest value that fits. */
        if (n == 0) {
            overflow = true;
        } else {
            gp_object_t *t = gp_int_invert(o); /* -o - 1 >= 0 */
            if (!t)
                return -1;
            overflow = gp_int_bit_length(t) >= (uint64_t)n * 8;
            GP_DECREF(t);
        }
    }
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, "int too big to convert");
        return -1;
    }
    return 0;
}

gp_object_t *gp_int_from_bytes(const uint8_t *data, size_t n, bool little, bool is_signed)
{
    intptr_t nd = (intptr_t)((n * 8 + GP_INT_SHIFT - 1) / GP_INT_SHIFT) + 1;
    gp_int_t *r = gp_int_alloc(nd);
    if (!r)
        return NULL;
    bool negative = is_signed && n > 0 && (data[little ? n - 1 : 0] & 0x80);
    gp_twodigits_t acc = 0;
    int accbits = 0;
    intptr_t di = 0;
    unsigned carry = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned byte = data[little ? i : n - 1 - i];
        if (negative) {
            /* Magnitude of a negative two's-complement number: ~x + 1. */
            byte = (~byte & 0xffu) + carry;
            carry = byte >> 8;
            byte &= 0xffu;
        }
        acc |= (gp_twodigits_t)byte << accbits;
        accbits += 8;
        if (accbits >= GP_INT_SHIFT) {
            r->digits[di++] = (gp_digit_t)(acc & GP_INT_MASK);
            acc >>= GP_INT_SHIFT;
            accbits -= GP_INT_SHIFT;
        }
    }
    if (accbits > 0 || acc)
        r->digits[di++] = (gp_digit_t)(acc & GP_INT_MASK);
    r->sign = negative ? -1 : 1;
    return gp_int_normalize(r);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

#define INT_SELF_CHECK(self, name)                                                             \
    do {                                                                                       \
        if (!gp_int_check(self)) {                                                             \
            gp_err_format(&gp_exc_TypeError,                                                   \
                          "descriptor '" name "' requires a 'int' object but received a '%T'", \
                          self);                                                               \
            return NULL;                                                                       \
        }                                                                                      \
    } while (0)

static gp_object_t *int_bit_length(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "bit_length");
    if (gp_args_check("int.bit_length", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_u64(gp_int_bit_length(self));
}

static gp_object_t *int_bit_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "bit_count");
    if (gp_args_check("int.bit_count", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_int_view_t v;
    gp_int_view_init(&v, self);
    uint64_t count = 0;
    for (intptr_t i = 0; i < v.size; i++)
        count += (uint64_t)__builtin_popcount(v.digits[i]);
    return gp_int_from_u64(count);
}

/* Parses byteorder: 0 big, 1 little, -1 error. NULL means the default 'big'. */
static int parse_byteorder(gp_object_t *o)
{
    if (!o)
        return 0;
    if (!gp_str_check(o)) {
        gp_err_format(&gp_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", o);
        return -1;
    }
    if (gp_str_eq_cstr(o, "big"))
        return 0;
    if (gp_str_eq_cstr(o, "little"))
        return 1;
    gp_err_set_string(&gp_exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static gp_object_t *int_to_bytes_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "to_bytes");
    static const char *const names[] = {"length", "byteorder", "$signed", NULL};
    gp_object_t *vals[3] = {NULL, NULL, NULL};
    if (gp_args_parse("to_bytes", args, nargs, kwnames, names, 0, vals) < 0)
        return NULL;
    intptr_t length = 1;
    if (vals[0]) {
        length = gp_number_as_ssize(vals[0], &gp_exc_OverflowError);
        if (length == -1 && gp_err_occurred())
            return NULL;
        if (length < 0) {
            gp_err_set_string(&gp_exc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    int little = parse_byteorder(vals[1]);
    if (little < 0)
        return NULL;
    int is_signed = vals[2] ? gp_object_is_true(vals[2]) : 0;
    if (is_signed < 0)
        return NULL;
    uint8_t *buf = gp_mem_alloc((size_t)length + 1);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r = NULL;
    if (gp_int_to_bytes(self, buf, (size_t)length, little, is_signed) == 0)
        r = gp_bytes_new(buf, (size_t)length);
    gp_mem_free(buf);
    return r;
}

static gp_object_t *int_from_bytes_method(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                          gp_object_t *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "$signed", NULL};
    gp_object_t *vals[3] = {NULL, NULL, NULL};
    if (gp_args_parse("from_bytes", args, nargs, kwnames, names, 1, vals) < 0)
        return NULL;
    int little = parse_byteorder(vals[1]);
    if (little < 0)
        return NULL;
    int is_signed = vals[2] ? gp_object_is_true(vals[2]) : 0;
    if (is_signed < 0)
        return NULL;
    gp_object_t *src = vals[0], *owned = NULL;
    const char *data;
    size_t len;
    if (gp_memoryview_check(src)) {
        /* A view stands for its raw bytes whatever its item format, as in
           bytes(view). A contiguous one is read in place (nothing runs in
           between); a strided or released one goes through tobytes(),
           which copies or raises. */
        if (!gp_memoryview_bytes(src, &data, &len)) {
            owned = gp_memoryview_tobytes(src);
            if (!owned)
                return NULL;
            src = owned;
        }
    } else if (!gp_bytes_check(src) && !gp_is_bytearray(src)) {
        /* bytes() would take an int as a length, and a str fails there
           with the wrong message. */
        if (gp_str_check(src) || gp_int_check(src)) {
            gp_err_format(&gp_exc_TypeError, "cannot convert '%s' object to bytes",
                          gp_type_name(GP_TYPE(src)));
            return NULL;
        }
        /* Anything else goes through bytes(): __bytes__, the buffer
           protocol (array.array) or an iterable of ints in range(256). */
        owned = gp_object_call1((gp_object_t *)&gp_bytes_type, src);
        if (!owned)
            return NULL;
        src = owned;
    }
    if (src == owned || !gp_memoryview_check(src)) {
        data = gp_bytes_data(src);
        len = gp_bytes_len(src);
    }
    gp_object_t *r = gp_int_from_bytes((const uint8_t *)data, len, little, is_signed);
    GP_XDECREF(owned);
    if (r && cls != (gp_object_t *)&gp_int_type)
        GP_SETREF(r, gp_object_call1(cls, r));
    return r;
}

static gp_object_t *int_self_exact(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "conjugate");
    if (gp_args_check("int.conjugate", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_exact(self);
}

static gp_object_t *int_as_integer_ratio(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "as_integer_ratio");
    if (gp_args_check("int.as_integer_ratio", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *v = gp_int_exact(self);
    if (!v)
        return NULL;
    gp_object_t *t = gp_tuple_pack(2, v, GP_SMALL_NEW(1));
    GP_DECREF(v);
    return t;
}

static gp_object_t *int_round(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "__round__");
    if (gp_args_check("__round__", nargs, kwnames, 0, 1) < 0)
        return NULL;
    if (nargs == 0 || args[0] == gp_None)
        return gp_int_exact(self);
    gp_object_t *nd = gp_number_index(args[0]);
    if (!nd)
        return NULL;
    if (gp_int_sign_fast(nd) >= 0) {
        GP_DECREF(nd);
        return gp_int_exact(self);
    }
    /* Round half to even at 10**-ndigits. */
    gp_object_t *neg = gp_int_neg(nd);
    GP_DECREF(nd);
    if (!neg)
        return NULL;
    int overflow;
    int64_t p = gp_int_as_i64_overflow(neg, &overflow);
    GP_DECREF(neg);
    if (overflow || p > 100000) {
        /* 10**p dwarfs any int a script holds (CPython computes it anyway). */
        return GP_SMALL_NEW(0);
    }
    gp_object_t *pow10 = gp_int_pow_u64(GP_SMALL_NEW(10), (uint64_t)p);
    if (!pow10)
        return NULL;
    gp_object_t *q, *r, *result = NULL;
    if (gp_int_divmod(self, pow10, &q, &r) < 0) {
        GP_DECREF(pow10);
        return NULL;
    }
    gp_object_t *r2 = gp_int_lshift_by(r, 1);
    if (r2) {
        int c = gp_int_compare(r2, pow10);
        bool up = c > 0 || (c == 0 && gp_int_is_odd(q));
        gp_object_t *down = gp_int_sub(self, r);
        if (down && up)
            GP_SETREF(down, gp_int_add(down, pow10));
        result = down;
        GP_DECREF(r2);
    }
    GP_DECREF(q);
    GP_DECREF(r);
    GP_DECREF(pow10);
    return result;
}

static gp_object_t *int_trunc_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "__trunc__");
    if (gp_args_check("int.__trunc__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_exact(self);
}

static gp_object_t *int_getnewargs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "__getnewargs__");
    gp_object_t *v = gp_int_exact(self);
    if (!v)
        return NULL;
    gp_object_t *t = gp_tuple_pack(1, v);
    GP_DECREF(v);
    return t;
}

static gp_object_t *int_format_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "__format__");
    if (gp_args_check("int.__format__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "__format__() argument must be str, not %T", args[0]);
        return NULL;
    }
    return gp_int_format(self, gp_str_utf8(args[0]), gp_str_utf8_len(args[0]));
}

static gp_object_t *int_sizeof(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    INT_SELF_CHECK(self, "__sizeof__");
    intptr_t n = GP_IS_SMALL(self) ? 1 : GP_INT_SIZE(self);
    return gp_int_from_i64((int64_t)(offsetof(gp_int_t, digits) + (size_t)(n ? n : 1) * 4));
}

const gp_method_def_t gp_int_methods[] = {
    {"bit_length", int_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, 0, "Number of ones in the binary representation of abs(self)."},
    {"to_bytes", int_to_bytes_method, GP_METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes_method, GP_METH_KEYWORDS | GP_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, 0, "Return integer ratio."},
    {"conjugate", int_self_exact, 0, "Returns self, the complex conjugate of any int."},
    {"__round__", int_round, 0, "Rounding an Integral returns itself."},
    {"__trunc__", int_trunc_method, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_trunc_method, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_trunc_method, 0, "Ceiling of an Integral returns itself."},
    {"__getnewargs__", int_getnewargs, 0, NULL},
    {"__format__", int_format_method, 0, "Convert to a string according to format_spec."},
    {"__sizeof__", int_sizeof, 0, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *int_get_self(gp_object_t *self, void *closure)
{
    return gp_int_exact(self);
}

static gp_object_t *int_get_zero(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(0);
}

static gp_object_t *int_get_one(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(1);
}

const gp_getset_def_t gp_int_getsets[] = {
    {"real", int_get_self, NULL, NULL, "the real part of a complex number"},
    {"imag", int_get_zero, NULL, NULL, "the imaginary part of a complex number"},
    {"numerator", int_get_self, NULL, NULL, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, NULL, NULL,
     "the denominator of a rational number in lowest terms"},
    {NULL, NULL, NULL, NULL, NULL},
};
