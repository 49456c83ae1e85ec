/*
 * mem.h - the allocation hook.
 *
 * Every byte gilpy allocates goes through gp_mem_alloc/calloc/realloc/free
 * (declared in obj/object.h). Funnelling allocation through one place lets
 * tests count allocations, check that a script frees what it allocated, and
 * make the n-th allocation fail to prove that every caller turns a failed
 * allocation into MemoryError instead of a crash.
 *
 * The counters are process-wide atomics rather than runtime fields because
 * memory is allocated before the runtime exists and after it is freed.
 */
#ifndef GP_MEM_H
#define GP_MEM_H

#include <stddef.h>
#include <stdint.h>

/* Makes the [n]-th next allocation fail (1 = the very next one) and every
   one after it while [sticky] is non-zero; n = -1 turns injection off. */
void gp_mem_set_fail_after(long n);
/* Asks for transparent huge pages on the main heap as it grows, and the
   first time maps the pages start-up is about to write (the binary's .data,
   the heap so far) in one go (mem.c); called by gp_runtime_new, harmless
   to call again. */
void gp_mem_heap_init(void);
/* Small blocks come from the pool (runtime/pool.c) once `after` more small
   allocations have been made (0: at once). The command line calls it with
   GP_MEM_POOL_DELAY when the runtime is built; mem.c says why. */
#define GP_MEM_POOL_DELAY 20000
void gp_mem_pool_start(long after);
void gp_mem_set_fail_sticky(int sticky);
/* Number of allocations made so far (malloc/calloc/realloc of NULL). */
uint64_t gp_mem_allocated_count(void);
/* Number of requests the failure injection counts: every gp_mem_alloc,
   gp_mem_calloc and gp_mem_realloc call, including reallocs that grow a
   block. gp_mem_set_fail_after(n) refuses the n-th of these. */
uint64_t gp_mem_request_count(void);
/* Live blocks: allocations minus frees. */
int64_t gp_mem_live_blocks(void);
/* Called on every refused allocation: a place for a debugger's breakpoint. */
void gp_mem_injected_failure(void);
/* Number of allocations refused by injection so far. */
uint64_t gp_mem_failed_count(void);

#endif /* GP_MEM_H */
