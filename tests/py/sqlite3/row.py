# sqlite3.Row: index by position and by case-insensitive name, keys, equality.
import sqlite3

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
row = con.execute("SELECT 1 AS One, 'two' AS two, 3.0 AS ÉTÉ").fetchone()
print(type(row).__name__, len(row), row.keys())
print(row[0], row[1], row[-1], row["one"], row["ONE"], row["Two"], row["ÉTÉ"])
print(row[0:2], tuple(row), list(row))
for key in ["three", "été", 5]:
    try:
        row[key]
    except IndexError as e:
        print("IndexError", e)
try:
    row[1.5]
except IndexError as e:
    print("IndexError", e)
other = con.execute("SELECT 1 AS One, 'two' AS two, 3.0 AS ÉTÉ").fetchone()
print(row == other, row != other, hash(row) == hash(other))
third = con.execute("SELECT 1 AS one, 'two' AS two, 3.0 AS ÉTÉ").fetchone()
print(row == third, row == (1, "two", 3.0))
print(dict(zip(row.keys(), row)))
# The cursor keeps the factory it was created with.
cur = con.cursor()
con.row_factory = None
print(type(cur.execute("SELECT 1").fetchone()).__name__)
print(type(con.execute("SELECT 1").fetchone()).__name__)
# Any callable can be a row factory.
con.row_factory = lambda cursor, r: {d[0]: v for d, v in zip(cursor.description, r)}
print(con.execute("SELECT 1 AS a, 2 AS b").fetchall())
try:
    sqlite3.Row(None, (1,))
except TypeError as e:
    print("TypeError")
con.close()
