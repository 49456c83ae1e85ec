print("reading from empty stdin")
try:
    line = input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", e)
