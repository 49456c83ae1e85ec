/*
 * gc.c - the cycle collector.
 *
 * Design notes
 * ------------
 * Reference counting frees everything except reference cycles. The collector
 * finds cycles that nothing outside them refers to, with CPython's algorithm:
 *
 *   1. Every object of a GC type (GP_TYPE_FLAG_GC) is *tracked* once its
 *      fields are valid: it sits in one doubly linked list per runtime,
 *      threaded through the gp_gc_head_t that precedes the object header.
 *   2. update_refs: each tracked object's gc_refs = its refcount.
 *   3. subtract_refs: every tracked object visits its referents (its type's
 *      traverse slot) and each tracked referent's gc_refs is decremented.
 *      What is left in gc_refs counts references from *outside* the tracked
 *      set: C locals, the VM's stack, untracked objects.
 *   4. move_unreachable: objects with gc_refs > 0 are roots; everything they
 *      reach (transitively) is reachable. The rest moves to an "unreachable"
 *      list. One pass does it, as in CPython: an object met with gc_refs == 0
 *      is moved to the unreachable list tentatively (marked GC_TENTATIVE) and
 *      moved back if a reachable object is later found to point at it.
 *   5. delete_garbage: each unreachable object is held by a temporary
 *      reference while its type's clear slot drops the references it owns.
 *      That breaks the cycles; refcounting then frees the objects.
 *
 * The count returned is the number of unreachable objects found, which is
 * what CPython's gc.collect() returns (a two-list cycle gives 2).
 *
 * Generations. Most objects die young, and most objects that survive a
 * collection or two live for the rest of the program; scanning those again
 * at every collection makes building a big structure quadratic. So, as in
 * CPython, tracked objects live in three lists:
 *
 *   - generation 0 receives new objects. When tracked allocations minus
 *     deallocations exceed its threshold (700) it is collected, and its
 *     survivors move to generation 1.
 *   - generation 1 is collected (together with generation 0) once it has
 *     been "filled" threshold[1] = 10 times; survivors move to generation 2.
 *   - generation 2 is collected (together with everything younger) once
 *     generation 1 filled it threshold[2] = 10 times, *and* only if the
 *     objects that entered generation 2 since the last full collection
 *     exceed 25% of those that survived it (CPython's long-lived rule). The
 *     second condition keeps the total cost of full collections linear in
 *     the number of objects created.
 *
 * Collecting generation N looks only at the objects of generations 0..N
 * (merged into one list). A reference from an older object into the young
 * set is not subtracted, so it counts as an outside reference and the young
 * object stays alive: exactly right, since the older object is assumed
 * alive. The objects being examined carry GC_COLLECTING in gc_refs; the
 * visitors ignore every other object. gc.collect() always does a full
 * collection. Collection is triggered from gp_gc_track *before* the new
 * object joins its list, so a half-built object is never examined.
 *
 * Finalizers (PEP 442): before clearing, the collector calls the __del__ of
 * each unreachable instance of a Python class that has one and has not run
 * it yet (gp_gc_finalize marks the object, so __del__ runs at most once per
 * object, here or in its dealloc). A suspended generator's close() is the
 * one builtin finalizer, so its finally blocks run even in a cycle.
 * Finalizers may resurrect objects, so when any ran the unreachable set is
 * computed again before anything is cleared. Every cycle is collectable:
 * gc.garbage only holds what gc.DEBUG_SAVEALL asked to keep.
 *
 * Weak references (obj/weakref.c): before the finalizers, every weak
 * reference to an unreachable object is cleared, so neither a finalizer nor
 * a callback can reach garbage through one. Callbacks run, as in CPython,
 * only for references that are not garbage themselves; they run in a
 * normal world, like finalizers, and the unreachable set is computed again
 * after them.
 *
 * Static objects: builtin type objects are statically allocated and have no
 * gc head, even if `type` itself is a GC type (heap classes are). The
 * collector therefore never looks at the head of a type object that lacks
 * GP_TYPE_FLAG_HEAPTYPE. Any other static object of a GC type must reserve
 * gc-head storage before its header (see the empty tuple in tuple.c).
 *
 * State lives in the runtime (rt->gc_state, created on first use); the
 * trashcan's depth and queue are per thread (_Thread_local) because
 * deallocation recursion is a property of one C stack.
 */
#include "runtime/gc.h"

#include <stdio.h>

#include "runtime/runtime.h"
#include "runtime/trace.h"
#include "mod/sys.h"
#include "obj/weakref.h"
#include "vm/vm.h"

enum {
    GC_DEFAULT_THRESHOLD = 700,
    GC_DEFAULT_OLDER_THRESHOLD = 10,
    /* Nesting depth of container deallocs before the trashcan defers. */
    TRASHCAN_LIMIT = 50,
};

/* gc_refs holds a count in its low bits and three flags:
   GC_FINALIZED (persistent: the object's __del__ has run, PEP 442),
   GC_TENTATIVE (during a collection: the object sits in the unreachable
   list) and GC_COLLECTING (during a collection: the object belongs to the
   generations being examined). GC_ROOT is the count given to objects that
   must never be garbage. */
#define GC_FINALIZED ((intptr_t)1 << 62)
#define GC_TENTATIVE ((intptr_t)1 << 61)
#define GC_COLLECTING ((intptr_t)1 << 60)
#define GC_COUNT_MASK (GC_COLLECTING - 1)
#define GC_ROOT (GC_COLLECTING >> 1)

/* gc.set_debug() flags, CPython's values. */
#define GC_DEBUG_STATS 1
#define GC_DEBUG_COLLECTABLE 2
#define GC_DEBUG_SAVEALL 32

/* One generation: its list, its threshold and its count. The count of
   generation 0 is tracked allocations minus deallocations since its last
   collection; the count of generation N > 0 is the number of collections of
   generation N - 1 since generation N was last collected. */
typedef struct gp_gc_generation {
    gp_gc_head_t head; /* sentinel of the circular list */
    intptr_t threshold;
    intptr_t count;
    /* For gc.get_stats(): collections of this generation, objects found. */
    intptr_t collections;
    intptr_t collected;
} gp_gc_generation_t;

typedef struct gp_gc_state {
    gp_gc_generation_t generations[GP_GC_GENERATIONS];
    /* Survivors of the last full collection, and objects moved into the
       oldest generation since then (the 25% rule in the design notes). */
    intptr_t long_lived_total;
    intptr_t long_lived_pending;
    bool enabled;
    bool collecting; /* a collection is running: no nested automatic one */
    int debug;       /* gc.set_debug() flags (GC_DEBUG_*) */
    /* gc.callbacks: the list each collection calls with ("start", info) and
       ("stop", info); strong, NULL until the gc module is imported. */
    gp_object_t *callbacks;
    /* gc.garbage: where DEBUG_SAVEALL keeps the unreachable objects instead
       of freeing them; strong, NULL until the gc module is imported. */
    gp_object_t *garbage;
} gp_gc_state_t;

/* The trashcan: nesting depth of deallocs on this thread and the queue of
   deferred objects, chained through their (untracked) gc heads' prev field. */
static _Thread_local int trashcan_depth;
static _Thread_local bool trashcan_draining;
static _Thread_local gp_gc_head_t *trashcan_queue;

/* ------------------------------------------------------------------ */
/* State and lists                                                      */
/* ------------------------------------------------------------------ */

/* The calling thread's runtime's collector state, created on first use.
   NULL when there is no runtime (or no memory): objects then stay untracked. */
static gp_gc_state_t *gc_state(void)
{
    gp_thread_state_t *ts = gp_tstate_current;
    if (!ts || !ts->runtime)
        return NULL;
    gp_runtime_t *rt = ts->runtime;
    if (!rt->gc_state) {
        gp_gc_state_t *state = gp_mem_calloc(1, sizeof *state);
        if (!state)
            return NULL;
        for (int i = 0; i < GP_GC_GENERATIONS; i++) {
            gp_gc_generation_t *gen = &state->generations[i];
            gen->head.next = gen->head.prev = &gen->head;
            gen->threshold = i == 0 ? GC_DEFAULT_THRESHOLD : GC_DEFAULT_OLDER_THRESHOLD;
        }
        state->enabled = true;
        rt->gc_state = state;
    }
    return rt->gc_state;
}

static inline void list_init(gp_gc_head_t *list)
{
    list->next = list->prev = list;
}

static inline void list_remove(gp_gc_head_t *node)
{
    node->prev->next = node->next;
    node->next->prev = node->prev;
    node->next = node->prev = NULL;
}

static inline void list_append(gp_gc_head_t *list, gp_gc_head_t *node)
{
    node->prev = list->prev;
    node->next = list;
    list->prev->next = node;
    list->prev = node;
}

/* Moves [node] from whatever list it is in to the end of [list]. */
static inline void list_move(gp_gc_head_t *node, gp_gc_head_t *list)
{
    node->prev->next = node->next;
    node->next->prev = node->prev;
    list_append(list, node);
}

/* Appends every node of [from] to [to], leaving [from] empty. */
static void list_splice(gp_gc_head_t *from, gp_gc_head_t *to)
{
    if (from->next == from)
        return;
    gp_gc_head_t *first = from->next, *last = from->prev;
    first->prev = to->prev;
    to->prev->next = first;
    last->next = to;
    to->prev = last;
    list_init(from);
}

static inline intptr_t gc_count(const gp_gc_head_t *g)
{
    return g->gc_refs & GC_COUNT_MASK;
}

/* Sets the count, clearing GC_TENTATIVE and keeping the other flags. */
static inline void gc_set_count(gp_gc_head_t *g, intptr_t count)
{
    g->gc_refs = (g->gc_refs & (GC_FINALIZED | GC_COLLECTING)) | count;
}


/* True if [o] has a gc head (see the note on static type objects). */
static inline bool gc_has_head(gp_object_t *o)
{
    if (!o || GP_IS_SMALL(o))
        return false;
    gp_type_t *type = o->type;
    if (!(type->flags & GP_TYPE_FLAG_GC))
        return false;
    if ((type->flags & GP_TYPE_FLAG_TYPE_SUBCLASS) &&
        !(((gp_type_t *)o)->flags & GP_TYPE_FLAG_HEAPTYPE))
        return false;
    return true;
}

static inline bool gc_tracked(gp_object_t *o)
{
    return gc_has_head(o) && GP_GC_HEAD(o)->next != NULL;
}

/* True if [o] is tracked and among the objects being collected. */
static inline bool gc_is_collecting(gp_object_t *o)
{
    return gc_tracked(o) && (GP_GC_HEAD(o)->gc_refs & GC_COLLECTING);
}

/* ------------------------------------------------------------------ */
/* Tracking                                                             */
/* ------------------------------------------------------------------ */

static intptr_t gc_collect_generation(gp_gc_state_t *state, int generation);

/* Calls every gc.callbacks entry with (phase, info), as CPython does around
   each collection. A callback cannot raise: its exception is reported as
   unraisable and the others still run. The list is copied first, so a
   callback that edits it changes the next collection, not this one. */
static void gc_run_callbacks(gp_gc_state_t *state, const char *phase, int generation,
                             intptr_t collected)
{
    if (!state->callbacks || !gp_list_check(state->callbacks) ||
        GP_LIST_SIZE(state->callbacks) == 0)
        return;
    gp_object_t *pending = gp_err_fetch();
    gp_object_t *calls = gp_list_as_tuple(state->callbacks);
    gp_object_t *info = gp_dict_new();
    gp_object_t *name = gp_str_from_cstr(phase);
    gp_object_t *values[3] = {gp_int_from_i64(generation), gp_int_from_i64(collected),
                              gp_int_from_i64(0)};
    static const char *const keys[3] = {"generation", "collected", "uncollectable"};
    bool ok = calls && info && name;
    for (int i = 0; i < 3; i++)
        ok = ok && values[i] && gp_dict_setitem_cstr(info, keys[i], values[i]) == 0;
    if (ok) {
        for (intptr_t i = 0; i < GP_TUPLE_SIZE(calls); i++) {
            gp_object_t *cb = GP_TUPLE_GET(calls, i);
            gp_object_t *argv[2] = {name, info};
            gp_object_t *r = gp_object_call(cb, argv, 2, NULL);
            if (r) {
                GP_DECREF(r);
                continue;
            }
            gp_err_write_unraisable(NULL, cb);
        }
    }
    gp_err_clear();
    for (int i = 0; i < 3; i++)
        GP_XDECREF(values[i]);
    GP_XDECREF(name);
    GP_XDECREF(info);
    GP_XDECREF(calls);
    gp_err_restore(pending);
}

/* A collection with its callbacks around it. */
static intptr_t gc_collect_with_callbacks(gp_gc_state_t *state, int generation)
{
    if (state->collecting)
        return 0;
    /* As in CPython, no automatic collection starts inside a callback. */
    state->collecting = true;
    gc_run_callbacks(state, "start", generation, 0);
    state->collecting = false;
    intptr_t found = gc_collect_generation(state, generation);
    state->collecting = true;
    gc_run_callbacks(state, "stop", generation, found < 0 ? 0 : found);
    state->collecting = false;
    return found;
}

/* Runs the collection that generation 0 overflowing calls for: the oldest
   generation whose count exceeds its threshold (see the design notes). */
static void gc_collect_automatic(gp_gc_state_t *state)
{
    for (int i = GP_GC_GENERATIONS - 1; i >= 0; i--) {
        gp_gc_generation_t *gen = &state->generations[i];
        if (gen->count <= gen->threshold)
            continue;
        if (i == GP_GC_GENERATIONS - 1 &&
            state->long_lived_pending < state->long_lived_total / 4)
            continue; /* not enough new long-lived objects to be worth it */
        /* Collecting may run arbitrary deallocs; keep the caller's pending
           exception (if any) out of their way. */
        gp_object_t *pending = gp_err_fetch();
        gc_collect_with_callbacks(state, i);
        if (gp_err_occurred())
            gp_err_clear();
        gp_err_restore(pending);
        return;
    }
}

void gp_gc_track(gp_object_t *o)
{
    gp_gc_head_t *head = GP_GC_HEAD(o);
    if (head->next)
        return;
    gp_gc_state_t *state = gc_state();
    if (!state)
        return;
    gp_gc_generation_t *young = &state->generations[0];
    if (++young->count > young->threshold && young->threshold > 0 && state->enabled &&
        !state->collecting)
        gc_collect_automatic(state);
    head->gc_refs &= GC_FINALIZED;
    list_append(&young->head, head);
}

void gp_gc_untrack(gp_object_t *o)
{
    gp_gc_head_t *head = GP_GC_HEAD(o);
    if (!head->next)
        return;
    list_remove(head);
    gp_thread_state_t *ts = gp_tstate_current;
    gp_gc_state_t *state = ts && ts->runtime ? ts->runtime->gc_state : NULL;
    if (state && state->generations[0].count > 0)
        state->generations[0].count--;
}

bool gp_gc_is_tracked(gp_object_t *o)
{
    return gc_tracked(o);
}

/* ------------------------------------------------------------------ */
/* Collection                                                           */
/* ------------------------------------------------------------------ */

static int visit_decref(gp_object_t *o, void *arg)
{
    (void)arg;
    if (gc_is_collecting(o)) {
        gp_gc_head_t *head = GP_GC_HEAD(o);
        if (gc_count(head) > 0)
            head->gc_refs--;
    }
    return 0;
}

/* Called on the referents of a reachable object; [arg] is the reachable list. */
static int visit_reachable(gp_object_t *o, void *arg)
{
    if (!gc_is_collecting(o))
        return 0;
    gp_gc_head_t *head = GP_GC_HEAD(o);
    if (head->gc_refs & GC_TENTATIVE) {
        /* Moved to the unreachable list too early: it is reachable after
           all. Back to the end of the reachable list, where the scan in
           move_unreachable will meet it and traverse its referents. */
        list_move(head, (gp_gc_head_t *)arg);
        gc_set_count(head, 1);
    } else if (gc_count(head) == 0) {
        /* Not scanned yet: when the scan gets there, it is reachable. */
        gc_set_count(head, 1);
    }
    return 0;
}

static void update_refs(gp_gc_head_t *list)
{
    for (gp_gc_head_t *g = list->next; g != list; g = g->next) {
        gp_object_t *o = GP_GC_OBJECT(g);
        /* An object whose refcount already reached zero is being
           deallocated by someone up the C stack; never touch it. */
        g->gc_refs = (g->gc_refs & GC_FINALIZED) | GC_COLLECTING;
        gc_set_count(g, o->refcnt > 0 && o->refcnt < GC_ROOT ? o->refcnt : GC_ROOT);
    }
}

static void subtract_refs(gp_gc_head_t *list)
{
    for (gp_gc_head_t *g = list->next; g != list; g = g->next) {
        gp_object_t *o = GP_GC_OBJECT(g);
        gp_type_t *type = GP_TYPE(o);
        if (type->traverse)
            type->traverse(o, visit_decref, NULL);
    }
}

static void move_unreachable(gp_gc_head_t *list, gp_gc_head_t *unreachable)
{
    gp_gc_head_t *g = list->next;
    while (g != list) {
        gp_object_t *o = GP_GC_OBJECT(g);
        if (gc_count(g) > 0) {
            gp_type_t *type = GP_TYPE(o);
            if (type->traverse)
                type->traverse(o, visit_reachable, list);
            g = g->next;
        } else {
            gp_gc_head_t *next = g->next;
            list_move(g, unreachable);
            g->gc_refs |= GC_TENTATIVE;
            g = next;
        }
    }
}

/* Breaks the cycles of the unreachable objects; survivors return to [list]. */
static void delete_garbage(gp_gc_head_t *unreachable, gp_gc_head_t *list)
{
    while (unreachable->next != unreachable) {
        gp_gc_head_t *g = unreachable->next;
        gp_object_t *o = GP_GC_OBJECT(g);
        GP_INCREF(o);
        gp_type_t *type = GP_TYPE(o);
        if (type->clear) {
            type->clear(o);
            if (gp_err_occurred())
                gp_err_clear();
        }
        /* Whatever clear did, the object leaves the unreachable list before
           the last reference goes (the dealloc then unlinks it from the
           main list as usual). */
        if (unreachable->next == g)
            list_move(g, list);
        GP_DECREF(o);
    }
}

/* DEBUG_SAVEALL: the unreachable objects go into gc.garbage instead of
   being freed (they then become reachable, and age with the survivors). */
static void gc_save_garbage(gp_object_t *garbage, gp_gc_head_t *unreachable)
{
    gp_object_t *pending = gp_err_fetch();
    for (gp_gc_head_t *g = unreachable->next; g != unreachable; g = g->next)
        if (gp_list_append(garbage, GP_GC_OBJECT(g)) < 0)
            gp_err_clear();
    gp_err_restore(pending);
}

/* DEBUG_COLLECTABLE: one line on stderr per object found, as CPython's. */
static void gc_report_collectable(gp_gc_head_t *unreachable)
{
    for (gp_gc_head_t *g = unreachable->next; g != unreachable; g = g->next) {
        gp_object_t *o = GP_GC_OBJECT(g);
        char line[256];
        snprintf(line, sizeof line, "gc: collectable <%s %p>\n", GP_TYPE(o)->name, (void *)o);
        gp_sys_write_stderr(line);
    }
}

/* The number CPython would report for the unreachable set. CPython 3.11
   keeps an instance's attributes inline and creates its __dict__ object only
   on demand, so an instance in a cycle counts once; here the managed
   __dict__ always exists, and is not counted when its owner is garbage too. */
static intptr_t gc_count_unreachable(gp_gc_head_t *unreachable)
{
    intptr_t found = 0;
    for (gp_gc_head_t *g = unreachable->next; g != unreachable; g = g->next) {
        found++;
        gp_object_t **dict = gp_object_dict_ptr(GP_GC_OBJECT(g));
        if (dict && *dict && gc_tracked(*dict) &&
            (GP_GC_HEAD(*dict)->gc_refs & GC_TENTATIVE))
            found--;
    }
    return found;
}

/* Phases 2-4: fills [unreachable] with the garbage of [list]. */
static void gc_find_unreachable(gp_gc_head_t *list, gp_gc_head_t *unreachable)
{
    update_refs(list);
    subtract_refs(list);
    move_unreachable(list, unreachable);
}

/* The __del__ of [o]'s class, borrowed, or NULL. Only classes defined in
   Python have one; builtin types release their resources in dealloc. */
static gp_object_t *gc_del_of(gp_object_t *o)
{
    gp_type_t *type = GP_TYPE(o);
    if (!(type->flags & GP_TYPE_FLAG_HEAPTYPE))
        return NULL;
    gp_object_t *del = gp_type_lookup_cstr(type, "__del__");
    return del == gp_None ? NULL : del;
}

/* Whether [o] has a finalizer to run: a Python class's __del__, or the
   one builtin finalizer, a suspended generator's close() (CPython's
   tp_finalize), without which a generator in a cycle would be cleared
   without running its finally blocks. */
static bool gc_has_finalizer(gp_object_t *o)
{
    if (gp_generator_check(o))
        return gp_generator_needs_finalize(o);
    return gc_del_of(o) != NULL;
}

bool gp_gc_finalize(gp_object_t *o)
{
    bool has_head = gc_has_head(o);
    if (has_head && (GP_GC_HEAD(o)->gc_refs & GC_FINALIZED))
        return false;
    if (!gc_has_finalizer(o))
        return false;
    if (has_head)
        GP_GC_HEAD(o)->gc_refs |= GC_FINALIZED;
    /* A dealloc calls us at refcount zero: resurrect for the call. */
    bool from_dealloc = o->refcnt == 0;
    o->refcnt++;
    if (gp_generator_check(o)) {
        gp_generator_finalize(o);
    } else {
        gp_object_t *del = GP_INCREF(gc_del_of(o));
        gp_object_t *pending = gp_err_fetch();
        gp_object_t *r = gp_object_call1(del, o);
        if (r) {
            GP_DECREF(r);
        } else {
            /* CPython's "unraisable" report: the finalizer cannot raise. */
            gp_err_write_unraisable(NULL, del);
        }
        gp_err_restore(pending);
        GP_DECREF(del);
    }
    o->refcnt--;
    return from_dealloc && o->refcnt > 0;
}

/* True if [o] is among the garbage being examined (for weakref.c). */
static bool gc_is_garbage(gp_object_t *o)
{
    return gc_tracked(o) && (GP_GC_HEAD(o)->gc_refs & GC_TENTATIVE);
}

/* Clears the weak references to the unreachable objects. When some of them
   have callbacks to run, the objects go back to the main list first (as for
   finalizers) and true is returned: the caller must recompute what is
   unreachable, since a callback may have stored a new reference anywhere. */
static bool gc_clear_weakrefs(gp_gc_head_t *unreachable, gp_gc_head_t *list)
{
    gp_weakref_pending_t pending = {NULL, 0, 0};
    for (gp_gc_head_t *g = unreachable->next; g != unreachable; g = g->next) {
        gp_object_t **weaklist = gp_object_weaklist_ptr(GP_GC_OBJECT(g));
        if (weaklist != NULL && *weaklist != NULL)
            gp_weakref_clear_for_collector(GP_GC_OBJECT(g), gc_is_garbage, &pending);
    }
    if (pending.count == 0) {
        gp_mem_free(pending.refs);
        return false;
    }
    for (gp_gc_head_t *g = unreachable->next; g != unreachable; g = g->next)
        gc_set_count(g, 0);
    list_splice(unreachable, list);
    gp_weakref_pending_run(&pending);
    return true;
}

/* Runs the pending finalizers of the unreachable objects (PEP 442). They
   run in a normal world: the objects go back to the main list first and
   are held by references meanwhile. Returns true if any ran, in which case
   the caller must recompute what is unreachable (a finalizer may have
   resurrected objects). */
static bool gc_run_finalizers(gp_gc_head_t *unreachable, gp_gc_head_t *list)
{
    size_t n = 0;
    for (gp_gc_head_t *g = unreachable->next; g != unreachable; g = g->next)
        if (!(g->gc_refs & GC_FINALIZED) && gc_has_finalizer(GP_GC_OBJECT(g)))
            n++;
    if (n == 0)
        return false;
    gp_object_t **pending = gp_mem_alloc(n * sizeof *pending);
    if (!pending)
        return false; /* cleared without finalizing, as if they had none */
    size_t k = 0;
    for (gp_gc_head_t *g = unreachable->next; g != unreachable; g = g->next) {
        gc_set_count(g, 0);
        if (k < n && !(g->gc_refs & GC_FINALIZED) && gc_has_finalizer(GP_GC_OBJECT(g)))
            pending[k++] = GP_INCREF(GP_GC_OBJECT(g));
    }
    list_splice(unreachable, list);
    for (size_t i = 0; i < k; i++)
        gp_gc_finalize(pending[i]);
    for (size_t i = 0; i < k; i++)
        GP_DECREF(pending[i]);
    gp_mem_free(pending);
    return true;
}

/* Collects generations 0..[generation]: they are merged into one list,
   examined, and the survivors join the next older generation. Returns the
   number of unreachable objects found. */
static intptr_t gc_collect_generation(gp_gc_state_t *state, int generation)
{
    if (state->collecting)
        return 0;
    state->collecting = true;
    gp_trace_gc_begin(gp_tstate_current ? gp_tstate_current->runtime : NULL);
    gp_gc_generation_t *gens = state->generations;
    gp_gc_head_t *list = &gens[generation].head;
    for (int i = 0; i < generation; i++)
        list_splice(&gens[i].head, list);
    /* The counts are settled first: objects allocated by finalizers count
       towards the next collection. */
    if (generation + 1 < GP_GC_GENERATIONS)
        gens[generation + 1].count++;
    for (int i = 0; i <= generation; i++)
        gens[i].count = 0;

    gp_gc_head_t unreachable;
    list_init(&unreachable);
    gc_find_unreachable(list, &unreachable);
    if (gc_clear_weakrefs(&unreachable, list))
        gc_find_unreachable(list, &unreachable);
    if (gc_run_finalizers(&unreachable, list))
        gc_find_unreachable(list, &unreachable);

    intptr_t found = gc_count_unreachable(&unreachable);
    gens[generation].collections++;
    gens[generation].collected += found;
    for (gp_gc_head_t *g = unreachable.next; g != &unreachable; g = g->next)
        gc_set_count(g, 0);
    if (state->debug & GC_DEBUG_COLLECTABLE)
        gc_report_collectable(&unreachable);
    if ((state->debug & GC_DEBUG_SAVEALL) && state->garbage && gp_list_check(state->garbage))
        gc_save_garbage(state->garbage, &unreachable);
    else
        delete_garbage(&unreachable, list);
    list_splice(&unreachable, list);

    /* The survivors are no longer being collected; they age by one
       generation (the oldest keeps its own). */
    intptr_t survivors = 0;
    for (gp_gc_head_t *g = list->next; g != list; g = g->next) {
        g->gc_refs &= GC_FINALIZED;
        survivors++;
    }
    if (generation + 1 < GP_GC_GENERATIONS) {
        if (generation + 2 == GP_GC_GENERATIONS)
            state->long_lived_pending += survivors;
        list_splice(list, &gens[generation + 1].head);
    } else {
        state->long_lived_pending = 0;
        state->long_lived_total = survivors;
    }
    gp_trace_gc_end(gp_tstate_current ? gp_tstate_current->runtime : NULL);
    state->collecting = false;
    return found;
}

intptr_t gp_gc_collect(void)
{
    return gp_gc_collect_generation(GP_GC_GENERATIONS - 1);
}

intptr_t gp_gc_collect_generation(int generation)
{
    gp_gc_state_t *state = gc_state();
    if (!state || generation < 0 || generation >= GP_GC_GENERATIONS)
        return 0;
    return gc_collect_with_callbacks(state, generation);
}

bool gp_gc_get_stats(int generation, intptr_t *collections, intptr_t *collected)
{
    gp_gc_state_t *state = gc_state();
    if (!state || generation < 0 || generation >= GP_GC_GENERATIONS)
        return false;
    *collections = state->generations[generation].collections;
    *collected = state->generations[generation].collected;
    return true;
}

int gp_gc_get_debug(void)
{
    gp_gc_state_t *state = gc_state();
    return state ? state->debug : 0;
}

void gp_gc_set_debug(int flags)
{
    gp_gc_state_t *state = gc_state();
    if (state)
        state->debug = flags;
}

void gp_gc_set_garbage(gp_object_t *list)
{
    gp_gc_state_t *state = gc_state();
    if (!state)
        return;
    GP_XINCREF(list);
    gp_object_t *old = state->garbage;
    state->garbage = list;
    GP_XDECREF(old);
}

void gp_gc_set_callbacks(gp_object_t *list)
{
    gp_gc_state_t *state = gc_state();
    if (!state)
        return;
    GP_XINCREF(list);
    gp_object_t *old = state->callbacks;
    state->callbacks = list;
    GP_XDECREF(old);
}

/* ------------------------------------------------------------------ */
/* Switches and introspection                                           */
/* ------------------------------------------------------------------ */

void gp_gc_enable(void)
{
    gp_gc_state_t *state = gc_state();
    if (state)
        state->enabled = true;
}

void gp_gc_disable(void)
{
    gp_gc_state_t *state = gc_state();
    if (state)
        state->enabled = false;
}

bool gp_gc_is_enabled(void)
{
    gp_gc_state_t *state = gc_state();
    return state ? state->enabled : true;
}

intptr_t gp_gc_get_count(void)
{
    return gp_gc_get_generation_count(0);
}

intptr_t gp_gc_get_generation_count(int generation)
{
    gp_gc_state_t *state = gc_state();
    if (!state || generation < 0 || generation >= GP_GC_GENERATIONS)
        return 0;
    return state->generations[generation].count;
}

intptr_t gp_gc_get_threshold(void)
{
    return gp_gc_get_generation_threshold(0);
}

intptr_t gp_gc_get_generation_threshold(int generation)
{
    if (generation < 0 || generation >= GP_GC_GENERATIONS)
        return 0;
    gp_gc_state_t *state = gc_state();
    if (!state)
        return generation == 0 ? GC_DEFAULT_THRESHOLD : GC_DEFAULT_OLDER_THRESHOLD;
    return state->generations[generation].threshold;
}

void gp_gc_set_threshold(intptr_t threshold)
{
    gp_gc_set_generation_threshold(0, threshold);
}

void gp_gc_set_generation_threshold(int generation, intptr_t threshold)
{
    gp_gc_state_t *state = gc_state();
    if (state && generation >= 0 && generation < GP_GC_GENERATIONS)
        state->generations[generation].threshold = threshold < 0 ? 0 : threshold;
}

/* Appends the objects of [list] (except [result] itself) to [result]. */
static int gc_list_objects(gp_gc_head_t *list, gp_object_t *result)
{
    for (gp_gc_head_t *g = list->next; g != list; g = g->next) {
        gp_object_t *o = GP_GC_OBJECT(g);
        if (o == result)
            continue;
        if (gp_list_append(result, o) < 0)
            return -1;
    }
    return 0;
}

gp_object_t *gp_gc_get_objects(void)
{
    return gp_gc_get_generation_objects(-1);
}

gp_object_t *gp_gc_get_generation_objects(int generation)
{
    gp_gc_state_t *state = gc_state();
    gp_object_t *result = gp_list_new(0);
    if (!result || !state)
        return result;
    for (int i = 0; i < GP_GC_GENERATIONS; i++) {
        if (generation >= 0 && i != generation)
            continue;
        if (gc_list_objects(&state->generations[i].head, result) < 0) {
            GP_DECREF(result);
            return NULL;
        }
    }
    return result;
}

void gp_gc_runtime_fini(gp_runtime_t *rt)
{
    gp_gc_state_t *state = rt->gc_state;
    if (!state)
        return;
    GP_CLEAR(state->callbacks);
    GP_CLEAR(state->garbage);
    /* Objects still tracked are unlinked so that their later deallocation
       does not write into the freed sentinel. */
    for (int i = 0; i < GP_GC_GENERATIONS; i++) {
        gp_gc_head_t *list = &state->generations[i].head;
        while (list->next != list)
            list_remove(list->next);
    }
    rt->gc_state = NULL;
    gp_mem_free(state);
}

/* ------------------------------------------------------------------ */
/* The trashcan                                                         */
/* ------------------------------------------------------------------ */

bool gp_gc_trashcan_begin(gp_object_t *self, void (*dealloc)(gp_object_t *))
{
    if (trashcan_depth >= TRASHCAN_LIMIT && GP_TYPE(self)->dealloc == dealloc &&
        GP_GC_HEAD(self)->next == NULL) {
        /* The head's next stays NULL (untracked); prev chains the queue. */
        GP_GC_HEAD(self)->prev = trashcan_queue;
        trashcan_queue = GP_GC_HEAD(self);
        return false;
    }
    trashcan_depth++;
    return true;
}

void gp_gc_trashcan_end(void)
{
    trashcan_depth--;
    if (trashcan_depth > 0 || trashcan_draining)
        return;
    trashcan_draining = true;
    while (trashcan_queue) {
        gp_gc_head_t *g = trashcan_queue;
        trashcan_queue = g->prev;
        g->prev = NULL;
        gp_object_t *o = GP_GC_OBJECT(g);
        GP_TYPE(o)->dealloc(o);
    }
    trashcan_draining = false;
}
