/*
 * json.h - what the two halves of the _json module share: the decoder and
 * module (json.c) registers the encoder's type and functions
 * (json_encode.c).
 */
#ifndef GP_MOD_JSON_H
#define GP_MOD_JSON_H

#include "obj/object.h"

/* The Encoder type: callable as encoder(obj, indent_level) -> (text,). */
extern gp_type_t gp_json_encoder_type;

/* make_encoder(check_circular, default, encoder, indent, key_separator,
   item_separator, sort_keys, skipkeys, allow_nan, ensure_ascii[, python_messages]). */
gp_object_t *gp_json_make_encoder(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames);
/* encode_basestring_ascii(s) and encode_basestring(s): [s] as a quoted
   JSON string, with or without escaping non-ASCII characters. */
gp_object_t *gp_json_encode_basestring_ascii(gp_object_t *self, gp_object_t *const *args,
                                             size_t nargs, gp_object_t *kwnames);
gp_object_t *gp_json_encode_basestring(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames);

#endif /* GP_MOD_JSON_H */
