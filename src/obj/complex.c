/*
 * complex.c - the complex number type.
 *
 * Design notes
 * ------------
 * A complex is two doubles. Arithmetic follows CPython's complexobject.c in
 * behaviour: ints and floats mix in as complex numbers with a zero
 * imaginary part, division by zero raises ZeroDivisionError, and repr drops
 * the real part when it is +0.0 ("1j", "(1+2j)", "(-0-1j)"). Parts are
 * printed with float's shortest repr, so round-trips are exact.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj/int.h"
#include "obj/object.h"
#include "obj/str.h"

typedef struct gp_complex {
    gp_object_t base;
    double real, imag;
} gp_complex_t;

static gp_object_t *complex_from(gp_type_t *type, double real, double imag)
{
    gp_complex_t *c = (gp_complex_t *)gp_object_alloc(type, 0);
    if (!c)
        return NULL;
    c->real = real;
    c->imag = imag;
    return &c->base;
}

static gp_object_t *complex_new_value(double real, double imag)
{
    return complex_from(&gp_complex_type, real, imag);
}

static bool complex_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && gp_type_is_subtype(GP_TYPE(o), &gp_complex_type);
}

/* Converts an operand to (real, imag): 1 on success, 0 when the type does
   not mix with complex, -1 on error. */
static int complex_operand(gp_object_t *o, double *real, double *imag)
{
    if (complex_check(o)) {
        *real = ((gp_complex_t *)o)->real;
        *imag = ((gp_complex_t *)o)->imag;
        return 1;
    }
    if (gp_int_check(o)) {
        double d = gp_int_as_double(o);
        if (d == -1.0 && gp_err_occurred())
            return -1;
        *real = d;
        *imag = 0.0;
        return 1;
    }
    if (gp_float_check(o)) {
        *real = gp_float_value(o);
        *imag = 0.0;
        return 1;
    }
    return 0;
}

/* x ** n for a small natural n, by squaring: exact where the products
   are, as CPython's (so (1+1j) ** 2 is 2j, not a cos/sin rounding). */
static void complex_pow_natural(double xr, double xi, long n, double *rr, double *ri)
{
    double r_re = 1.0, r_im = 0.0, p_re = xr, p_im = xi;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            double t = r_re * p_re - r_im * p_im;
            r_im = r_re * p_im + r_im * p_re;
            r_re = t;
        }
        double t = p_re * p_re - p_im * p_im;
        p_im = 2.0 * p_re * p_im;
        p_re = t;
    }
    *rr = r_re;
    *ri = r_im;
}

static gp_object_t *complex_pow_values(double ar, double ai, double br, double bi)
{
    /* An integral exponent up to 100 in size multiplies, as CPython. */
    if (bi == 0.0 && br == floor(br) && fabs(br) <= 100.0) {
        long n = (long)br;
        double pr, pi;
        complex_pow_natural(ar, ai, n < 0 ? -n : n, &pr, &pi);
        if (n < 0) {
            if (pr == 0.0 && pi == 0.0) {
                gp_err_set_string(&gp_exc_ZeroDivisionError,
                                  "0.0 to a negative or complex power");
                return NULL;
            }
            /* 1 / p, with the same division as the / operator. */
            double qr, qi;
            if (fabs(pr) >= fabs(pi)) {
                double ratio = pi / pr, denom = pr + pi * ratio;
                qr = 1.0 / denom;
                qi = -ratio / denom;
            } else {
                double ratio = pr / pi, denom = pr * ratio + pi;
                qr = ratio / denom;
                qi = -1.0 / denom;
            }
            pr = qr;
            pi = qi;
        }
        if (isinf(pr) || isinf(pi)) {
            gp_err_set_string(&gp_exc_OverflowError, "complex exponentiation");
            return NULL;
        }
        return complex_new_value(pr, pi);
    }
    if (br == 0.0 && bi == 0.0)
        return complex_new_value(1.0, 0.0);
    if (ar == 0.0 && ai == 0.0) {
        if (bi != 0.0 || br < 0.0) {
            gp_err_set_string(&gp_exc_ZeroDivisionError,
                              "0.0 to a negative or complex power");
            return NULL;
        }
        return complex_new_value(0.0, 0.0);
    }
    double vabs = hypot(ar, ai);
    double len = pow(vabs, br);
    double at = atan2(ai, ar);
    double phase = at * br;
    if (bi != 0.0) {
        len /= exp(at * bi);
        phase += bi * log(vabs);
    }
    if (isinf(len) || isnan(len)) {
        gp_err_set_string(&gp_exc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return complex_new_value(len * cos(phase), len * sin(phase));
}

static gp_object_t *complex_binop(gp_object_t *a, gp_object_t *b, int op)
{
    double ar, ai, br, bi;
    int ra = complex_operand(a, &ar, &ai);
    if (ra < 0)
        return NULL;
    int rb = ra ? complex_operand(b, &br, &bi) : 0;
    if (rb < 0)
        return NULL;
    if (!ra || !rb)
        return GP_INCREF(gp_NotImplemented);
    switch (op & ~GP_BINOP_INPLACE) {
    case GP_BINOP_ADD:
        return complex_new_value(ar + br, ai + bi);
    case GP_BINOP_SUB:
        return complex_new_value(ar - br, ai - bi);
    case GP_BINOP_MUL:
        return complex_new_value(ar * br - ai * bi, ar * bi + ai * br);
    case GP_BINOP_TRUEDIV: {
        /* Smith's algorithm keeps intermediate values in range. */
        double abs_br = fabs(br), abs_bi = fabs(bi);
        if (br == 0.0 && bi == 0.0) {
            gp_err_set_string(&gp_exc_ZeroDivisionError, "complex division by zero");
            return NULL;
        }
        if (abs_br >= abs_bi) {
            double ratio = bi / br, denom = br + bi * ratio;
            return complex_new_value((ar + ai * ratio) / denom, (ai - ar * ratio) / denom);
        }
        double ratio = br / bi, denom = br * ratio + bi;
        return complex_new_value((ar * ratio + ai) / denom, (ai * ratio - ar) / denom);
    }
    case GP_BINOP_POW:
        return complex_pow_values(ar, ai, br, bi);
    default:
        return GP_INCREF(gp_NotImplemented);
    }
}

static gp_object_t *complex_pow3(gp_object_t *a, gp_object_t *b, gp_object_t *mod)
{
    if (mod != gp_None) {
        gp_err_set_string(&gp_exc_ValueError, "complex modulo");
        return NULL;
    }
    return complex_binop(a, b, GP_BINOP_POW);
}

static gp_object_t *complex_unop(gp_object_t *a, gp_unop_t op)
{
    gp_complex_t *c = (gp_complex_t *)a;
    switch (op) {
    case GP_UNOP_NEG:
        return complex_new_value(-c->real, -c->imag);
    case GP_UNOP_POS:
        return complex_new_value(c->real, c->imag);
    case GP_UNOP_ABS: {
        double r = hypot(c->real, c->imag);
        if (isinf(r) && isfinite(c->real) && isfinite(c->imag)) {
            gp_err_set_string(&gp_exc_OverflowError, "absolute value too large");
            return NULL;
        }
        return gp_float_new(r);
    }
    default:
        return GP_INCREF(gp_NotImplemented);
    }
}

static int complex_to_bool(gp_object_t *self)
{
    gp_complex_t *c = (gp_complex_t *)self;
    return c->real != 0.0 || c->imag != 0.0;
}

static gp_object_t *complex_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (op != GP_CMP_EQ && op != GP_CMP_NE)
        return GP_INCREF(gp_NotImplemented);
    /* Against an int, the real part is compared exactly (through float's
       own int comparison) rather than converting the int, which may be
       too large for a double and is then simply unequal. */
    gp_object_t *num = GP_IS_PTR(a) && GP_TYPE(a) == &gp_complex_type ? b : a;
    gp_object_t *cpx = num == b ? a : b;
    if (gp_int_check(num) && gp_type_is_subtype(GP_TYPE(cpx), &gp_complex_type)) {
        gp_complex_t *c = (gp_complex_t *)cpx;
        if (c->imag != 0.0)
            return gp_bool_from(op == GP_CMP_NE);
        gp_object_t *real = gp_float_new(c->real);
        if (!real)
            return NULL;
        gp_object_t *res = gp_object_richcompare(real, num, op);
        GP_DECREF(real);
        return res;
    }
    double ar, ai, br, bi;
    int ra = complex_operand(a, &ar, &ai), rb = ra > 0 ? complex_operand(b, &br, &bi) : 0;
    if (ra < 0 || rb < 0)
        return NULL;
    if (!ra || !rb)
        return GP_INCREF(gp_NotImplemented);
    bool equal = ar == br && ai == bi;
    return gp_bool_from(op == GP_CMP_EQ ? equal : !equal);
}

static intptr_t complex_hash(gp_object_t *self)
{
    gp_complex_t *c = (gp_complex_t *)self;
    /* CPython: hash(real) + 1000003 * hash(imag), as in its hash_imag rule. */
    uintptr_t hr = (uintptr_t)gp_float_hash_of(c->real);
    uintptr_t hi = (uintptr_t)gp_float_hash_of(c->imag);
    intptr_t h = (intptr_t)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

/* Appends float repr text of [v] without a trailing ".0" for integral values. */
static void complex_append_part(gp_strbuf_t *b, double v)
{
    gp_object_t *text = gp_float_repr_of(v);
    if (!text) {
        b->failed = true;
        return;
    }
    const char *s = gp_str_utf8(text);
    size_t n = gp_str_utf8_len(text);
    if (n > 2 && strcmp(s + n - 2, ".0") == 0)
        n -= 2;
    gp_strbuf_append(b, s, n);
    GP_DECREF(text);
}

static gp_object_t *complex_repr(gp_object_t *self)
{
    gp_complex_t *c = (gp_complex_t *)self;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (c->real == 0.0 && copysign(1.0, c->real) == 1.0) {
        complex_append_part(&b, c->imag);
        gp_strbuf_append_char(&b, 'j');
        return gp_strbuf_finish(&b);
    }
    gp_strbuf_append_char(&b, '(');
    complex_append_part(&b, c->real);
    /* -0.0 carries its own sign ("-0j"); NaN prints "+nanj" whatever its
       sign bit. */
    if (!signbit(c->imag) || isnan(c->imag))
        gp_strbuf_append_char(&b, '+');
    complex_append_part(&b, c->imag);
    gp_strbuf_append_cstr(&b, "j)");
    return gp_strbuf_finish(&b);
}

/* ------------------------------------------------------------------ */
/* complex("1+2j")                                                      */
/* ------------------------------------------------------------------ */

static bool text_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Copies a run of digits starting at [p] into [*out], dropping single
   underscores between digits as Python's number grammar allows. Returns
   the end of the run, or NULL when an underscore is misplaced. */
static const char *text_copy_digits(const char *p, const char *end, char **out, int *count)
{
    *count = 0;
    while (p < end) {
        if (*p >= '0' && *p <= '9') {
            *(*out)++ = *p++;
            (*count)++;
        } else if (*p == '_' && *count && p + 1 < end && p[1] >= '0' && p[1] <= '9') {
            p++;
        } else {
            break;
        }
    }
    return p;
}

static bool text_word(const char *p, const char *end, const char *word, size_t n)
{
    if ((size_t)(end - p) < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != word[i])
            return false;
    return true;
}

/* Scans one signed float at [p] (digits, "inf", "infinity" or "nan").
   Returns the end of the number, or NULL when there is none there.
   [buf] has room for the whole text. */
static const char *text_scan_float(const char *p, const char *end, char *buf, double *value)
{
    char *o = buf;
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        p++;
    }
    if (text_word(p, end, "infinity", 8) || text_word(p, end, "inf", 3)) {
        *value = negative ? -HUGE_VAL : HUGE_VAL;
        return p + (text_word(p, end, "infinity", 8) ? 8 : 3);
    }
    if (text_word(p, end, "nan", 3)) {
        *value = negative ? -NAN : NAN;
        return p + 3;
    }
    if (negative)
        *o++ = '-';
    int int_digits, frac_digits = 0, exp_digits;
    p = text_copy_digits(p, end, &o, &int_digits);
    if (p && p < end && *p == '.') {
        *o++ = *p++;
        p = text_copy_digits(p, end, &o, &frac_digits);
    }
    if (!p || int_digits + frac_digits == 0)
        return NULL;
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *mark = p;
        char *omark = o;
        *o++ = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            *o++ = *p++;
        p = text_copy_digits(p, end, &o, &exp_digits);
        if (!p || exp_digits == 0) {
            p = mark;
            o = omark;
        }
    }
    *o = '\0';
    *value = strtod(buf, NULL);
    return p;
}

/* Parses CPython's complex literal grammar: optional parentheses around
   "real", "imagj", "real+imagj" or "real-j" (a lone sign means 1). */
static bool complex_parse_text(const char *s, size_t len, char *buf, double *real, double *imag)
{
    const char *p = s, *end = s + len;
    while (p < end && text_is_space(*p))
        p++;
    while (end > p && text_is_space(end[-1]))
        end--;
    if (p < end && *p == '(') {
        if (end[-1] != ')' || end - p < 2)
            return false;
        p++;
        end--;
        while (p < end && text_is_space(*p))
            p++;
        while (end > p && text_is_space(end[-1]))
            end--;
    }
    *real = *imag = 0.0;
    double x;
    const char *q = text_scan_float(p, end, buf, &x);
    if (q) {
        p = q;
        if (p < end && (*p == 'j' || *p == 'J')) {
            *imag = x;
            p++;
        } else if (p < end && (*p == '+' || *p == '-')) {
            *real = x;
            double y;
            q = text_scan_float(p, end, buf, &y);
            if (!q) {
                y = *p == '-' ? -1.0 : 1.0;
                q = p + 1;
            }
            p = q;
            if (p >= end || (*p != 'j' && *p != 'J'))
                return false;
            *imag = y;
            p++;
        } else {
            *real = x;
        }
    } else {
        double sign = 1.0;
        if (p < end && (*p == '+' || *p == '-'))
            sign = *p++ == '-' ? -1.0 : 1.0;
        if (p >= end || (*p != 'j' && *p != 'J'))
            return false;
        *imag = sign;
        p++;
    }
    return p == end;
}

static gp_object_t *complex_from_text(gp_type_t *type, gp_object_t *text)
{
    const char *s = gp_str_utf8(text);
    if (!s)
        return NULL;
    size_t len = gp_str_utf8_len(text);
    /* Unicode digits and white space read as their ASCII counterparts. */
    char *ascii = NULL;
    if (!GP_STR_ASCII(text)) {
        ascii = gp_str_numeric_ascii(text, &len);
        if (!ascii)
            return NULL;
        s = ascii;
    }
    char *buf = gp_mem_alloc(len + 2);
    if (!buf) {
        gp_mem_free(ascii);
        return NULL;
    }
    double real, imag;
    bool ok = complex_parse_text(s, len, buf, &real, &imag);
    bool underscore = memchr(s, '_', len) != NULL;
    gp_mem_free(buf);
    gp_mem_free(ascii);
    if (!ok) {
        /* CPython strips underscores in a first pass whose failure reads
           differently. */
        if (underscore)
            gp_err_format(&gp_exc_ValueError, "could not convert string to complex: %R", text);
        else
            gp_err_set_string(&gp_exc_ValueError, "complex() arg is a malformed string");
        return NULL;
    }
    return complex_from(type, real, imag);
}

/* Does [o]'s type define the special method [name]? */
static bool complex_has_special(gp_object_t *o, const char *name)
{
    return gp_type_lookup_cstr(GP_TYPE(o), name) != NULL;
}

/* complex()'s reading of a non-string argument: __complex__ (first
   argument only, as CPython), the value of an int, float or complex, then
   __float__ or __index__. 1 with the parts set, 0 if [o] is no number, -1
   on error. */
static int complex_argument(gp_object_t *o, bool first, double *real, double *imag)
{
    /* __complex__ comes first, so that a subclass of complex (or of float)
       defining it is heard. */
    if (first && GP_TYPE(o) != &gp_complex_type && complex_has_special(o, "__complex__")) {
        gp_object_t *r = gp_object_call_method(o, "__complex__", NULL, 0);
        if (!r)
            return -1;
        if (!complex_check(r)) {
            gp_err_format(&gp_exc_TypeError, "__complex__ returned non-complex (type %T)", r);
            GP_DECREF(r);
            return -1;
        }
        if (GP_TYPE(r) != &gp_complex_type) {
            /* A strict complex subclass is still accepted, with a warning. */
            char message[256];
            snprintf(message, sizeof message,
                     "__complex__ returned non-complex (type %.50s).  The ability to return an "
                     "instance of a strict subclass of complex is deprecated, and may be "
                     "removed in a future version of Python.",
                     gp_type_name(GP_TYPE(r)));
            if (gp_err_warn(&gp_exc_DeprecationWarning, message) < 0) {
                GP_DECREF(r);
                return -1;
            }
        }
        *real = ((gp_complex_t *)r)->real;
        *imag = ((gp_complex_t *)r)->imag;
        GP_DECREF(r);
        return 1;
    }
    int rc = complex_operand(o, real, imag);
    if (rc != 0)
        return rc;
    if (!complex_has_special(o, "__float__") && !complex_has_special(o, "__index__") &&
        !GP_TYPE(o)->to_float && !GP_TYPE(o)->to_index)
        return 0;
    double d = gp_float_as_double(o);
    if (d == -1.0 && gp_err_occurred())
        return -1;
    *real = d;
    *imag = 0.0;
    return 1;
}

gp_object_t *gp_complex_pow_doubles(double ar, double ai, double br, double bi)
{
    return complex_pow_values(ar, ai, br, bi);
}

gp_object_t *gp_complex_from_doubles(double real, double imag)
{
    return complex_new_value(real, imag);
}

int gp_complex_as_doubles(gp_object_t *o, double *real, double *imag)
{
    int rc = complex_argument(o, true, real, imag);
    if (rc == 0) {
        /* Nothing numeric: float()'s own TypeError says what was given. */
        double d = gp_float_as_double(o);
        if (d == -1.0 && gp_err_occurred())
            return -1;
        *real = d;
        *imag = 0.0;
        return 0;
    }
    return rc < 0 ? -1 : 0;
}

static gp_object_t *complex_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"real", "imag", NULL};
    gp_object_t *values[2] = {NULL, NULL};
    if (gp_args_parse("complex", args, nargs, kwnames, names, 0, values) < 0)
        return NULL;
    double real = 0.0, imag = 0.0, r2 = 0.0, i2 = 0.0;
    /* complex(z) of an exact complex is z itself, as in CPython. */
    if (type == &gp_complex_type && values[0] && !values[1] &&
        GP_TYPE(values[0]) == &gp_complex_type)
        return GP_INCREF(values[0]);
    if (values[0] && gp_str_check(values[0])) {
        if (values[1]) {
            gp_err_set_string(&gp_exc_TypeError,
                              "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_from_text(type, values[0]);
    }
    if (values[1] && gp_str_check(values[1])) {
        gp_err_set_string(&gp_exc_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    if (values[0]) {
        int rc = complex_argument(values[0], true, &real, &imag);
        if (rc < 0)
            return NULL;
        if (rc == 0) {
            gp_err_format(&gp_exc_TypeError,
                          "complex() first argument must be a string or a number, not '%T'",
                          values[0]);
            return NULL;
        }
    }
    if (values[1]) {
        int rc = complex_argument(values[1], false, &r2, &i2);
        if (rc < 0)
            return NULL;
        if (rc == 0) {
            gp_err_format(&gp_exc_TypeError,
                          "complex() second argument must be a number, not '%T'", values[1]);
            return NULL;
        }
    }
    /* complex(a, b) == a + b*1j, with both possibly complex; as in CPython
       the parts are only combined when an argument really is complex, so
       that complex(1, -0.0) keeps its negative zero (0.0 + -0.0 is +0.0). */
    if (!values[1])
        return complex_from(type, real, imag);
    bool first_complex = complex_check(values[0] ? values[0] : gp_None) ||
                         (values[0] && complex_has_special(values[0], "__complex__"));
    bool second_complex = complex_check(values[1]);
    return complex_from(type, second_complex ? real - i2 : real,
                        first_complex ? imag + r2 : r2);
}

static gp_object_t *complex_get_real(gp_object_t *self, void *closure)
{
    return gp_float_new(((gp_complex_t *)self)->real);
}

static gp_object_t *complex_get_imag(gp_object_t *self, void *closure)
{
    return gp_float_new(((gp_complex_t *)self)->imag);
}

static gp_object_t *complex_conjugate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("conjugate", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_complex_t *c = (gp_complex_t *)self;
    return complex_new_value(c->real, -c->imag);
}

/* complex.__complex__(): the value as an exact complex (a subclass
   instance is copied down to the base type). */
static gp_object_t *complex_dunder_complex(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__complex__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (GP_TYPE(self) == &gp_complex_type)
        return GP_INCREF(self);
    gp_complex_t *c = (gp_complex_t *)self;
    return complex_new_value(c->real, c->imag);
}

/* The (real, imag) pair pickle passes back to complex(). */
static gp_object_t *complex_getnewargs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("__getnewargs__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_complex_t *c = (gp_complex_t *)self;
    gp_object_t *re = gp_float_new(c->real), *im = gp_float_new(c->imag), *pair = NULL;
    if (re && im)
        pair = gp_tuple_pack(2, re, im);
    GP_XDECREF(re);
    GP_XDECREF(im);
    return pair;
}

/* One part of a formatted complex, appended to [b]. In repr mode
   ([subspec] NULL) it is the shortest repr without a trailing ".0";
   otherwise float's formatting of [subspec]. [sign] is the sign flag the
   part is shown with: '+' forces a sign, ' ' a space for non-negatives. */
static void complex_format_part(gp_strbuf_t *b, double v, char sign, const char *subspec)
{
    gp_object_t *text = subspec ? gp_float_format_double(v, subspec, strlen(subspec))
                                : gp_float_repr_of(v);
    if (!text) {
        b->failed = true;
        return;
    }
    const char *s = gp_str_utf8(text);
    size_t n = gp_str_utf8_len(text);
    if (!subspec) {
        if (n > 2 && strcmp(s + n - 2, ".0") == 0)
            n -= 2;
        if (s[0] != '-' && (sign == '+' || sign == ' '))
            gp_strbuf_append_char(b, sign);
    }
    gp_strbuf_append(b, s, n);
    GP_DECREF(text);
}

/* complex.__format__: both parts are laid out with float's rules and the
   pair is then padded as one field. With no presentation type the parts
   use the shortest repr (or 'g' when a precision is given) and the result
   keeps repr's parentheses unless the real part is +0.0 and is dropped.
   The imaginary part always shows its sign, except when it stands alone. */
static gp_object_t *complex_format_method(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("complex.__format__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "__format__() argument must be str, not %T", args[0]);
        return NULL;
    }
    const char *spec = gp_str_utf8(args[0]);
    size_t spec_len = gp_str_utf8_len(args[0]);
    if (spec_len == 0)
        return gp_object_str(self);
    gp_format_spec_t f;
    if (gp_format_spec_parse(spec, spec_len, "complex", &f) < 0)
        return NULL;
    switch (f.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
        break;
    default:
        gp_err_format(&gp_exc_ValueError, "Unknown format code '%c' for object of type 'complex'",
                      f.type);
        return NULL;
    }
    if (f.zero_pad || f.fill == '0') {
        gp_err_set_string(&gp_exc_ValueError,
                          "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (f.align == '=') {
        gp_err_set_string(&gp_exc_ValueError,
                          "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    gp_complex_t *c = (gp_complex_t *)self;
    bool repr_mode = false, skip_real = false, parens = false;
    char type = f.type == 'n' ? 'g' : f.type;
    if (type == 0) {
        if (c->real == 0.0 && copysign(1.0, c->real) == 1.0)
            skip_real = true;
        else
            parens = true;
        if (f.precision < 0)
            repr_mode = true;
        else
            type = 'g';
    }
    /* The per-part spec: sign, 'z', '#', grouping, precision and type;
       the width belongs to the whole field. */
    char real_spec[64], imag_spec[64];
    char *real_sub = NULL, *imag_sub = NULL;
    char imag_sign = skip_real ? f.sign : '+';
    if (!repr_mode) {
        char precision[32] = "", tail[48];
        char grouping[2] = {f.grouping, 0};
        if (f.precision >= 0)
            snprintf(precision, sizeof precision, ".%jd", (intmax_t)f.precision);
        snprintf(tail, sizeof tail, "%s%s%s%s%c", f.no_neg_zero ? "z" : "",
                 f.alternate ? "#" : "", grouping, precision, type);
        snprintf(real_spec, sizeof real_spec, "%s%s", f.sign == '+' ? "+" : f.sign == ' ' ? " " : "",
                 tail);
        snprintf(imag_spec, sizeof imag_spec, "%s%s",
                 imag_sign == '+' ? "+" : imag_sign == ' ' ? " " : "", tail);
        real_sub = real_spec;
        imag_sub = imag_spec;
    }
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    if (parens)
        gp_strbuf_append_char(&b, '(');
    if (!skip_real)
        complex_format_part(&b, c->real, f.sign, real_sub);
    complex_format_part(&b, c->imag, imag_sign, imag_sub);
    gp_strbuf_append_char(&b, 'j');
    if (parens)
        gp_strbuf_append_char(&b, ')');
    gp_object_t *body = gp_strbuf_finish(&b);
    if (!body)
        return NULL;
    gp_format_spec_t layout = f;
    layout.grouping = 0;
    gp_object_t *r = gp_format_number(&layout, "", "", "", 0, gp_str_utf8(body),
                                      gp_str_utf8_len(body), 3);
    GP_DECREF(body);
    return r;
}

static void complex_dealloc(gp_object_t *self)
{
    gp_object_free(self);
}

static const gp_method_def_t complex_methods[] = {
    {"conjugate", complex_conjugate, 0, "Return the complex conjugate of its argument."},
    {"__complex__", complex_dunder_complex, 0, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, 0, NULL},
    {"__format__", complex_format_method, 0, "Formats the complex number according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t complex_getsets[] = {
    {"real", complex_get_real, NULL, NULL, "the real part of a complex number"},
    {"imag", complex_get_imag, NULL, NULL, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_complex_type = {
    GP_TYPE_HEAD_INIT,
    .name = "complex",
    .basicsize = sizeof(gp_complex_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = complex_dealloc,
    .new_ = complex_new,
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .binop = complex_binop,
    .pow3 = complex_pow3,
    .unop = complex_unop,
    .to_bool = complex_to_bool,
    .methods = complex_methods,
    .getsets = complex_getsets,
    .doc = "Create a complex number from a real part and an optional imaginary part.",
};
