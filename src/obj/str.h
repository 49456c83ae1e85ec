/*
 * str.h - private interface of the text types: str, bytes and bytearray.
 *
 * Design notes
 * ------------
 * A str is immutable UTF-8 stored inline after its header, NUL-terminated so
 * C code can hand it to libc. The header records the byte length (the var
 * object's size), the length in code points, a cached hash and whether every
 * byte is ASCII. ASCII strings, by far the common case, index and slice by
 * byte offset in O(1). Other strings build, on first random access, a sparse
 * index holding the byte offset of every GP_STR_INDEX_STEP-th code point, so
 * s[i] walks at most that many characters.
 *
 * The empty string and the 256 one-character strings U+0000..U+00FF are
 * static immortal objects: s[i], iteration and chr() of Latin-1 characters
 * never allocate, and any constructor that would build one of them returns
 * the shared object instead.
 *
 * Internally a str may hold the UTF-8-style encoding of a lone surrogate
 * (chr(0xd800) must work), which strict UTF-8 forbids. The bytes decoder is
 * strict and the encoder refuses them with CPython's "surrogates not
 * allowed", so they never leak out as bytes.
 *
 * Everything declared here is for src/obj/str*.c and src/obj/bytes.c; the
 * rest of the interpreter uses the API of object.h.
 */
#ifndef GP_STR_H
#define GP_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "obj/object.h"

/* Code points between two entries of a non-ASCII string's sparse index. */
#define GP_STR_INDEX_STEP 64

typedef struct gp_str {
    gp_varobject_t base; /* size: the byte length, without the trailing NUL */
    intptr_t length;     /* length in code points */
    intptr_t hash;       /* -1 until computed */
    uint8_t ascii;       /* every byte < 0x80: code point i is byte i */
    uint8_t interned;    /* this object is the canonical one in runtime->interned */
    uint8_t immortal;    /* a static object (empty string, one-character cache) */
    size_t *index;       /* byte offset of code point k*STEP, or NULL; owned */
    char data[];         /* byte length + 1 bytes, NUL-terminated */
} gp_str_t;

#define GP_STR(o) ((gp_str_t *)(o))
#define GP_STR_DATA(o) (GP_STR(o)->data)
#define GP_STR_BYTES(o) (GP_STR(o)->base.size)
#define GP_STR_LEN(o) (GP_STR(o)->length)
#define GP_STR_ASCII(o) (GP_STR(o)->ascii)

/* ---- UTF-8 helpers ------------------------------------------------------ */

/* Decodes the code point at [p] of well-formed (internal) UTF-8 and stores
   its byte count in *n. */
static inline uint32_t gp_utf8_decode(const unsigned char *p, int *n)
{
    unsigned c = p[0];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    if (c < 0xE0) {
        *n = 2;
        return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    }
    if (c < 0xF0) {
        *n = 3;
        return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    *n = 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
}

/* Byte count of the character whose lead byte is [c]. */
static inline int gp_utf8_lead_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Writes [cp] (<= 0x10FFFF) to [out] and returns the byte count (1..4). */
static inline int gp_utf8_encode(char *out, uint32_t cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static inline int gp_utf8_cp_size(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* Number of code points in [len] bytes of well-formed UTF-8. */
intptr_t gp_utf8_count(const char *s, size_t len);

/* Result of checking a byte string as UTF-8. */
typedef struct gp_utf8_check {
    intptr_t length;   /* code points, when valid */
    bool ascii;        /* all bytes < 0x80 */
    size_t error_pos;  /* first bad byte, when invalid */
    size_t error_end;  /* end of the bad sequence (CPython's "end") */
    const char *error; /* NULL when valid, else CPython's reason ("invalid start byte") */
} gp_utf8_check_t;

/* Checks [len] bytes. [allow_surrogates] accepts encoded U+D800..U+DFFF (the
   internal form); the bytes decoder passes false. Returns true when valid. */
bool gp_utf8_check(const char *s, size_t len, bool allow_surrogates, gp_utf8_check_t *out);

/* ---- Construction ------------------------------------------------------- */

/* A new str of [nbytes] zeroed bytes to fill in, with [length] code points.
   Never returns a shared object (the caller writes into it). */
gp_str_t *gp_str_alloc(size_t nbytes, intptr_t length, bool ascii);
/* A str from UTF-8 already known to be well formed: no validation. [length]
   may be -1 to count; returns the shared object for "" and Latin-1 chars. */
gp_object_t *gp_str_new_trusted(const char *s, size_t nbytes, intptr_t length, bool ascii);
/* The one-character str for [cp] (shared for cp < 256). */
gp_object_t *gp_str_from_codepoint(uint32_t cp);
/* The empty string (a new reference to the singleton). */
gp_object_t *gp_str_empty(void);
/* A str subclass instance of [type] with the contents of the exact str [s]. */
gp_object_t *gp_str_subtype_copy(gp_type_t *type, gp_object_t *s);

/* Pointer to the first byte of code point [i] (0 <= i <= length). */
const char *gp_str_at(gp_object_t *s, intptr_t i);
/* Code point at index [i] (0 <= i < length). */
uint32_t gp_str_char_at(gp_object_t *s, intptr_t i);
/* Code point index of byte offset [off] (a character boundary). */
intptr_t gp_str_index_of_offset(gp_object_t *s, size_t off);

/* Appends [s] to the str at *left, reusing *left's memory when the caller
   holds its only reference (the VM's `s += t` fast path: it replaces *left,
   stealing the old reference). Returns 0, or -1 with an exception set (then
   *left is unchanged). */
int gp_str_append_inplace(gp_object_t **left, gp_object_t *right);

/* The 64-bit seeded hash shared by str and bytes (equal bytes, equal hash;
   never -1). */
intptr_t gp_hash_bytes(const void *data, size_t len);

/* ---- Codecs ------------------------------------------------------------- */

/* The codecs gp_codec_lookup() knows. The UTF-16/32 families come in
   threes (plain name with a byte order mark, then -le, then -be). */
enum {
    GP_CODEC_UTF8,
    GP_CODEC_ASCII,
    GP_CODEC_LATIN1,
    GP_CODEC_UTF16,
    GP_CODEC_UTF16LE,
    GP_CODEC_UTF16BE,
    GP_CODEC_UTF32,
    GP_CODEC_UTF32LE,
    GP_CODEC_UTF32BE,
};
/* Normalised codec (a GP_CODEC_* id), or -1 with LookupError set. */
int gp_codec_lookup(const char *encoding);
/* The canonical name of a codec id ("utf-16-le"). */
const char *gp_codec_name(int codec);
/* Error handler: 0 strict, 1 ignore, 2 replace, 3 backslashreplace,
   4 surrogateescape (decode only, treated as replace); -1 unknown. */
int gp_codec_errors(const char *errors);
/* bytes -> str. [encoding]/[errors] may be NULL (utf-8, strict). [obj] is the
   bytes object named in a UnicodeDecodeError (may be NULL: one is made). */
gp_object_t *gp_str_decode(const char *data, size_t len, const char *encoding, const char *errors,
                           gp_object_t *obj);
/* str -> bytes. */
gp_object_t *gp_str_encode(gp_object_t *s, const char *encoding, const char *errors);

/* ---- Character database (str_unicode.c) ---------------------------------- */

bool gp_unicode_isspace(uint32_t cp);
bool gp_unicode_isalpha(uint32_t cp);
bool gp_unicode_isdecimal(uint32_t cp);
bool gp_unicode_isdigit(uint32_t cp);
bool gp_unicode_isnumeric(uint32_t cp);
bool gp_unicode_isprintable(uint32_t cp);
bool gp_unicode_islower(uint32_t cp);
bool gp_unicode_isupper(uint32_t cp);
bool gp_unicode_iscased(uint32_t cp);
bool gp_unicode_istitle(uint32_t cp); /* category Lt */
bool gp_unicode_iscase_ignorable(uint32_t cp);
bool gp_unicode_is_linebreak(uint32_t cp);
bool gp_unicode_isxid_start(uint32_t cp);
bool gp_unicode_isxid_continue(uint32_t cp);
/* Decimal value of a decimal digit, or -1. */
int gp_unicode_decimal_value(uint32_t cp);
/* For int(), float() and complex() of a non-ASCII str [s]: its text with
   every Unicode decimal digit as the ASCII digit and all Unicode white
   space as ' ' (other non-ASCII characters become '?', which no number
   parser accepts), as CPython does. A gp_mem buffer the caller frees, its
   length in *len; NULL with MemoryError. */
char *gp_str_numeric_ascii(gp_object_t *s, size_t *len);
/* Simple case mappings (one code point to one). */
uint32_t gp_unicode_tolower(uint32_t cp);
uint32_t gp_unicode_toupper(uint32_t cp);
uint32_t gp_unicode_totitle(uint32_t cp);
/* Full mappings: writes up to 3 code points to out[] and returns the count
   (ß -> SS, İ -> i̇). [kind] is 'l', 'u', 't' (title) or 'f' (casefold). */
int gp_unicode_full_case(uint32_t cp, char kind, uint32_t out[3]);

/* ---- Formatting shared by str_format.c and the str methods -------------- */

/* The parsed standard format spec: [[fill]align][sign][z][#][0][width][,|_][.precision][type]. */
typedef struct gp_str_spec {
    uint32_t fill;
    char align;      /* '<', '>', '^', '=' or 0 */
    char sign;       /* '+', '-', ' ' or 0 */
    bool no_neg_zero; /* 'z' */
    bool alternate;  /* '#' */
    bool zero;       /* '0' before the width */
    intptr_t width;     /* -1: none */
    char grouping;   /* ',', '_' or 0 */
    intptr_t precision; /* -1: none */
    char type;       /* 0 when absent */
} gp_str_spec_t;
/* Parses [spec]; raises ValueError like CPython on malformed specs and
   returns -1, or returns -2 without raising when characters remain after the
   type (the caller raises "Invalid format specifier ... for object of type"). */
int gp_str_spec_parse(const char *spec, size_t len, gp_str_spec_t *out);
/* Appends [len] bytes ([cps] code points) of UTF-8 padded per the spec's
   fill/align/width ([default_align] when none was given). */
void gp_str_spec_pad(gp_strbuf_t *b, const char *s, size_t len, intptr_t cps,
                   const gp_str_spec_t *spec, char default_align);

/* bytes % args (the format's bytes are [data, len]). */
gp_object_t *gp_bytes_percent_format(const char *data, size_t len, gp_object_t *args);
/* str.format_map(mapping). */
gp_object_t *gp_str_format_map(gp_object_t *format, gp_object_t *mapping);

/* bytes.c helpers used by str.c */
typedef struct gp_bytes {
    gp_varobject_t base; /* size: byte count */
    intptr_t hash;       /* -1 until computed */
    char data[];         /* size + 1 bytes, NUL-terminated */
} gp_bytes_t;

typedef struct gp_bytearray {
    gp_object_t base;
    intptr_t size;
    intptr_t allocated;
    char *data; /* NUL-terminated when allocated */
    intptr_t exports; /* live buffer exports (memoryviews, gp_buffer_t): no resizing while > 0 */
} gp_bytearray_t;

/* If [o] is bytes, bytearray or a contiguous, unreleased memoryview, stores
   its (borrowed) buffer and returns true; otherwise returns false without
   raising. Use gp_buffer_get() (obj/memoryview.h) instead when the pointer
   must survive Python code or a released GIL. */
bool gp_bytes_like(gp_object_t *o, const char **data, size_t *len);

/* The str method table (str_methods.c) and str iterator type. */
extern const gp_method_def_t gp_str_methods[];
extern gp_type_t gp_str_iterator_type;
extern gp_type_t gp_bytes_iterator_type;
extern gp_type_t gp_bytearray_iterator_type;

/* Case-converting helpers used by both str and bytes methods. */
gp_object_t *gp_str_repr_ascii(gp_object_t *o, bool ascii_only);

#endif /* GP_STR_H */
