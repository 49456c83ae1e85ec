"""Look inside live objects: what kind they are, their members, call
signatures, source text and the frames of the running program.

Design notes
------------
The module has four parts, in file order:

* Kind tests.  Most of them are a plain isinstance() check, so they are
  generated from one table by make_kind_test(); the few that need logic
  (code flags, descriptors, awaitables) are written out.

* Members, documentation and source.  gilpy has no tokenizer module, so
  the end of a def/class block is found by indentation: the header may span
  several lines while brackets are open, a body on the header line makes a
  one-line block, and otherwise the block runs while lines are indented
  deeper than the header.  Classes are located by walking their
  __qualname__ ("Outer.Inner") through "class" lines.  Modules frozen into
  the binary have no file, so asking for their source raises OSError.

* Frames: records (FrameInfo, Traceback) built from sys._getframe() and
  linecache.  Their `positions` field is always None because gilpy's code
  objects carry no column tables.

* Signatures.  Parameter, Signature and BoundArguments follow CPython's
  public behaviour, including its 3.11 error texts.  A signature is read
  from a function's code object (argument counts, names and flags) plus
  __defaults__, __kwdefaults__ and __annotations__.  gilpy's builtins carry
  no text signatures, so signature() of a C function raises ValueError, as
  CPython does for builtins without one.

Left out: getcomments() (always None), getargvalues/formatargvalues,
classify_class_attrs, walktree and other rarely used helpers, and the
string evaluation of annotations inside signature() (eval_str is accepted
but only get_annotations() honours it).
"""

import sys
import collections
import enum
import functools
import linecache
import os
import re
import types

__all__ = ["ismodule", "isclass", "ismethod", "isfunction", "isgeneratorfunction",
           "iscoroutinefunction", "isasyncgenfunction", "isgenerator", "iscoroutine",
           "isawaitable", "isasyncgen", "istraceback", "isframe", "iscode", "isbuiltin",
           "isroutine", "isabstract", "ismethoddescriptor", "isdatadescriptor",
           "getmembers", "getmro", "getdoc", "cleandoc", "getmodule", "getfile",
           "getsourcefile", "getsource", "getsourcelines", "signature", "Signature",
           "Parameter", "BoundArguments", "getfullargspec", "FullArgSpec", "unwrap",
           "currentframe", "stack", "getattr_static", "getcallargs", "isclass",
           "getmodulename", "ismemberdescriptor", "isgetsetdescriptor", "getclosurevars",
           "getgeneratorstate", "getcoroutinestate", "get_annotations", "markcoroutinefunction"]

# Bits of code.co_flags.
CO_OPTIMIZED = 0x0001
CO_NEWLOCALS = 0x0002
CO_VARARGS = 0x0004
CO_VARKEYWORDS = 0x0008
CO_NESTED = 0x0010
CO_GENERATOR = 0x0020
CO_NOFREE = 0x0040
CO_COROUTINE = 0x0080
CO_ITERABLE_COROUTINE = 0x0100
CO_ASYNC_GENERATOR = 0x0200

# Bit of type.__flags__ that CPython sets on abstract classes.
TPFLAGS_IS_ABSTRACT = 0x100000

# A private "nothing given" marker, distinct from every user value.
_MISSING = object()


# ---------------------------------------------------------------------------
# Kind tests


def make_kind_test(name, kind):
    """An isinstance() test named [name]; the parameter keeps CPython's name
    `object` so that keyword calls behave alike."""
    def test(object):
        return isinstance(object, kind)
    test.__name__ = test.__qualname__ = name
    test.__doc__ = "True if the argument is an instance of %s." % kind.__name__
    return test


ismodule = make_kind_test("ismodule", types.ModuleType)
isclass = make_kind_test("isclass", type)
ismethod = make_kind_test("ismethod", types.MethodType)
isfunction = make_kind_test("isfunction", types.FunctionType)
isgenerator = make_kind_test("isgenerator", types.GeneratorType)
iscoroutine = make_kind_test("iscoroutine", types.CoroutineType)
isasyncgen = make_kind_test("isasyncgen", types.AsyncGeneratorType)
istraceback = make_kind_test("istraceback", types.TracebackType)
isframe = make_kind_test("isframe", types.FrameType)
iscode = make_kind_test("iscode", types.CodeType)
isbuiltin = make_kind_test("isbuiltin", types.BuiltinFunctionType)
del make_kind_test


def _looks_like_function(obj):
    # Cython-style objects that mimic a Python function closely enough for
    # their code object to be read the same way.
    if not callable(obj) or isinstance(obj, type):
        return False
    code = getattr(obj, '__code__', None)
    defaults = getattr(obj, '__defaults__', _MISSING)
    kwdefaults = getattr(obj, '__kwdefaults__', _MISSING)
    notes = getattr(obj, '__annotations__', None)
    return (isinstance(code, types.CodeType)
            and isinstance(getattr(obj, '__name__', None), str)
            and (defaults is None or isinstance(defaults, tuple))
            and (kwdefaults is None or isinstance(kwdefaults, dict))
            and (notes is None or isinstance(notes, dict)))


def _code_flags(obj):
    """co_flags of the function behind [obj] (methods and partials are
    looked through), or 0 when there is no Python code behind it."""
    while True:
        if isinstance(obj, types.MethodType):
            obj = obj.__func__
        elif isinstance(obj, functools.partial):
            obj = obj.func
        else:
            break
    if isinstance(obj, types.FunctionType) or _looks_like_function(obj):
        return obj.__code__.co_flags
    return 0


def isgeneratorfunction(obj):
    return bool(_code_flags(obj) & CO_GENERATOR)


def isasyncgenfunction(obj):
    return bool(_code_flags(obj) & CO_ASYNC_GENERATOR)


# markcoroutinefunction() tags a plain function with this value so that
# iscoroutinefunction() reports it (used by asyncio-style wrappers).
_COROUTINE_TAG = object()


def markcoroutinefunction(func):
    target = getattr(func, '__func__', func)
    target._is_coroutine_marker = _COROUTINE_TAG
    return func


def iscoroutinefunction(obj):
    if _code_flags(obj) & CO_COROUTINE:
        return True
    return getattr(obj, '_is_coroutine_marker', None) is _COROUTINE_TAG


def isawaitable(object):
    if isinstance(object, types.CoroutineType):
        return True
    if isinstance(object, types.GeneratorType):
        # A generator decorated with types.coroutine.
        if object.gi_code.co_flags & CO_ITERABLE_COROUTINE:
            return True
    return callable(getattr(type(object), '__await__', None))


def _plain_callable(obj):
    return isinstance(obj, (type, types.MethodType, types.FunctionType))


def ismethoddescriptor(object):
    if _plain_callable(object):
        return False
    kind = type(object)
    return hasattr(kind, '__get__') and not hasattr(kind, '__set__')


def isdatadescriptor(object):
    if _plain_callable(object):
        return False
    kind = type(object)
    return hasattr(kind, '__set__') or hasattr(kind, '__delete__')


# gilpy's types module may not export the slot descriptor types, so these
# two compare the type's name.
def ismemberdescriptor(object):
    return type(object).__name__ == 'member_descriptor'


def isgetsetdescriptor(object):
    return type(object).__name__ == 'getset_descriptor'


def isroutine(object):
    return (isinstance(object, (types.BuiltinFunctionType, types.FunctionType, types.MethodType))
            or ismethoddescriptor(object))


def isabstract(object):
    # gilpy's abc keeps the abstract set in __abstractmethods__ and sets no
    # type flag, so an abstract class is one with a non-empty set.
    return isinstance(object, type) and bool(getattr(object, '__abstractmethods__', None))


# ---------------------------------------------------------------------------
# Members and documentation


def getmro(cls):
    return cls.__mro__


def getmembers(object, predicate=None):
    """Sorted (name, value) pairs for [object]'s attributes, optionally
    filtered by [predicate]."""
    names = set(dir(object))
    owners = ()
    if isinstance(object, type):
        owners = object.__mro__
        # Enum-style DynamicClassAttribute entries of the bases refuse to be
        # read from the class but still count as members.
        dynamic = getattr(types, 'DynamicClassAttribute', None)
        for base in object.__bases__:
            names.update(k for k, v in base.__dict__.items()
                         if dynamic is not None and isinstance(v, dynamic))
    found = []
    for name in sorted(names):
        try:
            value = getattr(object, name)
        except AttributeError:
            holders = [o for o in owners if name in o.__dict__]
            if not holders:
                continue
            value = holders[0].__dict__[name]
        if not predicate or predicate(value):
            found.append((name, value))
    return found


def cleandoc(doc):
    """Remove a docstring's common indentation (the first line is only
    left-stripped) and its blank lines at both ends."""
    lines = doc.expandtabs().split('\n')
    body = lines[1:]
    indents = [len(text) - len(text.lstrip()) for text in body if text.lstrip()]
    cut = min(indents) if indents else 0
    lines = [lines[0].lstrip()] + [text[cut:] for text in body]
    start, stop = 0, len(lines)
    while start < stop and not lines[start]:
        start += 1
    while stop > start and not lines[stop - 1]:
        stop -= 1
    return '\n'.join(lines[start:stop])


def _owner_class(func):
    """The class a plain function was defined in, found by following its
    __qualname__ from its module; None for module-level functions."""
    holder = sys.modules.get(func.__module__)
    path = func.__qualname__.split('.')[:-1]
    if holder is None or not path or '<locals>' in path:
        return None
    for part in path:
        holder = getattr(holder, part, None)
    return holder if isinstance(holder, type) else None


def _inherited_doc(obj):
    """The docstring [obj] inherits from a base class, or None."""
    if isinstance(obj, type):
        for base in obj.__mro__[1:]:
            if base is not object and base.__doc__ is not None:
                return base.__doc__
        return None
    if isinstance(obj, types.MethodType):
        name = obj.__func__.__name__
        owner = obj.__self__ if isinstance(obj.__self__, type) else type(obj.__self__)
    elif isinstance(obj, types.FunctionType):
        name = obj.__name__
        owner = _owner_class(obj)
        if owner is None or getattr(owner, name, None) is not obj:
            return None
    else:
        return None
    for base in owner.__mro__:
        text = getattr(base.__dict__.get(name), '__doc__', None)
        if text is not None:
            return text
    return None


def getdoc(object):
    """[object]'s docstring, inherited from a base class if it has none,
    cleaned with cleandoc(); None when there is no string to show."""
    try:
        # gilpy's bound methods do not forward __doc__ to their function.
        if isinstance(object, types.MethodType):
            text = object.__func__.__doc__
        else:
            text = object.__doc__
    except AttributeError:
        return None
    if text is None:
        try:
            text = _inherited_doc(object)
        except (AttributeError, TypeError):
            return None
    return cleandoc(text) if isinstance(text, str) else None


def getcomments(object):
    return None


# ---------------------------------------------------------------------------
# Files, modules and source text


def getmodulename(path):
    base = os.path.basename(path)
    for ending in ('.py', '.pyc'):
        if base.endswith(ending):
            return base[:-len(ending)]
    return None


def _code_of(obj):
    """The code object behind a method, function, traceback or frame, or
    [obj] itself when it is none of those."""
    if isinstance(obj, types.MethodType):
        obj = obj.__func__
    if isinstance(obj, types.FunctionType):
        return obj.__code__
    if isinstance(obj, types.TracebackType):
        obj = obj.tb_frame
    if isinstance(obj, types.FrameType):
        return obj.f_code
    return obj


def getfile(object):
    """Name of the file [object] was defined in."""
    if isinstance(object, types.ModuleType):
        path = getattr(object, '__file__', None)
        if path:
            return path
        raise TypeError('{!r} is a built-in module'.format(object))
    if isinstance(object, type):
        owner_name = getattr(object, '__module__', None)
        if owner_name is not None:
            path = getattr(sys.modules.get(owner_name), '__file__', None)
            if path:
                return path
            if owner_name == '__main__':
                raise OSError('source code not available')
        raise TypeError('{!r} is a built-in class'.format(object))
    code = _code_of(object)
    if isinstance(code, types.CodeType):
        return code.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(type(object).__name__))


def getsourcefile(object):
    path = getfile(object)
    if path.startswith('<') and path.endswith('>'):
        return None
    return path if os.path.exists(path) else None


def getmodule(object, _filename=None):
    """The module [object] belongs to, or None if it cannot be told."""
    if isinstance(object, types.ModuleType):
        return object
    if hasattr(object, '__module__'):
        return sys.modules.get(object.__module__)
    try:
        path = getfile(object)
    except TypeError:
        return None
    for module in list(sys.modules.values()):
        if getattr(module, '__file__', None) == path:
            return module
    return None


_CLASS_LINE = re.compile(r'\s*class\s+(\w+)')


def _find_class_line(lines, qualname):
    """Index of the "class" line for [qualname], searching each enclosing
    name in turn below the previous one."""
    at = 0
    for part in (p for p in qualname.split('.') if p != '<locals>'):
        for index in range(at, len(lines)):
            found = _CLASS_LINE.match(lines[index])
            if found and found.group(1) == part:
                at = index
                break
        else:
            # The path may run through functions: fall back to the first
            # class of the innermost name.
            at = None
            break
    if at is None:
        last = qualname.rsplit('.', 1)[-1]
        for index, text in enumerate(lines):
            found = _CLASS_LINE.match(text)
            if found and found.group(1) == last:
                return index
        raise OSError('could not find class definition')
    return at


def findsource(object):
    """(every line of [object]'s file, index of its first line)."""
    path = getsourcefile(object)
    if path is None:
        path = getfile(object)
        if not (path.startswith('<') and path.endswith('>')):
            raise OSError('source code not available')
    lines = linecache.getlines(path)
    if not lines:
        raise OSError('could not get source code')
    if isinstance(object, types.ModuleType):
        return lines, 0
    if isinstance(object, type):
        return lines, _find_class_line(lines, object.__qualname__)
    code = _code_of(object)
    if not isinstance(code, types.CodeType):
        raise OSError('could not find code object')
    first = code.co_firstlineno - 1
    if first >= len(lines):
        raise OSError('lineno is out of bounds')
    return lines, first


def _bracket_balance(text):
    return sum(text.count(c) for c in '([{') - sum(text.count(c) for c in ')]}')


def _block_stop(lines, header):
    """Index just past the block whose (first) header line is lines[header]."""
    base = len(lines[header]) - len(lines[header].lstrip())
    # The header goes on while brackets stay open (long parameter lists).
    depth = _bracket_balance(lines[header])
    body = header + 1
    while depth > 0 and body < len(lines):
        depth += _bracket_balance(lines[body])
        body += 1
    tail = ''.join(lines[header:body]).rstrip()
    if body == header + 1 and not tail.endswith(':') and ':' in tail:
        rest = tail.split(':', 1)[1].strip()
        if rest and not rest.startswith('#'):
            return body            # "def f(): return 1" or a lambda
    stop = body
    for index in range(body, len(lines)):
        text = lines[index]
        content = text.strip()
        if not content or content.startswith('#'):
            continue               # blanks and comments never end a block
        if len(text) - len(text.lstrip()) <= base:
            break
        stop = index + 1
    return stop


def getsourcelines(object):
    """(source lines of [object], number of its first line)."""
    object = unwrap(object)
    lines, first = findsource(object)
    if isinstance(object, types.TracebackType):
        object = object.tb_frame
    if isinstance(object, types.ModuleType) or (
            isinstance(object, types.FrameType) and object.f_code.co_name == '<module>'):
        return lines, 0
    header = first
    while header < len(lines) and lines[header].lstrip().startswith('@'):
        header += 1
    if header == len(lines):
        return lines[first:], first + 1
    return lines[first:_block_stop(lines, header)], first + 1


def getsource(object):
    """The source text of a module, class, method, function or frame."""
    return ''.join(getsourcelines(object)[0])


# ---------------------------------------------------------------------------
# Frames


class _Located:
    # Shared by the frame records: a tuple of named fields plus the
    # `positions` attribute, which is not part of the tuple.
    def __repr__(self):
        shown = ', '.join('%s=%r' % pair for pair in zip(self._fields, self))
        return '%s(%s, positions=%r)' % (type(self).__name__, shown, self.positions)


class Traceback(_Located, collections.namedtuple(
        '_Traceback', 'filename lineno function code_context index')):
    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        record = super().__new__(cls, filename, lineno, function, code_context, index)
        record.positions = positions
        return record


class FrameInfo(_Located, collections.namedtuple(
        '_FrameInfo', 'frame filename lineno function code_context index')):
    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        record = super().__new__(cls, frame, filename, lineno, function, code_context, index)
        record.positions = positions
        return record


def currentframe():
    """The frame of the caller."""
    return sys._getframe(1) if hasattr(sys, "_getframe") else None


def _context(filename, lineno, context):
    """([context] source lines centred on [lineno], index of it), or
    (None, None)."""
    if context <= 0:
        return None, None
    lines = linecache.getlines(filename)
    if not lines:
        return None, None
    start = max(0, min(lineno - 1 - context // 2, len(lines) - context))
    return lines[start:start + context], lineno - 1 - start


def _describe(frame, lineno, context):
    code = frame.f_code
    window, index = _context(code.co_filename, lineno, context)
    return FrameInfo(frame, code.co_filename, lineno, code.co_name, window, index)


def getframeinfo(frame, context=1):
    """A Traceback record for a frame or traceback entry."""
    if isinstance(frame, types.TracebackType):
        lineno, frame = frame.tb_lineno, frame.tb_frame
    else:
        lineno = frame.f_lineno
    return Traceback(*_describe(frame, lineno, context)[1:])


def getouterframes(frame, context=1):
    """FrameInfo records from [frame] out to the outermost caller."""
    records = []
    while frame is not None:
        records.append(_describe(frame, frame.f_lineno, context))
        frame = frame.f_back
    return records


def stack(context=1):
    return getouterframes(sys._getframe(1), context)


def getinnerframes(tb, context=1):
    """FrameInfo records for a traceback, outermost first."""
    records = []
    while tb is not None:
        records.append(_describe(tb.tb_frame, tb.tb_lineno, context))
        tb = tb.tb_next
    return records


def trace(context=1):
    return getinnerframes(sys.exc_info()[2], context)


GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'

CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def _run_state(running, suspended, frame, names):
    # [names] is (created, running, suspended, closed).
    if running:
        return names[1]
    if suspended:
        return names[2]
    return names[3] if frame is None else names[0]


def getgeneratorstate(generator):
    return _run_state(generator.gi_running, getattr(generator, 'gi_suspended', False),
                      generator.gi_frame, (GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, GEN_CLOSED))


def getcoroutinestate(coroutine):
    return _run_state(coroutine.cr_running, getattr(coroutine, 'cr_suspended', False),
                      coroutine.cr_frame,
                      (CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED, CORO_CLOSED))


# ---------------------------------------------------------------------------
# Attributes, wrappers, annotations, closures


def _dict_lookup(classes, name):
    for cls in classes:
        if name in cls.__dict__:
            return cls.__dict__[name]
    return _MISSING


def _is_data_descriptor(value):
    kind = type(value)
    return _dict_lookup(kind.__mro__, '__set__') is not _MISSING or \
        _dict_lookup(kind.__mro__, '__delete__') is not _MISSING


def getattr_static(obj, attr, default=_MISSING):
    """Find [attr] the way attribute access would, but without running
    descriptors, __getattr__ or __getattribute__."""
    if isinstance(obj, type):
        own = _MISSING
        in_class = _dict_lookup(obj.__mro__, attr)
    else:
        try:
            own = object.__getattribute__(obj, '__dict__').get(attr, _MISSING)
        except AttributeError:
            own = _MISSING
        in_class = _dict_lookup(type(obj).__mro__, attr)
    # A data descriptor on the class beats the instance dictionary.
    if in_class is not _MISSING and (own is _MISSING or _is_data_descriptor(in_class)):
        return in_class
    if own is not _MISSING:
        return own
    if isinstance(obj, type):
        found = _dict_lookup(type(obj).__mro__, attr)
        if found is not _MISSING:
            return found
    if default is not _MISSING:
        return default
    raise AttributeError(attr)


def unwrap(func, *, stop=None):
    """Follow the __wrapped__ chain left by functools.wraps to its end, or
    to the first function for which stop(function) is true."""
    seen = {id(func)}
    current = func
    while not isinstance(current, type) and hasattr(current, '__wrapped__'):
        if stop is not None and stop(current):
            break
        current = current.__wrapped__
        if id(current) in seen or len(seen) >= sys.getrecursionlimit():
            raise ValueError('wrapper loop when unwrapping {!r}'.format(func))
        seen.add(id(current))
    return current


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    """A fresh dict of [obj]'s own annotations; with eval_str, string
    annotations are evaluated in the namespace [obj] was defined in."""
    if isinstance(obj, type):
        found = obj.__dict__.get('__annotations__', None)
        module = sys.modules.get(getattr(obj, '__module__', None))
        home, scope = getattr(module, '__dict__', None), dict(vars(obj))
    elif isinstance(obj, types.ModuleType):
        found = getattr(obj, '__annotations__', None)
        home, scope = obj.__dict__, None
    elif callable(obj):
        found = getattr(obj, '__annotations__', None)
        inner = obj
        while True:
            if hasattr(inner, '__wrapped__'):
                inner = inner.__wrapped__
            elif isinstance(inner, functools.partial):
                inner = inner.func
            else:
                break
        home, scope = getattr(inner, '__globals__', None), None
    else:
        raise TypeError(f"{obj!r} is not a module, class, or callable.")
    if found is None:
        return {}
    if not isinstance(found, dict):
        raise ValueError(f"{obj!r}.__annotations__ is neither a dict nor None")
    if not eval_str:
        return dict(found)
    home = home if globals is None else globals
    scope = scope if locals is None else locals
    return {key: eval(value, home, scope) if isinstance(value, str) else value
            for key, value in found.items()}


ClosureVars = collections.namedtuple('ClosureVars', 'nonlocals globals builtins unbound')


def getclosurevars(func):
    """Sort the outside names [func]'s code uses into closure cells,
    globals, builtins and names found nowhere."""
    if isinstance(func, types.MethodType):
        func = func.__func__
    if not isinstance(func, types.FunctionType):
        raise TypeError("{!r} is not a Python function".format(func))
    code = func.__code__
    cells = func.__closure__ or ()
    nonlocal_vars = {name: cell.cell_contents for name, cell in zip(code.co_freevars, cells)}
    module_ns = func.__globals__
    builtin_ns = module_ns.get('__builtins__', {})
    if isinstance(builtin_ns, types.ModuleType):
        builtin_ns = builtin_ns.__dict__
    global_vars, builtin_vars, unbound = {}, {}, set()
    for name in code.co_names:
        if name in module_ns:
            global_vars[name] = module_ns[name]
        elif name in builtin_ns:
            builtin_vars[name] = builtin_ns[name]
        elif name not in ('None', 'True', 'False'):
            unbound.add(name)
    return ClosureVars(nonlocal_vars, global_vars, builtin_vars, unbound)


# ---------------------------------------------------------------------------
# Signatures


class _void:
    """Marker for a keyword argument of replace() that was not given."""


class _empty:
    """Signature.empty and Parameter.empty: no default or no annotation."""


class _ParameterKind(enum.IntEnum):
    # The values order the kinds as they must appear in a signature.
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self._name_

    @property
    def description(self):
        return _KIND_WORDS[self]


_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD

_KIND_WORDS = dict(zip(_ParameterKind, ('positional-only', 'positional or keyword',
                                        'variadic positional', 'keyword-only',
                                        'variadic keyword')))


def formatannotation(annotation, base_module=None):
    """How an annotation is shown inside a rendered signature."""
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, types.GenericAlias):
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return '%s.%s' % (annotation.__module__, annotation.__qualname__)
    return repr(annotation)


class Parameter:
    """One parameter of a Signature.  Immutable; see replace()."""

    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError(f'value {kind!r} is not a valid Parameter.kind')
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError('%s parameters cannot have default values' % kind.description)
        if name is _empty:
            raise ValueError('name is a required attribute for Parameter')
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a %s' % type(name).__name__)
        if name[:1] == '.' and name[1:].isdigit():
            # ".0" is how comprehension code objects name their iterator.
            if kind != _POSITIONAL_OR_KEYWORD:
                raise ValueError('implicit arguments must be passed as positional or '
                                 'keyword arguments, not %s' % kind.description)
            kind, name = _POSITIONAL_ONLY, 'implicit' + name[1:]
        import keyword
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError('%r is not a valid parameter name' % (name,))
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        """A copy with the given fields changed."""
        def pick(new, old):
            return old if new is _void else new
        return type(self)(pick(name, self._name), pick(kind, self._kind),
                          default=pick(default, self._default),
                          annotation=pick(annotation, self._annotation))

    def __str__(self):
        text = self._name
        has_note = self._annotation is not _empty
        if has_note:
            text += ': ' + formatannotation(self._annotation)
        if self._default is not _empty:
            # PEP 8 spacing: "x=1" but "x: int = 1".
            text += (' = ' if has_note else '=') + repr(self._default)
        stars = {_VAR_POSITIONAL: '*', _VAR_KEYWORD: '**'}.get(self._kind, '')
        return stars + text

    def __repr__(self):
        return '<%s "%s">' % (type(self).__name__, self)

    def _key(self):
        return (self._name, self._kind, self._default, self._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return self is other or self._key() == other._key()


class BoundArguments:
    """What Signature.bind() produced: `arguments` maps parameter names to
    values in parameter order; args and kwargs rebuild a call from it."""

    __slots__ = ('arguments', '_signature', '__weakref__')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    def _split(self):
        """(parameters passable by position, the remaining parameters).  The
        positional run ends at the first keyword-only or **kwargs parameter,
        or at the first one with no value."""
        params = list(self._signature.parameters.values())
        for at, param in enumerate(params):
            if param.kind >= _KEYWORD_ONLY or param.name not in self.arguments:
                return params[:at], params[at:]
        return params, []

    @property
    def args(self):
        values = []
        for param in self._split()[0]:
            value = self.arguments[param.name]
            if param.kind == _VAR_POSITIONAL:
                values.extend(value)
            else:
                values.append(value)
        return tuple(values)

    @property
    def kwargs(self):
        named = {}
        for param in self._split()[1]:
            if param.name not in self.arguments:
                continue
            value = self.arguments[param.name]
            if param.kind == _VAR_KEYWORD:
                named.update(value)
            else:
                named[param.name] = value
        return named

    def apply_defaults(self):
        """Give every parameter without a value its default: () for *args,
        {} for **kwargs; parameters with no default stay absent."""
        given = self.arguments
        filled = {}
        for name, param in self._signature.parameters.items():
            if name in given:
                filled[name] = given[name]
            elif param.default is not _empty:
                filled[name] = param.default
            elif param.kind == _VAR_POSITIONAL:
                filled[name] = ()
            elif param.kind == _VAR_KEYWORD:
                filled[name] = {}
        self.arguments = filled

    def __eq__(self, other):
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        shown = ', '.join('%s=%r' % pair for pair in self.arguments.items())
        return '<%s (%s)>' % (type(self).__name__, shown)


def _check_order(parameters):
    """The parameters as a name -> Parameter dict, after checking that their
    kinds ascend, their names are unique and that no positional parameter
    without a default follows one with a default."""
    checked = {}
    highest = _POSITIONAL_ONLY
    defaults_started = False
    for param in parameters:
        if param.kind < highest:
            raise ValueError('wrong parameter order: %s parameter before %s parameter'
                             % (highest.description, param.kind.description))
        highest = param.kind
        if param.kind <= _POSITIONAL_OR_KEYWORD:
            if param.default is not _empty:
                defaults_started = True
            elif defaults_started:
                raise ValueError('non-default argument follows default argument')
        if param.name in checked:
            raise ValueError('duplicate parameter name: %r' % (param.name,))
        checked[param.name] = param
    return checked


class Signature:
    """The parameters and return annotation of a callable."""

    __slots__ = ('_return_annotation', '_parameters')

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty,
                 __validate_parameters__=True):
        if parameters is None:
            table = {}
        elif __validate_parameters__:
            table = _check_order(parameters)
        else:
            table = {param.name: param for param in parameters}
        self._parameters = types.MappingProxyType(table)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None,
                      eval_str=False):
        return _signature_of(obj, cls, follow_wrapped, True)

    parameters = property(lambda self: self._parameters)
    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _compare_key(self):
        # Keyword-only parameters compare as a set: their order does not
        # change how the callable can be called.
        params = self._parameters.values()
        ordered = tuple(p for p in params if p.kind != _KEYWORD_ONLY)
        by_name = {p.name: p for p in params if p.kind == _KEYWORD_ONLY}
        return ordered, by_name, self._return_annotation

    def __hash__(self):
        ordered, by_name, returns = self._compare_key()
        return hash((ordered, frozenset(by_name.values()), returns))

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return self is other or self._compare_key() == other._compare_key()

    def _bind(self, args, kwargs, partial):
        params = list(self._parameters.values())
        pending = dict(kwargs)
        bound = {}
        at = 0                         # first parameter not yet filled

        # 1. Positional values fill the parameters from the left.
        for taken, value in enumerate(args):
            param = params[at] if at < len(params) else None
            if param is None or param.kind >= _KEYWORD_ONLY:
                raise TypeError('too many positional arguments') from None
            at += 1
            if param.kind == _VAR_POSITIONAL:
                bound[param.name] = tuple(args[taken:])
                break
            if param.kind == _POSITIONAL_OR_KEYWORD and param.name in pending:
                raise TypeError('multiple values for argument %r' % (param.name,)) from None
            bound[param.name] = value
        else:
            # 2. The first parameter the positional values did not reach
            # is checked on its own: that is where a missing positional
            # argument is reported.
            if at < len(params):
                param = params[at]
                if param.kind == _VAR_POSITIONAL:
                    at += 1
                elif param.name in pending:
                    if param.kind == _POSITIONAL_ONLY:
                        raise TypeError('%r parameter is positional only, but was passed '
                                        'as a keyword' % (param.name,))
                elif (param.kind != _VAR_KEYWORD and param.default is _empty
                      and not partial):
                    raise TypeError('missing a required argument: %r' % (param.name,))

        # 3. The rest are filled from the keyword arguments.
        catch_all = None
        for param in params[at:]:
            if param.kind == _VAR_KEYWORD:
                catch_all = param
            elif param.kind == _VAR_POSITIONAL:
                continue
            elif param.name in pending:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError('%r parameter is positional only, but was passed '
                                    'as a keyword' % (param.name,))
                bound[param.name] = pending.pop(param.name)
            elif param.default is _empty and not partial:
                raise TypeError('missing a required argument: %r' % (param.name,))

        # 4. Leftover keywords go to **kwargs or are an error.
        if pending:
            if catch_all is None:
                raise TypeError('got an unexpected keyword argument %r' % (next(iter(pending)),))
            bound[catch_all.name] = pending
        return BoundArguments(self, bound)

    def bind(self, /, *args, **kwargs):
        """Match a call's arguments to the parameters (TypeError if the
        call would fail)."""
        return self._bind(args, kwargs, False)

    def bind_partial(self, /, *args, **kwargs):
        """Like bind(), but required arguments may be missing."""
        return self._bind(args, kwargs, True)

    def __repr__(self):
        return '<%s %s>' % (type(self).__name__, self)

    def __str__(self):
        params = list(self._parameters.values())
        has_star_args = any(p.kind == _VAR_POSITIONAL for p in params)
        parts = []
        for at, param in enumerate(params):
            previous = params[at - 1].kind if at else None
            if param.kind == _KEYWORD_ONLY and previous != _KEYWORD_ONLY and not has_star_args:
                parts.append('*')
            parts.append(str(param))
            following = params[at + 1].kind if at + 1 < len(params) else None
            if param.kind == _POSITIONAL_ONLY and following != _POSITIONAL_ONLY:
                parts.append('/')
        text = '(%s)' % ', '.join(parts)
        if self._return_annotation is not _empty:
            text += ' -> ' + formatannotation(self._return_annotation)
        return text


def _read_code_signature(cls, func):
    """Signature of a Python function, read from its code object: the
    positional names come first in co_varnames, then the keyword-only
    names, then *args and **kwargs if the flags say they exist."""
    code = func.__code__
    names = code.co_varnames
    n_pos, n_posonly, n_kwonly = code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount
    notes = getattr(func, '__annotations__', None) or {}
    pos_defaults = func.__defaults__ or ()
    kw_defaults = func.__kwdefaults__ or {}
    first_default = n_pos - len(pos_defaults)

    def make(name, kind, default=_empty):
        return Parameter(name, kind, default=default, annotation=notes.get(name, _empty))

    params = []
    for at in range(n_pos):
        kind = _POSITIONAL_ONLY if at < n_posonly else _POSITIONAL_OR_KEYWORD
        default = pos_defaults[at - first_default] if at >= first_default else _empty
        params.append(make(names[at], kind, default))
    extra = n_pos + n_kwonly           # where *args / **kwargs names sit
    if code.co_flags & CO_VARARGS:
        params.append(make(names[extra], _VAR_POSITIONAL))
        extra += 1
    for name in names[n_pos:n_pos + n_kwonly]:
        params.append(make(name, _KEYWORD_ONLY, kw_defaults.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        params.append(make(names[extra], _VAR_KEYWORD))
    return cls(params, return_annotation=notes.get('return', _empty),
               __validate_parameters__=False)


def _without_first(sig):
    """[sig] with the bound first parameter (self or cls) removed."""
    params = list(sig.parameters.values())
    if not params or params[0].kind >= _KEYWORD_ONLY:
        raise ValueError('invalid method signature')
    if params[0].kind == _VAR_POSITIONAL:
        return sig                     # def method(*args): self is in args
    return sig.replace(parameters=params[1:])


def _partial_signature(sig, part):
    """What is left of [sig] once functools.partial [part] supplied some of
    its arguments.  Values given by position disappear; values given by
    keyword become defaults, and a positional-or-keyword parameter set that
    way makes the later positional parameters keyword-only."""
    keywords = part.keywords or {}
    try:
        given = sig.bind_partial(*part.args, **keywords).arguments
    except TypeError as exc:
        raise ValueError('partial object {!r} has incorrect arguments'.format(part)) from exc
    kept = []
    keyword_tail = False
    for param in sig.parameters.values():
        kind = param.kind
        if param.name in given:
            if kind == _POSITIONAL_ONLY:
                continue
            if kind == _POSITIONAL_OR_KEYWORD:
                if param.name not in keywords:
                    continue
                keyword_tail = True
                param = param.replace(default=given[param.name])
            elif kind == _KEYWORD_ONLY:
                param = param.replace(default=given[param.name])
        if keyword_tail:
            if kind == _VAR_POSITIONAL:
                continue
            if kind == _POSITIONAL_OR_KEYWORD:
                param = param.replace(kind=_KEYWORD_ONLY)
        kept.append(param)
    return sig.replace(parameters=kept)


def _class_signature(cls, sigcls):
    """Signature of calling the class [cls]."""
    # A metaclass __call__ written in Python decides what calling means.
    meta_call = _dict_lookup(type(cls).__mro__, '__call__')
    if isinstance(meta_call, types.FunctionType):
        return _without_first(_read_code_signature(sigcls, meta_call))
    # The nearest class in the MRO defining __new__ or __init__ in Python
    # decides; __new__ wins when one class defines both.
    for base in cls.__mro__:
        if base is object:
            break
        for hook in ('__new__', '__init__'):
            if hook in base.__dict__:
                method = getattr(cls, hook)
                return _without_first(_signature_of(method, sigcls, True, True))
    if cls.__init__ is object.__init__ and cls.__new__ is object.__new__:
        return sigcls([])
    raise ValueError('no signature found for builtin type {!r}'.format(cls))


def _signature_of(obj, sigcls, follow_wrapped, drop_bound):
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))
    if isinstance(obj, types.MethodType):
        sig = _signature_of(obj.__func__, sigcls, follow_wrapped, drop_bound)
        return _without_first(sig) if drop_bound else sig
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if isinstance(obj, types.MethodType):
            return _signature_of(obj, sigcls, follow_wrapped, drop_bound)
    preset = getattr(obj, '__signature__', None)
    if preset is not None:
        if not isinstance(preset, Signature):
            raise TypeError('unexpected object {!r} in __signature__ attribute'.format(preset))
        return preset
    if isinstance(obj, types.FunctionType) or _looks_like_function(obj):
        return _read_code_signature(sigcls, obj)
    if isinstance(obj, functools.partial):
        return _partial_signature(_signature_of(obj.func, sigcls, follow_wrapped, drop_bound), obj)
    if isinstance(obj, type):
        return _class_signature(obj, sigcls)
    if isbuiltin(obj) or ismethoddescriptor(obj) or type(obj).__name__ in (
            'method-wrapper', 'wrapper_descriptor'):
        raise ValueError("no signature found for builtin {!r}".format(obj))
    call = getattr(type(obj), '__call__', None)
    if call is not None:
        return _without_first(_signature_of(call, sigcls, follow_wrapped, drop_bound))
    raise ValueError('callable {!r} is not supported by signature'.format(obj))


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of the callable [obj]."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


FullArgSpec = collections.namedtuple(
    'FullArgSpec', 'args varargs varkw defaults kwonlyargs kwonlydefaults annotations')


def getfullargspec(func):
    """The older tuple form of a signature.  Wrappers are not followed and a
    bound method keeps its first parameter."""
    try:
        sig = _signature_of(func, Signature, False, False)
    except Exception as exc:
        raise TypeError('unsupported callable') from exc
    spec = dict(args=[], varargs=None, varkw=None, defaults=(), kwonlyargs=[],
                kwonlydefaults={}, annotations={})
    if sig.return_annotation is not _empty:
        spec['annotations']['return'] = sig.return_annotation
    for param in sig.parameters.values():
        kind, name = param.kind, param.name
        if kind <= _POSITIONAL_OR_KEYWORD:
            spec['args'].append(name)
            if param.default is not _empty:
                spec['defaults'] += (param.default,)
        elif kind == _VAR_POSITIONAL:
            spec['varargs'] = name
        elif kind == _KEYWORD_ONLY:
            spec['kwonlyargs'].append(name)
            if param.default is not _empty:
                spec['kwonlydefaults'][name] = param.default
        else:
            spec['varkw'] = name
        if param.annotation is not _empty:
            spec['annotations'][name] = param.annotation
    spec['defaults'] = spec['defaults'] or None
    spec['kwonlydefaults'] = spec['kwonlydefaults'] or None
    return FullArgSpec(**spec)


def getcallargs(func, /, *positional, **named):
    """The parameter -> value dict [func] would see for this call,
    defaults included."""
    if isinstance(func, types.MethodType) and func.__self__ is not None:
        sig = _signature_of(func, Signature, True, False)
        positional = (func.__self__,) + positional
    else:
        sig = signature(func)
    bound = sig.bind(*positional, **named)
    bound.apply_defaults()
    return dict(bound.arguments)
