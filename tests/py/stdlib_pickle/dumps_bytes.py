# The exact bytes pickle.dumps writes for builtin values at every protocol:
# opcode choice per size and sign, memo numbering, Python 2 names before
# protocol 3, item batching by 1000 and protocol 4 framing.
import pickle


class A:
    class B:
        pass


def checksum(data):
    # Position-sensitive, so a frame boundary in the wrong place shows.
    total = 0
    for byte in data:
        total = (total * 31 + byte) % 1000000007
    return total


values = [
    None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -255, -256, -2**31,
    2**31 - 1, 2**31, 2**40, -2**63, 2**64, -2**70, 2**2048, -2**2048,
    1.5, -0.0, 0.1, float('inf'), float('-inf'), 1e100, 1e-300, 1 + 2j,
    'abc', '', 'é\u1234\U00012345\\\n\r\x00\x1a', 'x' * 300, '\ud800',
    b'', b'ab', b'\x00\xff' * 3, b'y' * 300, bytearray(), bytearray(b'xy'),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), [], [1], [1, 2], [[]] * 2,
    {}, {1: 2}, {1: 2, 3: 4}, {'k': [1]}, set(), {1}, {1, 2, 3}, frozenset(),
    frozenset({2}), slice(1, 2), slice(None), range(3), range(1, 10, 2),
    ValueError('x'), KeyError(1), OSError(2, 'gone'), RecursionError('deep'),
    Ellipsis, NotImplemented, type(None), type(Ellipsis), type(NotImplemented),
    int, str, bool, object, len, A, A.B, checksum, [int, int, str, len],
]
for v in values:
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        data = pickle.dumps(v, proto)
        print(proto, data)
        back = pickle.loads(data)
        if back != v and not (isinstance(v, (float, BaseException))):
            print('  round trip differs:', back)

# Batching: exact lists always use MARK ... APPENDS, exact dicts and sets end
# with an empty batch when their size is a multiple of 1000.
for n in (999, 1000, 1001, 2000):
    print(n, pickle.dumps(list(range(n)), 2)[-8:], pickle.dumps({i: 0 for i in range(n)}, 2)[-8:],
          pickle.dumps(set(range(n)), 4)[-8:], pickle.dumps(frozenset(range(n)), 4)[-8:])

# Framing: frames of about 64 KiB; large bytes and str are written outside.
for proto in (4, 5):
    for v in [list(range(30000)), [b'x' * 70000, 'y' * 70000, bytearray(b'z' * 70000), 1],
              ['a' * 100] * 3 + [str(i) for i in range(20000)], {i: str(i) for i in range(5000)}]:
        data = pickle.dumps(v, proto)
        print(proto, len(data), checksum(data), data[:24], data[-24:], pickle.loads(data) == v)
