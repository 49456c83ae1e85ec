# difflib: SequenceMatcher on empty and junk-laden inputs, re-targeting with
# set_seq1/set_seq2, grouped opcodes, Differ on multi-line replacements,
# unified/context diffs with dates and zero context, diff_bytes and the
# argument errors.
import difflib

# SequenceMatcher corner cases.
for a, b in [("", ""), ("", "abc"), ("abc", ""), ("abc", "abc"), ("abcabc", "cba"),
             ("aaaa", "aa"), ([1, 2, 3, 4], [4, 3, 2, 1]), ("xyz", "abc")]:
    sm = difflib.SequenceMatcher(None, a, b)
    print(repr(a), repr(b), sm.get_matching_blocks(), sm.get_opcodes(),
          sm.ratio(), sm.quick_ratio(), sm.real_quick_ratio())
sm = difflib.SequenceMatcher(None, "abcd", "bcde")
m = sm.find_longest_match()
print(m, m.a, m.b, m.size, type(m).__name__, sm.find_longest_match(0, 2, 0, 4))
sm.set_seq1("zbcz")
print(sm.get_opcodes())
sm.set_seq2("zzbc")
print(sm.get_opcodes(), sm.a, sm.b)
sm.set_seqs("hello world", "help world")
print(sm.get_matching_blocks(), round(sm.ratio(), 4))

# Junk: isjunk elements never start a match but may extend one.
sm = difflib.SequenceMatcher(lambda c: c in " -", "a - b - c", "a-b c")
print(sm.get_opcodes(), sorted(sm.bjunk), sm.find_longest_match(0, 9, 0, 5))
lines_a = ["\n", "def f():\n", "    return 1\n", "\n", "# end\n"]
lines_b = ["def f():\n", "\n", "    return 2\n", "#\n", "# end\n"]
sm = difflib.SequenceMatcher(difflib.IS_LINE_JUNK, lines_a, lines_b)
print(sm.get_opcodes())

# Popular elements (autojunk) in long sequences.
long_a = "ab" * 150 + "xyz"
long_b = "ab" * 140 + "q" + "xyz"
sm = difflib.SequenceMatcher(None, long_a, long_b)
print(sorted(sm.bpopular), sm.get_opcodes()[:3], round(sm.ratio(), 4))

# Grouped opcodes.
a = [str(i) + "\n" for i in range(30)]
b = a[:3] + ["x\n"] + a[4:20] + a[21:28] + ["y\n", "z\n"]
for n in (0, 1, 3):
    print(n, list(difflib.SequenceMatcher(None, a, b).get_grouped_opcodes(n)))
print(list(difflib.SequenceMatcher(None, a, a).get_grouped_opcodes()))
print(list(difflib.SequenceMatcher(None, [], []).get_grouped_opcodes()))

# Differ.
d = difflib.Differ()
before = ["The quick brown fox\n", "jumps over\n", "the lazy dog.\n", "End.\n"]
after = ["The quick brown cat\n", "leaps over\n", "a lazy dog!\n", "Something new\n", "End.\n"]
print("".join(d.compare(before, after)), end="")
print("".join(difflib.Differ(charjunk=difflib.IS_CHARACTER_JUNK).compare(
    ["  indented line\n"], ["\tindented  line\n"])), end="")
print("".join(difflib.ndiff(["a\n", "b\n", "c\n"], ["a\n", "B\n", "b\n", "c\n"])), end="")
print("".join(difflib.ndiff(["same\n", "x\n"], ["x\n", "same\n"])), end="")
print("".join(difflib.ndiff(["aaaa\n", "bbbb\n"], ["cccc\n", "dddd\n", "eeee\n"])), end="")
print("".join(difflib.ndiff(["aaaa\n", "bbbb\n", "cccc\n"], ["zzzz\n"])), end="")
print("".join(difflib.ndiff(["one two three\n"], ["one 2 three\n"], linejunk=difflib.IS_LINE_JUNK)), end="")
print(list(difflib.ndiff([], [])), list(difflib.ndiff(["x\n"], [])))
delta = list(difflib.ndiff(before, after))
print("".join(difflib.restore(iter(delta), 2)) == "".join(after), list(difflib.restore(delta, "1")) == before)
try:
    list(difflib.restore(delta, 3))
except ValueError as e:
    print("ValueError:", e)

# Unified and context diffs.
old = ["line %d\n" % i for i in range(1, 12)]
new = old[:1] + old[2:6] + ["inserted\n"] + old[6:10] + ["changed\n"]
print("".join(difflib.unified_diff(old, new, "old", "new", "2024-01-01", "2024-01-02")), end="")
print("".join(difflib.unified_diff(old, new, n=0)), end="")
print("".join(difflib.context_diff(old, new, "old", "new", "d1", "d2", n=1)), end="")
print("".join(difflib.context_diff(old, old[:5] + ["added\n"] + old[5:])), end="")
print("".join(difflib.context_diff(old, old[:4] + old[5:])), end="")
print(list(difflib.context_diff(["a"], ["b"], lineterm="")))
print(list(difflib.unified_diff(["a", "b"], ["a"], lineterm="", n=5)))
print(list(difflib.unified_diff([], ["new"], lineterm="")), list(difflib.context_diff(["gone"], [], lineterm="")))

# Bytes.
print(list(difflib.diff_bytes(difflib.unified_diff, [b"a\n", b"\xff\n"], [b"a\n", b"b\n"], b"x", b"y")))
for bad in (lambda: list(difflib.unified_diff([b"a"], ["b"])),
            lambda: list(difflib.unified_diff(["a"], [1])),
            lambda: list(difflib.context_diff(["a"], ["b"], fromfile=b"x")),
            lambda: list(difflib.diff_bytes(difflib.unified_diff, ["a"], [b"b"])),
            lambda: difflib.get_close_matches("x", ["y"], cutoff=1.5),
            lambda: difflib.get_close_matches("x", ["y"], n=-1)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# get_close_matches.
words = ["ape", "apple", "apply", "applet", "maple", "pale", "happy"]
print(difflib.get_close_matches("appel", words), difflib.get_close_matches("appel", words, n=1))
print(difflib.get_close_matches("appel", words, n=10, cutoff=0.3))
print(difflib.get_close_matches("zzz", words), difflib.get_close_matches("", ["", "a"]))
print(difflib.SequenceMatcher[int], difflib.IS_CHARACTER_JUNK("x"), difflib.IS_LINE_JUNK("  #  \n"))
