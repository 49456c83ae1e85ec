def lazy():
    import _shapes
    return _shapes.area(1)
print("before call")
print(lazy())
print("_shapes" in globals())
