"""Python source as a tree of node objects, and the tools that walk it.

Design notes
------------
The node classes themselves come from the C module `_ast`: it builds them
from one table that also drives both conversions between the parser's C tree
and these objects (see src/compile/ast_py.c). parse() is compile() with the
PyCF_ONLY_AST flag, and compile() accepts a tree back, so a tree changed here
is compiled straight from its nodes and keeps their line numbers.

Everything else is plain Python over the public shape of the nodes:
`_fields` (the child slots, in order), `_attributes` (the positions), and a
None class attribute on each optional slot. dump() relies on that last rule
to leave out optional slots that hold None, which is what makes its text
match CPython's character for character.

unparse() lives at the end: a writer object that walks statements and
expressions, deciding parentheses from a precedence passed down the walk.
"""

import sys
from _ast import *

# -------------------------------------------------------------------------
# Parsing and evaluating literals
# -------------------------------------------------------------------------


def parse(source, filename='<unknown>', mode='exec', *,
          type_comments=False, feature_version=None):
    """Parse [source] into a tree: a Module for 'exec', an Expression for
    'eval', an Interactive for 'single'. Syntax errors are raised exactly as
    compile() raises them."""
    flags = PyCF_ONLY_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    if feature_version is not None and not isinstance(feature_version, (tuple, int)):
        raise TypeError("feature_version must be a tuple or an int")
    return compile(source, filename, mode, flags)


def _malformed(node):
    # The line number helps find the culprit in a long literal.
    where = ''
    line = getattr(node, 'lineno', None)
    if line:
        where = f' on line {line}'
    raise ValueError(f'malformed node or string{where}: {node!r}')


def literal_eval(node_or_string):
    """Evaluate a literal written as text or as a tree: numbers, strings,
    bytes, None, True, False, and tuples, lists, sets and dicts of them,
    with + and - only where they make a signed or complex number."""
    node = node_or_string
    if isinstance(node, str):
        node = parse(node.lstrip(' \t'), mode='eval')
    if isinstance(node, Expression):
        node = node.body

    def number(n):
        # A bare numeric constant, the only operand + and - accept.
        if isinstance(n, Constant) and type(n.value) in (int, float, complex):
            return n.value
        _malformed(n)

    def signed(n):
        if isinstance(n, UnaryOp) and isinstance(n.op, (UAdd, USub)):
            value = number(n.operand)
            return -value if isinstance(n.op, USub) else +value
        return number(n)

    def value_of(n):
        if isinstance(n, Constant):
            return n.value
        if isinstance(n, Tuple):
            return tuple([value_of(e) for e in n.elts])
        if isinstance(n, List):
            return [value_of(e) for e in n.elts]
        if isinstance(n, Set):
            return {value_of(e) for e in n.elts}
        if isinstance(n, Call):
            # set() is how an empty set is spelled: the one call allowed.
            if (isinstance(n.func, Name) and n.func.id == 'set'
                    and n.args == [] and n.keywords == []):
                return set()
            _malformed(n)
        if isinstance(n, Dict):
            if len(n.keys) != len(n.values):
                _malformed(n)
            return {value_of(k): value_of(v) for k, v in zip(n.keys, n.values)}
        if isinstance(n, BinOp) and isinstance(n.op, (Add, Sub)):
            left = signed(n.left)
            right = number(n.right)
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(n.op, Add) else left - right
        return signed(n)

    return value_of(node)


# -------------------------------------------------------------------------
# Dumping a tree as text
# -------------------------------------------------------------------------


def _omitted(node, name, value):
    # An optional slot holding None is left out: its class default is None.
    return value is None and getattr(type(node), name, ...) is None


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """Return the text of [node] as constructor calls. annotate_fields=False
    writes fields by position where that is unambiguous; include_attributes
    adds the positions; indent (a count of spaces or a string) puts each
    field of a non-trivial node on its own line."""
    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % type(node).__name__)
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def render(value, depth):
        # Returns the text and whether it is "simple": a node with no
        # fields, or a scalar. Up to three simple parts stay on one line.
        if indent is None:
            opening, joiner = '', ', '
        else:
            depth += 1
            opening = '\n' + indent * depth
            joiner = ',\n' + indent * depth
        if isinstance(value, list):
            if not value:
                return '[]', True
            parts = [render(item, depth)[0] for item in value]
            return '[' + opening + joiner.join(parts) + ']', False
        if not isinstance(value, AST):
            return repr(value), True
        parts = []
        simple = True
        named = annotate_fields
        for name in value._fields:
            if not hasattr(value, name):
                named = True
                continue
            field = getattr(value, name)
            if _omitted(value, name, field):
                named = True
                continue
            text, field_simple = render(field, depth)
            simple = simple and field_simple
            parts.append(f'{name}={text}' if named else text)
        if include_attributes:
            for name in value._attributes:
                if not hasattr(value, name):
                    continue
                field = getattr(value, name)
                if _omitted(value, name, field):
                    continue
                text, field_simple = render(field, depth)
                simple = simple and field_simple
                parts.append(f'{name}={text}')
        cls_name = type(value).__name__
        if simple and len(parts) <= 3:
            return cls_name + '(' + ', '.join(parts) + ')', not parts
        return cls_name + '(' + opening + joiner.join(parts) + ')', False

    return render(node, 0)[0]


# -------------------------------------------------------------------------
# Positions
# -------------------------------------------------------------------------

_POSITIONS = ('lineno', 'col_offset', 'end_lineno', 'end_col_offset')


def copy_location(new_node, old_node):
    """Give [new_node] the positions of [old_node] where both have them."""
    for name in _POSITIONS:
        if name not in old_node._attributes or name not in new_node._attributes:
            continue
        value = getattr(old_node, name, None)
        # An explicit None end position is copied as such.
        if value is not None or (name.startswith('end_') and hasattr(old_node, name)):
            setattr(new_node, name, value)
    return new_node


def fix_missing_locations(node):
    """Fill in the positions a hand-made tree lacks, each node inheriting
    its parent's; the root starts at line 1, column 0."""
    def fill(n, inherited):
        here = list(inherited)
        for i, name in enumerate(_POSITIONS):
            if name not in n._attributes:
                continue
            current = getattr(n, name, None)
            missing = current is None if name.startswith('end_') else not hasattr(n, name)
            if missing:
                setattr(n, name, here[i])
            else:
                here[i] = current
        for child in iter_child_nodes(n):
            fill(child, here)
    fill(node, (1, 0, 1, 0))
    return node


def increment_lineno(node, n=1):
    """Move [node] and everything below it [n] lines down."""
    for child in walk(node):
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if 'end_lineno' in child._attributes:
            end = getattr(child, 'end_lineno', 0)
            if end is not None:
                child.end_lineno = end + n
    return node


# -------------------------------------------------------------------------
# Walking
# -------------------------------------------------------------------------


def iter_fields(node):
    """Yield (name, value) for each field that [node] has."""
    for name in node._fields:
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def iter_child_nodes(node):
    """Yield the direct children of [node] that are nodes, in field order."""
    for _, value in iter_fields(node):
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def walk(node):
    """Yield [node] and all its descendants, breadth first."""
    from collections import deque
    pending = deque([node])
    while pending:
        current = pending.popleft()
        pending.extend(iter_child_nodes(current))
        yield current


def get_docstring(node, clean=True):
    """The docstring of a module, class or function node, or None; with
    [clean], its indentation is tidied as inspect.cleandoc() does."""
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % type(node).__name__)
    if not node.body or not isinstance(node.body[0], Expr):
        return None
    value = node.body[0].value
    if not isinstance(value, Constant) or not isinstance(value.value, str):
        return None
    text = value.value
    if clean:
        import inspect
        text = inspect.cleandoc(text)
    return text


def _source_lines(source):
    # Lines as the parser counts them: \r\n, \r and \n end a line, but a
    # form feed or other Unicode separator does not (str.splitlines would).
    lines = []
    start = i = 0
    size = len(source)
    while i < size:
        ch = source[i]
        i += 1
        if ch == '\r' and i < size and source[i] == '\n':
            i += 1
        if ch in '\r\n':
            lines.append(source[start:i])
            start = i
    if start < size:
        lines.append(source[start:])
    return lines


def get_source_segment(source, node, *, padded=False):
    """The text of [source] that [node] was parsed from, or None when the
    node lacks positions. With [padded], a multi-line segment's first line
    is indented by spaces to its original column."""
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        first, last = node.lineno - 1, node.end_lineno - 1
        start_col, end_col = node.col_offset, node.end_col_offset
    except AttributeError:
        return None
    lines = _source_lines(source)
    # Columns count UTF-8 bytes, so slice the encoded lines.
    if first == last:
        return lines[first].encode()[start_col:end_col].decode()
    head = lines[first].encode()[start_col:].decode()
    if padded:
        # Tabs and form feeds keep their width; everything else is a space.
        pad = ''.join(c if c in '\f\t' else ' '
                      for c in lines[first].encode()[:start_col].decode())
        head = pad + head
    tail = lines[last].encode()[:end_col].decode()
    return ''.join([head] + lines[first + 1:last] + [tail])


# The deprecated per-type names of constants, for visit_Num and friends.
_CONSTANT_KIND_NAMES = {
    bool: 'NameConstant', type(None): 'NameConstant',
    int: 'Num', float: 'Num', complex: 'Num',
    str: 'Str', bytes: 'Bytes', type(...): 'Ellipsis',
}


class NodeVisitor(object):
    """Walks a tree calling visit_<ClassName>(node) for each node that has
    such a method, and generic_visit(node) (which visits the children) for
    the others."""

    def visit(self, node):
        handler = getattr(self, 'visit_' + type(node).__name__, self.generic_visit)
        return handler(node)

    def generic_visit(self, node):
        for _, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)

    def visit_Constant(self, node):
        # Visitors written for the pre-3.8 node classes still get called.
        kind = _CONSTANT_KIND_NAMES.get(type(node.value))
        if kind is None:
            for base, name in _CONSTANT_KIND_NAMES.items():
                if isinstance(node.value, base):
                    kind = name
                    break
        if kind is not None:
            handler = getattr(self, 'visit_' + kind, None)
            if handler is not None:
                import warnings
                warnings.warn(f'visit_{kind} is deprecated; add visit_Constant',
                              DeprecationWarning, 2)
                return handler(node)
        return self.generic_visit(node)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit methods return the replacement of the node:
    the node itself to keep it, None to drop it, or (inside a list field) a
    list of nodes to splice in its place."""

    def generic_visit(self, node):
        for name, value in iter_fields(node):
            if isinstance(value, list):
                kept = []
                for item in value:
                    if isinstance(item, AST):
                        item = self.visit(item)
                        if item is None:
                            continue
                        if not isinstance(item, AST):
                            kept.extend(item)
                            continue
                    kept.append(item)
                value[:] = kept
            elif isinstance(value, AST):
                replacement = self.visit(value)
                if replacement is None:
                    delattr(node, name)
                else:
                    setattr(node, name, replacement)
        return node


# -------------------------------------------------------------------------
# The node classes of Python 3.7 and before, kept as 3.11 keeps them
# -------------------------------------------------------------------------


def _constant_value(self):
    return self.value


def _set_constant_value(self, value):
    self.value = value


Constant.n = property(_constant_value, _set_constant_value)
Constant.s = property(_constant_value, _set_constant_value)


class _LegacyConstantType(type):
    # isinstance(Constant(1), Num) is true: the old classes test the value.
    def __instancecheck__(cls, instance):
        if not isinstance(instance, Constant):
            return False
        accepted = _LEGACY_VALUE_TYPES.get(cls)
        if accepted is None:
            return type.__instancecheck__(cls, instance)
        if not hasattr(instance, 'value'):
            return False
        value = instance.value
        return isinstance(value, accepted) and not (cls is Num and isinstance(value, bool))


def _legacy_new(cls, *args, **kwargs):
    for key in kwargs:
        if key in cls._fields and cls._fields.index(key) < len(args):
            raise TypeError(f'{cls.__name__} got multiple values for argument {key!r}')
    if cls in _LEGACY_VALUE_TYPES:
        return Constant(*args, **kwargs)
    return Constant.__new__(cls, *args, **kwargs)


class Num(Constant, metaclass=_LegacyConstantType):
    """Deprecated AST node class. Use ast.Constant instead"""
    _fields = ('n',)
    __new__ = _legacy_new


class Str(Constant, metaclass=_LegacyConstantType):
    """Deprecated AST node class. Use ast.Constant instead"""
    _fields = ('s',)
    __new__ = _legacy_new


class Bytes(Constant, metaclass=_LegacyConstantType):
    """Deprecated AST node class. Use ast.Constant instead"""
    _fields = ('s',)
    __new__ = _legacy_new


class NameConstant(Constant, metaclass=_LegacyConstantType):
    """Deprecated AST node class. Use ast.Constant instead"""
    __new__ = _legacy_new


class Ellipsis(Constant, metaclass=_LegacyConstantType):
    """Deprecated AST node class. Use ast.Constant instead"""
    _fields = ()

    def __new__(cls, *args, **kwargs):
        if cls is Ellipsis:
            return Constant(..., *args, **kwargs)
        return Constant.__new__(cls, *args, **kwargs)


_LEGACY_VALUE_TYPES = {
    Num: (int, float, complex),
    Str: (str,),
    Bytes: (bytes,),
    NameConstant: (type(None), bool),
    Ellipsis: (type(...),),
}


class slice(AST):
    """Deprecated AST node class."""


class Index(slice):
    """Deprecated AST node class. Use the index value directly instead."""
    def __new__(cls, value, **kwargs):
        return value


class ExtSlice(slice):
    """Deprecated AST node class. Use ast.Tuple instead."""
    def __new__(cls, dims=(), **kwargs):
        return Tuple(list(dims), Load(), **kwargs)


class Suite(mod):
    """Deprecated AST node class.  Unused in Python 3."""


class AugLoad(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class AugStore(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


class Param(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""


# -------------------------------------------------------------------------
# Back to source
# -------------------------------------------------------------------------

# Binding strengths, weakest first; an expression is parenthesized when its
# place demands more than its own strength.
(_P_NAMED, _P_TUPLE, _P_YIELD, _P_TEST, _P_OR, _P_AND, _P_NOT, _P_CMP, _P_BOR,
 _P_BXOR, _P_BAND, _P_SHIFT, _P_ARITH, _P_TERM, _P_FACTOR, _P_POWER, _P_AWAIT,
 _P_ATOM) = range(1, 19)

_BINARY = {
    'Add': ('+', _P_ARITH), 'Sub': ('-', _P_ARITH), 'Mult': ('*', _P_TERM),
    'MatMult': ('@', _P_TERM), 'Div': ('/', _P_TERM), 'Mod': ('%', _P_TERM),
    'FloorDiv': ('//', _P_TERM), 'LShift': ('<<', _P_SHIFT), 'RShift': ('>>', _P_SHIFT),
    'BitOr': ('|', _P_BOR), 'BitXor': ('^', _P_BXOR), 'BitAnd': ('&', _P_BAND),
    'Pow': ('**', _P_POWER),
}
_UNARY = {'Invert': ('~', _P_FACTOR), 'Not': ('not', _P_NOT),
          'UAdd': ('+', _P_FACTOR), 'USub': ('-', _P_FACTOR)}
_COMPARISON = {'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>', 'GtE': '>=',
               'Is': 'is', 'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in'}
_QUOTES = ("'", '"', '"""', "'''")
_TRIPLE_QUOTES = ('"""', "'''")
# An overflowing literal reads back as infinity.
_INFINITY = '1e' + repr(sys.float_info.max_10_exp + 1)


def _escape_char(c):
    # The escape sequence the unicode_escape codec would give [c].
    special = {'\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r'}
    if c in special:
        return special[c]
    code = ord(c)
    if code < 0x100:
        return '\\x%02x' % code
    if code < 0x10000:
        return '\\u%04x' % code
    return '\\U%08x' % code


def _quote_parts(text, quotes, keep_newlines=True):
    # Escapes [text] for a string literal and narrows [quotes] to those
    # that can enclose it; returns both. Newlines and tabs stay literal
    # unless [keep_newlines] is false (then only triple quotes are not
    # needed for them).
    out = []
    for c in text:
        if keep_newlines and c in '\n\t':
            out.append(c)
        elif c == '\\' or not c.isprintable():
            out.append(_escape_char(c))
        else:
            out.append(c)
    body = ''.join(out)
    usable = list(quotes)
    if '\n' in body:
        usable = [q for q in usable if q in _TRIPLE_QUOTES]
    usable = [q for q in usable if q not in body]
    if not usable:
        # No quote fits: fall back on repr's own escaping.
        text = repr(text)
        quote = next((q for q in quotes if text[0] in q), text[0])
        return text[1:-1], [quote]
    if body:
        # A quote character at the end must not touch the closing quote.
        usable.sort(key=lambda q: q[0] == body[-1])
        if usable[0][0] == body[-1]:
            body = body[:-1] + '\\' + body[-1]
    return body, usable


class _SourceWriter(NodeVisitor):
    """Writes a tree back as source text. [plain_strings] is set inside
    an f-string's replacement fields, where a backslash may not appear."""

    def __init__(self, plain_strings=False):
        self._out = []
        self._strength = {}
        self._depth = 0
        self._plain_strings = plain_strings

    def visit(self, node):
        self._out = []
        self.write_node(node)
        return ''.join(self._out)

    # -- plumbing ---------------------------------------------------------

    def write(self, *text):
        self._out.extend(text)

    def write_node(self, node):
        if isinstance(node, list):
            for item in node:
                self.write_node(item)
        else:
            super().visit(node)

    def line(self, text=''):
        if self._out:
            self.write('\n')
        self.write('    ' * self._depth + text)

    def block(self, body):
        self.write(':')
        self._depth += 1
        self.write_node(body)
        self._depth -= 1

    def demand(self, strength, *nodes):
        for node in nodes:
            self._strength[node] = strength

    def strength(self, node):
        return self._strength.get(node, _P_TEST)

    def joined(self, separator, nodes, writer=None):
        for i, node in enumerate(nodes):
            if i:
                self.write(separator)
            (writer or self.write_node)(node)

    def captured(self, fn, *args):
        saved = self._out
        self._out = []
        try:
            fn(*args)
            return ''.join(self._out)
        finally:
            self._out = saved

    class _Parens:
        def __init__(self, writer, needed, opening='(', closing=')'):
            self.writer, self.needed = writer, needed
            self.opening, self.closing = opening, closing

        def __enter__(self):
            if self.needed:
                self.writer.write(self.opening)

        def __exit__(self, *exc):
            if self.needed:
                self.writer.write(self.closing)

    def parens(self, strength, node):
        return self._Parens(self, self.strength(node) > strength)

    def sequence(self, nodes):
        # A one-item tuple needs its trailing comma.
        if len(nodes) == 1:
            self.write_node(nodes[0])
            self.write(',')
        else:
            self.joined(', ', nodes)

    # -- statements -------------------------------------------------------

    def docstring_of(self, node):
        if node.body and isinstance(node.body[0], Expr):
            value = node.body[0].value
            if isinstance(value, Constant) and isinstance(value.value, str):
                return value
        return None

    def body_with_docstring(self, node):
        doc = self.docstring_of(node)
        if doc is None:
            self.write_node(node.body)
            return
        self.line()
        if doc.kind == 'u':
            self.write('u')
        body, quotes = _quote_parts(doc.value, _TRIPLE_QUOTES)
        self.write(quotes[0], body, quotes[0])
        self.write_node(node.body[1:])

    def visit_Module(self, node):
        self.body_with_docstring(node)

    def visit_Interactive(self, node):
        self.write_node(node.body)

    def visit_Expression(self, node):
        self.write_node(node.body)

    def visit_Expr(self, node):
        self.line()
        self.demand(_P_YIELD, node.value)
        self.write_node(node.value)

    def visit_Assign(self, node):
        self.line()
        for target in node.targets:
            self.demand(_P_TUPLE, target)
            self.write_node(target)
            self.write(' = ')
        self.write_node(node.value)

    def visit_AugAssign(self, node):
        self.line()
        self.write_node(node.target)
        self.write(' ' + _BINARY[type(node.op).__name__][0] + '= ')
        self.write_node(node.value)

    def visit_AnnAssign(self, node):
        self.line()
        with self._Parens(self, not node.simple and isinstance(node.target, Name)):
            self.write_node(node.target)
        self.write(': ')
        self.write_node(node.annotation)
        if node.value:
            self.write(' = ')
            self.write_node(node.value)

    def visit_Return(self, node):
        self.line('return')
        if node.value:
            self.write(' ')
            self.write_node(node.value)

    def visit_Pass(self, node):
        self.line('pass')

    def visit_Break(self, node):
        self.line('break')

    def visit_Continue(self, node):
        self.line('continue')

    def visit_Delete(self, node):
        self.line('del ')
        self.joined(', ', node.targets)

    def visit_Assert(self, node):
        self.line('assert ')
        self.write_node(node.test)
        if node.msg:
            self.write(', ')
            self.write_node(node.msg)

    def visit_Global(self, node):
        self.line('global ' + ', '.join(node.names))

    def visit_Nonlocal(self, node):
        self.line('nonlocal ' + ', '.join(node.names))

    def visit_Import(self, node):
        self.line('import ')
        self.joined(', ', node.names)

    def visit_ImportFrom(self, node):
        self.line('from ' + '.' * (node.level or 0) + (node.module or '') + ' import ')
        self.joined(', ', node.names)

    def visit_alias(self, node):
        self.write(node.name)
        if node.asname:
            self.write(' as ' + node.asname)

    def visit_Raise(self, node):
        self.line('raise')
        if not node.exc:
            if node.cause:
                raise ValueError("Node can't use cause without an exception.")
            return
        self.write(' ')
        self.write_node(node.exc)
        if node.cause:
            self.write(' from ')
            self.write_node(node.cause)

    def try_statement(self, node, handler_word):
        self.line('try')
        self.block(node.body)
        for handler in node.handlers:
            self.handler(handler, handler_word)
        if node.orelse:
            self.line('else')
            self.block(node.orelse)
        if node.finalbody:
            self.line('finally')
            self.block(node.finalbody)

    def visit_Try(self, node):
        self.try_statement(node, 'except')

    def visit_TryStar(self, node):
        self.try_statement(node, 'except*')

    def handler(self, node, word):
        self.line(word)
        if node.type:
            self.write(' ')
            self.write_node(node.type)
        if node.name:
            self.write(' as ' + node.name)
        self.block(node.body)

    def visit_ExceptHandler(self, node):
        self.handler(node, 'except')

    def decorated(self, node, header):
        # A definition after other statements gets a blank line before it.
        if self._out:
            self.write('\n')
        for decorator in node.decorator_list:
            self.line('@')
            self.write_node(decorator)
        self.line(header)

    def visit_ClassDef(self, node):
        self.decorated(node, 'class ' + node.name)
        with self._Parens(self, bool(node.bases or node.keywords)):
            self.joined(', ', node.bases + node.keywords)
        self.write(':')
        self._depth += 1
        self.body_with_docstring(node)
        self._depth -= 1

    def function(self, node, keyword):
        self.decorated(node, keyword + ' ' + node.name)
        self.write('(')
        self.write_node(node.args)
        self.write(')')
        if node.returns:
            self.write(' -> ')
            self.write_node(node.returns)
        self.write(':')
        self._depth += 1
        self.body_with_docstring(node)
        self._depth -= 1

    def visit_FunctionDef(self, node):
        self.function(node, 'def')

    def visit_AsyncFunctionDef(self, node):
        self.function(node, 'async def')

    def loop(self, node, keyword):
        self.line(keyword)
        self.demand(_P_TUPLE, node.target)
        self.write_node(node.target)
        self.write(' in ')
        self.write_node(node.iter)
        self.block(node.body)
        if node.orelse:
            self.line('else')
            self.block(node.orelse)

    def visit_For(self, node):
        self.loop(node, 'for ')

    def visit_AsyncFor(self, node):
        self.loop(node, 'async for ')

    def visit_While(self, node):
        self.line('while ')
        self.write_node(node.test)
        self.block(node.body)
        if node.orelse:
            self.line('else')
            self.block(node.orelse)

    def visit_If(self, node):
        self.line('if ')
        self.write_node(node.test)
        self.block(node.body)
        # An else holding just an if is written as elif.
        while len(node.orelse) == 1 and isinstance(node.orelse[0], If):
            node = node.orelse[0]
            self.line('elif ')
            self.write_node(node.test)
            self.block(node.body)
        if node.orelse:
            self.line('else')
            self.block(node.orelse)

    def with_statement(self, node, keyword):
        self.line(keyword)
        self.joined(', ', node.items)
        self.block(node.body)

    def visit_With(self, node):
        self.with_statement(node, 'with ')

    def visit_AsyncWith(self, node):
        self.with_statement(node, 'async with ')

    def visit_withitem(self, node):
        self.write_node(node.context_expr)
        if node.optional_vars:
            self.write(' as ')
            self.write_node(node.optional_vars)

    def visit_Match(self, node):
        self.line('match ')
        self.write_node(node.subject)
        self.block(node.cases)

    def visit_match_case(self, node):
        self.line('case ')
        self.write_node(node.pattern)
        if node.guard:
            self.write(' if ')
            self.write_node(node.guard)
        self.block(node.body)

    # -- patterns ---------------------------------------------------------

    def visit_MatchValue(self, node):
        self.write_node(node.value)

    def visit_MatchSingleton(self, node):
        self.write(repr(node.value))

    def visit_MatchSequence(self, node):
        self.write('[')
        self.joined(', ', node.patterns)
        self.write(']')

    def visit_MatchStar(self, node):
        self.write('*' + (node.name or '_'))

    def visit_MatchMapping(self, node):
        self.write('{')
        pairs = list(zip(node.keys, node.patterns))

        def pair(item):
            self.write_node(item[0])
            self.write(': ')
            self.write_node(item[1])
        self.joined(', ', pairs, pair)
        if node.rest is not None:
            if node.keys:
                self.write(', ')
            self.write('**' + node.rest)
        self.write('}')

    def visit_MatchClass(self, node):
        self.demand(_P_ATOM, node.cls)
        self.write_node(node.cls)
        self.write('(')
        self.joined(', ', node.patterns)
        for i, (name, pattern) in enumerate(zip(node.kwd_attrs, node.kwd_patterns)):
            if i or node.patterns:
                self.write(', ')
            self.write(name + '=')
            self.write_node(pattern)
        self.write(')')

    def visit_MatchAs(self, node):
        if node.name is None:
            self.write('_')
        elif node.pattern is None:
            self.write(node.name)
        else:
            with self.parens(_P_TEST, node):
                self.demand(_P_BOR, node.pattern)
                self.write_node(node.pattern)
                self.write(' as ' + node.name)

    def visit_MatchOr(self, node):
        with self.parens(_P_BOR, node):
            self.demand(_P_BOR + 1, *node.patterns)
            self.joined(' | ', node.patterns)

    # -- expressions ------------------------------------------------------

    def visit_Name(self, node):
        self.write(node.id)

    def literal(self, value):
        if isinstance(value, (float, complex)):
            self.write(repr(value).replace('inf', _INFINITY)
                       .replace('nan', f'({_INFINITY}-{_INFINITY})'))
        elif self._plain_strings and isinstance(value, str):
            body, quotes = _quote_parts(value, _QUOTES)
            self.write(quotes[0], body, quotes[0])
        else:
            self.write(repr(value))

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, tuple):
            self.write('(')
            if len(value) == 1:
                self.literal(value[0])
                self.write(',')
            else:
                self.joined(', ', value, self.literal)
            self.write(')')
        elif value is ...:
            self.write('...')
        else:
            if node.kind == 'u':
                self.write('u')
            self.literal(value)

    def visit_JoinedStr(self, node):
        self.write('f')
        if self._plain_strings:
            body, quotes = _quote_parts(self.captured(self.fstring_part, node), _QUOTES)
            self.write(quotes[0], body, quotes[0])
            return
        # Each literal part escapes its own whitespace; the replacement
        # fields keep theirs. The quotes must suit every part.
        quotes = list(_QUOTES)
        pieces = []
        for value in node.values:
            text = self.captured(self.fstring_part, value)
            text, quotes = _quote_parts(text, quotes, not isinstance(value, Constant))
            pieces.append(text)
        self.write(quotes[0], ''.join(pieces), quotes[0])

    def fstring_part(self, node):
        if isinstance(node, JoinedStr):
            for value in node.values:
                self.fstring_part(value)
        elif isinstance(node, Constant) and isinstance(node.value, str):
            self.write(node.value.replace('{', '{{').replace('}', '}}'))
        elif isinstance(node, FormattedValue):
            self.visit_FormattedValue(node)
        else:
            raise ValueError(f'Unexpected node inside JoinedStr, {node!r}')

    def visit_FormattedValue(self, node):
        inner = _SourceWriter(plain_strings=True)
        inner.demand(_P_TEST + 1, node.value)
        text = inner.visit(node.value)
        if '\\' in text:
            raise ValueError('Unable to avoid backslash in f-string expression part')
        self.write('{')
        if text.startswith('{'):
            # "{{" would read as an escaped brace.
            self.write(' ')
        self.write(text)
        if node.conversion != -1:
            self.write('!' + chr(node.conversion))
        if node.format_spec:
            self.write(':')
            self.fstring_part(node.format_spec)
        self.write('}')

    def visit_List(self, node):
        self.write('[')
        self.joined(', ', node.elts)
        self.write(']')

    def visit_Tuple(self, node):
        with self._Parens(self, not node.elts or self.strength(node) > _P_TUPLE):
            self.sequence(node.elts)

    def visit_Set(self, node):
        if not node.elts:
            # {} is a dict; this is the shortest empty-set expression.
            self.write('{*()}')
            return
        self.write('{')
        self.joined(', ', node.elts)
        self.write('}')

    def visit_Dict(self, node):
        def pair(item):
            key, value = item
            if key is None:
                self.write('**')
                self.demand(_P_BOR, value)
                self.write_node(value)
            else:
                self.write_node(key)
                self.write(': ')
                self.write_node(value)
        self.write('{')
        self.joined(', ', list(zip(node.keys, node.values)), pair)
        self.write('}')

    def comprehension(self, opening, closing, heads, generators):
        self.write(opening)
        self.joined(': ', heads)
        self.write_node(generators)
        self.write(closing)

    def visit_ListComp(self, node):
        self.comprehension('[', ']', [node.elt], node.generators)

    def visit_SetComp(self, node):
        self.comprehension('{', '}', [node.elt], node.generators)

    def visit_GeneratorExp(self, node):
        self.comprehension('(', ')', [node.elt], node.generators)

    def visit_DictComp(self, node):
        self.comprehension('{', '}', [node.key, node.value], node.generators)

    def visit_comprehension(self, node):
        self.write(' async for ' if node.is_async else ' for ')
        self.demand(_P_TUPLE, node.target)
        self.write_node(node.target)
        self.write(' in ')
        self.demand(_P_TEST + 1, node.iter, *node.ifs)
        self.write_node(node.iter)
        for condition in node.ifs:
            self.write(' if ')
            self.write_node(condition)

    def visit_IfExp(self, node):
        with self.parens(_P_TEST, node):
            self.demand(_P_TEST + 1, node.body, node.test)
            self.write_node(node.body)
            self.write(' if ')
            self.write_node(node.test)
            self.write(' else ')
            self.demand(_P_TEST, node.orelse)
            self.write_node(node.orelse)

    def visit_NamedExpr(self, node):
        with self.parens(_P_NAMED, node):
            self.demand(_P_ATOM, node.target, node.value)
            self.write_node(node.target)
            self.write(' := ')
            self.write_node(node.value)

    def visit_UnaryOp(self, node):
        text, strength = _UNARY[type(node.op).__name__]
        with self.parens(strength, node):
            self.write(text)
            if strength != _P_FACTOR:
                self.write(' ')
            self.demand(strength, node.operand)
            self.write_node(node.operand)

    def visit_BinOp(self, node):
        text, strength = _BINARY[type(node.op).__name__]
        with self.parens(strength, node):
            # ** groups to the right, the others to the left.
            left, right = (strength + 1, strength) if text == '**' else (strength, strength + 1)
            self.demand(left, node.left)
            self.write_node(node.left)
            self.write(f' {text} ')
            self.demand(right, node.right)
            self.write_node(node.right)

    def visit_Compare(self, node):
        with self.parens(_P_CMP, node):
            self.demand(_P_CMP + 1, node.left, *node.comparators)
            self.write_node(node.left)
            for op, right in zip(node.ops, node.comparators):
                self.write(' ' + _COMPARISON[type(op).__name__] + ' ')
                self.write_node(right)

    def visit_BoolOp(self, node):
        text = ' and ' if isinstance(node.op, And) else ' or '
        strength = _P_AND if isinstance(node.op, And) else _P_OR
        with self.parens(strength, node):
            # Each operand binds one step tighter than the one before.
            for i, value in enumerate(node.values):
                if i:
                    self.write(text)
                self.demand(strength + i + 1, value)
                self.write_node(value)

    def visit_Attribute(self, node):
        self.demand(_P_ATOM, node.value)
        self.write_node(node.value)
        # "1.real" would read as a float: write "1 .real".
        if isinstance(node.value, Constant) and isinstance(node.value.value, int):
            self.write(' ')
        self.write('.' + node.attr)

    def visit_Call(self, node):
        self.demand(_P_ATOM, node.func)
        self.write_node(node.func)
        self.write('(')
        self.joined(', ', node.args + node.keywords)
        self.write(')')

    def visit_keyword(self, node):
        self.write('**' if node.arg is None else node.arg + '=')
        self.write_node(node.value)

    def visit_Subscript(self, node):
        self.demand(_P_ATOM, node.value)
        self.write_node(node.value)
        self.write('[')
        if isinstance(node.slice, Tuple) and node.slice.elts:
            self.sequence(node.slice.elts)
        else:
            self.write_node(node.slice)
        self.write(']')

    def visit_Starred(self, node):
        self.write('*')
        self.demand(_P_BOR, node.value)
        self.write_node(node.value)

    def visit_Slice(self, node):
        if node.lower:
            self.write_node(node.lower)
        self.write(':')
        if node.upper:
            self.write_node(node.upper)
        if node.step:
            self.write(':')
            self.write_node(node.step)

    def visit_Await(self, node):
        with self.parens(_P_AWAIT, node):
            self.write('await')
            if node.value:
                self.write(' ')
                self.demand(_P_ATOM, node.value)
                self.write_node(node.value)

    def visit_Yield(self, node):
        with self.parens(_P_YIELD, node):
            self.write('yield')
            if node.value:
                self.write(' ')
                self.demand(_P_ATOM, node.value)
                self.write_node(node.value)

    def visit_YieldFrom(self, node):
        with self.parens(_P_YIELD, node):
            self.write('yield from ')
            self.demand(_P_ATOM, node.value)
            self.write_node(node.value)

    def visit_Lambda(self, node):
        with self.parens(_P_TEST, node):
            self.write('lambda')
            params = self.captured(self.write_node, node.args)
            if params:
                self.write(' ', params)
            self.write(': ')
            self.demand(_P_TEST, node.body)
            self.write_node(node.body)

    def visit_arg(self, node):
        self.write(node.arg)
        if node.annotation:
            self.write(': ')
            self.write_node(node.annotation)

    def visit_arguments(self, node):
        parts = []
        positional = node.posonlyargs + node.args
        defaults = [None] * (len(positional) - len(node.defaults)) + node.defaults
        for index, (param, default) in enumerate(zip(positional, defaults), 1):
            parts.append((param, default))
            if index == len(node.posonlyargs):
                parts.append('/')
        if node.vararg or node.kwonlyargs:
            parts.append(('*', node.vararg))
        parts.extend(zip(node.kwonlyargs, node.kw_defaults))
        if node.kwarg:
            parts.append(('**', node.kwarg))

        def one(part):
            if part == '/':
                self.write('/')
                return
            first, second = part
            if first in ('*', '**'):
                self.write(first)
                if second:
                    self.write_node(second)
                return
            self.write_node(first)
            if second:
                self.write('=')
                self.write_node(second)
        self.joined(', ', parts, one)


def unparse(ast_obj):
    """Source text that parses back to a tree equal to [ast_obj]."""
    return _SourceWriter().visit(ast_obj)


class FunctionType(mod):
    """The root of a parsed function type comment, '(int, str) -> bool'
    (compile()'s 'func_type' mode, which gilpy does not parse)."""
    _fields = ('argtypes', 'returns')
    __match_args__ = _fields


def main():
    """python -m ast [file]: print the dump of a file (or stdin)."""
    import argparse
    parser = argparse.ArgumentParser(prog='python -m ast')
    parser.add_argument('infile', type=argparse.FileType(mode='rb'), nargs='?', default='-',
                        help='the file to parse; defaults to stdin')
    parser.add_argument('-m', '--mode', default='exec',
                        choices=('exec', 'single', 'eval', 'func_type'),
                        help='specify what kind of code must be parsed')
    parser.add_argument('--no-type-comments', default=True, action='store_false',
                        help="don't add information about type comments")
    parser.add_argument('-a', '--include-attributes', action='store_true',
                        help='include attributes such as line numbers and column offsets')
    parser.add_argument('-i', '--indent', type=int, default=3,
                        help='indentation of nodes (number of spaces)')
    options = parser.parse_args()
    with options.infile as infile:
        source = infile.read()
    tree = parse(source, options.infile.name, options.mode,
                 type_comments=options.no_type_comments)
    print(dump(tree, include_attributes=options.include_attributes, indent=options.indent))


if __name__ == '__main__':
    main()
