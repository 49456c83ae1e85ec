import _cycle_a
B_VALUE = "b"
def from_a():
    return _cycle_a.A_VALUE
