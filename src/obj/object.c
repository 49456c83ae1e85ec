/*
 * object.c - allocation and the abstract object protocol.
 *
 * Design notes
 * ------------
 * Everything the rest of gilpy does to "some object" goes through here:
 * repr, hashing, comparison, attribute access, calls, subscripts, iteration
 * and arithmetic. Each operation follows the same shape, kept deliberately
 * close to CPython's abstract.c so that its corner cases (reflected
 * operands, subclass priority, identity fallback for ==) come out the same:
 *
 *   1. a fast path for the exact builtin types that dominate real programs
 *      (unboxed small ints, exact str), which never touches a slot;
 *   2. a dispatch through the type's C slot, which for classes written in
 *      Python is a generic slot that calls the dunder method (slots.c);
 *   3. a fallback or a TypeError worded exactly as CPython words it.
 *
 * Small ints have no header, so nothing here dereferences an object before
 * asking GP_TYPE() for its type.
 *
 * Allocation lays out the optional prefix described in object.h: a
 * weak-reference list, a managed __dict__ pointer, then a gc head, then the
 * object. gp_object_alloc and
 * gp_object_free compute the prefix from the instance's type, which is what
 * lets a subclass add a __dict__ to a builtin layout.
 */
#include <stdio.h>
#include <string.h>

#include "obj/containers.h"
#include "obj/genericalias.h"
#include "obj/int.h"
#include "obj/object.h"
#include "obj/type.h"
#include "obj/weakref.h"
#include "runtime/runtime.h"
#include "vm/vm.h"

/* ------------------------------------------------------------------ */
/* Allocation                                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *object_alloc(gp_type_t *type, size_t nitems, bool zero_items)
{
    size_t prefix = gp_object_alloc_prefix_size(type);
    size_t size = type->basicsize;
    if (type->itemsize) {
        if (nitems > (SIZE_MAX - size - prefix) / type->itemsize) {
            gp_err_no_memory();
            return NULL;
        }
        size += nitems * type->itemsize;
    }
    if (size < sizeof(gp_object_t))
        size = sizeof(gp_object_t);
    char *mem;
    if (zero_items) {
        mem = gp_mem_calloc(1, prefix + size);
    } else {
        mem = gp_mem_alloc(prefix + size);
        if (mem != NULL)
            memset(mem, 0, prefix + type->basicsize);
    }
    if (mem == NULL) {
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *o = (gp_object_t *)(mem + prefix);
    o->refcnt = 1;
    o->type = type;
    if (type->flags & GP_TYPE_FLAG_HEAPTYPE)
        GP_INCREF((gp_object_t *)type);
    if (type->itemsize)
        ((gp_varobject_t *)o)->size = (intptr_t)nitems;
    return o;
}

gp_object_t *gp_object_alloc(gp_type_t *type, size_t nitems)
{
    return object_alloc(type, nitems, true);
}

gp_object_t *gp_object_alloc_items_unset(gp_type_t *type, size_t nitems)
{
    return object_alloc(type, nitems, false);
}

/* On failure the original object is left untouched and still owned by the
   caller, so it can be released on the caller's normal error path. */
gp_object_t *gp_object_resize(gp_object_t *o, size_t nitems)
{
    gp_type_t *type = o->type;
    size_t prefix = gp_object_alloc_prefix_size(type);
    size_t size = type->basicsize;
    if (type->itemsize) {
        if (nitems > (SIZE_MAX - size - prefix) / type->itemsize) {
            gp_err_no_memory();
            return NULL;
        }
        size += nitems * type->itemsize;
    }
    /* A tracked object's gc head is linked into the collector's list, and
       realloc may move it: unlink first, relink at the new address. */
    bool tracked = gp_object_is_gc(o) && GP_GC_HEAD(o)->next != NULL;
    if (tracked)
        gp_gc_untrack(o);
    char *mem = gp_mem_realloc((char *)o - prefix, prefix + size);
    if (mem == NULL) {
        if (tracked)
            gp_gc_track(o);
        gp_err_no_memory();
        return NULL;
    }
    o = (gp_object_t *)(mem + prefix);
    if (type->itemsize)
        ((gp_varobject_t *)o)->size = (intptr_t)nitems;
    if (tracked)
        gp_gc_track(o);
    return o;
}

void gp_object_free(gp_object_t *o)
{
    gp_type_t *type = o->type;
    if (gp_object_is_gc(o) && GP_GC_HEAD(o)->next != NULL)
        gp_gc_untrack(o);
    gp_mem_free((char *)o - gp_object_alloc_prefix_size(type));
}

gp_object_t **gp_object_dict_ptr(gp_object_t *o)
{
    if (GP_IS_SMALL(o) || !(o->type->flags & GP_TYPE_FLAG_MANAGED_DICT))
        return NULL;
    return (gp_object_t **)((char *)o - gp_object_prefix_size(o->type));
}

gp_object_t **gp_object_instance_dict(gp_object_t *o)
{
    if (GP_IS_SMALL(o))
        return NULL;
    unsigned flags = o->type->flags;
    if (flags & GP_TYPE_FLAG_MANAGED_DICT)
        return (gp_object_t **)((char *)o - gp_object_prefix_size(o->type));
    if (flags & GP_TYPE_FLAG_EXC_SUBCLASS)
        return &((gp_exception_t *)o)->dict;
    return NULL;
}

void gp_object_dealloc(gp_object_t *o)
{
    gp_type_t *type = o->type;
    /* Weak references die with their referent. For builtin weak-referenceable
       types this is the only hook; instances of Python classes clear theirs
       in gp_subtype_dealloc, after __del__ (which may still use them), and
       type objects in type_dealloc. Objects that cannot be weakly referenced
       pay one test of flags the dealloc call below loads anyway. */
    if ((type->flags & (GP_TYPE_FLAG_WEAKREFABLE | GP_TYPE_FLAG_HEAPTYPE)) ==
        GP_TYPE_FLAG_WEAKREFABLE) {
        gp_object_t **list = gp_object_weaklist_ptr(o);
        if (*list != NULL)
            gp_weakref_clear_referent(o);
    }
    type->dealloc(o);
}

/* ------------------------------------------------------------------ */
/* Call helpers                                                         */
/* ------------------------------------------------------------------ */

gp_object_t *gp_call_prepend(gp_object_t *callable, gp_object_t *self, gp_object_t *const *args,
                             size_t nargs, gp_object_t *kwnames)
{
    size_t total = nargs + gp_kwcount(kwnames);
    gp_object_t *small[8];
    gp_object_t **stack = small;
    if (total + 1 > sizeof(small) / sizeof(small[0])) {
        stack = gp_mem_alloc((total + 1) * sizeof(gp_object_t *));
        if (stack == NULL) {
            gp_err_no_memory();
            return NULL;
        }
    }
    stack[0] = self;
    if (total)
        memcpy(stack + 1, args, total * sizeof(gp_object_t *));
    gp_object_t *res = gp_object_call(callable, stack, nargs + 1, kwnames);
    if (stack != small)
        gp_mem_free(stack);
    return res;
}

gp_object_t *gp_descr_bind(gp_object_t *descr, gp_object_t *obj)
{
    gp_type_t *dt = GP_TYPE(descr);
    if (dt->descr_get)
        return dt->descr_get(descr, obj, (gp_object_t *)GP_TYPE(obj));
    return GP_INCREF(descr);
}

gp_object_t *gp_call_special(gp_object_t *self, gp_object_t *name, gp_object_t *const *args,
                             size_t nargs, bool *found)
{
    gp_object_t *descr = gp_type_lookup(GP_TYPE(self), name);
    if (descr == NULL) {
        *found = false;
        return NULL;
    }
    *found = true;
    /* A dunder written in Python (the usual case: __add__, __eq__, __hash__
       of a class) goes straight to the function's vectorcall with self
       prepended on the C stack, skipping the generic call layers below. */
    if (GP_TYPE(descr) == &gp_function_type && nargs < 4) {
        gp_object_t *stack[4];
        stack[0] = self;
        for (size_t i = 0; i < nargs; i++)
            stack[i + 1] = args[i];
        GP_INCREF(descr);
        gp_object_t *res = gp_function_vectorcall(descr, stack, nargs + 1, NULL);
        GP_DECREF(descr);
        return res;
    }
    /* Plain functions are called with self prepended, which is what binding
       would do, without allocating the bound method. */
    if (gp_is_method_like(descr)) {
        GP_INCREF(descr);
        gp_object_t *res = gp_call_prepend(descr, self, args, nargs, NULL);
        GP_DECREF(descr);
        return res;
    }
    gp_object_t *bound = gp_descr_bind(descr, self);
    if (bound == NULL)
        return NULL;
    gp_object_t *res = gp_object_call(bound, args, nargs, NULL);
    GP_DECREF(bound);
    return res;
}

/* ------------------------------------------------------------------ */
/* repr, str, ascii, format                                             */
/* ------------------------------------------------------------------ */

gp_object_t *gp_object_default_repr(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->flags & GP_TYPE_FLAG_HEAPTYPE) {
        gp_object_t *mod = t->dict ? gp_dict_getitem_cstr(t->dict, "__module__") : NULL;
        gp_object_t *qual = t->qualname;
        if (mod && gp_str_check(mod) && !gp_str_eq_cstr(mod, "builtins"))
            return gp_str_from_format("<%U.%U object at %p>", mod,
                                      qual ? qual : gp_str_static(t->name), (void *)o);
        return gp_str_from_format("<%U object at %p>", qual ? qual : gp_str_static(t->name),
                                  (void *)o);
    }
    return gp_str_from_format("<%s object at %p>", t->name, (void *)o);
}

gp_object_t *gp_object_repr(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->repr == NULL)
        return gp_object_default_repr(o);
    if (gp_recursion_enter(" while getting the repr of an object") < 0)
        return NULL;
    gp_object_t *res = t->repr(o);
    gp_recursion_leave();
    if (res != NULL && !gp_str_check(res)) {
        gp_err_format(&gp_exc_TypeError, "__repr__ returned non-string (type %T)", res);
        GP_DECREF(res);
        return NULL;
    }
    return res;
}

gp_object_t *gp_object_default_str(gp_object_t *o)
{
    /* Through gp_object_repr() for its depth count: a class whose __repr__
       is object.__str__ would otherwise recurse without bound. */
    return gp_object_repr(o);
}

gp_object_t *gp_object_str(gp_object_t *o)
{
    if (gp_str_check_exact(o))
        return GP_INCREF(o);
    gp_type_t *t = GP_TYPE(o);
    if (t->str == NULL)
        return gp_object_repr(o);
    if (gp_recursion_enter(" while getting the str of an object") < 0)
        return NULL;
    gp_object_t *res = t->str(o);
    gp_recursion_leave();
    if (res != NULL && !gp_str_check(res)) {
        gp_err_format(&gp_exc_TypeError, "__str__ returned non-string (type %T)", res);
        GP_DECREF(res);
        return NULL;
    }
    return res;
}

/* Decodes one UTF-8 sequence of valid text; returns its length. */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] < 0xE0) {
        *cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if (s[0] < 0xF0) {
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
          ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}

gp_object_t *gp_object_ascii(gp_object_t *o)
{
    gp_object_t *r = gp_object_repr(o);
    if (r == NULL || gp_str_is_ascii(r))
        return r;
    const unsigned char *s = (const unsigned char *)gp_str_utf8(r);
    size_t n = gp_str_utf8_len(r), i = 0;
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    while (i < n) {
        uint32_t cp;
        i += utf8_decode(s + i, &cp);
        if (cp < 0x80) {
            gp_strbuf_append_char(&b, (char)cp);
            continue;
        }
        char esc[16];
        snprintf(esc, sizeof(esc),
                 cp < 0x100     ? "\\x%02x"
                 : cp < 0x10000 ? "\\u%04x"
                                : "\\U%08x",
                 (unsigned)cp);
        gp_strbuf_append_cstr(&b, esc);
    }
    GP_DECREF(r);
    return gp_strbuf_finish(&b);
}

gp_object_t *gp_object_format(gp_object_t *o, gp_object_t *spec)
{
    if (spec != NULL && !gp_str_check(spec)) {
        gp_err_format(&gp_exc_TypeError, "format() argument 2 must be str, not %T", spec);
        return NULL;
    }
    size_t spec_len = spec ? gp_str_utf8_len(spec) : 0;
    /* The exact builtin types format themselves without a method lookup. */
    if (GP_IS_SMALL(o) || GP_IS_TYPE(o, gp_int_type)) {
        if (spec_len == 0)
            return gp_object_str(o);
        return gp_int_format(o, gp_str_utf8(spec), spec_len);
    }
    if (gp_str_check_exact(o)) {
        if (spec_len == 0)
            return GP_INCREF(o);
        return gp_str_format_spec(o, gp_str_utf8(spec), spec_len);
    }
    if (GP_IS_TYPE(o, gp_float_type))
        return gp_float_format(o, spec ? gp_str_utf8(spec) : "", spec_len);
    gp_object_t *arg = spec ? spec : gp_str_static("");
    bool found;
    gp_object_t *res = gp_call_special(o, gp_str_static("__format__"), &arg, 1, &found);
    if (!found) {
        gp_err_format(&gp_exc_TypeError, "Type %N doesn't define __format__", GP_TYPE(o));
        return NULL;
    }
    if (res != NULL && !gp_str_check(res)) {
        gp_err_format(&gp_exc_TypeError, "__format__ must return a str, not %T", res);
        GP_DECREF(res);
        return NULL;
    }
    return res;
}

/* ------------------------------------------------------------------ */
/* Hashing and truth                                                    */
/* ------------------------------------------------------------------ */

intptr_t gp_object_default_hash(gp_object_t *o)
{
    /* The low bits of an address are always zero; rotate them away so that
       consecutive objects spread over a hash table. */
    uintptr_t y = (uintptr_t)o;
    y = (y >> 4) | (y << (8 * sizeof(uintptr_t) - 4));
    intptr_t h = (intptr_t)y;
    return h == -1 ? -2 : h;
}

intptr_t gp_object_hash_not_implemented(gp_object_t *o)
{
    gp_err_format(&gp_exc_TypeError, "unhashable type: '%s'", GP_TYPE(o)->name);
    return -1;
}

#define HASH_MODULUS (((intptr_t)1 << 61) - 1)

intptr_t gp_object_hash(gp_object_t *o)
{
    if (GP_IS_SMALL(o)) {
        intptr_t v = GP_SMALL_VALUE(o);
        if (v > -HASH_MODULUS && v < HASH_MODULUS)
            return v == -1 ? -2 : v;
        return gp_int_hash(o);
    }
    if (o->type == &gp_str_type)
        return gp_str_hash(o);
    gp_type_t *t = o->type;
    if (t->hash == NULL && !(t->flags & GP_TYPE_FLAG_READY) && gp_type_ready(t) < 0)
        return -1;
    if (t->hash == NULL)
        return gp_object_hash_not_implemented(o);
    return t->hash(o);
}

int gp_object_is_true(gp_object_t *o)
{
    if (o == gp_True)
        return 1;
    if (o == gp_False || o == gp_None)
        return 0;
    if (GP_IS_SMALL(o))
        return GP_SMALL_VALUE(o) != 0;
    gp_type_t *t = o->type;
    if (t->to_bool)
        return t->to_bool(o);
    if (t->len) {
        intptr_t n = t->len(o);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* Rich comparison                                                      */
/* ------------------------------------------------------------------ */

static const gp_cmpop_t cmp_swapped[] = {GP_CMP_GT, GP_CMP_GE, GP_CMP_EQ,
                                         GP_CMP_NE, GP_CMP_LT, GP_CMP_LE};
static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

static gp_object_t *richcompare_slots(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    gp_type_t *ta = GP_TYPE(a), *tb = GP_TYPE(b);
    bool checked_reverse = false;
    gp_object_t *res;
    /* A subclass that overrides the comparison gets the first word, so that
       its reflected method can refine the base class's answer. */
    if (ta != tb && tb->richcompare && gp_type_is_subtype(tb, ta)) {
        checked_reverse = true;
        res = tb->richcompare(b, a, cmp_swapped[op]);
        if (res != gp_NotImplemented)
            return res;
        GP_DECREF(res);
    }
    if (ta->richcompare) {
        res = ta->richcompare(a, b, op);
        if (res != gp_NotImplemented)
            return res;
        GP_DECREF(res);
    }
    if (!checked_reverse && tb->richcompare) {
        res = tb->richcompare(b, a, cmp_swapped[op]);
        if (res != gp_NotImplemented)
            return res;
        GP_DECREF(res);
    }
    /* Neither side knows: == and != fall back to identity. */
    if (op == GP_CMP_EQ)
        return gp_bool_from(a == b);
    if (op == GP_CMP_NE)
        return gp_bool_from(a != b);
    gp_err_format(&gp_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                  cmp_symbol[op], ta->name, tb->name);
    return NULL;
}

static bool small_compare(intptr_t x, intptr_t y, gp_cmpop_t op)
{
    switch (op) {
    case GP_CMP_LT:
        return x < y;
    case GP_CMP_LE:
        return x <= y;
    case GP_CMP_EQ:
        return x == y;
    case GP_CMP_NE:
        return x != y;
    case GP_CMP_GT:
        return x > y;
    default:
        return x >= y;
    }
}

/* Is [o] an int of the exact int type (small or big), not a subclass? */
static inline bool richcompare_is_exact_int(gp_object_t *o)
{
    return GP_IS_SMALL(o) || o->type == &gp_int_type;
}

gp_object_t *gp_object_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b))
        return gp_bool_from(small_compare(GP_SMALL_VALUE(a), GP_SMALL_VALUE(b), op));
    /* Two exact ints, one of them big (range checks against constants
       past 2**62, as datetime's): int's own slot would answer the same
       after the recursion guard and the slot dispatch, which cost more
       than the comparison. */
    if (richcompare_is_exact_int(a) && richcompare_is_exact_int(b)) {
        int c = gp_int_compare(a, b);
        return gp_bool_from(small_compare(c, 0, op));
    }
    if (gp_recursion_enter(" in comparison") < 0)
        return NULL;
    gp_object_t *res = richcompare_slots(a, b, op);
    gp_recursion_leave();
    return res;
}

int gp_object_richcompare_bool(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (a == b) {
        if (op == GP_CMP_EQ)
            return 1;
        if (op == GP_CMP_NE)
            return 0;
    }
    if (GP_IS_SMALL(a) && GP_IS_SMALL(b))
        return small_compare(GP_SMALL_VALUE(a), GP_SMALL_VALUE(b), op);
    /* Dict and set probes compare exact strs constantly: bytes decide. */
    if ((op == GP_CMP_EQ || op == GP_CMP_NE) && gp_str_check_exact(a) && gp_str_check_exact(b)) {
        size_t n = gp_str_utf8_len(a);
        bool eq = n == gp_str_utf8_len(b) && memcmp(gp_str_utf8(a), gp_str_utf8(b), n) == 0;
        return op == GP_CMP_EQ ? eq : !eq;
    }
    gp_object_t *res = gp_object_richcompare(a, b, op);
    if (res == NULL)
        return -1;
    int truth = res == gp_True ? 1 : res == gp_False ? 0 : gp_object_is_true(res);
    GP_DECREF(res);
    return truth;
}

int gp_object_eq(gp_object_t *a, gp_object_t *b)
{
    return gp_object_richcompare_bool(a, b, GP_CMP_EQ);
}

/* object's own comparison: identity for ==, and != as the negation of ==. */
gp_object_t *gp_object_richcompare_default(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (op == GP_CMP_EQ)
        return GP_INCREF(a == b ? gp_True : gp_NotImplemented);
    if (op == GP_CMP_NE) {
        gp_type_t *ta = GP_TYPE(a);
        if (ta->richcompare == NULL)
            return GP_INCREF(gp_NotImplemented);
        gp_object_t *res = ta->richcompare(a, b, GP_CMP_EQ);
        if (res == NULL || res == gp_NotImplemented)
            return res;
        int truth = gp_object_is_true(res);
        GP_DECREF(res);
        if (truth < 0)
            return NULL;
        return gp_bool_from(!truth);
    }
    return GP_INCREF(gp_NotImplemented);
}

/* ------------------------------------------------------------------ */
/* Attributes                                                           */
/* ------------------------------------------------------------------ */

void gp_err_no_attribute(gp_object_t *o, gp_object_t *name)
{
    /* The name may only have looked absent: its type's dict could not be
       filled for want of memory. */
    if (gp_type_lookup_ran_out(GP_TYPE(o), name)) {
        gp_err_no_memory();
        return;
    }
    gp_err_format(&gp_exc_AttributeError, "'%s' object has no attribute '%U'",
                  GP_TYPE(o)->name, name);
    /* name and obj let the traceback printer suggest a close match. The
       exception is taken out while they are stored, so that nothing on the
       way can clear or replace it. */
    gp_object_t *exc = gp_err_fetch();
    if (exc != NULL && GP_TYPE(exc) == &gp_exc_AttributeError) {
        gp_object_t **dict = &((gp_exception_t *)exc)->dict;
        if (*dict == NULL)
            *dict = gp_dict_new();
        if (*dict == NULL || gp_dict_setitem(*dict, gp_str_static("name"), name) < 0 ||
            gp_dict_setitem(*dict, gp_str_static("obj"), o) < 0) {
            GP_DECREF(exc);
            gp_err_clear();
            gp_err_no_memory();
            return;
        }
    }
    gp_err_restore(exc);
}

gp_object_t *gp_object_generic_getattr_ex(gp_object_t *o, gp_object_t *name, bool suppress)
{
    gp_type_t *t = GP_TYPE(o);
    gp_object_t *res = NULL;
    gp_object_t *descr = gp_type_lookup(t, name);
    gp_object_t *(*get)(gp_object_t *, gp_object_t *, gp_object_t *) = NULL;
    if (descr != NULL) {
        /* The descriptor could be removed from the class while it runs. */
        GP_INCREF(descr);
        get = GP_TYPE(descr)->descr_get;
        if (get != NULL && GP_TYPE(descr)->descr_set != NULL) {
            res = get(descr, o, (gp_object_t *)t);
            goto done;
        }
    }
    gp_object_t **dictp = gp_object_instance_dict(o);
    if (dictp != NULL && *dictp != NULL) {
        gp_object_t *dict = GP_INCREF(*dictp);
        res = gp_dict_getitem(dict, name);
        GP_XINCREF(res);
        GP_DECREF(dict);
        if (res != NULL || gp_err_occurred())
            goto done;
    }
    if (get != NULL) {
        res = get(descr, o, (gp_object_t *)t);
        goto done;
    }
    if (descr != NULL) {
        res = descr;
        descr = NULL;
        goto done;
    }
    if (!suppress)
        gp_err_no_attribute(o, name);
done:
    GP_XDECREF(descr);
    if (res == NULL && suppress && gp_err_matches(&gp_exc_AttributeError))
        gp_err_clear();
    return res;
}

gp_object_t *gp_object_generic_getattr(gp_object_t *o, gp_object_t *name)
{
    return gp_object_generic_getattr_ex(o, name, false);
}

int gp_object_generic_setattr(gp_object_t *o, gp_object_t *name, gp_object_t *value)
{
    gp_type_t *t = GP_TYPE(o);
    gp_object_t *descr = gp_type_lookup(t, name);
    if (descr != NULL && GP_TYPE(descr)->descr_set != NULL) {
        GP_INCREF(descr);
        int rc = GP_TYPE(descr)->descr_set(descr, o, value);
        GP_DECREF(descr);
        return rc;
    }
    gp_object_t **dictp = gp_object_instance_dict(o);
    if (dictp == NULL) {
        if (descr != NULL)
            gp_err_format(&gp_exc_AttributeError, "'%s' object attribute '%U' is read-only",
                          gp_type_name(t), name);
        else
            gp_err_no_attribute(o, name);
        return -1;
    }
    if (value == NULL) {
        if (*dictp == NULL || gp_dict_contains(*dictp, name) <= 0) {
            if (!gp_err_occurred())
                gp_err_no_attribute(o, name);
            return -1;
        }
        return gp_dict_delitem(*dictp, name);
    }
    if (*dictp == NULL) {
        *dictp = gp_dict_new();
        if (*dictp == NULL)
            return -1;
    }
    return gp_dict_setitem(*dictp, name, value);
}

static bool check_attr_name(gp_object_t *name)
{
    if (gp_str_check(name))
        return true;
    gp_err_format(&gp_exc_TypeError, "attribute name must be string, not '%s'",
                  gp_type_name(GP_TYPE(name)));
    return false;
}

/* Like CPython 3.11's set_attribute_error_context: an AttributeError that
   leaves a getattr without .name and .obj (raised by a module, a class, a
   __getattr__ ...) gets them, so that the traceback printer can suggest a
   close match. */
static void attribute_error_add_context(gp_object_t *o, gp_object_t *name)
{
    if (!gp_err_matches(&gp_exc_AttributeError))
        return;
    gp_object_t *exc = gp_err_fetch();
    if (exc != NULL && gp_exc_check(exc) &&
        gp_object_isinstance_type(exc, &gp_exc_AttributeError)) {
        gp_object_t **dict = &((gp_exception_t *)exc)->dict;
        gp_object_t *old_name = *dict ? gp_dict_getitem_cstr(*dict, "name") : NULL;
        gp_object_t *old_obj = *dict ? gp_dict_getitem_cstr(*dict, "obj") : NULL;
        bool unset = (!old_name || old_name == gp_None) && (!old_obj || old_obj == gp_None);
        if (unset && *dict == NULL)
            *dict = gp_dict_new();
        if (unset && (*dict == NULL || gp_dict_setitem(*dict, gp_str_static("name"), name) < 0 ||
                      gp_dict_setitem(*dict, gp_str_static("obj"), o) < 0)) {
            GP_DECREF(exc);
            gp_err_clear();
            gp_err_no_memory();
            return;
        }
    }
    gp_err_restore(exc);
}

gp_object_t *gp_object_getattr(gp_object_t *o, gp_object_t *name)
{
    if (!check_attr_name(name))
        return NULL;
    gp_type_t *t = GP_TYPE(o);
    gp_object_t *res = t->getattr == NULL ? gp_object_generic_getattr_ex(o, name, false)
                                          : t->getattr(o, name);
    if (res == NULL)
        attribute_error_add_context(o, name);
    return res;
}

gp_object_t *gp_object_getattr_cstr(gp_object_t *o, const char *name)
{
    gp_object_t *n = gp_str_static(name);
    return n ? gp_object_getattr(o, n) : NULL;
}

gp_object_t *gp_object_getattr_opt(gp_object_t *o, gp_object_t *name)
{
    if (!check_attr_name(name))
        return NULL;
    gp_type_t *t = GP_TYPE(o);
    if (t->getattr == NULL || t->getattr == gp_object_generic_getattr)
        return gp_object_generic_getattr_ex(o, name, true);
    gp_object_t *res = t->getattr(o, name);
    if (res == NULL && gp_err_matches(&gp_exc_AttributeError))
        gp_err_clear();
    return res;
}

int gp_object_setattr(gp_object_t *o, gp_object_t *name, gp_object_t *value)
{
    if (!check_attr_name(name))
        return -1;
    gp_type_t *t = GP_TYPE(o);
    if (t->setattr == NULL)
        return gp_object_generic_setattr(o, name, value);
    return t->setattr(o, name, value);
}

int gp_object_setattr_cstr(gp_object_t *o, const char *name, gp_object_t *value)
{
    gp_object_t *n = gp_str_static(name);
    return n ? gp_object_setattr(o, n, value) : -1;
}

int gp_object_delattr(gp_object_t *o, gp_object_t *name)
{
    return gp_object_setattr(o, name, NULL);
}

int gp_object_hasattr(gp_object_t *o, gp_object_t *name)
{
    gp_object_t *v = gp_object_getattr_opt(o, name);
    if (v == NULL)
        return gp_err_occurred() ? -1 : 0;
    GP_DECREF(v);
    return 1;
}

int gp_object_get_method(gp_object_t *o, gp_object_t *name, gp_object_t **method)
{
    gp_type_t *t = GP_TYPE(o);
    *method = NULL;
    if (t->getattr != gp_object_generic_getattr || !gp_str_check_exact(name)) {
        *method = gp_object_getattr(o, name);
        return *method ? 0 : -1;
    }
    gp_object_t *descr = gp_type_lookup(t, name);
    bool meth_found = false;
    gp_object_t *(*get)(gp_object_t *, gp_object_t *, gp_object_t *) = NULL;
    if (descr != NULL) {
        GP_INCREF(descr);
        if (gp_is_method_like(descr)) {
            meth_found = true;
        } else {
            get = GP_TYPE(descr)->descr_get;
            if (get != NULL && GP_TYPE(descr)->descr_set != NULL) {
                *method = get(descr, o, (gp_object_t *)t);
                GP_DECREF(descr);
                return *method ? 0 : -1;
            }
        }
    }
    gp_object_t **dictp = gp_object_instance_dict(o);
    if (dictp != NULL && *dictp != NULL) {
        gp_object_t *attr = gp_dict_getitem(*dictp, name);
        if (attr != NULL) {
            *method = GP_INCREF(attr);
            GP_XDECREF(descr);
            return 0;
        }
        if (gp_err_occurred()) {
            GP_XDECREF(descr);
            return -1;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (get != NULL) {
        *method = get(descr, o, (gp_object_t *)t);
        GP_DECREF(descr);
        return *method ? 0 : -1;
    }
    if (descr != NULL) {
        *method = descr;
        return 0;
    }
    gp_err_no_attribute(o, name);
    return -1;
}

/* ------------------------------------------------------------------ */
/* Calls                                                                */
/* ------------------------------------------------------------------ */

gp_object_t *gp_object_call(gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames)
{
    gp_type_t *t = GP_TYPE(callable);
    if (t->call == NULL) {
        gp_err_format(&gp_exc_TypeError, "'%s' object is not callable", gp_type_name(t));
        return NULL;
    }
    if (kwnames != NULL && GP_TUPLE_SIZE(kwnames) == 0)
        kwnames = NULL;
    return t->call(callable, args, nargs, kwnames);
}

gp_object_t *gp_object_call_tuple_dict(gp_object_t *callable, gp_object_t *args,
                                       gp_object_t *kwargs)
{
    size_t nargs = args ? (size_t)GP_TUPLE_SIZE(args) : 0;
    intptr_t nkw = kwargs ? gp_dict_size(kwargs) : 0;
    if (nkw == 0)
        return gp_object_call(callable, args ? GP_TUPLE_ITEMS(args) : NULL, nargs, NULL);
    gp_object_t **stack = gp_mem_alloc((nargs + (size_t)nkw) * sizeof(gp_object_t *));
    gp_object_t *kwnames = gp_tuple_new((size_t)nkw);
    gp_object_t *res = NULL;
    if (stack == NULL || kwnames == NULL) {
        if (stack == NULL)
            gp_err_no_memory();
        goto done;
    }
    for (size_t i = 0; i < nargs; i++)
        stack[i] = GP_TUPLE_GET(args, i);
    intptr_t pos = 0, i = 0;
    gp_object_t *key, *value;
    while (gp_dict_next(kwargs, &pos, &key, &value)) {
        if (!gp_str_check(key)) {
            gp_err_set_string(&gp_exc_TypeError, "keywords must be strings");
            /* Fill the rest so the tuple can be released safely. */
            for (; i < nkw; i++)
                GP_TUPLE_SET(kwnames, i, gp_none_new());
            goto done;
        }
        GP_TUPLE_SET(kwnames, i, GP_INCREF(key));
        stack[nargs + (size_t)i] = value;
        i++;
    }
    res = gp_object_call(callable, stack, nargs, kwnames);
done:
    gp_mem_free(stack);
    GP_XDECREF(kwnames);
    return res;
}

gp_object_t *gp_object_call0(gp_object_t *callable)
{
    return gp_object_call(callable, NULL, 0, NULL);
}

gp_object_t *gp_object_call1(gp_object_t *callable, gp_object_t *arg)
{
    return gp_object_call(callable, &arg, 1, NULL);
}

gp_object_t *gp_object_call_method(gp_object_t *o, const char *name, gp_object_t *const *args,
                                   size_t nargs)
{
    gp_object_t *n = gp_str_static(name);
    if (n == NULL)
        return NULL;
    gp_object_t *method;
    int kind = gp_object_get_method(o, n, &method);
    if (kind < 0)
        return NULL;
    gp_object_t *res = kind ? gp_call_prepend(method, o, args, nargs, NULL)
                            : gp_object_call(method, args, nargs, NULL);
    GP_DECREF(method);
    return res;
}

bool gp_object_is_callable(gp_object_t *o)
{
    return GP_TYPE(o)->call != NULL;
}

/* ------------------------------------------------------------------ */
/* Subscripts, len, in                                                  */
/* ------------------------------------------------------------------ */

gp_object_t *gp_object_getitem(gp_object_t *o, gp_object_t *key)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->getitem)
        return t->getitem(o, key);
    if (gp_type_check(o)) {
        /* type[int] is built in, as in CPython: giving `type` a
           __class_getitem__ would hand it to every class through the
           metaclass. */
        if (o == (gp_object_t *)&gp_type_type)
            return gp_generic_alias_new(o, key);
        /* list[int]: a class may answer through __class_getitem__. */
        gp_object_t *meth = gp_object_getattr_opt(o, gp_str_static("__class_getitem__"));
        if (meth != NULL) {
            gp_object_t *res = gp_object_call1(meth, key);
            GP_DECREF(meth);
            return res;
        }
        if (gp_err_occurred())
            return NULL;
        gp_err_format(&gp_exc_TypeError, "type '%s' is not subscriptable",
                      gp_type_name((gp_type_t *)o));
        return NULL;
    }
    gp_err_format(&gp_exc_TypeError, "'%s' object is not subscriptable", gp_type_name(t));
    return NULL;
}

int gp_object_setitem(gp_object_t *o, gp_object_t *key, gp_object_t *value)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->setitem)
        return t->setitem(o, key, value);
    gp_err_format(&gp_exc_TypeError, "'%s' object does not support item assignment",
                  gp_type_name(t));
    return -1;
}

int gp_object_delitem(gp_object_t *o, gp_object_t *key)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->setitem)
        return t->setitem(o, key, NULL);
    /* CPython words it differently for sequences and for everything else;
       a mappingproxy reads like a sequence here but is worded as a mapping. */
    gp_err_format(&gp_exc_TypeError,
                  t->getitem && t != &gp_mappingproxy_type
                      ? "'%s' object doesn't support item deletion"
                      : "'%s' object does not support item deletion",
                  gp_type_name(t));
    return -1;
}

intptr_t gp_object_len(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->len)
        return t->len(o);
    gp_err_format(&gp_exc_TypeError, "object of type '%s' has no len()", t->name);
    return -1;
}

int gp_object_contains(gp_object_t *container, gp_object_t *value)
{
    gp_type_t *t = GP_TYPE(container);
    if (t->contains)
        return t->contains(container, value);
    if (t->iter == NULL && t->getitem == NULL) {
        gp_err_format(&gp_exc_TypeError, "argument of type '%s' is not iterable", gp_type_name(t));
        return -1;
    }
    gp_object_t *it = gp_object_iter(container);
    if (it == NULL)
        return -1;
    int found = 0;
    for (;;) {
        gp_object_t *item = gp_iter_next(it);
        if (item == NULL) {
            if (gp_err_occurred())
                found = -1;
            break;
        }
        int eq = gp_object_richcompare_bool(item, value, GP_CMP_EQ);
        GP_DECREF(item);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    GP_DECREF(it);
    return found;
}

/* ------------------------------------------------------------------ */
/* Iteration                                                            */
/* ------------------------------------------------------------------ */

/* The iterator CPython calls "iterator": iterates a sequence that only
   defines __getitem__, calling it with 0, 1, 2... until IndexError. */
typedef struct seqiter {
    gp_object_t base;
    intptr_t index;
    gp_object_t *seq; /* NULL once exhausted */
} seqiter_t;

static void seqiter_dealloc(gp_object_t *self)
{
    GP_XDECREF(((seqiter_t *)self)->seq);
    gp_object_free(self);
}

static int seqiter_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    seqiter_t *it = (seqiter_t *)self;
    return it->seq ? visit(it->seq, arg) : 0;
}

static int seqiter_clear(gp_object_t *self)
{
    GP_CLEAR(((seqiter_t *)self)->seq);
    return 0;
}

static gp_object_t *seqiter_iter(gp_object_t *self)
{
    return GP_INCREF(self);
}

static gp_object_t *seqiter_next(gp_object_t *self)
{
    seqiter_t *it = (seqiter_t *)self;
    if (it->seq == NULL)
        return NULL;
    gp_object_t *res = gp_object_getitem(it->seq, GP_SMALL_NEW(it->index));
    if (res != NULL) {
        it->index++;
        return res;
    }
    if (gp_err_matches(&gp_exc_IndexError) || gp_err_matches(&gp_exc_StopIteration)) {
        gp_err_clear();
        GP_CLEAR(it->seq);
    }
    return NULL;
}

/* Pickling support, as for the list iterator: iter(seq) advanced to the
   saved index; iter(()) once exhausted. */
static gp_object_t *seqiter_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("__reduce__", nargs, kwnames, 0, 0) < 0)
        return NULL;
    seqiter_t *it = (seqiter_t *)self;
    if (it->seq)
        return gp_seq_iterator_reduce("iter", it->seq, it->index, NULL);
    gp_object_t *empty = gp_tuple_new(0);
    gp_object_t *res = empty ? gp_seq_iterator_reduce("iter", NULL, 0, empty) : NULL;
    GP_XDECREF(empty);
    return res;
}

/* The saved index; a negative one means the start (no upper bound is
   known for an arbitrary sequence). */
static gp_object_t *seqiter_setstate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("__setstate__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    seqiter_t *it = (seqiter_t *)self;
    if (it->seq) {
        intptr_t index = gp_seq_iterator_state(args[0], 0, INTPTR_MAX);
        if (index == -1 && gp_err_occurred())
            return NULL;
        it->index = index;
    }
    return gp_none_new();
}

static const gp_method_def_t seqiter_methods[] = {
    {"__reduce__", seqiter_reduce, 0, "Return state information for pickling."},
    {"__setstate__", seqiter_setstate, 0, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_seqiter_type = {
    GP_TYPE_HEAD_INIT,        .name = "iterator",           .basicsize = sizeof(seqiter_t),
    .flags = GP_TYPE_FLAG_GC, .dealloc = seqiter_dealloc,   .iter = seqiter_iter,
    .iternext = seqiter_next, .traverse = seqiter_traverse, .clear = seqiter_clear,
    .methods = seqiter_methods,
};

gp_object_t *gp_object_iter(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (t->iter) {
        gp_object_t *it = t->iter(o);
        if (it != NULL && GP_TYPE(it)->iternext == NULL) {
            gp_err_format(&gp_exc_TypeError, "iter() returned non-iterator of type '%s'",
                          gp_type_name(GP_TYPE(it)));
            GP_DECREF(it);
            return NULL;
        }
        return it;
    }
    if (t->getitem && !gp_dict_check(o)) {
        seqiter_t *it = (seqiter_t *)gp_object_alloc(&gp_seqiter_type, 0);
        if (it == NULL)
            return NULL;
        it->seq = GP_INCREF(o);
        gp_gc_track((gp_object_t *)it);
        return (gp_object_t *)it;
    }
    gp_err_format(&gp_exc_TypeError, "'%s' object is not iterable", gp_type_name(t));
    return NULL;
}

gp_object_t *gp_iter_next(gp_object_t *iter)
{
    gp_type_t *t = GP_TYPE(iter);
    if (t->iternext == NULL) {
        gp_err_format(&gp_exc_TypeError, "'%s' object is not an iterator", gp_type_name(t));
        return NULL;
    }
    gp_object_t *res = t->iternext(iter);
    if (res == NULL && gp_err_occurred() && gp_err_matches(&gp_exc_StopIteration))
        gp_err_clear();
    return res;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                              */
/* ------------------------------------------------------------------ */

static const char *const binop_symbol[GP_BINOP_COUNT] = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "divmod()",
};

static bool is_sequence_for_ops(gp_object_t *o)
{
    return gp_str_check(o) || gp_list_check(o) || gp_tuple_check(o) || gp_bytes_check(o) ||
           GP_IS_TYPE(o, gp_bytearray_type);
}

static bool is_int_like(gp_object_t *o)
{
    return gp_int_check(o) || GP_TYPE(o)->to_index != NULL;
}

static void binop_type_error(gp_object_t *a, gp_object_t *b, int op)
{
    int base = op & ~GP_BINOP_INPLACE;
    bool inplace = (op & GP_BINOP_INPLACE) != 0;
    /* Sequences word their failures as concatenation and repetition. */
    if (base == GP_BINOP_ADD && is_sequence_for_ops(a) && !GP_IS_TYPE(a, gp_bytearray_type) &&
        !gp_bytes_check(a)) {
        gp_err_format(&gp_exc_TypeError, "can only concatenate %s (not \"%s\") to %s",
                      gp_type_name(GP_TYPE(a)), gp_type_name(GP_TYPE(b)), gp_type_name(GP_TYPE(a)));
        return;
    }
    if (base == GP_BINOP_MUL) {
        if (is_sequence_for_ops(a) && !is_int_like(b)) {
            gp_err_format(&gp_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          gp_type_name(GP_TYPE(b)));
            return;
        }
        if (is_sequence_for_ops(b) && !is_int_like(a)) {
            gp_err_format(&gp_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                          gp_type_name(GP_TYPE(a)));
            return;
        }
    }
    const char *sym = base == GP_BINOP_POW && !inplace ? "** or pow()" : binop_symbol[base];
    gp_err_format(&gp_exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'", sym,
                  inplace ? "=" : "", GP_TYPE(a)->name, GP_TYPE(b)->name);
}

/* CPython's binary_op1: the left operand's slot, the right's, with a
   subclass of the left operand's type going first. Returns NotImplemented
   (a new reference) when neither side handles the pair. */
static gp_object_t *binop_dispatch(gp_object_t *a, gp_object_t *b, int op)
{
    gp_type_t *ta = GP_TYPE(a), *tb = GP_TYPE(b);
    gp_object_t *(*slota)(gp_object_t *, gp_object_t *, int) = ta->binop;
    gp_object_t *(*slotb)(gp_object_t *, gp_object_t *, int) = NULL;
    if (tb != ta) {
        slotb = tb->binop;
        if (slotb == slota)
            slotb = NULL;
    }
    gp_object_t *res;
    if (slota) {
        if (slotb && gp_type_is_subtype(tb, ta)) {
            res = slotb(a, b, op);
            if (res != gp_NotImplemented)
                return res;
            GP_DECREF(res);
            slotb = NULL;
        }
        res = slota(a, b, op);
        if (res != gp_NotImplemented)
            return res;
        GP_DECREF(res);
    }
    if (slotb)
        return slotb(a, b, op);
    return GP_INCREF(gp_NotImplemented);
}

gp_object_t *gp_number_binop(gp_object_t *a, gp_object_t *b, int op)
{
    gp_object_t *res;
    if (op & GP_BINOP_INPLACE) {
        /* The in-place form is offered to the left operand alone; if it
           declines, the ordinary operator runs. A right operand whose type
           subclasses the left's keeps its priority, as in CPython where
           int has no in-place slot at all. */
        gp_type_t *ta = GP_TYPE(a), *tb = GP_TYPE(b);
        bool right_first = ta != tb && tb->binop != ta->binop && gp_type_is_subtype(tb, ta);
        if (ta->binop && !right_first) {
            res = ta->binop(a, b, op);
            if (res != gp_NotImplemented)
                return res;
            GP_DECREF(res);
        }
        res = binop_dispatch(a, b, op & ~GP_BINOP_INPLACE);
    } else {
        res = binop_dispatch(a, b, op);
    }
    if (res == gp_NotImplemented) {
        GP_DECREF(res);
        binop_type_error(a, b, op);
        return NULL;
    }
    return res;
}

gp_object_t *gp_number_pow3(gp_object_t *a, gp_object_t *b, gp_object_t *mod)
{
    if (mod == NULL || mod == gp_None)
        return gp_number_binop(a, b, GP_BINOP_POW);
    gp_type_t *ta = GP_TYPE(a), *tb = GP_TYPE(b), *tm = GP_TYPE(mod);
    gp_object_t *(*slots[3])(gp_object_t *, gp_object_t *, gp_object_t *) = {ta->pow3, NULL, NULL};
    if (tb != ta && tb->pow3 != ta->pow3)
        slots[1] = tb->pow3;
    if (tm->pow3 != ta->pow3 && tm->pow3 != slots[1])
        slots[2] = tm->pow3;
    if (slots[0] && slots[1] && gp_type_is_subtype(tb, ta)) {
        gp_object_t *(*tmp)(gp_object_t *, gp_object_t *, gp_object_t *) = slots[0];
        slots[0] = slots[1];
        slots[1] = tmp;
    }
    for (int i = 0; i < 3; i++) {
        if (slots[i] == NULL)
            continue;
        gp_object_t *res = slots[i](a, b, mod);
        if (res != gp_NotImplemented)
            return res;
        GP_DECREF(res);
    }
    gp_err_format(&gp_exc_TypeError,
                  "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", ta->name,
                  tb->name, tm->name);
    return NULL;
}

gp_object_t *gp_number_unop(gp_object_t *a, gp_unop_t op)
{
    static const char *const names[] = {"unary -", "unary +", "unary ~", "abs()"};
    gp_type_t *t = GP_TYPE(a);
    if (t->unop) {
        gp_object_t *res = t->unop(a, op);
        if (res != gp_NotImplemented)
            return res;
        GP_DECREF(res);
    }
    gp_err_format(&gp_exc_TypeError, "bad operand type for %s: '%s'", names[op], gp_type_name(t));
    return NULL;
}

gp_object_t *gp_number_index(gp_object_t *o)
{
    if (GP_IS_SMALL(o) || GP_IS_TYPE(o, gp_int_type))
        return GP_INCREF(o);
    gp_type_t *t = GP_TYPE(o);
    if (gp_int_check(o) && t->to_index == NULL)
        return GP_INCREF(o);
    if (t->to_index == NULL) {
        gp_err_format(&gp_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      gp_type_name(t));
        return NULL;
    }
    gp_object_t *res = t->to_index(o);
    if (res != NULL && !gp_int_check(res)) {
        gp_err_format(&gp_exc_TypeError, "__index__ returned non-int (type %T)", res);
        GP_DECREF(res);
        return NULL;
    }
    if (res != NULL && !GP_IS_SMALL(res) && !GP_IS_TYPE(res, gp_int_type)) {
        /* A strict int subclass is accepted with a warning, as an int. */
        if (gp_int_warn_subclass_result("__index__", res) < 0) {
            GP_DECREF(res);
            return NULL;
        }
        GP_SETREF(res, gp_int_exact(res));
    }
    return res;
}

/* int(x) for an int subclass or bool: the plain int with the same value. */
static gp_object_t *int_exact_copy(gp_object_t *o)
{
    if (GP_IS_SMALL(o) || GP_IS_TYPE(o, gp_int_type))
        return GP_INCREF(o);
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(o, &overflow);
    if (!overflow)
        return gp_int_from_i64(v);
    /* Big subclass values round-trip through their decimal text. */
    gp_object_t *s = gp_int_to_string(o, 10);
    if (s == NULL)
        return NULL;
    gp_object_t *res = gp_int_from_string(gp_str_utf8(s), gp_str_utf8_len(s), 10);
    GP_DECREF(s);
    return res;
}

gp_object_t *gp_number_int(gp_object_t *o)
{
    if (GP_IS_SMALL(o) || GP_IS_TYPE(o, gp_int_type))
        return GP_INCREF(o);
    gp_type_t *t = GP_TYPE(o);
    gp_object_t *res;
    if (t->to_int) {
        res = t->to_int(o);
        if (res != NULL && !gp_int_check(res)) {
            gp_err_format(&gp_exc_TypeError, "__int__ returned non-int (type %T)", res);
            GP_DECREF(res);
            return NULL;
        }
        if (res != NULL && !GP_IS_SMALL(res) && !GP_IS_TYPE(res, gp_int_type)) {
            gp_object_t *exact = int_exact_copy(res);
            GP_DECREF(res);
            res = exact;
        }
        return res;
    }
    if (t->to_index) {
        res = gp_number_index(o);
        if (res != NULL && !GP_IS_SMALL(res) && !GP_IS_TYPE(res, gp_int_type)) {
            gp_object_t *exact = int_exact_copy(res);
            GP_DECREF(res);
            res = exact;
        }
        return res;
    }
    if (gp_int_check(o))
        return int_exact_copy(o);
    bool found;
    res = gp_call_special(o, gp_str_static("__trunc__"), NULL, 0, &found);
    if (found) {
        if (res != NULL && !gp_int_check(res)) {
            gp_object_t *idx = gp_number_index(res);
            GP_DECREF(res);
            return idx;
        }
        return res;
    }
    if (gp_str_check(o))
        return gp_int_from_string(gp_str_utf8(o), gp_str_utf8_len(o), 10);
    if (gp_bytes_check(o) || GP_IS_TYPE(o, gp_bytearray_type))
        return gp_int_from_string(gp_bytes_data(o), gp_bytes_len(o), 10);
    gp_err_format(&gp_exc_TypeError,
                  "int() argument must be a string, a bytes-like object or a real number, not "
                  "'%s'",
                  gp_type_name(t));
    return NULL;
}

gp_object_t *gp_number_float(gp_object_t *o)
{
    if (GP_IS_TYPE(o, gp_float_type))
        return GP_INCREF(o);
    if (GP_IS_SMALL(o))
        return gp_float_new((double)GP_SMALL_VALUE(o));
    gp_type_t *t = GP_TYPE(o);
    if (t->to_float) {
        gp_object_t *res = t->to_float(o);
        if (res != NULL && !gp_float_check(res)) {
            gp_err_format(&gp_exc_TypeError, "%s.__float__ returned non-float (type %T)",
                          gp_type_name(t), res);
            GP_DECREF(res);
            return NULL;
        }
        if (res != NULL && !GP_IS_TYPE(res, gp_float_type)) {
            gp_object_t *exact = gp_float_new(gp_float_value(res));
            GP_DECREF(res);
            res = exact;
        }
        return res;
    }
    if (t->to_index || gp_int_check(o)) {
        gp_object_t *i = gp_number_index(o);
        if (i == NULL)
            return NULL;
        double d = gp_int_as_double(i);
        GP_DECREF(i);
        if (d == -1.0 && gp_err_occurred())
            return NULL;
        return gp_float_new(d);
    }
    if (gp_str_check(o) || gp_bytes_check(o) || GP_IS_TYPE(o, gp_bytearray_type))
        return gp_object_call1((gp_object_t *)&gp_float_type, o);
    gp_err_format(&gp_exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                  gp_type_name(t));
    return NULL;
}

intptr_t gp_number_as_ssize(gp_object_t *o, gp_type_t *overflow_exc)
{
    if (GP_IS_SMALL(o))
        return GP_SMALL_VALUE(o);
    gp_object_t *i = gp_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(i, &overflow);
    GP_DECREF(i);
    if (overflow == 0)
        return (intptr_t)v;
    if (overflow_exc == NULL)
        return overflow < 0 ? INTPTR_MIN : INTPTR_MAX;
    gp_err_format(overflow_exc, "cannot fit '%s' into an index-sized integer",
                  gp_type_name(GP_TYPE(o)));
    return -1;
}

/* ------------------------------------------------------------------ */
/* isinstance, issubclass, dir                                          */
/* ------------------------------------------------------------------ */

bool gp_object_isinstance_type(gp_object_t *o, gp_type_t *type)
{
    gp_type_t *t = GP_TYPE(o);
    return t == type || gp_type_is_subtype(t, type);
}

/* isinstance() and issubclass() follow CPython's abstract.c: an exact type
   is answered directly (type's own checks are known), a tuple (or a union's
   arguments) is tried item by item, and anything else asks its metaclass's
   __instancecheck__ / __subclasscheck__, which is how abc.ABCMeta's register()
   and typing's runtime checks take part. The hooks are looked up on the type
   of [cls] like every special method; `type` itself provides the plain
   versions, which are gp_type_instancecheck_plain / _subclasscheck_plain. */

int gp_type_subclasscheck_plain(gp_object_t *derived, gp_object_t *cls)
{
    if (!gp_type_check(derived)) {
        gp_err_set_string(&gp_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    if (!gp_type_check(cls)) {
        gp_err_set_string(&gp_exc_TypeError,
                          "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return derived == cls || gp_type_is_subtype((gp_type_t *)derived, (gp_type_t *)cls);
}

/* isinstance()'s second chance, as CPython's: an object whose __class__
   claims another type (a weakref proxy, a mock) is an instance of that
   type's bases too. Skipped, for speed, when __class__ can only be the
   real type: object's own descriptor, found through plain attribute
   lookup. */
static int isinstance_via_class(gp_object_t *o, gp_type_t *cls)
{
    gp_type_t *t = GP_TYPE(o);
    /* Built-in types with the generic getattr never redefine __class__. */
    bool plain_getattr = t->getattr == gp_object_generic_getattr;
    if (plain_getattr && !(t->flags & GP_TYPE_FLAG_HEAPTYPE))
        return 0;
    static gp_object_t *name, *object_class_descr;
    if (name == NULL && (name = gp_str_static("__class__")) == NULL)
        return -1;
    if (object_class_descr == NULL)
        object_class_descr = gp_type_lookup(&gp_object_type, name);
    if (plain_getattr && gp_type_lookup(t, name) == object_class_descr)
        return 0;
    gp_object_t *icls = gp_object_getattr_opt(o, name);
    if (icls == NULL)
        return gp_err_occurred() ? -1 : 0;
    int res = icls != (gp_object_t *)t && gp_type_check(icls) &&
              gp_type_is_subtype((gp_type_t *)icls, cls);
    GP_DECREF(icls);
    return res;
}

int gp_type_instancecheck_plain(gp_object_t *o, gp_object_t *cls)
{
    if (!gp_type_check(cls)) {
        gp_err_set_string(&gp_exc_TypeError,
                          "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    if (gp_object_isinstance_type(o, (gp_type_t *)cls))
        return 1;
    return isinstance_via_class(o, (gp_type_t *)cls);
}

/* Calls the hook [name] of type(cls) with [arg]; 1 / 0 for its truth, -1 on
   error, 2 when type(cls) has no such hook. */
static int call_check_hook(gp_object_t *cls, const char *name, gp_object_t *arg)
{
    if (gp_recursion_enter(name[2] == 'i' ? " in __instancecheck__" : " in __subclasscheck__") <
        0)
        return -1;
    bool found;
    gp_object_t *res = gp_call_special(cls, gp_str_static(name), &arg, 1, &found);
    gp_recursion_leave();
    if (!found)
        return gp_err_occurred() ? -1 : 2;
    if (res == NULL)
        return -1;
    int truth = gp_object_is_true(res);
    GP_DECREF(res);
    return truth;
}

int gp_object_isinstance(gp_object_t *o, gp_object_t *cls)
{
    if ((gp_object_t *)GP_TYPE(o) == cls)
        return 1;
    if (GP_IS_PTR(cls) && GP_TYPE(cls) == &gp_type_type)
        return gp_type_instancecheck_plain(o, cls);
    if (gp_union_check(cls))
        cls = gp_union_args(cls);
    if (gp_tuple_check(cls)) {
        if (gp_recursion_enter(" in __instancecheck__") < 0)
            return -1;
        int res = 0;
        for (intptr_t i = 0; i < GP_TUPLE_SIZE(cls) && res == 0; i++)
            res = gp_object_isinstance(o, GP_TUPLE_GET(cls, i));
        gp_recursion_leave();
        return res;
    }
    int res = call_check_hook(cls, "__instancecheck__", o);
    return res != 2 ? res : gp_type_instancecheck_plain(o, cls);
}

int gp_object_issubclass(gp_object_t *derived, gp_object_t *cls)
{
    if (GP_IS_PTR(cls) && GP_TYPE(cls) == &gp_type_type) {
        if (derived == cls)
            return 1;
        return gp_type_subclasscheck_plain(derived, cls);
    }
    if (gp_union_check(cls))
        cls = gp_union_args(cls);
    if (gp_tuple_check(cls)) {
        if (gp_recursion_enter(" in __subclasscheck__") < 0)
            return -1;
        int res = 0;
        for (intptr_t i = 0; i < GP_TUPLE_SIZE(cls) && res == 0; i++)
            res = gp_object_issubclass(derived, GP_TUPLE_GET(cls, i));
        gp_recursion_leave();
        return res;
    }
    int res = call_check_hook(cls, "__subclasscheck__", derived);
    return res != 2 ? res : gp_type_subclasscheck_plain(derived, cls);
}

/* Adds the keys of [dict] to the set-like dict [names]. */
static int dir_merge_dict(gp_object_t *names, gp_object_t *dict)
{
    if (dict == NULL || !gp_dict_check(dict))
        return 0;
    intptr_t pos = 0;
    gp_object_t *key, *value;
    while (gp_dict_next(dict, &pos, &key, &value))
        if (gp_dict_setitem(names, key, gp_None) < 0)
            return -1;
    return 0;
}

/* Merges one type's names. A dict that could not be filled (out of memory)
   fails dir() instead of silently leaving the type's names out. */
static int dir_merge_type_dict(gp_object_t *names, gp_type_t *type)
{
    gp_object_t *dict = gp_type_dict(type);
    if (dict == NULL && gp_err_occurred())
        return -1;
    return dir_merge_dict(names, dict);
}

static int dir_merge_type(gp_object_t *names, gp_type_t *type)
{
    if (type->mro == NULL)
        return dir_merge_type_dict(names, type);
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(type->mro); i++)
        if (dir_merge_type_dict(names, (gp_type_t *)GP_TUPLE_GET(type->mro, i)) < 0)
            return -1;
    return 0;
}

gp_object_t *gp_object_dir(gp_object_t *o)
{
    /* A class may define its own __dir__; the builtin ones are below. */
    gp_object_t *custom = gp_type_lookup(GP_TYPE(o), gp_str_static("__dir__"));
    if (custom == NULL || !gp_is_method_like(custom) || GP_TYPE(custom) != &gp_function_type)
        return gp_object_dir_default(o);
    bool found;
    gp_object_t *res = gp_call_special(o, gp_str_static("__dir__"), NULL, 0, &found);
    if (res == NULL)
        return NULL;
    gp_object_t *list = gp_list_from_iterable(res);
    GP_DECREF(res);
    if (list != NULL && gp_list_sort(list, NULL, false) < 0)
        GP_CLEAR(list);
    return list;
}

gp_object_t *gp_object_dir_default(gp_object_t *o)
{
    gp_object_t *list = NULL;
    gp_type_t *t = GP_TYPE(o);
    gp_object_t *names = gp_dict_new();
    if (names == NULL)
        return NULL;
    int rc;
    if (gp_type_check(o)) {
        rc = dir_merge_type(names, (gp_type_t *)o);
    } else if (GP_IS_TYPE(o, gp_module_type)) {
        rc = dir_merge_dict(names, gp_module_dict(o));
    } else {
        gp_object_t **dictp = gp_object_instance_dict(o);
        rc = dir_merge_dict(names, dictp ? *dictp : NULL);
        if (rc == 0)
            rc = dir_merge_type(names, t);
    }
    if (rc == 0)
        list = gp_dict_keys_list(names);
    GP_DECREF(names);
    if (list != NULL && gp_list_sort(list, NULL, false) < 0)
        GP_CLEAR(list);
    return list;
}

gp_object_t *gp_object_function_str(gp_object_t *func)
{
    gp_object_t *q = gp_object_getattr_cstr(func, "__qualname__");
    if (!q) {
        gp_err_clear();
        return gp_object_str(func);
    }
    gp_object_t *m = gp_object_getattr_cstr(func, "__module__");
    if (!m)
        gp_err_clear();
    gp_object_t *r;
    if (m && gp_str_check(m) && strcmp(gp_str_utf8(m), "builtins") != 0)
        r = gp_str_from_format("%S.%S()", m, q);
    else
        r = gp_str_from_format("%S()", q);
    GP_XDECREF(m);
    GP_DECREF(q);
    return r;
}

/* The file descriptor an int or an object with fileno() stands for, with
   CPython's checks (PyObject_AsFileDescriptor): select, fcntl. */
int gp_object_as_fd(gp_object_t *o)
{
    gp_object_t *value = NULL;
    if (gp_int_check(o)) {
        value = GP_INCREF(o);
    } else {
        if (!gp_type_lookup_cstr(GP_TYPE(o), "fileno")) {
            gp_err_set_string(&gp_exc_TypeError,
                              "argument must be an int, or have a fileno() method.");
            return -1;
        }
        value = gp_object_call_method(o, "fileno", NULL, 0);
        if (!value)
            return -1;
        if (!gp_int_check(value)) {
            gp_err_set_string(&gp_exc_TypeError, "fileno() returned a non-integer");
            GP_DECREF(value);
            return -1;
        }
    }
    int overflow;
    int64_t fd = gp_int_as_i64_overflow(value, &overflow);
    GP_DECREF(value);
    if (overflow || fd > INT32_MAX || fd < INT32_MIN) {
        gp_err_set_string(&gp_exc_OverflowError, overflow < 0 || fd < 0
                                                      ? "signed integer is less than minimum"
                                                      : "signed integer is greater than maximum");
        return -1;
    }
    if (fd < 0) {
        gp_err_format(&gp_exc_ValueError, "file descriptor cannot be a negative integer (%d)",
                      (int)fd);
        return -1;
    }
    return (int)fd;
}

intptr_t gp_pop_index(intptr_t index, intptr_t size, const char *kind)
{
    if (size == 0) {
        gp_err_format(&gp_exc_IndexError, "pop from empty %s", kind);
        return -1;
    }
    if (index < 0)
        index += size;
    if (index < 0 || index >= size) {
        gp_err_set_string(&gp_exc_IndexError, "pop index out of range");
        return -1;
    }
    return index;
}
