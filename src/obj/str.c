/*
 * str.c - the str type: layout, construction, hashing, interning, the
 * string builder, repr, comparison and the type's slots.
 *
 * Design notes
 * ------------
 * Layout and indexing are described in str.h. This file holds what every
 * other part of gilpy leans on: gp_str_from_format() and gp_strbuf_* build
 * every error message, gp_str_intern()/gp_str_static() give the canonical
 * name objects the VM's caches key on, and gp_str_hash() feeds every dict.
 *
 * Hashing is a seeded multiply-mix over 16-byte blocks (in the spirit of
 * wyhash): short identifiers hash in a handful of instructions and long
 * strings at memory speed. The seed is drawn once per process from the OS,
 * so hash values differ between runs as CPython's do. Equal strings always
 * hash equal, bytes share the same function (hash(b'a') == hash('a') as in
 * CPython), and -1 is never returned because it means "error" in the slot.
 *
 * The interned table is runtime->interned, a dict mapping each canonical
 * str to itself. The dict implementation calls back into this file for hash
 * and equality, which never intern, so there is no recursion. gp_str_static()
 * looks a C string up through a key object built on the stack, so the hot
 * "find the canonical name" path allocates nothing.
 *
 * Immortal strings: the empty string and the one-character strings
 * U+0000..U+00FF are static objects (see the table below). Their refcounts
 * start at GP_IMMORTAL_REFCNT; they are never freed.
 */
#include "obj/str.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "obj/containers.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* The static strings                                                   */
/* ------------------------------------------------------------------ */

/* Same layout as gp_str_t with room for one UTF-8 character inline. */
typedef struct str_static {
    gp_varobject_t base;
    intptr_t length;
    intptr_t hash;
    uint8_t ascii, interned, immortal;
    size_t *index;
    char data[4];
} str_static_t;

_Static_assert(offsetof(str_static_t, data) == offsetof(gp_str_t, data),
               "static str layout must match gp_str_t");

#define STR_CHAR(i)                                                                                \
    {.base = {GP_OBJECT_HEAD_INIT(&gp_str_type), (i) < 128 ? 1 : 2},                               \
     .length = 1,                                                                                  \
     .hash = -1,                                                                                   \
     .ascii = (i) < 128,                                                                           \
     .interned = 0,                                                                                \
     .immortal = 1,                                                                                \
     .index = NULL,                                                                                \
     .data = {(char)((i) < 128 ? (i) : (0xC0 | ((i) >> 6))),                                       \
              (char)((i) < 128 ? 0 : (0x80 | ((i)&0x3F))), 0, 0}},
#define STR_CHAR4(i) STR_CHAR(i) STR_CHAR((i) + 1) STR_CHAR((i) + 2) STR_CHAR((i) + 3)
#define STR_CHAR16(i) STR_CHAR4(i) STR_CHAR4((i) + 4) STR_CHAR4((i) + 8) STR_CHAR4((i) + 12)
#define STR_CHAR64(i) STR_CHAR16(i) STR_CHAR16((i) + 16) STR_CHAR16((i) + 32) STR_CHAR16((i) + 48)

/* chr(0) .. chr(255). */
static str_static_t str_latin1[256] = {STR_CHAR64(0) STR_CHAR64(64) STR_CHAR64(128)
                                           STR_CHAR64(192)};

static str_static_t str_empty = {.base = {GP_OBJECT_HEAD_INIT(&gp_str_type), 0},
                                 .length = 0,
                                 .hash = -1,
                                 .ascii = 1,
                                 .interned = 0,
                                 .immortal = 1,
                                 .index = NULL,
                                 .data = {0}};

gp_object_t *gp_str_empty(void)
{
    return GP_INCREF((gp_object_t *)&str_empty);
}

gp_object_t *gp_str_from_codepoint(uint32_t cp)
{
    if (cp < 256)
        return GP_INCREF((gp_object_t *)&str_latin1[cp]);
    gp_str_t *s = gp_str_alloc((size_t)gp_utf8_cp_size(cp), 1, false);
    if (!s)
        return NULL;
    gp_utf8_encode(s->data, cp);
    return (gp_object_t *)s;
}

/* ------------------------------------------------------------------ */
/* UTF-8 scanning                                                       */
/* ------------------------------------------------------------------ */

#define HIGH_BITS 0x8080808080808080ull

static inline uint64_t load64(const void *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

intptr_t gp_utf8_count(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    intptr_t continuation = 0;
    /* A code point starts at every byte that is not 10xxxxxx. */
    while (end - p >= 8) {
        uint64_t w = load64(p);
        /* bit 7 set and bit 6 clear marks a continuation byte. */
        uint64_t cont = w & ~(w << 1) & HIGH_BITS;
        continuation += __builtin_popcountll(cont);
        p += 8;
    }
    while (p < end) {
        continuation += (*p & 0xC0) == 0x80;
        p++;
    }
    return (intptr_t)len - continuation;
}

static void utf8_fail(gp_utf8_check_t *out, size_t pos, size_t end, const char *why)
{
    out->error_pos = pos;
    out->error_end = end;
    out->error = why;
}

bool gp_utf8_check(const char *s, size_t len, bool allow_surrogates, gp_utf8_check_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    intptr_t count = 0;
    bool ascii = true;
    out->error = NULL;
    while (i < len) {
        /* Skip ASCII eight bytes at a time. */
        if (len - i >= 8 && (load64(p + i) & HIGH_BITS) == 0) {
            i += 8;
            count += 8;
            continue;
        }
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
            count++;
            continue;
        }
        ascii = false;
        int need;
        unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED && !allow_surrogates)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            utf8_fail(out, i, i + 1, "invalid start byte");
            return false;
        }
        for (int k = 1; k <= need; k++) {
            if (i + (size_t)k >= len) {
                utf8_fail(out, i, len, "unexpected end of data");
                return false;
            }
            unsigned b = p[i + (size_t)k];
            unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
            if (b < l || b > h) {
                utf8_fail(out, i, i + (size_t)k, "invalid continuation byte");
                return false;
            }
        }
        i += (size_t)need + 1;
        count++;
    }
    out->length = count;
    out->ascii = ascii;
    return true;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */
/* ------------------------------------------------------------------ */

gp_str_t *gp_str_alloc(size_t nbytes, intptr_t length, bool ascii)
{
    gp_str_t *s = (gp_str_t *)gp_object_alloc(&gp_str_type, nbytes);
    if (!s)
        return NULL;
    s->base.size = (intptr_t)nbytes;
    s->length = length;
    s->hash = -1;
    s->ascii = ascii;
    s->interned = 0;
    s->immortal = 0;
    s->index = NULL;
    s->data[nbytes] = '\0';
    return s;
}

gp_object_t *gp_str_new_trusted(const char *s, size_t nbytes, intptr_t length, bool ascii)
{
    if (nbytes == 0)
        return gp_str_empty();
    if (length < 0) {
        length = gp_utf8_count(s, nbytes);
        ascii = (size_t)length == nbytes;
    }
    if (length == 1) {
        int n;
        uint32_t cp = gp_utf8_decode((const unsigned char *)s, &n);
        if (cp < 256)
            return GP_INCREF((gp_object_t *)&str_latin1[cp]);
    }
    gp_str_t *r = gp_str_alloc(nbytes, length, ascii);
    if (!r)
        return NULL;
    memcpy(r->data, s, nbytes);
    return (gp_object_t *)r;
}

/* Raises the UnicodeDecodeError CPython raises for bad UTF-8. */
static void str_raise_utf8_error(const char *s, size_t len, const gp_utf8_check_t *chk)
{
    gp_object_t *bytes = gp_bytes_new(s, len);
    if (!bytes)
        return;
    gp_object_t *args = gp_tuple_new(5);
    if (!args) {
        GP_DECREF(bytes);
        return;
    }
    GP_TUPLE_SET(args, 0, gp_str_from_cstr("utf-8"));
    GP_TUPLE_SET(args, 1, bytes);
    GP_TUPLE_SET(args, 2, gp_int_from_i64((int64_t)chk->error_pos));
    GP_TUPLE_SET(args, 3, gp_int_from_i64((int64_t)chk->error_end));
    GP_TUPLE_SET(args, 4, gp_str_from_cstr(chk->error));
    for (int i = 0; i < 5; i++) {
        if (!GP_TUPLE_GET(args, i)) {
            GP_DECREF(args);
            return;
        }
    }
    gp_object_t *exc = gp_exception_new(&gp_exc_UnicodeDecodeError, args);
    GP_DECREF(args);
    if (exc) {
        gp_err_set_exception(exc);
        GP_DECREF(exc);
    }
}

gp_object_t *gp_str_from_utf8(const char *s, size_t len)
{
    gp_utf8_check_t chk;
    if (!gp_utf8_check(s, len, true, &chk)) {
        str_raise_utf8_error(s, len, &chk);
        return NULL;
    }
    return gp_str_new_trusted(s, len, chk.length, chk.ascii);
}

gp_object_t *gp_str_from_cstr(const char *s)
{
    return gp_str_from_utf8(s, strlen(s));
}

gp_object_t *gp_str_subtype_copy(gp_type_t *type, gp_object_t *s)
{
    size_t n = (size_t)GP_STR_BYTES(s);
    gp_str_t *r = (gp_str_t *)gp_object_alloc(type, n);
    if (!r)
        return NULL;
    r->base.size = (intptr_t)n;
    r->length = GP_STR_LEN(s);
    r->hash = -1;
    r->ascii = GP_STR_ASCII(s);
    r->interned = 0;
    r->immortal = 0;
    r->index = NULL;
    memcpy(r->data, GP_STR_DATA(s), n);
    r->data[n] = '\0';
    return (gp_object_t *)r;
}

const char *gp_str_utf8(gp_object_t *o)
{
    return GP_STR_DATA(o);
}

size_t gp_str_utf8_len(gp_object_t *o)
{
    return (size_t)GP_STR_BYTES(o);
}

intptr_t gp_str_length(gp_object_t *o)
{
    return GP_STR_LEN(o);
}

bool gp_str_is_ascii(gp_object_t *o)
{
    return GP_STR_ASCII(o) != 0;
}

/* ------------------------------------------------------------------ */
/* Indexing by code point                                              */
/* ------------------------------------------------------------------ */

/* Builds the sparse index of a non-ASCII string; false if out of memory
   (callers then scan, which is slower but still correct). */
static bool str_build_index(gp_str_t *s)
{
    size_t entries = (size_t)(s->length / GP_STR_INDEX_STEP) + 1;
    size_t *index = gp_mem_alloc(entries * sizeof(size_t));
    if (!index)
        return false;
    const unsigned char *p = (const unsigned char *)s->data;
    size_t off = 0;
    for (intptr_t i = 0; i < s->length; i++) {
        if (i % GP_STR_INDEX_STEP == 0)
            index[i / GP_STR_INDEX_STEP] = off;
        off += (size_t)gp_utf8_lead_len(p[off]);
    }
    if (s->length % GP_STR_INDEX_STEP == 0)
        index[s->length / GP_STR_INDEX_STEP] = off;
    s->index = index;
    return true;
}

static const char *utf8_skip(const char *p, intptr_t n)
{
    while (n-- > 0)
        p += gp_utf8_lead_len((unsigned char)*p);
    return p;
}

const char *gp_str_at(gp_object_t *o, intptr_t i)
{
    gp_str_t *s = GP_STR(o);
    if (s->ascii)
        return s->data + i;
    if (i >= s->length)
        return s->data + s->base.size;
    intptr_t from_end = s->length - i;
    if (from_end <= GP_STR_INDEX_STEP && from_end < i) {
        /* Near the end: walk back over lead bytes. */
        const char *p = s->data + s->base.size;
        while (from_end > 0) {
            p--;
            if (((unsigned char)*p & 0xC0) != 0x80)
                from_end--;
        }
        return p;
    }
    if (i < GP_STR_INDEX_STEP || (!s->index && !str_build_index(s)))
        return utf8_skip(s->data, i);
    return utf8_skip(s->data + s->index[i / GP_STR_INDEX_STEP], i % GP_STR_INDEX_STEP);
}

uint32_t gp_str_char_at(gp_object_t *o, intptr_t i)
{
    if (GP_STR_ASCII(o))
        return (unsigned char)GP_STR_DATA(o)[i];
    int n;
    return gp_utf8_decode((const unsigned char *)gp_str_at(o, i), &n);
}

intptr_t gp_str_index_of_offset(gp_object_t *o, size_t off)
{
    if (GP_STR_ASCII(o))
        return (intptr_t)off;
    return gp_utf8_count(GP_STR_DATA(o), off);
}

/* ------------------------------------------------------------------ */
/* Hashing                                                              */
/* ------------------------------------------------------------------ */

static uint64_t hash_seed;
static bool hash_seeded;

static void hash_seed_init(void)
{
    uint64_t seed = 0;
    if (getrandom(&seed, sizeof seed, GRND_NONBLOCK) != (ssize_t)sizeof seed) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32) ^ (uint64_t)getpid() ^
               (uint64_t)(uintptr_t)&seed;
    }
    hash_seed = seed | 1;
    hash_seeded = true;
}

static inline uint64_t hash_mix(uint64_t a, uint64_t b)
{
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

#define HASH_P0 0xa0761d6478bd642full
#define HASH_P1 0xe7037ed1a0b428dbull
#define HASH_P2 0x8ebc6af09c88c6e3ull
#define HASH_P3 0x589965cc75374cc3ull

intptr_t gp_hash_bytes(const void *data, size_t len)
{
    /* Empty text hashes to 0 whatever the seed, as in CPython; programs
     * (and tests) print hash('') and expect a stable answer. */
    if (len == 0)
        return 0;
    if (!hash_seeded)
        hash_seed_init();
    const unsigned char *p = data;
    uint64_t h = hash_seed ^ hash_mix(len ^ HASH_P0, HASH_P1);
    size_t n = len;
    while (n >= 16) {
        h = hash_mix(load64(p) ^ HASH_P1, load64(p + 8) ^ h);
        p += 16;
        n -= 16;
    }
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        a = load64(p);
        p += 8;
        n -= 8;
    }
    for (size_t k = 0; k < n; k++)
        b |= (uint64_t)p[k] << (8 * k);
    h = hash_mix(a ^ HASH_P2, b ^ h ^ HASH_P3);
    h = hash_mix(h ^ HASH_P0, len ^ HASH_P1);
    intptr_t r = (intptr_t)h;
    return r == -1 ? -2 : r;
}

intptr_t gp_str_hash(gp_object_t *o)
{
    gp_str_t *s = GP_STR(o);
    if (s->hash == -1)
        s->hash = gp_hash_bytes(s->data, (size_t)s->base.size);
    return s->hash;
}

/* ------------------------------------------------------------------ */
/* Equality and order                                                   */
/* ------------------------------------------------------------------ */

/* UTF-8 byte order is code point order, so memcmp compares correctly. */
int gp_str_compare(gp_object_t *a, gp_object_t *b)
{
    size_t la = (size_t)GP_STR_BYTES(a), lb = (size_t)GP_STR_BYTES(b);
    int c = memcmp(GP_STR_DATA(a), GP_STR_DATA(b), la < lb ? la : lb);
    if (c)
        return c;
    return la < lb ? -1 : la > lb;
}

static bool str_equal(gp_object_t *a, gp_object_t *b)
{
    if (a == b)
        return true;
    gp_str_t *x = GP_STR(a), *y = GP_STR(b);
    if (x->base.size != y->base.size)
        return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    return memcmp(x->data, y->data, (size_t)x->base.size) == 0;
}

bool gp_str_eq_cstr(gp_object_t *o, const char *s)
{
    size_t n = strlen(s);
    return (size_t)GP_STR_BYTES(o) == n && memcmp(GP_STR_DATA(o), s, n) == 0;
}

static gp_object_t *str_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (!gp_str_check(a) || !gp_str_check(b))
        return GP_INCREF(gp_NotImplemented);
    bool r;
    if (op == GP_CMP_EQ || op == GP_CMP_NE) {
        r = str_equal(a, b) == (op == GP_CMP_EQ);
    } else {
        int c = gp_str_compare(a, b);
        switch (op) {
        case GP_CMP_LT: r = c < 0; break;
        case GP_CMP_LE: r = c <= 0; break;
        case GP_CMP_GT: r = c > 0; break;
        default: r = c >= 0; break;
        }
    }
    return gp_bool_from(r);
}

/* ------------------------------------------------------------------ */
/* Interning                                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *interned_dict(void)
{
    gp_runtime_t *rt = gp_runtime();
    if (!rt->interned)
        rt->interned = gp_dict_new();
    return rt->interned;
}

gp_object_t *gp_str_intern(gp_object_t *s)
{
    if (!s || !gp_str_check_exact(s) || GP_STR(s)->interned || GP_STR(s)->immortal)
        return s;
    /* Callers intern names on error paths too: keep any pending exception
       out of the way so a failure here cannot clear it. */
    gp_object_t *pending = gp_err_fetch();
    gp_object_t *d = interned_dict();
    gp_object_t *found = d ? gp_dict_getitem_hash(d, s, gp_str_hash(s)) : NULL;
    if (found) {
        GP_INCREF(found);
        GP_DECREF(s);
        s = found;
    } else if (d && !gp_err_occurred() && gp_dict_setitem(d, s, s) == 0) {
        GP_STR(s)->interned = 1;
    }
    /* Interning is an optimisation: a failure leaves s usable. */
    gp_err_clear();
    gp_err_restore(pending);
    return s;
}

/* gp_str_static() is called with the same C string literals over and over
   (every dunder lookup from C, every name a builtin type's dict is filled
   with at start-up), so a small direct-mapped cache keyed by the literal's
   address sits in front of the interned table. A hit still compares the
   text, because a caller may pass a reused buffer rather than a literal.
   Entries are only valid for the interned table they were found in:
   another runtime has its own table, and the cache is emptied when the
   table changes. Entries hold no reference: every cached str is immortal
   or owned by the interned table, which never drops an entry. */
#define STATIC_CACHE_SIZE 512

typedef struct static_entry {
    const char *cstr;
    gp_object_t *str;
} static_entry_t;

static static_entry_t static_cache[STATIC_CACHE_SIZE];
static gp_object_t *static_cache_table;

static static_entry_t *static_cache_slot(const char *cstr, gp_object_t *table)
{
    if (table != static_cache_table) {
        /* The first table finds the cache still zeroed (bss): clearing it
           anyway would touch every page of it, which costs start-up time. */
        if (static_cache_table != NULL)
            memset(static_cache, 0, sizeof static_cache);
        static_cache_table = table;
    }
    uintptr_t a = (uintptr_t)cstr;
    return &static_cache[((a >> 3) ^ (a >> 13)) & (STATIC_CACHE_SIZE - 1)];
}

/* Whether [cstr] lies in the executable's read-only data, where the
   compiler puts string literals and const tables: between the end of the
   code and the start of the writable data, both marked by symbols the
   linker defines. Text there cannot change, so a cache hit on its address
   needs no comparison of the text; gp_str_static() is on every dunder
   dispatch from C (slots.c), where that strcmp was a tenth of the cost. */
extern const char etext[], __data_start[];

static inline bool static_text_is_constant(const char *cstr)
{
    uintptr_t a = (uintptr_t)cstr;
    return a >= (uintptr_t)etext && a < (uintptr_t)__data_start;
}

gp_object_t *gp_str_static(const char *cstr)
{
    gp_object_t *d = interned_dict();
    static_entry_t *entry = d ? static_cache_slot(cstr, d) : NULL;
    if (entry && entry->cstr == cstr &&
        (static_text_is_constant(cstr) || strcmp(GP_STR_DATA(entry->str), cstr) == 0))
        return entry->str;
    size_t n = strlen(cstr);
    gp_object_t *s = NULL;
    if (d && n <= 120) {
        /* A temporary key on the stack: immortal so no DECREF can free it. */
        _Alignas(gp_str_t) char storage[sizeof(gp_str_t) + 128];
        gp_str_t *key = (gp_str_t *)storage;
        key->base.base.refcnt = GP_IMMORTAL_REFCNT;
        key->base.base.type = &gp_str_type;
        key->base.size = (intptr_t)n;
        key->length = gp_utf8_count(cstr, n);
        key->ascii = (size_t)key->length == n;
        key->interned = 0;
        key->immortal = 1;
        key->index = NULL;
        memcpy(key->data, cstr, n + 1);
        key->hash = gp_hash_bytes(cstr, n);
        /* A str key never makes the lookup fail, so no exception can be
           raised here (and a pending one must survive). */
        gp_object_t *found = gp_dict_getitem_hash(d, (gp_object_t *)key, key->hash);
        if (found) {
            entry->cstr = cstr;
            entry->str = found;
            return found;
        }
        /* A new ASCII name (nearly all of them) is built once with the
           hash just computed and added without a second lookup. */
        if (key->ascii) {
            s = gp_str_new_trusted(cstr, n, key->length, true);
            if (!s)
                return NULL;
            if (!GP_STR(s)->immortal) {
                GP_STR(s)->hash = key->hash;
                gp_object_t *pending = gp_err_fetch();
                if (gp_dict_setitem(d, s, s) == 0)
                    GP_STR(s)->interned = 1;
                /* Interning is an optimisation: a failure leaves s usable. */
                gp_err_clear();
                gp_err_restore(pending);
            }
        }
    }
    if (!s)
        s = gp_str_intern(gp_str_from_cstr(cstr));
    if (!s)
        return NULL;
    /* The interned table keeps it alive for the runtime's life. */
    if (GP_STR(s)->interned || GP_STR(s)->immortal) {
        GP_DECREF(s);
        if (entry) {
            entry->cstr = cstr;
            entry->str = s;
        }
    }
    return s;
}

gp_object_t *gp_str_intern_cstr(const char *s)
{
    gp_object_t *r = gp_str_static(s);
    return r ? GP_INCREF(r) : NULL;
}

/* ------------------------------------------------------------------ */
/* The string builder                                                   */
/* ------------------------------------------------------------------ */

void gp_strbuf_init(gp_strbuf_t *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
    b->failed = false;
}

/* Makes room for [extra] more bytes; false (and failed set) on overflow or OOM. */
static bool strbuf_reserve(gp_strbuf_t *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra < b->cap)
        return true;
    if (extra > SIZE_MAX / 2 - b->len) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = gp_mem_realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void gp_strbuf_append(gp_strbuf_t *b, const char *s, size_t len)
{
    if (len == 0 || !strbuf_reserve(b, len))
        return;
    memcpy(b->data + b->len, s, len);
    b->len += len;
}

void gp_strbuf_append_cstr(gp_strbuf_t *b, const char *s)
{
    gp_strbuf_append(b, s, strlen(s));
}

void gp_strbuf_append_char(gp_strbuf_t *b, char c)
{
    if (!strbuf_reserve(b, 1))
        return;
    b->data[b->len++] = c;
}

void gp_strbuf_append_codepoint(gp_strbuf_t *b, uint32_t cp)
{
    if (cp > 0x10FFFF)
        cp = 0xFFFD;
    if (!strbuf_reserve(b, 4))
        return;
    b->len += (size_t)gp_utf8_encode(b->data + b->len, cp);
}

void gp_strbuf_append_str(gp_strbuf_t *b, gp_object_t *str)
{
    gp_strbuf_append(b, GP_STR_DATA(str), (size_t)GP_STR_BYTES(str));
}

void gp_strbuf_discard(gp_strbuf_t *b)
{
    gp_mem_free(b->data);
    gp_strbuf_init(b);
}

gp_object_t *gp_strbuf_finish(gp_strbuf_t *b)
{
    if (b->failed) {
        gp_strbuf_discard(b);
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *r;
    gp_utf8_check_t chk;
    if (gp_utf8_check(b->data, b->len, true, &chk)) {
        r = gp_str_new_trusted(b->data, b->len, chk.length, chk.ascii);
    } else {
        /* C text that is not UTF-8 (a file name, strerror in a strange
           locale): decode with replacement rather than fail. */
        r = gp_str_decode(b->data, b->len, "utf-8", "replace", NULL);
    }
    gp_strbuf_discard(b);
    return r;
}

/* ------------------------------------------------------------------ */
/* Formatting C values: gp_str_from_format and gp_strbuf_printf          */
/* ------------------------------------------------------------------ */

/* Appends [len] bytes of UTF-8 [s] with printf's width (right-aligned, or
   left with '-') and precision (at most [prec] code points). */
static void strbuf_append_field(gp_strbuf_t *b, const char *s, size_t len, int width, int prec,
                                bool left)
{
    intptr_t cps;
    if (prec >= 0) {
        const char *p = s, *end = s + len;
        intptr_t n = 0;
        while (p < end && n < prec) {
            p += gp_utf8_lead_len((unsigned char)*p);
            n++;
        }
        if (p > end)
            p = end;
        len = (size_t)(p - s);
        cps = n;
    } else {
        cps = width > 0 ? gp_utf8_count(s, len) : 0;
    }
    intptr_t pad = width > cps ? width - cps : 0;
    if (!left)
        for (intptr_t i = 0; i < pad; i++)
            gp_strbuf_append_char(b, ' ');
    gp_strbuf_append(b, s, len);
    if (left)
        for (intptr_t i = 0; i < pad; i++)
            gp_strbuf_append_char(b, ' ');
}

/* Appends a str object (or its replacement text when [o] is NULL). */
static void strbuf_append_obj_field(gp_strbuf_t *b, gp_object_t *o, int width, int prec, bool left)
{
    if (!o) {
        strbuf_append_field(b, "(null)", 6, width, prec, left);
        return;
    }
    if (!gp_str_check(o)) {
        strbuf_append_field(b, "<?>", 3, width, prec, left);
        return;
    }
    strbuf_append_field(b, GP_STR_DATA(o), (size_t)GP_STR_BYTES(o), width, prec, left);
}

/*
 * The directive engine shared by gp_str_from_vformat and gp_strbuf_printf.
 * Python-level directives (%R %S %A %T %N %U) are handled here; every
 * ordinary printf directive is rebuilt and handed to snprintf with an
 * argument of the type its length modifier names. Returns -1 when a %R/%S
 * conversion raised.
 */
static int strbuf_vformat(gp_strbuf_t *b, const char *fmt, va_list *ap)
{
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        if (!pct) {
            gp_strbuf_append_cstr(b, p);
            break;
        }
        gp_strbuf_append(b, p, (size_t)(pct - p));
        const char *d = pct + 1;
        bool left = false;
        char flags[8];
        int nflags = 0;
        while (*d == '-' || *d == '+' || *d == ' ' || *d == '#' || *d == '0') {
            if (*d == '-')
                left = true;
            if (nflags < 6)
                flags[nflags++] = *d;
            d++;
        }
        flags[nflags] = '\0';
        int width = -1, prec = -1;
        if (*d == '*') {
            width = va_arg(*ap, int);
            if (width < 0) {
                left = true;
                width = -width;
            }
            d++;
        } else if (*d >= '0' && *d <= '9') {
            width = 0;
            while (*d >= '0' && *d <= '9')
                width = width * 10 + (*d++ - '0');
        }
        if (*d == '.') {
            d++;
            prec = 0;
            if (*d == '*') {
                prec = va_arg(*ap, int);
                d++;
            } else {
                while (*d >= '0' && *d <= '9')
                    prec = prec * 10 + (*d++ - '0');
            }
        }
        /* Length modifier: 0 none, 'l', 'L' (ll), 'z', 'j', 't', 'h'. */
        char mod = 0;
        if (*d == 'l') {
            mod = 'l';
            d++;
            if (*d == 'l') {
                mod = 'L';
                d++;
            }
        } else if (*d == 'z' || *d == 'j' || *d == 't') {
            mod = *d++;
        } else if (*d == 'h') {
            mod = 'h';
            d++;
            if (*d == 'h')
                d++;
        }
        char conv = *d;
        if (!conv) {
            gp_strbuf_append(b, pct, (size_t)(d - pct));
            break;
        }
        p = d + 1;
        gp_object_t *tmp = NULL;
        switch (conv) {
        case '%':
            gp_strbuf_append_char(b, '%');
            continue;
        case 's': {
            const char *s = va_arg(*ap, const char *);
            if (!s)
                s = "(null)";
            size_t len = strlen(s);
            if (prec >= 0 && (size_t)prec < len) {
                /* printf's precision counts bytes; keep whole characters. */
                strbuf_append_field(b, s, len, width, prec, left);
            } else {
                strbuf_append_field(b, s, len, width, -1, left);
            }
            continue;
        }
        case 'U':
            strbuf_append_obj_field(b, va_arg(*ap, gp_object_t *), width, prec, left);
            continue;
        case 'T': {
            /* Type names in messages are CPython's tp_name: dotted for the
               C types of modules ("collections.deque"), as type->name is. */
            gp_object_t *o = va_arg(*ap, gp_object_t *);
            const char *name = o ? GP_TYPE(o)->name : "NULL";
            strbuf_append_field(b, name, strlen(name), width, prec, left);
            continue;
        }
        case 'N': {
            gp_type_t *t = va_arg(*ap, gp_type_t *);
            const char *name = t ? t->name : "NULL";
            strbuf_append_field(b, name, strlen(name), width, prec, left);
            continue;
        }
        case 'R':
        case 'S':
        case 'A': {
            gp_object_t *o = va_arg(*ap, gp_object_t *);
            if (!o) {
                strbuf_append_field(b, "<NULL>", 6, width, prec, left);
                continue;
            }
            if (conv == 'S' && gp_str_check_exact(o))
                tmp = GP_INCREF(o);
            else if (conv == 'S')
                tmp = gp_object_str(o);
            else if (conv == 'R')
                tmp = gp_object_repr(o);
            else
                tmp = gp_object_ascii(o);
            if (!tmp)
                return -1;
            strbuf_append_obj_field(b, tmp, width, prec, left);
            GP_DECREF(tmp);
            continue;
        }
        case 'c': {
            int c = va_arg(*ap, int);
            char buf[4];
            int n = gp_utf8_encode(buf, (uint32_t)c & 0x1FFFFF);
            strbuf_append_field(b, buf, (size_t)n, width, -1, left);
            continue;
        }
        default:
            break;
        }
        /* An ordinary numeric directive: rebuild it and let snprintf work. */
        char spec[48], out[128];
        size_t sl = (size_t)(d - pct) + 1;
        if (sl >= sizeof spec) {
            gp_strbuf_append(b, pct, sl);
            continue;
        }
        memcpy(spec, pct, sl);
        spec[sl] = '\0';
        /* '*' widths were consumed above; rebuild the spec with numbers. */
        if (memchr(spec, '*', sl)) {
            const char *lm = mod == 'l'   ? "l"
                             : mod == 'L' ? "ll"
                             : mod == 'z' ? "z"
                             : mod == 'j' ? "j"
                             : mod == 't' ? "t"
                                          : "";
            if (prec >= 0)
                snprintf(spec, sizeof spec, "%%%s%d.%d%s%c", flags, width < 0 ? 0 : width, prec, lm,
                         conv);
            else
                snprintf(spec, sizeof spec, "%%%s%d%s%c", flags, width < 0 ? 0 : width, lm, conv);
        }
        int n = 0;
        switch (conv) {
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o':
            switch (mod) {
            case 'l': n = snprintf(out, sizeof out, spec, va_arg(*ap, long)); break;
            case 'L': n = snprintf(out, sizeof out, spec, va_arg(*ap, long long)); break;
            case 'z': n = snprintf(out, sizeof out, spec, va_arg(*ap, size_t)); break;
            case 'j': n = snprintf(out, sizeof out, spec, va_arg(*ap, intmax_t)); break;
            case 't': n = snprintf(out, sizeof out, spec, va_arg(*ap, ptrdiff_t)); break;
            default: n = snprintf(out, sizeof out, spec, va_arg(*ap, int)); break;
            }
            break;
        case 'p':
            n = snprintf(out, sizeof out, spec, va_arg(*ap, void *));
            break;
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
            n = snprintf(out, sizeof out, spec, va_arg(*ap, double));
            break;
        default:
            /* Unknown directive: copy it verbatim, as CPython does. */
            gp_strbuf_append(b, pct, sl);
            continue;
        }
        if (n > 0)
            gp_strbuf_append(b, out, (size_t)n < sizeof out ? (size_t)n : sizeof out - 1);
    }
    return 0;
}

gp_object_t *gp_str_from_vformat(const char *fmt, va_list ap)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    va_list copy;
    va_copy(copy, ap);
    int rc = strbuf_vformat(&b, fmt, &copy);
    va_end(copy);
    if (rc < 0) {
        gp_strbuf_discard(&b);
        return NULL;
    }
    return gp_strbuf_finish(&b);
}

gp_object_t *gp_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gp_object_t *r = gp_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}

void gp_strbuf_printf(gp_strbuf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (strbuf_vformat(b, fmt, &ap) < 0) {
        /* The builder has no error channel of its own: a failing %R marks
           the text and the exception is dropped. */
        gp_err_clear();
        gp_strbuf_append_cstr(b, "<?>");
    }
    va_end(ap);
}

/* ------------------------------------------------------------------ */
/* repr and ascii                                                       */
/* ------------------------------------------------------------------ */

static void strbuf_append_hex_escape(gp_strbuf_t *b, uint32_t cp)
{
    char buf[12];
    if (cp < 0x100)
        snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp < 0x10000)
        snprintf(buf, sizeof buf, "\\u%04x", cp);
    else
        snprintf(buf, sizeof buf, "\\U%08x", cp);
    gp_strbuf_append_cstr(b, buf);
}

gp_object_t *gp_str_repr_ascii(gp_object_t *o, bool ascii_only)
{
    const char *s = GP_STR_DATA(o);
    size_t n = (size_t)GP_STR_BYTES(o);
    /* CPython's choice: single quotes unless the text has ' and no ". */
    char quote = '\'';
    if (memchr(s, '\'', n) && !memchr(s, '"', n))
        quote = '"';
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    strbuf_reserve(&b, n + 2);
    gp_strbuf_append_char(&b, quote);
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        /* Copy runs of plain printable ASCII in one go. */
        const unsigned char *run = p;
        while (p < end && *p >= 0x20 && *p < 0x7F && *p != '\\' && *p != (unsigned char)quote)
            p++;
        if (p > run)
            gp_strbuf_append(&b, (const char *)run, (size_t)(p - run));
        if (p >= end)
            break;
        int len;
        uint32_t cp = gp_utf8_decode(p, &len);
        switch (cp) {
        case '\\': gp_strbuf_append(&b, "\\\\", 2); break;
        case '\n': gp_strbuf_append(&b, "\\n", 2); break;
        case '\r': gp_strbuf_append(&b, "\\r", 2); break;
        case '\t': gp_strbuf_append(&b, "\\t", 2); break;
        default:
            if (cp == (uint32_t)quote) {
                gp_strbuf_append_char(&b, '\\');
                gp_strbuf_append_char(&b, quote);
            } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && (ascii_only || !gp_unicode_isprintable(cp)))) {
                strbuf_append_hex_escape(&b, cp);
            } else {
                gp_strbuf_append(&b, (const char *)p, (size_t)len);
            }
        }
        p += len;
    }
    gp_strbuf_append_char(&b, quote);
    return gp_strbuf_finish(&b);
}

gp_object_t *gp_str_repr_of(gp_object_t *o)
{
    return gp_str_repr_ascii(o, false);
}

static gp_object_t *str_repr(gp_object_t *o)
{
    return gp_str_repr_ascii(o, false);
}

/* str(s): the exact str itself, or an exact copy of a subclass instance. */
static gp_object_t *str_str(gp_object_t *o)
{
    if (gp_str_check_exact(o))
        return GP_INCREF(o);
    return gp_str_new_trusted(GP_STR_DATA(o), (size_t)GP_STR_BYTES(o), GP_STR_LEN(o),
                              GP_STR_ASCII(o));
}

/* ------------------------------------------------------------------ */
/* Concatenation, repetition, join                                      */
/* ------------------------------------------------------------------ */

gp_object_t *gp_str_concat(gp_object_t *a, gp_object_t *b)
{
    size_t la = (size_t)GP_STR_BYTES(a), lb = (size_t)GP_STR_BYTES(b);
    if (lb == 0 && gp_str_check_exact(a))
        return GP_INCREF(a);
    if (la == 0 && gp_str_check_exact(b))
        return GP_INCREF(b);
    if (la + lb < la || la + lb > (size_t)INTPTR_MAX / 2) {
        gp_err_no_memory();
        return NULL;
    }
    if (la + lb == 0)
        return gp_str_empty();
    gp_str_t *r =
        gp_str_alloc(la + lb, GP_STR_LEN(a) + GP_STR_LEN(b), GP_STR_ASCII(a) && GP_STR_ASCII(b));
    if (!r)
        return NULL;
    memcpy(r->data, GP_STR_DATA(a), la);
    memcpy(r->data + la, GP_STR_DATA(b), lb);
    return (gp_object_t *)r;
}

int gp_str_append_inplace(gp_object_t **left, gp_object_t *right)
{
    gp_object_t *a = *left;
    gp_str_t *s = GP_STR(a);
    size_t la = (size_t)s->base.size, lb = (size_t)GP_STR_BYTES(right);
    if (lb == 0)
        return 0;
    if (gp_str_check_exact(a) && a->refcnt == 1 && !s->interned && !s->immortal &&
        la + lb < (size_t)INTPTR_MAX / 2) {
        intptr_t length = s->length + GP_STR_LEN(right);
        bool ascii = s->ascii && GP_STR_ASCII(right);
        /* right may be a itself; copy its bytes before the resize moves them. */
        if (right == a) {
            gp_object_t *r = gp_str_concat(a, right);
            if (!r)
                return -1;
            GP_DECREF(a);
            *left = r;
            return 0;
        }
        gp_mem_free(s->index);
        s->index = NULL;
        gp_object_t *grown = gp_object_resize(a, la + lb);
        if (!grown)
            return -1;
        s = GP_STR(grown);
        memcpy(s->data + la, GP_STR_DATA(right), lb);
        s->data[la + lb] = '\0';
        s->base.size = (intptr_t)(la + lb);
        s->length = length;
        s->ascii = ascii;
        s->hash = -1;
        *left = grown;
        return 0;
    }
    gp_object_t *r = gp_str_concat(a, right);
    if (!r)
        return -1;
    GP_DECREF(a);
    *left = r;
    return 0;
}

static gp_object_t *str_repeat(gp_object_t *s, intptr_t n)
{
    size_t len = (size_t)GP_STR_BYTES(s);
    if (n <= 0 || len == 0)
        return gp_str_empty();
    if (n == 1 && gp_str_check_exact(s))
        return GP_INCREF(s);
    if ((size_t)n > (size_t)(INTPTR_MAX / 2) / len) {
        gp_err_set_string(&gp_exc_OverflowError, "repeated string is too long");
        return NULL;
    }
    size_t total = len * (size_t)n;
    gp_str_t *r = gp_str_alloc(total, GP_STR_LEN(s) * n, GP_STR_ASCII(s));
    if (!r)
        return NULL;
    if (len == 1) {
        memset(r->data, GP_STR_DATA(s)[0], total);
    } else {
        /* Doubling copies: log(n) memcpy calls. */
        memcpy(r->data, GP_STR_DATA(s), len);
        size_t done = len;
        while (done < total) {
            size_t chunk = done < total - done ? done : total - done;
            memcpy(r->data + done, r->data, chunk);
            done += chunk;
        }
    }
    return (gp_object_t *)r;
}

/* Joins the n str items (checked by the caller) with [sep]. */
static gp_object_t *str_join_array(gp_object_t *sep, gp_object_t *const *items, size_t n)
{
    if (n == 0)
        return gp_str_empty();
    if (n == 1 && gp_str_check_exact(items[0]))
        return GP_INCREF(items[0]);
    size_t seplen = (size_t)GP_STR_BYTES(sep);
    size_t total = seplen * (n - 1);
    intptr_t cps = GP_STR_LEN(sep) * (intptr_t)(n - 1);
    bool ascii = GP_STR_ASCII(sep);
    for (size_t i = 0; i < n; i++) {
        total += (size_t)GP_STR_BYTES(items[i]);
        cps += GP_STR_LEN(items[i]);
        ascii = ascii && GP_STR_ASCII(items[i]);
    }
    if (total > (size_t)INTPTR_MAX / 2) {
        gp_err_set_string(&gp_exc_OverflowError, "join() result is too long");
        return NULL;
    }
    if (total == 0)
        return gp_str_empty();
    gp_str_t *r = gp_str_alloc(total, cps, ascii);
    if (!r)
        return NULL;
    char *out = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i && seplen) {
            memcpy(out, GP_STR_DATA(sep), seplen);
            out += seplen;
        }
        size_t l = (size_t)GP_STR_BYTES(items[i]);
        memcpy(out, GP_STR_DATA(items[i]), l);
        out += l;
    }
    if (cps == 1) {
        /* Keep the one-character cache canonical. */
        gp_object_t *shared = gp_str_new_trusted(r->data, total, 1, ascii);
        GP_DECREF((gp_object_t *)r);
        return shared;
    }
    return (gp_object_t *)r;
}

gp_object_t *gp_str_join(gp_object_t *sep, gp_object_t *iterable)
{
    gp_object_t *seq;
    if (gp_list_check_exact(iterable) || gp_tuple_check_exact(iterable))
        seq = GP_INCREF(iterable);
    else if (!(seq = gp_list_from_iterable(iterable)))
        return NULL;
    gp_object_t *const *items;
    size_t n;
    if (gp_tuple_check_exact(seq)) {
        items = GP_TUPLE_ITEMS(seq);
        n = (size_t)GP_TUPLE_SIZE(seq);
    } else {
        items = GP_LIST_ITEMS(seq);
        n = (size_t)GP_LIST_SIZE(seq);
    }
    for (size_t i = 0; i < n; i++) {
        if (!gp_str_check(items[i])) {
            gp_err_format(&gp_exc_TypeError, "sequence item %zu: expected str instance, %T found",
                          i, items[i]);
            GP_DECREF(seq);
            return NULL;
        }
    }
    gp_object_t *r = str_join_array(sep, items, n);
    GP_DECREF(seq);
    return r;
}

/* ------------------------------------------------------------------ */
/* Type slots                                                           */
/* ------------------------------------------------------------------ */

static void str_dealloc(gp_object_t *o)
{
    gp_str_t *s = GP_STR(o);
    if (s->immortal)
        return;
    gp_mem_free(s->index);
    s->index = NULL;
    gp_object_free(o);
}

static intptr_t str_hash_slot(gp_object_t *o)
{
    return gp_str_hash(o);
}

static intptr_t str_len(gp_object_t *o)
{
    return GP_STR_LEN(o);
}

/* s[i] for a resolved, in-range index. */
static gp_object_t *str_item(gp_object_t *s, intptr_t i)
{
    if (GP_STR_ASCII(s))
        return GP_INCREF((gp_object_t *)&str_latin1[(unsigned char)GP_STR_DATA(s)[i]]);
    const char *p = gp_str_at(s, i);
    int n;
    uint32_t cp = gp_utf8_decode((const unsigned char *)p, &n);
    return gp_str_from_codepoint(cp);
}

static gp_object_t *str_slice(gp_object_t *s, intptr_t start, intptr_t step, intptr_t count)
{
    if (count <= 0)
        return gp_str_empty();
    if (step == 1) {
        if (count == GP_STR_LEN(s) && gp_str_check_exact(s))
            return GP_INCREF(s);
        const char *a = gp_str_at(s, start);
        const char *z = GP_STR_ASCII(s) ? a + count : utf8_skip(a, count);
        return gp_str_new_trusted(a, (size_t)(z - a), count, GP_STR_ASCII(s));
    }
    if (GP_STR_ASCII(s)) {
        gp_str_t *r = gp_str_alloc((size_t)count, count, true);
        if (!r)
            return NULL;
        const char *d = GP_STR_DATA(s);
        for (intptr_t k = 0, i = start; k < count; k++, i += step)
            r->data[k] = d[i];
        if (count == 1) {
            gp_object_t *shared = GP_INCREF((gp_object_t *)&str_latin1[(unsigned char)r->data[0]]);
            GP_DECREF((gp_object_t *)r);
            return shared;
        }
        return (gp_object_t *)r;
    }
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (intptr_t k = 0, i = start; k < count; k++, i += step) {
        const char *p = gp_str_at(s, i);
        gp_strbuf_append(&b, p, (size_t)gp_utf8_lead_len((unsigned char)*p));
    }
    return gp_strbuf_finish(&b);
}

static gp_object_t *str_getitem(gp_object_t *s, gp_object_t *key)
{
    intptr_t len = GP_STR_LEN(s);
    if (GP_IS_SMALL(key) || gp_int_check(key) || (GP_IS_PTR(key) && GP_TYPE(key)->to_index)) {
        intptr_t i;
        if (GP_IS_SMALL(key)) {
            i = GP_SMALL_VALUE(key);
        } else {
            i = gp_number_as_ssize(key, &gp_exc_IndexError);
            if (i == -1 && gp_err_occurred())
                return NULL;
        }
        if (i < 0)
            i += len;
        if (i < 0 || i >= len) {
            gp_err_set_string(&gp_exc_IndexError, "string index out of range");
            return NULL;
        }
        return str_item(s, i);
    }
    if (GP_IS_TYPE(key, gp_slice_type)) {
        intptr_t start, stop, step;
        intptr_t count = gp_slice_indices(key, len, &start, &stop, &step);
        if (count < 0)
            return NULL;
        return str_slice(s, start, step, count);
    }
    gp_err_format(&gp_exc_TypeError, "string indices must be integers, not '%T'", key);
    return NULL;
}

static int str_contains(gp_object_t *s, gp_object_t *sub)
{
    if (!gp_str_check(sub)) {
        gp_err_format(&gp_exc_TypeError, "'in <string>' requires string as left operand, not %T",
                      sub);
        return -1;
    }
    size_t n = (size_t)GP_STR_BYTES(sub);
    if (n == 0)
        return 1;
    if (n == 1)
        return memchr(GP_STR_DATA(s), GP_STR_DATA(sub)[0], (size_t)GP_STR_BYTES(s)) != NULL;
    return memmem(GP_STR_DATA(s), (size_t)GP_STR_BYTES(s), GP_STR_DATA(sub), n) != NULL;
}

/* The integer count of `s * n`, or -1 with an exception set (also sets
   *ok = false when [n] is not an integer at all). */
static bool str_repeat_count(gp_object_t *n, intptr_t *out)
{
    if (GP_IS_SMALL(n)) {
        *out = GP_SMALL_VALUE(n);
        return true;
    }
    *out = gp_number_as_ssize(n, &gp_exc_OverflowError);
    return !(*out == -1 && gp_err_occurred());
}

static bool is_index_like(gp_object_t *o)
{
    return gp_int_check(o) || GP_TYPE(o)->to_index != NULL;
}

static gp_object_t *str_binop(gp_object_t *a, gp_object_t *b, int op)
{
    switch (op & ~GP_BINOP_INPLACE) {
    case GP_BINOP_ADD:
        if (!gp_str_check(a))
            return GP_INCREF(gp_NotImplemented);
        if (!gp_str_check(b)) {
            /* A user class may still answer with __radd__. */
            if (GP_TYPE(b)->flags & GP_TYPE_FLAG_HEAPTYPE)
                return GP_INCREF(gp_NotImplemented);
            gp_err_format(&gp_exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
            return NULL;
        }
        return gp_str_concat(a, b);
    case GP_BINOP_MUL: {
        gp_object_t *s = gp_str_check(a) ? a : b, *n = s == a ? b : a;
        if (!is_index_like(n)) {
            /* A user class may still answer with __mul__/__rmul__. */
            if (GP_TYPE(n)->flags & GP_TYPE_FLAG_HEAPTYPE)
                return GP_INCREF(gp_NotImplemented);
            gp_err_format(&gp_exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
            return NULL;
        }
        intptr_t count;
        if (!str_repeat_count(n, &count))
            return NULL;
        return str_repeat(s, count);
    }
    case GP_BINOP_MOD:
        if (!gp_str_check(a))
            return GP_INCREF(gp_NotImplemented);
        return gp_str_percent_format(a, b);
    default:
        return GP_INCREF(gp_NotImplemented);
    }
}

static gp_object_t *str_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    gp_object_t *out[3] = {NULL, NULL, NULL};
    if (nargs == 1 && !kwnames && type == &gp_str_type) {
        out[0] = args[0];
    } else if (gp_args_parse("str", args, nargs, kwnames, names, 0, out) < 0) {
        return NULL;
    }
    gp_object_t *r;
    if (!out[0]) {
        r = gp_str_empty();
    } else if (out[1] || out[2]) {
        const char *enc = NULL, *errs = NULL;
        if (out[1]) {
            if (!gp_str_check(out[1])) {
                gp_err_format(&gp_exc_TypeError,
                              "str() argument 'encoding' must be str, not %T", out[1]);
                return NULL;
            }
            enc = GP_STR_DATA(out[1]);
        }
        if (out[2]) {
            if (!gp_str_check(out[2])) {
                gp_err_format(&gp_exc_TypeError, "str() argument 'errors' must be str, not %T",
                              out[2]);
                return NULL;
            }
            errs = GP_STR_DATA(out[2]);
        }
        const char *data;
        size_t len;
        if (gp_str_check(out[0])) {
            gp_err_set_string(&gp_exc_TypeError, "decoding str is not supported");
            return NULL;
        }
        if (!gp_bytes_like(out[0], &data, &len)) {
            gp_err_format(&gp_exc_TypeError, "decoding to str: need a bytes-like object, %T found",
                          out[0]);
            return NULL;
        }
        r = gp_str_decode(data, len, enc, errs, out[0]);
    } else {
        r = gp_object_str(out[0]);
    }
    if (!r || type == &gp_str_type)
        return r;
    gp_object_t *sub = gp_str_subtype_copy(type, r);
    GP_DECREF(r);
    return sub;
}

/* ------------------------------------------------------------------ */
/* The str iterator                                                     */
/* ------------------------------------------------------------------ */

typedef struct str_iterator {
    gp_object_t base;
    gp_object_t *str; /* NULL once exhausted */
    size_t offset;    /* byte offset of the next character */
} str_iterator_t;

static gp_object_t *str_iter(gp_object_t *s)
{
    str_iterator_t *it = (str_iterator_t *)gp_object_alloc(&gp_str_iterator_type, 0);
    if (!it)
        return NULL;
    it->str = GP_INCREF(s);
    it->offset = 0;
    return (gp_object_t *)it;
}

static gp_object_t *str_iterator_next(gp_object_t *o)
{
    str_iterator_t *it = (str_iterator_t *)o;
    gp_object_t *s = it->str;
    if (!s)
        return NULL;
    if (it->offset >= (size_t)GP_STR_BYTES(s)) {
        it->str = NULL;
        GP_DECREF(s);
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)GP_STR_DATA(s) + it->offset;
    if (*p < 0x80) {
        it->offset++;
        return GP_INCREF((gp_object_t *)&str_latin1[*p]);
    }
    int n;
    uint32_t cp = gp_utf8_decode(p, &n);
    it->offset += (size_t)n;
    return gp_str_from_codepoint(cp);
}

static void str_iterator_dealloc(gp_object_t *o)
{
    str_iterator_t *it = (str_iterator_t *)o;
    GP_XDECREF(it->str);
    gp_object_free(o);
}

static gp_object_t *iterator_self(gp_object_t *o)
{
    return GP_INCREF(o);
}

/* __length_hint__ for the iterator. */
static gp_object_t *str_iterator_length_hint(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames)
{
    str_iterator_t *it = (str_iterator_t *)self;
    if (!it->str)
        return gp_int_from_i64(0);
    intptr_t done = gp_str_index_of_offset(it->str, it->offset);
    return gp_int_from_i64(GP_STR_LEN(it->str) - done);
}

/* Pickling support: (iter, (str,), characters_taken), or iter over ''
   once exhausted, like the list and tuple iterators (obj/list.c). */
static gp_object_t *str_iterator_reduce(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    str_iterator_t *it = (str_iterator_t *)self;
    intptr_t done = it->str ? gp_str_index_of_offset(it->str, it->offset) : 0;
    return gp_seq_iterator_reduce("iter", it->str, done, (gp_object_t *)&str_empty);
}

static gp_object_t *str_iterator_setstate(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    str_iterator_t *it = (str_iterator_t *)self;
    if (it->str) {
        intptr_t index = gp_seq_iterator_state(args[0], 0, GP_STR_LEN(it->str));
        if (index == -1 && gp_err_occurred())
            return NULL;
        /* Characters are UTF-8 sequences: walk to the byte offset. */
        const unsigned char *data = (const unsigned char *)GP_STR_DATA(it->str);
        size_t offset = 0;
        for (intptr_t i = 0; i < index; i++)
            offset += (size_t)gp_utf8_lead_len(data[offset]);
        it->offset = offset;
    }
    return gp_none_new();
}

static const gp_method_def_t str_iterator_methods[] = {
    {"__length_hint__", str_iterator_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", str_iterator_reduce, 0, NULL},
    {"__setstate__", str_iterator_setstate, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_str_iterator_type = {
    GP_TYPE_HEAD_INIT,
    .name = "str_ascii_iterator",
    .basicsize = sizeof(str_iterator_t),
    .dealloc = str_iterator_dealloc,
    .iter = iterator_self,
    .iternext = str_iterator_next,
    .methods = str_iterator_methods,
};

gp_type_t gp_str_type = {
    GP_TYPE_HEAD_INIT,
    .name = "str",
    .basicsize = offsetof(gp_str_t, data) + 1,
    .itemsize = 1,
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_STR_SUBCLASS,
    .dealloc = str_dealloc,
    .new_ = str_new,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash_slot,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .binop = str_binop,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .methods = gp_str_methods,
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object.",
};
