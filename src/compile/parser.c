/* parser.c - the parser driver, its error machinery, and statements.
 *
 * Design notes
 * ------------
 * gp_parse first runs the lexer over the whole input into a token array,
 * then parses the array by recursive descent. Tokenizing first is what
 * gives CPython's error priorities for free: in CPython 3.11 a tokenizer
 * error anywhere in the file (bad literal, invalid character, unmatched
 * bracket) wins over a parser error, because after a failed parse it
 * tokenizes the rest of the file looking for one. Deferred tokenizer
 * errors (indentation, end of file inside brackets) only count when the
 * parser reaches them; the array then ends with an ERRORTOKEN and peeking
 * at it raises that error.
 *
 * The grammar follows CPython's python.gram rule by rule, but instead of a
 * second "invalid_*" pass, the diagnostics are produced on the spot where
 * the single pass notices the problem. A generic "invalid syntax" points
 * at the furthest token the parser ever looked at, which is where CPython's
 * PEG parser reports it too.
 *
 * Recursion is bounded by GP_PARSER_MAX_DEPTH (parser_enter/parser_leave),
 * brackets by the lexer (200 levels) and indentation by the lexer (100
 * levels), so no input can exhaust the C stack.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"

/* ------------------------------------------------------------------------
 * Tokens
 * ------------------------------------------------------------------------ */

/* Raises the lexer's deferred error when the parser reaches it. */
static void parser_touch(gp_parser_t *p, size_t index)
{
    if (index > p->max_pos) {
        p->max_pos = index;
    }
    if (p->tokens[index].type == GP_TOK_ERRORTOKEN && !p->failed) {
        *p->err = p->lexer->error;
        p->failed = 1;
        p->hit_error_token = 1;
    }
}

gp_token_t *parser_peek(gp_parser_t *p)
{
    parser_touch(p, p->pos);
    return &p->tokens[p->pos];
}

gp_token_t *parser_peek_n(gp_parser_t *p, size_t n)
{
    size_t index = p->pos;
    for (size_t i = 0; i < n && index + 1 < p->count; i++) {
        index++;
        parser_touch(p, index);
    }
    return &p->tokens[index];
}

int parser_check(gp_parser_t *p, gp_token_type_t type)
{
    return parser_peek(p)->type == type;
}

gp_token_t *parser_accept(gp_parser_t *p, gp_token_type_t type)
{
    gp_token_t *t = parser_peek(p);
    if (t->type != type || p->failed) {
        return NULL;
    }
    if (p->pos + 1 < p->count) {
        p->pos++;
    }
    return t;
}

gp_token_t *parser_expect(gp_parser_t *p, gp_token_type_t type)
{
    gp_token_t *t = parser_accept(p, type);
    if (t == NULL) {
        parser_error_generic(p);
    }
    return t;
}

gp_token_t *parser_expect_forced(gp_parser_t *p, gp_token_type_t type)
{
    gp_token_t *t = parser_accept(p, type);
    if (t == NULL) {
        parser_error_token(p, parser_peek(p), "expected '%s'", gp_token_type_text(type));
    }
    return t;
}

gp_token_t *parser_last(gp_parser_t *p)
{
    return &p->tokens[p->pos > 0 ? p->pos - 1 : 0];
}

/* ------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------ */

/* Extra state of a nested f-string parser: where its text sits in the
 * enclosing file. Lives next to the parser on the C stack. */
typedef struct {
    gp_parser_t parser;
    int line_base; /* file line of the sub-source's line 1 */
    int col_base;  /* file column of the sub-source's column 1 */
} gp_fstring_parser_t;

void parser_error_at(gp_parser_t *p, int lineno, int col, int end_lineno, int end_col,
                     const char *fmt, ...)
{
    if (p->failed) {
        return;
    }
    p->failed = 1;
    char msg[256];
    va_list args;
    va_start(args, fmt);
    vsnprintf(msg, sizeof msg, fmt, args);
    va_end(args);
    if (p->in_fstring) {
        /* Report in the coordinates of "(expression)", as CPython does. */
        gp_fstring_parser_t *f = (gp_fstring_parser_t *)p;
        int shift = f->line_base - 1;
        if (lineno == f->line_base) {
            col -= f->col_base - 1;
        }
        if (end_lineno == f->line_base) {
            end_col -= f->col_base - 1;
        }
        gp_syntax_error_set(p->err, p->src, p->len, lineno - shift, col, end_lineno - shift,
                            end_col, "f-string: %s", msg);
        p->err->lineno += shift;
        p->err->end_lineno += shift;
        return;
    }
    gp_syntax_error_set(p->err, p->src, p->len, lineno, col, end_lineno, end_col, "%s", msg);
}

void parser_error_token(gp_parser_t *p, const gp_token_t *t, const char *fmt, ...)
{
    char msg[256];
    va_list args;
    va_start(args, fmt);
    vsnprintf(msg, sizeof msg, fmt, args);
    va_end(args);
    parser_error_at(p, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, "%s", msg);
}

void parser_error_expr(gp_parser_t *p, const gp_ast_expr_t *e, const char *fmt, ...)
{
    char msg[256];
    va_list args;
    va_start(args, fmt);
    vsnprintf(msg, sizeof msg, fmt, args);
    va_end(args);
    parser_error_at(p, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, "%s", msg);
}

void parser_error_range(gp_parser_t *p, const gp_ast_expr_t *a, const gp_ast_expr_t *b,
                        const char *fmt, ...)
{
    char msg[256];
    va_list args;
    va_start(args, fmt);
    vsnprintf(msg, sizeof msg, fmt, args);
    va_end(args);
    parser_error_at(p, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, "%s", msg);
}

void parser_error_generic(gp_parser_t *p)
{
    if (p->failed) {
        return;
    }
    gp_token_t *t = &p->tokens[p->max_pos];
    if (t->type == GP_TOK_ERRORTOKEN) {
        parser_touch(p, p->max_pos);
        return;
    }
    if (t->type == GP_TOK_INDENT || t->type == GP_TOK_DEDENT) {
        /* CPython's offset here is the indentation width, not width + 1. */
        parser_error_at(p, t->lineno, t->col_offset - 1, t->lineno, -1,
                        t->type == GP_TOK_INDENT ? "unexpected indent" : "unexpected unindent");
        p->err->is_indentation = 1;
        return;
    }
    parser_error_token(p, t, "invalid syntax");
    if (t->type == GP_TOK_ENDMARKER && !p->in_fstring) {
        /* CPython's end-of-file token has no column: offset 0. */
        p->err->col = 0;
    }
}

void parser_error_memory(gp_parser_t *p)
{
    if (!p->failed) {
        p->failed = 1;
        memset(p->err, 0, sizeof *p->err);
        snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
    }
}

int parser_warn_token(gp_parser_t *p, const gp_token_t *t, const char *where, const char *msg)
{
    if (p->warnings == NULL) {
        return 0;
    }
    gp_parse_warning_t w;
    memset(&w, 0, sizeof w);
    w.where = where;
    w.lineno = w.at_lineno = t->lineno;
    w.col_offset = w.at_col_offset = t->col_offset;
    w.end_lineno = t->end_lineno;
    w.end_col_offset = t->end_col_offset;
    for (const char *c = t->start; c < where; c++) {
        if (*c == '\n') {
            w.at_lineno++;
            w.at_col_offset = 0;
        } else {
            w.at_col_offset++;
        }
    }
    snprintf(w.msg, sizeof w.msg, "%s", msg);
    if (gp_parse_warnings_add(p->warnings, p->arena, &w) < 0) {
        parser_error_memory(p);
        return -1;
    }
    return 0;
}

/* Raises an IndentationError at the current token. */
static void parser_error_indentation(gp_parser_t *p, const char *fmt, int lineno)
{
    char msg[200];
    snprintf(msg, sizeof msg, fmt, lineno);
    gp_token_t *t = parser_peek(p);
    if (p->failed) {
        return;
    }
    parser_error_token(p, t, "%s", msg);
    p->err->is_indentation = 1;
}

int parser_enter(gp_parser_t *p)
{
    if (p->failed) {
        return 0;
    }
    if (++p->depth > GP_PARSER_MAX_DEPTH) {
        p->depth--;
        parser_error_token(p, parser_peek(p), "too many nested expressions");
        return 0;
    }
    return 1;
}

void parser_leave(gp_parser_t *p)
{
    p->depth--;
}

/* ------------------------------------------------------------------------
 * Allocation and nodes
 * ------------------------------------------------------------------------ */

void *parser_alloc(gp_parser_t *p, size_t size)
{
    void *mem = gp_arena_alloc(p->arena, size);
    if (mem == NULL) {
        parser_error_memory(p);
    }
    return mem;
}

char *parser_strndup(gp_parser_t *p, const char *text, size_t length)
{
    char *copy = gp_arena_strndup(p->arena, text, length);
    if (copy == NULL) {
        parser_error_memory(p);
    }
    return copy;
}

int vec_push(gp_parser_t *p, gp_vec_t *vec, void *item)
{
    if (vec->count == vec->cap) {
        size_t cap = vec->cap ? vec->cap * 2 : 4;
        void **grown = parser_alloc(p, cap * sizeof *grown);
        if (grown == NULL) {
            return -1;
        }
        if (vec->count) {
            memcpy(grown, vec->items, vec->count * sizeof *grown);
        }
        vec->items = grown;
        vec->cap = cap;
    }
    vec->items[vec->count++] = item;
    return 0;
}

gp_ast_expr_seq_t vec_to_exprs(gp_vec_t *vec)
{
    gp_ast_expr_seq_t seq = {vec->count, (gp_ast_expr_t **)vec->items};
    return seq;
}

gp_ast_stmt_seq_t vec_to_stmts(gp_vec_t *vec)
{
    gp_ast_stmt_seq_t seq = {vec->count, (gp_ast_stmt_t **)vec->items};
    return seq;
}

char *parser_identifier(gp_parser_t *p, const gp_token_t *t)
{
    int ascii = 1;
    for (size_t i = 0; i < t->length; i++) {
        ascii &= (unsigned char)t->start[i] < 0x80;
    }
    if (ascii) {
        return parser_strndup(p, t->start, t->length);
    }
    /* NFKC for the compatibility characters people actually meet: the
     * fullwidth ASCII forms, the micro sign and the Latin ligatures. The
     * output is never longer than three times the input. */
    char *out = parser_alloc(p, t->length * 3 + 1);
    if (out == NULL) {
        return NULL;
    }
    static const char *const ligatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    size_t n = 0;
    for (size_t i = 0; i < t->length;) {
        unsigned cp;
        int len = gp_utf8_decode((const unsigned char *)t->start + i, t->length - i, &cp);
        if (len == 0) {
            len = 1;
            cp = 0xFFFD;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            out[n++] = (char)(cp - 0xFEE0);
        } else if (cp >= 0xFB00 && cp <= 0xFB06) {
            const char *l = ligatures[cp - 0xFB00];
            memcpy(out + n, l, strlen(l));
            n += strlen(l);
        } else if (cp == 0xB5) {
            memcpy(out + n, "\xce\xbc", 2); /* U+03BC GREEK SMALL LETTER MU */
            n += 2;
        } else if (cp == 0x17F) {
            out[n++] = 's';
        } else {
            memcpy(out + n, t->start + i, (size_t)len);
            n += (size_t)len;
        }
        i += (size_t)len;
    }
    out[n] = '\0';
    return out;
}

void expr_end_here(gp_parser_t *p, gp_ast_expr_t *e)
{
    gp_token_t *last = parser_last(p);
    e->end_lineno = last->end_lineno;
    e->end_col_offset = last->end_col_offset;
}

gp_ast_expr_t *expr_new(gp_parser_t *p, gp_ast_expr_kind_t kind, const gp_token_t *start)
{
    gp_ast_expr_t *e = parser_alloc(p, sizeof *e);
    if (e != NULL) {
        e->kind = kind;
        e->lineno = start->lineno;
        e->col_offset = start->col_offset;
        expr_end_here(p, e);
    }
    return e;
}

void expr_start_at(gp_ast_expr_t *e, const gp_ast_expr_t *first)
{
    if (first->group_lineno) {
        e->lineno = first->group_lineno;
        e->col_offset = first->group_col_offset;
    } else {
        e->lineno = first->lineno;
        e->col_offset = first->col_offset;
    }
}

gp_ast_expr_t *expr_new_span(gp_parser_t *p, gp_ast_expr_kind_t kind, const gp_ast_expr_t *first,
                             const gp_ast_expr_t *last)
{
    gp_ast_expr_t *e = parser_alloc(p, sizeof *e);
    if (e != NULL) {
        e->kind = kind;
        expr_start_at(e, first);
        if (last->group_lineno) {
            e->end_lineno = last->group_end_lineno;
            e->end_col_offset = last->group_end_col_offset;
        } else {
            e->end_lineno = last->end_lineno;
            e->end_col_offset = last->end_col_offset;
        }
    }
    return e;
}

static gp_ast_stmt_t *stmt_new(gp_parser_t *p, gp_ast_stmt_kind_t kind, const gp_token_t *start)
{
    gp_ast_stmt_t *s = parser_alloc(p, sizeof *s);
    if (s != NULL) {
        gp_token_t *last = parser_last(p);
        s->kind = kind;
        s->lineno = start->lineno;
        s->col_offset = start->col_offset;
        s->end_lineno = last->end_lineno;
        s->end_col_offset = last->end_col_offset;
    }
    return s;
}

/* Moves a statement's end to its last nested statement (blocks end with
 * NEWLINE/DEDENT tokens, which do not count). */
static void stmt_end_at(gp_ast_stmt_t *s, gp_ast_stmt_seq_t body)
{
    if (body.count > 0) {
        s->end_lineno = body.items[body.count - 1]->end_lineno;
        s->end_col_offset = body.items[body.count - 1]->end_col_offset;
    }
}

/* ------------------------------------------------------------------------
 * Simple statements
 * ------------------------------------------------------------------------ */

static int is_simple_target(const gp_ast_expr_t *e)
{
    return e->kind == GP_AST_Name || e->kind == GP_AST_Attribute || e->kind == GP_AST_Subscript;
}

/* Maps an augmented-assignment token to its operator. */
static int augassign_op(gp_token_type_t type, gp_ast_operator_t *op)
{
    switch (type) {
    case GP_TOK_PLUSEQUAL:
        *op = GP_AST_Add;
        return 1;
    case GP_TOK_MINEQUAL:
        *op = GP_AST_Sub;
        return 1;
    case GP_TOK_STAREQUAL:
        *op = GP_AST_Mult;
        return 1;
    case GP_TOK_ATEQUAL:
        *op = GP_AST_MatMult;
        return 1;
    case GP_TOK_SLASHEQUAL:
        *op = GP_AST_Div;
        return 1;
    case GP_TOK_PERCENTEQUAL:
        *op = GP_AST_Mod;
        return 1;
    case GP_TOK_AMPEREQUAL:
        *op = GP_AST_BitAnd;
        return 1;
    case GP_TOK_VBAREQUAL:
        *op = GP_AST_BitOr;
        return 1;
    case GP_TOK_CIRCUMFLEXEQUAL:
        *op = GP_AST_BitXor;
        return 1;
    case GP_TOK_LEFTSHIFTEQUAL:
        *op = GP_AST_LShift;
        return 1;
    case GP_TOK_RIGHTSHIFTEQUAL:
        *op = GP_AST_RShift;
        return 1;
    case GP_TOK_DOUBLESTAREQUAL:
        *op = GP_AST_Pow;
        return 1;
    case GP_TOK_DOUBLESLASHEQUAL:
        *op = GP_AST_FloorDiv;
        return 1;
    default:
        return 0;
    }
}

/* The right-hand side of an assignment: yield_expr | star_expressions. */
static gp_ast_expr_t *parse_assignment_value(gp_parser_t *p)
{
    if (parser_check(p, GP_TOK_KW_YIELD)) {
        return parse_yield_expr(p);
    }
    return parse_star_expressions(p);
}

/* Expression statements and every form of assignment. */
static gp_ast_stmt_t *parse_expression_statement(gp_parser_t *p)
{
    gp_token_t *first = parser_peek(p);
    size_t start = p->pos;
    int is_yield = first->type == GP_TOK_KW_YIELD;
    gp_ast_expr_t *e = is_yield ? parse_yield_expr(p) : parse_star_expressions(p);
    if (e == NULL) {
        return NULL;
    }
    gp_ast_operator_t op;
    gp_token_t *t = parser_peek(p);
    if (t->type == GP_TOK_COLON) {
        if (e->kind == GP_AST_Tuple) {
            if (first->type != GP_TOK_LPAR && e->v.Tuple.elts.count > 0) {
                parser_error_expr(p, e->v.Tuple.elts.items[0],
                                  "only single target (not tuple) can be annotated");
            } else {
                parser_error_expr(p, e, "only single target (not tuple) can be annotated");
            }
            return NULL;
        }
        if (e->kind == GP_AST_List) {
            parser_error_expr(p, e, "only single target (not list) can be annotated");
            return NULL;
        }
        if (!is_simple_target(e)) {
            parser_error_expr(p, e, "illegal target for annotation");
            return NULL;
        }
        parser_accept(p, GP_TOK_COLON);
        gp_ast_expr_t *annotation = parse_expression(p);
        if (annotation == NULL) {
            return NULL;
        }
        gp_ast_expr_t *value = NULL;
        if (parser_accept(p, GP_TOK_EQUAL)) {
            value = parse_assignment_value(p);
            if (value == NULL) {
                return NULL;
            }
        }
        parser_set_context(p, e, GP_AST_Store, GP_TARGET_STAR);
        gp_ast_stmt_t *s = stmt_new(p, GP_AST_AnnAssign, first);
        if (s != NULL) {
            s->v.AnnAssign.target = e;
            s->v.AnnAssign.annotation = annotation;
            s->v.AnnAssign.value = value;
            s->v.AnnAssign.simple = e->kind == GP_AST_Name && first->type != GP_TOK_LPAR;
        }
        return s;
    }
    if (t->type == GP_TOK_EQUAL) {
        gp_vec_t targets = {0};
        gp_ast_expr_t *value = e;
        int first_target = 1;
        int value_is_yield = is_yield;
        while (parser_check(p, GP_TOK_EQUAL)) {
            if (value_is_yield) {
                parser_error_expr(p, value, "assignment to yield expression not possible");
                return NULL;
            }
            if (parser_invalid_target(value, GP_TARGET_STAR) != NULL) {
                if (first_target && parser_diagnose_bad_assignment(p, value, start)) {
                    return NULL;
                }
                /* In `a, f() = 1` CPython checks the element next to '='. */
                if (first_target && value->kind == GP_AST_Tuple && first->type != GP_TOK_LPAR &&
                    parser_last(p)->type != GP_TOK_COMMA) {
                    gp_ast_expr_t *last = value->v.Tuple.elts.items[value->v.Tuple.elts.count - 1];
                    size_t last_start = p->pos;
                    while (last_start > start &&
                           (p->tokens[last_start].lineno != last->lineno ||
                            p->tokens[last_start].col_offset != last->col_offset)) {
                        last_start--;
                    }
                    if (parser_diagnose_bad_assignment(p, last, last_start)) {
                        return NULL;
                    }
                }
                parser_set_context(p, value, GP_AST_Store, GP_TARGET_STAR);
                return NULL;
            }
            parser_set_context(p, value, GP_AST_Store, GP_TARGET_STAR);
            if (vec_push(p, &targets, value) < 0) {
                return NULL;
            }
            parser_accept(p, GP_TOK_EQUAL);
            first_target = 0;
            value_is_yield = parser_check(p, GP_TOK_KW_YIELD);
            value = parse_assignment_value(p);
            if (value == NULL) {
                return NULL;
            }
        }
        gp_ast_stmt_t *s = stmt_new(p, GP_AST_Assign, first);
        if (s != NULL) {
            s->v.Assign.targets = vec_to_exprs(&targets);
            s->v.Assign.value = value;
        }
        return s;
    }
    if (augassign_op(t->type, &op)) {
        if (!is_simple_target(e)) {
            parser_error_expr(p, e, "'%s' is an illegal expression for augmented assignment",
                              parser_expr_name(e));
            return NULL;
        }
        p->pos++;
        gp_ast_expr_t *value = parse_assignment_value(p);
        if (value == NULL) {
            return NULL;
        }
        parser_set_context(p, e, GP_AST_Store, GP_TARGET_STAR);
        gp_ast_stmt_t *s = stmt_new(p, GP_AST_AugAssign, first);
        if (s != NULL) {
            s->v.AugAssign.target = e;
            s->v.AugAssign.op = op;
            s->v.AugAssign.value = value;
        }
        return s;
    }
    gp_ast_stmt_t *s = stmt_new(p, GP_AST_Expr, first);
    if (s != NULL) {
        s->v.Expr.value = e;
    }
    return s;
}

/* dotted_name: NAME ('.' NAME)*, returned as one string. */
static const char *parse_dotted_name(gp_parser_t *p)
{
    gp_token_t *first = parser_expect(p, GP_TOK_NAME);
    if (first == NULL) {
        return NULL;
    }
    char *name = parser_identifier(p, first);
    while (name != NULL && parser_check(p, GP_TOK_DOT) &&
           parser_peek_n(p, 1)->type == GP_TOK_NAME) {
        parser_accept(p, GP_TOK_DOT);
        const char *part = parser_identifier(p, parser_accept(p, GP_TOK_NAME));
        if (part == NULL) {
            return NULL;
        }
        size_t old = strlen(name), add = strlen(part);
        char *joined = parser_alloc(p, old + 1 + add + 1);
        if (joined == NULL) {
            return NULL;
        }
        memcpy(joined, name, old);
        joined[old] = '.';
        memcpy(joined + old + 1, part, add + 1);
        name = joined;
    }
    if (name != NULL && parser_check(p, GP_TOK_DOT)) {
        parser_peek_n(p, 1);
        parser_error_generic(p);
        return NULL;
    }
    return name;
}

/* name [as asname], where name is dotted for `import` and plain for
 * `from ... import`. */
static gp_ast_alias_t *parse_alias(gp_parser_t *p, int dotted)
{
    gp_token_t *start = parser_peek(p);
    const char *name;
    if (dotted) {
        name = parse_dotted_name(p);
    } else {
        gp_token_t *t = parser_expect(p, GP_TOK_NAME);
        name = t ? parser_identifier(p, t) : NULL;
    }
    if (name == NULL) {
        return NULL;
    }
    gp_ast_alias_t *a = parser_alloc(p, sizeof *a);
    if (a == NULL) {
        return NULL;
    }
    a->name = name;
    if (parser_accept(p, GP_TOK_KW_AS)) {
        gp_token_t *as = parser_expect(p, GP_TOK_NAME);
        if (as == NULL) {
            return NULL;
        }
        a->asname = parser_identifier(p, as);
    }
    gp_token_t *last = parser_last(p);
    a->lineno = start->lineno;
    a->col_offset = start->col_offset;
    a->end_lineno = last->end_lineno;
    a->end_col_offset = last->end_col_offset;
    return a;
}

static gp_ast_stmt_t *parse_import(gp_parser_t *p)
{
    gp_token_t *first = parser_accept(p, GP_TOK_KW_IMPORT);
    gp_vec_t names = {0};
    do {
        gp_ast_alias_t *a = parse_alias(p, 1);
        if (a == NULL || vec_push(p, &names, a) < 0) {
            return NULL;
        }
    } while (parser_accept(p, GP_TOK_COMMA));
    gp_ast_stmt_t *s = stmt_new(p, GP_AST_Import, first);
    if (s != NULL) {
        s->v.Import.names.count = names.count;
        s->v.Import.names.items = (gp_ast_alias_t **)names.items;
    }
    return s;
}

static gp_ast_stmt_t *parse_from_import(gp_parser_t *p)
{
    gp_token_t *first = parser_accept(p, GP_TOK_KW_FROM);
    int level = 0;
    for (;;) {
        if (parser_accept(p, GP_TOK_DOT)) {
            level++;
        } else if (parser_accept(p, GP_TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    const char *module = NULL;
    if (level == 0 || !parser_check(p, GP_TOK_KW_IMPORT)) {
        module = parse_dotted_name(p);
        if (module == NULL) {
            return NULL;
        }
    }
    if (parser_expect(p, GP_TOK_KW_IMPORT) == NULL) {
        return NULL;
    }
    gp_vec_t names = {0};
    gp_token_t *star = parser_accept(p, GP_TOK_STAR);
    if (star != NULL) {
        gp_ast_alias_t *a = parser_alloc(p, sizeof *a);
        if (a == NULL || vec_push(p, &names, a) < 0) {
            return NULL;
        }
        a->name = "*";
        a->lineno = star->lineno;
        a->col_offset = star->col_offset;
        a->end_lineno = star->end_lineno;
        a->end_col_offset = star->end_col_offset;
    } else {
        int parenthesized = parser_accept(p, GP_TOK_LPAR) != NULL;
        for (;;) {
            gp_ast_alias_t *a = parse_alias(p, 0);
            if (a == NULL || vec_push(p, &names, a) < 0) {
                return NULL;
            }
            if (!parser_accept(p, GP_TOK_COMMA)) {
                break;
            }
            if (parenthesized && parser_check(p, GP_TOK_RPAR)) {
                break;
            }
            if (!parenthesized &&
                (parser_check(p, GP_TOK_NEWLINE) || parser_check(p, GP_TOK_SEMI))) {
                parser_error_token(p, parser_peek(p),
                                   "trailing comma not allowed without surrounding parentheses");
                return NULL;
            }
        }
        if (parenthesized && parser_expect(p, GP_TOK_RPAR) == NULL) {
            return NULL;
        }
    }
    gp_ast_stmt_t *s = stmt_new(p, GP_AST_ImportFrom, first);
    if (s != NULL) {
        s->v.ImportFrom.module = module;
        s->v.ImportFrom.names.count = names.count;
        s->v.ImportFrom.names.items = (gp_ast_alias_t **)names.items;
        s->v.ImportFrom.level = level;
    }
    return s;
}

static gp_ast_stmt_t *parse_global(gp_parser_t *p, gp_ast_stmt_kind_t kind)
{
    gp_token_t *first = parser_peek(p);
    p->pos++;
    gp_vec_t names = {0};
    do {
        gp_token_t *t = parser_expect(p, GP_TOK_NAME);
        if (t == NULL || vec_push(p, &names, parser_identifier(p, t)) < 0) {
            return NULL;
        }
    } while (parser_accept(p, GP_TOK_COMMA));
    gp_ast_stmt_t *s = stmt_new(p, kind, first);
    if (s != NULL) {
        s->v.Global.names.count = names.count;
        s->v.Global.names.items = (const char **)names.items;
    }
    return s;
}

static gp_ast_stmt_t *parse_del(gp_parser_t *p)
{
    gp_token_t *first = parser_accept(p, GP_TOK_KW_DEL);
    gp_vec_t targets = {0};
    for (;;) {
        gp_ast_expr_t *e;
        if (parser_check(p, GP_TOK_STAR)) {
            e = parse_star_named_expression(p);
        } else {
            e = parse_expression(p);
        }
        if (e == NULL || parser_set_context(p, e, GP_AST_Del, GP_TARGET_DEL) < 0 ||
            vec_push(p, &targets, e) < 0) {
            return NULL;
        }
        if (!parser_accept(p, GP_TOK_COMMA) || parser_check(p, GP_TOK_NEWLINE) ||
            parser_check(p, GP_TOK_SEMI)) {
            break;
        }
    }
    if (!parser_check(p, GP_TOK_NEWLINE) && !parser_check(p, GP_TOK_SEMI)) {
        parser_error_generic(p);
        return NULL;
    }
    gp_ast_stmt_t *s = stmt_new(p, GP_AST_Delete, first);
    if (s != NULL) {
        s->v.Delete.targets = vec_to_exprs(&targets);
    }
    return s;
}

static gp_ast_stmt_t *parse_simple_statement(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    gp_ast_stmt_t *s;
    switch (t->type) {
    case GP_TOK_KW_PASS:
    case GP_TOK_KW_BREAK:
    case GP_TOK_KW_CONTINUE:
        p->pos++;
        return stmt_new(p,
                        t->type == GP_TOK_KW_PASS    ? GP_AST_Pass
                        : t->type == GP_TOK_KW_BREAK ? GP_AST_Break
                                                     : GP_AST_Continue,
                        t);
    case GP_TOK_KW_RETURN: {
        p->pos++;
        gp_ast_expr_t *value = NULL;
        if (parser_starts_expression(p) || parser_check(p, GP_TOK_STAR)) {
            value = parse_star_expressions(p);
            if (value == NULL) {
                return NULL;
            }
        }
        s = stmt_new(p, GP_AST_Return, t);
        if (s != NULL) {
            s->v.Return.value = value;
        }
        return s;
    }
    case GP_TOK_KW_RAISE: {
        p->pos++;
        gp_ast_expr_t *exc = NULL, *cause = NULL;
        if (parser_starts_expression(p)) {
            exc = parse_expression(p);
            if (exc == NULL) {
                return NULL;
            }
            if (parser_accept(p, GP_TOK_KW_FROM)) {
                cause = parse_expression(p);
                if (cause == NULL) {
                    return NULL;
                }
            }
        }
        s = stmt_new(p, GP_AST_Raise, t);
        if (s != NULL) {
            s->v.Raise.exc = exc;
            s->v.Raise.cause = cause;
        }
        return s;
    }
    case GP_TOK_KW_GLOBAL:
        return parse_global(p, GP_AST_Global);
    case GP_TOK_KW_NONLOCAL:
        return parse_global(p, GP_AST_Nonlocal);
    case GP_TOK_KW_DEL:
        return parse_del(p);
    case GP_TOK_KW_IMPORT:
        return parse_import(p);
    case GP_TOK_KW_FROM:
        return parse_from_import(p);
    case GP_TOK_KW_ASSERT: {
        p->pos++;
        gp_ast_expr_t *test = parse_expression(p);
        gp_ast_expr_t *msg = NULL;
        if (test == NULL) {
            return NULL;
        }
        if (parser_accept(p, GP_TOK_COMMA)) {
            msg = parse_expression(p);
            if (msg == NULL) {
                return NULL;
            }
        }
        s = stmt_new(p, GP_AST_Assert, t);
        if (s != NULL) {
            s->v.Assert.test = test;
            s->v.Assert.msg = msg;
        }
        return s;
    }
    default:
        return parse_expression_statement(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int parse_simple_statements(gp_parser_t *p, gp_vec_t *out)
{
    for (;;) {
        gp_ast_stmt_t *s = parse_simple_statement(p);
        if (s == NULL || vec_push(p, out, s) < 0) {
            return -1;
        }
        if (!parser_accept(p, GP_TOK_SEMI)) {
            break;
        }
        if (parser_check(p, GP_TOK_NEWLINE)) {
            break;
        }
    }
    if (parser_expect(p, GP_TOK_NEWLINE) == NULL) {
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * Blocks and compound statements
 * ------------------------------------------------------------------------ */

static int parse_statement(gp_parser_t *p, gp_vec_t *out);

/* Expects the ':' that opens a block. With [forced], anything else gives
 * "expected ':'" (CPython's &&':'); otherwise only a newline does. */
static int expect_colon(gp_parser_t *p, int forced)
{
    if (parser_accept(p, GP_TOK_COLON)) {
        return 0;
    }
    if (forced || parser_check(p, GP_TOK_NEWLINE)) {
        parser_error_token(p, parser_peek(p), "expected ':'");
    } else {
        parser_error_generic(p);
    }
    return -1;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts. [what] and
 * [lineno] describe the owner for "expected an indented block after ...". */
static int parse_block(gp_parser_t *p, const char *what, int lineno, gp_ast_stmt_seq_t *out)
{
    gp_vec_t body = {0};
    if (!parser_enter(p)) {
        return -1;
    }
    int status = 0;
    if (parser_accept(p, GP_TOK_NEWLINE)) {
        if (!parser_accept(p, GP_TOK_INDENT)) {
            char fmt[160];
            snprintf(fmt, sizeof fmt, "expected an indented block after %s on line %%d", what);
            parser_error_indentation(p, fmt, lineno);
            status = -1;
        } else {
            while (status == 0 && !parser_accept(p, GP_TOK_DEDENT)) {
                if (parser_check(p, GP_TOK_ENDMARKER)) {
                    break;
                }
                status = parse_statement(p, &body);
            }
        }
    } else {
        status = parse_simple_statements(p, &body);
    }
    parser_leave(p);
    *out = vec_to_stmts(&body);
    return p->failed ? -1 : status;
}

int parser_block(gp_parser_t *p, const char *what, int lineno, gp_ast_stmt_seq_t *out)
{
    return parse_block(p, what, lineno, out);
}

/* else_block: 'else' &&':' block */
static int parse_else_block(gp_parser_t *p, gp_ast_stmt_seq_t *out)
{
    gp_token_t *t = parser_accept(p, GP_TOK_KW_ELSE);
    if (t == NULL) {
        out->count = 0;
        out->items = NULL;
        return 0;
    }
    if (expect_colon(p, 1) < 0) {
        return -1;
    }
    return parse_block(p, "'else' statement", t->lineno, out);
}

static gp_ast_stmt_t *parse_if(gp_parser_t *p, int is_elif)
{
    gp_token_t *t = parser_peek(p);
    p->pos++;
    gp_ast_expr_t *test = parse_named_expression(p);
    if (test == NULL || expect_colon(p, 0) < 0) {
        return NULL;
    }
    gp_ast_stmt_t *s = stmt_new(p, GP_AST_If, t);
    if (s == NULL || parse_block(p, is_elif ? "'elif' statement" : "'if' statement", t->lineno,
                                 &s->v.If.body) < 0) {
        return NULL;
    }
    s->v.If.test = test;
    stmt_end_at(s, s->v.If.body);
    if (parser_check(p, GP_TOK_KW_ELIF)) {
        gp_ast_stmt_t *elif = parse_if(p, 1);
        if (elif == NULL ||
            (s->v.If.orelse.items = parser_alloc(p, sizeof(gp_ast_stmt_t *))) == NULL) {
            return NULL;
        }
        s->v.If.orelse.count = 1;
        s->v.If.orelse.items[0] = elif;
    } else if (parse_else_block(p, &s->v.If.orelse) < 0) {
        return NULL;
    }
    stmt_end_at(s, s->v.If.orelse);
    return s;
}

static gp_ast_stmt_t *parse_while(gp_parser_t *p)
{
    gp_token_t *t = parser_accept(p, GP_TOK_KW_WHILE);
    gp_ast_expr_t *test = parse_named_expression(p);
    if (test == NULL || expect_colon(p, 0) < 0) {
        return NULL;
    }
    gp_ast_stmt_t *s = stmt_new(p, GP_AST_While, t);
    if (s == NULL || parse_block(p, "'while' statement", t->lineno, &s->v.While.body) < 0) {
        return NULL;
    }
    s->v.While.test = test;
    stmt_end_at(s, s->v.While.body);
    if (parse_else_block(p, &s->v.While.orelse) < 0) {
        return NULL;
    }
    stmt_end_at(s, s->v.While.orelse);
    return s;
}

static gp_ast_stmt_t *parse_for(gp_parser_t *p, gp_token_t *start, int is_async)
{
    gp_token_t *t = parser_accept(p, GP_TOK_KW_FOR);
    gp_ast_expr_t *target = parse_star_targets(p);
    if (target == NULL || parser_set_context(p, target, GP_AST_Store, GP_TARGET_FOR) < 0 ||
        parser_expect(p, GP_TOK_KW_IN) == NULL) {
        return NULL;
    }
    gp_ast_expr_t *iter = parse_star_expressions(p);
    if (iter == NULL || expect_colon(p, 0) < 0) {
        return NULL;
    }
    gp_ast_stmt_t *s = stmt_new(p, is_async ? GP_AST_AsyncFor : GP_AST_For, start);
    if (s == NULL || parse_block(p, "'for' statement", t->lineno, &s->v.For.body) < 0) {
        return NULL;
    }
    s->v.For.target = target;
    s->v.For.iter = iter;
    stmt_end_at(s, s->v.For.body);
    if (parse_else_block(p, &s->v.For.orelse) < 0) {
        return NULL;
    }
    stmt_end_at(s, s->v.For.orelse);
    return s;
}

/* with_item: expression ['as' star_target] */
static gp_ast_withitem_t *parse_with_item(gp_parser_t *p)
{
    gp_ast_withitem_t *item = parser_alloc(p, sizeof *item);
    if (item == NULL) {
        return NULL;
    }
    item->context_expr = parse_expression(p);
    if (item->context_expr == NULL) {
        return NULL;
    }
    if (parser_accept(p, GP_TOK_KW_AS)) {
        gp_ast_expr_t *target;
        if (parser_check(p, GP_TOK_STAR)) {
            target = parse_star_named_expression(p);
        } else {
            target = parse_expression(p);
        }
        if (target == NULL) {
            return NULL;
        }
        gp_token_type_t next = parser_peek(p)->type;
        if (next != GP_TOK_COMMA && next != GP_TOK_RPAR && next != GP_TOK_COLON &&
            next != GP_TOK_NEWLINE) {
            parser_error_generic(p);
            return NULL;
        }
        if (parser_set_context(p, target, GP_AST_Store, GP_TARGET_STAR) < 0) {
            return NULL;
        }
        item->optional_vars = target;
    }
    return item;
}

/* Parses `item (',' item)*` with an optional trailing comma when
 * [parenthesized]. */
static int parse_with_items(gp_parser_t *p, int parenthesized, gp_vec_t *items)
{
    do {
        if (parenthesized && parser_check(p, GP_TOK_RPAR) && items->count > 0) {
            break;
        }
        gp_ast_withitem_t *item = parse_with_item(p);
        if (item == NULL || vec_push(p, items, item) < 0) {
            return -1;
        }
    } while (parser_accept(p, GP_TOK_COMMA));
    return 0;
}

static gp_ast_stmt_t *parse_with(gp_parser_t *p, gp_token_t *start, int is_async)
{
    gp_token_t *t = parser_accept(p, GP_TOK_KW_WITH);
    gp_vec_t items = {0};
    int done = 0;
    if (parser_check(p, GP_TOK_LPAR)) {
        /* Try `with (a as b, c):` first, as CPython's grammar does. */
        size_t saved_pos = p->pos, saved_max = p->max_pos;
        gp_syntax_error_t saved_err = *p->err;
        p->pos++;
        if (parse_with_items(p, 1, &items) == 0 && parser_accept(p, GP_TOK_RPAR) &&
            parser_check(p, GP_TOK_COLON)) {
            done = 1;
        } else {
            p->pos = saved_pos;
            p->max_pos = saved_max;
            p->failed = 0;
            *p->err = saved_err;
            items.count = 0;
        }
    }
    if (!done && parse_with_items(p, 0, &items) < 0) {
        return NULL;
    }
    if (expect_colon(p, 0) < 0) {
        return NULL;
    }
    gp_ast_stmt_t *s = stmt_new(p, is_async ? GP_AST_AsyncWith : GP_AST_With, start);
    if (s == NULL || parse_block(p, "'with' statement", t->lineno, &s->v.With.body) < 0) {
        return NULL;
    }
    s->v.With.items.count = items.count;
    s->v.With.items.items = (gp_ast_withitem_t **)items.items;
    stmt_end_at(s, s->v.With.body);
    return s;
}

static gp_ast_excepthandler_t *parse_except(gp_parser_t *p, int *is_star)
{
    gp_token_t *t = parser_accept(p, GP_TOK_KW_EXCEPT);
    gp_ast_excepthandler_t *h = parser_alloc(p, sizeof *h);
    if (h == NULL) {
        return NULL;
    }
    *is_star = parser_accept(p, GP_TOK_STAR) != NULL;
    if (*is_star && (parser_check(p, GP_TOK_COLON) || parser_check(p, GP_TOK_NEWLINE))) {
        parser_error_token(p, parser_peek(p), "expected one or more exception types");
        return NULL;
    }
    if (!parser_check(p, GP_TOK_COLON) && !parser_check(p, GP_TOK_NEWLINE)) {
        h->type = parse_expression(p);
        if (h->type == NULL) {
            return NULL;
        }
        if (parser_check(p, GP_TOK_COMMA)) {
            gp_token_t *comma = parser_peek(p);
            (void)comma;
            size_t saved = p->pos;
            p->pos++;
            gp_ast_expr_t *rest = parse_star_expressions(p);
            if (rest != NULL && parser_accept(p, GP_TOK_KW_AS)) {
                parser_accept(p, GP_TOK_NAME);
            }
            if (rest != NULL && parser_check(p, GP_TOK_COLON)) {
                gp_token_t *colon = parser_peek(p);
                parser_error_at(p, h->type->lineno, h->type->col_offset, colon->end_lineno,
                                colon->end_col_offset,
                                "multiple exception types must be parenthesized");
                return NULL;
            }
            p->pos = saved;
            parser_error_generic(p);
            return NULL;
        }
        if (parser_accept(p, GP_TOK_KW_AS)) {
            gp_token_t *name = parser_expect(p, GP_TOK_NAME);
            if (name == NULL) {
                return NULL;
            }
            h->name = parser_identifier(p, name);
        }
    }
    if (expect_colon(p, 0) < 0) {
        return NULL;
    }
    h->lineno = t->lineno;
    h->col_offset = t->col_offset;
    if (parse_block(p, *is_star ? "'except*' statement" : "'except' statement", t->lineno,
                    &h->body) < 0) {
        return NULL;
    }
    gp_token_t *last = parser_last(p);
    h->end_lineno = last->end_lineno;
    h->end_col_offset = last->end_col_offset;
    if (h->body.count > 0) {
        h->end_lineno = h->body.items[h->body.count - 1]->end_lineno;
        h->end_col_offset = h->body.items[h->body.count - 1]->end_col_offset;
    }
    return h;
}

static gp_ast_stmt_t *parse_try(gp_parser_t *p)
{
    gp_token_t *t = parser_accept(p, GP_TOK_KW_TRY);
    if (parser_expect_forced(p, GP_TOK_COLON) == NULL) {
        return NULL;
    }
    gp_ast_stmt_t *s = stmt_new(p, GP_AST_Try, t);
    if (s == NULL || parse_block(p, "'try' statement", t->lineno, &s->v.Try.body) < 0) {
        return NULL;
    }
    gp_vec_t handlers = {0};
    int saw_plain = 0, saw_star = 0;
    while (parser_check(p, GP_TOK_KW_EXCEPT)) {
        gp_token_t *except = parser_peek(p);
        int is_star = 0;
        gp_ast_excepthandler_t *h = parse_except(p, &is_star);
        if (h == NULL || vec_push(p, &handlers, h) < 0) {
            return NULL;
        }
        if ((is_star && saw_plain) || (!is_star && saw_star)) {
            parser_error_token(p, except,
                               "cannot have both 'except' and 'except*' on the same 'try'");
            return NULL;
        }
        saw_plain |= !is_star;
        saw_star |= is_star;
    }
    s->kind = saw_star ? GP_AST_TryStar : GP_AST_Try;
    s->v.Try.handlers.count = handlers.count;
    s->v.Try.handlers.items = (gp_ast_excepthandler_t **)handlers.items;
    if (handlers.count > 0 && parse_else_block(p, &s->v.Try.orelse) < 0) {
        return NULL;
    }
    gp_token_t *fin = parser_accept(p, GP_TOK_KW_FINALLY);
    if (fin != NULL) {
        if (parser_expect_forced(p, GP_TOK_COLON) == NULL ||
            parse_block(p, "'finally' statement", fin->lineno, &s->v.Try.finalbody) < 0) {
            return NULL;
        }
    } else if (handlers.count == 0) {
        parser_error_token(p, parser_peek(p), "expected 'except' or 'finally' block");
        return NULL;
    }
    stmt_end_at(s, s->v.Try.body);
    if (handlers.count > 0) {
        gp_ast_excepthandler_t *h = handlers.items[handlers.count - 1];
        s->end_lineno = h->end_lineno;
        s->end_col_offset = h->end_col_offset;
    }
    stmt_end_at(s, s->v.Try.orelse);
    stmt_end_at(s, s->v.Try.finalbody);
    return s;
}

static gp_ast_stmt_t *parse_funcdef(gp_parser_t *p, gp_token_t *start, int is_async,
                                    gp_ast_expr_seq_t decorators)
{
    gp_token_t *t = parser_accept(p, GP_TOK_KW_DEF);
    gp_token_t *name = parser_expect(p, GP_TOK_NAME);
    if (name == NULL || parser_expect_forced(p, GP_TOK_LPAR) == NULL) {
        return NULL;
    }
    gp_ast_arguments_t *args = parse_parameters(p, 0);
    if (args == NULL || parser_expect(p, GP_TOK_RPAR) == NULL) {
        return NULL;
    }
    gp_ast_expr_t *returns = NULL;
    gp_token_t *arrow = parser_accept(p, GP_TOK_RARROW);
    if (arrow != NULL && !parser_starts_expression(p)) {
        /* CPython skips the optional `-> expression` and then wants ':'. */
        parser_error_token(p, arrow, "expected ':'");
        return NULL;
    }
    if (arrow != NULL) {
        returns = parse_expression(p);
        if (returns == NULL) {
            return NULL;
        }
    }
    if (parser_expect_forced(p, GP_TOK_COLON) == NULL) {
        return NULL;
    }
    gp_ast_stmt_t *s = stmt_new(p, is_async ? GP_AST_AsyncFunctionDef : GP_AST_FunctionDef, start);
    if (s == NULL || parse_block(p, "function definition", t->lineno, &s->v.FunctionDef.body) < 0) {
        return NULL;
    }
    s->v.FunctionDef.name = parser_identifier(p, name);
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.returns = returns;
    s->v.FunctionDef.decorator_list = decorators;
    stmt_end_at(s, s->v.FunctionDef.body);
    return s;
}

static gp_ast_stmt_t *parse_classdef(gp_parser_t *p, gp_token_t *start,
                                     gp_ast_expr_seq_t decorators)
{
    gp_token_t *t = parser_accept(p, GP_TOK_KW_CLASS);
    gp_token_t *name = parser_expect(p, GP_TOK_NAME);
    if (name == NULL) {
        return NULL;
    }
    gp_ast_expr_seq_t bases = {0, NULL};
    gp_ast_keyword_seq_t keywords = {0, NULL};
    if (parser_accept(p, GP_TOK_LPAR)) {
        if (parse_call_arguments(p, &bases, &keywords, 0) < 0 ||
            parser_expect(p, GP_TOK_RPAR) == NULL) {
            return NULL;
        }
    }
    if (expect_colon(p, 0) < 0) {
        return NULL;
    }
    gp_ast_stmt_t *s = stmt_new(p, GP_AST_ClassDef, start);
    if (s == NULL || parse_block(p, "class definition", t->lineno, &s->v.ClassDef.body) < 0) {
        return NULL;
    }
    s->v.ClassDef.name = parser_identifier(p, name);
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = keywords;
    s->v.ClassDef.decorator_list = decorators;
    stmt_end_at(s, s->v.ClassDef.body);
    return s;
}

/* Decorators, then the def or class they decorate. */
static gp_ast_stmt_t *parse_decorated(gp_parser_t *p)
{
    gp_vec_t decorators = {0};
    while (parser_accept(p, GP_TOK_AT)) {
        gp_ast_expr_t *d = parse_named_expression(p);
        if (d == NULL || vec_push(p, &decorators, d) < 0 ||
            parser_expect(p, GP_TOK_NEWLINE) == NULL) {
            return NULL;
        }
    }
    gp_token_t *t = parser_peek(p);
    gp_ast_expr_seq_t list = vec_to_exprs(&decorators);
    if (t->type == GP_TOK_KW_DEF) {
        return parse_funcdef(p, t, 0, list);
    }
    if (t->type == GP_TOK_KW_CLASS) {
        return parse_classdef(p, t, list);
    }
    if (t->type == GP_TOK_KW_ASYNC && parser_peek_n(p, 1)->type == GP_TOK_KW_DEF) {
        p->pos++;
        return parse_funcdef(p, t, 1, list);
    }
    parser_error_generic(p);
    return NULL;
}

/* statement: compound_stmt | simple_stmts */
static int parse_statement(gp_parser_t *p, gp_vec_t *out)
{
    gp_token_t *t = parser_peek(p);
    gp_ast_stmt_t *s = NULL;
    gp_ast_expr_seq_t none = {0, NULL};
    switch (t->type) {
    case GP_TOK_KW_DEF:
        s = parse_funcdef(p, t, 0, none);
        break;
    case GP_TOK_AT:
        s = parse_decorated(p);
        break;
    case GP_TOK_KW_CLASS:
        s = parse_classdef(p, t, none);
        break;
    case GP_TOK_KW_IF:
        s = parse_if(p, 0);
        break;
    case GP_TOK_KW_WHILE:
        s = parse_while(p);
        break;
    case GP_TOK_KW_FOR:
        s = parse_for(p, t, 0);
        break;
    case GP_TOK_KW_WITH:
        s = parse_with(p, t, 0);
        break;
    case GP_TOK_KW_TRY:
        s = parse_try(p);
        break;
    case GP_TOK_KW_ASYNC: {
        gp_token_type_t next = parser_peek_n(p, 1)->type;
        if (next == GP_TOK_KW_DEF || next == GP_TOK_KW_FOR || next == GP_TOK_KW_WITH) {
            p->pos++;
            s = next == GP_TOK_KW_DEF   ? parse_funcdef(p, t, 1, none)
                : next == GP_TOK_KW_FOR ? parse_for(p, t, 1)
                                        : parse_with(p, t, 1);
            break;
        }
        parser_error_generic(p);
        return -1;
    }
    case GP_TOK_NAME: {
        /* `match` is a soft keyword: see parser_match.c. */
        size_t start = p->pos;
        int found = parser_match_statement(p, &s);
        if (found < 0) {
            return -1;
        }
        if (found == 1) {
            break;
        }
        if (parse_simple_statements(p, out) < 0) {
            if (found == 2) {
                parser_match_expected_colon(p, start);
            }
            return -1;
        }
        return 0;
    }
    default:
        return parse_simple_statements(p, out);
    }
    if (s == NULL || vec_push(p, out, s) < 0) {
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------
 * Driver
 * ------------------------------------------------------------------------ */

/* Tokenizes the whole input. Returns 0 (the array may end with a deferred
 * ERRORTOKEN) or -1 after an immediate lexer error or running out of
 * memory, with [err] filled. */
static int parser_tokenize(gp_parser_t *p, gp_lexer_t *lexer)
{
    size_t cap = 256;
    p->tokens = malloc(cap * sizeof *p->tokens);
    if (p->tokens == NULL) {
        parser_error_memory(p);
        return -1;
    }
    for (;;) {
        if (p->count == cap) {
            gp_token_t *grown = realloc(p->tokens, cap * 2 * sizeof *grown);
            if (grown == NULL) {
                parser_error_memory(p);
                return -1;
            }
            p->tokens = grown;
            cap *= 2;
        }
        gp_token_t *t = &p->tokens[p->count++];
        if (gp_lexer_next(lexer, t) < 0) {
            if (!lexer->deferred) {
                *p->err = lexer->error;
                p->failed = 1;
                return -1;
            }
            t->type = GP_TOK_ERRORTOKEN;
            return 0;
        }
        if (t->type == GP_TOK_ENDMARKER) {
            return 0;
        }
    }
}

/* In CPython, end of input inside brackets wins over a parser error on a
 * later line than the opening bracket. */
static void prefer_unclosed_bracket(gp_parser_t *p)
{
    gp_lexer_t *lx = p->lexer;
    if (!lx->failed || !lx->deferred || lx->level == 0 || p->count == 0 ||
        p->tokens[p->count - 1].type != GP_TOK_ERRORTOKEN) {
        return;
    }
    if (strstr(lx->error.msg, "was never closed") == NULL) {
        return;
    }
    /* CPython compares with the line of the furthest token it read. */
    if (p->tokens[p->max_pos].lineno > lx->error.lineno) {
        *p->err = lx->error;
    }
}

static gp_ast_mod_t *parse_module(gp_parser_t *p, gp_parse_mode_t mode)
{
    gp_ast_mod_t *mod = parser_alloc(p, sizeof *mod);
    if (mod == NULL) {
        return NULL;
    }
    mod->future_flags = 0;
    gp_vec_t body = {0};
    if (mode == GP_PARSE_EVAL) {
        mod->kind = GP_AST_Expression;
        mod->expr = parse_star_expressions(p);
        if (mod->expr == NULL) {
            return NULL;
        }
        while (parser_accept(p, GP_TOK_NEWLINE)) {
        }
        if (parser_expect(p, GP_TOK_ENDMARKER) == NULL) {
            return NULL;
        }
        return mod;
    }
    mod->kind = mode == GP_PARSE_SINGLE ? GP_AST_Interactive : GP_AST_Module;
    while (!parser_check(p, GP_TOK_ENDMARKER) && !p->failed) {
        if (parse_statement(p, &body) < 0) {
            return NULL;
        }
        if (mode == GP_PARSE_SINGLE) {
            while (parser_accept(p, GP_TOK_NEWLINE)) {
            }
            if (parser_expect(p, GP_TOK_ENDMARKER) == NULL) {
                return NULL;
            }
            break;
        }
    }
    if (p->failed) {
        return NULL;
    }
    mod->body = vec_to_stmts(&body);
    return mod;
}

/* Moves the warnings of [from] into [into], both in source order. */
static void warnings_merge(gp_parse_warnings_t *into, gp_parse_warnings_t *from)
{
    gp_parse_warning_t *a = into->first, *b = from->first;
    gp_parse_warning_t *tail = NULL;
    while (a != NULL || b != NULL) {
        gp_parse_warning_t **pick = &a;
        if (a == NULL || (b != NULL && gp_parse_warning_order(b, a) < 0)) {
            pick = &b;
        }
        gp_parse_warning_t *w = *pick;
        *pick = w->next;
        w->prev = tail;
        if (tail != NULL) {
            tail->next = w;
        } else {
            into->first = w;
        }
        tail = w;
    }
    tail->next = NULL;
    into->last = tail;
    from->first = from->last = NULL;
}

gp_ast_mod_t *gp_parse(const char *source, size_t length, const char *filename,
                       gp_parse_mode_t mode, gp_arena_t *arena, gp_syntax_error_t *err)
{
    return gp_parse_with_warnings(source, length, filename, mode, arena, err, NULL);
}

gp_ast_mod_t *gp_parse_with_warnings(const char *source, size_t length, const char *filename,
                                     gp_parse_mode_t mode, gp_arena_t *arena,
                                     gp_syntax_error_t *err, gp_parse_warnings_t *warnings)
{
    memset(err, 0, sizeof *err);
    if (warnings != NULL) {
        warnings->first = warnings->last = NULL;
    }
    gp_lexer_t *lexer = malloc(sizeof *lexer);
    if (lexer == NULL) {
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return NULL;
    }
    gp_parser_t parser;
    memset(&parser, 0, sizeof parser);
    parser.arena = arena;
    parser.err = err;
    parser.lexer = lexer;
    parser.warnings = warnings;
    /* The lexer runs ahead of the parser, so its warnings are kept apart
     * and merged in at the end, to keep each list in order cheaply. */
    gp_parse_warnings_t lexer_warnings = {NULL, NULL};
    gp_ast_mod_t *mod = NULL;
    if (gp_lexer_init(lexer, source, length, filename, arena) < 0) {
        *err = lexer->error;
        goto done;
    }
    parser.src = lexer->src;
    parser.len = lexer->len;
    lexer->warnings = warnings ? &lexer_warnings : NULL;
    if (parser_tokenize(&parser, lexer) < 0) {
        goto done;
    }
    mod = parse_module(&parser, mode);
    if (mod == NULL) {
        if (!parser.failed) {
            parser_error_generic(&parser);
        }
        prefer_unclosed_bracket(&parser);
    }
done:
    if (lexer_warnings.first != NULL) {
        warnings_merge(warnings, &lexer_warnings);
    }
    free(parser.tokens);
    free(lexer);
    return mod;
}

/* ------------------------------------------------------------------------
 * Nested parser for f-string fields
 * ------------------------------------------------------------------------ */

/* Moves the warnings the lexer of an f-string field found in its copy
 * [copy] of the field's text to the field's place in the file ([text],
 * starting at [lineno]:[col]) and records them in [p]. The copy starts
 * with an added '('. Returns 0, or -1 out of memory. */
static int fstring_move_warnings(gp_parser_t *p, const gp_parse_warnings_t *field, const char *copy,
                                 const char *text, int lineno, int col)
{
    for (const gp_parse_warning_t *w = field->first; w != NULL; w = w->next) {
        gp_parse_warning_t moved = *w;
        moved.where = text + (w->where - copy) - 1;
        if (moved.lineno == 1) {
            moved.col_offset += col - 1;
        }
        if (moved.end_lineno == 1) {
            moved.end_col_offset += col - 1;
        }
        if (moved.at_lineno == 1) {
            moved.at_col_offset += col - 1;
        }
        moved.lineno += lineno - 1;
        moved.end_lineno += lineno - 1;
        moved.at_lineno += lineno - 1;
        if (gp_parse_warnings_add(p->warnings, p->arena, &moved) < 0) {
            parser_error_memory(p);
            return -1;
        }
    }
    return 0;
}

gp_ast_expr_t *parser_parse_fstring_expr(gp_parser_t *p, const char *text, size_t length,
                                         int lineno, int col)
{
    char *source = parser_alloc(p, length + 3);
    if (source == NULL) {
        return NULL;
    }
    source[0] = '(';
    memcpy(source + 1, text, length);
    source[length + 1] = ')';
    source[length + 2] = '\0';
    gp_lexer_t *lexer = malloc(sizeof *lexer);
    if (lexer == NULL) {
        parser_error_memory(p);
        return NULL;
    }
    gp_fstring_parser_t sub;
    memset(&sub, 0, sizeof sub);
    gp_parser_t *q = &sub.parser;
    q->arena = p->arena;
    q->err = p->err;
    q->lexer = lexer;
    q->depth = p->depth;
    q->in_fstring = 1;
    q->warnings = p->warnings;
    sub.line_base = lineno;
    sub.col_base = col;
    gp_ast_expr_t *result = NULL;
    if (gp_lexer_init(lexer, source, length + 2, "<fstring>", p->arena) < 0) {
        *p->err = lexer->error;
        goto done;
    }
    q->src = lexer->src;
    q->len = lexer->len;
    gp_parse_warnings_t field_warnings = {NULL, NULL};
    lexer->warnings = p->warnings ? &field_warnings : NULL;
    int tokenized = parser_tokenize(q, lexer);
    if (field_warnings.first != NULL &&
        fstring_move_warnings(p, &field_warnings, lexer->src, text, lineno, col) < 0) {
        goto done;
    }
    if (tokenized < 0) {
        goto done;
    }
    /* Move the tokens to the field's place in the file, so that the nodes
     * get real positions. */
    for (size_t i = 0; i < q->count; i++) {
        gp_token_t *t = &q->tokens[i];
        if (t->lineno == 1) {
            t->col_offset += col - 1;
        }
        if (t->end_lineno == 1) {
            t->end_col_offset += col - 1;
        }
        t->lineno += lineno - 1;
        t->end_lineno += lineno - 1;
    }
    if (!parser_enter(q)) {
        goto done;
    }
    result = parse_star_expressions(q);
    if (result != NULL) {
        while (parser_accept(q, GP_TOK_NEWLINE)) {
        }
        if (parser_expect(q, GP_TOK_ENDMARKER) == NULL) {
            result = NULL;
        }
    } else if (!q->failed) {
        parser_error_generic(q);
    }
    parser_leave(q);
done:
    if (result == NULL) {
        p->failed = 1;
    }
    free(q->tokens);
    free(lexer);
    return result;
}
