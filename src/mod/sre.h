/*
 * sre.h - private interface of the regular-expression engine (_sre).
 *
 * Design notes
 * ------------
 * The engine has three parts, one per file:
 *
 *   sre_compile.c  parses a pattern (a sequence of code points, or of bytes)
 *                  straight into a program for a backtracking machine;
 *   sre_match.c    runs a program against a subject with an explicit
 *                  backtracking stack, so no pattern or subject, however
 *                  large or pathological, can overflow the C stack;
 *   sre.c          the `_sre` module: Pattern and Match objects and the
 *                  loops (search, findall, finditer, split, sub) that re.py
 *                  exposes as the `re` API.
 *
 * A program is an array of 32-bit words. Each instruction is an opcode word
 * followed by its operands; every jump is an offset relative to the start of
 * the instruction that holds it. Relative jumps make a compiled fragment
 * position independent, which the compiler relies on: when a quantifier
 * follows an atom it inserts the loop header *before* the atom's code with
 * one memmove, without patching anything inside it.
 *
 * The machine keeps its state in a register file: the capture slots (two per
 * group, group 0 included), `lastindex`, and two registers per counted loop
 * (iteration count and the position where the iteration began). Every write
 * to a register pushes the old value on the backtracking stack, so failing
 * back to a choice point restores exactly the state it saw.
 *
 * Positions are code-point indexes. The subject is viewed either as bytes
 * (bytes patterns, and str subjects that are pure ASCII) or as an array of
 * code points decoded once per call.
 */
#ifndef GP_SRE_H
#define GP_SRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "obj/object.h"

/* Pattern flags, numbered as CPython's re module. */
enum {
    SRE_FLAG_TEMPLATE = 1,
    SRE_FLAG_IGNORECASE = 2,
    SRE_FLAG_LOCALE = 4,
    SRE_FLAG_MULTILINE = 8,
    SRE_FLAG_DOTALL = 16,
    SRE_FLAG_UNICODE = 32,
    SRE_FLAG_VERBOSE = 64,
    SRE_FLAG_DEBUG = 128,
    SRE_FLAG_ASCII = 256,
};

/* The instruction set. Operands follow the opcode word; "off" operands are
   relative to the opcode's own index. */
typedef enum sre_op {
    SRE_OP_MATCH,      /* success (subject to fullmatch / must-advance checks) */
    SRE_OP_FAIL,       /* backtrack */
    /* Single-character tests: each consumes one character or fails. */
    SRE_OP_CHAR,       /* c: the character c */
    SRE_OP_CHAR_I,     /* lower upper unicode: lower(ch) == lower or upper(ch) == upper */
    SRE_OP_ANY,        /* any character but '\n' */
    SRE_OP_ANY_ALL,    /* any character (DOTALL) */
    SRE_OP_CLASS,      /* index: a member of classes[index] */
    /* Zero-width assertions. */
    SRE_OP_AT,         /* kind (sre_at_t) */
    /* Control. */
    SRE_OP_JMP,        /* off */
    SRE_OP_SPLIT,      /* off1 off2: try off1, on failure off2 */
    SRE_OP_SAVE,       /* slot: capture slot = position (group g: 2g start, 2g+1 end) */
    /* Greedy/lazy/possessive repetition of the single-character test that
       follows: min max mode; continues after that test. */
    SRE_OP_STAR,
    /* Counted loop around any sub-program:
         RPT_INIT k | RPT_NEXT k min max mode exit_off | RPT_ITER k | body | JMP back */
    SRE_OP_RPT_INIT,
    SRE_OP_RPT_NEXT,
    SRE_OP_RPT_ITER,
    SRE_OP_BACKREF,    /* group mode: bit 0 ignorecase, bit 1 Unicode case rules */
    /* Lookaround and atomic groups: kind width end_off; the body ends with LOOK_END. */
    SRE_OP_LOOK,
    SRE_OP_LOOK_END,
    SRE_OP_GROUP_EXISTS, /* group no_off: continue if group matched, else jump */
} sre_op_t;

typedef enum sre_at {
    SRE_AT_BEGINNING,       /* ^ */
    SRE_AT_BEGINNING_LINE,  /* ^ with MULTILINE */
    SRE_AT_BEGINNING_STRING, /* \A */
    SRE_AT_END,             /* $ */
    SRE_AT_END_LINE,        /* $ with MULTILINE */
    SRE_AT_END_STRING,      /* \Z */
    SRE_AT_BOUNDARY,        /* \b */
    SRE_AT_NON_BOUNDARY,    /* \B */
    SRE_AT_UNI_BOUNDARY,    /* \b on a Unicode str pattern */
    SRE_AT_UNI_NON_BOUNDARY,
} sre_at_t;

typedef enum sre_look {
    SRE_LOOK_AHEAD,
    SRE_LOOK_NOT_AHEAD,
    SRE_LOOK_BEHIND,
    SRE_LOOK_NOT_BEHIND,
    SRE_LOOK_ATOMIC,
} sre_look_t;

/* Repetition modes of STAR and RPT_NEXT. */
enum { SRE_GREEDY = 0, SRE_LAZY = 1, SRE_POSSESSIVE = 2 };

#define SRE_MAXREPEAT UINT32_MAX

/* Categories usable inside a class (bit flags). */
enum {
    SRE_CAT_DIGIT = 1 << 0,
    SRE_CAT_NOT_DIGIT = 1 << 1,
    SRE_CAT_WORD = 1 << 2,
    SRE_CAT_NOT_WORD = 1 << 3,
    SRE_CAT_SPACE = 1 << 4,
    SRE_CAT_NOT_SPACE = 1 << 5,
};

/* A character class. Membership of characters below 256 is precomputed in
   [bitmap] (case folding and negation included); larger characters are
   tested against the ranges and categories at match time. */
typedef struct sre_class {
    uint8_t bitmap[32];
    uint32_t *ranges; /* lo, hi pairs */
    uint32_t nranges;
    unsigned cats;
    bool negated;
    bool ignorecase;
    bool unicode; /* categories use the Unicode database, not ASCII */
} sre_class_t;

/* A compiled program. */
typedef struct sre_program {
    uint32_t *code;
    size_t len;
    sre_class_t *classes;
    size_t nclasses;
    uint32_t ngroups;   /* capturing groups, without group 0 */
    uint32_t nloops;    /* counted loops (two registers each) */
    int flags;          /* final flags, inline flags included */
    bool is_bytes;
    /* Search acceleration: when the program must begin with one literal
       character (case-sensitive), first_char holds it, else -1. */
    int64_t first_char;
    /* Otherwise, when it must begin with a member of one class, its index, else -1. */
    int64_t first_class;
    bool anchored_start; /* begins with \A or a non-MULTILINE ^ */
    /* Group names: parallel arrays, [nnames] entries. */
    gp_object_t **names; /* str objects (owned) */
    uint32_t *name_groups;
    uint32_t nnames;
} sre_program_t;

/* Compiles [pattern] (a str or bytes object) with [flags]. On a syntax error
   raises re.error (found as sys.modules['re'].error; ValueError if re is not
   imported) with CPython's message and position, and returns NULL. */
sre_program_t *sre_compile(gp_object_t *pattern, int flags);
void sre_program_free(sre_program_t *prog);

/* The subject of a match: exactly one of s8/s32 is set; positions index it. */
typedef struct sre_subject {
    const uint8_t *s8;
    const uint32_t *s32;
    intptr_t len;
} sre_subject_t;

static inline uint32_t sre_subject_at(const sre_subject_t *s, intptr_t i)
{
    return s->s8 ? s->s8[i] : s->s32[i];
}

/* How sre_exec looks for a match. */
typedef struct sre_request {
    intptr_t start;    /* first position to try */
    intptr_t end;      /* the subject ends here for this match (endpos) */
    bool search;       /* try every position from start, not only start */
    bool full;         /* the match must end at end (fullmatch) */
    bool must_advance; /* an empty match at start is rejected (after an empty match) */
} sre_request_t;

/* Runs [prog] over [subj]. On success fills regs[0 .. 2*(ngroups+1)-1] with
   the capture spans (-1 for groups that did not participate) and *lastindex
   (-1 if none), and returns 1; returns 0 for no match, -1 with an exception
   set (MemoryError, KeyboardInterrupt from the eval-breaker). */
int sre_exec(const sre_program_t *prog, const sre_subject_t *subj, const sre_request_t *req,
             intptr_t *regs, intptr_t *lastindex);

/* Character predicates shared by the compiler and the matcher. */
bool sre_is_word(uint32_t ch, bool unicode);
bool sre_is_digit(uint32_t ch, bool unicode);
bool sre_is_space(uint32_t ch, bool unicode);
uint32_t sre_lower(uint32_t ch, bool unicode);
uint32_t sre_upper(uint32_t ch, bool unicode);
bool sre_class_contains(const sre_class_t *cls, uint32_t ch);

#endif /* GP_SRE_H */
