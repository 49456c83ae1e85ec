/*
 * posix.c - the `posix` module: the operating-system calls under `os`.
 *
 * Design notes
 * ------------
 * As in CPython, `os` is a Python module (lib/os.py) that re-exports this
 * one and adds what is easier to write in Python. Every call that can block
 * releases the GIL around the system call and takes it back through the
 * priority lane, so other threads run meanwhile and an I/O-bound thread is
 * not queued behind CPU-bound ones on its return. read, write and close on
 * descriptors go through libuv's synchronous fs API (io.c's gp_io_fd_*),
 * as the file-system half does (posix_fs.c); waitpid, wait, system and
 * poll have no libuv request and are made directly, still without the GIL.
 *
 * Failed calls raise the OSError subclass that errno selects
 * (gp_err_set_from_errno). Calls interrupted by a signal are retried unless
 * the signal must become a Python exception (PEP 475).
 *
 * fork() keeps the child consistent: the child's only thread becomes the
 * runtime's main thread and holds a freshly created GIL, so it cannot
 * deadlock on a lock that a thread of the parent held at the moment of the
 * fork (see gp_runtime_after_fork_child()).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mod/io_internal.h"
#include "mod/posix_fs.h"
#include "mod/structseq.h"
#include "obj/object.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

extern char **environ;

/* Reads a C int argument; -1 with an exception on error. */
static int posix_int_arg(gp_object_t *o, int *out)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    int64_t v = gp_int_as_i64(o);
    if (v == -1 && gp_err_occurred())
        return -1;
    if (v < INT32_MIN || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* After EINTR: runs signal handlers; -1 if one raised. */
static int posix_check_signals(void)
{
    if (atomic_load(&gp_runtime()->eval_breaker))
        return gp_runtime_handle_breaker();
    return 0;
}

static gp_object_t *posix_getpid(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("getpid", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)getpid());
}

static gp_object_t *posix_getppid(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("getppid", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)getppid());
}

static gp_object_t *posix_fork(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("fork", nargs, kwnames, 0, 0) < 0)
        return NULL;
    /* Let threads just started reach the GIL first (see threads_starting);
       while this thread holds the GIL no new one can be started. */
    gp_runtime_t *rt = gp_runtime();
    while (atomic_load(&rt->threads_starting) > 0) {
        gp_thread_state_t *saved = gp_gil_release_for_blocking();
        struct timespec pause = {0, 50 * 1000};
        nanosleep(&pause, NULL);
        gp_gil_acquire_after_blocking(saved);
    }
    pid_t pid = fork();
    if (pid < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    if (pid == 0 && gp_runtime_after_fork_child() < 0)
        return NULL;
    return gp_int_from_i64((int64_t)pid);
}

static gp_object_t *posix_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    int status;
    if (gp_args_check("_exit", nargs, kwnames, 1, 1) < 0 || posix_int_arg(args[0], &status) < 0)
        return NULL;
    _exit(status);
}

static gp_object_t *posix_waitpid(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    int pid, options;
    if (gp_args_check("waitpid", nargs, kwnames, 2, 2) < 0 || posix_int_arg(args[0], &pid) < 0 ||
        posix_int_arg(args[1], &options) < 0)
        return NULL;
    int status = 0;
    pid_t got;
    for (;;) {
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_PROCESS);
        got = waitpid((pid_t)pid, &status, options);
        int err = errno;
        gp_gil_acquire_after_blocking(ts);
        if (got >= 0)
            break;
        if (err != EINTR) {
            gp_err_set_from_errno(err, NULL);
            return NULL;
        }
        if (posix_check_signals() < 0)
            return NULL;
    }
    gp_object_t *p = gp_int_from_i64(got), *s = gp_int_from_i64(status);
    gp_object_t *result = gp_tuple_pack(2, p, s);
    GP_DECREF(p);
    GP_DECREF(s);
    return result;
}

/* os.waitstatus_to_exitcode and the W* helpers. */
static gp_object_t *posix_status_fn(const char *name, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames, int which)
{
    int status;
    if (gp_args_check(name, nargs, kwnames, 1, 1) < 0 || posix_int_arg(args[0], &status) < 0)
        return NULL;
    switch (which) {
    case 0:
        return gp_bool_from(WIFEXITED(status));
    case 1:
        return gp_int_from_i64(WEXITSTATUS(status));
    case 2:
        return gp_bool_from(WIFSIGNALED(status));
    case 3:
        return gp_int_from_i64(WTERMSIG(status));
    default:
        if (WIFEXITED(status))
            return gp_int_from_i64(WEXITSTATUS(status));
        if (WIFSIGNALED(status))
            return gp_int_from_i64(-WTERMSIG(status));
        gp_err_format(&gp_exc_ValueError, "invalid wait status: %d", status);
        return NULL;
    }
}

static gp_object_t *posix_wifexited(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return posix_status_fn("WIFEXITED", args, nargs, kwnames, 0);
}

static gp_object_t *posix_wexitstatus(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    return posix_status_fn("WEXITSTATUS", args, nargs, kwnames, 1);
}

static gp_object_t *posix_wifsignaled(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    return posix_status_fn("WIFSIGNALED", args, nargs, kwnames, 2);
}

static gp_object_t *posix_wtermsig(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    return posix_status_fn("WTERMSIG", args, nargs, kwnames, 3);
}

static gp_object_t *posix_waitstatus_to_exitcode(gp_object_t *self, gp_object_t *const *args,
                                                 size_t nargs, gp_object_t *kwnames)
{
    return posix_status_fn("waitstatus_to_exitcode", args, nargs, kwnames, 4);
}

static gp_object_t *posix_kill(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    int pid, sig;
    if (gp_args_check("kill", nargs, kwnames, 2, 2) < 0 || posix_int_arg(args[0], &pid) < 0 ||
        posix_int_arg(args[1], &sig) < 0)
        return NULL;
    if (kill((pid_t)pid, sig) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

static gp_object_t *posix_pipe(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("pipe", nargs, kwnames, 0, 0) < 0)
        return NULL;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    gp_object_t *r = gp_int_from_i64(fds[0]), *w = gp_int_from_i64(fds[1]);
    gp_object_t *result = gp_tuple_pack(2, r, w);
    GP_DECREF(r);
    GP_DECREF(w);
    return result;
}

static gp_object_t *posix_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    int fd, n;
    if (gp_args_check("read", nargs, kwnames, 2, 2) < 0 || posix_int_arg(args[0], &fd) < 0 ||
        posix_int_arg(args[1], &n) < 0)
        return NULL;
    if (n < 0) {
        gp_err_set_string(&gp_exc_ValueError, "negative count");
        return NULL;
    }
    char *buf = gp_mem_alloc((size_t)n + 1);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    /* libuv's synchronous read, GIL released, EINTR handled (io.c). */
    int64_t got = gp_io_fd_read(fd, buf, (size_t)n);
    if (got < 0) {
        gp_mem_free(buf);
        return NULL;
    }
    gp_object_t *result = gp_bytes_new(buf, (size_t)got);
    gp_mem_free(buf);
    return result;
}

static gp_object_t *posix_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("write", nargs, kwnames, 2, 2) < 0 || posix_int_arg(args[0], &fd) < 0)
        return NULL;
    gp_buffer_t view;
    if (gp_buffer_get(args[1], &view, GP_BUFFER_SIMPLE) < 0)
        return NULL;
    gp_buffer_release(&view);
    /* Copy first: the buffer of a bytearray could change while the GIL is released. */
    size_t len = gp_bytes_len(args[1]);
    char *copy = gp_mem_alloc(len + 1);
    if (!copy) {
        gp_err_no_memory();
        return NULL;
    }
    memcpy(copy, gp_bytes_data(args[1]), len);
    int64_t put = gp_io_fd_write(fd, copy, len);
    if (put < 0) {
        gp_mem_free(copy);
        return NULL;
    }
    gp_mem_free(copy);
    return gp_int_from_i64(put);
}

static gp_object_t *posix_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("close", nargs, kwnames, 1, 1) < 0 || posix_int_arg(args[0], &fd) < 0)
        return NULL;
    if (gp_io_fd_close(fd) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *posix_cpu_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("cpu_count", nargs, kwnames, 0, 0) < 0)
        return NULL;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return gp_none_new();
    return gp_int_from_i64(n);
}

static gp_object_t *posix_getcwd(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("getcwd", nargs, kwnames, 0, 0) < 0)
        return NULL;
    char *cwd = getcwd(NULL, 0);
    if (!cwd) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    gp_object_t *result = gp_str_from_cstr(cwd);
    free(cwd);
    return result;
}

static gp_object_t *posix_strerror(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    int code;
    if (gp_args_check("strerror", nargs, kwnames, 1, 1) < 0 || posix_int_arg(args[0], &code) < 0)
        return NULL;
    return gp_str_from_cstr(strerror(code));
}

static gp_object_t *posix_urandom(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    int n;
    if (gp_args_check("urandom", nargs, kwnames, 1, 1) < 0 || posix_int_arg(args[0], &n) < 0)
        return NULL;
    if (n < 0) {
        gp_err_set_string(&gp_exc_ValueError, "negative argument not allowed");
        return NULL;
    }
    char *buf = gp_mem_alloc((size_t)n + 1);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    /* getentropy() hands out at most 256 bytes per call. */
    for (size_t filled = 0; filled < (size_t)n;) {
        size_t chunk = (size_t)n - filled < 256 ? (size_t)n - filled : 256;
        if (getentropy(buf + filled, chunk) < 0) {
            gp_mem_free(buf);
            gp_err_set_from_errno(errno, NULL);
            return NULL;
        }
        filled += chunk;
    }
    gp_object_t *result = gp_bytes_new(buf, (size_t)n);
    gp_mem_free(buf);
    return result;
}

/* The process environment as a dict of str, for os.environ. */
static gp_object_t *posix_environ_dict(void)
{
    gp_object_t *d = gp_dict_new();
    if (!d)
        return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        gp_object_t *k = gp_str_from_utf8(*e, (size_t)(eq - *e));
        gp_object_t *v = k ? gp_str_from_cstr(eq + 1) : NULL;
        if (!k || !v) {
            /* Undecodable entries are skipped rather than failing start-up. */
            GP_XDECREF(k);
            GP_XDECREF(v);
            gp_err_clear();
            continue;
        }
        int rc = gp_dict_setitem(d, k, v);
        GP_DECREF(k);
        GP_DECREF(v);
        if (rc < 0) {
            GP_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static gp_object_t *posix_putenv(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("putenv", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (!gp_str_check(args[0]) || !gp_str_check(args[1])) {
        gp_err_set_string(&gp_exc_TypeError, "putenv: expected str arguments");
        return NULL;
    }
    const char *name = gp_str_utf8(args[0]);
    if (!*name || strchr(name, '=')) {
        gp_err_set_string(&gp_exc_ValueError, "illegal environment variable name");
        return NULL;
    }
    if (setenv(name, gp_str_utf8(args[1]), 1) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

static gp_object_t *posix_unsetenv(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("unsetenv", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "unsetenv: expected str argument");
        return NULL;
    }
    if (unsetenv(gp_str_utf8(args[0])) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

/* _poll_readable(fd, timeout): waits until [fd] is readable (or at EOF);
   timeout None waits forever. Returns bool. gilpy-specific; multiprocessing
   uses it for timed queue reads. */
static gp_object_t *posix_poll_readable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("_poll_readable", nargs, kwnames, 2, 2) < 0 || posix_int_arg(args[0], &fd) < 0)
        return NULL;
    int timeout_ms = -1;
    if (args[1] != gp_None) {
        double seconds = gp_float_as_double(args[1]);
        if (seconds == -1.0 && gp_err_occurred())
            return NULL;
        timeout_ms = seconds <= 0 ? 0 : seconds > 2e6 ? 2000000000 : (int)(seconds * 1000.0 + 0.999);
    }
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    int rc;
    for (;;) {
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
        rc = poll(&pfd, 1, timeout_ms);
        int err = errno;
        gp_gil_acquire_after_blocking(ts);
        if (rc >= 0)
            break;
        if (err != EINTR) {
            gp_err_set_from_errno(err, NULL);
            return NULL;
        }
        if (posix_check_signals() < 0)
            return NULL;
    }
    return gp_bool_from(rc > 0);
}

static gp_object_t *posix_pipe2(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    int flags;
    if (gp_args_check("pipe2", nargs, kwnames, 1, 1) < 0 || posix_int_arg(args[0], &flags) < 0)
        return NULL;
    int fds[2];
    if (pipe2(fds, flags) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    gp_object_t *r = gp_int_from_i64(fds[0]), *w = gp_int_from_i64(fds[1]);
    gp_object_t *result = gp_tuple_pack(2, r, w);
    GP_DECREF(r);
    GP_DECREF(w);
    return result;
}

static const char *const uname_fields[] = {"sysname", "nodename", "release", "version",
                                           "machine", NULL};
static gp_structseq_type_t posix_uname_result_type =
    GP_STRUCTSEQ_TYPE_INIT("posix.uname_result", uname_fields, 5, true);

static gp_object_t *posix_uname(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("uname", nargs, kwnames, 0, 0) < 0)
        return NULL;
    struct utsname u;
    if (uname(&u) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    if (gp_structseq_type_init(&posix_uname_result_type) < 0)
        return NULL;
    gp_object_t *r = gp_structseq_new(&posix_uname_result_type);
    if (!r)
        return NULL;
    const char *items[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    for (size_t i = 0; i < 5; i++) {
        gp_object_t *v = gp_str_from_cstr(items[i]);
        if (!v) {
            GP_DECREF(r);
            return NULL;
        }
        gp_structseq_set(r, i, v);
    }
    return r;
}

static gp_object_t *posix_getloadavg(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("getloadavg", nargs, kwnames, 0, 0) < 0)
        return NULL;
    double load[3];
    if (getloadavg(load, 3) != 3) {
        gp_err_set_string(&gp_exc_OSError, "Load averages are unobtainable");
        return NULL;
    }
    gp_object_t *a = gp_float_new(load[0]), *b = gp_float_new(load[1]), *c = gp_float_new(load[2]);
    gp_object_t *r = a && b && c ? gp_tuple_pack(3, a, b, c) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    GP_XDECREF(c);
    return r;
}

/* wait(): waitpid(-1, 0). */
static gp_object_t *posix_wait(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("wait", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *a[2] = {gp_int_from_i64(-1), gp_int_from_i64(0)};
    gp_object_t *r = posix_waitpid(self, a, 2, NULL);
    GP_DECREF(a[0]); /* small ints: never fail, nothing to free, but balanced */
    GP_DECREF(a[1]);
    return r;
}

/* system(command): the shell's wait status; the GIL is released while the
   command runs. */
static gp_object_t *posix_system(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"command", NULL};
    gp_object_t *v[1];
    if (gp_args_parse("system", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    const char *cmd;
    if (gp_str_check(v[0])) {
        cmd = gp_str_utf8(v[0]);
    } else if (gp_bytes_check(v[0])) {
        cmd = gp_bytes_data(v[0]);
    } else {
        gp_err_format(&gp_exc_TypeError, "system() argument 'command' must be str, not %T", v[0]);
        return NULL;
    }
    if (!cmd)
        return NULL;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_PROCESS);
    int status = system(cmd);
    gp_gil_acquire_after_blocking(ts);
    return gp_int_from_i64(status);
}

static gp_object_t *posix_abort(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("abort", nargs, kwnames, 0, 0) < 0)
        return NULL;
    abort(); /* what the user asked for: os.abort() */
}

static gp_object_t *posix_getpgrp(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("getpgrp", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)getpgrp());
}

static gp_object_t *posix_setsid(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("setsid", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (setsid() < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

static gp_object_t *posix_killpg(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    int pgid, sig;
    if (gp_args_check("killpg", nargs, kwnames, 2, 2) < 0 || posix_int_arg(args[0], &pgid) < 0 ||
        posix_int_arg(args[1], &sig) < 0)
        return NULL;
    if (killpg((pid_t)pgid, sig) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

/* sched_getaffinity(pid): the set of CPUs the process may run on. */
static gp_object_t *posix_sched_getaffinity(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    int pid;
    if (gp_args_check("sched_getaffinity", nargs, kwnames, 1, 1) < 0 ||
        posix_int_arg(args[0], &pid) < 0)
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity((pid_t)pid, sizeof set, &set) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    gp_object_t *result = gp_set_new(NULL);
    for (int cpu = 0; result && cpu < CPU_SETSIZE; cpu++) {
        if (!CPU_ISSET(cpu, &set))
            continue;
        gp_object_t *n = gp_int_from_i64(cpu);
        if (!n || gp_set_add(result, n) < 0)
            GP_CLEAR(result);
        GP_XDECREF(n);
    }
    return result;
}

static const gp_method_def_t posix_functions[] = {
    {"_poll_readable", posix_poll_readable, 0, "Wait until a file descriptor is readable."},
    {"getpid", posix_getpid, 0, "Return the current process id."},
    {"getppid", posix_getppid, 0, "Return the parent's process id."},
    {"fork", posix_fork, 0, "Fork a child process."},
    {"_exit", posix_exit, 0, "Exit to the system with the given status, without cleanup."},
    {"waitpid", posix_waitpid, 0, "Wait for a child process: (pid, status)."},
    {"WIFEXITED", posix_wifexited, 0, "Did the process exit normally?"},
    {"WEXITSTATUS", posix_wexitstatus, 0, "The exit code of a normally exited process."},
    {"WIFSIGNALED", posix_wifsignaled, 0, "Was the process killed by a signal?"},
    {"WTERMSIG", posix_wtermsig, 0, "The signal that killed the process."},
    {"waitstatus_to_exitcode", posix_waitstatus_to_exitcode, 0, "Wait status to exit code."},
    {"kill", posix_kill, 0, "Send a signal to a process."},
    {"pipe", posix_pipe, 0, "Create a pipe: (read_fd, write_fd)."},
    {"pipe2", posix_pipe2, 0, "Create a pipe with flags (O_NONBLOCK, O_CLOEXEC)."},
    {"uname", posix_uname, 0, "Identify the current operating system."},
    {"getloadavg", posix_getloadavg, 0, "Load averages over 1, 5 and 15 minutes."},
    {"wait", posix_wait, 0, "Wait for any child process: (pid, status)."},
    {"system", posix_system, GP_METH_KEYWORDS, "Execute the command in a subshell."},
    {"abort", posix_abort, 0, "Abort the interpreter immediately (SIGABRT)."},
    {"getpgrp", posix_getpgrp, 0, "Return the current process group id."},
    {"setsid", posix_setsid, 0, "Create a new session."},
    {"killpg", posix_killpg, 0, "Send a signal to a process group."},
    {"sched_getaffinity", posix_sched_getaffinity, 0, "The CPUs the process may run on."},
    {"read", posix_read, 0, "Read at most n bytes from a file descriptor."},
    {"write", posix_write, 0, "Write bytes to a file descriptor."},
    {"close", posix_close, 0, "Close a file descriptor."},
    {"cpu_count", posix_cpu_count, 0, "Number of online CPUs."},
    {"getcwd", posix_getcwd, 0, "Return the current working directory."},
    {"strerror", posix_strerror, 0, "Text of an error code."},
    {"urandom", posix_urandom, 0, "Return n random bytes."},
    {"putenv", posix_putenv, 0, "Set an environment variable."},
    {"unsetenv", posix_unsetenv, 0, "Remove an environment variable."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_posix_module_create(void)
{
    gp_object_t *module = gp_module_new("posix");
    if (!module)
        return NULL;
    gp_object_t *env = posix_environ_dict();
    if (!env || gp_module_add_functions(module, posix_functions) < 0 ||
        gp_posix_fs_add(module) < 0 ||
        gp_module_add_object(module, "environ", env) < 0 ||
        gp_module_add_object(module, "error", (gp_object_t *)&gp_exc_OSError) < 0 ||
        gp_structseq_type_init(&posix_uname_result_type) < 0 ||
        gp_module_add_object(module, "uname_result", (gp_object_t *)&posix_uname_result_type) < 0 ||
        gp_module_add_int(module, "WNOHANG", WNOHANG) < 0 ||
        gp_module_add_int(module, "O_RDONLY", O_RDONLY) < 0 ||
        gp_module_add_int(module, "O_WRONLY", O_WRONLY) < 0 ||
        gp_module_add_int(module, "O_RDWR", O_RDWR) < 0) {
        GP_XDECREF(env);
        GP_DECREF(module);
        return NULL;
    }
    GP_DECREF(env);
    return module;
}
