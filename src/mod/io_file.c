/*
 * io_file.c - io.FileIO: raw, unbuffered bytes on a file descriptor.
 *
 * Design notes
 * ------------
 * FileIO is the bottom layer of open(): it owns the descriptor and makes
 * one system call per method call. Reads and writes go through the
 * gp_io_fd_* helpers of io.c (libuv's synchronous fs API, GIL released,
 * EINTR retried) with C buffers, so no Python object is touched while the
 * GIL is not held. The buffered layer above calls gp_io_fd_* directly on
 * [fd] when its raw stream is an exact FileIO.
 *
 * A FileIO closes its descriptor when it is closed or freed (unless it was
 * given closefd=False). Its name is what open() was given: a str, bytes or
 * the descriptor number.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mod/io_internal.h"
#include "runtime/runtime.h"

#define FILE_CAST(o) ((gp_io_file_t *)(o))

const char *gp_io_file_mode(gp_io_file_t *f)
{
    if (f->created)
        return f->readable ? "xb+" : "xb";
    if (f->appending)
        return f->readable ? "ab+" : "ab";
    if (f->readable)
        return f->writable ? "rb+" : "rb";
    return "wb";
}

bool gp_io_file_isatty(gp_io_file_t *f)
{
    return f->fd >= 0 && isatty(f->fd) == 1;
}

int gp_io_file_seekable(gp_io_file_t *f)
{
    if (f->seekable < 0)
        f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return f->seekable;
}

int gp_io_file_close(gp_io_file_t *f)
{
    if (f->fd < 0)
        return 0;
    int fd = f->fd;
    f->fd = -1;
    if (!f->closefd)
        return 0;
    return gp_io_fd_close(fd);
}

/* Converts open()'s [file] to a path: str, bytes or an os.PathLike. Sets
   *path_obj to a new reference to a str or bytes. */
static int file_path_of(gp_object_t *file, gp_object_t **path_obj)
{
    if (gp_str_check(file) || gp_bytes_check(file)) {
        *path_obj = GP_INCREF(file);
        return 0;
    }
    gp_object_t *fspath = gp_type_lookup_cstr(GP_TYPE(file), "__fspath__");
    if (fspath) {
        gp_object_t *p = gp_object_call_method(file, "__fspath__", NULL, 0);
        if (!p)
            return -1;
        if (!gp_str_check(p) && !gp_bytes_check(p)) {
            gp_err_format(&gp_exc_TypeError,
                          "expected %T.__fspath__() to return str or bytes, not %T", file, p);
            GP_DECREF(p);
            return -1;
        }
        *path_obj = p;
        return 0;
    }
    gp_err_format(&gp_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    return -1;
}

/* Opens an instance of [type] (FileIO or a Python subclass of it). */
static gp_object_t *file_open_typed(gp_type_t *type, gp_object_t *file, const char *mode,
                                    bool closefd)
{
    bool readable = false, writable = false, appending = false, created = false;
    int flags = 0;
    for (const char *p = mode; *p; p++) {
        switch (*p) {
        case 'r': readable = true; break;
        case 'w': writable = true; flags |= O_CREAT | O_TRUNC; break;
        case 'a': writable = appending = true; flags |= O_CREAT | O_APPEND; break;
        case 'x': writable = created = true; flags |= O_CREAT | O_EXCL; break;
        case '+': readable = writable = true; break;
        case 'b': break;
        default:
            gp_err_format(&gp_exc_ValueError, "invalid mode: %s", mode);
            return NULL;
        }
    }
    flags |= readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY;
    flags |= O_CLOEXEC;

    int fd = -1;
    gp_object_t *name = NULL;
    if (gp_int_check(file) && !gp_bool_check(file)) {
        int64_t v = gp_int_as_i64(file);
        if (v == -1 && gp_err_occurred())
            return NULL;
        if (v < 0) {
            gp_err_set_string(&gp_exc_ValueError, "negative file descriptor");
            return NULL;
        }
        if (v > INT32_MAX) {
            gp_err_set_string(&gp_exc_OverflowError, "signed integer is greater than maximum");
            return NULL;
        }
        fd = (int)v;
        name = GP_INCREF(file);
        if (fcntl(fd, F_GETFD) < 0) {
            GP_DECREF(name);
            gp_err_set_from_errno(errno, NULL);
            return NULL;
        }
    } else {
        if (!closefd) {
            gp_err_set_string(&gp_exc_ValueError, "Cannot use closefd=False with file name");
            return NULL;
        }
        if (file_path_of(file, &name) < 0)
            return NULL;
        const char *path = gp_str_check(name) ? gp_str_utf8(name) : gp_bytes_data(name);
        size_t len = gp_str_check(name) ? gp_str_utf8_len(name) : gp_bytes_len(name);
        if (strlen(path) != len) {
            GP_DECREF(name);
            gp_err_set_string(&gp_exc_ValueError, "embedded null byte");
            return NULL;
        }
        fd = gp_io_fd_open(path, flags, 0666, name);
        if (fd < 0) {
            GP_DECREF(name);
            return NULL;
        }
    }

    gp_io_file_t *f = (gp_io_file_t *)gp_object_alloc(type, 0);
    if (!f) {
        if (closefd)
            close(fd);
        GP_DECREF(name);
        return NULL;
    }
    f->fd = fd;
    f->readable = readable;
    f->writable = writable;
    f->appending = appending;
    f->created = created;
    f->closefd = closefd;
    f->seekable = -1;
    f->name = name;
    f->blksize = GP_IO_DEFAULT_BUFFER_SIZE;

    uint64_t st_mode = 0, blksize = 0;
    if (gp_io_fd_stat(fd, &st_mode, &blksize) < 0)
        goto fail;
    if (S_ISDIR(st_mode)) {
        gp_err_set_from_errno(EISDIR, name);
        goto fail;
    }
    if (blksize > 1)
        f->blksize = blksize;
    if (appending && lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
        gp_err_set_from_errno(errno, NULL);
        goto fail;
    }
    return (gp_object_t *)f;
fail:;
    gp_object_t *exc = gp_err_fetch();
    if (f->closefd && f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    GP_DECREF((gp_object_t *)f);
    gp_err_restore(exc);
    return NULL;
}

gp_object_t *gp_io_file_open(gp_object_t *file, const char *mode, bool closefd)
{
    return file_open_typed(&gp_io_fileio_type, file, mode, closefd);
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static int file_check_open(gp_io_file_t *f)
{
    if (f->fd < 0) {
        /* FileIO's spelling has no full stop (CPython's err_closed). */
        gp_err_set_string(&gp_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int file_check_readable(gp_io_file_t *f)
{
    if (file_check_open(f) < 0)
        return -1;
    if (!f->readable) {
        gp_io_unsupported("File not open for reading");
        return -1;
    }
    return 0;
}

static int file_check_writable(gp_io_file_t *f)
{
    if (file_check_open(f) < 0)
        return -1;
    if (!f->writable) {
        gp_io_unsupported("File not open for writing");
        return -1;
    }
    return 0;
}

/* Reads everything to end of file. */
static gp_object_t *file_readall(gp_io_file_t *f)
{
    size_t cap = 65536, len = 0;
    /* Start from the file's remaining size when it is known. */
    struct stat st;
    if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode)) {
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos >= 0 && st.st_size > pos)
            cap = (size_t)(st.st_size - pos) + 1;
    }
    char *buf = gp_mem_alloc(cap);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    for (;;) {
        if (len == cap) {
            size_t ncap = cap + (cap >> 1) + 65536;
            char *nb = gp_mem_realloc(buf, ncap);
            if (!nb) {
                gp_mem_free(buf);
                gp_err_no_memory();
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        int64_t n = gp_io_fd_read(f->fd, buf + len, cap - len);
        if (n < 0) {
            gp_mem_free(buf);
            return NULL;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    gp_object_t *r = gp_bytes_new(buf, len);
    gp_mem_free(buf);
    return r;
}

static gp_object_t *file_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_io_file_t *f = FILE_CAST(self);
    intptr_t size = -1;
    if (gp_args_check("read", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &size) < 0 || file_check_readable(f) < 0)
        return NULL;
    if (size < 0)
        return file_readall(f);
    char *buf = gp_mem_alloc((size_t)size + 1);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    int64_t n = gp_io_fd_read(f->fd, buf, (size_t)size);
    gp_object_t *r = n < 0 ? NULL : gp_bytes_new(buf, (size_t)n);
    gp_mem_free(buf);
    return r;
}

static gp_object_t *file_readall_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_args_check("readall", nargs, kwnames, 0, 0) < 0 ||
        file_check_readable(FILE_CAST(self)) < 0)
        return NULL;
    return file_readall(FILE_CAST(self));
}

static gp_object_t *file_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    gp_io_file_t *f = FILE_CAST(self);
    if (gp_args_check("write", nargs, kwnames, 1, 1) < 0 || file_check_writable(f) < 0)
        return NULL;
    const char *data = gp_bytes_data(args[0]);
    if (!data) {
        gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'", args[0]);
        return NULL;
    }
    size_t len = gp_bytes_len(args[0]);
    /* A bytearray may change while the GIL is released: write a copy. */
    char *copy = gp_mem_alloc(len + 1);
    if (!copy) {
        gp_err_no_memory();
        return NULL;
    }
    memcpy(copy, data, len);
    int64_t n = gp_io_fd_write(f->fd, copy, len);
    gp_mem_free(copy);
    return n < 0 ? NULL : gp_int_from_i64(n);
}

static int file_whence_arg(gp_object_t *o, int *whence)
{
    int64_t w = gp_int_as_i64(o);
    if (w == -1 && gp_err_occurred())
        return -1;
    if (w < 0 || w > 4) {
        gp_err_format(&gp_exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)",
                      (long long)w);
        return -1;
    }
    *whence = (int)w;
    return 0;
}

static gp_object_t *file_seek(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_io_file_t *f = FILE_CAST(self);
    if (gp_args_check("seek", nargs, kwnames, 1, 2) < 0 || file_check_open(f) < 0)
        return NULL;
    if (!gp_int_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "an integer is required (got type %T)", args[0]);
        return NULL;
    }
    int64_t off = gp_int_as_i64(args[0]);
    int whence = 0;
    if ((off == -1 && gp_err_occurred()) || (nargs > 1 && file_whence_arg(args[1], &whence) < 0))
        return NULL;
    int64_t pos = gp_io_fd_seek(f->fd, off, whence);
    return pos < 0 ? NULL : gp_int_from_i64(pos);
}

static gp_object_t *file_tell(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_io_file_t *f = FILE_CAST(self);
    if (gp_args_check("tell", nargs, kwnames, 0, 0) < 0 || file_check_open(f) < 0)
        return NULL;
    int64_t pos = gp_io_fd_seek(f->fd, 0, SEEK_CUR);
    return pos < 0 ? NULL : gp_int_from_i64(pos);
}

static gp_object_t *file_truncate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gp_io_file_t *f = FILE_CAST(self);
    if (gp_args_check("truncate", nargs, kwnames, 0, 1) < 0 || file_check_writable(f) < 0)
        return NULL;
    int64_t size;
    if (nargs == 0 || args[0] == gp_None) {
        size = gp_io_fd_seek(f->fd, 0, SEEK_CUR);
        if (size < 0)
            return NULL;
    } else {
        size = gp_int_as_i64(args[0]);
        if (size == -1 && gp_err_occurred())
            return NULL;
    }
    if (gp_io_fd_truncate(f->fd, size) < 0)
        return NULL;
    return gp_int_from_i64(size);
}

static gp_object_t *file_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0 || gp_io_file_close(FILE_CAST(self)) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *file_fileno(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("fileno", nargs, kwnames, 0, 0) < 0 || file_check_open(FILE_CAST(self)) < 0)
        return NULL;
    return gp_int_from_i64(FILE_CAST(self)->fd);
}

static gp_object_t *file_isatty(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("isatty", nargs, kwnames, 0, 0) < 0 || file_check_open(FILE_CAST(self)) < 0)
        return NULL;
    return gp_bool_from(gp_io_file_isatty(FILE_CAST(self)));
}

static gp_object_t *file_readable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("readable", nargs, kwnames, 0, 0) < 0 || file_check_open(FILE_CAST(self)) < 0)
        return NULL;
    return gp_bool_from(FILE_CAST(self)->readable);
}

static gp_object_t *file_writable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("writable", nargs, kwnames, 0, 0) < 0 || file_check_open(FILE_CAST(self)) < 0)
        return NULL;
    return gp_bool_from(FILE_CAST(self)->writable);
}

static gp_object_t *file_seekable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("seekable", nargs, kwnames, 0, 0) < 0 || file_check_open(FILE_CAST(self)) < 0)
        return NULL;
    return gp_bool_from(gp_io_file_seekable(FILE_CAST(self)) > 0);
}

static gp_object_t *file_flush(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("flush", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (FILE_CAST(self)->fd < 0)
        return gp_io_closed_error(); /* IOBase.flush's spelling, with the full stop */
    return gp_none_new();
}

static gp_object_t *file_enter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (file_check_open(FILE_CAST(self)) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *file_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    /* Through the attribute, as CPython's IOBase.__exit__: a subclass's
       close() runs. */
    return gp_object_call_method(self, "close", NULL, 0);
}

static const gp_method_def_t file_methods[] = {
    {"read", file_read, 0, "Read at most size bytes, returned as bytes."},
    {"readall", file_readall_method, 0, "Read all data from the file, returned as bytes."},
    {"write", file_write, 0, "Write buffer b to file, return number of bytes written."},
    {"seek", file_seek, 0, "Move to new file position and return the file position."},
    {"tell", file_tell, 0, "Current file position."},
    {"truncate", file_truncate, 0, "Truncate the file to at most size bytes."},
    {"close", file_close, 0, "Close the file."},
    {"fileno", file_fileno, 0, "Return the underlying file descriptor (an integer)."},
    {"isatty", file_isatty, 0, "True if the file is connected to a TTY device."},
    {"readable", file_readable, 0, "True if file was opened in a read mode."},
    {"writable", file_writable, 0, "True if file was opened in a write mode."},
    {"seekable", file_seekable, 0, "True if file supports random-access."},
    {"flush", file_flush, 0, NULL},
    {"__enter__", file_enter, 0, NULL},
    {"__exit__", file_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *file_get_closed(gp_object_t *self, void *closure)
{
    return gp_bool_from(FILE_CAST(self)->fd < 0);
}

static gp_object_t *file_get_closefd(gp_object_t *self, void *closure)
{
    return gp_bool_from(FILE_CAST(self)->closefd);
}

static gp_object_t *file_get_mode(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(gp_io_file_mode(FILE_CAST(self)));
}

static gp_object_t *file_get_name(gp_object_t *self, void *closure)
{
    return GP_INCREF(FILE_CAST(self)->name);
}

static const gp_getset_def_t file_getsets[] = {
    {"closed", file_get_closed, NULL, NULL, "True if the file is closed"},
    {"closefd", file_get_closefd, NULL, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL, "String giving the file mode"},
    {"name", file_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_object_t *file_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    static const char *const names[] = {"file", "mode", "closefd", "opener", NULL};
    gp_object_t *v[4];
    if (gp_args_parse("FileIO", args, nargs, kwnames, names, 1, v) < 0)
        return NULL;
    const char *mode = "r";
    if (v[1]) {
        if (!gp_str_check(v[1])) {
            gp_err_format(&gp_exc_TypeError, "FileIO() argument 'mode' must be str, not %T", v[1]);
            return NULL;
        }
        mode = gp_str_utf8(v[1]);
        /* Exactly one of r w a x, optionally + and b. */
        int primary = 0, plus = 0, b = 0;
        for (const char *p = mode; *p; p++) {
            if (strchr("rwax", *p))
                primary++;
            else if (*p == '+')
                plus++;
            else if (*p == 'b')
                b++;
            else
                primary = 99;
        }
        if (primary != 1 || plus > 1 || b > 1) {
            if (primary == 0 || primary == 99 || plus > 1 || b > 1)
                gp_err_format(&gp_exc_ValueError, "invalid mode: %s", mode);
            else
                gp_err_set_string(&gp_exc_ValueError,
                                  "Must have exactly one of create/read/write/append mode and at "
                                  "most one plus");
            return NULL;
        }
    }
    bool closefd = true;
    if (v[2]) {
        int t = gp_object_is_true(v[2]);
        if (t < 0)
            return NULL;
        closefd = t != 0;
    }
    return file_open_typed(type, v[0], mode, closefd);
}

static gp_object_t *file_repr(gp_object_t *self)
{
    gp_io_file_t *f = FILE_CAST(self);
    if (f->fd < 0)
        return gp_str_from_cstr("<_io.FileIO [closed]>");
    return gp_str_from_format("<_io.FileIO name=%R mode='%s' closefd=%s>", f->name,
                              gp_io_file_mode(f), f->closefd ? "True" : "False");
}

static void file_dealloc(gp_object_t *self)
{
    gp_io_file_t *f = FILE_CAST(self);
    if (f->fd >= 0 && f->closefd) {
        /* Freeing must not fail or block on Python: a plain close. */
        close(f->fd);
        f->fd = -1;
    }
    GP_XDECREF(f->name);
    gp_object_free(self);
}

gp_type_t gp_io_fileio_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io.FileIO",
    .basicsize = sizeof(gp_io_file_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .base_type = &gp_io_rawiobase_type,
    .dealloc = file_dealloc,
    .new_ = file_new,
    .repr = file_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .methods = file_methods,
    .getsets = file_getsets,
    .doc = "Open a file.",
};
