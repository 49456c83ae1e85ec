/*
 * float.c - the float type: IEEE doubles with CPython's semantics.
 *
 * Design notes
 * ------------
 * A float is a boxed double (gp_float_t, object.h). Arithmetic allocates a
 * result for every operation, so exact floats are recycled through a small
 * free list: a freed float keeps its memory in `float_free` and the next
 * gp_float_new() reuses it without going through the allocator. The list is
 * a cache, not state: like every object it is only touched under the GIL,
 * and gp_float_clear_free_list() (int.h) releases it at runtime shutdown.
 *
 * Text conversions follow CPython exactly, since scripts print floats all
 * the time:
 *   - repr() is the shortest string that reads back to the same double,
 *     the nearest one of that length. dtoa.c computes its digits directly
 *     with 128-bit arithmetic and a table of powers of ten (no printf or
 *     strtod round trips) and lays them out with CPython's rule:
 *     scientific notation when the exponent is below -4 or at least 16,
 *     else positional with ".0".
 *   - format() parses the mini-language once (numformat.c) and lays out
 *     the digits printf produced; the presentation type '' with a
 *     precision is 'g' that keeps a ".0" and switches to scientific one
 *     digit earlier, as in CPython.
 *   - round(x, n) rounds the exact binary value half-to-even through
 *     printf's correctly rounded decimal conversion, which is what makes
 *     round(2.675, 2) == 2.67.
 *
 * Mixed int/float arithmetic is done here: int's binop returns
 * NotImplemented for a float operand and float's binop handles both
 * orders, converting the int with gp_int_as_double (OverflowError when it
 * does not fit). Comparisons with ints are exact (gp_int_compare_double).
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj/int.h"
#include "obj/memoryview.h"
#include "obj/str.h"

#define FLOAT_FREE_MAX 128

static gp_float_t *float_free[FLOAT_FREE_MAX];
static int float_free_count;

gp_object_t *gp_float_new(double v)
{
    gp_float_t *f;
    if (float_free_count > 0) {
        f = float_free[--float_free_count];
        f->base.refcnt = 1;
    } else {
        f = (gp_float_t *)gp_object_alloc(&gp_float_type, 0);
        if (!f)
            return NULL;
    }
    f->value = v;
    return (gp_object_t *)f;
}

void gp_float_clear_free_list(void)
{
    while (float_free_count > 0)
        gp_object_free((gp_object_t *)float_free[--float_free_count]);
}

static void float_dealloc(gp_object_t *o)
{
    if (o->type == &gp_float_type && float_free_count < FLOAT_FREE_MAX) {
        float_free[float_free_count++] = (gp_float_t *)o;
        return;
    }
    gp_object_free(o);
}

static bool float_is_exact(gp_object_t *o)
{
    return GP_IS_PTR(o) && o->type == &gp_float_type;
}

/* A float's value or an int converted; *ok = 0 for other types, -1 on error. */
static double number_value(gp_object_t *o, int *ok)
{
    if (float_is_exact(o) || gp_float_check(o)) {
        *ok = 1;
        return gp_float_value(o);
    }
    if (gp_int_check(o)) {
        double d = gp_int_as_double(o);
        *ok = (d == -1.0 && gp_err_occurred()) ? -1 : 1;
        return d;
    }
    *ok = 0;
    return 0.0;
}

static gp_object_t *float_call_dunder(gp_object_t *o, const char *name)
{
    gp_object_t *fn = gp_type_lookup_cstr(GP_TYPE(o), name);
    if (!fn)
        return NULL;
    return gp_object_call(fn, &o, 1, NULL);
}

/* The conversion dunders of [o], skipping the fast paths for float and int
   values, which a subclass with its own __float__ must not take. */
static double float_as_double_via_dunder(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    gp_object_t *r = NULL;
    if (t->to_float) {
        r = t->to_float(o);
    } else if (gp_type_lookup_cstr(t, "__float__")) {
        r = float_call_dunder(o, "__float__");
    } else if (t->to_index || gp_type_lookup_cstr(t, "__index__")) {
        r = t->to_index ? t->to_index(o) : float_call_dunder(o, "__index__");
        if (!r)
            return -1.0;
        if (!gp_int_check(r)) {
            gp_err_format(&gp_exc_TypeError, "__index__ returned non-int (type %T)", r);
            GP_DECREF(r);
            return -1.0;
        }
        double d = gp_int_as_double(r);
        GP_DECREF(r);
        return d;
    } else {
        gp_err_format(&gp_exc_TypeError, "must be real number, not %T", o);
        return -1.0;
    }
    if (!r)
        return -1.0;
    if (!(GP_IS_PTR(r) && gp_float_check(r))) {
        gp_err_format(&gp_exc_TypeError, "%s.__float__ returned non-float (type %T)",
                      gp_type_name(t), r);
        GP_DECREF(r);
        return -1.0;
    }
    if (!float_is_exact(r)) {
        /* A strict float subclass is still accepted, with a warning. */
        char message[320];
        snprintf(message, sizeof message,
                 "%.50s.__float__ returned non-float (type %.50s).  The ability to return an "
                 "instance of a strict subclass of float is deprecated, and may be removed in "
                 "a future version of Python.",
                 gp_type_name(t), gp_type_name(GP_TYPE(r)));
        if (gp_err_warn(&gp_exc_DeprecationWarning, message) < 0) {
            GP_DECREF(r);
            return -1.0;
        }
    }
    double d = gp_float_value(r);
    GP_DECREF(r);
    return d;
}

double gp_float_as_double(gp_object_t *o)
{
    if (GP_IS_PTR(o) && gp_float_check(o))
        return gp_float_value(o);
    if (gp_int_check(o))
        return gp_int_as_double(o);
    return float_as_double_via_dunder(o);
}

/* ------------------------------------------------------------------ */
/* repr                                                                 */
/* ------------------------------------------------------------------ */

/* The digits come from dtoa.c; see gp_float_repr_text there. */

gp_object_t *gp_float_repr_of(double v)
{
    char buf[40];
    size_t n = gp_float_repr_text(v, buf);
    return gp_str_new_trusted(buf, n, (intptr_t)n, true);
}

static gp_object_t *float_repr(gp_object_t *o)
{
    return gp_float_repr_of(gp_float_value(o));
}

/* ------------------------------------------------------------------ */
/* Hash                                                                 */
/* ------------------------------------------------------------------ */

#define HASH_BITS    61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

intptr_t gp_float_hash_of(double v)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? 314159 : -314159;
        return 0;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* Process 28 bits at a time, reducing modulo 2**61 - 1 as we go. */
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    intptr_t h = (intptr_t)x * sign;
    return h == -1 ? -2 : h;
}

static intptr_t float_hash(gp_object_t *o)
{
    double v = gp_float_value(o);
    if (isnan(v))
        return gp_object_default_hash(o); /* NaNs hash by identity, as in CPython 3.10+ */
    return gp_float_hash_of(v);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                              */
/* ------------------------------------------------------------------ */

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool ci_equal(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[i])
            return false;
    }
    return true;
}

/* Copies digits with single underscores between them into [out]; returns
   the position after them, or NULL when an underscore is misplaced. */
static const char *copy_digits(const char *p, const char *end, char **out, int *count)
{
    *count = 0;
    while (p < end) {
        if (is_digit(*p)) {
            *(*out)++ = *p++;
            (*count)++;
        } else if (*p == '_' && *count > 0 && p + 1 < end && is_digit(p[1])) {
            p++;
        } else {
            break;
        }
    }
    return p;
}

/* Parses a Python float literal (as float() accepts it); false if invalid. */
static bool float_parse_text(const char *s, size_t len, double *result)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    if (p == end)
        return false;
    bool negative = false;
    const char *body = p;
    if (*p == '+' || *p == '-') {
        negative = *p == '-';
        p++;
    }
    size_t n = (size_t)(end - p);
    if (ci_equal(p, n, "inf") || ci_equal(p, n, "infinity")) {
        *result = negative ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (ci_equal(p, n, "nan")) {
        *result = negative ? -NAN : NAN;
        return true;
    }
    char stackbuf[128];
    char *clean = (size_t)(end - body) + 2 <= sizeof stackbuf
                      ? stackbuf
                      : gp_mem_alloc((size_t)(end - body) + 2);
    if (!clean)
        return false;
    char *o = clean;
    if (negative)
        *o++ = '-';
    int int_digits, frac_digits = 0, exp_digits;
    p = copy_digits(p, end, &o, &int_digits);
    if (p < end && *p == '.') {
        *o++ = *p++;
        p = copy_digits(p, end, &o, &frac_digits);
    }
    bool ok = int_digits + frac_digits > 0;
    if (ok && p < end && (*p == 'e' || *p == 'E')) {
        *o++ = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            *o++ = *p++;
        p = copy_digits(p, end, &o, &exp_digits);
        ok = exp_digits > 0;
    }
    ok = ok && p == end;
    *o = '\0';
    if (ok)
        *result = strtod(clean, NULL);
    if (clean != stackbuf)
        gp_mem_free(clean);
    return ok;
}

static gp_object_t *float_from_text(gp_object_t *obj, const char *s, size_t len)
{
    double v;
    if (!float_parse_text(s, len, &v)) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_ValueError, "could not convert string to float: %R", obj);
        return NULL;
    }
    return gp_float_new(v);
}

static gp_object_t *float_to_float(gp_object_t *o);

/* float(x): the exact float result. */
static gp_object_t *float_convert(gp_object_t *x)
{
    if (float_is_exact(x))
        return GP_INCREF(x);
    if (gp_str_check(x) && !gp_str_check_exact(x) && GP_TYPE(x)->to_float) {
        /* A str subclass defining __float__ is converted by it. */
        double d = float_as_double_via_dunder(x);
        return d == -1.0 && gp_err_occurred() ? NULL : gp_float_new(d);
    }
    if (gp_str_check(x)) {
        if (GP_STR_ASCII(x))
            return float_from_text(x, gp_str_utf8(x), gp_str_utf8_len(x));
        size_t n;
        char *ascii = gp_str_numeric_ascii(x, &n);
        gp_object_t *r = ascii ? float_from_text(x, ascii, n) : NULL;
        gp_mem_free(ascii);
        return r;
    }
    if (gp_bytes_check(x) || gp_is_bytearray(x))
        return float_from_text(x, gp_bytes_data(x), gp_bytes_len(x));
    if (gp_memoryview_check(x)) {
        gp_object_t *b = gp_memoryview_tobytes(x);
        gp_object_t *r = b ? float_from_text(b, gp_bytes_data(b), gp_bytes_len(b)) : NULL;
        GP_XDECREF(b);
        return r;
    }
    gp_type_t *t = GP_TYPE(x);
    if (gp_float_check(x) && t->to_float && t->to_float != float_to_float) {
        /* A float subclass defining __float__: float() honours it. */
        double d = float_as_double_via_dunder(x);
        return d == -1.0 && gp_err_occurred() ? NULL : gp_float_new(d);
    }
    if (!gp_float_check(x) && !gp_int_check(x) && !t->to_float && !t->to_index &&
        gp_buffer_check(x)) {
        /* Any other bytes-like object (array.array): its bytes as text. */
        gp_buffer_t view = {0};
        if (gp_buffer_get(x, &view, GP_BUFFER_SIMPLE) < 0)
            return NULL;
        gp_object_t *b = gp_bytes_new(view.data, view.len);
        gp_buffer_release(&view);
        gp_object_t *r = b ? float_from_text(b, gp_bytes_data(b), gp_bytes_len(b)) : NULL;
        GP_XDECREF(b);
        return r;
    }
    if (!gp_int_check(x) && !gp_float_check(x) && !t->to_float && !t->to_index &&
        !gp_type_lookup_cstr(t, "__float__") && !gp_type_lookup_cstr(t, "__index__")) {
        gp_err_format(&gp_exc_TypeError,
                      "float() argument must be a string or a real number, not '%s'",
                      gp_type_name(t));
        return NULL;
    }
    double d = gp_float_as_double(x);
    if (d == -1.0 && gp_err_occurred())
        return NULL;
    return gp_float_new(d);
}

static gp_object_t *float_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    /* Keywords are refused unless a subclass's own __init__ is there to
       take them. */
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        if (type == &gp_float_type || type->init == gp_float_type.init) {
            gp_err_set_string(&gp_exc_TypeError, "float() takes no keyword arguments");
            return NULL;
        }
    }
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
        return NULL;
    }
    gp_object_t *r = nargs == 0 ? gp_float_new(0.0) : float_convert(args[0]);
    if (!r || type == &gp_float_type)
        return r;
    gp_object_t *o = gp_object_alloc(type, 0);
    if (o)
        ((gp_float_t *)o)->value = gp_float_value(r);
    GP_DECREF(r);
    return o;
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                           */
/* ------------------------------------------------------------------ */

static bool is_odd_integer(double d)
{
    return fmod(fabs(d), 2.0) == 1.0;
}

gp_object_t *gp_float_pow_values(double iv, double iw)
{
    /* The special cases C99's pow() gets "right" differently from Python. */
    if (iw == 0)
        return gp_float_new(1.0);
    if (isnan(iv))
        return gp_float_new(iv);
    if (isnan(iw))
        return gp_float_new(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return gp_float_new(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return gp_float_new(fabs(iw));
        return gp_float_new(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            return gp_float_new(odd ? iv : fabs(iv));
        return gp_float_new(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            gp_err_set_string(&gp_exc_ZeroDivisionError,
                              "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return gp_float_new(is_odd_integer(iw) ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        /* A negative base to a fractional power is complex, as in CPython. */
        if (iw != floor(iw))
            return gp_complex_pow_doubles(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return gp_float_new(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (negate)
        ix = -ix;
    if (isinf(ix)) {
        gp_err_set_string(&gp_exc_OverflowError, "(34, 'Numerical result out of range')");
        return NULL;
    }
    return gp_float_new(ix);
}

/* Python's divmod for floats (CPython's float_divmod). */
static void float_divmod_values(double vx, double wx, double *pdiv, double *pmod)
{
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    *pdiv = floordiv;
    *pmod = mod;
}

static gp_object_t *float_binop(gp_object_t *a, gp_object_t *b, int op)
{
    double x, y;
    if (float_is_exact(a) && float_is_exact(b)) {
        x = gp_float_value(a);
        y = gp_float_value(b);
    } else {
        int ok;
        x = number_value(a, &ok);
        if (ok <= 0)
            return ok < 0 ? NULL : GP_INCREF(gp_NotImplemented);
        y = number_value(b, &ok);
        if (ok <= 0)
            return ok < 0 ? NULL : GP_INCREF(gp_NotImplemented);
    }
    switch (op & ~GP_BINOP_INPLACE) {
    case GP_BINOP_ADD:
        return gp_float_new(x + y);
    case GP_BINOP_SUB:
        return gp_float_new(x - y);
    case GP_BINOP_MUL:
        return gp_float_new(x * y);
    case GP_BINOP_TRUEDIV:
        if (y == 0.0) {
            gp_err_set_string(&gp_exc_ZeroDivisionError, "float division by zero");
            return NULL;
        }
        return gp_float_new(x / y);
    case GP_BINOP_FLOORDIV: {
        if (y == 0.0) {
            gp_err_set_string(&gp_exc_ZeroDivisionError, "float floor division by zero");
            return NULL;
        }
        double d, m;
        float_divmod_values(x, y, &d, &m);
        return gp_float_new(d);
    }
    case GP_BINOP_MOD: {
        if (y == 0.0) {
            gp_err_set_string(&gp_exc_ZeroDivisionError, "float modulo");
            return NULL;
        }
        double m = fmod(x, y);
        if (m) {
            if ((y < 0) != (m < 0))
                m += y;
        } else {
            m = copysign(0.0, y);
        }
        return gp_float_new(m);
    }
    case GP_BINOP_DIVMOD: {
        if (y == 0.0) {
            gp_err_set_string(&gp_exc_ZeroDivisionError, "float divmod()");
            return NULL;
        }
        double d, m;
        float_divmod_values(x, y, &d, &m);
        gp_object_t *fd = gp_float_new(d), *fm = gp_float_new(m);
        gp_object_t *t = fd && fm ? gp_tuple_pack(2, fd, fm) : NULL;
        GP_XDECREF(fd);
        GP_XDECREF(fm);
        return t;
    }
    case GP_BINOP_POW:
        return gp_float_pow_values(x, y);
    default:
        return GP_INCREF(gp_NotImplemented);
    }
}

static gp_object_t *float_pow3(gp_object_t *a, gp_object_t *b, gp_object_t *m)
{
    if (m != NULL && m != gp_None) {
        gp_err_set_string(&gp_exc_TypeError,
                          "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    return float_binop(a, b, GP_BINOP_POW);
}

static gp_object_t *float_unop(gp_object_t *a, gp_unop_t op)
{
    double v = gp_float_value(a);
    switch (op) {
    case GP_UNOP_NEG:
        return gp_float_new(-v);
    case GP_UNOP_POS:
        return float_is_exact(a) ? GP_INCREF(a) : gp_float_new(v);
    case GP_UNOP_ABS:
        return gp_float_new(fabs(v));
    default:
        gp_err_format(&gp_exc_TypeError, "bad operand type for unary ~: '%s'",
                      gp_type_name(GP_TYPE(a)));
        return NULL;
    }
}

static gp_cmpop_t cmp_swapped(gp_cmpop_t op)
{
    switch (op) {
    case GP_CMP_LT:
        return GP_CMP_GT;
    case GP_CMP_LE:
        return GP_CMP_GE;
    case GP_CMP_GT:
        return GP_CMP_LT;
    case GP_CMP_GE:
        return GP_CMP_LE;
    default:
        return op;
    }
}

static gp_object_t *float_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    bool af = GP_IS_PTR(a) && gp_float_check(a), bf = GP_IS_PTR(b) && gp_float_check(b);
    if (af && bf) {
        double x = gp_float_value(a), y = gp_float_value(b);
        bool r;
        switch (op) {
        case GP_CMP_LT:
            r = x < y;
            break;
        case GP_CMP_LE:
            r = x <= y;
            break;
        case GP_CMP_EQ:
            r = x == y;
            break;
        case GP_CMP_NE:
            r = x != y;
            break;
        case GP_CMP_GT:
            r = x > y;
            break;
        default:
            r = x >= y;
            break;
        }
        return gp_bool_from(r);
    }
    if (af && gp_int_check(b))
        return gp_int_compare_double(b, gp_float_value(a), cmp_swapped(op));
    if (bf && gp_int_check(a))
        return gp_int_compare_double(a, gp_float_value(b), op);
    return GP_INCREF(gp_NotImplemented);
}

static int float_to_bool(gp_object_t *o)
{
    return gp_float_value(o) != 0.0;
}

static gp_object_t *float_to_int(gp_object_t *o)
{
    return gp_int_from_double(gp_float_value(o));
}

static gp_object_t *float_to_float(gp_object_t *o)
{
    return float_is_exact(o) ? GP_INCREF(o) : gp_float_new(gp_float_value(o));
}

/* ------------------------------------------------------------------ */
/* Formatting                                                           */
/* ------------------------------------------------------------------ */

gp_object_t *gp_float_format_double(double v, const char *spec, size_t spec_len)
{
    gp_format_spec_t f;
    if (gp_format_spec_parse(spec, spec_len, "float", &f) < 0)
        return NULL;
    char type = f.type;
    switch (type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        break;
    default:
        if (type >= 0x20 && type < 0x7f)
            gp_err_format(&gp_exc_ValueError, "Unknown format code '%c' for object of type 'float'",
                          type);
        else
            gp_err_format(&gp_exc_ValueError,
                          "Unknown format code '\\x%x' for object of type 'float'",
                          (unsigned)(unsigned char)type);
        return NULL;
    }
    if (type == 'n' && f.grouping) {
        gp_err_format(&gp_exc_ValueError, "Cannot specify '%c' with 'n'.", f.grouping);
        return NULL;
    }
    bool negative = signbit(v) && !isnan(v);
    double a = fabs(v);
    intptr_t prec = f.precision;
    bool add_dot_0 = false, percent = false, repr_mode = false;
    char ctype = type;
    if (type == 0) {
        if (prec < 0) {
            repr_mode = true;
        } else {
            ctype = 'g';
            add_dot_0 = true;
        }
    } else if (type == 'n') {
        ctype = 'g';
    } else if (type == '%') {
        ctype = 'f';
        a *= 100.0;
        percent = true;
    }
    if (prec < 0)
        prec = 6;
    if ((ctype == 'g' || ctype == 'G') && prec == 0)
        prec = 1;
    if (prec > 100000000) {
        gp_err_set_string(&gp_exc_ValueError, "precision too big");
        return NULL;
    }

    size_t cap = (size_t)prec + 400;
    char *text = gp_mem_alloc(cap);
    if (!text) {
        gp_err_no_memory();
        return NULL;
    }
    size_t n;
    if (repr_mode) {
        n = gp_float_repr_text(a, text);
    } else if (add_dot_0 && isfinite(a)) {
        /* '' with a precision: like 'g', but scientific from exponent
           prec - 1 on and always with a digit after the point. */
        snprintf(text, cap, "%.*e", (int)prec - 1, a);
        int exp10 = atoi(strchr(text, 'e') + 1);
        if (exp10 < -4 || exp10 >= prec - 1) {
            /* Strip the mantissa's trailing zeros (and a lone point). */
            char *e = strchr(text, 'e');
            char *m_end = e;
            if (strchr(text, '.') && strchr(text, '.') < e) {
                while (m_end[-1] == '0')
                    m_end--;
                if (m_end[-1] == '.')
                    m_end--;
            }
            memmove(m_end, e, strlen(e) + 1);
        } else {
            int decimals = (int)prec - 1 - exp10;
            snprintf(text, cap, "%.*f", decimals, a);
            if (strchr(text, '.')) {
                char *end = text + strlen(text);
                while (end[-1] == '0')
                    end--;
                if (end[-1] == '.')
                    end++; /* keep one zero after the point */
                *end = '\0';
            } else {
                strcat(text, ".0");
            }
        }
        n = strlen(text);
    } else {
        char fmt[8];
        snprintf(fmt, sizeof fmt, "%%%s.*%c", f.alternate ? "#" : "", ctype);
        snprintf(text, cap, fmt, (int)prec, a);
        n = strlen(text);
    }
    if (negative && f.no_neg_zero) {
        /* 'z': a value that rounds to zero loses its minus sign. */
        bool all_zero = true;
        for (size_t i = 0; i < n && all_zero; i++) {
            char c = text[i];
            if (c == 'e' || c == 'E')
                break;
            if (c >= '1' && c <= '9')
                all_zero = false;
        }
        if (all_zero && isfinite(v))
            negative = false;
    }
    if (percent)
        text[n++] = '%';
    text[n] = '\0';
    size_t intlen = 0;
    while (intlen < n && is_digit(text[intlen]))
        intlen++;
    const char *sign_text = negative ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
    gp_object_t *r =
        gp_format_number(&f, sign_text, "", text, intlen, text + intlen, n - intlen, 3);
    gp_mem_free(text);
    return r;
}

gp_object_t *gp_float_format(gp_object_t *o, const char *spec, size_t spec_len)
{
    if (spec_len == 0)
        return gp_object_str(o);
    return gp_float_format_double(gp_float_value(o), spec, spec_len);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

#define FLOAT_SELF(self, name)                                                                   \
    do {                                                                                         \
        if (!(GP_IS_PTR(self) && gp_float_check(self))) {                                        \
            gp_err_format(&gp_exc_TypeError,                                                     \
                          "descriptor '" name "' requires a 'float' object but received a '%T'", \
                          self);                                                                 \
            return NULL;                                                                         \
        }                                                                                        \
    } while (0)

static gp_object_t *float_is_integer(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    FLOAT_SELF(self, "is_integer");
    if (gp_args_check("float.is_integer", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double v = gp_float_value(self);
    return gp_bool_from(isfinite(v) && floor(v) == v);
}

static gp_object_t *float_as_integer_ratio(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    FLOAT_SELF(self, "as_integer_ratio");
    if (gp_args_check("float.as_integer_ratio", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double v = gp_float_value(self);
    if (isinf(v)) {
        gp_err_set_string(&gp_exc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(v)) {
        gp_err_set_string(&gp_exc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(v, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    gp_object_t *num = gp_int_from_double(m);
    if (!num)
        return NULL;
    gp_object_t *den = GP_SMALL_NEW(1);
    if (e > 0)
        GP_SETREF(num, gp_int_lshift_by(num, (uint64_t)e));
    else
        den = gp_int_lshift_by(den, (uint64_t)-e);
    gp_object_t *t = num && den ? gp_tuple_pack(2, num, den) : NULL;
    GP_XDECREF(num);
    GP_XDECREF(den);
    return t;
}

static gp_object_t *float_hex(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    FLOAT_SELF(self, "hex");
    if (gp_args_check("float.hex", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double v = gp_float_value(self);
    if (isnan(v) || isinf(v))
        return gp_float_repr_of(v);
    if (v == 0.0)
        return gp_str_from_cstr(signbit(v) ? "-0x0.0p+0" : "0x0.0p+0");
    char buf[64];
    char *o = buf;
    if (v < 0) {
        *o++ = '-';
        v = -v;
    }
    int e;
    double m = frexp(v, &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    int d = (int)m;
    o += sprintf(o, "0x%x.", d);
    m -= d;
    for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; i++) {
        m *= 16.0;
        d = (int)m;
        *o++ = "0123456789abcdef"[d];
        m -= d;
    }
    sprintf(o, "p%+d", e);
    return gp_str_from_cstr(buf);
}

static gp_object_t *float_fromhex(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("float.fromhex", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "fromhex() argument must be str, not %T", args[0]);
        return NULL;
    }
    const char *s = gp_str_utf8(args[0]);
    const char *end = s + gp_str_utf8_len(args[0]);
    while (s < end && is_space((unsigned char)*s))
        s++;
    while (end > s && is_space((unsigned char)end[-1]))
        end--;
    /* Validate the grammar, then let strtod do the correctly rounded work. */
    const char *p = s;
    double v;
    if (p < end && (*p == '+' || *p == '-'))
        p++;
    size_t rest = (size_t)(end - p);
    if (ci_equal(p, rest, "inf") || ci_equal(p, rest, "infinity") || ci_equal(p, rest, "nan")) {
        if (!float_parse_text(s, (size_t)(end - s), &v))
            goto invalid;
    } else {
        char buf[512];
        size_t blen = 0;
        bool neg = s < end && *s == '-';
        if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x')
            p += 2;
        int mant = 0;
        if (neg)
            buf[blen++] = '-';
        buf[blen++] = '0';
        buf[blen++] = 'x';
        while (p < end && isxdigit((unsigned char)*p) && blen < 500) {
            buf[blen++] = *p++;
            mant++;
        }
        if (p < end && *p == '.') {
            buf[blen++] = *p++;
            while (p < end && isxdigit((unsigned char)*p) && blen < 500) {
                buf[blen++] = *p++;
                mant++;
            }
        }
        if (mant == 0)
            goto invalid;
        if (p < end && (*p | 0x20) == 'p') {
            buf[blen++] = 'p';
            p++;
            if (p < end && (*p == '+' || *p == '-'))
                buf[blen++] = *p++;
            int ed = 0;
            while (p < end && is_digit(*p) && blen < 510) {
                buf[blen++] = *p++;
                ed++;
            }
            if (ed == 0)
                goto invalid;
        }
        if (p != end)
            goto invalid;
        buf[blen] = '\0';
        errno = 0;
        v = strtod(buf, NULL);
        if (isinf(v)) {
            gp_err_set_string(&gp_exc_OverflowError,
                              "hexadecimal value too large to represent as a float");
            return NULL;
        }
    }
    gp_object_t *r = gp_float_new(v);
    if (r && cls != (gp_object_t *)&gp_float_type)
        GP_SETREF(r, gp_object_call1(cls, r));
    return r;
invalid:
    gp_err_set_string(&gp_exc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
}

static gp_object_t *float_conjugate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    FLOAT_SELF(self, "conjugate");
    if (gp_args_check("float.conjugate", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return float_to_float(self);
}

/* round(x, ndigits) as CPython's double_round: correctly rounded. */
static gp_object_t *float_round_digits(double x, int64_t ndigits)
{
    if (!isfinite(x) || x == 0.0)
        return gp_float_new(x);
    if (ndigits > 323)
        return gp_float_new(x);
    if (ndigits < -308)
        return gp_float_new(copysign(0.0, x));
    char buf[400];
    double r;
    if (ndigits >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        r = strtod(buf, NULL);
    } else {
        /* Keep the significant digits down to the 10**-ndigits place. */
        snprintf(buf, sizeof buf, "%.16e", x);
        int exp10 = atoi(strchr(buf, 'e') + 1);
        int64_t keep = exp10 + 1 + ndigits;
        if (keep > 0) {
            snprintf(buf, sizeof buf, "%.*e", (int)keep - 1, x);
            r = strtod(buf, NULL);
        } else if (keep == 0) {
            snprintf(buf, sizeof buf, "5e%d", exp10);
            double half = strtod(buf, NULL);
            if (fabs(x) > half) {
                snprintf(buf, sizeof buf, "1e%d", exp10 + 1);
                r = copysign(strtod(buf, NULL), x);
            } else {
                r = copysign(0.0, x);
            }
        } else {
            r = copysign(0.0, x);
        }
    }
    if (isinf(r)) {
        gp_err_set_string(&gp_exc_OverflowError, "rounded value too large to represent");
        return NULL;
    }
    return gp_float_new(r);
}

static gp_object_t *float_round(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    FLOAT_SELF(self, "__round__");
    if (gp_args_check("__round__", nargs, kwnames, 0, 1) < 0)
        return NULL;
    double x = gp_float_value(self);
    if (nargs == 0 || args[0] == gp_None) {
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5)
            rounded = 2.0 * round(x / 2.0); /* half to even */
        return gp_int_from_double(rounded);
    }
    gp_object_t *nd = gp_number_index(args[0]);
    if (!nd)
        return NULL;
    int overflow;
    int64_t n = gp_int_as_i64_overflow(nd, &overflow);
    GP_DECREF(nd);
    return float_round_digits(x, n);
}

static gp_object_t *float_trunc(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    FLOAT_SELF(self, "__trunc__");
    return gp_int_from_double(gp_float_value(self));
}

static gp_object_t *float_floor(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    FLOAT_SELF(self, "__floor__");
    return gp_int_from_double(floor(gp_float_value(self)));
}

static gp_object_t *float_ceil(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    FLOAT_SELF(self, "__ceil__");
    return gp_int_from_double(ceil(gp_float_value(self)));
}

static gp_object_t *float_format_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    FLOAT_SELF(self, "__format__");
    if (gp_args_check("float.__format__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "__format__() argument must be str, not %T", args[0]);
        return NULL;
    }
    return gp_float_format(self, gp_str_utf8(args[0]), gp_str_utf8_len(args[0]));
}

static gp_object_t *float_getnewargs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    FLOAT_SELF(self, "__getnewargs__");
    gp_object_t *v = gp_float_new(gp_float_value(self));
    if (!v)
        return NULL;
    gp_object_t *t = gp_tuple_pack(1, v);
    GP_DECREF(v);
    return t;
}

/* float.__getformat__(typestr): how C doubles and floats are stored. Every
   platform gilpy builds on is IEEE 754; only the byte order varies. */
static gp_object_t *float_getformat(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("__getformat__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "__getformat__() argument must be str, not %T",
                      args[0]);
        return NULL;
    }
    const char *kind = gp_str_utf8(args[0]);
    if (strcmp(kind, "double") != 0 && strcmp(kind, "float") != 0) {
        gp_err_set_string(&gp_exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    const uint16_t probe = 1;
    bool little = *(const uint8_t *)&probe == 1;
    return gp_str_from_cstr(little ? "IEEE, little-endian" : "IEEE, big-endian");
}

static const gp_method_def_t float_methods[] = {
    {"is_integer", float_is_integer, 0, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, 0,
     "Return integer ratio with positive denominator."},
    {"hex", float_hex, 0, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex, GP_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"__getformat__", float_getformat, GP_METH_CLASS,
     "You probably don't want to use this function."},
    {"conjugate", float_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"__round__", float_round, 0, "Return the Integral closest to x, rounding half toward even."},
    {"__trunc__", float_trunc, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor, 0, "Return the floor as an Integral."},
    {"__ceil__", float_ceil, 0, "Return the ceiling as an Integral."},
    {"__format__", float_format_method, 0, "Formats the float according to format_spec."},
    {"__getnewargs__", float_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *float_get_real(gp_object_t *self, void *closure)
{
    return float_to_float(self);
}

static gp_object_t *float_get_imag(gp_object_t *self, void *closure)
{
    return gp_float_new(0.0);
}

static const gp_getset_def_t float_getsets[] = {
    {"real", float_get_real, NULL, NULL, "the real part of a complex number"},
    {"imag", float_get_imag, NULL, NULL, "the imaginary part of a complex number"},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_float_type = {
    GP_TYPE_HEAD_INIT,
    .name = "float",
    .basicsize = sizeof(gp_float_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = float_dealloc,
    .new_ = float_new,
    .repr = float_repr,
    .str = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .binop = float_binop,
    .pow3 = float_pow3,
    .unop = float_unop,
    .to_bool = float_to_bool,
    .to_int = float_to_int,
    .to_float = float_to_float,
    .methods = float_methods,
    .getsets = float_getsets,
    .doc = "Convert a string or number to a floating point number, if possible.",
};
