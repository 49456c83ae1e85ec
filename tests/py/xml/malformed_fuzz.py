# Pseudo-random fragments of XML syntax: whatever the parser says must be
# what expat says (same message, code and position), and nothing may crash
# or hang.  A small linear congruential generator keeps the cases fixed.
import xml.etree.ElementTree as ET

PIECES = ["<", ">", "/", "a", "b", "=", '"', "'", "&", ";", "#", "x", "1", " ", "\n", "!",
          "-", "[", "]", "?", ":", "CDATA[", "amp", "xml", "é", "\t", "xmlns", "<!--",
          "-->", "<?", "?>", "&#", "]]>"]
state = 12345


def next_int(limit):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % limit


def describe(text):
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return "%s %d %s" % (exc, exc.code, exc.position)
    return "OK " + ET.tostring(root, encoding="unicode")


for n in range(1500):
    text = "".join(PIECES[next_int(len(PIECES))] for _ in range(1 + next_int(12)))
    wrap = next_int(4)
    if wrap == 0:
        text = "<a>" + text + "</a>"
    elif wrap == 1:
        text = '<r x="1">' + text
    elif wrap == 2:
        text = "<a/>" + text
    print(repr(text), describe(text))

# The same documents fed in two pieces fail the same way.
same = 0
for n in range(300):
    text = "<a>" + "".join(PIECES[next_int(len(PIECES))] for _ in range(1 + next_int(10))) + "</a>"
    cut = next_int(len(text) + 1)
    parser = ET.XMLParser()
    try:
        parser.feed(text[:cut])
        parser.feed(text[cut:])
        parser.close()
        pieces = "OK"
    except ET.ParseError as exc:
        pieces = str(exc)
    whole = describe(text)
    same += whole.startswith(pieces) or (pieces == "OK" and whole.startswith("OK"))
print("split feeds agreeing:", same)
