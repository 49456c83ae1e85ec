# __notes__ may be reassigned or deleted; add_note then refuses a non-list
# with TypeError rather than appending to it.
for e in [BaseException(1), ValueError(2), KeyError(3)]:
    print(hasattr(e, "__notes__"))
    e.add_note("first")
    e.add_note("second")
    print(e.__notes__)
    try:
        e.add_note(5)
    except TypeError as err:
        print("TypeError:", err)
    del e.__notes__
    print(hasattr(e, "__notes__"))
    e.add_note("again")
    print(e.__notes__)
    e.__notes__ = 42
    try:
        e.add_note("no")
    except TypeError as err:
        print("TypeError:", err)
    print(e.__notes__)
    e.__notes__ = ("a",)
    try:
        e.add_note("no")
    except TypeError as err:
        print("TypeError:", err)
