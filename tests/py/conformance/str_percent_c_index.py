# '%c' accepts any object with __index__, like an int code point.
class Code:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


print("%c%c" % (Code(104), Code(0x20AC)))
print("%3c|%-3c|" % (Code(65), 66))
for bad in (Code(-1), Code(0x110000), 1.5, "ab"):
    try:
        print("%c" % (bad,))
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
