"""A pyexpat-shaped interface over gilpy's own XML scanner.

CPython's xml.parsers.expat wraps the expat C library.  gilpy has no expat;
this module offers the commonly used part of the same interface (ParserCreate,
the handler attributes, Parse, ParseFile, ExpatError) on top of xml._scanner.
"""

import types

from xml import _scanner

EXPAT_VERSION = "expat_2.5.0"
version_info = (2, 5, 0)
native_encoding = "UTF-8"


class ExpatError(Exception):
    """A well-formedness error: .code, .lineno and .offset say what and where."""


error = ExpatError

# errors.messages maps codes to texts and errors.codes the other way, as in
# pyexpat; each message is also reachable as errors.XML_ERROR_<NAME>.
errors = types.ModuleType("xml.parsers.expat.errors")
errors.messages = dict(_scanner.MESSAGES)
errors.codes = {text: code for code, text in _scanner.MESSAGES.items()}
for _name in ("SYNTAX", "NO_ELEMENTS", "INVALID_TOKEN", "UNCLOSED_TOKEN", "PARTIAL_CHAR",
              "TAG_MISMATCH", "DUPLICATE_ATTRIBUTE", "JUNK_AFTER_DOC_ELEMENT",
              "UNDEFINED_ENTITY", "RECURSIVE_ENTITY_REF", "BAD_CHAR_REF",
              "MISPLACED_XML_PI", "UNKNOWN_ENCODING", "UNCLOSED_CDATA_SECTION",
              "UNBOUND_PREFIX", "UNDECLARING_PREFIX", "XML_DECL"):
    setattr(errors, "XML_ERROR_" + _name, _scanner.MESSAGES[getattr(_scanner, _name)])
del _name


def ErrorString(code):
    """The message for expat error number [code]."""
    return _scanner.MESSAGES.get(code)


def _to_expat_error(exc):
    err = ExpatError(str(exc))
    err.code = exc.code
    err.lineno = exc.lineno
    err.offset = exc.offset
    return err


class _Relay:
    """Passes scanner callbacks to whichever handlers the xmlparser has set."""

    def __init__(self, parser):
        self._parser = parser

    def _name(self, name, attribute):
        sep = self._parser._separator
        if sep is None:
            return name
        uri, local = self._parser._scanner.resolve(name, attribute)
        return uri + sep + local if uri else local

    def on_start(self, name, attrs):
        handler = self._parser.StartElementHandler
        if handler is None:
            return
        if self._parser._separator is not None:
            attrs = [(self._name(key, True), value) for key, value in attrs
                     if not (key.startswith("xmlns") and (len(key) == 5 or key[5] == ":"))]
        if self._parser.ordered_attributes:
            flat = []
            for key, value in attrs:
                flat.append(key)
                flat.append(value)
            handler(self._name(name, False), flat)
        else:
            handler(self._name(name, False), dict(attrs))

    def on_end(self, name):
        handler = self._parser.EndElementHandler
        if handler is not None:
            handler(self._name(name, False))

    def on_data(self, text):
        handler = self._parser.CharacterDataHandler
        if handler is not None:
            handler(text)

    def on_comment(self, text):
        handler = self._parser.CommentHandler
        if handler is not None:
            handler(text)

    def on_pi(self, target, data):
        handler = self._parser.ProcessingInstructionHandler
        if handler is not None:
            handler(target, data)

    def on_start_ns(self, prefix, uri):
        handler = self._parser.StartNamespaceDeclHandler
        if handler is not None and self._parser._separator is not None:
            handler(prefix or None, uri)

    def on_end_ns(self, prefix):
        handler = self._parser.EndNamespaceDeclHandler
        if handler is not None and self._parser._separator is not None:
            handler(prefix or None)

    def on_xml_decl(self, version, encoding, standalone):
        handler = self._parser.XmlDeclHandler
        if handler is not None:
            handler(version, encoding, standalone)

    def on_doctype(self, name, pubid, system, subset):
        handler = self._parser.StartDoctypeDeclHandler
        if handler is not None:
            handler(name, system, pubid, 1 if subset is not None else 0)
        handler = self._parser.EndDoctypeDeclHandler
        if handler is not None:
            handler()


class XMLParserType:
    """One parse: set the *Handler attributes, then call Parse or ParseFile."""

    def __init__(self, encoding=None, namespace_separator=None):
        self._separator = namespace_separator
        self._scanner = _scanner.Scanner(_Relay(self))
        self._finished = False
        self.buffer_text = False
        self.buffer_size = 8192
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self.ErrorCode = 0
        self.ErrorLineNumber = 1
        self.ErrorColumnNumber = 0
        self.ErrorByteIndex = -1
        for name in ("StartElementHandler", "EndElementHandler", "CharacterDataHandler",
                     "CommentHandler", "ProcessingInstructionHandler", "XmlDeclHandler",
                     "StartNamespaceDeclHandler", "EndNamespaceDeclHandler",
                     "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "DefaultHandler",
                     "DefaultHandlerExpand", "StartCdataSectionHandler",
                     "EndCdataSectionHandler", "EntityDeclHandler"):
            setattr(self, name, None)

    @property
    def CurrentLineNumber(self):
        return self._scanner.position(self._scanner._pos)[0]

    @property
    def CurrentColumnNumber(self):
        return self._scanner.position(self._scanner._pos)[1]

    def Parse(self, data, isfinal=False):
        if self._finished:
            raise ExpatError("parsing finished: line %d, column %d"
                             % (self.CurrentLineNumber, self.CurrentColumnNumber))
        try:
            self._scanner.feed(data)
            if isfinal:
                self._finished = True
                self._scanner.close()
        except _scanner.XMLSyntaxError as exc:
            self.ErrorCode = exc.code
            self.ErrorLineNumber = exc.lineno
            self.ErrorColumnNumber = exc.offset
            raise _to_expat_error(exc) from None
        return 1

    def ParseFile(self, file):
        while True:
            data = file.read(self.buffer_size)
            if not data:
                break
            self.Parse(data)
        return self.Parse(b"" if isinstance(data, bytes) else "", True)

    def SetParamEntityParsing(self, flag):
        return 1

    def UseForeignDTD(self, flag=True):
        pass

    def GetReparseDeferralEnabled(self):
        return False


def ParserCreate(encoding=None, namespace_separator=None):
    """A new parser; [namespace_separator] turns on namespace processing."""
    return XMLParserType(encoding, namespace_separator)
