# repr() is the shortest round-trip text; round() is correctly rounded.
import struct
vals = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1.1, 2.675, 100.0, 1e22, 1e23, 5e-324, 1e-323, 2.5e-320,
        1.7976931348623157e308, 0.1 + 0.7, 123.456, -0.0, 1e-7, 0.0001, 12345678.9, 1e16,
        9007199254740993.0, 1e15, 123456789012345678.0, 2.2250738585072014e-308]
for bits in [1, 2, 0x000fffffffffffff, 0x3ff0000000000001, 0x7fefffffffffffff, 0x4340000000000001]:
    vals.append(struct.unpack('<d', bits.to_bytes(8, 'little'))[0])
for v in vals:
    print(repr(v), str(v), str(-v))
for v in [2.675, 1.005, 0.125, 0.375, 2.5, 3.5, -2.5, 1234.5678, 1e300, 5e-324, 0.5, 1.5]:
    print(v, round(v), [round(v, n) for n in (-3, -2, -1, 0, 1, 2, 3, 10)])
print(round(1.7976931348623157e308, -308) if False else 'skip')
for bad in [float('inf'), float('nan')]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(round(float('inf'), 2), round(float('nan'), 2))
print((0.1).hex(), (-2.5).hex(), (5e-324).hex(), float.fromhex('0x1.999999999999ap-4'))
print(float.fromhex('  -0X1P+10  '), float.fromhex('inf'), float.fromhex('0x.8'))
for bad in ['0x', '1.5q', '0x1p', '']:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(e)
