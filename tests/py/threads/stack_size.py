# threading.stack_size() and _thread.stack_size(): the previous value is
# returned, 0 means the default (and so does calling it without an argument),
# sizes below 32 KiB are refused with CPython's messages, and the size applies
# to threads started afterwards, by threading and by _thread. Recursion in a
# thread raises RecursionError, in Python frames and through C calls, with
# every stack size CPython itself survives (the smaller ones, where CPython
# crashes, are in tests/gilpy_only/thread_small_stack.py).
import _thread
import threading

print('default', threading.stack_size())
print('same function', threading.stack_size is _thread.stack_size)

for bad in (1000, 32767, -1, 2 ** 70, 1.5, '4096', None):
    try:
        threading.stack_size(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
for bad_call in (lambda: threading.stack_size(1, 2), lambda: _thread.stack_size(size=65536)):
    try:
        bad_call()
    except TypeError as e:
        print('TypeError', e)
print('still default', threading.stack_size(0))

print('set 256 KiB, previous', threading.stack_size(256 * 1024))
print('set 64 KiB, previous', _thread.stack_size(64 * 1024))
print('set 32 KiB, previous', _thread.stack_size(32 * 1024))
print('no argument returns it', threading.stack_size())
print('and resets it', threading.stack_size())
print('reset, previous', threading.stack_size(0))


def down(n):
    return down(n + 1) + 1


class Deep:
    # Each level goes through C (repr -> __repr__), so it uses C stack.
    def __repr__(self):
        return repr(self)


def probe(label, results):
    try:
        down(0)
    except RecursionError as e:
        results.append(f'{label}: python recursion: RecursionError: {e}')
    try:
        repr(Deep())
    except RecursionError:
        results.append(f'{label}: C recursion: RecursionError')
    nested = []
    for _ in range(5000):
        nested = [nested]
    try:
        repr(nested)
    except RecursionError:
        results.append(f'{label}: nested list repr: RecursionError')
    # The thread is fine after it: a shallow call still works.
    results.append(f'{label}: after: {len(str(list(range(5))))}')


for size in (0, 8 * 1024 * 1024, 1024 * 1024, 512 * 1024):
    threading.stack_size(size)
    results = []
    t = threading.Thread(target=probe, args=(f'stack {size}', results))
    t.start()
    t.join()
    for line in results:
        print(line)

# A size set with stack_size() also applies to _thread.start_new_thread.
threading.stack_size(1024 * 1024)
done = threading.Event()
results = []


def raw():
    probe('start_new_thread', results)
    done.set()


_thread.start_new_thread(raw, ())
done.wait()
print('\n'.join(results))
print('final', threading.stack_size(0))
