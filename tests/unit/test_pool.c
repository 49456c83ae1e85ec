/*
 * test_pool.c - unit tests of the small-block allocator (runtime/pool.c)
 * as gp_mem_* uses it.
 *
 * One promise per test: blocks are distinct, aligned and as big as asked;
 * a freed block is reused; calloc zeroes a reused block; realloc keeps the
 * bytes across classes and across the pool/malloc boundary; a block freed
 * by another thread is fine, and a thread's cache goes back to the depot
 * when it exits; the live-block count balances. Sanitizer builds route
 * everything to malloc (mem.c), so the pool-specific tests check that they
 * run on pool memory and are skipped otherwise.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <pthread.h>

#include "obj/object.h"
#include "runtime/mem.h"
#include "runtime/pool.h"

static bool pool_in_use(void)
{
    void *p = gp_mem_alloc(24);
    bool owned = gp_pool_owns(p);
    gp_mem_free(p);
    return owned;
}

static void test_blocks_are_distinct_aligned_and_writable(void **state)
{
    (void)state;
    enum { N = 2000 };
    static unsigned char *blocks[N];
    for (int i = 0; i < N; i++) {
        size_t size = (size_t)(i % 600) + 1;
        blocks[i] = gp_mem_alloc(size);
        assert_non_null(blocks[i]);
        assert_int_equal((uintptr_t)blocks[i] % 16, 0);
        memset(blocks[i], i & 0xff, size);
    }
    for (int i = 0; i < N; i++) {
        size_t size = (size_t)(i % 600) + 1;
        for (size_t k = 0; k < size; k++)
            assert_int_equal(blocks[i][k], i & 0xff);
        gp_mem_free(blocks[i]);
    }
}

static void test_freed_block_is_reused(void **state)
{
    (void)state;
    if (!pool_in_use())
        skip();
    void *a = gp_mem_alloc(100);
    gp_mem_free(a);
    void *b = gp_mem_alloc(100);
    assert_ptr_equal(a, b);
    assert_true(gp_pool_owns(b));
    assert_int_equal(gp_pool_block_size(b), 112);
    gp_mem_free(b);
}

static void test_calloc_zeroes_a_reused_block(void **state)
{
    (void)state;
    unsigned char *a = gp_mem_alloc(64);
    memset(a, 0xab, 64);
    gp_mem_free(a);
    unsigned char *b = gp_mem_calloc(8, 8);
    for (int k = 0; k < 64; k++)
        assert_int_equal(b[k], 0);
    gp_mem_free(b);
}

static void test_large_requests_are_not_pool_blocks(void **state)
{
    (void)state;
    void *p = gp_mem_alloc(GP_POOL_MAX_BLOCK + 1);
    assert_false(gp_pool_owns(p));
    int on_stack;
    assert_false(gp_pool_owns(&on_stack));
    gp_mem_free(p);
}

static void test_realloc_keeps_bytes_across_classes(void **state)
{
    (void)state;
    unsigned char *p = gp_mem_alloc(10);
    for (int k = 0; k < 10; k++)
        p[k] = (unsigned char)k;
    size_t sizes[] = {12, 40, 300, 4000, 200, 8};
    size_t have = 10;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        p = gp_mem_realloc(p, sizes[i]);
        assert_non_null(p);
        size_t keep = have < sizes[i] ? have : sizes[i];
        for (size_t k = 0; k < keep && k < 10; k++)
            assert_int_equal(p[k], k);
        have = keep;
    }
    gp_mem_free(p);
}

static void test_realloc_within_class_keeps_the_block(void **state)
{
    (void)state;
    if (!pool_in_use())
        skip();
    void *p = gp_mem_alloc(100);
    assert_ptr_equal(gp_mem_realloc(p, 110), p);
    void *q = gp_mem_realloc(p, 20);
    assert_ptr_not_equal(q, p);
    gp_mem_free(q);
}

static void test_live_count_balances(void **state)
{
    (void)state;
    int64_t before = gp_mem_live_blocks();
    void *a = gp_mem_alloc(30), *b = gp_mem_calloc(3, 50), *c = gp_mem_alloc(5000);
    assert_int_equal(gp_mem_live_blocks(), before + 3);
    a = gp_mem_realloc(a, 700);
    gp_mem_free(a);
    gp_mem_free(b);
    gp_mem_free(c);
    assert_int_equal(gp_mem_live_blocks(), before);
}

/* A worker allocates, hands half its blocks to the main thread and frees
   the rest; its exit must return its cache to the depot. */
enum { HANDOFF = 500 };
static void *handed[HANDOFF];

static void *worker(void *arg)
{
    (void)arg;
    void *own[HANDOFF];
    for (int i = 0; i < HANDOFF; i++) {
        handed[i] = gp_mem_alloc(48);
        own[i] = gp_mem_alloc(48);
        memset(handed[i], 0x5a, 48);
    }
    for (int i = 0; i < HANDOFF; i++)
        gp_mem_free(own[i]);
    return NULL;
}

static void test_blocks_cross_threads_and_exit_returns_the_cache(void **state)
{
    (void)state;
    if (!pool_in_use())
        skip();
    gp_pool_stats_t before, after;
    gp_pool_stats(&before);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, worker, NULL), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    gp_pool_stats(&after);
    /* The worker's own freed blocks are in the depot now. */
    assert_true(after.depot_blocks >= before.depot_blocks + HANDOFF);
    for (int i = 0; i < HANDOFF; i++) {
        assert_true(gp_pool_owns(handed[i]));
        assert_int_equal(((unsigned char *)handed[i])[47], 0x5a);
        gp_mem_free(handed[i]);
    }
}

/* Each thread allocates and frees blocks of random sizes, stamping each
   with its own byte and checking the stamp before the free: a block handed
   to two owners at once, or freed into the wrong class, shows up as a
   stamp another thread wrote. */
static void *churn(void *arg)
{
    unsigned seed = (unsigned)(uintptr_t)arg;
    unsigned char stamp = (unsigned char)(uintptr_t)arg;
    unsigned char *slots[64] = {0};
    size_t sizes[64] = {0};
    uintptr_t bad = 0;
    for (int i = 0; i < 200000; i++) {
        seed = seed * 1103515245u + 12345u;
        int k = (int)((seed >> 16) % 64);
        if (slots[k]) {
            for (size_t j = 0; j < sizes[k]; j++)
                bad += slots[k][j] != stamp;
            gp_mem_free(slots[k]);
            slots[k] = NULL;
        } else {
            sizes[k] = (seed >> 8) % 520;
            slots[k] = gp_mem_alloc(sizes[k]);
            memset(slots[k], stamp, sizes[k]);
        }
    }
    for (int k = 0; k < 64; k++)
        gp_mem_free(slots[k]);
    return (void *)bad;
}

static void test_threads_churn_concurrently(void **state)
{
    (void)state;
    pthread_t t[4];
    for (uintptr_t i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, churn, (void *)(i + 1)), 0);
    for (int i = 0; i < 4; i++) {
        void *bad = NULL;
        assert_int_equal(pthread_join(t[i], &bad), 0);
        assert_int_equal((uintptr_t)bad, 0);
    }
}

int main(void)
{
    gp_mem_pool_start(0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blocks_are_distinct_aligned_and_writable),
        cmocka_unit_test(test_freed_block_is_reused),
        cmocka_unit_test(test_calloc_zeroes_a_reused_block),
        cmocka_unit_test(test_large_requests_are_not_pool_blocks),
        cmocka_unit_test(test_realloc_keeps_bytes_across_classes),
        cmocka_unit_test(test_realloc_within_class_keeps_the_block),
        cmocka_unit_test(test_live_count_balances),
        cmocka_unit_test(test_blocks_cross_threads_and_exit_returns_the_cache),
        cmocka_unit_test(test_threads_churn_concurrently),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
