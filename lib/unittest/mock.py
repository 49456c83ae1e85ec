"""Stand-in objects for tests: mocks accept any call and any attribute,
remember how they were used, and check that use afterwards.

Design notes
------------
A mock is an ordinary instance whose missing attributes are made on first
use (`__getattr__`) and kept in `_mock_children`.  Every mock knows two
parents: `_mock_parent`/`_mock_name` link an attribute child to its owner
(these feed `method_calls`), while `_mock_new_parent`/`_mock_new_name` also
link a return value to the mock that returns it under the name '()'
(these feed `mock_calls` and the dotted name in the repr).  A call climbs
the second chain and records itself, with an ever longer name, in every
ancestor's `mock_calls`.

Python looks special methods up on the type, never on the instance, so
every mock gets a class of its own, made in `__new__`: assigning
`m.__len__ = ...` then patches that private class and no other mock sees
it.  MagicMock fills its private class with `_MagicSlot` descriptors that
build the child mock for a special method only when it is first used.

The per-call state (`called`, `call_count`, `return_value`, ...) lives in
`__dict__` under `_mock_<name>` and is reached through properties that can
forward to a delegate: an autospecced function is a real function object
wrapping a mock, and the mock's state is kept on that function so that
reading `f.call_count` and `f.mock.call_count` agree.

Call records are `_Call` tuples, either (args, kwargs) or (name, args,
kwargs); `call` is an unnamed one whose attribute access and calls build
the records that tests compare against.

patch(), create_autospec() and mock_open() live in unittest/_mock_patch.py
and are re-exported at the bottom of this file.
"""

import builtins
import inspect
import pprint
import sys
from functools import partial as _partial
from types import FunctionType, MethodType

__all__ = (
    'Mock', 'MagicMock', 'patch', 'sentinel', 'DEFAULT', 'ANY', 'call',
    'create_autospec', 'AsyncMock', 'FILTER_DIR', 'NonCallableMock',
    'NonCallableMagicMock', 'mock_open', 'PropertyMock', 'seal',
)

# dir() of a mock hides the mock's own machinery when this is true.
FILTER_DIR = True

_FUNCTION_KINDS = (FunctionType, MethodType)


class InvalidSpecError(Exception):
    """Raised when a mock is asked to take another mock as its spec."""


# ---------------------------------------------------------------------------
# Sentinels

class _SentinelObject:
    """A unique named marker; equal only to itself."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'sentinel.' + self.name

    def __reduce__(self):
        return 'sentinel.' + self.name


class _SentinelFactory:
    """`sentinel.anything` is made once and then always the same object."""

    def __init__(self):
        self._made = {}

    def __getattr__(self, name):
        if name == '__bases__':
            # Asked for by copy and pickle machinery; a real attribute
            # miss keeps them from treating this object as a class.
            raise AttributeError(name)
        marker = self._made.get(name)
        if marker is None:
            marker = self._made[name] = _SentinelObject(name)
        return marker

    def __reduce__(self):
        return 'sentinel'


sentinel = _SentinelFactory()
# DEFAULT means "not configured"; the other two mark absent and deleted
# children.
DEFAULT, _missing, _deleted = (sentinel.DEFAULT, sentinel.MISSING,
                               sentinel.DELETED)


class _AnyValue:
    """Compares equal to everything; handy inside expected calls."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = None

    def __repr__(self):
        return '<ANY>'


ANY = _AnyValue()


# ---------------------------------------------------------------------------
# Names of special methods

def _words(text):
    return text.split()


_PLAIN_MAGIC_WORDS = _words(
    "lt le gt ge eq ne getitem setitem delitem len contains iter hash str "
    "sizeof enter exit divmod rdivmod neg pos abs invert complex int float "
    "index round trunc floor ceil bool next fspath aiter")
_ARITHMETIC_WORDS = _words(
    "add sub mul matmul truediv floordiv mod lshift rshift and xor or pow")

# Special methods a MagicMock sets up by itself.
_magics = {'__%s__' % w for w in _PLAIN_MAGIC_WORDS}
_magics |= {'__%s__' % w for w in _ARITHMETIC_WORDS}
_magics |= {'__i%s__' % w for w in _ARITHMETIC_WORDS}
_magics |= {'__r%s__' % w for w in _ARITHMETIC_WORDS}

# Special methods that may be assigned but get no default.
_non_defaults = {'__%s__' % w for w in _words(
    "get set delete reversed missing reduce reduce_ex getinitargs "
    "getnewargs getnewargs_ex getstate setstate getformat repr dir "
    "subclasses format")}

# Assigning these to a mock would break the mock itself.
_unsupported_magics = {
    '__getattr__', '__setattr__', '__init__', '__new__', '__prepare__',
    '__instancecheck__', '__subclasscheck__', '__del__',
}

# __aiter__ itself is synchronous; the other three return awaitables.
_async_method_magics = {'__aenter__', '__aexit__', '__anext__'}
_all_sync_magics = _magics | _non_defaults
_all_magics = _all_sync_magics | _async_method_magics | {'__aiter__'}


def _is_magic(name):
    return len(name) > 4 and name[:2] == '__' == name[-2:] and \
        name[2:-2].isidentifier() and not name[2:-2].startswith('_')


# What a fresh MagicMock's special methods return.
_FIXED_RESULTS = {
    '__lt__': NotImplemented, '__gt__': NotImplemented,
    '__le__': NotImplemented, '__ge__': NotImplemented,
    '__int__': 1, '__contains__': False, '__len__': 0, '__exit__': False,
    '__complex__': 1j, '__float__': 1.0, '__bool__': True, '__index__': 1,
    '__aexit__': False,
}


def _fspath_default(owner):
    return '%s/%s/%s' % (type(owner).__name__, owner._extract_mock_name(),
                         id(owner))


# Results that depend on the owning mock, computed when the slot is made.
_COMPUTED_RESULTS = {
    '__hash__': lambda owner: object.__hash__(owner),
    '__str__': lambda owner: object.__str__(owner),
    '__sizeof__': lambda owner: object.__sizeof__(owner),
    '__fspath__': _fspath_default,
}


def _eq_effect(owner):
    def compare_equal(other):
        chosen = owner.__eq__._mock_return_value
        if chosen is not DEFAULT:
            return chosen
        return True if owner is other else NotImplemented
    return compare_equal


def _ne_effect(owner):
    def compare_unequal(other):
        chosen = owner.__ne__._mock_return_value
        if chosen is not DEFAULT:
            return chosen
        return False if owner is other else NotImplemented
    return compare_unequal


def _iter_effect(owner):
    def start_iteration():
        chosen = owner.__iter__._mock_return_value
        return iter([] if chosen is DEFAULT else chosen)
    return start_iteration


class _AsyncIteratorOver:
    """What MagicMock's __aiter__ hands back: an async iterator over a
    plain iterable."""

    def __init__(self, values):
        self._values = iter(values)

    def __aiter__(self):
        return self

    async def __anext__(self):
        for value in self._values:
            return value
        raise StopAsyncIteration


def _aiter_effect(owner):
    def start_async_iteration():
        chosen = owner.__aiter__._mock_return_value
        return _AsyncIteratorOver([] if chosen is DEFAULT else chosen)
    return start_async_iteration


_EFFECT_MAKERS = {
    '__eq__': _eq_effect, '__ne__': _ne_effect,
    '__iter__': _iter_effect, '__aiter__': _aiter_effect,
}


def _give_default_behaviour(owner, method, name):
    """Make the child mock [method], standing for [owner]'s special method
    [name], behave the way the matching built-in operation expects."""
    if name in _FIXED_RESULTS:
        method.return_value = _FIXED_RESULTS[name]
    elif name in _COMPUTED_RESULTS:
        method.return_value = _COMPUTED_RESULTS[name](owner)
    elif name in _EFFECT_MAKERS:
        method.side_effect = _EFFECT_MAKERS[name](owner)


# ---------------------------------------------------------------------------
# Small predicates

def _is_instance_mock(obj):
    # type() rather than isinstance(): a spec'd mock lies about __class__.
    return issubclass(type(obj), NonCallableMock)


def _is_exception(obj):
    return isinstance(obj, BaseException) or (
        isinstance(obj, type) and issubclass(obj, BaseException))


def _is_list(obj):
    return type(obj) in (list, tuple)


def _callable(obj):
    if isinstance(obj, type):
        return True
    if isinstance(obj, (staticmethod, classmethod, MethodType)):
        return _callable(obj.__func__)
    return getattr(obj, '__call__', None) is not None


def _instance_callable(obj):
    """Whether instances of the class [obj] (or [obj] itself, when it is
    not a class) can be called."""
    if not isinstance(obj, type):
        return getattr(obj, '__call__', None) is not None
    return any('__call__' in klass.__dict__ for klass in obj.__mro__)


def _is_async_func(obj):
    if getattr(obj, '__code__', None) is not None or isinstance(
            obj, _FUNCTION_KINDS):
        return inspect.iscoroutinefunction(obj)
    return False


def _is_async_obj(obj):
    if _is_instance_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    if hasattr(obj, '__func__'):
        obj = obj.__func__
    return inspect.iscoroutinefunction(obj) or inspect.isawaitable(obj)


def _extract_mock(obj):
    """The mock behind an autospecced function, or [obj] itself."""
    if isinstance(obj, FunctionType) and hasattr(obj, 'mock'):
        return obj.mock
    return obj


def _as_iterator(value):
    # A side_effect that is neither callable nor an exception is consumed
    # one item per call, so it is turned into an iterator when it is set.
    if value is None or _is_exception(value) or _callable(value):
        return value
    try:
        return iter(value)
    except TypeError:
        return value


def _safe_repr(value):
    try:
        return repr(value)
    except Exception:
        return object.__repr__(value)


def _signature_of(spec, as_instance, eat_self):
    """(callable, Signature) for calls made on a mock of [spec], or None.

    A class is called through its __init__, whose self is dropped; an
    instance through its __call__."""
    if isinstance(spec, type) and not as_instance:
        try:
            target = spec.__init__
        except AttributeError:
            return None
        eat_self = True
    elif isinstance(spec, (classmethod, staticmethod)):
        if isinstance(spec, classmethod):
            eat_self = True
        target = spec.__func__
    elif not isinstance(spec, _FUNCTION_KINDS):
        try:
            target = spec.__call__
        except AttributeError:
            return None
    else:
        target = spec
    probe = _partial(target, None) if eat_self else target
    try:
        return target, inspect.signature(probe)
    except (ValueError, TypeError):
        return None


def _attach(parent, value, name, new_name):
    """Adopt the mock [value] as [parent]'s child under [name]/[new_name]
    when it has no parent or name of its own yet.  True when adopted."""
    value = _extract_mock(value)
    if not _is_instance_mock(value):
        return False
    if value._mock_name or value._mock_new_name or \
            value._mock_parent is not None or \
            value._mock_new_parent is not None:
        return False
    ancestor = parent
    while ancestor is not None:
        if ancestor is value:
            # Adopting an ancestor would make the parent chain a loop.
            return False
        ancestor = ancestor._mock_new_parent
    if new_name:
        value._mock_new_parent = parent
        value._mock_new_name = new_name
    if name:
        value._mock_parent = parent
        value._mock_name = name
    return True


# ---------------------------------------------------------------------------
# Call records

def _format_call(name, args, kwargs):
    parts = [repr(a) for a in args]
    parts += ['%s=%r' % item for item in kwargs.items()]
    return '%s(%s)' % (name, ', '.join(parts))


class _CallList(list):
    """A list of calls; `in` also finds a whole run of consecutive calls."""

    def __contains__(self, value):
        if not isinstance(value, list):
            return list.__contains__(self, value)
        width = len(value)
        for start in range(len(self) - width + 1):
            if self[start:start + width] == value:
                return True
        return False

    def __repr__(self):
        return pprint.pformat(list(self))


def _split_call_value(value):
    """(name, args, kwargs) out of the loose forms _Call accepts."""
    name, args, kwargs = '', (), {}
    if len(value) == 3:
        name, args, kwargs = value
    elif len(value) == 2:
        first, second = value
        if isinstance(first, str):
            name = first
            if isinstance(second, tuple):
                args = second
            else:
                kwargs = second
        else:
            args, kwargs = first, second
    elif len(value) == 1:
        only, = value
        if isinstance(only, str):
            name = only
        elif isinstance(only, tuple):
            args = only
        else:
            kwargs = only
    return name, args, kwargs


class _Call(tuple):
    """One recorded call: (args, kwargs) when made with two=True, else
    (name, args, kwargs).  Attribute access and calls on a _Call build
    further records, which is how `call.a(1).b` describes a chain."""

    def __new__(cls, value=(), name='', parent=None, two=False,
                from_kall=True):
        named, args, kwargs = _split_call_value(value)
        if two:
            return tuple.__new__(cls, (args, kwargs))
        return tuple.__new__(cls, (named, args, kwargs))

    def __init__(self, value=(), name=None, parent=None, two=False,
                 from_kall=True):
        self._mock_name = name
        self._mock_parent = parent
        self._mock_from_kall = from_kall

    def _parts(self):
        if len(self) == 2:
            return ('',) + tuple(self)
        return tuple(self)

    def __eq__(self, other):
        try:
            other_len = len(other)
        except TypeError:
            return NotImplemented
        own_name, own_args, own_kwargs = self._parts()
        own_parent = getattr(self, '_mock_parent', None)
        other_parent = getattr(other, '_mock_parent', None)
        if own_parent and other_parent and own_parent != other_parent:
            return False
        if other_len > 3:
            return False
        other_name, other_args, other_kwargs = _split_call_value(other)
        if own_name and other_name != own_name:
            return False
        # The expected side goes first so that ANY inside it gets asked.
        return (other_args, other_kwargs) == (own_args, own_kwargs)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __call__(self, *args, **kwargs):
        if self._mock_name is None:
            return _Call(('', args, kwargs), name='()')
        return _Call((self._mock_name, args, kwargs),
                     name=self._mock_name + '()', parent=self)

    def __getattr__(self, attr):
        if self._mock_name is None:
            return _Call(name=attr, from_kall=False)
        return _Call(name='%s.%s' % (self._mock_name, attr), parent=self,
                     from_kall=False)

    def __getattribute__(self, attr):
        # count and index are tuple methods, but on a call record they
        # mean a method of the mocked object: call.count(3).
        if attr in ('count', 'index'):
            raise AttributeError(attr)
        return tuple.__getattribute__(self, attr)

    @property
    def args(self):
        return self._parts()[1]

    @property
    def kwargs(self):
        return self._parts()[2]

    def __repr__(self):
        if not self._mock_from_kall:
            label = self._mock_name or 'call'
            return 'call' + label if label.startswith('()') else label
        if len(self) == 2:
            label = 'call'
        else:
            label = self[0]
            if not label:
                label = 'call'
            elif label.startswith('()'):
                label = 'call' + label
            else:
                label = 'call.' + label
        named, args, kwargs = self._parts()
        return _format_call(label, args, kwargs)

    def call_list(self):
        """Every call in the chain that ends at this record, first to last."""
        chain = []
        link = self
        while link is not None:
            if link._mock_from_kall:
                chain.append(link)
            link = link._mock_parent
        return _CallList(reversed(chain))


call = _Call(from_kall=False)


# ---------------------------------------------------------------------------
# The mock classes

def _state_property(name):
    """A property for per-call state stored as _mock_<name>, forwarded to
    the delegate function of an autospecced mock when there is one."""
    slot = '_mock_' + name

    def read(self):
        delegate = self._mock_delegate
        if delegate is None:
            return getattr(self, slot)
        return getattr(delegate, name)

    def write(self, value):
        delegate = self._mock_delegate
        if delegate is None:
            self.__dict__[slot] = value
        else:
            setattr(delegate, name, value)

    _STATE_NAMES.add(name)
    return property(read, write)


# Names that __setattr__ stores directly, skipping spec and child handling.
_STATE_NAMES = {
    'return_value', '_mock_return_value', 'side_effect',
    '_mock_side_effect', '_mock_parent', '_mock_new_parent', '_mock_name',
    '_mock_new_name',
}


class _SpecLater:
    """An autospec child that is only built when first looked up."""

    def __init__(self, spec, spec_set=False, parent=None, name=None,
                 ids=None, instance=False):
        self.spec = spec
        self.ids = ids
        self.spec_set = spec_set
        self.parent = parent
        self.instance = instance
        self.name = name


class _MockBase:
    """Lets the mixins call super().__init__ with mock arguments."""

    def __init__(self, *args, **kwargs):
        pass


class NonCallableMock(_MockBase):
    """A mock that cannot be called; the base of every other mock."""

    def __new__(cls, *args, **kw):
        # Each mock gets a private class so that special methods assigned
        # to it affect it alone.  A spec with coroutine functions in it
        # makes the mock awaitable too.
        bases = (cls,)
        if not issubclass(cls, AsyncMockMixin):
            spec = kw.get('spec_set', kw.get('spec'))
            if spec is None and args:
                spec = args[0]
            if spec is not None and _is_async_obj(spec):
                bases = (AsyncMockMixin, cls)
        private = type(cls.__name__, bases, {'__doc__': cls.__doc__})
        return object.__new__(private)

    def __init__(self, spec=None, wraps=None, name=None, spec_set=None,
                 parent=None, _spec_state=None, _new_name='',
                 _new_parent=None, _spec_as_instance=False, _eat_self=None,
                 unsafe=False, **kwargs):
        if _new_parent is None:
            _new_parent = parent
        own = self.__dict__
        own['_mock_parent'] = parent
        own['_mock_name'] = name
        own['_mock_new_name'] = _new_name
        own['_mock_new_parent'] = _new_parent
        own['_mock_sealed'] = False
        if spec_set is not None:
            spec = spec_set
            spec_set = True
        if _eat_self is None:
            _eat_self = parent is not None
        self._mock_add_spec(spec, spec_set, _spec_as_instance, _eat_self)
        own['_mock_children'] = {}
        own['_mock_wraps'] = wraps
        own['_mock_delegate'] = None
        own['_mock_called'] = False
        own['_mock_call_args'] = None
        own['_mock_call_count'] = 0
        own['_mock_call_args_list'] = _CallList()
        own['_mock_mock_calls'] = _CallList()
        own['method_calls'] = _CallList()
        own['_mock_unsafe'] = unsafe
        if kwargs:
            self.configure_mock(**kwargs)

    def attach_mock(self, mock, attribute):
        """Make [mock] the child [attribute] of this mock, so its calls
        show up in this mock's method_calls and mock_calls."""
        inner = _extract_mock(mock)
        inner._mock_parent = None
        inner._mock_new_parent = None
        inner._mock_name = ''
        inner._mock_new_name = None
        setattr(self, attribute, mock)

    def mock_add_spec(self, spec, spec_set=False):
        """Restrict this mock to the attributes of [spec] from now on."""
        self._mock_add_spec(spec, spec_set)

    def _mock_add_spec(self, spec, spec_set, _spec_as_instance=False,
                       _eat_self=False):
        if _is_instance_mock(spec):
            raise InvalidSpecError(
                f'Cannot spec a Mock object. [object={spec!r}]')
        spec_class = None
        signature = None
        async_names = []
        if spec is not None and not _is_list(spec):
            spec_class = spec if isinstance(spec, type) else type(spec)
            found = _signature_of(spec, _spec_as_instance, _eat_self)
            signature = found[1] if found else None
            names = dir(spec)
            for attr in names:
                try:
                    value = inspect.getattr_static(spec, attr, None)
                    if isinstance(value, (staticmethod, classmethod)):
                        value = value.__func__
                except Exception:
                    value = None
                if value is not None and inspect.iscoroutinefunction(value):
                    async_names.append(attr)
            spec = names
        own = self.__dict__
        own['_spec_class'] = spec_class
        own['_spec_set'] = spec_set
        own['_spec_signature'] = signature
        own['_mock_methods'] = spec
        own['_spec_asyncs'] = async_names

    def __get_return_value(self):
        chosen = self._mock_return_value
        if self._mock_delegate is not None:
            chosen = self._mock_delegate.return_value
        if chosen is DEFAULT:
            chosen = self._get_child_mock(_new_parent=self, _new_name='()')
            self.return_value = chosen
        return chosen

    def __set_return_value(self, value):
        if self._mock_delegate is not None:
            self._mock_delegate.return_value = value
        else:
            self._mock_return_value = value
            _attach(self, value, None, '()')

    return_value = property(__get_return_value, __set_return_value)

    @property
    def __class__(self):
        # isinstance(mock, Spec) holds for a spec'd mock.
        if self._spec_class is None:
            return type(self)
        return self._spec_class

    called = _state_property('called')
    call_count = _state_property('call_count')
    call_args = _state_property('call_args')
    call_args_list = _state_property('call_args_list')
    mock_calls = _state_property('mock_calls')

    def __get_side_effect(self):
        delegate = self._mock_delegate
        if delegate is None:
            return self._mock_side_effect
        effect = delegate.side_effect
        if effect is not None and not callable(effect) and \
                not isinstance(effect, _MockIterator) and \
                not _is_exception(effect):
            effect = _MockIterator(effect)
            delegate.side_effect = effect
        return effect

    def __set_side_effect(self, value):
        value = _as_iterator(value)
        delegate = self._mock_delegate
        if delegate is None:
            self._mock_side_effect = value
        else:
            delegate.side_effect = value

    side_effect = property(__get_side_effect, __set_side_effect)

    def reset_mock(self, visited=None, *, return_value=False,
                   side_effect=False):
        """Forget every call made to this mock and its children;
        optionally also the configured return value and side effect."""
        if visited is None:
            visited = []
        if id(self) in visited:
            return
        visited.append(id(self))
        for state, fresh in (('called', False), ('call_args', None),
                             ('call_count', 0)):
            setattr(self, state, fresh)
        for record in ('mock_calls', 'call_args_list'):
            setattr(self, record, _CallList())
        self.__dict__['method_calls'] = _CallList()
        if return_value:
            self._mock_return_value = DEFAULT
        if side_effect:
            self._mock_side_effect = None
        for child in self._mock_children.values():
            if isinstance(child, _SpecLater) or child is _deleted:
                continue
            child.reset_mock(visited, return_value=return_value,
                             side_effect=side_effect)
        returned = self._mock_return_value
        if _is_instance_mock(returned) and returned is not self:
            returned.reset_mock(visited)

    def configure_mock(self, **kwargs):
        """Set attributes from keyword arguments; a dotted name such as
        `method.return_value` reaches into children.  Shorter paths are
        set first so that a child is configured after it is replaced."""
        ordered = sorted(kwargs.items(), key=lambda item: item[0].count('.'))
        for path, value in ordered:
            *steps, last = path.split('.')
            target = self
            for step in steps:
                target = getattr(target, step)
            setattr(target, last, value)

    def __getattr__(self, name):
        if name in ('_mock_methods', '_mock_unsafe', '_mock_children'):
            # Only reached while __init__ has not stored them yet.
            raise AttributeError(name)
        allowed = self._mock_methods
        if allowed is not None:
            if name not in allowed or name in _all_magics:
                raise AttributeError('Mock object has no attribute %r' % name)
        elif _is_magic(name):
            raise AttributeError(name)
        if not self._mock_unsafe and (not allowed or name not in allowed):
            if name.startswith(('assert', 'assret', 'asert', 'aseert',
                                'assrt')):
                raise AttributeError(
                    f'{name!r} is not a valid assertion. Use a spec for the '
                    f'mock if {name!r} is meant to be an attribute.')
        child = self._mock_children.get(name)
        if child is _deleted:
            raise AttributeError(name)
        if child is None:
            wrapped = None
            if self._mock_wraps is not None:
                wrapped = getattr(self._mock_wraps, name)
            child = self._get_child_mock(parent=self, name=name, wraps=wrapped,
                                         _new_name=name, _new_parent=self)
            self._mock_children[name] = child
        elif isinstance(child, _SpecLater):
            try:
                child = create_autospec(child.spec, child.spec_set,
                                        child.instance, child.parent,
                                        child.name)
            except InvalidSpecError:
                where = child.parent._extract_mock_name()
                raise InvalidSpecError(
                    f'Cannot autospec attr {child.name!r} from target '
                    f'{where!r} as it has already been mocked out. '
                    f'[target={self!r}, attr={child.spec!r}]')
            self._mock_children[name] = child
        return child

    def _extract_mock_name(self):
        """The dotted name a user would write to reach this mock, such as
        'm.method().attr', rooted at the outermost parent's name."""
        segments = []
        link = self
        while True:
            segments.append(link._mock_new_name)
            if link._mock_new_parent is None:
                break
            link = link._mock_new_parent
        root_name = link._mock_name or 'mock'
        segments.pop()
        text = root_name
        for segment in reversed(segments):
            if segment and not segment.startswith('()'):
                text += '.'
            text += segment or ''
        return text

    def __repr__(self):
        name = self._extract_mock_name()
        label = '' if name in ('mock', 'mock.') else ' name=%r' % name
        spec_label = ''
        if self._spec_class is not None:
            kind = 'spec_set' if self._spec_set else 'spec'
            spec_label = ' %s=%r' % (kind, self._spec_class.__name__)
        return "<%s%s%s id='%s'>" % (type(self).__name__, label, spec_label,
                                     id(self))

    def __dir__(self):
        if not FILTER_DIR:
            return object.__dir__(self)
        names = set(self._mock_methods or [])
        names.update(n for n in dir(type(self)) if not n.startswith('_'))
        names.update(n for n in self.__dict__
                     if not n.startswith('_') or _is_magic(n))
        names.update(n for n, v in self._mock_children.items()
                     if v is not _deleted)
        return sorted(names)

    def __setattr__(self, name, value):
        if name in _STATE_NAMES:
            return object.__setattr__(self, name, value)
        if self._spec_set and self._mock_methods is not None and \
                name not in self._mock_methods and name not in self.__dict__:
            raise AttributeError("Mock object has no attribute '%s'" % name)
        if name in _unsupported_magics:
            raise AttributeError(
                'Attempting to set unsupported magic method %r.' % name)
        if name in _all_magics:
            if self._mock_methods is not None and \
                    name not in self._mock_methods:
                raise AttributeError(
                    "Mock object has no attribute '%s'" % name)
            if _is_instance_mock(value):
                _attach(self, value, None, name)
                setattr(type(self), name, value)
                self._mock_children[name] = value
            else:
                # A plain function becomes a method of the private class
                # and receives the mock as its first argument.
                setattr(type(self), name, _magic_method(name, value))
                plain = value
                value = lambda *args, **kw: plain(self, *args, **kw)
        elif name == '__class__':
            self.__dict__['_spec_class'] = value
            return
        elif _attach(self, value, name, name):
            self._mock_children[name] = value
        if self._mock_sealed and not hasattr(self, name):
            raise AttributeError(
                'Cannot set %s.%s' % (self._extract_mock_name(), name))
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name in _all_magics and name in type(self).__dict__:
            delattr(type(self), name)
            if name not in self.__dict__:
                # Only the class slot existed; nothing more to remove.
                return
        existing = self._mock_children.get(name, _missing)
        if name in self.__dict__:
            object.__delattr__(self, name)
        elif existing is _deleted:
            raise AttributeError(name)
        if existing is not _missing:
            del self._mock_children[name]
        self._mock_children[name] = _deleted

    def _format_mock_call_signature(self, args, kwargs):
        return _format_call(self._mock_name or 'mock', args, kwargs)

    def _format_mock_failure_message(self, args, kwargs, action='call'):
        wanted = self._format_mock_call_signature(args, kwargs)
        actual = self._format_mock_call_signature(*self.call_args)
        return 'expected %s not found.\nExpected: %s\n  Actual: %s' % (
            action, wanted, actual)

    def _signature_for_path(self, name):
        """The signature of the child mock reached by the dotted call name
        [name] ('' or '()' steps included), when it has one."""
        if not name:
            return self._spec_signature
        holder = self
        signature = None
        for step in name.replace('()', '').split('.'):
            if not step:
                continue
            child = holder._mock_children.get(step)
            if child is None or isinstance(child, _SpecLater):
                return None
            holder = _extract_mock(child)
            if not _is_instance_mock(holder):
                return None
            signature = holder._spec_signature
        return signature

    def _call_matcher(self, record):
        """[record] with its arguments bound to the spec's signature, so
        that f(1, b=2) and f(1, 2) compare equal; the binding error when
        they do not fit."""
        if isinstance(record, tuple) and len(record) > 2:
            signature = self._signature_for_path(record[0])
        else:
            signature = self._spec_signature
        if signature is None:
            return record
        if len(record) == 2:
            name = ''
            args, kwargs = record
        else:
            name, args, kwargs = record
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            return error.with_traceback(None)
        return call(name, bound.args, bound.kwargs)

    def _calls_repr(self, prefix='Calls'):
        if not self.mock_calls:
            return ''
        return '\n%s: %s.' % (prefix, _safe_repr(self.mock_calls))

    def assert_not_called(self):
        """Fail if the mock was called at all."""
        if self.call_count != 0:
            raise AssertionError(
                "Expected '%s' to not have been called. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))

    def assert_called(self):
        """Fail unless the mock was called at least once."""
        if self.call_count == 0:
            raise AssertionError("Expected '%s' to have been called." %
                                 (self._mock_name or 'mock'))

    def assert_called_once(self):
        """Fail unless the mock was called exactly once."""
        if self.call_count != 1:
            raise AssertionError(
                "Expected '%s' to have been called once. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))

    def assert_called_with(self, *args, **kwargs):
        """Fail unless the latest call had exactly these arguments."""
        if self.call_args is None:
            wanted = self._format_mock_call_signature(args, kwargs)
            raise AssertionError(
                'expected call not found.\nExpected: %s\n  Actual: %s'
                % (wanted, 'not called.'))
        wanted = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.call_args)
        if actual != wanted:
            cause = wanted if isinstance(wanted, Exception) else None
            raise AssertionError(
                self._format_mock_failure_message(args, kwargs)) from cause

    def assert_called_once_with(self, *args, **kwargs):
        """Fail unless the mock was called once, with these arguments."""
        if self.call_count != 1:
            raise AssertionError(
                "Expected '%s' to be called once. Called %s times.%s"
                % (self._mock_name or 'mock', self.call_count,
                   self._calls_repr()))
        return self.assert_called_with(*args, **kwargs)

    def assert_has_calls(self, calls, any_order=False):
        """Fail unless mock_calls contains [calls]: as one consecutive run,
        or anywhere and in any order with any_order=True."""
        wanted = [self._call_matcher(c) for c in calls]
        cause = next((w for w in wanted if isinstance(w, Exception)), None)
        seen = _CallList(self._call_matcher(c) for c in self.mock_calls)
        if not any_order:
            if wanted in seen:
                return
            if cause is None:
                problem = 'Calls not found.'
            else:
                problem = 'Error processing expected calls.\nErrors: %s' % (
                    [w if isinstance(w, Exception) else None
                     for w in wanted],)
            actual = self._calls_repr(prefix='  Actual').rstrip('.')
            raise AssertionError('%s\nExpected: %s%s' % (
                problem, _CallList(calls), actual)) from cause
        remaining = list(seen)
        missing = []
        for expected in wanted:
            try:
                remaining.remove(expected)
            except ValueError:
                missing.append(expected)
        if missing:
            raise AssertionError(
                '%r does not contain all of %r in its call list, found %r '
                'instead' % (self._mock_name or 'mock', tuple(missing),
                             remaining)) from cause

    def assert_any_call(self, *args, **kwargs):
        """Fail unless some call, not just the latest, had these
        arguments."""
        wanted = self._call_matcher(_Call((args, kwargs), two=True))
        cause = wanted if isinstance(wanted, Exception) else None
        seen = [self._call_matcher(c) for c in self.call_args_list]
        if cause or wanted not in _AnyComparer(seen):
            raise AssertionError('%s call not found' %
                                 self._format_mock_call_signature(
                                     args, kwargs)) from cause

    def _get_child_mock(self, **kw):
        """Make a child mock (attribute or return value) of the right
        class: async names of an async spec get an AsyncMock, a sealed
        mock refuses, and otherwise the child matches its parent."""
        new_name = kw.get('_new_name')
        if new_name in self.__dict__['_spec_asyncs']:
            return AsyncMock(**kw)
        if self._mock_sealed:
            suffix = '.%s' % kw['name'] if 'name' in kw else '()'
            raise AttributeError(self._extract_mock_name() + suffix)
        own_type = type(self)
        if issubclass(own_type, MagicMock) and \
                new_name in _async_method_magics:
            klass = AsyncMock
        elif issubclass(own_type, AsyncMockMixin):
            if new_name in _all_sync_magics or (
                    self._mock_methods and new_name in self._mock_methods):
                klass = MagicMock
            else:
                klass = AsyncMock
        elif not issubclass(own_type, CallableMixin):
            if issubclass(own_type, NonCallableMagicMock):
                klass = MagicMock
            else:
                klass = Mock
        else:
            # The private class's base is the class the user asked for.
            klass = own_type.__mro__[1]
        return klass(**kw)


class _AnyComparer(list):
    """`x in seen` with x on the left of ==, so that ANY inside the
    expected call is the one asked."""

    def __contains__(self, item):
        for element in self:
            if item == element:
                return True
        return False


class _MockIterator:
    """Iterates a side_effect held by an autospec delegate."""

    def __init__(self, values):
        self.obj = iter(values)

    def __next__(self):
        return next(self.obj)


def _magic_method(name, func):
    """Wrap a plain function assigned as a special method of a mock so
    that it is called with the mock first."""
    def method(self, *args, **kw):
        return func(self, *args, **kw)
    method.__name__ = name
    return method


class CallableMixin(_MockBase):
    """What makes a mock callable: recording and answering calls."""

    def __init__(self, spec=None, side_effect=None, return_value=DEFAULT,
                 wraps=None, name=None, spec_set=None, parent=None,
                 _spec_state=None, _new_name='', _new_parent=None, **kwargs):
        self.__dict__['_mock_return_value'] = return_value
        super().__init__(spec, wraps, name, spec_set, parent, _spec_state,
                         _new_name, _new_parent, **kwargs)
        self.side_effect = side_effect

    def _mock_check_sig(self, *args, **kwargs):
        # Replaced per class by create_autospec to check call arguments.
        pass

    def __call__(self, *args, **kwargs):
        self._mock_check_sig(*args, **kwargs)
        self._increment_mock_call(*args, **kwargs)
        return self._mock_call(*args, **kwargs)

    def _mock_call(self, *args, **kwargs):
        return self._execute_mock_call(*args, **kwargs)

    def _increment_mock_call(self, *args, **kwargs):
        self.called = True
        self.call_count += 1
        record = _Call((args, kwargs), two=True)
        self.call_args = record
        self.call_args_list.append(record)

        # Walk up the parents.  method_calls follow attribute links only
        # (a return value ends them); mock_calls follow every link, the
        # name growing by one step ('.name' or '()') per level.
        method_name = self._mock_name
        record_methods = self._mock_parent is not None
        chain_name = self._mock_new_name
        ends_in_call = chain_name == '()'
        self.mock_calls.append(_Call(('', args, kwargs)))
        ancestor = self._mock_new_parent
        while ancestor is not None:
            if record_methods:
                ancestor.method_calls.append(
                    _Call((method_name, args, kwargs)))
                record_methods = ancestor._mock_parent is not None
                if record_methods:
                    method_name = ancestor._mock_name + '.' + method_name
            ancestor.mock_calls.append(_Call((chain_name, args, kwargs)))
            if ancestor._mock_new_name:
                joiner = '' if ends_in_call else '.'
                ends_in_call = ancestor._mock_new_name == '()'
                chain_name = ancestor._mock_new_name + joiner + chain_name
            ancestor = ancestor._mock_new_parent

    def _execute_mock_call(self, *args, **kwargs):
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            if not _callable(effect):
                result = next(effect)
                if _is_exception(result):
                    raise result
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_delegate is not None and \
                self._mock_delegate.return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            return self._mock_wraps(*args, **kwargs)
        return self.return_value


class Mock(CallableMixin, NonCallableMock):
    """A callable mock: calling it records the call and returns
    `return_value` (a child mock unless set), or applies `side_effect`."""


# ---------------------------------------------------------------------------
# Mocks with special methods

class _MagicSlot:
    """Class attribute standing for one special method of a MagicMock:
    the child mock for it is made the first time it is looked up."""

    def __init__(self, name, owner):
        self.name = name
        self.owner = owner

    def create_mock(self):
        owner = self.owner
        method = owner._get_child_mock(name=self.name, _new_name=self.name,
                                       _new_parent=owner)
        setattr(owner, self.name, method)
        _give_default_behaviour(owner, method, self.name)
        return method

    def __get__(self, obj, owner_type=None):
        return self.create_mock()


class MagicMixin(_MockBase):
    """Gives a mock every supported special method, each with a
    sensible default (len 0, iteration over nothing, truth, ...)."""

    def __init__(self, *args, **kw):
        # Once before __init__ so that configure_mock can reach the
        # special methods, once after because a spec may remove some.
        self._mock_set_magics()
        super().__init__(*args, **kw)
        self._mock_set_magics()

    def _mock_set_magics(self):
        wanted = _magics | _async_method_magics
        private = type(self)
        allowed = getattr(self, '_mock_methods', None)
        if allowed is not None:
            keep = wanted.intersection(allowed)
            for name in wanted - keep:
                if name in private.__dict__:
                    delattr(self, name)
            wanted = keep
        for name in wanted - set(private.__dict__):
            setattr(private, name, _MagicSlot(name, self))


class NonCallableMagicMock(MagicMixin, NonCallableMock):
    """A MagicMock that cannot be called."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class AsyncMagicMixin(MagicMixin):
    pass


class MagicMock(MagicMixin, Mock):
    """A Mock with the special methods configured: it can be used as a
    container, context manager, number, iterator and so on."""

    def mock_add_spec(self, spec, spec_set=False):
        self._mock_add_spec(spec, spec_set)
        self._mock_set_magics()


class PropertyMock(Mock):
    """A mock meant to be a property on a class: reading the attribute
    calls it with no arguments, assigning calls it with the value."""

    def _get_child_mock(self, **kwargs):
        return MagicMock(**kwargs)

    def __get__(self, obj, obj_type=None):
        return self()

    def __set__(self, obj, value):
        self(value)


# ---------------------------------------------------------------------------
# Async mocks

class AsyncMockMixin(_MockBase):
    """Calling the mock returns a coroutine; awaiting it records an await
    and produces the result a plain call would have."""

    await_count = _state_property('await_count')
    await_args = _state_property('await_args')
    await_args_list = _state_property('await_args_list')

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = self.__dict__
        own['_mock_await_count'] = 0
        own['_mock_await_args'] = None
        own['_mock_await_args_list'] = _CallList()
        # Make inspect.iscoroutinefunction() (and asyncio's) say yes.
        own['_is_coroutine_marker'] = getattr(inspect, '_COROUTINE_TAG', None)
        own['_is_coroutine'] = _asyncio_marker()

    async def _execute_mock_call(self, *args, **kwargs):
        record = _Call((args, kwargs), two=True)
        self.await_count += 1
        self.await_args = record
        self.await_args_list.append(record)
        effect = self.side_effect
        if effect is not None:
            if _is_exception(effect):
                raise effect
            if not _callable(effect):
                try:
                    result = next(effect)
                except StopIteration:
                    # StopIteration cannot leave a coroutine.
                    raise StopAsyncIteration
                if _is_exception(result):
                    raise result
            elif inspect.iscoroutinefunction(effect):
                result = await effect(*args, **kwargs)
            else:
                result = effect(*args, **kwargs)
            if result is not DEFAULT:
                return result
        if self._mock_return_value is not DEFAULT:
            return self.return_value
        if self._mock_wraps is not None:
            if inspect.iscoroutinefunction(self._mock_wraps):
                return await self._mock_wraps(*args, **kwargs)
            return self._mock_wraps(*args, **kwargs)
        return self.return_value

    def _who(self):
        return self._mock_name or 'mock'

    def assert_awaited(self):
        """Fail unless the mock was awaited at least once."""
        if self.await_count == 0:
            raise AssertionError(
                'Expected %s to have been awaited.' % self._who())

    def assert_awaited_once(self):
        """Fail unless the mock was awaited exactly once."""
        if self.await_count != 1:
            raise AssertionError(
                'Expected %s to have been awaited once. Awaited %s times.'
                % (self._who(), self.await_count))

    def assert_awaited_with(self, *args, **kwargs):
        """Fail unless the latest await had these arguments."""
        if self.await_args is None:
            wanted = self._format_mock_call_signature(args, kwargs)
            raise AssertionError('Expected await: %s\nNot awaited' % wanted)
        wanted = self._call_matcher(_Call((args, kwargs), two=True))
        actual = self._call_matcher(self.await_args)
        if actual != wanted:
            cause = wanted if isinstance(wanted, Exception) else None
            raise AssertionError(self._format_mock_failure_message(
                args, kwargs, action='await')) from cause

    def assert_awaited_once_with(self, *args, **kwargs):
        """Fail unless awaited exactly once, with these arguments."""
        if self.await_count != 1:
            raise AssertionError(
                'Expected %s to have been awaited once. Awaited %s times.'
                % (self._who(), self.await_count))
        return self.assert_awaited_with(*args, **kwargs)

    def assert_any_await(self, *args, **kwargs):
        """Fail unless some await had these arguments."""
        wanted = self._call_matcher(_Call((args, kwargs), two=True))
        cause = wanted if isinstance(wanted, Exception) else None
        seen = [self._call_matcher(c) for c in self.await_args_list]
        if cause or wanted not in _AnyComparer(seen):
            raise AssertionError('%s await not found' %
                                 self._format_mock_call_signature(
                                     args, kwargs)) from cause

    def assert_has_awaits(self, calls, any_order=False):
        """The await counterpart of assert_has_calls."""
        wanted = [self._call_matcher(c) for c in calls]
        cause = next((w for w in wanted if isinstance(w, Exception)), None)
        seen = _CallList(self._call_matcher(c) for c in self.await_args_list)
        if not any_order:
            if wanted not in seen:
                if cause is None:
                    problem = 'Awaits not found.'
                else:
                    problem = ('Error processing expected awaits.\n'
                               'Errors: %s' % (
                                   [w if isinstance(w, Exception) else None
                                    for w in wanted],))
                raise AssertionError('%s\nExpected: %s\nActual: %s' % (
                    problem, _CallList(calls), self.await_args_list)) \
                    from cause
            return
        remaining = list(seen)
        missing = []
        for expected in wanted:
            try:
                remaining.remove(expected)
            except ValueError:
                missing.append(expected)
        if missing:
            raise AssertionError('%r not all found in await list' %
                                 (tuple(missing),)) from cause

    def assert_not_awaited(self):
        """Fail if the mock was awaited at all."""
        if self.await_count != 0:
            raise AssertionError(
                'Expected %s to not have been awaited. Awaited %s times.'
                % (self._who(), self.await_count))

    def reset_mock(self, *args, **kwargs):
        super().reset_mock(*args, **kwargs)
        self.await_count = 0
        self.await_args = None
        self.await_args_list = _CallList()


def _asyncio_marker():
    # asyncio.iscoroutinefunction() looks for this marker; asyncio is only
    # consulted when it is already loaded.
    coroutines = sys.modules.get('asyncio.coroutines')
    return getattr(coroutines, '_is_coroutine', None)


class AsyncMock(AsyncMockMixin, AsyncMagicMixin, Mock):
    """A mock whose calls return awaitables; its children are AsyncMocks
    too, except for special methods, which are MagicMocks."""


# ---------------------------------------------------------------------------
# Sealing

def seal(mock):
    """Stop [mock] and its children from growing: reading an attribute
    that was not configured raises AttributeError from now on."""
    mock._mock_sealed = True
    for attr in dir(mock):
        try:
            child = getattr(mock, attr)
        except AttributeError:
            continue
        if not isinstance(child, NonCallableMock):
            continue
        if isinstance(child._mock_children.get(attr), _SpecLater):
            continue
        if child._mock_new_parent is mock:
            seal(child)


from unittest._mock_patch import (  # noqa: E402  (needs the classes above)
    patch, create_autospec, mock_open, _patch, _patch_dict,
    _get_target, _importer,
)
