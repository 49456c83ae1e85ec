/*
 * stdio.c - sys.stdin, sys.stdout and sys.stderr.
 *
 * Design notes
 * ------------
 * Each standard stream is a thin object around the matching C stdio FILE.
 * Reusing the C library's buffering gives CPython's behaviour for free:
 * stdout is line-buffered on a terminal and block-buffered into pipes and
 * files, stderr is written through at once, and C code that prints (a
 * disassembler, a fatal-error path) stays ordered with Python's output.
 * `-u` turns the buffers off with setvbuf() before anything is written.
 *
 * The GIL protects the FILE as it protects every object, so the unlocked
 * stdio calls (fwrite_unlocked, getc_unlocked) are safe and skip a lock per
 * call: print() is hot.
 *
 * Errors: a failed write or flush raises the OSError subclass that errno
 * names (BrokenPipeError for EPIPE: SIGPIPE is ignored, as in CPython). What
 * happens to a failed flush at exit is sys.c's business.
 *
 * Reading blocks the thread; the GIL issue will release the GIL around the
 * reads (marked "GIL: release here"). A signal interrupting a read (EINTR)
 * runs the eval breaker, so Ctrl-C at input() raises KeyboardInterrupt.
 */
#include "mod/stdio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mod/io_internal.h"
#include "runtime/runtime.h"
#include "vm/eval.h"

/* Raises io.UnsupportedOperation([msg]), as CPython does for a misuse of a
   stream (reading stdout, writing stdin). The class is made with the io
   module, imported here if no one has yet; OSError, one of its bases, if
   even that fails. Returns -1. */
static int stdio_unsupported(const char *msg)
{
    if (!gp_io_unsupported_type) {
        gp_object_t *name = gp_str_from_cstr("io");
        gp_object_t *io = name ? gp_import_module(name, NULL, NULL, 0) : NULL;
        GP_XDECREF(name);
        GP_XDECREF(io);
        gp_err_clear();
    }
    if (gp_io_unsupported_type)
        gp_io_unsupported(msg);
    else
        gp_err_set_string(&gp_exc_OSError, msg);
    return -1;
}

static gp_stdio_t *stdio_cast(gp_object_t *o) { return (gp_stdio_t *)o; }

/* Raises ValueError for an operation on a closed stream; 0 if open. */
static int stdio_check_open(gp_stdio_t *s)
{
    if (s->closed) {
        gp_err_set_string(&gp_exc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

int gp_stdio_check_writable(gp_stdio_t *s)
{
    if (stdio_check_open(s) < 0)
        return -1;
    if (!s->writable) {
        return stdio_unsupported("not writable");
    }
    return 0;
}

int gp_stdio_check_readable(gp_stdio_t *s)
{
    if (stdio_check_open(s) < 0)
        return -1;
    if (!s->readable) {
        return stdio_unsupported("not readable");
    }
    return 0;
}

/* Turns the C stream's error state into a Python OSError. */
static int stdio_raise_errno(gp_stdio_t *s)
{
    int err = errno ? errno : EIO;
    clearerr(s->fp);
    gp_err_set_from_errno(err, NULL);
    return -1;
}

int gp_stdio_write_utf8(gp_object_t *stream, const char *data, size_t len)
{
    gp_stdio_t *s = stdio_cast(stream);
    if (gp_stdio_check_writable(s) < 0)
        return -1;
    if (len == 0)
        return 0;
    errno = 0;
    if (fwrite_unlocked(data, 1, len, s->fp) != len)
        return stdio_raise_errno(s);
    return 0;
}

int gp_stdio_flush(gp_object_t *stream)
{
    gp_stdio_t *s = stdio_cast(stream);
    if (s->closed || !s->writable)
        return 0;
    errno = 0;
    if (fflush_unlocked(s->fp) != 0)
        return stdio_raise_errno(s);
    return 0;
}

/* Reads from the C stream until '\n' (kept) or [limit] bytes (-1: none) or
   end of file, into [buf]. A read interrupted by a signal runs the eval
   breaker (KeyboardInterrupt) and resumes. 0, or -1 with an exception. */
int gp_stdio_read_into(gp_stdio_t *s, gp_strbuf_t *buf, intptr_t limit, bool stop_at_newline,
                       bool whole_chars)
{
    /* GIL: release here (around the blocking reads below). */
    for (;;) {
        if (limit >= 0 && (intptr_t)buf->len >= limit) {
            if (!whole_chars)
                return 0;
            /* Do not cut a UTF-8 sequence in half: finish the character. */
            int c;
            while ((c = getc_unlocked(s->fp)) != EOF && (c & 0xC0) == 0x80)
                gp_strbuf_append_char(buf, (char)c);
            if (c != EOF)
                ungetc(c, s->fp);
            return 0;
        }
        errno = 0;
        int c = getc_unlocked(s->fp);
        if (c == EOF) {
            if (ferror_unlocked(s->fp)) {
                if (errno == EINTR) {
                    clearerr_unlocked(s->fp);
                    if (gp_runtime_handle_breaker() < 0)
                        return -1;
                    continue;
                }
                return stdio_raise_errno(s);
            }
            clearerr_unlocked(s->fp); /* a later read may find more (a terminal) */
            return 0;
        }
        gp_strbuf_append_char(buf, (char)c);
        if (c == '\n' && stop_at_newline)
            return 0;
    }
}

/* Finishes a read buffer into a str, or NULL with an exception. */
static gp_object_t *stdio_finish(gp_strbuf_t *buf)
{
    if (buf->failed) {
        gp_strbuf_discard(buf);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *str = gp_str_from_utf8(buf->data ? buf->data : "", buf->len);
    gp_strbuf_discard(buf);
    return str;
}

gp_object_t *gp_stdio_readline(gp_object_t *stream)
{
    gp_stdio_t *s = stdio_cast(stream);
    if (gp_stdio_check_readable(s) < 0)
        return NULL;
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    if (gp_stdio_read_into(s, &buf, -1, true, true) < 0) {
        gp_strbuf_discard(&buf);
        return NULL;
    }
    return stdio_finish(&buf);
}

/* The optional size argument of read()/readline(): -1 when absent or None. */
static int stdio_size_arg(gp_object_t *arg, intptr_t *size)
{
    *size = -1;
    if (!arg || arg == gp_None)
        return 0;
    if (!gp_int_check(arg)) {
        gp_err_format(&gp_exc_TypeError, "argument should be integer or None, not '%T'", arg);
        return -1;
    }
    intptr_t n = gp_number_as_ssize(arg, &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return -1;
    *size = n < 0 ? -1 : n;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *stdio_write(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("write", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *text = args[0];
    if (!gp_str_check(text)) {
        gp_err_format(&gp_exc_TypeError, "write() argument must be str, not %T", text);
        return NULL;
    }
    if (gp_stdio_write_utf8(self, gp_str_utf8(text), gp_str_utf8_len(text)) < 0)
        return NULL;
    return gp_int_from_i64(gp_str_length(text));
}

static gp_object_t *stdio_writelines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("writelines", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *iter = gp_object_iter(args[0]);
    if (!iter)
        return NULL;
    gp_object_t *line;
    while ((line = gp_iter_next(iter)) != NULL) {
        gp_object_t *r = stdio_write(self, &line, 1, NULL);
        GP_DECREF(line);
        if (!r) {
            GP_DECREF(iter);
            return NULL;
        }
        GP_DECREF(r);
    }
    GP_DECREF(iter);
    if (gp_err_occurred())
        return NULL;
    return gp_none_new();
}

static gp_object_t *stdio_flush(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("flush", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (stdio_check_open(stdio_cast(self)) < 0 || gp_stdio_flush(self) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *stdio_readline(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("readline", nargs, kwnames, 0, 1) < 0)
        return NULL;
    intptr_t size;
    if (stdio_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    gp_stdio_t *s = stdio_cast(self);
    if (gp_stdio_check_readable(s) < 0)
        return NULL;
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    if (gp_stdio_read_into(s, &buf, size, true, true) < 0) {
        gp_strbuf_discard(&buf);
        return NULL;
    }
    return stdio_finish(&buf);
}

static gp_object_t *stdio_read(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("read", nargs, kwnames, 0, 1) < 0)
        return NULL;
    intptr_t size;
    if (stdio_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    gp_stdio_t *s = stdio_cast(self);
    if (gp_stdio_check_readable(s) < 0)
        return NULL;
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    if (gp_stdio_read_into(s, &buf, size, false, true) < 0) {
        gp_strbuf_discard(&buf);
        return NULL;
    }
    return stdio_finish(&buf);
}

static gp_object_t *stdio_readlines(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("readlines", nargs, kwnames, 0, 1) < 0)
        return NULL;
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    for (;;) {
        gp_object_t *line = gp_stdio_readline(self);
        if (!line)
            goto fail;
        if (gp_str_utf8_len(line) == 0) {
            GP_DECREF(line);
            return list;
        }
        int rc = gp_list_append(list, line);
        GP_DECREF(line);
        if (rc < 0)
            goto fail;
    }
fail:
    GP_DECREF(list);
    return NULL;
}

static gp_object_t *stdio_fileno(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("fileno", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_stdio_t *s = stdio_cast(self);
    if (stdio_check_open(s) < 0)
        return NULL;
    return gp_int_from_i64(fileno(s->fp));
}

static gp_object_t *stdio_isatty(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("isatty", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_stdio_t *s = stdio_cast(self);
    if (stdio_check_open(s) < 0)
        return NULL;
    return gp_bool_from(isatty(fileno(s->fp)) == 1);
}

static gp_object_t *stdio_readable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("readable", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (stdio_check_open(stdio_cast(self)) < 0)
        return NULL;
    return gp_bool_from(stdio_cast(self)->readable);
}

static gp_object_t *stdio_writable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("writable", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (stdio_check_open(stdio_cast(self)) < 0)
        return NULL;
    return gp_bool_from(stdio_cast(self)->writable);
}

static gp_object_t *stdio_seekable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("seekable", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (stdio_check_open(stdio_cast(self)) < 0)
        return NULL;
    return gp_bool_from(false);
}

/* close() flushes and marks the object closed. The descriptor itself stays
   open: the runtime and C code still print through it (CPython closes it,
   which a script can only observe through os-level calls gilpy lacks). */
static gp_object_t *stdio_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_stdio_t *s = stdio_cast(self);
    if (!s->closed) {
        int rc = gp_stdio_flush(self);
        s->closed = true;
        if (rc < 0)
            return NULL;
    }
    return gp_none_new();
}

static gp_object_t *stdio_enter(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("__enter__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (stdio_check_open(stdio_cast(self)) < 0)
        return NULL;
    return GP_INCREF(self);
}

static gp_object_t *stdio_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return stdio_close(self, args, 0, NULL);
}

static const gp_method_def_t stdio_methods[] = {
    {"write", stdio_write, 0, "Write string to stream; returns the number of characters."},
    {"writelines", stdio_writelines, 0, "Write each string of an iterable."},
    {"flush", stdio_flush, 0, "Flush the write buffer."},
    {"read", stdio_read, 0, "Read at most size characters (all when size is -1 or None)."},
    {"readline", stdio_readline, 0, "Read one line, keeping its newline."},
    {"readlines", stdio_readlines, 0, "Read every remaining line into a list."},
    {"fileno", stdio_fileno, 0, "The underlying file descriptor."},
    {"isatty", stdio_isatty, 0, "True if the stream is a terminal."},
    {"readable", stdio_readable, 0, NULL},
    {"writable", stdio_writable, 0, NULL},
    {"seekable", stdio_seekable, 0, NULL},
    {"close", stdio_close, 0, NULL},
    {"__enter__", stdio_enter, 0, NULL},
    {"__exit__", stdio_exit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ */
/* Attributes and slots                                                 */
/* ------------------------------------------------------------------ */

static gp_object_t *stdio_get_name(gp_object_t *self, void *closure)
{
    return GP_INCREF(stdio_cast(self)->name);
}

static gp_object_t *stdio_get_mode(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(stdio_cast(self)->mode);
}

static gp_object_t *stdio_get_encoding(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr("utf-8");
}

/* CPython's choices: stdin and stdout use surrogateescape, stderr
   backslashreplace. */
static gp_object_t *stdio_get_errors(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(stdio_cast(self)->fp == stderr ? "backslashreplace"
                                                           : "surrogateescape");
}

static gp_object_t *stdio_get_closed(gp_object_t *self, void *closure)
{
    return gp_bool_from(stdio_cast(self)->closed);
}

static gp_object_t *stdio_get_line_buffering(gp_object_t *self, void *closure)
{
    return gp_bool_from(stdio_cast(self)->line_buffering);
}

static gp_object_t *stdio_get_newlines(gp_object_t *self, void *closure)
{
    return gp_none_new();
}

/* The binary layer over the same C stream (stdio_buffer.c), one per stream. */
static gp_object_t *stdio_get_buffer(gp_object_t *self, void *closure)
{
    gp_stdio_t *s = stdio_cast(self);
    if (!s->buffer && !(s->buffer = gp_stdio_buffer_new(s)))
        return NULL;
    return GP_INCREF(s->buffer);
}

static const gp_getset_def_t stdio_getsets[] = {
    {"name", stdio_get_name, NULL, NULL, NULL},
    {"mode", stdio_get_mode, NULL, NULL, NULL},
    {"encoding", stdio_get_encoding, NULL, NULL, NULL},
    {"errors", stdio_get_errors, NULL, NULL, NULL},
    {"closed", stdio_get_closed, NULL, NULL, NULL},
    {"line_buffering", stdio_get_line_buffering, NULL, NULL, NULL},
    {"newlines", stdio_get_newlines, NULL, NULL, NULL},
    {"buffer", stdio_get_buffer, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_object_t *stdio_repr(gp_object_t *self)
{
    gp_stdio_t *s = stdio_cast(self);
    return gp_str_from_format("<_io.TextIOWrapper name=%R mode='%s' encoding='utf-8'>", s->name,
                              s->mode);
}

static gp_object_t *stdio_iter(gp_object_t *self)
{
    if (stdio_check_open(stdio_cast(self)) < 0)
        return NULL;
    return GP_INCREF(self);
}

/* `for line in sys.stdin`: one line per step, exhausted at end of file. */
static gp_object_t *stdio_iternext(gp_object_t *self)
{
    gp_object_t *line = gp_stdio_readline(self);
    if (line && gp_str_utf8_len(line) == 0) {
        GP_DECREF(line);
        return NULL;
    }
    return line;
}

static void stdio_dealloc(gp_object_t *self)
{
    gp_stdio_t *s = stdio_cast(self);
    if (s->writable && !s->closed)
        fflush(s->fp);
    GP_XDECREF(s->name);
    if (s->buffer) {
        gp_stdio_buffer_detach(s->buffer);
        GP_DECREF(s->buffer);
    }
    gp_object_free(self);
}

gp_type_t gp_stdio_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_io.TextIOWrapper",
    .basicsize = sizeof(gp_stdio_t),
    .dealloc = stdio_dealloc,
    .repr = stdio_repr,
    .hash = gp_object_default_hash,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .iter = stdio_iter,
    .iternext = stdio_iternext,
    .methods = stdio_methods,
    .getsets = stdio_getsets,
    .doc = "Character and line based layer over a standard C stream.",
};

int gp_stdio_type_init(void)
{
    if (gp_stdio_type.flags & GP_TYPE_FLAG_READY)
        return 0;
    return gp_type_ready(&gp_stdio_type);
}

gp_object_t *gp_stdio_new(FILE *fp, const char *name, const char *mode)
{
    if (gp_stdio_type_init() < 0)
        return NULL;
    gp_object_t *name_obj = gp_str_from_cstr(name);
    if (!name_obj)
        return NULL;
    gp_object_t *o = gp_object_alloc(&gp_stdio_type, 0);
    if (!o) {
        GP_DECREF(name_obj);
        return NULL;
    }
    gp_stdio_t *s = stdio_cast(o);
    s->fp = fp;
    s->name = name_obj;
    s->mode = mode;
    s->readable = mode[0] == 'r';
    s->writable = mode[0] == 'w';
    s->closed = false;
    s->buffer = NULL;
    /* CPython reports line buffering for a terminal stdout only; stderr is
       written through whatever it is connected to. */
    s->line_buffering = fp == stdout && isatty(fileno(fp)) == 1;
    return o;
}

void gp_stdio_set_unbuffered(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    setvbuf(stderr, NULL, _IONBF, 0);
}
