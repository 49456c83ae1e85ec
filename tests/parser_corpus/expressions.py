# Operator precedence and associativity.
a + b * c - d / e // f % g @ h
a ** b ** c
-a ** b
(-a) ** b
~a + +b - -c
a << b >> c & d ^ e | f
not a and b or c and not d
a or b or c
a and b and c
a < b <= c > d >= e == f != g
a is b is not c in d not in e
x if y else z if w else v
lambda: 0
lambda x, y=1, *a, k, m=2, **kw: x + y
lambda *, k: k
lambda x, /, y: x
(x := 10)
print((y := f(x)), y)
[z := 1, z]
await_ = 3
a.b.c.d
a[b][c]
a(b)(c)
a.b(c)[d].e
f()
f(a, b, *c, d=1, **e)
f(*a, *b, **c, **d)
f(a, *b, c=1, *d, e=2)
f(x for x in y)
a[1:2]
a[:]
a[::]
a[1:2:3]
a[::2]
a[:, 1]
a[1, 2]
a[1:2, ::3, ...]
a[*b]
a[b, *c]
x[a:=1]
(a)
((a))
(a,)
()
(a, b, *c)
[]
[a, *b, c]
{}
{a: b, **c, d: e}
{a, b, *c}
{1: 2}
[x for x in y]
[x for x in y if x if z for w in x]
{x for x in y}
{k: v for k, v in items}
(x for x in y)
[x async for x in y]
[(a, b) for a, *b in c]
x if (y) else (z)
a[b:c, d]
a[(b, c)]
