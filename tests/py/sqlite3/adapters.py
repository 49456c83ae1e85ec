# Adapters, converters and detect_types; connect() arguments.
import datetime
import os
import pathlib
import sqlite3
import tempfile

print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.apilevel, sqlite3.paramstyle)
print(sqlite3.version, sqlite3.version_info, isinstance(sqlite3.sqlite_version, str),
      sqlite3.sqlite_version_info >= (3, 7, 15))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def adapt_point(p):
    return "%s;%s" % (p.x, p.y)


def convert_point(raw):
    x, y = map(float, raw.split(b";"))
    return Point(x, y)


sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con.execute("CREATE TABLE shapes (p point, d date, ts timestamp, n integer)")
con.execute("INSERT INTO shapes VALUES (?, ?, ?, ?)",
            (Point(1, 2.5), datetime.date(2024, 2, 29),
             datetime.datetime(2024, 1, 2, 3, 4, 5, 600), 7))
con.execute("INSERT INTO shapes VALUES (NULL, NULL, ?, NULL)",
            (datetime.datetime(2020, 5, 6, 7, 8, 9),))
for row in con.execute("SELECT * FROM shapes"):
    print(row)
print(con.execute("SELECT p FROM shapes").fetchone())
con.close()

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
row = con.execute('SELECT ? AS "p [point]", ? AS plain', (Point(3, 4), Point(5, 6))).fetchone()
print(row)
print(con.execute('SELECT 1 AS "x [point]"').description)
con.close()


class Conforming:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"


con = sqlite3.connect(":memory:")
print(con.execute("SELECT ?", (Conforming(),)).fetchone())
print(sqlite3.adapt(Point(1, 2)), sqlite3.adapt(5, sqlite3.PrepareProtocol, None))
try:
    con.execute("SELECT ?", (object(),))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
con.close()

with tempfile.TemporaryDirectory() as tmp:
    for target in [os.path.join(tmp, "a.db"), pathlib.Path(tmp) / "b.db",
                   os.fsencode(os.path.join(tmp, "c.db"))]:
        c = sqlite3.connect(target)
        c.execute("CREATE TABLE t (x)")
        c.close()
    print(sorted(os.listdir(tmp)))
    uri = "file:" + os.path.join(tmp, "a.db") + "?mode=ro"
    ro = sqlite3.connect(uri, uri=True)
    try:
        ro.execute("INSERT INTO t VALUES (1)")
    except sqlite3.OperationalError as e:
        print("OperationalError", e)
    ro.close()
    try:
        sqlite3.connect(os.path.join(tmp, "missing", "x.db"))
    except sqlite3.OperationalError as e:
        print("OperationalError", e)
