/*
 * bool.c - the bool type and the two objects True and False.
 *
 * Design notes
 * ------------
 * bool is a subclass of int, as in CPython, so True and False are heap int
 * objects (the gp_int_t layout of int.h) with the values 1 and 0 and type
 * bool. Everything int does therefore works on them unchanged: True + 1 is
 * 2, hash(True) is 1, True == 1. bool only overrides what differs:
 *
 *   - repr/str print the names;
 *   - & | ^ between two bools give a bool (anything else gives an int);
 *   - construction maps to truth testing, always returning a singleton.
 *
 * The two objects are static and immortal, so DECREF can never free them
 * and gp_bool_from() costs one comparison. bool cannot be subclassed.
 */
#include "obj/int.h"

static gp_int1_t bool_false = {
    {GP_OBJECT_HEAD_INIT(&gp_bool_type), 0},
    0,
    {0},
};

static gp_int1_t bool_true = {
    {GP_OBJECT_HEAD_INIT(&gp_bool_type), 1},
    1,
    {1},
};

gp_object_t *const gp_False = (gp_object_t *)&bool_false;
gp_object_t *const gp_True = (gp_object_t *)&bool_true;

static gp_object_t *bool_repr(gp_object_t *self)
{
    return gp_str_from_cstr(self == gp_True ? "True" : "False");
}

static gp_object_t *bool_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "bool expected at most 1 argument, got %zu", nargs);
        return NULL;
    }
    if (nargs == 0)
        return gp_bool_from(false);
    int truth = gp_object_is_true(args[0]);
    if (truth < 0)
        return NULL;
    return gp_bool_from(truth);
}

static gp_object_t *bool_binop(gp_object_t *a, gp_object_t *b, int op)
{
    int base_op = op & ~GP_BINOP_INPLACE;
    if (gp_bool_check(a) && gp_bool_check(b)) {
        bool x = a == gp_True, y = b == gp_True;
        switch (base_op) {
        case GP_BINOP_AND:
            return gp_bool_from(x && y);
        case GP_BINOP_OR:
            return gp_bool_from(x || y);
        case GP_BINOP_XOR:
            return gp_bool_from(x != y);
        default:
            break;
        }
    }
    return gp_int_slot_binop(a, b, op);
}

static int bool_to_bool(gp_object_t *self)
{
    return self == gp_True;
}

static void bool_dealloc(gp_object_t *self)
{
    /* True and False are immortal: reaching here means a refcount bug
       elsewhere. Keep the objects alive rather than freeing static memory. */
    self->refcnt = GP_IMMORTAL_REFCNT;
}

gp_type_t gp_bool_type = {
    GP_TYPE_HEAD_INIT,
    .name = "bool",
    .basicsize = offsetof(gp_int_t, digits),
    .itemsize = sizeof(gp_digit_t),
    .flags = GP_TYPE_FLAG_INT_SUBCLASS,
    .dealloc = bool_dealloc,
    .new_ = bool_new,
    .repr = bool_repr,
    .str = bool_repr,
    .hash = gp_int_hash,
    .richcompare = gp_int_slot_richcompare,
    .binop = bool_binop,
    .pow3 = gp_int_slot_pow3,
    .unop = gp_int_slot_unop,
    .to_bool = bool_to_bool,
    .to_int = gp_int_slot_to_int,
    .to_float = gp_int_slot_to_float,
    .to_index = gp_int_slot_to_int,
    .base_type = &gp_int_type,
    .doc = "bool(x) -> bool\n\n"
           "Returns True when the argument x is true, False otherwise.\n"
           "The builtins True and False are the only two instances of the class bool.\n"
           "The class bool is a subclass of the class int, and cannot be subclassed.",
};
