/*
 * socket.c - the `_socket` module: BSD sockets for threads, waiting on libuv.
 *
 * Design notes
 * ------------
 * As in CPython, `socket` is a Python module (lib/socket.py) that subclasses
 * the type defined here and adds the conveniences (context manager,
 * makefile, create_connection...). This file owns the descriptor, address
 * conversion and every system call.
 *
 * Every descriptor is non-blocking inside, whatever the Python-level mode.
 * A call first tries the system call with the GIL held - on a non-blocking
 * descriptor it returns at once. When it would block (EAGAIN, or EINPROGRESS
 * for connect) and the socket is not in non-blocking mode, the thread
 * releases the GIL and waits on the runtime's service loop
 * (gp_service_loop_wait_fd, a libuv poll handle shared per fd) for the fd to
 * become ready or the socket's timeout to pass, then retries. N threads
 * blocked in recv() therefore overlap, and a waiting main thread wakes on
 * Ctrl-C (the loop wait watches the runtime's pending-SIGINT flag).
 *
 * The timeout is the one CPython keeps: -1 (None) blocks forever, 0 is
 * non-blocking (BlockingIOError), a positive value bounds the whole call -
 * sendall included - and raises TimeoutError('timed out').
 *
 * Closing: close() takes the descriptor out of the object first, asks the
 * service loop to wake any thread waiting on it, then closes it. A woken
 * thread re-reads the descriptor under the GIL, finds the socket closed and
 * raises OSError(EBADF) - where CPython's thread may hang.
 *
 * Name resolution (getaddrinfo, and host names in addresses) runs in the
 * calling thread with the GIL released: glibc's resolver is blocking and
 * thread-safe, and libuv's uv_getaddrinfo would only run the same call on
 * a threadpool thread.
 *
 * Buffers: recv() reads into a C buffer and copies it into a new bytes;
 * recv_into() writes into a bytearray, whose data pointer is re-read after
 * every wait (another thread may have resized it meanwhile).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "mod/socket_internal.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

typedef struct socket_object {
    gp_object_t base;
    int fd; /* -1 once closed or detached */
    int family, type, proto;
    int64_t timeout_ns; /* -1: blocking, 0: non-blocking, > 0: timeout */
    int waiters;        /* threads waiting on the service loop for this fd */
} socket_object_t;

#define SOCK(o) ((socket_object_t *)(o))
#define NS_PER_SEC 1000000000LL

static gp_type_t socket_type;
/* socket.herror and socket.gaierror, made at module creation. */
gp_type_t *gp_socket_herror_type, *gp_socket_gaierror_type;
/* setdefaulttimeout(): process-wide, as in CPython; only read and written
   with the GIL held. */
static int64_t socket_default_timeout_ns = -1;


/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

static void socket_raise_timeout(void)
{
    gp_err_set_string(&gp_exc_TimeoutError, "timed out");
}

/* ------------------------------------------------------------------ */
/* Argument helpers                                                     */
/* ------------------------------------------------------------------ */

/* A size from an int (CPython's "n" format, through __index__). */
static int socket_size_arg(gp_object_t *o, intptr_t *out)
{
    if (!gp_int_check(o) && !gp_type_lookup_cstr(GP_TYPE(o), "__index__")) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    intptr_t v = gp_number_as_ssize(o, &gp_exc_OverflowError);
    if (v == -1 && gp_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* Converts a timeout argument (None or seconds) to nanoseconds. */
static int socket_timeout_arg(gp_object_t *o, int64_t *out)
{
    if (o == gp_None) {
        *out = -1;
        return 0;
    }
    double seconds;
    if (gp_float_check(o)) {
        seconds = gp_float_value(o);
    } else if (gp_int_check(o)) {
        seconds = gp_int_as_double(o);
        if (seconds == -1.0 && gp_err_occurred())
            return -1;
    } else {
        gp_object_t *index = gp_type_lookup_cstr(GP_TYPE(o), "__float__") ? gp_number_float(o)
                                                                         : NULL;
        if (!index) {
            if (!gp_err_occurred())
                gp_err_format(&gp_exc_TypeError,
                              "'%T' object cannot be interpreted as an integer", o);
            return -1;
        }
        seconds = gp_float_value(index);
        GP_DECREF(index);
    }
    if (isnan(seconds)) {
        gp_err_set_string(&gp_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (seconds < 0) {
        gp_err_set_string(&gp_exc_ValueError, "Timeout value out of range");
        return -1;
    }
    double ns = ceil(seconds * 1e9);
    if (ns > 9.2e18) {
        gp_err_set_string(&gp_exc_OverflowError, "timeout doesn't fit into C timeval");
        return -1;
    }
    *out = (int64_t)ns;
    return 0;
}

static gp_object_t *socket_timeout_value(int64_t ns)
{
    if (ns < 0)
        return gp_none_new();
    return gp_float_new((double)ns / 1e9);
}

static int64_t socket_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

static int socket_set_nonblocking(int fd, bool nonblocking)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return -1;
    int wanted = nonblocking ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    if (wanted != flags && fcntl(fd, F_SETFL, wanted) < 0)
        return -1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Waiting                                                              */
/* ------------------------------------------------------------------ */

/* Waits with poll(2) in this thread: the fallback when the service loop
   cannot watch [fd]. Same statuses as the loop's wait. */
static gp_wait_status_t socket_poll_wait(int fd, int events, int64_t timeout_ns,
                                         _Atomic int *interrupted)
{
    struct pollfd p = {.fd = fd,
                       .events = (short)(((events & GP_LOOP_READABLE) ? POLLIN : 0) |
                                         ((events & GP_LOOP_WRITABLE) ? POLLOUT : 0))};
    int64_t deadline = timeout_ns >= 0 ? socket_now_ns() + timeout_ns : -1;
    for (;;) {
        int slice_ms = 100;
        if (deadline >= 0) {
            int64_t left = deadline - socket_now_ns();
            if (left <= 0)
                return GP_WAIT_TIMEOUT;
            if (left / 1000000 + 1 < slice_ms)
                slice_ms = (int)(left / 1000000 + 1);
        }
        int n = poll(&p, 1, interrupted ? slice_ms : (deadline >= 0 ? slice_ms : -1));
        if (n > 0)
            return GP_WAIT_DONE;
        if (n < 0 && errno != EINTR)
            return GP_WAIT_DONE; /* the retried call reports the error */
        if (interrupted && atomic_load(interrupted))
            return GP_WAIT_INTERRUPTED;
    }
}

/* Waits, GIL released, until the socket's fd is ready for [events] or the
   time left before [deadline_ns] (-1: none) runs out. 0 when the caller
   should retry, -1 with an exception (TimeoutError, KeyboardInterrupt,
   OSError) otherwise. */
static int socket_wait(socket_object_t *s, int events, int64_t deadline_ns)
{
    gp_runtime_t *rt = gp_runtime();
    gp_service_loop_t *loop = gp_runtime_service_loop();
    if (!loop)
        return -1;
    int64_t timeout_ns = -1;
    if (deadline_ns >= 0) {
        timeout_ns = deadline_ns - socket_now_ns();
        if (timeout_ns <= 0) {
            socket_raise_timeout();
            return -1;
        }
    }
    _Atomic int *interrupted = gp_tstate() == rt->main_thread ? &rt->pending_sigint : NULL;
    int fd = s->fd;
    int error = 0;
    s->waiters++;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_SOCKET);
    gp_wait_status_t status =
        gp_service_loop_wait_fd(loop, fd, events, timeout_ns, interrupted, &error);
    if (status == GP_WAIT_FAILED && error != ESHUTDOWN && error != ENOMEM)
        status = socket_poll_wait(fd, events, timeout_ns, interrupted);
    gp_gil_acquire_after_blocking(ts);
    s->waiters--;
    switch (status) {
    case GP_WAIT_DONE:
        return 0;
    case GP_WAIT_TIMEOUT:
        socket_raise_timeout();
        return -1;
    case GP_WAIT_INTERRUPTED:
        return gp_runtime_handle_breaker() < 0 ? -1 : 0;
    case GP_WAIT_FAILED:
        break;
    }
    gp_err_set_from_errno(error ? error : EIO, NULL);
    return -1;
}

/* One attempt of a socket operation: returns >= 0 on success or -1 with
   errno set. Runs with the GIL held (the fd is non-blocking). */
typedef ssize_t (*socket_attempt_fn)(socket_object_t *s, void *ctx);

/* Runs [attempt] until it succeeds, waiting for [events] between tries as
   the socket's timeout allows. Returns the attempt's result, or -1 with an
   exception set. */
static ssize_t socket_call(socket_object_t *s, int events, socket_attempt_fn attempt, void *ctx,
                           int64_t deadline_ns)
{
    for (;;) {
        if (s->fd < 0) {
            gp_err_set_from_errno(EBADF, NULL);
            return -1;
        }
        ssize_t n = attempt(s, ctx);
        if (n >= 0)
            return n;
        int err = errno;
        if (err == EINTR) {
            if (gp_runtime_handle_breaker() < 0)
                return -1;
            continue;
        }
        if ((err != EAGAIN && err != EWOULDBLOCK) || s->timeout_ns == 0) {
            gp_err_set_from_errno(err, NULL);
            return -1;
        }
        if (socket_wait(s, events, deadline_ns) < 0)
            return -1;
    }
}

static int64_t socket_deadline(socket_object_t *s)
{
    return s->timeout_ns > 0 ? socket_now_ns() + s->timeout_ns : -1;
}

/* ------------------------------------------------------------------ */
/* The socket object: lifecycle                                         */
/* ------------------------------------------------------------------ */

static gp_object_t *socket_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    gp_object_t *self = gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    SOCK(self)->fd = -1;
    SOCK(self)->family = AF_INET;
    SOCK(self)->type = SOCK_STREAM;
    SOCK(self)->timeout_ns = -1;
    return self;
}

/* Reads an int socket option of [fd] for socket(fileno=...). */
static int socket_query_int(int fd, int option, int *out)
{
    socklen_t len = sizeof *out;
    if (getsockopt(fd, SOL_SOCKET, option, out, &len) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return -1;
    }
    return 0;
}

/* Applies the Python-level timeout: the fd itself always stays non-blocking. */
static void socket_apply_type_flags(socket_object_t *s, int type)
{
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->timeout_ns = (type & SOCK_NONBLOCK) ? 0 : socket_default_timeout_ns;
}

static int socket_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                       gp_object_t *kwnames)
{
    static const char *const names[] = {"family", "type", "proto", "fileno", NULL};
    gp_object_t *v[4];
    if (gp_args_parse("socket", args, nargs, kwnames, names, 0, v) < 0)
        return -1;
    int family = -1, type = -1, proto = -1;
    if ((v[0] && v[0] != gp_None && gp_socket_int_arg(v[0], &family) < 0) ||
        (v[1] && v[1] != gp_None && gp_socket_int_arg(v[1], &type) < 0) ||
        (v[2] && v[2] != gp_None && gp_socket_int_arg(v[2], &proto) < 0))
        return -1;
    socket_object_t *s = SOCK(self);
    int fd;
    if (v[3] && v[3] != gp_None) {
        if (gp_float_check(v[3])) {
            gp_err_set_string(&gp_exc_TypeError, "'float' object cannot be interpreted as an integer");
            return -1;
        }
        if (gp_socket_int_arg(v[3], &fd) < 0)
            return -1;
        if (fd < 0) {
            gp_err_set_string(&gp_exc_ValueError, "negative file descriptor");
            return -1;
        }
        if ((family == -1 && socket_query_int(fd, SO_DOMAIN, &family) < 0) ||
            (type == -1 && socket_query_int(fd, SO_TYPE, &type) < 0) ||
            (proto == -1 && socket_query_int(fd, SO_PROTOCOL, &proto) < 0))
            return -1;
        if (socket_set_nonblocking(fd, true) < 0) {
            gp_err_set_from_errno(errno, NULL);
            return -1;
        }
    } else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        fd = socket(family, type | SOCK_CLOEXEC | SOCK_NONBLOCK, proto);
        if (fd < 0) {
            gp_err_set_from_errno(errno, NULL);
            return -1;
        }
    }
    if (s->fd >= 0)
        close(s->fd);
    s->fd = fd;
    s->family = family;
    s->proto = proto;
    socket_apply_type_flags(s, type);
    return 0;
}

/* Takes the descriptor out of [s] and wakes threads waiting on it. */
static int socket_take_fd(socket_object_t *s)
{
    int fd = s->fd;
    s->fd = -1;
    gp_runtime_t *rt = gp_tstate() ? gp_runtime() : NULL;
    if (fd >= 0 && s->waiters > 0 && rt && rt->service_loop) {
        gp_thread_state_t *ts = gp_gil_release_for_blocking();
        gp_service_loop_wake_fd(rt->service_loop, fd);
        gp_gil_acquire_after_blocking(ts);
    }
    return fd;
}

static void socket_dealloc(gp_object_t *self)
{
    int fd = socket_take_fd(SOCK(self));
    if (fd >= 0)
        close(fd);
    gp_object_free(self);
}

static gp_object_t *socket_repr(gp_object_t *self)
{
    socket_object_t *s = SOCK(self);
    return gp_str_from_format("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd,
                              s->family, s->type, s->proto);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

#define SOCKET_METHOD(name)                                                                        \
    static gp_object_t *socket_##name(gp_object_t *self, gp_object_t *const *args, size_t nargs,  \
                                      gp_object_t *kwnames)

SOCKET_METHOD(close)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    int fd = socket_take_fd(SOCK(self));
    /* ECONNRESET on close is not worth an exception, as CPython decided. */
    if (fd >= 0 && close(fd) < 0 && errno != ECONNRESET && errno != EINTR) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

SOCKET_METHOD(detach)
{
    if (gp_args_check("detach", nargs, kwnames, 0, 0) < 0)
        return NULL;
    socket_object_t *s = SOCK(self);
    int fd = socket_take_fd(s);
    /* Hand the fd back in the mode its timeout implies. */
    if (fd >= 0 && s->timeout_ns < 0)
        socket_set_nonblocking(fd, false);
    return gp_int_from_i64(fd);
}

SOCKET_METHOD(fileno)
{
    if (gp_args_check("fileno", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64(SOCK(self)->fd);
}

/* The fd of an open socket, or -1 with OSError(EBADF). */
static int socket_fd(socket_object_t *s)
{
    if (s->fd < 0)
        gp_err_set_from_errno(EBADF, NULL);
    return s->fd;
}

SOCKET_METHOD(bind)
{
    socket_object_t *s = SOCK(self);
    gp_socket_address_t addr;
    socklen_t len;
    if (gp_args_check("bind", nargs, kwnames, 1, 1) < 0 ||
        gp_socket_address_from(s->family, args[0], "bind", &addr, &len) < 0 || socket_fd(s) < 0)
        return NULL;
    if (bind(s->fd, &addr.sa, len) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

SOCKET_METHOD(listen)
{
    socket_object_t *s = SOCK(self);
    int backlog = 128 < SOMAXCONN ? 128 : SOMAXCONN;
    if (gp_args_check("listen", nargs, kwnames, 0, 1) < 0 ||
        (nargs == 1 && gp_socket_int_arg(args[0], &backlog) < 0) || socket_fd(s) < 0)
        return NULL;
    if (backlog < 0)
        backlog = 0;
    if (listen(s->fd, backlog) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

/* Connects; returns 0, an errno value when [raise] is false, or -1 with an
   exception (always for bad addresses, timeouts when raising). */
static int socket_connect_impl(socket_object_t *s, gp_object_t *address, const char *caller,
                               bool raise)
{
    gp_socket_address_t addr;
    socklen_t len;
    if (gp_socket_address_from(s->family, address, caller, &addr, &len) < 0 || socket_fd(s) < 0)
        return -1;
    int err = 0;
    if (connect(s->fd, &addr.sa, len) < 0)
        err = errno;
    if (err == EINTR) {
        if (gp_runtime_handle_breaker() < 0)
            return -1;
        err = EINPROGRESS;
    }
    if (err == EINPROGRESS && s->timeout_ns != 0) {
        /* Wait for the handshake, then ask the socket how it went. */
        int64_t deadline = socket_deadline(s);
        for (;;) {
            if (socket_wait(s, GP_LOOP_WRITABLE, deadline) < 0) {
                if (!raise && gp_err_matches(&gp_exc_TimeoutError)) {
                    gp_err_clear();
                    return EWOULDBLOCK;
                }
                return -1;
            }
            if (socket_fd(s) < 0)
                return -1;
            struct pollfd p = {.fd = s->fd, .events = POLLOUT};
            if (poll(&p, 1, 0) > 0)
                break;
        }
        socklen_t elen = sizeof err;
        if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0)
            err = errno;
    }
    if (err != 0 && raise) {
        gp_err_set_from_errno(err, NULL);
        return -1;
    }
    return err;
}

SOCKET_METHOD(connect)
{
    if (gp_args_check("connect", nargs, kwnames, 1, 1) < 0 ||
        socket_connect_impl(SOCK(self), args[0], "connect", true) < 0)
        return NULL;
    return gp_none_new();
}

SOCKET_METHOD(connect_ex)
{
    if (gp_args_check("connect_ex", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int rc = socket_connect_impl(SOCK(self), args[0], "connect_ex", false);
    if (rc < 0)
        return NULL;
    return gp_int_from_i64(rc);
}

typedef struct accept_ctx {
    gp_socket_address_t addr;
    socklen_t len;
} accept_ctx_t;

static ssize_t accept_attempt(socket_object_t *s, void *ctx)
{
    accept_ctx_t *a = ctx;
    a->len = sizeof a->addr;
    return accept4(s->fd, &a->addr.sa, &a->len, SOCK_CLOEXEC | SOCK_NONBLOCK);
}

/* _accept() -> (fd, address): socket.py wraps the fd in a socket. */
SOCKET_METHOD(_accept)
{
    socket_object_t *s = SOCK(self);
    if (gp_args_check("_accept", nargs, kwnames, 0, 0) < 0)
        return NULL;
    accept_ctx_t ctx;
    ssize_t fd = socket_call(s, GP_LOOP_READABLE, accept_attempt, &ctx, socket_deadline(s));
    if (fd < 0)
        return NULL;
    gp_object_t *addr = gp_socket_address_to_object(&ctx.addr.sa, ctx.len);
    if (!addr) {
        close((int)fd);
        return NULL;
    }
    gp_object_t *t = gp_tuple_pack(2, gp_int_from_i64(fd), addr);
    GP_DECREF(addr);
    return t;
}

typedef struct io_ctx {
    gp_object_t *buffer; /* recv_into's bytearray: its data may move between tries */
    char *data;
    const char *cdata;
    size_t len;
    int flags;
    gp_socket_address_t addr;
    socklen_t addr_len;
} io_ctx_t;

static ssize_t recv_attempt(socket_object_t *s, void *ctx)
{
    io_ctx_t *c = ctx;
    if (c->buffer) {
        size_t have = gp_bytes_len(c->buffer);
        c->data = (char *)gp_bytes_data(c->buffer);
        if (c->len > have)
            c->len = have;
    }
    return recv(s->fd, c->data, c->len, c->flags);
}

static ssize_t recvfrom_attempt(socket_object_t *s, void *ctx)
{
    io_ctx_t *c = ctx;
    c->addr_len = sizeof c->addr;
    return recvfrom(s->fd, c->data, c->len, c->flags, &c->addr.sa, &c->addr_len);
}

static ssize_t send_attempt(socket_object_t *s, void *ctx)
{
    io_ctx_t *c = ctx;
    return send(s->fd, c->cdata, c->len, c->flags | MSG_NOSIGNAL);
}

static ssize_t sendto_attempt(socket_object_t *s, void *ctx)
{
    io_ctx_t *c = ctx;
    return sendto(s->fd, c->cdata, c->len, c->flags | MSG_NOSIGNAL, &c->addr.sa, c->addr_len);
}

/* recv(bufsize[, flags]) and recvfrom(): reads into a C buffer, then bytes. */
static gp_object_t *socket_recv_common(socket_object_t *s, gp_object_t *const *args,
                                       size_t nargs, gp_object_t *kwnames, const char *name,
                                       bool from)
{
    intptr_t size;
    int flags = 0;
    if (gp_args_check(name, nargs, kwnames, 1, 2) < 0 || socket_size_arg(args[0], &size) < 0 ||
        (nargs == 2 && gp_socket_int_arg(args[1], &flags) < 0))
        return NULL;
    if (size < 0) {
        gp_err_format(&gp_exc_ValueError, "negative buffersize in %s", name);
        return NULL;
    }
    char small[4096];
    char *buf = (size_t)size <= sizeof small ? small : gp_mem_alloc((size_t)size);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    io_ctx_t ctx = {.data = buf, .len = (size_t)size, .flags = flags};
    ssize_t n = socket_call(s, GP_LOOP_READABLE, from ? recvfrom_attempt : recv_attempt, &ctx,
                            socket_deadline(s));
    gp_object_t *data = n < 0 ? NULL : gp_bytes_new(buf, (size_t)n);
    if (buf != small)
        gp_mem_free(buf);
    if (!data || !from)
        return data;
    gp_object_t *addr = gp_socket_address_to_object(&ctx.addr.sa, ctx.addr_len);
    if (!addr) {
        GP_DECREF(data);
        return NULL;
    }
    gp_object_t *t = gp_tuple_pack(2, data, addr);
    GP_DECREF(data);
    GP_DECREF(addr);
    return t;
}

SOCKET_METHOD(recv)
{
    return socket_recv_common(SOCK(self), args, nargs, kwnames, "recv", false);
}

SOCKET_METHOD(recvfrom)
{
    return socket_recv_common(SOCK(self), args, nargs, kwnames, "recvfrom", true);
}

SOCKET_METHOD(recv_into)
{
    static const char *const names[] = {"buffer", "nbytes", "flags", NULL};
    gp_object_t *v[3];
    intptr_t nbytes = 0;
    int flags = 0;
    if (gp_args_parse("recv_into", args, nargs, kwnames, names, 1, v) < 0 ||
        (v[1] && socket_size_arg(v[1], &nbytes) < 0) || (v[2] && gp_socket_int_arg(v[2], &flags) < 0))
        return NULL;
    /* The export keeps a bytearray from being resized while the GIL is
       released, so the pointer stays valid for the whole call. */
    gp_buffer_t view;
    if (gp_buffer_get(v[0], &view, GP_BUFFER_WRITABLE) < 0) {
        if (gp_err_matches(&gp_exc_ValueError))
            return NULL;
        gp_err_clear();
        gp_err_format(&gp_exc_TypeError,
                      "recv_into() argument 1 must be read-write bytes-like object, not %T", v[0]);
        return NULL;
    }
    if (nbytes < 0 || (size_t)nbytes > view.len) {
        gp_err_set_string(&gp_exc_ValueError, nbytes < 0 ? "negative buffersize in recv_into"
                                                         : "buffer too small for requested bytes");
        gp_buffer_release(&view);
        return NULL;
    }
    socket_object_t *s = SOCK(self);
    io_ctx_t ctx = {.data = view.data, .len = nbytes ? (size_t)nbytes : view.len, .flags = flags};
    ssize_t n = socket_call(s, GP_LOOP_READABLE, recv_attempt, &ctx, socket_deadline(s));
    gp_buffer_release(&view);
    return n < 0 ? NULL : gp_int_from_i64(n);
}

/* send(data[, flags]): one send, as much as the socket takes. */
SOCKET_METHOD(send)
{
    io_ctx_t ctx = {0};
    gp_buffer_t view = {0};
    /* The export keeps a bytearray's storage in place while the GIL is released. */
    if (gp_args_check("send", nargs, kwnames, 1, 2) < 0 ||
        gp_buffer_get(args[0], &view, GP_BUFFER_SIMPLE) < 0 ||
        (nargs == 2 && gp_socket_int_arg(args[1], &ctx.flags) < 0)) {
        gp_buffer_release(&view);
        return NULL;
    }
    ctx.cdata = view.data;
    ctx.len = view.len;
    socket_object_t *s = SOCK(self);
    ssize_t n = socket_call(s, GP_LOOP_WRITABLE, send_attempt, &ctx, socket_deadline(s));
    gp_buffer_release(&view);
    return n < 0 ? NULL : gp_int_from_i64(n);
}

/* sendall(data[, flags]): everything, within one timeout for the whole call. */
SOCKET_METHOD(sendall)
{
    io_ctx_t ctx = {0};
    gp_buffer_t view = {0};
    if (gp_args_check("sendall", nargs, kwnames, 1, 2) < 0 ||
        gp_buffer_get(args[0], &view, GP_BUFFER_SIMPLE) < 0 ||
        (nargs == 2 && gp_socket_int_arg(args[1], &ctx.flags) < 0)) {
        gp_buffer_release(&view);
        return NULL;
    }
    socket_object_t *s = SOCK(self);
    int64_t deadline = socket_deadline(s);
    size_t offset = 0;
    gp_object_t *result = NULL;
    for (;;) {
        /* The export holds the data in place (and its size fixed) while
           the GIL is released between and during the sends. */
        size_t total = view.len;
        if (offset >= total)
            break;
        ctx.cdata = view.data + offset;
        ctx.len = total - offset;
        ssize_t n = socket_call(s, GP_LOOP_WRITABLE, send_attempt, &ctx, deadline);
        if (n < 0)
            goto done;
        offset += (size_t)n;
        /* Let signal handlers run between chunks, as CPython does. */
        if ((atomic_load(&gp_runtime()->eval_breaker) & GP_BREAK_SIGNALS) &&
            gp_runtime_handle_breaker() < 0)
            goto done;
    }
    result = gp_none_new();
done:
    gp_buffer_release(&view);
    return result;
}

/* sendto(data[, flags], address). */
SOCKET_METHOD(sendto)
{
    io_ctx_t ctx = {0};
    if (gp_args_check("sendto", nargs, kwnames, 2, 3) < 0)
        return NULL;
    gp_object_t *address = args[nargs - 1];
    socket_object_t *s = SOCK(self);
    gp_buffer_t view = {0};
    if (gp_buffer_get(args[0], &view, GP_BUFFER_SIMPLE) < 0 ||
        (nargs == 3 && gp_socket_int_arg(args[1], &ctx.flags) < 0) ||
        gp_socket_address_from(s->family, address, "sendto", &ctx.addr, &ctx.addr_len) < 0) {
        gp_buffer_release(&view);
        return NULL;
    }
    ctx.cdata = view.data;
    ctx.len = view.len;
    ssize_t n = socket_call(s, GP_LOOP_WRITABLE, sendto_attempt, &ctx, socket_deadline(s));
    gp_buffer_release(&view);
    return n < 0 ? NULL : gp_int_from_i64(n);
}

SOCKET_METHOD(shutdown)
{
    socket_object_t *s = SOCK(self);
    int how;
    if (gp_args_check("shutdown", nargs, kwnames, 1, 1) < 0 || gp_socket_int_arg(args[0], &how) < 0 ||
        socket_fd(s) < 0)
        return NULL;
    if (shutdown(s->fd, how) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

SOCKET_METHOD(settimeout)
{
    int64_t ns;
    if (gp_args_check("settimeout", nargs, kwnames, 1, 1) < 0 ||
        socket_timeout_arg(args[0], &ns) < 0)
        return NULL;
    SOCK(self)->timeout_ns = ns;
    return gp_none_new();
}

SOCKET_METHOD(gettimeout)
{
    if (gp_args_check("gettimeout", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return socket_timeout_value(SOCK(self)->timeout_ns);
}

SOCKET_METHOD(setblocking)
{
    if (gp_args_check("setblocking", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int flag = gp_object_is_true(args[0]);
    if (flag < 0)
        return NULL;
    SOCK(self)->timeout_ns = flag ? -1 : 0;
    return gp_none_new();
}

SOCKET_METHOD(getblocking)
{
    if (gp_args_check("getblocking", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(SOCK(self)->timeout_ns != 0);
}

static gp_object_t *socket_name_common(socket_object_t *s, size_t nargs, gp_object_t *kwnames,
                                       const char *name, bool peer)
{
    if (gp_args_check(name, nargs, kwnames, 0, 0) < 0 || socket_fd(s) < 0)
        return NULL;
    gp_socket_address_t addr;
    memset(&addr, 0, sizeof addr);
    socklen_t len = sizeof addr;
    int rc = peer ? getpeername(s->fd, &addr.sa, &len) : getsockname(s->fd, &addr.sa, &len);
    if (rc < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    if (len <= sizeof(sa_family_t) && addr.sa.sa_family == AF_UNIX)
        return gp_str_from_cstr("");
    return gp_socket_address_to_object(&addr.sa, len);
}

SOCKET_METHOD(getsockname)
{
    return socket_name_common(SOCK(self), nargs, kwnames, "getsockname", false);
}

SOCKET_METHOD(getpeername)
{
    return socket_name_common(SOCK(self), nargs, kwnames, "getpeername", true);
}

/* setsockopt(level, option, value: int | bytes) or (level, option, None, optlen). */
SOCKET_METHOD(setsockopt)
{
    socket_object_t *s = SOCK(self);
    int level, option;
    if (gp_args_check("setsockopt", nargs, kwnames, 3, 4) < 0 ||
        gp_socket_int_arg(args[0], &level) < 0 || gp_socket_int_arg(args[1], &option) < 0)
        return NULL;
    int rc;
    if (nargs == 4) {
        int optlen;
        if (args[2] != gp_None) {
            gp_err_format(&gp_exc_TypeError, "setsockopt() argument 3 must be NoneType, not %T",
                          args[2]);
            return NULL;
        }
        if (gp_socket_int_arg(args[3], &optlen) < 0 || socket_fd(s) < 0)
            return NULL;
        rc = setsockopt(s->fd, level, option, NULL, (socklen_t)optlen);
    } else if (gp_int_check(args[2])) {
        int value;
        if (gp_socket_int_arg(args[2], &value) < 0 || socket_fd(s) < 0)
            return NULL;
        rc = setsockopt(s->fd, level, option, &value, sizeof value);
    } else {
        const char *data;
        size_t len;
        if (gp_socket_buffer_arg(args[2], &data, &len) < 0 || socket_fd(s) < 0)
            return NULL;
        rc = setsockopt(s->fd, level, option, data, (socklen_t)len);
    }
    if (rc < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_none_new();
}

/* getsockopt(level, option[, buflen]): an int, or bytes when buflen is given. */
SOCKET_METHOD(getsockopt)
{
    socket_object_t *s = SOCK(self);
    int level, option, buflen = 0;
    if (gp_args_check("getsockopt", nargs, kwnames, 2, 3) < 0 ||
        gp_socket_int_arg(args[0], &level) < 0 || gp_socket_int_arg(args[1], &option) < 0 ||
        (nargs == 3 && gp_socket_int_arg(args[2], &buflen) < 0) || socket_fd(s) < 0)
        return NULL;
    if (nargs < 3) {
        int value = 0;
        socklen_t len = sizeof value;
        if (getsockopt(s->fd, level, option, &value, &len) < 0) {
            gp_err_set_from_errno(errno, NULL);
            return NULL;
        }
        return gp_int_from_i64(value);
    }
    if (buflen <= 0 || buflen > 1024) {
        gp_err_set_string(&gp_exc_OSError, "getsockopt buflen out of range");
        return NULL;
    }
    char buf[1024];
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(s->fd, level, option, buf, &len) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_bytes_new(buf, len);
}

static gp_object_t *socket_get_family(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(SOCK(self)->family);
}

static gp_object_t *socket_get_type(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(SOCK(self)->type);
}

static gp_object_t *socket_get_proto(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(SOCK(self)->proto);
}

static gp_object_t *socket_get_timeout(gp_object_t *self, void *closure)
{
    return socket_timeout_value(SOCK(self)->timeout_ns);
}

static const gp_getset_def_t socket_getsets[] = {
    {"family", socket_get_family, NULL, NULL, "the socket family"},
    {"type", socket_get_type, NULL, NULL, "the socket type"},
    {"proto", socket_get_proto, NULL, NULL, "the socket protocol"},
    {"timeout", socket_get_timeout, NULL, NULL, "the socket timeout"},
    {NULL},
};

static const gp_method_def_t socket_methods[] = {
    {"_accept", socket__accept, 0, "_accept() -> (integer, address info)"},
    {"bind", socket_bind, 0, "bind(address)"},
    {"close", socket_close, 0, "close()"},
    {"connect", socket_connect, 0, "connect(address)"},
    {"connect_ex", socket_connect_ex, 0, "connect_ex(address) -> errno"},
    {"detach", socket_detach, 0, "detach()"},
    {"fileno", socket_fileno, 0, "fileno() -> integer"},
    {"getblocking", socket_getblocking, 0, "getblocking()"},
    {"getpeername", socket_getpeername, 0, "getpeername() -> address info"},
    {"getsockname", socket_getsockname, 0, "getsockname() -> address info"},
    {"getsockopt", socket_getsockopt, 0, "getsockopt(level, option[, buffersize]) -> value"},
    {"gettimeout", socket_gettimeout, 0, "gettimeout() -> timeout"},
    {"listen", socket_listen, 0, "listen([backlog])"},
    {"recv", socket_recv, 0, "recv(buffersize[, flags]) -> data"},
    {"recv_into", socket_recv_into, GP_METH_KEYWORDS, "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read"},
    {"recvfrom", socket_recvfrom, 0, "recvfrom(buffersize[, flags]) -> (data, address info)"},
    {"send", socket_send, 0, "send(data[, flags]) -> count"},
    {"sendall", socket_sendall, 0, "sendall(data[, flags])"},
    {"sendto", socket_sendto, 0, "sendto(data[, flags], address) -> count"},
    {"setblocking", socket_setblocking, 0, "setblocking(flag)"},
    {"setsockopt", socket_setsockopt, 0, "setsockopt(level, option, value)"},
    {"settimeout", socket_settimeout, 0, "settimeout(timeout)"},
    {"shutdown", socket_shutdown, 0, "shutdown(flag)"},
    {NULL},
};

static gp_type_t socket_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_socket.socket",
    .basicsize = sizeof(socket_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = socket_dealloc,
    .new_ = socket_new,
    .init = socket_init,
    .repr = socket_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .methods = socket_methods,
    .getsets = socket_getsets,
    .doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None) -> socket object",
};

/* ------------------------------------------------------------------ */
/* Module functions                                                     */
/* ------------------------------------------------------------------ */

/* A new _socket.socket around [fd] (owned by the new object). */
static gp_object_t *socket_from_fd(int fd, int family, int type, int proto)
{
    gp_object_t *self = socket_new(&socket_type, NULL, 0, NULL);
    if (!self) {
        close(fd);
        return NULL;
    }
    socket_object_t *s = SOCK(self);
    s->fd = fd;
    s->family = family;
    s->proto = proto;
    socket_apply_type_flags(s, type);
    return self;
}

static gp_object_t *module_socketpair(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if (gp_args_check("socketpair", nargs, kwnames, 0, 3) < 0 ||
        (nargs > 0 && args[0] != gp_None && gp_socket_int_arg(args[0], &family) < 0) ||
        (nargs > 1 && gp_socket_int_arg(args[1], &type) < 0) ||
        (nargs > 2 && gp_socket_int_arg(args[2], &proto) < 0))
        return NULL;
    int sv[2];
    if (socketpair(family, type | SOCK_CLOEXEC | SOCK_NONBLOCK, proto, sv) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    gp_object_t *a = socket_from_fd(sv[0], family, type, proto);
    if (!a) {
        close(sv[1]);
        return NULL;
    }
    gp_object_t *b = socket_from_fd(sv[1], family, type, proto);
    if (!b) {
        GP_DECREF(a);
        return NULL;
    }
    gp_object_t *t = gp_tuple_pack(2, a, b);
    GP_DECREF(a);
    GP_DECREF(b);
    return t;
}

static gp_object_t *module_getdefaulttimeout(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("getdefaulttimeout", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return socket_timeout_value(socket_default_timeout_ns);
}

static gp_object_t *module_setdefaulttimeout(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    int64_t ns;
    if (gp_args_check("setdefaulttimeout", nargs, kwnames, 1, 1) < 0 ||
        socket_timeout_arg(args[0], &ns) < 0)
        return NULL;
    socket_default_timeout_ns = ns;
    return gp_none_new();
}

static const gp_method_def_t socket_functions[] = {
    {"socketpair", module_socketpair, 0, "socketpair([family[, type [, proto]]]) -> (socket object, socket object)"},
    {"getaddrinfo", gp_socket_getaddrinfo, GP_METH_KEYWORDS, "getaddrinfo(host, port [, family, type, proto, flags])"},
    {"gethostname", gp_socket_gethostname, 0, "gethostname() -> string"},
    {"gethostbyname", gp_socket_gethostbyname, 0, "gethostbyname(host) -> address"},
    {"getdefaulttimeout", module_getdefaulttimeout, 0, "getdefaulttimeout() -> timeout"},
    {"setdefaulttimeout", module_setdefaulttimeout, 0, "setdefaulttimeout(timeout)"},
    {"inet_aton", gp_socket_inet_aton, 0, "inet_aton(string) -> bytes giving packed 32-bit IP representation"},
    {"inet_ntoa", gp_socket_inet_ntoa, 0, "inet_ntoa(packed_ip) -> ip_address_string"},
    {"inet_pton", gp_socket_inet_pton, 0, "inet_pton(af, ip) -> packed IP address string"},
    {"inet_ntop", gp_socket_inet_ntop, 0, "inet_ntop(af, packed_ip) -> string formatted IP address"},
    {"htons", gp_socket_htons, 0, "htons(integer) -> integer"},
    {"ntohs", gp_socket_ntohs, 0, "ntohs(integer) -> integer"},
    {"htonl", gp_socket_htonl, 0, "htonl(integer) -> integer"},
    {"ntohl", gp_socket_ntohl, 0, "ntohl(integer) -> integer"},
    {NULL},
};

typedef struct socket_constant {
    const char *name;
    int64_t value;
} socket_constant_t;

#define CONSTANT(name) {#name, name}
static const socket_constant_t socket_constants[] = {
    CONSTANT(AF_UNSPEC), CONSTANT(AF_INET), CONSTANT(AF_INET6), CONSTANT(AF_UNIX),
    CONSTANT(SOCK_STREAM), CONSTANT(SOCK_DGRAM), CONSTANT(SOCK_RAW), CONSTANT(SOCK_SEQPACKET),
    CONSTANT(SOCK_NONBLOCK), CONSTANT(SOCK_CLOEXEC),
    CONSTANT(SOL_SOCKET), CONSTANT(SO_REUSEADDR), CONSTANT(SO_REUSEPORT), CONSTANT(SO_KEEPALIVE),
    CONSTANT(SO_SNDBUF), CONSTANT(SO_RCVBUF), CONSTANT(SO_ERROR), CONSTANT(SO_TYPE),
    CONSTANT(SO_BROADCAST), CONSTANT(SO_LINGER), CONSTANT(SO_RCVLOWAT), CONSTANT(SO_SNDLOWAT),
    CONSTANT(SO_RCVTIMEO), CONSTANT(SO_SNDTIMEO), CONSTANT(SO_ACCEPTCONN), CONSTANT(SO_DOMAIN),
    CONSTANT(SO_PROTOCOL), CONSTANT(SOMAXCONN),
    CONSTANT(IPPROTO_IP), CONSTANT(IPPROTO_TCP), CONSTANT(IPPROTO_UDP), CONSTANT(IPPROTO_IPV6),
    CONSTANT(IPPROTO_ICMP), CONSTANT(IPPROTO_RAW), CONSTANT(IPV6_V6ONLY), CONSTANT(IP_TTL),
    CONSTANT(IP_TOS), CONSTANT(SOL_TCP), CONSTANT(SOL_IP),
    CONSTANT(TCP_NODELAY), CONSTANT(TCP_MAXSEG), CONSTANT(TCP_KEEPIDLE), CONSTANT(TCP_KEEPINTVL),
    CONSTANT(TCP_KEEPCNT), CONSTANT(TCP_QUICKACK), CONSTANT(TCP_FASTOPEN),
    CONSTANT(SHUT_RD), CONSTANT(SHUT_WR), CONSTANT(SHUT_RDWR),
    CONSTANT(MSG_PEEK), CONSTANT(MSG_WAITALL), CONSTANT(MSG_DONTWAIT), CONSTANT(MSG_OOB),
    CONSTANT(MSG_NOSIGNAL), CONSTANT(MSG_TRUNC), CONSTANT(MSG_DONTROUTE), CONSTANT(MSG_EOR),
    CONSTANT(AI_PASSIVE), CONSTANT(AI_CANONNAME), CONSTANT(AI_NUMERICHOST), CONSTANT(AI_NUMERICSERV),
    CONSTANT(AI_V4MAPPED), CONSTANT(AI_ALL), CONSTANT(AI_ADDRCONFIG),
    CONSTANT(NI_NUMERICHOST), CONSTANT(NI_NUMERICSERV), CONSTANT(NI_NOFQDN), CONSTANT(NI_NAMEREQD),
    CONSTANT(NI_DGRAM), CONSTANT(NI_MAXHOST), CONSTANT(NI_MAXSERV),
    CONSTANT(EAI_ADDRFAMILY), CONSTANT(EAI_AGAIN), CONSTANT(EAI_BADFLAGS), CONSTANT(EAI_FAIL),
    CONSTANT(EAI_FAMILY), CONSTANT(EAI_MEMORY), CONSTANT(EAI_NODATA), CONSTANT(EAI_NONAME),
    CONSTANT(EAI_SERVICE), CONSTANT(EAI_SOCKTYPE), CONSTANT(EAI_SYSTEM),
    CONSTANT(INADDR_ANY), CONSTANT(INADDR_LOOPBACK), CONSTANT(INADDR_NONE),
    CONSTANT(INADDR_BROADCAST),
    {NULL, 0},
};

/* socket.herror / socket.gaierror: OSError subclasses made like a class statement. */
static gp_type_t *socket_make_error(const char *name)
{
    gp_object_t *name_obj = gp_str_from_cstr(name);
    gp_object_t *bases = gp_tuple_pack(1, (gp_object_t *)&gp_exc_OSError);
    gp_object_t *dict = gp_dict_new();
    gp_object_t *modname = gp_str_from_cstr("socket");
    gp_object_t *type = NULL;
    if (name_obj && bases && dict && modname &&
        gp_dict_setitem_cstr(dict, "__module__", modname) == 0)
        type = gp_type_new_class(NULL, name_obj, bases, dict, NULL);
    GP_XDECREF(name_obj);
    GP_XDECREF(bases);
    GP_XDECREF(dict);
    GP_XDECREF(modname);
    return (gp_type_t *)type;
}

gp_object_t *gp_socket_module_create(void)
{
    if (!(socket_type.flags & GP_TYPE_FLAG_READY) && gp_type_ready(&socket_type) < 0)
        return NULL;
    /* The error types live for the process: C code raises them. */
    if (!gp_socket_herror_type && !(gp_socket_herror_type = socket_make_error("herror")))
        return NULL;
    if (!gp_socket_gaierror_type && !(gp_socket_gaierror_type = socket_make_error("gaierror")))
        return NULL;
    gp_object_t *module = gp_module_new("_socket");
    if (!module)
        return NULL;
    if (gp_module_add_functions(module, socket_functions) < 0 ||
        gp_module_add_object(module, "socket", (gp_object_t *)&socket_type) < 0 ||
        gp_module_add_object(module, "SocketType", (gp_object_t *)&socket_type) < 0 ||
        gp_module_add_object(module, "error", (gp_object_t *)&gp_exc_OSError) < 0 ||
        gp_module_add_object(module, "timeout", (gp_object_t *)&gp_exc_TimeoutError) < 0 ||
        gp_module_add_object(module, "herror", (gp_object_t *)gp_socket_herror_type) < 0 ||
        gp_module_add_object(module, "gaierror", (gp_object_t *)gp_socket_gaierror_type) < 0 ||
        gp_module_add_object(module, "has_ipv6", gp_True) < 0)
        goto fail;
    for (const socket_constant_t *c = socket_constants; c->name; c++)
        if (gp_module_add_int(module, c->name, c->value) < 0)
            goto fail;
    return module;
fail:
    GP_DECREF(module);
    return NULL;
}
