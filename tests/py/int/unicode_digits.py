# int() and float() read any Unicode decimal digits and white space, as CPython.
for s in ['٣', ' ٣٤ ', '\u2003 12 \u3000', '１２３', '١.٥', '߃', '٣x', 'x٣', '\u00a0-7\u00a0', '1_٣', '²']:
    for conv in (int, float):
        try:
            print(repr(s), conv.__name__, conv(s))
        except ValueError as e:
            print(repr(s), conv.__name__, e)
print(int('٣٤', 8), int('１０', 16), complex('1'))
