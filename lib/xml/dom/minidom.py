"""A small DOM: documents as trees of Node objects.

gilpy's xml.dom.minidom.  Documents are read with gilpy's own XML scanner
(xml._scanner) and written back with toxml() and toprettyxml(), whose text
matches CPython's for the same tree, blank-looking white-space text nodes
included.
"""

import io

import xml.dom
from xml import _scanner
from xml.dom import (EMPTY_NAMESPACE, XMLNS_NAMESPACE, HierarchyRequestErr, Node,
                     NotFoundErr)
from xml.parsers.expat import _to_expat_error


def _escape(text):
    """Escapes character data and attribute values the way minidom writes them."""
    if text:
        return (text.replace("&", "&amp;").replace("<", "&lt;")
                .replace('"', "&quot;").replace(">", "&gt;"))
    return text


def _kind(node_type, node_name=None):
    """Class decorator: gives a node class its nodeType and, if fixed, its nodeName."""
    def decorate(cls):
        cls.nodeType = node_type
        if node_name is not None:
            cls.nodeName = node_name
        return cls
    return decorate


class NodeList(list):
    """A list of nodes that also answers the DOM's length and item()."""

    __slots__ = ()

    @property
    def length(self):
        return len(self)

    def item(self, index):
        if 0 <= index < len(self):
            return self[index]
        return None


class EmptyNodeList(tuple):
    """The childNodes of nodes that cannot have children."""

    __slots__ = ()

    @property
    def length(self):
        return 0

    def item(self, index):
        return None


class Node(xml.dom.Node):
    """What every DOM node shares: tree links, editing and serialisation."""

    namespaceURI = None
    parentNode = None
    ownerDocument = None
    nextSibling = None
    previousSibling = None
    prefix = EMPTY_NAMESPACE

    # Nodes that cannot have children share one empty list.
    childNodes = EmptyNodeList()

    def __bool__(self):
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.unlink()

    @property
    def firstChild(self):
        return self.childNodes[0] if self.childNodes else None

    @property
    def lastChild(self):
        return self.childNodes[-1] if self.childNodes else None

    @property
    def localName(self):
        return None

    def hasChildNodes(self):
        return bool(self.childNodes)

    def _check_child(self, node):
        if node.nodeType not in self._child_types:
            raise HierarchyRequestErr("%s cannot be child of %s" % (repr(node), repr(self)))

    def _link(self, node, index):
        """Places [node] at [index] of childNodes, fixing sibling links."""
        siblings = self.childNodes
        siblings.insert(index, node)
        node.parentNode = self
        before = siblings[index - 1] if index > 0 else None
        after = siblings[index + 1] if index + 1 < len(siblings) else None
        node.previousSibling = before
        node.nextSibling = after
        if before is not None:
            before.nextSibling = node
        if after is not None:
            after.previousSibling = node

    def _unlink_child(self, index):
        siblings = self.childNodes
        node = siblings.pop(index)
        before, after = node.previousSibling, node.nextSibling
        if before is not None:
            before.nextSibling = after
        if after is not None:
            after.previousSibling = before
        node.previousSibling = node.nextSibling = node.parentNode = None
        return node

    def _index_of(self, child):
        for i, node in enumerate(self.childNodes):
            if node is child:
                return i
        return -1

    def _take(self, node):
        """Detaches [node] from any current parent before it is inserted here."""
        if node.parentNode is not None:
            node.parentNode.removeChild(node)

    def appendChild(self, node):
        if node.nodeType == Node.DOCUMENT_FRAGMENT_NODE:
            for child in list(node.childNodes):
                self.appendChild(child)
            return node
        self._check_child(node)
        self._take(node)
        self._link(node, len(self.childNodes))
        return node

    def insertBefore(self, newChild, refChild):
        if refChild is None:
            return self.appendChild(newChild)
        if newChild.nodeType == Node.DOCUMENT_FRAGMENT_NODE:
            for child in list(newChild.childNodes):
                self.insertBefore(child, refChild)
            return newChild
        self._check_child(newChild)
        if self._index_of(refChild) < 0:
            raise NotFoundErr()
        self._take(newChild)
        self._link(newChild, self._index_of(refChild))
        return newChild

    def removeChild(self, oldChild):
        index = self._index_of(oldChild)
        if index < 0:
            raise NotFoundErr()
        return self._unlink_child(index)

    def replaceChild(self, newChild, oldChild):
        if newChild is oldChild:
            return oldChild
        index = self._index_of(oldChild)
        if index < 0:
            raise NotFoundErr()
        self._check_child(newChild)
        self._take(newChild)
        index = self._index_of(oldChild)
        self._unlink_child(index)
        self._link(newChild, index)
        return oldChild

    def normalize(self):
        """Joins adjacent text nodes and drops empty ones, all the way down."""
        i = 0
        while i < len(self.childNodes):
            child = self.childNodes[i]
            if child.nodeType == Node.TEXT_NODE:
                if not child.data:
                    self._unlink_child(i)
                    continue
                if i > 0 and self.childNodes[i - 1].nodeType == Node.TEXT_NODE:
                    self.childNodes[i - 1].data += child.data
                    self._unlink_child(i)
                    continue
            elif child.nodeType == Node.ELEMENT_NODE:
                child.normalize()
            i += 1

    def cloneNode(self, deep):
        return self._clone(deep, self.ownerDocument)

    def isSameNode(self, other):
        return self is other

    def unlink(self):
        for child in list(self.childNodes):
            child.unlink()
        self.parentNode = self.ownerDocument = None
        self.previousSibling = self.nextSibling = None

    def writexml(self, writer, indent="", addindent="", newl=""):
        """Writes the node as XML: [indent] before it, [addindent] more per
        level below it, [newl] after each line."""
        self._write(writer, indent, addindent, newl)

    def toxml(self, encoding=None, standalone=None):
        return self.toprettyxml("", "", encoding, standalone)

    def toprettyxml(self, indent="\t", newl="\n", encoding=None, standalone=None):
        out = io.StringIO()
        if self.nodeType == Node.DOCUMENT_NODE:
            self.writexml(out, "", indent, newl, encoding, standalone)
        else:
            self.writexml(out, "", indent, newl)
        text = out.getvalue()
        if encoding is None:
            return text
        return text.encode(encoding, "xmlcharrefreplace")


@_kind(Node.DOCUMENT_FRAGMENT_NODE, "#document-fragment")
class DocumentFragment(Node):
    nodeValue = None
    attributes = None
    _child_types = (Node.ELEMENT_NODE, Node.TEXT_NODE, Node.CDATA_SECTION_NODE,
                    Node.ENTITY_REFERENCE_NODE, Node.PROCESSING_INSTRUCTION_NODE,
                    Node.COMMENT_NODE, Node.NOTATION_NODE)

    def __init__(self):
        self.childNodes = NodeList()

    def _clone(self, deep, document):
        clone = DocumentFragment()
        clone.ownerDocument = document
        if deep:
            for child in self.childNodes:
                clone.appendChild(child._clone(True, document))
        return clone


@_kind(Node.ATTRIBUTE_NODE)
class Attr(Node):
    """An attribute node: what Element.attributes hands out."""

    attributes = None
    specified = True
    ownerElement = None

    def __init__(self, qName, namespaceURI=EMPTY_NAMESPACE, localName=None, prefix=None):
        self.name = self.nodeName = qName
        self.namespaceURI = namespaceURI
        self._local = localName
        self.prefix = prefix
        self.value = ""

    @property
    def localName(self):
        if self._local is not None:
            return self._local
        return self.name.split(":", 1)[-1]

    @property
    def nodeValue(self):
        return self.value

    @nodeValue.setter
    def nodeValue(self, value):
        self.value = value

    def __repr__(self):
        return "<DOM Attr: %s at %#x>" % (self.name, id(self))

    def _clone(self, deep, document):
        clone = Attr(self.name, self.namespaceURI, self._local, self.prefix)
        clone.value = self.value
        clone.ownerDocument = document
        return clone

    def unlink(self):
        self.ownerElement = None


class NamedNodeMap:
    """An element's attributes, by name or by position."""

    def __init__(self, element):
        self._attrs = element._attrs
        self._element = element

    @property
    def length(self):
        return len(self._attrs)

    def __len__(self):
        return len(self._attrs)

    def item(self, index):
        try:
            return list(self._attrs.values())[index]
        except IndexError:
            return None

    def keys(self):
        return self._attrs.keys()

    def values(self):
        return self._attrs.values()

    def items(self):
        return [(name, attr.value) for name, attr in self._attrs.items()]

    def __contains__(self, name):
        return name in self._attrs

    def __getitem__(self, name):
        return self._attrs[name]

    def get(self, name, default=None):
        return self._attrs.get(name, default)

    def getNamedItem(self, name):
        return self._attrs.get(name)

    def setNamedItem(self, node):
        return self._element.setAttributeNode(node)

    def removeNamedItem(self, name):
        attr = self._attrs.get(name)
        if attr is None:
            raise NotFoundErr()
        del self._attrs[name]
        attr.ownerElement = None
        return attr


class _Searchable:
    """The descendant searches shared by Element and Document."""

    def getElementsByTagName(self, name):
        return _elements_named(self, lambda node: name == "*" or node.tagName == name)

    def getElementsByTagNameNS(self, namespaceURI, localName):
        return _elements_named(self, lambda node: (
            (namespaceURI == "*" or node.namespaceURI == namespaceURI)
            and (localName == "*" or node.localName == localName)))


def _elements_named(root, test):
    found = NodeList()
    stack = list(reversed(root.childNodes))
    while stack:
        node = stack.pop()
        if node.nodeType == Node.ELEMENT_NODE:
            if test(node):
                found.append(node)
            stack.extend(reversed(node.childNodes))
    return found


@_kind(Node.ELEMENT_NODE)
class Element(Node):
    """An element: a tag name, attributes and child nodes."""

    nodeValue = None
    _child_types = DocumentFragment._child_types

    def __init__(self, tagName, namespaceURI=EMPTY_NAMESPACE, prefix=None, localName=None):
        self.tagName = self.nodeName = tagName
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        self._local = localName
        self._attrs = {}
        self.childNodes = NodeList()

    @property
    def localName(self):
        if self._local is not None:
            return self._local
        return self.tagName.split(":", 1)[-1]

    @property
    def attributes(self):
        return NamedNodeMap(self)

    def __repr__(self):
        return "<DOM Element: %s at %#x>" % (self.tagName, id(self))

    def getAttribute(self, attname):
        attr = self._attrs.get(attname)
        return attr.value if attr is not None else ""

    def getAttributeNS(self, namespaceURI, localName):
        attr = self.getAttributeNodeNS(namespaceURI, localName)
        return attr.value if attr is not None else ""

    def setAttribute(self, attname, value):
        attr = self._attrs.get(attname)
        if attr is None:
            attr = Attr(attname)
            attr.ownerDocument = self.ownerDocument
            attr.ownerElement = self
            self._attrs[attname] = attr
        attr.value = value

    def setAttributeNS(self, namespaceURI, qualifiedName, value):
        prefix, _, local = qualifiedName.rpartition(":")
        attr = self._attrs.get(qualifiedName)
        if attr is None:
            attr = Attr(qualifiedName, namespaceURI, local, prefix or None)
            attr.ownerDocument = self.ownerDocument
            attr.ownerElement = self
            self._attrs[qualifiedName] = attr
        attr.value = value

    def getAttributeNode(self, attrname):
        return self._attrs.get(attrname)

    def getAttributeNodeNS(self, namespaceURI, localName):
        for attr in self._attrs.values():
            if attr.namespaceURI == namespaceURI and attr.localName == localName:
                return attr
        return None

    def setAttributeNode(self, attr):
        old = self._attrs.get(attr.name)
        self._attrs[attr.name] = attr
        attr.ownerElement = self
        return old if old is not attr else None

    setAttributeNodeNS = setAttributeNode

    def removeAttribute(self, name):
        if name not in self._attrs:
            raise NotFoundErr()
        self._attrs.pop(name).ownerElement = None

    def removeAttributeNS(self, namespaceURI, localName):
        attr = self.getAttributeNodeNS(namespaceURI, localName)
        if attr is None:
            raise NotFoundErr()
        self.removeAttribute(attr.name)

    def removeAttributeNode(self, node):
        if self._attrs.get(node.name) is not node:
            raise NotFoundErr()
        self.removeAttribute(node.name)
        return node

    def hasAttribute(self, name):
        return name in self._attrs

    def hasAttributeNS(self, namespaceURI, localName):
        return self.getAttributeNodeNS(namespaceURI, localName) is not None

    def hasAttributes(self):
        return bool(self._attrs)

    getElementsByTagName = _Searchable.getElementsByTagName
    getElementsByTagNameNS = _Searchable.getElementsByTagNameNS

    def _clone(self, deep, document):
        clone = Element(self.tagName, self.namespaceURI, self.prefix, self._local)
        clone.ownerDocument = document
        for attr in self._attrs.values():
            copy = attr._clone(False, document)
            copy.ownerElement = clone
            clone._attrs[copy.name] = copy
        if deep:
            for child in self.childNodes:
                clone.appendChild(child._clone(True, document))
        return clone

    def unlink(self):
        for attr in self._attrs.values():
            attr.unlink()
        self._attrs = {}
        Node.unlink(self)

    def _write(self, writer, indent, addindent, newl):
        writer.write(indent + "<" + self.tagName)
        for name, attr in self._attrs.items():
            writer.write(' %s="' % name)
            writer.write(_escape(attr.value))
            writer.write('"')
        children = self.childNodes
        if not children:
            writer.write("/>" + newl)
            return
        writer.write(">")
        if len(children) == 1 and children[0].nodeType in (Node.TEXT_NODE,
                                                            Node.CDATA_SECTION_NODE):
            children[0]._write(writer, "", "", "")
        else:
            writer.write(newl)
            for child in children:
                child._write(writer, indent + addindent, addindent, newl)
            writer.write(indent)
        writer.write("</%s>%s" % (self.tagName, newl))


class CharacterData(Node):
    """Text-holding nodes: the data attribute and the DOM's string edits."""

    attributes = None

    def __init__(self, data=""):
        self.data = data

    @property
    def nodeValue(self):
        return self.data

    @nodeValue.setter
    def nodeValue(self, value):
        self.data = value

    @property
    def length(self):
        return len(self.data)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        more = "..." if len(self.data) > 10 else ""
        return '<DOM %s node "%r%s">' % (type(self).__name__, self.data[:10], more)

    def _check_range(self, offset, count=0):
        if not 0 <= offset <= len(self.data):
            raise xml.dom.IndexSizeErr("offset %d is outside the data" % offset)
        if count < 0:
            raise xml.dom.IndexSizeErr("negative count %d" % count)

    def substringData(self, offset, count):
        self._check_range(offset, count)
        return self.data[offset:offset + count]

    def appendData(self, arg):
        self.data += arg

    def insertData(self, offset, arg):
        self._check_range(offset)
        self.data = self.data[:offset] + arg + self.data[offset:]

    def deleteData(self, offset, count):
        self._check_range(offset, count)
        self.data = self.data[:offset] + self.data[offset + count:]

    def replaceData(self, offset, count, arg):
        self._check_range(offset, count)
        self.data = self.data[:offset] + arg + self.data[offset + count:]

    def _clone(self, deep, document):
        clone = type(self)(self.data)
        clone.ownerDocument = document
        return clone


@_kind(Node.TEXT_NODE, "#text")
class Text(CharacterData):

    def splitText(self, offset):
        if offset < 0 or offset > len(self.data):
            raise xml.dom.IndexSizeErr("offset %d is outside the data" % offset)
        rest = type(self)(self.data[offset:])
        rest.ownerDocument = self.ownerDocument
        self.data = self.data[:offset]
        parent = self.parentNode
        if parent is not None:
            parent._link(rest, parent._index_of(self) + 1)
        return rest

    @property
    def wholeText(self):
        node = self
        while node.previousSibling is not None and node.previousSibling.nodeType == Node.TEXT_NODE:
            node = node.previousSibling
        parts = []
        while node is not None and node.nodeType == Node.TEXT_NODE:
            parts.append(node.data)
            node = node.nextSibling
        return "".join(parts)

    def _write(self, writer, indent, addindent, newl):
        writer.write(_escape("%s%s%s" % (indent, self.data, newl)))


@_kind(Node.CDATA_SECTION_NODE, "#cdata-section")
class CDATASection(Text):

    def _write(self, writer, indent, addindent, newl):
        if "]]>" in self.data:
            raise ValueError("']]>' not allowed in a CDATA section")
        writer.write("<![CDATA[%s]]>" % self.data)


@_kind(Node.COMMENT_NODE, "#comment")
class Comment(CharacterData):

    def _write(self, writer, indent, addindent, newl):
        if "--" in self.data:
            raise ValueError("'--' is not allowed in a comment node")
        writer.write("%s<!--%s-->%s" % (indent, self.data, newl))


@_kind(Node.PROCESSING_INSTRUCTION_NODE)
class ProcessingInstruction(Node):
    attributes = None

    def __init__(self, target, data):
        self.target = target
        self.data = data

    @property
    def nodeName(self):
        return self.target

    @property
    def nodeValue(self):
        return self.data

    @nodeValue.setter
    def nodeValue(self, value):
        self.data = value

    def _clone(self, deep, document):
        clone = ProcessingInstruction(self.target, self.data)
        clone.ownerDocument = document
        return clone

    def _write(self, writer, indent, addindent, newl):
        writer.write("%s<?%s %s?>%s" % (indent, self.target, self.data, newl))


@_kind(Node.DOCUMENT_TYPE_NODE)
class DocumentType(Node):
    nodeValue = None
    attributes = None

    def __init__(self, qualifiedName, publicId=None, systemId=None, internalSubset=None):
        self.name = self.nodeName = qualifiedName
        self.publicId = publicId
        self.systemId = systemId
        self.internalSubset = internalSubset
        self.entities = self.notations = NodeList()

    def _clone(self, deep, document):
        clone = DocumentType(self.name, self.publicId, self.systemId, self.internalSubset)
        clone.ownerDocument = document
        return clone

    def _write(self, writer, indent, addindent, newl):
        writer.write("<!DOCTYPE " + self.name)
        if self.publicId:
            writer.write("%s  PUBLIC '%s'%s  '%s'" % (newl, self.publicId, newl, self.systemId))
        elif self.systemId:
            writer.write("%s  SYSTEM '%s'" % (newl, self.systemId))
        if self.internalSubset is not None:
            writer.write(" [" + self.internalSubset + "]")
        writer.write(">" + newl)


@_kind(Node.DOCUMENT_NODE, "#document")
class Document(Node):
    """A whole document: its children are the root element and prolog nodes."""

    nodeValue = None
    attributes = None
    actualEncoding = None
    encoding = None
    standalone = None
    version = None
    _child_types = (Node.ELEMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE,
                    Node.COMMENT_NODE, Node.DOCUMENT_TYPE_NODE)

    def __init__(self):
        self.childNodes = NodeList()
        self.implementation = DOMImplementation()

    def _first_of(self, node_type):
        for node in self.childNodes:
            if node.nodeType == node_type:
                return node
        return None

    @property
    def documentElement(self):
        return self._first_of(Node.ELEMENT_NODE)

    @property
    def doctype(self):
        return self._first_of(Node.DOCUMENT_TYPE_NODE)

    def _check_child(self, node):
        Node._check_child(self, node)
        if node.nodeType == Node.ELEMENT_NODE and self.documentElement is not None \
                and node.parentNode is not self:
            raise HierarchyRequestErr("two document elements disallowed")

    def _own(self, node):
        node.ownerDocument = self
        return node

    def createDocumentFragment(self):
        return self._own(DocumentFragment())

    def createElement(self, tagName):
        return self._own(Element(tagName))

    def createElementNS(self, namespaceURI, qualifiedName):
        prefix, _, local = qualifiedName.rpartition(":")
        return self._own(Element(qualifiedName, namespaceURI, prefix or None, local))

    def _text_node(self, cls, data):
        if isinstance(data, str):
            return self._own(cls(data))
        raise TypeError("node contents must be a string")

    def createTextNode(self, data):
        return self._text_node(Text, data)

    def createCDATASection(self, data):
        return self._text_node(CDATASection, data)

    def createComment(self, data):
        return self._own(Comment(data))

    def createProcessingInstruction(self, target, data):
        return self._own(ProcessingInstruction(target, data))

    def createAttribute(self, qName):
        return self._own(Attr(qName))

    def createAttributeNS(self, namespaceURI, qualifiedName):
        prefix, _, local = qualifiedName.rpartition(":")
        return self._own(Attr(qualifiedName, namespaceURI, local, prefix or None))

    getElementsByTagName = _Searchable.getElementsByTagName
    getElementsByTagNameNS = _Searchable.getElementsByTagNameNS

    def getElementById(self, elementId):
        return None

    def importNode(self, node, deep):
        if node.nodeType in (Node.DOCUMENT_NODE, Node.DOCUMENT_TYPE_NODE):
            raise xml.dom.NotSupportedErr("cannot import document nodes")
        return node._clone(deep, self)

    def cloneNode(self, deep):
        clone = Document()
        if deep:
            for child in self.childNodes:
                clone.appendChild(child._clone(True, clone))
        return clone


    def writexml(self, writer, indent="", addindent="", newl="", encoding=None, standalone=None):
        extra = []
        if encoding:
            extra.append('encoding="%s"' % encoding)
        if standalone is not None:
            extra.append('standalone="%s"' % ("yes" if standalone else "no"))
        writer.write('<?xml version="1.0" %s?>%s' % (" ".join(extra), newl))
        for node in self.childNodes:
            node._write(writer, indent, addindent, newl)


class DOMImplementation:
    """Creates documents and document types."""

    def hasFeature(self, feature, version):
        return feature.lower() in ("core", "xml") and version in (None, "", "1.0", "2.0")

    def createDocumentType(self, qualifiedName, publicId, systemId):
        return DocumentType(qualifiedName, publicId, systemId)

    def createDocument(self, namespaceURI, qualifiedName, doctype):
        if doctype is not None and doctype.parentNode is not None:
            raise xml.dom.WrongDocumentErr("doctype object owned by another DOM tree")
        document = Document()
        if doctype is not None:
            doctype.ownerDocument = document
            document.appendChild(doctype)
        if qualifiedName:
            prefix, _, local = qualifiedName.rpartition(":")
            if prefix and namespaceURI is None:
                raise xml.dom.NamespaceErr("illegal use of prefix without namespaces")
            if namespaceURI:
                element = document.createElementNS(namespaceURI, qualifiedName)
            else:
                element = document.createElement(qualifiedName)
            document.appendChild(element)
        return document

    def getInterface(self, feature):
        return self if self.hasFeature(feature, None) else None


def getDOMImplementation(features=None):
    return DOMImplementation()


def _is_xmlns(name):
    return name == "xmlns" or name.startswith("xmlns:")


class _Builder:
    """Builds a Document from the scanner's callbacks."""

    wants_default_attributes = False

    def __init__(self):
        self.document = Document()
        self.node = self.document
        self.scanner = None

    def on_start(self, name, attrs):
        document = self.document
        uri, local = self.scanner.resolve(name)
        prefix = name.partition(":")[0] if ":" in name else None
        element = Element(name, uri or None, prefix, local)
        element.ownerDocument = document
        # expat reports namespace declarations first, so they come first.
        attrs = sorted(attrs, key=lambda item: not _is_xmlns(item[0]))
        for key, value in attrs:
            if _is_xmlns(key):
                attr_uri = XMLNS_NAMESPACE
                attr_prefix, _, attr_local = key.rpartition(":")
            else:
                attr_uri, attr_local = self.scanner.resolve(key, True)
                attr_prefix = key.partition(":")[0] if ":" in key else ""
            attr = Attr(key, attr_uri or None, attr_local, attr_prefix or None)
            attr.value = value
            attr.ownerDocument = document
            attr.ownerElement = element
            element._attrs[key] = attr
        self.node._link(element, len(self.node.childNodes))
        self.node = element

    def on_end(self, name):
        self.node = self.node.parentNode

    def on_data(self, text):
        children = self.node.childNodes
        if children and children[-1].nodeType == Node.TEXT_NODE:
            children[-1].data += text
            return
        node = Text(text)
        node.ownerDocument = self.document
        self.node._link(node, len(children))

    def on_cdata(self, text):
        node = CDATASection(text)
        node.ownerDocument = self.document
        self.node._link(node, len(self.node.childNodes))

    def on_comment(self, text):
        node = Comment(text)
        node.ownerDocument = self.document
        self.node._link(node, len(self.node.childNodes))

    def on_pi(self, target, data):
        node = ProcessingInstruction(target, data)
        node.ownerDocument = self.document
        self.node._link(node, len(self.node.childNodes))

    def on_skipped_entity(self, name, index):
        # expat skips references to external entities it does not load.
        pass

    def on_xml_decl(self, version, encoding, standalone):
        self.document.version = version
        self.document.encoding = encoding
        self.document.standalone = None if standalone < 0 else bool(standalone)

    def on_doctype(self, name, pubid, system, subset):
        node = DocumentType(name, pubid, system, subset)
        node.ownerDocument = self.document
        self.document._link(node, len(self.document.childNodes))


def _build(feed):
    builder = _Builder()
    scanner = _scanner.Scanner(builder)
    builder.scanner = scanner
    try:
        feed(scanner)
        scanner.close()
    except _scanner.XMLSyntaxError as exc:
        raise _to_expat_error(exc) from None
    return builder.document


def parseString(string, parser=None):
    """Parses an XML document held in a str or bytes object."""
    if parser is not None:
        raise NotImplementedError("custom parsers are not supported by gilpy's minidom")
    return _build(lambda scanner: scanner.feed(string))


def parse(file, parser=None, bufsize=None):
    """Parses an XML document from a file name or an open file."""
    if parser is not None:
        raise NotImplementedError("custom parsers are not supported by gilpy's minidom")
    size = bufsize or 65536

    def feed_from(stream):
        def feed(scanner):
            while True:
                data = stream.read(size)
                if not data:
                    break
                scanner.feed(data)
        return feed

    if hasattr(file, "read"):
        return _build(feed_from(file))
    with open(file, "rb") as stream:
        return _build(feed_from(stream))
