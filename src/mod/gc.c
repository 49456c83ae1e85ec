/*
 * mod/gc.c - the `gc` module: the Python face of the cycle collector.
 *
 * Design notes
 * ------------
 * The collector itself lives in runtime/gc.c; this module only validates
 * arguments and converts results. Like CPython, the collector has three
 * generations, so the per-generation APIs mean what they mean there.
 * gc.garbage holds what DEBUG_SAVEALL kept; nothing else lands there,
 * because uncollectable finalizer cycles do not exist here (see
 * runtime/gc.c).
 * gc.callbacks is the list the collector itself calls around every
 * collection (it keeps a reference, so rebinding the module attribute does
 * not change what is called, as in CPython). Of the debug flags, SAVEALL
 * and COLLECTABLE act as CPython's; STATS and UNCOLLECTABLE are kept and
 * reported but print nothing.
 */
#include "runtime/gc.h"
#include "obj/containers.h"
#include "runtime/runtime.h"

static gp_object_t *gc_collect(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    gp_object_t *gen = NULL;
    intptr_t generation = GP_GC_GENERATIONS - 1;
    if (gp_args_parse("collect", args, nargs, kwnames, names, 0, &gen) < 0)
        return NULL;
    if (gen) {
        intptr_t g = gp_number_as_ssize(gen, &gp_exc_OverflowError);
        if (g == -1 && gp_err_occurred())
            return NULL;
        if (g < 0 || g > 2) {
            gp_err_set_string(&gp_exc_ValueError, "invalid generation");
            return NULL;
        }
        generation = g;
    }
    intptr_t n = gp_gc_collect_generation((int)generation);
    if (n < 0)
        return NULL;
    return gp_int_from_i64(n);
}

static gp_object_t *gc_enable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    if (gp_check_noargs("gc.enable", nargs) < 0)
        return NULL;
    gp_gc_enable();
    return gp_none_new();
}

static gp_object_t *gc_disable(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_check_noargs("gc.disable", nargs) < 0)
        return NULL;
    gp_gc_disable();
    return gp_none_new();
}

static gp_object_t *gc_isenabled(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_noargs("gc.isenabled", nargs) < 0)
        return NULL;
    return gp_bool_from(gp_gc_is_enabled());
}

static gp_object_t *gc_int_triple(int64_t a, int64_t b, int64_t c)
{
    gp_object_t *x = gp_int_from_i64(a), *y = gp_int_from_i64(b), *z = gp_int_from_i64(c);
    gp_object_t *t = (x && y && z) ? gp_tuple_pack(3, x, y, z) : NULL;
    GP_XDECREF(x);
    GP_XDECREF(y);
    GP_XDECREF(z);
    return t;
}

static gp_object_t *gc_get_count(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_noargs("gc.get_count", nargs) < 0)
        return NULL;
    return gc_int_triple(gp_gc_get_generation_count(0), gp_gc_get_generation_count(1),
                         gp_gc_get_generation_count(2));
}

static gp_object_t *gc_get_threshold(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_check_noargs("gc.get_threshold", nargs) < 0)
        return NULL;
    return gc_int_triple(gp_gc_get_generation_threshold(0), gp_gc_get_generation_threshold(1),
                         gp_gc_get_generation_threshold(2));
}

static gp_object_t *gc_set_threshold(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (nargs < 1 || nargs > 3) {
        gp_err_format(&gp_exc_TypeError, "set_threshold() takes at %s %s argument%s (%zu given)",
                      nargs < 1 ? "least" : "most", nargs < 1 ? "1" : "3",
                      nargs < 1 ? "" : "s", nargs);
        return NULL;
    }
    intptr_t values[3];
    for (size_t i = 0; i < nargs; i++) {
        if (!gp_int_check(args[i])) {
            gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          args[i]);
            return NULL;
        }
        values[i] = gp_number_as_ssize(args[i], &gp_exc_OverflowError);
        if (values[i] == -1 && gp_err_occurred())
            return NULL;
    }
    for (size_t i = 0; i < nargs; i++)
        gp_gc_set_generation_threshold((int)i, values[i]);
    return gp_none_new();
}

static gp_object_t *gc_get_objects(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    static const char *const names[] = {"generation", NULL};
    gp_object_t *gen = NULL;
    if (gp_args_parse("get_objects", args, nargs, kwnames, names, 0, &gen) < 0)
        return NULL;
    if (gen && gen != gp_None) {
        intptr_t g = gp_number_as_ssize(gen, &gp_exc_OverflowError);
        if (g == -1 && gp_err_occurred())
            return NULL;
        if (g >= 3) {
            gp_err_format(&gp_exc_ValueError, "generation parameter must be less than the number of available generations (3)");
            return NULL;
        }
        if (g < 0) {
            gp_err_set_string(&gp_exc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
        return gp_gc_get_generation_objects((int)g);
    }
    return gp_gc_get_objects();
}

static gp_object_t *gc_is_tracked(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_check_onearg("gc.is_tracked", nargs) < 0)
        return NULL;
    return gp_bool_from(gp_gc_is_tracked(args[0]));
}

/* Appends each visited object to the list [arg]. */
static int gc_referent_visit(gp_object_t *o, void *arg)
{
    return gp_list_append((gp_object_t *)arg, o) < 0 ? -1 : 0;
}

static gp_object_t *gc_get_referents(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gp_object_t *result = gp_list_new(0);
    if (!result)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        gp_object_t *o = args[i];
        if (!gp_gc_is_tracked(o) && !(GP_IS_PTR(o) && (GP_TYPE(o)->flags & GP_TYPE_FLAG_GC)))
            continue;
        gp_type_t *type = GP_TYPE(o);
        if (type->traverse && type->traverse(o, gc_referent_visit, result) < 0) {
            GP_DECREF(result);
            return NULL;
        }
    }
    return result;
}

typedef struct gc_referrer_search {
    gp_object_t *const *targets;
    size_t ntargets;
    bool found;
} gc_referrer_search_t;

static int gc_referrer_visit(gp_object_t *o, void *arg)
{
    gc_referrer_search_t *search = arg;
    for (size_t i = 0; i < search->ntargets; i++) {
        if (search->targets[i] == o) {
            search->found = true;
            return 1; /* stop traversing */
        }
    }
    return 0;
}

static gp_object_t *gc_get_referrers(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gp_object_t *all = gp_gc_get_objects();
    if (!all)
        return NULL;
    gp_object_t *result = gp_list_new(0);
    if (!result) {
        GP_DECREF(all);
        return NULL;
    }
    for (intptr_t i = 0; i < GP_LIST_SIZE(all); i++) {
        gp_object_t *o = GP_LIST_GET(all, i);
        gp_type_t *type = GP_TYPE(o);
        gc_referrer_search_t search = {args, nargs, false};
        if (type->traverse)
            type->traverse(o, gc_referrer_visit, &search);
        if (search.found && gp_list_append(result, o) < 0) {
            GP_DECREF(result);
            GP_DECREF(all);
            return NULL;
        }
    }
    GP_DECREF(all);
    return result;
}

static gp_object_t *gc_freeze(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    /* There is no permanent generation: freezing is a no-op. */
    if (gp_check_noargs("gc.freeze", nargs) < 0)
        return NULL;
    return gp_none_new();
}

static gp_object_t *gc_get_freeze_count(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_check_noargs("gc.get_freeze_count", nargs) < 0)
        return NULL;
    return gp_int_from_i64(0);
}

/* gc.get_stats(): one dict per generation, as CPython's. Nothing is ever
   uncollectable here (see runtime/gc.c). */
static gp_object_t *gc_get_stats(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_noargs("gc.get_stats", nargs) < 0)
        return NULL;
    gp_object_t *result = gp_list_new(0);
    for (int g = 0; result && g < GP_GC_GENERATIONS; g++) {
        intptr_t collections = 0, collected = 0;
        gp_gc_get_stats(g, &collections, &collected);
        gp_object_t *d = gp_dict_new();
        gp_object_t *v[3] = {gp_int_from_i64(collections), gp_int_from_i64(collected),
                             gp_int_from_i64(0)};
        bool ok = d && v[0] && v[1] && v[2] &&
                  gp_dict_setitem_cstr(d, "collections", v[0]) == 0 &&
                  gp_dict_setitem_cstr(d, "collected", v[1]) == 0 &&
                  gp_dict_setitem_cstr(d, "uncollectable", v[2]) == 0 &&
                  gp_list_append(result, d) == 0;
        for (int i = 0; i < 3; i++)
            GP_XDECREF(v[i]);
        GP_XDECREF(d);
        if (!ok)
            GP_CLEAR(result);
    }
    return result;
}

static gp_object_t *gc_get_debug(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_noargs("gc.get_debug", nargs) < 0)
        return NULL;
    return gp_int_from_i64(gp_gc_get_debug());
}

static gp_object_t *gc_set_debug(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("set_debug", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_int_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      GP_TYPE(args[0])->name);
        return NULL;
    }
    intptr_t flags = gp_number_as_ssize(args[0], &gp_exc_OverflowError);
    if (flags == -1 && gp_err_occurred())
        return NULL;
    gp_gc_set_debug((int)flags);
    return gp_none_new();
}

static const gp_method_def_t gc_functions[] = {
    {"get_stats", gc_get_stats, 0,
     "Return a list of dictionaries containing per-generation statistics."},
    {"get_debug", gc_get_debug, 0, "Get the garbage collection debugging flags."},
    {"set_debug", gc_set_debug, 0, "Set the garbage collection debugging flags."},
    {"collect", gc_collect, GP_METH_KEYWORDS,
     "Run the garbage collector and return the number of unreachable objects found."},
    {"enable", gc_enable, 0, "Enable automatic garbage collection."},
    {"disable", gc_disable, 0, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, 0, "Returns true if automatic garbage collection is enabled."},
    {"get_count", gc_get_count, 0, "Return a three-tuple of the current collection counts."},
    {"get_threshold", gc_get_threshold, 0, "Return the current collection thresholds."},
    {"set_threshold", gc_set_threshold, 0, "Set the collection thresholds."},
    {"get_objects", gc_get_objects, GP_METH_KEYWORDS,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"is_tracked", gc_is_tracked, 0,
     "Returns true if the object is tracked by the garbage collector."},
    {"get_referents", gc_get_referents, 0, "Return the list of objects that are directly referred to by the arguments."},
    {"get_referrers", gc_get_referrers, 0, "Return the list of objects that directly refer to any of the arguments."},
    {"freeze", gc_freeze, 0, "Freeze all current tracked objects (a no-op in gilpy)."},
    {"unfreeze", gc_freeze, 0, "Unfreeze all objects (a no-op in gilpy)."},
    {"get_freeze_count", gc_get_freeze_count, 0, "Return the number of frozen objects (always 0)."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_gc_module_create(void)
{
    gp_object_t *module = gp_module_new("gc");
    if (!module)
        return NULL;
    if (gp_module_add_functions(module, gc_functions) < 0)
        goto error;
    gp_object_t *garbage = gp_list_new(0);
    gp_object_t *callbacks = garbage ? gp_list_new(0) : NULL;
    int r = callbacks ? 0 : -1;
    if (r == 0)
        r = gp_module_add_object(module, "garbage", garbage);
    if (r == 0)
        r = gp_module_add_object(module, "callbacks", callbacks);
    if (r == 0) {
        gp_gc_set_callbacks(callbacks);
        gp_gc_set_garbage(garbage);
    }
    GP_XDECREF(garbage);
    GP_XDECREF(callbacks);
    if (r < 0)
        goto error;
    if (gp_module_add_int(module, "DEBUG_STATS", 1) < 0 ||
        gp_module_add_int(module, "DEBUG_COLLECTABLE", 2) < 0 ||
        gp_module_add_int(module, "DEBUG_UNCOLLECTABLE", 4) < 0 ||
        gp_module_add_int(module, "DEBUG_SAVEALL", 32) < 0 ||
        gp_module_add_int(module, "DEBUG_LEAK", 38) < 0)
        goto error;
    return module;
error:
    GP_DECREF(module);
    return NULL;
}
