# sys.exit with a string prints it on stderr and exits with status 1.
import sys
print('before')
sys.exit('bye now')
print('never')
