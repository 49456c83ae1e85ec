/*
 * datetime_datetime.c - the datetime type of `_datetime`.
 *
 * Design notes
 * ------------
 * A datetime is a date (dt_date_t comes first in its struct, and the type
 * derives from date) with the time of day, a fold bit and an optional
 * tzinfo. The everyday work is done here; anything that needs a tzinfo's
 * opinion goes to the Python half, which already knows how to ask it:
 *
 *   - two datetimes with the same tzinfo object (both naive, most often)
 *     compare, subtract and step by their wall-clock fields alone, which
 *     is what CPython does too: it never calls utcoffset() then. Any other
 *     pair is compared by lib/datetime.py's _compare and subtracted by its
 *     _sub_slow, which consult utcoffset() and word the naive/aware errors;
 *   - a naive value hashes its fields here; an aware one is hashed by
 *     _hash_slow, from its UTC instant;
 *   - repr, str and isoformat of a naive value are written here; aware
 *     values and other timespecs go to _repr_slow and _isoformat_slow.
 *
 * The wall-clock "stamp" of a datetime is its microseconds since
 * 0001-01-01T00:00; it orders values of one zone as their fields do, and
 * fits 64 bits (under 2**58).
 *
 * fromisoformat reads the shapes most text takes (YYYY-MM-DD, then any
 * one separator and HH:MM:SS, optionally .ffffff and +HH:MM) by position;
 * an offset becomes a tzinfo through lib/datetime.py's _zone_for, and any
 * other text, valid or not, goes to _iso_datetime_slow.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "mod/datetime.h"
#include "obj/containers.h"
#include "obj/object.h"
#include "obj/str.h"

/* ------------------------------------------------------------------ */
/* Building datetimes                                                   */
/* ------------------------------------------------------------------ */

static gp_object_t *datetime_alloc(gp_type_t *type, int year, int month, int day, int hour,
                                   int minute, int second, int microsecond, gp_object_t *tzinfo,
                                   int fold)
{
    gp_object_t *self = gp_object_alloc(type, 0);
    if (!self)
        return NULL;
    dt_datetime_t *dt = DT_DATETIME(self);
    dt->date.year = year;
    dt->date.month = (uint8_t)month;
    dt->date.day = (uint8_t)day;
    dt->hour = (uint8_t)hour;
    dt->minute = (uint8_t)minute;
    dt->second = (uint8_t)second;
    dt->microsecond = microsecond;
    dt->fold = (uint8_t)fold;
    dt->tzinfo = (tzinfo && tzinfo != gp_None) ? GP_INCREF(tzinfo) : NULL;
    if (type->flags & GP_TYPE_FLAG_GC)
        gp_gc_track(self);
    return self;
}

gp_object_t *dt_datetime_build(gp_type_t *type, int year, int month, int day, int hour, int minute,
                               int second, int microsecond, gp_object_t *tzinfo, int fold)
{
    if (type == &dt_datetime_type)
        return datetime_alloc(type, year, month, day, hour, minute, second, microsecond, tzinfo,
                              fold);
    /* A subclass gets its result from its own constructor, called with the
       eight positional fields as CPython calls it. */
    gp_object_t *fields[8] = {
        GP_SMALL_NEW(year),   GP_SMALL_NEW(month),  GP_SMALL_NEW(day),
        GP_SMALL_NEW(hour),   GP_SMALL_NEW(minute), GP_SMALL_NEW(second),
        GP_SMALL_NEW(microsecond), tzinfo ? tzinfo : gp_None,
    };
    return gp_object_call((gp_object_t *)type, fields, 8, NULL);
}

static const char *const datetime_arg_names[] = {
    "year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "$fold", NULL,
};

/* Are these small-int fields all in range? */
static bool datetime_fields_valid(gp_object_t *const values[9])
{
    for (int i = 0; i < 7; i++)
        if (!values[i] || !GP_IS_SMALL(values[i]))
            return false;
    if (!GP_IS_SMALL(values[8]))
        return false;
    static const int64_t tops[] = {23, 59, 59, 999999};
    for (int i = 3; i < 7; i++) {
        int64_t v = GP_SMALL_VALUE(values[i]);
        if (v < 0 || v > tops[i - 3])
            return false;
    }
    int64_t year = GP_SMALL_VALUE(values[0]), month = GP_SMALL_VALUE(values[1]);
    int64_t day = GP_SMALL_VALUE(values[2]), fold = GP_SMALL_VALUE(values[8]);
    return year >= DT_MIN_YEAR && year <= DT_MAX_YEAR && month >= 1 && month <= 12 && day >= 1 &&
           (day <= 28 || day <= dt_days_in_month((int)year, (int)month)) && (fold == 0 || fold == 1);
}

/* Is [tzinfo] None or an instance of lib/datetime.py's tzinfo? 1, 0, -1. */
static int datetime_zone_ok(gp_object_t *tzinfo)
{
    if (tzinfo == gp_None)
        return 1;
    gp_object_t *zone_class = dt_helper(&dt_datetime_type, "_tzinfo_class");
    if (!zone_class)
        return -1;
    return gp_object_isinstance(tzinfo, zone_class);
}

/* The constructor on nine values (year ... tzinfo, fold; NULL where not
   given): valid small ints are used as they are, anything else goes to
   lib/datetime.py's _checked_datetime, which converts or refuses them. */
static gp_object_t *datetime_new_from(gp_type_t *type, gp_object_t *values[9])
{
    static const int defaults_from = 3;
    for (int i = defaults_from; i < 9; i++)
        if (!values[i])
            values[i] = i == 7 ? gp_None : GP_SMALL_NEW(0);
    int zone_ok = datetime_fields_valid(values) ? datetime_zone_ok(values[7]) : 0;
    if (zone_ok < 0)
        return NULL;
    if (zone_ok)
        return datetime_alloc(type, (int)GP_SMALL_VALUE(values[0]), (int)GP_SMALL_VALUE(values[1]),
                              (int)GP_SMALL_VALUE(values[2]), (int)GP_SMALL_VALUE(values[3]),
                              (int)GP_SMALL_VALUE(values[4]), (int)GP_SMALL_VALUE(values[5]),
                              (int)GP_SMALL_VALUE(values[6]), values[7],
                              (int)GP_SMALL_VALUE(values[8]));
    gp_object_t *check = dt_helper(&dt_datetime_type, "_checked_datetime");
    if (!check)
        return NULL;
    gp_object_t *args[9];
    for (int i = 0; i < 9; i++)
        args[i] = values[i] ? values[i] : gp_None;
    gp_object_t *fields = gp_object_call(check, args, 9, NULL);
    if (!fields)
        return NULL;
    int f[8];
    for (int i = 0; i < 8; i++)
        f[i] = (int)GP_SMALL_VALUE(GP_TUPLE_GET(fields, i));
    GP_DECREF(fields);
    return datetime_alloc(type, f[0], f[1], f[2], f[3], f[4], f[5], f[6], values[7], f[7]);
}

static gp_object_t *datetime_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    gp_object_t *values[9] = {NULL};
    if (!kwnames && nargs >= 3 && nargs <= 8) {
        for (size_t i = 0; i < nargs; i++)
            values[i] = args[i];
    } else if (gp_args_parse("datetime", args, nargs, kwnames, datetime_arg_names, 1, values) < 0) {
        return NULL;
    }
    return datetime_new_from(type, values);
}

static void datetime_dealloc(gp_object_t *self)
{
    GP_CLEAR(DT_DATETIME(self)->tzinfo);
    gp_object_free(self);
}

/* ------------------------------------------------------------------ */
/* Fields                                                               */
/* ------------------------------------------------------------------ */

static gp_object_t *datetime_get_hour(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DATETIME(self)->hour);
}

static gp_object_t *datetime_get_minute(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DATETIME(self)->minute);
}

static gp_object_t *datetime_get_second(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DATETIME(self)->second);
}

static gp_object_t *datetime_get_microsecond(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DATETIME(self)->microsecond);
}

static gp_object_t *datetime_get_fold(gp_object_t *self, void *closure)
{
    return GP_SMALL_NEW(DT_DATETIME(self)->fold);
}

static gp_object_t *datetime_get_tzinfo(gp_object_t *self, void *closure)
{
    gp_object_t *tz = DT_DATETIME(self)->tzinfo;
    return GP_INCREF(tz ? tz : gp_None);
}

/* Microseconds since 0001-01-01T00:00 of the wall-clock fields. */
static int64_t datetime_stamp(gp_object_t *self)
{
    dt_datetime_t *dt = DT_DATETIME(self);
    int64_t days = dt_ordinal_from_ymd(dt->date.year, dt->date.month, dt->date.day) - 1;
    return days * DT_US_PER_DAY +
           (((int64_t)dt->hour * 60 + dt->minute) * 60 + dt->second) * DT_US_PER_SECOND +
           dt->microsecond;
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */
/* ------------------------------------------------------------------ */

/* "YYYY-MM-DD<sep>HH:MM:SS[.ffffff]" into [out] (room for 64 bytes). */
static size_t datetime_text(gp_object_t *self, const char *sep, size_t sep_len, char *out)
{
    dt_datetime_t *dt = DT_DATETIME(self);
    dt_date_text(&dt->date, out);
    size_t n = 10;
    memcpy(out + n, sep, sep_len);
    n += sep_len;
    n += (size_t)snprintf(out + n, 32, "%02d:%02d:%02d", dt->hour, dt->minute, dt->second);
    if (dt->microsecond)
        n += (size_t)snprintf(out + n, 16, ".%06d", (int)dt->microsecond);
    return n;
}

/* Calls lib/datetime.py's helper [name] on self and the arguments. */
static gp_object_t *datetime_call_helper(const char *name, gp_object_t *self,
                                         gp_object_t *const *args, size_t nargs,
                                         gp_object_t *kwnames)
{
    gp_object_t *helper = dt_helper(&dt_datetime_type, name);
    if (!helper)
        return NULL;
    size_t total = nargs + (kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0);
    gp_object_t *all[12];
    if (total + 1 > sizeof all / sizeof all[0]) {
        gp_err_format(&gp_exc_TypeError, "%s: too many arguments", name);
        return NULL;
    }
    all[0] = self;
    for (size_t i = 0; i < total; i++)
        all[i + 1] = args[i];
    return gp_object_call(helper, all, nargs + 1, kwnames);
}

static const char *const isoformat_arg_names[] = {"sep", "timespec", NULL};

static gp_object_t *datetime_isoformat(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                       gp_object_t *kwnames)
{
    gp_object_t *given[2] = {NULL, NULL};
    if (gp_args_parse("isoformat", args, nargs, kwnames, isoformat_arg_names, 0, given) < 0)
        return NULL;
    const char *sep = "T";
    size_t sep_len = 1;
    if (given[0]) {
        if (!gp_str_check(given[0]) || gp_str_length(given[0]) != 1) {
            gp_err_format(&gp_exc_TypeError,
                          "isoformat() argument 1 must be a unicode character, not %T", given[0]);
            return NULL;
        }
        sep = gp_str_utf8(given[0]);
        sep_len = gp_str_utf8_len(given[0]);
    }
    bool auto_spec = !given[1] || (gp_str_check(given[1]) && gp_str_eq_cstr(given[1], "auto"));
    if (auto_spec && !DT_DATETIME(self)->tzinfo) {
        char text[64];
        size_t n = datetime_text(self, sep, sep_len, text);
        return gp_str_from_utf8(text, n);
    }
    gp_object_t *pass[2] = {given[0] ? given[0] : gp_str_static("T"),
                            given[1] ? given[1] : gp_str_static("auto")};
    return datetime_call_helper("_isoformat_slow", self, pass, 2, NULL);
}

static gp_object_t *datetime_str(gp_object_t *self)
{
    if (DT_DATETIME(self)->tzinfo) {
        gp_object_t *space = gp_str_static(" ");
        return datetime_call_helper("_isoformat_slow", self, &space, 1, NULL);
    }
    char text[64];
    size_t n = datetime_text(self, " ", 1, text);
    return gp_str_from_utf8(text, n);
}

static gp_object_t *datetime_repr(gp_object_t *self)
{
    dt_datetime_t *dt = DT_DATETIME(self);
    if (dt->tzinfo || dt->fold)
        return datetime_call_helper("_repr_slow", self, NULL, 0, NULL);
    char clock[48];
    if (dt->microsecond)
        snprintf(clock, sizeof clock, ", %d, %d, %d, %d", dt->hour, dt->minute, dt->second,
                 (int)dt->microsecond);
    else if (dt->second)
        snprintf(clock, sizeof clock, ", %d, %d, %d", dt->hour, dt->minute, dt->second);
    else
        snprintf(clock, sizeof clock, ", %d, %d", dt->hour, dt->minute);
    return gp_str_from_format("%s(%d, %d, %d%s)", GP_TYPE(self)->name, (int)dt->date.year,
                              (int)dt->date.month, (int)dt->date.day, clock);
}

/* ------------------------------------------------------------------ */
/* replace and fromisoformat                                            */
/* ------------------------------------------------------------------ */

/* replace(...): like CPython, the copy comes from datetime's own
   constructor even for a subclass that overrides __new__. tzinfo=None
   makes the copy naive; leaving it out keeps the zone. */
static gp_object_t *datetime_replace(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gp_object_t *given[9] = {NULL};
    if (gp_args_parse("replace", args, nargs, kwnames, datetime_arg_names, 0, given) < 0)
        return NULL;
    dt_datetime_t *dt = DT_DATETIME(self);
    gp_object_t *current[9] = {
        GP_SMALL_NEW(dt->date.year), GP_SMALL_NEW(dt->date.month), GP_SMALL_NEW(dt->date.day),
        GP_SMALL_NEW(dt->hour),      GP_SMALL_NEW(dt->minute),     GP_SMALL_NEW(dt->second),
        GP_SMALL_NEW(dt->microsecond), dt->tzinfo ? dt->tzinfo : gp_None, GP_SMALL_NEW(dt->fold),
    };
    for (int i = 0; i < 9; i++)
        if (given[i] && (i == 7 || given[i] != gp_None))
            current[i] = given[i];
    return datetime_new_from(GP_TYPE(self), current);
}

/* Reads "NN" at [text] into *out; false when not two digits. */
static bool scan_two(const char *text, int *out)
{
    if (text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9')
        return false;
    *out = (text[0] - '0') * 10 + (text[1] - '0');
    return true;
}

/* The quick shapes of the design notes: 1 with the fields (offset_us set
   when the text has one), 0 for any other text. */
static int scan_iso_datetime(const char *text, size_t len, int f[7], bool *has_offset,
                             int64_t *offset_us)
{
    *has_offset = false;
    memset(f, 0, 7 * sizeof f[0]);
    if (len < 10 || !dt_scan_iso_date(text, &f[0], &f[1], &f[2]))
        return 0;
    if (len == 10)
        return 1;
    if (len < 19 || (unsigned char)text[10] >= 0x80 || text[13] != ':' || text[16] != ':' ||
        !scan_two(text + 11, &f[3]) || !scan_two(text + 14, &f[4]) || !scan_two(text + 17, &f[5]))
        return 0;
    size_t pos = 19;
    if (len - pos >= 7 && text[pos] == '.') {
        int micro = 0;
        for (size_t i = 20; i < 26; i++) {
            if (text[i] < '0' || text[i] > '9')
                return 0;
            micro = micro * 10 + (text[i] - '0');
        }
        f[6] = micro;
        pos = 26;
    }
    if (len - pos == 6) {
        char sign = text[pos];
        int hours, minutes;
        if ((sign != '+' && sign != '-') || text[pos + 3] != ':' || !scan_two(text + pos + 1, &hours) ||
            !scan_two(text + pos + 4, &minutes) || hours > 23 || minutes > 59)
            return 0;
        *has_offset = true;
        *offset_us = ((int64_t)hours * 60 + minutes) * 60 * DT_US_PER_SECOND;
        if (sign == '-')
            *offset_us = -*offset_us;
        return 1;
    }
    return len == pos;
}

static gp_object_t *datetime_fromisoformat(gp_object_t *cls, gp_object_t *const *args,
                                           size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("fromisoformat", nargs, kwnames, 1, 1) < 0)
        return NULL;
    gp_object_t *text = args[0];
    int f[7];
    bool has_offset;
    int64_t offset_us = 0;
    if (gp_str_check(text) &&
        scan_iso_datetime(gp_str_utf8(text), gp_str_utf8_len(text), f, &has_offset, &offset_us)) {
        gp_object_t *values[9] = {
            GP_SMALL_NEW(f[0]), GP_SMALL_NEW(f[1]), GP_SMALL_NEW(f[2]), GP_SMALL_NEW(f[3]),
            GP_SMALL_NEW(f[4]), GP_SMALL_NEW(f[5]), GP_SMALL_NEW(f[6]), gp_None, GP_SMALL_NEW(0),
        };
        gp_object_t *zone = NULL;
        if (has_offset) {
            gp_object_t *zone_for = dt_helper(&dt_datetime_type, "_zone_for");
            if (!zone_for)
                return NULL;
            gp_object_t *offset = gp_int_from_i64(offset_us);
            zone = offset ? gp_object_call(zone_for, &offset, 1, NULL) : NULL;
            GP_XDECREF(offset);
            if (!zone)
                return NULL;
            values[7] = zone;
        }
        gp_object_t *result;
        if ((gp_type_t *)cls == &dt_datetime_type)
            result = datetime_new_from(&dt_datetime_type, values);
        else
            result = gp_object_call(cls, values, 8, NULL);
        GP_XDECREF(zone);
        return result;
    }
    gp_object_t *slow = dt_helper(&dt_datetime_type, "_iso_datetime_slow");
    if (!slow)
        return NULL;
    gp_object_t *call_args[2] = {cls, text};
    return gp_object_call(slow, call_args, 2, NULL);
}

/* ------------------------------------------------------------------ */
/* Comparison, hashing, arithmetic                                      */
/* ------------------------------------------------------------------ */

static const char *const compare_names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

static gp_object_t *datetime_richcompare(gp_object_t *a, gp_object_t *b, gp_cmpop_t op)
{
    if (dt_datetime_check(b)) {
        if (DT_DATETIME(a)->tzinfo == DT_DATETIME(b)->tzinfo) {
            int64_t x = datetime_stamp(a), y = datetime_stamp(b);
            return dt_compare_result(x < y ? -1 : x > y, op);
        }
        gp_object_t *compare = dt_helper(&dt_datetime_type, "_compare");
        if (!compare)
            return NULL;
        gp_object_t *args[3] = {a, b, gp_str_static(compare_names[op])};
        return gp_object_call(compare, args, 3, NULL);
    }
    if (dt_date_check(b)) {
        if (op == GP_CMP_EQ || op == GP_CMP_NE)
            return gp_bool_from(op == GP_CMP_NE);
        gp_err_format(&gp_exc_TypeError, "can't compare %s to %s", GP_TYPE(a)->name,
                      GP_TYPE(b)->name);
        return NULL;
    }
    return GP_INCREF(gp_NotImplemented);
}

static intptr_t datetime_hash(gp_object_t *self)
{
    if (DT_DATETIME(self)->tzinfo) {
        gp_object_t *slow = dt_helper(&dt_datetime_type, "_hash_slow");
        gp_object_t *h = slow ? gp_object_call(slow, &self, 1, NULL) : NULL;
        if (!h)
            return -1;
        intptr_t result = gp_object_hash(h);
        GP_DECREF(h);
        return result;
    }
    /* The hash of the stamp as a Python int (which is the stamp itself, a
       non-negative number below 2**61): _hash_slow hashes an aware value's
       UTC stamp the same way, so a value whose tzinfo gives no offset, and
       which therefore equals naive values, hashes as they do. */
    return (intptr_t)datetime_stamp(self);
}

/* [self] moved by [us] microseconds, in the same zone, with fold 0. */
static gp_object_t *datetime_shifted(gp_object_t *self, dt_wide_t us)
{
    dt_datetime_t *dt = DT_DATETIME(self);
    dt_wide_t clock = (((dt_wide_t)dt->hour * 60 + dt->minute) * 60 + dt->second) * DT_US_PER_SECOND +
                      dt->microsecond + us;
    int year = dt->date.year, month = dt->date.month, day = dt->date.day;
    if (clock < 0 || clock >= DT_US_PER_DAY) {
        dt_wide_t days = dt_floor_div(clock, DT_US_PER_DAY);
        clock -= days * DT_US_PER_DAY;
        dt_wide_t moved = day + days;
        if (moved > 0 && (moved <= 28 || moved <= dt_days_in_month(year, month))) {
            day = (int)moved;
        } else {
            dt_wide_t ordinal = dt_ordinal_from_ymd(year, month, day) + days;
            if (ordinal < 1 || ordinal > DT_MAX_ORDINAL) {
                gp_err_set_string(&gp_exc_OverflowError, "date value out of range");
                return NULL;
            }
            dt_ymd_from_ordinal((int64_t)ordinal, &year, &month, &day);
        }
    }
    int64_t c = (int64_t)clock;
    int64_t seconds = c / DT_US_PER_SECOND;
    return dt_datetime_build(GP_TYPE(self), year, month, day, (int)(seconds / 3600),
                             (int)(seconds / 60 % 60), (int)(seconds % 60),
                             (int)(c % DT_US_PER_SECOND), dt->tzinfo, 0);
}

static gp_object_t *datetime_binop(gp_object_t *a, gp_object_t *b, int op)
{
    op &= ~GP_BINOP_INPLACE;
    if (op == GP_BINOP_ADD) {
        if (dt_datetime_check(a) && dt_delta_check(b))
            return datetime_shifted(a, dt_delta_us(b));
        if (dt_delta_check(a) && dt_datetime_check(b))
            return datetime_shifted(b, dt_delta_us(a));
        return GP_INCREF(gp_NotImplemented);
    }
    if (op != GP_BINOP_SUB || !dt_datetime_check(a))
        return GP_INCREF(gp_NotImplemented);
    if (dt_delta_check(b))
        return datetime_shifted(a, -dt_delta_us(b));
    if (!dt_datetime_check(b))
        return GP_INCREF(gp_NotImplemented);
    if (DT_DATETIME(a)->tzinfo == DT_DATETIME(b)->tzinfo)
        return dt_delta_from_us(&dt_delta_type, (dt_wide_t)datetime_stamp(a) - datetime_stamp(b));
    gp_object_t *slow = dt_helper(&dt_datetime_type, "_sub_slow");
    if (!slow)
        return NULL;
    gp_object_t *args[2] = {a, b};
    return gp_object_call(slow, args, 2, NULL);
}

/* ------------------------------------------------------------------ */
/* The type                                                             */
/* ------------------------------------------------------------------ */

static const gp_method_def_t datetime_methods[] = {
    {"isoformat", datetime_isoformat, GP_METH_KEYWORDS,
     "[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM]."},
    {"replace", datetime_replace, GP_METH_KEYWORDS, "Return datetime with new specified fields."},
    {"fromisoformat", datetime_fromisoformat, GP_METH_CLASS,
     "string -> datetime from a string in most ISO 8601 formats"},
    {"fromtimestamp", dt_datetime_fromtimestamp, GP_METH_CLASS | GP_METH_KEYWORDS,
     "timestamp[, tz] -> tz's local time from POSIX timestamp."},
    {"now", dt_datetime_now, GP_METH_CLASS | GP_METH_KEYWORDS,
     "Returns new datetime object representing current time local to tz."},
    {"timestamp", dt_datetime_timestamp, 0, "Return POSIX timestamp as float."},
    {NULL, NULL, 0, NULL},
};

static const char *const hour_names[] = {"hour", "datetime.datetime"};
static const char *const minute_names[] = {"minute", "datetime.datetime"};
static const char *const second_names[] = {"second", "datetime.datetime"};
static const char *const microsecond_names[] = {"microsecond", "datetime.datetime"};
static const char *const tzinfo_names[] = {"tzinfo", "datetime.datetime"};
static const char *const fold_names[] = {"fold", "datetime.datetime"};

static const gp_getset_def_t datetime_getsets[] = {
    {"hour", datetime_get_hour, dt_refuse_write, (void *)hour_names, NULL},
    {"minute", datetime_get_minute, dt_refuse_write, (void *)minute_names, NULL},
    {"second", datetime_get_second, dt_refuse_write, (void *)second_names, NULL},
    {"microsecond", datetime_get_microsecond, dt_refuse_write, (void *)microsecond_names, NULL},
    {"tzinfo", datetime_get_tzinfo, dt_refuse_write, (void *)tzinfo_names, NULL},
    {"fold", datetime_get_fold, dt_refuse_write, (void *)fold_names, NULL},
    {"_hour", datetime_get_hour, NULL, NULL, NULL},
    {"_minute", datetime_get_minute, NULL, NULL, NULL},
    {"_second", datetime_get_second, NULL, NULL, NULL},
    {"_microsecond", datetime_get_microsecond, NULL, NULL, NULL},
    {"_tzinfo", datetime_get_tzinfo, NULL, NULL, NULL},
    {"_fold", datetime_get_fold, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

gp_type_t dt_datetime_type = {
    GP_TYPE_HEAD_INIT,
    .name = "datetime.datetime",
    .basicsize = sizeof(dt_datetime_t),
    .flags = GP_TYPE_FLAG_BASETYPE,
    .base_type = &dt_date_type,
    .dealloc = datetime_dealloc,
    .new_ = datetime_new,
    .repr = datetime_repr,
    .str = datetime_str,
    .hash = datetime_hash,
    .richcompare = datetime_richcompare,
    .binop = datetime_binop,
    .methods = datetime_methods,
    .getsets = datetime_getsets,
    .doc = "datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])",
};

int dt_datetime_module_init(gp_object_t *module)
{
    if (gp_type_ready(&dt_datetime_type) < 0)
        return -1;
    return gp_module_add_object(module, "datetime", (gp_object_t *)&dt_datetime_type);
}
