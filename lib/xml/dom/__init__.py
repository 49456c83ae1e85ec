"""The W3C Document Object Model: node type constants and DOM exceptions.

The implementation lives in xml.dom.minidom.
"""


class Node:
    """The nodeType values, shared by every DOM implementation."""

    __slots__ = ()

    ELEMENT_NODE = 1
    ATTRIBUTE_NODE = 2
    TEXT_NODE = 3
    CDATA_SECTION_NODE = 4
    ENTITY_REFERENCE_NODE = 5
    ENTITY_NODE = 6
    PROCESSING_INSTRUCTION_NODE = 7
    COMMENT_NODE = 8
    DOCUMENT_NODE = 9
    DOCUMENT_TYPE_NODE = 10
    DOCUMENT_FRAGMENT_NODE = 11
    NOTATION_NODE = 12


class DOMException(Exception):
    """The base of the DOM errors; only its subclasses are raised."""

    def __init__(self, *args, **kwargs):
        if type(self) is DOMException:
            raise RuntimeError("DOMException should not be instantiated directly")
        Exception.__init__(self, *args, **kwargs)

    def _get_code(self):
        return self.code


# The DOM error classes in code order; each class's code is its position.
_ERRORS = ["IndexSizeErr", "DomstringSizeErr", "HierarchyRequestErr", "WrongDocumentErr",
           "InvalidCharacterErr", "NoDataAllowedErr", "NoModificationAllowedErr",
           "NotFoundErr", "NotSupportedErr", "InuseAttributeErr", "InvalidStateErr",
           "SyntaxErr", "InvalidModificationErr", "NamespaceErr", "InvalidAccessErr",
           "ValidationErr"]
_CODE_NAMES = ["INDEX_SIZE_ERR", "DOMSTRING_SIZE_ERR", "HIERARCHY_REQUEST_ERR",
               "WRONG_DOCUMENT_ERR", "INVALID_CHARACTER_ERR", "NO_DATA_ALLOWED_ERR",
               "NO_MODIFICATION_ALLOWED_ERR", "NOT_FOUND_ERR", "NOT_SUPPORTED_ERR",
               "INUSE_ATTRIBUTE_ERR", "INVALID_STATE_ERR", "SYNTAX_ERR",
               "INVALID_MODIFICATION_ERR", "NAMESPACE_ERR", "INVALID_ACCESS_ERR",
               "VALIDATION_ERR"]

for _code, (_class_name, _code_name) in enumerate(zip(_ERRORS, _CODE_NAMES), 1):
    globals()[_code_name] = _code
    globals()[_class_name] = type(_class_name, (DOMException,),
                                  {"code": _code, "__module__": __name__})
del _code, _class_name, _code_name


class UserDataHandler:
    """Operation codes passed to a UserDataHandler's handle()."""

    NODE_CLONED = 1
    NODE_IMPORTED = 2
    NODE_DELETED = 3
    NODE_RENAMED = 4


XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
EMPTY_NAMESPACE = None
EMPTY_PREFIX = None


def getDOMImplementation(name=None, features=()):
    """The DOM implementation: always minidom's."""
    from xml.dom import minidom
    return minidom.getDOMImplementation()
