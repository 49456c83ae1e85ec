/*
 * zlib.c - the `zlib` module: DEFLATE compression over the system zlib.
 *
 * Design notes
 * ------------
 * The module is a thin layer over zlib's streaming API, as CPython's is, and
 * links the same library (Debian's zlib1g), so compressed bytes come out
 * identical to CPython's for the same arguments. Identity needs one thing
 * beyond the same calls: for level 0, zlib's stored-block encoder cuts its
 * blocks to fit the space left in the output buffer, so the sizes of the
 * output windows handed to deflate() are part of the result. The output
 * buffer therefore grows in a fixed sequence of window sizes (32 KiB, 64 KiB,
 * 256 KiB, 1 MiB, ... up to 256 MiB per step), the sequence CPython's output
 * buffer uses; the tests compare level-0 streams of several sizes with bytes
 * CPython wrote.
 *
 * Every operation is one "pass": take the input as a buffer export (so a
 * bytearray cannot be resized under us), lock the stream object's mutex, run
 * deflate()/inflate() in a loop that grows a private output buffer, then turn
 * the result into a bytes object and raise any error. The loop itself touches
 * no Python object, which is what allows it to run without the GIL: inputs of
 * 64 KiB and more release it for the whole loop, so threads compressing big
 * buffers overlap. The output buffer is plain gp_mem memory for that reason
 * (the allocator is thread-safe; bytes objects and exceptions are not), and
 * the final bytes object is one copy at the end.
 *
 * Why a mutex per stream object: while one thread runs a pass without the
 * GIL, another may call a method of the same Compress or Decompress object.
 * A thread that finds the mutex taken waits for it with the GIL released, so
 * the holder can always take the GIL back when its pass ends.
 *
 * State. zlib.error is a heap class made when the module is created; the
 * module's functions are bound to a small state object that holds it, and
 * every stream object keeps a reference to that state, so no C global is
 * needed. zlib's own allocations go through gp_mem_* like every other byte,
 * so failure injection reaches them too.
 *
 * Error messages are CPython's: "Error -3 while decompressing data: incorrect
 * header check", with zlib's message when it gave one and a fixed reason for
 * the codes that come without (truncated stream, inconsistent state).
 */
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "obj/memoryview.h"
#include "obj/object.h"
#include "runtime/mem.h"
#include "runtime/runtime.h"

/* Inputs at least this big release the GIL while zlib works on them. */
#define ZLIB_GIL_MINSIZE (64 * 1024)
/* The default output size of decompress() and Decompress.flush(). */
#define ZLIB_DEF_BUF_SIZE (16 * 1024)
/* zlib's default memLevel, which zlib.h does not name. */
#define ZLIB_DEF_MEM_LEVEL 8

/* ------------------------------------------------------------------ */
/* Module state                                                         */
/* ------------------------------------------------------------------ */

typedef struct zlib_state {
    gp_object_t base;
    gp_object_t *error; /* the zlib.error class */
} zlib_state_t;

static void zlib_state_dealloc(gp_object_t *self)
{
    GP_XDECREF(((zlib_state_t *)self)->error);
    gp_object_free(self);
}

static gp_type_t zlib_state_type = {
    GP_TYPE_HEAD_INIT,
    .name = "zlib._State",
    .basicsize = sizeof(zlib_state_t),
    .dealloc = zlib_state_dealloc,
    .doc = "The zlib module's private state: the class of its errors.",
};

/* Raises zlib.error for zlib's [err] met [while_doing] ("while flushing"),
   with zlib's message [msg] when it left one. */
static void zlib_raise(zlib_state_t *st, int err, const char *msg, const char *while_doing)
{
    /* zlib allocates lazily (inflate's window on first use), so any step
       can run out of memory: that is a MemoryError, never zlib.error. */
    if (err == Z_MEM_ERROR) {
        gp_err_format(&gp_exc_MemoryError, "Out of memory %s", while_doing);
        return;
    }
    if (!msg) {
        /* zlib leaves no message for these; CPython words them so. */
        if (err == Z_BUF_ERROR)
            msg = "incomplete or truncated stream";
        else if (err == Z_STREAM_ERROR)
            msg = "inconsistent stream state";
        else if (err == Z_DATA_ERROR)
            msg = "invalid input data";
    }
    if (msg)
        gp_err_format((gp_type_t *)st->error, "Error %d %s: %.200s", err, while_doing, msg);
    else
        gp_err_format((gp_type_t *)st->error, "Error %d %s", err, while_doing);
}

/* zlib's allocator: every block through the gilpy hook, which is safe to call
   without the GIL. */
static voidpf zlib_alloc_cb(voidpf opaque, uInt items, uInt size)
{
    if (size != 0 && items > SIZE_MAX / size)
        return Z_NULL;
    return gp_mem_alloc((size_t)items * size);
}

static void zlib_free_cb(voidpf opaque, voidpf address)
{
    gp_mem_free(address);
}

static void zlib_stream_init(z_stream *zs)
{
    memset(zs, 0, sizeof *zs);
    zs->zalloc = zlib_alloc_cb;
    zs->zfree = zlib_free_cb;
}

/* ------------------------------------------------------------------ */
/* Arguments                                                            */
/* ------------------------------------------------------------------ */

/* An integer argument as a C int, with CPython's messages. */
static int zlib_int_arg(gp_object_t *o, int *out)
{
    gp_object_t *v = gp_number_index(o);
    if (!v)
        return -1;
    int overflow = 0;
    int64_t n = gp_int_as_i64_overflow(v, &overflow);
    GP_DECREF(v);
    if (overflow || n > INT_MAX || n < INT_MIN) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)n;
    return 0;
}

/* An integer argument as a C ssize_t (a size or a length). */
static int zlib_ssize_arg(gp_object_t *o, intptr_t *out)
{
    gp_object_t *v = gp_number_index(o);
    if (!v)
        return -1;
    int overflow = 0;
    int64_t n = gp_int_as_i64_overflow(v, &overflow);
    GP_DECREF(v);
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (intptr_t)n;
    return 0;
}

/* The starting value of a checksum: any int, of which only the low 32 bits
   count (crc32(data, -1) starts from 0xFFFFFFFF, as in CPython). */
static int zlib_u32_arg(gp_object_t *o, uint32_t *out)
{
    gp_object_t *v = gp_number_index(o);
    if (!v)
        return -1;
    if (!GP_IS_SMALL(v)) {
        gp_object_t *low = gp_number_binop(v, GP_SMALL_NEW(0xFFFFFFFF), GP_BINOP_AND);
        GP_DECREF(v);
        if (!low)
            return -1;
        v = low;
    }
    int overflow = 0;
    int64_t n = gp_int_as_i64_overflow(v, &overflow);
    GP_DECREF(v);
    *out = (uint32_t)n;
    return 0;
}

/* The bytes of a data argument, as an export held until released. */
static int zlib_data_arg(gp_object_t *o, gp_buffer_t *view)
{
    return gp_buffer_get(o, view, GP_BUFFER_SIMPLE);
}

/* Positional-only data arguments: CPython reports a missing one this way
   even when it was passed by keyword. [exact] when the method takes no
   other argument. */
static int zlib_need_positional(const char *fname, size_t nargs, bool exact)
{
    if (nargs >= 1)
        return 0;
    gp_err_format(&gp_exc_TypeError, "%s() takes %s 1 positional argument (0 given)", fname,
                  exact ? "exactly" : "at least");
    return -1;
}

/* __deepcopy__(memo, /): the memo is not needed, a stream has no parts to share. */
static int zlib_deepcopy_args(gp_object_t *const *args, size_t nargs, gp_object_t *kwnames)
{
    static const char *const names[] = {"/memo", NULL};
    gp_object_t *argv[1] = {NULL};
    if (zlib_need_positional("__deepcopy__", nargs, true) < 0)
        return -1;
    return gp_args_parse("__deepcopy__", args, nargs, kwnames, names, 1, argv);
}

/* Methods without arguments (copy, __copy__), worded as CPython's. */
static int zlib_no_args(const char *fname, size_t nargs, gp_object_t *kwnames)
{
    if (nargs == 0 && (!kwnames || GP_TUPLE_SIZE(kwnames) == 0))
        return 0;
    gp_err_format(&gp_exc_TypeError, "%s() takes no arguments", fname);
    return -1;
}

/* ------------------------------------------------------------------ */
/* The output buffer                                                    */
/* ------------------------------------------------------------------ */

/* Grows in windows of these sizes (then the last, again and again); see
   the notes for why the sequence is fixed. */
static const size_t zlib_window_sizes[] = {
    32u << 10,  64u << 10,  256u << 10, 1u << 20,   4u << 20,   8u << 20,
    16u << 20,  16u << 20,  32u << 20,  32u << 20,  32u << 20,  32u << 20,
    64u << 20,  64u << 20,  128u << 20, 128u << 20, 256u << 20,
};
#define ZLIB_NWINDOWS (sizeof zlib_window_sizes / sizeof zlib_window_sizes[0])

typedef struct zlib_output {
    char *data;
    size_t cap;    /* bytes allocated, all handed to zlib so far */
    size_t limit;  /* the most the caller wants; SIZE_MAX for no limit */
    size_t first;  /* the first window's size, 0 for the standard sequence */
    unsigned windows; /* windows handed out so far */
    bool no_memory;
} zlib_output_t;

static void zlib_output_init(zlib_output_t *out, size_t first, size_t limit)
{
    memset(out, 0, sizeof *out);
    out->first = first;
    out->limit = limit;
}

/* Hands zlib the next window of the buffer. False when the limit is reached
   or memory ran out (then no_memory is set). Safe without the GIL. */
static bool zlib_output_grow(zlib_output_t *out, z_stream *zs)
{
    size_t used = out->cap - zs->avail_out;
    size_t size;
    if (out->windows == 0 && out->first)
        size = out->first;
    else
        size = zlib_window_sizes[out->windows < ZLIB_NWINDOWS ? out->windows : ZLIB_NWINDOWS - 1];
    if (size > out->limit - out->cap)
        size = out->limit - out->cap;
    if (size > UINT_MAX)
        size = UINT_MAX;
    if (size == 0)
        return false;
    char *grown = gp_mem_realloc(out->data, out->cap + size);
    if (!grown) {
        out->no_memory = true;
        return false;
    }
    out->data = grown;
    out->cap += size;
    out->windows++;
    zs->next_out = (Bytef *)(grown + used);
    zs->avail_out = (uInt)size;
    return true;
}

/* The bytes written so far as a bytes object; frees the buffer. */
static gp_object_t *zlib_output_finish(zlib_output_t *out, z_stream *zs)
{
    gp_object_t *r = gp_bytes_new(out->data, out->cap - zs->avail_out);
    gp_mem_free(out->data);
    out->data = NULL;
    return r;
}

static void zlib_output_discard(zlib_output_t *out)
{
    gp_mem_free(out->data);
    out->data = NULL;
}

/* Input larger than zlib's 32-bit counters is fed in pieces: [*next] and
   [*left] say what has not been handed to zlib yet. */
static void zlib_input_feed(z_stream *zs, const char **next, size_t *left)
{
    size_t n = *left > UINT_MAX ? UINT_MAX : *left;
    zs->next_in = (Bytef *)*next;
    zs->avail_in = (uInt)n;
    *next += n;
    *left -= n;
}

/* Releases the GIL when [big]; returns the handle to take it back with. */
static gp_thread_state_t *zlib_gil_release(bool big)
{
    return big ? gp_gil_release_for_blocking() : NULL;
}

static void zlib_gil_acquire(gp_thread_state_t *ts)
{
    if (ts)
        gp_gil_acquire_after_blocking(ts);
}

/* ------------------------------------------------------------------ */
/* Stream objects: the part Compress and Decompress share               */
/* ------------------------------------------------------------------ */

typedef struct zlib_stream {
    gp_object_t base;
    z_stream zs;
    zlib_state_t *state;
    pthread_mutex_t lock;
    bool initialised; /* zs is live: deflateEnd/inflateEnd not called yet */
    /* Decompress only. */
    bool eof;
    gp_object_t *unused_data;     /* bytes after the end of the stream */
    gp_object_t *unconsumed_tail; /* input held back by max_length */
    gp_object_t *zdict;           /* the dictionary object, or NULL */
} zlib_stream_t;

static gp_type_t zlib_compress_type, zlib_decompress_type;

#define STREAM(o) ((zlib_stream_t *)(o))

/* Takes the object's mutex. A thread that must wait gives the GIL up while
   it waits, so the holder (which may be running without the GIL) can take
   the GIL back and finish. */
static void zlib_stream_lock(zlib_stream_t *z)
{
    if (pthread_mutex_trylock(&z->lock) == 0)
        return;
    gp_thread_state_t *ts = gp_gil_release_for_blocking();
    pthread_mutex_lock(&z->lock);
    gp_gil_acquire_after_blocking(ts);
}

static void zlib_stream_unlock(zlib_stream_t *z)
{
    pthread_mutex_unlock(&z->lock);
}

static zlib_stream_t *zlib_stream_new(gp_type_t *type, zlib_state_t *st)
{
    zlib_stream_t *z = (zlib_stream_t *)gp_object_alloc(type, 0);
    if (!z)
        return NULL;
    zlib_stream_init(&z->zs);
    pthread_mutex_init(&z->lock, NULL);
    z->state = (zlib_state_t *)GP_INCREF(&st->base);
    if (type == &zlib_decompress_type) {
        z->unused_data = gp_bytes_new("", 0);
        z->unconsumed_tail = gp_bytes_new("", 0);
    }
    return z;
}

static void zlib_stream_dealloc(gp_object_t *self)
{
    zlib_stream_t *z = STREAM(self);
    if (z->initialised) {
        if (GP_TYPE(self) == &zlib_compress_type)
            deflateEnd(&z->zs);
        else
            inflateEnd(&z->zs);
    }
    pthread_mutex_destroy(&z->lock);
    GP_XDECREF(z->unused_data);
    GP_XDECREF(z->unconsumed_tail);
    GP_XDECREF(z->zdict);
    GP_XDECREF(&z->state->base);
    gp_object_free(self);
}

/* ------------------------------------------------------------------ */
/* One-shot compress() and decompress()                                 */
/* ------------------------------------------------------------------ */

static gp_object_t *zlib_compress(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    static const char *const names[] = {"/data", "level", "wbits", NULL};
    gp_object_t *argv[3] = {NULL};
    zlib_state_t *st = (zlib_state_t *)self;
    int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
    if (zlib_need_positional("compress", nargs, false) < 0 ||
        gp_args_parse("compress", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    if ((argv[1] && zlib_int_arg(argv[1], &level) < 0) ||
        (argv[2] && zlib_int_arg(argv[2], &wbits) < 0))
        return NULL;
    gp_buffer_t in;
    if (zlib_data_arg(argv[0], &in) < 0)
        return NULL;

    z_stream zs;
    zlib_stream_init(&zs);
    zlib_output_t out;
    zlib_output_init(&out, 0, SIZE_MAX);
    gp_object_t *result = NULL;
    int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, ZLIB_DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR) {
        gp_err_set_string(&gp_exc_MemoryError, "Out of memory while compressing data");
        goto done;
    }
    if (err == Z_STREAM_ERROR) {
        gp_err_set_string((gp_type_t *)st->error, "Bad compression level");
        goto done;
    }
    if (err != Z_OK) {
        zlib_raise(st, err, zs.msg, "while compressing data");
        goto done;
    }

    /* The whole input is fed, piece by piece, then finished. */
    const char *next = in.data;
    size_t left = in.len;
    gp_thread_state_t *ts = zlib_gil_release(in.len >= ZLIB_GIL_MINSIZE);
    int flush;
    do {
        zlib_input_feed(&zs, &next, &left);
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (zs.avail_out == 0 && !zlib_output_grow(&out, &zs))
                break;
            err = deflate(&zs, flush);
        } while (zs.avail_out == 0 && err != Z_STREAM_ERROR);
    } while (flush != Z_FINISH && err != Z_STREAM_ERROR && !out.no_memory);
    deflateEnd(&zs);
    zlib_gil_acquire(ts);

    if (out.no_memory)
        gp_err_no_memory();
    else if (err != Z_STREAM_END)
        zlib_raise(st, err, zs.msg, "while compressing data");
    else
        result = zlib_output_finish(&out, &zs);
done:
    zlib_output_discard(&out);
    gp_buffer_release(&in);
    return result;
}

static gp_object_t *zlib_decompress(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    static const char *const names[] = {"/data", "wbits", "bufsize", NULL};
    gp_object_t *argv[3] = {NULL};
    zlib_state_t *st = (zlib_state_t *)self;
    int wbits = MAX_WBITS;
    intptr_t bufsize = ZLIB_DEF_BUF_SIZE;
    if (zlib_need_positional("decompress", nargs, false) < 0 ||
        gp_args_parse("decompress", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    if ((argv[1] && zlib_int_arg(argv[1], &wbits) < 0) ||
        (argv[2] && zlib_ssize_arg(argv[2], &bufsize) < 0))
        return NULL;
    if (bufsize < 0) {
        gp_err_set_string(&gp_exc_ValueError, "bufsize must be non-negative");
        return NULL;
    }
    if (bufsize == 0)
        bufsize = 1;
    gp_buffer_t in;
    if (zlib_data_arg(argv[0], &in) < 0)
        return NULL;

    z_stream zs;
    zlib_stream_init(&zs);
    zlib_output_t out;
    zlib_output_init(&out, (size_t)bufsize, SIZE_MAX);
    gp_object_t *result = NULL;
    /* CPython allocates the first window up front, and so reports a
       bufsize too big to allocate even for a tiny input. */
    if (!zlib_output_grow(&out, &zs)) {
        gp_err_set_string(&gp_exc_MemoryError, "Unable to allocate output buffer.");
        goto done;
    }
    int err = inflateInit2(&zs, wbits);
    if (err == Z_MEM_ERROR) {
        gp_err_set_string(&gp_exc_MemoryError, "Out of memory while decompressing data");
        goto done;
    }
    if (err != Z_OK) {
        zlib_raise(st, err, zs.msg, "while preparing to decompress data");
        inflateEnd(&zs);
        goto done;
    }

    const char *next = in.data;
    size_t left = in.len;
    gp_thread_state_t *ts = zlib_gil_release(in.len >= ZLIB_GIL_MINSIZE);
    bool failed = false;
    do {
        zlib_input_feed(&zs, &next, &left);
        do {
            if (zs.avail_out == 0 && !zlib_output_grow(&out, &zs))
                break;
            err = inflate(&zs, Z_NO_FLUSH);
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                failed = true;
                break;
            }
        } while (zs.avail_out == 0 && err != Z_STREAM_END);
    } while (!failed && !out.no_memory && err != Z_STREAM_END && left > 0);
    zlib_gil_acquire(ts);

    if (out.no_memory)
        gp_err_no_memory();
    else if (err == Z_MEM_ERROR)
        gp_err_set_string(&gp_exc_MemoryError, "Out of memory while decompressing data");
    else if (failed)
        zlib_raise(st, err, zs.msg, "while decompressing data");
    else if (err != Z_STREAM_END)
        zlib_raise(st, Z_BUF_ERROR, NULL, "while decompressing data");
    else
        result = zlib_output_finish(&out, &zs);
    inflateEnd(&zs);
done:
    zlib_output_discard(&out);
    gp_buffer_release(&in);
    return result;
}

/* ------------------------------------------------------------------ */
/* Compress objects                                                     */
/* ------------------------------------------------------------------ */

static gp_object_t *zlib_compressobj(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    static const char *const names[] = {"level",    "method", "wbits", "memLevel",
                                        "strategy", "zdict",  NULL};
    gp_object_t *argv[6] = {NULL};
    zlib_state_t *st = (zlib_state_t *)self;
    int opts[5] = {Z_DEFAULT_COMPRESSION, Z_DEFLATED, MAX_WBITS, ZLIB_DEF_MEM_LEVEL,
                   Z_DEFAULT_STRATEGY};
    if (gp_args_parse("compressobj", args, nargs, kwnames, names, 0, argv) < 0)
        return NULL;
    for (int i = 0; i < 5; i++)
        if (argv[i] && zlib_int_arg(argv[i], &opts[i]) < 0)
            return NULL;
    gp_buffer_t dict = {0};
    if (argv[5] && zlib_data_arg(argv[5], &dict) < 0)
        return NULL;

    zlib_stream_t *z = zlib_stream_new(&zlib_compress_type, st);
    if (!z)
        goto fail;
    int err = deflateInit2(&z->zs, opts[0], opts[1], opts[2], opts[3], opts[4]);
    if (err != Z_OK) {
        if (err == Z_MEM_ERROR)
            gp_err_set_string(&gp_exc_MemoryError, "Can't allocate memory for compression object");
        else if (err == Z_STREAM_ERROR)
            gp_err_set_string(&gp_exc_ValueError, "Invalid initialization option");
        else
            zlib_raise(st, err, z->zs.msg, "while creating compression object");
        goto fail;
    }
    z->initialised = true;
    if (argv[5]) {
        if (dict.len > UINT_MAX) {
            gp_err_set_string(&gp_exc_OverflowError, "zdict length does not fit in an unsigned int");
            goto fail;
        }
        err = deflateSetDictionary(&z->zs, (const Bytef *)dict.data, (uInt)dict.len);
        if (err != Z_OK) {
            gp_err_set_string(&gp_exc_ValueError,
                              err == Z_STREAM_ERROR ? "Invalid dictionary" : "deflateSetDictionary()");
            goto fail;
        }
        gp_buffer_release(&dict);
    }
    return &z->base;
fail:
    gp_buffer_release(&dict);
    if (z)
        GP_DECREF(&z->base);
    return NULL;
}

/* Runs deflate([flush]) over [len] bytes at [data] until zlib has taken all
   of it and has nothing more to write. The caller holds the object's lock.
   Returns the output, or NULL with an exception. */
static gp_object_t *compress_run(zlib_stream_t *z, const char *data, size_t len, int flush,
                                 const char *while_doing)
{
    zlib_output_t out;
    zlib_output_init(&out, 0, SIZE_MAX);
    const char *next = data;
    size_t left = len;
    int err = Z_OK;
    z->zs.avail_out = 0;
    gp_thread_state_t *ts = zlib_gil_release(len >= ZLIB_GIL_MINSIZE);
    do {
        zlib_input_feed(&z->zs, &next, &left);
        do {
            if (z->zs.avail_out == 0 && !zlib_output_grow(&out, &z->zs))
                break;
            err = deflate(&z->zs, flush);
        } while (z->zs.avail_out == 0 && err != Z_STREAM_ERROR);
    } while (left > 0 && err != Z_STREAM_ERROR && !out.no_memory);
    zlib_gil_acquire(ts);
    /* The stream must not keep pointers into the caller's buffer or ours. */
    z->zs.next_in = NULL;
    z->zs.avail_in = 0;
    if (out.no_memory) {
        zlib_output_discard(&out);
        gp_err_no_memory();
        return NULL;
    }
    if (err == Z_STREAM_ERROR) {
        zlib_output_discard(&out);
        zlib_raise(z->state, err, z->zs.msg, while_doing);
        return NULL;
    }
    if (flush == Z_FINISH && err == Z_STREAM_END) {
        /* The stream is complete: free zlib's state now, as CPython does;
           later calls report an inconsistent stream. */
        deflateEnd(&z->zs);
        z->initialised = false;
    }
    gp_object_t *r = zlib_output_finish(&out, &z->zs);
    z->zs.next_out = NULL;
    z->zs.avail_out = 0;
    return r;
}

static gp_object_t *compress_compress(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    static const char *const names[] = {"/data", NULL};
    gp_object_t *argv[1] = {NULL};
    zlib_stream_t *z = STREAM(self);
    if (zlib_need_positional("compress", nargs, true) < 0 ||
        gp_args_parse("compress", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    gp_buffer_t in;
    if (zlib_data_arg(argv[0], &in) < 0)
        return NULL;
    gp_object_t *r;
    zlib_stream_lock(z);
    if (!z->initialised) {
        zlib_raise(z->state, Z_STREAM_ERROR, NULL, "while compressing data");
        r = NULL;
    } else {
        r = compress_run(z, in.data, in.len, Z_NO_FLUSH, "while compressing data");
    }
    zlib_stream_unlock(z);
    gp_buffer_release(&in);
    return r;
}

static gp_object_t *compress_flush(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    static const char *const names[] = {"/mode", NULL};
    gp_object_t *argv[1] = {NULL};
    zlib_stream_t *z = STREAM(self);
    int mode = Z_FINISH;
    if (gp_args_parse("flush", args, nargs, kwnames, names, 0, argv) < 0 ||
        (argv[0] && zlib_int_arg(argv[0], &mode) < 0))
        return NULL;
    /* Flushing with Z_NO_FLUSH is defined to do nothing at all. */
    if (mode == Z_NO_FLUSH)
        return gp_bytes_new("", 0);
    gp_object_t *r;
    zlib_stream_lock(z);
    if (!z->initialised) {
        zlib_raise(z->state, Z_STREAM_ERROR, NULL, "while flushing");
        r = NULL;
    } else {
        r = compress_run(z, "", 0, mode, "while flushing");
    }
    zlib_stream_unlock(z);
    return r;
}

static gp_object_t *compress_copy_impl(zlib_stream_t *z)
{
    zlib_stream_t *c = zlib_stream_new(&zlib_compress_type, z->state);
    if (!c)
        return NULL;
    zlib_stream_lock(z);
    int err = z->initialised ? deflateCopy(&c->zs, &z->zs) : Z_STREAM_ERROR;
    zlib_stream_unlock(z);
    if (err != Z_OK) {
        if (err == Z_STREAM_ERROR)
            gp_err_set_string(&gp_exc_ValueError, "Inconsistent stream state");
        else if (err == Z_MEM_ERROR)
            gp_err_set_string(&gp_exc_MemoryError, "Can't allocate memory for compression object");
        else
            zlib_raise(z->state, err, c->zs.msg, "while copying compression object");
        GP_DECREF(&c->base);
        return NULL;
    }
    /* deflateCopy copies the allocator fields too, which are ours already. */
    c->initialised = true;
    return &c->base;
}

static gp_object_t *compress_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (zlib_no_args("copy", nargs, kwnames) < 0)
        return NULL;
    return compress_copy_impl(STREAM(self));
}

static gp_object_t *compress_deepcopy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (zlib_deepcopy_args(args, nargs, kwnames) < 0)
        return NULL;
    return compress_copy_impl(STREAM(self));
}

/* ------------------------------------------------------------------ */
/* Decompress objects                                                   */
/* ------------------------------------------------------------------ */

/* Hands the dictionary to zlib; -1 with zlib.error on failure. */
static int decompress_set_dict(zlib_stream_t *z)
{
    gp_buffer_t dict;
    if (zlib_data_arg(z->zdict, &dict) < 0)
        return -1;
    int err = Z_OK;
    if (dict.len > UINT_MAX)
        gp_err_set_string(&gp_exc_OverflowError, "zdict length does not fit in an unsigned int");
    else
        err = inflateSetDictionary(&z->zs, (const Bytef *)dict.data, (uInt)dict.len);
    gp_buffer_release(&dict);
    if (dict.len > UINT_MAX)
        return -1;
    if (err != Z_OK) {
        zlib_raise(z->state, err, z->zs.msg, "while setting zdict");
        return -1;
    }
    return 0;
}

static gp_object_t *zlib_decompressobj(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    static const char *const names[] = {"wbits", "zdict", NULL};
    gp_object_t *argv[2] = {NULL};
    zlib_state_t *st = (zlib_state_t *)self;
    int wbits = MAX_WBITS;
    if (gp_args_parse("decompressobj", args, nargs, kwnames, names, 0, argv) < 0 ||
        (argv[0] && zlib_int_arg(argv[0], &wbits) < 0))
        return NULL;
    if (argv[1] && !gp_buffer_check(argv[1])) {
        gp_err_set_string(&gp_exc_TypeError, "zdict argument must support the buffer protocol");
        return NULL;
    }
    zlib_stream_t *z = zlib_stream_new(&zlib_decompress_type, st);
    if (!z)
        return NULL;
    if (!z->unused_data || !z->unconsumed_tail)
        goto fail;
    z->zdict = GP_XINCREF(argv[1]);
    int err = inflateInit2(&z->zs, wbits);
    if (err != Z_OK) {
        if (err == Z_MEM_ERROR)
            gp_err_set_string(&gp_exc_MemoryError,
                              "Can't allocate memory for decompression object");
        else if (err == Z_STREAM_ERROR)
            gp_err_set_string(&gp_exc_ValueError, "Invalid initialization option");
        else
            zlib_raise(st, err, z->zs.msg, "while creating decompression object");
        inflateEnd(&z->zs);
        goto fail;
    }
    z->initialised = true;
    /* A raw stream has no header to ask for the dictionary: it is given now. */
    if (z->zdict && wbits < 0 && decompress_set_dict(z) < 0)
        goto fail;
    return &z->base;
fail:
    GP_DECREF(&z->base);
    return NULL;
}


/* What one decompression pass left behind. */
typedef struct inflate_pass {
    int err;           /* zlib's last result */
    bool failed;       /* err is an error zlib reported while inflating */
    bool dict_failed;  /* err came from setting the dictionary */
    const char *unread; /* input zlib did not take (points into the caller's buffer) */
    size_t unread_len;
} inflate_pass_t;

/* One decompression pass over [len] bytes at [data] with [flush], writing at
   most [limit] bytes, the first window being [first] bytes (0: the standard
   size). The caller holds the object's lock and keeps [data] alive until it
   has saved the unread input. Returns the output, or NULL with an exception
   (only MemoryError, or a dictionary that is no longer a buffer); zlib's
   errors are left in [pass] for the caller to judge. */
static gp_object_t *decompress_run(zlib_stream_t *z, const char *data, size_t len, int flush,
                                   size_t first, size_t limit, inflate_pass_t *pass)
{
    gp_buffer_t dict = {0};
    bool have_dict = false;
    /* The dictionary is exported before the GIL goes, in case zlib asks. */
    if (z->zdict) {
        if (zlib_data_arg(z->zdict, &dict) < 0)
            return NULL;
        have_dict = dict.len <= UINT_MAX;
    }
    zlib_output_t out;
    zlib_output_init(&out, first, limit);
    const char *next = data;
    size_t left = len;
    int err = Z_OK;
    bool failed = false, dict_failed = false, full = false;
    z->zs.avail_out = 0;
    gp_thread_state_t *ts = zlib_gil_release(len >= ZLIB_GIL_MINSIZE);
    do {
        zlib_input_feed(&z->zs, &next, &left);
        for (;;) {
            if (z->zs.avail_out == 0 && !zlib_output_grow(&out, &z->zs)) {
                full = true;
                break;
            }
            err = inflate(&z->zs, flush);
            if (err == Z_NEED_DICT && have_dict) {
                err = inflateSetDictionary(&z->zs, (const Bytef *)dict.data, (uInt)dict.len);
                if (err != Z_OK) {
                    dict_failed = true;
                    break;
                }
                continue;
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                failed = true;
                break;
            }
            if (z->zs.avail_out != 0 || err == Z_STREAM_END)
                break;
        }
    } while (!full && !failed && !dict_failed && err != Z_STREAM_END && left > 0);
    zlib_gil_acquire(ts);
    gp_buffer_release(&dict);

    /* The input not yet fed to zlib follows what zlib left unread. */
    pass->err = err;
    pass->failed = failed;
    pass->dict_failed = dict_failed;
    pass->unread = z->zs.avail_in ? (const char *)z->zs.next_in : next;
    pass->unread_len = z->zs.avail_in + left;
    z->zs.next_in = NULL;
    z->zs.avail_in = 0;
    if (out.no_memory) {
        zlib_output_discard(&out);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r = zlib_output_finish(&out, &z->zs);
    z->zs.next_out = NULL;
    z->zs.avail_out = 0;
    return r;
}

/* After a pass: input past the end of the stream joins unused_data, input
   held back (by max_length, or an error) becomes unconsumed_tail. */
static int decompress_save_input(zlib_stream_t *z, const inflate_pass_t *pass)
{
    const char *rest = pass->unread;
    size_t left = pass->unread_len;
    if (pass->err == Z_STREAM_END && left > 0) {
        size_t old = gp_bytes_len(z->unused_data);
        gp_object_t *u = gp_bytes_new(NULL, old + left);
        if (!u)
            return -1;
        /* A fresh bytes object is ours to fill until it is published. */
        char *d = (char *)gp_bytes_data(u);
        memcpy(d, gp_bytes_data(z->unused_data), old);
        memcpy(d + old, rest, left);
        GP_SETREF(z->unused_data, u);
        left = 0;
    }
    if (left > 0 || gp_bytes_len(z->unconsumed_tail) > 0) {
        gp_object_t *t = gp_bytes_new(rest, left);
        if (!t)
            return -1;
        GP_SETREF(z->unconsumed_tail, t);
    }
    return 0;
}

/* Raises the error a failed pass ended with, if any: -1 when one was raised. */
static int decompress_check(zlib_stream_t *z, const inflate_pass_t *pass)
{
    if (pass->dict_failed) {
        zlib_raise(z->state, pass->err, z->zs.msg, "while setting zdict");
        return -1;
    }
    if (!pass->failed)
        return 0;
    if (pass->err == Z_MEM_ERROR)
        gp_err_set_string(&gp_exc_MemoryError, "Out of memory while decompressing data");
    else
        zlib_raise(z->state, pass->err, z->zs.msg, "while decompressing data");
    return -1;
}

static gp_object_t *decompress_decompress(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    static const char *const names[] = {"/data", "max_length", NULL};
    gp_object_t *argv[2] = {NULL};
    zlib_stream_t *z = STREAM(self);
    intptr_t max_length = 0;
    if (zlib_need_positional("decompress", nargs, false) < 0 ||
        gp_args_parse("decompress", args, nargs, kwnames, names, 1, argv) < 0 ||
        (argv[1] && zlib_ssize_arg(argv[1], &max_length) < 0))
        return NULL;
    if (max_length < 0) {
        gp_err_set_string(&gp_exc_ValueError, "max_length must be non-negative");
        return NULL;
    }
    gp_buffer_t in;
    if (zlib_data_arg(argv[0], &in) < 0)
        return NULL;
    size_t limit = max_length ? (size_t)max_length : SIZE_MAX;
    inflate_pass_t pass;
    zlib_stream_lock(z);
    gp_object_t *r = decompress_run(z, in.data, in.len, Z_SYNC_FLUSH, 0, limit, &pass);
    /* The unread input is saved even when the pass failed, as CPython does. */
    if (r && (decompress_save_input(z, &pass) < 0 || decompress_check(z, &pass) < 0))
        GP_CLEAR(r);
    if (r && pass.err == Z_STREAM_END)
        z->eof = true;
    zlib_stream_unlock(z);
    gp_buffer_release(&in);
    return r;
}

static gp_object_t *decompress_flush(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    static const char *const names[] = {"/length", NULL};
    gp_object_t *argv[1] = {NULL};
    zlib_stream_t *z = STREAM(self);
    intptr_t length = ZLIB_DEF_BUF_SIZE;
    if (gp_args_parse("flush", args, nargs, kwnames, names, 0, argv) < 0 ||
        (argv[0] && zlib_ssize_arg(argv[0], &length) < 0))
        return NULL;
    if (length <= 0) {
        gp_err_set_string(&gp_exc_ValueError, "length must be greater than zero");
        return NULL;
    }
    inflate_pass_t pass;
    zlib_stream_lock(z);
    /* The input is what max_length held back; the pass replaces the tail, so
       it is kept alive until its unread part has been copied. */
    gp_object_t *tail = GP_INCREF(z->unconsumed_tail);
    gp_object_t *r = decompress_run(z, gp_bytes_data(tail), gp_bytes_len(tail), Z_FINISH,
                                    (size_t)length, SIZE_MAX, &pass);
    /* flush() reports no zlib error: a truncated or corrupt stream simply
       yields what could be recovered. */
    if (r && decompress_save_input(z, &pass) < 0)
        GP_CLEAR(r);
    GP_DECREF(tail);
    if (r && pass.err == Z_STREAM_END && !pass.failed) {
        z->eof = true;
        if (z->initialised) {
            int err = inflateEnd(&z->zs);
            z->initialised = false;
            if (err != Z_OK) {
                zlib_raise(z->state, err, z->zs.msg, "while finishing decompression");
                GP_CLEAR(r);
            }
        }
    }
    zlib_stream_unlock(z);
    return r;
}

static gp_object_t *decompress_copy_impl(zlib_stream_t *z)
{
    zlib_stream_t *c = zlib_stream_new(&zlib_decompress_type, z->state);
    if (!c)
        return NULL;
    if (!c->unused_data || !c->unconsumed_tail) {
        GP_DECREF(&c->base);
        return NULL;
    }
    zlib_stream_lock(z);
    int err = z->initialised ? inflateCopy(&c->zs, &z->zs) : Z_STREAM_ERROR;
    if (err == Z_OK) {
        c->initialised = true;
        c->eof = z->eof;
        GP_SETREF(c->unused_data, GP_INCREF(z->unused_data));
        GP_SETREF(c->unconsumed_tail, GP_INCREF(z->unconsumed_tail));
        c->zdict = GP_XINCREF(z->zdict);
    }
    zlib_stream_unlock(z);
    if (err != Z_OK) {
        if (err == Z_STREAM_ERROR)
            gp_err_set_string(&gp_exc_ValueError, "Inconsistent stream state");
        else if (err == Z_MEM_ERROR)
            gp_err_set_string(&gp_exc_MemoryError,
                              "Can't allocate memory for decompression object");
        else
            zlib_raise(z->state, err, c->zs.msg, "while copying decompression object");
        GP_DECREF(&c->base);
        return NULL;
    }
    return &c->base;
}

static gp_object_t *decompress_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (zlib_no_args("copy", nargs, kwnames) < 0)
        return NULL;
    return decompress_copy_impl(STREAM(self));
}

static gp_object_t *decompress_deepcopy(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (zlib_deepcopy_args(args, nargs, kwnames) < 0)
        return NULL;
    return decompress_copy_impl(STREAM(self));
}

static gp_object_t *decompress_get(gp_object_t *self, void *closure)
{
    zlib_stream_t *z = STREAM(self);
    switch ((int)(intptr_t)closure) {
    case 0:
        return GP_INCREF(z->unused_data);
    case 1:
        return GP_INCREF(z->unconsumed_tail);
    default:
        return gp_bool_from(z->eof);
    }
}

/* The three attributes are read-only members in CPython, and say so. */
static int decompress_set(gp_object_t *self, gp_object_t *value, void *closure)
{
    gp_err_set_string(&gp_exc_AttributeError, "readonly attribute");
    return -1;
}

/* ------------------------------------------------------------------ */
/* The types                                                            */
/* ------------------------------------------------------------------ */

static const gp_method_def_t compress_methods[] = {
    {"compress", compress_compress, GP_METH_KEYWORDS,
     "Returns a bytes object containing compressed data."},
    {"flush", compress_flush, GP_METH_KEYWORDS,
     "Return a bytes object containing any "
     "remaining compressed data."},
    {"copy", compress_copy, 0, "Return a copy of the compression object."},
    {"__copy__", compress_copy, 0, NULL},
    {"__deepcopy__", compress_deepcopy, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_method_def_t decompress_methods[] = {
    {"decompress", decompress_decompress, GP_METH_KEYWORDS,
     "Return a bytes object containing the "
     "decompressed version of the data."},
    {"flush", decompress_flush, GP_METH_KEYWORDS,
     "Return a bytes object containing any "
     "remaining decompressed data."},
    {"copy", decompress_copy, 0,
     "Return a copy of the decompression object."},
    {"__copy__", decompress_copy, 0, NULL},
    {"__deepcopy__", decompress_deepcopy, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t decompress_getsets[] = {
    {"unused_data", decompress_get, decompress_set, (void *)0, "Data found after the end of the stream."},
    {"unconsumed_tail", decompress_get, decompress_set, (void *)1,
     "Input left over by a call that reached max_length."},
    {"eof", decompress_get, decompress_set, (void *)2, "True once the end of the stream was reached."},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t zlib_compress_type = {
    GP_TYPE_HEAD_INIT,
    .name = "zlib.Compress",
    .basicsize = sizeof(zlib_stream_t),
    .dealloc = zlib_stream_dealloc,
    .methods = compress_methods,
    .doc = "A compression stream: compress() pieces of data, then flush().",
};

static gp_type_t zlib_decompress_type = {
    GP_TYPE_HEAD_INIT,
    .name = "zlib.Decompress",
    .basicsize = sizeof(zlib_stream_t),
    .dealloc = zlib_stream_dealloc,
    .methods = decompress_methods,
    .getsets = decompress_getsets,
    .doc = "A decompression stream: decompress() pieces of a compressed stream.",
};

/* ------------------------------------------------------------------ */
/* Checksums                                                            */
/* ------------------------------------------------------------------ */

/* crc32() and adler32(): ([data], [start]) positional only. */
static gp_object_t *zlib_checksum(const char *fname, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames, uint32_t start, bool crc)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "zlib.%s() takes no keyword arguments", fname);
        return NULL;
    }
    if (gp_args_check(fname, nargs, NULL, 1, 2) < 0)
        return NULL;
    if (nargs > 1 && zlib_u32_arg(args[1], &start) < 0)
        return NULL;
    gp_buffer_t in;
    if (zlib_data_arg(args[0], &in) < 0)
        return NULL;
    gp_thread_state_t *ts = zlib_gil_release(in.len >= ZLIB_GIL_MINSIZE);
    uLong value = crc ? crc32_z(start, (const Bytef *)in.data, in.len)
                      : adler32_z(start, (const Bytef *)in.data, in.len);
    zlib_gil_acquire(ts);
    gp_buffer_release(&in);
    return gp_int_from_u64((uint32_t)value);
}

static gp_object_t *zlib_crc32(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return zlib_checksum("crc32", args, nargs, kwnames, 0, true);
}

static gp_object_t *zlib_adler32(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    return zlib_checksum("adler32", args, nargs, kwnames, 1, false);
}

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

static const gp_method_def_t zlib_functions[] = {
    {"compress", zlib_compress, GP_METH_KEYWORDS,
     "Returns a bytes object containing compressed data."},
    {"decompress", zlib_decompress, GP_METH_KEYWORDS,
     "Returns a bytes object containing the uncompressed data."},
    {"compressobj", zlib_compressobj, GP_METH_KEYWORDS,
     "Return a compressor object."},
    {"decompressobj", zlib_decompressobj, GP_METH_KEYWORDS,
     "Return a decompressor object."},
    {"crc32", zlib_crc32, GP_METH_KEYWORDS,
     "Compute a CRC-32 checksum of data."},
    {"adler32", zlib_adler32, GP_METH_KEYWORDS,
     "Compute an Adler-32 checksum of data."},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} zlib_constants[] = {
    {"MAX_WBITS", MAX_WBITS},
    {"DEFLATED", Z_DEFLATED},
    {"DEF_MEM_LEVEL", ZLIB_DEF_MEM_LEVEL},
    {"DEF_BUF_SIZE", ZLIB_DEF_BUF_SIZE},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
    {"Z_RLE", Z_RLE},
    {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
    {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
    {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_FINISH", Z_FINISH},
    {"Z_BLOCK", Z_BLOCK},
    {"Z_TREES", Z_TREES},
};

static int zlib_module_fill(gp_object_t *m, zlib_state_t *st)
{
    /* The functions are bound to the state, which is how they find zlib.error. */
    for (const gp_method_def_t *d = zlib_functions; d->name; d++) {
        gp_object_t *f = gp_cfunction_new(d, &st->base);
        int rc = f ? gp_module_add_object(m, d->name, f) : -1;
        GP_XDECREF(f);
        if (rc < 0)
            return -1;
    }
    for (size_t i = 0; i < sizeof zlib_constants / sizeof zlib_constants[0]; i++)
        if (gp_module_add_int(m, zlib_constants[i].name, zlib_constants[i].value) < 0)
            return -1;
    static const char *const strings[][2] = {
        {"ZLIB_VERSION", ZLIB_VERSION},
        {"__version__", "1.0"},
        {"__doc__", "The functions in this module allow compression and decompression using "
                    "the\nzlib library, which is based on GNU zip.\n"},
    };
    for (size_t i = 0; i < 3; i++) {
        gp_object_t *s = gp_str_from_cstr(strings[i][1]);
        int rc = s ? gp_module_add_object(m, strings[i][0], s) : -1;
        GP_XDECREF(s);
        if (rc < 0)
            return -1;
    }
    gp_object_t *runtime_version = gp_str_from_cstr(zlibVersion());
    int rc = runtime_version ? gp_module_add_object(m, "ZLIB_RUNTIME_VERSION", runtime_version)
                             : -1;
    GP_XDECREF(runtime_version);
    if (rc < 0)
        return -1;
    return gp_module_add_object(m, "error", st->error);
}

gp_object_t *gp_zlib_module_create(void)
{
    if (gp_type_ready(&zlib_state_type) < 0 || gp_type_ready(&zlib_compress_type) < 0 ||
        gp_type_ready(&zlib_decompress_type) < 0)
        return NULL;
    zlib_state_t *st = (zlib_state_t *)gp_object_alloc(&zlib_state_type, 0);
    if (!st)
        return NULL;
    gp_object_t *m = NULL;
    gp_object_t *bases = gp_tuple_pack(1, (gp_object_t *)&gp_exc_Exception);
    st->error = bases ? gp_type_new_simple_class("zlib", "error", bases) : NULL;
    GP_XDECREF(bases);
    if (st->error)
        m = gp_module_new("zlib");
    if (m && zlib_module_fill(m, st) < 0)
        GP_CLEAR(m);
    GP_DECREF(&st->base);
    return m;
}
