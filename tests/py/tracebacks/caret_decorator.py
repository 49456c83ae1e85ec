def deco(fn):
    raise TypeError('deco')
@deco
def h():
    pass
