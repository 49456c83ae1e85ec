/*
 * stdio_buffer.c - sys.stdin.buffer, sys.stdout.buffer, sys.stderr.buffer.
 *
 * The binary layer under a standard stream, for scripts that write bytes
 * (`sys.stdout.buffer.write(data)`) or read them. CPython stacks a
 * TextIOWrapper on a BufferedWriter/Reader; here the text stream is a thin
 * object over the C FILE (stdio.c), so the binary layer is another thin
 * object over the same FILE. Both write into the one C buffer, which keeps
 * bytes and text in the order the script wrote them without any flushing
 * between the layers.
 *
 * The text stream owns its layer (made on first use, one per stream, so
 * `sys.stdout.buffer is sys.stdout.buffer`); the layer points back without
 * a reference, and the text stream's dealloc detaches it, after which the
 * layer behaves as a closed file. Closing either closes both, as closing a
 * TextIOWrapper closes its buffer in CPython.
 */
#include <errno.h>
#include <unistd.h>

#include "mod/io_internal.h"
#include "mod/stdio.h"
#include "obj/memoryview.h"

typedef struct stdio_buffer {
    gp_object_t base;
    gp_stdio_t *text; /* borrowed; NULL once the text stream is gone */
} stdio_buffer_t;

static stdio_buffer_t *buffer_cast(gp_object_t *o) { return (stdio_buffer_t *)o; }

/* The text stream, or NULL with ValueError when the layer is closed. */
static gp_stdio_t *buffer_stream(gp_object_t *self)
{
    gp_stdio_t *s = buffer_cast(self)->text;
    if (!s || s->closed) {
        gp_err_set_string(&gp_exc_ValueError, "I/O operation on closed file.");
        return NULL;
    }
    return s;
}

static gp_object_t *buffer_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("write", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_stdio_t *s = buffer_stream(self);
    if (!s || gp_stdio_check_writable(s) < 0)
        return NULL;
    gp_buffer_t view;
    if (gp_buffer_get(args[0], &view, GP_BUFFER_SIMPLE) < 0)
        return NULL;
    errno = 0;
    bool failed = view.len > 0 && fwrite_unlocked(view.data, 1, view.len, s->fp) != view.len;
    size_t len = view.len;
    gp_buffer_release(&view);
    if (failed) {
        int err = errno ? errno : EIO;
        clearerr_unlocked(s->fp);
        return gp_err_set_from_errno(err, NULL), NULL;
    }
    return gp_int_from_i64((int64_t)len);
}

static gp_object_t *buffer_flush(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("flush", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_stdio_t *s = buffer_stream(self);
    if (!s || gp_stdio_flush((gp_object_t *)s) < 0)
        return NULL;
    return gp_none_new();
}

/* Reads bytes up to [limit] (-1: all), stopping after a newline if asked. */
static gp_object_t *buffer_read_bytes(gp_object_t *self, intptr_t limit, bool line)
{
    gp_stdio_t *s = buffer_stream(self);
    if (!s || gp_stdio_check_readable(s) < 0)
        return NULL;
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    if (limit != 0 && gp_stdio_read_into(s, &buf, limit, line, false) < 0) {
        gp_strbuf_discard(&buf);
        return NULL;
    }
    if (buf.failed) {
        gp_strbuf_discard(&buf);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *bytes = gp_bytes_new(buf.data ? buf.data : "", buf.len);
    gp_strbuf_discard(&buf);
    return bytes;
}

static gp_object_t *buffer_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    intptr_t size;
    if (gp_args_check("read", nargs, kwnames, 0, 1) < 0 || gp_io_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    return buffer_read_bytes(self, size, false);
}

static gp_object_t *buffer_readline(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    intptr_t size;
    if (gp_args_check("readline", nargs, kwnames, 0, 1) < 0 ||
        gp_io_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    return buffer_read_bytes(self, size, true);
}

static gp_object_t *buffer_readlines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("readlines", nargs, kwnames, 0, 1) < 0)
        return NULL;
    gp_object_t *lines = gp_list_new(0);
    while (lines) {
        gp_object_t *line = buffer_read_bytes(self, -1, true);
        if (!line) {
            GP_CLEAR(lines);
            break;
        }
        if (gp_bytes_len(line) == 0) {
            GP_DECREF(line);
            break;
        }
        int rc = gp_list_append(lines, line);
        GP_DECREF(line);
        if (rc < 0)
            GP_CLEAR(lines);
    }
    return lines;
}

static gp_object_t *buffer_fileno(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("fileno", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_stdio_t *s = buffer_stream(self);
    return s ? gp_int_from_i64(fileno(s->fp)) : NULL;
}

static gp_object_t *buffer_isatty(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("isatty", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_stdio_t *s = buffer_stream(self);
    return s ? gp_bool_from(isatty(fileno(s->fp)) == 1) : NULL;
}

static gp_object_t *buffer_readable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gp_stdio_t *s = buffer_stream(self);
    return s ? gp_bool_from(s->readable) : NULL;
}

static gp_object_t *buffer_writable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gp_stdio_t *s = buffer_stream(self);
    return s ? gp_bool_from(s->writable) : NULL;
}

static gp_object_t *buffer_seekable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return buffer_stream(self) ? gp_bool_from(false) : NULL;
}

/* Closing the layer closes the text stream over it too. */
static gp_object_t *buffer_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_stdio_t *s = buffer_cast(self)->text;
    if (!s || s->closed)
        return gp_none_new();
    return gp_object_call_method((gp_object_t *)s, "close", NULL, 0);
}

static gp_object_t *buffer_enter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return buffer_stream(self) ? GP_INCREF(self) : NULL;
}

static gp_object_t *buffer_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    return buffer_close(self, args, 0, NULL);
}

static const gp_method_def_t buffer_methods[] = {
    {"write", buffer_write, 0, "Write a bytes-like object; returns the number of bytes."},
    {"flush", buffer_flush, 0, NULL},
    {"read", buffer_read, 0, "Read at most size bytes (all when size is -1 or None)."},
    {"read1", buffer_read, 0, NULL},
    {"readline", buffer_readline, 0, NULL},
    {"readlines", buffer_readlines, 0, NULL},
    {"fileno", buffer_fileno, 0, NULL},
    {"isatty", buffer_isatty, 0, NULL},
    {"readable", buffer_readable, 0, NULL},
    {"writable", buffer_writable, 0, NULL},
    {"seekable", buffer_seekable, 0, NULL},
    {"close", buffer_close, 0, NULL},
    {"__enter__", buffer_enter, 0, NULL},
    {"__exit__", buffer_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_object_t *buffer_get_name(gp_object_t *self, void *closure)
{
    gp_stdio_t *s = buffer_cast(self)->text;
    return s ? GP_INCREF(s->name) : gp_none_new();
}

static gp_object_t *buffer_get_mode(gp_object_t *self, void *closure)
{
    gp_stdio_t *s = buffer_cast(self)->text;
    return gp_str_from_cstr(s && s->readable ? "rb" : "wb");
}

static gp_object_t *buffer_get_closed(gp_object_t *self, void *closure)
{
    gp_stdio_t *s = buffer_cast(self)->text;
    return gp_bool_from(!s || s->closed);
}

static const gp_getset_def_t buffer_getsets[] = {
    {"name", buffer_get_name, NULL, NULL, NULL},
    {"mode", buffer_get_mode, NULL, NULL, NULL},
    {"closed", buffer_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_object_t *buffer_repr(gp_object_t *self)
{
    gp_stdio_t *s = buffer_cast(self)->text;
    const char *kind = GP_TYPE(self)->name + 4; /* past "_io." */
    if (!s)
        return gp_str_from_format("<_io.%s>", kind);
    return gp_str_from_format("<_io.%s name=%R>", kind, s->name);
}

static gp_object_t *buffer_iter(gp_object_t *self)
{
    return buffer_stream(self) ? GP_INCREF(self) : NULL;
}

static gp_object_t *buffer_iternext(gp_object_t *self)
{
    gp_object_t *line = buffer_read_bytes(self, -1, true);
    if (line && gp_bytes_len(line) == 0) {
        GP_DECREF(line);
        return NULL; /* exhausted: no exception set */
    }
    return line;
}

static void buffer_dealloc(gp_object_t *self) { gp_object_free(self); }

/* Two types, as CPython has: stdin's layer reads, the others write. */
#define STDIO_BUFFER_TYPE(cname, pyname)                                                           \
    gp_type_t cname = {                                                                            \
        GP_TYPE_HEAD_INIT,                                                                         \
        .name = pyname,                                                                            \
        .basicsize = sizeof(stdio_buffer_t),                                                       \
        .dealloc = buffer_dealloc,                                                                 \
        .repr = buffer_repr,                                                                       \
        .hash = gp_object_default_hash,                                                            \
        .getattr = gp_object_generic_getattr,                                                      \
        .iter = buffer_iter,                                                                       \
        .iternext = buffer_iternext,                                                               \
        .methods = buffer_methods,                                                                 \
        .getsets = buffer_getsets,                                                                 \
        .doc = "The binary layer of a standard stream, over the same C stream.",                  \
    }

static STDIO_BUFFER_TYPE(stdio_reader_type, "_io.BufferedReader");
static STDIO_BUFFER_TYPE(stdio_writer_type, "_io.BufferedWriter");

gp_object_t *gp_stdio_buffer_new(gp_stdio_t *text)
{
    gp_type_t *type = text->readable ? &stdio_reader_type : &stdio_writer_type;
    if (!(type->flags & GP_TYPE_FLAG_READY) && gp_type_ready(type) < 0)
        return NULL;
    gp_object_t *o = gp_object_alloc(type, 0);
    if (o)
        buffer_cast(o)->text = text;
    return o;
}

void gp_stdio_buffer_detach(gp_object_t *buffer) { buffer_cast(buffer)->text = NULL; }
