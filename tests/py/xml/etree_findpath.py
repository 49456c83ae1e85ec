# The ElementPath subset: find, findall, findtext and iterfind.
import xml.etree.ElementTree as ET

root = ET.fromstring(
    '<lib>'
    '<shelf id="s1" kind="fiction">'
    '<book lang="en"><title>Dune</title><year>1965</year></book>'
    '<book lang="fr"><title>Candide</title><year>1759</year></book>'
    '<note>shelf one</note>'
    '</shelf>'
    '<shelf id="s2">'
    '<book lang="en"><title>Emma</title><year>1815</year><note>inner</note></book>'
    '<box><book lang="de"><title>Faust</title></book></box>'
    '</shelf>'
    '</lib>')


def names(elems):
    return [e.get("id") or e.findtext("title") or e.text or e.tag for e in elems]


for path in ["shelf", "*", ".", "shelf/book", "shelf/*", "*/book/title", ".//book",
             ".//title", "shelf//title", ".//book/..", "shelf/book/..", "..",
             ".//book[@lang]", ".//book[@lang='en']", './/book[@lang="fr"]',
             ".//book[@lang!='en']", "shelf[@kind]", "shelf[book]", "shelf[note]",
             ".//book[title='Emma']", ".//book[title!='Emma']", ".//title[.='Dune']",
             ".//title[.!='Dune']", "shelf/book[1]", "shelf/book[2]", "shelf/book[3]",
             "shelf[2]", "shelf/book[last()]", "shelf/book[last()-1]", ".//book[1]",
             "shelf/*[2]", ".//note", "./shelf/./book", "shelf/", ".//*[@lang='de']",
             ".//book[@lang='en'][2]", "nothing", "shelf/nothing/book", "{*}shelf",
             "{}shelf", ".//{*}title"]:
    print(repr(path), names(root.findall(path)))

print(root.find("shelf/book/title").text, root.find("missing"))
print(repr(root.findtext("shelf/book/year")), repr(root.findtext("nope")),
      repr(root.findtext("nope", "default")), repr(root.findtext("shelf")))
print(names(root.iterfind(".//year")), type(root.iterfind("shelf")).__name__ != "list")

tree = ET.ElementTree(root)
print(names(tree.findall("shelf")), tree.findtext(".//title"), tree.find("shelf").get("id"))
print(names(tree.iterfind("shelf/book")))

# Errors.
for path in ["/lib", "shelf[0]", "shelf[foo()]", "//book"]:
    try:
        root.findall(path)
    except SyntaxError as exc:
        print(repr(path), "SyntaxError", exc.msg if hasattr(exc, "msg") else exc)

# Namespaced searches.
ns_root = ET.fromstring('<r xmlns="urn:d" xmlns:p="urn:p"><a/><p:b><a/></p:b></r>')
print(len(ns_root.findall("{urn:d}a")), len(ns_root.findall(".//{urn:d}a")),
      len(ns_root.findall("p:b", {"p": "urn:p"})), len(ns_root.findall("a", {"": "urn:d"})),
      len(ns_root.findall(".//{*}a")), len(ns_root.findall("{urn:p}*")),
      len(ns_root.findall("p:b/d:a", {"p": "urn:p", "d": "urn:d"})))
try:
    ns_root.findall("q:b", {"p": "urn:p"})
except SyntaxError as exc:
    print("SyntaxError", exc.msg)
