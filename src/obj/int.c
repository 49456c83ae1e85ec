/*
 * int.c - the int type: small/big dispatch, Python semantics, conversions.
 *
 * Design notes
 * ------------
 * Every int operation first tries the case that matters for speed: both
 * operands unboxed small ints (object.h). Small values are 63-bit, so a sum
 * or difference always fits an int64_t and only needs gp_int_from_i64() to
 * decide whether the result is still small; products and powers use the
 * compiler's overflow builtins and fall back to the big path when they
 * overflow. The VM inlines small + small itself and calls gp_number_binop
 * only on overflow or other types, so the fallback is the common entry here.
 *
 * The big path reads both operands through gp_int_view_t (which expands a
 * small int into three digits on the stack), runs a magnitude kernel from
 * bigint.c and normalises the result, so a result that fits is returned
 * unboxed and an exact int on the heap always means "does not fit".
 *
 * Python's semantics live here, not in the kernels: floor division and
 * modulo take the divisor's sign, shifts and bitwise operators behave as
 * on infinite two's-complement numbers, true division is correctly rounded
 * (CPython's algorithm), and hashing reduces modulo 2**61 - 1 so equal ints
 * and floats hash alike.
 *
 * bool and user subclasses share this type's slots: every operation accepts
 * them and returns exact ints (bool.c adds the bool-preserving & | ^).
 *
 * The int type is spread over four files: this one (arithmetic and slots),
 * bigint.c (magnitude kernels), int_text.c (text conversions and int())
 * and int_methods.c (methods and attributes).
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "obj/int.h"

#define HASH_BITS    61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

static gp_object_t *int_not_implemented(void)
{
    return GP_INCREF(gp_NotImplemented);
}

/* An exact int with the value of [o] (a new reference). */
gp_object_t *gp_int_exact(gp_object_t *o)
{
    if (GP_IS_SMALL(o) || o->type == &gp_int_type)
        return GP_INCREF(o);
    return gp_int_from_digits(GP_INT_SIGN(o), GP_INT_DIGITS(o), GP_INT_SIZE(o));
}

int gp_int_sign_fast(gp_object_t *o)
{
    if (GP_IS_SMALL(o)) {
        intptr_t v = GP_SMALL_VALUE(o);
        return v < 0 ? -1 : (v > 0);
    }
    return GP_INT_SIGN(o);
}

bool gp_int_is_zero(gp_object_t *o)
{
    return GP_IS_SMALL(o) ? GP_SMALL_VALUE(o) == 0 : GP_INT_SIZE(o) == 0;
}

bool gp_int_is_odd(gp_object_t *o)
{
    if (GP_IS_SMALL(o))
        return GP_SMALL_VALUE(o) & 1;
    return GP_INT_SIZE(o) > 0 && (GP_INT_DIGITS(o)[0] & 1);
}

/* ------------------------------------------------------------------ */
/* Construction and C conversions                                       */
/* ------------------------------------------------------------------ */

gp_object_t *gp_int_from_i64(int64_t v)
{
    if (GP_SMALL_FITS(v))
        return GP_SMALL_NEW(v);
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    gp_int_t *r = gp_int_alloc(3);
    if (!r)
        return NULL;
    for (int i = 0; i < 3; i++) {
        r->digits[i] = (gp_digit_t)(m & GP_INT_MASK);
        m >>= GP_INT_SHIFT;
    }
    r->sign = v < 0 ? -1 : 1;
    return gp_int_normalize(r);
}

gp_object_t *gp_int_from_u64(uint64_t v)
{
    if (v <= (uint64_t)GP_SMALL_MAX)
        return GP_SMALL_NEW((intptr_t)v);
    gp_int_t *r = gp_int_alloc(3);
    if (!r)
        return NULL;
    for (int i = 0; i < 3; i++) {
        r->digits[i] = (gp_digit_t)(v & GP_INT_MASK);
        v >>= GP_INT_SHIFT;
    }
    r->sign = 1;
    return gp_int_normalize(r);
}

gp_object_t *gp_int_from_double(double d)
{
    if (isinf(d)) {
        gp_err_set_string(&gp_exc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(d)) {
        gp_err_set_string(&gp_exc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    if (d > -9.2e18 && d < 9.2e18)
        return gp_int_from_i64((int64_t)d);
    int neg = d < 0;
    int e;
    double m = frexp(neg ? -d : d, &e); /* |d| = m * 2**e, e > 62 here */
    intptr_t n = (e - 1) / GP_INT_SHIFT + 1;
    gp_int_t *r = gp_int_alloc(n);
    if (!r)
        return NULL;
    m = ldexp(m, (e - 1) % GP_INT_SHIFT + 1);
    for (intptr_t i = n - 1; i >= 0; i--) {
        gp_digit_t bits = (gp_digit_t)m;
        r->digits[i] = bits;
        m -= bits;
        m = ldexp(m, GP_INT_SHIFT);
    }
    r->sign = neg ? -1 : 1;
    return gp_int_normalize(r);
}

int64_t gp_int_as_i64_overflow(gp_object_t *o, int *overflow)
{
    *overflow = 0;
    if (GP_IS_SMALL(o))
        return GP_SMALL_VALUE(o);
    intptr_t n = GP_INT_SIZE(o);
    const gp_digit_t *d = GP_INT_DIGITS(o);
    int sign = GP_INT_SIGN(o);
    if (n > 3 || (n == 3 && d[2] >= 16))
        goto overflowed;
    uint64_t m = 0;
    for (intptr_t i = n - 1; i >= 0; i--)
        m = (m << GP_INT_SHIFT) | d[i];
    if (sign >= 0 && m <= (uint64_t)INT64_MAX)
        return (int64_t)m;
    if (sign < 0 && m <= (uint64_t)INT64_MAX + 1)
        return (int64_t)(0 - m);
overflowed:
    *overflow = sign < 0 ? -1 : 1;
    return sign < 0 ? INT64_MIN : INT64_MAX;
}

int64_t gp_int_as_i64(gp_object_t *o)
{
    if (GP_IS_SMALL(o))
        return GP_SMALL_VALUE(o);
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "an integer is required (got type %T)", o);
        return -1;
    }
    int overflow;
    int64_t v = gp_int_as_i64_overflow(o, &overflow);
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return v;
}

int gp_int_sign(gp_object_t *o)
{
    return gp_int_sign_fast(o);
}

uint64_t gp_int_bit_length(gp_object_t *o)
{
    if (GP_IS_SMALL(o)) {
        intptr_t v = GP_SMALL_VALUE(o);
        uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
        return m ? 64 - (uint64_t)__builtin_clzll(m) : 0;
    }
    intptr_t n = GP_INT_SIZE(o);
    if (n == 0)
        return 0;
    gp_digit_t top = GP_INT_DIGITS(o)[n - 1];
    return (uint64_t)(n - 1) * GP_INT_SHIFT + (uint64_t)(32 - __builtin_clz(top));
}

/* Bits [start, start + count) of a magnitude, count <= 64. */
uint64_t gp_int_view_bits(const gp_int_view_t *v, uint64_t start, int count)
{
    uint64_t result = 0;
    for (int i = 0; i < count; i++) {
        uint64_t bit = start + (uint64_t)i;
        uint64_t di = bit / GP_INT_SHIFT;
        if (di >= (uint64_t)v->size)
            break;
        if ((v->digits[di] >> (bit % GP_INT_SHIFT)) & 1u)
            result |= (uint64_t)1 << i;
    }
    return result;
}

/* Whether any of the lowest [count] bits of a magnitude is set. */
static bool view_low_bits_nonzero(const gp_int_view_t *v, uint64_t count)
{
    uint64_t full = count / GP_INT_SHIFT;
    for (uint64_t i = 0; i < full && i < (uint64_t)v->size; i++) {
        if (v->digits[i])
            return true;
    }
    int rem = (int)(count % GP_INT_SHIFT);
    if (rem && full < (uint64_t)v->size)
        return (v->digits[full] & (((gp_digit_t)1 << rem) - 1u)) != 0;
    return false;
}

double gp_int_frexp(gp_object_t *o, int64_t *e)
{
    gp_int_view_t v;
    gp_int_view_init(&v, o);
    uint64_t bits = gp_int_bit_length(o);
    if (bits == 0) {
        *e = 0;
        return 0.0;
    }
    uint64_t top;
    if (bits <= 64) {
        top = gp_int_view_bits(&v, 0, (int)bits);
        int ex;
        double m = frexp((double)top, &ex); /* the hardware rounds half-even */
        *e = ex;
        return m;
    }
    /* Keep 55 bits plus a sticky bit for everything below, then round to
       53 bits half-to-even. */
    uint64_t shift = bits - 55;
    top = gp_int_view_bits(&v, shift, 55);
    bool sticky = view_low_bits_nonzero(&v, shift);
    uint64_t keep = top >> 2;
    bool half = (top >> 1) & 1;
    bool lower = (top & 1) || sticky;
    if (half && (lower || (keep & 1)))
        keep++;
    double m = ldexp((double)keep, -53);
    int64_t ex = (int64_t)bits;
    if (m >= 1.0) {
        m *= 0.5;
        ex++;
    }
    *e = ex;
    return m;
}

double gp_int_as_double(gp_object_t *o)
{
    if (GP_IS_SMALL(o))
        return (double)GP_SMALL_VALUE(o);
    int64_t e;
    double m = gp_int_frexp(o, &e);
    if (e > DBL_MAX_EXP) {
        gp_err_set_string(&gp_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    m = ldexp(m, (int)e);
    return GP_INT_SIGN(o) < 0 ? -m : m;
}

intptr_t gp_int_hash(gp_object_t *o)
{
    if (GP_IS_SMALL(o)) {
        intptr_t v = GP_SMALL_VALUE(o);
        if (v >= -((intptr_t)1 << 60) && v < ((intptr_t)1 << 60))
            return v == -1 ? -2 : v; /* below the modulus: the value itself */
        uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
        intptr_t h = (intptr_t)(m % HASH_MODULUS);
        if (v < 0)
            h = -h;
        return h == -1 ? -2 : h;
    }
    uint64_t x = 0;
    const gp_digit_t *d = GP_INT_DIGITS(o);
    for (intptr_t i = GP_INT_SIZE(o) - 1; i >= 0; i--) {
        x = ((x << GP_INT_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - GP_INT_SHIFT));
        x += d[i];
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    intptr_t h = (intptr_t)x;
    if (GP_INT_SIGN(o) < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

static intptr_t int_hash_slot(gp_object_t *o)
{
    return gp_int_hash(o);
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                           */
/* ------------------------------------------------------------------ */

int gp_int_compare(gp_object_t *a, gp_object_t *b)
{
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b)) {
        intptr_t x = GP_SMALL_VALUE(a), y = GP_SMALL_VALUE(b);
        return x < y ? -1 : (x > y);
    }
    gp_int_view_t va, vb;
    gp_int_view_init(&va, a);
    gp_int_view_init(&vb, b);
    if (va.sign != vb.sign)
        return va.sign < vb.sign ? -1 : 1;
    int c = 0;
    if (va.size != vb.size) {
        c = va.size < vb.size ? -1 : 1;
    } else {
        for (intptr_t i = va.size - 1; i >= 0; i--) {
            if (va.digits[i] != vb.digits[i]) {
                c = va.digits[i] < vb.digits[i] ? -1 : 1;
                break;
            }
        }
    }
    return va.sign < 0 ? -c : c;
}

/* a + b when [negate_b] is false, a - b otherwise. */
static gp_object_t *int_add_signed(gp_object_t *a, gp_object_t *b, bool negate_b)
{
    gp_int_view_t va, vb;
    gp_int_view_init(&va, a);
    gp_int_view_init(&vb, b);
    int sb = negate_b ? -vb.sign : vb.sign;
    if (vb.sign == 0)
        return gp_int_exact(a);
    if (va.sign == 0)
        return negate_b ? gp_int_neg(b) : gp_int_exact(b);
    gp_int_t *r;
    if (va.sign == sb) {
        r = gp_bigint_add(va.digits, va.size, vb.digits, vb.size);
        if (!r)
            return NULL;
        r->sign = va.sign;
    } else {
        r = gp_bigint_sub(va.digits, va.size, vb.digits, vb.size);
        if (!r)
            return NULL;
        r->sign *= va.sign;
    }
    return gp_int_normalize(r);
}

gp_object_t *gp_int_add(gp_object_t *a, gp_object_t *b)
{
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b))
        return gp_int_from_i64((int64_t)GP_SMALL_VALUE(a) + GP_SMALL_VALUE(b));
    return int_add_signed(a, b, false);
}

gp_object_t *gp_int_sub(gp_object_t *a, gp_object_t *b)
{
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b))
        return gp_int_from_i64((int64_t)GP_SMALL_VALUE(a) - GP_SMALL_VALUE(b));
    return int_add_signed(a, b, true);
}

gp_object_t *gp_int_mul(gp_object_t *a, gp_object_t *b)
{
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b)) {
        int64_t r;
        if (!__builtin_mul_overflow((int64_t)GP_SMALL_VALUE(a), (int64_t)GP_SMALL_VALUE(b), &r))
            return gp_int_from_i64(r);
    }
    gp_int_view_t va, vb;
    gp_int_view_init(&va, a);
    gp_int_view_init(&vb, b);
    gp_int_t *r = gp_bigint_mul(va.digits, va.size, vb.digits, vb.size);
    if (!r)
        return NULL;
    r->sign = va.sign * vb.sign;
    return gp_int_normalize(r);
}

gp_object_t *gp_int_neg(gp_object_t *a)
{
    if (GP_IS_SMALL(a))
        return gp_int_from_i64(-(int64_t)GP_SMALL_VALUE(a));
    return gp_int_from_digits(-GP_INT_SIGN(a), GP_INT_DIGITS(a), GP_INT_SIZE(a));
}

gp_object_t *gp_int_abs(gp_object_t *a)
{
    return gp_int_sign_fast(a) < 0 ? gp_int_neg(a) : gp_int_exact(a);
}

static void int_zero_division(const char *msg)
{
    gp_err_set_string(&gp_exc_ZeroDivisionError, msg);
}

int gp_int_divmod(gp_object_t *a, gp_object_t *b, gp_object_t **pq, gp_object_t **pr)
{
    if (gp_int_is_zero(b)) {
        int_zero_division("integer division or modulo by zero");
        return -1;
    }
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b)) {
        int64_t x = GP_SMALL_VALUE(a), y = GP_SMALL_VALUE(b);
        int64_t q = x / y, r = x % y;
        if (r != 0 && ((r ^ y) < 0)) {
            r += y;
            q--;
        }
        if (pq && !(*pq = gp_int_from_i64(q)))
            return -1;
        if (pr)
            *pr = GP_SMALL_NEW(r);
        return 0;
    }
    gp_int_view_t va, vb;
    gp_int_view_init(&va, a);
    gp_int_view_init(&vb, b);
    gp_int_t *qm, *rm;
    if (gp_bigint_divrem(va.digits, va.size, vb.digits, vb.size, &qm, &rm) < 0)
        return -1;
    qm->sign = va.sign * vb.sign;
    rm->sign = va.sign;
    gp_object_t *q = gp_int_normalize(qm);
    gp_object_t *r = gp_int_normalize(rm);
    if (!gp_int_is_zero(r) && va.sign != vb.sign) {
        /* Truncation rounded towards zero; Python floors. */
        gp_object_t *q1 = gp_int_sub(q, GP_SMALL_NEW(1));
        gp_object_t *r1 = q1 ? gp_int_add(r, b) : NULL;
        GP_DECREF(q);
        GP_DECREF(r);
        if (!r1) {
            GP_XDECREF(q1);
            return -1;
        }
        q = q1;
        r = r1;
    }
    if (pq)
        *pq = q;
    else
        GP_DECREF(q);
    if (pr)
        *pr = r;
    else
        GP_DECREF(r);
    return 0;
}

gp_object_t *gp_int_lshift_by(gp_object_t *a, uint64_t shift)
{
    if (GP_IS_SMALL(a)) {
        intptr_t x = GP_SMALL_VALUE(a);
        if (x == 0)
            return GP_SMALL_NEW(0);
        if (shift < 62) {
            int64_t r = (int64_t)((uint64_t)x << shift);
            if ((r >> shift) == x && GP_SMALL_FITS(r))
                return GP_SMALL_NEW(r);
        }
    }
    gp_int_view_t v;
    gp_int_view_init(&v, a);
    if (v.size == 0)
        return GP_SMALL_NEW(0);
    uint64_t wordshift = shift / GP_INT_SHIFT;
    int rem = (int)(shift % GP_INT_SHIFT);
    if (wordshift > ((uint64_t)1 << 40)) {
        gp_err_set_string(&gp_exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    gp_int_t *r = gp_int_alloc(v.size + (intptr_t)wordshift + 1);
    if (!r)
        return NULL;
    gp_twodigits_t acc = 0;
    intptr_t j = (intptr_t)wordshift;
    for (intptr_t i = 0; i < v.size; i++, j++) {
        acc |= (gp_twodigits_t)v.digits[i] << rem;
        r->digits[j] = (gp_digit_t)(acc & GP_INT_MASK);
        acc >>= GP_INT_SHIFT;
    }
    r->digits[j] = (gp_digit_t)acc;
    r->sign = v.sign;
    return gp_int_normalize(r);
}

gp_object_t *gp_int_invert(gp_object_t *a)
{
    /* ~a == -(a + 1) */
    gp_object_t *t = gp_int_add(a, GP_SMALL_NEW(1));
    if (!t)
        return NULL;
    gp_object_t *r = gp_int_neg(t);
    GP_DECREF(t);
    return r;
}

gp_object_t *gp_int_rshift_by(gp_object_t *a, uint64_t shift)
{
    if (GP_IS_SMALL(a)) {
        intptr_t x = GP_SMALL_VALUE(a);
        return GP_SMALL_NEW(shift >= 63 ? (x < 0 ? -1 : 0) : (x >> shift));
    }
    if (GP_INT_SIGN(a) < 0) {
        /* Floor semantics: a >> s == ~(~a >> s), and ~a is non-negative. */
        gp_object_t *t = gp_int_invert(a);
        if (!t)
            return NULL;
        gp_object_t *s = gp_int_rshift_by(t, shift);
        GP_DECREF(t);
        if (!s)
            return NULL;
        gp_object_t *r = gp_int_invert(s);
        GP_DECREF(s);
        return r;
    }
    intptr_t n = GP_INT_SIZE(a);
    uint64_t wordshift = shift / GP_INT_SHIFT;
    if (wordshift >= (uint64_t)n)
        return GP_SMALL_NEW(0);
    int rem = (int)(shift % GP_INT_SHIFT);
    intptr_t newsize = n - (intptr_t)wordshift;
    gp_int_t *r = gp_int_alloc(newsize);
    if (!r)
        return NULL;
    const gp_digit_t *d = GP_INT_DIGITS(a) + wordshift;
    for (intptr_t i = 0; i < newsize; i++) {
        gp_twodigits_t acc = d[i] >> rem;
        if (i + 1 < newsize)
            acc |= ((gp_twodigits_t)d[i + 1] << (GP_INT_SHIFT - rem)) & GP_INT_MASK;
        r->digits[i] = (gp_digit_t)acc;
    }
    r->sign = 1;
    return gp_int_normalize(r);
}

/* Writes the [n]-digit two's complement of a view into [out]. */
static void view_to_twos(gp_digit_t *out, intptr_t n, const gp_int_view_t *v)
{
    for (intptr_t i = 0; i < n; i++)
        out[i] = i < v->size ? v->digits[i] : 0;
    if (v->sign < 0) {
        gp_digit_t carry = 1;
        for (intptr_t i = 0; i < n; i++) {
            carry += (~out[i]) & GP_INT_MASK;
            out[i] = carry & GP_INT_MASK;
            carry >>= GP_INT_SHIFT;
        }
    }
}

static gp_object_t *int_bitwise(gp_object_t *a, gp_object_t *b, int op)
{
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b)) {
        intptr_t x = GP_SMALL_VALUE(a), y = GP_SMALL_VALUE(b);
        intptr_t r = op == GP_BINOP_AND ? (x & y) : op == GP_BINOP_OR ? (x | y) : (x ^ y);
        return GP_SMALL_NEW(r);
    }
    gp_int_view_t va, vb;
    gp_int_view_init(&va, a);
    gp_int_view_init(&vb, b);
    intptr_t n = (va.size > vb.size ? va.size : vb.size) + 1;
    gp_int_t *r = gp_int_alloc(n);
    gp_digit_t *tmp = gp_mem_alloc((size_t)n * sizeof(gp_digit_t));
    if (!r || !tmp) {
        if (r)
            GP_DECREF((gp_object_t *)r);
        gp_mem_free(tmp);
        if (!gp_err_occurred())
            gp_err_no_memory();
        return NULL;
    }
    view_to_twos(r->digits, n, &va);
    view_to_twos(tmp, n, &vb);
    for (intptr_t i = 0; i < n; i++) {
        if (op == GP_BINOP_AND)
            r->digits[i] &= tmp[i];
        else if (op == GP_BINOP_OR)
            r->digits[i] |= tmp[i];
        else
            r->digits[i] ^= tmp[i];
    }
    gp_mem_free(tmp);
    /* The extra top digit is all ones exactly when the result is negative. */
    if (r->digits[n - 1] & (GP_INT_BASE >> 1)) {
        gp_digit_t carry = 1;
        for (intptr_t i = 0; i < n; i++) {
            carry += (~r->digits[i]) & GP_INT_MASK;
            r->digits[i] = carry & GP_INT_MASK;
            carry >>= GP_INT_SHIFT;
        }
        r->sign = -1;
    } else {
        r->sign = 1;
    }
    return gp_int_normalize(r);
}

/* Correctly rounded a / b (CPython's long_true_divide). */
static gp_object_t *int_true_divide(gp_object_t *a, gp_object_t *b)
{
    if (gp_int_is_zero(b)) {
        int_zero_division("division by zero");
        return NULL;
    }
    const int64_t exact_limit = (int64_t)1 << DBL_MANT_DIG;
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b)) {
        int64_t x = GP_SMALL_VALUE(a), y = GP_SMALL_VALUE(b);
        if (x >= -exact_limit && x <= exact_limit && y >= -exact_limit && y <= exact_limit)
            return gp_float_new((double)x / (double)y);
    }
    bool negate = (gp_int_sign_fast(a) < 0) != (gp_int_sign_fast(b) < 0);
    if (gp_int_is_zero(a))
        return gp_float_new(negate ? -0.0 : 0.0);
    int64_t a_bits = (int64_t)gp_int_bit_length(a), b_bits = (int64_t)gp_int_bit_length(b);
    int64_t diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP)
        goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return gp_float_new(negate ? -0.0 : 0.0);

    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    gp_object_t *abs_a = gp_int_abs(a), *abs_b = NULL, *x = NULL, *q = NULL, *rem = NULL;
    if (!abs_a)
        return NULL;
    if (shift <= 0) {
        x = gp_int_lshift_by(abs_a, (uint64_t)-shift);
    } else {
        gp_int_view_t va;
        gp_int_view_init(&va, abs_a);
        inexact = view_low_bits_nonzero(&va, (uint64_t)shift);
        x = gp_int_rshift_by(abs_a, (uint64_t)shift);
    }
    abs_b = gp_int_abs(b);
    if (!x || !abs_b || gp_int_divmod(x, abs_b, &q, &rem) < 0) {
        GP_DECREF(abs_a);
        GP_XDECREF(abs_b);
        GP_XDECREF(x);
        return NULL;
    }
    if (!gp_int_is_zero(rem))
        inexact = true;
    int ov;
    uint64_t qv = (uint64_t)gp_int_as_i64_overflow(q, &ov); /* at most 56 bits */
    GP_DECREF(abs_a);
    GP_DECREF(abs_b);
    GP_DECREF(x);
    GP_DECREF(q);
    GP_DECREF(rem);

    int64_t x_bits = qv ? 64 - __builtin_clzll(qv) : 0;
    int64_t extra_bits =
        (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra_bits - 1);
    uint64_t low = qv | (inexact ? 1u : 0u);
    if ((low & mask) && (low & (3 * mask - 1)))
        low += mask;
    qv = low & ~(2 * mask - 1);
    double dx = (double)qv;
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        goto overflow;
    double result = ldexp(dx, (int)shift);
    return gp_float_new(negate ? -result : result);

overflow:
    gp_err_set_string(&gp_exc_OverflowError, "integer division result too large for a float");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Powers                                                               */
/* ------------------------------------------------------------------ */

/* base ** exp for exp >= 0 fitting 64 bits. */
gp_object_t *gp_int_pow_u64(gp_object_t *base, uint64_t exp)
{
    if (GP_IS_SMALL(base)) {
        int64_t b = GP_SMALL_VALUE(base), r = 1;
        uint64_t e = exp;
        bool ok = true;
        if (b == 0 || b == 1)
            return GP_SMALL_NEW(exp == 0 ? 1 : b);
        if (b == -1)
            return GP_SMALL_NEW((exp & 1) ? -1 : 1);
        while (e) {
            if ((e & 1) && __builtin_mul_overflow(r, b, &r)) {
                ok = false;
                break;
            }
            e >>= 1;
            if (e && __builtin_mul_overflow(b, b, &b)) {
                ok = false;
                break;
            }
        }
        if (ok)
            return gp_int_from_i64(r);
    }
    if (exp > ((uint64_t)1 << 40)) {
        gp_err_no_memory();
        return NULL;
    }
    /* Left-to-right binary exponentiation: square, then multiply by base. */
    gp_object_t *result = GP_SMALL_NEW(1);
    for (int bit = 63 - __builtin_clzll(exp | 1); bit >= 0; bit--) {
        gp_object_t *t = gp_int_mul(result, result);
        GP_DECREF(result);
        if (!t)
            return NULL;
        result = t;
        if ((exp >> bit) & 1) {
            t = gp_int_mul(result, base);
            GP_DECREF(result);
            if (!t)
                return NULL;
            result = t;
        }
    }
    return result;
}

/* The inverse of [a] modulo [n] > 0 by the extended Euclidean algorithm. */
static gp_object_t *int_mod_inverse(gp_object_t *a, gp_object_t *n)
{
    gp_object_t *b = GP_SMALL_NEW(1), *c = GP_SMALL_NEW(0);
    a = GP_INCREF(a);
    n = GP_INCREF(n);
    while (!gp_int_is_zero(n)) {
        gp_object_t *q, *r;
        if (gp_int_divmod(a, n, &q, &r) < 0)
            goto fail;
        GP_DECREF(a);
        a = n;
        n = r;
        gp_object_t *qc = gp_int_mul(q, c);
        GP_DECREF(q);
        if (!qc)
            goto fail;
        gp_object_t *t = gp_int_sub(b, qc);
        GP_DECREF(qc);
        if (!t)
            goto fail;
        GP_DECREF(b);
        b = c;
        c = t;
    }
    bool invertible = !GP_IS_PTR(a) && GP_SMALL_VALUE(a) == 1;
    GP_DECREF(a);
    GP_DECREF(n);
    GP_DECREF(c);
    if (!invertible) {
        GP_DECREF(b);
        gp_err_set_string(&gp_exc_ValueError, "base is not invertible for the given modulus");
        return NULL;
    }
    return b;
fail:
    GP_DECREF(a);
    GP_DECREF(n);
    GP_DECREF(b);
    GP_DECREF(c);
    return NULL;
}

static gp_object_t *int_mod_reduce(gp_object_t *x, gp_object_t *m)
{
    gp_object_t *r;
    if (gp_int_divmod(x, m, NULL, &r) < 0)
        return NULL;
    return r;
}

/* pow(a, b, m) for ints, m != 0. */
static gp_object_t *int_pow_mod(gp_object_t *a, gp_object_t *b, gp_object_t *m)
{
    if (gp_int_is_zero(m)) {
        gp_err_set_string(&gp_exc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    bool negative_out = gp_int_sign_fast(m) < 0;
    gp_object_t *c = gp_int_abs(m), *base = NULL, *exp = NULL, *result = NULL;
    if (!c)
        return NULL;
    if (GP_IS_SMALL(c) && GP_SMALL_VALUE(c) == 1) {
        GP_DECREF(c);
        return GP_SMALL_NEW(0);
    }
    base = int_mod_reduce(a, c);
    if (!base)
        goto done;
    if (gp_int_sign_fast(b) < 0) {
        gp_object_t *inv = int_mod_inverse(base, c);
        if (!inv)
            goto done;
        GP_SETREF(base, int_mod_reduce(inv, c));
        GP_DECREF(inv);
        if (!base)
            goto done;
        exp = gp_int_neg(b);
    } else {
        exp = gp_int_exact(b);
    }
    if (!exp)
        goto done;

    if (GP_IS_SMALL(c) && GP_IS_SMALL(base)) {
        /* Everything fits a machine word: 128-bit products. */
        uint64_t mod = (uint64_t)GP_SMALL_VALUE(c), x = (uint64_t)GP_SMALL_VALUE(base), r = 1;
        gp_int_view_t ve;
        gp_int_view_init(&ve, exp);
        uint64_t nbits = gp_int_bit_length(exp);
        for (uint64_t i = nbits; i-- > 0;) {
            r = (uint64_t)(((unsigned __int128)r * r) % mod);
            if ((ve.digits[i / GP_INT_SHIFT] >> (i % GP_INT_SHIFT)) & 1u)
                r = (uint64_t)(((unsigned __int128)r * x) % mod);
        }
        result = gp_int_from_u64(r % mod);
    } else {
        gp_int_view_t ve;
        gp_int_view_init(&ve, exp);
        uint64_t nbits = gp_int_bit_length(exp);
        result = GP_SMALL_NEW(1);
        for (uint64_t i = nbits; i-- > 0;) {
            gp_object_t *t = gp_int_mul(result, result);
            GP_SETREF(result, t ? int_mod_reduce(t, c) : NULL);
            GP_XDECREF(t);
            if (!result)
                goto done;
            if ((ve.digits[i / GP_INT_SHIFT] >> (i % GP_INT_SHIFT)) & 1u) {
                t = gp_int_mul(result, base);
                GP_SETREF(result, t ? int_mod_reduce(t, c) : NULL);
                GP_XDECREF(t);
                if (!result)
                    goto done;
            }
        }
    }
    if (result && negative_out && !gp_int_is_zero(result))
        GP_SETREF(result, gp_int_sub(result, c));
done:
    GP_DECREF(c);
    GP_XDECREF(base);
    GP_XDECREF(exp);
    return result;
}

static gp_object_t *int_pow(gp_object_t *a, gp_object_t *b)
{
    if (gp_int_sign_fast(b) < 0) {
        double x = gp_int_as_double(a);
        if (x == -1.0 && gp_err_occurred())
            return NULL;
        double y = gp_int_as_double(b);
        if (y == -1.0 && gp_err_occurred())
            return NULL;
        return gp_float_pow_values(x, y);
    }
    int overflow;
    int64_t e = gp_int_as_i64_overflow(b, &overflow);
    if (overflow) {
        /* Only 0, 1 and -1 survive an exponent this large. */
        if (GP_IS_SMALL(a) && GP_SMALL_VALUE(a) >= -1 && GP_SMALL_VALUE(a) <= 1) {
            intptr_t v = GP_SMALL_VALUE(a);
            return GP_SMALL_NEW(v == -1 ? (gp_int_is_odd(b) ? -1 : 1) : v);
        }
        gp_err_no_memory();
        return NULL;
    }
    return gp_int_pow_u64(a, (uint64_t)e);
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */
/* ------------------------------------------------------------------ */

static gp_object_t *int_shift(gp_object_t *a, gp_object_t *b, bool left)
{
    if (gp_int_sign_fast(b) < 0) {
        gp_err_set_string(&gp_exc_ValueError, "negative shift count");
        return NULL;
    }
    int overflow;
    int64_t s = gp_int_as_i64_overflow(b, &overflow);
    if (overflow) {
        if (!left || gp_int_is_zero(a))
            return GP_SMALL_NEW(left ? 0 : (gp_int_sign_fast(a) < 0 ? -1 : 0));
        gp_err_set_string(&gp_exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    return left ? gp_int_lshift_by(a, (uint64_t)s) : gp_int_rshift_by(a, (uint64_t)s);
}

static gp_object_t *int_binop(gp_object_t *a, gp_object_t *b, int op)
{
    if (!gp_int_check(a) || !gp_int_check(b))
        return int_not_implemented();
    op &= ~GP_BINOP_INPLACE;
    switch (op) {
    case GP_BINOP_ADD:
        return gp_int_add(a, b);
    case GP_BINOP_SUB:
        return gp_int_sub(a, b);
    case GP_BINOP_MUL:
        return gp_int_mul(a, b);
    case GP_BINOP_TRUEDIV:
        return int_true_divide(a, b);
    case GP_BINOP_FLOORDIV: {
        gp_object_t *q;
        return gp_int_divmod(a, b, &q, NULL) < 0 ? NULL : q;
    }
    case GP_BINOP_MOD: {
        gp_object_t *r;
        if (gp_int_is_zero(b)) {
            int_zero_division("integer modulo by zero");
            return NULL;
        }
        return gp_int_divmod(a, b, NULL, &r) < 0 ? NULL : r;
    }
    case GP_BINOP_DIVMOD: {
        gp_object_t *q, *r;
        if (gp_int_divmod(a, b, &q, &r) < 0)
            return NULL;
        gp_object_t *t = gp_tuple_new(2);
        if (!t) {
            GP_DECREF(q);
            GP_DECREF(r);
            return NULL;
        }
        GP_TUPLE_SET(t, 0, q);
        GP_TUPLE_SET(t, 1, r);
        return t;
    }
    case GP_BINOP_POW:
        return int_pow(a, b);
    case GP_BINOP_LSHIFT:
        return int_shift(a, b, true);
    case GP_BINOP_RSHIFT:
        return int_shift(a, b, false);
    case GP_BINOP_AND:
    case GP_BINOP_OR:
    case GP_BINOP_XOR:
        return int_bitwise(a, b, op);
    default:
        return int_not_implemented();
    }
}

gp_object_t *gp_int_slot_pow3(gp_object_t *a, gp_object_t *b, gp_object_t *m)
{
    if (!gp_int_check(a) || !gp_int_check(b))
        return int_not_implemented();
    if (m == NULL || m == gp_None)
        return int_pow(a, b);
    if (!gp_int_check(m))
        return int_not_implemented();
    return int_pow_mod(a, b, m);
}

gp_object_t *gp_int_slot_unop(gp_object_t *a, gp_unop_t op)
{
    switch (op) {
    case GP_UNOP_NEG:
        return gp_int_neg(a);
    case GP_UNOP_POS:
        return gp_int_exact(a);
    case GP_UNOP_INVERT:
        if (GP_IS_SMALL(a))
            return GP_SMALL_NEW(~GP_SMALL_VALUE(a));
        return gp_int_invert(a);
    case GP_UNOP_ABS:
        return gp_int_abs(a);
    }
    return int_not_implemented();
}

static gp_object_t *compare_result(int c, gp_cmpop_t op)
{
    bool r;
    switch (op) {
    case GP_CMP_LT:
        r = c < 0;
        break;
    case GP_CMP_LE:
        r = c <= 0;
        break;
    case GP_CMP_EQ:
        r = c == 0;
        break;
    case GP_CMP_NE:
        r = c != 0;
        break;
    case GP_CMP_GT:
        r = c > 0;
        break;
    default:
        r = c >= 0;
        break;
    }
    return gp_bool_from(r);
}

gp_object_t *gp_int_slot_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_int_check(a) || !gp_int_check(b))
        return int_not_implemented();
    return compare_result(gp_int_compare(a, b), op);
}

gp_object_t *gp_int_compare_double(gp_object_t *i, double d, gp_cmpop_t op)
{
    if (isnan(d))
        return gp_bool_from(op == GP_CMP_NE);
    if (isinf(d))
        return compare_result(d > 0 ? -1 : 1, op);
    if (GP_IS_SMALL(i)) {
        intptr_t v = GP_SMALL_VALUE(i);
        if (v >= -((intptr_t)1 << 53) && v <= ((intptr_t)1 << 53)) {
            double x = (double)v;
            return compare_result(x < d ? -1 : (x > d), op);
        }
    }
    /* Compare with the float's integral part exactly; if equal, its
       fractional part decides. */
    double t = trunc(d);
    gp_object_t *ti = gp_int_from_double(t);
    if (!ti)
        return NULL;
    int c = gp_int_compare(i, ti);
    GP_DECREF(ti);
    if (c == 0) {
        double frac = d - t;
        c = frac > 0 ? -1 : (frac < 0);
    }
    return compare_result(c, op);
}

static int int_to_bool(gp_object_t *o)
{
    return !gp_int_is_zero(o);
}

gp_object_t *gp_int_slot_to_int(gp_object_t *o)
{
    return gp_int_exact(o);
}

gp_object_t *gp_int_slot_to_float(gp_object_t *o)
{
    double d = gp_int_as_double(o);
    if (d == -1.0 && gp_err_occurred())
        return NULL;
    return gp_float_new(d);
}

static gp_object_t *gp_int_slot_repr(gp_object_t *o)
{
    return gp_int_to_string(o, 10);
}

static void int_dealloc(gp_object_t *o)
{
    gp_object_free(o);
}

gp_object_t *gp_int_slot_binop(gp_object_t *a, gp_object_t *b, int op)
{
    return int_binop(a, b, op);
}

gp_type_t gp_int_type = {
    GP_TYPE_HEAD_INIT,
    .name = "int",
    .basicsize = offsetof(gp_int_t, digits),
    .itemsize = sizeof(gp_digit_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_INT_SUBCLASS,
    .dealloc = int_dealloc,
    .new_ = gp_int_slot_new,
    .repr = gp_int_slot_repr,
    .str = gp_int_slot_repr,
    .hash = int_hash_slot,
    .richcompare = gp_int_slot_richcompare,
    .binop = int_binop,
    .pow3 = gp_int_slot_pow3,
    .unop = gp_int_slot_unop,
    .to_bool = int_to_bool,
    .to_int = gp_int_slot_to_int,
    .to_float = gp_int_slot_to_float,
    .to_index = gp_int_slot_to_int,
    .methods = gp_int_methods,
    .getsets = gp_int_getsets,
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
           "Convert a number or string to an integer, or return 0 if no arguments\n"
           "are given.",
};
