/*
 * faulthandler.c - the `faulthandler` module: Python stacks written out when
 * the process is about to die, on a timer, or on a signal.
 *
 * Design notes
 * ------------
 * The point of the module is to say where Python code was when nothing else
 * can: a segmentation fault, an abort, a hang. So the writers here may run
 * in a signal handler or in a watchdog thread that holds no GIL while the
 * thread it reports on keeps running. Everything they do is
 * async-signal-safe: write(2) on a file descriptor chosen in advance, numbers
 * formatted by hand, no allocation, no locks, no Python calls. They read the
 * thread states and frames without the GIL, as CPython's faulthandler does;
 * the frame chains only change by linking and unlinking whole frames, and a
 * line number read from a frame that just moved on is still one of its
 * lines, so the worst a race gives is a stale line.
 *
 * The output is CPython's, line for line:
 *
 *     Fatal Python error: Segmentation fault
 *
 *     Current thread 0x00007f3a1c2b8740 (most recent call first):
 *       File "x.py", line 3 in f
 *       File "x.py", line 7 in <module>
 *
 * with one "Thread 0x... (most recent call first):" block per other thread,
 * newest first, when all_threads is true, and "Stack (most recent call
 * first):" for the current thread alone. At most 100 frames and 100 threads
 * are written ("  ..." and "..." then), "  <no Python frame>" for a thread
 * running none; names are written in ASCII with
 * non-ASCII characters escaped as \xNN, \uNNNN or \UNNNNNNNN, and cut at 500
 * characters.
 *
 * enable() installs handlers for SIGSEGV, SIGFPE, SIGABRT, SIGBUS and SIGILL
 * on an alternate signal stack (a stack overflow must still be reportable);
 * each writes its report, puts the previous disposition back and raises the
 * signal again, so the process dies of it as it would have. The report
 * comes after any Python output already written to the file: the module
 * flushes the Python file object when it is given one.
 *
 * dump_traceback_later() starts one watchdog thread that waits, without the
 * GIL, on a condition variable for the timeout or a cancel; it writes
 * "Timeout (H:MM:SS[.ffffff])!" and every thread's stack, then either
 * repeats, stops, or ends the process with _exit(1) when exit=True.
 *
 * register() writes the stacks when a given signal arrives (chain=True also
 * calls the previous handler). The file objects passed in are kept alive
 * (strong references) while their descriptors may be written to.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "obj/object.h"
#include "runtime/runtime.h"
#include "vm/code.h"
#include "vm/frame.h"

#define FH_MAX_FRAMES 100
#define FH_MAX_THREADS 100
#define FH_MAX_STRING 500
#define FH_ALT_STACK_SIZE (64 * 1024)

/* ------------------------------------------------------------------ */
/* Async-signal-safe writing                                            */
/* ------------------------------------------------------------------ */

static void fh_write(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static void fh_puts(int fd, const char *s)
{
    fh_write(fd, s, strlen(s));
}

/* [value] in decimal, or in hex padded to [hex_width] digits when it is > 0. */
static void fh_put_number(int fd, uint64_t value, int hex_width)
{
    char buf[32];
    size_t i = sizeof buf;
    int digits = 0;
    do {
        unsigned d = hex_width > 0 ? (unsigned)(value & 15) : (unsigned)(value % 10);
        buf[--i] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        value = hex_width > 0 ? value >> 4 : value / 10;
        digits++;
    } while (value != 0 || digits < hex_width);
    fh_write(fd, buf + i, sizeof buf - i);
}

/* A gp str (UTF-8) as ASCII, non-ASCII code points escaped, cut at
   FH_MAX_STRING code points. */
static void fh_put_text(int fd, gp_object_t *str)
{
    if (str == NULL || GP_IS_SMALL(str) || !gp_str_check(str)) {
        fh_puts(fd, "???");
        return;
    }
    const unsigned char *s = (const unsigned char *)gp_str_utf8(str);
    size_t count = 0;
    while (*s) {
        if (count++ == FH_MAX_STRING) {
            fh_puts(fd, "...");
            return;
        }
        uint32_t cp = *s;
        int extra = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
        cp &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
        s++;
        for (int k = 0; k < extra && (*s & 0xC0) == 0x80; k++, s++)
            cp = (cp << 6) | (*s & 0x3F);
        if (cp < 0x80) {
            char c = (char)cp;
            fh_write(fd, &c, 1);
        } else if (cp < 0x100) {
            fh_puts(fd, "\\x");
            fh_put_number(fd, cp, 2);
        } else if (cp < 0x10000) {
            fh_puts(fd, "\\u");
            fh_put_number(fd, cp, 4);
        } else {
            fh_puts(fd, "\\U");
            fh_put_number(fd, cp, 8);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Stacks                                                               */
/* ------------------------------------------------------------------ */

static void fh_dump_frames(int fd, gp_frame_t *frame)
{
    if (frame == NULL) {
        fh_puts(fd, "  <no Python frame>\n");
        return;
    }
    int depth = 0;
    for (gp_frame_t *f = frame; f != NULL; f = f->back) {
        if (depth++ == FH_MAX_FRAMES) {
            fh_puts(fd, "  ...\n");
            return;
        }
        gp_code_t *code = f->code;
        fh_puts(fd, "  File \"");
        fh_put_text(fd, code ? code->filename : NULL);
        fh_puts(fd, "\", line ");
        int line = code && f->ip ? gp_frame_lineno(f) : -1;
        if (line >= 0)
            fh_put_number(fd, (uint64_t)line, 0);
        else
            fh_puts(fd, "???");
        fh_puts(fd, " in ");
        fh_put_text(fd, code ? code->name : NULL);
        fh_puts(fd, "\n");
    }
}

static void fh_dump_thread_header(int fd, gp_thread_state_t *ts, bool current)
{
    fh_puts(fd, current ? "Current thread 0x" : "Thread 0x");
    fh_put_number(fd, ts->thread_id, 16);
    fh_puts(fd, " (most recent call first):\n");
}

/* The stacks of the runtime's threads ([current] marked as such, may be
   NULL), or of [current] alone. */
static void fh_dump(int fd, gp_runtime_t *rt, gp_thread_state_t *current, bool all_threads)
{
    if (!all_threads) {
        if (current == NULL)
            return;
        fh_puts(fd, "Stack (most recent call first):\n");
        fh_dump_frames(fd, current->frame);
        return;
    }
    int n = 0;
    for (gp_thread_state_t *ts = rt ? rt->threads : NULL; ts != NULL; ts = ts->next) {
        /* A thread just started by start() that has not run yet has no
           ident and nothing to show. */
        if (ts->thread_id == 0 && ts != current)
            continue;
        if (n++ == FH_MAX_THREADS) {
            fh_puts(fd, "...\n");
            return;
        }
        if (n > 1)
            fh_puts(fd, "\n");
        fh_dump_thread_header(fd, ts, ts == current);
        fh_dump_frames(fd, ts->frame);
    }
}

/* ------------------------------------------------------------------ */
/* The file argument                                                    */
/* ------------------------------------------------------------------ */

/* The descriptor to write to for [file] (None: sys.stderr), with the file
   object (a new reference, or NULL for a plain int) in [*keep]. A Python
   file is flushed first, so that what it buffered comes before the stack. */
static int fh_file_fd(gp_object_t *file, gp_object_t **keep)
{
    *keep = NULL;
    if (file == NULL || file == gp_None) {
        gp_object_t *sys = gp_runtime()->sys_module;
        file = sys ? gp_dict_getitem_cstr(gp_module_dict(sys), "stderr") : NULL;
        if (file == NULL || file == gp_None) {
            if (!gp_err_occurred())
                gp_err_set_string(&gp_exc_RuntimeError, "sys.stderr is None");
            return -1;
        }
    }
    if (gp_int_check(file)) {
        int overflow = 0;
        int64_t fd = gp_int_as_i64_overflow(file, &overflow);
        if (overflow || fd < 0 || fd > INT32_MAX) {
            gp_err_set_string(&gp_exc_ValueError, "file is not a valid file descripter");
            return -1;
        }
        return (int)fd;
    }
    gp_object_t *r = gp_object_call_method(file, "fileno", NULL, 0);
    if (r == NULL)
        return -1;
    if (!gp_int_check(r)) {
        GP_DECREF(r);
        gp_err_set_string(&gp_exc_RuntimeError,
                          "file.fileno() is not a valid file descriptor");
        return -1;
    }
    int overflow = 0;
    int64_t fd = gp_int_as_i64_overflow(r, &overflow);
    GP_DECREF(r);
    if (overflow || fd < 0 || fd > INT32_MAX) {
        gp_err_set_string(&gp_exc_RuntimeError, "file.fileno() is not a valid file descriptor");
        return -1;
    }
    r = gp_object_call_method(file, "flush", NULL, 0);
    if (r == NULL)
        gp_err_clear(); /* as CPython: a file that cannot flush is still written to */
    GP_XDECREF(r);
    *keep = GP_INCREF(file);
    return (int)fd;
}

/* ------------------------------------------------------------------ */
/* Fatal signals                                                        */
/* ------------------------------------------------------------------ */

typedef struct fh_fatal {
    int signum;
    const char *name;
    struct sigaction previous;
} fh_fatal_t;

static fh_fatal_t fh_fatal_signals[] = {
    {.signum = SIGBUS, .name = "Bus error"},
    {.signum = SIGILL, .name = "Illegal instruction"},
    {.signum = SIGFPE, .name = "Floating point exception"},
    {.signum = SIGABRT, .name = "Aborted"},
    {.signum = SIGSEGV, .name = "Segmentation fault"},
};
#define FH_NFATAL (sizeof fh_fatal_signals / sizeof fh_fatal_signals[0])

static struct {
    bool enabled;
    int fd;
    bool all_threads;
    gp_object_t *file; /* kept alive while enabled */
    gp_runtime_t *runtime;
    void *alt_stack;
} fh_fatal_state;

static void fh_fatal_handler(int signum)
{
    int saved = errno;
    fh_fatal_t *sig = NULL;
    for (size_t i = 0; i < FH_NFATAL; i++)
        if (fh_fatal_signals[i].signum == signum)
            sig = &fh_fatal_signals[i];
    if (sig == NULL)
        return;
    /* Back to what was there before, so that raising the signal again below
       (and a second fault while writing) ends the process as it would have
       without us. */
    if (fh_fatal_state.enabled) {
        fh_fatal_state.enabled = false;
        for (size_t i = 0; i < FH_NFATAL; i++)
            sigaction(fh_fatal_signals[i].signum, &fh_fatal_signals[i].previous, NULL);
    }
    int fd = fh_fatal_state.fd;
    fh_puts(fd, "Fatal Python error: ");
    fh_puts(fd, sig->name);
    fh_puts(fd, "\n\n");
    fh_dump(fd, fh_fatal_state.runtime, gp_tstate_current, fh_fatal_state.all_threads);
    errno = saved;
    raise(signum);
}

static int fh_fatal_enable(int fd, gp_object_t *file, bool all_threads)
{
    if (fh_fatal_state.alt_stack == NULL) {
        /* Not through gp_mem: it is no Python object, and lives as long as
           the process may still fault. */
        void *stack = malloc(FH_ALT_STACK_SIZE);
        if (stack == NULL) {
            gp_err_no_memory();
            return -1;
        }
        stack_t ss = {.ss_sp = stack, .ss_size = FH_ALT_STACK_SIZE, .ss_flags = 0};
        if (sigaltstack(&ss, NULL) != 0) {
            free(stack);
            gp_err_set_from_errno(errno, NULL);
            return -1;
        }
        fh_fatal_state.alt_stack = stack;
    }
    GP_XINCREF(file);
    GP_XDECREF(fh_fatal_state.file);
    fh_fatal_state.file = file;
    fh_fatal_state.fd = fd;
    fh_fatal_state.all_threads = all_threads;
    fh_fatal_state.runtime = gp_runtime();
    if (fh_fatal_state.enabled)
        return 0;
    for (size_t i = 0; i < FH_NFATAL; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fh_fatal_handler;
        sigemptyset(&sa.sa_mask);
        /* SA_NODEFER: a fault inside the handler reaches the previous
           disposition (restored first thing) instead of blocking forever. */
        sa.sa_flags = SA_NODEFER | SA_ONSTACK;
        if (sigaction(fh_fatal_signals[i].signum, &sa, &fh_fatal_signals[i].previous) != 0) {
            gp_err_set_from_errno(errno, NULL);
            for (size_t k = 0; k < i; k++)
                sigaction(fh_fatal_signals[k].signum, &fh_fatal_signals[k].previous, NULL);
            return -1;
        }
    }
    fh_fatal_state.enabled = true;
    return 0;
}

static bool fh_fatal_disable(void)
{
    bool was = fh_fatal_state.enabled;
    if (was) {
        fh_fatal_state.enabled = false;
        for (size_t i = 0; i < FH_NFATAL; i++)
            sigaction(fh_fatal_signals[i].signum, &fh_fatal_signals[i].previous, NULL);
    }
    GP_CLEAR(fh_fatal_state.file);
    return was;
}

/* ------------------------------------------------------------------ */
/* The watchdog: dump_traceback_later()                                 */
/* ------------------------------------------------------------------ */

static struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool running;   /* a watchdog thread exists (joined on cancel) */
    bool cancelled; /* the thread must stop */
    pthread_t thread;
    double timeout;
    bool repeat, exit;
    int fd;
    gp_object_t *file;
    gp_runtime_t *runtime;
    char header[64];
} fh_later = {.lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER};

/* "Timeout (0:00:05)!" or "Timeout (0:00:00.200000)!", as CPython. */
static void fh_format_header(char *out, size_t size, double timeout)
{
    uint64_t us = (uint64_t)(timeout * 1e6 + 0.5);
    uint64_t sec = us / 1000000, frac = us % 1000000;
    uint64_t h = sec / 3600, m = sec / 60 % 60, s = sec % 60;
    if (frac)
        snprintf(out, size, "Timeout (%llu:%02llu:%02llu.%06llu)!\n", (unsigned long long)h,
                 (unsigned long long)m, (unsigned long long)s, (unsigned long long)frac);
    else
        snprintf(out, size, "Timeout (%llu:%02llu:%02llu)!\n", (unsigned long long)h,
                 (unsigned long long)m, (unsigned long long)s);
}

static void *fh_watchdog_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&fh_later.lock);
    for (;;) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        double whole = (double)(time_t)fh_later.timeout;
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((fh_later.timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000L) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000L;
        }
        int rc = 0;
        while (!fh_later.cancelled && rc != ETIMEDOUT)
            rc = pthread_cond_timedwait(&fh_later.cond, &fh_later.lock, &deadline);
        if (fh_later.cancelled)
            break;
        fh_puts(fh_later.fd, fh_later.header);
        fh_dump(fh_later.fd, fh_later.runtime, NULL, true);
        if (fh_later.exit)
            _exit(1);
        if (!fh_later.repeat)
            break;
    }
    pthread_mutex_unlock(&fh_later.lock);
    return NULL;
}

/* Stops and joins the watchdog, if any. GIL held: the watchdog never takes
   it, so waiting for it cannot deadlock. */
static void fh_later_cancel(void)
{
    pthread_mutex_lock(&fh_later.lock);
    bool running = fh_later.running;
    fh_later.cancelled = true;
    pthread_cond_signal(&fh_later.cond);
    pthread_mutex_unlock(&fh_later.lock);
    if (running)
        pthread_join(fh_later.thread, NULL);
    fh_later.running = false;
    GP_CLEAR(fh_later.file);
}

/* ------------------------------------------------------------------ */
/* register(): a user signal writes the stacks                          */
/* ------------------------------------------------------------------ */

#ifndef NSIG
#define NSIG 65
#endif

static struct {
    bool set;
    int fd;
    bool all_threads, chain;
    gp_object_t *file;
    struct sigaction previous;
} fh_user[NSIG];
static gp_runtime_t *fh_user_runtime;

static void fh_user_handler(int signum)
{
    int saved = errno;
    if (signum <= 0 || signum >= NSIG || !fh_user[signum].set)
        return;
    fh_dump(fh_user[signum].fd, fh_user_runtime, gp_tstate_current, fh_user[signum].all_threads);
    if (fh_user[signum].chain) {
        struct sigaction *prev = &fh_user[signum].previous;
        if (prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN &&
            !(prev->sa_flags & SA_SIGINFO))
            prev->sa_handler(signum);
    }
    errno = saved;
}

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

static int fh_bool_arg(gp_object_t *arg, bool def, bool *out)
{
    if (arg == NULL) {
        *out = def;
        return 0;
    }
    int t = gp_object_is_true(arg);
    if (t < 0)
        return -1;
    *out = t != 0;
    return 0;
}

/* The (file=None, all_threads=True) arguments of enable() and
   dump_traceback(): the descriptor, the file object to keep alive (or
   NULL), and the flag. -1 with an exception set. */
static int fh_file_args(const char *fname, gp_object_t *const *args, size_t nargs,
                        gp_object_t *kwnames, gp_object_t **file, bool *all_threads)
{
    static const char *const names[] = {"file", "all_threads", NULL};
    gp_object_t *argv[2] = {NULL};
    if (gp_args_parse(fname, args, nargs, kwnames, names, 0, argv) < 0 ||
        fh_bool_arg(argv[1], true, all_threads) < 0)
        return -1;
    return fh_file_fd(argv[0], file);
}

static gp_object_t *fh_enable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_object_t *file;
    bool all_threads;
    int fd = fh_file_args("enable", args, nargs, kwnames, &file, &all_threads);
    if (fd < 0)
        return NULL;
    int rc = fh_fatal_enable(fd, file, all_threads);
    GP_XDECREF(file);
    return rc < 0 ? NULL : gp_none_new();
}

static gp_object_t *fh_disable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("disable", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(fh_fatal_disable());
}

static gp_object_t *fh_is_enabled(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("is_enabled", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(fh_fatal_state.enabled);
}

static gp_object_t *fh_dump_traceback(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    gp_object_t *file;
    bool all_threads;
    int fd = fh_file_args("dump_traceback", args, nargs, kwnames, &file, &all_threads);
    if (fd < 0)
        return NULL;
    fh_dump(fd, gp_runtime(), gp_tstate(), all_threads);
    GP_XDECREF(file);
    return gp_none_new();
}

static gp_object_t *fh_dump_traceback_later(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    static const char *const names[] = {"timeout", "repeat", "file", "exit", NULL};
    gp_object_t *argv[4] = {NULL};
    bool repeat, exit_after;
    if (gp_args_parse("dump_traceback_later", args, nargs, kwnames, names, 1, argv) < 0 ||
        fh_bool_arg(argv[1], false, &repeat) < 0 || fh_bool_arg(argv[3], false, &exit_after) < 0)
        return NULL;
    double timeout = gp_float_as_double(argv[0]);
    if (timeout == -1.0 && gp_err_occurred())
        return NULL;
    if (!(timeout > 0)) {
        gp_err_set_string(&gp_exc_ValueError, "timeout must be greater than 0");
        return NULL;
    }
    if (timeout > 1e9) {
        gp_err_set_string(&gp_exc_OverflowError, "timeout value is too large");
        return NULL;
    }
    gp_object_t *file;
    int fd = fh_file_fd(argv[2], &file);
    if (fd < 0)
        return NULL;
    /* A new call replaces the pending one, as CPython. */
    fh_later_cancel();
    fh_later.timeout = timeout;
    fh_later.repeat = repeat;
    fh_later.exit = exit_after;
    fh_later.fd = fd;
    fh_later.file = file;
    fh_later.runtime = gp_runtime();
    fh_later.cancelled = false;
    fh_format_header(fh_later.header, sizeof fh_later.header, timeout);
    int rc = pthread_create(&fh_later.thread, NULL, fh_watchdog_main, NULL);
    if (rc != 0) {
        GP_CLEAR(fh_later.file);
        errno = rc;
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    fh_later.running = true;
    return gp_none_new();
}

static gp_object_t *fh_cancel_later(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("cancel_dump_traceback_later", nargs, kwnames, 0, 0) < 0)
        return NULL;
    fh_later_cancel();
    return gp_none_new();
}

static int fh_signum_arg(gp_object_t *arg, int *out)
{
    int overflow = 0;
    int64_t v = gp_int_check(arg) ? gp_int_as_i64_overflow(arg, &overflow) : -1;
    if (!gp_int_check(arg)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
        return -1;
    }
    if (overflow || v <= 0 || v >= NSIG) {
        gp_err_set_string(&gp_exc_ValueError, "signal number out of range");
        return -1;
    }
    for (size_t i = 0; i < FH_NFATAL; i++) {
        if (fh_fatal_signals[i].signum == v) {
            gp_err_format(&gp_exc_RuntimeError,
                          "signal %d cannot be registered, use enable() instead", (int)v);
            return -1;
        }
    }
    *out = (int)v;
    return 0;
}

static gp_object_t *fh_register(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"signum", "file", "all_threads", "chain", NULL};
    gp_object_t *argv[4] = {NULL};
    bool all_threads, chain;
    int signum;
    if (gp_args_parse("register", args, nargs, kwnames, names, 1, argv) < 0 ||
        fh_signum_arg(argv[0], &signum) < 0 || fh_bool_arg(argv[2], true, &all_threads) < 0 ||
        fh_bool_arg(argv[3], false, &chain) < 0)
        return NULL;
    gp_object_t *file;
    int fd = fh_file_fd(argv[1], &file);
    if (fd < 0)
        return NULL;
    fh_user_runtime = gp_runtime();
    if (!fh_user[signum].set) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = fh_user_handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART | (chain ? SA_NODEFER : 0);
        if (sigaction(signum, &sa, &fh_user[signum].previous) != 0) {
            GP_XDECREF(file);
            gp_err_set_from_errno(errno, NULL);
            return NULL;
        }
    }
    GP_XDECREF(fh_user[signum].file);
    fh_user[signum].file = file; /* the reference fh_file_fd() gave */
    fh_user[signum].fd = fd;
    fh_user[signum].all_threads = all_threads;
    fh_user[signum].chain = chain;
    fh_user[signum].set = true;
    return gp_none_new();
}

static gp_object_t *fh_unregister(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    int signum;
    if (gp_args_check("unregister", nargs, kwnames, 1, 1) < 0 ||
        fh_signum_arg(args[0], &signum) < 0)
        return NULL;
    if (!fh_user[signum].set)
        return gp_bool_from(false);
    fh_user[signum].set = false;
    sigaction(signum, &fh_user[signum].previous, NULL);
    GP_CLEAR(fh_user[signum].file);
    return gp_bool_from(true);
}

/* A forked child has no watchdog thread, whatever the parent had. */
static void fh_atfork_child(void)
{
    pthread_mutex_init(&fh_later.lock, NULL);
    pthread_cond_init(&fh_later.cond, NULL);
    fh_later.running = false;
}

void gp_faulthandler_fini(void)
{
    /* A pending dump_traceback_later() must not fire (nor exit) while the
       process tears down, as in CPython. */
    if (fh_later.running)
        fh_later_cancel();
}

static const gp_method_def_t fh_functions[] = {
    {"enable", fh_enable, GP_METH_KEYWORDS, NULL},
    {"disable", fh_disable, 0, NULL},
    {"is_enabled", fh_is_enabled, 0, NULL},
    {"dump_traceback", fh_dump_traceback, GP_METH_KEYWORDS, NULL},
    {"dump_traceback_later", fh_dump_traceback_later, GP_METH_KEYWORDS, NULL},
    {"cancel_dump_traceback_later", fh_cancel_later, 0, NULL},
    {"register", fh_register, GP_METH_KEYWORDS, NULL},
    {"unregister", fh_unregister, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_faulthandler_module_create(void)
{
    static bool atfork_done;
    if (!atfork_done && pthread_atfork(NULL, NULL, fh_atfork_child) == 0)
        atfork_done = true;
    gp_object_t *m = gp_module_new("faulthandler");
    if (m && gp_module_add_functions(m, fh_functions) < 0)
        GP_CLEAR(m);
    return m;
}
