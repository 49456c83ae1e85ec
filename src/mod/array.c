/*
 * array.c - the `array` module: typed arrays of C numbers, as CPython 3.11.
 *
 * Design notes
 * ------------
 * An array is one malloc'd block of [allocated] items of [itemsize] bytes,
 * [size] of them in use, and a pointer to the descriptor of its typecode.
 * The descriptor says how an item is stored (its C type) and how a Python
 * value converts to it: every conversion goes through array_pack() and
 * array_unpack(), so the thirteen typecodes share every method.
 *
 * Conversions keep CPython's order of checks, because its error messages
 * depend on it: the value goes through __index__ first ("'float' object
 * cannot be interpreted as an integer"); then, for the small types, a C
 * long conversion ("Python int too large to convert to C long") before the
 * range check ("signed char is greater than maximum"); the unsigned long
 * types refuse negatives first ("can't convert negative value to unsigned
 * int"). 'u' items are UCS-4 code points (wchar_t on Linux).
 *
 * Growth is the list's: a little over what is asked for, so a loop of
 * append() is amortised O(1). While a memoryview (or any other export)
 * holds the buffer, nothing may move it: every resize checks [exports] and
 * raises BufferError, as CPython does.
 *
 * Comparisons and `in` go through the items as Python objects, which is
 * what CPython does too (array('b', [1]) == array('f', [1.0]) is True).
 */
#include <stdint.h>
#include <string.h>

#include "obj/containers.h"
#include "obj/int.h"
#include "obj/memoryview.h"
#include "obj/object.h"
#include "obj/str.h"
#include "runtime/runtime.h"

enum array_kind {
    ARRAY_SIGNED,
    ARRAY_UNSIGNED,
    ARRAY_FLOAT,
    ARRAY_UNICODE,
};

typedef struct array_descr {
    char typecode;
    uint8_t itemsize;
    uint8_t kind;           /* enum array_kind */
    const char *range_name; /* the C type as the range errors name it */
} array_descr_t;

/* In the order of array.typecodes. 'l' and 'L' are 8 bytes (LP64). */
static const array_descr_t array_descrs[] = {
    {'b', 1, ARRAY_SIGNED, "signed char"},
    {'B', 1, ARRAY_UNSIGNED, "unsigned byte integer"},
    {'u', 4, ARRAY_UNICODE, NULL},
    {'h', 2, ARRAY_SIGNED, "signed short integer"},
    {'H', 2, ARRAY_UNSIGNED, "unsigned short"},
    {'i', 4, ARRAY_SIGNED, "signed integer"},
    {'I', 4, ARRAY_UNSIGNED, "unsigned int"},
    {'l', 8, ARRAY_SIGNED, NULL},
    {'L', 8, ARRAY_UNSIGNED, NULL},
    {'q', 8, ARRAY_SIGNED, NULL},
    {'Q', 8, ARRAY_UNSIGNED, NULL},
    {'f', 4, ARRAY_FLOAT, NULL},
    {'d', 8, ARRAY_FLOAT, NULL},
};
#define ARRAY_NDESCRS (sizeof array_descrs / sizeof array_descrs[0])

typedef struct array_object {
    gp_object_t base;
    char *items;        /* [allocated] items, NULL when allocated is 0 */
    intptr_t size;      /* items in use */
    intptr_t allocated; /* items the block can hold */
    const array_descr_t *descr;
    intptr_t exports;   /* buffers handed out and not yet released */
} array_t;

typedef struct array_iterator {
    gp_object_t base;
    gp_object_t *array; /* NULL once exhausted */
    intptr_t index;
} array_iterator_t;

static gp_type_t array_type, array_iterator_type;

#define ARRAY(o) ((array_t *)(o))
#define ITEMSIZE(a) ((intptr_t)(a)->descr->itemsize)
#define ITEM_PTR(a, i) ((a)->items + (i) * ITEMSIZE(a))

static bool array_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && (GP_TYPE(o) == &array_type || gp_type_is_subtype(GP_TYPE(o), &array_type));
}

static const array_descr_t *array_descr_find(uint32_t typecode)
{
    for (size_t i = 0; i < ARRAY_NDESCRS; i++)
        if ((uint32_t)array_descrs[i].typecode == typecode)
            return &array_descrs[i];
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Items: Python value <-> C storage                                    */
/* ------------------------------------------------------------------ */

/* The item at [p] as a Python object. */
static gp_object_t *array_unpack(const array_descr_t *d, const char *p)
{
    switch (d->typecode) {
    case 'b': { int8_t v; memcpy(&v, p, 1); return gp_int_from_i64(v); }
    case 'B': { uint8_t v; memcpy(&v, p, 1); return gp_int_from_i64(v); }
    case 'h': { int16_t v; memcpy(&v, p, 2); return gp_int_from_i64(v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return gp_int_from_i64(v); }
    case 'i': { int32_t v; memcpy(&v, p, 4); return gp_int_from_i64(v); }
    case 'I': { uint32_t v; memcpy(&v, p, 4); return gp_int_from_i64(v); }
    case 'l':
    case 'q': { int64_t v; memcpy(&v, p, 8); return gp_int_from_i64(v); }
    case 'L':
    case 'Q': { uint64_t v; memcpy(&v, p, 8); return gp_int_from_u64(v); }
    case 'f': { float v; memcpy(&v, p, 4); return gp_float_new(v); }
    case 'd': { double v; memcpy(&v, p, 8); return gp_float_new(v); }
    case 'u': { uint32_t v; memcpy(&v, p, 4); return gp_str_from_codepoint(v); }
    }
    gp_err_set_string(&gp_exc_SystemError, "array: unknown typecode");
    return NULL;
}

/* Stores signed [v] at [p] as [d]'s C type, whose range it must fit. */
static void array_store_bits(const array_descr_t *d, char *p, uint64_t v)
{
    switch (d->itemsize) {
    case 1: { uint8_t x = (uint8_t)v; memcpy(p, &x, 1); break; }
    case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
    default: memcpy(p, &v, 8); break;
    }
}

static int array_range_error(const array_descr_t *d, bool too_big)
{
    gp_err_format(&gp_exc_OverflowError, "%s is %s", d->range_name,
                  too_big ? "greater than maximum" : "less than minimum");
    return -1;
}

/* Converts the int [v] for a signed typecode. */
static int array_pack_signed(const array_descr_t *d, char *p, gp_object_t *v)
{
    int overflow = 0;
    int64_t x = gp_int_as_i64_overflow(v, &overflow);
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, d->typecode == 'q'
                                                     ? "int too big to convert"
                                                     : "Python int too large to convert to C long");
        return -1;
    }
    /* 'b' goes through a C short first, and says so when that overflows. */
    if (d->typecode == 'b' && (x > INT16_MAX || x < INT16_MIN))
        return array_range_error(array_descr_find('h'), x > INT16_MAX);
    if (d->itemsize < 8) {
        int64_t max = ((int64_t)1 << (d->itemsize * 8 - 1)) - 1;
        if (x > max || x < -max - 1)
            return array_range_error(d, x > max);
    }
    array_store_bits(d, p, (uint64_t)x);
    return 0;
}

/* Converts the int [v] for an unsigned typecode. */
static int array_pack_unsigned(const array_descr_t *d, char *p, gp_object_t *v)
{
    char tc = d->typecode;
    bool small = tc == 'B' || tc == 'H';
    int sign = gp_int_sign(v);
    uint64_t bits = gp_int_bit_length(v);
    if (small) {
        /* CPython converts these through a C long first. */
        int overflow = 0;
        int64_t x = gp_int_as_i64_overflow(v, &overflow);
        if (overflow) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C long");
            return -1;
        }
        /* 'H' goes through a C int first, and says so when that overflows. */
        if (tc == 'H' && (x > INT32_MAX || x < INT32_MIN))
            return array_range_error(array_descr_find('i'), x > INT32_MAX);
        if (x < 0)
            return array_range_error(d, false);
        if (bits > (uint64_t)d->itemsize * 8)
            return array_range_error(d, true);
        array_store_bits(d, p, (uint64_t)x);
        return 0;
    }
    if (sign < 0) {
        gp_err_set_string(&gp_exc_OverflowError, tc == 'Q' ? "can't convert negative int to unsigned"
                                                           : "can't convert negative value to unsigned int");
        return -1;
    }
    if (bits > 64) {
        gp_err_set_string(&gp_exc_OverflowError, tc == 'Q' ? "int too big to convert"
                                                           : "Python int too large to convert to C unsigned long");
        return -1;
    }
    if (tc == 'I' && bits > 32)
        return array_range_error(d, true);
    uint8_t le[8];
    if (gp_int_to_bytes(v, le, 8, true, false) < 0)
        return -1;
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--)
        x = (x << 8) | le[i];
    array_store_bits(d, p, x);
    return 0;
}

/* Stores the Python value [value] at [p] as [d]'s C type, with CPython's
   errors. Nothing is written when it fails. */
static int array_pack(const array_descr_t *d, char *p, gp_object_t *value)
{
    if (d->kind == ARRAY_FLOAT) {
        double x = gp_float_as_double(value);
        if (x == -1.0 && gp_err_occurred())
            return -1;
        if (d->typecode == 'f') {
            float f = (float)x;
            memcpy(p, &f, 4);
        } else {
            memcpy(p, &x, 8);
        }
        return 0;
    }
    if (d->kind == ARRAY_UNICODE) {
        if (!gp_str_check(value) || gp_str_length(value) != 1) {
            gp_err_set_string(&gp_exc_TypeError, "array item must be unicode character");
            return -1;
        }
        uint32_t cp = gp_str_char_at(value, 0);
        memcpy(p, &cp, 4);
        return 0;
    }
    gp_object_t *v = gp_int_check(value) ? GP_INCREF(value) : gp_number_index(value);
    if (!v)
        return -1;
    int rc = d->kind == ARRAY_SIGNED ? array_pack_signed(d, p, v) : array_pack_unsigned(d, p, v);
    GP_DECREF(v);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Storage                                                              */
/* ------------------------------------------------------------------ */

static int array_check_resizable(array_t *a)
{
    if (a->exports > 0) {
        gp_err_set_string(&gp_exc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    return 0;
}

/* Makes room for [size] items and sets the size; the new items are
   unset. BufferError while exported, MemoryError when out of memory. */
static int array_resize(array_t *a, intptr_t size)
{
    if (size == a->size)
        return 0;
    if (array_check_resizable(a) < 0)
        return -1;
    if (size <= a->allocated && size >= a->allocated / 2) {
        a->size = size;
        return 0;
    }
    intptr_t itemsize = ITEMSIZE(a);
    if (size > (INTPTR_MAX - 16) / 9 / itemsize) {
        gp_err_no_memory();
        return -1;
    }
    /* Over-allocate when growing, as the list does. */
    intptr_t allocated = size > a->size ? size + (size >> 3) + (size < 9 ? 3 : 6) : size;
    char *items = allocated ? gp_mem_realloc(a->items, (size_t)(allocated * itemsize)) : NULL;
    if (allocated && !items) {
        gp_err_no_memory();
        return -1;
    }
    if (!allocated)
        gp_mem_free(a->items);
    a->items = items;
    a->allocated = allocated;
    a->size = size;
    return 0;
}

/* A new empty array of [type] with [descr]'s typecode, room for [n] items
   and size [n] (items unset). */
static gp_object_t *array_new_sized(gp_type_t *type, const array_descr_t *descr, intptr_t n)
{
    gp_object_t *self = gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    ARRAY(self)->descr = descr;
    if (n > 0 && array_resize(ARRAY(self), n) < 0) {
        GP_DECREF(self);
        return NULL;
    }
    return self;
}

/* Appends [n] raw items. */
static int array_append_raw(array_t *a, const char *data, intptr_t n)
{
    intptr_t old = a->size;
    if (n == 0)
        return 0;
    if (n > INTPTR_MAX - old) {
        gp_err_no_memory();
        return -1;
    }
    if (array_resize(a, old + n) < 0)
        return -1;
    memmove(ITEM_PTR(a, old), data, (size_t)(n * ITEMSIZE(a)));
    return 0;
}

/* Appends one Python value. */
static int array_append_value(array_t *a, gp_object_t *value)
{
    char item[8];
    if (array_pack(a->descr, item, value) < 0)
        return -1;
    return array_append_raw(a, item, 1);
}

/* Removes items [start, start + n). */
static int array_delete_range(array_t *a, intptr_t start, intptr_t n)
{
    if (n <= 0)
        return 0;
    if (array_check_resizable(a) < 0)
        return -1;
    memmove(ITEM_PTR(a, start), ITEM_PTR(a, start + n),
            (size_t)((a->size - start - n) * ITEMSIZE(a)));
    return array_resize(a, a->size - n);
}

/* Inserts [n] raw items at [index] (0 <= index <= size). [data] may point
   into the array itself. */
static int array_insert_raw(array_t *a, intptr_t index, const char *data, intptr_t n)
{
    if (n == 0)
        return 0;
    char *copy = gp_mem_alloc((size_t)(n * ITEMSIZE(a)));
    if (!copy) {
        gp_err_no_memory();
        return -1;
    }
    memcpy(copy, data, (size_t)(n * ITEMSIZE(a)));
    intptr_t old = a->size;
    if (array_resize(a, old + n) < 0) {
        gp_mem_free(copy);
        return -1;
    }
    memmove(ITEM_PTR(a, index + n), ITEM_PTR(a, index), (size_t)((old - index) * ITEMSIZE(a)));
    memcpy(ITEM_PTR(a, index), copy, (size_t)(n * ITEMSIZE(a)));
    gp_mem_free(copy);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Filling from other objects                                           */
/* ------------------------------------------------------------------ */

static int array_frombytes_data(array_t *a, const char *data, size_t len)
{
    if (len % (size_t)ITEMSIZE(a) != 0) {
        gp_err_set_string(&gp_exc_ValueError, "bytes length not a multiple of item size");
        return -1;
    }
    return array_append_raw(a, data, (intptr_t)(len / (size_t)ITEMSIZE(a)));
}

static int array_frombytes_object(array_t *a, gp_object_t *o)
{
    gp_buffer_t view;
    if (gp_buffer_get(o, &view, GP_BUFFER_SIMPLE) < 0)
        return -1;
    int rc = array_frombytes_data(a, view.data, view.len);
    gp_buffer_release(&view);
    return rc;
}

static int array_fromunicode_str(array_t *a, gp_object_t *s)
{
    intptr_t n = gp_str_length(s);
    intptr_t old = a->size;
    if (array_resize(a, old + n) < 0)
        return -1;
    const unsigned char *p = (const unsigned char *)gp_str_utf8(s);
    for (intptr_t i = 0; i < n; i++) {
        int len;
        uint32_t cp = gp_utf8_decode(p, &len);
        memcpy(ITEM_PTR(a, old + i), &cp, 4);
        p += len;
    }
    return 0;
}

/* Appends every item of [iterable]. Items already converted stay when a
   later one fails, as in CPython. */
static int array_extend_iterable(array_t *a, gp_object_t *iterable)
{
    if (gp_list_check_exact(iterable) || gp_tuple_check_exact(iterable)) {
        /* Indexed each time: an item's __index__ may change the list. */
        for (intptr_t i = 0;; i++) {
            intptr_t n = gp_list_check_exact(iterable) ? GP_LIST_SIZE(iterable)
                                                       : GP_TUPLE_SIZE(iterable);
            if (i >= n)
                return 0;
            gp_object_t *item = GP_INCREF(gp_list_check_exact(iterable) ? GP_LIST_GET(iterable, i)
                                                                       : GP_TUPLE_GET(iterable, i));
            int rc = array_append_value(a, item);
            GP_DECREF(item);
            if (rc < 0)
                return -1;
        }
    }
    gp_object_t *it = gp_object_iter(iterable);
    if (!it)
        return -1;
    gp_object_t *item;
    while ((item = gp_iter_next(it))) {
        int rc = array_append_value(a, item);
        GP_DECREF(item);
        if (rc < 0) {
            GP_DECREF(it);
            return -1;
        }
    }
    GP_DECREF(it);
    return gp_err_occurred() ? -1 : 0;
}

/* extend() with another array: same typecode only. */
static int array_extend_array(array_t *a, array_t *other)
{
    if (other->descr != a->descr) {
        gp_err_set_string(&gp_exc_TypeError, "can only extend with array of same kind");
        return -1;
    }
    /* Appending an array to itself reads what the resize may move. */
    if (other == a) {
        intptr_t n = a->size;
        if (array_resize(a, 2 * n) < 0)
            return -1;
        memcpy(ITEM_PTR(a, n), a->items, (size_t)(n * ITEMSIZE(a)));
        return 0;
    }
    return array_append_raw(a, other->items, other->size);
}

/* ------------------------------------------------------------------ */
/* Construction and life cycle                                          */
/* ------------------------------------------------------------------ */

/* array(typecode[, initializer]) */
static gp_object_t *array_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (type == &array_type && kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "array.array() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        gp_err_format(&gp_exc_TypeError, "array() takes %s (%zu given)",
                      nargs ? "at most 2 arguments" : "at least 1 argument", nargs);
        return NULL;
    }
    gp_object_t *code = args[0];
    if (!gp_str_check(code) || gp_str_length(code) != 1) {
        gp_err_format(&gp_exc_TypeError, "array() argument 1 must be a unicode character, not %T",
                      code);
        return NULL;
    }
    const array_descr_t *descr = array_descr_find(gp_str_char_at(code, 0));
    if (!descr) {
        gp_err_set_string(&gp_exc_ValueError,
                          "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    gp_object_t *init = nargs > 1 && args[1] != gp_None ? args[1] : NULL;
    if (init && gp_str_check(init) && descr->typecode != 'u') {
        gp_err_format(&gp_exc_TypeError,
                      "cannot use a str to initialize an array with typecode '%c'", descr->typecode);
        return NULL;
    }
    if (init && array_check(init) && ARRAY(init)->descr->typecode == 'u' && descr->typecode != 'u') {
        gp_err_format(&gp_exc_TypeError,
                      "cannot use a unicode array to initialize an array with typecode '%c'",
                      descr->typecode);
        return NULL;
    }
    gp_object_t *self = array_new_sized(type, descr, 0);
    if (!self || !init)
        return self;
    array_t *a = ARRAY(self);
    int rc;
    if (gp_str_check(init))
        rc = array_fromunicode_str(a, init);
    else if (gp_bytes_check(init) || gp_is_bytearray(init))
        rc = array_frombytes_object(a, init);
    else if (array_check(init) && ARRAY(init)->descr == descr)
        rc = array_append_raw(a, ARRAY(init)->items, ARRAY(init)->size);
    else
        rc = array_extend_iterable(a, init);
    if (rc < 0)
        GP_CLEAR(self);
    return self;
}

static void array_dealloc(gp_object_t *self)
{
    gp_mem_free(ARRAY(self)->items);
    gp_object_free(self);
}

/* ------------------------------------------------------------------ */
/* Sequence protocol                                                    */
/* ------------------------------------------------------------------ */

static intptr_t array_len(gp_object_t *self)
{
    return ARRAY(self)->size;
}

/* The index [key] names, counted from the end when negative; -1 with
   [message] as IndexError when out of range (or TypeError). */
static int array_index_of(array_t *a, gp_object_t *key, const char *message, intptr_t *out)
{
    intptr_t i = gp_number_as_ssize(key, &gp_exc_IndexError);
    if (i == -1 && gp_err_occurred())
        return -1;
    if (i < 0)
        i += a->size;
    if (i < 0 || i >= a->size) {
        gp_err_set_string(&gp_exc_IndexError, message);
        return -1;
    }
    *out = i;
    return 0;
}

static bool array_is_index(gp_object_t *key)
{
    return gp_int_check(key) || GP_TYPE(key)->to_index != NULL;
}

static gp_object_t *array_getslice(array_t *a, gp_object_t *slice)
{
    intptr_t start, stop, step;
    intptr_t n = gp_slice_indices(slice, a->size, &start, &stop, &step);
    if (n < 0)
        return NULL;
    gp_object_t *result = array_new_sized(&array_type, a->descr, n);
    if (!result)
        return NULL;
    intptr_t itemsize = ITEMSIZE(a);
    if (step == 1) {
        if (n)
            memcpy(ARRAY(result)->items, ITEM_PTR(a, start), (size_t)(n * itemsize));
    } else {
        for (intptr_t i = 0, j = start; i < n; i++, j += step)
            memcpy(ITEM_PTR(ARRAY(result), i), ITEM_PTR(a, j), (size_t)itemsize);
    }
    return result;
}

static gp_object_t *array_getitem(gp_object_t *self, gp_object_t *key)
{
    array_t *a = ARRAY(self);
    if (GP_IS_TYPE(key, gp_slice_type))
        return array_getslice(a, key);
    if (!array_is_index(key)) {
        gp_err_set_string(&gp_exc_TypeError, "array indices must be integers");
        return NULL;
    }
    intptr_t i;
    if (array_index_of(a, key, "array index out of range", &i) < 0)
        return NULL;
    return array_unpack(a->descr, ITEM_PTR(a, i));
}

/* a[slice] = value (an array of the same typecode) or del a[slice]. */
static int array_setslice(array_t *a, gp_object_t *slice, gp_object_t *value)
{
    intptr_t start, stop, step;
    intptr_t n = gp_slice_indices(slice, a->size, &start, &stop, &step);
    if (n < 0)
        return -1;
    if (value && !array_check(value)) {
        gp_err_format(&gp_exc_TypeError, "can only assign array (not \"%T\") to array slice",
                      value);
        return -1;
    }
    if (value && ARRAY(value)->descr != a->descr) {
        gp_err_set_string(&gp_exc_TypeError, "bad argument type for built-in operation");
        return -1;
    }
    intptr_t itemsize = ITEMSIZE(a);
    if (step == 1) {
        /* Replace [start, start + n) by the value's items, which may be a's own. */
        intptr_t m = value ? ARRAY(value)->size : 0;
        char *copy = NULL;
        if (m) {
            copy = gp_mem_alloc((size_t)(m * itemsize));
            if (!copy) {
                gp_err_no_memory();
                return -1;
            }
            memcpy(copy, ARRAY(value)->items, (size_t)(m * itemsize));
        }
        int rc = 0;
        if (m != n && array_check_resizable(a) < 0)
            rc = -1;
        else if (m < n)
            rc = array_delete_range(a, start + m, n - m);
        else if (m > n)
            rc = array_insert_raw(a, start + n, copy + n * itemsize, m - n);
        if (rc == 0 && m)
            memcpy(ITEM_PTR(a, start), copy, (size_t)((m < n ? m : n) * itemsize));
        gp_mem_free(copy);
        return rc;
    }
    if (!value) {
        if (n == 0)
            return 0;
        if (array_check_resizable(a) < 0)
            return -1;
        /* Walk upwards whatever the step's sign, keeping unselected items. */
        if (step < 0) {
            start += step * (n - 1);
            step = -step;
        }
        intptr_t write = start;
        for (intptr_t read = start; read < a->size; read++) {
            bool selected = read <= start + step * (n - 1) && (read - start) % step == 0;
            if (!selected) {
                memmove(ITEM_PTR(a, write), ITEM_PTR(a, read), (size_t)itemsize);
                write++;
            }
        }
        return array_resize(a, a->size - n);
    }
    if (ARRAY(value)->size != n) {
        gp_err_format(&gp_exc_ValueError,
                      "attempt to assign array of size %zd to extended slice of size %zd",
                      ARRAY(value)->size, n);
        return -1;
    }
    char *copy = gp_mem_alloc((size_t)(n * itemsize) + 1);
    if (!copy) {
        gp_err_no_memory();
        return -1;
    }
    memcpy(copy, ARRAY(value)->items, (size_t)(n * itemsize));
    for (intptr_t i = 0, j = start; i < n; i++, j += step)
        memcpy(ITEM_PTR(a, j), copy + i * itemsize, (size_t)itemsize);
    gp_mem_free(copy);
    return 0;
}

static int array_setitem(gp_object_t *self, gp_object_t *key, gp_object_t *value)
{
    array_t *a = ARRAY(self);
    if (GP_IS_TYPE(key, gp_slice_type))
        return array_setslice(a, key, value);
    if (!array_is_index(key)) {
        gp_err_set_string(&gp_exc_TypeError, "array indices must be integers");
        return -1;
    }
    intptr_t i;
    if (array_index_of(a, key, "array assignment index out of range", &i) < 0)
        return -1;
    if (!value)
        return array_delete_range(a, i, 1);
    /* Converted first: __index__ may run code that resizes the array. */
    char item[8];
    if (array_pack(a->descr, item, value) < 0)
        return -1;
    if (i >= a->size) {
        gp_err_set_string(&gp_exc_IndexError, "array assignment index out of range");
        return -1;
    }
    memcpy(ITEM_PTR(a, i), item, (size_t)ITEMSIZE(a));
    return 0;
}

/* Compares item [i] with [value]: 0/1, -1 on error. */
static int array_item_eq(array_t *a, intptr_t i, gp_object_t *value)
{
    gp_object_t *item = array_unpack(a->descr, ITEM_PTR(a, i));
    if (!item)
        return -1;
    int eq = gp_object_richcompare_bool(item, value, GP_CMP_EQ);
    GP_DECREF(item);
    return eq;
}

static int array_contains(gp_object_t *self, gp_object_t *value)
{
    array_t *a = ARRAY(self);
    for (intptr_t i = 0; i < a->size; i++) {
        int eq = array_item_eq(a, i, value);
        if (eq != 0)
            return eq;
    }
    return 0;
}

static gp_object_t *array_richcompare(gp_object_t *x, gp_object_t *y, gp_cmpop_t op)
{
    if (!array_check(x) || !array_check(y))
        return GP_INCREF(gp_NotImplemented);
    array_t *a = ARRAY(x), *b = ARRAY(y);
    if (a->size != b->size && (op == GP_CMP_EQ || op == GP_CMP_NE))
        return gp_bool_from(op == GP_CMP_NE);
    /* The first position where the items differ decides. */
    intptr_t i = 0;
    for (; i < a->size && i < b->size; i++) {
        gp_object_t *va = array_unpack(a->descr, ITEM_PTR(a, i));
        gp_object_t *vb = va ? array_unpack(b->descr, ITEM_PTR(b, i)) : NULL;
        int eq = vb ? gp_object_richcompare_bool(va, vb, GP_CMP_EQ) : -1;
        if (eq == 0) {
            gp_object_t *r = op == GP_CMP_EQ   ? gp_bool_from(false)
                             : op == GP_CMP_NE ? gp_bool_from(true)
                                               : gp_object_richcompare(va, vb, op);
            GP_DECREF(va);
            GP_DECREF(vb);
            return r;
        }
        GP_XDECREF(va);
        GP_XDECREF(vb);
        if (eq < 0)
            return NULL;
    }
    intptr_t na = a->size, nb = b->size;
    bool r;
    switch (op) {
    case GP_CMP_LT: r = na < nb; break;
    case GP_CMP_LE: r = na <= nb; break;
    case GP_CMP_EQ: r = na == nb; break;
    case GP_CMP_NE: r = na != nb; break;
    case GP_CMP_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    return gp_bool_from(r);
}

/* a * n: a new array of [a] repeated. */
static gp_object_t *array_repeat(array_t *a, intptr_t n)
{
    if (n < 0)
        n = 0;
    if (a->size && n > INTPTR_MAX / 16 / a->size) {
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *result = array_new_sized(&array_type, a->descr, a->size * n);
    if (!result)
        return NULL;
    size_t chunk = (size_t)(a->size * ITEMSIZE(a));
    for (intptr_t i = 0; i < n; i++)
        memcpy(ARRAY(result)->items + (size_t)i * chunk, a->items, chunk);
    return result;
}

/* a *= n */
static int array_repeat_inplace(array_t *a, intptr_t n)
{
    if (n <= 0)
        return array_resize(a, 0);
    if (a->size && n > INTPTR_MAX / 16 / a->size) {
        gp_err_no_memory();
        return -1;
    }
    intptr_t old = a->size;
    if (array_resize(a, old * n) < 0)
        return -1;
    size_t chunk = (size_t)(old * ITEMSIZE(a));
    for (intptr_t i = 1; i < n; i++)
        memcpy(a->items + (size_t)i * chunk, a->items, chunk);
    return 0;
}

static gp_object_t *array_binop(gp_object_t *x, gp_object_t *y, int op)
{
    bool inplace = (op & GP_BINOP_INPLACE) != 0;
    int base = op & ~GP_BINOP_INPLACE;
    if (base == GP_BINOP_ADD) {
        if (!array_check(x))
            return GP_INCREF(gp_NotImplemented);
        array_t *a = ARRAY(x);
        if (!array_check(y)) {
            gp_err_format(&gp_exc_TypeError,
                          inplace ? "can only extend array with array (not \"%T\")"
                                  : "can only append array (not \"%T\") to array",
                          y);
            return NULL;
        }
        if (inplace) {
            if (array_extend_array(a, ARRAY(y)) < 0)
                return NULL;
            return GP_INCREF(x);
        }
        if (ARRAY(y)->descr != a->descr) {
            gp_err_set_string(&gp_exc_TypeError, "bad argument type for built-in operation");
            return NULL;
        }
        gp_object_t *r = array_new_sized(&array_type, a->descr, 0);
        if (r && (array_append_raw(ARRAY(r), a->items, a->size) < 0 ||
                  array_append_raw(ARRAY(r), ARRAY(y)->items, ARRAY(y)->size) < 0))
            GP_CLEAR(r);
        return r;
    }
    if (base == GP_BINOP_MUL) {
        gp_object_t *seq = array_check(x) ? x : y;
        gp_object_t *count = seq == x ? y : x;
        if (!array_check(seq) || (inplace && seq != x))
            return GP_INCREF(gp_NotImplemented);
        if (!array_is_index(count)) {
            if (GP_TYPE(count)->flags & GP_TYPE_FLAG_HEAPTYPE)
                return GP_INCREF(gp_NotImplemented);
            gp_err_format(&gp_exc_TypeError, "can't multiply sequence by non-int of type '%T'",
                          count);
            return NULL;
        }
        intptr_t n = gp_number_as_ssize(count, &gp_exc_OverflowError);
        if (n == -1 && gp_err_occurred())
            return NULL;
        if (inplace) {
            if (array_repeat_inplace(ARRAY(seq), n) < 0)
                return NULL;
            return GP_INCREF(seq);
        }
        return array_repeat(ARRAY(seq), n);
    }
    return GP_INCREF(gp_NotImplemented);
}

/* "array('i', [1, 2])", "array('u', 'abc')", "array('d')" */
static gp_object_t *array_repr(gp_object_t *self)
{
    array_t *a = ARRAY(self);
    const char *name = gp_type_name(GP_TYPE(self));
    if (a->size == 0)
        return gp_str_from_format("%s('%c')", name, a->descr->typecode);
    gp_object_t *contents = NULL;
    if (a->descr->typecode == 'u') {
        gp_object_t *s = NULL;
        gp_strbuf_t b;
        gp_strbuf_init(&b);
        for (intptr_t i = 0; i < a->size; i++) {
            uint32_t cp;
            memcpy(&cp, ITEM_PTR(a, i), 4);
            gp_strbuf_append_codepoint(&b, cp);
        }
        s = gp_strbuf_finish(&b);
        contents = s ? gp_object_repr(s) : NULL;
        GP_XDECREF(s);
    } else {
        gp_object_t *list = gp_list_new(0);
        for (intptr_t i = 0; list && i < a->size; i++) {
            gp_object_t *item = array_unpack(a->descr, ITEM_PTR(a, i));
            if (!item || gp_list_append(list, item) < 0)
                GP_CLEAR(list);
            GP_XDECREF(item);
        }
        contents = list ? gp_object_repr(list) : NULL;
        GP_XDECREF(list);
    }
    if (!contents)
        return NULL;
    gp_object_t *r = gp_str_from_format("%s('%c', %U)", name, a->descr->typecode, contents);
    GP_DECREF(contents);
    return r;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

#define ARRAY_METHOD(fn)                                                              \
    static gp_object_t *fn(gp_object_t *self, gp_object_t *const *args, size_t nargs, \
                           gp_object_t *kwnames)

ARRAY_METHOD(array_append)
{
    if (gp_check_onearg("array.append", nargs) < 0)
        return NULL;
    if (array_append_value(ARRAY(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

ARRAY_METHOD(array_extend)
{
    if (gp_check_onearg("array.extend", nargs) < 0)
        return NULL;
    int rc = array_check(args[0]) ? array_extend_array(ARRAY(self), ARRAY(args[0]))
                                  : array_extend_iterable(ARRAY(self), args[0]);
    if (rc < 0)
        return NULL;
    return gp_none_new();
}

ARRAY_METHOD(array_insert)
{
    if (gp_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    intptr_t i = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (i == -1 && gp_err_occurred())
        return NULL;
    array_t *a = ARRAY(self);
    char item[8];
    if (array_pack(a->descr, item, args[1]) < 0)
        return NULL;
    if (i < 0 && (i += a->size) < 0)
        i = 0;
    if (i > a->size)
        i = a->size;
    if (array_insert_raw(a, i, item, 1) < 0)
        return NULL;
    return gp_none_new();
}

ARRAY_METHOD(array_pop)
{
    if (gp_check_positional("pop", nargs, 0, 1) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    intptr_t i = -1;
    if (nargs) {
        i = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
        if (i == -1 && gp_err_occurred())
            return NULL;
    }
    i = gp_pop_index(i, a->size, "array");
    if (i < 0)
        return NULL;
    gp_object_t *item = array_unpack(a->descr, ITEM_PTR(a, i));
    if (item && array_delete_range(a, i, 1) < 0)
        GP_CLEAR(item);
    return item;
}

/* The first index >= [start], < [stop] of an item equal to [value], or -1. */
static intptr_t array_find(array_t *a, gp_object_t *value, intptr_t start, intptr_t stop)
{
    for (intptr_t i = start; i < stop && i < a->size; i++) {
        int eq = array_item_eq(a, i, value);
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
    return -1;
}

ARRAY_METHOD(array_index)
{
    if (gp_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    intptr_t start = 0, stop = a->size;
    if (gp_index_bounds(args, nargs, a->size, &start, &stop) < 0)
        return NULL;
    intptr_t i = array_find(a, args[0], start, stop);
    if (i == -2)
        return NULL;
    if (i < 0) {
        gp_err_set_string(&gp_exc_ValueError, "array.index(x): x not in array");
        return NULL;
    }
    return gp_int_from_i64(i);
}

ARRAY_METHOD(array_remove)
{
    if (gp_check_onearg("array.remove", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    intptr_t i = array_find(a, args[0], 0, a->size);
    if (i == -2)
        return NULL;
    if (i < 0) {
        gp_err_set_string(&gp_exc_ValueError, "array.remove(x): x not in array");
        return NULL;
    }
    if (array_delete_range(a, i, 1) < 0)
        return NULL;
    return gp_none_new();
}

ARRAY_METHOD(array_count)
{
    if (gp_check_onearg("array.count", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    int64_t count = 0;
    for (intptr_t i = 0; i < a->size; i++) {
        int eq = array_item_eq(a, i, args[0]);
        if (eq < 0)
            return NULL;
        count += eq;
    }
    return gp_int_from_i64(count);
}

ARRAY_METHOD(array_reverse)
{
    if (gp_check_noargs("array.reverse", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    char tmp[8];
    size_t itemsize = (size_t)ITEMSIZE(a);
    for (intptr_t i = 0, j = a->size - 1; i < j; i++, j--) {
        memcpy(tmp, ITEM_PTR(a, i), itemsize);
        memcpy(ITEM_PTR(a, i), ITEM_PTR(a, j), itemsize);
        memcpy(ITEM_PTR(a, j), tmp, itemsize);
    }
    return gp_none_new();
}

ARRAY_METHOD(array_byteswap)
{
    if (gp_check_noargs("array.byteswap", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    intptr_t itemsize = ITEMSIZE(a);
    for (intptr_t i = 0; i < a->size; i++) {
        char *p = ITEM_PTR(a, i);
        for (intptr_t lo = 0, hi = itemsize - 1; lo < hi; lo++, hi--) {
            char c = p[lo];
            p[lo] = p[hi];
            p[hi] = c;
        }
    }
    return gp_none_new();
}

ARRAY_METHOD(array_buffer_info)
{
    if (gp_check_noargs("array.buffer_info", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    gp_object_t *addr = gp_int_from_u64((uint64_t)(uintptr_t)a->items);
    gp_object_t *len = addr ? gp_int_from_i64(a->size) : NULL;
    gp_object_t *r = len ? gp_tuple_pack(2, addr, len) : NULL;
    GP_XDECREF(addr);
    GP_XDECREF(len);
    return r;
}

ARRAY_METHOD(array_frombytes)
{
    if (gp_check_onearg("array.frombytes", nargs) < 0)
        return NULL;
    if (array_frombytes_object(ARRAY(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

ARRAY_METHOD(array_tobytes)
{
    if (gp_check_noargs("array.tobytes", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    return gp_bytes_new(a->items ? a->items : "", (size_t)(a->size * ITEMSIZE(a)));
}

ARRAY_METHOD(array_fromlist)
{
    if (gp_check_onearg("array.fromlist", nargs) < 0)
        return NULL;
    if (!gp_list_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "arg must be list");
        return NULL;
    }
    /* All or nothing: a bad item leaves the array as it was. */
    array_t *a = ARRAY(self);
    intptr_t old = a->size;
    if (array_extend_iterable(a, args[0]) < 0) {
        gp_object_t *exc = gp_err_fetch();
        if (a->size > old)
            (void)array_resize(a, old);
        gp_err_restore(exc);
        return NULL;
    }
    return gp_none_new();
}

ARRAY_METHOD(array_tolist)
{
    if (gp_check_noargs("array.tolist", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    gp_object_t *list = gp_list_new((size_t)a->size);
    if (!list)
        return NULL;
    for (intptr_t i = 0; i < a->size; i++) {
        gp_object_t *item = array_unpack(a->descr, ITEM_PTR(a, i));
        if (!item) {
            /* The slots left unset must hold something for the dealloc. */
            for (intptr_t j = i; j < a->size; j++)
                GP_LIST_SET(list, j, GP_INCREF(gp_None));
            GP_DECREF(list);
            return NULL;
        }
        GP_LIST_SET(list, i, item);
    }
    return list;
}

ARRAY_METHOD(array_fromunicode)
{
    if (gp_check_onearg("array.fromunicode", nargs) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "fromunicode() argument must be str, not %T", args[0]);
        return NULL;
    }
    if (ARRAY(self)->descr->typecode != 'u') {
        gp_err_set_string(&gp_exc_ValueError,
                          "fromunicode() may only be called on unicode type arrays");
        return NULL;
    }
    if (array_fromunicode_str(ARRAY(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

ARRAY_METHOD(array_tounicode)
{
    if (gp_check_noargs("array.tounicode", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    if (a->descr->typecode != 'u') {
        gp_err_set_string(&gp_exc_ValueError,
                          "tounicode() may only be called on unicode type arrays");
        return NULL;
    }
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (intptr_t i = 0; i < a->size; i++) {
        uint32_t cp;
        memcpy(&cp, ITEM_PTR(a, i), 4);
        if (cp > 0x10FFFF) {
            gp_strbuf_discard(&b);
            gp_err_format(&gp_exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                          cp);
            return NULL;
        }
        gp_strbuf_append_codepoint(&b, cp);
    }
    return gp_strbuf_finish(&b);
}

/* fromfile(f, n): reads n items with f.read(); EOFError, after keeping
   what was read, when fewer came. */
ARRAY_METHOD(array_fromfile)
{
    if (gp_check_positional("fromfile", nargs, 2, 2) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    intptr_t n = gp_number_as_ssize(args[1], &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return NULL;
    if (n < 0) {
        gp_err_set_string(&gp_exc_ValueError, "negative count");
        return NULL;
    }
    if (n > INTPTR_MAX / ITEMSIZE(a)) {
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *size = gp_int_from_i64(n * ITEMSIZE(a));
    gp_object_t *data = size ? gp_object_call_method(args[0], "read", &size, 1) : NULL;
    GP_XDECREF(size);
    if (!data)
        return NULL;
    if (!gp_bytes_check(data)) {
        gp_err_set_string(&gp_exc_TypeError, "read() didn't return bytes");
        GP_DECREF(data);
        return NULL;
    }
    size_t len = gp_bytes_len(data);
    size_t whole = len - len % (size_t)ITEMSIZE(a);
    int rc = array_frombytes_data(a, gp_bytes_data(data), whole);
    GP_DECREF(data);
    if (rc < 0)
        return NULL;
    if (len < (size_t)(n * ITEMSIZE(a))) {
        gp_err_set_string(&gp_exc_EOFError, "read() didn't return enough bytes");
        return NULL;
    }
    return gp_none_new();
}

/* tofile(f): f.write() in blocks of 64 KiB, as CPython does. */
ARRAY_METHOD(array_tofile)
{
    if (gp_check_onearg("array.tofile", nargs) < 0)
        return NULL;
    array_t *a = ARRAY(self);
    const size_t block = 64 * 1024;
    size_t total = (size_t)(a->size * ITEMSIZE(a));
    gp_object_t *write = gp_object_getattr_cstr(args[0], "write");
    if (!write)
        return NULL;
    for (size_t off = 0; off < total; off += block) {
        size_t len = total - off < block ? total - off : block;
        /* A write() may change the array: stop where it now ends. */
        if (off + len > (size_t)(a->size * ITEMSIZE(a)))
            break;
        gp_object_t *chunk = gp_bytes_new(a->items + off, len);
        gp_object_t *r = chunk ? gp_object_call1(write, chunk) : NULL;
        GP_XDECREF(chunk);
        if (!r) {
            GP_DECREF(write);
            return NULL;
        }
        GP_DECREF(r);
    }
    GP_DECREF(write);
    return gp_none_new();
}

ARRAY_METHOD(array_copy)
{
    array_t *a = ARRAY(self);
    gp_object_t *r = array_new_sized(GP_TYPE(self), a->descr, 0);
    if (r && array_append_raw(ARRAY(r), a->items, a->size) < 0)
        GP_CLEAR(r);
    return r;
}

ARRAY_METHOD(array_sizeof)
{
    array_t *a = ARRAY(self);
    return gp_int_from_i64((int64_t)(sizeof(array_t) + (size_t)(a->allocated * ITEMSIZE(a))));
}

static gp_object_t *array_get_typecode(gp_object_t *self, void *closure)
{
    return gp_str_from_codepoint((uint32_t)ARRAY(self)->descr->typecode);
}

static gp_object_t *array_get_itemsize(gp_object_t *self, void *closure)
{
    return gp_int_from_i64(ITEMSIZE(ARRAY(self)));
}

/* ------------------------------------------------------------------ */
/* Iteration                                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *array_iter(gp_object_t *self)
{
    array_iterator_t *it = (array_iterator_t *)gp_object_alloc(&array_iterator_type, 0);
    if (!it)
        return NULL;
    it->array = GP_INCREF(self);
    gp_gc_track(&it->base);
    return &it->base;
}

static gp_object_t *array_iter_next(gp_object_t *self)
{
    array_iterator_t *it = (array_iterator_t *)self;
    if (!it->array)
        return NULL;
    array_t *a = ARRAY(it->array);
    if (it->index >= a->size) {
        GP_CLEAR(it->array);
        return NULL;
    }
    return array_unpack(a->descr, ITEM_PTR(a, it->index++));
}

static gp_object_t *array_iter_self(gp_object_t *self)
{
    return GP_INCREF(self);
}

static void array_iter_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    GP_CLEAR(((array_iterator_t *)self)->array);
    gp_object_free(self);
}

static int array_iter_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_object_t *a = ((array_iterator_t *)self)->array;
    return a ? visit(a, arg) : 0;
}

static int array_iter_clear(gp_object_t *self)
{
    GP_CLEAR(((array_iterator_t *)self)->array);
    return 0;
}

/* ------------------------------------------------------------------ */
/* The buffer protocol (obj/memoryview.h)                               */
/* ------------------------------------------------------------------ */

/* Where an empty array's buffer points: never written, since it has no
   bytes, but a buffer's data must not be NULL. */
static char array_no_items[1];

static void array_buffer_describe(gp_object_t *self, char **data, size_t *len, char *format)
{
    array_t *a = ARRAY(self);
    *data = a->items ? a->items : array_no_items;
    *len = (size_t)(a->size * ITEMSIZE(a));
    /* memoryview has no 'w' (UCS-4) format: a 'u' array shows as the
       4-byte unsigned code points it holds. */
    *format = a->descr->typecode == 'u' ? 'I' : a->descr->typecode;
}

static void array_buffer_export(gp_object_t *self, int delta)
{
    ARRAY(self)->exports += delta;
}

static const gp_buffer_procs_t array_buffer_procs = {
    array_buffer_describe,
    array_buffer_export,
};

/* ------------------------------------------------------------------ */
/* Types and module                                                     */
/* ------------------------------------------------------------------ */

static const gp_method_def_t array_methods[] = {
    {"append", array_append, 0, "Append new value v to the end of the array."},
    {"buffer_info", array_buffer_info, 0,
     "Return a tuple (address, length) giving the current memory address and the length in "
     "items of the buffer used to hold array's contents."},
    {"byteswap", array_byteswap, 0, "Byteswap all items of the array."},
    {"count", array_count, 0, "Return number of occurrences of v in the array."},
    {"extend", array_extend, 0, "Append items to the end of the array."},
    {"frombytes", array_frombytes, 0, "Appends items from the string, interpreting it as an "
                                      "array of machine values."},
    {"fromfile", array_fromfile, 0, "Read n objects from the file object f and append them to "
                                    "the end of the array."},
    {"fromlist", array_fromlist, 0, "Append items to array from list."},
    {"fromunicode", array_fromunicode, 0, "Extends this array with data from the unicode string "
                                          "ustr."},
    {"index", array_index, 0, "Return index of first occurrence of v in the array."},
    {"insert", array_insert, 0, "Insert a new item v into the array before position i."},
    {"pop", array_pop, 0, "Return the i-th element and delete it from the array."},
    {"remove", array_remove, 0, "Remove the first occurrence of v in the array."},
    {"reverse", array_reverse, 0, "Reverse the order of the items in the array."},
    {"tobytes", array_tobytes, 0, "Convert the array to an array of machine values and return "
                                  "the bytes representation."},
    {"tofile", array_tofile, 0, "Write all items (as machine values) to the file object f."},
    {"tolist", array_tolist, 0, "Convert array to an ordinary list with the same items."},
    {"tounicode", array_tounicode, 0, "Extends this array with data from the unicode string "
                                      "ustr."},
    {"__copy__", array_copy, 0, "Return a copy of the array."},
    {"__deepcopy__", array_copy, 0, "Return a copy of the array."},
    {"__sizeof__", array_sizeof, 0, "Size of the array in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t array_getsets[] = {
    {"typecode", array_get_typecode, NULL, NULL, "the typecode character used to create the array"},
    {"itemsize", array_get_itemsize, NULL, NULL, "the size, in bytes, of one array item"},
    {NULL, NULL, NULL, NULL, NULL},
};

static gp_type_t array_type = {
    GP_TYPE_HEAD_INIT,
    .name = "array.array",
    .basicsize = sizeof(array_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = array_dealloc,
    .new_ = array_new,
    .repr = array_repr,
    .hash = gp_object_hash_not_implemented,
    .richcompare = array_richcompare,
    .iter = array_iter,
    .binop = array_binop,
    .len = array_len,
    .getitem = array_getitem,
    .setitem = array_setitem,
    .contains = array_contains,
    .methods = array_methods,
    .getsets = array_getsets,
    .buffer_procs = &array_buffer_procs,
    .doc = "array(typecode [, initializer]) -> array\n\n"
           "Return a new array whose items are restricted by typecode, and\n"
           "initialized from the optional initializer value, which must be a list,\n"
           "string or iterable over elements of the appropriate type.",
};

static gp_type_t array_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "array.arrayiterator",
    .basicsize = sizeof(array_iterator_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = array_iter_dealloc,
    .iter = array_iter_self,
    .iternext = array_iter_next,
    .traverse = array_iter_traverse,
    .clear = array_iter_clear,
};

gp_object_t *gp_array_module_create(void)
{
    if (gp_type_ready(&array_type) < 0 || gp_type_ready(&array_iterator_type) < 0)
        return NULL;
    gp_object_t *m = gp_module_new("array");
    if (!m)
        return NULL;
    gp_object_t *typecodes = gp_str_from_cstr("bBuhHiIlLqQfd");
    int rc = typecodes ? gp_module_add_object(m, "typecodes", typecodes) : -1;
    GP_XDECREF(typecodes);
    if (rc < 0 || gp_module_add_object(m, "array", (gp_object_t *)&array_type) < 0 ||
        gp_module_add_object(m, "ArrayType", (gp_object_t *)&array_type) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
