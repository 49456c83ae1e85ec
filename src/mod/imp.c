/*
 * imp.c - the `_imp` module: what importlib needs to know about the modules
 * that live inside the binary.
 *
 * Design notes
 * ------------
 * gilpy's import statement (vm/import.c) is written in C and consults
 * neither sys.meta_path nor loaders, so lib/importlib does not drive imports;
 * it describes them. To build a ModuleSpec for `json` without importing it,
 * importlib must be able to ask whether a name is a built-in C module or a
 * frozen lib/ module, and to re-run a frozen module's body (reload, or a
 * loader's exec_module) it needs the frozen source text. This module answers
 * exactly those questions from the two tables in runtime/runtime.c and the
 * generated frozen table; it holds no state of its own.
 *
 * The names follow CPython's `_imp` where a counterpart exists (is_builtin,
 * is_frozen, is_frozen_package, create_builtin); get_frozen_source and
 * frozen_names are gilpy's own, since our frozen modules are source text
 * rather than marshalled code objects.
 */
#include <string.h>

#include "obj/object.h"
#include "runtime/runtime.h"

/* The frozen entry called [name], or NULL. */
static const gp_frozen_module_t *imp_find_frozen(const char *name)
{
    for (const gp_frozen_module_t *f = gp_frozen_modules; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

/* The built-in table entry called [name], or NULL. */
static const gp_builtin_module_t *imp_find_builtin(const char *name)
{
    for (const gp_builtin_module_t *b = gp_builtin_modules; b->name; b++)
        if (strcmp(b->name, name) == 0)
            return b;
    return NULL;
}

/* Checks that [fname] got exactly one str argument; its UTF-8 or NULL. */
static const char *imp_name_arg(const char *fname, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check(fname, nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "%s() argument must be str, not %T", fname, args[0]);
        return NULL;
    }
    return gp_str_utf8(args[0]);
}

static gp_object_t *imp_is_builtin(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    (void)self;
    const char *name = imp_name_arg("is_builtin", args, nargs, kwnames);
    if (!name)
        return NULL;
    return gp_int_from_i64(imp_find_builtin(name) ? 1 : 0);
}

static gp_object_t *imp_is_frozen(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    (void)self;
    const char *name = imp_name_arg("is_frozen", args, nargs, kwnames);
    if (!name)
        return NULL;
    return gp_bool_from(imp_find_frozen(name) != NULL);
}

/* Looks up a frozen entry that must exist, raising ImportError as CPython's
   _imp does when it does not. */
static const gp_frozen_module_t *imp_require_frozen(const char *fname, gp_object_t *const *args,
                                                    size_t nargs, gp_object_t *kwnames)
{
    const char *name = imp_name_arg(fname, args, nargs, kwnames);
    if (!name)
        return NULL;
    const gp_frozen_module_t *f = imp_find_frozen(name);
    if (!f)
        gp_err_format(&gp_exc_ImportError, "No such frozen object named '%s'", name);
    return f;
}

static gp_object_t *imp_is_frozen_package(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                          gp_object_t *kwnames)
{
    (void)self;
    const gp_frozen_module_t *f = imp_require_frozen("is_frozen_package", args, nargs, kwnames);
    return f ? gp_bool_from(f->is_package) : NULL;
}

static gp_object_t *imp_get_frozen_source(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                          gp_object_t *kwnames)
{
    (void)self;
    const gp_frozen_module_t *f = imp_require_frozen("get_frozen_source", args, nargs, kwnames);
    return f ? gp_str_from_utf8(f->source, f->length) : NULL;
}

/* create_builtin(spec): the module object for the built-in named spec.name.
   A module that is already loaded is returned as is, because modules such as
   sys and builtins are shared with the runtime and must never be doubled. */
static gp_object_t *imp_create_builtin(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    (void)self;
    if (gp_args_check("create_builtin", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *name = gp_object_getattr_cstr(args[0], "name");
    if (!name)
        return NULL;
    if (!gp_str_check(name)) {
        gp_err_format(&gp_exc_TypeError, "spec.name must be str, not %T", name);
        GP_DECREF(name);
        return NULL;
    }
    gp_object_t *existing = gp_dict_getitem(gp_runtime()->modules, name);
    if (existing) {
        GP_DECREF(name);
        return GP_INCREF(existing);
    }
    const gp_builtin_module_t *b = imp_find_builtin(gp_str_utf8(name));
    if (!b) {
        gp_err_format(&gp_exc_ImportError, "no built-in module named %U", name);
        GP_DECREF(name);
        return NULL;
    }
    GP_DECREF(name);
    return b->create();
}

/* frozen_names(): every frozen module's dotted name, in table order. */
static gp_object_t *imp_frozen_names(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (gp_args_check("frozen_names", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *list = gp_list_new(0);
    for (const gp_frozen_module_t *f = gp_frozen_modules; list && f->name; f++) {
        gp_object_t *s = gp_str_from_cstr(f->name);
        if (!s || gp_list_append(list, s) < 0) {
            GP_XDECREF(s);
            GP_DECREF(list);
            return NULL;
        }
        GP_DECREF(s);
    }
    return list;
}

static const gp_method_def_t imp_functions[] = {
    {"is_builtin", imp_is_builtin, 0, "1 if the name is a built-in C module, else 0."},
    {"is_frozen", imp_is_frozen, 0, "Whether the name is a module frozen into the binary."},
    {"is_frozen_package", imp_is_frozen_package, 0, "Whether a frozen module is a package."},
    {"get_frozen_source", imp_get_frozen_source, 0, "The source text of a frozen module."},
    {"create_builtin", imp_create_builtin, 0, "The module object for a built-in spec."},
    {"frozen_names", imp_frozen_names, 0, "The names of all frozen modules."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_imp_module_create(void)
{
    gp_object_t *module = gp_module_new("_imp");
    if (!module)
        return NULL;
    if (gp_module_add_functions(module, imp_functions) < 0) {
        GP_DECREF(module);
        return NULL;
    }
    return module;
}
