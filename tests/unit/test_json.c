/*
 * test_json.c - unit tests of the _json module (src/mod/json.c and
 * json_encode.c) through its C constructor, below lib/json/.
 *
 * Each test builds a scanner or encoder the way lib/json does, calls it
 * through the object protocol and checks the result by repr() or the
 * error by type and message. Reference values come from CPython 3.11.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "runtime/gc.h"
#include "runtime/runtime.h"

static gp_runtime_t *runtime;

static int setup(void **state)
{
    (void)state;
    if (!runtime)
        runtime = gp_runtime_new(0, NULL);
    return runtime ? 0 : -1;
}

/* A new reference to attribute [name] of a freshly created _json module. */
static gp_object_t *json_attr(const char *name)
{
    gp_object_t *m = gp_json_module_create();
    assert_non_null(m);
    gp_object_t *attr = gp_object_getattr_cstr(m, name);
    GP_DECREF(m);
    assert_non_null(attr);
    return attr;
}

/* A scanner with default hooks; [error_class] may be None. */
static gp_object_t *default_scanner(gp_object_t *error_class)
{
    gp_object_t *make = json_attr("make_scanner");
    gp_object_t *args[7] = {gp_True, gp_None, gp_None, gp_None, gp_None, gp_None, error_class};
    gp_object_t *sc = gp_object_call(make, args, 7, NULL);
    GP_DECREF(make);
    assert_non_null(sc);
    return sc;
}

/* scanner.decode(text), as json.loads() calls it. */
static gp_object_t *decode(const char *text)
{
    gp_object_t *sc = default_scanner(gp_None);
    gp_object_t *doc = gp_str_from_cstr(text);
    assert_non_null(doc);
    gp_object_t *r = gp_object_call_method(sc, "decode", &doc, 1);
    GP_DECREF(doc);
    GP_DECREF(sc);
    return r;
}

/* Asserts repr(o) == expected, then releases [o] (a new reference). */
static void check_repr(gp_object_t *o, const char *expected)
{
    assert_non_null(o);
    gp_object_t *r = gp_object_repr(o);
    assert_non_null(r);
    assert_string_equal(gp_str_utf8(r), expected);
    GP_DECREF(r);
    GP_DECREF(o);
}

/* Asserts that an exception of class [type_name] with str() == [message] is pending. */
static void check_error(const char *type_name, const char *message)
{
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_string_equal(gp_type_name(GP_TYPE(exc)), type_name);
    gp_object_t *s = gp_object_str(exc);
    assert_non_null(s);
    assert_string_equal(gp_str_utf8(s), message);
    GP_DECREF(s);
    GP_DECREF(exc);
}

/* An encoder with CPython's defaults plus [indent] (NULL for none) and [sort_keys]. */
static gp_object_t *make_encoder(const char *indent, bool sort_keys)
{
    gp_object_t *make = json_attr("make_encoder");
    gp_object_t *default_fn = json_attr("encode_basestring"); /* any callable will do */
    gp_object_t *ind = indent ? gp_str_from_cstr(indent) : GP_INCREF(gp_None);
    gp_object_t *item_sep = gp_str_from_cstr(indent ? "," : ", ");
    gp_object_t *key_sep = gp_str_from_cstr(": ");
    gp_object_t *args[10] = {
        gp_True,  default_fn, gp_None, ind, key_sep, item_sep, sort_keys ? gp_True : gp_False,
        gp_False, gp_True,    gp_True};
    gp_object_t *enc = gp_object_call(make, args, 10, NULL);
    GP_DECREF(make);
    GP_DECREF(default_fn);
    GP_DECREF(ind);
    GP_DECREF(item_sep);
    GP_DECREF(key_sep);
    assert_non_null(enc);
    return enc;
}

/* encoder(value, 0)[0] as a C string compared with [expected]; releases [value]. */
static void check_encode(gp_object_t *enc, gp_object_t *value, const char *expected)
{
    assert_non_null(value);
    gp_object_t *args[2] = {value, GP_SMALL_NEW(0)};
    gp_object_t *chunks = gp_object_call(enc, args, 2, NULL);
    GP_DECREF(value);
    assert_non_null(chunks);
    assert_int_equal(GP_TUPLE_SIZE(chunks), 1);
    assert_string_equal(gp_str_utf8(GP_TUPLE_GET(chunks, 0)), expected);
    GP_DECREF(chunks);
}

static void test_decode_every_kind(void **state)
{
    (void)state;
    check_repr(
        decode(" {\"a\": [1, -2.5, 1e3, true, false, null], \"b\": \"\\u00e9\\ud83d\\ude00\"} "),
        "{'a': [1, -2.5, 1000.0, True, False, None], 'b': 'é😀'}");
    check_repr(decode("123456789012345678901234567890"), "123456789012345678901234567890");
    check_repr(decode("[NaN, -Infinity]"), "[nan, -inf]");
}

static void test_decode_error_without_class(void **state)
{
    (void)state;
    /* With no error class the scanner raises a plain ValueError carrying the message only. */
    assert_null(decode("[1, 2"));
    check_error("ValueError", "Expecting ',' delimiter");
    assert_null(decode("[1] x"));
    check_error("ValueError", "Extra data");
}

static void test_scan_once_stop_iteration(void **state)
{
    (void)state;
    gp_object_t *sc = default_scanner(gp_None);
    gp_object_t *doc = gp_str_from_cstr("\xc3\xa9 [1,");
    gp_object_t *args[2] = {doc, GP_SMALL_NEW(2)};
    assert_null(gp_object_call(sc, args, 2, NULL));
    /* The position is counted in characters: 'é' is one. */
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_true(GP_TYPE(exc) == &gp_exc_StopIteration);
    gp_object_t *value = gp_object_getattr_cstr(exc, "value");
    assert_non_null(value);
    assert_int_equal(GP_SMALL_VALUE(value), 5);
    GP_DECREF(value);
    GP_DECREF(exc);
    GP_DECREF(doc);
    GP_DECREF(sc);
}

static void test_repeated_keys_share_one_str(void **state)
{
    (void)state;
    gp_object_t *list = decode("[{\"key\": 1}, {\"key\": 2}]");
    assert_non_null(list);
    gp_object_t *k1 = gp_dict_keys_list(GP_LIST_GET(list, 0));
    gp_object_t *k2 = gp_dict_keys_list(GP_LIST_GET(list, 1));
    assert_ptr_equal(GP_LIST_GET(k1, 0), GP_LIST_GET(k2, 0));
    GP_DECREF(k1);
    GP_DECREF(k2);
    GP_DECREF(list);
}

static void test_decode_leaves_gc_enabled(void **state)
{
    (void)state;
    assert_true(gp_gc_is_enabled());
    check_repr(decode("[[1], {\"a\": []}]"), "[[1], {'a': []}]");
    assert_true(gp_gc_is_enabled());
    assert_null(decode("[[1], {\"a\": ]}]"));
    gp_err_clear();
    assert_true(gp_gc_is_enabled());
    /* A disabled collector stays disabled. */
    gp_gc_disable();
    check_repr(decode("[]"), "[]");
    assert_false(gp_gc_is_enabled());
    gp_gc_enable();
}

static void test_encode_compact_and_indented(void **state)
{
    (void)state;
    gp_object_t *enc = make_encoder(NULL, false);
    gp_object_t *d = gp_dict_new();
    gp_object_t *l = gp_list_new(0);
    gp_object_t *s = gp_str_from_cstr("\xc3\xa9\t\xf0\x9f\x98\x80");
    gp_list_append(l, s);
    gp_list_append(l, gp_None);
    gp_dict_setitem_cstr(d, "b", l);
    gp_dict_setitem(d, GP_SMALL_NEW(1), gp_True);
    GP_DECREF(l);
    GP_DECREF(s);
    check_encode(enc, GP_INCREF(d), "{\"b\": [\"\\u00e9\\t\\ud83d\\ude00\", null], \"1\": true}");
    GP_DECREF(enc);
    enc = make_encoder("  ", false);
    check_encode(
        enc, GP_INCREF(d),
        "{\n  \"b\": [\n    \"\\u00e9\\t\\ud83d\\ude00\",\n    null\n  ],\n  \"1\": true\n}");
    GP_DECREF(enc);
    GP_DECREF(d);
}

static void test_encode_circular_and_key_errors(void **state)
{
    (void)state;
    gp_object_t *enc = make_encoder(NULL, false);
    gp_object_t *l = gp_list_new(0);
    gp_list_append(l, l);
    gp_object_t *args[2] = {l, GP_SMALL_NEW(0)};
    assert_null(gp_object_call(enc, args, 2, NULL));
    check_error("ValueError", "Circular reference detected");
    /* Break the cycle so the list is freed. */
    assert_int_equal(gp_object_delitem(l, GP_SMALL_NEW(0)), 0);
    GP_DECREF(l);

    gp_object_t *d = gp_dict_new();
    gp_object_t *key = gp_tuple_pack(1, gp_None);
    gp_dict_setitem(d, key, gp_None);
    GP_DECREF(key);
    args[0] = d;
    assert_null(gp_object_call(enc, args, 2, NULL));
    check_error("TypeError", "keys must be str, int, float, bool or None, not tuple");
    GP_DECREF(d);
    GP_DECREF(enc);
}

static void test_sort_keys_type_error(void **state)
{
    (void)state;
    gp_object_t *enc = make_encoder(NULL, true);
    gp_object_t *d = gp_dict_new();
    gp_dict_setitem_cstr(d, "a", gp_None);
    gp_dict_setitem(d, GP_SMALL_NEW(1), gp_None);
    gp_object_t *args[2] = {d, GP_SMALL_NEW(0)};
    assert_null(gp_object_call(enc, args, 2, NULL));
    check_error("TypeError", "'<' not supported between instances of 'int' and 'str'");
    GP_DECREF(d);
    GP_DECREF(enc);
}

static void test_encode_basestring_ascii(void **state)
{
    (void)state;
    gp_object_t *fn = json_attr("encode_basestring_ascii");
    gp_object_t *s = gp_str_from_cstr("a\"\\\x7f\xe2\x80\xa8");
    gp_object_t *r = gp_object_call1(fn, s);
    assert_non_null(r);
    assert_string_equal(gp_str_utf8(r), "\"a\\\"\\\\\\u007f\\u2028\"");
    GP_DECREF(r);
    GP_DECREF(s);
    assert_null(gp_object_call1(fn, GP_SMALL_NEW(3)));
    check_error("TypeError", "first argument must be a string, not int");
    GP_DECREF(fn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_decode_every_kind, setup),
        cmocka_unit_test_setup(test_decode_error_without_class, setup),
        cmocka_unit_test_setup(test_scan_once_stop_iteration, setup),
        cmocka_unit_test_setup(test_repeated_keys_share_one_str, setup),
        cmocka_unit_test_setup(test_decode_leaves_gc_enabled, setup),
        cmocka_unit_test_setup(test_encode_compact_and_indented, setup),
        cmocka_unit_test_setup(test_encode_circular_and_key_errors, setup),
        cmocka_unit_test_setup(test_sort_keys_type_error, setup),
        cmocka_unit_test_setup(test_encode_basestring_ascii, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
