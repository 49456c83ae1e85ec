/*
 * frame.h - the activation record of running Python code.
 *
 * Design notes
 * ------------
 * A frame is a plain C struct, not a Python object. Ordinary calls take
 * their frame from a per-thread chunked stack (bump allocation, freed in
 * LIFO order), so a Python call costs no malloc. Generators and coroutines
 * embed their frame in the generator object, because it must outlive the
 * call that created it.
 *
 * One allocation holds the header, then the slots, then the handler blocks:
 *
 *     gp_frame_t | localsplus[nlocalsplus] | stack[stacksize] | blocks[maxblocks]
 *
 * Python code that asks for a frame (a traceback's tb_frame) gets a small
 * snapshot object of type gp_frame_type instead, built on demand.
 */
#ifndef GP_VM_FRAME_H
#define GP_VM_FRAME_H

#include "obj/object.h"
#include "vm/code.h"

/* A handler block, pushed by SETUP_FINALLY or by entering an except block. */
enum {
    GP_BLOCK_FINALLY = 1,        /* SETUP_FINALLY: jump to handler on an exception */
    GP_BLOCK_EXCEPT_HANDLER = 2, /* inside an except/finally handler: restores exc_info */
};

typedef struct gp_block {
    uint32_t type;
    uint32_t handler; /* instruction index */
    uint32_t level;   /* stack depth when the block was pushed */
} gp_block_t;

/* Who owns a frame's memory. */
enum {
    GP_FRAME_OWNED_BY_THREAD = 0,    /* the per-thread frame stack */
    GP_FRAME_OWNED_BY_GENERATOR = 1, /* embedded in a generator object */
};

typedef struct gp_frame {
    gp_code_t *code;         /* strong */
    gp_object_t *func;       /* strong function object, or NULL for module/exec code */
    gp_object_t *globals;    /* strong */
    gp_object_t *builtins;   /* borrowed dict: globals' __builtins__, kept alive by globals */
    gp_object_t *locals;     /* strong mapping, or NULL for optimized code */
    struct gp_frame *back;   /* the caller, while running */
    const gp_instr_t *ip;    /* next instruction, saved when the frame is suspended */
    gp_object_t **sp;        /* stack pointer, saved when suspended */
    uint16_t nblocks;
    uint8_t owner;
    uint8_t is_entry;        /* the C eval call that runs it returns when it returns */
    uint8_t yielded;         /* the last exit was a yield, not a return */
    uint8_t yielded_value;   /* async generators: the yield was a YIELD_VALUE (not an await) */
    uint8_t cleared;
    gp_object_t *localsplus[]; /* nlocalsplus slots, then the value stack */
} gp_frame_t;

static inline gp_object_t **gp_frame_stack_base(gp_frame_t *f)
{
    return f->localsplus + f->code->nlocalsplus;
}

static inline gp_block_t *gp_frame_blocks(gp_frame_t *f)
{
    return (gp_block_t *)(f->localsplus + f->code->nlocalsplus + f->code->stacksize);
}

/* Bytes a frame for [code] needs. */
static inline size_t gp_frame_size(gp_code_t *code)
{
    return sizeof(gp_frame_t) + sizeof(gp_object_t *) * (size_t)(code->nlocalsplus + code->stacksize) +
           sizeof(gp_block_t) * (size_t)code->maxblocks;
}

/* The line the frame is executing (or suspended at). */
int gp_frame_lineno(gp_frame_t *f);

/* The snapshot object exposed as tb_frame / f_back (gp_frame_type). */
typedef struct gp_frame_object {
    gp_object_t base;
    gp_object_t *code;    /* strong */
    gp_object_t *globals; /* strong */
    gp_object_t *locals;  /* strong or NULL */
    gp_object_t *back;    /* strong snapshot of the caller, or NULL (f_back is None) */
    int lineno;
} gp_frame_object_t;

gp_object_t *gp_frame_object_new(gp_frame_t *f, int lineno);

/* sys._getframe([depth]): a snapshot of the running frame [depth] calls up,
   whose f_back chain snapshots every caller (defined in traceback.c). */
gp_object_t *gp_sys_getframe(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames);

#endif /* GP_VM_FRAME_H */
