/*
 * builtins_eval.c - the builtins that reach into running code: exec, eval,
 * compile, globals, locals, vars, dir and __import__.
 *
 * Design notes
 * ------------
 * These are clients of the VM's public entry points (vm/eval.h): compile a
 * source to a code object, run a code object in a namespace, ask for the
 * running frame's globals and locals, import a module. Nothing here knows
 * the frame layout.
 *
 * Namespaces follow CPython: exec/eval without a globals argument use the
 * caller's globals and locals; with globals only, locals are the same dict;
 * a globals dict without '__builtins__' gets the builtins dict inserted so
 * that the code can see len() and friends (and a script can take them away
 * by passing its own '__builtins__').
 */
#include <string.h>

#include "mod/builtins.h"
#include "compile/ast_py.h"
#include "compile/compile.h"
#include "runtime/runtime.h"

#include "vm/eval.h"
#include "vm/frame.h"

/* ------------------------------------------------------------------ */
/* Source text                                                          */
/* ------------------------------------------------------------------ */

/* A source argument seen as bytes: str and bytes-like objects qualify.
   Returns 1 with *text and *len set (borrowed from [source]), 0 if [source] is
   neither, -1 with SyntaxError if it contains a NUL byte. */
static int builtins_source_text(gp_object_t *source, const char **text, size_t *len)
{
    if (gp_str_check(source)) {
        *text = gp_str_utf8(source);
        *len = gp_str_utf8_len(source);
    } else if (gp_bytes_check(source) || gp_object_isinstance_type(source, &gp_bytearray_type)) {
        *text = gp_bytes_data(source);
        *len = gp_bytes_len(source);
    } else {
        return 0;
    }
    if (memchr(*text, '\0', *len)) {
        gp_err_set_string(&gp_exc_SyntaxError, "source code string cannot contain null bytes");
        return -1;
    }
    return 1;
}

static bool builtins_is_code(gp_object_t *o)
{
    return GP_IS_PTR(o) && o->type == &gp_code_type;
}

/* The code object exec() or eval() should run: [source] itself when it is
   one, otherwise [source] compiled in [mode]. */
/* The future features of the code calling compile(), exec() or eval(),
   which the text they compile inherits (only annotations changes
   anything in 3.11). */
static uint32_t builtins_caller_future_flags(void)
{
    gp_frame_t *f = gp_tstate()->frame;
    return f && (f->code->flags & GP_CODE_FUTURE_ANNOTATIONS) ? GP_CO_FUTURE_ANNOTATIONS : 0;
}

static gp_object_t *builtins_code_for(const char *fname, gp_object_t *source, const char *mode)
{
    if (builtins_is_code(source))
        return GP_INCREF(source);
    const char *text;
    size_t len;
    int rc = builtins_source_text(source, &text, &len);
    if (rc < 0)
        return NULL;
    if (rc == 0) {
        gp_err_format(&gp_exc_TypeError, "%s() arg 1 must be a string, bytes or code object",
                      fname);
        return NULL;
    }
    /* eval() forgives the indentation of a one-line expression. */
    if (mode[0] == 'e' && mode[1] == 'v') {
        while (len > 0 && (*text == ' ' || *text == '\t')) {
            text++;
            len--;
        }
    }
    return gp_compile_source_flags(text, len, "<string>", mode, builtins_caller_future_flags());
}

/* Resolves the globals and locals of exec()/eval() (new references). */
static int builtins_namespaces(const char *fname, gp_object_t *globals, gp_object_t *locals,
                               gp_object_t **globals_out, gp_object_t **locals_out)
{
    if (globals == gp_None)
        globals = NULL;
    if (locals == gp_None)
        locals = NULL;
    if (globals && !gp_dict_check(globals)) {
        if (fname[0] == 'e' && fname[1] == 'v')
            gp_err_set_string(&gp_exc_TypeError,
                              "globals must be a real dict; try eval(expr, {}, mapping)");
        else
            gp_err_format(&gp_exc_TypeError, "%s() globals must be a dict, not %T", fname,
                          globals);
        return -1;
    }
    if (locals && !gp_dict_check(locals) && !GP_TYPE(locals)->getitem) {
        if (fname[0] == 'e' && fname[1] == 'v')
            gp_err_set_string(&gp_exc_TypeError, "locals must be a mapping");
        else
            gp_err_format(&gp_exc_TypeError, "locals must be a mapping or None, not %T", locals);
        return -1;
    }
    if (!globals) {
        globals = gp_eval_globals();
        if (!globals) {
            if (!gp_err_occurred())
                gp_err_format(&gp_exc_SystemError, "%s(): no globals without a running frame",
                              fname);
            return -1;
        }
        GP_INCREF(globals);
        if (!locals) {
            locals = gp_eval_locals();
            if (!locals) {
                GP_DECREF(globals);
                return -1;
            }
        } else {
            GP_INCREF(locals);
        }
    } else {
        GP_INCREF(globals);
        GP_INCREF(locals ? locals : globals);
        if (!locals)
            locals = globals;
    }
    int has = gp_dict_contains(globals, gp_str_static("__builtins__"));
    if (has == 0) {
        gp_object_t *builtins = gp_runtime()->builtins;
        if (builtins)
            has = gp_dict_setitem(globals, gp_str_static("__builtins__"), builtins) < 0 ? -1 : 1;
    }
    if (has < 0) {
        GP_DECREF(globals);
        GP_DECREF(locals);
        return -1;
    }
    *globals_out = globals;
    *locals_out = locals;
    return 0;
}

/* exec() and eval() differ in mode, result and messages only. */
static gp_object_t *builtins_run(const char *fname, const char *mode, gp_object_t *const *args,
                                 size_t nargs)
{
    gp_object_t *globals, *locals;
    if (builtins_namespaces(fname, nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL,
                            &globals, &locals) < 0)
        return NULL;
    gp_object_t *result = NULL;
    gp_object_t *code = builtins_code_for(fname, args[0], mode);
    if (code) {
        result = gp_eval_code(code, globals, locals);
        GP_DECREF(code);
    }
    GP_DECREF(globals);
    GP_DECREF(locals);
    if (result && mode[0] == 'e' && mode[1] == 'x') {
        GP_DECREF(result);
        return gp_none_new();
    }
    return result;
}

static gp_object_t *builtin_exec(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    size_t nkw = gp_builtins_kwcount(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        gp_object_t *kw = GP_TUPLE_GET(kwnames, i);
        /* closure= (3.11) only matters for code objects with free
           variables, which exec() cannot run here anyway. */
        if (!gp_str_eq_cstr(kw, "closure"))
            return gp_builtins_bad_keyword("exec", kw), NULL;
    }
    if (nargs == 0) {
        gp_err_set_string(&gp_exc_TypeError,
                          "exec() takes at least 1 positional argument (0 given)");
        return NULL;
    }
    if (nargs > 3) {
        gp_err_format(&gp_exc_TypeError, "exec() takes at most 3 positional arguments (%zu given)",
                      nargs);
        return NULL;
    }
    return builtins_run("exec", "exec", args, nargs);
}

static gp_object_t *builtin_eval(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("eval", kwnames) < 0 ||
        gp_builtins_check_positional("eval", nargs, 1, 3) < 0)
        return NULL;
    return builtins_run("eval", "eval", args, nargs);
}

static gp_object_t *builtin_compile(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    static const char *const names[] = {
        "source", "filename", "mode", "flags", "dont_inherit", "optimize", "$_feature_version",
        NULL,
    };
    gp_object_t *argv[7] = {NULL};
    if (gp_args_parse("compile", args, nargs, kwnames, names, 3, argv) < 0)
        return NULL;

    /* A bytes filename is not NUL-terminated: hold it as a str. */
    gp_object_t *filename;
    if (gp_str_check(argv[1])) {
        filename = GP_INCREF(argv[1]);
    } else if (gp_bytes_check(argv[1])) {
        filename = gp_str_from_utf8(gp_bytes_data(argv[1]), gp_bytes_len(argv[1]));
        if (!filename)
            return NULL;
    } else {
        gp_err_format(&gp_exc_TypeError, "expected str, bytes or os.PathLike object, not %T",
                      argv[1]);
        return NULL;
    }
    gp_object_t *result = NULL;
    if (!gp_str_check(argv[2])) {
        gp_err_format(&gp_exc_TypeError, "compile() argument 'mode' must be str, not %T", argv[2]);
        goto done;
    }
    const char *mode = gp_str_utf8(argv[2]);
    if (strcmp(mode, "exec") != 0 && strcmp(mode, "eval") != 0 && strcmp(mode, "single") != 0) {
        /* CPython names its fourth mode only to callers asking for a tree;
           gilpy does not parse function type comments, so it stays unknown. */
        bool only_ast = argv[3] && gp_int_check(argv[3]) &&
                        (gp_int_as_i64(argv[3]) & GP_PYCF_ONLY_AST) != 0;
        gp_err_set_string(&gp_exc_ValueError,
                          only_ast ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                                   : "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    if (argv[3] && !gp_int_check(argv[3])) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      argv[3]);
        goto done;
    }
    /* The flags CPython knows: the __future__ features' compiler_flag
       values (0x20000-0x1000000), the obsolete CO_NESTED and the PyCF_
       parser options (0x200-0x4000). Only annotations changes anything
       here; the other features are on for good in 3.11. */
    int64_t flags = 0;
    if (argv[3]) {
        int overflow = 0;
        flags = gp_int_as_i64_overflow(argv[3], &overflow);
        if (overflow || flags > INT32_MAX || flags < INT32_MIN) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
            goto done;
        }
        if (flags & ~(int64_t)(0x1fe0000 | 0x10 | 0x7600)) {
            gp_err_set_string(&gp_exc_ValueError, "compile(): unrecognised flags");
            goto done;
        }
    }
    if (builtins_is_code(argv[0])) {
        result = GP_INCREF(argv[0]);
        goto done;
    }
    uint32_t future = (uint32_t)(flags & GP_CO_FUTURE_ANNOTATIONS);
    int dont_inherit = argv[4] ? gp_object_is_true(argv[4]) : 0;
    if (dont_inherit < 0)
        goto done;
    if (!dont_inherit)
        future |= builtins_caller_future_flags();
    /* A tree from the ast module compiles from its nodes (positions and
       all); PyCF_ONLY_AST asks for the tree instead of a code object. */
    int is_ast = gp_ast_py_check(argv[0]);
    if (is_ast) {
        if (flags & GP_PYCF_ONLY_AST)
            result = GP_INCREF(argv[0]);
        else
            result = gp_ast_py_compile(argv[0], gp_str_utf8(filename), mode, future);
        goto done;
    }
    const char *text;
    size_t len;
    int rc = builtins_source_text(argv[0], &text, &len);
    if (rc == 0)
        gp_err_set_string(&gp_exc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    if (rc > 0 && (flags & GP_PYCF_ONLY_AST))
        result = gp_ast_py_parse(text, len, gp_str_utf8(filename), mode);
    else if (rc > 0)
        result = gp_compile_source_flags(text, len, gp_str_utf8(filename), mode, future);
done:
    GP_DECREF(filename);
    return result;
}

/* ------------------------------------------------------------------ */
/* globals, locals, vars, dir                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *builtin_globals(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("globals", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *globals = gp_eval_globals();
    if (!globals) {
        if (!gp_err_occurred())
            gp_err_set_string(&gp_exc_SystemError, "globals(): no running frame");
        return NULL;
    }
    return GP_INCREF(globals);
}

static gp_object_t *builtin_locals(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("locals", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_eval_locals();
}

static gp_object_t *builtin_vars(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("vars", kwnames) < 0 ||
        gp_builtins_check_positional("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return gp_eval_locals();
    gp_object_t *dict = gp_object_getattr_opt(args[0], gp_str_static("__dict__"));
    if (!dict && !gp_err_occurred())
        gp_err_set_string(&gp_exc_TypeError, "vars() argument must have __dict__ attribute");
    return dict;
}

static gp_object_t *builtin_dir(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("dir", kwnames) < 0 ||
        gp_builtins_check_positional("dir", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1)
        return gp_object_dir(args[0]);
    gp_object_t *locals = gp_eval_locals();
    if (!locals)
        return NULL;
    gp_object_t *names;
    if (gp_dict_check(locals)) {
        names = gp_dict_keys_list(locals);
    } else {
        names = gp_list_from_iterable(locals);
    }
    GP_DECREF(locals);
    if (names && gp_list_sort(names, NULL, false) < 0)
        GP_CLEAR(names);
    return names;
}

/* ------------------------------------------------------------------ */
/* __import__                                                           */
/* ------------------------------------------------------------------ */

static gp_object_t *builtin_import(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    gp_object_t *argv[5] = {NULL};
    if (gp_args_parse("__import__", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    gp_object_t *name = argv[0];
    if (!gp_str_check(name)) {
        gp_err_set_string(&gp_exc_TypeError, "module name must be a string");
        return NULL;
    }
    int level = 0;
    if (argv[4]) {
        if (!gp_int_check(argv[4])) {
            gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          argv[4]);
            return NULL;
        }
        int overflow;
        int64_t v = gp_int_as_i64_overflow(argv[4], &overflow);
        if (overflow || v > 1000000 || v < -1000000) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
        level = (int)v;
    }
    if (level < 0) {
        gp_err_set_string(&gp_exc_ValueError, "level must be >= 0");
        return NULL;
    }
    if (level == 0 && gp_str_utf8_len(name) == 0) {
        gp_err_set_string(&gp_exc_ValueError, "Empty module name");
        return NULL;
    }
    gp_object_t *globals = argv[1] == gp_None ? NULL : argv[1];
    gp_object_t *fromlist = argv[3] == gp_None ? NULL : argv[3];
    return gp_import_module(name, globals, fromlist, level);
}

const gp_method_def_t gp_builtins_eval_functions[] = {
    {"exec", builtin_exec, GP_METH_KEYWORDS, "Execute the given source in the context of globals and locals."},
    {"eval", builtin_eval, 0, "Evaluate the given source in the context of globals and locals."},
    {"compile", builtin_compile, GP_METH_KEYWORDS, "Compile source into a code object that can be executed by exec() or eval()."},
    {"globals", builtin_globals, 0, "Return the dictionary containing the current scope's global variables."},
    {"locals", builtin_locals, 0, "Return a dictionary containing the current scope's local variables."},
    {"vars", builtin_vars, 0, "Show vars."},
    {"dir", builtin_dir, 0, "Show attributes of an object."},
    {"__import__", builtin_import, GP_METH_KEYWORDS, "Import a module."},
    {NULL, NULL, 0, NULL},
};
