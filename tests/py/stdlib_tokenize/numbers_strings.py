# The first-fit rules for numbers, and multi-line and continued strings.
import io
import tokenize
from token import tok_name

def show(src):
    print('---', repr(src))
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        print(tok_name[tok.type], repr(tok.string), tok.start, tok.end, repr(tok.line))

show("1_000j 1.e5 0x_ff 1__0 0777 .5 1. 1.5e-3j 0b102 1e 1ej 00 0o17 1if x\n")
show("0_7 1_ 0x 1e+ 0b 0o8 9.9.9 1jj 0_0 0__0 1.__class__\n")
show("x = '''abc\ndef''' + 1\n")
show("s = 'ab\\\ncd'\n")
show("a = b'''x\n\\\ny'''\n")
show('x = """a\\"""b"""\n')
show("x = 'a' 'b'\\\n  'c'\n")
show("a\\\nb\n")
show("x = (\n  # comment\n  1,\n)\n")
show("'''doc'''\nx\n")
show("x = ''''''\n")
