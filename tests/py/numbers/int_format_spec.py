# format() of ints: the whole mini-language, including the error messages.
specs = ['', 'd', 'x', '#X', '08b', ',', '_', '_x', '+', ' ', '^10', '*<10', '0=10,', '08,',
         'o', '#o', 'e', '.2f', '%', ',.2%', 'n', '>+12,d', '#010x', '_b', '=+8']
for v in [0, 1, -1, 255, -255, 1234567, 2 ** 70, -2 ** 64]:
    print(v, [format(v, s) for s in specs])
print(format(97, 'c'), format(0x263A, 'c'), repr(format(65, '^5c')))
for v, s in [(1, '.2'), (1, ',x'), (1, '_n'), (1, ',_'), (1, ',,'), (1, '.'), (1, '+c'),
             (1, '#c'), (1, 'q'), (1, 'abc'), (1, 'z'), (2 ** 70, 'c'), (-1, 'c')]:
    try:
        print(format(v, s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(f"{12345:>10,} {-42:+06d} {255:#b} {3:03}")
print("{:,} {:_x} {:o}".format(10 ** 12, 2 ** 40, 64))
print(format(True, ''), format(True, 'd'), format(False, '>5'))
