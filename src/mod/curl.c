/*
 * curl.c - the `_gpcurl` module: HTTP transfers for urllib.request (threads)
 * and aiohttp (coroutines), on libcurl's multi interface driven by libuv.
 *
 * The thread/loop rule (gilpy keeps it everywhere):
 *
 *   A libuv loop is driven only by its own thread; a thread driver's multi
 *   only by the thread holding its lock (curl_thread.c). libuv and libcurl
 *   callbacks never touch a Python object; the Python side of a transfer
 *   reads what arrived under the GIL.
 *
 * Design notes
 * ------------
 * curl_multi.c is the C core (a multi handle per uv loop, transfers with
 * their own mutex, condition variable and buffers). This file wraps it in
 * two Python types and picks the loop a transfer runs on:
 *
 *   - Threads. A Transfer started with wait_headers() goes to the calling
 *     thread's *driver* (curl_thread.c): a multi handle the thread drives
 *     itself, with the GIL released, while it waits for the response
 *     headers and then, in read(n), for body bytes - no hop to another
 *     thread. The driver's connection cache keeps the thread's connections
 *     alive between its requests. A wait gives up when no byte arrived for
 *     [timeout] seconds (CPython's socket timeout is per operation, not for
 *     the whole response) or, on the main thread, on Ctrl-C (checked every
 *     GP_LOOP_POLL_NS); giving up takes the easy handle out of the multi
 *     before the exception is raised.
 *
 *   - Coroutines. A Multi object wraps a multi handle bound to an asyncio
 *     loop's own uv_loop_t (gp_uvloop_uv(loop._core)). Everything happens on
 *     the loop's thread: Python adds a transfer directly, the loop's poll()
 *     runs libuv, libcurl's callbacks fire, and the transfer's event hook
 *     queues a completion with gp_uvloop_complete(); once poll() has taken
 *     the GIL back, the completion calls the Transfer's Python callback,
 *     which wakes the futures aiohttp waits on. A cancelled task calls
 *     close(), which takes the easy handle out of the multi at once (we are
 *     on the loop thread, outside libuv's callbacks). A Multi is only used
 *     from its loop's thread; others get RuntimeError.
 *
 * Transfer errors are not raised here: read() returns what arrived, and the
 * Python layers look at `error` (libcurl's code, message and errno) and raise
 * what CPython's urllib or aiohttp would. Only the waits raise:
 * TimeoutError("timed out") and KeyboardInterrupt.
 */
#include "mod/curl.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "obj/object.h"
#include "obj/str.h"
#include "runtime/runtime.h"

#if __has_include("mod/uvloop.h")
#include "mod/uvloop.h"
#define CURL_HAVE_ASYNC 1
#else
#define CURL_HAVE_ASYNC 0
#endif

typedef struct curl_multi_object curl_multi_object_t;

/* The coroutine side of a transfer: what its event hook needs. Owned by the
   C transfer (freed with its last reference through on_free). */
typedef struct curl_async_link {
#if CURL_HAVE_ASYNC
    gp_uv_completion_t completion; /* first: run() gets it back */
#endif
    gp_curl_transfer_t *transfer;
    uv_loop_t *uv;
    bool queued;            /* a completion is queued and has not run yet */
    gp_object_t *owner;     /* the Transfer object; borrowed, cleared by its dealloc */
} curl_async_link_t;

typedef struct curl_transfer_object {
    gp_object_t base;
    gp_curl_transfer_t *transfer;
    curl_async_link_t *link;   /* coroutine transfers only */
    gp_object_t *multi;        /* the Multi it runs in (coroutine transfers) */
    gp_object_t *callback;     /* called on each event (coroutine transfers) */
    bool started;
    bool threaded;             /* started by wait_headers(): runs in a thread driver */
} curl_transfer_object_t;

struct curl_multi_object {
    gp_object_t base;
    gp_curl_multi_t *multi; /* NULL once closed */
    gp_thread_state_t *owner_thread;
};

static gp_type_t curl_transfer_type;
static gp_type_t curl_multi_type;

/* ------------------------------------------------------------------ */
/* Waiting without the GIL                                              */
/* ------------------------------------------------------------------ */

typedef enum wait_result {
    WAIT_READY,
    WAIT_TIMEOUT,
    WAIT_INTERRUPTED,
} wait_result_t;

/* What a wait waits for: the headers, or [want] body bytes (SIZE_MAX: the end). */
typedef struct wait_goal {
    bool headers;
    size_t want;
} wait_goal_t;

static bool goal_reached(gp_curl_transfer_t *t, wait_goal_t goal)
{
    if (t->done)
        return true;
    if (goal.headers)
        return t->headers_done;
    return goal.want != SIZE_MAX && t->body.len >= goal.want;
}

/* gp_curl_driver_step()'s readiness test: takes the mutex. */
static bool goal_ready(gp_curl_transfer_t *t, void *arg)
{
    pthread_mutex_lock(&t->mutex);
    bool ready = goal_reached(t, *(wait_goal_t *)arg);
    pthread_mutex_unlock(&t->mutex);
    return ready;
}

static uint64_t clock_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* How long a thread whose driver is busy (another thread drives it and
   signals our condition variable) sleeps between looks at it. */
#define WAIT_BUSY_DRIVER_NS 2000000u

/* Drives the transfer's driver until [goal], with the GIL released. [idle_ns]
   (0: none) is the longest stretch without a received byte. */
static wait_result_t transfer_wait_unlocked(gp_curl_transfer_t *t, wait_goal_t goal,
                                            uint64_t idle_ns, _Atomic int *interrupted)
{
    pthread_mutex_lock(&t->mutex);
    uint64_t seen = t->received;
    pthread_mutex_unlock(&t->mutex);
    uint64_t deadline = idle_ns ? clock_now_ns() + idle_ns : 0;
    for (;;) {
        pthread_mutex_lock(&t->mutex);
        bool ready = goal_reached(t, goal);
        uint64_t received = t->received;
        pthread_mutex_unlock(&t->mutex);
        if (ready)
            return WAIT_READY;
        if (interrupted && atomic_load(interrupted))
            return WAIT_INTERRUPTED;
        uint64_t now = clock_now_ns();
        if (received != seen) {
            seen = received;
            if (idle_ns)
                deadline = now + idle_ns;
        }
        if (deadline && now >= deadline)
            return WAIT_TIMEOUT;
        uint64_t wait_ns = GP_LOOP_POLL_NS;
        if (deadline && deadline - now < wait_ns)
            wait_ns = deadline - now;
        long wait_ms = (long)((wait_ns + 999999u) / 1000000u);
        if (gp_curl_driver_step(t, goal_ready, &goal, wait_ms))
            continue;
        /* Another thread drives the multi: it signals us. */
        uint64_t until = now + (wait_ns < WAIT_BUSY_DRIVER_NS ? wait_ns : WAIT_BUSY_DRIVER_NS);
        struct timespec ts = {(time_t)(until / 1000000000u), (long)(until % 1000000000u)};
        pthread_mutex_lock(&t->mutex);
        if (!goal_reached(t, goal))
            pthread_cond_timedwait(&t->cond, &t->mutex, &ts);
        pthread_mutex_unlock(&t->mutex);
    }
}

/* Waits for [goal] with the GIL released. Returns 0, or -1 with
   TimeoutError or KeyboardInterrupt raised (the transfer is then stopped). */
static int transfer_wait(curl_transfer_object_t *self, wait_goal_t goal, double timeout)
{
    gp_curl_transfer_t *t = self->transfer;
    gp_runtime_t *rt = gp_runtime();
    _Atomic int *interrupt = gp_tstate() == rt->main_thread ? &rt->pending_sigint : NULL;
    uint64_t idle_ns = 0;
    if (timeout >= 0) {
        idle_ns = (uint64_t)(timeout * 1e9);
        if (idle_ns == 0)
            idle_ns = 1;
        /* Before the headers, libcurl's own connect timeout (the same
           length) should be the one to fire while connecting. */
        if (goal.headers)
            idle_ns += 20000000u;
    }
    if (!goal.headers) {
        /* The write callback must not pause the transfer below what we
           wait for. */
        pthread_mutex_lock(&t->mutex);
        t->want = goal.want;
        pthread_mutex_unlock(&t->mutex);
    }
    for (;;) {
        pthread_mutex_lock(&t->mutex);
        bool ready = goal_reached(t, goal);
        pthread_mutex_unlock(&t->mutex);
        if (ready)
            return 0;

        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_HTTP);
        wait_result_t result = transfer_wait_unlocked(t, goal, idle_ns, interrupt);
        gp_gil_acquire_after_blocking(ts);

        if (result == WAIT_READY)
            return 0;
        if (result == WAIT_TIMEOUT) {
            gp_curl_driver_stop(t, GP_CURL_CANCELLED);
            gp_err_set_string(&gp_exc_TimeoutError, "timed out");
            return -1;
        }
        /* A signal: its Python handler runs now. KeyboardInterrupt (or any
           exception it raises) abandons the transfer; a handler that
           returns lets the wait go on, as CPython retries after EINTR. */
        if (gp_runtime_handle_breaker() < 0) {
            gp_curl_driver_stop(t, GP_CURL_CANCELLED);
            return -1;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Coroutine events                                                     */
/* ------------------------------------------------------------------ */

#if CURL_HAVE_ASYNC
/* Under the GIL on the asyncio loop's thread, after poll(). */
static void async_completion_run(gp_uv_completion_t *c)
{
    curl_async_link_t *link = (curl_async_link_t *)c;
    gp_curl_transfer_t *t = link->transfer;
    link->queued = false;
    gp_object_t *owner = link->owner;
    if (owner) {
        curl_transfer_object_t *self = (curl_transfer_object_t *)owner;
        GP_INCREF(owner);
        gp_object_t *callback = self->callback;
        if (callback) {
            GP_INCREF(callback);
            gp_object_t *r = gp_object_call0(callback);
            if (r) {
                GP_DECREF(r);
            } else {
                gp_uvloop_report_unraisable("an HTTP transfer's event callback");
            }
            GP_DECREF(callback);
        }
        GP_DECREF(owner);
    }
    gp_curl_transfer_release(t); /* the queued completion's reference */
}

/* The transfer's event hook: loop thread, no GIL. Queues at most one
   completion at a time; its run reads the transfer's whole state. */
static void async_event_hook(gp_curl_transfer_t *t, void *arg)
{
    curl_async_link_t *link = arg;
    if (link->queued)
        return;
    link->queued = true;
    gp_curl_transfer_retain(t);
    link->completion.next = NULL;
    link->completion.run = async_completion_run;
    gp_uvloop_complete(link->uv, &link->completion);
}
#endif

static void async_link_free(void *arg)
{
    gp_mem_free(arg);
}

/* ------------------------------------------------------------------ */
/* Transfer objects                                                     */
/* ------------------------------------------------------------------ */

/* Reads a seconds argument: None -> -1 (no timeout). */
static int seconds_arg(gp_object_t *o, const char *what, double *out)
{
    if (!o || o == gp_None) {
        *out = -1;
        return 0;
    }
    double v = gp_float_as_double(o);
    if (v == -1.0 && gp_err_occurred())
        return -1;
    if (isnan(v) || v < 0) {
        gp_err_format(&gp_exc_ValueError, "%s must be non-negative", what);
        return -1;
    }
    *out = v;
    return 0;
}

/* A str argument as a C string for libcurl: NULL for None, -1 with
   TypeError or ValueError for anything else than str without NUL. */
static int tls_string_arg(gp_object_t *o, const char *what, const char **out)
{
    *out = NULL;
    if (o == gp_None)
        return 0;
    if (GP_TYPE(o) != &gp_str_type) {
        gp_err_format(&gp_exc_TypeError, "Transfer() tls %s must be str or None", what);
        return -1;
    }
    const char *text = gp_str_utf8(o);
    if (strlen(text) != gp_str_utf8_len(o)) {
        gp_err_format(&gp_exc_ValueError, "embedded null character in tls %s", what);
        return -1;
    }
    *out = text;
    return 0;
}

static int tls_long_arg(gp_object_t *o, const char *what, long *out)
{
    int64_t v = gp_int_as_i64(o);
    if (v == -1 && gp_err_occurred())
        return -1;
    if (v < 0 || v > 0x7fffffff) {
        gp_err_format(&gp_exc_ValueError, "Transfer() tls %s out of range", what);
        return -1;
    }
    *out = (long)v;
    return 0;
}

/* The tls= tuple that ssl.SSLContext builds (lib/ssl.py, _curl_options):

     (verify_peer, verify_host, ca, ssl_version, client_cert, http_version, alpn)

   verify_peer/verify_host/alpn are truth values; ca is None (libcurl's
   built-in CA bundle and directory) or (cafile, capath, cadata) - str or
   None, str or None, PEM bytes or None - which replaces them all;
   ssl_version and http_version are CURLOPT_SSLVERSION and
   CURLOPT_HTTP_VERSION values (0: libcurl's default); client_cert is None
   or (certfile, keyfile or None, password or None) as str. libcurl copies
   every string and blob, so the tuple need not outlive the call. */
static int transfer_configure_tls(CURL *e, gp_object_t *tls)
{
    if (!gp_tuple_check_exact(tls) || GP_TUPLE_SIZE(tls) != 7) {
        gp_err_set_string(&gp_exc_TypeError, "Transfer() tls must be a 7-tuple or None");
        return -1;
    }
    int peer = gp_object_is_true(GP_TUPLE_GET(tls, 0));
    int host = peer < 0 ? -1 : gp_object_is_true(GP_TUPLE_GET(tls, 1));
    int alpn = host < 0 ? -1 : gp_object_is_true(GP_TUPLE_GET(tls, 6));
    if (alpn < 0)
        return -1;
    long ssl_version, http_version;
    if (tls_long_arg(GP_TUPLE_GET(tls, 3), "ssl_version", &ssl_version) < 0 ||
        tls_long_arg(GP_TUPLE_GET(tls, 5), "http_version", &http_version) < 0)
        return -1;
    gp_object_t *ca = GP_TUPLE_GET(tls, 2);
    const char *cafile = NULL, *capath = NULL;
    gp_object_t *cadata = gp_None;
    if (ca != gp_None) {
        if (!gp_tuple_check_exact(ca) || GP_TUPLE_SIZE(ca) != 3) {
            gp_err_set_string(&gp_exc_TypeError, "Transfer() tls ca must be a 3-tuple or None");
            return -1;
        }
        cadata = GP_TUPLE_GET(ca, 2);
        if (tls_string_arg(GP_TUPLE_GET(ca, 0), "cafile", &cafile) < 0 ||
            tls_string_arg(GP_TUPLE_GET(ca, 1), "capath", &capath) < 0)
            return -1;
        if (cadata != gp_None && !gp_bytes_check(cadata)) {
            gp_err_set_string(&gp_exc_TypeError, "Transfer() tls cadata must be bytes or None");
            return -1;
        }
    }
    gp_object_t *cert = GP_TUPLE_GET(tls, 4);
    const char *certfile = NULL, *keyfile = NULL, *password = NULL;
    if (cert != gp_None) {
        if (!gp_tuple_check_exact(cert) || GP_TUPLE_SIZE(cert) != 3) {
            gp_err_set_string(&gp_exc_TypeError,
                              "Transfer() tls client_cert must be a 3-tuple or None");
            return -1;
        }
        if (tls_string_arg(GP_TUPLE_GET(cert, 0), "certfile", &certfile) < 0 ||
            tls_string_arg(GP_TUPLE_GET(cert, 1), "keyfile", &keyfile) < 0 ||
            tls_string_arg(GP_TUPLE_GET(cert, 2), "password", &password) < 0)
            return -1;
    }

    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, peer ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, host ? 2L : 0L);
    if (ca != gp_None) {
        /* NULL clears libcurl's built-in default, so only what the
           context loaded is trusted. */
        curl_easy_setopt(e, CURLOPT_CAINFO, cafile);
        curl_easy_setopt(e, CURLOPT_CAPATH, capath);
        if (cadata != gp_None) {
            struct curl_blob blob = {(void *)gp_bytes_data(cadata), (size_t)gp_bytes_len(cadata),
                                     CURL_BLOB_COPY};
            curl_easy_setopt(e, CURLOPT_CAINFO_BLOB, &blob);
        }
    }
    if (ssl_version)
        curl_easy_setopt(e, CURLOPT_SSLVERSION, ssl_version);
    if (http_version)
        curl_easy_setopt(e, CURLOPT_HTTP_VERSION, http_version);
    if (!alpn)
        curl_easy_setopt(e, CURLOPT_SSL_ENABLE_ALPN, 0L);
    if (certfile) {
        curl_easy_setopt(e, CURLOPT_SSLCERT, certfile);
        if (keyfile)
            curl_easy_setopt(e, CURLOPT_SSLKEY, keyfile);
        if (password)
            curl_easy_setopt(e, CURLOPT_KEYPASSWD, password);
    }
    return 0;
}

static int transfer_configure(gp_curl_transfer_t *t, gp_object_t *method, gp_object_t *url,
                              gp_object_t *headers, gp_object_t *body, gp_object_t *connect_timeout,
                              gp_object_t *verify, gp_object_t *decode, gp_object_t *tls)
{
    if (GP_TYPE(method) != &gp_str_type || GP_TYPE(url) != &gp_str_type) {
        gp_err_set_string(&gp_exc_TypeError, "Transfer() method and url must be str");
        return -1;
    }
    const char *m = gp_str_utf8(method);
    const char *u = gp_str_utf8(url);
    if (strlen(u) != gp_str_utf8_len(url) || strlen(m) != gp_str_utf8_len(method)) {
        gp_err_set_string(&gp_exc_ValueError, "embedded null character in url or method");
        return -1;
    }
    CURL *e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, u);
    /* PIPEWAIT (set for every transfer) makes a new transfer wait for a
       connection being made to the same host, in case it can multiplex.
       Over https, ALPN says so during the handshake. Over plain http only
       the first response does (libcurl speaks HTTP/1.1 there), so a burst
       of fetches to a new host would all wait for the first one's answer:
       50 concurrent /delay/200 took 0.42 s instead of 0.2. */
    if (strncasecmp(u, "https:", 6) != 0)
        curl_easy_setopt(e, CURLOPT_PIPEWAIT, 0L);

    bool has_body = body && body != gp_None;
    if (has_body) {
        if (!(gp_bytes_check(body) ||
              GP_TYPE(body) == &gp_bytearray_type)) {
            gp_err_set_string(&gp_exc_TypeError, "Transfer() body must be bytes or None");
            return -1;
        }
        if (gp_curl_transfer_set_body(t, gp_bytes_data(body), gp_bytes_len(body)) < 0) {
            gp_err_no_memory();
            return -1;
        }
    }
    if (strcmp(m, "GET") == 0 && !has_body) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else if (strcmp(m, "HEAD") == 0 && !has_body) {
        curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else {
        if (strcmp(m, "POST") == 0 && !has_body && gp_curl_transfer_set_body(t, "", 0) < 0) {
            gp_err_no_memory();
            return -1;
        }
        if (strcmp(m, "POST") != 0)
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m);
    }

    /* No "Expect: 100-continue" round trip before a large body. libcurl
       only adds that header to a request with a body, so a bodiless one
       goes without the line (one custom header fewer for libcurl to
       search on every request). */
    if (has_body && gp_curl_transfer_add_header(t, "Expect:") < 0) {
        gp_err_no_memory();
        return -1;
    }
    if (headers && headers != gp_None) {
        if (GP_TYPE(headers) != &gp_list_type) {
            gp_err_set_string(&gp_exc_TypeError, "Transfer() headers must be a list of str");
            return -1;
        }
        for (intptr_t i = 0; i < GP_LIST_SIZE(headers); i++) {
            gp_object_t *line = GP_LIST_GET(headers, i);
            if (GP_TYPE(line) != &gp_str_type) {
                gp_err_set_string(&gp_exc_TypeError, "Transfer() headers must be a list of str");
                return -1;
            }
            const char *text = gp_str_utf8(line);
            if (strlen(text) != gp_str_utf8_len(line) || strpbrk(text, "\r\n")) {
                gp_err_set_string(&gp_exc_ValueError, "Invalid header value");
                return -1;
            }
            if (gp_curl_transfer_add_header(t, text) < 0) {
                gp_err_no_memory();
                return -1;
            }
        }
    }
    double seconds;
    if (seconds_arg(connect_timeout, "connect_timeout", &seconds) < 0)
        return -1;
    if (seconds >= 0) {
        long ms = (long)ceil(seconds * 1000.0);
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, ms > 0 ? ms : 1L);
    }
    if (tls && tls != gp_None && transfer_configure_tls(e, tls) < 0)
        return -1;
    if (verify) {
        int on = gp_object_is_true(verify);
        if (on < 0)
            return -1;
        if (!on) {
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
        }
    }
    if (decode) {
        int on = gp_object_is_true(decode);
        if (on < 0)
            return -1;
        if (on)
            curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    }
    return 0;
}

/* Transfer(method, url, headers=None, body=None, *, connect_timeout=None,
            verify=True, decode=False, tls=None): verify=False turns every
   certificate check off, whatever tls says; tls is an ssl.SSLContext's
   settings (see transfer_configure_tls). */
static gp_object_t *transfer_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    static const char *const names[] = {"method", "url", "headers", "body", "$connect_timeout",
                                        "verify", "decode", "tls", NULL};
    gp_object_t *a[8];
    if (gp_args_parse("Transfer", args, nargs, kwnames, names, 2, a) < 0)
        return NULL;
    curl_transfer_object_t *self = (curl_transfer_object_t *)gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    self->transfer = gp_curl_transfer_new();
    if (!self->transfer) {
        GP_DECREF(&self->base);
        gp_err_no_memory();
        return NULL;
    }
    if (transfer_configure(self->transfer, a[0], a[1], a[2], a[3], a[4], a[5], a[6],
                           a[7]) < 0) {
        GP_DECREF(&self->base);
        return NULL;
    }
    gp_gc_track(&self->base);
    return &self->base;
}

/* Stops a running transfer: in its thread driver, or at once for
   coroutines (on the loop's thread). */
static void transfer_object_stop(curl_transfer_object_t *self)
{
    gp_curl_transfer_t *t = self->transfer;
    if (!t || !self->started)
        return;
    pthread_mutex_lock(&t->mutex);
    bool done = t->done;
    pthread_mutex_unlock(&t->mutex);
    if (done)
        return;
    if (self->threaded) {
        gp_curl_driver_stop(t, GP_CURL_CANCELLED);
        return;
    }
    curl_multi_object_t *multi = (curl_multi_object_t *)self->multi;
    if (multi && multi->multi && multi->owner_thread == gp_tstate())
        gp_curl_transfer_stop(t, GP_CURL_CANCELLED);
}

static int transfer_traverse(gp_object_t *o, gp_visit_fn visit, void *arg)
{
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    if (self->callback) {
        int r = visit(self->callback, arg);
        if (r)
            return r;
    }
    if (self->multi)
        return visit(self->multi, arg);
    return 0;
}

static int transfer_clear(gp_object_t *o)
{
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    GP_CLEAR(self->callback);
    return 0;
}

static void transfer_dealloc(gp_object_t *o)
{
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    gp_gc_untrack(o);
    transfer_object_stop(self);
    if (self->link)
        self->link->owner = NULL;
    gp_curl_transfer_release(self->transfer);
    GP_CLEAR(self->callback);
    GP_CLEAR(self->multi);
    gp_type_t *type = GP_TYPE(o);
    gp_object_free(o);
    if (type->flags & GP_TYPE_FLAG_HEAPTYPE)
        GP_DECREF((gp_object_t *)type);
}

static int transfer_check_fresh(curl_transfer_object_t *self)
{
    if (self->started) {
        gp_err_set_string(&gp_exc_RuntimeError, "the transfer has already started");
        return -1;
    }
    return 0;
}

/* wait_headers(timeout=None): starts the transfer in the thread's driver if
   it has not started, and waits (GIL released) for the response headers or
   the end of the transfer. */
static gp_object_t *transfer_wait_headers(gp_object_t *o, gp_object_t *const *args, size_t nargs,
                                          gp_object_t *kwnames)
{
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    static const char *const names[] = {"timeout", NULL};
    gp_object_t *a[1];
    double timeout;
    if (gp_args_parse("wait_headers", args, nargs, kwnames, names, 0, a) < 0 ||
        seconds_arg(a[0], "timeout", &timeout) < 0)
        return NULL;
    if (!self->started) {
        gp_curl_driver_t *driver = gp_curl_driver_for_thread();
        if (!driver) {
            gp_err_no_memory();
            return NULL;
        }
        self->started = true;
        self->threaded = true;
        gp_curl_driver_start(driver, self->transfer);
    } else if (!self->threaded) {
        gp_err_set_string(&gp_exc_RuntimeError, "wait_headers() is for thread transfers");
        return NULL;
    }
    wait_goal_t goal = {true, 0};
    if (transfer_wait(self, goal, timeout) < 0)
        return NULL;
    return gp_none_new();
}

/* Parses read()'s size argument: None or negative mean "everything". */
static int size_arg(gp_object_t *o, size_t *out)
{
    *out = SIZE_MAX;
    if (!o || o == gp_None)
        return 0;
    int64_t n = gp_int_as_i64(o);
    if (n == -1 && gp_err_occurred())
        return -1;
    if (n >= 0)
        *out = (size_t)n;
    return 0;
}

/* Resumes the transfer if back-pressure paused it and its reader has
   caught up: through its driver for threads, at once for coroutines (we
   are on the loop's thread, outside libuv's callbacks). */
static void transfer_object_resume(curl_transfer_object_t *self)
{
    gp_curl_transfer_t *t = self->transfer;
    if (self->threaded) {
        gp_curl_driver_resume(t);
        return;
    }
    curl_multi_object_t *multi = (curl_multi_object_t *)self->multi;
    if (t->multi && multi && multi->owner_thread == gp_tstate() && gp_curl_transfer_take_resume(t))
        curl_easy_pause(t->easy, CURLPAUSE_CONT);
}

/* Takes up to [want] buffered body bytes as a bytes object. */
static gp_object_t *transfer_take(curl_transfer_object_t *self, size_t want)
{
    gp_curl_transfer_t *t = self->transfer;
    pthread_mutex_lock(&t->mutex);
    size_t n = t->body.len < want ? t->body.len : want;
    gp_object_t *out = gp_bytes_new(t->body.data ? t->body.data + t->body.start : "", n);
    if (out) {
        t->body.start += n;
        t->body.len -= n;
        if (t->body.len == 0)
            t->body.start = 0;
    }
    bool paused = t->paused;
    pthread_mutex_unlock(&t->mutex);
    if (paused)
        transfer_object_resume(self);
    return out;
}

/* read(n=-1, timeout=None): n body bytes, fewer only at the end of the
   transfer (or when it failed: look at `error`). Thread transfers wait with
   the GIL released. */
static gp_object_t *transfer_read(gp_object_t *o, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    static const char *const names[] = {"n", "timeout", NULL};
    gp_object_t *a[2];
    size_t want;
    double timeout;
    if (gp_args_parse("read", args, nargs, kwnames, names, 0, a) < 0 || size_arg(a[0], &want) < 0 ||
        seconds_arg(a[1], "timeout", &timeout) < 0)
        return NULL;
    if (!self->threaded) {
        gp_err_set_string(&gp_exc_RuntimeError, "read() is for thread transfers: use read_nowait()");
        return NULL;
    }
    wait_goal_t goal = {false, want};
    if (want > 0 && transfer_wait(self, goal, timeout) < 0)
        return NULL;
    return transfer_take(self, want);
}

/* read_nowait(n=-1): the body bytes already received (up to n), never waits. */
static gp_object_t *transfer_read_nowait(gp_object_t *o, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    static const char *const names[] = {"n", NULL};
    gp_object_t *a[1];
    size_t want;
    if (gp_args_parse("read_nowait", args, nargs, kwnames, names, 0, a) < 0 ||
        size_arg(a[0], &want) < 0)
        return NULL;
    return transfer_take(self, want);
}

/* want(n): the reader will wait for n body bytes (all of them when n is
   None or negative) before it reads: back-pressure must not pause the
   transfer with fewer buffered. */
static gp_object_t *transfer_want(gp_object_t *o, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    static const char *const names[] = {"n", NULL};
    gp_object_t *a[1];
    size_t want;
    if (gp_args_parse("want", args, nargs, kwnames, names, 0, a) < 0 || size_arg(a[0], &want) < 0)
        return NULL;
    gp_curl_transfer_t *t = self->transfer;
    pthread_mutex_lock(&t->mutex);
    t->want = want;
    bool paused = t->paused;
    pthread_mutex_unlock(&t->mutex);
    if (paused)
        transfer_object_resume(self);
    return gp_none_new();
}

/* start_async(multi, callback): adds the transfer to [multi] (a Multi on
   the running asyncio loop); callback() is called under the GIL whenever
   headers, body bytes or the end arrive. */
static gp_object_t *transfer_start_async(gp_object_t *o, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    if (gp_args_check("start_async", nargs, kwnames, 2, 2) < 0 || transfer_check_fresh(self) < 0)
        return NULL;
    if (GP_TYPE(args[0]) != &curl_multi_type) {
        gp_err_set_string(&gp_exc_TypeError, "start_async() needs a _gpcurl.Multi");
        return NULL;
    }
    curl_multi_object_t *multi = (curl_multi_object_t *)args[0];
    if (!multi->multi) {
        gp_err_set_string(&gp_exc_RuntimeError, "Session is closed");
        return NULL;
    }
    if (multi->owner_thread != gp_tstate()) {
        gp_err_set_string(&gp_exc_RuntimeError, "a Multi is only usable from its loop's thread");
        return NULL;
    }
#if CURL_HAVE_ASYNC
    curl_async_link_t *link = gp_mem_calloc(1, sizeof *link);
    if (!link) {
        gp_err_no_memory();
        return NULL;
    }
    gp_curl_transfer_t *t = self->transfer;
    link->transfer = t;
    link->uv = NULL;
    link->owner = o;
    self->link = link;
    t->on_event = async_event_hook;
    t->on_event_arg = link;
    t->on_free = async_link_free;
    GP_SETREF(self->multi, GP_INCREF(args[0]));
    GP_SETREF(self->callback, GP_INCREF(args[1]));
    link->uv = gp_curl_multi_uv(multi->multi);
    self->started = true;
    gp_curl_transfer_start(multi->multi, t);
    return gp_none_new();
#else
    (void)async_link_free;
    gp_err_set_string(&gp_exc_NotImplementedError, "asyncio HTTP needs mod/uvloop.h");
    return NULL;
#endif
}

/* close(): stops the transfer if it is still running. */
static gp_object_t *transfer_close(gp_object_t *o, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    curl_transfer_object_t *self = (curl_transfer_object_t *)o;
    transfer_object_stop(self);
    /* A closed transfer tells no one anything more. Dropping the callback
       now also breaks the cycle with its owner (aiohttp's exchange holds
       the transfer, the transfer its bound method), so that a finished
       request is freed by reference counting, not by the collector. */
    GP_CLEAR(self->callback);
    return gp_none_new();
}

static gp_object_t *transfer_get_status(gp_object_t *o, void *closure)
{
    gp_curl_transfer_t *t = ((curl_transfer_object_t *)o)->transfer;
    pthread_mutex_lock(&t->mutex);
    long status = t->headers_done ? t->status : 0;
    pthread_mutex_unlock(&t->mutex);
    return gp_int_from_i64(status);
}

static gp_object_t *transfer_get_http_version(gp_object_t *o, void *closure)
{
    gp_curl_transfer_t *t = ((curl_transfer_object_t *)o)->transfer;
    pthread_mutex_lock(&t->mutex);
    int version = t->http_version;
    pthread_mutex_unlock(&t->mutex);
    return gp_int_from_i64(version);
}

/* The final response's status line and header lines, as received. */
static gp_object_t *transfer_get_header_block(gp_object_t *o, void *closure)
{
    gp_curl_transfer_t *t = ((curl_transfer_object_t *)o)->transfer;
    pthread_mutex_lock(&t->mutex);
    gp_object_t *out = NULL;
    if (t->headers_done)
        out = gp_bytes_new(t->header_block.data ? t->header_block.data + t->header_block.start : "",
                           t->header_block.len);
    pthread_mutex_unlock(&t->mutex);
    return out ? out : (gp_err_occurred() ? NULL : gp_none_new());
}

/* [len] bytes of iso-8859-1 text as a str (HTTP header bytes are decoded
   so, as CPython's http.client does). */
static gp_object_t *str_from_latin1(const char *s, size_t len)
{
    size_t high = 0;
    for (size_t i = 0; i < len; i++)
        high += (unsigned char)s[i] >> 7;
    if (high == 0) /* ASCII, the usual case: valid UTF-8 as it is */
        return gp_str_new_trusted(s, len, (intptr_t)len, true);
    char *utf8 = gp_mem_alloc(len + high);
    if (!utf8) {
        gp_err_no_memory();
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            utf8[n++] = (char)c;
        } else {
            utf8[n++] = (char)(0xc0 | (c >> 6));
            utf8[n++] = (char)(0x80 | (c & 0x3f));
        }
    }
    gp_object_t *out = gp_str_from_utf8(utf8, n);
    gp_mem_free(utf8);
    return out;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* [len] bytes as aiohttp decodes header text: UTF-8, undecodable bytes
   kept as lone surrogates (surrogateescape). */
static gp_object_t *str_from_header_utf8(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return gp_str_decode(s, len, "utf-8", "surrogateescape", NULL);
    return gp_str_new_trusted(s, len, (intptr_t)len, true);
}

/* The header name [name] folded for aiohttp's case-insensitive lookups:
   name.lower(). */
static gp_object_t *header_name_fold(gp_object_t *name, const char *bytes, size_t len)
{
    char small[64];
    if (len > sizeof small || memchr(bytes, 0, len))
        return gp_object_call_method(name, "lower", NULL, 0);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];
        if (c >= 0x80)
            return gp_object_call_method(name, "lower", NULL, 0);
        small[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return gp_str_new_trusted(small, len, (intptr_t)len, true);
}

/* Appends (name, value) to [pairs]: the header line [line] without its
   line end, split at the first colon (a line without a colon is all name).
   As http.client reads it, the text is iso-8859-1 and the value is
   stripped of blanks. With [folded], as aiohttp's client reads it: UTF-8
   (surrogateescape), only the value's leading blanks dropped, and the name
   lower-cased appended to [folded]. Returns the name's length, or -1. */
static intptr_t header_pair_append(gp_object_t *pairs, gp_object_t *folded, const char *line,
                                   size_t len)
{
    gp_object_t *(*decode)(const char *, size_t) = folded ? str_from_header_utf8 : str_from_latin1;
    const char *colon = memchr(line, ':', len);
    size_t name_len = colon ? (size_t)(colon - line) : len;
    const char *value = colon ? colon + 1 : line + len;
    const char *end = line + len;
    while (value < end && is_blank(*value))
        value++;
    while (!folded && end > value && is_blank(end[-1]))
        end--;
    gp_object_t *name = decode(line, name_len);
    gp_object_t *text = name ? decode(value, (size_t)(end - value)) : NULL;
    gp_object_t *pair = text ? gp_tuple_pack(2, name, text) : NULL;
    GP_XDECREF(text);
    int rc = pair ? gp_list_append(pairs, pair) : -1;
    GP_XDECREF(pair);
    if (rc == 0 && folded) {
        gp_object_t *low = header_name_fold(name, line, name_len);
        rc = low ? gp_list_append(folded, low) : -1;
        GP_XDECREF(low);
    }
    GP_XDECREF(name);
    return rc < 0 ? -1 : (intptr_t)name_len;
}

/* Adds a folded continuation line to the last pair's value, joined by
   CRLF (as the header block had it), or for aiohttp by nothing (its parser
   just drops the line break). */
static int header_pair_continue(gp_object_t *pairs, const char *line, size_t len, bool aio)
{
    intptr_t last = GP_LIST_SIZE(pairs) - 1;
    gp_object_t *pair = GP_LIST_GET(pairs, last);
    gp_object_t *value = GP_TUPLE_GET(pair, 1);
    gp_object_t *more = aio ? str_from_header_utf8(line, len) : str_from_latin1(line, len);
    if (!more)
        return -1;
    gp_object_t *joined = gp_str_from_format(aio ? "%U%U" : "%U\r\n%U", value, more);
    GP_DECREF(more);
    if (!joined)
        return -1;
    gp_object_t *fresh = gp_tuple_pack(2, GP_TUPLE_GET(pair, 0), joined);
    GP_DECREF(joined);
    if (!fresh)
        return -1;
    GP_DECREF(pair);
    GP_LIST_SET(pairs, last, fresh);
    return 0;
}

/* Whether the [len] bytes at [name] are [lower] (lower-case ASCII) in any
   case. Header names are decoded as iso-8859-1, whose non-ASCII letters
   never lower-case to ASCII, so this is what name.lower() == lower says. */
static bool header_name_is(const char *name, size_t len, const char *lower)
{
    size_t n = strlen(lower);
    if (len != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + ('a' - 'A'));
        if (c != (unsigned char)lower[i])
            return false;
    }
    return true;
}

/* What a response head parses into. The two indices are those of the first
   Content-Length and Transfer-Encoding pairs (-1: none), the ones
   HTTPMessage.get() would return. */
typedef struct header_parse {
    gp_object_t *reason; /* NULL when the status line has none */
    gp_object_t *pairs;
    gp_object_t *folded; /* the names lower-cased, or NULL: aiohttp's */
    intptr_t content_length;
    intptr_t transfer_encoding;
} header_parse_t;

/* Parses the header block [p, end) into [out] (fields owned by the caller
   whether this succeeds or not), as http.client does, or with [aio] as
   aiohttp (see header_pair_append). Returns 0, or -1 with an exception set. */
static int header_block_parse(const char *p, const char *end, header_parse_t *out, bool aio)
{
    out->reason = NULL;
    out->folded = NULL;
    out->content_length = out->transfer_encoding = -1;
    out->pairs = gp_list_new(0);
    if (!out->pairs || (aio && !(out->folded = gp_list_new(0))))
        return -1;
    bool first = true;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        if (line_end > p && line_end[-1] == '\r')
            line_end--;
        size_t len = (size_t)(line_end - p);
        if (first) {
            /* "HTTP/1.1 200 OK": the reason is what follows the second space. */
            const char *sp = memchr(p, ' ', len);
            const char *sp2 = sp ? memchr(sp + 1, ' ', (size_t)(line_end - sp - 1)) : NULL;
            if (sp2 && aio) {
                /* aiohttp: all that follows the code and its space. */
                if (!(out->reason = str_from_header_utf8(sp2 + 1, (size_t)(line_end - sp2 - 1))))
                    return -1;
            } else if (sp2) {
                const char *r = sp2 + 1, *r_end = line_end;
                while (r < r_end && (is_blank(*r)))
                    r++;
                while (r_end > r && is_blank(r_end[-1]))
                    r_end--;
                if (r < r_end && !(out->reason = str_from_latin1(r, (size_t)(r_end - r))))
                    return -1;
            }
            /* An HTTP/1.x status line without a reason has the reason ""
               (as http.client reads it); None is left for HTTP/2 and 3,
               which send none, and urllib puts the standard phrase there. */
            if (!out->reason && len >= 7 && memcmp(p, "HTTP/1.", 7) == 0 &&
                !(out->reason = gp_str_empty()))
                return -1;
            first = false;
        } else if (len > 0) {
            if (is_blank(*p) && GP_LIST_SIZE(out->pairs) > 0) {
                if (header_pair_continue(out->pairs, p, len, aio) < 0)
                    return -1;
            } else {
                intptr_t index = GP_LIST_SIZE(out->pairs);
                intptr_t name_len = header_pair_append(out->pairs, out->folded, p, len);
                if (name_len < 0)
                    return -1;
                if (out->content_length < 0 &&
                    header_name_is(p, (size_t)name_len, "content-length"))
                    out->content_length = index;
                else if (out->transfer_encoding < 0 &&
                         header_name_is(p, (size_t)name_len, "transfer-encoding"))
                    out->transfer_encoding = index;
            }
        }
        p = next;
    }
    return 0;
}

/* parse_headers(folded=False): (reason, [(name, value), ...]) from the
   final response's header block, decoded as iso-8859-1; reason is "" for an
   HTTP/1.x status line without one and None for HTTP/2 and 3. Header lines
   stay in order, repeated names included. With folded=True, the block is
   read as aiohttp's client reads it - UTF-8 with surrogateescape, only
   the values' leading blanks dropped, continuation lines joined as they
   are, reason "" when absent - and the names lower-cased come third:
   (reason, pairs, folded). */
static gp_object_t *transfer_parse_headers(gp_object_t *o, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    static const char *const names[] = {"folded", NULL};
    gp_object_t *folded_arg = NULL;
    if (gp_args_parse("parse_headers", args, nargs, kwnames, names, 0, &folded_arg) < 0)
        return NULL;
    int aio = folded_arg ? gp_object_is_true(folded_arg) : 0;
    if (aio < 0)
        return NULL;
    gp_object_t *block = transfer_get_header_block(o, NULL);
    if (!block || block == gp_None)
        return block;
    header_parse_t head;
    gp_object_t *out = NULL;
    const char *p = gp_bytes_data(block);
    if (header_block_parse(p, p + gp_bytes_len(block), &head, aio) == 0) {
        if (!aio)
            out = gp_tuple_pack(2, head.reason ? head.reason : gp_None, head.pairs);
        else if (head.reason || (head.reason = gp_str_empty()))
            out = gp_tuple_pack(3, head.reason, head.pairs, head.folded);
    }
    GP_XDECREF(head.reason);
    GP_XDECREF(head.pairs);
    GP_XDECREF(head.folded);
    GP_DECREF(block);
    return out;
}

/* The value of pair [index] of [pairs], or None (-1). Borrowed. */
static gp_object_t *header_value_at(gp_object_t *pairs, intptr_t index)
{
    return index < 0 ? gp_None : GP_TUPLE_GET(GP_LIST_GET(pairs, index), 1);
}

/* response_head(): everything urlopen() needs from the final response's
   head in one call - (status, reason or None, [(name, value), ...],
   http_version, Content-Length value or None, Transfer-Encoding value or
   None) - or None before the headers are complete. The two values are the
   first of their names, what HTTPMessage.get() returns, so the response
   does not search its headers in Python for them. */
static gp_object_t *transfer_response_head(gp_object_t *o, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("response_head", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_curl_transfer_t *t = ((curl_transfer_object_t *)o)->transfer;
    /* The block is copied out under the mutex and parsed outside it:
       making objects may run the collector, and a finalizer could close
       a transfer, which takes a transfer mutex. */
    pthread_mutex_lock(&t->mutex);
    bool ready = t->headers_done;
    long status = t->status;
    int version = t->http_version;
    gp_object_t *block = NULL;
    if (ready)
        block = gp_bytes_new(t->header_block.data ? t->header_block.data + t->header_block.start
                                                  : "",
                             t->header_block.len);
    pthread_mutex_unlock(&t->mutex);
    if (!ready)
        return gp_none_new();
    if (!block)
        return NULL;
    header_parse_t head;
    gp_object_t *out = NULL;
    const char *p = gp_bytes_data(block);
    if (header_block_parse(p, p + gp_bytes_len(block), &head, false) == 0) {
        gp_object_t *status_obj = gp_int_from_i64(status);
        gp_object_t *version_obj = status_obj ? gp_int_from_i64(version) : NULL;
        if (version_obj)
            out = gp_tuple_pack(6, status_obj, head.reason ? head.reason : gp_None, head.pairs,
                                version_obj, header_value_at(head.pairs, head.content_length),
                                header_value_at(head.pairs, head.transfer_encoding));
        GP_XDECREF(status_obj);
        GP_XDECREF(version_obj);
    }
    GP_XDECREF(head.reason);
    GP_XDECREF(head.pairs);
    GP_XDECREF(head.folded);
    GP_DECREF(block);
    return out;
}

static gp_object_t *transfer_get_flag(gp_object_t *o, void *closure)
{
    gp_curl_transfer_t *t = ((curl_transfer_object_t *)o)->transfer;
    const char *which = closure;
    pthread_mutex_lock(&t->mutex);
    bool value = which[0] == 'h' ? t->headers_done : which[0] == 'p' ? t->paused : t->done;
    pthread_mutex_unlock(&t->mutex);
    return gp_bool_from(value);
}

static gp_object_t *transfer_get_count(gp_object_t *o, void *closure)
{
    gp_curl_transfer_t *t = ((curl_transfer_object_t *)o)->transfer;
    const char *which = closure;
    pthread_mutex_lock(&t->mutex);
    uint64_t value = which[0] == 'r' ? t->received : t->body.len;
    pthread_mutex_unlock(&t->mutex);
    return gp_int_from_u64(value);
}

/* error: None, or (code, message, errno) once the transfer failed. code is
   libcurl's CURLcode, or -1 (cancelled) / -2 (its pool was closed). */
static gp_object_t *transfer_get_error(gp_object_t *o, void *closure)
{
    gp_curl_transfer_t *t = ((curl_transfer_object_t *)o)->transfer;
    pthread_mutex_lock(&t->mutex);
    bool failed = t->done && t->result != CURLE_OK;
    int code = t->result;
    long os_errno = t->os_errno;
    char message[CURL_ERROR_SIZE];
    snprintf(message, sizeof message, "%s", t->error);
    pthread_mutex_unlock(&t->mutex);
    if (!failed)
        return gp_none_new();
    if (!message[0]) {
        const char *text = code == GP_CURL_CANCELLED ? "cancelled"
                           : code == GP_CURL_CLOSED  ? "the connection pool is closed"
                                                     : curl_easy_strerror((CURLcode)code);
        snprintf(message, sizeof message, "%s", text);
    }
    gp_object_t *text = gp_str_from_utf8(message, strlen(message));
    if (!text) {
        gp_err_clear();
        text = gp_str_from_cstr("(undecodable libcurl message)");
        if (!text)
            return NULL;
    }
    gp_object_t *code_obj = gp_int_from_i64(code);
    gp_object_t *errno_obj = gp_int_from_i64(os_errno);
    gp_object_t *out = gp_tuple_pack(3, code_obj, text, errno_obj);
    GP_DECREF(code_obj);
    GP_DECREF(text);
    GP_DECREF(errno_obj);
    return out;
}

/* tls_verify_result: the certificate check's X509_V_ERR_* code once the
   transfer failed (0: none, or the check was not what failed). */
static gp_object_t *transfer_get_tls_verify(gp_object_t *o, void *closure)
{
    gp_curl_transfer_t *t = ((curl_transfer_object_t *)o)->transfer;
    pthread_mutex_lock(&t->mutex);
    long value = t->tls_verify;
    pthread_mutex_unlock(&t->mutex);
    return gp_int_from_i64(value);
}

static const gp_method_def_t transfer_methods[] = {
    {"wait_headers", transfer_wait_headers, GP_METH_KEYWORDS,
     "Start in the thread's driver if needed; wait for the response headers (GIL released)."},
    {"read", transfer_read, GP_METH_KEYWORDS,
     "Wait for and return n body bytes (all when n is None or negative)."},
    {"read_nowait", transfer_read_nowait, GP_METH_KEYWORDS,
     "Return the body bytes already received, up to n."},
    {"parse_headers", transfer_parse_headers, GP_METH_KEYWORDS,
     "(reason or None, [(name, value), ...]) of the final response, or None before it;\n"
     "folded=True: aiohttp's reading, (reason, pairs, lower-cased names)."},
    {"response_head", transfer_response_head, 0,
     "(status, reason, pairs, http_version, Content-Length, Transfer-Encoding) or None."},
    {"want", transfer_want, GP_METH_KEYWORDS,
     "Do not pause the transfer before n body bytes (all when n is None or negative) are in."},
    {"start_async", transfer_start_async, 0, "Run in a Multi on the asyncio loop."},
    {"close", transfer_close, 0, "Stop the transfer if it is still running."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t transfer_getsets[] = {
    {"status", transfer_get_status, NULL, NULL, "The response status code, 0 before headers."},
    {"http_version", transfer_get_http_version, NULL, NULL, "10, 11, 20 or 30."},
    {"header_block", transfer_get_header_block, NULL, NULL, "Status line and headers (bytes)."},
    {"headers_done", transfer_get_flag, NULL, "h", "The response headers are complete."},
    {"done", transfer_get_flag, NULL, "d", "No more body bytes will arrive."},
    {"received", transfer_get_count, NULL, "r", "Body bytes received so far."},
    {"buffered", transfer_get_count, NULL, "b", "Body bytes received and not yet read."},
    {"error", transfer_get_error, NULL, NULL, "None or (curl code, message, errno)."},
    {"tls_verify_result", transfer_get_tls_verify, NULL, NULL,
     "The certificate check's X509_V_ERR_* code after a failure (0: none)."},
    {"paused", transfer_get_flag, NULL, "p", "Back-pressure paused the transfer."},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t curl_transfer_type = {
    GP_TYPE_HEAD_INIT,
    .name = "Transfer",
    .basicsize = sizeof(curl_transfer_object_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = transfer_dealloc,
    .new_ = transfer_new,
    .hash = gp_object_default_hash,
    .traverse = transfer_traverse,
    .clear = transfer_clear,
    .methods = transfer_methods,
    .getsets = transfer_getsets,
    .doc = "One HTTP request and its response, run by libcurl on a libuv loop.",
};

/* ------------------------------------------------------------------ */
/* Multi objects (coroutines)                                           */
/* ------------------------------------------------------------------ */

/* Multi(core, limit=100, limit_per_host=0): a connection pool on the uv loop
   of an asyncio loop core (asyncio_loop._core). */
static gp_object_t *multi_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    static const char *const names[] = {"core", "limit", "limit_per_host", NULL};
    gp_object_t *a[3];
    if (gp_args_parse("Multi", args, nargs, kwnames, names, 1, a) < 0)
        return NULL;
    int64_t limit = 100, per_host = 0;
    if (a[1] && a[1] != gp_None && (limit = gp_int_as_i64(a[1])) == -1 && gp_err_occurred())
        return NULL;
    if (a[2] && a[2] != gp_None && (per_host = gp_int_as_i64(a[2])) == -1 && gp_err_occurred())
        return NULL;
    if (limit < 0 || per_host < 0) {
        gp_err_set_string(&gp_exc_ValueError, "connection limits must be non-negative");
        return NULL;
    }
#if CURL_HAVE_ASYNC
    uv_loop_t *uv = gp_uvloop_uv(a[0]);
    if (!uv) {
        if (!gp_err_occurred())
            gp_err_set_string(&gp_exc_TypeError, "Multi() needs an open asyncio loop core");
        return NULL;
    }
    curl_multi_object_t *self = (curl_multi_object_t *)gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    self->owner_thread = gp_tstate();
    self->multi = gp_curl_multi_new();
    if (!self->multi) {
        GP_DECREF(&self->base);
        gp_err_no_memory();
        return NULL;
    }
    gp_curl_multi_set_limits(self->multi, (long)limit, (long)per_host);
    int rc = gp_curl_multi_attach(self->multi, uv);
    if (rc != 0) {
        GP_DECREF(&self->base);
        gp_err_format(&gp_exc_OSError, "cannot start a libuv timer: %s", uv_strerror(rc));
        return NULL;
    }
    return &self->base;
#else
    gp_err_set_string(&gp_exc_NotImplementedError, "asyncio HTTP needs mod/uvloop.h");
    return NULL;
#endif
}

static void multi_object_close(curl_multi_object_t *self)
{
    if (self->multi) {
        gp_curl_multi_close(self->multi);
        self->multi = NULL;
    }
}

static void multi_dealloc(gp_object_t *o)
{
    multi_object_close((curl_multi_object_t *)o);
    gp_type_t *type = GP_TYPE(o);
    gp_object_free(o);
    if (type->flags & GP_TYPE_FLAG_HEAPTYPE)
        GP_DECREF((gp_object_t *)type);
}

static gp_object_t *multi_close(gp_object_t *o, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    curl_multi_object_t *self = (curl_multi_object_t *)o;
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (self->multi && self->owner_thread != gp_tstate()) {
        gp_err_set_string(&gp_exc_RuntimeError, "a Multi is only usable from its loop's thread");
        return NULL;
    }
    multi_object_close(self);
    return gp_none_new();
}

static gp_object_t *multi_get_active(gp_object_t *o, void *closure)
{
    curl_multi_object_t *self = (curl_multi_object_t *)o;
    return gp_int_from_u64(self->multi ? gp_curl_multi_active(self->multi) : 0);
}

static gp_object_t *multi_get_closed(gp_object_t *o, void *closure)
{
    return gp_bool_from(((curl_multi_object_t *)o)->multi == NULL);
}

static const gp_method_def_t multi_methods[] = {
    {"close", multi_close, 0, "End every transfer and close the pool's connections."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t multi_getsets[] = {
    {"active", multi_get_active, NULL, NULL, "Transfers in the pool."},
    {"closed", multi_get_closed, NULL, NULL, "True once close() has run."},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t curl_multi_type = {
    GP_TYPE_HEAD_INIT,
    .name = "Multi",
    .basicsize = sizeof(curl_multi_object_t),
    .dealloc = multi_dealloc,
    .new_ = multi_new,
    .hash = gp_object_default_hash,
    .methods = multi_methods,
    .getsets = multi_getsets,
    .doc = "A libcurl multi handle (a connection pool) on an asyncio loop's libuv loop.",
};

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

/* Adds [name] = [value] (None when NULL) to [module]. */
static int module_add_cstr(gp_object_t *module, const char *name, const char *value)
{
    gp_object_t *o = value ? gp_str_from_cstr(value) : gp_none_new();
    if (!o)
        return -1;
    int rc = gp_module_add_object(module, name, o);
    GP_DECREF(o);
    return rc;
}

/* The TLS facts the ssl module reports: the TLS library's name and
   version, and the CA bundle and directory libcurl uses when told nothing
   else (CAINFO, CAPATH; None when it has none). */
static int module_add_tls_facts(gp_object_t *module, const curl_version_info_data *info)
{
    const char *cainfo = NULL, *capath = NULL;
    CURL *easy = curl_easy_init();
#if LIBCURL_VERSION_NUM >= 0x075400 /* CURLINFO_CAINFO and _CAPATH: 7.84 */
    if (easy) {
        curl_easy_getinfo(easy, CURLINFO_CAINFO, &cainfo);
        curl_easy_getinfo(easy, CURLINFO_CAPATH, &capath);
    }
#endif
    int rc = module_add_cstr(module, "SSL_VERSION", info->ssl_version);
    if (rc == 0)
        rc = module_add_cstr(module, "CAINFO", cainfo);
    if (rc == 0)
        rc = module_add_cstr(module, "CAPATH", capath);
    if (easy)
        curl_easy_cleanup(easy);
    return rc;
}

gp_object_t *gp_gpcurl_module_create(void)
{
    if (gp_type_ready(&curl_transfer_type) < 0 || gp_type_ready(&curl_multi_type) < 0)
        return NULL;
    gp_object_t *module = gp_module_new("_gpcurl");
    if (!module)
        return NULL;
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    gp_object_t *version = gp_str_from_cstr(info->version);
    int rc = version ? 0 : -1;
    if (rc == 0)
        rc = gp_module_add_object(module, "version", version);
    GP_XDECREF(version);
    if (rc < 0 || gp_module_add_object(module, "Transfer", (gp_object_t *)&curl_transfer_type) < 0 ||
        gp_module_add_object(module, "Multi", (gp_object_t *)&curl_multi_type) < 0 ||
        gp_module_add_int(module, "HTTP2", (info->features & CURL_VERSION_HTTP2) != 0) < 0 ||
        gp_module_add_int(module, "SSL", (info->features & CURL_VERSION_SSL) != 0) < 0 ||
        module_add_tls_facts(module, info) < 0 ||
        gp_module_add_int(module, "ASYNC", CURL_HAVE_ASYNC) < 0 ||
        gp_module_add_int(module, "CANCELLED", GP_CURL_CANCELLED) < 0 ||
        gp_module_add_int(module, "CLOSED", GP_CURL_CLOSED) < 0) {
        GP_DECREF(module);
        return NULL;
    }
    return module;
}
