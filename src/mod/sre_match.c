/*
 * sre_match.c - the backtracking matcher.
 *
 * Design notes
 * ------------
 * The matcher is a loop over the program (see sre.h) with a program counter,
 * a subject position and an explicit stack; it never recurses, so neither a
 * deeply nested pattern nor a long subject can overflow the C stack. The
 * stack holds four kinds of entries:
 *
 *   CHOICE   an alternative to resume: (pc, position);
 *   RESTORE  a register's old value, put back when failure unwinds past it;
 *   STAR     a greedy single-character repetition that can give back one
 *            more character: one entry stands for every shorter match, which
 *            is what keeps `.*` over a long line cheap; LAZY is its mirror;
 *   LOOK     the start of a lookaround or atomic group (a barrier).
 *
 * Failing pops entries until a resumable one turns up. When a lookaround's
 * body succeeds its choice points are discarded (lookarounds and atomic
 * groups never backtrack into their body) but its RESTORE entries are kept,
 * so captures made inside are undone if the match fails later.
 *
 * Every few thousand steps the matcher looks at the eval-breaker word, so a
 * catastrophic pattern can be interrupted with Ctrl-C and other threads get
 * the GIL.
 */
#include <stdatomic.h>
#include <string.h>

#include "mod/sre.h"
#include "runtime/runtime.h"

enum { BT_CHOICE, BT_RESTORE, BT_STAR, BT_LAZY, BT_LOOK };

typedef struct bt_entry {
    uint32_t kind;
    uint32_t pc; /* RESTORE: register index */
    intptr_t a;
    intptr_t b;
} bt_entry_t;

typedef struct matcher {
    const sre_program_t *prog;
    const sre_subject_t *subj;
    intptr_t end;
    intptr_t *regs;
    size_t nregs;
    intptr_t lastindex_reg;
    bt_entry_t *stack;
    bt_entry_t *inline_stack; /* the initial stack, on the C stack of sre_exec */
    size_t top, cap;
    unsigned steps;
} matcher_t;

#define BREAKER_INTERVAL 4096u

static int stack_grow(matcher_t *m)
{
    size_t cap = m->cap ? m->cap * 2 : 256;
    bt_entry_t *s;
    if (m->stack == m->inline_stack) {
        s = gp_mem_alloc(cap * sizeof(bt_entry_t));
        if (s)
            memcpy(s, m->stack, m->top * sizeof(bt_entry_t));
    } else {
        s = gp_mem_realloc(m->stack, cap * sizeof(bt_entry_t));
    }
    if (!s) {
        gp_err_no_memory();
        return -1;
    }
    m->stack = s;
    m->cap = cap;
    return 0;
}

static inline int push(matcher_t *m, uint32_t kind, uint32_t pc, intptr_t a, intptr_t b)
{
    if (m->top == m->cap && stack_grow(m) < 0)
        return -1;
    bt_entry_t *e = &m->stack[m->top++];
    e->kind = kind;
    e->pc = pc;
    e->a = a;
    e->b = b;
    return 0;
}

/* Sets register [r], remembering the old value for backtracking. */
static inline int set_reg(matcher_t *m, uint32_t r, intptr_t v)
{
    if (m->regs[r] == v)
        return 0;
    if (push(m, BT_RESTORE, r, m->regs[r], 0) < 0)
        return -1;
    m->regs[r] = v;
    return 0;
}

static inline size_t single_len(uint32_t op)
{
    switch (op) {
    case SRE_OP_CHAR:
    case SRE_OP_CLASS:
        return 2;
    case SRE_OP_CHAR_I:
        return 4;
    default:
        return 1;
    }
}

static inline bool single_match(const sre_program_t *prog, const uint32_t *ins, uint32_t ch)
{
    switch (ins[0]) {
    case SRE_OP_CHAR:
        return ch == ins[1];
    case SRE_OP_CHAR_I:
        return ch == ins[1] || ch == ins[2] || sre_lower(ch, ins[3]) == ins[1] ||
               sre_upper(ch, ins[3]) == ins[2];
    case SRE_OP_ANY:
        return ch != '\n';
    case SRE_OP_ANY_ALL:
        return true;
    case SRE_OP_CLASS:
        return sre_class_contains(&prog->classes[ins[1]], ch);
    default:
        return false;
    }
}

static bool at_matches(matcher_t *m, uint32_t kind, intptr_t sp)
{
    const sre_subject_t *s = m->subj;
    intptr_t end = m->end;
    switch (kind) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return sp == 0;
    case SRE_AT_BEGINNING_LINE:
        return sp == 0 || sre_subject_at(s, sp - 1) == '\n';
    case SRE_AT_END:
        return sp == end || (sp == end - 1 && sre_subject_at(s, sp) == '\n');
    case SRE_AT_END_LINE:
        return sp == end || sre_subject_at(s, sp) == '\n';
    case SRE_AT_END_STRING:
        return sp == end;
    case SRE_AT_BOUNDARY:
    case SRE_AT_NON_BOUNDARY:
    case SRE_AT_UNI_BOUNDARY:
    case SRE_AT_UNI_NON_BOUNDARY: {
        if (end == 0)
            return false;
        bool uni = kind == SRE_AT_UNI_BOUNDARY || kind == SRE_AT_UNI_NON_BOUNDARY;
        bool before = sp > 0 && sre_is_word(sre_subject_at(s, sp - 1), uni);
        bool after = sp < end && sre_is_word(sre_subject_at(s, sp), uni);
        bool boundary = before != after;
        return (kind == SRE_AT_BOUNDARY || kind == SRE_AT_UNI_BOUNDARY) ? boundary : !boundary;
    }
    default:
        return false;
    }
}

static bool backref_matches(matcher_t *m, uint32_t g, uint32_t mode, intptr_t *sp)
{
    intptr_t s = m->regs[2 * g], e = m->regs[2 * g + 1];
    if (s < 0 || e < 0)
        return false;
    intptr_t len = e - s;
    if (*sp + len > m->end)
        return false;
    const sre_subject_t *subj = m->subj;
    bool icase = mode & 1, uni = (mode & 2) != 0;
    for (intptr_t i = 0; i < len; i++) {
        uint32_t a = sre_subject_at(subj, s + i), b = sre_subject_at(subj, *sp + i);
        if (a != b && (!icase || sre_lower(a, uni) != sre_lower(b, uni)))
            return false;
    }
    *sp += len;
    return true;
}

/* Runs the program from [start]. 1 match, 0 none, -1 error. */
static int run(matcher_t *m, intptr_t start, const sre_request_t *req)
{
    const sre_program_t *prog = m->prog;
    const uint32_t *code = prog->code;
    const sre_subject_t *subj = m->subj;
    const intptr_t end = m->end;
    intptr_t *regs = m->regs;
    size_t marker = SIZE_MAX;
    intptr_t sp = start;
    size_t pc = 0;

    for (size_t i = 0; i < m->nregs; i++)
        regs[i] = -1;
    m->top = 0;

    for (;;) {
        const uint32_t *ins = code + pc;
        switch (ins[0]) {
        case SRE_OP_MATCH:
            if ((req->full && sp != end) || (req->must_advance && sp == req->start))
                goto fail;
            regs[0] = start;
            regs[1] = sp;
            return 1;
        case SRE_OP_FAIL:
            goto fail;
        case SRE_OP_CHAR:
        case SRE_OP_CHAR_I:
        case SRE_OP_ANY:
        case SRE_OP_ANY_ALL:
        case SRE_OP_CLASS:
            if (sp >= end || !single_match(prog, ins, sre_subject_at(subj, sp)))
                goto fail;
            sp++;
            pc += single_len(ins[0]);
            continue;
        case SRE_OP_AT:
            if (!at_matches(m, ins[1], sp))
                goto fail;
            pc += 2;
            continue;
        case SRE_OP_JMP:
            pc += (size_t)(intptr_t)(int32_t)ins[1];
            if ((int32_t)ins[1] < 0 && ++m->steps % BREAKER_INTERVAL == 0 &&
                atomic_load(&gp_runtime()->eval_breaker) && gp_runtime_handle_breaker() < 0)
                return -1;
            continue;
        case SRE_OP_SPLIT:
            if (push(m, BT_CHOICE, (uint32_t)(pc + ins[2]), sp, 0) < 0)
                return -1;
            pc += ins[1];
            continue;
        case SRE_OP_SAVE: {
            uint32_t slot = ins[1];
            if (set_reg(m, slot, sp) < 0)
                return -1;
            if ((slot & 1) && set_reg(m, (uint32_t)m->lastindex_reg, slot / 2) < 0)
                return -1;
            pc += 2;
            continue;
        }
        case SRE_OP_STAR: {
            uint32_t min = ins[1], max = ins[2], mode = ins[3];
            const uint32_t *one = ins + 4;
            size_t next = pc + 4 + single_len(one[0]);
            intptr_t avail = end - sp;
            intptr_t limit = (max == SRE_MAXREPEAT || (intptr_t)max > avail) ? avail : (intptr_t)max;
            if ((intptr_t)min > limit)
                goto fail;
            intptr_t n = 0;
            if (mode == SRE_LAZY) {
                while (n < (intptr_t)min && single_match(prog, one, sre_subject_at(subj, sp + n)))
                    n++;
                if (n < (intptr_t)min)
                    goto fail;
                if (limit > n && push(m, BT_LAZY, (uint32_t)pc, sp + n, sp + limit) < 0)
                    return -1;
            } else {
                if (one[0] == SRE_OP_ANY_ALL) {
                    n = limit;
                } else if (one[0] == SRE_OP_CHAR && subj->s8) {
                    const uint8_t *p = subj->s8 + sp;
                    uint32_t c = one[1];
                    while (n < limit && p[n] == c)
                        n++;
                } else {
                    while (n < limit && single_match(prog, one, sre_subject_at(subj, sp + n)))
                        n++;
                }
                if (n < (intptr_t)min)
                    goto fail;
                if (mode == SRE_GREEDY && n > (intptr_t)min &&
                    push(m, BT_STAR, (uint32_t)pc, sp + n, sp + (intptr_t)min) < 0)
                    return -1;
            }
            sp += n;
            pc = next;
            m->steps += (unsigned)(n >> 6);
            continue;
        }
        case SRE_OP_RPT_INIT: {
            uint32_t r = (uint32_t)m->lastindex_reg + 1 + 2 * ins[1];
            if (set_reg(m, r, 0) < 0 || set_reg(m, r + 1, -1) < 0)
                return -1;
            pc += 2;
            continue;
        }
        case SRE_OP_RPT_NEXT: {
            uint32_t r = (uint32_t)m->lastindex_reg + 1 + 2 * ins[1];
            intptr_t count = regs[r];
            uint32_t min = ins[2], max = ins[3], mode = ins[4];
            size_t exit_pc = pc + ins[5];
            if (count < (intptr_t)min) {
                pc += 6; /* the minimum is not reached: iterate, even without progress */
                continue;
            }
            if (count > 0 && regs[r + 1] == sp) {
                pc = exit_pc; /* the last iteration matched nothing: stop looping */
                continue;
            }
            if (max != SRE_MAXREPEAT && count >= (intptr_t)max) {
                pc = exit_pc;
                continue;
            }
            if (mode == SRE_LAZY) {
                if (push(m, BT_CHOICE, (uint32_t)(pc + 6), sp, 0) < 0)
                    return -1;
                pc = exit_pc;
            } else {
                if (push(m, BT_CHOICE, (uint32_t)exit_pc, sp, 0) < 0)
                    return -1;
                pc += 6;
            }
            continue;
        }
        case SRE_OP_RPT_ITER: {
            uint32_t r = (uint32_t)m->lastindex_reg + 1 + 2 * ins[1];
            if (set_reg(m, r, regs[r] + 1) < 0 || set_reg(m, r + 1, sp) < 0)
                return -1;
            pc += 2;
            continue;
        }
        case SRE_OP_BACKREF:
            if (!backref_matches(m, ins[1], ins[2], &sp))
                goto fail;
            pc += 3;
            continue;
        case SRE_OP_GROUP_EXISTS:
            if (regs[2 * ins[1]] >= 0 && regs[2 * ins[1] + 1] >= 0)
                pc += 3;
            else
                pc += ins[2];
            continue;
        case SRE_OP_LOOK: {
            uint32_t kind = ins[1];
            if (kind == SRE_LOOK_BEHIND || kind == SRE_LOOK_NOT_BEHIND) {
                if (sp < (intptr_t)ins[2]) {
                    if (kind == SRE_LOOK_BEHIND)
                        goto fail;
                    pc += ins[3];
                    continue;
                }
            }
            if (push(m, BT_LOOK, (uint32_t)pc, sp, (intptr_t)marker) < 0)
                return -1;
            marker = m->top - 1;
            if (kind == SRE_LOOK_BEHIND || kind == SRE_LOOK_NOT_BEHIND)
                sp -= (intptr_t)ins[2];
            pc += 4;
            continue;
        }
        case SRE_OP_LOOK_END: {
            bt_entry_t look = m->stack[marker];
            const uint32_t *lins = code + look.pc;
            uint32_t kind = lins[1];
            if ((kind == SRE_LOOK_BEHIND || kind == SRE_LOOK_NOT_BEHIND) && sp != look.a)
                goto fail;
            if (kind == SRE_LOOK_NOT_AHEAD || kind == SRE_LOOK_NOT_BEHIND) {
                /* The body matched, so the assertion fails: undo its effects. */
                while (m->top > marker + 1) {
                    bt_entry_t *e = &m->stack[--m->top];
                    if (e->kind == BT_RESTORE)
                        regs[e->pc] = e->a;
                }
                m->top = marker;
                marker = (size_t)look.b;
                goto fail;
            }
            /* Success: drop the body's choice points, keep its register history. */
            size_t j = marker;
            for (size_t i = marker + 1; i < m->top; i++)
                if (m->stack[i].kind == BT_RESTORE)
                    m->stack[j++] = m->stack[i];
            m->top = j;
            marker = (size_t)look.b;
            if (kind != SRE_LOOK_ATOMIC)
                sp = look.a;
            pc = look.pc + lins[3];
            continue;
        }
        default:
            gp_err_set_string(&gp_exc_SystemError, "internal error in regular expression engine");
            return -1;
        }

    fail:
        for (;;) {
            if (m->top == 0)
                return 0;
            bt_entry_t *e = &m->stack[m->top - 1];
            switch (e->kind) {
            case BT_RESTORE:
                regs[e->pc] = e->a;
                m->top--;
                continue;
            case BT_CHOICE:
                pc = e->pc;
                sp = e->a;
                m->top--;
                break;
            case BT_STAR: {
                /* Give back one character; when a literal must come next,
                   give back straight to the last place it occurs. */
                const uint32_t *one = code + e->pc + 4;
                size_t next = e->pc + 4 + single_len(one[0]);
                intptr_t a = e->a - 1;
                if (code[next] == SRE_OP_CHAR) {
                    uint32_t c = code[next + 1];
                    while (a >= e->b && (a >= end || sre_subject_at(subj, a) != c))
                        a--;
                    if (a < e->b) {
                        m->top--;
                        continue;
                    }
                }
                e->a = a;
                sp = a;
                pc = next;
                if (a <= e->b)
                    m->top--;
                break;
            }
            case BT_LAZY: {
                const uint32_t *one = code + e->pc + 4;
                if (e->a >= e->b || !single_match(prog, one, sre_subject_at(subj, e->a))) {
                    m->top--;
                    continue;
                }
                e->a++;
                sp = e->a;
                pc = e->pc + 4 + single_len(one[0]);
                if (e->a >= e->b)
                    m->top--;
                break;
            }
            case BT_LOOK: {
                uint32_t kind = code[e->pc + 1];
                marker = (size_t)e->b;
                m->top--;
                if (kind == SRE_LOOK_NOT_AHEAD || kind == SRE_LOOK_NOT_BEHIND) {
                    /* The body failed: the negative assertion holds. */
                    sp = e->a;
                    pc = e->pc + code[e->pc + 3];
                    break;
                }
                continue;
            }
            default:
                m->top--;
                continue;
            }
            break;
        }
        if (++m->steps % BREAKER_INTERVAL == 0 && atomic_load(&gp_runtime()->eval_breaker) &&
            gp_runtime_handle_breaker() < 0)
            return -1;
    }
}

int sre_exec(const sre_program_t *prog, const sre_subject_t *subj, const sre_request_t *req,
             intptr_t *regs_out, intptr_t *lastindex)
{
    matcher_t m;
    memset(&m, 0, sizeof(m));
    m.prog = prog;
    m.subj = subj;
    m.end = req->end;
    size_t ncap = 2 * ((size_t)prog->ngroups + 1);
    m.nregs = ncap + 1 + 2 * (size_t)prog->nloops;
    m.lastindex_reg = (intptr_t)ncap;
    bt_entry_t inline_stack[48];
    m.stack = m.inline_stack = inline_stack;
    m.cap = sizeof(inline_stack) / sizeof(inline_stack[0]);
    intptr_t small[64];
    m.regs = m.nregs <= 64 ? small : gp_mem_alloc(m.nregs * sizeof(intptr_t));
    if (!m.regs) {
        gp_err_no_memory();
        return -1;
    }

    int rc = 0;
    intptr_t start = req->start;
    if (start > req->end) {
        rc = 0;
        goto done;
    }
    for (;;) {
        if (req->search && prog->first_char >= 0) {
            /* Skip to the next place the required first character occurs. */
            uint32_t c = (uint32_t)prog->first_char;
            if (subj->s8) {
                if (c > 255) {
                    rc = 0;
                    break;
                }
                const uint8_t *p = memchr(subj->s8 + start, (int)c, (size_t)(req->end - start));
                if (!p) {
                    rc = 0;
                    break;
                }
                start = p - subj->s8;
            } else {
                while (start < req->end && subj->s32[start] != c)
                    start++;
                if (start >= req->end) {
                    rc = 0;
                    break;
                }
            }
        }
        if (req->search && prog->first_class >= 0) {
            const sre_class_t *cls = &prog->classes[prog->first_class];
            while (start < req->end && !sre_class_contains(cls, sre_subject_at(subj, start)))
                start++;
            if (start >= req->end) {
                rc = 0;
                break;
            }
        }
        rc = run(&m, start, req);
        if (rc != 0 || !req->search || start >= req->end)
            break;
        if (prog->anchored_start && !(prog->flags & SRE_FLAG_MULTILINE))
            break;
        start++;
        if (++m.steps % BREAKER_INTERVAL == 0 && atomic_load(&gp_runtime()->eval_breaker) &&
            gp_runtime_handle_breaker() < 0) {
            rc = -1;
            break;
        }
    }
    if (rc == 1) {
        memcpy(regs_out, m.regs, ncap * sizeof(intptr_t));
        *lastindex = m.regs[m.lastindex_reg];
    }
done:
    if (m.regs != small)
        gp_mem_free(m.regs);
    if (m.stack != inline_stack)
        gp_mem_free(m.stack);
    return rc;
}
