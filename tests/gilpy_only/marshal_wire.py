# The wire format of multiprocessing (docs/wire-format.md).
import marshal

values = [None, True, False, ..., 0, -1, 2 ** 63 - 1, -2 ** 63, 2 ** 200, -(3 ** 90),
          1.5, float('inf'), -0.0, 'héllo', '', b'\x00\xff', bytearray(b'ab'),
          (1, (2, 3)), [1, [2]], {'a': [1, {'b': 2}]}, {1, 2}, frozenset({3}),
          ValueError('bad', 7), KeyError('k'), len, marshal.dumps]
for v in values:
    back = marshal.loads(marshal.dumps(v))
    if isinstance(v, BaseException):
        print(type(back).__name__, back.args)
    else:
        print(repr(back), back == v or v != v, type(back).__name__)
data = marshal.dumps([1, 2, 3])
# Input that ends early is EOFError, as in CPython; anything else malformed
# is ValueError.
for bad in (data[:-1], data + b'x', b'Z', b'', b'[\xff\xff\xff\xff'):
    try:
        marshal.loads(bad)
    except (EOFError, ValueError) as e:
        print(type(e).__name__ + ':', e)
try:
    marshal.dumps(object())
except ValueError as e:
    print('ValueError:', e)
try:
    marshal.dumps([].append)
except ValueError as e:
    print('ValueError:', e)
