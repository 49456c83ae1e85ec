/*
 * io.c - the `io` module: open(), the abstract stream bases, and the
 * blocking system calls every file object goes through.
 *
 * Design notes
 * ------------
 * Layers. As in CPython, open() stacks three objects: a FileIO owns the
 * descriptor (io_file.c), a BufferedReader/Writer/Random batches the system
 * calls (io_buffered.c), and a TextIOWrapper decodes, encodes and translates
 * newlines (io_text.c). Each layer keeps a reference to the one below and
 * calls straight into its C functions when the layer is the C type it knows,
 * so reading lines of a file costs no Python-level method calls.
 *
 * Blocking calls and the GIL. Every system call that may block (open, read,
 * write, close, fstat, ftruncate) is made through libuv's synchronous fs API
 * (uv_fs_* with a NULL callback) with the GIL released. A synchronous
 * request runs in the calling thread and never touches its loop: libuv only
 * stores the loop pointer in the request. So one process-wide loop struct,
 * never initialised and never run, serves every thread (gp_io_uv_loop()); a
 * real loop per thread would cost an epoll descriptor per thread for
 * nothing. While the GIL is released no Python object is touched: data goes
 * through C buffers that belong to the stream, and a stream marks itself
 * busy so that a second thread using the same object waits its turn instead
 * of racing on the buffer (gp_io_wait_idle).
 *
 * EINTR. A read or write interrupted by a signal runs the eval breaker
 * (Ctrl-C becomes KeyboardInterrupt there) and is retried otherwise, as
 * PEP 475 asks.
 *
 * Errors are CPython's: OSError subclasses chosen by errno with the file
 * name, ValueError "I/O operation on closed file.", io.UnsupportedOperation
 * (both an OSError and a ValueError) for a read on a write-only stream.
 */
#include "mod/io.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>

#include "mod/io_internal.h"
#include "runtime/runtime.h"

gp_type_t *gp_io_unsupported_type;

/* Synchronous requests only record this pointer (see the design notes). */
static uv_loop_t io_sync_loop;

struct uv_loop_s *gp_io_uv_loop(void)
{
    return &io_sync_loop;
}

/* ------------------------------------------------------------------ */
/* Errors and small helpers                                             */
/* ------------------------------------------------------------------ */

gp_object_t *gp_io_unsupported(const char *msg)
{
    gp_err_set_string(gp_io_unsupported_type ? gp_io_unsupported_type : &gp_exc_OSError, msg);
    return NULL;
}

gp_object_t *gp_io_closed_error(void)
{
    gp_err_set_string(&gp_exc_ValueError, "I/O operation on closed file.");
    return NULL;
}

int gp_io_size_arg(gp_object_t *o, intptr_t *out)
{
    if (o == NULL || o == gp_None) {
        *out = -1;
        return 0;
    }
    if (!gp_int_check(o) && GP_TYPE(o)->to_index == NULL) {
        gp_err_format(&gp_exc_TypeError, "argument should be integer or None, not '%T'", o);
        return -1;
    }
    intptr_t n = gp_number_as_ssize(o, &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return -1;
    *out = n < 0 ? -1 : n;
    return 0;
}

/* After EINTR: runs pending signal handlers. -1 if one raised. */
static int io_after_eintr(void)
{
    if (atomic_load(&gp_runtime()->eval_breaker))
        return gp_runtime_handle_breaker();
    return 0;
}

void gp_io_wait_idle(const volatile bool *busy)
{
    while (*busy) {
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
        struct timespec pause = {0, 100000};
        nanosleep(&pause, NULL);
        gp_gil_acquire_after_blocking(ts);
    }
}

/* ------------------------------------------------------------------ */
/* Blocking system calls through libuv                                  */
/* ------------------------------------------------------------------ */

int64_t gp_io_fd_read(int fd, char *buf, size_t len)
{
    for (;;) {
        uv_fs_t req;
        uv_buf_t b = uv_buf_init(buf, (unsigned int)(len > 0x7ffff000u ? 0x7ffff000u : len));
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
        int64_t n = uv_fs_read(&io_sync_loop, &req, fd, &b, 1, -1, NULL);
        uv_fs_req_cleanup(&req);
        gp_gil_acquire_after_blocking(ts);
        if (n >= 0)
            return n;
        if (n != UV_EINTR) {
            gp_err_set_from_errno((int)-n, NULL);
            return -1;
        }
        if (io_after_eintr() < 0)
            return -1;
    }
}

int64_t gp_io_fd_write(int fd, const char *buf, size_t len)
{
    for (;;) {
        uv_fs_t req;
        uv_buf_t b = uv_buf_init((char *)buf, (unsigned int)(len > 0x7ffff000u ? 0x7ffff000u : len));
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
        int64_t n = uv_fs_write(&io_sync_loop, &req, fd, &b, 1, -1, NULL);
        uv_fs_req_cleanup(&req);
        gp_gil_acquire_after_blocking(ts);
        if (n >= 0)
            return n;
        if (n != UV_EINTR) {
            gp_err_set_from_errno((int)-n, NULL);
            return -1;
        }
        if (io_after_eintr() < 0)
            return -1;
    }
}

int gp_io_fd_write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        int64_t n = gp_io_fd_write(fd, buf, len);
        if (n < 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

int gp_io_fd_close(int fd)
{
    uv_fs_t req;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
    int rc = uv_fs_close(&io_sync_loop, &req, fd, NULL);
    uv_fs_req_cleanup(&req);
    gp_gil_acquire_after_blocking(ts);
    /* After EINTR the descriptor is gone on Linux: never close it twice. */
    if (rc < 0 && rc != UV_EINTR) {
        gp_err_set_from_errno(-rc, NULL);
        return -1;
    }
    return 0;
}

int64_t gp_io_fd_seek(int fd, int64_t offset, int whence)
{
    /* lseek never blocks, and libuv has no request for it. */
    off_t pos = lseek(fd, (off_t)offset, whence);
    if (pos < 0) {
        gp_err_set_from_errno(errno, NULL);
        return -1;
    }
    return (int64_t)pos;
}

int gp_io_fd_truncate(int fd, int64_t size)
{
    uv_fs_t req;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
    int rc = uv_fs_ftruncate(&io_sync_loop, &req, fd, size, NULL);
    uv_fs_req_cleanup(&req);
    gp_gil_acquire_after_blocking(ts);
    if (rc < 0) {
        gp_err_set_from_errno(-rc, NULL);
        return -1;
    }
    return 0;
}

int gp_io_fd_open(const char *path, int flags, int mode, gp_object_t *name_obj)
{
    for (;;) {
        uv_fs_t req;
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
        int fd = uv_fs_open(&io_sync_loop, &req, path, flags, mode, NULL);
        uv_fs_req_cleanup(&req);
        gp_gil_acquire_after_blocking(ts);
        if (fd >= 0)
            return fd;
        if (fd != UV_EINTR) {
            gp_err_set_from_errno(-fd, name_obj);
            return -1;
        }
        if (io_after_eintr() < 0)
            return -1;
    }
}

int gp_io_fd_stat(int fd, uint64_t *mode, uint64_t *blksize)
{
    uv_fs_t req;
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
    int rc = uv_fs_fstat(&io_sync_loop, &req, fd, NULL);
    uint64_t m = req.statbuf.st_mode, bs = req.statbuf.st_blksize;
    uv_fs_req_cleanup(&req);
    gp_gil_acquire_after_blocking(ts);
    if (rc < 0) {
        gp_err_set_from_errno(-rc, NULL);
        return -1;
    }
    *mode = m;
    *blksize = bs;
    return 0;
}

/* ------------------------------------------------------------------ */
/* The abstract bases: IOBase, RawIOBase, BufferedIOBase, TextIOBase     */
/* ------------------------------------------------------------------ */

/* Python subclasses of IOBase keep their closed flag in the instance dict
   under CPython's name, so a subclass written for CPython behaves alike. */
static int iobase_is_closed(gp_object_t *self)
{
    gp_object_t *closed = gp_object_getattr_cstr(self, "closed");
    if (!closed)
        return -1;
    int r = gp_object_is_true(closed);
    GP_DECREF(closed);
    return r;
}

static int iobase_check_open(gp_object_t *self)
{
    int closed = iobase_is_closed(self);
    if (closed < 0)
        return -1;
    if (closed) {
        gp_io_closed_error();
        return -1;
    }
    return 0;
}

static gp_object_t *iobase_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return gp_object_alloc(type, 0);
}

static gp_object_t *iobase_get_closed(gp_object_t *self, void *closure)
{
    gp_object_t **dict = gp_object_dict_ptr(self);
    if (dict && *dict) {
        gp_object_t *v = gp_dict_getitem_cstr(*dict, "__IOBase_closed");
        if (v)
            return GP_INCREF(v);
    }
    return gp_bool_from(false);
}

static gp_object_t *iobase_flush(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("flush", nargs, kwnames, 0, 0) < 0 || iobase_check_open(self) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *iobase_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    int closed = iobase_is_closed(self);
    if (closed < 0)
        return NULL;
    if (closed)
        return gp_none_new();
    gp_object_t *r = gp_object_call_method(self, "flush", NULL, 0);
    gp_object_t **dict = gp_object_dict_ptr(self);
    if (dict) {
        if (!*dict && !(*dict = gp_dict_new())) {
            GP_XDECREF(r);
            return NULL;
        }
        if (gp_dict_setitem_cstr(*dict, "__IOBase_closed", gp_True) < 0) {
            GP_XDECREF(r);
            return NULL;
        }
    }
    if (!r)
        return NULL;
    GP_DECREF(r);
    return gp_none_new();
}

static gp_object_t *iobase_false(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("readable", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(false);
}

static gp_object_t *iobase_isatty(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("isatty", nargs, kwnames, 0, 0) < 0 || iobase_check_open(self) < 0)
        return NULL;
    return gp_bool_from(false);
}

static gp_object_t *iobase_fileno(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return gp_io_unsupported("fileno");
}

static gp_object_t *iobase_seek(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return gp_io_unsupported("seek");
}

static gp_object_t *iobase_truncate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return gp_io_unsupported("truncate");
}

static gp_object_t *iobase_tell(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gp_object_t *zero = GP_SMALL_NEW(0), *one = GP_SMALL_NEW(1);
    gp_object_t *a[2] = {zero, one};
    return gp_object_call_method(self, "seek", a, 2);
}

static gp_object_t *iobase_enter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (iobase_check_open(self) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *iobase_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return gp_object_call_method(self, "close", NULL, 0);
}

/* The finalizer classes written in Python inherit (CPython's IOBase has it
   too): a subclass's own close() runs when the object dies unclosed, so a
   flush it does there is not lost. Builtin io types close in their dealloc
   and are never finalized through here (only classes defined in Python get
   a __del__ call). Errors are dropped, as CPython drops them outside its
   development mode. */
static gp_object_t *iobase_del(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    gp_object_t *closed = gp_object_getattr_cstr(self, "closed");
    int is_closed = closed ? gp_object_is_true(closed) : -1;
    GP_XDECREF(closed);
    if (is_closed == 0) {
        gp_object_t *r = gp_object_call_method(self, "close", NULL, 0);
        GP_XDECREF(r);
    }
    gp_err_clear();
    return gp_none_new();
}

static gp_object_t *iobase_readlines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    intptr_t hint = -1;
    if (gp_args_check("readlines", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &hint) < 0)
        return NULL;
    gp_object_t *list = gp_list_new(0);
    gp_object_t *it = list ? gp_object_iter(self) : NULL;
    if (!it) {
        GP_XDECREF(list);
        return NULL;
    }
    intptr_t total = 0;
    gp_object_t *line;
    while ((line = gp_iter_next(it)) != NULL) {
        int rc = gp_list_append(list, line);
        intptr_t n = rc < 0 ? -1 : gp_object_len(line);
        GP_DECREF(line);
        if (rc < 0 || n < 0)
            goto fail;
        total += n;
        if (hint > 0 && total >= hint)
            break;
    }
    if (gp_err_occurred())
        goto fail;
    GP_DECREF(it);
    return list;
fail:
    GP_DECREF(it);
    GP_DECREF(list);
    return NULL;
}

static gp_object_t *iobase_writelines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("writelines", nargs, kwnames, 1, 1) < 0 || iobase_check_open(self) < 0)
        return NULL;
    gp_object_t *it = gp_object_iter(args[0]);
    if (!it)
        return NULL;
    gp_object_t *line;
    while ((line = gp_iter_next(it)) != NULL) {
        gp_object_t *r = gp_object_call_method(self, "write", &line, 1);
        GP_DECREF(line);
        if (!r) {
            GP_DECREF(it);
            return NULL;
        }
        GP_DECREF(r);
    }
    GP_DECREF(it);
    if (gp_err_occurred())
        return NULL;
    return gp_none_new();
}

static gp_object_t *iobase_iter(gp_object_t *self)
{
    if (iobase_check_open(self) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *iobase_iternext(gp_object_t *self)
{
    gp_object_t *line = gp_object_call_method(self, "readline", NULL, 0);
    if (!line)
        return NULL;
    intptr_t n = gp_object_len(line);
    if (n <= 0) {
        GP_DECREF(line);
        return NULL;
    }
    return line;
}

static gp_object_t *iobase_readline(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    /* The generic readline of a binary stream: one byte at a time through read(1). */
    intptr_t limit = -1;
    if (gp_args_check("readline", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &limit) < 0)
        return NULL;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_object_t *one = GP_SMALL_NEW(1);
    while (limit < 0 || (intptr_t)b.len < limit) {
        gp_object_t *chunk = gp_object_call_method(self, "read", &one, 1);
        if (!chunk) {
            gp_strbuf_discard(&b);
            return NULL;
        }
        const char *d = gp_bytes_data(chunk);
        size_t n = gp_bytes_len(chunk);
        if (!d || n == 0) {
            GP_DECREF(chunk);
            break;
        }
        gp_strbuf_append(&b, d, n);
        GP_DECREF(chunk);
        if (d[n - 1] == '\n')
            break;
    }
    gp_object_t *r = b.failed ? (gp_err_no_memory(), NULL) : gp_bytes_new(b.data, b.len);
    gp_strbuf_discard(&b);
    return r;
}

static const gp_method_def_t iobase_methods[] = {
    {"flush", iobase_flush, 0, "Flush write buffers, if applicable."},
    {"close", iobase_close, 0, "Flush and close the IO object."},
    {"readable", iobase_false, 0, "Return whether object was opened for reading."},
    {"writable", iobase_false, 0, "Return whether object was opened for writing."},
    {"seekable", iobase_false, 0, "Return whether object supports random access."},
    {"isatty", iobase_isatty, 0, "Return whether this is an 'interactive' stream."},
    {"fileno", iobase_fileno, 0, "Return underlying file descriptor if one exists."},
    {"seek", iobase_seek, 0, "Change the stream position."},
    {"tell", iobase_tell, 0, "Return current stream position."},
    {"truncate", iobase_truncate, 0, "Truncate file to size bytes."},
    {"readline", iobase_readline, 0, "Read and return a line from the stream."},
    {"readlines", iobase_readlines, 0, "Return a list of lines from the stream."},
    {"writelines", iobase_writelines, 0, "Write a list of lines to stream."},
    {"__enter__", iobase_enter, 0, NULL},
    {"__exit__", iobase_exit, 0, NULL},
    {"__del__", iobase_del, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t iobase_getsets[] = {
    {"closed", iobase_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_io_iobase_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io._IOBase",
    .basicsize = sizeof(gp_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .new_ = iobase_new,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .iter = iobase_iter,
    .iternext = iobase_iternext,
    .methods = iobase_methods,
    .getsets = iobase_getsets,
    .doc = "The abstract base class for all I/O classes.",
};

/* RawIOBase.read(n) in terms of readinto is not provided: every raw stream
   gilpy has implements read itself. The bases exist for isinstance() and
   for Python subclasses. */
gp_type_t gp_io_rawiobase_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io._RawIOBase",
    .basicsize = sizeof(gp_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .base_type = &gp_io_iobase_type,
    .new_ = iobase_new,
    .doc = "Base class for raw binary I/O.",
};

gp_type_t gp_io_bufferediobase_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io._BufferedIOBase",
    .basicsize = sizeof(gp_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .base_type = &gp_io_iobase_type,
    .new_ = iobase_new,
    .doc = "Base class for buffered IO objects.",
};

gp_type_t gp_io_textiobase_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io._TextIOBase",
    .basicsize = sizeof(gp_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .base_type = &gp_io_iobase_type,
    .new_ = iobase_new,
    .doc = "Base class for text I/O.",
};

/* ------------------------------------------------------------------ */
/* open()                                                               */
/* ------------------------------------------------------------------ */

/* The parsed mode string. */
typedef struct io_mode {
    bool creating, reading, writing, appending, updating, text, binary;
} io_mode_t;

static int io_mode_parse(gp_object_t *mode_obj, io_mode_t *m)
{
    memset(m, 0, sizeof *m);
    const char *mode = gp_str_utf8(mode_obj);
    unsigned seen = 0;
    for (const char *p = mode; *p; p++) {
        const char *valid = "xrwab+t";
        const char *at = strchr(valid, *p);
        if (!at || (seen & (1u << (at - valid))))
            goto invalid;
        seen |= 1u << (at - valid);
        switch (*p) {
        case 'x': m->creating = true; break;
        case 'r': m->reading = true; break;
        case 'w': m->writing = true; break;
        case 'a': m->appending = true; break;
        case '+': m->updating = true; break;
        case 't': m->text = true; break;
        case 'b': m->binary = true; break;
        }
    }
    if (strlen(mode) != gp_str_utf8_len(mode_obj))
        goto invalid;
    if (m->text && m->binary) {
        gp_err_set_string(&gp_exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    int primary = m->creating + m->reading + m->writing + m->appending;
    if (primary > 1) {
        gp_err_set_string(&gp_exc_ValueError,
                          "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (primary == 0) {
        /* CPython lets FileIO refuse the empty raw mode, in FileIO's words. */
        gp_err_set_string(&gp_exc_ValueError, "Must have exactly one of create/read/write/append "
                                              "mode and at most one plus");
        return -1;
    }
    return 0;
invalid:
    gp_err_format(&gp_exc_ValueError, "invalid mode: %R", mode_obj);
    return -1;
}

/* Checks the type of an optional str argument of open(). */
static int io_open_str_arg(const char *what, gp_object_t *o)
{
    if (o && o != gp_None && !gp_str_check(o)) {
        gp_err_format(&gp_exc_TypeError, "open() argument '%s' must be str or None, not %T", what,
                      o);
        return -1;
    }
    return 0;
}

static gp_object_t *io_open_impl(gp_object_t *file, gp_object_t *mode_obj, intptr_t buffering,
                                 gp_object_t *encoding, gp_object_t *errors, gp_object_t *newline,
                                 bool closefd)
{
    io_mode_t m;
    if (io_mode_parse(mode_obj, &m) < 0)
        return NULL;
    if (m.binary && encoding && encoding != gp_None) {
        gp_err_set_string(&gp_exc_ValueError, "binary mode doesn't take an encoding argument");
        return NULL;
    }
    if (m.binary && errors && errors != gp_None) {
        gp_err_set_string(&gp_exc_ValueError, "binary mode doesn't take an errors argument");
        return NULL;
    }
    if (m.binary && newline && newline != gp_None) {
        gp_err_set_string(&gp_exc_ValueError, "binary mode doesn't take a newline argument");
        return NULL;
    }
    char rawmode[4];
    size_t k = 0;
    rawmode[k++] = m.creating ? 'x' : m.reading ? 'r' : m.writing ? 'w' : 'a';
    if (m.updating)
        rawmode[k++] = '+';
    rawmode[k] = '\0';

    gp_object_t *raw = gp_io_file_open(file, rawmode, closefd);
    if (!raw)
        return NULL;
    gp_io_file_t *f = (gp_io_file_t *)raw;
    bool line_buffering = false;
    if (buffering == 1 || (buffering < 0 && gp_io_file_isatty(f))) {
        buffering = -1;
        line_buffering = true;
    }
    if (buffering < 0)
        buffering = GP_IO_FILE_BUFFER_SIZE;
    if (buffering == 0) {
        if (m.binary)
            return raw;
        GP_DECREF(raw);
        gp_err_set_string(&gp_exc_ValueError, "can't have unbuffered text I/O");
        return NULL;
    }
    gp_type_t *btype = m.updating ? &gp_io_bufferedrandom_type
                       : m.reading ? &gp_io_bufferedreader_type
                                   : &gp_io_bufferedwriter_type;
    gp_object_t *buffer = gp_io_buffered_new(btype, raw, buffering);
    GP_DECREF(raw);
    if (!buffer || m.binary)
        return buffer;
    gp_object_t *text = gp_io_text_new(buffer, encoding, errors, newline, line_buffering);
    if (!text) {
        /* Do not leak the descriptor: close the file we just opened. */
        gp_object_t *exc = gp_err_fetch();
        gp_io_buffered_close((gp_io_buffered_t *)buffer);
        gp_err_clear();
        gp_err_restore(exc);
        GP_DECREF(buffer);
        return NULL;
    }
    GP_DECREF(buffer);
    gp_object_t *mode_attr = gp_str_from_utf8(gp_str_utf8(mode_obj), gp_str_utf8_len(mode_obj));
    if (!mode_attr || gp_object_setattr_cstr(text, "mode", mode_attr) < 0) {
        GP_XDECREF(mode_attr);
        GP_DECREF(text);
        return NULL;
    }
    GP_DECREF(mode_attr);
    return text;
}

static gp_object_t *io_open(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    static const char *const names[] = {"file",    "mode",    "buffering", "encoding",
                                        "errors",  "newline", "closefd",   "opener", NULL};
    gp_object_t *v[8];
    /* The builtin open() may run before anything imported io. */
    if (!gp_io_unsupported_type && gp_io_types_init() < 0)
        return NULL;
    if (gp_args_parse("open", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    gp_object_t *mode = v[1];
    if (mode && !gp_str_check(mode)) {
        gp_err_format(&gp_exc_TypeError, "open() argument 'mode' must be str, not %T", mode);
        return NULL;
    }
    intptr_t buffering = -1;
    if (v[2]) {
        if (!gp_int_check(v[2])) {
            gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          v[2]);
            return NULL;
        }
        buffering = gp_number_as_ssize(v[2], &gp_exc_OverflowError);
        if (buffering == -1 && gp_err_occurred())
            return NULL;
    }
    if (io_open_str_arg("encoding", v[3]) < 0 || io_open_str_arg("errors", v[4]) < 0 ||
        io_open_str_arg("newline", v[5]) < 0)
        return NULL;
    bool closefd = true;
    if (v[6]) {
        int t = gp_object_is_true(v[6]);
        if (t < 0)
            return NULL;
        closefd = t != 0;
    }
    if (v[7] && v[7] != gp_None) {
        gp_err_set_string(&gp_exc_NotImplementedError, "open(): opener is not supported");
        return NULL;
    }
    gp_object_t *default_mode = NULL;
    if (!mode) {
        default_mode = gp_str_from_cstr("r");
        if (!default_mode)
            return NULL;
        mode = default_mode;
    }
    gp_object_t *r = io_open_impl(v[0], mode, buffering, v[3], v[4], v[5], closefd);
    GP_XDECREF(default_mode);
    return r;
}

const gp_method_def_t gp_io_open_def = {
    "open", io_open, GP_METH_KEYWORDS,
    "Open file and return a stream.  Raise OSError upon failure.",
};

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

/* io.UnsupportedOperation is made by a class statement's machinery, since
   it has two bases (OSError and ValueError), which a static type cannot. */
static int io_make_unsupported(void)
{
    if (gp_io_unsupported_type)
        return 0;
    gp_object_t *bases =
        gp_tuple_pack(2, (gp_object_t *)&gp_exc_OSError, (gp_object_t *)&gp_exc_ValueError);
    gp_object_t *type =
        bases ? gp_type_new_simple_class("io", "UnsupportedOperation", bases) : NULL;
    GP_XDECREF(bases);
    if (!type)
        return -1;
    /* Kept for the life of the process: C code raises it. */
    gp_io_unsupported_type = (gp_type_t *)type;
    return 0;
}

int gp_io_types_init(void)
{
    gp_type_t *types[] = {
        &gp_io_iobase_type,         &gp_io_rawiobase_type,      &gp_io_bufferediobase_type,
        &gp_io_textiobase_type,     &gp_io_fileio_type,         &gp_io_bufferedreader_type,
        &gp_io_bufferedwriter_type, &gp_io_bufferedrandom_type, &gp_io_textiowrapper_type,
        &gp_io_stringio_type,       &gp_io_bytesio_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!(types[i]->flags & GP_TYPE_FLAG_READY) && gp_type_ready(types[i]) < 0)
            return -1;
    return io_make_unsupported();
}

static const gp_method_def_t io_functions[] = {
    {"open", io_open, GP_METH_KEYWORDS, "Open file and return a stream."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_io_module_create(void)
{
    if (gp_io_types_init() < 0)
        return NULL;
    gp_object_t *module = gp_module_new("io");
    if (!module)
        return NULL;
    struct {
        const char *name;
        gp_type_t *type;
    } exported[] = {
        {"IOBase", &gp_io_iobase_type},
        {"RawIOBase", &gp_io_rawiobase_type},
        {"BufferedIOBase", &gp_io_bufferediobase_type},
        {"TextIOBase", &gp_io_textiobase_type},
        {"FileIO", &gp_io_fileio_type},
        {"BufferedReader", &gp_io_bufferedreader_type},
        {"BufferedWriter", &gp_io_bufferedwriter_type},
        {"BufferedRandom", &gp_io_bufferedrandom_type},
        {"TextIOWrapper", &gp_io_textiowrapper_type},
        {"StringIO", &gp_io_stringio_type},
        {"BytesIO", &gp_io_bytesio_type},
        {"UnsupportedOperation", gp_io_unsupported_type},
    };
    if (gp_module_add_functions(module, io_functions) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof exported / sizeof exported[0]; i++)
        if (gp_module_add_object(module, exported[i].name, (gp_object_t *)exported[i].type) < 0)
            goto fail;
    if (gp_module_add_int(module, "DEFAULT_BUFFER_SIZE", GP_IO_DEFAULT_BUFFER_SIZE) < 0 ||
        gp_module_add_int(module, "SEEK_SET", SEEK_SET) < 0 ||
        gp_module_add_int(module, "SEEK_CUR", SEEK_CUR) < 0 ||
        gp_module_add_int(module, "SEEK_END", SEEK_END) < 0)
        goto fail;
    return module;
fail:
    GP_DECREF(module);
    return NULL;
}
