"""SAX: event-driven XML parsing with ContentHandler callbacks.

gilpy's parser (make_parser, parse, parseString) runs on xml._scanner, its
own XML reader, where CPython's runs on expat.
"""

import io

from xml import _scanner
from xml.sax.handler import ContentHandler, ErrorHandler, feature_namespaces


class SAXException(Exception):
    """A SAX error; may wrap another exception."""

    def __init__(self, msg, exception=None):
        self._msg = msg
        self._exception = exception
        Exception.__init__(self, msg)

    def getMessage(self):
        return self._msg

    def getException(self):
        return self._exception

    def __str__(self):
        return self._msg

    def __getitem__(self, index):
        raise AttributeError("__getitem__")


class SAXParseException(SAXException):
    """A well-formedness error, with where it happened."""

    def __init__(self, msg, exception, locator):
        SAXException.__init__(self, msg, exception)
        self._locator = locator
        self._system_id = locator.getSystemId()
        self._line = locator.getLineNumber()
        self._column = locator.getColumnNumber()

    def getColumnNumber(self):
        return self._column

    def getLineNumber(self):
        return self._line

    def getPublicId(self):
        return None

    def getSystemId(self):
        return self._system_id

    def __str__(self):
        where = self._system_id if self._system_id is not None else "<unknown>"
        return "%s:%s:%s: %s" % (where, self._line, self._column, self._msg)


class SAXNotRecognizedException(SAXException):
    pass


class SAXNotSupportedException(SAXException):
    pass


class AttributesImpl:
    """Element attributes as SAX hands them out: a read-only mapping."""

    def __init__(self, attrs):
        self._attrs = attrs

    def getLength(self):
        return len(self._attrs)

    def getType(self, name):
        return "CDATA"

    def getValue(self, name):
        return self._attrs[name]

    def getValueByQName(self, name):
        return self._attrs[name]

    def getNameByQName(self, name):
        if name not in self._attrs:
            raise KeyError(name)
        return name

    def getQNameByName(self, name):
        return self.getNameByQName(name)

    def getNames(self):
        return list(self._attrs.keys())

    def getQNames(self):
        return list(self._attrs.keys())

    def __len__(self):
        return len(self._attrs)

    def __getitem__(self, name):
        return self._attrs[name]

    def keys(self):
        return list(self._attrs.keys())

    def __contains__(self, name):
        return name in self._attrs

    def get(self, name, alternative=None):
        return self._attrs.get(name, alternative)

    def copy(self):
        return type(self)(dict(self._attrs))

    def items(self):
        return list(self._attrs.items())

    def values(self):
        return list(self._attrs.values())


class _Locator:
    def __init__(self, parser):
        self._parser = parser

    def getColumnNumber(self):
        return self._parser._position()[1]

    def getLineNumber(self):
        return self._parser._position()[0]

    def getPublicId(self):
        return None

    def getSystemId(self):
        return self._parser._system_id


class _Relay:
    """Passes scanner events to the reader's ContentHandler."""

    def __init__(self, reader):
        self._reader = reader

    def on_start(self, name, attrs):
        reader = self._reader
        handler = reader._content
        if reader._namespaces:
            resolve = reader._scanner.resolve
            pairs = {}
            for key, value in attrs:
                if key == "xmlns" or key.startswith("xmlns:"):
                    continue
                uri, local = resolve(key, True)
                pairs[(uri or None, local)] = value
            uri, local = resolve(name)
            handler.startElementNS((uri or None, local), None, AttributesImpl(pairs))
        else:
            handler.startElement(name, AttributesImpl(dict(attrs)))

    def on_end(self, name):
        reader = self._reader
        if reader._namespaces:
            uri, local = reader._scanner.resolve(name)
            reader._content.endElementNS((uri or None, local), None)
        else:
            reader._content.endElement(name)

    def on_data(self, text):
        self._reader._content.characters(text)

    def on_pi(self, target, data):
        self._reader._content.processingInstruction(target, data)

    def on_start_ns(self, prefix, uri):
        if self._reader._namespaces:
            self._reader._content.startPrefixMapping(prefix or None, uri)

    def on_end_ns(self, prefix):
        if self._reader._namespaces:
            self._reader._content.endPrefixMapping(prefix or None)


class _Reader:
    """An XMLReader: set the handlers, then parse() or feed()/close()."""

    def __init__(self):
        self._content = ContentHandler()
        self._errors = ErrorHandler()
        self._namespaces = False
        self._scanner = None
        self._system_id = None

    def getContentHandler(self):
        return self._content

    def setContentHandler(self, handler):
        self._content = handler

    def getErrorHandler(self):
        return self._errors

    def setErrorHandler(self, handler):
        self._errors = handler

    def getDTDHandler(self):
        return None

    def setDTDHandler(self, handler):
        pass

    def getEntityResolver(self):
        return None

    def setEntityResolver(self, resolver):
        pass

    def setFeature(self, name, state):
        if self._scanner is not None:
            raise SAXNotSupportedException("cannot set features while parsing")
        if name == feature_namespaces:
            self._namespaces = bool(state)
        elif not name.startswith("http://xml.org/sax/features/"):
            raise SAXNotRecognizedException("Feature '%s' not recognized" % name)

    def getFeature(self, name):
        if name == feature_namespaces:
            return self._namespaces
        if not name.startswith("http://xml.org/sax/features/"):
            raise SAXNotRecognizedException("Feature '%s' not recognized" % name)
        return 0

    def _position(self):
        if self._scanner is None:
            return None, None
        return self._scanner.position(self._scanner._pos)

    def _start(self):
        self._scanner = _scanner.Scanner(_Relay(self))
        self._content.setDocumentLocator(_Locator(self))
        self._content.startDocument()

    def feed(self, data):
        if self._scanner is None:
            self._start()
        try:
            self._scanner.feed(data)
        except _scanner.XMLSyntaxError as exc:
            self._fail(exc)

    def close(self):
        if self._scanner is None:
            self._start()
        try:
            self._scanner.close()
        except _scanner.XMLSyntaxError as exc:
            self._fail(exc)
        self._content.endDocument()
        self._scanner = None

    def _fail(self, exc):
        locator = _Locator(self)
        error = SAXParseException(exc.msg, exc, locator)
        error._line, error._column = exc.lineno, exc.offset
        self._errors.fatalError(error)

    def parse(self, source):
        close = False
        if isinstance(source, str):
            self._system_id = source
            source = open(source, "rb")
            close = True
        elif hasattr(source, "getByteStream"):
            source = source.getByteStream() or source.getCharacterStream()
        try:
            while True:
                data = source.read(65536)
                if not data:
                    break
                self.feed(data)
            self.close()
        finally:
            if close:
                source.close()


def make_parser(parser_list=()):
    """A new SAX XMLReader."""
    return _Reader()


def parse(source, handler, errorHandler=ErrorHandler()):
    """Parses [source] (file name or file) reporting to [handler]."""
    reader = make_parser()
    reader.setContentHandler(handler)
    reader.setErrorHandler(errorHandler)
    reader.parse(source)


def parseString(string, handler, errorHandler=ErrorHandler()):
    """Parses an XML document held in a str or bytes object."""
    reader = make_parser()
    reader.setContentHandler(handler)
    reader.setErrorHandler(errorHandler)
    reader.parse(io.BytesIO(string) if isinstance(string, (bytes, bytearray))
                 else io.StringIO(string))
