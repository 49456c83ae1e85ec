/*
 * test_sre.c - unit tests of the regular-expression engine (src/mod/sre*.c).
 *
 * The engine is exercised directly (sre_compile + sre_exec on a subject)
 * and through the _sre module's Pattern objects. Expected spans and
 * messages were produced by CPython 3.11's re module.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mod/sre.h"
#include "runtime/runtime.h"

static gp_runtime_t *runtime;

static int setup(void **state)
{
    (void)state;
    if (!runtime)
        runtime = gp_runtime_new(0, NULL);
    return runtime ? 0 : -1;
}

/* Compiles [pattern] (a C string, ASCII) with [flags]. */
static sre_program_t *compile(const char *pattern, int flags)
{
    gp_object_t *p = gp_str_from_cstr(pattern);
    assert_non_null(p);
    sre_program_t *prog = sre_compile(p, flags);
    GP_DECREF(p);
    return prog;
}

/* Searches [subject] (ASCII) and returns 1/0, filling regs. */
static int search(const sre_program_t *prog, const char *subject, intptr_t *regs)
{
    sre_subject_t s = {(const uint8_t *)subject, NULL, (intptr_t)strlen(subject)};
    sre_request_t req = {0, s.len, true, false, false};
    intptr_t lastindex;
    return sre_exec(prog, &s, &req, regs, &lastindex);
}

static void expect_span(const char *pattern, const char *subject, intptr_t start, intptr_t end)
{
    sre_program_t *prog = compile(pattern, 0);
    assert_non_null(prog);
    intptr_t regs[32];
    assert_int_equal(search(prog, subject, regs), 1);
    assert_int_equal(regs[0], start);
    assert_int_equal(regs[1], end);
    sre_program_free(prog);
}

static void expect_error(gp_type_t *type, const char *message)
{
    gp_object_t *exc = gp_err_fetch();
    assert_non_null(exc);
    assert_ptr_equal(GP_TYPE(exc), type);
    gp_object_t *s = gp_object_str(exc);
    assert_non_null(s);
    assert_string_equal(gp_str_utf8(s), message);
    GP_DECREF(s);
    GP_DECREF(exc);
}

static void test_literal_search(void **state)
{
    expect_span("needle", "haystack with a needle in it", 16, 22);
}

static void test_greedy_and_lazy(void **state)
{
    expect_span("<.*>", "<a><b>", 0, 6);
    expect_span("<.*?>", "<a><b>", 0, 3);
    expect_span("a{2,3}", "aaaa", 0, 3);
    expect_span("a{2,3}?", "aaaa", 0, 2);
}

static void test_alternation_prefers_left(void **state)
{
    expect_span("a|ab", "ab", 0, 1);
    expect_span("(?:ab|a)c", "abc", 0, 3);
}

static void test_groups_and_backreference(void **state)
{
    sre_program_t *prog = compile("(\\w)(\\w)\\2\\1", 0);
    assert_non_null(prog);
    assert_int_equal(prog->ngroups, 2);
    intptr_t regs[6];
    assert_int_equal(search(prog, "xxabbayy", regs), 1);
    assert_int_equal(regs[0], 2);
    assert_int_equal(regs[1], 6);
    assert_int_equal(regs[2], 2);
    assert_int_equal(regs[3], 3);
    assert_int_equal(regs[4], 3);
    assert_int_equal(regs[5], 4);
    sre_program_free(prog);
}

static void test_unmatched_group_is_minus_one(void **state)
{
    sre_program_t *prog = compile("(a)|(b)", 0);
    intptr_t regs[6];
    assert_int_equal(search(prog, "b", regs), 1);
    assert_int_equal(regs[2], -1);
    assert_int_equal(regs[3], -1);
    assert_int_equal(regs[4], 0);
    assert_int_equal(regs[5], 1);
    sre_program_free(prog);
}

static void test_lookaround(void **state)
{
    expect_span("foo(?=bar)", "foobaz foobar", 7, 10);
    expect_span("foo(?!bar)", "foobar foobaz", 7, 10);
    expect_span("(?<=\\$)\\d+", "cost $45", 6, 8);
    expect_span("(?<!\\$)\\b\\d+", "$45 or 46", 7, 9);
}

static void test_anchors_and_multiline(void **state)
{
    sre_program_t *prog = compile("^b", SRE_FLAG_MULTILINE);
    intptr_t regs[2];
    assert_int_equal(search(prog, "a\nb", regs), 1);
    assert_int_equal(regs[0], 2);
    sre_program_free(prog);
    prog = compile("^b", 0);
    assert_int_equal(search(prog, "a\nb", regs), 0);
    sre_program_free(prog);
    expect_span("a$", "a\n", 0, 1);
}

static void test_ignorecase(void **state)
{
    sre_program_t *prog = compile("[a-z]+", SRE_FLAG_IGNORECASE);
    intptr_t regs[2];
    assert_int_equal(search(prog, "12HeLLo!", regs), 1);
    assert_int_equal(regs[0], 2);
    assert_int_equal(regs[1], 7);
    sre_program_free(prog);
}

static void test_unicode_word_class(void **state)
{
    sre_program_t *prog = compile("\\w+", 0);
    uint32_t subject[] = {' ', 0xE9, 't', 0xE9, ' '}; /* " été " */
    sre_subject_t s = {NULL, subject, 5};
    sre_request_t req = {0, 5, true, false, false};
    intptr_t regs[2], lastindex;
    assert_int_equal(sre_exec(prog, &s, &req, regs, &lastindex), 1);
    assert_int_equal(regs[0], 1);
    assert_int_equal(regs[1], 4);
    sre_program_free(prog);
}

static void test_must_advance_rejects_empty_match(void **state)
{
    sre_program_t *prog = compile("x*", 0);
    sre_subject_t s = {(const uint8_t *)"ab", NULL, 2};
    sre_request_t req = {0, 2, true, false, true};
    intptr_t regs[2], lastindex;
    assert_int_equal(sre_exec(prog, &s, &req, regs, &lastindex), 1);
    assert_int_equal(regs[0], 1);
    assert_int_equal(regs[1], 1);
    sre_program_free(prog);
}

static void test_long_subject_uses_no_c_recursion(void **state)
{
    /* A hundred thousand iterations of a group: the backtracking stack
       lives on the heap, so this neither crashes nor recurses. */
    size_t n = 100000;
    char *subject = malloc(n + 1);
    memset(subject, 'a', n);
    subject[n] = '\0';
    sre_program_t *prog = compile("(?:a|b)*c", 0);
    intptr_t regs[2];
    sre_subject_t s = {(const uint8_t *)subject, NULL, (intptr_t)n};
    sre_request_t req = {0, (intptr_t)n, false, false, false};
    intptr_t lastindex;
    assert_int_equal(sre_exec(prog, &s, &req, regs, &lastindex), 0);
    assert_int_equal(search(prog, "aabac", regs), 1);
    sre_program_free(prog);
    free(subject);
}

static void test_syntax_error_without_re_module(void **state)
{
    /* Without re imported, errors are ValueErrors with re.error's message. */
    assert_null(compile("*a", 0));
    expect_error(&gp_exc_ValueError, "nothing to repeat");
    assert_null(compile("(a", 0));
    expect_error(&gp_exc_ValueError, "missing ), unterminated subpattern");
    assert_null(compile("(?<=a+)", 0));
    expect_error(&gp_exc_ValueError, "look-behind requires fixed-width pattern");
}

static void test_deep_nesting_raises_recursion_error(void **state)
{
    size_t depth = 5000;
    char *p = malloc(2 * depth + 2);
    for (size_t i = 0; i < depth; i++) {
        p[i] = '(';
        p[depth + 1 + i] = ')';
    }
    p[depth] = 'a';
    p[2 * depth + 1] = '\0';
    assert_null(compile(p, 0));
    expect_error(&gp_exc_RecursionError, "maximum recursion depth exceeded");
    free(p);
}

static gp_object_t *call_method(gp_object_t *o, const char *name, gp_object_t *arg1,
                                gp_object_t *arg2)
{
    gp_object_t *args[2] = {arg1, arg2};
    return gp_object_call_method(o, name, args, arg2 ? 2 : 1);
}

static void test_pattern_object_match_repr(void **state)
{
    gp_object_t *mod = gp_sre_module_create();
    assert_non_null(mod);
    gp_object_t *source = gp_str_from_cstr("(\\d+)-(\\d+)");
    gp_object_t *pattern = call_method(mod, "compile", source, NULL);
    assert_non_null(pattern);
    gp_object_t *subject = gp_str_from_cstr("tel 555-1234");
    gp_object_t *m = call_method(pattern, "search", subject, NULL);
    assert_non_null(m);
    gp_object_t *r = gp_object_repr(m);
    assert_string_equal(gp_str_utf8(r), "<re.Match object; span=(4, 12), match='555-1234'>");
    GP_DECREF(r);
    r = gp_object_repr(pattern);
    assert_string_equal(gp_str_utf8(r), "re.compile('(\\\\d+)-(\\\\d+)')");
    GP_DECREF(r);
    GP_DECREF(m);
    GP_DECREF(subject);
    GP_DECREF(pattern);
    GP_DECREF(source);
    GP_DECREF(mod);
}

static void test_pattern_object_sub_template(void **state)
{
    gp_object_t *mod = gp_sre_module_create();
    gp_object_t *source = gp_str_from_cstr("(\\w+)@(\\w+)");
    gp_object_t *pattern = call_method(mod, "compile", source, NULL);
    gp_object_t *repl = gp_str_from_cstr("\\2 at \\1");
    gp_object_t *subject = gp_str_from_cstr("joe@home, ann@work");
    gp_object_t *res = call_method(pattern, "sub", repl, subject);
    assert_non_null(res);
    assert_string_equal(gp_str_utf8(res), "home at joe, work at ann");
    GP_DECREF(res);
    GP_DECREF(subject);
    GP_DECREF(repl);
    GP_DECREF(pattern);
    GP_DECREF(source);
    GP_DECREF(mod);
}

static void test_pattern_rejects_bytes_subject(void **state)
{
    gp_object_t *mod = gp_sre_module_create();
    gp_object_t *source = gp_str_from_cstr("a");
    gp_object_t *pattern = call_method(mod, "compile", source, NULL);
    gp_object_t *subject = gp_bytes_new("a", 1);
    assert_null(call_method(pattern, "match", subject, NULL));
    expect_error(&gp_exc_TypeError, "cannot use a string pattern on a bytes-like object");
    GP_DECREF(subject);
    GP_DECREF(pattern);
    GP_DECREF(source);
    GP_DECREF(mod);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literal_search),
        cmocka_unit_test(test_greedy_and_lazy),
        cmocka_unit_test(test_alternation_prefers_left),
        cmocka_unit_test(test_groups_and_backreference),
        cmocka_unit_test(test_unmatched_group_is_minus_one),
        cmocka_unit_test(test_lookaround),
        cmocka_unit_test(test_anchors_and_multiline),
        cmocka_unit_test(test_ignorecase),
        cmocka_unit_test(test_unicode_word_class),
        cmocka_unit_test(test_must_advance_rejects_empty_match),
        cmocka_unit_test(test_long_subject_uses_no_c_recursion),
        cmocka_unit_test(test_syntax_error_without_re_module),
        cmocka_unit_test(test_deep_nesting_raises_recursion_error),
        cmocka_unit_test(test_pattern_object_match_repr),
        cmocka_unit_test(test_pattern_object_sub_template),
        cmocka_unit_test(test_pattern_rejects_bytes_subject),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
