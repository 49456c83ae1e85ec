# An except* that leaves part of a group unhandled ends the program with
# that part, printed with the original traceback.
def work():
    raise ExceptionGroup("jobs", [ValueError("bad input"), ConnectionError("lost"),
                                  ExceptionGroup("sub", [ValueError("again")])])


try:
    work()
except* ValueError as e:
    print("handled", repr(e))
