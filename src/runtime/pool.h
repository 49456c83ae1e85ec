/*
 * pool.h - the small-block allocator behind gp_mem_alloc (see pool.c).
 *
 * Not for direct use: mem.c routes requests of up to GP_POOL_MAX_BLOCK bytes
 * here and everything else, and every pointer gp_pool_owns() denies, to
 * libc.
 */
#ifndef GP_POOL_H
#define GP_POOL_H

#include <stdbool.h>
#include <stddef.h>

#define GP_POOL_MAX_BLOCK 512

/* A block of at least `size` (<= GP_POOL_MAX_BLOCK) bytes, 16-byte aligned,
   not zeroed; NULL when the pool cannot serve it (the caller then uses
   malloc). */
void *gp_pool_alloc(size_t size);
/* Whether `p` is a block from gp_pool_alloc. Any pointer may be asked. */
bool gp_pool_owns(const void *p);
/* A pool block back to the calling thread's cache. */
void gp_pool_free(void *p);
/* How many bytes a pool block really has (its class's size). */
size_t gp_pool_block_size(const void *p);
/* Return the calling thread's cache to the shared depot now (threads that
   exit do this by themselves). */
void gp_pool_thread_exit(void);

typedef struct {
    size_t reserved;      /* bytes of address space reserved, 0 if none */
    size_t slabs_used;    /* 64 KiB slabs ever handed to a size class */
    size_t depot_blocks;  /* free blocks held by the depot */
    size_t cached_blocks; /* free blocks in the calling thread's cache */
} gp_pool_stats_t;

void gp_pool_stats(gp_pool_stats_t *out);

#endif /* GP_POOL_H */
