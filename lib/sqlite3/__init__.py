"""sqlite3: the DB-API 2.0 interface to SQLite databases (PEP 249).

    import sqlite3
    with sqlite3.connect(":memory:") as db:
        db.execute("create table t(x)")
        db.execute("insert into t values (?)", (1,))
        print(db.execute("select x from t").fetchall())

The engine is the system libsqlite3, loaded when this package is imported;
see sqlite3/dbapi2.py for the Python half and src/mod/sqlite3.c for the C one.
"""

from sqlite3.dbapi2 import *
