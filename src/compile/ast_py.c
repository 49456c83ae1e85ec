/*
 * ast_py.c - the `_ast` module: the parser's tree as Python node objects,
 * and node objects back into a tree the compiler can take.
 *
 * Design notes
 * ------------
 * The C tree of ast.h already has CPython's node and field names, so the
 * bridge is one table rather than a hundred hand-written functions. Every
 * node class is a row of `ast_py_classes` (ast_py_table.c): its name, its
 * base, which C struct its instances correspond to (a "category": stmt,
 * expr, arg...), the `kind` value that selects it within that struct, and
 * its fields. A
 * field names its Python attribute, where it lives in the C struct (an
 * offsetof), what it holds (an expr, a list of stmt, an identifier, an
 * operator...) and whether it may be None or is a list. Three walks use
 * the same rows:
 *
 *   - module creation makes the classes, in table order so that a base is
 *     always made before its subclasses (`_fields`, `_attributes`, and a
 *     None class attribute for every optional field, which is what makes
 *     `ast.Return().value` None and lets ast.dump() leave it out);
 *   - to_py() copies a C node into a new instance, field by field;
 *   - from_py() reads the attributes of an instance into a new C node in
 *     an arena, raising CPython's TypeError/ValueError for a missing field,
 *     a wrong type, or an expression in the wrong context.
 *
 * Fields are read and written through memcpy at their offset, which keeps
 * the generic code honest about types it cannot name.
 *
 * The operator and context classes (Load, Add, Eq...) have one shared
 * instance each, as in CPython, kept in the module next to the classes:
 * `_node_classes` is the tuple of classes in table order and
 * `_node_singletons` the matching tuple of shared instances (None for
 * every other class). Looking a class up in that tuple by identity is how
 * an instance's row is found; a user subclass of a node class is found
 * through its MRO.
 *
 * A tree built by hand may break promises the parser keeps (equal lengths
 * of Compare.ops and comparators, a Load context where a value is read),
 * and the compiler trusts those promises. from_py() checks them all before
 * the compiler sees the tree, so no Python-made tree can crash it.
 */
#include <stddef.h>
#include <string.h>

#include "compile/ast_py.h"
#include "compile/ast_py_internal.h"
#include "compile/compile.h"
#include "compile/parser.h"
#include "obj/containers.h"
#include "obj/type.h"
#include "runtime/runtime.h"
#include "vm/eval.h"

/* A pointer-sized sequence of any of ast.h's kinds: they share the layout
   { size_t count; T **items; }. */
typedef struct {
    size_t count;
    void **items;
} ast_seq_t;


_Static_assert(sizeof(gp_ast_stmt_kind_t) == sizeof(int), "kinds are read as int");
_Static_assert(sizeof(gp_ast_operator_t) == sizeof(int), "enums are read as int");
_Static_assert(sizeof(gp_ast_identifier_seq_t) == sizeof(ast_seq_t), "one sequence layout");

/* How deep a tree the two walks follow: the parser's own bound, so that a
   tree made by hand is never deeper than the compiler is used to. */
#define AST_MAX_DEPTH 1000

/* One walk, either way: the module's class and singleton tuples (borrowed)
   and, for from_py, the arena the C tree goes into. */
typedef struct {
    gp_object_t *classes;
    gp_object_t *singletons;
    gp_arena_t *arena;
    int depth;
} ast_walk_t;

static int ast_read_int(const void *node, size_t offset)
{
    int value;
    memcpy(&value, (const char *)node + offset, sizeof value);
    return value;
}

static void ast_write_int(void *node, size_t offset, int value)
{
    memcpy((char *)node + offset, &value, sizeof value);
}

static void *ast_read_ptr(const void *node, size_t offset)
{
    void *value;
    memcpy(&value, (const char *)node + offset, sizeof value);
    return value;
}

static void ast_write_ptr(void *node, size_t offset, const void *value)
{
    memcpy((char *)node + offset, &value, sizeof value);
}

static int ast_enter(ast_walk_t *w)
{
    if (++w->depth > AST_MAX_DEPTH) {
        gp_err_set_string(&gp_exc_RecursionError,
                          "maximum recursion depth exceeded during compilation");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* C tree -> objects                                                    */
/* ------------------------------------------------------------------ */

static gp_object_t *to_py_node(ast_walk_t *w, ast_category_t cat, const void *node);

/* The shared instance of an operator or context class. */
static gp_object_t *to_py_enum(ast_walk_t *w, ast_category_t cat, int value)
{
    int row = ast_py_class_index(cat, value);
    if (row < 0) {
        gp_err_format(&gp_exc_SystemError, "bad %s value %d", ast_py_categories[cat].name, value);
        return NULL;
    }
    return GP_INCREF(GP_TUPLE_GET(w->singletons, row));
}

static gp_object_t *to_py_ident(const char *s)
{
    return s ? gp_str_from_cstr(s) : gp_none_new();
}

/* A list made of the [count] items of a C sequence. */
static gp_object_t *to_py_list(ast_walk_t *w, const ast_field_t *f, const void *node)
{
    ast_seq_t seq;
    memcpy(&seq, (const char *)node + f->offset, sizeof seq);
    gp_object_t *list = gp_list_new(0);
    for (size_t i = 0; list && i < seq.count; i++) {
        gp_object_t *item;
        if (f->type == T_IDENT)
            item = to_py_ident(seq.items[i]);
        else if (f->type == T_CMPOPS)
            item = to_py_enum(w, CAT_CMPOP, ((const gp_ast_cmpop_t *)(void *)seq.items)[i]);
        else
            item = to_py_node(w, f->cat, seq.items[i]);
        if (!item || gp_list_append(list, item) < 0)
            GP_CLEAR(list);
        GP_XDECREF(item);
    }
    return list;
}

static gp_object_t *to_py_field(ast_walk_t *w, const ast_field_t *f, const void *node)
{
    if (f->card == SEQ || f->card == SEQ_N)
        return f->type == T_TYPE_IGNORES ? gp_list_new(0) : to_py_list(w, f, node);
    const char *at = (const char *)node + f->offset;
    switch (f->type) {
    case T_NODE:
        return to_py_node(w, f->cat, ast_read_ptr(node, f->offset));
    case T_ENUM:
        return to_py_enum(w, f->cat, ast_read_int(node, f->offset));
    case T_IDENT:
        return to_py_ident(ast_read_ptr(node, f->offset));
    case T_INT:
        return gp_int_from_i64(ast_read_int(node, f->offset));
    case T_CONSTANT:
        return gp_ast_constant_object((const gp_ast_constant_t *)(const void *)at);
    case T_CONST_KIND:
        if (((const gp_ast_constant_t *)(const void *)at)->is_u_prefixed)
            return gp_str_from_cstr("u");
        return gp_none_new();
    case T_SINGLETON: {
        gp_ast_constant_kind_t kind;
        memcpy(&kind, at, sizeof kind);
        return kind == GP_AST_CONST_NONE ? gp_none_new() : gp_bool_from(kind == GP_AST_CONST_TRUE);
    }
    default:
        return gp_none_new();
    }
}

/* A new instance of the class of C node [node] of category [cat] (None for
   a NULL node), with every field and location filled in. */
static gp_object_t *to_py_node(ast_walk_t *w, ast_category_t cat, const void *node)
{
    if (!node)
        return gp_none_new();
    const ast_category_info_t *info = &ast_py_categories[cat];
    int row = ast_py_class_index(cat, info->has_kind ? ast_read_int(node, 0) : 0);
    if (row < 0) {
        gp_err_format(&gp_exc_SystemError, "unknown %s node", info->name);
        return NULL;
    }
    if (ast_enter(w) < 0)
        return NULL;
    const ast_class_t *cls = &ast_py_classes[row];
    gp_object_t *obj = gp_object_call0(GP_TUPLE_GET(w->classes, row));
    for (size_t i = 0; obj && i < cls->nfields; i++) {
        gp_object_t *value = to_py_field(w, &cls->fields[i], node);
        if (!value || gp_object_setattr(obj, gp_str_static(cls->fields[i].name), value) < 0)
            GP_CLEAR(obj);
        GP_XDECREF(value);
    }
    for (int i = 0; obj && info->loc != SIZE_MAX && i < 4; i++) {
        gp_object_t *value = gp_int_from_i64(ast_read_int(node, info->loc + i * sizeof(int)));
        if (!value || gp_object_setattr(obj, gp_str_static(ast_py_location_names[i]), value) < 0)
            GP_CLEAR(obj);
        GP_XDECREF(value);
    }
    w->depth--;
    return obj;
}

/* ------------------------------------------------------------------ */
/* Objects -> C tree                                                    */
/* ------------------------------------------------------------------ */

/* The table row of [obj]'s class, or of the nearest node class on its MRO
   (a user subclass of ast.Name is a Name); -1 if it is no node at all. */
static int ast_row_of(ast_walk_t *w, gp_object_t *obj)
{
    gp_object_t *mro = GP_TYPE(obj)->mro;
    size_t n = mro ? (size_t)GP_TUPLE_SIZE(mro) : 0;
    for (size_t m = 0; m < n; m++) {
        gp_object_t *klass = GP_TUPLE_GET(mro, m);
        for (size_t i = 0; i < ast_py_class_count; i++)
            if (GP_TUPLE_GET(w->classes, i) == klass)
                return (int)i;
    }
    return -1;
}

static const char *const ast_context_names[] = {"Load", "Store", "Del"};

static void *from_py_node(ast_walk_t *w, ast_category_t cat, gp_object_t *obj, int want_ctx);

/* A Python int that must fit a C int: CPython's "invalid integer value". */
static int from_py_int(gp_object_t *obj, int *out)
{
    if (!gp_int_check(obj)) {
        gp_err_format(&gp_exc_ValueError, "invalid integer value: %R", obj);
        return -1;
    }
    int overflow = 0;
    int64_t v = gp_int_as_i64_overflow(obj, &overflow);
    if (overflow || v > INT32_MAX || v < INT32_MIN) {
        gp_err_set_string(&gp_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static const char *from_py_ident(ast_walk_t *w, gp_object_t *obj)
{
    if (!gp_str_check(obj)) {
        gp_err_set_string(&gp_exc_TypeError, "AST identifier must be of type str");
        return NULL;
    }
    const char *s = gp_arena_strndup(w->arena, gp_str_utf8(obj), gp_str_utf8_len(obj));
    if (!s)
        gp_err_no_memory();
    return s;
}

/* Fills [k] from a Constant's value. An int keeps its sign in its digits
   ("-5"): every reader of the digits parses them with gp_int_from_string,
   which takes a sign, so a transformer's folded negative constant needs no
   unary minus around it. */
static int from_py_constant(ast_walk_t *w, gp_object_t *obj, gp_ast_constant_t *k)
{
    if (obj == gp_None) {
        k->kind = GP_AST_CONST_NONE;
    } else if (obj == gp_True || obj == gp_False) {
        k->kind = obj == gp_True ? GP_AST_CONST_TRUE : GP_AST_CONST_FALSE;
    } else if (obj == gp_Ellipsis) {
        k->kind = GP_AST_CONST_ELLIPSIS;
    } else if (gp_int_check(obj)) {
        gp_object_t *text = gp_object_repr(obj);
        if (!text)
            return -1;
        k->kind = GP_AST_CONST_INT;
        k->base = 10;
        k->digits = gp_arena_strndup(w->arena, gp_str_utf8(text), gp_str_utf8_len(text));
        GP_DECREF(text);
        if (!k->digits) {
            gp_err_no_memory();
            return -1;
        }
    } else if (gp_float_check(obj)) {
        k->kind = GP_AST_CONST_FLOAT;
        k->number = gp_float_as_double(obj);
    } else if (gp_object_isinstance_type(obj, &gp_complex_type)) {
        double real, imag;
        if (gp_complex_as_doubles(obj, &real, &imag) < 0)
            return -1;
        if (real != 0.0) {
            gp_err_set_string(&gp_exc_ValueError,
                              "a complex Constant with a real part is not supported");
            return -1;
        }
        k->kind = GP_AST_CONST_COMPLEX;
        k->number = imag;
    } else if (gp_str_check(obj) || gp_bytes_check(obj)) {
        bool is_str = gp_str_check(obj);
        const char *data = is_str ? gp_str_utf8(obj) : gp_bytes_data(obj);
        k->length = is_str ? gp_str_utf8_len(obj) : gp_bytes_len(obj);
        k->kind = is_str ? GP_AST_CONST_STR : GP_AST_CONST_BYTES;
        k->bytes = gp_arena_strndup(w->arena, data, k->length);
        if (!k->bytes) {
            gp_err_no_memory();
            return -1;
        }
    } else {
        gp_err_format(&gp_exc_TypeError, "got an invalid type in Constant: %T", obj);
        return -1;
    }
    return 0;
}

/* Reads one list field into a C sequence. */
static int from_py_list(ast_walk_t *w, const ast_class_t *cls, const ast_field_t *f,
                        gp_object_t *list, void *node, int own_ctx)
{
    if (!gp_list_check(list)) {
        gp_err_format(&gp_exc_TypeError, "%s field \"%s\" must be a list, not a %T", cls->name,
                      f->name, list);
        return -1;
    }
    if (f->type == T_TYPE_IGNORES)
        return 0;
    size_t count = (size_t)GP_LIST_SIZE(list);
    size_t item_size = f->type == T_CMPOPS ? sizeof(gp_ast_cmpop_t) : sizeof(void *);
    char *items = count ? gp_arena_alloc(w->arena, count * item_size) : NULL;
    if (count && !items) {
        gp_err_no_memory();
        return -1;
    }
    int want = f->ctx == CTX_SAME ? own_ctx : f->ctx == CTX_ANY ? -1 : (int)f->ctx - CTX_LOAD;
    for (size_t i = 0; i < count; i++) {
        /* The list could shrink under a conversion that runs Python code. */
        if (i >= (size_t)GP_LIST_SIZE(list)) {
            gp_err_format(&gp_exc_RuntimeError, "%s field \"%s\" changed size during iteration",
                          cls->name, f->name);
            return -1;
        }
        gp_object_t *item = GP_INCREF(GP_LIST_GET(list, i));
        void *value = NULL;
        int rc = 0;
        if (f->type == T_IDENT) {
            value = (void *)from_py_ident(w, item);
            rc = value ? 0 : -1;
        } else if (f->type == T_CMPOPS) {
            int row = ast_row_of(w, item);
            if (row < 0 || ast_py_classes[row].cat != CAT_CMPOP || ast_py_classes[row].kind < 0) {
                gp_err_format(&gp_exc_TypeError, "expected some sort of cmpop, but got %R", item);
                rc = -1;
            } else {
                gp_ast_cmpop_t op = (gp_ast_cmpop_t)ast_py_classes[row].kind;
                memcpy(items + i * item_size, &op, sizeof op);
            }
        } else if (item == gp_None && f->card == SEQ_N) {
            value = NULL;
        } else {
            value = from_py_node(w, f->cat, item, want);
            rc = value ? 0 : -1;
        }
        GP_DECREF(item);
        if (rc < 0)
            return -1;
        if (f->type != T_CMPOPS)
            memcpy(items + i * item_size, &value, sizeof value);
    }
    ast_seq_t seq = {count, (void **)(void *)items};
    memcpy((char *)node + f->offset, &seq, sizeof seq);
    return 0;
}

/* Reads one field of [obj] into [node]; [own_ctx] is the node's own
   context, which List, Tuple and Starred demand of their items. */
static int from_py_field(ast_walk_t *w, const ast_class_t *cls, const ast_field_t *f,
                         gp_object_t *obj, void *node, int own_ctx)
{
    if (f->type == T_TYPE_COMMENT)
        return 0;
    gp_object_t *value = gp_object_getattr_opt(obj, gp_str_static(f->name));
    if (!value && gp_err_occurred())
        return -1;
    /* None means "absent" except where it is the value itself (a Constant
       or MatchSingleton of None) or where a list is due (then it is the
       wrong type, which from_py_list reports). */
    bool is_list = f->card == SEQ || f->card == SEQ_N;
    bool none_is_value = f->type == T_CONSTANT || f->type == T_SINGLETON;
    bool absent = !value || (value == gp_None && !none_is_value && !is_list);
    if (absent) {
        GP_XDECREF(value);
        if (f->card == OPT)
            return 0;
        gp_err_format(&gp_exc_TypeError, "required field \"%s\" missing from %s", f->name,
                      cls->name);
        return -1;
    }
    int rc = 0;
    int ivalue;
    switch (is_list ? -1 : (int)f->type) {
    case -1:
        rc = from_py_list(w, cls, f, value, node, own_ctx);
        break;
    case T_NODE: {
        int want = f->ctx == CTX_SAME ? own_ctx : f->ctx == CTX_ANY ? -1 : (int)f->ctx - CTX_LOAD;
        void *child = from_py_node(w, f->cat, value, want);
        if (child)
            ast_write_ptr(node, f->offset, child);
        rc = child ? 0 : -1;
        break;
    }
    case T_ENUM: {
        int row = ast_row_of(w, value);
        if (row < 0 || ast_py_classes[row].cat != f->cat || ast_py_classes[row].kind < 0) {
            gp_err_format(&gp_exc_TypeError, "expected some sort of %s, but got %R",
                          ast_py_categories[f->cat].name, value);
            rc = -1;
        } else {
            ast_write_int(node, f->offset, ast_py_classes[row].kind);
        }
        break;
    }
    case T_IDENT: {
        const char *s = from_py_ident(w, value);
        if (s)
            ast_write_ptr(node, f->offset, s);
        rc = s ? 0 : -1;
        break;
    }
    case T_INT:
        rc = from_py_int(value, &ivalue);
        if (rc == 0)
            ast_write_int(node, f->offset, ivalue);
        break;
    case T_CONSTANT:
        rc = from_py_constant(w, value, (gp_ast_constant_t *)(void *)((char *)node + f->offset));
        break;
    case T_CONST_KIND:
        if (gp_str_check(value) && strcmp(gp_str_utf8(value), "u") == 0)
            ((gp_ast_constant_t *)(void *)((char *)node + f->offset))->is_u_prefixed = 1;
        break;
    case T_SINGLETON: {
        gp_ast_constant_kind_t kind = value == gp_None    ? GP_AST_CONST_NONE
                                      : value == gp_True  ? GP_AST_CONST_TRUE
                                      : value == gp_False ? GP_AST_CONST_FALSE
                                                          : GP_AST_CONST_INT;
        if (kind == GP_AST_CONST_INT) {
            gp_err_set_string(&gp_exc_ValueError,
                              "MatchSingleton can only contain True, False and None");
            rc = -1;
        } else {
            memcpy((char *)node + f->offset, &kind, sizeof kind);
        }
        break;
    }
    default:
        break;
    }
    GP_DECREF(value);
    return rc;
}

/* Reads the four positions of a located node. */
static int from_py_location(const ast_category_info_t *info, gp_object_t *obj, void *node)
{
    int loc[4];
    for (int i = 0; i < 4; i++) {
        gp_object_t *value = gp_object_getattr_opt(obj, gp_str_static(ast_py_location_names[i]));
        if (!value && gp_err_occurred())
            return -1;
        if (!value || value == gp_None) {
            GP_XDECREF(value);
            if (i < 2 || info->end_required) {
                gp_err_format(&gp_exc_TypeError, "required field \"%s\" missing from %s",
                              ast_py_location_names[i], info->name);
                return -1;
            }
            loc[i] = loc[i - 2];
            continue;
        }
        int rc = from_py_int(value, &loc[i]);
        GP_DECREF(value);
        if (rc < 0)
            return -1;
    }
    memcpy((char *)node + info->loc, loc, sizeof loc);
    return 0;
}

/* The promises the compiler relies on that a hand-made tree could break:
   CPython's validator checks the same ones with the same messages. */
static int ast_check_node(const ast_class_t *cls, const void *node)
{
    const char *msg = NULL;
    if (cls->cat == CAT_EXPR) {
        const gp_ast_expr_t *e = node;
        if (e->kind == GP_AST_Compare && e->v.Compare.comparators.count == 0)
            msg = "Compare with no comparators";
        else if (e->kind == GP_AST_Compare &&
                 e->v.Compare.ops.count != e->v.Compare.comparators.count)
            msg = "Compare has a different number of comparators and operands";
        else if (e->kind == GP_AST_BoolOp && e->v.BoolOp.values.count < 2)
            msg = "BoolOp with less than 2 values";
        else if (e->kind == GP_AST_Dict && e->v.Dict.keys.count != e->v.Dict.values.count)
            msg = "Dict doesn't have the same number of keys as values";
        else if ((e->kind == GP_AST_ListComp || e->kind == GP_AST_SetComp ||
                  e->kind == GP_AST_GeneratorExp) && e->v.ListComp.generators.count == 0)
            msg = "comprehension with no generators";
        else if (e->kind == GP_AST_DictComp && e->v.DictComp.generators.count == 0)
            msg = "comprehension with no generators";
    } else if (cls->cat == CAT_STMT) {
        const gp_ast_stmt_t *s = node;
        /* Every statement's body comes right after the fields before it,
           so the field table says where it is. */
        for (size_t i = 0; i < cls->nfields && !msg; i++) {
            if (strcmp(cls->fields[i].name, "body") == 0 &&
                ((const ast_seq_t *)(const void *)((const char *)node + cls->fields[i].offset))
                        ->count == 0) {
                gp_err_format(&gp_exc_ValueError, "empty body on %s", cls->name);
                return -1;
            }
        }
        if ((s->kind == GP_AST_Try || s->kind == GP_AST_TryStar) &&
            s->v.Try.handlers.count == 0 && s->v.Try.finalbody.count == 0) {
            gp_err_format(&gp_exc_ValueError, "%s has neither except handlers nor finalbody",
                          cls->name);
            return -1;
        }
        if ((s->kind == GP_AST_Try || s->kind == GP_AST_TryStar) &&
            s->v.Try.handlers.count == 0 && s->v.Try.orelse.count > 0) {
            gp_err_format(&gp_exc_ValueError, "%s has orelse but no except handlers", cls->name);
            return -1;
        }
        if (s->kind == GP_AST_Match && s->v.Match.cases.count == 0)
            msg = "empty cases on Match";
        else if ((s->kind == GP_AST_With || s->kind == GP_AST_AsyncWith) &&
                 s->v.With.items.count == 0)
            msg = s->kind == GP_AST_With ? "empty items on With" : "empty items on AsyncWith";
        else if (s->kind == GP_AST_Delete && s->v.Delete.targets.count == 0)
            msg = "empty targets on Delete";
        else if (s->kind == GP_AST_Assign && s->v.Assign.targets.count == 0)
            msg = "empty targets on Assign";
        else if (s->kind == GP_AST_Import && s->v.Import.names.count == 0)
            msg = "empty names on Import";
        else if (s->kind == GP_AST_ImportFrom && s->v.ImportFrom.names.count == 0)
            msg = "empty names on ImportFrom";
        else if (s->kind == GP_AST_ImportFrom && s->v.ImportFrom.level < 0)
            msg = "Negative ImportFrom level";
        else if (s->kind == GP_AST_Raise && s->v.Raise.cause && !s->v.Raise.exc)
            msg = "Raise with cause but no exception";
    } else if (cls->cat == CAT_EXCEPTHANDLER) {
        if (((const gp_ast_excepthandler_t *)node)->body.count == 0)
            msg = "empty body on ExceptHandler";
    } else if (cls->cat == CAT_MATCH_CASE) {
        if (((const gp_ast_match_case_t *)node)->body.count == 0)
            msg = "empty body on match_case";
    } else if (cls->cat == CAT_ARGUMENTS) {
        const gp_ast_arguments_t *a = node;
        if (a->defaults.count > a->posonlyargs.count + a->args.count)
            msg = "more positional defaults than args on arguments";
        else if (a->kw_defaults.count != a->kwonlyargs.count)
            msg = "length of kwonlyargs is not the same as kw_defaults on arguments";
    } else if (cls->cat == CAT_PATTERN) {
        const gp_ast_pattern_t *p = node;
        if (p->kind == GP_AST_MatchMapping &&
            p->v.MatchMapping.keys.count != p->v.MatchMapping.patterns.count)
            msg = "MatchMapping doesn't have the same number of keys as patterns";
        else if (p->kind == GP_AST_MatchClass &&
                 p->v.MatchClass.kwd_attrs.count != p->v.MatchClass.kwd_patterns.count)
            msg = "MatchClass doesn't have the same number of keyword attributes as patterns";
        else if (p->kind == GP_AST_MatchValue) {
            gp_ast_expr_kind_t k = p->v.MatchValue.value->kind;
            if (k != GP_AST_Constant && k != GP_AST_Attribute && k != GP_AST_UnaryOp &&
                k != GP_AST_BinOp)
                msg = "patterns may only match literals and attribute lookups";
        } else if ((p->kind == GP_AST_MatchOr && p->v.MatchOr.patterns.count < 2))
            msg = "MatchOr requires at least 2 patterns";
    }
    if (msg) {
        gp_err_set_string(&gp_exc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* Checks an expression's own context against the one its place demands
   ([want] is a gp_ast_expr_context_t, or -1 for any). */
static int ast_check_context(const ast_class_t *cls, int own_ctx, int want)
{
    if (want < 0 || own_ctx == want)
        return 0;
    if (own_ctx < 0) {
        if (want == GP_AST_Load)
            return 0;
        gp_err_format(&gp_exc_ValueError, "expression which can't be assigned to in %s context",
                      ast_context_names[want]);
        return -1;
    }
    gp_err_format(&gp_exc_ValueError, "expression must have %s context but has %s instead",
                  ast_context_names[want], ast_context_names[own_ctx]);
    (void)cls;
    return -1;
}

/* A new C node of category [cat] in the walk's arena from node object
   [obj]; [want_ctx] is the context its place demands (-1: any). */
static void *from_py_node(ast_walk_t *w, ast_category_t cat, gp_object_t *obj, int want_ctx)
{
    const ast_category_info_t *info = &ast_py_categories[cat];
    int row = ast_row_of(w, obj);
    if (row < 0 || ast_py_classes[row].cat != cat || ast_py_classes[row].kind < 0) {
        gp_err_format(&gp_exc_TypeError, "expected some sort of %s, but got %R", info->name, obj);
        return NULL;
    }
    if (ast_enter(w) < 0)
        return NULL;
    const ast_class_t *cls = &ast_py_classes[row];
    void *node = gp_arena_alloc(w->arena, info->size);
    if (!node) {
        gp_err_no_memory();
        return NULL;
    }
    if (info->has_kind)
        ast_write_int(node, 0, cls->kind);
    if (info->loc != SIZE_MAX && from_py_location(info, obj, node) < 0)
        return NULL;
    /* A context-bearing expression reads its own context first: List,
       Tuple and Starred demand it of their items. */
    int own_ctx = -1;
    const ast_field_t *ctx_field = NULL;
    for (size_t i = 0; i < cls->nfields; i++)
        if (cls->fields[i].type == T_ENUM && cls->fields[i].cat == CAT_EXPR_CONTEXT)
            ctx_field = &cls->fields[i];
    if (ctx_field) {
        if (from_py_field(w, cls, ctx_field, obj, node, -1) < 0)
            return NULL;
        own_ctx = ast_read_int(node, ctx_field->offset);
    }
    if (cat == CAT_EXPR && ast_check_context(cls, own_ctx, want_ctx) < 0)
        return NULL;
    for (size_t i = 0; i < cls->nfields; i++)
        if (&cls->fields[i] != ctx_field &&
            from_py_field(w, cls, &cls->fields[i], obj, node, own_ctx) < 0)
            return NULL;
    if (ast_check_node(cls, node) < 0)
        return NULL;
    w->depth--;
    return node;
}

/* ------------------------------------------------------------------ */
/* The node classes                                                     */
/* ------------------------------------------------------------------ */

/* AST.__init__(*args, **kwargs): positional arguments fill `_fields` in
   order, keywords set any attribute. */
static gp_object_t *ast_node_init(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                  gp_object_t *kwnames)
{
    gp_object_t *obj = self;
    const char *name = gp_type_name(GP_TYPE(obj));
    gp_object_t *fields = NULL;
    if (nargs > 0) {
        fields = gp_object_getattr(obj, gp_str_static("_fields"));
        if (!fields)
            return NULL;
        if (!gp_tuple_check(fields)) {
            GP_SETREF(fields, gp_tuple_from_iterable(fields));
            if (!fields)
                return NULL;
        }
        size_t nfields = (size_t)GP_TUPLE_SIZE(fields);
        if (nargs > nfields) {
            gp_err_format(&gp_exc_TypeError, "%s constructor takes at most %zu positional argument%s",
                          name, nfields, nfields == 1 ? "" : "s");
            GP_DECREF(fields);
            return NULL;
        }
        for (size_t i = 0; i < nargs; i++) {
            if (gp_object_setattr(obj, GP_TUPLE_GET(fields, i), args[i]) < 0) {
                GP_DECREF(fields);
                return NULL;
            }
        }
    }
    size_t nkw = kwnames ? (size_t)GP_TUPLE_SIZE(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        gp_object_t *key = GP_TUPLE_GET(kwnames, k);
        for (size_t i = 0; i < nargs; i++) {
            int same = gp_object_eq(GP_TUPLE_GET(fields, i), key);
            if (same != 0) {
                if (same > 0)
                    gp_err_format(&gp_exc_TypeError, "%s got multiple values for argument %R",
                                  name, key);
                GP_DECREF(fields);
                return NULL;
            }
        }
        if (gp_object_setattr(obj, key, args[nargs + k]) < 0) {
            GP_XDECREF(fields);
            return NULL;
        }
    }
    GP_XDECREF(fields);
    return gp_none_new();
}

static const gp_method_def_t ast_node_init_def = {
    "__init__", ast_node_init, GP_METH_KEYWORDS,
    "Initialize self: positional arguments fill _fields in order, keywords set attributes."};

/* A tuple of str from C names. */
static gp_object_t *ast_name_tuple(const char *const *names, size_t count)
{
    gp_object_t *t = gp_tuple_new(count);
    for (size_t i = 0; t && i < count; i++) {
        gp_object_t *s = gp_str_from_cstr(names[i]);
        if (!s) {
            for (size_t j = i; j < count; j++)
                GP_TUPLE_SET(t, j, GP_INCREF(gp_None));
            GP_CLEAR(t);
            break;
        }
        GP_TUPLE_SET(t, i, s);
    }
    return t;
}

/* The class dict of row [c]: `_fields`, `__match_args__`, `__module__`,
   `_attributes` where the row introduces locations, and a None default for
   each optional field and optional end position. */
static gp_object_t *ast_class_dict(const ast_class_t *c)
{
    const char *names[16];
    size_t n = 0;
    for (size_t i = 0; i < c->nfields && n < 16; i++)
        names[n++] = c->fields[i].name;
    gp_object_t *dict = gp_dict_new();
    gp_object_t *fields = ast_name_tuple(names, n);
    gp_object_t *module = gp_str_from_cstr("ast");
    int rc = dict && fields && module ? 0 : -1;
    if (rc == 0 && c->kind >= 0)
        rc = gp_dict_setitem_cstr(dict, "_fields", fields);
    if (rc == 0 && c->kind >= 0)
        rc = gp_dict_setitem_cstr(dict, "__match_args__", fields);
    if (rc == 0)
        rc = gp_dict_setitem_cstr(dict, "__module__", module);
    for (size_t i = 0; rc == 0 && i < c->nfields; i++)
        if (c->fields[i].card == OPT)
            rc = gp_dict_setitem_cstr(dict, c->fields[i].name, gp_None);
    /* Abstract category bases, and the located product types, carry the
       location names. */
    const ast_category_info_t *info = &ast_py_categories[c->cat];
    bool introduces = info->loc != SIZE_MAX && (c->kind < 0 || strcmp(c->base, "AST") == 0);
    if (rc == 0 && (introduces || !c->base)) {
        gp_object_t *attrs = ast_name_tuple(ast_py_location_names, introduces ? 4 : 0);
        rc = attrs ? gp_dict_setitem_cstr(dict, "_attributes", attrs) : -1;
        GP_XDECREF(attrs);
        if (rc == 0 && !c->base) {
            /* AST itself: empty _fields and __match_args__ too. */
            rc = gp_dict_setitem_cstr(dict, "_fields", gp_empty_tuple);
            if (rc == 0)
                rc = gp_dict_setitem_cstr(dict, "__match_args__", gp_empty_tuple);
        }
        for (int i = 2; rc == 0 && introduces && !info->end_required && i < 4; i++)
            rc = gp_dict_setitem_cstr(dict, ast_py_location_names[i], gp_None);
    }
    GP_XDECREF(fields);
    GP_XDECREF(module);
    if (rc < 0)
        GP_CLEAR(dict);
    return dict;
}

/* Makes every class into module [m] and the two tuples the walks use. */
static int ast_make_classes(gp_object_t *m)
{
    gp_object_t *classes = gp_tuple_new(ast_py_class_count);
    gp_object_t *singletons = gp_tuple_new(ast_py_class_count);
    if (!classes || !singletons)
        goto fail;
    for (size_t i = 0; i < ast_py_class_count; i++) {
        GP_TUPLE_SET(classes, i, GP_INCREF(gp_None));
        GP_TUPLE_SET(singletons, i, GP_INCREF(gp_None));
    }
    gp_object_t *mdict = gp_module_dict(m);
    for (size_t i = 0; i < ast_py_class_count; i++) {
        const ast_class_t *c = &ast_py_classes[i];
        gp_object_t *base = c->base ? gp_dict_getitem_cstr(mdict, c->base)
                                    : (gp_object_t *)&gp_object_type;
        if (!base)
            goto fail;
        gp_object_t *bases = gp_tuple_pack(1, base);
        gp_object_t *name = gp_str_from_cstr(c->name);
        gp_object_t *dict = ast_class_dict(c);
        gp_object_t *klass = NULL;
        if (bases && name && dict)
            klass = gp_type_new_class(&gp_type_type, name, bases, dict, NULL);
        GP_XDECREF(bases);
        GP_XDECREF(name);
        GP_XDECREF(dict);
        if (!klass)
            goto fail;
        int rc = gp_module_add_object(m, c->name, klass);
        if (rc == 0 && !c->base) {
            gp_object_t *init = gp_method_descr_new((gp_type_t *)klass, &ast_node_init_def);
            rc = init ? gp_object_setattr(klass, gp_str_static("__init__"), init) : -1;
            GP_XDECREF(init);
        }
        GP_SETREF(GP_TUPLE_ITEMS(classes)[i], klass);
        if (rc < 0)
            goto fail;
        if (c->cat >= CAT_EXPR_CONTEXT && c->kind >= 0) {
            gp_object_t *instance = gp_object_call0(klass);
            if (!instance)
                goto fail;
            GP_SETREF(GP_TUPLE_ITEMS(singletons)[i], instance);
        }
    }
    if (gp_module_add_object(m, "_node_classes", classes) < 0 ||
        gp_module_add_object(m, "_node_singletons", singletons) < 0)
        goto fail;
    GP_DECREF(classes);
    GP_DECREF(singletons);
    return 0;
fail:
    GP_XDECREF(classes);
    GP_XDECREF(singletons);
    return -1;
}

/* ------------------------------------------------------------------ */
/* The module and compile()'s entry points                              */
/* ------------------------------------------------------------------ */

/* Fills the walk's class tuples from the `_ast` module, importing it if
   [import] says so. Returns 1 when ready, 0 when the module is not loaded
   (and not to be), -1 on error. The walk holds references until
   ast_walk_end(). */
static int ast_walk_begin(ast_walk_t *w, bool import)
{
    memset(w, 0, sizeof *w);
    gp_object_t *m = gp_dict_getitem_cstr(gp_runtime()->modules, "_ast");
    if (!m && !import)
        return 0;
    gp_object_t *imported = NULL;
    if (!m) {
        gp_object_t *name = gp_str_from_cstr("_ast");
        imported = name ? gp_import_module(name, NULL, NULL, 0) : NULL;
        GP_XDECREF(name);
        if (!imported)
            return -1;
        m = imported;
    }
    gp_object_t *dict = gp_module_dict(m);
    w->classes = GP_XINCREF(gp_dict_getitem_cstr(dict, "_node_classes"));
    w->singletons = GP_XINCREF(gp_dict_getitem_cstr(dict, "_node_singletons"));
    GP_XDECREF(imported);
    if (!w->classes || !w->singletons || !gp_tuple_check(w->classes) ||
        !gp_tuple_check(w->singletons) || (size_t)GP_TUPLE_SIZE(w->classes) != ast_py_class_count ||
        (size_t)GP_TUPLE_SIZE(w->singletons) != ast_py_class_count) {
        GP_CLEAR(w->classes);
        GP_CLEAR(w->singletons);
        gp_err_set_string(&gp_exc_SystemError, "the _ast module lost its node classes");
        return -1;
    }
    return 1;
}

static void ast_walk_end(ast_walk_t *w)
{
    GP_CLEAR(w->classes);
    GP_CLEAR(w->singletons);
    gp_arena_free(w->arena);
    w->arena = NULL;
}

/* compile()'s mode names to the parser's and the compiler's. */
static int ast_modes(const char *mode, gp_parse_mode_t *pmode, gp_compile_mode_t *cmode,
                     gp_ast_mod_kind_t *kind)
{
    if (strcmp(mode, "exec") == 0) {
        *pmode = GP_PARSE_FILE, *cmode = GP_COMPILE_EXEC, *kind = GP_AST_Module;
    } else if (strcmp(mode, "eval") == 0) {
        *pmode = GP_PARSE_EVAL, *cmode = GP_COMPILE_EVAL, *kind = GP_AST_Expression;
    } else if (strcmp(mode, "single") == 0) {
        *pmode = GP_PARSE_SINGLE, *cmode = GP_COMPILE_SINGLE, *kind = GP_AST_Interactive;
    } else {
        gp_err_set_string(&gp_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        return -1;
    }
    return 0;
}

/* Raises the parser's error as compile() does. */
static void ast_raise_parse_error(const gp_syntax_error_t *err, const char *filename)
{
    if (strcmp(err->msg, "out of memory") == 0) {
        gp_err_no_memory();
        return;
    }
    gp_type_t *type = err->is_tab           ? &gp_exc_TabError
                      : err->is_indentation ? &gp_exc_IndentationError
                                            : &gp_exc_SyntaxError;
    char text[sizeof err->text + 2];
    const char *line = NULL;
    if (err->text[0] || err->lineno > 0) {
        snprintf(text, sizeof text, "%s\n", err->text);
        line = text;
    }
    gp_compile_raise_syntax_error_at(type, filename, err->msg[0] ? err->msg : "invalid syntax",
                                     err->lineno, err->col, line, err->end_lineno, err->end_col);
}

gp_object_t *gp_ast_py_parse(const char *source, size_t len, const char *filename,
                             const char *mode)
{
    gp_parse_mode_t pmode;
    gp_compile_mode_t cmode;
    gp_ast_mod_kind_t kind;
    if (ast_modes(mode, &pmode, &cmode, &kind) < 0)
        return NULL;
    ast_walk_t w;
    if (ast_walk_begin(&w, true) < 0)
        return NULL;
    gp_object_t *tree = NULL;
    w.arena = gp_arena_new();
    if (!w.arena) {
        gp_err_no_memory();
        goto done;
    }
    gp_syntax_error_t err;
    memset(&err, 0, sizeof err);
    gp_parse_warnings_t warnings;
    gp_ast_mod_t *mod =
        gp_parse_with_warnings(source, len, filename, pmode, w.arena, &err, &warnings);
    if (warnings.first != NULL &&
        gp_compile_issue_parse_warnings(&warnings, filename, source, len) < 0)
        mod = NULL; /* the warning became an exception, which stands instead */
    else if (!mod)
        ast_raise_parse_error(&err, filename);
    else
        tree = to_py_node(&w, CAT_MOD, mod);
done:
    ast_walk_end(&w);
    return tree;
}

int gp_ast_py_check(gp_object_t *o)
{
    gp_object_t *m = gp_dict_getitem_cstr(gp_runtime()->modules, "_ast");
    gp_object_t *base = m ? gp_dict_getitem_cstr(gp_module_dict(m), "AST") : NULL;
    if (!base || !gp_type_check(base))
        return 0;
    return gp_object_isinstance_type(o, (gp_type_t *)base) ? 1 : 0;
}

gp_object_t *gp_ast_py_compile(gp_object_t *tree, const char *filename, const char *mode,
                               uint32_t future_flags)
{
    gp_parse_mode_t pmode;
    gp_compile_mode_t cmode;
    gp_ast_mod_kind_t kind;
    if (ast_modes(mode, &pmode, &cmode, &kind) < 0)
        return NULL;
    ast_walk_t w;
    int ready = ast_walk_begin(&w, false);
    if (ready <= 0) {
        if (ready == 0)
            gp_err_format(&gp_exc_TypeError, "expected an AST, got %T", tree);
        return NULL;
    }
    gp_object_t *code = NULL;
    int row = ast_row_of(&w, tree);
    const char *want = ast_py_classes[ast_py_class_index(CAT_MOD, (int)kind)].name;
    if (row < 0 || ast_py_classes[row].cat != CAT_MOD || ast_py_classes[row].kind != (int)kind) {
        gp_err_format(&gp_exc_TypeError, "expected %s node, got %s", want,
                      gp_type_name(GP_TYPE(tree)));
        goto done;
    }
    w.arena = gp_arena_new();
    if (!w.arena) {
        gp_err_no_memory();
        goto done;
    }
    gp_ast_mod_t *mod = from_py_node(&w, CAT_MOD, tree, -1);
    if (mod) {
        mod->future_flags = future_flags;
        code = gp_compile_ast(mod, w.arena, filename, NULL, 0, cmode);
    }
done:
    ast_walk_end(&w);
    return code;
}

/* Checks a tree the way compile() would, without compiling it: what
   compile(tree, ..., flags=PyCF_ONLY_AST) does in CPython. */
static gp_object_t *ast_validate(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                 gp_object_t *kwnames)
{
    (void)self;
    if (kwnames || nargs != 1) {
        gp_err_set_string(&gp_exc_TypeError, "_validate() takes exactly one argument");
        return NULL;
    }
    ast_walk_t w;
    if (ast_walk_begin(&w, false) <= 0)
        return NULL;
    w.arena = gp_arena_new();
    void *mod = w.arena ? from_py_node(&w, CAT_MOD, args[0], -1) : NULL;
    if (!w.arena)
        gp_err_no_memory();
    ast_walk_end(&w);
    return mod ? gp_none_new() : NULL;
}

static const gp_method_def_t ast_functions[] = {
    {"_validate", ast_validate, 0, "_validate(tree)\n\nRaise what compile(tree) would for a "
                                   "malformed tree, without compiling it."},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_ast_module_create(void)
{
    gp_object_t *m = gp_module_new("_ast");
    if (!m)
        return NULL;
    if (gp_module_add_int(m, "PyCF_ONLY_AST", GP_PYCF_ONLY_AST) < 0 ||
        gp_module_add_int(m, "PyCF_TYPE_COMMENTS", 0x1000) < 0 ||
        gp_module_add_int(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", 0x2000) < 0 ||
        gp_module_add_functions(m, ast_functions) < 0 || ast_make_classes(m) < 0)
        GP_CLEAR(m);
    return m;
}
