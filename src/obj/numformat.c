/*
 * numformat.c - the format-spec mini-language for int (and its layout
 * helper, which float.c shares).
 *
 * Design notes
 * ------------
 * format(x, spec) for numbers is two independent steps, as in CPython's
 * formatter_unicode.c:
 *
 *   1. Produce the bare text of |x| in the requested presentation: decimal,
 *      binary, hex..., or for floats the digits printf gives for e/f/g.
 *   2. Lay it out: sign, "0x" prefix, digit grouping with ',' or '_',
 *      fill and alignment to the width.
 *
 * Step 2 is gp_format_number() below, shared by int and float so both agree
 * on every corner (the '=' alignment that pads between the sign and the
 * digits, and zero padding that also grows the grouping: format(1234,
 * '08,') is '0,001,234', one character wider than asked, like CPython).
 */
#include <string.h>

#include "obj/int.h"

static bool is_align(char c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Decodes one UTF-8 code point at [s] (len > 0); returns its byte length. */
static size_t utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    unsigned c = s[0];
    size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    if (n > len) {
        *cp = c;
        return 1;
    }
    if (n == 1) {
        *cp = c;
    } else {
        uint32_t v = c & (0x3fu >> (n - 1));
        for (size_t i = 1; i < n; i++)
            v = (v << 6) | (s[i] & 0x3fu);
        *cp = v;
    }
    return n;
}

int gp_format_spec_parse(const char *spec, size_t len, const char *type_name, gp_format_spec_t *out)
{
    const unsigned char *s = (const unsigned char *)spec;
    size_t pos = 0;
    memset(out, 0, sizeof *out);
    out->fill = ' ';
    out->width = -1;
    out->precision = -1;
    bool fill_given = false;

    if (len > 0) {
        uint32_t cp;
        size_t n = utf8_decode(s, len, &cp);
        if (n < len && is_align((char)s[n])) {
            out->fill = cp;
            out->align = (char)s[n];
            fill_given = true;
            pos = n + 1;
        } else if (is_align((char)s[0])) {
            out->align = (char)s[0];
            pos = 1;
        }
    }
    if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
        out->sign = (char)s[pos++];
    if (pos < len && s[pos] == 'z') {
        out->no_neg_zero = true;
        pos++;
    }
    if (pos < len && s[pos] == '#') {
        out->alternate = true;
        pos++;
    }
    if (!fill_given && pos < len && s[pos] == '0') {
        out->fill = '0';
        out->zero_pad = true;
        if (!out->align)
            out->align = '=';
        pos++;
    }
    if (pos < len && s[pos] >= '0' && s[pos] <= '9') {
        intptr_t w = 0;
        while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
            if (w > (INTPTR_MAX - 9) / 10) {
                gp_err_set_string(&gp_exc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            w = w * 10 + (s[pos++] - '0');
        }
        out->width = w;
    }
    if (pos < len && (s[pos] == ',' || s[pos] == '_')) {
        out->grouping = (char)s[pos++];
        if (pos < len && (s[pos] == ',' || s[pos] == '_')) {
            if (s[pos] == out->grouping)
                gp_err_format(&gp_exc_ValueError, "Cannot specify '%c' with '%c'.", s[pos], s[pos]);
            else
                gp_err_set_string(&gp_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (pos < len && s[pos] == '.') {
        pos++;
        if (pos >= len || s[pos] < '0' || s[pos] > '9') {
            gp_err_set_string(&gp_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        intptr_t p = 0;
        while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
            if (p > (INTPTR_MAX - 9) / 10) {
                gp_err_set_string(&gp_exc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            p = p * 10 + (s[pos++] - '0');
        }
        out->precision = p;
    }
    if (len - pos > 1) {
        gp_err_format(&gp_exc_ValueError, "Invalid format specifier '%s' for object of type '%s'",
                      spec, type_name);
        return -1;
    }
    if (pos < len)
        out->type = (char)s[pos];
    if (out->grouping) {
        /* Which presentation types accept which separator. */
        char t = out->type;
        bool ok;
        if (out->grouping == ',')
            ok = t == 0 || t == 'd' || t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' ||
                 t == 'G' || t == '%';
        else
            ok = t == 0 || t == 'd' || t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' ||
                 t == 'G' || t == '%' || t == 'b' || t == 'o' || t == 'x' || t == 'X';
        if (!ok) {
            if (t >= 0x20 && t < 0x7f)
                gp_err_format(&gp_exc_ValueError, "Cannot specify '%c' with '%c'.", out->grouping,
                              t);
            else
                gp_err_format(&gp_exc_ValueError, "Cannot specify '%c' with '\\x%x'.",
                              out->grouping, (unsigned)(unsigned char)t);
            return -1;
        }
    }
    return 0;
}

static void append_fill(gp_strbuf_t *b, uint32_t fill, size_t count)
{
    if (fill < 0x80) {
        for (size_t i = 0; i < count; i++)
            gp_strbuf_append_char(b, (char)fill);
    } else {
        for (size_t i = 0; i < count; i++)
            gp_strbuf_append_codepoint(b, fill);
    }
}

/* Length of [ndigits] digits once grouped every [every]. */
static size_t grouped_length(size_t ndigits, int every)
{
    return ndigits ? ndigits + (ndigits - 1) / (size_t)every : 0;
}

gp_object_t *gp_format_number(const gp_format_spec_t *spec, const char *sign_text,
                              const char *prefix, const char *intpart, size_t intlen,
                              const char *rest, size_t restlen, int group_every)
{
    char sep = spec->grouping;
    char align = spec->align ? spec->align : '>';
    size_t width = spec->width > 0 ? (size_t)spec->width : 0;
    size_t sign_len = strlen(sign_text), prefix_len = strlen(prefix);
    size_t fixed = sign_len + prefix_len + restlen;

    /* Zero padding with grouping turns padding into grouped leading zeros. */
    size_t ndigits = intlen;
    if (sep && align == '=' && spec->fill == '0' && intlen > 0 && width > fixed) {
        while (grouped_length(ndigits, group_every) < width - fixed)
            ndigits++;
    }
    size_t digits_len = sep ? grouped_length(ndigits, group_every) : ndigits;
    size_t total = fixed + digits_len;
    size_t pad = width > total ? width - total : 0;

    gp_strbuf_t b;
    gp_strbuf_init(&b);
    size_t left = 0, right = 0, middle = 0;
    switch (align) {
    case '<':
        right = pad;
        break;
    case '^':
        left = pad / 2;
        right = pad - left;
        break;
    case '=':
        middle = pad;
        break;
    default:
        left = pad;
        break;
    }
    append_fill(&b, spec->fill, left);
    gp_strbuf_append(&b, sign_text, sign_len);
    gp_strbuf_append(&b, prefix, prefix_len);
    append_fill(&b, spec->fill, middle);
    for (size_t i = 0; i < ndigits; i++) {
        size_t from_right = ndigits - i; /* digits left including this one */
        char c = i < ndigits - intlen ? '0' : intpart[i - (ndigits - intlen)];
        gp_strbuf_append_char(&b, c);
        if (sep && from_right > 1 && (from_right - 1) % (size_t)group_every == 0)
            gp_strbuf_append_char(&b, sep);
    }
    gp_strbuf_append(&b, rest, restlen);
    append_fill(&b, spec->fill, right);
    return gp_strbuf_finish(&b);
}

gp_object_t *gp_int_format(gp_object_t *o, const char *spec, size_t spec_len)
{
    if (spec_len == 0)
        return gp_object_str(o);
    gp_format_spec_t f;
    if (gp_format_spec_parse(spec, spec_len, "int", &f) < 0)
        return NULL;
    char type = f.type ? f.type : 'd';
    switch (type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        double d = gp_int_as_double(o);
        if (d == -1.0 && gp_err_occurred())
            return NULL;
        return gp_float_format_double(d, spec, spec_len);
    }
    case 'd':
    case 'n':
    case 'b':
    case 'o':
    case 'x':
    case 'X':
    case 'c':
        break;
    default:
        /* The message names the value's own type, so a bool or an int
         * subclass is reported as itself. */
        if (type >= 0x20 && type < 0x7f)
            gp_err_format(&gp_exc_ValueError, "Unknown format code '%c' for object of type '%T'",
                          type, o);
        else
            gp_err_format(&gp_exc_ValueError,
                          "Unknown format code '\\x%x' for object of type '%T'",
                          (unsigned)(unsigned char)type, o);
        return NULL;
    }
    if (f.precision >= 0) {
        gp_err_set_string(&gp_exc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f.no_neg_zero) {
        gp_err_set_string(&gp_exc_ValueError,
                          "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (type == 'n' && f.grouping) {
        gp_err_format(&gp_exc_ValueError, "Cannot specify '%c' with 'n'.", f.grouping);
        return NULL;
    }
    if (type == 'c') {
        if (f.sign) {
            gp_err_set_string(&gp_exc_ValueError,
                              "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (f.alternate) {
            gp_err_set_string(&gp_exc_ValueError,
                              "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        int overflow;
        int64_t cp = gp_int_as_i64_overflow(o, &overflow);
        if (overflow) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C long");
            return NULL;
        }
        if (cp < 0 || cp > 0x10ffff) {
            gp_err_set_string(&gp_exc_OverflowError, "%c arg not in range(0x110000)");
            return NULL;
        }
        gp_strbuf_t b;
        gp_strbuf_init(&b);
        gp_strbuf_append_codepoint(&b, (uint32_t)cp);
        gp_object_t *ch = gp_strbuf_finish(&b);
        if (!ch)
            return NULL;
        /* The character is still a formatted number, so like every other
         * integer presentation it sits right-aligned unless told otherwise
         * ('{:4c}'.format(48) is '   0'). The layout counts bytes, so the
         * width grows by the character's extra UTF-8 bytes to pad by code
         * points. */
        size_t nbytes = gp_str_utf8_len(ch);
        if (f.width > 0)
            f.width += (intptr_t)nbytes - 1;
        gp_object_t *r = gp_format_number(&f, "", "", "", 0, gp_str_utf8(ch), nbytes, 3);
        GP_DECREF(ch);
        return r;
    }

    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    int negative = gp_int_sign(o) < 0;
    gp_object_t *mag = negative ? gp_int_neg(o) : GP_INCREF(o);
    if (!mag)
        return NULL;
    gp_object_t *text = gp_int_to_string(mag, base);
    GP_DECREF(mag);
    if (!text)
        return NULL;
    const char *digits = gp_str_utf8(text);
    size_t ndigits = gp_str_utf8_len(text);
    if (base != 10) {
        digits += 2; /* skip the "0x" that gp_int_to_string adds */
        ndigits -= 2;
    }
    char *upper = NULL;
    if (type == 'X') {
        upper = gp_mem_alloc(ndigits + 1);
        if (!upper) {
            GP_DECREF(text);
            gp_err_no_memory();
            return NULL;
        }
        for (size_t i = 0; i < ndigits; i++)
            upper[i] = (digits[i] >= 'a' && digits[i] <= 'f') ? (char)(digits[i] - 32) : digits[i];
        digits = upper;
    }
    const char *sign_text = negative ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
    const char *prefix = "";
    if (f.alternate) {
        prefix = type == 'b'   ? "0b"
                 : type == 'o' ? "0o"
                 : type == 'x' ? "0x"
                 : type == 'X' ? "0X"
                               : "";
    }
    gp_object_t *r =
        gp_format_number(&f, sign_text, prefix, digits, ndigits, "", 0, base == 10 ? 3 : 4);
    gp_mem_free(upper);
    GP_DECREF(text);
    return r;
}
