# SystemExit's code becomes the exit status; finally blocks still run.
import sys
try:
    sys.exit(3)
finally:
    print('finally ran')
