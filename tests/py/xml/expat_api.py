# xml.parsers.expat: handler callbacks, namespace processing and errors.
import io
from xml.parsers import expat

log = []
p = expat.ParserCreate()
p.StartElementHandler = lambda name, attrs: log.append(("start", name, attrs))
p.EndElementHandler = lambda name: log.append(("end", name))
p.CharacterDataHandler = lambda data: log.append(("data", data))
p.CommentHandler = lambda text: log.append(("comment", text))
p.ProcessingInstructionHandler = lambda target, data: log.append(("pi", target, data))
p.XmlDeclHandler = lambda version, encoding, standalone: log.append(("decl", version, encoding, standalone))
p.Parse(b'<?xml version="1.0" encoding="utf-8"?><r a="1" b="2"><!--c--><?t d?>', False)
p.Parse(b"<s>x</s></r>", True)
for entry in log:
    print(entry)

log = []
p = expat.ParserCreate(namespace_separator=" ")
p.StartElementHandler = lambda name, attrs: log.append(("start", name, attrs))
p.StartNamespaceDeclHandler = lambda prefix, uri: log.append(("ns", prefix, uri))
p.EndNamespaceDeclHandler = lambda prefix: log.append(("end-ns", prefix))
p.ordered_attributes = True
p.Parse('<r xmlns="urn:d" xmlns:p="urn:p" p:k="v" z="1"><p:c/></r>', True)
for entry in log:
    print(entry)

p = expat.ParserCreate()
seen = []
p.StartElementHandler = lambda name, attrs: seen.append(name)
p.ParseFile(io.BytesIO(b"<a><b/><c/></a>"))
print(seen)

p = expat.ParserCreate()
try:
    p.Parse("<a>\n<b></a>", True)
except expat.ExpatError as exc:
    print(exc, exc.code, exc.lineno, exc.offset, expat.ErrorString(exc.code))
    print(p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber)
print(expat.error is expat.ExpatError)
print(expat.errors.XML_ERROR_TAG_MISMATCH, expat.errors.codes["mismatched tag"],
      expat.errors.messages[7])
