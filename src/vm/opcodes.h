/*
 * opcodes.h - the instruction set of gilpy's virtual machine.
 *
 * Design notes
 * ------------
 * An instruction is one 32-bit word: the low 8 bits are the opcode, the
 * upper 24 bits its argument (GP_INSTR_OP / GP_INSTR_ARG). 24 bits cover
 * every index a real program needs, so there is no EXTENDED_ARG and the
 * loop decodes each instruction with one load, a mask and a shift.
 *
 * Jump arguments are absolute instruction indices. The fused
 * compare-and-branch instructions pack the comparison into the low 3 bits
 * and the target into the remaining 21 (2 million instructions per code
 * object, which the compiler checks).
 *
 * Superinstructions. When a code object is created, code.c rewrites the
 * opcode of a LOAD_FAST that starts a common sequence (`n - 1`, `i += 1`,
 * `if n < 2:`, `while i < n:`, `return x`) into one fused opcode, and
 * leaves everything else alone: the argument stays the LOAD_FAST's, and
 * the following words stay the original instructions, which the fused
 * handler reads as its operands and skips. So a jump into the middle of a
 * sequence still runs the original instructions, and whenever the fused
 * fast path does not apply (an operand is not a small int, a local is
 * unbound) the handler simply runs the LOAD_FAST and lets the next word
 * execute as usual. The disassembler shows the original LOAD_FAST.
 *
 * The list below is an X-macro: GP_OPCODE_LIST(X) calls X(name, meaning)
 * once per opcode. It generates the enum, the name table and the
 * disassembler, so each opcode's one-line meaning lives in exactly one
 * place. "TOS" is the top of the value stack, "TOS1" the item below it.
 */
#ifndef GP_VM_OPCODES_H
#define GP_VM_OPCODES_H

#include <stdint.h>

#define GP_OPCODE_LIST(X)                                                                         \
    X(NOP, "do nothing")                                                                           \
    X(POP_TOP, "discard TOS")                                                                      \
    X(COPY, "push a new reference to the item arg places down (1 = TOS)")                          \
    X(SWAP, "exchange TOS with the item arg places down (2 = TOS1)")                               \
    X(ROT_N, "move TOS down to position arg, lifting the arg-1 items above it")                    \
    X(LOAD_CONST, "push consts[arg]")                                                              \
    X(LOAD_FAST, "push local slot arg; UnboundLocalError if empty")                                \
    X(STORE_FAST, "pop TOS into local slot arg")                                                   \
    X(DELETE_FAST, "empty local slot arg; UnboundLocalError if already empty")                     \
    X(LOAD_DEREF, "push the contents of cell slot arg")                                            \
    X(STORE_DEREF, "pop TOS into cell slot arg")                                                   \
    X(DELETE_DEREF, "empty cell slot arg")                                                         \
    X(LOAD_CLOSURE, "push the cell object of slot arg (for MAKE_FUNCTION)")                        \
    X(LOAD_CLASSDEREF, "class body: locals dict first, then cell slot arg")                        \
    X(LOAD_NAME, "push names[arg] from locals, then globals, then builtins")                       \
    X(STORE_NAME, "pop TOS into locals[names[arg]]")                                               \
    X(DELETE_NAME, "delete locals[names[arg]]")                                                    \
    X(LOAD_GLOBAL, "push the global or builtin named by cache arg")                                \
    X(STORE_GLOBAL, "pop TOS into globals[names[arg]]")                                            \
    X(DELETE_GLOBAL, "delete globals[names[arg]]")                                                 \
    X(LOAD_ATTR, "replace TOS by its attribute named by cache arg")                                \
    X(STORE_ATTR, "TOS.name = TOS1 (name from cache arg); pop both")                               \
    X(DELETE_ATTR, "del TOS.names[arg]; pop it")                                                   \
    X(LOAD_METHOD, "replace TOS by [method, self] or [attribute, NULL] (cache arg)")              \
    X(BINARY_OP, "TOS1 op TOS, op = gp_binop_t arg (may carry GP_BINOP_INPLACE)")                  \
    X(UNARY_NEGATIVE, "-TOS")                                                                      \
    X(UNARY_POSITIVE, "+TOS")                                                                      \
    X(UNARY_INVERT, "~TOS")                                                                        \
    X(UNARY_NOT, "not TOS")                                                                        \
    X(COMPARE_OP, "TOS1 cmp TOS, cmp = gp_cmpop_t arg")                                            \
    X(IS_OP, "TOS1 is TOS (is not when arg is 1)")                                                 \
    X(CONTAINS_OP, "TOS1 in TOS (not in when arg is 1)")                                           \
    X(COMPARE_JUMP_IF_FALSE, "pop TOS1 cmp TOS; jump to arg>>3 unless true (cmp = arg&7)")         \
    X(COMPARE_JUMP_IF_TRUE, "pop TOS1 cmp TOS; jump to arg>>3 if true (cmp = arg&7)")              \
    X(BINARY_SUBSCR, "TOS1[TOS]")                                                                  \
    X(STORE_SUBSCR, "TOS1[TOS] = TOS2; pop all three")                                             \
    X(DELETE_SUBSCR, "del TOS1[TOS]; pop both")                                                    \
    X(BUILD_SLICE, "slice of the top arg (2 or 3) items")                                          \
    X(BUILD_TUPLE, "tuple of the top arg items")                                                   \
    X(BUILD_LIST, "list of the top arg items")                                                     \
    X(BUILD_SET, "set of the top arg items")                                                       \
    X(BUILD_MAP, "dict of the top 2*arg items (key, value pairs)")                                 \
    X(BUILD_STRING, "concatenate the top arg str items")                                           \
    X(LIST_APPEND, "append TOS to the list arg places down; pop TOS")                              \
    X(SET_ADD, "add TOS to the set arg places down; pop TOS")                                      \
    X(MAP_ADD, "store TOS1: TOS in the dict arg places down; pop both")                            \
    X(LIST_EXTEND, "extend the list arg places down by iterable TOS; pop TOS")                     \
    X(SET_UPDATE, "update the set arg places down by iterable TOS; pop TOS")                       \
    X(DICT_UPDATE, "update the dict arg places down by mapping TOS; pop TOS")                      \
    X(DICT_MERGE, "like DICT_UPDATE but for **kwargs: duplicate keys are an error")                \
    X(LIST_TO_TUPLE, "replace the list TOS by a tuple")                                            \
    X(UNPACK_SEQUENCE, "replace TOS by its arg items, first item on top")                          \
    X(UNPACK_EX, "starred unpack: arg&0xff items before the star, arg>>8 after")                   \
    X(FORMAT_VALUE, "f-string field: conversion arg&3 (s r a), spec on TOS when arg&4")            \
    X(JUMP, "jump to arg")                                                                         \
    X(JUMP_BACKWARD, "jump to arg (a loop edge: checks the eval breaker)")                         \
    X(POP_JUMP_IF_FALSE, "pop TOS; jump to arg if false")                                          \
    X(POP_JUMP_IF_TRUE, "pop TOS; jump to arg if true")                                            \
    X(JUMP_IF_FALSE_OR_POP, "if TOS is false jump to arg keeping it, else pop it")                 \
    X(JUMP_IF_TRUE_OR_POP, "if TOS is true jump to arg keeping it, else pop it")                   \
    X(GET_ITER, "replace TOS by iter(TOS)")                                                        \
    X(FOR_ITER, "push next(TOS); when exhausted pop TOS and jump to arg")                          \
    X(CALL, "call the callable under arg positional arguments")                                    \
    X(CALL_KW, "call with arg arguments whose last ones are named by the tuple TOS")               \
    X(CALL_METHOD, "call [method, self|NULL] with arg arguments")                                  \
    X(CALL_METHOD_KW, "CALL_METHOD with a kwnames tuple on top")                                   \
    X(CALL_EX, "callable(*TOS1, **TOS) when arg is 1, callable(*TOS) when 0")                      \
    X(MAKE_FUNCTION, "function from code TOS1, qualname TOS and arg flags' extras")                \
    X(LOAD_BUILD_CLASS, "push builtins.__build_class__")                                           \
    X(RETURN_VALUE, "return TOS from the frame")                                                   \
    X(YIELD_VALUE, "yield TOS from a generator; the sent value is pushed on resume")              \
    X(YIELD_FROM, "send TOS to the iterator TOS1 and yield its output until it returns")           \
    X(GET_YIELD_FROM_ITER, "iter(TOS) unless it is a generator or coroutine")                      \
    X(GET_AWAITABLE, "replace TOS by its __await__ iterator (arg 1/2: async with)")                \
    X(GET_AITER, "replace TOS by TOS.__aiter__()")                                                 \
    X(GET_ANEXT, "push the awaitable of TOS.__anext__()")                                          \
    X(END_ASYNC_FOR, "end of async for: swallow StopAsyncIteration on TOS or reraise")             \
    X(SETUP_FINALLY, "push a handler block for target arg at the current stack level")            \
    X(POP_BLOCK, "pop the innermost handler block")                                                \
    X(POP_EXCEPT, "end an except block: restore the handled exception from TOS")                   \
    X(RAISE_VARARGS, "raise (arg 0), raise TOS (1), raise TOS1 from TOS (2)")                      \
    X(RERAISE, "re-raise the exception TOS, keeping its traceback")                                \
    X(JUMP_IF_NOT_EXC_MATCH, "pop TOS (type) and TOS1; jump to arg unless TOS1 matches")          \
    X(PUSH_EXC_INFO, "open an except block for exception TOS: push the handled one under it")      \
    X(CHECK_EG_MATCH, "except*: split exception TOS1 by type TOS into [rest, match] (None if none)")\
    X(PREP_RERAISE_STAR, "end of except*: from exc TOS2, raised list TOS1, rest TOS: what to raise")\
    X(LOAD_ASSERTION_ERROR, "push AssertionError")                                                 \
    X(BEFORE_WITH, "push TOS.__exit__ and TOS.__enter__(); TOS is popped")                         \
    X(BEFORE_ASYNC_WITH, "push TOS.__aexit__ and the awaitable TOS.__aenter__()")                  \
    X(WITH_EXIT, "call the __exit__ TOS with (None, None, None); replace by its result")           \
    X(WITH_EXCEPT_START, "push __exit__(type, exc, tb) for exit at -4 and exception TOS")          \
    X(IMPORT_NAME, "import names[arg] with fromlist TOS and level TOS1")                           \
    X(IMPORT_FROM, "push attribute names[arg] of the module TOS")                                  \
    X(IMPORT_STAR, "copy the public names of module TOS into locals; pop it")                      \
    X(SETUP_ANNOTATIONS, "create __annotations__ in locals if missing")                            \
    X(PRINT_EXPR, "interactive mode: display and pop TOS")                                         \
    X(LOAD_LOCALS, "push the locals mapping")                                                     \
    /* Pattern matching (match statement): see vm/match.c. */                                     \
    X(GET_LEN, "push len(TOS)")                                                                    \
    X(MATCH_MAPPING, "push whether TOS is a mapping for a mapping pattern")                       \
    X(MATCH_SEQUENCE, "push whether TOS is a sequence for a sequence pattern")                    \
    X(MATCH_KEYS, "push the values of the keys tuple TOS in mapping TOS1, or None")               \
    X(MATCH_CLASS, "subject TOS2, class TOS1, names TOS -> attributes or None (arg positional)")  \
    /* Superinstructions: written over a LOAD_FAST by code.c, see below. */                       \
    X(LOAD_FAST_LOAD_CONST, "LOAD_FAST arg, then the LOAD_CONST that follows")                    \
    X(LOAD_FAST_LOAD_FAST, "LOAD_FAST arg, then the LOAD_FAST that follows")                      \
    X(LOAD_FAST_CONST_BINOP, "LOAD_FAST, LOAD_CONST small int, BINARY_OP + or - (small ints)")    \
    X(LOAD_FAST_CONST_BINOP_STORE, "LOAD_FAST_CONST_BINOP, then STORE_FAST of the result")        \
    X(LOAD_FAST_CONST_COMPARE_JUMP, "LOAD_FAST, LOAD_CONST small int, COMPARE_JUMP_IF_*")         \
    X(LOAD_FAST_FAST_COMPARE_JUMP, "LOAD_FAST, LOAD_FAST, COMPARE_JUMP_IF_*")                     \
    X(LOAD_FAST_RETURN, "return local slot arg (LOAD_FAST, RETURN_VALUE)")

typedef enum gp_opcode {
#define GP_OPCODE_ENUM(name, meaning) GP_OP_##name,
    GP_OPCODE_LIST(GP_OPCODE_ENUM)
#undef GP_OPCODE_ENUM
        GP_OP_COUNT
} gp_opcode_t;

typedef uint32_t gp_instr_t;

#define GP_INSTR(op, arg) ((gp_instr_t)(op) | ((gp_instr_t)(arg) << 8))
#define GP_INSTR_OP(w) ((w) & 0xffu)
#define GP_INSTR_ARG(w) ((w) >> 8)
#define GP_INSTR_ARG_MAX 0xffffffu

/* Flags of MAKE_FUNCTION: which extras sit under the code object, pushed in
   the order defaults, keyword defaults, annotations, closure. */
enum {
    GP_MAKE_FUNCTION_DEFAULTS = 1,   /* tuple of positional defaults */
    GP_MAKE_FUNCTION_KWDEFAULTS = 2, /* dict of keyword-only defaults */
    GP_MAKE_FUNCTION_CLOSURE = 4,    /* tuple of cells */
    GP_MAKE_FUNCTION_ANNOTATIONS = 8, /* dict of annotations, pushed before the cells */
};

/* The name of [op] ("LOAD_FAST"), or "<bad opcode>". */
const char *gp_opcode_name(int op);
/* The one-line meaning of [op]. */
const char *gp_opcode_meaning(int op);

#endif /* GP_VM_OPCODES_H */
