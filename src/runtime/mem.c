/*
 * mem.c - the allocation hook: counting and failure injection around malloc.
 *
 * Design notes
 * ------------
 * The hook is deliberately thin: one relaxed atomic increment per call when
 * injection is off, which keeps it out of profiles. Failure injection counts
 * down a budget; when it reaches zero the allocation returns NULL exactly as
 * an exhausted malloc would, so callers exercise their real error paths.
 * Frees of NULL are not counted, matching free(NULL) being a no-op.
 */
#include "runtime/mem.h"

#include <stdatomic.h>
#include <stdlib.h>

#include "obj/object.h"

static _Atomic uint64_t mem_allocations;
static _Atomic int64_t mem_live;
static _Atomic uint64_t mem_failures;
/* Reallocs of a live block, counted apart so malloc's path pays for none. */
static _Atomic uint64_t mem_reallocs;
/* Allocations left before injected failure; negative means injection is off. */
static _Atomic long mem_fail_countdown = -1;
static _Atomic int mem_fail_sticky;

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

void *gp_mem_alloc(size_t size)
{
    if (mem_should_fail())
        return NULL;
    void *p = malloc(size ? size : 1);
    if (p) {
        atomic_fetch_add_explicit(&mem_allocations, 1, memory_order_relaxed);
        atomic_fetch_add_explicit(&mem_live, 1, memory_order_relaxed);
    }
    return p;
}

void *gp_mem_calloc(size_t count, size_t size)
{
    if (mem_should_fail())
        return NULL;
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (p) {
        atomic_fetch_add_explicit(&mem_allocations, 1, memory_order_relaxed);
        atomic_fetch_add_explicit(&mem_live, 1, memory_order_relaxed);
    }
    return p;
}

void *gp_mem_realloc(void *ptr, size_t size)
{
    if (!ptr)
        return gp_mem_alloc(size);
    if (mem_should_fail())
        return NULL;
    atomic_fetch_add_explicit(&mem_reallocs, 1, memory_order_relaxed);
    return realloc(ptr, size ? size : 1);
}

void gp_mem_free(void *ptr)
{
    if (!ptr)
        return;
    atomic_fetch_sub_explicit(&mem_live, 1, memory_order_relaxed);
    free(ptr);
}
