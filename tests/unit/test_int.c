/*
 * test_int.c - unit tests for int and bool (obj/int*.c, obj/bigint.c, obj/bool.c).
 *
 * Every expected value was computed with CPython 3.11 and pasted here; the
 * tests go through the public object API (gp_number_binop and friends) so
 * they also check the dispatch into int's slots.
 */
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

/* An int from decimal text (the text must be valid). */
static gp_object_t *I(const char *text)
{
    gp_object_t *o = gp_int_from_string(text, strlen(text), 10);
    assert_non_null(o);
    return o;
}

/* Checks str(o) and releases o. */
static void expect_str(gp_object_t *o, const char *expected)
{
    assert_non_null(o);
    gp_object_t *s = gp_object_str(o);
    assert_non_null(s);
    assert_string_equal(gp_str_utf8(s), expected);
    GP_DECREF(s);
    GP_DECREF(o);
}

/* str(a <op> b) for decimal operands. */
static void expect_binop(const char *a, int op, const char *b, const char *expected)
{
    gp_object_t *x = I(a), *y = I(b);
    expect_str(gp_number_binop(x, y, op), expected);
    GP_DECREF(x);
    GP_DECREF(y);
}

/* a <op> b raises [type] with [message]. */
static void expect_binop_error(const char *a, int op, const char *b, gp_type_t *type,
                               const char *message)
{
    gp_object_t *x = I(a), *y = I(b);
    assert_null(gp_number_binop(x, y, op));
    assert_true(gp_err_matches(type));
    gp_object_t *exc = gp_err_fetch();
    gp_object_t *s = gp_object_str(exc);
    assert_string_equal(gp_str_utf8(s), message);
    GP_DECREF(s);
    GP_DECREF(exc);
    GP_DECREF(x);
    GP_DECREF(y);
}

static void test_small_add_overflows_to_big(void **state)
{
    gp_object_t *max = gp_int_from_i64(GP_SMALL_MAX);
    assert_true(GP_IS_SMALL(max));
    gp_object_t *r = gp_number_binop(max, GP_SMALL_NEW(1), GP_BINOP_ADD);
    assert_non_null(r);
    assert_false(GP_IS_SMALL(r));
    expect_str(r, "4611686018427387904");
}

static void test_big_result_normalises_to_small(void **state)
{
    gp_object_t *big = I("4611686018427387904"); /* 2**62: just outside the small range */
    assert_false(GP_IS_SMALL(big));
    gp_object_t *r = gp_number_binop(big, GP_SMALL_NEW(1), GP_BINOP_SUB);
    assert_true(GP_IS_SMALL(r));
    assert_int_equal(GP_SMALL_VALUE(r), GP_SMALL_MAX);
    GP_DECREF(big);
}

static void test_small_multiply_overflow(void **state)
{
    expect_binop("4611686018427387904", GP_BINOP_MUL, "4611686018427387904",
                 "21267647932558653966460912964485513216");
}

static void test_power_of_three(void **state)
{
    expect_binop("3", GP_BINOP_POW, "200",
                 "2656139888758747693387813220357796268292334526533944959745749617390924909013021"
                 "82994384699044001");
}

static void test_str_of_two_to_the_thousand(void **state)
{
    expect_binop("2", GP_BINOP_POW, "1000",
                 "10715086071862673209484250490600018105614048117055336074437503883703510511249361"
                 "22493198378815695858127594672917553146825187145285692314043598457757469857480393"
                 "45677748242309854210746050623711418779541821530464749835819412673987675591655439"
                 "46077062914571196477686542167660429831652624386837205668069376");
}

static void test_floor_division_signs(void **state)
{
    expect_binop("-7", GP_BINOP_FLOORDIV, "2", "-4");
    expect_binop("-7", GP_BINOP_MOD, "2", "1");
    expect_binop("7", GP_BINOP_MOD, "-2", "-1");
}

/* divmod(a, b) checked item by item (q, r). */
static void expect_divmod(const char *a, const char *b, const char *q, const char *r)
{
    gp_object_t *x = I(a), *y = I(b);
    gp_object_t *t = gp_number_binop(x, y, GP_BINOP_DIVMOD);
    assert_non_null(t);
    assert_int_equal(GP_TUPLE_SIZE(t), 2);
    expect_str(GP_INCREF(GP_TUPLE_GET(t, 0)), q);
    expect_str(GP_INCREF(GP_TUPLE_GET(t, 1)), r);
    GP_DECREF(t);
    GP_DECREF(x);
    GP_DECREF(y);
}

static void test_divmod_big_negative(void **state)
{
    expect_divmod("-1000000000000000000000000000007", "12345678901234567", "-81000000729001",
                  "12191678900577560");
    expect_divmod("1000000000000000000000000000007", "-12345678901234567", "-81000000729001",
                  "-12191678900577560");
}

static void test_big_multiplication(void **state)
{
    expect_binop("12345678901234567890123", GP_BINOP_MUL, "98765432109876543210987",
                 "1219326311370217952261797134336296860222381401");
}

static void test_shift_and_bitwise_on_negatives(void **state)
{
    expect_binop("-1267650600228229401496703205376", GP_BINOP_RSHIFT, "3",
                 "-158456325028528675187087900672");
    expect_binop("-1267650600228229401496703205376", GP_BINOP_AND, "65535", "0");
    expect_binop("-5", GP_BINOP_XOR, "3", "-8");
}

static void test_invert_big(void **state)
{
    gp_object_t *x = I("1180591620717411303424");
    expect_str(gp_number_unop(x, GP_UNOP_INVERT), "-1180591620717411303425");
    GP_DECREF(x);
}

static void test_negative_shift_raises(void **state)
{
    expect_binop_error("1", GP_BINOP_LSHIFT, "-1", &gp_exc_ValueError, "negative shift count");
}

static void test_division_by_zero_messages(void **state)
{
    expect_binop_error("1", GP_BINOP_FLOORDIV, "0", &gp_exc_ZeroDivisionError,
                       "integer division or modulo by zero");
    expect_binop_error("1", GP_BINOP_MOD, "0", &gp_exc_ZeroDivisionError, "integer modulo by zero");
    expect_binop_error("1", GP_BINOP_TRUEDIV, "0", &gp_exc_ZeroDivisionError, "division by zero");
}

static void test_true_division_of_big_ints(void **state)
{
    expect_binop("1267650600228229401496703205376", GP_BINOP_TRUEDIV, "3",
                 "4.2255020007607644e+29");
    expect_binop("7", GP_BINOP_TRUEDIV, "2", "3.5");
}

static void test_modular_power_and_inverse(void **state)
{
    gp_object_t *e = I("1000000000000000000"), *m = I("1000000007");
    expect_str(gp_number_pow3(GP_SMALL_NEW(3), e, m), "246336683");
    expect_str(gp_number_pow3(GP_SMALL_NEW(38), GP_SMALL_NEW(-1), GP_SMALL_NEW(97)), "23");
    assert_null(gp_number_pow3(GP_SMALL_NEW(2), GP_SMALL_NEW(-1), GP_SMALL_NEW(4)));
    assert_true(gp_err_matches(&gp_exc_ValueError));
    gp_err_clear();
    GP_DECREF(e);
    GP_DECREF(m);
}

static void test_negative_exponent_gives_float(void **state)
{
    expect_binop("2", GP_BINOP_POW, "-1", "0.5");
}

static void test_hash_matches_cpython(void **state)
{
    gp_object_t *big = I("1000000000000000000000000000000");
    assert_int_equal(gp_int_hash(big), 465258685558744706);
    gp_object_t *neg = gp_number_unop(big, GP_UNOP_NEG);
    assert_int_equal(gp_int_hash(neg), -465258685558744706);
    assert_int_equal(gp_int_hash(GP_SMALL_NEW(-1)), -2);
    GP_DECREF(big);
    GP_DECREF(neg);
}

static void test_parse_bases_and_underscores(void **state)
{
    expect_str(gp_int_from_string("0x_DEAD_beef", 12, 0), "3735928559");
    expect_str(gp_int_from_string("  -0b101  ", 10, 0), "-5");
    expect_str(gp_int_from_string("z", 1, 36), "35");
}

static void test_parse_error_message(void **state)
{
    assert_null(gp_int_from_string("1__0", 4, 10));
    gp_object_t *exc = gp_err_fetch();
    gp_object_t *s = gp_object_str(exc);
    assert_string_equal(gp_str_utf8(s), "invalid literal for int() with base 10: '1__0'");
    GP_DECREF(s);
    GP_DECREF(exc);
}

static void test_hex_text(void **state)
{
    expect_str(gp_int_to_string(GP_SMALL_NEW(-31), 16), "-0x1f");
    expect_str(gp_int_to_string(GP_SMALL_NEW(5), 2), "0b101");
    expect_str(gp_int_to_string(GP_SMALL_NEW(8), 8), "0o10");
}

static void test_as_i64_overflow(void **state)
{
    gp_object_t *big = I("100000000000000000000");
    assert_int_equal(gp_int_as_i64(big), -1);
    assert_true(gp_err_matches(&gp_exc_OverflowError));
    gp_err_clear();
    int overflow;
    gp_int_as_i64_overflow(big, &overflow);
    assert_int_equal(overflow, 1);
    GP_DECREF(big);
}

static void test_as_double_rounds_half_even(void **state)
{
    gp_object_t *x = I("9007199254740993"); /* 2**53 + 1 */
    assert_true(gp_int_as_double(x) == 9007199254740992.0);
    GP_DECREF(x);
}

static void test_format_grouping(void **state)
{
    gp_object_t *x = I("1180591620717411303424");
    expect_str(gp_int_format(x, ",", 1), "1,180,591,620,717,411,303,424");
    expect_str(gp_int_format(GP_SMALL_NEW(-255), "#x", 2), "-0xff");
    expect_str(gp_int_format(GP_SMALL_NEW(1234), "08,", 3), "0,001,234");
    GP_DECREF(x);
}

static void test_to_and_from_bytes(void **state)
{
    uint8_t buf[2];
    assert_int_equal(gp_int_to_bytes(GP_SMALL_NEW(-1), buf, 2, false, true), 0);
    assert_int_equal(buf[0], 0xff);
    assert_int_equal(buf[1], 0xff);
    expect_str(gp_int_from_bytes((const uint8_t *)"\x01\x00", 2, false, false), "256");
    assert_int_equal(gp_int_to_bytes(GP_SMALL_NEW(256), buf, 1, false, false), -1);
    assert_true(gp_err_matches(&gp_exc_OverflowError));
    gp_err_clear();
}

static void test_str_digit_limit(void **state)
{
    gp_object_t *x = gp_number_binop(GP_SMALL_NEW(10), GP_SMALL_NEW(5000), GP_BINOP_POW);
    assert_null(gp_object_str(x));
    assert_true(gp_err_matches(&gp_exc_ValueError));
    gp_err_clear();
    GP_DECREF(x);
}

static void test_bool_is_an_int(void **state)
{
    expect_str(gp_number_binop(gp_True, GP_SMALL_NEW(1), GP_BINOP_ADD), "2");
    assert_int_equal(gp_object_hash(gp_True), 1);
    assert_int_equal(gp_object_eq(gp_True, GP_SMALL_NEW(1)), 1);
    expect_str(GP_INCREF(gp_True), "True");
    gp_object_t *r = gp_number_binop(gp_True, gp_False, GP_BINOP_OR);
    assert_ptr_equal(r, gp_True);
    GP_DECREF(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_add_overflows_to_big),
        cmocka_unit_test(test_big_result_normalises_to_small),
        cmocka_unit_test(test_small_multiply_overflow),
        cmocka_unit_test(test_power_of_three),
        cmocka_unit_test(test_str_of_two_to_the_thousand),
        cmocka_unit_test(test_floor_division_signs),
        cmocka_unit_test(test_divmod_big_negative),
        cmocka_unit_test(test_big_multiplication),
        cmocka_unit_test(test_shift_and_bitwise_on_negatives),
        cmocka_unit_test(test_invert_big),
        cmocka_unit_test(test_negative_shift_raises),
        cmocka_unit_test(test_division_by_zero_messages),
        cmocka_unit_test(test_true_division_of_big_ints),
        cmocka_unit_test(test_modular_power_and_inverse),
        cmocka_unit_test(test_negative_exponent_gives_float),
        cmocka_unit_test(test_hash_matches_cpython),
        cmocka_unit_test(test_parse_bases_and_underscores),
        cmocka_unit_test(test_parse_error_message),
        cmocka_unit_test(test_hex_text),
        cmocka_unit_test(test_as_i64_overflow),
        cmocka_unit_test(test_as_double_rounds_half_even),
        cmocka_unit_test(test_format_grouping),
        cmocka_unit_test(test_to_and_from_bytes),
        cmocka_unit_test(test_str_digit_limit),
        cmocka_unit_test(test_bool_is_an_int),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
