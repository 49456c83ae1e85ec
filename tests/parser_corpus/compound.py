def f():
    pass

def f(a, b):
    return a + b

def f(a, b=1, *args, c, d=2, **kwargs):
    return

def f(a, /, b, *, c):
    pass

def f(a=1, /, b=2, *, c=3):
    pass

def f(a, /):
    pass

def f(*, a): pass

def f(*args): pass

def f(**kwargs): pass

def f(a: int, b: "str" = "x", *args: int, c: float = 1.0, **kwargs: dict) -> None:
    pass

def f(a,): pass
def f(a, b,): pass
def f(*a,): pass
def f(**a,): pass

@decorator
def f():
    pass

@a.b.c
@d(e, f=1)
@g[0]
@(lambda f: f)
@x := y
def f():
    pass

async def f():
    await x
    async for a in b:
        pass
    async with a as b, c:
        pass
    return [x async for x in y]

@dec
async def g(): pass

class A:
    pass

class A(B):
    x = 1

    def method(self):
        return self.x

class A(B, C, metaclass=M, **kw):
    pass

class A(): pass

@dataclass
class P:
    x: int
    y: int = 0

if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass

if a:
    if b:
        pass
    else:
        pass

while x:
    x -= 1
    if x:
        break
    else:
        continue
else:
    pass

for i in range(10):
    pass
else:
    pass

try:
    pass
except:
    pass

try:
    pass
except E:
    pass
except (E, F) as e:
    pass
except G as g:
    pass
else:
    pass
finally:
    pass

try:
    pass
finally:
    pass

try:
    pass
except* E:
    pass
except* (F, G) as e:
    pass

def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x = 2
    return inner

def gen():
    yield
    yield 1
    x = yield 2
    yield from range(3)
    await_result = (yield)

with open(f) as fh:
    for line in fh:
        if not line:
            continue
        print(line)

if x:
    pass
# comment at column 0
    # comment indented weirdly
x = 1

def deep():
    if a:
        if b:
            if c:
                if d:
                    return 1
    return 2
y = 3
