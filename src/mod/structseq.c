/*
 * structseq.c - named-tuple-like records for C modules.
 *
 * Design notes
 * ------------
 * An instance is laid out exactly like a tuple (gp_tuple_t) holding
 * n_fields slots, but its size says n_in_sequence: tuple code sees only the
 * item fields, and the extra named fields ride along behind them, reachable
 * through the getters. That is CPython's trick too, and it is why this type
 * has its own dealloc and traverse (they must visit all n_fields slots) but
 * borrows every other slot from tuple.
 *
 * The getters are generated at init time: one gp_getset_def_t per field
 * whose closure is the field's index. The table lives as long as the
 * process, like the static type it belongs to.
 *
 * Record types are not subclassable, so the type of an instance is always
 * the gp_structseq_type_t that created it and the field table can be found
 * by a cast.
 */
#include "mod/structseq.h"

#include <string.h>

#include "runtime/runtime.h"

static gp_structseq_type_t *structseq_type_of(gp_object_t *o)
{
    return (gp_structseq_type_t *)GP_TYPE(o);
}

gp_object_t *gp_structseq_get(gp_object_t *record, size_t index)
{
    return GP_TUPLE_ITEMS(record)[index];
}

void gp_structseq_set(gp_object_t *record, size_t index, gp_object_t *value)
{
    gp_object_t **slot = &GP_TUPLE_ITEMS(record)[index];
    gp_object_t *old = *slot;
    *slot = value;
    GP_XDECREF(old);
}

gp_object_t *gp_structseq_new(gp_structseq_type_t *type)
{
    size_t n = type->n_fields;
    gp_object_t *o = gp_object_alloc(&type->type, n);
    if (!o)
        return NULL;
    for (size_t i = 0; i < n; i++)
        GP_TUPLE_ITEMS(o)[i] = gp_none_new();
    ((gp_varobject_t *)o)->size = (intptr_t)type->n_in_sequence;
    return o;
}

static void structseq_dealloc(gp_object_t *self)
{
    size_t n = structseq_type_of(self)->n_fields;
    for (size_t i = 0; i < n; i++)
        GP_XDECREF(GP_TUPLE_ITEMS(self)[i]);
    gp_object_free(self);
}

static int structseq_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    size_t n = structseq_type_of(self)->n_fields;
    for (size_t i = 0; i < n; i++) {
        gp_object_t *item = GP_TUPLE_ITEMS(self)[i];
        if (item && GP_IS_PTR(item)) {
            int rc = visit(item, arg);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* "sys.version_info(major=3, minor=11, ...)": the item fields only. */
static gp_object_t *structseq_repr(gp_object_t *self)
{
    gp_structseq_type_t *type = structseq_type_of(self);
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    gp_strbuf_append_cstr(&buf, type->type.name);
    gp_strbuf_append_char(&buf, '(');
    for (size_t i = 0; i < type->n_in_sequence; i++) {
        gp_object_t *r = gp_object_repr(GP_TUPLE_ITEMS(self)[i]);
        if (!r) {
            gp_strbuf_discard(&buf);
            return NULL;
        }
        if (i)
            gp_strbuf_append(&buf, ", ", 2);
        gp_strbuf_append_cstr(&buf, type->fields[i]);
        gp_strbuf_append_char(&buf, '=');
        gp_strbuf_append_str(&buf, r);
        GP_DECREF(r);
    }
    gp_strbuf_append_char(&buf, ')');
    return gp_strbuf_finish(&buf);
}

static gp_object_t *structseq_field_get(gp_object_t *self, void *closure)
{
    return GP_INCREF(GP_TUPLE_ITEMS(self)[(intptr_t)closure]);
}

/* type(sequence[, dict]): only for types marked constructible
   (time.struct_time); the extra fields take None when not given. */
static gp_object_t *structseq_new_instance(gp_type_t *metatype, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    gp_structseq_type_t *type = (gp_structseq_type_t *)metatype;
    const char *name = type->type.name;
    if (!type->constructible) {
        gp_err_format(&gp_exc_TypeError, "cannot create '%s' instances", name);
        return NULL;
    }
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments", name);
        return NULL;
    }
    if (nargs < 1 || nargs > 2) {
        gp_err_format(&gp_exc_TypeError, "%s() takes at most 2 arguments (%zu given)", name,
                      nargs);
        return NULL;
    }
    if (nargs == 2 && !gp_dict_check(args[1])) {
        gp_err_format(&gp_exc_TypeError, "%s() takes a dict as second arg, if any", name);
        return NULL;
    }
    if (!gp_list_check(args[0]) && !gp_tuple_check(args[0]) && !GP_TYPE(args[0])->iter) {
        gp_err_set_string(&gp_exc_TypeError, "constructor requires a sequence");
        return NULL;
    }
    gp_object_t *seq = gp_tuple_from_iterable(args[0]);
    if (!seq)
        return NULL;
    size_t len = (size_t)GP_TUPLE_SIZE(seq);
    if (len < type->n_in_sequence) {
        gp_err_format(&gp_exc_TypeError, "%s() takes an at least %zu-sequence (%zu-sequence given)",
                      name, type->n_in_sequence, len);
        GP_DECREF(seq);
        return NULL;
    }
    if (len > type->n_fields) {
        gp_err_format(&gp_exc_TypeError, "%s() takes an at most %zu-sequence (%zu-sequence given)",
                      name, type->n_fields, len);
        GP_DECREF(seq);
        return NULL;
    }
    gp_object_t *record = gp_structseq_new(type);
    if (!record) {
        GP_DECREF(seq);
        return NULL;
    }
    for (size_t i = 0; i < len; i++)
        gp_structseq_set(record, i, GP_INCREF(GP_TUPLE_GET(seq, i)));
    GP_DECREF(seq);
    if (nargs == 2) {
        for (size_t i = len; i < type->n_fields; i++) {
            gp_object_t *v = gp_dict_getitem_cstr(args[1], type->fields[i]);
            if (v)
                gp_structseq_set(record, i, GP_INCREF(v));
            else if (gp_err_occurred()) {
                GP_DECREF(record);
                return NULL;
            }
        }
    }
    return record;
}

int gp_structseq_type_init(gp_structseq_type_t *type)
{
    gp_type_t *t = &type->type;
    if (t->flags & GP_TYPE_FLAG_READY)
        return 0;
    size_t n = 0;
    while (type->fields[n])
        n++;
    type->n_fields = n;

    gp_getset_def_t *getsets = gp_mem_calloc(n + 1, sizeof *getsets);
    if (!getsets) {
        gp_err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        getsets[i].name = type->fields[i];
        getsets[i].get = structseq_field_get;
        getsets[i].closure = (void *)(intptr_t)i;
    }

    t->basicsize = sizeof(gp_tuple_t);
    t->itemsize = sizeof(gp_object_t *);
    t->flags |= GP_TYPE_FLAG_GC | GP_TYPE_FLAG_TUPLE_SUBCLASS;
    t->base_type = &gp_tuple_type;
    t->dealloc = structseq_dealloc;
    t->traverse = structseq_traverse;
    t->repr = structseq_repr;
    t->new_ = structseq_new_instance;
    t->getsets = getsets;
    /* Everything else behaves as tuple's: copied explicitly so the record
       does not depend on how gp_type_ready() inherits. */
    t->hash = gp_tuple_type.hash;
    t->richcompare = gp_tuple_type.richcompare;
    t->getattr = gp_tuple_type.getattr;
    t->iter = gp_tuple_type.iter;
    t->binop = gp_tuple_type.binop;
    t->len = gp_tuple_type.len;
    t->getitem = gp_tuple_type.getitem;
    t->contains = gp_tuple_type.contains;
    t->to_bool = gp_tuple_type.to_bool;
    if (gp_type_ready(t) < 0)
        return -1;

    gp_object_t *count = NULL;
    if (!(count = gp_int_from_i64((int64_t)n)) ||
        gp_dict_setitem_cstr(t->dict, "n_fields", count) < 0)
        goto fail;
    GP_SETREF(count, gp_int_from_i64((int64_t)type->n_in_sequence));
    if (gp_dict_setitem_cstr(t->dict, "n_sequence_fields", count) < 0)
        goto fail;
    GP_SETREF(count, gp_int_from_i64(0));
    if (gp_dict_setitem_cstr(t->dict, "n_unnamed_fields", count) < 0)
        goto fail;
    GP_DECREF(count);
    gp_type_modified(t);
    return 0;
fail:
    GP_XDECREF(count);
    return -1;
}
