# NodeTransformer: replacing, dropping (None), splicing lists, removing a
# single-node field; the deprecated visit_Num; compile and run the result.
import ast
import warnings

src = """
log('start')
x = 1
debug(x)
y = x + 2
log('end', y)
"""


class Rewrite(ast.NodeTransformer):
    def visit_Expr(self, node):
        call = node.value
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name):
            if call.func.id == 'debug':
                return None                       # dropped
            if call.func.id == 'log':
                # One statement becomes two.
                first = ast.Expr(ast.Call(ast.Name('print', ast.Load()),
                                          [ast.Constant('LOG:')], []))
                node.value.func = ast.Name('print', ast.Load())
                return [ast.copy_location(first, node), node]
        return node

    def visit_Name(self, node):
        if node.id == 'x':
            return ast.copy_location(ast.Name('renamed', node.ctx), node)
        return node


tree = Rewrite().visit(ast.parse(src))
tree = ast.fix_missing_locations(tree)
print(ast.unparse(tree))
ns = {}
exec(compile(tree, '<rewritten>', 'exec'), ns)
print(ns['renamed'], ns['y'])

# Returning None for a single-node field deletes the attribute.
class DropReturns(ast.NodeTransformer):
    def visit_Name(self, node):
        return None if node.id == 'int' else node

fn = ast.parse("def f() -> int:\n    pass").body[0]
DropReturns().visit(fn)
print(hasattr(fn, 'returns'), 'returns' in fn.__dict__)


class Old(ast.NodeVisitor):
    def __init__(self):
        self.seen = []

    def visit_Num(self, node):
        self.seen.append(('num', node.value))

    def visit_Str(self, node):
        self.seen.append(('str', node.value))


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    v = Old()
    v.visit(ast.parse("f(1, 'a', 2.5, None, True, b'x')"))
print(v.seen)
print(sorted(set(str(w.message) for w in caught)), [w.category.__name__ for w in caught][:1])


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.count = {}

    def generic_visit(self, node):
        name = type(node).__name__
        self.count[name] = self.count.get(name, 0) + 1
        super().generic_visit(node)


c = Counter()
c.visit(ast.parse("for i in range(10):\n    if i % 2:\n        print(i, [j for j in 'ab'])"))
print(sorted(c.count.items()))
