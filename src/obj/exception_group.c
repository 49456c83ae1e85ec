/*
 * exception_group.c - BaseExceptionGroup and ExceptionGroup (PEP 654).
 *
 * Design notes
 * ------------
 * A group is an ordinary exception (same header, same args/traceback/
 * chain fields, so it can be raised, chained and caught like any other)
 * followed by two fields fixed at construction: the message and the tuple
 * of sub-exceptions. Both are decided in __new__, not __init__, because the
 * class of the result depends on them: BaseExceptionGroup(...) given only
 * Exception instances answers an ExceptionGroup, and ExceptionGroup refuses
 * to hold a BaseException that is not an Exception.
 *
 * ExceptionGroup has two bases, BaseExceptionGroup (its layout) and
 * Exception (so `except Exception` catches it). Static types normally get a
 * single-base MRO from gp_type_ready(); this file fills in the bases and
 * the MRO by hand before readying the type, which is all the type system
 * needs to treat it as the two-base class it is in CPython.
 *
 * split() and subgroup() walk the tree once. A matcher is one of three
 * things: an exception class or tuple of classes (isinstance), a predicate
 * (called on every node), or, for the VM only, a list of leaves to keep by
 * identity. Each kept or left-over part is rebuilt with derive() - which a
 * subclass may override - and then given the original's traceback, cause,
 * context and notes, so a part raised again still tells where it came from.
 *
 * The VM's `except*` uses two entry points. gp_exception_group_match() is
 * one clause: it peels the matching part off the exception still pending.
 * gp_exception_group_prep_reraise() runs after the last clause: it tells
 * apart the exceptions a handler raised afresh from those that are merely
 * the original's parts travelling on (the unmatched rest, a bare `raise`),
 * keeps the latter in the original's shape, and bundles everything into the
 * one exception the statement propagates.
 */
#include <string.h>

#include "obj/exception_group.h"
#include "obj/genericalias.h"
#include "obj/type.h"

#define GROUP(o) ((gp_exception_group_t *)(o))
#define EXC(o) ((gp_exception_t *)(o))

bool gp_exception_group_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && gp_type_is_subtype(GP_TYPE(o), &gp_exc_BaseExceptionGroup);
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */
/* ------------------------------------------------------------------ */

/* CPython's notion of a sequence: indexable, but not a mapping. */
static bool group_is_sequence(gp_object_t *o)
{
    if (gp_list_check(o) || gp_tuple_check(o))
        return true;
    if (gp_dict_check(o))
        return false;
    return GP_TYPE(o)->getitem != NULL;
}

/* Which class a group of [excs] is made with when the caller asked for
   [type]; NULL with an exception when the combination is not allowed. */
static gp_type_t *group_class_for(gp_type_t *type, gp_object_t *excs)
{
    bool has_base_only = false;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(excs); i++) {
        gp_object_t *e = GP_TUPLE_GET(excs, i);
        if (!gp_exc_check(e)) {
            gp_err_format(&gp_exc_ValueError,
                          "Item %zd of second argument (exceptions) is not an exception", i);
            return NULL;
        }
        if (!gp_type_is_subtype(GP_TYPE(e), &gp_exc_Exception))
            has_base_only = true;
    }
    if (type == &gp_exc_BaseExceptionGroup)
        return has_base_only ? type : &gp_exc_ExceptionGroup;
    if (type == &gp_exc_ExceptionGroup) {
        if (has_base_only) {
            gp_err_set_string(&gp_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            return NULL;
        }
        return type;
    }
    /* A user subclass that is also an Exception makes the same promise. */
    if (has_base_only && gp_type_is_subtype(type, &gp_exc_Exception)) {
        gp_err_format(&gp_exc_TypeError, "Cannot nest BaseExceptions in '%s'", gp_type_name(type));
        return NULL;
    }
    return type;
}

static gp_object_t *group_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    /* Keywords are left to __init__, so a subclass can accept its own. */
    if (nargs != 2) {
        gp_err_format(&gp_exc_TypeError,
                      "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)", nargs);
        return NULL;
    }
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError,
                      "BaseExceptionGroup.__new__() argument 1 must be str, not %T", args[0]);
        return NULL;
    }
    if (!group_is_sequence(args[1])) {
        gp_err_set_string(&gp_exc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    gp_object_t *excs = gp_tuple_from_iterable(args[1]);
    if (excs == NULL)
        return NULL;
    if (GP_TUPLE_SIZE(excs) == 0) {
        GP_DECREF(excs);
        gp_err_set_string(&gp_exc_ValueError,
                          "second argument (exceptions) must be a non-empty sequence");
        return NULL;
    }
    gp_type_t *cls = group_class_for(type, excs);
    if (cls == NULL) {
        GP_DECREF(excs);
        return NULL;
    }
    gp_exception_group_t *g = (gp_exception_group_t *)gp_object_alloc(cls, 0);
    if (g == NULL) {
        GP_DECREF(excs);
        return NULL;
    }
    g->exceptions = excs;
    g->message = GP_INCREF(args[0]);
    g->base.args = gp_tuple_from_array(args, nargs);
    if (g->base.args == NULL) {
        GP_DECREF((gp_object_t *)g);
        return NULL;
    }
    gp_gc_track((gp_object_t *)g);
    return (gp_object_t *)g;
}

static int group_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                      gp_object_t *kwnames)
{
    if (kwnames != NULL && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments",
                      gp_type_name(GP_TYPE(self)));
        return -1;
    }
    gp_object_t *t = gp_tuple_from_array(args, nargs);
    if (t == NULL)
        return -1;
    GP_SETREF(EXC(self)->args, t);
    return 0;
}

/* The base type's slots release the common fields; these add the two of
   a group. */
static int group_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_exception_group_t *g = GROUP(self);
    int rc = g->message ? visit(g->message, arg) : 0;
    if (rc == 0 && g->exceptions)
        rc = visit(g->exceptions, arg);
    return rc ? rc : gp_exc_BaseException.traverse(self, visit, arg);
}

static int group_clear(gp_object_t *self)
{
    GP_CLEAR(GROUP(self)->message);
    GP_CLEAR(GROUP(self)->exceptions);
    return gp_exc_BaseException.clear(self);
}

static void group_dealloc(gp_object_t *self)
{
    if (gp_gc_is_tracked(self))
        gp_gc_untrack(self);
    GP_CLEAR(GROUP(self)->message);
    GP_CLEAR(GROUP(self)->exceptions);
    gp_exc_BaseException.dealloc(self);
}

static gp_object_t *group_str(gp_object_t *self)
{
    gp_exception_group_t *g = GROUP(self);
    intptr_t n = g->exceptions ? GP_TUPLE_SIZE(g->exceptions) : 0;
    return gp_str_from_format("%S (%zd sub-exception%s)", g->message ? g->message : gp_None, n,
                              n == 1 ? "" : "s");
}

static gp_object_t *group_get_message(gp_object_t *self, void *closure)
{
    gp_object_t *m = GROUP(self)->message;
    return GP_INCREF(m ? m : gp_None);
}

static gp_object_t *group_get_exceptions(gp_object_t *self, void *closure)
{
    gp_object_t *e = GROUP(self)->exceptions;
    return GP_INCREF(e ? e : gp_empty_tuple);
}

/* ------------------------------------------------------------------ */
/* Matchers and the recursive split                                     */
/* ------------------------------------------------------------------ */

typedef enum group_matcher_kind {
    MATCH_BY_TYPE,      /* isinstance(node, value), value a class or tuple of classes */
    MATCH_BY_PREDICATE, /* value(node) is true */
    MATCH_BY_IDENTITY,  /* node is one of the list value (VM only) */
} group_matcher_kind_t;

static bool group_is_exception_class(gp_object_t *o)
{
    return gp_type_check(o) && gp_type_is_subtype((gp_type_t *)o, &gp_exc_BaseException);
}

/* Classifies what split()/subgroup() were given; -1 with TypeError when it
   is none of a predicate, an exception class, or a tuple of those. */
static int group_matcher_kind(gp_object_t *value, group_matcher_kind_t *kind)
{
    if (gp_object_is_callable(value) && !gp_type_check(value)) {
        *kind = MATCH_BY_PREDICATE;
        return 0;
    }
    if (group_is_exception_class(value)) {
        *kind = MATCH_BY_TYPE;
        return 0;
    }
    if (gp_tuple_check(value)) {
        intptr_t i = 0;
        while (i < GP_TUPLE_SIZE(value) && group_is_exception_class(GP_TUPLE_GET(value, i)))
            i++;
        if (i == GP_TUPLE_SIZE(value)) {
            *kind = MATCH_BY_TYPE;
            return 0;
        }
    }
    gp_err_set_string(&gp_exc_TypeError,
                      "expected a function, exception type or tuple of exception types");
    return -1;
}

/* Does node [exc] match as a whole? 0/1, -1 on error. */
static int group_node_matches(gp_object_t *exc, group_matcher_kind_t kind, gp_object_t *value)
{
    switch (kind) {
    case MATCH_BY_TYPE:
        return gp_exception_matches(exc, value);
    case MATCH_BY_PREDICATE: {
        gp_object_t *r = gp_object_call1(value, exc);
        if (r == NULL)
            return -1;
        int truth = gp_object_is_true(r);
        GP_DECREF(r);
        return truth;
    }
    case MATCH_BY_IDENTITY:
        /* Only leaves are kept by identity: a group is rebuilt from its parts. */
        if (gp_exception_group_check(exc))
            return 0;
        for (intptr_t i = 0; i < GP_LIST_SIZE(value); i++)
            if (GP_LIST_GET(value, i) == exc)
                return 1;
        return 0;
    }
    return 0;
}

/* Gives the part [derived] the provenance of the whole [orig]. */
static int group_copy_metadata(gp_object_t *derived, gp_object_t *orig)
{
    gp_exception_t *d = EXC(derived), *o = EXC(orig);
    GP_SETREF(d->traceback, GP_XINCREF(o->traceback));
    GP_SETREF(d->context, GP_XINCREF(o->context));
    GP_SETREF(d->cause, GP_XINCREF(o->cause));
    /* As when __cause__ is assigned: the part prints as its own cause says. */
    d->suppress_context = true;
    if (o->notes != NULL) {
        /* Each part gets its own list, so a note added to one stays there. */
        gp_object_t *copy = gp_list_from_iterable(o->notes);
        if (copy == NULL)
            return -1;
        GP_SETREF(d->notes, copy);
    }
    return 0;
}

/* orig.derive(parts) with the checks and metadata of a split part. */
static gp_object_t *group_derive_part(gp_object_t *orig, gp_object_t *parts)
{
    gp_object_t *derived = gp_object_call_method(orig, "derive", &parts, 1);
    if (derived == NULL)
        return NULL;
    if (!gp_exception_group_check(derived)) {
        GP_DECREF(derived);
        gp_err_set_string(&gp_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return NULL;
    }
    if (group_copy_metadata(derived, orig) < 0) {
        GP_DECREF(derived);
        return NULL;
    }
    return derived;
}

/* Splits [exc] into *match and *rest (new references, NULL for "none";
   *rest only when [want_rest]). */
static int group_split(gp_object_t *exc, group_matcher_kind_t kind, gp_object_t *value,
                       bool want_rest, gp_object_t **match, gp_object_t **rest)
{
    *match = *rest = NULL;
    int whole = group_node_matches(exc, kind, value);
    if (whole < 0)
        return -1;
    if (whole) {
        *match = GP_INCREF(exc);
        return 0;
    }
    if (!gp_exception_group_check(exc)) {
        if (want_rest)
            *rest = GP_INCREF(exc);
        return 0;
    }
    gp_object_t *matched = gp_list_new(0), *left = want_rest ? gp_list_new(0) : NULL;
    if (matched == NULL || (want_rest && left == NULL))
        goto fail;
    gp_object_t *subs = GROUP(exc)->exceptions;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(subs); i++) {
        gp_object_t *sub_match, *sub_rest;
        if (group_split(GP_TUPLE_GET(subs, i), kind, value, want_rest, &sub_match, &sub_rest) < 0)
            goto fail;
        int rc = 0;
        if (sub_match != NULL)
            rc = gp_list_append(matched, sub_match);
        if (rc == 0 && sub_rest != NULL)
            rc = gp_list_append(left, sub_rest);
        GP_XDECREF(sub_match);
        GP_XDECREF(sub_rest);
        if (rc < 0)
            goto fail;
    }
    if (GP_LIST_SIZE(matched) > 0 && (*match = group_derive_part(exc, matched)) == NULL)
        goto fail;
    if (want_rest && GP_LIST_SIZE(left) > 0 && (*rest = group_derive_part(exc, left)) == NULL)
        goto fail;
    GP_DECREF(matched);
    GP_XDECREF(left);
    return 0;
fail:
    GP_XDECREF(matched);
    GP_XDECREF(left);
    GP_CLEAR(*match);
    GP_CLEAR(*rest);
    return -1;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *group_derive(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("derive", nargs, kwnames, 1, 1) < 0)
        return NULL;
    /* A plain BaseExceptionGroup, which picks ExceptionGroup when it can:
       a subclass with its own constructor overrides derive() itself. */
    gp_object_t *call_args[2] = {GROUP(self)->message, args[0]};
    return gp_object_call((gp_object_t *)&gp_exc_BaseExceptionGroup, call_args, 2, NULL);
}

static gp_object_t *none_if_null(gp_object_t *o)
{
    return o ? o : gp_none_new();
}

static gp_object_t *group_split_method(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    group_matcher_kind_t kind;
    if (gp_args_check("split", nargs, kwnames, 1, 1) < 0 || group_matcher_kind(args[0], &kind) < 0)
        return NULL;
    gp_object_t *match, *rest;
    if (group_split(self, kind, args[0], true, &match, &rest) < 0)
        return NULL;
    match = none_if_null(match);
    rest = none_if_null(rest);
    gp_object_t *pair = gp_tuple_pack(2, match, rest);
    GP_DECREF(match);
    GP_DECREF(rest);
    return pair;
}

static gp_object_t *group_subgroup(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    group_matcher_kind_t kind;
    if (gp_args_check("subgroup", nargs, kwnames, 1, 1) < 0 ||
        group_matcher_kind(args[0], &kind) < 0)
        return NULL;
    gp_object_t *match, *rest;
    if (group_split(self, kind, args[0], false, &match, &rest) < 0)
        return NULL;
    return none_if_null(match);
}

/* ExceptionGroup[ValueError] for type hints, as the builtin containers. */
static gp_object_t *group_class_getitem(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                        gp_object_t *kwnames)
{
    if (gp_args_check("__class_getitem__", nargs, kwnames, 1, 1) < 0)
        return NULL;
    return gp_generic_alias_new(cls, args[0]);
}

static const gp_method_def_t group_methods[] = {
    {"derive", group_derive, 0, "A group like this one (same message) of other exceptions."},
    {"split", group_split_method, 0,
     "(matching part, remaining part) for an exception type, tuple of types or predicate."},
    {"subgroup", group_subgroup, 0, "The matching part only, or None."},
    {"__class_getitem__", group_class_getitem, GP_METH_CLASS, "A generic alias of the class."},
    {NULL, NULL, 0, NULL},
};

static const gp_getset_def_t group_getsets[] = {
    {"message", group_get_message, NULL, NULL, "the message the group was made with"},
    {"exceptions", group_get_exceptions, NULL, NULL, "the tuple of grouped exceptions"},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ------------------------------------------------------------------ */
/* except*                                                              */
/* ------------------------------------------------------------------ */

int gp_exception_group_match(gp_object_t *exc, gp_object_t *type, gp_object_t **match,
                             gp_object_t **rest)
{
    *match = *rest = NULL;
    if (exc == gp_None) {
        /* An earlier clause took everything. */
        *match = gp_none_new();
        *rest = gp_none_new();
        return 0;
    }
    bool is_group = gp_exception_group_check(exc);
    if (gp_exception_matches(exc, type)) {
        if (is_group) {
            *match = GP_INCREF(exc);
        } else {
            /* A handler of except* always sees a group, even for one
               exception that was raised alone. */
            gp_object_t *one = gp_tuple_pack(1, exc);
            gp_object_t *group_args[2] = {gp_str_static(""), one};
            gp_object_t *wrapped =
                one ? gp_object_call((gp_object_t *)&gp_exc_BaseExceptionGroup, group_args, 2, NULL)
                    : NULL;
            GP_XDECREF(one);
            if (wrapped == NULL)
                return -1;
            GP_SETREF(EXC(wrapped)->traceback, GP_XINCREF(EXC(exc)->traceback));
            *match = wrapped;
        }
        *rest = gp_none_new();
        return 0;
    }
    if (!is_group) {
        *match = gp_none_new();
        *rest = GP_INCREF(exc);
        return 0;
    }
    /* Through the method, so a subclass's own split() is honoured. */
    gp_object_t *pair = gp_object_call_method(exc, "split", &type, 1);
    if (pair == NULL)
        return -1;
    if (!gp_tuple_check(pair) || GP_TUPLE_SIZE(pair) != 2) {
        gp_err_format(&gp_exc_TypeError, "%s.split must return a 2-tuple, got %T",
                      gp_type_name(GP_TYPE(exc)), pair);
        GP_DECREF(pair);
        return -1;
    }
    *match = GP_INCREF(GP_TUPLE_GET(pair, 0));
    *rest = GP_INCREF(GP_TUPLE_GET(pair, 1));
    GP_DECREF(pair);
    return 0;
}

/* Appends the leaves (non-group exceptions) under [exc] to [leaves]. */
static int group_collect_leaves(gp_object_t *exc, gp_object_t *leaves)
{
    if (!gp_exception_group_check(exc))
        return gp_list_append(leaves, exc);
    gp_object_t *subs = GROUP(exc)->exceptions;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(subs); i++)
        if (group_collect_leaves(GP_TUPLE_GET(subs, i), leaves) < 0)
            return -1;
    return 0;
}

/* A part of [orig] travelling on rather than a new exception: split parts
   and bare re-raises carry the very same provenance objects. */
static bool group_same_provenance(gp_object_t *a, gp_object_t *b)
{
    gp_exception_t *x = EXC(a), *y = EXC(b);
    return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause &&
           x->context == y->context;
}

gp_object_t *gp_exception_group_prep_reraise(gp_object_t *orig, gp_object_t *raised,
                                             gp_object_t *rest)
{
    if (!gp_exception_group_check(orig)) {
        /* A naked exception: at most one clause ran, so there is at most
           one thing to propagate - what it raised, or the exception itself. */
        if (GP_LIST_SIZE(raised) > 0)
            return GP_INCREF(GP_LIST_GET(raised, 0));
        return GP_INCREF(rest);
    }
    gp_object_t *fresh = gp_list_new(0), *kept_leaves = gp_list_new(0), *result = NULL;
    gp_object_t *reraised = NULL;
    if (fresh == NULL || kept_leaves == NULL)
        goto done;
    intptr_t n = GP_LIST_SIZE(raised);
    for (intptr_t i = 0; i <= n; i++) {
        gp_object_t *e = i < n ? GP_LIST_GET(raised, i) : rest;
        if (e == gp_None)
            continue;
        int rc = group_same_provenance(e, orig) ? group_collect_leaves(e, kept_leaves)
                                                : gp_list_append(fresh, e);
        if (rc < 0)
            goto done;
    }
    if (GP_LIST_SIZE(kept_leaves) > 0) {
        gp_object_t *unused = NULL;
        if (group_split(orig, MATCH_BY_IDENTITY, kept_leaves, false, &reraised, &unused) < 0)
            goto done;
    }
    if (GP_LIST_SIZE(fresh) == 0) {
        result = reraised ? GP_INCREF(reraised) : gp_none_new();
        goto done;
    }
    if (reraised != NULL && gp_list_append(fresh, reraised) < 0)
        goto done;
    if (GP_LIST_SIZE(fresh) == 1) {
        /* One exception alone propagates as itself, not wrapped. */
        result = GP_INCREF(GP_LIST_GET(fresh, 0));
        goto done;
    }
    gp_object_t *group_args[2] = {gp_str_static(""), fresh};
    result = gp_object_call((gp_object_t *)&gp_exc_BaseExceptionGroup, group_args, 2, NULL);
done:
    GP_XDECREF(fresh);
    GP_XDECREF(kept_leaves);
    GP_XDECREF(reraised);
    return result;
}

/* ------------------------------------------------------------------ */
/* The types                                                            */
/* ------------------------------------------------------------------ */

#define GROUP_FLAGS (GP_TYPE_FLAG_BASETYPE | GP_TYPE_FLAG_GC | GP_TYPE_FLAG_EXC_SUBCLASS)

gp_type_t gp_exc_BaseExceptionGroup = {
    GP_TYPE_HEAD_INIT,
    .name = "BaseExceptionGroup",
    .basicsize = sizeof(gp_exception_group_t),
    .flags = GROUP_FLAGS,
    .base_type = &gp_exc_BaseException,
    .dealloc = group_dealloc,
    .new_ = group_new,
    .init = group_init,
    .str = group_str,
    .traverse = group_traverse,
    .clear = group_clear,
    .methods = group_methods,
    .getsets = group_getsets,
    .doc = "A combination of several unrelated exceptions.",
};

gp_type_t gp_exc_ExceptionGroup = {
    GP_TYPE_HEAD_INIT,
    .name = "ExceptionGroup",
    .basicsize = sizeof(gp_exception_group_t),
    .flags = GROUP_FLAGS,
    .base_type = &gp_exc_BaseExceptionGroup,
    .doc = "A combination of several unrelated Exception instances.",
};

int gp_exception_group_init(void)
{
    if (gp_type_ready(&gp_exc_BaseExceptionGroup) < 0)
        return -1;
    if (gp_exc_ExceptionGroup.flags & GP_TYPE_FLAG_READY)
        return 0;
    /* The second base and the MRO CPython gives ExceptionGroup:
       (ExceptionGroup, BaseExceptionGroup, Exception, BaseException, object). */
    gp_type_t *self = &gp_exc_ExceptionGroup;
    self->bases = gp_tuple_pack(2, (gp_object_t *)&gp_exc_BaseExceptionGroup,
                                (gp_object_t *)&gp_exc_Exception);
    self->mro = gp_tuple_pack(5, (gp_object_t *)self, (gp_object_t *)&gp_exc_BaseExceptionGroup,
                              (gp_object_t *)&gp_exc_Exception,
                              (gp_object_t *)&gp_exc_BaseException,
                              (gp_object_t *)&gp_object_type);
    if (self->bases == NULL || self->mro == NULL)
        return -1;
    return gp_type_ready(self);
}
