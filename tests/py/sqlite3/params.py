# qmark and named parameters, and the errors for the wrong number or kind.
import sqlite3

con = sqlite3.connect(":memory:")
print(con.execute("SELECT ?, ?, ?", (1, "two", 3.0)).fetchone())
print(con.execute("SELECT ?, ?", [None, b"x"]).fetchone())
print(con.execute("SELECT :a, :b, :a", {"a": 1, "b": 2}).fetchone())
print(con.execute("SELECT $x, @y", {"x": "dollar", "y": "at"}).fetchone())
print(con.execute("SELECT ?1, ?2, ?1", ("one", "two")).fetchone())
print(con.execute("SELECT 1").fetchone())


class Seq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i * 10


print(con.execute("SELECT ?, ?", Seq()).fetchone())

cases = [
    ("SELECT ?", (1, 2)),
    ("SELECT ?, ?", (1,)),
    ("SELECT ?", ()),
    ("SELECT :a", {"b": 1}),
    ("SELECT ?", {"a": 1}),
    ("SELECT ?", ([1],)),
    ("SELECT ?, ?", (1, {})),
    ("SELECT ?", 42),
]
for sql, params in cases:
    try:
        con.execute(sql, params)
    except Exception as e:
        print(type(e).__name__, e)
try:
    con.execute("SELECT ?", (2 ** 63,))
except OverflowError as e:
    print("OverflowError")
print(con.execute("SELECT ?", (2 ** 63 - 1,)).fetchone())
print(con.execute("SELECT ?", (-2 ** 63,)).fetchone())
try:
    con.execute(42)
except TypeError as e:
    print("TypeError", "str" in str(e))
con.close()
