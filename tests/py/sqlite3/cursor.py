# Cursor attributes: description, rowcount, lastrowid, arraysize, close.
import sqlite3

con = sqlite3.connect(":memory:")
cur = con.cursor()
print(cur.description, cur.rowcount, cur.lastrowid, cur.arraysize, cur.connection is con)
cur.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v)")
print(cur.description, cur.rowcount, cur.lastrowid)
cur.execute("INSERT INTO t (v) VALUES ('a')")
print(cur.rowcount, cur.lastrowid)
cur.execute("INSERT INTO t (id, v) VALUES (10, 'b')")
print(cur.rowcount, cur.lastrowid)
cur.executemany("INSERT INTO t (v) VALUES (?)", [("c",), ("d",), ("e",)])
print(cur.rowcount, cur.lastrowid)
cur.execute("UPDATE t SET v = v || '!'")
print(cur.rowcount, cur.lastrowid)
cur.execute("SELECT id AS ident, v, 1 + 1, v AS [named type] FROM t")
print(cur.description)
print(cur.rowcount)
print(cur.fetchone())
cur.execute("DELETE FROM t WHERE id > 10")
print(cur.rowcount, cur.description)
cur.execute("REPLACE INTO t (id, v) VALUES (1, 'z')")
print(cur.rowcount, cur.lastrowid)
cur.execute("SELECT * FROM t WHERE 0")
print(cur.description, cur.fetchall())
try:
    cur.executemany("SELECT ?", [(1,)])
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
print(iter(cur) is cur)
cur.execute("SELECT v FROM t ORDER BY id")
print(next(cur), list(cur))
try:
    next(cur)
except StopIteration:
    print("StopIteration")
cur.close()
cur.close()
for action in [cur.fetchone, lambda: cur.execute("SELECT 1")]:
    try:
        action()
    except sqlite3.ProgrammingError as e:
        print("ProgrammingError", e)
# Two cursors over one connection interleave.
c1 = con.execute("SELECT id FROM t ORDER BY id")
c2 = con.execute("SELECT v FROM t ORDER BY id")
print(c1.fetchone(), c2.fetchone(), c1.fetchone(), c2.fetchall())
con.close()
