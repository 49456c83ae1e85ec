# Malformed documents raise ParseError with expat's message, code and
# (line, column) position.
import xml.etree.ElementTree as ET

CASES = [
    "", "   ", "<a>", "<a", "<a></b>", "<a><b></a>", "<a>x</a>junk", "<a/><b/>", "junk",
    "<a>&foo;</a>", "<a>&#0;</a>", '<a x="1" x="2"/>', "<a x=1/>", "<a>é</b>",
    "<a>\n<b>\n</c></a>", "<a><!-- x", "<a><![CDATA[x", "<a>&amp</a>", '<a b="<"/>',
    '<?xml version="1.0"?>', ' <?xml version="1.0"?><a/>', "<p:a/>", "<a><", "<a></",
    "<a></a", '<a x="1', "<a x", "<1/>", "<a>&#xZZ;</a>", "<a>&</a>", "<a>]]></a>",
    "<a><!-- a -- b --></a>", "<a>\x01</a>", "<a/>\n\n  x", '<a b="1"c="2"/>',
    "< a/>", "<a/ >", "</a>", "<a/></a>", "<a>abc", "<a>&am", "<a>]]", "<!-- x -->",
    "<a><!DOCTYPE a></a>", "<a/><!DOCTYPE a>", "<a>&#12a;</a>", "<a><?XML x?></a>",
    "<a><!x></a>", "<a><![CDAT[x]]></a>", "x<a/>", "<a/>x", "<a/>\x00", "<a b=>",
    "<a b >", "<a>\n\n  <b>&nbsp;</b></a>", "<?xml?><a/>", '<a xmlns:p=""/>',
    '<a xmlns:p="u"><b p:x="1" q:y="2"/></a>', '<?xml version="1.0" standalone="maybe"?><a/>',
    '<?xml encoding="utf-8"?><a/>', '<a>\r\n<b></c>', "<a>\t\tx</b>",
]

for text in CASES:
    try:
        ET.fromstring(text)
        print(repr(text), "parsed")
    except ET.ParseError as exc:
        print(repr(text), "|", exc, "|", exc.code, exc.position)

# ParseError is a SyntaxError.
try:
    ET.fromstring("<a>")
except SyntaxError as exc:
    print(type(exc).__name__, isinstance(exc, ET.ParseError))

# Bad bytes and incremental feeding report the same positions.
for data in [b"<a>\xff</a>", b"<a>\xc3</a>", b"<a>\xc3\xa9</b>", b"<r>\n  <x>\xe2\x82</x></r>"]:
    try:
        ET.fromstring(data)
    except ET.ParseError as exc:
        print(data, "|", exc, exc.position)

doc = "<root>\n  <a>1</a>\n  <b>2</c>\n</root>"
parser = ET.XMLParser()
try:
    for ch in doc:
        parser.feed(ch)
    parser.close()
except ET.ParseError as exc:
    print("fed one by one:", exc, exc.position)

parser = ET.XMLParser()
parser.feed("<a><b>")
try:
    parser.close()
except ET.ParseError as exc:
    print("close:", exc)

# A TreeBuilder returns what it has, even unfinished.
builder = ET.TreeBuilder()
print(builder.close())
builder.start("a", {})
print(builder.close().tag)

# Feeding or closing again after close() is an error too.
parser = ET.XMLParser()
parser.feed("<a/>")
parser.close()
for again in (lambda: parser.feed("<b/>"), parser.close):
    try:
        again()
    except ET.ParseError as exc:
        print("after close:", exc, exc.code)
