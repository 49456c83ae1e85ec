/*
 * singletons.c - None, NotImplemented and Ellipsis.
 *
 * Design notes
 * ------------
 * Each is a static object of its own type with an immortal reference count,
 * so INCREF/DECREF on them never frees anything. Calling the type returns
 * the singleton (`type(None)() is None`), as in CPython.
 */
#include "obj/object.h"

gp_object_t gp_None_struct = GP_OBJECT_HEAD_INIT(&gp_none_type);
gp_object_t gp_NotImplemented_struct = GP_OBJECT_HEAD_INIT(&gp_notimplemented_type);
gp_object_t gp_Ellipsis_struct = GP_OBJECT_HEAD_INIT(&gp_ellipsis_type);

/* Immortal objects never reach a zero count; nothing to release. */
static void singleton_dealloc(gp_object_t *self)
{
    self->refcnt = GP_IMMORTAL_REFCNT;
}

static gp_object_t *singleton_of(gp_type_t *type)
{
    if (type == &gp_none_type)
        return gp_None;
    if (type == &gp_notimplemented_type)
        return gp_NotImplemented;
    return gp_Ellipsis;
}

static gp_object_t *singleton_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (nargs > 0 || (kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0)) {
        gp_err_format(&gp_exc_TypeError, "%s takes no arguments", gp_type_name(type));
        return NULL;
    }
    return GP_INCREF(singleton_of(type));
}

static gp_object_t *none_repr(gp_object_t *self)
{
    return gp_str_from_cstr("None");
}

static int none_bool(gp_object_t *self)
{
    return 0;
}

static gp_object_t *notimplemented_repr(gp_object_t *self)
{
    return gp_str_from_cstr("NotImplemented");
}

static int true_bool(gp_object_t *self)
{
    return 1;
}

static gp_object_t *ellipsis_repr(gp_object_t *self)
{
    return gp_str_from_cstr("Ellipsis");
}

gp_type_t gp_none_type = {
    GP_TYPE_HEAD_INIT,
    .name = "NoneType",
    .basicsize = sizeof(gp_object_t),
    .dealloc = singleton_dealloc,
    .new_ = singleton_new,
    .repr = none_repr,
    .to_bool = none_bool,
};

gp_type_t gp_notimplemented_type = {
    GP_TYPE_HEAD_INIT,
    .name = "NotImplementedType",
    .basicsize = sizeof(gp_object_t),
    .dealloc = singleton_dealloc,
    .new_ = singleton_new,
    .repr = notimplemented_repr,
    .to_bool = true_bool,
};

gp_type_t gp_ellipsis_type = {
    GP_TYPE_HEAD_INIT,
    .name = "ellipsis",
    .basicsize = sizeof(gp_object_t),
    .dealloc = singleton_dealloc,
    .new_ = singleton_new,
    .repr = ellipsis_repr,
};
