"""Pretty-printing of nested data: pprint, pformat, pp, saferepr and PrettyPrinter.

Design notes
------------
Printing an object is a two-step decision made at every level of nesting.
First the object's one-line form is built (_one_line, which is also what
saferepr() returns).  If that line fits in what is left of the width, it is
written as is.  Only if it is too long, and the object's type has a
multi-line layout registered in _LAYOUTS, is it broken over several lines,
with each element printed by the same two-step rule at a deeper indent.
So a structure is split only as far as needed: inner parts that fit stay on
one line.

The "allowance" threaded through the layout functions is the number of
closing characters (brackets, commas, a parenthesis) that will follow the
element being printed on its last line; an element must leave room for
them.  For an element that is not the last one of its container, the
allowance is 1: the comma that follows it.

Layouts are looked up by the type's __repr__ function, not by the type:
a subclass of dict that keeps dict's repr is laid out as a dict, while one
that defines its own __repr__ is treated as an opaque object and printed
with that repr on a single line.

Recursion is tracked with a dict of the ids of the containers currently
being printed.  A container met again inside itself is shown as
"<Recursion on TYPE with id=N>", and marks the result as recursive and not
readable (isrecursive() and isreadable() report these flags).  The depth
limit replaces containers nested deeper than it with "[...]", "{...}" or
"(...)".

Dict keys and set elements are sorted when they can be; keys of mutually
unorderable types fall back to ordering by type name (_OrderAnyway), so
that a mixed dict still prints instead of raising.
"""

import sys as _sys
import types as _types
from io import StringIO as _StringIO

__all__ = ['pprint', 'pformat', 'isreadable', 'isrecursive', 'saferepr',
           'PrettyPrinter', 'pp']


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Print [object] nicely laid out to [stream] (sys.stdout by default)."""
    printer = PrettyPrinter(stream=stream, indent=indent, width=width,
                            depth=depth, compact=compact,
                            sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    """The text pprint() would print for [object], without the newline."""
    printer = PrettyPrinter(indent=indent, width=width, depth=depth,
                            compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    return printer.pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Like pprint(), but dicts keep their insertion order by default."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """A one-line repr of [object] that survives recursive containers."""
    return PrettyPrinter()._one_line(object, {}, None, 0)[0]


def isreadable(object):
    """True if the repr of [object] could be fed back to eval()."""
    return PrettyPrinter()._one_line(object, {}, None, 0)[1]


def isrecursive(object):
    """True if [object] contains itself somewhere inside."""
    return PrettyPrinter()._one_line(object, {}, None, 0)[2]


class _OrderAnyway:
    """Sort key that orders any two objects: naturally if they compare,
    otherwise by the name of their type and then by identity."""

    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            mine = (str(type(self.obj)), id(self.obj))
            theirs = (str(type(other.obj)), id(other.obj))
            return mine < theirs


def _item_order(pair):
    return (_OrderAnyway(pair[0]), _OrderAnyway(pair[1]))


def _recursion_marker(object):
    return '<Recursion on %s with id=%s>' % (type(object).__name__, id(object))


# Types whose repr is taken as is by _one_line: they cannot contain
# anything, so recursion and depth do not apply to them.
_PLAIN_TYPES = frozenset({str, bytes, bytearray, float, complex, bool,
                          type(None)})


def _split_words(line):
    """Cut [line] into pieces that each end after a run of whitespace.

    Joining the pieces gives [line] back; a long string is wrapped by
    putting as many pieces as fit on each output line.
    """
    pieces = []
    start = 0
    pos = 0
    size = len(line)
    while pos < size:
        while pos < size and not line[pos].isspace():
            pos += 1
        while pos < size and line[pos].isspace():
            pos += 1
        pieces.append(line[start:pos])
        start = pos
    return pieces


def _bytes_chunks(data, width, allowance):
    """Reprs of consecutive slices of [data], each within [width] columns;
    the last must also leave [allowance] columns free.  Slices are cut
    at multiples of four bytes."""
    chunks = []
    current = data[:0]
    final_start = len(data) // 4 * 4
    for start in range(0, len(data), 4):
        piece = data[start:start + 4]
        if start == final_start:
            width -= allowance
        longer = current + piece
        if len(repr(longer)) > width:
            if current:
                chunks.append(repr(current))
            current = piece
        else:
            current = longer
    if current:
        chunks.append(repr(current))
    return chunks


class PrettyPrinter:
    """Formats objects nicely; the options are fixed at construction.

    indent: spaces added per nesting level; width: the column limit the
    output tries to stay within; depth: levels shown before "..." takes
    over; stream: where pprint() writes (sys.stdout when None); compact:
    pack several short sequence items on each line; sort_dicts: order dict
    items by key; underscore_numbers: group the digits of ints with "_".
    """

    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')
        if not width:
            raise ValueError('width must be != 0')
        self._depth = depth
        self._indent_step = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = True if compact else False
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)
            self._stream.write('\n')

    def pformat(self, object):
        out = _StringIO()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        """Return (text, readable, recursive) for [object] on one line.

        Subclasses may override this to change how single objects look;
        [context] holds the ids of the containers being printed around it.
        """
        return self._one_line(object, context, maxlevels, level)

    # -- the one-line form --------------------------------------------

    def _one_line(self, object, context, maxlevels, level):
        kind = type(object)
        if kind in _PLAIN_TYPES:
            return repr(object), True, False
        own_repr = getattr(kind, '__repr__', None)
        if issubclass(kind, int) and own_repr is int.__repr__:
            if self._underscore_numbers:
                return f'{object:_d}', True, False
            return repr(object), True, False
        if issubclass(kind, dict) and own_repr is dict.__repr__:
            return self._one_line_dict(object, context, maxlevels, level)
        if issubclass(kind, list) and own_repr is list.__repr__:
            return self._one_line_seq(object, '[', ']', context, maxlevels,
                                      level)
        if issubclass(kind, tuple) and own_repr is tuple.__repr__:
            closer = ',)' if len(object) == 1 else ')'
            return self._one_line_seq(object, '(', closer, context, maxlevels,
                                      level)
        text = repr(object)
        return text, text and not text.startswith('<'), False

    def _enter(self, object, context, maxlevels, level, elided):
        """The result for a container that must not be expanded (too deep,
        or already being printed), or None if it may be."""
        if maxlevels and level >= maxlevels:
            return elided, False, id(object) in context
        if id(object) in context:
            return _recursion_marker(object), False, True
        return None

    def _one_line_dict(self, object, context, maxlevels, level):
        if not object:
            return '{}', True, False
        stop = self._enter(object, context, maxlevels, level, '{...}')
        if stop is not None:
            return stop
        key = id(object)
        context[key] = 1
        readable, recursive = True, False
        parts = []
        pairs = object.items()
        if self._sort_dicts:
            pairs = sorted(pairs, key=_item_order)
        for k, v in pairs:
            ktext, kread, krec = self.format(k, context, maxlevels, level + 1)
            vtext, vread, vrec = self.format(v, context, maxlevels, level + 1)
            parts.append('%s: %s' % (ktext, vtext))
            readable = readable and kread and vread
            recursive = recursive or krec or vrec
        del context[key]
        return '{' + ', '.join(parts) + '}', readable, recursive

    def _one_line_seq(self, object, opener, closer, context, maxlevels, level):
        if not object:
            return opener + closer[-1], True, False
        stop = self._enter(object, context, maxlevels, level,
                           opener + '...' + closer)
        if stop is not None:
            return stop
        key = id(object)
        context[key] = 1
        readable, recursive = True, False
        parts = []
        for item in object:
            text, item_readable, item_recursive = self.format(
                item, context, maxlevels, level + 1)
            parts.append(text)
            readable = readable and item_readable
            recursive = recursive or item_recursive
        del context[key]
        return opener + ', '.join(parts) + closer, readable, recursive

    def _repr(self, object, context, level):
        text, readable, recursive = self.format(object, context.copy(),
                                                self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return text

    # -- the multi-line form ------------------------------------------

    def _format(self, object, stream, indent, allowance, context, level):
        """Write [object] at column [indent], leaving [allowance] columns
        free after it, splitting it over lines if it does not fit."""
        key = id(object)
        if key in context:
            stream.write(_recursion_marker(object))
            self._recursive = True
            self._readable = False
            return
        text = self._repr(object, context, level)
        if len(text) > self._width - indent - allowance:
            layout = _LAYOUTS.get(getattr(type(object), '__repr__', None))
            if layout is None and _is_plain_dataclass(object):
                layout = PrettyPrinter._lay_out_dataclass
            if layout is not None:
                context[key] = 1
                layout(self, object, stream, indent, allowance, context,
                       level + 1)
                del context[key]
                return
        stream.write(text)

    def _write_items(self, items, stream, indent, allowance, context, level):
        """Write the elements of a sequence, one per line, or as many per
        line as fit when compact is set."""
        write = stream.write
        indent += self._indent_step
        if self._indent_step > 1:
            write(' ' * (self._indent_step - 1))
        newline = ',\n' + ' ' * indent
        separator = ''
        room = limit = self._width - indent + 1
        items = list(items)
        for position, item in enumerate(items):
            last = position == len(items) - 1
            if last:
                room -= allowance
                limit -= allowance
            if self._compact:
                text = self._repr(item, context, level)
                needed = len(text) + 2
                if room < needed:
                    # Start a new line, unless this is the very first item.
                    room = limit
                    if separator:
                        separator = newline
                if room >= needed:
                    room -= needed
                    write(separator)
                    separator = ', '
                    write(text)
                    continue
            write(separator)
            separator = newline
            self._format(item, stream, indent, allowance if last else 1,
                         context, level)

    def _write_dict_items(self, pairs, stream, indent, allowance, context,
                          level):
        """Write "key: value" pairs one per line; a value that does not fit
        continues at the column after its key."""
        write = stream.write
        indent += self._indent_step
        newline = ',\n' + ' ' * indent
        final = len(pairs) - 1
        for position, (k, v) in enumerate(pairs):
            ktext = self._repr(k, context, level)
            write(ktext)
            write(': ')
            self._format(v, stream, indent + len(ktext) + 2,
                         allowance if position == final else 1, context, level)
            if position != final:
                write(newline)

    def _write_keywords(self, pairs, stream, indent, allowance, context,
                        level):
        """Write "name=value" pairs, as in a namespace or dataclass repr."""
        write = stream.write
        newline = ',\n' + ' ' * indent
        final = len(pairs) - 1
        for position, (name, value) in enumerate(pairs):
            write(name)
            write('=')
            if id(value) in context:
                write('...')
            else:
                self._format(value, stream, indent + len(name) + 1,
                             allowance if position == final else 1,
                             context, level)
            if position != final:
                write(newline)

    def _lay_out_dict(self, object, stream, indent, allowance, context, level):
        stream.write('{')
        if self._indent_step > 1:
            stream.write(' ' * (self._indent_step - 1))
        if object:
            pairs = object.items()
            if self._sort_dicts:
                pairs = sorted(pairs, key=_item_order)
            self._write_dict_items(list(pairs), stream, indent, allowance + 1,
                                   context, level)
        stream.write('}')

    def _lay_out_list(self, object, stream, indent, allowance, context, level):
        stream.write('[')
        self._write_items(object, stream, indent, allowance + 1, context, level)
        stream.write(']')

    def _lay_out_tuple(self, object, stream, indent, allowance, context, level):
        stream.write('(')
        closer = ',)' if len(object) == 1 else ')'
        self._write_items(object, stream, indent, allowance + len(closer),
                          context, level)
        stream.write(closer)

    def _lay_out_set(self, object, stream, indent, allowance, context, level):
        if not object:
            stream.write(repr(object))
            return
        kind = type(object)
        if kind is set:
            stream.write('{')
            closer = '}'
        else:
            stream.write(kind.__name__ + '({')
            closer = '})'
            indent += len(kind.__name__) + 1
        ordered = sorted(object, key=_OrderAnyway)
        self._write_items(ordered, stream, indent, allowance + len(closer),
                          context, level)
        stream.write(closer)

    def _lay_out_str(self, object, stream, indent, allowance, context, level):
        if not object:
            stream.write(repr(object))
            return
        # At the top level the pieces are wrapped in parentheses, which
        # makes the output a valid expression; that costs a column each side.
        top = level == 1
        if top:
            indent += 1
            allowance += 1
        width = self._width - indent
        chunks = []
        lines = object.splitlines(True)
        for number, line in enumerate(lines):
            last_line = number == len(lines) - 1
            line_width = width - allowance if last_line else width
            if len(repr(line)) <= line_width:
                chunks.append(repr(line))
                continue
            words = _split_words(line)
            current = ''
            for index, word in enumerate(words):
                limit = width
                if last_line and index == len(words) - 1:
                    limit -= allowance
                if len(repr(current + word)) > limit:
                    if current:
                        chunks.append(repr(current))
                    current = word
                else:
                    current += word
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            stream.write(chunks[0])
            return
        if top:
            stream.write('(')
        stream.write(('\n' + ' ' * indent).join(chunks))
        if top:
            stream.write(')')

    def _lay_out_bytes(self, object, stream, indent, allowance, context,
                       level):
        if len(object) <= 4:
            stream.write(repr(object))
            return
        top = level == 1
        if top:
            indent += 1
            allowance += 1
            stream.write('(')
        chunks = _bytes_chunks(object, self._width - indent, allowance)
        stream.write(('\n' + ' ' * indent).join(chunks))
        if top:
            stream.write(')')

    def _lay_out_bytearray(self, object, stream, indent, allowance, context,
                           level):
        stream.write('bytearray(')
        self._lay_out_bytes(bytes(object), stream, indent + 10, allowance + 1,
                            context, level + 1)
        stream.write(')')

    def _lay_out_mappingproxy(self, object, stream, indent, allowance, context,
                              level):
        stream.write('mappingproxy(')
        self._format(object.copy(), stream, indent + 13, allowance + 1,
                     context, level)
        stream.write(')')

    def _lay_out_namespace(self, object, stream, indent, allowance, context,
                           level):
        # A subclass shows its own name; the base type calls itself
        # "namespace" in its repr.
        name = type(object).__name__
        if type(object) is _types.SimpleNamespace:
            name = 'namespace'
        indent += len(name) + 1
        stream.write(name + '(')
        self._write_keywords(list(object.__dict__.items()), stream, indent,
                             allowance, context, level)
        stream.write(')')

    def _lay_out_dataclass(self, object, stream, indent, allowance, context,
                           level):
        import dataclasses
        name = type(object).__name__
        indent += len(name) + 1
        pairs = [(f.name, getattr(object, f.name))
                 for f in dataclasses.fields(object) if f.repr]
        stream.write(name + '(')
        self._write_keywords(pairs, stream, indent, allowance, context, level)
        stream.write(')')

    def _lay_out_ordered_dict(self, object, stream, indent, allowance, context,
                              level):
        if not object:
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + '(')
        self._format(list(object.items()), stream, indent + len(name) + 1,
                     allowance + 1, context, level)
        stream.write(')')

    def _lay_out_defaultdict(self, object, stream, indent, allowance, context,
                             level):
        if not object:
            stream.write(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = type(object).__name__
        indent += len(name) + 1
        stream.write('%s(%s,\n%s' % (name, factory, ' ' * indent))
        self._lay_out_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(')')

    def _lay_out_counter(self, object, stream, indent, allowance, context,
                         level):
        if not object:
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + '({')
        if self._indent_step > 1:
            stream.write(' ' * (self._indent_step - 1))
        self._write_dict_items(object.most_common(), stream,
                               indent + len(name) + 1, allowance + 2,
                               context, level)
        stream.write('})')

    def _lay_out_chainmap(self, object, stream, indent, allowance, context,
                          level):
        if not object.maps:
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + '(')
        indent += len(name) + 1
        final = len(object.maps) - 1
        for position, mapping in enumerate(object.maps):
            if position == final:
                self._format(mapping, stream, indent, allowance + 1, context,
                             level)
                stream.write(')')
            else:
                self._format(mapping, stream, indent, 1, context, level)
                stream.write(',\n' + ' ' * indent)

    def _lay_out_deque(self, object, stream, indent, allowance, context,
                       level):
        if not object:
            stream.write(repr(object))
            return
        name = type(object).__name__
        stream.write(name + '(')
        indent += len(name) + 1
        stream.write('[')
        if object.maxlen is None:
            self._write_items(object, stream, indent, allowance + 2, context,
                              level)
            stream.write('])')
        else:
            self._write_items(object, stream, indent, 2, context, level)
            limit = self._repr(object.maxlen, context, level)
            stream.write('],\n%smaxlen=%s)' % (' ' * indent, limit))

    def _lay_out_wrapped_data(self, object, stream, indent, allowance, context,
                              level):
        # UserDict, UserList and UserString print like the data they hold.
        self._format(object.data, stream, indent, allowance, context,
                     level - 1)


def _is_plain_dataclass(object):
    """True for a dataclass instance whose __repr__ is the generated one."""
    if isinstance(object, type) or not hasattr(type(object), '__dataclass_fields__'):
        return False
    params = getattr(type(object), '__dataclass_params__', None)
    if params is None or not params.repr:
        return False
    return getattr(type(object).__repr__, '__module__', None) == 'dataclasses'


_LAYOUTS = {
    dict.__repr__: PrettyPrinter._lay_out_dict,
    list.__repr__: PrettyPrinter._lay_out_list,
    tuple.__repr__: PrettyPrinter._lay_out_tuple,
    set.__repr__: PrettyPrinter._lay_out_set,
    frozenset.__repr__: PrettyPrinter._lay_out_set,
    str.__repr__: PrettyPrinter._lay_out_str,
    bytes.__repr__: PrettyPrinter._lay_out_bytes,
    bytearray.__repr__: PrettyPrinter._lay_out_bytearray,
}


def _register_optional_layouts():
    """Add layouts for types that live in other modules, when present."""
    _LAYOUTS[_types.MappingProxyType.__repr__] = \
        PrettyPrinter._lay_out_mappingproxy
    _LAYOUTS[_types.SimpleNamespace.__repr__] = \
        PrettyPrinter._lay_out_namespace
    try:
        import collections
    except ImportError:
        return
    named = [('OrderedDict', PrettyPrinter._lay_out_ordered_dict),
             ('defaultdict', PrettyPrinter._lay_out_defaultdict),
             ('Counter', PrettyPrinter._lay_out_counter),
             ('ChainMap', PrettyPrinter._lay_out_chainmap),
             ('deque', PrettyPrinter._lay_out_deque),
             ('UserDict', PrettyPrinter._lay_out_wrapped_data),
             ('UserList', PrettyPrinter._lay_out_wrapped_data),
             ('UserString', PrettyPrinter._lay_out_wrapped_data)]
    for name, layout in named:
        kind = getattr(collections, name, None)
        own_repr = getattr(kind, '__repr__', None)
        # A collections type that merely inherits dict's repr must not
        # replace the dict layout.
        if kind is not None and own_repr not in _LAYOUTS:
            _LAYOUTS[own_repr] = layout


_register_optional_layouts()
