# Whole files: the positioned dump, the unparsed text and the token stream
# of some of this directory's scripts, summarised by digests (the full text
# is compared against CPython's through them). A fixed list, so that a new
# script does not change this one's output; regenerate after editing one.
import ast
import hashlib
import io
import os
import tokenize

here = os.path.dirname(os.path.abspath(__file__))
for name in ['roundtrip_files.py', 'dump_statements.py', 'dump_expressions.py', 'unparse.py',
             'helpers.py', 'nodes.py']:
    with open(os.path.join(here, name), encoding='utf-8') as f:
        src = f.read()
    tree = ast.parse(src)
    dumped = ast.dump(tree, include_attributes=True)
    text = ast.unparse(tree)
    tokens = ''.join(repr(t) for t in tokenize.generate_tokens(io.StringIO(src).readline))
    same = ast.dump(ast.parse(text)) == ast.dump(tree)
    print(name, hashlib.sha1(dumped.encode()).hexdigest()[:12],
          hashlib.sha1(text.encode()).hexdigest()[:12],
          hashlib.sha1(tokens.encode()).hexdigest()[:12], same)
