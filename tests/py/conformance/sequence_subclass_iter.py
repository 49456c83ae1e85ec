# A list or tuple subclass that defines __iter__ must be consumed through it
# by every place that accepts an iterable; only exact lists and tuples (or
# subclasses that keep the inherited __iter__) may be read as arrays.


class Doubling(list):
    def __iter__(self):
        for item in list.__iter__(self):
            yield item
            yield item


class Shouting(tuple):
    def __iter__(self):
        return (str(x).upper() for x in tuple.__iter__(self))


class Plain(list):
    pass


def collect(*args):
    return args


for seq in (Doubling(["a", "b"]), Shouting(("a", "b")), Plain(["a", "b"])):
    name = type(seq).__name__
    print(name, "list", list(seq))
    print(name, "tuple", tuple(seq))
    print(name, "sorted set", sorted(set(seq)))
    print(name, "star call", collect(*seq))
    print(name, "display", [*seq], (*seq,), sorted({*seq}))
    print(name, "join", "-".join(seq))
    target = ["start"]
    target.extend(seq)
    target += seq
    print(name, "extend", target)
    target = [0, 1, 2]
    target[1:2] = seq
    print(name, "slice assign", target)
    s = set()
    s.update(seq)
    print(name, "set.update", sorted(s))
    print(name, "len still", len(seq))

# The evaluation order of a display with several starred parts is left to
# right, each __iter__ called when its turn comes.
log = []


class Noisy(list):
    def __iter__(self):
        log.append("iter")
        yield "item"
        log.append("done")


log.append("before")
result = [log.append("first"), *Noisy(), log.append("last")]
print(result, log)
