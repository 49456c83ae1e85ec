# inspect: descriptor predicates, generator and coroutine states,
# getattr_static, getclosurevars, get_annotations, unwrap, cleandoc/getdoc
# corner cases, source lookup and frame records.
import functools
import inspect
import os
import sys

GLOBAL_K = 10


class Desc:
    def __get__(self, obj, owner=None):
        return "got"


class DataDesc(Desc):
    def __set__(self, obj, value):
        pass


class Awaitable:
    def __await__(self):
        yield


class Holder:
    """Holder doc."""

    plain = 1
    desc = Desc()
    data = DataDesc()

    def __init__(self):
        self.inst = 2
        self.data = "shadowed"

    @property
    def prop(self):
        """Property doc."""
        return 3

    @staticmethod
    def st():
        pass

    def __getattr__(self, name):
        return "dynamic"


for obj in (property(), classmethod(len), staticmethod(len), Desc(), DataDesc(), len,
            Holder.st, Holder().__init__, Holder):
    print(type(obj).__name__, inspect.ismethoddescriptor(obj), inspect.isdatadescriptor(obj),
          inspect.isroutine(obj))
print(inspect.isawaitable(Awaitable()), inspect.isawaitable(3), inspect.isawaitable(Awaitable))
print(inspect.iscode(inspect.iscode.__code__), inspect.isframe(sys._getframe()),
      inspect.istraceback(None), inspect.isasyncgen(3))


async def native():
    pass


print(inspect.iscoroutinefunction(native), inspect.iscoroutinefunction(functools.partial(native)),
      inspect.iscoroutinefunction(Holder), inspect.isgeneratorfunction(native))


# Generator and coroutine states.
def counter():
    print("  inside:", inspect.getgeneratorstate(g))
    yield 1
    yield 2


g = counter()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
print(inspect.getgeneratorstate(g))
g2 = counter()
list(g2)
print(inspect.getgeneratorstate(g2))


class Step:
    def __await__(self):
        yield "step"


async def stepper():
    await Step()


c = stepper()
print(inspect.getcoroutinestate(c))
print(c.send(None), inspect.getcoroutinestate(c))
try:
    c.send(None)
except StopIteration:
    pass
print(inspect.getcoroutinestate(c), inspect.GEN_CREATED, inspect.CORO_CLOSED)

# getattr_static never runs descriptors or __getattr__.
h = Holder()
print(inspect.getattr_static(h, "plain"), inspect.getattr_static(h, "inst"))
print(type(inspect.getattr_static(h, "desc")).__name__, type(inspect.getattr_static(h, "data")).__name__)
print(type(inspect.getattr_static(h, "prop")).__name__, type(inspect.getattr_static(Holder, "st")).__name__)
print(inspect.getattr_static(h, "missing", "dflt"), h.missing)
print(inspect.getattr_static(Holder, "__name__"), inspect.getattr_static(Holder, "mro") is type.__dict__["mro"])
try:
    inspect.getattr_static(h, "missing")
except AttributeError as e:
    print("AttributeError:", e)


# getclosurevars.
def make():
    hidden = 5

    def inner(arg):
        return hidden + GLOBAL_K + len(arg) + arg.attr + unknown_name  # noqa: F821
    return inner


cv = inspect.getclosurevars(make())
print(cv.nonlocals, cv.globals, sorted(cv.builtins), sorted(cv.unbound), type(cv).__name__)
try:
    inspect.getclosurevars(len)
except TypeError as e:
    print("TypeError:", e)


# get_annotations.
class Annotated:
    x: int
    y: "str" = "s"


class NoAnn(Annotated):
    pass


def ann(a: "int", b: list = None) -> "float":
    pass


print(inspect.get_annotations(Annotated), inspect.get_annotations(NoAnn))
print(inspect.get_annotations(ann), inspect.get_annotations(ann, eval_str=True))
print(inspect.get_annotations(Annotated, eval_str=True), inspect.get_annotations(lambda: 0))
try:
    inspect.get_annotations(3)
except TypeError as e:
    print("TypeError:", e)


# unwrap.
def base():
    pass


@functools.wraps(base)
def layer1():
    pass


@functools.wraps(layer1)
def layer2():
    pass


print(inspect.unwrap(layer2) is base, inspect.unwrap(layer2, stop=lambda f: f is layer1) is layer1,
      inspect.unwrap(base) is base)
layer_loop = functools.wraps(base)(lambda: None)
layer_loop.__wrapped__ = layer_loop
try:
    inspect.unwrap(layer_loop)
except ValueError as e:
    print("ValueError:", str(e).startswith("wrapper loop when unwrapping"))

# cleandoc and getdoc.
for text in ["", "one", "\n\n  a\n    b\n\n", "\tx\n\ty\n\t\tz", "first\n  \n  second  \n   ",
             "  lead\n\n\n"]:
    print(repr(inspect.cleandoc(text)))
print(inspect.getdoc(Holder.prop), inspect.getdoc(Holder()), inspect.getdoc(3) is None or "int")
print(inspect.getdoc(NoAnn), inspect.getdoc(make))

# Members.
print([n for n, v in inspect.getmembers(Holder) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(Holder, inspect.isdatadescriptor) if not n.startswith("__")])
print(inspect.getmro(NoAnn) == (NoAnn, Annotated, object))

# Files, modules and source.
print(os.path.basename(inspect.getfile(make)), os.path.basename(inspect.getsourcefile(Holder)))
print(inspect.getmodule(Holder).__name__, inspect.getmodule(make()) is sys.modules[__name__],
      inspect.getmodulename("pkg/name.txt"), inspect.getmodulename("x.pyc"))
try:
    inspect.getfile(3)
except TypeError as e:
    print("TypeError:", e)


def decorated_source():
    @functools.lru_cache
    def one_liner(x): return x * 2  # noqa: E704
    return one_liner


print(inspect.getsource(Awaitable), end="")
print(inspect.getsource(Holder.prop.fget), end="")
print(inspect.getsource(decorated_source), end="")
print(inspect.getsourcelines(make)[1], len(inspect.getsourcelines(make)[0]))
print(inspect.getsource(lambda q: q + 1).strip())


def frame_info():
    info = inspect.getframeinfo(inspect.currentframe())
    print(os.path.basename(info.filename), info.lineno, info.function, info.code_context, info.index)
    print(info[2], len(info))
    wide = inspect.getframeinfo(inspect.currentframe(), context=3)
    print(wide.code_context, wide.index)
    outer = inspect.getouterframes(inspect.currentframe())
    print([f.function for f in outer], outer[0].lineno, outer[0][3])
    record = inspect.stack(0)[0]
    print(record.function, record.code_context, record.index, inspect.isframe(record.frame))


frame_info()


def failing():
    raise KeyError("x")


try:
    failing()
except KeyError:
    print([(f.function, f.code_context) for f in inspect.trace()])
