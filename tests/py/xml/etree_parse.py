# Parsing into Elements: attributes, text and tail, references, CDATA,
# comments and processing instructions (dropped by the default builder),
# the XML declaration, DOCTYPE and its entities, line ends, byte input.
import xml.etree.ElementTree as ET


def show(elem, depth=0):
    print("  " * depth + repr(elem.tag), sorted(elem.attrib.items()),
          repr(elem.text), repr(elem.tail))
    for child in elem:
        show(child, depth + 1)


show(ET.fromstring('<a x="1" y=\'two\' z = "3"><b>text</b>tail<c/>more</a>'))
show(ET.fromstring('<a>&lt;&gt;&amp;&quot;&apos; &#65;&#x42;&#x1F600;</a>'))
show(ET.fromstring('<a t="a&amp;b &#10; c\tz&#9;"/>'))
show(ET.fromstring('<a><![CDATA[<not> &amp; markup]]>after<![CDATA[]]></a>'))
show(ET.fromstring('<a>one<!-- gone -->two<?pi data?>three</a>'))
show(ET.fromstring('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<!-- before -->\n<a/>\n<!-- after -->\n'))
show(ET.fromstring('<!DOCTYPE a [\n<!ENTITY who "world">\n<!ELEMENT a ANY>\n]>'
                   '<a greet="hi &who;">hello &who;</a>'))
show(ET.fromstring('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x.dtd"><html/>'))
show(ET.fromstring('<a>\r\n line\r two\n</a>'))
show(ET.fromstring('<a\n  b="1"\n  c="2"\n></a\n>'))
show(ET.fromstring('<a>  <b> </b>  </a>'))
show(ET.fromstring('<élément attr="ü">日本</élément>'))
show(ET.fromstring('<a-b.c_d:e xmlns:a-b.c_d="urn:x"/>'))

# Bytes: UTF-8 by default, the declared encoding, byte order marks.
show(ET.fromstring('<a>é€</a>'.encode("utf-8")))
show(ET.fromstring('<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>'.encode("latin-1")))
show(ET.fromstring(b'\xef\xbb\xbf<a>bom</a>'))
show(ET.fromstring('<a>wide</a>'.encode("utf-16")))
show(ET.fromstring('\ufeff<a>str bom</a>'))

# XML() is fromstring; XMLID collects the id attributes.
root, ids = ET.XMLID('<r><p id="one"/><q id="two"><p id="three"/></q></r>')
print(root.tag, sorted(ids), ids["three"].tag)
print(ET.tostring(ET.XML("<x><y/></x>")))
print(ET.tostring(ET.fromstringlist(["<a>", "b", "</a>"])))
print(ET.iselement(root), ET.iselement("root"))
