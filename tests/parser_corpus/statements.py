import os
import os.path
import a.b.c as d, e
from x import y
from x import y as z, w
from x import (a, b as c,)
from . import mod
from .. import mod
from .mod import name
from ...pkg.sub import *
from .... import x
from x import *
x = 1
x = y = z = 2
x, y = 1, 2
(x, y) = 1, 2
[x, y] = [1, 2]
x, *y = z
*x, y = z
a.b = 1
a[0] = 1
a[1:2] = 3
a.b.c[d].e = f
x += 1
x -= 1
x *= 1
x /= 1
x //= 1
x %= 1
x **= 1
x >>= 1
x <<= 1
x &= 1
x |= 1
x ^= 1
x @= 1
a.b += 1
a[0] += 1
x: int
x: int = 1
(x): int = 1
a.b: int
a[0]: int = 2
x: list[int] = []
del x
del x, y
del (x, y)
del [x, y]
del a.b, a[0]
del x,
pass
assert x
assert x, "msg"
raise
raise X
raise X from Y
global a
global a, b, c
nonlocal_ = 1
x = 1; y = 2
x = 1; y = 2;
x = yield_ = 3
if x: pass
if x: pass; pass
while x: pass
for x in y: pass
for x, y in z: pass
for (x, y) in z: pass
for [x, y] in z: pass
for x, in y: pass
for *a, b in c: pass
for a.b in c: pass
for a[0] in c: pass
for x in a, b: pass
for x in *a, *b: pass
with a: pass
with a as b: pass
with a as b, c as d: pass
with a, b: pass
with (a, b): pass
with (a as b, c as d): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with a as (b, c): pass
with a as [b, c]: pass
with a as b.c: pass
with a as b[0]: pass
with (a): pass
with (yield): pass
x = yield
x = yield 1
x = yield 1, 2
x = yield from y
x = *a, *b
print(*a)
