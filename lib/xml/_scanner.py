"""gilpy's XML tokenizer: the engine under xml.etree and xml.dom.minidom.

CPython hands XML to the expat C library.  gilpy has no expat, so this
module reads XML itself, with regular expressions doing the character-level
work.  It reports what it finds to a handler object (start and end tags,
character data, comments, processing instructions, namespace declarations)
and raises XMLSyntaxError with expat's messages, error codes and (line,
column) positions, so that callers can present the same errors CPython does.

The scanner is incremental: feed() may be given any slice of the document.
A markup token cut short by the end of the buffer is retried once more text
arrives; close() then treats whatever is still open as an error.

Line ends are normalised first (CRLF and lone CR become LF), as the XML
specification asks, which also makes columns count the way expat's do.
"""

import codecs
import re

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"

# expat's error numbers and texts, for the errors this scanner can detect.
SYNTAX = 2
NO_ELEMENTS = 3
INVALID_TOKEN = 4
UNCLOSED_TOKEN = 5
PARTIAL_CHAR = 6
TAG_MISMATCH = 7
DUPLICATE_ATTRIBUTE = 8
JUNK_AFTER_DOC_ELEMENT = 9
UNDEFINED_ENTITY = 11
RECURSIVE_ENTITY_REF = 12
BAD_CHAR_REF = 14
ATTRIBUTE_EXTERNAL_ENTITY_REF = 16
MISPLACED_XML_PI = 17
UNKNOWN_ENCODING = 18
UNCLOSED_CDATA_SECTION = 20
UNBOUND_PREFIX = 27
UNDECLARING_PREFIX = 28
XML_DECL = 30
FINISHED = 36

MESSAGES = {
    SYNTAX: "syntax error",
    NO_ELEMENTS: "no element found",
    INVALID_TOKEN: "not well-formed (invalid token)",
    UNCLOSED_TOKEN: "unclosed token",
    PARTIAL_CHAR: "partial character",
    TAG_MISMATCH: "mismatched tag",
    DUPLICATE_ATTRIBUTE: "duplicate attribute",
    JUNK_AFTER_DOC_ELEMENT: "junk after document element",
    UNDEFINED_ENTITY: "undefined entity",
    RECURSIVE_ENTITY_REF: "recursive entity reference",
    BAD_CHAR_REF: "reference to invalid character number",
    ATTRIBUTE_EXTERNAL_ENTITY_REF: "reference to external entity in attribute",
    MISPLACED_XML_PI: "XML or text declaration not at start of entity",
    UNKNOWN_ENCODING: "unknown encoding",
    UNCLOSED_CDATA_SECTION: "unclosed CDATA section",
    UNBOUND_PREFIX: "unbound prefix",
    UNDECLARING_PREFIX: "must not undeclare prefix",
    XML_DECL: "XML declaration not well-formed",
    FINISHED: "parsing finished",
}


class XMLSyntaxError(Exception):
    """A well-formedness error: expat's [code], its text and where it is."""

    def __init__(self, code, lineno, offset):
        self.code = code
        self.lineno = lineno
        self.offset = offset
        self.msg = MESSAGES.get(code, "error %d" % code)
        Exception.__init__(self, "%s: line %d, column %d" % (self.msg, lineno, offset))


class _Incomplete(Exception):
    """Raised inside the scanner when a token runs past the end of the buffer."""


_NAME_START = ("A-Za-z_:\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d"
               "\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff"
               "\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_NAME_MORE = _NAME_START + "\\-.0-9\u00b7\u0300-\u036f\u203f\u2040"
# With namespaces on, expat lets no tag, attribute or entity name begin with
# a colon, and entity names have none at all.
_NCNAME = "[%s][%s]*" % (_NAME_START.replace(":", ""), _NAME_MORE.replace(":", ""))
_TAG_NAME = re.compile("%s(?::%s)?" % (_NCNAME, _NCNAME))
_ENTITY_NAME = re.compile("[%s][%s]*" % (_NAME_START.replace(":", ""),
                                        _NAME_MORE.replace(":", "")))
_NAME_START_CHAR = re.compile("[%s]" % _NAME_START.replace(":", ""))
_NMTOKEN = re.compile("[%s]+" % _NAME_MORE)
_SPACE = re.compile("[ \t\n]*")
# Characters XML forbids anywhere (after line-end normalisation, CR is gone).
_BAD = "\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff"
# A run of ordinary character data: everything up to markup, a reference,
# a possible "]]>" or a forbidden character.
_PLAIN_TEXT = re.compile("[^<&\\]%s]+" % _BAD)
_PLAIN_VALUE = {
    '"': re.compile('[^"<&%s]+' % _BAD),
    "'": re.compile("[^'<&%s]+" % _BAD),
}
_VALUE_SPACE = re.compile("[\t\n]")
_BAD_CHAR = re.compile("[%s]" % _BAD)
_DECIMAL = re.compile("[0-9]+")
_HEX = re.compile("[0-9a-fA-F]+")
_ENTITY_DECL = re.compile(
    "<!ENTITY[ \t\n]+([^ \t\n%]+)[ \t\n]+(?:\"([^\"]*)\"|'([^']*)')[ \t\n]*>")
# An entity declared with an external identifier (its text is never read).
_ENTITY_REF = re.compile("&([^;&#]+);")
_EXTERNAL_ENTITY_DECL = re.compile("<!ENTITY[ \t\n]+([^ \t\n%]+)[ \t\n]+(?:SYSTEM|PUBLIC)[ \t\n]")
_ATTLIST_DECL = re.compile("<!ATTLIST[ \t\n]+([^ \t\n>]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
# One attribute definition inside an ATTLIST: name, type, default.
_ATTRIBUTE_DEF = re.compile(
    "[ \t\n]*([^ \t\n>]+)[ \t\n]+(CDATA|ID|IDREF|IDREFS|ENTITY|ENTITIES|NMTOKEN|NMTOKENS"
    "|NOTATION[ \t\n]*\\([^)]*\\)|\\([^)]*\\))[ \t\n]+(#REQUIRED|#IMPLIED|"
    "(?:#FIXED[ \t\n]+)?(?:\"([^\"]*)\"|'([^']*)'))")
# What each XML declaration value may hold (standalone must match whole).
_DECL_VALUES = {
    "version": re.compile("[0-9A-Za-z._:-]*"),
    "encoding": re.compile("(?:[A-Za-z][A-Za-z0-9._-]*)?"),
}

PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _valid_char(code):
    return (code in (9, 10, 13) or 0x20 <= code <= 0xd7ff or 0xe000 <= code <= 0xfffd
            or 0x10000 <= code <= 0x10ffff)


class Scanner:
    """Reads one XML document and reports its parts to [handler].

    The handler may define any of: on_xml_decl(version, encoding,
    standalone), on_doctype(name, pubid, system, internal_subset),
    on_start(name, attrs) where attrs is a list of (name, value) pairs in
    document order, on_end(name), on_data(text), on_cdata(text) (CDATA
    sections; on_data gets them when it is absent), on_comment(text),
    on_pi(target, data), on_start_ns(prefix, uri) and on_end_ns(prefix).
    Names are reported as written (with their prefixes);
    resolve() turns one into its namespace URI and local part.
    """

    def __init__(self, handler, encoding=None):
        self.handler = handler
        self._forced_encoding = encoding
        self._buf = ""
        self._pos = 0
        self._line = 1          # line number at buffer offset 0
        self._line_start = 0    # buffer offset where that line begins (may be < 0)
        self._stack = []        # open element names
        self._ns_stack = []     # per open element: prefixes it declared, or None
        self._ns = {"xml": XML_NAMESPACE}
        self._entities = {}
        self._external_entities = set()
        self._attlists = None     # element name -> [(attribute, is_cdata, default)]
        # minidom, like expat with specified_attributes, wants no defaults.
        self._add_defaults = getattr(handler, "wants_default_attributes", True)
        self._seen_root = False
        self._done_root = False
        self._at_start = True
        self._closed = False
        self._pending_cr = False
        self._decoder = None
        self._decoder_name = None
        self._skip_bytes = 0      # length of a byte order mark to drop
        self._raw = b""
        self._handle_start = getattr(handler, "on_start", None)
        self._handle_end = getattr(handler, "on_end", None)
        self._handle_data = getattr(handler, "on_data", None)
        self._handle_cdata = getattr(handler, "on_cdata", None)
        self._handle_comment = getattr(handler, "on_comment", None)
        self._handle_pi = getattr(handler, "on_pi", None)
        self._handle_start_ns = getattr(handler, "on_start_ns", None)
        self._handle_end_ns = getattr(handler, "on_end_ns", None)

    # -- positions and errors -------------------------------------------

    def position(self, index):
        """The (line, column) of buffer offset [index]."""
        buf = self._buf
        newlines = buf.count("\n", 0, index)
        if newlines == 0:
            return self._line, index - self._line_start
        return self._line + newlines, index - buf.rfind("\n", 0, index) - 1

    def _error(self, code, index):
        line, column = self.position(index)
        raise XMLSyntaxError(code, line, column)

    # -- input -----------------------------------------------------------

    def feed(self, data, final=False):
        """Adds [data] (str or bytes) to the document and reports what it completes."""
        if self._closed:
            self._error(FINISHED, len(self._buf))
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = self._decode(bytes(data), final)
        elif self._decoder is not None and data:
            # Text after bytes: expat would read it as UTF-8 bytes too.
            data = self._decode(data.encode("utf-8"), final)
        self._add_text(data, final)

    def close(self):
        """Ends the document, raising if it is incomplete."""
        if self._decoder is not None or self._raw:
            self.feed(b"", True)
        else:
            self.feed("", True)
        self._closed = True

    def _decode(self, raw, final):
        if self._decoder is None:
            raw = self._raw + raw
            encoding = self._sniff(raw, final)
            if encoding is None:
                self._raw = raw
                return ""
            self._raw = b""
            raw = raw[self._skip_bytes:]
            try:
                self._decoder = codecs.getincrementaldecoder(encoding)()
            except LookupError:
                self._error(UNKNOWN_ENCODING, self._pos)
        try:
            return self._decoder.decode(raw, final)
        except UnicodeDecodeError as exc:
            # Report the text before the bad byte first: an earlier error wins.
            good = raw[:exc.start].decode(self._decoder_name, "ignore")
            self._add_text(good, False)
            self._error(INVALID_TOKEN, len(self._buf))

    def _sniff(self, raw, final):
        """The encoding of a byte document, or None while too little has arrived."""
        if self._forced_encoding:
            self._decoder_name = self._forced_encoding
            return self._decoder_name
        if raw.startswith(codecs.BOM_UTF8):
            self._skip_bytes = 3
            self._decoder_name = "utf-8"
        elif raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
            self._skip_bytes = 2
            self._decoder_name = "utf-16-le" if raw[0] == 0xff else "utf-16-be"
        elif raw.startswith(b"<\x00?\x00") or raw.startswith(b"\x00<\x00?"):
            self._decoder_name = "utf-16-le" if raw[0] == 0x3c else "utf-16-be"
        elif raw.startswith(b"<?xml"):
            end = raw.find(b"?>")
            if end < 0 and not final and len(raw) < 4096:
                return None
            match = re.search(rb"encoding[ \t\r\n]*=[ \t\r\n]*[\"']([A-Za-z0-9._-]+)",
                              raw[:end if end >= 0 else len(raw)])
            self._decoder_name = match.group(1).decode("ascii") if match else "utf-8"
        elif len(raw) < 5 and not final and b"<?xml".startswith(raw):
            return None
        else:
            self._decoder_name = "utf-8"
        return self._decoder_name

    def _add_text(self, text, final):
        # Normalise line ends; a CR at the end of one piece may pair with an
        # LF at the start of the next.
        if self._pending_cr:
            text = "\r" + text
            self._pending_cr = False
        if "\r" in text:
            if text.endswith("\r") and not final:
                text = text[:-1]
                self._pending_cr = True
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if self._at_start and not self._buf and text.startswith("\ufeff"):
            text = text[1:]
        if self._pos:
            self._discard()
        self._buf += text
        self._scan(final)

    def _discard(self):
        """Drops the consumed part of the buffer, keeping positions right."""
        buf, pos = self._buf, self._pos
        newlines = buf.count("\n", 0, pos)
        if newlines:
            self._line += newlines
            self._line_start = buf.rfind("\n", 0, pos) + 1 - pos
        else:
            self._line_start -= pos
        self._buf = buf[pos:]
        self._pos = 0

    # -- the main loop ---------------------------------------------------

    def _scan(self, final):
        buf = self._buf
        end = len(buf)
        while self._pos < end:
            start = self._pos
            try:
                if buf[start] == "<":
                    self._markup(start, final)
                elif self._stack:
                    self._text(start, final)
                else:
                    self._outside_text(start, final)
            except _Incomplete:
                self._pos = start
                if not final:
                    return
                if buf.startswith("<![CDATA[", start):
                    # expat has reported the data up to a possible "]]".
                    stop = end
                    while stop > start + 9 and end - stop < 2 and buf[stop - 1] == "]":
                        stop -= 1
                    self._error(UNCLOSED_CDATA_SECTION, stop)
                self._error(UNCLOSED_TOKEN, start)
            self._at_start = False
        if final:
            if not self._done_root:
                self._error(NO_ELEMENTS, end)

    def _markup(self, start, final):
        buf = self._buf
        if start + 1 >= len(buf):
            raise _Incomplete
        c = buf[start + 1]
        if c == "/":
            self._end_tag(start)
        elif c == "?":
            self._processing_instruction(start)
        elif c == "!":
            if self._done_root and not buf.startswith("--", start + 2):
                # A declaration after the root is junk; anything else is invalid.
                if start + 2 >= len(buf):
                    raise _Incomplete
                if _NAME_START_CHAR.match(buf, start + 2) is None and buf[start + 2] != "-":
                    self._error(INVALID_TOKEN, start + 2)
                self._error(JUNK_AFTER_DOC_ELEMENT, start)
            if buf.startswith("--", start + 2):
                self._comment(start)
            elif self._stack and buf.startswith("[", start + 2):
                # expat wants all of "CDATA[" present before it compares.
                if len(buf[start + 3:start + 9].encode("utf-8", "surrogatepass")) < 6:
                    raise _Incomplete
                self._expect(start + 2, "[CDATA[")
                self._cdata(start)
            elif not self._stack and not self._seen_root and buf.startswith("DOCTYPE", start + 2):
                self._doctype(start)
            elif not self._stack and _NAME_START_CHAR.match(buf, start + 2):
                # Some other declaration, out of place before the root.
                name, stop = self._name(start + 2, _ENTITY_NAME)
                if buf[stop] not in " \t\n[":
                    self._error(INVALID_TOKEN, stop)
                self._error(SYNTAX, start)
            else:
                self._expect(start + 2, "--")
        else:
            if self._done_root:
                if _NAME_START_CHAR.match(buf, start + 1) is None:
                    self._error(INVALID_TOKEN, start + 1)
                self._error(JUNK_AFTER_DOC_ELEMENT, start)
            self._start_tag(start)

    def _expect(self, index, word):
        """Checks that [word] is spelt at [index]: invalid token at the first slip."""
        buf = self._buf
        for i, ch in enumerate(word):
            if index + i >= len(buf):
                raise _Incomplete
            if buf[index + i] != ch:
                self._error(INVALID_TOKEN, index + i)

    def _name(self, index, pattern=_TAG_NAME):
        match = pattern.match(self._buf, index)
        if match is None:
            if index >= len(self._buf):
                raise _Incomplete
            self._error(INVALID_TOKEN, index)
        if match.end() >= len(self._buf):
            raise _Incomplete
        if pattern is _TAG_NAME and self._buf[match.end()] == ":":
            # A second colon is wrong at once; a first one must start a name.
            if ":" in match.group():
                self._error(INVALID_TOKEN, match.end())
            if match.end() + 1 >= len(self._buf):
                raise _Incomplete
            self._error(INVALID_TOKEN, match.end() + 1)
        return match.group(), match.end()

    def _skip_space(self, index):
        index = _SPACE.match(self._buf, index).end()
        if index >= len(self._buf):
            raise _Incomplete
        return index

    # -- tags --------------------------------------------------------------

    def _start_tag(self, start):
        buf = self._buf
        if start == 0 and self._line == 1 and len(buf) > 1 and _BAD_CHAR.match(buf, 1):
            # expat reads "<" and a NUL at the very start as a UTF-16 signature.
            self._error(INVALID_TOKEN, start + 2)
        name, index = self._name(start + 1)
        self._tag_start = start
        attrs = []
        seen = set()
        declared = None
        while True:
            after = self._skip_space(index)
            c = buf[after]
            if c == ">":
                empty = False
                index = after + 1
                break
            if c == "/":
                if after + 1 >= len(buf):
                    raise _Incomplete
                if buf[after + 1] != ">":
                    self._error(INVALID_TOKEN, after + 1)
                empty = True
                index = after + 2
                break
            if after == index:
                self._error(INVALID_TOKEN, after)
            attr, index = self._name(after)
            index = self._skip_space(index)
            if buf[index] != "=":
                self._error(INVALID_TOKEN, index)
            index = self._skip_space(index + 1)
            value, index = self._attribute_value(index)
            if attr in seen:
                self._error(DUPLICATE_ATTRIBUTE, after)
            seen.add(attr)
            if attr.startswith("xmlns") and (len(attr) == 5 or attr[5] == ":"):
                if declared is None:
                    declared = []
                declared.append((attr[6:], value))
            attrs.append((attr, value))
        self._pos = index
        if self._attlists is not None:
            self._apply_attlist(name, attrs)
        self._open(start, name, attrs, declared)
        if empty:
            self._close_element()

    def _attribute_value(self, index):
        buf = self._buf
        quote = buf[index]
        if quote != '"' and quote != "'":
            self._error(INVALID_TOKEN, index)
        plain = _PLAIN_VALUE[quote]
        parts = []
        index += 1
        while True:
            match = plain.match(buf, index)
            if match is not None:
                parts.append(_VALUE_SPACE.sub(" ", match.group()))
                index = match.end()
            if index >= len(buf):
                raise _Incomplete
            c = buf[index]
            if c == quote:
                return "".join(parts), index + 1
            if c == "&":
                text, index = self._reference(index, True)
                parts.append(text)
            else:
                self._error(INVALID_TOKEN, index)

    def _open(self, start, name, attrs, declared):
        self._seen_root = True
        if declared is not None:
            saved = {}
            for prefix, uri in declared:
                if prefix and not uri:
                    self._error(UNDECLARING_PREFIX, start)
                saved[prefix] = self._ns.get(prefix)
                self._ns[prefix] = uri
            self._ns_stack.append(saved)
        else:
            self._ns_stack.append(None)
        # Every prefix in use must be bound.
        if ":" in name and name.split(":", 1)[0] not in self._ns:
            self._error(UNBOUND_PREFIX, start)
        expanded = None
        for attr, _ in attrs:
            if ":" in attr:
                prefix, _, local = attr.partition(":")
                if prefix == "xmlns":
                    continue
                if prefix not in self._ns:
                    self._error(UNBOUND_PREFIX, start)
                # Two prefixes for one namespace can still name one attribute twice.
                if expanded is None:
                    expanded = set()
                key = (self._ns[prefix], local)
                if key in expanded:
                    self._error(DUPLICATE_ATTRIBUTE, start)
                expanded.add(key)
        self._stack.append(name)
        if declared is not None and self._handle_start_ns is not None:
            for prefix, uri in declared:
                self._handle_start_ns(prefix, uri)
        if self._handle_start is not None:
            self._handle_start(name, attrs)

    def _close_element(self):
        name = self._stack.pop()
        if self._handle_end is not None:
            self._handle_end(name)
        saved = self._ns_stack.pop()
        if saved is not None:
            for prefix, uri in reversed(list(saved.items())):
                if self._handle_end_ns is not None:
                    self._handle_end_ns(prefix)
                if uri is None:
                    del self._ns[prefix]
                else:
                    self._ns[prefix] = uri
        if not self._stack:
            self._done_root = True

    def _end_tag(self, start):
        buf = self._buf
        if not self._stack:
            self._error(INVALID_TOKEN, start + 1)
        name, index = self._name(start + 2)
        index = self._skip_space(index)
        if buf[index] != ">":
            self._error(INVALID_TOKEN, index)
        if name != self._stack[-1]:
            self._error(TAG_MISMATCH, start + 2)
        self._pos = index + 1
        self._close_element()

    def resolve(self, name, attribute=False):
        """The (uri, local) pair for a prefixed [name] in the current scope."""
        prefix, colon, local = name.partition(":")
        if colon:
            return self._ns.get(prefix, ""), local
        if attribute:
            return "", name
        return self._ns.get("", ""), name

    # -- character data ----------------------------------------------------

    def _text(self, start, final):
        buf = self._buf
        end = len(buf)
        index = start
        parts = []
        while index < end:
            match = _PLAIN_TEXT.match(buf, index)
            if match is not None:
                parts.append(match.group())
                index = match.end()
                if index >= end:
                    break
            c = buf[index]
            if c == "<":
                break
            if c == "&":
                try:
                    text, index = self._reference(index, False)
                except _Incomplete:
                    if parts:
                        break
                    raise
                parts.append(text)
            elif c == "]":
                if buf.startswith("]]>", index):
                    self._error(INVALID_TOKEN, index + 2)
                if end - index < 3 and "]]>".startswith(buf[index:]) and not final:
                    if parts:
                        break
                    raise _Incomplete
                parts.append("]")
                index += 1
            else:
                self._error(INVALID_TOKEN, index)
        self._pos = index
        if parts and self._handle_data is not None:
            self._handle_data("".join(parts))

    def _reference(self, index, in_value):
        """Expands the reference at [index] ('&'); returns (text, end)."""
        buf = self._buf
        if index + 1 >= len(buf):
            raise _Incomplete
        if buf[index + 1] == "#":
            digits = index + 2
            if digits < len(buf) and buf[digits] == "x":
                digits += 1
                match = _HEX.match(buf, digits)
                base = 16
            else:
                match = _DECIMAL.match(buf, digits)
                base = 10
            stop = match.end() if match else digits
            if stop >= len(buf):
                raise _Incomplete
            if match is None or buf[stop] != ";":
                self._error(INVALID_TOKEN, stop)
            code = int(match.group(), base)
            if not _valid_char(code):
                self._error(BAD_CHAR_REF, index)
            return chr(code), stop + 1
        name, stop = self._name(index + 1, _ENTITY_NAME)
        if buf[stop] != ";":
            self._error(INVALID_TOKEN, stop)
        text = PREDEFINED.get(name)
        if text is None:
            if name in self._external_entities:
                if in_value:
                    self._error(ATTRIBUTE_EXTERNAL_ENTITY_REF, index)
                skipped = getattr(self.handler, "on_skipped_entity", None)
                if skipped is not None:
                    skipped(name, index)
                    return "", stop + 1
            if name not in self._entities:
                # In an attribute value expat blames the whole tag.
                self._error(UNDEFINED_ENTITY, self._tag_start if in_value else index)
            text = self._replacement_text(name, index, set())
            if in_value:
                text = _VALUE_SPACE.sub(" ", text)
        return text, stop + 1

    def _outside_text(self, start, final):
        """Text before or after the root element: only white space may be there.

        Anything else is read as expat's prolog tokenizer would read it, so
        that the error (and its position) is the one expat gives: an invalid
        token inside it, else a syntax error (before the root) or junk after
        the document element (after it) at its start.
        """
        buf = self._buf
        index = _SPACE.match(buf, start).end()
        if index >= len(buf) or buf[index] == "<":
            self._pos = index
            return
        self._prolog_token(index, final)
        self._error(JUNK_AFTER_DOC_ELEMENT if self._done_root else SYNTAX, index)

    def _prolog_token(self, index, final):
        """Checks the prolog token at [index]; raises if it is invalid or cut short."""
        buf = self._buf
        end = len(buf)
        c = buf[index]
        if c == "]" and buf.startswith("]", index + 1) and index + 2 >= end:
            # Possibly the start of "]]>".
            if not final:
                raise _Incomplete
            self._error(UNCLOSED_TOKEN, index)
        if c in "[]()|,>%":
            return
        if c == '"' or c == "'":
            close = buf.find(c, index + 1)
            self._check_chars(index + 1, close)
            if close < 0:
                if not final:
                    raise _Incomplete
                self._error(UNCLOSED_TOKEN, index)
            after = close + 1
            if after >= end:
                if not final:
                    raise _Incomplete
                return
            if buf[after] not in " \t\n>[":
                self._error(INVALID_TOKEN, after)
            return
        if c == "#":
            index += 1
            if index >= end:
                if not final:
                    raise _Incomplete
                self._error(UNCLOSED_TOKEN, index - 1)
            if _NAME_START_CHAR.match(buf, index) is None:
                self._error(INVALID_TOKEN, index)
            stop = _ENTITY_NAME.match(buf, index).end()
            if stop >= end:
                if not final:
                    raise _Incomplete
                return
            if buf[stop] not in " \t\n)>%|":
                self._error(INVALID_TOKEN, stop)
            return
        match = _NMTOKEN.match(buf, index)
        if match is None:
            self._error(INVALID_TOKEN, index)
        stop = match.end()
        # expat's classification: a name, unless it starts like a name
        # token or has a colon not followed by a name character.
        is_name = _NAME_START_CHAR.match(buf, index) is not None
        colon = buf.find(":", index, stop)
        if is_name and colon >= 0:
            if colon + 1 >= end:
                if not final:
                    raise _Incomplete
                self._error(UNCLOSED_TOKEN, index)
            is_name = colon + 1 < stop and buf[colon + 1] != ":"
        if stop >= end:
            if not final:
                raise _Incomplete
            return
        # A name may end in "+", "*" or "?" (content models); a name token may not.
        enders = " \t\n>),|[%+*?" if is_name else " \t\n>),|[%"
        if buf[stop] not in enders:
            self._error(INVALID_TOKEN, stop)

    # -- comments, CDATA, processing instructions, DOCTYPE -----------------

    def _check_chars(self, start, stop):
        """Raises at the first forbidden character in [start, stop) (stop < 0: to the end)."""
        buf = self._buf
        bad = _BAD_CHAR.search(buf, start, stop if stop >= 0 else len(buf))
        if bad is not None:
            self._error(INVALID_TOKEN, bad.start())

    def _comment(self, start):
        buf = self._buf
        body = start + 4
        index = buf.find("--", body)
        self._check_chars(body, index)
        if index < 0 or index + 2 >= len(buf):
            raise _Incomplete
        if buf[index + 2] != ">":
            self._error(INVALID_TOKEN, index + 2)
        text = buf[body:index]
        self._pos = index + 3
        if self._handle_comment is not None:
            self._handle_comment(text)

    def _cdata(self, start):
        buf = self._buf
        body = start + 9
        index = buf.find("]]>", body)
        self._check_chars(body, index)
        if index < 0:
            raise _Incomplete
        text = buf[body:index]
        self._pos = index + 3
        if self._handle_cdata is not None:
            self._handle_cdata(text)
        elif text and self._handle_data is not None:
            self._handle_data(text)

    def _processing_instruction(self, start):
        buf = self._buf
        target, index = self._name(start + 2, _ENTITY_NAME)
        close = buf.find("?>", index)
        if index != close and buf[index] not in " \t\n":
            if buf[index] == "?":
                if index + 1 >= len(buf):
                    raise _Incomplete
                self._error(INVALID_TOKEN, index + 1)
            self._error(INVALID_TOKEN, index)
        self._check_chars(index, close)
        if close < 0:
            raise _Incomplete
        if target.lower() == "xml":
            if target != "xml":
                self._error(INVALID_TOKEN, index)
            if not self._at_start or start != 0:
                self._error(MISPLACED_XML_PI, start)
            self._xml_decl(index, close)
            self._pos = close + 2
            return
        data_start = _SPACE.match(buf, index).end() if index < close else index
        data = buf[data_start:close] if data_start < close else ""
        self._pos = close + 2
        if self._handle_pi is not None:
            self._handle_pi(target, data)

    def _xml_decl(self, index, close):
        """Reads the XML declaration's pseudo-attributes, [index] to [close] ("?>").

        Positions of errors follow expat: the offending character, or where
        an expected '=' or quote is missing.
        """
        buf = self._buf
        values = {}
        order = ["version", "encoding", "standalone"]
        pos = index
        while True:
            start = _SPACE.match(buf, pos, close).end()
            if start >= close:
                break
            if start == pos:
                self._error(XML_DECL, pos)
            end = start
            while end < close and buf[end] not in " \t\n=":
                end += 1
            if end >= close:
                self._error(XML_DECL, close)
            name = buf[start:end]
            end = _SPACE.match(buf, end, close).end()
            if end >= close or buf[end] != "=":
                self._error(XML_DECL, end)
            end = _SPACE.match(buf, end + 1, close).end()
            if end >= close or buf[end] not in "\"'":
                self._error(XML_DECL, end)
            if name not in order or (pos == index and name != "version"):
                self._error(XML_DECL, start)
            stop = buf.find(buf[end], end + 1, close)
            value = buf[end + 1:stop if stop >= 0 else close]
            if name == "standalone":
                if stop >= 0 and value not in ("yes", "no"):
                    self._error(XML_DECL, end + 1)
            else:
                good = _DECL_VALUES[name].match(value).end()
                if good != len(value):
                    self._error(XML_DECL, end + 1 + good)
            if stop < 0:
                self._error(XML_DECL, close)
            del order[:order.index(name) + 1]
            values[name] = value
            pos = stop + 1
        if "version" not in values:
            self._error(XML_DECL, index)
        handler = getattr(self.handler, "on_xml_decl", None)
        if handler is not None:
            standalone = values.get("standalone")
            handler(values["version"], values.get("encoding"),
                    -1 if standalone is None else int(standalone == "yes"))

    def _doctype(self, start):
        """Skips a DOCTYPE, keeping the simple entity definitions it makes."""
        buf = self._buf
        index = start + 9
        depth = 0
        quote = None
        subset_start = subset_end = -1
        while True:
            if index >= len(buf):
                raise _Incomplete
            c = buf[index]
            if quote is not None:
                if c == quote:
                    quote = None
            elif c == '"' or c == "'":
                quote = c
            elif c == "[":
                if depth == 0:
                    subset_start = index + 1
                depth += 1
            elif c == "]":
                depth -= 1
                if depth == 0:
                    subset_end = index
            elif c == ">" and depth == 0:
                break
            index += 1
        head = buf[start + 9:subset_start - 1 if subset_start >= 0 else index]
        subset = buf[subset_start:subset_end] if subset_start >= 0 else None
        if subset:
            for match in _ENTITY_DECL.finditer(subset):
                value = match.group(2) if match.group(2) is not None else match.group(3)
                self._entities.setdefault(match.group(1), self._expand_char_refs(value))
            for match in _EXTERNAL_ENTITY_DECL.finditer(subset):
                self._external_entities.add(match.group(1))
            for match in _ATTLIST_DECL.finditer(subset):
                self._declare_attributes(match.group(1), match.group(2))
        self._pos = index + 1
        handler = getattr(self.handler, "on_doctype", None)
        if handler is not None:
            name, pubid, system = _split_doctype(head)
            handler(name, pubid, system, subset)

    def _replacement_text(self, name, index, active):
        """The text entity [name] stands for, its own references expanded."""
        if name in active:
            self._error(RECURSIVE_ENTITY_REF, index)
        text = self._entities[name]
        if "&" not in text:
            return text
        active.add(name)

        def expand(match):
            inner = match.group(1)
            if inner in PREDEFINED:
                return PREDEFINED[inner]
            if inner in self._entities:
                return self._replacement_text(inner, index, active)
            self._error(UNDEFINED_ENTITY, index)
        text = _ENTITY_REF.sub(expand, text)
        active.discard(name)
        return text

    def _declare_attributes(self, element, body):
        """Records an ATTLIST: which attributes are tokens and their defaults."""
        if self._attlists is None:
            self._attlists = {}
        known = self._attlists.setdefault(element, [])
        for match in _ATTRIBUTE_DEF.finditer(body):
            name, kind = match.group(1), match.group(2)
            default = match.group(4) if match.group(4) is not None else match.group(5)
            if default is not None:
                default = _VALUE_SPACE.sub(" ", self._expand_char_refs(default))
                for entity, text in PREDEFINED.items():
                    default = default.replace("&%s;" % entity, text)
            if all(name != seen for seen, _, _ in known):
                is_cdata = kind == "CDATA"
                if default is not None and not is_cdata:
                    default = _collapse_spaces(default)
                known.append((name, is_cdata, default))

    def _apply_attlist(self, name, attrs):
        """Normalises token attributes and adds declared defaults to [attrs]."""
        declared = self._attlists.get(name)
        if not declared:
            return
        present = {attr: i for i, (attr, _) in enumerate(attrs)}
        for attr, is_cdata, default in declared:
            i = present.get(attr)
            if i is not None:
                if not is_cdata:
                    attrs[i] = (attr, _collapse_spaces(attrs[i][1]))
            elif default is not None and self._add_defaults:
                attrs.append((attr, default))

    @staticmethod
    def _expand_char_refs(value):
        def one(match):
            text = match.group(1)
            return chr(int(text[1:], 16) if text[0] == "x" else int(text))
        return re.sub("&#(x[0-9a-fA-F]+|[0-9]+);", one, value)


def _collapse_spaces(value):
    """Token attribute normalisation: no leading, trailing or repeated spaces."""
    return " ".join(part for part in value.split(" ") if part)


def _split_doctype(head):
    """The name, public id and system id written in a DOCTYPE's head."""
    words = re.findall("\"[^\"]*\"|'[^']*'|[^ \t\n]+", head)
    name = words[0] if words else None
    pubid = system = None
    if len(words) >= 3 and words[1] == "PUBLIC":
        pubid = words[2][1:-1]
        if len(words) >= 4:
            system = words[3][1:-1]
    elif len(words) >= 3 and words[1] == "SYSTEM":
        system = words[2][1:-1]
    return name, pubid, system
