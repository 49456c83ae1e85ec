/*
 * code.c - code objects, their line table and the disassembler.
 *
 * Design notes
 * ------------
 * A code object is created once by the compiler and then only read, so it
 * keeps everything in flat C arrays: the instruction words, the line table
 * (pairs of first-instruction and line, searched by bisection only when a
 * traceback or f_lineno needs a line) and the inline caches. The names of
 * the cache sites are resolved to borrowed str pointers at creation so the
 * eval loop never indexes the names tuple on its fast paths.
 *
 * Code objects hold no references to functions or frames, so they cannot be
 * part of a cycle and are not GC-tracked.
 *
 * At creation the instruction words get one rewriting pass, code_fuse():
 * a LOAD_FAST that starts a common sequence becomes a superinstruction
 * (opcodes.h explains why this is safe in place). The pass only changes
 * opcodes of LOAD_FAST words, so the words it looks ahead at are never
 * themselves changed into something the fused handlers do not expect.
 */
#include <inttypes.h>
#include <string.h>

#include "vm/code.h"
#include "vm/frame.h"

static const char *const opcode_names[] = {
#define GP_OPCODE_NAME(name, meaning) #name,
    GP_OPCODE_LIST(GP_OPCODE_NAME)
#undef GP_OPCODE_NAME
};

static const char *const opcode_meanings[] = {
#define GP_OPCODE_MEANING(name, meaning) meaning,
    GP_OPCODE_LIST(GP_OPCODE_MEANING)
#undef GP_OPCODE_MEANING
};

const char *gp_opcode_name(int op)
{
    if (op < 0 || op >= GP_OP_COUNT)
        return "<bad opcode>";
    return opcode_names[op];
}

const char *gp_opcode_meaning(int op)
{
    if (op < 0 || op >= GP_OP_COUNT)
        return "";
    return opcode_meanings[op];
}

/* The opcode a superinstruction was written over (LOAD_FAST), else [op]:
   what the disassembler shows. */
static int opcode_unfused(int op)
{
    switch (op) {
    case GP_OP_LOAD_FAST_LOAD_CONST:
    case GP_OP_LOAD_FAST_LOAD_FAST:
    case GP_OP_LOAD_FAST_CONST_BINOP:
    case GP_OP_LOAD_FAST_CONST_BINOP_STORE:
    case GP_OP_LOAD_FAST_CONST_COMPARE_JUMP:
    case GP_OP_LOAD_FAST_FAST_COMPARE_JUMP:
    case GP_OP_LOAD_FAST_RETURN:
        return GP_OP_LOAD_FAST;
    default:
        return op;
    }
}

static bool binop_is_add_or_sub(uint32_t arg)
{
    uint32_t op = arg & ~(uint32_t)GP_BINOP_INPLACE;
    return op == GP_BINOP_ADD || op == GP_BINOP_SUB;
}

/* The superinstruction for the LOAD_FAST at [i], or LOAD_FAST itself. */
static int code_fused_opcode(const gp_code_t *code, uint32_t i)
{
    const gp_instr_t *in = code->instrs;
    uint32_t left = code->ninstrs - i - 1; /* words after the LOAD_FAST */
    if (left == 0)
        return GP_OP_LOAD_FAST;
    int next = (int)GP_INSTR_OP(in[i + 1]);
    int third = left >= 2 ? (int)GP_INSTR_OP(in[i + 2]) : -1;
    int fourth = left >= 3 ? (int)GP_INSTR_OP(in[i + 3]) : -1;
    bool compare_jump = third == GP_OP_COMPARE_JUMP_IF_FALSE || third == GP_OP_COMPARE_JUMP_IF_TRUE;
    switch (next) {
    case GP_OP_LOAD_CONST: {
        if (GP_INSTR_ARG(in[i + 1]) >= (uint32_t)GP_TUPLE_SIZE(code->consts))
            return GP_OP_LOAD_FAST;
        gp_object_t *c = GP_TUPLE_GET(code->consts, GP_INSTR_ARG(in[i + 1]));
        if (GP_IS_SMALL(c) && third == GP_OP_BINARY_OP && binop_is_add_or_sub(GP_INSTR_ARG(in[i + 2])))
            return fourth == GP_OP_STORE_FAST ? GP_OP_LOAD_FAST_CONST_BINOP_STORE
                                              : GP_OP_LOAD_FAST_CONST_BINOP;
        if (GP_IS_SMALL(c) && compare_jump)
            return GP_OP_LOAD_FAST_CONST_COMPARE_JUMP;
        return GP_OP_LOAD_FAST_LOAD_CONST;
    }
    case GP_OP_LOAD_FAST:
        return compare_jump ? GP_OP_LOAD_FAST_FAST_COMPARE_JUMP : GP_OP_LOAD_FAST_LOAD_FAST;
    case GP_OP_RETURN_VALUE:
        return GP_OP_LOAD_FAST_RETURN;
    default:
        return GP_OP_LOAD_FAST;
    }
}

static void code_fuse(gp_code_t *code)
{
    for (uint32_t i = 0; i < code->ninstrs; i++) {
        gp_instr_t w = code->instrs[i];
        if (GP_INSTR_OP(w) == GP_OP_LOAD_FAST)
            code->instrs[i] = GP_INSTR(code_fused_opcode(code, i), GP_INSTR_ARG(w));
    }
}

/* Copies [count] items of [size] bytes, or returns NULL for an empty array. */
static void *code_copy_array(const void *src, size_t count, size_t size, bool *failed)
{
    if (count == 0 || src == NULL)
        return NULL;
    void *dst = gp_mem_alloc(count * size);
    if (!dst) {
        *failed = true;
        return NULL;
    }
    memcpy(dst, src, count * size);
    return dst;
}

gp_object_t *gp_code_new(const gp_code_spec_t *spec)
{
    gp_code_t *code = (gp_code_t *)gp_object_alloc(&gp_code_type, 0);
    if (!code)
        return NULL;
    bool failed = false;
    code->instrs = code_copy_array(spec->instrs, spec->ninstrs, sizeof(gp_instr_t), &failed);
    code->ninstrs = spec->ninstrs;
    code->flags = spec->flags & ~(uint32_t)GP_CODE_FAST_ARGS;
    if (!(spec->flags & (GP_CODE_VARARGS | GP_CODE_VARKEYWORDS | GP_CODE_GENERATOR_FLAGS)) &&
        spec->kwonlyargcount == 0 && spec->ncells == 0 && spec->nfrees == 0)
        code->flags |= GP_CODE_FAST_ARGS;
    code->consts = GP_INCREF(spec->consts);
    code->names = GP_INCREF(spec->names);
    code->localsplusnames = GP_INCREF(spec->localsplusnames);
    code->nlocals = spec->nlocals;
    code->ncells = spec->ncells;
    code->nfrees = spec->nfrees;
    code->nlocalsplus = spec->nlocals + spec->ncells + spec->nfrees;
    code->cell_args = code_copy_array(spec->cell_args, (size_t)spec->ncells, sizeof(int), &failed);
    code->argcount = spec->argcount;
    code->posonlyargcount = spec->posonlyargcount;
    code->kwonlyargcount = spec->kwonlyargcount;
    code->stacksize = spec->stacksize;
    code->maxblocks = spec->maxblocks;
    code->framesize = (uint32_t)((gp_frame_size(code) + 15) & ~(size_t)15);
    code->filename = GP_INCREF(spec->filename);
    code->name = GP_INCREF(spec->name);
    code->qualname = GP_INCREF(spec->qualname);
    code->firstlineno = spec->firstlineno;
    code->linetable =
        code_copy_array(spec->linetable, (size_t)spec->nlinetable * 2, sizeof(uint32_t), &failed);
    code->nlinetable = spec->nlinetable;
    if (spec->positions && spec->npositions) {
        code->positions = code_copy_array(spec->positions, spec->npositions,
                                          sizeof(gp_code_pos_run_t), &failed);
        code->npositions = spec->npositions;
    }
    size_t nnames = (size_t)GP_TUPLE_SIZE(spec->names);
    if (nnames) {
        code->name_hashes = gp_mem_alloc(nnames * sizeof(intptr_t));
        if (!code->name_hashes)
            failed = true;
        else
            for (size_t i = 0; i < nnames; i++)
                code->name_hashes[i] = gp_str_hash(GP_TUPLE_GET(spec->names, i));
    }
    if (spec->ncaches) {
        code->caches = gp_mem_calloc(spec->ncaches, sizeof(gp_code_cache_t));
        if (!code->caches)
            failed = true;
        else
            for (uint32_t i = 0; i < spec->ncaches; i++)
                code->caches[i].name = GP_TUPLE_GET(spec->names, spec->cache_names[i]);
        code->ncaches = spec->ncaches;
    }
    if (failed) {
        GP_DECREF((gp_object_t *)code);
        gp_err_no_memory();
        return NULL;
    }
    code_fuse(code);
    return (gp_object_t *)code;
}

static void code_dealloc(gp_object_t *self)
{
    gp_code_t *code = (gp_code_t *)self;
    gp_mem_free(code->instrs);
    GP_XDECREF(code->consts);
    GP_XDECREF(code->names);
    GP_XDECREF(code->localsplusnames);
    gp_mem_free(code->cell_args);
    GP_XDECREF(code->filename);
    GP_XDECREF(code->name);
    GP_XDECREF(code->qualname);
    gp_mem_free(code->linetable);
    gp_mem_free(code->positions);
    gp_mem_free(code->caches);
    gp_mem_free(code->name_hashes);
    gp_object_free(self);
}

int gp_code_line_of(gp_code_t *code, uint32_t index)
{
    if (code->nlinetable == 0)
        return code->firstlineno;
    /* Find the last pair whose first instruction is <= index. */
    uint32_t lo = 0, hi = code->nlinetable;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (code->linetable[2 * mid] <= index)
            lo = mid;
        else
            hi = mid;
    }
    return (int)code->linetable[2 * lo + 1];
}

gp_code_pos_t gp_code_pos_of(gp_code_t *code, uint32_t index)
{
    gp_code_pos_t none = {0, 0, 0, 0};
    if (code->npositions == 0 || code->positions[0].first > index)
        return none;
    uint32_t lo = 0, hi = code->npositions;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (code->positions[mid].first <= index)
            lo = mid;
        else
            hi = mid;
    }
    return code->positions[lo].pos;
}

static gp_object_t *code_repr(gp_object_t *self)
{
    gp_code_t *code = (gp_code_t *)self;
    return gp_str_from_format("<code object %U at %p, file \"%U\", line %d>", code->name,
                              (void *)self, code->filename, code->firstlineno);
}

/* ------------------------------------------------------------------ */
/* Disassembler                                                         */
/* ------------------------------------------------------------------ */

/* Appends the "(meaning)" column of one instruction, if it has one. */
static void code_describe_arg(gp_strbuf_t *b, gp_code_t *code, int op, uint32_t arg)
{
    gp_object_t *o = NULL;
    switch (op) {
    case GP_OP_LOAD_CONST:
        if (arg < (uint32_t)GP_TUPLE_SIZE(code->consts))
            o = gp_object_repr(GP_TUPLE_GET(code->consts, arg));
        break;
    case GP_OP_LOAD_FAST:
    case GP_OP_STORE_FAST:
    case GP_OP_DELETE_FAST:
    case GP_OP_LOAD_DEREF:
    case GP_OP_STORE_DEREF:
    case GP_OP_DELETE_DEREF:
    case GP_OP_LOAD_CLOSURE:
    case GP_OP_LOAD_CLASSDEREF:
        if (arg < (uint32_t)code->nlocalsplus)
            o = GP_INCREF(gp_code_slot_name(code, (int)arg));
        break;
    case GP_OP_LOAD_NAME:
    case GP_OP_STORE_NAME:
    case GP_OP_DELETE_NAME:
    case GP_OP_STORE_GLOBAL:
    case GP_OP_DELETE_GLOBAL:
    case GP_OP_DELETE_ATTR:
    case GP_OP_IMPORT_NAME:
    case GP_OP_IMPORT_FROM:
        if (arg < (uint32_t)GP_TUPLE_SIZE(code->names))
            o = GP_INCREF(GP_TUPLE_GET(code->names, arg));
        break;
    case GP_OP_LOAD_GLOBAL:
    case GP_OP_LOAD_ATTR:
    case GP_OP_STORE_ATTR:
    case GP_OP_LOAD_METHOD:
        if (arg < code->ncaches)
            o = GP_INCREF(code->caches[arg].name);
        break;
    case GP_OP_COMPARE_OP: {
        static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
        if (arg < 6)
            gp_strbuf_printf(b, " (%s)", cmp[arg]);
        return;
    }
    case GP_OP_COMPARE_JUMP_IF_FALSE:
    case GP_OP_COMPARE_JUMP_IF_TRUE: {
        static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">=", "?", "?"};
        gp_strbuf_printf(b, " (%s, to %u)", cmp[arg & 7], (unsigned)(arg >> 3));
        return;
    }
    case GP_OP_JUMP:
    case GP_OP_JUMP_BACKWARD:
    case GP_OP_POP_JUMP_IF_FALSE:
    case GP_OP_POP_JUMP_IF_TRUE:
    case GP_OP_JUMP_IF_FALSE_OR_POP:
    case GP_OP_JUMP_IF_TRUE_OR_POP:
    case GP_OP_FOR_ITER:
    case GP_OP_SETUP_FINALLY:
    case GP_OP_JUMP_IF_NOT_EXC_MATCH:
        gp_strbuf_printf(b, " (to %u)", (unsigned)arg);
        return;
    default:
        return;
    }
    if (!o) {
        gp_err_clear();
        return;
    }
    gp_strbuf_append_cstr(b, " (");
    if (gp_str_check(o))
        gp_strbuf_append_str(b, o);
    gp_strbuf_append_cstr(b, ")");
    GP_DECREF(o);
}

/* Whether [op] takes an argument worth printing. */
static bool code_op_has_arg(int op)
{
    switch (op) {
    case GP_OP_NOP:
    case GP_OP_POP_TOP:
    case GP_OP_UNARY_NEGATIVE:
    case GP_OP_UNARY_POSITIVE:
    case GP_OP_UNARY_INVERT:
    case GP_OP_UNARY_NOT:
    case GP_OP_BINARY_SUBSCR:
    case GP_OP_STORE_SUBSCR:
    case GP_OP_DELETE_SUBSCR:
    case GP_OP_LIST_TO_TUPLE:
    case GP_OP_GET_ITER:
    case GP_OP_LOAD_BUILD_CLASS:
    case GP_OP_RETURN_VALUE:
    case GP_OP_YIELD_VALUE:
    case GP_OP_YIELD_FROM:
    case GP_OP_GET_YIELD_FROM_ITER:
    case GP_OP_GET_AWAITABLE:
    case GP_OP_GET_AITER:
    case GP_OP_GET_ANEXT:
    case GP_OP_END_ASYNC_FOR:
    case GP_OP_POP_BLOCK:
    case GP_OP_POP_EXCEPT:
    case GP_OP_RERAISE:
    case GP_OP_PUSH_EXC_INFO:
    case GP_OP_CHECK_EG_MATCH:
    case GP_OP_PREP_RERAISE_STAR:
    case GP_OP_LOAD_ASSERTION_ERROR:
    case GP_OP_BEFORE_WITH:
    case GP_OP_BEFORE_ASYNC_WITH:
    case GP_OP_WITH_EXIT:
    case GP_OP_WITH_EXCEPT_START:
    case GP_OP_IMPORT_STAR:
    case GP_OP_SETUP_ANNOTATIONS:
    case GP_OP_PRINT_EXPR:
    case GP_OP_LOAD_LOCALS:
        return false;
    default:
        return true;
    }
}

static void code_disassemble_into(gp_strbuf_t *b, gp_code_t *code, int depth)
{
    if (depth > 0)
        gp_strbuf_printf(b, "\nDisassembly of <code object %s at %p, file \"%s\", line %d>:\n",
                         gp_str_utf8(code->name), (void *)code, gp_str_utf8(code->filename),
                         code->firstlineno);
    int last_line = -1;
    for (uint32_t i = 0; i < code->ninstrs; i++) {
        gp_instr_t w = code->instrs[i];
        int op = opcode_unfused((int)GP_INSTR_OP(w));
        uint32_t arg = GP_INSTR_ARG(w);
        int line = gp_code_line_of(code, i);
        if (line != last_line) {
            if (i > 0)
                gp_strbuf_append_char(b, '\n');
            gp_strbuf_printf(b, "%3d ", line);
            last_line = line;
        } else {
            gp_strbuf_append_cstr(b, "    ");
        }
        gp_strbuf_printf(b, "%6u %-24s", (unsigned)i, gp_opcode_name(op));
        if (code_op_has_arg(op)) {
            gp_strbuf_printf(b, " %u", (unsigned)arg);
            code_describe_arg(b, code, op, arg);
        }
        gp_strbuf_append_char(b, '\n');
    }
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(code->consts); i++) {
        gp_object_t *c = GP_TUPLE_GET(code->consts, i);
        if (GP_IS_TYPE(c, gp_code_type))
            code_disassemble_into(b, (gp_code_t *)c, depth + 1);
    }
}

gp_object_t *gp_code_disassemble(gp_object_t *code)
{
    if (!GP_IS_TYPE(code, gp_code_type)) {
        gp_err_format(&gp_exc_TypeError, "expected a code object, got '%T'", code);
        return NULL;
    }
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    code_disassemble_into(&b, (gp_code_t *)code, 0);
    return gp_strbuf_finish(&b);
}

/* ------------------------------------------------------------------ */
/* Attributes                                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *code_slice_names(gp_code_t *code, int start, int count)
{
    return gp_tuple_from_array(GP_TUPLE_ITEMS(code->localsplusnames) + start, (size_t)count);
}

static gp_object_t *code_get_field(gp_object_t *self, void *closure)
{
    gp_code_t *code = (gp_code_t *)self;
    switch ((int)(intptr_t)closure) {
    case 0:
        return GP_INCREF(code->name);
    case 1:
        return GP_INCREF(code->qualname);
    case 2:
        return GP_INCREF(code->filename);
    case 3:
        return gp_int_from_i64(code->firstlineno);
    case 4:
        return gp_int_from_i64(code->argcount);
    case 5:
        return gp_int_from_i64(code->posonlyargcount);
    case 6:
        return gp_int_from_i64(code->kwonlyargcount);
    case 7:
        return gp_int_from_i64(code->nlocals);
    case 8:
        return code_slice_names(code, 0, code->nlocals);
    case 9:
        return code_slice_names(code, code->nlocals, code->ncells);
    case 10:
        return code_slice_names(code, code->nlocals + code->ncells, code->nfrees);
    case 11:
        return GP_INCREF(code->consts);
    case 12:
        return GP_INCREF(code->names);
    case 13:
        return gp_int_from_i64(code->flags & (0xffff | GP_CODE_FUTURE_ANNOTATIONS));
    case 14:
        return gp_bytes_new(code->instrs, code->ninstrs * sizeof(gp_instr_t));
    case 15:
        return gp_int_from_i64(code->stacksize);
    default:
        return gp_none_new();
    }
}

/* One position value of co_positions(): None where it is unknown. */
static gp_object_t *code_position_value(int32_t v, bool known)
{
    return known ? gp_int_from_i64(v) : gp_none_new();
}

/* co_positions(): a (lineno, end_lineno, col, end_col) tuple per
   instruction, as CPython's, so that tb_lasti // 2 indexes it. */
static gp_object_t *code_co_positions(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    (void)args;
    if (gp_args_check("co_positions", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_code_t *code = (gp_code_t *)self;
    gp_object_t *list = gp_list_new(0);
    for (uint32_t i = 0; list && i < code->ninstrs; i++) {
        gp_code_pos_t pos = gp_code_pos_of(code, i);
        bool known = pos.lineno > 0;
        gp_object_t *v[4] = {
            code_position_value(pos.lineno, known),
            code_position_value(pos.end_lineno, known),
            code_position_value(pos.col, known && pos.col >= 0),
            code_position_value(pos.end_col, known && pos.end_col >= 0),
        };
        gp_object_t *t = v[0] && v[1] && v[2] && v[3] ? gp_tuple_from_array(v, 4) : NULL;
        for (int k = 0; k < 4; k++)
            GP_XDECREF(v[k]);
        if (!t || gp_list_append(list, t) < 0) {
            GP_XDECREF(t);
            GP_CLEAR(list);
            break;
        }
        GP_DECREF(t);
    }
    if (!list)
        return NULL;
    gp_object_t *it = gp_object_iter(list);
    GP_DECREF(list);
    return it;
}

/* Reads an int keyword for replace(); -1 with TypeError when [v] is not one. */
static int code_replace_int(const char *name, gp_object_t *v, int64_t *out)
{
    if (!gp_int_check(v)) {
        gp_err_format(&gp_exc_TypeError, "replace() argument '%s' must be int, not %T", name, v);
        return -1;
    }
    *out = gp_int_as_i64(v);
    return (*out == -1 && gp_err_occurred()) ? -1 : 0;
}

/* code.replace(**changes): a copy with some header fields changed. Only the
   fields that leave the bytecode valid as it stands are accepted (flags,
   names, file and first line); changing co_code, co_consts or the variable
   tables would need the compiler's cross-checks, so those keywords are
   rejected rather than half-applied. types.coroutine() is the main caller:
   it sets CO_ITERABLE_COROUTINE on a generator function's code. */
static gp_object_t *code_replace(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"$co_flags", "$co_name", "$co_qualname",
                                        "$co_filename", "$co_firstlineno", NULL};
    gp_object_t *given[5];
    if (gp_args_parse("replace", args, nargs, kwnames, names, 0, given) < 0)
        return NULL;
    gp_code_t *code = (gp_code_t *)self;
    int64_t flags = code->flags & ~(uint32_t)GP_CODE_FAST_ARGS;
    int64_t firstlineno = code->firstlineno;
    if (given[0] && code_replace_int("co_flags", given[0], &flags) < 0)
        return NULL;
    if (given[4] && code_replace_int("co_firstlineno", given[4], &firstlineno) < 0)
        return NULL;
    for (int k = 1; k <= 3; k++) {
        if (given[k] && !gp_str_check(given[k])) {
            gp_err_format(&gp_exc_TypeError, "replace() argument '%s' must be str, not %T",
                          names[k] + 1, given[k]);
            return NULL;
        }
    }
    /* The caches refer to names by pointer; turn them back into indices. */
    uint32_t *cache_names = NULL;
    if (code->ncaches) {
        cache_names = gp_mem_alloc(code->ncaches * sizeof(uint32_t));
        if (!cache_names) {
            gp_err_no_memory();
            return NULL;
        }
        for (uint32_t i = 0; i < code->ncaches; i++) {
            uint32_t j = 0;
            while ((intptr_t)j < GP_TUPLE_SIZE(code->names) &&
                   GP_TUPLE_GET(code->names, j) != code->caches[i].name)
                j++;
            cache_names[i] = j;
        }
    }
    gp_code_spec_t spec = {
        .instrs = code->instrs,
        .ninstrs = code->ninstrs,
        .flags = (uint32_t)flags,
        .consts = code->consts,
        .names = code->names,
        .localsplusnames = code->localsplusnames,
        .nlocals = code->nlocals,
        .ncells = code->ncells,
        .nfrees = code->nfrees,
        .cell_args = code->cell_args,
        .argcount = code->argcount,
        .posonlyargcount = code->posonlyargcount,
        .kwonlyargcount = code->kwonlyargcount,
        .stacksize = code->stacksize,
        .maxblocks = code->maxblocks,
        .filename = given[3] ? given[3] : code->filename,
        .name = given[1] ? given[1] : code->name,
        .qualname = given[2] ? given[2] : code->qualname,
        .firstlineno = (int)firstlineno,
        .linetable = code->linetable,
        .nlinetable = code->nlinetable,
        .positions = code->positions,
        .npositions = code->npositions,
        .cache_names = cache_names,
        .ncaches = code->ncaches,
    };
    gp_object_t *copy = gp_code_new(&spec);
    gp_mem_free(cache_names);
    return copy;
}

static const gp_method_def_t code_methods[] = {
    {"co_positions", code_co_positions, 0, NULL},
    {"replace", code_replace, GP_METH_KEYWORDS, "replace(**changes): this code with the named header fields changed"},
    {NULL, NULL, 0, NULL},
};

#define CODE_FIELD(name, n) {name, code_get_field, NULL, (void *)(intptr_t)(n), NULL}
static const gp_getset_def_t code_getsets[] = {
    CODE_FIELD("co_name", 0),
    CODE_FIELD("co_qualname", 1),
    CODE_FIELD("co_filename", 2),
    CODE_FIELD("co_firstlineno", 3),
    CODE_FIELD("co_argcount", 4),
    CODE_FIELD("co_posonlyargcount", 5),
    CODE_FIELD("co_kwonlyargcount", 6),
    CODE_FIELD("co_nlocals", 7),
    CODE_FIELD("co_varnames", 8),
    CODE_FIELD("co_cellvars", 9),
    CODE_FIELD("co_freevars", 10),
    CODE_FIELD("co_consts", 11),
    CODE_FIELD("co_names", 12),
    CODE_FIELD("co_flags", 13),
    CODE_FIELD("co_code", 14),
    CODE_FIELD("co_stacksize", 15),
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_code_type = {
    GP_TYPE_HEAD_INIT,
    .name = "code",
    .basicsize = sizeof(gp_code_t),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .getsets = code_getsets,
    .methods = code_methods,
    .doc = "Create a code object.  Not for the faint of heart.",
};
