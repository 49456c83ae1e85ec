# One connection shared by threads (check_same_thread=False) while a Python
# SQL function runs inside the statements: SQLite's connection mutex and
# the GIL are never waited for in opposite orders, so nothing deadlocks.
import sqlite3
import threading

con = sqlite3.connect(":memory:", check_same_thread=False)
con.execute("CREATE TABLE t (x)")
con.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(500)])
con.create_function("inc", 1, lambda x: x + 1)
results = {}


def reader(k):
    sums = []
    for _ in range(20):
        if k % 2:
            rows = con.execute("SELECT inc(x) FROM t WHERE x > ?", (k,))
            sums.append(sum(row[0] for row in rows))
        else:
            sums.append(con.execute("SELECT sum(inc(x)) FROM t WHERE x > ?", (k,)).fetchone()[0])
    results[k] = sorted(set(sums))


threads = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
con.close()
