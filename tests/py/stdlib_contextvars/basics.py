# ContextVar, Token and Context as CPython 3.11 has them: values, defaults,
# set/reset and their errors, snapshots, the mapping protocol, run().
import contextvars
import re
from contextvars import Context, ContextVar, Token, copy_context


def show(e):
    # Addresses differ between runs and interpreters.
    print(type(e).__name__, re.sub(r'0x[0-9a-f]+', '0x?', str(e)))


def attempt(f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        show(e)
    else:
        print('ok', r)


print(contextvars.__all__)
print(Context.__module__, ContextVar.__module__, Token.__module__)

a = ContextVar('a')
b = ContextVar('b', default=10)
print(a.name, b.name)
print(re.sub(r'0x[0-9a-f]+', '0x?', repr(a)), re.sub(r'0x[0-9a-f]+', '0x?', repr(b)))
attempt(a.get)
print(a.get('fallback'), a.get(None), b.get(), b.get(20))

# set() returns a Token; reset() brings back what was there before.
t1 = a.set(1)
print(a.get(), t1.var is a, t1.old_value is Token.MISSING, repr(Token.MISSING))
t2 = a.set(2)
print(a.get(), t2.old_value)
a.reset(t2)
print(a.get())
a.reset(t1)
attempt(a.get)
print(re.sub(r'0x[0-9a-f]+', '0x?', repr(t1)))

# The three reset() errors, in CPython's order of checks.
attempt(a.reset, t1)
t3 = b.set(11)
attempt(a.reset, t3)
b.reset(t3)
t4 = copy_context().run(a.set, 5)
attempt(a.reset, t4)
attempt(a.reset, 'token')
attempt(ContextVar, 1)
attempt(ContextVar)
attempt(Token)
attempt(Context, 1)

# A copy is a snapshot: changes on either side stay there.
a.set('outer')
snapshot = copy_context()
a.set('changed')
print(snapshot[a], a.get())
def inside():
    print('inside sees', a.get(), b.get())
    a.set('inside')
    b.set(99)
    print('inside now', a.get(), b.get())
    return 'result'
print(snapshot.run(inside))
print('outside', a.get(), b.get(), snapshot[a], snapshot[b])

# The mapping protocol.
print(len(snapshot), a in snapshot, b in snapshot, snapshot.get(b), snapshot.get(a, 'd'))
print(sorted(v.name for v in snapshot), sorted(v.name for v in snapshot.keys()))
print(sorted(map(str, snapshot.values())), sorted((k.name, v) for k, v in snapshot.items()))
attempt(snapshot.__getitem__, 'x')
attempt(lambda: 1 in snapshot)
attempt(lambda: snapshot[ContextVar('missing')])
attempt(hash, snapshot)
empty = Context()
print(len(empty), list(empty), empty.get(a), a in empty)

# Equality compares contents.
c1 = copy_context()
c2 = c1.copy()
print(c1 == c2, c1 != c2, c1 == Context(), c1 == 1, c1 is c2)
c2.run(a.set, 'different')
print(c1 == c2, c1[a], c2[a])

# run() passes arguments through and refuses to enter a context twice.
print(empty.run(lambda *args, **kw: (args, kw), 1, 2, key='v'))
def reenter():
    empty.run(print, 'never')
attempt(empty.run, reenter)
attempt(empty.run)
print(empty.run(a.get, 'empty has no a'))

# An exception leaves the context all the same.
def fail():
    a.set('lost')
    raise ValueError('boom')
attempt(c1.run, fail)
print(a.get(), c1[a])

# Tokens keep their var and old value after use.
t = b.set(1)
b.reset(t)
print(t.var is b, t.old_value is Token.MISSING, b.get())
print(ContextVar[int], Token[str])

# Iterating while setting in the same context sees the snapshot it started with.
ctx = Context()
def iterate():
    v1 = ContextVar('v1')
    v1.set(1)
    seen = []
    for var in copy_context():
        seen.append(var.name)
        ContextVar('v2').set(2)
    return seen
print(ctx.run(iterate), len(ctx))
