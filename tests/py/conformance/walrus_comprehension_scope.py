# Where does an assignment expression inside a comprehension bind?


def declared_global():
    global counter_a
    result = [counter_a := n * 3 for n in range(4)]
    return result


print(declared_global(), counter_a)


def nested_global():
    def inner():
        global counter_b
        return [counter_b := c for c in 'xyz']
    got = inner()
    return got, counter_b


print(nested_global(), counter_b)


def enclosing_local():
    last = None
    seen = [last := w for w in ['p', 'q'] if w != last]
    return seen, last


print(enclosing_local())
print('last' in globals())


def through_nonlocal():
    box = 'unset'

    def fill():
        nonlocal box
        return [box := k for k in range(3)]
    return fill(), box


print(through_nonlocal())


def inner_generator_global():
    global counter_c
    return sum((counter_c := v) for v in [5, 6, 7])


print(inner_generator_global(), counter_c)

# Rebinding any enclosing comprehension's loop variable is a SyntaxError.
for source in [
    '[[(outer := x) for x in range(2)] for outer in range(2)]',
    '[[(x := outer) for x in range(2)] for outer in range(2)]',
    '[(v := 1) for v in range(3)]',
    '[(a := 1) for a, b in [(1, 2)]]',
    '{k: (k := 0) for k in "ab"}',
]:
    try:
        compile(source, '<walrus>', 'eval')
        print('compiled:', source)
    except SyntaxError as err:
        print('SyntaxError:', err.msg)

# Allowed: the inner walrus target is not a loop variable of any level.
print([[(fresh := x + y) for x in range(2)] for y in range(2)], fresh)
