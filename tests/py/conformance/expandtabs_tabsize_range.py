# The tab size of str.expandtabs and bytes.expandtabs is a C int: values
# outside it are an OverflowError before any work is done.
for size in (1 << 62, 2 ** 31, -(2 ** 31) - 1):
    for text in ("\tx", b"\tx", "no tab"):
        try:
            text.expandtabs(size)
        except OverflowError as exc:
            print(type(text).__name__, size, "OverflowError:", exc)
        else:
            print(type(text).__name__, size, "accepted")
print(repr("a\tb\tc".expandtabs(3)), repr("a\tb".expandtabs(-4)), repr(b"\t!".expandtabs(2)))
