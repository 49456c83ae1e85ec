# Implicit BEGIN before DML, commit, rollback, isolation levels, and the
# connection as a context manager (commits or rolls back, never closes).
import sqlite3

con = sqlite3.connect(":memory:")
print(repr(con.isolation_level), con.in_transaction)
con.execute("CREATE TABLE t (x)")
print("after DDL", con.in_transaction)
con.execute("SELECT * FROM t")
print("after SELECT", con.in_transaction)
con.execute("INSERT INTO t VALUES (1)")
print("after INSERT", con.in_transaction)
con.commit()
print("after commit", con.in_transaction)
con.execute("INSERT INTO t VALUES (2)")
con.rollback()
print("after rollback", con.in_transaction, con.execute("SELECT x FROM t").fetchall())
con.commit()
con.rollback()

with con:
    con.execute("INSERT INTO t VALUES (3)")
print("with ok", con.in_transaction, con.execute("SELECT x FROM t").fetchall())
try:
    with con:
        con.execute("INSERT INTO t VALUES (4)")
        raise KeyError("boom")
except KeyError:
    pass
print("with error", con.in_transaction, con.execute("SELECT x FROM t").fetchall())
with con as entered:
    print(entered is con)
print(con.execute("SELECT 1").fetchone())

# Autocommit mode: no implicit BEGIN.
con.isolation_level = None
con.execute("INSERT INTO t VALUES (5)")
print("autocommit", con.in_transaction)
con.execute("BEGIN")
con.execute("INSERT INTO t VALUES (6)")
print("explicit", con.in_transaction)
con.rollback()
print(con.execute("SELECT x FROM t ORDER BY x").fetchall())

for level in ["DEFERRED", "immediate", "EXCLUSIVE", ""]:
    con.isolation_level = level
    con.execute("UPDATE t SET x = x")
    print(repr(con.isolation_level), con.in_transaction)
    con.commit()

# Setting isolation_level to None commits what is pending.
con.isolation_level = ""
con.execute("INSERT INTO t VALUES (7)")
con.isolation_level = None
print("set None", con.in_transaction)
con.close()

# A second connection sees only committed rows.
import os
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "db.sqlite")
    a = sqlite3.connect(path)
    b = sqlite3.connect(path)
    a.execute("CREATE TABLE t (x)")
    a.execute("INSERT INTO t VALUES (1)")
    print("uncommitted", b.execute("SELECT count(*) FROM t").fetchone())
    a.commit()
    print("committed", b.execute("SELECT count(*) FROM t").fetchone())
    a.close()
    b.close()
