/*
 * exception_group.h - BaseExceptionGroup and ExceptionGroup (PEP 654), and
 * the two operations the VM's `except*` needs from them.
 */
#ifndef GP_EXCEPTION_GROUP_H
#define GP_EXCEPTION_GROUP_H

#include "obj/object.h"

extern gp_type_t gp_exc_BaseExceptionGroup, gp_exc_ExceptionGroup;

/* An exception group instance: the common exception layout, then the
   message and the tuple of sub-exceptions fixed by __new__. */
typedef struct gp_exception_group {
    gp_exception_t base;
    gp_object_t *message;    /* str */
    gp_object_t *exceptions; /* non-empty tuple of exceptions */
} gp_exception_group_t;

/* Readies both types; called by gp_exceptions_init(). */
int gp_exception_group_init(void);

/* Is [o] an instance of BaseExceptionGroup (or a subclass)? */
bool gp_exception_group_check(gp_object_t *o);

/* One `except* T` clause: splits [exc] (borrowed) by [type] (a class or a
   tuple of classes, already validated) into *match and *rest, both new
   references, either of which may be None. A naked exception that
   matches comes back wrapped in ExceptionGroup("", [exc]). -1 on error. */
int gp_exception_group_match(gp_object_t *exc, gp_object_t *type, gp_object_t **match,
                             gp_object_t **rest);

/* The end of an `except*` statement: what must propagate, given the
   exception the statement caught ([orig]), the list of exceptions its
   handlers raised ([raised]) and the part no clause matched ([rest], may
   be None). New reference; None when everything was handled. */
gp_object_t *gp_exception_group_prep_reraise(gp_object_t *orig, gp_object_t *raised,
                                             gp_object_t *rest);

#endif /* GP_EXCEPTION_GROUP_H */
