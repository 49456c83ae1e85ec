# Threads with their own connections to one file database; the GIL is
# released while SQLite works, and the busy timeout waits for the lock.
import os
import sqlite3
import tempfile
import threading

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "shared.db")
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE log (worker INTEGER, n INTEGER)")
    setup.commit()
    setup.close()
    errors = []

    def work(worker):
        try:
            con = sqlite3.connect(path, timeout=30)
            for n in range(20):
                with con:
                    con.execute("INSERT INTO log VALUES (?, ?)", (worker, n))
            total = con.execute("SELECT count(*) FROM log WHERE worker = ?", (worker,))
            assert total.fetchone() == (20,)
            con.close()
        except Exception as e:
            errors.append(repr(e))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("errors", errors)
    con = sqlite3.connect(path)
    print(con.execute("SELECT worker, count(*), sum(n) FROM log GROUP BY worker").fetchall())

    # A connection is tied to its thread unless check_same_thread=False.
    caught = []

    def misuse(c):
        try:
            c.execute("SELECT 1")
        except sqlite3.ProgrammingError as e:
            caught.append(str(e).startswith("SQLite objects created in a thread can only be used"))

    t = threading.Thread(target=misuse, args=(con,))
    t.start()
    t.join()
    print("same thread check", caught)
    con.close()
    shared = sqlite3.connect(path, check_same_thread=False)
    results = []
    t = threading.Thread(target=lambda: results.append(
        shared.execute("SELECT count(*) FROM log").fetchone()))
    t.start()
    t.join()
    print("shared", results)
    shared.close()
    # A second writer waits for the busy timeout, then gives up.
    a = sqlite3.connect(path)
    b = sqlite3.connect(path, timeout=0.05)
    a.execute("INSERT INTO log VALUES (9, 9)")
    try:
        b.execute("INSERT INTO log VALUES (8, 8)")
    except sqlite3.OperationalError as e:
        print("OperationalError", e)
    a.commit()
    b.execute("INSERT INTO log VALUES (8, 8)")
    b.commit()
    print(b.execute("SELECT count(*) FROM log").fetchone())
    a.close()
    b.close()
