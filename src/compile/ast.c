/* ast.c - the arena allocator and the AST dumper.
 *
 * Design notes
 * ------------
 * The arena is a singly linked list of chunks. Allocation bumps a pointer
 * in the newest chunk; a request that does not fit starts a new chunk
 * (twice as large as the last, or just the request when it is huge), so
 * the waste stays small and freeing is one walk down the list.
 *
 * gp_ast_dump reproduces CPython 3.11's `ast.dump(node)` byte for byte: it
 * is the oracle of the parser's differential tests, so every detail counts.
 * In particular it follows these rules of ast.dump:
 *   - fields are printed in ASDL order as `name=value`;
 *   - an optional field that is None is left out, but None inside a list
 *     (Dict keys, kw_defaults) is printed;
 *   - empty lists are printed as `[]`;
 *   - constants are printed with Python's repr(), including the shortest
 *     round-trip form of floats, so this file carries small ports of
 *     float_repr, unicode_repr and bytes_repr.
 */
#include "ast.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------
 * Arena
 * ------------------------------------------------------------------------ */

typedef struct gp_arena_chunk {
    struct gp_arena_chunk *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    /* Payload follows, aligned by the union below. */
    union {
        max_align_t align;
        char bytes[1];
    } data;
} gp_arena_chunk_t;

struct gp_arena {
    gp_arena_chunk_t *chunks; /* newest first */
    size_t next_size;
};

#define GP_ARENA_FIRST_CHUNK 8192
#define GP_ARENA_ALIGN       (sizeof(max_align_t))

gp_arena_t *gp_arena_new(void)
{
    gp_arena_t *arena = calloc(1, sizeof *arena);
    if (arena != NULL) {
        arena->next_size = GP_ARENA_FIRST_CHUNK;
    }
    return arena;
}

void *gp_arena_alloc(gp_arena_t *arena, size_t size)
{
    if (size == 0) {
        size = 1;
    }
    if (size > SIZE_MAX / 2) {
        return NULL;
    }
    size = (size + GP_ARENA_ALIGN - 1) & ~(GP_ARENA_ALIGN - 1);
    gp_arena_chunk_t *chunk = arena->chunks;
    if (chunk == NULL || chunk->size - chunk->used < size) {
        size_t chunk_size = arena->next_size;
        if (chunk_size < size) {
            chunk_size = size;
        }
        chunk = malloc(offsetof(gp_arena_chunk_t, data) + chunk_size);
        if (chunk == NULL) {
            return NULL;
        }
        chunk->size = chunk_size;
        chunk->used = 0;
        chunk->next = arena->chunks;
        arena->chunks = chunk;
        if (arena->next_size < (size_t)1 << 24) {
            arena->next_size *= 2;
        }
    }
    void *result = chunk->data.bytes + chunk->used;
    chunk->used += size;
    memset(result, 0, size);
    return result;
}

char *gp_arena_strndup(gp_arena_t *arena, const char *text, size_t length)
{
    char *copy = gp_arena_alloc(arena, length + 1);
    if (copy != NULL) {
        memcpy(copy, text, length);
        copy[length] = '\0';
    }
    return copy;
}

void gp_arena_free(gp_arena_t *arena)
{
    if (arena == NULL) {
        return;
    }
    gp_arena_chunk_t *chunk = arena->chunks;
    while (chunk != NULL) {
        gp_arena_chunk_t *next = chunk->next;
        free(chunk);
        chunk = next;
    }
    free(arena);
}

/* ------------------------------------------------------------------------
 * Kind names
 * ------------------------------------------------------------------------ */

static const char *const stmt_names[] = {
    "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return",   "Delete",  "Assign",
    "AugAssign",   "AnnAssign",        "For",      "AsyncFor", "While",   "If",
    "With",        "AsyncWith",        "Match",    "Raise",    "Try",      "TryStar", "Assert",
    "Import",      "ImportFrom",       "Global",   "Nonlocal", "Expr",    "Pass",
    "Break",       "Continue",
};

static const char *const expr_names[] = {
    "BoolOp",    "NamedExpr", "BinOp",   "UnaryOp",        "Lambda",       "IfExp",    "Dict",
    "Set",       "ListComp",  "SetComp", "DictComp",       "GeneratorExp", "Await",    "Yield",
    "YieldFrom", "Compare",   "Call",    "FormattedValue", "JoinedStr",    "Constant", "Attribute",
    "Subscript", "Starred",   "Name",    "List",           "Tuple",        "Slice",
};

const char *gp_ast_stmt_kind_name(gp_ast_stmt_kind_t kind)
{
    return (unsigned)kind < sizeof stmt_names / sizeof stmt_names[0] ? stmt_names[kind] : "?";
}

const char *gp_ast_expr_kind_name(gp_ast_expr_kind_t kind)
{
    return (unsigned)kind < sizeof expr_names / sizeof expr_names[0] ? expr_names[kind] : "?";
}

static const char *const operator_names[] = {
    "Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",      "Pow",
    "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv",
};
static const char *const unaryop_names[] = {"Invert", "Not", "UAdd", "USub"};
static const char *const cmpop_names[] = {
    "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn",
};
static const char *const context_names[] = {"Load", "Store", "Del"};

/* ------------------------------------------------------------------------
 * repr() of constants
 * ------------------------------------------------------------------------ */

/* Prints the integer written with [digits] in [base] as decimal. Uses
 * schoolbook conversion into base 10^9 limbs: quadratic, which is fine for
 * literals. */
static void dump_int(const char *digits, int base, FILE *out)
{
    size_t n = strlen(digits);
    uint32_t *limbs = calloc(n / 2 + 2, sizeof *limbs); /* little-endian, base 1e9 */
    if (limbs == NULL) {
        fputs("0", out);
        return;
    }
    size_t count = 1;
    for (size_t i = 0; i < n; i++) {
        int c = digits[i];
        uint32_t d = (uint32_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        uint64_t carry = d;
        for (size_t k = 0; k < count; k++) {
            uint64_t v = (uint64_t)limbs[k] * (uint64_t)base + carry;
            limbs[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry != 0) {
            limbs[count++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    fprintf(out, "%u", (unsigned)limbs[count - 1]);
    for (size_t k = count - 1; k-- > 0;) {
        fprintf(out, "%09u", (unsigned)limbs[k]);
    }
    free(limbs);
}

/* Writes repr(float(value)) into [buf]. [add_dot_zero] is 0 for the
 * imaginary part of a complex, which Python prints as `2j`, not `2.0j`. */
static void format_float(double value, int add_dot_zero, char *buf, size_t size)
{
    if (isnan(value)) {
        snprintf(buf, size, "nan");
        return;
    }
    if (isinf(value)) {
        snprintf(buf, size, value < 0 ? "-inf" : "inf");
        return;
    }
    /* Find the shortest precision that reads back as the same double. */
    char tmp[64];
    int precision;
    for (precision = 1; precision <= 17; precision++) {
        snprintf(tmp, sizeof tmp, "%.*e", precision - 1, value);
        if (strtod(tmp, NULL) == value) {
            break;
        }
    }
    /* tmp is [-]d[.ddd]e[+-]xx: split into digits and a decimal exponent. */
    char digits[32];
    int ndigits = 0;
    const char *p = tmp;
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
    }
    while (*p != 'e') {
        if (*p != '.') {
            digits[ndigits++] = *p;
        }
        p++;
    }
    int exponent = atoi(p + 1);
    while (ndigits > 1 && digits[ndigits - 1] == '0') {
        ndigits--;
    }
    digits[ndigits] = '\0';
    int decpt = exponent + 1; /* digits d1d2... = 0.d1d2 * 10^decpt */
    char *o = buf;
    char *end = buf + size - 1;
#define PUT(ch)          \
    do {                 \
        if (o < end) {   \
            *o++ = (ch); \
        }                \
    } while (0)
    if (negative) {
        PUT('-');
    }
    if (decpt <= -4 || decpt > 16) {
        PUT(digits[0]);
        if (ndigits > 1) {
            PUT('.');
            for (int i = 1; i < ndigits; i++) {
                PUT(digits[i]);
            }
        }
        int e = decpt - 1;
        char ebuf[16];
        snprintf(ebuf, sizeof ebuf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        for (char *q = ebuf; *q; q++) {
            PUT(*q);
        }
    } else if (decpt <= 0) {
        PUT('0');
        PUT('.');
        for (int i = 0; i < -decpt; i++) {
            PUT('0');
        }
        for (int i = 0; i < ndigits; i++) {
            PUT(digits[i]);
        }
    } else {
        for (int i = 0; i < decpt; i++) {
            PUT(i < ndigits ? digits[i] : '0');
        }
        if (ndigits > decpt) {
            PUT('.');
            for (int i = decpt; i < ndigits; i++) {
                PUT(digits[i]);
            }
        } else if (add_dot_zero) {
            PUT('.');
            PUT('0');
        }
    }
#undef PUT
    *o = '\0';
}

/* Decodes one UTF-8 sequence, trusting it to be valid (the lexer checked). */
static unsigned utf8_next(const unsigned char *s, size_t n, size_t *i)
{
    unsigned c = s[*i];
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*i + (size_t)len > n) {
        (*i)++;
        return 0xFFFD;
    }
    unsigned cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < len; k++) {
        cp = (cp << 6) | (s[*i + (size_t)k] & 0x3F);
    }
    *i += (size_t)len;
    return cp;
}

/* Mirrors str.isprintable() closely enough for repr(): controls, spaces
 * other than ' ', format characters and unassigned private areas are not
 * printable. */
static int repr_is_printable(unsigned cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD) {
        return 0;
    }
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
        (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF || cp == 0x1680 ||
        (cp >= 0xD800 && cp <= 0xF8FF) || (cp >= 0xFFF0 && cp <= 0xFFFB) || cp == 0xFFFE ||
        cp == 0xFFFF || cp >= 0xE0000 || cp == 0x180E || (cp >= 0x0600 && cp <= 0x0605) ||
        cp == 0x061C || cp == 0x06DD || cp == 0x070F) {
        return 0;
    }
    return 1;
}

/* Prints repr() of a str (UTF-8) or bytes value. */
static void dump_string(const char *data, size_t length, int is_bytes, FILE *out)
{
    const unsigned char *s = (const unsigned char *)data;
    int has_single = memchr(s, '\'', length) != NULL;
    int has_double = memchr(s, '"', length) != NULL;
    char quote = (has_single && !has_double) ? '"' : '\'';
    if (is_bytes) {
        fputc('b', out);
    }
    fputc(quote, out);
    size_t i = 0;
    while (i < length) {
        unsigned cp;
        if (is_bytes) {
            cp = s[i++];
        } else {
            cp = utf8_next(s, length, &i);
        }
        if (cp == (unsigned char)quote || cp == '\\') {
            fputc('\\', out);
            fputc((int)cp, out);
        } else if (cp == '\t') {
            fputs("\\t", out);
        } else if (cp == '\n') {
            fputs("\\n", out);
        } else if (cp == '\r') {
            fputs("\\r", out);
        } else if (cp < 0x20 || cp == 0x7F || (is_bytes && cp >= 0x80)) {
            fprintf(out, "\\x%02x", cp);
        } else if (cp < 0x80) {
            fputc((int)cp, out);
        } else if (!repr_is_printable(cp)) {
            if (cp <= 0xFF) {
                fprintf(out, "\\x%02x", cp);
            } else if (cp <= 0xFFFF) {
                fprintf(out, "\\u%04x", cp);
            } else {
                fprintf(out, "\\U%08x", cp);
            }
        } else {
            /* Re-encode the printable code point as UTF-8. */
            char buf[4];
            int n;
            if (cp < 0x800) {
                buf[0] = (char)(0xC0 | (cp >> 6));
                buf[1] = (char)(0x80 | (cp & 0x3F));
                n = 2;
            } else if (cp < 0x10000) {
                buf[0] = (char)(0xE0 | (cp >> 12));
                buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                buf[2] = (char)(0x80 | (cp & 0x3F));
                n = 3;
            } else {
                buf[0] = (char)(0xF0 | (cp >> 18));
                buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
                buf[3] = (char)(0x80 | (cp & 0x3F));
                n = 4;
            }
            fwrite(buf, 1, (size_t)n, out);
        }
    }
    fputc(quote, out);
}

static void dump_constant(const gp_ast_constant_t *c, FILE *out)
{
    char buf[64];
    switch (c->kind) {
    case GP_AST_CONST_NONE:
        fputs("None", out);
        break;
    case GP_AST_CONST_TRUE:
        fputs("True", out);
        break;
    case GP_AST_CONST_FALSE:
        fputs("False", out);
        break;
    case GP_AST_CONST_ELLIPSIS:
        fputs("Ellipsis", out);
        break;
    case GP_AST_CONST_INT:
        dump_int(c->digits, c->base, out);
        break;
    case GP_AST_CONST_FLOAT:
        format_float(c->number, 1, buf, sizeof buf);
        fputs(buf, out);
        break;
    case GP_AST_CONST_COMPLEX:
        format_float(c->number, 0, buf, sizeof buf);
        fprintf(out, "%sj", buf);
        break;
    case GP_AST_CONST_STR:
        dump_string(c->bytes, c->length, 0, out);
        break;
    case GP_AST_CONST_BYTES:
        dump_string(c->bytes, c->length, 1, out);
        break;
    }
}

/* ------------------------------------------------------------------------
 * The dumper
 * ------------------------------------------------------------------------ */

/* A tiny helper that prints "Name(" and then "field=" with the right
 * separators, so each node below reads like its ASDL definition. */
typedef struct {
    FILE *out;
    int fields;
} dumper_t;

static void node_open(dumper_t *d, const char *name)
{
    fprintf(d->out, "%s(", name);
    d->fields = 0;
}

static void field_begin(dumper_t *d, const char *name)
{
    fprintf(d->out, "%s%s=", d->fields++ ? ", " : "", name);
}

static void dump_expr(const gp_ast_expr_t *e, FILE *out);
static void dump_stmt(const gp_ast_stmt_t *s, FILE *out);
static void dump_arguments(const gp_ast_arguments_t *a, FILE *out);

static void dump_expr_field(dumper_t *d, const char *name, const gp_ast_expr_t *e)
{
    if (e != NULL) {
        field_begin(d, name);
        dump_expr(e, d->out);
    }
}

static void dump_expr_seq(dumper_t *d, const char *name, gp_ast_expr_seq_t seq)
{
    field_begin(d, name);
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        if (i) {
            fputs(", ", d->out);
        }
        if (seq.items[i] == NULL) {
            fputs("None", d->out);
        } else {
            dump_expr(seq.items[i], d->out);
        }
    }
    fputc(']', d->out);
}

static void dump_stmt_seq(dumper_t *d, const char *name, gp_ast_stmt_seq_t seq)
{
    field_begin(d, name);
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        if (i) {
            fputs(", ", d->out);
        }
        dump_stmt(seq.items[i], d->out);
    }
    fputc(']', d->out);
}

static void dump_identifier(dumper_t *d, const char *name, const char *id)
{
    if (id != NULL) {
        field_begin(d, name);
        dump_string(id, strlen(id), 0, d->out);
    }
}

static void dump_simple(dumper_t *d, const char *name, const char *value)
{
    field_begin(d, name);
    fprintf(d->out, "%s()", value);
}

static void dump_int_field(dumper_t *d, const char *name, int value)
{
    field_begin(d, name);
    fprintf(d->out, "%d", value);
}

static void dump_ctx(dumper_t *d, gp_ast_expr_context_t ctx)
{
    dump_simple(d, "ctx", context_names[ctx]);
}

static void dump_comprehensions(dumper_t *d, gp_ast_comprehension_seq_t seq)
{
    field_begin(d, "generators");
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        const gp_ast_comprehension_t *c = seq.items[i];
        dumper_t sub = {d->out, 0};
        if (i) {
            fputs(", ", d->out);
        }
        node_open(&sub, "comprehension");
        dump_expr_field(&sub, "target", c->target);
        dump_expr_field(&sub, "iter", c->iter);
        dump_expr_seq(&sub, "ifs", c->ifs);
        dump_int_field(&sub, "is_async", c->is_async);
        fputc(')', d->out);
    }
    fputc(']', d->out);
}

static void dump_keywords(dumper_t *d, gp_ast_keyword_seq_t seq)
{
    field_begin(d, "keywords");
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        dumper_t sub = {d->out, 0};
        if (i) {
            fputs(", ", d->out);
        }
        node_open(&sub, "keyword");
        dump_identifier(&sub, "arg", seq.items[i]->arg);
        dump_expr_field(&sub, "value", seq.items[i]->value);
        fputc(')', d->out);
    }
    fputc(']', d->out);
}

static void dump_aliases(dumper_t *d, gp_ast_alias_seq_t seq)
{
    field_begin(d, "names");
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        dumper_t sub = {d->out, 0};
        if (i) {
            fputs(", ", d->out);
        }
        node_open(&sub, "alias");
        dump_identifier(&sub, "name", seq.items[i]->name);
        dump_identifier(&sub, "asname", seq.items[i]->asname);
        fputc(')', d->out);
    }
    fputc(']', d->out);
}

static void dump_withitems(dumper_t *d, gp_ast_withitem_seq_t seq)
{
    field_begin(d, "items");
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        dumper_t sub = {d->out, 0};
        if (i) {
            fputs(", ", d->out);
        }
        node_open(&sub, "withitem");
        dump_expr_field(&sub, "context_expr", seq.items[i]->context_expr);
        dump_expr_field(&sub, "optional_vars", seq.items[i]->optional_vars);
        fputc(')', d->out);
    }
    fputc(']', d->out);
}

static void dump_handlers(dumper_t *d, gp_ast_excepthandler_seq_t seq)
{
    field_begin(d, "handlers");
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        dumper_t sub = {d->out, 0};
        if (i) {
            fputs(", ", d->out);
        }
        node_open(&sub, "ExceptHandler");
        dump_expr_field(&sub, "type", seq.items[i]->type);
        dump_identifier(&sub, "name", seq.items[i]->name);
        dump_stmt_seq(&sub, "body", seq.items[i]->body);
        fputc(')', d->out);
    }
    fputc(']', d->out);
}

static void dump_arg(const gp_ast_arg_t *a, FILE *out)
{
    dumper_t d = {out, 0};
    node_open(&d, "arg");
    dump_identifier(&d, "arg", a->arg);
    dump_expr_field(&d, "annotation", a->annotation);
    fputc(')', out);
}

static void dump_arg_seq(dumper_t *d, const char *name, gp_ast_arg_seq_t seq)
{
    field_begin(d, name);
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        if (i) {
            fputs(", ", d->out);
        }
        dump_arg(seq.items[i], d->out);
    }
    fputc(']', d->out);
}

static void dump_arguments(const gp_ast_arguments_t *a, FILE *out)
{
    dumper_t d = {out, 0};
    node_open(&d, "arguments");
    dump_arg_seq(&d, "posonlyargs", a->posonlyargs);
    dump_arg_seq(&d, "args", a->args);
    if (a->vararg != NULL) {
        field_begin(&d, "vararg");
        dump_arg(a->vararg, out);
    }
    dump_arg_seq(&d, "kwonlyargs", a->kwonlyargs);
    dump_expr_seq(&d, "kw_defaults", a->kw_defaults);
    if (a->kwarg != NULL) {
        field_begin(&d, "kwarg");
        dump_arg(a->kwarg, out);
    }
    dump_expr_seq(&d, "defaults", a->defaults);
    fputc(')', out);
}

static void dump_expr(const gp_ast_expr_t *e, FILE *out)
{
    dumper_t d = {out, 0};
    node_open(&d, gp_ast_expr_kind_name(e->kind));
    switch (e->kind) {
    case GP_AST_BoolOp:
        dump_simple(&d, "op", e->v.BoolOp.op == GP_AST_And ? "And" : "Or");
        dump_expr_seq(&d, "values", e->v.BoolOp.values);
        break;
    case GP_AST_NamedExpr:
        dump_expr_field(&d, "target", e->v.NamedExpr.target);
        dump_expr_field(&d, "value", e->v.NamedExpr.value);
        break;
    case GP_AST_BinOp:
        dump_expr_field(&d, "left", e->v.BinOp.left);
        dump_simple(&d, "op", operator_names[e->v.BinOp.op]);
        dump_expr_field(&d, "right", e->v.BinOp.right);
        break;
    case GP_AST_UnaryOp:
        dump_simple(&d, "op", unaryop_names[e->v.UnaryOp.op]);
        dump_expr_field(&d, "operand", e->v.UnaryOp.operand);
        break;
    case GP_AST_Lambda:
        field_begin(&d, "args");
        dump_arguments(e->v.Lambda.args, out);
        dump_expr_field(&d, "body", e->v.Lambda.body);
        break;
    case GP_AST_IfExp:
        dump_expr_field(&d, "test", e->v.IfExp.test);
        dump_expr_field(&d, "body", e->v.IfExp.body);
        dump_expr_field(&d, "orelse", e->v.IfExp.orelse);
        break;
    case GP_AST_Dict:
        dump_expr_seq(&d, "keys", e->v.Dict.keys);
        dump_expr_seq(&d, "values", e->v.Dict.values);
        break;
    case GP_AST_Set:
        dump_expr_seq(&d, "elts", e->v.Set.elts);
        break;
    case GP_AST_ListComp:
    case GP_AST_SetComp:
    case GP_AST_GeneratorExp:
        /* The three share one layout. */
        dump_expr_field(&d, "elt", e->v.ListComp.elt);
        dump_comprehensions(&d, e->v.ListComp.generators);
        break;
    case GP_AST_DictComp:
        dump_expr_field(&d, "key", e->v.DictComp.key);
        dump_expr_field(&d, "value", e->v.DictComp.value);
        dump_comprehensions(&d, e->v.DictComp.generators);
        break;
    case GP_AST_Await:
    case GP_AST_Yield:
    case GP_AST_YieldFrom:
        dump_expr_field(&d, "value", e->v.Await.value);
        break;
    case GP_AST_Compare:
        dump_expr_field(&d, "left", e->v.Compare.left);
        field_begin(&d, "ops");
        fputc('[', out);
        for (size_t i = 0; i < e->v.Compare.ops.count; i++) {
            fprintf(out, "%s%s()", i ? ", " : "", cmpop_names[e->v.Compare.ops.items[i]]);
        }
        fputc(']', out);
        dump_expr_seq(&d, "comparators", e->v.Compare.comparators);
        break;
    case GP_AST_Call:
        dump_expr_field(&d, "func", e->v.Call.func);
        dump_expr_seq(&d, "args", e->v.Call.args);
        dump_keywords(&d, e->v.Call.keywords);
        break;
    case GP_AST_FormattedValue:
        dump_expr_field(&d, "value", e->v.FormattedValue.value);
        dump_int_field(&d, "conversion", e->v.FormattedValue.conversion);
        dump_expr_field(&d, "format_spec", e->v.FormattedValue.format_spec);
        break;
    case GP_AST_JoinedStr:
        dump_expr_seq(&d, "values", e->v.JoinedStr.values);
        break;
    case GP_AST_Constant:
        field_begin(&d, "value");
        dump_constant(&e->v.Constant, out);
        if (e->v.Constant.is_u_prefixed) {
            fputs(", kind='u'", out);
        }
        break;
    case GP_AST_Attribute:
        dump_expr_field(&d, "value", e->v.Attribute.value);
        dump_identifier(&d, "attr", e->v.Attribute.attr);
        dump_ctx(&d, e->v.Attribute.ctx);
        break;
    case GP_AST_Subscript:
        dump_expr_field(&d, "value", e->v.Subscript.value);
        dump_expr_field(&d, "slice", e->v.Subscript.slice);
        dump_ctx(&d, e->v.Subscript.ctx);
        break;
    case GP_AST_Starred:
        dump_expr_field(&d, "value", e->v.Starred.value);
        dump_ctx(&d, e->v.Starred.ctx);
        break;
    case GP_AST_Name:
        dump_identifier(&d, "id", e->v.Name.id);
        dump_ctx(&d, e->v.Name.ctx);
        break;
    case GP_AST_List:
    case GP_AST_Tuple:
        dump_expr_seq(&d, "elts", e->v.List.elts);
        dump_ctx(&d, e->v.List.ctx);
        break;
    case GP_AST_Slice:
        dump_expr_field(&d, "lower", e->v.Slice.lower);
        dump_expr_field(&d, "upper", e->v.Slice.upper);
        dump_expr_field(&d, "step", e->v.Slice.step);
        break;
    }
    fputc(')', out);
}

static void dump_function_def(dumper_t *d, const gp_ast_function_def_t *f)
{
    dump_identifier(d, "name", f->name);
    field_begin(d, "args");
    dump_arguments(f->args, d->out);
    dump_stmt_seq(d, "body", f->body);
    dump_expr_seq(d, "decorator_list", f->decorator_list);
    dump_expr_field(d, "returns", f->returns);
}

static void dump_names_field(dumper_t *d, const char *name, gp_ast_identifier_seq_t names)
{
    field_begin(d, name);
    fputc('[', d->out);
    for (size_t i = 0; i < names.count; i++) {
        if (i) {
            fputs(", ", d->out);
        }
        dump_string(names.items[i], strlen(names.items[i]), 0, d->out);
    }
    fputc(']', d->out);
}

static void dump_pattern(const gp_ast_pattern_t *p, FILE *out);

static void dump_pattern_seq(dumper_t *d, const char *name, gp_ast_pattern_seq_t seq)
{
    field_begin(d, name);
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        if (i) {
            fputs(", ", d->out);
        }
        dump_pattern(seq.items[i], d->out);
    }
    fputc(']', d->out);
}

/* Patterns of the match statement, field by field as in Python's ASDL. */
static void dump_pattern(const gp_ast_pattern_t *p, FILE *out)
{
    static const char *const pattern_names[] = {
        "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping",
        "MatchClass", "MatchStar",      "MatchAs",       "MatchOr",
    };
    dumper_t d = {out, 0};
    node_open(&d, pattern_names[p->kind]);
    switch (p->kind) {
    case GP_AST_MatchValue:
        dump_expr_field(&d, "value", p->v.MatchValue.value);
        break;
    case GP_AST_MatchSingleton: {
        gp_ast_constant_t k = {.kind = p->v.MatchSingleton.value};
        field_begin(&d, "value");
        dump_constant(&k, out);
        break;
    }
    case GP_AST_MatchSequence:
        dump_pattern_seq(&d, "patterns", p->v.MatchSequence.patterns);
        break;
    case GP_AST_MatchMapping:
        dump_expr_seq(&d, "keys", p->v.MatchMapping.keys);
        dump_pattern_seq(&d, "patterns", p->v.MatchMapping.patterns);
        dump_identifier(&d, "rest", p->v.MatchMapping.rest);
        break;
    case GP_AST_MatchClass:
        dump_expr_field(&d, "cls", p->v.MatchClass.cls);
        dump_pattern_seq(&d, "patterns", p->v.MatchClass.patterns);
        dump_names_field(&d, "kwd_attrs", p->v.MatchClass.kwd_attrs);
        dump_pattern_seq(&d, "kwd_patterns", p->v.MatchClass.kwd_patterns);
        break;
    case GP_AST_MatchStar:
        dump_identifier(&d, "name", p->v.MatchStar.name);
        break;
    case GP_AST_MatchAs:
        if (p->v.MatchAs.pattern != NULL) {
            field_begin(&d, "pattern");
            dump_pattern(p->v.MatchAs.pattern, out);
        }
        dump_identifier(&d, "name", p->v.MatchAs.name);
        break;
    case GP_AST_MatchOr:
        dump_pattern_seq(&d, "patterns", p->v.MatchOr.patterns);
        break;
    }
    fputc(')', out);
}

static void dump_match_cases(dumper_t *d, gp_ast_match_case_seq_t seq)
{
    field_begin(d, "cases");
    fputc('[', d->out);
    for (size_t i = 0; i < seq.count; i++) {
        const gp_ast_match_case_t *m = seq.items[i];
        dumper_t sub = {d->out, 0};
        if (i) {
            fputs(", ", d->out);
        }
        node_open(&sub, "match_case");
        field_begin(&sub, "pattern");
        dump_pattern(m->pattern, d->out);
        dump_expr_field(&sub, "guard", m->guard);
        dump_stmt_seq(&sub, "body", m->body);
        fputc(')', d->out);
    }
    fputc(']', d->out);
}

static void dump_stmt(const gp_ast_stmt_t *s, FILE *out)
{
    dumper_t d = {out, 0};
    node_open(&d, gp_ast_stmt_kind_name(s->kind));
    switch (s->kind) {
    case GP_AST_FunctionDef:
    case GP_AST_AsyncFunctionDef:
        dump_function_def(&d, &s->v.FunctionDef);
        break;
    case GP_AST_ClassDef:
        dump_identifier(&d, "name", s->v.ClassDef.name);
        dump_expr_seq(&d, "bases", s->v.ClassDef.bases);
        dump_keywords(&d, s->v.ClassDef.keywords);
        dump_stmt_seq(&d, "body", s->v.ClassDef.body);
        dump_expr_seq(&d, "decorator_list", s->v.ClassDef.decorator_list);
        break;
    case GP_AST_Return:
        dump_expr_field(&d, "value", s->v.Return.value);
        break;
    case GP_AST_Delete:
        dump_expr_seq(&d, "targets", s->v.Delete.targets);
        break;
    case GP_AST_Assign:
        dump_expr_seq(&d, "targets", s->v.Assign.targets);
        dump_expr_field(&d, "value", s->v.Assign.value);
        break;
    case GP_AST_AugAssign:
        dump_expr_field(&d, "target", s->v.AugAssign.target);
        dump_simple(&d, "op", operator_names[s->v.AugAssign.op]);
        dump_expr_field(&d, "value", s->v.AugAssign.value);
        break;
    case GP_AST_AnnAssign:
        dump_expr_field(&d, "target", s->v.AnnAssign.target);
        dump_expr_field(&d, "annotation", s->v.AnnAssign.annotation);
        dump_expr_field(&d, "value", s->v.AnnAssign.value);
        dump_int_field(&d, "simple", s->v.AnnAssign.simple);
        break;
    case GP_AST_For:
    case GP_AST_AsyncFor:
        dump_expr_field(&d, "target", s->v.For.target);
        dump_expr_field(&d, "iter", s->v.For.iter);
        dump_stmt_seq(&d, "body", s->v.For.body);
        dump_stmt_seq(&d, "orelse", s->v.For.orelse);
        break;
    case GP_AST_While:
        dump_expr_field(&d, "test", s->v.While.test);
        dump_stmt_seq(&d, "body", s->v.While.body);
        dump_stmt_seq(&d, "orelse", s->v.While.orelse);
        break;
    case GP_AST_If:
        dump_expr_field(&d, "test", s->v.If.test);
        dump_stmt_seq(&d, "body", s->v.If.body);
        dump_stmt_seq(&d, "orelse", s->v.If.orelse);
        break;
    case GP_AST_With:
    case GP_AST_AsyncWith:
        dump_withitems(&d, s->v.With.items);
        dump_stmt_seq(&d, "body", s->v.With.body);
        break;
    case GP_AST_Match:
        dump_expr_field(&d, "subject", s->v.Match.subject);
        dump_match_cases(&d, s->v.Match.cases);
        break;
    case GP_AST_Raise:
        dump_expr_field(&d, "exc", s->v.Raise.exc);
        dump_expr_field(&d, "cause", s->v.Raise.cause);
        break;
    case GP_AST_Try:
    case GP_AST_TryStar:
        dump_stmt_seq(&d, "body", s->v.Try.body);
        dump_handlers(&d, s->v.Try.handlers);
        dump_stmt_seq(&d, "orelse", s->v.Try.orelse);
        dump_stmt_seq(&d, "finalbody", s->v.Try.finalbody);
        break;
    case GP_AST_Assert:
        dump_expr_field(&d, "test", s->v.Assert.test);
        dump_expr_field(&d, "msg", s->v.Assert.msg);
        break;
    case GP_AST_Import:
        dump_aliases(&d, s->v.Import.names);
        break;
    case GP_AST_ImportFrom:
        dump_identifier(&d, "module", s->v.ImportFrom.module);
        dump_aliases(&d, s->v.ImportFrom.names);
        dump_int_field(&d, "level", s->v.ImportFrom.level);
        break;
    case GP_AST_Global:
    case GP_AST_Nonlocal:
        dump_names_field(&d, "names", s->v.Global.names);
        break;
    case GP_AST_Expr:
        dump_expr_field(&d, "value", s->v.Expr.value);
        break;
    case GP_AST_Pass:
    case GP_AST_Break:
    case GP_AST_Continue:
        break;
    }
    fputc(')', out);
}

void gp_ast_dump_expr(const gp_ast_expr_t *expr, FILE *out)
{
    dump_expr(expr, out);
}

void gp_ast_dump(const gp_ast_mod_t *mod, FILE *out)
{
    dumper_t d = {out, 0};
    switch (mod->kind) {
    case GP_AST_Module:
        node_open(&d, "Module");
        dump_stmt_seq(&d, "body", mod->body);
        fputs(", type_ignores=[]", out);
        break;
    case GP_AST_Interactive:
        node_open(&d, "Interactive");
        dump_stmt_seq(&d, "body", mod->body);
        break;
    case GP_AST_Expression:
        node_open(&d, "Expression");
        dump_expr_field(&d, "body", mod->expr);
        break;
    }
    fputc(')', out);
}
