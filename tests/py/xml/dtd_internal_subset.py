# What the internal DTD subset changes: general entities, attribute
# defaults and token normalisation from ATTLIST, and external entities
# (an error for ElementTree, skipped by minidom).
import xml.etree.ElementTree as ET
from xml.dom import minidom

DOC = """<!DOCTYPE doc [
<!ATTLIST item kind CDATA "plain" size NMTOKEN #IMPLIED flag (on|off) 'on'>
<!ATTLIST item kind CDATA "ignored" extra CDATA #FIXED "fixed &amp; &#65;">
<!ATTLIST tokens list NMTOKENS #IMPLIED id ID #IMPLIED text CDATA #IMPLIED>
<!ENTITY greeting "hello &#38;amp; bye">
<!ENTITY other 'x'>
<!ELEMENT doc ANY>
]>
<doc>
  <item/>
  <item kind="special" flag="off"/>
  <item size="  big  "/>
  <tokens list="  a   b  c " id=" i1 " text="  keep   spaces "/>
  <said>&greeting; &other;</said>
</doc>"""

root = ET.fromstring(DOC)
for elem in root:
    print(elem.tag, elem.attrib, repr(elem.text))
print(minidom.parseString(DOC).documentElement.toxml())

EXTERNAL = """<!DOCTYPE doc [
<!ENTITY inner "in">
<!ENTITY outside SYSTEM "outside.txt">
]>
<doc>&inner;, &outside;!</doc>"""
try:
    ET.fromstring(EXTERNAL)
except ET.ParseError as exc:
    print("ParseError", exc, exc.code, exc.position)
print(minidom.parseString(EXTERNAL).toxml())
try:
    ET.fromstring('<!DOCTYPE doc [<!ENTITY e SYSTEM "x">]><doc a="&e;"/>')
except ET.ParseError as exc:
    print("ParseError", exc, exc.code, exc.position)

# Entities that refer to each other in a loop, or to an unknown entity.
for subset in ['<!ENTITY a "x&b;"><!ENTITY b "&a;y">', '<!ENTITY a "x&zz;">']:
    try:
        ET.fromstring("<!DOCTYPE d [%s]>\n<d>\n &a;</d>" % subset)
    except ET.ParseError as exc:
        print("ParseError", exc, exc.code, exc.position)
