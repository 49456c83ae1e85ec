/*
 * pool.c - a small-block allocator under the allocation hook.
 *
 * Design notes
 * ------------
 * Nearly every allocation gilpy makes is small and short-lived: objects,
 * frames' value stacks, dict tables of a few entries, list items. glibc's
 * malloc serves those through its per-thread cache of seven blocks per size
 * and, past that, through bins it has to sort and coalesce; an asyncio HTTP
 * client doing 360 allocations per request spent a fifth of its time in
 * _int_malloc, _int_free and malloc_consolidate. This file keeps blocks of
 * up to GP_POOL_MAX_BLOCK bytes in 16-byte size classes instead:
 *
 *   - All pool memory comes from one virtual region reserved at first use
 *     (PROT_NONE, so it costs no commit charge) and made writable in steps
 *     as it fills. Whether a pointer is a pool block is then one subtraction
 *     and compare, which lets gp_mem_free() take any pointer and send the
 *     rest to libc's free(). The region is cut into 64 KiB slabs, each
 *     holding blocks of one class, recorded in a byte per slab.
 *   - Each thread has a cache: per class, a singly linked list of free
 *     blocks threaded through the blocks themselves. Allocation pops, free
 *     pushes, with no lock and no atomic instruction; a block freed by a
 *     thread other than the one that allocated it simply joins the freeing
 *     thread's cache, since blocks belong to no thread.
 *   - Behind the caches is a depot, one mutex for all classes: a cache that
 *     runs dry takes a batch (about 4 KiB of blocks) from the depot's list of
 *     returned blocks or, failing that, carves one from its class's current
 *     slab; a cache that grows past four batches gives two back. The lock is
 *     taken once per batch, not per block, and threads share slabs, so a
 *     thousand threads that each allocate a little do not each touch a slab
 *     per class.
 *   - A thread that exits returns its whole cache through a pthread key
 *     destructor; after that, for the rest of that thread's teardown, its
 *     allocations go to malloc and its frees straight to the depot.
 *
 * Memory is never returned to the system: blocks go back to the depot and
 * are reused, as CPython's object allocator reuses its pools. The region is
 * advised MADV_HUGEPAGE from its first byte, for the reason mem.c gives for
 * the brk heap: a page fault costs ~10 us on a virtual machine, and a slab
 * per size class touches many pages early (importing asyncio faulted 350
 * more 4 KiB pages than malloc alone, one 2 MiB page instead). mem.c keeps
 * short scripts off the pool altogether. If the region cannot be reserved
 * (an address-space limit), gp_pool_alloc() returns NULL and the caller
 * falls back to malloc, so the pool is an optimisation, never a
 * requirement. Sanitizer builds leave it out (see mem.c) so that ASan sees
 * every block.
 */
#include "runtime/pool.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#define POOL_GRAIN 16
#define POOL_CLASSES (GP_POOL_MAX_BLOCK / POOL_GRAIN)
#define POOL_SLAB_SHIFT 16
#define POOL_SLAB ((size_t)1 << POOL_SLAB_SHIFT)
/* The region is made writable in steps of this size, each advised for
   transparent huge pages, and aligned to it so that it can be one. */
#define POOL_STEP ((size_t)2 << 20)
/* The reservation tried first (address space only), then smaller ones. */
#define POOL_RESERVE_MAX ((size_t)64 << 30)
#define POOL_RESERVE_MIN ((size_t)256 << 20)
#define POOL_MAX_SLABS (POOL_RESERVE_MAX >> POOL_SLAB_SHIFT)
#define POOL_BATCH_BYTES 4096

typedef struct pool_block {
    struct pool_block *next;
} pool_block_t;

/* Read without the lock on every free, by any thread: written once, base
   first, then the size with release order, so that a thread that sees a
   size also sees the base (until then the size is 0 and nothing is the
   pool's). */
static uintptr_t pool_base;
static _Atomic size_t pool_size;

/* The class of each slab, 0 for none yet; written under the lock before
   any block of the slab is handed out. */
static uint8_t pool_slab_class[POOL_MAX_SLABS];

typedef struct {
    pool_block_t *returned; /* blocks given back by caches */
    size_t nreturned;
    uintptr_t carve;     /* next uncarved byte of the class's current slab */
    uintptr_t carve_end; /* end of that slab */
} pool_depot_class_t;

static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pool_depot_class_t pool_depot[POOL_CLASSES + 1];
static uintptr_t pool_next_slab;   /* first never-used slab */
static uintptr_t pool_writable_end; /* end of the writable part */
static bool pool_initialised;
static bool pool_unavailable;
static pthread_key_t pool_key;

typedef struct {
    pool_block_t *head[POOL_CLASSES + 1];
    uint32_t count[POOL_CLASSES + 1];
    bool registered; /* the key's destructor will flush this cache */
    bool dead;       /* flushed at thread exit: bypass the cache */
} pool_cache_t;

static _Thread_local pool_cache_t pool_cache;

static inline unsigned pool_class_of_size(size_t size)
{
    return size == 0 ? 1 : (unsigned)((size + POOL_GRAIN - 1) / POOL_GRAIN);
}

static inline size_t pool_class_bytes(unsigned cls)
{
    return (size_t)cls * POOL_GRAIN;
}

/* Blocks per batch of each class: about POOL_BATCH_BYTES, at least 8. A
   table rather than a division, since every free compares against it. */
#define POOL_BATCH_OF(cls)                                                      \
    (POOL_BATCH_BYTES / ((cls) * POOL_GRAIN) < 8 ? 8 : POOL_BATCH_BYTES / ((cls) * POOL_GRAIN))
#define POOL_B4(c) POOL_BATCH_OF(c), POOL_BATCH_OF(c + 1), POOL_BATCH_OF(c + 2), POOL_BATCH_OF(c + 3)
static const uint16_t pool_batch_table[POOL_CLASSES + 1] = {
    0, POOL_B4(1), POOL_B4(5), POOL_B4(9), POOL_B4(13), POOL_B4(17), POOL_B4(21), POOL_B4(25),
    POOL_B4(29),
};

_Static_assert(POOL_CLASSES == 32, "pool_batch_table lists 32 classes");

static inline uint32_t pool_batch(unsigned cls)
{
    return pool_batch_table[cls];
}

static inline bool pool_owns(const void *p)
{
    size_t size = atomic_load_explicit(&pool_size, memory_order_acquire);
    return (uintptr_t)p - pool_base < size;
}

/* Hand `chain` (n blocks, `tail` its last) to the depot. Called with the
   lock held. */
static void depot_take_back(unsigned cls, pool_block_t *chain, pool_block_t *tail, size_t n)
{
    tail->next = pool_depot[cls].returned;
    pool_depot[cls].returned = chain;
    pool_depot[cls].nreturned += n;
}

static void pool_cache_flush_all(void *unused);

static void pool_atfork_prepare(void)
{
    pthread_mutex_lock(&pool_lock);
}

static void pool_atfork_parent(void)
{
    pthread_mutex_unlock(&pool_lock);
}

/* The child has one thread, the one that forked, which held the lock
   through fork: releasing it is safe, and nothing else can be inside. */
static void pool_atfork_child(void)
{
    pthread_mutex_unlock(&pool_lock);
}

/* Reserve the region. Called with the lock held; on failure the pool is
   marked unavailable and every later request goes to malloc. */
static bool pool_init_locked(void)
{
    if (pool_initialised)
        return !pool_unavailable;
    pool_initialised = true;
    if (pthread_key_create(&pool_key, pool_cache_flush_all) != 0) {
        pool_unavailable = true;
        return false;
    }
    for (size_t size = POOL_RESERVE_MAX; size >= POOL_RESERVE_MIN; size /= 4) {
        void *p = mmap(NULL, size + POOL_STEP, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (p == MAP_FAILED)
            continue;
        uintptr_t base = ((uintptr_t)p + POOL_STEP - 1) & ~(uintptr_t)(POOL_STEP - 1);
        pool_next_slab = base;
        pool_writable_end = base;
        pool_base = base;
        atomic_store_explicit(&pool_size, size, memory_order_release);
        pthread_atfork(pool_atfork_prepare, pool_atfork_parent, pool_atfork_child);
        return true;
    }
    pool_unavailable = true;
    return false;
}

/* A fresh slab for class `cls`, made writable if need be. Lock held. */
static bool pool_new_slab_locked(unsigned cls)
{
    if (pool_next_slab + POOL_SLAB > pool_base + pool_size)
        return false;
    if (pool_next_slab + POOL_SLAB > pool_writable_end) {
        if (mprotect((void *)pool_writable_end, POOL_STEP, PROT_READ | PROT_WRITE) != 0)
            return false;
        madvise((void *)pool_writable_end, POOL_STEP, MADV_HUGEPAGE);
        pool_writable_end += POOL_STEP;
    }
    uintptr_t slab = pool_next_slab;
    pool_next_slab += POOL_SLAB;
    pool_slab_class[(slab - pool_base) >> POOL_SLAB_SHIFT] = (uint8_t)cls;
    pool_depot[cls].carve = slab;
    pool_depot[cls].carve_end = slab + POOL_SLAB;
    return true;
}

/* Fill the calling thread's empty list for `cls` with up to `want`
   blocks; returns how many it got (0 when out of memory). */
static uint32_t pool_refill(pool_cache_t *cache, unsigned cls, uint32_t want)
{
    pthread_mutex_lock(&pool_lock);
    if (!pool_init_locked()) {
        pthread_mutex_unlock(&pool_lock);
        return 0;
    }
    pool_depot_class_t *d = &pool_depot[cls];
    pool_block_t *head = NULL;
    uint32_t got = 0;
    while (got < want && d->returned != NULL) {
        pool_block_t *b = d->returned;
        d->returned = b->next;
        b->next = head;
        head = b;
        got++;
    }
    d->nreturned -= got;
    size_t bytes = pool_class_bytes(cls);
    while (got < want) {
        if (d->carve + bytes > d->carve_end && !pool_new_slab_locked(cls))
            break;
        pool_block_t *b = (pool_block_t *)d->carve;
        d->carve += bytes;
        b->next = head;
        head = b;
        got++;
    }
    pthread_mutex_unlock(&pool_lock);
    cache->head[cls] = head;
    cache->count[cls] = got;
    return got;
}

/* Give `n` blocks from the front of the thread's list for `cls` back. */
static void pool_cache_give_back(pool_cache_t *cache, unsigned cls, uint32_t n)
{
    pool_block_t *chain = cache->head[cls];
    pool_block_t *tail = chain;
    for (uint32_t i = 1; i < n; i++)
        tail = tail->next;
    cache->head[cls] = tail->next;
    cache->count[cls] -= n;
    pthread_mutex_lock(&pool_lock);
    depot_take_back(cls, chain, tail, n);
    pthread_mutex_unlock(&pool_lock);
}

/* The key's destructor, run at thread exit: everything back to the depot,
   and the cache is bypassed for whatever the rest of the exit frees. */
static void pool_cache_flush_all(void *unused)
{
    (void)unused;
    pool_cache_t *cache = &pool_cache;
    cache->dead = true;
    for (unsigned cls = 1; cls <= POOL_CLASSES; cls++) {
        if (cache->count[cls] > 0)
            pool_cache_give_back(cache, cls, cache->count[cls]);
    }
}

void gp_pool_thread_exit(void)
{
    pool_cache_flush_all(NULL);
}

void *gp_pool_alloc(size_t size)
{
    unsigned cls = pool_class_of_size(size);
    pool_cache_t *cache = &pool_cache;
    pool_block_t *b = cache->head[cls];
    if (__builtin_expect(b != NULL, 1)) {
        cache->head[cls] = b->next;
        cache->count[cls]--;
        return b;
    }
    if (cache->dead)
        return NULL;
    if (pool_refill(cache, cls, pool_batch(cls)) == 0)
        return NULL;
    if (!cache->registered) {
        /* The first refill of a thread: from now on its exit returns the
           cache. setspecific allocates only for keys past the first 32. */
        cache->registered = pthread_setspecific(pool_key, cache) == 0;
    }
    b = cache->head[cls];
    cache->head[cls] = b->next;
    cache->count[cls]--;
    return b;
}

bool gp_pool_owns(const void *p)
{
    return pool_owns(p);
}

size_t gp_pool_block_size(const void *p)
{
    return pool_class_bytes(pool_slab_class[((uintptr_t)p - pool_base) >> POOL_SLAB_SHIFT]);
}

void gp_pool_free(void *p)
{
    unsigned cls = pool_slab_class[((uintptr_t)p - pool_base) >> POOL_SLAB_SHIFT];
    pool_cache_t *cache = &pool_cache;
    pool_block_t *b = p;
    if (__builtin_expect(cache->dead, 0)) {
        pthread_mutex_lock(&pool_lock);
        depot_take_back(cls, b, b, 1);
        pthread_mutex_unlock(&pool_lock);
        return;
    }
    b->next = cache->head[cls];
    cache->head[cls] = b;
    uint32_t batch = pool_batch(cls);
    if (__builtin_expect(++cache->count[cls] > 4 * batch, 0))
        pool_cache_give_back(cache, cls, 2 * batch);
}

void gp_pool_stats(gp_pool_stats_t *out)
{
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&pool_lock);
    if (pool_initialised && !pool_unavailable) {
        out->reserved = pool_size;
        out->slabs_used = (pool_next_slab - pool_base) >> POOL_SLAB_SHIFT;
        for (unsigned cls = 1; cls <= POOL_CLASSES; cls++)
            out->depot_blocks += pool_depot[cls].nreturned;
    }
    pthread_mutex_unlock(&pool_lock);
    for (unsigned cls = 1; cls <= POOL_CLASSES; cls++)
        out->cached_blocks += pool_cache.count[cls];
}
