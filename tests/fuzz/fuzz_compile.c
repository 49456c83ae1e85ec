/*
 * fuzz_compile.c - the tokenizer, parser and compiler on arbitrary bytes.
 *
 * Every input is compiled as a module. The only acceptable outcomes are a
 * code object or a SyntaxError (or MemoryError / RecursionError on hostile
 * nesting) - a crash, a sanitizer report or a leaked reference is a bug.
 * Each input is also compiled in "eval" mode, which takes the parser down
 * its expression-only entry.
 */
#include "fuzz.h"

#include "runtime/runtime.h"
#include "vm/eval.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    gp_fuzz_runtime_start();
    return 0;
}

static void compile_one(const uint8_t *data, size_t size, const char *mode)
{
    gp_object_t *code = gp_compile_source((const char *)data, size, "<fuzz>", mode);
    if (code)
        GP_DECREF(code);
    else
        gp_err_clear();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    compile_one(data, size, "exec");
    compile_one(data, size, "eval");
    return 0;
}
