/*
 * curl.h - HTTP transfers on libcurl's multi interface, driven by libuv.
 *
 * Two layers share this header. curl_multi.c is the C core: a libcurl multi
 * handle bound to one uv_loop_t, and transfers (an easy handle plus the
 * response it is receiving) that know nothing about Python. curl.c is the
 * `_gpcurl` module that urllib.request and aiohttp build on. See curl_multi.c
 * for the design notes and the threading rule.
 */
#ifndef GP_CURL_H
#define GP_CURL_H

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

typedef struct gp_curl_multi gp_curl_multi_t;
typedef struct gp_curl_transfer gp_curl_transfer_t;

/* Result codes of our own, beside libcurl's CURLcode values, for transfers
   that ended without libcurl finishing them. */
enum {
    GP_CURL_CANCELLED = -1, /* the owner gave up on it (Ctrl-C, timeout, task cancelled) */
    GP_CURL_CLOSED = -2,    /* its multi was closed under it (session closed, loop stopping) */
};

/* Called once, before any thread exists (gp_runtime_new does it). Returns 0
   or -1 with a message on stderr: HTTP is then unavailable, nothing else. */
int gp_curl_global_init(void);

/* ------------------------------------------------------------------ */
/* The multi handle on a libuv loop                                     */
/* ------------------------------------------------------------------ */

/* Creates a multi handle; any thread. It is bound to a loop by
   gp_curl_multi_attach(), on that loop's thread. NULL when out of memory. */
gp_curl_multi_t *gp_curl_multi_new(void);

/* Binds [multi] to [uv] (its timer is initialised there). Loop thread only;
   a second call is a no-op. Returns 0 or a libuv error code. */
int gp_curl_multi_attach(gp_curl_multi_t *multi, uv_loop_t *uv);

/* Is [multi] bound to a loop yet? */
bool gp_curl_multi_attached(gp_curl_multi_t *multi);

/* The connector limits: at most [total] connections open at once and
   [per_host] to one host (0: no limit). Before the first transfer. */
void gp_curl_multi_set_limits(gp_curl_multi_t *multi, long total, long per_host);

/* Ends every transfer in [multi] with GP_CURL_CLOSED, closes its libuv
   handles and frees it once their close callbacks have run (or at once if
   it was never attached). Loop thread only; [multi] is gone afterwards. */
void gp_curl_multi_close(gp_curl_multi_t *multi);

/* The loop [multi] is bound to, or NULL. */
uv_loop_t *gp_curl_multi_uv(gp_curl_multi_t *multi);

/* Transfers currently in [multi]. Loop thread. */
size_t gp_curl_multi_active(gp_curl_multi_t *multi);

/* ------------------------------------------------------------------ */
/* Transfers                                                            */
/* ------------------------------------------------------------------ */

/* What a transfer's owner is told about: the loop thread calls the owner's
   event hook after each of these, without holding the transfer's mutex. */
typedef void (*gp_curl_event_fn)(gp_curl_transfer_t *transfer, void *arg);

/* A growable byte buffer that is consumed from the front. */
typedef struct gp_curl_buffer {
    char *data;
    size_t start, len, cap; /* live bytes are data[start .. start+len) */
} gp_curl_buffer_t;

struct gp_curl_transfer {
    _Atomic int refs;
    CURL *easy;
    struct curl_slist *request_headers;
    char *request_body; /* our copy: libcurl reads it while sending */
    size_t request_body_len;

    /* Set and read on the loop thread only. */
    gp_curl_multi_t *multi; /* the multi it is in, NULL when not in one */
    gp_curl_transfer_t *multi_prev, *multi_next;
    gp_curl_multi_t *target; /* the multi a queued start call will add it to */
    gp_curl_event_fn on_event;
    void *on_event_arg;
    void (*on_free)(void *arg); /* frees [on_event_arg] with the last reference */

    /* Everything below is shared between the loop thread and the owner and
       guarded by [mutex]; [cond] is signalled on every change. */
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    bool started;       /* handed to a multi (or failed to be) */
    bool headers_done;  /* the final response's header block is complete */
    bool done;          /* no more data will arrive */
    int result;         /* CURLcode, or GP_CURL_CANCELLED / GP_CURL_CLOSED */
    long os_errno;      /* CURLINFO_OS_ERRNO when the transfer failed */
    long status;        /* the final response's status code */
    int http_version;   /* 10, 11, 20 or 30 */
    char error[CURL_ERROR_SIZE];
    gp_curl_buffer_t header_block; /* the final response's status line and headers */
    gp_curl_buffer_t body;         /* received and not yet consumed */
    uint64_t received;             /* bytes received so far: the activity counter */
};

/* Creates a transfer with one reference (the caller's) and a fresh easy
   handle, configured for gilpy (no signals, certificate checks on, our write
   and header callbacks). NULL when out of memory. */
gp_curl_transfer_t *gp_curl_transfer_new(void);
void gp_curl_transfer_retain(gp_curl_transfer_t *transfer);
/* Drops a reference; the last one frees the easy handle and the buffers.
   Any thread, but never while the transfer is still in a multi (the multi
   holds a reference of its own until then). */
void gp_curl_transfer_release(gp_curl_transfer_t *transfer);

/* Copies [len] bytes of [body] as the request body. Before starting. */
int gp_curl_transfer_set_body(gp_curl_transfer_t *transfer, const char *body, size_t len);
/* Appends a "Name: value" request header line. Before starting. 0 or -1 (no memory). */
int gp_curl_transfer_add_header(gp_curl_transfer_t *transfer, const char *line);

/* Adds [transfer] to [multi], which holds a reference until it finishes.
   Loop thread. If the multi refuses it, the transfer ends at once with
   that error. */
void gp_curl_transfer_start(gp_curl_multi_t *multi, gp_curl_transfer_t *transfer);

/* Takes [transfer] out of its multi and ends it with [result]. Loop thread.
   Nothing happens if it already ended. */
void gp_curl_transfer_stop(gp_curl_transfer_t *transfer, int result);

/* Marks [transfer] ended with [result] without libcurl (it never reached a
   multi). Any thread. */
void gp_curl_transfer_fail(gp_curl_transfer_t *transfer, int result, const char *message);

/* Moves up to [max] bytes of [buffer] into [out] (with the mutex held). */
size_t gp_curl_buffer_take(gp_curl_buffer_t *buffer, char *out, size_t max);
void gp_curl_buffer_free(gp_curl_buffer_t *buffer);

#endif /* GP_CURL_H */
