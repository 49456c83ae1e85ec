# Thread start/join/is_alive, names, idents, results through shared state.
import threading

results = {}

def work(key, n, scale=1):
    results[key] = sum(range(n)) * scale

threads = [threading.Thread(target=work, args=(i, 1000 * (i + 1)), kwargs={'scale': 2})
           for i in range(4)]
print([t.is_alive() for t in threads])
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print([t.is_alive() for t in threads])
# Idents of finished threads may be reused, so only their type is checked.
print(all(isinstance(t.ident, int) for t in threads))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
named = threading.Thread(target=lambda: None, name="worker-7", daemon=True)
print(named.name, named.daemon)
named.start(); named.join()


class Counter(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.total = 0

    def run(self):
        for i in range(self.n):
            self.total += i


c = Counter(100)
c.start()
c.join()
print(c.total)
try:
    c.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)
print(threading.active_count())
