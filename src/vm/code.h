/*
 * code.h - code objects: the compiled, immutable form of a function body,
 * a class body or a module.
 *
 * A code object owns its instructions, its constants and names, the names
 * of its fast-local slots and a line table. The compiler builds one through
 * gp_code_new() from a filled-in gp_code_spec_t; the VM only reads it,
 * except for the inline caches, which are per-code-object scratch memory
 * that the eval loop fills as it runs (under the GIL).
 *
 * Slot layout of a frame running this code ("localsplus"):
 *
 *     [ nlocals fast locals ][ ncells cells ][ nfrees free cells ][ stack ]
 *
 * Fast locals start with the parameters: positional (including
 * positional-only), keyword-only, then *args, then **kwargs. A parameter
 * that is also captured by an inner function keeps its local slot for
 * argument binding and gets a cell whose initial value is copied from it
 * (cell_args). LOAD_DEREF and friends take an absolute localsplus index.
 */
#ifndef GP_VM_CODE_H
#define GP_VM_CODE_H

#include <stdio.h>

#include "obj/object.h"
#include "vm/opcodes.h"

/* Code flags: CPython's CO_* values. */
enum {
    GP_CODE_OPTIMIZED = 0x0001,  /* locals live in fast slots */
    GP_CODE_NEWLOCALS = 0x0002,  /* a fresh locals namespace per call */
    GP_CODE_VARARGS = 0x0004,    /* has *args */
    GP_CODE_VARKEYWORDS = 0x0008, /* has **kwargs */
    GP_CODE_NESTED = 0x0010,
    GP_CODE_GENERATOR = 0x0020,
    GP_CODE_NOFREE = 0x0040,
    GP_CODE_COROUTINE = 0x0080,
    GP_CODE_ITERABLE_COROUTINE = 0x0100,
    GP_CODE_ASYNC_GENERATOR = 0x0200,
    /* gilpy-specific: consts[0] is the docstring. */
    GP_CODE_HAS_DOCSTRING = 0x10000,
    /* gilpy-specific: a class body that defines __class__ (zero-arg super). */
    GP_CODE_CLASS_BODY = 0x20000,
    /* gilpy-specific, set by gp_code_new: plain positional parameters only,
       no cells, no free variables, not a generator: calls with exactly
       argcount positional arguments can move them straight into the frame. */
    GP_CODE_FAST_ARGS = 0x40000,
    /* CPython's CO_FUTURE_ANNOTATIONS (compile.h's GP_CO_FUTURE_ANNOTATIONS):
       compiled under `from __future__ import annotations`, which compile(),
       exec() and eval() called from this code pass on. */
    GP_CODE_FUTURE_ANNOTATIONS = 0x1000000,
};

#define GP_CODE_GENERATOR_FLAGS (GP_CODE_GENERATOR | GP_CODE_COROUTINE | GP_CODE_ASYNC_GENERATOR)

/* Kinds of what an inline cache remembers. */
enum {
    GP_CACHE_EMPTY = 0,
    GP_CACHE_GLOBAL_INDEX,   /* LOAD_GLOBAL: entry globals_version of globals holds the name */
    GP_CACHE_GLOBAL_BUILTIN, /* LOAD_GLOBAL: absent from globals (dict [type], version
                                type_version); entry builtins_version of builtins */
    GP_CACHE_ATTR_INSTANCE,  /* LOAD_ATTR: no data descriptor on the type; try the instance dict */
    GP_CACHE_ATTR_CLASS,     /* LOAD_ATTR: plain class attribute [value], not shadowed */
    GP_CACHE_METHOD,         /* LOAD_METHOD: function [value] found on the type */
    GP_CACHE_METHOD_NODICT,  /* LOAD_METHOD: as above, the instance has no __dict__ */
    GP_CACHE_STORE_INSTANCE, /* STORE_ATTR: plain instance dict store is correct */
    GP_CACHE_ATTR_SLOT,      /* LOAD_ATTR: a __slots__ member; its field is at byte [hint] */
    GP_CACHE_STORE_SLOT,     /* STORE_ATTR: a __slots__ member; its field is at byte [hint] */
};

/* One inline cache: a site that looks a name up (globals or attributes). */
typedef struct gp_code_cache {
    gp_object_t *name; /* borrowed from names: the attribute or global name */
    uint8_t kind;
    uint32_t type_version; /* attribute caches: the type's version when filled */
    gp_type_t *type;       /* attribute caches: the type it was filled for */
    gp_object_t *value;    /* borrowed: kept alive by the type's dict while the version holds */
    uint64_t globals_version, builtins_version;
    intptr_t hint; /* attribute caches: the name's last entry index in an instance dict,
                      or the byte offset of a slot's field */
} gp_code_cache_t;

/* A source range, as CPython's co_positions(): 1-based lines, 0-based
   columns in UTF-8 bytes; 0 where unknown. */
typedef struct gp_code_pos {
    int32_t lineno, end_lineno, col, end_col;
} gp_code_pos_t;

/* The range shared by instructions [first, next run's first). */
typedef struct gp_code_pos_run {
    uint32_t first;
    gp_code_pos_t pos;
} gp_code_pos_run_t;

typedef struct gp_code {
    gp_object_t base;
    gp_instr_t *instrs;
    uint32_t ninstrs;
    uint32_t flags;
    gp_object_t *consts; /* tuple */
    gp_object_t *names;  /* tuple of interned str */
    /* Names of the localsplus slots: locals, then cells, then frees. */
    gp_object_t *localsplusnames; /* tuple of str */
    int nlocals, ncells, nfrees, nlocalsplus;
    /* For each cell (0..ncells-1): the local slot of the parameter it
       captures, or -1. NULL when no parameter is a cell. */
    int *cell_args;
    int argcount, posonlyargcount, kwonlyargcount;
    int stacksize;
    int maxblocks; /* deepest nesting of handler blocks */
    /* Bytes a frame for this code takes on the frame stack (gp_frame_size
       rounded up to 16), computed once so a call does not redo it. */
    uint32_t framesize;
    gp_object_t *filename, *name, *qualname;
    int firstlineno;
    /* Line table: pairs (first instruction, line), ascending. */
    uint32_t *linetable;
    uint32_t nlinetable;
    /* Position runs, ascending by first instruction (tracebacks' carets). */
    gp_code_pos_run_t *positions;
    uint32_t npositions;
    gp_code_cache_t *caches;
    uint32_t ncaches;
    /* Precomputed hashes of names, for dict lookups without rehashing. */
    intptr_t *name_hashes;
} gp_code_t;

/* Everything gp_code_new() needs. The arrays are copied; objects are borrowed. */
typedef struct gp_code_spec {
    const gp_instr_t *instrs;
    uint32_t ninstrs;
    uint32_t flags;
    gp_object_t *consts, *names, *localsplusnames;
    int nlocals, ncells, nfrees;
    const int *cell_args; /* ncells entries or NULL */
    int argcount, posonlyargcount, kwonlyargcount;
    int stacksize, maxblocks;
    gp_object_t *filename, *name, *qualname;
    int firstlineno;
    const uint32_t *linetable;
    uint32_t nlinetable;
    const gp_code_pos_run_t *positions; /* may be NULL */
    uint32_t npositions;
    /* names index of each cache; ncaches entries. */
    const uint32_t *cache_names;
    uint32_t ncaches;
} gp_code_spec_t;

/* Creates a code object from [spec]. NULL with MemoryError on failure. */
gp_object_t *gp_code_new(const gp_code_spec_t *spec);

/* The source line of instruction [index] (its position in instrs). */
int gp_code_line_of(gp_code_t *code, uint32_t index);

/* The source range of instruction [index]; all zero when unknown. */
gp_code_pos_t gp_code_pos_of(gp_code_t *code, uint32_t index);

/* Returns a str with a dis-like listing of [code] and its nested code objects:
   one line per instruction ("  3      4 LOAD_FAST                0 (x)"). */
gp_object_t *gp_code_disassemble(gp_object_t *code);

/* The name of local slot [index] (borrowed). */
static inline gp_object_t *gp_code_slot_name(gp_code_t *code, int index)
{
    return GP_TUPLE_GET(code->localsplusnames, index);
}

#endif /* GP_VM_CODE_H */
