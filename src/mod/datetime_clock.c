/*
 * datetime_clock.c - POSIX timestamps and the system clock for `_datetime`:
 * datetime.fromtimestamp, datetime.now and datetime.timestamp.
 *
 * Design notes
 * ------------
 * These are the conversions programs call per record (a log line's
 * timestamp, a row's), so the common cases are done here and everything
 * else is handed to the Python methods lib/datetime.py wrote first, under
 * the names _fromtimestamp_slow and _timestamp_slow:
 *
 *   - fromtimestamp(t) and fromtimestamp(t, tz) for our own datetime class,
 *     an int or float t, and no tz or a tz of the fixed-offset timezone
 *     class (its offset is read from its _offset);
 *   - timestamp() of a naive value, or of one whose tzinfo is a timezone.
 *
 * A float timestamp splits into whole seconds and a fraction that is
 * rounded to microseconds half to even on its own, as the Python code
 * does; local time comes from localtime_r, whose tm_gmtoff is the offset.
 *
 * Local wall-clock fields name an instant only up to the offset in force,
 * so timestamp() of a naive value reads the fields as UTC, looks at the
 * offsets a day either side, and when they differ (a clock change is
 * near) tries both, with fold choosing between two real answers and
 * between the two readings of a skipped time (PEP 495), exactly as
 * _local_seconds in lib/datetime.py explains at length.
 */
#include <math.h>
#include <stdint.h>
#include <time.h>

#include "mod/datetime.h"
#include "obj/containers.h"
#include "obj/object.h"

#define EPOCH_ORDINAL 719163 /* 1970-01-01 */

/* The local UTC offset in seconds at POSIX time [t]; false when the C
   library cannot say. */
static bool local_offset(int64_t t, long *offset)
{
    time_t when = (time_t)t;
    struct tm fields;
    if (!localtime_r(&when, &fields))
        return false;
    *offset = fields.tm_gmtoff;
    return true;
}

/* Whole seconds and microseconds of an int or finite float timestamp;
   false for anything else (the slow road then words the error). */
static bool timestamp_split(gp_object_t *t, int64_t *seconds, int *micro)
{
    if (GP_IS_SMALL(t)) {
        *seconds = GP_SMALL_VALUE(t);
        *micro = 0;
        return true;
    }
    if (!GP_IS_TYPE(t, gp_float_type))
        return false;
    double v = gp_float_value(t);
    if (!isfinite(v) || fabs(v) > 1e15)
        return false;
    double whole, fraction = modf(v, &whole);
    /* nearbyint rounds half to even in the default rounding mode, as
       Python's round() does. */
    int64_t us = (int64_t)nearbyint(fraction * 1e6);
    int64_t s = (int64_t)whole;
    if (us >= DT_US_PER_SECOND) {
        s++;
        us -= DT_US_PER_SECOND;
    } else if (us < 0) {
        s--;
        us += DT_US_PER_SECOND;
    }
    *seconds = s;
    *micro = (int)us;
    return true;
}

/* A datetime of [type] at [us] microseconds after 0001-01-01T00:00 in
   wall-clock terms, with [tzinfo]; NULL (no exception) when out of range. */
static gp_object_t *datetime_from_wall_us(gp_type_t *type, int64_t us, gp_object_t *tzinfo)
{
    if (us < 0 || us >= (int64_t)DT_MAX_ORDINAL * DT_US_PER_DAY)
        return NULL;
    int64_t days = us / DT_US_PER_DAY, rest = us % DT_US_PER_DAY;
    int year, month, day;
    dt_ymd_from_ordinal(days + 1, &year, &month, &day);
    int64_t seconds = rest / DT_US_PER_SECOND;
    return dt_datetime_build(type, year, month, day, (int)(seconds / 3600), (int)(seconds / 60 % 60),
                             (int)(seconds % 60), (int)(rest % DT_US_PER_SECOND), tzinfo, 0);
}

/* The offset of a tzinfo of lib/datetime.py's timezone class in
   microseconds: 1, or 0 when [tz] is something else (or -1 on error). */
static int fixed_zone_offset(gp_object_t *tz, int64_t *offset_us)
{
    gp_object_t *zone_class = dt_helper(&dt_datetime_type, "_timezone_class");
    if (!zone_class)
        return -1;
    if ((gp_object_t *)GP_TYPE(tz) != zone_class)
        return 0;
    gp_object_t *offset = gp_object_getattr_cstr(tz, "_offset");
    if (!offset)
        return -1;
    int ok = dt_delta_check(offset);
    if (ok)
        *offset_us = (int64_t)dt_delta_us(offset);
    GP_DECREF(offset);
    return ok;
}

/* The datetime at POSIX time seconds + micro / 10**6, local when [tz] is
   None; NULL without an exception when the slow road must answer. */
static gp_object_t *datetime_at(gp_type_t *type, int64_t seconds, int micro, gp_object_t *tz,
                                bool *failed)
{
    *failed = false;
    if (type != &dt_datetime_type)
        return NULL;
    if (tz == gp_None) {
        time_t when = (time_t)seconds;
        struct tm f;
        if (!localtime_r(&when, &f) || f.tm_year + 1900 < DT_MIN_YEAR || f.tm_year + 1900 > DT_MAX_YEAR)
            return NULL;
        /* A leap second from the C library folds into the 59th second. */
        return dt_datetime_build(type, f.tm_year + 1900, f.tm_mon + 1, f.tm_mday, f.tm_hour, f.tm_min,
                                 f.tm_sec > 59 ? 59 : f.tm_sec, micro, NULL, 0);
    }
    int64_t offset_us;
    int fixed = fixed_zone_offset(tz, &offset_us);
    if (fixed <= 0) {
        *failed = fixed < 0;
        return NULL;
    }
    if (seconds < -70000000000 || seconds > 300000000000)
        return NULL;
    int64_t utc = ((int64_t)(EPOCH_ORDINAL - 1) * 86400 + seconds) * DT_US_PER_SECOND + micro;
    if (utc < 0 || utc >= (int64_t)DT_MAX_ORDINAL * DT_US_PER_DAY)
        return NULL; /* the Python code raises for an instant out of range */
    return datetime_from_wall_us(type, utc + offset_us, tz);
}

gp_object_t *dt_datetime_fromtimestamp(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    static const char *const names[] = {"timestamp", "tz", NULL};
    gp_object_t *given[2] = {NULL, NULL};
    if (gp_args_parse("fromtimestamp", args, nargs, kwnames, names, 1, given) < 0)
        return NULL;
    gp_object_t *tz = given[1] ? given[1] : gp_None;
    int64_t seconds;
    int micro;
    if (timestamp_split(given[0], &seconds, &micro)) {
        bool failed;
        gp_object_t *result = datetime_at((gp_type_t *)cls, seconds, micro, tz, &failed);
        if (result || failed)
            return result;
    }
    gp_object_t *slow = dt_helper(&dt_datetime_type, "_fromtimestamp_slow");
    if (!slow)
        return NULL;
    gp_object_t *call_args[3] = {cls, given[0], tz};
    return gp_object_call(slow, call_args, 3, NULL);
}

gp_object_t *dt_datetime_now(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    static const char *const names[] = {"tz", NULL};
    gp_object_t *tz = NULL;
    if (gp_args_parse("now", args, nargs, kwnames, names, 0, &tz) < 0)
        return NULL;
    if (!tz)
        tz = gp_None;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    bool failed;
    gp_object_t *result =
        datetime_at((gp_type_t *)cls, (int64_t)now.tv_sec, (int)(now.tv_nsec / 1000), tz, &failed);
    if (result || failed)
        return result;
    gp_object_t *stamp = gp_float_new((double)now.tv_sec + (double)(now.tv_nsec / 1000) / 1e6);
    if (!stamp)
        return NULL;
    gp_object_t *call_args[2] = {stamp, tz};
    gp_object_t *fromtimestamp = gp_object_getattr_cstr(cls, "fromtimestamp");
    result = fromtimestamp ? gp_object_call(fromtimestamp, call_args, 2, NULL) : NULL;
    GP_XDECREF(fromtimestamp);
    GP_DECREF(stamp);
    return result;
}

/* POSIX seconds of a naive value's local wall clock (see the notes);
   false when the C library cannot say. */
static bool local_seconds(int64_t naive, int fold, int64_t *out)
{
    long before, after;
    if (!local_offset(naive - 86400, &before) || !local_offset(naive + 86400, &after))
        return false;
    if (before == after) {
        *out = naive - before;
        return true;
    }
    int64_t first = naive - before, second = naive - after;
    long first_offset, second_offset;
    if (!local_offset(first, &first_offset) || !local_offset(second, &second_offset))
        return false;
    bool first_real = first_offset == before, second_real = second_offset == after;
    if (first_real && second_real)
        *out = fold ? (first > second ? first : second) : (first < second ? first : second);
    else if (first_real || second_real)
        *out = first_real ? first : second;
    else
        *out = fold ? second : first;
    return true;
}

gp_object_t *dt_datetime_timestamp(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_check_noargs("datetime.timestamp", nargs) < 0)
        return NULL;
    dt_datetime_t *dt = DT_DATETIME(self);
    int64_t ordinal = dt_ordinal_from_ymd(dt->date.year, dt->date.month, dt->date.day);
    int64_t naive = (ordinal - EPOCH_ORDINAL) * 86400 + dt->hour * 3600 + dt->minute * 60 + dt->second;
    if (!dt->tzinfo) {
        int64_t seconds;
        if (local_seconds(naive, dt->fold, &seconds))
            return gp_float_new((double)seconds + (double)dt->microsecond / 1e6);
    } else {
        int64_t offset_us;
        int fixed = fixed_zone_offset(dt->tzinfo, &offset_us);
        if (fixed < 0)
            return NULL;
        if (fixed) {
            int64_t us = naive * DT_US_PER_SECOND + dt->microsecond - offset_us;
            const int64_t exact = (int64_t)1 << 53;
            if (us > -exact && us < exact)
                return gp_float_new((double)us / 1e6);
        }
    }
    gp_object_t *slow = dt_helper(&dt_datetime_type, "_timestamp_slow");
    return slow ? gp_object_call(slow, &self, 1, NULL) : NULL;
}
