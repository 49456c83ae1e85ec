# range: len, indexing, slicing, membership, equality, big bounds, errors
r = range(0, 10, 3)
print(r, len(r), r[0], r[-1], r[1:3], r[::-1], list(r), list(reversed(r)))
print(range(5), range(1, 5), range(5, 1, -1), list(range(5, 1, -1)), list(range(-5)))
print(6 in r, 7 in r, 6.0 in r, "a" in r, r.index(9), r.count(3), r.count(4))
print(range(2) == range(0, 2, 1), range(0) == range(5, 2), range(1, 10, 2) == range(1, 11, 2))
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)))
print(r.start, r.stop, r.step, range(3).start)
big = range(10**20)
print(big, big[5], big[-1], 5 in big, 10**20 in big, big[10**19:10**19 + 3])
print(list(range(2**63 - 2, 2**63 + 1)), len(range(2**62, 2**63)))
print(sum(range(100001)), list(range(10, 0, -3)), range(0, -10, -2)[2], range(10)[1:8:3], range(10)[::-2])
print(big[::-1], big[-5:], big[::10**19], big[5:2], range(2**62)[::2**61])
for bad in ("range(1.0)", "range(1, 2, 0)", "len(range(10**20))", "range(3).index(5)",
            "range(10)[20]", "range('a')", "range(1, 'a')", "range(3)['a']", "range()",
            "range(1, 2, 3, 4)", "range(3)[1.5]"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
total = 0
for i in range(1000):
    total += i
print(total, type(iter(range(3))).__name__)
