# create_function: Python functions called from SQL.
import sqlite3

con = sqlite3.connect(":memory:")
con.create_function("double", 1, lambda x: x * 2)
con.create_function("join3", 3, lambda a, b, c: "%s-%s-%s" % (a, b, c))
con.create_function("count_args", -1, lambda *args: len(args))
con.create_function("kind", 1, lambda x: type(x).__name__)
con.create_function("nil", 0, lambda: None)
con.create_function("blob", 0, lambda: b"\x01\x02")
con.create_function("pi", 0, lambda: 3.25, deterministic=True)
print(con.execute("SELECT double(21), double('ab'), double(1.5)").fetchone())
print(con.execute("SELECT join3(1, 'b', NULL)").fetchone())
print(con.execute("SELECT count_args(), count_args(1, 2, 3)").fetchone())
print(con.execute("SELECT kind(1), kind(1.0), kind('s'), kind(x'00'), kind(NULL)").fetchone())
print(con.execute("SELECT nil(), blob(), pi()").fetchone())
con.execute("CREATE TABLE t (x)")
con.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(5)])
print(con.execute("SELECT double(x) FROM t WHERE double(x) > 3").fetchall())


def fails(x):
    raise ValueError("inside")


con.create_function("fails", 1, fails)
con.create_function("odd", 0, lambda: object())
con.create_function("huge", 0, lambda: 2 ** 70)
for sql in ["SELECT fails(1)", "SELECT odd()", "SELECT huge()", "SELECT double(1, 2)"]:
    try:
        con.execute(sql).fetchall()
    except sqlite3.Error as e:
        print(type(e).__name__, e)
# Redefining replaces; None removes.
con.create_function("double", 1, lambda x: x * 3)
print(con.execute("SELECT double(2)").fetchone())
con.create_function("double", 1, None)
try:
    con.execute("SELECT double(2)")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
try:
    con.create_function("x", 1, 42)
except TypeError as e:
    print("TypeError")
# A function that closes over the connection is freed with it.
con.create_function("selfref", 0, lambda: con.total_changes)
print(con.execute("SELECT selfref()").fetchone())
con.close()
