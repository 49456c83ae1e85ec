/*
 * str_format.c - the three ways Python formats text: the format-spec
 * mini-language for str (format(s, spec), f'{s:>10}'), the printf-style
 * `%` operator and str.format()/str.format_map().
 *
 * Design notes
 * ------------
 * Everything writes into one gp_strbuf_t and builds the result str once at
 * the end. Values format themselves through gp_object_format() (which
 * dispatches to __format__, and from there to gp_int_format/gp_float_format
 * for numbers); this file only knows the layout of str's own specs, the `%`
 * directives and the replacement-field grammar:
 *
 *     field  := '{' [arg_name] ('.' attr | '[' key ']')* ['!' conv] [':' spec] '}'
 *
 * The spec of a field may itself contain replacement fields ('{:{w}}'),
 * expanded first, at most two levels deep as CPython allows. Common cases
 * avoid the generic machinery: a str with an empty spec is copied, an int
 * with an empty spec or %d is converted directly.
 *
 * Error messages are CPython 3.11's, word for word.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "obj/memoryview.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* The format-spec mini-language                                        */
/* ------------------------------------------------------------------ */

static bool is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Parses a decimal number at *p; -1 when absent, -2 when it overflows. */
static intptr_t spec_number(const char **p, const char *end)
{
    if (*p >= end || **p < '0' || **p > '9')
        return -1;
    intptr_t v = 0;
    while (*p < end && **p >= '0' && **p <= '9') {
        if (v > (INTPTR_MAX - 9) / 10)
            return -2;
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    return v;
}

int gp_str_spec_parse(const char *spec, size_t len, gp_str_spec_t *out)
{
    const char *p = spec, *end = spec + len;
    out->fill = ' ';
    out->align = 0;
    out->sign = 0;
    out->alternate = false;
    out->zero = false;
    out->width = -1;
    out->grouping = 0;
    out->precision = -1;
    out->type = 0;
    out->no_neg_zero = false;
    bool fill_given = false;
    if (p < end) {
        int n = gp_utf8_lead_len((unsigned char)*p);
        if (p + n < end && is_align((unsigned char)p[n])) {
            int m;
            out->fill = gp_utf8_decode((const unsigned char *)p, &m);
            out->align = p[n];
            fill_given = true;
            p += n + 1;
        } else if (is_align((unsigned char)*p)) {
            out->align = *p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' '))
        out->sign = *p++;
    if (p < end && *p == 'z') {
        out->no_neg_zero = true;
        p++;
    }
    if (p < end && *p == '#') {
        out->alternate = true;
        p++;
    }
    if (p < end && *p == '0') {
        out->zero = true;
        if (!fill_given)
            out->fill = '0';
        p++;
    }
    out->width = spec_number(&p, end);
    if (out->width == -2) {
        gp_err_set_string(&gp_exc_ValueError, "Too many decimal digits in format string");
        return -1;
    }
    if (out->zero && out->width == -1)
        out->width = 0;
    if (p < end && (*p == ',' || *p == '_')) {
        out->grouping = *p++;
        if (p < end && (*p == ',' || *p == '_')) {
            if (*p != out->grouping)
                gp_err_set_string(&gp_exc_ValueError, "Cannot specify both ',' and '_'.");
            else
                gp_err_format(&gp_exc_ValueError, "Cannot specify '%c' with '%c'.", *p, *p);
            return -1;
        }
    }
    if (p < end && *p == '.') {
        p++;
        out->precision = spec_number(&p, end);
        if (out->precision == -1) {
            gp_err_set_string(&gp_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        if (out->precision == -2) {
            gp_err_set_string(&gp_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
    }
    if (end - p > 1) {
        /* More than one character left: the caller names the type. */
        return -2;
    }
    if (p < end)
        out->type = *p;
    return 0;
}

void gp_str_spec_pad(gp_strbuf_t *b, const char *s, size_t len, intptr_t cps,
                   const gp_str_spec_t *spec, char default_align)
{
    intptr_t pad = spec->width > cps ? spec->width - cps : 0;
    char align = spec->align ? spec->align : default_align;
    intptr_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    intptr_t right = pad - left;
    char fill[4];
    int fl = gp_utf8_encode(fill, spec->fill);
    for (intptr_t i = 0; i < left; i++)
        gp_strbuf_append(b, fill, (size_t)fl);
    gp_strbuf_append(b, s, len);
    for (intptr_t i = 0; i < right; i++)
        gp_strbuf_append(b, fill, (size_t)fl);
}

gp_object_t *gp_str_format_spec(gp_object_t *o, const char *spec, size_t spec_len)
{
    if (spec_len == 0)
        return gp_str_check_exact(o) ? GP_INCREF(o) : gp_object_str(o);
    gp_str_spec_t fs;
    int rc = gp_str_spec_parse(spec, spec_len, &fs);
    if (rc == -2) {
        gp_err_format(&gp_exc_ValueError, "Invalid format specifier '%s' for object of type '%T'",
                      spec, o);
        return NULL;
    }
    if (rc < 0)
        return NULL;
    if (fs.type && fs.type != 's') {
        gp_err_format(&gp_exc_ValueError, "Unknown format code '%c' for object of type '%T'",
                      fs.type, o);
        return NULL;
    }
    if (fs.no_neg_zero) {
        gp_err_set_string(&gp_exc_ValueError,
                          "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (fs.sign == ' ') {
        gp_err_set_string(&gp_exc_ValueError, "Space not allowed in string format specifier");
        return NULL;
    }
    if (fs.sign) {
        gp_err_set_string(&gp_exc_ValueError, "Sign not allowed in string format specifier");
        return NULL;
    }
    if (fs.alternate) {
        gp_err_set_string(&gp_exc_ValueError,
                          "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (fs.grouping) {
        gp_err_format(&gp_exc_ValueError, "Cannot specify '%c' with 's'.", fs.grouping);
        return NULL;
    }
    if (fs.align == '=') {
        gp_err_set_string(&gp_exc_ValueError,
                          "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    const char *s = GP_STR_DATA(o);
    size_t len = (size_t)GP_STR_BYTES(o);
    intptr_t cps = GP_STR_LEN(o);
    if (fs.precision >= 0 && fs.precision < cps) {
        len = (size_t)(gp_str_at(o, fs.precision) - s);
        cps = fs.precision;
    }
    if (fs.width <= cps && len == (size_t)GP_STR_BYTES(o) && gp_str_check_exact(o))
        return GP_INCREF(o);
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_str_spec_pad(&b, s, len, cps, &fs, '<');
    return gp_strbuf_finish(&b);
}

/* ------------------------------------------------------------------ */
/* printf-style formatting: format % args                                */
/* ------------------------------------------------------------------ */

typedef struct percent_state {
    gp_object_t *args;  /* the right operand */
    gp_object_t *dict;  /* the mapping, when args is one */
    gp_object_t *const *items; /* positional arguments */
    intptr_t nitems;
    intptr_t next;      /* index of the next positional argument */
} percent_state_t;

static gp_object_t *percent_next_arg(percent_state_t *st)
{
    if (st->next >= st->nitems) {
        gp_err_set_string(&gp_exc_TypeError, "not enough arguments for format string");
        return NULL;
    }
    return st->items[st->next++];
}

/* Appends an integer's digits with printf's flags, width and precision. */
static int percent_append_int(gp_strbuf_t *b, gp_object_t *v, char conv, const char *flags,
                              intptr_t width, intptr_t prec)
{
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    char small[32];
    const char *digits;
    size_t ndigits;
    bool negative;
    gp_object_t *text = NULL;
    if (GP_IS_SMALL(v) && base == 10) {
        intptr_t x = GP_SMALL_VALUE(v);
        negative = x < 0;
        int n = snprintf(small, sizeof small, "%llu",
                         negative ? 0ull - (unsigned long long)x : (unsigned long long)x);
        digits = small;
        ndigits = (size_t)n;
    } else {
        text = gp_int_to_string(v, base);
        if (!text)
            return -1;
        digits = GP_STR_DATA(text);
        ndigits = (size_t)GP_STR_BYTES(text);
        negative = digits[0] == '-';
        if (negative) {
            digits++;
            ndigits--;
        }
        if (base != 10 && ndigits >= 2 && digits[0] == '0') {
            digits += 2; /* drop the 0x / 0o prefix of hex()/oct() */
            ndigits -= 2;
        }
    }
    bool left = strchr(flags, '-') != NULL, zero = strchr(flags, '0') != NULL;
    char prefix[4];
    size_t np = 0;
    if (negative)
        prefix[np++] = '-';
    else if (strchr(flags, '+'))
        prefix[np++] = '+';
    else if (strchr(flags, ' '))
        prefix[np++] = ' ';
    if (strchr(flags, '#') && base != 10) {
        prefix[np++] = '0';
        prefix[np++] = conv;
    }
    size_t nzeros = prec > (intptr_t)ndigits ? (size_t)prec - ndigits : 0;
    size_t body = np + nzeros + ndigits;
    size_t pad = width > (intptr_t)body ? (size_t)width - body : 0;
    if (!left && !zero)
        for (size_t i = 0; i < pad; i++)
            gp_strbuf_append_char(b, ' ');
    gp_strbuf_append(b, prefix, np);
    if (!left && zero)
        nzeros += pad;
    for (size_t i = 0; i < nzeros; i++)
        gp_strbuf_append_char(b, '0');
    if (conv == 'X') {
        for (size_t i = 0; i < ndigits; i++) {
            char c = digits[i];
            gp_strbuf_append_char(b, c >= 'a' && c <= 'f' ? (char)(c - 32) : c);
        }
    } else {
        gp_strbuf_append(b, digits, ndigits);
    }
    if (left)
        for (size_t i = 0; i < pad; i++)
            gp_strbuf_append_char(b, ' ');
    GP_XDECREF(text);
    return 0;
}

/* Appends a str with width/precision (code points) and '-' alignment. */
static void percent_append_text(gp_strbuf_t *b, gp_object_t *s, bool left, intptr_t width,
                                intptr_t prec)
{
    size_t len = (size_t)GP_STR_BYTES(s);
    intptr_t cps = GP_STR_LEN(s);
    if (prec >= 0 && prec < cps) {
        len = (size_t)(gp_str_at(s, prec) - GP_STR_DATA(s));
        cps = prec;
    }
    intptr_t pad = width > cps ? width - cps : 0;
    if (!left)
        for (intptr_t i = 0; i < pad; i++)
            gp_strbuf_append_char(b, ' ');
    gp_strbuf_append(b, GP_STR_DATA(s), len);
    if (left)
        for (intptr_t i = 0; i < pad; i++)
            gp_strbuf_append_char(b, ' ');
}

/* One conversion's value: the number for d/x/..., converted as CPython does. */
static gp_object_t *percent_int_arg(gp_object_t *v, char conv)
{
    if (gp_int_check(v))
        return GP_INCREF(v);
    gp_type_t *t = GP_TYPE(v);
    if (conv == 'd' || conv == 'i' || conv == 'u') {
        if (t->to_int || t->to_index || gp_float_check(v))
            return gp_number_int(v);
        gp_err_format(&gp_exc_TypeError, "%%%c format: a real number is required, not %T", conv,
                      v);
        return NULL;
    }
    if (t->to_index)
        return gp_number_index(v);
    gp_err_format(&gp_exc_TypeError, "%%%c format: an integer is required, not %T", conv, v);
    return NULL;
}

static int percent_append_float(gp_strbuf_t *b, gp_object_t *v, char conv, const char *flags,
                                intptr_t width, intptr_t prec)
{
    double d;
    if (gp_float_check(v)) {
        d = gp_float_value(v);
    } else if (gp_int_check(v) || GP_TYPE(v)->to_float || GP_TYPE(v)->to_index) {
        d = gp_float_as_double(v);
        if (d == -1.0 && gp_err_occurred())
            return -1;
    } else {
        gp_err_format(&gp_exc_TypeError, "must be real number, not %T", v);
        return -1;
    }
    /* Python never shows the sign bit of a NaN; the C library would. */
    if (isnan(d))
        d = fabs(d);
    char spec[32];
    if (prec < 0)
        prec = 6;
    if (width > 100000000 || prec > 100000000) {
        gp_err_set_string(&gp_exc_ValueError, "precision too large");
        return -1;
    }
    snprintf(spec, sizeof spec, "%%%s%d.%d%c", flags, (int)(width < 0 ? 0 : width), (int)prec,
             conv);
    char small[128];
    int n = snprintf(small, sizeof small, spec, d);
    if (n < 0)
        return 0;
    if ((size_t)n < sizeof small) {
        gp_strbuf_append(b, small, (size_t)n);
        return 0;
    }
    char *big = gp_mem_alloc((size_t)n + 1);
    if (!big) {
        gp_err_no_memory();
        return -1;
    }
    snprintf(big, (size_t)n + 1, spec, d);
    gp_strbuf_append(b, big, (size_t)n);
    gp_mem_free(big);
    return 0;
}

/* Padding beyond this many characters is refused as a MemoryError. */
#define PERCENT_MAX_WIDTH ((int64_t)1 << 32)

/* Reads a '*' width or ([precision]) precision from the arguments. As in
   CPython a precision must fit a C int; a width that could never be
   allocated is a MemoryError at once rather than a long attempt. */
static int percent_star(percent_state_t *st, intptr_t *out, bool precision)
{
    gp_object_t *v = percent_next_arg(st);
    if (!v)
        return -1;
    if (!gp_int_check(v)) {
        gp_err_set_string(&gp_exc_TypeError, "* wants int");
        return -1;
    }
    int overflow;
    int64_t x = gp_int_as_i64_overflow(v, &overflow);
    if (precision && (overflow || x > INT_MAX || x < INT_MIN)) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    if (x > PERCENT_MAX_WIDTH || x < -PERCENT_MAX_WIDTH) {
        gp_err_no_memory();
        return -1;
    }
    *out = (intptr_t)x;
    return 0;
}

/* Appends the text of %r/%a (bytes mode: ascii() only). */
static int percent_append_bytes_arg(gp_strbuf_t *b, gp_object_t *arg, bool left, intptr_t width,
                                    intptr_t prec)
{
    const char *d;
    size_t n;
    gp_object_t *tmp = NULL;
    if (!gp_bytes_like(arg, &d, &n)) {
        if (!gp_type_lookup_cstr(GP_TYPE(arg), "__bytes__")) {
            gp_err_format(&gp_exc_TypeError,
                          "%%b requires a bytes-like object, or an object that implements "
                          "__bytes__, not '%T'",
                          arg);
            return -1;
        }
        tmp = gp_object_call_method(arg, "__bytes__", NULL, 0);
        if (!tmp)
            return -1;
        if (!gp_bytes_like(tmp, &d, &n)) {
            gp_err_format(&gp_exc_TypeError, "__bytes__ returned non-bytes (type %T)", tmp);
            GP_DECREF(tmp);
            return -1;
        }
    }
    if (prec >= 0 && (size_t)prec < n)
        n = (size_t)prec;
    intptr_t pad = width > (intptr_t)n ? width - (intptr_t)n : 0;
    if (!left)
        for (intptr_t i = 0; i < pad; i++)
            gp_strbuf_append_char(b, ' ');
    gp_strbuf_append(b, d, n);
    if (left)
        for (intptr_t i = 0; i < pad; i++)
            gp_strbuf_append_char(b, ' ');
    GP_XDECREF(tmp);
    return 0;
}

/*
 * The `%` engine for both str and bytes ([bytes_mode]): the buffer collects
 * the output bytes, which finish as a str or a bytes object.
 */
static gp_object_t *percent_format(const char *s, const char *end, gp_object_t *args,
                                   bool bytes_mode)
{
    percent_state_t st = {args, NULL, NULL, 0, 0};
    if (gp_tuple_check(args)) {
        st.items = GP_TUPLE_ITEMS(args);
        st.nitems = GP_TUPLE_SIZE(args);
    } else {
        st.items = &st.args;
        st.nitems = 1;
        /* A lone argument that can be subscripted serves %(key)s, except
           for the text types themselves (bytes and bytearray in bytes
           formatting), as CPython decides. */
        if (GP_TYPE(args)->getitem && !gp_str_check(args) &&
            !(bytes_mode && (gp_bytes_check(args) || gp_is_bytearray(args))))
            st.dict = args;
    }
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_object_t *key_value = NULL; /* the value looked up by %(key), owned */
    const char *p = s;
    while (p < end) {
        const char *pct = memchr(p, '%', (size_t)(end - p));
        if (!pct) {
            gp_strbuf_append(&b, p, (size_t)(end - p));
            break;
        }
        gp_strbuf_append(&b, p, (size_t)(pct - p));
        const char *d = pct + 1;
        gp_object_t *arg = NULL;
        GP_CLEAR(key_value);
        if (d < end && *d == '(') {
            if (!st.dict) {
                gp_err_set_string(&gp_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            int depth = 1;
            const char *k = ++d;
            while (d < end && depth) {
                if (*d == '(')
                    depth++;
                else if (*d == ')')
                    depth--;
                d++;
            }
            if (depth) {
                gp_err_set_string(&gp_exc_ValueError, "incomplete format key");
                goto fail;
            }
            gp_object_t *key = bytes_mode ? gp_bytes_new(k, (size_t)(d - 1 - k))
                                          : gp_str_new_trusted(k, (size_t)(d - 1 - k), -1, false);
            if (!key)
                goto fail;
            key_value = gp_object_getitem(st.dict, key);
            GP_DECREF(key);
            if (!key_value)
                goto fail;
            arg = key_value;
            /* With a mapping, positional arguments are not consumed. */
            st.nitems = 0;
        }
        char flags[8];
        int nflags = 0;
        while (d < end && (*d == '-' || *d == '+' || *d == ' ' || *d == '#' || *d == '0')) {
            if (!memchr(flags, *d, (size_t)nflags) && nflags < 6)
                flags[nflags++] = *d;
            d++;
        }
        flags[nflags] = '\0';
        intptr_t width = -1, prec = -1;
        if (d < end && *d == '*') {
            if (percent_star(&st, &width, false) < 0)
                goto fail;
            if (width < 0) {
                if (!memchr(flags, '-', (size_t)nflags) && nflags < 6) {
                    flags[nflags++] = '-';
                    flags[nflags] = '\0';
                }
                width = -width;
            }
            d++;
        } else {
            width = spec_number(&d, end);
            if (width == -2) {
                gp_err_set_string(&gp_exc_ValueError, "width too big");
                goto fail;
            }
            if (width > PERCENT_MAX_WIDTH) {
                gp_err_no_memory();
                goto fail;
            }
        }
        if (d < end && *d == '.') {
            d++;
            if (d < end && *d == '*') {
                if (percent_star(&st, &prec, true) < 0)
                    goto fail;
                if (prec < 0)
                    prec = 0;
                d++;
            } else {
                prec = spec_number(&d, end);
                if (prec == -2 || prec > INT_MAX) {
                    gp_err_set_string(&gp_exc_ValueError,
                                      bytes_mode ? "prec too big" : "precision too big");
                    goto fail;
                }
                if (prec < 0)
                    prec = 0;
            }
        }
        /* Length modifiers are accepted and ignored, as in CPython. */
        while (d < end && (*d == 'h' || *d == 'l' || *d == 'L'))
            d++;
        if (d >= end) {
            gp_err_set_string(&gp_exc_ValueError, "incomplete format");
            goto fail;
        }
        char conv = *d++;
        p = d;
        /* Only a bare "%%" is a literal percent sign. With anything in
           between ("%5%", "%(k)%") CPython treats it as a conversion: it
           takes an argument and then rejects '%' as the conversion type. */
        if (conv == '%' && d - pct == 2) {
            gp_strbuf_append_char(&b, '%');
            continue;
        }
        if (!arg && !(arg = percent_next_arg(&st)))
            goto fail;
        bool left = memchr(flags, '-', (size_t)nflags) != NULL;
        switch (conv) {
        case 'b':
        case 's':
        case 'r':
        case 'a': {
            if (bytes_mode && (conv == 's' || conv == 'b')) {
                if (percent_append_bytes_arg(&b, arg, left, width, prec) < 0)
                    goto fail;
                break;
            }
            if (conv == 'b')
                goto bad_conv;
            if (bytes_mode)
                conv = 'a';
            gp_object_t *text = conv == 's' ? (gp_str_check_exact(arg) ? GP_INCREF(arg)
                                                                       : gp_object_str(arg))
                                : conv == 'r' ? gp_object_repr(arg)
                                              : gp_object_ascii(arg);
            if (!text)
                goto fail;
            percent_append_text(&b, text, left, width, prec);
            GP_DECREF(text);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            gp_object_t *n = percent_int_arg(arg, conv);
            if (!n)
                goto fail;
            int rc = percent_append_int(&b, n, conv, flags, width, prec);
            GP_DECREF(n);
            if (rc < 0)
                goto fail;
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
            if (percent_append_float(&b, arg, conv, flags, width, prec) < 0) {
                /* bytes formatting words a non-number differently. */
                if (bytes_mode && gp_err_matches(&gp_exc_TypeError) && !gp_int_check(arg) &&
                    !gp_float_check(arg) && !GP_TYPE(arg)->to_float && !GP_TYPE(arg)->to_index) {
                    gp_err_clear();
                    gp_err_format(&gp_exc_TypeError, "float argument required, not %T", arg);
                }
                goto fail;
            }
            break;
        case 'c': {
            uint32_t cp;
            if (bytes_mode) {
                const char *bd;
                size_t bn;
                if (gp_bytes_like(arg, &bd, &bn) && bn == 1) {
                    cp = (unsigned char)bd[0];
                } else if (gp_int_check(arg)) {
                    int overflow;
                    int64_t v = gp_int_as_i64_overflow(arg, &overflow);
                    if (overflow || v < 0 || v > 255) {
                        gp_err_set_string(&gp_exc_OverflowError, "%c arg not in range(256)");
                        goto fail;
                    }
                    cp = (uint32_t)v;
                } else {
                    gp_err_set_string(&gp_exc_TypeError,
                                      "%c requires an integer in range(256) or a single byte");
                    goto fail;
                }
                char ch = (char)cp;
                intptr_t padn = width > 1 ? width - 1 : 0;
                if (!left)
                    for (intptr_t i = 0; i < padn; i++)
                        gp_strbuf_append_char(&b, ' ');
                gp_strbuf_append_char(&b, ch);
                if (left)
                    for (intptr_t i = 0; i < padn; i++)
                        gp_strbuf_append_char(&b, ' ');
                break;
            }
            if (gp_str_check(arg)) {
                if (GP_STR_LEN(arg) != 1) {
                    gp_err_set_string(&gp_exc_TypeError, "%c requires int or char");
                    goto fail;
                }
                cp = gp_str_char_at(arg, 0);
            } else if (gp_int_check(arg) || GP_TYPE(arg)->to_index) {
                /* Any object with __index__ stands for its code point. */
                gp_object_t *index = gp_number_index(arg);
                if (!index)
                    goto fail;
                int overflow;
                int64_t v = gp_int_as_i64_overflow(index, &overflow);
                GP_DECREF(index);
                if (overflow || v < 0 || v > 0x10FFFF) {
                    gp_err_set_string(&gp_exc_OverflowError, "%c arg not in range(0x110000)");
                    goto fail;
                }
                cp = (uint32_t)v;
            } else {
                gp_err_set_string(&gp_exc_TypeError, "%c requires int or char");
                goto fail;
            }
            char buf[4];
            int n = gp_utf8_encode(buf, cp);
            gp_object_t *one = gp_str_new_trusted(buf, (size_t)n, 1, cp < 128);
            if (!one)
                goto fail;
            percent_append_text(&b, one, left, width, -1);
            GP_DECREF(one);
            break;
        }
        default:
        bad_conv: {
            intptr_t index = bytes_mode ? d - 1 - s : gp_utf8_count(s, (size_t)(d - 1 - s));
            int n;
            uint32_t cp = gp_utf8_decode((const unsigned char *)d - 1, &n);
            if (cp >= 0x20 && cp < 0x7F)
                gp_err_format(&gp_exc_ValueError,
                              "unsupported format character '%c' (0x%x) at index %zd", (int)cp, cp,
                              index);
            else
                gp_err_format(&gp_exc_ValueError,
                              "unsupported format character '\\x%x' (0x%x) at index %zd", cp, cp,
                              index);
            goto fail;
        }
        }
    }
    GP_CLEAR(key_value);
    if (!st.dict && st.next < st.nitems) {
        gp_err_set_string(&gp_exc_TypeError, bytes_mode
                                                 ? "not all arguments converted during bytes formatting"
                                                 : "not all arguments converted during string formatting");
        gp_strbuf_discard(&b);
        return NULL;
    }
    if (bytes_mode) {
        if (b.failed) {
            gp_strbuf_discard(&b);
            gp_err_no_memory();
            return NULL;
        }
        gp_object_t *r = gp_bytes_new(b.data, b.len);
        gp_strbuf_discard(&b);
        return r;
    }
    return gp_strbuf_finish(&b);
fail:
    GP_XDECREF(key_value);
    gp_strbuf_discard(&b);
    return NULL;
}

gp_object_t *gp_str_percent_format(gp_object_t *format, gp_object_t *args)
{
    const char *s = GP_STR_DATA(format);
    return percent_format(s, s + GP_STR_BYTES(format), args, false);
}

gp_object_t *gp_bytes_percent_format(const char *data, size_t len, gp_object_t *args)
{
    return percent_format(data, data + len, args, true);
}

/* ------------------------------------------------------------------ */
/* str.format and str.format_map                                        */
/* ------------------------------------------------------------------ */

typedef struct format_ctx {
    gp_object_t *const *args; /* positional */
    size_t nargs;
    gp_object_t *const *kwvalues; /* keyword values, names in kwnames */
    gp_object_t *kwnames;
    gp_object_t *mapping; /* format_map's mapping, or NULL */
    int auto_state;       /* 0 unknown, 1 automatic numbering, 2 manual */
    intptr_t auto_next;
} format_ctx_t;

static int format_render(gp_strbuf_t *b, format_ctx_t *ctx, const char *s, const char *end,
                         int depth);

/* Looks up the argument named by [name, name_end) (empty: the next automatic
   one). Returns a new reference. */
static gp_object_t *format_get_arg(format_ctx_t *ctx, const char *name, const char *name_end)
{
    size_t len = (size_t)(name_end - name);
    bool numeric = true;
    for (size_t i = 0; i < len; i++)
        if (name[i] < '0' || name[i] > '9')
            numeric = false;
    if (numeric && ctx->mapping) {
        /* format_map has no positional arguments to number. */
        gp_err_set_string(&gp_exc_ValueError, "Format string contains positional fields");
        return NULL;
    }
    if (len == 0) {
        if (ctx->auto_state == 2) {
            gp_err_set_string(&gp_exc_ValueError, "cannot switch from manual field specification "
                                                  "to automatic field numbering");
            return NULL;
        }
        ctx->auto_state = 1;
        intptr_t i = ctx->auto_next++;
        if ((size_t)i >= ctx->nargs) {
            gp_err_format(&gp_exc_IndexError,
                          "Replacement index %zd out of range for positional args tuple", i);
            return NULL;
        }
        return GP_INCREF(ctx->args[i]);
    }
    if (numeric) {
        if (ctx->auto_state == 1) {
            gp_err_set_string(&gp_exc_ValueError, "cannot switch from automatic field numbering "
                                                  "to manual field specification");
            return NULL;
        }
        ctx->auto_state = 2;
        intptr_t i = 0;
        for (size_t k = 0; k < len; k++) {
            if (i > (INTPTR_MAX - 9) / 10) {
                gp_err_set_string(&gp_exc_ValueError, "Too many decimal digits in format string");
                return NULL;
            }
            i = i * 10 + (name[k] - '0');
        }
        if ((size_t)i >= ctx->nargs) {
            gp_err_format(&gp_exc_IndexError,
                          "Replacement index %zd out of range for positional args tuple", i);
            return NULL;
        }
        return GP_INCREF(ctx->args[i]);
    }
    gp_object_t *key = gp_str_new_trusted(name, len, -1, false);
    if (!key)
        return NULL;
    gp_object_t *v = NULL;
    if (ctx->mapping) {
        v = gp_object_getitem(ctx->mapping, key);
    } else {
        intptr_t nk = ctx->kwnames ? GP_TUPLE_SIZE(ctx->kwnames) : 0;
        for (intptr_t i = 0; i < nk; i++) {
            gp_object_t *k = GP_TUPLE_GET(ctx->kwnames, i);
            if ((size_t)GP_STR_BYTES(k) == len && memcmp(GP_STR_DATA(k), name, len) == 0) {
                v = GP_INCREF(ctx->kwvalues[i]);
                break;
            }
        }
        if (!v)
            gp_err_set_object(&gp_exc_KeyError, key);
    }
    GP_DECREF(key);
    return v;
}

/* Resolves "name.attr[key]..." to an object. */
static gp_object_t *format_resolve_field(format_ctx_t *ctx, const char *f, const char *end)
{
    const char *p = f;
    while (p < end && *p != '.' && *p != '[')
        p++;
    gp_object_t *obj = format_get_arg(ctx, f, p);
    if (!obj)
        return NULL;
    while (p < end) {
        gp_object_t *next;
        if (*p == '.') {
            const char *a = ++p;
            while (p < end && *p != '.' && *p != '[')
                p++;
            if (p == a) {
                gp_err_set_string(&gp_exc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            gp_object_t *name = gp_str_new_trusted(a, (size_t)(p - a), -1, false);
            if (!name)
                goto fail;
            next = gp_object_getattr(obj, name);
            GP_DECREF(name);
        } else if (*p == '[') {
            const char *k = ++p;
            while (p < end && *p != ']')
                p++;
            if (p >= end) {
                gp_err_set_string(&gp_exc_ValueError, "Missing ']' in format string");
                goto fail;
            }
            if (p == k) {
                gp_err_set_string(&gp_exc_ValueError, "Empty attribute in format string");
                goto fail;
            }
            bool numeric = true;
            intptr_t index = 0;
            for (const char *q = k; q < p && numeric; q++) {
                if (*q < '0' || *q > '9') {
                    numeric = false;
                } else if (index > (INTPTR_MAX - 9) / 10) {
                    gp_err_set_string(&gp_exc_ValueError,
                                      "Too many decimal digits in format string");
                    goto fail;
                } else {
                    index = index * 10 + (*q - '0');
                }
            }
            gp_object_t *key = numeric ? gp_int_from_i64(index)
                                       : gp_str_new_trusted(k, (size_t)(p - k), -1, false);
            if (!key)
                goto fail;
            next = gp_object_getitem(obj, key);
            GP_DECREF(key);
            p++; /* the ']' */
            if (p < end && *p != '.' && *p != '[') {
                GP_XDECREF(next);
                gp_err_set_string(&gp_exc_ValueError,
                                  "Only '.' or '[' may follow ']' in format field specifier");
                goto fail;
            }
        } else {
            gp_err_set_string(&gp_exc_ValueError,
                              "Only '.' or '[' may follow ']' in format field specifier");
            goto fail;
        }
        if (!next)
            goto fail;
        GP_DECREF(obj);
        obj = next;
    }
    return obj;
fail:
    GP_DECREF(obj);
    return NULL;
}

/* Formats one replacement field, the text between its braces. */
static int format_field(gp_strbuf_t *b, format_ctx_t *ctx, const char *f, const char *end,
                        int depth)
{
    /* Split "name!conv:spec"; the name ends at the first '!' or ':' outside [...]. */
    const char *p = f;
    while (p < end && *p != '!' && *p != ':') {
        if (*p == '[') {
            while (p < end && *p != ']')
                p++;
            if (p >= end)
                break;
        }
        p++;
    }
    const char *name_end = p;
    char conv = 0;
    if (p < end && *p == '!') {
        if (p + 1 >= end) {
            gp_err_set_string(&gp_exc_ValueError, "unmatched '{' in format spec");
            return -1;
        }
        conv = p[1];
        p += 2;
        if (p < end && *p != ':') {
            gp_err_set_string(&gp_exc_ValueError, "expected ':' after conversion specifier");
            return -1;
        }
    }
    const char *spec = p < end ? p + 1 : end;
    gp_object_t *obj = format_resolve_field(ctx, f, name_end);
    if (!obj)
        return -1;
    if (conv) {
        gp_object_t *c;
        switch (conv) {
        case 'r': c = gp_object_repr(obj); break;
        case 's': c = gp_object_str(obj); break;
        case 'a': c = gp_object_ascii(obj); break;
        default:
            if (conv >= 0x20 && conv < 0x7F)
                gp_err_format(&gp_exc_ValueError, "Unknown conversion specifier %c", conv);
            else
                gp_err_format(&gp_exc_ValueError, "Unknown conversion specifier \\x%x",
                              (unsigned char)conv);
            c = NULL;
        }
        GP_DECREF(obj);
        if (!c)
            return -1;
        obj = c;
    }
    /* Fast paths: str and int with an empty spec. */
    if (spec == end) {
        if (gp_str_check_exact(obj)) {
            gp_strbuf_append_str(b, obj);
            GP_DECREF(obj);
            return 0;
        }
        if (GP_IS_SMALL(obj)) {
            char buf[32];
            int n = snprintf(buf, sizeof buf, "%lld", (long long)GP_SMALL_VALUE(obj));
            gp_strbuf_append(b, buf, (size_t)n);
            GP_DECREF(obj);
            return 0;
        }
    }
    /* Expand nested fields in the spec ('{:{w}}'). */
    gp_object_t *spec_obj;
    if (memchr(spec, '{', (size_t)(end - spec))) {
        if (depth >= 1) {
            GP_DECREF(obj);
            gp_err_set_string(&gp_exc_ValueError, "Max string recursion exceeded");
            return -1;
        }
        gp_strbuf_t sb;
        gp_strbuf_init(&sb);
        if (format_render(&sb, ctx, spec, end, depth + 1) < 0) {
            gp_strbuf_discard(&sb);
            GP_DECREF(obj);
            return -1;
        }
        spec_obj = gp_strbuf_finish(&sb);
    } else {
        spec_obj = gp_str_new_trusted(spec, (size_t)(end - spec), -1, false);
    }
    if (!spec_obj) {
        GP_DECREF(obj);
        return -1;
    }
    gp_object_t *text;
    if (gp_str_check_exact(obj))
        text = gp_str_format_spec(obj, GP_STR_DATA(spec_obj), (size_t)GP_STR_BYTES(spec_obj));
    else
        text = gp_object_format(obj, spec_obj);
    GP_DECREF(spec_obj);
    GP_DECREF(obj);
    if (!text)
        return -1;
    if (!gp_str_check(text)) {
        GP_DECREF(text);
        gp_err_set_string(&gp_exc_TypeError, "__format__ must return a str");
        return -1;
    }
    gp_strbuf_append_str(b, text);
    GP_DECREF(text);
    return 0;
}

/* Renders the format string [s, end): literal text and replacement fields. */
static int format_render(gp_strbuf_t *b, format_ctx_t *ctx, const char *s, const char *end,
                         int depth)
{
    const char *p = s;
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '{' && *p != '}')
            p++;
        gp_strbuf_append(b, run, (size_t)(p - run));
        if (p >= end)
            break;
        if (*p == '}') {
            if (p + 1 < end && p[1] == '}') {
                gp_strbuf_append_char(b, '}');
                p += 2;
                continue;
            }
            gp_err_set_string(&gp_exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (p + 1 < end && p[1] == '{') {
            gp_strbuf_append_char(b, '{');
            p += 2;
            continue;
        }
        if (p + 1 >= end) {
            gp_err_set_string(&gp_exc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        /* Find the matching '}', counting nested braces and skipping [...] in the name. */
        const char *f = ++p;
        int nest = 1;
        bool in_name = true;
        while (p < end) {
            if (in_name && *p == '[') {
                while (p < end && *p != ']')
                    p++;
                if (p >= end)
                    break;
            } else if (*p == '{') {
                if (in_name) {
                    gp_err_set_string(&gp_exc_ValueError, "unexpected '{' in field name");
                    return -1;
                }
                nest++;
            } else if (*p == '}') {
                if (--nest == 0)
                    break;
            } else if (*p == ':' || *p == '!') {
                in_name = false;
            }
            p++;
        }
        if (p >= end) {
            /* CPython distinguishes a '{' left open inside the spec. */
            const char *q = f;
            bool has_conv = false;
            while (q < end && *q != ':') {
                if (*q == '!')
                    has_conv = true;
                q++;
            }
            if (has_conv || (q < end && nest > 1))
                gp_err_set_string(&gp_exc_ValueError, "unmatched '{' in format spec");
            else
                gp_err_set_string(&gp_exc_ValueError, "expected '}' before end of string");
            return -1;
        }
        if (format_field(b, ctx, f, p, depth) < 0)
            return -1;
        p++; /* the closing brace */
    }
    return 0;
}

gp_object_t *gp_str_format_method(gp_object_t *format, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    format_ctx_t ctx = {args, nargs, args + nargs, kwnames, NULL, 0, 0};
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    const char *s = GP_STR_DATA(format);
    if (format_render(&b, &ctx, s, s + GP_STR_BYTES(format), 0) < 0) {
        gp_strbuf_discard(&b);
        return NULL;
    }
    return gp_strbuf_finish(&b);
}

/* str.format_map(mapping): keyword fields looked up in [mapping]. */
gp_object_t *gp_str_format_map(gp_object_t *format, gp_object_t *mapping)
{
    format_ctx_t ctx = {NULL, 0, NULL, NULL, mapping, 0, 0};
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    const char *s = GP_STR_DATA(format);
    if (format_render(&b, &ctx, s, s + GP_STR_BYTES(format), 0) < 0) {
        gp_strbuf_discard(&b);
        return NULL;
    }
    return gp_strbuf_finish(&b);
}
