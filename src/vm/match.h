/* match.h - the run-time half of the match statement: what the
 * MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS and MATCH_CLASS instructions do.
 * The eval loop calls these; compile_match.c decides when. */
#ifndef GP_VM_MATCH_H
#define GP_VM_MATCH_H

#include "obj/object.h"

/* Whether [subject] is a mapping for a mapping pattern: a dict (or
 * subclass), or an instance of collections.abc.Mapping. 0/1, -1 on error. */
int gp_match_is_mapping(gp_object_t *subject);

/* Whether [subject] is a sequence for a sequence pattern: list, tuple,
 * range, deque and their subclasses or collections.abc.Sequence instances,
 * but never str, bytes or bytearray. 0/1, -1 on error. */
int gp_match_is_sequence(gp_object_t *subject);

/* Looks up every key of the tuple [keys] in the mapping [subject] (through
 * its `get`, so defaultdict's __missing__ never runs). Returns a new tuple
 * of the values, a new reference to None when a key is missing, or NULL
 * with an exception (ValueError for a key given twice). */
gp_object_t *gp_match_keys(gp_object_t *subject, gp_object_t *keys);

/* The class pattern `cls(<npositional patterns>, **names)`: checks
 * isinstance(subject, cls) and fetches the attributes to match, positional
 * ones named by cls.__match_args__ (or the subject itself for the builtin
 * types that match themselves). Returns a new tuple of attributes, a new
 * reference to None when the subject does not match, or NULL with an
 * exception (TypeError for a bad class or __match_args__). */
gp_object_t *gp_match_class(gp_object_t *subject, gp_object_t *cls, gp_object_t *names,
                            size_t npositional);

#endif /* GP_VM_MATCH_H */
