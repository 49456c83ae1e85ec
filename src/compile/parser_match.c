/* parser_match.c - the match statement (PEP 634) and its patterns.
 *
 * Design notes
 * ------------
 * `match`, `case` and `_` are soft keywords: they are ordinary NAME tokens
 * and stay usable as names (`match = re.match(...)`, `case.attr`). So a line
 * that begins with `match` is only a match statement when the whole head
 * `match <subject> ':' NEWLINE` parses; parser_match_statement tries exactly
 * that, speculatively, and restores the parser when it fails so the caller
 * can parse the line as an ordinary statement. The one exception mirrors
 * CPython's invalid_match_stmt: `match <subject> NEWLINE` that is not a
 * valid statement either is reported as "expected ':'".
 *
 * Patterns follow CPython 3.11's grammar rule by rule, but without PEG
 * backtracking: one token of lookahead decides each alternative (a NAME
 * followed by '(' is a class pattern, a dotted name a value pattern, '_' the
 * wildcard, any other NAME a capture). Where CPython reports an error from
 * an `invalid_*` rule ("positional patterns follow keyword patterns",
 * "invalid pattern target", the complex-literal checks) this file raises the
 * same message over the same span. Checks that need the whole pattern
 * (unreachable patterns, duplicate names, alternatives binding different
 * names) belong to the compiler, as in CPython; see compile_match.c.
 */
#include <string.h>

#include "parser_internal.h"

static gp_ast_pattern_t *parse_pattern(gp_parser_t *p);
static gp_ast_pattern_t *parse_maybe_star_pattern(gp_parser_t *p);

/* ------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------ */

/* Returns 1 when [t] is the NAME [word]. */
static int token_is_word(const gp_token_t *t, const char *word)
{
    size_t n = strlen(word);
    return t->type == GP_TOK_NAME && t->length == n && memcmp(t->start, word, n) == 0;
}

/* New pattern of [kind] from token [start] to the last consumed token. */
static gp_ast_pattern_t *pattern_new(gp_parser_t *p, gp_ast_pattern_kind_t kind,
                                     const gp_token_t *start)
{
    gp_ast_pattern_t *pat = parser_alloc(p, sizeof *pat);
    if (pat != NULL) {
        gp_token_t *last = parser_last(p);
        pat->kind = kind;
        pat->lineno = start->lineno;
        pat->col_offset = start->col_offset;
        pat->end_lineno = last->end_lineno;
        pat->end_col_offset = last->end_col_offset;
    }
    return pat;
}

static gp_ast_pattern_seq_t vec_to_patterns(gp_vec_t *vec)
{
    gp_ast_pattern_seq_t seq = {vec->count, (gp_ast_pattern_t **)vec->items};
    return seq;
}

/* Starts a pattern's span at another pattern's start (MatchAs, MatchOr). */
static void pattern_start_at(gp_ast_pattern_t *pat, const gp_ast_pattern_t *first)
{
    pat->lineno = first->lineno;
    pat->col_offset = first->col_offset;
}

/* Whether the current token is a capture target: a NAME other than `_`
 * that is not followed by '.', '(' or '=' (CPython's
 * pattern_capture_target). */
static int at_capture_target(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    if (t->type != GP_TOK_NAME || token_is_word(t, "_")) {
        return 0;
    }
    gp_token_type_t next = parser_peek_n(p, 1)->type;
    return next != GP_TOK_DOT && next != GP_TOK_LPAR && next != GP_TOK_EQUAL;
}

/* Consumes a capture target and returns its identifier, or fails with a
 * generic syntax error. */
static const char *parse_capture_target(gp_parser_t *p)
{
    if (!at_capture_target(p)) {
        parser_error_generic(p);
        return NULL;
    }
    gp_token_t *t = parser_peek(p);
    p->pos++;
    return parser_identifier(p, t);
}

/* name_or_attr: NAME ('.' NAME)*, as a Name or Attribute chain (Load). */
static gp_ast_expr_t *parse_name_or_attr(gp_parser_t *p)
{
    gp_token_t *start = parser_expect(p, GP_TOK_NAME);
    if (start == NULL) {
        return NULL;
    }
    gp_ast_expr_t *e = expr_new(p, GP_AST_Name, start);
    if (e == NULL || (e->v.Name.id = parser_identifier(p, start)) == NULL) {
        return NULL;
    }
    e->v.Name.ctx = GP_AST_Load;
    while (parser_accept(p, GP_TOK_DOT)) {
        gp_token_t *name = parser_expect(p, GP_TOK_NAME);
        if (name == NULL) {
            return NULL;
        }
        gp_ast_expr_t *attr = expr_new(p, GP_AST_Attribute, start);
        if (attr == NULL || (attr->v.Attribute.attr = parser_identifier(p, name)) == NULL) {
            return NULL;
        }
        attr->v.Attribute.value = e;
        attr->v.Attribute.ctx = GP_AST_Load;
        e = attr;
    }
    return e;
}

/* ------------------------------------------------------------------------
 * Literals: numbers (signed and complex), strings, None/True/False
 * ------------------------------------------------------------------------ */

static int number_is_imaginary(const gp_token_t *t)
{
    char last = t->start[t->length - 1];
    return last == 'j' || last == 'J';
}

/* signed_number, or complex_number when a '+'/'-' follows: the expression
 * a literal pattern or a mapping key compares against. */
static gp_ast_expr_t *parse_signed_or_complex(gp_parser_t *p)
{
    gp_token_t *start = parser_peek(p);
    gp_token_t *minus = parser_accept(p, GP_TOK_MINUS);
    gp_token_t *number_token = parser_peek(p);
    gp_ast_expr_t *number = parse_number(p);
    if (number == NULL) {
        return NULL;
    }
    gp_ast_expr_t *left = number;
    if (minus != NULL) {
        left = expr_new(p, GP_AST_UnaryOp, start);
        if (left == NULL) {
            return NULL;
        }
        left->v.UnaryOp.op = GP_AST_USub;
        left->v.UnaryOp.operand = number;
    }
    gp_token_type_t sign = parser_peek(p)->type;
    if (sign != GP_TOK_PLUS && sign != GP_TOK_MINUS) {
        return left;
    }
    if (number_is_imaginary(number_token)) {
        parser_error_token(p, number_token, "real number required in complex literal");
        return NULL;
    }
    p->pos++;
    gp_token_t *imag_token = parser_peek(p);
    gp_ast_expr_t *imag = parse_number(p);
    if (imag == NULL) {
        return NULL;
    }
    if (!number_is_imaginary(imag_token)) {
        parser_error_token(p, imag_token, "imaginary number required in complex literal");
        return NULL;
    }
    gp_ast_expr_t *sum = expr_new(p, GP_AST_BinOp, start);
    if (sum == NULL) {
        return NULL;
    }
    sum->v.BinOp.left = left;
    sum->v.BinOp.op = sign == GP_TOK_PLUS ? GP_AST_Add : GP_AST_Sub;
    sum->v.BinOp.right = imag;
    return sum;
}

/* A singleton keyword as a Constant expression (mapping keys). */
static gp_ast_expr_t *parse_singleton_expr(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    p->pos++;
    gp_ast_expr_t *e = expr_new(p, GP_AST_Constant, t);
    if (e != NULL) {
        e->v.Constant.kind = t->type == GP_TOK_KW_NONE   ? GP_AST_CONST_NONE
                             : t->type == GP_TOK_KW_TRUE ? GP_AST_CONST_TRUE
                                                         : GP_AST_CONST_FALSE;
    }
    return e;
}

/* ------------------------------------------------------------------------
 * Sequence, mapping and class patterns
 * ------------------------------------------------------------------------ */

/* Comma-separated maybe_star_patterns up to [close], which is consumed. A
 * trailing comma is allowed. [vec] may already hold the first item. */
static int parse_sequence_items(gp_parser_t *p, gp_vec_t *vec, gp_token_type_t close)
{
    while (!parser_check(p, close)) {
        gp_ast_pattern_t *item = parse_maybe_star_pattern(p);
        if (item == NULL || vec_push(p, vec, item) < 0) {
            return -1;
        }
        if (!parser_accept(p, GP_TOK_COMMA)) {
            break;
        }
    }
    return parser_expect(p, close) == NULL ? -1 : 0;
}

/* '(' ... ')': the empty sequence, a group, or a parenthesized sequence. */
static gp_ast_pattern_t *parse_paren_pattern(gp_parser_t *p)
{
    gp_token_t *open = parser_accept(p, GP_TOK_LPAR);
    gp_vec_t items = {0};
    if (parser_accept(p, GP_TOK_RPAR)) {
        return pattern_new(p, GP_AST_MatchSequence, open);
    }
    gp_ast_pattern_t *first = parse_maybe_star_pattern(p);
    if (first == NULL) {
        return NULL;
    }
    if (first->kind != GP_AST_MatchStar && parser_accept(p, GP_TOK_RPAR)) {
        /* A group: the inner pattern itself, with its own location. */
        return first;
    }
    if (parser_expect(p, GP_TOK_COMMA) == NULL || vec_push(p, &items, first) < 0 ||
        parse_sequence_items(p, &items, GP_TOK_RPAR) < 0) {
        return NULL;
    }
    gp_ast_pattern_t *seq = pattern_new(p, GP_AST_MatchSequence, open);
    if (seq != NULL) {
        seq->v.MatchSequence.patterns = vec_to_patterns(&items);
    }
    return seq;
}

static gp_ast_pattern_t *parse_list_pattern(gp_parser_t *p)
{
    gp_token_t *open = parser_accept(p, GP_TOK_LSQB);
    gp_vec_t items = {0};
    if (parse_sequence_items(p, &items, GP_TOK_RSQB) < 0) {
        return NULL;
    }
    gp_ast_pattern_t *seq = pattern_new(p, GP_AST_MatchSequence, open);
    if (seq != NULL) {
        seq->v.MatchSequence.patterns = vec_to_patterns(&items);
    }
    return seq;
}

/* key_value_pattern's key: literal_expr | attr (a dotted name). */
static gp_ast_expr_t *parse_mapping_key(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    switch (t->type) {
    case GP_TOK_NUMBER:
    case GP_TOK_MINUS:
        return parse_signed_or_complex(p);
    case GP_TOK_STRING:
        return parse_strings(p);
    case GP_TOK_KW_NONE:
    case GP_TOK_KW_TRUE:
    case GP_TOK_KW_FALSE:
        return parse_singleton_expr(p);
    case GP_TOK_NAME:
        if (parser_peek_n(p, 1)->type != GP_TOK_DOT) {
            parser_error_generic(p);
            return NULL;
        }
        return parse_name_or_attr(p);
    default:
        parser_error_generic(p);
        return NULL;
    }
}

/* '{' [key ':' pattern (',' key ':' pattern)*] [',' '**' NAME] [','] '}' */
static gp_ast_pattern_t *parse_mapping_pattern(gp_parser_t *p)
{
    gp_token_t *open = parser_accept(p, GP_TOK_LBRACE);
    gp_vec_t keys = {0}, values = {0};
    const char *rest = NULL;
    while (!parser_check(p, GP_TOK_RBRACE)) {
        if (parser_accept(p, GP_TOK_DOUBLESTAR)) {
            if ((rest = parse_capture_target(p)) == NULL) {
                return NULL;
            }
            parser_accept(p, GP_TOK_COMMA);
            break;
        }
        gp_ast_expr_t *key = parse_mapping_key(p);
        if (key == NULL || parser_expect(p, GP_TOK_COLON) == NULL) {
            return NULL;
        }
        gp_ast_pattern_t *value = parse_pattern(p);
        if (value == NULL || vec_push(p, &keys, key) < 0 || vec_push(p, &values, value) < 0) {
            return NULL;
        }
        if (!parser_accept(p, GP_TOK_COMMA)) {
            break;
        }
    }
    if (parser_expect(p, GP_TOK_RBRACE) == NULL) {
        return NULL;
    }
    gp_ast_pattern_t *map = pattern_new(p, GP_AST_MatchMapping, open);
    if (map != NULL) {
        map->v.MatchMapping.keys = vec_to_exprs(&keys);
        map->v.MatchMapping.patterns = vec_to_patterns(&values);
        map->v.MatchMapping.rest = rest;
    }
    return map;
}

/* The arguments of a class pattern after '(' up to and including ')'.
 * Positional patterns must come before keyword ones; CPython reports the
 * run of positional patterns that follows a keyword. */
static gp_ast_pattern_t *parse_class_pattern(gp_parser_t *p, gp_ast_expr_t *cls)
{
    gp_vec_t positional = {0}, attrs = {0}, keywords = {0};
    gp_ast_pattern_t *misplaced_first = NULL, *misplaced_last = NULL;
    parser_accept(p, GP_TOK_LPAR);
    while (!parser_check(p, GP_TOK_RPAR)) {
        gp_token_t *t = parser_peek(p);
        if (t->type == GP_TOK_NAME && parser_peek_n(p, 1)->type == GP_TOK_EQUAL) {
            p->pos += 2;
            const char *attr = parser_identifier(p, t);
            gp_ast_pattern_t *value = parse_pattern(p);
            if (attr == NULL || value == NULL || vec_push(p, &attrs, (void *)attr) < 0 ||
                vec_push(p, &keywords, value) < 0) {
                return NULL;
            }
            if (misplaced_first != NULL) {
                break;
            }
        } else {
            gp_ast_pattern_t *value = parse_pattern(p);
            if (value == NULL) {
                return NULL;
            }
            if (keywords.count > 0) {
                if (misplaced_first == NULL) {
                    misplaced_first = value;
                }
                misplaced_last = value;
            } else if (vec_push(p, &positional, value) < 0) {
                return NULL;
            }
        }
        if (!parser_accept(p, GP_TOK_COMMA)) {
            break;
        }
    }
    if (misplaced_first != NULL) {
        parser_error_at(p, misplaced_first->lineno, misplaced_first->col_offset,
                        misplaced_last->end_lineno, misplaced_last->end_col_offset,
                        "positional patterns follow keyword patterns");
        return NULL;
    }
    if (parser_expect(p, GP_TOK_RPAR) == NULL) {
        return NULL;
    }
    gp_ast_pattern_t *pat = parser_alloc(p, sizeof *pat);
    if (pat == NULL) {
        return NULL;
    }
    gp_token_t *last = parser_last(p);
    pat->kind = GP_AST_MatchClass;
    pat->lineno = cls->lineno;
    pat->col_offset = cls->col_offset;
    pat->end_lineno = last->end_lineno;
    pat->end_col_offset = last->end_col_offset;
    pat->v.MatchClass.cls = cls;
    pat->v.MatchClass.patterns = vec_to_patterns(&positional);
    pat->v.MatchClass.kwd_attrs.count = attrs.count;
    pat->v.MatchClass.kwd_attrs.items = (const char **)attrs.items;
    pat->v.MatchClass.kwd_patterns = vec_to_patterns(&keywords);
    return pat;
}

/* ------------------------------------------------------------------------
 * closed_pattern, or_pattern, as_pattern
 * ------------------------------------------------------------------------ */

/* A pattern starting with a NAME: wildcard, capture, value or class. */
static gp_ast_pattern_t *parse_name_pattern(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    gp_token_type_t next = parser_peek_n(p, 1)->type;
    if (next != GP_TOK_DOT && next != GP_TOK_LPAR) {
        if (next == GP_TOK_EQUAL) {
            parser_error_generic(p);
            return NULL;
        }
        p->pos++;
        gp_ast_pattern_t *pat = pattern_new(p, GP_AST_MatchAs, t);
        if (pat != NULL && !token_is_word(t, "_")) {
            pat->v.MatchAs.name = parser_identifier(p, t);
        }
        return pat;
    }
    gp_ast_expr_t *target = parse_name_or_attr(p);
    if (target == NULL) {
        return NULL;
    }
    if (parser_check(p, GP_TOK_LPAR)) {
        return parse_class_pattern(p, target);
    }
    if (parser_peek(p)->type == GP_TOK_EQUAL) {
        parser_error_generic(p);
        return NULL;
    }
    gp_ast_pattern_t *pat = pattern_new(p, GP_AST_MatchValue, t);
    if (pat != NULL) {
        pat->v.MatchValue.value = target;
    }
    return pat;
}

static gp_ast_pattern_t *parse_closed_pattern(gp_parser_t *p)
{
    gp_token_t *t = parser_peek(p);
    gp_ast_pattern_t *pat = NULL;
    switch (t->type) {
    case GP_TOK_NUMBER:
    case GP_TOK_MINUS:
    case GP_TOK_STRING: {
        gp_ast_expr_t *value =
            t->type == GP_TOK_STRING ? parse_strings(p) : parse_signed_or_complex(p);
        if (value != NULL && (pat = pattern_new(p, GP_AST_MatchValue, t)) != NULL) {
            pat->v.MatchValue.value = value;
        }
        return pat;
    }
    case GP_TOK_KW_NONE:
    case GP_TOK_KW_TRUE:
    case GP_TOK_KW_FALSE:
        p->pos++;
        if ((pat = pattern_new(p, GP_AST_MatchSingleton, t)) != NULL) {
            pat->v.MatchSingleton.value = t->type == GP_TOK_KW_NONE   ? GP_AST_CONST_NONE
                                          : t->type == GP_TOK_KW_TRUE ? GP_AST_CONST_TRUE
                                                                      : GP_AST_CONST_FALSE;
        }
        return pat;
    case GP_TOK_NAME:
        return parse_name_pattern(p);
    case GP_TOK_LPAR:
        return parse_paren_pattern(p);
    case GP_TOK_LSQB:
        return parse_list_pattern(p);
    case GP_TOK_LBRACE:
        return parse_mapping_pattern(p);
    default:
        parser_error_generic(p);
        return NULL;
    }
}

/* or_pattern: '|'.closed_pattern+ */
static gp_ast_pattern_t *parse_or_pattern(gp_parser_t *p)
{
    gp_ast_pattern_t *first = parse_closed_pattern(p);
    if (first == NULL || !parser_check(p, GP_TOK_VBAR)) {
        return first;
    }
    gp_vec_t alts = {0};
    if (vec_push(p, &alts, first) < 0) {
        return NULL;
    }
    while (parser_accept(p, GP_TOK_VBAR)) {
        gp_ast_pattern_t *alt = parse_closed_pattern(p);
        if (alt == NULL || vec_push(p, &alts, alt) < 0) {
            return NULL;
        }
    }
    gp_ast_pattern_t *pat = pattern_new(p, GP_AST_MatchOr, parser_last(p));
    if (pat != NULL) {
        pattern_start_at(pat, first);
        pat->v.MatchOr.patterns = vec_to_patterns(&alts);
    }
    return pat;
}

/* pattern: or_pattern ['as' pattern_capture_target] */
static gp_ast_pattern_t *parse_pattern(gp_parser_t *p)
{
    if (!parser_enter(p)) {
        return NULL;
    }
    gp_ast_pattern_t *pat = parse_or_pattern(p);
    if (pat != NULL && parser_accept(p, GP_TOK_KW_AS)) {
        gp_token_t *t = parser_peek(p);
        const char *name = NULL;
        if (token_is_word(t, "_")) {
            parser_error_token(p, t, "cannot use '_' as a target");
        } else if (t->type != GP_TOK_NAME && parser_starts_expression(p)) {
            gp_ast_expr_t *e = parse_expression(p);
            if (e != NULL) {
                parser_error_expr(p, e, "invalid pattern target");
            }
        } else {
            name = parse_capture_target(p);
        }
        gp_ast_pattern_t *as = name == NULL ? NULL : pattern_new(p, GP_AST_MatchAs, t);
        if (as != NULL) {
            pattern_start_at(as, pat);
            as->v.MatchAs.pattern = pat;
            as->v.MatchAs.name = name;
        }
        pat = as;
    }
    parser_leave(p);
    return pat;
}

/* maybe_star_pattern: '*' (capture | '_') | pattern */
static gp_ast_pattern_t *parse_maybe_star_pattern(gp_parser_t *p)
{
    gp_token_t *star = parser_accept(p, GP_TOK_STAR);
    if (star == NULL) {
        return parse_pattern(p);
    }
    const char *name = NULL;
    if (token_is_word(parser_peek(p), "_")) {
        p->pos++;
    } else if ((name = parse_capture_target(p)) == NULL) {
        return NULL;
    }
    gp_ast_pattern_t *pat = pattern_new(p, GP_AST_MatchStar, star);
    if (pat != NULL) {
        pat->v.MatchStar.name = name;
    }
    return pat;
}

/* patterns: open_sequence_pattern | pattern -- the pattern of a case. */
static gp_ast_pattern_t *parse_case_patterns(gp_parser_t *p)
{
    gp_token_t *start = parser_peek(p);
    gp_ast_pattern_t *first = parse_maybe_star_pattern(p);
    if (first == NULL) {
        return NULL;
    }
    if (!parser_accept(p, GP_TOK_COMMA)) {
        if (first->kind == GP_AST_MatchStar) {
            parser_error_generic(p);
            return NULL;
        }
        return first;
    }
    gp_vec_t items = {0};
    if (vec_push(p, &items, first) < 0) {
        return NULL;
    }
    while (!parser_check(p, GP_TOK_COLON) && !parser_check(p, GP_TOK_KW_IF)) {
        gp_ast_pattern_t *item = parse_maybe_star_pattern(p);
        if (item == NULL || vec_push(p, &items, item) < 0) {
            return NULL;
        }
        if (!parser_accept(p, GP_TOK_COMMA)) {
            break;
        }
    }
    gp_ast_pattern_t *seq = pattern_new(p, GP_AST_MatchSequence, start);
    if (seq != NULL) {
        seq->v.MatchSequence.patterns = vec_to_patterns(&items);
    }
    return seq;
}

/* ------------------------------------------------------------------------
 * The statement
 * ------------------------------------------------------------------------ */

/* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
static gp_ast_expr_t *parse_subject(gp_parser_t *p)
{
    gp_token_t *start = parser_peek(p);
    gp_ast_expr_t *first = parse_star_named_expression(p);
    if (first == NULL) {
        return NULL;
    }
    if (!parser_check(p, GP_TOK_COMMA)) {
        if (first->kind == GP_AST_Starred) {
            parser_error_generic(p);
            return NULL;
        }
        return first;
    }
    gp_vec_t elts = {0};
    if (vec_push(p, &elts, first) < 0) {
        return NULL;
    }
    while (parser_accept(p, GP_TOK_COMMA)) {
        if (parser_check(p, GP_TOK_COLON) || parser_check(p, GP_TOK_NEWLINE)) {
            break;
        }
        gp_ast_expr_t *e = parse_star_named_expression(p);
        if (e == NULL || vec_push(p, &elts, e) < 0) {
            return NULL;
        }
    }
    gp_ast_expr_t *tuple = expr_new(p, GP_AST_Tuple, start);
    if (tuple != NULL) {
        tuple->v.Tuple.elts = vec_to_exprs(&elts);
        tuple->v.Tuple.ctx = GP_AST_Load;
    }
    return tuple;
}

/* Raises an IndentationError at the current token for a missing block. */
static void error_missing_block(gp_parser_t *p, const char *what, int lineno)
{
    gp_token_t *t = parser_peek(p);
    parser_error_token(p, t, "expected an indented block after '%s' statement on line %d", what,
                       lineno);
    p->err->is_indentation = 1;
}

/* "case" patterns guard? ':' block */
static gp_ast_match_case_t *parse_case_block(gp_parser_t *p)
{
    gp_token_t *kw = parser_peek(p);
    if (!token_is_word(kw, "case")) {
        parser_error_generic(p);
        return NULL;
    }
    p->pos++;
    gp_ast_match_case_t *m = parser_alloc(p, sizeof *m);
    if (m == NULL || (m->pattern = parse_case_patterns(p)) == NULL) {
        return NULL;
    }
    if (parser_accept(p, GP_TOK_KW_IF) && (m->guard = parse_named_expression(p)) == NULL) {
        return NULL;
    }
    if (!parser_accept(p, GP_TOK_COLON)) {
        gp_token_t *t = parser_peek(p);
        if (t->type == GP_TOK_NEWLINE) {
            parser_error_at(p, t->lineno, t->col_offset, t->lineno, t->col_offset,
                            "expected ':'");
        } else {
            parser_error_generic(p);
        }
        return NULL;
    }
    if (parser_check(p, GP_TOK_NEWLINE) && parser_peek_n(p, 1)->type != GP_TOK_INDENT) {
        p->pos++;
        error_missing_block(p, "case", kw->lineno);
        return NULL;
    }
    if (parser_block(p, "'case' statement", kw->lineno, &m->body) < 0) {
        return NULL;
    }
    return m;
}

int parser_match_statement(gp_parser_t *p, gp_ast_stmt_t **out)
{
    gp_token_t *kw = parser_peek(p);
    *out = NULL;
    if (!token_is_word(kw, "match") || p->failed) {
        return 0;
    }
    size_t saved_pos = p->pos, saved_max = p->max_pos;
    gp_syntax_error_t saved_err = *p->err;
    p->pos++;
    gp_ast_expr_t *subject = NULL;
    if (parser_starts_expression(p) || parser_check(p, GP_TOK_STAR)) {
        subject = parse_subject(p);
    }
    if (p->hit_error_token) {
        return -1;
    }
    int result = 0;
    if (subject != NULL && !p->failed && parser_check(p, GP_TOK_COLON) &&
        parser_peek_n(p, 1)->type == GP_TOK_NEWLINE) {
        result = 1;
    } else if (subject != NULL && !p->failed && parser_check(p, GP_TOK_NEWLINE)) {
        result = 2;
    }
    if (result != 1) {
        p->pos = saved_pos;
        p->max_pos = saved_max;
        p->failed = 0;
        *p->err = saved_err;
        return result;
    }
    p->pos += 2; /* ':' NEWLINE */
    if (!parser_accept(p, GP_TOK_INDENT)) {
        error_missing_block(p, "match", kw->lineno);
        return -1;
    }
    gp_vec_t cases = {0};
    do {
        gp_ast_match_case_t *m = parse_case_block(p);
        if (m == NULL || vec_push(p, &cases, m) < 0) {
            return -1;
        }
    } while (!parser_accept(p, GP_TOK_DEDENT) && !parser_check(p, GP_TOK_ENDMARKER));
    gp_ast_stmt_t *s = parser_alloc(p, sizeof *s);
    if (s == NULL) {
        return -1;
    }
    gp_ast_match_case_t *last = (gp_ast_match_case_t *)cases.items[cases.count - 1];
    gp_ast_stmt_t *last_stmt = last->body.items[last->body.count - 1];
    s->kind = GP_AST_Match;
    s->lineno = kw->lineno;
    s->col_offset = kw->col_offset;
    s->end_lineno = last_stmt->end_lineno;
    s->end_col_offset = last_stmt->end_col_offset;
    s->v.Match.subject = subject;
    s->v.Match.cases.count = cases.count;
    s->v.Match.cases.items = (gp_ast_match_case_t **)cases.items;
    *out = s;
    return 1;
}

void parser_match_expected_colon(gp_parser_t *p, size_t match_pos)
{
    gp_syntax_error_t saved_err = *p->err;
    size_t saved_pos = p->pos;
    p->failed = 0;
    p->pos = match_pos + 1;
    gp_ast_expr_t *subject = parse_subject(p);
    gp_token_t *t = parser_peek(p);
    if (subject != NULL && !p->failed && t->type == GP_TOK_NEWLINE) {
        parser_error_at(p, t->lineno, t->col_offset, t->lineno, t->col_offset, "expected ':'");
    } else {
        p->failed = 1;
        *p->err = saved_err;
    }
    p->pos = saved_pos;
}
