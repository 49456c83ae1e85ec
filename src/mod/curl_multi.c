/*
 * curl_multi.c - libcurl's multi interface driven by a libuv loop.
 *
 * The thread/loop rule (gilpy keeps it everywhere):
 *
 *   A libuv loop is driven only by its own thread. Other threads reach it
 *   only through uv_async_send() (here: gp_service_loop_call(), which is
 *   built on it). libuv and libcurl callbacks never touch a Python object;
 *   they record what arrived in the transfer, under its mutex, and wake its
 *   owner, who turns it into Python objects under the GIL.
 *
 * Design notes
 * ------------
 * One libcurl multi handle serves one uv_loop_t: the runtime's service loop
 * for threads (urllib.request), or an asyncio loop's own uv loop for
 * coroutines (one multi per aiohttp connector). libcurl tells us what to
 * wait for through two callbacks, and we tell it what happened through
 * curl_multi_socket_action():
 *
 *   - CURLMOPT_SOCKETFUNCTION asks us to watch a socket for reading and/or
 *     writing, or to stop (CURL_POLL_REMOVE). Each watched socket gets a
 *     uv_poll_t in a small heap block; curl_multi_assign() stores the block
 *     against the socket so later calls find it. REMOVE closes the poll
 *     handle; the block is freed in its close callback, never before, as
 *     libuv requires.
 *   - CURLMOPT_TIMERFUNCTION asks for one timeout: the multi's single
 *     uv_timer_t is (re)started, or stopped when libcurl passes -1.
 *
 * After every socket_action we drain curl_multi_info_read(): a finished
 * transfer is removed from the multi, its result recorded, and its owner
 * woken. Connections stay in the multi's connection cache after a transfer,
 * so keep-alive and connection reuse come for free; HTTP/2 multiplexing is
 * libcurl's default for https where the server offers it.
 * CURLMOPT_MAX_TOTAL_CONNECTIONS / MAX_HOST_CONNECTIONS implement aiohttp's
 * connector limits: libcurl queues transfers beyond them.
 *
 * A transfer is shared by the loop thread and its owner (a Python thread
 * waiting on the condition variable, or a coroutine woken through the
 * asyncio loop's completion queue), so it is reference counted: the owner
 * holds one, the multi holds one from curl_multi_add_handle() until the
 * transfer leaves the multi. The easy handle is freed with the last
 * reference, which is never the multi's while the handle is still in it.
 *
 * Responses are received into a buffer that the owner consumes from the
 * front: the header block of the final response (1xx interim responses are
 * dropped; redirects are not followed here, the Python layers follow them
 * with their own rules), then the body as it arrives. Back-pressure keeps
 * that buffer bounded: once GP_CURL_BODY_LIMIT bytes (or what the reader
 * asked for, if more) are waiting, the write callback returns
 * CURL_WRITEFUNC_PAUSE and libcurl stops reading the socket, so the TCP
 * window closes and the server waits. The thread that drives the multi
 * resumes the transfer with curl_easy_pause() once the reader has taken
 * half of it (gp_curl_transfer_take_resume() says when), or when it waits
 * for more than is buffered.
 *
 * Closing a multi (the aiohttp session closed, the service loop stopping)
 * ends every transfer still in it with GP_CURL_CLOSED, closes the poll
 * handles and the timer, then frees the multi in the last close callback.
 */
#include "mod/curl.h"

#include <stdlib.h>
#include <string.h>

#include "obj/object.h"

/* A socket libcurl asked us to watch. */
typedef struct curl_watch {
    uv_poll_t poll;
    gp_curl_multi_t *multi;
    curl_socket_t fd;
    struct curl_watch *prev, *next; /* the multi's list, for closing */
    bool closing;
} curl_watch_t;

struct gp_curl_multi {
    CURLM *handle;
    uv_loop_t *uv;
    uv_timer_t timer;
    curl_watch_t *watches;          /* open poll handles */
    gp_curl_transfer_t *transfers;  /* transfers in the multi */
    size_t active;
    int open_handles; /* the timer and poll handles not yet through their close callback */
    bool closing;
    bool draining; /* inside multi_drain(): do not free the multi under it */
};

int gp_curl_global_init(void)
{
    CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
    if (rc != CURLE_OK) {
        fprintf(stderr, "gilpy: libcurl failed to initialise: %s\n", curl_easy_strerror(rc));
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Buffers                                                              */
/* ------------------------------------------------------------------ */

static int buffer_append(gp_curl_buffer_t *b, const char *data, size_t len)
{
    if (b->start + b->len + len > b->cap) {
        if (b->start > 0) {
            memmove(b->data, b->data + b->start, b->len);
            b->start = 0;
        }
        if (b->len + len > b->cap) {
            /* Small first: most header blocks and many bodies are a few
               hundred bytes, and a thousand transfers at once each hold two
               buffers. Doubling makes a large body cost few reallocations. */
            size_t cap = b->cap ? b->cap : 512;
            while (cap < b->len + len)
                cap *= 2;
            char *grown = gp_mem_realloc(b->data, cap);
            if (!grown)
                return -1;
            b->data = grown;
            b->cap = cap;
        }
    }
    memcpy(b->data + b->start + b->len, data, len);
    b->len += len;
    return 0;
}

size_t gp_curl_buffer_take(gp_curl_buffer_t *b, char *out, size_t max)
{
    size_t n = b->len < max ? b->len : max;
    memcpy(out, b->data + b->start, n);
    b->start += n;
    b->len -= n;
    if (b->len == 0)
        b->start = 0;
    return n;
}

void gp_curl_buffer_free(gp_curl_buffer_t *b)
{
    gp_mem_free(b->data);
    memset(b, 0, sizeof *b);
}

/* ------------------------------------------------------------------ */
/* Transfers                                                            */
/* ------------------------------------------------------------------ */

/* Calls the owner's hook; the mutex must not be held. Loop thread. */
static void transfer_notify(gp_curl_transfer_t *t)
{
    if (t->on_event)
        t->on_event(t, t->on_event_arg);
}

/* CURLOPT_WRITEFUNCTION: body bytes of the final response. Loop thread. */
static size_t transfer_write_cb(char *data, size_t size, size_t count, void *arg)
{
    gp_curl_transfer_t *t = arg;
    size_t len = size * count;
    pthread_mutex_lock(&t->mutex);
    size_t limit = t->want > GP_CURL_BODY_LIMIT ? t->want : GP_CURL_BODY_LIMIT;
    if (t->body.len >= limit) {
        /* libcurl keeps [data] and hands it to us again once resumed. */
        t->paused = true;
        pthread_mutex_unlock(&t->mutex);
        return CURL_WRITEFUNC_PAUSE;
    }
    int rc = buffer_append(&t->body, data, len);
    t->received += len;
    pthread_cond_broadcast(&t->cond);
    pthread_mutex_unlock(&t->mutex);
    if (rc < 0)
        return 0; /* libcurl ends the transfer with CURLE_WRITE_ERROR */
    transfer_notify(t);
    return len;
}

/* Parses "HTTP/1.1 200 OK" into the status code. */
static long status_line_code(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && line[i] != ' ')
        i++;
    long code = 0;
    for (i++; i < len && line[i] >= '0' && line[i] <= '9'; i++)
        code = code * 10 + (line[i] - '0');
    return code;
}

/* CURLOPT_HEADERFUNCTION: one header line at a time, status lines
   included. An interim (1xx) response's block is dropped when the next
   status line arrives. Loop thread. */
static size_t transfer_header_cb(char *data, size_t size, size_t count, void *arg)
{
    gp_curl_transfer_t *t = arg;
    size_t len = size * count;
    bool notify = false;
    int rc = 0;
    pthread_mutex_lock(&t->mutex);
    if (len >= 5 && memcmp(data, "HTTP/", 5) == 0) {
        t->header_block.start = t->header_block.len = 0;
        t->status = status_line_code(data, len);
        rc = buffer_append(&t->header_block, data, len);
    } else if (len >= 1 && (data[0] == '\r' || data[0] == '\n')) {
        /* libcurl ends the header block at any line that starts with CR or
           LF, "\r?\n" included, and hands the rest to the body: follow its
           decision, or the client would wait for headers that never come. */
        if (t->status >= 200 && !t->headers_done) {
            long version = 0;
            curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version);
            t->http_version = version == CURL_HTTP_VERSION_1_0   ? 10
                              : version == CURL_HTTP_VERSION_2_0 ? 20
                              : version == CURL_HTTP_VERSION_3   ? 30
                                                                 : 11;
            t->headers_done = true;
            notify = true;
            pthread_cond_broadcast(&t->cond);
        }
    } else if (!t->headers_done) {
        rc = buffer_append(&t->header_block, data, len);
    }
    pthread_mutex_unlock(&t->mutex);
    if (rc < 0)
        return 0;
    if (notify)
        transfer_notify(t);
    return len;
}

gp_curl_transfer_t *gp_curl_transfer_new(void)
{
    gp_curl_transfer_t *t = gp_mem_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->easy = gp_curl_driver_take_easy();
    if (!t->easy)
        t->easy = curl_easy_init();
    if (!t->easy) {
        gp_mem_free(t);
        return NULL;
    }
    atomic_store(&t->refs, 1);
    pthread_mutex_init(&t->mutex, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&t->cond, &attr);
    pthread_condattr_destroy(&attr);

    CURL *e = t->easy;
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, transfer_write_cb);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, transfer_header_cb);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
    return t;
}

void gp_curl_transfer_retain(gp_curl_transfer_t *t)
{
    atomic_fetch_add(&t->refs, 1);
}

void gp_curl_transfer_release(gp_curl_transfer_t *t)
{
    if (!t || atomic_fetch_sub(&t->refs, 1) != 1)
        return;
    if (t->driver) {
        if (!gp_curl_driver_keep_easy(t->driver, t->easy))
            curl_easy_cleanup(t->easy);
        gp_curl_driver_release(t->driver);
    } else if (!gp_curl_driver_keep_easy_here(t->easy)) {
        curl_easy_cleanup(t->easy);
    }
    if (t->on_free)
        t->on_free(t->on_event_arg);
    curl_slist_free_all(t->request_headers);
    gp_mem_free(t->request_body);
    gp_curl_buffer_free(&t->header_block);
    gp_curl_buffer_free(&t->body);
    pthread_cond_destroy(&t->cond);
    pthread_mutex_destroy(&t->mutex);
    gp_mem_free(t);
}

int gp_curl_transfer_set_body(gp_curl_transfer_t *t, const char *body, size_t len)
{
    char *copy = gp_mem_alloc(len ? len : 1);
    if (!copy)
        return -1;
    memcpy(copy, body, len);
    gp_mem_free(t->request_body);
    t->request_body = copy;
    t->request_body_len = len;
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(t->easy, CURLOPT_POSTFIELDS, copy);
    return 0;
}

int gp_curl_transfer_add_header(gp_curl_transfer_t *t, const char *line)
{
    struct curl_slist *list = curl_slist_append(t->request_headers, line);
    if (!list)
        return -1;
    t->request_headers = list;
    return 0;
}

void gp_curl_transfer_note_failure(gp_curl_transfer_t *t, long *os_errno)
{
    long verify = 0;
    curl_easy_getinfo(t->easy, CURLINFO_OS_ERRNO, os_errno);
    curl_easy_getinfo(t->easy, CURLINFO_SSL_VERIFYRESULT, &verify);
    pthread_mutex_lock(&t->mutex);
    if (!t->done)
        t->tls_verify = verify;
    pthread_mutex_unlock(&t->mutex);
}

bool gp_curl_transfer_finish(gp_curl_transfer_t *t, int result, long os_errno, const char *message)
{
    pthread_mutex_lock(&t->mutex);
    bool first = !t->done;
    if (first) {
        t->done = true;
        t->started = true;
        t->result = result;
        t->os_errno = os_errno;
        if (message && !t->error[0])
            snprintf(t->error, sizeof t->error, "%s", message);
        pthread_cond_broadcast(&t->cond);
    }
    pthread_mutex_unlock(&t->mutex);
    return first;
}

bool gp_curl_transfer_take_resume(gp_curl_transfer_t *t)
{
    pthread_mutex_lock(&t->mutex);
    size_t limit = t->want > GP_CURL_BODY_LIMIT ? t->want : GP_CURL_BODY_LIMIT;
    bool resume = t->paused && (t->body.len <= limit / 2 || t->body.len < t->want);
    if (resume)
        t->paused = false;
    pthread_mutex_unlock(&t->mutex);
    return resume;
}

void gp_curl_transfer_fail(gp_curl_transfer_t *t, int result, const char *message)
{
    gp_curl_transfer_finish(t, result, 0, message);
}

/* Unlinks [t] from its multi and drops the multi's reference. Loop thread. */
static void transfer_leave_multi(gp_curl_transfer_t *t)
{
    gp_curl_multi_t *m = t->multi;
    curl_multi_remove_handle(m->handle, t->easy);
    if (t->multi_prev)
        t->multi_prev->multi_next = t->multi_next;
    else
        m->transfers = t->multi_next;
    if (t->multi_next)
        t->multi_next->multi_prev = t->multi_prev;
    t->multi = NULL;
    t->multi_prev = t->multi_next = NULL;
    m->active--;
}

void gp_curl_transfer_start(gp_curl_multi_t *m, gp_curl_transfer_t *t)
{
    if (t->request_headers)
        curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->request_headers);
    pthread_mutex_lock(&t->mutex);
    bool ended = t->done;
    t->started = true;
    pthread_mutex_unlock(&t->mutex);
    if (ended)
        return; /* cancelled before the loop got to it */
    if (m->closing) {
        if (gp_curl_transfer_finish(t, GP_CURL_CLOSED, 0, "the connection pool is closed"))
            transfer_notify(t);
        return;
    }
    gp_curl_transfer_retain(t); /* the multi's reference */
    CURLMcode rc = curl_multi_add_handle(m->handle, t->easy);
    if (rc != CURLM_OK) {
        if (gp_curl_transfer_finish(t, CURLE_FAILED_INIT, 0, curl_multi_strerror(rc)))
            transfer_notify(t);
        gp_curl_transfer_release(t);
        return;
    }
    t->multi = m;
    t->multi_prev = NULL;
    t->multi_next = m->transfers;
    if (m->transfers)
        m->transfers->multi_prev = t;
    m->transfers = t;
    m->active++;
}

void gp_curl_transfer_stop(gp_curl_transfer_t *t, int result)
{
    if (t->multi) {
        transfer_leave_multi(t);
        bool first = gp_curl_transfer_finish(t, result, 0, NULL);
        if (first)
            transfer_notify(t);
        gp_curl_transfer_release(t); /* the multi's reference */
        return;
    }
    if (gp_curl_transfer_finish(t, result, 0, NULL))
        transfer_notify(t);
}

/* ------------------------------------------------------------------ */
/* The multi handle                                                     */
/* ------------------------------------------------------------------ */

static void multi_free_if_closed(gp_curl_multi_t *m)
{
    if (m->closing && m->open_handles == 0 && !m->draining)
        gp_mem_free(m);
}

/* Hands every finished transfer back to its owner. Loop thread. */
static void multi_drain(gp_curl_multi_t *m)
{
    CURLMsg *msg;
    int left;
    m->draining = true;
    while ((msg = curl_multi_info_read(m->handle, &left))) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        CURL *easy = msg->easy_handle;
        CURLcode result = msg->data.result;
        gp_curl_transfer_t *t = NULL;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&t);
        long os_errno = 0;
        if (result != CURLE_OK)
            gp_curl_transfer_note_failure(t, &os_errno);
        transfer_leave_multi(t);
        if (gp_curl_transfer_finish(t, (int)result, os_errno, NULL))
            transfer_notify(t);
        gp_curl_transfer_release(t);
    }
    m->draining = false;
}

static void watch_close_cb(uv_handle_t *handle)
{
    curl_watch_t *w = handle->data;
    gp_curl_multi_t *m = w->multi;
    gp_mem_free(w);
    m->open_handles--;
    multi_free_if_closed(m);
}

static void watch_close(curl_watch_t *w)
{
    if (w->closing)
        return;
    w->closing = true;
    gp_curl_multi_t *m = w->multi;
    if (w->prev)
        w->prev->next = w->next;
    else
        m->watches = w->next;
    if (w->next)
        w->next->prev = w->prev;
    uv_close((uv_handle_t *)&w->poll, watch_close_cb);
}

static void multi_poll_cb(uv_poll_t *poll, int status, int events)
{
    curl_watch_t *w = poll->data;
    gp_curl_multi_t *m = w->multi;
    int flags = 0;
    if (status < 0)
        flags = CURL_CSELECT_ERR;
    if (events & UV_READABLE)
        flags |= CURL_CSELECT_IN;
    if (events & UV_WRITABLE)
        flags |= CURL_CSELECT_OUT;
    int running = 0;
    curl_multi_socket_action(m->handle, w->fd, flags, &running);
    multi_drain(m);
}

static void multi_timeout_cb(uv_timer_t *timer)
{
    gp_curl_multi_t *m = timer->data;
    int running = 0;
    curl_multi_socket_action(m->handle, CURL_SOCKET_TIMEOUT, 0, &running);
    multi_drain(m);
}

/* CURLMOPT_SOCKETFUNCTION. */
static int multi_socket_cb(CURL *easy, curl_socket_t fd, int what, void *arg, void *socket_arg)
{
    gp_curl_multi_t *m = arg;
    curl_watch_t *w = socket_arg;
    if (what == CURL_POLL_REMOVE) {
        if (w) {
            curl_multi_assign(m->handle, fd, NULL);
            watch_close(w);
        }
        return 0;
    }
    if (!w) {
        w = gp_mem_calloc(1, sizeof *w);
        if (!w)
            return -1;
        if (uv_poll_init_socket(m->uv, &w->poll, fd) != 0) {
            gp_mem_free(w);
            return -1;
        }
        w->poll.data = w;
        w->multi = m;
        w->fd = fd;
        w->next = m->watches;
        if (m->watches)
            m->watches->prev = w;
        m->watches = w;
        m->open_handles++;
        curl_multi_assign(m->handle, fd, w);
    }
    int events = 0;
    if (what & CURL_POLL_IN)
        events |= UV_READABLE;
    if (what & CURL_POLL_OUT)
        events |= UV_WRITABLE;
    uv_poll_start(&w->poll, events, multi_poll_cb);
    return 0;
}

/* CURLMOPT_TIMERFUNCTION: -1 deletes the timer. libcurl forbids calling
   socket_action from here, so even a zero timeout goes through the loop. */
static int multi_timer_cb(CURLM *handle, long timeout_ms, void *arg)
{
    gp_curl_multi_t *m = arg;
    if (timeout_ms < 0)
        uv_timer_stop(&m->timer);
    else
        uv_timer_start(&m->timer, multi_timeout_cb, (uint64_t)timeout_ms, 0);
    return 0;
}

gp_curl_multi_t *gp_curl_multi_new(void)
{
    gp_curl_multi_t *m = gp_mem_calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->handle = curl_multi_init();
    if (!m->handle) {
        gp_mem_free(m);
        return NULL;
    }
    curl_multi_setopt(m->handle, CURLMOPT_SOCKETFUNCTION, multi_socket_cb);
    curl_multi_setopt(m->handle, CURLMOPT_SOCKETDATA, m);
    curl_multi_setopt(m->handle, CURLMOPT_TIMERFUNCTION, multi_timer_cb);
    curl_multi_setopt(m->handle, CURLMOPT_TIMERDATA, m);
    curl_multi_setopt(m->handle, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
    return m;
}

int gp_curl_multi_attach(gp_curl_multi_t *m, uv_loop_t *uv)
{
    if (m->uv)
        return 0;
    int rc = uv_timer_init(uv, &m->timer);
    if (rc != 0)
        return rc;
    m->timer.data = m;
    m->uv = uv;
    m->open_handles++;
    return 0;
}

uv_loop_t *gp_curl_multi_uv(gp_curl_multi_t *m)
{
    return m->uv;
}

bool gp_curl_multi_attached(gp_curl_multi_t *m)
{
    return m->uv != NULL;
}

void gp_curl_multi_set_limits(gp_curl_multi_t *m, long total, long per_host)
{
    curl_multi_setopt(m->handle, CURLMOPT_MAX_TOTAL_CONNECTIONS, total);
    curl_multi_setopt(m->handle, CURLMOPT_MAX_HOST_CONNECTIONS, per_host);
    /* The idle-connection cache must hold at least the busy connections,
       or keep-alive would close what the next request could reuse. */
    if (total > 0)
        curl_multi_setopt(m->handle, CURLMOPT_MAXCONNECTS, total);
}

size_t gp_curl_multi_active(gp_curl_multi_t *m)
{
    return m->active;
}

static void timer_close_cb(uv_handle_t *handle)
{
    gp_curl_multi_t *m = handle->data;
    m->open_handles--;
    multi_free_if_closed(m);
}

void gp_curl_multi_close(gp_curl_multi_t *m)
{
    if (m->closing)
        return;
    m->closing = true;
    while (m->transfers)
        gp_curl_transfer_stop(m->transfers, GP_CURL_CLOSED);
    /* Stop watching before libcurl closes the sockets, and keep libcurl
       from calling back into a multi that is going away. */
    while (m->watches) {
        curl_multi_assign(m->handle, m->watches->fd, NULL);
        watch_close(m->watches);
    }
    curl_multi_setopt(m->handle, CURLMOPT_SOCKETFUNCTION, NULL);
    curl_multi_setopt(m->handle, CURLMOPT_TIMERFUNCTION, NULL);
    curl_multi_cleanup(m->handle);
    m->handle = NULL;
    if (m->uv) {
        uv_timer_stop(&m->timer);
        uv_close((uv_handle_t *)&m->timer, timer_close_cb);
    } else {
        multi_free_if_closed(m);
    }
}
