print(chr(97), chr(0x1F600), ord("a"), ord("€"), ord("\n"))
print(hex(0), hex(255), hex(-1), oct(0), oct(64), bin(0), bin(10), bin(-3))
print(int(hex(1234), 16), int(oct(1234), 8), int(bin(1234), 2))
try:
    hex(1.5)
except TypeError as e:
    print(e)
