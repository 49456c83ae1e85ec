/*
 * sqlite3.c - the `_sqlite3` module: SQLite connections for lib/sqlite3,
 * over the system libsqlite3 loaded on first use.
 *
 * Design notes
 * ------------
 * The work is split the way the DB-API splits it. This C half is a thin,
 * faithful wrapper of SQLite's C API: a Database object owns one sqlite3
 * handle, a Statement object owns one sqlite3_stmt (sqlite3_stmt.c binds
 * parameters, steps and converts columns). Everything the DB-API adds on
 * top - Connection and Cursor, implicit BEGIN, Row, adapters and
 * converters, the exception hierarchy - is Python in lib/sqlite3/.
 *
 * The exception classes are defined in Python, so the C half cannot name
 * them statically. open() receives them as a tuple (ordered as
 * GP_SQLITE_ERR_*) and each Database keeps it: every error raised about a
 * connection is an instance of one of its classes, chosen from the SQLite
 * result code as CPython chooses, with `sqlite_errorcode` and
 * `sqlite_errorname` set. No module-level state is needed.
 *
 * libsqlite3 is not linked. Like libcurl (runtime/curl_lazy.c) and
 * libcrypto (mod/hashlib.c) it is dlopen()ed at first use, so `gilpy -c
 * pass` never maps it; only <sqlite3.h> is needed at build time, for the
 * types and constants. load() - called when lib/sqlite3 is imported -
 * raises ImportError when the library is missing.
 *
 * The GIL is released around sqlite3_open_v2() and sqlite3_step(), the calls
 * that wait on the disk or on another connection's lock (the busy timeout
 * sleeps inside step). While it is released no Python object is touched:
 * user-defined SQL functions, which SQLite calls from inside step, take the
 * GIL back for the duration of the call (sqlite_function_cb).
 *
 * That makes two locks, the GIL and SQLite's per-connection mutex, and one
 * rule keeps them from deadlocking when threads share a connection: never
 * block on the mutex while holding the GIL. A stepping thread holds the
 * mutex and may wait for the GIL (in a callback); every other call that
 * takes the mutex with the GIL held goes through gp_sqlite_mutex_enter(),
 * which tries the mutex and, if it is busy, waits for it with the GIL
 * released.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include "mod/sqlite3_internal.h"
#include "obj/memoryview.h"
#include "runtime/runtime.h"

/* ------------------------------------------------------------------ */
/* libsqlite3, loaded lazily                                            */
/* ------------------------------------------------------------------ */

gp_sqlite_api_t gp_sqlite_api;

static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;
static bool sqlite_loaded;

static void sqlite_load_once(void)
{
    void *lib = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        lib = dlopen("libsqlite3.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return;
    bool missing = false;
    /* Each pointer goes through void * (POSIX allows the conversion). */
#define GP_SQLITE_RESOLVE(ret, field, symbol, params)                                              \
    do {                                                                                           \
        void *p_ = dlsym(lib, symbol);                                                             \
        if (!p_)                                                                                   \
            missing = true;                                                                        \
        memcpy(&gp_sqlite_api.field, &p_, sizeof p_);                                              \
    } while (0);
    GP_SQLITE_FUNCTIONS(GP_SQLITE_RESOLVE)
#undef GP_SQLITE_RESOLVE
    if (missing) {
        memset(&gp_sqlite_api, 0, sizeof gp_sqlite_api);
        dlclose(lib);
        return;
    }
    sqlite_loaded = true;
}

int gp_sqlite_load(void)
{
    pthread_once(&sqlite_once, sqlite_load_once);
    if (!sqlite_loaded) {
        gp_err_set_string(&gp_exc_ImportError,
                          "the SQLite library (libsqlite3.so.0) could not be loaded; "
                          "install libsqlite3-0");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

/* Which DB-API class a primary result code raises (as CPython maps them). */
static int sqlite_error_class(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_INTERNAL:
    case SQLITE_NOTFOUND:
        return GP_SQLITE_ERR_INTERNAL;
    case SQLITE_ERROR:
    case SQLITE_PERM:
    case SQLITE_ABORT:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_READONLY:
    case SQLITE_INTERRUPT:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_EMPTY:
    case SQLITE_SCHEMA:
        return GP_SQLITE_ERR_OPERATIONAL;
    case SQLITE_TOOBIG:
        return GP_SQLITE_ERR_DATA;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
        return GP_SQLITE_ERR_INTEGRITY;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
        return GP_SQLITE_ERR_INTERFACE;
    default:
        return GP_SQLITE_ERR_DATABASE;
    }
}

/* Instantiates class [which] with [msg] and, when [code] >= 0, the
   sqlite_errorcode / sqlite_errorname attributes; raises it. */
static gp_object_t *sqlite_raise_code(gp_sqlite_db_t *d, int which, const char *msg, int code)
{
    if (!d->errors) {
        /* Only after the collector cleared the Database. */
        gp_err_set_string(&gp_exc_RuntimeError, msg);
        return NULL;
    }
    gp_object_t *cls = GP_TUPLE_GET(d->errors, which);
    gp_object_t *text = gp_str_from_cstr(msg);
    if (!text)
        return NULL;
    gp_object_t *exc = gp_object_call1(cls, text);
    GP_DECREF(text);
    if (!exc)
        return NULL;
    if (code >= 0) {
        gp_object_t *num = gp_int_from_i64(code);
        gp_object_t *name = gp_dict_getitem(d->names, num);
        if (gp_err_occurred() || gp_object_setattr_cstr(exc, "sqlite_errorcode", num) < 0 ||
            gp_object_setattr_cstr(exc, "sqlite_errorname", name ? name : gp_None) < 0) {
            GP_DECREF(num);
            GP_DECREF(exc);
            return NULL;
        }
        GP_DECREF(num);
    }
    gp_err_set_exception(exc);
    GP_DECREF(exc);
    return NULL;
}

gp_object_t *gp_sqlite_raise_msg(gp_sqlite_db_t *d, int which, const char *msg)
{
    return sqlite_raise_code(d, which, msg, -1);
}

gp_object_t *gp_sqlite_raise(gp_sqlite_db_t *d, int rc)
{
    /* A Python exception raised inside a user function comes first. */
    if (gp_err_occurred())
        return NULL;
    sqlite3_mutex *mutex = gp_sqlite_mutex_enter(d->db);
    int code = d->db ? gp_sqlite_api.extended_errcode(d->db) : rc;
    if ((code & 0xff) == SQLITE_OK || (code & 0xff) == SQLITE_ROW || (code & 0xff) == SQLITE_DONE)
        code = rc;
    if ((code & 0xff) == SQLITE_NOMEM) {
        gp_sqlite_mutex_leave(mutex);
        gp_err_no_memory();
        return NULL;
    }
    const char *msg = d->db ? gp_sqlite_api.errmsg(d->db) : gp_sqlite_api.errstr(code);
    sqlite_raise_code(d, sqlite_error_class(code), msg, code);
    gp_sqlite_mutex_leave(mutex);
    return NULL;
}

int gp_sqlite_check_open(gp_sqlite_db_t *d)
{
    if (d->db)
        return 0;
    gp_sqlite_raise_msg(d, GP_SQLITE_ERR_PROGRAMMING, "Cannot operate on a closed database.");
    return -1;
}

/* ------------------------------------------------------------------ */
/* User-defined SQL functions                                           */
/* ------------------------------------------------------------------ */

/* The Python value of one SQL argument. */
static gp_object_t *sqlite_value_to_object(sqlite3_value *v)
{
    const gp_sqlite_api_t *api = &gp_sqlite_api;
    switch (api->value_type(v)) {
    case SQLITE_INTEGER:
        return gp_int_from_i64(api->value_int64(v));
    case SQLITE_FLOAT:
        return gp_float_new(api->value_double(v));
    case SQLITE_TEXT: {
        const unsigned char *text = api->value_text(v);
        int n = api->value_bytes(v);
        return gp_str_from_utf8(text ? (const char *)text : "", (size_t)n);
    }
    case SQLITE_BLOB: {
        const void *blob = api->value_blob(v);
        int n = api->value_bytes(v);
        return gp_bytes_new(blob ? blob : "", (size_t)n);
    }
    default:
        return gp_none_new();
    }
}

/* Hands a Python result to SQLite; -1 with an exception for an
   unsupported type or an int out of range. */
static int sqlite_set_result(sqlite3_context *ctx, gp_object_t *r)
{
    const gp_sqlite_api_t *api = &gp_sqlite_api;
    if (r == gp_None) {
        api->result_null(ctx);
    } else if (gp_int_check(r)) {
        int overflow = 0;
        int64_t v = gp_int_as_i64_overflow(r, &overflow);
        if (overflow) {
            gp_err_set_string(&gp_exc_OverflowError,
                              "Python int too large to convert to SQLite INTEGER");
            return -1;
        }
        api->result_int64(ctx, v);
    } else if (gp_float_check(r)) {
        api->result_double(ctx, gp_float_value(r));
    } else if (gp_str_check(r)) {
        api->result_text64(ctx, gp_str_utf8(r), gp_str_utf8_len(r), SQLITE_TRANSIENT,
                           SQLITE_UTF8);
    } else if (gp_buffer_check(r)) {
        gp_buffer_t view;
        if (gp_buffer_get(r, &view, GP_BUFFER_SIMPLE) < 0)
            return -1;
        api->result_blob64(ctx, view.len ? view.data : "", view.len, SQLITE_TRANSIENT);
        gp_buffer_release(&view);
    } else {
        gp_err_format(&gp_exc_TypeError, "unsupported return type '%T'", r);
        return -1;
    }
    return 0;
}

/* Whether this thread gave the GIL up around a call into SQLite. SQLite
   calls user code (functions, aggregates, collations) from inside
   sqlite3_step, where the GIL is released - but also from sqlite3_reset
   and sqlite3_finalize (an aggregate cut short is finalized there), where
   it is held. Callbacks look here to know whether to take it back. */
static _Thread_local bool sqlite_gil_released;

gp_thread_state_t *gp_sqlite_unlock(void)
{
    sqlite_gil_released = true;
    return gp_gil_release_for_wait(GP_WAIT_KIND_FILE);
}

void gp_sqlite_relock(gp_thread_state_t *ts)
{
    gp_gil_acquire_after_blocking(ts);
    sqlite_gil_released = false;
}

sqlite3_mutex *gp_sqlite_mutex_enter(sqlite3 *db)
{
    sqlite3_mutex *mutex = db ? gp_sqlite_api.db_mutex(db) : NULL;
    if (!mutex || gp_sqlite_api.mutex_try(mutex) == SQLITE_OK)
        return mutex;
    gp_thread_state_t *ts = gp_sqlite_unlock();
    gp_sqlite_api.mutex_enter(mutex);
    gp_sqlite_relock(ts);
    return mutex;
}

void gp_sqlite_mutex_leave(sqlite3_mutex *mutex)
{
    if (mutex)
        gp_sqlite_api.mutex_leave(mutex);
}

/* Entering a callback: takes the GIL if this thread released it; returns
   what sqlite_callback_leave() needs to restore. */
static bool sqlite_callback_enter(void)
{
    if (!sqlite_gil_released)
        return false;
    gp_sqlite_relock(gp_tstate());
    return true;
}

static void sqlite_callback_leave(bool taken)
{
    if (taken)
        gp_sqlite_unlock();
}

/* The Python values of a callback's SQL arguments, in [out] (which holds
   [argc]); 0, or -1 with an exception and nothing to release. */
static int sqlite_callback_args(int argc, sqlite3_value **argv, gp_object_t **out)
{
    for (int i = 0; i < argc; i++) {
        out[i] = sqlite_value_to_object(argv[i]);
        if (!out[i]) {
            while (i-- > 0)
                GP_DECREF(out[i]);
            return -1;
        }
    }
    return 0;
}

/* Calls [func] with the SQL arguments; NULL with an exception on failure. */
static gp_object_t *sqlite_callback_call(gp_object_t *func, int argc, sqlite3_value **argv)
{
    gp_object_t *small[8] = {NULL};
    gp_object_t **args = argc <= 8 ? small : gp_mem_alloc(sizeof *args * (size_t)argc);
    if (!args) {
        gp_err_no_memory();
        return NULL;
    }
    gp_object_t *result = NULL;
    if (sqlite_callback_args(argc, argv, args) == 0) {
        result = gp_object_call(func, args, (size_t)argc, NULL);
        for (int i = 0; i < argc; i++)
            GP_DECREF(args[i]);
    }
    if (args != small)
        gp_mem_free(args);
    return result;
}

/* Turns the pending exception into the SQL error CPython reports: an int
   too large for SQLite is "too big", anything else [msg]. The exception
   itself is dropped. */
static void sqlite_callback_fail(sqlite3_context *ctx, const char *msg)
{
    if (gp_err_matches(&gp_exc_OverflowError))
        gp_sqlite_api.result_error_toobig(ctx);
    else
        gp_sqlite_api.result_error(ctx, msg, -1);
    gp_err_clear();
}

/* A scalar function: the Python callable is the function's user data. */
static void sqlite_function_cb(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    bool taken = sqlite_callback_enter();
    gp_object_t *result = sqlite_callback_call(gp_sqlite_api.user_data(ctx), argc, argv);
    if (!result || sqlite_set_result(ctx, result) < 0)
        sqlite_callback_fail(ctx, "user-defined function raised exception");
    GP_XDECREF(result);
    sqlite_callback_leave(taken);
}

/* An aggregate's step: the class is the user data; its instance lives in
   SQLite's aggregate context, created at the first row. */
static void sqlite_aggregate_step_cb(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    bool taken = sqlite_callback_enter();
    gp_object_t **slot = gp_sqlite_api.aggregate_context(ctx, sizeof(gp_object_t *));
    if (!slot) {
        gp_sqlite_api.result_error_nomem(ctx);
    } else {
        if (!*slot) {
            *slot = gp_object_call0(gp_sqlite_api.user_data(ctx));
            if (!*slot) {
                sqlite_callback_fail(ctx, "user-defined aggregate's '__init__' method raised "
                                          "error");
                sqlite_callback_leave(taken);
                return;
            }
        }
        gp_object_t *step = gp_object_getattr_cstr(*slot, "step");
        gp_object_t *r = step ? sqlite_callback_call(step, argc, argv) : NULL;
        GP_XDECREF(step);
        if (!r)
            sqlite_callback_fail(ctx, "user-defined aggregate's 'step' method raised error");
        GP_XDECREF(r);
    }
    sqlite_callback_leave(taken);
}

/* An aggregate's end: finalize() gives the result, and the instance goes.
   An aggregate that saw no row (or whose __init__ failed) gives NULL. */
static void sqlite_aggregate_final_cb(sqlite3_context *ctx)
{
    bool taken = sqlite_callback_enter();
    gp_object_t **slot = gp_sqlite_api.aggregate_context(ctx, 0);
    if (slot && *slot) {
        /* An exception pending from a failed step stays where it is. */
        gp_object_t *pending = gp_err_fetch();
        gp_object_t *r = gp_object_call_method(*slot, "finalize", NULL, 0);
        if (!r || sqlite_set_result(ctx, r) < 0)
            sqlite_callback_fail(ctx, "user-defined aggregate's 'finalize' method raised error");
        GP_XDECREF(r);
        GP_CLEAR(*slot);
        if (pending)
            gp_err_restore(pending);
    }
    sqlite_callback_leave(taken);
}

/* A collation: -1, 0 or 1 from the Python callable's answer (an exception
   or a non-int counts as equal, as in CPython). */
static int sqlite_collation_cb(void *func, int len_a, const void *a, int len_b, const void *b)
{
    bool taken = sqlite_callback_enter();
    int order = 0;
    gp_object_t *sa = gp_str_from_utf8(a, (size_t)len_a);
    gp_object_t *sb = sa ? gp_str_from_utf8(b, (size_t)len_b) : NULL;
    gp_object_t *r = NULL;
    if (sb) {
        gp_object_t *args[2] = {sa, sb};
        r = gp_object_call(func, args, 2, NULL);
    }
    if (r && gp_int_check(r)) {
        int overflow = 0;
        int64_t v = gp_int_as_i64_overflow(r, &overflow);
        order = overflow ? overflow : v < 0 ? -1 : v > 0;
    }
    GP_XDECREF(r);
    GP_XDECREF(sb);
    GP_XDECREF(sa);
    gp_err_clear();
    sqlite_callback_leave(taken);
    return order;
}

/* ------------------------------------------------------------------ */
/* Database objects                                                     */
/* ------------------------------------------------------------------ */

#define DB(o) ((gp_sqlite_db_t *)(o))

/* Closes the handle. Statements not yet finalized keep SQLite's side alive
   (sqlite3_close_v2 makes a "zombie" connection) but refuse to run. */
static void sqlite_db_close_handle(gp_sqlite_db_t *d)
{
    if (d->db) {
        gp_sqlite_api.close_v2(d->db);
        d->db = NULL;
    }
}

static int sqlite_db_traverse(gp_object_t *self, gp_visit_fn visit, void *arg)
{
    gp_sqlite_db_t *d = DB(self);
    int r;
    if (d->errors && (r = visit(d->errors, arg)) != 0)
        return r;
    if (d->names && (r = visit(d->names, arg)) != 0)
        return r;
    if (d->functions && (r = visit(d->functions, arg)) != 0)
        return r;
    return 0;
}

/* Breaking a cycle through a user function must also close the handle:
   SQLite keeps borrowed pointers to the functions. */
static int sqlite_db_clear(gp_object_t *self)
{
    gp_sqlite_db_t *d = DB(self);
    sqlite_db_close_handle(d);
    GP_CLEAR(d->functions);
    GP_CLEAR(d->errors);
    GP_CLEAR(d->names);
    return 0;
}

static void sqlite_db_dealloc(gp_object_t *self)
{
    gp_gc_untrack(self);
    sqlite_db_clear(self);
    gp_object_free(self);
}

static gp_object_t *sqlite_db_close(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("close", nargs, kwnames, 0, 0) < 0)
        return NULL;
    /* Without the GIL: closing waits for the connection's mutex, which a
       thread stepping a statement holds (and it may need the GIL). */
    sqlite3 *db = DB(self)->db;
    DB(self)->db = NULL;
    if (db) {
        gp_thread_state_t *ts = gp_sqlite_unlock();
        gp_sqlite_api.close_v2(db);
        gp_sqlite_relock(ts);
    }
    return gp_none_new();
}

/* The first byte past [sql]'s leading whitespace and comments. */
static const char *sqlite_skip_blank(const char *sql)
{
    for (;;) {
        while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '\r' || *sql == '\f')
            sql++;
        if (sql[0] == '-' && sql[1] == '-') {
            while (*sql && *sql != '\n')
                sql++;
        } else if (sql[0] == '/' && sql[1] == '*') {
            const char *end = strstr(sql + 2, "*/");
            if (!end)
                return sql + strlen(sql);
            sql = end + 2;
        } else {
            return sql;
        }
    }
}

/* prepare(sql) -> (Statement or None, rest): compiles the first statement
   of [sql]; [rest] is the text after it, "" when only blanks and comments
   follow. The Statement is None when [sql] holds no statement at all. */
static gp_object_t *sqlite_db_prepare(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                      gp_object_t *kwnames)
{
    gp_sqlite_db_t *d = DB(self);
    if (gp_args_check("prepare", nargs, kwnames, 1, 1) < 0 || gp_sqlite_check_open(d) < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError, "SQL must be str, not %T", args[0]);
        return NULL;
    }
    const char *sql = gp_str_utf8(args[0]);
    size_t len = gp_str_utf8_len(args[0]);
    if (strlen(sql) != len)
        return gp_sqlite_raise_msg(d, GP_SQLITE_ERR_PROGRAMMING,
                                   "the query contains a null character");
    if (len >= (size_t)INT32_MAX)
        return gp_sqlite_raise_msg(d, GP_SQLITE_ERR_DATA, "query string is too large");
    sqlite3_stmt *stmt = NULL;
    const char *tail = NULL;
    /* Compiling waits for the connection's mutex, which a thread stepping
       a statement holds; that thread may need the GIL for a user function. */
    gp_thread_state_t *ts = gp_sqlite_unlock();
    int rc = gp_sqlite_api.prepare_v2(d->db, sql, (int)len + 1, &stmt, &tail);
    gp_sqlite_relock(ts);
    if (rc != SQLITE_OK)
        return gp_sqlite_raise(d, rc);
    gp_object_t *st = stmt ? gp_sqlite_stmt_new(d, stmt) : gp_none_new();
    if (!st)
        return NULL;
    const char *rest = tail ? sqlite_skip_blank(tail) : sql + len;
    gp_object_t *rest_obj = gp_str_from_utf8(rest, strlen(rest));
    gp_object_t *result = rest_obj ? gp_tuple_pack(2, st, rest_obj) : NULL;
    GP_XDECREF(rest_obj);
    GP_DECREF(st);
    return result;
}

static gp_object_t *sqlite_db_get(gp_object_t *self, void *closure)
{
    gp_sqlite_db_t *d = DB(self);
    int what = (int)(intptr_t)closure;
    if (what == 0)
        return gp_bool_from(d->db != NULL);
    if (gp_sqlite_check_open(d) < 0)
        return NULL;
    switch (what) {
    case 1:
        return gp_int_from_i64(gp_sqlite_api.changes(d->db));
    case 2:
        return gp_int_from_i64(gp_sqlite_api.total_changes(d->db));
    case 3:
        return gp_int_from_i64(gp_sqlite_api.last_insert_rowid(d->db));
    default:
        return gp_bool_from(!gp_sqlite_api.get_autocommit(d->db));
    }
}

static gp_object_t *sqlite_db_interrupt(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("interrupt", nargs, kwnames, 0, 0) < 0 || gp_sqlite_check_open(DB(self)) < 0)
        return NULL;
    gp_sqlite_api.interrupt(DB(self)->db);
    return gp_none_new();
}

/* Keeps [value] alive for SQLite under [key] (a str or a (name, narg)
   tuple), replacing what the key held. */
static int sqlite_db_keep(gp_sqlite_db_t *d, gp_object_t *key, gp_object_t *value)
{
    if (!d->functions && !(d->functions = gp_dict_new()))
        return -1;
    return gp_dict_setitem(d->functions, key, value);
}

/* Registers a scalar function ([aggregate] false) or an aggregate class
   under (name, narg). As in CPython, the callable is not checked: calling
   a non-callable fails when the SQL runs. */
static gp_object_t *sqlite_db_register(gp_sqlite_db_t *d, gp_object_t *const *args,
                                       bool aggregate, bool deterministic)
{
    gp_object_t *name = args[0], *narg_obj = args[1], *func = args[2];
    if (!gp_str_check(name)) {
        gp_err_format(&gp_exc_TypeError, "argument 'name' must be str, not %T", name);
        return NULL;
    }
    if (!gp_int_check(narg_obj)) {
        gp_err_format(&gp_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      narg_obj);
        return NULL;
    }
    int overflow = 0;
    int64_t narg = gp_int_as_i64_overflow(narg_obj, &overflow);
    if (overflow || narg < -1 || narg > 127)
        return gp_sqlite_raise_msg(d, GP_SQLITE_ERR_PROGRAMMING, "narg must be in [-1, 127]");
    gp_object_t *key = gp_tuple_pack(2, name, narg_obj);
    if (!key)
        return NULL;
    int flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0);
    sqlite3_mutex *mutex = gp_sqlite_mutex_enter(d->db);
    int rc = aggregate ? gp_sqlite_api.create_function_v2(
                             d->db, gp_str_utf8(name), (int)narg, flags, func, NULL,
                             sqlite_aggregate_step_cb, sqlite_aggregate_final_cb, NULL)
                       : gp_sqlite_api.create_function_v2(d->db, gp_str_utf8(name), (int)narg,
                                                          flags, func, sqlite_function_cb, NULL,
                                                          NULL, NULL);
    gp_sqlite_mutex_leave(mutex);
    gp_object_t *result = NULL;
    if (rc != SQLITE_OK)
        gp_sqlite_raise_msg(d, GP_SQLITE_ERR_OPERATIONAL,
                            aggregate ? "Error creating aggregate" : "Error creating function");
    else if (sqlite_db_keep(d, key, func) == 0)
        result = gp_none_new();
    GP_DECREF(key);
    return result;
}

/* create_function(name, narg, func, deterministic). */
static gp_object_t *sqlite_db_create_function(gp_object_t *self, gp_object_t *const *args,
                                              size_t nargs, gp_object_t *kwnames)
{
    gp_sqlite_db_t *d = DB(self);
    if (gp_args_check("create_function", nargs, kwnames, 4, 4) < 0 || gp_sqlite_check_open(d) < 0)
        return NULL;
    int deterministic = gp_object_is_true(args[3]);
    if (deterministic < 0)
        return NULL;
    return sqlite_db_register(d, args, false, deterministic);
}

/* create_aggregate(name, narg, aggregate_class). */
static gp_object_t *sqlite_db_create_aggregate(gp_object_t *self, gp_object_t *const *args,
                                               size_t nargs, gp_object_t *kwnames)
{
    gp_sqlite_db_t *d = DB(self);
    if (gp_args_check("create_aggregate", nargs, kwnames, 3, 3) < 0 ||
        gp_sqlite_check_open(d) < 0)
        return NULL;
    return sqlite_db_register(d, args, true, false);
}

/* create_collation(name, callable or None): None removes it. */
static gp_object_t *sqlite_db_create_collation(gp_object_t *self, gp_object_t *const *args,
                                               size_t nargs, gp_object_t *kwnames)
{
    gp_sqlite_db_t *d = DB(self);
    if (gp_args_check("create_collation", nargs, kwnames, 2, 2) < 0 ||
        gp_sqlite_check_open(d) < 0)
        return NULL;
    gp_object_t *name = args[0], *func = args[1];
    if (!gp_str_check(name)) {
        gp_err_format(&gp_exc_TypeError, "create_collation() argument 1 must be str, not %T",
                      name);
        return NULL;
    }
    bool remove = func == gp_None;
    sqlite3_mutex *mutex = gp_sqlite_mutex_enter(d->db);
    int rc = gp_sqlite_api.create_collation_v2(d->db, gp_str_utf8(name), SQLITE_UTF8,
                                               remove ? NULL : func,
                                               remove ? NULL : sqlite_collation_cb, NULL);
    gp_sqlite_mutex_leave(mutex);
    if (rc != SQLITE_OK)
        return gp_sqlite_raise(d, rc);
    /* The key is the bare name: a collation has no argument count. */
    if (sqlite_db_keep(d, name, func) < 0)
        return NULL;
    return gp_none_new();
}

static const gp_getset_def_t sqlite_db_getsets[] = {
    {"is_open", sqlite_db_get, NULL, (void *)0, NULL},
    {"changes", sqlite_db_get, NULL, (void *)1, NULL},
    {"total_changes", sqlite_db_get, NULL, (void *)2, NULL},
    {"last_insert_rowid", sqlite_db_get, NULL, (void *)3, NULL},
    {"in_transaction", sqlite_db_get, NULL, (void *)4, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const gp_method_def_t sqlite_db_methods[] = {
    {"close", sqlite_db_close, 0, NULL},
    {"prepare", sqlite_db_prepare, 0, NULL},
    {"interrupt", sqlite_db_interrupt, 0, NULL},
    {"create_function", sqlite_db_create_function, 0, NULL},
    {"create_aggregate", sqlite_db_create_aggregate, 0, NULL},
    {"create_collation", sqlite_db_create_collation, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_type_t gp_sqlite_db_type = {
    GP_TYPE_HEAD_INIT,
    .name = "_sqlite3.Database",
    .basicsize = sizeof(gp_sqlite_db_t),
    .flags = GP_TYPE_FLAG_GC,
    .dealloc = sqlite_db_dealloc,
    .traverse = sqlite_db_traverse,
    .clear = sqlite_db_clear,
    .methods = sqlite_db_methods,
    .getsets = sqlite_db_getsets,
    .doc = "One SQLite connection handle (the engine under sqlite3.Connection).",
};

/* ------------------------------------------------------------------ */
/* Module functions                                                     */
/* ------------------------------------------------------------------ */

/* load() -> (sqlite_version, version_number): loads the library. */
static gp_object_t *sqlite_mod_load(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("load", nargs, kwnames, 0, 0) < 0 || gp_sqlite_load() < 0)
        return NULL;
    gp_object_t *text = gp_str_from_cstr(gp_sqlite_api.libversion());
    gp_object_t *num = gp_int_from_i64(gp_sqlite_api.libversion_number());
    gp_object_t *r = text ? gp_tuple_pack(2, text, num) : NULL;
    GP_XDECREF(text);
    return r;
}

/* open(path, uri, timeout, errors, names) -> Database. */
static gp_object_t *sqlite_mod_open(gp_object_t *self, gp_object_t *const *args, size_t nargs,
                                    gp_object_t *kwnames)
{
    if (gp_args_check("open", nargs, kwnames, 5, 5) < 0 || gp_sqlite_load() < 0)
        return NULL;
    gp_object_t *path = args[0], *errors = args[3], *names = args[4];
    if (!gp_str_check(path) || !gp_tuple_check(errors) ||
        GP_TUPLE_SIZE(errors) != GP_SQLITE_ERR_COUNT || !gp_dict_check(names)) {
        gp_err_set_string(&gp_exc_TypeError, "open(path: str, uri, timeout, errors, names)");
        return NULL;
    }
    int uri = gp_object_is_true(args[1]);
    if (uri < 0)
        return NULL;
    double timeout = gp_float_check(args[2]) ? gp_float_value(args[2])
                                             : (double)gp_int_as_i64(args[2]);
    if (gp_err_occurred())
        return NULL;
    gp_sqlite_db_t *d = (gp_sqlite_db_t *)gp_object_alloc(&gp_sqlite_db_type, 0);
    if (!d)
        return NULL;
    d->errors = GP_INCREF(errors);
    d->names = GP_INCREF(names);
    gp_gc_track(&d->base);
    const char *cpath = gp_str_utf8(path);
    if (strlen(cpath) != gp_str_utf8_len(path)) {
        GP_DECREF(&d->base);
        gp_err_set_string(&gp_exc_ValueError, "embedded null character in path");
        return NULL;
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
    sqlite3 *db = NULL;
    gp_thread_state_t *ts = gp_sqlite_unlock();
    int rc = gp_sqlite_api.open_v2(cpath, &db, flags, NULL);
    gp_sqlite_relock(ts);
    d->db = db;
    if (rc != SQLITE_OK) {
        if (db)
            gp_sqlite_raise(d, rc);
        else
            gp_err_no_memory();
        GP_DECREF(&d->base);
        return NULL;
    }
    gp_sqlite_api.extended_result_codes(db, 1);
    double ms = timeout * 1000.0;
    gp_sqlite_api.busy_timeout(db, ms < 0 ? 0 : ms > INT32_MAX ? INT32_MAX : (int)ms);
    return &d->base;
}

/* complete_statement(sql) -> bool. */
static gp_object_t *sqlite_mod_complete(gp_object_t *self, gp_object_t *const *args,
                                        size_t nargs, gp_object_t *kwnames)
{
    if (gp_args_check("complete_statement", nargs, kwnames, 1, 1) < 0 || gp_sqlite_load() < 0)
        return NULL;
    if (!gp_str_check(args[0])) {
        gp_err_format(&gp_exc_TypeError,
                      "complete_statement() argument 'statement' must be str, not %T", args[0]);
        return NULL;
    }
    return gp_bool_from(gp_sqlite_api.complete(gp_str_utf8(args[0])) != 0);
}

static const gp_method_def_t sqlite_functions[] = {
    {"load", sqlite_mod_load, 0, NULL},
    {"open", sqlite_mod_open, 0, NULL},
    {"complete_statement", sqlite_mod_complete, 0, NULL},
    {NULL, NULL, 0, NULL},
};

gp_object_t *gp_sqlite3_module_create(void)
{
    if (gp_type_ready(&gp_sqlite_db_type) < 0 || gp_type_ready(&gp_sqlite_stmt_type) < 0)
        return NULL;
    gp_object_t *m = gp_module_new("_sqlite3");
    if (m && (gp_module_add_functions(m, sqlite_functions) < 0 ||
              gp_module_add_object(m, "Database", (gp_object_t *)&gp_sqlite_db_type) < 0 ||
              gp_module_add_object(m, "Statement", (gp_object_t *)&gp_sqlite_stmt_type) < 0))
        GP_CLEAR(m);
    return m;
}
