/*
 * gc.h - the cycle collector's API beyond what object.h declares.
 *
 * object.h declares the four calls every type needs (gp_gc_track,
 * gp_gc_untrack, gp_gc_is_tracked, gp_gc_collect). This header adds what the
 * `gc` module and container deallocators use: the automatic-collection
 * switches and the "trashcan" that keeps the deallocation of deeply nested
 * containers from overflowing the C stack.
 */
#ifndef GP_GC_H
#define GP_GC_H

#include <stdbool.h>
#include <stdint.h>

#include "obj/object.h"

struct gp_runtime;

/* The collector keeps three generations (see the design notes in gc.c).
   Automatic collection of generation 0 runs when tracked allocations minus
   deallocations since its last collection exceed its threshold (700 by
   default, as in CPython) and collection is enabled; older generations are
   collected when the younger one filled them threshold times (10 and 10). */
enum { GP_GC_GENERATIONS = 3 };

void gp_gc_enable(void);
void gp_gc_disable(void);
bool gp_gc_is_enabled(void);
/* Collects generations 0..[generation] and returns the number of
   unreachable objects found; gp_gc_collect() (object.h) collects all. */
intptr_t gp_gc_collect_generation(int generation);
/* gc.get_stats(): collections of [generation] so far and the unreachable
   objects they found; false without a collector. */
bool gp_gc_get_stats(int generation, intptr_t *collections, intptr_t *collected);
/* gc.get_debug()/set_debug(): DEBUG_SAVEALL and DEBUG_COLLECTABLE act. */
int gp_gc_get_debug(void);
void gp_gc_set_debug(int flags);
/* The gc.callbacks list (a new reference is kept; NULL drops it). */
void gp_gc_set_callbacks(gp_object_t *list);

/* The gc.garbage list DEBUG_SAVEALL appends to (a new reference is kept). */
void gp_gc_set_garbage(gp_object_t *list);
/* The count of [generation]: for generation 0, tracked allocations minus
   deallocations since its last collection; for older ones, collections of
   the next younger generation since their own last collection. */
intptr_t gp_gc_get_generation_count(int generation);
intptr_t gp_gc_get_generation_threshold(int generation);
/* A threshold of 0 for generation 0 disables automatic collection, as in CPython. */
void gp_gc_set_generation_threshold(int generation, intptr_t threshold);
/* Shorthands for generation 0. */
intptr_t gp_gc_get_count(void);
intptr_t gp_gc_get_threshold(void);
void gp_gc_set_threshold(intptr_t threshold);
/* A new list of every tracked object (gc.get_objects()), or of those of one
   [generation] (all of them when it is negative). */
gp_object_t *gp_gc_get_objects(void);
gp_object_t *gp_gc_get_generation_objects(int generation);

/*
 * The trashcan. Releasing a list that holds a list that holds a list ...
 * recurses once per level in C; a million levels would overflow the stack.
 * A container's dealloc brackets its body with:
 *
 *     gp_gc_untrack(self);
 *     if (!gp_gc_trashcan_begin(self, my_dealloc))
 *         return;                   // deferred: my_dealloc(self) runs later
 *     ... release references, gp_object_free(self) ...
 *     gp_gc_trashcan_end();
 *
 * Past a fixed nesting depth begin() queues [self] (through its gc head,
 * which is unused once the object is untracked) and returns false; end()
 * at the outermost level calls the queued deallocs one after another, so the
 * stack depth stays bounded. Only objects whose type's dealloc is exactly
 * [dealloc] are deferred: a subclass instance has already run part of its
 * own dealloc, so it must be finished now. The object must be untracked.
 */
bool gp_gc_trashcan_begin(gp_object_t *self, void (*dealloc)(gp_object_t *));
void gp_gc_trashcan_end(void);

/*
 * Runs [o]'s __del__ (looked up on its class; only classes defined in
 * Python have one), or a generator's finalizer (gp_generator_finalize),
 * unless it already ran: PEP 442's at-most-once rule, which
 * the collector also follows for objects in garbage cycles. An exception
 * from __del__ is reported on stderr as "Exception ignored in: ..." and
 * never propagates; the caller's pending exception is preserved.
 *
 * The dealloc of instances of Python classes should start with:
 *
 *     if (gp_gc_finalize(self))
 *         return;   // __del__ resurrected the object
 *
 * It may be called with a refcount of zero (from dealloc): the object is
 * resurrected for the call. Returns true only in that case and if the
 * object gained references.
 */
bool gp_gc_finalize(gp_object_t *o);

/* Releases the collector's state at runtime shutdown (after the final
   collection). Objects tracked afterwards are simply left untracked. */
void gp_gc_runtime_fini(struct gp_runtime *rt);

#endif /* GP_GC_H */
