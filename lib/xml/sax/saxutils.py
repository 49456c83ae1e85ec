"""Helpers for SAX users: escaping text and attributes, and XMLGenerator."""

import io
import sys

from xml.sax.handler import ContentHandler


def _replace_all(text, pairs):
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def escape(data, entities={}):
    """Escapes &, < and > in [data], plus any extra [entities] (char -> text)."""
    data = _replace_all(data, (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;")))
    return _replace_all(data, entities.items()) if entities else data


def unescape(data, entities={}):
    """Undoes escape(): &lt;, &gt; and &amp; (last), plus any extra [entities]."""
    data = _replace_all(data, (("&lt;", "<"), ("&gt;", ">")))
    if entities:
        data = _replace_all(data, entities.items())
    return _replace_all(data, (("&amp;", "&"),))


def quoteattr(data, entities={}):
    """[data] escaped and quoted for use as an attribute value."""
    extra = dict(entities)
    extra.update({"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
    data = escape(data, extra)
    if '"' not in data:
        return '"%s"' % data
    if "'" not in data:
        return "'%s'" % data
    return '"%s"' % data.replace('"', "&quot;")


class XMLGenerator(ContentHandler):
    """A ContentHandler that writes the events it receives back out as XML."""

    def __init__(self, out=None, encoding="iso-8859-1", short_empty_elements=False):
        ContentHandler.__init__(self)
        if out is None:
            out = sys.stdout
        self._charset = encoding
        if isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
            self._write_text = lambda text: out.write(text.encode(encoding, "xmlcharrefreplace"))
        else:
            self._write_text = out.write
        self._flush = getattr(out, "flush", lambda: None)
        self._short_empty = short_empty_elements
        self._open_tag = False
        self._prefixes = [{}]
        self._pending_ns = []

    def _finish_open_tag(self):
        if self._open_tag:
            self._write_text(">")
            self._open_tag = False

    def startDocument(self):
        self._write_text('<?xml version="1.0" encoding="%s"?>\n' % self._charset)

    def endDocument(self):
        self._flush()

    def startPrefixMapping(self, prefix, uri):
        self._pending_ns.append((prefix, uri))

    def startElement(self, name, attrs):
        self._finish_open_tag()
        self._write_text("<" + name)
        for key, value in attrs.items():
            self._write_text(" %s=%s" % (key, quoteattr(value)))
        self._close_start()

    def _close_start(self):
        if self._short_empty:
            self._open_tag = True
        else:
            self._write_text(">")

    def _qname(self, name):
        uri, local = name
        if uri:
            for scope in reversed(self._prefixes):
                for prefix, known in scope.items():
                    if known == uri:
                        return "%s:%s" % (prefix, local) if prefix else local
        return local

    def startElementNS(self, name, qname, attrs):
        self._finish_open_tag()
        scope = dict(self._pending_ns)
        self._prefixes.append(scope)
        self._write_text("<" + self._qname(name))
        for prefix, uri in self._pending_ns:
            self._write_text(' xmlns%s="%s"' % (":" + prefix if prefix else "", uri))
        self._pending_ns = []
        for key, value in attrs.items():
            self._write_text(" %s=%s" % (self._qname(key), quoteattr(value)))
        self._close_start()

    def endElement(self, name):
        if self._open_tag:
            self._write_text("/>")
            self._open_tag = False
        else:
            self._write_text("</%s>" % name)

    def endElementNS(self, name, qname):
        self.endElement(self._qname(name))
        self._prefixes.pop()

    def characters(self, content):
        if content:
            self._finish_open_tag()
            self._write_text(escape(content if isinstance(content, str)
                                    else str(content, self._charset)))

    def ignorableWhitespace(self, content):
        if content:
            self._finish_open_tag()
            self._write_text(content)

    def processingInstruction(self, target, data):
        self._finish_open_tag()
        self._write_text("<?%s %s?>" % (target, data))
