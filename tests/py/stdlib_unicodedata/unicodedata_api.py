# unicodedata: normalization of sequences (reordering, blocking, Hangul),
# names and lookup, and the errors.
import unicodedata as ud

samples = [
    "e\u0301", "\u00e9", "a\u0323\u0302", "a\u0302\u0323", "\u1e69", "s\u0307\u0323",
    "\u1100\u1161\u11a8", "\uac01", "\u1100\u1161", "\u0301abc", "A\u030a\u0301",
    "\u212b", "\u2126", "\ufb01", "\u00bd", "x\u0308\u0301\u0327", "\u0344",
    "\u0958", "\u2460\u00b2\u2167", "\uff76\uff9e", "caf\u00e9 na\u00efve \u0645\u064e",
    "\U0001d400", "\u03d3", "\u1e9b\u0323", "\u05d0\u05b7\u05bc", "\u0f73",
]
for s in samples:
    row = [ascii(s)]
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        n = ud.normalize(form, s)
        row.append(ascii(n))
        assert ud.is_normalized(form, n), (form, s)
        row.append(ud.is_normalized(form, s))
    print(*row)

text = "".join(chr(c) for c in range(0xc0, 0x250)) + "\uac00\ud7a3\u1112\u1175\u11c2"
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    once = ud.normalize(form, text)
    print(form, len(once), ud.normalize(form, once) == once, ud.normalize("NFC", ud.normalize("NFD", once)) == ud.normalize("NFC", once))
s = "plain ascii"
print(ud.normalize("NFC", s) is s, ud.normalize("NFKD", "") == "")

for c in "A a ~ \u00e9 \u00c5 \u03a9 \u2603 \u20ac \u2192 \U0001f600 \uac00 \ud7a3 \uae40 \u4e00 \u9fff \U00020000 \uf900 \U00018b00 \U0001b170".split():
    name = ud.name(c)
    print(ascii(c), name, ud.lookup(name) == c, ud.lookup(name.lower(), ) == c if name[0] not in "HC" or "COMPAT" in name else None)
print(ud.name("\t", "no name"), ud.name("\x00", None), ud.name("\ue000", "private"))
def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "ok", ascii(r))


for n in ("LATIN SMALL LETTER A", "latin capital letter e with acute", "SNOWMAN", "TAB",
          "LINE FEED", "NBSP", "BYTE ORDER MARK", "HANGUL SYLLABLE GAG", "HANGUL SYLLABLE HIH",
          "CJK UNIFIED IDEOGRAPH-4E2D", "CJK UNIFIED IDEOGRAPH-2A6DF", "nushu character-1b170", "KHITAN SMALL SCRIPT CHARACTER-18B00",
          "cjk compatibility ideograph-f900", "CJK UNIFIED IDEOGRAPH-4e00", "hangul syllable ga",
          "GRINNING FACE", "TANGUT IDEOGRAPH-17000"):
    attempt(n, lambda: ud.lookup(n))


attempt("lookup unknown", lambda: ud.lookup("NO SUCH THING"))
attempt("lookup hangul bad", lambda: ud.lookup("HANGUL SYLLABLE XYZ"))
attempt("lookup cjk bad", lambda: ud.lookup("CJK UNIFIED IDEOGRAPH-0041"))
attempt("lookup long", lambda: ud.lookup("A" * 300))
attempt("name none", lambda: ud.name("\t"))
attempt("category int", lambda: ud.category(65))
attempt("category str2", lambda: ud.category("ab"))
attempt("category empty", lambda: ud.category(""))
attempt("decimal", lambda: ud.decimal("a"))
attempt("digit", lambda: ud.digit("a"))
attempt("numeric", lambda: ud.numeric("a"))
attempt("decimal dflt", lambda: ud.decimal("a", "x"))
attempt("normalize form", lambda: ud.normalize("NFX", "a"))
attempt("normalize int", lambda: ud.normalize("NFC", 5))
attempt("normalize form int", lambda: ud.normalize(1, "a"))
attempt("is_normalized form", lambda: ud.is_normalized("nfc", "a"))
attempt("normalize args", lambda: ud.normalize("NFC"))
print(ud.unidata_version)
