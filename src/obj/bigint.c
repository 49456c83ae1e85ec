/*
 * bigint.c - magnitude kernels for arbitrary-precision ints.
 *
 * Design notes
 * ------------
 * These functions know nothing about Python semantics: they add, subtract,
 * multiply and divide arrays of base 2**30 digits (least significant first)
 * and return fresh, unnormalised gp_int_t objects. int.c wraps them with
 * signs, floor division, small-int fast paths and normalisation.
 *
 * The algorithms are the classic ones CPython uses, for the same reasons:
 *   - 30-bit digits, so a digit product plus two carries fits a uint64_t;
 *   - schoolbook multiplication below KARATSUBA_CUTOFF digits, Karatsuba
 *     above it, with a "lopsided" split when one factor is much longer so
 *     the recursion stays balanced;
 *   - Knuth's algorithm D for long division, after normalising the divisor
 *     so its top digit has its high bit set (which bounds the trial-quotient
 *     correction to at most two steps);
 *   - decimal output by converting to base 10**9 first (quadratic, but the
 *     4300-digit limit of CPython 3.11 caps the size, so the simple algorithm
 *     is also the fast one at every size a script may print).
 */
#include <string.h>

#include "obj/int.h"
#include "runtime/runtime.h"

#define KARATSUBA_CUTOFF 70

#define DECIMAL_SHIFT 9
#define DECIMAL_BASE  ((gp_digit_t)1000000000)

gp_int_t *gp_int_alloc(intptr_t ndigits)
{
    return (gp_int_t *)gp_object_alloc(&gp_int_type, (size_t)ndigits);
}

gp_object_t *gp_int_normalize(gp_int_t *r)
{
    intptr_t n = r->base.size;
    while (n > 0 && r->digits[n - 1] == 0)
        n--;
    r->base.size = n;
    if (n == 0)
        r->sign = 0;
    else if (r->sign == 0)
        r->sign = 1;
    /* Three digits hold 90 bits; the value fits a small int when the
       magnitude is below 2**62 (or exactly 2**62 when negative). */
    if (n < 3 || (n == 3 && r->digits[2] < 16)) {
        uint64_t m = 0;
        for (intptr_t i = n - 1; i >= 0; i--)
            m = (m << GP_INT_SHIFT) | r->digits[i];
        intptr_t v;
        if (r->sign >= 0 && m <= (uint64_t)GP_SMALL_MAX)
            v = (intptr_t)m;
        else if (r->sign < 0 && m <= (uint64_t)GP_SMALL_MAX + 1)
            v = (intptr_t)(0 - m);
        else
            return (gp_object_t *)r;
        GP_DECREF((gp_object_t *)r);
        return GP_SMALL_NEW(v);
    }
    return (gp_object_t *)r;
}

gp_object_t *gp_int_from_digits(int sign, const gp_digit_t *digits, intptr_t n)
{
    gp_int_t *r = gp_int_alloc(n);
    if (!r)
        return NULL;
    if (n > 0)
        memcpy(r->digits, digits, (size_t)n * sizeof(gp_digit_t));
    r->sign = sign;
    return gp_int_normalize(r);
}

void gp_int_view_init(gp_int_view_t *v, gp_object_t *o)
{
    if (GP_IS_SMALL(o)) {
        intptr_t x = GP_SMALL_VALUE(o);
        uint64_t m = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
        int n = 0;
        while (m) {
            v->buf[n++] = (gp_digit_t)(m & GP_INT_MASK);
            m >>= GP_INT_SHIFT;
        }
        v->digits = v->buf;
        v->size = n;
        v->sign = x < 0 ? -1 : (x > 0);
    } else {
        v->digits = GP_INT_DIGITS(o);
        v->size = GP_INT_SIZE(o);
        v->sign = GP_INT_SIGN(o);
    }
}

/* ------------------------------------------------------------------ */
/* In-place helpers on raw digit arrays                                 */
/* ------------------------------------------------------------------ */

/* x[0..nx) += y[0..ny), ny <= nx; the true sum must fit nx digits. */
static void digits_iadd(gp_digit_t *x, intptr_t nx, const gp_digit_t *y, intptr_t ny)
{
    gp_digit_t carry = 0;
    intptr_t i = 0;
    for (; i < ny; i++) {
        carry += x[i] + y[i];
        x[i] = carry & GP_INT_MASK;
        carry >>= GP_INT_SHIFT;
    }
    for (; carry && i < nx; i++) {
        carry += x[i];
        x[i] = carry & GP_INT_MASK;
        carry >>= GP_INT_SHIFT;
    }
}

/* x[0..nx) -= y[0..ny), ny <= nx; x must be >= y. */
static void digits_isub(gp_digit_t *x, intptr_t nx, const gp_digit_t *y, intptr_t ny)
{
    gp_digit_t borrow = 0;
    intptr_t i = 0;
    for (; i < ny; i++) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & GP_INT_MASK;
        borrow = (borrow >> GP_INT_SHIFT) & 1;
    }
    for (; borrow && i < nx; i++) {
        borrow = x[i] - borrow;
        x[i] = borrow & GP_INT_MASK;
        borrow = (borrow >> GP_INT_SHIFT) & 1;
    }
}

/* z[0..na] = a + b for na >= nb: writes na + 1 digits. */
static void digits_add(gp_digit_t *z, const gp_digit_t *a, intptr_t na, const gp_digit_t *b,
                       intptr_t nb)
{
    gp_digit_t carry = 0;
    intptr_t i = 0;
    for (; i < nb; i++) {
        carry += a[i] + b[i];
        z[i] = carry & GP_INT_MASK;
        carry >>= GP_INT_SHIFT;
    }
    for (; i < na; i++) {
        carry += a[i];
        z[i] = carry & GP_INT_MASK;
        carry >>= GP_INT_SHIFT;
    }
    z[na] = carry;
}

static intptr_t digits_strip(const gp_digit_t *x, intptr_t n)
{
    while (n > 0 && x[n - 1] == 0)
        n--;
    return n;
}

static int digits_compare(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (intptr_t i = na - 1; i >= 0; i--) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Addition and subtraction                                             */
/* ------------------------------------------------------------------ */

gp_int_t *gp_bigint_add(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb)
{
    if (na < nb) {
        const gp_digit_t *t = a;
        a = b;
        b = t;
        intptr_t tn = na;
        na = nb;
        nb = tn;
    }
    gp_int_t *r = gp_int_alloc(na + 1);
    if (!r)
        return NULL;
    digits_add(r->digits, a, na, b, nb);
    r->sign = 1;
    return r;
}

gp_int_t *gp_bigint_sub(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb)
{
    int sign = 1;
    int cmp = digits_compare(a, na, b, nb);
    if (cmp == 0)
        return gp_int_alloc(0);
    if (cmp < 0) {
        const gp_digit_t *t = a;
        a = b;
        b = t;
        intptr_t tn = na;
        na = nb;
        nb = tn;
        sign = -1;
    }
    gp_int_t *r = gp_int_alloc(na);
    if (!r)
        return NULL;
    memcpy(r->digits, a, (size_t)na * sizeof(gp_digit_t));
    digits_isub(r->digits, na, b, nb);
    r->sign = sign;
    return r;
}

/* ------------------------------------------------------------------ */
/* Multiplication                                                       */
/* ------------------------------------------------------------------ */

/* r[0..na+nb) = a * b by the schoolbook method; r must be zeroed. */
static void mul_school(gp_digit_t *r, const gp_digit_t *a, intptr_t na, const gp_digit_t *b,
                       intptr_t nb)
{
    for (intptr_t i = 0; i < na; i++) {
        gp_twodigits_t f = a[i];
        if (f == 0)
            continue;
        gp_twodigits_t carry = 0;
        gp_digit_t *p = r + i;
        for (intptr_t j = 0; j < nb; j++) {
            carry += p[j] + f * b[j];
            p[j] = (gp_digit_t)(carry & GP_INT_MASK);
            carry >>= GP_INT_SHIFT;
        }
        p[nb] = (gp_digit_t)carry;
    }
}

/* Adds [c] into the digits of r starting at r[0], carrying as far as it
   goes. The caller knows the sum fits in the n digits. */
static void digits_add_carry(gp_digit_t *r, intptr_t n, gp_twodigits_t c)
{
    for (intptr_t i = 0; c != 0 && i < n; i++) {
        c += r[i];
        r[i] = (gp_digit_t)(c & GP_INT_MASK);
        c >>= GP_INT_SHIFT;
    }
}

/*
 * r[0..n] = a[0..n) * f, the loop under every `big *= small` (a factorial
 * spends all its time here). One carry chain is a serial add-and-shift per
 * digit, so a long operand is cut into four quarters multiplied side by
 * side, each with its own chain, and the three carries that fall off the
 * lower quarters are added in afterwards (each ripples a digit or two).
 */
static void digits_mul1(gp_digit_t *r, const gp_digit_t *a, intptr_t n, gp_digit_t f)
{
    gp_twodigits_t m = f;
    if (n < 32) {
        gp_twodigits_t carry = 0;
        for (intptr_t i = 0; i < n; i++) {
            carry += m * a[i];
            r[i] = (gp_digit_t)(carry & GP_INT_MASK);
            carry >>= GP_INT_SHIFT;
        }
        r[n] = (gp_digit_t)carry;
        return;
    }
    intptr_t q = n / 4;
    const gp_digit_t *a1 = a + q, *a2 = a + 2 * q, *a3 = a + 3 * q;
    gp_digit_t *r1 = r + q, *r2 = r + 2 * q, *r3 = r + 3 * q;
    gp_twodigits_t c0 = 0, c1 = 0, c2 = 0, c3 = 0;
    for (intptr_t i = 0; i < q; i++) {
        c0 += m * a[i];
        c1 += m * a1[i];
        c2 += m * a2[i];
        c3 += m * a3[i];
        r[i] = (gp_digit_t)(c0 & GP_INT_MASK);
        r1[i] = (gp_digit_t)(c1 & GP_INT_MASK);
        r2[i] = (gp_digit_t)(c2 & GP_INT_MASK);
        r3[i] = (gp_digit_t)(c3 & GP_INT_MASK);
        c0 >>= GP_INT_SHIFT;
        c1 >>= GP_INT_SHIFT;
        c2 >>= GP_INT_SHIFT;
        c3 >>= GP_INT_SHIFT;
    }
    for (intptr_t i = 4 * q; i < n; i++) {
        c3 += m * a[i];
        r[i] = (gp_digit_t)(c3 & GP_INT_MASK);
        c3 >>= GP_INT_SHIFT;
    }
    r[n] = (gp_digit_t)c3;
    /* Each carry is below 2**31 and the whole product fits n + 1 digits. */
    digits_add_carry(r1, n + 1 - q, c0);
    digits_add_carry(r2, n + 1 - 2 * q, c1);
    digits_add_carry(r3, n + 1 - 3 * q, c2);
}

static int mul_digits(gp_digit_t *r, const gp_digit_t *a, intptr_t na, const gp_digit_t *b,
                      intptr_t nb);

/* r = a * b when a is at least twice as long as b: multiply b by
   b-sized slices of a so each Karatsuba call is balanced. */
static int mul_lopsided(gp_digit_t *r, const gp_digit_t *a, intptr_t na, const gp_digit_t *b,
                        intptr_t nb)
{
    memset(r, 0, (size_t)(na + nb) * sizeof(gp_digit_t));
    gp_digit_t *tmp = gp_mem_alloc((size_t)(2 * nb) * sizeof(gp_digit_t));
    if (!tmp)
        return -1;
    for (intptr_t off = 0; off < na; off += nb) {
        intptr_t chunk = na - off < nb ? na - off : nb;
        if (mul_digits(tmp, a + off, chunk, b, nb) < 0) {
            gp_mem_free(tmp);
            return -1;
        }
        digits_iadd(r + off, na + nb - off, tmp, digits_strip(tmp, chunk + nb));
    }
    gp_mem_free(tmp);
    return 0;
}

/* r[0..na+nb) = a * b (r need not be zeroed). Karatsuba: with
   a = ah*B**s + al and b = bh*B**s + bl,
   a*b = z2*B**2s + ((al+ah)(bl+bh) - z2 - z0)*B**s + z0. Returns -1 when
   scratch memory cannot be allocated (no exception set). */
static int mul_digits(gp_digit_t *r, const gp_digit_t *a, intptr_t na, const gp_digit_t *b,
                      intptr_t nb)
{
    if (na < nb) {
        const gp_digit_t *t = a;
        a = b;
        b = t;
        intptr_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF) {
        memset(r, 0, (size_t)(na + nb) * sizeof(gp_digit_t));
        mul_school(r, a, na, b, nb);
        return 0;
    }
    if (2 * nb <= na)
        return mul_lopsided(r, a, na, b, nb);

    intptr_t s = na >> 1; /* nb > s because 2 * nb > na */
    intptr_t nah = na - s, nbh = nb - s;
    if (mul_digits(r, a, s, b, s) < 0)
        return -1;
    if (mul_digits(r + 2 * s, a + s, nah, b + s, nbh) < 0)
        return -1;

    intptr_t nt1 = nah + 1;
    intptr_t nt2 = (nbh > s ? nbh : s) + 1;
    intptr_t nprod = nt1 + nt2;
    gp_digit_t *tmp = gp_mem_alloc((size_t)(nt1 + nt2 + nprod) * sizeof(gp_digit_t));
    if (!tmp)
        return -1;
    gp_digit_t *t1 = tmp, *t2 = tmp + nt1, *prod = tmp + nt1 + nt2;
    digits_add(t1, a + s, nah, a, s); /* nah >= s */
    if (nbh >= s)
        digits_add(t2, b + s, nbh, b, s);
    else
        digits_add(t2, b, s, b + s, nbh);
    if (mul_digits(prod, t1, nt1, t2, nt2) < 0) {
        gp_mem_free(tmp);
        return -1;
    }
    digits_isub(prod, nprod, r, digits_strip(r, 2 * s));
    digits_isub(prod, nprod, r + 2 * s, digits_strip(r + 2 * s, na + nb - 2 * s));
    digits_iadd(r + s, na + nb - s, prod, digits_strip(prod, nprod));
    gp_mem_free(tmp);
    return 0;
}

gp_int_t *gp_bigint_mul(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb)
{
    if (na == 0 || nb == 0)
        return gp_int_alloc(0);
    /* Both paths below write every digit of the product. */
    gp_int_t *r = (gp_int_t *)gp_object_alloc_items_unset(&gp_int_type, (size_t)(na + nb));
    if (!r)
        return NULL;
    r->sign = 1;
    if (nb == 1 || na == 1) {
        /* One digit: a single pass, no scratch memory. */
        if (na == 1) {
            const gp_digit_t *t = a;
            a = b;
            b = t;
            intptr_t tn = na;
            na = nb;
            nb = tn;
        }
        digits_mul1(r->digits, a, na, b[0]);
        return r;
    }
    if (mul_digits(r->digits, a, na, b, nb) < 0) {
        GP_DECREF((gp_object_t *)r);
        gp_err_no_memory();
        return NULL;
    }
    return r;
}

/* ------------------------------------------------------------------ */
/* Division                                                             */
/* ------------------------------------------------------------------ */

static int digit_bit_length(gp_digit_t d)
{
    return d ? 32 - __builtin_clz(d) : 0;
}

/* q[0..n) = a / d; returns a % d. */
static gp_digit_t divrem1(gp_digit_t *q, const gp_digit_t *a, intptr_t n, gp_digit_t d)
{
    gp_twodigits_t rem = 0;
    for (intptr_t i = n - 1; i >= 0; i--) {
        rem = (rem << GP_INT_SHIFT) | a[i];
        gp_digit_t hi = (gp_digit_t)(rem / d);
        q[i] = hi;
        rem -= (gp_twodigits_t)hi * d;
    }
    return (gp_digit_t)rem;
}

/* z = a << d for 0 <= d < 30; returns the digit shifted out at the top. */
static gp_digit_t digits_lshift(gp_digit_t *z, const gp_digit_t *a, intptr_t m, int d)
{
    gp_digit_t carry = 0;
    for (intptr_t i = 0; i < m; i++) {
        gp_twodigits_t acc = ((gp_twodigits_t)a[i] << d) | carry;
        z[i] = (gp_digit_t)acc & GP_INT_MASK;
        carry = (gp_digit_t)(acc >> GP_INT_SHIFT);
    }
    return carry;
}

/* z = a >> d for 0 <= d < 30. */
static void digits_rshift(gp_digit_t *z, const gp_digit_t *a, intptr_t m, int d)
{
    gp_digit_t carry = 0;
    gp_digit_t mask = ((gp_digit_t)1 << d) - 1u;
    for (intptr_t i = m - 1; i >= 0; i--) {
        gp_twodigits_t acc = ((gp_twodigits_t)carry << GP_INT_SHIFT) | a[i];
        carry = a[i] & mask;
        z[i] = (gp_digit_t)(acc >> d);
    }
}

/* Knuth's algorithm D for a divisor of at least two digits, |a| >= |b|. */
static int divrem_knuth(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb,
                        gp_int_t **pq, gp_int_t **pr)
{
    gp_int_t *v = gp_int_alloc(na + 1);
    gp_int_t *w = gp_int_alloc(nb);
    gp_int_t *q = NULL;
    if (!v || !w)
        goto fail;
    int d = GP_INT_SHIFT - digit_bit_length(b[nb - 1]);
    digits_lshift(w->digits, b, nb, d);
    gp_digit_t carry = digits_lshift(v->digits, a, na, d);
    intptr_t size_v = na;
    if (carry != 0 || v->digits[na - 1] >= w->digits[nb - 1]) {
        v->digits[na] = carry;
        size_v++;
    }
    intptr_t k = size_v - nb;
    q = gp_int_alloc(k);
    if (!q)
        goto fail;
    gp_digit_t *v0 = v->digits, *w0 = w->digits;
    gp_digit_t wm1 = w0[nb - 1], wm2 = w0[nb - 2];
    for (intptr_t j = k - 1; j >= 0; j--) {
        gp_digit_t *vk = v0 + j;
        /* Estimate the quotient digit from the top two digits of the
           remainder and correct it with the second divisor digit. */
        gp_digit_t vtop = vk[nb];
        gp_twodigits_t vv = ((gp_twodigits_t)vtop << GP_INT_SHIFT) | vk[nb - 1];
        gp_digit_t qd = (gp_digit_t)(vv / wm1);
        gp_digit_t rd = (gp_digit_t)(vv - (gp_twodigits_t)wm1 * qd);
        while ((gp_twodigits_t)wm2 * qd > (((gp_twodigits_t)rd << GP_INT_SHIFT) | vk[nb - 2])) {
            --qd;
            rd += wm1;
            if (rd >= GP_INT_BASE)
                break;
        }
        /* Subtract qd * w from vk[0..nb]. */
        int32_t zhi = 0;
        for (intptr_t i = 0; i < nb; i++) {
            gp_stwodigits_t z = (int32_t)vk[i] + zhi - (gp_stwodigits_t)qd * (gp_stwodigits_t)w0[i];
            vk[i] = (gp_digit_t)z & GP_INT_MASK;
            zhi = (int32_t)(z >> GP_INT_SHIFT);
        }
        /* Add w back if qd was one too large (rare). */
        if ((int32_t)vtop + zhi < 0) {
            gp_digit_t c = 0;
            for (intptr_t i = 0; i < nb; i++) {
                c += vk[i] + w0[i];
                vk[i] = c & GP_INT_MASK;
                c >>= GP_INT_SHIFT;
            }
            --qd;
        }
        q->digits[j] = qd;
    }
    /* The remainder is in the low nb digits of v, still shifted by d. */
    digits_rshift(w->digits, v0, nb, d);
    GP_DECREF((gp_object_t *)v);
    q->sign = 1;
    w->sign = 1;
    *pq = q;
    *pr = w;
    return 0;
fail:
    if (v)
        GP_DECREF((gp_object_t *)v);
    if (w)
        GP_DECREF((gp_object_t *)w);
    return -1;
}

int gp_bigint_divrem(const gp_digit_t *a, intptr_t na, const gp_digit_t *b, intptr_t nb,
                     gp_int_t **pq, gp_int_t **pr)
{
    gp_int_t *q = NULL, *r = NULL;
    if (digits_compare(a, na, b, nb) < 0) {
        q = gp_int_alloc(0);
        r = gp_int_alloc(na);
        if (!q || !r)
            goto fail;
        memcpy(r->digits, a, (size_t)na * sizeof(gp_digit_t));
        r->sign = 1;
    } else if (nb == 1) {
        q = gp_int_alloc(na);
        r = gp_int_alloc(1);
        if (!q || !r)
            goto fail;
        r->digits[0] = divrem1(q->digits, a, na, b[0]);
        q->sign = r->sign = 1;
    } else if (divrem_knuth(a, na, b, nb, &q, &r) < 0) {
        goto fail;
    }
    *pq = q;
    *pr = r;
    return 0;
fail:
    if (q)
        GP_DECREF((gp_object_t *)q);
    if (r)
        GP_DECREF((gp_object_t *)r);
    if (!gp_err_occurred())
        gp_err_no_memory();
    return -1;
}

/* ------------------------------------------------------------------ */
/* Decimal output                                                       */
/* ------------------------------------------------------------------ */

char *gp_bigint_to_decimal(const gp_digit_t *a, intptr_t na, bool negative, size_t *len)
{
    /* Reject early what is certainly too long, before the quadratic work
       (the same bound and message as CPython 3.11). The limit is the one
       sys.set_int_max_str_digits() last set; 0 turns the check off. */
    intptr_t limit = gp_runtime()->int_max_str_digits;
    if (limit > 0 && na >= 10 * limit / (3 * GP_INT_SHIFT) + 2)
        goto too_long;

    /* 10**9 < 2**30, and each base 2**30 digit needs at most 1.0034 base
       10**9 digits, hence the bound below. */
    intptr_t cap = 1 + na + na / 99;
    gp_digit_t *out = gp_mem_alloc((size_t)cap * sizeof(gp_digit_t));
    if (!out) {
        gp_err_no_memory();
        return NULL;
    }
    intptr_t size = 0;
    for (intptr_t i = na - 1; i >= 0; i--) {
        gp_digit_t hi = a[i];
        for (intptr_t j = 0; j < size; j++) {
            gp_twodigits_t z = ((gp_twodigits_t)out[j] << GP_INT_SHIFT) | hi;
            hi = (gp_digit_t)(z / DECIMAL_BASE);
            out[j] = (gp_digit_t)(z - (gp_twodigits_t)hi * DECIMAL_BASE);
        }
        while (hi) {
            out[size++] = hi % DECIMAL_BASE;
            hi /= DECIMAL_BASE;
        }
    }
    if (size == 0)
        out[size++] = 0;

    size_t ndigits = 1 + (size_t)(size - 1) * DECIMAL_SHIFT;
    for (gp_digit_t top = out[size - 1], tenpow = 10; top >= tenpow && tenpow <= 100000000u;
         tenpow *= 10)
        ndigits++;
    if (limit > 0 && ndigits > (size_t)limit) {
        gp_mem_free(out);
        goto too_long;
    }
    size_t total = ndigits + (negative ? 1 : 0);
    char *text = gp_mem_alloc(total + 1);
    if (!text) {
        gp_mem_free(out);
        gp_err_no_memory();
        return NULL;
    }
    char *p = text + total;
    *p = '\0';
    for (intptr_t i = 0; i < size - 1; i++) {
        gp_digit_t rem = out[i];
        for (int j = 0; j < DECIMAL_SHIFT; j++) {
            *--p = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    gp_digit_t rem = out[size - 1];
    do {
        *--p = (char)('0' + rem % 10);
        rem /= 10;
    } while (rem != 0);
    if (negative)
        *--p = '-';
    gp_mem_free(out);
    *len = total;
    return text;

too_long:
    gp_err_format(&gp_exc_ValueError,
                  "Exceeds the limit (%d digits) for integer string conversion; "
                  "use sys.set_int_max_str_digits() to increase the limit",
                  (int)limit);
    return NULL;
}
