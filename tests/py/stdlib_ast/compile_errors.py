# CPython's errors for malformed hand-built trees.
import ast

def try_compile(tree, mode="exec"):
    try:
        compile(tree, "<bad>", mode)
        print("compiled")
    except (TypeError, ValueError, SyntaxError) as e:
        # Drop the address of a node's repr.
        print(type(e).__name__ + ":", str(e).split(' object at ')[0])

L = dict(lineno=1, col_offset=0)
name = lambda n, ctx=None: ast.Name(n, ctx or ast.Load(), **L)
mod = lambda *body: ast.Module(body=list(body), type_ignores=[])

try_compile(ast.Module())
try_compile(ast.Module(body=[]))
try_compile(ast.Module(body=ast.Pass(), type_ignores=[]))
try_compile(mod(ast.Expr()))
try_compile(mod(ast.Expr(name('x'))))
try_compile(mod(ast.Expr(ast.Name('x', ast.Load()), **L)))
try_compile(mod(ast.Expr(ast.Name('x'), **L)))
try_compile(mod(ast.Expr(name('x', ast.Store()), **L)))
try_compile(mod(ast.Assign([name('x')], ast.Constant(1, **L), **L)))
try_compile(mod(ast.Assign([ast.Constant(1, **L)], ast.Constant(1, **L), **L)))
try_compile(mod(ast.Delete([name('x', ast.Store())], **L)))
try_compile(mod(ast.Expr(ast.Name(3, ast.Load(), **L), **L)))
try_compile(mod(ast.Expr(ast.Name('x', ast.Load(), lineno='a', col_offset=0), **L)))
try_compile(mod(ast.Expr(ast.Constant([1], **L), **L)))
try_compile(mod(ast.Expr(ast.BinOp(name('a'), ast.Load(), name('b'), **L), **L)))
try_compile(mod(ast.Expr(ast.Compare(name('a'), [ast.Lt()], [], **L), **L)))
try_compile(mod(ast.Expr(ast.Compare(name('a'), [], [], **L), **L)))
try_compile(mod(ast.Expr(ast.BoolOp(ast.And(), [name('a')], **L), **L)))
try_compile(mod(ast.Expr(ast.Dict([name('a')], [], **L), **L)))
try_compile(mod(ast.Expr(ast.ListComp(name('a'), [], **L), **L)))
try_compile(mod(ast.If(name('a'), [], [], **L)))
try_compile(mod(ast.While(name('a'), [], [], **L)))
try_compile(mod(ast.Try([ast.Pass(**L)], [], [], [], **L)))
try_compile(mod(ast.ImportFrom('m', [ast.alias('x')], -1, **L)))
try_compile(mod(ast.Raise(None, name('c'), **L)))
try_compile(mod(ast.Expr(ast.List([name('a', ast.Store())], ast.Load(), **L), **L)))
try_compile(mod(ast.Expr(ast.Constant(1, **L), **L)), "eval")
try_compile(ast.Expression(name('x')), "eval")
try_compile(ast.Expression(body=ast.Pass(**L)), "eval")
print(eval(compile(ast.Expression(ast.Constant(5, **L)), "<e>", "eval")))
# A list where a node belongs, and a node where a list belongs.
try_compile(mod(ast.Expr(ast.Call(name('f'), name('x'), [], **L), **L)))
# Outside a function: the compiler's own SyntaxError.
try_compile(mod(ast.Return(None, **L)))
