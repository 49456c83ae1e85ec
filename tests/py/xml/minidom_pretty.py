# toxml() and toprettyxml() output, with the white space CPython produces.
from xml.dom import minidom

doc = minidom.parseString("<root><a x='1' y=\"2\">text</a><b/><c><d>deep</d><e/></c>"
                          "<!--note--><?pi data?><f>a &amp; b &lt; c</f></root>")
print(doc.toxml())
print(doc.toprettyxml())
print(doc.toprettyxml(indent="  "))
print(repr(doc.toprettyxml(indent="", newl="")))
print(doc.toprettyxml(indent="-", newl="|\n"))
print(doc.toxml(encoding="utf-8"))
print(doc.toprettyxml(indent=" ", encoding="latin-1"))
print(doc.toxml(standalone=True))
print(doc.documentElement.toprettyxml(indent="  "))
print(doc.documentElement.firstChild.toxml())

# Parsed white space is kept as text nodes, and pretty printing indents it too.
spaced = minidom.parseString("<root>\n  <a>1</a>\n  <b>\n    <c/>\n  </b>\n</root>")
print(spaced.toprettyxml(indent="  "))
print(spaced.toxml())

built = minidom.getDOMImplementation().createDocument(None, "top", None)
top = built.documentElement
for i in range(2):
    item = built.createElement("item")
    item.setAttribute("n", str(i))
    item.appendChild(built.createTextNode("value %d é" % i))
    top.appendChild(item)
top.appendChild(built.createComment(" end "))
mixed = built.createElement("mixed")
mixed.appendChild(built.createTextNode("lead"))
mixed.appendChild(built.createElement("in"))
top.appendChild(mixed)
top.appendChild(built.createCDATASection("x < y"))
print(built.toprettyxml(indent="    "))
print(built.toxml(encoding="ascii"))

bad = built.createComment("a -- b")
top.appendChild(bad)
try:
    built.toxml()
except ValueError as exc:
    print("ValueError", exc)
top.removeChild(bad)

doctype = minidom.parseString('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                              '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html/>')
print(doctype.toxml())
print(doctype.toprettyxml())
print(minidom.parseString("<!DOCTYPE a [<!ENTITY e 'v'>]><a>&e;</a>").toxml())
