/*
 * io_internal.h - what the files of the io module share (io.c, io_file.c,
 * io_buffered.c, io_text.c, io_memory.c). Not for other subsystems: they
 * use io.h.
 *
 * The io module is three layers, as CPython's _io:
 *
 *   FileIO           raw, unbuffered bytes on a file descriptor (io_file.c)
 *   Buffered*        a byte buffer in front of a raw stream (io_buffered.c)
 *   TextIOWrapper    str over a buffered stream: codec and newlines (io_text.c)
 *
 * plus the in-memory streams StringIO and BytesIO (io_memory.c). Each layer
 * holds a reference to the one below and works with any object that has the
 * right methods, but when the layer below is the C type it expects, it calls
 * the C functions declared here directly: `for line in open(p)` then costs
 * one memchr and one str allocation per line, with no method calls.
 */
#ifndef GP_MOD_IO_INTERNAL_H
#define GP_MOD_IO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "obj/object.h"

/* The size CPython reports as io.DEFAULT_BUFFER_SIZE. */
#define GP_IO_DEFAULT_BUFFER_SIZE 8192
/* The buffer gilpy really uses for files: bigger chunks mean fewer system
   calls and fewer trips through the GIL when iterating a large file. */
#define GP_IO_FILE_BUFFER_SIZE 65536

/* ------------------------------------------------------------------ */
/* The abstract bases (io.c)                                           */
/* ------------------------------------------------------------------ */

extern gp_type_t gp_io_iobase_type, gp_io_rawiobase_type, gp_io_bufferediobase_type,
    gp_io_textiobase_type;

/* io.UnsupportedOperation (a subclass of OSError and ValueError), created
   when the module is first made; NULL before. */
extern gp_type_t *gp_io_unsupported_type;

/* Raises io.UnsupportedOperation([msg]). Always returns NULL. */
gp_object_t *gp_io_unsupported(const char *msg);
/* Raises ValueError "I/O operation on closed file." Always returns NULL. */
gp_object_t *gp_io_closed_error(void);

/* Parses an optional size argument (None or absent: -1). 0 or -1. */
int gp_io_size_arg(gp_object_t *o, intptr_t *out);

/* ------------------------------------------------------------------ */
/* Blocking system calls (io.c)                                        */
/* ------------------------------------------------------------------ */

/* Each goes through libuv's synchronous fs API with the GIL released, retries
   after EINTR once signal handlers ran (PEP 475), and returns -1 with the
   OSError set on failure. The buffers must be plain C memory, never the
   inside of a Python object, because the GIL is not held meanwhile. */
int64_t gp_io_fd_read(int fd, char *buf, size_t len);
int64_t gp_io_fd_write(int fd, const char *buf, size_t len);
/* Writes everything (short writes are continued). 0 or -1. */
int gp_io_fd_write_all(int fd, const char *buf, size_t len);
int gp_io_fd_close(int fd);
/* The new position, or -1 with the exception set. */
int64_t gp_io_fd_seek(int fd, int64_t offset, int whence);
int gp_io_fd_truncate(int fd, int64_t size);
/* The libuv loop the synchronous fs requests name (see io.c). */
struct uv_loop_s *gp_io_uv_loop(void);
/* Opens [path] (a C string); the fd or -1 with the error named after [name_obj]. */
int gp_io_fd_open(const char *path, int flags, int mode, gp_object_t *name_obj);
/* st_mode and st_blksize of [fd]; 0 or -1 with the exception set. */
int gp_io_fd_stat(int fd, uint64_t *mode, uint64_t *blksize);

/* Waits (without the GIL) until [*busy] is false: another thread is inside
   a blocking call on the same stream object. */
void gp_io_wait_idle(const volatile bool *busy);

/* ------------------------------------------------------------------ */
/* FileIO (io_file.c)                                                  */
/* ------------------------------------------------------------------ */

typedef struct gp_io_file {
    gp_object_t base;
    int fd;             /* -1 once closed */
    bool readable, writable, appending, created;
    bool closefd;
    signed char seekable; /* -1 until known */
    uint64_t blksize;
    gp_object_t *name;  /* what open() was given: str, bytes or int */
} gp_io_file_t;

extern gp_type_t gp_io_fileio_type;

#define gp_io_file_check(o) (GP_IS_PTR(o) && (o)->type == &gp_io_fileio_type)

/* FileIO(file, mode, closefd, opener) from C: [mode] is already checked
   and holds only r w a x + (no b/t). */
gp_object_t *gp_io_file_open(gp_object_t *file, const char *mode, bool closefd);
/* The mode string FileIO reports ('rb', 'wb', 'rb+'...). */
const char *gp_io_file_mode(gp_io_file_t *f);
bool gp_io_file_isatty(gp_io_file_t *f);
/* 1/0, -1 with exception. */
int gp_io_file_seekable(gp_io_file_t *f);
/* Closes the descriptor (when closefd). 0 or -1. */
int gp_io_file_close(gp_io_file_t *f);

/* ------------------------------------------------------------------ */
/* Buffered streams (io_buffered.c)                                     */
/* ------------------------------------------------------------------ */

typedef struct gp_io_buffered {
    gp_object_t base;
    gp_object_t *raw;   /* the raw stream, NULL once detached */
    gp_io_file_t *file; /* raw when it is an exact FileIO: the C fast path */
    char *buf;
    size_t cap;
    /* Read state: bytes [rpos, rlen) of buf are read ahead of the raw
       position. Write state: bytes [0, wlen) wait to be written. At most one
       of the two is non-empty at any time. */
    size_t rpos, rlen, wlen;
    bool readable, writable;
    bool closed_flag;     /* close() ran (the raw may still report otherwise) */
    volatile bool busy;   /* a thread is in a blocking call on this object */
    struct gp_io_buffered *next_live, *prev_live; /* writers to flush at exit */
    bool live_linked;
} gp_io_buffered_t;

extern gp_type_t gp_io_bufferedreader_type, gp_io_bufferedwriter_type, gp_io_bufferedrandom_type;

static inline bool gp_io_buffered_check(gp_object_t *o)
{
    return GP_IS_PTR(o) &&
           (o->type == &gp_io_bufferedreader_type || o->type == &gp_io_bufferedwriter_type ||
            o->type == &gp_io_bufferedrandom_type);
}

/* Wraps [raw] (new reference kept) in the buffered type [type]. */
gp_object_t *gp_io_buffered_new(gp_type_t *type, gp_object_t *raw, intptr_t buffer_size);
/* Checks the stream is usable: not detached, not closed. 0 or -1. */
int gp_io_buffered_check_open(gp_io_buffered_t *b);
/* Makes more bytes available past rlen, keeping [rpos, rlen): the number of
   new bytes, 0 at end of file, -1 with an exception. */
int64_t gp_io_buffered_fill(gp_io_buffered_t *b);
/* Appends [len] bytes to the write buffer (flushing as needed). 0 or -1. */
int gp_io_buffered_write_bytes(gp_io_buffered_t *b, const char *data, size_t len);
/* Writes the pending bytes to the raw stream. 0 or -1. */
int gp_io_buffered_flush(gp_io_buffered_t *b);
/* Drops the read-ahead (repositioning the raw stream) so the next
   operation starts at the logical position. 0 or -1. */
int gp_io_buffered_drop_readahead(gp_io_buffered_t *b);
/* The logical position; -1 with exception. */
int64_t gp_io_buffered_tell(gp_io_buffered_t *b);
int64_t gp_io_buffered_seek(gp_io_buffered_t *b, int64_t offset, int whence);
/* Flushes and closes the raw stream. 0 or -1. */
int gp_io_buffered_close(gp_io_buffered_t *b);
bool gp_io_buffered_closed(gp_io_buffered_t *b);

/* ------------------------------------------------------------------ */
/* Text and memory streams (io_text.c, io_memory.c)                     */
/* ------------------------------------------------------------------ */

extern gp_type_t gp_io_textiowrapper_type, gp_io_stringio_type, gp_io_bytesio_type;

/* TextIOWrapper(buffer, encoding, errors, newline, line_buffering) from C;
   NULL arguments take the defaults. */
gp_object_t *gp_io_text_new(gp_object_t *buffer, gp_object_t *encoding, gp_object_t *errors,
                            gp_object_t *newline, bool line_buffering);

/* Readies the io types (idempotent). 0 or -1. */
int gp_io_types_init(void);

#endif /* GP_MOD_IO_INTERNAL_H */
