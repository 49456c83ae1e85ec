# assertSetEqual's first lines for equal, unequal and unsupported operands.
import unittest
class T(unittest.TestCase):
    def runTest(self): pass
t = T()
for a, b in [({1}, {1}), ({1, 2}, {2, 3}), (1, {1}), ({1}, 1), ({1}, [1]), ([1], {1})]:
    try:
        t.assertSetEqual(a, b)
        print("equal")
    except AssertionError as e:
        print(str(e).splitlines()[0])
