/*
 * uvloop_poll.c - fd watchers (uv_poll_t) behind asyncio's add_reader /
 * add_writer, the DNS lookups (uv_getaddrinfo) behind loop.getaddrinfo,
 * and the non-blocking fd calls the sock_* coroutines are built from.
 *
 * The thread/loop rule, as in uvloop.c: the poll and getaddrinfo callbacks
 * run without the GIL and only record what happened; their completions run
 * under the GIL and append the reader/writer handles to the asyncio loop's
 * ready list, or set a future's result.
 *
 * Design notes
 * ------------
 * libuv allows one uv_poll_t per fd, so a watcher carries both the reader
 * and the writer of its fd and the events mask is recomputed whenever
 * either changes. The Python side (lib/asyncio/events.py) keeps a dict of
 * watchers by fd and closes a watcher once it has neither.
 *
 * A DNS request owns its memory until its callback fires: a task cancelled
 * while the lookup runs on the threadpool leaves the request to finish, and
 * the completion only notices that the future is already done.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "mod/uvloop_internal.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

#define CONTAINER_OF(ptr, type, field) ((type *)((char *)(ptr) - offsetof(type, field)))

enum { WATCH_READ = 1, WATCH_WRITE = 2 };

typedef struct gpuv_watcher {
    gp_object_t base;
    gpuv_owned_t owned;
    uv_poll_t handle;
    gp_uv_completion_t completion;
    gpuv_loop_t *core;    /* strong */
    gp_object_t *loop;    /* the asyncio loop (its _ready list), strong */
    gp_object_t *reader;  /* Handle or NULL */
    gp_object_t *writer;  /* Handle or NULL */
    gp_object_t *self_ref;
    int fd;
    int fired;            /* WATCH_* bits recorded by the callback */
    bool queued, handle_open, close_started, closed_cb;
} gpuv_watcher_t;

static gp_type_t gpuv_watcher_type;

static void watcher_queue(gpuv_watcher_t *w)
{
    if (!w->queued) {
        w->queued = true;
        gp_uvloop_complete(w->handle.loop, &w->completion);
    }
}

static void watcher_poll_cb(uv_poll_t *handle, int status, int events)
{
    gpuv_watcher_t *w = handle->data;
    /* An error (a closed fd, a reset) wakes both sides: their callbacks
       then meet the error themselves, as with a selector. */
    if (status < 0)
        w->fired |= WATCH_READ | WATCH_WRITE;
    if (events & (UV_READABLE | UV_DISCONNECT))
        w->fired |= WATCH_READ;
    if (events & UV_WRITABLE)
        w->fired |= WATCH_WRITE;
    watcher_queue(w);
}

static void watcher_close_cb(uv_handle_t *handle)
{
    gpuv_watcher_t *w = handle->data;
    w->closed_cb = true;
    watcher_queue(w);
}

static void watcher_start_close(gpuv_watcher_t *w)
{
    if (w->close_started || !w->handle_open)
        return;
    w->close_started = true;
    uv_close((uv_handle_t *)&w->handle, watcher_close_cb);
}

/* Appends [handle] to loop._ready unless it was cancelled. */
static int watcher_ready(gpuv_watcher_t *w, gp_object_t *handle)
{
    gp_object_t *ready = gp_object_getattr_cstr(w->loop, "_ready");
    if (!ready)
        return -1;
    int rc;
    if (gp_list_check(ready)) {
        rc = gp_list_append(ready, handle);
    } else {
        gp_object_t *r = gp_object_call_method(ready, "append", &handle, 1);
        rc = r ? 0 : -1;
        GP_XDECREF(r);
    }
    GP_DECREF(ready);
    return rc;
}

static void watcher_complete_run(gp_uv_completion_t *c)
{
    gpuv_watcher_t *w = CONTAINER_OF(c, gpuv_watcher_t, completion);
    w->queued = false;
    GP_INCREF(&w->base);
    int fired = w->fired;
    w->fired = 0;
    if (!w->close_started && !w->core->closing && w->loop) {
        if ((fired & WATCH_READ) && w->reader) {
            GP_INCREF(w->reader);
            if (watcher_ready(w, w->reader) < 0)
                gpuv_loop_defer_exception(w->core, "asyncio add_reader");
            GP_DECREF(w->reader);
        }
        if ((fired & WATCH_WRITE) && w->writer) {
            GP_INCREF(w->writer);
            if (watcher_ready(w, w->writer) < 0)
                gpuv_loop_defer_exception(w->core, "asyncio add_writer");
            GP_DECREF(w->writer);
        }
    }
    if (w->closed_cb) {
        w->closed_cb = false;
        w->handle_open = false;
        gpuv_owned_unlink(&w->owned);
        GP_CLEAR(w->reader);
        GP_CLEAR(w->writer);
        GP_CLEAR(w->loop);
        GP_CLEAR(w->self_ref);
    }
    GP_DECREF(&w->base);
}

static void watcher_close_for_loop(gpuv_owned_t *owned)
{
    watcher_start_close(CONTAINER_OF(owned, gpuv_watcher_t, owned));
}

static int watcher_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gpuv_watcher_t *w = (gpuv_watcher_t *)self;
    gp_object_t *fields[] = {w->core ? &w->core->base : NULL, w->loop, w->reader, w->writer};
    for (size_t i = 0; i < 4; i++) {
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int watcher_clear(gp_object_t *self)
{
    gpuv_watcher_t *w = (gpuv_watcher_t *)self;
    GP_CLEAR(w->loop);
    GP_CLEAR(w->reader);
    GP_CLEAR(w->writer);
    return 0;
}

static void watcher_dealloc(gp_object_t *self)
{
    gpuv_watcher_t *w = (gpuv_watcher_t *)self;
    gp_gc_untrack(self);
    watcher_clear(self);
    GP_CLEAR(w->core);
    gp_object_free(self);
}

/* set(reader, writer): the Handles to make ready (None: not watched).
   Returns the previous (reader, writer). Stops polling when both are None. */
static gp_object_t *watcher_set(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gpuv_watcher_t *w = (gpuv_watcher_t *)self;
    if (gp_args_check("set", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (!w->handle_open || w->close_started) {
        gp_err_set_string(&gp_exc_RuntimeError, "fd watcher is closed");
        return NULL;
    }
    gp_object_t *old = gp_tuple_pack(2, w->reader ? w->reader : gp_None,
                                     w->writer ? w->writer : gp_None);
    if (!old)
        return NULL;
    GP_SETREF(w->reader, args[0] == gp_None ? NULL : GP_INCREF(args[0]));
    GP_SETREF(w->writer, args[1] == gp_None ? NULL : GP_INCREF(args[1]));
    int events = (w->reader ? UV_READABLE : 0) | (w->writer ? UV_WRITABLE : 0);
    int rc = events ? uv_poll_start(&w->handle, events, watcher_poll_cb) : uv_poll_stop(&w->handle);
    if (rc != 0) {
        GP_DECREF(old);
        gpuv_set_uv_error(rc, NULL);
        return NULL;
    }
    return old;
}

static gp_object_t *watcher_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    watcher_start_close((gpuv_watcher_t *)self);
    return gp_none_new();
}

static gp_object_t *watcher_get_reader(gp_object_t *self, void *closure)
{
    gpuv_watcher_t *w = (gpuv_watcher_t *)self;
    return GP_INCREF(w->reader ? w->reader : gp_None);
}

static gp_object_t *watcher_get_writer(gp_object_t *self, void *closure)
{
    gpuv_watcher_t *w = (gpuv_watcher_t *)self;
    return GP_INCREF(w->writer ? w->writer : gp_None);
}

static const gp_method_def_t watcher_methods[] = {
    {"set", watcher_set, 0, "Set the reader and writer Handles; return the old pair."},
    {"close", watcher_close, 0, "Stop watching and close the uv_poll_t."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t watcher_getsets[] = {
    {"reader", watcher_get_reader, NULL, NULL, "The reader Handle or None."},
    {"writer", watcher_get_writer, NULL, NULL, "The writer Handle or None."},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t gpuv_watcher_type = {
    GP_TYPE_HEAD_INIT,
    .name = "FdWatcher",
    .basicsize = sizeof(gpuv_watcher_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = watcher_dealloc,
    .hash = gp_object_default_hash,
    .traverse = watcher_traverse,
    .clear = watcher_clear,
    .methods = watcher_methods,
    .getsets = watcher_getsets,
    .doc = "A uv_poll_t on one fd, making reader/writer Handles ready.",
};

/* Loop.watch_fd(fd, asyncio_loop) -> FdWatcher (not polling yet). */
gp_object_t *gpuv_loop_watch_fd(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gpuv_loop_t *core = (gpuv_loop_t *)self;
    if (gp_args_check("watch_fd", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (core->closed) {
        gp_err_set_string(&gp_exc_RuntimeError, "Event loop is closed");
        return NULL;
    }
    int64_t fd = gp_int_as_i64(args[0]);
    if (fd == -1 && gp_err_occurred())
        return NULL;
    gpuv_watcher_t *w = (gpuv_watcher_t *)gp_object_alloc(&gpuv_watcher_type, 0);
    if (!w)
        return NULL;
    int rc = uv_poll_init(core->uv, &w->handle, (int)fd);
    if (rc != 0) {
        GP_DECREF(&w->base);
        gpuv_set_uv_error(rc, NULL);
        return NULL;
    }
    w->handle.data = w;
    w->fd = (int)fd;
    w->completion.run = watcher_complete_run;
    w->core = (gpuv_loop_t *)GP_INCREF(&core->base);
    w->loop = GP_INCREF(args[1]);
    w->handle_open = true;
    w->owned.close_for_loop = watcher_close_for_loop;
    gpuv_owned_link(core, &w->owned);
    w->self_ref = GP_INCREF(&w->base);
    gp_gc_track(&w->base);
    return &w->base;
}

/* ------------------------------------------------------------------ */
/* getaddrinfo                                                          */
/* ------------------------------------------------------------------ */

typedef struct gai_req {
    uv_getaddrinfo_t req;
    gp_uv_completion_t completion;
    gpuv_loop_t *core;   /* strong */
    gp_object_t *future; /* strong */
    int status;
    struct addrinfo *result;
} gai_req_t;

static void gai_cb(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
    gai_req_t *g = req->data;
    g->status = status;
    g->result = res;
    gp_uvloop_complete(req->loop, &g->completion);
}

/* The EAI_* code of a libuv UV_EAI_* error, for socket.gaierror. */
static int gai_code(int uv_error)
{
    static const struct { int uv, eai; } table[] = {
        {UV_EAI_ADDRFAMILY, -9}, {UV_EAI_AGAIN, EAI_AGAIN},       {UV_EAI_BADFLAGS, EAI_BADFLAGS},
        {UV_EAI_FAIL, EAI_FAIL}, {UV_EAI_FAMILY, EAI_FAMILY},     {UV_EAI_MEMORY, EAI_MEMORY},
        {UV_EAI_NODATA, -5},     {UV_EAI_NONAME, EAI_NONAME},     {UV_EAI_SERVICE, EAI_SERVICE},
        {UV_EAI_SOCKTYPE, EAI_SOCKTYPE}, {UV_EAI_OVERFLOW, EAI_OVERFLOW},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (table[i].uv == uv_error)
            return table[i].eai;
    return EAI_FAIL;
}

static gp_object_t *gai_result_list(struct addrinfo *res)
{
    gp_object_t *list = gp_list_new(0);
    for (struct addrinfo *ai = res; list && ai; ai = ai->ai_next) {
        if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6)
            continue;
        gp_object_t *addr = gpuv_tuple_from_sockaddr(ai->ai_addr);
        gp_object_t *canon = gp_str_from_cstr(ai->ai_canonname ? ai->ai_canonname : "");
        gp_object_t *item = addr && canon
                                ? gp_tuple_pack(5, gp_int_from_i64(ai->ai_family),
                                                gp_int_from_i64(ai->ai_socktype),
                                                gp_int_from_i64(ai->ai_protocol), canon, addr)
                                : NULL;
        GP_XDECREF(addr);
        GP_XDECREF(canon);
        if (!item || gp_list_append(list, item) < 0) {
            GP_XDECREF(item);
            GP_CLEAR(list);
            break;
        }
        GP_DECREF(item);
    }
    return list;
}

static void gai_complete_run(gp_uv_completion_t *c)
{
    gai_req_t *g = CONTAINER_OF(c, gai_req_t, completion);
    gp_object_t *done = gp_object_call_method(g->future, "done", NULL, 0);
    int is_done = done ? gp_object_is_true(done) : -1;
    GP_XDECREF(done);
    if (is_done == 0 && !g->core->closing) {
        gp_object_t *value;
        if (g->status == 0) {
            value = gai_result_list(g->result);
        } else {
            int code = gai_code(g->status);
            gp_object_t *msg = gp_str_from_cstr(gai_strerror(code));
            value = msg ? gp_tuple_pack(2, gp_int_from_i64(code), msg) : NULL;
            GP_XDECREF(msg);
        }
        gp_object_t *r = value ? gp_object_call_method(g->future, "set_result", &value, 1) : NULL;
        GP_XDECREF(value);
        GP_XDECREF(r);
    }
    if (gp_err_occurred())
        gpuv_loop_defer_exception(g->core, "asyncio getaddrinfo");
    uv_freeaddrinfo(g->result);
    GP_DECREF(g->future);
    GP_DECREF(&g->core->base);
    gp_mem_free(g);
}

/* Loop.getaddrinfo(host, port, family, type, proto, flags, future): the
   future's result becomes a list of (family, type, proto, canonname,
   sockaddr) or, on failure, an (eai_code, message) tuple. */
gp_object_t *gpuv_loop_getaddrinfo(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gpuv_loop_t *core = (gpuv_loop_t *)self;
    if (gp_args_check("getaddrinfo", nargs, kwnames, 7, 7) < 0)
        return NULL;
    if (core->closed) {
        gp_err_set_string(&gp_exc_RuntimeError, "Event loop is closed");
        return NULL;
    }
    const char *host = NULL, *port = NULL;
    if (args[0] != gp_None) {
        if (!gp_str_check(args[0])) {
            gp_err_format(&gp_exc_TypeError, "getaddrinfo() argument 1 must be string or None");
            return NULL;
        }
        host = gp_str_utf8(args[0]);
    }
    gp_object_t *port_str = NULL;
    if (args[1] != gp_None) {
        if (gp_str_check(args[1])) {
            port_str = GP_INCREF(args[1]);
        } else if (gp_int_check(args[1])) {
            port_str = gp_object_str(args[1]);
            if (!port_str)
                return NULL;
        } else {
            gp_err_set_string(&gp_exc_OSError, "Int or String expected");
            return NULL;
        }
        port = gp_str_utf8(port_str);
    }
    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = (int)gp_int_as_i64(args[2]);
    hints.ai_socktype = (int)gp_int_as_i64(args[3]);
    hints.ai_protocol = (int)gp_int_as_i64(args[4]);
    hints.ai_flags = (int)gp_int_as_i64(args[5]);
    if (gp_err_occurred()) {
        GP_XDECREF(port_str);
        return NULL;
    }
    gai_req_t *g = gp_mem_calloc(1, sizeof *g);
    if (!g) {
        GP_XDECREF(port_str);
        gp_err_no_memory();
        return NULL;
    }
    g->req.data = g;
    g->completion.run = gai_complete_run;
    int rc = uv_getaddrinfo(core->uv, &g->req, gai_cb, host, port, &hints);
    GP_XDECREF(port_str);
    if (rc != 0) {
        gp_mem_free(g);
        gpuv_set_uv_error(rc, NULL);
        return NULL;
    }
    g->core = (gpuv_loop_t *)GP_INCREF(&core->base);
    g->future = GP_INCREF(args[6]);
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* Non-blocking fd calls for the sock_* coroutines                      */
/* ------------------------------------------------------------------ */

static bool would_block(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK || err == EINPROGRESS;
}

static int arg_fd(gp_object_t *o)
{
    int64_t fd = gp_int_as_i64(o);
    if (fd == -1 && gp_err_occurred())
        return -1;
    if (fd < 0 || fd > INT32_MAX) {
        gp_err_format(&gp_exc_ValueError, "Invalid file descriptor: %lld", (long long)fd);
        return -1;
    }
    return (int)fd;
}

/* fd_recv(fd, n) -> bytes, or None when it would block. */
static gp_object_t *fd_recv(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    if (gp_args_check("fd_recv", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int fd = arg_fd(args[0]);
    int64_t n = fd < 0 ? -1 : gp_int_as_i64(args[1]);
    if (gp_err_occurred())
        return NULL;
    if (n < 0) {
        gp_err_set_string(&gp_exc_ValueError, "negative buffersize in recv");
        return NULL;
    }
    char stack[4096];
    char *buf = n <= (int64_t)sizeof stack ? stack : malloc((size_t)n);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    ssize_t got;
    do
        got = recv(fd, buf, (size_t)n, MSG_DONTWAIT);
    while (got < 0 && errno == EINTR);
    gp_object_t *r;
    if (got >= 0)
        r = gp_bytes_new(buf, (size_t)got);
    else if (would_block(errno))
        r = gp_none_new();
    else {
        gp_err_set_from_errno(errno, NULL);
        r = NULL;
    }
    if (buf != stack)
        free(buf);
    return r;
}

/* fd_recv_into(fd, bytearray, nbytes) -> count, or None when it would block. */
static gp_object_t *fd_recv_into(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("fd_recv_into", nargs, kwnames, 3, 3) < 0)
        return NULL;
    int fd = arg_fd(args[0]);
    if (fd < 0)
        return NULL;
    /* A bytearray or a writable memoryview; recv() below does not block or
       drop the GIL, so the borrowed pointer stays valid. */
    gp_buffer_t view;
    if (gp_buffer_get(args[1], &view, GP_BUFFER_WRITABLE) < 0) {
        if (gp_err_matches(&gp_exc_ValueError))
            return NULL;
        gp_err_clear();
        gp_err_format(&gp_exc_TypeError, "recv_into() argument 'buffer' must be read-write "
                                         "bytes-like object, not %T", args[1]);
        return NULL;
    }
    gp_buffer_release(&view);
    size_t cap = gp_bytes_len(args[1]);
    int64_t n = gp_int_as_i64(args[2]);
    if (n == -1 && gp_err_occurred())
        return NULL;
    if (n <= 0 || (size_t)n > cap)
        n = (int64_t)cap;
    ssize_t got;
    do
        got = recv(fd, (char *)gp_bytes_data(args[1]), (size_t)n, MSG_DONTWAIT);
    while (got < 0 && errno == EINTR);
    if (got >= 0)
        return gp_int_from_i64(got);
    if (would_block(errno))
        return gp_none_new();
    gp_err_set_from_errno(errno, NULL);
    return NULL;
}

/* fd_send(fd, data, offset) -> bytes sent (0 when it would block). */
static gp_object_t *fd_send(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    if (gp_args_check("fd_send", nargs, kwnames, 3, 3) < 0)
        return NULL;
    int fd = arg_fd(args[0]);
    if (fd < 0)
        return NULL;
    gp_buffer_t view;
    if (gp_buffer_get(args[1], &view, GP_BUFFER_SIMPLE) < 0)
        return NULL;
    gp_buffer_release(&view);
    int64_t off = gp_int_as_i64(args[2]);
    if (off == -1 && gp_err_occurred())
        return NULL;
    size_t len = gp_bytes_len(args[1]);
    if (off < 0 || (size_t)off > len)
        off = (int64_t)len;
    ssize_t sent;
    do
        sent = send(fd, gp_bytes_data(args[1]) + off, len - (size_t)off,
                    MSG_DONTWAIT | MSG_NOSIGNAL);
    while (sent < 0 && errno == EINTR);
    if (sent >= 0)
        return gp_int_from_i64(sent);
    if (would_block(errno))
        return gp_int_from_i64(0);
    gp_err_set_from_errno(errno, NULL);
    return NULL;
}

/* fd_connect(fd, family, address) -> 0 when connected, EINPROGRESS when
   the caller must wait for writability; any other errno is returned too,
   for the caller to raise with CPython's "Connect call failed" text. */
static gp_object_t *fd_connect(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("fd_connect", nargs, kwnames, 3, 3) < 0)
        return NULL;
    int fd = arg_fd(args[0]);
    if (fd < 0)
        return NULL;
    int family = (int)gp_int_as_i64(args[1]);
    if (gp_err_occurred())
        return NULL;
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    socklen_t len;
    gp_object_t *addr = args[2];
    if (!gp_tuple_check(addr) || GP_TUPLE_SIZE(addr) < 2 || !gp_str_check(GP_TUPLE_GET(addr, 0))) {
        gp_err_format(&gp_exc_TypeError, "expected an address tuple (host, port), got %R", addr);
        return NULL;
    }
    int port = (int)gp_int_as_i64(GP_TUPLE_GET(addr, 1));
    if (gp_err_occurred())
        return NULL;
    const char *host = gp_str_utf8(GP_TUPLE_GET(addr, 0));
    int rc;
    if (family == AF_INET6) {
        rc = uv_ip6_addr(host, port, (struct sockaddr_in6 *)&ss);
        len = sizeof(struct sockaddr_in6);
    } else {
        rc = uv_ip4_addr(host, port, (struct sockaddr_in *)&ss);
        len = sizeof(struct sockaddr_in);
    }
    if (rc != 0) {
        gp_err_format(&gp_exc_OSError, "illegal IP address string: %R", GP_TUPLE_GET(addr, 0));
        return NULL;
    }
    int err = 0;
    while (connect(fd, (struct sockaddr *)&ss, len) != 0) {
        if (errno == EINTR)
            continue;
        err = errno;
        break;
    }
    if (err == EAGAIN)
        err = EINPROGRESS;
    return gp_int_from_i64(err);
}

/* fd_socket_error(fd) -> getsockopt(SO_ERROR). */
static gp_object_t *fd_socket_error(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("fd_socket_error", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int fd = arg_fd(args[0]);
    if (fd < 0)
        return NULL;
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
        err = errno;
    return gp_int_from_i64(err);
}

/* fd_accept(fd) -> (new_fd, address), or None when it would block. The new
   fd is close-on-exec and blocking, as socket.accept() leaves it. */
static gp_object_t *fd_accept(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (gp_args_check("fd_accept", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int fd = arg_fd(args[0]);
    if (fd < 0)
        return NULL;
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    int conn;
    int flags = fcntl(fd, F_GETFL);
    bool was_blocking = flags >= 0 && !(flags & O_NONBLOCK);
    if (was_blocking)
        fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    do
        conn = accept4(fd, (struct sockaddr *)&ss, &len, SOCK_CLOEXEC);
    while (conn < 0 && errno == EINTR);
    int err = errno;
    if (was_blocking)
        fcntl(fd, F_SETFL, flags);
    if (conn < 0) {
        if (would_block(err))
            return gp_none_new();
        gp_err_set_from_errno(err, NULL);
        return NULL;
    }
    gp_object_t *addr = gpuv_tuple_from_sockaddr((struct sockaddr *)&ss);
    if (!addr) {
        close(conn);
        return NULL;
    }
    gp_object_t *r = gp_tuple_pack(2, gp_int_from_i64(conn), addr);
    GP_DECREF(addr);
    return r;
}

/* parse_ip(host) -> AF_INET / AF_INET6 for numeric host text, else 0. */
static gp_object_t *parse_ip(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (gp_args_check("parse_ip", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0]))
        return gp_int_from_i64(0);
    const char *host = gp_str_utf8(args[0]);
    unsigned char buf[sizeof(struct in6_addr)];
    if (uv_inet_pton(AF_INET, host, buf) == 0)
        return gp_int_from_i64(AF_INET);
    if (uv_inet_pton(AF_INET6, host, buf) == 0)
        return gp_int_from_i64(AF_INET6);
    return gp_int_from_i64(0);
}

/* fd_count() -> the number of open fds of this process (for tests). */
static gp_object_t *fd_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (gp_args_check("fd_count", nargs, kwnames, 0, 0) < 0)
        return NULL;
    int64_t n = 0;
    for (int fd = 0; fd < 4096; fd++)
        if (fcntl(fd, F_GETFD) != -1)
            n++;
    return gp_int_from_i64(n);
}

const gp_method_def_t gpuv_fd_functions[] = {
    {"fd_recv", fd_recv, 0, "recv(fd, n) without blocking; None if it would block."},
    {"fd_recv_into", fd_recv_into, 0, "recv into a bytearray; None if it would block."},
    {"fd_send", fd_send, 0, "send without blocking; 0 if it would block."},
    {"fd_connect", fd_connect, 0, "Start a connect; returns 0, EINPROGRESS or an errno."},
    {"fd_socket_error", fd_socket_error, 0, "getsockopt(SO_ERROR)."},
    {"fd_accept", fd_accept, 0, "accept without blocking: (fd, address) or None."},
    {"parse_ip", parse_ip, 0, "AF_INET/AF_INET6 for a numeric address, else 0."},
    {"fd_count", fd_count, 0, "How many file descriptors the process has open."},
    {NULL, NULL, 0, NULL},
};

int gpuv_poll_types_ready(gp_object_t *module)
{
    if (gp_type_ready(&gpuv_watcher_type) < 0)
        return -1;
    return gp_module_add_object(module, "FdWatcher", (gp_object_t *)&gpuv_watcher_type);
}
