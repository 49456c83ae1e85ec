# walk, iter_fields, iter_child_nodes, NodeVisitor, docstrings, source
# segments, locations helpers.
import ast

src = '''"""Module doc.

    Indented second paragraph.
"""
import os

class Shape:
    """A shape."""
    def area(self):
        """
        Compute
          the area.
        """
        return 0

def f(x):
    return x  # no docstring

async def g():
    "async doc"
    x = "caf\u00e9" + y
    return [a
            for a in b]
'''
tree = ast.parse(src)
print(ast.get_docstring(tree))
print(repr(ast.get_docstring(tree, clean=False)))
print(ast.get_docstring(tree.body[2]))
print(repr(ast.get_docstring(tree.body[2].body[1])))
print(ast.get_docstring(tree.body[3]))
print(ast.get_docstring(tree.body[4]))
try:
    ast.get_docstring(tree.body[1])
except TypeError as e:
    print('TypeError', e)

print([type(n).__name__ for n in ast.walk(tree.body[4])])
print([(k, type(v).__name__) for k, v in ast.iter_fields(tree.body[0])])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[2].body[1])])

g = tree.body[4]
print(ast.get_source_segment(src, g.body[1].value))
print(ast.get_source_segment(src, g.body[1].value.left))
print(ast.get_source_segment(src, g.body[2].value))
print(ast.get_source_segment(src, g.body[2].value, padded=True))
print(ast.get_source_segment(src, ast.Name('x')))
print(ast.get_source_segment("a\r\nbb\rccc\n", ast.parse("a\r\nbb\rccc\n").body[2]))


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
        self.calls = 0

    def visit_Name(self, node):
        self.names.append(node.id)

    def visit_FunctionDef(self, node):
        self.names.append('def ' + node.name)
        self.generic_visit(node)


c = Counter()
c.visit(ast.parse("def h(a):\n    return b + c(d)\nh(e)"))
print(c.names)

# Locations helpers.
new = ast.Name('y', ast.Load())
old = ast.parse("  x", mode="eval").body if False else ast.parse("(x)", mode="eval").body
ast.copy_location(new, old)
print(ast.dump(new, include_attributes=True))
e = ast.Name('z', ast.Load(), lineno=3, col_offset=4, end_lineno=None)
ast.copy_location(new, e)
print(ast.dump(new, include_attributes=True))

tree = ast.Module(body=[ast.If(test=ast.Name('a', ast.Load()),
                               body=[ast.Pass(lineno=5, col_offset=4)], orelse=[])],
                  type_ignores=[])
ast.fix_missing_locations(tree)
print(ast.dump(tree, include_attributes=True))
ast.increment_lineno(tree, 3)
print(ast.dump(tree, include_attributes=True))
t = ast.parse("x = 1")
print(ast.increment_lineno(t) is t, t.body[0].lineno, t.body[0].end_lineno, t.body[0].value.lineno)
