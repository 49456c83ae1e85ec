/*
 * builtins.c - the builtins module: its creation, print() and input().
 *
 * Design notes
 * ------------
 * The builtins module is mostly a directory. The callable types (int, str,
 * list, range, enumerate, zip, property, super...) are defined by their own
 * files and only registered here under their Python names; so are the
 * exception types of exceptions.c, the VM's __build_class__ and io's
 * open(). The functions live in three files (see builtins.h).
 *
 * print() is the hottest builtin of ordinary scripts, so it has two paths.
 * When the target file is one of the builtin standard streams (the usual
 * case: sys.stdout untouched), each piece is written straight into the C
 * stream's buffer, small ints and strs without allocating. Otherwise, as in
 * CPython, str(arg), sep and end are each passed to file.write().
 *
 * sys.stdout is looked up in the sys module on every call, never cached:
 * scripts replace it (redirect_stdout, test harnesses) and print() must
 * follow.
 */
#include <stdio.h>
#include <string.h>

#include "mod/builtins.h"
#include "mod/io.h"
#include "mod/stdio.h"
#include "obj/containers.h"
#include "obj/exception_group.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

#include "vm/eval.h"

/* ------------------------------------------------------------------ */
/* Argument checks shared by the builtins files                         */
/* ------------------------------------------------------------------ */

int gp_builtins_check_positional(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        gp_err_format(&gp_exc_TypeError, "%s expected %s%zu argument%s, got %zu", name,
                      min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        gp_err_format(&gp_exc_TypeError, "%s expected %s%zu argument%s, got %zu", name,
                      min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int gp_builtins_no_keywords(const char *name, gp_object_t *kwnames)
{
    if (gp_builtins_kwcount(kwnames) == 0)
        return 0;
    gp_err_format(&gp_exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
}

int gp_builtins_bad_keyword(const char *name, gp_object_t *keyword)
{
    gp_err_format(&gp_exc_TypeError, "%R is an invalid keyword argument for %s()", keyword, name);
    return -1;
}

/* ------------------------------------------------------------------ */
/* The standard streams as print() and input() find them               */
/* ------------------------------------------------------------------ */

/* Borrowed sys.<name>, or NULL with RuntimeError "lost sys.<name>". */
static gp_object_t *builtins_sys_stream(const char *name, const char *who)
{
    gp_object_t *sys = gp_runtime()->sys_module;
    gp_object_t *stream = NULL;
    if (sys) {
        stream = gp_dict_getitem(gp_module_dict(sys), gp_str_static(name));
        if (!stream && gp_err_occurred())
            return NULL;
    }
    if (!stream)
        gp_err_format(&gp_exc_RuntimeError, "%slost sys.%s", who, name);
    return stream;
}

/* ------------------------------------------------------------------ */
/* print                                                                */
/* ------------------------------------------------------------------ */

/* Where print() sends its pieces. On the fast path they are staged in
   [stage] and reach the C stream in one write per call: with -u (or
   PYTHONUNBUFFERED) that is one system call per print() instead of one per
   piece. */
#define PRINT_STAGE_SIZE 512

typedef struct print_target {
    gp_object_t *file;  /* borrowed */
    gp_object_t *write; /* bound file.write (owned), NULL on the fast path */
    size_t staged;
    char stage[PRINT_STAGE_SIZE];
} print_target_t;

/* Sends the staged bytes to the stream. */
static int print_flush_stage(print_target_t *t)
{
    if (t->staged == 0)
        return 0;
    size_t n = t->staged;
    t->staged = 0;
    return gp_stdio_write_utf8(t->file, t->stage, n);
}

/* Fast path: stages [len] bytes, or writes them through when they are big. */
static int print_put(print_target_t *t, const char *data, size_t len)
{
    if (t->staged + len <= PRINT_STAGE_SIZE) {
        memcpy(t->stage + t->staged, data, len);
        t->staged += len;
        return 0;
    }
    if (print_flush_stage(t) < 0)
        return -1;
    if (len <= PRINT_STAGE_SIZE / 2) {
        memcpy(t->stage, data, len);
        t->staged = len;
        return 0;
    }
    return gp_stdio_write_utf8(t->file, data, len);
}

/* Writes a str object to the target. */
static int print_write_str(print_target_t *t, gp_object_t *str)
{
    if (!t->write)
        return print_put(t, gp_str_utf8(str), gp_str_utf8_len(str));
    gp_object_t *r = gp_object_call1(t->write, str);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

/* Writes str(value) to the target; on the fast path, exact strs and small
   ints go out without a temporary object. */
static int print_write_value(print_target_t *t, gp_object_t *value)
{
    if (!t->write) {
        if (GP_IS_SMALL(value)) {
            char digits[24];
            int n = snprintf(digits, sizeof digits, "%lld", (long long)GP_SMALL_VALUE(value));
            return print_put(t, digits, (size_t)n);
        }
        if (value->type == &gp_str_type)
            return print_put(t, gp_str_utf8(value), gp_str_utf8_len(value));
        /* str() of anything but a plain number may run Python code that
           prints too: what this call staged must come out first. */
        gp_type_t *type = value->type;
        if (type != &gp_float_type && type != &gp_int_type && type != &gp_bool_type &&
            value != gp_None && print_flush_stage(t) < 0)
            return -1;
    }
    gp_object_t *str = gp_object_str(value);
    if (!str)
        return -1;
    int rc = print_write_str(t, str);
    GP_DECREF(str);
    return rc;
}

/* sep= and end= must be None or a str. */
static int print_check_text(const char *what, gp_object_t **arg)
{
    if (!*arg || *arg == gp_None) {
        *arg = NULL;
        return 0;
    }
    if (gp_str_check(*arg))
        return 0;
    gp_err_format(&gp_exc_TypeError, "%s must be None or a string, not %T", what, *arg);
    return -1;
}

static gp_object_t *builtin_print(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gp_object_t *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    size_t nkw = gp_builtins_kwcount(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        gp_object_t *kw = GP_TUPLE_GET(kwnames, i);
        gp_object_t *value = args[nargs + i];
        if (gp_str_eq_cstr(kw, "end"))
            end = value;
        else if (gp_str_eq_cstr(kw, "sep"))
            sep = value;
        else if (gp_str_eq_cstr(kw, "file"))
            file = value;
        else if (gp_str_eq_cstr(kw, "flush"))
            flush = value;
        else
            return gp_builtins_bad_keyword("print", kw), NULL;
    }
    if (print_check_text("sep", &sep) < 0 || print_check_text("end", &end) < 0)
        return NULL;
    if (!file || file == gp_None) {
        file = builtins_sys_stream("stdout", "");
        if (!file)
            return NULL;
        /* sys.stdout = None silences print(), as in CPython. */
        if (file == gp_None)
            return gp_none_new();
    }

    print_target_t t;
    t.file = file;
    t.write = NULL;
    t.staged = 0;
    if (!gp_stdio_check(file)) {
        t.write = gp_object_getattr(file, gp_str_static("write"));
        if (!t.write)
            return NULL;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int rc = sep ? print_write_str(&t, sep)
                         : (t.write ? print_write_str(&t, gp_str_static(" "))
                                    : print_put(&t, " ", 1));
            if (rc < 0)
                goto fail;
        }
        if (print_write_value(&t, args[i]) < 0)
            goto fail;
    }
    int rc = end ? print_write_str(&t, end)
                 : (t.write ? print_write_str(&t, gp_str_static("\n"))
                            : print_put(&t, "\n", 1));
    if (rc < 0 || print_flush_stage(&t) < 0)
        goto fail;
    if (flush) {
        int truth = gp_object_is_true(flush);
        if (truth < 0)
            goto fail;
        if (truth) {
            if (!t.write) {
                if (gp_stdio_flush(file) < 0)
                    goto fail;
            } else {
                gp_object_t *r = gp_object_call_method(file, "flush", NULL, 0);
                if (!r)
                    goto fail;
                GP_DECREF(r);
            }
        }
    }
    GP_XDECREF(t.write);
    return gp_none_new();
fail:
    /* What was printed before the error still goes out, as in CPython. */
    if (!t.write && t.staged) {
        gp_object_t *exc = gp_err_fetch();
        if (print_flush_stage(&t) < 0)
            gp_err_clear();
        gp_err_restore(exc);
    }
    GP_XDECREF(t.write);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* input                                                                */
/* ------------------------------------------------------------------ */

/* Calls stream.<name>() and drops the result. */
static int builtins_call_noargs(gp_object_t *stream, const char *name)
{
    gp_object_t *r = gp_object_call_method(stream, name, NULL, 0);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static gp_object_t *builtin_input(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("input", kwnames) < 0 ||
        gp_builtins_check_positional("input", nargs, 0, 1) < 0)
        return NULL;
    gp_object_t *in = builtins_sys_stream("stdin", "input(): ");
    if (!in)
        return NULL;
    gp_object_t *out = builtins_sys_stream("stdout", "input(): ");
    if (!out)
        return NULL;
    GP_INCREF(in);
    GP_INCREF(out);
    gp_object_t *line = NULL;

    /* Whatever went to stderr first should be visible before the prompt. */
    gp_object_t *err = builtins_sys_stream("stderr", "");
    if (err && err != gp_None) {
        if (gp_stdio_check(err) ? gp_stdio_flush(err) : builtins_call_noargs(err, "flush"))
            gp_err_clear();
    } else {
        gp_err_clear();
    }

    if (nargs == 1) {
        gp_object_t *prompt = gp_object_str(args[0]);
        if (!prompt)
            goto done;
        int rc;
        if (gp_stdio_check(out)) {
            rc = gp_stdio_write_utf8(out, gp_str_utf8(prompt), gp_str_utf8_len(prompt));
        } else {
            gp_object_t *r = gp_object_call_method(out, "write", &prompt, 1);
            rc = r ? 0 : -1;
            GP_XDECREF(r);
        }
        GP_DECREF(prompt);
        if (rc < 0)
            goto done;
    }
    if (gp_stdio_check(out) ? gp_stdio_flush(out) : builtins_call_noargs(out, "flush"))
        goto done;

    line = gp_stdio_check(in) ? gp_stdio_readline(in)
                              : gp_object_call_method(in, "readline", NULL, 0);
    if (!line)
        goto done;
    if (!gp_str_check(line)) {
        gp_err_format(&gp_exc_TypeError, "object.readline() returned non-string");
        GP_CLEAR(line);
        goto done;
    }
    size_t len = gp_str_utf8_len(line);
    if (len == 0) {
        gp_err_set_string(&gp_exc_EOFError, "EOF when reading a line");
        GP_CLEAR(line);
        goto done;
    }
    if (gp_str_utf8(line)[len - 1] == '\n') {
        gp_object_t *stripped = gp_str_from_utf8(gp_str_utf8(line), len - 1);
        GP_SETREF(line, stripped);
    }
done:
    GP_DECREF(in);
    GP_DECREF(out);
    return line;
}

/* ------------------------------------------------------------------ */
/* exit and quit                                                        */
/* ------------------------------------------------------------------ */

/* exit([code]) and quit([code]): what the site module gives CPython's
   scripts; both raise SystemExit(code). */
static gp_object_t *builtin_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_builtins_no_keywords("exit", kwnames) < 0 ||
        gp_builtins_check_positional("exit", nargs, 0, 1) < 0)
        return NULL;
    gp_object_t *exc_args = nargs ? gp_tuple_pack(1, args[0]) : GP_INCREF(gp_empty_tuple);
    if (!exc_args)
        return NULL;
    gp_object_t *exc = gp_exception_new(&gp_exc_SystemExit, exc_args);
    GP_DECREF(exc_args);
    if (!exc)
        return NULL;
    gp_err_set_exception(exc);
    GP_DECREF(exc);
    return NULL;
}

static const gp_method_def_t builtins_io_functions[] = {
    {"print", builtin_print, GP_METH_KEYWORDS,
     "Prints the values to a stream, or to sys.stdout by default."},
    {"input", builtin_input, 0, "Read a string from standard input. The trailing newline is stripped."},
    {"exit", builtin_exit, 0, "Exit the interpreter by raising SystemExit(code)."},
    {"quit", builtin_exit, 0, "Exit the interpreter by raising SystemExit(code)."},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ */
/* Module creation                                                      */
/* ------------------------------------------------------------------ */

typedef struct builtins_type_entry {
    const char *name;
    gp_type_t *type;
} builtins_type_entry_t;

/* The callable types, under their Python names. */
static const builtins_type_entry_t builtins_types[] = {
    {"object", &gp_object_type},
    {"type", &gp_type_type},
    {"int", &gp_int_type},
    {"bool", &gp_bool_type},
    {"float", &gp_float_type},
    {"complex", &gp_complex_type},
    {"str", &gp_str_type},
    {"bytes", &gp_bytes_type},
    {"bytearray", &gp_bytearray_type},
    {"memoryview", &gp_memoryview_type},
    {"list", &gp_list_type},
    {"tuple", &gp_tuple_type},
    {"dict", &gp_dict_type},
    {"set", &gp_set_type},
    {"frozenset", &gp_frozenset_type},
    {"range", &gp_range_type},
    {"slice", &gp_slice_type},
    {"property", &gp_property_type},
    {"staticmethod", &gp_staticmethod_type},
    {"classmethod", &gp_classmethod_type},
    {"super", &gp_super_type},
    {"enumerate", &gp_enumerate_type},
    {"zip", &gp_zip_type},
    {"map", &gp_map_type},
    {"filter", &gp_filter_type},
    {"reversed", &gp_reversed_type},
    {NULL, NULL},
};

/* Every exception type of object.h; registered under the type's own name. */
static gp_type_t *const builtins_exceptions[] = {
    &gp_exc_BaseException, &gp_exc_Exception, &gp_exc_SystemExit, &gp_exc_KeyboardInterrupt,
    &gp_exc_GeneratorExit, &gp_exc_StopIteration, &gp_exc_StopAsyncIteration,
    &gp_exc_ArithmeticError, &gp_exc_ZeroDivisionError, &gp_exc_OverflowError,
    &gp_exc_FloatingPointError, &gp_exc_AssertionError, &gp_exc_AttributeError,
    &gp_exc_BufferError, &gp_exc_EOFError, &gp_exc_ImportError, &gp_exc_ModuleNotFoundError,
    &gp_exc_LookupError, &gp_exc_IndexError, &gp_exc_KeyError, &gp_exc_MemoryError,
    &gp_exc_NameError, &gp_exc_UnboundLocalError, &gp_exc_OSError, &gp_exc_FileNotFoundError,
    &gp_exc_FileExistsError, &gp_exc_IsADirectoryError, &gp_exc_NotADirectoryError,
    &gp_exc_PermissionError, &gp_exc_TimeoutError, &gp_exc_ConnectionError,
    &gp_exc_BrokenPipeError, &gp_exc_ConnectionRefusedError, &gp_exc_ConnectionResetError,
    &gp_exc_ConnectionAbortedError, &gp_exc_InterruptedError, &gp_exc_BlockingIOError,
    &gp_exc_ChildProcessError, &gp_exc_ProcessLookupError, &gp_exc_ReferenceError,
    &gp_exc_RuntimeError, &gp_exc_NotImplementedError, &gp_exc_RecursionError,
    &gp_exc_SyntaxError, &gp_exc_IndentationError, &gp_exc_TabError, &gp_exc_SystemError,
    &gp_exc_TypeError, &gp_exc_ValueError, &gp_exc_UnicodeError, &gp_exc_UnicodeDecodeError,
    &gp_exc_UnicodeEncodeError, &gp_exc_Warning, &gp_exc_UserWarning,
    &gp_exc_DeprecationWarning, &gp_exc_RuntimeWarning, &gp_exc_UnicodeTranslateError,
    &gp_exc_PendingDeprecationWarning, &gp_exc_SyntaxWarning, &gp_exc_FutureWarning,
    &gp_exc_ImportWarning, &gp_exc_UnicodeWarning, &gp_exc_BytesWarning,
    &gp_exc_ResourceWarning, &gp_exc_EncodingWarning, &gp_exc_BaseExceptionGroup,
    &gp_exc_ExceptionGroup, NULL,
};

/* The last dotted component of a type name ("time.struct_time" -> "struct_time"). */
static const char *builtins_short_name(gp_type_t *type)
{
    const char *name = gp_type_name(type);
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : name;
}

gp_object_t *gp_builtins_module_create(void)
{
    gp_object_t *m = gp_module_new("builtins");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, builtins_io_functions) < 0 ||
        gp_module_add_functions(m, gp_builtins_value_functions) < 0 ||
        gp_module_add_functions(m, gp_builtins_eval_functions) < 0)
        goto fail;

    for (const builtins_type_entry_t *e = builtins_types; e->name; e++) {
        if (gp_module_add_object(m, e->name, (gp_object_t *)e->type) < 0)
            goto fail;
    }
    for (size_t i = 0; builtins_exceptions[i]; i++) {
        gp_type_t *type = builtins_exceptions[i];
        if (gp_module_add_object(m, builtins_short_name(type), (gp_object_t *)type) < 0)
            goto fail;
    }
    /* CPython keeps these two names for OSError. */
    if (gp_module_add_object(m, "EnvironmentError", (gp_object_t *)&gp_exc_OSError) < 0 ||
        gp_module_add_object(m, "IOError", (gp_object_t *)&gp_exc_OSError) < 0)
        goto fail;

    /* Two functions defined elsewhere: the VM's class statement helper and
       io's open(), which is io.open too. */
    gp_object_t *build_class = gp_cfunction_new(&gp_build_class_def, NULL);
    if (!build_class)
        goto fail;
    int rc = gp_module_add_object(m, "__build_class__", build_class);
    GP_DECREF(build_class);
    if (rc < 0)
        goto fail;
    gp_object_t *open = gp_cfunction_new(&gp_io_open_def, NULL);
    if (!open)
        goto fail;
    rc = gp_module_add_object(m, "open", open);
    GP_DECREF(open);
    if (rc < 0)
        goto fail;

    if (gp_module_add_object(m, "None", gp_None) < 0 ||
        gp_module_add_object(m, "True", gp_True) < 0 ||
        gp_module_add_object(m, "False", gp_False) < 0 ||
        gp_module_add_object(m, "NotImplemented", gp_NotImplemented) < 0 ||
        gp_module_add_object(m, "Ellipsis", gp_Ellipsis) < 0 ||
        gp_module_add_object(m, "__debug__", gp_True) < 0 ||
        gp_module_add_object(m, "__spec__", gp_None) < 0 ||
        gp_module_add_object(m, "__loader__", gp_None) < 0)
        goto fail;
    gp_object_t *text = gp_str_from_cstr(
        "Built-in functions, types, exceptions, and other objects.");
    if (!text)
        goto fail;
    rc = gp_module_add_object(m, "__doc__", text);
    GP_DECREF(text);
    if (rc < 0)
        goto fail;
    text = gp_str_from_cstr("");
    if (!text)
        goto fail;
    rc = gp_module_add_object(m, "__package__", text);
    GP_DECREF(text);
    if (rc < 0)
        goto fail;
    return m;
fail:
    GP_DECREF(m);
    return NULL;
}
