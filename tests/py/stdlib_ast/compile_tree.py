# compile() of trees from ast.parse, changed by NodeTransformer, or built by
# hand; line numbers come from the tree.
import ast
import traceback

src = """
def add(a, b=10):
    return a + b
total = 0
for i in range(5):
    total += add(i)
print('total', total)
"""
tree = ast.parse(src)
exec(compile(tree, "<tree>", "exec"))

class Doubler(ast.NodeTransformer):
    # Every int constant doubles; every name `add` becomes `sub`.
    def visit_Constant(self, node):
        if type(node.value) is int:
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Add):
            node.op = ast.Sub()
        return node

tree = Doubler().visit(ast.parse(src))
exec(compile(tree, "<doubled>", "exec"))

# eval mode and single mode.
expr = ast.parse("x * 2 + 1", mode="eval")
print(eval(compile(expr, "<e>", "eval"), {"x": 20}))
exec(compile(ast.parse("print('single')", mode="single"), "<i>", "single"))

# A hand-built module with explicit and fixed-up positions.
call = ast.Call(func=ast.Name(id='print', ctx=ast.Load()),
                args=[ast.Constant(value='hand made'), ast.Constant(value=-7),
                      ast.Constant(value=2.5), ast.Constant(value=b'b'),
                      ast.Constant(value=None), ast.Constant(value=...)],
                keywords=[ast.keyword(arg='sep', value=ast.Constant(value='|'))])
mod = ast.Module(body=[ast.Expr(value=call)], type_ignores=[])
exec(compile(ast.fix_missing_locations(mod), "<hand>", "exec"))

# Line numbers in a traceback are the tree's.
tree = ast.parse("x = 1\ny = 2\nraise ValueError('boom')")
ast.increment_lineno(tree, 100)
try:
    exec(compile(tree, "<moved>", "exec"))
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print('raised at line', tb.tb_lineno)

# Functions, classes, comprehensions and closures survive the round trip.
src2 = """
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, by=1):
        self.n += by
        return self
c = Counter().bump().bump(5)
squares = {k: [v * v for v in range(k)] for k in range(4)}
def outer():
    x = 'closure'
    def inner():
        return x
    return inner
async def co():
    return 1
match c.n:
    case 6:
        print('six', squares, outer()())
    case _:
        print('other')
try:
    co().send(None)
except StopIteration as stop:
    print('coroutine gave', stop.value)
"""
exec(compile(ast.parse(src2), "<src2>", "exec"))

# PyCF_ONLY_AST on a tree gives the tree back.
t = ast.parse("x")
print(compile(t, "<t>", "exec", ast.PyCF_ONLY_AST) is t)

# Mode mismatch.
for tree, mode in [(ast.parse("x"), "eval"), (ast.parse("x", mode="eval"), "exec")]:
    try:
        compile(tree, "<t>", mode)
    except TypeError as e:
        print('TypeError', e)
