/*
 * sre_compile.c - the regular-expression parser and code generator.
 *
 * Design notes
 * ------------
 * One recursive-descent pass turns the pattern into a program (see sre.h):
 *
 *     alternation := sequence ('|' sequence)*
 *     sequence    := (item quantifier?)*
 *     item        := literal | '.' | class | escape | anchor | group
 *
 * Code is emitted as the parser goes. A quantifier applies to the code of
 * the item just emitted, so the parser remembers where that item's code
 * starts and whether it is a single-character test; a loop header is then
 * inserted in front of it (relative jumps make that a plain memmove).
 * Repeating a single-character test uses STAR, which the matcher runs with
 * one backtracking entry however many characters it consumed; anything else
 * becomes a counted loop with its own registers.
 *
 * Each parse function also reports the minimum and maximum width of what it
 * parsed, which is how a look-behind checks that its body has a fixed width.
 *
 * Error messages and positions are CPython's (sre_parse.py's wording); the
 * parser's recursion is bounded so deeply nested parentheses raise
 * RecursionError rather than overflowing the C stack.
 */
#include <string.h>

#include "mod/sre.h"
#include "obj/str.h"
#include "runtime/runtime.h"

#define SRE_WIDTH_INF INTPTR_MAX
#define SRE_MAX_DEPTH 500

typedef struct parser {
    const uint32_t *p; /* the pattern as code points (or bytes) */
    intptr_t n;
    intptr_t pos;
    gp_object_t *pattern;
    bool is_bytes;
    int global_flags;
    int depth;
    bool failed; /* an exception is set */

    sre_program_t *prog;
    size_t code_cap;
    size_t class_cap;
    size_t name_cap;
    /* Groups still open (being parsed), for "cannot refer to an open group". */
    uint8_t *open_groups;
    size_t open_cap;
} parser_t;

/* What the last parsed item was, for quantifiers. */
typedef enum item_kind { ITEM_NONE, ITEM_SINGLE, ITEM_GENERAL, ITEM_ANCHOR } item_kind_t;

/* ------------------------------------------------------------------ */
/* Character predicates                                                 */
/* ------------------------------------------------------------------ */

bool sre_is_digit(uint32_t ch, bool unicode)
{
    if (ch < 128 || !unicode)
        return ch >= '0' && ch <= '9';
    return gp_unicode_isdecimal(ch);
}

bool sre_is_space(uint32_t ch, bool unicode)
{
    if (ch < 128 || !unicode)
        return ch == ' ' || (ch >= '\t' && ch <= '\r');
    return gp_unicode_isspace(ch);
}

bool sre_is_word(uint32_t ch, bool unicode)
{
    if (ch < 128 || !unicode)
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '_';
    /* str.isalnum(): alphabetic, decimal, digit or numeric. */
    return gp_unicode_isalpha(ch) || gp_unicode_isdecimal(ch) || gp_unicode_isdigit(ch) ||
           gp_unicode_isnumeric(ch);
}

uint32_t sre_lower(uint32_t ch, bool unicode)
{
    if (ch < 128 || !unicode)
        return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
    return gp_unicode_tolower(ch);
}

uint32_t sre_upper(uint32_t ch, bool unicode)
{
    if (ch < 128 || !unicode)
        return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
    return gp_unicode_toupper(ch);
}

static bool class_raw_contains(const sre_class_t *cls, uint32_t ch)
{
    for (uint32_t i = 0; i < cls->nranges; i++)
        if (ch >= cls->ranges[2 * i] && ch <= cls->ranges[2 * i + 1])
            return true;
    unsigned c = cls->cats;
    if (!c)
        return false;
    if ((c & SRE_CAT_DIGIT) && sre_is_digit(ch, cls->unicode))
        return true;
    if ((c & SRE_CAT_NOT_DIGIT) && !sre_is_digit(ch, cls->unicode))
        return true;
    if ((c & SRE_CAT_WORD) && sre_is_word(ch, cls->unicode))
        return true;
    if ((c & SRE_CAT_NOT_WORD) && !sre_is_word(ch, cls->unicode))
        return true;
    if ((c & SRE_CAT_SPACE) && sre_is_space(ch, cls->unicode))
        return true;
    if ((c & SRE_CAT_NOT_SPACE) && !sre_is_space(ch, cls->unicode))
        return true;
    return false;
}

/* Membership before the bitmap exists, and for characters >= 256. */
static bool class_slow_contains(const sre_class_t *cls, uint32_t ch)
{
    bool in = class_raw_contains(cls, ch);
    if (!in && cls->ignorecase) {
        uint32_t lo = sre_lower(ch, cls->unicode), up = sre_upper(ch, cls->unicode);
        in = (lo != ch && class_raw_contains(cls, lo)) || (up != ch && class_raw_contains(cls, up));
    }
    return in != cls->negated;
}

bool sre_class_contains(const sre_class_t *cls, uint32_t ch)
{
    if (ch < 256)
        return (cls->bitmap[ch >> 3] >> (ch & 7)) & 1;
    return class_slow_contains(cls, ch);
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

/* Raises re.error(msg, pattern, pos); pos < 0 means no position. */
static void parser_error(parser_t *ps, intptr_t pos, const char *fmt, ...)
{
    if (ps->failed)
        return;
    ps->failed = true;
    va_list ap;
    va_start(ap, fmt);
    gp_object_t *msg = gp_str_from_vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return;
    gp_object_t *error = NULL;
    gp_object_t *re_mod = gp_dict_getitem_cstr(gp_runtime()->modules, "re");
    if (re_mod)
        error = gp_object_getattr_cstr(re_mod, "error");
    if (!error) {
        gp_err_clear();
        gp_err_set_object(&gp_exc_ValueError, msg);
        GP_DECREF(msg);
        return;
    }
    gp_object_t *posobj = pos < 0 ? gp_none_new() : gp_int_from_i64(pos);
    gp_object_t *args[3] = {msg, ps->pattern, posobj};
    gp_object_t *exc = gp_object_call(error, args, 3, NULL);
    GP_DECREF(posobj);
    GP_DECREF(msg);
    GP_DECREF(error);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

static void parser_no_memory(parser_t *ps)
{
    if (!ps->failed) {
        ps->failed = true;
        gp_err_no_memory();
    }
}

/* The pattern text [from, to) as a Python-visible string for messages. */
static gp_object_t *parser_slice(parser_t *ps, intptr_t from, intptr_t to)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (intptr_t i = from; i < to && i < ps->n; i++)
        gp_strbuf_append_codepoint(&b, ps->p[i]);
    return gp_strbuf_finish(&b);
}

/* ------------------------------------------------------------------ */
/* Code emission                                                        */
/* ------------------------------------------------------------------ */

static bool code_reserve(parser_t *ps, size_t extra)
{
    sre_program_t *prog = ps->prog;
    if (prog->len + extra <= ps->code_cap)
        return true;
    size_t cap = ps->code_cap ? ps->code_cap * 2 : 64;
    while (cap < prog->len + extra)
        cap *= 2;
    uint32_t *code = gp_mem_realloc(prog->code, cap * sizeof(uint32_t));
    if (!code) {
        parser_no_memory(ps);
        return false;
    }
    prog->code = code;
    ps->code_cap = cap;
    return true;
}

static void emit(parser_t *ps, const uint32_t *words, size_t n)
{
    if (!code_reserve(ps, n))
        return;
    memcpy(ps->prog->code + ps->prog->len, words, n * sizeof(uint32_t));
    ps->prog->len += n;
}

#define EMIT(ps, ...)                                                                              \
    do {                                                                                           \
        const uint32_t emit_words_[] = {__VA_ARGS__};                                              \
        emit((ps), emit_words_, sizeof(emit_words_) / sizeof(uint32_t));                           \
    } while (0)

/* Inserts [n] words at [at], shifting the code after it. */
static void insert_code(parser_t *ps, size_t at, const uint32_t *words, size_t n)
{
    if (!code_reserve(ps, n))
        return;
    uint32_t *code = ps->prog->code;
    memmove(code + at + n, code + at, (ps->prog->len - at) * sizeof(uint32_t));
    memcpy(code + at, words, n * sizeof(uint32_t));
    ps->prog->len += n;
}

/* Adds a new, empty class and returns its index (or -1). */
static intptr_t class_new(parser_t *ps, bool ignorecase, bool unicode)
{
    sre_program_t *prog = ps->prog;
    if (prog->nclasses == ps->class_cap) {
        size_t cap = ps->class_cap ? ps->class_cap * 2 : 8;
        sre_class_t *c = gp_mem_realloc(prog->classes, cap * sizeof(sre_class_t));
        if (!c) {
            parser_no_memory(ps);
            return -1;
        }
        prog->classes = c;
        ps->class_cap = cap;
    }
    sre_class_t *cls = &prog->classes[prog->nclasses];
    memset(cls, 0, sizeof(*cls));
    cls->ignorecase = ignorecase;
    cls->unicode = unicode;
    return (intptr_t)prog->nclasses++;
}

static void class_add_range(parser_t *ps, size_t index, uint32_t lo, uint32_t hi)
{
    sre_class_t *cls = &ps->prog->classes[index];
    uint32_t *r = gp_mem_realloc(cls->ranges, (cls->nranges + 1) * 2 * sizeof(uint32_t));
    if (!r) {
        parser_no_memory(ps);
        return;
    }
    r[2 * cls->nranges] = lo;
    r[2 * cls->nranges + 1] = hi;
    cls->ranges = r;
    cls->nranges++;
}

/* Precomputes the bitmap once the class is complete. */
static void class_finish(sre_class_t *cls)
{
    memset(cls->bitmap, 0, sizeof(cls->bitmap));
    for (uint32_t ch = 0; ch < 256; ch++)
        if (class_slow_contains(cls, ch))
            cls->bitmap[ch >> 3] |= (uint8_t)(1u << (ch & 7));
}

/* ------------------------------------------------------------------ */
/* Lexical helpers                                                      */
/* ------------------------------------------------------------------ */

static bool at_end(parser_t *ps) { return ps->pos >= ps->n; }

static int32_t peek(parser_t *ps) { return ps->pos < ps->n ? (int32_t)ps->p[ps->pos] : -1; }

static bool is_unicode(parser_t *ps, int flags)
{
    return !ps->is_bytes && !(flags & SRE_FLAG_ASCII);
}

/* In verbose mode, skips whitespace and comments. */
static void skip_verbose(parser_t *ps, int flags)
{
    if (!(flags & SRE_FLAG_VERBOSE))
        return;
    while (ps->pos < ps->n) {
        uint32_t c = ps->p[ps->pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            ps->pos++;
        } else if (c == '#') {
            while (ps->pos < ps->n && ps->p[ps->pos] != '\n')
                ps->pos++;
        } else {
            break;
        }
    }
}

static int hex_value(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static bool is_octal(int32_t c) { return c >= '0' && c <= '7'; }
static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

/* Is the group name [from, to) a valid identifier? */
static bool name_is_identifier(parser_t *ps, intptr_t from, intptr_t to)
{
    if (from >= to)
        return false;
    for (intptr_t i = from; i < to; i++) {
        uint32_t c = ps->p[i];
        bool ok = c == '_' || (c < 128 ? ((c | 32) >= 'a' && (c | 32) <= 'z') ||
                                            (i > from && c >= '0' && c <= '9')
                                      : (i == from ? gp_unicode_isxid_start(c)
                                                   : gp_unicode_isxid_continue(c)));
        if (ps->is_bytes && c >= 128)
            ok = false;
        if (!ok)
            return false;
    }
    return true;
}

static void parse_alternation(parser_t *ps, int flags, intptr_t *minw, intptr_t *maxw);
static void parse_sequence(parser_t *ps, int *flagsp, intptr_t *minw, intptr_t *maxw, bool first);

static intptr_t group_by_name(parser_t *ps, intptr_t from, intptr_t to)
{
    sre_program_t *prog = ps->prog;
    for (uint32_t i = 0; i < prog->nnames; i++) {
        gp_object_t *name = prog->names[i];
        if (gp_str_length(name) != to - from)
            continue;
        bool same = true;
        for (intptr_t k = 0; k < to - from && same; k++)
            same = gp_str_char_at(name, k) == ps->p[from + k];
        if (same)
            return prog->name_groups[i];
    }
    return -1;
}

static bool group_is_open(parser_t *ps, size_t g)
{
    return g < ps->open_cap && ps->open_groups[g];
}

static void group_set_open(parser_t *ps, size_t g, bool open)
{
    if (g >= ps->open_cap) {
        size_t cap = ps->open_cap ? ps->open_cap * 2 : 16;
        while (cap <= g)
            cap *= 2;
        uint8_t *o = gp_mem_realloc(ps->open_groups, cap);
        if (!o) {
            parser_no_memory(ps);
            return;
        }
        memset(o + ps->open_cap, 0, cap - ps->open_cap);
        ps->open_groups = o;
        ps->open_cap = cap;
    }
    ps->open_groups[g] = open;
}

/* ------------------------------------------------------------------ */
/* Literals                                                             */
/* ------------------------------------------------------------------ */

static void emit_literal(parser_t *ps, uint32_t c, int flags)
{
    if (flags & SRE_FLAG_IGNORECASE) {
        bool uni = is_unicode(ps, flags);
        uint32_t lo = sre_lower(c, uni), up = sre_upper(c, uni);
        if (lo != c || up != c) {
            EMIT(ps, SRE_OP_CHAR_I, lo, up, uni ? 1u : 0u);
            return;
        }
    }
    EMIT(ps, SRE_OP_CHAR, c);
}

static void emit_category(parser_t *ps, unsigned cat, int flags)
{
    intptr_t k = class_new(ps, false, is_unicode(ps, flags));
    if (k < 0)
        return;
    ps->prog->classes[k].cats = cat;
    class_finish(&ps->prog->classes[k]);
    EMIT(ps, SRE_OP_CLASS, (uint32_t)k);
}

/* Parses \x.., \u...., \U........ after the letter; [start] is the
   backslash. Returns the code point or -1. */
static int64_t parse_hex_escape(parser_t *ps, intptr_t start, int digits)
{
    uint32_t v = 0;
    for (int i = 0; i < digits; i++) {
        int d = ps->pos < ps->n ? hex_value(ps->p[ps->pos]) : -1;
        if (d < 0) {
            gp_object_t *text = parser_slice(ps, start, ps->pos);
            if (text) {
                parser_error(ps, start, "incomplete escape %U", text);
                GP_DECREF(text);
            } else {
                ps->failed = true;
            }
            return -1;
        }
        v = v * 16 + (uint32_t)d;
        ps->pos++;
    }
    if (v > 0x10FFFF) {
        gp_object_t *text = parser_slice(ps, start, ps->pos);
        if (text) {
            parser_error(ps, start, "bad escape %U", text);
            GP_DECREF(text);
        }
        return -1;
    }
    return v;
}

static void bad_escape(parser_t *ps, intptr_t start)
{
    gp_object_t *text = parser_slice(ps, start, start + 2);
    if (text) {
        parser_error(ps, start, "bad escape %U", text);
        GP_DECREF(text);
    } else {
        ps->failed = true;
    }
}

/* Escapes that mean one character, shared by classes and sequences. The
   backslash and the letter have been consumed; [start] is the backslash.
   Returns the character, -1 on error, -2 if [c] is not such an escape. */
static int64_t simple_escape(parser_t *ps, intptr_t start, uint32_t c)
{
    switch (c) {
    case 'a':
        return 7;
    case 'f':
        return 12;
    case 'n':
        return 10;
    case 'r':
        return 13;
    case 't':
        return 9;
    case 'v':
        return 11;
    case '\\':
        return '\\';
    case 'x':
        return parse_hex_escape(ps, start, 2);
    case 'u':
    case 'U':
        if (ps->is_bytes) {
            bad_escape(ps, start);
            return -1;
        }
        return parse_hex_escape(ps, start, c == 'u' ? 4 : 8);
    case 'N':
        if (ps->is_bytes) {
            bad_escape(ps, start);
            return -1;
        }
        parser_error(ps, start, "bad escape \\N (named Unicode escapes are not supported)");
        return -1;
    default:
        return -2;
    }
}

/* ------------------------------------------------------------------ */
/* Character classes                                                    */
/* ------------------------------------------------------------------ */

/* One class element: a character (>= 0) or a category (cat set). */
typedef struct class_item {
    int64_t ch;
    unsigned cat;
} class_item_t;

static bool class_escape(parser_t *ps, class_item_t *out)
{
    intptr_t start = ps->pos - 1; /* the backslash */
    if (at_end(ps)) {
        parser_error(ps, start, "bad escape (end of pattern)");
        return false;
    }
    uint32_t c = ps->p[ps->pos++];
    out->cat = 0;
    out->ch = -1;
    switch (c) {
    case 'd': out->cat = SRE_CAT_DIGIT; return true;
    case 'D': out->cat = SRE_CAT_NOT_DIGIT; return true;
    case 'w': out->cat = SRE_CAT_WORD; return true;
    case 'W': out->cat = SRE_CAT_NOT_WORD; return true;
    case 's': out->cat = SRE_CAT_SPACE; return true;
    case 'S': out->cat = SRE_CAT_NOT_SPACE; return true;
    case 'b': out->ch = 8; return true;
    default: break;
    }
    int64_t v = simple_escape(ps, start, c);
    if (v == -1)
        return false;
    if (v >= 0) {
        out->ch = v;
        return true;
    }
    if (is_octal((int32_t)c)) {
        /* Up to three octal digits. */
        uint32_t val = c - '0';
        for (int i = 0; i < 2 && is_octal(peek(ps)); i++)
            val = val * 8 + (uint32_t)(ps->p[ps->pos++] - '0');
        if (val > 0377) {
            gp_object_t *text = parser_slice(ps, start, ps->pos);
            if (text) {
                parser_error(ps, start, "octal escape value %U outside of range 0-0o377", text);
                GP_DECREF(text);
            }
            return false;
        }
        out->ch = val;
        return true;
    }
    if (is_digit((int32_t)c) || (c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z'))) {
        bad_escape(ps, start);
        return false;
    }
    out->ch = c;
    return true;
}

/* Parses a class after its '['; emits CLASS. */
static void parse_class(parser_t *ps, int flags)
{
    intptr_t start = ps->pos - 1;
    bool unicode = is_unicode(ps, flags);
    intptr_t k = class_new(ps, (flags & SRE_FLAG_IGNORECASE) != 0, unicode);
    if (k < 0)
        return;
    if (peek(ps) == '^') {
        ps->prog->classes[k].negated = true;
        ps->pos++;
    }
    bool first = true;
    for (;;) {
        if (at_end(ps)) {
            parser_error(ps, start, "unterminated character set");
            return;
        }
        intptr_t item_start = ps->pos;
        uint32_t c = ps->p[ps->pos++];
        if (c == ']' && !first)
            break;
        first = false;
        class_item_t lo;
        if (c == '\\') {
            if (!class_escape(ps, &lo))
                return;
        } else {
            lo.ch = c;
            lo.cat = 0;
        }
        /* A range? */
        if (peek(ps) == '-' && ps->pos + 1 < ps->n && ps->p[ps->pos + 1] != ']') {
            ps->pos++;
            class_item_t hi;
            uint32_t c2 = ps->p[ps->pos++];
            if (c2 == '\\') {
                if (!class_escape(ps, &hi))
                    return;
            } else {
                hi.ch = c2;
                hi.cat = 0;
            }
            if (lo.cat || hi.cat || hi.ch < lo.ch) {
                gp_object_t *text = parser_slice(ps, item_start, ps->pos);
                if (text) {
                    parser_error(ps, item_start, "bad character range %U", text);
                    GP_DECREF(text);
                }
                return;
            }
            class_add_range(ps, (size_t)k, (uint32_t)lo.ch, (uint32_t)hi.ch);
        } else if (peek(ps) == '-' && ps->pos + 1 >= ps->n) {
            /* "[a-" runs off the end: reported as unterminated below. */
            if (lo.cat)
                ps->prog->classes[k].cats |= lo.cat;
            else
                class_add_range(ps, (size_t)k, (uint32_t)lo.ch, (uint32_t)lo.ch);
        } else if (lo.cat) {
            ps->prog->classes[k].cats |= lo.cat;
        } else {
            class_add_range(ps, (size_t)k, (uint32_t)lo.ch, (uint32_t)lo.ch);
        }
        if (ps->failed)
            return;
    }
    class_finish(&ps->prog->classes[k]);
    EMIT(ps, SRE_OP_CLASS, (uint32_t)k);
}

/* ------------------------------------------------------------------ */
/* Escapes in sequences                                                 */
/* ------------------------------------------------------------------ */

static void emit_backref(parser_t *ps, uint32_t g, int flags)
{
    uint32_t mode = ((flags & SRE_FLAG_IGNORECASE) ? 1u : 0u) | (is_unicode(ps, flags) ? 2u : 0u);
    EMIT(ps, SRE_OP_BACKREF, g, mode);
}

/* Parses an escape after its backslash. Sets *kind to the item kind. */
static void parse_escape(parser_t *ps, int flags, item_kind_t *kind, intptr_t *minw,
                         intptr_t *maxw)
{
    intptr_t start = ps->pos - 1;
    *kind = ITEM_SINGLE;
    *minw = *maxw = 1;
    if (at_end(ps)) {
        parser_error(ps, start, "bad escape (end of pattern)");
        return;
    }
    uint32_t c = ps->p[ps->pos++];
    bool uni = is_unicode(ps, flags);
    switch (c) {
    case 'd': emit_category(ps, SRE_CAT_DIGIT, flags); return;
    case 'D': emit_category(ps, SRE_CAT_NOT_DIGIT, flags); return;
    case 'w': emit_category(ps, SRE_CAT_WORD, flags); return;
    case 'W': emit_category(ps, SRE_CAT_NOT_WORD, flags); return;
    case 's': emit_category(ps, SRE_CAT_SPACE, flags); return;
    case 'S': emit_category(ps, SRE_CAT_NOT_SPACE, flags); return;
    case 'A':
    case 'Z':
    case 'b':
    case 'B': {
        uint32_t at = c == 'A'   ? SRE_AT_BEGINNING_STRING
                      : c == 'Z' ? SRE_AT_END_STRING
                      : c == 'b' ? (uni ? SRE_AT_UNI_BOUNDARY : SRE_AT_BOUNDARY)
                                 : (uni ? SRE_AT_UNI_NON_BOUNDARY : SRE_AT_NON_BOUNDARY);
        EMIT(ps, SRE_OP_AT, at);
        *kind = ITEM_ANCHOR;
        *minw = *maxw = 0;
        return;
    }
    default:
        break;
    }
    int64_t v = simple_escape(ps, start, c);
    if (v == -1)
        return;
    if (v >= 0) {
        emit_literal(ps, (uint32_t)v, flags);
        return;
    }
    if (c == '0') {
        uint32_t val = 0;
        for (int i = 0; i < 2 && is_octal(peek(ps)); i++)
            val = val * 8 + (uint32_t)(ps->p[ps->pos++] - '0');
        emit_literal(ps, val, flags);
        return;
    }
    if (c >= '1' && c <= '9') {
        /* A group reference, or an octal escape of three digits. */
        if (is_digit(peek(ps))) {
            if (is_octal((int32_t)c) && is_octal(peek(ps)) && ps->pos + 1 < ps->n &&
                is_octal((int32_t)ps->p[ps->pos + 1])) {
                uint32_t val = (c - '0') * 64 + (ps->p[ps->pos] - '0') * 8 + (ps->p[ps->pos + 1] - '0');
                ps->pos += 2;
                if (val > 0377) {
                    gp_object_t *text = parser_slice(ps, start, ps->pos);
                    if (text) {
                        parser_error(ps, start, "octal escape value %U outside of range 0-0o377",
                                     text);
                        GP_DECREF(text);
                    }
                    return;
                }
                emit_literal(ps, val, flags);
                return;
            }
            uint32_t g = (c - '0') * 10 + (ps->p[ps->pos++] - '0');
            c = g; /* fall through with a two-digit group number */
        } else {
            c = c - '0';
        }
        uint32_t g = c;
        if (g > ps->prog->ngroups) {
            parser_error(ps, start + 1, "invalid group reference %d", (int)g);
            return;
        }
        if (group_is_open(ps, g)) {
            parser_error(ps, start, "cannot refer to an open group");
            return;
        }
        emit_backref(ps, g, flags);
        *kind = ITEM_GENERAL;
        *minw = 0;
        *maxw = SRE_WIDTH_INF;
        return;
    }
    if (c < 128 && ((c | 32) >= 'a' && (c | 32) <= 'z')) {
        bad_escape(ps, start);
        return;
    }
    emit_literal(ps, c, flags);
}

/* ------------------------------------------------------------------ */
/* Groups and extensions                                                */
/* ------------------------------------------------------------------ */

/* Parses a group name up to [terminator]; returns its end or -1. */
static intptr_t parse_name(parser_t *ps, uint32_t terminator, intptr_t *name_start)
{
    *name_start = ps->pos;
    while (ps->pos < ps->n && ps->p[ps->pos] != terminator)
        ps->pos++;
    if (ps->pos >= ps->n) {
        if (*name_start == ps->pos)
            parser_error(ps, *name_start, "missing group name");
        else
            parser_error(ps, *name_start, terminator == '>' ? "missing >, unterminated name"
                                                            : "missing ), unterminated name");
        return -1;
    }
    intptr_t end = ps->pos++;
    if (end == *name_start) {
        parser_error(ps, *name_start, "missing group name");
        return -1;
    }
    if (!name_is_identifier(ps, *name_start, end)) {
        gp_object_t *text = parser_slice(ps, *name_start, end);
        if (text) {
            parser_error(ps, *name_start, "bad character in group name %R", text);
            GP_DECREF(text);
        }
        return -1;
    }
    return end;
}

/* Reads a name up to ')' without checking it; returns its end or -1. */
static intptr_t parse_name_raw(parser_t *ps, intptr_t *name_start)
{
    *name_start = ps->pos;
    while (ps->pos < ps->n && ps->p[ps->pos] != ')')
        ps->pos++;
    if (ps->pos >= ps->n) {
        parser_error(ps, *name_start, *name_start == ps->pos ? "missing group name"
                                                             : "missing ), unterminated name");
        return -1;
    }
    if (ps->pos == *name_start) {
        parser_error(ps, *name_start, "missing group name");
        return -1;
    }
    return ps->pos++;
}

static bool add_group_name(parser_t *ps, intptr_t from, intptr_t to, uint32_t g, intptr_t errpos)
{
    sre_program_t *prog = ps->prog;
    intptr_t old = group_by_name(ps, from, to);
    if (old >= 0) {
        gp_object_t *text = parser_slice(ps, from, to);
        if (text) {
            parser_error(ps, errpos, "redefinition of group name %R as group %d; was group %d",
                         text, (int)g, (int)old);
            GP_DECREF(text);
        }
        return false;
    }
    if (prog->nnames == ps->name_cap) {
        size_t cap = ps->name_cap ? ps->name_cap * 2 : 4;
        gp_object_t **names = gp_mem_realloc(prog->names, cap * sizeof(gp_object_t *));
        if (!names) {
            parser_no_memory(ps);
            return false;
        }
        prog->names = names;
        uint32_t *groups = gp_mem_realloc(prog->name_groups, cap * sizeof(uint32_t));
        if (!groups) {
            parser_no_memory(ps);
            return false;
        }
        prog->name_groups = groups;
        ps->name_cap = cap;
    }
    gp_object_t *name = parser_slice(ps, from, to);
    if (!name) {
        ps->failed = true;
        return false;
    }
    prog->names[prog->nnames] = name;
    prog->name_groups[prog->nnames] = g;
    prog->nnames++;
    return true;
}

/* Parses inline flag letters; returns the flag bits or -1. */
static int parse_flag_letters(parser_t *ps, bool allow_unicode_letters)
{
    int f = 0;
    while (ps->pos < ps->n) {
        uint32_t c = ps->p[ps->pos];
        int bit;
        switch (c) {
        case 'i': bit = SRE_FLAG_IGNORECASE; break;
        case 'L': bit = SRE_FLAG_LOCALE; break;
        case 'm': bit = SRE_FLAG_MULTILINE; break;
        case 's': bit = SRE_FLAG_DOTALL; break;
        case 'x': bit = SRE_FLAG_VERBOSE; break;
        case 'a': bit = SRE_FLAG_ASCII; break;
        case 'u': bit = SRE_FLAG_UNICODE; break;
        default: return f;
        }
        ps->pos++;
        if (bit == SRE_FLAG_LOCALE && !ps->is_bytes) {
            parser_error(ps, ps->pos, "bad inline flags: cannot use 'L' flag with a str pattern");
            return -1;
        }
        if (bit == SRE_FLAG_UNICODE && ps->is_bytes) {
            parser_error(ps, ps->pos, "bad inline flags: cannot use 'u' flag with a bytes pattern");
            return -1;
        }
        if (!allow_unicode_letters && (bit & (SRE_FLAG_ASCII | SRE_FLAG_UNICODE | SRE_FLAG_LOCALE))) {
            parser_error(ps, ps->pos, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            return -1;
        }
        f |= bit;
        int type_flags = f & (SRE_FLAG_ASCII | SRE_FLAG_UNICODE | SRE_FLAG_LOCALE);
        if (type_flags & (type_flags - 1)) {
            parser_error(ps, ps->pos, "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
            return -1;
        }
    }
    return f;
}

/* Emits a lookaround or atomic group whose body is parsed here. */
static void parse_look(parser_t *ps, int flags, sre_look_t kind, intptr_t group_start)
{
    size_t at = ps->prog->len;
    EMIT(ps, SRE_OP_LOOK, (uint32_t)kind, 0, 0);
    intptr_t minw, maxw;
    parse_alternation(ps, flags, &minw, &maxw);
    if (ps->failed)
        return;
    if (peek(ps) != ')') {
        parser_error(ps, group_start, "missing ), unterminated subpattern");
        return;
    }
    ps->pos++;
    if (kind == SRE_LOOK_BEHIND || kind == SRE_LOOK_NOT_BEHIND) {
        if (minw != maxw) {
            parser_error(ps, -1, "look-behind requires fixed-width pattern");
            return;
        }
        ps->prog->code[at + 2] = (uint32_t)minw;
    }
    EMIT(ps, SRE_OP_LOOK_END);
    if (!ps->failed)
        ps->prog->code[at + 3] = (uint32_t)(ps->prog->len - at);
}

static bool is_ascii_letter(uint32_t c)
{
    return c < 128 && (((c | 32) >= 'a' && (c | 32) <= 'z'));
}

/* Raises "unknown extension ?x" for the extension text [from, to). */
static void unknown_extension(parser_t *ps, intptr_t from, intptr_t to)
{
    gp_object_t *text = parser_slice(ps, from, to);
    if (text) {
        parser_error(ps, from, "unknown extension %U", text);
        GP_DECREF(text);
    } else {
        ps->failed = true;
    }
}

/* Parses the inline flags of "(?flags)", "(?flags:...)" or
   "(?flags-flags:...)"; the parser is at the first flag letter (or '-').
   Returns 1 for global flags (stored in *on), 0 for a scoped group (*on,
   *off set and the ':' consumed), -1 on error. */
static int parse_inline_flags(parser_t *ps, int *on, int *off)
{
    *on = parse_flag_letters(ps, true);
    *off = 0;
    if (*on < 0)
        return -1;
    if (peek(ps) == ')') {
        ps->pos++;
        return 1;
    }
    if (peek(ps) == '-') {
        ps->pos++;
        if (at_end(ps) || !is_ascii_letter(ps->p[ps->pos])) {
            parser_error(ps, ps->pos, "missing flag");
            return -1;
        }
        uint32_t c = ps->p[ps->pos];
        if (c == 'a' || c == 'u' || c == 'L') {
            ps->pos++;
            parser_error(ps, ps->pos, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            return -1;
        }
        if (!strchr("imsx", (int)c)) {
            parser_error(ps, ps->pos, "unknown flag");
            return -1;
        }
        *off = parse_flag_letters(ps, false);
        if (*off < 0)
            return -1;
        if (*on & *off) {
            parser_error(ps, ps->pos, "bad inline flags: flag turned on and off");
            return -1;
        }
        if (peek(ps) == ':') {
            ps->pos++;
            return 0;
        }
        if (!at_end(ps) && is_ascii_letter(ps->p[ps->pos]))
            parser_error(ps, ps->pos, "unknown flag");
        else
            parser_error(ps, ps->pos, "missing :");
        return -1;
    }
    if (peek(ps) == ':') {
        ps->pos++;
        return 0;
    }
    if (!at_end(ps) && is_ascii_letter(ps->p[ps->pos]))
        parser_error(ps, ps->pos, "unknown flag");
    else
        parser_error(ps, ps->pos, "missing -, : or )");
    return -1;
}

/* Parses a group body and its ')' into the code; [group_start] is the '('. */
static void parse_group_body(parser_t *ps, int flags, intptr_t group_start, intptr_t *minw,
                             intptr_t *maxw)
{
    parse_alternation(ps, flags, minw, maxw);
    if (ps->failed)
        return;
    if (peek(ps) != ')') {
        parser_error(ps, group_start, "missing ), unterminated subpattern");
        return;
    }
    ps->pos++;
}

/* Parses (?(group)yes|no) after "(?(". */
static void parse_conditional(parser_t *ps, int flags, intptr_t group_start, intptr_t *minw,
                              intptr_t *maxw)
{
    intptr_t from;
    intptr_t to = parse_name_raw(ps, &from);
    if (to < 0)
        return;
    intptr_t g = -1;
    bool numeric = true;
    for (intptr_t i = from; i < to; i++)
        numeric = numeric && is_digit((int32_t)ps->p[i]);
    if (numeric) {
        g = 0;
        for (intptr_t i = from; i < to && g < 1000000; i++)
            g = g * 10 + (ps->p[i] - '0');
        if (g == 0 || g > (intptr_t)ps->prog->ngroups) {
            parser_error(ps, from, "invalid group reference %d", (int)g);
            return;
        }
    } else {
        if (!name_is_identifier(ps, from, to)) {
            gp_object_t *text = parser_slice(ps, from, to);
            if (text) {
                parser_error(ps, from, "bad character in group name %R", text);
                GP_DECREF(text);
            }
            return;
        }
        g = group_by_name(ps, from, to);
        if (g < 0) {
            gp_object_t *text = parser_slice(ps, from, to);
            if (text) {
                parser_error(ps, from, "unknown group name %R", text);
                GP_DECREF(text);
            }
            return;
        }
    }
    size_t at = ps->prog->len;
    EMIT(ps, SRE_OP_GROUP_EXISTS, (uint32_t)g, 0);
    intptr_t ymin, ymax, nmin = 0, nmax = 0;
    int f = flags;
    parse_sequence(ps, &f, &ymin, &ymax, false);
    if (ps->failed)
        return;
    size_t jmp_at = ps->prog->len;
    EMIT(ps, SRE_OP_JMP, 0);
    if (ps->failed)
        return;
    ps->prog->code[at + 2] = (uint32_t)(ps->prog->len - at);
    if (peek(ps) == '|') {
        ps->pos++;
        f = flags;
        parse_sequence(ps, &f, &nmin, &nmax, false);
        if (ps->failed)
            return;
        if (peek(ps) == '|') {
            parser_error(ps, ps->pos, "conditional backref with more than two branches");
            return;
        }
    }
    if (peek(ps) != ')') {
        parser_error(ps, group_start, "missing ), unterminated subpattern");
        return;
    }
    ps->pos++;
    ps->prog->code[jmp_at + 1] = (uint32_t)(ps->prog->len - jmp_at);
    *minw = ymin < nmin ? ymin : nmin;
    *maxw = ymax > nmax ? ymax : nmax;
}

/* Parses what follows "(" (already consumed). [global_ok]: global inline
   flags are allowed here; when they occur they are stored in *global_on. */
static void parse_group(parser_t *ps, int flags, item_kind_t *kind, intptr_t *minw,
                        intptr_t *maxw, bool global_ok, int *global_on)
{
    intptr_t group_start = ps->pos - 1;
    *kind = ITEM_GENERAL;
    *minw = *maxw = 0;

    if (peek(ps) != '?') {
        uint32_t g = ++ps->prog->ngroups;
        group_set_open(ps, g, true);
        EMIT(ps, SRE_OP_SAVE, 2 * g);
        parse_group_body(ps, flags, group_start, minw, maxw);
        if (ps->failed)
            return;
        EMIT(ps, SRE_OP_SAVE, 2 * g + 1);
        group_set_open(ps, g, false);
        return;
    }
    ps->pos++;
    if (at_end(ps)) {
        parser_error(ps, ps->pos, "unexpected end of pattern");
        return;
    }
    uint32_t c = ps->p[ps->pos++];
    switch (c) {
    case ':':
        parse_group_body(ps, flags, group_start, minw, maxw);
        return;
    case '#':
        while (ps->pos < ps->n && ps->p[ps->pos] != ')')
            ps->pos++;
        if (at_end(ps)) {
            parser_error(ps, group_start, "missing ), unterminated comment");
            return;
        }
        ps->pos++;
        *kind = ITEM_NONE;
        return;
    case '=':
    case '!':
        parse_look(ps, flags, c == '=' ? SRE_LOOK_AHEAD : SRE_LOOK_NOT_AHEAD, group_start);
        return;
    case '<': {
        if (at_end(ps)) {
            parser_error(ps, ps->pos, "unexpected end of pattern");
            return;
        }
        uint32_t d = ps->p[ps->pos++];
        if (d == '=' || d == '!') {
            parse_look(ps, flags, d == '=' ? SRE_LOOK_BEHIND : SRE_LOOK_NOT_BEHIND, group_start);
            return;
        }
        unknown_extension(ps, ps->pos - 3, ps->pos);
        return;
    }
    case '>': {
        size_t at = ps->prog->len;
        EMIT(ps, SRE_OP_LOOK, SRE_LOOK_ATOMIC, 0, 0);
        parse_group_body(ps, flags, group_start, minw, maxw);
        if (ps->failed)
            return;
        EMIT(ps, SRE_OP_LOOK_END);
        if (!ps->failed)
            ps->prog->code[at + 3] = (uint32_t)(ps->prog->len - at);
        return;
    }
    case '(':
        parse_conditional(ps, flags, group_start, minw, maxw);
        return;
    case 'P': {
        if (at_end(ps)) {
            parser_error(ps, ps->pos, "unexpected end of pattern");
            return;
        }
        uint32_t d = ps->p[ps->pos++];
        if (d == '<') {
            intptr_t from;
            intptr_t to = parse_name(ps, '>', &from);
            if (to < 0)
                return;
            uint32_t g = ps->prog->ngroups + 1;
            if (!add_group_name(ps, from, to, g, from))
                return;
            ps->prog->ngroups = g;
            group_set_open(ps, g, true);
            EMIT(ps, SRE_OP_SAVE, 2 * g);
            parse_group_body(ps, flags, group_start, minw, maxw);
            if (ps->failed)
                return;
            EMIT(ps, SRE_OP_SAVE, 2 * g + 1);
            group_set_open(ps, g, false);
            return;
        }
        if (d == '=') {
            intptr_t from;
            intptr_t to = parse_name(ps, ')', &from);
            if (to < 0)
                return;
            intptr_t g = group_by_name(ps, from, to);
            if (g < 0) {
                gp_object_t *text = parser_slice(ps, from, to);
                if (text) {
                    parser_error(ps, from, "unknown group name %R", text);
                    GP_DECREF(text);
                }
                return;
            }
            if (group_is_open(ps, (size_t)g)) {
                parser_error(ps, from, "cannot refer to an open group");
                return;
            }
            emit_backref(ps, (uint32_t)g, flags);
            *minw = 0;
            *maxw = SRE_WIDTH_INF;
            return;
        }
        unknown_extension(ps, ps->pos - 3, ps->pos);
        return;
    }
    default:
        break;
    }
    if (c == '-' || (c < 128 && strchr("iLmsxau", (int)c))) {
        ps->pos--;
        int on, off;
        int r = parse_inline_flags(ps, &on, &off);
        if (r < 0)
            return;
        if (r == 1) {
            if (!global_ok) {
                parser_error(ps, group_start, "global flags not at the start of the expression");
                return;
            }
            *global_on = on;
            *kind = ITEM_NONE;
            return;
        }
        int group_flags = (flags | on) & ~off;
        if (on & SRE_FLAG_ASCII)
            group_flags &= ~SRE_FLAG_UNICODE;
        if (on & SRE_FLAG_UNICODE)
            group_flags &= ~SRE_FLAG_ASCII;
        parse_group_body(ps, group_flags, group_start, minw, maxw);
        return;
    }
    unknown_extension(ps, ps->pos - 2, ps->pos);
}

/* ------------------------------------------------------------------ */
/* Quantifiers                                                          */
/* ------------------------------------------------------------------ */

/* Parses a decimal repeat count; -1 if none, -2 on overflow. */
static int64_t parse_count(parser_t *ps)
{
    int64_t v = -1;
    while (is_digit(peek(ps))) {
        v = (v < 0 ? 0 : v) * 10 + (ps->p[ps->pos++] - '0');
        if (v > (int64_t)SRE_MAXREPEAT)
            v = (int64_t)SRE_MAXREPEAT + 1;
    }
    return v;
}

/* If a quantifier starts here, parses it and returns true. */
static bool parse_quantifier(parser_t *ps, uint32_t *min, uint32_t *max, int *mode,
                             intptr_t *qstart)
{
    *qstart = ps->pos;
    int32_t c = peek(ps);
    if (c == '*') {
        *min = 0;
        *max = SRE_MAXREPEAT;
        ps->pos++;
    } else if (c == '+') {
        *min = 1;
        *max = SRE_MAXREPEAT;
        ps->pos++;
    } else if (c == '?') {
        *min = 0;
        *max = 1;
        ps->pos++;
    } else if (c == '{') {
        intptr_t save = ps->pos;
        ps->pos++;
        int64_t lo = parse_count(ps), hi;
        if (peek(ps) == ',') {
            ps->pos++;
            hi = parse_count(ps);
        } else {
            hi = lo;
            if (lo < 0) {
                ps->pos = save;
                return false;
            }
        }
        if (peek(ps) != '}') {
            ps->pos = save; /* not a quantifier: a literal '{' */
            return false;
        }
        ps->pos++;
        if (lo < 0)
            lo = 0;
        if (lo > (int64_t)SRE_MAXREPEAT - 1 || hi > (int64_t)SRE_MAXREPEAT - 1) {
            parser_error(ps, save + 1, "the repetition number is too large");
            return true;
        }
        if (hi < 0)
            hi = SRE_MAXREPEAT;
        if (hi < lo) {
            parser_error(ps, save + 1, "min repeat greater than max repeat");
            return true;
        }
        *min = (uint32_t)lo;
        *max = (uint32_t)hi;
    } else {
        return false;
    }
    *mode = SRE_GREEDY;
    if (peek(ps) == '?') {
        ps->pos++;
        *mode = SRE_LAZY;
    } else if (peek(ps) == '+') {
        ps->pos++;
        *mode = SRE_POSSESSIVE;
    }
    return true;
}

/* Wraps the code from [at] to the end in a quantifier. */
static void apply_quantifier(parser_t *ps, size_t at, item_kind_t kind, uint32_t min, uint32_t max,
                             int mode)
{
    sre_program_t *prog = ps->prog;
    if (min == 1 && max == 1)
        return;
    if (max == 0) {
        prog->len = at; /* x{0}: matches the empty string */
        return;
    }
    if (kind == ITEM_SINGLE) {
        const uint32_t head[] = {SRE_OP_STAR, min, max, (uint32_t)mode};
        insert_code(ps, at, head, 4);
        return;
    }
    if (mode == SRE_POSSESSIVE) {
        /* x*+ is (?>x*). */
        apply_quantifier(ps, at, kind, min, max, SRE_GREEDY);
        const uint32_t head[] = {SRE_OP_LOOK, SRE_LOOK_ATOMIC, 0, 0};
        insert_code(ps, at, head, 4);
        EMIT(ps, SRE_OP_LOOK_END);
        if (!ps->failed)
            prog->code[at + 3] = (uint32_t)(prog->len - at);
        return;
    }
    if (min == 0 && max == 1) {
        /* x? is SPLIT(x, skip); x?? prefers the skip. */
        size_t body = prog->len - at;
        uint32_t skip = (uint32_t)(3 + body);
        const uint32_t head[] = {SRE_OP_SPLIT, mode == SRE_LAZY ? skip : 3u,
                                 mode == SRE_LAZY ? 3u : skip};
        insert_code(ps, at, head, 3);
        return;
    }
    uint32_t k = prog->nloops++;
    size_t body = prog->len - at;
    /* RPT_INIT k (2) | RPT_NEXT k min max mode exit (6) | RPT_ITER k (2) | body | JMP back (2) */
    uint32_t exit_off = (uint32_t)(6 + 2 + body + 2);
    const uint32_t head[] = {SRE_OP_RPT_INIT, k,   SRE_OP_RPT_NEXT, k,  min,
                             max,             (uint32_t)mode, exit_off, SRE_OP_RPT_ITER, k};
    insert_code(ps, at, head, 10);
    uint32_t back = (uint32_t)(-(int32_t)(2 + body + 6));
    EMIT(ps, SRE_OP_JMP, back);
}

/* ------------------------------------------------------------------ */
/* Sequences and alternation                                            */
/* ------------------------------------------------------------------ */

static intptr_t width_add(intptr_t a, intptr_t b)
{
    return (a == SRE_WIDTH_INF || b == SRE_WIDTH_INF || a > SRE_WIDTH_INF - b) ? SRE_WIDTH_INF
                                                                              : a + b;
}

static intptr_t width_mul(intptr_t a, uint32_t n)
{
    if (a == 0 || n == 0)
        return 0;
    if (a == SRE_WIDTH_INF || n == SRE_MAXREPEAT || a > SRE_WIDTH_INF / (intptr_t)n)
        return SRE_WIDTH_INF;
    return a * (intptr_t)n;
}

static bool quantifier_starts(parser_t *ps)
{
    int32_t c = peek(ps);
    if (c == '*' || c == '+' || c == '?')
        return true;
    if (c != '{')
        return false;
    /* '{' is a quantifier only in the forms {m}, {m,}, {,n}, {m,n}. */
    intptr_t i = ps->pos + 1;
    bool digits = false;
    while (i < ps->n && is_digit((int32_t)ps->p[i])) {
        i++;
        digits = true;
    }
    if (i < ps->n && ps->p[i] == ',') {
        i++;
        while (i < ps->n && is_digit((int32_t)ps->p[i]))
            i++;
    } else if (!digits) {
        return false;
    }
    return i < ps->n && ps->p[i] == '}';
}

/* Parses items until '|', ')' or the end. *flagsp may change when global
   inline flags occur ([first]: the first branch at top level). */
static void parse_sequence(parser_t *ps, int *flagsp, intptr_t *minw, intptr_t *maxw, bool first)
{
    *minw = *maxw = 0;
    size_t last_at = 0;
    item_kind_t last = ITEM_NONE;
    bool last_quantified = false;
    intptr_t last_min = 0, last_max = 0;
    bool has_items = false;
    for (;;) {
        int flags = *flagsp;
        skip_verbose(ps, flags);
        if (ps->failed || at_end(ps))
            return;
        uint32_t c = ps->p[ps->pos];
        if (c == '|' || c == ')')
            return;
        if (quantifier_starts(ps)) {
            uint32_t qmin, qmax;
            int mode;
            intptr_t qstart;
            parse_quantifier(ps, &qmin, &qmax, &mode, &qstart);
            if (ps->failed)
                return;
            if (last_quantified) {
                parser_error(ps, qstart, "multiple repeat");
                return;
            }
            if (last == ITEM_NONE || last == ITEM_ANCHOR) {
                parser_error(ps, qstart, "nothing to repeat");
                return;
            }
            /* A quantifier after a comment: it repeats the item before. */
            apply_quantifier(ps, last_at, last, qmin, qmax, mode);
            *minw = *minw - last_min + width_mul(last_min, qmin);
            *maxw = width_add(*maxw == SRE_WIDTH_INF ? *maxw : *maxw - last_max,
                              width_mul(last_max, qmax));
            last_quantified = true;
            continue;
        }
        ps->pos++;
        size_t at = ps->prog->len;
        item_kind_t kind = ITEM_SINGLE;
        intptr_t imin = 1, imax = 1;
        switch (c) {
        case '.':
            EMIT(ps, (flags & SRE_FLAG_DOTALL) ? SRE_OP_ANY_ALL : SRE_OP_ANY);
            break;
        case '[':
            parse_class(ps, flags);
            break;
        case '^':
            EMIT(ps, SRE_OP_AT,
                 (flags & SRE_FLAG_MULTILINE) ? SRE_AT_BEGINNING_LINE : SRE_AT_BEGINNING);
            kind = ITEM_ANCHOR;
            imin = imax = 0;
            break;
        case '$':
            EMIT(ps, SRE_OP_AT, (flags & SRE_FLAG_MULTILINE) ? SRE_AT_END_LINE : SRE_AT_END);
            kind = ITEM_ANCHOR;
            imin = imax = 0;
            break;
        case '\\':
            parse_escape(ps, flags, &kind, &imin, &imax);
            break;
        case '(': {
            if (++ps->depth > SRE_MAX_DEPTH) {
                if (!ps->failed) {
                    ps->failed = true;
                    gp_err_set_string(&gp_exc_RecursionError, "maximum recursion depth exceeded");
                }
                return;
            }
            int global_on = 0;
            parse_group(ps, flags, &kind, &imin, &imax, first && !has_items, &global_on);
            ps->depth--;
            if (global_on) {
                /* Global flags apply to the rest of the whole pattern. */
                ps->global_flags |= global_on;
                *flagsp |= global_on;
            }
            break;
        }
        case ')':
            break;
        default:
            emit_literal(ps, c, flags);
            break;
        }
        if (ps->failed)
            return;
        if (kind == ITEM_NONE)
            continue; /* a comment or global flags: transparent */
        has_items = true;
        last = kind;
        last_at = at;
        last_quantified = false;
        /* A quantifier may follow (whitespace between them in verbose mode). */
        skip_verbose(ps, *flagsp);
        if (quantifier_starts(ps)) {
            uint32_t qmin, qmax;
            int mode;
            intptr_t qstart;
            parse_quantifier(ps, &qmin, &qmax, &mode, &qstart);
            if (ps->failed)
                return;
            if (kind == ITEM_ANCHOR) {
                parser_error(ps, qstart, "nothing to repeat");
                return;
            }
            apply_quantifier(ps, at, kind, qmin, qmax, mode);
            imin = width_mul(imin, qmin);
            imax = width_mul(imax, qmax);
            last_quantified = true;
        }
        last_min = imin;
        last_max = imax;
        *minw = width_add(*minw, imin);
        *maxw = width_add(*maxw, imax);
    }
}

/* Parses branches separated by '|' until ')' or the end. */
static void parse_alternation(parser_t *ps, int flags, intptr_t *minw, intptr_t *maxw)
{
    bool top = ps->depth == 0;
    int f = flags;
    size_t start = ps->prog->len;
    intptr_t bmin, bmax;
    parse_sequence(ps, top ? &ps->global_flags : &f, &bmin, &bmax, top);
    if (ps->failed)
        return;
    *minw = bmin;
    *maxw = bmax;
    if (peek(ps) != '|')
        return;
    /* A | B | C compiles to SPLIT(A, next) A JMP(end) SPLIT(B, next) B JMP(end) C. The JMP
       offsets are patched once the end is known: they are chained through
       their operand until then. */
    size_t pending[64];
    size_t npending = 0;
    size_t *jumps = pending;
    size_t jumps_cap = 64;
    size_t branch_at = start;
    while (peek(ps) == '|' && !ps->failed) {
        ps->pos++;
        /* Wrap the branch just parsed: SPLIT(+3, after JMP) branch JMP(?) */
        size_t body = ps->prog->len - branch_at;
        const uint32_t split[] = {SRE_OP_SPLIT, 3, (uint32_t)(3 + body + 2)};
        insert_code(ps, branch_at, split, 3);
        for (size_t i = 0; i < npending; i++)
            if (jumps[i] >= branch_at)
                jumps[i] += 3;
        if (npending == jumps_cap) {
            size_t cap = jumps_cap * 2;
            size_t *nj = gp_mem_alloc(cap * sizeof(size_t));
            if (!nj) {
                parser_no_memory(ps);
                break;
            }
            memcpy(nj, jumps, npending * sizeof(size_t));
            if (jumps != pending)
                gp_mem_free(jumps);
            jumps = nj;
            jumps_cap = cap;
        }
        jumps[npending++] = ps->prog->len;
        EMIT(ps, SRE_OP_JMP, 0);
        branch_at = ps->prog->len;
        f = flags;
        parse_sequence(ps, top ? &ps->global_flags : &f, &bmin, &bmax, false);
        if (bmin < *minw)
            *minw = bmin;
        if (bmax > *maxw)
            *maxw = bmax;
    }
    if (!ps->failed)
        for (size_t i = 0; i < npending; i++)
            ps->prog->code[jumps[i] + 1] = (uint32_t)(ps->prog->len - jumps[i]);
    if (jumps != pending)
        gp_mem_free(jumps);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                         */
/* ------------------------------------------------------------------ */

void sre_program_free(sre_program_t *prog)
{
    if (!prog)
        return;
    gp_mem_free(prog->code);
    for (size_t i = 0; i < prog->nclasses; i++)
        gp_mem_free(prog->classes[i].ranges);
    gp_mem_free(prog->classes);
    for (uint32_t i = 0; i < prog->nnames; i++)
        GP_DECREF(prog->names[i]);
    gp_mem_free(prog->names);
    gp_mem_free(prog->name_groups);
    gp_mem_free(prog);
}

/* Decodes the pattern into code points (bytes as values 0..255). */
static uint32_t *pattern_decode(gp_object_t *pattern, bool is_bytes, intptr_t *n)
{
    if (is_bytes) {
        const uint8_t *d = (const uint8_t *)gp_bytes_data(pattern);
        size_t len = gp_bytes_len(pattern);
        uint32_t *p = gp_mem_alloc((len + 1) * sizeof(uint32_t));
        if (!p)
            return NULL;
        for (size_t i = 0; i < len; i++)
            p[i] = d[i];
        *n = (intptr_t)len;
        return p;
    }
    const unsigned char *s = (const unsigned char *)gp_str_utf8(pattern);
    size_t bytes = gp_str_utf8_len(pattern);
    intptr_t len = gp_str_length(pattern);
    uint32_t *p = gp_mem_alloc(((size_t)len + 1) * sizeof(uint32_t));
    if (!p)
        return NULL;
    size_t off = 0;
    for (intptr_t i = 0; i < len && off < bytes; i++) {
        int k;
        p[i] = gp_utf8_decode(s + off, &k);
        off += (size_t)k;
    }
    *n = len;
    return p;
}

/* The first instruction that must match, skipping group starts. */
static void program_analyse(sre_program_t *prog)
{
    prog->first_char = -1;
    prog->first_class = -1;
    prog->anchored_start = false;
    size_t pc = 0;
    while (pc < prog->len && prog->code[pc] == SRE_OP_SAVE)
        pc += 2;
    if (pc >= prog->len)
        return;
    /* A repetition that needs at least one character starts with it. */
    if (prog->code[pc] == SRE_OP_STAR && prog->code[pc + 1] >= 1)
        pc += 4;
    if (prog->code[pc] == SRE_OP_CHAR)
        prog->first_char = prog->code[pc + 1];
    else if (prog->code[pc] == SRE_OP_CLASS)
        prog->first_class = prog->code[pc + 1];
    else if (prog->code[pc] == SRE_OP_AT &&
             (prog->code[pc + 1] == SRE_AT_BEGINNING || prog->code[pc + 1] == SRE_AT_BEGINNING_STRING))
        prog->anchored_start = true;
}

sre_program_t *sre_compile(gp_object_t *pattern, int flags)
{
    bool is_bytes = !gp_str_check(pattern);
    parser_t ps;
    memset(&ps, 0, sizeof(ps));
    ps.pattern = pattern;
    ps.is_bytes = is_bytes;
    ps.global_flags = flags;
    ps.prog = gp_mem_calloc(1, sizeof(sre_program_t));
    if (!ps.prog) {
        gp_err_no_memory();
        return NULL;
    }
    ps.prog->is_bytes = is_bytes;
    ps.p = pattern_decode(pattern, is_bytes, &ps.n);
    if (!ps.p) {
        gp_mem_free(ps.prog);
        gp_err_no_memory();
        return NULL;
    }
    intptr_t minw, maxw;
    parse_alternation(&ps, flags, &minw, &maxw);
    if (!ps.failed && !at_end(&ps)) {
        /* Only an unbalanced ')' stops the top level early. */
        parser_error(&ps, ps.pos, "unbalanced parenthesis");
    }
    if (!ps.failed)
        EMIT(&ps, SRE_OP_MATCH);
    gp_mem_free((void *)ps.p);
    gp_mem_free(ps.open_groups);
    if (ps.failed) {
        sre_program_free(ps.prog);
        return NULL;
    }
    sre_program_t *prog = ps.prog;
    prog->flags = ps.global_flags;
    if (!is_bytes && !(prog->flags & SRE_FLAG_ASCII))
        prog->flags |= SRE_FLAG_UNICODE;
    program_analyse(prog);
    return prog;
}
