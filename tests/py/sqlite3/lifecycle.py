# Loading on import, freeing connections in reference cycles, user code
# that queries the same connection, and objects that outlive their connection.
import gc
import sys
import weakref


def sqlite_mapped():
    try:
        with open("/proc/self/maps") as maps:
            return "libsqlite3" in maps.read()
    except OSError:
        return None


print("mapped before import", sqlite_mapped())
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("SELECT 1")
print("mapped after connect", sqlite_mapped())

# A function that refers back to its connection makes a cycle the collector frees.
class Marker:
    pass


def make_cycle():
    con = sqlite3.connect(":memory:")
    marker = Marker()
    con.create_function("me", 0, lambda: (marker, con.total_changes)[1])
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (me())")
    print(con.execute("SELECT x FROM t").fetchall())
    return weakref.ref(marker)


# CPython never frees this cycle (SQLite's reference is invisible to its
# collector); gilpy does. Either way the connection must stay usable until then.
ref = make_cycle()
gc.collect()

# User functions may run queries on their own connection.
con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE kv (k, v)")
con.executemany("INSERT INTO kv VALUES (?, ?)", [("a", 1), ("b", 2)])
con.create_function("lookup", 1,
                    lambda k: con.execute("SELECT v FROM kv WHERE k = ?", (k,)).fetchone()[0])
print(con.execute("SELECT k, lookup(k) * 10 FROM kv ORDER BY k").fetchall())

# A cursor with pending rows when its connection closes.
cur = con.execute("SELECT k FROM kv")
print(cur.fetchone())
con.close()
try:
    cur.fetchone()
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
del cur
gc.collect()

# Connections closed by dropping the last reference.
for i in range(50):
    c = sqlite3.connect(":memory:")
    c.execute("CREATE TABLE t (x)")
    cursor = c.execute("SELECT * FROM t")
del c, cursor
print("sqlite3" in sys.modules, sqlite3.Cursor.__module__, sqlite3.Row.__name__)
