# ast.dump of every pattern kind of the match statement.
import ast

src = '''
match command:
    case 1 | -2 | 3.5 | 1 + 2j | "s" | b"b":
        pass
    case None | True | False:
        pass
    case [a, *rest] | (a, *_) | []:
        pass
    case {"k": v, 1: w, **others}:
        pass
    case Point(x, y=0) | Point():
        pass
    case mod.CONST:
        pass
    case (p as q) if q > 0:
        pass
    case _:
        pass
'''
tree = ast.parse(src)
print(ast.dump(tree, indent=1))
print(ast.dump(tree.body[0].cases[4].pattern, include_attributes=True))
