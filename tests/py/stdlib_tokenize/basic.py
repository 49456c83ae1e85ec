# generate_tokens on ordinary code: names, numbers, strings, operators with
# their exact types, NEWLINE vs NL, comments, INDENT/DEDENT.
import io
import tokenize
from token import tok_name

def show(src):
    print('---', repr(src))
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        print(tok_name[tok.type], tok_name[tok.exact_type], repr(tok.string), tok.start, tok.end)

show("x = 1\n")
show("def f(a, *args, b=2, **kw) -> int:\n    return a + b  # add\n")
show("class C:\n    def m(self):\n        pass\n\n    # comment\n    x = [1,\n         2]\n")
show("a**=b//=c->d:=e...f.g!=h<<=i>>j@=k;l~m^n|o&p%q\n")
show("x = f'{a!r:>10}' rb'x' Rb\"y\" u'z' b'\\x00' '''t''' \"\"\"u\"\"\"\n")
show("if x:\n\ty\nelif z:\n        w\n")
show("async def f():\n    await x\n    async for i in y: pass\n")
show("print('caf\u00e9', \u00e9t\u00e9)\n")
show("x = 1")
show("x = 1  # trailing comment")
show("# only a comment")
show("\n\n  \nx\n")
show("x = 1\r\ny = 2\r\n")

tok = next(tokenize.generate_tokens(io.StringIO("(x)").readline))
print(tok)
print(tok.type, tok.exact_type, tok == (tokenize.OP, '(', (1, 0), (1, 1), '(x)'))
print(tokenize.TokenInfo._fields)
