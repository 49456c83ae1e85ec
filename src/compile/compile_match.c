/*
 * compile_match.c - code generation for the match statement (PEP 634).
 *
 * Design notes
 * ------------
 * The subject is evaluated once and kept on the stack. Each case but the
 * last works on a COPY of it, and each pattern consumes the value it is
 * given: on success it leaves only the values it captured, on failure it
 * jumps to a "fail pop" label that drops whatever it had pushed.
 *
 * Captures are not stored as they are found. A capture is parked on the
 * stack below everything the enclosing patterns still need ("on top"
 * items: the subject of a sequence being indexed, unpacked items still to
 * be matched) and below the earlier captures, so the first capture ends up
 * nearest the top. Only when the whole pattern matched are the names stored,
 * in the order they were found, and then the guard runs. That gives
 * CPython's observable behaviour: a failed pattern binds nothing, while a
 * pattern that matched but whose guard failed keeps its bindings.
 *
 * Failure labels: pattern_ctx_t.fail_pop[n] is the place to jump with n
 * extra items on the stack. The labels are laid out after the case body as
 * fail_pop[n-1] ... fail_pop[0] with a POP_TOP before each, so a jump to
 * fail_pop[n] pops exactly n items and falls into the next case. Every jump
 * to the same label has the same stack depth, which the assembler checks.
 *
 * Or-patterns compile each alternative against its own copy of the subject
 * with its own captures and labels, then reorder the captures of later
 * alternatives (with SWAPs) into the order of the first, so whichever
 * alternative matched, the names sit on the stack in one known order.
 *
 * Compile-time errors are CPython's, at the location of the pattern being
 * compiled when they are found ("wildcard makes remaining patterns
 * unreachable", "multiple assignments to name 'x' in pattern", ...).
 * Literal values are folded here (`-1`, `1+2j`), since gilpy has no AST
 * optimizer, so that mapping keys can be checked for duplicates like
 * CPython does after its constant folding.
 */
#include <stdio.h>
#include <string.h>

#include "compile/compile_internal.h"

#define TRY(x)                                                                                     \
    do {                                                                                           \
        if (!(x))                                                                                  \
            return false;                                                                          \
    } while (0)

/* The state of one case's pattern (or of one alternative of an or-pattern). */
typedef struct pattern_ctx {
    const char **stores; /* captured names, in the order found */
    size_t nstores, stores_cap;
    uint32_t *fail_pop; /* fail_pop[n]: pop n items, then fail */
    size_t nfail_pop;
    size_t on_top; /* items above the captures the current pattern must keep */
    bool allow_irrefutable;
    const gp_ast_pattern_t *loc; /* the pattern being compiled, for errors */
} pattern_ctx_t;

static bool pattern_compile(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc);

static bool is_wildcard(const gp_ast_pattern_t *p)
{
    return p->kind == GP_AST_MatchAs && p->v.MatchAs.pattern == NULL && p->v.MatchAs.name == NULL;
}

static bool is_star_wildcard(const gp_ast_pattern_t *p)
{
    return p->kind == GP_AST_MatchStar && p->v.MatchStar.name == NULL;
}

static void ctx_free(pattern_ctx_t *pc)
{
    gp_mem_free(pc->stores);
    gp_mem_free(pc->fail_pop);
    pc->stores = NULL;
    pc->fail_pop = NULL;
    pc->nstores = pc->stores_cap = pc->nfail_pop = 0;
}

/* Raises a SyntaxError at the pattern being compiled. */
static bool pattern_error(compiler_t *c, pattern_ctx_t *pc, const char *msg)
{
    const gp_ast_pattern_t *p = pc->loc;
    return c_error(c, msg, p->lineno, p->col_offset, p->end_lineno, p->end_col_offset);
}

static bool pattern_set_loc(compiler_t *c, pattern_ctx_t *pc, const gp_ast_pattern_t *p)
{
    pc->loc = p;
    c->u->lineno = p->lineno;
    return true;
}

static bool ctx_has_store(const pattern_ctx_t *pc, const char *name)
{
    for (size_t i = 0; i < pc->nstores; i++) {
        if (strcmp(pc->stores[i], name) == 0)
            return true;
    }
    return false;
}

static bool ctx_append_store(compiler_t *c, pattern_ctx_t *pc, const char *name)
{
    if (pc->nstores == pc->stores_cap) {
        size_t cap = pc->stores_cap ? pc->stores_cap * 2 : 8;
        const char **stores = gp_mem_realloc((void *)pc->stores, cap * sizeof *stores);
        if (stores == NULL) {
            gp_err_no_memory();
            c->failed = true;
            return false;
        }
        pc->stores = stores;
        pc->stores_cap = cap;
    }
    pc->stores[pc->nstores++] = name;
    return true;
}

/* Makes sure fail_pop[0..n] exist. */
static bool ctx_ensure_fail_pop(compiler_t *c, pattern_ctx_t *pc, size_t n)
{
    if (n < pc->nfail_pop)
        return true;
    uint32_t *labels = gp_mem_realloc(pc->fail_pop, (n + 1) * sizeof *labels);
    if (labels == NULL) {
        gp_err_no_memory();
        c->failed = true;
        return false;
    }
    pc->fail_pop = labels;
    while (pc->nfail_pop <= n)
        labels[pc->nfail_pop++] = c_new_label(c);
    return !c->failed;
}

/* Emits jump [op] to the failure label for what is on the stack now. */
static bool jump_to_fail_pop(compiler_t *c, pattern_ctx_t *pc, int op)
{
    size_t pops = pc->on_top + pc->nstores;
    TRY(ctx_ensure_fail_pop(c, pc, pops));
    return c_emit_jump(c, op, pc->fail_pop[pops]);
}

/* Lays out the failure labels: fail_pop[n-1], POP_TOP, ..., fail_pop[0]. */
static bool emit_and_reset_fail_pop(compiler_t *c, pattern_ctx_t *pc)
{
    if (pc->nfail_pop == 0)
        return true;
    for (size_t n = pc->nfail_pop - 1; n > 0; n--) {
        c_bind_label(c, pc->fail_pop[n]);
        TRY(c_emit(c, GP_OP_POP_TOP, 0));
    }
    c_bind_label(c, pc->fail_pop[0]);
    gp_mem_free(pc->fail_pop);
    pc->fail_pop = NULL;
    pc->nfail_pop = 0;
    return true;
}

/* Moves TOS down to position [count] (1 = TOS), keeping the order of the
 * items it passes. */
static bool emit_rotate(compiler_t *c, size_t count)
{
    if (count < 2)
        return true;
    return c_emit(c, GP_OP_ROT_N, (uint32_t)count);
}

/* Captures TOS as [name] (NULL: drop it), parking it below the items the
 * enclosing patterns still need and below the earlier captures. */
static bool pattern_store_name(compiler_t *c, pattern_ctx_t *pc, const char *name)
{
    char msg[200];
    if (name == NULL)
        return c_emit(c, GP_OP_POP_TOP, 0);
    if (strcmp(name, "__debug__") == 0)
        return pattern_error(c, pc, "cannot assign to __debug__");
    if (ctx_has_store(pc, name)) {
        snprintf(msg, sizeof msg, "multiple assignments to name '%s' in pattern", name);
        return pattern_error(c, pc, msg);
    }
    TRY(emit_rotate(c, pc->on_top + pc->nstores + 1));
    return ctx_append_store(c, pc, name);
}

/* Compiles a sub-pattern, where an irrefutable pattern is always fine. */
static bool pattern_subpattern(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    bool allow = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    TRY(pattern_compile(c, p, pc));
    pc->allow_irrefutable = allow;
    return true;
}

/* ------------------------------------------------------------------ */
/* Literal values                                                       */
/* ------------------------------------------------------------------ */

/* Folds a literal of a value pattern or mapping key (a Constant, `-n`, or
 * `a + bj` / `a - bj`) into a new object. Returns NULL without an exception
 * when [e] is not such a literal, and sets c->failed on errors. */
static gp_object_t *literal_fold(compiler_t *c, const gp_ast_expr_t *e)
{
    switch (e->kind) {
    case GP_AST_Constant: {
        gp_object_t *v = c_constant_value(c, &e->v.Constant);
        if (v == NULL)
            c->failed = true;
        return v;
    }
    case GP_AST_UnaryOp: {
        if (e->v.UnaryOp.op != GP_AST_USub || e->v.UnaryOp.operand->kind != GP_AST_Constant)
            return NULL;
        gp_object_t *v = literal_fold(c, e->v.UnaryOp.operand);
        if (v == NULL)
            return NULL;
        gp_object_t *r = gp_number_unop(v, GP_UNOP_NEG);
        GP_DECREF(v);
        if (r == NULL)
            c->failed = true;
        return r;
    }
    case GP_AST_BinOp: {
        if (e->v.BinOp.op != GP_AST_Add && e->v.BinOp.op != GP_AST_Sub)
            return NULL;
        gp_object_t *left = literal_fold(c, e->v.BinOp.left);
        if (left == NULL)
            return NULL;
        gp_object_t *right = literal_fold(c, e->v.BinOp.right);
        if (right == NULL) {
            GP_DECREF(left);
            return NULL;
        }
        gp_object_t *r = gp_number_binop(left, right,
                                         e->v.BinOp.op == GP_AST_Add ? GP_BINOP_ADD : GP_BINOP_SUB);
        GP_DECREF(left);
        GP_DECREF(right);
        if (r == NULL)
            c->failed = true;
        return r;
    }
    default:
        return NULL;
    }
}

/* Pushes a value pattern's value or a mapping key: a folded literal, or
 * the attribute lookup. [what] prefixes the error for anything else. */
static bool pattern_load_value(compiler_t *c, pattern_ctx_t *pc, const gp_ast_expr_t *e,
                               const char *message)
{
    if (e->kind == GP_AST_Attribute)
        return c_visit_expr(c, e);
    gp_object_t *v = literal_fold(c, e);
    if (v == NULL) {
        if (c->failed)
            return false;
        return pattern_error(c, pc, message);
    }
    return c_load_const(c, v);
}

/* ------------------------------------------------------------------ */
/* Pattern kinds                                                        */
/* ------------------------------------------------------------------ */

static bool pattern_as(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    char msg[200];
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name == NULL)
                return pattern_error(c, pc, "wildcard makes remaining patterns unreachable");
            snprintf(msg, sizeof msg, "name capture '%s' makes remaining patterns unreachable",
                     p->v.MatchAs.name);
            return pattern_error(c, pc, msg);
        }
        return pattern_store_name(c, pc, p->v.MatchAs.name);
    }
    /* Keep a copy of the subject to store once the inner pattern matched. */
    pc->on_top++;
    TRY(c_emit(c, GP_OP_COPY, 1));
    TRY(pattern_compile(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return pattern_store_name(c, pc, p->v.MatchAs.name);
}

static bool pattern_value(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    TRY(pattern_load_value(c, pc, p->v.MatchValue.value,
                           "patterns may only match literals and attribute lookups"));
    size_t pops = pc->on_top + pc->nstores;
    TRY(ctx_ensure_fail_pop(c, pc, pops));
    return c_emit_compare_jump(c, GP_OP_COMPARE_JUMP_IF_FALSE, GP_CMP_EQ, pc->fail_pop[pops]);
}

static bool pattern_singleton(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    gp_ast_constant_t k = {.kind = p->v.MatchSingleton.value};
    gp_object_t *v = c_constant_value(c, &k);
    if (v == NULL)
        return !(c->failed = true);
    TRY(c_load_const(c, v));
    TRY(c_emit(c, GP_OP_IS_OP, 0));
    return jump_to_fail_pop(c, pc, GP_OP_POP_JUMP_IF_FALSE);
}

/* Sequence with `*_` (or no star): index the items needed, no unpacking. */
static bool sequence_subscr(compiler_t *c, const gp_ast_pattern_seq_t *patterns, size_t star,
                            pattern_ctx_t *pc)
{
    size_t size = patterns->count;
    /* The subject stays on top while items are extracted. */
    pc->on_top++;
    for (size_t i = 0; i < size; i++) {
        const gp_ast_pattern_t *item = patterns->items[i];
        if (is_wildcard(item) || i == star)
            continue;
        TRY(c_emit(c, GP_OP_COPY, 1));
        if (i < star) {
            TRY(c_load_const(c, gp_int_from_i64((int64_t)i)));
        } else {
            /* The subject may not support negative indices. */
            TRY(c_emit(c, GP_OP_GET_LEN, 0));
            TRY(c_load_const(c, gp_int_from_i64((int64_t)(size - i))));
            TRY(c_emit(c, GP_OP_BINARY_OP, GP_BINOP_SUB));
        }
        TRY(c_emit(c, GP_OP_BINARY_SUBSCR, 0));
        TRY(pattern_subpattern(c, item, pc));
    }
    pc->on_top--;
    return c_emit(c, GP_OP_POP_TOP, 0);
}

/* Sequence with a named star (or a mix): unpack, then match each item. */
static bool sequence_unpack(compiler_t *c, const gp_ast_pattern_seq_t *patterns, size_t star,
                            pattern_ctx_t *pc)
{
    size_t size = patterns->count;
    if (star == SIZE_MAX) {
        TRY(c_emit(c, GP_OP_UNPACK_SEQUENCE, (uint32_t)size));
    } else {
        size_t after = size - star - 1;
        if (star > 0xff || after > 0xffff) {
            return pattern_error(c, pc, "too many expressions in star-unpacking sequence pattern");
        }
        TRY(c_emit(c, GP_OP_UNPACK_EX, (uint32_t)(star | (after << 8))));
    }
    pc->on_top += size;
    for (size_t i = 0; i < size; i++) {
        pc->on_top--;
        TRY(pattern_subpattern(c, patterns->items[i], pc));
    }
    return true;
}

static bool pattern_sequence(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    const gp_ast_pattern_seq_t *patterns = &p->v.MatchSequence.patterns;
    size_t size = patterns->count, star = SIZE_MAX;
    bool only_wildcard = true, star_wildcard = false;
    for (size_t i = 0; i < size; i++) {
        const gp_ast_pattern_t *item = patterns->items[i];
        if (item->kind == GP_AST_MatchStar) {
            if (star != SIZE_MAX)
                return pattern_error(c, pc, "multiple starred names in sequence pattern");
            star_wildcard = is_star_wildcard(item);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(item);
    }
    /* Keep the subject on top during the type and length checks. */
    pc->on_top++;
    TRY(c_emit(c, GP_OP_MATCH_SEQUENCE, 0));
    TRY(jump_to_fail_pop(c, pc, GP_OP_POP_JUMP_IF_FALSE));
    /* No star: len(subject) == size; with one: len(subject) >= size - 1,
       which a lone star ([*_], [*rest]) always meets: as in CPython, len()
       is then not called at all, so a registered Sequence without __len__
       still matches. */
    bool exact = star == SIZE_MAX;
    if (exact || size > 1) {
        TRY(c_emit(c, GP_OP_GET_LEN, 0));
        TRY(c_load_const(c, gp_int_from_i64((int64_t)(exact ? size : size - 1))));
        size_t pops = pc->on_top + pc->nstores;
        TRY(ctx_ensure_fail_pop(c, pc, pops));
        TRY(c_emit_compare_jump(c, GP_OP_COMPARE_JUMP_IF_FALSE, exact ? GP_CMP_EQ : GP_CMP_GE,
                                pc->fail_pop[pops]));
    }
    pc->on_top--;
    if (only_wildcard)
        return c_emit(c, GP_OP_POP_TOP, 0);
    if (star == SIZE_MAX || star_wildcard)
        return sequence_subscr(c, patterns, star, pc);
    return sequence_unpack(c, patterns, star, pc);
}

static bool pattern_mapping(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    const gp_ast_expr_seq_t *keys = &p->v.MatchMapping.keys;
    const gp_ast_pattern_seq_t *patterns = &p->v.MatchMapping.patterns;
    const char *rest = p->v.MatchMapping.rest;
    size_t size = keys->count;
    pc->on_top++;
    TRY(c_emit(c, GP_OP_MATCH_MAPPING, 0));
    TRY(jump_to_fail_pop(c, pc, GP_OP_POP_JUMP_IF_FALSE));
    if (size == 0 && rest == NULL) {
        pc->on_top--;
        return c_emit(c, GP_OP_POP_TOP, 0);
    }
    if (size > 0) {
        TRY(c_emit(c, GP_OP_GET_LEN, 0));
        TRY(c_load_const(c, gp_int_from_i64((int64_t)size)));
        size_t pops = pc->on_top + pc->nstores;
        TRY(ctx_ensure_fail_pop(c, pc, pops));
        TRY(c_emit_compare_jump(c, GP_OP_COMPARE_JUMP_IF_FALSE, GP_CMP_GE, pc->fail_pop[pops]));
    }
    /* Push the keys, refusing literal keys given twice, as CPython does. */
    gp_object_t *seen = gp_set_new(NULL);
    if (seen == NULL)
        return !(c->failed = true);
    for (size_t i = 0; i < size; i++) {
        const gp_ast_expr_t *key = keys->items[i];
        gp_object_t *value = key->kind == GP_AST_Attribute ? NULL : literal_fold(c, key);
        if (value == NULL && key->kind != GP_AST_Attribute) {
            GP_DECREF(seen);
            if (c->failed)
                return false;
            return pattern_error(c, pc,
                                 "mapping pattern keys may only match literals and attribute "
                                 "lookups");
        }
        if (value != NULL) {
            int dup = gp_set_contains(seen, value);
            if (dup == 0)
                dup = gp_set_add(seen, value);
            if (dup != 0) {
                char msg[300];
                gp_object_t *repr = dup < 0 ? NULL : gp_object_repr(value);
                GP_DECREF(value);
                GP_DECREF(seen);
                if (repr == NULL)
                    return !(c->failed = true);
                snprintf(msg, sizeof msg, "mapping pattern checks duplicate key (%s)",
                         gp_str_utf8(repr));
                GP_DECREF(repr);
                return pattern_error(c, pc, msg);
            }
            if (!c_load_const(c, value)) {
                GP_DECREF(seen);
                return false;
            }
        } else if (!c_visit_expr(c, key)) {
            GP_DECREF(seen);
            return false;
        }
    }
    GP_DECREF(seen);
    TRY(c_emit(c, GP_OP_BUILD_TUPLE, (uint32_t)size));
    TRY(c_emit(c, GP_OP_MATCH_KEYS, 0));
    /* Now: subject, keys, values-or-None. */
    pc->on_top += 2;
    TRY(c_emit(c, GP_OP_COPY, 1));
    TRY(c_load_none(c));
    TRY(c_emit(c, GP_OP_IS_OP, 1));
    TRY(jump_to_fail_pop(c, pc, GP_OP_POP_JUMP_IF_FALSE));
    TRY(c_emit(c, GP_OP_UNPACK_SEQUENCE, (uint32_t)size));
    pc->on_top += size - 1;
    for (size_t i = 0; i < size; i++) {
        pc->on_top--;
        TRY(pattern_subpattern(c, patterns->items[i], pc));
    }
    pc->on_top -= 2;
    if (rest == NULL) {
        TRY(c_emit(c, GP_OP_POP_TOP, 0)); /* the keys */
        return c_emit(c, GP_OP_POP_TOP, 0); /* the subject */
    }
    /* rest = dict(subject) without the matched keys. */
    TRY(c_emit(c, GP_OP_BUILD_MAP, 0));            /* subject, keys, {} */
    TRY(c_emit(c, GP_OP_SWAP, 3));                 /* {}, keys, subject */
    TRY(c_emit(c, GP_OP_DICT_UPDATE, 2));          /* copy, keys */
    TRY(c_emit(c, GP_OP_UNPACK_SEQUENCE, (uint32_t)size)); /* copy, keys... */
    for (size_t left = size; left > 0; left--) {
        TRY(c_emit(c, GP_OP_COPY, (uint32_t)(1 + left))); /* copy, keys..., copy */
        TRY(c_emit(c, GP_OP_SWAP, 2));                    /* copy, keys..., copy, key */
        TRY(c_emit(c, GP_OP_DELETE_SUBSCR, 0));           /* copy, keys... */
    }
    return pattern_store_name(c, pc, rest);
}

static bool pattern_class(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    const gp_ast_pattern_seq_t *positional = &p->v.MatchClass.patterns;
    const gp_ast_identifier_seq_t *attrs = &p->v.MatchClass.kwd_attrs;
    const gp_ast_pattern_seq_t *keywords = &p->v.MatchClass.kwd_patterns;
    size_t nargs = positional->count, nattrs = attrs->count;
    char msg[200];
    for (size_t i = 0; i < nattrs; i++) {
        const char *name = attrs->items[i];
        if (strcmp(name, "__debug__") == 0) {
            pattern_set_loc(c, pc, keywords->items[i]);
            return pattern_error(c, pc, "cannot assign to __debug__");
        }
        for (size_t j = i + 1; j < nattrs; j++) {
            if (strcmp(name, attrs->items[j]) == 0) {
                pattern_set_loc(c, pc, keywords->items[j]);
                snprintf(msg, sizeof msg, "attribute name repeated in class pattern: %s",
                         attrs->items[j]);
                return pattern_error(c, pc, msg);
            }
        }
    }
    TRY(c_visit_expr(c, p->v.MatchClass.cls));
    gp_object_t *names = gp_tuple_new(nattrs);
    if (names == NULL)
        return !(c->failed = true);
    for (size_t i = 0; i < nattrs; i++) {
        gp_object_t *name = c_str(c, attrs->items[i]);
        if (name == NULL) {
            for (size_t j = i; j < nattrs; j++)
                GP_TUPLE_SET(names, j, gp_none_new());
            GP_DECREF(names);
            return !(c->failed = true);
        }
        GP_TUPLE_SET(names, i, name);
    }
    TRY(c_load_const(c, names));
    TRY(c_emit(c, GP_OP_MATCH_CLASS, (uint32_t)nargs));
    TRY(c_emit(c, GP_OP_COPY, 1));
    TRY(c_load_none(c));
    TRY(c_emit(c, GP_OP_IS_OP, 1));
    /* TOS is now the tuple of nargs + nattrs attributes, or None. */
    pc->on_top++;
    TRY(jump_to_fail_pop(c, pc, GP_OP_POP_JUMP_IF_FALSE));
    TRY(c_emit(c, GP_OP_UNPACK_SEQUENCE, (uint32_t)(nargs + nattrs)));
    pc->on_top += nargs + nattrs - 1;
    for (size_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        const gp_ast_pattern_t *item = i < nargs ? positional->items[i] : keywords->items[i - nargs];
        if (is_wildcard(item)) {
            TRY(c_emit(c, GP_OP_POP_TOP, 0));
            continue;
        }
        TRY(pattern_subpattern(c, item, pc));
    }
    return true;
}

/* Index of [name] in [names], or -1. */
static ptrdiff_t name_index(const char **names, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(names[i], name) == 0)
            return (ptrdiff_t)i;
    }
    return -1;
}

/* Reorders the captures of an alternative (stores[i] at stack depth i + 1)
 * into the order of [control], swapping on the stack and in [stores]. */
static bool or_reorder(compiler_t *c, const char **stores, const char **control, size_t n)
{
    for (size_t k = n; k-- > 0;) {
        ptrdiff_t at = name_index(stores, n, control[k]);
        size_t depth = (size_t)at + 1;
        if (depth == k + 1)
            continue;
        if (depth != 1) {
            TRY(c_emit(c, GP_OP_SWAP, (uint32_t)depth));
            const char *t = stores[0];
            stores[0] = stores[depth - 1];
            stores[depth - 1] = t;
        }
        TRY(c_emit(c, GP_OP_SWAP, (uint32_t)(k + 1)));
        const char *t = stores[0];
        stores[0] = stores[k];
        stores[k] = t;
    }
    return true;
}

/* Whether [a] and [b] hold the same names (each list has no duplicates). */
static bool same_names(const char **a, const char **b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (name_index(b, n, a[i]) < 0)
            return false;
    }
    return true;
}

static bool pattern_or(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    const gp_ast_pattern_seq_t *alts = &p->v.MatchOr.patterns;
    uint32_t end = c_new_label(c);
    pattern_ctx_t control = {0};
    bool ok = false;
    for (size_t i = 0; i < alts->count; i++) {
        pattern_ctx_t sub = {0};
        sub.allow_irrefutable = i == alts->count - 1 && pc->allow_irrefutable;
        pattern_set_loc(c, &sub, alts->items[i]);
        if (!c_emit(c, GP_OP_COPY, 1) || !pattern_compile(c, alts->items[i], &sub)) {
            pc->loc = sub.loc;
            ctx_free(&sub);
            goto done;
        }
        pc->loc = sub.loc;
        if (i == 0) {
            control.stores = sub.stores;
            control.nstores = sub.nstores;
            sub.stores = NULL;
        } else if (sub.nstores != control.nstores ||
                   !same_names(control.stores, sub.stores, sub.nstores)) {
            ctx_free(&sub);
            pattern_error(c, pc, "alternative patterns bind different names");
            goto done;
        } else if (!or_reorder(c, sub.stores, control.stores, sub.nstores)) {
            ctx_free(&sub);
            goto done;
        }
        bool emitted = c_emit_jump(c, GP_OP_JUMP, end) && emit_and_reset_fail_pop(c, &sub);
        ctx_free(&sub);
        if (!emitted)
            goto done;
    }
    /* No alternative matched: drop the subject and fail. */
    if (!c_emit(c, GP_OP_POP_TOP, 0) || !jump_to_fail_pop(c, pc, GP_OP_JUMP))
        goto done;
    c_bind_label(c, end);
    /* Park each capture below the subject, the kept items and the earlier
     * captures, exactly as pattern_store_name would have. */
    size_t rotations = control.nstores + 1 + pc->on_top + pc->nstores;
    for (size_t i = 0; i < control.nstores; i++) {
        if (!emit_rotate(c, rotations))
            goto done;
        if (ctx_has_store(pc, control.stores[i])) {
            char msg[200];
            snprintf(msg, sizeof msg, "multiple assignments to name '%s' in pattern",
                     control.stores[i]);
            pattern_error(c, pc, msg);
            goto done;
        }
        if (!ctx_append_store(c, pc, control.stores[i]))
            goto done;
    }
    ok = c_emit(c, GP_OP_POP_TOP, 0);
done:
    ctx_free(&control);
    return ok;
}

static bool pattern_compile(compiler_t *c, const gp_ast_pattern_t *p, pattern_ctx_t *pc)
{
    if (c->failed)
        return false;
    pattern_set_loc(c, pc, p);
    switch (p->kind) {
    case GP_AST_MatchValue:
        return pattern_value(c, p, pc);
    case GP_AST_MatchSingleton:
        return pattern_singleton(c, p, pc);
    case GP_AST_MatchSequence:
        return pattern_sequence(c, p, pc);
    case GP_AST_MatchMapping:
        return pattern_mapping(c, p, pc);
    case GP_AST_MatchClass:
        return pattern_class(c, p, pc);
    case GP_AST_MatchStar:
        return pattern_store_name(c, pc, p->v.MatchStar.name);
    case GP_AST_MatchAs:
        return pattern_as(c, p, pc);
    case GP_AST_MatchOr:
        return pattern_or(c, p, pc);
    }
    return pattern_error(c, pc, "invalid pattern");
}

/* ------------------------------------------------------------------ */
/* The statement                                                        */
/* ------------------------------------------------------------------ */

/* Compiles one case: pattern, stores, guard, body. [copy_subject] is
 * false for the case that may consume the subject (the last one). */
static bool match_case_compile(compiler_t *c, const gp_ast_match_case_t *m, bool copy_subject,
                               bool is_last, uint32_t end)
{
    pattern_ctx_t pc = {0};
    pc.allow_irrefutable = m->guard != NULL || is_last;
    c->u->lineno = m->pattern->lineno;
    if (copy_subject && !c_emit(c, GP_OP_COPY, 1))
        return false;
    if (!pattern_compile(c, m->pattern, &pc))
        goto fail;
    /* A match: store the captured names, first found first (nearest TOS). */
    for (size_t i = 0; i < pc.nstores; i++) {
        if (!c_nameop(c, pc.stores[i], NAME_STORE))
            goto fail;
    }
    pc.nstores = 0;
    if (m->guard != NULL) {
        if (!ctx_ensure_fail_pop(c, &pc, 0) || !c_visit_test(c, m->guard, pc.fail_pop[0], false))
            goto fail;
    }
    if (copy_subject && !c_emit(c, GP_OP_POP_TOP, 0))
        goto fail;
    if (!c_visit_stmts(c, &m->body) || !c_emit_jump(c, GP_OP_JUMP, end))
        goto fail;
    c->u->lineno = m->pattern->lineno;
    if (!emit_and_reset_fail_pop(c, &pc))
        goto fail;
    ctx_free(&pc);
    return true;
fail:
    ctx_free(&pc);
    return false;
}

bool c_visit_match(compiler_t *c, const gp_ast_stmt_t *s)
{
    const gp_ast_match_case_seq_t *cases = &s->v.Match.cases;
    size_t n = cases->count;
    uint32_t end = c_new_label(c);
    TRY(c_visit_expr(c, s->v.Match.subject));
    /* A trailing `case _:` needs neither the subject nor a pattern. */
    const gp_ast_match_case_t *last = cases->items[n - 1];
    bool has_default = is_wildcard(last->pattern) && n > 1;
    size_t compiled = n - (has_default ? 1 : 0);
    for (size_t i = 0; i < compiled; i++) {
        const gp_ast_match_case_t *m = cases->items[i];
        TRY(match_case_compile(c, m, i != compiled - 1, i == n - 1, end));
    }
    if (has_default) {
        c->u->lineno = last->pattern->lineno;
        TRY(c_emit(c, GP_OP_NOP, 0));
        if (last->guard != NULL)
            TRY(c_visit_test(c, last->guard, end, false));
        TRY(c_visit_stmts(c, &last->body));
    }
    c_bind_label(c, end);
    return true;
}
