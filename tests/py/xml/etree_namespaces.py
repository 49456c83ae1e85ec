# Namespaces: {uri}local names when parsing, ns0/ns1 prefixes or registered
# ones when writing, default_namespace, QName, and the start-ns events.
import io
import xml.etree.ElementTree as ET

doc = ('<root xmlns="urn:default" xmlns:a="urn:a" a:attr="1" plain="2">'
       '<child/><a:child a:x="y"/>'
       '<inner xmlns="urn:inner"><deep/></inner>'
       '<reset xmlns=""><bare/></reset>'
       '<xml-attr xml:lang="en"/>'
       '</root>')
root = ET.fromstring(doc)
for elem in root.iter():
    print(elem.tag, sorted(elem.attrib.items()))
print(ET.tostring(root, encoding="unicode"))

e = ET.Element("{urn:x}top", {"{urn:y}attr": "v", "plain": "p"})
ET.SubElement(e, "{urn:x}child").text = "c"
ET.SubElement(e, "{urn:z}other")
ET.SubElement(e, "{http://www.w3.org/2001/XMLSchema-instance}typed")
ET.SubElement(e, "{http://www.w3.org/XML/1998/namespace}lang")
print(ET.tostring(e, encoding="unicode"))

ET.register_namespace("xx", "urn:x")
print(ET.tostring(e, encoding="unicode"))
ET.register_namespace("yy", "urn:x")
print(ET.tostring(e, encoding="unicode"))
try:
    ET.register_namespace("ns3", "urn:q")
except ValueError as exc:
    print("ValueError", exc)

only_ns = ET.Element("{urn:d}r")
ET.SubElement(only_ns, "{urn:d}s")
print(ET.tostring(only_ns, default_namespace="urn:d"))
try:
    ET.tostring(ET.Element("bare"), default_namespace="urn:d")
except ValueError as exc:
    print("ValueError", exc)

# QName as tag, attribute name and attribute value.
q = ET.QName("urn:q", "name")
print(q, repr(q), q.text, q == "{urn:q}name", q == ET.QName("{urn:q}name"), q < ET.QName("{urn:r}a"))
print(hash(q) == hash("{urn:q}name"), str(ET.QName("plain")))
qe = ET.Element(q, {ET.QName("urn:q", "k"): ET.QName("urn:v", "val")})
print(ET.tostring(qe, encoding="unicode"))

# Namespace events from iterparse.
events = ET.iterparse(io.BytesIO(doc.encode()), events=("start-ns", "end-ns", "start"))
for event, item in events:
    print(event, item if event != "start" else item.tag)

# Unbound prefixes are errors.
try:
    ET.fromstring('<a><p:b/></a>')
except ET.ParseError as exc:
    print(exc)

# Two prefixes bound to one namespace cannot name the same attribute.
try:
    ET.fromstring('<r xmlns:a="u" xmlns:b="u" a:x="1" b:x="2"/>')
except ET.ParseError as exc:
    print(exc)
print(ET.fromstring('<r xmlns:a="u" xmlns:b="v" a:x="1" b:x="2" x="3"/>').attrib)
