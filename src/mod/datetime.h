/*
 * datetime.h - what the C files of the `_datetime` module share.
 *
 * Design notes
 * ------------
 * `_datetime` holds the hot half of the datetime module: the value types
 * and their everyday operations. lib/datetime.py imports these types and
 * adds the rarer methods to them in Python (see _add_methods in
 * datetime.c). The files split by type: datetime.c has the module, the
 * shared helpers and timedelta; datetime_date.c has date.
 *
 * Durations are counted in a 128-bit signed integer of microseconds
 * (dt_wide_t): the widest timedelta, 999999999 days, is about 2**66
 * microseconds, so sums and products of two in-range values never wrap,
 * and the range checks can be done after the arithmetic.
 */
#ifndef GP_MOD_DATETIME_H
#define GP_MOD_DATETIME_H

#include <stdint.h>

#include "obj/object.h"

/* A signed 128-bit integer. __extension__ keeps a pedantic build quiet:
   GCC and Clang have the type on every 64-bit target we build for. */
__extension__ typedef __int128 dt_wide_t;

#define DT_US_PER_SECOND ((int64_t)1000000)
#define DT_US_PER_DAY ((int64_t)86400000000)
#define DT_MAX_DELTA_DAYS 999999999
#define DT_MIN_YEAR 1
#define DT_MAX_YEAR 9999
#define DT_MAX_ORDINAL 3652059 /* 9999-12-31 */

/* A timedelta: CPython's three normalised fields. 0 <= seconds < 86400,
   0 <= microseconds < 10**6, |days| <= 999999999. */
typedef struct dt_delta {
    gp_object_t base;
    int32_t days;
    int32_t seconds;
    int32_t microseconds;
} dt_delta_t;

#define DT_DELTA(o) ((dt_delta_t *)(o))

/* A date: the fields as given, already checked. */
typedef struct dt_date {
    gp_object_t base;
    int32_t year;
    uint8_t month;
    uint8_t day;
} dt_date_t;

/* A datetime extends a date with the time of day and the zone. */
typedef struct dt_datetime {
    dt_date_t date;
    uint8_t hour;
    uint8_t minute;
    uint8_t second;
    uint8_t fold;
    int32_t microsecond;
    gp_object_t *tzinfo; /* strong; NULL for naive values (None to Python) */
} dt_datetime_t;

#define DT_DATE(o) ((dt_date_t *)(o))
#define DT_DATETIME(o) ((dt_datetime_t *)(o))

extern gp_type_t dt_delta_type, dt_date_type, dt_datetime_type;

static inline bool dt_date_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && (o->type == &dt_date_type || o->type == &dt_datetime_type ||
                            gp_type_is_subtype(o->type, &dt_date_type));
}

static inline bool dt_datetime_check(gp_object_t *o)
{
    return GP_IS_PTR(o) &&
           (o->type == &dt_datetime_type || gp_type_is_subtype(o->type, &dt_datetime_type));
}

/* A Python helper that lib/datetime.py put in [type]'s dict under [name]
   (borrowed); NULL with RuntimeError when it is missing. */
gp_object_t *dt_helper(gp_type_t *type, const char *name);

static inline bool dt_delta_check(gp_object_t *o)
{
    return GP_IS_PTR(o) && (o->type == &dt_delta_type || gp_type_is_subtype(o->type, &dt_delta_type));
}

/* The span of [delta] in microseconds. */
static inline dt_wide_t dt_delta_us(gp_object_t *delta)
{
    dt_delta_t *d = DT_DELTA(delta);
    return (dt_wide_t)d->days * DT_US_PER_DAY + (dt_wide_t)d->seconds * DT_US_PER_SECOND +
           d->microseconds;
}

/* A new timedelta of [type] spanning [us] microseconds; NULL with
   OverflowError worded as CPython's when it is out of range. */
gp_object_t *dt_delta_from_us(gp_type_t *type, dt_wide_t us);

/* A Python int with the value of [v]. */
gp_object_t *dt_wide_to_int(dt_wide_t v);

/* Floor division and remainder that round towards minus infinity, as
   Python's // and % do; [d] must not be 0. */
static inline dt_wide_t dt_floor_div(dt_wide_t n, dt_wide_t d)
{
    dt_wide_t q = n / d;
    if ((n % d != 0) && ((n < 0) != (d < 0)))
        q--;
    return q;
}

static inline dt_wide_t dt_floor_mod(dt_wide_t n, dt_wide_t d)
{
    return n - dt_floor_div(n, d) * d;
}

/* The answer to a rich comparison [op] given the sign of a - b. */
gp_object_t *dt_compare_result(int sign, gp_cmpop_t op);

/* The calendar (datetime_date.c). Ordinal 1 is 0001-01-01. */
bool dt_is_leap(int year);
int dt_days_in_month(int year, int month);
int64_t dt_ordinal_from_ymd(int year, int month, int day);
void dt_ymd_from_ordinal(int64_t ordinal, int *year, int *month, int *day);

/* The days from 0001-01-01 to [ordinal]'s weekday: Monday is 0. */
static inline int dt_weekday(int64_t ordinal)
{
    return (int)((ordinal + 6) % 7);
}

/* Writes "YYYY-MM-DD" (10 bytes, no NUL) for [date]. */
void dt_date_text(const dt_date_t *date, char *out);

/* A date or datetime of [type] from checked fields: built directly for our
   own types, through the class for a subclass (as CPython does). */
gp_object_t *dt_date_build(gp_type_t *type, int year, int month, int day);
gp_object_t *dt_datetime_build(gp_type_t *type, int year, int month, int day, int hour, int minute,
                               int second, int microsecond, gp_object_t *tzinfo, int fold);

/* Reads "YYYY-MM-DD" at [text]: 1 and the fields when it is one, else 0. */
int dt_scan_iso_date(const char *text, int *year, int *month, int *day);

/* A getset setter that refuses, worded as CPython's: [closure] points at
   two strings, the attribute's name and the type's. */
int dt_refuse_write(gp_object_t *self, gp_object_t *value, void *closure);

/* datetime.fromtimestamp, datetime.now (class methods) and
   datetime.timestamp (datetime_clock.c). */
gp_object_t *dt_datetime_fromtimestamp(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames);
gp_object_t *dt_datetime_now(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames);
gp_object_t *dt_datetime_timestamp(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames);

/* Registers date and datetime on [module]; 0, or -1 with an exception. */
int dt_date_module_init(gp_object_t *module);
int dt_datetime_module_init(gp_object_t *module);

#endif /* GP_MOD_DATETIME_H */
