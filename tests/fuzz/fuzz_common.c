/*
 * fuzz_common.c - the runtime set-up every harness shares.
 */
#include "fuzz.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "runtime/runtime.h"
#include "vm/eval.h"

void gp_fuzz_runtime_start(void)
{
    static gp_runtime_t *rt;
    if (rt)
        return;
    /* The fuzzer reports through stderr; stdout is the programs' own. */
    int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) {
        fflush(stdout);
        dup2(null_fd, STDOUT_FILENO);
        close(null_fd);
    }
    char arg0[] = "gilpy-fuzz";
    char *argv[] = {arg0, NULL};
    rt = gp_runtime_new(1, argv);
    if (!rt) {
        fprintf(stderr, "fuzz: the runtime did not start\n");
        abort();
    }
}

/* Under ASan, an allocation of absurd size returns NULL (so the program
   sees MemoryError, as it would without the sanitizer) instead of aborting
   the run. Per-input leak checks are off: the runtime's caches (interned
   strings, type attribute caches) grow on purpose and are freed at exit. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1:detect_leaks=0";
}

gp_object_t *gp_fuzz_load_target(const char *source, const char *filename)
{
    gp_object_t *code = gp_compile_source(source, strlen(source), filename, "exec");
    gp_object_t *globals = code ? gp_dict_new() : NULL;
    gp_object_t *r = globals ? gp_eval_code(code, globals, NULL) : NULL;
    if (!r) {
        gp_exception_print(gp_err_current());
        abort();
    }
    GP_DECREF(r);
    GP_DECREF(code);
    gp_object_t *target = gp_dict_getitem_cstr(globals, "target");
    GP_XINCREF(target);
    /* [globals] stays alive through the function's own reference. */
    GP_DECREF(globals);
    if (!target)
        abort();
    return target;
}
