# xml.dom.minidom: parsing, navigation, attributes, editing and errors.
import io
import xml.dom
from xml.dom import minidom
from xml.parsers.expat import ExpatError

doc = minidom.parseString(
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<!-- lead -->\n'
    '<catalog version="2" xmlns:x="urn:x">\n'
    '  <item id="a1" x:flag="yes">First &amp; best</item>\n'
    '  <item id="a2"/>\n'
    '  <![CDATA[raw <stuff>]]>\n'
    '  <?render fast?>\n'
    '  <x:extra>e</x:extra>\n'
    '</catalog>')
root = doc.documentElement
print(doc.nodeType, doc.nodeName, doc.nodeValue, doc.parentNode, root.parentNode is doc)
print(root.tagName, root.nodeName, root.nodeType, root.nodeValue, root.localName)
print([(n.nodeType, n.nodeName) for n in doc.childNodes])
print([(n.nodeType, n.nodeName) for n in root.childNodes])
print(doc.version, doc.encoding, doc.standalone)

items = root.getElementsByTagName("item")
print(len(items), items.length, items.item(0).getAttribute("id"), items.item(5))
first = items[0]
print(first.getAttribute("id"), repr(first.getAttribute("none")), first.hasAttribute("id"),
      first.hasAttribute("none"), first.hasAttributes(), items[1].hasChildNodes())
print(first.firstChild.data, first.firstChild.nodeValue, first.firstChild.nodeType,
      first.firstChild.nodeName, first.firstChild.length)
print(first.firstChild is first.lastChild, first.firstChild.parentNode is first)
print(repr(first.previousSibling.data), first.nextSibling.nodeType,
      first.nextSibling.nextSibling.getAttribute("id"))
attrs = first.attributes
print(attrs.length, list(attrs.keys()), attrs.items(), attrs["id"].value, attrs.item(1).name)
flag = first.getAttributeNode("x:flag")
print(flag.name, flag.value, flag.nodeType, flag.namespaceURI, flag.localName, flag.prefix)
extra = root.getElementsByTagName("x:extra")[0]
print(extra.namespaceURI, extra.prefix, extra.localName, extra.tagName)
print(len(root.getElementsByTagNameNS("urn:x", "extra")), len(doc.getElementsByTagName("*")))
cdata = [n for n in root.childNodes if n.nodeType == n.CDATA_SECTION_NODE][0]
pi = [n for n in root.childNodes if n.nodeType == n.PROCESSING_INSTRUCTION_NODE][0]
print(cdata.data, cdata.nodeName, pi.target, pi.data, pi.nodeName)
print(doc.childNodes[0].data, doc.childNodes[0].nodeName)

# Editing.
first.setAttribute("id", "changed")
first.setAttribute("new", "<&\">")
first.removeAttribute("x:flag")
print(first.toxml())
try:
    first.removeAttribute("missing")
except xml.dom.NotFoundErr:
    print("NotFoundErr")
new = doc.createElement("added")
new.appendChild(doc.createTextNode("hello"))
root.insertBefore(new, first)
root.replaceChild(doc.createElement("swapped"), items[1])
removed = root.removeChild(extra)
print(removed.parentNode, removed.tagName)
try:
    root.removeChild(extra)
except xml.dom.NotFoundErr as exc:
    print("NotFoundErr", exc.code)
print(root.toxml())
text = first.firstChild
text.data = "edited"
text.appendData("!")
print(first.toxml(), text.substringData(0, 3))
print(repr(text), repr(doc.createTextNode("a much longer text node")), repr(doc.createComment("c")))
print(repr(root).startswith("<DOM Element: catalog at 0x"))

clone = root.cloneNode(True)
print(clone.toxml() == root.toxml(), clone.parentNode, root.cloneNode(False).toxml())
frag = doc.createDocumentFragment()
frag.appendChild(doc.createElement("f1"))
frag.appendChild(doc.createElement("f2"))
new.appendChild(frag)
print(new.toxml(), len(frag.childNodes))
new.appendChild(doc.createTextNode(" more"))
new.appendChild(doc.createTextNode(" text"))
new.normalize()
print([c.nodeType for c in new.childNodes], new.toxml())

try:
    doc.appendChild(doc.createElement("second"))
except xml.dom.HierarchyRequestErr:
    print("HierarchyRequestErr")

# Errors come from expat's error class.
for bad in ["<a><b></a>", "<a>", "", "<a>&nope;</a>", b"<a>\xff</a>"]:
    try:
        minidom.parseString(bad)
    except ExpatError as exc:
        print(repr(bad), exc, exc.code, exc.lineno, exc.offset)

# parse() from a file object; Document as a context manager.
with minidom.parse(io.BytesIO(b"<r><c>1</c><c>2</c></r>")) as parsed:
    print([c.firstChild.data for c in parsed.getElementsByTagName("c")])
print(minidom.parseString(b"<!DOCTYPE note SYSTEM 'note.dtd'><note/>").doctype.systemId)
