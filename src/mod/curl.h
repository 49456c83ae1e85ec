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
typedef struct gp_curl_driver gp_curl_driver_t;

/* Back-pressure: a transfer's write callback pauses it once this many body
   bytes are waiting for a reader that has not asked for more (see
   curl_multi.c), and it resumes when the reader has taken half of them. */
#define GP_CURL_BODY_LIMIT ((size_t)1 << 20)

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
    gp_curl_driver_t *driver; /* thread transfers: the driver it runs in (curl_thread.c) */
    bool in_driver;           /* in the driver's multi; guarded by the driver's lock */
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
    long tls_verify;    /* CURLINFO_SSL_VERIFYRESULT when it failed (an X509_V_ERR_* code) */
    long status;        /* the final response's status code */
    int http_version;   /* 10, 11, 20 or 30 */
    char error[CURL_ERROR_SIZE];
    gp_curl_buffer_t header_block; /* the final response's status line and headers */
    gp_curl_buffer_t body;         /* received and not yet consumed */
    uint64_t received;             /* bytes received so far: the activity counter */
    size_t want;                   /* body bytes the reader waits for (SIZE_MAX: all) */
    bool paused;                   /* the write callback paused the transfer */
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

/* Reads what libcurl knows about the failure of [transfer] from its easy
   handle - the errno into [os_errno], the certificate check's result into
   the transfer - before it is finished. The thread that drives it. */
void gp_curl_transfer_note_failure(gp_curl_transfer_t *transfer, long *os_errno);

/* Records the end of [transfer] (result, errno, message) and wakes whoever
   waits on it; does not call the event hook. Returns false if it had
   already ended. Any thread. */
bool gp_curl_transfer_finish(gp_curl_transfer_t *transfer, int result, long os_errno,
                             const char *message);

/* Is [transfer] paused with its reader caught up (below half the limit, or
   waiting for more than is buffered)? Clears the pause flag when it says
   yes: the caller then resumes it with curl_easy_pause() from the thread
   that drives its multi. Takes the transfer's mutex. */
bool gp_curl_transfer_take_resume(gp_curl_transfer_t *transfer);

/* ------------------------------------------------------------------ */
/* Thread drivers (curl_thread.c)                                       */
/* ------------------------------------------------------------------ */

/* The calling thread's driver, created on first use (NULL: no memory). */
gp_curl_driver_t *gp_curl_driver_for_thread(void);

/* Adds [transfer] to [driver]'s multi; the transfer keeps a reference to
   the driver until it is freed. If libcurl refuses it, it ends at once. */
void gp_curl_driver_start(gp_curl_driver_t *driver, gp_curl_transfer_t *transfer);

/* Drives [transfer]'s driver once, unless another thread is driving it:
   runs libcurl, and if ready(transfer, arg) is still false, polls for at
   most [timeout_ms] and runs libcurl again. Returns 1 if it drove, 0 if the
   driver was busy (wait on the transfer's condition variable instead). No
   GIL needed; the transfer's mutex must not be held. */
int gp_curl_driver_step(gp_curl_transfer_t *transfer, bool (*ready)(gp_curl_transfer_t *, void *),
                        void *arg, long timeout_ms);

/* Resumes a paused [transfer] whose reader has caught up, if its driver is
   free now (otherwise the next step does). */
void gp_curl_driver_resume(gp_curl_transfer_t *transfer);

/* Takes [transfer] out of its driver (if still in it) and ends it with
   [result]. Any thread; may wait briefly for a thread that drives it. */
void gp_curl_driver_stop(gp_curl_transfer_t *transfer, int result);

/* A used easy handle, reset, from the calling thread's driver (made if the
   thread has none yet); NULL when it has none to spare (make a new one). */
CURL *gp_curl_driver_take_easy(void);

/* Keeps [easy] (out of every multi) for [driver]'s next transfers; false
   when it has enough already (clean it up). Any thread. */
bool gp_curl_driver_keep_easy(gp_curl_driver_t *driver, CURL *easy);

/* The same for a transfer without a driver (a coroutine's): keeps [easy]
   in the calling thread's driver, if it has one. */
bool gp_curl_driver_keep_easy_here(CURL *easy);

/* Drops a transfer's reference to its driver. */
void gp_curl_driver_release(gp_curl_driver_t *driver);

/* Moves up to [max] bytes of [buffer] into [out] (with the mutex held). */
size_t gp_curl_buffer_take(gp_curl_buffer_t *buffer, char *out, size_t max);
void gp_curl_buffer_free(gp_curl_buffer_t *buffer);

#endif /* GP_CURL_H */
