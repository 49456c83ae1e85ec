# assert with and without a message.
assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
try:
    x = 3
    assert x > 5, f"x too small: {x}"
except AssertionError as e:
    print(e)
