# 2,000 threads alive at once, each waiting on one Event, all finish.
import threading

N = 2000
go = threading.Event()
done = []
lock = threading.Lock()


def worker(i):
    go.wait()
    with lock:
        done.append(i)


threads = [threading.Thread(target=worker, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
print('alive before go:', sum(t.is_alive() for t in threads))
go.set()
for t in threads:
    t.join()
print('done:', len(done), sorted(done) == list(range(N)))
print('active after:', threading.active_count())
