/*
 * math.c - the math module.
 *
 * Design notes
 * ------------
 * Most functions are thin wrappers over libm with CPython's error rules
 * (math_1 in CPython's mathmodule.c): a NaN produced from a non-NaN input
 * is a domain error ("math domain error", ValueError); an infinity produced
 * from a finite input is a range error (OverflowError "math range error")
 * for functions that can overflow, and a domain error for the others
 * (atanh(1), log1p(-1)).
 *
 * The integer functions work on exact ints through the helpers of
 * obj/int.h: factorial multiplies balanced halves of the range so Karatsuba
 * does the heavy lifting, isqrt is CPython's Newton iteration on ints, and
 * log() of a huge int goes through gp_int_frexp so log(2**10000) does not
 * overflow. fsum is Shewchuk's exact summation and hypot/dist the
 * correctly rounded vector norm of CPython 3.11, so results match to the
 * last bit.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "obj/int.h"
#include "obj/type.h"
#include "runtime/runtime.h"

typedef gp_object_t *(*math_fn_t)(gp_object_t *, gp_object_t *const *, size_t, gp_object_t *);

/* ------------------------------------------------------------------ */
/* Argument helpers                                                     */
/* ------------------------------------------------------------------ */

static int no_keywords(const char *name, gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

static int one_arg(const char *name, size_t nargs, gp_object_t *kwnames)
{
    if (no_keywords(name, kwnames) < 0)
        return -1;
    if (nargs != 1) {
        gp_err_format(&gp_exc_TypeError, "math.%s() takes exactly one argument (%zu given)", name,
                      nargs);
        return -1;
    }
    return 0;
}

static int n_args(const char *name, size_t nargs, gp_object_t *kwnames, size_t n)
{
    if (no_keywords(name, kwnames) < 0)
        return -1;
    if (nargs != n) {
        gp_err_format(&gp_exc_TypeError, "%s expected %zu arguments, got %zu", name, n, nargs);
        return -1;
    }
    return 0;
}

/* The double value of a real argument; -1 with an exception on error. */
static int as_double(gp_object_t *o, double *out)
{
    if (GP_IS_SMALL(o)) {
        *out = (double)GP_SMALL_VALUE(o);
        return 0;
    }
    if (o->type == &gp_float_type) {
        *out = gp_float_value(o);
        return 0;
    }
    double d = gp_float_as_double(o);
    if (d == -1.0 && gp_err_occurred())
        return -1;
    *out = d;
    return 0;
}

static gp_object_t *domain_error(void)
{
    gp_err_set_string(&gp_exc_ValueError, "math domain error");
    return NULL;
}

static gp_object_t *range_error(void)
{
    gp_err_set_string(&gp_exc_OverflowError, "math range error");
    return NULL;
}

/* Wraps a libm function of one double with CPython's error rules. */
static gp_object_t *math_1(const char *name, gp_object_t *const *args, size_t nargs,
                           gp_object_t *kwnames, double (*fn)(double), bool can_overflow)
{
    double x;
    if (one_arg(name, nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    errno = 0;
    double r = fn(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return gp_float_new(r);
}

#define MATH_FUNC1(name, fn, can_overflow)                                                     \
    static gp_object_t *math_##name(gp_object_t *self, gp_object_t *const *args, size_t nargs, \
                                    gp_object_t *kwnames)                                      \
    {                                                                                          \
        return math_1(#name, args, nargs, kwnames, fn, can_overflow);                          \
    }

static double m_degrees(double x)
{
    return x * (180.0 / M_PI);
}

static double m_radians(double x)
{
    return x * (M_PI / 180.0);
}

static double m_sqrt(double x)
{
    return x < 0 ? NAN : sqrt(x);
}

MATH_FUNC1(sqrt, m_sqrt, false)
MATH_FUNC1(exp, exp, true)
MATH_FUNC1(exp2, exp2, true)
MATH_FUNC1(expm1, expm1, true)
MATH_FUNC1(sin, sin, false)
MATH_FUNC1(cos, cos, false)
MATH_FUNC1(tan, tan, false)
MATH_FUNC1(asin, asin, false)
MATH_FUNC1(acos, acos, false)
MATH_FUNC1(atan, atan, false)
MATH_FUNC1(sinh, sinh, true)
MATH_FUNC1(cosh, cosh, true)
MATH_FUNC1(tanh, tanh, false)
MATH_FUNC1(asinh, asinh, false)
MATH_FUNC1(acosh, acosh, false)
MATH_FUNC1(atanh, atanh, false)
MATH_FUNC1(fabs, fabs, false)
MATH_FUNC1(cbrt, cbrt, false)
MATH_FUNC1(erf, erf, false)
MATH_FUNC1(erfc, erfc, false)
MATH_FUNC1(degrees, m_degrees, true)
MATH_FUNC1(radians, m_radians, false)

/*
 * Gamma and lgamma follow CPython's own implementation rather than libm's,
 * because scripts print the results and CPython's last digit is the
 * reference: glibc's lgamma(10) differs from CPython's in the last place.
 * The method is the Lanczos approximation
 *
 *     gamma(x) = lanczos_sum(x) * ((x + g - 0.5) / e) ** (x - 0.5)
 *
 * with g = 6.0246800407767296 and the 13-term rational sum (numerator and
 * denominator polynomials) that Boost uses, evaluated in the order that
 * keeps it accurate: Horner in x below 5, in 1/x above. The power is split
 * into exp and pow with a correction term z so the rounding error of
 * y = x + g - 0.5 does not get magnified by the large exponent. Negative
 * arguments use the reflection formula gamma(-x) = -pi / (sin(pi x) x
 * gamma(x)), with sin(pi x) computed exactly at half-integers (sinpi).
 * Integer arguments up to 23 come from a table: they are exact.
 */
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
enum { LANCZOS_N = 13, GAMMA_TABLE_SIZE = 23 };
static const double lanczos_numerator[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* The coefficients of x(x+1)...(x+11), lowest power first. */
static const double lanczos_denominator[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
/* gamma(n) = (n - 1)! for n = 1..23, all exactly representable. */
static const double gamma_table[GAMMA_TABLE_SIZE] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0,
    39916800.0, 479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
    20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
};

/* The Lanczos rational sum at [x] > 0. */
static double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N - 1; i >= 0; i--) {
            num = num * x + lanczos_numerator[i];
            den = den * x + lanczos_denominator[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_numerator[i];
            den = den / x + lanczos_denominator[i];
        }
    }
    return num / den;
}

/* sin(pi * x) for finite [x], exact at integers and half-integers. */
static double sinpi(double x)
{
    double y = fmod(fabs(x), 2.0);
    double r;
    switch ((int)round(2.0 * y)) {
    case 0:
        r = sin(M_PI * y);
        break;
    case 1:
        r = cos(M_PI * (y - 0.5));
        break;
    case 2:
        /* sin(pi * (1 - y)) rather than sin(pi * y): exact zero at 1. */
        r = sin(M_PI * (1.0 - y));
        break;
    case 3:
        r = -cos(M_PI * (y - 1.5));
        break;
    default:
        r = sin(M_PI * (y - 2.0));
        break;
    }
    return copysign(1.0, x) * r;
}

/* gamma([x]); *error becomes EDOM or ERANGE as CPython's m_tgamma sets errno. */
static double gamma_of(double x, int *error)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0)
            return x;
        *error = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        *error = EDOM;
        return 1.0 / x;
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            *error = EDOM;
            return NAN;
        }
        if (x <= GAMMA_TABLE_SIZE)
            return gamma_table[(int)x - 1];
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r))
            *error = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / sinpi(x);
        *error = ERANGE;
        return HUGE_VAL;
    }
    double y = absx + lanczos_g_minus_half;
    /* z is the rounding error of y, as a relative correction of the power. */
    double q, z;
    if (absx > lanczos_g_minus_half) {
        q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -M_PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double half_power = pow(y, absx / 2.0 - 0.25);
            r /= half_power;
            r /= half_power;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double half_power = pow(y, absx / 2.0 - 0.25);
            r *= half_power;
            r *= half_power;
        }
    }
    if (isinf(r))
        *error = ERANGE;
    return r;
}

/* log(abs(gamma([x]))); *error as for gamma_of. */
static double lgamma_of(double x, int *error)
{
    static const double log_pi = 1.144729885849400174143427351353058711647;
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            *error = EDOM;
            return HUGE_VAL;
        }
        return 0.0; /* lgamma(1) = lgamma(2) = 0 exactly */
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = log_pi - log(fabs(sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        *error = ERANGE;
    return r;
}

/* Turns a gamma_of/lgamma_of result into CPython's value or exception. */
static gp_object_t *gamma_result(double r, int error)
{
    if (error == EDOM)
        return domain_error();
    if (error == ERANGE && fabs(r) >= 1.5)
        return range_error();
    return gp_float_new(r);
}

static gp_object_t *math_gamma(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    double x;
    if (one_arg("gamma", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    int error = 0;
    double r = gamma_of(x, &error);
    return gamma_result(r, error);
}

static gp_object_t *math_lgamma(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    double x;
    if (one_arg("lgamma", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    int error = 0;
    double r = lgamma_of(x, &error);
    return gamma_result(r, error);
}

/* ------------------------------------------------------------------ */
/* Logarithms                                                           */
/* ------------------------------------------------------------------ */

/* log of an argument with func, handling ints too large for a double. */
static int log_value(gp_object_t *o, double (*fn)(double), double *out)
{
    if (gp_int_check(o)) {
        if (gp_int_sign(o) <= 0) {
            domain_error();
            return -1;
        }
        double d = gp_int_as_double(o);
        if (d == -1.0 && gp_err_occurred()) {
            if (!gp_err_matches(&gp_exc_OverflowError))
                return -1;
            gp_err_clear();
            /* x = m * 2**e: log(x) = log(m) + e * log(2). */
            int64_t e;
            double m = gp_int_frexp(o, &e);
            *out = fn(m) + (double)e * fn(2.0);
            return 0;
        }
        *out = fn(d);
        return 0;
    }
    double x;
    if (as_double(o, &x) < 0)
        return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error();
        return -1;
    }
    *out = fn(x);
    return 0;
}

static gp_object_t *math_log(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (no_keywords("log", kwnames) < 0)
        return NULL;
    if (nargs < 1 || nargs > 2) {
        gp_err_set_string(&gp_exc_TypeError, "math.log requires 1 to 2 arguments");
        return NULL;
    }
    double num;
    if (log_value(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 2) {
        double den;
        if (log_value(args[1], log, &den) < 0)
            return NULL;
        if (den == 0.0) {
            gp_err_set_string(&gp_exc_ZeroDivisionError, "float division by zero");
            return NULL;
        }
        num /= den;
    }
    return gp_float_new(num);
}

static gp_object_t *math_log_with(const char *name, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames, double (*fn)(double))
{
    double r;
    if (one_arg(name, nargs, kwnames) < 0 || log_value(args[0], fn, &r) < 0)
        return NULL;
    return gp_float_new(r);
}

static gp_object_t *math_log2(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return math_log_with("log2", args, nargs, kwnames, log2);
}

static gp_object_t *math_log10(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return math_log_with("log10", args, nargs, kwnames, log10);
}

static gp_object_t *math_log1p(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return math_1("log1p", args, nargs, kwnames, log1p, false);
}

/* ------------------------------------------------------------------ */
/* Two-argument float functions                                         */
/* ------------------------------------------------------------------ */

static int two_doubles(const char *name, gp_object_t *const *args, size_t nargs,
                       gp_object_t *kwnames, double *x, double *y)
{
    if (n_args(name, nargs, kwnames, 2) < 0 || as_double(args[0], x) < 0 ||
        as_double(args[1], y) < 0)
        return -1;
    return 0;
}

static gp_object_t *math_pow(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    double x, y, r;
    if (two_doubles("pow", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
        return gp_float_new(r);
    }
    r = pow(x, y);
    if (isnan(r))
        return domain_error();
    if (isinf(r))
        return x == 0. ? domain_error() : range_error();
    return gp_float_new(r);
}

static gp_object_t *math_atan2(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    double y, x;
    if (two_doubles("atan2", args, nargs, kwnames, &y, &x) < 0)
        return NULL;
    return gp_float_new(atan2(y, x));
}

static gp_object_t *math_fmod(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return gp_float_new(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return gp_float_new(r);
}

static gp_object_t *math_remainder(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    double x, y;
    if (two_doubles("remainder", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    if (isnan(x) || isnan(y))
        return gp_float_new(isnan(x) ? x : y);
    if (isinf(x) || y == 0.0)
        return domain_error();
    if (isinf(y))
        return gp_float_new(x);
    return gp_float_new(remainder(x, y));
}

static gp_object_t *math_copysign(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    double x, y;
    if (two_doubles("copysign", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    return gp_float_new(copysign(x, y));
}

static gp_object_t *math_nextafter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    double x, y;
    if (two_doubles("nextafter", args, nargs, kwnames, &x, &y) < 0)
        return NULL;
    return gp_float_new(nextafter(x, y));
}

static gp_object_t *math_ulp(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    double x;
    if (one_arg("ulp", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return gp_float_new(x);
    x = fabs(x);
    if (isinf(x))
        return gp_float_new(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return gp_float_new(x - x2);
    }
    return gp_float_new(x2 - x);
}

static gp_object_t *math_ldexp(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    double x;
    if (n_args("ldexp", nargs, kwnames, 2) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    if (!gp_int_check(args[1])) {
        gp_err_set_string(&gp_exc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int overflow;
    int64_t e = gp_int_as_i64_overflow(args[1], &overflow);
    if (x == 0.0 || !isfinite(x))
        return gp_float_new(x);
    if (overflow > 0 || e > 100000)
        return range_error();
    if (overflow < 0 || e < -100000)
        return gp_float_new(copysign(0.0, x));
    double r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return gp_float_new(r);
}

static gp_object_t *math_frexp(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    double x;
    if (one_arg("frexp", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    int e = 0;
    double m = x;
    if (isfinite(x) && x != 0.0)
        m = frexp(x, &e);
    gp_object_t *fm = gp_float_new(m);
    if (!fm)
        return NULL;
    gp_object_t *t = gp_tuple_pack(2, fm, GP_SMALL_NEW(e));
    GP_DECREF(fm);
    return t;
}

static gp_object_t *math_modf(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    double x, ip, fp;
    if (one_arg("modf", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    gp_object_t *a = gp_float_new(fp), *b = gp_float_new(ip);
    gp_object_t *t = a && b ? gp_tuple_pack(2, a, b) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    return t;
}

/* ------------------------------------------------------------------ */
/* floor, ceil, trunc                                                   */
/* ------------------------------------------------------------------ */

/* Calls o.<dunder>() when the type defines it; *found tells whether it did. */
static gp_object_t *call_dunder(gp_object_t *o, const char *name, bool *found)
{
    /* Looked up on the type and bound like any special method, so a
       descriptor (staticmethod, a __get__ that raises) behaves as in CPython. */
    return gp_call_special(o, gp_str_static(name), NULL, 0, found);
}

static gp_object_t *math_rounding(const char *name, const char *dunder, gp_object_t *const *args,
                                  size_t nargs, gp_object_t *kwnames, double (*fn)(double))
{
    if (one_arg(name, nargs, kwnames) < 0)
        return NULL;
    gp_object_t *x = args[0];
    if (gp_int_check(x))
        return gp_number_int(x);
    if (GP_IS_PTR(x) && x->type == &gp_float_type)
        return gp_int_from_double(fn(gp_float_value(x)));
    bool found;
    gp_object_t *r = call_dunder(x, dunder, &found);
    if (found)
        return r;
    if (fn == trunc) {
        gp_err_format(&gp_exc_TypeError, "type %s doesn't define __trunc__ method",
                      gp_type_name(GP_TYPE(x)));
        return NULL;
    }
    double d;
    if (as_double(x, &d) < 0)
        return NULL;
    return gp_int_from_double(fn(d));
}

static gp_object_t *math_floor(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return math_rounding("floor", "__floor__", args, nargs, kwnames, floor);
}

static gp_object_t *math_ceil(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return math_rounding("ceil", "__ceil__", args, nargs, kwnames, ceil);
}

static gp_object_t *math_trunc(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return math_rounding("trunc", "__trunc__", args, nargs, kwnames, trunc);
}

/* ------------------------------------------------------------------ */
/* Predicates                                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *math_isnan(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    double x;
    if (one_arg("isnan", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    return gp_bool_from(isnan(x));
}

static gp_object_t *math_isinf(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    double x;
    if (one_arg("isinf", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    return gp_bool_from(isinf(x));
}

static gp_object_t *math_isfinite(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    double x;
    if (one_arg("isfinite", nargs, kwnames) < 0 || as_double(args[0], &x) < 0)
        return NULL;
    return gp_bool_from(isfinite(x));
}

static gp_object_t *math_isclose(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"a", "b", "$rel_tol", "$abs_tol", NULL};
    gp_object_t *vals[4] = {NULL, NULL, NULL, NULL};
    if (gp_args_parse("isclose", args, nargs, kwnames, names, 2, vals) < 0)
        return NULL;
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (as_double(vals[0], &a) < 0 || as_double(vals[1], &b) < 0)
        return NULL;
    if ((vals[2] && as_double(vals[2], &rel_tol) < 0) ||
        (vals[3] && as_double(vals[3], &abs_tol) < 0))
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        gp_err_set_string(&gp_exc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b)
        return gp_bool_from(true);
    if (isinf(a) || isinf(b))
        return gp_bool_from(false);
    double diff = fabs(b - a);
    return gp_bool_from(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) || diff <= abs_tol);
}

/* ------------------------------------------------------------------ */
/* Sums, products and norms                                             */
/* ------------------------------------------------------------------ */

static gp_object_t *math_fsum(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (one_arg("fsum", nargs, kwnames) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    /* Shewchuk: keep the sum as non-overlapping partials, exactly. */
    double stack_partials[32];
    double *p = stack_partials;
    size_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    gp_object_t *item, *result = NULL;
    while ((item = gp_iter_next(it)) != NULL) {
        double x;
        int rc = as_double(item, &x);
        GP_DECREF(item);
        if (rc < 0)
            goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* A non-finite x: an inf/nan summand, or intermediate overflow. */
                if (isfinite(xsave)) {
                    gp_err_set_string(&gp_exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    size_t ncap = cap * 2;
                    double *np = gp_mem_alloc(ncap * sizeof(double));
                    if (!np) {
                        gp_err_no_memory();
                        goto done;
                    }
                    memcpy(np, p, n * sizeof(double));
                    if (p != stack_partials)
                        gp_mem_free(p);
                    p = np;
                    cap = ncap;
                }
                p[n++] = x;
            }
        }
    }
    if (gp_err_occurred())
        goto done;
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            gp_err_set_string(&gp_exc_ValueError, "-inf + inf in fsum");
            goto done;
        }
        result = gp_float_new(special_sum);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        /* Sum from the top, stopping when the sum becomes inexact. */
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        /* Round half-even correctly when the rest would tip the balance. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    result = gp_float_new(hi);
done:
    if (p != stack_partials)
        gp_mem_free(p);
    GP_DECREF(it);
    return result;
}

static gp_object_t *math_prod(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    static const char *const names[] = {"/iterable", "$start", NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse("prod", args, nargs, kwnames, names, 1, vals) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(vals[0]);
    if (!it)
        return NULL;
    gp_object_t *result = GP_INCREF(vals[1] ? vals[1] : GP_SMALL_NEW(1));
    gp_object_t *item;
    while ((item = gp_iter_next(it)) != NULL) {
        gp_object_t *r = gp_number_binop(result, item, GP_BINOP_MUL);
        GP_DECREF(item);
        GP_DECREF(result);
        result = r;
        if (!r)
            break;
    }
    GP_DECREF(it);
    if (result && gp_err_occurred())
        GP_CLEAR(result);
    return result;
}

/* sqrt(sum(v[i]**2)) correctly rounded in nearly all cases: CPython 3.11's
   vector_norm, which scales by a power of two and carries the rounding
   errors of squares and sums in extra doubles. */
static double vector_norm(size_t n, double *vec, double max, bool found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (size_t i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (size_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        double sq = x * x, sq_lo = fma(x, x, -sq);
        double s = csum + sq, s_lo = sq - (s - csum);
        csum = s;
        frac1 += sq_lo;
        frac2 += s_lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    double pr = -h * h, pr_lo = fma(-h, h, -pr);
    double s = csum + pr, s_lo = pr - (s - csum);
    csum = s;
    frac1 += pr_lo;
    frac2 += s_lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static gp_object_t *math_hypot(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (no_keywords("hypot", kwnames) < 0)
        return NULL;
    double stack[16];
    double *vec = nargs <= 16 ? stack : gp_mem_alloc(nargs * sizeof(double));
    if (!vec) {
        gp_err_no_memory();
        return NULL;
    }
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (as_double(args[i], &x) < 0) {
            if (vec != stack)
                gp_mem_free(vec);
            return NULL;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    double r = vector_norm(nargs, vec, max, found_nan);
    if (vec != stack)
        gp_mem_free(vec);
    return gp_float_new(r);
}

static gp_object_t *math_dist(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (n_args("dist", nargs, kwnames, 2) < 0)
        return NULL;
    gp_object_t *p = gp_tuple_check(args[0]) ? GP_INCREF(args[0]) : gp_tuple_from_iterable(args[0]);
    if (!p)
        return NULL;
    gp_object_t *q = gp_tuple_check(args[1]) ? GP_INCREF(args[1]) : gp_tuple_from_iterable(args[1]);
    if (!q) {
        GP_DECREF(p);
        return NULL;
    }
    gp_object_t *result = NULL;
    size_t n = (size_t)GP_TUPLE_SIZE(p);
    double stack[16];
    double *vec = stack;
    if ((size_t)GP_TUPLE_SIZE(q) != n) {
        gp_err_set_string(&gp_exc_ValueError,
                          "both points must have the same number of dimensions");
        goto done;
    }
    if (n > 16 && !(vec = gp_mem_alloc(n * sizeof(double)))) {
        gp_err_no_memory();
        goto done;
    }
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < n; i++) {
        double a, b;
        if (as_double(GP_TUPLE_GET(p, i), &a) < 0 || as_double(GP_TUPLE_GET(q, i), &b) < 0)
            goto done;
        double x = fabs(a - b);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    result = gp_float_new(vector_norm(n, vec, max, found_nan));
done:
    if (vec != stack)
        gp_mem_free(vec);
    GP_DECREF(p);
    GP_DECREF(q);
    return result;
}

/* ------------------------------------------------------------------ */
/* Integer functions                                                    */
/* ------------------------------------------------------------------ */

/* The product lo * (lo+1) * ... * hi, splitting the range in halves so the
   big multiplications are balanced. */
static gp_object_t *range_product(uint64_t lo, uint64_t hi)
{
    if (lo > hi)
        return GP_SMALL_NEW(1);
    if (hi - lo < 8) {
        gp_object_t *r = gp_int_from_u64(lo);
        for (uint64_t i = lo + 1; r && i <= hi; i++) {
            gp_object_t *f = gp_int_from_u64(i);
            gp_object_t *t = f ? gp_int_mul(r, f) : NULL;
            GP_XDECREF(f);
            GP_DECREF(r);
            r = t;
        }
        return r;
    }
    uint64_t mid = lo + (hi - lo) / 2;
    gp_object_t *a = range_product(lo, mid);
    if (!a)
        return NULL;
    gp_object_t *b = range_product(mid + 1, hi);
    if (!b) {
        GP_DECREF(a);
        return NULL;
    }
    gp_object_t *r = gp_int_mul(a, b);
    GP_DECREF(a);
    GP_DECREF(b);
    return r;
}

/* An int argument (via __index__); *out is a new reference. */
static int int_arg(gp_object_t *o, gp_object_t **out)
{
    *out = gp_number_index(o);
    return *out ? 0 : -1;
}

static gp_object_t *math_factorial(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (one_arg("factorial", nargs, kwnames) < 0)
        return NULL;
    if (GP_IS_PTR(args[0]) && gp_float_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    gp_object_t *n;
    if (int_arg(args[0], &n) < 0)
        return NULL;
    int overflow;
    int64_t v = gp_int_as_i64_overflow(n, &overflow);
    bool negative = gp_int_sign(n) < 0;
    GP_DECREF(n);
    if (negative) {
        gp_err_set_string(&gp_exc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError,
                          "factorial() argument should not exceed 9223372036854775807");
        return NULL;
    }
    return range_product(1, v < 1 ? 1 : (uint64_t)v);
}

/* gcd of two ints (Euclid, on machine words once both fit). */
static gp_object_t *int_gcd(gp_object_t *a, gp_object_t *b)
{
    a = gp_int_abs(a);
    if (!a)
        return NULL;
    b = gp_int_abs(b);
    if (!b) {
        GP_DECREF(a);
        return NULL;
    }
    while (!(GP_IS_SMALL(b) && GP_SMALL_VALUE(b) == 0)) {
        if (GP_IS_SMALL(a) && GP_IS_SMALL(b)) {
            uint64_t x = (uint64_t)GP_SMALL_VALUE(a), y = (uint64_t)GP_SMALL_VALUE(b);
            while (y) {
                uint64_t t = x % y;
                x = y;
                y = t;
            }
            return GP_SMALL_NEW((intptr_t)x);
        }
        gp_object_t *r;
        if (gp_int_divmod(a, b, NULL, &r) < 0) {
            GP_DECREF(a);
            GP_DECREF(b);
            return NULL;
        }
        GP_DECREF(a);
        a = b;
        b = r;
    }
    GP_DECREF(b);
    return a;
}

static gp_object_t *math_gcd(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (no_keywords("gcd", kwnames) < 0)
        return NULL;
    gp_object_t *result = GP_SMALL_NEW(0);
    for (size_t i = 0; i < nargs; i++) {
        gp_object_t *x;
        if (int_arg(args[i], &x) < 0) {
            GP_DECREF(result);
            return NULL;
        }
        gp_object_t *g = int_gcd(result, x);
        GP_DECREF(x);
        GP_DECREF(result);
        if (!g)
            return NULL;
        result = g;
    }
    return result;
}

static gp_object_t *math_lcm(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (no_keywords("lcm", kwnames) < 0)
        return NULL;
    gp_object_t *result = GP_SMALL_NEW(1);
    for (size_t i = 0; i < nargs; i++) {
        gp_object_t *x;
        if (int_arg(args[i], &x) < 0) {
            GP_DECREF(result);
            return NULL;
        }
        gp_object_t *r = NULL;
        if (gp_int_sign(x) == 0 || gp_int_sign(result) == 0) {
            r = GP_SMALL_NEW(0);
        } else {
            gp_object_t *g = int_gcd(result, x), *q = NULL;
            if (g && gp_int_divmod(result, g, &q, NULL) == 0) {
                gp_object_t *m = gp_int_mul(q, x);
                if (m) {
                    r = gp_int_abs(m);
                    GP_DECREF(m);
                }
                GP_DECREF(q);
            }
            GP_XDECREF(g);
        }
        GP_DECREF(x);
        GP_DECREF(result);
        if (!r)
            return NULL;
        result = r;
    }
    return result;
}

static gp_object_t *math_isqrt(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (one_arg("isqrt", nargs, kwnames) < 0)
        return NULL;
    gp_object_t *n;
    if (int_arg(args[0], &n) < 0)
        return NULL;
    if (gp_int_sign(n) < 0) {
        GP_DECREF(n);
        gp_err_set_string(&gp_exc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    if (gp_int_sign(n) == 0) {
        GP_DECREF(n);
        return GP_SMALL_NEW(0);
    }
    if (GP_IS_SMALL(n) && GP_SMALL_VALUE(n) < ((intptr_t)1 << 52)) {
        intptr_t v = GP_SMALL_VALUE(n);
        intptr_t r = (intptr_t)sqrt((double)v);
        while (r * r > v)
            r--;
        while ((r + 1) * (r + 1) <= v)
            r++;
        return GP_SMALL_NEW(r);
    }
    /* CPython's Newton iteration: a doubles its correct bits each step. */
    uint64_t c = (gp_int_bit_length(n) - 1) / 2;
    int cbits = 64 - __builtin_clzll(c | 1);
    gp_object_t *a = GP_SMALL_NEW(1);
    uint64_t d = 0;
    for (int s = cbits - 1; s >= 0; s--) {
        uint64_t e = d;
        d = c >> s;
        gp_object_t *t1 = gp_int_lshift_by(a, d - e - 1);
        gp_object_t *t2 = gp_int_rshift_by(n, 2 * c - e - d + 1);
        gp_object_t *q = NULL;
        if (t1 && t2 && gp_int_divmod(t2, a, &q, NULL) == 0) {
            GP_DECREF(a);
            a = gp_int_add(t1, q);
            GP_DECREF(q);
        } else {
            GP_DECREF(a);
            a = NULL;
        }
        GP_XDECREF(t1);
        GP_XDECREF(t2);
        if (!a) {
            GP_DECREF(n);
            return NULL;
        }
    }
    gp_object_t *sq = gp_int_mul(a, a);
    if (!sq) {
        GP_DECREF(a);
        a = NULL;
    } else if (gp_int_compare(sq, n) > 0) {
        GP_SETREF(a, gp_int_sub(a, GP_SMALL_NEW(1)));
    }
    GP_XDECREF(sq);
    GP_DECREF(n);
    return a;
}

/* n! / (n-k)!, the number of k-permutations, for 0 <= k <= n < 2**63. */
static gp_object_t *perm_values(uint64_t n, uint64_t k)
{
    if (k == 0)
        return GP_SMALL_NEW(1);
    return range_product(n - k + 1, n);
}

/* n * (n-1) * ... * (n-k+1) for an [n] of any size and a small [k]; with
   [binomial] each step also divides by the step number, which keeps the
   division exact and gives comb(n, k). */
static gp_object_t *falling_product(gp_object_t *n, int64_t k, bool binomial)
{
    gp_object_t *r = GP_SMALL_NEW(1);
    for (int64_t i = 0; i < k && r; i++) {
        gp_object_t *step = gp_int_from_i64(i);
        gp_object_t *factor = step ? gp_int_sub(n, step) : NULL;
        GP_XDECREF(step);
        gp_object_t *t = factor ? gp_int_mul(r, factor) : NULL;
        GP_XDECREF(factor);
        GP_DECREF(r);
        r = t;
        if (!r || !binomial)
            continue;
        gp_object_t *div = gp_int_from_i64(i + 1);
        gp_object_t *q = NULL;
        if (div)
            gp_int_divmod(r, div, &q, NULL);
        GP_XDECREF(div);
        GP_DECREF(r);
        r = q;
    }
    return r;
}

static int comb_perm_args(const char *name, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames, bool k_optional, gp_object_t **pn, gp_object_t **pk)
{
    if (no_keywords(name, kwnames) < 0)
        return -1;
    if (nargs < (k_optional ? 1u : 2u) || nargs > 2) {
        if (k_optional)
            gp_err_format(&gp_exc_TypeError, "%s expected at most 2 arguments, got %zu", name,
                          nargs);
        else
            gp_err_format(&gp_exc_TypeError, "%s expected 2 arguments, got %zu", name, nargs);
        return -1;
    }
    if (int_arg(args[0], pn) < 0)
        return -1;
    *pk = NULL;
    if (nargs == 2 && args[1] != gp_None && int_arg(args[1], pk) < 0) {
        GP_DECREF(*pn);
        return -1;
    }
    if (gp_int_sign(*pn) < 0) {
        gp_err_set_string(&gp_exc_ValueError, "n must be a non-negative integer");
        goto fail;
    }
    if (*pk && gp_int_sign(*pk) < 0) {
        gp_err_set_string(&gp_exc_ValueError, "k must be a non-negative integer");
        goto fail;
    }
    return 0;
fail:
    GP_DECREF(*pn);
    GP_XDECREF(*pk);
    return -1;
}

static gp_object_t *math_perm(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_object_t *n, *k;
    if (comb_perm_args("perm", args, nargs, kwnames, true, &n, &k) < 0)
        return NULL;
    int o1, o2 = 0;
    int64_t nv = gp_int_as_i64_overflow(n, &o1);
    int64_t kv = k ? gp_int_as_i64_overflow(k, &o2) : nv;
    gp_object_t *r;
    if (k && gp_int_compare(k, n) > 0) {
        r = GP_SMALL_NEW(0);
    } else if (!o1) {
        /* n fits in 64 bits, and k <= n then fits too. */
        r = perm_values((uint64_t)nv, (uint64_t)kv);
    } else if (!k) {
        gp_err_set_string(&gp_exc_OverflowError,
                          "factorial() argument should not exceed 9223372036854775807");
        r = NULL;
    } else if (o2) {
        gp_err_set_string(&gp_exc_OverflowError, "k must not exceed 9223372036854775807");
        r = NULL;
    } else {
        r = falling_product(n, kv, false);
    }
    GP_DECREF(n);
    GP_XDECREF(k);
    return r;
}

static gp_object_t *math_comb(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_object_t *n, *k;
    if (comb_perm_args("comb", args, nargs, kwnames, false, &n, &k) < 0)
        return NULL;
    if (gp_int_compare(k, n) > 0) {
        GP_DECREF(n);
        GP_DECREF(k);
        return GP_SMALL_NEW(0);
    }
    int o1, o2;
    int64_t nv = gp_int_as_i64_overflow(n, &o1);
    if (o1) {
        /* A huge n: only min(k, n - k) factors are needed. */
        gp_object_t *rest = gp_int_sub(n, k);
        if (!rest) {
            GP_DECREF(n);
            GP_DECREF(k);
            return NULL;
        }
        if (gp_int_compare(rest, k) < 0)
            GP_SETREF(k, rest);
        else
            GP_DECREF(rest);
        int64_t small = gp_int_as_i64_overflow(k, &o2);
        gp_object_t *r = NULL;
        if (o2)
            gp_err_set_string(&gp_exc_OverflowError,
                              "min(n - k, k) must not exceed 9223372036854775807");
        else
            r = falling_product(n, small, true);
        GP_DECREF(n);
        GP_DECREF(k);
        return r;
    }
    int64_t kv = gp_int_as_i64_overflow(k, &o2);
    GP_DECREF(n);
    GP_DECREF(k);
    if (kv > nv - kv)
        kv = nv - kv;
    if (kv < 30) {
        /* Small k: exact step-by-step, each division is exact. */
        gp_object_t *r = GP_SMALL_NEW(1);
        for (int64_t i = 1; i <= kv; i++) {
            gp_object_t *f = gp_int_from_i64(nv - kv + i);
            gp_object_t *t = f ? gp_int_mul(r, f) : NULL;
            GP_XDECREF(f);
            GP_DECREF(r);
            if (!t)
                return NULL;
            r = NULL;
            int rc = gp_int_divmod(t, GP_SMALL_NEW(i), &r, NULL);
            GP_DECREF(t);
            if (rc < 0)
                return NULL;
        }
        return r;
    }
    gp_object_t *num = perm_values((uint64_t)nv, (uint64_t)kv);
    if (!num)
        return NULL;
    gp_object_t *den = range_product(1, (uint64_t)kv);
    gp_object_t *q = NULL;
    if (den)
        gp_int_divmod(num, den, &q, NULL);
    GP_DECREF(num);
    GP_XDECREF(den);
    return q;
}

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

static const gp_method_def_t math_functions[] = {
    {"sqrt", math_sqrt, GP_METH_KEYWORDS, "Return the square root of x."},
    {"exp", math_exp, GP_METH_KEYWORDS, "Return e raised to the power of x."},
    {"exp2", math_exp2, GP_METH_KEYWORDS, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, GP_METH_KEYWORDS, "Return exp(x)-1."},
    {"log", math_log, GP_METH_KEYWORDS, "log(x, [base=math.e])"},
    {"log2", math_log2, GP_METH_KEYWORDS, "Return the base 2 logarithm of x."},
    {"log10", math_log10, GP_METH_KEYWORDS, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, GP_METH_KEYWORDS, "Return the natural logarithm of 1+x (base e)."},
    {"pow", math_pow, GP_METH_KEYWORDS, "Return x**y (x to the power of y)."},
    {"sin", math_sin, GP_METH_KEYWORDS, "Return the sine of x (measured in radians)."},
    {"cos", math_cos, GP_METH_KEYWORDS, "Return the cosine of x (measured in radians)."},
    {"tan", math_tan, GP_METH_KEYWORDS, "Return the tangent of x (measured in radians)."},
    {"asin", math_asin, GP_METH_KEYWORDS, "Return the arc sine (measured in radians) of x."},
    {"acos", math_acos, GP_METH_KEYWORDS, "Return the arc cosine (measured in radians) of x."},
    {"atan", math_atan, GP_METH_KEYWORDS, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, GP_METH_KEYWORDS, "Return the arc tangent of y/x, in radians."},
    {"sinh", math_sinh, GP_METH_KEYWORDS, "Return the hyperbolic sine of x."},
    {"cosh", math_cosh, GP_METH_KEYWORDS, "Return the hyperbolic cosine of x."},
    {"tanh", math_tanh, GP_METH_KEYWORDS, "Return the hyperbolic tangent of x."},
    {"asinh", math_asinh, GP_METH_KEYWORDS, "Return the inverse hyperbolic sine of x."},
    {"acosh", math_acosh, GP_METH_KEYWORDS, "Return the inverse hyperbolic cosine of x."},
    {"atanh", math_atanh, GP_METH_KEYWORDS, "Return the inverse hyperbolic tangent of x."},
    {"fabs", math_fabs, GP_METH_KEYWORDS, "Return the absolute value of the float x."},
    {"cbrt", math_cbrt, GP_METH_KEYWORDS, "Return the cube root of x."},
    {"erf", math_erf, GP_METH_KEYWORDS, "Error function at x."},
    {"erfc", math_erfc, GP_METH_KEYWORDS, "Complementary error function at x."},
    {"gamma", math_gamma, GP_METH_KEYWORDS, "Gamma function at x."},
    {"lgamma", math_lgamma, GP_METH_KEYWORDS,
     "Natural logarithm of absolute value of Gamma function at x."},
    {"degrees", math_degrees, GP_METH_KEYWORDS, "Convert angle x from radians to degrees."},
    {"radians", math_radians, GP_METH_KEYWORDS, "Convert angle x from degrees to radians."},
    {"floor", math_floor, GP_METH_KEYWORDS, "Return the floor of x as an Integral."},
    {"ceil", math_ceil, GP_METH_KEYWORDS, "Return the ceiling of x as an Integral."},
    {"trunc", math_trunc, GP_METH_KEYWORDS,
     "Truncates the Real x to the nearest Integral toward 0."},
    {"fmod", math_fmod, GP_METH_KEYWORDS, "Return fmod(x, y), according to platform C."},
    {"remainder", math_remainder, GP_METH_KEYWORDS,
     "Difference between x and the closest integer multiple of y."},
    {"modf", math_modf, GP_METH_KEYWORDS, "Return the fractional and integer parts of x."},
    {"frexp", math_frexp, GP_METH_KEYWORDS,
     "Return the mantissa and exponent of x, as pair (m, e)."},
    {"ldexp", math_ldexp, GP_METH_KEYWORDS, "Return x * (2**i)."},
    {"copysign", math_copysign, GP_METH_KEYWORDS,
     "Return a float with the magnitude of x but the sign of y."},
    {"nextafter", math_nextafter, GP_METH_KEYWORDS,
     "Return the next floating-point value after x towards y."},
    {"ulp", math_ulp, GP_METH_KEYWORDS,
     "Return the value of the least significant bit of the float x."},
    {"hypot", math_hypot, GP_METH_KEYWORDS,
     "Multidimensional Euclidean distance from the origin to a point."},
    {"dist", math_dist, GP_METH_KEYWORDS,
     "Return the Euclidean distance between two points p and q."},
    {"isnan", math_isnan, GP_METH_KEYWORDS,
     "Return True if x is a NaN (not a number), and False otherwise."},
    {"isinf", math_isinf, GP_METH_KEYWORDS,
     "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isfinite", math_isfinite, GP_METH_KEYWORDS,
     "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isclose", math_isclose, GP_METH_KEYWORDS,
     "Determine whether two floating point numbers are close in value."},
    {"fsum", math_fsum, GP_METH_KEYWORDS,
     "Return an accurate floating point sum of values in the iterable seq."},
    {"prod", math_prod, GP_METH_KEYWORDS,
     "Calculate the product of all the elements in the input iterable."},
    {"factorial", math_factorial, GP_METH_KEYWORDS, "Find n!."},
    {"gcd", math_gcd, GP_METH_KEYWORDS, "Greatest Common Divisor."},
    {"lcm", math_lcm, GP_METH_KEYWORDS, "Least Common Multiple."},
    {"isqrt", math_isqrt, GP_METH_KEYWORDS,
     "Return the integer part of the square root of the input."},
    {"comb", math_comb, GP_METH_KEYWORDS,
     "Number of ways to choose k items from n items without repetition and without order."},
    {"perm", math_perm, GP_METH_KEYWORDS,
     "Number of ways to choose k items from n items without repetition and with order."},
    {NULL, NULL, 0, NULL},
};

static int add_float(gp_object_t *m, const char *name, double v)
{
    gp_object_t *f = gp_float_new(v);
    if (!f)
        return -1;
    int rc = gp_module_add_object(m, name, f);
    GP_DECREF(f);
    return rc;
}

gp_object_t *gp_math_module_create(void)
{
    gp_object_t *m = gp_module_new("math");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, math_functions) < 0 || add_float(m, "pi", M_PI) < 0 ||
        add_float(m, "e", M_E) < 0 || add_float(m, "tau", 2.0 * M_PI) < 0 ||
        add_float(m, "inf", INFINITY) < 0 || add_float(m, "nan", NAN) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
