# tomllib on 1,500 damaged documents: spec examples with characters
# deleted, inserted or replaced at random (fixed seed). Every result, value
# or error message with its line and column, must be CPython's.
import random
import tomllib

from documents import CORPUS

ALPHABET = list('abc=[]{}"\'#.,\n \t0123456789-+_:eExTZ\\u') + ['"""', "'''", '[[', ']]', '\r', '\x00', 'true', 'inf', '1979-05-27', '07:32:00']


def mutate(rng, doc):
    s = list(doc)
    for _ in range(rng.randint(1, 3)):
        op = rng.random()
        i = rng.randint(0, len(s))
        if op < 0.4 and s:
            del s[min(i, len(s) - 1)]
        elif op < 0.8:
            s.insert(i, rng.choice(ALPHABET))
        elif s:
            s[min(i, len(s) - 1)] = rng.choice(ALPHABET)
    return ''.join(s)


def run(doc):
    try:
        return repr(tomllib.loads(doc))
    except tomllib.TOMLDecodeError as e:
        return 'error: ' + str(e)


rng = random.Random(2024)
for i in range(1500):
    doc = mutate(rng, rng.choice(CORPUS))
    print(repr(doc), '->', run(doc))
