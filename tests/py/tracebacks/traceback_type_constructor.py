# types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) builds a
# traceback entry, with CPython's argument checks.
import sys, types, traceback

def get_tb():
    try:
        raise OSError()
    except OSError as e:
        return e.__traceback__

other_tb = get_tb()
frame = sys._getframe()
tb = types.TracebackType(other_tb, frame, 1, 2)
print(tb.tb_next is other_tb, tb.tb_frame is frame, tb.tb_lasti, tb.tb_lineno)
tb = types.TracebackType(None, frame, 1, 2)
print(tb.tb_next)
tb = types.TracebackType(tb_next=None, tb_frame=frame, tb_lasti=6, tb_lineno=11)
print(tb.tb_lasti, tb.tb_lineno, tb.tb_frame.f_code.co_name)
for args in [("no", frame, 1, 2), (other_tb, "no", 1, 2), (other_tb, frame, "no", 2),
             (other_tb, frame, 1, "nuh-uh"), (other_tb, frame, 1)]:
    try:
        types.TracebackType(*args)
    except TypeError as e:
        print("TypeError", e)

