# Long str and bytes values are split into adjacent literals.
import pprint

text = ('The quick brown fox jumps over the lazy dog. ' * 6).strip()
pprint.pprint(text)
pprint.pprint(text, width=30)
pprint.pprint([text], width=40)
pprint.pprint({'key': text, 'other': 'short'}, width=50)
pprint.pprint(('line one\nline two is somewhat longer\n\nline four\n' * 3), width=25)
pprint.pprint('averyveryveryverylongwordwithoutanyspacesatalltobreakon' * 2, width=20)
pprint.pprint('  leading and   multiple   spaces  here  ' * 3, width=25)
pprint.pprint("quotes ' and \" mixed\ttabs\tand unicode é ü ★ " * 3, width=30)
pprint.pprint(['x' * 10, 'y' * 100], width=40)
pprint.pprint(bytes(range(40)), width=30)
pprint.pprint(b'abcdefghijklmnopqrstuvwxyz' * 3, width=20)
pprint.pprint([b'0123456789' * 5], width=25)
pprint.pprint({'b': b'\x00\xff' * 30}, width=40)
pprint.pprint(bytearray(b'hello world ' * 8), width=30)
pprint.pprint([bytearray(b'abc'), bytearray(b'xy' * 40)], width=30)
pprint.pprint(b'abcd', width=1)
pprint.pprint('abc', width=1)
pprint.pprint(['', b'', 'a b c d e f g h i j k l m n o p'], width=10)
for width in (5, 12, 18):
    print(pprint.pformat('word ' * 10, width=width))
