# sys.set_int_max_str_digits() governs both directions of decimal
# conversion; 0 removes the limit, and power-of-two bases are exempt.
import sys

print(sys.get_int_max_str_digits())
saved = sys.get_int_max_str_digits()
try:
    sys.set_int_max_str_digits(700)
    big = 10 ** 700
    for label, make in (
        ("str", lambda: str(big)),
        ("repr", lambda: repr(big)),
        ("fstring", lambda: f"{big}"),
        ("percent", lambda: "%d" % big),
        ("format ,", lambda: format(big, ",")),
        ("parse", lambda: int("7" * 701)),
    ):
        try:
            make()
        except ValueError as exc:
            print(label, "ValueError:", exc)
        else:
            print(label, "no error")
    print(len(str(10 ** 699)), len(hex(big)), int("f" * 800, 16) % 1000)
    sys.set_int_max_str_digits(0)
    print(len(str(big)), int("7" * 5000) % 1000)
finally:
    sys.set_int_max_str_digits(saved)
try:
    int("1" * 4301)
except ValueError as exc:
    print("default limit:", exc)
