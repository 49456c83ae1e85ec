/*
 * import.c - the import statement.
 *
 * Design notes
 * ------------
 * `import a.b.c` imports a, then a.b, then a.b.c, each step as follows:
 *
 *   1. sys.modules (the runtime's `modules` dict) is the cache: a hit is
 *      returned as is, even a module that is still executing, which is how
 *      circular imports see a partially initialised module;
 *   2. a top-level name may be a built-in C module from gp_builtin_modules[];
 *   3. otherwise the module is searched as `<name>.py` or `<name>/__init__.py`
 *      in each directory of sys.path (for a top-level name) or of the parent
 *      package's __path__ (for a submodule).
 *
 * A source module is registered in sys.modules before its body runs and
 * removed again if the body fails. After a submodule loads it is also bound
 * as an attribute of its parent package. Relative imports resolve against
 * the importing module's __package__ (or its __name__).
 *
 * There is no bytecode cache and no import hook machinery: gilpy compiles
 * a module's source every time a process imports it. Once a program has
 * imported importlib, each new module is also handed to
 * importlib._bootstrap for its __spec__ and __loader__ (import_describe),
 * and finders a program adds to sys.meta_path are asked before the steps
 * above (import_from_user_finders); before that, modules carry
 * __spec__ = None and sys.meta_path is not consulted.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

#include "compile/compile.h"
#include "vm/eval.h"
#include "vm/vm.h"

/* Modules whose body is running on this thread (for the circular-import
   message of `from x import y`). */
#define IMPORT_MAX_LOADING 64
static _Thread_local gp_object_t *tl_loading[IMPORT_MAX_LOADING];
static _Thread_local int tl_nloading;

static bool module_is_loading(gp_object_t *module)
{
    for (int i = 0; i < tl_nloading; i++)
        if (tl_loading[i] == module)
            return true;
    return false;
}

static bool file_exists(const char *path, bool want_dir)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    return want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode);
}

/* Reads a whole file; NULL with OSError set. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        gp_object_t *name = gp_str_from_cstr(path);
        gp_err_set_from_errno(errno, name);
        GP_XDECREF(name);
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = gp_mem_alloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        char *nb = gp_mem_realloc(buf, cap * 2);
        if (!nb) {
            gp_mem_free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    fclose(f);
    if (!buf) {
        gp_err_no_memory();
        return NULL;
    }
    *len = n;
    return buf;
}

/* Executes [len] bytes of [source] as the body of [module], reporting
   errors against [filename]. */
static int exec_module_source(gp_object_t *module, const char *source, size_t len,
                              const char *filename)
{
    gp_object_t *code = gp_compile_source(source, len, filename, "exec");
    if (!code)
        return -1;
    gp_object_t *dict = gp_module_dict(module);
    int pushed = tl_nloading < IMPORT_MAX_LOADING;
    if (pushed)
        tl_loading[tl_nloading++] = module;
    gp_object_t *r = gp_eval_code(code, dict, dict);
    if (pushed)
        tl_nloading--;
    GP_DECREF(code);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* Executes the source file [path] as the body of [module]. */
static int exec_module_file(gp_object_t *module, const char *path)
{
    size_t len;
    char *src = read_file(path, &len);
    if (!src)
        return -1;
    int rc = exec_module_source(module, src, len, path);
    gp_mem_free(src);
    return rc;
}

/* Gives [module] the __spec__ and __loader__ CPython's import would, when
   importlib has been imported: importlib._bootstrap builds them from
   [origin] (the source path, "frozen" or "built-in"). A program that never
   imports importlib does not pay for this, and its modules keep
   __spec__ = None. A failure here is not an import error: the pending
   exception is dropped and the module stays as it was. */
static void import_describe(gp_object_t *module, const char *origin)
{
    gp_object_t *bootstrap = gp_dict_getitem_cstr(gp_runtime()->modules, "importlib._bootstrap");
    if (!bootstrap) {
        gp_err_clear();
        return;
    }
    gp_object_t *where = gp_str_from_cstr(origin);
    gp_object_t *args[2] = {module, where};
    gp_object_t *r =
        where ? gp_object_call_method(bootstrap, "_describe_runtime_module", args, 2) : NULL;
    GP_XDECREF(where);
    if (r)
        GP_DECREF(r);
    else
        gp_err_clear();
}

/* Registers [module] as sys.modules[fullname], runs its body (the frozen
   [frozen] entry, or the file [path]) and returns the final sys.modules
   entry: a new reference, or NULL with an exception. */
static gp_object_t *run_new_module(gp_object_t *fullname, gp_object_t *module,
                                   const gp_frozen_module_t *frozen, const char *path)
{
    gp_runtime_t *rt = gp_runtime();
    import_describe(module, frozen ? "frozen" : path);
    if (gp_dict_setitem(rt->modules, fullname, module) < 0) {
        GP_DECREF(module);
        return NULL;
    }
    int rc;
    if (frozen) {
        char filename[300];
        snprintf(filename, sizeof filename, "<frozen %s>", frozen->name);
        rc = exec_module_source(module, frozen->source, frozen->length, filename);
    } else {
        rc = exec_module_file(module, path);
    }
    if (rc < 0) {
        gp_object_t *exc = gp_err_fetch();
        if (gp_dict_contains(rt->modules, fullname) == 1)
            gp_dict_delitem(rt->modules, fullname);
        gp_err_restore(exc);
        GP_DECREF(module);
        return NULL;
    }
    GP_DECREF(module);
    /* The body may have replaced its sys.modules entry. */
    gp_object_t *final = gp_dict_getitem(rt->modules, fullname);
    if (!final) {
        if (!gp_err_occurred())
            gp_err_format(&gp_exc_ImportError, "Loaded module %U not found in sys.modules",
                          fullname);
        return NULL;
    }
    return GP_INCREF(final);
}

/* Loads [fullname] from the modules frozen into the binary (lib/): a new
   reference, NULL with an exception, or NULL without one when absent. */
static gp_object_t *load_frozen(gp_object_t *fullname)
{
    gp_runtime_t *rt = gp_runtime();
    const char *name = gp_str_utf8(fullname);
    const gp_frozen_module_t *frozen = gp_frozen_modules;
    while (frozen->name && strcmp(frozen->name, name) != 0)
        frozen++;
    if (!frozen->name)
        return NULL;
    gp_object_t *module = gp_module_new(name);
    if (!module)
        return NULL;
    gp_object_t *md = gp_module_dict(module);
    gp_object_t *builtins_mod = gp_dict_getitem_cstr(rt->modules, "builtins");
    int err = builtins_mod && gp_dict_setitem_cstr(md, "__builtins__", builtins_mod) < 0;
    const char *dot = strrchr(name, '.');
    gp_object_t *pkg = frozen->is_package
                           ? GP_INCREF(fullname)
                           : gp_str_from_utf8(name, dot ? (size_t)(dot - name) : 0);
    err = err || !pkg || gp_dict_setitem_cstr(md, "__package__", pkg) < 0;
    GP_XDECREF(pkg);
    if (!err && frozen->is_package) {
        /* An empty __path__ marks a package; its submodules are frozen too. */
        gp_object_t *plist = gp_list_new(0);
        err = !plist || gp_dict_setitem_cstr(md, "__path__", plist) < 0;
        GP_XDECREF(plist);
    }
    if (err) {
        GP_DECREF(module);
        return NULL;
    }
    return run_new_module(fullname, module, frozen, NULL);
}

/* Loads [fullname] whose last component is [part], searching [dirs]
   (a list of str). Returns a new reference, NULL with an exception, or
   NULL without one when not found. */
static gp_object_t *load_from_dirs(gp_object_t *fullname, const char *part, gp_object_t *dirs)
{
    gp_runtime_t *rt = gp_runtime();
    if (!dirs || !gp_list_check(dirs))
        return NULL;
    for (intptr_t i = 0; i < GP_LIST_SIZE(dirs); i++) {
        gp_object_t *d = GP_LIST_GET(dirs, i);
        if (!gp_str_check(d))
            continue;
        const char *dir = gp_str_utf8(d);
        char pkgdir[4096], path[4200];
        const char *sep = dir[0] ? "/" : "";
        snprintf(pkgdir, sizeof pkgdir, "%s%s%s", dir, sep, part);
        bool is_pkg = false;
        snprintf(path, sizeof path, "%s/__init__.py", pkgdir);
        if (file_exists(pkgdir, true) && file_exists(path, false)) {
            is_pkg = true;
        } else {
            snprintf(path, sizeof path, "%s.py", pkgdir);
            if (!file_exists(path, false))
                continue;
        }
        gp_object_t *module = gp_module_new(gp_str_utf8(fullname));
        if (!module)
            return NULL;
        gp_object_t *md = gp_module_dict(module);
        gp_object_t *file = gp_str_from_cstr(path);
        int err = !file || gp_dict_setitem_cstr(md, "__file__", file) < 0;
        GP_XDECREF(file);
        gp_object_t *builtins_mod = gp_dict_getitem_cstr(rt->modules, "builtins");
        if (!err && builtins_mod)
            err = gp_dict_setitem_cstr(md, "__builtins__", builtins_mod) < 0;
        if (!err && is_pkg) {
            gp_object_t *p = gp_str_from_cstr(pkgdir);
            gp_object_t *plist = p ? gp_list_from_array(&p, 1) : NULL;
            err = !plist || gp_dict_setitem_cstr(md, "__path__", plist) < 0 ||
                  gp_dict_setitem_cstr(md, "__package__", fullname) < 0;
            GP_XDECREF(p);
            GP_XDECREF(plist);
        } else if (!err) {
            const char *full = gp_str_utf8(fullname);
            const char *dot = strrchr(full, '.');
            gp_object_t *pkg = gp_str_from_utf8(full, dot ? (size_t)(dot - full) : 0);
            err = !pkg || gp_dict_setitem_cstr(md, "__package__", pkg) < 0;
            GP_XDECREF(pkg);
        }
        if (err) {
            GP_DECREF(module);
            return NULL;
        }
        return run_new_module(fullname, module, NULL, path);
    }
    return NULL;
}

/* When importlib is loaded, the finders a program put on sys.meta_path
   are asked first, as CPython does (importlib._bootstrap walks them and
   loads through the spec one returns). [parent] is the parent package or
   NULL. Returns a new reference, NULL with an exception, or NULL without
   one when no such finder claims [fullname]. */
static gp_object_t *import_from_user_finders(gp_object_t *fullname, gp_object_t *parent)
{
    gp_object_t *bootstrap = gp_dict_getitem_cstr(gp_runtime()->modules, "importlib._bootstrap");
    if (!bootstrap)
        return NULL;
    /* While importlib._bootstrap itself is still running (its own imports),
       the function does not exist yet. */
    gp_object_t *hook = gp_object_getattr_cstr(bootstrap, "_load_from_user_finders");
    if (!hook) {
        gp_err_clear();
        return NULL;
    }
    gp_object_t *path = parent ? gp_object_getattr_cstr(parent, "__path__") : NULL;
    if (parent && !path)
        gp_err_clear();
    gp_object_t *args[2] = {fullname, path ? path : gp_None};
    gp_object_t *m = gp_object_call(hook, args, 2, NULL);
    GP_DECREF(hook);
    GP_XDECREF(path);
    if (m == gp_None) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}

/* Imports one absolute dotted name whose parent (if any) is loaded. */
static gp_object_t *import_one(gp_object_t *fullname, gp_object_t *parent, const char *part)
{
    gp_runtime_t *rt = gp_runtime();
    gp_object_t *m = gp_dict_getitem(rt->modules, fullname);
    if (m == gp_None) {
        /* Setting sys.modules[name] = None is the documented way to make
           a module unimportable (tests use it to block C accelerators). */
        gp_err_format(&gp_exc_ModuleNotFoundError, "import of %U halted; None in sys.modules",
                      fullname);
        return NULL;
    }
    if (m)
        return GP_INCREF(m);
    if (gp_err_occurred())
        return NULL;
    m = import_from_user_finders(fullname, parent);
    if (m || gp_err_occurred())
        return m;
    if (!parent) {
        for (const gp_builtin_module_t *b = gp_builtin_modules; b->name; b++) {
            if (strcmp(b->name, part) != 0)
                continue;
            m = b->create();
            if (!m)
                return NULL;
            import_describe(m, "built-in");
            if (gp_dict_setitem(rt->modules, fullname, m) < 0) {
                GP_DECREF(m);
                return NULL;
            }
            return m;
        }
        m = load_from_dirs(fullname, part, rt->path);
    } else {
        gp_object_t *path = gp_object_getattr_cstr(parent, "__path__");
        if (!path) {
            gp_err_clear();
            gp_object_t *pname = gp_object_getattr_cstr(parent, "__name__");
            if (!pname)
                gp_err_clear();
            gp_err_format(&gp_exc_ModuleNotFoundError,
                          "No module named '%U'; '%S' is not a package", fullname,
                          pname ? pname : gp_None);
            GP_XDECREF(pname);
            gp_object_t *pending = gp_err_fetch();
            if (pending && gp_object_setattr_cstr(pending, "name", fullname) < 0)
                gp_err_clear();
            gp_err_restore(pending);
            return NULL;
        } else {
            m = load_from_dirs(fullname, part, path);
            GP_DECREF(path);
        }
    }
    /* Like CPython's standard library, the frozen modules come after the
       directories of sys.path: a script's own queue.py shadows queue. */
    if (!m && !gp_err_occurred())
        m = load_frozen(fullname);
    if (!m && !gp_err_occurred()) {
        gp_err_format(&gp_exc_ModuleNotFoundError, "No module named '%U'", fullname);
        gp_object_t *exc = gp_err_current();
        if (exc) {
            gp_object_t *pending = gp_err_fetch();
            if (gp_object_setattr_cstr(exc, "name", fullname) < 0)
                gp_err_clear();
            gp_err_restore(pending);
        }
    }
    if (m && parent) {
        gp_object_t *p = gp_str_from_cstr(part);
        if (!p || gp_object_setattr(parent, p, m) < 0)
            gp_err_clear();
        GP_XDECREF(p);
    }
    return m;
}

/* Imports every prefix of the absolute dotted [name]; returns the leaf. */
static gp_object_t *import_dotted(gp_object_t *name)
{
    const char *full = gp_str_utf8(name);
    size_t len = gp_str_utf8_len(name);
    if (len == 0) {
        gp_err_set_string(&gp_exc_ValueError, "Empty module name");
        return NULL;
    }
    gp_object_t *parent = NULL;
    size_t start = 0;
    for (;;) {
        const char *dot = memchr(full + start, '.', len - start);
        size_t end = dot ? (size_t)(dot - full) : len;
        gp_object_t *prefix = gp_str_from_utf8(full, end);
        char part[512];
        size_t plen = end - start < sizeof part - 1 ? end - start : sizeof part - 1;
        memcpy(part, full + start, plen);
        part[plen] = 0;
        if (!prefix) {
            GP_XDECREF(parent);
            return NULL;
        }
        gp_object_t *m = import_one(prefix, parent, part);
        GP_DECREF(prefix);
        GP_XDECREF(parent);
        if (!m)
            return NULL;
        if (!dot)
            return m;
        parent = m;
        start = end + 1;
    }
}

/* The absolute name for a relative import of [name] at [level]. */
static gp_object_t *resolve_relative(gp_object_t *name, gp_object_t *globals, int level)
{
    gp_object_t *package = globals ? gp_dict_getitem_cstr(globals, "__package__") : NULL;
    gp_object_t *pkg = NULL;
    if (package && gp_str_check(package)) {
        pkg = GP_INCREF(package);
    } else {
        gp_object_t *modname = globals ? gp_dict_getitem_cstr(globals, "__name__") : NULL;
        if (modname && gp_str_check(modname)) {
            if (gp_dict_getitem_cstr(globals, "__path__")) {
                pkg = GP_INCREF(modname);
            } else {
                const char *s = gp_str_utf8(modname);
                const char *dot = strrchr(s, '.');
                pkg = gp_str_from_utf8(s, dot ? (size_t)(dot - s) : 0);
                if (!pkg)
                    return NULL;
            }
        }
    }
    if (!pkg || gp_str_utf8_len(pkg) == 0) {
        GP_XDECREF(pkg);
        gp_err_set_string(&gp_exc_ImportError,
                          "attempted relative import with no known parent package");
        return NULL;
    }
    const char *base = gp_str_utf8(pkg);
    size_t blen = gp_str_utf8_len(pkg);
    for (int i = 1; i < level; i++) {
        const char *dot = NULL;
        for (size_t k = blen; k > 0; k--) {
            if (base[k - 1] == '.') {
                dot = base + k - 1;
                break;
            }
        }
        if (!dot) {
            GP_DECREF(pkg);
            gp_err_set_string(&gp_exc_ImportError,
                              "attempted relative import beyond top-level package");
            return NULL;
        }
        blen = (size_t)(dot - base);
    }
    gp_object_t *r = gp_str_from_utf8(base, blen);
    GP_DECREF(pkg);
    if (r && gp_str_utf8_len(name))
        GP_SETREF(r, gp_str_from_format("%U.%U", r, name));
    return r;
}

/* Whether the pending ModuleNotFoundError is about [fullname] itself (its
   `name`), rather than about a module that [fullname]'s code imports. */
static bool import_error_names(gp_object_t *fullname)
{
    gp_object_t *exc = gp_tstate()->curexc;
    if (exc == NULL || !gp_exc_check(exc))
        return false;
    gp_object_t *pending = gp_err_fetch();
    gp_object_t *missing = gp_object_getattr_cstr(pending, "name");
    bool same = missing != NULL && gp_str_check(missing) &&
                gp_object_richcompare_bool(missing, fullname, GP_CMP_EQ) > 0;
    if (missing == NULL)
        gp_err_clear();
    GP_XDECREF(missing);
    gp_err_restore(pending);
    return same;
}

gp_object_t *gp_import_module(gp_object_t *name, gp_object_t *globals, gp_object_t *fromlist,
                              int level)
{
    if (!gp_str_check(name)) {
        gp_err_format(&gp_exc_TypeError, "module name must be str, not %T", name);
        return NULL;
    }
    if (level < 0) {
        gp_err_set_string(&gp_exc_ValueError, "level must be >= 0");
        return NULL;
    }
    gp_object_t *absname = level > 0 ? resolve_relative(name, globals, level) : GP_INCREF(name);
    if (!absname)
        return NULL;
    gp_object_t *leaf = import_dotted(absname);
    if (!leaf) {
        GP_DECREF(absname);
        return NULL;
    }
    bool has_fromlist = fromlist && fromlist != gp_None &&
                        (!gp_tuple_check(fromlist) || GP_TUPLE_SIZE(fromlist) > 0);
    if (!has_fromlist) {
        GP_DECREF(absname);
        if (level > 0 && gp_str_utf8_len(name) == 0)
            return leaf;
        /* `import a.b.c` binds the top-level package a. */
        const char *full = gp_str_utf8(level > 0 ? name : name);
        const char *dot = strchr(full, '.');
        if (!dot || level > 0)
            return leaf;
        GP_DECREF(leaf);
        gp_object_t *top = gp_str_from_utf8(full, (size_t)(dot - full));
        if (!top)
            return NULL;
        gp_object_t *m = gp_dict_getitem(gp_runtime()->modules, top);
        GP_DECREF(top);
        if (!m) {
            if (!gp_err_occurred())
                gp_err_format(&gp_exc_KeyError, "%U", name);
            return NULL;
        }
        return GP_INCREF(m);
    }
    /* from package import submodule: load submodules the package lacks. */
    gp_object_t *path = gp_object_getattr_cstr(leaf, "__path__");
    if (!path) {
        gp_err_clear();
    } else {
        GP_DECREF(path);
        gp_object_t *it = gp_object_iter(fromlist);
        gp_object_t *item;
        while (it && (item = gp_iter_next(it))) {
            if (gp_str_check(item) && !gp_str_eq_cstr(item, "*")) {
                int has = gp_object_hasattr(leaf, item);
                if (has == 0) {
                    gp_object_t *sub = gp_str_from_format("%U.%U", absname, item);
                    gp_object_t *m = sub ? import_dotted(sub) : NULL;
                    /* Only the submodule's own absence is ignored (the name
                       then fails as an attribute); a module missing while
                       the submodule runs is the real error, as in CPython. */
                    if (!m && sub && gp_err_matches(&gp_exc_ModuleNotFoundError) &&
                        import_error_names(sub))
                        gp_err_clear();
                    GP_XDECREF(m);
                    GP_XDECREF(sub);
                } else if (has < 0) {
                    gp_err_clear();
                }
            }
            GP_DECREF(item);
            if (gp_err_occurred())
                break;
        }
        GP_XDECREF(it);
        if (gp_err_occurred()) {
            GP_DECREF(leaf);
            GP_DECREF(absname);
            return NULL;
        }
    }
    GP_DECREF(absname);
    return leaf;
}

gp_object_t *gp_import_stdlib(const char *name)
{
    gp_object_t *modules = gp_runtime()->modules;
    gp_object_t *module = gp_dict_getitem_cstr(modules, name);
    if (module)
        return GP_INCREF(module);
    gp_object_t *fullname = gp_str_from_cstr(name);
    if (!fullname)
        return NULL;
    module = load_frozen(fullname);
    GP_DECREF(fullname);
    if (!module && !gp_err_occurred())
        gp_err_format(&gp_exc_ModuleNotFoundError, "No module named '%s'", name);
    return module;
}

gp_object_t *gp_import_from(gp_object_t *module, gp_object_t *name)
{
    gp_object_t *v = gp_object_getattr(module, name);
    if (v || !gp_err_matches(&gp_exc_AttributeError))
        return v;
    gp_err_clear();
    gp_object_t *modname = gp_object_getattr_cstr(module, "__name__");
    if (!modname || !gp_str_check(modname)) {
        GP_XDECREF(modname);
        gp_err_clear();
        gp_err_format(&gp_exc_ImportError, "cannot import name '%U'", name);
        return NULL;
    }
    gp_object_t *full = gp_str_from_format("%U.%U", modname, name);
    if (full) {
        v = gp_dict_getitem(gp_runtime()->modules, full);
        GP_DECREF(full);
        if (v) {
            GP_DECREF(modname);
            return GP_INCREF(v);
        }
    }
    gp_err_clear();
    gp_object_t *file = gp_object_getattr_cstr(module, "__file__");
    if (!file)
        gp_err_clear();
    const char *where = file && gp_str_check(file) ? gp_str_utf8(file) : "unknown location";
    gp_object_t *pending;
    if (module_is_loading(module))
        gp_err_format(&gp_exc_ImportError,
                      "cannot import name '%U' from partially initialized module '%U' (most "
                      "likely due to a circular import) (%s)",
                      name, modname, where);
    else
        gp_err_format(&gp_exc_ImportError, "cannot import name '%U' from '%U' (%s)", name, modname,
                      where);
    pending = gp_err_fetch();
    if (pending && (gp_object_setattr_cstr(pending, "name", modname) < 0 ||
                    (file && gp_object_setattr_cstr(pending, "path", file) < 0)))
        gp_err_clear();
    gp_err_restore(pending);
    GP_XDECREF(file);
    GP_DECREF(modname);
    return NULL;
}

int gp_import_star(gp_object_t *locals, gp_object_t *module)
{
    gp_object_t *all = gp_object_getattr_cstr(module, "__all__");
    bool skip_private = false;
    if (!all) {
        if (!gp_err_matches(&gp_exc_AttributeError))
            return -1;
        gp_err_clear();
        gp_object_t *d = gp_object_getattr_cstr(module, "__dict__");
        if (!d)
            return -1;
        all = gp_dict_check(d) ? gp_dict_keys_list(d) : gp_list_from_iterable(d);
        GP_DECREF(d);
        if (!all)
            return -1;
        skip_private = true;
    }
    gp_object_t *it = gp_object_iter(all);
    GP_DECREF(all);
    if (!it)
        return -1;
    gp_object_t *name;
    int err = 0;
    while ((name = gp_iter_next(it))) {
        if (skip_private && gp_str_check(name) && gp_str_utf8(name)[0] == '_') {
            GP_DECREF(name);
            continue;
        }
        gp_object_t *v = gp_object_getattr(module, name);
        if (!v || (gp_dict_check_exact(locals) ? gp_dict_setitem(locals, name, v)
                                                : gp_object_setitem(locals, name, v)) < 0)
            err = -1;
        GP_XDECREF(v);
        GP_DECREF(name);
        if (err)
            break;
    }
    GP_DECREF(it);
    if (!err && gp_err_occurred())
        err = -1;
    return err;
}
