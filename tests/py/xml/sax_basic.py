# xml.sax: ContentHandler events, namespaces, errors, and saxutils helpers.
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.saxutils import XMLGenerator, escape, quoteattr, unescape


class Collect(ContentHandler):
    def __init__(self):
        ContentHandler.__init__(self)
        self.events = []
        self.text = []

    def startDocument(self):
        self.events.append("startDocument")

    def endDocument(self):
        self.events.append("endDocument")

    def startElement(self, name, attrs):
        self.flush()
        self.events.append(("start", name, sorted(attrs.items()), attrs.getLength(),
                            attrs.get("id"), "id" in attrs))

    def endElement(self, name):
        self.flush()
        self.events.append(("end", name))

    def startElementNS(self, name, qname, attrs):
        self.flush()
        self.events.append(("startNS", name, sorted(attrs.items(), key=repr)))

    def endElementNS(self, name, qname):
        self.flush()
        self.events.append(("endNS", name))

    def startPrefixMapping(self, prefix, uri):
        self.events.append(("prefix", prefix, uri))

    def characters(self, content):
        self.text.append(content)

    def processingInstruction(self, target, data):
        self.events.append(("pi", target, data))

    def flush(self):
        if self.text:
            self.events.append(("text", "".join(self.text)))
            self.text = []


doc = '<root id="r"><a x="1" y="2">hi &amp; bye</a><?pi d?>\n<b/></root>'
handler = Collect()
xml.sax.parseString(doc, handler)
for event in handler.events:
    print(event)

handler = Collect()
xml.sax.parse(io.BytesIO(b'<r xmlns="urn:d" xmlns:p="urn:p" p:k="v"><p:c/></r>'), handler)
print(handler.events)

handler = Collect()
reader = xml.sax.make_parser()
reader.setFeature(feature_namespaces, True)
reader.setContentHandler(handler)
reader.parse(io.StringIO('<r xmlns="urn:d" xmlns:p="urn:p" p:k="v" plain="1"><p:c/></r>'))
for event in handler.events:
    print(event)

try:
    xml.sax.parseString(b"<a>\n<b></a>", ContentHandler())
except xml.sax.SAXParseException as exc:
    print("SAXParseException", exc.getMessage(), exc.getLineNumber(), exc.getColumnNumber())

print(escape("a < b & c > d"), escape("x\"y", {'"': "&quot;"}), unescape("&lt;&amp;amp;&gt;"))
print(quoteattr("plain"), quoteattr('has "double"'), quoteattr("both ' and \""),
      quoteattr("line\nbreak\ttab"))

out = io.StringIO()
gen = XMLGenerator(out, "utf-8")
xml.sax.parseString("<doc a='1'><e>t &lt; u</e><empty/></doc>", gen)
print(out.getvalue())
out = io.BytesIO()
gen = XMLGenerator(out, "utf-8", short_empty_elements=True)
xml.sax.parseString("<doc><e>é</e><empty/></doc>", gen)
print(out.getvalue())
