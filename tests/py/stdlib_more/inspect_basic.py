# inspect: predicates, getmembers, signatures (str, parameters, bind),
# getfullargspec, getdoc/cleandoc, getsource of functions and classes,
# unwrap, currentframe/stack.
import functools
import inspect


def func(a, b: int = 1, /, c=2, *args, d, e: str = "x", **kw) -> bool:
    """Docstring.

        Indented line.
    """
    return True


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


class Base:
    """Base doc."""

    def method(self, x, y=3):
        return x

    @classmethod
    def cm(cls, z):
        pass

    @staticmethod
    def sm(w, *, k=1):
        pass

    @property
    def prop(self):
        return 1


class Child(Base):
    def method(self, x, y=3):
        return x * 2


for obj in (func, gen, coro, agen, Base, Base().method, len, inspect, gen(), 3):
    print([p.__name__ for p in (inspect.isfunction, inspect.isgeneratorfunction,
                                 inspect.iscoroutinefunction, inspect.isasyncgenfunction,
                                 inspect.isclass, inspect.ismethod, inspect.isbuiltin,
                                 inspect.ismodule, inspect.isgenerator, inspect.isroutine)
           if p(obj)])
c = coro()
print(inspect.iscoroutine(c), inspect.isawaitable(c))
c.close()

sig = inspect.signature(func)
print(sig, sig.return_annotation, list(sig.parameters))
for name, p in sig.parameters.items():
    print(name, p.kind, p.kind.description, p.default is p.empty, p.annotation, str(p), repr(p))
print(inspect.signature(Base().method), inspect.signature(Base.method), inspect.signature(Base.cm),
      inspect.signature(Base.sm), inspect.signature(Base), inspect.signature(lambda *a, **k: 0))
print(inspect.signature(functools.partial(func, 1, 2, d=4)))


class WithInit:
    def __init__(self, p, q=None):
        pass


class Callable:
    def __call__(self, v, /):
        pass


print(inspect.signature(WithInit), inspect.signature(Callable()))
ba = sig.bind(1, 2, 3, 4, 5, d=6, extra=7)
print(ba, ba.args, ba.kwargs)
ba = inspect.signature(Base.method).bind_partial(None, 10)
ba.apply_defaults()
print(ba.arguments)
for args, kwargs in [((), {}), ((1,), {}), ((1,), {"d": 1, "a": 2}), ((1, 2, 3), {"c": 4, "d": 5})]:
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    inspect.signature(3)
except TypeError as e:
    print("TypeError:", e)
print(inspect.getfullargspec(func))
print(sorted(inspect.getcallargs(Base().method, 5).items())[1:])
P = inspect.Parameter
s2 = inspect.Signature([P("x", P.POSITIONAL_ONLY), P("y", P.KEYWORD_ONLY, default=None)])
print(s2, s2 == inspect.Signature([P("x", P.POSITIONAL_ONLY), P("y", P.KEYWORD_ONLY, default=None)]),
      s2.replace(return_annotation=int))
for bad in [lambda: P("1x", P.POSITIONAL_ONLY), lambda: P("a", P.VAR_POSITIONAL, default=1),
            lambda: inspect.Signature([P("a", P.KEYWORD_ONLY), P("b", P.POSITIONAL_ONLY)]),
            lambda: inspect.Signature([P("a", P.POSITIONAL_ONLY, default=1), P("b", P.POSITIONAL_ONLY)])]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)

print(inspect.getdoc(func))
print(inspect.getdoc(Child), inspect.getdoc(Child.method), inspect.getdoc(Child().method))
print(repr(inspect.cleandoc("  first\n    second\n      third\n")))
print([n for n, v in inspect.getmembers(Child, inspect.isfunction)])
print([n for n, v in inspect.getmembers(Child()) if not n.startswith("__")])
print(inspect.getmro(Child)[:2], inspect.getmodule(func).__name__, type(inspect.getattr_static(Child, "prop")).__name__)
print(inspect.getsource(gen), end="")
print(inspect.getsource(Base.cm), end="")
lines, start = inspect.getsourcelines(Child)
print(start, len(lines), lines[0], end="")


@functools.wraps(func)
def wrapper(*a, **k):
    return func(*a, **k)


print(inspect.unwrap(wrapper) is func, inspect.signature(wrapper))


def where():
    frame = inspect.currentframe()
    return frame.f_code.co_name, frame.f_back.f_code.co_name, [f.function for f in inspect.stack()[:2]]


def outer():
    return where()


print(outer())
print(inspect.isabstract(Base), inspect.getmodulename("/x/y/mod.py"), inspect.Parameter.empty)
