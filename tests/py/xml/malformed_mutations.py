# Truncated and corrupted documents must raise ParseError with expat's
# message and position; none may crash or hang.
import xml.etree.ElementTree as ET

DOC = ('<?xml version="1.0"?>\n<!-- c -->\n<r a="1" b=\'x&amp;y\'>\n'
       ' <i>t&#65;&lt;</i><j/><![CDATA[d]]><?p q?>\n</r>\n')


def attempt(text):
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        return "%s %s %s" % (exc, exc.code, exc.position)
    return "OK " + ET.tostring(root, encoding="unicode")


# Every truncation of the document.
for end in range(len(DOC) + 1):
    print("cut", end, attempt(DOC[:end]))

# Every position replaced by a troublesome character, or removed.
for i in range(len(DOC)):
    for bad in ("<", ">", "&", '"', "]", "\x00", "/", " "):
        if DOC[i] != bad:
            print("put", i, repr(bad), attempt(DOC[:i] + bad + DOC[i + 1:]))
    print("del", i, attempt(DOC[:i] + DOC[i + 1:]))
