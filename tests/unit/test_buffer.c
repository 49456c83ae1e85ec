/*
 * test_buffer.c - unit tests of the buffer protocol (gp_buffer_get/release)
 * and the export rule that keeps a bytearray from resizing under a view.
 *
 * The messages checked here are CPython 3.11's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "obj/memoryview.h"
#include "obj/str.h"
#include "runtime/runtime.h"

static gp_runtime_t *runtime;

static int setup(void **state)
{
    (void)state;
    if (!runtime)
        runtime = gp_runtime_new(0, NULL);
    return runtime ? 0 : -1;
}

/* Asserts that an exception of [type] with str() == [message] is pending, and clears it. */
static void check_error(gp_type_t *type, const char *message)
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

static gp_object_t *memoryview_of(gp_object_t *o)
{
    gp_object_t *m = gp_object_call1((gp_object_t *)&gp_memoryview_type, o);
    assert_non_null(m);
    return m;
}

/* bytearray.append(byte): returns 0 or -1 with the exception pending. */
static int append_byte(gp_object_t *ba, int byte)
{
    gp_object_t *arg = GP_SMALL_NEW(byte);
    gp_object_t *r = gp_object_call_method(ba, "append", &arg, 1);
    if (!r)
        return -1;
    GP_DECREF(r);
    return 0;
}

static void test_buffer_of_bytes_is_readonly(void **state)
{
    (void)state;
    gp_object_t *b = gp_bytes_new("abc", 3);
    intptr_t refs = b->refcnt;
    gp_buffer_t view;
    assert_int_equal(gp_buffer_get(b, &view, GP_BUFFER_SIMPLE), 0);
    assert_true(view.readonly);
    assert_int_equal(view.len, 3);
    assert_memory_equal(view.data, "abc", 3);
    assert_ptr_equal(view.obj, b);
    gp_buffer_release(&view);
    assert_null(view.obj);
    assert_int_equal(b->refcnt, refs);
    assert_int_equal(gp_buffer_get(b, &view, GP_BUFFER_WRITABLE), -1);
    check_error(&gp_exc_BufferError, "Object is not writable.");
    GP_DECREF(b);
}

static void test_buffer_rejects_non_buffers(void **state)
{
    (void)state;
    gp_object_t *s = gp_str_from_cstr("text");
    gp_buffer_t view;
    assert_int_equal(gp_buffer_get(s, &view, GP_BUFFER_SIMPLE), -1);
    check_error(&gp_exc_TypeError, "a bytes-like object is required, not 'str'");
    assert_false(gp_buffer_check(s));
    GP_DECREF(s);
}

static void test_export_blocks_bytearray_resize(void **state)
{
    (void)state;
    gp_object_t *ba = gp_bytearray_new("xy", 2);
    gp_buffer_t view;
    assert_int_equal(gp_buffer_get(ba, &view, GP_BUFFER_WRITABLE), 0);
    assert_false(view.readonly);
    view.data[0] = 'X';
    assert_int_equal(append_byte(ba, 33), -1);
    check_error(&gp_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    gp_buffer_release(&view);
    assert_int_equal(append_byte(ba, 33), 0);
    assert_int_equal(gp_bytes_len(ba), 3);
    assert_memory_equal(gp_bytes_data(ba), "Xy!", 3);
    GP_DECREF(ba);
}

static void test_memoryview_holds_an_export_until_released(void **state)
{
    (void)state;
    gp_object_t *ba = gp_bytearray_new("hello", 5);
    gp_object_t *m = memoryview_of(ba);
    assert_int_equal(append_byte(ba, 1), -1);
    check_error(&gp_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    /* A view of the view has its own export. */
    gp_buffer_t view;
    assert_int_equal(gp_buffer_get(m, &view, GP_BUFFER_WRITABLE), 0);
    assert_int_equal(view.len, 5);
    assert_ptr_equal(view.data, gp_bytes_data(ba));
    gp_object_t *r = gp_object_call_method(m, "release", NULL, 0);
    assert_non_null(r);
    GP_DECREF(r);
    assert_int_equal(append_byte(ba, 1), -1);
    check_error(&gp_exc_BufferError, "Existing exports of data: object cannot be re-sized");
    gp_buffer_release(&view);
    assert_int_equal(append_byte(ba, 1), 0);
    /* The released view refuses to lend its buffer. */
    assert_int_equal(gp_buffer_get(m, &view, GP_BUFFER_SIMPLE), -1);
    check_error(&gp_exc_ValueError, "operation forbidden on released memoryview object");
    GP_DECREF(m);
    GP_DECREF(ba);
}

static void test_strided_view_is_not_contiguous(void **state)
{
    (void)state;
    gp_object_t *b = gp_bytes_new("abcdef", 6);
    gp_object_t *m = memoryview_of(b);
    gp_object_t *every_other = gp_slice_new(gp_None, gp_None, GP_SMALL_NEW(2));
    gp_object_t *strided = gp_object_getitem(m, every_other);
    assert_non_null(strided);
    gp_buffer_t view;
    assert_int_equal(gp_buffer_get(strided, &view, GP_BUFFER_SIMPLE), -1);
    check_error(&gp_exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
    const char *data;
    size_t len;
    assert_false(gp_bytes_like(strided, &data, &len));
    gp_object_t *copy = gp_memoryview_tobytes(strided);
    assert_non_null(copy);
    assert_memory_equal(gp_bytes_data(copy), "ace", 3);
    /* A contiguous slice is bytes-like without a copy. */
    gp_object_t *tail = gp_slice_new(GP_SMALL_NEW(2), gp_None, gp_None);
    gp_object_t *sub = gp_object_getitem(m, tail);
    assert_non_null(sub);
    assert_true(gp_bytes_like(sub, &data, &len));
    assert_int_equal(len, 4);
    assert_ptr_equal(data, gp_bytes_data(b) + 2);
    GP_DECREF(sub);
    GP_DECREF(tail);
    GP_DECREF(copy);
    GP_DECREF(strided);
    GP_DECREF(every_other);
    GP_DECREF(m);
    GP_DECREF(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buffer_of_bytes_is_readonly),
        cmocka_unit_test(test_buffer_rejects_non_buffers),
        cmocka_unit_test(test_export_blocks_bytearray_resize),
        cmocka_unit_test(test_memoryview_holds_an_export_until_released),
        cmocka_unit_test(test_strided_view_is_not_contiguous),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
