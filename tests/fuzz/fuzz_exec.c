/*
 * fuzz_exec.c - compiles and runs arbitrary programs under a time budget.
 *
 * The program runs in a fresh namespace whose builtins have no
 * __import__, open, input or breakpoint: a mutated test script must not
 * reach the file system, start threads or processes, or wait for stdin.
 * What is left - every type, operator, statement and builtin function - is
 * what this harness is for.
 *
 * The budget. A watchdog thread is armed before each run. Once the run has
 * taken GP_FUZZ_BUDGET_MS, the watchdog raises KeyboardInterrupt in it the
 * way a Ctrl-C would (the pending flag and the eval-breaker bit), and keeps
 * raising it every millisecond until the run returns, so even a loop that
 * catches BaseException ends at its next backward jump outside the try.
 * Code that spends the budget inside one C call (9**9**9) is not
 * interruptible; libFuzzer's own -timeout catches those, and
 * scripts/fuzz.sh runs with -ignore_timeouts.
 *
 * After each run the cycle collector runs, so that a reference-count error
 * that leaves an object unreachable but alive, or freed twice, shows up as
 * a sanitizer report near the input that caused it.
 */
#include "fuzz.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "runtime/runtime.h"
#include "vm/eval.h"

#define GP_FUZZ_BUDGET_MS 200

static gp_object_t *fuzz_builtins;
static _Atomic int64_t watchdog_deadline_ms; /* 0: disarmed */

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *watchdog_main(void *arg)
{
    gp_runtime_t *rt = arg;
    const struct timespec tick = {0, 1000000};
    for (;;) {
        nanosleep(&tick, NULL);
        int64_t deadline = atomic_load(&watchdog_deadline_ms);
        if (deadline != 0 && now_ms() >= deadline) {
            atomic_store(&rt->pending_sigint, 1);
            atomic_fetch_or(&rt->eval_breaker, GP_BREAK_SIGNALS);
        }
    }
    return NULL;
}

/* A copy of the builtins without the names that reach outside the process. */
static gp_object_t *fuzz_builtins_new(gp_runtime_t *rt)
{
    gp_object_t *b = gp_dict_copy(rt->builtins);
    if (!b)
        return NULL;
    static const char *const removed[] = {"__import__", "open", "input", "breakpoint",
                                          "help", "exit", "quit"};
    for (size_t i = 0; i < sizeof removed / sizeof removed[0]; i++) {
        gp_object_t *key = gp_str_from_cstr(removed[i]);
        if (!key || (gp_dict_contains(b, key) == 1 && gp_dict_delitem(b, key) < 0)) {
            GP_XDECREF(key);
            GP_DECREF(b);
            return NULL;
        }
        GP_DECREF(key);
    }
    return b;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    gp_fuzz_runtime_start();
    gp_runtime_t *rt = gp_runtime();
    fuzz_builtins = fuzz_builtins_new(rt);
    if (!fuzz_builtins)
        return -1;
    pthread_t watchdog;
    pthread_create(&watchdog, NULL, watchdog_main, rt);
    pthread_detach(watchdog);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gp_runtime_t *rt = gp_runtime();
    gp_object_t *code = gp_compile_source((const char *)data, size, "<fuzz>", "exec");
    if (!code) {
        gp_err_clear();
        return 0;
    }
    gp_object_t *globals = gp_dict_new();
    if (globals && gp_dict_setitem_cstr(globals, "__builtins__", fuzz_builtins) == 0) {
        gp_object_t *name = gp_str_from_cstr("__fuzz__");
        if (name) {
            gp_dict_setitem_cstr(globals, "__name__", name);
            GP_DECREF(name);
        }
        atomic_store(&watchdog_deadline_ms, now_ms() + GP_FUZZ_BUDGET_MS);
        gp_object_t *result = gp_eval_code(code, globals, NULL);
        atomic_store(&watchdog_deadline_ms, 0);
        GP_XDECREF(result);
    }
    gp_err_clear();
    atomic_store(&rt->pending_sigint, 0);
    /* Break the cycles through the namespace (functions refer to it). */
    if (globals) {
        gp_dict_clear(globals);
        GP_DECREF(globals);
    }
    GP_DECREF(code);
    gp_gc_collect();
    gp_err_clear();
    return 0;
}
