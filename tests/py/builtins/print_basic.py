# print(): separators, end, file and flush, and their errors.
import sys

print()
print(1, 2, 3)
print('a', 'b', sep='')
print('a', 'b', sep='--', end='!\n')
print('no newline', end='')
print()
print(None, True, 1.5, [1, 'x'], (2,), {'k': 3})
print('x', sep=None, end=None)
print(-5, 0, 2**70)
print('to stdout', file=sys.stdout, flush=True)
print('to stderr', file=sys.stderr)
print('to None file', file=None)

class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.parts.append('<flush>')

c = Collector()
print('a', 1, 'b', file=c, sep='+', end='.', flush=True)
print(c.parts)

class Loud:
    def __str__(self):
        return 'loud!'

print(Loud(), Loud())

for bad in [dict(sep=1), dict(end=[]), dict(x=1)]:
    try:
        print('never', **bad)
    except TypeError as e:
        print('TypeError:', e)

try:
    print('x', file=1)
except AttributeError as e:
    print('AttributeError:', e)
