text = "one\ntwo\r\nthree\rfour\x0cfive\n"
print(text.splitlines())
print(text.splitlines(keepends=True))
print("no newline".splitlines(), "".splitlines(), "\n".splitlines())
print("a=b=c".partition("="), "abc".rpartition("x"), "a:b".partition(":"))
print("a  b".split(" "), "a  b".split(None), "  a b  ".split(None, 1))
print("1,2,,3".rsplit(",", 1), "x".rsplit(), "a b c".rsplit(maxsplit=1))
