/*
 * weakref.c - weak references and proxies (the `_weakref` module).
 *
 * Design notes
 * ------------
 * Storage. An object that can be weakly referenced owns one pointer, the
 * head of the list of weak references to it. For ordinary objects the
 * pointer lives in the allocation prefix (GP_TYPE_FLAG_WEAKREFABLE, see
 * object.h); for type objects it is a field of gp_type_t, because the
 * builtin types are static and have no prefix. Objects that cannot be
 * weakly referenced pay nothing, and the dealloc of one that can but has no
 * references pays a load and a test: no table is consulted when an object
 * dies. A side table keyed by address was the alternative; it would have
 * put a hash lookup in the dealloc of every weak-referenceable object.
 *
 * The list. Each weakref_t is linked to its siblings (prev/next) and knows
 * its referent, borrowed. The order of the list is CPython's, because
 * Python code can observe it (getweakrefs() and the order callbacks run):
 *
 *     [ plain ref ][ plain proxy ][ newest ref with callback ] ... [ oldest ]
 *
 * "Plain" means exactly ReferenceType (or a proxy type) without callback:
 * there is at most one of each, and `ref(o) is ref(o)` because the second
 * call finds the first at the head. Every other reference is inserted just
 * after the plain ones, so callbacks run newest first.
 *
 * Death of the referent. gp_weakref_clear_referent() first unlinks every
 * reference (so each answers None and no callback can see the dying object)
 * and only then calls the callbacks it took out of them, each with its own
 * reference. A reference that is itself being deallocated (a subclass
 * instance whose __dict__ held the referent) loses its callback uncalled,
 * as in CPython: calling it would resurrect a dying object. Exceptions from
 * callbacks are reported and dropped, as CPython's "Exception ignored in:".
 * The cycle collector takes a different road
 * (gp_weakref_clear_for_collector): a reference that is garbage itself is
 * cleared but its callback is not called, since it would run with
 * half-destroyed state around it.
 *
 * Proxies share the reference's layout; only their types differ. Each
 * operation on a proxy looks up the referent, holds it for the duration of
 * the call and forwards to the object protocol, so the proxy behaves as its
 * referent down to the error messages. A dead proxy raises ReferenceError.
 */
#include "obj/weakref.h"

#include <stdio.h>
#include <string.h>

#include "obj/genericalias.h"
#include "runtime/runtime.h"

typedef struct weakref {
    gp_object_t base;
    gp_object_t *referent; /* borrowed; NULL once the referent died */
    gp_object_t *callback; /* owned, or NULL */
    intptr_t hash;         /* the referent's hash once computed, else -1 */
    struct weakref *prev, *next;
} weakref_t;

static bool is_proxy(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    return t == &gp_weakref_proxy_type || t == &gp_weakref_callable_proxy_type;
}

static bool is_ref(gp_object_t *o)
{
    return gp_object_isinstance_type(o, &gp_weakref_ref_type);
}

/* ------------------------------------------------------------------ */
/* The list of references to one object                                */
/* ------------------------------------------------------------------ */

static weakref_t **list_head(gp_object_t *referent)
{
    return (weakref_t **)gp_object_weaklist_ptr(referent);
}

/* Takes [wr] off its referent's list; it then answers None forever. */
static void list_unlink(weakref_t *wr)
{
    if (wr->referent == NULL)
        return;
    if (wr->prev != NULL)
        wr->prev->next = wr->next;
    else
        *list_head(wr->referent) = wr->next;
    if (wr->next != NULL)
        wr->next->prev = wr->prev;
    wr->prev = wr->next = NULL;
    wr->referent = NULL;
}

/* Links [wr] after [prev], or at the head when [prev] is NULL. */
static void list_insert(weakref_t **head, weakref_t *prev, weakref_t *wr)
{
    wr->prev = prev;
    wr->next = prev ? prev->next : *head;
    if (wr->next != NULL)
        wr->next->prev = wr;
    if (prev != NULL)
        prev->next = wr;
    else
        *head = wr;
}

/* The callback-less plain ref and plain proxy of a list, if present: they
   can only sit at its front (see the design notes). */
static void list_plain(weakref_t *head, weakref_t **ref, weakref_t **proxy)
{
    *ref = *proxy = NULL;
    if (head != NULL && head->callback == NULL && GP_TYPE(&head->base) == &gp_weakref_ref_type) {
        *ref = head;
        head = head->next;
    }
    if (head != NULL && head->callback == NULL && is_proxy(&head->base))
        *proxy = head;
}

/* Creates a weak reference of [type] to [referent], reusing the plain one
   when that is what is asked for. [callback] None means none. */
static gp_object_t *weakref_create(gp_type_t *type, gp_object_t *referent, gp_object_t *callback)
{
    weakref_t **head = list_head(referent);
    if (head == NULL) {
        gp_err_format(&gp_exc_TypeError, "cannot create weak reference to '%s' object",
                      GP_TYPE(referent)->name);
        return NULL;
    }
    if (callback == gp_None)
        callback = NULL;
    weakref_t *plain_ref, *plain_proxy;
    list_plain(*head, &plain_ref, &plain_proxy);
    bool wants_proxy = type == &gp_weakref_proxy_type || type == &gp_weakref_callable_proxy_type;
    if (callback == NULL) {
        if (type == &gp_weakref_ref_type && plain_ref != NULL)
            return GP_INCREF(&plain_ref->base);
        if (wants_proxy && plain_proxy != NULL)
            return GP_INCREF(&plain_proxy->base);
    }
    weakref_t *wr = (weakref_t *)gp_object_alloc(type, 0);
    if (wr == NULL)
        return NULL;
    wr->referent = referent;
    wr->callback = GP_XINCREF(callback);
    wr->hash = -1;
    /* The allocation may have run a collection that created the plain ones. */
    list_plain(*head, &plain_ref, &plain_proxy);
    if (callback == NULL && type == &gp_weakref_ref_type)
        list_insert(head, NULL, wr);
    else if (callback == NULL && wants_proxy)
        list_insert(head, plain_ref, wr);
    else
        list_insert(head, plain_proxy ? plain_proxy : plain_ref, wr);
    gp_gc_track(&wr->base);
    return &wr->base;
}

gp_object_t *gp_weakref_new(gp_object_t *referent, gp_object_t *callback)
{
    return weakref_create(&gp_weakref_ref_type, referent, callback);
}

gp_object_t *gp_weakref_referent(gp_object_t *ref)
{
    return ((weakref_t *)ref)->referent;
}

static gp_object_t *weakref_attribute_get(gp_object_t *self, void *closure)
{
    weakref_t **head = list_head(self);
    weakref_t *first = head ? *head : NULL;
    return GP_INCREF(first ? &first->base : gp_None);
}

const gp_getset_def_t gp_weakref_attribute_getset = {
    "__weakref__", weakref_attribute_get, NULL, NULL,
    "The first weak reference to the object, or None.",
};

/* ------------------------------------------------------------------ */
/* Clearing and callbacks                                               */
/* ------------------------------------------------------------------ */

/* Calls [callback]([ref]); an exception is reported, never propagated. */
static void callback_run(gp_object_t *ref, gp_object_t *callback)
{
    gp_object_t *r = gp_object_call1(callback, ref);
    if (r != NULL) {
        GP_DECREF(r);
        return;
    }
    gp_err_write_unraisable(NULL, callback);
}

/* Appends the pair ([ref], [callback]) to [pending], taking both references.
   When memory runs out the callback is dropped: the reference is cleared all
   the same, which is the one guarantee weak references give. */
static void pending_add(gp_weakref_pending_t *pending, gp_object_t *ref, gp_object_t *callback)
{
    if (pending->count * 2 == pending->cap) {
        size_t cap = pending->cap ? pending->cap * 2 : 16;
        gp_object_t **refs = gp_mem_realloc(pending->refs, cap * sizeof *refs);
        if (refs == NULL) {
            GP_DECREF(ref);
            GP_DECREF(callback);
            return;
        }
        pending->refs = refs;
        pending->cap = cap;
    }
    pending->refs[pending->count * 2] = ref;
    pending->refs[pending->count * 2 + 1] = callback;
    pending->count++;
}

void gp_weakref_pending_run(gp_weakref_pending_t *pending)
{
    gp_object_t *saved = gp_err_fetch();
    for (size_t i = 0; i < pending->count; i++) {
        callback_run(pending->refs[i * 2], pending->refs[i * 2 + 1]);
        GP_DECREF(pending->refs[i * 2 + 1]);
        GP_DECREF(pending->refs[i * 2]);
    }
    gp_err_restore(saved);
    gp_mem_free(pending->refs);
    pending->refs = NULL;
    pending->count = pending->cap = 0;
}

void gp_weakref_clear_referent(gp_object_t *referent)
{
    weakref_t **head = list_head(referent);
    gp_weakref_pending_t pending = {NULL, 0, 0};
    while (*head != NULL) {
        weakref_t *wr = *head;
        gp_object_t *callback = wr->callback;
        /* The callback is taken out of the reference, as CPython does:
           afterwards ref.__callback__ is None. */
        wr->callback = NULL;
        list_unlink(wr);
        /* A reference whose count is zero is being deallocated itself (a
           weakref subclass whose __dict__ held the referent's last
           reference): its callback is dropped, not called with a dying
           reference. */
        if (callback != NULL && wr->base.refcnt > 0)
            pending_add(&pending, GP_INCREF(&wr->base), callback);
        else
            GP_XDECREF(callback);
    }
    if (pending.count > 0)
        gp_weakref_pending_run(&pending);
}

void gp_weakref_clear_for_collector(gp_object_t *referent, bool (*is_garbage)(gp_object_t *o),
                                    gp_weakref_pending_t *pending)
{
    weakref_t **head = list_head(referent);
    while (*head != NULL) {
        weakref_t *wr = *head;
        list_unlink(wr);
        if (wr->callback != NULL && !is_garbage(&wr->base)) {
            gp_object_t *callback = wr->callback;
            wr->callback = NULL;
            pending_add(pending, GP_INCREF(&wr->base), callback);
        }
    }
}

/* ------------------------------------------------------------------ */
/* ReferenceType                                                        */
/* ------------------------------------------------------------------ */

static void weakref_dealloc(gp_object_t *self)
{
    weakref_t *wr = (weakref_t *)self;
    list_unlink(wr);
    GP_CLEAR(wr->callback);
    gp_object_free(self);
}

static int weakref_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    weakref_t *wr = (weakref_t *)self;
    return wr->callback ? visit(wr->callback, arg) : 0;
}

static int weakref_clear(gp_object_t *self)
{
    weakref_t *wr = (weakref_t *)self;
    list_unlink(wr);
    GP_CLEAR(wr->callback);
    return 0;
}

/* ref(object[, callback]) and proxy() take one or two positional arguments. */
/* Keyword arguments are refused by ref itself and ignored for subclasses,
   whose own __new__/__init__ may take some (CPython's rule). */
static int weakref_unpack(const char *fname, gp_type_t *type, gp_object_t *const *args,
                          size_t nargs, gp_object_t *kwnames, gp_object_t **referent,
                          gp_object_t **callback)
{
    if (type == &gp_weakref_ref_type && kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "ref() takes no keyword arguments");
        return -1;
    }
    if (nargs < 1 || nargs > 2) {
        gp_err_format(&gp_exc_TypeError, "%s expected at %s %d argument%s, got %zu", fname,
                      nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                      nargs);
        return -1;
    }
    *referent = args[0];
    *callback = nargs == 2 ? args[1] : NULL;
    return 0;
}

static gp_object_t *weakref_new_(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    gp_object_t *referent, *callback;
    if (weakref_unpack("__new__", type, args, nargs, kwnames, &referent, &callback) < 0)
        return NULL;
    return weakref_create(type, referent, callback);
}

/* __new__ did the work; __init__ only checks the arguments again, so that a
   subclass's __init__ may pass them on with super().__init__(ob, callback). */
static int weakref_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                        gp_object_t *kwnames)
{
    gp_object_t *referent, *callback;
    return weakref_unpack("__init__", GP_TYPE(self), args, nargs, kwnames, &referent, &callback);
}

static gp_object_t *weakref_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("weakref", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *referent = ((weakref_t *)self)->referent;
    return GP_INCREF(referent ? referent : gp_None);
}

static intptr_t weakref_hash(gp_object_t *self)
{
    weakref_t *wr = (weakref_t *)self;
    if (wr->hash != -1)
        return wr->hash;
    if (wr->referent == NULL) {
        gp_err_set_string(&gp_exc_TypeError, "weak object has gone away");
        return -1;
    }
    gp_object_t *referent = GP_INCREF(wr->referent);
    intptr_t h = gp_object_hash(referent);
    GP_DECREF(referent);
    if (h != -1)
        wr->hash = h;
    return h;
}

/* Two live references compare as their referents; once either died, only
   a reference is equal to itself. Ordering is not defined. */
static gp_object_t *weakref_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if ((op != GP_CMP_EQ && op != GP_CMP_NE) || !is_ref(a) || !is_ref(b))
        return GP_INCREF(gp_NotImplemented);
    gp_object_t *ra = ((weakref_t *)a)->referent, *rb = ((weakref_t *)b)->referent;
    if (ra == NULL || rb == NULL)
        return gp_bool_from((a == b) == (op == GP_CMP_EQ));
    GP_INCREF(ra);
    GP_INCREF(rb);
    gp_object_t *res = gp_object_richcompare(ra, rb, op);
    GP_DECREF(ra);
    GP_DECREF(rb);
    return res;
}

static gp_object_t *weakref_repr(gp_object_t *self)
{
    gp_object_t *referent = ((weakref_t *)self)->referent;
    if (referent == NULL)
        return gp_str_from_format("<weakref at %p; dead>", (void *)self);
    GP_INCREF(referent);
    /* __name__ is looked up on the type, as CPython does since gh-99184, so
       an instance's __getattr__ is not consulted (nor can it fail the repr):
       functions and classes have one, ordinary instances do not. */
    gp_object_t *name = NULL;
    gp_object_t *descr = gp_type_lookup(GP_TYPE(referent), gp_str_static("__name__"));
    if (descr != NULL) {
        GP_INCREF(descr);
        gp_type_t *dt = GP_TYPE(descr);
        name = dt->descr_get ? dt->descr_get(descr, referent, (gp_object_t *)GP_TYPE(referent))
                             : GP_INCREF(descr);
        GP_DECREF(descr);
        if (name == NULL)
            gp_err_clear();
    }
    gp_object_t *res = NULL;
    if (name != NULL && gp_str_check(name))
        res = gp_str_from_format("<weakref at %p; to '%s' at %p (%U)>", (void *)self,
                                 GP_TYPE(referent)->name, (void *)referent, name);
    else
        res = gp_str_from_format("<weakref at %p; to '%s' at %p>", (void *)self,
                                 GP_TYPE(referent)->name, (void *)referent);
    GP_XDECREF(name);
    GP_DECREF(referent);
    return res;
}

static gp_object_t *weakref_get_callback(gp_object_t *self, void *closure)
{
    gp_object_t *callback = ((weakref_t *)self)->callback;
    return GP_INCREF(callback ? callback : gp_None);
}

static gp_object_t *weakref_class_getitem(gp_object_t *cls, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("__class_getitem__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_generic_alias_new(cls, args[0]);
}

static const gp_getset_def_t weakref_getsets[] = {
    {"__callback__", weakref_get_callback, NULL, NULL,
     "The function called when the referent dies, or None."},
    {NULL, NULL, NULL, NULL, NULL},
};

static const gp_method_def_t weakref_methods[] = {
    {"__class_getitem__", weakref_class_getitem, GP_METH_CLASS,
     "ref[T] as a generic alias, for annotations."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_weakref_ref_type = {
    GP_TYPE_HEAD_INIT,
    .name = "weakref.ReferenceType",
    .basicsize = sizeof(weakref_t),
    .flags = GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC,
    .dealloc = weakref_dealloc,
    .new_ = weakref_new_,
    .init = weakref_init,
    .repr = weakref_repr,
    .hash = weakref_hash,
    .richcompare = weakref_richcompare,
    .call = weakref_call,
    .traverse = weakref_traverse,
    .clear = weakref_clear,
    .methods = weakref_methods,
    .getsets = weakref_getsets,
    .doc = "A reference to an object that does not keep it alive; call it to get the "
           "object, or None once the object is gone.",
};

/* ------------------------------------------------------------------ */
/* ProxyType and CallableProxyType                                      */
/* ------------------------------------------------------------------ */

/* The live referent behind [o] as a new reference when [o] is a proxy, [o]
   itself (new reference) otherwise; NULL with ReferenceError for a dead
   proxy. Holding the reference keeps the referent alive while an operation
   runs, even if the operation drops the last other reference to it. */
static gp_object_t *proxy_unwrap(gp_object_t *o)
{
    if (!is_proxy(o))
        return GP_INCREF(o);
    gp_object_t *referent = ((weakref_t *)o)->referent;
    if (referent == NULL) {
        gp_err_set_string(&gp_exc_ReferenceError, "weakly-referenced object no longer exists");
        return NULL;
    }
    return GP_INCREF(referent);
}

/* Each forwarding function below has the same shape: unwrap, forward, release.
   The macros keep that shape in one place. */
#define PROXY_FORWARD_1(fn, ret_t, fail, call)                                                    \
    static ret_t fn(gp_object_t *self)                                                             \
    {                                                                                              \
        gp_object_t *o = proxy_unwrap(self);                                                       \
        if (o == NULL)                                                                             \
            return fail;                                                                           \
        ret_t res = call;                                                                          \
        GP_DECREF(o);                                                                              \
        return res;                                                                                \
    }

PROXY_FORWARD_1(proxy_str, gp_object_t *, NULL, gp_object_str(o))
PROXY_FORWARD_1(proxy_to_bool, int, -1, gp_object_is_true(o))
PROXY_FORWARD_1(proxy_to_int, gp_object_t *, NULL, gp_number_int(o))
PROXY_FORWARD_1(proxy_to_float, gp_object_t *, NULL, gp_number_float(o))
PROXY_FORWARD_1(proxy_to_index, gp_object_t *, NULL, gp_number_index(o))
PROXY_FORWARD_1(proxy_len, intptr_t, -1, gp_object_len(o))
PROXY_FORWARD_1(proxy_iter, gp_object_t *, NULL, gp_object_iter(o))

static gp_object_t *proxy_iternext(gp_object_t *self)
{
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return NULL;
    gp_object_t *res = NULL;
    gp_type_t *t = GP_TYPE(o);
    if (t->iternext == NULL)
        gp_err_format(&gp_exc_TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                      t->name);
    else
        res = t->iternext(o);
    GP_DECREF(o);
    return res;
}

/* A dead proxy prints its referent as None, which is what CPython shows. */
static gp_object_t *proxy_repr(gp_object_t *self)
{
    gp_object_t *referent = ((weakref_t *)self)->referent;
    if (referent == NULL)
        referent = gp_None;
    return gp_str_from_format("<weakproxy at %p to %s at %p>", (void *)self,
                              GP_TYPE(referent)->name, (void *)referent);
}

static gp_object_t *proxy_getattr(gp_object_t *self, gp_object_t *name)
{
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return NULL;
    gp_object_t *res = gp_object_getattr(o, name);
    GP_DECREF(o);
    return res;
}

static int proxy_setattr(gp_object_t *self, gp_object_t *name, gp_object_t *value)
{
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return -1;
    int rc = value ? gp_object_setattr(o, name, value) : gp_object_delattr(o, name);
    GP_DECREF(o);
    return rc;
}

static gp_object_t *proxy_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    gp_object_t *ua = proxy_unwrap(a);
    gp_object_t *ub = ua ? proxy_unwrap(b) : NULL;
    gp_object_t *res = ub ? gp_object_richcompare(ua, ub, op) : NULL;
    GP_XDECREF(ua);
    GP_XDECREF(ub);
    return res;
}

/* Either operand may be the proxy; the full dispatch then runs again on the
   referents, so reflected operators and their errors are the referent's. */
static gp_object_t *proxy_binop(gp_object_t *a, gp_object_t *b, int op)
{
    gp_object_t *ua = proxy_unwrap(a);
    gp_object_t *ub = ua ? proxy_unwrap(b) : NULL;
    gp_object_t *res = ub ? gp_number_binop(ua, ub, op) : NULL;
    GP_XDECREF(ua);
    GP_XDECREF(ub);
    return res;
}

static gp_object_t *proxy_pow3(gp_object_t *a, gp_object_t *b, gp_object_t *mod)
{
    gp_object_t *ua = proxy_unwrap(a);
    gp_object_t *ub = ua ? proxy_unwrap(b) : NULL;
    gp_object_t *um = ub ? proxy_unwrap(mod) : NULL;
    gp_object_t *res = um ? gp_number_pow3(ua, ub, um) : NULL;
    GP_XDECREF(ua);
    GP_XDECREF(ub);
    GP_XDECREF(um);
    return res;
}

static gp_object_t *proxy_unop(gp_object_t *self, gp_unop_t op)
{
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return NULL;
    gp_object_t *res = gp_number_unop(o, op);
    GP_DECREF(o);
    return res;
}

static gp_object_t *proxy_getitem(gp_object_t *self, gp_object_t *key)
{
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return NULL;
    gp_object_t *res = gp_object_getitem(o, key);
    GP_DECREF(o);
    return res;
}

static int proxy_setitem(gp_object_t *self, gp_object_t *key, gp_object_t *value)
{
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return -1;
    int rc = value ? gp_object_setitem(o, key, value) : gp_object_delitem(o, key);
    GP_DECREF(o);
    return rc;
}

static int proxy_contains(gp_object_t *self, gp_object_t *value)
{
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return -1;
    int rc = gp_object_contains(o, value);
    GP_DECREF(o);
    return rc;
}

static gp_object_t *proxy_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return NULL;
    gp_object_t *res = gp_object_call(o, args, nargs, kwnames);
    GP_DECREF(o);
    return res;
}

static gp_object_t *proxy_bytes(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("__bytes__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return NULL;
    gp_object_t *res = gp_object_call1((gp_object_t *)&gp_bytes_type, o);
    GP_DECREF(o);
    return res;
}

static gp_object_t *proxy_reversed(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("__reversed__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *o = proxy_unwrap(self);
    if (o == NULL)
        return NULL;
    gp_object_t *res = gp_object_call_method(o, "__reversed__", NULL, 0);
    GP_DECREF(o);
    return res;
}

static const gp_method_def_t proxy_methods[] = {
    {"__bytes__", proxy_bytes, 0, "bytes() of the referent."},
    {"__reversed__", proxy_reversed, 0, "reversed() of the referent."},
    {NULL, NULL, 0, NULL},
};

/* The two proxy types differ only in being callable, which is decided once,
   from the referent, when the proxy is made: callable(proxy) must not
   change over the proxy's life. */
#define PROXY_TYPE_SLOTS                                                                           \
    .basicsize = sizeof(weakref_t), .flags = GP_TYPE_FLAG_GC, .dealloc = weakref_dealloc,          \
    .repr = proxy_repr, .str = proxy_str, .hash = gp_object_hash_not_implemented,                  \
    .richcompare = proxy_richcompare, .getattr = proxy_getattr, .setattr = proxy_setattr,          \
    .iter = proxy_iter, .iternext = proxy_iternext, .binop = proxy_binop, .pow3 = proxy_pow3,      \
    .unop = proxy_unop, .to_bool = proxy_to_bool, .to_int = proxy_to_int,                          \
    .to_float = proxy_to_float, .to_index = proxy_to_index, .len = proxy_len,                      \
    .getitem = proxy_getitem, .setitem = proxy_setitem, .contains = proxy_contains,                \
    .traverse = weakref_traverse, .clear = weakref_clear, .methods = proxy_methods

gp_type_t gp_weakref_proxy_type = {
    GP_TYPE_HEAD_INIT,
    .name = "weakref.ProxyType",
    PROXY_TYPE_SLOTS,
    .doc = "A stand-in that forwards every operation to an object it does not keep alive.",
};

gp_type_t gp_weakref_callable_proxy_type = {
    GP_TYPE_HEAD_INIT,
    .name = "weakref.CallableProxyType",
    PROXY_TYPE_SLOTS,
    .call = proxy_call,
    .doc = "A proxy whose referent can be called.",
};

/* ------------------------------------------------------------------ */
/* Which builtin types can be weakly referenced                          */
/* ------------------------------------------------------------------ */

void gp_weakref_mark_builtin_types(void)
{
    /* CPython's list, minus what gilpy does not have. Instances of classes
       written in Python get the flag in gp_type_new_class; type objects keep
       their list in gp_type_t and need no flag. */
    gp_type_t *types[] = {
        &gp_function_type,  &gp_method_type,    &gp_cfunction_type, &gp_set_type,
        &gp_frozenset_type, &gp_generator_type, &gp_coroutine_type, &gp_async_generator_type,
        &gp_module_type,    &gp_code_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        types[i]->flags |= GP_TYPE_FLAG_WEAKREFABLE;
}

/* ------------------------------------------------------------------ */
/* The _weakref module                                                  */
/* ------------------------------------------------------------------ */

static gp_object_t *mod_getweakrefcount(gp_object_t *module, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("getweakrefcount", nargs, kwnames, 1, 1) < 0)
        return NULL;
    weakref_t **head = list_head(args[0]);
    int64_t count = 0;
    for (weakref_t *wr = head ? *head : NULL; wr != NULL; wr = wr->next)
        count++;
    return gp_int_from_i64(count);
}

static gp_object_t *mod_getweakrefs(gp_object_t *module, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("getweakrefs", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *list = gp_list_new(0);
    weakref_t **head = list_head(args[0]);
    for (weakref_t *wr = head ? *head : NULL; list != NULL && wr != NULL; wr = wr->next) {
        if (gp_list_append(list, &wr->base) < 0)
            GP_CLEAR(list);
    }
    return list;
}

static gp_object_t *mod_proxy(gp_object_t *module, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (gp_args_check("proxy", nargs, kwnames, 1, 2) < 0)
        return NULL;
    gp_type_t *type = gp_object_is_callable(args[0]) ? &gp_weakref_callable_proxy_type
                                                     : &gp_weakref_proxy_type;
    return weakref_create(type, args[0], nargs == 2 ? args[1] : NULL);
}

/* _remove_dead_weakref(dict, key): deletes dict[key] only if it still holds
   a dead weak reference. WeakValueDictionary's callbacks use it so that a
   value stored again under the same key survives the old value's death. */
static gp_object_t *mod_remove_dead_weakref(gp_object_t *module, gp_object_t *const *args,
                                            size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_remove_dead_weakref", nargs, kwnames, 2, 2) < 0)
        return NULL;
    if (!gp_dict_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                      GP_TYPE(args[0])->name);
        return NULL;
    }
    gp_object_t *value = gp_dict_getitem(args[0], args[1]);
    if (value == NULL) {
        if (gp_err_occurred())
            return NULL;
        return gp_none_new();
    }
    if (is_ref(value) && ((weakref_t *)value)->referent == NULL &&
        gp_dict_delitem(args[0], args[1]) < 0) {
        if (!gp_err_matches(&gp_exc_KeyError))
            return NULL;
        gp_err_clear();
    }
    return gp_none_new();
}

static const gp_method_def_t weakref_functions[] = {
    {"getweakrefcount", mod_getweakrefcount, 0, "The number of weak references to an object."},
    {"getweakrefs", mod_getweakrefs, 0, "A list of the weak references to an object."},
    {"proxy", mod_proxy, 0, "A proxy to an object that does not keep it alive."},
    {"_remove_dead_weakref", mod_remove_dead_weakref, 0,
     "Delete dict[key] if it is a dead weak reference."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_weakref_module_create(void)
{
    gp_type_t *types[] = {&gp_weakref_ref_type, &gp_weakref_proxy_type,
                          &gp_weakref_callable_proxy_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (gp_type_ready(types[i]) < 0)
            return NULL;
    gp_object_t *m = gp_module_new("_weakref");
    if (m == NULL)
        return NULL;
    if (gp_module_add_functions(m, weakref_functions) < 0 ||
        gp_module_add_object(m, "ref", (gp_object_t *)&gp_weakref_ref_type) < 0 ||
        gp_module_add_object(m, "ReferenceType", (gp_object_t *)&gp_weakref_ref_type) < 0 ||
        gp_module_add_object(m, "ProxyType", (gp_object_t *)&gp_weakref_proxy_type) < 0 ||
        gp_module_add_object(m, "CallableProxyType",
                             (gp_object_t *)&gp_weakref_callable_proxy_type) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
