/*
 * dtoa.c - the shortest decimal that reads back to a given double, for
 * repr(float).
 *
 * Design notes
 * ------------
 * repr(x) must print the shortest decimal string that float() turns back
 * into x, and among strings of that length the one nearest to x (CPython
 * uses David Gay's dtoa.c in mode 0). Searching with printf ("%.15e", then
 * 16 and 17 digits, each checked with strtod) is correct but costs several
 * arbitrary-precision conversions per call. This file computes the answer
 * directly, in the spirit of Raffaello Giulietti's Schubfach algorithm:
 *
 *   1. Write x = c * 2**q with an integer significand c. Every real in the
 *      rounding interval of x, from the midpoint to the double below up to
 *      the midpoint to the double above, reads back to x; the midpoints
 *      themselves read back only when c is even (round-half-even). In units
 *      of 2**(q-2) the interval is [4c - 2, 4c + 2], except at a power of
 *      two, where the double below is only half as far: [4c - 1, 4c + 2].
 *
 *   2. Pick k = floor(log10(2**q)) (log10 of 3/4 of it at a power of two,
 *      where the interval is narrower). The interval is then at least 10**k
 *      wide, so it holds at least one multiple of 10**k, and it is narrower
 *      than 10**(k+1), so it holds at most one multiple of 10**(k+1).
 *
 *   3. Scale the centre and both ends by 10**-k with one 64x126-bit
 *      multiplication each. The power comes from a table of 126-bit
 *      approximations (dtoa_table.h, generated exactly by
 *      scripts/gen_dtoa_table.py). The product keeps its integer part and
 *      one "sticky" bit that is set when the discarded fraction is not
 *      zero; the table's precision guarantees that this rounded value
 *      compares with any integer exactly as the true product does, which
 *      is all the decisions below need.
 *
 *   4. If exactly one multiple of 10**(k+1) lies in the interval, it is the
 *      answer (one digit shorter). Otherwise, of s = floor(x / 10**k) and
 *      s + 1, take the one inside; if both are, the nearer to x, and on a
 *      tie the even one, as Gay's code does.
 *
 * The result is correct for every finite double; scripts/check_float_repr.py
 * compares it with CPython over millions of random and adversarial values.
 * Subnormals need no special case: their c is small and q fixed, and the
 * same reasoning holds.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "obj/int.h"
#include "obj/dtoa_table.h"

typedef unsigned __int128 dtoa_u128_t;

#define SIGNIFICAND_BITS 52
#define EXPONENT_BIAS    1075 /* q = biased exponent - bias for normal doubles */
#define Q_MIN            (-1074)
#define C_MIN            ((uint64_t)1 << SIGNIFICAND_BITS)
#define MASK63           (((uint64_t)1 << 63) - 1)

/* floor(log10(2**q)) for |q| <= 1100: a fixed-point multiply by log10(2). */
static inline int floor_log10_pow2(int q)
{
    return (int)(((int64_t)q * 661971961083) >> 41);
}

/* floor(log10(3/4 * 2**q)) for |q| <= 1100. */
static inline int floor_log10_three_quarters_pow2(int q)
{
    return (int)(((int64_t)q * 661971961083 - 274743187321) >> 41);
}

/* floor(log2(10**e)) for |e| <= 330. */
static inline int floor_log2_pow10(int e)
{
    return (int)(((int64_t)e * 913124641741) >> 38);
}

/* The integer part of g * [cp] / 2**127, where g = g1 * 2**63 + g0, with
   its lowest bit forced to one when the fraction dropped is not zero. The
   parts below 2**64 of the lower partial product are ignored: the table's
   precision makes them irrelevant to every comparison the caller makes. */
static inline uint64_t round_to_odd(uint64_t g1, uint64_t g0, uint64_t cp)
{
    dtoa_u128_t low = (dtoa_u128_t)g0 * cp;
    dtoa_u128_t high = (dtoa_u128_t)g1 * cp;
    uint64_t x1 = (uint64_t)(low >> 64);
    uint64_t y0 = (uint64_t)high;
    uint64_t y1 = (uint64_t)(high >> 64);
    uint64_t z = (y0 >> 1) + x1;
    uint64_t integer = y1 + (z >> 63);
    return integer | (uint64_t)((z & MASK63) != 0);
}

/* Two ASCII digits for every value 0..99, for writing digits in pairs. */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

/* Writes the decimal digits of [n] (> 0) without trailing zeros into
   [digits]; returns how many were written and stores the number of zeros
   dropped in *zeros_dropped. */
static int digits_write(uint64_t n, char *digits, int *zeros_dropped)
{
    int zeros = 0;
    while (n % 10 == 0) {
        n /= 10;
        zeros++;
    }
    *zeros_dropped = zeros;
    char buf[24];
    int pos = (int)sizeof buf;
    while (n >= 100) {
        unsigned pair = (unsigned)(n % 100);
        n /= 100;
        pos -= 2;
        memcpy(buf + pos, digit_pairs + 2 * pair, 2);
    }
    if (n >= 10) {
        pos -= 2;
        memcpy(buf + pos, digit_pairs + 2 * n, 2);
    } else {
        buf[--pos] = (char)('0' + n);
    }
    int nd = (int)sizeof buf - pos;
    memcpy(digits, buf + pos, (size_t)nd);
    return nd;
}

int gp_dtoa_shortest(double v, char *digits, int *exp10)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    uint64_t fraction = bits & (C_MIN - 1);
    int biased = (int)((bits >> SIGNIFICAND_BITS) & 0x7ff);
    uint64_t c;
    int q;
    if (biased != 0) {
        c = C_MIN | fraction;
        q = biased - EXPONENT_BIAS;
    } else {
        c = fraction;
        q = Q_MIN;
    }

    /* The rounding interval in units of 2**(q-2); [odd] excludes its ends. */
    uint64_t odd = c & 1;
    uint64_t centre = c << 2;
    uint64_t upper = centre + 2;
    uint64_t lower;
    int k;
    if (c != C_MIN || q == Q_MIN) {
        lower = centre - 2;
        k = floor_log10_pow2(q);
    } else {
        lower = centre - 1;
        k = floor_log10_three_quarters_pow2(q);
    }
    /* Shifting by h aligns the operand so that the product with g(k),
       divided by 2**127, is (operand / 4) * 2**q * 10**-k, times four. */
    int h = q + floor_log2_pow10(-k) + 2;
    uint64_t g1 = dtoa_pow10_table[k - DTOA_K_MIN][0];
    uint64_t g0 = dtoa_pow10_table[k - DTOA_K_MIN][1];
    uint64_t scaled_centre = round_to_odd(g1, g0, centre << h);
    uint64_t scaled_lower = round_to_odd(g1, g0, lower << h);
    uint64_t scaled_upper = round_to_odd(g1, g0, upper << h);

    uint64_t s = scaled_centre >> 2;
    uint64_t chosen;
    /* One digit shorter: the multiples of 10**(k+1) around x. */
    uint64_t shorter_down = s / 10 * 10;
    uint64_t shorter_up = shorter_down + 10;
    bool down_in = scaled_lower + odd <= shorter_down << 2;
    bool up_in = (shorter_up << 2) + odd <= scaled_upper;
    if (down_in != up_in) {
        chosen = down_in ? shorter_down : shorter_up;
    } else {
        uint64_t t = s + 1;
        bool s_in = scaled_lower + odd <= s << 2;
        bool t_in = (t << 2) + odd <= scaled_upper;
        if (s_in != t_in) {
            chosen = s_in ? s : t;
        } else {
            /* Both read back: the nearer one, the even one on a tie. */
            uint64_t midpoint = (s + t) << 1;
            if (scaled_centre < midpoint || (scaled_centre == midpoint && (s & 1) == 0))
                chosen = s;
            else
                chosen = t;
        }
    }
    int zeros;
    int nd = digits_write(chosen, digits, &zeros);
    *exp10 = k + zeros + nd - 1;
    return nd;
}

size_t gp_float_repr_text(double v, char *out)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    char *o = out;
    if (bits >> 63)
        *o++ = '-';
    uint64_t magnitude_bits = bits & ~((uint64_t)1 << 63);
    if (magnitude_bits >= (uint64_t)0x7ff << SIGNIFICAND_BITS) {
        /* CPython prints every NaN as "nan", whatever its sign bit. */
        if (magnitude_bits != (uint64_t)0x7ff << SIGNIFICAND_BITS) {
            memcpy(out, "nan", 4);
            return 3;
        }
        memcpy(o, "inf", 4);
        return (size_t)(o - out) + 3;
    }
    if (magnitude_bits == 0) {
        memcpy(o, "0.0", 4);
        return (size_t)(o - out) + 3;
    }

    char digits[24];
    int exp10;
    double magnitude;
    memcpy(&magnitude, &magnitude_bits, sizeof magnitude);
    int nd = gp_dtoa_shortest(magnitude, digits, &exp10);

    /* CPython's layout: scientific below 1e-4 and from 1e16 up, else
       positional with at least one digit after the point. */
    if (exp10 < -4 || exp10 >= 16) {
        *o++ = digits[0];
        if (nd > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)nd - 1);
            o += nd - 1;
        }
        *o++ = 'e';
        *o++ = exp10 < 0 ? '-' : '+';
        int e = exp10 < 0 ? -exp10 : exp10;
        if (e >= 100) {
            *o++ = (char)('0' + e / 100);
            e %= 100;
        }
        memcpy(o, digit_pairs + 2 * e, 2);
        o += 2;
    } else if (exp10 < 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -exp10 - 1; i++)
            *o++ = '0';
        memcpy(o, digits, (size_t)nd);
        o += nd;
    } else {
        int integer_digits = exp10 + 1;
        for (int i = 0; i < integer_digits; i++)
            *o++ = i < nd ? digits[i] : '0';
        *o++ = '.';
        if (nd > integer_digits) {
            memcpy(o, digits + integer_digits, (size_t)(nd - integer_digits));
            o += nd - integer_digits;
        } else {
            *o++ = '0';
        }
    }
    *o = '\0';
    return (size_t)(o - out);
}
