/*
 * select.c - the `select` module: select() and poll() for threads.
 *
 * Design notes
 * ------------
 * Both wait with poll(2) in the calling thread, GIL released, instead of on
 * the service loop. The loop's fd waits go through libuv's uv_poll_t, which
 * puts the descriptor in non-blocking mode and refuses regular files; select()
 * is handed arbitrary user descriptors (pipes, terminals, files) whose mode
 * must not change behind the program's back, and whose readiness a plain
 * poll(2) reports exactly as select(2) would. A thread blocked here still
 * overlaps with every other thread, since the GIL is released.
 *
 * Ctrl-C: the main thread waits in slices of GP_SELECT_SLICE_MS and looks at
 * the runtime's pending-SIGINT flag between them (the signal may be delivered
 * to another thread, so EINTR alone is not enough); the eval breaker then
 * raises KeyboardInterrupt. Other threads wait in one piece, as in CPython
 * they are not interrupted.
 *
 * select() maps its three lists onto poll events: read -> POLLIN, write ->
 * POLLOUT, exceptional -> POLLPRI. Hang-up and error count as readable and
 * writable, as select(2) reports them; an invalid descriptor (POLLNVAL) raises
 * OSError(EBADF) as select(2) would.
 */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <time.h>

#include "runtime/runtime.h"

#define GP_SELECT_SLICE_MS 100

static int64_t select_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Polls [fds] with the GIL released until something is ready or
   [timeout_ms] (-1: forever) passes. Returns poll's count, or -1 with an
   exception (OSError, KeyboardInterrupt). */
static int select_wait(struct pollfd *fds, size_t count, int64_t timeout_ms)
{
    gp_runtime_t *rt = gp_runtime();
    _Atomic int *interrupted = gp_tstate() == rt->main_thread ? &rt->pending_sigint : NULL;
    int64_t deadline = timeout_ms >= 0 ? select_now_ms() + timeout_ms : -1;
    for (;;) {
        int64_t left = deadline >= 0 ? deadline - select_now_ms() : -1;
        if (deadline >= 0 && left < 0)
            left = 0;
        int wait_ms = left > INT32_MAX ? INT32_MAX : (int)left;
        if (interrupted && (wait_ms < 0 || wait_ms > GP_SELECT_SLICE_MS))
            wait_ms = GP_SELECT_SLICE_MS;
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_SOCKET);
        int n = poll(fds, count, wait_ms);
        int err = errno;
        gp_gil_acquire_after_blocking(ts);
        if (n > 0 || (n == 0 && deadline >= 0 && select_now_ms() >= deadline))
            return n;
        if (n < 0 && err != EINTR) {
            gp_err_set_from_errno(err, NULL);
            return -1;
        }
        if ((n < 0 || (interrupted && atomic_load(interrupted))) &&
            gp_runtime_handle_breaker() < 0)
            return -1;
    }
}

/* A timeout in seconds (None, int or float) to milliseconds, rounded up. */
static int select_timeout_arg(gp_object_t *o, int64_t *ms)
{
    if (!o || o == gp_None) {
        *ms = -1;
        return 0;
    }
    double seconds;
    if (gp_float_check(o))
        seconds = gp_float_value(o);
    else if (gp_int_check(o)) {
        seconds = gp_int_as_double(o);
        if (seconds == -1.0 && gp_err_occurred())
            return -1;
    } else {
        gp_err_set_string(&gp_exc_TypeError, "timeout must be a float or None");
        return -1;
    }
    if (isnan(seconds)) {
        gp_err_set_string(&gp_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (seconds < 0) {
        gp_err_set_string(&gp_exc_ValueError, "timeout must be non-negative");
        return -1;
    }
    if (seconds > 9e15) {
        gp_err_set_string(&gp_exc_OverflowError, "timeout is too large");
        return -1;
    }
    *ms = (int64_t)ceil(seconds * 1000.0);
    return 0;
}

static gp_object_t *select_select(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("select", nargs, kwnames, 3, 4) < 0)
        return NULL;
    int64_t timeout_ms;
    if (select_timeout_arg(nargs == 4 ? args[3] : NULL, &timeout_ms) < 0)
        return NULL;
    static const short events_of[3] = {POLLIN, POLLOUT, POLLPRI};
    gp_object_t *lists[3] = {NULL, NULL, NULL};
    gp_object_t *result = NULL, *ready[3] = {NULL, NULL, NULL};
    struct pollfd *fds = NULL;
    size_t count = 0;
    for (int i = 0; i < 3; i++) {
        if (!gp_list_check(args[i]) && !gp_tuple_check(args[i]) &&
            !gp_type_lookup_cstr(GP_TYPE(args[i]), "__iter__")) {
            gp_err_set_string(&gp_exc_TypeError, "arguments 1-3 must be sequences");
            goto done;
        }
        if (!(lists[i] = gp_list_from_iterable(args[i])))
            goto done;
        count += (size_t)GP_LIST_SIZE(lists[i]);
    }
    fds = gp_mem_calloc(count ? count : 1, sizeof *fds);
    if (!fds) {
        gp_err_no_memory();
        goto done;
    }
    size_t k = 0;
    for (int i = 0; i < 3; i++) {
        for (intptr_t j = 0; j < GP_LIST_SIZE(lists[i]); j++, k++) {
            int fd = gp_object_as_fd(GP_LIST_GET(lists[i], j));
            if (fd < 0)
                goto done;
            fds[k].fd = fd;
            fds[k].events = events_of[i];
        }
    }
    if (select_wait(fds, count, timeout_ms) < 0)
        goto done;
    k = 0;
    for (int i = 0; i < 3; i++) {
        if (!(ready[i] = gp_list_new(0)))
            goto done;
        for (intptr_t j = 0; j < GP_LIST_SIZE(lists[i]); j++, k++) {
            short got = fds[k].revents;
            if (got & POLLNVAL) {
                gp_err_set_from_errno(EBADF, NULL);
                goto done;
            }
            bool hit = i == 2 ? (got & POLLPRI) != 0
                              : (got & (events_of[i] | POLLHUP | POLLERR)) != 0;
            if (hit && gp_list_append(ready[i], GP_LIST_GET(lists[i], j)) < 0)
                goto done;
        }
    }
    result = gp_tuple_pack(3, ready[0], ready[1], ready[2]);
done:
    for (int i = 0; i < 3; i++) {
        GP_XDECREF(lists[i]);
        GP_XDECREF(ready[i]);
    }
    gp_mem_free(fds);
    return result;
}

/* ------------------------------------------------------------------ */
/* poll objects                                                         */
/* ------------------------------------------------------------------ */

typedef struct select_poll {
    gp_object_t base;
    gp_object_t *fds; /* dict: fd -> event mask */
    bool polling;     /* poll() is running in some thread */
} select_poll_t;

#define POLL(o) ((select_poll_t *)(o))

static gp_type_t select_poll_type;

static int select_mask_arg(gp_object_t *o, short *mask)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    int overflow;
    int64_t v = gp_int_as_i64_overflow(o, &overflow);
    if (overflow || v < 0 || v > 0xffff) {
        gp_err_set_string(&gp_exc_OverflowError, v < 0 && !overflow
                                                      ? "can't convert negative int to unsigned"
                                                      : "Python int too large for C unsigned short");
        return -1;
    }
    *mask = (short)v;
    return 0;
}

static gp_object_t *poll_register(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    short mask = POLLIN | POLLPRI | POLLOUT;
    if (gp_args_check("register", nargs, kwnames, 1, 2) < 0)
        return NULL;
    int fd = gp_object_as_fd(args[0]);
    if (fd < 0 || (nargs == 2 && select_mask_arg(args[1], &mask) < 0))
        return NULL;
    if (gp_dict_setitem(POLL(self)->fds, GP_SMALL_NEW(fd), GP_SMALL_NEW((unsigned short)mask)) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *poll_modify(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    short mask;
    if (gp_args_check("modify", nargs, kwnames, 2, 2) < 0)
        return NULL;
    int fd = gp_object_as_fd(args[0]);
    if (fd < 0 || select_mask_arg(args[1], &mask) < 0)
        return NULL;
    int has = gp_dict_contains(POLL(self)->fds, GP_SMALL_NEW(fd));
    if (has < 0)
        return NULL;
    if (!has) {
        gp_err_set_from_errno(ENOENT, NULL);
        return NULL;
    }
    if (gp_dict_setitem(POLL(self)->fds, GP_SMALL_NEW(fd), GP_SMALL_NEW((unsigned short)mask)) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *poll_unregister(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("unregister", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int fd = gp_object_as_fd(args[0]);
    if (fd < 0 || gp_dict_delitem(POLL(self)->fds, GP_SMALL_NEW(fd)) < 0)
        return NULL;
    return gp_none_new();
}

/* poll([timeout]): timeout in milliseconds (None or negative: forever). */
static gp_object_t *poll_poll(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    select_poll_t *p = POLL(self);
    if (gp_args_check("poll", nargs, kwnames, 0, 1) < 0)
        return NULL;
    int64_t timeout_ms = -1;
    if (nargs == 1 && args[0] != gp_None) {
        double ms;
        if (gp_float_check(args[0]))
            ms = gp_float_value(args[0]);
        else if (gp_int_check(args[0]))
            ms = gp_int_as_double(args[0]);
        else {
            gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          args[0]);
            return NULL;
        }
        if (gp_err_occurred())
            return NULL;
        timeout_ms = ms < 0 ? -1 : (int64_t)ceil(ms);
    }
    if (p->polling) {
        gp_err_set_string(&gp_exc_RuntimeError, "concurrent poll() invocation");
        return NULL;
    }
    intptr_t count = gp_dict_size(p->fds);
    struct pollfd *fds = gp_mem_calloc(count ? (size_t)count : 1, sizeof *fds);
    if (!fds) {
        gp_err_no_memory();
        return NULL;
    }
    intptr_t pos = 0, k = 0;
    gp_object_t *key, *value;
    while (gp_dict_next(p->fds, &pos, &key, &value)) {
        fds[k].fd = (int)GP_SMALL_VALUE(key);
        fds[k].events = (short)GP_SMALL_VALUE(value);
        k++;
    }
    p->polling = true;
    gp_object_t *self_ref = GP_INCREF(self);
    int n = select_wait(fds, (size_t)count, timeout_ms);
    p->polling = false;
    gp_object_t *result = NULL;
    if (n >= 0 && (result = gp_list_new(0))) {
        for (intptr_t i = 0; i < count; i++) {
            if (!fds[i].revents)
                continue;
            gp_object_t *item = gp_tuple_pack(2, GP_SMALL_NEW(fds[i].fd),
                                              GP_SMALL_NEW((unsigned short)fds[i].revents));
            if (!item || gp_list_append(result, item) < 0) {
                GP_XDECREF(item);
                GP_CLEAR(result);
                break;
            }
            GP_DECREF(item);
        }
    }
    GP_DECREF(self_ref);
    gp_mem_free(fds);
    return result;
}

static void poll_dealloc(gp_object_t *self)
{
    GP_XDECREF(POLL(self)->fds);
    gp_object_free(self);
}

static const gp_method_def_t poll_methods[] = {
    {"register", poll_register, 0, "Register a file descriptor with the polling object."},
    {"modify", poll_modify, 0, "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, 0, "Remove a file descriptor being tracked by the polling object."},
    {"poll", poll_poll, 0, "Polls the set of registered file descriptors."},
    {NULL},
};

static gp_type_t select_poll_type = {
    GP_TYPE_HEAD_INIT,
    .name = "select.poll",
    .basicsize = sizeof(select_poll_t),
    .dealloc = poll_dealloc,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .methods = poll_methods,
};

static gp_object_t *select_poll(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("poll", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *p = gp_object_alloc(&select_poll_type, 0);
    if (!p)
        return NULL;
    if (!(POLL(p)->fds = gp_dict_new())) {
        GP_DECREF(p);
        return NULL;
    }
    return p;
}

static const gp_method_def_t select_functions[] = {
    {"select", select_select, 0,
     "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, 0, "Returns a polling object."},
    {NULL},
};

gp_object_t *gp_select_module_create(void)
{
    if (!(select_poll_type.flags & GP_TYPE_FLAG_READY) && gp_type_ready(&select_poll_type) < 0)
        return NULL;
    gp_object_t *module = gp_module_new("select");
    if (!module)
        return NULL;
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"POLLIN", POLLIN},     {"POLLPRI", POLLPRI},       {"POLLOUT", POLLOUT},
        {"POLLERR", POLLERR},   {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},
        {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM},
        {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG},   {"POLLRDHUP", POLLRDHUP},
        {NULL, 0},
    };
    if (gp_module_add_functions(module, select_functions) < 0 ||
        gp_module_add_object(module, "error", (gp_object_t *)&gp_exc_OSError) < 0)
        goto fail;
    for (int i = 0; constants[i].name; i++)
        if (gp_module_add_int(module, constants[i].name, constants[i].value) < 0)
            goto fail;
    return module;
fail:
    GP_DECREF(module);
    return NULL;
}
