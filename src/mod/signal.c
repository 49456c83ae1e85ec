/*
 * signal.c - the `_signal` module (lib/signal.py wraps it in enums), and
 * the dispatch of pending signals to Python handlers.
 *
 * Design notes
 * ------------
 * A C signal handler may only do async-signal-safe work, so every handler
 * installed here does two stores: it marks its signal tripped and sets the
 * GP_BREAK_SIGNALS bit of the eval breaker. The main thread sees the bit at
 * its next backward jump or call (or when a wait it is blocked in returns
 * early) and calls gp_signal_dispatch(), which runs the Python handlers of
 * the tripped signals, in signal-number order, in Python context - as
 * CPython does. Handlers run only in the main thread; other threads leave
 * the bit for it.
 *
 * SIGINT keeps the runtime's own C handler (runtime.c), which also sets
 * rt->pending_sigint: that flag is what every blocking wait watches, so a
 * Ctrl-C ends a sleep, a lock wait or an event-loop poll whichever Python
 * handler is installed. Its default Python handler is
 * signal.default_int_handler, which raises KeyboardInterrupt; asyncio.run
 * replaces it with one that cancels the main task, as CPython 3.11 does.
 *
 * The table of Python handlers lives in this file as plain static storage:
 * one runtime per process is what gilpy supports, and a signal is a
 * process-wide thing anyway. A NULL entry means "not set from Python": the
 * disposition the process started with.
 */
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

#include "obj/object.h"
#include "runtime/runtime.h"

#ifndef NSIG
#define NSIG 65
#endif

/* The Python handler of each signal (a callable, or the ints SIG_DFL and
   SIG_IGN), or NULL when Python never set one. */
static gp_object_t *signal_handlers[NSIG];
static _Atomic int signal_tripped[NSIG];
static _Atomic int signal_any_tripped;
static gp_runtime_t *_Atomic signal_rt;

/* default_int_handler as an object: getsignal(SIGINT) returns it until a
   program installs another handler. */
static gp_object_t *signal_default_int_handler;

static void signal_c_handler(int signum)
{
    int saved = errno;
    gp_runtime_t *rt = atomic_load(&signal_rt);
    if (signum > 0 && signum < NSIG && rt) {
        atomic_store(&signal_tripped[signum], 1);
        atomic_store(&signal_any_tripped, 1);
        atomic_fetch_or(&rt->eval_breaker, GP_BREAK_SIGNALS);
    }
    errno = saved;
}

/* Runs the handler of [signum] (borrowed), or raises KeyboardInterrupt for
   SIGINT's default. 0, or -1 with the handler's exception. */
static int signal_run_handler(int signum)
{
    gp_object_t *handler = signal_handlers[signum];
    if (signum == SIGINT && (!handler || handler == signal_default_int_handler)) {
        gp_err_set_object(&gp_exc_KeyboardInterrupt, NULL);
        return -1;
    }
    if (!handler || gp_int_check(handler))
        return 0; /* SIG_DFL or SIG_IGN: nothing for Python to run */
    GP_INCREF(handler);
    gp_object_t *args[2] = {gp_int_from_i64(signum), gp_None};
    gp_object_t *r = gp_object_call(handler, args, 2, NULL);
    GP_DECREF(handler);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

int gp_signal_dispatch(gp_runtime_t *rt)
{
    if (atomic_exchange(&rt->pending_sigint, 0)) {
        atomic_store(&signal_tripped[SIGINT], 0);
        if (signal_run_handler(SIGINT) < 0)
            return -1;
    }
    if (!atomic_exchange(&signal_any_tripped, 0))
        return 0;
    for (int signum = 1; signum < NSIG; signum++) {
        if (!atomic_exchange(&signal_tripped[signum], 0))
            continue;
        if (signal_run_handler(signum) < 0) {
            /* The others run at the next check, as in CPython. */
            atomic_store(&signal_any_tripped, 1);
            atomic_fetch_or(&rt->eval_breaker, GP_BREAK_SIGNALS);
            return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Module functions                                                     */
/* ------------------------------------------------------------------ */

static int signal_number(gp_object_t *o, int *out)
{
    int64_t signum = gp_int_as_i64(o);
    if (signum == -1 && gp_err_occurred())
        return -1;
    if (signum < 1 || signum >= NSIG) {
        gp_err_set_string(&gp_exc_ValueError, "signal number out of range");
        return -1;
    }
    *out = (int)signum;
    return 0;
}

static bool signal_in_main_thread(void)
{
    gp_thread_state_t *ts = gp_tstate();
    return ts == ts->runtime->main_thread;
}

/* The handler getsignal() reports for [signum]: the Python one, or what
   the process started with (SIGINT: default_int_handler). */
static gp_object_t *signal_current(int signum)
{
    if (signal_handlers[signum])
        return GP_INCREF(signal_handlers[signum]);
    struct sigaction old;
    if (sigaction(signum, NULL, &old) < 0)
        return gp_none_new();
    if (signum == SIGINT && old.sa_handler != SIG_IGN && old.sa_handler != SIG_DFL)
        return GP_INCREF(signal_default_int_handler);
    if (old.sa_handler == SIG_IGN)
        return gp_int_from_i64(1);
    if (old.sa_handler == SIG_DFL)
        return gp_int_from_i64(0);
    return gp_none_new();
}

static gp_object_t *signal_signal(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("signal", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int signum;
    if (signal_number(args[0], &signum) < 0)
        return NULL;
    if (!signal_in_main_thread()) {
        gp_err_set_string(&gp_exc_ValueError,
                          "signal only works in main thread of the main interpreter");
        return NULL;
    }
    gp_object_t *handler = args[1];
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    if (gp_int_check(handler)) {
        int64_t which = gp_int_as_i64(handler);
        if (which != 0 && which != 1) {
            gp_err_set_string(&gp_exc_TypeError,
                              "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a "
                              "callable object");
            return NULL;
        }
        action.sa_handler = which == 1 ? SIG_IGN : SIG_DFL;
    } else if (gp_object_is_callable(handler)) {
        /* SIGINT keeps the runtime's handler: blocking waits watch its flag. */
        if (signum == SIGINT) {
            gp_signals_install_sigint();
            action.sa_handler = NULL;
        } else {
            action.sa_handler = signal_c_handler;
        }
    } else {
        gp_err_set_string(&gp_exc_TypeError,
                          "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a "
                          "callable object");
        return NULL;
    }
    if (signum == SIGKILL || signum == SIGSTOP) {
        gp_err_set_from_errno(EINVAL, NULL);
        return NULL;
    }
    gp_object_t *old = signal_current(signum);
    if (action.sa_handler && sigaction(signum, &action, NULL) < 0) {
        GP_DECREF(old);
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    atomic_store(&signal_rt, gp_runtime());
    GP_SETREF(signal_handlers[signum], GP_INCREF(handler));
    return old;
}

static gp_object_t *signal_getsignal(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("getsignal", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int signum;
    if (signal_number(args[0], &signum) < 0)
        return NULL;
    return signal_current(signum);
}

static gp_object_t *signal_default_int(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    gp_err_set_object(&gp_exc_KeyboardInterrupt, NULL);
    return NULL;
}

static gp_object_t *signal_raise_signal(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("raise_signal", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int signum;
    if (signal_number(args[0], &signum) < 0)
        return NULL;
    if (raise(signum) != 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    /* Run the Python handler now rather than at the next check. */
    if (gp_runtime_handle_breaker() < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *signal_alarm(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("alarm", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int64_t seconds = gp_int_as_i64(args[0]);
    if (seconds == -1 && gp_err_occurred())
        return NULL;
    return gp_int_from_i64(alarm((unsigned)seconds));
}

static gp_object_t *signal_strsignal(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("strsignal", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int signum;
    if (signal_number(args[0], &signum) < 0)
        return NULL;
    const char *text = strsignal(signum);
    if (!text || strncmp(text, "Unknown signal", 14) == 0 ||
        strncmp(text, "Real-time signal", 16) == 0)
        return gp_none_new();
    return gp_str_from_cstr(text);
}

static gp_object_t *signal_valid_signals(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("valid_signals", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *set = gp_set_new(NULL);
    if (!set)
        return NULL;
    for (int signum = 1; signum < NSIG; signum++) {
        if (signum == 32 || signum == 33)
            continue; /* used by the C library's threads, as CPython reports */
        gp_object_t *n = gp_int_from_i64(signum);
        if (gp_set_add(set, n) < 0) {
            GP_DECREF(set);
            return NULL;
        }
    }
    return set;
}

static const gp_method_def_t signal_functions[] = {
    {"signal", signal_signal, 0, "Set the action for the given signal."},
    {"getsignal", signal_getsignal, 0, "Return the current action for the given signal."},
    {"default_int_handler", signal_default_int, 0,
     "The default handler for SIGINT installed by Python: raises KeyboardInterrupt."},
    {"raise_signal", signal_raise_signal, 0, "Send a signal to the executing process."},
    {"alarm", signal_alarm, 0, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"strsignal", signal_strsignal, 0, "Return the system description of the given signal."},
    {"valid_signals", signal_valid_signals, 0, "Return a set of valid signal numbers."},
    {NULL, NULL, 0, NULL},
};

typedef struct signal_name {
    const char *name;
    int value;
} signal_name_t;

#define S(name) {#name, name},
static const signal_name_t signal_names[] = {
    S(SIGHUP) S(SIGINT) S(SIGQUIT) S(SIGILL) S(SIGTRAP) S(SIGABRT) S(SIGIOT) S(SIGBUS)
    S(SIGFPE) S(SIGKILL) S(SIGUSR1) S(SIGSEGV) S(SIGUSR2) S(SIGPIPE) S(SIGALRM) S(SIGTERM)
    S(SIGSTKFLT) S(SIGCHLD) S(SIGCONT) S(SIGSTOP) S(SIGTSTP) S(SIGTTIN) S(SIGTTOU) S(SIGURG)
    S(SIGXCPU) S(SIGXFSZ) S(SIGVTALRM) S(SIGPROF) S(SIGWINCH) S(SIGIO) S(SIGPOLL) S(SIGPWR)
    S(SIGSYS)
};
#undef S

gp_object_t *gp_signal_module_create(void)
{
    gp_object_t *m = gp_module_new("_signal");
    if (!m)
        return NULL;
    atomic_store(&signal_rt, gp_runtime());
    if (gp_module_add_functions(m, signal_functions) < 0)
        goto fail;
    if (!signal_default_int_handler) {
        signal_default_int_handler = gp_dict_getitem_cstr(gp_module_dict(m), "default_int_handler");
        if (!signal_default_int_handler)
            goto fail;
        GP_INCREF(signal_default_int_handler);
    }
    for (size_t i = 0; i < sizeof signal_names / sizeof signal_names[0]; i++)
        if (gp_module_add_int(m, signal_names[i].name, signal_names[i].value) < 0)
            goto fail;
    if (gp_module_add_int(m, "SIGRTMIN", SIGRTMIN) < 0 ||
        gp_module_add_int(m, "SIGRTMAX", SIGRTMAX) < 0 || gp_module_add_int(m, "NSIG", NSIG) < 0 ||
        gp_module_add_int(m, "SIG_DFL", 0) < 0 || gp_module_add_int(m, "SIG_IGN", 1) < 0 ||
        gp_module_add_int(m, "SIG_BLOCK", SIG_BLOCK) < 0 ||
        gp_module_add_int(m, "SIG_UNBLOCK", SIG_UNBLOCK) < 0 ||
        gp_module_add_int(m, "SIG_SETMASK", SIG_SETMASK) < 0)
        goto fail;
    return m;
fail:
    GP_DECREF(m);
    return NULL;
}
