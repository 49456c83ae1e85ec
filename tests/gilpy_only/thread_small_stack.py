# Threads with small stacks (threading.stack_size of 256, 64 and 32 KiB)
# raise RecursionError when their C stack runs low, and carry on afterwards.
# gilpy differs here on purpose: CPython 3.11 crashes (SIGSEGV) on the C
# recursion below with a 64 KiB stack, because its recursion limit counts
# frames, not bytes; gilpy also checks the stack left (gp_stack_exhausted).
import threading


def down(n):
    return down(n + 1) + 1


class Deep:
    def __repr__(self):
        return repr(self)


class DeepEq:
    def __eq__(self, other):
        return self == other


def probe(label, results):
    try:
        down(0)
    except RecursionError as e:
        results.append(f'{label}: python recursion: RecursionError: {e}')
    try:
        repr(Deep())
    except RecursionError:
        results.append(f'{label}: repr recursion: RecursionError')
    try:
        DeepEq() == 1
    except RecursionError:
        results.append(f'{label}: eq recursion: RecursionError')
    nested = []
    for _ in range(5000):
        nested = [nested]
    try:
        repr(nested)
    except RecursionError:
        results.append(f'{label}: nested list repr: RecursionError')
    results.append(f'{label}: after: {sorted({3: 1, 1: 2})}')


for size in (256 * 1024, 64 * 1024, 32 * 1024):
    threading.stack_size(size)
    results = []
    t = threading.Thread(target=probe, args=(f'stack {size // 1024} KiB', results))
    t.start()
    t.join()
    print('\n'.join(results))
threading.stack_size(0)
print('done')
