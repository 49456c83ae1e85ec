match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case [*_, "end"]:
        pass
    case (a, b, *rest):
        pass
    case ():
        pass
    case (x):
        pass
    case (x,):
        pass
    case a, b,:
        pass
    case a, *b:
        pass
    case 0 | -1 | 1.5 | -2.5e3 | 1+2j | -1-2j | 3j | -3j:
        pass
    case "a" "b" | b"c" | 'd':
        pass
    case None | True | False:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, -1: _, None: _, True: _, Color.RED: _}:
        pass
    case {}:
        pass
    case {**rest}:
        pass
    case Point(x=0, y=0):
        pass
    case Point(0, y, z=1,):
        pass
    case a.b.C():
        pass
    case a.b.C(d.e, [f], {"g": h}):
        pass
    case Color.RED as c:
        pass
    case [1, 2] as lst if len(lst) > 1:
        pass
    case int() | str() as v:
        pass
    case _ if (y := x):
        pass
    case _:
        pass
match x,:
    case _:
        pass
match *a, b:
    case _:
        pass
match (yield_ := 1):
    case 1: pass
match x:
    case 1: match y:
        case 2: pass
match(x)
match[x]
match.x
match = 1
match -x
match: int
case: int = 2
print(match, case)
