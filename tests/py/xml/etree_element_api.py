# The Element API: construction, sequence behaviour, attributes, iteration,
# copying, SubElement, Comment and ProcessingInstruction.
import copy
import xml.etree.ElementTree as ET

e = ET.Element("root", {"a": "1"}, b="2")
print(e.tag, e.attrib, e.text, e.tail, len(e))
print(sorted(e.keys()), sorted(e.items()), e.get("a"), e.get("zz"), e.get("zz", "d"))
e.set("c", "3")
print(list(e.keys()))
try:
    ET.Element("x", "notadict")
except TypeError as exc:
    print("TypeError", exc)

kids = [ET.Element("k%d" % i) for i in range(5)]
e.append(kids[0])
e.extend(kids[1:3])
e.insert(0, kids[3])
e.insert(100, kids[4])
print([k.tag for k in e], e[0].tag, e[-1].tag, [k.tag for k in e[1:3]])
e.remove(kids[1])
del e[0]
print([k.tag for k in e], len(e))
e[0] = ET.Element("replaced")
e[1:2] = [ET.Element("s1"), ET.Element("s2")]
print([k.tag for k in e])
for bad in (lambda: e.append("str"), lambda: e.insert(0, 5), lambda: e.extend([1])):
    try:
        bad()
    except TypeError as exc:
        print("TypeError", exc)
try:
    e.remove(ET.Element("nothere"))
except ValueError as exc:
    print("ValueError", exc)
try:
    e[99]
except IndexError as exc:
    print("IndexError", exc)

print(bool(ET.Element("empty")), bool(e))
for bad in (lambda: e.__setitem__(0, 5), lambda: e.__setitem__(slice(0, 1), [5])):
    try:
        bad()
    except TypeError as exc:
        print("TypeError", exc)

# SubElement, iter, itertext.
tree = ET.Element("t")
a = ET.SubElement(tree, "a", {"k": "v"}, extra="x")
a.text = "A"
a.tail = "ta"
b = ET.SubElement(a, "b")
b.text = "B"
c = ET.SubElement(tree, "a")
c.text = "C"
com = ET.Comment("note")
com.tail = "after comment"
tree.append(com)
tree.append(ET.PI("target", "instr"))
print(a.attrib, [x.tag for x in tree.iter() if isinstance(x.tag, str)])
print([x.text for x in tree.iter("a")], [x.tag for x in tree.iter("*")][:4])
print(list(tree.itertext()), list(a.itertext()))
print(com.tag is ET.Comment, com.text, ET.PI("t").text, ET.ProcessingInstruction("t", "d").text,
      ET.PI is ET.ProcessingInstruction)

# clear, copy, deepcopy, makeelement.
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
print(shallow[0] is tree[0], deep[0] is tree[0], ET.tostring(deep) == ET.tostring(tree))
made = tree.makeelement("made", {"x": "1"})
print(made.tag, made.attrib, len(tree))
a.clear()
print(a.tag, a.attrib, a.text, a.tail, len(a))
print(ET.tostring(tree, encoding="unicode"))

# Subclasses keep their type through makeelement and SubElement.
class Mine(ET.Element):
    pass

m = Mine("m")
sub = ET.SubElement(m, "s")
print(type(sub).__name__, type(m.makeelement("x", {})).__name__, repr(m).startswith("<Element 'm' at 0x"))
print(repr(ET.Element("r")).startswith("<Element 'r' at 0x"))

# ElementTree wrapper.
et = ET.ElementTree(tree)
print(et.getroot() is tree, [x.tag for x in et.iter("a")])
et._setroot(ET.Element("other"))
print(et.getroot().tag)
