/* parser_string.c - number literals, string literals and f-strings.
 *
 * Design notes
 * ------------
 * The lexer hands over each literal as raw source text; this file turns it
 * into Constant, JoinedStr and FormattedValue nodes, following CPython
 * 3.11's Parser/string_parser.c:
 *
 *   - Adjacent literals are concatenated; mixing bytes with str is an
 *     error; the result is a str/bytes Constant, or a JoinedStr as soon as
 *     one piece is an f-string.
 *   - Escapes are decoded into UTF-8. A lone surrogate written as \udXXX is
 *     stored in its 3-byte generalized UTF-8 form, so that it survives the
 *     round trip to the compiler (which may reject it).
 *   - \N{name} is looked up in unicode_names.c, a generated subset of the
 *     Unicode name database; names outside it are reported as unknown.
 *   - In an f-string, each `{expression}` is located by the same scanner as
 *     CPython's (brackets, nested strings, `!=`, `==`), then parsed by a
 *     nested parser over "(expression)" so leading whitespace and line
 *     breaks work; its errors get the "f-string: " prefix.
 *   - Errors found while decoding are reported, as CPython does, at the
 *     token that follows the literals.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"

/* ------------------------------------------------------------------------
 * A growable byte buffer in the arena
 * ------------------------------------------------------------------------ */

typedef struct {
    char *data;
    size_t length;
    size_t cap;
} gp_buf_t;

static int buf_reserve(gp_parser_t *p, gp_buf_t *b, size_t extra)
{
    if (b->length + extra + 1 <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->length + extra + 1) {
        cap *= 2;
    }
    char *grown = parser_alloc(p, cap);
    if (grown == NULL) {
        return -1;
    }
    if (b->length) {
        memcpy(grown, b->data, b->length);
    }
    b->data = grown;
    b->cap = cap;
    return 0;
}

static int buf_append(gp_parser_t *p, gp_buf_t *b, const char *s, size_t n)
{
    if (buf_reserve(p, b, n) < 0) {
        return -1;
    }
    memcpy(b->data + b->length, s, n);
    b->length += n;
    b->data[b->length] = '\0';
    return 0;
}

/* Appends code point [cp] as (generalized) UTF-8. */
static int buf_append_code_point(gp_parser_t *p, gp_buf_t *b, unsigned cp)
{
    char out[4];
    size_t n;
    if (cp < 0x80) {
        out[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18));
        out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_append(p, b, out, n);
}

/* ------------------------------------------------------------------------
 * Numbers
 * ------------------------------------------------------------------------ */

gp_ast_expr_t *parse_number(gp_parser_t *p)
{
    gp_token_t *t = parser_accept(p, GP_TOK_NUMBER);
    if (t == NULL) {
        parser_error_generic(p);
        return NULL;
    }
    gp_ast_expr_t *e = expr_new(p, GP_AST_Constant, t);
    char *clean = parser_alloc(p, t->length + 1);
    if (e == NULL || clean == NULL) {
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < t->length; i++) {
        if (t->start[i] != '_') {
            clean[n++] = t->start[i];
        }
    }
    clean[n] = '\0';
    gp_ast_constant_t *c = &e->v.Constant;
    int base = 10;
    if (n >= 2 && clean[0] == '0') {
        char x = (char)(clean[1] | 0x20);
        base = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 10;
    }
    if (base != 10) {
        c->kind = GP_AST_CONST_INT;
        c->base = base;
        c->digits = clean + 2;
        return e;
    }
    if (clean[n - 1] == 'j' || clean[n - 1] == 'J') {
        clean[n - 1] = '\0';
        c->kind = GP_AST_CONST_COMPLEX;
        c->number = strtod(clean, NULL);
        return e;
    }
    if (strpbrk(clean, ".eE") != NULL) {
        c->kind = GP_AST_CONST_FLOAT;
        c->number = strtod(clean, NULL);
        return e;
    }
    c->kind = GP_AST_CONST_INT;
    c->base = 10;
    c->digits = clean;
    return e;
}

/* ------------------------------------------------------------------------
 * Escape decoding
 * ------------------------------------------------------------------------ */

static int hex_value(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

/* Records an error of the literal decoder at the token after the strings. */
static void string_error(gp_parser_t *p, const char *msg)
{
    gp_token_t *t = &p->tokens[p->max_pos];
    parser_error_token(p, t, "%s", msg);
}

/* Records CPython's DeprecationWarning for the invalid escape whose
 * character after the backslash is at [at], in the literal token [t]: an
 * octal escape above 0o377 quotes its three digits, any other the one
 * character. */
static int warn_invalid_escape(gp_parser_t *p, const gp_token_t *t, const char *at)
{
    char msg[64];
    if (*at >= '0' && *at <= '7') {
        snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%.3s'", at);
    } else {
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%c'", *at);
    }
    return parser_warn_token(p, t, at, msg);
}

/* Decodes [n] bytes of a literal body at [s], part of token [t], into
 * [out]. [is_bytes] selects bytes semantics (no \u, \U, \N; values are
 * single bytes). Like CPython, warns about the first invalid escape only. */
static int decode_escapes(gp_parser_t *p, const gp_token_t *t, const char *s, size_t n,
                          int is_bytes, gp_buf_t *out)
{
    size_t i = 0;
    const char *first_invalid = NULL;
    while (i < n) {
        const char *run = s + i;
        size_t run_len = 0;
        while (i < n && s[i] != '\\') {
            i++;
            run_len++;
        }
        if (run_len && buf_append(p, out, run, run_len) < 0) {
            return -1;
        }
        if (i >= n) {
            break;
        }
        size_t esc = i;
        i++; /* the backslash */
        if (i >= n) {
            /* Cannot happen: the lexer never ends a literal on a backslash. */
            return buf_append(p, out, "\\", 1);
        }
        char c = s[i++];
        char simple = 0;
        switch (c) {
        case '\n':
            continue;
        case '\\':
            simple = '\\';
            break;
        case '\'':
            simple = '\'';
            break;
        case '"':
            simple = '"';
            break;
        case 'a':
            simple = '\a';
            break;
        case 'b':
            simple = '\b';
            break;
        case 'f':
            simple = '\f';
            break;
        case 'n':
            simple = '\n';
            break;
        case 'r':
            simple = '\r';
            break;
        case 't':
            simple = '\t';
            break;
        case 'v':
            simple = '\v';
            break;
        default:
            break;
        }
        if (simple) {
            if (buf_append(p, out, &simple, 1) < 0) {
                return -1;
            }
            continue;
        }
        if (c >= '0' && c <= '7') {
            unsigned value = (unsigned)(c - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) {
                value = value * 8 + (unsigned)(s[i++] - '0');
            }
            if (value > 0377 && first_invalid == NULL) {
                first_invalid = s + esc + 1;
            }
            if (is_bytes) {
                char byte = (char)(value & 0xFF);
                if (buf_append(p, out, &byte, 1) < 0) {
                    return -1;
                }
            } else if (buf_append_code_point(p, out, value) < 0) {
                return -1;
            }
            continue;
        }
        int digits = c == 'x' ? 2 : (!is_bytes && c == 'u') ? 4 : (!is_bytes && c == 'U') ? 8 : 0;
        if (digits) {
            unsigned value = 0;
            int got = 0;
            while (got < digits && i < n && hex_value(s[i]) >= 0) {
                value = value * 16 + (unsigned)hex_value(s[i++]);
                got++;
            }
            char msg[200];
            if (got < digits) {
                if (is_bytes) {
                    snprintf(msg, sizeof msg, "(value error) invalid \\x escape at position %zu",
                             esc);
                } else {
                    snprintf(msg, sizeof msg,
                             "(unicode error) 'unicodeescape' codec can't decode bytes in "
                             "position %zu-%zu: truncated \\%s escape",
                             esc, esc + 1 + (size_t)got,
                             c == 'x'   ? "xXX"
                             : c == 'u' ? "uXXXX"
                                        : "UXXXXXXXX");
                }
                string_error(p, msg);
                return -1;
            }
            if (is_bytes) {
                char byte = (char)value;
                if (buf_append(p, out, &byte, 1) < 0) {
                    return -1;
                }
                continue;
            }
            if (value > 0x10FFFF) {
                snprintf(msg, sizeof msg,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                         "%zu-%zu: illegal Unicode character",
                         esc, i - 1);
                string_error(p, msg);
                return -1;
            }
            if (buf_append_code_point(p, out, value) < 0) {
                return -1;
            }
            continue;
        }
        if (!is_bytes && c == 'N') {
            size_t end = i;
            if (end < n && s[end] == '{') {
                while (end < n && s[end] != '}') {
                    end++;
                }
            }
            unsigned named;
            if (end < n && end > i + 1 && gp_unicode_lookup_name(s + i + 1, end - i - 1, &named)) {
                if (buf_append_code_point(p, out, named) < 0) {
                    return -1;
                }
                i = end + 1;
                continue;
            }
            char msg[200];
            int well_formed = i < n && s[i] == '{' && end < n;
            snprintf(msg, sizeof msg,
                     "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                     "%zu-%zu: %s",
                     esc, well_formed ? end : esc + 1,
                     well_formed ? "unknown Unicode character name"
                                 : "malformed \\N character escape");
            string_error(p, msg);
            return -1;
        }
        /* Unknown escapes keep their backslash and are warned about, except
         * before a non-ASCII character, which CPython quotes silently. */
        if ((unsigned char)c < 0x80 && first_invalid == NULL) {
            first_invalid = s + esc + 1;
        }
        if (buf_append(p, out, s + esc, i - esc) < 0) {
            return -1;
        }
    }
    return first_invalid ? warn_invalid_escape(p, t, first_invalid) : 0;
}

/* ------------------------------------------------------------------------
 * Literal pieces
 * ------------------------------------------------------------------------ */

/* The parts of one STRING token. */
typedef struct {
    gp_token_t *token;
    const char *body; /* between the quotes */
    size_t length;
    int is_bytes, is_raw, is_fstring, is_u;
} gp_literal_t;

static void literal_split(gp_token_t *t, gp_literal_t *lit)
{
    memset(lit, 0, sizeof *lit);
    lit->token = t;
    size_t i = 0;
    while (t->start[i] != '\'' && t->start[i] != '"') {
        char c = (char)(t->start[i] | 0x20);
        lit->is_bytes |= c == 'b';
        lit->is_raw |= c == 'r';
        lit->is_fstring |= c == 'f';
        lit->is_u |= c == 'u';
        i++;
    }
    char quote = t->start[i];
    size_t quote_len =
        (t->length - i >= 6 && t->start[i + 1] == quote && t->start[i + 2] == quote) ? 3 : 1;
    lit->body = t->start + i + quote_len;
    lit->length = t->length - i - 2 * quote_len;
}

/* The JoinedStr under construction: literal text is accumulated in
 * [pending] and flushed as one Constant before each FormattedValue. */
typedef struct {
    gp_vec_t values;
    gp_buf_t pending;
} gp_fstring_builder_t;

static int builder_flush(gp_parser_t *p, gp_fstring_builder_t *b, const gp_token_t *first,
                         const gp_token_t *last)
{
    if (b->pending.length == 0) {
        return 0;
    }
    gp_ast_expr_t *e = parser_alloc(p, sizeof *e);
    if (e == NULL) {
        return -1;
    }
    e->kind = GP_AST_Constant;
    e->lineno = first->lineno;
    e->col_offset = first->col_offset;
    e->end_lineno = last->end_lineno;
    e->end_col_offset = last->end_col_offset;
    e->v.Constant.kind = GP_AST_CONST_STR;
    e->v.Constant.bytes = b->pending.data;
    e->v.Constant.length = b->pending.length;
    b->pending.data = NULL;
    b->pending.length = b->pending.cap = 0;
    return vec_push(p, &b->values, e);
}

static int fstring_parse(gp_parser_t *p, gp_literal_t *lit, const char **pos, const char *end,
                         int recurse, gp_fstring_builder_t *b, const gp_token_t *first,
                         const gp_token_t *last);

/* Counts newlines in [from, to), and the byte column of [to] in its line,
 * for placing nested expressions. */
static void text_position(const gp_token_t *t, const char *to, int *lineno, int *col)
{
    int line = t->lineno;
    const char *line_start = NULL;
    for (const char *s = t->start; s < to; s++) {
        if (*s == '\n') {
            line++;
            line_start = s + 1;
        }
    }
    *lineno = line;
    *col = line_start ? (int)(to - line_start) : t->col_offset + (int)(to - t->start);
}

/* Parses one `{...}` field starting at **pos == '{'. */
static int fstring_field(gp_parser_t *p, gp_literal_t *lit, const char **pos, const char *end,
                         int recurse, gp_fstring_builder_t *b, const gp_token_t *first,
                         const gp_token_t *last)
{
    if (recurse >= 2) {
        string_error(p, "f-string: expressions nested too deeply");
        return -1;
    }
    const char *s = *pos + 1;
    const char *expr_start = s;
    char stack[GP_LEXER_MAX_LEVEL];
    int depth = 0;
    char quote = 0;
    int quote_len = 0;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') {
            string_error(p, "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote) {
            if (ch == quote) {
                if (quote_len == 3) {
                    if (s + 2 < end && s[1] == quote && s[2] == quote) {
                        s += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
                quote_len = 3;
                s += 2;
            } else {
                quote_len = 1;
            }
            quote = ch;
            continue;
        }
        if (ch == '[' || ch == '(' || ch == '{') {
            if (depth >= GP_LEXER_MAX_LEVEL) {
                string_error(p, "f-string: too many nested parenthesis");
                return -1;
            }
            stack[depth++] = ch;
            continue;
        }
        if (ch == '#') {
            string_error(p, "f-string expression part cannot include '#'");
            return -1;
        }
        if (depth == 0 &&
            (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end) {
                char next = s[1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                    s++;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') {
                continue;
            }
            break;
        }
        if (ch == ']' || ch == ')' || ch == '}') {
            char msg[120];
            if (depth == 0) {
                snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
                string_error(p, msg);
                return -1;
            }
            char opening = stack[--depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                snprintf(msg, sizeof msg,
                         "f-string: closing parenthesis '%c' does not match opening "
                         "parenthesis '%c'",
                         ch, opening);
                string_error(p, msg);
                return -1;
            }
        }
    }
    const char *expr_end = s;
    if (quote) {
        string_error(p, "f-string: unterminated string");
        return -1;
    }
    if (depth) {
        char msg[64];
        snprintf(msg, sizeof msg, "f-string: unmatched '%c'", stack[depth - 1]);
        string_error(p, msg);
        return -1;
    }
    if (s >= end) {
        string_error(p, "f-string: expecting '}'");
        return -1;
    }
    int blank = 1;
    for (const char *q = expr_start; q < expr_end; q++) {
        if (*q != ' ' && *q != '\t' && *q != '\n' && *q != '\f' && *q != '\r') {
            blank = 0;
        }
    }
    if (blank) {
        /* CPython names the character the missing expression stands before. */
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
            char msg[64];
            snprintf(msg, sizeof msg, "f-string: expression required before '%c'", *expr_end);
            string_error(p, msg);
            return -1;
        }
        string_error(p, "f-string: empty expression not allowed");
        return -1;
    }
    int lineno, col;
    text_position(lit->token, expr_start, &lineno, &col);
    gp_ast_expr_t *value =
        parser_parse_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start), lineno, col);
    if (value == NULL) {
        return -1;
    }
    int debug = 0;
    if (*s == '=') {
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r')) {
            s++;
        }
        if (s >= end) {
            string_error(p, "f-string: expecting '}'");
            return -1;
        }
        if (buf_append(p, &b->pending, expr_start, (size_t)(s - expr_start)) < 0) {
            return -1;
        }
        debug = 1;
    }
    int conversion = -1;
    if (*s == '!') {
        s++;
        if (s >= end) {
            string_error(p, "f-string: expecting '}'");
            return -1;
        }
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            string_error(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
    }
    gp_ast_expr_t *spec = NULL;
    if (s < end && *s == ':') {
        s++;
        if (s >= end) {
            string_error(p, "f-string: expecting '}'");
            return -1;
        }
        gp_fstring_builder_t inner = {{0}, {0}};
        if (fstring_parse(p, lit, &s, end, recurse + 1, &inner, first, last) < 0 ||
            builder_flush(p, &inner, first, last) < 0) {
            return -1;
        }
        spec = parser_alloc(p, sizeof *spec);
        if (spec == NULL) {
            return -1;
        }
        spec->kind = GP_AST_JoinedStr;
        spec->lineno = first->lineno;
        spec->col_offset = first->col_offset;
        spec->end_lineno = last->end_lineno;
        spec->end_col_offset = last->end_col_offset;
        spec->v.JoinedStr.values = vec_to_exprs(&inner.values);
    }
    if (s >= end || *s != '}') {
        string_error(p, "f-string: expecting '}'");
        return -1;
    }
    s++;
    if (debug && spec == NULL && conversion == -1) {
        conversion = 'r';
    }
    if (builder_flush(p, b, first, last) < 0) {
        return -1;
    }
    gp_ast_expr_t *fv = parser_alloc(p, sizeof *fv);
    if (fv == NULL) {
        return -1;
    }
    fv->kind = GP_AST_FormattedValue;
    fv->lineno = first->lineno;
    fv->col_offset = first->col_offset;
    fv->end_lineno = last->end_lineno;
    fv->end_col_offset = last->end_col_offset;
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    *pos = s;
    return vec_push(p, &b->values, fv);
}

/* Parses literal text and fields from *pos until [end], or until a '}'
 * that closes a format spec when [recurse] > 0. */
static int fstring_parse(gp_parser_t *p, gp_literal_t *lit, const char **pos, const char *end,
                         int recurse, gp_fstring_builder_t *b, const gp_token_t *first,
                         const gp_token_t *last)
{
    const char *s = *pos;
    while (s < end) {
        /* Literal text up to the next brace (skipping \N{...}). */
        const char *literal_start = s;
        const char *literal_end = NULL;
        int doubled = 0;
        while (s < end) {
            char ch = *s++;
            if (!lit->is_raw && ch == '\\' && s < end) {
                ch = *s++;
                if (ch == 'N') {
                    if (s < end && *s++ == '{') {
                        while (s < end && *s++ != '}') {
                        }
                    }
                    continue;
                }
                /* `\{` is no escape: CPython warns, then the brace opens a
                 * field. */
                if (ch == '{' && warn_invalid_escape(p, lit->token, s - 1) < 0) {
                    return -1;
                }
            }
            if (ch == '{' || ch == '}') {
                if (recurse == 0) {
                    if (s < end && *s == ch) {
                        literal_end = s;
                        s++;
                        doubled = 1;
                        break;
                    }
                    if (ch == '}') {
                        string_error(p, "f-string: single '}' is not allowed");
                        return -1;
                    }
                }
                s--;
                literal_end = s;
                break;
            }
        }
        if (literal_end == NULL) {
            literal_end = s;
        }
        if (literal_end > literal_start) {
            if (lit->is_raw) {
                if (buf_append(p, &b->pending, literal_start,
                               (size_t)(literal_end - literal_start)) < 0) {
                    return -1;
                }
            } else if (decode_escapes(p, lit->token, literal_start,
                                      (size_t)(literal_end - literal_start), 0, &b->pending) < 0) {
                return -1;
            }
        }
        if (doubled) {
            continue;
        }
        if (s >= end) {
            break;
        }
        if (*s == '}') {
            /* The end of a format spec: leave the brace to the caller. */
            break;
        }
        if (fstring_field(p, lit, &s, end, recurse, b, first, last) < 0) {
            return -1;
        }
    }
    *pos = s;
    return 0;
}

/* ------------------------------------------------------------------------
 * Concatenation
 * ------------------------------------------------------------------------ */

gp_ast_expr_t *parse_strings(gp_parser_t *p)
{
    gp_token_t *first = parser_peek(p);
    size_t start = p->pos;
    while (parser_check(p, GP_TOK_STRING)) {
        p->pos++;
    }
    /* CPython's `strings` rule looked at the token after the literals, and
     * errors found while decoding are reported there. */
    parser_peek(p);
    gp_token_t *last = parser_last(p);
    size_t count = p->pos - start;
    int any_bytes = 0, any_str = 0, any_f = 0;
    for (size_t i = 0; i < count; i++) {
        gp_literal_t lit;
        literal_split(&p->tokens[start + i], &lit);
        any_bytes |= lit.is_bytes;
        any_str |= !lit.is_bytes;
        any_f |= lit.is_fstring;
    }
    if (any_bytes && any_str) {
        string_error(p, "cannot mix bytes and nonbytes literals");
        return NULL;
    }
    for (size_t i = 0; i < count && any_bytes; i++) {
        gp_token_t *t = &p->tokens[start + i];
        for (size_t k = 0; k < t->length; k++) {
            if ((unsigned char)t->start[k] >= 0x80) {
                parser_error_token(p, t, "bytes can only contain ASCII literal characters");
                return NULL;
            }
        }
    }
    gp_ast_expr_t *e = expr_new(p, any_f ? GP_AST_JoinedStr : GP_AST_Constant, first);
    if (e == NULL) {
        return NULL;
    }
    if (!any_f) {
        gp_buf_t buf = {0};
        for (size_t i = 0; i < count; i++) {
            gp_literal_t lit;
            literal_split(&p->tokens[start + i], &lit);
            int status =
                lit.is_raw ? buf_append(p, &buf, lit.body, lit.length)
                           : decode_escapes(p, lit.token, lit.body, lit.length, lit.is_bytes, &buf);
            if (status < 0) {
                return NULL;
            }
        }
        if (buf_reserve(p, &buf, 0) < 0) {
            return NULL;
        }
        gp_literal_t head;
        literal_split(first, &head);
        e->v.Constant.kind = any_bytes ? GP_AST_CONST_BYTES : GP_AST_CONST_STR;
        e->v.Constant.bytes = buf.data;
        e->v.Constant.length = buf.length;
        /* CPython only looks for a lowercase `u`. */
        e->v.Constant.is_u_prefixed = head.is_u && first->start[0] == 'u';
        return e;
    }
    gp_fstring_builder_t b = {{0}, {0}};
    for (size_t i = 0; i < count; i++) {
        gp_literal_t lit;
        literal_split(&p->tokens[start + i], &lit);
        if (!lit.is_fstring) {
            int status = lit.is_raw
                             ? buf_append(p, &b.pending, lit.body, lit.length)
                             : decode_escapes(p, lit.token, lit.body, lit.length, 0, &b.pending);
            if (status < 0) {
                return NULL;
            }
            continue;
        }
        const char *s = lit.body;
        if (fstring_parse(p, &lit, &s, lit.body + lit.length, 0, &b, first, last) < 0) {
            return NULL;
        }
    }
    if (builder_flush(p, &b, first, last) < 0) {
        return NULL;
    }
    e->v.JoinedStr.values = vec_to_exprs(&b.values);
    return e;
}
