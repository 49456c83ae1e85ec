# Run by command_line.py: SyntaxWarnings only, one of them twice (a while
# loop's test is compiled twice).
def pairs(x):
    return [(1, 2)
            (3, 4)]

def count(n):
    while n is not 0:
        n -= 1
    return n

if __name__ == "__main__":
    print(count(2))
