# inspect: Parameter and Signature construction errors, equality and
# hashing, bind() error messages, BoundArguments views, partial() and
# __signature__ handling, getfullargspec/getcallargs edge cases.
import functools
import inspect

P = inspect.Parameter
S = inspect.Signature


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)


# Parameter construction and rendering.
attempt("bad kind", lambda: P("a", 7))
attempt("name not str", lambda: P(1, P.POSITIONAL_ONLY))
attempt("keyword name", lambda: P("for", P.KEYWORD_ONLY))
attempt("var-kw default", lambda: P("kw", P.VAR_KEYWORD, default={}))
attempt("empty name", lambda: P(P.empty, P.KEYWORD_ONLY))
attempt("implicit", lambda: P(".0", P.POSITIONAL_OR_KEYWORD))
attempt("implicit kwonly", lambda: P(".0", P.KEYWORD_ONLY))
a = P("a", P.POSITIONAL_OR_KEYWORD, default=1, annotation=int)
print(str(a), repr(a), a.kind, int(a.kind), a.kind.description)
print(str(P("b", P.VAR_POSITIONAL, annotation="x")), str(P("c", P.VAR_KEYWORD)))
print(str(P("d", P.KEYWORD_ONLY, default="s")), str(P("e", P.KEYWORD_ONLY, annotation=list[int])))
print(a == P("a", P.POSITIONAL_OR_KEYWORD, default=1, annotation=int), a == a.replace(default=2),
      hash(a) == hash(a.replace()), a.replace(name="z", kind=P.KEYWORD_ONLY), a == 3)
print(a.replace(default=P.empty, annotation=P.empty))
print([str(k) for k in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD, P.VAR_POSITIONAL,
                        P.KEYWORD_ONLY, P.VAR_KEYWORD)])
print(P.KEYWORD_ONLY > P.POSITIONAL_ONLY, P.empty is S.empty, P.empty.__name__)

# Signature construction.
attempt("order", lambda: S([P("a", P.VAR_KEYWORD), P("b", P.POSITIONAL_OR_KEYWORD)]))
attempt("dup", lambda: S([P("a", P.POSITIONAL_ONLY), P("a", P.KEYWORD_ONLY)]))
attempt("default order", lambda: S([P("a", P.POSITIONAL_OR_KEYWORD, default=0),
                                     P("b", P.POSITIONAL_OR_KEYWORD)]))
attempt("kwonly any order", lambda: S([P("a", P.KEYWORD_ONLY, default=0), P("b", P.KEYWORD_ONLY)]))
print(S(), repr(S()), S(return_annotation=int), S([P("x", P.POSITIONAL_ONLY)]))
print(S([P("x", P.POSITIONAL_ONLY), P("y", P.VAR_POSITIONAL), P("z", P.KEYWORD_ONLY)]))
print(S([P("x", P.POSITIONAL_ONLY), P("z", P.KEYWORD_ONLY), P("k", P.VAR_KEYWORD)]))
k1 = S([P("a", P.KEYWORD_ONLY), P("b", P.KEYWORD_ONLY)])
k2 = S([P("b", P.KEYWORD_ONLY), P("a", P.KEYWORD_ONLY)])
print(k1 == k2, hash(k1) == hash(k2), k1 == S([P("a", P.POSITIONAL_ONLY)]), k1 == "x")
print(k1.replace(parameters=[]), k1.replace(return_annotation="r"), type(k1.parameters).__name__)


def target(a, b=2, /, c=3, *rest, d, e=5, **extra) -> "out":
    return a


sig = inspect.signature(target)
print(sig)
for args, kwargs in [((1,), {"d": 4}), ((1, 2, 3, 4, 5), {"d": 0, "z": 9}),
                     ((1,), {"c": 7, "d": 1}), ((), {"d": 1}), ((1,), {}),
                     ((1,), {"b": 2, "d": 1}), ((1,), {"d": 1, "rest": 3})]:
    try:
        ba = sig.bind(*args, **kwargs)
        print(ba, ba.args, ba.kwargs)
        ba.apply_defaults()
        print("  defaults:", ba.arguments)
    except TypeError as e:
        print("TypeError:", e)


def simple(x, y, *, z):
    pass


ssig = inspect.signature(simple)
for args, kwargs in [((1, 2, 3), {}), ((1,), {"x": 1}), ((1, 2), {"w": 1, "z": 1}),
                     ((1, 2), {}), ((), {"y": 1, "z": 2})]:
    try:
        print(ssig.bind(*args, **kwargs))
    except TypeError as e:
        print("TypeError:", e)
part = ssig.bind_partial(y=2)
print(part, part.args, part.kwargs, part.signature is ssig)
print(part == ssig.bind_partial(y=2), part == ssig.bind_partial(y=3), part == 1)
part.apply_defaults()
print(part.arguments)


def kwtail(a, b, c=1):
    pass


ba = inspect.signature(kwtail).bind(1, b=2)
print(ba.args, ba.kwargs)
ba = inspect.signature(kwtail).bind(1, 2, c=3)
print(ba.args, ba.kwargs)

# partial objects: bound positionals vanish; keyword-bound ones turn the
# rest of the positional parameters keyword-only.
print(inspect.signature(functools.partial(target, 1)))
print(inspect.signature(functools.partial(target, 1, 2, 3, 4)))
print(inspect.signature(functools.partial(kwtail, b=5)))
print(inspect.signature(functools.partial(simple, z=1)))
print(inspect.signature(functools.partial(functools.partial(kwtail, 1), 2)))
try:
    inspect.signature(functools.partial(simple, 1, 2, 3))
except ValueError as e:
    print("bad partial:", str(e).startswith("partial object functools.partial("),
          str(e).endswith(", 1, 2, 3) has incorrect arguments"), type(e.__cause__).__name__)


# __signature__ overrides, wrappers, classes and callables.
def plain(p, q):
    pass


plain.__signature__ = S([P("only", P.POSITIONAL_ONLY)])
print(inspect.signature(plain))


@functools.wraps(kwtail)
def wrapped(*args, **kwargs):
    return kwtail(*args, **kwargs)


print(inspect.signature(wrapped), inspect.signature(wrapped, follow_wrapped=False))
print(S.from_callable(wrapped), S.from_callable(wrapped, follow_wrapped=False))


class WithNew:
    def __new__(cls, n, *, flag=False):
        return super().__new__(cls)


class Meta(type):
    pass


class Plain:
    pass


class Sub(WithNew):
    pass


class Call:
    def __call__(self, a, b=1):
        pass

    def meth(self, *args):
        pass

    @classmethod
    def cmeth(cls, u, /, v):
        pass


print(inspect.signature(WithNew), inspect.signature(Sub), inspect.signature(Plain))
print(inspect.signature(Call()), inspect.signature(Call().meth), inspect.signature(Call.cmeth))
print(inspect.signature(Call.meth), inspect.signature(lambda: None))
attempt("not callable", lambda: inspect.signature("text"))

# getfullargspec and getcallargs.
print(inspect.getfullargspec(target))
print(inspect.getfullargspec(Call().__call__))
print(inspect.getfullargspec(lambda: 0))
print(inspect.getfullargspec(simple).kwonlyargs, inspect.getfullargspec(wrapped).args)
attempt("argspec int", lambda: inspect.getfullargspec(3))
print(sorted(inspect.getcallargs(target, 1, d=2).items()))
print(sorted(inspect.getcallargs(Call().__call__, 5)))
