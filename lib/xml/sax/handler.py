"""The SAX handler interfaces: ContentHandler and ErrorHandler, with defaults."""

_FEATURES = "http://xml.org/sax/features/"
feature_namespaces = _FEATURES + "namespaces"
feature_namespace_prefixes = _FEATURES + "namespace-prefixes"
feature_string_interning = _FEATURES + "string-interning"
feature_validation = _FEATURES + "validation"
feature_external_ges = _FEATURES + "external-general-entities"
feature_external_pes = _FEATURES + "external-parameter-entities"
all_features = [feature_namespaces, feature_namespace_prefixes, feature_string_interning,
                feature_validation, feature_external_ges, feature_external_pes]


class ErrorHandler:
    """Default error policy: errors and fatal errors raise, warnings print."""

    def error(self, exception):
        raise exception

    fatalError = error

    def warning(self, exception):
        print(exception)


class ContentHandler:
    """Receives the document's events; by default every event is ignored.

    The events: startDocument(), endDocument(), startPrefixMapping(prefix,
    uri), endPrefixMapping(prefix), startElement(name, attrs),
    endElement(name), startElementNS(name, qname, attrs), endElementNS(name,
    qname), characters(content), ignorableWhitespace(whitespace),
    processingInstruction(target, data) and skippedEntity(name).
    """

    def __init__(self):
        self._locator = None

    def setDocumentLocator(self, locator):
        self._locator = locator


def _ignored(self, *args):
    """Default for a ContentHandler event: do nothing."""


for _event in ("startDocument", "endDocument", "startPrefixMapping", "endPrefixMapping",
               "startElement", "endElement", "startElementNS", "endElementNS", "characters",
               "ignorableWhitespace", "processingInstruction", "skippedEntity"):
    setattr(ContentHandler, _event, _ignored)
del _event
