# Incremental parsing: iterparse, XMLPullParser, XMLParser.feed in pieces,
# custom parser targets and TreeBuilder options.
import io
import os
import tempfile
import xml.etree.ElementTree as ET

DOC = (b'<?xml version="1.0"?>\n<root a="1"><!--c--><item n="1">one</item>'
       b'<?pi x?><item n="2"><sub/></item>tail</root>\n')

for events in [None, ("start", "end"), ("start", "end", "comment", "pi"), ("end",)]:
    out = []
    it = ET.iterparse(io.BytesIO(DOC), events=events)
    for event, elem in it:
        tag = elem.tag if isinstance(elem.tag, str) else elem.tag.__name__
        out.append("%s:%s" % (event, tag))
    print(events, out, it.root.tag)

# Clearing elements while iterating is the usual memory-saving idiom.
count = 0
for event, elem in ET.iterparse(io.BytesIO(b"<r>" + b"<i>x</i>" * 50 + b"</r>")):
    if elem.tag == "i":
        count += 1
        elem.clear()
print("cleared", count)

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "doc.xml")
    with open(path, "wb") as f:
        f.write(DOC)
    print([e.get("n") for _, e in ET.iterparse(path) if e.tag == "item"])
    print(ET.parse(path).getroot().attrib)

try:
    ET.iterparse(io.BytesIO(DOC), events=("bogus",))
except ValueError as exc:
    print("ValueError", exc)

try:
    for _ in ET.iterparse(io.BytesIO(b"<a><b></a>")):
        pass
except ET.ParseError as exc:
    print("ParseError", exc)

# XMLPullParser: feed pieces, read what is ready.
pull = ET.XMLPullParser(events=("start", "end"))
for piece in ["<a>", "<b>te", "xt</b", "><c/>", "</a>"]:
    pull.feed(piece)
    print(repr(piece), [(ev, el.tag) for ev, el in pull.read_events()])
pull.close()
pull = ET.XMLPullParser()
pull.feed("<a></b>")
try:
    list(pull.read_events())
except ET.ParseError as exc:
    print("pull ParseError", exc)

# Feeding one character (or byte) at a time gives the same tree.
whole = ET.tostring(ET.fromstring(DOC))
parser = ET.XMLParser()
for i in range(len(DOC)):
    parser.feed(DOC[i:i + 1])
print(ET.tostring(parser.close()) == whole)
text = DOC.decode()
parser = ET.XMLParser()
for ch in text:
    parser.feed(ch)
print(ET.tostring(parser.close()) == whole)
parser = ET.XMLParser()
utf8 = "<a>é\r\n€</a>".encode()
for i in range(len(utf8)):
    parser.feed(utf8[i:i + 1])
print(repr(parser.close().text))


# A custom target sees every callback.
class Recorder:
    def __init__(self):
        self.log = []

    def start(self, tag, attrib):
        self.log.append(("start", tag, attrib))

    def end(self, tag):
        self.log.append(("end", tag))

    def data(self, data):
        self.log.append(("data", data))

    def comment(self, text):
        self.log.append(("comment", text))

    def pi(self, target, data):
        self.log.append(("pi", target, data))

    def close(self):
        return self.log


parser = ET.XMLParser(target=Recorder())
parser.feed('<r x="1"><!--c-->t<?p d?><s/></r>')
for entry in parser.close():
    print(entry)


class StartOnly:
    def start(self, tag, attrib):
        print("start only", tag)


parser = ET.XMLParser(target=StartOnly())
parser.feed("<a><b>text</b></a>")
print(parser.close())

# TreeBuilder with comments and processing instructions kept.
builder = ET.TreeBuilder(insert_comments=True, insert_pis=True)
parser = ET.XMLParser(target=builder)
parser.feed("<!--outside--><a>x<!--in-->y<?p q?>z</a>")
print(ET.tostring(parser.close()))
builder = ET.TreeBuilder()
builder.start("a", {"k": "v"})
builder.data("te")
builder.data("xt")
builder.start("b", {})
builder.end("b")
builder.data("tail")
print(ET.tostring(builder.end("a")), ET.tostring(builder.close()))
