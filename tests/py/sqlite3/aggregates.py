# create_aggregate and create_collation.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t (g, x)")
con.executemany("INSERT INTO t VALUES (?, ?)",
                [("a", 1), ("b", 2), ("a", 3), ("b", 4), ("c", None)])


class Total:
    def __init__(self):
        self.total = 0

    def step(self, value):
        if value is not None:
            self.total += value

    def finalize(self):
        return self.total


class Joined:
    def __init__(self):
        self.parts = []

    def step(self, *values):
        self.parts.append("/".join(map(str, values)))

    def finalize(self):
        return ",".join(self.parts)


con.create_aggregate("total", 1, Total)
con.create_aggregate("joined", -1, Joined)
print(con.execute("SELECT g, total(x) FROM t GROUP BY g ORDER BY g").fetchall())
print(con.execute("SELECT total(x), joined(g, x) FROM t").fetchone())
print(con.execute("SELECT total(x) FROM t WHERE 0").fetchone())


class BadInit:
    def __init__(self):
        raise RuntimeError


class BadStep(Total):
    def step(self, value):
        raise RuntimeError


class BadFinal(Total):
    def finalize(self):
        raise RuntimeError


class Huge(Total):
    def finalize(self):
        return 2 ** 80


for name, cls in [("badinit", BadInit), ("badstep", BadStep), ("badfinal", BadFinal),
                  ("huge", Huge)]:
    con.create_aggregate(name, 1, cls)
    try:
        print(con.execute("SELECT %s(x) FROM t" % name).fetchall())
    except sqlite3.Error as e:
        print(type(e).__name__, e)

# Abandoning a grouped query part way finalizes the aggregates left open.
cur = con.execute("SELECT g, total(x) FROM t GROUP BY g ORDER BY g")
print(cur.fetchone())
cur.close()


def reverse(a, b):
    return (a < b) - (a > b)


con.create_collation("reverse", reverse)
print(con.execute("SELECT g FROM t ORDER BY g COLLATE reverse").fetchall())
con.create_collation("reverse", None)
try:
    con.execute("SELECT g FROM t ORDER BY g COLLATE reverse")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
try:
    con.create_collation("x", 42)
except TypeError as e:
    print("TypeError", e)
con.close()
