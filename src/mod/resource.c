/*
 * resource.c - the `resource` module: the process's resource limits.
 *
 * Design notes
 * ------------
 * Only the part of CPython's module that programs reach for is here:
 * getrlimit(), setrlimit(), getrusage() (a struct_rusage record, times in
 * float seconds), getpagesize(), the RLIMIT_* and RUSAGE_* constants,
 * RLIM_INFINITY and `error` (an alias of OSError, as in CPython 3.3+). The
 * typical uses are raising the open-file soft limit to the hard limit
 * before opening thousands of sockets, and reading ru_maxrss.
 *
 * Limits are rlim_t (unsigned 64-bit on Linux) but Python sees them as
 * signed, as CPython does: RLIM_INFINITY is -1, and a negative limit given
 * to setrlimit() is cast back, so -1 means "unlimited". The errors follow
 * CPython's wording: an unknown resource is ValueError("invalid resource
 * specified"); setrlimit() turns EINVAL and EPERM into ValueError with a
 * sentence saying which rule was broken, and any other errno into OSError.
 * Neither call blocks, so the GIL stays held.
 */
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "mod/structseq.h"
#include "obj/object.h"
#include "runtime/runtime.h"

static const char *const struct_rusage_fields[] = {
    "ru_utime", "ru_stime",  "ru_maxrss", "ru_ixrss",   "ru_idrss",   "ru_isrss",
    "ru_minflt", "ru_majflt", "ru_nswap",  "ru_inblock", "ru_oublock", "ru_msgsnd",
    "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw", NULL,
};
static gp_structseq_type_t resource_struct_rusage_type =
    GP_STRUCTSEQ_TYPE_INIT("resource.struct_rusage", struct_rusage_fields, 16, true);

/* The C int value of [arg] through __index__, as CPython's "i" format. */
static int resource_int_arg(gp_object_t *arg, int *out)
{
    gp_object_t *index = gp_number_index(arg);
    if (!index)
        return -1;
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow || v < INT32_MIN || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_OverflowError,
                          overflow || v > INT32_MAX ? "Python int too large to convert to C int"
                                                    : "Python int too small to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* The resource number of [arg], checked against the platform's range. */
static int resource_which_arg(gp_object_t *arg, int *which)
{
    if (resource_int_arg(arg, which) < 0)
        return -1;
    if (*which < 0 || *which >= RLIM_NLIMITS) {
        gp_err_set_string(&gp_exc_ValueError, "invalid resource specified");
        return -1;
    }
    return 0;
}

/* One limit of a setrlimit() pair: an int, negative meaning a huge rlim_t. */
static int resource_limit_arg(gp_object_t *arg, rlim_t *out)
{
    gp_object_t *index = gp_number_index(arg);
    if (!index)
        return -1;
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = (rlim_t)v;
    return 0;
}

static gp_object_t *resource_limit_to_int(rlim_t v)
{
    return gp_int_from_i64(v == RLIM_INFINITY ? -1 : (int64_t)v);
}

static gp_object_t *resource_getrlimit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    (void)self;
    int which;
    if (gp_args_check("resource.getrlimit", nargs, kwnames, 1, 1) < 0 ||
        resource_which_arg(args[0], &which) < 0)
        return NULL;
    struct rlimit rl;
    if (getrlimit(which, &rl) < 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    gp_object_t *soft = resource_limit_to_int(rl.rlim_cur);
    gp_object_t *hard = soft ? resource_limit_to_int(rl.rlim_max) : NULL;
    gp_object_t *pair = hard ? gp_tuple_pack(2, soft, hard) : NULL;
    GP_XDECREF(soft);
    GP_XDECREF(hard);
    return pair;
}

static gp_object_t *resource_setrlimit(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    (void)self;
    int which;
    if (gp_args_check("setrlimit", nargs, kwnames, 2, 2) < 0 ||
        resource_which_arg(args[0], &which) < 0)
        return NULL;
    /* Any iterable of two ints, as CPython's tuple(limits). */
    gp_object_t *pair = gp_tuple_from_iterable(args[1]);
    if (!pair)
        return NULL;
    gp_object_t *result = NULL;
    struct rlimit rl;
    if (GP_TUPLE_SIZE(pair) != 2) {
        gp_err_set_string(&gp_exc_ValueError, "expected a tuple of 2 integers");
        goto done;
    }
    if (resource_limit_arg(GP_TUPLE_GET(pair, 0), &rl.rlim_cur) < 0 ||
        resource_limit_arg(GP_TUPLE_GET(pair, 1), &rl.rlim_max) < 0)
        goto done;
    if (setrlimit(which, &rl) < 0) {
        if (errno == EINVAL)
            gp_err_set_string(&gp_exc_ValueError, "current limit exceeds maximum limit");
        else if (errno == EPERM)
            gp_err_set_string(&gp_exc_ValueError, "not allowed to raise maximum limit");
        else
            gp_err_set_from_errno(errno, NULL);
        goto done;
    }
    result = gp_none_new();
done:
    GP_DECREF(pair);
    return result;
}

/* getrusage(who): the resource use of this process (RUSAGE_SELF), its
   waited-for children (RUSAGE_CHILDREN) or the calling thread
   (RUSAGE_THREAD), as a struct_rusage. */
static gp_object_t *resource_getrusage(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    (void)self;
    int who;
    if (gp_args_check("getrusage", nargs, kwnames, 1, 1) < 0 || resource_int_arg(args[0], &who) < 0)
        return NULL;
    struct rusage ru;
    if (getrusage(who, &ru) < 0) {
        if (errno == EINVAL)
            gp_err_set_string(&gp_exc_ValueError, "invalid who parameter");
        else
            gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    if (gp_structseq_type_init(&resource_struct_rusage_type) < 0)
        return NULL;
    gp_object_t *record = gp_structseq_new(&resource_struct_rusage_type);
    if (!record)
        return NULL;
    const long counts[] = {
        ru.ru_maxrss, ru.ru_ixrss,  ru.ru_idrss,  ru.ru_isrss,    ru.ru_minflt, ru.ru_majflt,
        ru.ru_nswap,  ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv, ru.ru_nsignals,
        ru.ru_nvcsw,  ru.ru_nivcsw,
    };
    gp_object_t *values[16];
    values[0] = gp_float_new((double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6);
    values[1] = gp_float_new((double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6);
    for (size_t i = 0; i < 14; i++)
        values[i + 2] = gp_int_from_i64(counts[i]);
    bool ok = true;
    for (size_t i = 0; i < 16; i++) {
        if (!values[i]) {
            ok = false;
            values[i] = gp_none_new();
        }
        gp_structseq_set(record, i, values[i]);
    }
    if (!ok) {
        GP_DECREF(record);
        return NULL;
    }
    return record;
}

static gp_object_t *resource_getpagesize(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    (void)self;
    (void)args;
    if (gp_args_check("resource.getpagesize", nargs, kwnames, 0, 0) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)sysconf(_SC_PAGESIZE));
}

static const gp_method_def_t resource_functions[] = {
    {"getrlimit", resource_getrlimit, 0, "Return the (soft, hard) limits of a resource."},
    {"setrlimit", resource_setrlimit, 0, "Set the (soft, hard) limits of a resource."},
    {"getrusage", resource_getrusage, 0, "Return the resource use of the process, its children or the thread."},
    {"getpagesize", resource_getpagesize, 0, "Return the size of a memory page in bytes."},
    {NULL, NULL, 0, NULL},
};

typedef struct resource_constant {
    const char *name;
    int value;
} resource_constant_t;

static const resource_constant_t resource_constants[] = {
    {"RLIMIT_CPU", RLIMIT_CPU},         {"RLIMIT_FSIZE", RLIMIT_FSIZE},
    {"RLIMIT_DATA", RLIMIT_DATA},       {"RLIMIT_STACK", RLIMIT_STACK},
    {"RLIMIT_CORE", RLIMIT_CORE},       {"RLIMIT_RSS", RLIMIT_RSS},
    {"RLIMIT_NPROC", RLIMIT_NPROC},     {"RLIMIT_NOFILE", RLIMIT_NOFILE},
    {"RLIMIT_OFILE", RLIMIT_OFILE},     {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK},
    {"RLIMIT_AS", RLIMIT_AS},           {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
    {"RLIMIT_NICE", RLIMIT_NICE},       {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},
    {"RLIMIT_RTTIME", RLIMIT_RTTIME},   {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
    {"RUSAGE_SELF", RUSAGE_SELF},       {"RUSAGE_CHILDREN", RUSAGE_CHILDREN},
    {"RUSAGE_THREAD", RUSAGE_THREAD},
};

gp_object_t *gp_resource_module_create(void)
{
    gp_object_t *module = gp_module_new("resource");
    if (!module)
        return NULL;
    if (gp_module_add_functions(module, resource_functions) < 0 ||
        gp_module_add_int(module, "RLIM_INFINITY", -1) < 0 ||
        gp_module_add_object(module, "error", (gp_object_t *)&gp_exc_OSError) < 0 ||
        gp_structseq_type_init(&resource_struct_rusage_type) < 0 ||
        gp_module_add_object(module, "struct_rusage",
                             (gp_object_t *)&resource_struct_rusage_type.type) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof resource_constants / sizeof resource_constants[0]; i++)
        if (gp_module_add_int(module, resource_constants[i].name, resource_constants[i].value) < 0)
            goto fail;
    return module;
fail:
    GP_DECREF(module);
    return NULL;
}
