# The node classes: hierarchy, _fields, _attributes, construction, the
# shared operator instances, pickling and copying, deprecated classes.
import ast
import copy
import pickle

for cls in [ast.AST, ast.mod, ast.Module, ast.Expression, ast.stmt, ast.FunctionDef,
            ast.ImportFrom, ast.expr, ast.Constant, ast.Name, ast.expr_context, ast.Load,
            ast.operator, ast.Add, ast.cmpop, ast.In, ast.comprehension, ast.excepthandler,
            ast.ExceptHandler, ast.arguments, ast.arg, ast.keyword, ast.alias, ast.withitem,
            ast.match_case, ast.pattern, ast.MatchAs, ast.TypeIgnore]:
    print(cls.__name__, cls.__module__, [b.__name__ for b in cls.__mro__],
          cls._fields, getattr(cls, '_attributes', None))
print(ast.Name.__match_args__, ast.BinOp.__match_args__)

print(ast.Return().value, ast.ImportFrom().level, ast.Constant().kind, ast.Name().__dict__)
n = ast.Name('x', ast.Store(), lineno=1, col_offset=2)
print(n.id, type(n.ctx).__name__, n.lineno, n.col_offset, n.end_lineno)
try:
    ast.Name('x', ast.Load(), 3)
except TypeError as e:
    print('TypeError', e)
try:
    ast.Return(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    ast.Name('x', id='y')
except TypeError as e:
    print('TypeError', e)
try:
    ast.AST(1)
except TypeError as e:
    print('TypeError', e)
try:
    ast.Name().id
except AttributeError as e:
    print('AttributeError')
print(ast.Name(foo=1).foo)

a = ast.parse("x; y").body
print(a[0].value.ctx is a[1].value.ctx, type(ast.parse("a+b", mode="eval").body.op).__name__)

# match on nodes uses __match_args__.
match ast.parse("f(1)", mode="eval").body:
    case ast.Call(ast.Name(fname), [ast.Constant(v)]):
        print('matched', fname, v)

tree = ast.parse("def f(a, *, b=2):\n    return [a, b]")
print(ast.dump(copy.deepcopy(tree)) == ast.dump(tree))
print(ast.dump(pickle.loads(pickle.dumps(tree))) == ast.dump(tree))
c = copy.copy(tree.body[0])
print(c.name, c.body is tree.body[0].body)

# Subclassing a node class.
class MyName(ast.Name):
    pass
m = MyName('v', ast.Load(), lineno=1, col_offset=0)
print(eval(compile(ast.Expression(m), "<m>", "eval"), {'v': 'from subclass'}))

# The deprecated classes of 3.7.
for old in [ast.Num(5), ast.Str('s'), ast.Bytes(b'b'), ast.NameConstant(True),
            ast.Ellipsis(), ast.Num(n=1.5)]:
    print(type(old).__name__, ast.dump(old))
print(isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant(True), ast.Num),
      isinstance(ast.Constant(True), ast.NameConstant), isinstance(ast.Constant('x'), ast.Str),
      isinstance(ast.Constant(b'x'), ast.Bytes), isinstance(ast.Constant(...), ast.Ellipsis),
      isinstance(ast.Name('x'), ast.Num), isinstance(ast.Constant(), ast.Num))
k = ast.Constant(3)
print(k.n, k.s)
k.n = 4
print(k.value)
print(ast.dump(ast.Index(ast.Constant(1))), ast.dump(ast.ExtSlice([ast.Constant(1)])))
print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
