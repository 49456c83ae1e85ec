# Run by command_line.py with different -W options.
n = 3
s = 'a\d'
print(n is 3, s)
