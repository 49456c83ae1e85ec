/*
 * stdio.h - the standard stream objects behind sys.stdin, sys.stdout and
 * sys.stderr (a small look-alike of CPython's _io.TextIOWrapper).
 *
 * The stream wraps one C stdio FILE: the C library's buffer is the stream's
 * buffer, so Python-level writes and any C code that prints to stdout share
 * one ordered stream. Files opened by open() are a different, libuv-backed
 * type (a later issue); this one only serves the three standard streams.
 */
#ifndef GP_MOD_STDIO_H
#define GP_MOD_STDIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "obj/object.h"

/* A standard text stream. Instances are created only by gp_stdio_new(). */
typedef struct gp_stdio {
    gp_object_t base;
    FILE *fp;           /* the C stream (stdin, stdout or stderr) */
    gp_object_t *name;  /* '<stdout>' */
    const char *mode;   /* "r" or "w" */
    bool readable, writable;
    bool closed;
    bool line_buffering; /* what CPython reports: true for a tty stdout */
    gp_object_t *buffer; /* the binary layer (.buffer), made on first use, or NULL */
} gp_stdio_t;

extern gp_type_t gp_stdio_type;

/* Readies the stream type (idempotent). 0, or -1 with an exception set. */
int gp_stdio_type_init(void);

/* Creates the stream object for [fp] ("<stdout>", mode "w"...). */
gp_object_t *gp_stdio_new(FILE *fp, const char *name, const char *mode);

/* True if [o] is one of the builtin standard streams. */
static inline bool gp_stdio_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && o->type == &gp_stdio_type;
}

/* Writes [len] bytes of UTF-8 to [stream]: the fast path print() takes when
   the file is a builtin stream. 0, or -1 with an exception set. */
int gp_stdio_write_utf8(gp_object_t *stream, const char *data, size_t len);

/* Flushes [stream]'s C buffer. 0, or -1 with an OSError set. */
int gp_stdio_flush(gp_object_t *stream);

/* Reads one line including its '\n' (an empty str at end of file). */
gp_object_t *gp_stdio_readline(gp_object_t *stream);

/* Switches stdout and stderr to unbuffered (-u). */
void gp_stdio_set_unbuffered(void);

/* Reads from [s]'s C stream into [buf] until '\n' (kept, if
   [stop_at_newline]), [limit] bytes (-1: no limit) or end of file. With
   [whole_chars] a UTF-8 sequence is never cut at the limit. 0, or -1 with
   an exception. */
int gp_stdio_read_into(gp_stdio_t *s, gp_strbuf_t *buf, intptr_t limit,
                       bool stop_at_newline, bool whole_chars);

/* Raises ValueError for a closed stream, OSError "not readable"/"not
   writable" for the wrong direction; 0 when the operation may proceed. */
int gp_stdio_check_readable(gp_stdio_t *s);
int gp_stdio_check_writable(gp_stdio_t *s);

/* The binary layer of [text] (sys.stdout.buffer and the like): one object
   per stream over the same C FILE, so bytes and text stay in order. A new
   reference, or NULL with an exception. (stdio_buffer.c) */
gp_object_t *gp_stdio_buffer_new(gp_stdio_t *text);

/* Called by [text]'s dealloc: the layer outlives it only as a closed file. */
void gp_stdio_buffer_detach(gp_object_t *buffer);

#endif /* GP_MOD_STDIO_H */
