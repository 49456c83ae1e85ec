/*
 * weakref.h - weak references: the C side of the `weakref` module.
 *
 * Design notes
 * ------------
 * A weak reference points at an object without owning it. Every object that
 * can be weakly referenced has one pointer of storage for the head of a
 * doubly linked list of the weak references to it (gp_object_weaklist_ptr in
 * object.h says where). When the object dies, whoever frees it calls
 * gp_weakref_clear_referent(): every reference on the list forgets the
 * object and the callbacks run. The three places that do so are
 * gp_object_dealloc (builtin types), gp_subtype_dealloc (Python classes,
 * after __del__) and type_dealloc (classes themselves). The cycle collector
 * instead calls gp_weakref_clear_for_collector() on each piece of garbage
 * before it runs finalizers, so no callback or __del__ can reach an object
 * that is about to be torn apart.
 *
 * weakref.c owns the list; nothing else may link or unlink its entries.
 */
#ifndef GP_OBJ_WEAKREF_H
#define GP_OBJ_WEAKREF_H

#include "obj/object.h"

/* ReferenceType (`weakref.ref`), ProxyType and CallableProxyType. */
extern gp_type_t gp_weakref_ref_type, gp_weakref_proxy_type, gp_weakref_callable_proxy_type;

/* The read-only `__weakref__` attribute of instances of Python classes: the
   first weak reference to the instance, or None. */
extern const gp_getset_def_t gp_weakref_attribute_getset;

/* Marks the builtin types whose instances may be weakly referenced (they
   then carry the list pointer in their prefix). Must run before the first
   instance of any of them is allocated: gp_types_init calls it first. */
void gp_weakref_mark_builtin_types(void);

/* weakref.ref([referent], [callback]): a new reference, or the existing
   callback-less one when [callback] is NULL or None. TypeError "cannot create
   weak reference to 'int' object" when [referent] does not support it. */
gp_object_t *gp_weakref_new(gp_object_t *referent, gp_object_t *callback);

/* The referent of a live weak reference (borrowed), or NULL once it died. */
gp_object_t *gp_weakref_referent(gp_object_t *ref);

/* Called once by the dealloc of [referent], whose weak-reference list is not
   empty: clears every reference, then calls each callback with its
   reference. A callback's exception is reported as unraisable; the caller's
   pending exception, if any, survives. */
void gp_weakref_clear_referent(gp_object_t *referent);

/* Callbacks the collector owes, gathered while it clears the weak references
   to garbage and called once the garbage is set aside. */
typedef struct gp_weakref_pending {
    gp_object_t **refs; /* new references to weakrefs whose callbacks must run */
    size_t count, cap;
} gp_weakref_pending_t;

/* Clears the weak references to [referent], which the collector found to
   be garbage. A reference for which [is_garbage] answers true is itself
   garbage: it is cleared but its callback never runs (as CPython). The
   others with a callback are appended to [pending]. */
void gp_weakref_clear_for_collector(gp_object_t *referent, bool (*is_garbage)(gp_object_t *o),
                                    gp_weakref_pending_t *pending);
/* Calls and releases the callbacks gathered in [pending]. */
void gp_weakref_pending_run(gp_weakref_pending_t *pending);

/* The `_weakref` module (ref, proxy, getweakrefcount, getweakrefs...). */
gp_object_t *gp_weakref_module_create(void);

#endif /* GP_OBJ_WEAKREF_H */
