# ERRORTOKEN cases, TokenError at EOF inside a statement or string, and
# IndentationError for a dedent to an unknown column.
import io
import tokenize
from token import tok_name

def show(src):
    print('---', repr(src))
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            print(tok_name[tok.type], repr(tok.string), tok.start, tok.end)
    except tokenize.TokenError as e:
        print('TokenError', e.args)
    except IndentationError as e:
        print('IndentationError', e.msg, e.lineno, e.offset, repr(e.text))

show("a $b\n")
show("x = 'abc\n")
show("x!y?z`\n")
show("s = 'a\\\nb\n")
show("x = '''unterminated\n")
show("x = (1,\n")
show("if x:\n    y\n  z\n")
show("\\\n")
show("r'\\'\n")
show("x = 'a\\\n")
print(issubclass(tokenize.TokenError, Exception))
