/*
 * sqlite3_internal.h - what the two halves of the `_sqlite3` module share:
 * the table of libsqlite3 entry points (resolved at first use, see
 * sqlite3.c) and the Database and Statement objects.
 *
 * Only the header of SQLite is used at build time; the library itself is
 * dlopen()ed, so every call goes through `gp_sqlite_api`.
 */
#ifndef GP_MOD_SQLITE3_INTERNAL_H
#define GP_MOD_SQLITE3_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>

#include "obj/object.h"
#include "runtime/runtime.h"

/* X(return type, field, symbol, parameters): one line per function used. */
#define GP_SQLITE_FUNCTIONS(X)                                                                     \
    X(const char *, libversion, "sqlite3_libversion", (void))                                      \
    X(int, libversion_number, "sqlite3_libversion_number", (void))                                 \
    X(int, open_v2, "sqlite3_open_v2", (const char *, sqlite3 **, int, const char *))             \
    X(int, close_v2, "sqlite3_close_v2", (sqlite3 *))                                              \
    X(int, busy_timeout, "sqlite3_busy_timeout", (sqlite3 *, int))                                 \
    X(const char *, errmsg, "sqlite3_errmsg", (sqlite3 *))                                         \
    X(int, extended_errcode, "sqlite3_extended_errcode", (sqlite3 *))                              \
    X(const char *, errstr, "sqlite3_errstr", (int))                                               \
    X(int, extended_result_codes, "sqlite3_extended_result_codes", (sqlite3 *, int))               \
    X(int, changes, "sqlite3_changes", (sqlite3 *))                                                \
    X(int, total_changes, "sqlite3_total_changes", (sqlite3 *))                                    \
    X(sqlite3_int64, last_insert_rowid, "sqlite3_last_insert_rowid", (sqlite3 *))                  \
    X(int, get_autocommit, "sqlite3_get_autocommit", (sqlite3 *))                                  \
    X(void, interrupt, "sqlite3_interrupt", (sqlite3 *))                                           \
    X(int, complete, "sqlite3_complete", (const char *))                                           \
    X(int, prepare_v2, "sqlite3_prepare_v2",                                                       \
      (sqlite3 *, const char *, int, sqlite3_stmt **, const char **))                              \
    X(int, step, "sqlite3_step", (sqlite3_stmt *))                                                 \
    X(int, reset, "sqlite3_reset", (sqlite3_stmt *))                                               \
    X(int, finalize, "sqlite3_finalize", (sqlite3_stmt *))                                         \
    X(int, clear_bindings, "sqlite3_clear_bindings", (sqlite3_stmt *))                             \
    X(int, stmt_readonly, "sqlite3_stmt_readonly", (sqlite3_stmt *))                               \
    X(int, bind_parameter_count, "sqlite3_bind_parameter_count", (sqlite3_stmt *))                 \
    X(const char *, bind_parameter_name, "sqlite3_bind_parameter_name", (sqlite3_stmt *, int))     \
    X(int, bind_null, "sqlite3_bind_null", (sqlite3_stmt *, int))                                  \
    X(int, bind_int64, "sqlite3_bind_int64", (sqlite3_stmt *, int, sqlite3_int64))                 \
    X(int, bind_double, "sqlite3_bind_double", (sqlite3_stmt *, int, double))                      \
    X(int, bind_text64, "sqlite3_bind_text64",                                                     \
      (sqlite3_stmt *, int, const char *, sqlite3_uint64, void (*)(void *), unsigned char))        \
    X(int, bind_blob64, "sqlite3_bind_blob64",                                                     \
      (sqlite3_stmt *, int, const void *, sqlite3_uint64, void (*)(void *)))                       \
    X(int, column_count, "sqlite3_column_count", (sqlite3_stmt *))                                 \
    X(int, data_count, "sqlite3_data_count", (sqlite3_stmt *))                                     \
    X(const char *, column_name, "sqlite3_column_name", (sqlite3_stmt *, int))                     \
    X(const char *, column_decltype, "sqlite3_column_decltype", (sqlite3_stmt *, int))             \
    X(int, column_type, "sqlite3_column_type", (sqlite3_stmt *, int))                              \
    X(sqlite3_int64, column_int64, "sqlite3_column_int64", (sqlite3_stmt *, int))                  \
    X(double, column_double, "sqlite3_column_double", (sqlite3_stmt *, int))                       \
    X(const unsigned char *, column_text, "sqlite3_column_text", (sqlite3_stmt *, int))            \
    X(const void *, column_blob, "sqlite3_column_blob", (sqlite3_stmt *, int))                     \
    X(int, column_bytes, "sqlite3_column_bytes", (sqlite3_stmt *, int))                            \
    X(int, create_function_v2, "sqlite3_create_function_v2",                                       \
      (sqlite3 *, const char *, int, int, void *,                                                  \
       void (*)(sqlite3_context *, int, sqlite3_value **),                                         \
       void (*)(sqlite3_context *, int, sqlite3_value **), void (*)(sqlite3_context *),            \
       void (*)(void *)))                                                                          \
    X(void *, user_data, "sqlite3_user_data", (sqlite3_context *))                                 \
    X(int, value_type, "sqlite3_value_type", (sqlite3_value *))                                    \
    X(sqlite3_int64, value_int64, "sqlite3_value_int64", (sqlite3_value *))                        \
    X(double, value_double, "sqlite3_value_double", (sqlite3_value *))                             \
    X(const unsigned char *, value_text, "sqlite3_value_text", (sqlite3_value *))                  \
    X(const void *, value_blob, "sqlite3_value_blob", (sqlite3_value *))                           \
    X(int, value_bytes, "sqlite3_value_bytes", (sqlite3_value *))                                  \
    X(void, result_null, "sqlite3_result_null", (sqlite3_context *))                               \
    X(void, result_int64, "sqlite3_result_int64", (sqlite3_context *, sqlite3_int64))              \
    X(void, result_double, "sqlite3_result_double", (sqlite3_context *, double))                   \
    X(void, result_text64, "sqlite3_result_text64",                                                \
      (sqlite3_context *, const char *, sqlite3_uint64, void (*)(void *), unsigned char))          \
    X(void, result_blob64, "sqlite3_result_blob64",                                                \
      (sqlite3_context *, const void *, sqlite3_uint64, void (*)(void *)))                         \
    X(void, result_error, "sqlite3_result_error", (sqlite3_context *, const char *, int))          \
    X(void, result_error_nomem, "sqlite3_result_error_nomem", (sqlite3_context *))              \
    X(void, result_error_toobig, "sqlite3_result_error_toobig", (sqlite3_context *))              \
    X(sqlite3_mutex *, db_mutex, "sqlite3_db_mutex", (sqlite3 *))                                \
    X(sqlite3 *, db_handle, "sqlite3_db_handle", (sqlite3_stmt *))                                \
    X(int, mutex_try, "sqlite3_mutex_try", (sqlite3_mutex *))                                     \
    X(void, mutex_enter, "sqlite3_mutex_enter", (sqlite3_mutex *))                                \
    X(void, mutex_leave, "sqlite3_mutex_leave", (sqlite3_mutex *))                                \
    X(void *, aggregate_context, "sqlite3_aggregate_context", (sqlite3_context *, int))          \
    X(int, create_collation_v2, "sqlite3_create_collation_v2",                                     \
      (sqlite3 *, const char *, int, void *, int (*)(void *, int, const void *, int, const void *), \
       void (*)(void *)))

typedef struct gp_sqlite_api {
#define GP_SQLITE_FIELD(ret, field, symbol, params) ret(*field) params;
    GP_SQLITE_FUNCTIONS(GP_SQLITE_FIELD)
#undef GP_SQLITE_FIELD
} gp_sqlite_api_t;

/* The resolved entry points; valid once gp_sqlite_load() returned 0. */
extern gp_sqlite_api_t gp_sqlite_api;

/* Loads libsqlite3 (once). 0, or -1 with ImportError when it is missing. */
int gp_sqlite_load(void);

/* One open connection. [errors] is the tuple of exception classes the Python
   layer passed to open() (see GP_SQLITE_ERR_* for the order) and [names]
   maps result codes to their SQLITE_* names; both are owned. */
typedef struct gp_sqlite_db {
    gp_object_t base;
    sqlite3 *db;            /* NULL once closed */
    gp_object_t *errors;    /* tuple of classes */
    gp_object_t *names;     /* dict: int -> str */
    gp_object_t *functions; /* dict: (name, narg) -> callable, kept alive for SQLite */
} gp_sqlite_db_t;

/* Positions in the errors tuple. */
enum {
    GP_SQLITE_ERR_DATABASE,
    GP_SQLITE_ERR_OPERATIONAL,
    GP_SQLITE_ERR_INTEGRITY,
    GP_SQLITE_ERR_INTERNAL,
    GP_SQLITE_ERR_PROGRAMMING,
    GP_SQLITE_ERR_DATA,
    GP_SQLITE_ERR_NOTSUPPORTED,
    GP_SQLITE_ERR_INTERFACE,
    GP_SQLITE_ERR_COUNT,
};

/* One prepared statement; keeps its Database alive. */
typedef struct gp_sqlite_stmt {
    gp_object_t base;
    gp_sqlite_db_t *owner;
    sqlite3_stmt *stmt; /* NULL once finalized */
    bool in_use;        /* being stepped with the GIL released */
} gp_sqlite_stmt_t;

extern gp_type_t gp_sqlite_db_type, gp_sqlite_stmt_type;

/* Releases the GIL around a call into SQLite that may block or call back
   into Python; gp_sqlite_relock() takes it back. */
gp_thread_state_t *gp_sqlite_unlock(void);
void gp_sqlite_relock(gp_thread_state_t *ts);

/* Takes [db]'s mutex (NULL: none) for a run of SQLite calls made with the
   GIL held, never blocking on it while holding the GIL: a thread stepping a
   statement holds the mutex and may be waiting for the GIL. Returns the
   mutex to hand to gp_sqlite_mutex_leave(). */
sqlite3_mutex *gp_sqlite_mutex_enter(sqlite3 *db);
void gp_sqlite_mutex_leave(sqlite3_mutex *mutex);

/* Raises the exception SQLite's state [rc] on [d] calls for (the class by
   result code, the message from sqlite3_errmsg). Returns NULL. */
gp_object_t *gp_sqlite_raise(gp_sqlite_db_t *d, int rc);
/* Raises class [which] of [d]'s errors tuple with [msg]. Returns NULL. */
gp_object_t *gp_sqlite_raise_msg(gp_sqlite_db_t *d, int which, const char *msg);
/* 0 when [d] is open, else -1 with ProgrammingError. */
int gp_sqlite_check_open(gp_sqlite_db_t *d);
/* Wraps a fresh sqlite3_stmt (taken over) for [d]. */
gp_object_t *gp_sqlite_stmt_new(gp_sqlite_db_t *d, sqlite3_stmt *stmt);

#endif /* GP_MOD_SQLITE3_INTERNAL_H */
