# NameError hints: locals of the failing frame first, then globals, then
# builtins; the hint is only printed in the traceback, never in str(exc).
try:
    pritn
except NameError as e:
    print(str(e), e.name)
try:
    [].appnd
except AttributeError as e:
    print(str(e), e.name, e.obj)

def f():
    counter = 1
    return countr
try:
    f()
except NameError as e:
    print(repr(e), e.name)

def main():
    total_count = 0
    for i in range(3):
        total_count += i
    print(totl_count)
main()
