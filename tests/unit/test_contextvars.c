/*
 * test_contextvars.c - unit tests of the C side of contexts that asyncio
 * leans on (mod/contextvars.h): a lazy scope allocates nothing unless a
 * variable is set in it, a capture of an empty context is NULL, and a
 * captured copy is a snapshot that later sets do not reach. Also the
 * array's export rule, which the buffer protocol hook provides.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mod/contextvars.h"
#include "obj/memoryview.h"
#include "obj/str.h"
#include "runtime/runtime.h"

static gp_runtime_t *runtime;
static gp_object_t *module;

static int setup(void **state)
{
    (void)state;
    if (!runtime)
        runtime = gp_runtime_new(0, NULL);
    if (runtime && !module)
        module = gp_contextvars_module_create();
    return runtime && module ? 0 : -1;
}

/* A new ContextVar named [name]. */
static gp_object_t *var_new(const char *name)
{
    gp_object_t *cls = gp_object_getattr_cstr(module, "ContextVar");
    assert_non_null(cls);
    gp_object_t *s = gp_str_from_cstr(name);
    gp_object_t *var = gp_object_call1(cls, s);
    assert_non_null(var);
    GP_DECREF(s);
    GP_DECREF(cls);
    return var;
}

/* var.set(value); the token is dropped. */
static void var_set(gp_object_t *var, gp_object_t *value)
{
    gp_object_t *token = gp_object_call_method(var, "set", &value, 1);
    assert_non_null(token);
    GP_DECREF(token);
}

/* var.get(None): a new reference. */
static gp_object_t *var_get(gp_object_t *var)
{
    gp_object_t *none = gp_None;
    gp_object_t *r = gp_object_call_method(var, "get", &none, 1);
    assert_non_null(r);
    return r;
}

static void test_lazy_scope_allocates_nothing_when_unused(void **state)
{
    (void)state;
    gp_object_t *var = var_new("unused");
    gp_context_scope_t scope;
    assert_int_equal(gp_context_scope_enter(&scope, NULL), 0);
    gp_object_t *v = var_get(var);
    assert_ptr_equal(v, gp_None);
    GP_DECREF(v);
    assert_null(gp_context_scope_leave(&scope));
    assert_false(gp_err_occurred());
    GP_DECREF(var);
}

static void test_lazy_scope_hands_back_the_context_it_made(void **state)
{
    (void)state;
    gp_object_t *var = var_new("lazy");
    gp_context_scope_t scope;
    assert_int_equal(gp_context_scope_enter(&scope, NULL), 0);
    var_set(var, GP_SMALL_NEW(42));
    gp_object_t *made = gp_context_scope_leave(&scope);
    assert_non_null(made);
    assert_true(gp_context_check(made));
    /* Outside, the value is gone; inside the context kept, it is there. */
    gp_object_t *outside = var_get(var);
    assert_ptr_equal(outside, gp_None);
    GP_DECREF(outside);
    assert_int_equal(gp_context_scope_enter(&scope, made), 0);
    gp_object_t *inside = var_get(var);
    assert_ptr_equal(inside, GP_SMALL_NEW(42));
    assert_null(gp_context_scope_leave(&scope));
    GP_DECREF(made);
    GP_DECREF(var);
}

static void test_capture_is_a_snapshot(void **state)
{
    (void)state;
    gp_object_t *var = var_new("snap");
    gp_context_scope_t scope;
    gp_object_t *ctx = gp_context_new_empty();
    assert_non_null(ctx);
    assert_int_equal(gp_context_scope_enter(&scope, ctx), 0);
    /* Empty: nothing to copy. */
    assert_null(gp_context_capture());
    assert_false(gp_err_occurred());
    var_set(var, GP_SMALL_NEW(1));
    gp_object_t *copy = gp_context_capture();
    assert_non_null(copy);
    var_set(var, GP_SMALL_NEW(2));
    /* A context already current cannot be entered again. */
    gp_context_scope_t again;
    assert_int_equal(gp_context_scope_enter(&again, ctx), -1);
    gp_err_clear();
    assert_null(gp_context_scope_leave(&scope));

    gp_object_t *in_copy = gp_object_getitem(copy, var);
    gp_object_t *in_ctx = gp_object_getitem(ctx, var);
    assert_ptr_equal(in_copy, GP_SMALL_NEW(1));
    assert_ptr_equal(in_ctx, GP_SMALL_NEW(2));
    GP_DECREF(copy);
    GP_DECREF(ctx);
    GP_DECREF(var);
}

static void test_array_refuses_to_resize_while_exported(void **state)
{
    (void)state;
    gp_object_t *array_module = gp_array_module_create();
    assert_non_null(array_module);
    gp_object_t *cls = gp_object_getattr_cstr(array_module, "array");
    gp_object_t *code = gp_str_from_cstr("i");
    gp_object_t *a = gp_object_call1(cls, code);
    assert_non_null(a);
    gp_buffer_t view;
    assert_int_equal(gp_buffer_get(a, &view, GP_BUFFER_WRITABLE), 0);
    assert_int_equal(view.len, 0);
    gp_object_t *item = GP_SMALL_NEW(5);
    assert_null(gp_object_call_method(a, "append", &item, 1));
    assert_true(gp_err_matches(&gp_exc_BufferError));
    gp_err_clear();
    gp_buffer_release(&view);
    gp_object_t *r = gp_object_call_method(a, "append", &item, 1);
    assert_non_null(r);
    GP_DECREF(r);
    assert_int_equal(gp_object_len(a), 1);
    GP_DECREF(a);
    GP_DECREF(code);
    GP_DECREF(cls);
    GP_DECREF(array_module);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lazy_scope_allocates_nothing_when_unused),
        cmocka_unit_test(test_lazy_scope_hands_back_the_context_it_made),
        cmocka_unit_test(test_capture_is_a_snapshot),
        cmocka_unit_test(test_array_refuses_to_resize_while_exported),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
