/*
 * test_io.c - unit tests of the io module (open, the file layers, StringIO,
 * BytesIO) and of the file-system half of posix (posix_fs.c).
 *
 * Each test calls the module functions the way Python code would: it looks
 * them up in the module's dict and calls them through the object protocol.
 * Files live in a fresh directory made by mkdtemp() in the group setup and
 * removed in the teardown. One behaviour per test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mod/io.h"
#include "mod/io_internal.h"
#include "mod/posix_fs.h"
#include "obj/object.h"
#include "runtime/runtime.h"

static gp_object_t *io_module, *fs_module;
static char tmpdir[] = "/tmp/gilpy_test_io_XXXXXX";

static int group_setup(void **state)
{
    (void)state;
    if (!gp_runtime_new(0, NULL) || !mkdtemp(tmpdir))
        return -1;
    io_module = gp_io_module_create();
    fs_module = gp_module_new("posix_fs_test");
    if (!io_module || !fs_module || gp_posix_fs_add(fs_module) < 0)
        return -1;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static gp_object_t *attr(gp_object_t *module, const char *name)
{
    gp_object_t *v = gp_dict_getitem_cstr(gp_module_dict(module), name);
    assert_non_null(v);
    return v;
}

/* Calls [fn] with [nargs] borrowed arguments; returns a new reference or NULL. */
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

static gp_object_t *method(gp_object_t *o, const char *name, size_t nargs, ...)
{
    gp_object_t *args[8];
    va_list ap;
    va_start(ap, nargs);
    for (size_t i = 0; i < nargs; i++)
        args[i] = va_arg(ap, gp_object_t *);
    va_end(ap);
    return gp_object_call_method(o, name, args, nargs);
}

static gp_object_t *str(const char *s)
{
    gp_object_t *o = gp_str_from_cstr(s);
    assert_non_null(o);
    return o;
}

/* A str naming [name] inside the test directory. */
static gp_object_t *path(const char *name)
{
    return gp_str_from_format("%s/%s", tmpdir, name);
}

static gp_object_t *open_file(const char *name, const char *mode)
{
    gp_object_t *p = path(name), *m = str(mode);
    gp_object_t *f = call(attr(io_module, "open"), 2, p, m);
    GP_DECREF(p);
    GP_DECREF(m);
    return f;
}

static void assert_exception(gp_type_t *type)
{
    assert_true(gp_err_occurred());
    assert_true(gp_err_matches(type));
    gp_err_clear();
}

static void assert_str_eq(gp_object_t *o, const char *expected)
{
    assert_non_null(o);
    assert_true(gp_str_check(o));
    assert_string_equal(gp_str_utf8(o), expected);
}

/* ------------------------------------------------------------------ */
/* Tests                                                                */
/* ------------------------------------------------------------------ */

static void test_stringio_write_then_getvalue(void **state)
{
    (void)state;
    gp_object_t *s = call(attr(io_module, "StringIO"), 0);
    assert_non_null(s);
    gp_object_t *a = str("héllo "), *b = str("world");
    GP_DECREF(method(s, "write", 1, a));
    GP_DECREF(method(s, "write", 1, b));
    gp_object_t *v = method(s, "getvalue", 0);
    assert_str_eq(v, "héllo world");
    assert_int_equal(gp_str_length(v), 11);
    GP_DECREF(v);
    GP_DECREF(a);
    GP_DECREF(b);
    GP_DECREF(s);
}

static void test_stringio_readline_splits_lines(void **state)
{
    (void)state;
    gp_object_t *init = str("one\ntwo");
    gp_object_t *s = call(attr(io_module, "StringIO"), 1, init);
    gp_object_t *l1 = method(s, "readline", 0), *l2 = method(s, "readline", 0),
                *l3 = method(s, "readline", 0);
    assert_str_eq(l1, "one\n");
    assert_str_eq(l2, "two");
    assert_str_eq(l3, "");
    GP_DECREF(l1);
    GP_DECREF(l2);
    GP_DECREF(l3);
    GP_DECREF(s);
    GP_DECREF(init);
}

static void test_bytesio_read_advances(void **state)
{
    (void)state;
    gp_object_t *init = gp_bytes_new("abcdef", 6);
    gp_object_t *b = call(attr(io_module, "BytesIO"), 1, init);
    gp_object_t *two = GP_SMALL_NEW(2);
    gp_object_t *r1 = method(b, "read", 1, two);
    gp_object_t *rest = method(b, "read", 0);
    assert_int_equal(gp_bytes_len(r1), 2);
    assert_memory_equal(gp_bytes_data(r1), "ab", 2);
    assert_int_equal(gp_bytes_len(rest), 4);
    assert_memory_equal(gp_bytes_data(rest), "cdef", 4);
    GP_DECREF(r1);
    GP_DECREF(rest);
    GP_DECREF(b);
    GP_DECREF(init);
}

static void test_open_write_then_read_round_trip(void **state)
{
    (void)state;
    gp_object_t *f = open_file("round.txt", "w");
    assert_non_null(f);
    gp_object_t *text = str("line one\nline two\n");
    gp_object_t *n = method(f, "write", 1, text);
    assert_int_equal(GP_SMALL_VALUE(n), 18);
    GP_DECREF(n);
    GP_DECREF(method(f, "close", 0));
    GP_DECREF(f);
    f = open_file("round.txt", "r");
    gp_object_t *all = method(f, "read", 0);
    assert_str_eq(all, "line one\nline two\n");
    GP_DECREF(all);
    GP_DECREF(f);
    GP_DECREF(text);
}

static void test_open_missing_file_raises_file_not_found(void **state)
{
    (void)state;
    gp_object_t *f = open_file("does-not-exist", "r");
    assert_null(f);
    assert_exception(&gp_exc_FileNotFoundError);
}

static void test_open_invalid_mode_raises_value_error(void **state)
{
    (void)state;
    gp_object_t *f = open_file("x", "rw");
    assert_null(f);
    assert_exception(&gp_exc_ValueError);
}

static void test_read_of_closed_file_raises_value_error(void **state)
{
    (void)state;
    GP_DECREF(open_file("closed.txt", "w"));
    gp_object_t *f = open_file("closed.txt", "r");
    GP_DECREF(method(f, "close", 0));
    assert_null(method(f, "read", 0));
    assert_exception(&gp_exc_ValueError);
    GP_DECREF(f);
}

static void test_unsupported_operation_is_oserror_and_value_error(void **state)
{
    (void)state;
    gp_object_t *f = open_file("wonly.txt", "w");
    assert_null(method(f, "read", 0));
    assert_true(gp_err_matches(&gp_exc_OSError));
    assert_true(gp_err_matches(&gp_exc_ValueError));
    assert_true(gp_err_matches(gp_io_unsupported_type));
    gp_err_clear();
    GP_DECREF(f);
}

static void test_dealloc_flushes_pending_writes(void **state)
{
    (void)state;
    gp_object_t *f = open_file("dealloc.txt", "w");
    gp_object_t *text = str("kept");
    GP_DECREF(method(f, "write", 1, text));
    GP_DECREF(f); /* no close(): the dealloc must flush */
    f = open_file("dealloc.txt", "r");
    gp_object_t *all = method(f, "read", 0);
    assert_str_eq(all, "kept");
    GP_DECREF(all);
    GP_DECREF(f);
    GP_DECREF(text);
}

static void test_text_readline_translates_crlf(void **state)
{
    (void)state;
    gp_object_t *f = open_file("crlf.txt", "wb");
    gp_object_t *data = gp_bytes_new("a\r\nb\rc", 6);
    GP_DECREF(method(f, "write", 1, data));
    GP_DECREF(f);
    f = open_file("crlf.txt", "r");
    gp_object_t *l1 = method(f, "readline", 0), *l2 = method(f, "readline", 0),
                *l3 = method(f, "readline", 0);
    assert_str_eq(l1, "a\n");
    assert_str_eq(l2, "b\n");
    assert_str_eq(l3, "c");
    GP_DECREF(l1);
    GP_DECREF(l2);
    GP_DECREF(l3);
    GP_DECREF(f);
    GP_DECREF(data);
}

static void test_fd_helpers_write_and_read_back(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(gp_io_fd_write_all(fds[1], "pipe!", 5), 0);
    char buf[8];
    assert_int_equal(gp_io_fd_read(fds[0], buf, sizeof buf), 5);
    assert_memory_equal(buf, "pipe!", 5);
    assert_int_equal(gp_io_fd_close(fds[0]), 0);
    assert_int_equal(gp_io_fd_close(fds[1]), 0);
}

static void test_stat_reports_size(void **state)
{
    (void)state;
    gp_object_t *f = open_file("sized.bin", "wb");
    gp_object_t *data = gp_bytes_new("12345", 5);
    GP_DECREF(method(f, "write", 1, data));
    GP_DECREF(f);
    gp_object_t *p = path("sized.bin");
    gp_object_t *st = call(attr(fs_module, "stat"), 1, p);
    assert_non_null(st);
    gp_object_t *size = gp_object_getattr_cstr(st, "st_size");
    assert_int_equal(GP_SMALL_VALUE(size), 5);
    GP_DECREF(size);
    GP_DECREF(st);
    GP_DECREF(p);
    GP_DECREF(data);
}

static void test_stat_missing_raises_with_filename(void **state)
{
    (void)state;
    gp_object_t *p = path("nothing-here");
    assert_null(call(attr(fs_module, "stat"), 1, p));
    gp_object_t *exc = gp_err_fetch();
    assert_true(gp_exception_matches(exc, (gp_object_t *)&gp_exc_FileNotFoundError));
    gp_object_t *filename = gp_object_getattr_cstr(exc, "filename");
    assert_non_null(filename);
    assert_int_equal(gp_object_eq(filename, p), 1);
    GP_DECREF(filename);
    GP_DECREF(exc);
    GP_DECREF(p);
}

static void test_mkdir_then_listdir_sees_it(void **state)
{
    (void)state;
    gp_object_t *dir = path("listed"), *child = path("listed/child");
    GP_DECREF(call(attr(fs_module, "mkdir"), 1, dir));
    GP_DECREF(call(attr(fs_module, "mkdir"), 1, child));
    gp_object_t *names = call(attr(fs_module, "listdir"), 1, dir);
    assert_non_null(names);
    assert_int_equal(GP_LIST_SIZE(names), 1);
    assert_str_eq(GP_LIST_GET(names, 0), "child");
    GP_DECREF(names);
    GP_DECREF(child);
    GP_DECREF(dir);
}

static void test_rename_missing_names_both_paths(void **state)
{
    (void)state;
    gp_object_t *a = path("ghost-a"), *b = path("ghost-b");
    assert_null(call(attr(fs_module, "rename"), 2, a, b));
    gp_object_t *exc = gp_err_fetch();
    assert_true(gp_exception_matches(exc, (gp_object_t *)&gp_exc_FileNotFoundError));
    gp_object_t *f2 = gp_object_getattr_cstr(exc, "filename2");
    assert_non_null(f2);
    assert_int_equal(gp_object_eq(f2, b), 1);
    GP_DECREF(f2);
    GP_DECREF(exc);
    GP_DECREF(a);
    GP_DECREF(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stringio_write_then_getvalue),
        cmocka_unit_test(test_stringio_readline_splits_lines),
        cmocka_unit_test(test_bytesio_read_advances),
        cmocka_unit_test(test_open_write_then_read_round_trip),
        cmocka_unit_test(test_open_missing_file_raises_file_not_found),
        cmocka_unit_test(test_open_invalid_mode_raises_value_error),
        cmocka_unit_test(test_read_of_closed_file_raises_value_error),
        cmocka_unit_test(test_unsupported_operation_is_oserror_and_value_error),
        cmocka_unit_test(test_dealloc_flushes_pending_writes),
        cmocka_unit_test(test_text_readline_translates_crlf),
        cmocka_unit_test(test_fd_helpers_write_and_read_back),
        cmocka_unit_test(test_stat_reports_size),
        cmocka_unit_test(test_stat_missing_raises_with_filename),
        cmocka_unit_test(test_mkdir_then_listdir_sees_it),
        cmocka_unit_test(test_rename_missing_names_both_paths),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
