/*
 * test_str.c - unit tests of the text types (str, bytes, bytearray) and of
 * the string-building API the rest of gilpy uses for its messages.
 *
 * One behaviour per test; each runs in a fresh runtime so interning and
 * caches start from a known state.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "obj/object.h"
#include "obj/str.h"
#include "runtime/runtime.h"

/* One runtime serves every test: the runtime is made once per process
   (gp_runtime_free does not yet tear down everything a runtime created). */
static gp_runtime_t *test_runtime;

static int setup(void **state)
{
    if (!test_runtime)
        test_runtime = gp_runtime_new(0, NULL);
    *state = test_runtime;
    return test_runtime ? 0 : -1;
}

static int teardown(void **state)
{
    if (gp_err_occurred())
        gp_err_clear();
    return 0;
}

/* Asserts [o] is a str equal to [expected] and releases it. */
static void assert_str_eq(gp_object_t *o, const char *expected)
{
    assert_non_null(o);
    assert_true(gp_str_check(o));
    assert_string_equal(gp_str_utf8(o), expected);
    GP_DECREF(o);
}

/* Calls o.name(arg) with a C-string argument (NULL: no argument). */
static gp_object_t *call1(gp_object_t *o, const char *name, const char *arg)
{
    gp_object_t *a = arg ? gp_str_from_cstr(arg) : NULL;
    gp_object_t *args[1] = {a};
    gp_object_t *r = gp_object_call_method(o, name, args, a ? 1 : 0);
    GP_XDECREF(a);
    return r;
}

/* The message of the pending exception, which must be of [type]; clears it. */
static void assert_error(gp_type_t *type, const char *message)
{
    assert_true(gp_err_occurred());
    assert_true(gp_err_matches(type));
    gp_object_t *exc = gp_err_fetch();
    gp_object_t *s = gp_object_str(exc);
    assert_non_null(s);
    assert_string_equal(gp_str_utf8(s), message);
    GP_DECREF(s);
    GP_DECREF(exc);
}

static void test_ascii_length_and_flag(void **state)
{
    gp_object_t *s = gp_str_from_cstr("hello");
    assert_int_equal(gp_str_length(s), 5);
    assert_int_equal(gp_str_utf8_len(s), 5);
    assert_true(gp_str_is_ascii(s));
    GP_DECREF(s);
}

static void test_non_ascii_length_counts_code_points(void **state)
{
    gp_object_t *s = gp_str_from_cstr("h\xc3\xa9llo \xe2\x98\x83 \xf0\x9f\x98\x80");
    assert_int_equal(gp_str_length(s), 9);
    assert_int_equal(gp_str_utf8_len(s), 15);
    assert_false(gp_str_is_ascii(s));
    GP_DECREF(s);
}

static void test_invalid_utf8_raises_decode_error(void **state)
{
    assert_null(gp_str_from_utf8("\xff", 1));
    assert_true(gp_err_matches(&gp_exc_UnicodeDecodeError));
    gp_err_clear();
}

static void test_empty_string_is_a_singleton(void **state)
{
    gp_object_t *a = gp_str_from_cstr("");
    gp_object_t *b = gp_str_from_utf8("", 0);
    assert_ptr_equal(a, b);
    GP_DECREF(a);
    GP_DECREF(b);
}

static void test_indexing_returns_cached_characters(void **state)
{
    gp_object_t *s = gp_str_from_cstr("abc");
    gp_object_t *i = gp_int_from_i64(1);
    gp_object_t *x = gp_object_getitem(s, i);
    gp_object_t *y = gp_object_getitem(s, i);
    assert_ptr_equal(x, y);
    assert_string_equal(gp_str_utf8(x), "b");
    GP_DECREF(x);
    GP_DECREF(y);
    GP_DECREF(s);
}

static void test_indexing_non_ascii_long_string(void **state)
{
    /* 300 code points, so the sparse index is built and used. */
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    for (int i = 0; i < 300; i++)
        gp_strbuf_append_codepoint(&b, i % 2 ? 0xE9 : 'a' + (uint32_t)(i % 26));
    gp_object_t *s = gp_strbuf_finish(&b);
    assert_int_equal(gp_str_length(s), 300);
    gp_object_t *k = gp_int_from_i64(201);
    assert_str_eq(gp_object_getitem(s, k), "\xc3\xa9");
    gp_object_t *k2 = gp_int_from_i64(200);
    char expect[2] = {(char)('a' + 200 % 26), 0};
    assert_str_eq(gp_object_getitem(s, k2), expect);
    GP_DECREF(s);
}

static void test_index_out_of_range(void **state)
{
    gp_object_t *s = gp_str_from_cstr("ab");
    gp_object_t *k = gp_int_from_i64(5);
    assert_null(gp_object_getitem(s, k));
    assert_error(&gp_exc_IndexError, "string index out of range");
    GP_DECREF(s);
}

static void test_equal_strings_hash_equal(void **state)
{
    gp_object_t *a = gp_str_from_cstr("some key");
    gp_object_t *b = gp_str_from_cstr("some key");
    assert_ptr_not_equal(a, b);
    assert_int_equal(gp_str_hash(a), gp_str_hash(b));
    assert_true(gp_str_hash(a) != -1);
    assert_int_equal(gp_object_eq(a, b), 1);
    GP_DECREF(a);
    GP_DECREF(b);
}

static void test_intern_returns_canonical_object(void **state)
{
    gp_object_t *a = gp_str_intern(gp_str_from_cstr("identifier_x"));
    gp_object_t *b = gp_str_intern(gp_str_from_cstr("identifier_x"));
    assert_ptr_equal(a, b);
    assert_ptr_equal(gp_str_static("identifier_x"), a);
    gp_object_t *c = gp_str_intern_cstr("identifier_x");
    assert_ptr_equal(c, a);
    GP_DECREF(a);
    GP_DECREF(b);
    GP_DECREF(c);
}

/* gp_str_static caches by the C string's address: a buffer reused with new
   text must give the new text's canonical str, not the cached one. */
static void test_static_reused_buffer_gets_new_text(void **state)
{
    char buf[32];
    strcpy(buf, "static_alpha_name");
    gp_object_t *a = gp_str_static(buf);
    strcpy(buf, "static_beta_name");
    gp_object_t *b = gp_str_static(buf);
    assert_ptr_not_equal(a, b);
    assert_string_equal(gp_str_utf8(a), "static_alpha_name");
    assert_string_equal(gp_str_utf8(b), "static_beta_name");
    assert_ptr_equal(gp_str_static(buf), b);
    strcpy(buf, "static_alpha_name");
    assert_ptr_equal(gp_str_static(buf), a);
}

/* A name gp_str_static creates is the interned object, with its hash
   already the one a fresh equal string computes. */
static void test_static_creates_the_interned_object(void **state)
{
    gp_object_t *s = gp_str_static("static_gamma_name");
    gp_object_t *fresh = gp_str_from_cstr("static_gamma_name");
    assert_int_equal(gp_str_hash(s), gp_str_hash(fresh));
    gp_object_t *interned = gp_str_intern(fresh);
    assert_ptr_equal(interned, s);
    GP_DECREF(interned);
    assert_ptr_equal(gp_str_static("static_gamma_name"), s);
}

static void test_compare_by_code_point(void **state)
{
    gp_object_t *a = gp_str_from_cstr("abc");
    gp_object_t *b = gp_str_from_cstr("abd");
    gp_object_t *c = gp_str_from_cstr("\xc3\xa9"); /* U+00E9 sorts after ASCII */
    assert_true(gp_str_compare(a, b) < 0);
    assert_true(gp_str_compare(c, a) > 0);
    assert_int_equal(gp_str_compare(a, a), 0);
    GP_DECREF(a);
    GP_DECREF(b);
    GP_DECREF(c);
}

static void test_strbuf_builds_text(void **state)
{
    gp_strbuf_t b;
    gp_strbuf_init(&b);
    gp_strbuf_append_cstr(&b, "x=");
    gp_strbuf_append_char(&b, '1');
    gp_strbuf_append_codepoint(&b, 0x2603);
    gp_strbuf_printf(&b, "|%d|%s", 42, "end");
    assert_str_eq(gp_strbuf_finish(&b), "x=1\xe2\x98\x83|42|end");
}

static void test_from_format_directives(void **state)
{
    gp_object_t *s = gp_str_from_cstr("it's");
    gp_object_t *r = gp_str_from_format("%d %zd %s %5s|%-3s|%.2s %x %c %% %R %S %T %N %U", -3,
                                        (intptr_t)7, "a", "b", "c", "xyz", 255, 'q', s, s, s,
                                        &gp_str_type, s);
    assert_str_eq(r, "-3 7 a     b|c  |xy ff q % \"it's\" it's str str it's");
    GP_DECREF(s);
}

static void test_repr_quote_choice_and_escapes(void **state)
{
    gp_object_t *s = gp_str_from_cstr("a'b\n\t\\\x07");
    assert_str_eq(gp_str_repr_of(s), "\"a'b\\n\\t\\\\\\x07\"");
    GP_DECREF(s);
    s = gp_str_from_cstr("q'\"");
    assert_str_eq(gp_str_repr_of(s), "'q\\'\"'");
    GP_DECREF(s);
}

static void test_repr_escapes_nonprintable_unicode(void **state)
{
    gp_object_t *s = gp_str_from_cstr("\xe2\x80\x8b\xc2\xa0\xc3\xa9");
    assert_str_eq(gp_str_repr_of(s), "'\\u200b\\xa0\xc3\xa9'");
    GP_DECREF(s);
}

static void test_concat_and_type_error(void **state)
{
    gp_object_t *a = gp_str_from_cstr("ab");
    gp_object_t *b = gp_str_from_cstr("cd");
    assert_str_eq(gp_number_binop(a, b, GP_BINOP_ADD), "abcd");
    gp_object_t *one = gp_int_from_i64(1);
    assert_null(gp_number_binop(a, one, GP_BINOP_ADD));
    assert_error(&gp_exc_TypeError, "can only concatenate str (not \"int\") to str");
    GP_DECREF(a);
    GP_DECREF(b);
}

static void test_repeat(void **state)
{
    gp_object_t *a = gp_str_from_cstr("ab");
    gp_object_t *n = gp_int_from_i64(3);
    assert_str_eq(gp_number_binop(a, n, GP_BINOP_MUL), "ababab");
    assert_str_eq(gp_number_binop(n, a, GP_BINOP_MUL), "ababab");
    GP_DECREF(a);
}

static void test_append_inplace_reuses_sole_reference(void **state)
{
    gp_object_t *s = gp_str_from_cstr("abc");
    gp_object_t *t = gp_str_from_cstr("de");
    assert_int_equal(gp_str_append_inplace(&s, t), 0);
    assert_str_eq(s, "abcde");
    GP_DECREF(t);
}

static void test_join_and_bad_item(void **state)
{
    gp_object_t *sep = gp_str_from_cstr(", ");
    gp_object_t *a = gp_str_from_cstr("x");
    gp_object_t *list = gp_list_from_array(&a, 1);
    gp_list_append(list, a);
    assert_str_eq(gp_str_join(sep, list), "x, x");
    gp_object_t *n = gp_int_from_i64(5);
    gp_list_append(list, n);
    assert_null(gp_str_join(sep, list));
    assert_error(&gp_exc_TypeError, "sequence item 2: expected str instance, int found");
    GP_DECREF(list);
    GP_DECREF(a);
    GP_DECREF(sep);
}

static void test_split_whitespace(void **state)
{
    gp_object_t *s = gp_str_from_cstr("  a b\t c  ");
    gp_object_t *parts = call1(s, "split", NULL);
    assert_non_null(parts);
    assert_int_equal(GP_LIST_SIZE(parts), 3);
    assert_string_equal(gp_str_utf8(GP_LIST_GET(parts, 2)), "c");
    GP_DECREF(parts);
    GP_DECREF(s);
}

static void test_split_empty_separator(void **state)
{
    gp_object_t *s = gp_str_from_cstr("abc");
    assert_null(call1(s, "split", ""));
    assert_error(&gp_exc_ValueError, "empty separator");
    GP_DECREF(s);
}

static void test_find_in_non_ascii_returns_code_point_index(void **state)
{
    gp_object_t *s = gp_str_from_cstr("h\xc3\xa9llo");
    gp_object_t *r = call1(s, "find", "l");
    assert_int_equal(gp_int_as_i64(r), 2);
    GP_DECREF(r);
    GP_DECREF(s);
}

static void test_index_missing_substring(void **state)
{
    gp_object_t *s = gp_str_from_cstr("abc");
    assert_null(call1(s, "index", "z"));
    assert_error(&gp_exc_ValueError, "substring not found");
    GP_DECREF(s);
}

static void test_upper_full_mapping(void **state)
{
    gp_object_t *s = gp_str_from_cstr("stra\xc3\x9f" "e");
    assert_str_eq(call1(s, "upper", NULL), "STRASSE");
    GP_DECREF(s);
}

static void test_percent_format(void **state)
{
    gp_object_t *f = gp_str_from_cstr("%s=%05d|%-4s|%x|%.2f");
    gp_object_t *k = gp_str_from_cstr("k");
    gp_object_t *v = gp_int_from_i64(42);
    gp_object_t *w = gp_str_from_cstr("w");
    gp_object_t *h = gp_int_from_i64(255);
    gp_object_t *d = gp_float_new(3.14159);
    gp_object_t *args = gp_tuple_pack(5, k, v, w, h, d);
    assert_str_eq(gp_str_percent_format(f, args), "k=00042|w   |ff|3.14");
    GP_DECREF(args);
    GP_DECREF(d);
    GP_DECREF(w);
    GP_DECREF(k);
    GP_DECREF(f);
}

static void test_percent_format_argument_errors(void **state)
{
    gp_object_t *f = gp_str_from_cstr("%s %s");
    gp_object_t *one = gp_int_from_i64(1);
    gp_object_t *args = gp_tuple_pack(1, one);
    assert_null(gp_str_percent_format(f, args));
    assert_error(&gp_exc_TypeError, "not enough arguments for format string");
    GP_DECREF(args);
    GP_DECREF(f);
}

static void test_format_method_fields(void **state)
{
    gp_object_t *f = gp_str_from_cstr("{1}-{0!r}-{0:>4}-{{}}");
    gp_object_t *args[2] = {gp_str_from_cstr("a"), gp_int_from_i64(7)};
    assert_str_eq(gp_str_format_method(f, args, 2, NULL), "7-'a'-   a-{}");
    GP_DECREF(args[0]);
    GP_DECREF(f);
}

static void test_format_method_numbering_switch(void **state)
{
    gp_object_t *f = gp_str_from_cstr("{}{0}");
    gp_object_t *args[1] = {gp_int_from_i64(1)};
    assert_null(gp_str_format_method(f, args, 1, NULL));
    assert_error(&gp_exc_ValueError, "cannot switch from automatic field numbering to manual "
                                     "field specification");
    GP_DECREF(f);
}

static void test_format_spec_errors(void **state)
{
    gp_object_t *s = gp_str_from_cstr("abc");
    assert_null(gp_str_format_spec(s, "d", 1));
    assert_error(&gp_exc_ValueError, "Unknown format code 'd' for object of type 'str'");
    assert_null(gp_str_format_spec(s, "+", 1));
    assert_error(&gp_exc_ValueError, "Sign not allowed in string format specifier");
    assert_str_eq(gp_str_format_spec(s, "*^7.2", 5), "**ab***");
    GP_DECREF(s);
}

static void test_encode_and_decode_round_trip(void **state)
{
    gp_object_t *s = gp_str_from_cstr("caf\xc3\xa9");
    gp_object_t *b = gp_str_encode(s, "utf-8", NULL);
    assert_int_equal(gp_bytes_len(b), 5);
    gp_object_t *back = gp_str_decode(gp_bytes_data(b), gp_bytes_len(b), "utf-8", NULL, b);
    assert_int_equal(gp_object_eq(back, s), 1);
    GP_DECREF(back);
    GP_DECREF(b);
    assert_null(gp_str_encode(s, "ascii", NULL));
    assert_true(gp_err_matches(&gp_exc_UnicodeEncodeError));
    gp_err_clear();
    GP_DECREF(s);
}

static void test_decode_error_message(void **state)
{
    assert_null(gp_str_decode("\xff", 1, "utf-8", NULL, NULL));
    assert_error(&gp_exc_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
}

static void test_bytes_repr(void **state)
{
    gp_object_t *b = gp_bytes_new("a'\x00\n\xff", 5);
    assert_str_eq(gp_object_repr(b), "b\"a'\\x00\\n\\xff\"");
    GP_DECREF(b);
}

static void test_bytes_index_is_int(void **state)
{
    gp_object_t *b = gp_bytes_new("AB", 2);
    gp_object_t *k = gp_int_from_i64(-1);
    gp_object_t *v = gp_object_getitem(b, k);
    assert_int_equal(gp_int_as_i64(v), 66);
    GP_DECREF(v);
    GP_DECREF(b);
}

static void test_bytearray_append_and_inplace_add(void **state)
{
    gp_object_t *a = gp_bytearray_new("x", 1);
    gp_object_t *c = gp_int_from_i64('y');
    gp_object_t *args[1] = {c};
    gp_object_t *r = gp_object_call_method(a, "append", args, 1);
    assert_non_null(r);
    GP_DECREF(r);
    gp_object_t *z = gp_bytes_new("z", 1);
    r = gp_number_binop(a, z, GP_BINOP_ADD | GP_BINOP_INPLACE);
    assert_ptr_equal(r, a);
    GP_DECREF(r);
    assert_int_equal(gp_bytes_len(a), 3);
    assert_memory_equal(gp_bytes_data(a), "xyz", 3);
    GP_DECREF(z);
    GP_DECREF(a);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_ascii_length_and_flag),
        T(test_non_ascii_length_counts_code_points),
        T(test_invalid_utf8_raises_decode_error),
        T(test_empty_string_is_a_singleton),
        T(test_indexing_returns_cached_characters),
        T(test_indexing_non_ascii_long_string),
        T(test_index_out_of_range),
        T(test_equal_strings_hash_equal),
        T(test_intern_returns_canonical_object),
        T(test_static_reused_buffer_gets_new_text),
        T(test_static_creates_the_interned_object),
        T(test_compare_by_code_point),
        T(test_strbuf_builds_text),
        T(test_from_format_directives),
        T(test_repr_quote_choice_and_escapes),
        T(test_repr_escapes_nonprintable_unicode),
        T(test_concat_and_type_error),
        T(test_repeat),
        T(test_append_inplace_reuses_sole_reference),
        T(test_join_and_bad_item),
        T(test_split_whitespace),
        T(test_split_empty_separator),
        T(test_find_in_non_ascii_returns_code_point_index),
        T(test_index_missing_substring),
        T(test_upper_full_mapping),
        T(test_percent_format),
        T(test_percent_format_argument_errors),
        T(test_format_method_fields),
        T(test_format_method_numbering_switch),
        T(test_format_spec_errors),
        T(test_encode_and_decode_round_trip),
        T(test_decode_error_message),
        T(test_bytes_repr),
        T(test_bytes_index_is_int),
        T(test_bytearray_append_and_inplace_add),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
