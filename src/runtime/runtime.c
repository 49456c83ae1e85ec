/*
 * runtime.c - creating and releasing the runtime, the recursion guard, and
 * the eval breaker's slow path (signals).
 *
 * Design notes
 * ------------
 * Start-up order matters because the type system, the dict and the str
 * interning table lean on each other:
 *
 *   1. the runtime struct and the main thread's state (errors need a tstate);
 *   2. every builtin type is readied (gp_types_init): from here on dicts,
 *      strs and exceptions work;
 *   3. sys.modules, then the builtins and sys modules.
 *
 * Signals: the SIGINT handler may only do async-signal-safe work, so it sets
 * an atomic flag and the GP_BREAK_SIGNALS bit of the eval breaker. The
 * thread running bytecode sees the bit on its next backward jump or call and
 * raises KeyboardInterrupt there, in Python context (or runs the Python
 * handler signal.signal() installed: mod/signal.c). The handler reaches the
 * runtime through `signal_runtime`, the one static pointer this file keeps:
 * a signal handler has no other way in.
 */
#include "runtime/runtime.h"

#include <pthread.h>
#include <errno.h>
#include <signal.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compile/ast_py.h"
#include "mod/sys.h"
#include "obj/containers.h"
#include "obj/int.h"
#include "obj/memoryview.h"
#include "runtime/gc.h"
#include "runtime/mem.h"
#include "vm/eval.h"

_Thread_local gp_thread_state_t *gp_tstate_current;

static gp_runtime_t *_Atomic signal_runtime;

const gp_builtin_module_t gp_builtin_modules[] = {
    {"builtins", gp_builtins_module_create},
    {"sys", gp_sys_module_create},
    {"time", gp_time_module_create},
    {"math", gp_math_module_create},
    {"random", gp_random_module_create},
    {"gc", gp_gc_module_create},
    {"_thread", gp_thread_module_create},
    {"posix", gp_posix_module_create},
    {"marshal", gp_marshal_module_create},
    {"io", gp_io_module_create},
    {"_sre", gp_sre_module_create},
    {"itertools", gp_itertools_module_create},
    {"operator", gp_operator_module_create},
    {"_struct", gp_struct_module_create},
    {"errno", gp_errno_module_create},
    {"_weakref", gp_weakref_module_create},
    {"resource", gp_resource_module_create},
    {"_collections", gp_collections_module_create},
    {"_signal", gp_signal_module_create},
    {"_gpuv", gp_gpuv_module_create},
    {"_socket", gp_socket_module_create},
    {"select", gp_select_module_create},
    {"_json", gp_json_module_create},
    {"_csv", gp_csv_module_create},
    {"_ast", gp_ast_module_create},
    {"_gilpy_traceback", gp_tbmod_module_create},
    {"faulthandler", gp_faulthandler_module_create},
    {"_hashlib", gp_hashlib_module_create},
    {"cmath", gp_cmath_module_create},
    {"zlib", gp_zlib_module_create},
    {"_imp", gp_imp_module_create},
    {"fcntl", gp_fcntl_module_create},
    {"unicodedata", gp_unicodedata_module_create},
    {"_contextvars", gp_contextvars_module_create},
    {"_datetime", gp_datetime_module_create},
    {"array", gp_array_module_create},
    {"_asyncio", gp_asyncio_module_create},
    {"_gpcurl", gp_gpcurl_module_create},
    {"_gpfs", gp_gpfs_module_create},
    {"_gpsubprocess", gp_gpsubprocess_module_create},
    {"_sqlite3", gp_sqlite3_module_create},
    {NULL, NULL},
};

/* Builds a list of str from C strings; NULL with an exception on failure. */
static gp_object_t *runtime_str_list(int count, char **items)
{
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    for (int i = 0; i < count; i++) {
        gp_object_t *s = gp_str_from_cstr(items[i]);
        if (!s || gp_list_append(list, s) < 0) {
            GP_XDECREF(s);
            GP_DECREF(list);
            return NULL;
        }
        GP_DECREF(s);
    }
    return list;
}

/* Creates a module from the builtin table and registers it in sys.modules. */
static gp_object_t *runtime_load_builtin(gp_runtime_t *rt, gp_module_create_fn create,
                                         const char *name)
{
    gp_object_t *module = create();
    if (!module)
        return NULL;
    if (gp_dict_setitem_cstr(rt->modules, name, module) < 0) {
        GP_DECREF(module);
        return NULL;
    }
    return module;
}

static int runtime_init_objects(gp_runtime_t *rt, int argc, char **argv)
{
    if (gp_types_init() < 0)
        return -1;
    rt->modules = gp_dict_new();
    if (!rt->modules)
        return -1;
    char *default_argv[] = {""};
    rt->argv = argc > 0 ? runtime_str_list(argc, argv) : runtime_str_list(1, default_argv);
    if (!rt->argv)
        return -1;
    char *default_path[] = {""};
    rt->path = runtime_str_list(1, default_path);
    if (!rt->path)
        return -1;

    gp_object_t *builtins = runtime_load_builtin(rt, gp_builtins_module_create, "builtins");
    if (!builtins)
        return -1;
    rt->builtins = GP_INCREF(gp_module_dict(builtins));
    GP_DECREF(builtins);

    rt->sys_module = runtime_load_builtin(rt, gp_sys_module_create, "sys");
    if (!rt->sys_module)
        return -1;
    return 0;
}

gp_runtime_t *gp_runtime_new(int argc, char **argv)
{
    gp_mem_heap_init();
    gp_runtime_t *rt = gp_mem_calloc(1, sizeof *rt);
    gp_thread_state_t *ts = gp_mem_calloc(1, sizeof *ts);
    if (!rt || !ts) {
        fputs("gilpy: out of memory while creating the runtime\n", stderr);
        gp_mem_free(rt);
        gp_mem_free(ts);
        return NULL;
    }
    rt->recursion_limit = 1000;
    /* libcurl's global state, before any thread; if it fails only HTTP is lost. */
    (void)gp_curl_global_init();
    if (gp_gil_init(&rt->gil, &rt->eval_breaker, GP_BREAK_GIL_DROP) != 0) {
        fputs("gilpy: cannot create the interpreter lock\n", stderr);
        gp_mem_free(rt);
        gp_mem_free(ts);
        return NULL;
    }
    ts->runtime = rt;
    ts->thread_id = (uint64_t)pthread_self();
    ts->native_id = (long)syscall(SYS_gettid);
    rt->threads = ts;
    rt->main_thread = ts;
    gp_tstate_current = ts;
    gp_gil_acquire(&rt->gil, ts, false);

    gp_signals_install(rt);
    if (runtime_init_objects(rt, argc, argv) < 0) {
        gp_object_t *exc = gp_err_fetch();
        fputs("gilpy: fatal error while initialising the runtime\n", stderr);
        if (exc) {
            gp_exception_print(exc);
            GP_DECREF(exc);
        }
        return NULL;
    }
    return rt;
}

/* Calls [module].[function]() if the program imported [module], printing
   an exception it raises: the exit hooks of threading and atexit. */
static void runtime_call_exit_hook(gp_runtime_t *rt, const char *module, const char *function)
{
    gp_object_t *m = gp_dict_getitem_cstr(rt->modules, module);
    if (!m)
        return;
    gp_object_t *result = gp_object_call_method(m, function, NULL, 0);
    if (result) {
        GP_DECREF(result);
        return;
    }
    gp_object_t *exc = gp_err_fetch();
    if (exc) {
        gp_exception_print(exc);
        GP_DECREF(exc);
    }
}

/* Clears the __main__ module's globals the way CPython finalises modules:
   names starting with one underscore first, then the rest, each set to None
   in definition order, so objects die (and their __del__ runs) as in
   CPython. __builtins__ stays, since __del__ methods may need it. */
static void runtime_clear_main(gp_runtime_t *rt)
{
    if (!rt->main_module)
        return;
    gp_object_t *d = gp_module_dict(rt->main_module);
    gp_object_t *keys = gp_dict_keys_list(d);
    if (!keys) {
        gp_err_clear();
        return;
    }
    for (int pass = 0; pass < 2; pass++) {
        for (intptr_t i = 0; i < GP_LIST_SIZE(keys); i++) {
            gp_object_t *key = GP_LIST_GET(keys, i);
            if (!gp_str_check(key) || gp_str_eq_cstr(key, "__builtins__"))
                continue;
            const char *name = gp_str_utf8(key);
            bool private_name = name[0] == '_' && name[1] != '_';
            if (private_name != (pass == 0))
                continue;
            if (gp_dict_setitem(d, key, gp_None) < 0)
                gp_err_clear();
        }
    }
    GP_DECREF(keys);
}

void gp_runtime_free(gp_runtime_t *rt)
{
    if (!rt)
        return;
    /* As CPython: wait for non-daemon threads, then run the atexit functions. */
    runtime_call_exit_hook(rt, "threading", "_shutdown");
    runtime_call_exit_hook(rt, "atexit", "_run_exitfuncs");
    gp_sys_flush_std_streams();
    gp_faulthandler_fini();
    /* As CPython's finalisation, the collections from here on run no
       gc.callbacks: the callbacks' modules are being torn down. */
    gp_gc_set_callbacks(NULL);
    runtime_clear_main(rt);
    /* Cycles left by the program are freed so leak checkers only report
       real leaks. The runtime itself (modules, builtins, interned strings)
       stays reachable until the process exits: tearing down module dicts
       safely needs CPython-style finalisation, which the embedding API does
       not promise yet. */
    gp_gc_collect();
    if (gp_err_occurred())
        gp_err_clear();
    atomic_store(&signal_runtime, NULL);
    gp_sys_flush_std_streams();
    gp_service_loop_stop(rt->service_loop);
    rt->service_loop = NULL;
    gp_float_clear_free_list();
    gp_tuple_clear_free_list();
    gp_slice_clear_free_list();
    gp_memoryview_clear_free_list();
}

gp_service_loop_t *gp_runtime_service_loop(void)
{
    gp_runtime_t *rt = gp_runtime();
    if (!rt->service_loop) {
        int error = 0;
        rt->service_loop = gp_service_loop_start(&error);
        if (!rt->service_loop) {
            gp_err_set_from_errno(error ? error : ENOMEM, NULL);
            return NULL;
        }
    }
    return rt->service_loop;
}

int gp_recursion_enter(const char *where)
{
    gp_thread_state_t *ts = gp_tstate();
    int limit = ts->runtime->recursion_limit;
    if (ts->recursion_headroom)
        limit += 50;
    if (++ts->recursion_depth > limit || (gp_stack_exhausted(ts) && !ts->recursion_headroom)) {
        ts->recursion_depth--;
        ts->recursion_headroom = true;
        gp_err_format(&gp_exc_RecursionError, "maximum recursion depth exceeded%s",
                      where ? where : "");
        ts->recursion_headroom = false;
        return -1;
    }
    return 0;
}

void gp_recursion_leave(void)
{
    gp_tstate()->recursion_depth--;
}

static void signals_sigint_cb(int signum)
{
    (void)signum;
    gp_runtime_t *rt = atomic_load(&signal_runtime);
    if (!rt)
        return;
    atomic_store(&rt->pending_sigint, 1);
    atomic_fetch_or(&rt->eval_breaker, GP_BREAK_SIGNALS);
}

void gp_signals_install_sigint(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = signals_sigint_cb;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
}

void gp_signals_install(gp_runtime_t *rt)
{
    atomic_store(&signal_runtime, rt);
    /* Like CPython, a write to a closed pipe raises BrokenPipeError instead
       of killing the process. */
    signal(SIGPIPE, SIG_IGN);
    /* Like CPython, a SIGINT the parent set to be ignored (a background job
       of a shell) stays ignored. */
    struct sigaction current;
    if (sigaction(SIGINT, NULL, &current) == 0 && current.sa_handler == SIG_IGN)
        return;
    gp_signals_install_sigint();
}

int gp_runtime_handle_breaker(void)
{
    gp_thread_state_t *ts = gp_tstate();
    gp_runtime_t *rt = ts->runtime;
    uint32_t bits = atomic_load(&rt->eval_breaker);
    if ((bits & GP_BREAK_GIL_DROP) && gp_gil_drop_requested(&rt->gil))
        gp_gil_yield(&rt->gil, ts);
    /* Only the main thread handles signals, as in CPython; other threads
       leave the bit set so the main thread sees it at its next check. */
    if ((bits & GP_BREAK_SIGNALS) && ts == rt->main_thread) {
        atomic_fetch_and(&rt->eval_breaker, ~(uint32_t)GP_BREAK_SIGNALS);
        if (gp_signal_dispatch(rt) < 0)
            return -1;
    }
    return 0;
}

gp_thread_state_t *gp_gil_release_for_blocking(void)
{
    gp_thread_state_t *ts = gp_tstate();
    gp_gil_release(&ts->runtime->gil, ts);
    return ts;
}

void gp_gil_acquire_after_blocking(gp_thread_state_t *ts)
{
    gp_gil_acquire(&ts->runtime->gil, ts, true);
}

gp_thread_state_t *gp_thread_state_new(gp_runtime_t *rt)
{
    gp_thread_state_t *ts = gp_mem_calloc(1, sizeof *ts);
    if (!ts) {
        gp_err_no_memory();
        return NULL;
    }
    ts->runtime = rt;
    /* Linked in by the creating thread, which holds the GIL, so
       threading.enumerate() sees the thread as soon as start() returns. */
    ts->next = rt->threads;
    if (rt->threads)
        rt->threads->prev = ts;
    rt->threads = ts;
    return ts;
}

void gp_thread_state_free(gp_thread_state_t *ts)
{
    gp_runtime_t *rt = ts->runtime;
    if (ts->prev)
        ts->prev->next = ts->next;
    else if (rt->threads == ts)
        rt->threads = ts->next;
    if (ts->next)
        ts->next->prev = ts->prev;
    GP_CLEAR(ts->context); /* added by contextvars; may run __del__, so first */
    GP_CLEAR(ts->curexc);
    GP_CLEAR(ts->exc_info);
    GP_CLEAR(ts->profile_func);
    gp_mem_free(ts);
}

void gp_thread_state_enter(gp_thread_state_t *ts)
{
    gp_tstate_current = ts;
    gp_gil_acquire(&ts->runtime->gil, ts, false);
    /* Written under the GIL: other threads read these fields with it held. */
    ts->thread_id = (uint64_t)pthread_self();
    ts->native_id = (long)syscall(SYS_gettid);
}

void gp_thread_state_exit(gp_thread_state_t *ts)
{
    gp_runtime_t *rt = ts->runtime;
    gp_eval_thread_fini();
    gp_thread_state_free(ts);
    gp_tstate_current = NULL;
    /* The handle is only compared, never dereferenced, so passing the freed
       pointer to the trace hook is harmless. */
    gp_gil_release(&rt->gil, ts);
}

int gp_runtime_after_fork_child(void)
{
    gp_thread_state_t *me = gp_tstate();
    gp_runtime_t *rt = me->runtime;
    /* Other threads do not exist in the child: forget their states. Their
       frames' objects are leaked on purpose; touching them could run code
       that expects those threads. */
    gp_thread_state_t *ts = rt->threads;
    while (ts) {
        gp_thread_state_t *next = ts->next;
        if (ts != me)
            gp_mem_free(ts);
        ts = next;
    }
    me->next = me->prev = NULL;
    rt->threads = me;
    rt->main_thread = me;
    me->thread_id = (uint64_t)pthread_self();
    me->native_id = (long)syscall(SYS_gettid);
    atomic_store(&rt->pending_sigint, 0);
    atomic_store(&rt->eval_breaker, 0);
    gp_gil_reinit_after_fork(&rt->gil, me);
    /* The service loop's thread did not survive the fork; its memory is
       abandoned rather than touched. A new loop starts on first use. */
    rt->service_loop = NULL;

    gp_object_t *threading = gp_dict_getitem_cstr(rt->modules, "threading");
    if (!threading)
        return gp_err_occurred() ? -1 : 0;
    gp_object_t *result = gp_object_call_method(threading, "_after_fork", NULL, 0);
    if (!result)
        return -1;
    GP_DECREF(result);
    return 0;
}
