# dump(): indent (int and str), annotate_fields, omitted optional fields,
# missing fields, lists, and non-AST arguments.
import ast

tree = ast.parse("def f(x):\n    if x:\n        return [1, 2]\n    return None\nprint(f(1))")
print(ast.dump(tree, indent=4))
print(ast.dump(tree, indent='\t'))
print(ast.dump(tree, indent=0))
print(ast.dump(tree, annotate_fields=False))
print(ast.dump(tree.body[0].body[0], annotate_fields=False, include_attributes=True))
print(ast.dump(ast.parse("a[b:c]", mode="eval"), indent=2, include_attributes=True))

# Hand-made nodes: missing fields, None for optional fields, keywords
# after a missing field.
print(ast.dump(ast.Name()))
print(ast.dump(ast.Name(id='x')))
print(ast.dump(ast.Return()))
print(ast.dump(ast.Return(value=None)))
print(ast.dump(ast.BinOp(left=ast.Constant(1), right=ast.Constant(2))))
print(ast.dump(ast.BinOp(left=ast.Constant(1), right=ast.Constant(2)), annotate_fields=False))
print(ast.dump(ast.Constant(value=1, kind='u')))
print(ast.dump(ast.alias(name='x')))
print(ast.dump(ast.Load()))

try:
    ast.dump([1])
except TypeError as e:
    print('TypeError', e)
try:
    ast.dump("x")
except TypeError as e:
    print('TypeError', e)

# Interactive and Expression roots.
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("x", mode="eval")))
