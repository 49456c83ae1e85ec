/*
 * random.c - the random module: CPython's Mersenne Twister, bit for bit.
 *
 * Design notes
 * ------------
 * Scripts seed the generator and print what they draw, so every sequence
 * must equal CPython's. That fixes the whole design:
 *
 *   - The core is MT19937 with init_by_array seeding, exactly as CPython's
 *     _randommodule.c: an int seed is split into 32-bit words of its
 *     absolute value, least significant first; str and bytes seeds become
 *     the int of their bytes followed by their SHA-512 digest (random.py's
 *     version 2); other hashable seeds use their hash (as a size_t); None
 *     reads the OS entropy source.
 *   - random() builds a 53-bit float from two outputs (27 + 26 bits);
 *     getrandbits(k) takes 32-bit words, least significant first, the last
 *     one shifted right to keep its top bits.
 *   - Everything else is a C transcription of Lib/random.py 3.11: choice,
 *     randrange, randint and shuffle draw through _randbelow (rejection
 *     sampling with getrandbits(n.bit_length())), sample switches between
 *     a pool and a set of indices at the same size threshold, choices uses
 *     floor(random() * n) or bisection on cumulative weights, gauss keeps
 *     its second value for the next call.
 *
 * `Random` is a real (subclassable) type whose instances carry the state;
 * the module-level functions are methods bound to one hidden instance, as
 * random.py's `_inst`.
 *
 * SystemRandom is a subtype whose instances are marked `system`: their
 * 32-bit words come from the OS entropy source (getrandom) instead of the
 * twister, so every method above draws from the OS without being written
 * twice. seed() does nothing for them, and they have no state to get or set.
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "obj/int.h"
#include "runtime/runtime.h"

#define MT_N       624
#define MT_M       397
#define MATRIX_A   0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct random_object {
    gp_object_t base;
    int index;
    uint32_t state[MT_N];
    bool has_gauss_next;
    bool system; /* a SystemRandom: words come from the OS, not the state */
    double gauss_next;
} random_object_t;

static gp_type_t random_type, system_random_type;

/* One 32-bit word of OS entropy, for SystemRandom. getrandom only fails
   when interrupted (retried) or on kernels without it, where the twister
   (seeded from the clock and pid at creation) is the best left to use. */
static bool system_uint32(uint32_t *out)
{
    for (;;) {
        ssize_t n = getrandom(out, sizeof *out, 0);
        if (n == (ssize_t)sizeof *out)
            return true;
        if (n < 0 && errno == EINTR)
            continue;
        return false;
    }
}

/* ------------------------------------------------------------------ */
/* The Mersenne Twister                                                 */
/* ------------------------------------------------------------------ */

static uint32_t genrand_uint32(random_object_t *r)
{
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t *mt = r->state;
    uint32_t y;
    if (r->system && system_uint32(&y))
        return y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(random_object_t *r, uint32_t s)
{
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        mt[i] = (1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i);
    r->index = MT_N;
}

static void init_by_array(random_object_t *r, const uint32_t *key, size_t key_length)
{
    uint32_t *mt = r->state;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    size_t k = MT_N > key_length ? MT_N : key_length;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= key_length)
            j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; /* a non-zero initial array */
}

static double random_double(random_object_t *r)
{
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

static void seed_from_os(random_object_t *r)
{
    uint32_t key[MT_N];
    ssize_t got = getrandom(key, sizeof key, GRND_NONBLOCK);
    if (got != (ssize_t)sizeof key) {
        /* No entropy source: time and pid, as CPython's fallback. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec;
        key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)getpid();
        clock_gettime(CLOCK_MONOTONIC, &ts);
        key[3] = (uint32_t)ts.tv_nsec;
        init_by_array(r, key, 4);
        return;
    }
    init_by_array(r, key, MT_N);
}

/* seed(a): ints by absolute value, None from the OS, others by hash. */
static int random_seed_with(random_object_t *r, gp_object_t *arg)
{
    r->has_gauss_next = false;
    if (arg == NULL || arg == gp_None) {
        seed_from_os(r);
        return 0;
    }
    gp_object_t *n;
    if (gp_int_check(arg)) {
        n = gp_int_abs(arg);
    } else {
        intptr_t h = gp_object_hash(arg);
        if (h == -1 && gp_err_occurred())
            return -1;
        n = gp_int_from_u64((uint64_t)(size_t)h);
    }
    if (!n)
        return -1;
    uint64_t bits = gp_int_bit_length(n);
    size_t words = bits == 0 ? 1 : (size_t)((bits - 1) / 32 + 1);
    uint32_t *key = gp_mem_calloc(words, sizeof(uint32_t));
    if (!key) {
        GP_DECREF(n);
        gp_err_no_memory();
        return -1;
    }
    int rc = gp_int_to_bytes(n, (uint8_t *)key, words * 4, true, false);
    GP_DECREF(n);
    if (rc == 0) {
        for (size_t i = 0; i < words; i++) {
            const uint8_t *b = (const uint8_t *)&key[i];
            key[i] =
                (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
        }
        init_by_array(r, key, words);
    }
    gp_mem_free(key);
    return rc;
}

/* ------------------------------------------------------------------ */
/* SHA-512, for seeding from str and bytes                              */
/* ------------------------------------------------------------------ */

/* random.seed("text") (version 2) seeds with int.from_bytes(text +
   sha512(text).digest()), so text seeds need SHA-512 to match CPython. */
static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};
static const uint64_t sha512_h0[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static uint64_t rotr64(uint64_t x, int n)
{
    return (x >> n) | (x << (64 - n));
}

static void sha512_block(uint64_t h[8], const uint8_t *p)
{
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int j = 0; j < 8; j++)
            v = (v << 8) | p[8 * i + j];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = rotr64(w[i - 15], 1) ^ rotr64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = rotr64(w[i - 2], 19) ^ rotr64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t t1 = hh + (rotr64(e, 14) ^ rotr64(e, 18) ^ rotr64(e, 41)) + ((e & f) ^ (~e & g)) +
                      sha512_k[i] + w[i];
        uint64_t t2 =
            (rotr64(a, 28) ^ rotr64(a, 34) ^ rotr64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void sha512(const uint8_t *data, size_t len, uint8_t out[64])
{
    uint64_t h[8];
    memcpy(h, sha512_h0, sizeof h);
    size_t done = 0;
    for (; len - done >= 128; done += 128)
        sha512_block(h, data + done);
    uint8_t tail[256] = {0};
    size_t rest = len - done;
    memcpy(tail, data + done, rest);
    tail[rest] = 0x80;
    size_t total = rest + 1 + 16 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        tail[total - 1 - i] = (uint8_t)(bits >> (8 * i));
    sha512_block(h, tail);
    if (total == 256)
        sha512_block(h, tail + 128);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            out[8 * i + j] = (uint8_t)(h[i] >> (56 - 8 * j));
}

/* seed(a) with random.py's conversions first: text is hashed with SHA-512. */
static int random_seed_object(random_object_t *r, gp_object_t *a)
{
    if (!a || !(gp_str_check(a) || gp_bytes_check(a) || GP_IS_TYPE(a, gp_bytearray_type)))
        return random_seed_with(r, a);
    const char *data = gp_str_check(a) ? gp_str_utf8(a) : gp_bytes_data(a);
    size_t len = gp_str_check(a) ? gp_str_utf8_len(a) : gp_bytes_len(a);
    uint8_t *buf = gp_mem_alloc(len + 64);
    if (!buf) {
        gp_err_no_memory();
        return -1;
    }
    memcpy(buf, data, len);
    sha512((const uint8_t *)data, len, buf + len);
    gp_object_t *n = gp_int_from_bytes(buf, len + 64, false, false);
    gp_mem_free(buf);
    if (!n)
        return -1;
    int rc = random_seed_with(r, n);
    GP_DECREF(n);
    return rc;
}

/* getrandbits(k) as a Python int. */
static gp_object_t *random_bits(random_object_t *r, uint64_t k)
{
    if (k == 0)
        return GP_SMALL_NEW(0);
    if (k <= 32)
        return GP_SMALL_NEW((intptr_t)(genrand_uint32(r) >> (32 - k)));
    size_t words = (size_t)((k - 1) / 32 + 1);
    if (words <= 2) {
        uint64_t lo = genrand_uint32(r);
        uint64_t hi = genrand_uint32(r) >> (64 - k);
        return gp_int_from_u64(lo | hi << 32);
    }
    uint8_t *bytes = gp_mem_alloc(words * 4);
    if (!bytes) {
        gp_err_no_memory();
        return NULL;
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = genrand_uint32(r);
        if (k < 32)
            w >>= (32 - k);
        bytes[4 * i] = (uint8_t)w;
        bytes[4 * i + 1] = (uint8_t)(w >> 8);
        bytes[4 * i + 2] = (uint8_t)(w >> 16);
        bytes[4 * i + 3] = (uint8_t)(w >> 24);
    }
    gp_object_t *o = gp_int_from_bytes(bytes, words * 4, true, false);
    gp_mem_free(bytes);
    return o;
}

/* _randbelow(n) for 0 < n < 2**63, drawing exactly as random.py. */
static uint64_t randbelow_u64(random_object_t *r, uint64_t n)
{
    int k = 64 - __builtin_clzll(n);
    for (;;) {
        uint64_t v;
        if (k <= 32) {
            v = genrand_uint32(r) >> (32 - k);
        } else {
            uint64_t lo = genrand_uint32(r);
            uint64_t hi = genrand_uint32(r) >> (64 - k);
            v = lo | hi << 32;
        }
        if (v < n)
            return v;
    }
}

/* _randbelow(n) for any int n > 0. */
static gp_object_t *randbelow(random_object_t *r, gp_object_t *n)
{
    if (GP_IS_SMALL(n))
        return gp_int_from_u64(randbelow_u64(r, (uint64_t)GP_SMALL_VALUE(n)));
    uint64_t k = gp_int_bit_length(n);
    for (;;) {
        gp_object_t *v = random_bits(r, k);
        if (!v || gp_int_compare(v, n) < 0)
            return v;
        GP_DECREF(v);
    }
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static random_object_t *random_self(gp_object_t *self)
{
    if (!GP_IS_PTR(self) || !gp_type_is_subtype(GP_TYPE(self), &random_type)) {
        gp_err_format(&gp_exc_TypeError,
                      "descriptor requires a 'Random' object but received a '%T'", self);
        return NULL;
    }
    return (random_object_t *)self;
}

#define RANDOM_SELF(r, self)                \
    random_object_t *r = random_self(self); \
    if (!r)                                 \
    return NULL

static gp_object_t *random_random(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    if (gp_args_check("Random.random", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_float_new(random_double(r));
}

static gp_object_t *random_seed(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (((random_object_t *)self)->system) {
        /* SystemRandom.seed() accepts anything and does nothing. */
        return gp_none_new();
    }
    RANDOM_SELF(r, self);
    static const char *const names[] = {"a", "version", NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse("seed", args, nargs, kwnames, names, 0, vals) < 0)
        return NULL;
    gp_object_t *a = vals[0];
    if (random_seed_object(r, a) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *random_getrandbits(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    if (gp_args_check("Random.getrandbits", nargs, kwnames, 1, 1) < 0)
        return NULL;
    intptr_t k = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (k == -1 && gp_err_occurred())
        return NULL;
    if (k < 0) {
        gp_err_set_string(&gp_exc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    return random_bits(r, (uint64_t)k);
}

static gp_object_t *random_randbytes(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    if (gp_args_check("Random.randbytes", nargs, kwnames, 1, 1) < 0)
        return NULL;
    intptr_t n = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (n == -1 && gp_err_occurred())
        return NULL;
    if (n < 0) {
        gp_err_set_string(&gp_exc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    gp_object_t *bits = random_bits(r, (uint64_t)n * 8);
    if (!bits)
        return NULL;
    uint8_t *buf = gp_mem_alloc((size_t)n + 1);
    gp_object_t *result = NULL;
    if (!buf)
        gp_err_no_memory();
    else if (gp_int_to_bytes(bits, buf, (size_t)n, true, false) == 0)
        result = gp_bytes_new(buf, (size_t)n);
    gp_mem_free(buf);
    GP_DECREF(bits);
    return result;
}

/* An int argument of randrange: __index__, or an integral float. */
static gp_object_t *randrange_arg(gp_object_t *o, const char *what)
{
    if (gp_int_check(o))
        return gp_number_index(o);
    if (GP_IS_PTR(o) && gp_float_check(o)) {
        double d = gp_float_value(o);
        if (!isfinite(d) || d != floor(d)) {
            if (isinf(d))
                return gp_int_from_double(d);
            gp_err_format(&gp_exc_ValueError, "non-integer %s for randrange()", what);
            return NULL;
        }
        return gp_int_from_double(d);
    }
    return gp_number_index(o);
}

static gp_object_t *randrange_impl(random_object_t *r, gp_object_t *start, gp_object_t *stop,
                                   gp_object_t *step)
{
    gp_object_t *istart = randrange_arg(start, "arg 1"), *istop = NULL, *istep = NULL;
    gp_object_t *width = NULL, *n = NULL, *result = NULL;
    if (!istart)
        return NULL;
    if (stop == NULL || stop == gp_None) {
        if (step) {
            gp_err_set_string(&gp_exc_TypeError, "Missing a non-None stop argument");
            goto done;
        }
        if (gp_int_sign(istart) > 0)
            result = randbelow(r, istart);
        else
            gp_err_set_string(&gp_exc_ValueError, "empty range for randrange()");
        goto done;
    }
    if (!(istop = randrange_arg(stop, "stop")))
        goto done;
    if (!(width = gp_int_sub(istop, istart)))
        goto done;
    if (step == NULL)
        istep = GP_SMALL_NEW(1);
    else if (!(istep = randrange_arg(step, "step")))
        goto done;
    if (GP_IS_SMALL(istep) && GP_SMALL_VALUE(istep) == 1) {
        if (gp_int_sign(width) > 0) {
            gp_object_t *off = randbelow(r, width);
            if (off) {
                result = gp_int_add(istart, off);
                GP_DECREF(off);
            }
        } else {
            gp_object_t *a = gp_int_to_string(istart, 10), *b = gp_int_to_string(istop, 10),
                        *c = gp_int_to_string(width, 10);
            if (a && b && c)
                gp_err_format(&gp_exc_ValueError, "empty range for randrange() (%U, %U, %U)", a, b,
                              c);
            GP_XDECREF(a);
            GP_XDECREF(b);
            GP_XDECREF(c);
        }
        goto done;
    }
    int sstep = gp_int_sign(istep);
    if (sstep == 0) {
        gp_err_set_string(&gp_exc_ValueError, "zero step for randrange()");
        goto done;
    }
    /* n = (width + step -/+ 1) // step */
    gp_object_t *t = gp_int_add(width, istep);
    if (!t)
        goto done;
    gp_object_t *t2 = gp_int_add(t, GP_SMALL_NEW(sstep > 0 ? -1 : 1));
    GP_DECREF(t);
    if (!t2)
        goto done;
    int rc = gp_int_divmod(t2, istep, &n, NULL);
    GP_DECREF(t2);
    if (rc < 0)
        goto done;
    if (gp_int_sign(n) <= 0) {
        gp_err_set_string(&gp_exc_ValueError, "empty range for randrange()");
        goto done;
    }
    gp_object_t *k = randbelow(r, n);
    if (!k)
        goto done;
    gp_object_t *scaled = gp_int_mul(istep, k);
    GP_DECREF(k);
    if (scaled) {
        result = gp_int_add(istart, scaled);
        GP_DECREF(scaled);
    }
done:
    GP_XDECREF(istart);
    GP_XDECREF(istop);
    GP_XDECREF(istep);
    GP_XDECREF(width);
    GP_XDECREF(n);
    return result;
}

static gp_object_t *random_randrange(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    static const char *const names[] = {"start", "stop", "step", NULL};
    gp_object_t *vals[3] = {NULL, NULL, NULL};
    if (gp_args_parse("randrange", args, nargs, kwnames, names, 1, vals) < 0)
        return NULL;
    return randrange_impl(r, vals[0], vals[1], vals[2]);
}

static gp_object_t *random_randint(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    static const char *const names[] = {"a", "b", NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse("randint", args, nargs, kwnames, names, 2, vals) < 0)
        return NULL;
    gp_object_t *b1 = gp_number_binop(vals[1], GP_SMALL_NEW(1), GP_BINOP_ADD);
    if (!b1)
        return NULL;
    gp_object_t *res = randrange_impl(r, vals[0], b1, NULL);
    GP_DECREF(b1);
    return res;
}

static gp_object_t *random_choice(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    if (gp_args_check("Random.choice", nargs, kwnames, 1, 1) < 0)
        return NULL;
    intptr_t n = gp_object_len(args[0]);
    if (n < 0)
        return NULL;
    if (n == 0) {
        gp_err_set_string(&gp_exc_IndexError, "Cannot choose from an empty sequence");
        return NULL;
    }
    uint64_t i = randbelow_u64(r, (uint64_t)n);
    if (gp_list_check_exact(args[0]))
        return GP_INCREF(GP_LIST_GET(args[0], (intptr_t)i));
    if (gp_tuple_check_exact(args[0]))
        return GP_INCREF(GP_TUPLE_GET(args[0], (intptr_t)i));
    return gp_object_getitem(args[0], GP_SMALL_NEW((intptr_t)i));
}

static gp_object_t *random_shuffle(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    if (gp_args_check("Random.shuffle", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *x = args[0];
    intptr_t n = gp_object_len(x);
    if (n < 0)
        return NULL;
    for (intptr_t i = n - 1; i >= 1; i--) {
        intptr_t j = (intptr_t)randbelow_u64(r, (uint64_t)(i + 1));
        if (gp_list_check_exact(x) && GP_LIST_SIZE(x) == n) {
            gp_object_t *t = GP_LIST_GET(x, i);
            GP_LIST_ITEMS(x)[i] = GP_LIST_GET(x, j);
            GP_LIST_ITEMS(x)[j] = t;
            continue;
        }
        gp_object_t *a = gp_object_getitem(x, GP_SMALL_NEW(i));
        gp_object_t *b = a ? gp_object_getitem(x, GP_SMALL_NEW(j)) : NULL;
        int rc = b ? gp_object_setitem(x, GP_SMALL_NEW(i), b) : -1;
        if (rc == 0)
            rc = gp_object_setitem(x, GP_SMALL_NEW(j), a);
        GP_XDECREF(a);
        GP_XDECREF(b);
        if (rc < 0)
            return NULL;
    }
    return gp_none_new();
}

/* A small open-addressing set of indices for sample()'s large-population path. */
typedef struct index_set {
    uint64_t *slots; /* value + 1; 0 is empty */
    size_t mask;
} index_set_t;

static bool index_set_add(index_set_t *s, uint64_t v)
{
    size_t i = (size_t)(v * 0x9E3779B97F4A7C15ULL) & s->mask;
    while (s->slots[i]) {
        if (s->slots[i] == v + 1)
            return false;
        i = (i + 1) & s->mask;
    }
    s->slots[i] = v + 1;
    return true;
}

static gp_object_t *random_sample(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    static const char *const names[] = {"population", "k", "$counts", NULL};
    gp_object_t *vals[3] = {NULL, NULL, NULL};
    if (gp_args_parse("sample", args, nargs, kwnames, names, 2, vals) < 0)
        return NULL;
    gp_object_t *pop = vals[0];
    if (vals[2] && vals[2] != gp_None) {
        gp_err_set_string(&gp_exc_NotImplementedError, "sample() counts are not supported");
        return NULL;
    }
    if (gp_dict_check(pop) || GP_IS_TYPE(pop, gp_set_type) || GP_IS_TYPE(pop, gp_frozenset_type)) {
        gp_err_set_string(&gp_exc_TypeError,
                          "Population must be a sequence.  For dicts or sets, use sorted(d).");
        return NULL;
    }
    intptr_t n = gp_object_len(pop);
    if (n < 0)
        return NULL;
    intptr_t k = gp_number_as_ssize(vals[1], &gp_exc_OverflowError);
    if (k == -1 && gp_err_occurred())
        return NULL;
    if (k < 0 || k > n) {
        gp_err_set_string(&gp_exc_ValueError, "Sample larger than population or is negative");
        return NULL;
    }
    gp_object_t *result = gp_list_new((size_t)k);
    if (!result)
        return NULL;
    double setsize = 21;
    if (k > 5)
        setsize += pow(4.0, ceil(log((double)(k * 3)) / log(4.0)));
    if ((double)n <= setsize) {
        gp_object_t *pool = gp_list_from_iterable(pop);
        if (!pool) {
            GP_DECREF(result);
            return NULL;
        }
        for (intptr_t i = 0; i < k; i++) {
            intptr_t j = (intptr_t)randbelow_u64(r, (uint64_t)(n - i));
            GP_LIST_SET(result, i, GP_INCREF(GP_LIST_GET(pool, j)));
            /* Move the last unselected item into the vacancy. */
            GP_SETREF(GP_LIST_ITEMS(pool)[j], GP_INCREF(GP_LIST_GET(pool, n - i - 1)));
        }
        GP_DECREF(pool);
        return result;
    }
    size_t cap = 16;
    while (cap < (size_t)k * 2)
        cap <<= 1;
    index_set_t set = {gp_mem_calloc(cap, sizeof(uint64_t)), cap - 1};
    if (!set.slots) {
        GP_DECREF(result);
        gp_err_no_memory();
        return NULL;
    }
    for (intptr_t i = 0; i < k; i++) {
        uint64_t j;
        do {
            j = randbelow_u64(r, (uint64_t)n);
        } while (!index_set_add(&set, j));
        gp_object_t *item = gp_object_getitem(pop, GP_SMALL_NEW((intptr_t)j));
        if (!item) {
            /* Fill the remaining slots so the list can be freed safely. */
            for (intptr_t m = i; m < k; m++)
                GP_LIST_SET(result, m, gp_none_new());
            gp_mem_free(set.slots);
            GP_DECREF(result);
            return NULL;
        }
        GP_LIST_SET(result, i, item);
    }
    gp_mem_free(set.slots);
    return result;
}

/* The float value of a number argument. */
static int float_arg(gp_object_t *o, double *out)
{
    double d = gp_float_as_double(o);
    if (d == -1.0 && gp_err_occurred())
        return -1;
    *out = d;
    return 0;
}

static gp_object_t *random_uniform(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    static const char *const names[] = {"a", "b", NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse("uniform", args, nargs, kwnames, names, 2, vals) < 0)
        return NULL;
    /* a + (b - a) * random(), with Python's arithmetic on the arguments. */
    gp_object_t *diff = gp_number_binop(vals[1], vals[0], GP_BINOP_SUB);
    if (!diff)
        return NULL;
    gp_object_t *u = gp_float_new(random_double(r));
    gp_object_t *scaled = u ? gp_number_binop(diff, u, GP_BINOP_MUL) : NULL;
    GP_DECREF(diff);
    GP_XDECREF(u);
    if (!scaled)
        return NULL;
    gp_object_t *res = gp_number_binop(vals[0], scaled, GP_BINOP_ADD);
    GP_DECREF(scaled);
    return res;
}

static int mu_sigma(const char *name, gp_object_t *const *args, size_t nargs, gp_object_t *kwnames,
                    double *mu, double *sigma)
{
    static const char *const names[] = {"mu", "sigma", NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse(name, args, nargs, kwnames, names, 0, vals) < 0)
        return -1;
    *mu = 0.0;
    *sigma = 1.0;
    if ((vals[0] && float_arg(vals[0], mu) < 0) || (vals[1] && float_arg(vals[1], sigma) < 0))
        return -1;
    return 0;
}

static gp_object_t *random_gauss(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    double mu, sigma;
    if (mu_sigma("gauss", args, nargs, kwnames, &mu, &sigma) < 0)
        return NULL;
    double z;
    if (r->has_gauss_next) {
        z = r->gauss_next;
        r->has_gauss_next = false;
    } else {
        double x2pi = random_double(r) * (2.0 * M_PI);
        double g2rad = sqrt(-2.0 * log(1.0 - random_double(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = sin(x2pi) * g2rad;
        r->has_gauss_next = true;
    }
    return gp_float_new(mu + z * sigma);
}

static double normalvariate(random_object_t *r, double mu, double sigma)
{
    const double magic = 4 * exp(-0.5) / sqrt(2.0);
    double z;
    for (;;) {
        double u1 = random_double(r);
        double u2 = 1.0 - random_double(r);
        z = magic * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -log(u2))
            break;
    }
    return mu + z * sigma;
}

static gp_object_t *random_normalvariate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    double mu, sigma;
    if (mu_sigma("normalvariate", args, nargs, kwnames, &mu, &sigma) < 0)
        return NULL;
    return gp_float_new(normalvariate(r, mu, sigma));
}

static gp_object_t *random_lognormvariate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                          gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    double mu, sigma;
    if (mu_sigma("lognormvariate", args, nargs, kwnames, &mu, &sigma) < 0)
        return NULL;
    return gp_float_new(exp(normalvariate(r, mu, sigma)));
}

static gp_object_t *random_expovariate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    double lambd;
    if (gp_args_check("Random.expovariate", nargs, kwnames, 1, 1) < 0 ||
        float_arg(args[0], &lambd) < 0)
        return NULL;
    double u = 1.0 - random_double(r);
    if (lambd == 0.0) {
        gp_err_set_string(&gp_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return gp_float_new(-log(u) / lambd);
}

/* Reads two float arguments named [first] and [second] of method [name]. */
static int two_floats(const char *name, const char *first, const char *second,
                      gp_object_t *const *args, size_t nargs, gp_object_t *kwnames, double *a,
                      double *b)
{
    const char *const names[] = {first, second, NULL};
    gp_object_t *vals[2] = {NULL, NULL};
    if (gp_args_parse(name, args, nargs, kwnames, names, 2, vals) < 0)
        return -1;
    if (float_arg(vals[0], a) < 0 || float_arg(vals[1], b) < 0)
        return -1;
    return 0;
}

/* Gamma distribution by random.py's three regimes: Cheng's rejection
   method for alpha > 1, the exponential for alpha == 1, and the
   Ahrens-Dieter method GS for alpha < 1. The draws, and so the results,
   match CPython's for the same seed. */
static int gamma_draw(random_object_t *r, double alpha, double beta, double *out)
{
    if (alpha <= 0.0 || beta <= 0.0) {
        gp_err_set_string(&gp_exc_ValueError, "gammavariate: alpha and beta must be > 0.0");
        return -1;
    }
    if (alpha > 1.0) {
        const double log4 = log(4.0), sg_magic = 1.0 + log(4.5);
        double ainv = sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - log4, ccc = alpha + ainv;
        for (;;) {
            double u1 = random_double(r);
            if (!(1e-7 < u1 && u1 < 0.9999999))
                continue;
            double u2 = 1.0 - random_double(r);
            double v = log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * exp(v);
            double z = u1 * u1 * u2;
            double rr = bbb + ccc * v - x;
            if (rr + sg_magic - 4.5 * z >= 0.0 || rr >= log(z)) {
                *out = x * beta;
                return 0;
            }
        }
    }
    if (alpha == 1.0) {
        *out = -log(1.0 - random_double(r)) * beta;
        return 0;
    }
    double x;
    for (;;) {
        double u = random_double(r);
        double b = (M_E + alpha) / M_E;
        double p = b * u;
        x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha);
        double u1 = random_double(r);
        if (p > 1.0 ? u1 <= pow(x, alpha - 1.0) : u1 <= exp(-x))
            break;
    }
    *out = x * beta;
    return 0;
}

static gp_object_t *random_gammavariate(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    double alpha, beta, x;
    if (two_floats("gammavariate", "alpha", "beta", args, nargs, kwnames, &alpha, &beta) < 0 ||
        gamma_draw(r, alpha, beta, &x) < 0)
        return NULL;
    return gp_float_new(x);
}

static gp_object_t *random_betavariate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    double alpha, beta, y, z;
    if (two_floats("betavariate", "alpha", "beta", args, nargs, kwnames, &alpha, &beta) < 0 ||
        gamma_draw(r, alpha, 1.0, &y) < 0)
        return NULL;
    if (y == 0.0)
        return gp_float_new(0.0);
    if (gamma_draw(r, beta, 1.0, &z) < 0)
        return NULL;
    return gp_float_new(y / (y + z));
}

static gp_object_t *random_paretovariate(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    static const char *const names[] = {"alpha", NULL};
    gp_object_t *val = NULL;
    double alpha;
    if (gp_args_parse("paretovariate", args, nargs, kwnames, names, 1, &val) < 0 ||
        float_arg(val, &alpha) < 0)
        return NULL;
    double u = 1.0 - random_double(r);
    if (alpha == 0.0) {
        gp_err_set_string(&gp_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return gp_float_new(pow(u, -1.0 / alpha));
}

static gp_object_t *random_weibullvariate(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    double alpha, beta;
    if (two_floats("weibullvariate", "alpha", "beta", args, nargs, kwnames, &alpha, &beta) < 0)
        return NULL;
    double u = 1.0 - random_double(r);
    if (beta == 0.0) {
        gp_err_set_string(&gp_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return gp_float_new(alpha * pow(-log(u), 1.0 / beta));
}

/* Python's float `a % b` for b > 0: the result takes the divisor's sign. */
static double mod_positive(double a, double b)
{
    double m = fmod(a, b);
    if (m < 0.0)
        m += b;
    return m;
}

/* The von Mises (circular normal) distribution, by the Best-Fisher
   rejection method as random.py draws it. */
static gp_object_t *random_vonmisesvariate(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    double mu, kappa;
    if (two_floats("vonmisesvariate", "mu", "kappa", args, nargs, kwnames, &mu, &kappa) < 0)
        return NULL;
    const double two_pi = 2.0 * M_PI;
    if (kappa <= 1e-6)
        return gp_float_new(two_pi * random_double(r));
    double s = 0.5 / kappa;
    double rr = s + sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = random_double(r);
        z = cos(M_PI * u1);
        double d = z / (rr + z);
        double u2 = random_double(r);
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d))
            break;
    }
    double q = 1.0 / rr;
    double f = (q + z) / (1.0 + q * z);
    double u3 = random_double(r);
    double theta = u3 > 0.5 ? mod_positive(mu + acos(f), two_pi) : mod_positive(mu - acos(f), two_pi);
    return gp_float_new(theta);
}

static gp_object_t *random_triangular(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    static const char *const names[] = {"low", "high", "mode", NULL};
    gp_object_t *vals[3] = {NULL, NULL, NULL};
    if (gp_args_parse("triangular", args, nargs, kwnames, names, 0, vals) < 0)
        return NULL;
    double low = 0.0, high = 1.0, mode = 0.0;
    if ((vals[0] && float_arg(vals[0], &low) < 0) || (vals[1] && float_arg(vals[1], &high) < 0))
        return NULL;
    bool has_mode = vals[2] && vals[2] != gp_None;
    if (has_mode && float_arg(vals[2], &mode) < 0)
        return NULL;
    double u = random_double(r);
    if (high == low)
        return gp_float_new(low);
    double c = has_mode ? (mode - low) / (high - low) : 0.5;
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        double t = low;
        low = high;
        high = t;
    }
    return gp_float_new(low + (high - low) * sqrt(u * c));
}

static gp_object_t *random_choices(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    RANDOM_SELF(r, self);
    static const char *const names[] = {"population", "weights", "$cum_weights", "$k", NULL};
    gp_object_t *vals[4] = {NULL, NULL, NULL, NULL};
    if (gp_args_parse("choices", args, nargs, kwnames, names, 1, vals) < 0)
        return NULL;
    gp_object_t *pop = vals[0];
    gp_object_t *weights = vals[1] == gp_None ? NULL : vals[1];
    gp_object_t *cum = vals[2] == gp_None ? NULL : vals[2];
    intptr_t k = 1;
    if (vals[3]) {
        k = gp_number_as_ssize(vals[3], &gp_exc_OverflowError);
        if (k == -1 && gp_err_occurred())
            return NULL;
        if (k < 0)
            k = 0;
    }
    intptr_t n = gp_object_len(pop);
    if (n < 0)
        return NULL;
    gp_object_t *result = NULL, *cumlist = NULL;
    double *cw = NULL;
    if (!cum && !weights) {
        result = gp_list_new((size_t)k);
        if (!result)
            return NULL;
        for (intptr_t i = 0; i < k; i++)
            GP_LIST_SET(result, i, gp_none_new());
        double dn = (double)n;
        for (intptr_t i = 0; i < k; i++) {
            gp_object_t *item =
                gp_object_getitem(pop, GP_SMALL_NEW((intptr_t)floor(random_double(r) * dn)));
            if (!item)
                goto fail;
            GP_SETREF(GP_LIST_ITEMS(result)[i], item);
        }
        return result;
    }
    if (cum && weights) {
        gp_err_set_string(&gp_exc_TypeError, "Cannot specify both weights and cumulative weights");
        return NULL;
    }
    if (weights) {
        if (gp_int_check(weights)) {
            gp_err_format(&gp_exc_TypeError,
                          "The number of choices must be a keyword argument: k=%R", weights);
            return NULL;
        }
        /* cum_weights = list(accumulate(weights)) */
        gp_object_t *w = gp_list_from_iterable(weights);
        if (!w)
            return NULL;
        cumlist = gp_list_new(0);
        gp_object_t *acc = NULL;
        for (intptr_t i = 0; cumlist && i < GP_LIST_SIZE(w); i++) {
            gp_object_t *v = acc ? gp_number_binop(acc, GP_LIST_GET(w, i), GP_BINOP_ADD)
                                 : GP_INCREF(GP_LIST_GET(w, i));
            GP_XDECREF(acc);
            acc = v;
            if (!v || gp_list_append(cumlist, v) < 0) {
                GP_CLEAR(cumlist);
                break;
            }
        }
        GP_XDECREF(acc);
        GP_DECREF(w);
        if (!cumlist)
            return NULL;
    } else {
        cumlist = gp_list_from_iterable(cum);
        if (!cumlist)
            return NULL;
    }
    intptr_t m = GP_LIST_SIZE(cumlist);
    if (m != n) {
        gp_err_set_string(&gp_exc_ValueError,
                          "The number of weights does not match the population");
        goto fail;
    }
    cw = gp_mem_alloc(((size_t)m + 1) * sizeof(double));
    if (!cw) {
        gp_err_no_memory();
        goto fail;
    }
    for (intptr_t i = 0; i < m; i++) {
        if (float_arg(GP_LIST_GET(cumlist, i), &cw[i]) < 0)
            goto fail;
    }
    double total = m > 0 ? cw[m - 1] : 0.0;
    if (m == 0) {
        gp_err_set_string(&gp_exc_IndexError, "list index out of range");
        goto fail;
    }
    if (total <= 0.0) {
        gp_err_set_string(&gp_exc_ValueError, "Total of weights must be greater than zero");
        goto fail;
    }
    if (!isfinite(total)) {
        gp_err_set_string(&gp_exc_ValueError, "Total of weights must be finite");
        goto fail;
    }
    result = gp_list_new((size_t)k);
    if (!result)
        goto fail;
    for (intptr_t i = 0; i < k; i++)
        GP_LIST_SET(result, i, gp_none_new());
    intptr_t hi_bound = n - 1;
    for (intptr_t i = 0; i < k; i++) {
        double x = random_double(r) * total;
        /* bisect_right(cum_weights, x, 0, n - 1) */
        intptr_t lo = 0, hi = hi_bound;
        while (lo < hi) {
            intptr_t mid = (lo + hi) / 2;
            if (x < cw[mid])
                hi = mid;
            else
                lo = mid + 1;
        }
        gp_object_t *item = gp_object_getitem(pop, GP_SMALL_NEW(lo));
        if (!item)
            goto fail;
        GP_SETREF(GP_LIST_ITEMS(result)[i], item);
    }
    gp_mem_free(cw);
    GP_DECREF(cumlist);
    return result;
fail:
    gp_mem_free(cw);
    GP_XDECREF(cumlist);
    GP_XDECREF(result);
    return NULL;
}

static gp_object_t *random_getstate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (((random_object_t *)self)->system) {
        gp_err_set_string(&gp_exc_NotImplementedError, "System entropy source does not have state.");
        return NULL;
    }
    RANDOM_SELF(r, self);
    if (gp_args_check("Random.getstate", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *inner = gp_tuple_new(MT_N + 1);
    if (!inner)
        return NULL;
    for (int i = 0; i < MT_N; i++)
        GP_TUPLE_SET(inner, i, GP_SMALL_NEW((intptr_t)r->state[i]));
    GP_TUPLE_SET(inner, MT_N, GP_SMALL_NEW(r->index));
    gp_object_t *g = r->has_gauss_next ? gp_float_new(r->gauss_next) : gp_none_new();
    gp_object_t *t = g ? gp_tuple_pack(3, GP_SMALL_NEW(3), inner, g) : NULL;
    GP_XDECREF(g);
    GP_DECREF(inner);
    return t;
}

static gp_object_t *random_setstate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (((random_object_t *)self)->system) {
        gp_err_set_string(&gp_exc_NotImplementedError, "System entropy source does not have state.");
        return NULL;
    }
    RANDOM_SELF(r, self);
    if (gp_args_check("Random.setstate", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *st = args[0];
    if (!gp_tuple_check(st) || GP_TUPLE_SIZE(st) != 3 || !gp_tuple_check(GP_TUPLE_GET(st, 1)) ||
        GP_TUPLE_SIZE(GP_TUPLE_GET(st, 1)) != MT_N + 1) {
        gp_err_set_string(&gp_exc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    gp_object_t *inner = GP_TUPLE_GET(st, 1);
    uint32_t mt[MT_N];
    for (int i = 0; i <= MT_N; i++) {
        gp_object_t *v = GP_TUPLE_GET(inner, i);
        int overflow;
        int64_t x = gp_int_check(v) ? gp_int_as_i64_overflow(v, &overflow) : -1;
        if (x < 0 || x > 0xffffffffLL || (i == MT_N && x > MT_N)) {
            gp_err_set_string(&gp_exc_ValueError, i == MT_N ? "invalid state" : "invalid state");
            return NULL;
        }
        if (i < MT_N)
            mt[i] = (uint32_t)x;
        else
            r->index = (int)x;
    }
    memcpy(r->state, mt, sizeof mt);
    gp_object_t *g = GP_TUPLE_GET(st, 2);
    r->has_gauss_next = g != gp_None;
    if (r->has_gauss_next && float_arg(g, &r->gauss_next) < 0)
        return NULL;
    return gp_none_new();
}

static const gp_method_def_t random_methods[] = {
    {"random", random_random, 0, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed, GP_METH_KEYWORDS, "Initialize internal state from a seed."},
    {"getrandbits", random_getrandbits, 0,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"randbytes", random_randbytes, 0, "Generate n random bytes."},
    {"randrange", random_randrange, GP_METH_KEYWORDS,
     "Choose a random item from range(stop) or range(start, stop[, step])."},
    {"randint", random_randint, GP_METH_KEYWORDS,
     "Return random integer in range [a, b], including both end points."},
    {"choice", random_choice, 0, "Choose a random element from a non-empty sequence."},
    {"shuffle", random_shuffle, 0, "Shuffle list x in place, and return None."},
    {"sample", random_sample, GP_METH_KEYWORDS,
     "Chooses k unique random elements from a population sequence."},
    {"choices", random_choices, GP_METH_KEYWORDS,
     "Return a k sized list of population elements chosen with replacement."},
    {"uniform", random_uniform, GP_METH_KEYWORDS,
     "Get a random number in the range [a, b) or [a, b] depending on rounding."},
    {"gauss", random_gauss, GP_METH_KEYWORDS, "Gaussian distribution."},
    {"normalvariate", random_normalvariate, GP_METH_KEYWORDS, "Normal distribution."},
    {"lognormvariate", random_lognormvariate, GP_METH_KEYWORDS, "Log normal distribution."},
    {"expovariate", random_expovariate, 0, "Exponential distribution."},
    {"gammavariate", random_gammavariate, GP_METH_KEYWORDS, "Gamma distribution."},
    {"betavariate", random_betavariate, GP_METH_KEYWORDS, "Beta distribution."},
    {"paretovariate", random_paretovariate, GP_METH_KEYWORDS, "Pareto distribution."},
    {"weibullvariate", random_weibullvariate, GP_METH_KEYWORDS, "Weibull distribution."},
    {"vonmisesvariate", random_vonmisesvariate, GP_METH_KEYWORDS,
     "Circular data distribution."},
    {"triangular", random_triangular, GP_METH_KEYWORDS, "Triangular distribution."},
    {"getstate", random_getstate, 0, "Return internal state; can be passed to setstate() later."},
    {"setstate", random_setstate, 0, "Restore internal state from object returned by getstate()."},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ */
/* The Random type and the module                                       */
/* ------------------------------------------------------------------ */

static gp_object_t *random_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (type == &random_type && kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "Random() takes no keyword arguments");
        return NULL;
    }
    if (type == &random_type && nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "Random() takes at most 1 argument (%zu given)", nargs);
        return NULL;
    }
    random_object_t *r = (random_object_t *)gp_object_alloc(type, 0);
    if (!r)
        return NULL;
    r->system = gp_type_is_subtype(type, &system_random_type);
    if (random_seed_object(r, r->system || nargs == 0 ? NULL : args[0]) < 0) {
        GP_DECREF((gp_object_t *)r);
        return NULL;
    }
    return (gp_object_t *)r;
}

static int random_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                       gp_object_t *kwnames)
{
    /* random_new already seeded; a subclass __init__ calling
       super().__init__(x) reseeds with its own argument. */
    if (nargs > 0 && GP_TYPE(self) != &random_type && !((random_object_t *)self)->system)
        return random_seed_object((random_object_t *)self, args[0]);
    return 0;
}

static void random_dealloc(gp_object_t *self)
{
    gp_object_free(self);
}

static gp_type_t random_type = {
    GP_TYPE_HEAD_INIT,
    .name = "Random",
    .basicsize = sizeof(random_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = random_dealloc,
    .new_ = random_new,
    .init = random_init,
    .methods = random_methods,
    .doc = "Random() -> create a random number generator with its own internal state.",
};

/* Random with OS entropy; everything but the flag set in random_new is
   inherited. */
static gp_type_t system_random_type = {
    GP_TYPE_HEAD_INIT,
    .name = "SystemRandom",
    .basicsize = sizeof(random_object_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = random_dealloc,
    .new_ = random_new,
    .init = random_init,
    .doc = "Alternate random number generator using sources provided by the operating "
           "system (such as /dev/urandom on Unix or CryptGenRandom on Windows).",
};

gp_object_t *gp_random_module_create(void)
{
    if (gp_type_ready(&random_type) < 0)
        return NULL;
    if (!random_type.module)
        random_type.module = gp_str_from_cstr("random");
    system_random_type.base_type = &random_type;
    if (gp_type_ready(&system_random_type) < 0)
        return NULL;
    if (!system_random_type.module)
        system_random_type.module = gp_str_from_cstr("random");
    gp_object_t *m = gp_module_new("random");
    if (!m)
        return NULL;
    gp_object_t *inst = random_new(&random_type, NULL, 0, NULL);
    if (!inst || gp_module_add_object(m, "Random", (gp_object_t *)&random_type) < 0 ||
        gp_module_add_object(m, "SystemRandom", (gp_object_t *)&system_random_type) < 0)
        goto fail;
    /* Module-level functions are methods bound to the hidden instance. */
    for (const gp_method_def_t *def = random_methods; def->name; def++) {
        gp_object_t *fn = gp_cfunction_new(def, inst);
        if (!fn)
            goto fail;
        int rc = gp_module_add_object(m, def->name, fn);
        GP_DECREF(fn);
        if (rc < 0)
            goto fail;
    }
    GP_DECREF(inst);
    return m;
fail:
    GP_XDECREF(inst);
    GP_DECREF(m);
    return NULL;
}
