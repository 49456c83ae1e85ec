# Serialising: escaping, empty elements, encodings and declarations, the
# text and html methods, write() to files, dump() and indent().
import io
import os
import tempfile
import xml.etree.ElementTree as ET

root = ET.Element("root", {"b": "2", "a": "1"})
root.text = "x < y & z > w \"q\" 'a'"
child = ET.SubElement(root, "child", attr='<&>"\r\n\t ok')
child.tail = "tail & more"
ET.SubElement(root, "empty")
blank = ET.SubElement(root, "blank")
blank.text = ""
ET.SubElement(root, "unicode").text = "é€😀"
root.append(ET.Comment(" a comment "))
root.append(ET.PI("target", "some data"))
root.append(ET.ProcessingInstruction("bare"))

print(ET.tostring(root))
print(ET.tostring(root, encoding="unicode"))
print(ET.tostring(root, encoding="utf-8"))
print(ET.tostring(root, encoding="UTF-8"))
print(ET.tostring(root, encoding="us-ascii"))
print(ET.tostring(root, encoding="iso-8859-1"))
print(ET.tostring(root, encoding="unicode", xml_declaration=True))
print(ET.tostring(root, encoding="utf-8", xml_declaration=True))
print(ET.tostring(root, xml_declaration=False, encoding="latin-1"))
print(ET.tostring(root, short_empty_elements=False))
print(ET.tostring(root, method="text"))
print(ET.tostring(root, method="text", encoding="unicode"))
print("".join(ET.tostringlist(root, encoding="unicode")) == ET.tostring(root, encoding="unicode"))

html = ET.fromstring('<html><head><script>a &lt; b &amp;&amp; c</script></head>'
                     '<body><br/><p class="a&quot;b">x &amp; y</p><img src="i"/></body></html>')
print(ET.tostring(html, method="html"))

try:
    ET.tostring(root, method="nope")
except ValueError as exc:
    print("ValueError", exc)
bad = ET.Element("a")
bad.text = 5
try:
    ET.tostring(bad)
except TypeError as exc:
    print("TypeError", exc)
try:
    ET.tostring(ET.Element(3))
except TypeError as exc:
    print("TypeError", exc)

# A tag of None writes only the contents.
wrapper = ET.Element(None)
wrapper.text = "t"
ET.SubElement(wrapper, "inner").tail = "!"
print(ET.tostring(wrapper))

# write() to binary streams, text streams and file names.
tree = ET.ElementTree(ET.fromstring("<doc><p>é</p></doc>"))
buf = io.BytesIO()
tree.write(buf)
print(buf.getvalue())
buf = io.BytesIO()
tree.write(buf, encoding="utf-8", xml_declaration=True)
print(buf.getvalue())
text = io.StringIO()
tree.write(text, encoding="unicode")
print(text.getvalue())
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "out.xml")
    tree.write(path, encoding="iso-8859-1")
    with open(path, "rb") as f:
        print(f.read())
    print(ET.tostring(ET.parse(path).getroot(), encoding="unicode"))
    with open(path, "rb") as f:
        print(ET.parse(f).getroot()[0].text)

ET.dump(ET.fromstring('<a x="1"><b/></a>'))
with_tail = ET.fromstring("<a/>")
with_tail.tail = "\n"
ET.dump(with_tail)

# indent(): nested elements, existing text kept, levels and custom space.
doc = ET.fromstring("<a><b><c>keep</c><d/></b><e>  </e><f><g/></f></a>")
ET.indent(doc)
print(ET.tostring(doc, encoding="unicode"))
doc = ET.fromstring("<a><b><c/></b></a>")
ET.indent(ET.ElementTree(doc), space="\t", level=2)
print(repr(ET.tostring(doc, encoding="unicode")))
single = ET.fromstring("<a>text</a>")
ET.indent(single)
print(ET.tostring(single))
try:
    ET.indent(doc, level=-1)
except ValueError as exc:
    print("ValueError", exc)
