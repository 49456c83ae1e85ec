/*
 * mem.c - the allocation hook: counting and failure injection around malloc
 * and the small-block pool.
 *
 * Design notes
 * ------------
 * The hook is deliberately thin: a few relaxed atomic loads and stores per
 * call when injection is off (no locked instruction), which keeps it out of
 * profiles. Failure injection counts
 * down a budget; when it reaches zero the allocation returns NULL exactly as
 * an exhausted malloc would, so callers exercise their real error paths.
 * Frees of NULL are not counted, matching free(NULL) being a no-op.
 *
 * Behind the hook, blocks of up to GP_POOL_MAX_BLOCK bytes come from the
 * pool (pool.c: per-thread free lists by size class, no lock per call) and
 * the rest from malloc; gp_mem_free tells them apart by address, so every
 * block from this hook must go back through it, never to free().
 */
#include "runtime/mem.h"

#include <malloc.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "obj/object.h"
#include "runtime/pool.h"

static _Atomic uint64_t mem_allocations;
static _Atomic int64_t mem_live;
static _Atomic uint64_t mem_failures;
/* Reallocs of a live block, counted apart so malloc's path pays for none. */
static _Atomic uint64_t mem_reallocs;
/* Allocations left before injected failure; negative means injection is off. */
static _Atomic long mem_fail_countdown = -1;
static _Atomic int mem_fail_sticky;

/* A counter bump without a locked instruction: a load and a store, both
   relaxed atomics (so no data race), of which two threads racing may lose
   one. The counts are diagnostics, exact in the single-threaded tests that
   read them; a `lock xadd` per allocation cost more than the malloc. */
#define COUNT_ADD(counter, n)                                                   \
    atomic_store_explicit(&(counter),                                           \
                          atomic_load_explicit(&(counter), memory_order_relaxed) + (n), \
                          memory_order_relaxed)

void gp_mem_set_fail_after(long n)
{
    atomic_store(&mem_fail_countdown, n);
}

void gp_mem_set_fail_sticky(int sticky)
{
    atomic_store(&mem_fail_sticky, sticky);
}

uint64_t gp_mem_allocated_count(void)
{
    return atomic_load_explicit(&mem_allocations, memory_order_relaxed);
}

int64_t gp_mem_live_blocks(void)
{
    return atomic_load_explicit(&mem_live, memory_order_relaxed);
}

uint64_t gp_mem_request_count(void)
{
    return atomic_load_explicit(&mem_allocations, memory_order_relaxed) +
           atomic_load_explicit(&mem_reallocs, memory_order_relaxed) +
           atomic_load_explicit(&mem_failures, memory_order_relaxed);
}

uint64_t gp_mem_failed_count(void)
{
    return atomic_load_explicit(&mem_failures, memory_order_relaxed);
}

/* Called on every refused allocation; does nothing. It exists so that a
   debugger can stop at the refusal (`break gp_mem_injected_failure`) and
   show which caller mishandles it. */
__attribute__((noinline)) void gp_mem_injected_failure(void)
{
    __asm__ volatile("");
}

/* Decides whether this allocation is the one that must fail. */
static int mem_should_fail(void)
{
    long left = atomic_load_explicit(&mem_fail_countdown, memory_order_relaxed);
    if (left < 0)
        return 0;
    if (left > 1) {
        atomic_fetch_sub(&mem_fail_countdown, 1);
        return 0;
    }
    if (!atomic_load(&mem_fail_sticky))
        atomic_store(&mem_fail_countdown, -1);
    else
        atomic_store(&mem_fail_countdown, 1);
    atomic_fetch_add(&mem_failures, 1);
    gp_mem_injected_failure();
    return 1;
}

/* Huge pages for the main heap. Objects come from malloc's main arena,
   which grows with brk; every first touch of a 4 KiB page is a page fault,
   and on a virtual machine each costs ~10 us: 100,000 asyncio tasks (60 MB)
   spent a fifth of their time faulting. glibc can ask for transparent huge
   pages itself (the glibc.malloc.hugetlb tunable) but only from the
   environment at start-up, so the hook does it: whenever a block lands past
   the part of the heap already advised, the heap has grown, and the new 2 MiB
   blocks get MADV_HUGEPAGE before their first touch. M_TOP_PAD makes the heap
   grow in steps of several blocks, so only the first block of each step
   (already touched by malloc) stays in small pages. Sanitizers bring their
   own allocator, whose blocks never land in the brk heap, so nothing is
   advised there (GCC's say so and skip the set-up too). */
#define HEAP_HUGE_BLOCK ((uintptr_t)2 << 20)
#define HEAP_GROWTH_PAD ((size_t)16 << 20)
#define HEAP_WINDOW ((uintptr_t)1 << 30)

static _Atomic uintptr_t heap_advised_end;

/* Start-up prefaulting. Creating the runtime writes to memory no earlier
   code of the process wrote: the static builtin type objects in the
   binary's .data (gp_type_ready fills in their MRO, dict and flags) and the
   first ~130 KiB of the malloc heap (the builtins and sys modules, interned
   names, type dicts). Touched one page at a time, that is about 50 page
   faults, and the .data ones are the expensive kind: an earlier read
   (fault-around) mapped the page read-only, so the write copies it and
   must flush the TLB, which on a virtual machine costs a trip through the
   hypervisor. MADV_POPULATE_WRITE (Linux 5.14) maps these pages writable
   in one system call each; `gilpy -c pass` then takes ~20% less CPU time
   beyond what /bin/true takes. .bss is left alone: most of it (the type
   lookup cache) is touched sparsely, and populating it all measured worse
   than faulting the few pages used. The ranges are bounded, so a program
   embedding gilpy with a large data segment pays nothing unusual, and an
   older kernel's EINVAL just leaves the pages to be faulted in as before. */
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif
#define PREFAULT_MAX_BYTES ((uintptr_t)1 << 20)

/* The start and end of the executable's initialised writable data
   (.data), from the symbols crt1.o and the linker define. */
extern char __data_start[], _edata[];

static void prefault_range(uintptr_t start, uintptr_t end)
{
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    start &= ~(page - 1);
    if (end <= start || end - start > PREFAULT_MAX_BYTES)
        return;
    (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
}

static void prefault_startup(void)
{
    static atomic_flag done = ATOMIC_FLAG_INIT;
    if (atomic_flag_test_and_set(&done))
        return;
    prefault_range((uintptr_t)__data_start, (uintptr_t)_edata);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__) && defined(__GLIBC__) &&  \
    (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    /* The heap malloc already has: the part of the brk area below the
       current break (main() allocated before the runtime exists, so the
       arena is there; the probe makes sure of it for an embedder). */
    free(malloc(1));
    struct mallinfo2 info = mallinfo2();
    uintptr_t top = (uintptr_t)sbrk(0);
    if (top != (uintptr_t)-1 && info.arena > 0 && info.arena <= top)
        prefault_range(top - info.arena, top);
#endif
}

void gp_mem_heap_init(void)
{
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    mallopt(M_TOP_PAD, (int)HEAP_GROWTH_PAD);
    uintptr_t top = (uintptr_t)sbrk(0);
    if (top != (uintptr_t)-1)
        atomic_store(&heap_advised_end, top);
#endif
    prefault_startup();
}

static void heap_advise(uintptr_t block)
{
    uintptr_t end = atomic_load_explicit(&heap_advised_end, memory_order_relaxed);
    uintptr_t top = (uintptr_t)sbrk(0);
    if (top == (uintptr_t)-1 || top <= end || block >= top)
        return;
    if (!atomic_compare_exchange_strong(&heap_advised_end, &end, top))
        return;
    uintptr_t from = (end + HEAP_HUGE_BLOCK - 1) & ~(HEAP_HUGE_BLOCK - 1);
    uintptr_t to = top & ~(HEAP_HUGE_BLOCK - 1);
    if (to > from)
        madvise((void *)from, to - from, MADV_HUGEPAGE);
}

static inline void heap_check_growth(void *p)
{
    uintptr_t end = atomic_load_explicit(&heap_advised_end, memory_order_relaxed);
    if (end != 0 && (uintptr_t)p - end < HEAP_WINDOW)
        heap_advise((uintptr_t)p);
}

/* Small requests go to the pool (pool.c) unless a sanitizer is watching:
   ASan and TSan see blocks through their own malloc, so those builds use
   libc for everything. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MEM_USE_POOL 0
#else
#define MEM_USE_POOL 1
#endif

/* The pool starts once the runtime is up (gp_mem_pool_start) and the
   process has made GP_MEM_POOL_DELAY more small allocations. The pool keeps a
   page per size class in use, where malloc packs blocks of every size
   together; a first touch of a page costs ~10 us on this virtual machine,
   so the twenty-odd pages a short script would spread over cost more than
   the pool saves it. What start-up allocates lives as long as the process
   anyway. A script past its first GP_MEM_POOL_DELAY allocations (about a
   millisecond of work) is one whose allocation speed matters, and from then
   on it has the pool. Until the countdown runs out each allocation pays a
   load and a store, with the same tolerated race as COUNT_ADD. */
static _Atomic long mem_pool_countdown = -1;

void gp_mem_pool_start(long after)
{
    atomic_store_explicit(&mem_pool_countdown, after, memory_order_relaxed);
}

static inline void *mem_small_alloc(size_t size)
{
    if (!MEM_USE_POOL || size > GP_POOL_MAX_BLOCK)
        return NULL;
    long wait = atomic_load_explicit(&mem_pool_countdown, memory_order_relaxed);
    if (__builtin_expect(wait != 0, 0)) {
        if (wait > 0)
            atomic_store_explicit(&mem_pool_countdown, wait - 1, memory_order_relaxed);
        return NULL;
    }
    return gp_pool_alloc(size);
}

void *gp_mem_alloc(size_t size)
{
    if (mem_should_fail())
        return NULL;
    void *p = mem_small_alloc(size);
    if (p == NULL) {
        p = malloc(size ? size : 1);
        if (p)
            heap_check_growth(p);
    }
    if (p) {
        COUNT_ADD(mem_allocations, 1);
        COUNT_ADD(mem_live, 1);
    }
    return p;
}

void *gp_mem_calloc(size_t count, size_t size)
{
    if (mem_should_fail())
        return NULL;
    void *p = NULL;
    size_t bytes;
    if (!__builtin_mul_overflow(count, size, &bytes)) {
        p = mem_small_alloc(bytes);
        if (p)
            memset(p, 0, bytes);
    }
    if (p == NULL) {
        p = calloc(count ? count : 1, size ? size : 1);
        if (p)
            heap_check_growth(p);
    }
    if (p) {
        COUNT_ADD(mem_allocations, 1);
        COUNT_ADD(mem_live, 1);
    }
    return p;
}

/* A pool block that must change size: it keeps its place while the new
   size still fits its class and uses more than half of it, and otherwise
   moves to a block of the right size (pool or malloc). */
static void *mem_realloc_pool_block(void *ptr, size_t size)
{
    size_t have = gp_pool_block_size(ptr);
    if (size <= have && size > have / 2)
        return ptr;
    void *p = mem_small_alloc(size);
    if (p == NULL) {
        p = malloc(size ? size : 1);
        if (p == NULL)
            return NULL;
        heap_check_growth(p);
    }
    memcpy(p, ptr, size < have ? size : have);
    gp_pool_free(ptr);
    return p;
}

void *gp_mem_realloc(void *ptr, size_t size)
{
    if (!ptr)
        return gp_mem_alloc(size);
    if (mem_should_fail())
        return NULL;
    COUNT_ADD(mem_reallocs, 1);
    if (MEM_USE_POOL && gp_pool_owns(ptr))
        return mem_realloc_pool_block(ptr, size);
    void *p = realloc(ptr, size ? size : 1);
    if (p)
        heap_check_growth(p);
    return p;
}

void gp_mem_free(void *ptr)
{
    if (!ptr)
        return;
    COUNT_ADD(mem_live, -1);
    if (MEM_USE_POOL && gp_pool_owns(ptr))
        gp_pool_free(ptr);
    else
        free(ptr);
}
