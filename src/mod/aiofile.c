/*
 * aiofile.c - the `_gpfs` module: file requests for coroutines, served by
 * libuv's threadpool on the asyncio loop's own uv_loop_t.
 *
 * Design notes
 * ------------
 * CPython has no awaitable file I/O; gilpy's is lib/gilpy/aio.py, a small
 * Pythonic layer over this module. Each function here starts one request
 * and returns at once; the request ends by resolving an asyncio future the
 * caller created with loop.create_future():
 *
 *     fut = loop.create_future()
 *     _gpfs.read_file(loop._core, fut, b'/etc/hostname')
 *     data = await fut
 *
 * The thread/loop rule (the same everywhere in gilpy): a libuv loop is
 * driven only by its own thread, and a libuv callback never touches a
 * Python object. So a request lives in three places:
 *
 *   1. submit (loop thread, GIL held): Python arguments are copied into a
 *      C job (paths and data become C buffers; the job keeps references
 *      to the future, to the loop core and to the path object for error
 *      messages) and a uv_fs_t or uv_work_t is queued on the loop.
 *   2. the libuv callback (loop thread, no GIL, inside the loop's poll):
 *      only C fields change. A short read or write queues the next
 *      request of the same job; when the job is finished the callback
 *      hands it to gp_uvloop_complete().
 *   3. job_complete_run (loop thread, GIL held, right after poll returns):
 *      the result becomes a Python object, the future gets it (unless it
 *      was cancelled meanwhile), and the job is freed.
 *
 * Requests and jobs. A call that is one system call (stat, close, fsync,
 * and read/write, which may need a few) is a chain of uv_fs_* requests.
 * A call that is several is one uv_work_t doing synchronous uv_fs_* calls
 * in the threadpool thread, so it costs one trip through the loop instead
 * of four or five: read_file and write_file (open, stat, read or write,
 * close) and open (open, then fstat to refuse a directory as open() does,
 * then a seek to the end in append mode).
 *
 * Cancellation. Cancelling the awaiting task cancels the future, never the
 * request: libuv owns the request's memory until its callback has fired.
 * The job therefore lives until step 3, which finds the future done and
 * drops the result. The one result that must not be dropped is a
 * descriptor: an open() whose future was cancelled closes the descriptor
 * it got, so cancelling thousands of opens leaks nothing.
 *
 * The threadpool. libuv's pool has 4 threads unless UV_THREADPOOL_SIZE says
 * otherwise when it first starts; a FIFO or a slow network file system
 * holds a pool thread for the whole wait, so four would serialise the
 * waits of a fifth coroutine. Creating this module raises the default to
 * 64 (an explicit UV_THREADPOOL_SIZE in the environment wins).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include "mod/io_internal.h"
#include "mod/posix_fs.h"
#include "mod/uvloop.h"
#include "obj/object.h"
#include "runtime/runtime.h"

/* The first read of a file whose size is unknown (a FIFO, /proc). */
#define AIO_CHUNK 65536
/* The largest single read or write handed to the kernel. */
#define AIO_IO_MAX 0x7ffff000u

typedef enum job_kind {
    JOB_READ_FILE,  /* path -> bytes (uv_work_t) */
    JOB_WRITE_FILE, /* path, data, flags -> bytes written (uv_work_t) */
    JOB_STAT,       /* path -> os.stat_result */
    JOB_OPEN,       /* path, flags, mode -> descriptor (uv_work_t) */
    JOB_READ,       /* fd, n -> up to n bytes (fewer only at end of file); n < 0: to EOF */
    JOB_WRITE,      /* fd, data -> bytes written (all of them) */
    JOB_CLOSE,      /* fd -> None */
    JOB_FSYNC,      /* fd -> None */
} job_kind_t;

typedef struct aio_job {
    gp_uv_completion_t completion; /* handed to gp_uvloop_complete() when finished */
    union {
        uv_fs_t fs;
        uv_work_t work;
    } req;
    uv_loop_t *uv;
    job_kind_t kind;

    /* Python side: touched only in submit and in job_complete_run (GIL held). */
    gp_object_t *core;   /* the loop core whose uv_loop_t runs the job */
    gp_object_t *future; /* resolved in job_complete_run */
    gp_object_t *name;   /* the path object for error messages, or NULL */

    /* C side: owned by whichever of the three steps is running. */
    char *path;
    int fd, flags, mode;
    bool follow_symlinks;
    bool read_to_eof;
    char *buf;       /* data read, or the copy of the data to write */
    size_t len;      /* bytes in buf (read: so far; write: to write) */
    size_t cap;      /* read: capacity of buf; the limit for a bounded read */
    size_t done;     /* write: bytes written so far */
    int64_t result;  /* >= 0 success (a descriptor for JOB_OPEN), else a negative uv errno */
    uv_stat_t st;
} aio_job_t;

#define JOB_OF_COMPLETION(c) ((aio_job_t *)((char *)(c) - offsetof(aio_job_t, completion)))

/* Jobs submitted and not yet completed, across every loop: _gpfs.pending(). */
static _Atomic long aio_pending;

static void job_fs_cb(uv_fs_t *req);

/* ------------------------------------------------------------------ */
/* Finishing a job (loop thread, GIL held)                              */
/* ------------------------------------------------------------------ */

static void job_free(aio_job_t *job)
{
    GP_XDECREF(job->core);
    GP_XDECREF(job->future);
    GP_XDECREF(job->name);
    gp_mem_free(job->path);
    gp_mem_free(job->buf);
    gp_mem_free(job);
}

/* The Python value of a successful job; NULL with an exception. */
static gp_object_t *job_value(aio_job_t *job)
{
    switch (job->kind) {
    case JOB_READ_FILE:
    case JOB_READ:
        return gp_bytes_new(job->buf ? job->buf : "", job->len);
    case JOB_WRITE_FILE:
    case JOB_WRITE:
        return gp_int_from_i64((int64_t)job->done);
    case JOB_STAT:
        return gp_posix_fs_stat_result(&job->st);
    case JOB_OPEN:
        return gp_int_from_i64(job->result);
    case JOB_CLOSE:
    case JOB_FSYNC:
        break;
    }
    return gp_none_new();
}

/* Is the future already done (cancelled, most likely)? 1/0, -1 on error. */
static int job_future_done(aio_job_t *job)
{
    gp_object_t *r = gp_object_call_method(job->future, "done", NULL, 0);
    if (!r)
        return -1;
    int done = gp_object_is_true(r);
    GP_DECREF(r);
    return done;
}

/* Gives the job's outcome to its future. 0, or -1 with an exception. */
static int job_resolve(aio_job_t *job)
{
    gp_object_t *value;
    const char *method;
    if (job->result < 0) {
        gp_err_set_from_errno((int)-job->result, job->name);
        value = gp_err_fetch();
        method = "set_exception";
    } else {
        value = job_value(job);
        if (!value)
            return -1;
        method = "set_result";
    }
    gp_object_t *r = gp_object_call_method(job->future, method, &value, 1);
    GP_DECREF(value);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static void job_complete_run(gp_uv_completion_t *completion)
{
    aio_job_t *job = JOB_OF_COMPLETION(completion);
    aio_pending--;
    int done = job_future_done(job);
    if (done == 0 && job_resolve(job) == 0) {
        job_free(job);
        return;
    }
    /* No Python frame is waiting here: report, as CPython reports an
       exception in a callback it cannot give to anyone. */
    if (gp_err_occurred())
        gp_uvloop_report_unraisable("gilpy.aio request completion");
    /* Nobody will receive the result: a descriptor must not leak. */
    if (job->kind == JOB_OPEN && job->result >= 0 && gp_io_fd_close((int)job->result) < 0)
        gp_err_clear();
    job_free(job);
}

/* Ends the job from a libuv callback (loop thread, no GIL). */
static void job_finish(aio_job_t *job)
{
    gp_uvloop_complete(job->uv, &job->completion);
}

/* ------------------------------------------------------------------ */
/* uv_fs_t chains (loop thread, no GIL)                                 */
/* ------------------------------------------------------------------ */

/* Makes room in a read buffer; false when out of memory. */
static bool job_grow(aio_job_t *job, size_t want)
{
    if (job->cap - job->len >= want)
        return true;
    size_t ncap = job->cap + (job->cap >> 1) + want;
    char *nb = gp_mem_realloc(job->buf, ncap);
    if (!nb)
        return false;
    job->buf = nb;
    job->cap = ncap;
    return true;
}

/* Queues the next read of a JOB_READ. 0 or a negative uv errno. */
static int job_submit_read(aio_job_t *job)
{
    size_t room;
    if (job->read_to_eof) {
        if (!job_grow(job, AIO_CHUNK))
            return UV_ENOMEM;
        room = job->cap - job->len;
    } else {
        room = job->cap - job->len;
    }
    if (room > AIO_IO_MAX)
        room = AIO_IO_MAX;
    uv_buf_t b = uv_buf_init(job->buf + job->len, (unsigned)room);
    return uv_fs_read(job->uv, &job->req.fs, job->fd, &b, 1, -1, job_fs_cb);
}

static int job_submit_write(aio_job_t *job)
{
    size_t left = job->len - job->done;
    uv_buf_t b = uv_buf_init(job->buf + job->done, (unsigned)(left > AIO_IO_MAX ? AIO_IO_MAX : left));
    return uv_fs_write(job->uv, &job->req.fs, job->fd, &b, 1, -1, job_fs_cb);
}

/* Starts the first request of a uv_fs_t job. 0 or a negative uv errno. */
static int job_submit_fs_request(aio_job_t *job)
{
    switch (job->kind) {
    case JOB_STAT:
        return job->follow_symlinks ? uv_fs_stat(job->uv, &job->req.fs, job->path, job_fs_cb)
                                    : uv_fs_lstat(job->uv, &job->req.fs, job->path, job_fs_cb);
    case JOB_READ:
        return job_submit_read(job);
    case JOB_WRITE:
        return job_submit_write(job);
    case JOB_CLOSE:
        return uv_fs_close(job->uv, &job->req.fs, job->fd, job_fs_cb);
    case JOB_FSYNC:
        return uv_fs_fsync(job->uv, &job->req.fs, job->fd, job_fs_cb);
    default:
        return UV_EINVAL;
    }
}

/* Every uv_fs_t of a job goes through here, so that the request always
   points back at its job (libuv calls job_fs_cb on this same thread, never
   before this returns). */
static int job_submit_fs(aio_job_t *job)
{
    int rc = job_submit_fs_request(job);
    job->req.fs.data = job;
    return rc;
}

static void job_fs_cb(uv_fs_t *req)
{
    aio_job_t *job = req->data;
    int64_t r = req->result;
    if (job->kind == JOB_STAT && r >= 0)
        job->st = req->statbuf;
    uv_fs_req_cleanup(req);

    if (r == UV_EINTR && job->kind != JOB_CLOSE) {
        /* Interrupted before anything happened: ask again. */
        int rc = job_submit_fs(job);
        if (rc == 0)
            return;
        r = rc;
    } else if (r >= 0 && job->kind == JOB_READ && r > 0) {
        job->len += (size_t)r;
        if (job->read_to_eof || job->len < job->cap) {
            int rc = job_submit_fs(job);
            if (rc == 0)
                return;
            r = rc;
        }
    } else if (r >= 0 && job->kind == JOB_WRITE) {
        job->done += (size_t)r;
        if (job->done < job->len && r > 0) {
            int rc = job_submit_fs(job);
            if (rc == 0)
                return;
            r = rc;
        }
    }
    /* A close interrupted by a signal has still closed the descriptor on
       Linux: report success, as os.close() does. */
    if (job->kind == JOB_CLOSE && r == UV_EINTR)
        r = 0;
    job->result = r < 0 ? r : 0;
    job_finish(job);
}

/* ------------------------------------------------------------------ */
/* Whole-file jobs (threadpool thread, no GIL)                          */
/* ------------------------------------------------------------------ */

/* The synchronous requests below only record this loop pointer. */
#define SYNC_LOOP ((uv_loop_t *)gp_io_uv_loop())

static int sync_open(const char *path, int flags, int mode)
{
    for (;;) {
        uv_fs_t req;
        int rc = uv_fs_open(SYNC_LOOP, &req, path, flags, mode, NULL);
        uv_fs_req_cleanup(&req);
        if (rc != UV_EINTR)
            return rc;
    }
}

static void sync_close(int fd)
{
    uv_fs_t req;
    uv_fs_close(SYNC_LOOP, &req, fd, NULL);
    uv_fs_req_cleanup(&req);
}

/* One read or write at the file position; retried after EINTR. */
static int64_t sync_io(int fd, char *buf, size_t len, bool write)
{
    for (;;) {
        uv_fs_t req;
        uv_buf_t b = uv_buf_init(buf, (unsigned)(len > AIO_IO_MAX ? AIO_IO_MAX : len));
        int64_t n = write ? uv_fs_write(SYNC_LOOP, &req, fd, &b, 1, -1, NULL)
                          : uv_fs_read(SYNC_LOOP, &req, fd, &b, 1, -1, NULL);
        uv_fs_req_cleanup(&req);
        if (n != UV_EINTR)
            return n;
    }
}

/* Reads all of job->path into job->buf. 0 or a negative uv errno. */
static int work_read_file(aio_job_t *job)
{
    int fd = sync_open(job->path, O_RDONLY | O_CLOEXEC, 0);
    if (fd < 0)
        return fd;
    int rc = 0;
    uv_fs_t req;
    size_t hint = AIO_CHUNK;
    if (uv_fs_fstat(SYNC_LOOP, &req, fd, NULL) == 0) {
        if (S_ISDIR(req.statbuf.st_mode))
            rc = UV_EISDIR;
        else if (S_ISREG(req.statbuf.st_mode))
            hint = (size_t)req.statbuf.st_size + 1; /* +1: the read that sees EOF */
    }
    uv_fs_req_cleanup(&req);
    while (rc == 0) {
        if (!job_grow(job, job->cap == 0 ? hint : AIO_CHUNK)) {
            rc = UV_ENOMEM;
            break;
        }
        int64_t n = sync_io(fd, job->buf + job->len, job->cap - job->len, false);
        if (n <= 0) {
            rc = (int)n;
            break;
        }
        job->len += (size_t)n;
    }
    sync_close(fd);
    return rc;
}

static int work_write_file(aio_job_t *job)
{
    int fd = sync_open(job->path, job->flags | O_CLOEXEC, 0666);
    if (fd < 0)
        return fd;
    int rc = 0;
    while (job->done < job->len) {
        int64_t n = sync_io(fd, job->buf + job->done, job->len - job->done, true);
        if (n < 0) {
            rc = (int)n;
            break;
        }
        job->done += (size_t)n;
    }
    uv_fs_t req;
    int crc = uv_fs_close(SYNC_LOOP, &req, fd, NULL);
    uv_fs_req_cleanup(&req);
    /* A failed close can be the first report of a failed write (NFS, full disk). */
    if (rc == 0 && crc < 0 && crc != UV_EINTR)
        rc = crc;
    return rc;
}

/* Opens job->path as FileIO does: a directory is refused with EISDIR even
   for reading, and append mode starts at the end. The descriptor or a
   negative uv errno. */
static int work_open(aio_job_t *job)
{
    int fd = sync_open(job->path, job->flags, job->mode);
    if (fd < 0)
        return fd;
    uv_fs_t req;
    int rc = uv_fs_fstat(SYNC_LOOP, &req, fd, NULL);
    if (rc == 0 && S_ISDIR(req.statbuf.st_mode))
        rc = UV_EISDIR;
    uv_fs_req_cleanup(&req);
    if (rc == 0 && (job->flags & O_APPEND) && lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE)
        rc = -errno;
    if (rc < 0) {
        sync_close(fd);
        return rc;
    }
    return fd;
}

static void job_work_cb(uv_work_t *work)
{
    aio_job_t *job = work->data;
    switch (job->kind) {
    case JOB_READ_FILE:
        job->result = work_read_file(job);
        break;
    case JOB_WRITE_FILE:
        job->result = work_write_file(job);
        break;
    default:
        job->result = work_open(job);
        break;
    }
}

static void job_after_work_cb(uv_work_t *work, int status)
{
    aio_job_t *job = work->data;
    if (status < 0)
        job->result = status;
    job_finish(job);
}

/* ------------------------------------------------------------------ */
/* Submitting (loop thread, GIL held)                                   */
/* ------------------------------------------------------------------ */

/* A new job on [core]'s loop, resolving [future]. NULL with an exception. */
static aio_job_t *job_new(job_kind_t kind, gp_object_t *core, gp_object_t *future)
{
    uv_loop_t *uv = gp_uvloop_uv(core);
    if (!uv)
        return NULL;
    aio_job_t *job = gp_mem_calloc(1, sizeof *job);
    if (!job) {
        gp_err_no_memory();
        return NULL;
    }
    job->kind = kind;
    job->uv = uv;
    job->fd = -1;
    job->core = GP_INCREF(core);
    job->future = GP_INCREF(future);
    job->completion.run = job_complete_run;
    return job;
}

/* Queues [job]; on failure frees it and raises. 0 or -1. */
static int job_start(aio_job_t *job)
{
    int rc;
    if (job->kind == JOB_READ_FILE || job->kind == JOB_WRITE_FILE || job->kind == JOB_OPEN) {
        job->req.work.data = job;
        rc = uv_queue_work(job->uv, &job->req.work, job_work_cb, job_after_work_cb);
    } else {
        rc = job_submit_fs(job);
    }
    if (rc < 0) {
        gp_err_set_from_errno(-rc, job->name);
        job_free(job);
        return -1;
    }
    aio_pending++;
    return 0;
}

/* Copies a str or bytes path into the job. 0 or -1. */
static int job_set_path(aio_job_t *job, gp_object_t *path)
{
    const char *c;
    size_t len;
    if (gp_str_check(path)) {
        c = gp_str_utf8(path);
        len = gp_str_utf8_len(path);
    } else if (gp_bytes_check(path)) {
        c = gp_bytes_data(path);
        len = gp_bytes_len(path);
    } else {
        gp_err_format(&gp_exc_TypeError, "expected str or bytes path, not %T", path);
        return -1;
    }
    if (!c)
        return -1;
    if (strlen(c) != len) {
        gp_err_set_string(&gp_exc_ValueError, "embedded null byte");
        return -1;
    }
    job->path = gp_mem_alloc(len + 1);
    if (!job->path) {
        gp_err_no_memory();
        return -1;
    }
    memcpy(job->path, c, len + 1);
    job->name = GP_INCREF(path);
    return 0;
}

/* Copies bytes-like [data] into the job's buffer: a bytearray may change
   while the request runs. 0 or -1. */
static int job_set_data(aio_job_t *job, gp_object_t *data)
{
    const char *p = gp_bytes_data(data);
    if (!p || !(gp_bytes_check(data) || GP_IS_TYPE(data, gp_bytearray_type))) {
        gp_err_clear();
        gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", data);
        return -1;
    }
    size_t len = gp_bytes_len(data);
    job->buf = gp_mem_alloc(len + 1);
    if (!job->buf) {
        gp_err_no_memory();
        return -1;
    }
    memcpy(job->buf, p, len);
    job->len = len;
    return 0;
}

static int aio_int_arg(gp_object_t *o, int *out)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    int64_t v = gp_int_as_i64(o);
    if (v == -1 && gp_err_occurred())
        return -1;
    if (v < INT32_MIN || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static gp_object_t *job_started(aio_job_t *job)
{
    return job_start(job) < 0 ? NULL : gp_none_new();
}

/* read_file(core, future, path) */
static gp_object_t *aio_read_file(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("read_file", nargs, kwnames, 3, 3) < 0)
        return NULL;
    aio_job_t *job = job_new(JOB_READ_FILE, args[0], args[1]);
    if (!job)
        return NULL;
    if (job_set_path(job, args[2]) < 0) {
        job_free(job);
        return NULL;
    }
    return job_started(job);
}

/* write_file(core, future, path, data, flags) */
static gp_object_t *aio_write_file(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("write_file", nargs, kwnames, 5, 5) < 0)
        return NULL;
    aio_job_t *job = job_new(JOB_WRITE_FILE, args[0], args[1]);
    if (!job)
        return NULL;
    if (job_set_path(job, args[2]) < 0 || job_set_data(job, args[3]) < 0 ||
        aio_int_arg(args[4], &job->flags) < 0) {
        job_free(job);
        return NULL;
    }
    return job_started(job);
}

/* stat(core, future, path, follow_symlinks) */
static gp_object_t *aio_stat(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (gp_args_check("stat", nargs, kwnames, 4, 4) < 0)
        return NULL;
    int follow = gp_object_is_true(args[3]);
    if (follow < 0)
        return NULL;
    aio_job_t *job = job_new(JOB_STAT, args[0], args[1]);
    if (!job)
        return NULL;
    job->follow_symlinks = follow;
    if (job_set_path(job, args[2]) < 0) {
        job_free(job);
        return NULL;
    }
    return job_started(job);
}

/* open(core, future, path, flags, mode) */
static gp_object_t *aio_open(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (gp_args_check("open", nargs, kwnames, 5, 5) < 0)
        return NULL;
    aio_job_t *job = job_new(JOB_OPEN, args[0], args[1]);
    if (!job)
        return NULL;
    if (job_set_path(job, args[2]) < 0 || aio_int_arg(args[3], &job->flags) < 0 ||
        aio_int_arg(args[4], &job->mode) < 0) {
        job_free(job);
        return NULL;
    }
    job->flags |= O_CLOEXEC;
    return job_started(job);
}

/* read(core, future, fd, n): n bytes or up to end of file; n < 0 reads to EOF. */
static gp_object_t *aio_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("read", nargs, kwnames, 4, 4) < 0 || aio_int_arg(args[2], &fd) < 0)
        return NULL;
    if (!gp_int_check(args[3])) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      args[3]);
        return NULL;
    }
    int64_t n = gp_int_as_i64(args[3]);
    if (n == -1 && gp_err_occurred())
        return NULL;
    if (n == 0) {
        /* Nothing to ask the kernel for. */
        gp_object_t *empty = gp_bytes_new("", 0);
        gp_object_t *r = empty ? gp_object_call_method(args[1], "set_result", &empty, 1) : NULL;
        GP_XDECREF(empty);
        if (!r)
            return NULL;
        GP_DECREF(r);
        return gp_none_new();
    }
    aio_job_t *job = job_new(JOB_READ, args[0], args[1]);
    if (!job)
        return NULL;
    job->fd = fd;
    job->read_to_eof = n < 0;
    if (n > 0) {
        job->buf = gp_mem_alloc((size_t)n);
        if (!job->buf) {
            gp_err_no_memory();
            job_free(job);
            return NULL;
        }
        job->cap = (size_t)n;
    }
    return job_started(job);
}

/* write(core, future, fd, data): writes all of data. */
static gp_object_t *aio_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check("write", nargs, kwnames, 4, 4) < 0 || aio_int_arg(args[2], &fd) < 0)
        return NULL;
    aio_job_t *job = job_new(JOB_WRITE, args[0], args[1]);
    if (!job)
        return NULL;
    job->fd = fd;
    if (job_set_data(job, args[3]) < 0) {
        job_free(job);
        return NULL;
    }
    return job_started(job);
}

static gp_object_t *aio_fd_job(const char *fname, job_kind_t kind, gp_object_t *const *args,
                               size_t nargs, gp_object_t *kwnames)
{
    int fd;
    if (gp_args_check(fname, nargs, kwnames, 3, 3) < 0 || aio_int_arg(args[2], &fd) < 0)
        return NULL;
    aio_job_t *job = job_new(kind, args[0], args[1]);
    if (!job)
        return NULL;
    job->fd = fd;
    return job_started(job);
}

/* close(core, future, fd) */
static gp_object_t *aio_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return aio_fd_job("close", JOB_CLOSE, args, nargs, kwnames);
}

/* fsync(core, future, fd) */
static gp_object_t *aio_fsync(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return aio_fd_job("fsync", JOB_FSYNC, args, nargs, kwnames);
}

static gp_object_t *aio_pending_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("pending", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64(aio_pending);
}

static const gp_method_def_t aio_functions[] = {
    {"read_file", aio_read_file, 0, "read_file(core, future, path): the whole file as bytes."},
    {"write_file", aio_write_file, 0,
     "write_file(core, future, path, data, flags): open with flags, write all, close."},
    {"stat", aio_stat, 0, "stat(core, future, path, follow_symlinks): an os.stat_result."},
    {"open", aio_open, 0, "open(core, future, path, flags, mode): a descriptor."},
    {"read", aio_read, 0, "read(core, future, fd, n): n bytes, fewer at end of file; n < 0: all."},
    {"write", aio_write, 0, "write(core, future, fd, data): write all of data."},
    {"close", aio_close, 0, "close(core, future, fd)."},
    {"fsync", aio_fsync, 0, "fsync(core, future, fd)."},
    {"pending", aio_pending_count, 0, "Number of requests still in flight."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_gpfs_module_create(void)
{
    /* Before libuv's threadpool first starts (see the design notes). */
    setenv("UV_THREADPOOL_SIZE", "64", 0);
    gp_object_t *module = gp_module_new("_gpfs");
    if (!module)
        return NULL;
    gp_object_t *doc = gp_str_from_cstr(
        "Awaitable file requests on the asyncio loop's libuv threadpool.\n\n"
        "Each function takes the loop core (loop._core) and a future made by\n"
        "loop.create_future(), starts one request and returns None; the\n"
        "request resolves the future. Use gilpy.aio, not this module.");
    if (!doc || gp_module_add_functions(module, aio_functions) < 0 ||
        gp_module_add_object(module, "__doc__", doc) < 0) {
        GP_XDECREF(doc);
        GP_DECREF(module);
        return NULL;
    }
    GP_DECREF(doc);
    return module;
}
