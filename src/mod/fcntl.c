/*
 * fcntl.c - the `fcntl` module: fcntl(2), ioctl(2), flock(2) and POSIX
 * record locks on file descriptors.
 *
 * Design notes
 * ------------
 * Every function takes a descriptor as an int or as any object with a
 * fileno() method, like CPython's. An int argument is passed to the system
 * call as is and its int result returned; a bytes or str argument is copied
 * into a 1024-byte buffer whose address is passed instead, and the buffer's
 * contents afterwards come back as bytes (this is how structure-valued
 * commands such as F_GETLK are used from Python). Mutating a caller's
 * bytearray in place (ioctl's mutate_flag) is not offered.
 *
 * Locking can block for as long as another process holds the lock, so
 * flock(), lockf() and the F_SETLKW command release the GIL around the
 * call. A call interrupted by a signal is retried after Python signal
 * handlers had their chance to run (PEP 475), as in CPython.
 *
 * Constants are this platform's <fcntl.h> values; a name the C library
 * does not define is left out.
 */
#include <errno.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "obj/object.h"
#include "runtime/runtime.h"

/* The largest structure argument passed by address, as in CPython. */
#define FCNTL_BUFFER_SIZE 1024

/* A C int from the int [o] named [what]; false with an exception. */
static bool fcntl_int_arg(gp_object_t *o, const char *what, int64_t lo, int64_t hi, int64_t *out)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return false;
    }
    int overflow;
    int64_t v = gp_int_as_i64_overflow(o, &overflow);
    if (overflow || v < lo || v > hi) {
        gp_err_format(&gp_exc_OverflowError, "%s is %s", what,
                      overflow < 0 || v < lo ? "less than minimum" : "greater than maximum");
        return false;
    }
    *out = v;
    return true;
}

/* Copies a bytes or str argument of [fname] into [buf]; its length, or -1
   with an exception when it is too long; -2 (no exception) when [o] is neither. */
static long fcntl_buffer_arg(const char *fname, gp_object_t *o, char *buf)
{
    const char *data;
    size_t len;
    if (gp_bytes_check(o)) {
        data = gp_bytes_data(o);
        len = gp_bytes_len(o);
    } else if (gp_str_check(o)) {
        data = gp_str_utf8(o);
        len = gp_str_utf8_len(o);
    } else {
        return -2;
    }
    if (len > FCNTL_BUFFER_SIZE) {
        gp_err_format(&gp_exc_ValueError, "%s string arg too long", fname);
        return -1;
    }
    memcpy(buf, data, len);
    return (long)len;
}

/* Runs [call] on ([fd], [request], [arg]) without the GIL when it may
   block, retrying after EINTR once pending signals are handled. Returns
   the call's result, or -1 with OSError set. */
typedef int (*fcntl_call_fn)(int fd, unsigned long request, void *arg);

static int fcntl_do_fcntl(int fd, unsigned long request, void *arg)
{
    return fcntl(fd, (int)request, arg);
}

static int fcntl_do_ioctl(int fd, unsigned long request, void *arg)
{
    return ioctl(fd, request, arg);
}

/* After EINTR: runs pending signal handlers; -1 if one raised. */
static int fcntl_check_signals(void)
{
    if (atomic_load(&gp_runtime()->eval_breaker))
        return gp_runtime_handle_breaker();
    return 0;
}

static int fcntl_run(fcntl_call_fn call, int fd, unsigned long request, void *arg, bool blocking)
{
    for (;;) {
        int rc;
        if (blocking) {
            gp_thread_state_t *ts = gp_gil_release_for_blocking();
            rc = call(fd, request, arg);
            int saved = errno;
            gp_gil_acquire_after_blocking(ts);
            errno = saved;
        } else {
            rc = call(fd, request, arg);
        }
        if (rc != -1)
            return rc;
        if (errno != EINTR || fcntl_check_signals() < 0) {
            if (!gp_err_occurred())
                gp_err_set_from_errno(errno, NULL);
            return -1;
        }
    }
}

/* fcntl.fcntl and fcntl.ioctl share their argument handling. */
static gp_object_t *fcntl_call_common(const char *fname, fcntl_call_fn call,
                                      gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
                                      bool request_unsigned)
{
    if (gp_args_check(fname, nargs, kwnames, 2, request_unsigned ? 4 : 3) < 0)
        return NULL;
    int fd = gp_object_as_fd(args[0]);
    if (fd < 0)
        return NULL;
    int64_t request;
    if (!fcntl_int_arg(args[1], request_unsigned ? "unsigned int" : "signed integer", INT32_MIN,
                       request_unsigned ? (int64_t)UINT32_MAX : INT32_MAX, &request))
        return NULL;
    unsigned long req =
        request_unsigned ? (unsigned long)(uint32_t)request : (unsigned long)(long)request;
    bool blocking = !request_unsigned && (request == F_SETLKW
#ifdef F_OFD_SETLKW
                                          || request == F_OFD_SETLKW
#endif
                                         );
    if (nargs >= 3) {
        char buf[FCNTL_BUFFER_SIZE + 1];
        long len = fcntl_buffer_arg(fname, args[2], buf);
        if (len == -1)
            return NULL;
        if (len >= 0) {
            buf[len] = 0;
            if (fcntl_run(call, fd, req, buf, blocking) < 0)
                return NULL;
            return gp_bytes_new(buf, (size_t)len);
        }
    }
    int64_t value = 0;
    if (nargs >= 3 &&
        !fcntl_int_arg(args[2], "signed integer", INT32_MIN, (int64_t)UINT32_MAX, &value))
        return NULL;
    int rc = fcntl_run(call, fd, req, (void *)(intptr_t)value, blocking);
    if (rc < 0)
        return NULL;
    return gp_int_from_i64(rc);
}

static gp_object_t *fcntl_fcntl(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    (void)self;
    return fcntl_call_common("fcntl", fcntl_do_fcntl, args, nargs, kwnames, false);
}

static gp_object_t *fcntl_ioctl(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    (void)self;
    /* The fourth argument (mutate_flag) only matters for a mutable buffer,
       which is not supported: bytes arguments are always copied. */
    return fcntl_call_common("ioctl", fcntl_do_ioctl, args, nargs, kwnames, true);
}

static int fcntl_do_flock(int fd, unsigned long operation, void *arg)
{
    (void)arg;
    return flock(fd, (int)operation);
}

static gp_object_t *fcntl_flock(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    (void)self;
    if (gp_args_check("flock", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int fd = gp_object_as_fd(args[0]);
    int64_t operation;
    if (fd < 0 || !fcntl_int_arg(args[1], "signed integer", INT32_MIN, INT32_MAX, &operation))
        return NULL;
    bool blocking = !(operation & LOCK_NB);
    if (fcntl_run(fcntl_do_flock, fd, (unsigned long)operation, NULL, blocking) < 0)
        return NULL;
    return gp_none_new();
}

/* lockf(fd, cmd, len=0, start=0, whence=0): a POSIX record lock on the
   byte range, taken with fcntl(F_SETLK[W]) as CPython does. */
static gp_object_t *fcntl_lockf(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    (void)self;
    if (gp_args_check("lockf", nargs, kwnames, 2, 5) < 0)
        return NULL;
    int fd = gp_object_as_fd(args[0]);
    int64_t code, len = 0, start = 0, whence = 0;
    if (fd < 0 || !fcntl_int_arg(args[1], "signed integer", INT32_MIN, INT32_MAX, &code))
        return NULL;
    if (nargs > 2 && !fcntl_int_arg(args[2], "Python int", INT64_MIN, INT64_MAX, &len))
        return NULL;
    if (nargs > 3 && !fcntl_int_arg(args[3], "Python int", INT64_MIN, INT64_MAX, &start))
        return NULL;
    if (nargs > 4 && !fcntl_int_arg(args[4], "signed integer", INT32_MIN, INT32_MAX, &whence))
        return NULL;
    struct flock lock;
    memset(&lock, 0, sizeof lock);
    if (code == LOCK_UN)
        lock.l_type = F_UNLCK;
    else if (code & LOCK_SH)
        lock.l_type = F_RDLCK;
    else if (code & LOCK_EX)
        lock.l_type = F_WRLCK;
    else {
        gp_err_set_string(&gp_exc_ValueError, "unrecognized lockf argument");
        return NULL;
    }
    lock.l_start = (off_t)start;
    lock.l_len = (off_t)len;
    lock.l_whence = (short)whence;
    bool wait = !(code & LOCK_NB);
    if (fcntl_run(fcntl_do_fcntl, fd, wait ? F_SETLKW : F_SETLK, &lock, wait) < 0)
        return NULL;
    return gp_none_new();
}

static const gp_method_def_t fcntl_functions[] = {
    {"fcntl", fcntl_fcntl, 0, "Perform the operation cmd on file descriptor fd."},
    {"ioctl", fcntl_ioctl, 0, "Perform the device operation request on file descriptor fd."},
    {"flock", fcntl_flock, 0, "Perform the lock operation on file descriptor fd."},
    {"lockf", fcntl_lockf, 0, "A POSIX record lock on a byte range of fd."},
    {NULL, NULL, 0, NULL},
};

typedef struct fcntl_constant {
    const char *name;
    long value;
} fcntl_constant_t;

#define C(name) {#name, (long)(name)},

static const fcntl_constant_t fcntl_constants[] = {
    C(LOCK_SH) C(LOCK_EX) C(LOCK_NB) C(LOCK_UN) C(F_DUPFD) C(F_GETFD) C(F_SETFD) C(F_GETFL)
        C(F_SETFL) C(F_GETLK) C(F_SETLK) C(F_SETLKW) C(F_GETOWN) C(F_SETOWN) C(F_RDLCK) C(F_WRLCK)
            C(F_UNLCK) C(FD_CLOEXEC)
#ifdef F_DUPFD_CLOEXEC
                C(F_DUPFD_CLOEXEC)
#endif
#ifdef F_GETSIG
                    C(F_GETSIG) C(F_SETSIG)
#endif
#ifdef F_GETLEASE
                        C(F_GETLEASE) C(F_SETLEASE)
#endif
#ifdef F_NOTIFY
                            C(F_NOTIFY)
#endif
#ifdef F_EXLCK
                                C(F_EXLCK) C(F_SHLCK)
#endif
#ifdef F_GETLK64
                                    C(F_GETLK64) C(F_SETLK64) C(F_SETLKW64)
#endif
#ifdef F_SETPIPE_SZ
                                        C(F_SETPIPE_SZ) C(F_GETPIPE_SZ)
#endif
#ifdef F_OFD_GETLK
                                            C(F_OFD_GETLK) C(F_OFD_SETLK) C(F_OFD_SETLKW)
#endif
#ifdef F_ADD_SEALS
                                                C(F_ADD_SEALS) C(F_GET_SEALS) C(F_SEAL_SEAL)
                                                    C(F_SEAL_SHRINK) C(F_SEAL_GROW) C(F_SEAL_WRITE)
#endif
#ifdef DN_ACCESS
                                                        C(DN_ACCESS) C(DN_MODIFY) C(DN_CREATE)
                                                            C(DN_DELETE) C(DN_RENAME) C(DN_ATTRIB)
                                                                C(DN_MULTISHOT)
#endif
#ifdef FASYNC
                                                                    C(FASYNC)
#endif
#ifdef LOCK_MAND
                                                                        C(LOCK_MAND) C(LOCK_READ)
                                                                            C(LOCK_WRITE) C(LOCK_RW)
#endif
};

#undef C

gp_object_t *gp_fcntl_module_create(void)
{
    gp_object_t *module = gp_module_new("fcntl");
    if (!module)
        return NULL;
    if (gp_module_add_functions(module, fcntl_functions) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof fcntl_constants / sizeof fcntl_constants[0]; i++)
        if (gp_module_add_int(module, fcntl_constants[i].name, fcntl_constants[i].value) < 0)
            goto fail;
    return module;
fail:
    GP_DECREF(module);
    return NULL;
}
