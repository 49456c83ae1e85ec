/*
 * memoryview.h - the buffer protocol and the memoryview type.
 *
 * Design notes
 * ------------
 * gilpy has three kinds of object that expose raw bytes: bytes (immutable),
 * bytearray (mutable and resizable) and memoryview (a window on one of the
 * other two). C code that wants "a bytes-like object" has two ways in:
 *
 *   - gp_bytes_like() (obj/str.h) and gp_bytes_data()/gp_bytes_len()
 *     (object.h) hand out a *borrowed* pointer. They are right for code that
 *     reads the bytes and finishes before it next runs Python code or drops
 *     the GIL: nothing can resize the bytearray under it.
 *   - gp_buffer_get() / gp_buffer_release() take an *export*: while it is
 *     held, the bytearray behind the buffer refuses to resize ("Existing
 *     exports of data: object cannot be re-sized"), so the pointer stays valid
 *     across a released GIL (socket recv_into/send, file write) or a callback
 *     into Python.
 *
 * A memoryview holds one export for its whole life (until release() or
 * dealloc). Slicing a memoryview, or memoryview(memoryview), makes a new view
 * on the same underlying object with an export of its own, so releasing the
 * parent never invalidates the child: the same observable behaviour as
 * CPython's shared "managed buffer", with less machinery.
 *
 * Views are one-dimensional. Item formats are the native single-character
 * struct codes (b B c ? h H i I l L q Q n N f d P, optionally prefixed with
 * '@'); cast() converts between a byte format and any of them.
 */
#ifndef GP_MEMORYVIEW_H
#define GP_MEMORYVIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "obj/object.h"

extern gp_type_t gp_memoryview_type, gp_memoryview_iterator_type;

#define gp_memoryview_check(o) (GP_IS_PTR(o) && (o)->type == &gp_memoryview_type)

/* An exported buffer: [len] bytes at [data]. [obj] is a new reference to
   the object asked for (NULL once released). */
typedef struct gp_buffer {
    gp_object_t *obj;
    char *data;
    size_t len;
    bool readonly;
    gp_object_t *exporter; /* the bytearray whose export count we hold, or NULL */
} gp_buffer_t;

enum {
    GP_BUFFER_SIMPLE = 0,
    GP_BUFFER_WRITABLE = 1, /* refuse read-only buffers (bytes, read-only views) */
};

/* added by array: the buffer protocol of a type outside obj/ (array.array),
   named by its gp_type_t.buffer_procs. [describe] gives the object's
   contiguous, writable memory: where it starts, its length in bytes, and
   the native struct code of one item. [export] counts the buffers held on
   it (+1 when one is taken, -1 when it is given back): while any is held,
   the object must refuse to move its memory (BufferError). */
typedef struct gp_buffer_procs {
    void (*describe)(gp_object_t *o, char **data, size_t *len, char *format);
    void (*export)(gp_object_t *o, int delta);
} gp_buffer_procs_t;

/* [o]'s buffer procedures, inherited by subclasses, or NULL. */
static inline const gp_buffer_procs_t *gp_buffer_procs_of(gp_object_t *o)
{
    if (!GP_IS_PTR(o))
        return NULL;
    for (gp_type_t *t = GP_TYPE(o); t; t = t->base_type)
        if (t->buffer_procs)
            return t->buffer_procs;
    return NULL;
}

/* Fills [view] with the contiguous bytes of [o] (bytes, bytearray or a
   memoryview), taking an export. On failure returns -1 with CPython's
   exception: TypeError "a bytes-like object is required, not 'str'" (or,
   with GP_BUFFER_WRITABLE, "... must be read-write bytes-like object, not
   bytes", worded by the caller when it matters), ValueError for a released
   view, BufferError for a non-contiguous one. */
int gp_buffer_get(gp_object_t *o, gp_buffer_t *view, int flags);
/* Gives the export back. Safe on a zeroed or already released view. */
void gp_buffer_release(gp_buffer_t *view);
/* Does [o] expose the buffer protocol at all? (No exception.) */
bool gp_buffer_check(gp_object_t *o);

/* For bytes.c: the contiguous bytes of an unreleased, C-contiguous
   memoryview (borrowed), or false. Never raises. */
bool gp_memoryview_bytes(gp_object_t *o, const char **data, size_t *len);
/* A bytes copy of a memoryview's contents, whatever its strides. */
gp_object_t *gp_memoryview_tobytes(gp_object_t *o);

/* Releases the recycled views (memoryview.c's free list) to the allocator;
   called at runtime shutdown, next to the tuple and slice free lists. */
void gp_memoryview_clear_free_list(void);

/* bytearray export bookkeeping (bytes.c). */
void gp_bytearray_export(gp_object_t *bytearray, int delta);

/* The byte-table methods of bytes and bytearray (bytes_text.c). */
gp_object_t *gp_bytes_translate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames);
gp_object_t *gp_bytes_maketrans(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames);
gp_object_t *gp_bytes_expandtabs(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames);
gp_object_t *gp_bytes_istitle(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames);
gp_object_t *gp_bytes_bytes(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames);

/* bytes.hex() shared with memoryview.hex(): [self] is any bytes-like. */
gp_object_t *gp_bytes_hex(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames);

/* Is [o] a bytearray (or a subclass)? The exact types are tested first:
   bytes-like checks run on every buffer argument, and walking the MRO of a
   bytes or memoryview to learn that it is no bytearray subclass costs more
   than the copy it guards. */
static inline bool gp_is_bytearray(gp_object_t *o)
{
    if (!GP_IS_PTR(o))
        return false;
    gp_type_t *t = GP_TYPE(o);
    if (t == &gp_bytearray_type)
        return true;
    if (t == &gp_bytes_type || t == &gp_memoryview_type)
        return false;
    return gp_type_is_subtype(t, &gp_bytearray_type);
}

#endif /* GP_MEMORYVIEW_H */
