/*
 * sqlite3_stmt.c - the Statement object of `_sqlite3`: one prepared
 * sqlite3_stmt, its parameters, its steps and its rows.
 *
 * A Statement holds a reference to its Database so the connection's errors
 * tuple outlives it. Closing the Database does not finalize its statements
 * (sqlite3_close_v2 waits for them), but every operation here checks that
 * the connection is still open first, so a closed connection's statement
 * only ever gets finalized.
 *
 * step() releases the GIL around sqlite3_step. While it is released the
 * statement is marked in_use: another thread that reaches the same
 * statement (a Cursor shared across threads) gets ProgrammingError instead
 * of stepping or finalizing it underneath.
 */
#include <string.h>

#include "mod/sqlite3_internal.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

#define STMT(o) ((gp_sqlite_stmt_t *)(o))

gp_object_t *gp_sqlite_stmt_new(gp_sqlite_db_t *d, sqlite3_stmt *stmt)
{
    gp_sqlite_stmt_t *s = (gp_sqlite_stmt_t *)gp_object_alloc(&gp_sqlite_stmt_type, 0);
    if (!s) {
        gp_sqlite_api.finalize(stmt);
        return NULL;
    }
    s->owner = (gp_sqlite_db_t *)GP_INCREF(&d->base);
    s->stmt = stmt;
    return &s->base;
}

/* [s]'s connection mutex, taken as gp_sqlite_mutex_enter() does; NULL for a
   finalized statement. */
static sqlite3_mutex *sqlite_stmt_lock(gp_sqlite_stmt_t *s)
{
    return s->stmt ? gp_sqlite_mutex_enter(gp_sqlite_api.db_handle(s->stmt)) : NULL;
}

static void sqlite_stmt_dealloc(gp_object_t *self)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (s->stmt) {
        sqlite3_mutex *mutex = sqlite_stmt_lock(s);
        gp_sqlite_api.finalize(s->stmt);
        gp_sqlite_mutex_leave(mutex);
    }
    GP_XDECREF(&s->owner->base);
    gp_object_free(self);
}

/* 0 when the statement may be used now, else -1 with ProgrammingError. */
static int sqlite_stmt_usable(gp_sqlite_stmt_t *s)
{
    if (gp_sqlite_check_open(s->owner) < 0)
        return -1;
    if (s->in_use) {
        gp_sqlite_raise_msg(s->owner, GP_SQLITE_ERR_PROGRAMMING,
                            "Recursive use of cursors not allowed.");
        return -1;
    }
    if (!s->stmt) {
        gp_sqlite_raise_msg(s->owner, GP_SQLITE_ERR_PROGRAMMING,
                            "Cannot operate on a finalized statement.");
        return -1;
    }
    return 0;
}

static gp_object_t *sqlite_stmt_finalize(gp_object_t *self, gp_object_t *const *args,
                                         size_t nargs, gp_object_t *kwnames)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (gp_args_check("finalize", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (s->in_use)
        return gp_sqlite_raise_msg(s->owner, GP_SQLITE_ERR_PROGRAMMING,
                                   "Recursive use of cursors not allowed.");
    if (s->stmt) {
        sqlite3_mutex *mutex = sqlite_stmt_lock(s);
        gp_sqlite_api.finalize(s->stmt);
        gp_sqlite_mutex_leave(mutex);
        s->stmt = NULL;
    }
    return gp_none_new();
}

/* reset(): back to the start, bindings cleared; no error is reported (the
   step that failed already raised it). */
static gp_object_t *sqlite_stmt_reset(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (gp_args_check("reset", nargs, kwnames, 0, 0) < 0)
        return NULL;
    if (s->stmt && !s->in_use) {
        sqlite3_mutex *mutex = sqlite_stmt_lock(s);
        gp_sqlite_api.reset(s->stmt);
        gp_sqlite_api.clear_bindings(s->stmt);
        gp_sqlite_mutex_leave(mutex);
    }
    return gp_none_new();
}

/* bind(index, value): index counts from 1. None, int, float, str and
   bytes-like objects are accepted; anything else is a ProgrammingError
   worded as CPython's. */
static gp_object_t *sqlite_stmt_bind_locked(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (gp_args_check("bind", nargs, kwnames, 2, 2) < 0 || sqlite_stmt_usable(s) < 0)
        return NULL;
    int64_t index = gp_int_as_i64(args[0]);
    if (index == -1 && gp_err_occurred())
        return NULL;
    gp_object_t *v = args[1];
    const gp_sqlite_api_t *api = &gp_sqlite_api;
    /* Index 0 is out of range for SQLite too: a huge index must not wrap. */
    int i = index < 1 || index > INT32_MAX ? 0 : (int)index, rc;
    if (v == gp_None) {
        rc = api->bind_null(s->stmt, i);
    } else if (gp_int_check(v)) {
        int overflow = 0;
        int64_t n = gp_int_as_i64_overflow(v, &overflow);
        if (overflow) {
            gp_err_set_string(&gp_exc_OverflowError,
                              "Python int too large to convert to SQLite INTEGER");
            return NULL;
        }
        rc = api->bind_int64(s->stmt, i, n);
    } else if (gp_float_check(v)) {
        rc = api->bind_double(s->stmt, i, gp_float_value(v));
    } else if (gp_str_check(v)) {
        rc = api->bind_text64(s->stmt, i, gp_str_utf8(v), gp_str_utf8_len(v), SQLITE_TRANSIENT,
                              SQLITE_UTF8);
    } else if (gp_buffer_check(v)) {
        gp_buffer_t view;
        if (gp_buffer_get(v, &view, GP_BUFFER_SIMPLE) < 0)
            return NULL;
        rc = api->bind_blob64(s->stmt, i, view.len ? view.data : "", view.len, SQLITE_TRANSIENT);
        gp_buffer_release(&view);
    } else {
        gp_object_t *msg = gp_str_from_format("Error binding parameter %d: type '%T' is not "
                                              "supported",
                                              i, v);
        if (!msg)
            return NULL;
        gp_sqlite_raise_msg(s->owner, GP_SQLITE_ERR_PROGRAMMING, gp_str_utf8(msg));
        GP_DECREF(msg);
        return NULL;
    }
    if (rc != SQLITE_OK)
        return gp_sqlite_raise(s->owner, rc);
    return gp_none_new();
}

/* bind_name(index) -> the parameter's name with its prefix (":a"), or None
   for a positional "?". */
static gp_object_t *sqlite_stmt_bind_name(gp_object_t *self, gp_object_t *const *args,
                                          size_t nargs, gp_object_t *kwnames)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (gp_args_check("bind_name", nargs, kwnames, 1, 1) < 0 || sqlite_stmt_usable(s) < 0)
        return NULL;
    int64_t index = gp_int_as_i64(args[0]);
    if (index == -1 && gp_err_occurred())
        return NULL;
    if (index < 1 || index > INT32_MAX)
        return gp_none_new();
    const char *name = gp_sqlite_api.bind_parameter_name(s->stmt, (int)index);
    return name ? gp_str_from_cstr(name) : gp_none_new();
}

/* step() -> True when a row is ready, False when the statement is done.
   On an error the statement is reset and the error raised. */
static gp_object_t *sqlite_stmt_step(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                     gp_object_t *kwnames)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (gp_args_check("step", nargs, kwnames, 0, 0) < 0 || sqlite_stmt_usable(s) < 0)
        return NULL;
    s->in_use = true;
    gp_thread_state_t *ts = gp_sqlite_unlock();
    int rc = gp_sqlite_api.step(s->stmt);
    gp_sqlite_relock(ts);
    s->in_use = false;
    if (rc == SQLITE_ROW)
        return gp_bool_from(true);
    if (rc == SQLITE_DONE)
        return gp_bool_from(false);
    sqlite3_mutex *mutex = sqlite_stmt_lock(s);
    gp_sqlite_raise(s->owner, rc);
    gp_sqlite_api.reset(s->stmt);
    gp_sqlite_mutex_leave(mutex);
    return NULL;
}

/* Column [i] of the current row as text, following [text_factory]: str
   decodes, bytes copies, anything else is called with the bytes. */
static gp_object_t *sqlite_stmt_text(gp_sqlite_stmt_t *s, int i, gp_object_t *text_factory)
{
    const char *text = (const char *)gp_sqlite_api.column_text(s->stmt, i);
    size_t n = (size_t)gp_sqlite_api.column_bytes(s->stmt, i);
    if (!text) {
        gp_err_no_memory();
        return NULL;
    }
    if (text_factory == (gp_object_t *)&gp_str_type) {
        gp_object_t *r = gp_str_from_utf8(text, n);
        if (!r && gp_err_matches(&gp_exc_UnicodeDecodeError)) {
            gp_err_clear();
            gp_object_t *msg = gp_str_from_format(
                "Could not decode to UTF-8 column '%s' with text '%s'",
                gp_sqlite_api.column_name(s->stmt, i), text);
            if (msg) {
                gp_sqlite_raise_msg(s->owner, GP_SQLITE_ERR_OPERATIONAL, gp_str_utf8(msg));
                GP_DECREF(msg);
            }
        }
        return r;
    }
    gp_object_t *raw = gp_bytes_new(text, n);
    if (!raw || text_factory == (gp_object_t *)&gp_bytes_type)
        return raw;
    gp_object_t *r = gp_object_call1(text_factory, raw);
    GP_DECREF(raw);
    return r;
}

/* The value of column [i], or with [converter] (not None) converter(bytes)
   for any value that is not NULL. */
static gp_object_t *sqlite_stmt_column(gp_sqlite_stmt_t *s, int i, gp_object_t *text_factory,
                                       gp_object_t *converter)
{
    const gp_sqlite_api_t *api = &gp_sqlite_api;
    int type = api->column_type(s->stmt, i);
    if (converter && converter != gp_None && type != SQLITE_NULL) {
        const void *blob = api->column_blob(s->stmt, i);
        size_t n = (size_t)api->column_bytes(s->stmt, i);
        gp_object_t *raw = gp_bytes_new(blob ? blob : "", n);
        if (!raw)
            return NULL;
        gp_object_t *r = gp_object_call1(converter, raw);
        GP_DECREF(raw);
        return r;
    }
    switch (type) {
    case SQLITE_INTEGER:
        return gp_int_from_i64(api->column_int64(s->stmt, i));
    case SQLITE_FLOAT:
        return gp_float_new(api->column_double(s->stmt, i));
    case SQLITE_TEXT:
        return sqlite_stmt_text(s, i, text_factory);
    case SQLITE_BLOB: {
        const void *blob = api->column_blob(s->stmt, i);
        size_t n = (size_t)api->column_bytes(s->stmt, i);
        return gp_bytes_new(blob ? blob : "", n);
    }
    default:
        return gp_none_new();
    }
}

/* row(text_factory, converters) -> tuple of the current row's values.
   [converters] is None or a tuple with one callable or None per column. */
static gp_object_t *sqlite_stmt_row_locked(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (gp_args_check("row", nargs, kwnames, 2, 2) < 0 || sqlite_stmt_usable(s) < 0)
        return NULL;
    gp_object_t *converters = args[1];
    int n = gp_sqlite_api.data_count(s->stmt);
    if (converters != gp_None &&
        (!gp_tuple_check(converters) || GP_TUPLE_SIZE(converters) < n)) {
        gp_err_set_string(&gp_exc_TypeError, "converters must be a tuple with one per column");
        return NULL;
    }
    gp_object_t *row = gp_tuple_new((size_t)n);
    if (!row)
        return NULL;
    for (int i = 0; i < n; i++) {
        gp_object_t *conv = converters == gp_None ? NULL : GP_TUPLE_GET(converters, i);
        gp_object_t *v = sqlite_stmt_column(s, i, args[0], conv);
        if (!v) {
            for (int j = i; j < n; j++)
                GP_TUPLE_SET(row, j, gp_none_new());
            GP_DECREF(row);
            return NULL;
        }
        GP_TUPLE_SET(row, i, v);
    }
    return row;
}

/* columns(decltypes) -> tuple of the result columns' names, or with a true
   argument of their declared types (None where there is none). */
static gp_object_t *sqlite_stmt_columns_locked(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (gp_args_check("columns", nargs, kwnames, 1, 1) < 0 || sqlite_stmt_usable(s) < 0)
        return NULL;
    int decl = gp_object_is_true(args[0]);
    if (decl < 0)
        return NULL;
    int n = gp_sqlite_api.column_count(s->stmt);
    gp_object_t *names = gp_tuple_new((size_t)n);
    if (!names)
        return NULL;
    for (int i = 0; i < n; i++) {
        const char *text = decl ? gp_sqlite_api.column_decltype(s->stmt, i)
                                : gp_sqlite_api.column_name(s->stmt, i);
        gp_object_t *v = text ? gp_str_from_cstr(text) : gp_none_new();
        if (!v) {
            for (int j = i; j < n; j++)
                GP_TUPLE_SET(names, j, gp_none_new());
            GP_DECREF(names);
            return NULL;
        }
        GP_TUPLE_SET(names, i, v);
    }
    return names;
}

static gp_object_t *sqlite_stmt_get(gp_object_t *self, void *closure)
{
    gp_sqlite_stmt_t *s = STMT(self);
    if (sqlite_stmt_usable(s) < 0)
        return NULL;
    switch ((int)(intptr_t)closure) {
    case 0:
        return gp_int_from_i64(gp_sqlite_api.bind_parameter_count(s->stmt));
    case 1:
        return gp_int_from_i64(gp_sqlite_api.column_count(s->stmt));
    default:
        return gp_bool_from(gp_sqlite_api.stmt_readonly(s->stmt) != 0);
    }
}

/* The methods that read or change the statement hold its connection's
   mutex throughout (see gp_sqlite_mutex_enter). */
#define SQLITE_STMT_LOCKED(name)                                                                   \
    static gp_object_t *sqlite_stmt_##name(gp_object_t *self, gp_object_t *const *args,           \
                                           size_t nargs, gp_object_t *kwnames)                    \
    {                                                                                              \
        sqlite3_mutex *mutex = sqlite_stmt_lock(STMT(self));                                       \
        gp_object_t *result = sqlite_stmt_##name##_locked(self, args, nargs, kwnames);             \
        gp_sqlite_mutex_leave(mutex);                                                              \
        return result;                                                                             \
    }
SQLITE_STMT_LOCKED(bind)
SQLITE_STMT_LOCKED(row)
SQLITE_STMT_LOCKED(columns)
#undef SQLITE_STMT_LOCKED

static const gp_getset_def_t sqlite_stmt_getsets[] = {
    {"param_count", sqlite_stmt_get, NULL, (void *)0, NULL},
    {"column_count", sqlite_stmt_get, NULL, (void *)1, NULL},
    {"readonly", sqlite_stmt_get, NULL, (void *)2, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const gp_method_def_t sqlite_stmt_methods[] = {
    {"finalize", sqlite_stmt_finalize, 0, NULL},
    {"reset", sqlite_stmt_reset, 0, NULL},
    {"bind", sqlite_stmt_bind, 0, NULL},
    {"bind_name", sqlite_stmt_bind_name, 0, NULL},
    {"step", sqlite_stmt_step, 0, NULL},
    {"row", sqlite_stmt_row, 0, NULL},
    {"columns", sqlite_stmt_columns, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_sqlite_stmt_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_sqlite3.Statement",
    .basicsize = sizeof(gp_sqlite_stmt_t),
    .dealloc = sqlite_stmt_dealloc,
    .methods = sqlite_stmt_methods,
    .getsets = sqlite_stmt_getsets,
    .doc = "One prepared SQLite statement (the engine under sqlite3.Cursor).",
};
