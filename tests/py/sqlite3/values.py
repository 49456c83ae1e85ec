# Values round-trip with their Python types; text_factory picks str or bytes.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE v (x)")
values = [None, 0, -1, 2 ** 62, -(2 ** 63), 1.5, -0.25, 1e300, "", "héllo ☃", "a\x00b",
          b"", b"\x00\xff", bytearray(b"ba"), memoryview(b"mv"), True, False]
for v in values:
    con.execute("INSERT INTO v VALUES (?)", (v,))
for (x,), in_ in zip(con.execute("SELECT x FROM v ORDER BY rowid"), values):
    print(type(x).__name__, repr(x))
print(con.execute("SELECT typeof(x) FROM v ORDER BY rowid").fetchall())
con.text_factory = bytes
print(con.execute("SELECT 'abc', 'é'").fetchone())
con.text_factory = lambda b: b.decode().upper()
print(con.execute("SELECT 'abc'").fetchone())
con.text_factory = str
con.execute("CREATE TABLE bad (t)")
con.execute("INSERT INTO bad VALUES (CAST(x'ff' AS TEXT))")
try:
    con.execute("SELECT t FROM bad").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError", str(e).startswith("Could not decode to UTF-8 column 't'"))
con.text_factory = bytes
print(con.execute("SELECT t FROM bad").fetchone())
# Floats and integers are exact; large text and blobs survive.
big = "x" * 100000
print(con.execute("SELECT length(?), ?", (big, 0.1)).fetchone())
blob = bytes(range(256)) * 4
print(con.execute("SELECT ?", (blob,)).fetchone()[0] == blob)
con.close()
