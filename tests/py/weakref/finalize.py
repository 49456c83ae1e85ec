# weakref.finalize: runs once, on death, on call or at exit.
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def report(*args, **kwargs):
    print('finalizer', args, sorted(kwargs.items()))
    return 'result'


r = Res('r')
f = weakref.finalize(r, report, 1, 2, key='v')
print(f.alive, f.atexit, f.peek()[0] is r, f.peek()[1] is report, f.peek()[2:])
del r
print(f.alive, f.peek(), f.detach(), f())

s = Res('s')
g = weakref.finalize(s, report, 'called early')
print(g(), g.alive, g())
del s

t = Res('t')
h = weakref.finalize(t, report, 'detached')
obj, func, args, kwargs = h.detach()
print(obj is t, func is report, args, kwargs, h.alive, h.detach())
del t, obj

# Finalizers still alive at exit run then, newest first, unless atexit is off.
keep = [Res(str(i)) for i in range(4)]
for i, k in enumerate(keep):
    fin = weakref.finalize(k, print, 'exit finalizer', i)
    if i == 2:
        fin.atexit = False
        print('atexit', fin.atexit)


import sys


def hook(exc_type, exc, tb):
    print('excepthook:', exc_type.__name__, exc)

sys.excepthook = hook


def failing():
    raise RuntimeError('finalizer failed')

u = Res('u')
weakref.finalize(u, failing)
print('end of script')
