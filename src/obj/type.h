/*
 * type.h - internals shared by the object protocol, the type system and the
 * descriptor files (object.c, type.c, slots.c, descr.c, cfunction.c,
 * module.c, error.c, exceptions.c).
 *
 * Design notes
 * ------------
 * object.h is the contract the rest of gilpy codes against; this header is
 * the hub's private wiring. It exposes the layouts of the descriptor and
 * builtin-callable objects (so the VM may recognise a method descriptor
 * without a call), the slot-wrapper machinery that turns C slots into
 * Python-visible dunder methods and back, and a few call helpers that avoid
 * allocating a bound method when a dunder is invoked from C.
 *
 * Slots and dunders meet in two directions:
 *
 *   - A static type's non-NULL slots become "slot wrapper" descriptors in its
 *     dict (`int.__add__`, `object.__repr__`), so Python code and super() can
 *     reach the C implementation of a particular class.
 *   - A heap type (a class statement) gets its slots from the dunders found
 *     along its MRO: a Python function becomes a generic slot that calls it;
 *     a slot wrapper of a builtin base is unwrapped back to the builtin's C
 *     function, so `class L(list): pass` indexes as fast as list.
 */
#ifndef GP_OBJ_TYPE_H
#define GP_OBJ_TYPE_H

#include "obj/object.h"

/* ------------------------------------------------------------------ */
/* Descriptor and callable layouts (descr.c, cfunction.c)               */
/* ------------------------------------------------------------------ */

/* A C method of a builtin type: `list.append`. */
typedef struct gp_method_descr {
    gp_object_t base;
    gp_type_t *type; /* the class that defines it */
    const gp_method_def_t *def;
} gp_method_descr_t;

/* A C attribute with getter/setter: `int.real`. */
typedef struct gp_getset_descr {
    gp_object_t base;
    gp_type_t *type;
    const gp_getset_def_t *def;
} gp_getset_descr_t;

/* builtin_function_or_method: a gp_method_def_t bound to [self]. */
typedef struct gp_cfunction {
    gp_object_t base;
    const gp_method_def_t *def;
    gp_object_t *self; /* NULL for a plain function (static method) */
} gp_cfunction_t;

typedef struct gp_property {
    gp_object_t base;
    gp_object_t *fget, *fset, *fdel, *doc, *name; /* each NULL when absent */
    bool getter_doc; /* doc came from fget.__doc__, so a new getter replaces it */
} gp_property_t;

/* staticmethod and classmethod share one layout. */
typedef struct gp_funcwrap {
    gp_object_t base;
    gp_object_t *callable;
    gp_object_t *dict; /* __dict__ (functools-style attributes) or NULL */
} gp_funcwrap_t;

typedef struct gp_module_object {
    gp_object_t base;
    gp_object_t *dict;
    bool builtin; /* made by gp_module_new (C code): repr says "(built-in)" */
} gp_module_object_t;

/* Creates the descriptors a static type's tables turn into (descr.c). */
gp_object_t *gp_method_descr_new(gp_type_t *type, const gp_method_def_t *def);
gp_object_t *gp_getset_descr_new(gp_type_t *type, const gp_getset_def_t *def);
gp_object_t *gp_staticmethod_new(gp_object_t *callable);
/* The descriptor of one __slots__ entry [name] of [type]: the value is the
   pointer field at byte [offset] of an instance (descr.c). */
gp_object_t *gp_member_descr_new(gp_type_t *type, gp_object_t *name, size_t offset);
/* The byte offset of the field member descriptor [descr] reads in an
   instance of [type], or -1 when [type] does not have that layout (the
   descriptor belongs to an unrelated class). For the VM's slot caches. */
intptr_t gp_member_descr_offset(gp_object_t *descr, gp_type_t *type);
extern gp_type_t gp_member_descr_type;
gp_object_t *gp_classmethod_new(gp_object_t *callable);

extern gp_type_t gp_wrapper_descr_type, gp_method_wrapper_type;

/* Is [o] something gp_object_get_method may return unbound (a Python function
   a plain C method descriptor, or a slot wrapper)? Each checks its first
   argument's type when called unbound. */
static inline bool gp_is_method_like(gp_object_t *o)
{
    gp_type_t *t = GP_TYPE(o);
    if (t == &gp_function_type || t == &gp_wrapper_descr_type)
        return true;
    return t == &gp_method_descr_type &&
           !(((gp_method_descr_t *)o)->def->flags & (GP_METH_STATIC | GP_METH_CLASS));
}

/* ------------------------------------------------------------------ */
/* Slots (slots.c)                                                      */
/* ------------------------------------------------------------------ */

/* The slot groups [type] defines itself, one bit each: taken before slot
   inheritance, so a static type's dict can be filled later (type.c). */
unsigned gp_slots_own_groups(gp_type_t *type);
/* Adds the slot wrappers of the slot groups in [own_groups] (from
   gp_slots_own_groups) to static type [type]'s dict. */
int gp_slots_add_wrappers(gp_type_t *type, unsigned own_groups);
/* Recomputes every slot of heap type [type] from the dunders on its MRO. */
void gp_slots_fixup(gp_type_t *type);
/* After [name] changed in a heap type's dict: recomputes the slots that
   depend on it in [type] and its subclasses. Names that are not slot
   dunders are ignored. */
void gp_slots_update(gp_type_t *type, gp_object_t *name);
/* The C function behind `T.__new__`: the builtin `__new__` of static types. */
extern const gp_method_def_t gp_slots_new_wrapper_def;

/* ------------------------------------------------------------------ */
/* Type system internals (type.c)                                       */
/* ------------------------------------------------------------------ */

/* The slots `object` and `type` provide, compared by address elsewhere. */
gp_object_t *gp_object_type_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames);
int gp_object_type_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                        gp_object_t *kwnames);
gp_object_t *gp_type_getattr(gp_object_t *self, gp_object_t *name);
/* The dealloc / traverse / clear of instances of heap types. */
void gp_subtype_dealloc(gp_object_t *self);
/* Nearest non-heap base of [type] (the builtin layout its instances keep). */
gp_type_t *gp_type_builtin_base(gp_type_t *type);
/* Calls the type: new_ then init, with the `type(x)` special case. */
gp_object_t *gp_type_call(gp_object_t *type, gp_object_t *const *args, size_t nargs,
                          gp_object_t *kwnames);
/* Readies `object`, `type` and the hub's own types (descriptors, module...). */
int gp_type_ready_core(void);

/* ------------------------------------------------------------------ */
/* Call helpers (object.c)                                              */
/* ------------------------------------------------------------------ */

/* Number of keyword values after the positional arguments. */
static inline size_t gp_kwcount(gp_object_t *kwnames)
{
    return kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
}
/* callable(self, *args, **kw) without building a tuple. */
gp_object_t *gp_call_prepend(gp_object_t *callable, gp_object_t *self, gp_object_t *const *args,
                             size_t nargs, gp_object_t *kwnames);
/* Looks up dunder [name] on type(self) (not the instance) and calls it with
   self prepended. Returns NULL with *found = false and no exception when the
   type has no such attribute. */
gp_object_t *gp_call_special(gp_object_t *self, gp_object_t *name, gp_object_t *const *args,
                             size_t nargs, bool *found);
/* Binds descriptor [descr] found on type(obj) to [obj] (new reference). */
gp_object_t *gp_descr_bind(gp_object_t *descr, gp_object_t *obj);
/* The slot holding an instance's __dict__: the managed prefix, or the dict
   field of an exception; NULL when instances have none. */
gp_object_t **gp_object_instance_dict(gp_object_t *o);
/* object.__getattribute__ with a choice: [suppress] returns NULL without an
   AttributeError when the attribute is missing. */
gp_object_t *gp_object_generic_getattr_ex(gp_object_t *o, gp_object_t *name, bool suppress);
/* object.__format__ / __reduce__-free default helpers used by slot wrappers. */
gp_object_t *gp_object_richcompare_default(gp_object_t *a, gp_object_t *b, gp_cmpop_t op);
gp_object_t *gp_object_default_str(gp_object_t *o);

/* ------------------------------------------------------------------ */
/* Errors and exceptions (error.c, exceptions.c)                        */
/* ------------------------------------------------------------------ */

/* Readies every exception type and preallocates the MemoryError. */
int gp_exceptions_init(void);
/* The preallocated MemoryError instance (borrowed). */
gp_object_t *gp_exceptions_memory_error(void);
/* What type.__instancecheck__ / type.__subclasscheck__ do, without the
   metaclass hooks: plain subtype tests, TypeError when [cls] (or
   [derived]) is not a class. 1 / 0, -1 on error (object.c). */
int gp_type_instancecheck_plain(gp_object_t *o, gp_object_t *cls);
int gp_type_subclasscheck_plain(gp_object_t *derived, gp_object_t *cls);
/* Raises AttributeError "'T' object has no attribute 'x'" for [o]. */
void gp_err_no_attribute(gp_object_t *o, gp_object_t *name);

/* The `__getitem__` sequence iterator (object.c). */
extern gp_type_t gp_seqiter_type;

/* mappingproxy (mappingproxy.c): the read-only view a class's __dict__ is.
   gp_mappingproxy_new wraps [mapping] (TypeError for a non-mapping). */
extern gp_type_t gp_mappingproxy_type;
gp_object_t *gp_mappingproxy_new(gp_object_t *mapping);

#endif /* GP_OBJ_TYPE_H */
