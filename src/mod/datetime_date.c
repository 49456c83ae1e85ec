/*
 * datetime_date.c - the calendar arithmetic of `_datetime` and its date type.
 *
 * Design notes
 * ------------
 * Days are proleptic Gregorian ordinals: 0001-01-01 is day 1, a Monday,
 * so (ordinal + 6) % 7 is the weekday. Converting an ordinal back to a
 * date peels off whole 400-year cycles (146097 days each), then
 * centuries, 4-year groups and years; the one subtle case is the last day
 * of a leap cycle, where the century or year count comes out one too
 * high and names the 366th day of the previous year.
 *
 * A date keeps its fields as given. Comparing two dates compares one key,
 * (year * 13 + month) * 32 + day, which orders as the (year, month, day)
 * tuple does. Adding days stays inside the month when it can and only
 * otherwise goes through the ordinal.
 *
 * What the C side does not word itself it leaves to lib/datetime.py: a
 * constructor given anything but three in-range small ints calls
 * _checked_date, which picks CPython's message (or converts __index__
 * values), and fromisoformat hands any text that is not exactly
 * YYYY-MM-DD to _iso_date_slow. Both are found in the type's dict, where
 * lib/datetime.py put them with _add_methods().
 *
 * Subclasses. As in CPython, arithmetic on an instance of a subclass
 * builds its result by calling the subclass with the fields, so that its
 * __new__ runs; our own type is allocated directly.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mod/datetime.h"
#include "obj/containers.h"
#include "obj/object.h"
#include "obj/str.h"

/* ------------------------------------------------------------------ */
/* The calendar                                                         */
/* ------------------------------------------------------------------ */

/* Days before the first of each month in a common year; index 13 is the
   year's length. */
static const int days_before_month[14] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
static const int days_in_month[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool dt_is_leap(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int dt_days_in_month(int year, int month)
{
    return month == 2 && dt_is_leap(year) ? 29 : days_in_month[month];
}

int64_t dt_ordinal_from_ymd(int year, int month, int day)
{
    int64_t past = year - 1;
    int64_t before_year = past * 365 + past / 4 - past / 100 + past / 400;
    int before_month = days_before_month[month] + (month > 2 && dt_is_leap(year));
    return before_year + before_month + day;
}

void dt_ymd_from_ordinal(int64_t ordinal, int *year, int *month, int *day)
{
    int64_t n = ordinal - 1; /* days since 0001-01-01 */
    int64_t cycles400 = n / 146097;
    n %= 146097;
    int64_t centuries = n / 36524;
    n %= 36524;
    int64_t groups4 = n / 1461;
    n %= 1461;
    int64_t years = n / 365;
    n %= 365;
    int64_t y = cycles400 * 400 + centuries * 100 + groups4 * 4 + years + 1;
    if (years == 4 || centuries == 4) {
        /* The last day of a leap cycle: December 31 of the year before. */
        *year = (int)(y - 1);
        *month = 12;
        *day = 31;
        return;
    }
    *year = (int)y;
    int leap = dt_is_leap((int)y);
    int m = (int)(n / 32) + 1; /* never past the right month, at most one short */
    int next_start = days_before_month[m + 1] + (m + 1 > 2 && leap);
    if (n >= next_start)
        m++;
    *month = m;
    *day = (int)(n - (days_before_month[m] + (m > 2 && leap))) + 1;
}

/* ------------------------------------------------------------------ */
/* Building dates                                                       */
/* ------------------------------------------------------------------ */

gp_object_t *dt_date_build(gp_type_t *type, int year, int month, int day)
{
    if (type != &dt_date_type) {
        gp_object_t *fields[3] = {GP_SMALL_NEW(year), GP_SMALL_NEW(month), GP_SMALL_NEW(day)};
        return gp_object_call((gp_object_t *)type, fields, 3, NULL);
    }
    gp_object_t *self = gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    DT_DATE(self)->year = year;
    DT_DATE(self)->month = (uint8_t)month;
    DT_DATE(self)->day = (uint8_t)day;
    return self;
}

/* Are these three valid date fields? */
static bool date_fields_valid(int64_t year, int64_t month, int64_t day)
{
    return year >= DT_MIN_YEAR && year <= DT_MAX_YEAR && month >= 1 && month <= 12 && day >= 1 &&
           (day <= 28 || day <= dt_days_in_month((int)year, (int)month));
}

/* Reads three valid fields from [values] (small ints), or has
   lib/datetime.py's _checked_date check and convert them, raising what
   CPython raises. 0 or -1. */
static int date_fields_read(gp_object_t *const values[3], int out[3])
{
    gp_object_t *y = values[0], *m = values[1], *d = values[2];
    if (y && m && d && GP_IS_SMALL(y) && GP_IS_SMALL(m) && GP_IS_SMALL(d) &&
        date_fields_valid(GP_SMALL_VALUE(y), GP_SMALL_VALUE(m), GP_SMALL_VALUE(d))) {
        out[0] = (int)GP_SMALL_VALUE(y);
        out[1] = (int)GP_SMALL_VALUE(m);
        out[2] = (int)GP_SMALL_VALUE(d);
        return 0;
    }
    gp_object_t *check = dt_helper(&dt_date_type, "_checked_date");
    if (!check)
        return -1;
    gp_object_t *args[3] = {y ? y : gp_None, m ? m : gp_None, d ? d : gp_None};
    gp_object_t *fields = gp_object_call(check, args, 3, NULL);
    if (!fields)
        return -1;
    for (int i = 0; i < 3; i++)
        out[i] = (int)GP_SMALL_VALUE(GP_TUPLE_GET(fields, i));
    GP_DECREF(fields);
    return 0;
}

static const char *const date_arg_names[] = {"year", "month", "day", NULL};

static gp_object_t *date_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    gp_object_t *given[3] = {NULL, NULL, NULL};
    if (nargs == 3 && !kwnames) {
        given[0] = args[0];
        given[1] = args[1];
        given[2] = args[2];
    } else if (gp_args_parse("date", args, nargs, kwnames, date_arg_names, 1, given) < 0) {
        return NULL;
    }
    int fields[3];
    if (date_fields_read(given, fields) < 0)
        return NULL;
    gp_object_t *self = gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    DT_DATE(self)->year = fields[0];
    DT_DATE(self)->month = (uint8_t)fields[1];
    DT_DATE(self)->day = (uint8_t)fields[2];
    if (type->flags & GP_TYPE_FLAG_GC)
        gp_gc_track(self);
    return self;
}

static void date_dealloc(gp_object_t *self)
{
    gp_object_free(self);
}

/* ------------------------------------------------------------------ */
/* Fields and text                                                      */
/* ------------------------------------------------------------------ */

static gp_object_t *date_get_year(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DATE(self)->year);
}

static gp_object_t *date_get_month(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DATE(self)->month);
}

static gp_object_t *date_get_day(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DATE(self)->day);
}

void dt_date_text(const dt_date_t *date, char *out)
{
    char text[16];
    snprintf(text, sizeof text, "%04d-%02d-%02d", (int)date->year, date->month, date->day);
    memcpy(out, text, 10);
}

static gp_object_t *date_isoformat(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_check_noargs("date.isoformat", nargs) < 0)
        return NULL;
    char text[10];
    dt_date_text(DT_DATE(self), text);
    return gp_str_from_utf8(text, 10);
}

static gp_object_t *date_str(gp_object_t *self)
{
    char text[10];
    dt_date_text(DT_DATE(self), text);
    return gp_str_from_utf8(text, 10);
}

static gp_object_t *date_repr(gp_object_t *self)
{
    dt_date_t *d = DT_DATE(self);
    return gp_str_from_format("%s(%d, %d, %d)", GP_TYPE(self)->name, (int)d->year, (int)d->month,
                              (int)d->day);
}

static gp_object_t *date_toordinal(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                   gp_object_t *kwnames)
{
    if (gp_check_noargs("date.toordinal", nargs) < 0)
        return NULL;
    dt_date_t *d = DT_DATE(self);
    return gp_int_from_i64(dt_ordinal_from_ymd(d->year, d->month, d->day));
}

static gp_object_t *date_weekday(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    if (gp_check_noargs("date.weekday", nargs) < 0)
        return NULL;
    dt_date_t *d = DT_DATE(self);
    return GP_SMALL_NEW(dt_weekday(dt_ordinal_from_ymd(d->year, d->month, d->day)));
}

static gp_object_t *date_isoweekday(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_check_noargs("date.isoweekday", nargs) < 0)
        return NULL;
    dt_date_t *d = DT_DATE(self);
    return GP_SMALL_NEW(dt_weekday(dt_ordinal_from_ymd(d->year, d->month, d->day)) + 1);
}

static gp_object_t *date_reduce(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                gp_object_t *kwnames)
{
    dt_date_t *d = DT_DATE(self);
    gp_object_t *fields =
        gp_tuple_pack(3, GP_SMALL_NEW(d->year), GP_SMALL_NEW(d->month), GP_SMALL_NEW(d->day));
    if (!fields)
        return NULL;
    gp_object_t *result = gp_tuple_pack(2, (gp_object_t *)GP_TYPE(self), fields);
    GP_DECREF(fields);
    return result;
}

/* replace(year=, month=, day=): like CPython, the copy comes from date's
   own constructor even for a subclass that overrides __new__. */
static gp_object_t *date_replace(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    gp_object_t *given[3] = {NULL, NULL, NULL};
    if (gp_args_parse("replace", args, nargs, kwnames, date_arg_names, 0, given) < 0)
        return NULL;
    dt_date_t *d = DT_DATE(self);
    gp_object_t *values[3] = {
        given[0] && given[0] != gp_None ? given[0] : GP_SMALL_NEW(d->year),
        given[1] && given[1] != gp_None ? given[1] : GP_SMALL_NEW(d->month),
        given[2] && given[2] != gp_None ? given[2] : GP_SMALL_NEW(d->day),
    };
    return date_new(GP_TYPE(self), values, 3, NULL);
}

/* ------------------------------------------------------------------ */
/* Alternative constructors                                             */
/* ------------------------------------------------------------------ */

int dt_scan_iso_date(const char *text, int *year, int *month, int *day)
{
    static const int digit_at[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    if (text[4] != '-' || text[7] != '-')
        return 0;
    int value = 0;
    for (int i = 0; i < 8; i++) {
        char c = text[digit_at[i]];
        if (c < '0' || c > '9')
            return 0;
        value = value * 10 + (c - '0');
    }
    *year = value / 10000;
    *month = value / 100 % 100;
    *day = value % 100;
    return 1;
}

static gp_object_t *date_fromisoformat(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    if (gp_args_check("fromisoformat", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *text = args[0];
    int year, month, day;
    if (gp_str_check(text) && gp_str_utf8_len(text) == 10 &&
        dt_scan_iso_date(gp_str_utf8(text), &year, &month, &day) &&
        date_fields_valid(year, month, day))
        return dt_date_build((gp_type_t *)cls, year, month, day);
    /* Every other text, right or wrong, is read (or refused) in Python. */
    gp_object_t *slow = dt_helper(&dt_date_type, "_iso_date_slow");
    if (!slow)
        return NULL;
    gp_object_t *call_args[2] = {cls, text};
    return gp_object_call(slow, call_args, 2, NULL);
}

static gp_object_t *date_fromordinal(gp_object_t *cls, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    if (gp_args_check("fromordinal", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *n = args[0];
    if (!GP_IS_SMALL(n)) {
        n = gp_number_index(n);
        if (!n)
            return NULL;
        GP_DECREF(n);
        if (!GP_IS_SMALL(n)) {
            gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C long");
            return NULL;
        }
    }
    /* CPython reads the ordinal as a C int, with that conversion's words. */
    int64_t ordinal = GP_SMALL_VALUE(n);
    if (ordinal > INT32_MAX || ordinal < INT32_MIN) {
        gp_err_set_string(&gp_exc_OverflowError, ordinal > 0 ? "signed integer is greater than maximum"
                                                             : "signed integer is less than minimum");
        return NULL;
    }
    if (ordinal < 1) {
        gp_err_set_string(&gp_exc_ValueError, "ordinal must be >= 1");
        return NULL;
    }
    if (ordinal > DT_MAX_ORDINAL) {
        /* CPython names the year the ordinal falls in. */
        int year, month, day;
        dt_ymd_from_ordinal(ordinal, &year, &month, &day);
        gp_err_format(&gp_exc_ValueError, "year %d is out of range", year);
        return NULL;
    }
    int year, month, day;
    dt_ymd_from_ordinal(ordinal, &year, &month, &day);
    return dt_date_build((gp_type_t *)cls, year, month, day);
}

/* ------------------------------------------------------------------ */
/* Comparison, hashing, arithmetic                                      */
/* ------------------------------------------------------------------ */

static int64_t date_key(const dt_date_t *d)
{
    return ((int64_t)d->year * 13 + d->month) * 32 + d->day;
}

static gp_object_t *date_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    /* A datetime on the right is a date too, and date.__eq__ called on one
       compares the dates, as CPython's does; the operators never get here
       for that pair, because the datetime's own (reflected) comparison,
       which refuses to order them, goes first. */
    if (!dt_date_check(b))
        return GP_INCREF(gp_NotImplemented);
    int64_t x = date_key(DT_DATE(a)), y = date_key(DT_DATE(b));
    return dt_compare_result(x < y ? -1 : x > y, op);
}

static intptr_t date_hash(gp_object_t *self)
{
    uint64_t h = (uint64_t)date_key(DT_DATE(self)) * 0x9E3779B97F4A7C15u;
    intptr_t result = (intptr_t)((h ^ (h >> 31)) >> 1);
    return result == -1 ? -2 : result;
}

/* [date] moved by [days], as a date of [date]'s class. */
static gp_object_t *date_shifted(gp_object_t *date, int64_t days)
{
    dt_date_t *d = DT_DATE(date);
    int64_t day = d->day + days;
    if (day > 0 && day <= 28)
        return dt_date_build(GP_TYPE(date), d->year, d->month, (int)day);
    int64_t ordinal = dt_ordinal_from_ymd(d->year, d->month, d->day) + days;
    if (ordinal < 1 || ordinal > DT_MAX_ORDINAL) {
        gp_err_set_string(&gp_exc_OverflowError, "date value out of range");
        return NULL;
    }
    int year, month, mday;
    dt_ymd_from_ordinal(ordinal, &year, &month, &mday);
    return dt_date_build(GP_TYPE(date), year, month, mday);
}

static gp_object_t *date_binop(gp_object_t *a, gp_object_t *b, int op)
{
    op &= ~GP_BINOP_INPLACE;
    if (op == GP_BINOP_ADD) {
        if (dt_date_check(a) && dt_delta_check(b))
            return date_shifted(a, DT_DELTA(b)->days);
        if (dt_delta_check(a) && dt_date_check(b))
            return date_shifted(b, DT_DELTA(a)->days);
        return GP_INCREF(gp_NotImplemented);
    }
    if (op != GP_BINOP_SUB || !dt_date_check(a))
        return GP_INCREF(gp_NotImplemented);
    if (dt_delta_check(b))
        return date_shifted(a, -(int64_t)DT_DELTA(b)->days);
    if (dt_date_check(b) && !dt_datetime_check(b) && !dt_datetime_check(a)) {
        dt_date_t *x = DT_DATE(a), *y = DT_DATE(b);
        int64_t days = dt_ordinal_from_ymd(x->year, x->month, x->day) -
                       dt_ordinal_from_ymd(y->year, y->month, y->day);
        return dt_delta_from_us(&dt_delta_type, (dt_wide_t)days * DT_US_PER_DAY);
    }
    return GP_INCREF(gp_NotImplemented);
}

/* ------------------------------------------------------------------ */
/* The type                                                             */
/* ------------------------------------------------------------------ */

static const gp_method_def_t date_methods[] = {
    {"isoformat", date_isoformat, 0, "Return string in ISO 8601 format, YYYY-MM-DD."},
    {"toordinal", date_toordinal, 0, "Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."},
    {"weekday", date_weekday, 0, "Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6"},
    {"isoweekday", date_isoweekday, 0, "Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7"},
    {"replace", date_replace, GP_METH_KEYWORDS, "Return date with new specified fields."},
    {"__reduce__", date_reduce, 0, "__reduce__() -> (cls, state)"},
    {"fromisoformat", date_fromisoformat, GP_METH_CLASS, "str -> Construct a date from a string in ISO 8601 format."},
    {"fromordinal", date_fromordinal, GP_METH_CLASS, "int -> date corresponding to a proleptic Gregorian ordinal."},
    {NULL, NULL, 0, NULL},
};

int dt_refuse_write(gp_object_t *self, gp_object_t *value, void *closure)
{
    const char *const *names = closure;
    gp_err_format(&gp_exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
                  names[0], names[1]);
    return -1;
}

static const char *const year_names[] = {"year", "datetime.date"};
static const char *const month_names[] = {"month", "datetime.date"};
static const char *const day_names[] = {"day", "datetime.date"};

static const gp_getset_def_t date_getsets[] = {
    {"year", date_get_year, dt_refuse_write, (void *)year_names, NULL},
    {"month", date_get_month, dt_refuse_write, (void *)month_names, NULL},
    {"day", date_get_day, dt_refuse_write, (void *)day_names, NULL},
    {"_year", date_get_year, NULL, NULL, NULL},
    {"_month", date_get_month, NULL, NULL, NULL},
    {"_day", date_get_day, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t dt_date_type = {
    GP_TYPE_HEAD_INIT,
    .name = "datetime.date",
    .basicsize = sizeof(dt_date_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .dealloc = date_dealloc,
    .new_ = date_new,
    .repr = date_repr,
    .str = date_str,
    .hash = date_hash,
    .richcompare = date_richcompare,
    .binop = date_binop,
    .methods = date_methods,
    .getsets = date_getsets,
    .doc = "date(year, month, day) --> date object",
};

int dt_date_module_init(gp_object_t *module)
{
    if (gp_type_ready(&dt_date_type) < 0)
        return -1;
    return gp_module_add_object(module, "date", (gp_object_t *)&dt_date_type);
}
