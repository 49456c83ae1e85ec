# Deep recursion raises RecursionError in the main thread and in threads,
# and in the C recursion of repr.
import sys
import threading


def down(n):
    return down(n + 1) + 1


def probe(label):
    try:
        down(0)
    except RecursionError as e:
        print(label, 'RecursionError:', e)


probe('main')
t = threading.Thread(target=probe, args=('thread',))
t.start()
t.join()

class Deep:
    def __repr__(self):
        return repr(self)


try:
    repr(Deep())
except RecursionError:
    print('repr recursion: RecursionError')

nested = []
for _ in range(100000):
    nested = [nested]
try:
    repr(nested)
except RecursionError:
    print('nested list repr: RecursionError')
print('limit', sys.getrecursionlimit())
