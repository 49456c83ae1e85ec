/*
 * test_object.c - unit tests of the object protocol, the type system, the
 * descriptors and the error API (obj/object.c, type.c, slots.c, descr.c,
 * cfunction.c, module.c, singletons.c, error.c, exceptions.c, args.c).
 *
 * One behaviour per test; each runs in a fresh runtime. Classes are built
 * from C with gp_type_new_class, and their methods are C functions wrapped
 * in method descriptors, so these tests need no compiler or eval loop.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "obj/object.h"
#include "obj/type.h"
#include "runtime/mem.h"
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
    gp_mem_set_fail_after(-1);
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

/* The pending exception must be of [type] with str() [message]; clears it. */
static void assert_error(gp_type_t *type, const char *message)
{
    assert_true(gp_err_occurred());
    assert_true(gp_err_matches(type));
    gp_object_t *exc = gp_err_fetch();
    assert_str_eq(gp_object_str(exc), message);
    GP_DECREF(exc);
}

/* class <name>(*bases) with the given namespace entries (name, value pairs). */
static gp_object_t *make_class(const char *name, gp_object_t *bases, ...)
{
    gp_object_t *ns = gp_dict_new();
    assert_non_null(ns);
    va_list ap;
    va_start(ap, bases);
    for (;;) {
        const char *key = va_arg(ap, const char *);
        if (key == NULL)
            break;
        gp_object_t *value = va_arg(ap, gp_object_t *);
        assert_int_equal(gp_dict_setitem_cstr(ns, key, value), 0);
    }
    va_end(ap);
    gp_object_t *n = gp_str_from_cstr(name);
    gp_object_t *b = bases ? GP_INCREF(bases) : gp_tuple_new(0);
    gp_object_t *cls = gp_type_new_class(&gp_type_type, n, b, ns, NULL);
    GP_DECREF(n);
    GP_DECREF(b);
    GP_DECREF(ns);
    return cls;
}

static gp_object_t *call0(gp_object_t *callable)
{
    return gp_object_call(callable, NULL, 0, NULL);
}

/* ------------------------------------------------------------------ */
/* Allocation and refcounts                                             */
/* ------------------------------------------------------------------ */

static void test_new_object_has_refcount_one(void **state)
{
    gp_object_t *o = call0((gp_object_t *)&gp_object_type);
    assert_non_null(o);
    assert_int_equal(o->refcnt, 1);
    assert_ptr_equal(GP_TYPE(o), &gp_object_type);
    GP_DECREF(o);
}

static void test_instance_holds_its_class(void **state)
{
    gp_object_t *cls = make_class("A", NULL, NULL);
    assert_non_null(cls);
    intptr_t before = cls->refcnt;
    gp_object_t *o = call0(cls);
    assert_non_null(o);
    assert_int_equal(cls->refcnt, before + 1);
    GP_DECREF(o);
    assert_int_equal(cls->refcnt, before);
    GP_DECREF(cls);
}

static void test_instance_dict_is_in_prefix(void **state)
{
    gp_object_t *cls = make_class("A", NULL, NULL);
    gp_object_t *o = call0(cls);
    assert_non_null(gp_object_dict_ptr(o));
    assert_null(*gp_object_dict_ptr(o));
    assert_int_equal(gp_object_setattr_cstr(o, "x", GP_SMALL_NEW(5)), 0);
    assert_non_null(*gp_object_dict_ptr(o));
    assert_null(gp_object_dict_ptr(GP_SMALL_NEW(1)));
    GP_DECREF(o);
    GP_DECREF(cls);
}

static void test_allocation_failure_raises_memory_error(void **state)
{
    gp_mem_set_fail_after(1);
    gp_object_t *m = gp_module_new("x");
    gp_mem_set_fail_after(-1);
    assert_null(m);
    assert_true(gp_err_matches(&gp_exc_MemoryError));
    gp_err_clear();
}

static void test_memory_error_is_preallocated(void **state)
{
    uint64_t before = gp_mem_allocated_count();
    gp_err_no_memory();
    assert_int_equal(gp_mem_allocated_count(), before);
    assert_true(gp_err_matches(&gp_exc_MemoryError));
    gp_err_clear();
}

/* Two static types, the second a subclass of the first, each with its own
   method "which": their dicts are filled on first lookup. */
static gp_object_t *which_base(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                               gp_object_t *kwnames)
{
    return gp_str_from_cstr("base");
}

static gp_object_t *which_sub(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return gp_str_from_cstr("sub");
}

static const gp_method_def_t lazy_base_methods[] = {{"which", which_base, 0, NULL},
                                                     {NULL, NULL, 0, NULL}};
static const gp_method_def_t lazy_sub_methods[] = {{"which", which_sub, 0, NULL},
                                                    {NULL, NULL, 0, NULL}};
/* A constructor of its own: a built-in type without one is not callable. */
static gp_object_t *lazy_new(gp_type_t *type, gp_object_t *const *args, size_t nargs,
                             gp_object_t *kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return gp_object_alloc(type, 0);
}

static gp_type_t lazy_base_type = {
    GP_TYPE_HEAD_INIT,
    .name = "LazyBase",
    .basicsize = sizeof(gp_object_t),
    .new_ = lazy_new,
    .methods = lazy_base_methods,
};
static gp_type_t lazy_sub_type = {
    GP_TYPE_HEAD_INIT,
    .name = "LazySub",
    .basicsize = sizeof(gp_object_t),
    .base_type = &lazy_base_type,
    .methods = lazy_sub_methods,
};

/* A lookup whose type's dict cannot be filled for want of memory fails as
   MemoryError; it must not go on to a base and find the base's method
   (that made asyncio.sleep() objects await like plain Futures). */
static void test_lookup_out_of_memory_does_not_fall_to_base(void **state)
{
    assert_int_equal(gp_type_ready(&lazy_base_type), 0);
    assert_int_equal(gp_type_ready(&lazy_sub_type), 0);
    gp_object_t *name = gp_str_static("which");
    assert_non_null(name);
    /* The base's dict is filled first, so that only the subclass's fails. */
    assert_non_null(gp_type_lookup(&lazy_base_type, name));
    gp_mem_set_fail_after(1);
    gp_object_t *found = gp_type_lookup(&lazy_sub_type, name);
    gp_mem_set_fail_after(-1);
    assert_null(found);
    assert_false(gp_err_occurred());
    assert_true(gp_type_lookup_ran_out(&lazy_sub_type, name));
    /* Memory is back: the lookup fills the dict and finds the type's own. */
    assert_non_null(gp_type_lookup(&lazy_sub_type, name));
    gp_object_t *inst = gp_object_call((gp_object_t *)&lazy_sub_type, NULL, 0, NULL);
    assert_non_null(inst);
    assert_str_eq(gp_object_call_method(inst, "which", NULL, 0), "sub");
    GP_DECREF(inst);
}

/* ------------------------------------------------------------------ */
/* Attributes and the class hierarchy                                   */
/* ------------------------------------------------------------------ */

static void test_getattr_walks_the_mro(void **state)
{
    gp_object_t *a = make_class("A", NULL, "x", GP_SMALL_NEW(1), "y", GP_SMALL_NEW(2), NULL);
    gp_object_t *bases = gp_tuple_pack(1, a);
    gp_object_t *b = make_class("B", bases, "x", GP_SMALL_NEW(10), NULL);
    assert_non_null(b);
    gp_object_t *v = gp_object_getattr_cstr(b, "x");
    assert_ptr_equal(v, GP_SMALL_NEW(10));
    v = gp_object_getattr_cstr(b, "y");
    assert_ptr_equal(v, GP_SMALL_NEW(2));
    gp_object_t *inst = call0(b);
    assert_ptr_equal(gp_object_getattr_cstr(inst, "y"), GP_SMALL_NEW(2));
    GP_DECREF(inst);
    GP_DECREF(bases);
    GP_DECREF(b);
    GP_DECREF(a);
}

static void test_instance_attribute_shadows_class_attribute(void **state)
{
    gp_object_t *a = make_class("A", NULL, "x", GP_SMALL_NEW(1), NULL);
    gp_object_t *o = call0(a);
    assert_int_equal(gp_object_setattr_cstr(o, "x", GP_SMALL_NEW(7)), 0);
    assert_ptr_equal(gp_object_getattr_cstr(o, "x"), GP_SMALL_NEW(7));
    assert_ptr_equal(gp_object_getattr_cstr(a, "x"), GP_SMALL_NEW(1));
    GP_DECREF(o);
    GP_DECREF(a);
}

static void test_missing_instance_attribute_message(void **state)
{
    gp_object_t *a = make_class("Foo", NULL, NULL);
    gp_object_t *o = call0(a);
    assert_null(gp_object_getattr_cstr(o, "x"));
    assert_error(&gp_exc_AttributeError, "'Foo' object has no attribute 'x'");
    GP_DECREF(o);
    GP_DECREF(a);
}

static void test_missing_class_attribute_message(void **state)
{
    gp_object_t *a = make_class("Foo", NULL, NULL);
    assert_null(gp_object_getattr_cstr(a, "x"));
    assert_error(&gp_exc_AttributeError, "type object 'Foo' has no attribute 'x'");
    GP_DECREF(a);
}

static void test_setattr_on_int_fails(void **state)
{
    assert_int_equal(gp_object_setattr_cstr(GP_SMALL_NEW(1), "x", gp_None), -1);
    assert_error(&gp_exc_AttributeError, "'int' object has no attribute 'x'");
}

static void test_setattr_on_builtin_type_fails(void **state)
{
    assert_int_equal(gp_object_setattr_cstr((gp_object_t *)&gp_int_type, "x", gp_None), -1);
    assert_error(&gp_exc_TypeError, "cannot set 'x' attribute of immutable type 'int'");
}

static void test_getattr_opt_has_no_exception(void **state)
{
    gp_object_t *o = call0((gp_object_t *)&gp_object_type);
    assert_null(gp_object_getattr_opt(o, gp_str_static("nope")));
    assert_false(gp_err_occurred());
    assert_int_equal(gp_object_hasattr(o, gp_str_static("__class__")), 1);
    GP_DECREF(o);
}

static void test_class_attribute_update_bumps_version(void **state)
{
    gp_object_t *a = make_class("A", NULL, "x", GP_SMALL_NEW(1), NULL);
    gp_object_t *bases = gp_tuple_pack(1, a);
    gp_object_t *b = make_class("B", bases, NULL);
    uint32_t va = ((gp_type_t *)a)->version, vb = ((gp_type_t *)b)->version;
    assert_ptr_equal(gp_object_getattr_cstr(b, "x"), GP_SMALL_NEW(1));
    assert_int_equal(gp_object_setattr_cstr(a, "x", GP_SMALL_NEW(2)), 0);
    assert_int_not_equal(((gp_type_t *)a)->version, va);
    assert_int_not_equal(((gp_type_t *)b)->version, vb);
    assert_ptr_equal(gp_object_getattr_cstr(b, "x"), GP_SMALL_NEW(2));
    GP_DECREF(bases);
    GP_DECREF(b);
    GP_DECREF(a);
}

/* ------------------------------------------------------------------ */
/* MRO                                                                  */
/* ------------------------------------------------------------------ */

static void test_diamond_mro(void **state)
{
    gp_object_t *a = make_class("A", NULL, NULL);
    gp_object_t *ba = gp_tuple_pack(1, a);
    gp_object_t *b = make_class("B", ba, NULL);
    gp_object_t *c = make_class("C", ba, NULL);
    gp_object_t *bc = gp_tuple_pack(2, b, c);
    gp_object_t *d = make_class("D", bc, NULL);
    assert_non_null(d);
    gp_object_t *mro = ((gp_type_t *)d)->mro;
    assert_int_equal(GP_TUPLE_SIZE(mro), 5);
    assert_ptr_equal(GP_TUPLE_GET(mro, 0), d);
    assert_ptr_equal(GP_TUPLE_GET(mro, 1), b);
    assert_ptr_equal(GP_TUPLE_GET(mro, 2), c);
    assert_ptr_equal(GP_TUPLE_GET(mro, 3), a);
    assert_ptr_equal(GP_TUPLE_GET(mro, 4), &gp_object_type);
    GP_DECREF(d);
    GP_DECREF(bc);
    GP_DECREF(c);
    GP_DECREF(b);
    GP_DECREF(ba);
    GP_DECREF(a);
}

static void test_inconsistent_mro_message(void **state)
{
    gp_object_t *a = make_class("A", NULL, NULL);
    gp_object_t *ba = gp_tuple_pack(1, a);
    gp_object_t *b = make_class("B", ba, NULL);
    gp_object_t *ab = gp_tuple_pack(2, a, b);
    assert_null(make_class("C", ab, NULL));
    assert_error(&gp_exc_TypeError, "Cannot create a consistent method resolution\n"
                                    "order (MRO) for bases A, B");
    GP_DECREF(ab);
    GP_DECREF(b);
    GP_DECREF(ba);
    GP_DECREF(a);
}

static void test_layout_conflict(void **state)
{
    gp_object_t *bases = gp_tuple_pack(2, (gp_object_t *)&gp_int_type, (gp_object_t *)&gp_str_type);
    assert_null(make_class("C", bases, NULL));
    assert_error(&gp_exc_TypeError, "multiple bases have instance lay-out conflict");
    GP_DECREF(bases);
}

static void test_bool_is_not_a_base(void **state)
{
    gp_object_t *bases = gp_tuple_pack(1, (gp_object_t *)&gp_bool_type);
    assert_null(make_class("C", bases, NULL));
    assert_error(&gp_exc_TypeError, "type 'bool' is not an acceptable base type");
    GP_DECREF(bases);
}

static void test_type_of_one_argument(void **state)
{
    gp_object_t *arg = GP_SMALL_NEW(3);
    gp_object_t *t = gp_object_call((gp_object_t *)&gp_type_type, &arg, 1, NULL);
    assert_ptr_equal(t, &gp_int_type);
}

static void test_type_repr(void **state)
{
    assert_str_eq(gp_object_repr((gp_object_t *)&gp_int_type), "<class 'int'>");
    gp_object_t *a = make_class("Foo", NULL, "__module__", gp_str_static("__main__"), NULL);
    assert_str_eq(gp_object_repr(a), "<class '__main__.Foo'>");
    GP_DECREF(a);
}

static void test_default_repr_names_the_class(void **state)
{
    gp_object_t *a = make_class("Foo", NULL, "__module__", gp_str_static("__main__"), NULL);
    gp_object_t *o = call0(a);
    gp_object_t *r = gp_object_repr(o);
    assert_non_null(r);
    assert_true(strncmp(gp_str_utf8(r), "<__main__.Foo object at 0x", 26) == 0);
    GP_DECREF(r);
    GP_DECREF(o);
    GP_DECREF(a);
}

static void test_no_arguments_for_plain_class(void **state)
{
    gp_object_t *a = make_class("P", NULL, NULL);
    gp_object_t *arg = GP_SMALL_NEW(1);
    assert_null(gp_object_call(a, &arg, 1, NULL));
    assert_error(&gp_exc_TypeError, "P() takes no arguments");
    GP_DECREF(a);
}

/* ------------------------------------------------------------------ */
/* Dunder methods on classes                                            */
/* ------------------------------------------------------------------ */

static gp_object_t *add_forty_two(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    return GP_SMALL_NEW(42);
}

static gp_object_t *len_three(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                              gp_object_t *kwnames)
{
    return GP_SMALL_NEW(3);
}

static const gp_method_def_t add_def = {"__add__", add_forty_two, 0, NULL};
static const gp_method_def_t eq_def = {"__eq__", add_forty_two, 0, NULL};
static const gp_method_def_t len_def = {"__len__", len_three, 0, NULL};

static void test_dunder_add_becomes_slot(void **state)
{
    gp_object_t *m = gp_method_descr_new(&gp_object_type, &add_def);
    gp_object_t *a = make_class("A", NULL, "__add__", m, NULL);
    gp_object_t *o = call0(a);
    gp_object_t *r = gp_number_binop(o, GP_SMALL_NEW(1), GP_BINOP_ADD);
    assert_ptr_equal(r, GP_SMALL_NEW(42));
    assert_null(gp_number_binop(GP_SMALL_NEW(1), o, GP_BINOP_ADD));
    assert_error(&gp_exc_TypeError, "unsupported operand type(s) for +: 'int' and 'A'");
    GP_DECREF(o);
    GP_DECREF(a);
    GP_DECREF(m);
}

static void test_dunder_assigned_later_updates_slot(void **state)
{
    gp_object_t *a = make_class("A", NULL, NULL);
    gp_object_t *o = call0(a);
    assert_int_equal(gp_object_len(o), -1);
    assert_error(&gp_exc_TypeError, "object of type 'A' has no len()");
    gp_object_t *m = gp_method_descr_new(&gp_object_type, &len_def);
    assert_int_equal(gp_object_setattr_cstr(a, "__len__", m), 0);
    assert_int_equal(gp_object_len(o), 3);
    assert_int_equal(gp_object_is_true(o), 1);
    GP_DECREF(m);
    GP_DECREF(o);
    GP_DECREF(a);
}

static void test_eq_without_hash_is_unhashable(void **state)
{
    gp_object_t *m = gp_method_descr_new(&gp_object_type, &eq_def);
    gp_object_t *a = make_class("A", NULL, "__eq__", m, NULL);
    gp_object_t *o = call0(a);
    assert_int_equal(gp_object_hash(o), -1);
    assert_error(&gp_exc_TypeError, "unhashable type: 'A'");
    GP_DECREF(o);
    GP_DECREF(a);
    GP_DECREF(m);
}

static void test_subclass_of_list_keeps_list_slots(void **state)
{
    gp_object_t *bases = gp_tuple_pack(1, (gp_object_t *)&gp_list_type);
    gp_object_t *l = make_class("L", bases, NULL);
    assert_non_null(l);
    assert_ptr_equal(((gp_type_t *)l)->len, gp_list_type.len);
    assert_ptr_equal(((gp_type_t *)l)->getitem, gp_list_type.getitem);
    gp_object_t *o = call0(l);
    assert_non_null(o);
    assert_true(gp_list_check(o));
    assert_int_equal(gp_list_append(o, GP_SMALL_NEW(5)), 0);
    assert_int_equal(gp_object_len(o), 1);
    assert_int_equal(gp_object_setattr_cstr(o, "tag", GP_SMALL_NEW(1)), 0);
    GP_DECREF(o);
    GP_DECREF(l);
    GP_DECREF(bases);
}

static void test_slot_wrapper_calls_builtin(void **state)
{
    gp_object_t *arg = GP_SMALL_NEW(2);
    gp_object_t *r = gp_object_call_method(GP_SMALL_NEW(40), "__add__", &arg, 1);
    assert_ptr_equal(r, GP_SMALL_NEW(42));
    gp_object_t *w = gp_object_getattr_cstr((gp_object_t *)&gp_int_type, "__add__");
    assert_str_eq(gp_object_repr(w), "<slot wrapper '__add__' of 'int' objects>");
    GP_DECREF(w);
}

static void test_object_init_rejects_arguments(void **state)
{
    gp_object_t *a = make_class("P", NULL, NULL);
    gp_object_t *o = call0(a);
    gp_object_t *init = gp_object_getattr_cstr((gp_object_t *)&gp_object_type, "__init__");
    gp_object_t *args[2] = {o, GP_SMALL_NEW(1)};
    assert_null(gp_object_call(init, args, 2, NULL));
    assert_error(&gp_exc_TypeError,
                 "P.__init__() takes exactly one argument (the instance to initialize)");
    GP_DECREF(init);
    GP_DECREF(o);
    GP_DECREF(a);
}

static void test_super_finds_base_attribute(void **state)
{
    gp_object_t *a = make_class("A", NULL, "x", GP_SMALL_NEW(1), NULL);
    gp_object_t *ba = gp_tuple_pack(1, a);
    gp_object_t *b = make_class("B", ba, "x", GP_SMALL_NEW(2), NULL);
    gp_object_t *o = call0(b);
    gp_object_t *args[2] = {b, o};
    gp_object_t *s = gp_object_call((gp_object_t *)&gp_super_type, args, 2, NULL);
    assert_non_null(s);
    assert_ptr_equal(gp_object_getattr_cstr(s, "x"), GP_SMALL_NEW(1));
    assert_null(gp_object_getattr_cstr(s, "zz"));
    assert_error(&gp_exc_AttributeError, "'super' object has no attribute 'zz'");
    GP_DECREF(s);
    GP_DECREF(o);
    GP_DECREF(b);
    GP_DECREF(ba);
    GP_DECREF(a);
}

/* ------------------------------------------------------------------ */
/* The abstract protocol's errors                                       */
/* ------------------------------------------------------------------ */

static void test_compare_int_and_str(void **state)
{
    gp_object_t *s = gp_str_from_cstr("a");
    assert_null(gp_object_richcompare(GP_SMALL_NEW(1), s, GP_CMP_LT));
    assert_error(&gp_exc_TypeError, "'<' not supported between instances of 'int' and 'str'");
    assert_int_equal(gp_object_richcompare_bool(GP_SMALL_NEW(1), s, GP_CMP_EQ), 0);
    GP_DECREF(s);
}

static void test_unsupported_operand_message(void **state)
{
    gp_object_t *s = gp_str_from_cstr("a");
    assert_null(gp_number_binop(GP_SMALL_NEW(1), s, GP_BINOP_ADD));
    assert_error(&gp_exc_TypeError, "unsupported operand type(s) for +: 'int' and 'str'");
    assert_null(gp_number_binop(GP_SMALL_NEW(1), s, GP_BINOP_ADD | GP_BINOP_INPLACE));
    assert_error(&gp_exc_TypeError, "unsupported operand type(s) for +=: 'int' and 'str'");
    assert_null(gp_number_unop(s, GP_UNOP_NEG));
    assert_error(&gp_exc_TypeError, "bad operand type for unary -: 'str'");
    GP_DECREF(s);
}

static void test_not_callable_subscriptable_iterable(void **state)
{
    gp_object_t *one = GP_SMALL_NEW(1);
    assert_null(gp_object_call(one, NULL, 0, NULL));
    assert_error(&gp_exc_TypeError, "'int' object is not callable");
    assert_null(gp_object_getitem(one, one));
    assert_error(&gp_exc_TypeError, "'int' object is not subscriptable");
    assert_int_equal(gp_object_setitem(gp_None, one, one), -1);
    assert_error(&gp_exc_TypeError, "'NoneType' object does not support item assignment");
    assert_null(gp_object_iter(one));
    assert_error(&gp_exc_TypeError, "'int' object is not iterable");
    assert_int_equal(gp_object_contains(one, one), -1);
    assert_error(&gp_exc_TypeError, "argument of type 'int' is not iterable");
}

static void test_isinstance_with_tuple(void **state)
{
    gp_object_t *t = gp_tuple_pack(2, (gp_object_t *)&gp_str_type, (gp_object_t *)&gp_int_type);
    assert_int_equal(gp_object_isinstance(gp_True, t), 1);
    assert_int_equal(gp_object_isinstance(gp_None, t), 0);
    assert_int_equal(gp_object_isinstance(gp_None, GP_SMALL_NEW(1)), -1);
    assert_error(&gp_exc_TypeError,
                 "isinstance() arg 2 must be a type, a tuple of types, or a union");
    assert_int_equal(gp_object_issubclass((gp_object_t *)&gp_bool_type, t), 1);
    GP_DECREF(t);
}

static void test_none_singletons(void **state)
{
    assert_str_eq(gp_object_repr(gp_None), "None");
    assert_str_eq(gp_object_repr(gp_NotImplemented), "NotImplemented");
    assert_str_eq(gp_object_repr(gp_Ellipsis), "Ellipsis");
    assert_int_equal(gp_object_is_true(gp_None), 0);
    gp_object_t *r = call0((gp_object_t *)&gp_none_type);
    assert_ptr_equal(r, gp_None);
    GP_DECREF(r);
}

/* ------------------------------------------------------------------ */
/* Errors and exceptions                                                */
/* ------------------------------------------------------------------ */

static void test_err_format_directives(void **state)
{
    gp_object_t *s = gp_str_from_cstr("x");
    gp_err_format(&gp_exc_ValueError, "%s %d %R %S %T %N", "a", 5, s, s, s,
                  (gp_type_t *)&gp_list_type);
    assert_error(&gp_exc_ValueError, "a 5 'x' x str list");
    GP_DECREF(s);
}

static void test_raising_a_class_instantiates_it(void **state)
{
    gp_err_set_exception((gp_object_t *)&gp_exc_KeyError);
    gp_object_t *exc = gp_err_current();
    assert_non_null(exc);
    assert_ptr_equal(GP_TYPE(exc), &gp_exc_KeyError);
    gp_err_clear();
    assert_false(gp_err_occurred());
}

static void test_exception_repr_and_str(void **state)
{
    gp_err_set_string(&gp_exc_ValueError, "bad");
    gp_object_t *exc = gp_err_fetch();
    assert_str_eq(gp_object_repr(exc), "ValueError('bad')");
    assert_str_eq(gp_object_str(exc), "bad");
    GP_DECREF(exc);
    gp_object_t *k = gp_str_from_cstr("k");
    gp_err_set_object(&gp_exc_KeyError, k);
    assert_error(&gp_exc_KeyError, "'k'");
    GP_DECREF(k);
    gp_object_t *e = call0((gp_object_t *)&gp_exc_RuntimeError);
    assert_str_eq(gp_object_str(e), "");
    assert_str_eq(gp_object_repr(e), "RuntimeError()");
    GP_DECREF(e);
}

static void test_oserror_picks_subclass(void **state)
{
    gp_object_t *f = gp_str_from_cstr("x");
    gp_err_set_from_errno(2, f);
    assert_true(gp_err_matches(&gp_exc_FileNotFoundError));
    assert_true(gp_err_matches(&gp_exc_OSError));
    gp_object_t *exc = gp_err_fetch();
    assert_str_eq(gp_object_str(exc), "[Errno 2] No such file or directory: 'x'");
    gp_object_t *no = gp_object_getattr_cstr(exc, "errno");
    assert_ptr_equal(no, GP_SMALL_NEW(2));
    GP_DECREF(exc);
    GP_DECREF(f);
}

static void test_stopiteration_value(void **state)
{
    gp_object_t *arg = GP_SMALL_NEW(9);
    gp_object_t *e = gp_object_call((gp_object_t *)&gp_exc_StopIteration, &arg, 1, NULL);
    assert_ptr_equal(gp_object_getattr_cstr(e, "value"), GP_SMALL_NEW(9));
    GP_DECREF(e);
}

static void test_cause_sets_suppress_context(void **state)
{
    gp_object_t *e = call0((gp_object_t *)&gp_exc_ValueError);
    gp_object_t *c = call0((gp_object_t *)&gp_exc_KeyError);
    assert_int_equal(gp_object_setattr_cstr(e, "__cause__", c), 0);
    assert_true(((gp_exception_t *)e)->suppress_context);
    assert_int_equal(gp_object_setattr_cstr(e, "__cause__", GP_SMALL_NEW(1)), -1);
    assert_error(&gp_exc_TypeError, "exception cause must be None or derive from BaseException");
    GP_DECREF(c);
    GP_DECREF(e);
}

static void test_implicit_context_from_handled_exception(void **state)
{
    gp_thread_state_t *ts = gp_tstate();
    gp_object_t *handled = call0((gp_object_t *)&gp_exc_KeyError);
    ts->exc_info = handled;
    gp_err_set_string(&gp_exc_ValueError, "during");
    ts->exc_info = NULL;
    gp_object_t *exc = gp_err_fetch();
    assert_ptr_equal(((gp_exception_t *)exc)->context, handled);
    GP_DECREF(exc);
    GP_DECREF(handled);
}

static void test_syntax_error_str(void **state)
{
    gp_object_t *info[6] = {gp_str_from_cstr("/a/b/x.py"), GP_SMALL_NEW(1), GP_SMALL_NEW(2),
                            gp_str_from_cstr("x = ="),     GP_SMALL_NEW(1), GP_SMALL_NEW(3)};
    gp_object_t *t = gp_tuple_from_array(info, 6);
    gp_object_t *args[2] = {gp_str_from_cstr("invalid syntax"), t};
    gp_object_t *e = gp_object_call((gp_object_t *)&gp_exc_SyntaxError, args, 2, NULL);
    assert_str_eq(gp_object_str(e), "invalid syntax (x.py, line 1)");
    assert_ptr_equal(gp_object_getattr_cstr(e, "offset"), GP_SMALL_NEW(2));
    GP_DECREF(e);
    GP_DECREF(args[0]);
    GP_DECREF(t);
    GP_DECREF(info[0]);
    GP_DECREF(info[3]);
}

/* ------------------------------------------------------------------ */
/* Builtin callables, modules, argument parsing                         */
/* ------------------------------------------------------------------ */

static const gp_method_def_t len_like_def = {"len", len_three, 0, NULL};

static void test_cfunction_rejects_keywords(void **state)
{
    gp_object_t *f = gp_cfunction_new(&len_like_def, NULL);
    assert_str_eq(gp_object_repr(f), "<built-in function len>");
    gp_object_t *kw = gp_tuple_pack(1, gp_str_static("x"));
    gp_object_t *args[1] = {GP_SMALL_NEW(1)};
    assert_null(gp_object_call(f, args, 0, kw));
    assert_error(&gp_exc_TypeError, "len() takes no keyword arguments");
    GP_DECREF(kw);
    GP_DECREF(f);
}

/* A builtin type's dict is filled when first read (obj/type.c): while the
   type is marked pending its methods are not in the dict yet, and after
   gp_type_dict() they all are and the mark is gone. */
static void test_builtin_type_dict_filled_on_first_use(void **state)
{
    gp_type_t *t = &gp_slice_type;
    bool pending = (t->flags & GP_TYPE_FLAG_DICT_PENDING) != 0;
    assert_int_equal(gp_dict_getitem_cstr(t->dict, "indices") == NULL, pending);
    gp_object_t *d = gp_type_dict(t);
    assert_non_null(d);
    assert_false(t->flags & GP_TYPE_FLAG_DICT_PENDING);
    assert_non_null(gp_dict_getitem_cstr(d, "indices"));
    assert_non_null(gp_dict_getitem_cstr(d, "__repr__"));
    assert_ptr_equal(gp_dict_getitem_cstr(d, "__hash__"), gp_None);
}

static void test_module_attribute_error(void **state)
{
    gp_object_t *m = gp_module_new("math");
    assert_str_eq(gp_object_repr(m), "<module 'math' (built-in)>");
    assert_int_equal(gp_module_add_int(m, "answer", 42), 0);
    assert_ptr_equal(gp_object_getattr_cstr(m, "answer"), GP_SMALL_NEW(42));
    assert_null(gp_object_getattr_cstr(m, "zz"));
    assert_error(&gp_exc_AttributeError, "module 'math' has no attribute 'zz'");
    GP_DECREF(m);
}

static void test_args_parse_messages(void **state)
{
    static const char *const names[] = {"a", "b", "$key", NULL};
    gp_object_t *out[3];
    gp_object_t *args[4] = {GP_SMALL_NEW(1), GP_SMALL_NEW(2), GP_SMALL_NEW(3), GP_SMALL_NEW(4)};
    assert_int_equal(gp_args_parse("f", args, 3, NULL, names, 1, out), -1);
    assert_error(&gp_exc_TypeError, "f() takes at most 2 positional arguments (3 given)");
    assert_int_equal(gp_args_parse("f", args, 0, NULL, names, 1, out), -1);
    assert_error(&gp_exc_TypeError, "f() missing required argument 'a' (pos 1)");
    gp_object_t *kw = gp_tuple_pack(1, gp_str_static("y"));
    assert_int_equal(gp_args_parse("f", args, 1, kw, names, 1, out), -1);
    assert_error(&gp_exc_TypeError, "'y' is an invalid keyword argument for f()");
    GP_DECREF(kw);
    kw = gp_tuple_pack(1, gp_str_static("key"));
    assert_int_equal(gp_args_parse("f", args, 1, kw, names, 1, out), 0);
    assert_ptr_equal(out[0], GP_SMALL_NEW(1));
    assert_null(out[1]);
    assert_ptr_equal(out[2], GP_SMALL_NEW(2));
    GP_DECREF(kw);
}

static void test_args_check_messages(void **state)
{
    assert_int_equal(gp_args_check("len", 2, NULL, 1, 1), -1);
    assert_error(&gp_exc_TypeError, "len() takes exactly one argument (2 given)");
    assert_int_equal(gp_args_check("getattr", 1, NULL, 2, 3), -1);
    assert_error(&gp_exc_TypeError, "getattr expected at least 2 arguments, got 1");
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_new_object_has_refcount_one),
        T(test_instance_holds_its_class),
        T(test_instance_dict_is_in_prefix),
        T(test_allocation_failure_raises_memory_error),
        T(test_memory_error_is_preallocated),
        T(test_lookup_out_of_memory_does_not_fall_to_base),
        T(test_getattr_walks_the_mro),
        T(test_instance_attribute_shadows_class_attribute),
        T(test_missing_instance_attribute_message),
        T(test_missing_class_attribute_message),
        T(test_setattr_on_int_fails),
        T(test_setattr_on_builtin_type_fails),
        T(test_getattr_opt_has_no_exception),
        T(test_class_attribute_update_bumps_version),
        T(test_diamond_mro),
        T(test_inconsistent_mro_message),
        T(test_layout_conflict),
        T(test_bool_is_not_a_base),
        T(test_type_of_one_argument),
        T(test_type_repr),
        T(test_default_repr_names_the_class),
        T(test_no_arguments_for_plain_class),
        T(test_dunder_add_becomes_slot),
        T(test_dunder_assigned_later_updates_slot),
        T(test_eq_without_hash_is_unhashable),
        T(test_subclass_of_list_keeps_list_slots),
        T(test_slot_wrapper_calls_builtin),
        T(test_builtin_type_dict_filled_on_first_use),
        T(test_object_init_rejects_arguments),
        T(test_super_finds_base_attribute),
        T(test_compare_int_and_str),
        T(test_unsupported_operand_message),
        T(test_not_callable_subscriptable_iterable),
        T(test_isinstance_with_tuple),
        T(test_none_singletons),
        T(test_err_format_directives),
        T(test_raising_a_class_instantiates_it),
        T(test_exception_repr_and_str),
        T(test_oserror_picks_subclass),
        T(test_stopiteration_value),
        T(test_cause_sets_suppress_context),
        T(test_implicit_context_from_handled_exception),
        T(test_syntax_error_str),
        T(test_cfunction_rejects_keywords),
        T(test_module_attribute_error),
        T(test_args_parse_messages),
        T(test_args_check_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
