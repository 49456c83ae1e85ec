# repr() of floats must be the shortest string that reads back, the nearest
# of that length, ties to even: checked on values built from raw bits by a
# small deterministic generator (no dependence on the random module), and on
# the hard cases: powers of two, subnormals, extremes and exact ties.
import struct


def from_bits(bits):
    return struct.unpack('<d', struct.pack('<Q', bits))[0]


state = 12345


def next_bits():
    global state
    # 64-bit LCG (Knuth's MMIX constants); deterministic in any interpreter.
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state


values = []
for i in range(600):
    b = next_bits()
    if i % 3 == 1:
        b >>= 12  # a subnormal
    x = from_bits(b)
    if x == x:
        values.append(x)
for e in list(range(-1074, -1000, 7)) + list(range(-60, 70, 3)) + list(range(1000, 1024, 5)):
    p = 2.0 ** e
    values += [p, p * (1 + 2.0 ** -52), p * (1 - 2.0 ** -53)]
values += [float.fromhex('0x1.2a27d53bc0487p+50'), float.fromhex('0x1.a11c737e6d429p+50'),
           5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
           1.7976931348623157e308, 1e22, 1e23, 9007199254740993.0, 0.1 + 0.2]
values += [i / 7 for i in range(1, 60)] + [0.1 * i for i in range(60)]

bad = 0
for x in values:
    r = repr(x)
    if float(r) != x:
        bad += 1
    print(r, str(-x))
print('read-back failures:', bad)
