/*
 * test_float.c - unit tests for float (obj/float.c, obj/numformat.c).
 *
 * Expected texts were produced by CPython 3.11 (repr(), format(), hash()).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "obj/int.h"
#include "runtime/runtime.h"

static int setup(void **state)
{
    *state = gp_runtime_new(0, NULL);
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    gp_runtime_free(*state);
    return 0;
}

static void expect_text(gp_object_t *s, const char *expected)
{
    assert_non_null(s);
    assert_string_equal(gp_str_utf8(s), expected);
    GP_DECREF(s);
}

/* Checks the current exception's type and message, and clears it. */
static void expect_error(gp_type_t *type, const char *message)
{
    assert_true(gp_err_matches(type));
    gp_object_t *exc = gp_err_fetch();
    gp_object_t *s = gp_object_str(exc);
    assert_string_equal(gp_str_utf8(s), message);
    GP_DECREF(s);
    GP_DECREF(exc);
}

static const struct {
    double value;
    const char *repr;
} repr_cases[] = {
    {0.1, "0.1"},
    {0.2, "0.2"},
    {0.30000000000000004, "0.30000000000000004"},
    {0.3333333333333333, "0.3333333333333333"},
    {0.6666666666666666, "0.6666666666666666"},
    {1.1, "1.1"},
    {2.675, "2.675"},
    {100.0, "100.0"},
    {1e+22, "1e+22"},
    {1e+23, "1e+23"},
    {5e-324, "5e-324"},
    {1.7976931348623157e+308, "1.7976931348623157e+308"},
    {0.7999999999999999, "0.7999999999999999"},
    {3.141592653589793, "3.141592653589793"},
    {123.456, "123.456"},
    {-0.0, "-0.0"},
    {1e-07, "1e-07"},
    {0.0001, "0.0001"},
    {12345678.9, "12345678.9"},
    {1e+16, "1e+16"},
    {9007199254740992.0, "9007199254740992.0"},
    {1000000000000000.0, "1000000000000000.0"},
    {1.2345678901234568e+17, "1.2345678901234568e+17"},
    {1.5e-10, "1.5e-10"},
    {2.5, "2.5"},
    {-1.5, "-1.5"},
    {1e+100, "1e+100"},
    {1e-100, "1e-100"},
    {4.35, "4.35"},
    {0.015, "0.015"},
    {2.2250738585072014e-308, "2.2250738585072014e-308"},
    {123456789.0, "123456789.0"},
};

static void test_repr_is_shortest_round_trip(void **state)
{
    for (size_t i = 0; i < sizeof repr_cases / sizeof repr_cases[0]; i++)
        expect_text(gp_float_repr_of(repr_cases[i].value), repr_cases[i].repr);
}

/* The digit generator (dtoa.c) on the cases that need its care: ties
   between two candidates of the shortest length (round half to even, as
   David Gay's code in CPython), powers of two, whose rounding interval is
   lopsided, subnormals and the extremes of the range. */
static const struct {
    double value;
    const char *digits;
    int exp10;
} shortest_cases[] = {
    {0x1.2a27d53bc0487p+50, "13113021850585938", 15}, /* ...593.75: tie, up to even 8 */
    {0x1.a11c737e6d429p+50, "18344741821289062", 15}, /* ...906.25: tie, down to even 2 */
    {0x1p-24, "5960464477539063", -8},                /* the wider upper half wins */
    {0x1p+60, "1152921504606847", 18},
    {0x1p-1022, "22250738585072014", -308},
    {0x0.0000000000001p-1022, "5", -324},
    {0x0.0000000000003p-1022, "15", -323},
    {0x0.00000000003e8p-1022, "494", -321},
    {0x1.fffffffffffffp+1023, "17976931348623157", 308},
    {0x1p+1023, "898846567431158", 307},
    {1.0, "1", 0},
    {1e23, "1", 23},
    {9007199254740993.0, "9007199254740992", 15},
};

static void test_shortest_digits(void **state)
{
    for (size_t i = 0; i < sizeof shortest_cases / sizeof shortest_cases[0]; i++) {
        char digits[24];
        int exp10 = 0;
        int nd = gp_dtoa_shortest(shortest_cases[i].value, digits, &exp10);
        assert_int_equal(nd, (int)strlen(shortest_cases[i].digits));
        assert_memory_equal(digits, shortest_cases[i].digits, (size_t)nd);
        assert_int_equal(exp10, shortest_cases[i].exp10);
    }
}

static void test_repr_text_length(void **state)
{
    char buf[40];
    assert_int_equal(gp_float_repr_text(-0x1.fffffffffffffp+1023, buf), 24);
    assert_string_equal(buf, "-1.7976931348623157e+308");
    assert_int_equal(gp_float_repr_text(-NAN, buf), 3);
    assert_string_equal(buf, "nan");
}

static void test_repr_of_special_values(void **state)
{
    expect_text(gp_float_repr_of(INFINITY), "inf");
    expect_text(gp_float_repr_of(-INFINITY), "-inf");
    expect_text(gp_float_repr_of(NAN), "nan");
}

static void test_hash_matches_cpython(void **state)
{
    assert_int_equal(gp_float_hash_of(1.5), 1152921504606846977);
    assert_int_equal(gp_float_hash_of(0.1), 230584300921369408);
    assert_int_equal(gp_float_hash_of(-2.5), -1152921504606846978);
    assert_int_equal(gp_float_hash_of(1e100), 1822893315824342674);
    assert_int_equal(gp_float_hash_of(2.0), gp_int_hash(GP_SMALL_NEW(2)));
    assert_int_equal(gp_float_hash_of(-1.0), -2);
}

static const struct {
    const char *spec;
    const char *text;
} format_cases[] = {
    {".2f", "1234.57"},     {"10.3e", " 1.235e+03"}, {",.2f", "1,234.57"},
    {"+.1%", "+123456.8%"}, {"g", "1234.57"},        {".3", "1.23e+03"},
    {"#g", "1234.57"},      {">12", "   1234.5678"}, {"012.3f", "00001234.568"},
};

static void test_format_spec(void **state)
{
    gp_object_t *x = gp_float_new(1234.5678);
    for (size_t i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++)
        expect_text(gp_float_format(x, format_cases[i].spec, strlen(format_cases[i].spec)),
                    format_cases[i].text);
    GP_DECREF(x);
}

static void test_format_unknown_code(void **state)
{
    gp_object_t *x = gp_float_new(1.5);
    assert_null(gp_float_format(x, "d", 1));
    expect_error(&gp_exc_ValueError, "Unknown format code 'd' for object of type 'float'");
    GP_DECREF(x);
}

static gp_object_t *binop(double a, double b, int op)
{
    gp_object_t *x = gp_float_new(a), *y = gp_float_new(b);
    gp_object_t *r = gp_number_binop(x, y, op);
    GP_DECREF(x);
    GP_DECREF(y);
    return r;
}

static void test_floor_division_and_modulo(void **state)
{
    gp_object_t *r = binop(-7.5, 2.0, GP_BINOP_FLOORDIV);
    assert_true(gp_float_value(r) == -4.0);
    GP_DECREF(r);
    r = binop(-7.5, 2.0, GP_BINOP_MOD);
    assert_true(gp_float_value(r) == 0.5);
    GP_DECREF(r);
    r = binop(7.5, -2.0, GP_BINOP_MOD);
    assert_true(gp_float_value(r) == -0.5);
    GP_DECREF(r);
}

static void test_zero_division_messages(void **state)
{
    assert_null(binop(1.0, 0.0, GP_BINOP_TRUEDIV));
    expect_error(&gp_exc_ZeroDivisionError, "float division by zero");
    assert_null(binop(1.0, 0.0, GP_BINOP_FLOORDIV));
    expect_error(&gp_exc_ZeroDivisionError, "float floor division by zero");
    assert_null(binop(1.0, 0.0, GP_BINOP_MOD));
    expect_error(&gp_exc_ZeroDivisionError, "float modulo");
    assert_null(binop(0.0, -1.0, GP_BINOP_POW));
    expect_error(&gp_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
}

static void test_mixed_int_float(void **state)
{
    gp_object_t *x = gp_float_new(0.5);
    gp_object_t *r = gp_number_binop(GP_SMALL_NEW(3), x, GP_BINOP_MUL);
    assert_true(gp_float_value(r) == 1.5);
    GP_DECREF(r);
    GP_DECREF(x);
}

static void test_exact_comparison_with_big_int(void **state)
{
    /* 2**53 + 1 is not representable: the comparison must not round it. */
    gp_object_t *i = gp_int_from_i64(9007199254740993);
    gp_object_t *f = gp_float_new(9007199254740992.0);
    assert_int_equal(gp_object_richcompare_bool(i, f, GP_CMP_EQ), 0);
    assert_int_equal(gp_object_richcompare_bool(f, i, GP_CMP_LT), 1);
    GP_DECREF(i);
    GP_DECREF(f);
}

static void test_int_conversion_errors(void **state)
{
    assert_null(gp_int_from_double(INFINITY));
    expect_error(&gp_exc_OverflowError, "cannot convert float infinity to integer");
    assert_null(gp_int_from_double(NAN));
    expect_error(&gp_exc_ValueError, "cannot convert float NaN to integer");
}

static void test_parse_from_str(void **state)
{
    gp_object_t *s = gp_str_from_cstr("  1_000.5 ");
    gp_object_t *f = gp_number_float(s);
    assert_non_null(f);
    assert_true(gp_float_value(f) == 1000.5);
    GP_DECREF(f);
    GP_DECREF(s);
    s = gp_str_from_cstr("abc");
    assert_null(gp_number_float(s));
    expect_error(&gp_exc_ValueError, "could not convert string to float: 'abc'");
    GP_DECREF(s);
}

static void test_as_double_of_int(void **state)
{
    assert_true(gp_float_as_double(GP_SMALL_NEW(3)) == 3.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_repr_is_shortest_round_trip),
        cmocka_unit_test(test_shortest_digits),
        cmocka_unit_test(test_repr_text_length),
        cmocka_unit_test(test_repr_of_special_values),
        cmocka_unit_test(test_hash_matches_cpython),
        cmocka_unit_test(test_format_spec),
        cmocka_unit_test(test_format_unknown_code),
        cmocka_unit_test(test_floor_division_and_modulo),
        cmocka_unit_test(test_zero_division_messages),
        cmocka_unit_test(test_mixed_int_float),
        cmocka_unit_test(test_exact_comparison_with_big_int),
        cmocka_unit_test(test_int_conversion_errors),
        cmocka_unit_test(test_parse_from_str),
        cmocka_unit_test(test_as_double_of_int),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
