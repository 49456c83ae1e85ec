"""XML support: xml.etree.ElementTree, xml.dom.minidom and xml.parsers.expat.

gilpy reads XML with its own scanner (xml._scanner) rather than expat.
"""
