import sys
def run():
    try:
        sys.exit(5)
    finally:
        print("finally still runs")
run()
print("never")
