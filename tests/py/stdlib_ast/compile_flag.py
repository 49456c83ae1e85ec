# compile(..., PyCF_ONLY_AST) works before the ast module is imported, and
# gives instances of the same classes ast then exposes.
tree = compile("x = [1, 2]", "<flag>", "exec", 0x400)
print(type(tree).__name__, type(tree).__module__)
import ast
import _ast
print(isinstance(tree, ast.Module), ast.Module is _ast.Module)
print(ast.dump(tree))
print(ast.dump(compile("a + 1", "<flag>", "eval", ast.PyCF_ONLY_AST)))
print(ast.dump(compile("pass", "<flag>", "single", ast.PyCF_ONLY_AST)))
ns = {}
exec(compile(tree, "<flag>", "exec"), ns)
print(ns["x"])
try:
    compile(42, "<flag>", "exec", ast.PyCF_ONLY_AST)
except TypeError as e:
    print('TypeError', e)
