"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, verify.

Design notes
------------
Everything hangs off one metaclass, EnumType.  Its __prepare__ gives the class
body a _BodyNamespace, a dict that sorts each assignment as it happens: names
that become members (kept in order, auto() resolved on the spot), names that
stay plain attributes (descriptors, dunders, _ignore_d names, nonmember()),
and the few reserved _sunder_ settings.  EnumType.__new__ then pulls the
member values out of the namespace, creates the class with type.__new__ and
builds one instance per member.

Lookup tables live on each enum class under the names CPython users know:
_member_names_ (canonical members, iteration order), _member_map_ (every
name, aliases included) and _value2member_map_ (value -> member).  Values that
cannot be hashed are found by a linear scan instead.

Calling an enum class looks a member up; the constructor a class body or a
mixed-in data type supplies is only used while members are built, after
which the class's __new__ becomes the lookup (Enum.__new__).  The builder is
remembered as _new_member_.

Flags keep three more numbers: _flag_mask_ (every bit a member names),
_singles_mask_ (bits named by one-bit members) and _all_bits_ (the mask
rounded up to a full run of ones).  Values that are not members become
pseudo-members, made once by Flag._missing_ and cached in _value2member_map_;
the class's boundary (STRICT, CONFORM, EJECT, KEEP) decides what happens to
bits no member names.

Left out: pickling by name beyond __reduce_ex__, the _add_alias_/_add_value_
helpers of later Pythons, DeprecationWarnings, and dataclass mixins.
"""

import sys

__all__ = [
    'EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag',
    'ReprEnum', 'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
    'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP', 'global_flag_repr',
    'global_enum_repr', 'global_str', 'global_enum', 'EnumCheck', 'CONTINUOUS',
    'NAMED_FLAGS', 'UNIQUE', 'pickle_by_global_name', 'pickle_by_enum_name',
]

# This module defines its own `property` below; keep hold of the builtin.
_builtin_property = property

# The metaclass consults these while the classes themselves are still being
# defined, so they start as None and are filled in as each definition ends.
Enum = ReprEnum = Flag = None
STRICT = CONFORM = EJECT = KEEP = None

# _sunder_ names a class body may set; every other _x_ name is refused.
_RESERVED_SUNDERS = frozenset((
    '_order_', '_ignore_', '_generate_next_value_', '_missing_',
    '_numeric_repr_', '_value_', '_name_', '_iter_member_',
    '_iter_member_by_value_', '_iter_member_by_def_',
))


def _looks_dunder(name):
    return (len(name) > 4 and name.startswith('__') and name.endswith('__')
            and name[2] != '_' and name[-3] != '_')


def _looks_sunder(name):
    return (len(name) > 2 and name[0] == '_' == name[-1]
            and name[1] != '_' and name[-2] != '_')


def _is_mangled_private(class_name, name):
    # `__secret` in a class body arrives here already mangled to
    # `_Class__secret`; such names never become members.
    prefix = '_' + class_name.lstrip('_') + '__'
    return (name.startswith(prefix) and len(name) > len(prefix)
            and not name.endswith('__'))


def _binds_like_descriptor(obj):
    kind = type(obj)
    return (hasattr(kind, '__get__') or hasattr(kind, '__set__')
            or hasattr(kind, '__delete__'))


def _one_bit(number):
    return number > 0 and number & (number - 1) == 0


def _popcount(number):
    return bin(number).count('1')


def _split_names(text):
    return text.replace(',', ' ').split()


def _padded_bin(number, width):
    """Binary with a sign digit, as in Flag's error messages: 0b0 0101."""
    if number >= 0:
        return '0b0 ' + format(number, 'b').zfill(width)
    return '0b1 ' + format(number & ((1 << width) - 1), 'b').zfill(width)


class nonmember(object):
    """Wrap a class-body value so that it stays a plain attribute."""

    def __init__(self, value):
        self.value = value


class member(object):
    """Wrap a class-body value (a function, say) so that it becomes a member."""

    def __init__(self, value):
        self.value = value


class _NoValueYet:
    # Shown by repr(auto()) before the class body resolves it.
    def __repr__(self):
        return '_auto_null'


_NO_VALUE = _NoValueYet()


class auto:
    """Placeholder whose value the enum class picks (see _generate_next_value_)."""

    def __init__(self, value=_NO_VALUE):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class property(_builtin_property):
    """An instance property that, read from the class, yields the member of
    the same name, so an enum may have members called `name` or `value`."""

    def __set_name__(self, owner, attr):
        self.name = attr

    def __get__(self, instance, owner=None):
        if instance is not None:
            return _builtin_property.__get__(self, instance, owner)
        found = getattr(owner, '_member_map_', {}).get(self.name)
        if found is None:
            raise AttributeError('%r has no attribute %r' % (owner, self.name))
        return found


def _first_value(name, start, count, last_values):
    """Default auto(): one more than the last value, or [start] at first."""
    if not last_values:
        return start
    last = last_values[-1]
    try:
        highest = max(last_values)
    except TypeError:
        raise TypeError('unable to sort non-numeric values') from None
    # When the last value is not the highest one, keep counting from the
    # highest, so that auto() never repeats an earlier value.
    return (last if last == highest else highest) + 1


class _BodyNamespace(dict):
    """The dict a class body of an enum writes into (see the notes above)."""

    def __init__(self, class_name, next_value):
        super().__init__()
        self.class_name = class_name
        self.next_value = next_value
        self.member_names = []
        self.member_values = []
        self.ignored = ()
        self.auto_used = False

    def _resolve_auto(self, name, item):
        if item.value is _NO_VALUE:
            item.value = self.next_value(name, 1, len(self.member_names),
                                         list(self.member_values))
            self.auto_used = True
        return item.value

    def _set_reserved(self, key, value):
        if key not in _RESERVED_SUNDERS:
            raise ValueError('_sunder_ names, such as %r, are reserved for '
                             'future Enum use' % (key,))
        if key == '_generate_next_value_':
            if self.auto_used:
                raise TypeError('_generate_next_value_ must be defined before members')
            self.next_value = getattr(value, '__func__', value)
        elif key == '_ignore_':
            names = _split_names(value) if isinstance(value, str) else list(value)
            clash = set(names) & set(self.member_names)
            if clash:
                raise ValueError('_ignore_ cannot specify already set names: %r'
                                 % (clash,))
            self.ignored = names

    def __setitem__(self, key, value):
        if key in self.member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        if _is_mangled_private(self.class_name, key):
            pass
        elif _looks_sunder(key):
            self._set_reserved(key, value)
        elif _looks_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self.ignored:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _binds_like_descriptor(value):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            remembered = value
            if isinstance(value, auto):
                value = remembered = self._resolve_auto(key, value)
            elif isinstance(value, tuple):
                parts = []
                for part in value:
                    if isinstance(part, auto):
                        # auto() inside a tuple counts on from the previous
                        # auto() result, not from the whole tuple.
                        part = remembered = self._resolve_auto(key, part)
                    parts.append(part)
                value = tuple(parts)
            self.member_names.append(key)
            self.member_values.append(remembered)
        dict.__setitem__(self, key, value)

    def update(self, other=(), **more):
        pairs = other.items() if hasattr(other, 'items') else other
        for key, value in pairs:
            self[key] = value
        for key, value in more.items():
            self[key] = value


def _refuse_extension(class_name, bases):
    for base in bases:
        for ancestor in base.__mro__:
            if isinstance(ancestor, EnumType) and ancestor._member_names_:
                raise TypeError('<enum %r> cannot extend %r' % (class_name, ancestor))


def _data_type_of(class_name, bases):
    """The non-enum type whose instances the members are (object if none)."""
    found = set()
    for base in bases:
        nearest = None
        for ancestor in base.__mro__:
            if ancestor is object:
                continue
            if isinstance(ancestor, EnumType):
                if ancestor._member_type_ is not object:
                    found.add(ancestor._member_type_)
                    break
            elif '__new__' in ancestor.__dict__:
                # A subclass of the real data type (class MyInt(int)) is
                # the one to use: it may add methods the members need.
                found.add(nearest or ancestor)
                break
            else:
                nearest = nearest or ancestor
    if len(found) > 1:
        raise TypeError('too many data types for %r: %r' % (class_name, found))
    return found.pop() if found else object


def _bases_info(class_name, bases):
    """(data type, nearest enum base) for a class about to be made."""
    if not bases:
        return object, None
    _refuse_extension(class_name, bases)
    last = bases[-1]
    if not isinstance(last, EnumType):
        raise TypeError('new enumerations should be created as '
                        '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
    return _data_type_of(class_name, bases), last


def _member_builder(namespace, data_type, enum_base):
    """(callable, passes_values) used to create each member instance."""
    own = namespace.get('__new__')
    if own is not None:
        return getattr(own, '__func__', own), True
    skip = (None, object.__new__, Enum and Enum.__new__)
    for attr in ('__new_member__', '__new__'):
        for source in (data_type, enum_base):
            candidate = getattr(source, attr, None)
            if candidate not in skip:
                return getattr(candidate, '__func__', candidate), enum_base is not None
    return object.__new__, False


class EnumType(type):
    """The metaclass of every enumeration."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        data_type, enum_base = _bases_info(cls, bases)
        next_value = _first_value
        if enum_base is not None:
            next_value = getattr(enum_base, '_generate_next_value_', _first_value)
        return _BodyNamespace(cls, next_value)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if not isinstance(classdict, _BodyNamespace):
            body = metacls.__prepare__(cls, bases)
            for key, value in classdict.items():
                body[key] = value
            classdict = body
        data_type, enum_base = _bases_info(cls, bases)
        builder, passes_values = _member_builder(classdict, data_type, enum_base)

        names = list(classdict.member_names)
        values = [dict.pop(classdict, name) for name in names]
        for name in classdict.ignored:
            dict.pop(classdict, name, None)
        bad = [name for name in names if name in ('mro', '')]
        if bad:
            raise ValueError('invalid enum member name(s) %s'
                             % ','.join(repr(name) for name in bad))
        order = dict.pop(classdict, '_order_', None)

        attrs = dict(classdict)
        attrs.update(_new_member_=builder, _use_args_=passes_values,
                     _member_names_=[], _member_map_={}, _value2member_map_={},
                     _unhashable_values_=[], _member_type_=data_type)
        if boundary is not None:
            attrs['_boundary_'] = boundary
        if '__new__' in attrs and enum_base is not None:
            attrs['__new_member__'] = attrs['__new__']
        enum_class = type.__new__(metacls, cls, bases, attrs, **kwds)
        _choose_methods(enum_class, attrs, bases, data_type, enum_base)

        is_flag = Flag is not None and issubclass(enum_class, Flag)
        for name, value in zip(names, values):
            _add_member(enum_class, name, value, is_flag)
        if Enum is not None:
            # From now on, calling the class looks members up.
            type.__setattr__(enum_class, '__new__', Enum.__new__)
        if is_flag:
            _measure_flag(enum_class)

        if order is not None:
            if isinstance(order, str):
                order = _split_names(order)
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    def __bool__(cls):
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        if module is None:
            try:
                module = sys._getframe(1).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        return _functional_enum(cls, value, names, module, qualname, type, start,
                                boundary)

    def __contains__(cls, value):
        if not isinstance(value, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(value).__qualname__, type(cls).__qualname__))
        return isinstance(value, cls) and value._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        names = {'__class__', '__contains__', '__doc__', '__getitem__',
                 '__init_subclass__', '__iter__', '__len__', '__members__',
                 '__module__', '__name__', '__qualname__'}
        names.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            names.add('__new__')
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)

    def __getattr__(cls, name):
        # Reached only when ordinary lookup failed; CPython 3.11 reports
        # just the name.
        if not _looks_dunder(name):
            found = cls.__dict__.get('_member_map_', {}).get(name)
            if found is not None:
                return found
        raise AttributeError(name)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        table = cls._member_map_
        return (table[name] for name in cls._member_names_)

    def __reversed__(cls):
        table = cls._member_map_
        return (table[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @_builtin_property
    def __members__(cls):
        return dict(cls._member_map_)

    def __repr__(cls):
        kind = 'flag' if Flag is not None and issubclass(cls, Flag) else 'enum'
        return '<%s %r>' % (kind, cls.__name__)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', ()):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType


def _choose_methods(enum_class, own, bases, data_type, enum_base):
    """Decide which repr/str/format a new enum class uses.

    Inheriting from a data type would otherwise give members int's or str's
    repr(); the enum's own versions win unless the class body wrote its own.
    ReprEnum classes (IntEnum, StrEnum, IntFlag) keep the data type's str()
    and format(), which is their whole point.
    """
    settled = set(own)
    if ReprEnum is not None and ReprEnum in bases:
        if data_type is object:
            raise TypeError('ReprEnum subclasses must be mixed with a data type '
                            '(i.e. int, str, float, etc.)')
        text = data_type.__str__
        if text is object.__str__:
            text = data_type.__repr__
        for attr, method in (('__format__', data_type.__format__), ('__str__', text)):
            if attr not in settled:
                type.__setattr__(enum_class, attr, method)
                settled.add(attr)
    if enum_base is None:
        return
    wanted = [(attr, enum_base) for attr in
              ('__repr__', '__str__', '__format__', '__reduce_ex__')]
    if Flag is not None and issubclass(enum_class, Flag):
        # int's own | & ^ ~ come before Flag's in an IntFlag's MRO.
        wanted += [(attr, Flag) for attr in ('__or__', '__and__', '__xor__', '__ror__',
                                             '__rand__', '__rxor__', '__invert__')]
    for attr, source in wanted:
        if attr in settled:
            continue
        current = getattr(enum_class, attr, None)
        if current is getattr(data_type, attr, None) or current is getattr(object, attr, None):
            type.__setattr__(enum_class, attr, getattr(source, attr))


def _find_member_by_value(enum_class, value):
    try:
        return enum_class._value2member_map_.get(value)
    except TypeError:
        for candidate in enum_class._member_map_.values():
            if candidate._value_ == value:
                return candidate
        return None


def _shadowed_by_enum_property(enum_class, name):
    for ancestor in enum_class.__mro__[1:]:
        if isinstance(ancestor.__dict__.get(name), property):
            return True
    return False


def _add_member(enum_class, name, value, is_flag):
    """Build the member [name] = [value] and enter it in the class's tables."""
    args = value if isinstance(value, tuple) else (value,)
    if enum_class._member_type_ is tuple:
        args = (args,)
    builder = enum_class._new_member_
    instance = builder(enum_class, *args) if enum_class._use_args_ else builder(enum_class)
    if not hasattr(instance, '_value_'):
        if enum_class._member_type_ is object:
            instance._value_ = value
        else:
            try:
                instance._value_ = enum_class._member_type_(*args)
            except Exception:
                instance._value_ = value
    instance._name_ = name
    instance.__objclass__ = enum_class
    instance.__init__(*args)
    instance._sort_order_ = len(enum_class._member_names_)

    value = instance._value_
    first = _find_member_by_value(enum_class, value)
    if first is not None:
        instance = first            # an alias: same value, earlier name
    elif not (is_flag and isinstance(value, int) and not _one_bit(value)):
        # Flag members of zero or several bits are aliases of a combination:
        # reachable by name and value but not listed when iterating.
        enum_class._member_names_.append(name)
    if not _shadowed_by_enum_property(enum_class, name):
        type.__setattr__(enum_class, name, instance)
    enum_class._member_map_[name] = instance
    try:
        enum_class._value2member_map_.setdefault(value, instance)
    except TypeError:
        enum_class._unhashable_values_.append(value)


def _measure_flag(flag_class):
    singles = named = 0
    previous = -1
    in_order = True
    for item in flag_class._member_map_.values():
        bits = item._value_
        if not isinstance(bits, int):
            continue
        named |= bits
        if _one_bit(bits):
            singles |= bits
            in_order = in_order and bits > previous
            previous = bits
    flag_class._flag_mask_ = named
    flag_class._singles_mask_ = singles
    flag_class._all_bits_ = (1 << named.bit_length()) - 1
    flag_class._defined_in_value_order_ = in_order


def _functional_enum(base, class_name, names, module, qualname, mixin, start, boundary):
    """Enum('Name', names...): build the class a class statement would."""
    metacls = type(base)
    bases = (base,) if mixin is None else (mixin, base)
    body = metacls.__prepare__(class_name, bases)
    if isinstance(names, str):
        names = _split_names(names)
    if isinstance(names, (list, tuple)) and names and isinstance(names[0], str):
        # Bare names: number them the way auto() would.
        chosen = []
        for position, name in enumerate(names):
            chosen.append(body.next_value(name, start, position, list(chosen)))
        names = list(zip(names, chosen))
    elif hasattr(names, 'items'):
        names = list(names.items())
    for name, value in names:
        body[name] = value
    if module is not None:
        body['__module__'] = module
    if qualname is not None:
        body['__qualname__'] = qualname
    return metacls.__new__(metacls, class_name, bases, body, boundary=boundary)


class Enum(metaclass=EnumType):
    """Base class of enumerations: a fixed set of named, unique instances.

    Members are reached by attribute (Color.RED), by value (Color(1)) or by
    name (Color['RED']); iterating the class gives them in definition order.
    """

    def __new__(cls, value):
        if type(value) is cls:
            return value
        found = _find_member_by_value(cls, value)
        if found is not None:
            return found
        problem = None
        try:
            found = cls._missing_(value)
        except Exception as exc:
            problem = exc
            found = None
        if isinstance(found, cls):
            return found
        if getattr(cls, '_boundary_', None) is EJECT and found is not None:
            return found
        if problem is not None:
            raise problem
        if found is None:
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of None or '
                        'a valid member' % (cls.__name__, found))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return _first_value(name, start, count, last_values)

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__',
                 'name', 'value'}
        if type(self)._member_type_ is not object:
            names.update(object.__dir__(self))
        names.update(key for key in getattr(self, '__dict__', ()) if key[0] != '_')
        for klass in type(self).__mro__:
            if klass is Enum or klass is object:
                break
            names.update(key for key in klass.__dict__
                         if key[0] != '_' and key not in self._member_map_)
        return sorted(names)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The member's name."""
        return self._name_

    @property
    def value(self):
        """The member's value."""
        return self._value_


class ReprEnum(Enum):
    """An Enum whose members print as their data type does (only repr() is
    the enum's)."""


class IntEnum(int, ReprEnum):
    """Enum whose members are ints."""


class StrEnum(str, ReprEnum):
    """Enum whose members are strs; auto() gives the lower-cased name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        labels = ('%r is not a string', 'encoding must be a string, not %r',
                  'errors must be a string, not %r')
        for label, given in zip(labels, values):
            if not isinstance(given, str):
                raise TypeError(label % (given,))
        text = str(*values)
        made = str.__new__(cls, text)
        made._value_ = text
        return made

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def pickle_by_global_name(self, proto):
    return self.name


def pickle_by_enum_name(self, proto):
    return getattr, (type(self), self._name_)


class FlagBoundary(StrEnum):
    """What a Flag does with a value that has bits no member names."""
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT = FlagBoundary.STRICT
CONFORM = FlagBoundary.CONFORM
EJECT = FlagBoundary.EJECT
KEEP = FlagBoundary.KEEP


class Flag(Enum, boundary=STRICT):
    """Enum whose members combine with the bitwise operators."""

    _numeric_repr_ = repr

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return 1 if start is None else start
        highest = max(last_values)
        if not isinstance(highest, int):
            raise TypeError('invalid flag value %r' % (highest,))
        return 1 << highest.bit_length()

    def _parts(self, bits):
        """The one-bit members inside [bits], in the class's iteration order."""
        cls = type(self)
        table = cls._member_map_
        if cls._defined_in_value_order_:
            lookup = cls._value2member_map_
            found = []
            while bits:
                lowest = bits & -bits
                if lowest in lookup and lookup[lowest]._name_ in table:
                    found.append(lookup[lowest])
                bits ^= lowest
            return found
        return [table[name] for name in cls._member_names_
                if table[name]._value_ & bits == table[name]._value_]

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        full = cls._all_bits_
        known = cls._flag_mask_
        stray = not (~full <= value <= full) or value & (full ^ known)
        if stray:
            rule = cls._boundary_
            if rule is STRICT:
                width = max(value.bit_length(), known.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                                 % (cls, value, _padded_bin(value, width),
                                    _padded_bin(known, width)))
            if rule is CONFORM:
                value &= known
            elif rule is EJECT:
                return value
            elif value < 0:
                value += max(full + 1, 1 << value.bit_length())
        negative = None
        if value < 0:
            negative = value
            value += full + 1
        return cls._pseudo_member(value, negative)

    @classmethod
    def _pseudo_member(cls, value, negative):
        if cls._member_type_ is object:
            made = object.__new__(cls)
        else:
            made = cls._member_type_.__new__(cls, value)
        made._value_ = value
        parts = Flag._parts(made, value & cls._singles_mask_)
        covered = 0
        for part in parts:
            covered |= part._value_
        if value & ~covered & cls._flag_mask_:
            # Bits only multi-bit members name: use those aliases.
            for candidate in cls._member_map_.values():
                bits = candidate._value_
                if bits and bits & value == bits and bits & ~covered:
                    parts.append(candidate)
                    covered |= bits
        leftover = value & ~covered
        if not parts:
            made._name_ = None
        else:
            made._name_ = '|'.join(part._name_ for part in parts)
            if leftover:
                if cls._boundary_ is STRICT:
                    raise ValueError('%r: no members with value %r' % (cls, leftover))
                made._name_ += '|' + cls._numeric_repr_(leftover)
        made = cls._value2member_map_.setdefault(value, made)
        if negative is not None:
            cls._value2member_map_[negative] = made
        return made

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self._parts(self._value_))

    def __len__(self):
        return _popcount(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        if self._name_ is None:
            return '<%s: %r>' % (type(self).__name__, self._value_)
        return '<%s.%s: %r>' % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)

    def _other_bits(self, other):
        if isinstance(other, type(self)):
            return other._value_
        kind = type(self)._member_type_
        if kind is not object and isinstance(other, kind):
            return other
        return None

    def __or__(self, other):
        bits = self._other_bits(other)
        if bits is None:
            return NotImplemented
        return type(self)(self._value_ | bits)

    def __and__(self, other):
        bits = self._other_bits(other)
        if bits is None:
            return NotImplemented
        return type(self)(self._value_ & bits)

    def __xor__(self, other):
        bits = self._other_bits(other)
        if bits is None:
            return NotImplemented
        return type(self)(self._value_ ^ bits)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        cls = type(self)
        if cls._boundary_ is EJECT or cls._boundary_ is KEEP:
            return cls(~self._value_)
        return cls(cls._singles_mask_ & ~self._value_)


_measure_flag(Flag)


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flag whose members are ints (and mix freely with them)."""


def _aliases_of(enumeration):
    return ['%s -> %s' % (alias, target.name)
            for alias, target in enumeration.__members__.items() if alias != target.name]


def unique(enumeration):
    """Class decorator: refuse an enumeration in which two names share a value."""
    found = _aliases_of(enumeration)
    if found:
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, ', '.join(found)))
    return enumeration


class EnumCheck(StrEnum):
    """The properties verify() can check."""
    CONTINUOUS = 'no skipped integer values'
    NAMED_FLAGS = 'multi-flag aliases may not contain unnamed flags'
    UNIQUE = 'one name per value'


CONTINUOUS = EnumCheck.CONTINUOUS
NAMED_FLAGS = EnumCheck.NAMED_FLAGS
UNIQUE = EnumCheck.UNIQUE


class verify:
    """Class decorator that checks an enumeration for the given EnumChecks."""

    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        for check in self.checks:
            if check is UNIQUE:
                found = _aliases_of(enumeration)
                if found:
                    raise ValueError('aliases found in %r: %s'
                                     % (enumeration, ', '.join(found)))
            elif check is CONTINUOUS:
                _check_continuous(enumeration)
            elif check is NAMED_FLAGS:
                _check_named_flags(enumeration)
        return enumeration


def _check_continuous(enumeration):
    values = {item.value for item in enumeration}
    if not values or not all(isinstance(v, int) for v in values):
        return
    if issubclass(enumeration, Flag):
        kind = 'flag'
        wanted = [1 << bit for bit in range(max(values).bit_length())]
    else:
        kind = 'enum'
        wanted = range(min(values), max(values) + 1)
    missing = [str(number) for number in wanted if number not in values]
    if missing:
        raise ValueError('invalid %s %r: missing values %s'
                         % (kind, enumeration.__name__, ', '.join(missing)))


def _check_named_flags(enumeration):
    named = 0
    for item in enumeration:
        named |= item.value
    culprits = []
    unnamed = 0
    for name, item in enumeration.__members__.items():
        if name in enumeration._member_names_:
            continue
        extra = item.value & ~named
        if extra:
            culprits.append(name)
            unnamed |= extra
    if not culprits:
        return
    if len(culprits) == 1:
        who = 'alias %s is' % culprits[0]
    else:
        who = 'aliases %s and %s are' % (', '.join(culprits[:-1]), culprits[-1])
    raise ValueError('invalid Flag %r: %s missing combined values of 0x%x '
                     '[use enum.show_flag_values(value) for details]'
                     % (enumeration.__name__, who, unnamed))


def global_enum_repr(self):
    module = type(self).__module__.rpartition('.')[2]
    return '%s.%s' % (module, self._name_)


def global_flag_repr(self):
    module = type(self).__module__.rpartition('.')[2]
    if self._name_ is None:
        return '%s.%s(%r)' % (module, type(self).__name__, self._value_)
    return '|'.join('%s.%s' % (module, part) for part in self._name_.split('|'))


def global_str(self):
    if self._name_ is None:
        return '%s(%r)' % (type(self).__name__, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """Class decorator: put the members in their module's namespace and make
    repr() name them as module attributes (re.IGNORECASE style)."""
    cls.__repr__ = global_flag_repr if issubclass(cls, Flag) else global_enum_repr
    if update_str or not issubclass(cls, ReprEnum):
        cls.__str__ = global_str
    vars(sys.modules[cls.__module__]).update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """Class decorator: rebuild a plain class as an enumeration of type
    [etype], its assignments becoming the members (CPython uses it to
    define the standard library's own enums cheaply)."""
    def convert(cls):
        body = {key: value for key, value in vars(cls).items()
                if key not in ('__dict__', '__weakref__')}
        options = {} if boundary is None else {'boundary': boundary}
        made = type(etype)(cls.__name__, (etype,), body, **options)
        made.__qualname__ = cls.__qualname__
        return made
    return convert


def _test_simple_enum(checked_enum, simple_enum):
    """Raise TypeError when two enumerations differ in their class
    attributes, members or member values; the test suites use it to compare
    the two spellings."""
    problems = []
    skipped = set(checked_enum._member_map_) | set(simple_enum._member_map_)
    skipped.update(('__module__', '__doc__', '__qualname__', '_member_map_',
                    '_value2member_map_'))
    for key in set(vars(checked_enum)) ^ set(vars(simple_enum)):
        if key not in skipped:
            where = 'missing' if key in vars(checked_enum) else 'extra'
            problems.append('%s key: %r' % (where, key))
    mine = {name: member._value_ for name, member in checked_enum._member_map_.items()}
    theirs = {name: member._value_ for name, member in simple_enum._member_map_.items()}
    for name in sorted(set(mine) | set(theirs)):
        if name not in mine or name not in theirs:
            problems.append('member %r is missing from one of them' % name)
        elif mine[name] != theirs[name]:
            problems.append('member %r: %r != %r' % (name, mine[name], theirs[name]))
    if list(checked_enum._member_names_) != list(simple_enum._member_names_):
        problems.append('the member order differs')
    if problems:
        raise TypeError('enum mismatch:\n   ' + '\n   '.join(problems))


def _iter_bits_lsb(number):
    """Yield the powers of two that make up a non-negative int (or an enum
    member's value), lowest first."""
    value = number._value_ if isinstance(number, Enum) else number
    if value < 0:
        raise ValueError('%r is not a positive integer' % (number,))
    while value:
        lowest = value & -value
        yield lowest
        value ^= lowest
