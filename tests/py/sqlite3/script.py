# executescript runs several statements; iterdump writes them back out.
import sqlite3

con = sqlite3.connect(":memory:")
cur = con.executescript("""
    -- a comment
    CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT);
    CREATE TABLE b (x REAL, y BLOB);
    INSERT INTO a (name) VALUES ('one');
    INSERT INTO a (name) VALUES ('it''s');
    /* block comment */ INSERT INTO b VALUES (1.5, x'00ff');
    CREATE INDEX a_name ON a (name);
    CREATE VIEW v AS SELECT name FROM a;
""")
print(type(cur).__name__, con.in_transaction)
print(con.execute("SELECT * FROM a").fetchall())
print(con.execute("SELECT * FROM v").fetchall())
for line in con.iterdump():
    print(line)
# A pending transaction is committed first.
con.execute("INSERT INTO a (name) VALUES ('three')")
print(con.in_transaction)
con.executescript("SELECT 1;")
print(con.in_transaction)
con.rollback()
print(con.execute("SELECT count(*) FROM a").fetchone())
try:
    con.executescript("INSERT INTO a VALUES (1, 'dup'); SELECT 1;")
except sqlite3.IntegrityError as e:
    print("IntegrityError", e)
try:
    con.executescript("CREATE TABLE c (x); bogus statement;")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
print(con.execute("SELECT name FROM sqlite_master WHERE name = 'c'").fetchall())
try:
    con.executescript(42)
except TypeError as e:
    print("TypeError")
print(sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT 1"))
con.close()
