"""ElementTree: XML documents as trees of Element objects.

gilpy's version of the standard module.  Parsing goes through xml._scanner
(gilpy's own XML reader, standing in for expat); serialising produces the
same text as CPython's for the same tree: attribute order kept, namespaces
given ns0, ns1, ... prefixes unless registered, and the same escaping.
"""

import collections
import io
import re
import sys

from xml import _scanner
from xml.etree import ElementPath

__all__ = [
    "Comment", "dump", "Element", "ElementTree", "fromstring", "fromstringlist",
    "indent", "iselement", "iterparse", "parse", "ParseError", "PI",
    "ProcessingInstruction", "QName", "SubElement", "tostring", "tostringlist",
    "TreeBuilder", "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
    "register_namespace",
]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """Raised for malformed XML; .code is expat's error number, .position (line, column)."""


def _parse_error(exc):
    err = ParseError(str(exc))
    err.code = exc.code
    err.position = (exc.lineno, exc.offset)
    return err


def iselement(element):
    """True if [element] looks like an Element (has a tag)."""
    return hasattr(element, "tag")


class Element:
    """An XML element: a tag, an attribute dict, text, tail and child elements."""

    tag = None
    attrib = None
    text = None
    tail = None

    def __init__(self, tag, attrib={}, **extra):
        if not isinstance(attrib, dict):
            raise TypeError("Element() argument 2 must be dict, not %s" % type(attrib).__name__)
        self.tag = tag
        self.attrib = {**attrib, **extra}
        self._kids = []

    def __repr__(self):
        return "<Element %r at %#x>" % (self.tag, id(self))

    def makeelement(self, tag, attrib):
        # CPython's C Element makes plain Elements here, even for subclasses.
        return Element(tag, attrib)

    def copy(self):
        return self.__copy__()

    def __copy__(self):
        elem = self.makeelement(self.tag, self.attrib)
        elem.text = self.text
        elem.tail = self.tail
        elem[:] = self
        return elem

    def __deepcopy__(self, memo):
        import copy
        elem = self.makeelement(copy.deepcopy(self.tag, memo), copy.deepcopy(self.attrib, memo))
        elem.text = copy.deepcopy(self.text, memo)
        elem.tail = copy.deepcopy(self.tail, memo)
        elem._kids = [copy.deepcopy(child, memo) for child in self._kids]
        return elem

    def __len__(self):
        return len(self._kids)

    def __bool__(self):
        # CPython 3.11's C Element is false when childless, without a warning.
        return len(self._kids) != 0

    def __getitem__(self, index):
        try:
            return self._kids[index]
        except IndexError:
            raise IndexError("child index out of range") from None

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            element = list(element)
            for item in element:
                self._require_element(item)
        else:
            self._require_element(element)
        self._kids[index] = element

    def __delitem__(self, index):
        del self._kids[index]

    @staticmethod
    def _check(item, where):
        if not isinstance(item, Element):
            raise TypeError("%s must be xml.etree.ElementTree.Element, not %s"
                            % (where, type(item).__name__))

    @staticmethod
    def _require_element(item):
        if not isinstance(item, Element):
            raise TypeError('expected an Element, not "%s"' % type(item).__name__)

    def append(self, subelement):
        self._check(subelement, "append() argument")
        self._kids.append(subelement)

    def extend(self, elements):
        elements = list(elements)
        for item in elements:
            self._require_element(item)
        self._kids.extend(elements)

    def insert(self, index, subelement):
        self._check(subelement, "insert() argument 2")
        self._kids.insert(index, subelement)

    def remove(self, subelement):
        for i, child in enumerate(self._kids):
            if child is subelement:
                del self._kids[i]
                return
        for i, child in enumerate(self._kids):
            if child == subelement:
                del self._kids[i]
                return
        raise ValueError("list.remove(x): x not in list")

    def clear(self):
        self.attrib.clear()
        self._kids = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    def keys(self):
        return self.attrib.keys()

    def items(self):
        return self.attrib.items()

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        # An explicit stack instead of recursion keeps deep trees cheap.
        stack = [iter((self,))]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
                continue
            if tag is None or node.tag == tag:
                yield node
            if node._kids:
                stack.append(iter(list(node._kids)))

    def itertext(self):
        # Like CPython's C accelerator (not its Python fallback), comments
        # and processing instructions give their text too.
        if self.text:
            yield self.text
        for child in self._kids:
            yield from child.itertext()
            if child.tail:
                yield child.tail


def SubElement(parent, tag, attrib={}, **extra):
    """Creates an element with [tag] and appends it to [parent]."""
    element = Element(tag, {**attrib, **extra})
    parent.append(element)
    return element


def Comment(text=None):
    """An element that serialises as an XML comment."""
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    """An element that serialises as a processing instruction."""
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = target + " " + text
    return element


PI = ProcessingInstruction


class QName:
    """A qualified name, "{uri}local", that serialises with a namespace prefix."""

    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def _key(self, other):
        return other.text if isinstance(other, QName) else other

    def __eq__(self, other):
        return self.text == self._key(other)

    def __ne__(self, other):
        return self.text != self._key(other)

    def __lt__(self, other):
        return self.text < self._key(other)

    def __le__(self, other):
        return self.text <= self._key(other)

    def __gt__(self, other):
        return self.text > self._key(other)

    def __ge__(self, other):
        return self.text >= self._key(other)


def _open_source(source):
    """[source] as a readable file, and whether we opened it (and must close it)."""
    if hasattr(source, "read"):
        return source, False
    return open(source, "rb"), True


class ElementTree:
    """A whole document: a root element plus whole-document parse and write."""

    def __init__(self, element=None, file=None):
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        source, close_source = _open_source(source)
        try:
            if parser is None:
                parser = XMLParser()
            while True:
                data = source.read(65536)
                if not data:
                    break
                parser.feed(data)
            self._root = parser.close()
            return self._root
        finally:
            if close_source:
                source.close()

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _relative(self, path):
        if path[:1] == "/":
            import warnings
            path = "." + path
            warnings.warn(
                "This search is broken in 1.3 and earlier, and will be fixed in a future "
                "version.  If you rely on the current behaviour, change it to %r" % path,
                FutureWarning, stacklevel=3)
        return path

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *, short_empty_elements=True):
        if not method:
            method = "xml"
        elif method not in ("xml", "html", "text"):
            raise ValueError("unknown method %r" % method)
        if not encoding:
            encoding = "us-ascii"
        unicode_out = encoding.lower() == "unicode"
        declared = "utf-8" if unicode_out else encoding
        out = []
        write = out.append
        if method == "xml" and (xml_declaration or (
                xml_declaration is None and not unicode_out
                and declared.lower() not in ("utf-8", "us-ascii"))):
            write("<?xml version='1.0' encoding='%s'?>\n" % declared)
        if method == "text":
            _write_text(write, self._root)
        else:
            qnames, namespaces = _namespaces(self._root, default_namespace)
            if method == "html":
                _write_html(write, self._root, qnames, namespaces)
            else:
                _write_xml(write, self._root, qnames, namespaces, short_empty_elements)
        text = "".join(out)
        if unicode_out:
            data = text
        else:
            data = text.encode(encoding, "xmlcharrefreplace")
        if hasattr(file_or_filename, "write"):
            if not unicode_out and isinstance(file_or_filename, io.TextIOBase):
                file_or_filename.write(text)
            else:
                file_or_filename.write(data)
        elif unicode_out:
            with open(file_or_filename, "w", encoding="utf-8", newline="") as f:
                f.write(data)
        else:
            with open(file_or_filename, "wb") as f:
                f.write(data)


def _add_path_searches():
    """Gives Element and ElementTree their find, findall, findtext and iterfind.

    Element's run the ElementPath search from the element itself; the tree's
    run it from the root, after turning an absolute path into a relative one.
    """
    def element_method(search):
        def method(self, path, *args, **kwargs):
            return search(self, path, *args, **kwargs)
        return method

    def tree_method(name):
        def method(self, path, *args, **kwargs):
            return getattr(self._root, name)(self._relative(path), *args, **kwargs)
        return method

    for name in ("find", "findall", "findtext", "iterfind"):
        search = getattr(ElementPath, name)
        for cls, method in ((Element, element_method(search)), (ElementTree, tree_method(name))):
            method.__name__ = name
            method.__qualname__ = cls.__name__ + "." + name
            method.__doc__ = search.__doc__
            setattr(cls, name, method)


_add_path_searches()


# -- serialisation -----------------------------------------------------------

# The prefixes serialisation uses for well-known namespaces.
_namespace_map = dict((uri, prefix) for prefix, uri in (
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("wsdl", "http://schemas.xmlsoap.org/wsdl/"),
    ("xs", "http://www.w3.org/2001/XMLSchema"),
    ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
))


_RESERVED_PREFIX = re.compile(r"ns\d+$")


def register_namespace(prefix, uri):
    """Makes serialisation write [uri]'s names with [prefix]."""
    if _RESERVED_PREFIX.match(prefix):
        raise ValueError("Prefix format reserved for internal use")
    for known_uri, known_prefix in list(_namespace_map.items()):
        if known_uri == uri or known_prefix == prefix:
            del _namespace_map[known_uri]
    _namespace_map[uri] = prefix


def _cannot_serialize(value):
    raise TypeError("cannot serialize %r (type %s)" % (value, type(value).__name__))


def _namespaces(root, default_namespace=None):
    """Maps every name in the tree to its written form; collects uri -> prefix."""
    qnames = {None: None}
    namespaces = {}
    if default_namespace:
        namespaces[default_namespace] = ""

    def add(name):
        if not isinstance(name, str):
            _cannot_serialize(name)
        if name[:1] == "{":
            uri, brace, local = name[1:].rpartition("}")
            if not brace:
                _cannot_serialize(name)
            prefix = namespaces.get(uri)
            if prefix is None:
                prefix = _namespace_map.get(uri)
                if prefix is None:
                    prefix = "ns%d" % len(namespaces)
                if prefix != "xml":
                    namespaces[uri] = prefix
            qnames[name] = "%s:%s" % (prefix, local) if prefix else local
        else:
            if default_namespace:
                raise ValueError("cannot use non-qualified names with default_namespace option")
            qnames[name] = name

    for elem in root.iter():
        tag = elem.tag
        if isinstance(tag, QName):
            if tag.text not in qnames:
                add(tag.text)
        elif isinstance(tag, str):
            if tag not in qnames:
                add(tag)
        elif tag is not None and tag is not Comment and tag is not ProcessingInstruction:
            _cannot_serialize(tag)
        for key, value in elem.items():
            if isinstance(key, QName):
                key = key.text
            if key not in qnames:
                add(key)
            if isinstance(value, QName) and value.text not in qnames:
                add(value.text)
        if isinstance(elem.text, QName) and elem.text.text not in qnames:
            add(elem.text.text)
    return qnames, namespaces


_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def _escape_text(text):
    if not isinstance(text, str):
        _cannot_serialize(text)
    for char, entity in _TEXT_ESCAPES:
        if char in text:
            text = text.replace(char, entity)
    return text


_ATTR_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                 ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))


def _escape_attribute(value):
    if not isinstance(value, str):
        _cannot_serialize(value)
    for char, entity in _ATTR_ESCAPES:
        if char in value:
            value = value.replace(char, entity)
    return value


def _escape_html_attribute(value):
    if not isinstance(value, str):
        _cannot_serialize(value)
    for char, entity in (("&", "&amp;"), (">", "&gt;"), ('"', "&quot;")):
        if char in value:
            value = value.replace(char, entity)
    return value


def _write_open_tag(write, elem, tag, qnames, namespaces, escape):
    write("<" + tag)
    if namespaces:
        for uri, prefix in sorted(namespaces.items(), key=lambda item: item[1]):
            write(' xmlns%s="%s"' % (":" + prefix if prefix else "", _escape_attribute(uri)))
    for key, value in list(elem.items()):
        if isinstance(key, QName):
            key = key.text
        if isinstance(value, QName):
            value = qnames[value.text]
        else:
            value = escape(value)
        write(' %s="%s"' % (qnames[key], value))


def _write_xml(write, elem, qnames, namespaces, short_empty):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % text)
    elif tag is ProcessingInstruction:
        write("<?%s?>" % text)
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_text(text))
            for child in elem:
                _write_xml(write, child, qnames, None, short_empty)
        else:
            _write_open_tag(write, elem, tag, qnames, namespaces, _escape_attribute)
            if text or len(elem) or not short_empty:
                write(">")
                if text:
                    write(_escape_text(text))
                for child in elem:
                    _write_xml(write, child, qnames, None, short_empty)
                write("</" + tag + ">")
            else:
                write(" />")
    if elem.tail:
        write(_escape_text(elem.tail))


_HTML_EMPTY = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img",
               "input", "isindex", "link", "meta", "param", "source", "track", "wbr"}


def _write_html(write, elem, qnames, namespaces):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % _escape_text(text))
    elif tag is ProcessingInstruction:
        write("<?%s?>" % _escape_text(text))
    else:
        tag = qnames[tag.text if isinstance(tag, QName) else tag]
        if tag is None:
            if text:
                write(_escape_text(text))
            for child in elem:
                _write_html(write, child, qnames, None)
        else:
            _write_open_tag(write, elem, tag, qnames, namespaces, _escape_html_attribute)
            write(">")
            lower = tag.lower()
            if text:
                write(text if lower in ("script", "style") else _escape_text(text))
            for child in elem:
                _write_html(write, child, qnames, None)
            if lower not in _HTML_EMPTY:
                write("</" + tag + ">")
    if elem.tail:
        write(_escape_text(elem.tail))


def _write_text(write, elem):
    for part in elem.itertext():
        write(part)
    if elem.tail:
        write(elem.tail)


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    """The serialised [element]: str for encoding='unicode', bytes otherwise."""
    stream = io.StringIO() if encoding == "unicode" else io.BytesIO()
    ElementTree(element).write(stream, encoding, xml_declaration=xml_declaration,
                               default_namespace=default_namespace, method=method,
                               short_empty_elements=short_empty_elements)
    return stream.getvalue()


def tostringlist(element, encoding=None, method=None, *, xml_declaration=None,
                 default_namespace=None, short_empty_elements=True):
    return [tostring(element, encoding, method, xml_declaration=xml_declaration,
                     default_namespace=default_namespace,
                     short_empty_elements=short_empty_elements)]


def dump(elem):
    """Writes [elem] (or a tree) to sys.stdout, for debugging."""
    tree = elem if isinstance(elem, ElementTree) else ElementTree(elem)
    tree.write(sys.stdout, encoding="unicode")
    if not (tree.getroot().tail or "").endswith("\n"):
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Adds white space to text and tails so the tree prints one element per line."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError("Initial indentation level must be >= 0, got %d" % level)
    if not len(tree):
        return
    prefixes = ["\n" + level * space]

    def prefix(depth):
        while len(prefixes) <= depth:
            prefixes.append(prefixes[-1] + space)
        return prefixes[depth]

    def walk(elem, depth):
        inner = prefix(depth + 1)
        if not elem.text or not elem.text.strip():
            elem.text = inner
        last = None
        for child in elem:
            if len(child):
                walk(child, depth + 1)
            if not child.tail or not child.tail.strip():
                child.tail = inner
            last = child
        if not last.tail.strip():
            last.tail = prefixes[depth]

    walk(tree, 0)


# -- parsing -----------------------------------------------------------------

def parse(source, parser=None):
    """Parses a file (name or open file) into an ElementTree."""
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


def fromstring(text, parser=None):
    """Parses an XML document held in a string and returns its root element."""
    if parser is None:
        parser = XMLParser()
    parser.feed(text)
    return parser.close()


XML = fromstring


def XMLID(text, parser=None):
    """Parses [text]; returns the root and a dict of the elements with an id."""
    root = fromstring(text, parser)
    ids = {}
    for elem in root.iter():
        value = elem.get("id")
        if value:
            ids[value] = elem
    return root, ids


def fromstringlist(sequence, parser=None):
    if parser is None:
        parser = XMLParser()
    for text in sequence:
        parser.feed(text)
    return parser.close()


class TreeBuilder:
    """Builds Elements from start/data/end calls: the default parser target.

    Character data is collected until the next tag, then stored as the text
    of the element just opened or the tail of the element just closed.
    """

    def __init__(self, element_factory=None, *, comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._make = Element if element_factory is None else element_factory
        self._make_comment = Comment if comment_factory is None else comment_factory
        self._make_pi = ProcessingInstruction if pi_factory is None else pi_factory
        self.insert_comments = insert_comments
        self.insert_pis = insert_pis
        self._open = []          # elements started and not yet ended
        self._text = []          # character data since the last tag
        self._anchor = None      # the element that text belongs to
        self._as_tail = False    # whether it is that element's tail
        self._top = None

    def close(self):
        # As with CPython's C builder, an unfinished tree is returned as it is.
        return self._top

    def _store_text(self):
        if not self._text:
            return
        anchor = self._anchor
        if anchor is not None:
            joined = "".join(self._text)
            if self._as_tail:
                anchor.tail = joined
            else:
                anchor.text = joined
        self._text = []

    def data(self, data):
        self._text.append(data)

    def start(self, tag, attrs):
        self._store_text()
        elem = self._make(tag, attrs)
        self._attach(elem)
        self._open.append(elem)
        self._as_tail = False
        return elem

    def _attach(self, elem):
        if self._open:
            self._open[-1].append(elem)
        elif self._top is None:
            self._top = elem
        self._anchor = elem

    def end(self, tag):
        self._store_text()
        self._anchor = self._open.pop()
        self._as_tail = True
        return self._anchor

    def comment(self, text):
        return self._special(self._make_comment(text), self.insert_comments)

    def pi(self, target, text=None):
        return self._special(self._make_pi(target, text), self.insert_pis)

    def _special(self, elem, insert):
        # Comments and processing instructions join the tree only inside
        # the root element, and only when asked to.
        if insert:
            self._store_text()
            if self._open:
                self._open[-1].append(elem)
            self._anchor = elem
            self._as_tail = True
        return elem


class _ParserHandler:
    """Turns scanner callbacks into calls on an XMLParser's target.

    Callbacks the target cannot take are set to None, so the scanner skips
    them altogether.
    """

    def __init__(self, target):
        self.target = target
        self.scanner = None
        for event in ("start", "end", "data", "comment", "pi", "start_ns", "end_ns",
                      "doctype"):
            if not hasattr(target, event):
                setattr(self, "on_" + event, None)

    def _name(self, name, attribute):
        if ":" in name or (not attribute and "" in self.scanner._ns):
            uri, local = self.scanner.resolve(name, attribute)
            return "{%s}%s" % (uri, local) if uri else local
        return name

    def on_start(self, name, attrs):
        attrib = {}
        for key, value in attrs:
            if not (key.startswith("xmlns") and (len(key) == 5 or key[5] == ":")):
                attrib[self._name(key, True)] = value
        self.target.start(self._name(name, False), attrib)

    def on_end(self, name):
        self.target.end(self._name(name, False))

    def on_data(self, text):
        self.target.data(text)

    def on_comment(self, text):
        self.target.comment(text)

    def on_pi(self, target, data):
        self.target.pi(target, data)

    def on_start_ns(self, prefix, uri):
        self.target.start_ns(prefix, uri)

    def on_end_ns(self, prefix):
        self.target.end_ns(prefix)

    def on_skipped_entity(self, name, index):
        # An external entity expat would hand to its default handler, which
        # ElementTree turns into this error.
        line, column = self.scanner.position(index)
        err = ParseError("undefined entity &%s;: line %d, column %d" % (name, line, column))
        err.code = _scanner.UNDEFINED_ENTITY
        err.position = (line, column)
        raise err

    def on_doctype(self, name, pubid, system, subset):
        self.target.doctype(name, pubid, system)


class XMLParser:
    """An XML parser feeding a target (a TreeBuilder unless one is given)."""

    def __init__(self, *, target=None, encoding=None):
        if target is None:
            target = TreeBuilder()
        self.target = self._target = target
        self._handler = _ParserHandler(target)
        self._scanner = _scanner.Scanner(self._handler, encoding)
        self._handler.scanner = self._scanner
        self.entity = {}
        self.version = "Expat 2.5.0"

    def feed(self, data):
        try:
            self._scanner.feed(data)
        except _scanner.XMLSyntaxError as exc:
            raise _parse_error(exc) from None

    def close(self):
        try:
            self._scanner.close()
        except _scanner.XMLSyntaxError as exc:
            raise _parse_error(exc) from None
        close = getattr(self.target, "close", None)
        if close is not None:
            return close()
        return None

    def flush(self):
        pass


class _EventTarget:
    """A TreeBuilder wrapper recording the events an XMLPullParser asked for."""

    def __init__(self, builder, events, queue):
        self._builder = builder
        self._events = events
        self._queue = queue

    def start(self, tag, attrib):
        elem = self._builder.start(tag, attrib)
        if "start" in self._events:
            self._queue.append(("start", elem))
        return elem

    def end(self, tag):
        elem = self._builder.end(tag)
        if "end" in self._events:
            self._queue.append(("end", elem))
        return elem

    def data(self, text):
        self._builder.data(text)

    def comment(self, text):
        elem = self._builder.comment(text)
        if "comment" in self._events:
            self._queue.append(("comment", elem))

    def pi(self, target, data):
        elem = self._builder.pi(target, data)
        if "pi" in self._events:
            self._queue.append(("pi", elem))

    def start_ns(self, prefix, uri):
        if "start-ns" in self._events:
            self._queue.append(("start-ns", (prefix or "", uri or "")))

    def end_ns(self, prefix):
        if "end-ns" in self._events:
            self._queue.append(("end-ns", None))

    def close(self):
        return self._builder.close()


class XMLPullParser:
    """A non-blocking parser: feed() data, then read_events() what it produced."""

    def __init__(self, events=None, *, _parser=None):
        self._queue = collections.deque()
        if events is None:
            events = ("end",)
        events = tuple(events)
        for event in events:
            if event not in ("start", "end", "comment", "pi", "start-ns", "end-ns"):
                raise ValueError("unknown event %r" % event)
        builder = TreeBuilder(insert_comments="comment" in events, insert_pis="pi" in events)
        self._parser = _parser or XMLParser(
            target=_EventTarget(builder, set(events), self._queue))

    def feed(self, data):
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if data:
            try:
                self._parser.feed(data)
            except SyntaxError as exc:
                self._queue.append(exc)

    def _finish(self):
        root = self._parser.close()
        self._parser = None
        return root

    def close(self):
        self._finish()

    def flush(self):
        pass

    def read_events(self):
        queue = self._queue
        while queue:
            event = queue.popleft()
            if isinstance(event, Exception):
                raise event
            yield event


class _IterParseIterator:
    """What iterparse returns: (event, element) pairs, then .root when done."""

    def __init__(self, source, events, parser):
        self._pull = XMLPullParser(events=events, _parser=parser)
        self._source, self._close_source = _open_source(source)
        self._pending = iter(())
        self._finished = False
        self.root = None

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            event = next(self._pending, None)
            if event is not None:
                return event
            if self._finished:
                raise StopIteration
            try:
                events = list(self._pull.read_events())
                if not events:
                    data = self._source.read(16 * 1024)
                    if data:
                        self._pull.feed(data)
                    else:
                        self.root = self._pull._finish()
                        self._finished = True
                    events = list(self._pull.read_events())
            except BaseException:
                self._finished = True
                self._done()
                raise
            if self._finished:
                self._done()
            self._pending = iter(events)

    def _done(self):
        if self._close_source:
            self._source.close()
            self._close_source = False


def iterparse(source, events=None, parser=None):
    """Parses [source] step by step, yielding (event, element) pairs."""
    return _IterParseIterator(source, events, parser)
