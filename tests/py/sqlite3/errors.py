# The exception hierarchy and CPython's messages for the common mistakes.
import sqlite3

probe = sqlite3.connect(":memory:")
for name in ["Warning", "Error", "InterfaceError", "DatabaseError", "DataError",
             "OperationalError", "IntegrityError", "InternalError", "ProgrammingError",
             "NotSupportedError"]:
    cls = getattr(sqlite3, name)
    print(name, [b.__name__ for b in cls.__mro__[1:-2]], cls.__module__,
          getattr(probe, name) is cls)

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t (a UNIQUE, b NOT NULL, c CHECK (c > 0))")
con.execute("INSERT INTO t VALUES (1, 1, 1)")


def attempt(sql, params=()):
    try:
        con.execute(sql, params).fetchall()
        print("ok")
    except sqlite3.Error as e:
        print(type(e).__name__, "|", e, "|", getattr(e, "sqlite_errorcode", None),
              getattr(e, "sqlite_errorname", None))


attempt("SELECT * FROM missing")
attempt("SELEC 1")
attempt("SELECT nope FROM t")
attempt("INSERT INTO t VALUES (1, 2, 3)")
attempt("INSERT INTO t VALUES (2, NULL, 3)")
attempt("INSERT INTO t VALUES (3, 3, -1)")
attempt("SELECT 1; SELECT 2")
attempt("SELECT 1; ")
attempt("SELECT 1 -- trailing comment")
attempt("SELECT 1; /* block */")
attempt("SELECT '\x00'")
attempt("CREATE TABLE t (x)")
try:
    con.execute("SELECT * FROM missing")
except sqlite3.DatabaseError as e:
    print("caught as DatabaseError", isinstance(e, sqlite3.Error))
print(sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_ERROR, sqlite3.SQLITE_OK,
      sqlite3.SQLITE_BUSY_TIMEOUT, sqlite3.SQLITE_DENY, sqlite3.SQLITE_INSERT)
cur = con.cursor()
cur.close()
try:
    cur.execute("SELECT 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
con.close()
con.close()
for action in [lambda: con.execute("SELECT 1"), lambda: con.cursor(), con.commit,
               lambda: con.total_changes, lambda: con.in_transaction]:
    try:
        action()
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError", e)
try:
    sqlite3.connect(":memory:", isolation_level="BOGUS")
except ValueError as e:
    print("ValueError", e)
try:
    sqlite3.connect(":memory:", isolation_level=3)
except TypeError as e:
    print("TypeError", e)
