import sys
n = sys.stdout.write("written directly\n")
print(n)
sys.stdout.write("no newline")
sys.stdout.write("\n")
sys.stderr.write("to stderr\n")
print("to stderr via print", file=sys.stderr)
sys.stdout.flush()
print(sys.stdout is sys.__stdout__, hasattr(sys.stderr, "write"))
