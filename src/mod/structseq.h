/*
 * structseq.h - named-tuple-like records for C modules ("struct sequences").
 *
 * sys.version_info, sys.flags, sys.float_info and time.struct_time are
 * tuples whose items also have names: `sys.version_info >= (3, 8)` compares
 * as a tuple, `sys.version_info.major` reads a field, and the repr spells the
 * fields out: `sys.version_info(major=3, minor=11, ...)`. As in CPython, a
 * record may carry extra named fields beyond its tuple items (struct_time's
 * tm_zone and tm_gmtoff are attributes but not items).
 *
 * A record type is a static gp_structseq_type_t (a gp_type_t followed by the
 * field table) readied once by gp_structseq_type_init(). Instances share the
 * tuple layout, so tuple's slots (len, indexing, slicing, comparison, hash,
 * iteration) serve them unchanged.
 */
#ifndef GP_MOD_STRUCTSEQ_H
#define GP_MOD_STRUCTSEQ_H

#include <stdbool.h>
#include <stddef.h>

#include "obj/object.h"

typedef struct gp_structseq_type {
    gp_type_t type;             /* must come first: instances point here */
    const char *const *fields;  /* field names, NULL-terminated */
    size_t n_in_sequence;       /* how many leading fields are tuple items */
    bool constructible;         /* may Python code call the type? */
    size_t n_fields;            /* filled in by gp_structseq_type_init() */
} gp_structseq_type_t;

/* Static initialiser: [type_name] is the dotted name ("time.struct_time"). */
#define GP_STRUCTSEQ_TYPE_INIT(type_name, field_names, in_sequence, can_construct)               \
    {                                                                                              \
        .type = {GP_TYPE_HEAD_INIT, .name = (type_name)}, .fields = (field_names),                \
        .n_in_sequence = (in_sequence), .constructible = (can_construct),                         \
    }

/* Readies [type] (idempotent): tuple base, field getters, repr. 0 or -1. */
int gp_structseq_type_init(gp_structseq_type_t *type);

/* A new record of [type] whose fields are all None; fill them with
   gp_structseq_set() before the record escapes. */
gp_object_t *gp_structseq_new(gp_structseq_type_t *type);

/* Stores field [index] of [record]; steals [value]. */
void gp_structseq_set(gp_object_t *record, size_t index, gp_object_t *value);

/* Borrowed field [index] of [record] (items and extra fields alike). */
gp_object_t *gp_structseq_get(gp_object_t *record, size_t index);

#endif /* GP_MOD_STRUCTSEQ_H */
