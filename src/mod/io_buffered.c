/*
 * io_buffered.c - io.BufferedReader, io.BufferedWriter, io.BufferedRandom.
 *
 * Design notes
 * ------------
 * One C struct and one set of functions serve the three types; the type
 * only decides which directions are allowed. The buffer holds either
 * read-ahead bytes [rpos, rlen) or pending writes [0, wlen), never both:
 * switching from reading to writing first moves the raw position back over
 * the unread bytes, switching from writing to reading first flushes.
 *
 * Fast path. When the raw stream is an exact FileIO the buffer talks to the
 * descriptor through io.c's gp_io_fd_* helpers (libuv, GIL released); for
 * any other raw object it calls the raw's Python methods. While the GIL is
 * released during a fill or a flush the object is marked busy: the system
 * call writes into or reads from the object's own C buffer, so a second
 * thread using the same stream waits (gp_io_wait_idle) instead of moving
 * the buffer under the first one's feet.
 *
 * Large reads skip the buffer: read(n) with n at least the buffer size
 * reads straight into the memory the result is built from, which is what
 * makes `while f.read(65536)` as cheap as the system calls it makes.
 *
 * Nothing written is lost. A writer is flushed when it is closed, when it is
 * freed (refcounting makes `open(p, 'w').write(s)` complete at once), and
 * when the process exits with writers still open: module globals are not
 * torn down at exit, so every live writer on a descriptor sits in a list
 * that an atexit() handler flushes with plain write(2) calls. The handler
 * touches only the C buffers and descriptors, never a Python object; the
 * list is changed only with the GIL held (creation and dealloc).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mod/io_internal.h"
#include "runtime/runtime.h"

#define BUF(o) ((gp_io_buffered_t *)(o))

/* Writers on a descriptor still alive, for the exit flush (see above). */
static gp_io_buffered_t *buffered_live_writers;
static bool buffered_atexit_registered;

static void buffered_flush_at_exit(void)
{
    for (gp_io_buffered_t *b = buffered_live_writers; b; b = b->next_live) {
        if (!b->file || b->file->fd < 0 || b->wlen == 0 || b->busy)
            continue;
        size_t done = 0;
        while (done < b->wlen) {
            ssize_t n = write(b->file->fd, b->buf + done, b->wlen - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            done += (size_t)n;
        }
        b->wlen = 0;
    }
}

static void buffered_link(gp_io_buffered_t *b)
{
    if (!buffered_atexit_registered) {
        buffered_atexit_registered = true;
        atexit(buffered_flush_at_exit);
    }
    b->prev_live = NULL;
    b->next_live = buffered_live_writers;
    if (buffered_live_writers)
        buffered_live_writers->prev_live = b;
    buffered_live_writers = b;
    b->live_linked = true;
}

static void buffered_unlink(gp_io_buffered_t *b)
{
    if (!b->live_linked)
        return;
    if (b->prev_live)
        b->prev_live->next_live = b->next_live;
    else
        buffered_live_writers = b->next_live;
    if (b->next_live)
        b->next_live->prev_live = b->prev_live;
    b->live_linked = false;
}

/* ------------------------------------------------------------------ */
/* The raw stream: the C fast path or Python method calls                */
/* ------------------------------------------------------------------ */

/* Reads at most [len] bytes into [dst] (C memory). Bytes read, 0 at end of
   file, -1 with exception. [dst] inside b->buf must be protected by busy. */
static int64_t raw_read(gp_io_buffered_t *b, char *dst, size_t len)
{
    if (b->file) {
        b->busy = true;
        int64_t n = gp_io_fd_read(b->file->fd, dst, len);
        b->busy = false;
        return n;
    }
    gp_object_t *n_obj = gp_int_from_i64((int64_t)len);
    if (!n_obj)
        return -1;
    gp_object_t *data = gp_object_call_method(b->raw, "read", &n_obj, 1);
    GP_DECREF(n_obj);
    if (!data)
        return -1;
    if (data == gp_None) {
        GP_DECREF(data);
        return 0;
    }
    const char *d = gp_bytes_data(data);
    size_t n = gp_bytes_len(data);
    if (!d || n > len) {
        gp_err_format(&gp_exc_OSError, "raw readinto() returned invalid length %zu (should have "
                                       "been between 0 and %zu)", n, len);
        GP_DECREF(data);
        return -1;
    }
    memcpy(dst, d, n);
    GP_DECREF(data);
    return (int64_t)n;
}

/* Writes some of [data]; the count written or -1. */
static int64_t raw_write(gp_io_buffered_t *b, const char *data, size_t len)
{
    if (b->file) {
        b->busy = true;
        int64_t n = gp_io_fd_write(b->file->fd, data, len);
        b->busy = false;
        return n;
    }
    gp_object_t *bytes = gp_bytes_new(data, len);
    if (!bytes)
        return -1;
    gp_object_t *r = gp_object_call_method(b->raw, "write", &bytes, 1);
    GP_DECREF(bytes);
    if (!r)
        return -1;
    int64_t n = r == gp_None ? (int64_t)len : gp_int_as_i64(r);
    GP_DECREF(r);
    if (n == -1 && gp_err_occurred())
        return -1;
    return n;
}

static int64_t raw_seek(gp_io_buffered_t *b, int64_t offset, int whence)
{
    if (b->file)
        return gp_io_fd_seek(b->file->fd, offset, whence);
    gp_object_t *a[2] = {gp_int_from_i64(offset), GP_SMALL_NEW(whence)};
    if (!a[0])
        return -1;
    gp_object_t *r = gp_object_call_method(b->raw, "seek", a, 2);
    GP_DECREF(a[0]);
    if (!r)
        return -1;
    int64_t pos = gp_int_as_i64(r);
    GP_DECREF(r);
    return pos;
}

bool gp_io_buffered_closed(gp_io_buffered_t *b)
{
    if (b->closed_flag || !b->raw)
        return true;
    if (b->file)
        return b->file->fd < 0;
    gp_object_t *c = gp_object_getattr_cstr(b->raw, "closed");
    if (!c) {
        gp_err_clear();
        return false;
    }
    int t = gp_object_is_true(c);
    GP_DECREF(c);
    if (t < 0)
        gp_err_clear();
    return t > 0;
}

/* As gp_io_buffered_check_open, with CPython's per-method message for a
   closed stream ("read of closed file"); NULL for the generic one. */
static int buffered_check_open_msg(gp_io_buffered_t *b, const char *msg)
{
    if (b->busy)
        gp_io_wait_idle(&b->busy);
    if (!b->raw) {
        gp_err_set_string(&gp_exc_ValueError, "raw stream has been detached");
        return -1;
    }
    if (gp_io_buffered_closed(b)) {
        if (msg)
            gp_err_set_string(&gp_exc_ValueError, msg);
        else
            gp_io_closed_error();
        return -1;
    }
    return 0;
}

int gp_io_buffered_check_open(gp_io_buffered_t *b)
{
    if (b->busy)
        gp_io_wait_idle(&b->busy);
    if (!b->raw) {
        gp_err_set_string(&gp_exc_ValueError, "raw stream has been detached");
        return -1;
    }
    if (gp_io_buffered_closed(b)) {
        gp_io_closed_error();
        return -1;
    }
    return 0;
}

static int buffered_check_readable(gp_io_buffered_t *b, const char *closed_msg)
{
    if (buffered_check_open_msg(b, closed_msg) < 0)
        return -1;
    if (!b->readable) {
        gp_io_unsupported("read");
        return -1;
    }
    return 0;
}

static int buffered_check_writable(gp_io_buffered_t *b)
{
    if (!b->writable) {
        gp_io_unsupported("write");
        return -1;
    }
    return buffered_check_open_msg(b, "write to closed file");
}

static int buffered_alloc(gp_io_buffered_t *b)
{
    if (b->buf)
        return 0;
    b->buf = gp_mem_alloc(b->cap);
    if (!b->buf) {
        gp_err_no_memory();
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The core operations                                                  */
/* ------------------------------------------------------------------ */

int gp_io_buffered_flush(gp_io_buffered_t *b)
{
    size_t done = 0;
    while (done < b->wlen) {
        int64_t n = raw_write(b, b->buf + done, b->wlen - done);
        if (n < 0) {
            /* Keep what was not written, so a later flush may retry. */
            memmove(b->buf, b->buf + done, b->wlen - done);
            b->wlen -= done;
            return -1;
        }
        done += (size_t)n;
    }
    b->wlen = 0;
    return 0;
}

int gp_io_buffered_drop_readahead(gp_io_buffered_t *b)
{
    size_t ahead = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    if (ahead == 0)
        return 0;
    return raw_seek(b, -(int64_t)ahead, SEEK_CUR) < 0 ? -1 : 0;
}

int64_t gp_io_buffered_fill(gp_io_buffered_t *b)
{
    if (b->wlen > 0 && gp_io_buffered_flush(b) < 0)
        return -1;
    if (buffered_alloc(b) < 0)
        return -1;
    if (b->rpos > 0) {
        memmove(b->buf, b->buf + b->rpos, b->rlen - b->rpos);
        b->rlen -= b->rpos;
        b->rpos = 0;
    }
    if (b->rlen == b->cap) {
        /* A line longer than the buffer: grow it. */
        char *nb = gp_mem_realloc(b->buf, b->cap * 2);
        if (!nb) {
            gp_err_no_memory();
            return -1;
        }
        b->buf = nb;
        b->cap *= 2;
    }
    int64_t n = raw_read(b, b->buf + b->rlen, b->cap - b->rlen);
    if (n > 0)
        b->rlen += (size_t)n;
    return n;
}

int gp_io_buffered_write_bytes(gp_io_buffered_t *b, const char *data, size_t len)
{
    if (b->rlen > b->rpos || b->rlen > 0) {
        if (gp_io_buffered_drop_readahead(b) < 0)
            return -1;
    }
    if (buffered_alloc(b) < 0)
        return -1;
    while (len > 0) {
        size_t room = b->cap - b->wlen;
        if (room == 0) {
            if (gp_io_buffered_flush(b) < 0)
                return -1;
            continue;
        }
        size_t n = len < room ? len : room;
        memcpy(b->buf + b->wlen, data, n);
        b->wlen += n;
        data += n;
        len -= n;
    }
    if (b->wlen == b->cap)
        return gp_io_buffered_flush(b);
    return 0;
}

int64_t gp_io_buffered_tell(gp_io_buffered_t *b)
{
    int64_t pos = raw_seek(b, 0, SEEK_CUR);
    if (pos < 0)
        return -1;
    return pos - (int64_t)(b->rlen - b->rpos) + (int64_t)b->wlen;
}

int64_t gp_io_buffered_seek(gp_io_buffered_t *b, int64_t offset, int whence)
{
    if (b->wlen > 0 && gp_io_buffered_flush(b) < 0)
        return -1;
    if (whence == SEEK_CUR)
        offset -= (int64_t)(b->rlen - b->rpos);
    b->rpos = b->rlen = 0;
    return raw_seek(b, offset, whence);
}

int gp_io_buffered_close(gp_io_buffered_t *b)
{
    if (b->busy)
        gp_io_wait_idle(&b->busy);
    if (!b->raw || gp_io_buffered_closed(b))
        return 0;
    int rc = b->wlen > 0 ? gp_io_buffered_flush(b) : 0;
    gp_object_t *exc = rc < 0 ? gp_err_fetch() : NULL;
    b->closed_flag = true;
    buffered_unlink(b);
    b->wlen = 0;
    if (b->file) {
        rc = gp_io_file_close(b->file);
    } else {
        gp_object_t *r = gp_object_call_method(b->raw, "close", NULL, 0);
        rc = r ? 0 : -1;
        GP_XDECREF(r);
    }
    if (exc) {
        /* The flush error wins: it is the one the caller must see. */
        gp_err_restore(exc);
        return -1;
    }
    return rc;
}

/* Reads up to [n] bytes (all when n < 0) into a new bytes object. */
static gp_object_t *buffered_read_n(gp_io_buffered_t *b, intptr_t n)
{
    if (b->wlen > 0 && gp_io_buffered_flush(b) < 0)
        return NULL;
    size_t avail = b->rlen - b->rpos;
    if (n >= 0 && (size_t)n <= avail) {
        gp_object_t *r = gp_bytes_new(b->buf + b->rpos, (size_t)n);
        if (r)
            b->rpos += (size_t)n;
        return r;
    }
    /* Collect into a C buffer of our own: the reads below happen without the GIL. */
    size_t cap = n >= 0 ? (size_t)n : avail + 65536, got = 0;
    if (n < 0 && b->file) {
        int64_t pos = lseek(b->file->fd, 0, SEEK_CUR), end = lseek(b->file->fd, 0, SEEK_END);
        if (pos >= 0 && end >= 0) {
            lseek(b->file->fd, pos, SEEK_SET);
            if (end > pos)
                cap = avail + (size_t)(end - pos) + 1;
        }
    }
    char *out = gp_mem_alloc(cap + 1);
    if (!out) {
        gp_err_no_memory();
        return NULL;
    }
    if (avail)
        memcpy(out, b->buf + b->rpos, avail);
    got = avail;
    b->rpos = b->rlen = 0;
    for (;;) {
        if (n >= 0 && got >= (size_t)n)
            break;
        if (got == cap) {
            size_t ncap = cap + (cap >> 1) + 65536;
            char *nb = gp_mem_realloc(out, ncap + 1);
            if (!nb) {
                gp_mem_free(out);
                gp_err_no_memory();
                return NULL;
            }
            out = nb;
            cap = ncap;
        }
        size_t want = cap - got;
        int64_t r;
        if (n < 0 || want >= b->cap) {
            /* Straight into our result buffer (local C memory, not shared). */
            r = b->file ? gp_io_fd_read(b->file->fd, out + got, want) : raw_read(b, out + got, want);
        } else {
            r = gp_io_buffered_fill(b);
            if (r > 0) {
                size_t take = b->rlen < want ? b->rlen : want;
                memcpy(out + got, b->buf, take);
                b->rpos = take;
                r = (int64_t)take;
            }
        }
        if (r < 0) {
            gp_mem_free(out);
            return NULL;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    gp_object_t *result = gp_bytes_new(out, got);
    gp_mem_free(out);
    return result;
}

/* One line (up to and including b'\n'), at most [limit] bytes when limit >= 0. */
static gp_object_t *buffered_readline(gp_io_buffered_t *b, intptr_t limit)
{
    if (b->wlen > 0 && gp_io_buffered_flush(b) < 0)
        return NULL;
    if (limit == 0)
        return gp_bytes_new("", 0); /* not a read: it must not block */
    size_t scanned = 0;
    for (;;) {
        size_t avail = b->rlen - b->rpos;
        size_t window = limit >= 0 && (size_t)limit < avail ? (size_t)limit : avail;
        const char *start = b->buf ? b->buf + b->rpos : NULL;
        const char *nl = window > scanned ? memchr(start + scanned, '\n', window - scanned) : NULL;
        size_t take = 0;
        if (nl)
            take = (size_t)(nl - start) + 1;
        else if (limit >= 0 && avail >= (size_t)limit)
            take = (size_t)limit;
        if (take) {
            gp_object_t *r = gp_bytes_new(start, take);
            if (r)
                b->rpos += take;
            return r;
        }
        scanned = window;
        int64_t got = gp_io_buffered_fill(b);
        if (got < 0)
            return NULL;
        if (got == 0) {
            avail = b->rlen - b->rpos;
            gp_object_t *r = gp_bytes_new(b->buf ? b->buf + b->rpos : "", avail);
            if (r)
                b->rpos = b->rlen = 0;
            return r;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *buffered_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    intptr_t n = -1;
    if (gp_args_check("read", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &n) < 0 ||
        buffered_check_readable(b, "read of closed file") < 0)
        return NULL;
    if (nargs && args[0] != gp_None && gp_int_check(args[0]) && gp_int_sign(args[0]) < 0 &&
        n == -1 && gp_int_as_i64(args[0]) < -1) {
        gp_err_set_string(&gp_exc_ValueError, "read length must be non-negative or -1");
        return NULL;
    }
    return buffered_read_n(b, n);
}

static gp_object_t *buffered_read1(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    intptr_t n = -1;
    if (gp_args_check("read1", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &n) < 0 ||
        buffered_check_readable(b, "read of closed file") < 0)
        return NULL;
    if (n < 0)
        n = (intptr_t)b->cap;
    if (n == 0)
        return gp_bytes_new(NULL, 0);
    if (b->rlen == b->rpos && gp_io_buffered_fill(b) < 0)
        return NULL;
    size_t avail = b->rlen - b->rpos;
    size_t take = (size_t)n < avail ? (size_t)n : avail;
    gp_object_t *r = gp_bytes_new(b->buf ? b->buf + b->rpos : "", take);
    if (r)
        b->rpos += take;
    return r;
}

static gp_object_t *buffered_peek(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    if (gp_args_check("peek", nargs, kwnames, 0, 1) < 0 ||
        buffered_check_readable(b, "peek of closed file") < 0)
        return NULL;
    if (b->rlen == b->rpos && gp_io_buffered_fill(b) < 0)
        return NULL;
    return gp_bytes_new(b->buf ? b->buf + b->rpos : "", b->rlen - b->rpos);
}

static gp_object_t *buffered_readline_method(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    intptr_t limit = -1;
    if (gp_args_check("readline", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &limit) < 0 ||
        buffered_check_readable(b, "readline of closed file") < 0)
        return NULL;
    return buffered_readline(b, limit);
}

static gp_object_t *buffered_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    if (gp_args_check("write", nargs, kwnames, 1, 1) < 0)
        return NULL;
    const char *data = gp_bytes_data(args[0]);
    if (!data) {
        gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", args[0]);
        return NULL;
    }
    if (buffered_check_writable(b) < 0)
        return NULL;
    size_t len = gp_bytes_len(args[0]);
    if (gp_io_buffered_write_bytes(b, data, len) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)len);
}

static gp_object_t *buffered_flush_method(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    if (gp_args_check("flush", nargs, kwnames, 0, 0) < 0 || gp_io_buffered_check_open(b) < 0)
        return NULL;
    if (b->wlen > 0 && gp_io_buffered_flush(b) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *buffered_seek_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    if (gp_args_check("seek", nargs, kwnames, 1, 2) < 0 ||
        buffered_check_open_msg(b, "seek of closed file") < 0)
        return NULL;
    if (!gp_int_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      args[0]);
        return NULL;
    }
    int64_t off = gp_int_as_i64(args[0]);
    int64_t whence = nargs > 1 ? gp_int_as_i64(args[1]) : 0;
    if (gp_err_occurred())
        return NULL;
    if (whence < 0 || whence > 2) {
        gp_err_format(&gp_exc_ValueError, "whence value %lld unsupported", (long long)whence);
        return NULL;
    }
    int64_t pos = gp_io_buffered_seek(b, off, (int)whence);
    return pos < 0 ? NULL : gp_int_from_i64(pos);
}

static gp_object_t *buffered_tell_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    if (gp_args_check("tell", nargs, kwnames, 0, 0) < 0 ||
        buffered_check_open_msg(b, "I/O operation on closed file") < 0)
        return NULL;
    int64_t pos = gp_io_buffered_tell(b);
    return pos < 0 ? NULL : gp_int_from_i64(pos);
}

static gp_object_t *buffered_truncate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    if (gp_args_check("truncate", nargs, kwnames, 0, 1) < 0 || buffered_check_writable(b) < 0)
        return NULL;
    if (b->wlen > 0 && gp_io_buffered_flush(b) < 0)
        return NULL;
    if (gp_io_buffered_drop_readahead(b) < 0)
        return NULL;
    gp_object_t *a = nargs ? args[0] : NULL;
    return gp_object_call_method(b->raw, "truncate", &a, a ? 1 : 0);
}

static gp_object_t *buffered_close_method(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (gp_io_buffered_close(BUF(self)) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *buffered_detach(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gp_io_buffered_t *b = BUF(self);
    if (gp_args_check("detach", nargs, kwnames, 0, 0) < 0 || gp_io_buffered_check_open(b) < 0)
        return NULL;
    if (b->wlen > 0 && gp_io_buffered_flush(b) < 0)
        return NULL;
    buffered_unlink(b);
    gp_object_t *raw = b->raw;
    b->raw = NULL;
    b->file = NULL;
    return raw;
}

/* Methods forwarded to the raw stream after the open check. */
static gp_object_t *buffered_forward(gp_object_t *self, const char *name)
{
    gp_io_buffered_t *b = BUF(self);
    if (buffered_check_open_msg(b, "I/O operation on closed file") < 0)
        return NULL;
    return gp_object_call_method(b->raw, name, NULL, 0);
}

static gp_object_t *buffered_fileno(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("fileno", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return buffered_forward(self, "fileno");
}

static gp_object_t *buffered_isatty(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("isatty", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return buffered_forward(self, "isatty");
}

static gp_object_t *buffered_seekable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("seekable", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return buffered_forward(self, "seekable");
}

static gp_object_t *buffered_readable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("readable", nargs, kwnames, 0, 0) < 0 ||
        buffered_check_open_msg(BUF(self), "I/O operation on closed file") < 0)
        return NULL;
    return gp_bool_from(BUF(self)->readable);
}

static gp_object_t *buffered_writable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("writable", nargs, kwnames, 0, 0) < 0 ||
        buffered_check_open_msg(BUF(self), "I/O operation on closed file") < 0)
        return NULL;
    return gp_bool_from(BUF(self)->writable);
}

static gp_object_t *buffered_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    /* Through the attribute, as CPython's IOBase.__exit__: a subclass's
       close() runs. */
    return gp_object_call_method(self, "close", NULL, 0);
}

static const gp_method_def_t buffered_methods[] = {
    {"read", buffered_read, 0, "Read and return up to n bytes."},
    {"read1", buffered_read1, 0, "Read and return up to n bytes, with at most one raw read."},
    {"peek", buffered_peek, 0, "Return buffered bytes without advancing the position."},
    {"readline", buffered_readline_method, 0, "Read and return a line."},
    {"write", buffered_write, 0, "Write the given bytes to the buffered stream."},
    {"flush", buffered_flush_method, 0, NULL},
    {"seek", buffered_seek_method, 0, NULL},
    {"tell", buffered_tell_method, 0, NULL},
    {"truncate", buffered_truncate, 0, NULL},
    {"close", buffered_close_method, 0, NULL},
    {"detach", buffered_detach, 0, "Disconnect this buffer from its underlying raw stream."},
    {"fileno", buffered_fileno, 0, NULL},
    {"isatty", buffered_isatty, 0, NULL},
    {"seekable", buffered_seekable, 0, NULL},
    {"readable", buffered_readable, 0, NULL},
    {"writable", buffered_writable, 0, NULL},
    {"__exit__", buffered_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *buffered_get_raw(gp_object_t *self, void *closure)
{
    gp_io_buffered_t *b = BUF(self);
    if (!b->raw) {
        gp_err_set_string(&gp_exc_ValueError, "raw stream has been detached");
        return NULL;
    }
    return GP_INCREF(b->raw);
}

static gp_object_t *buffered_get_closed(gp_object_t *self, void *closure)
{
    gp_io_buffered_t *b = BUF(self);
    if (!b->raw) {
        gp_err_set_string(&gp_exc_ValueError, "raw stream has been detached");
        return NULL;
    }
    return gp_bool_from(gp_io_buffered_closed(b));
}

static gp_object_t *buffered_get_raw_attr(gp_object_t *self, void *closure)
{
    gp_io_buffered_t *b = BUF(self);
    if (!b->raw) {
        gp_err_set_string(&gp_exc_ValueError, "raw stream has been detached");
        return NULL;
    }
    return gp_object_getattr_cstr(b->raw, (const char *)closure);
}

static const gp_getset_def_t buffered_getsets[] = {
    {"raw", buffered_get_raw, NULL, NULL, NULL},
    {"closed", buffered_get_closed, NULL, NULL, NULL},
    {"name", buffered_get_raw_attr, NULL, (void *)"name", NULL},
    {"mode", buffered_get_raw_attr, NULL, (void *)"mode", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------ */
/* Slots and construction                                               */
/* ------------------------------------------------------------------ */

static gp_object_t *buffered_iter(gp_object_t *self)
{
    if (gp_io_buffered_check_open(BUF(self)) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *buffered_iternext(gp_object_t *self)
{
    gp_io_buffered_t *b = BUF(self);
    if (buffered_check_readable(b, "readline of closed file") < 0)
        return NULL;
    gp_object_t *line = buffered_readline(b, -1);
    if (line && gp_bytes_len(line) == 0) {
        GP_DECREF(line);
        return NULL;
    }
    return line;
}

static gp_object_t *buffered_repr(gp_object_t *self)
{
    gp_io_buffered_t *b = BUF(self);
    const char *tname = GP_TYPE(self)->name;
    gp_object_t *name = b->raw ? gp_object_getattr_cstr(b->raw, "name") : NULL;
    if (!name) {
        gp_err_clear();
        return gp_str_from_format("<%s>", tname);
    }
    gp_object_t *r = gp_str_from_format("<%s name=%R>", tname, name);
    GP_DECREF(name);
    return r;
}

static void buffered_dealloc(gp_object_t *self)
{
    gp_io_buffered_t *b = BUF(self);
    if (b->raw && !b->closed_flag) {
        /* Flush and close; a failure here has nowhere to go but away. The
           exception being propagated (if any) must survive. */
        gp_object_t *saved = gp_err_fetch();
        GP_INCREF(self); /* the close may run Python code that sees self */
        if (gp_io_buffered_close(b) < 0)
            gp_err_clear();
        self->refcnt--;
        gp_err_restore(saved);
    }
    buffered_unlink(b);
    GP_XDECREF(b->raw);
    gp_mem_free(b->buf);
    gp_object_free(self);
}

gp_object_t *gp_io_buffered_new(gp_type_t *type, gp_object_t *raw, intptr_t buffer_size)
{
    if (buffer_size <= 0) {
        gp_err_set_string(&gp_exc_ValueError, "buffer size must be strictly positive");
        return NULL;
    }
    gp_io_buffered_t *b = (gp_io_buffered_t *)gp_object_alloc(type, 0);
    if (!b)
        return NULL;
    b->raw = GP_INCREF(raw);
    b->file = gp_io_file_check(raw) ? (gp_io_file_t *)raw : NULL;
    b->cap = (size_t)buffer_size;
    gp_type_t *t = type;
    while (t && t != &gp_io_bufferedreader_type && t != &gp_io_bufferedwriter_type &&
           t != &gp_io_bufferedrandom_type)
        t = t->base_type;
    b->readable = t == &gp_io_bufferedreader_type || t == &gp_io_bufferedrandom_type;
    b->writable = t == &gp_io_bufferedwriter_type || t == &gp_io_bufferedrandom_type;
    if (b->writable && b->file)
        buffered_link(b);
    return (gp_object_t *)b;
}

static gp_object_t *buffered_new_slot(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    static const char *const names[] = {"raw", "buffer_size", NULL};
    gp_object_t *v[2];
    const char *tname = gp_type_name(type);
    if (gp_args_parse(tname, args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    intptr_t size = GP_IO_DEFAULT_BUFFER_SIZE;
    if (v[1]) {
        size = gp_number_as_ssize(v[1], &gp_exc_OverflowError);
        if (size == -1 && gp_err_occurred())
            return NULL;
    }
    return gp_io_buffered_new(type, v[0], size);
}

#define BUFFERED_TYPE(cname, pyname, docstring)                                                    \
    gp_type_t cname = {                                                                            \
        GP_TYPE_HEAD_INIT,                                                                         \
        .name = pyname,                                                                            \
        .basicsize = sizeof(gp_io_buffered_t),                                                     \
        .flags = GP_TYPE_FLAG_BASETYPE,                                                            \
        .base_type = &gp_io_bufferediobase_type,                                                   \
        .dealloc = buffered_dealloc,                                                               \
        .new_ = buffered_new_slot,                                                                 \
        .repr = buffered_repr,                                                                     \
        .hash = gp_object_default_hash,                                                            \
        .getattr = gp_object_generic_getattr,                                                      \
        .setattr = gp_object_generic_setattr,                                                      \
        .iter = buffered_iter,                                                                     \
        .iternext = buffered_iternext,                                                             \
        .methods = buffered_methods,                                                               \
        .getsets = buffered_getsets,                                                               \
        .doc = docstring,                                                                          \
    }

BUFFERED_TYPE(gp_io_bufferedreader_type, "_io.BufferedReader",
              "Create a new buffered reader using the given readable raw IO object.");
BUFFERED_TYPE(gp_io_bufferedwriter_type, "_io.BufferedWriter",
              "A buffer for a writeable sequential RawIO object.");
BUFFERED_TYPE(gp_io_bufferedrandom_type, "_io.BufferedRandom",
              "A buffered interface to random access streams.");
