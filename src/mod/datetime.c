/*
 * datetime.c - the `_datetime` module: its helpers and the timedelta type.
 *
 * Design notes
 * ------------
 * CPython's datetime is written in C, and programs call it in loops: a
 * step `d + one_day`, an `==`, a hash into a dict. Written in Python each
 * of those is several calls, so the value types and their everyday
 * operations live here, and lib/datetime.py keeps the rest (strftime,
 * strptime, tzinfo, the ISO calendar...). The Python half imports the
 * types and adds its methods to them with _add_methods(), a private hook
 * meant only for that import: the types are otherwise immutable, as they
 * are in CPython.
 *
 * The Python half still reads a few private attributes the C types offer
 * for it: timedelta._us (the whole span in microseconds, a Python int)
 * and date._year/_month/_day.
 *
 * timedelta keeps CPython's three normalised fields. Every operation
 * turns them into one 128-bit count of microseconds, computes exactly and
 * builds the result with dt_delta_from_us(), which does the range check.
 * Its error messages follow CPython's order: a day count that does not
 * fit a C int is "Python int too large to convert to C int", one that
 * fits but is out of range is "days=N; must have magnitude <= 999999999".
 *
 * Rounding. The constructor adds its arguments as CPython's does, so that
 * float arguments give the very microsecond CPython gives: each whole part
 * exactly, each fraction of a unit turned into microseconds as a double,
 * the fractions of a microsecond summed and rounded half to even at the
 * end. Float products and quotients (td * 0.1, td / 1.5) are exact: a
 * finite double is m * 2**e, and the result is rounded once, half to
 * even. Arguments the 128-bit sum cannot hold (ints beyond 2**127, types
 * that are neither int nor float) go to lib/datetime.py's _exact_span,
 * which sums with Python ints and words the type errors.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mod/datetime.h"
#include "obj/containers.h"
#include "obj/int.h"
#include "obj/object.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* 128-bit helpers                                                      */
/* ------------------------------------------------------------------ */

/* The number of bits in |v| (0 for 0). */
static int wide_bits(dt_wide_t v)
{
    unsigned __int128 m = v < 0 ? -(unsigned __int128)v : (unsigned __int128)v;
    uint64_t high = (uint64_t)(m >> 64), low = (uint64_t)m;
    if (high)
        return 128 - __builtin_clzll(high);
    return low ? 64 - __builtin_clzll(low) : 0;
}

gp_object_t *dt_wide_to_int(dt_wide_t v)
{
    if (v >= INT64_MIN && v <= INT64_MAX)
        return gp_int_from_i64((int64_t)v);
    uint8_t bytes[16];
    unsigned __int128 bits = (unsigned __int128)v;
    for (int i = 0; i < 16; i++)
        bytes[i] = (uint8_t)(bits >> (8 * i));
    return gp_int_from_bytes(bytes, 16, true, true);
}

/* Reads an int into *out: 1 when it fits 128 bits, 0 when it does not
   (no exception), -1 on another error. */
static int wide_from_int(gp_object_t *o, dt_wide_t *out)
{
    if (GP_IS_SMALL(o)) {
        *out = GP_SMALL_VALUE(o);
        return 1;
    }
    uint8_t bytes[16];
    if (gp_int_to_bytes(o, bytes, 16, true, true) < 0) {
        if (!gp_err_matches(&gp_exc_OverflowError))
            return -1;
        gp_err_clear();
        return 0;
    }
    unsigned __int128 bits = 0;
    for (int i = 15; i >= 0; i--)
        bits = (bits << 8) | bytes[i];
    *out = (dt_wide_t)bits;
    return 1;
}

/* n / 2**shift rounded to the nearest integer, ties to even. */
static dt_wide_t wide_round_shift(dt_wide_t n, int shift)
{
    if (shift == 0)
        return n;
    if (shift >= 126)
        return 0; /* callers keep |n| below 2**124: the quotient is below 1/4 */
    dt_wide_t quotient = n >> shift; /* arithmetic shift: the floor */
    dt_wide_t rest = n - (quotient << shift);
    dt_wide_t half = (dt_wide_t)1 << (shift - 1);
    if (rest > half || (rest == half && (quotient & 1)))
        quotient++;
    return quotient;
}

/* n / d rounded to the nearest integer, ties to even; d != 0. */
static dt_wide_t wide_round_div(dt_wide_t n, dt_wide_t d)
{
    if (d < 0) {
        n = -n;
        d = -d;
    }
    dt_wide_t quotient = dt_floor_div(n, d);
    dt_wide_t rest = n - quotient * d; /* 0 <= rest < d */
    dt_wide_t twice = rest * 2;
    if (twice > d || (twice == d && (quotient & 1)))
        quotient++;
    return quotient;
}

/* A finite double as m * 2**e with m odd (or 0). */
static void double_split(double v, int64_t *mantissa, int *exponent)
{
    int e;
    double fraction = frexp(v, &e);
    int64_t m = (int64_t)ldexp(fraction, 53);
    e -= 53;
    if (m == 0) {
        *mantissa = 0;
        *exponent = 0;
        return;
    }
    int zeros = __builtin_ctzll((uint64_t)(m < 0 ? -m : m));
    *mantissa = m >> zeros;
    *exponent = e + zeros;
}

gp_object_t *dt_helper(gp_type_t *type, const char *name)
{
    gp_object_t *helper = gp_type_lookup_cstr(type, name);
    if (!helper)
        gp_err_format(&gp_exc_RuntimeError, "_datetime: lib/datetime.py did not install %s.%s",
                      type->name, name);
    return helper;
}

/* ------------------------------------------------------------------ */
/* Building timedeltas                                                  */
/* ------------------------------------------------------------------ */

static void delta_overflow_days(dt_wide_t days)
{
    if (days < INT32_MIN || days > INT32_MAX)
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
    else
        gp_err_format(&gp_exc_OverflowError, "days=%d; must have magnitude <= %d", (int)days,
                      DT_MAX_DELTA_DAYS);
}

gp_object_t *dt_delta_from_us(gp_type_t *type, dt_wide_t us)
{
    dt_wide_t days = dt_floor_div(us, DT_US_PER_DAY);
    if (days < -DT_MAX_DELTA_DAYS || days > DT_MAX_DELTA_DAYS) {
        delta_overflow_days(days);
        return NULL;
    }
    int64_t rest = (int64_t)(us - days * DT_US_PER_DAY);
    gp_object_t *self = gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    DT_DELTA(self)->days = (int32_t)days;
    DT_DELTA(self)->seconds = (int32_t)(rest / DT_US_PER_SECOND);
    DT_DELTA(self)->microseconds = (int32_t)(rest % DT_US_PER_SECOND);
    if (type->flags & GP_TYPE_FLAG_GC)
        gp_gc_track(self);
    return self;
}

/* A timedelta of [type] from a Python int of microseconds. */
static gp_object_t *delta_from_int(gp_type_t *type, gp_object_t *us)
{
    if (!gp_int_check(us)) {
        gp_err_format(&gp_exc_TypeError, "expected an int of microseconds, not '%T'", us);
        return NULL;
    }
    dt_wide_t value;
    int fits = wide_from_int(us, &value);
    if (fits < 0)
        return NULL;
    if (!fits) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    return dt_delta_from_us(type, value);
}

/* ------------------------------------------------------------------ */
/* The constructor                                                      */
/* ------------------------------------------------------------------ */

static const char *const delta_arg_names[] = {
    "days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks", NULL,
};

/* Microseconds per unit of each argument, in delta_arg_names' order. */
static const int64_t delta_arg_scales[] = {
    DT_US_PER_DAY, DT_US_PER_SECOND, 1, 1000, 60 * DT_US_PER_SECOND, 3600 * DT_US_PER_SECOND,
    7 * DT_US_PER_DAY,
};

/* The sum of the arguments: a whole number of microseconds and the
   fractions of one that float arguments left over. */
typedef struct span_sum {
    dt_wide_t whole;
    double leftover;
} span_sum_t;

/* A double already without fraction as a 128-bit integer; false when it
   is beyond 2**100, where no sum can come back into range. */
static bool wide_from_whole_double(double v, dt_wide_t *out)
{
    if (fabs(v) < 0x1p63) {
        *out = (dt_wide_t)(int64_t)v;
        return true;
    }
    if (fabs(v) >= 0x1p100)
        return false;
    /* Above 2**63 a double's ulp is at least 1: the split is exact. */
    double magnitude = fabs(v), high = floor(magnitude / 0x1p64);
    dt_wide_t whole = ((dt_wide_t)(uint64_t)high << 64) + (uint64_t)(magnitude - high * 0x1p64);
    *out = v < 0 ? -whole : whole;
    return true;
}

/* Adds value * scale, as CPython does: an int exactly; a float's whole
   part exactly, then its fraction times the scale as a double, whose
   whole part is added exactly and whose fraction is kept for the end.
   Returns 1, 0 when [value] needs the slow road, -1 on error. */
static int span_sum_add_value(span_sum_t *sum, gp_object_t *value, int64_t scale)
{
    dt_wide_t term;
    if (GP_IS_SMALL(value)) {
        term = (dt_wide_t)GP_SMALL_VALUE(value) * scale;
    } else if (GP_IS_TYPE(value, gp_float_type)) {
        double v = gp_float_value(value);
        if (isnan(v)) {
            gp_err_set_string(&gp_exc_ValueError, "cannot convert float NaN to integer");
            return -1;
        }
        if (isinf(v)) {
            gp_err_set_string(&gp_exc_OverflowError, "cannot convert float infinity to integer");
            return -1;
        }
        double whole_part, fraction = modf(v, &whole_part);
        dt_wide_t whole;
        if (!wide_from_whole_double(whole_part, &whole))
            return 0;
        term = whole * scale;
        if (fraction != 0.0) {
            double scaled_whole, scaled_fraction = modf(fraction * (double)scale, &scaled_whole);
            term += (dt_wide_t)scaled_whole;
            sum->leftover += scaled_fraction;
        }
    } else if (gp_int_check(value)) {
        dt_wide_t v;
        int fits = wide_from_int(value, &v);
        if (fits <= 0 || __builtin_mul_overflow(v, (dt_wide_t)scale, &term))
            return fits;
    } else {
        return 0;
    }
    if (__builtin_add_overflow(sum->whole, term, &sum->whole))
        return 0;
    return 1;
}

/* The microseconds of the sum: the leftover fraction rounds half to even,
   where "even" looks at the whole sum (CPython's rule). */
static dt_wide_t span_sum_finish(const span_sum_t *sum)
{
    if (sum->leftover == 0.0)
        return sum->whole;
    double whole_us = round(sum->leftover);
    if (fabs(whole_us - sum->leftover) == 0.5) {
        int odd = (int)(sum->whole & 1);
        whole_us = 2.0 * round((sum->leftover + odd) * 0.5) - odd;
    }
    return sum->whole + (dt_wide_t)whole_us;
}

static gp_object_t *delta_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_object_t *given[7] = {NULL};
    if (nargs > 0 || kwnames) {
        if (gp_args_parse("__new__", args, nargs, kwnames, delta_arg_names, 0, given) < 0)
            return NULL;
    }
    /* CPython adds the units from the smallest up; the order matters to
       the leftover fractions. */
    static const int order[] = {2, 3, 1, 4, 5, 0, 6};
    span_sum_t sum = {0, 0.0};
    int quick = 1;
    for (int i = 0; i < 7 && quick == 1; i++)
        if (given[order[i]])
            quick = span_sum_add_value(&sum, given[order[i]], delta_arg_scales[order[i]]);
    if (quick < 0)
        return NULL;
    if (quick)
        return dt_delta_from_us(type, span_sum_finish(&sum));

    /* The slow road: lib/datetime.py sums the arguments as Python ints. */
    gp_object_t *exact = dt_helper(&dt_delta_type, "_exact_span");
    if (!exact)
        return NULL;
    gp_object_t *values[7];
    for (int i = 0; i < 7; i++)
        values[i] = given[i] ? given[i] : GP_SMALL_NEW(0);
    gp_object_t *us = gp_object_call(exact, values, 7, NULL);
    if (!us)
        return NULL;
    gp_object_t *result = delta_from_int(type, us);
    GP_DECREF(us);
    return result;
}

/* ------------------------------------------------------------------ */
/* Reading and showing                                                  */
/* ------------------------------------------------------------------ */

static void delta_dealloc(gp_object_t *self)
{
    gp_object_free(self);
}

static gp_object_t *delta_get_days(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DELTA(self)->days);
}

static gp_object_t *delta_get_seconds(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DELTA(self)->seconds);
}

static gp_object_t *delta_get_microseconds(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DELTA(self)->microseconds);
}

/* The three fields are members in CPython, whose refusal reads so. */
static int delta_set_readonly(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_err_set_string(&gp_exc_AttributeError, "readonly attribute");
    return -1;
}

static gp_object_t *delta_get_total_us(gp_object_t *self, void *closure)
{
    return dt_wide_to_int(dt_delta_us(self));
}

/* [us] / [divisor] as a correctly rounded float. */
static gp_object_t *wide_true_divide(dt_wide_t us, dt_wide_t divisor)
{
    const dt_wide_t exact_limit = (dt_wide_t)1 << 53;
    if (us > -exact_limit && us < exact_limit && divisor > -exact_limit && divisor < exact_limit)
        return gp_float_new((double)us / (double)divisor);
    /* Beyond 2**53 the doubles would round before dividing: let int's true
       division, which rounds once, do it. */
    gp_object_t *a = dt_wide_to_int(us), *b = a ? dt_wide_to_int(divisor) : NULL;
    gp_object_t *result = b ? gp_number_binop(a, b, GP_BINOP_TRUEDIV) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    return result;
}

static gp_object_t *delta_total_seconds(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_check_noargs("timedelta.total_seconds", nargs) < 0)
        return NULL;
    return wide_true_divide(dt_delta_us(self), DT_US_PER_SECOND);
}

static gp_object_t *delta_repr(gp_object_t *self)
{
    dt_delta_t *d = DT_DELTA(self);
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    gp_strbuf_printf(&buf, "%s(", GP_TYPE(self)->name);
    const char *sep = "";
    if (d->days) {
        gp_strbuf_printf(&buf, "days=%d", (int)d->days);
        sep = ", ";
    }
    if (d->seconds) {
        gp_strbuf_printf(&buf, "%sseconds=%d", sep, (int)d->seconds);
        sep = ", ";
    }
    if (d->microseconds)
        gp_strbuf_printf(&buf, "%smicroseconds=%d", sep, (int)d->microseconds);
    if (!d->days && !d->seconds && !d->microseconds)
        gp_strbuf_append_char(&buf, '0');
    gp_strbuf_append_char(&buf, ')');
    return gp_strbuf_finish(&buf);
}

static gp_object_t *delta_str(gp_object_t *self)
{
    dt_delta_t *d = DT_DELTA(self);
    char text[64];
    int n = 0;
    if (d->days)
        n = snprintf(text, sizeof text, "%d day%s, ", (int)d->days,
                     (d->days == 1 || d->days == -1) ? "" : "s");
    int seconds = d->seconds;
    n += snprintf(text + n, sizeof text - (size_t)n, "%d:%02d:%02d", seconds / 3600,
                  seconds / 60 % 60, seconds % 60);
    if (d->microseconds)
        snprintf(text + n, sizeof text - (size_t)n, ".%06d", (int)d->microseconds);
    return gp_str_from_cstr(text);
}

static intptr_t delta_hash(gp_object_t *self)
{
    /* Equal timedeltas have equal fields, so any mix of the fields will do. */
    dt_delta_t *d = DT_DELTA(self);
    uint64_t h = (uint64_t)(int64_t)d->days * 0x9E3779B97F4A7C15u;
    h ^= ((uint64_t)d->seconds * 1000003u + (uint64_t)d->microseconds) * 0xC2B2AE3D27D4EB4Fu;
    h ^= h >> 29;
    intptr_t result = (intptr_t)(h >> 1);
    return result == -1 ? -2 : result;
}

static int delta_to_bool(gp_object_t *self)
{
    dt_delta_t *d = DT_DELTA(self);
    return d->days != 0 || d->seconds != 0 || d->microseconds != 0;
}

static gp_object_t *delta_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    dt_delta_t *d = DT_DELTA(self);
    gp_object_t *fields = gp_tuple_pack(3, GP_SMALL_NEW(d->days), GP_SMALL_NEW(d->seconds),
                                        GP_SMALL_NEW(d->microseconds));
    if (!fields)
        return NULL;
    gp_object_t *result = gp_tuple_pack(2, (gp_object_t *)GP_TYPE(self), fields);
    GP_DECREF(fields);
    return result;
}

/* ------------------------------------------------------------------ */
/* Comparison and arithmetic                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *compare_result(int sign, gp_cmpop_t op)
{
    bool r;
    switch (op) {
    case GP_CMP_LT: r = sign < 0; break;
    case GP_CMP_LE: r = sign <= 0; break;
    case GP_CMP_EQ: r = sign == 0; break;
    case GP_CMP_NE: r = sign != 0; break;
    case GP_CMP_GT: r = sign > 0; break;
    default: r = sign >= 0; break;
    }
    return gp_bool_from(r);
}

gp_object_t *dt_compare_result(int sign, gp_cmpop_t op)
{
    return compare_result(sign, op);
}

static gp_object_t *delta_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!dt_delta_check(b))
        return GP_INCREF(gp_NotImplemented);
    dt_wide_t x = dt_delta_us(a), y = dt_delta_us(b);
    return compare_result(x < y ? -1 : x > y, op);
}

/* Applies [op] to a Python int of microseconds and [other] with int's own
   operator, for the operands the 128-bit road does not cover. */
static gp_object_t *delta_int_fallback(dt_wide_t us, gp_object_t *other, int op)
{
    gp_object_t *whole = dt_wide_to_int(us);
    if (!whole)
        return NULL;
    gp_object_t *result = gp_number_binop(whole, other, op);
    GP_DECREF(whole);
    if (!result)
        return NULL;
    gp_object_t *delta = delta_from_int(&dt_delta_type, result);
    GP_DECREF(result);
    return delta;
}

/* timedelta * float, and timedelta / float: us * factor or us / factor,
   rounded once. */
static gp_object_t *delta_scale_by_float(dt_wide_t us, double factor, bool divide)
{
    if (isnan(factor)) {
        gp_err_set_string(&gp_exc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    if (isinf(factor)) {
        gp_err_set_string(&gp_exc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    int64_t mantissa;
    int exponent;
    double_split(factor, &mantissa, &exponent);
    if (divide && mantissa == 0) {
        gp_err_set_string(&gp_exc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    if (us == 0)
        return dt_delta_from_us(&dt_delta_type, 0);
    /* |us| < 2**67 and |mantissa| < 2**53, so their product fits. */
    if (!divide) {
        dt_wide_t product = us * mantissa;
        if (exponent < 0)
            return dt_delta_from_us(&dt_delta_type, wide_round_shift(product, -exponent));
        if (wide_bits(product) + exponent > 126) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        return dt_delta_from_us(&dt_delta_type, product << exponent);
    }
    /* us / (mantissa * 2**exponent) */
    if (exponent <= 0) {
        if (wide_bits(us) - exponent > 126) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        return dt_delta_from_us(&dt_delta_type, wide_round_div(us << -exponent, mantissa));
    }
    if (exponent + 53 > 120)
        return dt_delta_from_us(&dt_delta_type, 0);
    return dt_delta_from_us(&dt_delta_type, wide_round_div(us, (dt_wide_t)mantissa << exponent));
}

static gp_object_t *delta_multiply(gp_object_t *delta, gp_object_t *factor)
{
    dt_wide_t us = dt_delta_us(delta);
    if (GP_IS_SMALL(factor)) {
        dt_wide_t product;
        if (__builtin_mul_overflow(us, (dt_wide_t)GP_SMALL_VALUE(factor), &product)) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        return dt_delta_from_us(&dt_delta_type, product);
    }
    if (gp_int_check(factor))
        return delta_int_fallback(us, factor, GP_BINOP_MUL);
    if (gp_float_check(factor))
        return delta_scale_by_float(us, gp_float_value(factor), false);
    return GP_INCREF(gp_NotImplemented);
}

static gp_object_t *delta_zero_division(const char *message)
{
    gp_err_set_string(&gp_exc_ZeroDivisionError, message);
    return NULL;
}

static gp_object_t *delta_binop(gp_object_t *a, gp_object_t *b, int op)
{
    op &= ~GP_BINOP_INPLACE;
    bool a_delta = dt_delta_check(a), b_delta = dt_delta_check(b);
    if (op == GP_BINOP_MUL)
        return a_delta ? delta_multiply(a, b) : delta_multiply(b, a);
    if (!a_delta)
        return GP_INCREF(gp_NotImplemented);
    dt_wide_t x = dt_delta_us(a);
    if (b_delta) {
        dt_wide_t y = dt_delta_us(b);
        switch (op) {
        case GP_BINOP_ADD:
            return dt_delta_from_us(&dt_delta_type, x + y);
        case GP_BINOP_SUB:
            return dt_delta_from_us(&dt_delta_type, x - y);
        case GP_BINOP_TRUEDIV:
            if (y == 0)
                return delta_zero_division("division by zero");
            return wide_true_divide(x, y);
        case GP_BINOP_FLOORDIV:
            if (y == 0)
                return delta_zero_division("integer division or modulo by zero");
            return dt_wide_to_int(dt_floor_div(x, y));
        case GP_BINOP_MOD:
            if (y == 0)
                return delta_zero_division("integer modulo by zero");
            return dt_delta_from_us(&dt_delta_type, dt_floor_mod(x, y));
        case GP_BINOP_DIVMOD: {
            if (y == 0)
                return delta_zero_division("integer division or modulo by zero");
            gp_object_t *quotient = dt_wide_to_int(dt_floor_div(x, y));
            gp_object_t *rest = quotient ? dt_delta_from_us(&dt_delta_type, dt_floor_mod(x, y)) : NULL;
            gp_object_t *pair = rest ? gp_tuple_pack(2, quotient, rest) : NULL;
            GP_XDECREF(quotient);
            GP_XDECREF(rest);
            return pair;
        }
        default:
            return GP_INCREF(gp_NotImplemented);
        }
    }
    if (op == GP_BINOP_TRUEDIV || op == GP_BINOP_FLOORDIV) {
        if (GP_IS_SMALL(b)) {
            dt_wide_t n = GP_SMALL_VALUE(b);
            if (n == 0)
                return delta_zero_division("integer division or modulo by zero");
            return dt_delta_from_us(&dt_delta_type,
                                    op == GP_BINOP_FLOORDIV ? dt_floor_div(x, n) : wide_round_div(x, n));
        }
        if (gp_int_check(b)) {
            if (op == GP_BINOP_FLOORDIV)
                return delta_int_fallback(x, b, GP_BINOP_FLOORDIV);
            /* Dividing by an int beyond 62 bits: the quotient is below 2**67
               in magnitude over 2**62, so 128 bits hold the divisor whenever
               the result can be non-zero. */
            dt_wide_t n;
            int fits = wide_from_int(b, &n);
            if (fits < 0)
                return NULL;
            return dt_delta_from_us(&dt_delta_type, fits ? wide_round_div(x, n) : 0);
        }
        if (op == GP_BINOP_TRUEDIV && gp_float_check(b))
            return delta_scale_by_float(x, gp_float_value(b), true);
    }
    return GP_INCREF(gp_NotImplemented);
}

static gp_object_t *delta_unop(gp_object_t *a, gp_unop_t op)
{
    dt_wide_t us = dt_delta_us(a);
    switch (op) {
    case GP_UNOP_NEG:
        return dt_delta_from_us(&dt_delta_type, -us);
    case GP_UNOP_POS:
        return dt_delta_from_us(&dt_delta_type, us);
    case GP_UNOP_ABS:
        return dt_delta_from_us(&dt_delta_type, us < 0 ? -us : us);
    default:
        return GP_INCREF(gp_NotImplemented);
    }
}

static const gp_method_def_t delta_methods[] = {
    {"total_seconds", delta_total_seconds, 0, "Total seconds in the duration."},
    {"__reduce__", delta_reduce, 0, "__reduce__() -> (cls, state)"},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t delta_getsets[] = {
    {"days", delta_get_days, delta_set_readonly, NULL, "Number of days."},
    {"seconds", delta_get_seconds, delta_set_readonly, NULL, "Number of seconds (>= 0 and less than 1 day)."},
    {"microseconds", delta_get_microseconds, delta_set_readonly, NULL,
     "Number of microseconds (>= 0 and less than 1 second)."},
    {"_us", delta_get_total_us, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t dt_delta_type = {
    GP_TYPE_HEAD_INIT,
    .name = "datetime.timedelta",
    .basicsize = sizeof(dt_delta_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = delta_dealloc,
    .new_ = delta_new,
    .repr = delta_repr,
    .str = delta_str,
    .hash = delta_hash,
    .richcompare = delta_richcompare,
    .binop = delta_binop,
    .unop = delta_unop,
    .to_bool = delta_to_bool,
    .methods = delta_methods,
    .getsets = delta_getsets,
    .doc = "Difference between two datetime values.",
};

/* ------------------------------------------------------------------ */
/* Module                                                               */
/* ------------------------------------------------------------------ */

/* _add_methods(cls, mapping): puts each entry of [mapping] in the dict of
   [cls], one of this module's types. Private to lib/datetime.py, which
   calls it once while it is imported. */
static gp_object_t *datetime_add_methods(gp_object_t *module, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_add_methods", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_type_t *types[] = {&dt_delta_type, &dt_date_type, &dt_datetime_type};
    gp_type_t *type = NULL;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (args[0] == (gp_object_t *)types[i])
            type = types[i];
    if (!type || !gp_dict_check(args[1])) {
        gp_err_set_string(&gp_exc_TypeError, "_add_methods() takes a _datetime type and a dict");
        return NULL;
    }
    gp_object_t *dict = gp_type_dict(type);
    if (!dict)
        return NULL;
    int rc = gp_dict_update(dict, args[1]);
    /* The VM caches attribute lookups per type version: renew it. */
    gp_type_modified(type);
    return rc < 0 ? NULL : gp_none_new();
}

/* _delta_from_us(us): the timedelta of [us] microseconds, for the Python
   half's arithmetic. */
static gp_object_t *datetime_delta_from_us(gp_object_t *module, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_delta_from_us", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return delta_from_int(&dt_delta_type, args[0]);
}

static const gp_method_def_t datetime_functions[] = {
    {"_add_methods", datetime_add_methods, 0, NULL},
    {"_delta_from_us", datetime_delta_from_us, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_datetime_module_create(void)
{
    if (gp_type_ready(&dt_delta_type) < 0)
        return NULL;
    gp_object_t *m = gp_module_new("_datetime");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, datetime_functions) < 0 ||
        gp_module_add_object(m, "timedelta", (gp_object_t *)&dt_delta_type) < 0 ||
        dt_date_module_init(m) < 0 || dt_datetime_module_init(m) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
