/*
 * uvloop_tcp.c - TCP transports and listening servers of the `_gpuv`
 * module, on uv_tcp_t handles; the C half of asyncio's create_server and
 * create_connection (the Python half is lib/asyncio/transports.py).
 *
 * The thread/loop rule, as in uvloop.c: the libuv callbacks here run on the
 * loop's thread while poll() has released the GIL. They touch no Python
 * object: a read callback appends bytes to the transport's pending buffer
 * and queues the transport's completion once; a write callback subtracts
 * from the write-buffer size; a close callback marks the handle closed.
 * poll() then runs the completion under the GIL, which calls the protocol.
 *
 * Design notes
 * ------------
 * The echo hot path is: read callback (no GIL) -> completion -> one Python
 * call protocol.data_received(bytes) -> the protocol answers with
 * transport.write(), which tries uv_try_write() at once and only queues a
 * uv_write (with a private copy of the rest) when the socket's buffer is
 * full. Reading allocates straight into the transport's pending buffer, so
 * a message is copied once from the kernel and once into its bytes object.
 *
 * Lifetime. A transport embeds its uv_tcp_t. While the handle is open the
 * transport holds a reference to itself (self_ref), so Python dropping it
 * never frees memory libuv still points at; the completion that follows
 * the close callback drops that reference. Writes in flight are separate
 * allocations freed by their own callbacks (libuv cancels them before the
 * close callback). connection_lost is scheduled with call_soon, as CPython
 * does, once the close callback has fired.
 *
 * Flow control follows CPython: the write-buffer size is the bytes queued
 * in uv_write requests; above the high-water mark protocol.pause_writing()
 * is called from write(), and resume_writing() from the completion once the
 * write callbacks brought the size down to the low-water mark.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "mod/asyncio_c.h"
#include "mod/uvloop_internal.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

#define GPUV_READ_CHUNK 65536u
#define GPUV_HIGH_WATER_DEFAULT (64u * 1024u)

typedef struct gpuv_tcp {
    gp_object_t base;
    gpuv_owned_t owned; /* linked into the Loop while the handle is open */
    uv_tcp_t handle;
    gp_uv_completion_t completion;
    gpuv_loop_t *core;        /* strong */
    gp_object_t *loop;        /* the asyncio loop, strong, or NULL before _start */
    gp_object_t *protocol;    /* strong or NULL */
    gp_object_t *on_data;     /* protocol.data_received, cached */
    gp_object_t *server;      /* the Python Server to _detach from, or NULL */
    gp_object_t *extra;       /* dict of get_extra_info values, or NULL */
    gp_object_t *connect_fut; /* future of a connect in flight, or NULL */
    gp_object_t *lost_exc;    /* exception for connection_lost, or NULL */
    gp_object_t *self_ref;    /* self while the handle is open */

    /* Written by libuv callbacks, read under the GIL (same thread). */
    char *rbuf;
    size_t rlen, rcap;
    int read_error; /* a uv error code, 0 = none */
    int write_error;
    int connect_status;
    size_t write_size; /* bytes in uv_write requests not yet written */
    size_t high, low;
    bool queued, eof, connect_done, closed_cb, resume_pending;

    /* Python-side state. */
    bool handle_open;     /* uv_tcp_init ran and the close callback has not */
    bool closing;         /* close()/abort() or a fatal error: is_closing() */
    bool close_started;   /* uv_close called */
    bool reading;         /* uv_read_start active */
    bool paused;          /* pause_reading() */
    bool proto_paused;    /* pause_writing() was called */
    bool eof_written;     /* write_eof() */
    bool shutdown_started;
    bool lost_scheduled;  /* _call_connection_lost is on the ready list */
    int conn_lost;        /* writes dropped after the connection was lost */
} gpuv_tcp_t;

typedef struct gpuv_write_req {
    uv_write_t req;
    gpuv_tcp_t *owner;
    size_t len;
    char data[];
} gpuv_write_req_t;

typedef struct gpuv_server {
    gp_object_t base;
    gpuv_owned_t owned;
    uv_tcp_t handle;
    gp_uv_completion_t completion;
    gpuv_loop_t *core;         /* strong */
    gp_object_t *on_connection; /* callable(transport), strong */
    gp_object_t *self_ref;
    int pending;               /* connections waiting for uv_accept */
    int accept_error;
    bool queued, handle_open, close_started, closed_cb;
} gpuv_server_t;

static gp_type_t gpuv_tcp_type, gpuv_server_type;

#define CONTAINER_OF(ptr, type, field) ((type *)((char *)(ptr) - offsetof(type, field)))

/* ------------------------------------------------------------------ */
/* Addresses                                                            */
/* ------------------------------------------------------------------ */

/* Fills [out] from a (host, port[, flowinfo, scope_id]) tuple of numeric
   host text. Returns 0, or -1 with an exception set. */
static int sockaddr_from_tuple(int family, gp_object_t *addr, struct sockaddr_storage *out)
{
    if (!gp_tuple_check(addr) || GP_TUPLE_SIZE(addr) < 2 || !gp_str_check(GP_TUPLE_GET(addr, 0))) {
        gp_err_format(&gp_exc_TypeError, "expected an address tuple (host, port), got %R", addr);
        return -1;
    }
    const char *host = gp_str_utf8(GP_TUPLE_GET(addr, 0));
    int64_t port = gp_int_as_i64(GP_TUPLE_GET(addr, 1));
    if (port == -1 && gp_err_occurred())
        return -1;
    if (port < 0 || port > 65535) {
        gp_err_set_string(&gp_exc_OverflowError, "port must be 0-65535.");
        return -1;
    }
    memset(out, 0, sizeof *out);
    int rc;
    if (family == AF_INET6) {
        rc = uv_ip6_addr(host, (int)port, (struct sockaddr_in6 *)out);
        if (rc == 0 && GP_TUPLE_SIZE(addr) >= 4) {
            struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)out;
            in6->sin6_flowinfo = htonl((uint32_t)gp_int_as_i64(GP_TUPLE_GET(addr, 2)));
            in6->sin6_scope_id = (uint32_t)gp_int_as_i64(GP_TUPLE_GET(addr, 3));
            if (gp_err_occurred())
                return -1;
        }
    } else {
        rc = uv_ip4_addr(host, (int)port, (struct sockaddr_in *)out);
    }
    if (rc != 0) {
        gp_err_format(&gp_exc_OSError, "illegal IP address string: %R", GP_TUPLE_GET(addr, 0));
        return -1;
    }
    return 0;
}

/* (host, port) for IPv4, (host, port, flowinfo, scope_id) for IPv6, as
   CPython's socket module returns them. */
gp_object_t *gpuv_tuple_from_sockaddr(const struct sockaddr *sa)
{
    char host[INET6_ADDRSTRLEN + 1] = "";
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        uv_ip6_name(in6, host, sizeof host);
        gp_object_t *h = gp_str_from_cstr(host);
        if (!h)
            return NULL;
        gp_object_t *port = gp_int_from_i64(ntohs(in6->sin6_port));
        gp_object_t *flow = gp_int_from_i64(ntohl(in6->sin6_flowinfo));
        gp_object_t *scope = gp_int_from_i64(in6->sin6_scope_id);
        gp_object_t *t = gp_tuple_pack(4, h, port, flow, scope);
        GP_DECREF(h);
        return t;
    }
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in4 = (const struct sockaddr_in *)sa;
        uv_ip4_name(in4, host, sizeof host);
        gp_object_t *h = gp_str_from_cstr(host);
        if (!h)
            return NULL;
        gp_object_t *t = gp_tuple_pack(2, h, gp_int_from_i64(ntohs(in4->sin_port)));
        GP_DECREF(h);
        return t;
    }
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* Transport: libuv callbacks (no GIL)                                  */
/* ------------------------------------------------------------------ */

static void tcp_queue(gpuv_tcp_t *t)
{
    if (!t->queued) {
        t->queued = true;
        gp_uvloop_complete(t->handle.loop, &t->completion);
    }
}

static void tcp_close_cb(uv_handle_t *handle)
{
    gpuv_tcp_t *t = handle->data;
    t->closed_cb = true;
    tcp_queue(t);
}

/* Starts closing the handle once (any thread state; loop thread). */
static void tcp_start_close(gpuv_tcp_t *t)
{
    if (t->close_started || !t->handle_open)
        return;
    t->close_started = true;
    t->reading = false;
    uv_close((uv_handle_t *)&t->handle, tcp_close_cb);
}

static void tcp_alloc_cb(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
    gpuv_tcp_t *t = handle->data;
    if (t->rcap - t->rlen < GPUV_READ_CHUNK) {
        size_t cap = t->rlen + GPUV_READ_CHUNK;
        char *grown = realloc(t->rbuf, cap);
        if (!grown) {
            *buf = uv_buf_init(NULL, 0); /* libuv reports UV_ENOBUFS */
            return;
        }
        t->rbuf = grown;
        t->rcap = cap;
    }
    *buf = uv_buf_init(t->rbuf + t->rlen, (unsigned)(t->rcap - t->rlen));
}

static void tcp_read_cb(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
    gpuv_tcp_t *t = stream->data;
    if (nread > 0) {
        t->rlen += (size_t)nread;
    } else if (nread == UV_EOF) {
        t->eof = true;
        uv_read_stop(stream);
        t->reading = false;
    } else if (nread < 0) {
        t->read_error = (int)nread;
        uv_read_stop(stream);
        t->reading = false;
    } else {
        return;
    }
    tcp_queue(t);
}

static void tcp_shutdown_cb(uv_shutdown_t *req, int status)
{
    free(req);
}

static void tcp_start_shutdown(gpuv_tcp_t *t)
{
    if (t->shutdown_started || t->close_started)
        return;
    t->shutdown_started = true;
    uv_shutdown_t *req = malloc(sizeof *req);
    if (!req || uv_shutdown(req, (uv_stream_t *)&t->handle, tcp_shutdown_cb) != 0)
        free(req);
}

static void tcp_write_cb(uv_write_t *req, int status)
{
    gpuv_write_req_t *w = (gpuv_write_req_t *)req;
    gpuv_tcp_t *t = w->owner;
    t->write_size -= w->len;
    free(w);
    if (status < 0 && status != UV_ECANCELED && !t->write_error) {
        t->write_error = status;
        tcp_queue(t);
    }
    if (t->proto_paused && t->write_size <= t->low) {
        t->resume_pending = true;
        tcp_queue(t);
    }
    if (t->write_size == 0) {
        if (t->closing)
            tcp_start_close(t);
        else if (t->eof_written)
            tcp_start_shutdown(t);
    }
}

static void tcp_connect_cb(uv_connect_t *req, int status)
{
    gpuv_tcp_t *t = req->data;
    free(req);
    t->connect_status = status;
    t->connect_done = true;
    tcp_queue(t);
}

/* ------------------------------------------------------------------ */
/* Transport: under the GIL                                             */
/* ------------------------------------------------------------------ */

/* Calls loop.call_soon(fn, arg). Returns 0 or -1 with an exception set. */
static int tcp_call_soon(gpuv_tcp_t *t, gp_object_t *fn, gp_object_t *arg)
{
    if (!t->loop)
        return 0;
    gp_object_t *args[2] = {fn, arg};
    gp_object_t *r = gp_object_call_method(t->loop, "call_soon", args, arg ? 2 : 1);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* Schedules _call_connection_lost(lost_exc) once, as CPython's close()
   does with call_soon: the protocol hears of the close in the next round
   of the loop, while libuv finishes closing the handle on its own. */
static void tcp_schedule_lost(gpuv_tcp_t *t)
{
    if (t->lost_scheduled || !t->protocol || !t->loop || t->core->closing)
        return;
    t->lost_scheduled = true;
    gp_object_t *lost = gp_object_getattr_cstr(&t->base, "_call_connection_lost");
    if (!lost || tcp_call_soon(t, lost, t->lost_exc ? t->lost_exc : gp_None) < 0)
        gpuv_loop_defer_exception(t->core, "asyncio transport");
    GP_XDECREF(lost);
    GP_CLEAR(t->lost_exc);
}

/* loop.call_exception_handler({'message': m, 'exception': exc, 'transport':
   t, 'protocol': p}); errors in it are reported as unraisable. */
static void tcp_report(gpuv_tcp_t *t, const char *message, gp_object_t *exc)
{
    if (!t->loop)
        return;
    gp_object_t *context = gp_dict_new();
    gp_object_t *msg = gp_str_from_cstr(message);
    if (context && msg && gp_dict_setitem_cstr(context, "message", msg) == 0 &&
        (!exc || gp_dict_setitem_cstr(context, "exception", exc) == 0) &&
        gp_dict_setitem_cstr(context, "transport", &t->base) == 0 &&
        (!t->protocol || gp_dict_setitem_cstr(context, "protocol", t->protocol) == 0)) {
        gp_object_t *r = gp_object_call_method(t->loop, "call_exception_handler", &context, 1);
        GP_XDECREF(r);
    }
    GP_XDECREF(msg);
    GP_XDECREF(context);
    if (gp_err_occurred())
        gpuv_loop_defer_exception(t->core, "asyncio transport");
}

/* Closes at once, dropping buffered writes; connection_lost(exc) follows. */
static void tcp_force_close(gpuv_tcp_t *t, gp_object_t *exc)
{
    if (exc && !t->lost_exc)
        t->lost_exc = GP_INCREF(exc);
    t->closing = true;
    t->conn_lost++;
    tcp_start_close(t);
    tcp_schedule_lost(t);
}

/* CPython's _fatal_error: OSErrors only close; anything else is also
   reported to the loop's exception handler. Takes the current exception. */
static void tcp_fatal_error(gpuv_tcp_t *t, const char *message)
{
    gp_object_t *exc = gp_err_fetch();
    if (!exc)
        return;
    if (gp_object_isinstance_type(exc, &gp_exc_KeyboardInterrupt) ||
        gp_object_isinstance_type(exc, &gp_exc_SystemExit)) {
        gp_err_restore(exc);
        gpuv_loop_defer_exception(t->core, "asyncio transport");
        tcp_force_close(t, NULL);
        return;
    }
    if (!gp_object_isinstance_type(exc, &gp_exc_OSError))
        tcp_report(t, message, exc);
    tcp_force_close(t, exc);
    GP_DECREF(exc);
}

static void tcp_fatal_uv_error(gpuv_tcp_t *t, int uv_error, const char *message)
{
    gpuv_set_uv_error(uv_error, NULL);
    tcp_fatal_error(t, message);
}

/* Calls protocol.<name>(); returns the result or NULL (error handled). */
static gp_object_t *tcp_call_protocol(gpuv_tcp_t *t, const char *name, const char *fatal)
{
    gp_object_t *r = gp_object_call_method(t->protocol, name, NULL, 0);
    if (!r)
        tcp_fatal_error(t, fatal);
    return r;
}

static void tcp_maybe_pause_protocol(gpuv_tcp_t *t)
{
    if (t->write_size <= t->high || t->proto_paused || !t->protocol)
        return;
    t->proto_paused = true;
    gp_object_t *r = gp_object_call_method(t->protocol, "pause_writing", NULL, 0);
    if (r) {
        GP_DECREF(r);
        return;
    }
    gp_object_t *exc = gp_err_fetch();
    gp_err_restore(GP_INCREF(exc));
    if (gp_err_matches(&gp_exc_KeyboardInterrupt) || gp_err_matches(&gp_exc_SystemExit)) {
        GP_DECREF(exc);
        return; /* propagates out of write() */
    }
    gp_err_clear();
    tcp_report(t, "protocol.pause_writing() failed", exc);
    GP_DECREF(exc);
}

/* Delivers everything the libuv callbacks recorded. */
static void tcp_complete_run(gp_uv_completion_t *c)
{
    gpuv_tcp_t *t = CONTAINER_OF(c, gpuv_tcp_t, completion);
    t->queued = false;
    GP_INCREF(&t->base); /* protocol calls may drop every other reference */
    if (t->connect_done) {
        t->connect_done = false;
        gp_object_t *fut = t->connect_fut;
        t->connect_fut = NULL;
        if (fut && !t->core->closing) {
            gp_object_t *status = gp_int_from_i64(t->connect_status);
            gp_object_t *r = gp_object_call_method(fut, "set_result", &status, 1);
            if (!r)
                gp_err_clear(); /* cancelled meanwhile: Python closes us */
            GP_XDECREF(r);
        }
        GP_XDECREF(fut);
    }
    if (t->rlen > 0) {
        size_t len = t->rlen;
        t->rlen = 0;
        if (t->on_data && !t->closing && !t->core->closing) {
            gp_object_t *data = gp_bytes_new(t->rbuf, len);
            gp_object_t *r = data ? gp_object_call1(t->on_data, data) : NULL;
            GP_XDECREF(data);
            if (r)
                GP_DECREF(r);
            else
                tcp_fatal_error(t, "Fatal error: protocol.data_received() call failed.");
        }
        if (t->rcap > 4 * GPUV_READ_CHUNK && t->rlen == 0) {
            free(t->rbuf);
            t->rbuf = NULL;
            t->rcap = 0;
        }
    }
    if (t->eof) {
        t->eof = false;
        if (t->protocol && !t->closing && !t->core->closing) {
            gp_object_t *keep =
                tcp_call_protocol(t, "eof_received", "Fatal error: protocol.eof_received() call failed.");
            if (keep) {
                int open = gp_object_is_true(keep);
                GP_DECREF(keep);
                if (open < 0)
                    gp_err_clear();
                if (open <= 0 && !t->closing) {
                    t->closing = true;
                    if (t->write_size == 0) {
                        tcp_start_close(t);
                        tcp_schedule_lost(t);
                    }
                }
            }
        }
    }
    if (t->read_error) {
        int err = t->read_error;
        t->read_error = 0;
        if (!t->closing)
            tcp_fatal_uv_error(t, err, "Fatal read error on socket transport");
    }
    if (t->write_error) {
        int err = t->write_error;
        t->write_error = 0;
        if (!t->close_started)
            tcp_fatal_uv_error(t, err, "Fatal write error on socket transport");
    }
    if (t->resume_pending) {
        t->resume_pending = false;
        if (t->proto_paused && t->write_size <= t->low && t->protocol && !t->core->closing) {
            t->proto_paused = false;
            gp_object_t *r = gp_object_call_method(t->protocol, "resume_writing", NULL, 0);
            if (r) {
                GP_DECREF(r);
            } else {
                gp_object_t *exc = gp_err_fetch();
                tcp_report(t, "protocol.resume_writing() failed", exc);
                GP_XDECREF(exc);
            }
        }
    }
    if (t->closed_cb) {
        t->closed_cb = false;
        t->handle_open = false;
        gpuv_owned_unlink(&t->owned);
        if (t->protocol && t->loop && !t->core->closing) {
            tcp_schedule_lost(t);
        } else if (!t->lost_scheduled) {
            GP_CLEAR(t->protocol);
            GP_CLEAR(t->on_data);
        }
        GP_CLEAR(t->lost_exc);
        GP_CLEAR(t->self_ref);
    }
    GP_DECREF(&t->base);
}

static void tcp_close_for_loop(gpuv_owned_t *owned)
{
    gpuv_tcp_t *t = CONTAINER_OF(owned, gpuv_tcp_t, owned);
    t->closing = true;
    tcp_start_close(t);
}

/* A new transport with an initialised, not yet connected handle. */
static gpuv_tcp_t *tcp_new(gpuv_loop_t *core)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)gp_object_alloc(&gpuv_tcp_type, 0);
    if (!t)
        return NULL;
    int rc = uv_tcp_init(core->uv, &t->handle);
    if (rc != 0) {
        GP_DECREF(&t->base);
        gpuv_set_uv_error(rc, NULL);
        return NULL;
    }
    t->handle.data = t;
    t->completion.run = tcp_complete_run;
    t->core = (gpuv_loop_t *)GP_INCREF(&core->base);
    t->high = GPUV_HIGH_WATER_DEFAULT;
    t->low = GPUV_HIGH_WATER_DEFAULT / 4;
    t->handle_open = true;
    t->owned.close_for_loop = tcp_close_for_loop;
    gpuv_owned_link(core, &t->owned);
    t->self_ref = GP_INCREF(&t->base);
    gp_gc_track(&t->base);
    return t;
}

static int tcp_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    gp_object_t *fields[] = {&t->core->base, t->loop, t->protocol, t->on_data, t->server,
                             t->extra, t->connect_fut, t->lost_exc};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static int tcp_clear(gp_object_t *self)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    GP_CLEAR(t->loop);
    GP_CLEAR(t->protocol);
    GP_CLEAR(t->on_data);
    GP_CLEAR(t->server);
    GP_CLEAR(t->extra);
    GP_CLEAR(t->connect_fut);
    GP_CLEAR(t->lost_exc);
    return 0;
}

static void tcp_dealloc(gp_object_t *self)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    /* Only reached once the close callback has fired (self_ref). */
    gp_gc_untrack(self);
    tcp_clear(self);
    GP_CLEAR(t->core);
    free(t->rbuf);
    gp_object_free(self);
}

/* ---- Python methods ---------------------------------------------------- */

static int tcp_check_loop_thread(gpuv_tcp_t *t)
{
    if (t->core->closed && t->handle_open) {
        gp_err_set_string(&gp_exc_RuntimeError, "Event loop is closed");
        return -1;
    }
    return 0;
}

static gp_object_t *tcp_write_bytes(gpuv_tcp_t *t, const char *data, size_t len)
{
    if (t->eof_written) {
        gp_err_set_string(&gp_exc_RuntimeError, "Cannot call write() after write_eof()");
        return NULL;
    }
    if (len == 0)
        return gp_none_new();
    if (t->conn_lost || t->close_started || !t->handle_open) {
        t->conn_lost++;
        return gp_none_new();
    }
    size_t done = 0;
    if (t->write_size == 0) {
        uv_buf_t buf = uv_buf_init((char *)data, (unsigned)len);
        int n = uv_try_write((uv_stream_t *)&t->handle, &buf, 1);
        if (n >= 0) {
            done = (size_t)n;
        } else if (n != UV_EAGAIN) {
            tcp_fatal_uv_error(t, n, "Fatal write error on socket transport");
            return gp_err_occurred() ? NULL : gp_none_new();
        }
        if (done == len)
            return gp_none_new();
    }
    size_t rest = len - done;
    gpuv_write_req_t *w = malloc(sizeof *w + rest);
    if (!w) {
        gp_err_no_memory();
        return NULL;
    }
    memcpy(w->data, data + done, rest);
    w->owner = t;
    w->len = rest;
    uv_buf_t buf = uv_buf_init(w->data, (unsigned)rest);
    int rc = uv_write(&w->req, (uv_stream_t *)&t->handle, &buf, 1, tcp_write_cb);
    if (rc != 0) {
        free(w);
        tcp_fatal_uv_error(t, rc, "Fatal write error on socket transport");
        return gp_err_occurred() ? NULL : gp_none_new();
    }
    t->write_size += rest;
    tcp_maybe_pause_protocol(t);
    return gp_err_occurred() ? NULL : gp_none_new();
}

/* Accepts any contiguous buffer (bytes, bytearray, memoryview); the write
   copies the data at once, so no export needs to outlive the call. */
static int tcp_check_bytes(gp_object_t *data)
{
    gp_buffer_t view;
    if (gp_buffer_get(data, &view, GP_BUFFER_SIMPLE) == 0) {
        gp_buffer_release(&view);
        return 0;
    }
    if (!gp_err_matches(&gp_exc_TypeError))
        return -1;
    gp_err_clear();
    gp_err_format(&gp_exc_TypeError, "data argument must be a bytes-like object, not '%s'",
                  gp_type_name(GP_TYPE(data)));
    return -1;
}

static gp_object_t *tcp_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("write", nargs, kwnames, 1, 1) < 0 || tcp_check_bytes(args[0]) < 0 ||
        tcp_check_loop_thread(t) < 0)
        return NULL;
    return tcp_write_bytes(t, gp_bytes_data(args[0]), gp_bytes_len(args[0]));
}

static gp_object_t *tcp_writelines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("writelines", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *iter = gp_object_iter(args[0]);
    if (!iter)
        return NULL;
    gp_object_t *item;
    while ((item = gp_iter_next(iter)) != NULL) {
        gp_object_t *r = tcp_check_bytes(item) < 0
                             ? NULL
                             : tcp_write_bytes(t, gp_bytes_data(item), gp_bytes_len(item));
        GP_DECREF(item);
        if (!r) {
            GP_DECREF(iter);
            return NULL;
        }
        GP_DECREF(r);
    }
    GP_DECREF(iter);
    return gp_err_occurred() ? NULL : gp_none_new();
}

static gp_object_t *tcp_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (t->closing)
        return gp_none_new();
    t->closing = true;
    if (t->reading) {
        uv_read_stop((uv_stream_t *)&t->handle);
        t->reading = false;
    }
    if (t->write_size == 0) {
        t->conn_lost++;
        tcp_start_close(t);
        tcp_schedule_lost(t);
    }
    return gp_none_new();
}

static gp_object_t *tcp_abort(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (gp_args_check("abort", nargs, kwnames, 0, 0) < 0)
        return NULL;
    tcp_force_close((gpuv_tcp_t *)self, NULL);
    return gp_none_new();
}

static gp_object_t *tcp_is_closing(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("is_closing", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(((gpuv_tcp_t *)self)->closing);
}

static gp_object_t *tcp_write_eof(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("write_eof", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (t->closing || t->eof_written)
        return gp_none_new();
    t->eof_written = true;
    if (t->write_size == 0 && t->handle_open)
        tcp_start_shutdown(t);
    return gp_none_new();
}

static gp_object_t *tcp_can_write_eof(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("can_write_eof", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(true);
}

static int tcp_read_start(gpuv_tcp_t *t)
{
    if (t->reading || t->closing || t->paused || !t->handle_open)
        return 0;
    int rc = uv_read_start((uv_stream_t *)&t->handle, tcp_alloc_cb, tcp_read_cb);
    if (rc != 0) {
        tcp_fatal_uv_error(t, rc, "Fatal read error on socket transport");
        return gp_err_occurred() ? -1 : 0;
    }
    t->reading = true;
    return 0;
}

static gp_object_t *tcp_pause_reading(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("pause_reading", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (t->closing || t->paused)
        return gp_none_new();
    t->paused = true;
    if (t->reading) {
        uv_read_stop((uv_stream_t *)&t->handle);
        t->reading = false;
    }
    return gp_none_new();
}

static gp_object_t *tcp_resume_reading(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("resume_reading", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (t->closing || !t->paused)
        return gp_none_new();
    t->paused = false;
    if (!t->protocol) /* not started yet: _start_reading will begin */
        return gp_none_new();
    return tcp_read_start(t) < 0 ? NULL : gp_none_new();
}

static gp_object_t *tcp_is_reading(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("is_reading", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(!t->paused && !t->closing);
}

/* _start_reading(): called soon after connection_made, as CPython does. */
static gp_object_t *tcp_start_reading(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("_start_reading", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return tcp_read_start((gpuv_tcp_t *)self) < 0 ? NULL : gp_none_new();
}

static gp_object_t *tcp_get_write_buffer_size(gp_object_t *self, gp_object_t *const *args,
                                              size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("get_write_buffer_size", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_u64(((gpuv_tcp_t *)self)->write_size);
}

static gp_object_t *tcp_get_write_buffer_limits(gp_object_t *self, gp_object_t *const *args,
                                                size_t nargs, gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("get_write_buffer_limits", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_tuple_pack(2, gp_int_from_u64(t->low), gp_int_from_u64(t->high));
}

/* set_write_buffer_limits(high=None, low=None), with CPython's defaults
   and its "high (x) must be >= low (y) must be >= 0" check. */
static gp_object_t *tcp_set_write_buffer_limits(gp_object_t *self, gp_object_t *const *args,
                                                size_t nargs, gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    static const char *const names[] = {"high", "low", NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse("set_write_buffer_limits", args, nargs, kwnames, names, 0, vals) < 0)
        return NULL;
    int64_t high = 0, low = 0;
    bool has_high = vals[0] && vals[0] != gp_None, has_low = vals[1] && vals[1] != gp_None;
    if (has_high && (high = gp_int_as_i64(vals[0])) == -1 && gp_err_occurred())
        return NULL;
    if (has_low && (low = gp_int_as_i64(vals[1])) == -1 && gp_err_occurred())
        return NULL;
    if (!has_high)
        high = has_low ? 4 * low : (int64_t)GPUV_HIGH_WATER_DEFAULT;
    if (!has_low)
        low = high / 4;
    if (!(high >= low && low >= 0)) {
        gp_err_format(&gp_exc_ValueError, "high (%lld) must be >= low (%lld) must be >= 0",
                      (long long)high, (long long)low);
        return NULL;
    }
    t->high = (size_t)high;
    t->low = (size_t)low;
    tcp_maybe_pause_protocol(t);
    return gp_err_occurred() ? NULL : gp_none_new();
}

static gp_object_t *tcp_get_extra_info(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    static const char *const names[] = {"name", "default", NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse("get_extra_info", args, nargs, kwnames, names, 1, vals) < 0)
        return NULL;
    gp_object_t *v = t->extra ? gp_dict_getitem(t->extra, vals[0]) : NULL;
    if (!v && gp_err_occurred())
        return NULL;
    if (!v)
        v = vals[1] ? vals[1] : gp_None;
    return GP_INCREF(v);
}

/* _address(peer): getpeername()/getsockname() of the handle as a tuple. */
static gp_object_t *tcp_address(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("_address", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!t->handle_open)
        return gp_none_new();
    struct sockaddr_storage ss;
    int len = sizeof ss;
    int rc = args[0] == gp_True
                 ? uv_tcp_getpeername(&t->handle, (struct sockaddr *)&ss, &len)
                 : uv_tcp_getsockname(&t->handle, (struct sockaddr *)&ss, &len);
    if (rc != 0)
        return gp_none_new();
    return gpuv_tuple_from_sockaddr((struct sockaddr *)&ss);
}

static gp_object_t *tcp_fileno(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("_fileno", nargs, kwnames, 0, 0) < 0)
        return NULL;
    uv_os_fd_t fd = -1;
    if (!t->handle_open || uv_fileno((uv_handle_t *)&t->handle, &fd) != 0)
        return gp_int_from_i64(-1);
    return gp_int_from_i64(fd);
}

/* _start(loop, protocol, server, extra): attaches the protocol after the
   connection is made; the caller schedules connection_made and
   _start_reading with call_soon. */
static gp_object_t *tcp_start(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("_start", nargs, kwnames, 4, 4) < 0)
        return NULL;
    gp_object_t *on_data = gp_object_getattr_cstr(args[1], "data_received");
    if (!on_data)
        return NULL;
    GP_SETREF(t->loop, GP_INCREF(args[0]));
    GP_SETREF(t->protocol, GP_INCREF(args[1]));
    GP_SETREF(t->on_data, on_data);
    GP_SETREF(t->server, args[2] == gp_None ? NULL : GP_INCREF(args[2]));
    GP_SETREF(t->extra, args[3] == gp_None ? NULL : GP_INCREF(args[3]));
    return gp_none_new();
}

static gp_object_t *tcp_set_protocol(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("set_protocol", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *on_data = gp_object_getattr_cstr(args[0], "data_received");
    if (!on_data)
        return NULL;
    GP_SETREF(t->protocol, GP_INCREF(args[0]));
    GP_SETREF(t->on_data, on_data);
    return gp_none_new();
}

static gp_object_t *tcp_get_protocol(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("get_protocol", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return GP_INCREF(t->protocol ? t->protocol : gp_None);
}

/* _call_connection_lost(exc): scheduled after the close callback fired. */
static gp_object_t *tcp_call_connection_lost(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    if (gp_args_check("_call_connection_lost", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *protocol = t->protocol, *server = t->server;
    t->protocol = NULL;
    t->server = NULL;
    GP_CLEAR(t->on_data);
    gp_object_t *r = protocol ? gp_object_call_method(protocol, "connection_lost", args, 1)
                              : gp_none_new();
    GP_XDECREF(protocol);
    if (r && server) {
        GP_DECREF(r);
        r = gp_object_call_method(server, "_detach", NULL, 0);
    }
    GP_XDECREF(server);
    /* A socket given with sock= was adopted through a dup: close it now,
       when CPython's transport would close its socket. */
    gp_object_t *user_sock = t->extra ? gp_dict_getitem_cstr(t->extra, "_user_sock") : NULL;
    if (r && user_sock) {
        GP_DECREF(r);
        r = gp_object_call_method(user_sock, "close", NULL, 0);
    }
    GP_CLEAR(t->loop);
    return r;
}

static gp_object_t *tcp_repr(gp_object_t *self)
{
    gpuv_tcp_t *t = (gpuv_tcp_t *)self;
    uv_os_fd_t fd = -1;
    if (t->handle_open)
        uv_fileno((uv_handle_t *)&t->handle, &fd);
    const char *state = t->close_started ? " closed" : t->closing ? " closing" : "";
    return gp_str_from_format("<_SelectorSocketTransport%s fd=%d>", state, (int)fd);
}

static const gp_method_def_t tcp_methods[] = {
    {"write", tcp_write, 0, "Queue [data] for sending (bytes-like)."},
    {"writelines", tcp_writelines, 0, "Write each item of an iterable of bytes."},
    {"write_eof", tcp_write_eof, 0, "Shut the sending side down after buffered data."},
    {"can_write_eof", tcp_can_write_eof, 0, "True: TCP supports half-close."},
    {"close", tcp_close, 0, "Close after buffered data is sent."},
    {"abort", tcp_abort, 0, "Close at once, dropping buffered data."},
    {"is_closing", tcp_is_closing, 0, "True once close()/abort() was called."},
    {"pause_reading", tcp_pause_reading, 0, "Stop calling data_received()."},
    {"resume_reading", tcp_resume_reading, 0, "Resume calling data_received()."},
    {"is_reading", tcp_is_reading, 0, "True unless paused or closing."},
    {"get_write_buffer_size", tcp_get_write_buffer_size, 0, "Bytes not yet sent."},
    {"get_write_buffer_limits", tcp_get_write_buffer_limits, 0, "(low, high) water marks."},
    {"set_write_buffer_limits", tcp_set_write_buffer_limits, GP_METH_KEYWORDS,
     "Set the flow-control water marks."},
    {"get_extra_info", tcp_get_extra_info, GP_METH_KEYWORDS, "peername, sockname, socket..."},
    {"set_protocol", tcp_set_protocol, 0, "Replace the protocol."},
    {"get_protocol", tcp_get_protocol, 0, "The current protocol."},
    {"_start", tcp_start, 0, "Attach loop, protocol, server and extra info."},
    {"_start_reading", tcp_start_reading, 0, "Begin delivering data_received()."},
    {"_call_connection_lost", tcp_call_connection_lost, 0, "Tell the protocol and server."},
    {"_address", tcp_address, 0, "getpeername (True) or getsockname (False)."},
    {"_fileno", tcp_fileno, 0, "The socket's file descriptor, -1 once closed."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t gpuv_tcp_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_SelectorSocketTransport",
    .basicsize = sizeof(gpuv_tcp_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = tcp_dealloc,
    .repr = tcp_repr,
    .hash = gp_object_default_hash,
    .traverse = tcp_traverse,
    .clear = tcp_clear,
    .methods = tcp_methods,
    .doc = "A TCP transport on a libuv uv_tcp_t.",
};

/* ------------------------------------------------------------------ */
/* Connecting                                                           */
/* ------------------------------------------------------------------ */

/* Binds [handle] to a local address (host, port) of [family]. */
static int tcp_bind_tuple(uv_tcp_t *handle, int family, gp_object_t *addr, unsigned flags)
{
    struct sockaddr_storage ss;
    if (sockaddr_from_tuple(family, addr, &ss) < 0)
        return -1;
    int rc = uv_tcp_bind(handle, (struct sockaddr *)&ss, flags);
    if (rc != 0) {
        gpuv_set_uv_error(rc, NULL);
        return -1;
    }
    return 0;
}

/* Loop.tcp_connect(family, address, local_address, future) -> transport.
   The future's result becomes 0 or a negative uv error code. */
gp_object_t *gpuv_loop_tcp_connect(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gpuv_loop_t *core = (gpuv_loop_t *)self;
    if (gp_args_check("tcp_connect", nargs, kwnames, 4, 4) < 0)
        return NULL;
    if (core->closed) {
        gp_err_set_string(&gp_exc_RuntimeError, "Event loop is closed");
        return NULL;
    }
    int family = (int)gp_int_as_i64(args[0]);
    struct sockaddr_storage ss;
    if (gp_err_occurred() || sockaddr_from_tuple(family, args[1], &ss) < 0)
        return NULL;
    gpuv_tcp_t *t = tcp_new(core);
    if (!t)
        return NULL;
    uv_connect_t *req = NULL;
    if (args[2] != gp_None && tcp_bind_tuple(&t->handle, family, args[2], 0) < 0)
        goto fail;
    req = malloc(sizeof *req);
    if (!req) {
        gp_err_no_memory();
        goto fail;
    }
    req->data = t;
    int rc = uv_tcp_connect(req, &t->handle, (struct sockaddr *)&ss, tcp_connect_cb);
    if (rc != 0) {
        free(req);
        gpuv_set_uv_error(rc, NULL);
        goto fail;
    }
    uv_tcp_nodelay(&t->handle, 1);
    t->connect_fut = GP_INCREF(args[3]);
    return &t->base;
fail:
    t->closing = true;
    tcp_start_close(t);
    GP_DECREF(&t->base);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Listening servers                                                    */
/* ------------------------------------------------------------------ */

static void server_queue(gpuv_server_t *s)
{
    if (!s->queued) {
        s->queued = true;
        gp_uvloop_complete(s->handle.loop, &s->completion);
    }
}

static void server_connection_cb(uv_stream_t *stream, int status)
{
    gpuv_server_t *s = stream->data;
    if (status < 0)
        s->accept_error = status;
    else
        s->pending++;
    server_queue(s);
}

static void server_close_cb(uv_handle_t *handle)
{
    gpuv_server_t *s = handle->data;
    s->closed_cb = true;
    server_queue(s);
}

static void server_start_close(gpuv_server_t *s)
{
    if (s->close_started || !s->handle_open)
        return;
    s->close_started = true;
    uv_close((uv_handle_t *)&s->handle, server_close_cb);
}

/* Gives an accepted transport to Python (on_connection); one that could not
   be handed over is closed. */
static void server_hand_over(gpuv_server_t *s, gpuv_tcp_t *t)
{
    uv_tcp_nodelay(&t->handle, 1);
    gp_object_t *r = gp_object_call1(s->on_connection, &t->base);
    if (!r) {
        gpuv_loop_defer_exception(s->core, "asyncio server accept");
        t->closing = true;
        tcp_start_close(t);
        return;
    }
    GP_DECREF(r);
}

/* At most this many connections are taken straight from the kernel's accept
   queue per completion, so a flood cannot starve the rest of the loop. */
#define SERVER_DRAIN_MAX 256

static void server_complete_run(gp_uv_completion_t *c)
{
    gpuv_server_t *s = CONTAINER_OF(c, gpuv_server_t, completion);
    s->queued = false;
    GP_INCREF(&s->base);
    bool accepted_any = false;
    while (s->pending > 0 && !s->close_started && !s->core->closing) {
        s->pending--;
        gpuv_tcp_t *t = tcp_new(s->core);
        if (!t) {
            /* libuv holds the connection it reported until uv_accept()
               takes it, and watches the listening socket no more until
               then: without a handle to take it into, this server (and its
               client) would wait forever. The loop stops with MemoryError
               at its next round instead, as for any wake-up lost for want
               of memory. */
            gp_aio_note_lost_memory_pending();
            gpuv_loop_defer_exception(s->core, "asyncio server");
            continue;
        }
        int rc = uv_accept((uv_stream_t *)&s->handle, (uv_stream_t *)&t->handle);
        if (rc == 0 && s->on_connection) {
            accepted_any = true;
            server_hand_over(s, t);
        } else {
            t->closing = true;
            tcp_start_close(t);
        }
        GP_DECREF(&t->base);
    }
    /* libuv stops watching the listening socket after each connection it
       reports until that one is accepted, so it hands over one connection
       per loop iteration. A burst of clients connecting in the same
       iteration then overflows the kernel's accept queue and the dropped
       SYNs are retried a second later. Taking the rest of the queue here,
       as CPython's accept loop does, keeps up with any burst the backlog
       can hold. */
    int lfd = -1;
    if (accepted_any && !s->close_started && !s->core->closing && s->on_connection &&
        uv_fileno((uv_handle_t *)&s->handle, &lfd) == 0) {
        for (int i = 0; i < SERVER_DRAIN_MAX; i++) {
            int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR)
                    continue;
                break; /* EAGAIN, or an error libuv's own accept reports */
            }
            gpuv_tcp_t *t = tcp_new(s->core);
            if (!t) {
                close(fd);
                gpuv_loop_defer_exception(s->core, "asyncio server");
                break;
            }
            int rc = uv_tcp_open(&t->handle, fd);
            if (rc == 0) {
                server_hand_over(s, t);
            } else {
                close(fd);
                t->closing = true;
                tcp_start_close(t);
            }
            GP_DECREF(&t->base);
            if (s->close_started || s->core->closing || !s->on_connection)
                break;
        }
    }
    s->pending = 0;
    s->accept_error = 0;
    if (s->closed_cb) {
        s->closed_cb = false;
        s->handle_open = false;
        gpuv_owned_unlink(&s->owned);
        GP_CLEAR(s->on_connection);
        GP_CLEAR(s->self_ref);
    }
    GP_DECREF(&s->base);
}

static void server_close_for_loop(gpuv_owned_t *owned)
{
    server_start_close(CONTAINER_OF(owned, gpuv_server_t, owned));
}

static int server_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gpuv_server_t *s = (gpuv_server_t *)self;
    if (s->on_connection) {
        int r = visit(s->on_connection, arg);
        if (r)
            return r;
    }
    return s->core ? visit(&s->core->base, arg) : 0;
}

static int server_clear(gp_object_t *self)
{
    GP_CLEAR(((gpuv_server_t *)self)->on_connection);
    return 0;
}

static void server_dealloc(gp_object_t *self)
{
    gpuv_server_t *s = (gpuv_server_t *)self;
    gp_gc_untrack(self);
    server_clear(self);
    GP_CLEAR(s->core);
    gp_object_free(self);
}

static gp_object_t *server_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    server_start_close((gpuv_server_t *)self);
    return gp_none_new();
}

static gp_object_t *server_address(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gpuv_server_t *s = (gpuv_server_t *)self;
    if (gp_args_check("_address", nargs, kwnames, 0, 0) < 0)
        return NULL;
    struct sockaddr_storage ss;
    int len = sizeof ss;
    if (!s->handle_open || uv_tcp_getsockname(&s->handle, (struct sockaddr *)&ss, &len) != 0)
        return gp_none_new();
    return gpuv_tuple_from_sockaddr((struct sockaddr *)&ss);
}

static gp_object_t *server_fileno(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gpuv_server_t *s = (gpuv_server_t *)self;
    if (gp_args_check("_fileno", nargs, kwnames, 0, 0) < 0)
        return NULL;
    uv_os_fd_t fd = -1;
    if (!s->handle_open || uv_fileno((uv_handle_t *)&s->handle, &fd) != 0)
        return gp_int_from_i64(-1);
    return gp_int_from_i64(fd);
}

static const gp_method_def_t server_methods[] = {
    {"close", server_close, 0, "Stop listening and close the socket."},
    {"_address", server_address, 0, "getsockname() as a tuple."},
    {"_fileno", server_fileno, 0, "The listening socket's fd, -1 once closed."},
    {NULL, NULL, 0, NULL},
};

static gp_type_t gpuv_server_type = {
    GP_TYPE_HEAD_INIT,
    .name = "TCPListener",
    .basicsize = sizeof(gpuv_server_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = server_dealloc,
    .hash = gp_object_default_hash,
    .traverse = server_traverse,
    .clear = server_clear,
    .methods = server_methods,
    .doc = "A listening uv_tcp_t; calls on_connection(transport) for each client.",
};

/* Loop.tcp_listen(family, address, fd, backlog, reuse_port, on_connection):
   binds to [address] (or adopts a dup of [fd] when it is >= 0) and listens.
   Errors raise OSError(errno, strerror) for Python to reword. */
gp_object_t *gpuv_loop_tcp_listen(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gpuv_loop_t *core = (gpuv_loop_t *)self;
    if (gp_args_check("tcp_listen", nargs, kwnames, 6, 6) < 0)
        return NULL;
    if (core->closed) {
        gp_err_set_string(&gp_exc_RuntimeError, "Event loop is closed");
        return NULL;
    }
    int family = (int)gp_int_as_i64(args[0]);
    int64_t fd = gp_int_as_i64(args[2]);
    int64_t backlog = gp_int_as_i64(args[3]);
    int reuse_port = gp_object_is_true(args[4]);
    if (gp_err_occurred())
        return NULL;
    struct sockaddr_storage ss;
    if (fd < 0 && sockaddr_from_tuple(family, args[1], &ss) < 0)
        return NULL;
    gpuv_server_t *s = (gpuv_server_t *)gp_object_alloc(&gpuv_server_type, 0);
    if (!s)
        return NULL;
    int rc = uv_tcp_init_ex(core->uv, &s->handle, fd >= 0 ? AF_UNSPEC : (unsigned)family);
    if (rc != 0) {
        GP_DECREF(&s->base);
        gpuv_set_uv_error(rc, NULL);
        return NULL;
    }
    s->handle.data = s;
    s->completion.run = server_complete_run;
    s->core = (gpuv_loop_t *)GP_INCREF(&core->base);
    s->handle_open = true;
    s->owned.close_for_loop = server_close_for_loop;
    gpuv_owned_link(core, &s->owned);
    s->self_ref = GP_INCREF(&s->base);
    s->on_connection = GP_INCREF(args[5]);
    gp_gc_track(&s->base);
    if (fd >= 0) {
        int copy = dup((int)fd);
        rc = copy < 0 ? -errno : uv_tcp_open(&s->handle, copy);
        if (rc != 0 && copy >= 0)
            close(copy);
    } else {
        uv_os_fd_t sock = -1;
        uv_fileno((uv_handle_t *)&s->handle, &sock);
        if (reuse_port > 0) {
            int on = 1;
            setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on);
        }
        rc = uv_tcp_bind(&s->handle, (struct sockaddr *)&ss,
                         family == AF_INET6 ? UV_TCP_IPV6ONLY : 0);
    }
    if (rc == 0)
        rc = uv_listen((uv_stream_t *)&s->handle, (int)backlog, server_connection_cb);
    if (rc != 0) {
        server_start_close(s);
        GP_DECREF(&s->base);
        gpuv_set_uv_error(rc, NULL);
        return NULL;
    }
    return &s->base;
}

/* Loop.tcp_adopt(fd) -> transport: a connected socket given with sock=,
   adopted through a dup of its fd (the caller closes the original). */
gp_object_t *gpuv_loop_tcp_adopt(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    gpuv_loop_t *core = (gpuv_loop_t *)self;
    if (gp_args_check("tcp_adopt", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (core->closed) {
        gp_err_set_string(&gp_exc_RuntimeError, "Event loop is closed");
        return NULL;
    }
    int64_t fd = gp_int_as_i64(args[0]);
    if (fd == -1 && gp_err_occurred())
        return NULL;
    gpuv_tcp_t *t = tcp_new(core);
    if (!t)
        return NULL;
    int copy = dup((int)fd);
    int rc = copy < 0 ? -errno : uv_tcp_open(&t->handle, copy);
    if (rc != 0) {
        if (copy >= 0)
            close(copy);
        gpuv_set_uv_error(rc, NULL);
        t->closing = true;
        tcp_start_close(t);
        GP_DECREF(&t->base);
        return NULL;
    }
    uv_tcp_nodelay(&t->handle, 1);
    return &t->base;
}

int gpuv_tcp_types_ready(gp_object_t *module)
{
    if (gp_type_ready(&gpuv_tcp_type) < 0 || gp_type_ready(&gpuv_server_type) < 0)
        return -1;
    if (gp_module_add_object(module, "TCPTransport", (gp_object_t *)&gpuv_tcp_type) < 0 ||
        gp_module_add_object(module, "TCPListener", (gp_object_t *)&gpuv_server_type) < 0)
        return -1;
    return 0;
}
