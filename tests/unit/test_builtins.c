/*
 * test_builtins.c - unit tests of the builtins, sys and time modules.
 *
 * Each test calls module functions the way Python code would: it looks the
 * function up in the module's dict and calls it through the object
 * protocol with borrowed arguments. One behaviour per test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mod/sys.h"
#include "obj/object.h"
#include "runtime/runtime.h"

static gp_object_t *time_module;

static int group_setup(void **state)
{
    (void)state;
    if (!gp_runtime_new(0, NULL))
        return -1;
    time_module = gp_time_module_create();
    return time_module ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *builtin(const char *name)
{
    gp_object_t *fn = gp_dict_getitem_cstr(gp_runtime()->builtins, name);
    assert_non_null(fn);
    return fn;
}

static gp_object_t *sys_attr(const char *name)
{
    gp_object_t *v = gp_dict_getitem_cstr(gp_module_dict(gp_runtime()->sys_module), name);
    assert_non_null(v);
    return v;
}

static gp_object_t *time_attr(const char *name)
{
    gp_object_t *v = gp_dict_getitem_cstr(gp_module_dict(time_module), name);
    assert_non_null(v);
    return v;
}

static gp_object_t *call(gp_object_t *fn, size_t nargs, ...)
{
    gp_object_t *args[8];
    va_list ap;
    va_start(ap, nargs);
    for (size_t i = 0; i < nargs; i++)
        args[i] = va_arg(ap, gp_object_t *);
    va_end(ap);
    return gp_object_call(fn, args, nargs, NULL);
}

/* Calls [fn] with an optional positional argument and one keyword argument. */
static gp_object_t *call_kw(gp_object_t *fn, gp_object_t *arg, const char *kw, gp_object_t *value)
{
    gp_object_t *name = gp_str_from_cstr(kw);
    gp_object_t *kwnames = gp_tuple_pack(1, name);
    gp_object_t *args[2];
    size_t nargs = 0;
    if (arg)
        args[nargs++] = arg;
    args[nargs] = value;
    gp_object_t *r = gp_object_call(fn, args, nargs, kwnames);
    GP_DECREF(kwnames);
    GP_DECREF(name);
    return r;
}

/* Asserts that an exception of [type] with message [msg] is pending; clears it. */
static void assert_raised(gp_type_t *type, const char *msg)
{
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_ptr_equal(GP_TYPE(exc), type);
    if (msg) {
        gp_object_t *text = gp_object_str(exc);
        assert_non_null(text);
        assert_string_equal(gp_str_utf8(text), msg);
        GP_DECREF(text);
    }
    GP_DECREF(exc);
}

static void assert_int_value(gp_object_t *o, int64_t expected)
{
    assert_non_null(o);
    assert_true(gp_int_check(o));
    assert_int_equal(gp_int_as_i64(o), expected);
    GP_DECREF(o);
}

static void assert_str_value(gp_object_t *o, const char *expected)
{
    assert_non_null(o);
    assert_true(gp_str_check(o));
    assert_string_equal(gp_str_utf8(o), expected);
    GP_DECREF(o);
}

static gp_object_t *int_list(size_t n, ...)
{
    gp_object_t *list = gp_list_new(0);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        gp_list_append(list, GP_SMALL_NEW(va_arg(ap, int)));
    va_end(ap);
    return list;
}

/* ------------------------------------------------------------------ */
/* builtins                                                             */
/* ------------------------------------------------------------------ */

static void test_len_of_list(void **state)
{
    gp_object_t *list = int_list(3, 1, 2, 3);
    assert_int_value(call(builtin("len"), 1, list), 3);
    GP_DECREF(list);
}

static void test_len_of_int_raises(void **state)
{
    assert_null(call(builtin("len"), 1, GP_SMALL_NEW(5)));
    assert_raised(&gp_exc_TypeError, "object of type 'int' has no len()");
}

static void test_len_arity_message(void **state)
{
    assert_null(call(builtin("len"), 2, GP_SMALL_NEW(1), GP_SMALL_NEW(2)));
    assert_raised(&gp_exc_TypeError, "len() takes exactly one argument (2 given)");
}

static void test_abs_small_int(void **state)
{
    assert_int_value(call(builtin("abs"), 1, GP_SMALL_NEW(-7)), 7);
}

static void test_abs_small_min_promotes(void **state)
{
    gp_object_t *r = call(builtin("abs"), 1, GP_SMALL_NEW(GP_SMALL_MIN));
    assert_non_null(r);
    gp_object_t *text = gp_object_str(r);
    assert_string_equal(gp_str_utf8(text), "4611686018427387904");
    GP_DECREF(text);
    GP_DECREF(r);
}

static void test_min_of_arguments(void **state)
{
    assert_int_value(call(builtin("min"), 3, GP_SMALL_NEW(3), GP_SMALL_NEW(1), GP_SMALL_NEW(2)),
                     1);
}

static void test_max_of_iterable(void **state)
{
    gp_object_t *list = int_list(4, 5, 9, 2, 9);
    assert_int_value(call(builtin("max"), 1, list), 9);
    GP_DECREF(list);
}

static void test_max_empty_with_default(void **state)
{
    gp_object_t *list = gp_list_new(0);
    assert_int_value(call_kw(builtin("max"), list, "default", GP_SMALL_NEW(42)), 42);
    GP_DECREF(list);
}

static void test_min_empty_raises(void **state)
{
    gp_object_t *list = gp_list_new(0);
    assert_null(call(builtin("min"), 1, list));
    assert_raised(&gp_exc_ValueError, "min() arg is an empty sequence");
    GP_DECREF(list);
}

static void test_min_no_arguments(void **state)
{
    assert_null(call(builtin("min"), 0));
    assert_raised(&gp_exc_TypeError, "min expected at least 1 argument, got 0");
}

static void test_sum_of_ints(void **state)
{
    gp_object_t *list = int_list(4, 1, 2, 3, 4);
    assert_int_value(call(builtin("sum"), 1, list), 10);
    GP_DECREF(list);
}

static void test_sum_with_start(void **state)
{
    gp_object_t *list = int_list(2, 1, 2);
    assert_int_value(call(builtin("sum"), 2, list, GP_SMALL_NEW(10)), 13);
    GP_DECREF(list);
}

static void test_sum_overflow_promotes(void **state)
{
    gp_object_t *list = gp_list_new(0);
    gp_list_append(list, GP_SMALL_NEW(GP_SMALL_MAX));
    gp_list_append(list, GP_SMALL_NEW(GP_SMALL_MAX));
    gp_object_t *r = call(builtin("sum"), 1, list);
    assert_non_null(r);
    assert_str_value(gp_object_str(r), "9223372036854775806");
    GP_DECREF(r);
    GP_DECREF(list);
}

static void test_sum_of_floats(void **state)
{
    gp_object_t *a = gp_float_new(1.5), *b = gp_float_new(2.25);
    gp_object_t *list = gp_list_from_array((gp_object_t *[]){a, GP_SMALL_NEW(1), b}, 3);
    gp_object_t *r = call(builtin("sum"), 1, list);
    assert_non_null(r);
    assert_true(gp_float_check(r));
    assert_true(gp_float_value(r) == 4.75);
    GP_DECREF(r);
    GP_DECREF(list);
    GP_DECREF(a);
    GP_DECREF(b);
}

static void test_sum_rejects_str_start(void **state)
{
    gp_object_t *list = gp_list_new(0);
    gp_object_t *s = gp_str_from_cstr("");
    assert_null(call(builtin("sum"), 2, list, s));
    assert_raised(&gp_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    GP_DECREF(s);
    GP_DECREF(list);
}

static void test_any_and_all(void **state)
{
    gp_object_t *list = int_list(3, 0, 0, 1);
    gp_object_t *r = call(builtin("any"), 1, list);
    assert_ptr_equal(r, gp_True);
    GP_DECREF(r);
    r = call(builtin("all"), 1, list);
    assert_ptr_equal(r, gp_False);
    GP_DECREF(r);
    GP_DECREF(list);
}

static void test_sorted_reverse(void **state)
{
    gp_object_t *list = int_list(3, 2, 3, 1);
    gp_object_t *r = call_kw(builtin("sorted"), list, "reverse", gp_True);
    assert_non_null(r);
    assert_true(r != list);
    assert_int_equal(GP_LIST_SIZE(r), 3);
    assert_int_equal(GP_SMALL_VALUE(GP_LIST_GET(r, 0)), 3);
    assert_int_equal(GP_SMALL_VALUE(GP_LIST_GET(r, 2)), 1);
    assert_int_equal(GP_SMALL_VALUE(GP_LIST_GET(list, 0)), 2);
    GP_DECREF(r);
    GP_DECREF(list);
}

static void test_chr_and_ord(void **state)
{
    gp_object_t *c = call(builtin("chr"), 1, GP_SMALL_NEW(0x20AC));
    assert_non_null(c);
    assert_string_equal(gp_str_utf8(c), "\xe2\x82\xac");
    assert_int_value(call(builtin("ord"), 1, c), 0x20AC);
    GP_DECREF(c);
}

static void test_chr_out_of_range(void **state)
{
    assert_null(call(builtin("chr"), 1, GP_SMALL_NEW(0x110000)));
    assert_raised(&gp_exc_ValueError, "chr() arg not in range(0x110000)");
}

static void test_ord_of_long_string(void **state)
{
    gp_object_t *s = gp_str_from_cstr("ab");
    assert_null(call(builtin("ord"), 1, s));
    assert_raised(&gp_exc_TypeError, "ord() expected a character, but string of length 2 found");
    GP_DECREF(s);
}

static void test_hex_oct_bin(void **state)
{
    assert_str_value(call(builtin("hex"), 1, GP_SMALL_NEW(255)), "0xff");
    assert_str_value(call(builtin("oct"), 1, GP_SMALL_NEW(8)), "0o10");
    assert_str_value(call(builtin("bin"), 1, GP_SMALL_NEW(-5)), "-0b101");
}

static void test_isinstance(void **state)
{
    gp_object_t *r = call(builtin("isinstance"), 2, GP_SMALL_NEW(1), (gp_object_t *)&gp_int_type);
    assert_ptr_equal(r, gp_True);
    GP_DECREF(r);
    r = call(builtin("isinstance"), 2, GP_SMALL_NEW(1), (gp_object_t *)&gp_str_type);
    assert_ptr_equal(r, gp_False);
    GP_DECREF(r);
}

static void test_getattr_default(void **state)
{
    gp_object_t *name = gp_str_from_cstr("no_such_attribute");
    assert_int_value(call(builtin("getattr"), 3, GP_SMALL_NEW(1), name, GP_SMALL_NEW(9)), 9);
    GP_DECREF(name);
}

static void test_getattr_name_must_be_str(void **state)
{
    assert_null(call(builtin("getattr"), 2, GP_SMALL_NEW(1), GP_SMALL_NEW(2)));
    assert_raised(&gp_exc_TypeError, "attribute name must be string, not 'int'");
}

static void test_next_default_when_exhausted(void **state)
{
    gp_object_t *list = gp_list_new(0);
    gp_object_t *it = gp_object_iter(list);
    assert_int_value(call(builtin("next"), 2, it, GP_SMALL_NEW(5)), 5);
    assert_null(call(builtin("next"), 1, it));
    assert_raised(&gp_exc_StopIteration, NULL);
    GP_DECREF(it);
    GP_DECREF(list);
}

static void test_round_half_even(void **state)
{
    gp_object_t *f = gp_float_new(2.5);
    assert_int_value(call(builtin("round"), 1, f), 2);
    GP_DECREF(f);
}

static void test_divmod_ints(void **state)
{
    gp_object_t *r = call(builtin("divmod"), 2, GP_SMALL_NEW(-7), GP_SMALL_NEW(2));
    assert_non_null(r);
    assert_int_equal(GP_SMALL_VALUE(GP_TUPLE_GET(r, 0)), -4);
    assert_int_equal(GP_SMALL_VALUE(GP_TUPLE_GET(r, 1)), 1);
    GP_DECREF(r);
}

static void test_print_rejects_bad_sep(void **state)
{
    assert_null(call_kw(builtin("print"), NULL, "sep", GP_SMALL_NEW(1)));
    assert_raised(&gp_exc_TypeError, "sep must be None or a string, not int");
}

static void test_exception_names_registered(void **state)
{
    assert_ptr_equal(builtin("ValueError"), (gp_object_t *)&gp_exc_ValueError);
    assert_ptr_equal(builtin("IOError"), (gp_object_t *)&gp_exc_OSError);
    assert_ptr_equal(builtin("range"), (gp_object_t *)&gp_range_type);
}

/* ------------------------------------------------------------------ */
/* sys                                                                  */
/* ------------------------------------------------------------------ */

static void test_sys_getrefcount_of_fresh_list(void **state)
{
    gp_object_t *list = gp_list_new(0);
    assert_int_value(call(sys_attr("getrefcount"), 1, list), 1);
    GP_DECREF(list);
}

static void test_sys_maxsize(void **state)
{
    assert_str_value(gp_object_str(sys_attr("maxsize")), "9223372036854775807");
}

static void test_sys_version_info_compares_as_tuple(void **state)
{
    gp_object_t *t = gp_tuple_pack(2, GP_SMALL_NEW(3), GP_SMALL_NEW(8));
    assert_int_equal(gp_object_richcompare_bool(sys_attr("version_info"), t, GP_CMP_GE), 1);
    GP_DECREF(t);
}

static void test_sys_version_info_major(void **state)
{
    assert_int_value(gp_object_getattr_cstr(sys_attr("version_info"), "major"), 3);
}

static void test_sys_setrecursionlimit_rejects_zero(void **state)
{
    assert_null(call(sys_attr("setrecursionlimit"), 1, GP_SMALL_NEW(0)));
    assert_raised(&gp_exc_ValueError, "recursion limit must be greater or equal than 1");
}

static void test_sys_exit_raises_system_exit(void **state)
{
    assert_null(call(sys_attr("exit"), 1, GP_SMALL_NEW(3)));
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_ptr_equal(GP_TYPE(exc), &gp_exc_SystemExit);
    assert_int_value(gp_object_getattr_cstr(exc, "code"), 3);
    GP_DECREF(exc);
}

static void test_sys_xoption(void **state)
{
    assert_int_equal(gp_sys_add_xoption("gil-trace=out.json"), 0);
    gp_object_t *v = gp_dict_getitem_cstr(sys_attr("_xoptions"), "gil-trace");
    assert_non_null(v);
    assert_string_equal(gp_str_utf8(v), "out.json");
}

static void test_sys_stdout_repr(void **state)
{
    assert_str_value(gp_object_repr(sys_attr("stdout")),
                     "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
}

static void test_sys_stdout_write_rejects_int(void **state)
{
    assert_null(gp_object_call_method(sys_attr("stdout"), "write",
                                      (gp_object_t *[]){GP_SMALL_NEW(1)}, 1));
    assert_raised(&gp_exc_TypeError, "write() argument must be str, not int");
}

/* ------------------------------------------------------------------ */
/* time                                                                 */
/* ------------------------------------------------------------------ */

static void test_time_time_is_recent(void **state)
{
    gp_object_t *t = call(time_attr("time"), 0);
    assert_non_null(t);
    assert_true(gp_float_value(t) > 1.6e9);
    GP_DECREF(t);
}

static void test_time_sleep_negative(void **state)
{
    assert_null(call(time_attr("sleep"), 1, GP_SMALL_NEW(-1)));
    assert_raised(&gp_exc_ValueError, "sleep length must be non-negative");
}

static void test_time_gmtime_epoch_repr(void **state)
{
    gp_object_t *st = call(time_attr("gmtime"), 1, GP_SMALL_NEW(0));
    assert_non_null(st);
    assert_str_value(gp_object_repr(st),
                     "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, "
                     "tm_sec=0, tm_wday=3, tm_yday=1, tm_isdst=0)");
    GP_DECREF(st);
}

static void test_time_strftime_of_tuple(void **state)
{
    gp_object_t *st = call(time_attr("gmtime"), 1, GP_SMALL_NEW(86400));
    gp_object_t *fmt = gp_str_from_cstr("%Y-%m-%d %H:%M");
    assert_str_value(call(time_attr("strftime"), 2, fmt, st), "1970-01-02 00:00");
    GP_DECREF(fmt);
    GP_DECREF(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_len_of_list),
        cmocka_unit_test(test_len_of_int_raises),
        cmocka_unit_test(test_len_arity_message),
        cmocka_unit_test(test_abs_small_int),
        cmocka_unit_test(test_abs_small_min_promotes),
        cmocka_unit_test(test_min_of_arguments),
        cmocka_unit_test(test_max_of_iterable),
        cmocka_unit_test(test_max_empty_with_default),
        cmocka_unit_test(test_min_empty_raises),
        cmocka_unit_test(test_min_no_arguments),
        cmocka_unit_test(test_sum_of_ints),
        cmocka_unit_test(test_sum_with_start),
        cmocka_unit_test(test_sum_overflow_promotes),
        cmocka_unit_test(test_sum_of_floats),
        cmocka_unit_test(test_sum_rejects_str_start),
        cmocka_unit_test(test_any_and_all),
        cmocka_unit_test(test_sorted_reverse),
        cmocka_unit_test(test_chr_and_ord),
        cmocka_unit_test(test_chr_out_of_range),
        cmocka_unit_test(test_ord_of_long_string),
        cmocka_unit_test(test_hex_oct_bin),
        cmocka_unit_test(test_isinstance),
        cmocka_unit_test(test_getattr_default),
        cmocka_unit_test(test_getattr_name_must_be_str),
        cmocka_unit_test(test_next_default_when_exhausted),
        cmocka_unit_test(test_round_half_even),
        cmocka_unit_test(test_divmod_ints),
        cmocka_unit_test(test_print_rejects_bad_sep),
        cmocka_unit_test(test_exception_names_registered),
        cmocka_unit_test(test_sys_getrefcount_of_fresh_list),
        cmocka_unit_test(test_sys_maxsize),
        cmocka_unit_test(test_sys_version_info_compares_as_tuple),
        cmocka_unit_test(test_sys_version_info_major),
        cmocka_unit_test(test_sys_setrecursionlimit_rejects_zero),
        cmocka_unit_test(test_sys_exit_raises_system_exit),
        cmocka_unit_test(test_sys_xoption),
        cmocka_unit_test(test_sys_stdout_repr),
        cmocka_unit_test(test_sys_stdout_write_rejects_int),
        cmocka_unit_test(test_time_time_is_recent),
        cmocka_unit_test(test_time_sleep_negative),
        cmocka_unit_test(test_time_gmtime_epoch_repr),
        cmocka_unit_test(test_time_strftime_of_tuple),
    };
    return cmocka_run_group_tests(tests, group_setup, NULL);
}
