# int() parsing rules, to_bytes/from_bytes, and int methods on subclasses.
tests = [('42', 10), ('-17', 10), ('  12  ', 10), ('+3', 10), ('ff', 16), ('0xff', 16),
         ('0xff', 0), ('777', 8), ('0b101', 0), ('z', 36), ('1_000', 10), ('0x_1f', 16),
         ('0_0', 0), ('00', 0), ('0b1', 16), ('0o17', 0), (' -0x_aB ', 0), ('Z' * 20, 36),
         ('abc', 10), ('1.5', 10), ('', 10), ('0x', 16), ('1__0', 10), ('_1', 10), ('1_', 10),
         ('010', 0), ('- 1', 10), ('12', 1), ('12', 37)]
for text, base in tests:
    try:
        print(repr(text), base, int(text, base))
    except ValueError as e:
        print(repr(text), base, 'ValueError:', e)
for bad in [3.5, [1], None]:
    try:
        int('5', 10) if bad is None else int(bad, 10)
    except TypeError as e:
        print('TypeError:', e)
print(int(b'  42 '), int(bytearray(b'-7')), int(3.99), int(-3.99), int(True), int(1e20))
try:
    int('1' * 4301)
except ValueError as e:
    print(e)
try:
    str(10 ** 4300)
except ValueError as e:
    print(e)
print(len(str(10 ** 4299)), len(str(-10 ** 4299)))
for v in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2 ** 64, -2 ** 63]:
    for signed in (False, True):
        for order in ('big', 'little'):
            try:
                b = v.to_bytes(9, order, signed=signed)
                print(v, signed, order, b, int.from_bytes(b, order, signed=signed))
            except OverflowError as e:
                print(v, signed, order, 'OverflowError:', e)
print((256).to_bytes(2), int.from_bytes(b'\x01\x00'), int.from_bytes([1, 2, 3], 'little'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print(e)
try:
    (1).to_bytes(1, 'middle')
except ValueError as e:
    print(e)
class MyInt(int):
    pass
m = MyInt(41)
print(m + 1, type(m + 1).__name__, m.bit_length(), m.real, type(m.real).__name__, -m, abs(MyInt(-3)))
print(MyInt('ff', 16), type(MyInt('7')).__name__, MyInt(2) ** 100, hash(MyInt(5)) == hash(5))
print((10).bit_count(), (-255).bit_count(), (2 ** 100).bit_length(), (12).as_integer_ratio())
print(bool.from_bytes(b'\x01', 'big'), type(bool.from_bytes(b'\x00', 'big')).__name__)
