# Allocation sweep: generators, closures and exceptions.
def numbers(n):
    for i in range(n):
        try:
            if i % 7 == 3:
                raise ValueError(f"bad {i}")
            yield i * 2
        except ValueError as e:
            yield str(e)
        finally:
            pass


def pipeline():
    squares = (x * x for x in numbers(30) if isinstance(x, int))
    return [s for s in squares if s % 3]


class Failure(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


def deep(n):
    if n == 0:
        raise Failure(n)
    try:
        deep(n - 1)
    except Failure as e:
        raise KeyError(n) from e


def counter():
    count = 0

    def bump(by=1):
        nonlocal count
        count += by
        return count
    return bump


bump = counter()
caught = []
for k in range(5):
    try:
        deep(k)
    except Exception as e:
        caught.append((type(e).__name__, e.__cause__ is not None))
    bump(k)
with open(__file__) as f:
    first = f.readline()
print(pipeline()[:5], caught[-1], bump(), first.strip()[:10])
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
