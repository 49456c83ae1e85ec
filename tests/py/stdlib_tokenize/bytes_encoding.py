# tokenize() on bytes: the ENCODING token, detect_encoding's cookie and BOM
# rules, untokenize round trips, tokenize.open.
import io
import os
import tempfile
import tokenize
from token import tok_name

def show(data):
    print('---', data)
    try:
        for tok in tokenize.tokenize(io.BytesIO(data).readline):
            print(tok_name[tok.type], repr(tok.string), tok.start, tok.end)
    except SyntaxError as e:
        print('SyntaxError', e)

show(b"x = 1\n")
show(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n")
show(b"\xef\xbb\xbfx = 1\n")
show(b"")
show(b"# coding: bogus\n")
show(b"\xef\xbb\xbf# coding: latin-1\n")

for data in [b"x = 1\n", b"\n# coding=utf-8\nx\n", b"#!/usr/bin/python\n# vim: set fileencoding=ascii :\nx\n",
             b"x\n# coding: latin-1\n", b"\xef\xbb\xbf", b"# coding: UTF_8\n", b"# coding: Latin_1\n",
             b"# coding: iso-8859-1-x\n"]:
    try:
        print(tokenize.detect_encoding(io.BytesIO(data).readline))
    except SyntaxError as e:
        print('SyntaxError', e)
try:
    tokenize.detect_encoding(io.BytesIO(b"\xff\xfe\n").readline)
except SyntaxError as e:
    print('SyntaxError', e)

src = "def f(a, b):\n    if a:\n        return b  # c\n    return [a,\n            b]\n"
toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
print(tokenize.untokenize(toks) == src)
print(repr(tokenize.untokenize(t[:2] for t in toks)))
btoks = list(tokenize.tokenize(io.BytesIO(src.encode()).readline))
print(repr(tokenize.untokenize(btoks)))
print(repr(tokenize.untokenize([(tokenize.NAME, 'x'), (tokenize.OP, '='), (tokenize.STRING, "'a'"),
                                (tokenize.STRING, "'b'"), (tokenize.NEWLINE, '\n')])))
try:
    tokenize.untokenize([(tokenize.NAME, 'x', (2, 0), (2, 1), ''), (tokenize.NAME, 'y', (1, 0), (1, 1), '')])
except ValueError as e:
    print('ValueError', e)

fd, path = tempfile.mkstemp(suffix='.py')
os.write(fd, b"# -*- coding: latin-1 -*-\ns = '\xe9'\n")
os.close(fd)
with tokenize.open(path) as f:
    print(f.encoding, f.mode, repr(f.read()))
os.remove(path)
