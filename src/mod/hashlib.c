/*
 * hashlib.c - the `_hashlib` module: message digests from OpenSSL's
 * libcrypto, loaded on first use.
 *
 * Design notes
 * ------------
 * CPython's hashlib is a thin layer over OpenSSL's EVP digest API, and so is
 * this one: one HASH object wraps one EVP_MD_CTX. What differs is how
 * libcrypto is reached. Linking it would make the dynamic loader map and
 * relocate a 4 MB library before main() in every run, which the start-up
 * budget of `gilpy -c pass` cannot afford (the same reason libcurl is loaded
 * lazily, runtime/curl_lazy.c). So the binary does not link it and needs no
 * OpenSSL headers to build: the handful of entry points used are declared
 * here with OpenSSL's documented prototypes (the context and method types
 * stay opaque), and the first hashlib call dlopen()s libcrypto.so.3 (or
 * .so.1.1) once. Without libcrypto every constructor raises ValueError
 * "unsupported hash type", as CPython's does for a digest it lacks.
 *
 * Python names map to OpenSSL's: sha3_256 -> SHA3-256, shake_128 ->
 * SHAKE128, blake2b -> BLAKE2B512 (only the default parameters: no key,
 * salt or digest_size; CPython's own blake2 module has those).
 *
 * Hashing a large buffer releases the GIL (2 KiB and more, as CPython), so
 * threads hashing big files overlap. The object's context is then guarded
 * by its own mutex, because another thread may call update() on the same
 * object meanwhile; below that size the GIL alone guards it and the mutex is
 * still taken (uncontended, a few nanoseconds) to keep one rule.
 *
 * compare_digest() is here too: hmac and secrets need a comparison whose
 * time does not depend on where the inputs differ.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "obj/memoryview.h"
#include "obj/object.h"
#include "runtime/mem.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* libcrypto, loaded lazily                                             */
/* ------------------------------------------------------------------ */

typedef struct evp_md_st EVP_MD;
typedef struct evp_md_ctx_st EVP_MD_CTX;
typedef struct engine_st ENGINE;

static struct {
    bool loaded;
    const EVP_MD *(*get_digestbyname)(const char *name);
    EVP_MD_CTX *(*ctx_new)(void);
    void (*ctx_free)(EVP_MD_CTX *ctx);
    int (*ctx_copy)(EVP_MD_CTX *out, const EVP_MD_CTX *in);
    int (*digest_init)(EVP_MD_CTX *ctx, const EVP_MD *type, ENGINE *impl);
    int (*digest_update)(EVP_MD_CTX *ctx, const void *d, size_t cnt);
    int (*digest_final)(EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s);
    int (*digest_final_xof)(EVP_MD_CTX *ctx, unsigned char *md, size_t len);
    int (*md_size)(const EVP_MD *md);
    int (*md_block_size)(const EVP_MD *md);
    int (*pbkdf2_hmac)(const char *pass, int passlen, const unsigned char *salt, int saltlen,
                       int iter, const EVP_MD *digest, int keylen, unsigned char *out);
} crypto;

static pthread_once_t crypto_once = PTHREAD_ONCE_INIT;

static void *crypto_sym(void *lib, const char *name, const char *old_name)
{
    void *p = dlsym(lib, name);
    return p || !old_name ? p : dlsym(lib, old_name);
}

static void crypto_load(void)
{
    void *lib = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        lib = dlopen("libcrypto.so.1.1", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        lib = dlopen("libcrypto.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return;
    /* Each assignment goes through void * (POSIX allows the conversion). */
#define SYM(field, name, old)                                   \
    do {                                                        \
        void *p_ = crypto_sym(lib, name, old);                  \
        memcpy(&crypto.field, &p_, sizeof p_);                  \
    } while (0)
    SYM(get_digestbyname, "EVP_get_digestbyname", NULL);
    SYM(ctx_new, "EVP_MD_CTX_new", NULL);
    SYM(ctx_free, "EVP_MD_CTX_free", NULL);
    SYM(ctx_copy, "EVP_MD_CTX_copy_ex", NULL);
    SYM(digest_init, "EVP_DigestInit_ex", NULL);
    SYM(digest_update, "EVP_DigestUpdate", NULL);
    SYM(digest_final, "EVP_DigestFinal_ex", NULL);
    SYM(digest_final_xof, "EVP_DigestFinalXOF", NULL);
    SYM(md_size, "EVP_MD_get_size", "EVP_MD_size");
    SYM(md_block_size, "EVP_MD_get_block_size", "EVP_MD_block_size");
    SYM(pbkdf2_hmac, "PKCS5_PBKDF2_HMAC", NULL);
#undef SYM
    crypto.loaded = crypto.get_digestbyname && crypto.ctx_new && crypto.ctx_free &&
                    crypto.ctx_copy && crypto.digest_init && crypto.digest_update &&
                    crypto.digest_final && crypto.md_size && crypto.md_block_size;
}

static bool crypto_available(void)
{
    pthread_once(&crypto_once, crypto_load);
    return crypto.loaded;
}

/* ------------------------------------------------------------------ */
/* Names                                                                */
/* ------------------------------------------------------------------ */

typedef struct digest_name {
    const char *python, *openssl;
    bool xof;
} digest_name_t;

static const digest_name_t digest_names[] = {
    {"md5", "MD5", false},           {"sha1", "SHA1", false},
    {"sha224", "SHA224", false},     {"sha256", "SHA256", false},
    {"sha384", "SHA384", false},     {"sha512", "SHA512", false},
    {"sha512_224", "SHA512-224", false}, {"sha512_256", "SHA512-256", false},
    {"sha3_224", "SHA3-224", false}, {"sha3_256", "SHA3-256", false},
    {"sha3_384", "SHA3-384", false}, {"sha3_512", "SHA3-512", false},
    {"shake_128", "SHAKE128", true}, {"shake_256", "SHAKE256", true},
    {"blake2b", "BLAKE2B512", false}, {"blake2s", "BLAKE2S256", false},
    {"sm3", "SM3", false},           {"ripemd160", "RIPEMD160", false},
    {"md5-sha1", "MD5-SHA1", false},
};
#define NDIGEST_NAMES (sizeof digest_names / sizeof digest_names[0])

/* The table entry for a Python name (case-insensitive, '-' or '_'). */
static const digest_name_t *digest_lookup(const char *name)
{
    for (size_t i = 0; i < NDIGEST_NAMES; i++) {
        const char *a = name, *b = digest_names[i].python;
        for (; *a && *b; a++, b++) {
            char ca = (char)(*a >= 'A' && *a <= 'Z' ? *a + 32 : *a);
            if (ca == '-' && *b == '_')
                continue;
            if (ca != *b)
                break;
        }
        if (!*a && !*b)
            return &digest_names[i];
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* HASH objects                                                         */
/* ------------------------------------------------------------------ */

typedef struct hash {
    gp_object_t base;
    EVP_MD_CTX *ctx;
    const EVP_MD *md;
    const digest_name_t *name;
    pthread_mutex_t lock;
} hash_t;

static gp_type_t hash_type, hash_xof_type;

#define HASH(o) ((hash_t *)(o))
#define HASH_GIL_MINSIZE 2048

static void hash_dealloc(gp_object_t *self)
{
    if (HASH(self)->ctx)
        crypto.ctx_free(HASH(self)->ctx);
    pthread_mutex_destroy(&HASH(self)->lock);
    gp_object_free(self);
}

static hash_t *hash_alloc(const digest_name_t *name, const EVP_MD *md)
{
    hash_t *h = (hash_t *)gp_object_alloc(name->xof ? &hash_xof_type : &hash_type, 0);
    if (!h)
        return NULL;
    pthread_mutex_init(&h->lock, NULL);
    h->md = md;
    h->name = name;
    h->ctx = crypto.ctx_new();
    if (!h->ctx) {
        GP_DECREF(&h->base);
        gp_err_no_memory();
        return NULL;
    }
    return h;
}

/* The bytes of a data argument; a str is refused as CPython does. */
static int hash_get_data(gp_object_t *data, gp_buffer_t *view)
{
    if (gp_str_check(data)) {
        gp_err_set_string(&gp_exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (gp_buffer_get(data, view, GP_BUFFER_SIMPLE) < 0) {
        if (gp_err_matches(&gp_exc_TypeError)) {
            gp_err_clear();
            gp_err_set_string(&gp_exc_TypeError, "object supporting the buffer API required");
        }
        return -1;
    }
    return 0;
}

static int hash_feed(hash_t *h, gp_object_t *data)
{
    gp_buffer_t view;
    if (hash_get_data(data, &view) < 0)
        return -1;
    int ok;
    if (view.len >= HASH_GIL_MINSIZE) {
        gp_thread_state_t *ts = gp_gil_release_for_blocking();
        pthread_mutex_lock(&h->lock);
        ok = crypto.digest_update(h->ctx, view.data, view.len);
        pthread_mutex_unlock(&h->lock);
        gp_gil_acquire_after_blocking(ts);
    } else {
        pthread_mutex_lock(&h->lock);
        ok = crypto.digest_update(h->ctx, view.data, view.len);
        pthread_mutex_unlock(&h->lock);
    }
    gp_buffer_release(&view);
    if (!ok) {
        gp_err_set_string(&gp_exc_ValueError, "digest update failed");
        return -1;
    }
    return 0;
}

static gp_object_t *hash_update(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("update", nargs, kwnames, 1, 1) < 0 || hash_feed(HASH(self), args[0]) < 0)
        return NULL;
    return gp_none_new();
}

/* A copy of the object's context, finished into [out] ([len] bytes for an
   XOF). The object itself can go on being updated. */
static int hash_finish_copy(hash_t *h, unsigned char *out, size_t len)
{
    EVP_MD_CTX *tmp = crypto.ctx_new();
    if (!tmp) {
        gp_err_no_memory();
        return -1;
    }
    pthread_mutex_lock(&h->lock);
    int ok = crypto.ctx_copy(tmp, h->ctx);
    pthread_mutex_unlock(&h->lock);
    unsigned int n = 0;
    if (ok)
        ok = h->name->xof ? crypto.digest_final_xof && crypto.digest_final_xof(tmp, out, len)
                          : crypto.digest_final(tmp, out, &n);
    crypto.ctx_free(tmp);
    if (!ok) {
        gp_err_set_string(&gp_exc_ValueError, "digest finalization failed");
        return -1;
    }
    return 0;
}

static gp_object_t *hash_hex(const unsigned char *d, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (size_t i = 0; i < n; i++) {
        gp_strbuf_append_char(&b, digits[d[i] >> 4]);
        gp_strbuf_append_char(&b, digits[d[i] & 15]);
    }
    return gp_strbuf_finish(&b);
}

static gp_object_t *hash_digest_impl(gp_object_t *self, bool hex)
{
    hash_t *h = HASH(self);
    unsigned char out[64 + 16];
    int size = crypto.md_size(h->md);
    if (size < 0 || (size_t)size > sizeof out) {
        gp_err_set_string(&gp_exc_ValueError, "digest size out of range");
        return NULL;
    }
    if (hash_finish_copy(h, out, (size_t)size) < 0)
        return NULL;
    return hex ? hash_hex(out, (size_t)size) : gp_bytes_new(out, (size_t)size);
}

static gp_object_t *hash_digest(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("digest", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return hash_digest_impl(self, false);
}

static gp_object_t *hash_hexdigest(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("hexdigest", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return hash_digest_impl(self, true);
}

/* digest(length) / hexdigest(length) of the SHAKE objects. */
static gp_object_t *hash_xof_impl(gp_object_t *self, const char *fname, gp_object_t *const *args,
                                  size_t nargs, gp_object_t *kwnames, bool hex)
{
    static const char *const names[] = {"length", NULL};
    gp_object_t *argv[1] = {NULL};
    if (gp_args_parse(fname, args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    if (!gp_int_check(argv[0])) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      argv[0]);
        return NULL;
    }
    int overflow = 0;
    int64_t len = gp_int_as_i64_overflow(argv[0], &overflow);
    if (overflow || len < 0) {
        gp_err_set_string(&gp_exc_ValueError, "length must be a non-negative integer");
        return NULL;
    }
    if (len >= (int64_t)1 << 29) {
        gp_err_set_string(&gp_exc_ValueError, "digest length is too large");
        return NULL;
    }
    if (len == 0)
        return hex ? gp_str_from_cstr("") : gp_bytes_new("", 0);
    unsigned char *out = gp_mem_alloc((size_t)len);
    if (!out)
        return NULL;
    gp_object_t *r = NULL;
    if (hash_finish_copy(HASH(self), out, (size_t)len) == 0)
        r = hex ? hash_hex(out, (size_t)len) : gp_bytes_new(out, (size_t)len);
    gp_mem_free(out);
    return r;
}

static gp_object_t *hash_xof_digest(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    return hash_xof_impl(self, "digest", args, nargs, kwnames, false);
}

static gp_object_t *hash_xof_hexdigest(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    return hash_xof_impl(self, "hexdigest", args, nargs, kwnames, true);
}

static gp_object_t *hash_copy(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (gp_args_check("copy", nargs, kwnames, 0, 0) < 0)
        return NULL;
    hash_t *h = HASH(self);
    hash_t *c = hash_alloc(h->name, h->md);
    if (!c)
        return NULL;
    pthread_mutex_lock(&h->lock);
    int ok = crypto.ctx_copy(c->ctx, h->ctx);
    pthread_mutex_unlock(&h->lock);
    if (!ok) {
        GP_DECREF(&c->base);
        gp_err_set_string(&gp_exc_ValueError, "digest copy failed");
        return NULL;
    }
    return &c->base;
}

static gp_object_t *hash_get(gp_object_t *self, void *closure)
{
    hash_t *h = HASH(self);
    switch ((int)(intptr_t)closure) {
    case 0:
        return gp_str_from_cstr(h->name->python);
    case 1:
        return gp_int_from_i64(h->name->xof ? 0 : crypto.md_size(h->md));
    default:
        return gp_int_from_i64(crypto.md_block_size(h->md));
    }
}

static gp_object_t *hash_repr(gp_object_t *self)
{
    return gp_str_from_format("<%s _hashlib.%s object @ %p>", HASH(self)->name->python,
                              HASH(self)->name->xof ? "HASHXOF" : "HASH", (void *)self);
}

static const gp_getset_def_t hash_getsets[] = {
    {"name", hash_get, NULL, (void *)0, NULL},
    {"digest_size", hash_get, NULL, (void *)1, NULL},
    {"block_size", hash_get, NULL, (void *)2, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const gp_method_def_t hash_methods[] = {
    {"update", hash_update, 0, NULL},
    {"digest", hash_digest, 0, NULL},
    {"hexdigest", hash_hexdigest, 0, NULL},
    {"copy", hash_copy, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static const gp_method_def_t hash_xof_methods[] = {
    {"update", hash_update, 0, NULL},
    {"digest", hash_xof_digest, GP_METH_KEYWORDS, NULL},
    {"hexdigest", hash_xof_hexdigest, GP_METH_KEYWORDS, NULL},
    {"copy", hash_copy, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static gp_type_t hash_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_hashlib.HASH",
    .basicsize = sizeof(hash_t),
    .dealloc = hash_dealloc,
    .repr = hash_repr,
    .methods = hash_methods,
    .getsets = hash_getsets,
    .doc = "A hash object: update() it with bytes, then read digest() or hexdigest().",
};

static gp_type_t hash_xof_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_hashlib.HASHXOF",
    .basicsize = sizeof(hash_t),
    .dealloc = hash_dealloc,
    .repr = hash_repr,
    .methods = hash_xof_methods,
    .getsets = hash_getsets,
    .doc = "An extendable-output hash object: digest(length) gives any number of bytes.",
};

/* ------------------------------------------------------------------ */
/* Module functions                                                     */
/* ------------------------------------------------------------------ */

/* The digest for a Python name, or NULL with ValueError. */
static const EVP_MD *digest_for(gp_object_t *name_obj, const digest_name_t **entry)
{
    if (!gp_str_check(name_obj)) {
        gp_err_format(&gp_exc_TypeError, "new() argument 'name' must be str, not %T", name_obj);
        return NULL;
    }
    const char *name = gp_str_utf8(name_obj);
    const digest_name_t *d = digest_lookup(name);
    const EVP_MD *md = d && crypto_available() ? crypto.get_digestbyname(d->openssl) : NULL;
    if (!md) {
        gp_err_format(&gp_exc_ValueError, "unsupported hash type %s", name);
        return NULL;
    }
    *entry = d;
    return md;
}

static gp_object_t *hashlib_new(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    static const char *const names[] = {"name", "string", "$usedforsecurity", "$data", NULL};
    gp_object_t *argv[4] = {NULL};
    if (gp_args_parse("new", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    gp_object_t *data = argv[1] ? argv[1] : argv[3];
    if (argv[1] && argv[3]) {
        gp_err_set_string(&gp_exc_TypeError,
                          "'data' and 'string' are mutually exclusive and support for 'string' "
                          "keyword parameter is slated for removal in a future version.");
        return NULL;
    }
    const digest_name_t *entry;
    const EVP_MD *md = digest_for(argv[0], &entry);
    if (!md)
        return NULL;
    hash_t *h = hash_alloc(entry, md);
    if (!h)
        return NULL;
    if (!crypto.digest_init(h->ctx, md, NULL)) {
        GP_DECREF(&h->base);
        gp_err_format(&gp_exc_ValueError, "unsupported hash type %s", entry->python);
        return NULL;
    }
    if (data && data != gp_None && hash_feed(h, data) < 0) {
        GP_DECREF(&h->base);
        return NULL;
    }
    return &h->base;
}

static int int_arg(gp_object_t *o, const char *what, int64_t *out)
{
    if (!gp_int_check(o)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    int overflow = 0;
    *out = gp_int_as_i64_overflow(o, &overflow);
    if (overflow || *out > INT32_MAX) {
        gp_err_format(&gp_exc_OverflowError, "%s is too great.", what);
        return -1;
    }
    return 0;
}

static gp_object_t *hashlib_pbkdf2_hmac(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    static const char *const names[] = {"hash_name", "password", "salt", "iterations", "dklen",
                                        NULL};
    gp_object_t *argv[5] = {NULL};
    if (gp_args_parse("pbkdf2_hmac", args, nargs, kwnames, names, 4, argv) < 0)
        return NULL;
    const digest_name_t *entry;
    const EVP_MD *md = digest_for(argv[0], &entry);
    if (!md)
        return NULL;
    if (!crypto.pbkdf2_hmac) {
        gp_err_set_string(&gp_exc_ValueError, "unsupported hash type");
        return NULL;
    }
    int64_t iterations, dklen;
    if (int_arg(argv[3], "iteration value", &iterations) < 0)
        return NULL;
    if (iterations < 1) {
        gp_err_set_string(&gp_exc_ValueError, "iteration value must be greater than 0.");
        return NULL;
    }
    if (argv[4] && argv[4] != gp_None) {
        if (int_arg(argv[4], "key length", &dklen) < 0)
            return NULL;
        if (dklen < 1) {
            gp_err_set_string(&gp_exc_ValueError, "key length must be greater than 0.");
            return NULL;
        }
    } else {
        dklen = crypto.md_size(md);
    }
    gp_buffer_t pass, salt;
    if (gp_buffer_get(argv[1], &pass, GP_BUFFER_SIMPLE) < 0)
        return NULL;
    if (gp_buffer_get(argv[2], &salt, GP_BUFFER_SIMPLE) < 0) {
        gp_buffer_release(&pass);
        return NULL;
    }
    gp_object_t *result = NULL;
    unsigned char *out = gp_mem_alloc((size_t)dklen);
    if (out && pass.len <= INT32_MAX && salt.len <= INT32_MAX) {
        gp_thread_state_t *ts = gp_gil_release_for_blocking();
        int ok = crypto.pbkdf2_hmac(pass.data, (int)pass.len, (const unsigned char *)salt.data,
                                    (int)salt.len, (int)iterations, md, (int)dklen, out);
        gp_gil_acquire_after_blocking(ts);
        if (ok)
            result = gp_bytes_new(out, (size_t)dklen);
        else
            gp_err_set_string(&gp_exc_ValueError, "pbkdf2_hmac failed");
    } else if (out) {
        gp_err_set_string(&gp_exc_OverflowError, "password or salt is too long");
    }
    gp_mem_free(out);
    gp_buffer_release(&salt);
    gp_buffer_release(&pass);
    return result;
}

/* compare_digest(a, b): equality of two str (ASCII only) or two bytes-like
   objects, taking the same time wherever they differ. */
static gp_object_t *hashlib_compare_digest(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("compare_digest", nargs, kwnames, 2, 2) < 0)
        return NULL;
    gp_object_t *a = args[0], *b = args[1];
    const unsigned char *pa, *pb;
    size_t la, lb;
    gp_buffer_t va = {0}, vb = {0};
    bool views = false;
    if (gp_str_check(a) && gp_str_check(b)) {
        pa = (const unsigned char *)gp_str_utf8(a);
        pb = (const unsigned char *)gp_str_utf8(b);
        la = strlen((const char *)pa);
        lb = strlen((const char *)pb);
        for (size_t i = 0; i < la; i++)
            if (pa[i] >= 0x80)
                goto non_ascii;
        for (size_t i = 0; i < lb; i++)
            if (pb[i] >= 0x80)
                goto non_ascii;
    } else {
        /* As CPython: neither side bytes-like is "unsupported operand", one
           side is the other one's bytes-like TypeError. */
        bool ok_a = gp_buffer_get(a, &va, GP_BUFFER_SIMPLE) == 0;
        if (!ok_a)
            gp_err_clear();
        bool ok_b = gp_buffer_get(b, &vb, GP_BUFFER_SIMPLE) == 0;
        if (!ok_b)
            gp_err_clear();
        if (!ok_a || !ok_b) {
            if (ok_a)
                gp_buffer_release(&va);
            if (ok_b)
                gp_buffer_release(&vb);
            if (!ok_a && !ok_b)
                gp_err_format(&gp_exc_TypeError,
                              "unsupported operand types(s) or combination of types: '%T' and "
                              "'%T'",
                              a, b);
            else
                gp_err_format(&gp_exc_TypeError, "a bytes-like object is required, not '%T'",
                              ok_a ? b : a);
            return NULL;
        }
        views = true;
        pa = (const unsigned char *)va.data;
        pb = (const unsigned char *)vb.data;
        la = va.len;
        lb = vb.len;
    }
    /* Always walks all of b; a's length only decides the answer. */
    unsigned diff = la != lb;
    const unsigned char *left = la == lb ? pa : pb;
    for (size_t i = 0; i < lb; i++)
        diff |= (unsigned)(left[i] ^ pb[i]);
    if (views) {
        gp_buffer_release(&va);
        gp_buffer_release(&vb);
    }
    return gp_bool_from(diff == 0);
non_ascii:
    gp_err_set_string(&gp_exc_TypeError, "comparing strings with non-ASCII characters is not "
                                         "supported");
    return NULL;
}

/* The Python names of the digests this libcrypto has. */
static gp_object_t *hashlib_available_names(gp_object_t *self, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_available_names", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *set = gp_frozenset_new(NULL);
    if (!set || !crypto_available())
        return set;
    for (size_t i = 0; i < NDIGEST_NAMES; i++) {
        if (!crypto.get_digestbyname(digest_names[i].openssl))
            continue;
        gp_object_t *n = gp_str_from_cstr(digest_names[i].python);
        if (!n || gp_set_add(set, n) < 0) {
            GP_XDECREF(n);
            GP_DECREF(set);
            return NULL;
        }
        GP_DECREF(n);
    }
    return set;
}

static const gp_method_def_t hashlib_functions[] = {
    {"new", hashlib_new, GP_METH_KEYWORDS, NULL},
    {"pbkdf2_hmac", hashlib_pbkdf2_hmac, GP_METH_KEYWORDS, NULL},
    {"compare_digest", hashlib_compare_digest, 0, NULL},
    {"_available_names", hashlib_available_names, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_hashlib_module_create(void)
{
    if (gp_type_ready(&hash_type) < 0 || gp_type_ready(&hash_xof_type) < 0)
        return NULL;
    gp_object_t *m = gp_module_new("_hashlib");
    if (m && (gp_module_add_functions(m, hashlib_functions) < 0 ||
              gp_module_add_object(m, "HASH", (gp_object_t *)&hash_type) < 0 ||
              gp_module_add_object(m, "HASHXOF", (gp_object_t *)&hash_xof_type) < 0))
        GP_CLEAR(m);
    return m;
}
