# Generated documents (a fixed linear congruential sequence): dumps under many option
# sets, loads of the results, and truncated documents' error messages, as CPython.
import json

state = 987654321


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return (state >> 8) % n


WORDS = ['', 'a', 'key', 'é', '日本', '😀', 'q"b', 'back\\', 'nl\n', '\x00', '\x7f', '\u2028', 'tab\t', '/']


def make(depth):
    k = rnd(10 if depth < 4 else 6)
    if k == 0:
        return None
    if k == 1:
        return rnd(2) == 0
    if k == 2:
        return rnd(2 ** 20) - 2 ** 19
    if k == 3:
        return (rnd(2 ** 30) - 2 ** 29) / (rnd(1000) + 1) * 10.0 ** (rnd(40) - 20)
    if k == 4:
        return ''.join(WORDS[rnd(len(WORDS))] for _ in range(rnd(4)))
    if k == 5:
        return 10 ** rnd(30) * (rnd(3) - 1)
    if k in (6, 7):
        return [make(depth + 1) for _ in range(rnd(5))]
    d = {}
    for _ in range(rnd(5)):
        d[WORDS[rnd(len(WORDS))] + str(rnd(10))] = make(depth + 1)
    return d


OPTIONS = [{}, {'sort_keys': True}, {'indent': 2}, {'ensure_ascii': False}, {'separators': (',', ':')},
           {'indent': '\t', 'sort_keys': True, 'ensure_ascii': False}, {'indent': 0}]
for i in range(120):
    doc = make(0)
    opts = OPTIONS[i % len(OPTIONS)]
    text = json.dumps(doc, **opts)
    back = json.loads(text)
    print(ascii(text), back == doc)
    if len(text) > 2:
        cut = text[:rnd(len(text) - 1) + 1]
        try:
            json.loads(cut)
            print('  cut ok', ascii(cut))
        except json.JSONDecodeError as e:
            print('  cut', e.msg, e.pos, e.lineno, e.colno)
