values = [0, 1, -1, 0.0, 0.1, "", "a", [], [0], (), (None,), {}, {0: 0},
          set(), None, True, False, range(0), range(1), b"", b"\x00"]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no")
class Z:
    def __len__(self):
        return 0
class T:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Z()), bool(T()), bool(object()))
