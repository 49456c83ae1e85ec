/*
 * time.c - the time module: clocks, sleep, and calendar conversions.
 *
 * Design notes
 * ------------
 * Clocks map onto clock_gettime(): time() is CLOCK_REALTIME, monotonic()
 * and perf_counter() are CLOCK_MONOTONIC (as CPython on Linux), the CPU
 * clocks are the process and thread CPU-time clocks. Each has an _ns twin
 * that returns an int of nanoseconds, exact where the float is not.
 *
 * sleep() waits in one place, time_sleep_wait(), against an absolute
 * CLOCK_MONOTONIC deadline, so a signal that interrupts the wait (EINTR)
 * neither shortens nor lengthens it. On EINTR the eval breaker runs: Ctrl-C
 * during sleep() raises KeyboardInterrupt at once, as in CPython. The GIL is
 * released around the wait, labelled as a sleep for the GIL tracer.
 *
 * Calendar functions (gmtime, localtime, mktime, strftime, asctime, ctime)
 * wrap the C library's, converting to and from time.struct_time (a struct
 * sequence: 9 items plus tm_zone and tm_gmtoff) with CPython's checks and
 * messages. Python counts months from 1, weekdays from Monday = 0 and days
 * of the year from 1; struct tm does not, and the conversions live in
 * time_tm_to_struct() and time_tuple_to_tm() only.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mod/structseq.h"
#include "runtime/runtime.h"

static const char *const struct_time_fields[] = {
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
    "tm_isdst", "tm_zone", "tm_gmtoff", NULL,
};
static gp_structseq_type_t time_struct_time_type =
    GP_STRUCTSEQ_TYPE_INIT("time.struct_time", struct_time_fields, 9, true);

#define TIME_NS_PER_SEC 1000000000LL

/* ------------------------------------------------------------------ */
/* Clocks                                                               */
/* ------------------------------------------------------------------ */

/* Reads [clock]; on failure raises OSError and returns -1. */
static int time_read_clock(clockid_t clock, struct timespec *ts)
{
    if (clock_gettime(clock, ts) != 0) {
        gp_err_set_from_errno(errno, NULL);
        return -1;
    }
    return 0;
}

static gp_object_t *time_clock_float(clockid_t clock, const char *name, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check(name, nargs, kwnames, 0, 0) < 0)
        return NULL;
    struct timespec ts;
    if (time_read_clock(clock, &ts) < 0)
        return NULL;
    return gp_float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static gp_object_t *time_clock_ns(clockid_t clock, const char *name, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check(name, nargs, kwnames, 0, 0) < 0)
        return NULL;
    struct timespec ts;
    if (time_read_clock(clock, &ts) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)ts.tv_sec * TIME_NS_PER_SEC + ts.tv_nsec);
}

#define TIME_CLOCK_FUNCTIONS(pyname, clock)                                                        \
    static gp_object_t *time_##pyname(gp_object_t *self, gp_object_t *const *args, size_t nargs,  \
                                      gp_object_t *kwnames)                                       \
    {                                                                                              \
        return time_clock_float(clock, #pyname, nargs, kwnames);                                   \
    }                                                                                              \
    static gp_object_t *time_##pyname##_ns(gp_object_t *self, gp_object_t *const *args,           \
                                           size_t nargs, gp_object_t *kwnames)                    \
    {                                                                                              \
        return time_clock_ns(clock, #pyname "_ns", nargs, kwnames);                                \
    }

TIME_CLOCK_FUNCTIONS(time, CLOCK_REALTIME)
TIME_CLOCK_FUNCTIONS(monotonic, CLOCK_MONOTONIC)
TIME_CLOCK_FUNCTIONS(perf_counter, CLOCK_MONOTONIC)
TIME_CLOCK_FUNCTIONS(process_time, CLOCK_PROCESS_CPUTIME_ID)
TIME_CLOCK_FUNCTIONS(thread_time, CLOCK_THREAD_CPUTIME_ID)

/* The clock id argument of clock_gettime() and friends. */
static int time_clock_arg(gp_object_t *arg, clockid_t *clock)
{
    if (!gp_int_check(arg)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
        return -1;
    }
    int overflow;
    int64_t v = gp_int_as_i64_overflow(arg, &overflow);
    if (overflow || v < INT32_MIN || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *clock = (clockid_t)v;
    return 0;
}

static gp_object_t *time_clock_gettime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    clockid_t clock;
    struct timespec ts;
    if (gp_args_check("clock_gettime", nargs, kwnames, 1, 1) < 0 ||
        time_clock_arg(args[0], &clock) < 0 || time_read_clock(clock, &ts) < 0)
        return NULL;
    return gp_float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static gp_object_t *time_clock_gettime_ns(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    clockid_t clock;
    struct timespec ts;
    if (gp_args_check("clock_gettime_ns", nargs, kwnames, 1, 1) < 0 ||
        time_clock_arg(args[0], &clock) < 0 || time_read_clock(clock, &ts) < 0)
        return NULL;
    return gp_int_from_i64((int64_t)ts.tv_sec * TIME_NS_PER_SEC + ts.tv_nsec);
}

static gp_object_t *time_clock_getres(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    clockid_t clock;
    struct timespec ts;
    if (gp_args_check("clock_getres", nargs, kwnames, 1, 1) < 0 ||
        time_clock_arg(args[0], &clock) < 0)
        return NULL;
    if (clock_getres(clock, &ts) != 0) {
        gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return gp_float_new((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

/* ------------------------------------------------------------------ */
/* sleep                                                                */
/* ------------------------------------------------------------------ */

/* Converts a duration in seconds (int or float) to nanoseconds, with
   CPython's checks. 0, or -1 with an exception set. */
static int time_seconds_arg(gp_object_t *arg, int64_t *ns)
{
    if (GP_IS_SMALL(arg)) {
        intptr_t v = GP_SMALL_VALUE(arg);
        if (v > INT64_MAX / TIME_NS_PER_SEC || v < INT64_MIN / TIME_NS_PER_SEC)
            goto overflow;
        *ns = (int64_t)v * TIME_NS_PER_SEC;
        return 0;
    }
    if (gp_float_check(arg)) {
        double d = gp_float_value(arg);
        if (isnan(d)) {
            gp_err_set_string(&gp_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = ceil(d * 1e9); /* CPython rounds sleep durations up (timeout rounding) */
        if (!(d < 9.2e18 && d > -9.2e18))
            goto overflow;
        *ns = (int64_t)d;
        return 0;
    }
    gp_object_t *index = gp_number_index(arg);
    if (!index)
        return -1;
    int overflow;
    int64_t v = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow || v > INT64_MAX / TIME_NS_PER_SEC || v < INT64_MIN / TIME_NS_PER_SEC)
        goto overflow;
    *ns = v * TIME_NS_PER_SEC;
    return 0;
overflow:
    gp_err_set_string(&gp_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    return -1;
}

/* Waits of at least this long go to the libuv service loop; shorter ones
   sleep in the kernel directly, because libuv timers count milliseconds. */
#define TIME_LOOP_MIN_NS 2000000

/* Sleeps until [deadline] (CLOCK_MONOTONIC) in the kernel, GIL released.
   Returns 0, or EINTR when a signal arrived. */
static int time_sleep_kernel(const struct timespec *deadline)
{
    gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_SLEEP);
    int rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, deadline, NULL);
    gp_gil_acquire_after_blocking(ts);
    return rc;
}

/* Waits [ns] nanoseconds with the GIL released, so other threads run
   meanwhile. Long waits are libuv timers on the runtime's service loop
   (runtime/loop.c); the main thread's wait ends early on Ctrl-C, and the
   eval breaker then raises KeyboardInterrupt (-1 returned). */
static int time_sleep_wait(int64_t ns)
{
    gp_runtime_t *rt = gp_runtime();
    gp_thread_state_t *me = gp_tstate();
    if (ns >= TIME_LOOP_MIN_NS) {
        gp_service_loop_t *loop = gp_runtime_service_loop();
        if (!loop)
            return -1;
        _Atomic int *interrupt = me == rt->main_thread ? &rt->pending_sigint : NULL;
        gp_thread_state_t *ts = gp_gil_release_for_wait(GP_WAIT_KIND_SLEEP);
        gp_wait_status_t status = gp_service_loop_sleep(loop, (uint64_t)ns, interrupt);
        gp_gil_acquire_after_blocking(ts);
        if (status == GP_WAIT_DONE)
            return 0;
        if (status == GP_WAIT_INTERRUPTED)
            return gp_runtime_handle_breaker() < 0 ? -1 : 0;
        gp_err_set_string(&gp_exc_RuntimeError, "time.sleep(): the event loop is not running");
        return -1;
    }

    struct timespec deadline;
    if (time_read_clock(CLOCK_MONOTONIC, &deadline) < 0)
        return -1;
    int64_t total = (int64_t)deadline.tv_nsec + ns % TIME_NS_PER_SEC;
    deadline.tv_sec += (time_t)(ns / TIME_NS_PER_SEC + total / TIME_NS_PER_SEC);
    deadline.tv_nsec = (long)(total % TIME_NS_PER_SEC);
    for (;;) {
        int rc = time_sleep_kernel(&deadline);
        if (rc == 0)
            return 0;
        if (rc != EINTR) {
            gp_err_set_from_errno(rc, NULL);
            return -1;
        }
        if (gp_runtime_handle_breaker() < 0)
            return -1;
    }
}

static gp_object_t *time_sleep(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("time.sleep", nargs, kwnames, 1, 1) < 0)
        return NULL;
    int64_t ns;
    if (time_seconds_arg(args[0], &ns) < 0)
        return NULL;
    if (ns < 0) {
        gp_err_set_string(&gp_exc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    if (time_sleep_wait(ns) < 0)
        return NULL;
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* struct_time <-> struct tm                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *time_tm_to_struct(const struct tm *tm)
{
    if (gp_structseq_type_init(&time_struct_time_type) < 0)
        return NULL;
    gp_object_t *st = gp_structseq_new(&time_struct_time_type);
    if (!st)
        return NULL;
    const int values[9] = {
        tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
        (tm->tm_wday + 6) % 7, tm->tm_yday + 1, tm->tm_isdst,
    };
    for (size_t i = 0; i < 9; i++)
        gp_structseq_set(st, i, GP_SMALL_NEW(values[i]));
    gp_object_t *zone = gp_str_from_cstr(tm->tm_zone ? tm->tm_zone : "");
    if (!zone) {
        GP_DECREF(st);
        return NULL;
    }
    gp_structseq_set(st, 9, zone);
    gp_structseq_set(st, 10, gp_int_from_i64(tm->tm_gmtoff));
    return st;
}

/* A C int from a time tuple item. */
static int time_tuple_int(gp_object_t *item, int *out)
{
    if (GP_IS_SMALL(item)) {
        intptr_t v = GP_SMALL_VALUE(item);
        if (v >= INT32_MIN && v <= INT32_MAX) {
            *out = (int)v;
            return 0;
        }
    }
    if (!gp_int_check(item)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer", item);
        return -1;
    }
    int overflow;
    int64_t v = gp_int_as_i64_overflow(item, &overflow);
    if (overflow || v < INT32_MIN || v > INT32_MAX) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* Converts a 9-tuple (or struct_time) to struct tm as CPython's gettmarg:
   fields are shifted to C's conventions, nothing is range-checked yet.
   [zone] receives a new reference to the tm_zone str when there is one
   (tm->tm_zone points into it). */
static int time_tuple_to_tm(const char *fname, gp_object_t *tuple, struct tm *tm,
                            gp_object_t **zone)
{
    memset(tm, 0, sizeof *tm);
    *zone = NULL;
    if (!gp_tuple_check(tuple) || GP_TUPLE_SIZE(tuple) != 9) {
        gp_err_format(&gp_exc_TypeError, "%s(): illegal time tuple argument", fname);
        return -1;
    }
    int v[9];
    for (size_t i = 0; i < 9; i++) {
        if (time_tuple_int(GP_TUPLE_GET(tuple, i), &v[i]) < 0)
            return -1;
    }
    tm->tm_year = v[0] - 1900;
    tm->tm_mon = v[1] - 1;
    tm->tm_mday = v[2];
    tm->tm_hour = v[3];
    tm->tm_min = v[4];
    tm->tm_sec = v[5];
    tm->tm_wday = (v[6] + 1) % 7;
    if (tm->tm_wday < 0)
        tm->tm_wday += 7;
    tm->tm_yday = v[7] - 1;
    tm->tm_isdst = v[8];
    if (GP_TYPE(tuple) == &time_struct_time_type.type) {
        gp_object_t *z = gp_structseq_get(tuple, 9);
        if (z && gp_str_check(z)) {
            *zone = GP_INCREF(z);
            tm->tm_zone = gp_str_utf8(z);
        }
        gp_object_t *off = gp_structseq_get(tuple, 10);
        if (off && gp_int_check(off)) {
            int overflow;
            tm->tm_gmtoff = (long)gp_int_as_i64_overflow(off, &overflow);
        }
    }
    return 0;
}

/* CPython's checktm(), after strftime's and asctime's zero fix-ups. */
static int time_check_tm(struct tm *tm)
{
    if (tm->tm_mon == -1)
        tm->tm_mon = 0;
    else if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        gp_err_set_string(&gp_exc_ValueError, "month out of range");
        return -1;
    }
    if (tm->tm_mday == 0)
        tm->tm_mday = 1;
    else if (tm->tm_mday < 0 || tm->tm_mday > 31) {
        gp_err_set_string(&gp_exc_ValueError, "day of month out of range");
        return -1;
    }
    if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        gp_err_set_string(&gp_exc_ValueError, "hour out of range");
        return -1;
    }
    if (tm->tm_min < 0 || tm->tm_min > 59) {
        gp_err_set_string(&gp_exc_ValueError, "minute out of range");
        return -1;
    }
    if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        gp_err_set_string(&gp_exc_ValueError, "seconds out of range");
        return -1;
    }
    if (tm->tm_wday < 0) {
        gp_err_set_string(&gp_exc_ValueError, "day of week out of range");
        return -1;
    }
    if (tm->tm_yday == -1)
        tm->tm_yday = 0;
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        gp_err_set_string(&gp_exc_ValueError, "day of year out of range");
        return -1;
    }
    return 0;
}

/* The seconds argument of gmtime/localtime/ctime: None or absent means now;
   floats are floored. */
static int time_timestamp_arg(gp_object_t *arg, time_t *out)
{
    if (!arg || arg == gp_None) {
        *out = time(NULL);
        return 0;
    }
    if (GP_IS_SMALL(arg)) {
        *out = (time_t)GP_SMALL_VALUE(arg);
        return 0;
    }
    if (gp_float_check(arg)) {
        double d = gp_float_value(arg);
        if (isnan(d)) {
            gp_err_set_string(&gp_exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = floor(d);
        if (!(d >= -9.2e18 && d <= 9.2e18))
            goto overflow;
        *out = (time_t)d;
        return 0;
    }
    gp_object_t *index = gp_number_index(arg);
    if (!index)
        return -1;
    int overflow;
    int64_t v = gp_int_as_i64_overflow(index, &overflow);
    GP_DECREF(index);
    if (overflow)
        goto overflow;
    *out = (time_t)v;
    return 0;
overflow:
    gp_err_set_string(&gp_exc_OverflowError, "timestamp out of range for platform time_t");
    return -1;
}

/* gmtime()/localtime() of [arg], or NULL with an exception. */
static gp_object_t *time_convert(gp_object_t *arg, bool local)
{
    time_t t;
    if (time_timestamp_arg(arg, &t) < 0)
        return NULL;
    struct tm tm;
    errno = 0;
    if (!(local ? localtime_r(&t, &tm) : gmtime_r(&t, &tm))) {
        if (errno == EOVERFLOW || errno == 0)
            gp_err_set_string(&gp_exc_OverflowError, "timestamp out of range for platform time_t");
        else
            gp_err_set_from_errno(errno, NULL);
        return NULL;
    }
    return time_tm_to_struct(&tm);
}

static gp_object_t *time_gmtime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("gmtime", nargs, kwnames, 0, 1) < 0)
        return NULL;
    return time_convert(nargs ? args[0] : NULL, false);
}

static gp_object_t *time_localtime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_args_check("localtime", nargs, kwnames, 0, 1) < 0)
        return NULL;
    return time_convert(nargs ? args[0] : NULL, true);
}

/* The struct tm for an optional time-tuple argument: the tuple's, or the
   current local time. */
static int time_tm_arg(const char *fname, gp_object_t *arg, struct tm *tm, gp_object_t **zone)
{
    if (arg && arg != gp_None)
        return time_tuple_to_tm(fname, arg, tm, zone);
    *zone = NULL;
    time_t now = time(NULL);
    if (!localtime_r(&now, tm)) {
        gp_err_set_from_errno(errno, NULL);
        return -1;
    }
    return 0;
}

static gp_object_t *time_mktime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    if (gp_args_check("mktime", nargs, kwnames, 1, 1) < 0)
        return NULL;
    struct tm tm;
    gp_object_t *zone;
    if (time_tuple_to_tm("mktime", args[0], &tm, &zone) < 0)
        return NULL;
    tm.tm_wday = -1; /* mktime() sets it on success: tells -1 (an error) from 1969-12-31 23:59:59 */
    time_t t = mktime(&tm);
    GP_XDECREF(zone);
    if (t == (time_t)-1 && tm.tm_wday == -1) {
        gp_err_set_string(&gp_exc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return gp_float_new((double)t);
}

static const char *const time_day_names[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const time_month_names[12] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* asctime()'s fixed layout, as CPython writes it (not the C library's). */
static gp_object_t *time_format_asctime(const struct tm *tm)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", time_day_names[tm->tm_wday % 7],
             time_month_names[tm->tm_mon % 12], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
             tm->tm_year + 1900);
    return gp_str_from_cstr(buf);
}

static gp_object_t *time_asctime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_args_check("asctime", nargs, kwnames, 0, 1) < 0)
        return NULL;
    struct tm tm;
    gp_object_t *zone;
    if (time_tm_arg("asctime", nargs ? args[0] : NULL, &tm, &zone) < 0)
        return NULL;
    GP_XDECREF(zone);
    if (time_check_tm(&tm) < 0)
        return NULL;
    return time_format_asctime(&tm);
}

static gp_object_t *time_ctime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("ctime", nargs, kwnames, 0, 1) < 0)
        return NULL;
    time_t t;
    if (time_timestamp_arg(nargs ? args[0] : NULL, &t) < 0)
        return NULL;
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        gp_err_set_string(&gp_exc_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    return time_format_asctime(&tm);
}

static gp_object_t *time_strftime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("strftime", nargs, kwnames, 1, 2) < 0)
        return NULL;
    gp_object_t *format = args[0];
    if (!gp_str_check(format)) {
        gp_err_format(&gp_exc_TypeError, "strftime() argument 1 must be str, not %T", format);
        return NULL;
    }
    struct tm tm;
    gp_object_t *zone;
    if (time_tm_arg("strftime", nargs > 1 ? args[1] : NULL, &tm, &zone) < 0)
        return NULL;
    gp_object_t *result = NULL;
    if (time_check_tm(&tm) < 0)
        goto done;
    if (tm.tm_isdst < -1)
        tm.tm_isdst = -1;
    else if (tm.tm_isdst > 1)
        tm.tm_isdst = 1;

    size_t fmt_len = gp_str_utf8_len(format);
    if (fmt_len == 0) {
        result = gp_str_from_utf8("", 0);
        goto done;
    }
    if (memchr(gp_str_utf8(format), '\0', fmt_len)) {
        gp_err_set_string(&gp_exc_ValueError, "embedded null character");
        goto done;
    }
    /* A zero return is ambiguous (empty result or too small a buffer), so
       the buffer grows until it is clearly big enough, as CPython does. */
    for (size_t size = 256 + fmt_len;; size *= 2) {
        char *buf = gp_mem_alloc(size);
        if (!buf) {
            gp_err_no_memory();
            goto done;
        }
        size_t n = strftime(buf, size, gp_str_utf8(format), &tm);
        if (n > 0 || size >= 256 * fmt_len + 1024) {
            result = gp_str_from_utf8(buf, n);
            gp_mem_free(buf);
            goto done;
        }
        gp_mem_free(buf);
    }
done:
    GP_XDECREF(zone);
    return result;
}

/* strptime(string[, format]): parsed by the C library's strptime(), then
   completed as CPython's _strptime completes it: missing fields default to
   1900-01-01 00:00:00, the weekday and day of the year are computed, and
   tm_isdst is -1 (unknown). The C parser accepts the same directives;
   corner cases of the text it accepts may differ from CPython's regular
   expressions. */
static gp_object_t *time_strptime(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    if (gp_args_check("strptime", nargs, kwnames, 1, 2) < 0)
        return NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (!gp_str_check(args[i])) {
            gp_err_format(&gp_exc_TypeError, "strptime() argument %zu must be str, not <class '%s'>",
                          i, gp_type_name(GP_TYPE(args[i])));
            return NULL;
        }
    }
    const char *text = gp_str_utf8(args[0]);
    const char *format = nargs > 1 ? gp_str_utf8(args[1]) : "%a %b %d %H:%M:%S %Y";
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_mday = 1;
    const char *rest = strptime(text, format, &tm);
    if (!rest) {
        gp_object_t *fmt = nargs > 1 ? GP_INCREF(args[1]) : gp_str_from_cstr(format);
        if (fmt) {
            gp_err_format(&gp_exc_ValueError, "time data %R does not match format %R", args[0], fmt);
            GP_DECREF(fmt);
        }
        return NULL;
    }
    if (*rest) {
        gp_err_format(&gp_exc_ValueError, "unconverted data remains: %s", rest);
        return NULL;
    }
    /* timegm() normalises a copy and yields the weekday and day of year. */
    struct tm full = tm;
    time_t t = timegm(&full);
    struct tm check;
    if (gmtime_r(&t, &check)) {
        tm.tm_wday = check.tm_wday;
        tm.tm_yday = check.tm_yday;
    }
    tm.tm_isdst = -1;
    gp_object_t *st = time_tm_to_struct(&tm);
    if (!st)
        return NULL;
    /* No %z/%Z: the zone fields are unknown, as CPython reports them. */
    gp_structseq_set(st, 9, gp_none_new());
    gp_structseq_set(st, 10, gp_none_new());
    return st;
}

/* ------------------------------------------------------------------ */
/* Time zone attributes                                                 */
/* ------------------------------------------------------------------ */

/* Sets timezone, altzone, daylight and tzname from the C library's view of
   this year's January and July, exactly as CPython's init_timezone(). */
static int time_init_timezone(gp_object_t *m)
{
    tzset();
    const time_t year = (time_t)((365 * 24 + 6) * 3600);
    time_t t = (time(NULL) / year) * year;
    struct tm jan, jul;
    if (!localtime_r(&t, &jan))
        memset(&jan, 0, sizeof jan);
    t += year / 2;
    if (!localtime_r(&t, &jul))
        memset(&jul, 0, sizeof jul);
    long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
    char janname[16], julname[16];
    snprintf(janname, sizeof janname, "%s", jan.tm_zone ? jan.tm_zone : "   ");
    snprintf(julname, sizeof julname, "%s", jul.tm_zone ? jul.tm_zone : "   ");

    long timezone_, altzone;
    const char *std_name, *dst_name;
    if (janzone < julzone) {
        /* Southern hemisphere: daylight time is in January. */
        timezone_ = julzone;
        altzone = janzone;
        std_name = julname;
        dst_name = janname;
    } else {
        timezone_ = janzone;
        altzone = julzone;
        std_name = janname;
        dst_name = julname;
    }
    if (gp_module_add_int(m, "timezone", timezone_) < 0 ||
        gp_module_add_int(m, "altzone", altzone) < 0 ||
        gp_module_add_int(m, "daylight", janzone != julzone) < 0)
        return -1;
    gp_object_t *a = gp_str_from_cstr(std_name);
    gp_object_t *b = a ? gp_str_from_cstr(dst_name) : NULL;
    gp_object_t *names = b ? gp_tuple_pack(2, a, b) : NULL;
    GP_XDECREF(a);
    GP_XDECREF(b);
    if (!names)
        return -1;
    int rc = gp_module_add_object(m, "tzname", names);
    GP_DECREF(names);
    return rc;
}

static gp_object_t *time_tzset(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    if (gp_args_check("tzset", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (self && time_init_timezone(self) < 0)
        return NULL;
    return gp_none_new();
}

/* ------------------------------------------------------------------ */
/* The module                                                           */
/* ------------------------------------------------------------------ */

static const gp_method_def_t time_functions[] = {
    {"time", time_time, 0, "Return the current time in seconds since the Epoch."},
    {"time_ns", time_time_ns, 0, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", time_monotonic, 0, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", time_monotonic_ns, 0, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", time_perf_counter, 0, "Performance counter for benchmarking."},
    {"perf_counter_ns", time_perf_counter_ns, 0, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", time_process_time, 0, "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", time_process_time_ns, 0, "Process time for profiling as nanoseconds."},
    {"thread_time", time_thread_time, 0, "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", time_thread_time_ns, 0, "Thread time for profiling as nanoseconds."},
    {"clock_gettime", time_clock_gettime, 0, "Return the time of the specified clock clk_id."},
    {"clock_gettime_ns", time_clock_gettime_ns, 0, "Return the time of the specified clock clk_id as nanoseconds."},
    {"clock_getres", time_clock_getres, 0, "Return the resolution (precision) of the specified clock clk_id."},
    {"sleep", time_sleep, 0, "Delay execution for a given number of seconds."},
    {"gmtime", time_gmtime, 0, "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, 0, "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, 0, "Convert a time tuple in local time to seconds since the Epoch."},
    {"asctime", time_asctime, 0, "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, 0, "Convert a time in seconds since the Epoch to a string in local time."},
    {"strftime", time_strftime, 0, "Convert a time tuple to a string according to a format specification."},
    {"strptime", time_strptime, 0, "Parse a string to a time tuple according to a format specification."},
    {"tzset", time_tzset, 0, "Initialize, or reinitialize, the local timezone."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_time_module_create(void)
{
    if (gp_structseq_type_init(&time_struct_time_type) < 0)
        return NULL;
    gp_object_t *m = gp_module_new("time");
    if (!m)
        return NULL;
    if (gp_module_add_functions(m, time_functions) < 0 ||
        gp_module_add_object(m, "struct_time", (gp_object_t *)&time_struct_time_type.type) < 0 ||
        gp_module_add_int(m, "_STRUCT_TM_ITEMS", 11) < 0 ||
        gp_module_add_int(m, "CLOCK_REALTIME", CLOCK_REALTIME) < 0 ||
        gp_module_add_int(m, "CLOCK_MONOTONIC", CLOCK_MONOTONIC) < 0 ||
        gp_module_add_int(m, "CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW) < 0 ||
        gp_module_add_int(m, "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID) < 0 ||
        gp_module_add_int(m, "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID) < 0 ||
        gp_module_add_int(m, "CLOCK_BOOTTIME", CLOCK_BOOTTIME) < 0 ||
        time_init_timezone(m) < 0) {
        GP_DECREF(m);
        return NULL;
    }
    return m;
}
