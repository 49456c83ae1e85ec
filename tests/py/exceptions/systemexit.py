import sys
try:
    sys.exit(4)
except SystemExit as e:
    print("caught exit", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("caught exit", e.code)
try:
    raise SystemExit
except SystemExit as e:
    print("bare", e.code)
print("exiting with 3")
sys.exit(3)
print("never")
