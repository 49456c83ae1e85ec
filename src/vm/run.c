/*
 * run.c - the VM's entry points: compiling source, running code objects
 * and the main script, and the services builtins need from the running
 * frame (globals(), locals(), zero-argument super(), __build_class__).
 *
 * Design notes
 * ------------
 * gp_run_main_*() follow CPython's exit protocol: a SystemExit leaving the
 * script decides the exit status (None -> 0, an int -> itself, anything
 * else is printed to stderr and gives 1); any other uncaught exception is
 * printed with gp_exception_print() and gives 1.
 *
 * The class statement compiles to __build_class__(body_function, name,
 * *bases, **keywords). It picks the metaclass (the most derived of the
 * explicit one and the bases' types), runs the body with a fresh dict as
 * its locals, creates the class, and fills the __class__ cell the body's
 * methods captured for zero-argument super().
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "compile/compile.h"
#include "compile/parser.h"
#include "mod/sys.h"
#include "vm/eval.h"
#include "vm/vm.h"

/* ------------------------------------------------------------------ */
/* Compiling                                                            */
/* ------------------------------------------------------------------ */

gp_object_t *gp_compile_source(const char *source, size_t len, const char *filename,
                               const char *mode)
{
    return gp_compile_source_flags(source, len, filename, mode, 0);
}

gp_object_t *gp_compile_source_flags(const char *source, size_t len, const char *filename,
                                     const char *mode, uint32_t future_flags)
{
    gp_parse_mode_t pmode;
    gp_compile_mode_t cmode;
    if (strcmp(mode, "exec") == 0) {
        pmode = GP_PARSE_FILE;
        cmode = GP_COMPILE_EXEC;
    } else if (strcmp(mode, "eval") == 0) {
        pmode = GP_PARSE_EVAL;
        cmode = GP_COMPILE_EVAL;
    } else if (strcmp(mode, "single") == 0) {
        pmode = GP_PARSE_SINGLE;
        cmode = GP_COMPILE_SINGLE;
    } else {
        gp_err_set_string(&gp_exc_ValueError,
                          "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    gp_arena_t *arena = gp_arena_new();
    if (!arena) {
        gp_err_no_memory();
        return NULL;
    }
    gp_syntax_error_t err;
    memset(&err, 0, sizeof err);
    gp_parse_warnings_t warnings;
    gp_ast_mod_t *mod =
        gp_parse_with_warnings(source, len, filename, pmode, arena, &err, &warnings);
    gp_object_t *code = NULL;
    if (warnings.first != NULL &&
        gp_compile_issue_parse_warnings(&warnings, filename, source, len) < 0) {
        /* The warning became an exception, which stands instead. */
    } else if (!mod) {
        gp_type_t *type = err.is_tab           ? &gp_exc_TabError
                          : err.is_indentation ? &gp_exc_IndentationError
                                               : &gp_exc_SyntaxError;
        if (strcmp(err.msg, "out of memory") == 0) {
            gp_err_no_memory();
        } else {
            char text[sizeof err.text + 2];
            const char *t = NULL;
            if (err.text[0] || err.lineno > 0) {
                snprintf(text, sizeof text, "%s\n", err.text);
                t = text;
            }
            gp_compile_raise_syntax_error_at(type, filename, err.msg[0] ? err.msg : "invalid syntax",
                                             err.lineno, err.col, t, err.end_lineno, err.end_col);
        }
    } else {
        mod->future_flags = future_flags;
        code = gp_compile_ast(mod, arena, filename, source, len, cmode);
    }
    gp_arena_free(arena);
    return code;
}

/* ------------------------------------------------------------------ */
/* Running code                                                         */
/* ------------------------------------------------------------------ */

static int ensure_builtins(gp_object_t *globals)
{
    int has = gp_dict_contains(globals, gp_str_static("__builtins__"));
    if (has != 0)
        return has < 0 ? -1 : 0;
    gp_runtime_t *rt = gp_runtime();
    gp_object_t *b = gp_dict_getitem_cstr(rt->modules, "builtins");
    if (!b)
        b = rt->builtins;
    return gp_dict_setitem(globals, gp_str_static("__builtins__"), b);
}

gp_object_t *gp_eval_code(gp_object_t *code, gp_object_t *globals, gp_object_t *locals)
{
    if (!GP_IS_TYPE(code, gp_code_type)) {
        gp_err_format(&gp_exc_TypeError, "expected a code object, got '%T'", code);
        return NULL;
    }
    if (!gp_dict_check(globals)) {
        gp_err_format(&gp_exc_TypeError, "globals must be a dict, not %T", globals);
        return NULL;
    }
    if (ensure_builtins(globals) < 0)
        return NULL;
    if (((gp_code_t *)code)->nfrees) {
        gp_err_set_string(&gp_exc_TypeError,
                          "code object passed to exec() may not contain free variables");
        return NULL;
    }
    return gp_eval_code_closure(code, globals, locals, NULL);
}

/* Shows the exception that ended the main script through sys.excepthook,
   as CPython does: the builtin hook prints directly; a script's own hook is
   called with (type, value, traceback), and if it fails too both
   exceptions are printed. */
static void display_uncaught(gp_object_t *exc)
{
    gp_object_t *sys = gp_runtime()->sys_module;
    gp_object_t *dict = sys ? gp_module_dict(sys) : NULL;
    gp_object_t *hook = dict ? gp_dict_getitem_cstr(dict, "excepthook") : NULL;
    gp_object_t *builtin = dict ? gp_dict_getitem_cstr(dict, "__excepthook__") : NULL;
    if (gp_err_occurred())
        gp_err_clear();
    if (hook == NULL || hook == builtin) {
        if (hook == NULL && dict != NULL) {
            gp_sys_flush_std_streams();
            gp_sys_write_stderr("sys.excepthook is missing\n");
        }
        gp_exception_print(exc);
        return;
    }
    gp_object_t *tb = gp_object_getattr_cstr(exc, "__traceback__");
    if (tb == NULL) {
        gp_err_clear();
        tb = gp_none_new();
    }
    gp_object_t *argv[3] = {(gp_object_t *)GP_TYPE(exc), exc, tb};
    GP_INCREF(hook);
    gp_object_t *r = gp_object_call(hook, argv, 3, NULL);
    GP_DECREF(hook);
    GP_DECREF(tb);
    if (r != NULL) {
        GP_DECREF(r);
        return;
    }
    gp_object_t *hook_exc = gp_err_fetch();
    gp_sys_flush_std_streams();
    gp_sys_write_stderr("Error in sys.excepthook:\n");
    gp_exception_print(hook_exc);
    GP_XDECREF(hook_exc);
    gp_sys_write_stderr("\nOriginal exception was:\n");
    gp_exception_print(exc);
}

/* Handles the exception that ended the main script: the exit status. */
static int handle_uncaught(void)
{
    gp_object_t *exc = gp_err_fetch();
    if (!exc)
        return 0;
    int status = 1;
    if (gp_object_isinstance_type(exc, &gp_exc_SystemExit)) {
        gp_object_t *code = gp_object_getattr_cstr(exc, "code");
        if (!code) {
            gp_err_clear();
            gp_object_t *args = ((gp_exception_t *)exc)->args;
            code = args && GP_TUPLE_SIZE(args) > 0 ? GP_INCREF(GP_TUPLE_GET(args, 0))
                                                    : gp_none_new();
        }
        if (code == gp_None) {
            status = 0;
        } else if (gp_int_check(code)) {
            int overflow = 0;
            int64_t v = gp_int_as_i64_overflow(code, &overflow);
            status = overflow ? -1 : (int)v;
        } else {
            gp_object_t *s = gp_object_str(code);
            fflush(stdout);
            if (s) {
                fwrite(gp_str_utf8(s), 1, gp_str_utf8_len(s), stderr);
                fputc('\n', stderr);
                GP_DECREF(s);
            } else {
                gp_err_clear();
            }
            fflush(stderr);
            status = 1;
        }
        GP_DECREF(code);
    } else {
        display_uncaught(exc);
        /* CPython dies of SIGINT after an uncaught KeyboardInterrupt; the
           shell's convention for that is 128 + 2. */
        if (gp_object_isinstance_type(exc, &gp_exc_KeyboardInterrupt)) {
            status = 130;
            gp_runtime()->exit_by_sigint = true;
        }
    }
    GP_DECREF(exc);
    gp_runtime()->exit_status = status;
    return status;
}

int gp_run_main_source(const char *source, size_t len, const char *filename)
{
    gp_runtime_t *rt = gp_runtime();
    gp_object_t *main = gp_module_new("__main__");
    if (!main)
        return handle_uncaught();
    gp_object_t *d = gp_module_dict(main);
    gp_object_t *builtins_mod = gp_dict_getitem_cstr(rt->modules, "builtins");
    int err = 0;
    if (builtins_mod)
        err = gp_dict_setitem_cstr(d, "__builtins__", builtins_mod) < 0;
    if (!err && filename && filename[0] != '<') {
        gp_object_t *f = gp_str_from_cstr(filename);
        err = !f || gp_dict_setitem_cstr(d, "__file__", f) < 0;
        GP_XDECREF(f);
    }
    if (!err)
        err = gp_dict_setitem_cstr(rt->modules, "__main__", main) < 0;
    if (err) {
        GP_DECREF(main);
        return handle_uncaught();
    }
    GP_XDECREF(rt->main_module);
    rt->main_module = main;
    gp_object_t *code = gp_compile_source(source, len, filename, "exec");
    if (!code)
        return handle_uncaught();
    gp_object_t *r = gp_eval_code(code, d, d);
    GP_DECREF(code);
    if (!r)
        return handle_uncaught();
    GP_DECREF(r);
    return 0;
}

int gp_run_main_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        fprintf(stderr, "gilpy: can't open file '%s': [Errno %d] %s\n", path, e, strerror(e));
        return 2;
    }
    size_t cap = 65536, n = 0;
    char *buf = gp_mem_alloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
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
        fputs("gilpy: out of memory reading the script\n", stderr);
        return 1;
    }
    /* Like CPython 3.9+, the main script's code knows its absolute path,
       and sys.path[0] is the script's directory. */
    char abspath[4096];
    if (path[0] != '/') {
        char cwd[2048];
        if (getcwd(cwd, sizeof cwd))
            snprintf(abspath, sizeof abspath, "%s/%s", cwd, path[0] == '.' && path[1] == '/' ? path + 2 : path);
        else
            snprintf(abspath, sizeof abspath, "%s", path);
    } else {
        snprintf(abspath, sizeof abspath, "%s", path);
    }
    gp_runtime_t *rt = gp_runtime();
    if (rt->path && gp_list_check(rt->path) && GP_LIST_SIZE(rt->path) > 0 &&
        gp_str_check(GP_LIST_GET(rt->path, 0)) && gp_str_utf8_len(GP_LIST_GET(rt->path, 0)) == 0) {
        const char *slash = strrchr(abspath, '/');
        gp_object_t *dir = gp_str_from_utf8(abspath, slash && slash != abspath ? (size_t)(slash - abspath) : 1);
        if (dir) {
            gp_object_t *old = GP_LIST_GET(rt->path, 0);
            GP_LIST_SET(rt->path, 0, dir);
            GP_DECREF(old);
        } else {
            gp_err_clear();
        }
    }
    int status = gp_run_main_source(buf, n, abspath);
    gp_mem_free(buf);
    return status;
}

/* ------------------------------------------------------------------ */
/* Frame services for builtins                                          */
/* ------------------------------------------------------------------ */

gp_object_t *gp_eval_globals(void)
{
    gp_thread_state_t *ts = gp_tstate();
    if (ts->frame)
        return ts->frame->globals;
    gp_runtime_t *rt = ts->runtime;
    return rt->main_module ? gp_module_dict(rt->main_module) : NULL;
}

gp_object_t *gp_eval_locals(void)
{
    gp_frame_t *f = gp_tstate()->frame;
    if (!f)
        return gp_dict_new();
    if (f->locals)
        return GP_INCREF(f->locals);
    gp_object_t *d = gp_dict_new();
    if (!d)
        return NULL;
    gp_code_t *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        gp_object_t *v = f->localsplus[i];
        if (v && i >= co->nlocals)
            v = ((gp_cell_t *)v)->ref;
        if (v && gp_dict_setitem(d, gp_code_slot_name(co, i), v) < 0) {
            GP_DECREF(d);
            return NULL;
        }
    }
    return d;
}

int gp_eval_super_args(gp_type_t **type, gp_object_t **self)
{
    gp_frame_t *f = gp_tstate()->frame;
    if (!f) {
        gp_err_set_string(&gp_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    gp_code_t *co = f->code;
    if (co->argcount == 0 && !(co->flags & GP_CODE_VARARGS)) {
        gp_err_set_string(&gp_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    gp_object_t *first = f->localsplus[0];
    if (!first && co->cell_args) {
        /* The first argument is captured by a cell. */
        for (int i = 0; i < co->ncells; i++) {
            if (co->cell_args[i] == 0) {
                first = ((gp_cell_t *)f->localsplus[co->nlocals + i])->ref;
                break;
            }
        }
    }
    if (co->argcount == 0 && first && gp_tuple_check(first))
        first = GP_TUPLE_SIZE(first) ? GP_TUPLE_GET(first, 0) : NULL;
    if (!first) {
        gp_err_set_string(&gp_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    int base = co->nlocals + co->ncells;
    for (int i = 0; i < co->nfrees; i++) {
        gp_object_t *name = gp_code_slot_name(co, base + i);
        if (!gp_str_eq_cstr(name, "__class__"))
            continue;
        gp_object_t *cls = ((gp_cell_t *)f->localsplus[base + i])->ref;
        if (!cls) {
            gp_err_set_string(&gp_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!gp_type_check(cls)) {
            gp_err_format(&gp_exc_RuntimeError, "super(): __class__ is not a type (%T)", cls);
            return -1;
        }
        *type = (gp_type_t *)cls;
        *self = first;
        return 0;
    }
    gp_err_set_string(&gp_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

/* ------------------------------------------------------------------ */
/* __build_class__                                                      */
/* ------------------------------------------------------------------ */

static gp_type_t *calculate_metaclass(gp_type_t *meta, gp_object_t *bases)
{
    gp_type_t *winner = meta;
    for (intptr_t i = 0; i < GP_TUPLE_SIZE(bases); i++) {
        gp_type_t *t = GP_TYPE(GP_TUPLE_GET(bases, i));
        if (gp_type_is_subtype(winner, t))
            continue;
        if (gp_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        gp_err_set_string(&gp_exc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a "
                          "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* PEP 560: a base that is not a class may stand for other bases through
   __mro_entries__(original_bases), which returns a tuple to splice in (as
   list[int] gives list, or typing.Generic[T] gives Generic). Returns
   [bases] itself (a new reference) when nothing was replaced. */
static gp_object_t *update_bases(gp_object_t *bases)
{
    gp_object_t *list = NULL;
    intptr_t n = GP_TUPLE_SIZE(bases);
    for (intptr_t i = 0; i < n; i++) {
        gp_object_t *base = GP_TUPLE_GET(bases, i);
        gp_object_t *meth = NULL;
        if (!gp_type_check(base)) {
            meth = gp_object_getattr_opt(base, gp_str_static("__mro_entries__"));
            if (!meth && gp_err_occurred())
                goto error;
        }
        if (!meth) {
            if (list && gp_list_append(list, base) < 0)
                goto error;
            continue;
        }
        gp_object_t *entries = gp_object_call1(meth, bases);
        GP_DECREF(meth);
        if (!entries)
            goto error;
        if (!gp_tuple_check(entries)) {
            GP_DECREF(entries);
            gp_err_set_string(&gp_exc_TypeError, "__mro_entries__ must return a tuple");
            goto error;
        }
        if (!list && !(list = gp_list_from_array(GP_TUPLE_ITEMS(bases), (size_t)i))) {
            GP_DECREF(entries);
            goto error;
        }
        int rc = gp_list_extend(list, entries);
        GP_DECREF(entries);
        if (rc < 0)
            goto error;
    }
    if (!list)
        return GP_INCREF(bases);
    gp_object_t *res = gp_list_as_tuple(list);
    GP_DECREF(list);
    return res;
error:
    GP_XDECREF(list);
    return NULL;
}

static gp_object_t *build_class(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (nargs < 2) {
        gp_err_set_string(&gp_exc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    gp_object_t *func = args[0], *name = args[1];
    if (!GP_IS_TYPE(func, gp_function_type)) {
        gp_err_set_string(&gp_exc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!gp_str_check(name)) {
        gp_err_set_string(&gp_exc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    gp_object_t *orig_bases = gp_tuple_from_array(args + 2, nargs - 2);
    if (!orig_bases)
        return NULL;
    gp_object_t *bases = update_bases(orig_bases);
    gp_object_t *kwds = NULL, *meta = NULL, *ns = NULL, *cls = NULL, *body = NULL;
    if (!bases) {
        GP_DECREF(orig_bases);
        return NULL;
    }
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        gp_object_t *k = GP_TUPLE_GET(kwnames, i);
        gp_object_t *v = args[nargs + i];
        if (gp_str_eq_cstr(k, "metaclass")) {
            GP_SETREF(meta, GP_INCREF(v));
            continue;
        }
        if (!kwds && !(kwds = gp_dict_new()))
            goto done;
        if (gp_dict_setitem(kwds, k, v) < 0)
            goto done;
    }
    bool is_class = true;
    if (!meta) {
        meta = GP_INCREF(GP_TUPLE_SIZE(bases) ? (gp_object_t *)GP_TYPE(GP_TUPLE_GET(bases, 0))
                                              : (gp_object_t *)&gp_type_type);
    } else {
        is_class = gp_type_check(meta);
    }
    if (is_class) {
        gp_type_t *winner = calculate_metaclass((gp_type_t *)meta, bases);
        if (!winner)
            goto done;
        if ((gp_object_t *)winner != meta)
            GP_SETREF(meta, GP_INCREF((gp_object_t *)winner));
    }
    /* The namespace: metaclass.__prepare__(name, bases, **kwds) or a dict. */
    if (meta == (gp_object_t *)&gp_type_type) {
        ns = gp_dict_new();
    } else {
        gp_object_t *prepare = gp_object_getattr_opt(meta, gp_str_static("__prepare__"));
        if (!prepare) {
            if (gp_err_occurred())
                goto done;
            ns = gp_dict_new();
        } else {
            gp_object_t *pargs[2] = {name, bases};
            ns = kwds ? NULL : gp_object_call(prepare, pargs, 2, NULL);
            if (kwds) {
                gp_object_t *t = gp_tuple_pack(2, name, bases);
                ns = t ? gp_object_call_tuple_dict(prepare, t, kwds) : NULL;
                GP_XDECREF(t);
            }
            GP_DECREF(prepare);
        }
    }
    if (!ns)
        goto done;
    gp_function_t *fn = (gp_function_t *)func;
    body = gp_eval_code_closure(fn->code, fn->globals, ns, fn->closure);
    if (!body)
        goto done;
    /* The class cell stays in the namespace for type.__new__ to fill (so
       that it is set before __init_subclass__ runs); afterwards it must hold
       the class the metaclass returned, as CPython checks. */
    gp_object_t *cell = NULL;
    if (gp_dict_check(ns)) {
        gp_object_t *c = gp_dict_getitem_cstr(ns, "__classcell__");
        if (c && GP_IS_TYPE(c, gp_cell_type))
            cell = GP_INCREF(c);
    }
    if (bases != orig_bases &&
        gp_object_setitem(ns, gp_str_static("__orig_bases__"), orig_bases) < 0) {
        GP_XDECREF(cell);
        goto done;
    }
    if (meta == (gp_object_t *)&gp_type_type) {
        cls = gp_type_new_class(&gp_type_type, name, bases, ns, kwds);
    } else {
        gp_object_t *t = gp_tuple_pack(3, name, bases, ns);
        cls = t ? gp_object_call_tuple_dict(meta, t, kwds) : NULL;
        GP_XDECREF(t);
    }
    if (cls && cell && ((gp_cell_t *)cell)->ref != cls && gp_type_check(cls)) {
        gp_object_t *held = ((gp_cell_t *)cell)->ref;
        if (held == NULL)
            gp_err_format(&gp_exc_RuntimeError,
                          "__class__ not set defining %R as %R. Was __classcell__ propagated "
                          "to type.__new__?",
                          name, cls);
        else
            gp_err_format(&gp_exc_TypeError, "__class__ set to %R defining %R as %R", held,
                          name, cls);
        GP_CLEAR(cls);
    }
    GP_XDECREF(cell);
done:
    GP_XDECREF(body);
    GP_XDECREF(ns);
    GP_XDECREF(meta);
    GP_XDECREF(kwds);
    GP_DECREF(bases);
    GP_DECREF(orig_bases);
    return cls;
}

const gp_method_def_t gp_build_class_def = {
    "__build_class__",
    build_class,
    GP_METH_KEYWORDS,
    "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
    "Internal helper function used by the class statement.",
};
