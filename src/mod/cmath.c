/*
 * cmath.c - the `cmath` module: mathematical functions of complex numbers.
 *
 * Design notes
 * ------------
 * The functions are C99's <complex.h> ones (glibc implements Annex G, which
 * fixes the branch cuts, the signs of zeros and the values at infinities and
 * NaNs the way CPython's own cmath tables do). What this file adds is
 * CPython's argument conversion and its error rules, decided from the
 * inputs and the result rather than from errno, which C99 leaves unset for
 * complex functions:
 *
 *   - a NaN in the result from inputs without NaN: ValueError("math domain
 *     error") (acos(inf+nanj) is not an error: the input had a NaN);
 *   - an infinity in the result from finite inputs: OverflowError("math
 *     range error") for the functions that grow (exp, cosh, sinh), and
 *     ValueError("math domain error") for the poles (log(0), atanh(+-1)).
 *
 * Arguments are converted as CPython's PyComplex_AsCComplex: a complex, an
 * object with __complex__, or anything float() accepts.
 */
#include <complex.h>
#include <math.h>

#include "obj/object.h"
#include "runtime/runtime.h"

/* glibc defines CMPLX only for compilers that call themselves GCC 4.7 or
   later, which clang does not (scripts/fuzz.sh builds with clang). C11
   lays a double complex out as two doubles, so this is exact, infinities
   and NaNs in either part included (re + im * I would not be). */
#ifndef CMPLX
static inline double complex cmath_make(double re, double im)
{
    union {
        double complex z;
        double parts[2];
    } u = {.parts = {re, im}};
    return u.z;
}
#define CMPLX(re, im) cmath_make((re), (im))
#endif

/* The value of a complex argument; -1 with TypeError when there is none. */
static int cmath_arg(gp_object_t *o, double complex *out)
{
    double re, im;
    if (gp_complex_as_doubles(o, &re, &im) < 0)
        return -1;
    *out = CMPLX(re, im);
    return 0;
}

static bool has_nan(double complex z)
{
    return isnan(creal(z)) || isnan(cimag(z));
}

static bool has_inf(double complex z)
{
    return isinf(creal(z)) || isinf(cimag(z));
}

static bool all_finite(double complex z)
{
    return isfinite(creal(z)) && isfinite(cimag(z));
}

typedef enum { GROWS, POLE, NEVER } cmath_kind_t;

/* The result of f(z) under CPython's error rules (see the notes). */
static gp_object_t *cmath_result(double complex z, double complex r, cmath_kind_t kind)
{
    if (has_nan(r) && !has_nan(z)) {
        gp_err_set_string(&gp_exc_ValueError, "math domain error");
        return NULL;
    }
    if (has_inf(r) && all_finite(z) && kind != NEVER) {
        if (kind == GROWS)
            gp_err_set_string(&gp_exc_OverflowError, "math range error");
        else
            gp_err_set_string(&gp_exc_ValueError, "math domain error");
        return NULL;
    }
    return gp_complex_from_doubles(creal(r), cimag(r));
}

#define CMATH_UNARY(pyname, cfn, kind)                                                             \
    static gp_object_t *cmath_##pyname(gp_object_t *self, gp_object_t *const *args, size_t nargs, \
                                       gp_object_t *kwnames)                                       \
    {                                                                                              \
        (void)self;                                                                                \
        double complex z;                                                                          \
        if (gp_args_check(#pyname, nargs, kwnames, 1, 1) < 0 || cmath_arg(args[0], &z) < 0)     \
            return NULL;                                                                           \
        return cmath_result(z, cfn(z), kind);                                                      \
    }

CMATH_UNARY(exp, cexp, GROWS)
CMATH_UNARY(sqrt, csqrt, NEVER)
CMATH_UNARY(acos, cacos, NEVER)
CMATH_UNARY(asin, casin, NEVER)
CMATH_UNARY(atan, catan, POLE)
CMATH_UNARY(acosh, cacosh, NEVER)
CMATH_UNARY(asinh, casinh, NEVER)
CMATH_UNARY(atanh, catanh, POLE)
CMATH_UNARY(cos, ccos, GROWS)
CMATH_UNARY(sin, csin, GROWS)
CMATH_UNARY(tan, ctan, NEVER)
CMATH_UNARY(cosh, ccosh, GROWS)
CMATH_UNARY(sinh, csinh, GROWS)
CMATH_UNARY(tanh, ctanh, NEVER)

static double complex cmath_clog10(double complex z)
{
    double complex r = clog(z);
    return CMPLX(creal(r) / M_LN10, cimag(r) / M_LN10);
}

CMATH_UNARY(log10, cmath_clog10, POLE)

/* log(x[, base]) = log(x) / log(base), each with the pole rule. */
static gp_object_t *cmath_log(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    (void)self;
    double complex z, base;
    if (gp_args_check("log", nargs, kwnames, 1, 2) < 0 || cmath_arg(args[0], &z) < 0)
        return NULL;
    double complex r = clog(z);
    gp_object_t *check = cmath_result(z, r, POLE);
    if (!check || nargs == 1)
        return check;
    GP_DECREF(check);
    if (cmath_arg(args[1], &base) < 0)
        return NULL;
    double complex lb = clog(base);
    check = cmath_result(base, lb, POLE);
    if (!check)
        return NULL;
    GP_DECREF(check);
    if (creal(lb) == 0.0 && cimag(lb) == 0.0) {
        gp_err_set_string(&gp_exc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return cmath_result(z, r / lb, NEVER);
}

static gp_object_t *cmath_phase(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    (void)self;
    double complex z;
    if (gp_args_check("phase", nargs, kwnames, 1, 1) < 0 || cmath_arg(args[0], &z) < 0)
        return NULL;
    return gp_float_new(carg(z));
}

static gp_object_t *cmath_polar(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    (void)self;
    double complex z;
    if (gp_args_check("polar", nargs, kwnames, 1, 1) < 0 || cmath_arg(args[0], &z) < 0)
        return NULL;
    double r = cabs(z);
    if (isinf(r) && all_finite(z)) {
        gp_err_set_string(&gp_exc_OverflowError, "math range error");
        return NULL;
    }
    gp_object_t *a = gp_float_new(r), *b = gp_float_new(carg(z));
    gp_object_t *t = a && b ? gp_tuple_pack(2, a, b) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    return t;
}

static int real_arg(gp_object_t *o, double *out)
{
    double d = gp_float_as_double(o);
    if (d == -1.0 && gp_err_occurred())
        return -1;
    *out = d;
    return 0;
}

static gp_object_t *cmath_rect(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    (void)self;
    double r, phi;
    if (gp_args_check("rect", nargs, kwnames, 2, 2) < 0 || real_arg(args[0], &r) < 0 ||
        real_arg(args[1], &phi) < 0)
        return NULL;
    if (isinf(r) && isfinite(phi) && phi != 0.0) {
        /* An infinite modulus keeps the signs of cos and sin. */
        return gp_complex_from_doubles(r > 0 ? copysign(INFINITY, cos(phi))
                                             : -copysign(INFINITY, cos(phi)),
                                       r > 0 ? copysign(INFINITY, sin(phi))
                                             : -copysign(INFINITY, sin(phi)));
    }
    if (!isnan(r) && !isinf(r) && isinf(phi)) {
        gp_err_set_string(&gp_exc_ValueError, "math domain error");
        return NULL;
    }
    if (phi == 0.0)
        return gp_complex_from_doubles(r, isnan(r) ? 0.0 : r * phi);
    return gp_complex_from_doubles(r * cos(phi), r * sin(phi));
}

#define CMATH_PREDICATE(pyname, test)                                                              \
    static gp_object_t *cmath_##pyname(gp_object_t *self, gp_object_t *const *args, size_t nargs, \
                                       gp_object_t *kwnames)                                       \
    {                                                                                              \
        (void)self;                                                                                \
        double complex z;                                                                          \
        if (gp_args_check(#pyname, nargs, kwnames, 1, 1) < 0 || cmath_arg(args[0], &z) < 0)     \
            return NULL;                                                                           \
        return gp_bool_from(test(z));                                                              \
    }

CMATH_PREDICATE(isfinite, all_finite)
CMATH_PREDICATE(isinf, has_inf)
CMATH_PREDICATE(isnan, has_nan)

static gp_object_t *cmath_isclose(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    (void)self;
    static const char *const names[] = {"/a", "/b", "$rel_tol", "$abs_tol", NULL};
    gp_object_t *argv[4] = {NULL};
    if (gp_args_parse("isclose", args, nargs, kwnames, names, 2, argv) < 0)
        return NULL;
    double complex a, b;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (cmath_arg(argv[0], &a) < 0 || cmath_arg(argv[1], &b) < 0 ||
        (argv[2] && real_arg(argv[2], &rel_tol) < 0) || (argv[3] && real_arg(argv[3], &abs_tol) < 0))
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        gp_err_set_string(&gp_exc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (creal(a) == creal(b) && cimag(a) == cimag(b))
        return gp_bool_from(true);
    if (has_inf(a) || has_inf(b))
        return gp_bool_from(false);
    double diff = cabs(b - a);
    return gp_bool_from(diff <= rel_tol * cabs(b) || diff <= rel_tol * cabs(a) || diff <= abs_tol);
}

static const gp_method_def_t cmath_functions[] = {
    {"exp", cmath_exp, 0, NULL},         {"log", cmath_log, 0, NULL},
    {"log10", cmath_log10, 0, NULL},     {"sqrt", cmath_sqrt, 0, NULL},
    {"acos", cmath_acos, 0, NULL},       {"asin", cmath_asin, 0, NULL},
    {"atan", cmath_atan, 0, NULL},       {"acosh", cmath_acosh, 0, NULL},
    {"asinh", cmath_asinh, 0, NULL},     {"atanh", cmath_atanh, 0, NULL},
    {"cos", cmath_cos, 0, NULL},         {"sin", cmath_sin, 0, NULL},
    {"tan", cmath_tan, 0, NULL},         {"cosh", cmath_cosh, 0, NULL},
    {"sinh", cmath_sinh, 0, NULL},       {"tanh", cmath_tanh, 0, NULL},
    {"phase", cmath_phase, 0, NULL},     {"polar", cmath_polar, 0, NULL},
    {"rect", cmath_rect, 0, NULL},       {"isfinite", cmath_isfinite, 0, NULL},
    {"isinf", cmath_isinf, 0, NULL},     {"isnan", cmath_isnan, 0, NULL},
    {"isclose", cmath_isclose, GP_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static int cmath_add_float(gp_object_t *m, const char *name, double v)
{
    gp_object_t *f = gp_float_new(v);
    int rc = f ? gp_module_add_object(m, name, f) : -1;
    GP_XDECREF(f);
    return rc;
}

static int cmath_add_complex(gp_object_t *m, const char *name, double re, double im)
{
    gp_object_t *c = gp_complex_from_doubles(re, im);
    int rc = c ? gp_module_add_object(m, name, c) : -1;
    GP_XDECREF(c);
    return rc;
}

gp_object_t *gp_cmath_module_create(void)
{
    gp_object_t *m = gp_module_new("cmath");
    if (m && (gp_module_add_functions(m, cmath_functions) < 0 ||
              cmath_add_float(m, "pi", M_PI) < 0 || cmath_add_float(m, "e", M_E) < 0 ||
              cmath_add_float(m, "tau", 2 * M_PI) < 0 || cmath_add_float(m, "inf", INFINITY) < 0 ||
              cmath_add_float(m, "nan", NAN) < 0 ||
              cmath_add_complex(m, "infj", 0.0, INFINITY) < 0 ||
              cmath_add_complex(m, "nanj", 0.0, NAN) < 0))
        GP_CLEAR(m);
    return m;
}
