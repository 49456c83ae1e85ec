# difflib: SequenceMatcher blocks/opcodes/ratios, ndiff with guide lines,
# unified and context diffs, get_close_matches.
import difflib

s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks())
print(s.get_opcodes())
print(round(s.ratio(), 4), round(s.quick_ratio(), 4), round(s.real_quick_ratio(), 4))
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.find_longest_match(0, 29, 0, 38))
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, "qabxcd", "abycdf").get_opcodes():
    print(tag, i1, i2, j1, j2)
a = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n".splitlines(keepends=True)
b = "one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine!\nten\neleven\n".splitlines(keepends=True)
print("".join(difflib.ndiff(a, b)), end="")
print("".join(difflib.unified_diff(a, b, "a.txt", "b.txt")), end="")
print("".join(difflib.unified_diff(a, b, n=1)), end="")
print("".join(difflib.context_diff(a, b, "a.txt", "b.txt")), end="")
print(list(difflib.unified_diff(["x"], ["y"], lineterm="")))
print(list(difflib.unified_diff([], [])))
print("".join(difflib.ndiff(["abcdefg\n"], ["abXdefgh\n"])), end="")
print("".join(difflib.ndiff(["tab\there\n", "same\n"], ["tab\tHere\n", "other\n", "same\n"])), end="")
print(list(difflib.ndiff(["completely\n"], ["different\n"])))
delta = list(difflib.ndiff(a, b))
print("".join(difflib.restore(delta, 1)) == "".join(a), "".join(difflib.restore(delta, 2)) == "".join(b))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale", "wheels"], n=2))
try:
    difflib.get_close_matches("x", [], n=0)
except ValueError as e:
    print(e)
long_a = [str(i % 7) for i in range(300)]
long_b = [str(i % 5) for i in range(300)]
sm = difflib.SequenceMatcher(None, long_a, long_b)
print(len(sm.get_opcodes()), round(sm.ratio(), 4), sorted(sm.bpopular))
sm = difflib.SequenceMatcher(None, long_a, long_b, autojunk=False)
print(len(sm.get_opcodes()), round(sm.ratio(), 4))
print(difflib.IS_CHARACTER_JUNK(" "), difflib.IS_LINE_JUNK(" # \n"), difflib.IS_LINE_JUNK("x"))
