"""patch(), create_autospec() and mock_open() for unittest.mock.

Design notes
------------
A patcher (`_patch`) knows how to find its target lazily (a getter, so a
dotted string is only imported when the patch starts), which attribute to
replace and what to replace it with.  Starting it swaps the attribute and
remembers whether the original lived in the target's own __dict__: only
then is it put back on stop; an inherited or created attribute is deleted
instead.  The same object works as a context manager, as start()/stop()
and as a decorator: decorating a function that is already patched only
appends to its `patchings` list, so one wrapper enters every patch in
order (innermost decorator first) and appends the new mocks to the
positional arguments in that order.

create_autospec() builds a mock whose attributes follow the spec's and
whose calls are checked against the spec's signatures.  Functions are
replaced by real functions (so that introspection sees a function) that
check the arguments and forward to a mock kept in their `mock` attribute;
the mock's call state is delegated to that function.  Attributes that are
not functions become `_SpecLater` placeholders, autospecced on first use,
which keeps deep or cyclic object graphs cheap.

This module is imported at the end of unittest/mock.py and uses the
classes defined there.
"""

import contextlib
import functools
import inspect
import io
import sys
from types import FunctionType, ModuleType

from unittest.mock import (
    DEFAULT, AsyncMock, CallableMixin, InvalidSpecError, MagicMock,
    NonCallableMagicMock, NonCallableMock, _CallList, _FUNCTION_KINDS,
    _SpecLater, _callable, _instance_callable, _is_async_func, _is_async_obj,
    _is_instance_mock, _is_list, _is_magic, _signature_of,
)

_BUILTIN_NAMES = {'open', 'print', '__import__'}


def _importer(target):
    """The object named by the dotted path [target]: the longest prefix
    that imports as a module, then attributes from there."""
    parts = target.split('.')
    found = __import__(parts[0])
    done = parts[0]
    for part in parts[1:]:
        done += '.' + part
        try:
            found = getattr(found, part)
        except AttributeError:
            # A submodule not imported yet by its package.
            __import__(done)
            found = getattr(found, part)
    return found


def _get_target(target):
    try:
        owner, attribute = target.rsplit('.', 1)
    except (TypeError, ValueError, AttributeError):
        raise TypeError(
            f'Need a valid target to patch. You supplied: {target!r}')
    return (lambda: _importer(owner)), attribute


class _patch:
    """One attribute replacement; see the module notes."""

    attribute_name = None
    _active_patches = []

    def __init__(self, getter, attribute, new, spec, create, spec_set,
                 autospec, new_callable, kwargs, *, unsafe=False):
        if new_callable is not None:
            if new is not DEFAULT:
                raise ValueError(
                    "Cannot use 'new' and 'new_callable' together")
            if autospec is not None:
                raise ValueError(
                    "Cannot use 'autospec' and 'new_callable' together")
        if not unsafe:
            _reject_spec_typos(kwargs)
        if _is_instance_mock(spec):
            raise InvalidSpecError(
                f'Cannot spec attr {attribute!r} as the spec has already '
                f'been mocked out. [spec={spec!r}]')
        if _is_instance_mock(spec_set):
            raise InvalidSpecError(
                f'Cannot spec attr {attribute!r} as the spec_set target has '
                f'already been mocked out. [spec_set={spec_set!r}]')
        self.getter = getter
        self.attribute = attribute
        self.new = new
        self.new_callable = new_callable
        self.spec = spec
        self.create = create
        self.has_local = False
        self.spec_set = spec_set
        self.autospec = autospec
        self.kwargs = kwargs
        self._companions = []
        self.unsafe = unsafe

    def copy(self):
        twin = _patch(self.getter, self.attribute, self.new, self.spec,
                      self.create, self.spec_set, self.autospec,
                      self.new_callable, self.kwargs, unsafe=self.unsafe)
        twin.attribute_name = self.attribute_name
        twin._companions = [p.copy()
                                    for p in self._companions]
        return twin

    def __call__(self, func):
        if isinstance(func, type):
            wrap = self.decorate_class
        elif inspect.iscoroutinefunction(func):
            wrap = self.decorate_async_callable
        else:
            wrap = self.decorate_callable
        return wrap(func)

    def decorate_class(self, klass):
        # Every test method gets a patch of its own (a copy of this one).
        for attr in dir(klass):
            value = getattr(klass, attr)
            if attr.startswith(patch.TEST_PREFIX) and callable(value):
                setattr(klass, attr, self.copy()(value))
        return klass

    @contextlib.contextmanager
    def _entered_patches(self, wrapper, args, kwargs):
        # Enter every patch of [wrapper]; made mocks become extra
        # positional arguments, patch.multiple ones keyword arguments.
        appended = []
        with contextlib.ExitStack() as stack:
            for one in wrapper.patchings:
                made = stack.enter_context(one)
                if one.attribute_name is None:
                    if one.new is DEFAULT:
                        appended.append(made)
                else:
                    kwargs.update(made)
            yield args + tuple(appended), kwargs

    def _join_existing(self, func):
        # A function already wrapped by patch gets one more entry in its
        # list instead of a second wrapper.
        known = getattr(func, 'patchings', None)
        if known is None:
            return False
        known.append(self)
        return True

    def decorate_callable(self, func):
        if self._join_existing(func):
            return func

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self._entered_patches(wrapper, args, kwargs) as (a, kw):
                return func(*a, **kw)

        wrapper.patchings = [self]
        return wrapper

    def decorate_async_callable(self, func):
        if self._join_existing(func):
            return func

        @functools.wraps(func)
        async def wrapper(*args, **kwargs):
            with self._entered_patches(wrapper, args, kwargs) as (a, kw):
                return await func(*a, **kw)

        wrapper.patchings = [self]
        return wrapper

    def get_original(self):
        target = self.getter()
        name = self.attribute
        try:
            original = target.__dict__[name]
            local = True
        except (AttributeError, KeyError):
            original = getattr(target, name, DEFAULT)
            local = False
        if name in _BUILTIN_NAMES and isinstance(target, ModuleType):
            # A module may use a builtin it does not define itself.
            self.create = True
        if not self.create and original is DEFAULT:
            raise AttributeError(
                '%s does not have the attribute %r' % (target, name))
        return original, local

    def _make_replacement(self, original):
        """The mock that replaces [original] when no `new` was given."""
        spec, spec_set = self.spec, self.spec_set
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if spec is True:
            spec = original
            if spec_set is True:
                spec_set, spec = original, None
        elif spec is not None:
            if spec_set is True:
                spec_set, spec = spec, None
        elif spec_set is True:
            spec_set = original
        inherit = False
        if spec is not None or spec_set is not None:
            if original is DEFAULT:
                raise TypeError("Can't use 'spec' with create=True")
            inherit = isinstance(original, type)
        if spec is None and _is_async_obj(original):
            klass = AsyncMock
        else:
            klass = MagicMock
        options = {}
        if self.new_callable is not None:
            klass = self.new_callable
        elif spec is not None or spec_set is not None:
            chosen = spec_set if spec_set is not None else spec
            if _is_list(chosen):
                not_callable = '__call__' not in chosen
            else:
                not_callable = not callable(chosen)
            if _is_async_func(chosen):
                klass = AsyncMock
            elif not_callable:
                klass = NonCallableMagicMock
        if spec is not None:
            options['spec'] = spec
        if spec_set is not None:
            options['spec_set'] = spec_set
        if isinstance(klass, type) and issubclass(klass, NonCallableMock) \
                and self.attribute:
            options['name'] = self.attribute
        options.update(self.kwargs)
        new = klass(**options)
        if inherit and _is_instance_mock(new):
            # Patching a class with a spec: its instances follow it too.
            chosen = spec_set if spec_set is not None else spec
            if not _is_list(chosen) and not _instance_callable(chosen):
                klass = NonCallableMagicMock
            options.pop('name')
            new.return_value = klass(_new_parent=new, _new_name='()',
                                     **options)
        return new

    def __enter__(self):
        new, autospec = self.new, self.autospec
        self.target = self.getter()
        spec, spec_set = self.spec, self.spec_set
        if spec is False:
            spec = None
        if spec_set is False:
            spec_set = None
        if autospec is False:
            autospec = None
        if spec is not None and autospec is not None:
            raise TypeError("Can't specify spec and autospec")
        if (spec is not None or autospec is not None) and \
                spec_set not in (True, None):
            raise TypeError(
                "Can't provide explicit spec_set *and* spec or autospec")
        original, local = self.get_original()
        if new is DEFAULT and autospec is None:
            new = self._make_replacement(original)
        elif autospec is not None:
            if new is not DEFAULT:
                raise TypeError("autospec creates the mock for you. Can't "
                                "specify autospec and new.")
            if original is DEFAULT:
                raise TypeError("Can't use 'autospec' with create=True")
            if autospec is True:
                autospec = original
            if _is_instance_mock(self.target):
                raise InvalidSpecError(
                    f'Cannot autospec attr {self.attribute!r} as the patch '
                    f'target has already been mocked out. '
                    f'[target={self.target!r}, attr={autospec!r}]')
            if _is_instance_mock(autospec):
                where = getattr(self.target, '__name__', self.target)
                raise InvalidSpecError(
                    f'Cannot autospec attr {self.attribute!r} from target '
                    f'{where!r} as it has already been mocked out. '
                    f'[target={self.target!r}, attr={autospec!r}]')
            new = create_autospec(autospec, spec_set=bool(spec_set),
                                  _name=self.attribute, **self.kwargs)
        elif self.kwargs:
            raise TypeError("Can't pass kwargs to a mock we aren't creating")
        self._saved = original
        self._was_own = local
        self._nested = contextlib.ExitStack()
        try:
            setattr(self.target, self.attribute, new)
            if self.attribute_name is None:
                return new
            made = {}
            if self.new is DEFAULT:
                made[self.attribute_name] = new
            for extra in self._companions:
                more = self._nested.enter_context(extra)
                if extra.new is DEFAULT:
                    made.update(more)
            return made
        except BaseException:
            if not self.__exit__(*sys.exc_info()):
                raise

    def __exit__(self, *exc_info):
        if self._was_own and self._saved is not DEFAULT:
            setattr(self.target, self.attribute, self._saved)
        else:
            delattr(self.target, self.attribute)
            if not self.create and (
                    not hasattr(self.target, self.attribute) or
                    self.attribute in ('__doc__', '__module__',
                                       '__defaults__', '__annotations__',
                                       '__kwdefaults__')):
                # The attribute was inherited or special: put it back.
                setattr(self.target, self.attribute, self._saved)
        del self._saved
        del self._was_own
        del self.target
        stack = self._nested
        del self._nested
        return stack.__exit__(*exc_info)

    def start(self):
        """Start the patch; stop() (or patch.stopall()) undoes it."""
        entered = self.__enter__()
        _patch._active_patches.append(self)
        return entered

    def stop(self):
        """Undo a patch made with start()."""
        try:
            self._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _reject_spec_typos(kwargs):
    for word in ('autospect', 'auto_spec', 'set_spec'):
        if word in kwargs:
            raise RuntimeError(
                f'{word!r} might be a typo; use unsafe=True if this is '
                f'intended')


def _patch_object(target, attribute, new=DEFAULT, spec=None, create=False,
                  spec_set=None, autospec=None, new_callable=None, *,
                  unsafe=False, **kwargs):
    """Patch the attribute [attribute] of the object [target]."""
    if type(target) is str:
        raise TypeError(
            f'{target!r} must be the actual object to be patched, not a str')
    return _patch(lambda: target, attribute, new, spec, create, spec_set,
                  autospec, new_callable, kwargs, unsafe=unsafe)


def _patch_multiple(target, spec=None, create=False, spec_set=None,
                    autospec=None, new_callable=None, **kwargs):
    """Patch several attributes of [target] at once, one per keyword;
    DEFAULT as a value makes a mock, passed to a decorated function as a
    keyword argument of that name."""
    if type(target) is str:
        getter = lambda: _importer(target)
    else:
        getter = lambda: target
    if not kwargs:
        raise ValueError(
            'Must supply at least one keyword argument with patch.multiple')
    pairs = list(kwargs.items())
    first = None
    for attribute, new in pairs:
        one = _patch(getter, attribute, new, spec, create, spec_set,
                     autospec, new_callable, {})
        one.attribute_name = attribute
        if first is None:
            first = one
        else:
            first._companions.append(one)
    return first


def patch(target, new=DEFAULT, spec=None, create=False, spec_set=None,
          autospec=None, new_callable=None, *, unsafe=False, **kwargs):
    """Replace the object named by the dotted path [target] with [new]
    (a MagicMock by default) while a decorated function or a with block
    runs, or between start() and stop()."""
    getter, attribute = _get_target(target)
    return _patch(getter, attribute, new, spec, create, spec_set, autospec,
                  new_callable, kwargs, unsafe=unsafe)


class _patch_dict:
    """Set keys of a dictionary (or mapping-like object) for a while and
    restore its whole previous contents afterwards."""

    def __init__(self, in_dict, values=(), clear=False, **kwargs):
        self.in_dict = in_dict
        self.values = {**dict(values), **kwargs}
        self.clear = clear
        self._original = None

    def __call__(self, f):
        if isinstance(f, type):
            return self.decorate_class(f)
        if inspect.iscoroutinefunction(f):
            @functools.wraps(f)
            async def patched_async(*args, **kw):
                self._patch_dict()
                try:
                    return await f(*args, **kw)
                finally:
                    self._unpatch_dict()
            return patched_async

        @functools.wraps(f)
        def patched(*args, **kw):
            self._patch_dict()
            try:
                return f(*args, **kw)
            finally:
                self._unpatch_dict()
        return patched

    def decorate_class(self, klass):
        for attr in dir(klass):
            value = getattr(klass, attr)
            if attr.startswith(patch.TEST_PREFIX) and \
                    hasattr(value, '__call__'):
                twin = _patch_dict(self.in_dict, self.values, self.clear)
                setattr(klass, attr, twin(value))
        return klass

    def __enter__(self):
        self._patch_dict()
        return self.in_dict

    def _patch_dict(self):
        if isinstance(self.in_dict, str):
            self.in_dict = _importer(self.in_dict)
        target = self.in_dict
        try:
            saved = target.copy()
        except AttributeError:
            saved = {key: target[key] for key in target}
        self._original = saved
        if self.clear:
            _clear_dict(target)
        _update_dict(target, self.values)

    def _unpatch_dict(self):
        _clear_dict(self.in_dict)
        _update_dict(self.in_dict, self._original)

    def __exit__(self, *args):
        if self._original is not None:
            self._unpatch_dict()
        return False

    def start(self):
        entered = self.__enter__()
        _patch._active_patches.append(self)
        return entered

    def stop(self):
        try:
            _patch._active_patches.remove(self)
        except ValueError:
            return None
        return self.__exit__(None, None, None)


def _update_dict(target, values):
    try:
        target.update(values)
    except AttributeError:
        for key in values:
            target[key] = values[key]


def _clear_dict(target):
    try:
        target.clear()
    except AttributeError:
        for key in list(target):
            del target[key]


def _patch_stopall():
    """Stop every patch started with start(), newest first."""
    for patcher in reversed(_patch._active_patches):
        patcher.stop()


# The variants hang off patch itself: patch.object(...), patch.dict(...).
for _alias, _variant in (('object', _patch_object), ('dict', _patch_dict),
                         ('multiple', _patch_multiple),
                         ('stopall', _patch_stopall), ('TEST_PREFIX', 'test')):
    setattr(patch, _alias, _variant)
del _alias, _variant


# ---------------------------------------------------------------------------
# Autospec

def _install_signature_check(spec, mock, skipfirst, instance=False):
    """Make calls to [mock] raise TypeError when they do not fit the
    signature of [spec]."""
    found = _signature_of(spec, instance, skipfirst)
    if found is None:
        return
    signature = found[1]

    def check(self, *args, **kwargs):
        signature.bind(*args, **kwargs)

    type(mock)._mock_check_sig = check
    type(mock).__signature__ = signature


def _function_double(mock, original):
    """A real function with [original]'s name and signature that checks
    its arguments and forwards to [mock]."""
    found = _signature_of(original, False, isinstance(original, type))
    if found is None:
        return mock
    signature = found[1]

    def double(*args, **kwargs):
        signature.bind(*args, **kwargs)
        return mock(*args, **kwargs)

    # Named after the original (when that is a plain name, not
    # '<lambda>'), but documented and owned by no module, like the
    # generated function it stands for.
    name = getattr(original, '__name__', '')
    if not (isinstance(name, str) and name.isidentifier()):
        name = 'funcopy'
    double.__name__ = double.__qualname__ = name
    double.__doc__ = double.__module__ = None
    double.__signature__ = signature
    _share_mock_state(double, mock)
    return double


def _share_mock_state(double, mock):
    # The function carries the call state; the mock reads and writes it
    # through its delegate (see _state_property in mock.py).
    double.mock = mock
    double.called = False
    double.call_count = 0
    double.call_args = None
    double.call_args_list = _CallList()
    double.method_calls = _CallList()
    double.mock_calls = _CallList()
    double.return_value = mock.return_value
    double.side_effect = mock.side_effect
    double._mock_children = mock._mock_children
    for name in ('assert_called_with', 'assert_called_once_with',
                 'assert_has_calls', 'assert_any_call', 'assert_called',
                 'assert_not_called', 'assert_called_once'):
        setattr(double, name, getattr(mock, name))

    def reset_mock():
        double.method_calls = _CallList()
        double.mock_calls = _CallList()
        mock.reset_mock()
        returned = double.return_value
        if _is_instance_mock(returned) and returned is not mock:
            returned.reset_mock()

    double.reset_mock = reset_mock
    mock._mock_delegate = double


def _share_async_state(double, mock):
    double.await_count = 0
    double.await_args = None
    double.await_args_list = _CallList()
    for name in ('assert_awaited', 'assert_awaited_once',
                 'assert_awaited_with', 'assert_awaited_once_with',
                 'assert_any_await', 'assert_has_awaits',
                 'assert_not_awaited'):
        setattr(double, name, getattr(mock, name))
    inspect.markcoroutinefunction(double)


def _method_needs_self(spec, entry, is_type):
    """Whether the attribute [entry] of [spec] is a plain function whose
    first parameter the mock must not expect (it is bound on use)."""
    if not isinstance(spec, type):
        if entry in getattr(spec, '__dict__', {}):
            return False
        spec = type(spec)
    for klass in spec.__mro__:
        found = klass.__dict__.get(entry, DEFAULT)
        if found is DEFAULT:
            continue
        if isinstance(found, (staticmethod, classmethod)):
            return False
        if isinstance(found, _FUNCTION_KINDS):
            return is_type
        return False
    return is_type


def create_autospec(spec, spec_set=False, instance=False, _parent=None,
                    _name=None, *, unsafe=False, **kwargs):
    """A mock shaped like [spec]: the same attributes, and calls checked
    against the same signatures.  With instance=True a class spec gives
    a mock of an instance of it."""
    if _is_list(spec):
        spec = type(spec)
    is_type = isinstance(spec, type)
    if _is_instance_mock(spec):
        raise InvalidSpecError(
            f'Cannot autospec a Mock object. [object={spec!r}]')
    is_async = _is_async_func(spec)
    options = {'spec': spec}
    if spec_set:
        options = {'spec_set': spec}
    elif spec is None:
        options = {}
    if options and instance:
        options['_spec_as_instance'] = True
    if not unsafe:
        _reject_spec_typos(kwargs)
    options.update(kwargs)

    klass = MagicMock
    if inspect.isdatadescriptor(spec):
        options = {}
    elif is_type and instance and not _instance_callable(spec):
        klass = NonCallableMagicMock
    elif not _callable(spec):
        klass = NonCallableMagicMock
    if is_async and not instance:
        klass = AsyncMock
    name = options.pop('name', _name)
    new_name = name if _parent is not None else ''
    mock = klass(parent=_parent, _new_parent=_parent, _new_name=new_name,
                 name=name, **options)
    if isinstance(spec, FunctionType):
        mock = _function_double(mock, spec)
        if is_async:
            _share_async_state(mock, mock.mock)
    else:
        try:
            _install_signature_check(spec, mock, is_type, instance)
        except (TypeError, ValueError):
            pass
    if _parent is not None and not instance:
        _parent._mock_children[name] = mock
    if is_type and not instance and 'return_value' not in kwargs:
        mock.return_value = create_autospec(spec, spec_set, instance=True,
                                            _name='()', _parent=mock)
    for entry in dir(spec):
        if _is_magic(entry):
            continue
        try:
            original = getattr(spec, entry)
        except AttributeError:
            continue
        child_options = {'spec_set' if spec_set else 'spec': original}
        if not isinstance(original, _FUNCTION_KINDS):
            child = _SpecLater(original, spec_set, mock, entry, instance)
            mock._mock_children[entry] = child
            continue
        parent = mock.mock if isinstance(spec, FunctionType) else mock
        skip_first = _method_needs_self(spec, entry, is_type)
        child_options['_eat_self'] = skip_first
        if inspect.iscoroutinefunction(original):
            child_klass = AsyncMock
        else:
            child_klass = MagicMock
        child = child_klass(parent=parent, name=entry, _new_name=entry,
                            _new_parent=parent, **child_options)
        mock._mock_children[entry] = child
        child.return_value = child_klass()
        _install_signature_check(original, child, skipfirst=skip_first)
    return mock


# ---------------------------------------------------------------------------
# mock_open

_file_methods = None


def _file_spec():
    global _file_methods
    if _file_methods is None:
        _file_methods = sorted(set(dir(io.TextIOWrapper)) |
                               set(dir(io.BytesIO)))
    return _file_methods


def _stream_over(data):
    if isinstance(data, bytes):
        return io.BytesIO(data)
    return io.StringIO(data)


def mock_open(mock=None, read_data=''):
    """A mock for the builtin open(): the handle it returns serves
    [read_data] through read, readline, readlines and iteration, and
    records writes.  Every call to open starts the data over."""
    state = {'stream': _stream_over(read_data), 'lines': None}

    def serving(method):
        def effect(*args, **kwargs):
            fixed = getattr(handle, method).return_value
            if fixed is None:
                return getattr(state['stream'], method)(*args, **kwargs)
            return fixed
        return effect

    read_effect = serving('read')
    readlines_effect = serving('readlines')

    def lines_then_blank(*args, **kwargs):
        yield from iterate_effect()
        while True:
            yield state['stream'].readline(*args, **kwargs)

    def iterate_effect():
        fixed = handle.readline.return_value
        if fixed is not None:
            while True:
                yield fixed
        for line in state['stream']:
            yield line

    def next_effect():
        fixed = handle.readline.return_value
        if fixed is not None:
            return fixed
        return next(state['stream'])

    if mock is None:
        mock = MagicMock(name='open', spec=open)
    handle = MagicMock(spec=_file_spec())
    handle.__enter__.return_value = handle
    # None means "not overridden by the test": the effects then serve
    # the data.
    for method in ('write', 'read', 'readline', 'readlines'):
        getattr(handle, method).return_value = None
    handle.read.side_effect = read_effect
    state['lines'] = lines_then_blank()
    handle.readline.side_effect = state['lines']
    handle.readlines.side_effect = readlines_effect
    handle.__iter__.side_effect = iterate_effect
    handle.__next__.side_effect = next_effect

    def start_over(*args, **kwargs):
        state['stream'] = _stream_over(read_data)
        if handle.readline.side_effect == state['lines']:
            state['lines'] = lines_then_blank()
            handle.readline.side_effect = state['lines']
        return DEFAULT

    mock.side_effect = start_over
    mock.return_value = handle
    return mock
