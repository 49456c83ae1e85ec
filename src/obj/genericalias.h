/*
 * genericalias.h - types.GenericAlias (`list[int]`) and types.UnionType
 * (`int | None`), the two objects annotations are made of (PEP 585, 604).
 */
#ifndef GP_OBJ_GENERICALIAS_H
#define GP_OBJ_GENERICALIAS_H

#include "obj/object.h"

extern gp_type_t gp_generic_alias_type, gp_union_type;

#define gp_generic_alias_check(o) (GP_IS_PTR(o) && GP_TYPE(o) == &gp_generic_alias_type)
#define gp_union_check(o) (GP_IS_PTR(o) && GP_TYPE(o) == &gp_union_type)

/* origin[args]: a new GenericAlias. [args] may be a tuple (the arguments)
   or a single argument. New reference, or NULL with an exception. */
gp_object_t *gp_generic_alias_new(gp_object_t *origin, gp_object_t *args);

/* The argument tuple of the union [u] (borrowed). */
gp_object_t *gp_union_args(gp_object_t *u);

/* a | b for types, None, aliases and unions: a union, the single remaining
   argument when both sides are the same, or gp_NotImplemented (new
   reference) when either side cannot take part. */
gp_object_t *gp_union_or(gp_object_t *a, gp_object_t *b);

/* Readies both types and gives the builtin containers (list, tuple, dict,
   set, frozenset) their __class_getitem__. Called once by gp_types_init. */
int gp_generic_alias_init(void);

#endif /* GP_OBJ_GENERICALIAS_H */
