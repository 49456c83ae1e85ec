/*
 * subprocess.c - the `_gpsubprocess` module: the C half of lib/subprocess.py.
 *
 * Design notes
 * ------------
 * lib/subprocess.py decides *what* to run (argument lists, the PATH search,
 * which pipes to make); this file does the three things Python code cannot
 * do safely in a threaded interpreter: start the child, wait for it, and
 * shuttle data through its pipes without deadlocking.
 *
 * Starting (spawn). gilpy is threaded, so between fork() and exec() the
 * child may only make async-signal-safe calls: another thread of the parent
 * may have held the allocator's lock, or been half-way through changing a
 * Python object, at the instant of the fork. Everything the child needs is
 * therefore prepared in the parent as plain C data (a spawn_plan_t: argv and
 * envp arrays, the descriptor plan, the options), and the child only makes
 * system calls: dup2, chdir, umask, sigaction, setsid, setpgid, close_range
 * and execve. The fork happens with the GIL released, so other threads keep
 * running while the kernel copies the page tables; the child never touches
 * the GIL or any object. We use fork() rather than vfork(): a vfork child
 * shares the parent's memory and signal handlers, which would force us to
 * block every signal around it, and glibc's posix_spawn cannot express
 * close_fds with pass_fds or umask.
 *
 * The child reports a failure through a pipe whose write end is close-on-
 * exec: a successful exec closes it, so the parent reads end-of-file; a
 * failure writes {stage, errno} and exits with 255. The parent reaps that
 * child at once and raises the OSError errno selects, naming the program
 * (exec stage) or the directory (chdir stage) as CPython does:
 * "FileNotFoundError: [Errno 2] No such file or directory: 'nosuchcmd'".
 *
 * preexec_fn is the one exception to "no Python in the child": it is a
 * Python callable. When one is given, the fork happens with the GIL held
 * (after os.fork's wait for threads still starting), and the child makes
 * itself a consistent single-threaded runtime (gp_runtime_after_fork_child,
 * as os.fork does) before calling it. Like CPython, we document it as unsafe
 * in the presence of threads; without it no Python runs in the child.
 *
 * Waiting (wait). A child's exit is watched through a pidfd (Linux 5.3+),
 * which becomes readable when the process exits. The wait is served by the
 * runtime's libuv service loop (gp_service_loop_wait_fd) with the GIL
 * released, so a wait with a timeout needs no polling, N threads waiting for
 * N children cost nothing, and the main thread's wait ends on Ctrl-C through
 * the pending-SIGINT flag like every other loop wait. Once the pidfd is
 * readable, waitpid(WNOHANG) collects the status. Without a pidfd (an old
 * kernel, or a child some other code reaped) the wait falls back to polling
 * waitpid(WNOHANG) with growing sleeps, still without the GIL.
 *
 * Pumping (pump). communicate() may write a large input while the child
 * writes large outputs on both stdout and stderr; doing any of these in turn
 * deadlocks once a pipe fills. pump() multiplexes the three descriptors with
 * poll(2) in the calling thread, GIL released for the whole exchange (the
 * service loop watches one fd per wait, so three pipes would mean three
 * round trips per chunk). The stdin pipe is made non-blocking for the
 * duration so a write never blocks on a full pipe; its original flags are
 * restored before returning. pump() returns what it collected and where the
 * input stands, so a communicate() that timed out can be called again and
 * carry on where it stopped, as CPython's can. It also returns as soon as
 * the input is all written: the Python side owns the stdin file object and
 * must close it (the child's end-of-file) before the outputs can finish.
 *
 * Reaping of children whose Popen was dropped unwaited lives in
 * lib/subprocess.py (_orphans); reap() here is its non-blocking waitpid.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "runtime/runtime.h"

extern char **environ;

/* What went wrong in the child, sent with its errno through the report pipe. */
enum {
    SPAWN_STAGE_SETUP = 1,   /* dup2, setsid, ...: an OSError without a file name */
    SPAWN_STAGE_CHDIR = 2,   /* chdir(cwd): the error names the directory */
    SPAWN_STAGE_EXEC = 3,    /* execve: the error names the program */
    SPAWN_STAGE_PREEXEC = 4, /* preexec_fn raised */
};

/* stderr_fd value meaning "the same as the child's stdout" (stderr=STDOUT). */
#define SPAWN_FD_STDOUT (-2)

/* Everything the child needs, as plain C data prepared by the parent. */
typedef struct spawn_plan {
    char **executables; /* candidate paths, tried in order (the PATH search) */
    char **argv;
    char **envp;           /* never NULL: a snapshot of environ when env is None */
    bool envp_is_snapshot; /* env was None: a preexec_fn's changes to environ count */
    const char *cwd;       /* NULL: inherit */
    int fds[3]; /* source of the child's 0, 1, 2; -1 inherits; fds[2] may be SPAWN_FD_STDOUT */
    bool close_fds;
    int *keep_fds; /* pass_fds, sorted ascending */
    size_t keep_count;
    bool new_session;
    int process_group; /* -1: unchanged */
    bool restore_signals;
    int umask_value; /* -1: unchanged */
    int report_fd;   /* write end of the report pipe (close-on-exec) */
    int max_fd;      /* bound for closing fds when close_range is missing */
} spawn_plan_t;

/* ------------------------------------------------------------------ */
/* The child: async-signal-safe calls only                              */
/* ------------------------------------------------------------------ */

/* Sends {stage, err} to the parent and ends the child. */
static _Noreturn void child_fail(const spawn_plan_t *plan, int stage, int err)
{
    int message[2] = {stage, err};
    ssize_t ignored = write(plan->report_fd, message, sizeof message);
    (void)ignored;
    _exit(255);
}

/* Closes every fd in [low, high] (inclusive). */
static void child_close_span(const spawn_plan_t *plan, int low, int high)
{
    if (low > high)
        return;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)low, (unsigned)high, 0u) == 0)
        return;
#endif
    int stop = high < plan->max_fd ? high : plan->max_fd;
    for (int fd = low; fd <= stop; fd++)
        close(fd);
}

static bool child_is_kept(const spawn_plan_t *plan, int fd)
{
    for (size_t i = 0; i < plan->keep_count; i++)
        if (plan->keep_fds[i] == fd)
            return true;
    return false;
}

/* Closes every fd from 3 up except pass_fds and the report pipe, walking
   the gaps between the fds to keep (keep_fds is sorted). */
static void child_close_fds(spawn_plan_t *plan)
{
    int low = 3;
    size_t k = 0;
    for (;;) {
        int next_keep = k < plan->keep_count ? plan->keep_fds[k] : -1;
        int keep = next_keep;
        if (plan->report_fd >= low && (keep < 0 || plan->report_fd < keep))
            keep = plan->report_fd;
        if (keep < 0) {
            child_close_span(plan, low, 0x7fffffff);
            return;
        }
        if (keep >= low) {
            child_close_span(plan, low, keep - 1);
            low = keep + 1;
        }
        if (keep == next_keep)
            k++;
    }
}

/* Makes [fd] survive exec. */
static int child_set_inheritable(int fd)
{
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return -1;
    if ((flags & FD_CLOEXEC) && fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) < 0)
        return -1;
    return 0;
}

/* Puts the planned descriptors on 0, 1 and 2. A source already sitting on
   a low fd it is not meant for (a pipe that got fd 1 because the parent's
   stdout was closed) is first moved above 2, so one dup2 cannot clobber the
   source of the next. */
static void child_arrange_fds(spawn_plan_t *plan)
{
    if (plan->report_fd < 3) {
        int moved = fcntl(plan->report_fd, F_DUPFD_CLOEXEC, 3);
        if (moved < 0)
            _exit(255); /* no way left to report: the parent sees a bare exit */
        plan->report_fd = moved;
    }
    for (int i = 0; i < 3; i++) {
        int src = plan->fds[i];
        if (src >= 0 && src < 3 && src != i) {
            int moved = fcntl(src, F_DUPFD_CLOEXEC, 3);
            if (moved < 0)
                child_fail(plan, SPAWN_STAGE_SETUP, errno);
            plan->fds[i] = moved;
        }
    }
    for (int i = 0; i < 3; i++) {
        int src = plan->fds[i];
        if (src == SPAWN_FD_STDOUT)
            src = 1;
        if (src < 0)
            continue;
        /* dup2 onto itself does not clear close-on-exec; do it by hand. */
        int rc = src == i ? child_set_inheritable(i) : dup2(src, i);
        if (rc < 0)
            child_fail(plan, SPAWN_STAGE_SETUP, errno);
    }
    /* The sources above 2 have done their job (they are the parent's pipe
       ends or the caller's files); do not leak them into the program. */
    for (int i = 0; i < 3; i++) {
        int src = plan->fds[i];
        if (src < 3 || child_is_kept(plan, src))
            continue;
        bool seen = false;
        for (int j = 0; j < i; j++)
            seen = seen || plan->fds[j] == src;
        if (!seen)
            close(src);
    }
}

/* The child's whole life between fork and exec. */
static _Noreturn void child_run(spawn_plan_t *plan)
{
    child_arrange_fds(plan);
    if (plan->cwd && chdir(plan->cwd) < 0)
        child_fail(plan, SPAWN_STAGE_CHDIR, errno);
    if (plan->umask_value >= 0)
        umask((mode_t)plan->umask_value);
    if (plan->restore_signals) {
        /* The runtime ignores SIGPIPE (writes report EPIPE instead); a
           program started from it expects the default, as from a shell. */
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigaction(SIGPIPE, &dfl, NULL);
        sigaction(SIGXFSZ, &dfl, NULL);
    }
    if (plan->new_session && setsid() < 0)
        child_fail(plan, SPAWN_STAGE_SETUP, errno);
    if (plan->process_group >= 0 && setpgid(0, (pid_t)plan->process_group) < 0)
        child_fail(plan, SPAWN_STAGE_SETUP, errno);
    for (size_t i = 0; i < plan->keep_count; i++)
        if (child_set_inheritable(plan->keep_fds[i]) < 0)
            child_fail(plan, SPAWN_STAGE_SETUP, errno);
    if (plan->close_fds)
        child_close_fds(plan);

    /* As execvp does: a candidate that exists but cannot run (EACCES) is a
       better report than the ENOENT of the last directory searched. */
    int first_real_error = 0, last_error = ENOENT;
    for (char **exe = plan->executables; *exe; exe++) {
        execve(*exe, plan->argv, plan->envp);
        last_error = errno;
        if (last_error != ENOENT && last_error != ENOTDIR && first_real_error == 0)
            first_real_error = last_error;
    }
    child_fail(plan, SPAWN_STAGE_EXEC, first_real_error ? first_real_error : last_error);
}

/* ------------------------------------------------------------------ */
/* The parent: preparing the plan                                       */
/* ------------------------------------------------------------------ */

/* A NULL-terminated array of the data of a tuple of bytes (borrowed: valid
   while the tuple lives). NULL with an exception on error. */
static char **plan_byte_strings(gp_object_t *tuple, const char *what)
{
    if (!gp_tuple_check(tuple)) {
        gp_err_format(&gp_exc_TypeError, "%s must be a tuple of bytes", what);
        return NULL;
    }
    size_t n = (size_t)GP_TUPLE_SIZE(tuple);
    char **out = gp_mem_alloc((n + 1) * sizeof *out);
    if (!out) {
        gp_err_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        gp_object_t *item = GP_TUPLE_GET(tuple, i);
        if (!gp_bytes_check(item) || memchr(gp_bytes_data(item), 0, gp_bytes_len(item))) {
            gp_err_format(&gp_exc_ValueError, "%s: bytes without embedded null byte expected",
                          what);
            gp_mem_free(out);
            return NULL;
        }
        out[i] = (char *)gp_bytes_data(item);
    }
    out[n] = NULL;
    return out;
}

/* A copy of environ's pointer array, taken under the GIL: os.putenv (the
   only writer, always under the GIL) may reallocate the array while the
   fork runs without it. glibc never frees the strings themselves. */
static char **plan_environ_snapshot(void)
{
    size_t n = 0;
    while (environ && environ[n])
        n++;
    char **out = gp_mem_alloc((n + 1) * sizeof *out);
    if (!out) {
        gp_err_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = environ[i];
    out[n] = NULL;
    return out;
}

static int plan_int(gp_object_t *o, int *out)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "an integer is required, not %T", o);
        return -1;
    }
    int64_t v = gp_int_as_i64(o);
    if (v == -1 && gp_err_occurred())
        return -1;
    if (v < -2 || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_ValueError, "file descriptor or id out of range");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* The sorted pass_fds as a C array (NULL when empty). */
static int plan_keep_fds(gp_object_t *tuple, spawn_plan_t *plan)
{
    if (!gp_tuple_check(tuple)) {
        gp_err_set_string(&gp_exc_TypeError, "pass_fds must be a tuple of ints");
        return -1;
    }
    size_t n = (size_t)GP_TUPLE_SIZE(tuple);
    plan->keep_count = n;
    if (n == 0)
        return 0;
    plan->keep_fds = gp_mem_alloc(n * sizeof(int));
    if (!plan->keep_fds) {
        gp_err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        int fd;
        if (plan_int(GP_TUPLE_GET(tuple, i), &fd) < 0)
            return -1;
        if (fd < 3 || (i > 0 && fd <= plan->keep_fds[i - 1])) {
            gp_err_set_string(&gp_exc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        plan->keep_fds[i] = fd;
    }
    return 0;
}

static void plan_free(spawn_plan_t *plan)
{
    gp_mem_free(plan->executables);
    gp_mem_free(plan->argv);
    gp_mem_free(plan->envp);
    gp_mem_free(plan->keep_fds);
}

/* Reads the child's report: 0 bytes (exec succeeded) or {stage, errno}.
   Runs without the GIL. Returns the number of bytes read. */
static size_t spawn_read_report(int fd, int message[2])
{
    size_t got = 0;
    while (got < 2 * sizeof(int)) {
        ssize_t n = read(fd, (char *)message + got, 2 * sizeof(int) - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    return got;
}

/* The forked child when a preexec_fn is given: becomes a consistent
   runtime, runs the callable, then carries on with the plan. */
static _Noreturn void spawn_child_with_preexec(spawn_plan_t *plan, gp_object_t *preexec_fn)
{
    if (gp_runtime_after_fork_child() < 0)
        child_fail(plan, SPAWN_STAGE_PREEXEC, 0);
    gp_object_t *result = gp_object_call(preexec_fn, NULL, 0, NULL);
    if (!result)
        child_fail(plan, SPAWN_STAGE_PREEXEC, 0);
    GP_DECREF(result);
    /* os.environ changes made by the callable must reach the program. */
    if (plan->envp_is_snapshot)
        plan->envp = environ;
    child_run(plan);
}

/* Forks and runs the plan in the child; returns the child's pid, or -1
   with an exception set (an exec failure included). */
static int64_t spawn_start(spawn_plan_t *plan, gp_object_t *preexec_fn, gp_object_t *exec_name,
                           gp_object_t *cwd_name)
{
    int report[2];
    if (pipe2(report, O_CLOEXEC) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return -1;
    }
    plan->report_fd = report[1];

    pid_t pid;
    int fork_errno = 0;
    gp_thread_state_t *ts = NULL;
    if (preexec_fn) {
        /* The child will run Python: fork with the GIL held, after the
           threads still starting have taken it once (see os.fork). */
        gp_runtime_t *rt = gp_runtime();
        while (atomic_load(&rt->threads_starting) > 0) {
            gp_thread_state_t *saved = gp_gil_release_for_blocking();
            struct timespec pause = {0, 50 * 1000};
            nanosleep(&pause, NULL);
            gp_gil_acquire_after_blocking(saved);
        }
        pid = fork();
        if (pid == 0)
            spawn_child_with_preexec(plan, preexec_fn);
        fork_errno = errno;
        ts = gp_gil_release_for_wait(GP_WAIT_KIND_PROCESS);
    } else {
        ts = gp_gil_release_for_wait(GP_WAIT_KIND_PROCESS);
        pid = fork();
        if (pid == 0)
            child_run(plan);
        fork_errno = errno;
    }
    /* Still without the GIL: wait for exec (or its failure report). */
    close(report[1]);
    int message[2] = {0, 0};
    size_t got = pid > 0 ? spawn_read_report(report[0], message) : 0;
    close(report[0]);
    if (pid > 0 && got > 0) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    gp_gil_acquire_after_blocking(ts);

    if (pid < 0) {
        gp_err_set_from_errno(fork_errno, NULL);
        return -1;
    }
    if (got == 0)
        return (int64_t)pid;
    if (got < sizeof message) {
        gp_err_set_string(&gp_exc_RuntimeError, "the child process failed before it could report");
        return -1;
    }
    switch (message[0]) {
    case SPAWN_STAGE_PREEXEC:
        return -2; /* the caller raises SubprocessError */
    case SPAWN_STAGE_EXEC:
        gp_err_set_from_errno(message[1], exec_name);
        return -1;
    case SPAWN_STAGE_CHDIR:
        gp_err_set_from_errno(message[1], cwd_name);
        return -1;
    default:
        gp_err_set_from_errno(message[1], NULL);
        return -1;
    }
}

/* spawn(executables, argv, envp, cwd, stdin_fd, stdout_fd, stderr_fd,
         close_fds, pass_fds, start_new_session, process_group,
         restore_signals, umask, preexec_fn, exec_name)
   -> pid. executables, argv: tuples of bytes; envp: tuple of bytes or None
   (inherit); cwd: bytes or None; fds: -1 inherits, stderr_fd -2 means
   "the child's stdout"; pass_fds: sorted tuple; process_group, umask: -1
   for unchanged; preexec_fn: callable or None; exec_name: the name the
   FileNotFoundError carries. A preexec_fn that raises gives -1: the caller
   raises SubprocessError. */
static gp_object_t *subprocess_spawn(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    static const char *const names[] = {"executables",   "argv",
                                        "envp",          "cwd",
                                        "stdin_fd",      "stdout_fd",
                                        "stderr_fd",     "close_fds",
                                        "pass_fds",      "start_new_session",
                                        "process_group", "restore_signals",
                                        "umask",         "preexec_fn",
                                        "exec_name",     NULL};
    gp_object_t *v[15];
    if (gp_args_parse("spawn", args, nargs, kwnames, names, 15, v) < 0)
        return NULL;
    spawn_plan_t plan;
    memset(&plan, 0, sizeof plan);
    gp_object_t *result = NULL;
    int close_fds, new_session, restore_signals;
    if (!(plan.executables = plan_byte_strings(v[0], "executables")) ||
        !(plan.argv = plan_byte_strings(v[1], "argv")))
        goto done;
    if (GP_TUPLE_SIZE(v[0]) == 0 || GP_TUPLE_SIZE(v[1]) == 0) {
        gp_err_set_string(&gp_exc_ValueError, "argv and executables must not be empty");
        goto done;
    }
    plan.envp_is_snapshot = v[2] == gp_None;
    plan.envp = v[2] == gp_None ? plan_environ_snapshot() : plan_byte_strings(v[2], "envp");
    if (!plan.envp)
        goto done;
    if (v[3] != gp_None) {
        if (!gp_bytes_check(v[3])) {
            gp_err_set_string(&gp_exc_TypeError, "cwd must be bytes or None");
            goto done;
        }
        plan.cwd = gp_bytes_data(v[3]);
    }
    for (int i = 0; i < 3; i++)
        if (plan_int(v[4 + i], &plan.fds[i]) < 0)
            goto done;
    if ((close_fds = gp_object_is_true(v[7])) < 0 || plan_keep_fds(v[8], &plan) < 0 ||
        (new_session = gp_object_is_true(v[9])) < 0 || plan_int(v[10], &plan.process_group) < 0 ||
        (restore_signals = gp_object_is_true(v[11])) < 0 || plan_int(v[12], &plan.umask_value) < 0)
        goto done;
    plan.close_fds = close_fds;
    plan.new_session = new_session;
    plan.restore_signals = restore_signals;
    long open_max = sysconf(_SC_OPEN_MAX);
    plan.max_fd = open_max < 0 || open_max > (1L << 20) ? (1 << 20) : (int)open_max;

    gp_object_t *cwd_name = v[3] == gp_None ? NULL : v[3];
    gp_object_t *cwd_str = NULL;
    if (cwd_name) {
        cwd_str = gp_str_from_utf8(gp_bytes_data(cwd_name), gp_bytes_len(cwd_name));
        if (!cwd_str)
            gp_err_clear(); /* undecodable: the error then names the bytes */
    }
    int64_t pid =
        spawn_start(&plan, v[13] == gp_None ? NULL : v[13], v[14], cwd_str ? cwd_str : cwd_name);
    GP_XDECREF(cwd_str);
    if (pid == -2)
        result = gp_int_from_i64(-1);
    else if (pid >= 0)
        result = gp_int_from_i64(pid);
done:
    plan_free(&plan);
    return result;
}

/* ------------------------------------------------------------------ */
/* Waiting                                                              */
/* ------------------------------------------------------------------ */

static int64_t subprocess_now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* A timeout argument (None or seconds) as nanoseconds; -1 for None. */
static int subprocess_timeout_arg(gp_object_t *o, int64_t *ns)
{
    if (o == gp_None) {
        *ns = -1;
        return 0;
    }
    double seconds = gp_float_as_double(o);
    if (seconds == -1.0 && gp_err_occurred())
        return -1;
    if (seconds != seconds) {
        gp_err_set_string(&gp_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    *ns = seconds <= 0 ? 0 : seconds > 9e9 ? (int64_t)9e18 : (int64_t)(seconds * 1e9);
    return 0;
}

/* waitpid(pid, WNOHANG) retried on EINTR: 1 with *status when reaped, 0
   when still running, -1 with errno. */
static int subprocess_try_reap(pid_t pid, int *status)
{
    for (;;) {
        pid_t got = waitpid(pid, status, WNOHANG);
        if (got == pid)
            return 1;
        if (got == 0)
            return 0;
        if (errno != EINTR)
            return -1;
    }
}

/* Sleeps without the GIL until [pidfd] is readable (the child exited),
   [timeout_ns] passes or Ctrl-C arrives. Without a pidfd, sleeps [poll_ns]. */
static gp_wait_status_t subprocess_block(gp_service_loop_t *loop, int pidfd, int64_t timeout_ns,
                                         int64_t poll_ns, _Atomic int *interrupted)
{
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_PROCESS);
    gp_wait_status_t status = GP_WAIT_FAILED;
    int error = 0;
    if (pidfd >= 0 && loop)
        status =
            gp_service_loop_wait_fd(loop, pidfd, GP_LOOP_READABLE, timeout_ns, interrupted, &error);
    if (status == GP_WAIT_FAILED) {
        /* No loop, or it cannot watch the pidfd: poll here, in slices so
           Ctrl-C is noticed. */
        int64_t slice = pidfd >= 0 ? 100000000 : poll_ns;
        if (timeout_ns >= 0 && timeout_ns < slice)
            slice = timeout_ns;
        if (pidfd >= 0) {
            struct pollfd p = {.fd = pidfd, .events = POLLIN};
            int n = poll(&p, 1, (int)((slice + 999999) / 1000000));
            status = n > 0 ? GP_WAIT_DONE : GP_WAIT_TIMEOUT;
        } else {
            struct timespec pause = {(time_t)(slice / 1000000000), (long)(slice % 1000000000)};
            nanosleep(&pause, NULL);
            status = GP_WAIT_TIMEOUT;
        }
        if (interrupted && atomic_load(interrupted))
            status = GP_WAIT_INTERRUPTED;
    }
    gp_gil_acquire_after_blocking(ts);
    return status;
}

/* wait(pid, pidfd, timeout) -> wait status, or None when [timeout] passed
   first. pidfd -1 means none (polling fallback). A child that is not ours
   any more (ECHILD: reaped elsewhere, or SIGCHLD ignored) reports status 0,
   as CPython's returncode 0 in that case. */
static gp_object_t *subprocess_wait(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    int pid, pidfd;
    int64_t timeout_ns;
    if (gp_args_check("wait", nargs, kwnames, 3, 3) < 0 || plan_int(args[0], &pid) < 0 ||
        plan_int(args[1], &pidfd) < 0 || subprocess_timeout_arg(args[2], &timeout_ns) < 0)
        return NULL;
    gp_runtime_t *rt = gp_runtime();
    _Atomic int *interrupted = gp_tstate() == rt->main_thread ? &rt->pending_sigint : NULL;
    int64_t deadline = timeout_ns >= 0 ? subprocess_now_ns() + timeout_ns : -1;
    int64_t poll_ns = 1000000; /* fallback polling: 1 ms doubling to 50 ms */
    gp_service_loop_t *loop = NULL;
    for (;;) {
        int status = 0;
        int reaped = subprocess_try_reap((pid_t)pid, &status);
        if (reaped > 0)
            return gp_int_from_i64(status);
        if (reaped < 0) {
            if (errno == ECHILD)
                return gp_int_from_i64(0);
            gp_err_set_from_errno(errno, NULL);
            return NULL;
        }
        int64_t left = -1;
        if (deadline >= 0) {
            left = deadline - subprocess_now_ns();
            if (left <= 0)
                return gp_none_new();
        }
        if (pidfd >= 0 && !loop) {
            loop = gp_runtime_service_loop();
            if (!loop)
                gp_err_clear(); /* the poll fallback still works */
        }
        gp_wait_status_t st = subprocess_block(loop, pidfd, left, poll_ns, interrupted);
        if (poll_ns < 50000000)
            poll_ns *= 2;
        if (st == GP_WAIT_INTERRUPTED || (interrupted && atomic_load(interrupted)) ||
            atomic_load(&rt->eval_breaker)) {
            if (gp_runtime_handle_breaker() < 0)
                return NULL;
        }
    }
}

/* pidfd_open(pid) -> a close-on-exec pidfd, or -1 when the kernel has none. */
static gp_object_t *subprocess_pidfd_open(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                          gp_object_t *kwnames)
{
    int pid;
    if (gp_args_check("pidfd_open", nargs, kwnames, 1, 1) < 0 || plan_int(args[0], &pid) < 0)
        return NULL;
#ifdef SYS_pidfd_open
    long fd = syscall(SYS_pidfd_open, (pid_t)pid, 0u);
    if (fd >= 0)
        return gp_int_from_i64(fd);
#endif
    return gp_int_from_i64(-1);
}

/* reap(pid) -> the wait status if the child has exited (and collects it),
   else None; 0 for a child that is not ours any more. Never blocks. */
static gp_object_t *subprocess_reap(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    int pid;
    if (gp_args_check("reap", nargs, kwnames, 1, 1) < 0 || plan_int(args[0], &pid) < 0)
        return NULL;
    int status = 0;
    int reaped = subprocess_try_reap((pid_t)pid, &status);
    if (reaped > 0)
        return gp_int_from_i64(status);
    if (reaped < 0 && errno == ECHILD)
        return gp_int_from_i64(0);
    if (reaped < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* Pumping the pipes                                                    */
/* ------------------------------------------------------------------ */

#define PUMP_CHUNK 65536

typedef struct pump_sink {
    int fd;
    char *data;
    size_t len, cap;
    bool eof;
} pump_sink_t;

/* Reads what is available from [sink]'s fd. 0, or an errno value (ENOMEM
   included). Runs without the GIL; gp_mem is thread-safe. */
static int pump_read(pump_sink_t *sink)
{
    if (sink->cap - sink->len < PUMP_CHUNK) {
        size_t cap =
            sink->cap * 2 > sink->len + PUMP_CHUNK ? sink->cap * 2 : sink->len + PUMP_CHUNK;
        char *grown = gp_mem_realloc(sink->data, cap);
        if (!grown)
            return ENOMEM;
        sink->data = grown;
        sink->cap = cap;
    }
    ssize_t n = read(sink->fd, sink->data + sink->len, PUMP_CHUNK);
    if (n > 0)
        sink->len += (size_t)n;
    else if (n == 0)
        sink->eof = true;
    else if (errno != EINTR && errno != EAGAIN)
        return errno;
    return 0;
}

/* pump(in_fd, input, in_pos, out_fd, err_fd, timeout)
   -> (in_pos, out_bytes, err_bytes, flags)
   Writes input[in_pos:] to in_fd while reading out_fd and err_fd (each -1
   when absent) until every one is finished or [timeout] (None: no limit)
   passes, or until the input is finished (the caller then closes in_fd
   and calls again for the rest). flags: 1 input finished (all written, or the child closed its
   end), 2 out_fd at EOF, 4 err_fd at EOF, 8 timed out. */
static gp_object_t *subprocess_pump(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    int in_fd, out_fd, err_fd;
    int64_t in_pos, timeout_ns;
    if (gp_args_check("pump", nargs, kwnames, 6, 6) < 0 || plan_int(args[0], &in_fd) < 0 ||
        plan_int(args[3], &out_fd) < 0 || plan_int(args[4], &err_fd) < 0 ||
        subprocess_timeout_arg(args[5], &timeout_ns) < 0)
        return NULL;
    if (!gp_bytes_check(args[1])) {
        gp_err_set_string(&gp_exc_TypeError, "input must be bytes");
        return NULL;
    }
    in_pos = gp_int_as_i64(args[2]);
    if (in_pos == -1 && gp_err_occurred())
        return NULL;
    /* bytes are immutable and [args] keeps this one alive, so its data may
       be read with the GIL released. */
    const char *input = gp_bytes_data(args[1]);
    size_t input_len = gp_bytes_len(args[1]);
    if (in_pos < 0 || (size_t)in_pos > input_len)
        in_pos = (int64_t)input_len;

    pump_sink_t sinks[2] = {{.fd = out_fd, .eof = out_fd < 0}, {.fd = err_fd, .eof = err_fd < 0}};
    bool in_done = in_fd < 0;
    int in_flags = -1;
    if (!in_done && (size_t)in_pos == input_len)
        in_done = true;
    if (!in_done) {
        in_flags = fcntl(in_fd, F_GETFL);
        if (in_flags >= 0 && !(in_flags & O_NONBLOCK))
            fcntl(in_fd, F_SETFL, in_flags | O_NONBLOCK);
    }
    gp_runtime_t *rt = gp_runtime();
    _Atomic int *interrupted = gp_tstate() == rt->main_thread ? &rt->pending_sigint : NULL;
    int64_t deadline = timeout_ns >= 0 ? subprocess_now_ns() + timeout_ns : -1;
    bool timed_out = false;
    int error = 0;

    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
    while (!error && (!in_done || !sinks[0].eof || !sinks[1].eof)) {
        struct pollfd fds[3];
        int n = 0, in_slot = -1, sink_slot[2] = {-1, -1};
        if (!in_done) {
            in_slot = n;
            fds[n++] = (struct pollfd){.fd = in_fd, .events = POLLOUT};
        }
        for (int i = 0; i < 2; i++)
            if (!sinks[i].eof) {
                sink_slot[i] = n;
                fds[n++] = (struct pollfd){.fd = sinks[i].fd, .events = POLLIN};
            }
        int wait_ms = -1;
        if (deadline >= 0) {
            int64_t left = deadline - subprocess_now_ns();
            if (left <= 0) {
                timed_out = true;
                break;
            }
            wait_ms = (int)((left + 999999) / 1000000);
        }
        if (interrupted && (wait_ms < 0 || wait_ms > 100))
            wait_ms = 100;
        int ready = poll(fds, (nfds_t)n, wait_ms);
        if (ready < 0 && errno != EINTR) {
            error = errno;
            break;
        }
        if (ready <= 0) {
            if ((ready < 0 || (interrupted && atomic_load(interrupted))) &&
                atomic_load(&rt->eval_breaker)) {
                /* A signal: its Python handler runs now (it may raise). */
                gp_gil_acquire_after_blocking(ts);
                int rc = gp_runtime_handle_breaker();
                ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
                if (rc < 0) {
                    error = -1;
                    break;
                }
            }
            continue;
        }
        if (in_slot >= 0 && fds[in_slot].revents) {
            size_t left = input_len - (size_t)in_pos;
            ssize_t put = write(in_fd, input + in_pos, left < PUMP_CHUNK ? left : PUMP_CHUNK);
            if (put > 0)
                in_pos += put;
            else if (put < 0 && errno == EPIPE)
                in_done = true; /* the child stopped reading: not an error */
            else if (put < 0 && errno != EINTR && errno != EAGAIN)
                error = errno;
            if ((size_t)in_pos == input_len)
                in_done = true;
            if (in_done) {
                /* Return at once: the caller must close stdin so the child
                   sees end-of-file, or it may never finish its output. */
                break;
            }
        }
        for (int i = 0; i < 2 && !error; i++)
            if (sink_slot[i] >= 0 && fds[sink_slot[i]].revents)
                error = pump_read(&sinks[i]);
    }
    gp_gil_acquire_after_blocking(ts);
    if (in_flags >= 0 && !(in_flags & O_NONBLOCK))
        fcntl(in_fd, F_SETFL, in_flags);

    gp_object_t *result = NULL;
    if (error > 0)
        gp_err_set_from_errno(error, NULL);
    if (error == 0) {
        gp_object_t *pos = gp_int_from_i64(in_pos);
        gp_object_t *out = gp_bytes_new(sinks[0].data, sinks[0].len);
        gp_object_t *err = gp_bytes_new(sinks[1].data, sinks[1].len);
        gp_object_t *flags = gp_int_from_i64((in_done ? 1 : 0) | (sinks[0].eof ? 2 : 0) |
                                             (sinks[1].eof ? 4 : 0) | (timed_out ? 8 : 0));
        if (pos && out && err && flags)
            result = gp_tuple_pack(4, pos, out, err, flags);
        GP_XDECREF(pos);
        GP_XDECREF(out);
        GP_XDECREF(err);
        GP_XDECREF(flags);
    }
    gp_mem_free(sinks[0].data);
    gp_mem_free(sinks[1].data);
    return result;
}

static const gp_method_def_t subprocess_functions[] = {
    {"spawn", subprocess_spawn, GP_METH_KEYWORDS, "Fork and exec a child process; return its pid."},
    {"wait", subprocess_wait, 0, "Wait for a child's exit status, the GIL released."},
    {"reap", subprocess_reap, 0, "Collect a child's exit status if it has exited."},
    {"pidfd_open", subprocess_pidfd_open, 0, "A pidfd for a child, or -1."},
    {"pump", subprocess_pump, 0, "Feed stdin and drain stdout/stderr of a child."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_gpsubprocess_module_create(void)
{
    gp_object_t *module = gp_module_new("_gpsubprocess");
    if (!module)
        return NULL;
    if (gp_module_add_functions(module, subprocess_functions) < 0) {
        GP_DECREF(module);
        return NULL;
    }
    return module;
}
