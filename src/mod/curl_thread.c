/*
 * curl_thread.c - HTTP transfers driven by the Python threads that wait on
 * them (urllib.request), without a hop to another thread.
 *
 * The thread rule:
 *
 *   A driver's multi handle is only touched by the thread holding the
 *   driver's lock. Nothing here touches a Python object; the GIL is not
 *   held while a thread drives (it waits for the network), and libcurl's
 *   callbacks only record what arrived in the transfer, under its mutex.
 *
 * Design notes
 * ------------
 * The first version ran every thread's transfers on the runtime's libuv
 * service loop: a urlopen() queued a start call (uv_async_send), the loop
 * thread ran libcurl, and each event woke the Python thread through the
 * transfer's condition variable. Every request then cost at least three
 * context switches (caller -> loop thread -> caller, once for the headers
 * and again for the body), and with fifty threads the loop thread became
 * the queue all of them stood in: a profile showed a third of the time in
 * the scheduler.
 *
 * Here each Python thread owns a *driver*: a libcurl multi handle that the
 * thread drives itself while it waits, with curl_multi_perform() and
 * curl_multi_poll() (one poll() on the thread's own sockets, libcurl's
 * timeouts included). A waiting thread has released the GIL already, so
 * driving costs nothing extra; when the bytes it waits for arrive it is
 * already running and takes the GIL back directly. The multi's connection
 * cache keeps the thread's connections alive between its requests, the
 * way a thread reuses its own keep-alive connection.
 *
 * A transfer normally lives and dies on the thread that started it, but a
 * response may be handed to another thread, and two responses of one
 * thread may be open at once. So a driver has a lock: the thread that
 * holds it drives the multi for every transfer in it, and a thread that
 * finds it taken waits on its transfer's condition variable instead (the
 * driving thread's callbacks signal it). Stopping a transfer from another
 * thread wakes the driver's poll with curl_multi_wakeup() and takes the
 * lock.
 *
 * Drivers are reference counted: the thread holds one (dropped by a
 * pthread key destructor when the thread exits) and every transfer that
 * was started in it holds one until the transfer is freed, so the multi
 * outlives both. The last reference closes the cached connections. A
 * fork()ed child does not reuse its parent's driver (its sockets are the
 * parent's): it abandons it and makes its own.
 *
 * The process id a driver is checked against is read once and refreshed
 * in a fork()ed child by an atfork handler, not asked of the kernel each
 * time: glibc no longer caches getpid(), and the three or four checks of a
 * request were as many system calls, several microseconds each under a
 * hypervisor (a tenth of the CPU time of a small keep-alive request).
 *
 * Back-pressure: a transfer whose reader falls behind is paused by the
 * write callback (CURL_WRITEFUNC_PAUSE, see curl_multi.c) and resumed here,
 * by the driving thread, once the reader has taken enough.
 */
#include "mod/curl.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "obj/object.h"

/* Easy handles kept for the thread's next transfers: curl_easy_reset() on
   a used one is much cheaper than a new one (no big zeroed allocation,
   caches kept: ~30,000 instructions saved per request). A thread fetching
   in a loop needs one or two at a time; an asyncio loop thread (whose
   coroutine transfers also take and return them here) may end and start
   dozens in one iteration. Each spare costs some 25 KiB. */
#define DRIVER_SPARE_EASY 64

struct gp_curl_driver {
    _Atomic int refs;
    pthread_mutex_t lock; /* held by the thread driving the multi */
    CURLM *handle;
    pid_t pid;            /* the process the driver's sockets belong to */
    CURL *spare[DRIVER_SPARE_EASY]; /* under [lock] */
    int spares;
};

static pthread_key_t driver_key;
static pthread_once_t driver_key_once = PTHREAD_ONCE_INIT;

/* This process's id, set with the key and again in every fork() child
   (gilpy's os.fork() and subprocess both go through glibc's fork(), which
   runs atfork handlers). */
static _Atomic pid_t driver_process;

static pid_t current_process(void)
{
    return atomic_load_explicit(&driver_process, memory_order_relaxed);
}

static void driver_release(gp_curl_driver_t *d)
{
    /* A fork()ed child never closes its parent's connections: libcurl
       would say goodbye on sockets the parent still uses. */
    if (d->pid != current_process() || atomic_fetch_sub(&d->refs, 1) != 1)
        return;
    for (int i = 0; i < d->spares; i++)
        curl_easy_cleanup(d->spare[i]);
    curl_multi_cleanup(d->handle);
    pthread_mutex_destroy(&d->lock);
    gp_mem_free(d);
}

/* The pthread key destructor: the thread is exiting. */
static void driver_thread_exit_cb(void *arg)
{
    driver_release(arg);
}

static void driver_atfork_child(void)
{
    atomic_store(&driver_process, getpid());
}

static void driver_key_create(void)
{
    atomic_store(&driver_process, getpid());
    (void)pthread_key_create(&driver_key, driver_thread_exit_cb);
    (void)pthread_atfork(NULL, NULL, driver_atfork_child);
}

gp_curl_driver_t *gp_curl_driver_for_thread(void)
{
    pthread_once(&driver_key_once, driver_key_create);
    gp_curl_driver_t *d = pthread_getspecific(driver_key);
    if (d && d->pid == current_process())
        return d;
    /* None yet, or the parent's (after fork): abandoned, never touched. */
    d = gp_mem_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->handle = curl_multi_init();
    if (!d->handle) {
        gp_mem_free(d);
        return NULL;
    }
    atomic_store(&d->refs, 1);
    pthread_mutex_init(&d->lock, NULL);
    d->pid = current_process();
    if (pthread_setspecific(driver_key, d) != 0) {
        driver_release(d);
        return NULL;
    }
    return d;
}

CURL *gp_curl_driver_take_easy(void)
{
    gp_curl_driver_t *d = gp_curl_driver_for_thread();
    if (!d || pthread_mutex_trylock(&d->lock) != 0)
        return NULL;
    CURL *easy = d->spares > 0 ? d->spare[--d->spares] : NULL;
    pthread_mutex_unlock(&d->lock);
    if (easy)
        curl_easy_reset(easy);
    return easy;
}

bool gp_curl_driver_keep_easy(gp_curl_driver_t *d, CURL *easy)
{
    if (d->pid != current_process() || pthread_mutex_trylock(&d->lock) != 0)
        return false;
    bool kept = d->spares < DRIVER_SPARE_EASY;
    if (kept)
        d->spare[d->spares++] = easy;
    pthread_mutex_unlock(&d->lock);
    return kept;
}

bool gp_curl_driver_keep_easy_here(CURL *easy)
{
    pthread_once(&driver_key_once, driver_key_create);
    gp_curl_driver_t *d = pthread_getspecific(driver_key);
    return d && gp_curl_driver_keep_easy(d, easy);
}

/* Locks [d], waking a thread that sits in its poll so that it lets go. */
static void driver_lock(gp_curl_driver_t *d)
{
    if (pthread_mutex_trylock(&d->lock) == 0)
        return;
    curl_multi_wakeup(d->handle);
    pthread_mutex_lock(&d->lock);
}

/* Hands every finished transfer back to its owner. Lock held. */
static void driver_drain(gp_curl_driver_t *d)
{
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read(d->handle, &left))) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        CURL *easy = msg->easy_handle;
        CURLcode result = msg->data.result;
        gp_curl_transfer_t *t = NULL;
        curl_easy_getinfo(easy, CURLINFO_PRIVATE, (char **)&t);
        long os_errno = 0;
        if (result != CURLE_OK)
            gp_curl_transfer_note_failure(t, &os_errno);
        curl_multi_remove_handle(d->handle, easy);
        t->in_driver = false;
        gp_curl_transfer_finish(t, (int)result, os_errno, NULL);
        gp_curl_transfer_release(t); /* the driver's reference */
    }
}

void gp_curl_driver_start(gp_curl_driver_t *d, gp_curl_transfer_t *t)
{
    if (t->request_headers)
        curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->request_headers);
    atomic_fetch_add(&d->refs, 1);
    t->driver = d;
    pthread_mutex_lock(&t->mutex);
    bool ended = t->done;
    t->started = true;
    pthread_mutex_unlock(&t->mutex);
    if (ended)
        return;
    driver_lock(d);
    gp_curl_transfer_retain(t); /* the driver's reference */
    CURLMcode rc = curl_multi_add_handle(d->handle, t->easy);
    if (rc == CURLM_OK)
        t->in_driver = true;
    pthread_mutex_unlock(&d->lock);
    if (rc != CURLM_OK) {
        gp_curl_transfer_finish(t, CURLE_FAILED_INIT, 0, curl_multi_strerror(rc));
        gp_curl_transfer_release(t);
    }
}

/* Resumes [t] if its write callback paused it and its reader has taken
   enough since. Lock held, [t]'s mutex not held: curl_easy_pause() may
   deliver the data it kept back at once, through the write callback. */
static void driver_resume_locked(gp_curl_transfer_t *t)
{
    if (gp_curl_transfer_take_resume(t))
        curl_easy_pause(t->easy, CURLPAUSE_CONT);
}

int gp_curl_driver_step(gp_curl_transfer_t *t, bool (*ready)(gp_curl_transfer_t *, void *),
                        void *arg, long timeout_ms)
{
    gp_curl_driver_t *d = t->driver;
    if (pthread_mutex_trylock(&d->lock) != 0)
        return 0;
    if (t->in_driver)
        driver_resume_locked(t);
    int running = 0;
    curl_multi_perform(d->handle, &running);
    driver_drain(d);
    if (!ready(t, arg)) {
        curl_multi_poll(d->handle, NULL, 0, (int)timeout_ms, NULL);
        curl_multi_perform(d->handle, &running);
        driver_drain(d);
    }
    pthread_mutex_unlock(&d->lock);
    return 1;
}

void gp_curl_driver_resume(gp_curl_transfer_t *t)
{
    gp_curl_driver_t *d = t->driver;
    if (!d || pthread_mutex_trylock(&d->lock) != 0)
        return; /* the next wait resumes it */
    if (t->in_driver)
        driver_resume_locked(t);
    pthread_mutex_unlock(&d->lock);
}

void gp_curl_driver_stop(gp_curl_transfer_t *t, int result)
{
    gp_curl_driver_t *d = t->driver;
    if (!d) {
        gp_curl_transfer_finish(t, result, 0, NULL);
        return;
    }
    driver_lock(d);
    bool was_in = t->in_driver;
    if (was_in) {
        curl_multi_remove_handle(d->handle, t->easy);
        t->in_driver = false;
    }
    pthread_mutex_unlock(&d->lock);
    gp_curl_transfer_finish(t, result, 0, NULL);
    if (was_in)
        gp_curl_transfer_release(t); /* the driver's reference */
}

void gp_curl_driver_release(gp_curl_driver_t *d)
{
    driver_release(d);
}
