# Create, read, update and delete through an in-memory database.
import sqlite3

con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER)")
print(cur.description, cur.rowcount)
for name, age in [("ann", 31), ("bob", 25), ("cid", 40)]:
    cur.execute("INSERT INTO people (name, age) VALUES (?, ?)", (name, age))
    print("inserted", cur.lastrowid, cur.rowcount)
con.commit()
print(cur.execute("SELECT name, age FROM people ORDER BY age").fetchall())
cur.execute("UPDATE people SET age = age + 1 WHERE age > ?", (30,))
print("updated", cur.rowcount)
cur.execute("DELETE FROM people WHERE name = ?", ("bob",))
print("deleted", cur.rowcount)
print(cur.execute("SELECT * FROM people").fetchall())
print(cur.execute("SELECT count(*) FROM people").fetchone())
print(cur.execute("SELECT * FROM people WHERE id = 99").fetchone())
# fetchmany honours arraysize and its argument
cur.executemany("INSERT INTO people (name, age) VALUES (?, ?)",
                [("p%d" % i, i) for i in range(7)])
print("many", cur.rowcount)
cur.execute("SELECT name FROM people ORDER BY id")
print(cur.fetchmany())
cur.arraysize = 3
print(cur.fetchmany())
print(cur.fetchmany(2))
print(cur.fetchall())
print(cur.fetchall(), cur.fetchone())
# iteration
print([row[0] for row in con.execute("SELECT age FROM people ORDER BY age DESC LIMIT 3")])
print(con.total_changes)
con.close()
