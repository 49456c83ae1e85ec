# bool is an int with its own repr and & | ^.
print(True + 1, True * 10, -True, ~True, True / 2, True // 2, True ** 5, True << 3)
print(True & False, True | False, True ^ True, True & 1, type(True & 1).__name__)
print(repr(True), str(False), hash(True), hash(False), True == 1, False == 0.0)
print(isinstance(True, int), issubclass(bool, int), int(True), float(False))
print(sum([True, True, False]), max(True, 2), divmod(True, 2), abs(False))
print(bool(), bool(0), bool(0.0), bool(''), bool([]), bool(1), bool('x'), bool(-0.5))
print(f"{True:>6}|{True:d}|{False!r}", format(True, '08b'))
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
print({True: 'a', 1: 'b'}, {1.0, True, 1})
