def level3():
    raise ValueError("deep")
def level2():
    try:
        level3()
    except KeyError:
        print("wrong handler")
def level1():
    try:
        level2()
    except ValueError as e:
        print("level1 caught", e)
        return "recovered"
print(level1())
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as inner:
            print("inner", inner, type(inner.__context__).__name__)
        print("still in outer handler")
except Exception:
    print("unexpected")
