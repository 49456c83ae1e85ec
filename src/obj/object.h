/*
 * object.h - the object model every part of gilpy codes against.
 *
 * Design notes
 * ------------
 * Every Python value is a `gp_object_t *`. Two representations share that
 * pointer type:
 *
 *   - Small ints are *unboxed*: a pointer whose lowest bit is 1 carries a
 *     63-bit signed integer in its upper bits. They have no header, no
 *     refcount and no allocation, which is what makes `n -= 1` loops cheap.
 *     Their type is `int`. Never dereference a value without knowing it is
 *     not a small int: use GP_TYPE(o), never o->type.
 *   - Everything else is a heap object starting with `gp_object_t`: a
 *     reference count and a type pointer.
 *
 * Reference counts are plain (non-atomic) integers. They are protected by the
 * GIL: no thread may touch an object without holding it. A function that
 * returns `gp_object_t *` returns a *new* reference unless its comment says
 * "borrowed". Arguments are borrowed unless a comment says "steals".
 *
 * Errors: a function returning a pointer returns NULL with an exception set
 * (see error.h-style API below); one returning int returns -1 with an
 * exception set, 0 (or a non-negative result) on success. The single
 * exception to this rule is `iternext`, which may return NULL *without* an
 * exception to mean "exhausted" (fast StopIteration).
 *
 * Memory: all allocation goes through gp_mem_* (runtime/mem.h) so tests can
 * count allocations and inject failures. An object's memory may carry a
 * prefix before the `gp_object_t` header:
 *
 *     [ weak-reference list ][ managed __dict__ pointer ][ gc head ][ gp_object_t ... ]
 *
 * The gc head is present when the type has GP_TYPE_FLAG_GC (containers that
 * can form cycles); the dict pointer when it has GP_TYPE_FLAG_MANAGED_DICT
 * (instances of user classes, whatever their builtin base); the weak-reference
 * list (the first weakref to the object, or NULL; obj/weakref.c) when it has
 * GP_TYPE_FLAG_WEAKREFABLE. gp_object_prefix_size() counts the dict pointer
 * and the gc head only, so the hot path that finds an instance's __dict__
 * (o - gp_object_prefix_size) costs what it cost before weak references
 * existed; the weak-reference list sits just before, and only allocation
 * (gp_object_alloc_prefix_size) and weakref code need to know. Type objects
 * keep their weak-reference list in gp_type_t itself, since the builtin ones
 * are static and have no prefix. gp_object_alloc
 * and gp_object_free compute the prefix from the type, so builtin types can
 * be subclassed without knowing where the subclass keeps its __dict__.
 */
#ifndef GP_OBJECT_H
#define GP_OBJECT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct gp_object gp_object_t;
typedef struct gp_type gp_type_t;

/* The header every heap object starts with. */
struct gp_object {
    intptr_t refcnt;
    gp_type_t *type;
};

/* Objects whose size varies (tuple, bigint, str, bytes) carry an item count. */
typedef struct gp_varobject {
    gp_object_t base;
    intptr_t size;
} gp_varobject_t;

/* ------------------------------------------------------------------ */
/* Unboxed small ints                                                   */
/* ------------------------------------------------------------------ */

#define GP_SMALL_MAX ((intptr_t)(INTPTR_MAX >> 1))
#define GP_SMALL_MIN ((intptr_t)(INTPTR_MIN >> 1))
#define GP_IS_SMALL(o) (((uintptr_t)(o)) & 1u)
#define GP_IS_PTR(o) (!GP_IS_SMALL(o))
#define GP_SMALL_VALUE(o) (((intptr_t)(o)) >> 1)
#define GP_SMALL_FITS(v) ((v) >= GP_SMALL_MIN && (v) <= GP_SMALL_MAX)
/* [v] must satisfy GP_SMALL_FITS. */
#define GP_SMALL_NEW(v) ((gp_object_t *)((((uintptr_t)(intptr_t)(v)) << 1) | 1u))

extern gp_type_t gp_int_type;

static inline gp_type_t *GP_TYPE(const gp_object_t *o)
{
    return GP_IS_SMALL(o) ? &gp_int_type : o->type;
}

/* ------------------------------------------------------------------ */
/* Reference counting                                                   */
/* ------------------------------------------------------------------ */

/* Calls the type's dealloc; only GP_DECREF calls it. */
void gp_object_dealloc(gp_object_t *o);

static inline gp_object_t *GP_INCREF(gp_object_t *o)
{
    if (GP_IS_PTR(o))
        o->refcnt++;
    return o;
}

static inline void GP_DECREF(gp_object_t *o)
{
    if (GP_IS_PTR(o) && --o->refcnt == 0)
        gp_object_dealloc(o);
}

static inline gp_object_t *GP_XINCREF(gp_object_t *o)
{
    if (o)
        GP_INCREF(o);
    return o;
}

static inline void GP_XDECREF(gp_object_t *o)
{
    if (o)
        GP_DECREF(o);
}

/* Replace *slot with [value] (a new reference, may be NULL) and drop the old one. */
#define GP_SETREF(slot, value)                                                                     \
    do {                                                                                           \
        gp_object_t *gp_setref_old_ = (gp_object_t *)(slot);                                      \
        (slot) = (value);                                                                          \
        GP_XDECREF(gp_setref_old_);                                                                \
    } while (0)

#define GP_CLEAR(slot)                                                                             \
    do {                                                                                           \
        gp_object_t *gp_clear_old_ = (gp_object_t *)(slot);                                       \
        if (gp_clear_old_) {                                                                       \
            (slot) = NULL;                                                                         \
            GP_DECREF(gp_clear_old_);                                                              \
        }                                                                                          \
    } while (0)

/* ------------------------------------------------------------------ */
/* The type object                                                      */
/* ------------------------------------------------------------------ */

/*
 * Calling convention ("vectorcall"): positional arguments args[0..nargs-1],
 * then the values of keyword arguments, whose names are the str objects of
 * the tuple [kwnames] (NULL when there are none). All borrowed.
 */
typedef gp_object_t *(*gp_vectorcall_fn)(gp_object_t *callable, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames);

/* A builtin method or function implemented in C. [self] is the bound object
   (the module for module-level functions, the class for class methods). */
typedef gp_object_t *(*gp_cfunc_t)(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames);

enum {
    GP_METH_KEYWORDS = 1 << 0, /* accepts keyword arguments; otherwise a kwnames is a TypeError */
    GP_METH_STATIC = 1 << 1,   /* staticmethod: self is NULL */
    GP_METH_CLASS = 1 << 2,    /* classmethod: self is the class */
};

typedef struct gp_method_def {
    const char *name;
    gp_cfunc_t fn;
    int flags;
    const char *doc;
} gp_method_def_t;

typedef gp_object_t *(*gp_getter_fn)(gp_object_t *self, void *closure);
/* [value] NULL means delete. */
typedef int (*gp_setter_fn)(gp_object_t *self, gp_object_t *value, void *closure);

typedef struct gp_getset_def {
    const char *name;
    gp_getter_fn get;
    gp_setter_fn set; /* NULL: read-only ("attribute '%s' of '%s' objects is not writable") */
    void *closure;
    const char *doc;
} gp_getset_def_t;

/* Binary operators, in the order of CPython's nb_* slots. The in-place form
   of an operator is GP_BINOP_INPLACE | op. */
typedef enum gp_binop {
    GP_BINOP_ADD,
    GP_BINOP_SUB,
    GP_BINOP_MUL,
    GP_BINOP_TRUEDIV,
    GP_BINOP_FLOORDIV,
    GP_BINOP_MOD,
    GP_BINOP_POW,
    GP_BINOP_LSHIFT,
    GP_BINOP_RSHIFT,
    GP_BINOP_AND,
    GP_BINOP_OR,
    GP_BINOP_XOR,
    GP_BINOP_MATMUL,
    GP_BINOP_DIVMOD, /* builtin divmod(): never in-place */
    GP_BINOP_COUNT,
    GP_BINOP_INPLACE = 32,
} gp_binop_t;

typedef enum gp_unop {
    GP_UNOP_NEG,
    GP_UNOP_POS,
    GP_UNOP_INVERT,
    GP_UNOP_ABS,
} gp_unop_t;

/* Rich comparison operators, numbered as CPython's Py_LT..Py_GE. */
typedef enum gp_cmpop {
    GP_CMP_LT = 0,
    GP_CMP_LE = 1,
    GP_CMP_EQ = 2,
    GP_CMP_NE = 3,
    GP_CMP_GT = 4,
    GP_CMP_GE = 5,
} gp_cmpop_t;

typedef int (*gp_visit_fn)(gp_object_t *o, void *arg);

enum {
    GP_TYPE_FLAG_HEAPTYPE = 1u << 0,     /* created by a class statement; refcounted by instances */
    GP_TYPE_FLAG_BASETYPE = 1u << 1,     /* may be subclassed */
    GP_TYPE_FLAG_GC = 1u << 2,           /* instances have a gc head and traverse/clear */
    GP_TYPE_FLAG_MANAGED_DICT = 1u << 3, /* instances have a __dict__ pointer in their prefix */
    GP_TYPE_FLAG_ABSTRACT = 1u << 4,
    GP_TYPE_FLAG_READY = 1u << 5,        /* gp_type_ready() has run */
    GP_TYPE_FLAG_DICT_PENDING = 1u << 6, /* static type's dict not filled yet: gp_type_dict() */
    GP_TYPE_FLAG_WEAKREFABLE = 1u << 7,  /* instances have a weak-reference list in their prefix */
    /* Fast subclass checks: set on the builtin type and inherited by subclasses. */
    GP_TYPE_FLAG_INT_SUBCLASS = 1u << 8,
    GP_TYPE_FLAG_STR_SUBCLASS = 1u << 9,
    GP_TYPE_FLAG_BYTES_SUBCLASS = 1u << 10,
    GP_TYPE_FLAG_LIST_SUBCLASS = 1u << 11,
    GP_TYPE_FLAG_TUPLE_SUBCLASS = 1u << 12,
    GP_TYPE_FLAG_DICT_SUBCLASS = 1u << 13,
    GP_TYPE_FLAG_EXC_SUBCLASS = 1u << 14, /* BaseException and subclasses */
    GP_TYPE_FLAG_TYPE_SUBCLASS = 1u << 15,
};

/* Initialiser for a static object header and a static type's header:
   static gp_type_t gp_list_type = { GP_TYPE_HEAD_INIT, .name = "list", ... }; */
/* Static objects start with a huge count so an unbalanced DECREF cannot free them. */
#define GP_IMMORTAL_REFCNT ((intptr_t)1 << 40)
#define GP_OBJECT_HEAD_INIT(type) {GP_IMMORTAL_REFCNT, (type)}
#define GP_TYPE_HEAD_INIT .base = {GP_OBJECT_HEAD_INIT(&gp_type_type), 0}

struct gp_type {
    gp_varobject_t base; /* types are objects; their type is `type` (or a metaclass) */
    const char *name;    /* for builtin types: "int"; for heap types: the class name (owned) */
    size_t basicsize;    /* size of the instance struct, without prefix */
    size_t itemsize;     /* size of one item of a variable-size instance, else 0 */
    unsigned flags;

    /* Lifecycle. dealloc must release references and finally call gp_object_free(). */
    void (*dealloc)(gp_object_t *self);
    /* type(...) construction: new creates, init initialises (may be NULL). */
    gp_object_t *(*new_)(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                         gp_object_t *kwnames);
    int (*init)(gp_object_t *self, gp_object_t *const *args, size_t nargs, gp_object_t *kwnames);

    /* Conversions and identity. */
    gp_object_t *(*repr)(gp_object_t *self);
    gp_object_t *(*str)(gp_object_t *self);
    intptr_t (*hash)(gp_object_t *self); /* -1 on error; NULL slot + richcompare => unhashable */
    /* Returns a new reference, or gp_NotImplemented (new reference) if not supported. */
    gp_object_t *(*richcompare)(gp_object_t *a, gp_object_t *b, gp_cmpop_t op);

    /* Attributes. name is always an exact str. value NULL means delete. */
    gp_object_t *(*getattr)(gp_object_t *self, gp_object_t *name);
    int (*setattr)(gp_object_t *self, gp_object_t *name, gp_object_t *value);

    /* Calling an instance. */
    gp_vectorcall_fn call;

    /* Iteration. iternext returns NULL without an exception when exhausted. */
    gp_object_t *(*iter)(gp_object_t *self);
    gp_object_t *(*iternext)(gp_object_t *self);

    /* Numbers. binop is called for either operand's type, like CPython's nb_add:
       check both operand types and return gp_NotImplemented when unsupported.
       op may carry GP_BINOP_INPLACE (then a may be mutated and returned);
       a type without in-place support simply ignores the flag's meaning.
       ternary pow(a, b, m) goes through pow3 (may be NULL). */
    gp_object_t *(*binop)(gp_object_t *a, gp_object_t *b, int op);
    gp_object_t *(*pow3)(gp_object_t *a, gp_object_t *b, gp_object_t *mod);
    gp_object_t *(*unop)(gp_object_t *a, gp_unop_t op);
    int (*to_bool)(gp_object_t *self); /* 0/1, -1 on error */
    gp_object_t *(*to_int)(gp_object_t *self);   /* __int__ */
    gp_object_t *(*to_float)(gp_object_t *self); /* __float__ */
    gp_object_t *(*to_index)(gp_object_t *self); /* __index__ */

    /* Containers. getitem's key is any object (int, slice, key...).
       setitem's value NULL means delete. contains returns 0/1, -1 on error. */
    intptr_t (*len)(gp_object_t *self);
    gp_object_t *(*getitem)(gp_object_t *self, gp_object_t *key);
    int (*setitem)(gp_object_t *self, gp_object_t *key, gp_object_t *value);
    int (*contains)(gp_object_t *self, gp_object_t *value);

    /* Descriptors. descr_get(descr, obj, owner): obj NULL for class access. */
    gp_object_t *(*descr_get)(gp_object_t *descr, gp_object_t *obj, gp_object_t *owner);
    int (*descr_set)(gp_object_t *descr, gp_object_t *obj, gp_object_t *value);

    /* Cycle collection (GP_TYPE_FLAG_GC). */
    int (*traverse)(gp_object_t *self, gp_visit_fn visit, void *arg);
    int (*clear)(gp_object_t *self);

    /* Static tables a builtin type fills in; gp_type_ready() turns them into dict entries. */
    const gp_method_def_t *methods;
    const gp_getset_def_t *getsets;
    const char *doc;

    /* Filled in by gp_type_ready() / the class statement. */
    gp_type_t *base_type;   /* the solid base (__base__) */
    gp_object_t *bases;     /* tuple */
    gp_object_t *mro;       /* tuple */
    gp_object_t *dict;      /* dict of attributes */
    gp_object_t *qualname;  /* str or NULL */
    gp_object_t *module;    /* str or NULL */
    gp_object_t *subclasses; /* list of subclasses (borrowed pointers kept by weak means) or NULL */
    uint32_t version;       /* bumped on any change to the type or its bases' dicts: attribute caches key on it */
    gp_object_t *weaklist;  /* the first weak reference to this type object, or NULL (obj/weakref.c) */
    /* added by array: how instances of a type outside obj/ export their
       memory (CPython's tp_as_buffer), or NULL: see obj/memoryview.h. */
    const struct gp_buffer_procs *buffer_procs;
};

/* ------------------------------------------------------------------ */
/* Allocation (runtime/mem.c and obj/object.c)                          */
/* ------------------------------------------------------------------ */

/* Raw memory through the allocation hook. NULL on failure, no exception set. */
void *gp_mem_alloc(size_t size);
void *gp_mem_calloc(size_t count, size_t size);
void *gp_mem_realloc(void *ptr, size_t size);
void gp_mem_free(void *ptr);

/* Allocates an instance of [type] with [nitems] items (0 for fixed-size
   types): zeroed memory with prefix, refcnt 1, type set (and INCREF'd when
   it is a heap type), size set for var objects. GC types are *not* tracked
   yet: call gp_gc_track() once the object's fields are valid.
   Returns NULL with MemoryError set on failure. */
gp_object_t *gp_object_alloc(gp_type_t *type, size_t nitems);
/* The same, but the [nitems] items are left unset (the header and fixed
   fields are zeroed): for a caller about to write every item anyway, such
   as a big-int product. */
gp_object_t *gp_object_alloc_items_unset(gp_type_t *type, size_t nitems);
/* Resizes a var object (only while the caller holds the sole reference). */
gp_object_t *gp_object_resize(gp_object_t *o, size_t nitems);
/* Releases the memory of [o] (untracking it first if tracked). Does not
   DECREF the type: subtype dealloc does that after calling the base dealloc. */
void gp_object_free(gp_object_t *o);
/* The instance __dict__ slot of a MANAGED_DICT object, or NULL if it has none. */
gp_object_t **gp_object_dict_ptr(gp_object_t *o);

/* The gc head that precedes a GC object (runtime/gc.c owns the lists). A
   tracked object is in a doubly linked list; next == NULL means untracked. */
typedef struct gp_gc_head {
    struct gp_gc_head *next, *prev;
    intptr_t gc_refs;
} gp_gc_head_t;
#define GP_GC_HEAD(o) (((gp_gc_head_t *)(o)) - 1)
#define GP_GC_OBJECT(g) ((gp_object_t *)(((gp_gc_head_t *)(g)) + 1))

/* Bytes of dict pointer and gc head before the gp_object_t header for
   instances of [type]: the managed __dict__ is at o - this. */
static inline size_t gp_object_prefix_size(const gp_type_t *type)
{
    return ((type->flags & GP_TYPE_FLAG_GC) ? sizeof(gp_gc_head_t) : 0) +
           ((type->flags & GP_TYPE_FLAG_MANAGED_DICT) ? sizeof(gp_object_t *) : 0);
}

/* The whole prefix, weak-reference list included: where an instance's
   memory block starts, o - this. */
static inline size_t gp_object_alloc_prefix_size(const gp_type_t *type)
{
    return gp_object_prefix_size(type) +
           ((type->flags & GP_TYPE_FLAG_WEAKREFABLE) ? sizeof(gp_object_t *) : 0);
}

/* Where [o] keeps the head of its weak-reference list, or NULL when [o]
   cannot be weakly referenced. Type objects hold it in their struct; other
   objects at the very start of their prefix. */
static inline gp_object_t **gp_object_weaklist_ptr(gp_object_t *o)
{
    if (GP_IS_SMALL(o))
        return NULL;
    unsigned flags = o->type->flags;
    if (flags & GP_TYPE_FLAG_TYPE_SUBCLASS)
        return &((gp_type_t *)o)->weaklist;
    if (!(flags & GP_TYPE_FLAG_WEAKREFABLE))
        return NULL;
    return (gp_object_t **)((char *)o - gp_object_prefix_size(o->type)) - 1;
}

/* Cycle collector (runtime/gc.c). */
void gp_gc_track(gp_object_t *o);
void gp_gc_untrack(gp_object_t *o);
bool gp_gc_is_tracked(gp_object_t *o);
intptr_t gp_gc_collect(void); /* returns the number of unreachable objects found, -1 on error */

/* ------------------------------------------------------------------ */
/* Singletons (obj/singletons.c, obj/bool.c)                             */
/* ------------------------------------------------------------------ */

extern gp_object_t gp_None_struct, gp_NotImplemented_struct, gp_Ellipsis_struct;
#define gp_None (&gp_None_struct)
#define gp_NotImplemented (&gp_NotImplemented_struct)
#define gp_Ellipsis (&gp_Ellipsis_struct)
extern gp_object_t *const gp_True;
extern gp_object_t *const gp_False;
static inline gp_object_t *gp_bool_from(bool b)
{
    return GP_INCREF(b ? gp_True : gp_False);
}
static inline gp_object_t *gp_none_new(void) { return GP_INCREF(gp_None); }

/* ------------------------------------------------------------------ */
/* Builtin types                                                        */
/* ------------------------------------------------------------------ */

extern gp_type_t gp_object_type, gp_type_type, gp_none_type, gp_notimplemented_type,
    gp_ellipsis_type, gp_bool_type, gp_float_type, gp_complex_type, gp_str_type,
    gp_bytes_type, gp_bytearray_type, gp_list_type, gp_tuple_type, gp_dict_type, gp_set_type,
    gp_frozenset_type, gp_range_type, gp_slice_type, gp_module_type, gp_cfunction_type,
    gp_method_descr_type, gp_getset_descr_type, gp_property_type, gp_staticmethod_type,
    gp_classmethod_type, gp_super_type, gp_function_type, gp_method_type, gp_code_type,
    gp_cell_type, gp_generator_type, gp_coroutine_type, gp_async_generator_type,
    gp_traceback_type, gp_frame_type;

static inline bool gp_type_has(const gp_object_t *o, unsigned flag)
{
    return (GP_TYPE(o)->flags & flag) != 0;
}
#define GP_IS_TYPE(o, t) (GP_TYPE(o) == &(t))
#define gp_int_check(o) (GP_IS_SMALL(o) || gp_type_has(o, GP_TYPE_FLAG_INT_SUBCLASS))
#define gp_str_check(o) (GP_IS_PTR(o) && gp_type_has(o, GP_TYPE_FLAG_STR_SUBCLASS))
#define gp_str_check_exact(o) (GP_IS_PTR(o) && (o)->type == &gp_str_type)
#define gp_bytes_check(o) (GP_IS_PTR(o) && gp_type_has(o, GP_TYPE_FLAG_BYTES_SUBCLASS))
#define gp_list_check(o) (GP_IS_PTR(o) && gp_type_has(o, GP_TYPE_FLAG_LIST_SUBCLASS))
#define gp_list_check_exact(o) (GP_IS_PTR(o) && (o)->type == &gp_list_type)
#define gp_tuple_check(o) (GP_IS_PTR(o) && gp_type_has(o, GP_TYPE_FLAG_TUPLE_SUBCLASS))
#define gp_tuple_check_exact(o) (GP_IS_PTR(o) && (o)->type == &gp_tuple_type)
#define gp_dict_check(o) (GP_IS_PTR(o) && gp_type_has(o, GP_TYPE_FLAG_DICT_SUBCLASS))
#define gp_dict_check_exact(o) (GP_IS_PTR(o) && (o)->type == &gp_dict_type)
#define gp_type_check(o) (GP_IS_PTR(o) && gp_type_has(o, GP_TYPE_FLAG_TYPE_SUBCLASS))
#define gp_exc_check(o) (GP_IS_PTR(o) && gp_type_has(o, GP_TYPE_FLAG_EXC_SUBCLASS))
#define gp_float_check(o) (GP_IS_PTR(o) && gp_type_is_subtype(GP_TYPE(o), &gp_float_type))
#define gp_bool_check(o) ((o) == gp_True || (o) == gp_False)

/* ------------------------------------------------------------------ */
/* The type system (obj/type.c)                                         */
/* ------------------------------------------------------------------ */

/* Completes a static builtin type: base (default object), mro, dict from
   methods/getsets plus slot wrappers (__add__, __repr__, __eq__... for each
   non-NULL slot), inherited slots. Called once per type at runtime start. */
int gp_type_ready(gp_type_t *type);
/* [type]'s dict (borrowed), filled first if it is a static type whose dict
   gp_type_ready() left for later; NULL with an exception if filling fails.
   Code that reads a type's dict directly (not through gp_type_lookup) must
   go through this. */
gp_object_t *gp_type_dict(gp_type_t *type);
bool gp_type_is_subtype(gp_type_t *a, gp_type_t *b);
/* Looks [name] up along the MRO; borrowed, NULL if absent (no exception). */
gp_object_t *gp_type_lookup(gp_type_t *type, gp_object_t *name);
/* True (once) when the last gp_type_lookup of name on type on this thread
   found nothing only because memory ran out: the caller raises MemoryError
   rather than AttributeError. */
bool gp_type_lookup_ran_out(gp_type_t *type, gp_object_t *name);
gp_object_t *gp_type_lookup_cstr(gp_type_t *type, const char *name);
/* The class statement: type(name, bases, dict) with metaclass resolution. */
gp_object_t *gp_type_new_class(gp_type_t *metatype, gp_object_t *name, gp_object_t *bases,
                               gp_object_t *dict, gp_object_t *kwnames_and_values);
/* `class [name](*[bases])` with an empty body in module [module]: how C
   modules make their exception classes (struct.error, _csv.Error...).
   [bases] is a tuple, borrowed. */
gp_object_t *gp_type_new_simple_class(const char *module, const char *name, gp_object_t *bases);
/* "int", "MyClass": the __name__ as a C string, valid while the type lives. */
const char *gp_type_name(gp_type_t *type);
/* Marks a type's attributes as changed (invalidates attribute caches). */
void gp_type_modified(gp_type_t *type);

/* ------------------------------------------------------------------ */
/* The abstract object protocol (obj/object.c)                          */
/* ------------------------------------------------------------------ */

gp_object_t *gp_object_repr(gp_object_t *o);
gp_object_t *gp_object_str(gp_object_t *o);
gp_object_t *gp_object_ascii(gp_object_t *o);
/* format(o, spec): spec is a str or NULL. */
gp_object_t *gp_object_format(gp_object_t *o, gp_object_t *spec);
intptr_t gp_object_hash(gp_object_t *o);
int gp_object_is_true(gp_object_t *o); /* 0/1, -1 on error */
gp_object_t *gp_object_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op);
/* Compares and tests the result for truth: 0/1, -1 on error. Identity implies
   equality for EQ/NE (as CPython's PyObject_RichCompareBool). */
int gp_object_richcompare_bool(gp_object_t *a, gp_object_t *b, gp_cmpop_t op);
int gp_object_eq(gp_object_t *a, gp_object_t *b); /* richcompare_bool(EQ) */

gp_object_t *gp_object_getattr(gp_object_t *o, gp_object_t *name);
gp_object_t *gp_object_getattr_cstr(gp_object_t *o, const char *name);
/* Like getattr but returns NULL *without* an exception when the attribute is
   missing (AttributeError swallowed); NULL with exception on other errors. */
gp_object_t *gp_object_getattr_opt(gp_object_t *o, gp_object_t *name);
int gp_object_setattr(gp_object_t *o, gp_object_t *name, gp_object_t *value);
int gp_object_setattr_cstr(gp_object_t *o, const char *name, gp_object_t *value);
int gp_object_delattr(gp_object_t *o, gp_object_t *name);
int gp_object_hasattr(gp_object_t *o, gp_object_t *name); /* 0/1, -1 error */
/* object.__getattribute__ / __setattr__: descriptors, instance dict, class. */
gp_object_t *gp_object_generic_getattr(gp_object_t *o, gp_object_t *name);
int gp_object_generic_setattr(gp_object_t *o, gp_object_t *name, gp_object_t *value);
/* For the VM's method-call fast path: if name resolves to a plain function
   (or method descriptor) on the type and is not shadowed by the instance
   dict, stores the unbound function in *method and returns 1 (caller then
   calls method(o, args...)); otherwise stores the bound attribute and returns 0.
   -1 on error. */
int gp_object_get_method(gp_object_t *o, gp_object_t *name, gp_object_t **method);

gp_object_t *gp_object_call(gp_object_t *callable, gp_object_t *const *args, size_t nargs,
                            gp_object_t *kwnames);
/* callable(*args_tuple, **kwargs_dict); kwargs may be NULL. */
gp_object_t *gp_object_call_tuple_dict(gp_object_t *callable, gp_object_t *args,
                                       gp_object_t *kwargs);
gp_object_t *gp_object_call0(gp_object_t *callable);
gp_object_t *gp_object_call1(gp_object_t *callable, gp_object_t *arg);
/* Calls o.name(args...). */
/* The fd an int or an object with fileno() stands for; -1 with TypeError,
   OverflowError or ValueError (a negative fd), as CPython's select/fcntl. */
int gp_object_as_fd(gp_object_t *o);
/* The item pop([index]) removes from a sequence of [size] items named
   [kind] ("list"): [index] counted from the end when negative; -1 with
   IndexError when the sequence is empty or the index out of range. */
intptr_t gp_pop_index(intptr_t index, intptr_t size, const char *kind);
gp_object_t *gp_object_call_method(gp_object_t *o, const char *name, gp_object_t *const *args,
                                   size_t nargs);
bool gp_object_is_callable(gp_object_t *o);

gp_object_t *gp_object_getitem(gp_object_t *o, gp_object_t *key);
int gp_object_setitem(gp_object_t *o, gp_object_t *key, gp_object_t *value);
int gp_object_delitem(gp_object_t *o, gp_object_t *key);
intptr_t gp_object_len(gp_object_t *o); /* -1 on error ("object of type 'X' has no len()") */
int gp_object_contains(gp_object_t *container, gp_object_t *value); /* `in`; 0/1, -1 */

gp_object_t *gp_object_iter(gp_object_t *o);
/* Next item, or NULL: exhausted when !gp_err_occurred(). StopIteration raised
   by a Python __next__ is converted to the exhausted state. */
gp_object_t *gp_iter_next(gp_object_t *iter);

/* Binary operators with CPython's dispatch (subclass first, reflected ops,
   "unsupported operand type(s) for +: 'int' and 'str'"). op may carry
   GP_BINOP_INPLACE. */
gp_object_t *gp_number_binop(gp_object_t *a, gp_object_t *b, int op);
gp_object_t *gp_number_pow3(gp_object_t *a, gp_object_t *b, gp_object_t *mod);
gp_object_t *gp_number_unop(gp_object_t *a, gp_unop_t op);
/* int(o), float(o), operator.index(o). */
gp_object_t *gp_number_int(gp_object_t *o);
gp_object_t *gp_number_float(gp_object_t *o);
gp_object_t *gp_number_index(gp_object_t *o);
/* index as a C integer; raises OverflowError / TypeError like CPython's
   PyNumber_AsSsize_t with IndexError/OverflowError. -1 with exception on error. */
intptr_t gp_number_as_ssize(gp_object_t *o, gp_type_t *overflow_exc);

bool gp_object_isinstance_type(gp_object_t *o, gp_type_t *type); /* exact subtype test */
/* isinstance(o, cls) with tuples and __instancecheck__-free semantics. */
int gp_object_isinstance(gp_object_t *o, gp_object_t *cls);
int gp_object_issubclass(gp_object_t *derived, gp_object_t *cls);
/* dir(o) as a sorted list. */
gp_object_t *gp_object_dir(gp_object_t *o);
/* The builtin listing (object.__dir__, type.__dir__), never calling a
   __dir__ the object's class defines: those call it through super(). */
gp_object_t *gp_object_dir_default(gp_object_t *o);

/* Default slots builtin types may point at. */
gp_object_t *gp_object_default_repr(gp_object_t *o); /* <X object at 0x...> */
intptr_t gp_object_default_hash(gp_object_t *o);    /* identity hash */
/* Marks a type unhashable: "unhashable type: 'list'". */
intptr_t gp_object_hash_not_implemented(gp_object_t *o);

/* ------------------------------------------------------------------ */
/* Errors (obj/error.c, obj/exceptions.c)                               */
/* ------------------------------------------------------------------ */

/* The exception types are static types defined in obj/exceptions.c. */
extern gp_type_t gp_exc_BaseException, gp_exc_Exception, gp_exc_SystemExit,
    gp_exc_KeyboardInterrupt, gp_exc_GeneratorExit, gp_exc_StopIteration,
    gp_exc_StopAsyncIteration, gp_exc_ArithmeticError, gp_exc_ZeroDivisionError,
    gp_exc_OverflowError, gp_exc_FloatingPointError, gp_exc_AssertionError,
    gp_exc_AttributeError, gp_exc_BufferError, gp_exc_EOFError, gp_exc_ImportError,
    gp_exc_ModuleNotFoundError, gp_exc_LookupError, gp_exc_IndexError, gp_exc_KeyError,
    gp_exc_MemoryError, gp_exc_NameError, gp_exc_UnboundLocalError, gp_exc_OSError,
    gp_exc_FileNotFoundError, gp_exc_FileExistsError, gp_exc_IsADirectoryError,
    gp_exc_NotADirectoryError, gp_exc_PermissionError, gp_exc_TimeoutError,
    gp_exc_ConnectionError, gp_exc_BrokenPipeError, gp_exc_ConnectionRefusedError,
    gp_exc_ConnectionResetError, gp_exc_ConnectionAbortedError, gp_exc_InterruptedError,
    gp_exc_BlockingIOError, gp_exc_ChildProcessError, gp_exc_ProcessLookupError,
    gp_exc_ReferenceError, gp_exc_RuntimeError, gp_exc_NotImplementedError,
    gp_exc_RecursionError, gp_exc_SyntaxError, gp_exc_IndentationError, gp_exc_TabError,
    gp_exc_SystemError, gp_exc_TypeError, gp_exc_ValueError, gp_exc_UnicodeError,
    gp_exc_UnicodeDecodeError, gp_exc_UnicodeEncodeError, gp_exc_Warning,
    gp_exc_UserWarning, gp_exc_DeprecationWarning, gp_exc_RuntimeWarning,
    gp_exc_UnicodeTranslateError, gp_exc_PendingDeprecationWarning, gp_exc_SyntaxWarning,
    gp_exc_FutureWarning, gp_exc_ImportWarning, gp_exc_UnicodeWarning, gp_exc_BytesWarning,
    gp_exc_ResourceWarning, gp_exc_EncodingWarning;

/* The exception instance layout (BaseException and every builtin subclass). */
typedef struct gp_exception {
    gp_object_t base;
    gp_object_t *args;      /* tuple */
    gp_object_t *traceback; /* traceback object or NULL */
    gp_object_t *context;   /* __context__ or NULL */
    gp_object_t *cause;     /* __cause__ or NULL */
    bool suppress_context;
    gp_object_t *dict;  /* __dict__ (extra attributes: errno, filename, value, code...) or NULL */
    gp_object_t *notes; /* reserved */
} gp_exception_t;

/* Raising. Each sets the current thread's exception (replacing any). */
void gp_err_set_object(gp_type_t *type, gp_object_t *value); /* value: args (non-tuple=single arg) */
void gp_err_set_string(gp_type_t *type, const char *msg);
/* printf-like, plus: %R repr(obj), %S str(obj), %T type name of obj
   ("int"), %N a type's name (gp_type_t *), %U a str object, %zd/%zu/%d/%ld/%lld/%s/%c/%p/%x. */
void gp_err_format(gp_type_t *type, const char *fmt, ...);
void gp_err_vformat(gp_type_t *type, const char *fmt, va_list ap);
/* Issues a warning of [category] through warnings.warn, blamed on the
   calling Python frame: 0, or -1 when a filter turned it into an error. */
int gp_err_warn(gp_type_t *category, const char *message);
/* Issues a warning of [category] for line [lineno] of [filename] through
   warnings.warn_explicit, with no module registry (the module is named
   after the file), as CPython's compiler does: 0, or -1 with the
   exception (the warning itself when a filter made it an error). */
int gp_err_warn_explicit(gp_type_t *category, const char *message, const char *filename,
                         int lineno);
/* Raises an exception instance (or class, which is instantiated). Steals nothing. */
void gp_err_set_exception(gp_object_t *exc);
void gp_err_no_memory(void); /* MemoryError without allocating */
/* OSError subclass chosen from errno (ENOENT -> FileNotFoundError...), with
   errno/strerror/filename attributes: "[Errno 2] No such file or directory: 'x'". */
void gp_err_set_from_errno(int errnum, gp_object_t *filename);

/* Inspecting. */
bool gp_err_occurred(void);
gp_object_t *gp_err_current(void); /* borrowed current exception or NULL */
/* Does the current exception match [type] (a type or tuple of types)? */
bool gp_err_matches(gp_type_t *type);
bool gp_exception_matches(gp_object_t *exc, gp_object_t *type_or_tuple);
/* Takes the current exception out (a new reference; NULL if none), clearing it. */
gp_object_t *gp_err_fetch(void);
/* Sets the current exception to [exc] (stolen; NULL clears). */
void gp_err_restore(gp_object_t *exc);
void gp_err_clear(void);

/* Creates an exception instance of [type] with [args] (a tuple, borrowed). */
gp_object_t *gp_exception_new(gp_type_t *type, gp_object_t *args);
/* Prints "Traceback (most recent call last):" ... "Type: msg" for [exc] to
   stderr, with its __cause__/__context__ chain, as CPython's default hook. */
void gp_exception_print(gp_object_t *exc);
/* Reports the pending exception, which cannot propagate (a __del__, a
   weakref callback...), through sys.unraisablehook and clears it; the
   default hook prints "[err_msg]: repr([obj])" ("Exception ignored in" when
   [err_msg] is NULL) and the traceback on sys.stderr. Lives in mod/sys.c. */
void gp_err_write_unraisable(const char *err_msg, gp_object_t *obj);

/* ------------------------------------------------------------------ */
/* Ints (obj/int.c, obj/bool.c)                                          */
/* ------------------------------------------------------------------ */

gp_object_t *gp_int_from_i64(int64_t v); /* small when it fits; never fails for small */
gp_object_t *gp_int_from_u64(uint64_t v);
gp_object_t *gp_int_from_double(double d); /* truncation; OverflowError for inf, ValueError nan */
/* Parses [len] bytes of int text in [base] (0 = by prefix, like int(s, 0)),
   with CPython's rules for whitespace, sign and underscores. Raises
   ValueError "invalid literal for int() with base 10: 'x'". */
gp_object_t *gp_int_from_string(const char *s, size_t len, int base);
/* C value of an int (any int or int subclass; no __index__ call). Raises
   OverflowError "Python int too large to convert to C long" on overflow;
   -1 with exception set on error (check gp_err_occurred() when -1). */
int64_t gp_int_as_i64(gp_object_t *o);
/* Like gp_int_as_i64 but saturates instead of raising; *overflow = -1/0/1. */
int64_t gp_int_as_i64_overflow(gp_object_t *o, int *overflow);
double gp_int_as_double(gp_object_t *o); /* OverflowError "int too large to convert to float" */
int gp_int_sign(gp_object_t *o);         /* -1, 0, 1 */
/* Decimal (or base 2/8/16 with prefix as bin/oct/hex) representation. */
gp_object_t *gp_int_to_string(gp_object_t *o, int base);
/* format(int, spec) for the format-spec mini-language (d b o x X c n e f g %, , _). */
gp_object_t *gp_int_format(gp_object_t *o, const char *spec, size_t spec_len);
intptr_t gp_int_hash(gp_object_t *o);

/* ------------------------------------------------------------------ */
/* Floats (obj/float.c)                                                  */
/* ------------------------------------------------------------------ */

typedef struct gp_float {
    gp_object_t base;
    double value;
} gp_float_t;
gp_object_t *gp_float_new(double v);
/* added by cmath (obj/complex.c): a new complex, and the parts of any value
   complex() would accept as its first argument that is not a str
   (__complex__, then __float__/__index__); -1 with TypeError otherwise. */
gp_object_t *gp_complex_from_doubles(double real, double imag);
int gp_complex_as_doubles(gp_object_t *o, double *real, double *imag);
/* (ar + ai j) ** (br + bi j), with CPython's rules and errors. */
gp_object_t *gp_complex_pow_doubles(double ar, double ai, double br, double bi);
static inline double gp_float_value(gp_object_t *o) { return ((gp_float_t *)o)->value; }
/* float(x) semantics for int/float/objects with __float__/__index__; -1.0 with exception set on error. */
double gp_float_as_double(gp_object_t *o);
/* repr(float): shortest round-trip text as CPython ("0.1", "1e+16", "inf", "nan", "-0.0"). */
gp_object_t *gp_float_repr_of(double v);
gp_object_t *gp_float_format(gp_object_t *o, const char *spec, size_t spec_len);
intptr_t gp_float_hash_of(double v); /* CPython's numeric hash: hash(1.0) == hash(1) */

/* ------------------------------------------------------------------ */
/* Strings (obj/str.c, obj/str_format.c)                                 */
/* ------------------------------------------------------------------ */

/* str is immutable UTF-8 with a code point length; see str.c for layout. */
gp_object_t *gp_str_from_utf8(const char *s, size_t len); /* validates; UnicodeDecodeError */
gp_object_t *gp_str_from_cstr(const char *s);
gp_object_t *gp_str_from_format(const char *fmt, ...); /* same directives as gp_err_format */
gp_object_t *gp_str_from_vformat(const char *fmt, va_list ap);
/* The UTF-8 bytes (NUL-terminated) and their byte length. Borrowed, valid while o lives. */
const char *gp_str_utf8(gp_object_t *o);
size_t gp_str_utf8_len(gp_object_t *o);
intptr_t gp_str_length(gp_object_t *o); /* in code points */
bool gp_str_is_ascii(gp_object_t *o);
/* Interned str for an identifier: equal strings give the same object.
   Returns a new reference. */
gp_object_t *gp_str_intern(gp_object_t *s);          /* steals s, returns the canonical one */
gp_object_t *gp_str_intern_cstr(const char *s);      /* new reference to the interned str */
/* Borrowed interned str that lives as long as the runtime: for hot C paths
   (gp_str_static("__init__")). */
gp_object_t *gp_str_static(const char *s);
bool gp_str_eq_cstr(gp_object_t *o, const char *s);
int gp_str_compare(gp_object_t *a, gp_object_t *b); /* <0, 0, >0 by code points */
gp_object_t *gp_str_concat(gp_object_t *a, gp_object_t *b);
/* sep.join(iterable of str). */
gp_object_t *gp_str_join(gp_object_t *sep, gp_object_t *iterable);
intptr_t gp_str_hash(gp_object_t *o);
/* repr(str) with CPython's quoting and escapes. */
gp_object_t *gp_str_repr_of(gp_object_t *o);
/* format(str, spec) ; "%" operator ; str.format. */
gp_object_t *gp_str_format_spec(gp_object_t *o, const char *spec, size_t spec_len);
gp_object_t *gp_str_percent_format(gp_object_t *format, gp_object_t *args);
gp_object_t *gp_str_format_method(gp_object_t *format, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames);

/* A growable UTF-8 buffer for building strings in C. */
typedef struct gp_strbuf {
    char *data;
    size_t len, cap;
    bool failed; /* an allocation failed; finish() then raises MemoryError */
} gp_strbuf_t;
void gp_strbuf_init(gp_strbuf_t *b);
void gp_strbuf_append(gp_strbuf_t *b, const char *s, size_t len);
void gp_strbuf_append_cstr(gp_strbuf_t *b, const char *s);
void gp_strbuf_append_char(gp_strbuf_t *b, char c);
void gp_strbuf_append_codepoint(gp_strbuf_t *b, uint32_t cp);
void gp_strbuf_append_str(gp_strbuf_t *b, gp_object_t *str);
void gp_strbuf_printf(gp_strbuf_t *b, const char *fmt, ...);
/* Builds the str (buffer must be valid UTF-8) and frees the buffer. */
gp_object_t *gp_strbuf_finish(gp_strbuf_t *b);
void gp_strbuf_discard(gp_strbuf_t *b);

/* ------------------------------------------------------------------ */
/* Bytes (obj/bytes.c)                                                   */
/* ------------------------------------------------------------------ */

gp_object_t *gp_bytes_new(const void *data, size_t len);
const char *gp_bytes_data(gp_object_t *o); /* bytes or bytearray; borrowed */
size_t gp_bytes_len(gp_object_t *o);
gp_object_t *gp_bytearray_new(const void *data, size_t len);

/* ------------------------------------------------------------------ */
/* Tuples and lists (obj/tuple.c, obj/list.c)                            */
/* ------------------------------------------------------------------ */

typedef struct gp_tuple {
    gp_varobject_t base; /* size = item count */
    gp_object_t *items[];
} gp_tuple_t;
/* New tuple of [n] NULL slots: fill every slot with GP_TUPLE_SET before use. */
gp_object_t *gp_tuple_new(size_t n);
gp_object_t *gp_tuple_pack(size_t n, ...);                    /* borrowed items */
gp_object_t *gp_tuple_from_array(gp_object_t *const *items, size_t n); /* borrowed items */
gp_object_t *gp_tuple_from_iterable(gp_object_t *iterable);
#define GP_TUPLE_SIZE(t) (((gp_varobject_t *)(t))->size)
#define GP_TUPLE_ITEMS(t) (((gp_tuple_t *)(t))->items)
#define GP_TUPLE_GET(t, i) (((gp_tuple_t *)(t))->items[i])        /* borrowed */
#define GP_TUPLE_SET(t, i, v) (((gp_tuple_t *)(t))->items[i] = (v)) /* steals v */
extern gp_object_t *gp_empty_tuple; /* borrowed, immortal for the runtime's life */

typedef struct gp_list {
    gp_object_t base;
    intptr_t size;
    intptr_t allocated;
    gp_object_t **items;
} gp_list_t;
gp_object_t *gp_list_new(size_t n); /* n NULL slots to fill with GP_LIST_SET */
gp_object_t *gp_list_from_array(gp_object_t *const *items, size_t n);
gp_object_t *gp_list_from_iterable(gp_object_t *iterable);
int gp_list_append(gp_object_t *list, gp_object_t *item); /* does not steal */
int gp_list_extend(gp_object_t *list, gp_object_t *iterable);
int gp_list_insert(gp_object_t *list, intptr_t index, gp_object_t *item);
int gp_list_sort(gp_object_t *list, gp_object_t *key, bool reverse); /* stable timsort/mergesort */
int gp_list_reverse(gp_object_t *list);
gp_object_t *gp_list_as_tuple(gp_object_t *list);
#define GP_LIST_SIZE(l) (((gp_list_t *)(l))->size)
#define GP_LIST_ITEMS(l) (((gp_list_t *)(l))->items)
#define GP_LIST_GET(l, i) (((gp_list_t *)(l))->items[i])        /* borrowed */
#define GP_LIST_SET(l, i, v) (((gp_list_t *)(l))->items[i] = (v)) /* steals v, no DECREF of old */

/* ------------------------------------------------------------------ */
/* Dicts and sets (obj/dict.c, obj/set.c)                                */
/* ------------------------------------------------------------------ */

gp_object_t *gp_dict_new(void);
/* Borrowed value or NULL. NULL without exception: key missing; with an
   exception: hashing/comparing failed. */
gp_object_t *gp_dict_getitem(gp_object_t *d, gp_object_t *key);
gp_object_t *gp_dict_getitem_cstr(gp_object_t *d, const char *key);
/* With a precomputed hash (e.g. of an interned str). */
gp_object_t *gp_dict_getitem_hash(gp_object_t *d, gp_object_t *key, intptr_t hash);
int gp_dict_setitem(gp_object_t *d, gp_object_t *key, gp_object_t *value); /* does not steal */
int gp_dict_setitem_cstr(gp_object_t *d, const char *key, gp_object_t *value);
/* -1 with KeyError if missing. */
int gp_dict_delitem(gp_object_t *d, gp_object_t *key);
int gp_dict_contains(gp_object_t *d, gp_object_t *key); /* 0/1, -1 */
intptr_t gp_dict_size(gp_object_t *d);
/* Iteration in insertion order: start with *pos = 0; returns false at the end.
   key/value borrowed. The dict must not change during iteration. */
bool gp_dict_next(gp_object_t *d, intptr_t *pos, gp_object_t **key, gp_object_t **value);
gp_object_t *gp_dict_copy(gp_object_t *d);
int gp_dict_update(gp_object_t *d, gp_object_t *other); /* dict or mapping with keys() or iterable of pairs */
/* The `**other` of a call to [func] merged into [d]: TypeError, naming
   [func] as CPython does, on a duplicate keyword or a non-mapping. */
int gp_dict_merge_kwargs(gp_object_t *d, gp_object_t *other, gp_object_t *func);
/* How messages about a call's arguments name the callable, as CPython's
   _PyObject_FunctionStr: "module.qualname()", "qualname()" for builtins,
   else str(func). New reference, or NULL with an exception. */
gp_object_t *gp_object_function_str(gp_object_t *func);
void gp_dict_clear(gp_object_t *d);
gp_object_t *gp_dict_keys_list(gp_object_t *d);
/* Bumped on each insertion/deletion of a key (not on value updates of existing keys):
   global-lookup caches key on it. */
uint64_t gp_dict_version(gp_object_t *d);

gp_object_t *gp_set_new(gp_object_t *iterable); /* iterable may be NULL */
gp_object_t *gp_frozenset_new(gp_object_t *iterable);
int gp_set_add(gp_object_t *set, gp_object_t *item);
int gp_set_discard(gp_object_t *set, gp_object_t *item); /* 1 removed, 0 absent, -1 */
int gp_set_contains(gp_object_t *set, gp_object_t *item);
intptr_t gp_set_size(gp_object_t *set);
bool gp_set_next(gp_object_t *set, intptr_t *pos, gp_object_t **item); /* borrowed */

/* ------------------------------------------------------------------ */
/* Slices and ranges (obj/slice.c, obj/range.c)                          */
/* ------------------------------------------------------------------ */

typedef struct gp_slice {
    gp_object_t base;
    gp_object_t *start, *stop, *step; /* never NULL: None when absent */
} gp_slice_t;
gp_object_t *gp_slice_new(gp_object_t *start, gp_object_t *stop, gp_object_t *step);
/* Resolves a slice against a sequence of [length], as PySlice_GetIndicesEx:
   returns the number of items, -1 with exception on error. */
intptr_t gp_slice_indices(gp_object_t *slice, intptr_t length, intptr_t *start, intptr_t *stop,
                          intptr_t *step);
gp_object_t *gp_range_new(intptr_t start, intptr_t stop, intptr_t step);

/* ------------------------------------------------------------------ */
/* Functions, modules and builtin callables                              */
/* ------------------------------------------------------------------ */

/* A C function as a Python callable (builtin_function_or_method). [self] is
   bound (module, instance or NULL); [def] must outlive the object. */
gp_object_t *gp_cfunction_new(const gp_method_def_t *def, gp_object_t *self);

/* Modules: a dict-backed namespace with __name__. */
gp_object_t *gp_module_new(const char *name);
gp_object_t *gp_module_dict(gp_object_t *module); /* borrowed */
/* Adds each def as a cfunction bound to the module. */
int gp_module_add_functions(gp_object_t *module, const gp_method_def_t *defs);
int gp_module_add_object(gp_object_t *module, const char *name, gp_object_t *value); /* no steal */
int gp_module_add_int(gp_object_t *module, const char *name, int64_t value);

/* Bound method (instance method of a Python function). */
gp_object_t *gp_method_new(gp_object_t *function, gp_object_t *self);

/* Argument parsing for C functions: matches positional args and keywords
   against [names] (NULL-terminated, a leading "$" marks keyword-only, a
   leading "/" positional-only) and stores borrowed pointers in out[] (NULL
   where an optional argument was not given). [min_args] are required.
   Errors as CPython's: "f() takes at most 2 arguments (3 given)",
   "f() missing required argument 'x' (pos 1)", "f() got an unexpected keyword
   argument 'y'". Returns 0 or -1. */
int gp_args_parse(const char *fname, gp_object_t *const *args, size_t nargs,
                  gp_object_t *kwnames, const char *const *names, size_t min_args,
                  gp_object_t **out);
/* Checks positional-only arity: "f() takes exactly one argument (2 given)" etc. */
int gp_args_check(const char *fname, size_t nargs, gp_object_t *kwnames, size_t min, size_t max);

/* added by types (obj/type.c): does [o] carry a gc head? `type` is a GC type
   (heap classes form cycles through their mro and dict), but static type
   objects such as gp_int_type are plain C globals without the prefix, so a
   visitor must never read GP_GC_HEAD of one. The collector and every other
   reader of gc heads must use this test, not the type's GC flag alone. */
static inline bool gp_object_is_gc(const gp_object_t *o)
{
    if (GP_IS_SMALL(o) || !(o->type->flags & GP_TYPE_FLAG_GC))
        return false;
    if (o->type->flags & GP_TYPE_FLAG_TYPE_SUBCLASS)
        return (((const gp_type_t *)o)->flags & GP_TYPE_FLAG_HEAPTYPE) != 0;
    return true;
}

#endif /* GP_OBJECT_H */
