/*
 * slots.c - where C slots and Python dunder methods meet.
 *
 * Design notes
 * ------------
 * One table, `slotdefs`, lists every dunder name that corresponds to a C
 * slot of gp_type_t, with the slot group it belongs to and the way its
 * arguments map onto the slot's C signature. The table is read in both
 * directions:
 *
 *   - C to Python (static types): for each slot a builtin type defines
 *     itself, a "slot wrapper" descriptor goes into the type's dict, so
 *     `int.__add__`, `object.__init__` and `super().__repr__()` reach the C
 *     code of that particular class. Calling a wrapper calls the slot of the
 *     class that owns the wrapper, never the slot of type(self), which is
 *     what keeps `super().__add__(x)` in a subclass from recursing.
 *
 *   - Python to C (heap types): for each slot group, the dunders of the
 *     group are looked up along the class's MRO. None found: the slot stays
 *     empty. Only slot wrappers of one builtin implementation found: the slot
 *     *is* that C function, so `class L(list): pass` runs list's code
 *     directly. Anything else (a Python function, None, a staticmethod...):
 *     the group's generic slot, which looks the dunder up on each call.
 *     The lookup goes through the type cache, so it costs a hash probe.
 *
 * Assigning a dunder on a class after creation (`C.__add__ = f`) calls
 * gp_slots_update, which recomputes that group for the class and every
 * subclass.
 *
 * Binary operators follow CPython's SLOT1BINFULL: the generic binop slot
 * tries the left operand's __op__ and the right operand's __rop__, with a
 * subclass's reflected method first when it overrides it.
 */
#include <string.h>

#include "obj/genericalias.h"
#include "obj/object.h"
#include "obj/type.h"
#include "runtime/runtime.h"

enum slot_group {
    G_REPR,
    G_STR,
    G_HASH,
    G_CMP,
    G_GETATTR,
    G_SETATTR,
    G_CALL,
    G_ITER,
    G_NEXT,
    G_BINOP,
    G_POW3,
    G_UNOP,
    G_BOOL,
    G_INT,
    G_FLOAT,
    G_INDEX,
    G_LEN,
    G_GETITEM,
    G_SETITEM,
    G_CONTAINS,
    G_GET,
    G_SET,
    G_INIT,
    G_NEW,
    G_COUNT,
};

/* How a wrapper maps Python arguments onto the slot. */
enum wrap_kind {
    K_NONE, /* no wrapper: the name only feeds a heap type's slot */
    K_UNARY,
    K_HASH,
    K_CMP,
    K_GETATTR,
    K_SETATTR,
    K_DELATTR,
    K_CALL,
    K_NEXT,
    K_BINOP,
    K_RBINOP,
    K_IBINOP,
    K_POW,
    K_RPOW,
    K_UNOP,
    K_BOOL,
    K_LEN,
    K_GETITEM,
    K_SETITEM,
    K_DELITEM,
    K_CONTAINS,
    K_GET,
    K_SET,
    K_DELETE,
    K_INIT,
};

typedef struct slotdef {
    const char *name;
    unsigned char group;
    unsigned char kind;
    signed char op; /* binop, cmpop or unop number */
} slotdef_t;

#define BINOP3(n, op)                                                           \
    {"__" n "__", G_BINOP, K_BINOP, op}, {"__r" n "__", G_BINOP, K_RBINOP, op}, \
    {                                                                           \
        "__i" n "__", G_BINOP, K_IBINOP, op                                     \
    }

static const slotdef_t slotdefs[] = {
    {"__repr__", G_REPR, K_UNARY, 0},
    {"__str__", G_STR, K_UNARY, 0},
    {"__hash__", G_HASH, K_HASH, 0},
    {"__lt__", G_CMP, K_CMP, GP_CMP_LT},
    {"__le__", G_CMP, K_CMP, GP_CMP_LE},
    {"__eq__", G_CMP, K_CMP, GP_CMP_EQ},
    {"__ne__", G_CMP, K_CMP, GP_CMP_NE},
    {"__gt__", G_CMP, K_CMP, GP_CMP_GT},
    {"__ge__", G_CMP, K_CMP, GP_CMP_GE},
    {"__getattribute__", G_GETATTR, K_GETATTR, 0},
    {"__getattr__", G_GETATTR, K_NONE, 0},
    {"__setattr__", G_SETATTR, K_SETATTR, 0},
    {"__delattr__", G_SETATTR, K_DELATTR, 0},
    {"__call__", G_CALL, K_CALL, 0},
    {"__iter__", G_ITER, K_UNARY, 0},
    {"__next__", G_NEXT, K_NEXT, 0},
    BINOP3("add", GP_BINOP_ADD),
    BINOP3("sub", GP_BINOP_SUB),
    BINOP3("mul", GP_BINOP_MUL),
    BINOP3("truediv", GP_BINOP_TRUEDIV),
    BINOP3("floordiv", GP_BINOP_FLOORDIV),
    BINOP3("mod", GP_BINOP_MOD),
    {"__pow__", G_BINOP, K_POW, GP_BINOP_POW},
    {"__rpow__", G_BINOP, K_RPOW, GP_BINOP_POW},
    {"__ipow__", G_BINOP, K_IBINOP, GP_BINOP_POW},
    BINOP3("lshift", GP_BINOP_LSHIFT),
    BINOP3("rshift", GP_BINOP_RSHIFT),
    BINOP3("and", GP_BINOP_AND),
    BINOP3("or", GP_BINOP_OR),
    BINOP3("xor", GP_BINOP_XOR),
    BINOP3("matmul", GP_BINOP_MATMUL),
    {"__divmod__", G_BINOP, K_BINOP, GP_BINOP_DIVMOD},
    {"__rdivmod__", G_BINOP, K_RBINOP, GP_BINOP_DIVMOD},
    {"__neg__", G_UNOP, K_UNOP, GP_UNOP_NEG},
    {"__pos__", G_UNOP, K_UNOP, GP_UNOP_POS},
    {"__invert__", G_UNOP, K_UNOP, GP_UNOP_INVERT},
    {"__abs__", G_UNOP, K_UNOP, GP_UNOP_ABS},
    {"__bool__", G_BOOL, K_BOOL, 0},
    {"__int__", G_INT, K_UNARY, 0},
    {"__float__", G_FLOAT, K_UNARY, 0},
    {"__index__", G_INDEX, K_UNARY, 0},
    {"__len__", G_LEN, K_LEN, 0},
    {"__getitem__", G_GETITEM, K_GETITEM, 0},
    {"__setitem__", G_SETITEM, K_SETITEM, 0},
    {"__delitem__", G_SETITEM, K_DELITEM, 0},
    {"__contains__", G_CONTAINS, K_CONTAINS, 0},
    {"__get__", G_GET, K_GET, 0},
    {"__set__", G_SET, K_SET, 0},
    {"__delete__", G_SET, K_DELETE, 0},
    {"__init__", G_INIT, K_INIT, 0},
    {"__new__", G_NEW, K_NONE, 0},
};

#define NSLOTDEFS (sizeof(slotdefs) / sizeof(slotdefs[0]))

static const char *const binop_dunder[GP_BINOP_COUNT][3] = {
    {"__add__", "__radd__", "__iadd__"},
    {"__sub__", "__rsub__", "__isub__"},
    {"__mul__", "__rmul__", "__imul__"},
    {"__truediv__", "__rtruediv__", "__itruediv__"},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    {"__mod__", "__rmod__", "__imod__"},
    {"__pow__", "__rpow__", "__ipow__"},
    {"__lshift__", "__rlshift__", "__ilshift__"},
    {"__rshift__", "__rrshift__", "__irshift__"},
    {"__and__", "__rand__", "__iand__"},
    {"__or__", "__ror__", "__ior__"},
    {"__xor__", "__rxor__", "__ixor__"},
    {"__matmul__", "__rmatmul__", "__imatmul__"},
    {"__divmod__", "__rdivmod__", NULL},
};

static const char *const cmp_dunder[] = {"__lt__", "__le__", "__eq__",
                                         "__ne__", "__gt__", "__ge__"};
static const char *const unop_dunder[] = {"__neg__", "__pos__", "__invert__", "__abs__"};

/* ------------------------------------------------------------------ */
/* Reading and writing a slot generically                               */
/* ------------------------------------------------------------------ */

typedef void (*fnptr_t)(void);

static fnptr_t slot_get(gp_type_t *t, int group)
{
    switch (group) {
    case G_REPR:
        return (fnptr_t)t->repr;
    case G_STR:
        return (fnptr_t)t->str;
    case G_HASH:
        return (fnptr_t)t->hash;
    case G_CMP:
        return (fnptr_t)t->richcompare;
    case G_GETATTR:
        return (fnptr_t)t->getattr;
    case G_SETATTR:
        return (fnptr_t)t->setattr;
    case G_CALL:
        return (fnptr_t)t->call;
    case G_ITER:
        return (fnptr_t)t->iter;
    case G_NEXT:
        return (fnptr_t)t->iternext;
    case G_BINOP:
        return (fnptr_t)t->binop;
    case G_POW3:
        return (fnptr_t)t->pow3;
    case G_UNOP:
        return (fnptr_t)t->unop;
    case G_BOOL:
        return (fnptr_t)t->to_bool;
    case G_INT:
        return (fnptr_t)t->to_int;
    case G_FLOAT:
        return (fnptr_t)t->to_float;
    case G_INDEX:
        return (fnptr_t)t->to_index;
    case G_LEN:
        return (fnptr_t)t->len;
    case G_GETITEM:
        return (fnptr_t)t->getitem;
    case G_SETITEM:
        return (fnptr_t)t->setitem;
    case G_CONTAINS:
        return (fnptr_t)t->contains;
    case G_GET:
        return (fnptr_t)t->descr_get;
    case G_SET:
        return (fnptr_t)t->descr_set;
    case G_INIT:
        return (fnptr_t)t->init;
    case G_NEW:
        return (fnptr_t)t->new_;
    default:
        return NULL;
    }
}

static void slot_put(gp_type_t *t, int group, fnptr_t f)
{
    switch (group) {
    case G_REPR:
        t->repr = (gp_object_t * (*)(gp_object_t *)) f;
        break;
    case G_STR:
        t->str = (gp_object_t * (*)(gp_object_t *)) f;
        break;
    case G_HASH:
        t->hash = (intptr_t(*)(gp_object_t *))f;
        break;
    case G_CMP:
        t->richcompare = (gp_object_t * (*)(gp_object_t *, gp_object_t *, gp_cmpop_t)) f;
        break;
    case G_GETATTR:
        t->getattr = (gp_object_t * (*)(gp_object_t *, gp_object_t *)) f;
        break;
    case G_SETATTR:
        t->setattr = (int (*)(gp_object_t *, gp_object_t *, gp_object_t *))f;
        break;
    case G_CALL:
        t->call = (gp_vectorcall_fn)f;
        break;
    case G_ITER:
        t->iter = (gp_object_t * (*)(gp_object_t *)) f;
        break;
    case G_NEXT:
        t->iternext = (gp_object_t * (*)(gp_object_t *)) f;
        break;
    case G_BINOP:
        t->binop = (gp_object_t * (*)(gp_object_t *, gp_object_t *, int)) f;
        break;
    case G_POW3:
        t->pow3 = (gp_object_t * (*)(gp_object_t *, gp_object_t *, gp_object_t *)) f;
        break;
    case G_UNOP:
        t->unop = (gp_object_t * (*)(gp_object_t *, gp_unop_t)) f;
        break;
    case G_BOOL:
        t->to_bool = (int (*)(gp_object_t *))f;
        break;
    case G_INT:
        t->to_int = (gp_object_t * (*)(gp_object_t *)) f;
        break;
    case G_FLOAT:
        t->to_float = (gp_object_t * (*)(gp_object_t *)) f;
        break;
    case G_INDEX:
        t->to_index = (gp_object_t * (*)(gp_object_t *)) f;
        break;
    case G_LEN:
        t->len = (intptr_t(*)(gp_object_t *))f;
        break;
    case G_GETITEM:
        t->getitem = (gp_object_t * (*)(gp_object_t *, gp_object_t *)) f;
        break;
    case G_SETITEM:
        t->setitem = (int (*)(gp_object_t *, gp_object_t *, gp_object_t *))f;
        break;
    case G_CONTAINS:
        t->contains = (int (*)(gp_object_t *, gp_object_t *))f;
        break;
    case G_GET:
        t->descr_get = (gp_object_t * (*)(gp_object_t *, gp_object_t *, gp_object_t *)) f;
        break;
    case G_SET:
        t->descr_set = (int (*)(gp_object_t *, gp_object_t *, gp_object_t *))f;
        break;
    case G_INIT:
        t->init = (int (*)(gp_object_t *, gp_object_t *const *, size_t, gp_object_t *))f;
        break;
    case G_NEW:
        t->new_ = (gp_object_t * (*)(gp_type_t *, gp_object_t *const *, size_t, gp_object_t *)) f;
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Slot wrappers: C slots as Python methods                             */
/* ------------------------------------------------------------------ */

typedef struct wrapper_descr {
    gp_object_t base;
    gp_type_t *type;
    const slotdef_t *def;
} wrapper_descr_t;

typedef struct method_wrapper {
    gp_object_t base;
    wrapper_descr_t *descr;
    gp_object_t *self;
} method_wrapper_t;

static int wrap_check_args(const slotdef_t *def, size_t nargs, gp_object_t *kwnames, size_t min,
                           size_t max)
{
    if (kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t want = nargs < min ? min : max;
        gp_err_format(&gp_exc_TypeError, "expected %zu argument%s, got %zu", want,
                      want == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static gp_object_t *none_or_error(int rc)
{
    return rc < 0 ? NULL : gp_none_new();
}

/* Calls [type]'s own slot for [def] on [self] with the Python arguments. */
static gp_object_t *wrapper_call_slot(gp_type_t *type, const slotdef_t *def, gp_object_t *self,
                                      gp_object_t *const *args, size_t nargs, gp_object_t *kwnames)
{
    if (def->kind == K_CALL)
        return type->call(self, args, nargs, kwnames);
    if (def->kind == K_INIT) {
        return none_or_error(type->init(self, args, nargs, kwnames));
    }
    size_t min = 0, max = 0;
    switch (def->kind) {
    case K_CMP:
    case K_GETATTR:
    case K_DELATTR:
    case K_BINOP:
    case K_RBINOP:
    case K_IBINOP:
    case K_GETITEM:
    case K_DELITEM:
    case K_CONTAINS:
    case K_DELETE:
        min = max = 1;
        break;
    case K_SETATTR:
    case K_SETITEM:
    case K_SET:
        min = max = 2;
        break;
    case K_POW:
    case K_RPOW:
    case K_GET:
        min = 1, max = 2;
        break;
    default:
        break;
    }
    if (wrap_check_args(def, nargs, kwnames, min, max) < 0)
        return NULL;
    switch (def->kind) {
    case K_UNARY:
        return ((gp_object_t * (*)(gp_object_t *)) slot_get(type, def->group))(self);
    case K_HASH: {
        intptr_t h = type->hash(self);
        return h == -1 && gp_err_occurred() ? NULL : gp_int_from_i64(h);
    }
    case K_CMP:
        return type->richcompare(self, args[0], (gp_cmpop_t)def->op);
    case K_GETATTR:
        if (!gp_str_check(args[0])) {
            gp_err_format(&gp_exc_TypeError, "attribute name must be string, not '%s'",
                          gp_type_name(GP_TYPE(args[0])));
            return NULL;
        }
        return type->getattr(self, args[0]);
    case K_SETATTR:
    case K_DELATTR:
        if (!gp_str_check(args[0])) {
            gp_err_format(&gp_exc_TypeError, "attribute name must be string, not '%s'",
                          gp_type_name(GP_TYPE(args[0])));
            return NULL;
        }
        return none_or_error(type->setattr(self, args[0], def->kind == K_SETATTR ? args[1] : NULL));
    case K_NEXT: {
        gp_object_t *res = type->iternext(self);
        if (res == NULL && !gp_err_occurred())
            gp_err_set_object(&gp_exc_StopIteration, NULL);
        return res;
    }
    case K_BINOP:
        return type->binop(self, args[0], def->op);
    case K_RBINOP:
        return type->binop(args[0], self, def->op);
    case K_IBINOP:
        return type->binop(self, args[0], def->op | GP_BINOP_INPLACE);
    case K_POW:
        if (nargs == 2 && args[1] != gp_None)
            return type->pow3 ? type->pow3(self, args[0], args[1]) : GP_INCREF(gp_NotImplemented);
        return type->binop(self, args[0], GP_BINOP_POW);
    case K_RPOW:
        if (nargs == 2 && args[1] != gp_None)
            return type->pow3 ? type->pow3(args[0], self, args[1]) : GP_INCREF(gp_NotImplemented);
        return type->binop(args[0], self, GP_BINOP_POW);
    case K_UNOP:
        return type->unop(self, (gp_unop_t)def->op);
    case K_BOOL: {
        int r = type->to_bool(self);
        return r < 0 ? NULL : gp_bool_from(r);
    }
    case K_LEN: {
        intptr_t n = type->len(self);
        return n < 0 ? NULL : gp_int_from_i64(n);
    }
    case K_GETITEM:
        return type->getitem(self, args[0]);
    case K_SETITEM:
        return none_or_error(type->setitem(self, args[0], args[1]));
    case K_DELITEM:
        return none_or_error(type->setitem(self, args[0], NULL));
    case K_CONTAINS: {
        int r = type->contains(self, args[0]);
        return r < 0 ? NULL : gp_bool_from(r);
    }
    case K_GET: {
        gp_object_t *obj = args[0] == gp_None ? NULL : args[0];
        gp_object_t *owner = nargs > 1 && args[1] != gp_None ? args[1] : NULL;
        if (obj == NULL && owner == NULL) {
            gp_err_set_string(&gp_exc_TypeError, "__get__(None, None) is invalid");
            return NULL;
        }
        return type->descr_get(self, obj, owner);
    }
    case K_SET:
        return none_or_error(type->descr_set(self, args[0], args[1]));
    case K_DELETE:
        return none_or_error(type->descr_set(self, args[0], NULL));
    default:
        gp_err_set_string(&gp_exc_SystemError, "bad slot wrapper");
        return NULL;
    }
}

static gp_object_t *wrapper_descr_call(gp_object_t *callable, gp_object_t *const *args,
                                       size_t nargs, gp_object_t *kwnames)
{
    wrapper_descr_t *d = (wrapper_descr_t *)callable;
    if (nargs < 1) {
        gp_err_format(&gp_exc_TypeError, "descriptor '%s' of '%s' object needs an argument",
                      d->def->name, gp_type_name(d->type));
        return NULL;
    }
    if (!gp_object_isinstance_type(args[0], d->type)) {
        gp_err_format(&gp_exc_TypeError,
                      "descriptor '%s' requires a '%s' object but received a '%s'", d->def->name,
                      d->type->name, GP_TYPE(args[0])->name);
        return NULL;
    }
    return wrapper_call_slot(d->type, d->def, args[0], args + 1, nargs - 1, kwnames);
}

static gp_object_t *wrapper_descr_get(gp_object_t *descr, gp_object_t *obj, gp_object_t *owner)
{
    wrapper_descr_t *d = (wrapper_descr_t *)descr;
    if (obj == NULL)
        return GP_INCREF(descr);
    if (!gp_object_isinstance_type(obj, d->type)) {
        gp_err_format(&gp_exc_TypeError,
                      "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                      d->def->name, d->type->name, GP_TYPE(obj)->name);
        return NULL;
    }
    method_wrapper_t *m = (method_wrapper_t *)gp_object_alloc(&gp_method_wrapper_type, 0);
    if (m == NULL)
        return NULL;
    m->descr = (wrapper_descr_t *)GP_INCREF(descr);
    m->self = GP_INCREF(obj);
    gp_gc_track((gp_object_t *)m);
    return (gp_object_t *)m;
}

static void wrapper_descr_dealloc(gp_object_t *self)
{
    gp_object_free(self);
}

static gp_object_t *wrapper_descr_repr(gp_object_t *self)
{
    wrapper_descr_t *d = (wrapper_descr_t *)self;
    return gp_str_from_format("<slot wrapper '%s' of '%s' objects>", d->def->name,
                              gp_type_name(d->type));
}

static gp_object_t *wrapper_get_name(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(((wrapper_descr_t *)self)->def->name);
}

static gp_object_t *wrapper_get_qualname(gp_object_t *self, void *closure)
{
    wrapper_descr_t *d = (wrapper_descr_t *)self;
    return gp_str_from_format("%s.%s", gp_type_name(d->type), d->def->name);
}

static gp_object_t *wrapper_get_objclass(gp_object_t *self, void *closure)
{
    return GP_INCREF((gp_object_t *)((wrapper_descr_t *)self)->type);
}

/* CPython's docstring for the slot wrapper [def], which help() and
   pydoc show. Operators are described by their symbol. */
static gp_object_t *slot_doc(const slotdef_t *def)
{
    static const char *const binop_symbols[GP_BINOP_COUNT] = {
        "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@", "divmod"};
    static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
    static const char *const unop_docs[] = {"-self", "+self", "~self", "abs(self)"};
    static const struct {
        const char *name, *doc;
    } fixed[] = {
        {"__repr__", "Return repr(self)."},
        {"__str__", "Return str(self)."},
        {"__hash__", "Return hash(self)."},
        {"__getattribute__", "Return getattr(self, name)."},
        {"__setattr__", "Implement setattr(self, name, value)."},
        {"__delattr__", "Implement delattr(self, name)."},
        {"__call__", "Call self as a function."},
        {"__iter__", "Implement iter(self)."},
        {"__next__", "Implement next(self)."},
        {"__pow__", "Return pow(self, value, mod)."},
        {"__rpow__", "Return pow(value, self, mod)."},
        {"__divmod__", "Return divmod(self, value)."},
        {"__rdivmod__", "Return divmod(value, self)."},
        {"__iadd__", "Implement self+=value."},
        {"__imul__", "Implement self*=value."},
        {"__bool__", "True if self else False"},
        {"__int__", "int(self)"},
        {"__float__", "float(self)"},
        {"__index__", "Return self converted to an integer, if self is suitable for use as an "
                      "index into a list."},
        {"__len__", "Return len(self)."},
        {"__getitem__", "Return self[key]."},
        {"__setitem__", "Set self[key] to value."},
        {"__delitem__", "Delete self[key]."},
        {"__contains__", "Return key in self."},
        {"__get__", "Return an attribute of instance, which is of type owner."},
        {"__set__", "Set an attribute of instance to value."},
        {"__delete__", "Delete an attribute of instance."},
        {"__init__", "Initialize self.  See help(type(self)) for accurate signature."},
    };
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (strcmp(def->name, fixed[i].name) == 0)
            return gp_str_from_cstr(fixed[i].doc);
    int op = def->op;
    switch (def->kind) {
    case K_CMP:
        if (op >= 0 && op <= GP_CMP_GE)
            return gp_str_from_format("Return self%svalue.", cmp_symbols[op]);
        break;
    case K_UNOP:
        if (op >= 0 && op <= GP_UNOP_ABS)
            return gp_str_from_cstr(unop_docs[op]);
        break;
    case K_BINOP:
    case K_RBINOP:
    case K_IBINOP:
        if (op < 0 || op >= GP_BINOP_COUNT)
            break;
        if (def->kind == K_BINOP)
            return gp_str_from_format("Return self%svalue.", binop_symbols[op]);
        if (def->kind == K_RBINOP)
            return gp_str_from_format("Return value%sself.", binop_symbols[op]);
        return gp_str_from_format("Return self%s=value.", binop_symbols[op]);
    default:
        break;
    }
    return gp_none_new();
}

static gp_object_t *wrapper_get_doc(gp_object_t *self, void *closure)
{
    return slot_doc(((wrapper_descr_t *)self)->def);
}

static const gp_getset_def_t wrapper_descr_getsets[] = {
    {"__name__", wrapper_get_name, NULL, NULL, NULL},
    {"__qualname__", wrapper_get_qualname, NULL, NULL, NULL},
    {"__objclass__", wrapper_get_objclass, NULL, NULL, NULL},
    {"__doc__", wrapper_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_wrapper_descr_type = {
    GP_TYPE_HEAD_INIT,
    .name = "wrapper_descriptor",
    .basicsize = sizeof(wrapper_descr_t),
    .dealloc = wrapper_descr_dealloc,
    .repr = wrapper_descr_repr,
    .call = wrapper_descr_call,
    .descr_get = wrapper_descr_get,
    .getsets = wrapper_descr_getsets,
};

static void method_wrapper_dealloc(gp_object_t *self)
{
    method_wrapper_t *m = (method_wrapper_t *)self;
    GP_DECREF((gp_object_t *)m->descr);
    GP_DECREF(m->self);
    gp_object_free(self);
}

static int method_wrapper_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    return visit(((method_wrapper_t *)self)->self, arg);
}

static gp_object_t *method_wrapper_call(gp_object_t *callable, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    method_wrapper_t *m = (method_wrapper_t *)callable;
    return wrapper_call_slot(m->descr->type, m->descr->def, m->self, args, nargs, kwnames);
}

static gp_object_t *method_wrapper_repr(gp_object_t *self)
{
    method_wrapper_t *m = (method_wrapper_t *)self;
    return gp_str_from_format("<method-wrapper '%s' of %s object at %p>", m->descr->def->name,
                              gp_type_name(GP_TYPE(m->self)), (void *)m->self);
}

static gp_object_t *method_wrapper_get_self(gp_object_t *self, void *closure)
{
    return GP_INCREF(((method_wrapper_t *)self)->self);
}

static gp_object_t *method_wrapper_get_name(gp_object_t *self, void *closure)
{
    return gp_str_from_cstr(((method_wrapper_t *)self)->descr->def->name);
}

static gp_object_t *method_wrapper_get_doc(gp_object_t *self, void *closure)
{
    return slot_doc(((method_wrapper_t *)self)->descr->def);
}

static const gp_getset_def_t method_wrapper_getsets[] = {
    {"__self__", method_wrapper_get_self, NULL, NULL, NULL},
    {"__name__", method_wrapper_get_name, NULL, NULL, NULL},
    {"__doc__", method_wrapper_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t gp_method_wrapper_type = {
    GP_TYPE_HEAD_INIT,
    .name = "method-wrapper",
    .basicsize = sizeof(method_wrapper_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = method_wrapper_dealloc,
    .repr = method_wrapper_repr,
    .call = method_wrapper_call,
    .traverse = method_wrapper_traverse,
    .getsets = method_wrapper_getsets,
};

/* `T.__new__(S, ...)`: a builtin method bound to T. */
static gp_object_t *new_wrapper(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    gp_type_t *type = (gp_type_t *)self;
    const char *tname = gp_type_name(type);
    if (nargs < 1) {
        gp_err_format(&gp_exc_TypeError, "%s.__new__(): not enough arguments", tname);
        return NULL;
    }
    if (!gp_type_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "%s.__new__(X): X is not a type object (%s)", tname,
                      gp_type_name(GP_TYPE(args[0])));
        return NULL;
    }
    gp_type_t *sub = (gp_type_t *)args[0];
    if (!gp_type_is_subtype(sub, type)) {
        gp_err_format(&gp_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", tname,
                      gp_type_name(sub), gp_type_name(sub), tname);
        return NULL;
    }
    /* Refuse to build a builtin layout with the wrong constructor:
       object.__new__(int) would make an int without its value. */
    gp_type_t *staticbase = sub;
    while (staticbase != NULL && (staticbase->flags & GP_TYPE_FLAG_HEAPTYPE) &&
           staticbase->new_ != type->new_)
        staticbase = staticbase->base_type;
    if (staticbase != NULL && staticbase->new_ != type->new_) {
        gp_err_format(&gp_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", tname,
                      sub->name, staticbase->name);
        return NULL;
    }
    gp_object_t *res = type->new_(sub, args + 1, nargs - 1, kwnames);
    if (res != NULL && gp_object_is_gc(res) && GP_GC_HEAD(res)->next == NULL)
        gp_gc_track(res);
    return res;
}

const gp_method_def_t gp_slots_new_wrapper_def = {
    "__new__", new_wrapper, GP_METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature."};

/* Which operator dunders a builtin type really has (CPython's tables):
   str has __add__ and __rmul__ but no __sub__. */
#define OPBIT(op) (1u << (op))
#define ARITH_ALL                                                                                \
    (OPBIT(GP_BINOP_ADD) | OPBIT(GP_BINOP_SUB) | OPBIT(GP_BINOP_MUL) | OPBIT(GP_BINOP_TRUEDIV) | \
     OPBIT(GP_BINOP_FLOORDIV) | OPBIT(GP_BINOP_MOD) | OPBIT(GP_BINOP_POW) |                      \
     OPBIT(GP_BINOP_DIVMOD))
#define BITS_ALL                                                                                  \
    (OPBIT(GP_BINOP_LSHIFT) | OPBIT(GP_BINOP_RSHIFT) | OPBIT(GP_BINOP_AND) | OPBIT(GP_BINOP_OR) | \
     OPBIT(GP_BINOP_XOR))
#define SETOPS \
    (OPBIT(GP_BINOP_AND) | OPBIT(GP_BINOP_OR) | OPBIT(GP_BINOP_SUB) | OPBIT(GP_BINOP_XOR))

static void binop_masks(gp_type_t *t, unsigned *fwd, unsigned *refl, unsigned *inpl)
{
    const unsigned seq = OPBIT(GP_BINOP_ADD) | OPBIT(GP_BINOP_MUL);
    *inpl = 0;
    if (t == &gp_int_type) {
        *fwd = *refl = ARITH_ALL | BITS_ALL;
    } else if (t == &gp_bool_type) {
        *fwd = *refl = OPBIT(GP_BINOP_AND) | OPBIT(GP_BINOP_OR) | OPBIT(GP_BINOP_XOR);
    } else if (t == &gp_float_type) {
        *fwd = *refl = ARITH_ALL;
    } else if (t == &gp_str_type || t == &gp_bytes_type) {
        *fwd = seq | OPBIT(GP_BINOP_MOD);
        *refl = OPBIT(GP_BINOP_MUL) | OPBIT(GP_BINOP_MOD);
    } else if (t == &gp_bytearray_type) {
        *fwd = seq | OPBIT(GP_BINOP_MOD);
        *refl = OPBIT(GP_BINOP_MUL) | OPBIT(GP_BINOP_MOD);
        *inpl = seq;
    } else if (t == &gp_list_type) {
        *fwd = seq;
        *refl = OPBIT(GP_BINOP_MUL);
        *inpl = seq;
    } else if (t == &gp_tuple_type) {
        *fwd = seq;
        *refl = OPBIT(GP_BINOP_MUL);
    } else if (t == &gp_set_type) {
        *fwd = *refl = *inpl = SETOPS;
    } else if (t == &gp_frozenset_type) {
        *fwd = *refl = SETOPS;
    } else if (t == &gp_dict_type) {
        *fwd = *refl = *inpl = OPBIT(GP_BINOP_OR);
    } else if (t == &gp_type_type || t == &gp_generic_alias_type || t == &gp_union_type) {
        *fwd = *refl = OPBIT(GP_BINOP_OR);
    } else {
        *fwd = *refl = ARITH_ALL | BITS_ALL;
    }
}

static bool wrapper_wanted(gp_type_t *t, const slotdef_t *def)
{
    if (def->group == G_BINOP) {
        unsigned fwd, refl, inpl;
        binop_masks(t, &fwd, &refl, &inpl);
        unsigned mask = def->kind == K_RBINOP || def->kind == K_RPOW ? refl
                        : def->kind == K_IBINOP                      ? inpl
                                                                     : fwd;
        return (mask & OPBIT(def->op)) != 0;
    }
    if (def->group == G_UNOP && t == &gp_float_type)
        return def->op != GP_UNOP_INVERT;
    if (def->group == G_HASH)
        return t->hash != gp_object_hash_not_implemented;
    return true;
}

/* Wrappers of static types live as long as the process (a static type's
   dict is never torn down), so they are carved out of chunks instead of
   being allocated one by one: about 800 of them are made at start-up and
   a malloc each was a tenth of `gilpy -c pass`. They are immortal, so no
   DECREF ever tries to free one. Chunks are chained from one static
   pointer so leak checkers see them as reachable. Heap types (which can
   die) still get ordinary wrappers. */
#define WRAPPER_CHUNK_SIZE 128

typedef struct wrapper_chunk {
    struct wrapper_chunk *previous;
    size_t used;
    wrapper_descr_t items[WRAPPER_CHUNK_SIZE];
} wrapper_chunk_t;

static wrapper_chunk_t *wrapper_chunks;

static wrapper_descr_t *wrapper_descr_new(gp_type_t *type, const slotdef_t *def)
{
    wrapper_descr_t *d;
    if (type->flags & GP_TYPE_FLAG_HEAPTYPE) {
        d = (wrapper_descr_t *)gp_object_alloc(&gp_wrapper_descr_type, 0);
        if (d == NULL)
            return NULL;
    } else {
        wrapper_chunk_t *chunk = wrapper_chunks;
        if (chunk == NULL || chunk->used == WRAPPER_CHUNK_SIZE) {
            chunk = gp_mem_calloc(1, sizeof *chunk);
            if (chunk == NULL) {
                gp_err_no_memory();
                return NULL;
            }
            chunk->previous = wrapper_chunks;
            wrapper_chunks = chunk;
        }
        d = &chunk->items[chunk->used++];
        d->base.refcnt = GP_IMMORTAL_REFCNT;
        d->base.type = &gp_wrapper_descr_type;
    }
    d->type = type;
    d->def = def;
    return d;
}

unsigned gp_slots_own_groups(gp_type_t *type)
{
    _Static_assert(G_COUNT <= 32, "one bit per slot group");
    unsigned groups = 0;
    for (int group = 0; group < G_COUNT; group++) {
        if (slot_get(type, group) != NULL)
            groups |= 1u << group;
    }
    return groups;
}

int gp_slots_add_wrappers(gp_type_t *type, unsigned own_groups)
{
    gp_object_t *dict = type->dict;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const slotdef_t *def = &slotdefs[i];
        if (!(own_groups & (1u << def->group)))
            continue;
        if (def->kind == K_NONE && def->group != G_NEW)
            continue;
        if (!wrapper_wanted(type, def))
            continue;
        /* The canonical name object: its hash is cached and, for a name
           seen before, no str is built (gp_str_static's address cache). */
        gp_object_t *name = gp_str_static(def->name);
        if (name == NULL)
            return -1;
        if (gp_dict_getitem(dict, name) != NULL)
            continue;
        gp_object_t *w;
        if (def->group == G_NEW) {
            w = gp_cfunction_new(&gp_slots_new_wrapper_def, (gp_object_t *)type);
        } else {
            w = (gp_object_t *)wrapper_descr_new(type, def);
        }
        if (w == NULL || gp_dict_setitem(dict, name, w) < 0) {
            GP_XDECREF(w);
            return -1;
        }
        GP_DECREF(w);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Generic slots: Python methods as C slots                             */
/* ------------------------------------------------------------------ */

static gp_object_t *lookup_dunder(gp_object_t *self, const char *name)
{
    return gp_type_lookup(GP_TYPE(self), gp_str_static(name));
}

/* Calls type(self).name(self, *args); AttributeError when missing. */
static gp_object_t *call_dunder(gp_object_t *self, const char *name, gp_object_t *const *args,
                                size_t nargs)
{
    bool found;
    gp_object_t *res = gp_call_special(self, gp_str_static(name), args, nargs, &found);
    if (!found)
        gp_err_set_string(&gp_exc_AttributeError, name);
    return res;
}

static gp_object_t *slot_repr(gp_object_t *self)
{
    return call_dunder(self, "__repr__", NULL, 0);
}

static gp_object_t *slot_str(gp_object_t *self)
{
    return call_dunder(self, "__str__", NULL, 0);
}

static intptr_t slot_hash(gp_object_t *self)
{
    gp_object_t *func = lookup_dunder(self, "__hash__");
    if (func == NULL || func == gp_None)
        return gp_object_hash_not_implemented(self);
    gp_object_t *res = call_dunder(self, "__hash__", NULL, 0);
    if (res == NULL)
        return -1;
    if (!gp_int_check(res)) {
        GP_DECREF(res);
        gp_err_set_string(&gp_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* A result that fits a C hash is used as is, so that a __hash__
       returning hash(y) hashes like y; only bigger ints are folded by int's
       own hash, as CPython does. -1 is reserved for errors. */
    int overflow;
    intptr_t h = (intptr_t)gp_int_as_i64_overflow(res, &overflow);
    if (overflow)
        h = gp_int_hash(res);
    GP_DECREF(res);
    if (h == -1)
        h = gp_err_occurred() ? -1 : -2;
    return h;
}

static gp_object_t *slot_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    bool found;
    gp_object_t *res = gp_call_special(a, gp_str_static(cmp_dunder[op]), &b, 1, &found);
    if (!found)
        return GP_INCREF(gp_NotImplemented);
    return res;
}

/* __getattribute__ overridden, or __getattr__ defined as a fallback. */
static gp_object_t *slot_getattr_hook(gp_object_t *self, gp_object_t *name)
{
    gp_object_t *getattribute = lookup_dunder(self, "__getattribute__");
    gp_object_t *getattr = lookup_dunder(self, "__getattr__");
    gp_object_t *res;
    if (getattribute == NULL ||
        (GP_TYPE(getattribute) == &gp_wrapper_descr_type &&
         ((wrapper_descr_t *)getattribute)->type->getattr == gp_object_generic_getattr)) {
        res = gp_object_generic_getattr(self, name);
    } else {
        GP_INCREF(getattribute);
        if (gp_is_method_like(getattribute)) {
            res = gp_call_prepend(getattribute, self, &name, 1, NULL);
        } else {
            gp_object_t *bound = gp_descr_bind(getattribute, self);
            res = bound ? gp_object_call1(bound, name) : NULL;
            GP_XDECREF(bound);
        }
        GP_DECREF(getattribute);
    }
    if (res == NULL && getattr != NULL && gp_err_matches(&gp_exc_AttributeError)) {
        gp_err_clear();
        res = call_dunder(self, "__getattr__", &name, 1);
    }
    return res;
}

static int slot_setattr(gp_object_t *self, gp_object_t *name, gp_object_t *value)
{
    gp_object_t *args[2] = {name, value};
    gp_object_t *res = value ? call_dunder(self, "__setattr__", args, 2)
                             : call_dunder(self, "__delattr__", args, 1);
    if (res == NULL)
        return -1;
    GP_DECREF(res);
    return 0;
}

static gp_object_t *slot_call(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    gp_object_t *func = lookup_dunder(self, "__call__");
    if (func == NULL) {
        gp_err_format(&gp_exc_TypeError, "'%s' object is not callable",
                      gp_type_name(GP_TYPE(self)));
        return NULL;
    }
    /* A __call__ that is itself an instance of the class (A.__call__ = A())
       calls back into this slot without entering a Python frame, so the
       depth is counted here or the C stack would overflow. */
    if (gp_recursion_enter(" while calling a Python object") < 0)
        return NULL;
    GP_INCREF(func);
    gp_object_t *res;
    if (gp_is_method_like(func)) {
        res = gp_call_prepend(func, self, args, nargs, kwnames);
    } else {
        gp_object_t *bound = gp_descr_bind(func, self);
        res = bound ? gp_object_call(bound, args, nargs, kwnames) : NULL;
        GP_XDECREF(bound);
    }
    GP_DECREF(func);
    gp_recursion_leave();
    return res;
}

static gp_object_t *slot_iter(gp_object_t *self)
{
    gp_object_t *func = lookup_dunder(self, "__iter__");
    if (func == NULL || func == gp_None) {
        gp_err_format(&gp_exc_TypeError, "'%s' object is not iterable",
                      gp_type_name(GP_TYPE(self)));
        return NULL;
    }
    return call_dunder(self, "__iter__", NULL, 0);
}

static gp_object_t *slot_iternext(gp_object_t *self)
{
    gp_object_t *res = call_dunder(self, "__next__", NULL, 0);
    /* StopIteration from __next__ becomes the fast exhausted state. */
    if (res == NULL && gp_err_matches(&gp_exc_StopIteration))
        gp_err_clear();
    return res;
}

static gp_object_t *slot_binop(gp_object_t *a, gp_object_t *b, int op);

/* Calls [name] on [self] with [other] if the type defines it. */
static gp_object_t *binop_call(gp_object_t *self, const char *name, gp_object_t *other)
{
    bool found;
    gp_object_t *res = gp_call_special(self, gp_str_static(name), &other, 1, &found);
    return found ? res : GP_INCREF(gp_NotImplemented);
}

static gp_object_t *slot_binop(gp_object_t *a, gp_object_t *b, int op)
{
    int base = op & ~GP_BINOP_INPLACE;
    gp_type_t *ta = GP_TYPE(a), *tb = GP_TYPE(b);
    gp_object_t *res;
    if ((op & GP_BINOP_INPLACE) && ta->binop == slot_binop && binop_dunder[base][2] != NULL) {
        /* The in-place attempt is only ever made on the left operand;
           gp_number_binop retries without the flag when it declines. */
        return binop_call(a, binop_dunder[base][2], b);
    }
    const char *name = binop_dunder[base][0], *rname = binop_dunder[base][1];
    bool do_other = ta != tb && tb->binop == slot_binop;
    if (ta->binop == slot_binop) {
        if (do_other && gp_type_is_subtype(tb, ta)) {
            gp_object_t *rb = lookup_dunder(b, rname);
            if (rb != NULL && rb != lookup_dunder(a, rname)) {
                res = binop_call(b, rname, a);
                if (res != gp_NotImplemented)
                    return res;
                GP_DECREF(res);
                do_other = false;
            }
        }
        res = binop_call(a, name, b);
        if (res != gp_NotImplemented || ta == tb)
            return res;
        GP_DECREF(res);
    }
    if (do_other)
        return binop_call(b, rname, a);
    return GP_INCREF(gp_NotImplemented);
}

static gp_object_t *slot_pow3(gp_object_t *a, gp_object_t *b, gp_object_t *mod)
{
    if (GP_TYPE(a)->pow3 == slot_pow3) {
        gp_object_t *args[2] = {b, mod};
        bool found;
        gp_object_t *res = gp_call_special(a, gp_str_static("__pow__"), args, 2, &found);
        if (found)
            return res;
    }
    return GP_INCREF(gp_NotImplemented);
}

static gp_object_t *slot_unop(gp_object_t *a, gp_unop_t op)
{
    bool found;
    gp_object_t *res = gp_call_special(a, gp_str_static(unop_dunder[op]), NULL, 0, &found);
    return found ? res : GP_INCREF(gp_NotImplemented);
}

static int slot_bool(gp_object_t *self)
{
    gp_object_t *res = call_dunder(self, "__bool__", NULL, 0);
    if (res == NULL)
        return -1;
    if (res != gp_True && res != gp_False) {
        gp_err_format(&gp_exc_TypeError, "__bool__ should return bool, returned %s",
                      gp_type_name(GP_TYPE(res)));
        GP_DECREF(res);
        return -1;
    }
    return res == gp_True;
}

static gp_object_t *slot_int(gp_object_t *self)
{
    return call_dunder(self, "__int__", NULL, 0);
}

static gp_object_t *slot_float(gp_object_t *self)
{
    return call_dunder(self, "__float__", NULL, 0);
}

static gp_object_t *slot_index(gp_object_t *self)
{
    return call_dunder(self, "__index__", NULL, 0);
}

static intptr_t slot_len(gp_object_t *self)
{
    gp_object_t *res = call_dunder(self, "__len__", NULL, 0);
    if (res == NULL)
        return -1;
    intptr_t n = gp_number_as_ssize(res, &gp_exc_OverflowError);
    GP_DECREF(res);
    if (n < 0 && !gp_err_occurred()) {
        gp_err_set_string(&gp_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static gp_object_t *slot_getitem(gp_object_t *self, gp_object_t *key)
{
    return call_dunder(self, "__getitem__", &key, 1);
}

static int slot_setitem(gp_object_t *self, gp_object_t *key, gp_object_t *value)
{
    gp_object_t *args[2] = {key, value};
    gp_object_t *res = value ? call_dunder(self, "__setitem__", args, 2)
                             : call_dunder(self, "__delitem__", args, 1);
    if (res == NULL)
        return -1;
    GP_DECREF(res);
    return 0;
}

static int slot_contains(gp_object_t *self, gp_object_t *value)
{
    gp_object_t *func = lookup_dunder(self, "__contains__");
    if (func == gp_None) {
        gp_err_format(&gp_exc_TypeError, "'%s' object is not a container",
                      gp_type_name(GP_TYPE(self)));
        return -1;
    }
    gp_object_t *res = call_dunder(self, "__contains__", &value, 1);
    if (res == NULL)
        return -1;
    int r = gp_object_is_true(res);
    GP_DECREF(res);
    return r;
}

static gp_object_t *slot_descr_get(gp_object_t *self, gp_object_t *obj, gp_object_t *owner)
{
    gp_object_t *args[2] = {obj ? obj : gp_None, owner ? owner : gp_None};
    return call_dunder(self, "__get__", args, 2);
}

static int slot_descr_set(gp_object_t *self, gp_object_t *obj, gp_object_t *value)
{
    gp_object_t *args[2] = {obj, value};
    gp_object_t *res =
        value ? call_dunder(self, "__set__", args, 2) : call_dunder(self, "__delete__", args, 1);
    if (res == NULL)
        return -1;
    GP_DECREF(res);
    return 0;
}

static int slot_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                     gp_object_t *kwnames)
{
    gp_object_t *func = lookup_dunder(self, "__init__");
    if (func == NULL)
        return 0;
    GP_INCREF(func);
    gp_object_t *res;
    if (gp_is_method_like(func)) {
        res = gp_call_prepend(func, self, args, nargs, kwnames);
    } else {
        gp_object_t *bound = gp_descr_bind(func, self);
        res = bound ? gp_object_call(bound, args, nargs, kwnames) : NULL;
        GP_XDECREF(bound);
    }
    GP_DECREF(func);
    if (res == NULL)
        return -1;
    if (res != gp_None) {
        gp_err_format(&gp_exc_TypeError, "__init__() should return None, not '%s'",
                      gp_type_name(GP_TYPE(res)));
        GP_DECREF(res);
        return -1;
    }
    GP_DECREF(res);
    return 0;
}

static gp_object_t *slot_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    gp_object_t *func = gp_type_lookup(type, gp_str_static("__new__"));
    if (func == NULL) {
        gp_err_format(&gp_exc_TypeError, "cannot create '%s' instances", gp_type_name(type));
        return NULL;
    }
    /* __new__ is a staticmethod: unwrap it and pass the class explicitly. */
    gp_type_t *ft = GP_TYPE(func);
    gp_object_t *f =
        ft->descr_get ? ft->descr_get(func, NULL, (gp_object_t *)type) : GP_INCREF(func);
    if (f == NULL)
        return NULL;
    gp_object_t *res = gp_call_prepend(f, (gp_object_t *)type, args, nargs, kwnames);
    GP_DECREF(f);
    return res;
}

/* ------------------------------------------------------------------ */
/* Heap types: choosing each slot                                       */
/* ------------------------------------------------------------------ */

static const fnptr_t generic_slot[G_COUNT] = {
    [G_REPR] = (fnptr_t)slot_repr,
    [G_STR] = (fnptr_t)slot_str,
    [G_HASH] = (fnptr_t)slot_hash,
    [G_CMP] = (fnptr_t)slot_richcompare,
    [G_GETATTR] = (fnptr_t)slot_getattr_hook,
    [G_SETATTR] = (fnptr_t)slot_setattr,
    [G_CALL] = (fnptr_t)slot_call,
    [G_ITER] = (fnptr_t)slot_iter,
    [G_NEXT] = (fnptr_t)slot_iternext,
    [G_BINOP] = (fnptr_t)slot_binop,
    [G_POW3] = (fnptr_t)slot_pow3,
    [G_UNOP] = (fnptr_t)slot_unop,
    [G_BOOL] = (fnptr_t)slot_bool,
    [G_INT] = (fnptr_t)slot_int,
    [G_FLOAT] = (fnptr_t)slot_float,
    [G_INDEX] = (fnptr_t)slot_index,
    [G_LEN] = (fnptr_t)slot_len,
    [G_GETITEM] = (fnptr_t)slot_getitem,
    [G_SETITEM] = (fnptr_t)slot_setitem,
    [G_CONTAINS] = (fnptr_t)slot_contains,
    [G_GET] = (fnptr_t)slot_descr_get,
    [G_SET] = (fnptr_t)slot_descr_set,
    [G_INIT] = (fnptr_t)slot_init,
    [G_NEW] = (fnptr_t)slot_new,
};

/* The C function a found attribute stands for in [group], or NULL when it
   is Python code (or anything else) that needs the generic slot. */
static fnptr_t builtin_impl(gp_object_t *descr, int group)
{
    if (GP_TYPE(descr) == &gp_wrapper_descr_type) {
        wrapper_descr_t *w = (wrapper_descr_t *)descr;
        int g = w->def->group;
        if (group == G_POW3 && g == G_BINOP)
            return slot_get(w->type, G_POW3);
        return g == group ? slot_get(w->type, group) : NULL;
    }
    if (group == G_NEW && GP_TYPE(descr) == &gp_cfunction_type) {
        gp_cfunction_t *cf = (gp_cfunction_t *)descr;
        if (cf->def == &gp_slots_new_wrapper_def && cf->self && gp_type_check(cf->self))
            return (fnptr_t)((gp_type_t *)cf->self)->new_;
    }
    return NULL;
}

static void fixup_group(gp_type_t *type, int group)
{
    if (!(type->flags & GP_TYPE_FLAG_HEAPTYPE))
        return;
    bool any = false, generic = false;
    fnptr_t impl = NULL;
    for (size_t i = 0; i < NSLOTDEFS && !generic; i++) {
        const slotdef_t *def = &slotdefs[i];
        bool member =
            def->group == group || (group == G_POW3 && (def->kind == K_POW || def->kind == K_RPOW));
        if (!member)
            continue;
        gp_object_t *descr = gp_type_lookup(type, gp_str_static(def->name));
        if (descr == NULL)
            continue;
        any = true;
        if (group == G_HASH && descr == gp_None) {
            impl = (fnptr_t)gp_object_hash_not_implemented;
            continue;
        }
        if (group == G_GETATTR && def->kind == K_NONE) {
            generic = true; /* __getattr__ always needs the hook */
            break;
        }
        fnptr_t f = builtin_impl(descr, group);
        if (f == NULL || (impl != NULL && impl != f))
            generic = true;
        else
            impl = f;
    }
    fnptr_t chosen = !any ? NULL : generic ? generic_slot[group] : impl;
    if (group == G_HASH && generic) {
        gp_object_t *h = gp_type_lookup(type, gp_str_static("__hash__"));
        if (h == gp_None)
            chosen = (fnptr_t)gp_object_hash_not_implemented;
    }
    slot_put(type, group, chosen);
}

void gp_slots_fixup(gp_type_t *type)
{
    for (int g = 0; g < G_COUNT; g++)
        fixup_group(type, g);
    /* Every class can be instantiated through some base's __new__. */
    if (type->new_ == NULL && type->base_type)
        type->new_ = type->base_type->new_;
}

static void update_group_recursive(gp_type_t *type, int group)
{
    fixup_group(type, group);
    if (group == G_BINOP)
        fixup_group(type, G_POW3);
    if (type->subclasses == NULL)
        return;
    for (intptr_t i = 0; i < GP_LIST_SIZE(type->subclasses); i++)
        update_group_recursive((gp_type_t *)GP_SMALL_VALUE(GP_LIST_GET(type->subclasses, i)),
                               group);
}

void gp_slots_update(gp_type_t *type, gp_object_t *name)
{
    for (size_t i = 0; i < NSLOTDEFS; i++)
        if (gp_str_eq_cstr(name, slotdefs[i].name)) {
            update_group_recursive(type, slotdefs[i].group);
            return;
        }
}
