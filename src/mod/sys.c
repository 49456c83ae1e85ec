/*
 * sys.c - the sys module.
 *
 * Design notes
 * ------------
 * sys is created by gp_runtime_new() right after builtins (runtime.c), once
 * the runtime has built sys.argv and sys.path from the arguments main.c
 * passed. The module shares those lists and sys.modules with the runtime
 * (`gp_runtime()->argv`, `->path`, `->modules`): the import system reads the
 * same objects a script edits. What only the command line knows (sys.path[0],
 * -X options, -u, sys.flags) arrives afterwards through the hooks in sys.h.
 *
 * State that C code must read quickly lives in the runtime struct, not in
 * module attributes: the recursion limit (the VM checks it on every call),
 * the switch interval (the GIL) and the int string-conversion limit.
 *
 * The standard streams are the small stream type of stdio.c. sys.stdout may
 * be replaced by any object with write(); print() takes a fast path only
 * when it finds one of the builtin streams there.
 *
 * Records with named fields (version_info, flags, float_info, int_info,
 * hash_info) are struct sequences (structseq.c); sys.implementation is a
 * SimpleNamespace look-alike defined here.
 */
#include "mod/sys.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mod/stdio.h"
#include "mod/structseq.h"
#include "runtime/runtime.h"
#include "runtime/trace.h"
#include "vm/frame.h"
#include "vm/vm.h"

#define GP_SYS_VERSION_MAJOR 3
#define GP_SYS_VERSION_MINOR 11
#define GP_SYS_VERSION_MICRO 0

#if defined(__clang__)
#define SYS_COMPILER "Clang " __clang_version__
#elif defined(__GNUC__)
#define SYS_COMPILER "GCC " __VERSION__
#else
#define SYS_COMPILER "C compiler"
#endif

#define SYS_VERSION_TEXT "3.11.0 (gilpy 0.1.0) [" SYS_COMPILER "]"

/* The integer sys.getrefcount() reports for unboxed small ints, which have
   no count: CPython 3.12 reports the same value for its immortal objects. */
#define SYS_SMALL_INT_REFCOUNT 4294967295LL

/* The default of sys.set_int_max_str_digits() and its smallest non-zero value. */
#define SYS_INT_MAX_STR_DIGITS 4300
#define SYS_INT_MAX_STR_DIGITS_THRESHOLD 640

/* ------------------------------------------------------------------ */
/* Records                                                              */
/* ------------------------------------------------------------------ */

static const char *const version_info_fields[] = {
    "major", "minor", "micro", "releaselevel", "serial", NULL,
};
static gp_structseq_type_t sys_version_info_type =
    GP_STRUCTSEQ_TYPE_INIT("sys.version_info", version_info_fields, 5, false);

static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
    "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
    "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
    "int_max_str_digits", NULL,
};
static gp_structseq_type_t sys_flags_type =
    GP_STRUCTSEQ_TYPE_INIT("sys.flags", flags_fields, 18, false);

static const char *const float_info_fields[] = {
    "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
    "dig", "mant_dig", "epsilon", "radix", "rounds", NULL,
};
static gp_structseq_type_t sys_float_info_type =
    GP_STRUCTSEQ_TYPE_INIT("sys.float_info", float_info_fields, 11, false);

static const char *const int_info_fields[] = {
    "bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold",
    NULL,
};
static gp_structseq_type_t sys_int_info_type =
    GP_STRUCTSEQ_TYPE_INIT("sys.int_info", int_info_fields, 4, false);

static const char *const hash_info_fields[] = {
    "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff",
    NULL,
};
static gp_structseq_type_t sys_hash_info_type =
    GP_STRUCTSEQ_TYPE_INIT("sys.hash_info", hash_info_fields, 9, false);

static const char *const unraisable_fields[] = {
    "exc_type", "exc_value", "exc_traceback", "err_msg", "object", NULL,
};
static gp_structseq_type_t sys_unraisable_args_type =
    GP_STRUCTSEQ_TYPE_INIT("UnraisableHookArgs", unraisable_fields, 5, false);

/* One value of a record being built: an int, a float, a str or a bool. */
typedef struct sys_field {
    char kind; /* 'i', 'f', 's', 'b' */
    int64_t i;
    double f;
    const char *s;
} sys_field_t;

#define F_INT(v) {'i', (v), 0.0, NULL}
#define F_FLOAT(v) {'f', 0, (v), NULL}
#define F_STR(v) {'s', 0, 0.0, (v)}
#define F_BOOL(v) {'b', (v), 0.0, NULL}

/* Builds a record of [type] from [values] (one per field). */
static gp_object_t *sys_record_new(gp_structseq_type_t *type, const sys_field_t *values)
{
    if (gp_structseq_type_init(type) < 0)
        return NULL;
    gp_object_t *record = gp_structseq_new(type);
    if (!record)
        return NULL;
    for (size_t i = 0; i < type->n_fields; i++) {
        gp_object_t *v;
        switch (values[i].kind) {
        case 'i': v = gp_int_from_i64(values[i].i); break;
        case 'f': v = gp_float_new(values[i].f); break;
        case 's': v = gp_str_from_cstr(values[i].s); break;
        default: v = gp_bool_from(values[i].i != 0); break;
        }
        if (!v) {
            GP_DECREF(record);
            return NULL;
        }
        gp_structseq_set(record, i, v);
    }
    return record;
}

static gp_object_t *sys_version_info_new(int major, int minor, int micro)
{
    const sys_field_t values[] = {
        F_INT(major), F_INT(minor), F_INT(micro), F_STR("final"), F_INT(0),
    };
    return sys_record_new(&sys_version_info_type, values);
}

static gp_object_t *sys_flags_new(const gp_sys_cli_flags_t *cli)
{
    const sys_field_t values[] = {
        F_INT(0),                            /* debug */
        F_INT(cli->inspect),                 /* inspect */
        F_INT(cli->inspect),                 /* interactive */
        F_INT(cli->optimize),                /* optimize */
        F_INT(cli->dont_write_bytecode),     /* dont_write_bytecode */
        F_INT(cli->no_user_site),            /* no_user_site */
        F_INT(cli->no_site),                 /* no_site */
        F_INT(cli->ignore_environment),      /* ignore_environment */
        F_INT(cli->verbose),                 /* verbose */
        F_INT(0),                            /* bytes_warning */
        F_INT(cli->quiet),                   /* quiet */
        F_INT(1),                            /* hash_randomization */
        F_INT(cli->isolated),                /* isolated */
        F_BOOL(0),                           /* dev_mode */
        F_INT(0),                            /* utf8_mode */
        F_INT(0),                            /* warn_default_encoding */
        F_BOOL(cli->isolated),               /* safe_path */
        F_INT(-1),                           /* int_max_str_digits */
    };
    return sys_record_new(&sys_flags_type, values);
}

static gp_object_t *sys_float_info_new(void)
{
    const sys_field_t values[] = {
        F_FLOAT(DBL_MAX), F_INT(DBL_MAX_EXP),  F_INT(DBL_MAX_10_EXP), F_FLOAT(DBL_MIN),
        F_INT(DBL_MIN_EXP), F_INT(DBL_MIN_10_EXP), F_INT(DBL_DIG), F_INT(DBL_MANT_DIG),
        F_FLOAT(DBL_EPSILON), F_INT(FLT_RADIX), F_INT(FLT_ROUNDS),
    };
    return sys_record_new(&sys_float_info_type, values);
}

/* CPython's values, which describe the numeric hash every gilpy number
   follows (hash(1.0) == hash(1), hash(inf) == 314159). */
static gp_object_t *sys_hash_info_new(void)
{
    const sys_field_t values[] = {
        F_INT(64), F_INT(2305843009213693951LL), F_INT(314159), F_INT(0), F_INT(1000003),
        F_STR("siphash13"), F_INT(64), F_INT(128), F_INT(0),
    };
    return sys_record_new(&sys_hash_info_type, values);
}

static gp_object_t *sys_int_info_new(void)
{
    const sys_field_t values[] = {
        F_INT(30), F_INT(4), F_INT(SYS_INT_MAX_STR_DIGITS), F_INT(SYS_INT_MAX_STR_DIGITS_THRESHOLD),
    };
    return sys_record_new(&sys_int_info_type, values);
}

/* ------------------------------------------------------------------ */
/* sys.implementation: a SimpleNamespace look-alike                     */
/* ------------------------------------------------------------------ */

static gp_object_t *namespace_repr(gp_object_t *self)
{
    gp_object_t **dictp = gp_object_dict_ptr(self);
    gp_strbuf_t buf;
    gp_strbuf_init(&buf);
    gp_strbuf_append_cstr(&buf, "namespace(");
    if (dictp && *dictp) {
        intptr_t pos = 0;
        gp_object_t *key, *value;
        bool first = true;
        while (gp_dict_next(*dictp, &pos, &key, &value)) {
            if (!gp_str_check(key))
                continue;
            gp_object_t *r = gp_object_repr(value);
            if (!r) {
                gp_strbuf_discard(&buf);
                return NULL;
            }
            if (!first)
                gp_strbuf_append(&buf, ", ", 2);
            first = false;
            gp_strbuf_append_str(&buf, key);
            gp_strbuf_append_char(&buf, '=');
            gp_strbuf_append_str(&buf, r);
            GP_DECREF(r);
        }
    }
    gp_strbuf_append_char(&buf, ')');
    return gp_strbuf_finish(&buf);
}

static void namespace_dealloc(gp_object_t *self)
{
    gp_object_t **dictp = gp_object_dict_ptr(self);
    if (dictp)
        GP_CLEAR(*dictp);
    gp_object_free(self);
}

static gp_type_t sys_namespace_type = {
    GP_TYPE_HEAD_INIT,
    .name = "types.SimpleNamespace",
    .basicsize = sizeof(gp_object_t),
    .flags = GP_TYPE_FLAG_MANAGED_DICT,
    .dealloc = namespace_dealloc,
    .repr = namespace_repr,
    .getattr = gp_object_generic_getattr,
    .setattr = gp_object_generic_setattr,
    .doc = "A simple attribute-based namespace.",
};

static gp_object_t *sys_implementation_new(void)
{
    if (!(sys_namespace_type.flags & GP_TYPE_FLAG_READY) && gp_type_ready(&sys_namespace_type) < 0)
        return NULL;
    gp_object_t *ns = gp_object_alloc(&sys_namespace_type, 0);
    if (!ns)
        return NULL;
    gp_object_t **dictp = gp_object_dict_ptr(ns);
    gp_object_t *version = NULL, *value = NULL;
    if (!dictp || !(*dictp = gp_dict_new()))
        goto fail;
    gp_object_t *dict = *dictp;
    if (!(value = gp_str_from_cstr("gilpy")) || gp_dict_setitem_cstr(dict, "name", value) < 0)
        goto fail;
    /* No bytecode cache: CPython's convention for that is cache_tag None. */
    if (gp_dict_setitem_cstr(dict, "cache_tag", gp_None) < 0)
        goto fail;
    if (!(version = sys_version_info_new(0, 1, 0)) ||
        gp_dict_setitem_cstr(dict, "version", version) < 0)
        goto fail;
    GP_SETREF(value, gp_int_from_i64(0x000100f0));
    if (!value || gp_dict_setitem_cstr(dict, "hexversion", value) < 0)
        goto fail;
    GP_DECREF(value);
    GP_DECREF(version);
    return ns;
fail:
    GP_XDECREF(value);
    GP_XDECREF(version);
    GP_DECREF(ns);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

/* Borrowed attribute of the sys module, or NULL (no exception). */
static gp_object_t *sys_get(const char *name)
{
    gp_thread_state_t *ts = gp_tstate();
    if (!ts || !ts->runtime || !ts->runtime->sys_module)
        return NULL;
    gp_object_t *v = gp_dict_getitem(gp_module_dict(ts->runtime->sys_module), gp_str_static(name));
    if (!v && gp_err_occurred())
        gp_err_clear();
    return v;
}

/* Converts an int argument to a C int with CPython's messages. */
static int sys_arg_as_int(gp_object_t *arg, int *out)
{
    gp_object_t *index = gp_number_index(arg);
    if (!index)
        return -1;
    int overflow;
    int64_t v = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow || v > INT_MAX || v < INT_MIN) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Functions                                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *sys_exit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    if (kwnames && GP_TUPLE_SIZE(kwnames) > 0) {
        gp_err_set_string(&gp_exc_TypeError, "exit() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        gp_err_format(&gp_exc_TypeError, "exit expected at most 1 argument, got %zu", nargs);
        return NULL;
    }
    /* The args tuple is built here so that a tuple code stays one argument. */
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

static gp_object_t *sys_getrefcount(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("sys.getrefcount", nargs, kwnames, 1, 1) < 0)
        return NULL;
    /* [args] points into the caller's value stack, which holds the one
       extra reference CPython's documentation talks about. */
    gp_object_t *o = args[0];
    if (GP_IS_SMALL(o))
        return gp_int_from_i64(SYS_SMALL_INT_REFCOUNT);
    return gp_int_from_i64((int64_t)o->refcnt);
}

static gp_object_t *sys_getrecursionlimit(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("getrecursionlimit", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64(gp_runtime()->recursion_limit);
}

static gp_object_t *sys_setrecursionlimit(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("sys.setrecursionlimit", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (gp_float_check(args[0])) {
        gp_err_set_string(&gp_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    int limit;
    if (sys_arg_as_int(args[0], &limit) < 0)
        return NULL;
    if (limit < 1) {
        gp_err_set_string(&gp_exc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    int depth = gp_tstate()->recursion_depth;
    if (depth >= limit) {
        gp_err_format(&gp_exc_RecursionError,
                      "cannot set the recursion limit to %d at the recursion depth %d: the limit "
                      "is too low",
                      limit, depth);
        return NULL;
    }
    gp_runtime()->recursion_limit = limit;
    return gp_none_new();
}

/* The size CPython would report for an int of [o]'s magnitude: a 24-byte
   header plus 4 bytes per 30-bit digit (at least one). */
static int64_t sys_int_size(gp_object_t *o)
{
    if (GP_IS_SMALL(o)) {
        intptr_t v = GP_SMALL_VALUE(o);
        uint64_t mag = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
        int64_t digits = 0;
        while (mag) {
            digits++;
            mag >>= 30;
        }
        return 24 + 4 * (digits ? digits : 1);
    }
    return -1;
}

static gp_object_t *sys_getsizeof(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    static const char *const names[] = {"object", "default", NULL};
    gp_object_t *argv[2] = {NULL, NULL};
    if (gp_args_parse("getsizeof", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    gp_object_t *o = argv[0];
    int64_t size = sys_int_size(o);
    if (size >= 0)
        return gp_int_from_i64(size);

    gp_type_t *type = GP_TYPE(o);
    gp_object_t *method = gp_type_lookup_cstr(type, "__sizeof__");
    if (method) {
        gp_object_t *result = gp_object_call1(method, o);
        if (!result) {
            if (argv[1] && gp_err_matches(&gp_exc_TypeError)) {
                gp_err_clear();
                return GP_INCREF(argv[1]);
            }
            return NULL;
        }
        if (!gp_int_check(result)) {
            GP_DECREF(result);
            gp_err_set_string(&gp_exc_TypeError, "an integer is required");
            return NULL;
        }
        size = gp_int_as_i64(result);
        GP_DECREF(result);
        if (size == -1 && gp_err_occurred())
            return NULL;
        if (size < 0) {
            gp_err_set_string(&gp_exc_ValueError, "__sizeof__() should return >= 0");
            return NULL;
        }
    } else {
        size = (int64_t)type->basicsize;
        if (type->itemsize) {
            intptr_t n = ((gp_varobject_t *)o)->size;
            size += (int64_t)type->itemsize * (n < 0 ? -n : n);
        }
        if (gp_list_check(o))
            size += (int64_t)sizeof(gp_object_t *) * ((gp_list_t *)o)->allocated;
        else if (gp_str_check(o) && !type->itemsize)
            size += (int64_t)gp_str_utf8_len(o) + 1;
    }
    /* The prefix (gc head, dict pointer) is memory the object costs too. */
    size += (int64_t)gp_object_prefix_size(type);
    return gp_int_from_i64(size);
}

static gp_object_t *sys_intern(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("intern", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *s = args[0];
    if (!gp_str_check(s)) {
        gp_err_format(&gp_exc_TypeError, "intern() argument must be str, not %T", s);
        return NULL;
    }
    if (!gp_str_check_exact(s)) {
        gp_err_format(&gp_exc_TypeError, "can't intern %T", s);
        return NULL;
    }
    return gp_str_intern(GP_INCREF(s));
}

/* (type, value, traceback) of the exception being handled. */
static gp_object_t *sys_exc_info(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("exc_info", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *exc = gp_exc_handled(gp_tstate());
    if (!exc || exc == gp_None)
        return gp_tuple_pack(3, gp_None, gp_None, gp_None);
    gp_object_t *tb = NULL;
    if (gp_exc_check(exc))
        tb = ((gp_exception_t *)exc)->traceback;
    return gp_tuple_pack(3, (gp_object_t *)GP_TYPE(exc), exc, tb ? tb : gp_None);
}

static gp_object_t *sys_exception(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("exception", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *exc = gp_exc_handled(gp_tstate());
    return GP_INCREF(exc ? exc : gp_None);
}

static gp_object_t *sys_getdefaultencoding(gp_object_t *self, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("getdefaultencoding", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_str_from_cstr("utf-8");
}

static gp_object_t *sys_getfilesystemencoding(gp_object_t *self, gp_object_t *const *args,
                                              size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("getfilesystemencoding", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_str_from_cstr("utf-8");
}

static gp_object_t *sys_getfilesystemencodeerrors(gp_object_t *self, gp_object_t *const *args,
                                                  size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("getfilesystemencodeerrors", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_str_from_cstr("surrogateescape");
}

static gp_object_t *sys_setswitchinterval(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("setswitchinterval", nargs, kwnames, 1, 1) < 0)
        return NULL;
    double interval = gp_float_as_double(args[0]);
    if (interval == -1.0 && gp_err_occurred())
        return NULL;
    if (!(interval > 0.0)) {
        gp_err_set_string(&gp_exc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    gp_runtime()->switch_interval = interval;
    gp_gil_set_interval(&gp_runtime()->gil, interval);
    return gp_none_new();
}

static gp_object_t *sys_getswitchinterval(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("getswitchinterval", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_float_new(gp_runtime()->switch_interval);
}

/* sys._gil_stats(): GIL switch counts and per-thread time held, waited for,
   and spent in I/O and blocked (runtime/trace.c, docs/trace.md). */
static gp_object_t *sys_gil_stats(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("_gil_stats", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_trace_stats(gp_runtime());
}

/* sys._gil_trace_name(name, ident=None): names a thread in the GIL trace.
   threading calls it when a thread starts and when its name changes; with
   no ident it names the calling thread. A no-op when nothing is traced. */
static gp_object_t *sys_gil_trace_name(gp_object_t *self, gp_object_t *const *args,
                                       size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("_gil_trace_name", nargs, kwnames, 1, 2) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "_gil_trace_name() argument 1 must be str, not %s",
                      gp_type_name(GP_TYPE(args[0])));
        return NULL;
    }
    uint64_t ident = gp_tstate()->thread_id;
    if (nargs > 1 && args[1] != gp_None) {
        if (!gp_int_check(args[1])) {
            gp_err_format(&gp_exc_TypeError,
                          "_gil_trace_name() argument 2 must be int or None, not %s",
                          gp_type_name(GP_TYPE(args[1])));
            return NULL;
        }
        int overflow;
        ident = (uint64_t)gp_int_as_i64_overflow(args[1], &overflow);
        if (overflow)
            return gp_none_new(); /* no thread has such an ident */
    }
    gp_trace_thread_name(gp_runtime(), ident, gp_str_utf8(args[0]));
    return gp_none_new();
}

static gp_object_t *sys_get_int_max_str_digits(gp_object_t *self, gp_object_t *const *args,
                                               size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("get_int_max_str_digits", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64(gp_runtime()->int_max_str_digits);
}

static gp_object_t *sys_set_int_max_str_digits(gp_object_t *self, gp_object_t *const *args,
                                               size_t nargs, gp_object_t *kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    gp_object_t *argv[1] = {NULL};
    if (gp_args_parse("set_int_max_str_digits", args, nargs, kwnames, names, 1, argv) < 0)
        return NULL;
    int digits;
    if (sys_arg_as_int(argv[0], &digits) < 0)
        return NULL;
    if (digits != 0 && digits < SYS_INT_MAX_STR_DIGITS_THRESHOLD) {
        gp_err_format(&gp_exc_ValueError, "maxdigits must be 0 or larger than %d",
                      SYS_INT_MAX_STR_DIGITS_THRESHOLD);
        return NULL;
    }
    gp_runtime()->int_max_str_digits = digits;
    return gp_none_new();
}

static gp_object_t *sys_is_finalizing(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    if (gp_args_check("is_finalizing", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_bool_from(false);
}

/* sys.displayhook(value): what the REPL calls for an expression statement.
   Prints repr(value) to sys.stdout and keeps it in builtins._ . */
static gp_object_t *sys_displayhook(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("displayhook", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *value = args[0];
    if (value == gp_None)
        return gp_none_new();
    gp_object_t *builtins = gp_runtime()->builtins;
    /* As CPython: _ is None while repr() runs, so a failing repr leaves no stale value. */
    if (builtins && gp_dict_setitem_cstr(builtins, "_", gp_None) < 0)
        return NULL;
    gp_object_t *out = sys_get("stdout");
    if (!out || out == gp_None) {
        gp_err_set_string(&gp_exc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    gp_object_t *text = gp_object_repr(value);
    if (!text)
        return NULL;
    int rc;
    if (gp_stdio_check(out)) {
        rc = gp_stdio_write_utf8(out, gp_str_utf8(text), gp_str_utf8_len(text));
        if (rc == 0)
            rc = gp_stdio_write_utf8(out, "\n", 1);
    } else {
        GP_INCREF(out);
        gp_object_t *r = gp_object_call_method(out, "write", &text, 1);
        if (r) {
            GP_DECREF(r);
            gp_object_t *newline = gp_str_static("\n");
            r = gp_object_call_method(out, "write", &newline, 1);
        }
        rc = r ? 0 : -1;
        GP_XDECREF(r);
        GP_DECREF(out);
    }
    GP_DECREF(text);
    if (rc < 0)
        return NULL;
    if (builtins && gp_dict_setitem_cstr(builtins, "_", value) < 0)
        return NULL;
    return gp_none_new();
}

/* sys.excepthook(type, value, traceback): prints the traceback of [value]. */
static gp_object_t *sys_excepthook(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("excepthook", nargs, kwnames, 3, 3) < 0)
        return NULL;
    gp_sys_flush_std_streams();
    if (gp_exc_check(args[1]))
        gp_exception_print(args[1]);
    return gp_none_new();
}

void gp_sys_write_stderr(const char *text)
{
    gp_object_t *stream = sys_get("stderr");
    if (stream == NULL || stream == gp_None || gp_stdio_check(stream)) {
        FILE *fp = stream && stream != gp_None ? ((gp_stdio_t *)stream)->fp : stderr;
        fputs(text, fp);
        fflush(fp);
        return;
    }
    gp_object_t *pending = gp_err_fetch();
    GP_INCREF(stream);
    gp_object_t *str = gp_str_from_utf8(text, strlen(text));
    gp_object_t *r = str ? gp_object_call_method(stream, "write", &str, 1) : NULL;
    GP_XDECREF(str);
    if (r == NULL)
        gp_err_clear();
    GP_XDECREF(r);
    GP_DECREF(stream);
    gp_err_restore(pending);
}

/* The default sys.unraisablehook: "Exception ignored in: <repr>" (or the
   record's own err_msg) and the exception's traceback, on sys.stderr. */
static void sys_print_unraisable(gp_object_t *err_msg, gp_object_t *obj, gp_object_t *exc)
{
    gp_sys_flush_std_streams();
    bool has_msg = err_msg != NULL && err_msg != gp_None;
    gp_object_t *msg = has_msg ? gp_object_str(err_msg) : NULL;
    if (has_msg && msg == NULL) {
        gp_err_clear();
        has_msg = false;
    }
    if (obj != NULL && obj != gp_None) {
        gp_sys_write_stderr(has_msg ? gp_str_utf8(msg) : "Exception ignored in");
        gp_sys_write_stderr(": ");
        gp_object_t *repr = gp_object_repr(obj);
        if (repr == NULL)
            gp_err_clear();
        gp_sys_write_stderr(repr ? gp_str_utf8(repr) : "<object repr() failed>");
        gp_sys_write_stderr("\n");
        GP_XDECREF(repr);
    } else if (has_msg) {
        gp_sys_write_stderr(gp_str_utf8(msg));
        gp_sys_write_stderr(":\n");
    }
    GP_XDECREF(msg);
    if (exc != NULL && exc != gp_None)
        gp_exception_print(exc);
}

/* sys.unraisablehook(unraisable) and sys.__unraisablehook__. */
static gp_object_t *sys_unraisablehook(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("unraisablehook", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (GP_TYPE(args[0]) != &sys_unraisable_args_type.type) {
        gp_err_set_string(&gp_exc_TypeError,
                          "sys.unraisablehook argument type must be UnraisableHookArgs");
        return NULL;
    }
    sys_print_unraisable(gp_structseq_get(args[0], 3), gp_structseq_get(args[0], 4),
                         gp_structseq_get(args[0], 1));
    return gp_none_new();
}

void gp_err_write_unraisable(const char *err_msg, gp_object_t *obj)
{
    gp_object_t *exc = gp_err_fetch();
    if (exc == NULL)
        return;
    /* An exception raised in C with no frame of its own (a generator that
       ignored GeneratorExit) gets an entry for the frame running now, as in
       CPython, so the report says where it happened. */
    gp_frame_t *frame = gp_tstate()->frame;
    if (frame != NULL && gp_exc_check(exc) && ((gp_exception_t *)exc)->traceback == NULL) {
        gp_err_restore(exc);
        if (gp_traceback_here(frame, (int)(frame->ip - frame->code->instrs) - 1) < 0)
            gp_err_clear();
        exc = gp_err_fetch();
        if (exc == NULL)
            return;
    }
    gp_object_t *msg = err_msg ? gp_str_from_cstr(err_msg) : gp_none_new();
    gp_object_t *hook = sys_get("unraisablehook");
    gp_object_t *builtin = sys_get("__unraisablehook__");
    gp_object_t *record = NULL;
    if (msg == NULL)
        goto fallback;
    if (hook == NULL || hook == gp_None || hook == builtin)
        goto fallback;
    if (gp_structseq_type_init(&sys_unraisable_args_type) < 0 ||
        (record = gp_structseq_new(&sys_unraisable_args_type)) == NULL)
        goto fallback;
    gp_object_t *tb = gp_object_getattr_cstr(exc, "__traceback__");
    if (tb == NULL) {
        gp_err_clear();
        tb = gp_none_new();
    }
    gp_structseq_set(record, 0, GP_INCREF((gp_object_t *)GP_TYPE(exc)));
    gp_structseq_set(record, 1, GP_INCREF(exc));
    gp_structseq_set(record, 2, tb);
    gp_structseq_set(record, 3, GP_INCREF(msg));
    gp_structseq_set(record, 4, obj ? GP_INCREF(obj) : gp_none_new());
    GP_INCREF(hook);
    gp_object_t *r = gp_object_call1(hook, record);
    if (r != NULL) {
        GP_DECREF(r);
        GP_DECREF(hook);
        goto done;
    }
    /* A failing hook's own exception is what gets reported, by the default
       printer, in place of the original (as CPython does). */
    gp_object_t *hook_exc = gp_err_fetch();
    sys_print_unraisable(gp_str_static("Exception ignored in sys.unraisablehook"), hook, hook_exc);
    GP_XDECREF(hook_exc);
    GP_DECREF(hook);
    goto done;
fallback:
    if (gp_err_occurred())
        gp_err_clear();
    sys_print_unraisable(msg, obj, exc);
done:
    GP_XDECREF(record);
    GP_XDECREF(msg);
    GP_DECREF(exc);
}

/* Tracing hooks are not supported yet: settrace(None) is what portable
   code calls, and it succeeds; a real trace function is refused rather than
   silently never called. gettrace() reports that none is installed. */
static gp_object_t *sys_settrace(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("settrace", nargs, kwnames, 1, 1) < 0)
        return NULL;
    if (args[0] != gp_None) {
        gp_err_set_string(&gp_exc_NotImplementedError,
                          "sys.settrace(): trace functions are not supported by gilpy yet "
                          "(sys.setprofile is)");
        return NULL;
    }
    return gp_none_new();
}

static gp_object_t *sys_gettrace(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("gettrace", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_none_new();
}

/* The calling thread's profile function (vm/profile.c sends the events). */
static gp_object_t *sys_setprofile(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("setprofile", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_profile_set(gp_tstate(), args[0]);
    return gp_none_new();
}

static gp_object_t *sys_getprofile(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("getprofile", nargs, kwnames, 0, 0) < 0)
        return NULL;
    gp_object_t *func = gp_tstate()->profile_func;
    return func ? GP_INCREF(func) : gp_none_new();
}


static const gp_method_def_t sys_functions[] = {
    {"displayhook", sys_displayhook, 0, "Print an object to sys.stdout and also save it in builtins._"},
    {"excepthook", sys_excepthook, 0, "Handle an exception by displaying it with a traceback on sys.stderr."},
    {"unraisablehook", sys_unraisablehook, 0, "Handle an unraisable exception."},
    {"settrace", sys_settrace, 0, "Set the global debug tracing function (only None is supported)."},
    {"gettrace", sys_gettrace, 0, "Return the global debug tracing function (always None)."},
    {"setprofile", sys_setprofile, 0, "Set the profiling function of this thread."},
    {"getprofile", sys_getprofile, 0, "Return the profiling function set by sys.setprofile()."},
    {"exit", sys_exit, GP_METH_KEYWORDS, "Exit the interpreter by raising SystemExit(status)."},
    {"getrefcount", sys_getrefcount, 0, "Return the reference count of object."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, "Return the current recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, 0, "Set the maximum depth of the Python stack."},
    {"getsizeof", sys_getsizeof, GP_METH_KEYWORDS, "Return the size of object in bytes."},
    {"intern", sys_intern, 0, "Return the canonical (interned) copy of a string."},
    {"_getframe", gp_sys_getframe, 0, "Return a frame object from the call stack."},
    {"exc_info", sys_exc_info, 0, "Return (type, value, traceback) of the handled exception."},
    {"exception", sys_exception, 0, "Return the exception being handled, or None."},
    {"getdefaultencoding", sys_getdefaultencoding, 0, NULL},
    {"getfilesystemencoding", sys_getfilesystemencoding, 0, NULL},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, 0, NULL},
    {"setswitchinterval", sys_setswitchinterval, 0, "Set the GIL's switch interval in seconds."},
    {"getswitchinterval", sys_getswitchinterval, 0, "Return the GIL's switch interval."},
    {"_gil_stats", sys_gil_stats, 0, "Return GIL switch counts and per-thread GIL times."},
    {"_gil_trace_name", sys_gil_trace_name, 0, "Name a thread in the GIL trace."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, GP_METH_KEYWORDS, NULL},
    {"is_finalizing", sys_is_finalizing, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------------ */
/* Module creation                                                      */
/* ------------------------------------------------------------------ */

/* Adds a new reference [value] under [name] and drops it; -1 if value is NULL. */
static int sys_add_new(gp_object_t *module, const char *name, gp_object_t *value)
{
    if (!value)
        return -1;
    int rc = gp_module_add_object(module, name, value);
    GP_DECREF(value);
    return rc;
}

static int sys_add_str(gp_object_t *module, const char *name, const char *value)
{
    return sys_add_new(module, name, gp_str_from_cstr(value));
}

/* sys.stdin/stdout/stderr and the __stdin__... originals. */
static int sys_add_stream(gp_object_t *module, FILE *fp, const char *name, const char *mode,
                          const char *attr, const char *orig_attr)
{
    gp_object_t *stream = gp_stdio_new(fp, name, mode);
    if (!stream)
        return -1;
    int rc = gp_module_add_object(module, attr, stream);
    if (rc == 0)
        rc = gp_module_add_object(module, orig_attr, stream);
    GP_DECREF(stream);
    return rc;
}

/* sys.builtin_module_names: the C modules import can find. */
static gp_object_t *sys_builtin_module_names(void)
{
    size_t n = 0;
    while (gp_builtin_modules[n].name)
        n++;
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        gp_object_t *s = gp_str_from_cstr(gp_builtin_modules[i].name);
        if (!s || gp_list_append(list, s) < 0) {
            GP_XDECREF(s);
            GP_DECREF(list);
            return NULL;
        }
        GP_DECREF(s);
    }
    if (gp_list_sort(list, NULL, false) < 0) {
        GP_DECREF(list);
        return NULL;
    }
    gp_object_t *tuple = gp_list_as_tuple(list);
    GP_DECREF(list);
    return tuple;
}

gp_object_t *gp_sys_module_create(void)
{
    gp_runtime_t *rt = gp_runtime();
    rt->switch_interval = 0.005;
    rt->int_max_str_digits = SYS_INT_MAX_STR_DIGITS;

    gp_object_t *m = gp_module_new("sys");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, sys_functions) < 0)
        goto fail;
    /* sys.__excepthook__ and the other originals are the very objects the
       hooks start as, so `sys.excepthook is sys.__excepthook__` holds until
       a script installs its own. */
    static const char *const hooks[][2] = {
        {"displayhook", "__displayhook__"},
        {"excepthook", "__excepthook__"},
        {"unraisablehook", "__unraisablehook__"},
    };
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++) {
        gp_object_t *hook = gp_dict_getitem_cstr(gp_module_dict(m), hooks[i][0]);
        if (hook == NULL || gp_module_add_object(m, hooks[i][1], hook) < 0)
            goto fail;
    }

    /* Shared with the runtime: see the design notes. */
    if (rt->argv && gp_module_add_object(m, "argv", rt->argv) < 0)
        goto fail;
    if (rt->path && gp_module_add_object(m, "path", rt->path) < 0)
        goto fail;
    if (rt->modules && gp_module_add_object(m, "modules", rt->modules) < 0)
        goto fail;
    if (rt->argv && sys_add_new(m, "orig_argv", gp_list_from_iterable(rt->argv)) < 0)
        goto fail;

    if (sys_add_stream(m, stdin, "<stdin>", "r", "stdin", "__stdin__") < 0 ||
        sys_add_stream(m, stdout, "<stdout>", "w", "stdout", "__stdout__") < 0 ||
        sys_add_stream(m, stderr, "<stderr>", "w", "stderr", "__stderr__") < 0)
        goto fail;

    const gp_sys_cli_flags_t no_flags = {0};
    if (sys_add_new(m, "maxsize", gp_int_from_i64(INTPTR_MAX)) < 0 ||
        sys_add_new(m, "maxunicode", gp_int_from_i64(0x10FFFF)) < 0 ||
        sys_add_str(m, "byteorder",
                    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ ? "little" : "big") < 0 ||
        sys_add_str(m, "platform", "linux") < 0 ||
        sys_add_str(m, "version", SYS_VERSION_TEXT) < 0 ||
        sys_add_new(m, "version_info",
                    sys_version_info_new(GP_SYS_VERSION_MAJOR, GP_SYS_VERSION_MINOR,
                                         GP_SYS_VERSION_MICRO)) < 0 ||
        sys_add_new(m, "hexversion", gp_int_from_i64(0x030B00F0)) < 0 ||
        sys_add_new(m, "api_version", gp_int_from_i64(1013)) < 0 ||
        sys_add_new(m, "implementation", sys_implementation_new()) < 0 ||
        sys_add_new(m, "flags", sys_flags_new(&no_flags)) < 0 ||
        sys_add_new(m, "float_info", sys_float_info_new()) < 0 ||
        sys_add_new(m, "int_info", sys_int_info_new()) < 0 ||
        sys_add_new(m, "hash_info", sys_hash_info_new()) < 0 ||
        sys_add_str(m, "float_repr_style", "short") < 0 ||
        sys_add_new(m, "_xoptions", gp_dict_new()) < 0 ||
        sys_add_new(m, "warnoptions", gp_list_new(0)) < 0 ||
        sys_add_new(m, "builtin_module_names", sys_builtin_module_names()) < 0 ||
        sys_add_str(m, "executable", "") < 0 ||
        sys_add_str(m, "prefix", "/usr/local") < 0 ||
        sys_add_str(m, "exec_prefix", "/usr/local") < 0 ||
        sys_add_str(m, "base_prefix", "/usr/local") < 0 ||
        sys_add_str(m, "base_exec_prefix", "/usr/local") < 0 ||
        sys_add_str(m, "platlibdir", "lib") < 0 ||
        sys_add_str(m, "copyright", "Copyright (c) 2024 the gilpy authors.") < 0 ||
        gp_module_add_object(m, "dont_write_bytecode", gp_True) < 0 ||
        gp_module_add_object(m, "pycache_prefix", gp_None) < 0)
        goto fail;
    return m;
fail:
    GP_DECREF(m);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Hooks for main.c and the runtime                                     */
/* ------------------------------------------------------------------ */

int gp_sys_set_path0(const char *dir)
{
    gp_object_t *path = sys_get("path");
    if (!path || !gp_list_check(path))
        return 0;
    gp_object_t *entry = gp_str_from_cstr(dir);
    if (!entry)
        return -1;
    int rc;
    if (GP_LIST_SIZE(path) > 0)
        rc = gp_object_setitem(path, GP_SMALL_NEW(0), entry);
    else
        rc = gp_list_append(path, entry);
    GP_DECREF(entry);
    return rc;
}

/* Normalises the absolute path [path] in place, as posixpath.normpath
   does: repeated and trailing slashes, "." and ".." components. */
static void sys_normalize_path(char *path)
{
    char *out = path + 1; /* past the leading '/' */
    const char *in = path + 1;
    while (*in) {
        const char *end = strchr(in, '/');
        size_t len = end ? (size_t)(end - in) : strlen(in);
        if (len == 0 || (len == 1 && in[0] == '.')) {
            /* nothing to keep */
        } else if (len == 2 && in[0] == '.' && in[1] == '.') {
            while (out > path + 1 && out[-1] != '/')
                out--;
            if (out > path + 1)
                out--; /* the slash before the dropped component */
        } else {
            if (out > path + 1)
                *out++ = '/';
            memmove(out, in, len);
            out += len;
        }
        in += len + (end ? 1 : 0);
    }
    *out = '\0';
}

int gp_sys_clear_path(void)
{
    gp_object_t *path = sys_get("path");
    if (!path || !gp_list_check(path))
        return 0;
    gp_object_t *r = gp_object_call_method(path, "clear", NULL, 0);
    GP_XDECREF(r);
    return r ? 0 : -1;
}

int gp_sys_add_search_path(const char *value)
{
    gp_object_t *path = sys_get("path");
    if (!path || !gp_list_check(path) || !value || !*value)
        return 0;
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        cwd[0] = '\0';
    const char *entry = value;
    for (;;) {
        const char *colon = strchr(entry, ':');
        size_t len = colon ? (size_t)(colon - entry) : strlen(entry);
        /* Relative entries (an empty one is the current directory) are
           made absolute against it, as CPython does at start-up. */
        char full[2 * PATH_MAX + 2];
        int n = entry[0] == '/' ? snprintf(full, sizeof full, "%.*s", (int)len, entry)
                                : snprintf(full, sizeof full, "%s/%.*s", cwd, (int)len, entry);
        if (n > 0 && (size_t)n < sizeof full && full[0] == '/') {
            sys_normalize_path(full);
            gp_object_t *item = gp_str_from_cstr(full);
            if (!item)
                return -1;
            int present = gp_object_contains(path, item);
            int rc = present == 0 ? gp_list_append(path, item) : present;
            GP_DECREF(item);
            if (rc < 0)
                return -1;
        }
        if (!colon)
            return 0;
        entry = colon + 1;
    }
}

int gp_sys_add_warnoption(const char *option)
{
    gp_object_t *options = sys_get("warnoptions");
    if (!options || !gp_list_check(options))
        return 0;
    gp_object_t *text = gp_str_from_cstr(option);
    if (!text)
        return -1;
    int rc = gp_list_append(options, text);
    GP_DECREF(text);
    return rc;
}

int gp_sys_apply_warnoptions(void)
{
    gp_object_t *options = sys_get("warnoptions");
    if (!options || !gp_list_check(options) || GP_LIST_SIZE(options) == 0)
        return 0;
    gp_object_t *warnings = gp_import_stdlib("warnings");
    if (!warnings)
        return -1;
    GP_DECREF(warnings);
    return 0;
}

int gp_sys_add_xoption(const char *option)
{
    gp_object_t *options = sys_get("_xoptions");
    if (!options || !gp_dict_check(options))
        return 0;
    const char *eq = strchr(option, '=');
    gp_object_t *key = eq ? gp_str_from_utf8(option, (size_t)(eq - option))
                          : gp_str_from_cstr(option);
    if (!key)
        return -1;
    gp_object_t *value = eq ? gp_str_from_cstr(eq + 1) : GP_INCREF(gp_True);
    if (!value) {
        GP_DECREF(key);
        return -1;
    }
    int rc = gp_dict_setitem(options, key, value);
    GP_DECREF(key);
    GP_DECREF(value);
    return rc;
}

int gp_sys_set_orig_argv(int argc, char **argv)
{
    gp_object_t *m = gp_runtime()->sys_module;
    gp_object_t *list = gp_list_new(0);
    if (!list)
        return -1;
    for (int i = 0; i < argc; i++) {
        gp_object_t *s = gp_str_from_cstr(argv[i]);
        if (!s || gp_list_append(list, s) < 0) {
            GP_XDECREF(s);
            GP_DECREF(list);
            return -1;
        }
        GP_DECREF(s);
    }
    if (sys_add_new(m, "orig_argv", list) < 0)
        return -1;

    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        if (sys_add_str(m, "executable", exe) < 0 || sys_add_str(m, "_base_executable", exe) < 0)
            return -1;
    }
    return 0;
}

int gp_sys_apply_cli_flags(const gp_sys_cli_flags_t *flags)
{
    gp_object_t *m = gp_runtime()->sys_module;
    if (flags->unbuffered)
        gp_stdio_set_unbuffered();
    if (sys_add_new(m, "flags", sys_flags_new(flags)) < 0)
        return -1;
    return gp_module_add_object(m, "dont_write_bytecode", flags->dont_write_bytecode ? gp_True
                                                                                        : gp_False);
}

/* Reports an exception raised while flushing at exit the way CPython
   does, then drops it. */
static void sys_report_unraisable(gp_object_t *where)
{
    gp_object_t *exc = gp_err_fetch();
    gp_object_t *repr = where ? gp_object_repr(where) : NULL;
    if (!repr)
        gp_err_clear();
    fflush(stdout);
    fprintf(stderr, "Exception ignored in: %s\n", repr ? gp_str_utf8(repr) : "<object>");
    GP_XDECREF(repr);
    if (exc) {
        gp_exception_print(exc);
        GP_DECREF(exc);
    }
    fflush(stderr);
}

/* Flushes one of sys.stdout/sys.stderr. Returns -1 if flushing failed. */
static int sys_flush_stream(const char *name)
{
    gp_object_t *stream = sys_get(name);
    if (!stream || stream == gp_None)
        return 0;
    int rc;
    if (gp_stdio_check(stream)) {
        rc = gp_stdio_flush(stream);
        if (rc < 0) {
            /* Drop what could not be written, or exit() would retry. */
            __fpurge(((gp_stdio_t *)stream)->fp);
        }
    } else {
        GP_INCREF(stream);
        gp_object_t *r = gp_object_call_method(stream, "flush", NULL, 0);
        rc = r ? 0 : -1;
        GP_XDECREF(r);
        if (rc < 0 && gp_err_matches(&gp_exc_AttributeError)) {
            gp_err_clear();
            rc = 0;
        }
        if (rc < 0)
            sys_report_unraisable(stream);
        GP_DECREF(stream);
        return rc;
    }
    if (rc < 0)
        sys_report_unraisable(stream);
    return rc;
}

int gp_sys_flush_std_streams_status(void)
{
    int status = 0;
    gp_thread_state_t *ts = gp_tstate();
    if (ts && ts->runtime && ts->runtime->sys_module) {
        /* The exception being propagated, if any, must survive the flush. */
        gp_object_t *pending = gp_err_fetch();
        if (sys_flush_stream("stdout") < 0)
            status = 120;
        sys_flush_stream("stderr");
        gp_err_restore(pending);
    }
    if (fflush(stdout) != 0) {
        __fpurge(stdout);
        status = 120;
    }
    fflush(stderr);
    return status;
}

void gp_sys_flush_std_streams(void)
{
    (void)gp_sys_flush_std_streams_status();
}
