# Normal forms of every character that has a decomposition or a combining
# class, and of a sample of the others (Hangul syllables every 7th), each on
# its own; compared with CPython's through checksums.
import unicodedata
import zlib


def digest(values):
    return zlib.crc32("\x00".join(values).encode("utf-8", "surrogatepass"))


chars = [chr(cp) for cp in range(0x110000)
         if unicodedata.decomposition(chr(cp)) or unicodedata.combining(chr(cp))
         or (0xAC00 <= cp < 0xD7A4 and cp % 7 == 0) or cp % 997 == 0]
print(len(chars))
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    out = [unicodedata.normalize(form, c) for c in chars]
    flags = "".join("1" if unicodedata.is_normalized(form, c) else "0" for c in chars)
    print(form, digest(out), zlib.crc32(flags.encode()),
          sum(1 for c, o in zip(chars, out) if c != o))
    # Pairs of neighbours exercise composition across characters.
    pairs = [unicodedata.normalize(form, a + b) for a, b in zip(chars, chars[1:])]
    print(" pairs", digest(pairs))
